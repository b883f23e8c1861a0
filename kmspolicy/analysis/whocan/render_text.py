"""A who-can report as rich tables: one per key (or, for ``--principal`` alone, one per
principal), rows with the same access and conditions merged, then the findings. Colour
comes from rich, which turns it off for NO_COLOR and for output that is not a terminal."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.whocan.report import Report, RowGroup, group_rows

__all__ = ["render_text"]

_FINDING_STYLES = {
    FindingType.ERROR: "bold red",
    FindingType.SECURITY_WARNING: "bold magenta",
    FindingType.WARNING: "yellow",
    FindingType.SUGGESTION: "cyan",
}


def _access(group: RowGroup) -> Text:
    if group.access == "allowed":
        return Text("allowed", style="green")
    return Text("conditional", style="yellow")


def _table(title: str, first: str, groups: list[RowGroup], by_principal: bool) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column(first, overflow="fold", ratio=3)
    table.add_column("Access", no_wrap=True)
    table.add_column("Actions", overflow="fold", ratio=3)
    table.add_column("Conditions (all must hold)", overflow="fold", ratio=4)
    table.add_column("Via", overflow="fold", ratio=3)
    for group in groups:
        table.add_row(
            group.key if by_principal else group.principal,
            _access(group),
            ", ".join(a.split(":", 1)[1] for a in group.actions),
            "\n".join(group.conditions) or "-",
            "\n".join(group.via),
        )
    return table


def render_text(report: Report, stream: IO[str], *, by_principal: bool = False) -> None:
    """Print the report. ``by_principal`` groups it by principal ("what can P do")."""
    console = Console(file=stream, width=None if stream.isatty() else 160)
    groups = group_rows(report.rows)
    if by_principal:
        order: dict[str, list[RowGroup]] = {}
        for group in groups:
            order.setdefault(group.principal, []).append(group)
        for principal, found in order.items():
            console.print(_table(f"What {principal} can do", "Key", found, True))
    else:
        for key in report.keys:
            found = [g for g in groups if g.key == key.arn]
            aliases = f" ({', '.join(key.info.aliases)})" if key.info.aliases else ""
            if found:
                console.print(_table(f"Who can use {key.arn}{aliases}", "Principal", found, False))
            else:
                console.print(Text(f"Nobody can use {key.arn}{aliases}.", style="dim"))
    allowed = sum(1 for r in report.rows if r.access == "allowed")
    console.print(
        f"{len(report.rows)} access rows ({allowed} allowed, {len(report.rows) - allowed} "
        f"conditional) over {len(report.keys)} keys; {len(report.findings)} findings."
    )
    if report.findings:
        table = Table(title="Findings", title_justify="left", expand=True)
        table.add_column("Type", no_wrap=True)
        table.add_column("Issue", no_wrap=True)
        table.add_column("Message", overflow="fold")
        for finding in report.findings:
            style = _FINDING_STYLES[finding.finding_type]
            table.add_row(
                Text(finding.finding_type.value, style=style), finding.issue_code, finding.message
            )
        console.print(table)
