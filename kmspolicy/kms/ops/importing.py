"""Imported key material: GetParametersForImport, ImportKeyMaterial,
DeleteImportedKeyMaterial (keys created with Origin EXTERNAL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from kmspolicy.kms.ops._common import Params, ready
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, unsupported, validation

__all__ = ["OPERATIONS"]

MAX_VALID_TO = timedelta(days=365)


def _external(rt: Runtime, p: Params, who: CallerEntry, operation: str) -> tuple[KeyEntry, Any]:
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    permit = rt.authorize(who, f"kms:{operation}", entry)
    if entry.record.origin != "EXTERNAL":
        raise unsupported(
            f"{entry.record.arn} origin is {entry.record.origin} which is not valid for this "
            "operation."
        )
    ready(rt, operation, entry)
    return entry, permit


def get_parameters_for_import(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _external(rt, p, who, "GetParametersForImport")
    if p["WrappingKeySpec"] == "SM2" or p["WrappingAlgorithm"] in ("SM2PKE", "RSAES_PKCS1_V1_5"):
        raise unsupported(
            f"Wrapping {p['WrappingAlgorithm']} with {p['WrappingKeySpec']} is not supported."
        )
    params = rt.keyring.get_parameters_for_import(
        permit, entry.record, p["WrappingAlgorithm"], p["WrappingKeySpec"]
    )
    return {
        "KeyId": entry.record.arn,
        "ImportToken": params.import_token,
        "PublicKey": params.public_key,
        "ParametersValidTo": params.parameters_valid_to,
    }


def import_key_material(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _external(rt, p, who, "ImportKeyMaterial")
    model = p.get("ExpirationModel", "KEY_MATERIAL_EXPIRES")
    valid_to = p.get("ValidTo")
    now = rt.clock.now()
    if model == "KEY_MATERIAL_EXPIRES":
        if valid_to is None:
            raise validation("ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES")
        if not now < valid_to <= now + MAX_VALID_TO:
            raise validation("ValidTo must be in the future and at most 365 days from now")
    elif valid_to is not None:
        raise validation(
            "ValidTo is not allowed when ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE"
        )
    material_id = rt.keyring.import_key_material(
        permit,
        entry.record,
        bytes(p["ImportToken"]),
        bytes(p["EncryptedKeyMaterial"]),
        expiration_model=model,
        valid_to=valid_to,
    )
    record = entry.record
    state = record.key_state if record.key_state == "PendingDeletion" else "Enabled"
    if record.key_state == "Disabled":
        state = "Disabled"
    rt.store.put_key(replace(record, key_state=state, expiration_model=model, valid_to=valid_to))
    rt.forget_key(record.key_id)
    return {"KeyId": record.arn, "KeyMaterialId": material_id}


def delete_imported_key_material(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = _external(rt, p, who, "DeleteImportedKeyMaterial")
    record = entry.record
    generations = rt.store.list_backing_keys(record.key_id)
    current = next((g.key_material_id for g in reversed(generations)), None)
    out: dict[str, Any] = {"KeyId": record.arn}
    if current is not None:
        out["KeyMaterialId"] = current
    if record.key_state == "PendingImport":
        return out
    rt.keyring.delete_imported_material(record)
    state = record.key_state if record.key_state == "PendingDeletion" else "PendingImport"
    rt.store.put_key(replace(record, key_state=state, valid_to=None, expiration_model=None))
    rt.forget_key(record.key_id)
    return out


OPERATIONS = {
    "GetParametersForImport": get_parameters_for_import,
    "ImportKeyMaterial": import_key_material,
    "DeleteImportedKeyMaterial": delete_imported_key_material,
}
