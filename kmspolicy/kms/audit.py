"""The audit log: one CloudTrail-style JSON record per KMS request, hash-chained.

Every request, allowed, denied or failed, becomes one line of ``audit.jsonl`` in CloudTrail's
KMS event format (``eventVersion``, ``userIdentity``, ``eventName``, ``requestParameters``
without plaintext or ciphertext, ``errorCode`` ...) plus what kmspolicy adds beyond AWS:
``decision`` (the authorizer's outcome and its explanation) and the chain fields:

* ``hash`` — the line's first member: SHA-256 of the line as written without it, that is of
  ``{"seq":...`` to the closing brace (``record_hash``); the bytes are hashed as they lie in
  the file, never parsed and serialized again, so any valid JSON encoding of a member
  (strings are written as UTF-8) verifies;
* ``seq`` — the record's 1-based position in the log;
* ``prevHash`` — the previous record's ``hash`` (64 zeros for the first).

So editing a record breaks its hash, and deleting or reordering records breaks the next
record's ``prevHash`` or ``seq``. Cutting records off the end is caught by ``audit.head``,
which holds the ``seq`` and ``hash`` of a record known durable: a lower bound of the
durable tail, never ahead of it. The writer brings it up to date at most once a second
under steady load and whenever the log goes quiet, on ``flush`` and on ``close``, so cutting
off only the records of the last second of a busy log goes unnoticed. The chain is not
keyed: someone able to rewrite the whole file and its head can forge a consistent log.

Durability (group commit). ``append`` queues the record and returns; a writer thread takes
everything queued, appends it with one write and fsyncs. Requests never wait for the disk,
and under load one fsync covers many records. ``append_later`` queues what a record is made
of instead, and the writer serializes it with its batch (the endpoint hands over the call's
parameters in their audit form, never plaintext). What a crash can lose:

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
import math
import os
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import orjson

from kmspolicy import _compat
from kmspolicy.language.catalogue import CRYPTO_OPERATIONS

__all__ = [
    "GENESIS",
    "AuditLog",
    "Verification",
    "build_event",
    "chain",
    "chain_reference",
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
HEAD_PERIOD = 1.0  # seconds between head updates while the log stays busy
EVENT_VERSION = "1.11"
_READ_ONLY_PREFIXES = ("Describe", "Get", "List")


class _Ids:
    """Ids shaped as version 4 UUIDs: 74 random bits per process, then a 48-bit counter.
    Ids need to be unique, not secret or unpredictable, so the random part is drawn once
    (again in a forked child, which must not repeat its parent's ids) and each id costs a
    counter step and one format. The counter starts at a random point of [2**44, 2**47):
    always 12 hex digits without padding, and more than 10**14 ids before it could pass
    48 bits. Request ids and event ids share it."""

    prefix: str
    event_id_open: bytes  # the eventID member up to the counter, as event_bytes writes it
    counter: Iterator[int]

    def __init__(self) -> None:
        self._reseed()
        os.register_at_fork(after_in_child=self._reseed)

    def _reseed(self) -> None:
        draw = random.SystemRandom().getrandbits
        bits = f"{draw(72):018x}"
        variant = "89ab"[draw(2)]  # the RFC 4122 variant bits 10xx, as uuid4 sets them
        self.prefix = f"{bits[:8]}-{bits[8:12]}-4{bits[12:15]}-{variant}{bits[15:]}-"
        self.event_id_open = b',"eventID":"' + self.prefix.encode("ascii")
        self.counter = itertools.count((1 << 44) + draw(46))

    def next(self) -> str:
        return f"{self.prefix}{next(self.counter):x}"


_IDS = _Ids()
new_id = _IDS.next
"""A fresh request or event id (``8-4-4-4-12`` hex digits, as AWS's ids)."""


def is_read_only(operation: str) -> bool:
    """CloudTrail's ``readOnly``: cryptographic operations and Describe/Get/List."""
    return operation in CRYPTO_OPERATIONS or operation.startswith(_READ_ONLY_PREFIXES)


_DUMPS = orjson.dumps
_ENCODER = json.JSONEncoder(separators=(",", ":"))  # json.dumps's output, built once


def _json(value: Any) -> bytes:
    """Compact JSON: orjson's (UTF-8), or the standard encoder's for what orjson refuses
    (integers beyond 64 bits, lone surrogates, mappings that are not dicts)."""
    try:
        return _DUMPS(value)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        if isinstance(value, Mapping) and not isinstance(value, dict):
            value = dict(value)
        return _ENCODER.encode(value).encode("ascii")


def record_hash(body: bytes) -> str:
    """The ``hash`` a record states: SHA-256 (hex) of its body, the record's line as written
    without the leading ``"hash"`` member — ``{"seq":...`` to the closing brace."""
    return hashlib.sha256(body).hexdigest()


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


def _resources(arns: Iterable[str]) -> list[dict[str, str]]:
    return [
        {"accountId": arn.split(":")[4], "type": "AWS::KMS::Key", "ARN": arn}
        for arn in dict.fromkeys(arns)
    ]


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
        "eventTime": _event_time(math.floor(event_time.timestamp())),
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
        "resources": _resources(key_arns),
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


# --- event_bytes: build_event's record serialized from cached pieces ----------------------

_ClientKey = tuple[str, str | None, str | None, str, str, str | None, str | None]
# Per client key: the record up to eventTime's value, from eventSource to requestParameters'
# value, readOnly, the recipient account, and the closing pieces per tuple of key ARNs.
_Client = tuple[bytes, bytes, bool, str, dict[tuple[str, ...], bytes]]

_CACHE_LIMIT = 4096  # entries per cache; a full cache starts again empty
_CLIENTS: dict[_ClientKey, _Client] = {}
_DECISIONS: dict[tuple[str, str | None], bytes] = {}
_SECOND = timedelta(seconds=1)
# the second last seen, as [start, end) in UTC, and its eventTime (none at first: end < start)
_CLOCK: tuple[datetime, datetime, bytes] = (
    datetime.max.replace(tzinfo=UTC),
    datetime.min.replace(tzinfo=UTC),
    b"",
)


_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> _V:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _client(key: _ClientKey) -> _Client:
    arn, access_key_id, principal_id, operation, region, source_ip, user_agent = key
    identity = user_identity(arn, access_key_id, principal_id)
    head = b'{"eventVersion":"%s","userIdentity":%s,"eventTime":' % (
        EVENT_VERSION.encode("ascii"),
        _json(identity),
    )
    middle = (
        b',"eventSource":"kms.amazonaws.com","eventName":%s,"awsRegion":%s,'
        b'"sourceIPAddress":%s,"userAgent":%s,"requestParameters":'
        % (_json(operation), _json(region), _json(source_ip), _json(user_agent))
    )
    client: _Client = (head, middle, is_read_only(operation), identity["accountId"], {})
    return _remember(_CLIENTS, key, client)


def _closing(client: _Client, arns: tuple[str, ...]) -> bytes:
    """From the end of eventID to eventCategory."""
    _, _, read_only, account, closings = client
    closing = (
        b'","readOnly":%s,"resources":%s,"eventType":"AwsApiCall","managementEvent":true,'
        b'"recipientAccountId":%s,"eventCategory":"Management"'
        % (b"true" if read_only else b"false", _json(_resources(arns)), _json(account))
    )
    return _remember(closings, arns, closing)


def _decision(decision: str, explanation: str | None) -> bytes:
    """The decision member and the record's closing brace."""
    member = _json({"outcome": decision, "explanation": explanation or ""})
    return _remember(_DECISIONS, (decision, explanation), b',"decision":%s}' % member)


_NO_RESPONSE = b',"responseElements":null,"requestID":'


def _tick(event_time: datetime) -> bytes:
    global _CLOCK
    second = math.floor(event_time.timestamp())
    start = datetime.fromtimestamp(second, UTC)
    when = _json(_event_time(second))
    _CLOCK = (start, start + _SECOND, when)
    return when


def _errors(dumps: Callable[[Any], bytes], code: str, message: str | None) -> bytes:
    return b',"errorCode":%s,"errorMessage":%s' % (dumps(code), dumps(message or ""))


def _own_members(
    dumps: Callable[[Any], bytes],
    request_parameters: Mapping[str, Any] | None,
    response_elements: Mapping[str, Any] | None,
    request_id: str,
    error_code: str | None,
    error_message: str | None,
) -> tuple[bytes, bytes, bytes, bytes]:
    """A record's own members, encoded by ``dumps``: requestParameters, responseElements
    with the key of requestID, requestID, and the error members."""
    return (
        dumps(request_parameters) if request_parameters else b"null",
        _NO_RESPONSE
        if response_elements is None
        else b',"responseElements":%s,"requestID":' % dumps(response_elements),
        dumps(request_id),
        _errors(dumps, error_code, error_message) if error_code else b"",
    )


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
    """``build_event``'s record as compact JSON, built from cached pieces: what repeats
    between one client's requests of one operation (identity, operation, region, source,
    user agent), per key, per decision, per second, is encoded once; only the request's own
    members are encoded per call. The members and their order are ``build_event``'s."""
    key = (caller_arn, access_key_id, principal_id, operation, region, source_ip, user_agent)
    client = _CLIENTS.get(key) or _client(key)
    arns = tuple(key_arns)
    closing = client[4].get(arns) or _closing(client, arns)
    start, end, when = _CLOCK
    try:  # a UTC event_time compares without computing offsets
        if not start <= event_time < end:
            when = _tick(event_time)
    except TypeError:  # a naive event_time (local time, as datetime.timestamp reads it)
        when = _tick(event_time)
    if client[2] or error_code or not response_elements:
        response_elements = None
    try:  # the members that change with every request
        parameters, response, request, errors = _own_members(
            _DUMPS, request_parameters, response_elements, request_id, error_code, error_message
        )
    except TypeError:  # what orjson refuses; see _json
        parameters, response, request, errors = _own_members(
            _json, request_parameters, response_elements, request_id, error_code, error_message
        )
    return b"".join(
        (
            client[0],
            when,
            client[1],
            parameters,
            response,
            request,
            _IDS.event_id_open,
            b"%x" % next(_IDS.counter),
            closing,
            errors,
            b"}"
            if decision is None
            else _DECISIONS.get((decision, explanation)) or _decision(decision, explanation),
        )
    )


# --- writing ---------------------------------------------------------------------------

_HEX_DIGITS = frozenset("0123456789abcdef")
_SEQ_LIMIT = 1 << 62
_SHA256 = hashlib.sha256()  # copied per record: cheaper than a new hash object


def chain_reference(batch: list[bytes], seq: int, prev: str) -> tuple[bytes, int, str]:
    """The writer's step: the records of ``batch`` (compact JSON objects) as the log's next
    lines, after the record numbered ``seq`` whose hash is ``prev``. Returns the lines, the
    last record's seq and its hash. A line is ``{"hash":"<hash>",`` then the record's body
    without its ``{``; the body, which the hash covers, is ``{"seq":<seq>,"prevHash":"<prev>",``
    then the event without its ``{``."""
    digest = prev.encode("ascii")
    if len(digest) != 64 or not _HEX_DIGITS.issuperset(prev):
        raise ValueError(f"the previous hash must be 64 hex digits, not {prev!r}")
    if not 0 <= seq <= _SEQ_LIMIT - len(batch):
        raise OverflowError(f"seq {seq} is out of the chain's range")
    # each record is hashed in two pieces (its chain head, then the event) and the batch
    # is joined once: no per-record copies of the event
    parts: list[bytes | memoryview] = []
    for event in batch:
        if type(event) is not bytes:
            raise TypeError(f"audit records are bytes, not {type(event).__name__}")
        seq += 1
        head = b'{"seq":%d,"prevHash":"%s",' % (seq, digest)
        rest = memoryview(event)[1:]
        h = _SHA256.copy()
        h.update(head)
        h.update(rest)
        digest = h.hexdigest().encode("ascii")
        parts += (b'{"hash":"', digest, b'",', head[1:], rest, b"\n")
    return b"".join(parts), seq, digest.decode("ascii")


# The writer's step (``chain_reference``), compiled in ``kmspolicy/_fast/_audit.pyx`` (equal
# results and errors, checked by the differential test) when extensions are in use.
chain = _compat.compiled_or(chain_reference, "_audit", "chain", "audit chain")


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
        self._head_tmp = str(self.head_path.with_name(f"{self.head_path.name}.{os.getpid()}.tmp"))
        self._fsync = fsync
        self._interval = interval
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        # Appenders add to _pending and _flushes; the writer takes what is there with one
        # slice and deletes what it took (each one step under the GIL), and sleeps on _wake
        # only after saying so in _idle.
        self._pending: list[bytes | tuple[Callable[..., bytes], tuple[Any, ...]]] = []
        self._flushes: list[threading.Event] = []
        self._wake = threading.Event()
        self._idle = False
        self._error: BaseException | None = None
        self._closed = False
        self._tail: tuple[int, int, str] | None = None  # (file size, seq, hash) we left
        self._head: tuple[int, str] | None = None  # durable (seq, hash) the head lacks
        self._head_at = time.monotonic()
        self._writer = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._writer.start()

    def append(self, event: Mapping[str, Any]) -> None:
        """Queue one event; it gets its place in the chain when the writer writes it."""
        # serialized here, by the caller: the writer thread then holds the GIL only briefly
        self.append_bytes(_json(event))

    def append_bytes(self, event: bytes) -> None:
        """Queue one event already serialized as compact JSON (``event_bytes``)."""
        if self._closed or self._error is not None or type(event) is not bytes:
            self._refuse(event)
        self._pending.append(event)
        if self._idle:
            self._wake.set()

    def append_later(self, render: Callable[..., bytes], *args: Any) -> None:
        """Queue one event as ``render(*args)``, called by the writer thread just before
        it writes the batch. A request then only hands over what happened; serializing a
        batch of records in one loop costs less than one record at a time between other
        work. ``args`` must not change afterwards, and should hold no secrets (they live
        until the batch is written). If ``render`` raises, the record is lost and the log
        refuses further appends, as for a write error."""
        if self._closed or self._error is not None:
            self._refuse(render)
        self._pending.append((render, args))
        if self._idle:
            self._wake.set()

    def _refuse(self, event: object) -> None:
        if self._closed:
            raise RuntimeError("the audit log is closed")
        if self._error is not None:
            raise RuntimeError(f"the audit log cannot be written: {self._error}")
        raise TypeError(f"an audit record is bytes, not {type(event).__name__}")

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything appended so far is written (and fsynced) and the head
        names the last record written."""
        if self._closed:
            return self._error is None
        done = threading.Event()
        self._flushes.append(done)
        self._wake.set()
        return done.wait(timeout)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._wake.set()
        self._writer.join()
        os.close(self._fd)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        pending, flushes = self._pending, self._flushes
        while True:
            closing = self._closed
            # flushes first: every record appended before a flush is then in the batch
            waiting = flushes[:]
            del flushes[: len(waiting)]
            batch = pending[:]
            del pending[: len(batch)]
            try:
                if batch:
                    self._write(
                        [item if isinstance(item, bytes) else item[0](*item[1]) for item in batch]
                    )
                if waiting or closing or not batch:  # asked for, or about to go quiet
                    self._catch_up_head()
            except Exception as exc:  # a failed write or render: appends report it from now on
                self._error = exc
            for done in waiting:
                done.set()
            if closing:
                return
            if batch:
                # let records gather: one wake-up and one fsync per interval, not per record
                time.sleep(self._interval)
                continue
            self._idle = True
            if not pending and not flushes and not self._closed:
                self._wake.wait()
            self._wake.clear()
            self._idle = False

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
                size = end
            data, seq, prev = chain(batch, seq, prev)
            view = memoryview(data)
            written = 0
            while written < len(data):
                written += os.write(self._fd, view[written:])
            self._tail = (size + len(data), seq, prev)
            if self._fsync:
                os.fsync(self._fd)
            self._head = (seq, prev)
            if time.monotonic() - self._head_at >= HEAD_PERIOD:
                self._write_head()
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _catch_up_head(self) -> None:
        if self._head is None:
            return
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            if self._tail is not None and self._tail[0] == os.fstat(self._fd).st_size:
                self._write_head()
            else:  # another writer appended after us: the head is its to keep up
                self._head = None
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _write_head(self) -> None:
        # Under the lock, after the log's fsync: the head may lag the log after a crash,
        # never lead it, so verify treats it as a lower bound.
        assert self._head is not None
        seq, digest = self._head
        fd = os.open(self._head_tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b'{"seq":%d,"hash":"%s"}\n' % (seq, digest.encode("ascii")))
            if self._fsync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(self._head_tmp, self.head_path)
        self._head = None
        self._head_at = time.monotonic()


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


def _states_its_hash(line: bytes) -> bool:
    """Whether a line (without its newline) opens with its hash member as the writer
    writes it, and that hash is the hash of the rest of the line as it stands."""
    if not line.startswith(b'{"hash":"') or line[73:75] != b'",':
        return False
    return record_hash(b"{" + line[75:]).encode("ascii") == line[9:73]


def verify(path: str | os.PathLike[str]) -> Verification:
    """Check every record's hash (over its bytes as written), the links between records,
    the sequence numbers, and that the log reaches the last durable record named by its
    head file."""
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
        if not _states_its_hash(raw):
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
