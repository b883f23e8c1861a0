"""Lint findings on empty elements beyond the one-per-check fixtures: every form an
empty element takes, the message for forms without a documented meaning, and positions."""

from __future__ import annotations

import json
from typing import Any

from kmspolicy.analysis.findings import Finding, FindingType
from kmspolicy.analysis.linter import lint_document, lint_text
from kmspolicy.language import parse_policy

ROOT = {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "111122223333"},
        "Action": "kms:*", "Resource": "*"}  # fmt: skip


def lint(*statements: dict[str, Any], kind: str = "key") -> list[Finding]:
    text = json.dumps({"Version": "2012-10-17", "Statement": [ROOT, *statements]}, indent=2)
    findings, _ = lint_text(text, kind)
    return findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.issue_code for f in findings if f.issue_code.startswith("EMPTY_")]


def statement(**members: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
                            "Action": "kms:Decrypt", "Resource": "*"}  # fmt: skip
    base.update(members)
    return {k: v for k, v in base.items() if v is not None}


def test_empty_elements_are_suggestions_not_errors() -> None:
    findings = lint(
        statement(Action=[]),
        statement(Resource=[]),
        statement(Principal={}),
        statement(Principal={"AWS": []}),
        statement(Condition={}),
        statement(Condition={"StringEquals": {"kms:CallerAccount": []}}),
    )
    assert sorted(codes(findings)) == [
        "EMPTY_ARRAY_ACTION",
        "EMPTY_ARRAY_CONDITION",
        "EMPTY_ARRAY_PRINCIPAL",
        "EMPTY_ARRAY_RESOURCE",
        "EMPTY_OBJECT_CONDITION",
        "EMPTY_OBJECT_PRINCIPAL",
    ]
    assert {f.finding_type for f in findings if f.issue_code.startswith("EMPTY_")} == {
        FindingType.SUGGESTION
    }
    assert not [f for f in findings if f.finding_type is FindingType.ERROR]


def test_operator_without_keys_is_an_empty_object_condition_at_its_braces() -> None:
    text = '{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "kms:*",\n' \
        '  "Resource": "*", "Condition": {"StringEquals": {}}}}'  # fmt: skip
    findings, _ = lint_text(text, "key")
    (found,) = [f for f in findings if f.issue_code == "EMPTY_OBJECT_CONDITION"]
    assert "StringEquals block has no condition keys" in found.message
    location = found.locations[0]
    assert (location.line, location.column, location.end_column) == (2, 50, 52)


def test_empty_not_lists_say_the_statement_is_unevaluable() -> None:
    findings = lint(
        statement(Action=None, NotAction=[]),
        statement(Resource=None, NotResource=[]),
        statement(Principal=None, NotPrincipal={}, Effect="Deny"),
    )
    empties = [f for f in findings if f.issue_code.startswith("EMPTY_")]
    assert [f.issue_code for f in empties] == [
        "EMPTY_ARRAY_ACTION",
        "EMPTY_ARRAY_RESOURCE",
        "EMPTY_OBJECT_PRINCIPAL",
    ]
    assert "NotAction list is empty" in empties[0].message
    assert "unevaluable" in empties[0].message and "unevaluable" in empties[1].message
    assert "NotPrincipal element names no principals" in empties[2].message


def test_one_empty_principal_list_beside_others() -> None:
    findings = lint(statement(Principal={"AWS": [], "Service": "logs.amazonaws.com"}))
    assert codes(findings) == ["EMPTY_ARRAY_PRINCIPAL"]


def test_qualified_empty_value_lists_carry_their_meaning() -> None:
    findings = lint(
        statement(Condition={"ForAllValues:StringEquals": {"kms:EncryptionContextKeys": []}}),
        statement(Condition={"ForAllValues:StringNotEquals": {"kms:EncryptionContextKeys": []}}),
        statement(Condition={"ForAnyValue:StringLike": {"kms:EncryptionContextKeys": []}}),
        statement(Condition={"StringEqualsIfExists": {"kms:CallerAccount": []}}),
    )
    empties = [f for f in findings if f.issue_code.startswith("EMPTY_")]
    assert [f.issue_code for f in empties] == [
        "EMPTY_ARRAY_CONDITION_FORALLVALUES",
        "EMPTY_ARRAY_CONDITION_FORALLVALUES",
        "EMPTY_ARRAY_CONDITION_FORANYVALUE",
        "EMPTY_ARRAY_CONDITION_IFEXISTS",
    ]
    assert "only when the request has no value" in empties[0].message
    assert "unevaluable" in empties[1].message
    assert "never holds" in empties[2].message
    assert "only when the key is missing" in empties[3].message


def test_without_the_json_tree_an_emptied_principal_is_an_empty_object() -> None:
    text = json.dumps(
        {"Version": "2012-10-17", "Statement": [ROOT, statement(Principal={"AWS": []})]}
    )
    assert codes(lint_document(parse_policy(text))) == ["EMPTY_OBJECT_PRINCIPAL"]


def test_unique_id_principals_are_warnings_only_in_key_policies() -> None:
    findings = lint(statement(Principal={"AWS": ["AIDAJQABLZS4A3QDU576Q"]}))
    (found,) = [f for f in findings if f.issue_code == "UNIQUE_ID_PRINCIPAL"]
    assert found.finding_type is FindingType.WARNING
    assert "deleted IAM user" in found.message
    assert not [f for f in findings if f.issue_code == "INVALID_PRINCIPAL_FORMAT"]
