"""AWS JSON 1.1 for KMS: ``X-Amz-Target: TrentService.<Operation>`` and JSON bodies.

Conversion is driven by KMS's API model (``kmspolicy.kms._api_model``, derived from
botocore's ``service-2.json``): a member's shape says whether it is a blob (base64 on the
wire, ``bytes`` for the dispatcher), a timestamp (epoch seconds on the wire, ``datetime``
for the dispatcher), a structure, list or map. No member is listed by hand.

Like AWS, a request's unknown members and ``null`` values are ignored; a body that is not
JSON, or a value of the wrong JSON type, is a SerializationException. Constraints (lengths,
enums, required members) are the dispatcher's to check, as ValidationException.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
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

_JSON_TYPES = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "long": (int,),
    "double": (int, float),
    "float": (int, float),
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


def operation_of(target: str | None) -> str:
    """The operation named by an ``X-Amz-Target`` header, or UnknownOperationException."""
    if target is None or not target.startswith(TARGET_PREFIX):
        raise KMSError("UnknownOperationException", "")
    operation = target[len(TARGET_PREFIX) :]
    if operation not in OPERATIONS:
        raise KMSError("UnknownOperationException", "")
    return operation


def _camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def _wrong_type(value: Any, expected: str, path: str) -> KMSError:
    got = _JSON_NAMES.get(type(value), type(value).__name__)
    return _serialization(f"Expected {expected} at '{path}', got {got}")


def _decode(shape_name: str, value: Any, path: str) -> Any:
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        if not isinstance(value, dict):
            raise _wrong_type(value, "a structure", path)
        members: dict[str, str] = shape.get("members", {})
        out: dict[str, Any] = {}
        for name, item in value.items():
            member = members.get(name)
            if member is None or item is None:
                continue
            out[name] = _decode(member, item, f"{path}.{_camel(name)}" if path else _camel(name))
        return out
    if kind == "list":
        if not isinstance(value, list):
            raise _wrong_type(value, "a list", path)
        return [_decode(shape["member"], item, f"{path}.{i + 1}") for i, item in enumerate(value)]
    if kind == "map":
        if not isinstance(value, dict):
            raise _wrong_type(value, "a map", path)
        return {
            _decode(shape["key"], k, path): _decode(shape["value"], v, f"{path}.{k}")
            for k, v in value.items()
            if v is not None
        }
    if kind == "blob":
        if not isinstance(value, str):
            raise _wrong_type(value, "a base64 string", path)
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise _serialization(f"Value at '{path}' is not valid base64") from None
    if kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong_type(value, "a timestamp in epoch seconds", path)
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise _serialization(f"Value at '{path}' is not a valid timestamp") from None
    allowed = _JSON_TYPES[kind]
    # bool is an int in Python; JSON keeps them apart
    if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
        raise _wrong_type(value, _JSON_NAMES[allowed[0]], path)
    return value


# A run of 19 digits may be an integer beyond 64 bits, which orjson reads as a float.
_LONG_NUMBER = re.compile(rb"\d{19}")


def _loads(body: bytes) -> Any:
    """``json.loads(body)``, through orjson when that reads the body the same way: orjson
    refuses what JSON forbids and json accepts (NaN, lone surrogates, a BOM), and those
    bodies go to json, which accepts them or words the error as before."""
    if _LONG_NUMBER.search(body) is None:
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    return json.loads(body)


def decode_request(operation: str, body: bytes) -> dict[str, Any]:
    """The boto3-shaped params of a JSON request body (an empty body is ``{}``)."""
    if not body.strip():
        return {}
    try:
        document = _loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _serialization(f"The request body is not valid JSON: {exc}") from None
    input_shape = OPERATIONS[operation][0]
    if input_shape is None:
        if not isinstance(document, dict):
            raise _wrong_type(document, "a structure", "")
        return {}
    decoded: dict[str, Any] = _decode(input_shape, document, "")
    return decoded


def _encode(shape_name: str, value: Any, drop_blobs: bool) -> Any:
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        members: dict[str, str] = shape.get("members", {})
        out: dict[str, Any] = {}
        for name, item in value.items():
            member = members.get(name)
            if member is None or item is None:
                continue
            if drop_blobs and SHAPES[member]["type"] == "blob":
                continue
            out[name] = _encode(member, item, drop_blobs)
        return out
    if kind == "list":
        return [_encode(shape["member"], item, drop_blobs) for item in value]
    if kind == "map":
        return {k: _encode(shape["value"], v, drop_blobs) for k, v in value.items()}
    if kind == "blob":
        return base64.b64encode(value).decode("ascii")
    if kind == "timestamp":
        return round(value.timestamp(), 3)
    return value


def encode_result(operation: str, result: Mapping[str, Any]) -> bytes:
    """The JSON response body for a dispatcher result (``{}`` for operations without
    output). Members the model does not know are left out."""
    output_shape = OPERATIONS[operation][1]
    document = {} if output_shape is None else _encode(output_shape, result, False)
    return orjson.dumps(document)


def audit_form(operation: str, params: Mapping[str, Any], *, output: bool = False) -> Any:
    """Params (or, with ``output``, a result) as CloudTrail records them: JSON wire
    values with lowerCamelCase member names and every blob (plaintext, ciphertext, key
    material, tokens) left out. Map keys such as encryption-context keys are the caller's
    and stay as they are."""
    shape_name = OPERATIONS[operation][1 if output else 0]
    if shape_name is None:
        return None
    return _camel_structure(shape_name, _encode(shape_name, params, True))


def _camel_structure(shape_name: str, value: Any) -> Any:
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        members: dict[str, str] = shape.get("members", {})
        return {_camel(k): _camel_structure(members[k], v) for k, v in value.items()}
    if kind == "list":
        return [_camel_structure(shape["member"], v) for v in value]
    if kind == "map":
        return {k: _camel_structure(shape["value"], v) for k, v in value.items()}
    return value
