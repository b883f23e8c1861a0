"""Every lint check against its fixtures in tests/corpus/lint/<ISSUE_CODE>/.

Each folder holds ``<kind>-fail.json`` (must yield the issue code at the position in
``expect.json``), ``<kind>-pass.json`` (must not yield it) and ``expect.json``
(``line``, ``column`` and optionally ``knownAccounts``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmspolicy.analysis.linter import checks, lint_paths
from kmspolicy.analysis.rules import LintOptions

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "lint"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def _options(case: Path) -> tuple[dict[str, object], LintOptions]:
    expect = json.loads((case / "expect.json").read_text())
    return expect, LintOptions(known_accounts=frozenset(expect.get("knownAccounts", ())))


def test_every_check_has_fixtures() -> None:
    assert sorted(checks()) == [c.name for c in CASES]


def test_at_least_forty_checks() -> None:
    assert len(checks()) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_failing_fixture_reports_code_at_location(case: Path) -> None:
    expect, options = _options(case)
    (fixture,) = case.glob("*-fail.json")
    report = lint_paths([fixture], options=options)
    hits = [f for f in report.findings if f.issue_code == case.name]
    assert hits, f"{case.name} not reported; got {[f.issue_code for f in report.findings]}"
    positions = {(loc.line, loc.column) for f in hits for loc in f.locations[:1]}
    assert (expect["line"], expect["column"]) in positions
    info = checks()[case.name]
    assert all(f.finding_type is info.finding_type for f in hits)
    assert all(f.message and f.explanation for f in hits)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_passing_fixture_does_not_report_code(case: Path) -> None:
    _, options = _options(case)
    (fixture,) = case.glob("*-pass.json")
    report = lint_paths([fixture], options=options)
    assert [f for f in report.findings if f.issue_code == case.name] == []
