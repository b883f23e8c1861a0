"""Real AWS clients against ``kmspolicy serve`` on a random loopback port: boto3, the AWS
CLI and the AWS Encryption SDK, all pointed at the server with AWS_ENDPOINT_URL_KMS."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from serverkit import ACCOUNT, Server, start_server, stop_server

from kmspolicy.kms.audit import verify
from kmspolicy.kms.service import KMS


@pytest.fixture
def kms(server: Server, monkeypatch: pytest.MonkeyPatch) -> Any:
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    return boto3.session.Session().client("kms")


def add_user(server: Server, name: str, policy: dict[str, Any] | None) -> tuple[str, str, str]:
    with KMS.open(server.data_dir) as admin:
        user = admin.directory.create_user(ACCOUNT, name)
        if policy is not None:
            admin.directory.attach_policy(user.arn, "p", json.dumps(policy))
        creds = admin.directory.issue_access_key(user.arn)
    return user.arn, creds.access_key_id, creds.secret_access_key


def test_boto3_main_operations(kms: Any) -> None:
    key = kms.create_key(Description="app", Tags=[{"TagKey": "env", "TagValue": "test"}])
    key_id = key["KeyMetadata"]["KeyId"]
    assert key["KeyMetadata"]["Arn"].startswith(f"arn:aws:kms:us-east-1:{ACCOUNT}:key/")
    assert key["KeyMetadata"]["CreationDate"].tzinfo is not None
    kms.create_alias(AliasName="alias/boto3-app", TargetKeyId=key_id)
    encrypted = kms.encrypt(
        KeyId="alias/boto3-app", Plaintext=b"hello", EncryptionContext={"purpose": "test"}
    )
    decrypted = kms.decrypt(
        CiphertextBlob=encrypted["CiphertextBlob"], EncryptionContext={"purpose": "test"}
    )
    assert decrypted["Plaintext"] == b"hello"
    data_key = kms.generate_data_key(KeyId=key_id, KeySpec="AES_256")
    assert len(data_key["Plaintext"]) == 32
    again = kms.decrypt(CiphertextBlob=data_key["CiphertextBlob"])
    assert again["Plaintext"] == data_key["Plaintext"]
    aliases = kms.list_aliases(KeyId=key_id)["Aliases"]
    assert [a["AliasName"] for a in aliases] == ["alias/boto3-app"]
    assert kms.list_resource_tags(KeyId=key_id)["Tags"] == [{"TagKey": "env", "TagValue": "test"}]
    assert key_id in [k["KeyId"] for k in kms.list_keys()["Keys"]]
    with pytest.raises(ClientError) as err:
        kms.decrypt(CiphertextBlob=encrypted["CiphertextBlob"])  # context missing
    assert err.value.response["Error"]["Code"] == "InvalidCiphertextException"


def test_boto3_signing_key(kms: Any) -> None:
    key_id = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
    signed = kms.sign(
        KeyId=key_id, Message=b"msg", MessageType="RAW", SigningAlgorithm="ECDSA_SHA_256"
    )
    verified = kms.verify(
        KeyId=key_id,
        Message=b"msg",
        MessageType="RAW",
        Signature=signed["Signature"],
        SigningAlgorithm="ECDSA_SHA_256",
    )
    assert verified["SignatureValid"] is True
    assert kms.get_public_key(KeyId=key_id)["PublicKey"][:1] == b"\x30"  # DER


def test_boto3_errors(kms: Any) -> None:
    with pytest.raises(ClientError) as missing:
        kms.describe_key(KeyId="alias/does-not-exist")
    assert missing.value.response["Error"]["Code"] == "NotFoundException"
    assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert missing.value.response["ResponseMetadata"]["RequestId"]


def test_boto3_denied_call(server: Server, kms: Any) -> None:
    key_id = kms.create_key()["KeyMetadata"]["KeyId"]
    arn, key, secret = add_user(
        server,
        "reader",
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "*"}],
        },
    )
    reader = boto3.session.Session().client(
        "kms", aws_access_key_id=key, aws_secret_access_key=secret
    )
    assert reader.describe_key(KeyId=key_id)["KeyMetadata"]["KeyId"] == key_id
    with pytest.raises(ClientError) as denied:
        reader.encrypt(KeyId=key_id, Plaintext=b"x")
    error = denied.value.response["Error"]
    assert error["Code"] == "AccessDeniedException"
    assert error["Message"].startswith(f"User: {arn} is not authorized to perform: kms:Encrypt")
    wrong = boto3.session.Session().client(
        "kms", aws_access_key_id=key, aws_secret_access_key="B" * 40
    )
    with pytest.raises(ClientError) as bad:
        wrong.describe_key(KeyId=key_id)
    assert bad.value.response["Error"]["Code"] == "InvalidSignatureException"


def _client(server: Server, key: str, secret: str, forwarded_for: str | None = None) -> Any:
    client = boto3.session.Session().client(
        "kms",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
    )
    if forwarded_for is not None:

        def add_header(request: Any, **_: Any) -> None:
            request.headers["X-Forwarded-For"] = forwarded_for

        client.meta.events.register("before-sign.kms.*", add_header)
    return client


def _describe_from_office(server: Server) -> str:
    """DescribeKey by a user allowed only from 203.0.113.0/24, claiming that address in
    X-Forwarded-For: the outcome's error code, or "" when allowed."""
    admin = _client(server, server.access_key_id, server.secret)
    key_id = admin.create_key()["KeyMetadata"]["KeyId"]
    _, key, secret = add_user(
        server,
        "office",
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "kms:DescribeKey",
                    "Resource": "*",
                    "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
                }
            ],
        },
    )
    try:
        _client(server, key, secret, forwarded_for="203.0.113.9").describe_key(KeyId=key_id)
    except ClientError as error:
        return str(error.response["Error"]["Code"])
    return ""


def test_source_ip_is_the_peer_not_a_forwarded_header(tmp_path: Path) -> None:
    running = start_server(tmp_path / "data", tmp_path / "serve.log")
    try:
        assert _describe_from_office(running) == "AccessDeniedException"
    finally:
        stop_server(running)


def test_forwarded_for_is_trusted_from_a_named_proxy(tmp_path: Path) -> None:
    running = start_server(
        tmp_path / "data", tmp_path / "serve.log", "--forwarded-allow-ips", "127.0.0.1"
    )
    try:
        assert _describe_from_office(running) == ""
    finally:
        stop_server(running)


def test_boto3_regions_are_separate(kms: Any, server: Server) -> None:
    paris = boto3.session.Session().client("kms", region_name="eu-west-3")
    key = paris.create_key()["KeyMetadata"]
    assert key["Arn"].startswith(f"arn:aws:kms:eu-west-3:{ACCOUNT}:key/")
    with pytest.raises(ClientError) as err:
        kms.describe_key(KeyId=key["KeyId"])
    assert err.value.response["Error"]["Code"] == "NotFoundException"


def aws(server: Server, tmp_path: Path, *args: str) -> Any:
    cli = Path(sys.executable).with_name("aws")
    done = subprocess.run(
        [str(cli), "kms", *args, "--output", "json"],
        env=server.env(),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


def test_aws_cli(server: Server, tmp_path: Path) -> None:
    key = aws(server, tmp_path, "create-key", "--description", "cli")["KeyMetadata"]
    plaintext = tmp_path / "plain.txt"
    plaintext.write_bytes(b"from the aws cli")
    encrypted = aws(
        server, tmp_path, "encrypt", "--key-id", key["KeyId"], "--plaintext", f"fileb://{plaintext}"
    )
    blob = tmp_path / "blob.bin"
    blob.write_bytes(base64.b64decode(encrypted["CiphertextBlob"]))
    decrypted = aws(server, tmp_path, "decrypt", "--ciphertext-blob", f"fileb://{blob}")
    assert base64.b64decode(decrypted["Plaintext"]) == b"from the aws cli"
    assert decrypted["KeyId"] == key["Arn"]


def test_aws_encryption_sdk(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    import aws_encryption_sdk
    from aws_encryption_sdk.identifiers import CommitmentPolicy

    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    arn = boto3.session.Session().client("kms").create_key()["KeyMetadata"]["Arn"]
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )
    provider = aws_encryption_sdk.StrictAwsKmsMasterKeyProvider(key_ids=[arn])
    message, header = client.encrypt(
        source=b"an envelope-encrypted message",
        key_provider=provider,
        encryption_context={"tenant": "t1"},
    )
    assert [k.key_provider.key_info.decode() for k in header.encrypted_data_keys] == [arn]
    plaintext, decrypted_header = client.decrypt(source=message, key_provider=provider)
    assert plaintext == b"an envelope-encrypted message"
    assert decrypted_header.encryption_context["tenant"] == "t1"


def test_requests_are_logged_and_audited(server: Server, kms: Any) -> None:
    kms.list_keys()
    # the access log is written in batches, at most a quarter of a second late
    deadline = time.monotonic() + 10
    while '"POST /" ListKeys 200' not in server.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert '"POST /" ListKeys 200' in server.log.read_text()


# --- lifecycle ------------------------------------------------------------------------------


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    running = start_server(tmp_path / "data", tmp_path / "serve.log", "--workers", "2")
    yield running
    if running.process.poll() is None:
        stop_server(running)


def test_first_start_creates_credentials_file_0600(own_server: Server) -> None:
    credentials = own_server.data_dir / "credentials"
    assert credentials.stat().st_mode & 0o777 == 0o600
    assert own_server.access_key_id.startswith("AKIA")
    assert f"AWS_SHARED_CREDENTIALS_FILE={credentials}" in own_server.log.read_text()


def test_sigterm_keeps_acknowledged_writes_and_the_audit_chain(
    own_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in own_server.env().items():
        monkeypatch.setenv(name, value)
    client = boto3.session.Session().client("kms")
    created = [client.create_key()["KeyMetadata"]["KeyId"] for _ in range(6)]
    for key_id in created:
        client.encrypt(KeyId=key_id, Plaintext=b"x")
    assert stop_server(own_server) == 0
    with KMS.open(own_server.data_dir) as reopened:
        listed = reopened.call("ListKeys", {}, f"arn:aws:iam::{ACCOUNT}:root")["Keys"]
    assert set(created) <= {k["KeyId"] for k in listed}
    audit = verify(own_server.data_dir / "audit.jsonl")
    assert audit.ok and audit.records == 12 and not audit.torn_tail
