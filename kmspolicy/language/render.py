"""IR back to JSON: the normalized IR (``kmspolicy parse`` output) and AWS policy documents."""

from __future__ import annotations

from typing import Any

from kmspolicy.language.ir import (
    Condition,
    Escape,
    GrantConstraints,
    Literal,
    PolicyDocument,
    Principal,
    Span,
    Statement,
    Value,
)

__all__ = ["grant_constraints_to_json", "policy_to_json", "render_policy"]


def _span(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _value(value: Value) -> Any:
    """A value as text; with its parts when it holds policy variables."""
    if not value.has_variables:
        return value.text
    parts: list[dict[str, Any]] = []
    for part in value.parts:
        if isinstance(part, Literal):
            parts.append({"literal": part.text})
        elif isinstance(part, Escape):
            parts.append({"escape": part.char})
        else:
            parts.append({"variable": part.key, "default": part.default})
    return {"text": value.text, "parts": parts}


def _values(values: tuple[Value, ...] | None) -> list[Any] | None:
    return None if values is None else [_value(v) for v in values]


def _principal(principal: Principal | None) -> dict[str, Any] | None:
    if principal is None:
        return None
    return {
        "anyone": principal.anyone,
        "entries": [
            {"type": e.type.value, "value": e.value.text, "canonical": e.canonical}
            for e in principal.entries
        ],
    }


def _condition(condition: Condition) -> dict[str, Any]:
    return {
        "operator": condition.operator,
        "setQualifier": condition.set_qualifier.value if condition.set_qualifier else None,
        "ifExists": condition.if_exists,
        "operatorText": condition.operator_text,
        "key": condition.key,
        "values": [_value(v) for v in condition.values],
        "span": _span(condition.span),
    }


def _statement(statement: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "index": statement.index,
        "sid": statement.sid,
        "effect": statement.effect.value,
    }
    for name, principal in (
        ("principal", statement.principal),
        ("notPrincipal", statement.not_principal),
    ):
        if principal is not None:
            out[name] = _principal(principal)
    for name, values in (
        ("action", statement.action),
        ("notAction", statement.not_action),
        ("resource", statement.resource),
        ("notResource", statement.not_resource),
    ):
        if values is not None:
            out[name] = _values(values)
    out["conditions"] = [_condition(c) for c in statement.conditions]
    out["span"] = _span(statement.span)
    return out


def policy_to_json(doc: PolicyDocument) -> dict[str, Any]:
    """The normalized IR as a JSON-able dict: every list a list, principals canonical,
    operators split, positions as {line, column, endLine, endColumn}."""
    return {
        "kind": doc.kind.value,
        "version": doc.version,
        "id": doc.id,
        "variablesEnabled": doc.variables_enabled,
        "statements": [_statement(s) for s in doc.statements],
    }


def grant_constraints_to_json(constraints: GrantConstraints) -> dict[str, Any]:
    def pairs(items: tuple[tuple[str, str], ...] | None) -> dict[str, str] | None:
        return None if items is None else dict(items)

    return {
        "encryptionContextSubset": pairs(constraints.encryption_context_subset),
        "encryptionContextEquals": pairs(constraints.encryption_context_equals),
    }


def _scalars(values: tuple[Value, ...]) -> Any:
    raws = [v.raw for v in values]
    return raws[0] if len(raws) == 1 else raws


def _render_principal(principal: Principal) -> Any:
    if principal.anyone:
        return "*"
    grouped: dict[str, list[str]] = {}
    for entry in principal.entries:
        grouped.setdefault(entry.type.value, []).append(entry.value.text)
    return {kind: texts[0] if len(texts) == 1 else texts for kind, texts in grouped.items()}


def _render_statement(statement: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if statement.sid is not None:
        out["Sid"] = statement.sid
    out["Effect"] = statement.effect.value
    if statement.principal is not None:
        out["Principal"] = _render_principal(statement.principal)
    if statement.not_principal is not None:
        out["NotPrincipal"] = _render_principal(statement.not_principal)
    for name, values in (
        ("Action", statement.action),
        ("NotAction", statement.not_action),
        ("Resource", statement.resource),
        ("NotResource", statement.not_resource),
    ):
        if values is not None:
            out[name] = _scalars(values)
    if statement.conditions:
        block: dict[str, dict[str, Any]] = {}
        for condition in statement.conditions:
            block.setdefault(condition.operator_text, {})[condition.key] = _scalars(
                condition.values
            )
        out["Condition"] = block
    return out


def render_policy(doc: PolicyDocument) -> dict[str, Any]:
    """The policy as an AWS policy document (single values without brackets)."""
    out: dict[str, Any] = {}
    if doc.version is not None:
        out["Version"] = doc.version
    if doc.id is not None:
        out["Id"] = doc.id
    statements = [_render_statement(s) for s in doc.statements]
    out["Statement"] = (
        statements[0] if not doc.statement_is_list and len(statements) == 1 else statements
    )
    return out
