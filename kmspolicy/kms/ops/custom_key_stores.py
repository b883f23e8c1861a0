"""Custom key stores of type AWS_CLOUDHSM: CreateCustomKeyStore, ConnectCustomKeyStore,
DisconnectCustomKeyStore, DescribeCustomKeyStores, UpdateCustomKeyStore,
DeleteCustomKeyStore.

As in AWS these are authorized by IAM policies alone (the resource is "*"; no key policy is
involved) and act on the caller's account and Region. A cluster (a registered PKCS#11
token, see ``kmspolicy.kms.hsm.clusters``) serves one key store. External key stores
(EXTERNAL_KEY_STORE) are not supported.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms.hsm.clusters import same_certificate
from kmspolicy.kms.model import CustomKeyStoreRecord, HsmClusterRecord
from kmspolicy.kms.ops._common import Params, paginate
from kmspolicy.kms.runtime import CallerEntry, Runtime, unsupported, validation

__all__ = ["OPERATIONS"]

_CLOUDHSM = "AWS_CLOUDHSM"
_CLOUDHSM_MEMBERS = ("CloudHsmClusterId", "TrustAnchorCertificate", "KeyStorePassword")


def _account(who: CallerEntry) -> str:
    account = who.identity.caller.account
    if account is None:
        raise unsupported("Only IAM principals of an account can manage custom key stores.")
    return account


def _no_xks(p: Params) -> None:
    given = sorted(m for m in p if m.startswith("XksProxy") and p[m] is not None)
    if given:
        raise validation(
            f"{', '.join(given)} apply only to an EXTERNAL_KEY_STORE custom key store, "
            "which kmspolicy does not support"
        )


def invalid_state(record: CustomKeyStoreRecord, needed: str) -> KMSError:
    return KMSError(
        "CustomKeyStoreInvalidStateException",
        f"Custom key store {record.custom_key_store_id} is {record.connection_state}; "
        f"this operation needs it {needed}.",
    )


def _name_free(rt: Runtime, account: str, name: str, keep: str | None = None) -> None:
    for other in rt.store.list_custom_key_stores(account, rt.region):
        if other.name == name and other.custom_key_store_id != keep:
            raise KMSError(
                "CustomKeyStoreNameInUseException",
                f"A custom key store named {name!r} already exists in this account and Region.",
            )


def _cluster(rt: Runtime, cluster_id: str, keep: str | None = None) -> HsmClusterRecord:
    cluster = rt.store.get_hsm_cluster(cluster_id)
    if cluster is None:
        raise KMSError(
            "CloudHsmClusterNotFoundException",
            f"AWS CloudHSM cluster {cluster_id} does not exist.",
        )
    for other in rt.store.list_custom_key_stores():
        if other.cloud_hsm_cluster_id == cluster_id and other.custom_key_store_id != keep:
            raise KMSError(
                "CloudHsmClusterInUseException",
                f"AWS CloudHSM cluster {cluster_id} is already associated with custom key "
                f"store {other.custom_key_store_id}.",
            )
    return cluster


def create_custom_key_store(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:CreateCustomKeyStore", None)
    if p.get("CustomKeyStoreType", _CLOUDHSM) != _CLOUDHSM:
        raise unsupported("External key stores (EXTERNAL_KEY_STORE) are not supported.")
    _no_xks(p)
    missing = [m for m in _CLOUDHSM_MEMBERS if p.get(m) is None]
    if missing:
        raise validation(f"An AWS_CLOUDHSM custom key store needs {', '.join(missing)}")
    account = _account(who)
    name = p["CustomKeyStoreName"]
    _name_free(rt, account, name)
    cluster = _cluster(rt, p["CloudHsmClusterId"])
    if not same_certificate(p["TrustAnchorCertificate"], cluster.trust_anchor_certificate):
        raise KMSError(
            "IncorrectTrustAnchorException",
            f"The TrustAnchorCertificate does not match the trust anchor certificate of "
            f"AWS CloudHSM cluster {cluster.cluster_id}.",
        )
    store_id = f"cks-{secrets.token_hex(9)[:17]}"
    keystores = rt.keyring.keystores
    keystores.save(
        CustomKeyStoreRecord(
            custom_key_store_id=store_id,
            account_id=account,
            region=rt.region,
            name=name,
            cloud_hsm_cluster_id=cluster.cluster_id,
            trust_anchor_certificate=p["TrustAnchorCertificate"],
            wrapped_password=keystores.seal_password(store_id, p["KeyStorePassword"]),
            creation_date=rt.clock.now(),
        )
    )
    return {"CustomKeyStoreId": store_id}


def _owned(rt: Runtime, p: Params, who: CallerEntry, operation: str) -> CustomKeyStoreRecord:
    rt.authorize(who, f"kms:{operation}", None)
    return rt.keyring.keystores.owned(p["CustomKeyStoreId"], _account(who), rt.region)


def connect_custom_key_store(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    """Connects before it returns; a failure shows as FAILED with its ConnectionErrorCode
    in DescribeCustomKeyStores, not as an error of this call (as in AWS)."""
    record = _owned(rt, p, who, "ConnectCustomKeyStore")
    if record.connection_state in ("FAILED", "DISCONNECTING"):
        raise invalid_state(record, "DISCONNECTED (disconnect a FAILED store first)")
    if record.connection_state != "CONNECTED":
        rt.keyring.keystores.connect(record)
    return {}


def disconnect_custom_key_store(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    record = _owned(rt, p, who, "DisconnectCustomKeyStore")
    rt.keyring.keystores.disconnect(record)
    return {}


def describe_custom_key_stores(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:DescribeCustomKeyStores", None)
    account = _account(who)
    store_id, name = p.get("CustomKeyStoreId"), p.get("CustomKeyStoreName")
    if store_id is not None and name is not None:
        raise validation("Specify CustomKeyStoreId or CustomKeyStoreName, not both")
    if store_id is not None:
        found = [rt.keyring.keystores.owned(store_id, account, rt.region)]
    else:
        found = rt.store.list_custom_key_stores(account, rt.region)
        if name is not None:
            found = [s for s in found if s.name == name]
            if not found:
                raise KMSError(
                    "CustomKeyStoreNotFoundException",
                    f"Custom key store {name!r} does not exist in this account and Region.",
                )
    # the in-process record holds the newest connection state
    current = [rt.keyring.keystores.get(s.custom_key_store_id) or s for s in found]
    page, extra = paginate(current, p, default=100, maximum=1000)
    return {"CustomKeyStores": [s.list_entry() for s in page], **extra}


def update_custom_key_store(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    record = _owned(rt, p, who, "UpdateCustomKeyStore")
    _no_xks(p)
    if record.connection_state != "DISCONNECTED":
        raise invalid_state(record, "DISCONNECTED")
    changes: dict[str, Any] = {}
    keystores = rt.keyring.keystores
    if p.get("NewCustomKeyStoreName") is not None:
        _name_free(rt, record.account_id, p["NewCustomKeyStoreName"], record.custom_key_store_id)
        changes["name"] = p["NewCustomKeyStoreName"]
    if p.get("KeyStorePassword") is not None:
        changes["wrapped_password"] = keystores.seal_password(
            record.custom_key_store_id, p["KeyStorePassword"]
        )
    cluster_id = p.get("CloudHsmClusterId")
    if cluster_id is not None and cluster_id != record.cloud_hsm_cluster_id:
        cluster = _cluster(rt, cluster_id, record.custom_key_store_id)
        # a related cluster (a copy of the same one) has the same trust anchor
        if not same_certificate(cluster.trust_anchor_certificate, record.trust_anchor_certificate):
            raise KMSError(
                "CloudHsmClusterNotRelatedException",
                f"AWS CloudHSM cluster {cluster_id} is not related to cluster "
                f"{record.cloud_hsm_cluster_id} of custom key store {record.custom_key_store_id}.",
            )
        changes["cloud_hsm_cluster_id"] = cluster_id
    if changes:
        keystores.save(replace(record, **changes))
    return {}


def delete_custom_key_store(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    record = _owned(rt, p, who, "DeleteCustomKeyStore")
    if record.connection_state != "DISCONNECTED":
        raise invalid_state(record, "DISCONNECTED")
    if rt.store.list_keys_in_custom_key_store(record.custom_key_store_id):
        raise KMSError(
            "CustomKeyStoreHasCMKsException",
            f"Custom key store {record.custom_key_store_id} contains KMS keys. Schedule their "
            "deletion and delete the store once they are deleted.",
        )
    rt.keyring.keystores.delete(record)
    return {}


OPERATIONS = {
    "CreateCustomKeyStore": create_custom_key_store,
    "ConnectCustomKeyStore": connect_custom_key_store,
    "DisconnectCustomKeyStore": disconnect_custom_key_store,
    "DescribeCustomKeyStores": describe_custom_key_stores,
    "UpdateCustomKeyStore": update_custom_key_store,
    "DeleteCustomKeyStore": delete_custom_key_store,
}
