"""Crypto recipes: every KMS operation that touches key material, and nothing else.

Each entry point that uses key material takes a ``Permit`` (minted by the authorizer) and
checks it names the operation's IAM action and the key's ARN before anything else happens,
so no path reaches key material without an Allow. The recipes fix every parameter: nonces,
key derivation, the canonical encryption context, padding, salt lengths, digest lengths.
Failures carry AWS error codes (``KMSError.code``); every way a ciphertext can fail to
decrypt is the one opaque ``InvalidCiphertextException``.

Symmetric encryption (SYMMETRIC_DEFAULT): AES-256-GCM under the backing key with a random
12-byte nonce per call, the blob header and canonical encryption context as additional
data (see ``kmspolicy.kms.blob`` for the format and the security argument). The AES-GCM
object of each backing key is built once and kept with the key. For a key whose material
lives in an HSM (origin AWS_CLOUDHSM) that object runs CKM_AES_GCM in the token
(``kmspolicy.kms.hsm.aead``); the recipes and the blob are the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kmspolicy.engine.decision import Permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import _primitives as prim
from kmspolicy.kms import blob as _blob
from kmspolicy.kms.specs import (
    DATA_KEY_BYTES,
    KEY_SPECS,
    MAC_ALGORITHMS,
    OAEP_HASH,
    SIGNING_ALGORITHMS,
    KeySpecInfo,
    key_spec,
    oaep_max_plaintext,
)

__all__ = [
    "MAX_MESSAGE",
    "BackingKey",
    "CryptoKey",
    "DataKey",
    "DataKeyPair",
    "backing_key_from",
    "check_material",
    "decrypt",
    "derive_shared_secret",
    "encrypt",
    "generate_data_key",
    "generate_data_key_pair",
    "generate_data_key_pair_without_plaintext",
    "generate_data_key_without_plaintext",
    "generate_key_material",
    "generate_mac",
    "generate_random",
    "get_public_key",
    "hsm_material_id",
    "key_id_of_ciphertext",
    "material_id",
    "new_backing_key",
    "re_encrypt",
    "require_permit",
    "sign",
    "verify",
    "verify_mac",
]

MAX_MESSAGE = 4096  # Encrypt plaintext, Sign/Verify/GenerateMac message
_MATERIAL_ID_INFO = b"kmspolicy/v1/material-id/"
# what Encrypt's common case reads, bound once: a module's attribute is a lookup per read
_NONCE_POOL = prim.NONCE_POOL  # the pool itself (emptied in place in a forked child)
_header_prefix = _blob.header_prefix
_encode_pairs = _blob.encode_pairs
_EMPTY_CONTEXT = _blob.EMPTY_CONTEXT
_MAX_BLOB = _blob.MAX_BLOB
_HSM_MATERIAL_ID_INFO = b"kmspolicy/v1/hsm-material-id/"


@dataclass(frozen=True, slots=True)
class BackingKey:
    """One generation of a key's material. ``secret`` is raw bytes for symmetric and HMAC
    keys and a DER PKCS#8 private key for key pairs; it never appears in a repr."""

    material_id: bytes
    secret: bytes = field(repr=False)
    _aead: Any = field(default=None, init=False, repr=False, compare=False)

    def aead(self) -> Any:
        """The AES-GCM object of a symmetric backing key, built on first use."""
        if self._aead is None:
            object.__setattr__(self, "_aead", prim.aes_gcm(self.secret))
        return self._aead

    @property
    def key_material_id(self) -> str:
        """AWS's KeyMaterialId: 64 lowercase hex digits."""
        return self.material_id.hex()

    @classmethod
    def in_hsm(cls, material_id: bytes, aead: Any) -> BackingKey:
        """A generation whose material never leaves an HSM: no secret here, and ``aead``
        (encrypt/decrypt as AES-GCM's) runs the cipher in the token."""
        backing = cls(material_id, b"")
        object.__setattr__(backing, "_aead", aead)
        return backing


@dataclass(frozen=True, slots=True)
class CryptoKey:
    """What a recipe needs of a KMS key: its identity, spec, usage and generations
    (oldest first; the newest encrypts, any decrypts)."""

    key_id: str
    arn: str
    key_spec: str
    key_usage: str
    generations: tuple[BackingKey, ...]
    # the generation symmetric Encrypt uses, for a symmetric ENCRYPT_DECRYPT key with
    # material (None otherwise): the recipe's key checks done once per key, not per call
    sealing: BackingKey | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        symmetric = self.key_spec == "SYMMETRIC_DEFAULT" and self.key_usage == "ENCRYPT_DECRYPT"
        if symmetric and self.generations:
            object.__setattr__(self, "sealing", self.generations[-1])

    @property
    def spec(self) -> KeySpecInfo:
        return key_spec(self.key_spec)

    def current(self) -> BackingKey:
        if not self.generations:
            raise KMSError("KMSInvalidStateException", f"{self.arn} is pending import.")
        return self.generations[-1]

    def generation(self, material_id: bytes) -> BackingKey | None:
        for backing in self.generations:
            if prim.bytes_eq(backing.material_id, material_id):
                return backing
        return None


@dataclass(frozen=True, slots=True)
class DataKey:
    plaintext: bytes = field(repr=False)
    ciphertext_blob: bytes


@dataclass(frozen=True, slots=True)
class DataKeyPair:
    key_pair_spec: str
    public_key: bytes
    private_key_ciphertext_blob: bytes
    private_key_plaintext: bytes | None = field(default=None, repr=False)


# --- key material ----------------------------------------------------------------------


def material_id(key_id: str, secret: bytes) -> bytes:
    """The 32-byte id of a generation, computed from the key id and the material (as AWS
    does for imported material), so re-importing the same material gives the same id.
    It is an HMAC keyed by the material: it reveals nothing about it."""
    return prim.hmac_sign("SHA256", secret, _MATERIAL_ID_INFO + key_id.encode("utf-8"))


def hsm_material_id(key_id: str, object_id: bytes) -> bytes:
    """The 32-byte id of material generated in an HSM, from the key id and the token
    object's CKA_ID (the material itself cannot be read)."""
    return prim.digest("SHA256", _HSM_MATERIAL_ID_INFO + key_id.encode("utf-8") + b"/" + object_id)


def generate_key_material(spec_name: str) -> bytes:
    """Fresh material for a key spec: raw bytes (symmetric, HMAC) or DER PKCS#8."""
    spec = key_spec(spec_name)
    if spec.family in ("SYMMETRIC", "HMAC"):
        return prim.random_bytes(spec.secret_length)
    if spec.family == "RSA":
        return prim.generate_rsa(spec.size)
    if spec.family == "EC":
        return prim.generate_ec(spec.curve)
    return prim.generate_ed25519()


def backing_key_from(key_id: str, secret: bytes) -> BackingKey:
    return BackingKey(material_id(key_id, secret), secret)


def new_backing_key(key_id: str, spec_name: str) -> BackingKey:
    return backing_key_from(key_id, generate_key_material(spec_name))


def check_material(spec_name: str, secret: bytes) -> bytes:
    """``secret`` as valid material for ``spec_name``, or ValueError. Private keys come
    back re-encoded as canonical DER PKCS#8, so the same key imported from another tool's
    encoding gets the same material id."""
    spec = key_spec(spec_name)
    if spec.family in ("SYMMETRIC", "HMAC"):
        if len(secret) != spec.secret_length:
            raise ValueError(f"{spec_name} key material must be {spec.secret_length} bytes")
        return secret
    family, detail = prim.describe_private(secret)
    expected = {"RSA": spec.size, "EC": spec.curve, "ED25519": ""}[spec.family]
    if family != spec.family or detail != expected:
        raise ValueError(f"key material is not a {spec_name} private key")
    return prim.private_to_der(prim.load_private(secret))


def generate_random(number_of_bytes: int) -> bytes:
    """GenerateRandom: 1..1024 random bytes. Uses no key, so needs no permit."""
    _check_count(number_of_bytes)
    return prim.random_bytes(number_of_bytes)


def key_id_of_ciphertext(ciphertext_blob: bytes) -> str:
    """The key id a symmetric ciphertext names (to authorize Decrypt before decrypting)."""
    return _blob.parse(ciphertext_blob).key_id


# --- authorization and argument checks -------------------------------------------------


def require_permit(permit: object, action: str, key_arn: str) -> None:
    """Refuse unless ``permit`` is a Permit for ``action`` on ``key_arn``."""
    if not isinstance(permit, Permit):
        raise TypeError("operations on key material need a Permit minted by the authorizer")
    permit.require(action, key_arn)


def _authorize(permit: object, action: str, key: CryptoKey) -> None:
    require_permit(permit, action, key.arn)


def _invalid_usage(key: CryptoKey, operation: str) -> KMSError:
    return KMSError(
        "InvalidKeyUsageException",
        f"{key.arn} key usage is {key.key_usage} and key spec is {key.key_spec}, "
        f"which is not valid for {operation}.",
    )


# (key spec, key usage) -> the algorithms that key takes for that usage
_ALGORITHMS: dict[tuple[str, str], frozenset[str]] = {
    (name, usage): frozenset(info.algorithms(usage))
    for name, info in KEY_SPECS.items()
    for usage in ("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT")
}


def _require(key: CryptoKey, usage: str, algorithm: str, operation: str) -> None:
    if key.key_usage != usage or algorithm not in _ALGORITHMS.get((key.key_spec, usage), ()):
        raise _invalid_usage(key, operation)


def _validation(message: str) -> KMSError:
    return KMSError("ValidationException", message)


def _check_message(data: bytes, what: str) -> None:
    if not isinstance(data, bytes) or not 1 <= len(data) <= MAX_MESSAGE:
        raise _validation(f"{what} must be 1 to {MAX_MESSAGE} bytes")


def _check_count(n: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 1024:
        raise _validation("NumberOfBytes must be between 1 and 1024")


def _no_context(context: Mapping[str, str] | None) -> None:
    if context:
        raise _validation("An encryption context is supported only with symmetric encryption keys")


# --- symmetric core --------------------------------------------------------------------


def _seal(key: CryptoKey, plaintext: bytes, context: Mapping[str, str] | None) -> bytes:
    backing = key.current()
    nonce = prim.random_nonce()
    header = _blob.header_prefix(key.key_id, backing.material_id) + nonce
    aad = header + _blob.encode_context(context) if context else header + _blob.EMPTY_CONTEXT
    body: bytes = backing.aead().encrypt(nonce, plaintext, aad)
    if len(header) + len(body) > _blob.MAX_BLOB:  # what _blob.join checks, without the call
        return _blob.join(header, body)  # raises
    return header + body


def _open(key: CryptoKey, ciphertext_blob: bytes, context: Mapping[str, str] | None) -> bytes:
    parsed = _blob.parse(ciphertext_blob)
    if parsed.key_id != key.key_id:
        raise KMSError(
            "IncorrectKeyException",
            "The key ID in the request does not identify the KMS key that encrypted "
            "the ciphertext.",
        )
    backing = key.generation(parsed.backing_key_id)
    if backing is None:
        raise _blob.invalid_ciphertext()
    try:
        aad = parsed.header + _blob.encode_context(context)
    except TypeError:
        raise _blob.invalid_ciphertext() from None
    try:
        return prim.aes_gcm_open(backing.aead(), parsed.nonce, parsed.body, aad)
    except ValueError:
        raise _blob.invalid_ciphertext() from None


def _encrypt_any(
    key: CryptoKey,
    plaintext: bytes,
    context: Mapping[str, str] | None,
    algorithm: str,
    operation: str,
) -> bytes:
    _require(key, "ENCRYPT_DECRYPT", algorithm, operation)
    _check_message(plaintext, "Plaintext")
    if algorithm == "SYMMETRIC_DEFAULT":
        return _seal(key, plaintext, context)
    _no_context(context)
    limit = oaep_max_plaintext(key.spec.size, algorithm)
    if len(plaintext) > limit:
        raise _validation(f"Plaintext for {key.key_spec} with {algorithm} is at most {limit} bytes")
    public = prim.public_der_of(key.current().secret)
    return prim.rsa_oaep_encrypt(public, OAEP_HASH[algorithm], plaintext)


def _decrypt_any(
    key: CryptoKey,
    ciphertext: bytes,
    context: Mapping[str, str] | None,
    algorithm: str,
    operation: str,
) -> bytes:
    _require(key, "ENCRYPT_DECRYPT", algorithm, operation)
    if not isinstance(ciphertext, bytes) or not 1 <= len(ciphertext) <= _blob.MAX_BLOB:
        raise _blob.invalid_ciphertext()
    if algorithm == "SYMMETRIC_DEFAULT":
        return _open(key, ciphertext, context)
    _no_context(context)
    try:
        return prim.rsa_oaep_decrypt(key.current().secret, OAEP_HASH[algorithm], ciphertext)
    except ValueError:
        raise _blob.invalid_ciphertext() from None


# --- Encrypt / Decrypt / ReEncrypt -----------------------------------------------------


def encrypt(
    permit: Permit,
    key: CryptoKey,
    plaintext: bytes,
    encryption_context: Mapping[str, str] | None = None,
    algorithm: str = "SYMMETRIC_DEFAULT",
) -> bytes:
    """Encrypt: a ciphertext blob (symmetric) or raw RSAES-OAEP ciphertext."""
    if type(permit) is not Permit or permit.action != "kms:Encrypt" or permit.resource != key.arn:
        _authorize(permit, "kms:Encrypt", key)  # raises
    backing = key.sealing
    if (
        backing is not None
        and algorithm == "SYMMETRIC_DEFAULT"
        and type(plaintext) is bytes
        and 0 < len(plaintext) <= MAX_MESSAGE
    ):  # the common case, with _encrypt_any's and _seal's steps inline
        try:
            nonce = _NONCE_POOL.pop()  # random_nonce without its call
        except IndexError:
            nonce = prim.random_nonce()
        header = _header_prefix(key.key_id, backing.material_id) + nonce
        if encryption_context:
            try:  # encode_context's cached encoding, without its call
                aad = header + _encode_pairs(tuple(encryption_context.items()))
            except TypeError:
                aad = header + _blob.encode_context(encryption_context)  # raises
        else:
            aad = header + _EMPTY_CONTEXT
        aead = backing._aead
        body: bytes = (aead if aead is not None else backing.aead()).encrypt(nonce, plaintext, aad)
        if len(header) + len(body) > _MAX_BLOB:
            return _blob.join(header, body)  # raises
        return header + body
    return _encrypt_any(key, plaintext, encryption_context, algorithm, "Encrypt")


def decrypt(
    permit: Permit,
    key: CryptoKey,
    ciphertext: bytes,
    *,
    encryption_context: Mapping[str, str] | None = None,
    algorithm: str = "SYMMETRIC_DEFAULT",
) -> bytes:
    """Decrypt with the generation the blob names. A blob naming another key raises
    IncorrectKeyException; every other failure is InvalidCiphertextException."""
    _authorize(permit, "kms:Decrypt", key)
    return _decrypt_any(key, ciphertext, encryption_context, algorithm, "Decrypt")


def re_encrypt(
    source_permit: Permit,
    source_key: CryptoKey,
    destination_permit: Permit,
    destination_key: CryptoKey,
    ciphertext: bytes,
    *,
    source_encryption_context: Mapping[str, str] | None = None,
    destination_encryption_context: Mapping[str, str] | None = None,
    source_algorithm: str = "SYMMETRIC_DEFAULT",
    destination_algorithm: str = "SYMMETRIC_DEFAULT",
) -> bytes:
    """ReEncrypt: decrypt under the source key and encrypt under the destination key
    without the plaintext leaving this function (kms:ReEncryptFrom / kms:ReEncryptTo)."""
    _authorize(source_permit, "kms:ReEncryptFrom", source_key)
    _authorize(destination_permit, "kms:ReEncryptTo", destination_key)
    plaintext = _decrypt_any(
        source_key, ciphertext, source_encryption_context, source_algorithm, "ReEncrypt"
    )
    return _encrypt_any(
        destination_key,
        plaintext,
        destination_encryption_context,
        destination_algorithm,
        "ReEncrypt",
    )


# --- data keys -------------------------------------------------------------------------


def _data_key_length(key_spec_name: str | None, number_of_bytes: int | None) -> int:
    if (key_spec_name is None) == (number_of_bytes is None):
        raise _validation("Specify exactly one of KeySpec and NumberOfBytes")
    if key_spec_name is not None:
        if key_spec_name not in DATA_KEY_BYTES:
            raise _validation(f"KeySpec must be one of {', '.join(DATA_KEY_BYTES)}")
        return DATA_KEY_BYTES[key_spec_name]
    assert number_of_bytes is not None
    _check_count(number_of_bytes)
    return number_of_bytes


def generate_data_key(
    permit: Permit,
    key: CryptoKey,
    *,
    key_spec: str | None = None,
    number_of_bytes: int | None = None,
    encryption_context: Mapping[str, str] | None = None,
) -> DataKey:
    """GenerateDataKey: a random data key and its copy encrypted under ``key``."""
    _authorize(permit, "kms:GenerateDataKey", key)
    return _data_key(key, key_spec, number_of_bytes, encryption_context, "GenerateDataKey")


def generate_data_key_without_plaintext(
    permit: Permit,
    key: CryptoKey,
    *,
    key_spec: str | None = None,
    number_of_bytes: int | None = None,
    encryption_context: Mapping[str, str] | None = None,
) -> bytes:
    """GenerateDataKeyWithoutPlaintext: only the encrypted copy."""
    _authorize(permit, "kms:GenerateDataKeyWithoutPlaintext", key)
    operation = "GenerateDataKeyWithoutPlaintext"
    return _data_key(key, key_spec, number_of_bytes, encryption_context, operation).ciphertext_blob


def _data_key(
    key: CryptoKey,
    key_spec_name: str | None,
    number_of_bytes: int | None,
    context: Mapping[str, str] | None,
    operation: str,
) -> DataKey:
    _require(key, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", operation)
    plaintext = prim.random_bytes(_data_key_length(key_spec_name, number_of_bytes))
    return DataKey(plaintext, _seal(key, plaintext, context))


def _data_key_pair(
    key: CryptoKey, pair_spec: str, context: Mapping[str, str] | None, operation: str
) -> tuple[bytes, bytes, bytes]:
    _require(key, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", operation)
    if pair_spec not in KEY_SPECS or KEY_SPECS[pair_spec].family in ("SYMMETRIC", "HMAC"):
        raise _validation(f"{pair_spec!r} is not a supported KeyPairSpec")
    private = generate_key_material(pair_spec)
    return prim.public_der_of(private), private, _seal(key, private, context)


def generate_data_key_pair(
    permit: Permit,
    key: CryptoKey,
    key_pair_spec: str,
    *,
    encryption_context: Mapping[str, str] | None = None,
) -> DataKeyPair:
    """GenerateDataKeyPair: DER SPKI public key, DER PKCS#8 private key, and the private
    key encrypted under the symmetric ``key``."""
    _authorize(permit, "kms:GenerateDataKeyPair", key)
    public, private, sealed = _data_key_pair(
        key, key_pair_spec, encryption_context, "GenerateDataKeyPair"
    )
    return DataKeyPair(key_pair_spec, public, sealed, private)


def generate_data_key_pair_without_plaintext(
    permit: Permit,
    key: CryptoKey,
    key_pair_spec: str,
    *,
    encryption_context: Mapping[str, str] | None = None,
) -> DataKeyPair:
    _authorize(permit, "kms:GenerateDataKeyPairWithoutPlaintext", key)
    public, _, sealed = _data_key_pair(
        key, key_pair_spec, encryption_context, "GenerateDataKeyPairWithoutPlaintext"
    )
    return DataKeyPair(key_pair_spec, public, sealed)


# --- signatures, MACs, key agreement, public keys --------------------------------------


def _sign_input(
    key: CryptoKey, message: bytes, algorithm: str, message_type: str, operation: str
) -> tuple[str, str, bool]:
    _require(key, "SIGN_VERIFY", algorithm, operation)
    _check_message(message, "Message")
    alg = SIGNING_ALGORITHMS[algorithm]
    if message_type == "RAW":
        return alg.scheme, alg.hash, False
    if message_type != "DIGEST":
        raise _validation(f"MessageType {message_type!r} is not supported for {algorithm}")
    if alg.raw_only:
        raise _validation(f"{algorithm} requires MessageType RAW")
    if len(message) != alg.digest_length:
        raise _validation(
            f"A DIGEST message for {algorithm} must be {alg.digest_length} bytes, "
            f"got {len(message)}"
        )
    return alg.scheme, alg.hash, True


def sign(
    permit: Permit, key: CryptoKey, message: bytes, algorithm: str, *, message_type: str = "RAW"
) -> bytes:
    """Sign: RSASSA-PSS (salt = hash length), RSASSA-PKCS1-v1_5, ECDSA (DER) or Ed25519."""
    _authorize(permit, "kms:Sign", key)
    scheme, hash_name, prehashed = _sign_input(key, message, algorithm, message_type, "Sign")
    return prim.sign(key.current().secret, scheme, hash_name, message, prehashed)


def verify(
    permit: Permit,
    key: CryptoKey,
    message: bytes,
    signature: bytes,
    algorithm: str,
    *,
    message_type: str = "RAW",
) -> bool:
    """Verify: True, or KMSInvalidSignatureException (never False, as in AWS)."""
    _authorize(permit, "kms:Verify", key)
    scheme, hash_name, prehashed = _sign_input(key, message, algorithm, message_type, "Verify")
    public = prim.public_der_of(key.current().secret)
    if not isinstance(signature, bytes) or not prim.verify(
        public, scheme, hash_name, message, signature, prehashed
    ):
        raise KMSError("KMSInvalidSignatureException", "The signature is not valid.")
    return True


def generate_mac(permit: Permit, key: CryptoKey, message: bytes, algorithm: str) -> bytes:
    _authorize(permit, "kms:GenerateMac", key)
    _require(key, "GENERATE_VERIFY_MAC", algorithm, "GenerateMac")
    _check_message(message, "Message")
    return prim.hmac_sign(MAC_ALGORITHMS[algorithm][0], key.current().secret, message)


def verify_mac(permit: Permit, key: CryptoKey, message: bytes, mac: bytes, algorithm: str) -> bool:
    """VerifyMac: constant-time; True, or KMSInvalidMacException."""
    _authorize(permit, "kms:VerifyMac", key)
    _require(key, "GENERATE_VERIFY_MAC", algorithm, "VerifyMac")
    _check_message(message, "Message")
    if not isinstance(mac, bytes) or not prim.hmac_verify(
        MAC_ALGORITHMS[algorithm][0], key.current().secret, message, mac
    ):
        raise KMSError("KMSInvalidMacException", "The MAC is not valid.")
    return True


def derive_shared_secret(
    permit: Permit, key: CryptoKey, public_key: bytes, *, algorithm: str = "ECDH"
) -> bytes:
    """DeriveSharedSecret: the raw ECDH shared secret with a peer's DER SPKI public key."""
    _authorize(permit, "kms:DeriveSharedSecret", key)
    _require(key, "KEY_AGREEMENT", algorithm, "DeriveSharedSecret")
    try:
        return prim.ecdh(key.current().secret, public_key)
    except ValueError as exc:
        raise _validation(f"PublicKey: {exc}") from None


def get_public_key(permit: Permit, key: CryptoKey) -> bytes:
    """GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key."""
    _authorize(permit, "kms:GetPublicKey", key)
    if key.spec.family in ("SYMMETRIC", "HMAC"):
        raise KMSError("UnsupportedOperationException", f"{key.arn} is not an asymmetric KMS key.")
    return prim.public_der_of(key.current().secret)
