"""Importing key material: wrapping algorithms, import tokens, re-import rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from kmspolicy.engine.decision import Decision, Outcome, Permit, mint_permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import crypto, importing
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.model import KeyRecord
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store.sqlite import SQLiteStore

KeyFactory = Callable[..., crypto.CryptoKey]
ACCOUNT, REGION = "111122223333", "us-east-1"


def _permit(action: str, key: KeyRecord) -> Permit:
    return mint_permit(Decision(Outcome.ALLOW), action, f"arn:aws:iam::{ACCOUNT}:root", key.arn)


def _external_key(
    store: SQLiteStore,
    clock: ManualClock,
    key_id: str,
    spec: str = "SYMMETRIC_DEFAULT",
    usage: str = "ENCRYPT_DECRYPT",
) -> KeyRecord:
    key = KeyRecord(
        key_id=key_id,
        arn=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}",
        account_id=ACCOUNT,
        region=REGION,
        creation_date=clock.now(),
        key_spec=spec,
        key_usage=usage,
        origin="EXTERNAL",
        key_state="PendingImport",
    )
    store.put_key(key)
    return key


@pytest.fixture
def ring(store: SQLiteStore, root_key: RootKey, clock: ManualClock) -> KeyRing:
    return KeyRing(store, root_key, clock)


def _import(
    ring: KeyRing,
    key: KeyRecord,
    material: bytes,
    algorithm: str = "RSAES_OAEP_SHA_256",
    wrapping_spec: str = "RSA_2048",
) -> str:
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", key), key, algorithm, wrapping_spec
    )
    wrapped = importing.wrap_key_material(params.public_key, algorithm, material)
    return ring.import_key_material(
        _permit("kms:ImportKeyMaterial", key), key, params.import_token, wrapped
    )


@pytest.mark.parametrize(
    ("algorithm", "wrapping_spec"),
    [
        ("RSAES_OAEP_SHA_1", "RSA_2048"),
        ("RSAES_OAEP_SHA_256", "RSA_3072"),
        ("RSA_AES_KEY_WRAP_SHA_1", "RSA_2048"),
        ("RSA_AES_KEY_WRAP_SHA_256", "RSA_4096"),
    ],
)
def test_import_symmetric_with_each_wrapping_algorithm(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock, algorithm: str, wrapping_spec: str
) -> None:
    key = _external_key(store, clock, "ext-1")
    material = b"\x42" * 32
    material_id = _import(ring, key, material, algorithm, wrapping_spec)
    assert material_id == crypto.material_id(key.key_id, material).hex()
    ck = ring.crypto_key(key)
    assert ck.generations[0].secret == material
    blob = crypto.encrypt(_permit("kms:Encrypt", key), ck, b"hello")
    assert crypto.decrypt(_permit("kms:Decrypt", key), ck, blob) == b"hello"
    assert store.list_backing_keys(key.key_id)[0].import_state == "IMPORTED"


def test_import_rsa_private_key_needs_aes_key_wrap(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock, make_key: KeyFactory
) -> None:
    key = _external_key(store, clock, "ext-rsa", "RSA_2048", "SIGN_VERIFY")
    material = make_key("RSA_2048", "SIGN_VERIFY").generations[0].secret
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", key), key, "RSAES_OAEP_SHA_256", "RSA_4096"
    )
    with pytest.raises(ValueError):  # too long for RSA-OAEP, as AWS documents
        importing.wrap_key_material(params.public_key, "RSAES_OAEP_SHA_256", material)
    _import(ring, key, material, "RSA_AES_KEY_WRAP_SHA_256", "RSA_2048")
    ck = ring.crypto_key(key)
    sig = crypto.sign(_permit("kms:Sign", key), ck, b"m", "RSASSA_PSS_SHA_256")
    assert crypto.verify(_permit("kms:Verify", key), ck, b"m", sig, "RSASSA_PSS_SHA_256")


@pytest.mark.parametrize(
    ("spec", "usage"),
    [("ECC_NIST_P256", "SIGN_VERIFY"), ("HMAC_256", "GENERATE_VERIFY_MAC")],
)
def test_import_ecc_and_hmac_with_oaep(
    ring: KeyRing,
    store: SQLiteStore,
    clock: ManualClock,
    make_key: KeyFactory,
    spec: str,
    usage: str,
) -> None:
    key = _external_key(store, clock, "ext-x", spec, usage)
    material = make_key(spec, usage).generations[0].secret
    _import(ring, key, material, "RSAES_OAEP_SHA_1")
    assert ring.crypto_key(key).generations[0].secret == material


def test_material_must_fit_the_key_spec(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock, make_key: KeyFactory
) -> None:
    key = _external_key(store, clock, "ext-1")
    with pytest.raises(KMSError) as exc:
        _import(ring, key, b"\x01" * 16)
    assert exc.value.code == "IncorrectKeyMaterialException"
    ecc = _external_key(store, clock, "ext-ecc", "ECC_NIST_P384", "SIGN_VERIFY")
    with pytest.raises(KMSError) as exc:
        _import(ring, ecc, make_key("ECC_NIST_P256", "SIGN_VERIFY").generations[0].secret)
    assert exc.value.code == "IncorrectKeyMaterialException"


def test_token_valid_for_24_hours(ring: KeyRing, store: SQLiteStore, clock: ManualClock) -> None:
    key = _external_key(store, clock, "ext-1")
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", key), key, "RSAES_OAEP_SHA_256", "RSA_2048"
    )
    assert params.parameters_valid_to == clock.now() + timedelta(hours=24)
    wrapped = importing.wrap_key_material(params.public_key, "RSAES_OAEP_SHA_256", b"\x07" * 32)
    clock.advance(timedelta(hours=24))
    with pytest.raises(KMSError) as exc:
        ring.import_key_material(
            _permit("kms:ImportKeyMaterial", key), key, params.import_token, wrapped
        )
    assert exc.value.code == "ExpiredImportTokenException"
    clock.advance(-1)  # one second before expiry the same token works
    ring.import_key_material(
        _permit("kms:ImportKeyMaterial", key), key, params.import_token, wrapped
    )


def test_other_keys_token_and_unknown_token(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    a = _external_key(store, clock, "ext-a")
    b = _external_key(store, clock, "ext-b")
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", a), a, "RSAES_OAEP_SHA_256", "RSA_2048"
    )
    wrapped = importing.wrap_key_material(params.public_key, "RSAES_OAEP_SHA_256", b"\x07" * 32)
    for token in (params.import_token, b"\x00" * 48):
        with pytest.raises(KMSError) as exc:
            ring.import_key_material(_permit("kms:ImportKeyMaterial", b), b, token, wrapped)
        assert exc.value.code == "InvalidImportTokenException"


def test_unwrap_failure_is_invalid_ciphertext(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    key = _external_key(store, clock, "ext-1")
    for algorithm in ("RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_256"):
        params = ring.get_parameters_for_import(
            _permit("kms:GetParametersForImport", key), key, algorithm, "RSA_2048"
        )
        good = importing.wrap_key_material(params.public_key, algorithm, b"\x07" * 32)
        other_alg = (
            "RSAES_OAEP_SHA_1" if algorithm == "RSAES_OAEP_SHA_256" else "RSA_AES_KEY_WRAP_SHA_1"
        )
        bad_inputs = [
            b"\x00" * 256,
            good[:-1],
            good[:-1] + bytes([good[-1] ^ 1]),
            importing.wrap_key_material(params.public_key, other_alg, b"\x07" * 32),
        ]
        for bad in bad_inputs:
            with pytest.raises(KMSError) as exc:
                ring.import_key_material(
                    _permit("kms:ImportKeyMaterial", key), key, params.import_token, bad
                )
            assert exc.value.code == "InvalidCiphertextException"


def test_reimport_must_be_the_same_material(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    key = _external_key(store, clock, "ext-1")
    first = _import(ring, key, b"\x11" * 32)
    blob = crypto.encrypt(_permit("kms:Encrypt", key), ring.crypto_key(key), b"kept")
    ring.delete_imported_material(key)
    assert ring.crypto_key(key).generations == ()
    with pytest.raises(KMSError) as exc:
        _import(ring, key, b"\x22" * 32)
    assert exc.value.code == "IncorrectKeyMaterialException"
    assert _import(ring, key, b"\x11" * 32) == first
    assert len(store.list_backing_keys(key.key_id)) == 1
    assert crypto.decrypt(_permit("kms:Decrypt", key), ring.crypto_key(key), blob) == b"kept"


def test_unsupported_wrapping_choices(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    key = _external_key(store, clock, "ext-1")
    for algorithm, spec in (("RSAES_PKCS1_V1_5", "RSA_2048"), ("RSAES_OAEP_SHA_256", "RSA_1024")):
        with pytest.raises(KMSError) as exc:
            ring.get_parameters_for_import(
                _permit("kms:GetParametersForImport", key), key, algorithm, spec
            )
        assert exc.value.code == "ValidationException"


def test_import_needs_the_right_permit(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    key = _external_key(store, clock, "ext-1")
    with pytest.raises(PermissionError):
        ring.get_parameters_for_import(
            _permit("kms:ImportKeyMaterial", key), key, "RSAES_OAEP_SHA_256", "RSA_2048"
        )
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", key), key, "RSAES_OAEP_SHA_256", "RSA_2048"
    )
    wrapped = importing.wrap_key_material(params.public_key, "RSAES_OAEP_SHA_256", b"\x07" * 32)
    with pytest.raises(PermissionError):
        ring.import_key_material(
            _permit("kms:GetParametersForImport", key), key, params.import_token, wrapped
        )
    with pytest.raises(TypeError):
        ring.import_key_material(None, key, params.import_token, wrapped)  # type: ignore[arg-type]


def test_reimport_of_a_key_pair_in_another_encoding_is_the_same_material(
    ring: KeyRing, store: SQLiteStore, clock: ManualClock
) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = _external_key(store, clock, "ext-ec", "ECC_NIST_P256", "SIGN_VERIFY")
    private = ec.generate_private_key(ec.SECP256R1())
    pkcs8 = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    traditional = private.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    first = _import(ring, key, pkcs8, "RSA_AES_KEY_WRAP_SHA_256")
    ring.delete_imported_material(key)
    assert _import(ring, key, traditional, "RSA_AES_KEY_WRAP_SHA_256") == first
