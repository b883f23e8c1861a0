"""The per-operation input tests built from the API model never pass what the full check
refuses, and pass the common valid requests without it."""

from __future__ import annotations

from typing import Any

import pytest

from kmspolicy.errors import KMSError
from kmspolicy.kms._api_model import OPERATIONS
from kmspolicy.kms.validation import fast_check, validate_fully

ARN = "arn:aws:iam::111122223333:user/app"

VALID: list[tuple[str, dict[str, Any]]] = [
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "EncryptionContext": {"a": "b"}}),
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "GrantTokens": ["t"], "DryRun": False}),
    ("Decrypt", {"CiphertextBlob": b"x" * 20, "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"}),
    ("GenerateDataKey", {"KeyId": "k", "NumberOfBytes": 32}),
    ("GenerateDataKey", {"KeyId": "k", "KeySpec": "AES_256"}),
    ("CreateGrant", {"KeyId": "k", "GranteePrincipal": ARN, "Operations": ["Encrypt"]}),
    ("ListKeys", {"Limit": 10}),
    ("DescribeKey", {"KeyId": "alias/a"}),
]

INVALID: list[tuple[str, dict[str, Any]]] = [
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "GrantTokens": ["t"] * 11}),
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "GrantTokens": [""]}),
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "GrantTokens": [None]}),
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "GrantTokens": "t"}),
    ("Encrypt", {"KeyId": "k", "Plaintext": b"x", "EncryptionContext": {"a": 1}}),
    ("GenerateDataKey", {"KeyId": "k", "NumberOfBytes": 0}),
    ("GenerateDataKey", {"KeyId": "k", "NumberOfBytes": 1025}),
    ("GenerateDataKey", {"KeyId": "k", "NumberOfBytes": True}),
    ("GenerateDataKey", {"KeyId": "k", "KeySpec": "AES_512"}),
    ("CreateGrant", {"KeyId": "k", "GranteePrincipal": "no spaces", "Operations": ["Encrypt"]}),
    ("CreateGrant", {"KeyId": "k", "GranteePrincipal": ARN, "Operations": ["Fly"]}),
    ("CreateGrant", {"KeyId": "k", "GranteePrincipal": ARN}),
    ("ListKeys", {"Limit": 0}),
    ("ListKeys", {"Bogus": 1}),
    ("ListKeys", []),
]


@pytest.mark.parametrize(("operation", "params"), VALID)
def test_valid_requests_pass_the_fast_test(operation: str, params: dict[str, Any]) -> None:
    assert fast_check(operation)(params) is True
    validate_fully(operation, params)


@pytest.mark.parametrize(("operation", "params"), INVALID)
def test_invalid_requests_fail_both(operation: str, params: Any) -> None:
    assert fast_check(operation)(params) is False
    with pytest.raises(KMSError) as info:
        validate_fully(operation, params)
    assert info.value.code == "ValidationException"


def test_a_test_is_built_for_every_operation() -> None:
    for operation in OPERATIONS:
        assert fast_check(operation)({"NotAMember": 1}) is False


def test_the_written_tests_are_what_the_model_gives() -> None:
    # kmspolicy/kms/_checks.py is written from the API model; after a change to the model
    # or to the writer, validation.write_checks() writes it anew
    from pathlib import Path

    from kmspolicy.kms import _checks, validation

    assert _checks.__file__ is not None
    source = Path(_checks.__file__).with_name("_checks.py")
    assert source.read_text(encoding="utf-8") == validation.checks_source()
    assert set(_checks.FITS) == set(OPERATIONS)
