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
from collections.abc import Mapping
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


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, path: str, value: Any, constraint: str) -> None:
        shown = " null" if value is None else _shown(value)
        self.errors.append(
            f"Value{shown} at '{path}' failed to satisfy constraint: Member must {constraint}"
        )

    def check(self, shape_name: str, value: Any, path: str) -> None:
        shape = SHAPES[shape_name]
        kind = shape["type"]
        checker = getattr(self, f"_check_{kind}")
        checker(shape, value, path)

    def _check_structure(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            self.fail(path, value, "be a structure (dict)")
            return
        members: Mapping[str, str] = shape.get("members", {})
        for name in value:
            if name not in members:
                self.fail(
                    f"{path}.{name}" if path else str(name),
                    value[name],
                    f"be one of the known members: {', '.join(members)}",
                )
        for name in shape.get("required", ()):
            if value.get(name) is None:
                self.fail(_join(path, name), None, "not be null")
        for name, member_shape in members.items():
            member = value.get(name)
            if member is not None:
                self.check(member_shape, member, _join(path, name))

    def _length(self, shape: Mapping[str, Any], value: Any, length: int, path: str) -> None:
        if "min" in shape and length < shape["min"]:
            self.fail(path, value, f"have length greater than or equal to {shape['min']}")
        if "max" in shape and length > shape["max"]:
            self.fail(path, value, f"have length less than or equal to {shape['max']}")

    def _check_string(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.fail(path, value, "be a string")
            return
        self._length(shape, value, len(value), path)
        if "enum" in shape and value not in shape["enum"]:
            self.fail(path, value, f"satisfy enum value set: [{', '.join(shape['enum'])}]")
        if "pattern" in shape and not _pattern(shape["pattern"]).fullmatch(value):
            self.fail(path, value, f"satisfy regular expression pattern: {shape['pattern']}")

    def _check_blob(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, bytes | bytearray):
            self.fail(path, value, "be bytes")
            return
        self._length(shape, value, len(value), path)

    def _check_integer(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, value, "be an integer")
            return
        if "min" in shape and value < shape["min"]:
            self.fail(path, value, f"have value greater than or equal to {shape['min']}")
        if "max" in shape and value > shape["max"]:
            self.fail(path, value, f"have value less than or equal to {shape['max']}")

    _check_long = _check_integer

    def _check_boolean(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, bool):
            self.fail(path, value, "be a boolean")

    def _check_timestamp(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, datetime) or value.tzinfo is None:
            self.fail(path, value, "be a timezone-aware datetime")

    def _check_list(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, list | tuple):
            self.fail(path, value, "be a list")
            return
        self._length(shape, value, len(value), path)
        for i, item in enumerate(value):
            if item is None:
                self.fail(f"{path}.{i + 1}.member", None, "not be null")
            else:
                self.check(shape["member"], item, f"{path}.{i + 1}.member")

    def _check_map(self, shape: Mapping[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            self.fail(path, value, "be a map (dict)")
            return
        self._length(shape, value, len(value), path)
        for k, v in value.items():
            self.check(shape["key"], k, f"{path}.key")
            if v is None:
                self.fail(f"{path}.{k}", None, "not be null")
            else:
                self.check(shape["value"], v, f"{path}.{k}")


def _join(path: str, name: str) -> str:
    return f"{path}.{_camel(name)}" if path else _camel(name)


def input_members(operation: str) -> tuple[str, ...]:
    """The member names the operation's input shape has."""
    shape_name = OPERATIONS[operation][0]
    return tuple(SHAPES[shape_name]["members"]) if shape_name else ()


def validate_input(operation: str, params: Any) -> None:
    """Raise ValidationException listing every way ``params`` breaks the input shape."""
    shape_name = OPERATIONS[operation][0]
    checker = _Checker()
    if shape_name is None:
        if params:
            checker.fail("", params, "be empty: the operation takes no input")
    else:
        checker.check(shape_name, params, "")
    if checker.errors:
        n = len(checker.errors)
        raise KMSError(
            "ValidationException",
            f"{n} validation error{'s' if n > 1 else ''} detected: " + "; ".join(checker.errors),
        )
