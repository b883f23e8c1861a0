"""The ciphertext blob: layout, and one opaque error for every damaged blob."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmspolicy.engine.decision import Permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import blob, crypto

PermitFor = Callable[[str, crypto.CryptoKey], Permit]
KeyFactory = Callable[..., crypto.CryptoKey]
CONTEXT = {"dept": "finance", "app": "ledger"}


@pytest.fixture
def sealed(make_key: KeyFactory, permit_for: PermitFor) -> tuple[crypto.CryptoKey, bytes, Permit]:
    key = make_key()
    data = crypto.encrypt(
        permit_for("kms:Encrypt", key), key, b"attack at dawn", encryption_context=CONTEXT
    )
    return key, data, permit_for("kms:Decrypt", key)


def _fails_opaquely(key: crypto.CryptoKey, permit: Permit, data: bytes) -> None:
    with pytest.raises(KMSError) as exc:
        crypto.decrypt(permit, key, data, encryption_context=CONTEXT)
    assert exc.value.code == "InvalidCiphertextException"
    assert exc.value.message == blob.invalid_ciphertext().message


def test_layout(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, _ = sealed
    parsed = blob.parse(data)
    assert data[0] == blob.VERSION
    assert parsed.key_id == key.key_id
    assert parsed.backing_key_id == key.generations[0].material_id
    assert len(parsed.nonce) == blob.NONCE_LEN
    assert len(parsed.body) == len(b"attack at dawn") + blob.TAG_LEN
    assert parsed.to_bytes() == data


def test_every_truncation_fails_opaquely(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, permit = sealed
    for n in range(len(data)):
        if n == 0:
            continue  # empty input is refused the same way, checked below
        _fails_opaquely(key, permit, data[:n])
    _fails_opaquely(key, permit, b"")


def test_every_bit_flip_fails_opaquely(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, permit = sealed
    kid_end = 2 + data[1]
    for i in range(len(data)):
        if 1 <= i < kid_end:
            continue  # flips in the key id (or its length) name another key: see below
        for bit in (0, 7):
            flipped = bytearray(data)
            flipped[i] ^= 1 << bit
            _fails_opaquely(key, permit, bytes(flipped))


def test_flip_in_key_id_names_another_key(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, permit = sealed
    flipped = bytearray(data)
    flipped[2] ^= 1
    with pytest.raises(KMSError) as exc:
        crypto.decrypt(permit, key, bytes(flipped), encryption_context=CONTEXT)
    assert exc.value.code == "IncorrectKeyException"
    # a changed key-id length either names another key or does not parse
    for i in range(1, 2 + data[1]):
        for bit in (0, 7):
            flipped = bytearray(data)
            flipped[i] ^= 1 << bit
            with pytest.raises(KMSError) as exc:
                crypto.decrypt(permit, key, bytes(flipped), encryption_context=CONTEXT)
            assert exc.value.code in ("IncorrectKeyException", "InvalidCiphertextException")


def test_appended_bytes_fail(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, permit = sealed
    _fails_opaquely(key, permit, data + b"\x00")


def test_oversized_and_foreign_input(sealed: tuple[crypto.CryptoKey, bytes, Permit]) -> None:
    key, data, permit = sealed
    _fails_opaquely(key, permit, data + b"\x00" * 6144)
    _fails_opaquely(key, permit, b"\x03" + data[1:])  # unknown version
    with pytest.raises(KMSError) as exc:
        blob.parse("not bytes")  # type: ignore[arg-type]
    assert exc.value.code == "InvalidCiphertextException"


def test_blob_size_limit() -> None:
    b = blob.header_for("k", b"\x00" * 32, b"\x00" * 12)
    too_big = blob.Blob(b.key_id, b.backing_key_id, b.nonce, b"\x00" * 6144)
    with pytest.raises(ValueError, match="exceeds 6144"):
        too_big.to_bytes()


def test_header_rejects_bad_fields() -> None:
    with pytest.raises(ValueError):
        blob.header_for("", b"\x00" * 32, b"\x00" * 12)
    with pytest.raises(ValueError):
        blob.header_for("k", b"\x00" * 31, b"\x00" * 12)


contexts = st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=5)


@given(contexts)
def test_context_encoding_is_order_free(ctx: dict[str, str]) -> None:
    assert blob.encode_context(ctx) == blob.encode_context(dict(reversed(list(ctx.items()))))


@given(contexts, contexts)
def test_context_encoding_is_injective(a: dict[str, str], b: dict[str, str]) -> None:
    if a != b:
        assert blob.encode_context(a) != blob.encode_context(b)


def test_context_encoding_has_no_concatenation_ambiguity() -> None:
    assert blob.encode_context({"ab": "c"}) != blob.encode_context({"a": "bc"})
    assert blob.encode_context({"a": "b", "c": "d"}) != blob.encode_context({"a": "bcd"})
    assert blob.encode_context(None) == blob.encode_context({})


def test_context_values_must_be_strings() -> None:
    with pytest.raises(TypeError):
        blob.encode_context({"a": 1})  # type: ignore[dict-item]
