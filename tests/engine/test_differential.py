"""Two evaluators, one meaning: random policy sets and requests, reference vs compiled.

Hypothesis builds policy sets of every kind (key policy, identity policies, SCPs,
permissions boundary, session policy) from a small universe of principals, actions,
resources and condition keys, so that statements often match and every rule is
exercised: all condition operators with ``ForAllValues``/``ForAnyValue`` and ``IfExists``,
policy variables (with defaults and escapes), ``NotPrincipal``/``NotAction``/``NotResource``,
empty lists, values that cannot be parsed, grants with constraints and tokens. Each
request is decided by both evaluators and the ``Decision`` values (effect, reasons with
their spans, errors) must be equal. The reference (``engine.reference``) defines the
meaning. Neither may raise: whatever the policies and the request, a ``Decision`` comes
back (fail closed), so an exception escaping either evaluator fails the test.

2,000 examples by default; ``KMSPOLICY_FUZZ=1`` (``make fuzz``) runs the fuzz profile's.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st

from kmspolicy import _compat
from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.context import RequestContext, build_context, derive_context
from kmspolicy.engine.decision import Decision
from kmspolicy.engine.evaluators import available_evaluators
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import parse_grant_constraints, policy_from_obj
from kmspolicy.language.ir import PolicyDocument

pytestmark = pytest.mark.fuzz

EXAMPLES = max(2000, settings().max_examples)
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

A, B = "111122223333", "444455556666"
KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
KEYS = [
    KeyInfo(
        f"arn:aws:kms:us-east-1:{A}:key/{KEY_ID}",
        aliases=("alias/app",),
        tags={"env": "prod", "Team": "blue"},
    ),
    KeyInfo(
        f"arn:aws:kms:us-east-1:{B}:key/{KEY_ID}", key_spec="RSA_2048", key_usage="SIGN_VERIFY"
    ),
]
CALLERS = [
    f"arn:aws:iam::{A}:user/alice",
    f"arn:aws:iam::{A}:user/bob",
    f"arn:aws:iam::{A}:root",
    f"arn:aws:iam::{A}:role/Admin",
    f"arn:aws:sts::{A}:assumed-role/Admin/s1",
    f"arn:aws:sts::{A}:federated-user/fed",
    f"arn:aws:iam::{B}:user/carol",
    f"arn:aws:sts::{B}:assumed-role/Ops/s2",
    "logs.amazonaws.com",
]
AWS_PRINCIPALS = [
    "*",
    A,
    B,
    f"arn:aws:iam::{A}:root",
    f"arn:aws:iam::{A}:user/alice",
    f"arn:aws:iam::{A}:role/Admin",
    f"arn:aws:sts::{A}:assumed-role/Admin/s1",
    f"arn:aws:iam::{B}:user/carol",
    f"arn:aws:iam::{B}:role/Ops",
]
ACTIONS = [
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:ReEncryptFrom",
    "kms:CreateGrant",
    "kms:DescribeKey",
    "kms:PutKeyPolicy",
    "kms:Sign",
    "kms:ListKeys",
    "kms:CreateKey",
    "KMS:decrypt",
    "kms:Frobnicate",
]
KEYLESS = {"kms:listkeys", "kms:createkey"}
ACTION_PATTERNS = [
    "*",
    "kms:*",
    "kms:Decrypt",
    "kms:Encrypt*",
    "kms:Generate*",
    "kms:?ecrypt",
    "kms:Describe*",
    "kms:Create*",
    "kms:List*",
    "kms:Frob*",
    "KMS:DECRYPT",
    "s3:*",
]
RESOURCES = [
    "*",
    KEYS[0].arn,
    KEYS[1].arn,
    f"arn:aws:kms:*:{A}:key/*",
    "arn:aws:kms:us-east-1:${aws:PrincipalAccount}:key/*",
    f"arn:aws:kms:us-east-1:{A}:key/${{aws:username}}",
    "arn:aws:kms:us-east-1:*:key/1234abcd-??ab-*",
    f"arn:aws:kms:us-east-1:{A}:key/${{*}}",
    "arn:aws:kms:us-east-1:${aws:PrincipalTag/acct, '111122223333'}:key/*",
    # IAM-only keys: resolved in identity-side policies, unresolved in key policies
    f"arn:aws:kms:us-east-1:{A}:key/${{aws:ResourceTag/env}}",
    "arn:aws:kms:us-east-1:*:key/${kms:ResourceAliases, 'x'}",
    "arn:aws:kms:us-east-1:*:key/${kms:EncryptionContext:dept}",
]
TEXT_VALUES = [
    "x",
    "X",
    "y",
    "*",
    "x*",
    "?",
    "",
    "alice",
    "blue",
    "${aws:username}",
    "${aws:PrincipalTag/team}",
    "${aws:ResourceTag/env}",
    "${aws:ResourceTag/Team, 'blue'}",
    "${kms:ResourceAliases}",
    "${kms:EncryptionContextKeys}",
    "${test:text}",
    "${aws:PrincipalTag/none, 'x'}",
    "${*}",
    "${kms:EncryptionContext:dept}",
    "alias/app",
    "alias/*",
    A,
    "s3.us-east-1.amazonaws.com",
    "Decrypt",
    "dept",
    "arn:aws:iam::*:user/alice",
]
TEXT_KEYS = [
    "kms:EncryptionContext:dept",
    "kms:EncryptionContext:Dept",
    "kms:EncryptionContextKeys",
    "kms:ViaService",
    "kms:CallerAccount",
    "kms:RequestAlias",
    "kms:ResourceAliases",
    "kms:GrantOperations",
    "aws:username",
    "aws:PrincipalTag/team",
    "aws:ResourceTag/env",
    "aws:PrincipalType",
    "test:text",
]
FAMILIES: dict[str, tuple[list[str], list[str], list[str]]] = {
    # family: (operators, keys, values)
    "string": (
        [
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
        ],
        TEXT_KEYS,
        TEXT_VALUES,
    ),
    "numeric": (
        [
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
        ],
        ["test:num", "kms:RotationPeriodInDays", "aws:username"],
        ["1", "5", "5.0", "10", "-3", "1e1", "abc", "Infinity"],
    ),
    "date": (
        [
            "DateEquals",
            "DateNotEquals",
            "DateLessThan",
            "DateLessThanEquals",
            "DateGreaterThan",
            "DateGreaterThanEquals",
        ],
        ["aws:CurrentTime", "aws:EpochTime", "test:date", "aws:TokenIssueTime"],
        [
            "2026-06-01T12:00:00Z",
            "2026-06-01T14:00:00+02:00",
            "2027-01-01",
            "1780315200",
            "1780315200.5",
            "yesterday",
        ],
    ),
    "bool": (
        ["Bool"],
        ["aws:SecureTransport", "aws:MultiFactorAuthPresent", "kms:GrantIsForAWSResource"],
        ["true", "false", "TRUE", "maybe", "${aws:username}", "${aws:PrincipalTag/flag, 'true'}"],
    ),
    "binary": (["BinaryEquals"], ["test:bin"], ["YQ==", "Yg==", "!!"]),
    "ip": (
        ["IpAddress", "NotIpAddress"],
        ["aws:SourceIp", "test:text"],
        ["10.0.0.0/8", "203.0.113.5", "2001:db8::/32", "10.1.2.3/8", "bad"],
    ),
    "arn": (
        ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
        ["aws:PrincipalArn", "aws:SourceArn", "test:text"],
        [
            f"arn:aws:iam::{A}:user/*",
            "arn:aws:iam::*:role/Admin",
            "arn:*:iam::${aws:PrincipalAccount}:*",
            "arn:aws:iam::${aws:PrincipalTag/acct}:root",
            "notanarn",
            f"arn:aws:iam::{A}:*",
            "arn:aws:s3:::bucket:with:colons",
        ],
    ),
    "null": (
        ["Null"],
        [*TEXT_KEYS, "aws:SourceIp", "aws:MultiFactorAuthPresent"],
        ["true", "false", "maybe"],
    ),
}


def one_or_list(values: st.SearchStrategy[Any], empty: bool = True) -> st.SearchStrategy[Any]:
    return st.one_of(values, st.lists(values, min_size=0 if empty else 1, max_size=3))


# Strategies are built once: building them inside the composites below costs more than
# evaluating the policies.
_FAMILY = st.sampled_from(sorted(FAMILIES))
_QUALIFIER = st.sampled_from(["", "", "ForAllValues:", "ForAnyValue:"])
_OPERATOR = {f: st.sampled_from(ops) for f, (ops, _, _) in FAMILIES.items()}
_KEY = {f: st.sampled_from(keys) for f, (_, keys, _) in FAMILIES.items()}
_VALUES = {
    f: st.one_of(st.sampled_from(vs), st.lists(st.sampled_from(vs), max_size=3))
    for f, (_, _, vs) in FAMILIES.items()
}
_COIN = st.booleans()
_AWS = one_or_list(st.sampled_from(AWS_PRINCIPALS))
_PRINCIPAL = st.one_of(
    st.just("*"),
    st.fixed_dictionaries({"AWS": _AWS}),
    st.fixed_dictionaries({"AWS": _AWS, "Service": st.just("logs.amazonaws.com")}),
    st.fixed_dictionaries({"Service": one_or_list(st.just("logs.amazonaws.com"))}),
    st.just({"Federated": "cognito-identity.amazonaws.com"}),
    st.just({}),
)
_EFFECT = st.sampled_from(["Allow", "Allow", "Allow", "Deny"])
_PRINCIPAL_ELEMENT = st.sampled_from(["Principal", "Principal", "Principal", "NotPrincipal"])
_ACTION_ELEMENT = st.sampled_from(["Action"] * 4 + ["NotAction"])
_RESOURCE_ELEMENT = st.sampled_from(["Resource"] * 4 + ["NotResource"])
_ACTION_VALUES = one_or_list(st.sampled_from(ACTION_PATTERNS), empty=False)
_RESOURCE_VALUES = one_or_list(st.sampled_from(RESOURCES), empty=False)
_RARE = st.integers(0, 20)
_SMALL = st.integers(1, 3)


@st.composite
def conditions(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    block: dict[str, dict[str, Any]] = {}
    for _ in range(draw(_SMALL)):
        family = draw(_FAMILY)
        if_exists = family != "null" and draw(_COIN) and draw(_COIN)
        name = draw(_QUALIFIER) + draw(_OPERATOR[family]) + ("IfExists" if if_exists else "")
        entry = block.setdefault(name, {})
        for _ in range(1 + draw(_COIN)):
            entry[draw(_KEY[family])] = draw(_VALUES[family])
    return block


_CONDITIONS = conditions()


@st.composite
def statements(draw: st.DrawFn, index: int, key_policy: bool) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": draw(_EFFECT)}
    if draw(_COIN):
        statement["Sid"] = f"S{index}"
    if key_policy:
        statement[draw(_PRINCIPAL_ELEMENT)] = draw(_PRINCIPAL)
    element = draw(_ACTION_ELEMENT)
    statement[element] = [] if draw(_RARE) == 0 else draw(_ACTION_VALUES)
    element = draw(_RESOURCE_ELEMENT)
    statement[element] = [] if draw(_RARE) == 0 else draw(_RESOURCE_VALUES)
    if draw(_COIN) and draw(_COIN):
        statement["Condition"] = draw(_CONDITIONS)
    return statement


_STATEMENTS = {
    key_policy: [statements(i, key_policy) for i in range(4)] for key_policy in (True, False)
}
_VERSION = st.sampled_from(["2012-10-17", "2012-10-17", "2008-10-17", None])
_STATEMENT_COUNT = st.integers(1, 4)


@st.composite
def documents(draw: st.DrawFn, kind: str) -> PolicyDocument:
    pool = _STATEMENTS[kind == "key"]
    obj: dict[str, Any] = {"Statement": [draw(pool[i]) for i in range(draw(_STATEMENT_COUNT))]}
    version = draw(_VERSION)
    if version is not None:
        obj["Version"] = version
    try:
        return policy_from_obj(obj, kind)
    except PolicySyntaxError:
        reject()


_CONSTRAINT = st.sampled_from([None, None, "EncryptionContextSubset", "EncryptionContextEquals"])
_PAIRS = st.dictionaries(
    st.sampled_from(["dept", "Dept", "app"]), st.sampled_from(["x", "X"]), max_size=2
)
_GRANT_ID = st.sampled_from(["g1", "g2", "g3"])
_GRANTEE = st.sampled_from([*CALLERS[:8], f"arn:aws:iam::{B}:role/Ops"])
_GRANT_OPERATIONS = st.lists(
    st.sampled_from(["Decrypt", "Encrypt", "CreateGrant", "DescribeKey", "Sign"]),
    min_size=1,
    max_size=3,
    unique=True,
)


@st.composite
def grants(draw: st.DrawFn) -> Grant:
    constraints = None
    member = draw(_CONSTRAINT)
    if member is not None:
        try:
            constraints = parse_grant_constraints(json.dumps({member: draw(_PAIRS)}))
        except PolicySyntaxError:
            reject()
    pending = draw(_COIN) and draw(_COIN)
    return Grant(
        grant_id=draw(_GRANT_ID),
        grantee_principal=draw(_GRANTEE),
        operations=tuple(draw(_GRANT_OPERATIONS)),
        constraints=constraints,
        token="tok" if pending or draw(_COIN) else None,
        pending=pending,
    )


_KEY_POLICY = documents("key")
_IDENTITY_POLICIES = st.lists(documents("identity"), max_size=2)
_SCPS = st.lists(documents("scp"), max_size=2)
_BOUNDARY = st.none() | documents("boundary")
_SESSION = st.none() | documents("session")
_GRANTS = st.lists(grants(), max_size=3)


@st.composite
def policy_sets(draw: st.DrawFn) -> PolicySet[PolicyDocument]:
    key = KeyPolicies(draw(_KEY_POLICY), GrantTable(draw(_GRANTS)))
    caller = CallerPolicies(
        tuple(draw(_IDENTITY_POLICIES)), draw(_BOUNDARY), tuple(draw(_SCPS)), draw(_SESSION)
    )
    return PolicySet(key, caller)


_CALLER = st.sampled_from(CALLERS)
_TAGS = st.dictionaries(
    st.sampled_from(["team", "acct", "flag"]),
    st.sampled_from(["blue", "x", A, "true", "*"]),
    max_size=2,
)
_MFA = st.sampled_from([None, True, False])
_ACTION = st.sampled_from(ACTIONS)
_REQUEST_KEY = st.sampled_from(KEYS)
_CONTEXT = st.dictionaries(
    st.sampled_from(
        [
            "test:num",
            "test:date",
            "test:bin",
            "test:text",
            "aws:SourceArn",
            "kms:RotationPeriodInDays",
            "aws:CurrentTime",
            "aws:EpochTime",
            "kms:ViaService",
        ]
    ),
    st.sampled_from(
        [
            "5",
            "abc",
            "2026-01-01T00:00:00Z",
            "YQ==",
            "x",
            "10.2.3.4",
            f"arn:aws:iam::{A}:user/alice",
            "a:b",
            "",
            "99999999999999999999",
        ]
    ),
    max_size=2,
)
_MULTI_TEXT = st.lists(st.sampled_from(["x", "y", "X"]), max_size=3)
_EC = st.dictionaries(
    st.sampled_from(["dept", "Dept", "app"]), st.sampled_from(["x", "X", "y"]), max_size=2
)
_TOKENS = st.sampled_from([(), ("tok",)])
_ALIAS = st.sampled_from([None, "alias/app", f"arn:aws:kms:us-east-1:{A}:alias/app"])
_CHILD_OPERATIONS = st.sampled_from([None, ("Decrypt",), ("Decrypt", "Sign")])
_SOURCE_IP = st.sampled_from([None, "10.1.2.3", "203.0.113.5", "2001:db8::1", "not-an-ip"])
_VIA = st.sampled_from([None, "s3.us-east-1.amazonaws.com"])
_SIXTH = st.integers(0, 5)


@st.composite
def requests(draw: st.DrawFn) -> Request:
    caller = Caller.from_arn(
        draw(_CALLER),
        tags=draw(_TAGS),
        mfa=draw(_MFA),
        management_account=draw(_COIN) and draw(_COIN),
    )
    action = draw(_ACTION)
    context: dict[str, Any] = draw(_CONTEXT)
    if draw(_SIXTH) == 0:
        context["test:text"] = draw(_MULTI_TEXT)  # a multi-valued key
    return Request(
        caller=caller,
        action=action,
        key=None if action.lower() in KEYLESS else draw(_REQUEST_KEY),
        encryption_context=draw(_EC),
        grant_tokens=draw(_TOKENS),
        key_id_alias=draw(_ALIAS),
        grant_operations=draw(_CHILD_OPERATIONS),
        source_ip=draw(_SOURCE_IP),
        via_service=draw(_VIA),
        context=context,
    )


REFERENCE = Authorizer("py")
COMPILED = Authorizer("c") if _compat.USE_EXTENSIONS else REFERENCE


def _outcome(
    authorizer: Authorizer, policies: PolicySet[Any], ctx: RequestContext
) -> Decision | str:
    try:
        return authorizer.decide(policies, ctx)
    except Exception as exc:  # reported with the request below, not hidden
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.compiled
@settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(policy_sets(), st.lists(requests(), min_size=1, max_size=3))
def test_compiled_evaluator_decides_as_the_reference(
    policies: PolicySet[PolicyDocument], batch: list[Request]
) -> None:
    reference_set = REFERENCE.load(policies)
    compiled_set = COMPILED.load(policies)
    for request in batch:
        ctx = build_context(request, now=NOW)
        expected = _outcome(REFERENCE, reference_set, ctx)
        got = _outcome(COMPILED, compiled_set, ctx)
        assert isinstance(expected, Decision), f"reference raised {expected} on {request}"
        assert isinstance(got, Decision), f"compiled evaluator raised {got} on {request}"
        # Shown by --hypothesis-show-statistics: how often each outcome is exercised.
        event(expected.effect.value)
        if expected.errors:
            event("with errors")
        assert got == expected, (
            f"{request.action} by {request.caller.arn}\n"
            f"reference: {expected.explain()}\ncompiled:  {got.explain()}"
        )
        # The same decision from the two halves, without the PolicySet.
        assert COMPILED.decide_parts(compiled_set.key, compiled_set.caller, ctx) == expected
        assert REFERENCE.decide_parts(reference_set.key, reference_set.caller, ctx) == expected


@pytest.mark.parametrize("evaluator_id", sorted(available_evaluators()))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(policies=policy_sets(), batch=st.lists(requests(), min_size=1, max_size=3))
def test_evaluate_always_returns_a_decision(
    evaluator_id: str, policies: PolicySet[PolicyDocument], batch: list[Request]
) -> None:
    """Fail closed, for each evaluator on its own (also in a pure-Python build): no policy
    set and no request makes ``decide`` raise."""
    authorizer = Authorizer(evaluator_id)
    compiled = authorizer.load(policies)
    for request in batch:
        assert isinstance(authorizer.decide(compiled, request, now=NOW), Decision)


# Clocks a second apart, within one second, and an equal moment in another object.
_CLOCKS = [
    NOW,
    NOW + timedelta(microseconds=999_999),
    NOW + timedelta(seconds=1),
    datetime(2026, 6, 1, 14, 0, tzinfo=timezone(timedelta(hours=2))),
]
_OPTIONAL_TEXT = st.sampled_from([None, "", "RSASSA_PSS_SHA_256", "DIGEST"])
_GRANT_PRINCIPAL = st.sampled_from([None, f"arn:aws:iam::{A}:role/App"])


@st.composite
def varied_requests(draw: st.DrawFn) -> Request:
    """``requests()`` with the inputs it leaves at their defaults drawn too, and usually
    without explicit context keys (the requests the compiled derivation handles itself)."""
    request = draw(requests())
    return replace(
        request,
        context={} if draw(st.integers(0, 3)) else request.context,
        resource=draw(st.sampled_from([None, f"arn:aws:kms:us-east-1:{A}:alias/app"])),
        encryption_algorithm=draw(_OPTIONAL_TEXT),
        signing_algorithm=draw(_OPTIONAL_TEXT),
        message_type=draw(_OPTIONAL_TEXT),
        mac_algorithm=draw(_OPTIONAL_TEXT),
        grantee_principal=draw(_GRANT_PRINCIPAL),
        retiring_principal=draw(_GRANT_PRINCIPAL),
        secure_transport=draw(st.sampled_from([None, True, False])),
        source_vpce=draw(st.sampled_from([None, "vpce-1a2b3c4d"])),
        current_time=draw(st.sampled_from([None, None, None, "2026-01-01T00:00:00Z"])),
    )


@pytest.mark.compiled
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(varied_requests(), st.sampled_from(_CLOCKS))
def test_compiled_context_derives_as_the_reference(request: Request, now: datetime) -> None:
    assert build_context is not derive_context  # the compiled twin is in use
    assert build_context(request, now=now) == derive_context(request, now=now)
