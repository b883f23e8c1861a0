"""The endpoint in-process: the protocol end to end, errors with AWS's status codes,
nothing unauthenticated reaching the dispatcher, regions, the audit record of each call,
and the scheduler's lease."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from serverkit import ACCOUNT, Endpoint

from kmspolicy.server.scheduler import Lease, Scheduler


def create_key(endpoint: Endpoint, region: str = "us-east-1") -> dict[str, Any]:
    reply = endpoint.call("CreateKey", {"Description": "test"}, region=region)
    assert reply.status == 200, reply.body
    metadata: dict[str, Any] = reply.json["KeyMetadata"]
    return metadata


@pytest.fixture
def spy(endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Operations that reached the dispatcher."""
    reached: list[str] = []
    original = endpoint.app.backend.call

    def call(region: str, operation: str, params: dict[str, Any], caller: Any) -> Any:
        reached.append(operation)
        return original(region, operation, params, caller)

    monkeypatch.setattr(endpoint.app.backend, "call", call)
    return reached


def test_health(endpoint: Endpoint) -> None:
    reply = endpoint.raw([], b"", method="GET", path="/health")
    assert (reply.status, reply.json) == (200, {"status": "ok"})
    uuid.UUID(reply.headers["x-amzn-requestid"])


def test_encrypt_decrypt_round_trip(endpoint: Endpoint) -> None:
    key = create_key(endpoint)
    assert key["Arn"] == f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key['KeyId']}"
    assert isinstance(key["CreationDate"], float)
    plaintext = base64.b64encode(b"attack at dawn").decode()
    encrypted = endpoint.call(
        "Encrypt",
        {"KeyId": key["KeyId"], "Plaintext": plaintext, "EncryptionContext": {"app": "x"}},
    )
    assert encrypted.status == 200
    assert encrypted.headers["content-type"] == "application/x-amz-json-1.1"
    blob = encrypted.json["CiphertextBlob"]
    decrypted = endpoint.call(
        "Decrypt", {"CiphertextBlob": blob, "EncryptionContext": {"app": "x"}}
    )
    assert decrypted.status == 200
    assert base64.b64decode(decrypted.json["Plaintext"]) == b"attack at dawn"
    assert decrypted.json["KeyId"] == key["Arn"]


def test_key_lives_in_the_region_of_the_credential_scope(endpoint: Endpoint) -> None:
    key = create_key(endpoint, region="eu-west-3")
    assert key["Arn"].startswith(f"arn:aws:kms:eu-west-3:{ACCOUNT}:key/")
    here = endpoint.call("DescribeKey", {"KeyId": key["KeyId"]}, region="eu-west-3")
    assert here.status == 200
    elsewhere = endpoint.call("DescribeKey", {"KeyId": key["KeyId"]}, region="us-east-1")
    assert elsewhere.status == 404
    assert elsewhere.json["__type"] == "NotFoundException"


def test_served_regions_can_be_limited(endpoint: Endpoint) -> None:
    endpoint.app.regions = {"us-east-1"}
    reply = endpoint.call("ListKeys", region="ap-south-1")
    assert reply.status == 400
    assert reply.json == {
        "__type": "InvalidSignatureException",
        "message": "Credential should be scoped to a valid region, not 'ap-south-1'. ",
    }
    assert endpoint.call("ListKeys", region="us-east-1").status == 200


def test_denied_call_is_access_denied_and_audited(endpoint: Endpoint) -> None:
    key = create_key(endpoint)
    directory = endpoint.app.backend.kms("us-east-1").directory
    bob = directory.create_user(ACCOUNT, "bob")
    creds = directory.issue_access_key(bob.arn)
    reply = endpoint.call(
        "Encrypt",
        {"KeyId": key["KeyId"], "Plaintext": "aGk="},
        access_key_id=creds.access_key_id,
        secret=creds.secret_access_key,
    )
    assert reply.status == 400
    assert reply.json["__type"] == "AccessDeniedException"
    assert reply.json["message"].startswith(f"User: {bob.arn} is not authorized to perform")
    record = endpoint.audit_records()[-1]
    assert record["eventName"] == "Encrypt"
    assert record["errorCode"] == "AccessDeniedException"
    assert record["userIdentity"]["arn"] == bob.arn
    assert record["resources"][0]["ARN"] == key["Arn"]
    assert record["decision"]["outcome"] == "ImplicitDeny"
    assert "nothing allows this request" in record["decision"]["explanation"]
    assert record["requestParameters"] == {"keyId": key["KeyId"]}  # no plaintext
    assert record["sourceIPAddress"] == "203.0.113.7"
    assert record["userAgent"].startswith("kmspolicy-tests")


def test_audit_records_leave_out_plaintext_and_ciphertext(endpoint: Endpoint) -> None:
    key = create_key(endpoint)
    endpoint.call("Encrypt", {"KeyId": key["KeyId"], "Plaintext": "c2VjcmV0"})
    records = endpoint.audit_records()
    assert [r["eventName"] for r in records] == ["CreateKey", "Encrypt"]
    create, encrypt = records
    assert create["readOnly"] is False
    assert create["responseElements"]["keyMetadata"]["arn"] == key["Arn"]
    assert encrypt["readOnly"] is True
    assert encrypt["responseElements"] is None
    assert encrypt["decision"]["outcome"] == "Allow"
    assert "c2VjcmV0" not in json.dumps(records)
    assert encrypt["requestID"] != create["requestID"]


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in (k, *_leaves(v))]
    if isinstance(value, list | tuple):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_the_audit_writer_is_handed_no_plaintext(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert endpoint.app.audit is not None
    handed: list[tuple[Any, ...]] = []
    append_later = endpoint.app.audit.append_later

    def record(render: Any, *args: Any) -> None:
        handed.append(args)
        append_later(render, *args)

    monkeypatch.setattr(endpoint.app.audit, "append_later", record)
    key = create_key(endpoint)
    endpoint.call("Encrypt", {"KeyId": key["KeyId"], "Plaintext": "c2VjcmV0"})
    data_key = endpoint.call("GenerateDataKey", {"KeyId": key["KeyId"], "NumberOfBytes": 32})
    assert data_key.status == 200
    leaves = _leaves(handed)  # no bytes at all: no plaintext, data key or ciphertext
    assert not [leaf for leaf in leaves if isinstance(leaf, bytes | bytearray)]
    assert "Plaintext" not in leaves and "plaintext" not in leaves
    assert [r["eventName"] for r in endpoint.audit_records()] == [
        "CreateKey",
        "Encrypt",
        "GenerateDataKey",
    ]


def test_key_store_passwords_stay_out_of_the_audit_log(endpoint: Endpoint) -> None:
    endpoint.call(
        "CreateCustomKeyStore",
        {
            "CustomKeyStoreName": "store",
            "CloudHsmClusterId": "cluster-1a23b4cdefg",
            "TrustAnchorCertificate": "-----BEGIN CERTIFICATE-----",
            "KeyStorePassword": "kmsuser-password",
        },
    )
    (record,) = endpoint.audit_records()
    assert record["eventName"] == "CreateCustomKeyStore"
    assert record["requestParameters"]["customKeyStoreName"] == "store"
    assert "kmsuser-password" not in json.dumps(record)


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        ("wrong-secret", "InvalidSignatureException"),
        ("unknown-key", "UnrecognizedClientException"),
        ("unsigned", "MissingAuthenticationTokenException"),
        ("altered-body", "InvalidSignatureException"),
        ("altered-target", "InvalidSignatureException"),
        ("stale", "InvalidSignatureException"),
    ],
)
def test_unauthenticated_requests_never_reach_the_dispatcher(
    endpoint: Endpoint, spy: list[str], mutate: str, code: str
) -> None:
    body = b'{"KeyId": "alias/x", "Plaintext": "aGk="}'
    kwargs: dict[str, Any] = {}
    if mutate == "wrong-secret":
        kwargs["secret"] = "A" * 40
    if mutate == "unknown-key":
        kwargs["access_key_id"] = "AKIAAAAAAAAAAAAAAAAA"
    headers = endpoint.sign("Encrypt", body, **kwargs)
    if mutate == "unsigned":
        headers = [(k, v) for k, v in headers if k.lower() != "authorization"]
    if mutate == "altered-body":
        body = body.replace(b"aGk=", b"aGl=")
    if mutate == "altered-target":
        headers = [
            (k, "TrentService.Decrypt" if k.lower() == "x-amz-target" else v) for k, v in headers
        ]
    if mutate == "stale":
        endpoint.clock.advance(timedelta(minutes=6))
    reply = endpoint.raw(headers, body)
    assert reply.status == 400
    assert reply.json["__type"] == code
    assert "x-amzn-requestid" in reply.headers
    assert spy == []
    assert endpoint.audit_records() == []


@pytest.mark.parametrize(
    ("target", "body", "status", "code"),
    [
        ("TrentService.Nope", b"{}", 400, "UnknownOperationException"),
        ("Other.ListKeys", b"{}", 400, "UnknownOperationException"),
        ("TrentService.Encrypt", b"{oops", 400, "SerializationException"),
        ("TrentService.Encrypt", b'{"KeyId": 7}', 400, "SerializationException"),
        ("TrentService.Encrypt", b'{"KeyId": "k"}', 400, "ValidationException"),
        ("TrentService.DescribeKey", b'{"KeyId": "alias/none"}', 404, "NotFoundException"),
    ],
)
def test_errors_have_aws_types_and_statuses(
    endpoint: Endpoint, target: str, body: bytes, status: int, code: str
) -> None:
    operation = target.rsplit(".", 1)[1]
    reply = endpoint.raw(endpoint.sign(operation, body, target=target), body)
    assert (reply.status, reply.json["__type"]) == (status, code)
    assert "Traceback" not in reply.body.decode()


def test_disabled_key_is_409(endpoint: Endpoint) -> None:
    key = create_key(endpoint)
    assert endpoint.call("DisableKey", {"KeyId": key["KeyId"]}).status == 200
    reply = endpoint.call("Encrypt", {"KeyId": key["KeyId"], "Plaintext": "aGk="})
    assert (reply.status, reply.json["__type"]) == (409, "DisabledException")


def test_oversized_body_is_refused_before_anything_else(endpoint: Endpoint, spy: list[str]) -> None:
    body = b'{"KeyId": "' + b"x" * (65 * 1024) + b'"}'
    reply = endpoint.raw(endpoint.sign("Encrypt", body), body)
    assert reply.status == 413
    assert reply.json["__type"] == "RequestEntityTooLargeException"
    assert spy == []


def test_a_body_in_several_messages_is_read_whole(endpoint: Endpoint, spy: list[str]) -> None:
    key = create_key(endpoint)
    body = json.dumps({"KeyId": key["KeyId"], "Plaintext": "aGVsbG8gd29ybGQ="}).encode()
    reply = endpoint.raw(endpoint.sign("Encrypt", body), body, chunk=7)
    assert reply.status == 200, reply.body
    assert reply.json["KeyId"] == key["Arn"]
    spy.clear()
    big = b'{"KeyId": "' + b"x" * (65 * 1024) + b'"}'
    reply = endpoint.raw(endpoint.sign("Encrypt", big), big, chunk=4096)
    assert (reply.status, reply.json["__type"]) == (413, "RequestEntityTooLargeException")
    assert spy == []


def test_unexpected_failure_is_an_opaque_500(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(endpoint.app.backend, "call", broken)
    reply = endpoint.call("ListKeys")
    assert reply.status == 500
    assert reply.json == {
        "__type": "KMSInternalException",
        "message": "An internal error occurred.",
    }
    assert endpoint.audit_records()[-1]["errorCode"] == "KMSInternalException"


# --- scheduler ------------------------------------------------------------------------------


def test_scheduler_deletes_keys_past_their_waiting_period(endpoint: Endpoint) -> None:
    key = create_key(endpoint, region="eu-west-1")
    reply = endpoint.call(
        "ScheduleKeyDeletion", {"KeyId": key["KeyId"], "PendingWindowInDays": 7}, region="eu-west-1"
    )
    assert reply.status == 200
    scheduler = Scheduler(endpoint.app.backend, endpoint.data_dir, interval=60)
    assert scheduler.run_once().deleted == ()
    endpoint.clock.advance(timedelta(days=7, seconds=1))
    done = scheduler.run_once()
    assert done.ran and done.deleted == (key["KeyId"],)
    gone = endpoint.call("DescribeKey", {"KeyId": key["KeyId"]}, region="eu-west-1")
    assert gone.status == 404


def test_scheduler_rotates_due_keys_once(endpoint: Endpoint) -> None:
    key = create_key(endpoint)
    assert endpoint.call("EnableKeyRotation", {"KeyId": key["KeyId"]}).status == 200
    first = Scheduler(endpoint.app.backend, endpoint.data_dir)
    second = Scheduler(endpoint.app.backend, endpoint.data_dir)
    endpoint.clock.advance(timedelta(days=366))
    results = [first.run_once(), second.run_once(), first.run_once()]
    assert [r.ran for r in results] == [True, False, True]
    assert [r.rotated for r in results] == [(key["KeyId"],), (), ()]
    rotations = endpoint.call("ListKeyRotations", {"KeyId": key["KeyId"]}).json["Rotations"]
    assert len(rotations) == 1


def test_lease_is_exclusive_until_it_expires(tmp_path: Path) -> None:
    a = Lease(tmp_path / "lease.db", "a", ttl=30)
    b = Lease(tmp_path / "lease.db", "b", ttl=30)
    assert a.acquire(now=1000.0)
    assert not b.acquire(now=1010.0)
    assert a.acquire(now=1020.0)  # renewal
    assert not b.acquire(now=1049.0)
    assert b.acquire(now=1051.0)  # a's lease ran out
    b.release()
    assert a.acquire(now=1052.0)
