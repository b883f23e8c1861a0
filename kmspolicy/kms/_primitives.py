"""Thin wrappers over pyca/cryptography: the only module of kmspolicy that imports hazmat.

Everything here is a primitive with no policy of its own: no key usage checks, no size
limits, no error mapping beyond turning library failures into ``ValueError`` (decrypt,
unwrap, parse) or ``False`` (verify). The recipes in ``kmspolicy.kms.crypto`` decide which
primitive runs, with which parameters, and what a failure means to a KMS caller.
"""

from __future__ import annotations

import hmac as _hmac
import os
from datetime import UTC, datetime, timedelta
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, utils
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.keywrap import (
    InvalidUnwrap,
    aes_key_unwrap_with_padding,
    aes_key_wrap_with_padding,
)
from cryptography.x509.oid import NameOID

HashName = Literal["SHA1", "SHA224", "SHA256", "SHA384", "SHA512"]
CurveName = Literal["P256", "P384", "P521", "SECP256K1"]

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "SHA1": hashes.SHA1,
    "SHA224": hashes.SHA224,
    "SHA256": hashes.SHA256,
    "SHA384": hashes.SHA384,
    "SHA512": hashes.SHA512,
}
_CURVES: dict[str, type[ec.EllipticCurve]] = {
    "P256": ec.SECP256R1,
    "P384": ec.SECP384R1,
    "P521": ec.SECP521R1,
    "SECP256K1": ec.SECP256K1,
}

AnyPrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
AnyPublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey


def _hash(name: str) -> hashes.HashAlgorithm:
    return _HASHES[name]()


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


_NONCE_LEN = 12
_NONCE_BATCH = 256
NONCE_POOL: list[bytes] = []  # a hot path may pop from it, calling random_nonce when empty
os.register_at_fork(after_in_child=NONCE_POOL.clear)


def random_nonce() -> bytes:
    """A fresh random 96-bit nonce from ``os.urandom``, read 256 nonces per system call.

    ``list.pop`` is atomic, so no two threads get the same nonce; a forked child starts
    with an empty pool, so parent and child never hand out the same one.
    """
    try:
        return NONCE_POOL.pop()
    except IndexError:
        block = os.urandom(_NONCE_LEN * _NONCE_BATCH)
        NONCE_POOL.extend([block[i : i + _NONCE_LEN] for i in range(0, len(block), _NONCE_LEN)])
        return NONCE_POOL.pop()


def digest(hash_name: str, data: bytes) -> bytes:
    h = hashes.Hash(_hash(hash_name))
    h.update(data)
    return h.finalize()


def bytes_eq(a: bytes, b: bytes) -> bool:
    return _hmac.compare_digest(a, b)


# --- symmetric -------------------------------------------------------------------------


def aes_gcm(key: bytes) -> AESGCM:
    """An AES-GCM object for ``key``, to keep and reuse (building one costs a key schedule)."""
    return AESGCM(key)


def aes_gcm_open(aead: AESGCM, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return aead.decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise ValueError("authentication failed") from None


def aes_gcm_encrypt(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def aes_gcm_decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise ValueError("authentication failed") from None


def aes_kwp_wrap(kek: bytes, key: bytes) -> bytes:
    return aes_key_wrap_with_padding(kek, key)


def aes_kwp_unwrap(kek: bytes, wrapped: bytes) -> bytes:
    try:
        return aes_key_unwrap_with_padding(kek, wrapped)
    except InvalidUnwrap:
        raise ValueError("unwrap failed") from None


def hmac_sign(hash_name: str, key: bytes, message: bytes) -> bytes:
    mac = HMAC(key, _hash(hash_name))
    mac.update(message)
    return mac.finalize()


def hmac_verify(hash_name: str, key: bytes, message: bytes, tag: bytes) -> bool:
    mac = HMAC(key, _hash(hash_name))
    mac.update(message)
    try:
        mac.verify(tag)  # constant-time comparison inside cryptography
    except InvalidSignature:
        return False
    return True


# --- key generation and encoding -------------------------------------------------------


def generate_rsa(bits: int) -> bytes:
    return private_to_der(rsa.generate_private_key(public_exponent=65537, key_size=bits))


def generate_ec(curve: str) -> bytes:
    return private_to_der(ec.generate_private_key(_CURVES[curve]()))


def generate_ed25519() -> bytes:
    return private_to_der(ed25519.Ed25519PrivateKey.generate())


def private_to_der(key: AnyPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_private(der: bytes) -> AnyPrivateKey:
    try:
        key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError):
        raise ValueError("not a DER PKCS#8 private key") from None
    if not isinstance(
        key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
    ):
        raise ValueError("unsupported private key type")
    return key


def load_public(der: bytes) -> AnyPublicKey:
    try:
        key = serialization.load_der_public_key(der)
    except (ValueError, TypeError):
        raise ValueError("not a DER SubjectPublicKeyInfo public key") from None
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey):
        raise ValueError("unsupported public key type")
    return key


def public_der_of(private_der: bytes) -> bytes:
    return public_to_der(load_private(private_der).public_key())


def public_to_der(key: AnyPublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def describe_private(der: bytes) -> tuple[str, int | str]:
    """("RSA", bits) | ("EC", curve name) | ("ED25519", "") for a DER private key."""
    key = load_private(der)
    if isinstance(key, rsa.RSAPrivateKey):
        return "RSA", key.key_size
    if isinstance(key, ec.EllipticCurvePrivateKey):
        for name, cls in _CURVES.items():
            if isinstance(key.curve, cls):
                return "EC", name
        raise ValueError(f"unsupported curve {key.curve.name}")
    return "ED25519", ""


# --- RSA -------------------------------------------------------------------------------


def _oaep(hash_name: str) -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(_hash(hash_name)), algorithm=_hash(hash_name), label=None)


def rsa_oaep_encrypt(public_der: bytes, hash_name: str, plaintext: bytes) -> bytes:
    key = load_public(public_der)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key.encrypt(plaintext, _oaep(hash_name))


def rsa_oaep_decrypt(private_der: bytes, hash_name: str, ciphertext: bytes) -> bytes:
    key = load_private(private_der)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    try:
        return key.decrypt(ciphertext, _oaep(hash_name))
    except ValueError:
        raise ValueError("decryption failed") from None


def _rsa_padding(scheme: str, hash_name: str) -> padding.AsymmetricPadding:
    if scheme == "PSS":
        # AWS KMS: MGF1 with the message hash, salt length = hash length.
        return padding.PSS(
            mgf=padding.MGF1(_hash(hash_name)), salt_length=_hash(hash_name).digest_size
        )
    return padding.PKCS1v15()


# --- signatures ------------------------------------------------------------------------


def sign(private_der: bytes, scheme: str, hash_name: str, data: bytes, prehashed: bool) -> bytes:
    """``scheme`` is PSS, PKCS1, ECDSA or ED25519. ``prehashed`` means ``data`` is the digest."""
    key = load_private(private_der)
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    algo: hashes.HashAlgorithm | utils.Prehashed = (
        utils.Prehashed(_hash(hash_name)) if prehashed else _hash(hash_name)
    )
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, _rsa_padding(scheme, hash_name), algo)
    return key.sign(data, ec.ECDSA(algo))


def verify(
    public_der: bytes, scheme: str, hash_name: str, data: bytes, signature: bytes, prehashed: bool
) -> bool:
    key = load_public(public_der)
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
            return True
        algo: hashes.HashAlgorithm | utils.Prehashed = (
            utils.Prehashed(_hash(hash_name)) if prehashed else _hash(hash_name)
        )
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, _rsa_padding(scheme, hash_name), algo)
        else:
            key.verify(signature, data, ec.ECDSA(algo))
    except (InvalidSignature, ValueError):
        return False
    return True


def ecdh(private_der: bytes, peer_public_der: bytes) -> bytes:
    key = load_private(private_der)
    peer = load_public(peer_public_der)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(
        peer, ec.EllipticCurvePublicKey
    ):
        raise ValueError("ECDH needs two elliptic-curve keys")
    if peer.curve.name != key.curve.name:
        raise ValueError(f"peer key is on {peer.curve.name}, not {key.curve.name}")
    return key.exchange(ec.ECDH(), peer)


# --- certificates ----------------------------------------------------------------------


def self_signed_certificate(common_name: str, days: int = 3650) -> str:
    """A PEM self-signed CA certificate on a fresh P-256 key (the key is discarded)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def certificate_der(pem: str) -> bytes:
    """The DER bytes of a PEM certificate, or ValueError."""
    try:
        cert = x509.load_pem_x509_certificate(pem.encode("utf-8"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise ValueError(f"not a PEM certificate: {exc}") from None
    return cert.public_bytes(serialization.Encoding.DER)
