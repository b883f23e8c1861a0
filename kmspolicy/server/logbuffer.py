"""A log handler for the access log: lines are written in batches, not one write per line.

``logging.StreamHandler`` flushes after every record, a system call per request on the
server's one event-loop thread. ``BatchingStreamHandler`` keeps formatted lines in memory
and writes them together when ``capacity`` bytes have gathered or ``interval`` seconds
have passed (a timer thread that wakes a few times a second), and on close. Lines reach
the stream at most ``interval`` late; a killed process loses at most that much of the
access log (the audit log has its own durability).
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


class BatchingStreamHandler(logging.Handler):
    def __init__(
        self, stream: TextIO | None = None, *, interval: float = 0.25, capacity: int = 1 << 16
    ) -> None:
        super().__init__()
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.capacity = capacity
        self._lines: list[str] = []
        self._size = 0
        self._stop = threading.Event()
        self._timer = threading.Thread(target=self._tick, name="log-flusher", daemon=True)
        self._timer.start()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # logging's contract: report, never raise
            self.handleError(record)
            return
        self.write_line(line)

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

        def write(message: str) -> None:
            now = time.time()
            second = int(now)
            stamp = stamps.get(second)
            if stamp is None:
                stamps.clear()
                stamp = stamps[second] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now))
            self.write_line(f"{stamp},{int((now - second) * 1000):03d} {name} {message}\n")

        return write

    def write_line(self, line: str) -> None:
        """Queue one formatted line (with its newline)."""
        with self.lock:  # type: ignore[union-attr]
            self._lines.append(line)
            self._size += len(line)
            full = self._size >= self.capacity
        if full:
            self.flush()

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            lines, self._lines, self._size = self._lines, [], 0
            if lines:
                self.stream.write("".join(lines))
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
