"""AES-256-GCM inside an HSM, with the interface of the software AES-GCM object
(``encrypt(nonce, data, aad)`` / ``decrypt(nonce, data, aad)``), so the symmetric recipes in
``kmspolicy.kms.crypto`` and the blob format are the same for HSM keys as for any other.

CKM_AES_GCM with the caller's 96-bit nonce, the blob header and encryption context as
additional data, and a 128-bit tag appended to the ciphertext, as the software path does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pkcs11 import Mechanism
from pkcs11.mechanisms import GCMParams

from kmspolicy.errors import KMSError
from kmspolicy.kms.hsm.session_pool import HsmError, SessionPool

if TYPE_CHECKING:
    from kmspolicy.kms.hsm.keystores import CustomKeyStores

__all__ = ["HsmAead"]

_TAG_BITS = 128


class HsmAead:
    __slots__ = ("_arn", "_object_id", "_store_id", "_stores")

    def __init__(self, stores: CustomKeyStores, store_id: str, object_id: bytes, arn: str):
        self._stores = stores
        self._store_id = store_id
        self._object_id = object_id
        self._arn = arn

    def __repr__(self) -> str:
        return f"HsmAead({self._store_id}, {self._object_id.hex()})"

    def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        def op(session: Any, pool: SessionPool) -> bytes:
            out: bytes = pool.key(self._object_id).encrypt(
                data, mechanism=Mechanism.AES_GCM, mechanism_param=GCMParams(nonce, aad, _TAG_BITS)
            )
            return out

        try:
            return self._stores.run(self._store_id, self._arn, op)
        except HsmError as exc:
            raise KMSError("KMSInternalException", f"the HSM refused to encrypt: {exc}") from None

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """The plaintext, or ValueError when the token refuses it (a failed tag)."""

        def op(session: Any, pool: SessionPool) -> bytes:
            out: bytes = pool.key(self._object_id).decrypt(
                data, mechanism=Mechanism.AES_GCM, mechanism_param=GCMParams(nonce, aad, _TAG_BITS)
            )
            return out

        try:
            return self._stores.run(self._store_id, self._arn, op)
        except HsmError:
            raise ValueError("authentication failed") from None
