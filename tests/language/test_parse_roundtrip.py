"""Round trip: generated IR → AWS JSON (any layout, brackets or not) → parse → same IR."""

from __future__ import annotations

import dataclasses
import json
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kmspolicy.language import parse_arn, parse_policy, render_policy
from kmspolicy.language.ir import (
    NO_SPAN,
    Condition,
    Effect,
    Literal,
    PolicyDocument,
    PolicyKind,
    Principal,
    PrincipalEntry,
    PrincipalType,
    SetQualifier,
    Span,
    Statement,
    Value,
)
from kmspolicy.language.operators import BASE_OPERATORS


def strip_spans(obj: Any) -> Any:
    """The same IR with every Span replaced by NO_SPAN."""
    if isinstance(obj, Span):
        return NO_SPAN
    if isinstance(obj, tuple):
        return tuple(strip_spans(x) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: strip_spans(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


def literal(text: str) -> Value:
    return Value(raw=text, text=text, parts=(Literal(text),), span=NO_SPAN)


_safe_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="$"), max_size=12
)
_names = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=10
)
actions = st.one_of(
    st.just("*"), st.builds(lambda s, a: f"{s}:{a}", st.sampled_from(["kms", "s3"]), _names)
)
resources = st.one_of(
    st.just("*"), st.builds(lambda k: f"arn:aws:kms:us-east-1:111122223333:key/{k}", _names)
)
scalar_values = st.one_of(
    _safe_text.map(literal),
    st.integers(-(10**6), 10**6).map(
        lambda n: Value(raw=n, text=str(n), parts=(Literal(str(n)),), span=NO_SPAN)
    ),
    st.booleans().map(
        lambda b: Value(
            raw=b,
            text="true" if b else "false",
            parts=(Literal("true" if b else "false"),),
            span=NO_SPAN,
        )
    ),
)


@st.composite
def conditions(draw: st.DrawFn) -> tuple[Condition, ...]:
    out = []
    seen: set[tuple[str, str]] = set()
    for _ in range(draw(st.integers(0, 3))):
        base = draw(st.sampled_from(BASE_OPERATORS))
        qualifier = draw(
            st.sampled_from([None, SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE])
        )
        if_exists = base != "Null" and draw(st.booleans())
        text = (
            (f"{qualifier.value}:" if qualifier else "") + base + ("IfExists" if if_exists else "")
        )
        key = "aws:" + draw(_names)
        if (text, key) in seen:
            continue
        seen.add((text, key))
        values = tuple(draw(st.lists(scalar_values, min_size=1, max_size=3)))
        out.append(Condition(base, qualifier, if_exists, key, values, text, NO_SPAN, NO_SPAN))
    # The rendered block groups keys by operator; parsing returns them in that order.
    first = {c.operator_text: i for i, c in reversed(list(enumerate(out)))}
    return tuple(sorted(out, key=lambda c: first[c.operator_text]))


def principal_entries(draw: st.DrawFn) -> Principal:
    if draw(st.booleans()):
        return Principal(anyone=True, entries=(), span=NO_SPAN)
    entries = []
    for kind in draw(
        st.lists(st.sampled_from(list(PrincipalType)), min_size=1, max_size=3, unique=True)
    ):
        for _ in range(draw(st.integers(1, 2))):
            if kind is PrincipalType.AWS:
                account = draw(st.sampled_from(["111122223333", "444455556666"]))
                text = draw(st.sampled_from([account, f"arn:aws:iam::{account}:role/R", "*"]))
                canonical = f"arn:aws:iam::{text}:root" if text.isdigit() else text
            else:
                text = draw(_names) + ".amazonaws.com"
                canonical = text
            entries.append(PrincipalEntry(kind, literal(text), canonical, parse_arn(text)))
    return Principal(anyone=False, entries=tuple(entries), span=NO_SPAN)


@st.composite
def documents(draw: st.DrawFn) -> PolicyDocument:
    count = draw(st.integers(1, 4))
    statements = []
    for index in range(count):
        principal = principal_entries(draw)
        negate = draw(st.booleans())
        as_not_principal = negate and draw(st.booleans())
        acts = tuple(literal(a) for a in draw(st.lists(actions, min_size=1, max_size=3)))
        res = tuple(literal(r) for r in draw(st.lists(resources, min_size=1, max_size=2)))
        statements.append(
            Statement(
                index=index,
                sid=draw(st.one_of(st.none(), _names)),
                effect=draw(st.sampled_from(list(Effect))),
                principal=None if as_not_principal else principal,
                not_principal=principal if as_not_principal else None,
                action=None if negate else acts,
                not_action=acts if negate else None,
                resource=res,
                not_resource=None,
                conditions=draw(conditions()),
                span=NO_SPAN,
            )
        )
    return PolicyDocument(
        version=draw(st.sampled_from(["2012-10-17", "2008-10-17", None])),
        id=draw(st.one_of(st.none(), _names)),
        statements=tuple(statements),
        kind=PolicyKind.KEY,
        span=NO_SPAN,
        statement_is_list=count > 1 or draw(st.booleans()),
    )


def bracket(value: Any, rng: random.Random) -> Any:
    """A single value may be written bare or as a one-element list: pick one at random."""
    return [value] if not isinstance(value, list) and rng.random() < 0.5 else value


def relayout_statement(statement: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = dict(statement)
    for name in ("Action", "NotAction", "Resource", "NotResource"):
        if name in out:
            out[name] = bracket(out[name], rng)
    for name in ("Principal", "NotPrincipal"):
        if isinstance(out.get(name), dict):
            out[name] = {k: bracket(v, rng) for k, v in out[name].items()}
    if "Condition" in out:
        out["Condition"] = {
            op: {k: bracket(v, rng) for k, v in block.items()}
            for op, block in out["Condition"].items()
        }
    return out


def relayout(doc: dict[str, Any], rng: random.Random) -> str:
    statements = doc["Statement"]
    if isinstance(statements, list):
        doc["Statement"] = [relayout_statement(s, rng) for s in statements]
    else:
        doc["Statement"] = relayout_statement(statements, rng)
    indent = rng.choice([None, 0, 2, 4, "\t"])
    separators = rng.choice([(",", ":"), (", ", ": "), (" ,", " : ")])
    return json.dumps(doc, indent=indent, separators=separators, ensure_ascii=rng.random() < 0.5)


@given(documents(), st.randoms(use_true_random=False))
def test_render_then_parse_gives_the_same_ir(doc: PolicyDocument, rng: random.Random) -> None:
    text = relayout(render_policy(doc), rng)
    parsed = parse_policy(text, PolicyKind.KEY)
    assert strip_spans(parsed) == strip_spans(doc)
    assert render_policy(parsed) == render_policy(doc)
