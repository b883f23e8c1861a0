"""Per-decision cost of the evaluators: compiled, reference and Cedar (cedarpy), same run.

The standard policy set: a key policy of 12 statements (most with conditions), two
identity policies of the caller, 100 grants on the key (one of them to the caller) and
10,000 keys in the estate. One decision is: find the key's compiled ``KeyPolicies`` in the
estate and evaluate a prebuilt ``RequestContext`` (``kms:Decrypt`` by an IAM user, with an
encryption context, from an address inside the allowed network) against it and the caller's
compiled policies (``evaluate_parts``; ``test_decide_paired_compiled`` pairs the two into a
``PolicySet`` first and calls ``evaluate``). It is allowed by the key policy (the user's own
statement and the account statement with an identity policy) and by the caller's grant,
after every Deny statement has been tried. Cedar decides the same request against the
same rules written as Cedar policies (one per statement and one per grant), parsed once
(``cedarpy.PolicySet`` and ``Entities`` handles) with the context passed as JSON text.

Scaling: the compiled path with 1 vs 100,000 keys in the estate and 1 vs 10,000 grants
on the key. See benchmarks/README.md for the figures and the command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import cedarpy
import pytest

from kmspolicy import _compat
from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.context import RequestContext, build_context
from kmspolicy.engine.decision import Decision, Outcome
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.language import policy_from_obj
from kmspolicy.language.ir import PolicyDocument

A, B = "111122223333", "444455556666"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
USE = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
ADMIN = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*"]
ADMIN += ["kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource"]
ADMIN += ["kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]


def _key_arn(n: int) -> str:
    return f"arn:aws:kms:us-east-1:{A}:key/{n:08x}-12ab-34cd-56ef-1234567890ab"


KEY = KeyInfo(_key_arn(0), aliases=("alias/billing",), tags={"env": "prod"})
ALICE = f"arn:aws:iam::{A}:user/alice"
REQUEST = Request(
    Caller.from_arn(ALICE, tags={"team": "billing"}),
    "kms:Decrypt",
    key=KEY,
    encryption_context={"dept": "finance", "app": "billing-api"},
    source_ip="10.1.2.3",
    key_id_alias="alias/billing",
)

KEY_POLICY: dict[str, Any] = {
    "Version": "2012-10-17",
    "Id": "key-policy-benchmark",
    "Statement": [
        {"Sid": "EnableIAM", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"},
         "Action": "kms:*", "Resource": "*"},
        {"Sid": "Admins", "Effect": "Allow",
         "Principal": {"AWS": f"arn:aws:iam::{A}:role/KeyAdmin"}, "Action": ADMIN, "Resource": "*"},
        {"Sid": "UseByApp", "Effect": "Allow",
         "Principal": {"AWS": [ALICE, f"arn:aws:iam::{A}:role/App"]}, "Action": USE,
         "Resource": "*",
         "Condition": {"StringEquals": {"kms:EncryptionContext:dept": "finance"},
                       "ForAnyValue:StringLike": {"kms:EncryptionContextKeys": ["app*", "dept"]}}},
        {"Sid": "Grants", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:role/App"},
         "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*",
         "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}},
        {"Sid": "DenyPlainHttp", "Effect": "Deny", "Principal": "*", "Action": "kms:*",
         "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        {"Sid": "DenyOutsideNetwork", "Effect": "Deny", "Principal": "*",
         "Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": "*",
         "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]},
                       "Bool": {"aws:ViaAWSService": "false"}}},
        {"Sid": "DenyAfter", "Effect": "Deny", "Principal": "*", "Action": "kms:*", "Resource": "*",
         "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}},
        {"Sid": "CrossAccount", "Effect": "Allow", "Principal": {"AWS": B},
         "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*",
         "Condition": {"StringLike": {"kms:EncryptionContext:app": "billing-*"}}},
        {"Sid": "ViaS3", "Effect": "Allow", "Principal": {"AWS": "*"},
         "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*",
         "Condition": {"StringEquals": {"kms:CallerAccount": A,
                                        "kms:ViaService": "s3.us-east-1.amazonaws.com"}}},
        {"Sid": "DenyWrongAlias", "Effect": "Deny", "Principal": "*", "Action": "kms:Decrypt",
         "Resource": "*",
         "Condition": {"StringNotLikeIfExists": {"kms:RequestAlias": ["alias/billing*"]},
                       "Null": {"kms:EncryptionContext:dept": "true"}}},
        {"Sid": "Signers", "Effect": "Allow", "Principal": {"AWS": "*"},
         "Action": ["kms:Sign", "kms:Verify"], "Resource": "*",
         "Condition": {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/signer-*"}}},
        {"Sid": "Auditors", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:role/Audit"},
         "Action": ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:List*"], "Resource": "*",
         "Condition": {"StringEquals": {"aws:PrincipalTag/team": "audit"}}},
    ],
}  # fmt: skip
IDENTITY_POLICIES: list[dict[str, Any]] = [
    {"Version": "2012-10-17", "Statement": [
        {"Sid": "UseKeys", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt"],
         "Resource": f"arn:aws:kms:us-east-1:{A}:key/*",
         "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}]},
    {"Version": "2012-10-17", "Statement": [
        {"Sid": "NoDeletion", "Effect": "Deny",
         "Action": ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"], "Resource": "*"},
        {"Sid": "List", "Effect": "Allow", "Action": ["kms:ListKeys", "kms:ListAliases"],
         "Resource": "*"}]},
]  # fmt: skip

CEDAR_POLICIES = f"""
permit(principal in Account::"{A}", action, resource);
permit(principal == User::"{A}/role/KeyAdmin", action in [Action::"CreateGrant",
  Action::"DescribeKey", Action::"EnableKey", Action::"ListGrants", Action::"PutKeyPolicy",
  Action::"UpdateKeyDescription",
  Action::"RevokeGrant", Action::"DisableKey", Action::"GetKeyPolicy", Action::"DeleteAlias",
  Action::"TagResource", Action::"UntagResource", Action::"ScheduleKeyDeletion",
  Action::"CancelKeyDeletion"], resource);
permit(principal, action in [Action::"Encrypt", Action::"Decrypt", Action::"ReEncryptFrom",
  Action::"ReEncryptTo", Action::"GenerateDataKey", Action::"DescribeKey"], resource)
  when {{ (principal == User::"{A}/user/alice" || principal == User::"{A}/role/App") &&
         context.encryptionContext has dept && context.encryptionContext.dept == "finance" &&
         context.encryptionContextKeys.containsAny(["app", "dept"]) }};
permit(principal == User::"{A}/role/App", action in [Action::"CreateGrant", Action::"ListGrants",
  Action::"RevokeGrant"], resource) when {{ context.grantIsForAwsResource }};
forbid(principal, action, resource) when {{ !context.secureTransport }};
forbid(principal, action in [Action::"Decrypt", Action::"Encrypt"], resource)
  when {{ !(context.sourceIp.isInRange(ip("10.0.0.0/8")) ||
           context.sourceIp.isInRange(ip("192.168.0.0/16"))) && !context.viaAwsService }};
forbid(principal, action, resource) when {{ context.epochTime > 1893456000 }};
permit(principal in Account::"{B}", action in [Action::"Decrypt", Action::"DescribeKey"], resource)
  when {{ context.encryptionContext has app && context.encryptionContext.app like "billing-*" }};
permit(principal, action in [Action::"Encrypt", Action::"Decrypt", Action::"GenerateDataKey"],
  resource) when {{ context.callerAccount == "{A}" && context has viaService &&
                    context.viaService == "s3.us-east-1.amazonaws.com" }};
forbid(principal, action == Action::"Decrypt", resource)
  when {{ context has requestAlias && !(context.requestAlias like "alias/billing*") &&
         !(context.encryptionContext has dept) }};
permit(principal, action in [Action::"Sign", Action::"Verify"], resource)
  when {{ principal.arn like "arn:aws:iam::{A}:role/signer-*" }};
permit(principal == User::"{A}/role/Audit", action in [Action::"DescribeKey",
  Action::"GetKeyPolicy", Action::"ListGrants"], resource)
  when {{ principal.tags has team && principal.tags.team == "audit" }};
permit(principal, action in [Action::"Decrypt", Action::"Encrypt"], resource)
  when {{ context.requestedRegion == "us-east-1" }};
forbid(principal, action in [Action::"ScheduleKeyDeletion", Action::"PutKeyPolicy"], resource);
permit(principal, action in [Action::"ListKeys", Action::"ListAliases"], resource);
"""


def _grant(i: int) -> Grant:
    grantee = ALICE if i == 0 else f"arn:aws:iam::{A}:role/worker-{i}"
    return Grant(f"grant-{i}", grantee, ("Decrypt", "Encrypt", "GenerateDataKey"))


def _cedar_grant(i: int) -> str:
    grantee = f"{A}/user/alice" if i == 0 else f"{A}/role/worker-{i}"
    return (
        f'permit(principal == User::"{grantee}", action in [Action::"Decrypt", '
        f'Action::"Encrypt", Action::"GenerateDataKey"], resource == Key::"{KEY.key_id}");\n'
    )


def _estate(key_policies: KeyPolicies[Any], count: int) -> dict[str, KeyPolicies[Any]]:
    """``count`` keys; the benchmarked key has ``key_policies``, the others share one policy
    and have no grants (AWS keys commonly share their key policy text)."""
    others = KeyPolicies(key_policies.key_policy)
    estate = {_key_arn(n): others for n in range(1, count)}
    estate[KEY.arn] = key_policies
    return estate


class Setup:
    """One evaluator's compiled estate and caller policies."""

    def __init__(self, evaluator: str, keys: int = 10_000, grants: int = 100) -> None:
        authorizer = Authorizer(evaluator)
        self.evaluate = authorizer.evaluator.evaluate
        self.evaluate_parts = authorizer.evaluator.evaluate_parts
        key_policy = policy_from_obj(KEY_POLICY, "key")
        identity = [policy_from_obj(p, "identity") for p in IDENTITY_POLICIES]
        self.estate = _estate(
            authorizer.key_policies(key_policy, GrantTable(_grant(i) for i in range(grants))), keys
        )
        self.caller: CallerPolicies[Any] = authorizer.caller_policies(identity)
        self.ctx: RequestContext = build_context(REQUEST, now=NOW)

    def decide(self) -> Decision:
        return self.evaluate_parts(self.estate[KEY.arn], self.caller, self.ctx)

    def decide_paired(self) -> Decision:
        return self.evaluate(PolicySet(self.estate[KEY.arn], self.caller), self.ctx)


def _check_allowed(decide: Callable[[], Decision]) -> None:
    decision = decide()
    assert decision.effect is Outcome.ALLOW, decision.explain()
    assert [r.source for r in decision.reasons] == [
        "key policy",
        "key policy",
        "identity policy 0",
        "grant grant-0",
    ]


needs_compiled = pytest.mark.skipif(not _compat.USE_EXTENSIONS, reason="pure-Python build")


@pytest.mark.benchmark(
    group="decision: standard set (12-statement key policy, 100 grants, 10k keys)"
)
@needs_compiled
def test_decide_compiled(benchmark: Any) -> None:
    setup = Setup("c")
    _check_allowed(setup.decide)
    benchmark(setup.decide)


@pytest.mark.benchmark(
    group="decision: standard set (12-statement key policy, 100 grants, 10k keys)"
)
@needs_compiled
def test_decide_paired_compiled(benchmark: Any) -> None:
    setup = Setup("c")
    _check_allowed(setup.decide_paired)
    benchmark(setup.decide_paired)


@pytest.mark.benchmark(
    group="decision: standard set (12-statement key policy, 100 grants, 10k keys)"
)
def test_decide_reference(benchmark: Any) -> None:
    setup = Setup("py")
    _check_allowed(setup.decide)
    benchmark(setup.decide)


@pytest.mark.benchmark(
    group="decision: standard set (12-statement key policy, 100 grants, 10k keys)"
)
def test_decide_cedarpy(benchmark: Any) -> None:
    policies = cedarpy.PolicySet.from_str(
        CEDAR_POLICIES + "".join(_cedar_grant(i) for i in range(100))
    )
    entities = cedarpy.Entities.from_json_str(
        json.dumps(
            [
                {"uid": {"type": "Account", "id": A}, "attrs": {}, "parents": []},
                {
                    "uid": {"type": "User", "id": f"{A}/user/alice"},
                    "attrs": {"arn": ALICE, "tags": {"team": "billing"}},
                    "parents": [{"type": "Account", "id": A}],
                },
                *(
                    {"uid": {"type": "Key", "id": _key_arn(n).rsplit("/", 1)[1]},
                     "attrs": {"tags": {"env": "prod"}}, "parents": []}
                    for n in range(10_000)
                ),
            ]
        )
    )  # fmt: skip
    request = {
        "principal": f'User::"{A}/user/alice"',
        "action": 'Action::"Decrypt"',
        "resource": f'Key::"{KEY.key_id}"',
        "context": json.dumps(
            {
                "encryptionContext": {"dept": "finance", "app": "billing-api"},
                "encryptionContextKeys": ["dept", "app"],
                "sourceIp": {"__extn": {"fn": "ip", "arg": "10.1.2.3"}},
                "secureTransport": True,
                "viaAwsService": False,
                "epochTime": int(NOW.timestamp()),
                "callerAccount": A,
                "requestAlias": "alias/billing",
                "requestedRegion": "us-east-1",
                "grantIsForAwsResource": False,
            }
        ),
    }

    def decide() -> bool:
        return cedarpy.is_authorized(request, policies, entities).allowed

    assert decide()
    benchmark(decide)


@pytest.mark.benchmark(group="evaluate only: PolicySet already paired (standard set)")
@pytest.mark.parametrize("evaluator", [pytest.param("c", marks=needs_compiled), "py"])
def test_evaluate_paired(benchmark: Any, evaluator: str) -> None:
    setup = Setup(evaluator)
    policies = PolicySet(setup.estate[KEY.arn], setup.caller)
    _check_allowed(lambda: setup.evaluate(policies, setup.ctx))
    benchmark(setup.evaluate, policies, setup.ctx)


@pytest.mark.benchmark(group="decision: context derivation (Request -> RequestContext)")
def test_build_context(benchmark: Any) -> None:
    benchmark(build_context, REQUEST, now=NOW)


@pytest.mark.benchmark(group="scaling: keys in the estate (compiled)")
@pytest.mark.parametrize("keys", [1, 100_000])
@needs_compiled
def test_scaling_keys(benchmark: Any, keys: int) -> None:
    setup = Setup("c", keys=keys)
    _check_allowed(setup.decide)
    benchmark(setup.decide)


@pytest.mark.benchmark(group="scaling: grants on the key (compiled)")
@pytest.mark.parametrize("grants", [1, 10_000])
@needs_compiled
def test_scaling_grants(benchmark: Any, grants: int) -> None:
    setup = Setup("c", grants=grants)
    _check_allowed(setup.decide)
    benchmark(setup.decide)


def test_standard_documents_parse() -> None:
    """The benchmark's documents are what they claim to be (checked in every run)."""
    key_policy: PolicyDocument = policy_from_obj(KEY_POLICY, "key")
    assert len(key_policy.statements) >= 10
    assert sum(1 for s in key_policy.statements if s.conditions) >= 8
    assert len(IDENTITY_POLICIES) == 2


@pytest.mark.benchmark(group="decision from a Request: context derivation + evaluate")
@pytest.mark.parametrize("evaluator", [pytest.param("c", marks=needs_compiled), "py"])
def test_decide_from_request(benchmark: Any, evaluator: str) -> None:
    """What the KMS pays per call: build the RequestContext of a Request (the caller's and
    the key's objects reused, as the KMS keeps them) and evaluate it against the key's and
    the caller's compiled policies."""
    setup = Setup(evaluator)
    key = setup.estate[KEY.arn]

    def decide() -> Decision:
        return setup.evaluate_parts(key, setup.caller, build_context(REQUEST, now=NOW))

    _check_allowed(decide)
    benchmark(decide)
