"""Custom key stores over the wire: boto3 against a real ``kmspolicy serve`` whose data
directory has a SoftHSM2 token registered with ``kmspolicy admin hsm add``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from click.testing import CliRunner
from conftest import Token, new_cluster_id

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "server"))

from serverkit import Server, start_server, stop_server

from kmspolicy.cli import main


def _admin(data_dir: Path, *args: str) -> Any:
    result = CliRunner().invoke(main, ["admin", "--data-dir", str(data_dir), "hsm", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def served(tmp_path: Path, token: Token) -> Iterator[tuple[Server, dict[str, Any]]]:
    data_dir = tmp_path / "data"
    server = start_server(data_dir, tmp_path / "serve.log")
    try:
        cluster = _admin(
            data_dir,
            "add",
            "--cluster-id",
            new_cluster_id(),
            "--module",
            token.module,
            "--token-label",
            token.label,
        )
        yield server, cluster
    finally:
        stop_server(server)


def _client(server: Server, monkeypatch: pytest.MonkeyPatch) -> Any:
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    return boto3.session.Session().client("kms")


def _code(err: pytest.ExceptionInfo[ClientError]) -> str:
    code: str = err.value.response["Error"]["Code"]
    return code


def test_boto3_custom_key_store_end_to_end(
    served: tuple[Server, dict[str, Any]], token: Token, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cluster = served
    kms = _client(server, monkeypatch)
    store_id = kms.create_custom_key_store(
        CustomKeyStoreName="wire",
        CloudHsmClusterId=cluster["CloudHsmClusterId"],
        TrustAnchorCertificate=cluster["TrustAnchorCertificate"],
        KeyStorePassword="not-the-pin",
    )["CustomKeyStoreId"]
    kms.connect_custom_key_store(CustomKeyStoreId=store_id)
    entry = kms.describe_custom_key_stores(CustomKeyStoreId=store_id)["CustomKeyStores"][0]
    assert (entry["ConnectionState"], entry["ConnectionErrorCode"]) == (
        "FAILED",
        "INVALID_CREDENTIALS",
    )
    kms.disconnect_custom_key_store(CustomKeyStoreId=store_id)
    kms.update_custom_key_store(CustomKeyStoreId=store_id, KeyStorePassword=token.pin)
    kms.connect_custom_key_store(CustomKeyStoreId=store_id)
    entry = kms.describe_custom_key_stores(CustomKeyStoreName="wire")["CustomKeyStores"][0]
    assert entry["ConnectionState"] == "CONNECTED"
    assert entry["CreationDate"].tzinfo is not None

    md = kms.create_key(Origin="AWS_CLOUDHSM", CustomKeyStoreId=store_id)["KeyMetadata"]
    assert (md["Origin"], md["CustomKeyStoreId"]) == ("AWS_CLOUDHSM", store_id)
    assert md["CloudHsmClusterId"] == cluster["CloudHsmClusterId"]
    blob = kms.encrypt(KeyId=md["KeyId"], Plaintext=b"wire", EncryptionContext={"a": "b"})[
        "CiphertextBlob"
    ]
    out = kms.decrypt(CiphertextBlob=blob, EncryptionContext={"a": "b"})
    assert out["Plaintext"] == b"wire"
    data_key = kms.generate_data_key(KeyId=md["KeyId"], KeySpec="AES_256")
    assert (
        kms.decrypt(CiphertextBlob=data_key["CiphertextBlob"])["Plaintext"] == data_key["Plaintext"]
    )
    random = kms.generate_random(NumberOfBytes=32, CustomKeyStoreId=store_id)["Plaintext"]
    assert len(random) == 32
    with pytest.raises(ClientError) as err:
        kms.enable_key_rotation(KeyId=md["KeyId"])
    assert _code(err) == "UnsupportedOperationException"

    kms.disconnect_custom_key_store(CustomKeyStoreId=store_id)
    assert kms.describe_key(KeyId=md["KeyId"])["KeyMetadata"]["KeyState"] == "Unavailable"
    with pytest.raises(ClientError) as err:
        kms.decrypt(CiphertextBlob=blob, EncryptionContext={"a": "b"})
    assert _code(err) == "KMSInvalidStateException"
    with pytest.raises(ClientError) as err:
        kms.delete_custom_key_store(CustomKeyStoreId=store_id)
    assert _code(err) == "CustomKeyStoreHasCMKsException"
    kms.connect_custom_key_store(CustomKeyStoreId=store_id)
    assert kms.decrypt(CiphertextBlob=blob, EncryptionContext={"a": "b"})["Plaintext"] == b"wire"

    with pytest.raises(ClientError) as err:
        kms.create_custom_key_store(
            CustomKeyStoreName="other",
            CloudHsmClusterId="cluster-234567abcdefg",
            TrustAnchorCertificate=cluster["TrustAnchorCertificate"],
            KeyStorePassword=token.pin,
        )
    assert _code(err) == "CloudHsmClusterNotFoundException"
    with pytest.raises(ClientError) as err:
        kms.describe_custom_key_stores(CustomKeyStoreId="cks-1234567890abcdef0")
    assert _code(err) == "CustomKeyStoreNotFoundException"


def test_admin_hsm_add_list_remove(tmp_path: Path, token: Token) -> None:
    data_dir = tmp_path / "data"
    CliRunner().invoke(main, ["admin", "--data-dir", str(data_dir), "init"])
    cluster_id = new_cluster_id()
    added = _admin(
        data_dir,
        "add",
        "--cluster-id",
        cluster_id,
        "--module",
        token.module,
        "--token-label",
        token.label,
    )
    assert added["TrustAnchorCertificate"].startswith("-----BEGIN CERTIFICATE-----")
    assert [c["CloudHsmClusterId"] for c in _admin(data_dir, "list")] == [cluster_id]
    args = ["admin", "--data-dir", str(data_dir), "hsm", "add", "--cluster-id", new_cluster_id()]
    args += ["--module", token.module, "--token-label", "no-such-token"]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "no token labelled 'no-such-token'" in refused.output
    assert _admin(data_dir, "remove", cluster_id) == {
        "CloudHsmClusterId": cluster_id,
        "Removed": True,
    }
    assert _admin(data_dir, "list") == []
