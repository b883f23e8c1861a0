"""Type stub of the compiled context derivation (kmspolicy/_fast/_context.pyx)."""

from datetime import datetime

from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.request import Request

__all__ = ["build_context"]

def build_context(request: Request, *, now: datetime | None = None) -> RequestContext: ...
