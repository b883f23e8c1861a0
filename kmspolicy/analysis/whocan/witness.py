"""Concrete requests that exercise a who-can row: one that meets its conditions and one
that does not.

A *world* fixes everything the analysis left open: the request's encryption context,
source IP, via-service, alias, grant tokens and other condition keys; for a subject whose
IAM policies the estate does not hold, whether they allow (a synthetic identity policy)
and whether a permissions boundary blocks; for ``"account:ID"`` and ``"*"`` which
principal calls. Candidate values come from the atoms themselves (the policy values, a
value that matches none, absence), so the search covers every way an atom can go.
``examples`` returns the policy set and request of a world where the row's formula is
true and of one where it is false, for the engine to decide: this is how the reports are
checked against ``kmspolicy simulate``.
"""

from __future__ import annotations

import ipaddress
import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from kmspolicy.analysis.whocan.estate import Estate, EstateKey
from kmspolicy.analysis.whocan.formula import (
    Atom,
    BoundaryAtom,
    CondAtom,
    ConstraintAtom,
    Formula,
    GrantOpsAtom,
    IdentityAtom,
    ResourceAtom,
    TokenAtom,
    atoms,
    evaluate,
)
from kmspolicy.analysis.whocan.partial import OUTSIDE_ACCOUNT, View, applicable_mask, key_facts
from kmspolicy.analysis.whocan.subjects import Subject, SubjectKind
from kmspolicy.engine.context import ALIAS_OPERATIONS, RequestContext, build_context
from kmspolicy.engine.operators import OPERATORS, ValueType, parse_date, parse_number
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Caller, Request
from kmspolicy.language import policy_from_obj
from kmspolicy.language.catalogue import ACTION_INDEX, GRANT_OPERATIONS
from kmspolicy.language.ir import Condition, PolicyDocument, PolicyKind, Variable

__all__ = ["Example", "condition_atoms", "examples", "worlds"]

_OTHER = "zz-other"
_ANYONE_ACCOUNT = "999988887777"
_EXAMPLE_NAME = "whocan-example"
_MAX_WORLDS = 4000
_Name = tuple[Any, ...]  # a choice: ("ec", "dept"), ("assume", atom), ...
_World = dict[_Name, Any]


@dataclass(frozen=True, slots=True)
class Example:
    """A policy set and a request the engine can decide."""

    policies: PolicySet[PolicyDocument]
    request: Request


def _instantiate(text: str) -> str:
    """A string a glob pattern matches (``*`` → ``x``, ``?`` → ``y``)."""
    return text.replace("*", "x").replace("?", "y")


def _typed_candidates(condition: Condition) -> list[str]:
    """Request values that fall on each side of the condition's policy values."""
    spec = OPERATORS.get(condition.operator.lower())
    texts = [v.text for v in condition.values if not v.has_variables]
    out: list[str] = []
    vtype = spec.type if spec is not None else ValueType.STRING
    for text in texts:
        try:
            if vtype is ValueType.IP:
                net = ipaddress.ip_network(text.strip(), strict=False)
                out += [str(net.network_address), str(net.broadcast_address)]
            elif vtype is ValueType.NUMBER:
                n = parse_number(text)
                out += [str(n), str(n + Decimal(1)), str(n - Decimal(1))]
            elif vtype is ValueType.DATE:
                moment = parse_date(text)
                for delta in (timedelta(0), timedelta(days=1), timedelta(days=-1)):
                    out.append((moment + delta).strftime("%Y-%m-%dT%H:%M:%SZ"))
            elif vtype is ValueType.BOOL:
                out += ["true", "false"]
            elif vtype is ValueType.NULL:
                out.append("x")
            else:
                out += [_instantiate(text), text.lower(), text.upper()]
        except ValueError:
            continue
    if vtype is ValueType.IP:
        out += ["198.51.100.77", "2001:db8::1"]
    elif vtype is ValueType.BOOL:
        out += ["true", "false"]
    elif vtype not in (ValueType.NUMBER, ValueType.DATE):
        out.append(_OTHER)
    return list(dict.fromkeys(out))


_ALWAYS = frozenset({"aws:currenttime", "kms:encryptionalgorithm", "kms:messagetype"})
_DERIVED = frozenset(
    {"aws:epochtime", "aws:viaawsservice", "kms:grantisforawsresource", "aws:principalisawsservice"}
)


class _Dimensions:
    """Named choices and their candidate values, collected from atoms."""

    def __init__(self, subject: Subject, key: EstateKey, action: str) -> None:
        self.bit = 1 << ACTION_INDEX[action.lower()]
        self.subject = subject
        self.key = key
        self.view = View(key.arn, key_facts(key.info), subject, False)
        self.choices: dict[_Name, list[Any]] = {}

    def add(self, name: _Name, values: Iterable[Any], absent: bool = True) -> None:
        slot = self.choices.setdefault(name, [None] if absent else [])
        for value in values:
            if value not in slot:
                slot.append(value)

    def condition(self, condition: Condition) -> None:
        key = condition.key.lower()
        candidates = _typed_candidates(condition)
        for value in condition.values:
            for part in value.parts:
                if isinstance(part, Variable):
                    self.context_key(part.key.lower(), ["v1", _OTHER])
        self.context_key(key, candidates, condition)

    def context_key(
        self, key: str, candidates: list[str], condition: Condition | None = None
    ) -> None:
        if key in _DERIVED or self.view.status(key) is not False:
            return
        if not applicable_mask(key) & self.bit:
            return  # requests for this action never carry the key
        if key.startswith("kms:encryptioncontext:"):
            self.add(("ec", key.split(":", 2)[2]), candidates)
        elif key == "kms:encryptioncontextkeys":
            for name in candidates:
                self.add(("ec", name.lower()), ["v1"])
        elif key.startswith("aws:principaltag/"):
            self.add(("tag", key.split("/", 1)[1]), candidates)
        elif key == "aws:multifactorauthpresent":
            self.add(("mfa",), [True, False])
        elif key == "kms:requestalias":
            self.add(("alias",), [*candidates, *self.key.info.aliases])
        elif key == "kms:grantoperations":
            self.add(("grantops",), [(c,) for c in candidates] + [("Decrypt", "Encrypt")])
        elif key in ("aws:principalaccount", "kms:calleraccount"):
            own = self.key.info.account
            self.add(("account",), [c for c in candidates if c.isdigit() and c != own], False)
        elif key in ("aws:principalarn", "aws:principaltype", "aws:username"):
            self.add(("callerkind",), ["user", "role"], False)
            self.add(("callername",), [_EXAMPLE_NAME, *self._names(condition)], False)
        else:
            self.add(("ctx", key), candidates, absent=key not in _ALWAYS)

    @staticmethod
    def _names(condition: Condition | None) -> list[str]:
        if condition is None:
            return []
        found = []
        for value in condition.values:
            text = _instantiate(value.text)
            tail = text.rsplit("/", 1)[-1] if "/" in text else text
            if tail and ":" not in tail:
                found.append(tail)
        return found

    def atom(self, atom: Atom) -> None:
        if isinstance(atom, CondAtom):
            self.condition(atom.condition)
        elif isinstance(atom, ResourceAtom):
            for pattern in atom.patterns:
                for part in pattern.parts:
                    if isinstance(part, Variable):
                        self.context_key(part.key.lower(), ["v1", _OTHER])
        elif isinstance(atom, TokenAtom):
            self.add(("token", atom.grant_id), [False, True], absent=False)
        elif isinstance(atom, ConstraintAtom):
            c = atom.constraints
            for k, v in (c.encryption_context_subset or ()) + (c.encryption_context_equals or ()):
                self.add(("ec", k.lower()), [v, _OTHER])
            self.add(("ec", "zz-extra"), ["x"])
        elif isinstance(atom, GrantOpsAtom):
            extra = next(op for op in GRANT_OPERATIONS if op not in atom.operations)
            self.add(("grantops",), [atom.operations, (*atom.operations, extra)], absent=False)
        else:
            self.add(("assume", atom), [True, False], absent=False)


def condition_atoms(documents: Iterable[PolicyDocument]) -> list[CondAtom]:
    """Every condition of the documents as an atom (to spread denied-combination checks
    over the values the policies test)."""
    return [
        CondAtom(c, False, False, c.key, c.key)
        for d in documents
        for s in d.statements
        for c in s.conditions
    ]


def worlds(
    subject: Subject, key: EstateKey, action: str, found: Iterable[Atom], seed: int = 0
) -> Iterator[_World]:
    """Assignments of every choice the atoms open for a request of ``action`` (at most
    ``_MAX_WORLDS``; sampled when there are more)."""
    dims = _Dimensions(subject, key, action)
    for atom in sorted(found, key=repr):
        dims.atom(atom)
    names = sorted(dims.choices, key=repr)
    lists = [dims.choices[n] for n in names]
    total = 1
    for values in lists:
        total *= max(1, len(values))
    if total <= _MAX_WORLDS:
        for combo in itertools.product(*lists):
            yield dict(zip(names, combo, strict=True))
        return
    rng = random.Random(seed)
    for _ in range(_MAX_WORLDS):
        yield {n: rng.choice(v) for n, v in zip(names, lists, strict=True) if v}


def _caller(subject: Subject, key: EstateKey, world: _World) -> Caller:
    tags = {name[1]: v for name, v in world.items() if name[0] == "tag" and v is not None}
    mfa = world.get(("mfa",))
    if subject.kind is SubjectKind.PRINCIPAL:
        assert subject.principal is not None
        return Caller.from_arn(subject.label, tags=subject.principal.caller.tags, mfa=mfa)
    if subject.kind is SubjectKind.UNDESCRIBED or subject.kind is SubjectKind.SERVICE:
        return Caller.from_arn(subject.label, tags=tags, mfa=mfa)
    account = subject.account or world.get(("account",)) or _ANYONE_ACCOUNT
    if account in (OUTSIDE_ACCOUNT, key.info.account) and subject.kind is SubjectKind.ANYONE:
        account = _ANYONE_ACCOUNT
    kind = world.get(("callerkind",), "user")
    name = world.get(("callername",), _EXAMPLE_NAME)
    return Caller.from_arn(f"arn:aws:iam::{account}:{kind}/{name}", tags=tags, mfa=mfa)


def _allow_policy(action: str, kind: PolicyKind) -> PolicyDocument:
    return policy_from_obj(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}],
        },
        kind,
    )


def _build(
    estate: Estate,
    key: EstateKey,
    subject: Subject,
    action: str,
    world: _World,
) -> Example:
    caller = _caller(subject, key, world)
    context: dict[str, str] = {}
    encryption_context: dict[str, str] = {}
    tokens: list[str] = []
    grant_operations = world.get(("grantops",))
    for name, value in world.items():
        if value is None:
            continue
        if name[0] == "ctx":
            context[name[1]] = value
        elif name[0] == "ec":
            encryption_context[name[1]] = value
        elif name[0] == "token" and value:
            grant = next(g for g in key.grants.grants if g.grant_id == name[1])
            if grant.token is not None:
                tokens.append(grant.token)
    operation = action.split(":", 1)[1].lower()
    alias = world.get(("alias",))
    request = Request(
        caller=caller,
        action=action,
        key=key.info,
        encryption_context=encryption_context,
        grant_tokens=tuple(tokens),
        key_id_alias=alias if operation in ALIAS_OPERATIONS else None,
        grant_operations=grant_operations,
        via_service=context.pop("kms:viaservice", None),
        source_ip=context.pop("aws:sourceip", None),
        source_vpce=context.pop("aws:sourcevpce", None),
        current_time=context.pop("aws:currenttime", None),
        context=context,
    )
    principal = subject.principal
    if principal is not None:
        identity: tuple[PolicyDocument, ...] = tuple(p.document for p in principal.policies)
        boundary = principal.boundary.document if principal.boundary is not None else None
    else:
        identity = ()
        boundary = None
        for name, value in world.items():
            if name[0] != "assume":
                continue
            atom = name[1]
            if isinstance(atom, IdentityAtom) and value:
                identity = (_allow_policy(action, PolicyKind.IDENTITY),)
            if isinstance(atom, BoundaryAtom) and not value:
                boundary = _allow_policy("kms:ListAliases", PolicyKind.BOUNDARY)
    scps = () if subject.is_service else estate.scps_for(caller.account)
    policies = PolicySet(
        KeyPolicies(key.policy.document, key.grants),
        CallerPolicies(identity, boundary, tuple(p.document for p in scps)),
    )
    return Example(policies, request)


def _assumptions(world: _World) -> dict[Any, bool]:
    return {name[1]: value for name, value in world.items() if name[0] == "assume"}


def holds(formula: Formula, ctx: RequestContext, world: _World) -> bool:
    assumed = _assumptions(world)
    return evaluate(formula, lambda atom: atom.holds(ctx, assumed))


def examples(
    estate: Estate, key: EstateKey, subject: Subject, action: str, formula: Formula
) -> tuple[Example | None, Example | None]:
    """A request meeting ``formula`` and one that does not (None when the search finds
    none, e.g. ``formula`` is always true)."""
    meets: Example | None = None
    fails: Example | None = None
    for world in worlds(subject, key, action, atoms(formula)):
        example = _build(estate, key, subject, action, world)
        if holds(formula, build_context(example.request), world):
            meets = meets or example
        else:
            fails = fails or example
        if meets is not None and fails is not None:
            break
    return meets, fails


def all_examples(
    estate: Estate, key: EstateKey, subject: Subject, action: str, extra: Iterable[Atom]
) -> Iterator[Example]:
    """Requests spread over the values ``extra`` atoms test (for denied combinations)."""
    for world in worlds(subject, key, action, extra):
        yield _build(estate, key, subject, action, world)
