"""``kmspolicy audit verify|query``: check and search the KMS's audit log.

The log is ``DATA_DIR/audit.jsonl`` (``--data-dir``, default ``./kms-data``) or the file
given with ``--log``. ``verify`` exits 0 when the chain is intact, 1 when it is not (each
problem printed), 2 for usage errors. ``query`` prints matching records as JSON lines.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from kmspolicy.kms.audit import query, verify

AUDIT_FILE = "audit.jsonl"
DEFAULT_DATA_DIR = "kms-data"


def _log_path(data_dir: Path, log: Path | None) -> Path:
    return log if log is not None else data_dir / AUDIT_FILE


def _when(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not an ISO-8601 time", param_hint=option) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


_data_dir = click.option(
    "--data-dir",
    envvar="KMSPOLICY_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="The KMS data directory holding audit.jsonl.",
)
_log = click.option(
    "--log", type=click.Path(dir_okay=False, path_type=Path), help="An audit log file."
)


@click.group(name="audit")
def command() -> None:
    """Verify or search the KMS's hash-chained audit log."""


@command.command(name="verify")
@_data_dir
@_log
def verify_command(data_dir: Path, log: Path | None) -> None:
    """Check that no record was edited, deleted, inserted or reordered."""
    path = _log_path(data_dir, log)
    if not path.exists():
        click.echo(f"kmspolicy audit: no audit log at {path}", err=True)
        sys.exit(2)
    result = verify(path)
    for problem in result.problems:
        click.echo(f"{path}: {problem}")
    if result.torn_tail:
        click.echo(f"{path}: the last line is a torn write (a crash while appending)")
    status = "intact" if result.ok else "BROKEN"
    click.echo(f"{path}: {result.records} records, chain {status}")
    sys.exit(0 if result.ok else 1)


@command.command(name="query")
@_data_dir
@_log
@click.option("--key", help="Key ARN or key id.")
@click.option("--principal", help="Caller ARN.")
@click.option("--operation", help="Operation name, e.g. Decrypt.")
@click.option("--start", help="Earliest event time (ISO-8601).")
@click.option("--end", help="Latest event time (ISO-8601).")
@click.option(
    "--outcome",
    type=click.Choice(["allowed", "denied", "success", "error"]),
    help="allowed/denied by the authorizer; success/error of the whole call.",
)
def query_command(
    data_dir: Path,
    log: Path | None,
    key: str | None,
    principal: str | None,
    operation: str | None,
    start: str | None,
    end: str | None,
    outcome: str | None,
) -> None:
    """Print the records matching every filter, one JSON object per line."""
    path = _log_path(data_dir, log)
    if not path.exists():
        click.echo(f"kmspolicy audit: no audit log at {path}", err=True)
        sys.exit(2)
    for record in query(
        path,
        key=key,
        principal=principal,
        operation=operation,
        start=_when(start, "--start"),
        end=_when(end, "--end"),
        outcome=outcome,
    ):
        click.echo(json.dumps(record, sort_keys=True))
