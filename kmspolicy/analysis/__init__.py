"""Offline analysis: lint findings and who-can reports.

``lint_paths`` / ``lint_text`` / ``lint_document`` run the lint checks (``checks()`` lists
them) and return ``Finding``\\ s; ``render_text``, ``render_json`` and ``render_sarif``
(modules of the same names) print them.
"""

from kmspolicy.analysis.findings import Finding, FindingType, Location, at_or_above
from kmspolicy.analysis.linter import (
    CheckInfo,
    LintInputError,
    LintReport,
    checks,
    lint_document,
    lint_paths,
    lint_text,
)
from kmspolicy.analysis.rules import LintOptions

__all__ = [
    "CheckInfo",
    "Finding",
    "FindingType",
    "LintInputError",
    "LintOptions",
    "LintReport",
    "Location",
    "at_or_above",
    "checks",
    "lint_document",
    "lint_paths",
    "lint_text",
]
