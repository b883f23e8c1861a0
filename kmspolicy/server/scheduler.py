"""The background work KMS does by itself: due automatic rotations, deletion of keys whose
waiting period is over, expiry of imported key material.

Every server process runs a scheduler, but a pass runs only in the process holding the
lease, a row in ``scheduler.db`` beside the store taken under SQLite's write lock
(``BEGIN IMMEDIATE``). So with several workers each due task happens exactly once; if the
holder dies, its lease expires and another process takes over.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from kmspolicy.server.backend import Backend

__all__ = ["LEASE_FILE", "Lease", "Scheduler"]

LEASE_FILE = "scheduler.db"
_log = logging.getLogger("kmspolicy.server")


class Lease:
    """A named, expiring lease in a SQLite file shared by the server's processes."""

    def __init__(self, path: Path, holder: str, ttl: float) -> None:
        self.path = path
        self.holder = holder
        self.ttl = ttl
        with self._connect() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS lease ("
                "name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires REAL NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30.0, isolation_level=None)

    def acquire(self, name: str = "scheduler", now: float | None = None) -> bool:
        """Take or renew the lease; False while another holder's lease is live."""
        now = time.time() if now is None else now
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            row = conn.execute(
                "SELECT holder, expires FROM lease WHERE name = ?", (name,)
            ).fetchone()
            if row is not None and row[0] != self.holder and row[1] > now:
                conn.execute("ROLLBACK")
                return False
            conn.execute(
                "INSERT INTO lease (name, holder, expires) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                "expires = excluded.expires",
                (name, self.holder, now + self.ttl),
            )
            conn.execute("COMMIT")
            return True
        finally:
            conn.close()

    def release(self, name: str = "scheduler") -> None:
        conn = self._connect()
        try:
            conn.execute("DELETE FROM lease WHERE name = ? AND holder = ?", (name, self.holder))
        finally:
            conn.close()


@dataclass(frozen=True, slots=True)
class Pass:
    """What one scheduler pass did (key ids), or ``ran=False`` when another process held
    the lease."""

    ran: bool
    deleted: tuple[str, ...] = ()
    rotated: tuple[str, ...] = ()
    expired: tuple[str, ...] = ()


class Scheduler:
    def __init__(self, backend: Backend, data_dir: Path, *, interval: float = 60.0) -> None:
        self.backend = backend
        self.interval = interval
        holder = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.lease = Lease(data_dir / LEASE_FILE, holder, ttl=max(2 * interval, 10.0))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> Pass:
        if not self.lease.acquire():
            return Pass(False)
        deleted: list[str] = []
        rotated: list[str] = []
        expired: list[str] = []
        for region in self.backend.regions_with_keys():
            done = self.backend.kms(region).run_due_tasks()
            deleted.extend(done.deleted)
            rotated.extend(done.rotated)
            expired.extend(done.expired)
        for what, ids in (("deleted", deleted), ("rotated", rotated), ("expired", expired)):
            if ids:
                _log.info("scheduler %s %s", what, " ".join(ids))
        return Pass(True, tuple(deleted), tuple(rotated), tuple(expired))

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a failed pass is retried on the next tick
                _log.exception("scheduler pass failed")
            self._stop.wait(self.interval)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="kms-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.lease.release()
