"""The AWS JSON 1.1 conversions the endpoint runs per request, in process: request body to
params, result to response body, and the CloudTrail forms of both, for Encrypt (the load
test's operation), a nested request (CreateGrant with constraints) and a list result
(ListKeys)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from kmspolicy.server.protocol import audit_form, decode_request, encode_result

KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
BODIES = {
    # what the load test sends, and the same with a two-pair encryption context
    "Encrypt": {"KeyId": KEY_ARN[-36:], "Plaintext": "aGVsbG8gd29ybGQ="},
    "Encrypt+context": {
        "KeyId": "alias/app",
        "Plaintext": "aGVsbG8gd29ybGQ=",
        "EncryptionContext": {"Dept": "x", "App": "y"},
    },
    "CreateGrant": {
        "KeyId": KEY_ARN[-36:],
        "GranteePrincipal": "arn:aws:iam::111122223333:role/r",
        "Operations": ["Decrypt", "Encrypt"],
        "Constraints": {"EncryptionContextSubset": {"Dept": "x"}},
    },
}
RESULTS: dict[str, dict[str, Any]] = {
    # an 11-byte plaintext's ciphertext blob is 109 bytes
    "Encrypt": {
        "CiphertextBlob": bytes(range(109)),
        "KeyId": KEY_ARN,
        "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
    },
    "ListKeys": {
        "Keys": [{"KeyId": f"k{i}", "KeyArn": f"{KEY_ARN[:-36]}k{i}"} for i in range(10)],
        "Truncated": False,
    },
}


def _operation(case: str) -> str:
    return case.split("+")[0]


@pytest.mark.parametrize("case", list(BODIES))
def test_decode_request(benchmark: BenchmarkFixture, case: str) -> None:
    body = orjson.dumps(BODIES[case])
    params = benchmark(decode_request, _operation(case), body)
    assert params["KeyId"] == BODIES[case]["KeyId"]


@pytest.mark.parametrize("case", list(RESULTS))
def test_encode_result(benchmark: BenchmarkFixture, case: str) -> None:
    body = benchmark(encode_result, case, RESULTS[case])
    assert orjson.loads(body).keys() == RESULTS[case].keys()


@pytest.mark.parametrize("case", list(BODIES))
def test_audit_form_of_params(benchmark: BenchmarkFixture, case: str) -> None:
    params = decode_request(_operation(case), orjson.dumps(BODIES[case]))
    form = benchmark(audit_form, _operation(case), params)
    assert "plaintext" not in form and form["keyId"] == params["KeyId"]


@pytest.mark.parametrize("case", list(RESULTS))
def test_audit_form_of_result(benchmark: BenchmarkFixture, case: str) -> None:
    form = benchmark(audit_form, case, RESULTS[case], output=True)
    assert "ciphertextBlob" not in form and form
