"""The audit log: one CloudTrail-style JSON record per KMS request, hash-chained.

Every request, allowed, denied or failed, becomes one line of ``audit.jsonl`` in CloudTrail's
KMS event format (``eventVersion``, ``userIdentity``, ``eventName``, ``requestParameters``
without plaintext or ciphertext, ``errorCode`` ...) plus what kmspolicy adds beyond AWS:
``decision`` (the authorizer's outcome and its explanation) and the chain fields:

* ``seq`` — the record's 1-based position in the log;
* ``prevHash`` — the previous record's ``hash`` (64 zeros for the first);
* ``hash`` — SHA-256 of the record's compact JSON as written, without the ``hash`` member.

So editing a record breaks its hash, and deleting or reordering records breaks the next
record's ``prevHash`` or ``seq``. Cutting records off the end is caught by ``audit.head``,
which holds the ``seq`` and ``hash`` of the last record known durable; the chain is not
keyed, so someone able to rewrite the whole file and its head can forge a consistent log.

Durability (group commit). ``append`` queues the record and returns; a writer thread takes
everything queued, appends it with one write, fsyncs, then updates the head. Requests never
wait for the disk, and under load one fsync covers many records. What a crash can lose:

* a killed process loses the records still queued (not yet written): the requests of the
  last gathering interval (5 ms by default) plus one batch; records already written survive
  in the page cache;
* a power loss also loses written records not yet fsynced (at most one batch);
* a crash mid-write can leave a torn last line; ``verify`` reports it as a torn tail,
  not tampering, and the next writer to open the log cuts it off before appending.

In every case the chain stays intact up to the last durable record. Several processes
(server workers) may append to one log: each batch is written under an exclusive
``flock`` and continues the chain from the file's actual last record.
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import json
import os
import queue
import random
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from kmspolicy.language.catalogue import CRYPTO_OPERATIONS

__all__ = [
    "GENESIS",
    "AuditLog",
    "Verification",
    "build_event",
    "event_bytes",
    "is_read_only",
    "new_id",
    "query",
    "record_hash",
    "user_identity",
    "verify",
]

GENESIS = "0" * 64
HEAD_SUFFIX = ".head"
EVENT_VERSION = "1.11"
_READ_ONLY_PREFIXES = ("Describe", "Get", "List")


class _Ids:
    """Ids shaped as version 4 UUIDs: 74 random bits per process, then a 48-bit counter
    from a random start. Ids need to be unique, not secret or unpredictable, so the random
    part is drawn once (again in a forked child, which must not repeat its parent's ids)
    and each id costs a counter step and one format."""

    def __init__(self) -> None:
        self._reseed()
        os.register_at_fork(after_in_child=self._reseed)

    def _reseed(self) -> None:
        draw = random.SystemRandom().getrandbits
        bits = f"{draw(72):018x}"
        variant = "89ab"[draw(2)]  # the RFC 4122 variant bits 10xx, as uuid4 sets them
        self._prefix = f"{bits[:8]}-{bits[8:12]}-4{bits[12:15]}-{variant}{bits[15:]}-"
        self._counter = itertools.count(draw(48))

    def next(self) -> str:
        return f"{self._prefix}{next(self._counter) & 0xFFFFFFFFFFFF:012x}"


new_id = _Ids().next
"""A fresh request or event id (``8-4-4-4-12`` hex digits, as AWS's ids)."""


def is_read_only(operation: str) -> bool:
    """CloudTrail's ``readOnly``: cryptographic operations and Describe/Get/List."""
    return operation in CRYPTO_OPERATIONS or operation.startswith(_READ_ONLY_PREFIXES)


_ENCODER = json.JSONEncoder(separators=(",", ":"))  # json.dumps's output, built once
_quoted = json.encoder.encode_basestring_ascii  # what json.dumps writes for a str
_SHA256 = hashlib.sha256()  # copied per record: cheaper than a new hash object


def _serialize(record: Mapping[str, Any]) -> bytes:
    return _ENCODER.encode(record).encode("ascii")


def record_hash(record: Mapping[str, Any]) -> str:
    """The hash of a record: SHA-256 of its compact JSON without the ``hash`` member, members
    in the order they were written (so the bytes hashed are the bytes in the file)."""
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(_serialize(body)).hexdigest()


@lru_cache(maxsize=4096)
def user_identity(
    arn: str, access_key_id: str | None = None, principal_id: str | None = None
) -> dict[str, Any]:
    """CloudTrail's ``userIdentity`` for an IAM user, account root or assumed-role session.
    Cached: callers repeat, and the returned dict is only ever read."""
    parts = arn.split(":", 5)
    account = parts[4] if len(parts) == 6 else ""
    resource = parts[5] if len(parts) == 6 else ""
    identity: dict[str, Any] = {"arn": arn, "accountId": account}
    if resource == "root":
        identity.update(type="Root", principalId=principal_id or account)
    elif resource.startswith("assumed-role/"):
        _, role, session = resource.split("/", 2)
        role_arn = f"arn:aws:iam::{account}:role/{role}"
        identity.update(
            type="AssumedRole",
            principalId=principal_id or f"{role}:{session}",
            sessionContext={
                "sessionIssuer": {
                    "type": "Role",
                    "arn": role_arn,
                    "accountId": account,
                    "userName": role,
                }
            },
        )
    else:
        identity.update(type="IAMUser", userName=resource.rsplit("/", 1)[-1])
        if principal_id:
            identity["principalId"] = principal_id
    if access_key_id:
        identity["accessKeyId"] = access_key_id
    return identity


@lru_cache(maxsize=4)
def _event_time(epoch_second: int) -> str:
    return datetime.fromtimestamp(epoch_second, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_event(
    *,
    operation: str,
    caller_arn: str,
    region: str,
    request_id: str,
    event_time: datetime,
    request_parameters: Mapping[str, Any] | None,
    response_elements: Mapping[str, Any] | None = None,
    error_code: str | None = None,
    error_message: str | None = None,
    access_key_id: str | None = None,
    principal_id: str | None = None,
    source_ip: str | None = None,
    user_agent: str | None = None,
    key_arns: Iterable[str] = (),
    decision: str | None = None,
    explanation: str | None = None,
) -> dict[str, Any]:
    """One CloudTrail KMS event. ``response_elements`` is dropped for read-only
    operations, as CloudTrail records ``null`` for them; errors carry ``errorCode`` and
    ``errorMessage``; ``decision``/``explanation`` are kmspolicy's own members."""
    identity = user_identity(caller_arn, access_key_id, principal_id)
    read_only = is_read_only(operation)
    event: dict[str, Any] = {
        "eventVersion": EVENT_VERSION,
        "userIdentity": identity,
        "eventTime": _event_time(int(event_time.timestamp())),
        "eventSource": "kms.amazonaws.com",
        "eventName": operation,
        "awsRegion": region,
        "sourceIPAddress": source_ip,
        "userAgent": user_agent,
        "requestParameters": dict(request_parameters) if request_parameters else None,
        "responseElements": None
        if read_only or error_code or not response_elements
        else dict(response_elements),
        "requestID": request_id,
        "eventID": new_id(),
        "readOnly": read_only,
        "resources": [
            {"accountId": arn.split(":")[4], "type": "AWS::KMS::Key", "ARN": arn}
            for arn in dict.fromkeys(key_arns)
        ],
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": identity["accountId"],
        "eventCategory": "Management",
    }
    if error_code:
        event["errorCode"] = error_code
        event["errorMessage"] = error_message or ""
    if decision is not None:
        event["decision"] = {"outcome": decision, "explanation": explanation or ""}
    return event


def _json(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("ascii")


@lru_cache(maxsize=4096)
def _identity_head(arn: str, access_key_id: str | None, principal_id: str | None) -> bytes:
    identity = _json(user_identity(arn, access_key_id, principal_id))
    return b'{"eventVersion":"%s","userIdentity":%s,"eventTime":' % (
        EVENT_VERSION.encode("ascii"),
        identity,
    )


@lru_cache(maxsize=4)
def _event_time_json(epoch_second: int) -> bytes:
    return _json(_event_time(epoch_second))


@lru_cache(maxsize=4096)
def _operation_part(operation: str, region: str) -> bytes:
    return b',"eventSource":"kms.amazonaws.com","eventName":%s,"awsRegion":%s' % (
        _json(operation),
        _json(region),
    )


@lru_cache(maxsize=4096)
def _request_part(
    operation: str, region: str, source_ip: str | None, user_agent: str | None
) -> bytes:
    """From eventSource to the key of requestParameters: the same for one client's
    requests of one operation."""
    return b'%s,"sourceIPAddress":%s,"userAgent":%s,"requestParameters":' % (
        _operation_part(operation, region),
        _json(source_ip),
        _json(user_agent),
    )


@lru_cache(maxsize=4096)
def _closing_part(read_only: bool, arns: tuple[str, ...], account: str) -> bytes:
    """From the end of eventID to eventCategory."""
    resources = _json(
        [{"accountId": arn.split(":")[4], "type": "AWS::KMS::Key", "ARN": arn} for arn in arns]
    )
    return (
        b'","readOnly":%s,"resources":%s,"eventType":"AwsApiCall","managementEvent":true,'
        b'"recipientAccountId":%s,"eventCategory":"Management"'
        % (b"true" if read_only else b"false", resources, _json(account))
    )


@lru_cache(maxsize=4096)
def _decision_json(decision: str, explanation: str) -> bytes:
    return _json({"outcome": decision, "explanation": explanation})


def event_bytes(
    *,
    operation: str,
    caller_arn: str,
    region: str,
    request_id: str,
    event_time: datetime,
    request_parameters: Mapping[str, Any] | None,
    response_elements: Mapping[str, Any] | None = None,
    error_code: str | None = None,
    error_message: str | None = None,
    access_key_id: str | None = None,
    principal_id: str | None = None,
    source_ip: str | None = None,
    user_agent: str | None = None,
    key_arns: Iterable[str] = (),
    decision: str | None = None,
    explanation: str | None = None,
) -> bytes:
    """``build_event`` serialized as ``AuditLog.append`` would serialize it, byte for
    byte, from cached pieces: the parts that repeat between requests (who, which
    operation, constants) are encoded once."""
    read_only = is_read_only(operation)
    response = None if read_only or error_code or not response_elements else response_elements
    parts = [
        _identity_head(caller_arn, access_key_id, principal_id),
        _event_time_json(int(event_time.timestamp())),
        _request_part(operation, region, source_ip, user_agent),
        _json(dict(request_parameters)) if request_parameters else b"null",
        b',"responseElements":',
        b"null" if response is None else _json(dict(response)),
        b',"requestID":',
        _quoted(request_id).encode("ascii"),
        b',"eventID":"',
        new_id().encode("ascii"),
        _closing_part(
            read_only,
            tuple(dict.fromkeys(key_arns)),
            user_identity(caller_arn, access_key_id, principal_id)["accountId"],
        ),
    ]
    if error_code:
        parts += [
            b',"errorCode":',
            _json(error_code),
            b',"errorMessage":',
            _json(error_message or ""),
        ]
    if decision is not None:
        parts += [b',"decision":', _decision_json(decision, explanation or "")]
    parts.append(b"}")
    return b"".join(parts)


# --- writing ---------------------------------------------------------------------------


def _last_record(handle: Any, size: int) -> tuple[int, str, int]:
    """(seq, hash, end offset) of the last complete record of an open log. Bytes after
    the last newline are a torn write; the end offset is where the next write belongs."""
    start = size
    while start > 0:
        start = max(0, start - (1 << 16))
        handle.seek(start)
        tail = handle.read(size - start)
        last = tail.rfind(b"\n")
        if last == -1:
            continue
        before = tail.rfind(b"\n", 0, last)
        if before == -1 and start > 0:
            continue  # the last line starts further back
        record = json.loads(tail[before + 1 : last])
        return int(record["seq"]), str(record["hash"]), start + last + 1
    return 0, GENESIS, 0


@dataclass
class _Flush:
    done: threading.Event = field(default_factory=threading.Event)


class AuditLog:
    """An append-only, hash-chained JSON-lines log with group commit (see the module doc).

    ``fsync=False`` skips the fsyncs (tests, benchmarks of the non-durable path).
    ``interval`` is the pause after each batch during which the next batch gathers.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, fsync: bool = True, interval: float = 0.005
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.head_path = self.path.with_name(self.path.name + HEAD_SUFFIX)
        self._fsync = fsync
        self._interval = interval
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        self._queue: queue.SimpleQueue[bytes | _Flush | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._closed = False
        self._tail: tuple[int, int, str] | None = None  # (file size, seq, hash) we left
        self._writer = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._writer.start()

    def append(self, event: Mapping[str, Any]) -> None:
        """Queue one event; it gets its place in the chain when the writer writes it."""
        # serialized here, by the caller: the writer thread then holds the GIL only briefly
        self.append_bytes(_serialize(event))

    def append_bytes(self, event: bytes) -> None:
        """Queue one event already serialized as compact JSON (``event_bytes``)."""
        if self._closed:
            raise RuntimeError("the audit log is closed")
        if self._error is not None:
            raise RuntimeError(f"the audit log cannot be written: {self._error}")
        self._queue.put(event)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything appended so far is written (and fsynced)."""
        marker = _Flush()
        self._queue.put(marker)
        return marker.done.wait(timeout)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._queue.put(None)
        self._writer.join()
        os.close(self._fd)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        stop = False
        while not stop:
            batch: list[bytes] = []
            markers: list[_Flush] = []
            item = self._queue.get()
            while True:
                if item is None:
                    stop = True
                elif isinstance(item, _Flush):
                    markers.append(item)
                else:
                    batch.append(item)
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch:
                try:
                    self._write(batch)
                except OSError as exc:  # keep serving; append() reports it from now on
                    self._error = exc
            for marker in markers:
                marker.done.set()
            if batch and not stop:
                # let records gather: one wake-up and one fsync per interval, not per record
                time.sleep(self._interval)

    def _write(self, batch: list[bytes]) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            size = os.fstat(self._fd).st_size
            if self._tail is not None and self._tail[0] == size:
                _, seq, prev = self._tail  # nobody else appended since our last batch
            else:
                with os.fdopen(os.dup(self._fd), "rb") as reader:
                    seq, prev, end = _last_record(reader, size)
                if end != size:  # a torn tail from a crash: it was never durable, drop it
                    os.ftruncate(self._fd, end)
            # each record is hashed in two pieces (its chain head, then the event) and the
            # batch is joined once: no per-record copies of the event
            parts: list[bytes | memoryview] = []
            digest = prev.encode("ascii")
            for event in batch:
                seq += 1
                head = b'{"seq":%d,"prevHash":"%s",' % (seq, digest)
                rest = memoryview(event)[1:]
                h = _SHA256.copy()
                h.update(head)
                h.update(rest)
                digest = h.hexdigest().encode("ascii")
                parts += (b'{"hash":"', digest, b'",', head[1:], rest, b"\n")
            prev = digest.decode("ascii")
            data = b"".join(parts)
            written = 0
            while written < len(data):
                written += os.write(self._fd, data[written:])
            self._tail = (os.fstat(self._fd).st_size, seq, prev)
            if self._fsync:
                os.fsync(self._fd)
            self._write_head(seq, prev)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _write_head(self, seq: int, digest: str) -> None:
        # The head may lag the log after a crash (it is replaced after the log's fsync),
        # never lead it, so verify treats it as a lower bound.
        tmp = self.head_path.with_name(f"{self.head_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"seq": seq, "hash": digest}) + "\n")
        os.replace(tmp, self.head_path)


# --- verifying and querying ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verification:
    """What ``verify`` found: ``ok`` when the chain is intact and reaches the head."""

    records: int
    problems: tuple[str, ...]
    torn_tail: bool = False
    head_seq: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: str | os.PathLike[str]) -> Verification:
    """Check every record's hash, the links between records, the sequence numbers, and
    that the log reaches the last durable record named by its head file."""
    log = Path(path)
    problems: list[str] = []
    prev, seq, count, torn = GENESIS, 0, 0, False
    hashes: dict[int, str] = {}
    data = log.read_bytes() if log.exists() else b""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        torn = True  # the last write did not complete
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        try:
            record = json.loads(raw)
            stated = record["hash"]
            record_seq = record["seq"]
            linked = record["prevHash"]
        except (ValueError, KeyError, TypeError):
            problems.append(f"line {number}: not an audit record")
            prev, seq = "", seq + 1
            continue
        count += 1
        if record_hash(record) != stated:
            problems.append(f"line {number} (seq {record_seq}): record was modified")
        if record_seq != seq + 1:
            problems.append(
                f"line {number}: seq {record_seq} follows seq {seq} "
                "(records deleted, inserted or reordered)"
            )
        if linked != prev:
            problems.append(
                f"line {number} (seq {record_seq}): prevHash does not match the record "
                "before it (records deleted, inserted or reordered)"
            )
        prev, seq = stated, record_seq
        hashes[record_seq] = stated
    head_seq = None
    head_path = log.with_name(log.name + HEAD_SUFFIX)
    if head_path.exists():
        head = json.loads(head_path.read_text())
        head_seq = int(head["seq"])
        if head_seq > seq:
            problems.append(
                f"the log ends at seq {seq} but seq {head_seq} was written durably "
                "(records cut off the end)"
            )
        elif hashes.get(head_seq, head["hash"]) != head["hash"]:
            problems.append(f"seq {head_seq} differs from the one written durably")
    return Verification(count, tuple(problems), torn, head_seq)


def _parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def query(
    path: str | os.PathLike[str],
    *,
    key: str | None = None,
    principal: str | None = None,
    operation: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    outcome: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Records matching every filter given: ``key`` (an ARN or key id among the record's
    resources or its requested keyId), ``principal`` (the caller's ARN), ``operation``,
    ``start``/``end`` (inclusive event-time bounds) and ``outcome`` — ``allowed``
    (authorized, whatever happened next), ``denied`` (AccessDeniedException), ``success``
    (no error) or ``error`` (any error)."""
    if outcome not in (None, "allowed", "denied", "success", "error"):
        raise ValueError("outcome is one of allowed, denied, success, error")
    log = Path(path)
    if not log.exists():
        return
    with log.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # torn tail
            record = json.loads(raw)
            if operation is not None and record.get("eventName") != operation:
                continue
            if principal is not None and record.get("userIdentity", {}).get("arn") != principal:
                continue
            if key is not None and not _mentions_key(record, key):
                continue
            if start is not None or end is not None:
                when = _parse_time(record["eventTime"])
                if (start is not None and when < start) or (end is not None and when > end):
                    continue
            if outcome is not None and not _has_outcome(record, outcome):
                continue
            yield record


def _mentions_key(record: Mapping[str, Any], key: str) -> bool:
    arns = [r.get("ARN", "") for r in record.get("resources") or ()]
    requested = (record.get("requestParameters") or {}).get("keyId")
    candidates = [*arns, requested or ""]
    return any(c == key or c.endswith("/" + key) for c in candidates if c)


def _has_outcome(record: Mapping[str, Any], outcome: str) -> bool:
    error = record.get("errorCode")
    if outcome == "success":
        return error is None
    if outcome == "error":
        return error is not None
    denied = error == "AccessDeniedException"
    if outcome == "denied":
        return denied
    decision = (record.get("decision") or {}).get("outcome")
    return decision == "Allow" if decision is not None else error is None
