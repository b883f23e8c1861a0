"""A who-can report as CSV: one line per access row. ``conditions`` are joined with
``" AND "`` (all must hold), ``via`` with ``"; "``."""

from __future__ import annotations

import csv
from typing import IO

from kmspolicy.analysis.whocan.report import Report

__all__ = ["render_csv"]

HEADER = ("key", "principal", "action", "access", "conditions", "via")


def render_csv(report: Report, stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    for row in report.rows:
        writer.writerow(
            (
                row.key,
                row.principal,
                row.action,
                row.access,
                " AND ".join(row.conditions),
                "; ".join(row.via),
            )
        )
