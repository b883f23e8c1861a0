"""Authorized Encrypt of 4 KB through ``KMS.call`` (caller resolution, validation against
the API model, key lookup, authorization, state check, AES-GCM, blob) against a bare
``AESGCM.encrypt`` of the same bytes, in the same run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from kms_setup import CONTEXT, USER, open_kms
from pytest_benchmark.fixture import BenchmarkFixture

from kmspolicy.kms.service import KMS

PLAINTEXT = os.urandom(4096)


@pytest.fixture
def kms(tmp_path: Path) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", ["kms:CreateKey", "kms:Encrypt"])
    yield service
    service.close()


def test_kms_call_encrypt_4k(benchmark: BenchmarkFixture, kms: KMS) -> None:
    key_id = kms.call("CreateKey", {}, USER)["KeyMetadata"]["KeyId"]
    params = {"KeyId": key_id, "Plaintext": PLAINTEXT, "EncryptionContext": CONTEXT}
    out = benchmark(kms.call, "Encrypt", params, USER)
    assert len(out["CiphertextBlob"]) == 2 + len(key_id) + 32 + 12 + 4096 + 16


def test_raw_aesgcm_encrypt_4k(benchmark: BenchmarkFixture) -> None:
    aead = AESGCM(os.urandom(32))
    nonce = os.urandom(12)
    out = benchmark(aead.encrypt, nonce, PLAINTEXT, b"")
    assert len(out) == 4096 + 16
