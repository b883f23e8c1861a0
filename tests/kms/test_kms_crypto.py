"""Crypto recipes: round trips for every key spec and algorithm, AWS's limits and errors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kmspolicy.engine.decision import Decision, Outcome, Permit, mint_permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import crypto
from kmspolicy.kms.specs import KEY_SPECS, SIGNING_ALGORITHMS, oaep_max_plaintext

PermitFor = Callable[[str, crypto.CryptoKey], Permit]
KeyFactory = Callable[..., crypto.CryptoKey]

SIGNING_CASES = [(spec.name, alg) for spec in KEY_SPECS.values() for alg in spec.signing]


def _code(exc: pytest.ExceptionInfo[KMSError]) -> str:
    return exc.value.code


# --- symmetric ------------------------------------------------------------------------


def test_symmetric_round_trip_with_context(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    ctx = {"dept": "finance", "Purpose": "test"}
    blob = crypto.encrypt(permit_for("kms:Encrypt", key), key, b"secret", encryption_context=ctx)
    # order of the pairs does not matter
    reordered = dict(reversed(list(ctx.items())))
    out = crypto.decrypt(permit_for("kms:Decrypt", key), key, blob, encryption_context=reordered)
    assert out == b"secret"


def test_each_encrypt_uses_a_fresh_nonce(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    p = permit_for("kms:Encrypt", key)
    assert crypto.encrypt(p, key, b"same") != crypto.encrypt(p, key, b"same")


@pytest.mark.parametrize(
    "wrong",
    [
        None,
        {},
        {"dept": "Finance"},  # values are case-sensitive
        {"Dept": "finance"},  # so are keys
        {"dept": "finance", "extra": "x"},
        {"dept": "finance "},
    ],
)
def test_context_mismatch_is_invalid_ciphertext(
    make_key: KeyFactory, permit_for: PermitFor, wrong: dict[str, str] | None
) -> None:
    key = make_key()
    blob = crypto.encrypt(
        permit_for("kms:Encrypt", key), key, b"x", encryption_context={"dept": "finance"}
    )
    with pytest.raises(KMSError) as exc:
        crypto.decrypt(permit_for("kms:Decrypt", key), key, blob, encryption_context=wrong)
    assert _code(exc) == "InvalidCiphertextException"


def test_absent_and_empty_context_are_the_same(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    blob = crypto.encrypt(permit_for("kms:Encrypt", key), key, b"x", encryption_context={})
    assert crypto.decrypt(permit_for("kms:Decrypt", key), key, blob) == b"x"


def test_plaintext_limits(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    p = permit_for("kms:Encrypt", key)
    blob = crypto.encrypt(p, key, b"a" * 4096)
    assert crypto.decrypt(permit_for("kms:Decrypt", key), key, blob) == b"a" * 4096
    for bad in (b"", b"a" * 4097):
        with pytest.raises(KMSError) as exc:
            crypto.encrypt(p, key, bad)
        assert _code(exc) == "ValidationException"


def test_wrong_key_is_incorrect_key(make_key: KeyFactory, permit_for: PermitFor) -> None:
    a = make_key(key_id="aaaaaaaa-0000-0000-0000-000000000000")
    b = make_key(key_id="bbbbbbbb-0000-0000-0000-000000000000")
    blob = crypto.encrypt(permit_for("kms:Encrypt", a), a, b"x")
    assert crypto.key_id_of_ciphertext(blob) == a.key_id
    with pytest.raises(KMSError) as exc:
        crypto.decrypt(permit_for("kms:Decrypt", b), b, blob)
    assert _code(exc) == "IncorrectKeyException"


def test_same_key_id_other_material_is_invalid_ciphertext(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    key = make_key()
    blob = crypto.encrypt(permit_for("kms:Encrypt", key), key, b"x")
    impostor = crypto.CryptoKey(
        key.key_id,
        key.arn,
        key.key_spec,
        key.key_usage,
        (crypto.new_backing_key(key.key_id, "SYMMETRIC_DEFAULT"),),
    )
    with pytest.raises(KMSError) as exc:
        crypto.decrypt(permit_for("kms:Decrypt", impostor), impostor, blob)
    assert _code(exc) == "InvalidCiphertextException"


def test_rotated_key_encrypts_with_newest_and_decrypts_all(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    old = make_key(generations=1)
    new = make_key(generations=3)
    old_blob = crypto.encrypt(permit_for("kms:Encrypt", old), old, b"old")
    new_blob = crypto.encrypt(permit_for("kms:Encrypt", new), new, b"new")
    assert new_blob[2 + 36 : 2 + 36 + 32] == new.generations[-1].material_id
    dp = permit_for("kms:Decrypt", new)
    assert crypto.decrypt(dp, new, old_blob) == b"old"
    assert crypto.decrypt(dp, new, new_blob) == b"new"


def test_re_encrypt_moves_between_keys(make_key: KeyFactory, permit_for: PermitFor) -> None:
    src = make_key(key_id="aaaaaaaa-0000-0000-0000-000000000000")
    dst = make_key(key_id="bbbbbbbb-0000-0000-0000-000000000000")
    blob = crypto.encrypt(
        permit_for("kms:Encrypt", src), src, b"move", encryption_context={"a": "1"}
    )
    moved = crypto.re_encrypt(
        permit_for("kms:ReEncryptFrom", src),
        src,
        permit_for("kms:ReEncryptTo", dst),
        dst,
        blob,
        source_encryption_context={"a": "1"},
        destination_encryption_context={"b": "2"},
    )
    assert (
        crypto.decrypt(permit_for("kms:Decrypt", dst), dst, moved, encryption_context={"b": "2"})
        == b"move"
    )
    with pytest.raises(PermissionError):
        crypto.re_encrypt(
            permit_for("kms:ReEncryptFrom", src),
            src,
            permit_for("kms:ReEncryptFrom", dst),
            dst,
            blob,
            source_encryption_context={"a": "1"},
        )


def test_matches_independent_aes_gcm(make_key: KeyFactory, permit_for: PermitFor) -> None:
    """The blob decrypts with a by-hand AES-GCM following the documented layout."""
    from kmspolicy.kms.blob import encode_context

    key = make_key()
    blob = crypto.encrypt(
        permit_for("kms:Encrypt", key), key, b"doc", encryption_context={"k": "v"}
    )
    kid_len = blob[1]
    nonce = blob[2 + kid_len + 32 : 2 + kid_len + 44]
    header = blob[: 2 + kid_len + 44]
    mk = key.generations[0].secret
    body = blob[len(header) :]
    assert AESGCM(mk).decrypt(nonce, body, header + encode_context({"k": "v"})) == b"doc"


# --- data keys ------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "size"), [("AES_256", 32), ("AES_128", 16)])
def test_generate_data_key_specs(
    make_key: KeyFactory, permit_for: PermitFor, spec: str, size: int
) -> None:
    key = make_key()
    dk = crypto.generate_data_key(
        permit_for("kms:GenerateDataKey", key), key, key_spec=spec, encryption_context={"a": "b"}
    )
    assert len(dk.plaintext) == size
    assert (
        crypto.decrypt(
            permit_for("kms:Decrypt", key), key, dk.ciphertext_blob, encryption_context={"a": "b"}
        )
        == dk.plaintext
    )
    assert dk.plaintext.hex() not in repr(dk)


@pytest.mark.parametrize("n", [1, 7, 1024])
def test_generate_data_key_number_of_bytes(
    make_key: KeyFactory, permit_for: PermitFor, n: int
) -> None:
    key = make_key()
    blob = crypto.generate_data_key_without_plaintext(
        permit_for("kms:GenerateDataKeyWithoutPlaintext", key), key, number_of_bytes=n
    )
    assert len(crypto.decrypt(permit_for("kms:Decrypt", key), key, blob)) == n


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"key_spec": "AES_256", "number_of_bytes": 32},
        {"number_of_bytes": 0},
        {"number_of_bytes": 1025},
        {"key_spec": "AES_512"},
    ],
)
def test_generate_data_key_argument_rules(
    make_key: KeyFactory, permit_for: PermitFor, kwargs: dict[str, object]
) -> None:
    key = make_key()
    with pytest.raises(KMSError) as exc:
        crypto.generate_data_key(permit_for("kms:GenerateDataKey", key), key, **kwargs)  # type: ignore[arg-type]
    assert _code(exc) == "ValidationException"


@pytest.mark.parametrize(
    "pair_spec",
    [
        "RSA_2048",
        "ECC_NIST_P256",
        "ECC_NIST_P384",
        "ECC_NIST_P521",
        "ECC_SECG_P256K1",
        "ECC_NIST_EDWARDS25519",
    ],
)
def test_generate_data_key_pair(
    make_key: KeyFactory, permit_for: PermitFor, pair_spec: str
) -> None:
    key = make_key()
    pair = crypto.generate_data_key_pair(permit_for("kms:GenerateDataKeyPair", key), key, pair_spec)
    assert pair.private_key_plaintext is not None
    private = serialization.load_der_private_key(pair.private_key_plaintext, None)
    public_der = private.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert public_der == pair.public_key
    decrypted = crypto.decrypt(
        permit_for("kms:Decrypt", key), key, pair.private_key_ciphertext_blob
    )
    assert decrypted == pair.private_key_plaintext
    bare = crypto.generate_data_key_pair_without_plaintext(
        permit_for("kms:GenerateDataKeyPairWithoutPlaintext", key), key, pair_spec
    )
    assert bare.private_key_plaintext is None


def test_data_key_pair_rsa_4096_fits_the_blob(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    pair = crypto.generate_data_key_pair(
        permit_for("kms:GenerateDataKeyPair", key), key, "RSA_4096"
    )
    assert len(pair.private_key_ciphertext_blob) <= 6144


def test_data_key_pair_rejects_symmetric_specs(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    with pytest.raises(KMSError) as exc:
        crypto.generate_data_key_pair(permit_for("kms:GenerateDataKeyPair", key), key, "HMAC_256")
    assert _code(exc) == "ValidationException"


# --- RSA encryption -------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["RSA_2048", "RSA_3072", "RSA_4096"])
@pytest.mark.parametrize("alg", ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"])
def test_rsa_oaep_round_trip_and_limits(
    make_key: KeyFactory, permit_for: PermitFor, spec: str, alg: str
) -> None:
    key = make_key(spec)
    limit = oaep_max_plaintext(key.spec.size, alg)
    expected = {
        ("RSA_2048", "RSAES_OAEP_SHA_1"): 214,
        ("RSA_2048", "RSAES_OAEP_SHA_256"): 190,
        ("RSA_3072", "RSAES_OAEP_SHA_1"): 342,
        ("RSA_3072", "RSAES_OAEP_SHA_256"): 318,
        ("RSA_4096", "RSAES_OAEP_SHA_1"): 470,
        ("RSA_4096", "RSAES_OAEP_SHA_256"): 446,
    }
    assert limit == expected[(spec, alg)]
    ep = permit_for("kms:Encrypt", key)
    ct = crypto.encrypt(ep, key, b"m" * limit, algorithm=alg)
    assert len(ct) == key.spec.size // 8
    assert crypto.decrypt(permit_for("kms:Decrypt", key), key, ct, algorithm=alg) == b"m" * limit
    with pytest.raises(KMSError) as exc:
        crypto.encrypt(ep, key, b"m" * (limit + 1), algorithm=alg)
    assert _code(exc) == "ValidationException"


def test_rsa_ciphertext_decrypts_with_the_public_standard(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    """A ciphertext made outside KMS with the exported public key decrypts inside."""
    key = make_key("RSA_2048")
    public = serialization.load_der_public_key(
        crypto.get_public_key(permit_for("kms:GetPublicKey", key), key)
    )
    assert isinstance(public, rsa.RSAPublicKey)
    oaep = padding.OAEP(padding.MGF1(hashes.SHA256()), hashes.SHA256(), None)
    ct = public.encrypt(b"outside", oaep)
    out = crypto.decrypt(permit_for("kms:Decrypt", key), key, ct, algorithm="RSAES_OAEP_SHA_256")
    assert out == b"outside"


def test_rsa_decrypt_failures_are_opaque(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key("RSA_2048")
    ct = crypto.encrypt(permit_for("kms:Encrypt", key), key, b"x", algorithm="RSAES_OAEP_SHA_1")
    dp = permit_for("kms:Decrypt", key)
    flipped = bytes([ct[0] ^ 1]) + ct[1:]
    for bad, alg in (
        (flipped, "RSAES_OAEP_SHA_1"),
        (ct, "RSAES_OAEP_SHA_256"),
        (ct[:-1], "RSAES_OAEP_SHA_1"),
    ):
        with pytest.raises(KMSError) as exc:
            crypto.decrypt(dp, key, bad, algorithm=alg)
        assert _code(exc) == "InvalidCiphertextException"


def test_asymmetric_encryption_takes_no_context(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    key = make_key("RSA_2048")
    with pytest.raises(KMSError) as exc:
        crypto.encrypt(
            permit_for("kms:Encrypt", key),
            key,
            b"x",
            algorithm="RSAES_OAEP_SHA_1",
            encryption_context={"a": "b"},
        )
    assert _code(exc) == "ValidationException"


# --- signing --------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "alg"), SIGNING_CASES)
def test_sign_verify_raw_and_digest(
    make_key: KeyFactory, permit_for: PermitFor, spec: str, alg: str
) -> None:
    key = make_key(spec, "SIGN_VERIFY")
    sp, vp = permit_for("kms:Sign", key), permit_for("kms:Verify", key)
    message = b"message to sign"
    sig = crypto.sign(sp, key, message, alg)
    assert crypto.verify(vp, key, message, sig, alg) is True
    with pytest.raises(KMSError) as exc:
        crypto.verify(vp, key, message + b"!", sig, alg)
    assert _code(exc) == "KMSInvalidSignatureException"
    info = SIGNING_ALGORITHMS[alg]
    if info.raw_only:
        with pytest.raises(KMSError) as exc:
            crypto.sign(sp, key, b"d" * info.digest_length, alg, message_type="DIGEST")
        assert _code(exc) == "ValidationException"
        return
    digest = hashlib.new(info.hash.lower(), message).digest()
    # a DIGEST signature verifies as RAW over the message, and the other way round
    dsig = crypto.sign(sp, key, digest, alg, message_type="DIGEST")
    assert crypto.verify(vp, key, message, dsig, alg)
    assert crypto.verify(vp, key, digest, sig, alg, message_type="DIGEST")


def test_digest_length_must_match_the_hash(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key("ECC_NIST_P384", "SIGN_VERIFY")
    with pytest.raises(KMSError) as exc:
        crypto.sign(
            permit_for("kms:Sign", key), key, b"d" * 32, "ECDSA_SHA_384", message_type="DIGEST"
        )
    assert _code(exc) == "ValidationException"


def test_pss_salt_is_hash_length(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key("RSA_2048", "SIGN_VERIFY")
    sig = crypto.sign(permit_for("kms:Sign", key), key, b"m", "RSASSA_PSS_SHA_384")
    public = serialization.load_der_public_key(
        crypto.get_public_key(permit_for("kms:GetPublicKey", key), key)
    )
    assert isinstance(public, rsa.RSAPublicKey)
    public.verify(sig, b"m", padding.PSS(padding.MGF1(hashes.SHA384()), 48), hashes.SHA384())


def test_ecdsa_signature_is_der_and_verifies_outside(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    key = make_key("ECC_SECG_P256K1", "SIGN_VERIFY")
    sig = crypto.sign(permit_for("kms:Sign", key), key, b"m", "ECDSA_SHA_256")
    assert sig[0] == 0x30  # DER SEQUENCE
    public = serialization.load_der_public_key(
        crypto.get_public_key(permit_for("kms:GetPublicKey", key), key)
    )
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(sig, b"m", ec.ECDSA(hashes.SHA256()))


def test_curve_hash_pairs_are_fixed(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key("ECC_NIST_P256", "SIGN_VERIFY")
    with pytest.raises(KMSError) as exc:
        crypto.sign(permit_for("kms:Sign", key), key, b"m", "ECDSA_SHA_384")
    assert _code(exc) == "InvalidKeyUsageException"


def test_garbage_signature_is_invalid_signature(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    key = make_key("ECC_NIST_P256", "SIGN_VERIFY")
    with pytest.raises(KMSError) as exc:
        crypto.verify(permit_for("kms:Verify", key), key, b"m", b"\x00" * 10, "ECDSA_SHA_256")
    assert _code(exc) == "KMSInvalidSignatureException"


# --- HMAC -----------------------------------------------------------------------------


@pytest.mark.parametrize(("bits", "tag_len"), [(224, 28), (256, 32), (384, 48), (512, 64)])
def test_hmac_round_trip(
    make_key: KeyFactory, permit_for: PermitFor, bits: int, tag_len: int
) -> None:
    key = make_key(f"HMAC_{bits}", "GENERATE_VERIFY_MAC")
    alg = f"HMAC_SHA_{bits}"
    assert len(key.generations[0].secret) == bits // 8
    mac = crypto.generate_mac(permit_for("kms:GenerateMac", key), key, b"msg", alg)
    assert len(mac) == tag_len
    vp = permit_for("kms:VerifyMac", key)
    assert crypto.verify_mac(vp, key, b"msg", mac, alg) is True
    for bad_msg, bad_mac in (
        (b"msg2", mac),
        (b"msg", mac[:-1]),
        (b"msg", bytes([mac[0] ^ 1]) + mac[1:]),
    ):
        with pytest.raises(KMSError) as exc:
            crypto.verify_mac(vp, key, bad_msg, bad_mac, alg)
        assert _code(exc) == "KMSInvalidMacException"


def test_hmac_algorithm_must_match_spec(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key("HMAC_256", "GENERATE_VERIFY_MAC")
    with pytest.raises(KMSError) as exc:
        crypto.generate_mac(permit_for("kms:GenerateMac", key), key, b"m", "HMAC_SHA_512")
    assert _code(exc) == "InvalidKeyUsageException"


# --- key agreement, public keys, usage ------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "curve"),
    [
        ("ECC_NIST_P256", ec.SECP256R1()),
        ("ECC_NIST_P384", ec.SECP384R1()),
        ("ECC_NIST_P521", ec.SECP521R1()),
    ],
)
def test_ecdh_matches_peer(
    make_key: KeyFactory, permit_for: PermitFor, spec: str, curve: ec.EllipticCurve
) -> None:
    key = make_key(spec, "KEY_AGREEMENT")
    peer = ec.generate_private_key(curve)
    peer_der = peer.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    secret = crypto.derive_shared_secret(permit_for("kms:DeriveSharedSecret", key), key, peer_der)
    ours = serialization.load_der_public_key(
        crypto.get_public_key(permit_for("kms:GetPublicKey", key), key)
    )
    assert isinstance(ours, ec.EllipticCurvePublicKey)
    assert peer.exchange(ec.ECDH(), ours) == secret


def test_ecdh_rejects_other_curve_and_sign_keys(
    make_key: KeyFactory, permit_for: PermitFor
) -> None:
    key = make_key("ECC_NIST_P256", "KEY_AGREEMENT")
    other = (
        ec.generate_private_key(ec.SECP384R1())
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(KMSError) as exc:
        crypto.derive_shared_secret(permit_for("kms:DeriveSharedSecret", key), key, other)
    assert _code(exc) == "ValidationException"
    signer = make_key("ECC_NIST_P256", "SIGN_VERIFY")
    with pytest.raises(KMSError) as exc:
        crypto.derive_shared_secret(permit_for("kms:DeriveSharedSecret", signer), signer, other)
    assert _code(exc) == "InvalidKeyUsageException"
    k1 = make_key("ECC_SECG_P256K1", "KEY_AGREEMENT")
    with pytest.raises(KMSError) as exc:
        crypto.derive_shared_secret(permit_for("kms:DeriveSharedSecret", k1), k1, other)
    assert _code(exc) == "InvalidKeyUsageException"


@pytest.mark.parametrize(
    ("spec", "usage", "operation"),
    [
        ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "sign"),
        ("RSA_2048", "SIGN_VERIFY", "encrypt"),
        ("HMAC_256", "GENERATE_VERIFY_MAC", "encrypt"),
        ("RSA_2048", "ENCRYPT_DECRYPT", "data_key"),
    ],
)
def test_wrong_usage_is_invalid_key_usage(
    make_key: KeyFactory, permit_for: PermitFor, spec: str, usage: str, operation: str
) -> None:
    key = make_key(spec, usage)
    with pytest.raises(KMSError) as exc:
        if operation == "sign":
            crypto.sign(permit_for("kms:Sign", key), key, b"m", "RSASSA_PSS_SHA_256")
        elif operation == "encrypt":
            crypto.encrypt(permit_for("kms:Encrypt", key), key, b"m")
        else:
            crypto.generate_data_key(
                permit_for("kms:GenerateDataKey", key), key, key_spec="AES_256"
            )
    assert _code(exc) == "InvalidKeyUsageException"


def test_public_key_export_only_for_key_pairs(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    with pytest.raises(KMSError) as exc:
        crypto.get_public_key(permit_for("kms:GetPublicKey", key), key)
    assert _code(exc) == "UnsupportedOperationException"


@pytest.mark.parametrize("spec", list(KEY_SPECS))
def test_generated_material_fits_its_spec(make_key: KeyFactory, spec: str) -> None:
    material = make_key(spec, KEY_SPECS[spec].usages[0]).generations[0].secret
    crypto.check_material(spec, material)
    with pytest.raises(ValueError):
        crypto.check_material(spec, material[:-1])


def test_generate_random() -> None:
    assert len(crypto.generate_random(1)) == 1
    assert len(crypto.generate_random(1024)) == 1024
    assert crypto.generate_random(32) != crypto.generate_random(32)
    for bad in (0, 1025):
        with pytest.raises(KMSError) as exc:
            crypto.generate_random(bad)
        assert _code(exc) == "ValidationException"


# --- permits --------------------------------------------------------------------------


def test_missing_permit_is_refused(make_key: KeyFactory) -> None:
    key = make_key()
    with pytest.raises(TypeError):
        crypto.encrypt(None, key, b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        crypto.generate_data_key("kms:GenerateDataKey", key, key_spec="AES_256")  # type: ignore[arg-type]


def test_permit_for_other_action_is_refused(make_key: KeyFactory, permit_for: PermitFor) -> None:
    key = make_key()
    blob = crypto.encrypt(permit_for("kms:Encrypt", key), key, b"x")
    with pytest.raises(PermissionError):
        crypto.decrypt(permit_for("kms:Encrypt", key), key, blob)
    with pytest.raises(PermissionError):
        crypto.generate_data_key(
            permit_for("kms:GenerateDataKeyWithoutPlaintext", key), key, key_spec="AES_256"
        )


def test_permit_for_other_key_is_refused(make_key: KeyFactory, permit_for: PermitFor) -> None:
    a = make_key(key_id="aaaaaaaa-0000-0000-0000-000000000000")
    b = make_key(key_id="bbbbbbbb-0000-0000-0000-000000000000")
    with pytest.raises(PermissionError):
        crypto.encrypt(permit_for("kms:Encrypt", a), b, b"x")


def test_permit_checked_before_anything_else(make_key: KeyFactory, permit_for: PermitFor) -> None:
    """A bad permit is refused even when the arguments are also bad: no error from the
    key material or the ciphertext reaches a caller without authorization."""
    key = make_key()
    with pytest.raises(PermissionError):
        crypto.decrypt(permit_for("kms:Encrypt", key), key, b"garbage")
    with pytest.raises(PermissionError):
        crypto.verify_mac(permit_for("kms:GenerateMac", key), key, b"m", b"x", "HMAC_SHA_256")


def test_permits_cannot_be_forged() -> None:
    from kmspolicy.engine.decision import Permit

    with pytest.raises(TypeError):
        Permit(Decision(Outcome.ALLOW), "kms:Encrypt", "p", "r", _token=object())
    with pytest.raises(ValueError):
        mint_permit(Decision(Outcome.IMPLICIT_DENY), "kms:Encrypt", "p", "r")
