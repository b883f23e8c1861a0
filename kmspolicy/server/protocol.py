"""AWS JSON 1.1 for KMS: ``X-Amz-Target: TrentService.<Operation>`` and JSON bodies.

Conversion is driven by KMS's API model (``kmspolicy.kms._api_model``, derived from
botocore's ``service-2.json``): a member's shape says whether it is a blob (base64 on the
wire, ``bytes`` for the dispatcher), a timestamp (epoch seconds on the wire, ``datetime``
for the dispatcher), a structure, list or map. No member is listed by hand.

Like AWS, a request's unknown members and ``null`` values are ignored; a body that is not
JSON, or a value of the wrong JSON type, is a SerializationException. Constraints (lengths,
enums, required members) are the dispatcher's to check, as ValidationException.

Every request converts its body and result, so the conversions are not interpreted from
the model per value: each is written out per operation as Python source from the model,
with the nested shapes inlined, into ``kmspolicy/server/_converters.py``
(``converters_source``; a test checks the file is what the model gives), which the build
compiles with the request path. A member costs one dict lookup and its type test; member
paths are worded only when there is an error to report.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from kmspolicy.errors import KMSError
from kmspolicy.kms._api_model import OPERATIONS, SHAPES
from kmspolicy.language.catalogue import CRYPTO_OPERATIONS

__all__ = [
    "CONTENT_TYPE",
    "CRYPTO_OPERATIONS",
    "TARGET_PREFIX",
    "audit_form",
    "decode_request",
    "encode_result",
    "operation_of",
]

CONTENT_TYPE = "application/x-amz-json-1.1"
TARGET_PREFIX = "TrentService."

# The kinds that are the same in JSON and for the dispatcher: the test a wire value ``{v}``
# must pass (type() rather than isinstance(): bool is an int in Python, JSON keeps them
# apart) and the words for a value that fails it. KMS has no floating-point members; one
# would need json's reading of long numbers (see decode_request).
_SCALARS = {
    "string": ("type({v}) is str", "a string"),
    "boolean": ("type({v}) is bool", "a boolean"),
    "integer": ("type({v}) is int", "a number"),
    "long": ("type({v}) is int", "a number"),
}
_JSON_NAMES = {
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "a structure or map",
}


def _serialization(message: str) -> KMSError:
    return KMSError("SerializationException", message)


_TARGETS = {TARGET_PREFIX + operation: operation for operation in OPERATIONS}


def operation_of(target: str | None) -> str:
    """The operation named by an ``X-Amz-Target`` header, or UnknownOperationException."""
    operation = _TARGETS.get(target or "")
    if operation is None:
        raise KMSError("UnknownOperationException", "")
    return operation


def _camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def _wrong_type(value: Any, expected: str, path: str) -> KMSError:
    got = _JSON_NAMES.get(type(value), type(value).__name__)
    return _serialization(f"Expected {expected} at '{path}', got {got}")


def _position(items: list[Any], item: Any) -> int:
    """The 1-based position of ``item`` in ``items``, for an error's path. Found by
    identity: an earlier occurrence of the same object would have failed first."""
    return next(i for i, x in enumerate(items) if x is item) + 1


class _Module:
    """The source of the converters module: its functions and the constants they share."""

    def __init__(self) -> None:
        self.functions: list[str] = []
        self.constants: list[tuple[str, Any]] = []
        self._count = 0

    def fresh(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def constant(self, value: Any) -> str:
        name = self.fresh("_c")
        self.constants.append((name, value))
        return name


class _Source:
    """The source of one converter ``<name>(v)`` of a module."""

    def __init__(self, module: _Module, name: str, returns: str = "Any") -> None:
        self.module = module
        self.lines = [f"def {name}(v: Any) -> {returns}:"]

    def fresh(self, prefix: str) -> str:
        return self.module.fresh(prefix)

    def constant(self, value: Any) -> str:
        return self.module.constant(value)

    def add(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def finish(self) -> None:
        self.add(1, "return v")
        self.module.functions.append("\n".join(self.lines))


def _emit_conversion(
    src: _Source, depth: int, var: str, converted: str, errors: str, message: str
) -> None:
    """Lines that rebind ``var`` to ``converted`` (``{}`` standing for ``var``), raising a
    SerializationException worded ``message`` when it raises one of ``errors``."""
    src.add(depth, "try:")
    src.add(depth + 1, f"{var} = {converted.format(var)}")
    src.add(depth, f"except ({errors}):")
    src.add(depth + 1, f'raise _serialization(f"{message}") from None')


def _emit_decode(
    src: _Source,
    shape_name: str,
    var: str,
    path: str,
    depth: int,
    store: str | None,
    null: str | None,
) -> None:
    """Lines that check the wire value in ``var`` against the shape and decode it.

    The parsed document is the decoder's own, so containers are decoded in place;
    ``store`` is the statement that puts ``var`` back into its container once it is
    rebound to a new value. ``null`` is the statement for a ``null`` value where one is
    dropped (members and map values), None where it is an error (list items): either
    way ``null`` fails the type test first, so it costs nothing when absent. ``path`` is
    the text of an f-string naming the member, evaluated only to word an error."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind in _SCALARS:
        test, expected = _SCALARS[kind]
        test = test.format(v=var)
    elif kind in _CONTAINERS:
        test, expected = f"type({var}) is {_CONTAINERS[kind][0]}", _CONTAINERS[kind][1]
    elif kind == "blob":
        test, expected = f"type({var}) is str", "a base64 string"
    elif kind == "timestamp":
        test = f"type({var}) is int or type({var}) is float"
        expected = "a timestamp in epoch seconds"
    else:
        raise ValueError(f"shape {shape_name} has unsupported type {kind}")
    src.add(depth, f"if not ({test}):")
    wrong = f'raise _wrong({var}, "{expected}", f"{path}")'
    if null is None:
        src.add(depth + 1, wrong)
    else:
        src.add(depth + 1, f"if {var} is not None:")
        src.add(depth + 2, wrong)
        src.add(depth + 1, null)
    if kind in _SCALARS:
        return
    src.add(depth, "else:")
    depth += 1
    if kind == "blob":
        # strict_mode accepts and refuses exactly what b64decode(validate=True) does
        converted, errors = "_a2b({}, strict_mode=True)", "_Error, ValueError"
        _emit_conversion(
            src, depth, var, converted, errors, f"Value at '{path}' is not valid base64"
        )
    elif kind == "timestamp":
        converted, errors = "_fromtimestamp({}, _UTC)", "OverflowError, OSError, ValueError"
        _emit_conversion(
            src, depth, var, converted, errors, f"Value at '{path}' is not a valid timestamp"
        )
    elif kind == "structure":
        _decode_members(src, shape.get("members", {}), var, path, depth)
    elif kind == "list":
        item = src.fresh("x")
        item_path = f"{path}.{{_position({var}, {item})}}"
        if SHAPES[shape["member"]]["type"] in _SCALARS:  # checked, kept as they are
            src.add(depth, f"for {item} in {var}:")
            _emit_decode(src, shape["member"], item, item_path, depth + 1, None, None)
            return
        items = src.fresh("l")
        src.add(depth, f"{items} = []")
        src.add(depth, f"for {item} in {var}:")
        _emit_decode(src, shape["member"], item, item_path, depth + 1, None, None)
        src.add(depth + 1, f"{items}.append({item})")
        src.add(depth, f"{var} = {items}")
    else:
        _decode_map(src, shape, var, path, depth)
    if store is not None:
        src.add(depth, store)


_CONTAINERS = {
    "structure": ("dict", "a structure"),
    "list": ("list", "a list"),
    "map": ("dict", "a map"),
}
# branch order in a structure: strings, the commonest members, then blobs
_ORDER = {"string": 0, "blob": 1}


def _decode_members(
    src: _Source, members: Mapping[str, str], var: str, path: str, depth: int
) -> None:
    if not members:  # every member is unknown
        src.add(depth, f"{var} = {{}}")
        return
    # members of one scalar kind share a branch
    branches: dict[str, tuple[int, str]] = {}
    codes: dict[str, int] = {}
    for name, member in sorted(members.items(), key=lambda m: _ORDER.get(SHAPES[m[1]]["type"], 2)):
        kind = SHAPES[member]["type"]
        branch = name if kind in _CONTAINERS else kind
        codes[name] = branches.setdefault(branch, (len(branches), member))[0]
    table = src.constant(codes)
    name, item, code, dropped = src.fresh("n"), src.fresh("x"), src.fresh("c"), src.fresh("d")
    src.add(depth, f"{dropped} = False")
    src.add(depth, f"for {name}, {item} in {var}.items():")
    src.add(depth + 1, f"{code} = {table}.get({name})")
    member = f"{{_camel({name})}}"
    member_path = f"{path}.{member}" if path else member
    store, null = f"{var}[{name}] = {item}", f"{dropped} = True"
    for number, shape_name in branches.values():
        src.add(depth + 1, f"{'if' if number == 0 else 'elif'} {code} == {number}:")
        _emit_decode(src, shape_name, item, member_path, depth + 2, store, null)
    src.add(depth + 1, "else:  # not a member")
    src.add(depth + 2, null)
    # unknown members and nulls are dropped once the rest is decoded
    src.add(depth, f"if {dropped}:")
    kept = f"if n in {table} and x is not None"
    src.add(depth + 1, f"{var} = {{n: x for n, x in {var}.items() {kept}}}")


def _decode_map(src: _Source, shape: Mapping[str, Any], var: str, path: str, depth: int) -> None:
    if SHAPES[shape["key"]]["type"] != "string":
        raise ValueError(f"map of {shape['key']}: JSON object keys are strings")
    key, item, dropped = src.fresh("k"), src.fresh("x"), src.fresh("d")
    src.add(depth, f"{dropped} = False")
    src.add(depth, f"for {key}, {item} in {var}.items():")
    store, null = f"{var}[{key}] = {item}", f"{dropped} = True"
    _emit_decode(src, shape["value"], item, f"{path}.{{{key}}}", depth + 1, store, null)
    src.add(depth, f"if {dropped}:")
    src.add(depth + 1, f"{var} = {{k: x for k, x in {var}.items() if x is not None}}")


def _emit_encode(src: _Source, shape_name: str, var: str, depth: int, audit: bool) -> None:
    """Lines that rebind ``var`` from the dispatcher's value to its JSON form or, with
    ``audit``, to CloudTrail's (lowerCamelCase member names, no blob or sensitive members)."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "blob":
        src.add(depth, f'{var} = _b2a({var}, newline=False).decode("ascii")')
    elif kind == "timestamp":
        src.add(depth, f"{var} = round({var}.timestamp(), 3)")
    elif kind == "structure":
        _encode_members(src, shape.get("members", {}), var, depth, audit)
    elif kind in ("list", "map"):
        inner = shape["member" if kind == "list" else "value"]
        container = "list" if kind == "list" else "dict"
        if SHAPES[inner]["type"] in _SCALARS:
            src.add(depth, f"{var} = {container}({var})")
            return
        item, out = src.fresh("x"), src.fresh("l")
        if kind == "list":
            src.add(depth, f"{out} = []")
            src.add(depth, f"for {item} in {var}:")
            _emit_encode(src, inner, item, depth + 1, audit)
            src.add(depth + 1, f"{out}.append({item})")
        else:
            key = src.fresh("k")
            src.add(depth, f"{out} = {{}}")
            src.add(depth, f"for {key}, {item} in {var}.items():")
            _emit_encode(src, inner, item, depth + 1, audit)
            src.add(depth + 1, f"{out}[{key}] = {item}")
        src.add(depth, f"{var} = {out}")


def _encode_members(
    src: _Source, members: Mapping[str, str], var: str, depth: int, audit: bool
) -> None:
    kept: dict[str, str] = {}  # members written as they are, by name: their key
    converted: dict[str, tuple[str, str]] = {}  # the rest, by name: key and shape
    for name, member in members.items():
        kind = SHAPES[member]["type"]
        key = _camel(name) if audit else name
        if audit and (kind == "blob" or SHAPES[member].get("sensitive")):
            continue  # never in the audit log: plaintext, ciphertext, passwords, secrets
        if kind in _SCALARS:
            kept[name] = key
        else:
            converted[name] = (key, member)
    name, item, key, out = src.fresh("n"), src.fresh("x"), src.fresh("e"), src.fresh("s")
    src.add(depth, f"{out} = {{}}")
    src.add(depth, f"for {name}, {item} in {var}.items():")
    src.add(depth + 1, f"{key} = {src.constant(kept)}.get({name})")
    src.add(depth + 1, f"if {key} is not None:")
    src.add(depth + 2, f"if {item} is not None:")
    src.add(depth + 3, f"{out}[{key}] = {item}")
    if converted:
        code = src.fresh("c")
        codes = {k: number for number, k in enumerate(converted)}
        src.add(depth + 1, "else:")
        src.add(depth + 2, f"{code} = {src.constant(codes)}.get({name})")
        for number, (member_key, member) in enumerate(converted.values()):
            src.add(depth + 2, f"{'if' if number == 0 else 'elif'} {code} == {number}:")
            src.add(depth + 3, f"if {item} is not None:")
            _emit_encode(src, member, item, depth + 4, audit)
            src.add(depth + 4, f"{out}[{member_key!r}] = {item}")
    src.add(depth, f"{var} = {out}")


_CONVERTERS_HEAD = '''"""The JSON converters of every KMS operation, written from the API model by
``kmspolicy.server.protocol.converters_source`` (see there): do not edit. Regenerate with
``python -c "import kmspolicy.server.protocol as p; p.write_converters()"``."""

# ruff: noqa
# mypy: ignore-errors
from binascii import Error as _Error, a2b_base64 as _a2b, b2a_base64 as _b2a
from collections.abc import Callable
from datetime import UTC as _UTC, datetime
from typing import Any

from kmspolicy.server.protocol import _camel, _position, _serialization, _wrong_type as _wrong

_fromtimestamp = datetime.fromtimestamp


def _empty(v: Any) -> dict[str, Any]:
    return {}


def _none(v: Any) -> None:
    return None
'''


def _decoder(module: _Module, operation: str) -> str:
    name = f"decode_{operation}"
    src = _Source(module, name, "dict[str, Any]")
    shape_name = OPERATIONS[operation][0]
    if shape_name is None:
        src.add(1, "if type(v) is not dict:")
        src.add(2, 'raise _wrong(v, "a structure", "")')
        src.add(1, "v = {}")
    else:
        _emit_decode(src, shape_name, "v", "", 1, None, None)
    src.finish()
    return name


def _encoder(module: _Module, shape_name: str | None, audit: bool) -> str:
    if shape_name is None:
        return "_none" if audit else "_empty"
    name = f"{'audit' if audit else 'encode'}_{shape_name}"
    src = _Source(module, name)
    _emit_encode(src, shape_name, "v", 1, audit)
    src.finish()
    return name


def converters_source() -> str:
    """The source of ``kmspolicy.server._converters``: for every operation, the decoder of
    its request, the encoder of its result and the audit forms of both, each written out
    from the model with the nested shapes inlined, and tables of them by operation. Written
    once rather than built at import so that the build compiles them with the rest."""
    module = _Module()
    tables: dict[str, dict[str, str]] = {  # by their declarations
        "DECODERS: dict[str, Callable[[Any], dict[str, Any]]]": {},
        "ENCODERS: dict[str, Callable[[Any], Any]]": {},
        "AUDIT_INPUT: dict[str, Callable[[Any], Any]]": {},
        "AUDIT_OUTPUT: dict[str, Callable[[Any], Any]]": {},
    }
    decoders, encoders, audit_input, audit_output = tables.values()
    for operation, (input_shape, output_shape) in OPERATIONS.items():
        decoders[operation] = _decoder(module, operation)
        encoders[operation] = _encoder(module, output_shape, False)
        audit_input[operation] = _encoder(module, input_shape, True)
        audit_output[operation] = _encoder(module, output_shape, True)
    parts = [_CONVERTERS_HEAD, ""]
    parts += [f"{name} = {value!r}" for name, value in module.constants]
    parts += [f"\n\n{function}" for function in module.functions]
    for table, entries in tables.items():
        parts.append(f"\n\n{table} = {{")
        parts += [f"    {operation!r}: {function}," for operation, function in entries.items()]
        parts.append("}")
    return "\n".join(parts) + "\n"


def write_converters() -> Path:
    """Write ``converters_source()`` to kmspolicy/server/_converters.py (after a change to
    the API model or to the way converters are written; a test says when)."""
    path = Path(__file__).with_name("_converters.py")
    path.write_text(converters_source(), encoding="utf-8")
    return path


# A run of 19 digits may be an integer beyond 64 bits, which orjson reads as a float where
# json reads an int. Found as 19 zeros once every digit is made a zero (a regex costs more).
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19


def decode_request(operation: str, body: bytes) -> dict[str, Any]:
    """The boto3-shaped params of a JSON request body (an empty body is ``{}``).

    The params are those of ``json.loads(body)``, read through orjson where that gives
    the same. orjson refuses what JSON forbids and json accepts (NaN, lone surrogates, a
    BOM): those bodies go to json. orjson reads an integer past 64 bits (19 digits or
    more) as a float; such a number is either at a member that is dropped, or fails to
    decode (a float at an integer member, a time past the year 9999, a number where none
    belongs), so a body that fails with such a run in it is decoded again from json's
    reading."""
    decode = _converters.DECODERS[operation]
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return decode(_json_reading(body))
    try:
        return decode(document)
    except KMSError:
        if _LONG_NUMBER not in body.translate(_DIGITS_TO_ZERO):
            raise
    return decode(_json_reading(body))


def _json_reading(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if not body.strip():
            return {}
        raise _serialization(f"The request body is not valid JSON: {exc}") from None


def encode_result(operation: str, result: Mapping[str, Any]) -> bytes:
    """The JSON response body for a dispatcher result (``{}`` for operations without
    output). Members the model does not know are left out."""
    return orjson.dumps(_converters.ENCODERS[operation](result))


def audit_form(operation: str, params: Mapping[str, Any], *, output: bool = False) -> Any:
    """Params (or, with ``output``, a result) as CloudTrail records them: JSON wire
    values with lowerCamelCase member names and every blob (plaintext, ciphertext, key
    material, tokens) and every member the model marks sensitive (key store passwords,
    XKS proxy credentials) left out. Map keys such as encryption-context keys are the caller's
    and stay as they are."""
    return (_converters.AUDIT_OUTPUT if output else _converters.AUDIT_INPUT)[operation](params)


# last: the converters module imports the helpers above
from kmspolicy.server import _converters  # noqa: E402
