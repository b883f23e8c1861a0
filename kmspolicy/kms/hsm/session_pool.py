"""PKCS#11 sessions: one worker thread per module, one logged-in session per token.

python-pkcs11 initialises a module with ``C_Initialize(NULL)``, which under PKCS#11 tells
the module that it is called from one thread at a time (SoftHSM2 then switches its own
locking off). So every call into a module runs on that module's worker thread, in order,
and a caller waits for its result at most ``timeout`` seconds: a token that stops answering
gives ``HsmError(TIMEOUT)``, never a hung request. The worker is a daemon thread, so a call
stuck inside a module does not hold up the process at exit either.

A ``SessionPool`` is the process's connection to one token: it logs in as the crypto user
once, keeps the session and the handles of the keys it has found, and hands them to every
request (sessions are pooled per token, not opened per request). Pools are shared by
everything in the process that uses the token and counted, so the last ``release`` logs out.
A session that is lost (closed, invalid handle, device removed) is dropped and opened again
with the PIN the pool holds, and the operation is retried once; a token that is gone then
gives ``HsmError(TOKEN_NOT_FOUND)``.

Tokens initialised after a module was loaded are invisible until the module is initialised
again, so a token that is not found triggers one re-initialisation of the module; sessions
of other pools on that module are then re-opened on their next use.
"""

from __future__ import annotations

import contextlib
import enum
import hmac
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, ClassVar, TypeVar

import pkcs11
from pkcs11 import exceptions as p11

__all__ = ["DEFAULT_TIMEOUT", "HsmError", "HsmFailure", "Module", "SessionPool"]

T = TypeVar("T")
DEFAULT_TIMEOUT = 10.0

# Errors that mean the session, the login or the device went away, not the operation.
_LOST: tuple[type[p11.PKCS11Error], ...] = (
    p11.SessionHandleInvalid,
    p11.SessionClosed,
    p11.ObjectHandleInvalid,
    p11.KeyHandleInvalid,
    p11.DeviceRemoved,
    p11.DeviceError,
    p11.TokenNotPresent,
    p11.TokenNotRecognised,
    p11.UserNotLoggedIn,
)


class HsmFailure(enum.StrEnum):
    CREDENTIALS = "credentials"  # the PIN is wrong
    LOCKED = "locked"  # too many wrong PINs
    LOGGED_IN = "logged-in"  # someone else is logged in to the token
    TOKEN_NOT_FOUND = "token-not-found"
    MODULE = "module"  # the PKCS#11 library cannot be loaded
    LOST = "lost"  # the session or device failed again after re-opening
    TIMEOUT = "timeout"
    KEY_NOT_FOUND = "key-not-found"
    OPERATION = "operation"  # the token refused this operation (e.g. a failed GCM tag)


class HsmError(Exception):
    def __init__(self, failure: HsmFailure, message: str) -> None:
        super().__init__(message)
        self.failure = failure


class _Worker:
    """A daemon thread that runs jobs in order."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]] = queue.SimpleQueue()
        threading.Thread(target=self._loop, name=name, daemon=True).start()

    def _loop(self) -> None:
        while True:
            job, future = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:
                future.set_exception(exc)

    def submit(self, job: Callable[[], Any]) -> None:
        """Run ``job`` when the worker gets to it, without waiting."""
        self._jobs.put((job, Future()))

    def call(self, job: Callable[[], T], timeout: float) -> T:
        future: Future[T] = Future()
        self._jobs.put((job, future))
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise HsmError(
                HsmFailure.TIMEOUT, f"the HSM did not answer within {timeout:g} seconds"
            ) from None


class Module:
    """A PKCS#11 library loaded in this process, with its worker thread."""

    _loaded: ClassVar[dict[str, Module]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: str) -> None:
        self.path = path
        self.worker = _Worker(f"pkcs11:{path}")
        self.generation = 0  # bumped by each re-initialisation
        self._lib: Any = None

    @classmethod
    def get(cls, path: str) -> Module:
        """The module at ``path``; one per library file, however the path reaches it (a
        library must not be initialised twice in one process)."""
        path = os.path.realpath(path)
        with cls._lock:
            module = cls._loaded.get(path)
            if module is None:
                module = cls._loaded[path] = Module(path)
            return module

    def lib(self) -> Any:
        """The loaded library (worker thread only)."""
        if self._lib is None:
            try:
                self._lib = pkcs11.lib(self.path)
            except (p11.PKCS11Error, OSError, RuntimeError) as exc:
                raise HsmError(
                    HsmFailure.MODULE, f"cannot load PKCS#11 module {self.path}: {exc}"
                ) from None
        return self._lib

    def token(self, label: str) -> Any:
        """The token labelled ``label``, re-initialising the module once if it is not
        found (worker thread only)."""
        lib = self.lib()
        for attempt in (0, 1):
            try:
                return lib.get_token(token_label=label)
            except (p11.NoSuchToken, p11.GeneralError):
                if attempt:
                    break
                lib.reinitialize()
                self.generation += 1
        raise HsmError(HsmFailure.TOKEN_NOT_FOUND, f"no token labelled {label!r} in {self.path}")


class SessionPool:
    """The logged-in session of one token, shared in this process (see the module doc)."""

    _pools: ClassVar[dict[tuple[str, str], SessionPool]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, module: Module, label: str, timeout: float) -> None:
        self.module = module
        self.label = label
        self.timeout = timeout
        self.sessions_opened = 0
        self._users = 0
        self._pin: str | None = None
        self._session: Any = None
        self._generation = -1
        self._keys: dict[bytes, Any] = {}

    @classmethod
    def acquire(
        cls, module_path: str, label: str, pin: str, *, timeout: float = DEFAULT_TIMEOUT
    ) -> SessionPool:
        """The token's pool, logged in with ``pin`` (HsmError if it cannot be)."""
        module = Module.get(module_path)
        with cls._lock:
            pool = cls._pools.get((module.path, label))
            if pool is None:
                pool = SessionPool(module, label, timeout)
            pool.module.worker.call(lambda: pool._login(pin), timeout)
            pool._users += 1
            cls._pools[(module.path, label)] = pool
            return pool

    def release(self) -> None:
        """One user fewer; the last one closes the session (logging out)."""
        with SessionPool._lock:
            self._users -= 1
            if self._users > 0:
                return
            SessionPool._pools.pop((self.module.path, self.label), None)
        # queued, not awaited: behind a call that is stuck, it still runs once that returns,
        # so the session is not left logged in
        self.module.worker.submit(self._drop)

    def run(self, op: Callable[[Any, SessionPool], T]) -> T:
        """``op(session, pool)`` on the module's worker, with one retry on a lost session."""
        return self.module.worker.call(lambda: self._run(op), self.timeout)

    def key(self, object_id: bytes) -> Any:
        """The secret key object with CKA_ID ``object_id`` (inside ``run`` only)."""
        found = self._keys.get(object_id)
        if found is None:
            try:
                found = self._session.get_key(
                    id=object_id, object_class=pkcs11.ObjectClass.SECRET_KEY
                )
            except p11.NoSuchKey:
                # a session can outlive its token: tell a missing token from a missing key
                try:
                    self.module.token(self.label)
                except HsmError:
                    self._drop()
                    raise
                raise HsmError(
                    HsmFailure.KEY_NOT_FOUND,
                    f"no key with CKA_ID {object_id.hex()} in token {self.label!r}",
                ) from None
            self._keys[object_id] = found
        return found

    # --- worker thread only ------------------------------------------------------------

    def _login(self, pin: str) -> None:
        if self._session is not None and self._generation == self.module.generation:
            if self._pin is None or not hmac.compare_digest(pin.encode(), self._pin.encode()):
                raise HsmError(HsmFailure.CREDENTIALS, "the PIN is incorrect")
            return
        self._drop()
        token = self.module.token(self.label)
        try:
            self._session = token.open(rw=True, user_pin=pin)
        except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
            raise HsmError(HsmFailure.CREDENTIALS, "the PIN is incorrect") from None
        except p11.PinLocked:
            raise HsmError(HsmFailure.LOCKED, "the crypto user is locked out") from None
        except p11.UserAlreadyLoggedIn:
            raise HsmError(
                HsmFailure.LOGGED_IN, f"another application is logged in to {self.label!r}"
            ) from None
        except _LOST as exc:
            raise HsmError(HsmFailure.LOST, f"cannot open a session: {exc!r}") from None
        self._pin = pin
        self._generation = self.module.generation
        self.sessions_opened += 1

    def _drop(self) -> None:
        """Forget the session and key handles, closing the session if it still works."""
        session, self._session = self._session, None
        self._keys.clear()
        if session is not None:
            with contextlib.suppress(p11.PKCS11Error):  # already gone with its device
                session.close()

    def _run(self, op: Callable[[Any, SessionPool], T]) -> T:
        for attempt in (0, 1):
            if self._session is None or self._generation != self.module.generation:
                if self._pin is None:
                    raise HsmError(HsmFailure.LOST, f"token {self.label!r} is not logged in")
                self._login(self._pin)
            try:
                return op(self._session, self)
            except _LOST as exc:
                self._drop()
                if attempt:
                    raise HsmError(HsmFailure.LOST, f"the session failed again: {exc!r}") from None
            except p11.PKCS11Error as exc:
                raise HsmError(HsmFailure.OPERATION, type(exc).__name__) from None
        raise AssertionError("unreachable")
