"""The positioned JSON tree: every value, object key and bracket keeps its ``Span``.

Python's ``json`` module forgets positions and keeps only the last of duplicate keys;
policy checks need both, so JSON text is parsed with ``grammar/json.lark`` into these
nodes. Objects keep their members in source order. Duplicate keys are errors.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from kmspolicy.errors import PolicySyntaxError, Problem
from kmspolicy.language._grammar import build_parser
from kmspolicy.language.ir import Span
from kmspolicy.language.source import Source

__all__ = [
    "JsonArray",
    "JsonBool",
    "JsonMember",
    "JsonNode",
    "JsonNull",
    "JsonNumber",
    "JsonObject",
    "JsonString",
    "decode_text",
    "describe",
    "parse_json",
    "parse_json_source",
]


@dataclass(frozen=True, slots=True)
class JsonString:
    value: str
    raw: str  # the token text, quotes and escapes included
    span: Span


@dataclass(frozen=True, slots=True)
class JsonNumber:
    value: int | float
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class JsonBool:
    value: bool
    span: Span


@dataclass(frozen=True, slots=True)
class JsonNull:
    span: Span


@dataclass(frozen=True, slots=True)
class JsonArray:
    items: tuple[JsonNode, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class JsonMember:
    key: str
    key_span: Span
    value: JsonNode


@dataclass(frozen=True, slots=True)
class JsonObject:
    members: tuple[JsonMember, ...]
    span: Span

    def get(self, key: str) -> JsonMember | None:
        for member in self.members:
            if member.key == key:
                return member
        return None


JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBool | JsonNull


def describe(node: JsonNode) -> str:
    """The JSON type of a node in words, for messages."""
    if isinstance(node, JsonObject):
        return "an object"
    if isinstance(node, JsonArray):
        return "a list"
    if isinstance(node, JsonString):
        return f"the string {node.raw}"
    if isinstance(node, JsonNumber):
        return f"the number {node.raw}"
    if isinstance(node, JsonBool):
        return f"the boolean {'true' if node.value else 'false'}"
    return "null"


# --- building the tree during the LALR parse ----------------------------------------------

# Problems found while the tree is built (duplicate keys, numbers Python cannot hold);
# one list per parse call, so concurrent parses do not share it.
_deferred: ContextVar[list[tuple[Span, str, str]]] = ContextVar("kmspolicy_json_deferred")


def _span(first: Token, last: Token) -> Span:
    return Span(
        first.line,  # type: ignore[arg-type]
        first.column,  # type: ignore[arg-type]
        last.end_line,  # type: ignore[arg-type]
        last.end_column,  # type: ignore[arg-type]
        first.start_pos,  # type: ignore[arg-type]
        last.end_pos,  # type: ignore[arg-type]
    )


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw[1:-1]
    value: str = json.loads(raw)
    return value


class _ToNodes(Transformer[Token, JsonNode]):
    """Rule callbacks run inside the LALR parser (``Lark(transformer=...)``)."""

    def string(self, children: list[Token]) -> JsonString:
        tok = children[0]
        return JsonString(_unescape(tok), str(tok), _span(tok, tok))

    def number(self, children: list[Token]) -> JsonNumber:
        tok = children[0]
        raw = str(tok)
        span = _span(tok, tok)
        value: int | float
        try:
            if "." in raw or "e" in raw or "E" in raw:
                value = float(raw)
                if value in (float("inf"), float("-inf")):
                    raise ValueError(raw)
            else:
                value = int(raw)
        except ValueError:
            _deferred.get().append((span, f"the number {raw[:40]} is out of range", ""))
            value = 0
        return JsonNumber(value, raw, span)

    def true(self, children: list[Token]) -> JsonBool:
        return JsonBool(True, _span(children[0], children[0]))

    def false(self, children: list[Token]) -> JsonBool:
        return JsonBool(False, _span(children[0], children[0]))

    def null(self, children: list[Token]) -> JsonNull:
        return JsonNull(_span(children[0], children[0]))

    def member(self, children: list[Any]) -> JsonMember:
        tok: Token = children[0]
        return JsonMember(_unescape(tok), _span(tok, tok), children[1])

    def array(self, children: list[Any]) -> JsonArray:
        return JsonArray(tuple(children[1:-1]), _span(children[0], children[-1]))

    def object(self, children: list[Any]) -> JsonObject:
        members: tuple[JsonMember, ...] = tuple(children[1:-1])
        if len(members) > 1 and len({m.key for m in members}) != len(members):
            _report_duplicates(members)
        return JsonObject(members, _span(children[0], children[-1]))


def _report_duplicates(members: tuple[JsonMember, ...]) -> None:
    first: dict[str, JsonMember] = {}
    for member in members:
        seen = first.setdefault(member.key, member)
        if seen is not member:
            where = f"line {seen.key_span.line}, column {seen.key_span.column}"
            _deferred.get().append(
                (
                    member.key_span,
                    f'duplicate key "{member.key}" (first written at {where})',
                    "JSON readers keep only one of the two values; remove or merge one",
                )
            )


@cache
def _parser() -> Lark:
    return build_parser("json", transformer=_ToNodes())


# --- syntax errors in words ---------------------------------------------------------------

# Known-bad samples per error. Like Lark's ``match_examples`` they are matched by parser
# state, but by the LALR state alone: ``match_examples`` also compares the stack depth, so a
# sample written at the top level would not match the same mistake nested in a statement.
_VALUES = (
    "1",
    '"x"',
    "true",
    "false",
    "null",
    "{}",
    "[]",
    '{"k": 1}',
    '{"k": 1, "j": 2}',
    "[1]",
    "[1, 2]",
)
_EXAMPLES: dict[str, list[str]] = {
    "trailing comma": [
        *(f'{{"a": {v},}}' for v in _VALUES),
        *(f'{{"a": 1, "b": {v},}}' for v in _VALUES),
        *(f"[{v},]" for v in _VALUES),
        *(f"[1, {v},]" for v in _VALUES),
    ],
    "missing comma": [
        *(f'{{"a": {v} "b": 2}}' for v in _VALUES),
        *(f'{{"a": 1, "b": {v} "c": 2}}' for v in _VALUES),
        *(f"[{v} {w}]" for v in _VALUES for w in _VALUES),
        *(f"[1, {v} {w}]" for v in _VALUES for w in _VALUES),
    ],
    "missing colon": [f'{{"a" {v}}}' for v in (*_VALUES, "}", ",")]
    + [f'{{"a": 1, "b" {v}}}' for v in (*_VALUES, "}", ",")],
    "missing value": [
        '{"a": }',
        '{"a": ]}',
        '{"a": ,}',
        "[,1]",
        '{"a":: 1}',
        "{,}",
        "[1,,2]",
        "[1, ,]",
    ],
    "key not a string": [
        *(f"{{{v}: 1}}" for v in _VALUES if not v.startswith('"')),
        *(f'{{"a": 1, {v}: 1}}' for v in _VALUES if not v.startswith('"')),
    ],
    "extra content": [f"{{}} {v}" for v in (*_VALUES, "]", "}", ",", ":")],
    "mismatched bracket": [
        *(f"[{v}}}" for v in _VALUES),
        *(f"[1, {v}}}" for v in _VALUES),
        *(f'{{"a": {v}]' for v in _VALUES),
        *(f'{{"a": 1, "b": {v}]' for v in _VALUES),
        "[}",
        "{]",
    ],
}


@cache
def _example_table() -> dict[tuple[Any, str], str]:
    """(LALR state, unexpected token type) -> label, from the samples above."""
    table: dict[tuple[Any, str], str] = {}
    for label, samples in _EXAMPLES.items():
        for sample in samples:
            try:
                _parser().parse(sample)
            except UnexpectedToken as exc:
                table.setdefault((exc.state.position, exc.token.type), label)
    return table


_MESSAGES: dict[str, tuple[str, str]] = {
    "trailing comma": (
        "trailing comma before {token}",
        "JSON does not allow a comma after the last element; remove it",
    ),
    "missing comma": (
        "missing comma before {token}",
        "separate the elements of an object or list with commas",
    ),
    "missing colon": ("missing colon after the key, before {token}", 'write "key": value'),
    "missing value": ("expected a value but found {token}", ""),
    "key not a string": (
        "object keys must be strings in double quotes, found {token}",
        "",
    ),
    "extra content": (
        "unexpected {token} after the end of the document",
        "a policy is exactly one JSON object",
    ),
    "mismatched bracket": ("{token} does not close the bracket that is open", ""),
}

_TOKEN_WORDS = {
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "LBRACKET": "'['",
    "RBRACKET": "']'",
    "_COMMA": "','",
    "COMMA": "','",
    "_COLON": "':'",
    "COLON": "':'",
    "STRING": "a string",
    "NUMBER": "a number",
    "TRUE": "true",
    "FALSE": "false",
    "NULL": "null",
    "$END": "the end of the text",
}

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _token_words(token: Token) -> str:
    if token.type == "$END":
        return "the end of the text"
    if token.type in ("STRING", "NUMBER"):
        text = str(token)
        return f"{_TOKEN_WORDS[token.type]} {text if len(text) <= 30 else text[:27] + '...'}"
    return _TOKEN_WORDS.get(token.type, repr(str(token)))


def _string_problem(source: Source, start: int) -> Problem:
    """Why the lexer could not read a string starting at ``start``."""
    text = source.text
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == '"':
            break
        if ch == "\\":
            nxt = text[i + 1 : i + 2]
            if nxt == "u":
                if not re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                    return source.problem_at(
                        i, "invalid \\u escape in string: four hex digits must follow \\u"
                    )
                i += 6
                continue
            if nxt and nxt in '"\\/bfnrt':
                i += 2
                continue
            escape = "\\" + nxt
            return source.problem_at(
                i,
                f"invalid escape {escape!r} in string" if nxt else "string is never closed",
                'JSON escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
                length=2,
            )
        if ch in "\r\n":
            line_end = i
            return source.problem_at(
                start,
                "unterminated string: no closing quote before the end of the line",
                "a JSON string must close on the line it starts; write a line break as \\n",
                length=line_end - start,
            )
        if ord(ch) < 0x20:
            return source.problem_at(
                i, f"control character U+{ord(ch):04X} must be escaped inside a string"
            )
        i += 1
    else:
        return source.problem_at(
            start, "unterminated string: no closing quote before the end of the text"
        )
    return source.problem_at(start, "string cannot be read")  # pragma: no cover - defensive


def _character_problem(source: Source, exc: UnexpectedCharacters) -> Problem:
    text = source.text
    pos = exc.pos_in_stream or 0
    ch = text[pos]
    if ch == '"':
        return _string_problem(source, pos)
    if ch == "'":
        return source.problem_at(
            pos, "strings must be in double quotes, not single quotes", 'write "text"'
        )
    if text.startswith(("//", "/*"), pos):
        return source.problem_at(pos, "comments are not allowed in JSON", length=2)
    word = _WORD.match(text, pos)
    if word:
        found = word.group()
        if found.lower() in ("true", "false", "null", "none"):
            lower = "null" if found.lower() == "none" else found.lower()
            return source.problem_at(
                pos,
                f"unknown literal {found!r}",
                f"JSON literals are lowercase: write {lower}",
                length=len(found),
            )
        return source.problem_at(
            pos,
            f"unquoted text {found!r}",
            "JSON strings must be in double quotes",
            length=len(found),
        )
    if ch == "\ufeff":
        return source.problem_at(
            pos, "byte order mark in policy text", "save the file as UTF-8 without a BOM"
        )
    name = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
    return source.problem_at(pos, f"unexpected character {name}")


def _open_brackets(text: str) -> list[tuple[str, int]]:
    """Brackets left open at the end of ``text`` (which lexes cleanly), innermost last."""
    stack: list[tuple[str, int]] = []
    for tok in _parser().lex(text):
        if tok.type in ("LBRACE", "LBRACKET"):
            stack.append((str(tok), tok.start_pos or 0))
        elif tok.type in ("RBRACE", "RBRACKET") and stack:
            stack.pop()
    return stack


def _token_problem(source: Source, exc: UnexpectedToken | UnexpectedEOF) -> Problem:
    token: Token = exc.token
    if token.type == "$END":
        end = len(source.text)
        if not source.text.strip():
            return source.problem_at(0, "the policy text is empty", length=0)
        still_open = _open_brackets(source.text)
        if not still_open:
            return source.problem_at(end, "unexpected end of the text", length=0)
        opener = still_open[-1]
        line, column = source.position(opener[1])
        closer = "}" if opener[0] == "{" else "]"
        return source.problem_at(
            end,
            f"unexpected end of the text: '{opener[0]}' opened at line {line}, "
            f"column {column} is never closed",
            f"add the missing '{closer}'",
            length=0,
        )
    state = getattr(exc, "state", None)
    label = _example_table().get((state.position, token.type)) if state is not None else None
    start = token.start_pos or 0
    words = _token_words(token)
    # The LALR state after a closing bracket is the same at the top level and nested.
    if label in ("missing comma", "mismatched bracket") and not _open_brackets(source.text[:start]):
        label = "extra content"
    if label is None:
        expected = sorted({_TOKEN_WORDS.get(name, name) for name in getattr(exc, "expected", ())})
        return source.problem_at(
            start,
            f"unexpected {words}",
            f"expected {', '.join(expected)}" if expected else "",
            length=len(str(token)),
        )
    message, hint = _MESSAGES[label]
    if label == "trailing comma":
        comma = source.text.rfind(",", 0, start)
        return source.problem_at(comma, message.format(token=words), hint)
    return source.problem_at(start, message.format(token=words), hint, length=len(str(token)))


# --- entry points ---------------------------------------------------------------------------


def decode_text(text: str | bytes, source_name: str = "<policy>") -> str:
    """Policy text as ``str``; bytes must be UTF-8 (the error says where they are not)."""
    if isinstance(text, str):
        return text
    if not isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(f"policy text must be str or bytes, not {type(text).__name__}")
    data = bytes(text)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8")
        source = Source(prefix, source_name)
        line, column = source.position(len(prefix))
        span = Span(line, column, line, column + 1, len(prefix), len(prefix) + 1)
        problem = Problem(
            message=f"the text is not valid UTF-8: byte 0x{data[exc.start]:02X} "
            f"at byte offset {exc.start}",
            line=line,
            column=column,
            end_line=span.end_line,
            end_column=span.end_column,
            excerpt=source.excerpt(line, column, line, column + 1),
            hint="policy documents are UTF-8 text",
        )
        raise PolicySyntaxError([problem], source_name) from None


def parse_json_source(source: Source) -> tuple[JsonNode | None, list[Problem]]:
    """Parse ``source.text``: the tree (None if the text is not JSON) and the problems found.

    Duplicate keys and out-of-range numbers are problems that still yield a tree, so
    callers can go on to report structural problems too.
    """
    deferred: list[tuple[Span, str, str]] = []
    token = _deferred.set(deferred)
    try:
        node: JsonNode = _parser().parse(source.text)  # type: ignore[assignment]
    except UnexpectedCharacters as exc:
        return None, [_character_problem(source, exc)]
    except (UnexpectedToken, UnexpectedEOF) as exc:
        return None, [_token_problem(source, exc)]
    finally:
        _deferred.reset(token)
    return node, [source.problem(span, message, hint) for span, message, hint in deferred]


def parse_json(text: str | bytes, *, source_name: str = "<policy>") -> JsonNode:
    """The positioned JSON tree of ``text``; malformed JSON raises PolicySyntaxError."""
    node, problems = parse_json_source(Source(decode_text(text, source_name), source_name))
    if node is None or problems:
        raise PolicySyntaxError(problems, source_name)
    return node
