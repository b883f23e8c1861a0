"""The reference evaluator: a linear scan over the IR. This module is the specification.

``evaluate(policies, ctx)`` reads every statement of every policy in force, in order, and
records what matched in a ``Facts``; ``kmspolicy.engine.combine`` turns the facts into the
``Decision``. The compiled evaluator must give equal decisions for equal inputs.

A statement matches when its principal (key policy only), action, resource and every
condition match. Conditions are three-valued: a statement whose conditions include one
that is false does not match; otherwise one that cannot be evaluated (a bad number, date,
CIDR or ARN, a request value of the wrong type, an unknown operator) makes the statement
*unevaluable*: a Deny then counts as matching and an Allow as not matching, and
``Decision.errors`` names the statement (fail closed).

Principals (key policy):

* ``"*"`` / ``{"AWS": "*"}`` name everyone (``MatchKind.DIRECT``).
* An AWS entry equal to the caller's ARN is ``DIRECT`` (``ROLE`` when the caller is given
  as a role ARN); equal to the session's role ARN is ``ROLE``; equal to the caller's
  account principal (``arn:aws:iam::A:root`` — account ids are canonicalised by the
  parser) is ``ACCOUNT``. Principal ARNs compare exactly; there are no wildcards.
* A Service entry names a service principal caller with that name.
* ``NotPrincipal`` matches when some identity of the caller (its ARN, its role ARN, its
  account principal) is not listed; the kind is that of the most specific such identity.
  A Deny with ``NotPrincipal`` always matches a caller that has a permissions boundary
  (documented IAM behaviour).

Actions match case-insensitively with ``*``/``?`` globs; resources match case-sensitively
with globs after policy-variable substitution (a value whose variable cannot be resolved
matches nothing). ``NotAction``/``NotResource`` match when no listed value matches.

Conditions: operators AND, keys within an operator AND, values of one key OR; a negated
operator is true when no value matches (see ``kmspolicy.engine.operators``). A missing
key makes a positive operator false and a negated one true; ``…IfExists`` makes it true;
``ForAllValues`` is true and ``ForAnyValue`` false for a missing key. ``ForAllValues``: every
request value matches (negated: matches no policy value); ``ForAnyValue``: some request value
does. A policy variable resolves from a single-valued key (or its default); an unresolved
one makes its value match nothing. ``Null``: ``true`` means the key is absent.

Empty elements (AWS stores them; IAM Access Analyzer's policy checks say what they mean):

* ``"Action": []``, ``"Resource": []``, ``"Principal": {}`` or ``{"AWS": []}`` name
  nothing, so the statement matches nothing.
* An empty list of condition values, with a positive (not negated, not ``Null``) operator
  under ``ForAllValues`` (true only when the request has no value for the key),
  ``ForAnyValue`` (never true) or ``…IfExists`` (true only when the key is missing), is
  evaluated as written: the documented meaning and the general rules agree.
* Every other empty list of condition values, and an empty ``NotAction``, ``NotResource``
  or ``NotPrincipal`` list, has no documented meaning (AWS says such a statement "provides
  no permissions", and also that the condition "returns true"): the statement is
  unevaluable, so an Allow grants nothing and a Deny applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kmspolicy.engine.combine import Facts, GrantUse, MatchKind, combine
from kmspolicy.engine.context import RequestContext, is_single_valued
from kmspolicy.engine.decision import Decision, Reason, SourceKind
from kmspolicy.engine.grants import SYMMETRIC_CRYPTO_OPERATIONS, Grant, constraints_met
from kmspolicy.engine.operators import (
    OPERATORS,
    OperandError,
    Pieces,
    ValueType,
    glob_regex,
    parse_policy_value,
    parse_request_value,
)
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import PrincipalKind
from kmspolicy.language.ir import (
    Condition,
    Effect,
    Escape,
    Literal,
    PolicyDocument,
    Principal,
    PrincipalType,
    SetQualifier,
    Statement,
    Value,
)

__all__ = [
    "Unevaluable",
    "compile_policy",
    "condition_holds",
    "evaluate",
    "evaluate_parts",
    "identity_kinds",
    "resource_matches",
    "substitute",
]


def compile_policy(policy: PolicyDocument) -> PolicyDocument:
    """The reference evaluator reads the IR as it is."""
    return policy


class Unevaluable(Exception):
    """A condition that cannot be evaluated (its message says why); a caller fails closed:
    a Deny holding it matches, an Allow does not."""


# --- policy variables -------------------------------------------------------------------


def substitute(value: Value, values: Mapping[str, tuple[str, ...]]) -> Pieces | None:
    """``value`` as (text, is_pattern_text) pieces with variables replaced from ``values``
    (a context view: ``RequestContext.values`` or ``key_policy_values``), or None when a
    variable cannot be resolved. A variable resolves from a single-valued key of the view
    (``context.is_single_valued``), else from its default. Pattern text is literal policy
    text, where ``*`` and ``?`` are wildcards in a matching context; substituted and
    escaped text is always literal."""
    pieces: list[tuple[str, bool]] = []
    for part in value.parts:
        if isinstance(part, Literal):
            pieces.append((part.text, True))
        elif isinstance(part, Escape):
            pieces.append((part.char, False))
        else:
            found = is_single_valued(values, part.key.lower())
            if found is not None:
                pieces.append((found, False))
            elif part.default is not None:
                pieces.append((part.default, False))
            else:
                return None
    return tuple(pieces)


# --- principal, action, resource ----------------------------------------------------------


def _entry_names(entry_type: PrincipalType, canonical: str, identity: str, service: bool) -> bool:
    if entry_type is PrincipalType.AWS:
        return canonical == "*" or (not service and canonical == identity)
    if entry_type is PrincipalType.SERVICE:
        return service and canonical == identity
    return False  # Federated / CanonicalUser principals never sign KMS requests


def identity_kinds(ctx: RequestContext) -> list[tuple[str, MatchKind]]:
    """The identities a principal element (or grantee) can name the caller by, most
    specific first, each with how it names the caller: its own ARN ``DIRECT``, its role
    ARN ``ROLE``, its account principal ``ACCOUNT`` (``DIRECT`` for the root user)."""
    kinds: list[tuple[str, MatchKind]] = []
    for identity in ctx.identities:
        if identity == ctx.account_arn:
            kind = MatchKind.DIRECT if identity == ctx.caller_arn else MatchKind.ACCOUNT
        elif identity == ctx.role_arn:
            kind = MatchKind.ROLE
        else:
            kind = MatchKind.DIRECT
        kinds.append((identity, kind))
    return kinds


def _principal_kind(principal: Principal, ctx: RequestContext) -> MatchKind | None:
    """How ``principal`` names the caller (most specific), or None."""
    if principal.anyone:
        return MatchKind.DIRECT
    service = ctx.caller_kind is PrincipalKind.SERVICE
    for identity, kind in identity_kinds(ctx):
        if any(_entry_names(e.type, e.canonical, identity, service) for e in principal.entries):
            return kind
    return None


def _not_principal_kind(principal: Principal, ctx: RequestContext) -> MatchKind | None:
    if principal.anyone:
        return None
    service = ctx.caller_kind is PrincipalKind.SERVICE
    for identity, kind in identity_kinds(ctx):
        if not any(_entry_names(e.type, e.canonical, identity, service) for e in principal.entries):
            return kind
    return None


def _action_matches(patterns: tuple[Value, ...], ctx: RequestContext) -> bool:
    return any(glob_regex(p.text, True).fullmatch(ctx.action) is not None for p in patterns)


def resource_matches(
    patterns: tuple[Value, ...], resource: str, values: Mapping[str, tuple[str, ...]]
) -> bool:
    """Whether some Resource pattern (variables substituted from ``values``) matches
    ``resource``; a pattern with an unresolved variable matches nothing."""
    for pattern in patterns:
        pieces = substitute(pattern, values)
        if pieces is not None and glob_regex(pieces).fullmatch(resource) is not None:
            return True
    return False


# --- conditions ---------------------------------------------------------------------------


def _policy_operands(condition: Condition, values: Mapping[str, tuple[str, ...]]) -> list[Any]:
    """The condition's values in comparable form; None stands for an unresolved variable
    (it matches nothing)."""
    spec = OPERATORS[condition.operator.lower()]
    operands: list[Any] = []
    for value in condition.values:
        if not spec.variables:
            operands.append(parse_policy_value(spec, value.text))
            continue
        pieces = substitute(value, values)
        operands.append(None if pieces is None else parse_policy_value(spec, pieces))
    return operands


def _empty_values_documented(condition: Condition, negated: bool) -> bool:
    """Whether an empty value list has a documented meaning that the general rules give."""
    if negated or condition.operator == "Null":
        return False
    return condition.if_exists or condition.set_qualifier is not None


def condition_holds(condition: Condition, values: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``condition`` holds on the context view ``values`` (absent keys are absent
    from it). Raises ``Unevaluable`` when it cannot be evaluated."""
    spec = OPERATORS.get(condition.operator.lower())
    if spec is None:
        raise Unevaluable(f"unknown condition operator {condition.operator_text!r}")
    if not condition.values and not _empty_values_documented(condition, spec.negated):
        raise Unevaluable(f"condition {condition.operator_text} on {condition.key} has no values")
    key = condition.key.lower()
    try:
        operands = _policy_operands(condition, values)
        present = values.get(key)
        if spec.type is ValueType.NULL:
            # "true": the key is absent; "false": it is present. Values OR.
            return any((op == "true") == (present is None) for op in operands)
        if present is None:
            if condition.if_exists or condition.set_qualifier is SetQualifier.FOR_ALL_VALUES:
                return True
            if condition.set_qualifier is SetQualifier.FOR_ANY_VALUE:
                return False
            return spec.negated
        requested = [parse_request_value(spec, v) for v in present]
    except OperandError as exc:
        message = f"condition {condition.operator_text} on {condition.key}: {exc}"
        raise Unevaluable(message) from None
    compare = spec.compare
    assert compare is not None

    def hits(request_value: Any) -> bool:
        return any(op is not None and compare(request_value, op) for op in operands)

    if condition.set_qualifier is None:
        found = any(hits(r) for r in requested)
        return not found if spec.negated else found
    each = [(not hits(r)) if spec.negated else hits(r) for r in requested]
    if condition.set_qualifier is SetQualifier.FOR_ALL_VALUES:
        return all(each)
    return any(each)


def _conditions_hold(statement: Statement, values: Mapping[str, tuple[str, ...]]) -> bool | str:
    """True, False, or the message of the first condition that cannot be evaluated when
    none is false."""
    problem: str | None = None
    for condition in statement.conditions:
        try:
            if not condition_holds(condition, values):
                return False
        except Unevaluable as exc:
            if problem is None:
                problem = str(exc)
    return True if problem is None else problem


# --- statements and policies ----------------------------------------------------------------


def _empty_negation(statement: Statement) -> str | None:
    """The problem of a NotPrincipal, NotAction or NotResource that lists nothing."""
    not_principal = statement.not_principal
    if not_principal is not None and not not_principal.anyone and not not_principal.entries:
        return "NotPrincipal names no principals"
    if statement.not_action == ():
        return "NotAction is an empty list"
    if statement.not_resource == ():
        return "NotResource is an empty list"
    return None


def _statement_match(
    statement: Statement,
    ctx: RequestContext,
    values: Mapping[str, tuple[str, ...]],
    resource_policy: bool,
    has_boundary: bool,
) -> tuple[MatchKind | None, str | None]:
    """(kind, problem): kind None means the statement does not apply; problem is set when
    its conditions could not be evaluated."""
    kind = MatchKind.DIRECT
    if resource_policy:
        if statement.principal is not None:
            found = _principal_kind(statement.principal, ctx)
        elif statement.not_principal is not None:
            found = _not_principal_kind(statement.not_principal, ctx)
            if statement.effect is Effect.DENY and has_boundary:
                found = found if found is not None else MatchKind.DIRECT
        else:
            found = None  # a key-policy statement without a principal applies to no one
        if found is None:
            return None, None
        kind = found
    if statement.action is not None:
        if not _action_matches(statement.action, ctx):
            return None, None
    elif statement.not_action is not None:
        if _action_matches(statement.not_action, ctx):
            return None, None
    else:
        return None, None
    if statement.resource is not None:
        if not resource_matches(statement.resource, ctx.resource, values):
            return None, None
    elif statement.not_resource is not None:
        if resource_matches(statement.not_resource, ctx.resource, values):
            return None, None
    else:
        return None, None
    held = _conditions_hold(statement, values)
    if held is False:
        return None, None
    # An empty Not-list excludes nothing, so it matched above; its meaning is undocumented.
    return kind, _empty_negation(statement) or (held if isinstance(held, str) else None)


def _scan(
    policy: PolicyDocument,
    kind: SourceKind,
    source: str,
    ctx: RequestContext,
    facts: Facts,
    has_boundary: bool = False,
) -> list[tuple[Reason, MatchKind]]:
    """Scan one policy: Deny matches go to ``facts.denies``; Allow matches are returned."""
    resource_policy = kind is SourceKind.KEY_POLICY
    values = ctx.key_policy_values if resource_policy else ctx.values
    allows: list[tuple[Reason, MatchKind]] = []
    for statement in policy.statements:
        match, problem = _statement_match(statement, ctx, values, resource_policy, has_boundary)
        if match is None:
            continue
        effect = statement.effect.value
        detail = ""
        if problem is not None:
            treated = "matching" if statement.effect is Effect.DENY else "not matching"
            facts.errors.append(
                f"{source} statement {statement.index}: {problem}; treated as {treated}"
            )
            detail = f"could not be evaluated ({problem})"
            if statement.effect is Effect.ALLOW:
                continue
        reason = Reason(
            kind, source, effect, statement.sid, statement.index, statement.span, detail
        )
        if statement.effect is Effect.DENY:
            facts.denies.append(reason)
        else:
            allows.append((reason, match))
    return allows


def _grant_use(grant: Grant, ctx: RequestContext) -> GrantUse:
    if ctx.operation not in grant.operation_set:
        return GrantUse.OPERATION_NOT_GRANTED
    if grant.pending and (grant.token is None or grant.token not in ctx.grant_tokens):
        return GrantUse.PENDING
    if ctx.operation in SYMMETRIC_CRYPTO_OPERATIONS:
        if ctx.operation == "creategrant" and not _child_grant_ok(grant, ctx):
            return GrantUse.OPERATION_NOT_GRANTED
        if not constraints_met(grant.constraints, ctx.encryption_context):
            return GrantUse.CONSTRAINTS_NOT_MET
    return GrantUse.USABLE


def _child_grant_ok(grant: Grant, ctx: RequestContext) -> bool:
    """CreateGrant through a grant: the new grant's operations must be a subset."""
    wanted = ctx.grant_operations
    return wanted is not None and set(wanted) <= grant.operation_set


def evaluate(policies: PolicySet[PolicyDocument], ctx: RequestContext) -> Decision:
    """Decide ``ctx`` against ``policies``."""
    return evaluate_parts(policies.key, policies.caller, ctx)


def evaluate_parts(
    key: KeyPolicies[PolicyDocument], caller: CallerPolicies[PolicyDocument], ctx: RequestContext
) -> Decision:
    """Decide ``ctx`` against the key's and the caller's policies (a PolicySet's two
    halves, as callers cache them)."""
    facts = Facts()
    has_boundary = caller.permissions_boundary is not None
    if ctx.key_account is not None:  # a key-less operation is for IAM policies alone
        facts.key_allows = _scan(
            key.key_policy, SourceKind.KEY_POLICY, "key policy", ctx, facts, has_boundary
        )
    for position, policy in enumerate(caller.identity_policies):
        allows = _scan(
            policy, SourceKind.IDENTITY_POLICY, f"identity policy {position}", ctx, facts
        )
        facts.identity_allows.extend(r for r, _ in allows)
    if caller.scps and not ctx.scp_exempt:
        scp_allowed = False
        for position, policy in enumerate(caller.scps):
            if _scan(policy, SourceKind.SCP, f"scp {position}", ctx, facts):
                scp_allowed = True
        facts.scp_allowed = scp_allowed
    boundary = caller.permissions_boundary
    if boundary is not None:
        facts.boundary_allowed = bool(
            _scan(boundary, SourceKind.PERMISSIONS_BOUNDARY, "permissions boundary", ctx, facts)
        )
    session = caller.session_policy
    if session is not None:
        facts.session_allowed = bool(
            _scan(session, SourceKind.SESSION_POLICY, "session policy", ctx, facts)
        )
    for identity, kind in identity_kinds(ctx) if ctx.key_account is not None else ():
        for grant in key.grants.for_grantee(identity):
            facts.grants.append((grant, kind, _grant_use(grant, ctx)))
    return combine(facts, ctx)
