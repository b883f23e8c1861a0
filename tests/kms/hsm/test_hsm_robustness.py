"""A lost session, a token that disappears, an HSM that stops answering, and many threads:
clean AWS errors and FAILED states, never a hang or a crash."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import HsmEnv, delete_token

from kmspolicy.errors import KMSError
from kmspolicy.kms.hsm.session_pool import SessionPool

# python-pkcs11 cancels an operation that failed on a dead session from a destructor, which
# raises again there; Python reports that as unraisable (stderr), nothing reaches the caller.
_DESTRUCTOR_NOISE = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _pool(hsm: HsmEnv, store_id: str) -> SessionPool:
    pool = hsm.kms.runtime.keyring.keystores.pool(store_id)
    assert pool is not None
    return pool


@_DESTRUCTOR_NOISE
def test_lost_session_is_replaced_without_an_error(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    pool = _pool(hsm, store_id)
    pool.run(lambda session, _: session.close())
    blob = hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"on"})["CiphertextBlob"]
    assert hsm.call("Decrypt", {"CiphertextBlob": blob})["Plaintext"] == b"on"
    assert pool.sessions_opened == 2
    assert hsm.describe(store_id)["ConnectionState"] == "CONNECTED"


@_DESTRUCTOR_NOISE
def test_a_token_that_disappears_fails_the_store(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    delete_token(hsm.token.label)
    with pytest.raises(KMSError) as err:
        hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"})
    assert err.value.code == "KeyUnavailableException"
    entry = hsm.describe(store_id)
    assert (entry["ConnectionState"], entry["ConnectionErrorCode"]) == (
        "FAILED",
        "CLUSTER_NOT_FOUND",
    )
    with pytest.raises(KMSError) as err:
        hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"})
    assert err.value.code == "KMSInvalidStateException"
    assert hsm.call("DescribeKey", {"KeyId": key_id})["KeyMetadata"]["KeyState"] == "Unavailable"
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    entry = hsm.describe(store_id)
    assert (entry["ConnectionState"], entry["ConnectionErrorCode"]) == (
        "FAILED",
        "CLUSTER_NOT_FOUND",
    )


def test_an_hsm_that_stops_answering_times_out(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    pool = _pool(hsm, store_id)
    pool.timeout = 0.5
    stuck = threading.Event()
    blocker = threading.Thread(target=lambda: _block(pool, stuck), daemon=True)
    blocker.start()
    try:
        with pytest.raises(KMSError) as err:
            hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"})
        assert err.value.code == "KeyUnavailableException"
        entry = hsm.describe(store_id)
        assert (entry["ConnectionState"], entry["ConnectionErrorCode"]) == (
            "FAILED",
            "NETWORK_ERRORS",
        )
    finally:
        stuck.set()
        blocker.join()
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"})["CiphertextBlob"]


def _block(pool: SessionPool, until: threading.Event) -> None:
    """Occupy the module's worker the way a call that never returns would."""
    pool.module.worker.call(lambda: until.wait(30), 60)


def test_concurrent_requests_share_the_pool_safely(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    keys = [hsm.hsm_key(store_id) for _ in range(2)]

    def work(n: int) -> int:
        done = 0
        for i in range(25):
            key_id = keys[(n + i) % 2]
            plain = f"{n}:{i}".encode()
            context = {"n": str(n)}
            blob = hsm.call(
                "Encrypt", {"KeyId": key_id, "Plaintext": plain, "EncryptionContext": context}
            )["CiphertextBlob"]
            out = hsm.call("Decrypt", {"CiphertextBlob": blob, "EncryptionContext": context})
            done += out["Plaintext"] == plain
        return done

    with ThreadPoolExecutor(8) as executor:
        results = list(executor.map(work, range(8)))
    assert results == [25] * 8
    assert _pool(hsm, store_id).sessions_opened == 1
