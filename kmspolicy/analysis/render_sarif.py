"""Findings as SARIF 2.1.0, the format GitHub code scanning reads.

Each issue code is a rule (with its title and explanation); each finding a result at its
file and region. Security warnings carry GitHub's ``security-severity`` so they show as
security alerts. Columns count Unicode code points, as the parser does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kmspolicy import __version__
from kmspolicy.analysis.findings import Finding, FindingType, Location
from kmspolicy.analysis.linter import CheckInfo

__all__ = ["SARIF_SCHEMA", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {
    FindingType.ERROR: "error",
    FindingType.SECURITY_WARNING: "error",
    FindingType.WARNING: "warning",
    FindingType.SUGGESTION: "note",
}
_SECURITY_SEVERITY = {FindingType.SECURITY_WARNING: "7.0"}


def _uri(file: str | None) -> str:
    if not file:
        return "policy.json"
    path = Path(file)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return (
            Path(os.path.relpath(path)).as_posix()
            if path.is_relative_to(Path.cwd())
            else path.as_uri()
        )
    except ValueError:
        return path.as_uri()


def _region(loc: Location | None) -> dict[str, int]:
    if loc is None or loc.line < 1:
        return {"startLine": 1}
    region = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    if loc.end_line >= loc.line:
        region["endLine"] = loc.end_line
        region["endColumn"] = max(loc.end_column, 1 if loc.end_line > loc.line else loc.column + 1)
    return region


def _rule(info: CheckInfo) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "findingType": info.finding_type.value,
        "origin": info.origin,
        "tags": ["security"] if info.finding_type is FindingType.SECURITY_WARNING else [],
    }
    if info.finding_type in _SECURITY_SEVERITY:
        properties["security-severity"] = _SECURITY_SEVERITY[info.finding_type]
    return {
        "id": info.issue_code,
        "name": "".join(w.capitalize() for w in info.issue_code.split("_")),
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.explanation},
        "help": {"text": info.explanation},
        "defaultConfiguration": {"level": _LEVELS[info.finding_type]},
        "properties": properties,
    }


def _result(f: Finding, index: int) -> dict[str, Any]:
    locations = f.locations or (None,)
    return {
        "ruleId": f.issue_code,
        "ruleIndex": index,
        "level": _LEVELS[f.finding_type],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.file)},
                    "region": _region(loc),
                }
            }
            for loc in locations
        ],
        "properties": {"findingType": f.finding_type.value},
    }


def render_sarif(findings: Iterable[Finding], checks: Mapping[str, CheckInfo]) -> str:
    """One SARIF run; ``checks`` describes every issue code (``linter.checks()``)."""
    findings = list(findings)
    codes = sorted({*checks, *(f.issue_code for f in findings)})
    index = {code: i for i, code in enumerate(codes)}
    rules = [
        _rule(checks.get(code) or CheckInfo(code, FindingType.ERROR, code, "", "kmspolicy"))
        for code in codes
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kmspolicy",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.issue_code]) for f in findings],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
