"""The writer's chain step: ``chain_reference`` (the specification) and its compiled twin
give the same lines, seq, hash and errors; each line states the hash of its own body."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmspolicy import _compat
from kmspolicy.kms import audit
from kmspolicy.kms.audit import GENESIS, chain_reference

Chain = Callable[[list[bytes], int, str], tuple[bytes, int, str]]
CHAINS: dict[str, Chain] = {"py": chain_reference}
if _compat.USE_EXTENSIONS:
    from kmspolicy._fast._audit import chain as compiled

    CHAINS["c"] = compiled

PREV = hashlib.sha256(b"before").hexdigest()


@pytest.fixture(params=sorted(CHAINS))
def chain(request: pytest.FixtureRequest) -> Chain:
    return CHAINS[request.param]


def test_the_log_uses_the_compiled_twin_when_extensions_are_in_use() -> None:
    assert audit.chain is CHAINS["c" if _compat.USE_EXTENSIONS else "py"]


def test_lines_link_and_state_their_own_hash(chain: Chain) -> None:
    events = [b'{"eventName":"Encrypt","n":%d}' % n for n in range(3)] + [b'{"x":"\xc3\xa9"}']
    data, seq, last = chain(events, 41, PREV)
    lines = data.split(b"\n")
    assert lines.pop() == b""
    prev = PREV
    for n, (line, event) in enumerate(zip(lines, events, strict=True), start=42):
        record = json.loads(line)
        body = b'{"seq":%d,"prevHash":"%s",%s' % (n, prev.encode(), event[1:])
        assert line == b'{"hash":"%s",%s' % (record["hash"].encode(), body[1:])
        assert record["hash"] == hashlib.sha256(body).hexdigest()
        prev = record["hash"]
    assert (seq, last) == (45, prev)


def test_an_empty_batch_leaves_the_chain_where_it_was(chain: Chain) -> None:
    assert chain([], 7, PREV) == (b"", 7, PREV)
    assert chain([], 0, GENESIS) == (b"", 0, GENESIS)


@pytest.mark.parametrize(
    ("batch", "seq", "prev", "error", "message"),
    [
        ([b"{}"], 0, "abc", ValueError, "the previous hash must be 64 hex digits"),
        ([b"{}"], 0, PREV.upper(), ValueError, "the previous hash must be 64 hex digits"),
        ([b"{}"], 0, "é" * 64, UnicodeEncodeError, "ascii"),
        ([b"{}"], -1, PREV, OverflowError, "seq -1 is out of the chain's range"),
        ([b"{}"], (1 << 62), PREV, OverflowError, "out of the chain's range"),
        ([b"{}", "{}"], 0, PREV, TypeError, "audit records are bytes, not str"),
        ([bytearray(b"{}")], 0, PREV, TypeError, "audit records are bytes, not bytearray"),
    ],
)
def test_bad_input_is_refused(
    chain: Chain, batch: list[bytes], seq: int, prev: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        chain(batch, seq, prev)


@pytest.mark.compiled
@given(
    batch=st.lists(st.binary(max_size=300), max_size=20),
    seq=st.integers(min_value=0, max_value=(1 << 62) - 20),
    prev=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
)
def test_compiled_chain_matches_the_reference(batch: list[bytes], seq: int, prev: str) -> None:
    assert CHAINS["c"](batch, seq, prev) == chain_reference(batch, seq, prev)


@pytest.mark.compiled
@given(
    batch=st.lists(st.one_of(st.binary(max_size=8), st.text(max_size=3)), max_size=4),
    seq=st.integers(min_value=-3, max_value=1 << 63),
    prev=st.text(max_size=70) | st.sampled_from([PREV, GENESIS]),
)
def test_compiled_chain_refuses_what_the_reference_refuses(
    batch: list[bytes], seq: int, prev: str
) -> None:
    def outcome(chain: Chain) -> object:
        try:
            return chain(batch, seq, prev)
        except (ValueError, OverflowError, TypeError) as exc:
            return type(exc), str(exc)

    assert outcome(CHAINS["c"]) == outcome(chain_reference)
