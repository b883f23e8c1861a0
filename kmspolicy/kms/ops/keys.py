"""Key lifecycle: CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey,
ScheduleKeyDeletion, CancelKeyDeletion, UpdateKeyDescription, GetKeyLastUsage."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

from kmspolicy.engine.request import KeyInfo
from kmspolicy.errors import KMSError
from kmspolicy.kms.model import KeyRecord
from kmspolicy.kms.ops._common import Params, check_tags, grant_tokens, paginate, ready, resolve
from kmspolicy.kms.ops.policies import check_lockout, default_policy, parse_key_policy
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, unsupported, validation
from kmspolicy.kms.specs import KEY_SPECS

__all__ = ["OPERATIONS", "metadata"]

PENDING_WINDOW_DAYS = (7, 30)
_SUPPORTED_ORIGINS = ("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM")


def metadata(rt: Runtime, record: KeyRecord) -> dict[str, Any]:
    """KeyMetadata, with the current key material id where the key has material."""
    generations = rt.store.list_backing_keys(record.key_id)
    current = next(
        (
            g.key_material_id
            for g in reversed(generations)
            if g.wrapped_material is not None or g.hsm_object_id is not None
        ),
        None,
    )
    if record.key_spec != "SYMMETRIC_DEFAULT":
        current = None
    if record.custom_key_store_id is None:
        return record.key_metadata(current)
    keystores = rt.keyring.keystores
    md = keystores.effective(record).key_metadata(current)
    cluster_id = keystores.cluster_id(record)
    if cluster_id is not None:
        md["CloudHsmClusterId"] = cluster_id
    return md


def _spec_and_usage(p: Params) -> tuple[str, str]:
    spec = p.get("KeySpec")
    legacy = p.get("CustomerMasterKeySpec")
    if spec is not None and legacy is not None and spec != legacy:
        raise validation("KeySpec and CustomerMasterKeySpec must not both be given")
    spec = spec or legacy or "SYMMETRIC_DEFAULT"
    if spec not in KEY_SPECS:
        raise unsupported(f"KeySpec {spec} is not supported in this Region.")
    usage = p.get("KeyUsage", "ENCRYPT_DECRYPT")
    if usage not in KEY_SPECS[spec].usages:
        raise validation(
            f"KeyUsage {usage} is not compatible with KeySpec {spec}; use one of "
            + ", ".join(KEY_SPECS[spec].usages)
        )
    return spec, usage


def _custom_key_store(
    rt: Runtime,
    p: Params,
    account: str,
    origin: str,
    spec: str,
    usage: str,
    multi_region: bool,
) -> str | None:
    """The AWS CloudHSM key store a new key goes in (None for other keys): it must be the
    caller's, CONNECTED, and the key symmetric, single-Region, of origin AWS_CLOUDHSM."""
    store_id: str | None = p.get("CustomKeyStoreId")
    if store_id is None:
        if origin == "AWS_CLOUDHSM":
            raise validation("Origin AWS_CLOUDHSM needs a CustomKeyStoreId")
        return None
    if origin != "AWS_CLOUDHSM":
        raise validation("A key in an AWS CloudHSM key store needs Origin AWS_CLOUDHSM")
    if spec != "SYMMETRIC_DEFAULT" or usage != "ENCRYPT_DECRYPT":
        raise unsupported("A custom key store holds only SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys.")
    if multi_region:
        raise unsupported("Multi-Region keys cannot be created in a custom key store.")
    record = rt.keyring.keystores.owned(store_id, account, rt.region)
    if record.connection_state != "CONNECTED":
        raise KMSError(
            "CustomKeyStoreInvalidStateException",
            f"Custom key store {store_id} is {record.connection_state}; keys can be created "
            "only in a CONNECTED custom key store.",
        )
    return store_id


def create_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:CreateKey", None)
    tags = check_tags(p.get("Tags") or ())
    if tags:
        # AWS: tagging at creation also needs kms:TagResource in an IAM policy
        rt.authorize(who, "kms:TagResource", None)
    if p.get("XksKeyId") is not None:
        raise unsupported("External key stores (XksKeyId) are not supported.")
    spec, usage = _spec_and_usage(p)
    origin = p.get("Origin", "AWS_KMS")
    if origin not in _SUPPORTED_ORIGINS:
        raise unsupported(f"Origin {origin} needs an external key store, which is not supported.")
    caller = who.identity.caller
    account = caller.account
    if account is None:
        raise unsupported("Only IAM principals of an account can create keys.")
    multi_region = bool(p.get("MultiRegion", False))
    store_id = _custom_key_store(rt, p, account, origin, spec, usage, multi_region)
    key_id = f"mrk-{uuid.uuid4().hex}" if multi_region else str(uuid.uuid4())
    arn = f"arn:aws:kms:{rt.region}:{account}:key/{key_id}"
    policy_text = p.get("Policy")
    given = policy_text is not None
    if policy_text is None:
        policy_text = default_policy(account)
    document = parse_key_policy(policy_text)
    record = KeyRecord(
        key_id=key_id,
        arn=arn,
        account_id=account,
        region=rt.region,
        creation_date=rt.clock.now(),
        key_spec=spec,
        key_usage=usage,
        origin=origin,
        key_state="PendingImport" if origin == "EXTERNAL" else "Enabled",
        description=p.get("Description", ""),
        policy=policy_text,
        multi_region=multi_region,
        multi_region_key_type="PRIMARY" if multi_region else None,
        custom_key_store_id=store_id,
    )
    if given:
        info = KeyInfo(
            arn=arn,
            key_spec=spec,
            key_usage=usage,
            origin=origin,
            multi_region=multi_region,
            multi_region_key_type=record.multi_region_key_type,
            tags=tags,
            state=record.key_state,
        )
        check_lockout(rt, who, document, record, info, p)
    rt.store.put_key(record)
    if origin in ("AWS_KMS", "AWS_CLOUDHSM"):
        try:
            rt.keyring.create_material(record)
        except KMSError:  # the HSM failed: no key without material
            rt.store.delete_key(key_id)
            raise
    if tags:
        rt.store.set_tags(key_id, tags)
    return {"KeyMetadata": metadata(rt, record)}


def describe_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    tokens = grant_tokens(rt, p)
    entry, alias = resolve(rt, p, who, "DescribeKey", alias_allowed=True)
    rt.authorize(who, "kms:DescribeKey", entry, key_id_alias=alias, grant_tokens=tokens)
    return {"KeyMetadata": metadata(rt, entry.record)}


def list_keys(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:ListKeys", None)
    account = who.identity.caller.account or ""
    keys = rt.store.list_keys(account, rt.region)
    page, extra = paginate(keys, p, default=100, maximum=1000)
    return {"Keys": [{"KeyId": k.key_id, "KeyArn": k.arn} for k in page], **extra}


def _set_state(rt: Runtime, entry: KeyEntry, **changes: Any) -> KeyRecord:
    record = replace(entry.record, **changes)
    rt.store.put_key(record)
    rt.forget_key(record.key_id)
    return record


def enable_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "EnableKey")
    rt.authorize(who, "kms:EnableKey", entry)
    ready(rt, "EnableKey", entry)
    _set_state(rt, entry, key_state="Enabled")
    return {}


def disable_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "DisableKey")
    rt.authorize(who, "kms:DisableKey", entry)
    ready(rt, "DisableKey", entry)
    _set_state(rt, entry, key_state="Disabled")
    return {}


def schedule_key_deletion(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "ScheduleKeyDeletion")
    rt.authorize(who, "kms:ScheduleKeyDeletion", entry)
    days = p.get("PendingWindowInDays", 30)
    low, high = PENDING_WINDOW_DAYS
    if not low <= days <= high:
        raise validation(
            f"1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to "
            f"satisfy constraint: Member must have value between {low} and {high}"
        )
    ready(rt, "ScheduleKeyDeletion", entry)
    when = rt.clock.now() + timedelta(days=days)
    record = _set_state(
        rt,
        entry,
        key_state="PendingDeletion",
        deletion_date=when,
        pending_deletion_window_in_days=days,
    )
    return {
        "KeyId": record.arn,
        "DeletionDate": when,
        "KeyState": record.key_state,
        "PendingWindowInDays": days,
    }


def cancel_key_deletion(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "CancelKeyDeletion")
    rt.authorize(who, "kms:CancelKeyDeletion", entry)
    ready(rt, "CancelKeyDeletion", entry)
    record = _set_state(
        rt,
        entry,
        key_state="Disabled",
        deletion_date=None,
        pending_deletion_window_in_days=None,
    )
    return {"KeyId": record.arn}


def update_key_description(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "UpdateKeyDescription")
    rt.authorize(who, "kms:UpdateKeyDescription", entry)
    ready(rt, "UpdateKeyDescription", entry)
    _set_state(rt, entry, description=p["Description"])
    return {}


def get_key_last_usage(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "GetKeyLastUsage")
    rt.authorize(who, "kms:GetKeyLastUsage", entry)
    record = entry.record
    out: dict[str, Any] = {
        "KeyId": record.arn,
        "KeyCreationDate": record.creation_date,
        "TrackingStartDate": record.creation_date,
    }
    usage = rt.last_usage(record.key_id)
    if usage is not None:
        out["KeyLastUsage"] = {
            "Operation": usage.operation,
            "Timestamp": usage.timestamp,
            "KmsRequestId": usage.kms_request_id,
        }
    return out


OPERATIONS = {
    "CreateKey": create_key,
    "DescribeKey": describe_key,
    "ListKeys": list_keys,
    "EnableKey": enable_key,
    "DisableKey": disable_key,
    "ScheduleKeyDeletion": schedule_key_deletion,
    "CancelKeyDeletion": cancel_key_deletion,
    "UpdateKeyDescription": update_key_description,
    "GetKeyLastUsage": get_key_last_usage,
}
