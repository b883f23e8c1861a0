"""The access log's batching handler: lines arrive in order, on a full buffer, on the
timer, and on close."""

from __future__ import annotations

import io
import logging
import re
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
    handler = BatchingStreamHandler(stream, interval=3600, capacity=3)
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


def test_line_writer_writes_what_logging_writes() -> None:
    stream = _Stream()
    handler = BatchingStreamHandler(stream, interval=3600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    log = _logger(handler, "test.logbuffer.direct")
    write = handler.line_writer(log)
    assert write is not None
    log.info("%s %d %.1fms", "GET /", 200, 1.25)
    write("GET / 200 1.2ms")
    log.info("after")
    handler.flush()
    by_logging, direct, after = stream.getvalue().splitlines()
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} "
    assert re.fullmatch(stamp + r"test\.logbuffer\.direct GET / 200 1\.2ms", by_logging)
    assert re.fullmatch(stamp + r"test\.logbuffer\.direct GET / 200 1\.2ms", direct)
    assert after.endswith("test.logbuffer.direct after")
    assert by_logging[:23] <= direct[:23] <= after[:23]  # in order, stamped when written
    handler.close()
    log.removeHandler(handler)


def test_no_line_writer_where_logging_would_do_more_or_otherwise() -> None:
    handler = BatchingStreamHandler(_Stream(), interval=3600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    log = _logger(handler, "test.logbuffer.not-direct")
    log.propagate = True
    assert handler.line_writer(log) is None  # other handlers up the tree
    log.propagate = False
    log.addFilter(lambda record: True)
    assert handler.line_writer(log) is None  # a filter to run
    log.filters.clear()
    log.setLevel(logging.WARNING)
    assert handler.line_writer(log) is None  # INFO is off
    log.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    assert handler.line_writer(log) is None  # another format
    handler.close()
    log.removeHandler(handler)
