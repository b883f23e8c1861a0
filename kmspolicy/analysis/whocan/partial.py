"""Partial evaluation of policies: the engine's statement semantics with unknown requests.

This is the residual-evaluating twin of ``kmspolicy.engine.reference``'s statement checks.
Where a value is known (facts about the principal and the key) it calls the engine's own
condition check on it, so both give the same answer; where it is not (encryption context,
source IP, time, via-service, MFA, grant operations... anything the request brings) the
condition stays as a ``CondAtom``. A condition key is known to be absent for an action
whose requests never carry it (the catalogue's per-action keys: ``kms:EncryptionContext:``
is never in a DescribeKey request), and key-policy conditions never see the IAM-only keys
(``aws:ResourceTag/``, ``kms:ResourceAliases``), as in the engine.

A statement evaluates to groups ``(action mask, formula)``: for the actions of the mask,
it matches exactly when the formula holds. Conditions use the engine's three-valued
rule: an Allow needs every condition to hold; a Deny matches when none is false (a
condition that cannot be evaluated counts as holding).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kmspolicy.analysis.whocan.formula import (
    CondAtom,
    Formula,
    ResourceAtom,
    conj,
    disj_all,
)
from kmspolicy.analysis.whocan.subjects import Subject
from kmspolicy.engine import reference
from kmspolicy.engine.context import IAM_ONLY_PREFIXES, build_context, is_single_valued
from kmspolicy.engine.operators import OPERATORS, ValueType, glob_regex
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.language.catalogue import (
    ACTION_INDEX,
    ALL_ACTIONS_MASK,
    action_mask,
    lookup_condition_key,
)
from kmspolicy.language.ir import Condition, Effect, Literal, Statement, Value, Variable

__all__ = [
    "KEY_KEYS",
    "RESOURCE_TAG",
    "PolicyEval",
    "View",
    "action_bits",
    "applicable_mask",
    "evaluate_statements",
    "key_facts",
    "referenced_keys",
    "statement_action_mask",
]

_UNKNOWN = False  # View.lookup's "not known" marker (None is "known absent")
# Keys a KMS request always carries when it carries them at all for the action.
_ALWAYS_PRESENT = frozenset(
    {
        "aws:currenttime",
        "aws:epochtime",
        "aws:viaawsservice",
        "kms:encryptionalgorithm",
        "kms:messagetype",
        "kms:grantisforawsresource",
    }
)
# An account that is no account of any estate: what "*" stands for.
OUTSIDE_ACCOUNT = "000000000000"
_ACCOUNT_KEYS = frozenset({"aws:principalaccount", "kms:calleraccount"})


def action_bits(mask: int) -> Iterable[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@cache
def applicable_mask(key: str) -> int:
    """The actions whose requests can carry condition key ``key`` (lowercased)."""
    info = lookup_condition_key(key)
    if info is None:
        return ALL_ACTIONS_MASK if key.startswith("aws:") else 0
    if info.actions is None:
        return ALL_ACTIONS_MASK
    mask = 0
    for name in info.actions:
        mask |= 1 << ACTION_INDEX[f"kms:{name}".lower()]
    return mask


_STATEMENT_MASKS: dict[int, tuple[Statement, int]] = {}


def statement_action_mask(statement: Statement) -> int:
    """The KMS actions the statement's Action / NotAction covers."""
    cached = _STATEMENT_MASKS.get(id(statement))
    if cached is not None and cached[0] is statement:
        return cached[1]
    mask = 0
    if statement.action is not None:
        for value in statement.action:
            mask |= action_mask(value.text)
    elif statement.not_action is not None:
        for value in statement.not_action:
            mask |= action_mask(value.text)
        mask = ALL_ACTIONS_MASK & ~mask
    _STATEMENT_MASKS[id(statement)] = (statement, mask)
    return mask


def _variable_keys(values: Iterable[Value]) -> set[str]:
    return {p.key.lower() for v in values for p in v.parts if isinstance(p, Variable)}


def referenced_keys(statements: Iterable[Statement]) -> frozenset[str]:
    """Every condition key (lowercased) the statements read, policy variables included."""
    keys: set[str] = set()
    for statement in statements:
        for condition in statement.conditions:
            keys.add(condition.key.lower())
            keys |= _variable_keys(condition.values)
        keys |= _variable_keys(statement.resource or statement.not_resource or ())
    return frozenset(keys)


KEY_KEYS = frozenset(
    {
        "kms:keyspec",
        "kms:customermasterkeyspec",
        "kms:keyusage",
        "kms:customermasterkeyusage",
        "kms:keyorigin",
        "kms:multiregion",
        "kms:multiregionkeytype",
        "kms:resourcealiases",
        "aws:requestedregion",
    }
)
RESOURCE_TAG = "aws:resourcetag/"


def key_facts(info: KeyInfo) -> dict[str, tuple[str, ...]]:
    """The condition values a request on the key carries about the key itself."""
    ctx = build_context(
        Request(Caller.from_arn(f"arn:aws:iam::{info.account}:root"), "kms:DescribeKey", info)
    )
    return {k: v for k, v in ctx.values.items() if k in KEY_KEYS or k.startswith(RESOURCE_TAG)}


@dataclass(slots=True)
class View:
    """What is known while evaluating one policy for one key and one subject.

    Facts about the key (``key_values``) and the subject are known (a known key missing
    from them is absent); every other key is unknown: the request decides it.
    ``key_policy`` selects the key-policy view (IAM-only keys absent). For the ``"*"``
    subject the caller's account is unknown but is not ``outside_account`` (the key's).
    """

    resource: str
    key_values: dict[str, tuple[str, ...]]
    subject: Subject
    key_policy: bool
    outside_account: str | None = None
    _cache: dict[tuple[int, bool], tuple[int, Formula, Formula]] = field(default_factory=dict)

    def status(self, key: str) -> tuple[str, ...] | bool | None:
        """Known values; None when known to be absent; False (``_UNKNOWN``) otherwise."""
        if self.key_policy and key.startswith(IAM_ONLY_PREFIXES):
            return None
        found = self.key_values.get(key)
        if found is not None:
            return found
        if key in KEY_KEYS or key.startswith(RESOURCE_TAG):
            return None
        return self.subject.lookup(key)


def _concrete_values(view: View, keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    values: dict[str, tuple[str, ...]] = {}
    for key in keys:
        found = view.status(key)
        if isinstance(found, tuple):
            values[key] = found
    return values


def _decide(condition: Condition, values: dict[str, tuple[str, ...]], deny: bool) -> bool:
    """The engine's answer for a condition on concrete values (absent = not in values)."""
    try:
        return reference.condition_holds(condition, values)
    except reference.Unevaluable:
        return deny


def _substituted_text(value: Value, values: dict[str, tuple[str, ...]]) -> str:
    """The value as a reader should see it: known policy variables replaced."""
    out = []
    for part in value.parts:
        if isinstance(part, Literal):
            out.append(part.text)
        elif isinstance(part, Variable):
            key = part.key.lower()
            found = is_single_valued(values, key)
            if found is not None:
                out.append(found)
            elif part.default is not None and key in values:
                out.append(part.default)
            else:
                out.append("${" + part.key + "}")
        else:
            out.append(part.char)
    return "".join(out)


_WORDS = {
    "stringequals": ("=", "!="),
    "stringnotequals": ("!=", "="),
    "stringequalsignorecase": ("= (any case)", "!= (any case)"),
    "stringnotequalsignorecase": ("!= (any case)", "= (any case)"),
    "stringlike": ("like", "not like"),
    "stringnotlike": ("not like", "like"),
    "numericequals": ("=", "!="),
    "numericnotequals": ("!=", "="),
    "numericlessthan": ("<", None),
    "numericlessthanequals": ("<=", None),
    "numericgreaterthan": (">", None),
    "numericgreaterthanequals": (">=", None),
    "dateequals": ("=", "!="),
    "datenotequals": ("!=", "="),
    "datelessthan": ("<", None),
    "datelessthanequals": ("<=", None),
    "dategreaterthan": (">", None),
    "dategreaterthanequals": (">=", None),
    "bool": ("=", "!="),
    "binaryequals": ("=", None),
    "ipaddress": ("in", "not in"),
    "notipaddress": ("not in", "in"),
    "arnequals": ("like", "not like"),
    "arnlike": ("like", "not like"),
    "arnnotequals": ("not like", "like"),
    "arnnotlike": ("not like", "like"),
}


def _wording(condition: Condition, values: dict[str, tuple[str, ...]]) -> tuple[str, str]:
    """(text, negated text) of a residual condition, e.g. ``kms:EncryptionContext:dept =
    finance`` and ``kms:EncryptionContext:dept != finance``."""
    key = condition.key
    shown = [_substituted_text(v, values) for v in condition.values]
    base = condition.operator.lower()
    if base == "null":
        absent = any(s.lower() == "true" for s in shown)
        present = any(s.lower() == "false" for s in shown)
        if absent and present:
            return f"{key} is absent or present", f"never ({key} is absent or present)"
        word = "absent" if absent else "present"
        other = "present" if absent else "absent"
        return f"{key} is {word}", f"{key} is {other}"
    op, negated_op = _WORDS.get(base, (condition.operator_text, None))
    listed = shown[0] if len(shown) == 1 else "{" + ", ".join(shown) + "}"
    if len(shown) > 1 and op in ("=", "like"):
        op = "in" if op == "=" else "like one of"
    elif len(shown) > 1 and op in ("!=", "not like"):
        op = "not in" if op == "!=" else "not like any of"
    if negated_op is not None and len(shown) > 1:
        negated_op = {"=": "in", "!=": "not in", "like": "like one of"}.get(
            negated_op, "not like any of" if negated_op == "not like" else negated_op
        )
    qualifier = condition.set_qualifier
    subject = key
    if qualifier is not None:
        subject = (
            "every value of " if qualifier.value == "ForAllValues" else "some value of "
        ) + key
    text = f"{subject} {op} {listed}"
    if condition.if_exists:
        text += f" (or {key} is absent)"
    if qualifier is None and negated_op is not None:
        negated = f"{subject} {negated_op} {listed}"
        if condition.if_exists:
            negated = f"{key} is present and {negated}"
        return text, negated
    return text, f"not ({text})"


def _atom(condition: Condition, view: View, deny: bool) -> CondAtom:
    values = _concrete_values(view, _variable_keys(condition.values))
    text, negated = _wording(condition, values)
    return CondAtom(condition, deny, view.key_policy, text, negated)


def _outside_account(condition: Condition, view: View, deny: bool) -> Formula:
    """A condition on the caller's account for "*": the same answer for every account
    other than the key's, or a residual."""
    assert view.outside_account is not None
    key = condition.key.lower()
    candidates = {OUTSIDE_ACCOUNT}
    for value in condition.values:
        text = value.text
        if not value.has_variables and "*" not in text and "?" not in text:
            candidates.add(text)
    candidates.discard(view.outside_account)
    answers = {_decide(condition, {key: (c,)}, deny) for c in candidates}
    if len(answers) == 1:
        return answers.pop()
    return _atom(condition, view, deny)


def _condition_parts(condition: Condition, view: View, deny: bool) -> tuple[int, Formula, Formula]:
    """(mask, formula where the key can be in the request, formula where it cannot)."""
    cached = view._cache.get((id(condition), deny))
    if cached is not None:
        return cached
    key = condition.key.lower()
    variable_keys = _variable_keys(condition.values)
    variables_known = all(view.status(k) is not _UNKNOWN for k in variable_keys)
    status = view.status(key)
    concrete = _concrete_values(view, variable_keys)
    spec = OPERATORS.get(condition.operator.lower())
    if status is not _UNKNOWN:
        if variables_known or spec is None:
            absent_answer = _decide(condition, concrete, deny)
            if isinstance(status, tuple):
                concrete[key] = status
            known: Formula = _decide(condition, concrete, deny)
            # A known value is in the request only for the actions KMS provides it for
            # (kms:CallerAccount is not in a RetireGrant request), as in the engine.
            result: tuple[int, Formula, Formula] = (applicable_mask(key), known, absent_answer)
        else:
            result = (ALL_ACTIONS_MASK, _atom(condition, view, deny), False)
    else:
        app = applicable_mask(key)
        absent: Formula = (
            _decide(condition, concrete, deny) if variables_known else _atom(condition, view, deny)
        )
        present: Formula
        if spec is not None and spec.type is ValueType.NULL and key in _ALWAYS_PRESENT:
            present = _decide(condition, {**concrete, key: ("true",)}, deny)
        elif key in _ACCOUNT_KEYS and view.outside_account is not None and variables_known:
            present = _outside_account(condition, view, deny)
        else:
            present = _atom(condition, view, deny)
        result = (app, present, absent)
    view._cache[(id(condition), deny)] = result
    return result


def _resource_formula(statement: Statement, view: View) -> Formula:
    patterns = statement.resource if statement.resource is not None else statement.not_resource
    if patterns is None:
        return False
    not_resource = statement.resource is None
    keys = _variable_keys(patterns)
    if any(view.status(k) is _UNKNOWN for k in keys):
        values = _concrete_values(view, keys)
        shown = ", ".join(_substituted_text(p, values) for p in patterns)
        word = "NotResource" if not_resource else "Resource"
        text = f"{word} {shown} covers {view.resource}"
        if not_resource:
            text = f"{view.resource} is outside NotResource {shown}"
        return ResourceAtom(patterns, not_resource, view.key_policy, text)
    values = _concrete_values(view, keys)
    matched = resource_match(patterns, view.resource, values)
    return matched != not_resource


def resource_match(
    patterns: tuple[Value, ...], resource: str, values: dict[str, tuple[str, ...]]
) -> bool:
    for pattern in patterns:
        pieces = reference.substitute(pattern, values)
        if pieces is not None and glob_regex(pieces).fullmatch(resource) is not None:
            return True
    return False


def statement_groups(statement: Statement, view: View, limit: int) -> list[tuple[int, Formula]]:
    """``(action mask, formula)`` groups: where the statement matches, within ``limit``."""
    mask = statement_action_mask(statement) & limit
    if not mask:
        return []
    resource = _resource_formula(statement, view)
    if resource is False:
        return []
    deny = statement.effect is Effect.DENY
    groups: dict[Formula, int] = {resource: mask}
    for condition in statement.conditions:
        app, present, absent = _condition_parts(condition, view, deny)
        split: dict[Formula, int] = {}
        for formula, part in groups.items():
            for sub, extra in ((part & app, present), (part & ~app, absent)):
                if sub:
                    joined = conj(formula, extra)
                    if joined is not False:
                        split[joined] = split.get(joined, 0) | sub
        groups = split
        if not groups:
            return []
    return [(m, f) for f, m in groups.items()]


@dataclass(frozen=True, slots=True)
class StatementAllow:
    statement: Statement
    kind: int  # the engine's MatchKind for key policies; 0 elsewhere
    groups: tuple[tuple[int, Formula], ...]
    mask: int


@dataclass(frozen=True, slots=True)
class PolicyEval:
    """One policy, partially evaluated: Deny formulas per action bit, and the Allow
    statements with their groups."""

    deny: dict[int, Formula]
    allows: tuple[StatementAllow, ...]
    allow_mask: int
    deny_true: int  # the actions an explicit Deny always matches

    def allow_at(self, bit: int) -> list[tuple[StatementAllow, Formula]]:
        flag = 1 << bit
        found = []
        for allow in self.allows:
            if allow.mask & flag:
                for mask, formula in allow.groups:
                    if mask & flag:
                        found.append((allow, formula))
                        break
        return found

    def allows_at(self, bit: int) -> Formula:
        return disj_all(f for _, f in self.allow_at(bit))


def evaluate_statements(
    statements: Iterable[tuple[Statement, int]], view: View, limit: int = ALL_ACTIONS_MASK
) -> PolicyEval:
    """Partially evaluate ``(statement, match kind)`` pairs (the caller has matched the
    principal element already)."""
    deny: dict[int, list[Formula]] = {}
    allows: list[StatementAllow] = []
    allow_mask = 0
    for statement, kind in statements:
        groups = statement_groups(statement, view, limit)
        if not groups:
            continue
        if statement.effect is Effect.DENY:
            for mask, formula in groups:
                for bit in action_bits(mask):
                    deny.setdefault(bit, []).append(formula)
        else:
            mask = 0
            for part, _ in groups:
                mask |= part
            allows.append(StatementAllow(statement, kind, tuple(groups), mask))
            allow_mask |= mask
    denies = {bit: disj_all(fs) for bit, fs in deny.items()}
    deny_true = sum(1 << bit for bit, f in denies.items() if f is True)
    return PolicyEval(denies, tuple(allows), allow_mask, deny_true)
