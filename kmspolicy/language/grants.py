"""KMS grant constraints: ``{"EncryptionContextSubset": {...}}`` or
``{"EncryptionContextEquals": {...}}``."""

from __future__ import annotations

from kmspolicy.errors import PolicySyntaxError, Problem
from kmspolicy.language.ir import GrantConstraints, Span
from kmspolicy.language.json_tree import (
    JsonNode,
    JsonObject,
    JsonString,
    decode_text,
    describe,
    parse_json_source,
)
from kmspolicy.language.source import Source

__all__ = ["grant_constraints_from_node", "parse_grant_constraints"]

_MEMBERS = ("EncryptionContextSubset", "EncryptionContextEquals")
# KMS CreateGrant: at most 8 encryption-context pairs per constraint, values up to 384 chars.
MAX_PAIRS = 8
MAX_VALUE_LENGTH = 384


def _context(
    source: Source, node: JsonNode, name: str, problems: list[Problem]
) -> tuple[tuple[str, str], ...] | None:
    def error(span: Span, message: str, hint: str = "") -> None:
        problems.append(source.problem(span, message, hint))

    if not isinstance(node, JsonObject):
        error(node.span, f"{name} must be an object of strings, found {describe(node)}")
        return None
    if len(node.members) > MAX_PAIRS:
        error(node.members[MAX_PAIRS].key_span, f"{name} may hold at most {MAX_PAIRS} pairs")
    pairs: list[tuple[str, str]] = []
    lowered: dict[str, str] = {}
    for member in node.members:
        value = member.value
        if not isinstance(value, JsonString):
            error(value.span, f"encryption-context values must be strings, found {describe(value)}")
            continue
        if len(value.value) > MAX_VALUE_LENGTH:
            error(
                value.span,
                f"encryption-context values may be at most {MAX_VALUE_LENGTH} characters",
            )
        # Constraint keys compare case-insensitively, so two such keys would be ambiguous.
        other = lowered.setdefault(member.key.lower(), member.key)
        if other != member.key:
            error(member.key_span, f'key "{member.key}" differs from "{other}" only in case')
        pairs.append((member.key, value.value))
    return tuple(pairs)


def grant_constraints_from_node(
    node: JsonNode, *, source_name: str = "<grant constraints>", text: str | None = None
) -> GrantConstraints:
    """GrantConstraints IR from a positioned JSON tree (``text`` gives problems excerpts)."""
    source = Source(text if text is not None else "", source_name)
    problems: list[Problem] = []
    subset = equals = None
    if not isinstance(node, JsonObject):
        problems.append(
            source.problem(
                node.span, f"grant constraints must be an object, found {describe(node)}"
            )
        )
    else:
        for member in node.members:
            if member.key == "EncryptionContextSubset":
                subset = _context(source, member.value, member.key, problems)
            elif member.key == "EncryptionContextEquals":
                equals = _context(source, member.value, member.key, problems)
            else:
                problems.append(
                    source.problem(
                        member.key_span,
                        f'unknown grant constraint "{member.key}"',
                        f"grant constraints are {' and '.join(_MEMBERS)}",
                    )
                )
    if problems:
        raise PolicySyntaxError(problems, source_name)
    assert isinstance(node, JsonObject)
    return GrantConstraints(
        encryption_context_subset=subset, encryption_context_equals=equals, span=node.span
    )


def parse_grant_constraints(
    text: str | bytes, *, source_name: str = "<grant constraints>"
) -> GrantConstraints:
    """Parse grant-constraint JSON text; PolicySyntaxError lists every problem."""
    source = Source(decode_text(text, source_name), source_name)
    node, problems = parse_json_source(source)
    if node is None or problems:
        raise PolicySyntaxError(problems, source_name)
    return grant_constraints_from_node(node, source_name=source_name, text=source.text)
