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
    KEY_KEYS,
    RESOURCE_TAG,
    PolicyEval,
    View,
    action_bits,
    evaluate_statements,
    key_facts,
    referenced_keys,
    resource_match,
)
from kmspolicy.analysis.whocan.report import AccessRow, Report, findings_for
from kmspolicy.analysis.whocan.subjects import Subject, SubjectKind, subjects_of
from kmspolicy.engine.combine import MatchKind
from kmspolicy.engine.grants import SYMMETRIC_CRYPTO_OPERATIONS, Grant
from kmspolicy.language.catalogue import (
    ACTION_INDEX,
    ACTIONS,
    ALL_ACTIONS_MASK,
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


_Decided = dict[int, tuple[Formula, tuple[str, ...]]]
_Part = tuple[int, PolicyEval]  # an interned partial evaluation and its id
# (key-policy statement position, MatchKind) pairs, and (grant, MatchKind) pairs
_Matches = tuple[tuple[tuple[int, int], ...], tuple[tuple[Grant, int], ...]]


def _is_key_fact(key: str) -> bool:
    return key in KEY_KEYS or key.startswith(RESOURCE_TAG)


class _Shared:
    """Caches shared by every key. Partial evaluations of identity-side policies are
    interned by content, so subjects whose policies say the same thing on a key share one
    evaluation (and one decision)."""

    def __init__(self, estate: Estate, limit: int) -> None:
        self.estate = estate
        self.limit = limit
        self.refs: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.evals: dict[tuple[object, ...], _Part] = {}
        self.interned: dict[tuple[object, ...], _Part] = {}
        self.subject_sigs: dict[tuple[str, int], tuple[object, ...]] = {}

    def policy_refs(self, policy: Policy) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(keys about the key, other keys) the policy reads."""
        found = self.refs.get(policy.id)
        if found is None:
            keys = sorted(referenced_keys(policy.document.statements))
            found = (
                tuple(k for k in keys if _is_key_fact(k)),
                tuple(k for k in keys if not _is_key_fact(k)),
            )
            self.refs[policy.id] = found
        return found

    def intern(self, evaluated: PolicyEval) -> _Part:
        content = (
            tuple(sorted(evaluated.deny.items(), key=lambda item: item[0])),
            tuple((id(a.statement), a.kind, a.groups) for a in evaluated.allows),
        )
        found = self.interned.get(content)
        if found is None:
            found = (len(self.interned), evaluated)
            self.interned[content] = found
        return found

    def subject_sig(self, subject: Subject, policy: Policy) -> tuple[object, ...]:
        slot = (subject.label, policy.id)
        found = self.subject_sigs.get(slot)
        if found is None:
            found = tuple(subject.lookup(k) for k in self.policy_refs(policy)[1])
            self.subject_sigs[slot] = found
        return found


class _KeyAnalysis:
    """Everything about one key that does not depend on the subject."""

    def __init__(self, key: EstateKey, shared: _Shared) -> None:
        self.key = key
        self.shared = shared
        self.values = key_facts(key.info)
        statements = key.policy.document.statements
        self.indexes = [i for i in (_index(s) for s in statements) if i is not None]
        kp_refs = sorted(referenced_keys(statements))
        self.kp_refs = tuple(k for k in kp_refs if not _is_key_fact(k))
        self.named: set[str] = {g.grantee_principal for g in key.grants.grants}
        for index in self.indexes:
            self.named |= index.arns | index.services
        self.generic: dict[
            tuple[object, ...], tuple[tuple[tuple[int, int], ...], tuple[tuple[Grant, int], ...]]
        ] = {}
        self.key_sides: dict[tuple[object, ...], _Part] = {}
        self.policy_sigs: dict[int, tuple[object, ...]] = {}
        self.decided: dict[tuple[object, ...], _Decided] = {}

    def names(self, subject: Subject) -> bool:
        """Whether a principal element or grantee names the subject itself (not its
        account)."""
        return any(
            kind is not MatchKind.ACCOUNT and identity in self.named
            for identity, kind in subject.identities
        )

    def matches(self, subject: Subject) -> _Matches:
        """How the key policy's statements name the subject, and the grants to it."""
        if not self.names(subject):
            first = subject.identities[0][1] if subject.identities else None
            slot = (subject.kind, first, subject.account, _has_boundary(subject))
            found = self.generic.get(slot)
            if found is None:
                found = (self._kinds(subject), self._grants(subject))
                self.generic[slot] = found
            return found
        return self._kinds(subject), self._grants(subject)

    def _kinds(self, subject: Subject) -> tuple[tuple[int, int], ...]:
        boundary = _has_boundary(subject)
        found = []
        for position, index in enumerate(self.indexes):
            kind = _statement_kind(index, subject, boundary)
            if kind is not None:
                found.append((position, int(kind)))
        return tuple(found)

    def _grants(self, subject: Subject) -> tuple[tuple[Grant, int], ...]:
        found: list[tuple[Grant, int]] = []
        for identity, kind in subject.identities:
            found.extend((g, int(kind)) for g in self.key.grants.for_grantee(identity))
        return tuple(found)

    def policy_sig(self, policy: Policy) -> tuple[object, ...]:
        """What an identity-side policy's evaluation depends on about this key."""
        found = self.policy_sigs.get(policy.id)
        if found is None:
            parts: list[object] = []
            for statement in policy.document.statements:
                patterns = statement.resource or statement.not_resource or ()
                if any(p.has_variables for p in patterns):
                    parts.append(self.key.arn)
                else:
                    parts.append(resource_match(patterns, self.key.arn, {}))
            parts.extend(self.values.get(k) for k in self.shared.policy_refs(policy)[0])
            found = tuple(parts)
            self.policy_sigs[policy.id] = found
        return found

    def iam_part(self, policy: Policy, subject: Subject, outside: str | None) -> _Part:
        shared = self.shared
        slot = (policy.id, self.policy_sig(policy), shared.subject_sig(subject, policy), outside)
        found = shared.evals.get(slot)
        if found is None:
            view = View(self.key.arn, self.values, subject, False, outside)
            statements = ((s, 0) for s in policy.document.statements)
            found = shared.intern(evaluate_statements(statements, view, shared.limit))
            shared.evals[slot] = found
        return found

    def key_side(
        self, subject: Subject, kinds: tuple[tuple[int, int], ...], mask: int, outside: str | None
    ) -> _Part:
        slot = (kinds, mask, outside, tuple(subject.lookup(k) for k in self.kp_refs))
        found = self.key_sides.get(slot)
        if found is None:
            view = View(self.key.arn, self.values, subject, True, outside)
            statements = ((self.indexes[p].statement, kind) for p, kind in kinds)
            found = self.shared.intern(evaluate_statements(statements, view, mask))
            self.key_sides[slot] = found
        return found


def _has_boundary(subject: Subject) -> bool:
    return subject.principal is not None and subject.principal.boundary is not None


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
    subject: Subject,
    cross: bool,
    key_side: PolicyEval,
    identity_evals: list[PolicyEval],
    boundary_eval: PolicyEval | None,
    scp_evals: list[PolicyEval],
    grants: tuple[tuple[Grant, int], ...],
    mask: int,
) -> _Decided:
    """The formula (and what allows) for each action the subject may perform on the key:
    ``kmspolicy.engine.combine`` on formulas."""
    every = [key_side, *identity_evals, *scp_evals]
    if boundary_eval is not None:
        every.append(boundary_eval)
    identity_mask = ALL_ACTIONS_MASK
    if subject.iam_known:
        identity_mask = 0
        for e in identity_evals:
            identity_mask |= e.allow_mask
    reach = _grant_mask(grants)
    for allow in key_side.allows:
        needs = allow.kind == MatchKind.ACCOUNT or cross
        reach |= allow.mask & (identity_mask if needs else ALL_ACTIONS_MASK)
    if scp_evals:
        scp_mask = 0
        for e in scp_evals:
            scp_mask |= e.allow_mask
        reach &= scp_mask
    for e in every:
        reach &= ~e.deny_true
    out: _Decided = {}
    for bit in action_bits(mask & reach):
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


def _analyse_pair(ka: _KeyAnalysis, subject: Subject) -> _Decided:
    """The decisions for one key and one subject, shared with every subject whose
    evaluations are the same."""
    kinds, grants = ka.matches(subject)
    if not grants and not any(ka.indexes[p].statement.effect is Effect.ALLOW for p, _ in kinds):
        return {}
    key_account = ka.key.info.account
    anyone = subject.kind is SubjectKind.ANYONE
    cross = anyone or (subject.account is not None and subject.account != key_account)
    mask = ka.shared.limit & (_CROSS_MASK if cross else REPORT_MASK)
    outside = key_account if anyone else None
    kp_id, key_side = ka.key_side(subject, kinds, mask, outside)
    identity, boundary, scps = _policies(subject, ka.shared.estate)
    identity_parts = [ka.iam_part(p, subject, outside) for p in identity]
    boundary_part = ka.iam_part(boundary, subject, outside) if boundary is not None else None
    scp_parts = [ka.iam_part(p, subject, outside) for p in scps]
    signature = (
        kp_id,
        tuple(i for i, _ in identity_parts),
        boundary_part[0] if boundary_part is not None else None,
        tuple(i for i, _ in scp_parts),
        tuple((g.grant_id, k) for g, k in grants),
        cross,
        None if subject.iam_known else subject.label,
    )
    decided = ka.decided.get(signature)
    if decided is None:
        decided = _decide(
            subject,
            cross,
            key_side,
            [e for _, e in identity_parts],
            boundary_part[1] if boundary_part is not None else None,
            [e for _, e in scp_parts],
            grants,
            mask,
        )
        ka.decided[signature] = decided
    return decided


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
    for wanted in wanted_keys:
        if not any(_matches_key(k, wanted) for k in estate.keys):
            raise SelectionError(f"--key {wanted!r}: no such key in the estate")
    selected = [
        k for k in estate.keys if not wanted_keys or any(_matches_key(k, w) for w in wanted_keys)
    ]
    subjects = subjects_of(estate)
    wanted_principals = set(principals)
    if wanted_principals:
        labels = {s.label for s in subjects}
        for wanted in wanted_principals:
            if wanted not in labels:
                raise SelectionError(f"--principal {wanted!r}: no such principal in the estate")
        subjects = [s for s in subjects if s.label in wanted_principals]
    wanted_actions = list(actions)
    shared = _Shared(estate, select_actions(wanted_actions) if wanted_actions else REPORT_MASK)

    rows: list[AccessRow] = []
    for done, key in enumerate(selected, 1):
        ka = _KeyAnalysis(key, shared)
        for subject in subjects:
            if subject.kind is SubjectKind.UNDESCRIBED and not ka.names(subject):
                continue  # "account:ID" speaks for it on keys that do not name it
            for bit, (formula, via) in _analyse_pair(ka, subject).items():
                rows.append(AccessRow(key.arn, subject.label, ACTIONS[bit].action, formula, via))
        if progress is not None:
            progress(done, len(selected))
    keys_by_arn = {k.arn: k for k in selected}
    return Report(tuple(rows), tuple(findings_for(rows, keys_by_arn, subjects)), tuple(selected))
