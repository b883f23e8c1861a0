"""Property tests of the protocol's conversions on values drawn from the KMS API model,
for every operation: what boto3 sends decodes to the params it was given, what the server
encodes parses back in boto3 to the result, the audit form keeps no blob and names every
structure member in lowerCamelCase, and a value of the wrong JSON type anywhere in a
request is refused with its member path."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from typing import Any

import orjson
import pytest
from botocore.serialize import create_serializer
from hypothesis import assume, given
from hypothesis import strategies as st
from test_protocol import MODEL, boto3_parse

from kmspolicy.errors import KMSError
from kmspolicy.kms._api_model import OPERATIONS, SHAPES
from kmspolicy.server.protocol import audit_form, decode_request, encode_result

INPUTS = sorted((op, shapes[0]) for op, shapes in OPERATIONS.items() if shapes[0])
OUTPUTS = sorted((op, shapes[1]) for op, shapes in OPERATIONS.items() if shapes[1])

# text JSON can carry both ways (orjson, like AWS, refuses lone surrogates)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=6)
# botocore sends whole epoch seconds and reads milliseconds; years where a float's
# milliseconds are exact to the microsecond
MOMENTS = st.datetimes(datetime(1970, 1, 2), datetime(2100, 1, 1), timezones=st.just(UTC))


def boto3_body(operation: str, params: dict[str, Any]) -> bytes:
    """The body botocore sends, without its parameter checks (lengths, enums, required
    members: the dispatcher's to check)."""
    serializer = create_serializer("json", include_validation=False)
    body: bytes = serializer.serialize_to_request(params, MODEL.operation_model(operation))["body"]
    return body


def _camel(name: str) -> str:
    return name[:1].lower() + name[1:]


@cache
def values(shape_name: str, whole_seconds: bool) -> st.SearchStrategy[Any]:
    """Values of the shape as the dispatcher takes and returns them."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "string":
        return TEXT
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "long"):
        return st.integers(-(2**40), 2**40)
    if kind == "blob":
        return st.binary(max_size=12)
    if kind == "timestamp":
        if whole_seconds:
            return MOMENTS.map(lambda t: t.replace(microsecond=0))
        return MOMENTS.map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000))
    if kind == "list":
        return st.lists(values(shape["member"], whole_seconds), max_size=3)
    if kind == "map":
        return st.dictionaries(
            values(shape["key"], whole_seconds), values(shape["value"], whole_seconds), max_size=3
        )
    assert kind == "structure", kind
    members = {
        name: values(member, whole_seconds) for name, member in shape.get("members", {}).items()
    }
    return st.fixed_dictionaries({}, optional=members)


@given(st.data())
def test_requests_boto3_sends_decode_to_their_params(data: st.DataObject) -> None:
    operation, shape_name = data.draw(st.sampled_from(INPUTS))
    params = data.draw(values(shape_name, True))
    assert decode_request(operation, boto3_body(operation, params)) == params


def add_noise(shape_name: str, wire: Any) -> None:
    """Put an unknown member and a null member into every structure of a wire document,
    and a null value into every map: all of them are dropped on input."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        members = shape.get("members", {})
        for name, item in wire.items():
            add_noise(members[name], item)
        absent = [name for name in members if name not in wire]
        if absent:
            wire[absent[0]] = None
        wire["NotAMember"] = {"Nested": [1, None]}
    elif kind == "list":
        for item in wire:
            add_noise(shape["member"], item)
    elif kind == "map":
        for item in wire.values():
            add_noise(shape["value"], item)
        wire["key with a null value"] = None


@given(st.data())
def test_unknown_members_and_nulls_are_dropped_at_every_level(data: st.DataObject) -> None:
    operation, shape_name = data.draw(st.sampled_from(INPUTS))
    params = data.draw(values(shape_name, True))
    wire = json.loads(boto3_body(operation, params))
    add_noise(shape_name, wire)
    assert decode_request(operation, orjson.dumps(wire)) == params


@given(st.data())
def test_results_the_server_encodes_parse_back_in_boto3(data: st.DataObject) -> None:
    operation, shape_name = data.draw(st.sampled_from(OUTPUTS))
    result = data.draw(values(shape_name, False))
    assert boto3_parse(operation, encode_result(operation, result)) == result


def expected_audit(shape_name: str, value: Any) -> Any:
    """CloudTrail's form of a value, written out member by member."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        members = shape.get("members", {})
        return {
            _camel(name): expected_audit(members[name], item)
            for name, item in value.items()
            if SHAPES[members[name]]["type"] != "blob"
            and not SHAPES[members[name]].get("sensitive")
        }
    if kind == "list":
        return [expected_audit(shape["member"], item) for item in value]
    if kind == "map":
        return {k: expected_audit(shape["value"], v) for k, v in value.items()}
    if kind == "timestamp":
        return round(value.timestamp(), 3)
    assert kind != "blob"  # no list or map of blobs in KMS
    return value


def audit_keys(form: Any) -> Iterator[str]:
    if isinstance(form, dict):
        for key, item in form.items():
            yield key
            yield from audit_keys(item)
    elif isinstance(form, list):
        for item in form:
            yield from audit_keys(item)
    else:
        assert not isinstance(form, bytes | bytearray)


@given(st.data())
def test_audit_form_drops_blobs_and_secrets_and_camel_cases_every_structure(
    data: st.DataObject,
) -> None:
    output = data.draw(st.booleans())
    operation, shape_name = data.draw(st.sampled_from(OUTPUTS if output else INPUTS))
    params = data.draw(values(shape_name, False))
    form = audit_form(operation, params, output=output)
    assert form == expected_audit(shape_name, params)
    assert orjson.loads(orjson.dumps(form)) == form  # plain JSON, no bytes left
    blob_names = {
        _camel(name)
        for shape in SHAPES.values()
        for name, member in shape.get("members", {}).items()
        if SHAPES[member]["type"] == "blob" or SHAPES[member].get("sensitive")
    }
    if not any(SHAPES[s]["type"] == "map" for s in _reachable(shape_name)):
        # without caller-named map keys, every key is a camelCase member name
        assert all(key[:1].islower() and key not in blob_names for key in audit_keys(form))


@cache
def _reachable(shape_name: str) -> frozenset[str]:
    shape = SHAPES[shape_name]
    inner = [*shape.get("members", {}).values()]
    inner += [shape[k] for k in ("member", "key", "value") if k in shape]
    return frozenset([shape_name]).union(*(_reachable(s) for s in inner))


def positions(shape_name: str, wire: Any, path: str) -> Iterator[tuple[str, Any, Any, str]]:
    """Every value of a wire document: its path, container, key in it, and shape kind."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        members = shape.get("members", {})
        for name, item in wire.items():
            member_path = f"{path}.{_camel(name)}" if path else _camel(name)
            yield member_path, wire, name, SHAPES[members[name]]["type"]
            yield from positions(members[name], item, member_path)
    elif kind == "list":
        for i, item in enumerate(wire):
            yield f"{path}.{i + 1}", wire, i, SHAPES[shape["member"]]["type"]
            yield from positions(shape["member"], item, f"{path}.{i + 1}")
    elif kind == "map":
        for key, item in wire.items():
            yield f"{path}.{key}", wire, key, SHAPES[shape["value"]]["type"]
            yield from positions(shape["value"], item, f"{path}.{key}")


WRONG: dict[str, list[Any]] = {
    "string": [0, 1.5, True, [], {}],
    "boolean": ["true", 0, 1.5, [], {}],
    "integer": ["1", 1.5, True, [], {}],
    "long": ["1", 1.5, True, [], {}],
    "blob": [0, True, [], {}, "@@@@", "QQ=", "QQ==QQ=="],
    "timestamp": ["2027-01-01", True, [], {}, 1e300],
    "structure": ["{}", 0, True, []],
    "list": ["[]", 0, True, {}],
    "map": ["{}", 0, True, []],
}


@given(st.data())
def test_wrong_json_types_are_refused_at_their_path(data: st.DataObject) -> None:
    operation, shape_name = data.draw(st.sampled_from(INPUTS))
    wire = json.loads(boto3_body(operation, data.draw(values(shape_name, True))))
    places = list(positions(shape_name, wire, ""))
    assume(places)
    path, container, key, kind = data.draw(st.sampled_from(places))
    container[key] = data.draw(st.sampled_from(WRONG[kind]))
    with pytest.raises(KMSError) as err:
        decode_request(operation, orjson.dumps(wire))
    assert err.value.code == "SerializationException"
    assert f" at '{path}'" in err.value.message


@given(st.text("AQgw+/=\n é-", max_size=12))
def test_blobs_decode_as_b64decode_with_validate(text: str) -> None:
    body = orjson.dumps({"KeyId": "k", "Plaintext": text})
    try:
        expected = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        with pytest.raises(KMSError, match="'plaintext' is not valid base64"):
            decode_request("Encrypt", body)
    else:
        assert decode_request("Encrypt", body)["Plaintext"] == expected


@given(st.integers(-(2**80), 2**80) | st.sampled_from([2**64, 2**64 - 1, -(2**63) - 1]))
def test_integers_of_any_size_decode_as_json_reads_them(number: int) -> None:
    # orjson reads integers past 64 bits as floats; json's reading decides
    body = b'{"KeyId": "k", "NumberOfBytes": %d}' % number
    decoded = decode_request("GenerateDataKey", body)
    assert decoded["NumberOfBytes"] == number
    assert type(decoded["NumberOfBytes"]) is int
    if abs(number) >= 2**64:
        with pytest.raises(KMSError, match="'validTo' is not a valid timestamp"):
            decode_request("ImportKeyMaterial", b'{"ValidTo": %d}' % number)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_every_operations_converters_build(operation: str) -> None:
    # each converter is written from the model on first use, nested shapes and all
    input_shape, output_shape = OPERATIONS[operation]
    assert decode_request(operation, b'{"Unknown": 1}') == {}
    assert encode_result(operation, {"Unknown": 1}) == b"{}"
    assert audit_form(operation, {}) == ({} if input_shape else None)
    assert audit_form(operation, {}, output=True) == ({} if output_shape else None)


def test_audit_form_leaves_out_passwords_and_proxy_credentials() -> None:
    cloudhsm = {
        "CustomKeyStoreName": "store",
        "CloudHsmClusterId": "cluster-1a23b4cdefg",
        "KeyStorePassword": "kmsuser-password",
    }
    assert audit_form("CreateCustomKeyStore", cloudhsm) == {
        "customKeyStoreName": "store",
        "cloudHsmClusterId": "cluster-1a23b4cdefg",
    }
    xks = {
        "CustomKeyStoreId": "cks-1234567890abcdef0",
        "XksProxyAuthenticationCredential": {
            "AccessKeyId": "ABCDE12345670EXAMPLE",
            "RawSecretAccessKey": "DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=",
        },
    }
    form = audit_form("UpdateCustomKeyStore", xks)
    assert form == {
        "customKeyStoreId": "cks-1234567890abcdef0",
        "xksProxyAuthenticationCredential": {},
    }
