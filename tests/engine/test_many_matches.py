"""Decisions with more matches than the compiled evaluator keeps inline (its lists take the
rest): same decisions as the reference, and no reference left behind."""

from __future__ import annotations

import gc
import sys
from typing import Any

import pytest

from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.context import build_context
from kmspolicy.engine.decision import Outcome
from kmspolicy.engine.evaluators import Evaluator
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.language import policy_from_obj

A = "111122223333"
ALICE = f"arn:aws:iam::{A}:user/alice"
KEY = KeyInfo(f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab")
COUNT = 20  # well past what is kept inline


def _statements(effect: str, principal: str | None) -> list[dict[str, Any]]:
    statement: dict[str, Any] = {"Effect": effect, "Action": "kms:Decrypt", "Resource": "*"}
    if principal is not None:
        statement["Principal"] = {"AWS": principal}
    return [{**statement, "Sid": f"S{i}"} for i in range(COUNT)]


def _policies(authorizer: Authorizer, deny: bool, principal: str = ALICE) -> tuple[Any, Any]:
    statements = _statements("Allow", principal)
    if deny:
        statements += _statements("Deny", principal)
    key_policy = {"Version": "2012-10-17", "Statement": statements}
    identity = {"Version": "2012-10-17", "Statement": _statements("Allow", None)}
    grants = GrantTable(Grant(f"g{i}", ALICE, ("Decrypt",)) for i in range(COUNT))
    key = authorizer.key_policies(policy_from_obj(key_policy, "key"), grants)
    caller = authorizer.caller_policies([policy_from_obj(identity, "identity")])
    return key, caller


@pytest.mark.parametrize("deny", [False, True])
@pytest.mark.parametrize("principal", [ALICE, f"arn:aws:iam::{A}:root"])
def test_many_matches_decide_as_the_reference(
    evaluator: Evaluator, deny: bool, principal: str
) -> None:
    ctx = build_context(Request(Caller.from_arn(ALICE), "kms:Decrypt", key=KEY))
    reference = Authorizer("py")
    expected = reference.decide_parts(*_policies(reference, deny, principal), ctx)
    authorizer = Authorizer(evaluator.id)
    got = authorizer.decide_parts(*_policies(authorizer, deny, principal), ctx)
    assert got == expected
    if deny:
        assert got.effect is Outcome.EXPLICIT_DENY
        assert len(got.reasons) == COUNT
    else:
        # key policy and grants; the identity allows too when the key policy names the
        # account (its statements then rely on them)
        assert got.effect is Outcome.ALLOW
        assert len(got.reasons) == (2 if principal == ALICE else 3) * COUNT


@pytest.mark.parametrize("action", ["kms:Decrypt", "kms:Encrypt"])
def test_evaluations_hold_no_references(evaluator: Evaluator, action: str) -> None:
    """Every grant and reason an evaluation takes is released (kms:Encrypt: no statement
    allows it, so the grants go through the implicit-deny path)."""
    authorizer = Authorizer(evaluator.id)
    key, caller = _policies(authorizer, deny=False)
    ctx = build_context(Request(Caller.from_arn(ALICE), action, key=KEY))
    authorizer.decide_parts(key, caller, ctx)  # fills the caches
    grants = key.grants.for_grantee(ALICE)
    first, last = grants[0], grants[COUNT - 1]  # one kept inline, one in the list
    gc.collect()
    before = sys.getrefcount(first), sys.getrefcount(last)
    for _ in range(100):
        authorizer.decide_parts(key, caller, ctx)
    gc.collect()
    assert (sys.getrefcount(first), sys.getrefcount(last)) == before
