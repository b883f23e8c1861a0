"""The KMS: one dispatcher, ``KMS.call(operation, params, caller)``, for every operation.

Each call goes the same way: the directory resolves the caller (unknown credentials are
refused), the parameters are checked against the KMS API model (``ValidationException``
lists every violation), then the operation's handler resolves the key, asks the authorizer
(``AccessDeniedException`` before any key material is read), checks the key state, and
only then, holding the Permit the authorizer minted, runs the crypto recipe.

Params and results are shaped like boto3's (same member names, bytes for blobs, datetime
for timestamps); errors are ``KMSError(code, message)`` with AWS's codes.

``run_due_tasks()`` does what KMS does in the background, by the injected clock: deletes
keys whose pending-deletion window has passed, rotates keys whose automatic rotation is due
and expires imported key material past its ValidTo.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import Clock, SystemClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.ops import HANDLERS
from kmspolicy.kms.principals import Caller, Directory
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.runtime import DecisionObserver, Runtime
from kmspolicy.kms.store.base import Store
from kmspolicy.kms.store.sqlite import SQLiteStore
from kmspolicy.kms.validation import fast_check, validate_fully

__all__ = ["KMS", "DueTasks", "open_store"]

# operation -> (handler, its input test built from the API model), one lookup a call
_DISPATCH = {operation: (handler, fast_check(operation)) for operation, handler in HANDLERS.items()}

DB_FILE = "kms.db"
ROOT_KEY_FILE = "root.key"
SQLITE_URL = "sqlite:///"


def open_store(location: str | os.PathLike[str]) -> tuple[Store, Path | None]:
    """A store for a data directory (``<dir>/kms.db``) or a ``sqlite:///path`` URL, and
    the data directory (None for a URL)."""
    text = os.fspath(location)
    if text.startswith(SQLITE_URL):
        return SQLiteStore(text[len(SQLITE_URL) :]), None
    if "://" in text:
        raise ValueError(f"unsupported store URL {text!r}: use a directory or sqlite:///path")
    directory = Path(text)
    directory.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(directory / DB_FILE), directory


@dataclass(frozen=True, slots=True)
class DueTasks:
    """What one ``run_due_tasks`` did (key ids)."""

    deleted: tuple[str, ...] = ()
    rotated: tuple[str, ...] = ()
    expired: tuple[str, ...] = field(default=())


class KMS:
    def __init__(
        self,
        store: Store,
        root_key: RootKey,
        *,
        clock: Clock | None = None,
        region: str = "us-east-1",
        evaluator: str | None = None,
        grant_propagation: timedelta = timedelta(0),
    ) -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.region = region
        self.directory = Directory(store, root_key, self.clock)
        self.runtime = Runtime(
            store,
            KeyRing(store, root_key, self.clock),
            self.directory,
            self.clock,
            region=region,
            authorizer=Authorizer(evaluator),
            grant_propagation=grant_propagation,
        )
        self._seen = threading.local()  # the data_version each thread last saw
        self._seen.version = store.data_version()

    @classmethod
    def open(
        cls,
        location: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        root_key: str | os.PathLike[str] | None = None,
        region: str = "us-east-1",
        evaluator: str | None = None,
        grant_propagation: timedelta = timedelta(0),
    ) -> KMS:
        """Open (creating if needed) a data directory or a ``sqlite:///`` store URL.

        The root key is ``root_key``, else ``$KMSPOLICY_ROOT_KEY_FILE``, else the data
        directory's ``root.key``. ``grant_propagation`` models KMS's eventual consistency:
        for that long a new grant works only with its grant token.
        """
        store, directory = open_store(location)
        try:
            if root_key is None and not os.environ.get("KMSPOLICY_ROOT_KEY_FILE"):
                if directory is None:
                    raise ValueError("a store URL needs root_key or $KMSPOLICY_ROOT_KEY_FILE")
                root_key = directory / ROOT_KEY_FILE
            key = RootKey.open(root_key)
        except BaseException:
            store.close()
            raise
        return cls(
            store,
            key,
            clock=clock,
            region=region,
            evaluator=evaluator,
            grant_propagation=grant_propagation,
        )

    def call(
        self,
        operation: str,
        params: dict[str, Any] | None,
        caller: Caller | str,
        *,
        on_decision: DecisionObserver | None = None,
    ) -> dict[str, Any]:
        """Run one KMS operation for ``caller`` (a ``Caller`` or a principal ARN).

        ``on_decision`` is told of every authorization decision the call makes, in order, as
        an ``Observation`` (action, resource, decision), also when the call then fails (the
        audit log records them).
        """
        entry = _DISPATCH.get(operation)
        if entry is None:
            raise KMSError(
                "UnknownOperationException",
                f"{operation!r} is not a KMS operation kmspolicy serves",
            )
        rt = self.runtime
        handler, fits = entry
        if on_decision is not None:
            rt.observe(on_decision)
        try:
            who = rt.caller(caller)
            if params is None:
                params = {}
            if not fits(params):
                validate_fully(operation, params)  # raises for invalid params
            return handler(rt, params, who)
        finally:
            if on_decision is not None:
                rt.observe(None)

    def invalidate(self) -> None:
        """Forget every cached key, caller, alias and decision: the next calls read the
        store again."""
        self.runtime.forget_all()

    def refresh(self) -> bool:
        """Invalidate the caches if another process (or thread) has committed a change to
        the store since the last refresh; True if it had. Cheap (SQLite's
        ``PRAGMA data_version``), so a server sharing its store can call it per request."""
        version = self.store.data_version()  # per connection, and so per thread
        if version == getattr(self._seen, "version", None):
            return False
        self._seen.version = version
        self.invalidate()
        return True

    @property
    def operations(self) -> tuple[str, ...]:
        return tuple(sorted(HANDLERS))

    def run_due_tasks(self) -> DueTasks:
        """Delete keys past their deletion date, rotate keys due for automatic rotation,
        expire imported material past ValidTo."""
        rt = self.runtime
        now = self.clock.now()
        deleted: list[str] = []
        rotated: list[str] = []
        expired: list[str] = []
        accounts = sorted({p.account_id for p in self.store.list_principals()})
        for account in accounts:
            for key in self.store.list_keys(account, self.region):
                if key.key_state == "PendingDeletion":
                    if key.deletion_date is not None and key.deletion_date <= now:
                        rt.keyring.destroy_hsm_material(key)
                        self.store.delete_key(key.key_id)
                        rt.forget_key(key.key_id)
                        rt.forget_aliases()
                        deleted.append(key.key_id)
                    continue
                if (
                    key.origin == "EXTERNAL"
                    and key.valid_to is not None
                    and key.valid_to <= now
                    and key.key_state != "PendingImport"
                ):
                    rt.keyring.delete_imported_material(key)
                    self.store.put_key(replace(key, key_state="PendingImport", valid_to=None))
                    rt.forget_key(key.key_id)
                    expired.append(key.key_id)
                    continue
                if (
                    key.rotation_enabled
                    and key.key_state == "Enabled"
                    and key.next_rotation_date is not None
                    and key.next_rotation_date <= now
                ):
                    rt.keyring.rotate(key, "AUTOMATIC")
                    period = timedelta(days=key.rotation_period_in_days or 365)
                    self.store.put_key(replace(key, next_rotation_date=now + period))
                    rt.forget_key(key.key_id)
                    rotated.append(key.key_id)
        rt.flush_usage()
        return DueTasks(tuple(deleted), tuple(rotated), tuple(expired))

    def close(self) -> None:
        self.runtime.flush_usage()
        self.runtime.keyring.keystores.close()
        self.store.close()

    def __enter__(self) -> KMS:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
