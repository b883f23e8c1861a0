"""Checks on elements that are present but empty: AWS stores such policies, and the
element has no effect (or, for an empty Not-list, no documented meaning).

Positions come from the JSON tree when the linter has it; a policy linted from IR alone
is checked on what the IR keeps (an empty Principal object and a Principal whose lists
are all empty both have no entries there, and are reported as EMPTY_OBJECT_PRINCIPAL).
"""

from __future__ import annotations

from collections.abc import Iterator

from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, PolicyContext, hit, policy_rule
from kmspolicy.language.ir import Condition, SetQualifier, Span, Statement, Value
from kmspolicy.language.json_tree import JsonArray, JsonObject

_UNEVALUABLE = (
    "kmspolicy cannot give it a meaning, so it treats the statement as unevaluable: "
    "an Allow grants nothing and a Deny applies."
)


def _member_value_span(ctx: PolicyContext, stmt: Statement, name: str) -> Span:
    member = ctx.locator.statement_member(stmt.index, name)
    return member.value.span if member is not None else stmt.span


def _empty_lists(ctx: PolicyContext, names: tuple[str, str], noun: str) -> Iterator[Hit]:
    positive, negative = names
    for stmt in ctx.doc.statements:
        values: dict[str, tuple[Value, ...] | None] = {
            positive: getattr(stmt, positive.lower()),
            negative: getattr(stmt, "not_" + positive.lower()),
        }
        if values[positive] == ():
            yield hit(
                f"This statement lists no {noun}s and has no effect.",
                _member_value_span(ctx, stmt, positive),
            )
        if values[negative] == ():
            yield hit(
                f"The {negative} list is empty. {_UNEVALUABLE}",
                _member_value_span(ctx, stmt, negative),
            )


@policy_rule(
    "EMPTY_ARRAY_ACTION",
    FindingType.SUGGESTION,
    "Empty array action",
    """The Action list is empty, so the statement applies to no action and has no
    effect. Name the actions or remove the statement.""",
)
def empty_array_action(ctx: PolicyContext) -> Iterator[Hit]:
    yield from _empty_lists(ctx, ("Action", "NotAction"), "action")


@policy_rule(
    "EMPTY_ARRAY_RESOURCE",
    FindingType.SUGGESTION,
    "Empty array resource",
    """The Resource list is empty, so the statement applies to no resource and has no
    effect. Name the resources (in a key policy, "*") or remove the statement.""",
)
def empty_array_resource(ctx: PolicyContext) -> Iterator[Hit]:
    yield from _empty_lists(ctx, ("Resource", "NotResource"), "resource")


def _principal_objects(
    ctx: PolicyContext, stmt: Statement
) -> Iterator[tuple[str, JsonObject | None, Span]]:
    """(element, its JSON object when known, its span) for each Principal and
    NotPrincipal written as an object."""
    for name, principal in (("Principal", stmt.principal), ("NotPrincipal", stmt.not_principal)):
        if principal is None or principal.anyone:
            continue
        member = ctx.locator.statement_member(stmt.index, name)
        node = member.value if member is not None else None
        yield name, node if isinstance(node, JsonObject) else None, principal.span


@policy_rule(
    "EMPTY_ARRAY_PRINCIPAL",
    FindingType.SUGGESTION,
    "Empty array principal",
    """A principal type in the Principal element has an empty list, so it names no one.
    Name the principals or remove the empty list.""",
)
def empty_array_principal(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for name, node, _span in _principal_objects(ctx, stmt):
            for member in node.members if node is not None else ():
                if isinstance(member.value, JsonArray) and not member.value.items:
                    yield hit(f"The {name} {member.key} list is empty.", member.value.span)


@policy_rule(
    "EMPTY_OBJECT_PRINCIPAL",
    FindingType.SUGGESTION,
    "Empty object principal",
    """The Principal element names no principal, so the statement applies to no one and
    has no effect (an empty NotPrincipal has no documented meaning; kmspolicy treats the
    statement as unevaluable). Name the principals.""",
)
def empty_object_principal(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for name, node, span in _principal_objects(ctx, stmt):
            principal = stmt.principal if name == "Principal" else stmt.not_principal
            if principal is None or principal.entries:
                continue
            if node is not None and node.members:
                continue  # only empty lists inside: EMPTY_ARRAY_PRINCIPAL
            yield hit(f"The {name} element names no principals.", span)


@policy_rule(
    "EMPTY_OBJECT_CONDITION",
    FindingType.SUGGESTION,
    "Empty object condition",
    """The Condition element, or a condition operator in it, is an empty object and has
    no effect. Remove it or add conditions.""",
)
def empty_object_condition(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        member = ctx.locator.statement_member(stmt.index, "Condition")
        value = member.value if member is not None else None
        if not isinstance(value, JsonObject):
            continue
        if not value.members:
            yield hit("The Condition block is empty.", value.span)
        for operator in value.members:
            if isinstance(operator.value, JsonObject) and not operator.value.members:
                yield hit(f"The {operator.key} block has no condition keys.", operator.value.span)


def _empty_conditions(
    ctx: PolicyContext, qualifier: SetQualifier | None, if_exists: bool
) -> Iterator[tuple[Condition, Span]]:
    """Conditions with no values written in the given form, with the empty list's span
    (the condition's span when the JSON tree is not at hand)."""
    for stmt in ctx.doc.statements:
        block = ctx.locator.statement_member(stmt.index, "Condition")
        for cond in stmt.conditions:
            if cond.values or cond.set_qualifier is not qualifier:
                continue
            if qualifier is None and cond.if_exists is not if_exists:
                continue
            span = cond.span
            operators = block.value if block is not None else None
            operator = (
                operators.get(cond.operator_text) if isinstance(operators, JsonObject) else None
            )
            if operator is not None and isinstance(operator.value, JsonObject):
                key = operator.value.get(cond.key)
                span = key.value.span if key is not None else span
            yield cond, span


def _meaning(cond: Condition, documented: str) -> str:
    """What kmspolicy makes of an empty value list in a qualified or IfExists form: the
    documented meaning for positive operators; for negated ones and Null, none."""
    if "Not" in cond.operator or cond.operator == "Null":
        return _UNEVALUABLE
    return documented


@policy_rule(
    "EMPTY_ARRAY_CONDITION",
    FindingType.SUGGESTION,
    "Empty array condition",
    """The condition key has an empty list of values. AWS documents no meaning for it
    beyond "does not affect the policy"; kmspolicy treats the statement as unevaluable
    (an Allow grants nothing, a Deny applies). Add values or remove the key.""",
)
def empty_array_condition(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, span in _empty_conditions(ctx, None, False):
        yield hit(f"{cond.operator_text} on {cond.key} has no values. {_UNEVALUABLE}", span)


@policy_rule(
    "EMPTY_ARRAY_CONDITION_FORALLVALUES",
    FindingType.SUGGESTION,
    "Empty array condition ForAllValues",
    """ForAllValues with an empty list of values is true only when the request has no
    value for the key. To test for that, use the Null operator with "true".""",
)
def empty_array_condition_forallvalues(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, span in _empty_conditions(ctx, SetQualifier.FOR_ALL_VALUES, False):
        meaning = _meaning(cond, "It holds only when the request has no value for the key.")
        yield hit(f"{cond.operator_text} on {cond.key} has no values. {meaning}", span)


@policy_rule(
    "EMPTY_ARRAY_CONDITION_FORANYVALUE",
    FindingType.SUGGESTION,
    "Empty array condition ForAnyValue",
    """ForAnyValue with an empty list of values never holds, so the statement has no
    effect. Add values or remove the key.""",
)
def empty_array_condition_foranyvalue(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, span in _empty_conditions(ctx, SetQualifier.FOR_ANY_VALUE, False):
        meaning = _meaning(cond, "It never holds.")
        yield hit(f"{cond.operator_text} on {cond.key} has no values. {meaning}", span)


@policy_rule(
    "EMPTY_ARRAY_CONDITION_IFEXISTS",
    FindingType.SUGGESTION,
    "Empty array condition IfExists",
    """An …IfExists operator with an empty list of values holds only when the key is
    missing from the request. To test for that, use the Null operator with "true".""",
)
def empty_array_condition_ifexists(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, span in _empty_conditions(ctx, None, True):
        meaning = _meaning(cond, "It holds only when the key is missing from the request.")
        yield hit(f"{cond.operator_text} on {cond.key} has no values. {meaning}", span)
