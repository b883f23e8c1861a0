"""Key lifecycle through ``KMS.call``: creation, policies, KeyId forms, the state machine,
deletion by the clock, pagination and request validation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from kms_service_env import ACCOUNT, ADMIN, ALICE, CAROL, ROOT, check_shape, open_kms, policy

from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.service import KMS


@pytest.fixture
def kms(tmp_path: Path, clock: ManualClock) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", clock)
    yield service
    service.close()


def code_of(kms: KMS, operation: str, params: dict[str, object], caller: str) -> str:
    with pytest.raises(KMSError) as info:
        kms.call(operation, params, caller)
    return info.value.code


def new_key(kms: KMS, **params: object) -> str:
    result = check_shape("CreateKey", kms.call("CreateKey", dict(params), ADMIN))
    key_id: str = result["KeyMetadata"]["KeyId"]
    return key_id


def test_create_key_defaults_and_default_policy(kms: KMS) -> None:
    md = check_shape("CreateKey", kms.call("CreateKey", {}, ADMIN))["KeyMetadata"]
    assert md["KeySpec"] == "SYMMETRIC_DEFAULT"
    assert md["KeyUsage"] == "ENCRYPT_DECRYPT"
    assert md["KeyState"] == "Enabled" and md["Enabled"] is True
    assert md["Origin"] == "AWS_KMS" and md["KeyManager"] == "CUSTOMER"
    assert md["Arn"] == f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{md['KeyId']}"
    assert md["EncryptionAlgorithms"] == ["SYMMETRIC_DEFAULT"]
    got = check_shape("GetKeyPolicy", kms.call("GetKeyPolicy", {"KeyId": md["KeyId"]}, ADMIN))
    document = json.loads(got["Policy"])
    assert document["Statement"][0]["Principal"] == {"AWS": ROOT}
    assert document["Statement"][0]["Action"] == "kms:*"
    assert got["PolicyName"] == "default"
    assert kms.call("ListKeyPolicies", {"KeyId": md["KeyId"]}, ADMIN)["PolicyNames"] == ["default"]


def test_create_key_needs_an_identity_policy_and_denial_creates_nothing(kms: KMS) -> None:
    with pytest.raises(KMSError) as info:
        kms.call("CreateKey", {}, ALICE)
    assert info.value.code == "AccessDeniedException"
    assert info.value.message == (
        f"User: {ALICE} is not authorized to perform: kms:CreateKey on resource: * "
        "because no identity-based policy allows the kms:CreateKey action"
    )
    assert kms.call("ListKeys", {}, ADMIN)["Keys"] == []


def test_malformed_policy_reports_its_position(kms: KMS) -> None:
    text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allowed"}\n  ]\n}'
    with pytest.raises(KMSError) as info:
        kms.call("CreateKey", {"Policy": text}, ADMIN)
    assert info.value.code == "MalformedPolicyDocumentException"
    assert "line 4" in info.value.message
    assert kms.call("ListKeys", {}, ADMIN)["Keys"] == []


def test_lockout_safety_check(kms: KMS) -> None:
    locked = policy(
        {
            "Effect": "Allow",
            "Principal": {"AWS": ALICE},
            "Action": "kms:Encrypt",
            "Resource": "*",
        }
    )
    with pytest.raises(KMSError) as info:
        kms.call("CreateKey", {"Policy": locked}, ADMIN)
    assert info.value.code == "MalformedPolicyDocumentException"
    assert "will not allow you to update the key policy" in info.value.message
    key_id = new_key(kms, Policy=locked, BypassPolicyLockoutSafetyCheck=True)
    # the admin is locked out now: the key policy does not delegate to IAM
    assert code_of(kms, "DescribeKey", {"KeyId": key_id}, ADMIN) == "AccessDeniedException"


def test_put_key_policy_checks_and_applies(kms: KMS) -> None:
    key_id = new_key(kms)
    assert code_of(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE) == (
        "AccessDeniedException"
    )
    opened = policy(
        {"Effect": "Allow", "Principal": {"AWS": ROOT}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": ALICE}, "Action": "kms:Encrypt", "Resource": "*"},
    )
    assert kms.call("PutKeyPolicy", {"KeyId": key_id, "Policy": opened}, ADMIN) == {}
    check_shape("Encrypt", kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE))
    assert code_of(kms, "PutKeyPolicy", {"KeyId": key_id, "Policy": "{"}, ADMIN) == (
        "MalformedPolicyDocumentException"
    )
    assert (
        code_of(kms, "GetKeyPolicy", {"KeyId": key_id, "PolicyName": "other"}, ADMIN)
        == "NotFoundException"
    )


def test_key_id_forms(kms: KMS) -> None:
    key_id = new_key(kms)
    arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}"
    kms.call("CreateAlias", {"AliasName": "alias/app", "TargetKeyId": key_id}, ADMIN)
    alias_arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/app"
    for form in (key_id, arn, "alias/app", alias_arn):
        md = check_shape("DescribeKey", kms.call("DescribeKey", {"KeyId": form}, ADMIN))
        assert md["KeyMetadata"]["KeyId"] == key_id
    # alias forms only where AWS takes them
    assert code_of(kms, "DisableKey", {"KeyId": "alias/app"}, ADMIN) == "NotFoundException"
    assert code_of(kms, "DescribeKey", {"KeyId": "alias/none"}, ADMIN) == "NotFoundException"
    assert code_of(kms, "DescribeKey", {"KeyId": "not-a-key"}, ADMIN) == "NotFoundException"
    assert code_of(kms, "DescribeKey", {"KeyId": "arn:aws:kms:x"}, ADMIN) == ("InvalidArnException")
    other_region = arn.replace("us-east-1", "eu-west-1")
    assert code_of(kms, "DescribeKey", {"KeyId": other_region}, ADMIN) == "NotFoundException"
    # a bare key id names a key of the caller's own account only
    assert code_of(kms, "DescribeKey", {"KeyId": key_id}, CAROL) == "NotFoundException"


def test_state_machine(kms: KMS, clock: ManualClock) -> None:
    key_id = new_key(kms)
    arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}"
    enc = {"KeyId": key_id, "Plaintext": b"data"}
    kms.call("DisableKey", {"KeyId": key_id}, ADMIN)
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", enc, ADMIN)
    assert (info.value.code, info.value.message) == ("DisabledException", f"{arn} is disabled.")
    kms.call("EnableKey", {"KeyId": key_id}, ADMIN)
    check_shape("Encrypt", kms.call("Encrypt", enc, ADMIN))

    for days in (6, 31):
        params = {"KeyId": key_id, "PendingWindowInDays": days}
        assert code_of(kms, "ScheduleKeyDeletion", params, ADMIN) == "ValidationException"
    scheduled = check_shape(
        "ScheduleKeyDeletion",
        kms.call("ScheduleKeyDeletion", {"KeyId": key_id, "PendingWindowInDays": 7}, ADMIN),
    )
    assert scheduled["KeyState"] == "PendingDeletion"
    assert scheduled["DeletionDate"] == clock.now() + timedelta(days=7)
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", enc, ADMIN)
    assert (info.value.code, info.value.message) == (
        "KMSInvalidStateException",
        f"{arn} is pending deletion.",
    )
    for operation, params in (
        ("TagResource", {"KeyId": key_id, "Tags": [{"TagKey": "a", "TagValue": "b"}]}),
        ("UpdateKeyDescription", {"KeyId": key_id, "Description": "d"}),
        ("EnableKey", {"KeyId": key_id}),
        ("ScheduleKeyDeletion", {"KeyId": key_id}),
        ("CreateAlias", {"AliasName": "alias/x", "TargetKeyId": key_id}),
    ):
        assert code_of(kms, operation, params, ADMIN) == "KMSInvalidStateException", operation
    assert kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)["KeyMetadata"]["DeletionDate"]

    check_shape("CancelKeyDeletion", kms.call("CancelKeyDeletion", {"KeyId": key_id}, ADMIN))
    md = kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)["KeyMetadata"]
    assert md["KeyState"] == "Disabled" and "DeletionDate" not in md
    with pytest.raises(KMSError) as info:
        kms.call("CancelKeyDeletion", {"KeyId": key_id}, ADMIN)
    assert info.value.message == f"{arn} is not pending deletion."


def test_due_deletion_follows_the_clock(kms: KMS, clock: ManualClock) -> None:
    key_id = new_key(kms)
    kept = new_key(kms)
    kms.call("ScheduleKeyDeletion", {"KeyId": key_id, "PendingWindowInDays": 7}, ADMIN)
    clock.advance(timedelta(days=7) - timedelta(seconds=1))
    assert kms.run_due_tasks().deleted == ()
    clock.advance(timedelta(seconds=1))
    assert kms.run_due_tasks().deleted == (key_id,)
    assert code_of(kms, "DescribeKey", {"KeyId": key_id}, ADMIN) == "NotFoundException"
    assert [k["KeyId"] for k in kms.call("ListKeys", {}, ADMIN)["Keys"]] == [kept]


def test_list_keys_pagination(kms: KMS) -> None:
    ids = {new_key(kms) for _ in range(3)}
    first = check_shape("ListKeys", kms.call("ListKeys", {"Limit": 2}, ADMIN))
    assert first["Truncated"] is True and len(first["Keys"]) == 2
    second = kms.call("ListKeys", {"Limit": 2, "Marker": first["NextMarker"]}, ADMIN)
    assert second["Truncated"] is False and "NextMarker" not in second
    assert {k["KeyId"] for k in first["Keys"] + second["Keys"]} == ids
    assert code_of(kms, "ListKeys", {"Marker": "bogus"}, ADMIN) == "InvalidMarkerException"
    assert code_of(kms, "ListKeys", {"Limit": 0}, ADMIN) == "ValidationException"


def test_update_description_and_denied_changes_nothing(kms: KMS) -> None:
    key_id = new_key(kms, Description="old")
    kms.call("UpdateKeyDescription", {"KeyId": key_id, "Description": "new"}, ADMIN)
    assert kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)["KeyMetadata"]["Description"] == (
        "new"
    )
    for operation, params in (
        ("UpdateKeyDescription", {"KeyId": key_id, "Description": "evil"}),
        ("DisableKey", {"KeyId": key_id}),
        ("ScheduleKeyDeletion", {"KeyId": key_id}),
        ("PutKeyPolicy", {"KeyId": key_id, "Policy": policy()}),
    ):
        assert code_of(kms, operation, params, ALICE) == "AccessDeniedException", operation
    md = kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)["KeyMetadata"]
    assert (md["Description"], md["KeyState"]) == ("new", "Enabled")


def test_request_validation_from_the_api_model(kms: KMS) -> None:
    with pytest.raises(KMSError) as info:
        kms.call("DescribeKey", {}, ADMIN)
    assert info.value.code == "ValidationException"
    assert "Value null at 'keyId' failed to satisfy constraint: Member must not be null" in (
        info.value.message
    )
    with pytest.raises(KMSError) as info:
        kms.call("CreateKey", {"KeySpec": "RSA_1024", "Bogus": 1}, ADMIN)
    assert info.value.message.startswith("2 validation errors detected")
    assert "Member must satisfy enum value set" in info.value.message
    assert code_of(kms, "CreateKey", {"Description": 5}, ADMIN) == "ValidationException"
    assert code_of(kms, "Frobnicate", {}, ADMIN) == "UnknownOperationException"
    key_id = new_key(kms)
    assert code_of(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x" * 4097}, ADMIN) == (
        "ValidationException"
    )


def test_unknown_callers_are_refused(kms: KMS) -> None:
    for caller in (f"arn:aws:iam::{ACCOUNT}:user/mallory", "not an arn"):
        assert code_of(kms, "ListKeys", {}, caller) == "UnrecognizedClientException"


def test_create_key_specs_and_usages(kms: KMS) -> None:
    md = kms.call("CreateKey", {"KeySpec": "HMAC_256", "KeyUsage": "GENERATE_VERIFY_MAC"}, ADMIN)
    assert check_shape("CreateKey", md)["KeyMetadata"]["MacAlgorithms"] == ["HMAC_SHA_256"]
    assert code_of(kms, "CreateKey", {"KeySpec": "HMAC_256"}, ADMIN) == "ValidationException"
    assert code_of(kms, "CreateKey", {"KeySpec": "SM2", "KeyUsage": "SIGN_VERIFY"}, ADMIN) == (
        "UnsupportedOperationException"
    )
    mrk = kms.call("CreateKey", {"MultiRegion": True}, ADMIN)["KeyMetadata"]
    assert mrk["KeyId"].startswith("mrk-") and mrk["MultiRegion"] is True
    check_shape("DescribeKey", kms.call("DescribeKey", {"KeyId": mrk["KeyId"]}, ADMIN))
    external = kms.call("CreateKey", {"Origin": "EXTERNAL"}, ADMIN)["KeyMetadata"]
    assert external["KeyState"] == "PendingImport"


def test_key_last_usage(kms: KMS, clock: ManualClock) -> None:
    key_id = new_key(kms)
    empty = check_shape("GetKeyLastUsage", kms.call("GetKeyLastUsage", {"KeyId": key_id}, ADMIN))
    assert "KeyLastUsage" not in empty
    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN)
    clock.advance(5)
    kms.call("GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_256"}, ADMIN)
    used = check_shape("GetKeyLastUsage", kms.call("GetKeyLastUsage", {"KeyId": key_id}, ADMIN))
    assert used["KeyLastUsage"]["Operation"] == "GenerateDataKey"
    assert used["KeyLastUsage"]["Timestamp"] == clock.now()
