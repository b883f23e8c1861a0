"""``kmspolicy lint PATH...``: check policies, grant constraints and scenarios.

Exit status: 0 no finding at or above ``--fail-on``; 1 some finding is; 2 bad usage or a
path that cannot be read.
"""

from __future__ import annotations

import re
import sys

import click

from kmspolicy.analysis.findings import FindingType, at_or_above
from kmspolicy.analysis.linter import KINDS, LintInputError, checks, lint_paths
from kmspolicy.analysis.render_json import render_json
from kmspolicy.analysis.render_sarif import render_sarif
from kmspolicy.analysis.render_text import render_text
from kmspolicy.analysis.rules import LintOptions

_ACCOUNT = re.compile(r"^\d{12}$")


def _accounts(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> frozenset[str]:
    for account in value:
        if not _ACCOUNT.match(account):
            raise click.BadParameter(f"{account!r} is not a 12-digit AWS account ID")
    return frozenset(value)


def _list_checks() -> None:
    for info in checks().values():
        click.echo(f"{info.issue_code:<40} {info.finding_type.value:<17} {info.title}")


@click.command(name="lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="auto",
    show_default=True,
    help="What the files hold. auto: a scenario if the file has a keyPolicy member, else "
    "the file-name prefix (key-, identity-, scp-, boundary-, session-, grant-), else key.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "sarif")),
    default="text",
    show_default=True,
)
@click.option(
    "--fail-on",
    type=click.Choice(("error", "security", "warning", "suggestion")),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this type or a more severe one is reported.",
)
@click.option(
    "--known-account",
    "known_accounts",
    multiple=True,
    callback=_accounts,
    metavar="ACCOUNT_ID",
    help="An account access may go to without a CROSS_ACCOUNT finding (repeatable). "
    "A scenario's key account is always known.",
)
@click.option("--list-checks", is_flag=True, help="List every issue code and exit.")
def command(
    paths: tuple[str, ...],
    kind: str,
    fmt: str,
    fail_on: str,
    known_accounts: frozenset[str],
    list_checks: bool,
) -> None:
    """Lint policy documents, grant constraints and simulate scenarios in PATHS
    (files, or folders searched for *.json)."""
    if list_checks:
        _list_checks()
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file or a folder)")
    try:
        report = lint_paths(paths, kind, LintOptions(known_accounts=known_accounts))
    except LintInputError as exc:
        click.echo(f"kmspolicy lint: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(render_json(report.findings), nl=False)
    elif fmt == "sarif":
        click.echo(render_sarif(report.findings, checks()), nl=False)
    else:
        render_text(report.findings, report.sources, sys.stdout, documents=report.documents)
    if at_or_above(report.findings, FindingType.from_threshold(fail_on)):
        sys.exit(1)
