"""The cluster registry: PKCS#11 tokens registered as what AWS calls CloudHSM clusters.

A cluster is configuration kept in the KMS store (``kmspolicy admin hsm add|list|remove``):
its id (``cluster-`` and 11 to 16 base32 characters, as CloudHSM's), the PKCS#11 module,
the token label and a trust anchor certificate. CreateCustomKeyStore must present the same
trust anchor, as AWS checks it against the cluster's; one is generated (self-signed) when
none is given. No PIN is kept here: it arrives with CreateCustomKeyStore.
"""

from __future__ import annotations

import re
from datetime import datetime

from kmspolicy.kms import _primitives as prim
from kmspolicy.kms.hsm.session_pool import DEFAULT_TIMEOUT, HsmError, Module
from kmspolicy.kms.model import HsmClusterRecord
from kmspolicy.kms.store.base import Store

__all__ = ["CLUSTER_ID", "add_cluster", "remove_cluster", "same_certificate"]

CLUSTER_ID = re.compile(r"^cluster-[2-7a-zA-Z]{11,16}$")


def same_certificate(a: str, b: str) -> bool:
    """Whether two PEM texts hold the same certificate (whitespace and line breaks aside)."""
    try:
        return prim.bytes_eq(prim.certificate_der(a), prim.certificate_der(b))
    except ValueError:
        return False


def add_cluster(
    store: Store,
    cluster_id: str,
    module_path: str,
    token_label: str,
    now: datetime,
    *,
    trust_anchor: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> HsmClusterRecord:
    """Register a token after checking that the module loads and has the token; ValueError
    says what is wrong."""
    if not CLUSTER_ID.match(cluster_id):
        raise ValueError(
            f"cluster id {cluster_id!r} must be 'cluster-' and 11 to 16 characters of a-z, A-Z, 2-7"
        )
    if store.get_hsm_cluster(cluster_id) is not None:
        raise ValueError(f"cluster {cluster_id} is already registered")
    if trust_anchor is None:
        trust_anchor = prim.self_signed_certificate(f"kmspolicy HSM {cluster_id}")
    else:
        try:
            prim.certificate_der(trust_anchor)
        except ValueError as exc:
            raise ValueError(f"trust anchor: {exc}") from None
    module = Module.get(module_path)
    try:
        module.worker.call(lambda: module.token(token_label), timeout)
    except HsmError as exc:
        raise ValueError(str(exc)) from None
    record = HsmClusterRecord(cluster_id, module_path, token_label, trust_anchor, now)
    store.put_hsm_cluster(record)
    return record


def remove_cluster(store: Store, cluster_id: str) -> None:
    """Unregister a cluster no custom key store uses."""
    if store.get_hsm_cluster(cluster_id) is None:
        raise ValueError(f"cluster {cluster_id} is not registered")
    users = [
        s.custom_key_store_id
        for s in store.list_custom_key_stores()
        if s.cloud_hsm_cluster_id == cluster_id
    ]
    if users:
        raise ValueError(f"cluster {cluster_id} is used by custom key store {', '.join(users)}")
    store.delete_hsm_cluster(cluster_id)
