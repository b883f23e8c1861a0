"""Empty elements and IAM unique-ID principals, as AWS stores them, decided by each
evaluator.

Where IAM Access Analyzer documents a meaning (an empty Action, Resource or Principal
names nothing; ForAllValues / ForAnyValue / IfExists with no values) the statement has
it. An empty Not-list, and any other empty list of condition values, has no documented
meaning: the statement is unevaluable, so an Allow grants nothing and a Deny applies,
and the decision names the statement in ``errors``.
"""

from __future__ import annotations

from typing import Any

import pytest

from kmspolicy import Authorizer, Caller, Decision, KeyInfo, PolicySet, Request
from kmspolicy.engine.decision import Outcome
from kmspolicy.engine.evaluators import Evaluator
from kmspolicy.engine.policyset import KeyPolicies
from kmspolicy.language import policy_from_obj

A = "111122223333"
KEY = KeyInfo(f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab")
ALICE = f"arn:aws:iam::{A}:user/alice"
ROOT = {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": "kms:*",
        "Resource": "*"}  # fmt: skip


def alice_may(**extra: Any) -> dict[str, Any]:
    """A statement allowing alice kms:Decrypt, with ``extra`` members replacing its own."""
    statement: dict[str, Any] = {
        "Effect": "Allow",
        "Principal": {"AWS": ALICE},
        "Action": "kms:Decrypt",
        "Resource": "*",
    }
    statement.update(extra)
    return statement


def decide(evaluator: Evaluator, *statements: dict[str, Any], **request: Any) -> Decision:
    policy = policy_from_obj({"Version": "2012-10-17", "Statement": list(statements)}, "key")
    authorizer = Authorizer(evaluator.id)
    policies = authorizer.load(PolicySet(KeyPolicies(policy)))
    request.setdefault("action", "kms:Decrypt")
    return authorizer.decide(policies, Request(Caller.from_arn(ALICE), key=KEY, **request))


@pytest.mark.parametrize(
    "extra",
    [
        {"Action": []},
        {"Resource": []},
        {"Principal": {}},
        {"Principal": {"AWS": []}},
        {"Principal": {"AWS": ["AIDAJQABLZS4A3QDU576Q", "AROADBQP57FF2AEXAMPLE"]}},
        {"Condition": {"ForAnyValue:StringEquals": {"kms:EncryptionContextKeys": []}}},
    ],
    ids=["action", "resource", "principal-object", "principal-list", "unique-ids", "foranyvalue"],
)
def test_allow_naming_nothing_grants_nothing(evaluator: Evaluator, extra: dict[str, Any]) -> None:
    d = decide(evaluator, alice_may(**extra), encryption_context={"dept": "x"})
    assert d.effect is Outcome.IMPLICIT_DENY
    assert d.errors == ()


def test_unique_id_principal_matches_no_caller_even_of_that_kind(evaluator: Evaluator) -> None:
    role = "AROADBQP57FF2AEXAMPLE"
    policy = policy_from_obj(
        {"Statement": [alice_may(Principal={"AWS": role})]}, "key", source_name="p"
    )
    authorizer = Authorizer(evaluator.id)
    caller = Caller.from_arn(f"arn:aws:sts::{A}:assumed-role/App/s1")
    d = authorizer.decide(
        authorizer.load(PolicySet(KeyPolicies(policy))),
        Request(caller, key=KEY, action="kms:Decrypt"),
    )
    assert d.effect is Outcome.IMPLICIT_DENY


@pytest.mark.parametrize(
    ("condition", "context", "allowed"),
    [
        ({"ForAllValues:StringEquals": {"kms:EncryptionContextKeys": []}}, {}, True),
        ({"ForAllValues:StringEquals": {"kms:EncryptionContextKeys": []}}, {"dept": "x"}, False),
        ({"StringEqualsIfExists": {"kms:EncryptionContext:dept": []}}, {}, True),
        ({"StringEqualsIfExists": {"kms:EncryptionContext:dept": []}}, {"dept": "x"}, False),
        ({"StringEquals": {}}, {}, True),
    ],
    ids=["forall-no-keys", "forall-keys", "ifexists-missing", "ifexists-present", "no-keys"],
)
def test_documented_empty_conditions(
    evaluator: Evaluator, condition: dict[str, Any], context: dict[str, str], allowed: bool
) -> None:
    d = decide(evaluator, alice_may(Condition=condition), encryption_context=context)
    assert d.effect is (Outcome.ALLOW if allowed else Outcome.IMPLICIT_DENY)
    assert d.errors == ()


@pytest.mark.parametrize(
    "extra",
    [
        {"Action": None, "NotAction": []},
        {"Resource": None, "NotResource": []},
        {"Principal": None, "NotPrincipal": {"AWS": []}},
        {"Condition": {"StringEquals": {"kms:CallerAccount": []}}},
        {"Condition": {"StringNotEquals": {"kms:CallerAccount": []}}},
        {"Condition": {"ForAllValues:StringNotEquals": {"kms:EncryptionContextKeys": []}}},
        {"Condition": {"StringNotEqualsIfExists": {"kms:CallerAccount": []}}},
        {"Condition": {"Null": {"kms:CallerAccount": []}}},
    ],
    ids=[
        "notaction",
        "notresource",
        "notprincipal",
        "equals",
        "notequals",
        "forall-notequals",
        "notequals-ifexists",
        "null",
    ],
)
def test_undocumented_empties_fail_closed(evaluator: Evaluator, extra: dict[str, Any]) -> None:
    def shaped(statement: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in {**statement, **extra}.items() if v is not None}

    allow = decide(evaluator, shaped(alice_may()))
    deny = decide(evaluator, ROOT, alice_may(), shaped({**alice_may(), "Effect": "Deny"}))
    assert allow.effect is Outcome.IMPLICIT_DENY
    assert "treated as not matching" in allow.errors[0]
    assert deny.effect is Outcome.EXPLICIT_DENY
    assert "treated as matching" in deny.errors[0]
