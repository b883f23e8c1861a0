"""The endpoint's own cost per Encrypt, in process (no HTTP): SigV4 verification alone,
then the whole request path (SigV4, JSON decode, authorization and encryption, JSON encode,
audit record) with and without the audit log. The HTTP figures come from load_server.py."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "server"))

from serverkit import START, Endpoint, read_credentials

from kmspolicy.cli.serve import bootstrap
from kmspolicy.kms.audit import AuditLog
from kmspolicy.kms.clock import ManualClock
from kmspolicy.server import sigv4
from kmspolicy.server.app import KMSApp
from kmspolicy.server.backend import Backend


def _endpoint(data_dir: Path, audited: bool) -> Endpoint:
    created = bootstrap(data_dir, "111122223333", "us-east-1")
    assert created is not None
    key_id, secret = read_credentials(created[1])
    clock = ManualClock(START)
    audit = AuditLog(data_dir / "audit.jsonl") if audited else None
    return Endpoint(KMSApp(Backend(data_dir, clock=clock), audit), clock, data_dir, key_id, secret)


def _encrypt_request(endpoint: Endpoint) -> tuple[dict[str, Any], bytes]:
    key = endpoint.call("CreateKey", {}).json["KeyMetadata"]["KeyId"]
    body = json.dumps({"KeyId": key, "Plaintext": "aGVsbG8gd29ybGQ="}).encode()
    headers = endpoint.sign("Encrypt", body)
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 50000),
        "scheme": "http",
    }
    return scope, body


@pytest.fixture(params=[True, False], ids=["audited", "unaudited"])
def endpoint(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Endpoint]:
    running = _endpoint(tmp_path / "kms", request.param)
    yield running
    running.app.shutdown()


def test_sigv4_verify(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    endpoint = _endpoint(tmp_path / "kms", False)
    scope, body = _encrypt_request(endpoint)
    headers = [(k.decode(), v.decode()) for k, v in scope["headers"]]
    now = endpoint.clock.now()

    def verify() -> sigv4.Authenticated:
        request = sigv4.HttpRequest("POST", "/", "", headers, body)
        return sigv4.verify(request, endpoint.app.backend.lookup, now)

    assert benchmark(verify).caller.arn.endswith(":user/admin")
    endpoint.app.shutdown()


@pytest.mark.parametrize("implementation", ["py", "c"])
def test_sigv4_verify_asgi(
    benchmark: BenchmarkFixture, tmp_path: Path, implementation: str
) -> None:
    """SigV4 straight from the ASGI request: the pure reference, or its compiled twin."""
    if implementation == "c":
        from kmspolicy._fast._sigv4 import verify_asgi
    else:
        verify_asgi = sigv4.verify_asgi_reference
    endpoint = _endpoint(tmp_path / "kms", False)
    scope, body = _encrypt_request(endpoint)
    headers = scope["headers"]
    lookup = endpoint.app.backend.lookup
    now = endpoint.clock.now()

    def verify() -> sigv4.Authenticated:
        return verify_asgi("POST", b"/", b"", headers, body, lookup, now)

    assert benchmark(verify).caller.arn.endswith(":user/admin")
    endpoint.app.shutdown()


def test_encrypt_request_path(benchmark: BenchmarkFixture, endpoint: Endpoint) -> None:
    scope, body = _encrypt_request(endpoint)
    response = benchmark(endpoint.app.handle, scope, body, "bench")
    assert response.status == 200, response.body
