"""The pieces of the policy language: operators, templates, ARNs, the JSON tree, IR details."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import (
    BASE_OPERATORS,
    JsonObject,
    JsonString,
    TemplateError,
    UnknownOperatorError,
    parse_arn,
    parse_grant_constraints,
    parse_json,
    parse_operator,
    parse_policy,
    parse_template,
    policy_from_node,
    policy_from_obj,
    policy_to_json,
)
from kmspolicy.language.ir import (
    Arn,
    Escape,
    Literal,
    PolicyKind,
    PrincipalType,
    SetQualifier,
    Variable,
)

KEY_STATEMENT = {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}


def key_policy(condition: Any = None, version: str | None = "2012-10-17") -> str:
    statement = dict(KEY_STATEMENT, **({"Condition": condition} if condition else {}))
    doc: dict[str, object] = {"Statement": [statement]}
    if version:
        doc = {"Version": version, **doc}
    return json.dumps(doc, indent=2)


# --- operators ---------------------------------------------------------------------------


@pytest.mark.parametrize("base", BASE_OPERATORS)
@pytest.mark.parametrize(
    "qualifier", [None, SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE]
)
def test_every_operator_form_parses(base: str, qualifier: SetQualifier | None) -> None:
    prefix = f"{qualifier.value}:" if qualifier else ""
    assert parse_operator(prefix + base) == (base, qualifier, False)
    if base == "Null":
        with pytest.raises(UnknownOperatorError):
            parse_operator(prefix + base + "IfExists")
    else:
        assert parse_operator(prefix + base + "IfExists") == (base, qualifier, True)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("stringequals", "case-sensitive: write StringEquals"),
        ("ForAnyValue:StringLikeIfexists", "case-sensitive: write ForAnyValue:StringLikeIfExists"),
        ("StringEqual", "did you mean StringEquals?"),
        ("ForSomeValues:StringEquals", "did you mean ForAllValues:StringEquals?"),
        ("", ""),
    ],
)
def test_unknown_operators_are_errors_with_hints(name: str, hint: str) -> None:
    with pytest.raises(UnknownOperatorError) as info:
        parse_operator(name)
    assert info.value.problems[0].hint.endswith(hint)
    assert "unknown condition operator" in info.value.message


# --- templates and ARNs -------------------------------------------------------------------


def test_template_parts() -> None:
    parts = parse_template("home/${aws:username}/${*}${?}${$}/${aws:PrincipalTag/team, 'none'}")
    assert parts == (
        Literal("home/"),
        Variable("aws:username", None, parts[1].span),  # type: ignore[union-attr]
        Literal("/"),
        Escape("*"),
        Escape("?"),
        Escape("$"),
        Literal("/"),
        Variable("aws:PrincipalTag/team", "none", parts[7].span),  # type: ignore[union-attr]
    )
    assert (parts[1].span.start, parts[1].span.end) == (5, 20)
    assert parse_template("no variables $ here {x}") == (Literal("no variables $ here {x}"),)


@pytest.mark.parametrize("text", ["${aws:username", "${}", "a${ }b", "${aws:x, default}"])
def test_malformed_templates(text: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(text)


def test_arns() -> None:
    assert parse_arn("arn:aws:kms:us-east-1:111122223333:key/1234:abc") == Arn(
        "aws", "kms", "us-east-1", "111122223333", "key/1234:abc"
    )
    assert parse_arn("arn:aws:iam::111122223333:root") == Arn(
        "aws", "iam", "", "111122223333", "root"
    )
    assert parse_arn("arn:aws:s3:::bucket/${aws:username}/*") == Arn(
        "aws", "s3", "", "", "bucket/${aws:username}/*"
    )
    for text in ["*", "111122223333", "arn:aws:kms", "arn::kms:r:a:x", "arn:aws:kms:r:a:"]:
        assert parse_arn(text) is None


# --- the JSON tree --------------------------------------------------------------------------


def test_json_tree_keeps_order_spans_and_raw_numbers() -> None:
    node = parse_json('{\n  "b": 1.50,\n  "a": ["x\\u00e9"]\n}')
    assert isinstance(node, JsonObject)
    assert [m.key for m in node.members] == ["b", "a"]
    b = node.members[0]
    assert (b.key_span.line, b.key_span.column) == (2, 3)
    assert b.value.raw == "1.50" and b.value.value == 1.5  # type: ignore[union-attr]
    item = node.members[1].value.items[0]  # type: ignore[union-attr]
    assert isinstance(item, JsonString) and item.value == "xé"
    assert (node.span.end_line, node.span.end_column) == (4, 2)


def test_all_duplicate_keys_are_reported() -> None:
    with pytest.raises(PolicySyntaxError) as info:
        parse_json('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}')
    assert [(p.column, p.message.split(" (")[0]) for p in info.value.problems] == [
        (24, 'duplicate key "c"'),
        (33, 'duplicate key "a"'),
    ]


def test_error_excerpt_has_a_caret_under_the_column() -> None:
    with pytest.raises(PolicySyntaxError) as info:
        parse_json('{\n  "a": 1,\n}')
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (2, 9)
    assert problem.excerpt == '  "a": 1,\n        ^'
    assert "trailing comma" in problem.message and problem.hint


# --- IR details ---------------------------------------------------------------------------


def test_single_statement_object_and_single_values() -> None:
    doc = parse_policy(json.dumps({"Statement": KEY_STATEMENT}))
    assert doc.statement_is_list is False and doc.version is None
    statement = doc.statements[0]
    assert statement.principal is not None and statement.principal.anyone
    assert [v.text for v in statement.action or ()] == ["kms:Decrypt"]


def test_principals_canonical_forms() -> None:
    principal = {
        "AWS": ["111122223333", "arn:aws:iam::444455556666:role/R", "*"],
        "Service": "logs.amazonaws.com",
        "Federated": "cognito-identity.amazonaws.com",
        "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
    }
    doc = parse_policy(json.dumps({"Statement": dict(KEY_STATEMENT, Principal=principal)}))
    p = doc.statements[0].principal
    assert p is not None and not p.anyone
    assert [(e.type, e.canonical) for e in p.entries] == [
        (PrincipalType.AWS, "arn:aws:iam::111122223333:root"),
        (PrincipalType.AWS, "arn:aws:iam::444455556666:role/R"),
        (PrincipalType.AWS, "*"),
        (PrincipalType.SERVICE, "logs.amazonaws.com"),
        (PrincipalType.FEDERATED, "cognito-identity.amazonaws.com"),
        (PrincipalType.CANONICAL_USER, principal["CanonicalUser"]),
    ]
    assert p.entries[1].arn == Arn("aws", "iam", "", "444455556666", "role/R")


def test_conditions_one_per_operator_and_key_with_unquoted_values() -> None:
    doc = parse_policy(
        key_policy(
            {
                "NumericLessThanEquals": {"kms:A": 7, "kms:B": "8"},
                "BoolIfExists": {"aws:MultiFactorAuthPresent": False},
            }
        )
    )
    conditions = doc.statements[0].conditions
    assert [(c.operator, c.key, c.if_exists) for c in conditions] == [
        ("NumericLessThanEquals", "kms:A", False),
        ("NumericLessThanEquals", "kms:B", False),
        ("Bool", "aws:MultiFactorAuthPresent", True),
    ]
    assert [(v.raw, v.text) for c in conditions for v in c.values] == [
        (7, "7"),
        ("8", "8"),
        (False, "false"),
    ]


def test_variables_only_in_version_2012_10_17() -> None:
    cond = {"StringEquals": {"kms:EncryptionContext:user": "${aws:username}"}}
    on = parse_policy(key_policy(cond)).statements[0].conditions[0].values[0]
    assert on.has_variables and isinstance(on.parts[0], Variable)
    var = on.parts[0]
    assert var.span.column == on.span.column + 1 and var.span.end_column == on.span.end_column - 1
    for version in ("2008-10-17", None):
        off = parse_policy(key_policy(cond, version)).statements[0].conditions[0].values[0]
        assert off.parts == (Literal("${aws:username}"),)
    # A malformed ${ is literal text under 2008-10-17, an error under 2012-10-17.
    bad = {"StringEquals": {"kms:EncryptionContext:user": "${aws:username"}}
    parse_policy(key_policy(bad, "2008-10-17"))
    with pytest.raises(PolicySyntaxError):
        parse_policy(key_policy(bad))


def test_variables_not_substituted_in_numeric_conditions_or_actions() -> None:
    doc = parse_policy(key_policy({"NumericEquals": {"kms:X": "${aws:username}"}}))
    assert not doc.statements[0].conditions[0].values[0].has_variables


def test_key_policy_statement_without_action_or_resource_is_accepted() -> None:
    doc = parse_policy(json.dumps({"Statement": {"Effect": "Allow", "Principal": "*"}}))
    assert doc.statements[0].action is None and doc.statements[0].resource is None


def test_structural_problems_are_all_reported() -> None:
    text = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "allow", "Principal": "*"},
                {"Effect": "Allow", "Principal": "*", "Action": 1},
            ],
        },
        indent=2,
    )
    with pytest.raises(PolicySyntaxError) as info:
        parse_policy(text)
    assert [p.line for p in info.value.problems] == [5, 11]


def test_size_limit_and_structure_reported_together() -> None:
    text = key_policy().replace('"Allow"', '"allow"') + " " * 33_000
    with pytest.raises(PolicySyntaxError) as info:
        parse_policy(text)
    messages = [p.message for p in info.value.problems]
    assert any("at most 32768 bytes" in m for m in messages)
    assert any("Effect must be" in m for m in messages)


def test_identity_limit_ignores_whitespace() -> None:
    statement = {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}
    text = (
        json.dumps({"Version": "2012-10-17", "Statement": [statement]}, indent=40) + "\n" * 10_000
    )
    assert parse_policy(text, PolicyKind.IDENTITY).statements


def test_policy_embedded_in_another_document_reports_positions_there() -> None:
    scenario = (
        '{\n  "name": "x",\n  "keyPolicy": {"Statement": {"Effect": "Permit", "Principal": "*"}}\n}'
    )
    node = parse_json(scenario)
    assert isinstance(node, JsonObject)
    member = node.get("keyPolicy")
    assert member is not None
    with pytest.raises(PolicySyntaxError) as info:
        policy_from_node(member.value, PolicyKind.KEY, source_name="scenario.json", text=scenario)
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (3, 41)
    assert problem.excerpt.startswith('  "keyPolicy"')
    assert info.value.render().startswith("scenario.json:3:41:")


def test_policy_from_obj_and_normalized_json() -> None:
    doc = policy_from_obj({"Version": "2012-10-17", "Statement": [dict(KEY_STATEMENT, Sid="Use")]})
    out = policy_to_json(doc)
    assert out["statements"][0]["sid"] == "Use"
    assert out["statements"][0]["principal"] == {"anyone": True, "entries": []}
    json.dumps(out)
    with pytest.raises(TypeError):
        policy_from_obj(["not", "a", "dict"])  # type: ignore[arg-type]


def test_grant_constraints() -> None:
    gc = parse_grant_constraints('{"EncryptionContextSubset": {"Dept": "IT", "app": "x"}}')
    assert gc.encryption_context_subset == (("Dept", "IT"), ("app", "x"))
    assert gc.encryption_context_equals is None
    gc = parse_grant_constraints(b'{"EncryptionContextEquals": {}}')
    assert gc.encryption_context_equals == ()


def test_non_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_policy(42)  # type: ignore[arg-type]
