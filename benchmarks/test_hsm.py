"""Authorized Encrypt through ``KMS.call`` with a key in an AWS_CLOUDHSM custom key store
(AES-GCM in a SoftHSM2 token through PKCS#11, on the module's worker thread) against the
same call with a software key, in the same run, for 4 KB and 100-byte plaintexts."""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kms_setup import CONTEXT, USER, open_kms
from pytest_benchmark.fixture import BenchmarkFixture

from kmspolicy.kms.hsm.clusters import add_cluster
from kmspolicy.kms.service import KMS

MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KMS, str, str]]:
    base = tmp_path_factory.mktemp("hsm-bench")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    label, pin = f"bench-{secrets.token_hex(4)}", secrets.token_hex(6)
    init = ["softhsm2-util", "--init-token", "--free", "--label", label]
    subprocess.run(
        [*init, "--so-pin", "12345678", "--pin", pin],
        check=True,
        capture_output=True,
    )
    module = next(m for m in MODULES if Path(m).exists())
    service = open_kms(base / "data", "kms:*")
    cluster = add_cluster(service.store, "cluster-benchmark234", module, label, service.clock.now())
    store_id = service.call(
        "CreateCustomKeyStore",
        {
            "CustomKeyStoreName": "bench",
            "CloudHsmClusterId": cluster.cluster_id,
            "TrustAnchorCertificate": cluster.trust_anchor_certificate,
            "KeyStorePassword": pin,
        },
        USER,
    )["CustomKeyStoreId"]
    service.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id}, USER)
    hsm_key = service.call(
        "CreateKey", {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id}, USER
    )["KeyMetadata"]["KeyId"]
    software_key = service.call("CreateKey", {}, USER)["KeyMetadata"]["KeyId"]
    yield service, hsm_key, software_key
    service.close()
    os.environ.pop("SOFTHSM2_CONF", None)


def _encrypt(benchmark: BenchmarkFixture, kms: KMS, key_id: str, size: int) -> None:
    params = {"KeyId": key_id, "Plaintext": os.urandom(size), "EncryptionContext": CONTEXT}
    out = benchmark(kms.call, "Encrypt", params, USER)
    assert len(out["CiphertextBlob"]) == 2 + len(key_id) + 32 + 12 + size + 16


@pytest.mark.parametrize("size", [4096, 100])
def test_encrypt_hsm_key(
    benchmark: BenchmarkFixture, keys: tuple[KMS, str, str], size: int
) -> None:
    kms, hsm_key, _ = keys
    _encrypt(benchmark, kms, hsm_key, size)


@pytest.mark.parametrize("size", [4096, 100])
def test_encrypt_software_key(
    benchmark: BenchmarkFixture, keys: tuple[KMS, str, str], size: int
) -> None:
    kms, _, software_key = keys
    _encrypt(benchmark, kms, software_key, size)
