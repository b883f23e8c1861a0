"""The scenario corpus: every request of every scenario against every evaluator.

Each file in tests/corpus/scenarios/ is a simulate scenario plus ``"expect"``: one
``{"decision", "reason"}`` per request, derived from the AWS documentation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.evaluators import Evaluator
from kmspolicy.engine.scenario import decision_to_json, load_scenario

CORPUS = Path(__file__).parent.parent / "corpus" / "scenarios"
FILES = sorted(CORPUS.glob("*.json"))


def test_corpus_is_large_enough() -> None:
    expectations = 0
    for path in FILES:
        expect = load_scenario(path.read_text(), source_name=path.name).expect
        expectations += len(expect) if isinstance(expect, list) else 1
    assert expectations >= 150


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_scenario(path: Path, evaluator: Evaluator) -> None:
    scenario = load_scenario(path.read_text(), source_name=path.name)
    expect = scenario.expect if scenario.request_is_list else [scenario.expect]
    assert len(expect) == len(scenario.requests)
    authorizer = Authorizer(evaluator.id)
    policies = authorizer.load(scenario.policies)
    for number, (request, wanted) in enumerate(zip(scenario.requests, expect, strict=True)):
        decision = authorizer.decide(policies, request)
        got = decision_to_json(decision)
        assert {"decision": got["decision"], "reason": got["reason"]} == wanted, (
            f"request {number}: {request.action} by {request.caller.arn}\n{decision.explain()}"
        )
