"""Condition-operator names (``ForAnyValue:StringLikeIfExists``) parsed by grammar/operator.lark.

Operator names are case-sensitive, as IAM reads them; a near miss gets a hint.
"""

from __future__ import annotations

import difflib
from functools import cache, lru_cache

from lark import Lark, Token
from lark.exceptions import UnexpectedInput

from kmspolicy.errors import PolicySyntaxError, Problem
from kmspolicy.language._grammar import build_parser
from kmspolicy.language.ir import SetQualifier

__all__ = ["BASE_OPERATORS", "UnknownOperatorError", "operator_hint", "parse_operator"]

_COMPARISONS = ("Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan")
BASE_OPERATORS: tuple[str, ...] = (
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    *(f"Numeric{c}" for c in (*_COMPARISONS, "GreaterThanEquals")),
    *(f"Date{c}" for c in (*_COMPARISONS, "GreaterThanEquals")),
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
)


class UnknownOperatorError(PolicySyntaxError):
    """A condition-operator name that is not one IAM defines."""


@cache
def _parser() -> Lark:
    return build_parser("operator")


def _all_names() -> list[str]:
    names = []
    for base in BASE_OPERATORS:
        for prefix in ("", "ForAllValues:", "ForAnyValue:"):
            names.append(prefix + base)
            if base != "Null":
                names.append(prefix + base + "IfExists")
    return names


def operator_hint(name: str) -> str:
    """A suggestion for an unknown operator name, or ""."""
    lowered = name.lower()
    for known in _all_names():
        if known.lower() == lowered:
            return f"operator names are case-sensitive: write {known}"
    if name.startswith("Null") and name.endswith("IfExists"):
        return "Null has no IfExists form: Null already tests whether the key is present"
    close = difflib.get_close_matches(name, _all_names(), n=1, cutoff=0.8)
    return f"did you mean {close[0]}?" if close else ""


@lru_cache(maxsize=512)
def parse_operator(name: str) -> tuple[str, SetQualifier | None, bool]:
    """Split an operator name into (base operator, set qualifier, IfExists).

    Raises UnknownOperatorError (a PolicySyntaxError, positioned within ``name``).
    """
    try:
        tree = _parser().parse(name)
    except UnexpectedInput as exc:
        column = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
        problem = Problem(
            message=f"unknown condition operator {name!r}",
            line=1,
            column=column,
            end_line=1,
            end_column=len(name) + 1,
            excerpt=f"{name}\n{' ' * (column - 1)}^",
            hint=operator_hint(name),
        )
        raise UnknownOperatorError([problem], "<operator>") from None
    qualifier_tok, *rest = tree.children
    base_tok = rest[0]
    assert isinstance(base_tok, Token)
    if_exists = len(rest) > 1 and rest[1] is not None
    qualifier = SetQualifier(str(qualifier_tok)) if qualifier_tok is not None else None
    return str(base_tok), qualifier, if_exists
