"""Cryptographic operations through ``KMS.call``: round trips for every key spec, results
that match botocore's output shapes, and denied calls that never reach key material."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from kms_service_env import (
    ACCOUNT,
    ADMIN,
    ALICE,
    CAROL,
    OTHER,
    ROOT,
    call,
    open_kms,
    policy,
)

from kmspolicy.errors import KMSError
from kmspolicy.kms import crypto
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.service import KMS
from kmspolicy.kms.specs import KEY_SPECS


@pytest.fixture
def kms(tmp_path: Path) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", ManualClock())
    yield service
    service.close()


def create(
    kms: KMS, spec: str = "SYMMETRIC_DEFAULT", usage: str = "ENCRYPT_DECRYPT", **extra: Any
) -> str:
    md = call(kms, "CreateKey", {"KeySpec": spec, "KeyUsage": usage, **extra})["KeyMetadata"]
    key_id: str = md["KeyId"]
    return key_id


def test_symmetric_round_trips(kms: KMS) -> None:
    key_id = create(kms)
    ctx = {"purpose": "test", "Dept": "x"}
    blob = call(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"secret", "EncryptionContext": ctx})
    assert blob["KeyId"].endswith(key_id) and blob["EncryptionAlgorithm"] == "SYMMETRIC_DEFAULT"
    out = call(kms, "Decrypt", {"CiphertextBlob": blob["CiphertextBlob"], "EncryptionContext": ctx})
    assert out["Plaintext"] == b"secret" and out["KeyId"] == blob["KeyId"]
    with pytest.raises(KMSError) as info:
        kms.call("Decrypt", {"CiphertextBlob": blob["CiphertextBlob"]}, ADMIN)
    assert info.value.code == "InvalidCiphertextException"

    data_key = call(kms, "GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_128"})
    assert len(data_key["Plaintext"]) == 16
    back = call(kms, "Decrypt", {"CiphertextBlob": data_key["CiphertextBlob"]})
    assert back["Plaintext"] == data_key["Plaintext"]
    sized = call(kms, "GenerateDataKeyWithoutPlaintext", {"KeyId": key_id, "NumberOfBytes": 1024})
    assert (
        len(call(kms, "Decrypt", {"CiphertextBlob": sized["CiphertextBlob"]})["Plaintext"]) == 1024
    )
    for bad in ({"NumberOfBytes": 1025}, {"NumberOfBytes": 0}, {}):
        with pytest.raises(KMSError) as info:
            kms.call("GenerateDataKey", {"KeyId": key_id, **bad}, ADMIN)
        assert info.value.code == "ValidationException"

    pair = call(kms, "GenerateDataKeyPair", {"KeyId": key_id, "KeyPairSpec": "ECC_NIST_P256"})
    private = call(kms, "Decrypt", {"CiphertextBlob": pair["PrivateKeyCiphertextBlob"]})
    assert private["Plaintext"] == pair["PrivateKeyPlaintext"]
    loaded = serialization.load_der_private_key(pair["PrivateKeyPlaintext"], None)
    assert isinstance(loaded, ec.EllipticCurvePrivateKey)
    bare = call(
        kms, "GenerateDataKeyPairWithoutPlaintext", {"KeyId": key_id, "KeyPairSpec": "RSA_2048"}
    )
    assert "PrivateKeyPlaintext" not in bare


def test_re_encrypt_between_keys(kms: KMS) -> None:
    first, second = create(kms), create(kms)
    blob = call(kms, "Encrypt", {"KeyId": first, "Plaintext": b"move me"})["CiphertextBlob"]
    moved = call(
        kms,
        "ReEncrypt",
        {
            "CiphertextBlob": blob,
            "DestinationKeyId": second,
            "DestinationEncryptionContext": {"k": "v"},
        },
    )
    assert moved["SourceKeyId"].endswith(first) and moved["KeyId"].endswith(second)
    out = call(
        kms, "Decrypt", {"CiphertextBlob": moved["CiphertextBlob"], "EncryptionContext": {"k": "v"}}
    )
    assert out["Plaintext"] == b"move me"
    with pytest.raises(KMSError) as info:
        kms.call("Decrypt", {"CiphertextBlob": moved["CiphertextBlob"], "KeyId": first}, ADMIN)
    assert info.value.code == "IncorrectKeyException"


ASYMMETRIC = [
    (name, usage)
    for name, spec in KEY_SPECS.items()
    if spec.family not in ("SYMMETRIC",)
    for usage in spec.usages
]


@pytest.mark.parametrize(("spec", "usage"), ASYMMETRIC)
def test_every_key_spec_round_trips(kms: KMS, spec: str, usage: str) -> None:
    key_id = create(kms, spec, usage)
    info = KEY_SPECS[spec]
    if usage == "GENERATE_VERIFY_MAC":
        for alg in info.mac:
            mac = call(kms, "GenerateMac", {"KeyId": key_id, "Message": b"m", "MacAlgorithm": alg})
            ok = call(
                kms,
                "VerifyMac",
                {"KeyId": key_id, "Message": b"m", "MacAlgorithm": alg, "Mac": mac["Mac"]},
            )
            assert ok["MacValid"] is True
            with pytest.raises(KMSError) as err:
                kms.call(
                    "VerifyMac",
                    {"KeyId": key_id, "Message": b"n", "MacAlgorithm": alg, "Mac": mac["Mac"]},
                    ADMIN,
                )
            assert err.value.code == "KMSInvalidMacException"
        return
    public = call(kms, "GetPublicKey", {"KeyId": key_id})
    assert public["KeySpec"] == spec and public["KeyUsage"] == usage
    if usage == "ENCRYPT_DECRYPT":
        for alg in info.encryption:
            params = {"KeyId": key_id, "Plaintext": b"hi", "EncryptionAlgorithm": alg}
            blob = call(kms, "Encrypt", params)["CiphertextBlob"]
            out = call(
                kms,
                "Decrypt",
                {"KeyId": key_id, "CiphertextBlob": blob, "EncryptionAlgorithm": alg},
            )
            assert out["Plaintext"] == b"hi"
    elif usage == "SIGN_VERIFY":
        for alg in info.signing:
            sig = call(kms, "Sign", {"KeyId": key_id, "Message": b"msg", "SigningAlgorithm": alg})[
                "Signature"
            ]
            params = {"KeyId": key_id, "Message": b"msg", "SigningAlgorithm": alg, "Signature": sig}
            assert call(kms, "Verify", params)["SignatureValid"] is True
            with pytest.raises(KMSError) as err:
                kms.call("Verify", {**params, "Message": b"other"}, ADMIN)
            assert err.value.code == "KMSInvalidSignatureException"
    else:  # KEY_AGREEMENT
        curve = {"P256": ec.SECP256R1(), "P384": ec.SECP384R1(), "P521": ec.SECP521R1()}[info.curve]
        peer = ec.generate_private_key(curve)
        peer_public = peer.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        derived = call(
            kms,
            "DeriveSharedSecret",
            {"KeyId": key_id, "KeyAgreementAlgorithm": "ECDH", "PublicKey": peer_public},
        )
        ours = serialization.load_der_public_key(public["PublicKey"])
        assert isinstance(ours, ec.EllipticCurvePublicKey)
        assert derived["SharedSecret"] == peer.exchange(ec.ECDH(), ours)


def test_wrong_key_usage(kms: KMS) -> None:
    signing = create(kms, "ECC_NIST_P256", "SIGN_VERIFY")
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", {"KeyId": signing, "Plaintext": b"x"}, ADMIN)
    assert info.value.code == "InvalidKeyUsageException"
    symmetric = create(kms)
    with pytest.raises(KMSError) as info:
        kms.call("GetPublicKey", {"KeyId": symmetric}, ADMIN)
    assert info.value.code == "UnsupportedOperationException"


def _all_crypto_calls(kms: KMS) -> list[tuple[str, dict[str, Any]]]:
    sym = create(kms)
    rsa = create(kms, "RSA_2048", "SIGN_VERIFY")
    hmac = create(kms, "HMAC_256", "GENERATE_VERIFY_MAC")
    agree = create(kms, "ECC_NIST_P256", "KEY_AGREEMENT")
    blob = call(kms, "Encrypt", {"KeyId": sym, "Plaintext": b"x"})["CiphertextBlob"]
    return [
        ("Encrypt", {"KeyId": sym, "Plaintext": b"x"}),
        ("Decrypt", {"CiphertextBlob": blob}),
        ("ReEncrypt", {"CiphertextBlob": blob, "DestinationKeyId": sym}),
        ("GenerateDataKey", {"KeyId": sym, "KeySpec": "AES_256"}),
        ("GenerateDataKeyWithoutPlaintext", {"KeyId": sym, "KeySpec": "AES_256"}),
        ("GenerateDataKeyPair", {"KeyId": sym, "KeyPairSpec": "RSA_2048"}),
        ("GenerateDataKeyPairWithoutPlaintext", {"KeyId": sym, "KeyPairSpec": "RSA_2048"}),
        ("Sign", {"KeyId": rsa, "Message": b"m", "SigningAlgorithm": "RSASSA_PSS_SHA_256"}),
        (
            "Verify",
            {
                "KeyId": rsa,
                "Message": b"m",
                "SigningAlgorithm": "RSASSA_PSS_SHA_256",
                "Signature": b"s",
            },
        ),
        ("GetPublicKey", {"KeyId": rsa}),
        ("GenerateMac", {"KeyId": hmac, "Message": b"m", "MacAlgorithm": "HMAC_SHA_256"}),
        (
            "VerifyMac",
            {"KeyId": hmac, "Message": b"m", "MacAlgorithm": "HMAC_SHA_256", "Mac": b"m" * 32},
        ),
        (
            "DeriveSharedSecret",
            {"KeyId": agree, "KeyAgreementAlgorithm": "ECDH", "PublicKey": b"p"},
        ),
        ("GenerateRandom", {"NumberOfBytes": 8}),
    ]


def test_denied_calls_touch_no_key_material(kms: KMS, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _all_crypto_calls(kms)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("key material was reached without an Allow")

    monkeypatch.setattr(KeyRing, "crypto_key", forbidden)
    for name in crypto.__all__:
        # key_id_of_ciphertext only reads the blob header, to know which key to authorize
        if name[0].islower() and name != "key_id_of_ciphertext":
            monkeypatch.setattr(crypto, name, forbidden)
    for operation, params in calls:
        with pytest.raises(KMSError) as info:
            kms.call(operation, params, ALICE)
        assert info.value.code == "AccessDeniedException", operation
        assert f"kms:{operation if operation != 'ReEncrypt' else 'ReEncryptFrom'}" in (
            info.value.message
        )


def test_dry_run_stops_before_crypto(kms: KMS, monkeypatch: pytest.MonkeyPatch) -> None:
    key_id = create(kms)
    blob = call(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"})["CiphertextBlob"]
    monkeypatch.setattr(KeyRing, "crypto_key", lambda *a: pytest.fail("material opened"))
    kms.runtime.forget_key(key_id)
    for operation, params in (
        ("Encrypt", {"KeyId": key_id, "Plaintext": b"x", "DryRun": True}),
        ("Decrypt", {"CiphertextBlob": blob, "DryRun": True}),
        ("Decrypt", {"KeyId": key_id, "DryRun": True, "DryRunModifiers": ["IGNORE_CIPHERTEXT"]}),
        ("GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_256", "DryRun": True}),
    ):
        with pytest.raises(KMSError) as info:
            kms.call(operation, params, ADMIN)
        assert info.value.code == "DryRunOperationException", operation
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x", "DryRun": True}, ALICE)
    assert info.value.code == "AccessDeniedException"


def test_explicit_deny_message_and_conditions(kms: KMS) -> None:
    document = policy(
        {"Effect": "Allow", "Principal": {"AWS": ADMIN}, "Action": "kms:*", "Resource": "*"},
        {
            "Effect": "Allow",
            "Principal": {"AWS": ALICE},
            "Action": ["kms:Encrypt", "kms:Decrypt"],
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "blue"}},
        },
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "kms:Decrypt",
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "blocked"}},
        },
    )
    key_id = create(kms, Policy=document)
    ok = {"KeyId": key_id, "Plaintext": b"x", "EncryptionContext": {"tenant": "blue"}}
    blob = call(kms, "Encrypt", ok, ALICE)["CiphertextBlob"]
    assert call(
        kms, "Decrypt", {"CiphertextBlob": blob, "EncryptionContext": {"tenant": "blue"}}, ALICE
    )
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", {**ok, "EncryptionContext": {"tenant": "red"}}, ALICE)
    assert info.value.message.endswith(
        "because no resource-based policy allows the kms:Encrypt action"
    )
    blocked = call(kms, "Encrypt", {**ok, "EncryptionContext": {"tenant": "blocked"}}, ADMIN)[
        "CiphertextBlob"
    ]
    with pytest.raises(KMSError) as info:
        kms.call(
            "Decrypt",
            {"CiphertextBlob": blocked, "EncryptionContext": {"tenant": "blocked"}},
            ADMIN,
        )
    arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}"
    assert info.value.message == (
        f"User: {ADMIN} is not authorized to perform: kms:Decrypt on resource: {arn} "
        "with an explicit deny in a resource-based policy"
    )


def test_cross_account_use_needs_both_sides(kms: KMS) -> None:
    shared = policy(
        {"Effect": "Allow", "Principal": {"AWS": ROOT}, "Action": "kms:*", "Resource": "*"},
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{OTHER}:root"},
            "Action": ["kms:Encrypt", "kms:Decrypt"],
            "Resource": "*",
        },
    )
    key_id = create(kms, Policy=shared)
    arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}"
    blob = call(kms, "Encrypt", {"KeyId": arn, "Plaintext": b"x"}, CAROL)["CiphertextBlob"]
    assert call(kms, "Decrypt", {"CiphertextBlob": blob}, CAROL)["Plaintext"] == b"x"
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, CAROL)
    assert info.value.code == "NotFoundException"
    with pytest.raises(KMSError) as info:
        kms.call("DisableKey", {"KeyId": arn}, CAROL)
    assert info.value.code == "AccessDeniedException"
    kms.directory.detach_policy(CAROL, "kms-all")
    with pytest.raises(KMSError) as info:
        kms.call("Encrypt", {"KeyId": arn, "Plaintext": b"x"}, CAROL)
    assert info.value.code == "AccessDeniedException"


def test_generate_random_is_authorized_by_iam(kms: KMS) -> None:
    assert len(call(kms, "GenerateRandom", {"NumberOfBytes": 32})["Plaintext"]) == 32
    with pytest.raises(KMSError) as info:
        kms.call("GenerateRandom", {"NumberOfBytes": 32}, ALICE)
    assert info.value.code == "AccessDeniedException"
    with pytest.raises(KMSError) as info:
        kms.call("GenerateRandom", {"NumberOfBytes": 1025}, ADMIN)
    assert info.value.code == "ValidationException"
