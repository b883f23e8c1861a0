"""The KMS endpoint as an ASGI application.

``POST /`` with ``X-Amz-Target: TrentService.<Operation>``: read the body (bounded),
verify SigV4 (nothing unauthenticated reaches the dispatcher), decode the JSON, run the
operation in the region of the credential scope, encode the result or the error, audit
the call, and log one line. ``GET /health`` answers ``{"status": "ok"}``. Every response
carries ``x-amzn-RequestId``; an unexpected failure is a KMSInternalException (500) whose
details go to the server log, never to the client.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Container, MutableMapping
from datetime import datetime
from typing import Any

from kmspolicy.engine.decision import Decision
from kmspolicy.errors import KMSError
from kmspolicy.kms.audit import AuditLog, event_bytes, is_read_only, new_id
from kmspolicy.kms.principals import Caller
from kmspolicy.kms.runtime import Observation
from kmspolicy.server import protocol, sigv4
from kmspolicy.server.backend import Backend
from kmspolicy.server.errors import error_body, status_of
from kmspolicy.server.logbuffer import BatchingStreamHandler

__all__ = ["MAX_BODY", "KMSApp", "Response"]

MAX_BODY = 1 << 20
_log = logging.getLogger("kmspolicy.server.access")
_error_log = logging.getLogger("kmspolicy.server")
_CONTENT_TYPE = protocol.CONTENT_TYPE.encode("ascii")
_UNRESOLVED: Any = object()


def _direct_access_writer() -> Callable[[str], None] | None:
    """A writer of access-log lines straight into the access logger's batching handler,
    when logging is configured so that this writes what ``_log.info`` would."""
    handlers = _log.handlers
    if len(handlers) == 1 and isinstance(handlers[0], BatchingStreamHandler):
        return handlers[0].line_writer(_log)
    return None


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Response:
    """A reply: its status, its body and the operation it answers, once known. (A plain
    class: a NamedTuple's constructor is interpreted code, run for every request.)"""

    __slots__ = ("body", "operation", "status")

    def __init__(self, status: int, body: bytes, operation: str | None = None) -> None:
        self.status = status
        self.body = body
        self.operation = operation


_EXPLAINED: dict[int, tuple[Decision, str]] = {}
_EXPLAINED_LIMIT = 4096
_CALLER_CACHE_LIMIT = 4096


def _explain(decision: Decision) -> str:
    """``decision.explain()``, kept per Decision object: the dispatcher hands out the same
    objects from its decision cache, and hashing a Decision by value costs more than
    explaining it once."""
    hit = _EXPLAINED.get(id(decision))
    if hit is not None and hit[0] is decision:
        return hit[1]
    text = decision.explain()
    if len(_EXPLAINED) >= _EXPLAINED_LIMIT:
        _EXPLAINED.clear()
    _EXPLAINED[id(decision)] = (decision, text)  # holding the object keeps its id unique
    return text


def _target_and_agent(headers: list[tuple[bytes, bytes]]) -> tuple[str | None, str | None]:
    """``X-Amz-Target`` and ``User-Agent``, each with repeated values joined by commas (as
    HTTP reads a repeated header), in one pass over the header list."""
    target: str | None = None
    agent: str | None = None
    for name, value in headers:
        if name == b"x-amz-target":
            text = value.decode("latin-1")
            target = text if target is None else f"{target},{text}"
        elif name == b"user-agent":
            text = value.decode("latin-1")
            agent = text if agent is None else f"{agent},{text}"
    return target, agent


def _key_arns(observed: list[Observation], named: Any, described: Any) -> list[str]:
    """The key ARNs a call concerned: the keys it was authorized on, and the key its result
    names (``named``, its KeyId; ``described``, its KeyMetadata's Arn)."""
    if len(observed) == 1 and described is None:
        # one decision on a key and a result naming that key (Encrypt, Decrypt, ...)
        arn = observed[0].resource
        if (
            arn is not None
            and arn.startswith("arn:aws:kms:")
            and ":key/" in arn
            and (named is None or named == arn)
        ):
            return [arn]
    arns = [o.resource for o in observed if o.resource and o.resource.startswith("arn:")]
    for candidate in (named, described):
        if isinstance(candidate, str) and candidate.startswith("arn:aws:kms:"):
            arns.append(candidate)
    return [a for a in dict.fromkeys(arns) if ":key/" in a]


class KMSApp:
    """The ASGI app. ``regions`` limits the credential scopes served (None: all);
    ``on_shutdown`` callbacks run, in order, at the end of the ASGI lifespan."""

    def __init__(
        self,
        backend: Backend,
        audit: AuditLog | None,
        *,
        regions: Container[str] | None = None,
        max_body: int = MAX_BODY,
        on_shutdown: tuple[Callable[[], None], ...] = (),
    ) -> None:
        self.backend = backend
        self.audit = audit
        self.regions = regions
        self.max_body = max_body
        self.on_shutdown = on_shutdown
        self._access_line: Callable[[str], None] | None = _UNRESOLVED  # on the first request
        self._callers: dict[tuple[int, str | None, str | None], tuple[Caller, Caller]] = {}

    # --- ASGI ----------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        request_id = new_id()
        method: str = scope["method"]
        path: str = scope["path"]
        if method == "GET" and path == "/health":
            response = Response(200, b'{"status":"ok"}')
        else:
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                body: bytes = message.get("body", b"")  # the whole body in one message
                too_large = len(body) > self.max_body
            else:
                body, too_large = await self._read_body(scope, receive, message)
            if too_large:
                error = KMSError(
                    "RequestEntityTooLargeException",
                    f"The request body exceeds the limit of {self.max_body} bytes.",
                )
                response = Response(status_of(error.code), error_body(error))
            else:
                response = self.handle(scope, body, request_id)
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [
                    (b"content-type", _CONTENT_TYPE),
                    (b"content-length", b"%d" % len(response.body)),
                    (b"x-amzn-requestid", request_id.encode("ascii")),
                ],
            }
        )
        await send({"type": "http.response.body", "body": response.body})
        client = scope.get("client") or ("-", 0)
        line = self._access_line
        if line is _UNRESOLVED:
            line = self._access_line = _direct_access_writer()
        elapsed = (time.perf_counter() - started) * 1000
        operation = response.operation or "-"
        if line is None:
            _log.info(
                '%s "%s %s" %s %d %.1fms %s',
                client[0],
                method,
                path,
                operation,
                response.status,
                elapsed,
                request_id,
            )
        else:  # the same line, without logging's per-record work
            line(
                f'{client[0]} "{method} {path}" {operation} {response.status} '
                f"{elapsed:.1f}ms {request_id}"
            )

    async def _read_body(
        self, scope: Scope, receive: Receive, message: Message
    ) -> tuple[bytes, bool]:
        """The rest of a body that came in several messages, from the first one."""
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                return b"", True
        chunks: list[bytes] = []
        size = 0
        while True:
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return b"", True
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
            message = await receive()
        return b"".join(chunks), False

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return

    def shutdown(self) -> None:
        """Flush the audit log and close the store (acknowledged writes stay written)."""
        for callback in self.on_shutdown:
            callback()
        if self.audit is not None:
            self.audit.close()
        self.backend.close()

    # --- one request ---------------------------------------------------------------------

    def handle(self, scope: Scope, body: bytes, request_id: str) -> Response:
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        raw_path = scope.get("raw_path")
        now = self.backend.now()
        try:
            auth = sigv4.verify_asgi(
                scope["method"],
                scope["path"].encode() if raw_path is None else raw_path,
                scope.get("query_string", b""),
                headers,
                body,
                self.backend.lookup,
                now,
                regions=self.regions,
            )
            target, user_agent = _target_and_agent(headers)
            operation = protocol.operation_of(target)
        except KMSError as error:
            return Response(status_of(error.code), error_body(error))
        client = scope.get("client")
        caller = self._caller(auth.caller, client[0] if client else None, scope.get("scheme"))
        params: dict[str, Any] = {}
        observed: list[Observation] = []
        result: dict[str, Any] | KMSError
        try:
            params = protocol.decode_request(operation, body)
            result, observed = self.backend.call(auth.region, operation, params, caller)
            if isinstance(result, KMSError):
                response = Response(status_of(result.code), error_body(result), operation)
            else:
                response = Response(200, protocol.encode_result(operation, result), operation)
        except KMSError as error:  # the request body did not decode
            result = error
            response = Response(status_of(error.code), error_body(error), operation)
        except Exception:
            _error_log.exception("request %s (%s) failed", request_id, operation)
            result = KMSError("KMSInternalException", "An internal error occurred.")
            response = Response(500, error_body(result), operation)
        if self.audit is not None:
            self._audit(
                request_id,
                now,
                operation,
                auth,
                caller.source_ip,
                user_agent,
                params,
                result,
                observed,
            )
        return response

    def _caller(self, signer: Caller, source_ip: str | None, scheme: str | None) -> Caller:
        """The signer as seen on this connection. Kept per signer object (the credential
        cache hands out the same one for a while), address and scheme: the caller's
        decisions are cached under the Caller, and building one costs more than finding it."""
        key = (id(signer), source_ip, scheme)
        hit = self._callers.get(key)
        if hit is not None and hit[0] is signer:
            return hit[1]
        caller = Caller(
            signer.arn,
            source_ip=source_ip,
            source_vpce=signer.source_vpce,
            via_service=signer.via_service,
            secure_transport=scheme == "https",
            mfa=signer.mfa,
            access_key_id=signer.access_key_id,
        )
        if len(self._callers) >= _CALLER_CACHE_LIMIT:
            self._callers.clear()
        self._callers[key] = (signer, caller)  # holding the signer keeps its id unique
        return caller

    def _audit(
        self,
        request_id: str,
        now: datetime,
        operation: str,
        auth: sigv4.Authenticated,
        source_ip: str | None,
        user_agent: str | None,
        params: dict[str, Any],
        result: dict[str, Any] | KMSError,
        observed: list[Observation],
    ) -> None:
        """Hand the call to the audit writer, which renders its record with its batch. Only
        what holds no secret is handed over: the parameters in their audit form (no
        plaintext), the response only where CloudTrail records one (never for the
        cryptographic operations), and the key names read from the result here."""
        assert self.audit is not None
        try:
            request_parameters = protocol.audit_form(operation, params)
        except (AttributeError, KeyError, TypeError):  # params that never decoded
            request_parameters = None
        if isinstance(result, KMSError):
            error, output, named, described = result, None, None, None
        else:
            error, named, metadata = None, result.get("KeyId"), result.get("KeyMetadata")
            described = metadata.get("Arn") if metadata else None
            output = result if result and not is_read_only(operation) else None
        self.audit.append_later(
            _render,
            request_id,
            now,
            operation,
            auth,
            source_ip,
            user_agent,
            request_parameters,
            output,
            error,
            observed,
            named,
            described,
        )


def _render(
    request_id: str,
    now: datetime,
    operation: str,
    auth: sigv4.Authenticated,
    source_ip: str | None,
    user_agent: str | None,
    request_parameters: Any,
    output: dict[str, Any] | None,
    error: KMSError | None,
    observed: list[Observation],
    named: Any,
    described: Any,
) -> bytes:
    """The CloudTrail record of one call (on the audit writer's thread)."""
    try:
        response_elements = protocol.audit_form(operation, output, output=True) if output else None
    except (AttributeError, KeyError, TypeError):  # a result the model does not describe
        response_elements = None
    return event_bytes(
        operation=operation,
        caller_arn=auth.caller.arn,
        region=auth.region,
        request_id=request_id,
        event_time=now,
        request_parameters=request_parameters,
        response_elements=response_elements,
        error_code=error.code if error is not None else None,
        error_message=error.message if error is not None else None,
        access_key_id=auth.access_key_id,
        source_ip=source_ip,
        user_agent=user_agent,
        key_arns=_key_arns(observed, named, described),
        decision=str(observed[-1].decision.effect) if observed else None,
        explanation="\n".join([_explain(o.decision) for o in observed]) if observed else None,
    )
