"""Grants: CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant.

Rules as AWS KMS applies them:

* the operations must suit the key (no Sign on a symmetric key, no GenerateDataKey on an
  asymmetric one...), else ValidationException;
* a caller allowed to CreateGrant only through a grant may create a grant only for a subset
  of that grant's operations and with constraints at least as strict;
* a Name makes CreateGrant idempotent: the same grant again returns the same GrantId;
* RetireGrant may be called by the retiring principal, by the grantee when the grant allows
  RetireGrant, or (through an IAM policy allowing kms:RetireGrant) by principals of the
  account that is the retiring principal, the grantee, or that created the grant; key
  policies play no part, but an explicit Deny in an identity policy still refuses;
* RevokeGrant needs ordinary kms:RevokeGrant permission on the key.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from kmspolicy.engine.decision import Decision, Outcome, SourceKind
from kmspolicy.engine.grants import SYMMETRIC_CRYPTO_OPERATIONS
from kmspolicy.engine.request import Caller as EngineCaller
from kmspolicy.engine.request import PrincipalKind
from kmspolicy.errors import KMSError, PolicySyntaxError
from kmspolicy.kms.model import GrantRecord, KeyRecord
from kmspolicy.kms.ops._common import Params, dry_run, grant_tokens, paginate, ready
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, not_found, validation
from kmspolicy.language import parse_grant_constraints

__all__ = ["OPERATIONS", "allowed_operations"]

MAX_GRANTS_PER_KEY = 50000
_COMMON = ("DescribeKey", "CreateGrant", "RetireGrant")
_SYMMETRIC_OPS = (
    "Encrypt",
    "Decrypt",
    "ReEncryptFrom",
    "ReEncryptTo",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
)
_BY_USAGE = {
    "ENCRYPT_DECRYPT": ("Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GetPublicKey"),
    "SIGN_VERIFY": ("Sign", "Verify", "GetPublicKey"),
    "GENERATE_VERIFY_MAC": ("GenerateMac", "VerifyMac"),
    "KEY_AGREEMENT": ("DeriveSharedSecret", "GetPublicKey"),
}


def allowed_operations(key: KeyRecord) -> frozenset[str]:
    """The grant operations that make sense for a key of this spec and usage."""
    if key.key_spec == "SYMMETRIC_DEFAULT":
        return frozenset(_COMMON + _SYMMETRIC_OPS)
    return frozenset(_COMMON + _BY_USAGE.get(key.key_usage, ()))


def _principal(value: str, member: str) -> str:
    try:
        caller = EngineCaller.from_arn(value)
    except ValueError:
        raise validation(f"{member} {value!r} is not a valid principal") from None
    if caller.kind is PrincipalKind.SERVICE:
        raise validation(f"{member} may not be a service principal: {value!r}")
    return value


def _constraints(
    p: Params,
) -> tuple[tuple[tuple[str, str], ...] | None, tuple[tuple[str, str], ...] | None]:
    raw = p.get("Constraints")
    if not raw:
        return None, None
    try:
        parsed = parse_grant_constraints(json.dumps(raw), source_name="Constraints")
    except PolicySyntaxError as exc:
        raise validation(f"Constraints: {exc.message}") from None
    return parsed.encryption_context_subset, parsed.encryption_context_equals


def _lower(pairs: tuple[tuple[str, str], ...] | None) -> dict[str, str] | None:
    return None if pairs is None else {k.lower(): v for k, v in pairs}


def _at_least_as_strict(
    parent: GrantRecord, ops: tuple[str, ...], subset: Any, equals: Any
) -> bool:
    if not set(ops) <= set(parent.operations):
        return False
    p_subset, p_equals = (
        _lower(parent.encryption_context_subset),
        _lower(parent.encryption_context_equals),
    )
    c_subset, c_equals = _lower(subset), _lower(equals)
    if p_equals is not None:
        return c_equals == p_equals and c_subset is None
    if p_subset is not None:
        child = c_equals if c_equals is not None else c_subset
        return child is not None and all(child.get(k) == v for k, v in p_subset.items())
    return True


def _grants_used(decision: Decision) -> list[str] | None:
    """Ids of the grants an Allow rests on, or None when a policy allowed it."""
    if any(r.effect == "Allow" and r.kind is not SourceKind.GRANT for r in decision.reasons):
        return None
    return [r.source.removeprefix("grant ") for r in decision.reasons if r.kind is SourceKind.GRANT]


def _account_of(arn: str) -> str | None:
    parts = arn.split(":")
    return parts[4] if len(parts) > 4 else None


def create_grant(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    tokens = grant_tokens(rt, p)
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    record = entry.record
    grantee = _principal(p["GranteePrincipal"], "GranteePrincipal")
    retiring = p.get("RetiringPrincipal")
    if retiring is not None:
        _principal(retiring, "RetiringPrincipal")
    operations = tuple(dict.fromkeys(p["Operations"]))
    if not operations:
        raise validation("Operations must list at least one grant operation")
    subset, equals = _constraints(p)
    pairs = dict(equals or subset or ())
    decision, permit = rt.decide(
        who,
        "kms:CreateGrant",
        entry,
        encryption_context=pairs,
        grant_tokens=tokens,
        grant_operations=operations,
        grantee_principal=grantee,
        retiring_principal=retiring,
    )
    if permit is None:
        raise rt.denied(who, "kms:CreateGrant", entry, decision)
    used = _grants_used(decision)
    if used is not None:
        parents = [rt.store.get_grant(g) for g in used]
        if not any(
            g is not None and _at_least_as_strict(g, operations, subset, equals) for g in parents
        ):
            raise rt.denied(who, "kms:CreateGrant", entry, Decision(Outcome.IMPLICIT_DENY))
    ready(rt, "CreateGrant", entry)
    wrong = [op for op in operations if op not in allowed_operations(record)]
    if wrong:
        raise validation(
            f"Grant operations {', '.join(wrong)} are not valid for a KMS key with key spec "
            f"{record.key_spec} and key usage {record.key_usage}"
        )
    if (subset or equals) and not any(
        op.lower() in SYMMETRIC_CRYPTO_OPERATIONS for op in operations
    ):
        raise validation(
            "Grant constraints apply only to grants for cryptographic operations with "
            "symmetric encryption KMS keys"
        )
    dry_run(p)
    existing = rt.store.list_grants(record.key_id)
    name = p.get("Name")
    issuing = f"arn:aws:iam::{who.identity.caller.account}:root"
    for grant in existing:
        if (
            name is not None
            and grant.name == name
            and grant.grantee_principal == grantee
            and set(grant.operations) == set(operations)
            and grant.retiring_principal == retiring
            and grant.encryption_context_subset == subset
            and grant.encryption_context_equals == equals
        ):
            return {"GrantToken": grant.grant_token, "GrantId": grant.grant_id}
    if len(existing) >= MAX_GRANTS_PER_KEY:
        raise KMSError(
            "LimitExceededException",
            f"A KMS key can have at most {MAX_GRANTS_PER_KEY} grants.",
        )
    grant = GrantRecord(
        grant_id=secrets.token_hex(32),
        key_id=record.key_id,
        grantee_principal=grantee,
        issuing_account=issuing,
        operations=operations,
        creation_date=rt.clock.now(),
        grant_token=secrets.token_urlsafe(96),
        name=name,
        retiring_principal=retiring,
        encryption_context_subset=subset,
        encryption_context_equals=equals,
        pending=rt.grant_propagation.total_seconds() > 0,
    )
    rt.store.put_grant(grant)
    rt.forget_key(record.key_id)
    return {"GrantToken": grant.grant_token, "GrantId": grant.grant_id}


def list_grants(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    rt.authorize(who, "kms:ListGrants", entry)
    grants = rt.store.list_grants(entry.record.key_id)
    if "GrantId" in p:
        grants = [g for g in grants if g.grant_id == p["GrantId"]]
        if not grants:
            raise KMSError("InvalidGrantIdException", f"Grant ID {p['GrantId']} is not valid.")
    if "GranteePrincipal" in p:
        grants = [g for g in grants if g.grantee_principal == p["GranteePrincipal"]]
    page, extra = paginate(grants, p, default=50, maximum=100)
    return {"Grants": [g.list_entry() for g in page], **extra}


def list_retirable_grants(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    rt.authorize(who, "kms:ListRetirableGrants", None)
    retiring = p["RetiringPrincipal"]
    try:
        account = EngineCaller.from_arn(retiring).account
    except ValueError:
        raise validation(f"RetiringPrincipal {retiring!r} is not a valid principal") from None
    if account != who.identity.caller.account:
        raise rt.denied(
            who, "kms:ListRetirableGrants", None, Decision(Outcome.IMPLICIT_DENY), retiring
        )
    grants = rt.store.list_retirable_grants(retiring)
    page, extra = paginate(grants, p, default=50, maximum=100)
    return {"Grants": [g.list_entry() for g in page], **extra}


def _grant_of(rt: Runtime, p: Params, who: CallerEntry) -> tuple[GrantRecord, KeyEntry]:
    token = p.get("GrantToken")
    if token is not None:
        grant = rt.store.find_grant_by_token(token)
        if grant is None:
            raise KMSError("InvalidGrantTokenException", "The grant token is not valid.")
        return grant, rt.key_entry(grant.key_id)
    if p.get("KeyId") is None or p.get("GrantId") is None:
        raise validation("Specify either GrantToken, or both KeyId and GrantId")
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    grant = rt.store.get_grant(p["GrantId"])
    if grant is None or grant.key_id != entry.record.key_id:
        raise not_found(f"Grant ID {p['GrantId']} not found for {entry.record.arn}")
    return grant, entry


def retire_grant(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    grant, entry = _grant_of(rt, p, who)
    caller = who.identity.caller
    direct = {caller.arn} | ({caller.role_arn} if caller.role_arn else set())
    # identity-side decision on the key ARN: key policies play no part in RetireGrant
    decision, permit = rt.decide(who, "kms:RetireGrant", None, resource=entry.record.arn)
    if decision.effect is Outcome.EXPLICIT_DENY:
        raise rt.denied(who, "kms:RetireGrant", entry, decision)
    may_retire = "RetireGrant" in grant.operations
    allowed = grant.retiring_principal in direct or (
        may_retire and grant.grantee_principal in direct
    )
    if not allowed and permit is not None:
        # an IAM policy delegates RetireGrant within the accounts the grant names
        named = [grant.retiring_principal, grant.issuing_account]
        if may_retire:
            named.append(grant.grantee_principal)
        allowed = caller.account in {_account_of(arn) for arn in named if arn}
    if not allowed:
        raise rt.denied(
            who, "kms:RetireGrant", entry, Decision(Outcome.IMPLICIT_DENY), entry.record.arn
        )
    dry_run(p)
    rt.store.delete_grant(grant.grant_id)
    rt.forget_key(grant.key_id)
    return {}


def revoke_grant(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = rt.resolve_key(p["KeyId"], who, alias_allowed=False)
    rt.authorize(who, "kms:RevokeGrant", entry)
    grant = rt.store.get_grant(p["GrantId"])
    if grant is None or grant.key_id != entry.record.key_id:
        raise KMSError("InvalidGrantIdException", f"Grant ID {p['GrantId']} is not valid.")
    dry_run(p)
    rt.store.delete_grant(grant.grant_id)
    rt.forget_key(entry.record.key_id)
    return {}


OPERATIONS = {
    "CreateGrant": create_grant,
    "ListGrants": list_grants,
    "ListRetirableGrants": list_retirable_grants,
    "RetireGrant": retire_grant,
    "RevokeGrant": revoke_grant,
}
