"""AWS_CLOUDHSM custom key stores: their records, connections and the HSM work for their keys.

One ``CustomKeyStores`` per KMS. It caches the store records (one KMS object per data
directory, as for every other cache) and holds, for each CONNECTED key store, the
``SessionPool`` of its cluster's token. The crypto user's PIN (CreateCustomKeyStore's
KeyStorePassword) is kept sealed by the root key and opened only to log in.

Connection states follow AWS: a new store is DISCONNECTED; ConnectCustomKeyStore logs in and
gives CONNECTED, or FAILED with a ``ConnectionErrorCode``; DisconnectCustomKeyStore gives
DISCONNECTED. Connecting runs to completion inside the call, so CONNECTING is never seen.
An HSM failure during an operation that re-opening the session cannot cure (the token is
gone, it stopped answering, the PIN no longer works) turns the store FAILED with the code
that says why; the operation fails with ``KeyUnavailableException`` and later ones with
``KMSInvalidStateException``, because a key in a store that is not CONNECTED is
``Unavailable`` (unless it is pending deletion), as AWS documents.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from pkcs11 import Attribute, KeyType

from kmspolicy.errors import KMSError
from kmspolicy.kms.hsm.aead import HsmAead
from kmspolicy.kms.hsm.session_pool import DEFAULT_TIMEOUT, HsmError, HsmFailure, SessionPool
from kmspolicy.kms.model import CustomKeyStoreRecord, HsmClusterRecord, KeyRecord, WrappedSecret
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store.base import Store

__all__ = ["KEY_STORE_PASSWORD", "CustomKeyStores", "connection_error_code"]

T = TypeVar("T")
KEY_STORE_PASSWORD = "key-store-password"
_OBJECT_ID_LEN = 16
_CONNECTION_ERRORS = {
    HsmFailure.CREDENTIALS: "INVALID_CREDENTIALS",
    HsmFailure.LOCKED: "USER_LOCKED_OUT",
    HsmFailure.LOGGED_IN: "USER_LOGGED_IN",
    HsmFailure.TOKEN_NOT_FOUND: "CLUSTER_NOT_FOUND",
    HsmFailure.MODULE: "NETWORK_ERRORS",
    HsmFailure.LOST: "NETWORK_ERRORS",
    HsmFailure.TIMEOUT: "NETWORK_ERRORS",
}


def connection_error_code(failure: HsmFailure) -> str:
    return _CONNECTION_ERRORS.get(failure, "INTERNAL_ERROR")


def _key_template(label: str) -> dict[Attribute, Any]:
    """A token object that never leaves the HSM: sensitive, never extractable, usable only
    to encrypt and decrypt."""
    return {
        Attribute.TOKEN: True,
        Attribute.PRIVATE: True,
        Attribute.SENSITIVE: True,
        Attribute.EXTRACTABLE: False,
        Attribute.ENCRYPT: True,
        Attribute.DECRYPT: True,
        Attribute.WRAP: False,
        Attribute.UNWRAP: False,
        Attribute.SIGN: False,
        Attribute.VERIFY: False,
        Attribute.DERIVE: False,
        Attribute.LABEL: label,
    }


class CustomKeyStores:
    def __init__(self, store: Store, root_key: RootKey, *, timeout: float = DEFAULT_TIMEOUT):
        self.store = store
        self.root_key = root_key
        self.timeout = timeout
        self._records: dict[str, CustomKeyStoreRecord | None] = {}
        self._pools: dict[str, SessionPool] = {}
        self._lock = threading.RLock()

    # --- records -----------------------------------------------------------------------

    def get(self, store_id: str) -> CustomKeyStoreRecord | None:
        if store_id in self._records:
            return self._records[store_id]
        record = self.store.get_custom_key_store(store_id)
        with self._lock:
            self._records[store_id] = record
        return record

    def owned(self, store_id: str, account: str, region: str) -> CustomKeyStoreRecord:
        """The caller's key store, or CustomKeyStoreNotFoundException."""
        record = self.get(store_id)
        if record is None or record.account_id != account or record.region != region:
            raise KMSError(
                "CustomKeyStoreNotFoundException",
                f"Custom key store {store_id} does not exist in this account and Region.",
            )
        return record

    def save(self, record: CustomKeyStoreRecord) -> CustomKeyStoreRecord:
        self.store.put_custom_key_store(record)
        with self._lock:
            self._records[record.custom_key_store_id] = record
        return record

    def delete(self, record: CustomKeyStoreRecord) -> None:
        self.store.delete_custom_key_store(record.custom_key_store_id)
        with self._lock:
            self._records[record.custom_key_store_id] = None

    def seal_password(self, store_id: str, password: str) -> WrappedSecret:
        return self.root_key.wrap(KEY_STORE_PASSWORD, store_id, password.encode("utf-8"))

    def cluster(self, record: CustomKeyStoreRecord) -> HsmClusterRecord:
        cluster = self.store.get_hsm_cluster(record.cloud_hsm_cluster_id)
        if cluster is None:
            raise KMSError(
                "CloudHsmClusterNotFoundException",
                f"AWS CloudHSM cluster {record.cloud_hsm_cluster_id} is not registered.",
            )
        return cluster

    # --- connections -------------------------------------------------------------------

    def connect(self, record: CustomKeyStoreRecord) -> CustomKeyStoreRecord:
        """Log in to the cluster's token: CONNECTED, or FAILED with the reason."""
        with self._lock:
            self._release(record.custom_key_store_id)
            try:
                self._pools[record.custom_key_store_id] = self._login(record)
            except HsmError as exc:
                code = connection_error_code(exc.failure)
                return self.save(
                    replace(record, connection_state="FAILED", connection_error_code=code)
                )
            return self.save(
                replace(record, connection_state="CONNECTED", connection_error_code=None)
            )

    def disconnect(self, record: CustomKeyStoreRecord) -> CustomKeyStoreRecord:
        with self._lock:
            self._release(record.custom_key_store_id)
            return self.save(
                replace(record, connection_state="DISCONNECTED", connection_error_code=None)
            )

    def _login(self, record: CustomKeyStoreRecord) -> SessionPool:
        cluster = self.store.get_hsm_cluster(record.cloud_hsm_cluster_id)
        if cluster is None:
            raise HsmError(HsmFailure.TOKEN_NOT_FOUND, "the cluster is no longer registered")
        pin = self.root_key.unwrap(
            KEY_STORE_PASSWORD, record.custom_key_store_id, record.wrapped_password
        ).decode("utf-8")
        return SessionPool.acquire(
            cluster.module_path, cluster.token_label, pin, timeout=self.timeout
        )

    def _release(self, store_id: str) -> None:
        pool = self._pools.pop(store_id, None)
        if pool is not None:
            pool.release()

    def _fail(self, store_id: str, failure: HsmFailure) -> None:
        with self._lock:
            self._release(store_id)
            record = self.get(store_id)
            if record is not None and record.connection_state == "CONNECTED":
                self.save(
                    replace(
                        record,
                        connection_state="FAILED",
                        connection_error_code=connection_error_code(failure),
                    )
                )

    def close(self) -> None:
        with self._lock:
            for store_id in list(self._pools):
                self._release(store_id)

    def pool(self, store_id: str) -> SessionPool | None:
        """The connected store's pool in this process (None while not connected)."""
        return self._pools.get(store_id)

    # --- keys in the stores ------------------------------------------------------------

    def effective(self, key: KeyRecord) -> KeyRecord:
        """``key`` with the state AWS reports: Unavailable while its store is not
        CONNECTED, unless it is pending deletion."""
        if key.custom_key_store_id is None or key.key_state == "PendingDeletion":
            return key
        record = self.get(key.custom_key_store_id)
        if record is not None and record.connection_state == "CONNECTED":
            return key
        return replace(key, key_state="Unavailable")

    def cluster_id(self, key: KeyRecord) -> str | None:
        if key.custom_key_store_id is None:
            return None
        record = self.get(key.custom_key_store_id)
        return None if record is None else record.cloud_hsm_cluster_id

    def run(self, store_id: str, what: str, op: Callable[[Any, SessionPool], T]) -> T:
        """``op`` on the store's token. Connection failures turn the store FAILED and raise
        KeyUnavailableException; an operation the token refuses raises HsmError(OPERATION)."""
        pool = self._connected_pool(store_id, what)
        try:
            return pool.run(op)
        except HsmError as exc:
            if exc.failure is HsmFailure.OPERATION:
                raise
            if exc.failure is HsmFailure.KEY_NOT_FOUND:
                raise KMSError(
                    "KMSInvalidStateException",
                    f"The key material of {what} is not in its AWS CloudHSM cluster.",
                ) from None
            self._fail(store_id, exc.failure)
            raise KMSError(
                "KeyUnavailableException",
                f"{what} is unavailable: custom key store {store_id} lost its connection "
                f"to the AWS CloudHSM cluster ({exc}).",
            ) from None

    def _connected_pool(self, store_id: str, what: str) -> SessionPool:
        pool = self._pools.get(store_id)
        if pool is not None:
            return pool
        with self._lock:
            record = self.get(store_id)
            if record is None or record.connection_state != "CONNECTED":
                raise KMSError("KMSInvalidStateException", f"{what} is unavailable.")
            pool = self._pools.get(store_id)
            if pool is None:  # connected in an earlier run of this process: log in again
                try:
                    pool = self._pools[store_id] = self._login(record)
                except HsmError as exc:
                    self._fail(store_id, exc.failure)
                    raise KMSError(
                        "KeyUnavailableException",
                        f"{what} is unavailable: custom key store {store_id} cannot connect "
                        f"to its AWS CloudHSM cluster ({exc}).",
                    ) from None
            return pool

    def generate_key(self, key: KeyRecord) -> bytes:
        """A new AES-256 token object for ``key``, labelled with its key id; its CKA_ID."""
        assert key.custom_key_store_id is not None
        object_id = uuid.uuid4().bytes[:_OBJECT_ID_LEN]

        def generate(session: Any, pool: SessionPool) -> None:
            template = {**_key_template(key.key_id), Attribute.ID: object_id}
            session.generate_key(KeyType.AES, 256, store=True, template=template)

        try:
            self.run(key.custom_key_store_id, key.arn, generate)
        except HsmError as exc:
            raise KMSError(
                "KMSInternalException", f"the HSM could not generate key material: {exc}"
            ) from None
        return object_id

    def destroy_key(self, store_id: str, object_id: bytes) -> bool:
        """Destroy a key's token object; False when the store cannot reach it (the material
        stays in the token, orphaned, as AWS leaves it)."""

        def destroy(session: Any, pool: SessionPool) -> None:
            pool.key(object_id).destroy()

        try:
            self.run(store_id, f"key material {object_id.hex()}", destroy)
        except (KMSError, HsmError):
            return False
        return True

    def aead(self, key: KeyRecord, object_id: bytes) -> HsmAead:
        assert key.custom_key_store_id is not None
        return HsmAead(self, key.custom_key_store_id, object_id, key.arn)

    def generate_random(self, store_id: str, number_of_bytes: int) -> bytes:
        def draw(session: Any, pool: SessionPool) -> bytes:
            data: bytes = session.generate_random(number_of_bytes * 8)
            return data

        try:
            return self.run(store_id, f"custom key store {store_id}", draw)
        except HsmError as exc:
            raise KMSError(
                "KMSInternalException", f"the HSM refused GenerateRandom: {exc}"
            ) from None
