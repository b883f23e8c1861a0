"""``event_bytes`` writes exactly what ``AuditLog.append(build_event(...))`` writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from kmspolicy.kms.audit import build_event, event_bytes

ACCOUNT = "111122223333"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
BASE: dict[str, Any] = {
    "operation": "Encrypt",
    "caller_arn": f"arn:aws:iam::{ACCOUNT}:user/admin",
    "region": "us-east-1",
    "request_id": "8d3f7a2e-1111-4222-8333-944445555666",
    "event_time": datetime(2026, 6, 1, 12, 0, 5, 250000, tzinfo=UTC),
    "request_parameters": {"keyId": KEY, "encryptionContext": {"é": 'ü\n"x"'}},
    "access_key_id": "AKIAIOSFODNN7EXAMPLE",
    "source_ip": "127.0.0.1",
    "user_agent": "Boto3/1.34 Python/3.11",
    "key_arns": [KEY, KEY],
    "decision": "Allow",
    "explanation": "Allowed by identity policy kms-all",
}


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"operation": "CreateAlias", "response_elements": {"x": 1}},
        {"operation": "CreateKey", "response_elements": {"keyMetadata": {"keyId": "k"}}},
        {"error_code": "AccessDeniedException", "error_message": "no", "decision": "Deny"},
        {"decision": None, "explanation": None, "key_arns": [], "request_parameters": None},
        {"caller_arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/s1", "access_key_id": None},
        {"caller_arn": f"arn:aws:iam::{ACCOUNT}:root", "source_ip": None, "user_agent": None},
    ],
)
def test_event_bytes_match_the_dict_form(change: dict[str, Any]) -> None:
    fields = {**BASE, **change}
    written = event_bytes(**fields)
    expected = build_event(**fields)
    record = json.loads(written)
    assert record["eventID"] != expected["eventID"]  # both random
    expected["eventID"] = record["eventID"]
    assert written == json.dumps(expected, separators=(",", ":")).encode("ascii")
