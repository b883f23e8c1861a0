"""Symmetric Encrypt of 4 KB: the full recipe (permit check, HKDF, AES-GCM, blob) against
a bare AES-GCM call on the same bytes, in the same run."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pytest_benchmark.fixture import BenchmarkFixture

from kmspolicy.engine.decision import Decision, Outcome, mint_permit
from kmspolicy.kms import crypto

KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
ARN = f"arn:aws:kms:us-east-1:111122223333:key/{KEY_ID}"
PLAINTEXT = os.urandom(4096)
CONTEXT = {"purpose": "benchmark", "tenant": "t-42"}


def test_recipe_encrypt_4k(benchmark: BenchmarkFixture) -> None:
    key = crypto.CryptoKey(
        KEY_ID,
        ARN,
        "SYMMETRIC_DEFAULT",
        "ENCRYPT_DECRYPT",
        (crypto.new_backing_key(KEY_ID, "SYMMETRIC_DEFAULT"),),
    )
    permit = mint_permit(Decision(Outcome.ALLOW), "kms:Encrypt", "bench", ARN)
    blob = benchmark(crypto.encrypt, permit, key, PLAINTEXT, encryption_context=CONTEXT)
    assert len(blob) == 2 + len(KEY_ID) + 32 + 12 + 4096 + 16


def test_raw_aesgcm_encrypt_4k(benchmark: BenchmarkFixture) -> None:
    aead = AESGCM(os.urandom(32))
    nonce = os.urandom(12)
    out = benchmark(aead.encrypt, nonce, PLAINTEXT, b"")
    assert len(out) == 4096 + 16
