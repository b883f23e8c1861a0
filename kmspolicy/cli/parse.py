"""``kmspolicy parse FILE...``: print the normalized IR of policies or grant constraints.

Exit status: 0 all files parsed, 1 some file has problems (printed with positions on
stderr), 2 a file could not be read or the usage was wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import (
    grant_constraints_to_json,
    parse_grant_constraints,
    parse_policy,
    policy_to_json,
)
from kmspolicy.language.kinds import GRANT_CONSTRAINTS, KINDS, kind_from_filename


def parse_file(data: bytes, kind: str, name: str) -> dict[str, Any]:
    if kind == GRANT_CONSTRAINTS:
        result = grant_constraints_to_json(parse_grant_constraints(data, source_name=name))
        return {"source": name, "kind": kind, **result}
    return {"source": name, **policy_to_json(parse_policy(data, kind, source_name=name))}


@click.command(name="parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="auto",
    show_default=True,
    help="What the files hold; auto reads it from the file-name prefix "
    "(key-, identity-, scp-, boundary-, session-, grant-), else key.",
)
def command(files: tuple[Path, ...], kind: str) -> None:
    """Parse policy documents (or grant constraints) and print their normalized IR as JSON.

    One file prints one object; several print a list.
    """
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            click.echo(f"kmspolicy parse: cannot read {path}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        try:
            results.append(
                parse_file(data, kind_from_filename(path) if kind == "auto" else kind, str(path))
            )
        except PolicySyntaxError as exc:
            click.echo(exc.render(), err=True)
            failed = True
    if results:
        click.echo(json.dumps(results[0] if len(files) == 1 else results, indent=2))
    sys.exit(1 if failed else 0)
