"""Request validation against the KMS API model (``kmspolicy.kms._api_model``).

Checks what AWS checks before an operation runs: unknown and missing members, Python types
of boto3's shapes (str, bytes, int, bool, datetime, list, dict), lengths, ranges, enums and
patterns. Violations are reported together, worded as KMS words them::

    2 validation errors detected: Value null at 'keyId' failed to satisfy constraint:
    Member must not be null; Value 'x' at 'aliasName' failed to satisfy constraint: ...

Paths use the lowerCamelCase member names of the wire protocol. Values of sensitive
members (blobs, and the strings the model marks sensitive: key store passwords, XKS proxy
credentials) are never echoed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms._api_model import OPERATIONS, SHAPES

__all__ = ["fast_check", "input_members", "validate_fully", "validate_input"]


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
        # a sensitive value (a password, a secret key) is never echoed, as blobs are not
        echo: Callable[[Any], Any] = (lambda _: b"") if shape.get("sensitive") else (lambda v: v)

        def string(value: Any, path: str, errors: Errors) -> None:
            if type(value) is not str:
                _fail(errors, path, echo(value), "be a string")
                return
            if length is not None:
                length(echo(value), len(value), path, errors)
            if enum is not None and value not in enum:
                _fail(errors, path, echo(value), f"satisfy enum value set: [{enum_text}]")
            if pattern is not None and not pattern.fullmatch(value):
                _fail(
                    errors,
                    path,
                    echo(value),
                    f"satisfy regular expression pattern: {pattern.pattern}",
                )

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


def _structure(shape: Mapping[str, Any]) -> Check:
    members: Mapping[str, str] = shape.get("members", {})
    names = {name: _camel(name) for name in members}
    required = tuple(shape.get("required", ()))
    known = ", ".join(members)
    checks: dict[str, Check] = {}

    def structure(value: Any, path: str, errors: Errors) -> None:
        if type(value) is not dict and not isinstance(value, Mapping):
            _fail(errors, path, value, "be a structure (dict)")
            return
        if not checks:  # member checkers, bound on first use (shapes may be recursive)
            checks.update({name: _compiled(member) for name, member in members.items()})
        for name, item in value.items():
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


def _member_test(shape: Mapping[str, Any], constants: dict[str, str]) -> str | None:
    """A Python expression true when ``v`` (not None) is a valid value of ``shape``, for
    the kinds whose whole check is cheap; None for the rest (lists, structures, timestamps
    and constrained maps, which the full check takes). The constants it names are added to
    ``constants`` as the source of their values."""
    kind = shape["type"]
    low, high = shape.get("min"), shape.get("max")
    size = "len(v)" if kind in ("string", "blob", "list") else "v"
    bounds = "".join(
        f" and {size} {op} {limit!r}"
        for op, limit in ((">=", low), ("<=", high))
        if limit is not None
    )
    if kind == "string":
        test = f"type(v) is str{bounds}"
        if "enum" in shape:
            name = f"_c{len(constants)}"
            constants[name] = f"frozenset({tuple(sorted(shape['enum']))!r})"
            test += f" and v in {name}"
        if "pattern" in shape:
            name = f"_c{len(constants)}"
            constants[name] = f"_pattern({shape['pattern']!r}).fullmatch"
            test += f" and {name}(v) is not None"
        return test
    if kind == "blob":
        return f"type(v) is bytes{bounds}"
    if kind in ("integer", "long"):
        return f"type(v) is int{bounds}"
    if kind == "boolean":
        return "type(v) is bool"
    if kind == "list":
        item = _member_test(SHAPES[shape["member"]], constants)
        if item is None:
            return None
        name = f"_c{len(constants)}"
        constants[name] = f"lambda v: {item}"
        return f"type(v) is list{bounds} and _list_fits(v, {name})"
    plain = kind == "map" and low is None and high is None
    if plain and SHAPES[shape["key"]] == SHAPES[shape["value"]] == {"type": "string"}:
        return "type(v) is dict and _plain_map(v)"
    return None


def _plain_map(value: dict[Any, Any]) -> bool:
    for k, v in value.items():  # noqa: SIM110 - a loop beats all() and a generator here
        if type(k) is not str or type(v) is not str:
            return False
    return True


def _list_fits(value: list[Any], fits: Callable[[Any], bool]) -> bool:
    for item in value:  # noqa: SIM110 - a loop beats all() and a generator here
        if item is None or not fits(item):
            return False
    return True


def _fits_source(operation: str, constants: dict[str, str]) -> str:
    name = f"fits_{operation}"
    shape_name = OPERATIONS[operation][0]
    if shape_name is None:
        return f"def {name}(params: Any) -> bool:\n    return type(params) is dict and not params\n"
    shape = SHAPES[shape_name]
    members: Mapping[str, str] = shape.get("members", {})
    required = set(shape.get("required", ()))
    known = f"_c{len(constants)}"
    constants[known] = f"frozenset({tuple(sorted(members))!r})"
    lines = [
        f"def {name}(params: Any) -> bool:",
        f"    if type(params) is not dict or not params.keys() <= {known}:",
        "        return False",
    ]
    for member_name, member in members.items():
        test = _member_test(SHAPES[member], constants)
        lines.append(f"    v = params.get({member_name!r})")
        if member_name in required:
            if test is None:  # the full check decides every call
                return f"def {name}(params: Any) -> bool:\n    return False\n"
            lines += ["    if v is None:", "        return False", f"    if not ({test}):"]
            lines.append("        return False")
        else:
            lines.append(
                f"    if v is not None and not ({test}):" if test else "    if v is not None:"
            )
            lines.append("        return False")
    lines.append("    return True")
    return "\n".join(lines) + "\n"


_CHECKS_HEAD = '''"""The quick input test of every KMS operation, written from the API model by
``kmspolicy.kms.validation.checks_source`` (see ``fast_check``): do not edit. Regenerate
with ``python -c "import kmspolicy.kms.validation as v; v.write_checks()"``."""

# ruff: noqa
# mypy: ignore-errors
from collections.abc import Callable
from typing import Any

from kmspolicy.kms.validation import _list_fits, _pattern, _plain_map
'''


def checks_source() -> str:
    """The source of ``kmspolicy.kms._checks``: ``fast_check``'s test of every operation,
    each member's checks written inline, and the table of them by operation. Written once
    rather than built at import so that the build compiles them with the rest."""
    constants: dict[str, str] = {}
    functions = [_fits_source(operation, constants) for operation in OPERATIONS]
    parts = [_CHECKS_HEAD, ""]
    parts += [f"{name} = {value}" for name, value in constants.items()]
    parts += [f"\n\n{function}" for function in functions]
    parts.append("\nFITS: dict[str, Callable[[Any], bool]] = {")
    parts += [f"    {operation!r}: fits_{operation}," for operation in OPERATIONS]
    parts.append("}")
    return "\n".join(parts) + "\n"


def write_checks() -> Path:
    """Write ``checks_source()`` to kmspolicy/kms/_checks.py (after a change to the API
    model or to the way the tests are written; a test says when)."""
    path = Path(__file__).with_name("_checks.py")
    path.write_text(checks_source(), encoding="utf-8")
    return path


def fast_check(operation: str) -> Callable[[Any], bool]:
    """A test written once per operation from its input shape, with every member's checks
    inline: True means ``params`` is valid. False means only that the full check must
    decide (and word the errors): required members missing, unknown members, invalid
    values, or members whose kind the test leaves to the full check."""
    return _checks.FITS[operation]


def validate_input(operation: str, params: Any) -> None:
    """Raise ValidationException listing every way ``params`` breaks the input shape."""
    if not fast_check(operation)(params):
        validate_fully(operation, params)


def validate_fully(operation: str, params: Any) -> None:
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


# last: the written tests import the helpers above
from kmspolicy.kms import _checks  # noqa: E402
