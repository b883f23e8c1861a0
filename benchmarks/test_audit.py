"""The audit log's CPU cost per request, in process.

The request thread: ``event_bytes`` for an allowed Encrypt record (the arguments the server's
``_audit`` passes), then with ``AuditLog.append_bytes``. The writer thread: one batch of
records chained, hashed, written (and fsynced) — a batch of 50 (about one gathering
interval at 10k requests/s, the per-batch syscalls spread over its records) and a big one,
where the kernel's copy of 12 MB into the page cache outweighs the chain step.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from kmspolicy.kms.audit import AuditLog, event_bytes, new_id

ACCOUNT = "111122223333"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
USER_AGENT = (
    "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.7 "
    "md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0"
)
NOW = datetime(2026, 6, 1, 12, 0, 5, 250000, tzinfo=UTC)


CALLER = f"arn:aws:iam::{ACCOUNT}:user/admin"
REQUEST_ID = new_id()
PARAMETERS = {"keyId": KEY, "encryptionContext": {"purpose": "test"}}
ARNS = [KEY]


def encrypt_record() -> bytes:
    """The call the server makes; its arguments were built by the request path already."""
    return event_bytes(
        operation="Encrypt",
        caller_arn=CALLER,
        region="us-east-1",
        request_id=REQUEST_ID,
        event_time=NOW,
        request_parameters=PARAMETERS,
        response_elements=None,
        error_code=None,
        error_message=None,
        access_key_id="AKIAIOSFODNN7EXAMPLE",
        source_ip="127.0.0.1",
        user_agent=USER_AGENT,
        key_arns=ARNS,
        decision="Allow",
        explanation="Allowed by key policy statement Enable IAM User Permissions",
    )


def test_event_bytes_encrypt(benchmark: BenchmarkFixture) -> None:
    record = benchmark(encrypt_record)
    assert record.startswith(b'{"eventVersion":"1.11"')


def test_event_bytes_and_append_encrypt(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    with AuditLog(tmp_path / "audit.jsonl", fsync=False) as log:
        benchmark(lambda: log.append_bytes(encrypt_record()))
        assert log.flush(10)


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[AuditLog]:
    log = AuditLog(tmp_path / "audit.jsonl", fsync=False)
    yield log
    log.close()


@pytest.mark.parametrize("fsync", [False, True], ids=["no-fsync", "fsync"])
@pytest.mark.parametrize("size", [10_000, 50])
def test_writer_batch(
    benchmark: BenchmarkFixture, writer: AuditLog, fsync: bool, size: int
) -> None:
    """One batch through the writer's step (per-record cost: divide by ``size``)."""
    writer._fsync = fsync
    batch = [encrypt_record() for _ in range(size)]
    rounds = 20 if size > 1000 else 200
    benchmark.pedantic(  # type: ignore[no-untyped-call]
        writer._write, args=(batch,), rounds=rounds, iterations=1, warmup_rounds=1
    )
    benchmark.extra_info["records"] = size
