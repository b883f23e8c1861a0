"""Checks on Principal and NotPrincipal: who a key policy lets in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kmspolicy.analysis._facts import (
    allows,
    entry_account,
    is_anyone,
    restricts_caller,
)
from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, Origin, PolicyContext, hit, policy_rule
from kmspolicy.language.ir import PolicyKind, PrincipalEntry, PrincipalType, Statement
from kmspolicy.language.unique_ids import unique_id_kind

_KEY = (PolicyKind.KEY,)
_SERVICE = re.compile(r"^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$")
_IAM_ARN = re.compile(r"^arn:aws[a-z-]*:(iam|sts)::(\d{12}|aws|cloudfront):.+$")


def _entries(stmt: Statement) -> Iterator[PrincipalEntry]:
    for p in (stmt.principal, stmt.not_principal):
        if p is not None:
            yield from p.entries


@policy_rule(
    "ALLOW_WITH_NOT_PRINCIPAL",
    FindingType.SECURITY_WARNING,
    "Allow with NotPrincipal",
    """Allow with NotPrincipal grants access to every principal except the listed ones,
    anonymous callers included. Name the principals in Principal instead, or use
    "Principal": "*" with a condition on aws:PrincipalArn.""",
)
def allow_with_not_principal(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if allows(stmt) and stmt.not_principal is not None:
            yield hit(
                "This statement allows every principal except those in NotPrincipal.",
                stmt.not_principal.span,
            )


@policy_rule(
    "PUBLIC_KEY",
    FindingType.SECURITY_WARNING,
    "Key open to any principal",
    """The statement allows any AWS principal, in any account, to use the key. Name the
    principals, or add a condition that pins the caller down (kms:CallerAccount,
    aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceVpce, ...) with StringEquals or
    ArnEquals.""",
    origin=Origin.KMSPOLICY,
    kinds=_KEY,
)
def public_key(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if not allows(stmt) or stmt.principal is None or not is_anyone(stmt):
            continue
        if any(restricts_caller(c) for c in stmt.conditions):
            continue
        yield hit(
            "This statement makes the key public: any principal in any account is allowed "
            "without a condition that restricts the caller.",
            stmt.principal.span,
        )


@policy_rule(
    "CROSS_ACCOUNT",
    FindingType.SECURITY_WARNING,
    "Access from an unknown account",
    """The key policy lets in a principal of an account outside the known set. If the
    access is intended, add the account with --known-account; otherwise remove the
    principal.""",
    origin=Origin.KMSPOLICY,
    kinds=_KEY,
)
def cross_account(ctx: PolicyContext) -> Iterator[Hit]:
    known = ctx.known_accounts
    if not known:
        return
    for stmt in ctx.doc.statements:
        if not allows(stmt) or stmt.principal is None:
            continue
        for entry in stmt.principal.entries:
            account = entry_account(entry)
            if account is not None and account not in known:
                yield hit(
                    f"{entry.value.text} belongs to account {account}, "
                    "which is not a known account.",
                    entry.value.span,
                )
        for cond in stmt.conditions:
            if cond.key.lower() != "kms:calleraccount" or cond.operator != "StringEquals":
                continue
            for v in cond.values:
                if v.text not in known and v.text.isdigit():
                    yield hit(
                        f"kms:CallerAccount admits account {v.text}, which is not a known account.",
                        v.span,
                    )


@policy_rule(
    "INVALID_PRINCIPAL_FORMAT",
    FindingType.ERROR,
    "Invalid principal format",
    """An AWS principal is "*", a 12-digit account ID, or the ARN of an account, user,
    role, assumed-role session or federated user. Correct the principal.""",
)
def invalid_principal_format(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for entry in _entries(stmt):
            if entry.type is not PrincipalType.AWS:
                continue
            text = entry.value.text
            if text == "*" or "*" in text or unique_id_kind(text) is not None:
                continue
            if text.isdigit() and len(text) == 12:
                continue
            if not _IAM_ARN.match(text):
                yield hit(f"'{text}' is not a valid AWS principal.", entry.value.span)


@policy_rule(
    "INVALID_SERVICE_PRINCIPAL_FORMAT",
    FindingType.ERROR,
    "Invalid service principal format",
    """A service principal is a service's DNS name, such as
    cloudtrail.amazonaws.com. Correct the service principal.""",
)
def invalid_service_principal_format(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for entry in _entries(stmt):
            if entry.type is PrincipalType.SERVICE and not _SERVICE.match(entry.value.text):
                yield hit(
                    f"'{entry.value.text}' is not a service principal "
                    "(expected <service>.amazonaws.com).",
                    entry.value.span,
                )


@policy_rule(
    "UNIQUE_ID_PRINCIPAL",
    FindingType.WARNING,
    "Principal is an IAM unique ID",
    """The principal is an IAM unique ID (AIDA... for a user, AROA... for a role): AWS
    shows a principal this way after the user or role it named was deleted. It matches
    no caller, not even a new user or role of the same name. Remove it, or name the
    intended principal by ARN.""",
    origin=Origin.KMSPOLICY,
    kinds=_KEY,
)
def unique_id_principal(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for entry in _entries(stmt):
            kind = unique_id_kind(entry.value.text) if entry.type is PrincipalType.AWS else None
            if kind is not None:
                yield hit(
                    f"'{entry.value.text}' is the unique ID of a deleted IAM {kind}; "
                    "it matches no caller.",
                    entry.value.span,
                )
