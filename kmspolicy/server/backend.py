"""The KMS behind the endpoint: one ``KMS`` per region over one data directory.

A key lives in the region of the credential scope that created it, so each region gets
its own dispatcher (``KMS(store, root_key, region=...)``) sharing the store, root key and
IAM directory. The dispatcher caches keys and callers in-process; when several server
processes share a data directory, a change made by another process shows up as a new
SQLite ``data_version`` (``KMS.refresh``), and the caches are then dropped before the
next request.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import Clock, SystemClock
from kmspolicy.kms.principals import Caller
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.runtime import Observation
from kmspolicy.kms.service import DB_FILE, KMS, ROOT_KEY_FILE, open_store

__all__ = ["CREDENTIAL_TTL", "Backend"]

CREDENTIAL_TTL = 5.0
_CREDENTIAL_CACHE_LIMIT = 4096


class Backend:
    """Dispatchers per region over the data directory ``data_dir``.

    ``shared`` (several processes serve the directory) turns on the check for changes
    made by other processes.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        default_region: str = "us-east-1",
        shared: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        # the clock as a plain callable: the system clock without its Python frame
        self.now: Callable[[], datetime] = (
            partial(datetime.now, UTC) if type(self.clock) is SystemClock else self.clock.now
        )
        self.default_region = default_region
        self._root_key = RootKey.open(data_dir / ROOT_KEY_FILE)
        self._store, _ = open_store(data_dir)
        self._lock = threading.RLock()
        self._by_region: dict[str, KMS] = {}
        self._credentials: dict[str, tuple[float, tuple[Caller, str, str | None]]] = {}
        self._shared = shared

    def _refresh(self) -> None:
        """Drop the caches if another process changed the store since the last request
        (the regions share one store, so one dispatcher's check speaks for all); called
        per request when the store is ``shared``."""
        if self.kms(self.default_region).refresh():
            with self._lock:
                for kms in self._by_region.values():
                    kms.invalidate()
                self._credentials.clear()

    def kms(self, region: str) -> KMS:
        kms = self._by_region.get(region)
        if kms is None:
            with self._lock:
                kms = self._by_region.get(region)
                if kms is None:
                    kms = KMS(self._store, self._root_key, clock=self.clock, region=region)
                    self._by_region[region] = kms
        return kms

    def lookup(self, access_key_id: str) -> tuple[Caller, str, str | None]:
        """(caller, secret, session token) of an access key, for SigV4. Kept for
        ``CREDENTIAL_TTL`` seconds, so a deactivated key stops working within that time."""
        if self._shared:
            self._refresh()
        now = time.monotonic()
        cached = self._credentials.get(access_key_id)
        if cached is not None and cached[0] > now:
            return cached[1]
        found = self.kms(self.default_region).directory.secret_for(access_key_id)
        if len(self._credentials) >= _CREDENTIAL_CACHE_LIMIT:
            self._credentials.clear()
        self._credentials[access_key_id] = (now + CREDENTIAL_TTL, found)
        return found

    def call(
        self, region: str, operation: str, params: dict[str, Any], caller: Caller
    ) -> tuple[dict[str, Any] | KMSError, list[Observation]]:
        """Run one operation; returns the result or the KMSError, with the decisions made."""
        kms = self._by_region.get(region) or self.kms(region)
        observed: list[Observation] = []
        try:
            result: dict[str, Any] | KMSError = kms.call(
                operation, params, caller, on_decision=observed.append
            )
        except KMSError as exc:
            result = exc
        return result, observed

    def regions_with_keys(self) -> list[str]:
        """Every region some key lives in (the scheduler's worklist)."""
        with sqlite3.connect(f"file:{self.data_dir / DB_FILE}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT DISTINCT region FROM keys ORDER BY region").fetchall()
        return [str(r[0]) for r in rows]

    def close(self) -> None:
        with self._lock:
            for kms in self._by_region.values():
                kms.runtime.flush_usage()
            self._by_region.clear()
            self._store.close()
