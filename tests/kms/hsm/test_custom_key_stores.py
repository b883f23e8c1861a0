"""The six custom key store operations through ``kms.call``: states, errors, authorization,
the sealed password, and stores that still hold keys."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import HsmEnv, new_cluster_id
from kms_service_env import ADMIN, ALICE, CAROL, check_shape
from pkcs11 import Attribute

from kmspolicy.errors import KMSError
from kmspolicy.kms import _primitives as prim
from kmspolicy.kms.hsm.clusters import add_cluster


def _error(hsm: HsmEnv, operation: str, params: dict[str, Any], caller: str = ADMIN) -> KMSError:
    with pytest.raises(KMSError) as err:
        hsm.call(operation, params, caller)
    return err.value


def test_lifecycle_disconnected_connected_disconnected_deleted(hsm: HsmEnv) -> None:
    store_id = hsm.create_store()
    assert store_id.startswith("cks-") and len(store_id) == 21
    entry = hsm.describe(store_id)
    assert entry["ConnectionState"] == "DISCONNECTED"
    assert "ConnectionErrorCode" not in entry
    assert entry["CloudHsmClusterId"] == hsm.cluster.cluster_id
    assert entry["CustomKeyStoreType"] == "AWS_CLOUDHSM"
    assert entry["CustomKeyStoreName"] == "hsm-store"
    reply = hsm.call("DescribeCustomKeyStores", {"CustomKeyStoreName": "hsm-store"})
    check_shape("DescribeCustomKeyStores", reply)
    assert [s["CustomKeyStoreId"] for s in reply["CustomKeyStores"]] == [store_id]
    assert hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id}) == {}
    assert hsm.describe(store_id)["ConnectionState"] == "CONNECTED"
    assert hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id}) == {}  # no-op
    for operation, params in (
        ("UpdateCustomKeyStore", {"NewCustomKeyStoreName": "renamed"}),
        ("DeleteCustomKeyStore", {}),
    ):
        err = _error(hsm, operation, {"CustomKeyStoreId": store_id, **params})
        assert err.code == "CustomKeyStoreInvalidStateException"
    assert hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id}) == {}
    assert hsm.describe(store_id)["ConnectionState"] == "DISCONNECTED"
    hsm.call("UpdateCustomKeyStore", {"CustomKeyStoreId": store_id, "NewCustomKeyStoreName": "b"})
    assert hsm.describe(store_id)["CustomKeyStoreName"] == "b"
    assert hsm.call("DeleteCustomKeyStore", {"CustomKeyStoreId": store_id}) == {}
    err = _error(hsm, "DescribeCustomKeyStores", {"CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreNotFoundException"
    assert hsm.call("DescribeCustomKeyStores")["CustomKeyStores"] == []


def test_wrong_password_fails_the_connection_until_updated(hsm: HsmEnv) -> None:
    store_id = hsm.create_store(password="wrong-password")
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    entry = hsm.describe(store_id)
    assert (entry["ConnectionState"], entry["ConnectionErrorCode"]) == (
        "FAILED",
        "INVALID_CREDENTIALS",
    )
    err = _error(hsm, "ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreInvalidStateException"  # a FAILED store: disconnect first
    err = _error(hsm, "CreateKey", {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreInvalidStateException"
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert "ConnectionErrorCode" not in hsm.describe(store_id)
    hsm.call(
        "UpdateCustomKeyStore", {"CustomKeyStoreId": store_id, "KeyStorePassword": hsm.token.pin}
    )
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert hsm.describe(store_id)["ConnectionState"] == "CONNECTED"


def test_password_is_sealed_at_rest(hsm: HsmEnv, tmp_path: Path) -> None:
    store_id = hsm.create_store()
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    files = [p for p in (tmp_path / "data").iterdir() if p.name.startswith("kms.db")]
    raw = b"".join(p.read_bytes() for p in files)
    assert raw and hsm.token.pin.encode() not in raw


def test_create_refusals(hsm: HsmEnv) -> None:
    good = {
        "CustomKeyStoreName": "s",
        "CloudHsmClusterId": hsm.cluster.cluster_id,
        "TrustAnchorCertificate": hsm.cluster.trust_anchor_certificate,
        "KeyStorePassword": hsm.token.pin,
    }
    cases = [
        ({"CloudHsmClusterId": "cluster-234567abcdefg"}, "CloudHsmClusterNotFoundException"),
        (
            {"TrustAnchorCertificate": prim.self_signed_certificate("someone else")},
            "IncorrectTrustAnchorException",
        ),
        ({"TrustAnchorCertificate": "not a certificate"}, "IncorrectTrustAnchorException"),
        ({"CustomKeyStoreType": "EXTERNAL_KEY_STORE"}, "UnsupportedOperationException"),
        ({"XksProxyUriPath": "/kms/xks/v1"}, "ValidationException"),
        ({"CloudHsmClusterId": "cluster-1"}, "ValidationException"),  # the model's pattern
        ({"KeyStorePassword": "short"}, "ValidationException"),
    ]
    for change, code in cases:
        assert _error(hsm, "CreateCustomKeyStore", {**good, **change}).code == code, change
    missing = {k: v for k, v in good.items() if k != "KeyStorePassword"}
    assert _error(hsm, "CreateCustomKeyStore", missing).code == "ValidationException"
    hsm.call("CreateCustomKeyStore", good)
    assert _error(hsm, "CreateCustomKeyStore", good).code == "CustomKeyStoreNameInUseException"
    renamed = {**good, "CustomKeyStoreName": "t"}
    assert _error(hsm, "CreateCustomKeyStore", renamed).code == "CloudHsmClusterInUseException"


def test_stores_belong_to_an_account(hsm: HsmEnv) -> None:
    store_id = hsm.create_store()
    for operation in ("DescribeCustomKeyStores", "ConnectCustomKeyStore", "DeleteCustomKeyStore"):
        err = _error(hsm, operation, {"CustomKeyStoreId": store_id}, CAROL)
        assert err.code == "CustomKeyStoreNotFoundException"
    assert hsm.call("DescribeCustomKeyStores", {}, CAROL)["CustomKeyStores"] == []


def test_iam_policy_alone_authorizes(hsm: HsmEnv) -> None:
    store_id = hsm.create_store()
    for operation in (
        "DescribeCustomKeyStores",
        "ConnectCustomKeyStore",
        "DisconnectCustomKeyStore",
        "UpdateCustomKeyStore",
        "DeleteCustomKeyStore",
    ):
        err = _error(hsm, operation, {"CustomKeyStoreId": store_id}, ALICE)
        assert err.code == "AccessDeniedException"
        assert f"kms:{operation} on resource: *" in err.message
    describe_only = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "kms:Describe*", "Resource": "*"}],
    }
    hsm.kms.directory.attach_policy(ALICE, "describe", json.dumps(describe_only))
    reply = hsm.call("DescribeCustomKeyStores", {"CustomKeyStoreId": store_id}, ALICE)
    assert reply["CustomKeyStores"][0]["CustomKeyStoreId"] == store_id
    err = _error(hsm, "ConnectCustomKeyStore", {"CustomKeyStoreId": store_id}, ALICE)
    assert err.code == "AccessDeniedException"


def test_a_store_with_keys_cannot_be_deleted_until_they_are(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    hsm.call("ScheduleKeyDeletion", {"KeyId": key_id, "PendingWindowInDays": 7})
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    err = _error(hsm, "DeleteCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreHasCMKsException"
    # a key pending deletion keeps that state while its store is disconnected
    state = hsm.call("DescribeKey", {"KeyId": key_id})["KeyMetadata"]["KeyState"]
    assert state == "PendingDeletion"
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    pool = hsm.kms.runtime.keyring.keystores.pool(store_id)
    assert pool is not None
    assert _objects_labelled(pool, key_id) == 1
    hsm.clock.advance(timedelta(days=8))
    assert hsm.kms.run_due_tasks().deleted == (key_id,)
    assert _objects_labelled(pool, key_id) == 0  # the token object went with the key
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    assert hsm.call("DeleteCustomKeyStore", {"CustomKeyStoreId": store_id}) == {}


def _objects_labelled(pool: Any, label: str) -> int:
    return pool.run(lambda session, _: len(list(session.get_objects({Attribute.LABEL: label}))))


def test_update_to_a_related_cluster_only(hsm: HsmEnv) -> None:
    store_id = hsm.create_store()
    stranger = add_cluster(
        hsm.kms.store, new_cluster_id(), hsm.token.module, hsm.token.label, hsm.clock.now()
    )
    err = _error(
        hsm,
        "UpdateCustomKeyStore",
        {"CustomKeyStoreId": store_id, "CloudHsmClusterId": stranger.cluster_id},
    )
    assert err.code == "CloudHsmClusterNotRelatedException"
    related = add_cluster(
        hsm.kms.store,
        new_cluster_id(),
        hsm.token.module,
        hsm.token.label,
        hsm.clock.now(),
        trust_anchor=hsm.cluster.trust_anchor_certificate,
    )
    hsm.call(
        "UpdateCustomKeyStore",
        {"CustomKeyStoreId": store_id, "CloudHsmClusterId": related.cluster_id},
    )
    assert hsm.describe(store_id)["CloudHsmClusterId"] == related.cluster_id
