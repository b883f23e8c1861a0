"""The audit log: CloudTrail event shape, the hash chain catching edits, deletions,
reorderings and truncation, several writers, a kill -9 mid-stream, query and the CLI."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kmspolicy.cli import main
from kmspolicy.kms import audit as audit_module
from kmspolicy.kms.audit import AuditLog, build_event, event_bytes, query, record_hash, verify

ALICE = "arn:aws:iam::111122223333:user/alice"
KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def event_fields(n: int = 0, **overrides: object) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "operation": "Encrypt",
        "caller_arn": ALICE,
        "region": "us-east-1",
        "request_id": f"req-{n}",
        "event_time": T0 + timedelta(seconds=n),
        "request_parameters": {"keyId": "alias/app", "encryptionAlgorithm": "SYMMETRIC_DEFAULT"},
        "access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "source_ip": "127.0.0.1",
        "user_agent": "test",
        "key_arns": [KEY],
        "decision": "Allow",
        "explanation": "Allowed",
    }
    fields.update(overrides)
    return fields


def event(n: int = 0, **overrides: object) -> dict[str, Any]:
    return build_event(**event_fields(n, **overrides))


def write(path: Path, count: int, start: int = 0) -> None:
    with AuditLog(path, fsync=False) as log:
        for n in range(start, start + count):
            log.append(event(n))


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def body(line: bytes) -> bytes:
    """What a line's hash covers: the line without its hash member and newline."""
    assert line.startswith(b'{"hash":"') and line[73:75] == b'",'
    return b"{" + line[75:].rstrip(b"\n")


# --- the event ----------------------------------------------------------------------------


def test_event_has_cloudtrail_members() -> None:
    record = event(1)
    assert record["eventVersion"] == "1.11"
    assert record["eventSource"] == "kms.amazonaws.com"
    assert record["eventName"] == "Encrypt"
    assert record["eventTime"] == "2026-03-01T10:00:01Z"
    assert record["userIdentity"] == {
        "type": "IAMUser",
        "arn": ALICE,
        "accountId": "111122223333",
        "userName": "alice",
        "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
    }
    assert record["readOnly"] is True
    assert record["responseElements"] is None
    assert record["resources"] == [
        {"accountId": "111122223333", "type": "AWS::KMS::Key", "ARN": KEY}
    ]
    assert (record["eventType"], record["managementEvent"], record["eventCategory"]) == (
        "AwsApiCall",
        True,
        "Management",
    )
    assert record["recipientAccountId"] == "111122223333"
    assert record["decision"] == {"outcome": "Allow", "explanation": "Allowed"}
    assert "errorCode" not in record


def test_management_event_keeps_response_elements_and_errors_are_recorded() -> None:
    created = event(operation="CreateKey", response_elements={"keyMetadata": {"keyId": "k"}})
    assert created["readOnly"] is False
    assert created["responseElements"] == {"keyMetadata": {"keyId": "k"}}
    denied = event(
        operation="Decrypt",
        error_code="AccessDeniedException",
        error_message="User: ... is not authorized",
        decision="ImplicitDeny",
    )
    assert denied["errorCode"] == "AccessDeniedException"
    assert denied["responseElements"] is None


def test_assumed_role_and_root_identities() -> None:
    session = event(caller_arn="arn:aws:sts::111122223333:assumed-role/app/s1")
    identity = session["userIdentity"]
    assert identity["type"] == "AssumedRole"
    assert identity["sessionContext"]["sessionIssuer"]["arn"] == (
        "arn:aws:iam::111122223333:role/app"
    )
    root = event(caller_arn="arn:aws:iam::111122223333:root")
    assert root["userIdentity"]["type"] == "Root"


# --- the chain ----------------------------------------------------------------------------


def test_chain_verifies_and_links(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 30)
    records = [json.loads(line) for line in lines(log)]
    assert [r["seq"] for r in records] == list(range(1, 31))
    assert records[0]["prevHash"] == "0" * 64
    for line, record in zip(lines(log), records, strict=True):
        assert record["hash"] == record_hash(body(line))
    for before, after in itertools.pairwise(records):
        assert after["prevHash"] == before["hash"]
    result = verify(log)
    assert result.ok and result.records == 30 and result.head_seq == 30


def test_reopened_log_continues_the_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 5)
    write(log, 5, start=5)
    assert verify(log).records == 10
    assert verify(log).ok


def test_edit_is_detected(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 10)
    content = lines(log)
    content[4] = content[4].replace(
        b'"sourceIPAddress":"127.0.0.1"', b'"sourceIPAddress":"10.0.0.9"'
    )
    log.write_bytes(b"".join(content))
    result = verify(log)
    assert not result.ok
    assert any("line 5 (seq 5): record was modified" in p for p in result.problems)


def test_edit_with_recomputed_hash_is_detected_by_the_next_link(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 10)
    content = lines(log)
    forged = body(content[4]).replace(b'"eventName":"Encrypt"', b'"eventName":"DescribeKey"')
    content[4] = b'{"hash":"%s",%s\n' % (record_hash(forged).encode(), forged[1:])
    log.write_bytes(b"".join(content))
    assert verify(log).problems == (
        "line 6 (seq 6): prevHash does not match the record before it "
        "(records deleted, inserted or reordered)",
    )


def test_hash_covers_the_bytes_as_written_not_a_reserialization(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 3)
    content = lines(log)
    same_record = json.dumps(json.loads(content[1])).encode() + b"\n"  # spaces added
    log.write_bytes(b"".join([content[0], same_record, content[2]]))
    assert verify(log).problems == ("line 2 (seq 2): record was modified",)


def test_deletion_is_detected(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 10)
    content = lines(log)
    del content[3]
    log.write_bytes(b"".join(content))
    problems = verify(log).problems
    assert any("seq 5 follows seq 3" in p for p in problems)


def test_reordering_is_detected(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 10)
    content = lines(log)
    content[2], content[3] = content[3], content[2]
    log.write_bytes(b"".join(content))
    assert not verify(log).ok


def test_cutting_records_off_the_end_is_detected(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 10)
    log.write_bytes(b"".join(lines(log)[:8]))
    problems = verify(log).problems
    assert problems == (
        "the log ends at seq 8 but seq 10 was written durably (records cut off the end)",
    )


def test_torn_tail_is_not_tampering_and_is_cut_by_the_next_writer(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 4)
    with log.open("ab") as handle:
        handle.write(b'{"seq":5,"prevHash":"ab')
    torn = verify(log)
    assert torn.ok and torn.torn_tail and torn.records == 4
    write(log, 2, start=4)
    after = verify(log)
    assert after.ok and not after.torn_tail and after.records == 6


def test_writers_in_threads_share_one_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    logs = [AuditLog(log, fsync=False) for _ in range(3)]

    def run(log_: AuditLog, base: int) -> None:
        for n in range(100):
            log_.append(event(base + n))

    threads = [threading.Thread(target=run, args=(lg, i * 1000)) for i, lg in enumerate(logs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for lg in logs:
        lg.close()
    result = verify(log)
    assert result.ok and result.records == 300


WRITER = """
import sys
from datetime import UTC, datetime
from kmspolicy.kms.audit import AuditLog, build_event
log = AuditLog(sys.argv[1])
n = 0
while True:
    for _ in range(50):
        n += 1
        log.append(build_event(operation="Encrypt", caller_arn="arn:aws:iam::111122223333:user/a",
            region="us-east-1", request_id=str(n), event_time=datetime.now(UTC),
            request_parameters={"keyId": "alias/x"}))
    log.flush()
    print(n, flush=True)
"""


def test_kill_9_mid_stream_leaves_an_intact_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(log)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    durable = 0
    for line in child.stdout:
        durable = int(line)
        if durable >= 500:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    result = verify(log)
    assert result.ok, result.problems
    # everything acknowledged as flushed is there; later, unflushed records may be too
    assert result.records >= durable


def test_two_processes_append_to_one_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    code = (
        "import sys\nfrom datetime import UTC, datetime\n"
        "from kmspolicy.kms.audit import AuditLog, build_event\n"
        "with AuditLog(sys.argv[1]) as log:\n"
        "    for n in range(200):\n"
        "        log.append(build_event(operation='Decrypt',"
        " caller_arn='arn:aws:iam::111122223333:user/a', region='us-east-1',"
        " request_id=str(n), event_time=datetime.now(UTC), request_parameters=None))\n"
    )
    children = [subprocess.Popen([sys.executable, "-c", code, str(log)]) for _ in range(3)]
    assert [c.wait() for c in children] == [0, 0, 0]
    result = verify(log)
    assert result.ok and result.records == 600


# --- query and CLI ------------------------------------------------------------------------


@pytest.fixture
def mixed_log(tmp_path: Path) -> Path:
    log = tmp_path / "audit.jsonl"
    bob = "arn:aws:iam::111122223333:user/bob"
    other = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000"
    with AuditLog(log, fsync=False) as audit:
        audit.append(event(0))
        audit.append(event(1, caller_arn=bob, operation="Decrypt", key_arns=[other]))
        audit.append(
            event(2, caller_arn=bob, error_code="AccessDeniedException", decision="ImplicitDeny")
        )
        audit.append(
            event(3, operation="CreateKey", error_code="ValidationException", decision=None)
        )
    return log


def test_query_filters(mixed_log: Path) -> None:
    def ids(**filters: object) -> list[str]:
        return [r["requestID"] for r in query(mixed_log, **filters)]  # type: ignore[arg-type]

    assert ids() == ["req-0", "req-1", "req-2", "req-3"]
    assert ids(principal="arn:aws:iam::111122223333:user/bob") == ["req-1", "req-2"]
    assert ids(operation="Decrypt") == ["req-1"]
    assert ids(key="00000000-0000-0000-0000-000000000000") == ["req-1"]
    assert ids(key=KEY) == ["req-0", "req-2", "req-3"]
    assert ids(outcome="denied") == ["req-2"]
    assert ids(outcome="allowed") == ["req-0", "req-1"]
    assert ids(outcome="error") == ["req-2", "req-3"]
    assert ids(start=T0 + timedelta(seconds=1), end=T0 + timedelta(seconds=2)) == [
        "req-1",
        "req-2",
    ]


def test_cli_verify_and_query(mixed_log: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["audit", "verify", "--log", str(mixed_log)])
    assert ok.exit_code == 0, ok.output
    assert "4 records, chain intact" in ok.output
    found = runner.invoke(main, ["audit", "query", "--log", str(mixed_log), "--outcome", "denied"])
    assert found.exit_code == 0
    assert [json.loads(line)["requestID"] for line in found.output.splitlines()] == ["req-2"]
    content = lines(mixed_log)
    mixed_log.write_bytes(b"".join([content[1], content[0], *content[2:]]))
    broken = runner.invoke(main, ["audit", "verify", "--log", str(mixed_log)])
    assert broken.exit_code == 1
    assert "chain BROKEN" in broken.output


def test_cli_query_rejects_bad_time(mixed_log: Path) -> None:
    result = CliRunner().invoke(
        main, ["audit", "query", "--log", str(mixed_log), "--start", "yesterday"]
    )
    assert result.exit_code == 2
    assert "not an ISO-8601 time" in result.output


# --- writing: UTF-8, the head, refusals -------------------------------------------------


def test_non_ascii_members_are_written_as_utf8_and_verify(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    context = {"purpose": "café ☕", "quote": 'a"b\\c\n'}
    parameters = {"keyId": KEY, "encryptionContext": context}
    with AuditLog(log, fsync=False) as audit:
        audit.append(event(0, request_parameters=parameters))
        audit.append_bytes(event_bytes(**event_fields(1, request_parameters=parameters)))
    assert "café ☕".encode() in log.read_bytes()
    assert verify(log).ok
    found = list(query(log, operation="Encrypt"))
    assert [r["requestParameters"]["encryptionContext"] for r in found] == [context, context]


def test_flush_and_close_bring_the_head_up_to_the_last_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_module, "HEAD_PERIOD", 3600.0)  # never for being busy
    log = tmp_path / "audit.jsonl"
    with AuditLog(log, fsync=False) as audit:
        for n in range(5):
            audit.append(event(n))
        assert audit.flush(10)
        assert verify(log).head_seq == 5
        audit.append(event(5))
    assert verify(log).head_seq == 6


def test_head_stays_with_the_writer_that_wrote_last(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    with AuditLog(log, fsync=False) as first, AuditLog(log, fsync=False) as second:
        first._write([json.dumps(event(0), separators=(",", ":")).encode()])  # head pending
        second.append(event(1))
        assert second.flush(10)
        first._catch_up_head()  # its head would name seq 1, behind the log's last record
        assert verify(log).head_seq == 2
    result = verify(log)
    assert result.ok and result.records == 2 and result.head_seq == 2


def test_append_refuses_what_is_not_bytes_and_a_closed_log(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit.jsonl", fsync=False)
    with pytest.raises(TypeError, match="an audit record is bytes, not str"):
        audit.append_bytes("{}")  # type: ignore[arg-type]
    audit.close()
    assert audit.flush()
    with pytest.raises(RuntimeError, match="the audit log is closed"):
        audit.append(event(0))


def test_a_log_the_writer_cannot_continue_refuses_appends(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    write(log, 2)
    content = lines(log)
    content[1] = content[1].replace(content[1][9:73], b"not a hash".ljust(64, b"!"))
    log.write_bytes(b"".join(content))
    with AuditLog(log, fsync=False) as audit:
        audit.append(event(2))
        assert audit.flush(10)
        with pytest.raises(RuntimeError, match="cannot be written: the previous hash must be"):
            audit.append(event(3))
    assert lines(log) == content  # nothing written after the bad record


def test_records_rendered_by_the_writer_keep_their_place_in_the_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    rendered_on: list[str] = []

    def render(n: int) -> bytes:
        rendered_on.append(threading.current_thread().name)
        return event_bytes(**event_fields(n))

    with AuditLog(log, fsync=False) as audit:
        audit.append_bytes(event_bytes(**event_fields(0)))
        audit.append_later(render, 1)
        audit.append_bytes(event_bytes(**event_fields(2)))
        audit.append_later(render, 3)
    records = [json.loads(line) for line in lines(log)]
    assert [r["requestID"] for r in records] == ["req-0", "req-1", "req-2", "req-3"]
    assert rendered_on == ["audit-writer", "audit-writer"]
    assert verify(log).ok


def test_a_render_that_fails_stops_the_log_rather_than_skip_a_record(tmp_path: Path) -> None:
    def broken() -> bytes:
        raise KeyError("requestParameters")

    audit = AuditLog(tmp_path / "audit.jsonl", fsync=False)
    audit.append_later(broken)
    audit.flush()
    with pytest.raises(RuntimeError, match="cannot be written: 'requestParameters'"):
        audit.append_later(broken)
    with pytest.raises(RuntimeError, match="cannot be written"):
        audit.append(event(0))
    audit.close()
