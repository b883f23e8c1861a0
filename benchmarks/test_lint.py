"""Lint throughput: every policy document of tests/corpus/valid (parse + all rules), read
into memory first so the figure is the linter's, not the disk's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kmspolicy.analysis.linter import lint_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "valid"
FILES = [(p, p.read_bytes()) for p in sorted(CORPUS.glob("*.json"))]


def _lint_all() -> int:
    documents = 0
    for path, data in FILES:
        _, count = lint_text(data, "auto", source_name=path.name, path=path)
        documents += count
    return documents


def test_lint_valid_corpus(benchmark: Any) -> None:
    documents = benchmark(_lint_all)
    assert documents == len(FILES) >= 40
    benchmark.extra_info["documents"] = documents
    benchmark.extra_info["policies_per_second"] = round(documents / benchmark.stats["mean"])
