"""The linter over the shared corpora: valid AWS policies give no ERROR, and every
policy the parser rejects gives one ERROR finding per problem, at the problem's place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.linter import lint_document, lint_paths, lint_text
from kmspolicy.analysis.syntax import SYNTAX_CHECKS
from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import parse_grant_constraints, parse_policy

ROOT = Path(__file__).resolve().parents[2]
VALID = sorted((ROOT / "tests" / "corpus" / "valid").glob("*.json"))
INVALID = sorted(
    p
    for p in (ROOT / "tests" / "corpus" / "invalid").glob("*.json")
    if not p.name.endswith(".expect.json")
)


def test_corpora_are_present() -> None:
    assert len(VALID) >= 40
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_policy_has_no_error(path: Path) -> None:
    report = lint_paths([path])
    errors = [f for f in report.findings if f.finding_type is FindingType.ERROR]
    assert errors == []


def test_showcase_policies_have_no_error() -> None:
    report = lint_paths([ROOT / "examples" / "policies"])
    assert report.documents > 0
    assert [f for f in report.findings if f.finding_type is FindingType.ERROR] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_syntax_errors_become_error_findings(path: Path) -> None:
    expect = json.loads(path.with_name(path.stem + ".expect.json").read_text())
    kind = expect["kind"]
    data = path.read_bytes()
    with pytest.raises(PolicySyntaxError) as caught:
        if kind == "grant-constraints":
            parse_grant_constraints(data)
        else:
            parse_policy(data, kind)
    findings, _ = lint_text(data, kind, source_name=path.name)
    syntax_codes = {c.issue_code for c in SYNTAX_CHECKS}
    found = {
        (f.locations[0].line, f.locations[0].column)
        for f in findings
        if f.finding_type is FindingType.ERROR and f.issue_code in syntax_codes
    }
    problems = {(p.line, p.column) for p in caught.value.problems}
    assert problems <= found
    assert (expect["line"], expect["column"]) in found


@pytest.mark.parametrize(
    "path", [p for p in VALID if not p.name.startswith("grant-")], ids=lambda p: p.name
)
def test_rules_run_on_ir_without_source_positions(path: Path) -> None:
    """lint_document needs only IR: without the JSON tree the same checks fire."""
    kind = path.name.split("-", 1)[0]
    doc = parse_policy(path.read_bytes(), kind)
    from_ir = {f.issue_code for f in lint_document(doc)}
    from_file = {f.issue_code for f in lint_paths([path]).findings}
    assert from_ir == from_file
