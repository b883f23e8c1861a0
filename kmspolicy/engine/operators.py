"""The condition operators of the IAM policy language, on plain strings.

``OPERATORS`` maps each base operator (lowercased) to its ``OperatorSpec``: the value type
it compares, whether it is negated, and the comparison. ``parse_policy_value`` turns a
policy value into the comparable form once; ``parse_request_value`` does the same for a
request value. Both raise ``OperandError`` when the text is not of the operator's type
(a bad number, date, CIDR, ARN or base64 string): the caller fails closed.

Semantics (IAM User Guide, "Condition operators"):

* String: exact, case-insensitive (``…IgnoreCase``) or glob (``…Like``: ``*`` any run,
  ``?`` one character, whole string, case-sensitive).
* Numeric: decimal numbers. Date: ISO-8601 or epoch seconds, compared as instants.
* Bool: ``true``/``false`` (case-insensitive). BinaryEquals: base64, compared as bytes.
* IpAddress/NotIpAddress: IPv4/IPv6 CIDR; a bare address is a /32 or /128.
* Arn*: ``ArnEquals`` and ``ArnLike`` are the same test: the six colon-separated segments
  are matched one by one, each a glob.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import Any

__all__ = [
    "OPERATORS",
    "OperandError",
    "OperatorSpec",
    "Pieces",
    "ValueType",
    "glob_regex",
    "parse_date",
    "parse_number",
    "parse_policy_value",
    "parse_request_value",
]


class OperandError(ValueError):
    """A value that cannot be read as the operator's type."""


class ValueType(Enum):
    STRING = "string"
    STRING_IGNORE_CASE = "string-ignore-case"
    GLOB = "glob"
    NUMBER = "number"
    DATE = "date"
    BOOL = "bool"
    BINARY = "binary"
    IP = "ip"
    ARN = "arn"
    NULL = "null"


@dataclass(frozen=True, slots=True)
class OperatorSpec:
    name: str
    type: ValueType
    negated: bool
    # compare(request_value, policy_value) on parsed values; None for Null
    compare: Callable[[Any, Any], bool] | None
    # variables are substituted in this operator's values
    variables: bool


def _eq(r: Any, p: Any) -> bool:
    return bool(r == p)


def _glob(r: str, p: re.Pattern[str]) -> bool:
    return p.fullmatch(r) is not None


def _in_network(
    r: ipaddress.IPv4Address | ipaddress.IPv6Address,
    p: ipaddress.IPv4Network | ipaddress.IPv6Network,
) -> bool:
    return r.version == p.version and r in p


def _arn_match(r: tuple[str, ...], p: tuple[re.Pattern[str], ...]) -> bool:
    return all(pat.fullmatch(seg) is not None for seg, pat in zip(r, p, strict=True))


def _spec(
    name: str,
    vtype: ValueType,
    compare: Callable[[Any, Any], bool] | None,
    *,
    negated: bool = False,
    variables: bool = False,
) -> tuple[str, OperatorSpec]:
    return name.lower(), OperatorSpec(name, vtype, negated, compare, variables)


_S, _N, _D = ValueType.STRING, ValueType.NUMBER, ValueType.DATE
OPERATORS: dict[str, OperatorSpec] = dict(
    [
        _spec("StringEquals", _S, _eq, variables=True),
        _spec("StringNotEquals", _S, _eq, negated=True, variables=True),
        _spec("StringEqualsIgnoreCase", ValueType.STRING_IGNORE_CASE, _eq, variables=True),
        _spec(
            "StringNotEqualsIgnoreCase",
            ValueType.STRING_IGNORE_CASE,
            _eq,
            negated=True,
            variables=True,
        ),
        _spec("StringLike", ValueType.GLOB, _glob, variables=True),
        _spec("StringNotLike", ValueType.GLOB, _glob, negated=True, variables=True),
        _spec("NumericEquals", _N, _eq),
        _spec("NumericNotEquals", _N, _eq, negated=True),
        _spec("NumericLessThan", _N, lambda r, p: r < p),
        _spec("NumericLessThanEquals", _N, lambda r, p: r <= p),
        _spec("NumericGreaterThan", _N, lambda r, p: r > p),
        _spec("NumericGreaterThanEquals", _N, lambda r, p: r >= p),
        _spec("DateEquals", _D, _eq),
        _spec("DateNotEquals", _D, _eq, negated=True),
        _spec("DateLessThan", _D, lambda r, p: r < p),
        _spec("DateLessThanEquals", _D, lambda r, p: r <= p),
        _spec("DateGreaterThan", _D, lambda r, p: r > p),
        _spec("DateGreaterThanEquals", _D, lambda r, p: r >= p),
        _spec("Bool", ValueType.BOOL, _eq, variables=True),
        _spec("BinaryEquals", ValueType.BINARY, _eq),
        _spec("IpAddress", ValueType.IP, _in_network),
        _spec("NotIpAddress", ValueType.IP, _in_network, negated=True),
        _spec("ArnEquals", ValueType.ARN, _arn_match, variables=True),
        _spec("ArnLike", ValueType.ARN, _arn_match, variables=True),
        _spec("ArnNotEquals", ValueType.ARN, _arn_match, negated=True, variables=True),
        _spec("ArnNotLike", ValueType.ARN, _arn_match, negated=True, variables=True),
        _spec("Null", ValueType.NULL, None),
    ]
)


# A value as pieces of text: (text, is_pattern). In pattern pieces (policy text as
# written) ``*`` and ``?`` are wildcards; other pieces (escapes, substituted variables)
# are literal.
Pieces = tuple[tuple[str, bool], ...]


@lru_cache(maxsize=4096)
def glob_regex(pattern: str | Pieces, ignore_case: bool = False) -> re.Pattern[str]:
    """``*`` matches any run of characters, ``?`` exactly one; everything else is literal."""
    pieces: Pieces = ((pattern, True),) if isinstance(pattern, str) else pattern
    body = "".join(
        "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in text)
        if is_pattern
        else re.escape(text)
        for text, is_pattern in pieces
    )
    return re.compile(body, re.IGNORECASE | re.DOTALL if ignore_case else re.DOTALL)


def _split_pieces(pieces: Pieces) -> tuple[Pieces, ...]:
    """Split pieces at the first five colons (the ARN segments)."""
    segments: list[list[tuple[str, bool]]] = [[]]
    for text, is_pattern in pieces:
        parts = text.split(":")
        for i, part in enumerate(parts):
            if i and len(segments) < 6:
                segments.append([])
            elif i:
                segments[-1].append((":", False))
            segments[-1].append((part, is_pattern))
    if len(segments) != 6:
        joined = "".join(t for t, _ in pieces)
        raise OperandError(f"{joined!r} is not an ARN")
    return tuple(tuple(seg) for seg in segments)


def parse_number(text: str) -> Decimal:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise OperandError(f"{text!r} is not a number") from None
    if not number.is_finite():
        raise OperandError(f"{text!r} is not a finite number")
    return number


_EPOCH = re.compile(r"-?\d+(\.\d+)?")


def parse_date(text: str) -> datetime:
    """ISO-8601 (date, or date and time with optional zone; no zone means UTC) or epoch
    seconds."""
    text = text.strip()
    if _EPOCH.fullmatch(text):
        try:
            return datetime.fromtimestamp(float(text), UTC)
        except (OverflowError, OSError, ValueError):
            raise OperandError(f"{text!r} is out of range for a date") from None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise OperandError(f"{text!r} is not an ISO-8601 date or epoch time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _parse_bool(text: str) -> str:
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise OperandError(f"{text!r} is not a boolean")
    return lowered


def _parse_binary(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise OperandError(f"{text!r} is not base64") from None


def _split_arn(text: str) -> tuple[str, ...]:
    parts = text.split(":", 5)
    if len(parts) != 6:
        raise OperandError(f"{text!r} is not an ARN")
    return tuple(parts)


# Value types whose policy operands and request values parse the same way.
_SCALAR_PARSERS: dict[ValueType, Callable[[str], Any]] = {
    ValueType.STRING_IGNORE_CASE: str.casefold,
    ValueType.NUMBER: parse_number,
    ValueType.DATE: parse_date,
    ValueType.BOOL: _parse_bool,
    ValueType.BINARY: _parse_binary,
}


def parse_policy_value(spec: OperatorSpec, value: str | Pieces) -> Any:
    """The comparable form of a policy value (text, or pieces after variable
    substitution)."""
    vtype = spec.type
    if vtype is ValueType.GLOB:
        return glob_regex(value)
    if vtype is ValueType.ARN:
        pieces: Pieces = ((value, True),) if isinstance(value, str) else value
        return tuple(glob_regex(seg) for seg in _split_pieces(pieces))
    text = value if isinstance(value, str) else "".join(t for t, _ in value)
    if vtype is ValueType.STRING:
        return text
    scalar = _SCALAR_PARSERS.get(vtype)
    if scalar is not None:
        return scalar(text)
    if vtype is ValueType.IP:
        try:
            return ipaddress.ip_network(text.strip(), strict=False)
        except ValueError:
            raise OperandError(f"{text!r} is not an IP address or CIDR block") from None
    return _parse_bool(text)  # Null: "true" (key absent) or "false" (key present)


def parse_request_value(spec: OperatorSpec, text: str) -> Any:
    """The comparable form of a request value."""
    vtype = spec.type
    if vtype in (ValueType.STRING, ValueType.GLOB):
        return text
    scalar = _SCALAR_PARSERS.get(vtype)
    if scalar is not None:
        return scalar(text)
    if vtype is ValueType.IP:
        try:
            return ipaddress.ip_address(text.strip())
        except ValueError:
            raise OperandError(f"request value {text!r} is not an IP address") from None
    if vtype is ValueType.ARN:
        return _split_arn(text)
    return text
