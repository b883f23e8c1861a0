"""Checks on the document as a whole: Version, Sids, repeated statements, variables in
the wrong place, and whether anyone can still manage the key."""

from __future__ import annotations

from collections.abc import Iterator

from kmspolicy.analysis._facts import action_values, allows, is_account_root, kms_actions
from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, Origin, PolicyContext, hit, policy_rule
from kmspolicy.language.ir import Effect, PolicyKind, Principal, Span, Statement, Value


def _version_span(ctx: PolicyContext) -> Span:
    member = ctx.locator.document_member("Version")
    return member.value.span if member is not None else ctx.doc.span


def _opening(span: Span) -> Span:
    return Span(span.line, span.column, span.line, span.column + 1, span.start, span.start + 1)


@policy_rule(
    "MISSING_VERSION",
    FindingType.WARNING,
    "Missing version",
    """Without a Version element the policy is read under the 2008-10-17 rules, where
    policy variables such as ${aws:username} are plain text. Add
    "Version": "2012-10-17".""",
)
def missing_version(ctx: PolicyContext) -> Iterator[Hit]:
    if ctx.doc.version is None:
        yield hit("The policy has no Version element.", _opening(ctx.doc.span))


def _variable_texts(stmt: Statement) -> Iterator[Value]:
    for values in (stmt.resource, stmt.not_resource):
        yield from values or ()
    for cond in stmt.conditions:
        yield from cond.values


@policy_rule(
    "VARIABLE_UNSUPPORTED_IN_VERSION",
    FindingType.WARNING,
    "Variable unsupported in version",
    """Policy variables are substituted only under Version 2012-10-17; in this policy
    ${...} is compared as literal text. Set "Version": "2012-10-17". (Access Analyzer
    reports this as an error; AWS accepts the policy and matches the text literally, so
    kmspolicy reports a warning.)""",
)
def variable_unsupported_in_version(ctx: PolicyContext) -> Iterator[Hit]:
    if ctx.doc.variables_enabled:
        return
    for stmt in ctx.doc.statements:
        for v in _variable_texts(stmt):
            if "${" in v.text:
                yield hit(
                    f"'{v.text}' holds a policy variable, but variables need Version "
                    "2012-10-17; here it is literal text.",
                    v.span,
                )


@policy_rule(
    "VARIABLE_UNSUPPORTED_IN_ELEMENT",
    FindingType.ERROR,
    "Variable unsupported in element",
    """Policy variables are substituted only in Resource and in condition values; in
    Action and Principal they are literal text. Name the actions and principals
    explicitly, or move the variable into a condition.""",
)
def variable_unsupported_in_element(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for v in action_values(stmt):
            if "${" in v.text:
                yield hit(f"The action '{v.text}' holds a policy variable.", v.span)
        for p in (stmt.principal, stmt.not_principal):
            for entry in p.entries if p is not None else ():
                if "${" in entry.value.text:
                    yield hit(
                        f"The principal '{entry.value.text}' holds a policy variable.",
                        entry.value.span,
                    )


@policy_rule(
    "UNIQUE_SIDS_RECOMMENDED",
    FindingType.WARNING,
    "Unique Sids recommended",
    """Two statements share a Sid, so reports and audit records that name the Sid are
    ambiguous. Give each statement its own Sid.""",
)
def unique_sids_recommended(ctx: PolicyContext) -> Iterator[Hit]:
    seen: dict[str, Statement] = {}
    for stmt in ctx.doc.statements:
        if not stmt.sid:
            continue
        first = seen.setdefault(stmt.sid, stmt)
        if first is not stmt:
            yield hit(
                f"The Sid '{stmt.sid}' is also used by statement {first.index}.",
                _sid_span(ctx, stmt),
                _sid_span(ctx, first),
            )


def _sid_span(ctx: PolicyContext, stmt: Statement) -> Span:
    member = ctx.locator.statement_member(stmt.index, "Sid")
    return member.value.span if member is not None else stmt.span


@policy_rule(
    "EMPTY_SID_VALUE",
    FindingType.SUGGESTION,
    "Empty Sid value",
    """The Sid is an empty string. Give the statement a meaningful Sid or remove the
    Sid element.""",
)
def empty_sid_value(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if stmt.sid == "":
            yield hit("The Sid is empty.", _sid_span(ctx, stmt))


def _meaning(stmt: Statement) -> tuple[object, ...]:
    """What a statement grants, without its Sid, position or layout."""

    def texts(values: tuple[Value, ...] | None) -> frozenset[str] | None:
        return None if values is None else frozenset(v.text for v in values)

    def who(p: Principal | None) -> object:
        if p is None:
            return None
        return (p.anyone, frozenset((e.type, e.canonical) for e in p.entries))

    conditions = frozenset(
        (c.operator_text, c.key.lower(), frozenset(v.text for v in c.values))
        for c in stmt.conditions
    )
    return (
        stmt.effect,
        who(stmt.principal),
        who(stmt.not_principal),
        texts(stmt.action),
        texts(stmt.not_action),
        texts(stmt.resource),
        texts(stmt.not_resource),
        conditions,
    )


@policy_rule(
    "REDUNDANT_STATEMENT",
    FindingType.SUGGESTION,
    "Redundant statement",
    """Another statement grants exactly the same thing. Remove one of them, so a later
    edit to one cannot silently leave the other in force.""",
)
def redundant_statement(ctx: PolicyContext) -> Iterator[Hit]:
    seen: dict[tuple[object, ...], Statement] = {}
    for stmt in ctx.doc.statements:
        first = seen.setdefault(_meaning(stmt), stmt)
        if first is not stmt:
            yield hit(
                f"Statement {stmt.index} repeats statement {first.index}.",
                stmt.span,
                first.span,
            )


_PUT_KEY_POLICY = "kms:PutKeyPolicy"


@policy_rule(
    "KEY_POLICY_LOCKOUT",
    FindingType.WARNING,
    "Key policy locks out every administrator",
    """No statement lets any principal call kms:PutKeyPolicy, so nobody could change
    the policy again and the key becomes unmanageable; KMS refuses such a policy unless
    the lockout safety check is bypassed (AWS managed keys are the one place it is
    intended). Allow kms:PutKeyPolicy to the account
    principal (arn:aws:iam::<account>:root) or to a key-administrator role.""",
    origin=Origin.KMSPOLICY,
    kinds=(PolicyKind.KEY,),
)
def key_policy_lockout(ctx: PolicyContext) -> Iterator[Hit]:
    allowing = [
        s
        for s in ctx.doc.statements
        if allows(s) and s.principal is not None and _PUT_KEY_POLICY in kms_actions(s)
    ]
    blocking = [
        s
        for s in ctx.doc.statements
        if s.effect is Effect.DENY
        and not s.conditions
        and s.principal is not None
        and s.principal.anyone
        and _PUT_KEY_POLICY in kms_actions(s)
    ]
    if blocking:
        yield hit(
            "This statement denies kms:PutKeyPolicy to everyone, unconditionally.",
            blocking[0].span,
        )
    elif not allowing:
        yield hit(
            "No statement allows kms:PutKeyPolicy: nobody could change this policy.",
            _opening(ctx.doc.span),
        )


@policy_rule(
    "CREATE_GRANT_WITHOUT_CONDITION",
    FindingType.WARNING,
    "kms:CreateGrant allowed without conditions",
    """Whoever may call CreateGrant may hand any of their permissions on the key to any
    principal, and those grants outlive policy changes. Limit it, for example with
    "Bool": {"kms:GrantIsForAWSResource": "true"} or a kms:GrantOperations /
    kms:GranteePrincipal condition.""",
    origin=Origin.KMSPOLICY,
)
def create_grant_without_condition(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if not allows(stmt) or stmt.conditions or stmt.action is None:
            continue
        if stmt.principal is not None and (
            stmt.principal.entries and all(is_account_root(e) for e in stmt.principal.entries)
        ):
            continue  # the account principal only delegates to IAM policies
        for v in stmt.action:
            if v.text.lower() == "kms:creategrant":
                yield hit(f"{v.text} is allowed without any condition.", v.span)
