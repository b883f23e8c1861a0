"""Fuzz: whatever the text, the parsers return IR or raise PolicySyntaxError, nothing else.

Hangs are caught by the hypothesis deadline (tests/conftest.py). ``KMSPOLICY_FUZZ=1``
selects the long profile (``make fuzz``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import parse_grant_constraints, parse_policy
from kmspolicy.language.ir import PolicyKind

VALID = Path(__file__).resolve().parents[1] / "corpus" / "valid"
# Seeds: valid policies of each kind (the corpus files, mutated below).
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(VALID.glob("*.json"))[::6]]
JSONISH = st.sampled_from(
    [*list('{}[]:,"\\ \n\t$*?'), "${", "true", "null", "1e9", "Effect", "Allow", "é", "中"]
)


def parse_any(text: str | bytes, kind: PolicyKind) -> None:
    try:
        parse_policy(text, kind)
    except PolicySyntaxError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)
        exc.render()


@pytest.mark.fuzz
@given(st.text(max_size=300), st.sampled_from(list(PolicyKind)))
def test_arbitrary_text(text: str, kind: PolicyKind) -> None:
    parse_any(text, kind)


@pytest.mark.fuzz
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data: bytes) -> None:
    parse_any(data, PolicyKind.KEY)
    with contextlib.suppress(PolicySyntaxError):
        parse_grant_constraints(data)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(JSONISH)
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


@pytest.mark.fuzz
@given(mutated(), st.sampled_from(list(PolicyKind)))
def test_mutated_valid_policies(text: str, kind: PolicyKind) -> None:
    parse_any(text, kind)
