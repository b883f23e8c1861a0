"""How matched statements and grants combine into a Decision (AWS KMS rules).

Evaluators differ in how they *find* what matches; they all hand the same ``Facts`` to
``combine``, so the decision and its reasons are defined once, here.

Rules (AWS KMS developer guide "policy evaluation", IAM evaluation logic):

1. An explicit Deny in any policy (key policy, identity policies, SCPs, permissions
   boundary, session policy) wins. Grants never deny.
2. If SCPs apply (the caller is not in the management account nor a service) at least one
   must allow.
3. Then the key side must allow, by a key-policy statement or a grant, and what it needs
   depends on *how* the principal element named the caller (``MatchKind``):

   * ``DIRECT`` — the caller's own ARN (user, session, root) or ``"*"``: enough on its own
     in the key's account. Permissions boundaries and session policies do not limit a
     resource policy that names the user or session itself.
   * ``ROLE`` — the role ARN of a session: the boundary and session policy must allow too.
   * ``ACCOUNT`` — the caller's account principal: the account delegates to IAM, so an
     identity policy must allow, within the boundary and session policy. The root user
     needs no identity policy.

   Cross-account, a key-policy allow of any kind also needs an identity-policy allow in
   the caller's account; a grant to the caller (``DIRECT``/``ROLE``) does not.
4. Otherwise the request is implicitly denied.

An operation that uses no key (CreateKey, ListKeys…) is authorised by identity-side
policies alone: an identity Allow within the boundary and session policy (the root user
needs none), and the SCPs. An action KMS does not allow across accounts (PutKeyPolicy,
ScheduleKeyDeletion…) on another account's key is implicitly denied whatever the policies say.

Reasons, in this order:

* ExplicitDeny: every matching Deny statement, in document order (key policy, identity
  policies, SCPs, boundary, session policy), statements in index order.
* Allow: the key-policy Allow statements whose match kind succeeded, then every identity
  Allow statement if one of those (or of the grants below) needed the identity side, then
  the grants that succeeded, in table order.
* ImplicitDeny: a missing SCP allow; for a key-less operation one "Missing" identity
  (or boundary, or session) reason; for a cross-account call of an action that cannot
  be used cross-account one "Missing" reason; otherwise every key-policy Allow statement
  that matched, then one "Missing" reason per missing piece in the order key side, identity policy,
  permissions boundary, session policy; then one reason per grant for the caller that could
  not be used (pending without its token, operation not granted, constraints not met).

``errors`` lists, in document order, every statement that could not be evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.decision import Decision, Outcome, Reason, SourceKind
from kmspolicy.engine.grants import Grant

__all__ = ["Facts", "GrantUse", "MatchKind", "combine"]


class MatchKind(IntEnum):
    """How a principal element (or grantee) named the caller; lower is more specific."""

    DIRECT = 0
    ROLE = 1
    ACCOUNT = 2


class GrantUse(IntEnum):
    """Whether a grant whose grantee names the caller can serve this request."""

    USABLE = 0
    OPERATION_NOT_GRANTED = 1
    PENDING = 2  # not yet consistent and the request does not carry its token
    CONSTRAINTS_NOT_MET = 3


@dataclass(slots=True)
class Facts:
    """What matched. ``scp_allowed``/``boundary_allowed``/``session_allowed`` are None
    when no such policy applies."""

    denies: list[Reason] = field(default_factory=list)
    key_allows: list[tuple[Reason, MatchKind]] = field(default_factory=list)
    identity_allows: list[Reason] = field(default_factory=list)
    scp_allowed: bool | None = None
    boundary_allowed: bool | None = None
    session_allowed: bool | None = None
    grants: list[tuple[Grant, MatchKind, GrantUse]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def grant_reason(grant: Grant, detail: str = "", effect: str = "Allow") -> Reason:
    return Reason(SourceKind.GRANT, f"grant {grant.grant_id}", effect, detail=detail)


_GRANT_PROBLEM = {
    GrantUse.OPERATION_NOT_GRANTED: "does not grant {op}",
    GrantUse.PENDING: "is not in effect yet; the request must carry its grant token",
    GrantUse.CONSTRAINTS_NOT_MET: "allows {op} but the encryption context does not meet "
    "its constraints",
}


def combine(facts: Facts, ctx: RequestContext) -> Decision:
    """The decision for ``facts``."""
    errors = tuple(facts.errors)
    if facts.denies:
        return Decision(Outcome.EXPLICIT_DENY, tuple(facts.denies), errors)

    implicit_identity = ctx.caller_arn == ctx.account_arn  # the root user
    limits_ok = facts.boundary_allowed is not False and facts.session_allowed is not False
    identity_ok = implicit_identity or (bool(facts.identity_allows) and limits_ok)
    scp_ok = facts.scp_allowed is not False

    def needs_identity(kind: MatchKind, from_grant: bool) -> bool:
        if kind is MatchKind.ACCOUNT:
            return not implicit_identity
        return ctx.cross_account and not from_grant and not implicit_identity

    def succeeds(kind: MatchKind, from_grant: bool) -> bool:
        if kind is MatchKind.ROLE and not limits_ok:
            return False
        return identity_ok if needs_identity(kind, from_grant) else True

    if ctx.key_account is None:
        if scp_ok and identity_ok:
            return Decision(Outcome.ALLOW, tuple(facts.identity_allows), errors)
    elif ctx.cross_account_allowed or not ctx.cross_account:
        key_ok = [(r, k) for r, k in facts.key_allows if succeeds(k, False)]
        grant_ok = [
            (g, k) for g, k, use in facts.grants if use is GrantUse.USABLE and succeeds(k, True)
        ]
        if scp_ok and (key_ok or grant_ok):
            used_identity = any(needs_identity(k, False) for _, k in key_ok) or any(
                needs_identity(k, True) for _, k in grant_ok
            )
            reasons = [r for r, _ in key_ok]
            if used_identity:
                reasons.extend(facts.identity_allows)
            reasons.extend(grant_reason(g) for g, _ in grant_ok)
            return Decision(Outcome.ALLOW, tuple(reasons), errors)
    return Decision(Outcome.IMPLICIT_DENY, tuple(_missing(facts, ctx, ctx.action_name)), errors)


_SOURCES = {
    SourceKind.IDENTITY_POLICY: "identity policies",
    SourceKind.PERMISSIONS_BOUNDARY: "permissions boundary",
    SourceKind.SESSION_POLICY: "session policy",
}


def _missing_limit(kind: SourceKind, what: str, action: str) -> Reason:
    verb = "allows" if what.startswith("no ") else "does not allow"
    return Reason(kind, _SOURCES[kind], "Missing", detail=f"{what} {verb} {action}")


def _missing(facts: Facts, ctx: RequestContext, action: str) -> list[Reason]:
    """The implicit-deny reasons (see the module docstring for the order)."""
    reasons: list[Reason] = []
    if facts.scp_allowed is False:
        reasons.append(Reason(SourceKind.SCP, "scps", "Missing", detail=f"no SCP allows {action}"))
    if ctx.key_account is None:
        if ctx.caller_arn == ctx.account_arn:
            pass  # the root user needs no identity policy
        elif not facts.identity_allows:
            reasons.append(_missing_limit(SourceKind.IDENTITY_POLICY, "no identity policy", action))
        elif facts.boundary_allowed is False:
            reasons.append(
                _missing_limit(SourceKind.PERMISSIONS_BOUNDARY, "the permissions boundary", action)
            )
        elif facts.session_allowed is False:
            reasons.append(_missing_limit(SourceKind.SESSION_POLICY, "the session policy", action))
        return reasons
    if ctx.cross_account and not ctx.cross_account_allowed:
        reasons.append(
            Reason(
                SourceKind.ENGINE,
                "request",
                "Missing",
                detail=f"{action} cannot be used on a key in another account",
            )
        )
        return reasons
    reasons.extend(r for r, _ in facts.key_allows)

    usable_grants = [(g, k) for g, k, use in facts.grants if use is GrantUse.USABLE]
    kinds = [k for _, k in facts.key_allows] + [k for _, k in usable_grants]
    implicit_identity = ctx.caller_arn == ctx.account_arn
    if not kinds:
        reasons.append(
            Reason(
                SourceKind.KEY_POLICY,
                "key policy",
                "Missing",
                detail=f"neither the key policy nor a grant allows {ctx.caller_arn} "
                f"to call {action} on {ctx.resource}",
            )
        )
    else:
        needs_identity = not implicit_identity and (
            any(k is MatchKind.ACCOUNT for k in kinds)
            or (ctx.cross_account and bool(facts.key_allows))
        )
        if needs_identity and not facts.identity_allows:
            if any(k is MatchKind.ACCOUNT for _, k in facts.key_allows):
                detail = (
                    f"key policy delegates to account {ctx.caller_account} "
                    f"but no identity policy allows {action}"
                )
            elif facts.key_allows:
                detail = (
                    f"cross-account use of a key in account {ctx.key_account} also needs an "
                    f"identity policy in account {ctx.caller_account} that allows {action}"
                )
            else:
                detail = (
                    f"a grant to account {ctx.caller_account} needs an identity policy "
                    f"that allows {action}"
                )
            reasons.append(
                Reason(SourceKind.IDENTITY_POLICY, "identity policies", "Missing", detail=detail)
            )
        limited = needs_identity or any(k is MatchKind.ROLE for k in kinds)
        if limited and facts.boundary_allowed is False:
            reasons.append(
                _missing_limit(SourceKind.PERMISSIONS_BOUNDARY, "the permissions boundary", action)
            )
        if limited and facts.session_allowed is False:
            reasons.append(_missing_limit(SourceKind.SESSION_POLICY, "the session policy", action))
    for grant, _kind, use in facts.grants:
        if use is not GrantUse.USABLE:
            detail = "grant " + _GRANT_PROBLEM[use].format(op=action.split(":")[-1])
            reasons.append(grant_reason(grant, detail, "Missing"))
    return reasons
