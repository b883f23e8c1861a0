"""Aliases: CreateAlias, DeleteAlias, UpdateAlias, ListAliases.

Alias operations are authorized twice, as in AWS: on the alias ARN (identity policies
only) and on each key involved (key policy and identity policies).
"""

from __future__ import annotations

from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms.model import AliasRecord
from kmspolicy.kms.ops._common import Params, paginate, ready
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, not_found, validation

__all__ = ["OPERATIONS"]

MAX_ALIASES_PER_KEY = 50
_RESERVED = "alias/aws/"


def _alias_arn(rt: Runtime, who: CallerEntry, name: str) -> str:
    return f"arn:aws:kms:{rt.region}:{who.identity.caller.account}:{name}"


def _check_name(name: str) -> None:
    if not name.startswith("alias/") or name == "alias/":
        raise KMSError(
            "InvalidAliasNameException", f'Alias must start with the prefix "alias/": {name}'
        )
    if name.startswith(_RESERVED):
        raise KMSError(
            "InvalidAliasNameException",
            f"Alias names that begin with {_RESERVED} are reserved: {name}",
        )


def _target(rt: Runtime, p: Params, who: CallerEntry) -> KeyEntry:
    target = p["TargetKeyId"]
    if target.startswith("alias/") or ":alias/" in target:
        raise validation("TargetKeyId must be a key ID or key ARN, not an alias")
    entry, _ = rt.resolve_key(target, who, alias_allowed=False)
    return entry


def create_alias(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    name = p["AliasName"]
    _check_name(name)
    entry = _target(rt, p, who)
    arn = _alias_arn(rt, who, name)
    rt.authorize(who, "kms:CreateAlias", None, resource=arn)
    rt.authorize(who, "kms:CreateAlias", entry)
    ready(rt, "CreateAlias", entry)
    record = entry.record
    if rt.store.get_alias(record.account_id, rt.region, name) is not None:
        raise KMSError("AlreadyExistsException", f"An alias with the name {arn} already exists")
    if len(entry.info.aliases) >= MAX_ALIASES_PER_KEY:
        raise KMSError(
            "LimitExceededException",
            f"A KMS key can have at most {MAX_ALIASES_PER_KEY} aliases.",
        )
    now = rt.clock.now()
    rt.store.put_alias(AliasRecord(name, record.account_id, rt.region, record.key_id, now, now))
    rt.forget_key(record.key_id)
    rt.forget_aliases()
    return {}


def _existing(rt: Runtime, who: CallerEntry, name: str) -> AliasRecord:
    account = who.identity.caller.account or ""
    alias = rt.store.get_alias(account, rt.region, name)
    if alias is None:
        raise not_found(f"Alias {_alias_arn(rt, who, name)} is not found.")
    return alias


def delete_alias(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    name = p["AliasName"]
    alias = _existing(rt, who, name)
    entry = rt.key_entry(alias.target_key_id)
    rt.authorize(who, "kms:DeleteAlias", None, resource=alias.alias_arn)
    rt.authorize(who, "kms:DeleteAlias", entry)
    rt.store.delete_alias(alias.account_id, alias.region, name)
    rt.forget_key(alias.target_key_id)
    rt.forget_aliases()
    return {}


def _kind(entry: KeyEntry) -> tuple[bool, str]:
    return entry.record.key_spec == "SYMMETRIC_DEFAULT", entry.record.key_usage


def update_alias(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    name = p["AliasName"]
    alias = _existing(rt, who, name)
    old = rt.key_entry(alias.target_key_id)
    new = _target(rt, p, who)
    rt.authorize(who, "kms:UpdateAlias", None, resource=alias.alias_arn)
    rt.authorize(who, "kms:UpdateAlias", old)
    rt.authorize(who, "kms:UpdateAlias", new)
    ready(rt, "UpdateAlias", new)
    if _kind(old) != _kind(new):
        raise validation(
            f"{new.record.arn} is not the same key type and key usage as the alias's current "
            f"KMS key {old.record.arn}"
        )
    if len(new.info.aliases) >= MAX_ALIASES_PER_KEY:
        raise KMSError(
            "LimitExceededException",
            f"A KMS key can have at most {MAX_ALIASES_PER_KEY} aliases.",
        )
    rt.store.put_alias(
        AliasRecord(
            alias.alias_name,
            alias.account_id,
            alias.region,
            new.record.key_id,
            alias.creation_date,
            rt.clock.now(),
            alias.partition,
        )
    )
    rt.forget_key(old.record.key_id)
    rt.forget_key(new.record.key_id)
    rt.forget_aliases()
    return {}


def list_aliases(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:ListAliases", None)
    account = who.identity.caller.account or ""
    key_id: str | None = None
    if "KeyId" in p:
        entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
        key_id = entry.record.key_id
    aliases = rt.store.list_aliases(account, rt.region, key_id)
    page, extra = paginate(aliases, p, default=50, maximum=100)
    return {"Aliases": [a.list_entry() for a in page], **extra}


OPERATIONS = {
    "CreateAlias": create_alias,
    "DeleteAlias": delete_alias,
    "UpdateAlias": update_alias,
    "ListAliases": list_aliases,
}
