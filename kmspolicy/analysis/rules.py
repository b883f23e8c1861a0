"""The lint rule framework: one rule per issue code, registered by a decorator.

A rule is a generator over a ``PolicyContext`` (a parsed policy document) or a
``GrantContext`` (a grant's constraints and operations) that yields ``Hit``\\ s: a message
and the spans it is about. The framework adds the rule's issue code, finding type and
explanation, so every finding of one code reads the same and the catalogue of checks can
be listed (``kmspolicy lint --list-checks``) and tested rule by rule.

Rules named after an IAM Access Analyzer policy check carry its issue code and finding
type; ``origin`` says whether a check is Access Analyzer's or kmspolicy's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from kmspolicy.analysis.findings import Finding, FindingType, Location
from kmspolicy.analysis.locator import Locator
from kmspolicy.language.ir import (
    NO_SPAN,
    GrantConstraints,
    PolicyDocument,
    PolicyKind,
    Span,
    Statement,
)

__all__ = [
    "GRANT_RULES",
    "POLICY_RULES",
    "GrantContext",
    "Hit",
    "LintOptions",
    "Origin",
    "PolicyContext",
    "Rule",
    "all_rules",
    "grant_rule",
    "policy_rule",
    "run_grant_rules",
    "run_policy_rules",
]


class Origin(StrEnum):
    ACCESS_ANALYZER = "access-analyzer"  # same check as IAM Access Analyzer's
    KMSPOLICY = "kmspolicy"  # kmspolicy's own (KMS-specific or beyond Access Analyzer)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: a plain-words message and where."""

    message: str
    spans: tuple[Span, ...]


def hit(message: str, *spans: Span | None) -> Hit:
    return Hit(message, tuple(s for s in spans if s is not None and s != NO_SPAN))


@dataclass(frozen=True, slots=True)
class LintOptions:
    """Knobs of a lint run. ``known_accounts`` are the accounts access may go to without
    a CROSS_ACCOUNT finding (the key's own account is added when it is known)."""

    known_accounts: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PolicyContext:
    doc: PolicyDocument
    options: LintOptions = field(default_factory=LintOptions)
    locator: Locator = field(default_factory=Locator)
    key_account: str | None = None

    @property
    def kind(self) -> PolicyKind:
        return self.doc.kind

    def member_key_span(self, stmt: Statement, name: str) -> Span:
        """The span of member ``name``'s key in ``stmt``, or the statement's span."""
        found = self.locator.statement_member(stmt.index, name)
        return found.key_span if found is not None else stmt.span

    @property
    def known_accounts(self) -> frozenset[str]:
        if self.key_account:
            return self.options.known_accounts | {self.key_account}
        return self.options.known_accounts


@dataclass(frozen=True, slots=True)
class GrantContext:
    """A grant's constraints (None when absent) and, for a scenario grant, its
    operations with their spans."""

    constraints: GrantConstraints | None
    operations: tuple[tuple[str, Span], ...] | None = None


C = TypeVar("C", PolicyContext, GrantContext)


@dataclass(frozen=True, slots=True)
class Rule:
    issue_code: str
    finding_type: FindingType
    title: str
    explanation: str
    origin: Origin
    kinds: frozenset[PolicyKind] | None  # None: every kind of policy
    check: Callable[..., Iterable[Hit]]

    def applies_to(self, kind: PolicyKind | None) -> bool:
        return self.kinds is None or kind is None or kind in self.kinds

    def findings(self, ctx: PolicyContext | GrantContext) -> Iterator[Finding]:
        for h in self.check(ctx):
            yield Finding(
                self.finding_type,
                self.issue_code,
                h.message,
                self.explanation,
                None,
                tuple(Location.from_span(s) for s in h.spans),
            )


POLICY_RULES: dict[str, Rule] = {}
GRANT_RULES: dict[str, Rule] = {}


def _register(
    table: dict[str, Rule],
    code: str,
    finding_type: FindingType,
    title: str,
    explanation: str,
    origin: Origin,
    kinds: Iterable[PolicyKind] | None,
) -> Callable[[Callable[[C], Iterable[Hit]]], Callable[[C], Iterable[Hit]]]:
    def decorate(fn: Callable[[C], Iterable[Hit]]) -> Callable[[C], Iterable[Hit]]:
        if code in POLICY_RULES or code in GRANT_RULES:
            raise ValueError(f"issue code {code} registered twice")
        table[code] = Rule(
            code,
            finding_type,
            title,
            " ".join(explanation.split()),
            origin,
            frozenset(kinds) if kinds is not None else None,
            fn,
        )
        return fn

    return decorate


def policy_rule(
    code: str,
    finding_type: FindingType,
    title: str,
    explanation: str,
    *,
    origin: Origin = Origin.ACCESS_ANALYZER,
    kinds: Iterable[PolicyKind] | None = None,
) -> Callable[[Callable[[PolicyContext], Iterable[Hit]]], Callable[[PolicyContext], Iterable[Hit]]]:
    """Register a check over policy documents under ``code``."""
    return _register(POLICY_RULES, code, finding_type, title, explanation, origin, kinds)


def grant_rule(
    code: str,
    finding_type: FindingType,
    title: str,
    explanation: str,
    *,
    origin: Origin = Origin.KMSPOLICY,
) -> Callable[[Callable[[GrantContext], Iterable[Hit]]], Callable[[GrantContext], Iterable[Hit]]]:
    """Register a check over grant constraints under ``code``."""
    return _register(GRANT_RULES, code, finding_type, title, explanation, origin, None)


def run_policy_rules(ctx: PolicyContext) -> list[Finding]:
    return [f for r in POLICY_RULES.values() if r.applies_to(ctx.kind) for f in r.findings(ctx)]


def run_grant_rules(ctx: GrantContext) -> list[Finding]:
    return [f for r in GRANT_RULES.values() for f in r.findings(ctx)]


def all_rules() -> list[Rule]:
    """Every registered rule (syntax, policy and grant checks), by issue code."""
    return sorted([*POLICY_RULES.values(), *GRANT_RULES.values()], key=lambda r: r.issue_code)
