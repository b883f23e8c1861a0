"""Loading the Lark grammars shipped as ``kmspolicy.grammar``.

In a wheel the top-level ``grammar/`` folder is the package ``kmspolicy.grammar``. In a
source or editable install the ``kmspolicy`` folder shadows that mapping, so the files are
read from ``<repo>/grammar/`` instead. ``grammar_location()`` says which copy is in use.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from lark import Lark

__all__ = ["build_parser", "grammar_location", "grammar_text"]

_SOURCE_TREE = Path(__file__).resolve().parents[2] / "grammar"


@cache
def grammar_location() -> Traversable:
    """The folder the grammars are read from (package data first, then the source tree)."""
    try:
        folder = importlib.resources.files("kmspolicy.grammar")
    except ModuleNotFoundError:
        folder = _SOURCE_TREE
    if not folder.joinpath("json.lark").is_file():
        folder = _SOURCE_TREE
    if not folder.joinpath("json.lark").is_file():
        raise RuntimeError(
            "kmspolicy grammars not found: neither the kmspolicy.grammar package nor "
            f"{_SOURCE_TREE} holds json.lark"
        )
    return folder


def grammar_text(name: str) -> str:
    return grammar_location().joinpath(f"{name}.lark").read_text(encoding="utf-8")


def build_parser(name: str, **options: Any) -> Lark:
    """An LALR parser for ``grammar/<name>.lark``; strict (no conflicts, no colliding
    terminals) and cached, since grammar analysis dominates start-up time."""
    return Lark(
        grammar_text(name),
        parser="lalr",
        strict=True,
        cache=True,
        maybe_placeholders=True,
        **options,
    )
