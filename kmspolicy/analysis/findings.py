"""The findings model shared by ``kmspolicy lint`` and ``kmspolicy who-can``.

A finding is plain data: a type named as IAM Access Analyzer names it, a stable
``issue_code``, a plain-words ``message``, an ``explanation`` of how to fix it, the file it is
about and the places in that file. Renderers (text, JSON, SARIF) only read these fields.
Who-can findings carry the key and principal they concern in ``attributes``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kmspolicy.language.ir import Span

__all__ = ["Finding", "FindingType", "Location", "at_or_above", "sort_findings"]


class FindingType(StrEnum):
    """Access Analyzer's four finding types, most severe first."""

    ERROR = "ERROR"
    SECURITY_WARNING = "SECURITY_WARNING"
    WARNING = "WARNING"
    SUGGESTION = "SUGGESTION"

    @property
    def rank(self) -> int:
        """0 for ERROR up to 3 for SUGGESTION: lower is more severe."""
        return _RANK[self]

    @classmethod
    def from_threshold(cls, name: str) -> FindingType:
        """``error``, ``security``, ``warning`` or ``suggestion`` (the ``--fail-on`` words)."""
        try:
            return _THRESHOLDS[name.lower()]
        except KeyError:
            raise ValueError(
                f"unknown finding threshold {name!r}; use one of {', '.join(_THRESHOLDS)}"
            ) from None


_RANK = {t: i for i, t in enumerate(FindingType)}
_THRESHOLDS = {
    "error": FindingType.ERROR,
    "security": FindingType.SECURITY_WARNING,
    "warning": FindingType.WARNING,
    "suggestion": FindingType.SUGGESTION,
}


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line/column range; the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def from_span(cls, span: Span) -> Location:
        return cls(span.line, span.column, span.end_line, span.end_column)

    def to_dict(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "endLine": self.end_line,
            "endColumn": self.end_column,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    finding_type: FindingType
    issue_code: str
    message: str
    explanation: str = ""
    file: str | None = None
    locations: tuple[Location, ...] = ()
    attributes: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``findingType``, ``issueCode``, ``message``, ``explanation``,
        ``file``, ``locations`` and then any attributes (``key``, ``principal``…)."""
        out: dict[str, Any] = {
            "findingType": self.finding_type.value,
            "issueCode": self.issue_code,
            "message": self.message,
            "explanation": self.explanation,
            "file": self.file,
            "locations": [loc.to_dict() for loc in self.locations],
        }
        out.update(self.attributes)
        return out

    def with_file(self, file: str) -> Finding:
        return Finding(
            self.finding_type,
            self.issue_code,
            self.message,
            self.explanation,
            file,
            self.locations,
            self.attributes,
        )


def _sort_key(f: Finding) -> tuple[str, int, int, int, str]:
    first = f.locations[0] if f.locations else Location(0, 0, 0, 0)
    return (f.file or "", first.line, first.column, f.finding_type.rank, f.issue_code)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """File, then position, then severity: the order every renderer prints."""
    return sorted(findings, key=_sort_key)


def at_or_above(findings: Iterable[Finding], threshold: FindingType) -> list[Finding]:
    """The findings as severe as ``threshold`` or more."""
    return [f for f in findings if f.finding_type.rank <= threshold.rank]
