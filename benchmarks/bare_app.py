"""The floor for the endpoint benchmark: an ASGI app answering every request with a fixed
JSON body, served by the same stack as ``kmspolicy serve``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

_BODY = (
    b'{"KeyId":"arn:aws:kms:us-east-1:111122223333:key/bench",'
    b'"EncryptionAlgorithm":"SYMMETRIC_DEFAULT"}'
)
_HEADERS = [
    (b"content-type", b"application/x-amz-json-1.1"),
    (b"content-length", str(len(_BODY)).encode()),
]


async def app(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
    send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
) -> None:
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": _BODY})
