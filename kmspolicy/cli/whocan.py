"""``kmspolicy who-can ESTATE``: who can do what with every key of an estate.

Exit status: 0 the report was produced; 1 an estate file is malformed (printed with its
file, line and column); 2 usage errors (an unknown --key, --principal or --action, or an
estate folder that cannot be read).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from kmspolicy.analysis.whocan.analyse import SelectionError, who_can
from kmspolicy.analysis.whocan.estate import load_estate
from kmspolicy.analysis.whocan.render_csv import render_csv
from kmspolicy.analysis.whocan.render_html import render_html
from kmspolicy.analysis.whocan.render_text import render_text
from kmspolicy.analysis.whocan.report import Report, report_to_json
from kmspolicy.errors import PolicySyntaxError, ScenarioError

# Show a progress bar from this many keys on (and only on a terminal).
_PROGRESS_FROM = 50


def _analyse(
    estate_path: Path, keys: tuple[str, ...], principals: tuple[str, ...], actions: tuple[str, ...]
) -> Report:
    estate = load_estate(estate_path)
    if len(estate.keys) < _PROGRESS_FROM or not sys.stderr.isatty():
        return who_can(estate, keys=keys, principals=principals, actions=actions)
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Analysing keys", total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return who_can(estate, keys=keys, principals=principals, actions=actions, progress=step)


@click.command(name="who-can")
@click.argument("estate", type=click.Path(path_type=Path))
@click.option("--key", "keys", multiple=True, help="Only this key (ARN, key ID or alias).")
@click.option(
    "--principal",
    "principals",
    multiple=True,
    help='Only this principal (ARN, "account:ID" or "*"); alone, it reports what the '
    "principal can do.",
)
@click.option(
    "--action", "actions", multiple=True, help="Only this action (kms:Decrypt, kms:Get*)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "csv", "html")),
    default="text",
    show_default=True,
)
def command(
    estate: Path,
    keys: tuple[str, ...],
    principals: tuple[str, ...],
    actions: tuple[str, ...],
    fmt: str,
) -> None:
    """Report who can do what with every key of the ESTATE folder (keys/, principals/,
    scps/), and under which conditions."""
    if not estate.is_dir():
        click.echo(f"kmspolicy who-can: {estate} is not an estate folder", err=True)
        sys.exit(2)
    try:
        report = _analyse(estate, keys, principals, actions)
    except PolicySyntaxError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(1)
    except ScenarioError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except SelectionError as exc:
        click.echo(f"kmspolicy who-can: {exc}", err=True)
        sys.exit(2)
    out = sys.stdout
    if fmt == "json":
        json.dump(report_to_json(report), out, indent=2)
        out.write("\n")
    elif fmt == "csv":
        render_csv(report, out)
    elif fmt == "html":
        render_html(report, out, title=f"kmspolicy who-can: {estate}")
    else:
        render_text(report, out, by_principal=bool(principals) and not keys)
