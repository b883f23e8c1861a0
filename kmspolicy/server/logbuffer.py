"""A log handler for the access log: lines are written in batches, not one write per line.

``logging.StreamHandler`` flushes after every record, a system call per request on the
server's one event-loop thread. ``BatchingStreamHandler`` keeps lines in memory and writes
them together when ``capacity`` lines have gathered or ``interval`` seconds have passed (a
timer thread that wakes a few times a second), and on close. Lines reach the stream at most
``interval`` late; a killed process loses at most that much of the access log (the audit
log has its own durability).

``line_writer`` goes further for the one message the server logs per request: the line is
formatted as logging would format it, without a LogRecord or the logger's dispatch.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["BatchingStreamHandler"]

_LINE_FORMAT = "%(asctime)s %(name)s %(message)s"  # what ``kmspolicy serve`` configures
_MILLISECONDS = [f"{ms:03d}" for ms in range(1000)]  # logging's ",%03d", looked up


class BatchingStreamHandler(logging.Handler):
    def __init__(
        self, stream: TextIO | None = None, *, interval: float = 0.25, capacity: int = 1024
    ) -> None:
        super().__init__()
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.capacity = capacity
        # Writers append; flush takes what is there with one slice and deletes what it
        # took (each one step under the GIL), so the list is never swapped under a writer.
        self._pending: list[str] = []
        self._stop = threading.Event()
        self._timer = threading.Thread(target=self._tick, name="log-flusher", daemon=True)
        self._timer.start()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # logging's contract: report, never raise
            self.handleError(record)
            return
        self._queue(line)

    def line_writer(self, logger: logging.Logger) -> Callable[[str], None] | None:
        """A function writing one INFO message of ``logger`` exactly as logging would
        through this handler, without a LogRecord, a formatter call or the logger's
        dispatch; None unless that is what logging would do: ``logger`` is enabled for
        INFO, has no filters, does not propagate, has this handler as its only one, and
        this handler has no filters, a level up to INFO and the plain line format."""
        formatter = self.formatter
        if (
            not logger.isEnabledFor(logging.INFO)
            or logger.filters
            or logger.propagate
            or logger.handlers != [self]
            or self.filters
            or self.level > logging.INFO
            or type(formatter) is not logging.Formatter
            or formatter._fmt != _LINE_FORMAT
            or formatter.datefmt is not None
            or formatter.converter is not time.localtime
            or formatter.default_time_format != "%Y-%m-%d %H:%M:%S"
            or formatter.default_msec_format != "%s,%03d"
        ):
            return None
        name = logger.name
        stamps: dict[int, str] = {}  # the formatted second, made once a second
        pending, capacity, now, ms = self._pending, self.capacity, time.time, _MILLISECONDS

        def write(message: str) -> None:
            # formatted here, while the request's values are in the cache: a batch of old
            # entries formatted later costs more
            when = now()
            second = int(when)
            stamp = stamps.get(second)
            if stamp is None:
                stamps.clear()
                stamp = stamps[second] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when))
            pending.append(f"{stamp},{ms[int((when - second) * 1000)]} {name} {message}\n")
            if len(pending) >= capacity:
                self.flush()

        return write

    def _queue(self, line: str) -> None:
        pending = self._pending
        pending.append(line)
        if len(pending) >= self.capacity:
            self.flush()

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            pending = self._pending
            taken = pending[:]
            del pending[: len(taken)]
            if taken:
                self.stream.write("".join(taken))
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.flush()
            except (OSError, ValueError):  # a closed stream: nothing more to write to
                return

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError, ValueError):  # the stream may be closed already
            self.flush()
        super().close()
