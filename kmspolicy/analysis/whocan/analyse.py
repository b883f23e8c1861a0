"""Who can do what: every (key, subject, action) of an estate, decided by partial
evaluation.

For each key and subject the key policy, the subject's identity policies, permissions
boundary and SCPs, and the key's grants are partially evaluated (``partial``) and then
combined exactly as ``kmspolicy.engine.combine`` combines matched statements, but on
formulas: the result for an action is a formula over what the request brings. ``True``
is an "allowed" row, ``False`` no row, anything else a "conditional" row stating the
residual conditions.

Where the estate does not hold a subject's IAM policies (an undescribed principal,
``"account:ID"``, ``"*"``) an identity-side allow is the condition ``IdentityAtom`` and its
permissions boundary ``BoundaryAtom``; unknown session policies are not modelled (a
session policy can only narrow what the report says).

Speed: a subject's result on a key depends only on how the key policy names it, the
grants to it, its policy set, its account and the facts the policies read, so subjects
equal in all of these share one evaluation per key (``_signature``); actions no allow
can reach are pruned with action masks before any formula is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kmspolicy.analysis.whocan.estate import Estate, EstateKey, Policy
from kmspolicy.analysis.whocan.formula import (
    BoundaryAtom,
    ConstraintAtom,
    Formula,
    GrantOpsAtom,
    IdentityAtom,
    TokenAtom,
    conj,
    disj_all,
    neg,
)
from kmspolicy.analysis.whocan.partial import (
    PolicyEval,
    View,
    action_bits,
    evaluate_statements,
    key_facts,
    referenced_keys,
)
from kmspolicy.analysis.whocan.report import AccessRow, Report, findings_for
from kmspolicy.analysis.whocan.subjects import Subject, SubjectKind, subjects_of
from kmspolicy.engine.combine import MatchKind
from kmspolicy.engine.grants import SYMMETRIC_CRYPTO_OPERATIONS, Grant
from kmspolicy.language.catalogue import (
    ACTION_INDEX,
    ACTIONS,
    CROSS_ACCOUNT_ACTIONS,
    ResourceScope,
    action_mask,
)
from kmspolicy.language.ir import Effect, PrincipalType, Statement

__all__ = ["REPORT_MASK", "SelectionError", "select_actions", "who_can"]

# The actions a report covers: everything authorised on a key (alias actions included,
# for their key-side permission), except the permission KMS's own service role uses.
REPORT_MASK = sum(
    1 << i
    for i, a in enumerate(ACTIONS)
    if a.scope is not ResourceScope.ACCOUNT and not a.permission_only
)
_CROSS_MASK = sum(1 << ACTION_INDEX[f"kms:{n}".lower()] for n in CROSS_ACCOUNT_ACTIONS)
_OPERATIONS = tuple(a.name.lower() for a in ACTIONS)


class SelectionError(ValueError):
    """A --key, --principal or --action that names nothing in the estate."""


def select_actions(patterns: Iterable[str]) -> int:
    """The action mask of ``--action`` values (``kms:Decrypt``, ``Decrypt``, ``kms:Get*``)."""
    mask = 0
    for pattern in patterns:
        found = action_mask(pattern if ":" in pattern else f"kms:{pattern}")
        if not found & REPORT_MASK:
            raise SelectionError(f"--action {pattern!r} names no KMS action on a key")
        mask |= found
    return mask & REPORT_MASK


@dataclass(frozen=True, slots=True)
class _StatementIndex:
    """How one key-policy statement's principal element names callers."""

    statement: Statement
    negated: bool  # NotPrincipal
    anyone: bool
    arns: frozenset[str]
    services: frozenset[str]

    def names(self, identity: str, service: bool) -> bool:
        """The engine's ``_entry_names`` over all entries."""
        if self.anyone:
            return True
        return identity in (self.services if service else self.arns)


def _index(statement: Statement) -> _StatementIndex | None:
    element = statement.principal or statement.not_principal
    if element is None:
        return None
    arns = frozenset(
        e.canonical for e in element.entries if e.type is PrincipalType.AWS and e.canonical != "*"
    )
    services = frozenset(e.canonical for e in element.entries if e.type is PrincipalType.SERVICE)
    star = element.anyone or any(
        e.type is PrincipalType.AWS and e.canonical == "*" for e in element.entries
    )
    return _StatementIndex(statement, statement.principal is None, star, arns, services)


def _statement_kind(index: _StatementIndex, subject: Subject, boundary: bool) -> int | None:
    """The engine's principal / NotPrincipal match for the subject (a MatchKind value)."""
    service = subject.is_service
    if subject.kind in (SubjectKind.ACCOUNT, SubjectKind.ANYONE):
        # The subject's own ARN is one no policy names; only "*", its account, or
        # NotPrincipal reach it.
        if not index.negated:
            if index.anyone:
                return MatchKind.DIRECT
            for identity, kind in subject.identities:
                if identity in index.arns:
                    return kind
            return None
        return None if index.anyone else MatchKind.DIRECT
    if not index.negated:
        if index.anyone:
            return MatchKind.DIRECT
        for identity, kind in subject.identities:
            if index.names(identity, service):
                return kind
        return None
    for identity, kind in subject.identities:
        if not index.names(identity, service):
            return kind
    if index.statement.effect is Effect.DENY and boundary:
        return MatchKind.DIRECT
    return None


def _statement_label(source: str, statement: Statement) -> str:
    label = f"{source} statement {statement.index}"
    return label + (f" (Sid {statement.sid})" if statement.sid else "")


class _KeyAnalysis:
    """Everything about one key that does not depend on the subject."""

    def __init__(self, key: EstateKey, estate: Estate) -> None:
        self.key = key
        self.estate = estate
        self.values = key_facts(key.info)
        statements = key.policy.document.statements
        self.indexes = [i for i in (_index(s) for s in statements) if i is not None]
        self.refs = referenced_keys(statements)
        self.cache: dict[tuple[object, ...], dict[int, tuple[Formula, tuple[str, ...]]]] = {}

    def kinds(self, subject: Subject) -> tuple[tuple[int, int], ...]:
        boundary = subject.principal is not None and subject.principal.boundary is not None
        found = []
        for position, index in enumerate(self.indexes):
            kind = _statement_kind(index, subject, boundary)
            if kind is not None:
                found.append((position, int(kind)))
        return tuple(found)

    def names(self, subject: Subject) -> bool:
        """Whether a principal element or grantee names the subject itself (not its
        account)."""
        for identity, kind in subject.identities:
            if kind is MatchKind.ACCOUNT:
                continue
            if self.key.grants.for_grantee(identity):
                return True
            if any(
                identity in (i.services if subject.is_service else i.arns) for i in self.indexes
            ):
                return True
        return False

    def grants(self, subject: Subject) -> tuple[tuple[Grant, int], ...]:
        found: list[tuple[Grant, int]] = []
        for identity, kind in subject.identities:
            found.extend((g, int(kind)) for g in self.key.grants.for_grantee(identity))
        return tuple(found)


def _policies(
    subject: Subject, estate: Estate
) -> tuple[tuple[Policy, ...], Policy | None, tuple[Policy, ...]]:
    """(identity policies, boundary, SCPs) of the subject that the estate holds."""
    scps = () if subject.is_service else estate.scps_for(subject.account)
    principal = subject.principal
    if principal is None:
        return (), None, scps
    return principal.policies, principal.boundary, scps


def _who(subject: Subject) -> str:
    if subject.kind is SubjectKind.ACCOUNT:
        return f"the caller (account {subject.account})"
    if subject.kind is SubjectKind.ANYONE:
        return "the caller"
    return subject.label


def _grant_use(grant: Grant, operation: str) -> Formula:
    """The engine's ``_grant_use`` as a formula: whether the grant serves the request."""
    if operation not in grant.operation_set:
        return False
    use: Formula = True
    if grant.pending:
        use = TokenAtom(grant.grant_id, grant.token) if grant.token is not None else False
    if operation in SYMMETRIC_CRYPTO_OPERATIONS:
        if operation == "creategrant":
            use = conj(use, GrantOpsAtom(grant.grant_id, grant.operations))
        if grant.constraints is not None:
            use = conj(use, ConstraintAtom(grant.grant_id, grant.constraints))
    return use


def _grant_mask(grants: Iterable[tuple[Grant, int]]) -> int:
    mask = 0
    for grant, _ in grants:
        for operation in grant.operation_set:
            bit = ACTION_INDEX.get(f"kms:{operation}")
            if bit is not None:
                mask |= 1 << bit
    return mask


def _decide(
    ka: _KeyAnalysis,
    subject: Subject,
    kinds: tuple[tuple[int, int], ...],
    grants: tuple[tuple[Grant, int], ...],
    limit: int,
) -> dict[int, tuple[Formula, tuple[str, ...]]]:
    """The formula (and what allows) for each action the subject may perform on the key."""
    key = ka.key
    cross = subject.account is None and subject.kind is SubjectKind.ANYONE
    cross = cross or (subject.account is not None and subject.account != key.info.account)
    mask = limit & (_CROSS_MASK if cross else REPORT_MASK)
    outside = key.info.account if subject.kind is SubjectKind.ANYONE else None
    kp_view = View(key.arn, ka.values, subject, True, outside)
    key_side = evaluate_statements(
        ((ka.indexes[p].statement, kind) for p, kind in kinds), kp_view, mask
    )
    mask &= key_side.allow_mask | _grant_mask(grants)
    if not mask:
        return {}
    identity, boundary, scps = _policies(subject, ka.estate)
    iam_view = View(key.arn, ka.values, subject, False, outside)

    def run(policy: Policy) -> PolicyEval:
        return evaluate_statements(((s, 0) for s in policy.document.statements), iam_view, mask)

    identity_evals = [run(p) for p in identity]
    boundary_eval = run(boundary) if boundary is not None else None
    scp_evals = [run(p) for p in scps]
    every = [key_side, *identity_evals, *scp_evals]
    if boundary_eval is not None:
        every.append(boundary_eval)

    out: dict[int, tuple[Formula, tuple[str, ...]]] = {}
    for bit in action_bits(mask):
        deny = disj_all(e.deny.get(bit, False) for e in every)
        if deny is True:
            continue
        action = ACTIONS[bit].action
        identity_via: list[str] = []
        if subject.iam_known:
            parts = []
            for position, e in enumerate(identity_evals):
                for allow, formula in e.allow_at(bit):
                    parts.append(formula)
                    identity_via.append(
                        _statement_label(f"identity policy {position}", allow.statement)
                    )
            identity_allow: Formula = disj_all(parts)
            limits: Formula = boundary_eval.allows_at(bit) if boundary_eval is not None else True
        else:
            identity_allow = IdentityAtom(_who(subject), action)
            limits = BoundaryAtom(_who(subject), action)
        identity_ok = conj(identity_allow, limits)
        scp_ok: Formula = disj_all(e.allows_at(bit) for e in scp_evals) if scp_evals else True

        alternatives: list[Formula] = []
        via: list[str] = []
        used_identity = False
        for allow, formula in key_side.allow_at(bit):
            kind = MatchKind(allow.kind)
            needs = kind is MatchKind.ACCOUNT or cross
            succeeds = conj(
                limits if kind is MatchKind.ROLE else True, identity_ok if needs else True
            )
            alternative = conj(formula, succeeds)
            if alternative is not False:
                alternatives.append(alternative)
                via.append(_statement_label("key policy", allow.statement))
                used_identity = used_identity or needs
        operation = _OPERATIONS[bit]
        for grant, grant_kind in grants:
            kind = MatchKind(grant_kind)
            use = _grant_use(grant, operation)
            needs = kind is MatchKind.ACCOUNT
            succeeds = conj(
                limits if kind is MatchKind.ROLE else True, identity_ok if needs else True
            )
            alternative = conj(use, succeeds)
            if alternative is not False:
                alternatives.append(alternative)
                via.append(f"grant {grant.grant_id}")
                used_identity = used_identity or needs
        result = conj(neg(deny), scp_ok, disj_all(alternatives))
        if result is False:
            continue
        if used_identity:
            via.extend(identity_via)
        out[bit] = (result, tuple(dict.fromkeys(via)))
    return out


def _signature(
    ka: _KeyAnalysis,
    subject: Subject,
    kinds: tuple[tuple[int, int], ...],
    grants: tuple[tuple[Grant, int], ...],
    group_refs: frozenset[str],
) -> tuple[object, ...]:
    principal = subject.principal
    policies = (
        (tuple(p.id for p in principal.policies), principal.boundary and principal.boundary.id)
        if principal is not None
        else None
    )
    facts = tuple(subject.lookup(k) for k in sorted(ka.refs | group_refs))
    named = subject.label if not subject.iam_known or subject.is_service else None
    return (
        subject.kind,
        subject.account,
        named,
        kinds,
        tuple((g.grant_id, k) for g, k in grants),
        policies,
        facts,
    )


def _matches_key(key: EstateKey, wanted: str) -> bool:
    info = key.info
    return (
        wanted in (info.arn, info.key_id)
        or wanted in info.aliases
        or (wanted.startswith("arn:") and wanted.split(":", 5)[-1] in info.aliases)
    )


def who_can(
    estate: Estate,
    *,
    keys: Iterable[str] = (),
    principals: Iterable[str] = (),
    actions: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """The who-can report of ``estate``, optionally narrowed to some keys (ARN, key id or
    alias), principals (ARN, ``account:ID`` or ``*``) and actions. ``progress(done,
    total)`` is called after each key."""
    wanted_keys = list(keys)
    selected = [
        k for k in estate.keys if not wanted_keys or any(_matches_key(k, w) for w in wanted_keys)
    ]
    for wanted in wanted_keys:
        if not any(_matches_key(k, wanted) for k in estate.keys):
            raise SelectionError(f"--key {wanted!r}: no such key in the estate")
    subjects = subjects_of(estate)
    wanted_principals = set(principals)
    if wanted_principals:
        labels = {s.label for s in subjects}
        for wanted in wanted_principals:
            if wanted not in labels:
                raise SelectionError(f"--principal {wanted!r}: no such principal in the estate")
        subjects = [s for s in subjects if s.label in wanted_principals]
    wanted_actions = list(actions)
    limit = select_actions(wanted_actions) if wanted_actions else REPORT_MASK

    group_refs: dict[str, frozenset[str]] = {}
    for subject in subjects:
        identity, boundary, scps = _policies(subject, estate)
        statements = [s for p in (*identity, *scps) for s in p.document.statements]
        if boundary is not None:
            statements.extend(boundary.document.statements)
        group_refs[subject.label] = referenced_keys(statements)

    rows: list[AccessRow] = []
    for done, key in enumerate(selected, 1):
        ka = _KeyAnalysis(key, estate)
        for subject in subjects:
            if subject.kind is SubjectKind.UNDESCRIBED and not ka.names(subject):
                continue  # "account:ID" speaks for it on keys that do not name it
            kinds = ka.kinds(subject)
            grants = ka.grants(subject)
            if not grants and not any(
                ka.indexes[p].statement.effect is Effect.ALLOW for p, _ in kinds
            ):
                continue
            signature = _signature(ka, subject, kinds, grants, group_refs[subject.label])
            decided = ka.cache.get(signature)
            if decided is None:
                decided = _decide(ka, subject, kinds, grants, limit)
                ka.cache[signature] = decided
            for bit, (formula, via) in decided.items():
                rows.append(AccessRow(key.arn, subject.label, ACTIONS[bit].action, formula, via))
        if progress is not None:
            progress(done, len(selected))
    keys_by_arn = {k.arn: k for k in selected}
    return Report(tuple(rows), tuple(findings_for(rows, keys_by_arn, subjects)), tuple(selected))
