"""Key-last-usage bookkeeping under the system clock, where usage times are kept as POSIX
stamps and turned into datetimes only when read or written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kmspolicy.kms.service import KMS

ACCOUNT = "111122223333"
USER = f"arn:aws:iam::{ACCOUNT}:user/app"


@pytest.fixture
def kms(tmp_path: Path) -> Iterator[KMS]:
    service = KMS.open(tmp_path / "data")  # the system clock
    service.directory.create_account(ACCOUNT)
    service.directory.create_user(ACCOUNT, "app")
    statement = {"Effect": "Allow", "Action": ["kms:CreateKey", "kms:Encrypt"], "Resource": "*"}
    policy = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    service.directory.attach_policy(USER, "use-keys", policy)
    yield service
    service.close()


def test_usage_under_the_system_clock(kms: KMS) -> None:
    key_id = kms.call("CreateKey", {}, USER)["KeyMetadata"]["KeyId"]
    before = datetime.now(UTC)
    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, USER)
    written = kms.store.get_key_last_usage(key_id)
    assert written is not None and written.operation == "Encrypt"
    assert before <= written.timestamp <= datetime.now(UTC)

    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"y"}, USER)  # within the minute
    pending = kms.runtime.last_usage(key_id)
    assert pending is not None and pending.timestamp.tzinfo is not None
    assert written.timestamp <= pending.timestamp <= datetime.now(UTC)
    again = kms.runtime.last_usage(key_id)
    assert again is not None and again.kms_request_id == pending.kms_request_id
    assert kms.store.get_key_last_usage(key_id) == written  # the write is deferred

    kms.runtime.flush_usage()
    assert kms.store.get_key_last_usage(key_id) == pending
