"""Request validation against the KMS API model (``kmspolicy.kms._api_model``).

Checks what AWS checks before an operation runs: unknown and missing members, Python types
of boto3's shapes (str, bytes, int, bool, datetime, list, dict), lengths, ranges, enums and
patterns. Violations are reported together, worded as KMS words them::

    2 validation errors detected: Value null at 'keyId' failed to satisfy constraint:
    Member must not be null; Value 'x' at 'aliasName' failed to satisfy constraint: ...

Paths use the lowerCamelCase member names of the wire protocol. Values of sensitive
members (blobs) are never echoed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms._api_model import OPERATIONS, SHAPES

__all__ = ["input_members", "validate_input"]


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def _shown(value: Any) -> str:
    if isinstance(value, bytes | bytearray):
        return ""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f" '{text}'"


Errors = list[str]
Check = Callable[[Any, str, Errors], None]


def _fail(errors: Errors, path: str, value: Any, constraint: str) -> None:
    shown = " null" if value is None else _shown(value)
    errors.append(
        f"Value{shown} at '{path}' failed to satisfy constraint: Member must {constraint}"
    )


def _length_check(shape: Mapping[str, Any]) -> Callable[[Any, int, str, Errors], None] | None:
    low, high = shape.get("min"), shape.get("max")
    if low is None and high is None:
        return None

    def check(value: Any, length: int, path: str, errors: Errors) -> None:
        if low is not None and length < low:
            _fail(errors, path, value, f"have length greater than or equal to {low}")
        if high is not None and length > high:
            _fail(errors, path, value, f"have length less than or equal to {high}")

    return check


@cache
def _compiled(shape_name: str) -> Check:
    """A checker for one shape, built once: validation runs on every call."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    length = _length_check(shape)
    if kind == "structure":
        return _structure(shape)
    if kind == "string":
        enum = frozenset(shape["enum"]) if "enum" in shape else None
        enum_text = ", ".join(shape.get("enum", ()))
        pattern = _pattern(shape["pattern"]) if "pattern" in shape else None

        def string(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not str:
                _fail(errors, path, value, "be a string")
                return
            if length is not None:
                length(value, len(value), path, errors)
            if enum is not None and value not in enum:
                _fail(errors, path, value, f"satisfy enum value set: [{enum_text}]")
            if pattern is not None and not pattern.fullmatch(value):
                _fail(errors, path, value, f"satisfy regular expression pattern: {pattern.pattern}")

        return string
    if kind == "blob":

        def blob(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not bytes and not isinstance(value, bytearray):
                _fail(errors, path, value, "be bytes")
            elif length is not None:
                length(value, len(value), path, errors)

        return blob
    if kind in ("integer", "long"):
        low, high = shape.get("min"), shape.get("max")

        def integer(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not int:
                _fail(errors, path, value, "be an integer")
                return
            if low is not None and value < low:
                _fail(errors, path, value, f"have value greater than or equal to {low}")
            if high is not None and value > high:
                _fail(errors, path, value, f"have value less than or equal to {high}")

        return integer
    if kind == "boolean":

        def boolean(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not bool:
                _fail(errors, path, value, "be a boolean")

        return boolean
    if kind == "timestamp":

        def timestamp(value: Any, path: str, errors: Errors) -> None:
            if not isinstance(value, datetime) or value.tzinfo is None:
                _fail(errors, path, value, "be a timezone-aware datetime")

        return timestamp
    if kind == "list":
        member_name = shape["member"]

        def sequence(value: Any, path: str, errors: Errors) -> None:
            if not isinstance(value, list | tuple):
                _fail(errors, path, value, "be a list")
                return
            if length is not None:
                length(value, len(value), path, errors)
            member = _compiled(member_name)
            for i, item in enumerate(value):
                where = f"{path}.{i + 1}.member"
                if item is None:
                    _fail(errors, where, None, "not be null")
                else:
                    member(item, where, errors)

        return sequence
    if kind == "map":
        key_name, value_name = shape["key"], shape["value"]
        plain = SHAPES[key_name] == SHAPES[value_name] == {"type": "string"}

        def mapping(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not dict and not isinstance(value, Mapping):
                _fail(errors, path, value, "be a map (dict)")
                return
            if length is not None:
                length(value, len(value), path, errors)
            # string to string with no constraints, the common case: checked inline
            if plain and all(type(k) is str and type(v) is str for k, v in value.items()):
                return
            check_key, check_value = _compiled(key_name), _compiled(value_name)
            for k, v in value.items():
                check_key(k, f"{path}.key", errors)
                if v is None:
                    _fail(errors, f"{path}.{k}", None, "not be null")
                else:
                    check_value(v, f"{path}.{k}", errors)

        return mapping
    raise ValueError(f"shape {shape_name} has unsupported type {kind}")


# A member value that passes its quick test is valid; one that does not gets the full check
# (which words the errors). Quick tests: (type, min length, max length, enum or None) for
# strings without a pattern and for blobs, ``bool`` alone for booleans, and ``dict`` alone
# for maps of unconstrained strings to strings.
Quick = tuple[type, int, int, frozenset[str] | None]
_NO_LIMIT = 1 << 62


def _quick(shape: Mapping[str, Any]) -> Quick | None:
    kind = shape["type"]
    low, high = shape.get("min", 0), shape.get("max", _NO_LIMIT)
    if kind == "string" and "pattern" not in shape:
        enum = frozenset(shape["enum"]) if "enum" in shape else None
        return (str, low, high, enum)
    if kind == "blob":
        return (bytes, low, high, None)
    if kind == "boolean":
        return (bool, 0, 0, None)
    plain = kind == "map" and "min" not in shape and "max" not in shape
    if plain and SHAPES[shape["key"]] == SHAPES[shape["value"]] == {"type": "string"}:
        return (dict, 0, 0, None)
    return None


def _passes(quick: Quick, item: Any) -> bool:
    kind = quick[0]
    if type(item) is not kind:
        return False
    value: Any = item  # the type test narrows to object; it is one of the kinds above
    if kind is bool:
        return True
    if kind is dict:
        for k, v in value.items():  # noqa: SIM110 - a loop beats all() and a generator here
            if type(k) is not str or type(v) is not str:
                return False
        return True
    enum = quick[3]
    return quick[1] <= len(value) <= quick[2] and (enum is None or value in enum)


def _structure(shape: Mapping[str, Any]) -> Check:
    members: Mapping[str, str] = shape.get("members", {})
    names = {name: _camel(name) for name in members}
    required = tuple(shape.get("required", ()))
    known = ", ".join(members)
    checks: dict[str, Check] = {}
    quick = {
        name: q for name, member in members.items() if (q := _quick(SHAPES[member])) is not None
    }

    def structure(value: Any, path: str, errors: Errors) -> None:
        if type(value) is not dict and not isinstance(value, Mapping):
            _fail(errors, path, value, "be a structure (dict)")
            return
        if not checks:  # member checkers, bound on first use (shapes may be recursive)
            checks.update({name: _compiled(member) for name, member in members.items()})
        for name, item in value.items():
            q = quick.get(name)
            if q is not None:
                if item is None:
                    continue
                kind = q[0]  # strings and blobs inline, the rest in _passes
                if kind is str or kind is bytes:
                    fits = type(item) is kind and q[1] <= len(item) <= q[2]
                    if fits and (q[3] is None or item in q[3]):
                        continue
                elif _passes(q, item):
                    continue
            member = checks.get(name)
            if member is None:
                where = f"{path}.{name}" if path else str(name)
                _fail(errors, where, item, f"be one of the known members: {known}")
            elif item is not None:
                member(item, f"{path}.{names[name]}" if path else names[name], errors)
        for name in required:
            if value.get(name) is None:
                _fail(errors, f"{path}.{names[name]}" if path else names[name], None, "not be null")

    return structure


def input_members(operation: str) -> tuple[str, ...]:
    """The member names the operation's input shape has."""
    shape_name = OPERATIONS[operation][0]
    return tuple(SHAPES[shape_name]["members"]) if shape_name else ()


# operation -> (member -> quick test, required members), for the structures' quick path
_QUICK: dict[str, tuple[dict[str, Quick], tuple[str, ...]]] = {}


def _quick_tests(operation: str, shape_name: str) -> tuple[dict[str, Quick], tuple[str, ...]]:
    shape = SHAPES[shape_name]
    members: Mapping[str, str] = shape.get("members", {})
    quick = {
        name: q for name, member in members.items() if (q := _quick(SHAPES[member])) is not None
    }
    return _QUICK.setdefault(operation, (quick, tuple(shape.get("required", ()))))


def validate_input(operation: str, params: Any) -> None:
    """Raise ValidationException listing every way ``params`` breaks the input shape.

    First the quick path: every member passes its quick test and every required one is
    there, checked in one loop without the checkers' calls. Anything else gets the full
    check, which decides and words the errors."""
    tests = _QUICK.get(operation)
    if tests is None:
        shape_name = OPERATIONS[operation][0]
        tests = _quick_tests(operation, shape_name) if shape_name is not None else ({}, ())
    quick, required = tests
    if type(params) is dict and quick:
        for name, item in params.items():
            q = quick.get(name)
            if q is None:
                break
            kind, low, high, enum = q
            if type(item) is not kind:
                if item is None:
                    continue
                break
            value: Any = item  # the type test narrows to object; it is one of the quick kinds
            if kind is dict:
                plain = True
                for k, v in value.items():
                    if type(k) is not str or type(v) is not str:
                        plain = False  # a non-string pair: the full check words it
                        break
                if not plain:
                    break
            elif kind is not bool:
                size = len(value)
                if size < low or size > high or (enum is not None and value not in enum):
                    break
        else:
            for name in required:
                if params.get(name) is None:
                    break
            else:
                return
    _validate_fully(operation, params)


def _validate_fully(operation: str, params: Any) -> None:
    shape_name = OPERATIONS[operation][0]
    errors: Errors = []
    if shape_name is None:
        if params:
            _fail(errors, "", params, "be empty: the operation takes no input")
    else:
        _compiled(shape_name)(params, "", errors)
    if errors:
        n = len(errors)
        raise KMSError(
            "ValidationException",
            f"{n} validation error{'s' if n > 1 else ''} detected: " + "; ".join(errors),
        )
