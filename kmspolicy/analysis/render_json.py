"""Findings as JSON: ``{"findings": [{"findingType", "issueCode", "message",
"explanation", "file", "locations": [{"line", "column", "endLine", "endColumn"}]}]}``."""

from __future__ import annotations

import json
from collections.abc import Iterable

from kmspolicy.analysis.findings import Finding

__all__ = ["render_json"]


def render_json(findings: Iterable[Finding]) -> str:
    return json.dumps({"findings": [f.to_dict() for f in findings]}, indent=2) + "\n"
