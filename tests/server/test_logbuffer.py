"""The access log's batching handler: lines arrive in order, on a full buffer, on the
timer, and on close."""

from __future__ import annotations

import io
import logging
import threading

from kmspolicy.server.logbuffer import BatchingStreamHandler


class _Stream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.wrote = threading.Event()

    def write(self, text: str) -> int:
        self.wrote.set()
        return super().write(text)


def _logger(handler: logging.Handler, name: str) -> logging.Logger:
    log = logging.getLogger(name)
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log


def test_lines_wait_for_the_buffer_to_fill_then_arrive_in_order() -> None:
    stream = _Stream()
    handler = BatchingStreamHandler(stream, interval=3600, capacity=30)
    log = _logger(handler, "test.logbuffer.capacity")
    log.info("first line")
    assert stream.getvalue() == ""
    log.info("second line")
    log.info("third line")
    assert stream.getvalue() == "first line\nsecond line\nthird line\n"
    log.info("fourth")
    handler.close()
    assert stream.getvalue().endswith("third line\nfourth\n")
    log.removeHandler(handler)


def test_the_timer_writes_what_gathered() -> None:
    stream = _Stream()
    handler = BatchingStreamHandler(stream, interval=0.01)
    log = _logger(handler, "test.logbuffer.timer")
    log.info("a request")
    assert stream.wrote.wait(5)
    assert stream.getvalue() == "a request\n"
    handler.close()
    log.removeHandler(handler)
