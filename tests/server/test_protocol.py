"""AWS JSON 1.1 conversion, cross-checked against botocore's own serializer and parser:
what boto3 sends decodes to the params it was given, and what the server encodes parses
back (in boto3) to the result the dispatcher returned."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import botocore.session
import pytest
from botocore.parsers import create_parser
from botocore.serialize import create_serializer

from kmspolicy.errors import KMSError
from kmspolicy.server.errors import error_body, status_of
from kmspolicy.server.protocol import audit_form, decode_request, encode_result, operation_of

MODEL = botocore.session.get_session().get_service_model("kms")


def boto3_body(operation: str, params: dict[str, Any]) -> bytes:
    serialized = create_serializer("json").serialize_to_request(
        params, MODEL.operation_model(operation)
    )
    body: bytes = serialized["body"]
    return body


def boto3_parse(operation: str, body: bytes) -> dict[str, Any]:
    parsed: dict[str, Any] = create_parser("json").parse(
        {"body": body, "headers": {}, "status_code": 200},
        MODEL.operation_model(operation).output_shape,
    )
    parsed.pop("ResponseMetadata", None)
    return parsed


REQUESTS = [
    (
        "Encrypt",
        {
            "KeyId": "alias/app",
            "Plaintext": b"\x00secret\xff",
            "EncryptionContext": {"Dept": "x", "b": ""},
            "GrantTokens": ["t1", "t2"],
            "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
        },
    ),
    ("GenerateDataKey", {"KeyId": "k", "NumberOfBytes": 32, "DryRun": False}),
    (
        "ImportKeyMaterial",
        {
            "KeyId": "k",
            "ImportToken": b"token",
            "EncryptedKeyMaterial": b"m" * 256,
            "ExpirationModel": "KEY_MATERIAL_EXPIRES",
            "ValidTo": datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
    ),
    (
        "CreateGrant",
        {
            "KeyId": "k",
            "GranteePrincipal": "arn:aws:iam::111122223333:role/r",
            "Operations": ["Decrypt", "Encrypt"],
            "Constraints": {"EncryptionContextSubset": {"a": "b"}},
        },
    ),
    ("ListKeys", {}),
    ("CreateKey", {"Tags": [{"TagKey": "env", "TagValue": "prod"}], "MultiRegion": True}),
]


@pytest.mark.parametrize(("operation", "params"), REQUESTS, ids=[r[0] for r in REQUESTS])
def test_decodes_what_boto3_sends(operation: str, params: dict[str, Any]) -> None:
    assert decode_request(operation, boto3_body(operation, params)) == params


RESULTS = [
    (
        "Encrypt",
        {
            "CiphertextBlob": bytes(range(256)),
            "KeyId": "arn:aws:kms:us-east-1:111122223333:key/k",
            "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
        },
    ),
    (
        "DescribeKey",
        {
            "KeyMetadata": {
                "KeyId": "k",
                "Arn": "arn:aws:kms:us-east-1:111122223333:key/k",
                "CreationDate": datetime(2026, 3, 1, 10, 0, 0, 123000, tzinfo=UTC),
                "Enabled": True,
                "KeyState": "Enabled",
                "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"],
                "MultiRegion": False,
            }
        },
    ),
    (
        "ListAliases",
        {
            "Aliases": [
                {
                    "AliasName": "alias/a",
                    "CreationDate": datetime(2026, 1, 1, tzinfo=UTC),
                }
            ],
            "Truncated": False,
        },
    ),
    ("Verify", {"KeyId": "k", "SignatureValid": True, "SigningAlgorithm": "ECDSA_SHA_256"}),
]


@pytest.mark.parametrize(("operation", "result"), RESULTS, ids=[r[0] for r in RESULTS])
def test_boto3_parses_what_the_server_encodes(operation: str, result: dict[str, Any]) -> None:
    parsed = boto3_parse(operation, encode_result(operation, result))
    assert parsed == result


def test_operation_without_output_encodes_empty_object() -> None:
    assert encode_result("DisableKey", {}) == b"{}"


def test_unknown_result_members_are_left_out() -> None:
    body = json.loads(encode_result("Encrypt", {"KeyId": "k", "Internal": object()}))
    assert body == {"KeyId": "k"}


def test_blobs_are_base64_and_timestamps_epoch_seconds_on_the_wire() -> None:
    body = json.loads(
        encode_result(
            "GetPublicKey",
            {"KeyId": "k", "PublicKey": b"\x01\x02"},
        )
    )
    assert body["PublicKey"] == "AQI="
    when = datetime(2026, 3, 1, 10, 0, 0, 500000, tzinfo=UTC)
    metadata = json.loads(encode_result("CreateKey", {"KeyMetadata": {"CreationDate": when}}))
    assert metadata["KeyMetadata"]["CreationDate"] == when.timestamp()


# --- targets --------------------------------------------------------------------------------


def test_operation_of_target() -> None:
    assert operation_of("TrentService.Encrypt") == "Encrypt"


@pytest.mark.parametrize(
    "target", [None, "", "TrentService.", "TrentService.Encrypts", "Kms.Encrypt", "Encrypt"]
)
def test_unknown_operation(target: str | None) -> None:
    with pytest.raises(KMSError) as err:
        operation_of(target)
    assert err.value.code == "UnknownOperationException"
    assert error_body(err.value) == b'{"__type":"UnknownOperationException"}'


# --- request decoding failures ----------------------------------------------------------------


def test_empty_body_is_no_parameters() -> None:
    assert decode_request("ListKeys", b"") == {}


def test_unknown_members_and_nulls_are_ignored() -> None:
    body = b'{"KeyId": "k", "Plaintext": "aGk=", "Future": 1, "EncryptionAlgorithm": null}'
    assert decode_request("Encrypt", body) == {"KeyId": "k", "Plaintext": b"hi"}


@pytest.mark.parametrize(
    ("operation", "body", "words"),
    [
        ("Encrypt", b"{not json", "not valid JSON"),
        ("Encrypt", b"\xff\xfe", "not valid JSON"),
        ("Encrypt", b"[1, 2]", "Expected a structure at '', got a list"),
        ("Encrypt", b'{"KeyId": 5}', "Expected a string at 'keyId', got a number"),
        ("Encrypt", b'{"KeyId": "k", "Plaintext": "@@@"}', "'plaintext' is not valid base64"),
        ("Encrypt", b'{"KeyId": "k", "Plaintext": 12}', "Expected a base64 string"),
        ("Encrypt", b'{"EncryptionContext": ["a"]}', "Expected a map at 'encryptionContext'"),
        ("Encrypt", b'{"EncryptionContext": {"a": 1}}', "at 'encryptionContext.a'"),
        ("Encrypt", b'{"GrantTokens": "t"}', "Expected a list at 'grantTokens'"),
        ("GenerateDataKey", b'{"NumberOfBytes": "32"}', "Expected a number at 'numberOfBytes'"),
        ("GenerateDataKey", b'{"NumberOfBytes": true}', "Expected a number"),
        ("GenerateDataKey", b'{"NumberOfBytes": 1.5}', "Expected a number"),
        ("GenerateDataKey", b'{"DryRun": 1}', "Expected a boolean at 'dryRun'"),
        ("ImportKeyMaterial", b'{"ValidTo": "2027-01-01"}', "epoch seconds at 'validTo'"),
        ("ImportKeyMaterial", b'{"ValidTo": 1e300}', "not a valid timestamp"),
        ("CreateGrant", b'{"Constraints": []}', "Expected a structure at 'constraints'"),
        ("DisableKey", b"[]", "Expected a structure"),
    ],
)
def test_serialization_errors(operation: str, body: bytes, words: str) -> None:
    with pytest.raises(KMSError) as err:
        decode_request(operation, body)
    assert err.value.code == "SerializationException"
    assert words in err.value.message


@pytest.mark.parametrize(
    "body",
    [
        b'{"KeyId": "k\\ud800", "Plaintext": "aGk="}',  # a lone surrogate
        b'\xef\xbb\xbf{"KeyId": "k", "Plaintext": "aGk="}',  # a UTF-8 byte order mark
        b'{"KeyId": "k", "Plaintext": "aGk=", "Future": NaN}',
        b'{"NumberOfBytes": 123456789012345678901234567890}',
        b'{"NumberOfBytes": 9223372036854775808}',
        b'{"NumberOfBytes": 32, "KeyId": "\\u00e9t\xc3\xa9"}',
    ],
)
def test_bodies_decode_as_json_module_reads_them(body: bytes) -> None:
    # the fast JSON reader is used only where it reads a body as json does
    operation = "GenerateDataKey" if b"NumberOfBytes" in body else "Encrypt"
    decoded = decode_request(operation, body)
    expected = {k: v for k, v in json.loads(body).items() if k != "Future"}
    if "Plaintext" in expected:
        expected["Plaintext"] = b"hi"
    assert decoded == expected
    assert [type(v) for v in decoded.values()] == [type(v) for v in expected.values()]


# --- audit form and errors --------------------------------------------------------------------


def test_audit_form_drops_blobs_and_uses_lower_camel_case() -> None:
    params = {
        "KeyId": "alias/app",
        "Plaintext": b"secret",
        "EncryptionContext": {"Dept": "x"},
        "GrantTokens": ["t"],
    }
    assert audit_form("Encrypt", params) == {
        "keyId": "alias/app",
        "encryptionContext": {"Dept": "x"},
        "grantTokens": ["t"],
    }
    result = {
        "KeyMetadata": {"KeyId": "k", "CreationDate": datetime(2026, 1, 1, tzinfo=UTC)},
    }
    assert audit_form("CreateKey", result, output=True) == {
        "keyMetadata": {"keyId": "k", "creationDate": 1767225600.0}
    }
    assert audit_form("ListKeys", {}) == {}


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("NotFoundException", 404),
        ("DisabledException", 409),
        ("KMSInvalidStateException", 409),
        ("AlreadyExistsException", 409),
        ("DryRunOperationException", 412),
        ("KMSInternalException", 500),
        ("DependencyTimeoutException", 503),
        ("AccessDeniedException", 400),
        ("ValidationException", 400),
        ("InvalidSignatureException", 400),
        ("InvalidCiphertextException", 400),
    ],
)
def test_http_status_of_errors(code: str, status: int) -> None:
    assert status_of(code) == status


def test_error_body() -> None:
    body = json.loads(error_body(KMSError("NotFoundException", "Key 'x' does not exist")))
    assert body == {"__type": "NotFoundException", "message": "Key 'x' does not exist"}


def test_the_written_converters_are_what_the_model_gives() -> None:
    # kmspolicy/server/_converters.py is written from the API model; after a change to
    # the model or to the writer, protocol.write_converters() writes it anew
    from pathlib import Path

    from kmspolicy.kms._api_model import OPERATIONS
    from kmspolicy.server import _converters, protocol

    assert _converters.__file__ is not None
    source = Path(_converters.__file__).with_name("_converters.py")
    assert source.read_text(encoding="utf-8") == protocol.converters_source()
    for table in (
        _converters.DECODERS,
        _converters.ENCODERS,
        _converters.AUDIT_INPUT,
        _converters.AUDIT_OUTPUT,
    ):
        assert set(table) == set(OPERATIONS)
