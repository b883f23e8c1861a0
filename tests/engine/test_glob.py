"""The compiled glob matcher agrees with the reference's regular expression."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmspolicy.engine.operators import Pieces, glob_regex

pytestmark = pytest.mark.compiled  # the compiled twin against the reference

# Few letters, so patterns and subjects often share text; characters of 1, 2 and 4 bytes.
TEXT = st.text(alphabet="ab*?:é€😀", max_size=12)
ARN = "arn:aws:kms:us-east-1:111122223333:"
PIECES = st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=3).map(tuple)


def _matches(pieces: Pieces, subject: str) -> bool:
    from kmspolicy._fast._glob import compile_glob

    return compile_glob(pieces).match(subject)


@given(PIECES, st.text(alphabet="ab*?:é€😀", max_size=16))
def test_glob_matches_as_the_reference_regex(pieces: Pieces, subject: str) -> None:
    expected = glob_regex(pieces).fullmatch(subject) is not None
    assert _matches(pieces, subject) == expected


def _described(pieces: Pieces, data: st.DataObject) -> str:
    """A subject the pattern matches: its wildcards filled in with drawn text."""
    subject = ""
    for text, is_pattern in pieces:
        for ch in text:
            if is_pattern and ch == "*":
                subject += data.draw(st.text(alphabet="ab:é😀", max_size=3))
            elif is_pattern and ch == "?":
                subject += data.draw(st.sampled_from("ab:é😀"))
            else:
                subject += ch
    return subject


@given(PIECES, st.data())
def test_glob_matches_what_it_describes(pieces: Pieces, data: st.DataObject) -> None:
    subject = _described(pieces, data)
    assert glob_regex(pieces).fullmatch(subject) is not None
    assert _matches(pieces, subject)


@given(PIECES, st.data())
def test_glob_near_misses_match_as_the_reference(pieces: Pieces, data: st.DataObject) -> None:
    """A described subject with one character replaced, dropped or added."""
    subject = _described(pieces, data)
    at = data.draw(st.integers(0, len(subject)))
    ch = data.draw(st.sampled_from("ab:é😀"))
    edit = data.draw(st.sampled_from(["replace", "drop", "add"]))
    if edit == "add":
        subject = subject[:at] + ch + subject[at:]
    elif at < len(subject):
        subject = subject[:at] + (ch if edit == "replace" else "") + subject[at + 1 :]
    expected = glob_regex(pieces).fullmatch(subject) is not None
    assert _matches(pieces, subject) == expected


@pytest.mark.parametrize(
    ("pattern", "subject", "expected"),
    [
        (
            f"{ARN}key/*",
            f"{ARN}key/k",
            True,
        ),
        (
            f"{ARN}key/*",
            f"{ARN}alias/k",
            False,
        ),
        ("a*b*c", "abc", True),
        ("a*b*c", "ac", False),
        ("a*b", "ac", False),
        ("a*b", "cb", False),
        ("ab*ba", "aba", False),
        ("*.amazonaws.com", "s3.amazonaws.com", True),
        ("é*😀", "é😀", True),
        ("é*😀", "e😀", False),
        ("a?", "a", False),
        ("", "", True),
        ("", "a", False),
    ],
)
def test_glob_examples(pattern: str, subject: str, expected: bool) -> None:
    assert _matches(((pattern, True),), subject) is expected
