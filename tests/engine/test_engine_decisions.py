"""Decisions built from hand-made IR: reasons, errors, permits, and evaluator API."""

from __future__ import annotations

from typing import Any

import pytest

from kmspolicy import Authorizer, Caller, Decision, KeyInfo, PolicySet, Request
from kmspolicy.engine.decision import Outcome, SourceKind
from kmspolicy.engine.evaluators import Evaluator, get_evaluator
from kmspolicy.engine.grants import Grant
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies
from kmspolicy.language import policy_from_obj
from kmspolicy.language.ir import PolicyDocument

A = "111122223333"
KEY = KeyInfo(f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab")
ALICE = Caller.from_arn(f"arn:aws:iam::{A}:user/alice")


def doc(kind: str, *statements: dict[str, Any]) -> PolicyDocument:
    return policy_from_obj({"Version": "2012-10-17", "Statement": list(statements)}, kind)


def decide(evaluator: Evaluator, policies: PolicySet[PolicyDocument], **kw: Any) -> Decision:
    authorizer = Authorizer(evaluator.id)
    kw.setdefault("action", "kms:Decrypt")
    return authorizer.decide(authorizer.load(policies), Request(ALICE, key=KEY, **kw))


DELEGATE = doc("key", {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": A},
                       "Action": "kms:*", "Resource": "*"})  # fmt: skip


def test_explicit_deny_lists_every_matching_deny_in_document_order(evaluator: Evaluator) -> None:
    key_policy = doc(
        "key",
        {"Effect": "Allow", "Principal": {"AWS": A}, "Action": "kms:*", "Resource": "*"},
        {"Sid": "K", "Effect": "Deny", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"},
    )
    identity = doc("identity", {"Sid": "I", "Effect": "Deny", "Action": "kms:*", "Resource": "*"})
    d = decide(evaluator, PolicySet(KeyPolicies(key_policy), CallerPolicies((identity,))))
    assert d.effect is Outcome.EXPLICIT_DENY
    assert [(r.source, r.sid, r.index) for r in d.reasons] == [
        ("key policy", "K", 1),
        ("identity policy 0", "I", 0),
    ]
    assert d.reasons[0].span is not None and d.reasons[0].span.line > 0


def test_implicit_deny_names_the_missing_identity_policy(evaluator: Evaluator) -> None:
    d = decide(evaluator, PolicySet(KeyPolicies(DELEGATE)))
    assert d.effect is Outcome.IMPLICIT_DENY
    assert [(r.kind, r.effect) for r in d.reasons] == [
        (SourceKind.KEY_POLICY, "Allow"),
        (SourceKind.IDENTITY_POLICY, "Missing"),
    ]
    assert d.reasons[1].detail == (
        f"key policy delegates to account {A} but no identity policy allows kms:Decrypt"
    )


def test_implicit_deny_with_nothing_matching(evaluator: Evaluator) -> None:
    other = "arn:aws:iam::999999999999:root"
    key_policy = doc("key", {"Effect": "Allow", "Principal": {"AWS": other},
                             "Action": "kms:*", "Resource": "*"})  # fmt: skip
    d = decide(evaluator, PolicySet(KeyPolicies(key_policy)))
    assert [r.effect for r in d.reasons] == ["Missing"]
    assert "neither the key policy nor a grant allows" in d.reasons[0].detail


def test_allow_reasons_list_key_then_identity_then_grants(evaluator: Evaluator) -> None:
    identity = doc(
        "identity", {"Sid": "Id", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}
    )
    grant = Grant("g1", ALICE.arn, ("Decrypt",))
    policies = PolicySet(KeyPolicies(DELEGATE, (grant,)), CallerPolicies((identity,)))  # type: ignore[arg-type]
    d = decide(evaluator, policies)
    assert d.allowed
    assert [r.source for r in d.reasons] == ["key policy", "identity policy 0", "grant g1"]


def test_unevaluable_statements_fail_closed_and_are_reported(evaluator: Evaluator) -> None:
    key_policy = doc(
        "key",
        {"Effect": "Allow", "Principal": {"AWS": ALICE.arn}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Deny", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": "300.1.1.1"}}},
    )  # fmt: skip
    d = decide(evaluator, PolicySet(KeyPolicies(key_policy)))
    assert d.effect is Outcome.EXPLICIT_DENY
    assert len(d.errors) == 1 and d.errors[0].startswith("key policy statement 1:")
    assert "treated as matching" in d.errors[0]
    assert "could not be evaluated" in d.reasons[0].detail


def test_a_false_condition_outweighs_an_unevaluable_one(evaluator: Evaluator) -> None:
    key_policy = doc(
        "key",
        {"Effect": "Allow", "Principal": {"AWS": ALICE.arn}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Deny", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": "bad"},
                       "StringEquals": {"kms:EncryptionContext:a": "1"}}},
    )  # fmt: skip
    d = decide(evaluator, PolicySet(KeyPolicies(key_policy)), encryption_context={"a": "2"})
    assert d.allowed and d.errors == ()


def test_authorizer_mints_permits_only_for_allows(evaluator: Evaluator) -> None:
    key_policy = doc("key", {"Effect": "Allow", "Principal": {"AWS": ALICE.arn},
                             "Action": "kms:Encrypt", "Resource": "*"})  # fmt: skip
    authorizer = Authorizer(evaluator.id)
    policies = authorizer.load(PolicySet(KeyPolicies(key_policy)))
    decision, permit = authorizer.authorize(policies, Request(ALICE, "kms:Encrypt", KEY))
    assert decision.allowed and permit is not None
    permit.require("kms:Encrypt", KEY.arn)
    with pytest.raises(PermissionError):
        permit.require("kms:Decrypt", KEY.arn)
    denied, none = authorizer.authorize(policies, Request(ALICE, "kms:Decrypt", KEY))
    assert not denied.allowed and none is None


def test_grant_lookup_does_not_scan_other_grantees(evaluator: Evaluator) -> None:
    grants = [Grant(f"g{i}", f"arn:aws:iam::{A}:user/u{i}", ("Decrypt",)) for i in range(2000)]
    grants.append(Grant("mine", ALICE.arn, ("Decrypt",)))
    d = decide(evaluator, PolicySet(KeyPolicies(DELEGATE, grants)))  # type: ignore[arg-type]
    assert d.allowed and [r.source for r in d.reasons] == ["grant mine"]


def test_unknown_evaluator_id() -> None:
    with pytest.raises(ValueError, match="no evaluator 'zz'"):
        get_evaluator("zz")
