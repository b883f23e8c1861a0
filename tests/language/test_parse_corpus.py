"""Every valid corpus policy parses; every invalid one fails where its sidecar says.

tests/corpus/valid/*.json: the file-name prefix names the kind (key-, identity-, scp-,
boundary-, session-, grant-). tests/corpus/invalid/NAME.json has NAME.expect.json with
the kind and the line, column and message (a substring) of one of the reported problems.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmspolicy.cli.parse import parse_file
from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language.kinds import kind_from_filename

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
VALID = sorted((CORPUS / "valid").glob("*.json"))
INVALID = sorted(
    p for p in (CORPUS / "invalid").glob("*.json") if not p.name.endswith(".expect.json")
)


def test_corpora_are_present() -> None:
    assert len(VALID) >= 1
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_policy_parses(path: Path) -> None:
    result = parse_file(path.read_bytes(), kind_from_filename(path), path.name)
    if kind_from_filename(path) == "grant-constraints":
        assert result["encryptionContextSubset"] or result["encryptionContextEquals"]
    else:
        assert result["statements"]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_policy_is_reported_where_expected(path: Path) -> None:
    expect = json.loads(path.with_name(path.stem + ".expect.json").read_text())
    with pytest.raises(PolicySyntaxError) as info:
        parse_file(path.read_bytes(), expect["kind"], path.name)
    found = [(p.line, p.column, p.message) for p in info.value.problems]
    assert any(
        (line, column) == (expect["line"], expect["column"]) and expect["message"] in message
        for line, column, message in found
    ), f"expected {expect} among {found}"
    for problem in info.value.problems:
        assert problem.excerpt or problem.line == 1  # every problem shows its source line


def test_every_invalid_document_has_a_sidecar() -> None:
    for path in INVALID:
        assert path.with_name(path.stem + ".expect.json").is_file(), path.name
