"""What AWS stores and the parser must read back: empty lists and objects, and IAM unique
IDs as AWS principals; what AWS rejects stays an error at its exact position."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import parse_policy, render_policy
from kmspolicy.language.ir import PrincipalType
from kmspolicy.language.unique_ids import unique_id_kind


def key_statement(**members: Any) -> str:
    """A one-statement key policy; a member given as None is left out."""
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt",
                                 "Resource": "*"}  # fmt: skip
    statement.update(members)
    statement = {k: v for k, v in statement.items() if v is not None}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]}, indent=2)


@pytest.mark.parametrize(
    ("members", "attribute"),
    [
        ({"Action": []}, "action"),
        ({"Action": None, "NotAction": []}, "not_action"),
        ({"Resource": []}, "resource"),
        ({"Resource": None, "NotResource": []}, "not_resource"),
    ],
)
def test_empty_action_and_resource_lists(members: dict[str, Any], attribute: str) -> None:
    (stmt,) = parse_policy(key_statement(**members)).statements
    assert getattr(stmt, attribute) == ()


def test_empty_principal_forms_name_no_one() -> None:
    principals: list[dict[str, list[str]]] = [{}, {"AWS": []}, {"AWS": [], "Service": []}]
    for principal in principals:
        (stmt,) = parse_policy(key_statement(Principal=principal)).statements
        assert stmt.principal is not None
        assert not stmt.principal.anyone and stmt.principal.entries == ()


def test_empty_condition_values_and_operator_blocks() -> None:
    condition: dict[str, dict[str, list[str]]] = {
        "StringEquals": {},
        "ForAnyValue:StringLike": {"kms:EncryptionContextKeys": []},
    }
    (stmt,) = parse_policy(key_statement(Condition=condition)).statements
    (cond,) = stmt.conditions
    assert (cond.operator_text, cond.key, cond.values) == (
        "ForAnyValue:StringLike",
        "kms:EncryptionContextKeys",
        (),
    )


def test_empty_elements_round_trip() -> None:
    text = key_statement(Action=[], Principal={}, Condition={"Bool": {"aws:SecureTransport": []}})
    doc = parse_policy(text)
    again = parse_policy(json.dumps(render_policy(doc)))
    assert render_policy(again) == render_policy(doc)
    assert render_policy(doc)["Statement"][0]["Action"] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("AIDAJQABLZS4A3QDU576Q", "user"),
        ("AROADBQP57FF2AEXAMPLE", "role"),
        ("AROA", None),
        ("AROAshortlower123456", None),
        ("AGPAJQABLZS4A3QDU576Q", None),
        ("AKIAIOSFODNN7EXAMPLE", None),
    ],
)
def test_unique_id_kinds(text: str, kind: str | None) -> None:
    assert unique_id_kind(text) == kind


def test_unique_id_principals_are_kept_as_written() -> None:
    ids = ["AIDAJQABLZS4A3QDU576Q", "AROADBQP57FF2AEXAMPLE"]
    (stmt,) = parse_policy(key_statement(Principal={"AWS": ids})).statements
    assert stmt.principal is not None
    assert [(e.type, e.canonical, e.arn) for e in stmt.principal.entries] == [
        (PrincipalType.AWS, i, None) for i in ids
    ]


@pytest.mark.parametrize(
    ("principal", "message"),
    [
        ("AKIAIOSFODNN7EXAMPLE", "neither an account ID nor an ARN"),
        ("aroadbqp57ff2aexample", "neither an account ID nor an ARN"),
        ("arn:aws:iam::111122223333:role/*", "partial wildcards"),
    ],
)
def test_other_principals_stay_errors_at_their_position(principal: str, message: str) -> None:
    text = key_statement(Principal={"AWS": ["arn:aws:iam::111122223333:root", principal]})
    with pytest.raises(PolicySyntaxError) as caught:
        parse_policy(text)
    (problem,) = caught.value.problems
    assert message in problem.message
    line = next(n for n, s in enumerate(text.splitlines(), 1) if principal in s)
    assert (problem.line, problem.column) == (line, text.splitlines()[line - 1].index('"') + 1)


def test_empty_statement_list_stays_an_error() -> None:
    with pytest.raises(PolicySyntaxError, match="Statement is an empty list"):
        parse_policy('{"Version": "2012-10-17", "Statement": []}')
