"""Policy-variable templates in string values, split by grammar/variables.lark."""

from __future__ import annotations

from functools import cache, lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from kmspolicy.language._grammar import build_parser
from kmspolicy.language.ir import Escape, Literal, Part, Span, Variable

__all__ = ["TemplateError", "parse_template"]


class TemplateError(ValueError):
    """A malformed ``${...}``; ``offset`` is the character offset within the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


@cache
def _parser() -> Lark:
    return build_parser("variables")


def _variable(tree: Tree[Token]) -> Variable:
    opening, key, default, closing = tree.children
    assert isinstance(opening, Token) and isinstance(key, Token) and isinstance(closing, Token)
    start, end = opening.start_pos or 0, closing.end_pos or 0
    default_text = str(default)[1:-1] if isinstance(default, Token) else None
    return Variable(
        key=str(key).rstrip(),
        default=default_text,
        span=Span(1, start + 1, 1, end + 1, start, end),
    )


@lru_cache(maxsize=4096)
def parse_template(text: str) -> tuple[Part, ...]:
    """Split ``text`` into literals, escapes (``${*}``, ``${?}``, ``${$}``) and variables.

    A Variable's span is relative to ``text`` (line 1, offsets within it); the policy
    builder moves it to the document. Text without ``${`` is a single Literal.
    Raises TemplateError for a ``${`` that does not form a variable.
    """
    if "${" not in text:
        return (Literal(text),)
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        offset = exc.pos_in_stream if isinstance(exc.pos_in_stream, int) else text.find("${")
        opened = text.rfind("${", 0, offset + 1)
        raise TemplateError(
            "malformed policy variable: write ${key} or ${key, 'default'}",
            opened if opened >= 0 else offset,
        ) from None
    parts: list[Part] = []
    for child in tree.children:
        if isinstance(child, Tree):
            parts.append(_variable(child))
        elif child.type == "ESCAPE":
            parts.append(Escape(str(child)[2]))
        else:
            parts.append(Literal(str(child)))
    return tuple(parts)
