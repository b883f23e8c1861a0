"""Helpers the operation modules share: the operation signature, pagination, dry runs,
grant tokens and tags."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from kmspolicy.errors import KMSError
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, validation
from kmspolicy.kms.states import check_state

__all__ = [
    "Handler",
    "Params",
    "check_tags",
    "dry_run",
    "grant_tokens",
    "paginate",
    "resolve",
]

Params = dict[str, Any]
Handler = Callable[[Runtime, Params, CallerEntry], dict[str, Any]]
T = TypeVar("T")

_MARKER_PREFIX = "kmspolicy-page:"


def resolve(
    rt: Runtime,
    params: Params,
    who: CallerEntry,
    operation: str,
    *,
    alias_allowed: bool = False,
    member: str = "KeyId",
) -> tuple[KeyEntry, str | None]:
    """The key named by ``params[member]`` and the alias used, if any."""
    return rt.resolve_key(params[member], who, alias_allowed=alias_allowed)


def ready(rt: Runtime, operation: str, entry: KeyEntry) -> None:
    """Raise the error AWS gives for ``operation`` in the key's state; a key in a custom key
    store that is not connected is Unavailable."""
    record = entry.record
    if record.custom_key_store_id is not None:
        record = rt.keyring.keystores.effective(record)
    check_state(operation, record)


def dry_run(params: Params) -> None:
    """After authorization and state checks: a dry run stops here, as AWS's does."""
    if params.get("DryRun"):
        raise KMSError(
            "DryRunOperationException",
            "The request would have succeeded, but the DryRun option is set.",
        )


def grant_tokens(rt: Runtime, params: Params) -> tuple[str, ...]:
    """The request's grant tokens; a token no grant ever had is refused."""
    tokens = tuple(params.get("GrantTokens") or ())
    for token in tokens:
        if rt.store.find_grant_by_token(token) is None:
            raise KMSError("InvalidGrantTokenException", "The grant token is not valid.")
    return tokens


def _encode_marker(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_MARKER_PREFIX}{offset}".encode()).decode()


def _decode_marker(marker: str) -> int:
    try:
        text = base64.urlsafe_b64decode(marker.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        text = ""
    if not text.startswith(_MARKER_PREFIX) or not text[len(_MARKER_PREFIX) :].isdigit():
        raise KMSError("InvalidMarkerException", "The marker is not valid.")
    return int(text[len(_MARKER_PREFIX) :])


def paginate(
    items: Sequence[T], params: Params, *, default: int, maximum: int
) -> tuple[list[T], dict[str, Any]]:
    """One page of ``items`` per Limit/Marker, with Truncated and NextMarker."""
    limit = params.get("Limit", default)
    if limit > maximum:
        raise validation(
            f"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy "
            f"constraint: Member must have value less than or equal to {maximum}"
        )
    start = _decode_marker(params["Marker"]) if "Marker" in params else 0
    if start > len(items):
        raise KMSError("InvalidMarkerException", "The marker is not valid.")
    page = list(items[start : start + limit])
    end = start + len(page)
    extra: dict[str, Any] = {"Truncated": end < len(items)}
    if end < len(items):
        extra["NextMarker"] = _encode_marker(end)
    return page, extra


MAX_TAGS = 50


def check_tags(
    tags: Sequence[dict[str, str]], current: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Tags as a dict; ``aws:`` keys are reserved; at most 50 per key with ``current``."""
    result: dict[str, str] = {}
    for tag in tags:
        key = tag["TagKey"]
        if key.lower().startswith("aws:"):
            raise KMSError("TagException", f"Tag keys beginning with aws: are reserved: {key}")
        result[key] = tag["TagValue"]
    if len({**(current or {}), **result}) > MAX_TAGS:
        raise KMSError("LimitExceededException", f"A KMS key can have at most {MAX_TAGS} tags.")
    return result
