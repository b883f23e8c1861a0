"""Fixtures for the endpoint: a bootstrapped data directory behind an in-process app,
and a real ``kmspolicy serve`` subprocess shared by a module's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serverkit import (
    ACCOUNT,
    START,
    Endpoint,
    Server,
    read_credentials,
    start_server,
    stop_server,
)

from kmspolicy.cli.serve import bootstrap
from kmspolicy.kms.audit import AuditLog
from kmspolicy.kms.clock import ManualClock
from kmspolicy.server.app import KMSApp
from kmspolicy.server.backend import Backend


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[Endpoint]:
    data_dir = tmp_path / "kms"
    created = bootstrap(data_dir, ACCOUNT, "us-east-1")
    assert created is not None
    key_id, secret = read_credentials(created[1])
    clock = ManualClock(START)
    backend = Backend(data_dir, clock=clock)
    audit = AuditLog(data_dir / "audit.jsonl", fsync=False)
    app = KMSApp(backend, audit, max_body=64 * 1024)
    yield Endpoint(app, clock, data_dir, key_id, secret)
    app.shutdown()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("serve")
    running = start_server(base / "data", base / "serve.log")
    yield running
    stop_server(running)
