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
from typing import TextIO

__all__ = ["BatchingStreamHandler"]


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
        with self.lock:  # type: ignore[union-attr] # created by Handler.__init__
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
