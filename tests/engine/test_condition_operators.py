"""Operator parsing and comparison on plain values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kmspolicy.engine.operators import (
    OPERATORS,
    OperandError,
    glob_regex,
    parse_date,
    parse_policy_value,
    parse_request_value,
)


def holds(operator: str, request_value: str, policy_value: str) -> bool:
    spec = OPERATORS[operator.lower()]
    assert spec.compare is not None
    return spec.compare(
        parse_request_value(spec, request_value), parse_policy_value(spec, policy_value)
    )


@pytest.mark.parametrize(
    ("operator", "request_value", "policy_value", "expected"),
    [
        ("StringEquals", "a", "a", True),
        ("StringEquals", "A", "a", False),
        ("StringEqualsIgnoreCase", "ÄB", "äb", True),
        ("StringLike", "alias/app-1", "alias/app-*", True),
        ("StringLike", "a\nb", "a*b", True),
        ("StringLike", "ab", "a?b", False),
        ("NumericLessThan", "1e2", "101", True),
        ("NumericGreaterThanEquals", "-1", "-1.0", True),
        ("DateLessThan", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", True),
        ("DateEquals", "1767225600", "2026-01-01T00:00:00Z", True),
        ("DateGreaterThan", "2026-01-02", "2026-01-01T23:59:59Z", True),
        ("Bool", "TRUE", "true", True),
        ("BinaryEquals", "AAE=", "AAE=", True),
        ("IpAddress", "192.0.2.1", "192.0.2.0/24", True),
        ("IpAddress", "::ffff:192.0.2.1", "192.0.2.0/24", False),
        ("IpAddress", "2001:db8::5", "2001:db8::5", True),
        ("ArnLike", "arn:aws:iam::1:role/a/b", "arn:aws:iam::*:role/*", True),
        ("ArnLike", "arn:aws:iam::1:role/a", "arn:aws:iam::*:user/*", False),
        ("ArnEquals", "arn:aws:s3:::b:c", "arn:aws:s3:::b:*", True),
    ],
)
def test_comparisons(operator: str, request_value: str, policy_value: str, expected: bool) -> None:
    assert holds(operator, request_value, policy_value) is expected


@pytest.mark.parametrize(
    ("operator", "policy_value"),
    [
        ("NumericEquals", "ten"),
        ("NumericEquals", "NaN"),
        ("DateEquals", "yesterday"),
        ("Bool", "yes"),
        ("BinaryEquals", "%%%"),
        ("IpAddress", "10.0.0.0/40"),
        ("ArnLike", "not-an-arn"),
        ("ArnLike", "arn:aws:*:role/a"),
        ("Null", "maybe"),
    ],
)
def test_bad_policy_values(operator: str, policy_value: str) -> None:
    with pytest.raises(OperandError):
        parse_policy_value(OPERATORS[operator.lower()], policy_value)


def test_every_iam_operator_is_known() -> None:
    names = {spec.name for spec in OPERATORS.values()}
    assert len(names) == 27
    assert {n for n in names if OPERATORS[n.lower()].negated} == {
        "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals",
        "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike",
    }  # fmt: skip


def test_glob_pieces_keep_substituted_text_literal() -> None:
    pattern = glob_regex((("x", False), ("*", False), ("/*", True)))
    assert pattern.fullmatch("x*/anything")
    assert not pattern.fullmatch("xy/anything")


def test_number_and_date_parsing() -> None:
    assert parse_policy_value(OPERATORS["numericequals"], "  2.50 ") == Decimal("2.5")
    assert parse_date("2026-01-01T00:00:00+01:00") == parse_date("2025-12-31T23:00:00Z")
