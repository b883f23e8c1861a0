"""Questions the lint rules ask of IR nodes: what a statement's actions cover, who its
principals are, whether its conditions pin the caller down."""

from __future__ import annotations

import re

from kmspolicy.language import catalogue
from kmspolicy.language.ir import (
    Condition,
    Effect,
    PrincipalEntry,
    PrincipalType,
    Statement,
    Value,
)

ALL_KMS_ACTIONS = frozenset(a.action for a in catalogue.ACTIONS)
ACCOUNT_ID = re.compile(r"^\d{12}$")
ACCOUNT_ROOT = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):root$")

# Operators whose match narrows who the statement applies to (a negated or IfExists form
# passes requests that lack the key, so it does not).
_POSITIVE_OPERATORS = frozenset(
    {"StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"}
)

# Context keys that name the caller, its account or organisation, or the network path:
# a statement with "Principal": "*" conditioned on one of these is not open to everyone.
CALLER_RESTRICTING_KEYS = frozenset(
    k.lower()
    for k in (
        "kms:CallerAccount",
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalServiceName",
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceVpcArn",
        "aws:userid",
        "aws:username",
    )
)


def action_values(stmt: Statement) -> tuple[Value, ...]:
    return stmt.action if stmt.action is not None else (stmt.not_action or ())


def kms_actions(stmt: Statement) -> frozenset[str]:
    """The KMS actions (``kms:Name``) the statement applies to."""
    if stmt.action is not None:
        return frozenset().union(*(catalogue.match_actions(v.text) for v in stmt.action))
    if stmt.not_action is not None:
        excluded = frozenset().union(*(catalogue.match_actions(v.text) for v in stmt.not_action))
        return ALL_KMS_ACTIONS - excluded
    return frozenset()


def allows(stmt: Statement) -> bool:
    return stmt.effect is Effect.ALLOW


def is_anyone(stmt: Statement) -> bool:
    """Principal ``"*"`` or ``{"AWS": "*"}``."""
    p = stmt.principal
    if p is None:
        return False
    return p.anyone or any(e.type is PrincipalType.AWS and e.canonical == "*" for e in p.entries)


def entry_account(entry: PrincipalEntry) -> str | None:
    """The account an AWS principal belongs to, when it names one."""
    if entry.type is not PrincipalType.AWS:
        return None
    if entry.arn is not None and ACCOUNT_ID.match(entry.arn.account):
        return entry.arn.account
    if ACCOUNT_ID.match(entry.value.text):
        return entry.value.text
    return None


def is_account_root(entry: PrincipalEntry) -> bool:
    return entry.type is PrincipalType.AWS and ACCOUNT_ROOT.match(entry.canonical) is not None


def restricts_caller(cond: Condition) -> bool:
    """Whether the condition narrows the callers to named ones (no wildcard-only values)."""
    if cond.if_exists or cond.set_qualifier is not None:
        return False
    if cond.operator not in _POSITIVE_OPERATORS:
        return False
    if cond.key.lower() not in CALLER_RESTRICTING_KEYS:
        return False
    return all(v.text.strip("*?") for v in cond.values)
