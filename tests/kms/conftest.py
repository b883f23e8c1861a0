"""Fixtures for the KMS tests: permits, keys of every spec, a root key and a store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kmspolicy.engine.decision import Decision, Outcome, Permit, mint_permit
from kmspolicy.kms import crypto
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store.sqlite import SQLiteStore

ACCOUNT = "111122223333"
REGION = "us-east-1"
PRINCIPAL = f"arn:aws:iam::{ACCOUNT}:user/alice"

PermitFor = Callable[[str, crypto.CryptoKey], Permit]
KeyFactory = Callable[..., crypto.CryptoKey]


def arn_of(key_id: str) -> str:
    return f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}"


@pytest.fixture
def permit_for() -> PermitFor:
    """A permit for ``action`` (e.g. "kms:Encrypt") on the given key, as the authorizer
    would mint it after an Allow."""

    def make(action: str, key: crypto.CryptoKey) -> Permit:
        return mint_permit(Decision(Outcome.ALLOW), action, PRINCIPAL, key.arn)

    return make


_MATERIAL: dict[tuple[str, str], bytes] = {}


@pytest.fixture
def make_key() -> KeyFactory:
    """A CryptoKey of a spec and usage; asymmetric material is generated once per session
    (RSA 4096 generation is slow) and reused by key id."""

    def make(
        spec: str = "SYMMETRIC_DEFAULT",
        usage: str = "ENCRYPT_DECRYPT",
        key_id: str = "1234abcd-12ab-34cd-56ef-1234567890ab",
        generations: int = 1,
    ) -> crypto.CryptoKey:
        backing = []
        for n in range(generations):
            cache_key = (spec, f"{key_id}/{n}")
            if cache_key not in _MATERIAL:
                _MATERIAL[cache_key] = crypto.generate_key_material(spec)
            backing.append(crypto.backing_key_from(key_id, _MATERIAL[cache_key]))
        return crypto.CryptoKey(key_id, arn_of(key_id), spec, usage, tuple(backing))

    return make


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def root_key(tmp_path: Path) -> RootKey:
    return RootKey.open(tmp_path / "root.key")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "kms.db")
    yield s
    s.close()
