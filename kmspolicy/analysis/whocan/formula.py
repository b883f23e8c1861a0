"""Residual conditions: what is left of a policy decision when the request is unknown.

Partial evaluation turns each condition on an unknown request value into an *atom*; the
decision for a (key, principal, action) becomes a boolean formula over atoms, built with
``conj``, ``disj`` and ``neg``. Those constructors simplify as they go (constants fold,
nested operators flatten, duplicates merge, ``x and not x`` is false) and keep formulas in
negation normal form (``Not`` wraps atoms only), so a formula reads as a list of
conditions that must all hold, some of them alternatives.

An atom can be decided against a concrete request (``holds``): this is how example
requests are checked (see ``witness``). Atoms about policies the estate does not hold
(``IdentityAtom``, ``BoundaryAtom``) are decided by an assumption instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kmspolicy.engine import reference
from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.grants import constraints_met
from kmspolicy.language.ir import Condition, GrantConstraints, Value

__all__ = [
    "And",
    "Atom",
    "BoundaryAtom",
    "CondAtom",
    "ConstraintAtom",
    "Formula",
    "GrantOpsAtom",
    "IdentityAtom",
    "Not",
    "Or",
    "ResourceAtom",
    "TokenAtom",
    "atoms",
    "conj",
    "disj",
    "evaluate",
    "neg",
    "render",
]


@dataclass(frozen=True, slots=True)
class CondAtom:
    """One condition of a statement on a request value the estate cannot know.

    ``deny_side``: the statement is a Deny, so a condition that cannot be evaluated counts
    as holding (fail closed), as in the engine. ``key_policy``: the condition sits in a key
    policy, which sees the key-policy view of the request context.
    """

    condition: Condition
    deny_side: bool
    key_policy: bool
    text: str
    negated_text: str

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        values = ctx.key_policy_values if self.key_policy else ctx.values
        try:
            return reference.condition_holds(self.condition, values)
        except reference.Unevaluable:
            return self.deny_side


@dataclass(frozen=True, slots=True)
class ResourceAtom:
    """A Resource (or NotResource) element whose policy variables need request values."""

    patterns: tuple[Value, ...]
    not_resource: bool
    key_policy: bool
    text: str

    @property
    def negated_text(self) -> str:
        return f"not ({self.text})"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        values = ctx.key_policy_values if self.key_policy else ctx.values
        matched = reference.resource_matches(self.patterns, ctx.resource, values)
        return matched != self.not_resource


@dataclass(frozen=True, slots=True)
class TokenAtom:
    """A grant that is not yet consistent: usable only with its grant token."""

    grant_id: str
    token: str | None

    @property
    def text(self) -> str:
        return f"the request carries the grant token of grant {self.grant_id}"

    @property
    def negated_text(self) -> str:
        return f"the request does not carry the grant token of grant {self.grant_id}"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        return self.token is not None and self.token in ctx.grant_tokens


def _pairs(pairs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{k}={v}" for k, v in pairs)


@dataclass(frozen=True, slots=True)
class ConstraintAtom:
    """A grant's encryption-context constraints."""

    grant_id: str
    constraints: GrantConstraints

    @property
    def text(self) -> str:
        parts = []
        if self.constraints.encryption_context_subset is not None:
            subset = _pairs(self.constraints.encryption_context_subset)
            parts.append(f"encryption context includes {subset}")
        if self.constraints.encryption_context_equals is not None:
            equals = _pairs(self.constraints.encryption_context_equals)
            parts.append(f"encryption context is exactly {{{equals}}}")
        return " and ".join(parts) + f" (grant {self.grant_id} constraints)"

    @property
    def negated_text(self) -> str:
        return f"not ({self.text})"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        return constraints_met(self.constraints, ctx.encryption_context)


@dataclass(frozen=True, slots=True)
class GrantOpsAtom:
    """CreateGrant through a grant: the new grant's operations must be a subset."""

    grant_id: str
    operations: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"the new grant's operations are among {', '.join(self.operations)}"

    @property
    def negated_text(self) -> str:
        return f"not ({self.text})"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        wanted = ctx.grant_operations
        return wanted is not None and set(wanted) <= {op.lower() for op in self.operations}


@dataclass(frozen=True, slots=True)
class IdentityAtom:
    """An identity policy the estate does not hold allows the action."""

    who: str
    action: str

    @property
    def text(self) -> str:
        return f"an IAM policy of {self.who} allows the action"

    @property
    def negated_text(self) -> str:
        return f"no IAM policy of {self.who} allows the action"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        return assumptions.get(self, False)


@dataclass(frozen=True, slots=True)
class BoundaryAtom:
    """A permissions boundary the estate does not hold allows the action (or is absent)."""

    who: str
    action: str

    @property
    def text(self) -> str:
        return f"the permissions boundary of {self.who}, if any, allows the action"

    @property
    def negated_text(self) -> str:
        return f"the permissions boundary of {self.who} does not allow the action"

    def holds(self, ctx: RequestContext, assumptions: Mapping[Any, bool]) -> bool:
        return assumptions.get(self, True)


Atom = (
    CondAtom
    | ResourceAtom
    | TokenAtom
    | ConstraintAtom
    | GrantOpsAtom
    | IdentityAtom
    | BoundaryAtom
)


@dataclass(frozen=True, slots=True)
class Not:
    arg: Atom


@dataclass(frozen=True, slots=True)
class And:
    args: frozenset[Formula]


@dataclass(frozen=True, slots=True)
class Or:
    args: frozenset[Formula]


Formula = bool | Atom | Not | And | Or


def _combine(items: Iterable[Formula], unit: bool, node: type[And] | type[Or]) -> Formula:
    """``conj`` (unit True) or ``disj`` (unit False)."""
    found: set[Formula] = set()
    for item in items:
        if item is unit:
            continue
        if item is (not unit):
            return not unit
        if isinstance(item, node):
            found.update(item.args)
        else:
            found.add(item)
    if not found:
        return unit
    for item in found:
        if isinstance(item, Not) and item.arg in found:
            return not unit
    if len(found) == 1:
        return next(iter(found))
    return node(frozenset(found))


def _factors(item: Formula) -> frozenset[Formula]:
    return item.args if isinstance(item, And) else frozenset({item})


def _disjunction(items: Iterable[Formula]) -> Formula:
    """``disj`` with common factors pulled out and absorbed alternatives dropped:
    ``(a and b) or (a and c)`` is ``a and (b or c)``; ``(a and b) or a`` is ``a``."""
    joined = _combine(items, False, Or)
    if not isinstance(joined, Or):
        return joined
    factors = [_factors(a) for a in joined.args]
    common = frozenset.intersection(*factors)
    if common:
        rest = [conj_all(f - common) for f in factors]
        return conj_all((*common, _disjunction(rest)))
    kept = [f for f in factors if not any(other < f for other in factors)]
    if len(kept) == len(factors):
        return joined
    return _combine((conj_all(f) for f in kept), False, Or)


def conj(*items: Formula) -> Formula:
    return _combine(items, True, And)


def disj(*items: Formula) -> Formula:
    return _disjunction(items)


def conj_all(items: Iterable[Formula]) -> Formula:
    return _combine(items, True, And)


def disj_all(items: Iterable[Formula]) -> Formula:
    return _disjunction(items)


def neg(item: Formula) -> Formula:
    """The negation, pushed down to the atoms."""
    if isinstance(item, bool):
        return not item
    if isinstance(item, Not):
        return item.arg
    if isinstance(item, And):
        return disj_all(neg(a) for a in item.args)
    if isinstance(item, Or):
        return conj_all(neg(a) for a in item.args)
    return Not(item)


def evaluate(item: Formula, truth: Callable[[Atom], bool]) -> bool:
    if isinstance(item, bool):
        return item
    if isinstance(item, Not):
        return not truth(item.arg)
    if isinstance(item, And):
        return all(evaluate(a, truth) for a in item.args)
    if isinstance(item, Or):
        return any(evaluate(a, truth) for a in item.args)
    return truth(item)


def atoms(item: Formula) -> set[Atom]:
    if isinstance(item, bool):
        return set()
    if isinstance(item, Not):
        return {item.arg}
    if isinstance(item, And | Or):
        found: set[Atom] = set()
        for a in item.args:
            found |= atoms(a)
        return found
    return {item}


def _text(item: Formula, nested: bool) -> str:
    if isinstance(item, Not):
        text = item.arg.negated_text
        return f"({text})" if nested and " and " in text else text
    if isinstance(item, And):
        joined = " and ".join(sorted(_text(a, True) for a in item.args))
        return f"({joined})" if nested else joined
    if isinstance(item, Or):
        joined = " or ".join(sorted(_text(a, True) for a in item.args))
        return f"({joined})" if nested else joined
    if isinstance(item, bool):
        return "always" if item else "never"
    return item.text


def render(item: Formula) -> list[str]:
    """The conditions a formula states, all of which must hold (sorted, for stable output)."""
    if item is True:
        return []
    if isinstance(item, And):
        return sorted(_text(a, False) for a in item.args)
    return [_text(item, False)]
