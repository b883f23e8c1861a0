"""Findings as readable text: the position, the message, the source line with a caret
under the offending element, and how to fix it. Colour comes from rich, which turns it
off for NO_COLOR and for output that is not a terminal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import IO

from rich.console import Console
from rich.text import Text

from kmspolicy.analysis.findings import Finding, FindingType, Location

__all__ = ["render_text"]

_STYLES = {
    FindingType.ERROR: "bold red",
    FindingType.SECURITY_WARNING: "bold magenta",
    FindingType.WARNING: "yellow",
    FindingType.SUGGESTION: "cyan",
}


def _excerpt(source: str | None, loc: Location) -> Text | None:
    if source is None or loc.line < 1:
        return None
    lines = source.splitlines()
    if loc.line > len(lines):
        return None
    line = lines[loc.line - 1].expandtabs(1)
    end = loc.end_column if loc.end_line == loc.line else len(line) + 1
    width = max(1, min(end, len(line) + 1) - loc.column)
    gutter = f"{loc.line:>5} | "
    text = Text(gutter, style="dim")
    text.append(line)
    text.append("\n" + " " * (len(gutter) - 2) + "| ", style="dim")
    text.append(" " * (loc.column - 1) + "^" * width, style="bold")
    return text


def _summary(findings: Sequence[Finding], files: int, documents: int) -> Text:
    where = f"{files} file{'s' if files != 1 else ''}"
    if documents != files:
        where += f" ({documents} documents)"
    if not findings:
        return Text(f"No findings in {where}.", style="green")
    counts = Counter(f.finding_type for f in findings)
    parts = ", ".join(f"{counts[t]} {t.value}" for t in FindingType if counts[t])
    noun = "finding" if len(findings) == 1 else "findings"
    return Text(f"{len(findings)} {noun} in {where}: {parts}.")


def render_text(
    findings: Sequence[Finding],
    sources: Mapping[str, str],
    stream: IO[str],
    *,
    documents: int | None = None,
    color: bool | None = None,
) -> None:
    """Write ``findings`` to ``stream``; ``color=None`` lets rich decide (NO_COLOR,
    terminal or not)."""
    console = Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        no_color=None if color is None else not color,
    )
    for f in findings:
        loc = f.locations[0] if f.locations else None
        head = Text(f"{f.file or '<policy>'}")
        if loc is not None:
            head.append(f":{loc.line}:{loc.column}")
        head.append(": ")
        head.append(f.finding_type.value, style=_STYLES[f.finding_type])
        head.append(f" {f.issue_code}", style="bold")
        head.append(f" {f.message}")
        console.print(head)
        excerpt = _excerpt(sources.get(f.file or ""), loc) if loc is not None else None
        if excerpt is not None:
            console.print(excerpt)
        if f.explanation:
            console.print(Text("  fix: ", style="dim") + Text(f.explanation))
    console.print(
        _summary(findings, len(sources), documents if documents is not None else len(sources))
    )
