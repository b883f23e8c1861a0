"""Grants, aliases and tags through ``KMS.call``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kms_service_env import (
    ACCOUNT,
    ADMIN,
    ALICE,
    APP_ROLE,
    CAROL,
    call,
    code,
    open_kms,
    policy,
)

from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.principals import Caller
from kmspolicy.kms.service import KMS

BOB = f"arn:aws:iam::{ACCOUNT}:user/bob"


@pytest.fixture
def kms(tmp_path: Path, clock: ManualClock) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", clock)
    service.directory.create_user(ACCOUNT, "bob")
    yield service
    service.close()


def key(kms: KMS, **params: Any) -> str:
    key_id: str = call(kms, "CreateKey", params)["KeyMetadata"]["KeyId"]
    return key_id


def grant(kms: KMS, key_id: str, grantee: str, ops: list[str], **extra: Any) -> dict[str, Any]:
    params = {"KeyId": key_id, "GranteePrincipal": grantee, "Operations": ops, **extra}
    return call(kms, "CreateGrant", params)


def test_grant_allows_its_operations_only(kms: KMS) -> None:
    key_id = key(kms)
    enc = {"KeyId": key_id, "Plaintext": b"x"}
    assert code(kms, "Encrypt", enc, ALICE) == "AccessDeniedException"
    made = grant(kms, key_id, ALICE, ["Encrypt"], RetiringPrincipal=BOB, Name="app-grant")
    call(kms, "Encrypt", enc, ALICE)
    assert code(kms, "GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_256"}, ALICE) == (
        "AccessDeniedException"
    )
    listed = call(kms, "ListGrants", {"KeyId": key_id})["Grants"]
    assert [g["GrantId"] for g in listed] == [made["GrantId"]]
    assert listed[0]["IssuingAccount"] == f"arn:aws:iam::{ACCOUNT}:root"
    assert listed[0]["RetiringPrincipal"] == BOB
    # the same Name and contents: the same grant again
    again = grant(kms, key_id, ALICE, ["Encrypt"], RetiringPrincipal=BOB, Name="app-grant")
    assert again["GrantId"] == made["GrantId"]
    retirable = call(kms, "ListRetirableGrants", {"RetiringPrincipal": BOB})["Grants"]
    assert [g["GrantId"] for g in retirable] == [made["GrantId"]]


def test_grant_constraints(kms: KMS) -> None:
    key_id = key(kms)
    grant(
        kms,
        key_id,
        ALICE,
        ["Encrypt", "Decrypt"],
        Constraints={"EncryptionContextSubset": {"Tenant": "blue"}},
    )
    ok = {"KeyId": key_id, "Plaintext": b"x", "EncryptionContext": {"tenant": "blue", "a": "b"}}
    call(kms, "Encrypt", ok, ALICE)
    for context in ({"tenant": "Blue"}, {}, {"other": "blue"}):
        assert code(kms, "Encrypt", {**ok, "EncryptionContext": context}, ALICE) == (
            "AccessDeniedException"
        )
    other = key(kms)
    grant(kms, other, ALICE, ["Encrypt"], Constraints={"EncryptionContextEquals": {"k": "v"}})
    call(
        kms, "Encrypt", {"KeyId": other, "Plaintext": b"x", "EncryptionContext": {"k": "v"}}, ALICE
    )
    assert (
        code(
            kms,
            "Encrypt",
            {"KeyId": other, "Plaintext": b"x", "EncryptionContext": {"k": "v", "x": "y"}},
            ALICE,
        )
        == "AccessDeniedException"
    )
    too_many = {f"k{i}": "v" for i in range(9)}
    assert (
        code(
            kms,
            "CreateGrant",
            {
                "KeyId": other,
                "GranteePrincipal": ALICE,
                "Operations": ["Encrypt"],
                "Constraints": {"EncryptionContextSubset": too_many},
            },
        )
        == "ValidationException"
    )


def test_grant_operations_must_suit_the_key(kms: KMS) -> None:
    symmetric = key(kms)
    params = {"KeyId": symmetric, "GranteePrincipal": ALICE, "Operations": ["Sign"]}
    assert code(kms, "CreateGrant", params) == "ValidationException"
    signing = key(kms, KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")
    params = {"KeyId": signing, "GranteePrincipal": ALICE, "Operations": ["GenerateDataKey"]}
    assert code(kms, "CreateGrant", params) == "ValidationException"
    params = {"KeyId": symmetric, "GranteePrincipal": "s3.amazonaws.com", "Operations": ["Encrypt"]}
    assert code(kms, "CreateGrant", params) == "ValidationException"


def test_grant_token_makes_a_pending_grant_usable(tmp_path: Path, clock: ManualClock) -> None:
    kms = open_kms(tmp_path / "eventual", clock, grant_propagation=timedelta(minutes=5))
    try:
        key_id = key(kms)
        made = grant(kms, key_id, ALICE, ["Encrypt"])
        enc = {"KeyId": key_id, "Plaintext": b"x"}
        assert code(kms, "Encrypt", enc, ALICE) == "AccessDeniedException"
        call(kms, "Encrypt", {**enc, "GrantTokens": [made["GrantToken"]]}, ALICE)
        assert code(kms, "Encrypt", {**enc, "GrantTokens": ["bogus"]}, ALICE) == (
            "InvalidGrantTokenException"
        )
        clock.advance(timedelta(minutes=5))
        call(kms, "Encrypt", enc, ALICE)
    finally:
        kms.close()


def test_create_grant_through_a_grant_is_narrowed(kms: KMS) -> None:
    key_id = key(kms)
    grant(
        kms,
        key_id,
        ALICE,
        ["Encrypt", "Decrypt", "CreateGrant"],
        Constraints={"EncryptionContextSubset": {"tenant": "blue"}},
    )
    narrower = {
        "KeyId": key_id,
        "GranteePrincipal": BOB,
        "Operations": ["Decrypt"],
        "Constraints": {"EncryptionContextEquals": {"tenant": "blue"}},
    }
    call(kms, "CreateGrant", narrower, ALICE)
    wider_ops = {**narrower, "Operations": ["Decrypt", "GenerateDataKey"]}
    assert code(kms, "CreateGrant", wider_ops, ALICE) == "AccessDeniedException"
    looser = {**narrower, "Constraints": {"EncryptionContextSubset": {"other": "x"}}}
    assert code(kms, "CreateGrant", looser, ALICE) == "AccessDeniedException"
    unconstrained = {k: v for k, v in narrower.items() if k != "Constraints"}
    assert code(kms, "CreateGrant", unconstrained, ALICE) == "AccessDeniedException"


def test_retire_and_revoke_rules(kms: KMS) -> None:
    key_id = key(kms)
    by_retiring = grant(kms, key_id, ALICE, ["Encrypt"], RetiringPrincipal=BOB)
    assert code(kms, "RetireGrant", {"GrantToken": by_retiring["GrantToken"]}, ALICE) == (
        "AccessDeniedException"
    )
    call(kms, "RetireGrant", {"GrantToken": by_retiring["GrantToken"]}, BOB)
    assert call(kms, "ListGrants", {"KeyId": key_id})["Grants"] == []

    self_retiring = grant(kms, key_id, ALICE, ["Encrypt", "RetireGrant"])
    call(kms, "RetireGrant", {"KeyId": key_id, "GrantId": self_retiring["GrantId"]}, ALICE)

    # the grant's account may retire it through an IAM policy (ADMIN has kms:*)
    other = grant(kms, key_id, ALICE, ["Encrypt"])
    assert code(kms, "RetireGrant", {"GrantToken": other["GrantToken"], "DryRun": True}) == (
        "DryRunOperationException"
    )
    call(kms, "RetireGrant", {"GrantToken": other["GrantToken"]})

    revoked = grant(kms, key_id, ALICE, ["Encrypt"])
    params = {"KeyId": key_id, "GrantId": revoked["GrantId"]}
    assert code(kms, "RevokeGrant", params, ALICE) == "AccessDeniedException"
    assert len(call(kms, "ListGrants", {"KeyId": key_id})["Grants"]) == 1
    call(kms, "RevokeGrant", params)
    assert code(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE) == (
        "AccessDeniedException"
    )
    assert code(kms, "RevokeGrant", params) == "InvalidGrantIdException"


def test_grant_to_another_account_needs_no_iam_policy(kms: KMS) -> None:
    key_id = key(kms)
    arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}"
    kms.directory.detach_policy(CAROL, "kms-all")
    grant(kms, key_id, CAROL, ["Encrypt"])
    call(kms, "Encrypt", {"KeyId": arn, "Plaintext": b"x"}, CAROL)
    assert code(kms, "ListRetirableGrants", {"RetiringPrincipal": ALICE}, CAROL) == (
        "AccessDeniedException"
    )


def test_grant_to_a_role_covers_its_sessions(kms: KMS) -> None:
    key_id = key(kms)
    grant(kms, key_id, APP_ROLE, ["Encrypt"])
    session = kms.directory.assume_role(APP_ROLE, "worker-1")
    caller = Caller(session.principal_arn, access_key_id=session.access_key_id)
    out = kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, caller)
    assert out["KeyId"].endswith(key_id)


def test_aliases(kms: KMS) -> None:
    first, second = key(kms), key(kms)
    assert kms.call("CreateAlias", {"AliasName": "alias/app", "TargetKeyId": first}, ADMIN) == {}
    assert code(kms, "CreateAlias", {"AliasName": "alias/app", "TargetKeyId": second}) == (
        "AlreadyExistsException"
    )
    for bad in ("app", "alias/aws/app"):
        assert code(kms, "CreateAlias", {"AliasName": bad, "TargetKeyId": first}) == (
            "InvalidAliasNameException"
        )
    assert code(kms, "CreateAlias", {"AliasName": "alias/b@d", "TargetKeyId": first}) == (
        "ValidationException"
    )
    blob = call(kms, "Encrypt", {"KeyId": "alias/app", "Plaintext": b"x"})["CiphertextBlob"]
    kms.call("UpdateAlias", {"AliasName": "alias/app", "TargetKeyId": second}, ADMIN)
    assert call(kms, "Encrypt", {"KeyId": "alias/app", "Plaintext": b"x"})["KeyId"].endswith(second)
    assert call(kms, "Decrypt", {"CiphertextBlob": blob})["KeyId"].endswith(first)
    hmac = key(kms, KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC")
    assert code(kms, "UpdateAlias", {"AliasName": "alias/app", "TargetKeyId": hmac}) == (
        "ValidationException"
    )
    listed = call(kms, "ListAliases", {"KeyId": second})["Aliases"]
    assert [a["AliasName"] for a in listed] == ["alias/app"]
    # alias operations need permission on the alias and on the key
    assert code(kms, "DeleteAlias", {"AliasName": "alias/app"}, ALICE) == "AccessDeniedException"
    kms.call("DeleteAlias", {"AliasName": "alias/app"}, ADMIN)
    assert code(kms, "DeleteAlias", {"AliasName": "alias/app"}) == "NotFoundException"
    assert call(kms, "ListAliases", {})["Aliases"] == []


def test_alias_condition_in_key_policy(kms: KMS) -> None:
    document = policy(
        {"Effect": "Allow", "Principal": {"AWS": ADMIN}, "Action": "kms:*", "Resource": "*"},
        {
            "Effect": "Allow",
            "Principal": {"AWS": ALICE},
            "Action": "kms:Encrypt",
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:RequestAlias": "alias/open"}},
        },
    )
    key_id = key(kms, Policy=document)
    kms.call("CreateAlias", {"AliasName": "alias/open", "TargetKeyId": key_id}, ADMIN)
    call(kms, "Encrypt", {"KeyId": "alias/open", "Plaintext": b"x"}, ALICE)
    assert code(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE) == (
        "AccessDeniedException"
    )


def test_tags(kms: KMS) -> None:
    key_id = key(kms, Tags=[{"TagKey": "env", "TagValue": "prod"}])
    kms.call("TagResource", {"KeyId": key_id, "Tags": [{"TagKey": "team", "TagValue": ""}]}, ADMIN)
    tags = call(kms, "ListResourceTags", {"KeyId": key_id})["Tags"]
    assert tags == [{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "team", "TagValue": ""}]
    kms.call("UntagResource", {"KeyId": key_id, "TagKeys": ["env", "missing"]}, ADMIN)
    assert [t["TagKey"] for t in call(kms, "ListResourceTags", {"KeyId": key_id})["Tags"]] == [
        "team"
    ]
    reserved = {"KeyId": key_id, "Tags": [{"TagKey": "aws:x", "TagValue": "y"}]}
    assert code(kms, "TagResource", reserved) == "TagException"
    many = [{"TagKey": f"k{i}", "TagValue": "v"} for i in range(50)]
    assert code(kms, "TagResource", {"KeyId": key_id, "Tags": many}) == "LimitExceededException"
    assert code(kms, "TagResource", {"KeyId": key_id, "Tags": many[:1]}, ALICE) == (
        "AccessDeniedException"
    )
    assert len(call(kms, "ListResourceTags", {"KeyId": key_id})["Tags"]) == 1
