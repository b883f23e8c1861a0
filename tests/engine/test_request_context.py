"""KMS context derivation: which condition keys a request carries, and their values."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

import pytest

from kmspolicy.engine.context import RequestContext, build_context, provides
from kmspolicy.engine.request import Caller, KeyInfo, PrincipalKind, Request

KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def key(**kw: object) -> KeyInfo:
    return KeyInfo(KEY_ARN, **kw)  # type: ignore[arg-type]


def ctx_for(principal: str = "arn:aws:iam::111122223333:user/alice", **kw: object):  # type: ignore[no-untyped-def]
    caller_kw = {k: kw.pop(k) for k in ("tags", "mfa") if k in kw}
    caller = Caller.from_arn(principal, **caller_kw)  # type: ignore[arg-type]
    kw.setdefault("action", "kms:Decrypt")
    kw.setdefault("key", key())
    return build_context(Request(caller, **kw), now=NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arn", "kind", "account", "role"),
    [
        ("arn:aws:iam::111122223333:root", PrincipalKind.ROOT, "111122223333", None),
        ("111122223333", PrincipalKind.ROOT, "111122223333", None),
        ("arn:aws:iam::111122223333:user/ops/alice", PrincipalKind.USER, "111122223333", None),
        (
            "arn:aws:iam::111122223333:role/app",
            PrincipalKind.ROLE,
            "111122223333",
            "arn:aws:iam::111122223333:role/app",
        ),
        (
            "arn:aws:sts::111122223333:assumed-role/app/s1",
            PrincipalKind.ASSUMED_ROLE,
            "111122223333",
            "arn:aws:iam::111122223333:role/app",
        ),
        (
            "arn:aws:sts::111122223333:federated-user/bob",
            PrincipalKind.FEDERATED_USER,
            "111122223333",
            None,
        ),
        ("logs.amazonaws.com", PrincipalKind.SERVICE, None, None),
    ],
)
def test_caller_from_arn(
    arn: str, kind: PrincipalKind, account: str | None, role: str | None
) -> None:
    caller = Caller.from_arn(arn)
    assert (caller.kind, caller.account, caller.role_arn) == (kind, account, role)


@pytest.mark.parametrize("bad", ["alice", "arn:aws:s3:::bucket", "arn:aws:sts::1:assumed-role/x"])
def test_caller_from_bad_arn(bad: str) -> None:
    with pytest.raises(ValueError, match=r"ARN|principal"):
        Caller.from_arn(bad)


def test_principal_keys_for_session() -> None:
    ctx = ctx_for("arn:aws:sts::111122223333:assumed-role/app/s1", tags={"Team": "blue"})
    v = ctx.values
    assert v["aws:principalarn"] == ("arn:aws:iam::111122223333:role/app",)
    assert v["aws:principaltype"] == ("AssumedRole",)
    assert v["aws:principaltag/team"] == ("blue",)
    assert "aws:username" not in v
    assert ctx.identities == (
        "arn:aws:sts::111122223333:assumed-role/app/s1",
        "arn:aws:iam::111122223333:role/app",
        "arn:aws:iam::111122223333:root",
    )


def test_user_keys() -> None:
    v = ctx_for().values
    assert v["aws:username"] == ("alice",)
    assert v["aws:principaltype"] == ("User",)
    assert v["kms:calleraccount"] == ("111122223333",)
    assert "aws:multifactorauthpresent" not in v  # long-term credentials


def test_root_user_id_is_account() -> None:
    v = ctx_for("arn:aws:iam::111122223333:root").values
    assert v["aws:userid"] == ("111122223333",)
    assert v["aws:principaltype"] == ("Account",)


def test_encryption_context_keys_are_case_insensitive_names() -> None:
    ctx = ctx_for(encryption_context={"Dept": "Sales", "project": "x"})
    assert ctx.values["kms:encryptioncontext:dept"] == ("Sales",)
    assert ctx.values["kms:encryptioncontextkeys"] == ("Dept", "project")
    assert "kms:encryptioncontextkeys" not in ctx.single_valued
    assert "kms:encryptioncontext:dept" in ctx.single_valued


def test_encryption_context_keys_differing_in_case_share_one_condition_key() -> None:
    ctx = ctx_for(encryption_context={"Dept": "Sales", "dept": "x"})
    assert ctx.values["kms:encryptioncontext:dept"] == ("Sales", "x")
    assert ctx.values["kms:encryptioncontextkeys"] == ("Dept", "dept")
    assert "kms:encryptioncontext:dept" not in ctx.single_valued


def test_encryption_algorithm_default_only_on_encryption_operations() -> None:
    assert ctx_for().values["kms:encryptionalgorithm"] == ("SYMMETRIC_DEFAULT",)
    assert "kms:encryptionalgorithm" not in ctx_for(action="kms:DescribeKey").values
    assert ctx_for(action="kms:Sign").values["kms:messagetype"] == ("RAW",)


def test_request_alias_only_when_an_alias_was_used() -> None:
    assert "kms:requestalias" not in ctx_for().values
    assert ctx_for(key_id_alias="alias/app").values["kms:requestalias"] == ("alias/app",)
    arn = "arn:aws:kms:us-east-1:111122223333:alias/app"
    assert ctx_for(key_id_alias=arn).values["kms:requestalias"] == ("alias/app",)
    # DisableKey does not accept an alias in KeyId
    assert "kms:requestalias" not in ctx_for(action="kms:DisableKey", key_id_alias="alias/x").values


def test_key_properties_absent_without_a_key() -> None:
    ctx = ctx_for(action="kms:ListKeys", key=None)
    assert "kms:keyspec" not in ctx.values
    assert ctx.resource == "*"
    assert not ctx.cross_account


def test_iam_only_keys_hidden_from_key_policies() -> None:
    ctx = ctx_for(key=key(aliases=("alias/a", "alias/b"), tags={"Env": "prod"}))
    assert ctx.values["kms:resourcealiases"] == ("alias/a", "alias/b")
    assert ctx.values["aws:resourcetag/env"] == ("prod",)
    assert "kms:resourcealiases" not in ctx.key_policy_values
    assert "aws:resourcetag/env" not in ctx.key_policy_values
    assert ctx.key_policy_values["kms:keyspec"] == ("SYMMETRIC_DEFAULT",)


def test_create_grant_keys() -> None:
    ctx = ctx_for(
        action="kms:CreateGrant",
        grant_operations=("Decrypt", "Encrypt"),
        grantee_principal="arn:aws:iam::111122223333:role/x",
    )
    assert ctx.values["kms:grantoperations"] == ("Decrypt", "Encrypt")
    assert ctx.values["kms:grantisforawsresource"] == ("false",)
    assert ctx.values["kms:granteeprincipal"] == ("arn:aws:iam::111122223333:role/x",)


def test_time_and_network_keys() -> None:
    ctx = ctx_for(source_ip="203.0.113.5")
    assert ctx.values["aws:currenttime"] == ("2026-06-01T12:00:00Z",)
    assert ctx.values["aws:epochtime"] == (str(int(NOW.timestamp())),)
    assert ctx.values["aws:sourceip"] == ("203.0.113.5",)
    vpce = ctx_for(source_ip="10.0.0.1", source_vpce="vpce-1")
    assert "aws:sourceip" not in vpce.values


def test_explicit_context_overrides_and_lowercases() -> None:
    ctx = ctx_for(
        context={
            "aws:CurrentTime": "2030-01-01T00:00:00Z",
            "aws:SourceVpc": "vpc-1",
            "kms:ViaService": "s3.us-east-1.amazonaws.com",
        }
    )
    assert ctx.values["aws:currenttime"] == ("2030-01-01T00:00:00Z",)
    assert ctx.values["aws:sourcevpc"] == ("vpc-1",)
    assert ctx.values["kms:viaservice"] == ("s3.us-east-1.amazonaws.com",)


def test_cross_account() -> None:
    assert ctx_for("arn:aws:iam::444455556666:user/bob").cross_account
    assert not ctx_for().cross_account


@pytest.mark.parametrize(
    ("action", "key", "expected"),
    [
        ("kms:decrypt", "kms:encryptioncontext:dept", True),
        ("kms:describekey", "kms:encryptioncontext:dept", False),
        ("kms:creategrant", "kms:encryptioncontextkeys", True),
        ("kms:retiregrant", "kms:encryptioncontextkeys", True),
        ("kms:creategrant", "kms:grantoperations", True),
        ("kms:listgrants", "kms:grantoperations", False),
        ("kms:describekey", "kms:requestalias", True),
        ("kms:putkeypolicy", "kms:requestalias", False),
        ("kms:decrypt", "kms:keyspec", True),
        ("kms:listkeys", "kms:keyspec", False),
        ("kms:retiregrant", "kms:calleraccount", False),
        ("kms:frobnicate", "aws:sourceip", True),
        ("kms:decrypt", "kms:notakey", False),
        ("kms:decrypt", "test:text", True),
    ],
)
def test_keys_provided_per_action(action: str, key: str, expected: bool) -> None:
    assert provides(action, key) is expected


def test_context_keys_only_where_the_action_provides_them() -> None:
    pairs = {"dept": "x"}
    ctx = ctx_for(action="kms:DescribeKey", encryption_context=pairs, grant_operations=("Decrypt",))
    assert not any(k.startswith("kms:encryptioncontext") for k in ctx.values)
    assert "kms:grantoperations" not in ctx.values
    ctx = ctx_for(action="kms:RetireGrant", encryption_context=pairs)
    assert ctx.values["kms:encryptioncontext:dept"] == ("x",)
    assert "kms:calleraccount" not in ctx.values
    ctx = ctx_for(action="kms:Decrypt", context={"kms:GrantOperations": ["Decrypt"]})
    assert "kms:grantoperations" not in ctx.values


def test_reused_caller_and_key_give_the_same_context() -> None:
    caller = Caller.from_arn("arn:aws:iam::111122223333:user/alice", tags={"team": "blue"})
    key = KeyInfo(KEY_ARN, tags={"env": "prod"})
    first = build_context(Request(caller, "kms:Decrypt", key), now=NOW)
    second = build_context(Request(caller, "kms:Encrypt", key), now=NOW)
    assert first.values["aws:principaltag/team"] == second.values["aws:principaltag/team"]
    assert first.values["aws:resourcetag/env"] == ("prod",)
    assert "aws:resourcetag/env" not in second.key_policy_values
    assert first.values is not second.values  # one request's values never leak into another


def test_unreadable_request_time_is_kept_as_given() -> None:
    ctx = ctx_for(context={"aws:CurrentTime": "yesterday"})
    assert ctx.values["aws:currenttime"] == ("yesterday",)
    assert ctx.values["aws:epochtime"] == (str(int(NOW.timestamp())),)


def test_context_is_a_plain_request_context() -> None:
    """However it is constructed (the compiled slot constructor or the class), the context
    is an ordinary, complete RequestContext."""
    ctx = ctx_for(encryption_context={"dept": "x"}, grant_tokens=("t",))
    rebuilt = RequestContext(*[getattr(ctx, f.name) for f in fields(RequestContext)])
    assert type(ctx) is RequestContext
    assert ctx == rebuilt
