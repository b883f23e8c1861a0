"""Importing key material (GetParametersForImport, ImportKeyMaterial), as AWS KMS does it.

GetParametersForImport makes an RSA wrapping key pair and an import token bound to one
key, valid for 24 hours. The importer wraps its material under the public key:

* RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256: RSA-OAEP of the material itself (so not for RSA
  private keys, which are too long);
* RSA_AES_KEY_WRAP_SHA_1 / _SHA_256: a fresh 256-bit AES key wraps the material with AES
  Key Wrap with Padding (RFC 5649), the AES key is RSA-OAEP encrypted, and the result is
  the RSA ciphertext followed by the wrapped material.

ImportKeyMaterial checks the token (another key's or unknown: InvalidImportTokenException;
expired: ExpiredImportTokenException), unwraps (any failure: InvalidCiphertextException),
checks the material fits the key spec, and refuses material different from what the key
held before (IncorrectKeyMaterialException).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kmspolicy.engine.decision import Permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import _primitives as prim
from kmspolicy.kms import blob as _blob
from kmspolicy.kms.crypto import (
    BackingKey,
    CryptoKey,
    backing_key_from,
    check_material,
    require_permit,
)

__all__ = [
    "PARAMETERS_VALIDITY",
    "WRAPPING_ALGORITHMS",
    "WRAPPING_KEY_SPECS",
    "ImportParameters",
    "get_parameters_for_import",
    "import_key_material",
    "wrap_key_material",
]

PARAMETERS_VALIDITY = timedelta(hours=24)
# AlgorithmSpec -> (OAEP hash, uses AES key wrap)
WRAPPING_ALGORITHMS: dict[str, tuple[str, bool]] = {
    "RSAES_OAEP_SHA_1": ("SHA1", False),
    "RSAES_OAEP_SHA_256": ("SHA256", False),
    "RSA_AES_KEY_WRAP_SHA_1": ("SHA1", True),
    "RSA_AES_KEY_WRAP_SHA_256": ("SHA256", True),
}
WRAPPING_KEY_SPECS: dict[str, int] = {"RSA_2048": 2048, "RSA_3072": 3072, "RSA_4096": 4096}
_TOKEN_LEN = 48


@dataclass(frozen=True, slots=True)
class ImportParameters:
    key_id: str
    wrapping_algorithm: str
    wrapping_key_spec: str
    public_key: bytes  # DER SPKI of the wrapping key
    import_token: bytes
    parameters_valid_to: datetime
    private_key: bytes = field(repr=False)  # DER PKCS#8; sealed by the root key at rest


def get_parameters_for_import(
    permit: Permit,
    key: CryptoKey,
    wrapping_algorithm: str,
    wrapping_key_spec: str,
    now: datetime,
) -> ImportParameters:
    require_permit(permit, "kms:GetParametersForImport", key.arn)
    if wrapping_algorithm not in WRAPPING_ALGORITHMS:
        raise KMSError(
            "ValidationException",
            f"WrappingAlgorithm {wrapping_algorithm!r} is not supported; use one of "
            + ", ".join(WRAPPING_ALGORITHMS),
        )
    if wrapping_key_spec not in WRAPPING_KEY_SPECS:
        raise KMSError(
            "ValidationException",
            f"WrappingKeySpec {wrapping_key_spec!r} is not supported; use one of "
            + ", ".join(WRAPPING_KEY_SPECS),
        )
    private = prim.generate_rsa(WRAPPING_KEY_SPECS[wrapping_key_spec])
    return ImportParameters(
        key_id=key.key_id,
        wrapping_algorithm=wrapping_algorithm,
        wrapping_key_spec=wrapping_key_spec,
        public_key=prim.public_der_of(private),
        import_token=prim.random_bytes(_TOKEN_LEN),
        parameters_valid_to=now + PARAMETERS_VALIDITY,
        private_key=private,
    )


def wrap_key_material(public_key: bytes, wrapping_algorithm: str, material: bytes) -> bytes:
    """What an importer does with GetParametersForImport's public key (tests, admin CLI)."""
    hash_name, key_wrap = WRAPPING_ALGORITHMS[wrapping_algorithm]
    if not key_wrap:
        return prim.rsa_oaep_encrypt(public_key, hash_name, material)
    aes_key = prim.random_bytes(32)
    return prim.rsa_oaep_encrypt(public_key, hash_name, aes_key) + prim.aes_kwp_wrap(
        aes_key, material
    )


def _unwrap(params: ImportParameters, encrypted: bytes) -> bytes:
    hash_name, key_wrap = WRAPPING_ALGORITHMS[params.wrapping_algorithm]
    if not key_wrap:
        return prim.rsa_oaep_decrypt(params.private_key, hash_name, encrypted)
    rsa_len = WRAPPING_KEY_SPECS[params.wrapping_key_spec] // 8
    aes_key = prim.rsa_oaep_decrypt(params.private_key, hash_name, encrypted[:rsa_len])
    if len(aes_key) not in (16, 24, 32):
        raise ValueError("wrapped AES key has a bad length")
    return prim.aes_kwp_unwrap(aes_key, encrypted[rsa_len:])


def import_key_material(
    permit: Permit,
    key: CryptoKey,
    import_token: bytes,
    encrypted_key_material: bytes,
    parameters: ImportParameters | None,
    now: datetime,
    *,
    previous_material_ids: Collection[str] = (),
) -> BackingKey:
    """Check the token, unwrap and validate the material; the new generation to store.

    ``parameters`` are those stored under ``import_token`` (None when the token is
    unknown); ``previous_material_ids`` the KeyMaterialIds the key has ever held,
    including deleted material, since a re-import must bring the same material back.
    """
    require_permit(permit, "kms:ImportKeyMaterial", key.arn)
    if (
        parameters is None
        or not isinstance(import_token, bytes)
        or not prim.bytes_eq(parameters.import_token, import_token)
        or parameters.key_id != key.key_id
    ):
        raise KMSError(
            "InvalidImportTokenException",
            "The import token is not valid for this KMS key.",
        )
    if now >= parameters.parameters_valid_to:
        raise KMSError("ExpiredImportTokenException", "The import token has expired.")
    if (
        not isinstance(encrypted_key_material, bytes)
        or not 1 <= len(encrypted_key_material) <= _blob.MAX_BLOB
    ):
        raise _blob.invalid_ciphertext()
    try:
        material = _unwrap(parameters, encrypted_key_material)
    except ValueError:
        raise _blob.invalid_ciphertext() from None
    try:
        material = check_material(key.key_spec, material)
    except ValueError as exc:
        raise KMSError("IncorrectKeyMaterialException", str(exc)) from None
    backing = backing_key_from(key.key_id, material)
    if previous_material_ids and backing.key_material_id not in previous_material_ids:
        raise KMSError(
            "IncorrectKeyMaterialException",
            "The key material is not the key material previously imported into this KMS key.",
        )
    return backing
