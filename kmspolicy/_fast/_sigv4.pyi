"""Type stub of the compiled SigV4 verifier (kmspolicy/_fast/_sigv4.pyx)."""

from collections.abc import Container, Sequence
from datetime import datetime

from kmspolicy.server.sigv4 import Authenticated, CredentialLookup

__all__ = ["verify_asgi"]

def verify_asgi(
    method: str,
    raw_path: bytes,
    query_string: bytes,
    headers: Sequence[tuple[bytes, bytes]],
    body: bytes,
    lookup: CredentialLookup,
    now: datetime,
    *,
    service: str = "kms",
    regions: Container[str] | None = None,
) -> Authenticated: ...
