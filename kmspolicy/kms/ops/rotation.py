"""Rotation: EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus,
RotateKeyOnDemand, ListKeyRotations. Automatic rotations happen in ``KMS.run_due_tasks``."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms.ops._common import Params, paginate, ready
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, unsupported

__all__ = ["MAX_ON_DEMAND_ROTATIONS", "OPERATIONS"]

MAX_ON_DEMAND_ROTATIONS = 25
DEFAULT_PERIOD_DAYS = 365


def _rotatable(entry: KeyEntry) -> None:
    record = entry.record
    if record.key_spec != "SYMMETRIC_DEFAULT" or record.origin != "AWS_KMS":
        raise unsupported(f"{record.arn} does not support automatic key rotation.")


def _key(rt: Runtime, p: Params, who: CallerEntry, operation: str) -> KeyEntry:
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    rt.authorize(who, f"kms:{operation}", entry)
    return entry


def enable_key_rotation(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry = _key(rt, p, who, "EnableKeyRotation")
    _rotatable(entry)
    ready(rt, "EnableKeyRotation", entry)
    period = p.get("RotationPeriodInDays", DEFAULT_PERIOD_DAYS)
    record = entry.record
    rt.store.put_key(
        replace(
            record,
            rotation_enabled=True,
            rotation_period_in_days=period,
            next_rotation_date=rt.clock.now() + timedelta(days=period),
        )
    )
    rt.forget_key(record.key_id)
    return {}


def disable_key_rotation(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry = _key(rt, p, who, "DisableKeyRotation")
    _rotatable(entry)
    ready(rt, "DisableKeyRotation", entry)
    rt.store.put_key(
        replace(
            entry.record,
            rotation_enabled=False,
            rotation_period_in_days=None,
            next_rotation_date=None,
        )
    )
    rt.forget_key(entry.record.key_id)
    return {}


def get_key_rotation_status(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry = _key(rt, p, who, "GetKeyRotationStatus")
    _rotatable(entry)
    record = entry.record
    out: dict[str, Any] = {"KeyId": record.arn, "KeyRotationEnabled": record.rotation_enabled}
    if record.rotation_enabled:
        out["RotationPeriodInDays"] = record.rotation_period_in_days
        if record.next_rotation_date is not None:
            out["NextRotationDate"] = record.next_rotation_date
    if record.on_demand_rotation_start_date is not None:
        out["OnDemandRotationStartDate"] = record.on_demand_rotation_start_date
    return out


def rotate_key_on_demand(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry = _key(rt, p, who, "RotateKeyOnDemand")
    _rotatable(entry)
    ready(rt, "RotateKeyOnDemand", entry)
    record = entry.record
    done = sum(1 for r in rt.store.list_rotations(record.key_id) if r.rotation_type == "ON_DEMAND")
    if done >= MAX_ON_DEMAND_ROTATIONS:
        raise KMSError(
            "LimitExceededException",
            f"{record.arn} has reached the maximum of {MAX_ON_DEMAND_ROTATIONS} on-demand "
            "rotations.",
        )
    rt.keyring.rotate(record, "ON_DEMAND")
    rt.forget_key(record.key_id)
    return {"KeyId": record.arn}


def list_key_rotations(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry = _key(rt, p, who, "ListKeyRotations")
    _rotatable(entry)
    rotations = rt.store.list_rotations(entry.record.key_id)
    page, extra = paginate(rotations, p, default=100, maximum=1000)
    entries = []
    for rotation in page:
        item = rotation.list_entry()
        item["KeyId"] = entry.record.arn
        entries.append(item)
    return {"Rotations": entries, **extra}


OPERATIONS = {
    "EnableKeyRotation": enable_key_rotation,
    "DisableKeyRotation": disable_key_rotation,
    "GetKeyRotationStatus": get_key_rotation_status,
    "RotateKeyOnDemand": rotate_key_on_demand,
    "ListKeyRotations": list_key_rotations,
}
