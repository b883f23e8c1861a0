"""``event_bytes`` writes ``build_event``'s record: the same members in the same order, as
``AuditLog.append(build_event(...))`` writes it (orjson, UTF-8), and the same record when a
member is something orjson refuses and the standard encoder writes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

import orjson
import pytest

from kmspolicy.kms import audit
from kmspolicy.kms.audit import build_event, event_bytes

ACCOUNT = "111122223333"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
OTHER = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/00000000-0000-0000-0000-000000000000"
BASE: dict[str, Any] = {
    "operation": "Encrypt",
    "caller_arn": f"arn:aws:iam::{ACCOUNT}:user/admin",
    "region": "us-east-1",
    "request_id": "8d3f7a2e-1111-4222-8333-944445555666",
    "event_time": datetime(2026, 6, 1, 12, 0, 5, 250000, tzinfo=UTC),
    "request_parameters": {"keyId": KEY, "encryptionContext": {"é": 'ü\n"x"\x7f'}},
    "access_key_id": "AKIAIOSFODNN7EXAMPLE",
    "source_ip": "127.0.0.1",
    "user_agent": "Boto3/1.34 Python/3.11",
    "key_arns": [KEY, KEY],
    "decision": "Allow",
    "explanation": "Allowed by identity policy kms-all",
}


def parsed_pair(fields: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    """What event_bytes wrote, and build_event's dict with the written (random) eventID."""
    written = event_bytes(**fields)
    expected = build_event(**fields)
    record = json.loads(written)
    assert record["eventID"] != expected["eventID"]  # both fresh
    expected["eventID"] = record["eventID"]
    return written, expected


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"operation": "CreateAlias", "response_elements": {"x": 1}},
        {"operation": "CreateKey", "response_elements": {"keyMetadata": {"keyId": "k"}}},
        {"operation": "CreateKey", "response_elements": {}},
        {"operation": "CreateKey", "response_elements": {"x": 1}, "error_code": "Limit"},
        {"error_code": "AccessDeniedException", "error_message": "no", "decision": "Deny"},
        {"error_code": "KMSInternalException", "error_message": None, "decision": None},
        {"decision": None, "explanation": None, "key_arns": [], "request_parameters": None},
        {"decision": "Allow", "explanation": None, "key_arns": iter([OTHER, KEY, OTHER])},
        {"request_parameters": {}, "key_arns": (KEY,)},
        {"caller_arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/s1", "access_key_id": None},
        {"caller_arn": f"arn:aws:iam::{ACCOUNT}:root", "source_ip": None, "user_agent": None},
        {"principal_id": "AIDAEXAMPLE", "region": "eu-west-1", "source_ip": "10.0.0.1"},
        {"event_time": datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)},
        {"event_time": datetime(2026, 6, 1, 14, 0, 5, tzinfo=UTC).astimezone()},
    ],
)
def test_event_bytes_write_the_dict_form(change: dict[str, Any]) -> None:
    fields = {**BASE, **change}
    if isinstance(fields["key_arns"], Iterator):  # consumed once per call
        arns = list(fields["key_arns"])
        written = event_bytes(**{**fields, "key_arns": iter(arns)})
        expected = build_event(**{**fields, "key_arns": iter(arns)})
        expected["eventID"] = json.loads(written)["eventID"]
    else:
        written, expected = parsed_pair(fields)
    assert written == orjson.dumps(expected)
    assert list(json.loads(written).items()) == list(expected.items())


@pytest.mark.parametrize(
    "change",
    [
        {"request_parameters": {"numberOfBytes": 1 << 70}},  # beyond 64 bits
        {"request_parameters": {"keyId": "alias/\ud800"}},  # a lone surrogate
        {"error_code": "ValidationException", "error_message": "bad \udc80 value"},
        {"request_parameters": MappingProxyType({"keyId": KEY})},  # a mapping, not a dict
        {"operation": "CreateKey", "response_elements": MappingProxyType({"x": 1 << 70})},
    ],
)
def test_members_orjson_refuses_are_written_by_the_standard_encoder(
    change: dict[str, Any],
) -> None:
    written, expected = parsed_pair({**BASE, **change})
    assert json.loads(written) == json.loads(json.dumps(expected))


def test_cached_pieces_follow_each_call() -> None:
    """Calls in turn with other clients, keys, decisions and seconds each get their own."""
    start = BASE["event_time"]
    variants = [
        {},
        {"event_time": start + timedelta(seconds=1)},
        {"event_time": start + timedelta(milliseconds=999)},
        {"key_arns": [OTHER]},
        {"user_agent": "other"},
        {"explanation": "Allowed by key policy"},
        {"event_time": start - timedelta(days=400)},
        {},
    ]
    for change in variants * 2:
        written, expected = parsed_pair({**BASE, **change})
        assert written == orjson.dumps(expected)


def test_full_caches_start_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_CACHE_LIMIT", 3)
    for n in range(10):
        fields = {**BASE, "user_agent": f"agent/{n}", "key_arns": [f"{KEY[:-1]}{n}"]}
        written, expected = parsed_pair(fields)
        assert written == orjson.dumps(expected)
    assert len(audit._CLIENTS) <= 3
