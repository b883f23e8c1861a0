"""The valid-policy corpus and the showcase examples, against the catalogue and the
rules of each policy kind.

Every file in tests/corpus/valid is a policy AWS accepts; its name says its kind. These
checks keep the corpus honest (resource policies name principals, identity-side ones
never do) and keep the catalogue complete (every KMS action pattern and condition key the
AWS examples use is one the catalogue knows).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kmspolicy.language.catalogue import lookup_condition_key, match_actions

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "corpus" / "valid").glob("*.json"))
EXAMPLES = sorted((ROOT / "examples" / "policies").glob("*.json"))
KINDS = ("key", "identity", "scp", "boundary", "session", "grant")


def _kind(path: Path) -> str:
    return path.name.split("-", 1)[0]


def _statements(doc: dict[str, Any]) -> list[dict[str, Any]]:
    stmt = doc["Statement"]
    return stmt if isinstance(stmt, list) else [stmt]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _policies() -> list[Path]:
    return [p for p in FILES if _kind(p) != "grant"] + EXAMPLES


def test_corpus_is_large_and_covers_every_kind() -> None:
    assert len(FILES) >= 40
    assert {_kind(p) for p in FILES} == set(KINDS)


def test_examples_are_a_handful_of_policies_named_by_kind() -> None:
    assert 4 <= len(EXAMPLES) <= 6
    assert {_kind(p) for p in EXAMPLES} <= {"key", "identity", "scp"}


@pytest.mark.parametrize("path", FILES + EXAMPLES, ids=lambda p: p.name)
def test_file_is_json_of_a_known_kind(path: Path) -> None:
    assert _kind(path) in KINDS
    assert isinstance(json.loads(path.read_text()), dict)


@pytest.mark.parametrize("path", _policies(), ids=lambda p: p.name)
def test_policy_shape_matches_its_kind(path: Path) -> None:
    doc = json.loads(path.read_text())
    assert doc.get("Version") in ("2012-10-17", "2008-10-17")
    resource_policy = _kind(path) == "key"
    for stmt in _statements(doc):
        assert stmt["Effect"] in ("Allow", "Deny")
        has_principal = "Principal" in stmt or "NotPrincipal" in stmt
        assert has_principal is resource_policy, stmt
        assert ("Action" in stmt) != ("NotAction" in stmt)
        assert ("Resource" in stmt) != ("NotResource" in stmt)
    if not resource_policy:
        assert "Id" not in doc


@pytest.mark.parametrize("path", _policies(), ids=lambda p: p.name)
def test_every_kms_action_pattern_matches_a_catalogued_action(path: Path) -> None:
    for stmt in _statements(json.loads(path.read_text())):
        for pattern in _as_list(stmt.get("Action", stmt.get("NotAction"))):
            if pattern.lower().startswith("kms:"):
                assert match_actions(pattern), f"{pattern} matches no KMS action"


@pytest.mark.parametrize("path", _policies(), ids=lambda p: p.name)
def test_every_condition_key_is_catalogued(path: Path) -> None:
    for stmt in _statements(json.loads(path.read_text())):
        for block in stmt.get("Condition", {}).values():
            for key in block:
                assert lookup_condition_key(key) is not None, key


@pytest.mark.parametrize("path", [p for p in FILES if _kind(p) == "grant"], ids=lambda p: p.name)
def test_grant_constraints_shape(path: Path) -> None:
    doc = json.loads(path.read_text())
    assert set(doc) <= {"EncryptionContextSubset", "EncryptionContextEquals"}
    assert doc
    for pairs in doc.values():
        assert pairs and all(isinstance(v, str) for v in pairs.values())
