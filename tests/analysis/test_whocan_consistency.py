"""Who-can agrees with the engine: concrete requests sampled from each report row (and
from each combination the report leaves out) are decided by each evaluator (the
``evaluator`` fixture: the reference one and the compiled one).

* an "allowed" row: requests spread over every value the policies test are all allowed;
* a "conditional" row: a request meeting the conditions is allowed, one violating them
  is denied;
* a combination with no row: requests spread over the policies' values are all denied
  (for subjects whose IAM policies are unknown, with and without an identity allow).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kmspolicy.analysis.whocan import load_estate, who_can
from kmspolicy.analysis.whocan.analyse import REPORT_MASK
from kmspolicy.analysis.whocan.estate import Estate, EstateKey
from kmspolicy.analysis.whocan.formula import Atom, BoundaryAtom, IdentityAtom
from kmspolicy.analysis.whocan.partial import action_bits
from kmspolicy.analysis.whocan.subjects import Subject, SubjectKind, subjects_of
from kmspolicy.analysis.whocan.witness import (
    Example,
    all_examples,
    condition_atoms,
    examples,
)
from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.evaluators import Evaluator
from kmspolicy.language.catalogue import ACTIONS

ROOT = Path(__file__).parent.parent.parent
ESTATES = [ROOT / "examples" / "estate", *sorted((ROOT / "tests/corpus/estates").iterdir())]
SAMPLES = 40  # requests per allowed row / denied combination


def policy_atoms(estate: Estate, key: EstateKey, subject: Subject, action: str) -> list[Atom]:
    documents = [key.policy.document, *(p.document for p in estate.scps_for(subject.account))]
    if subject.principal is not None:
        documents += [p.document for p in subject.principal.policies]
        if subject.principal.boundary is not None:
            documents.append(subject.principal.boundary.document)
    found: list[Atom] = list(condition_atoms(documents))
    if not subject.iam_known:
        who = "x"
        found += [IdentityAtom(who, action), BoundaryAtom(who, action)]
    return found


@pytest.mark.parametrize("path", ESTATES, ids=lambda p: p.name)
def test_report_agrees_with_the_engine(path: Path, evaluator: Evaluator) -> None:
    authorizer = Authorizer(evaluator.id)

    def decide(example: Example) -> bool:
        policies = authorizer.load(example.policies)
        return authorizer.decide(policies, example.request).allowed

    estate = load_estate(path)
    report = who_can(estate)
    keys = {k.arn: k for k in estate.keys}
    subjects = {s.label: s for s in subjects_of(estate)}
    rows = {(r.key, r.principal, r.action): r for r in report.rows}
    assert rows, "the estate should give some access"
    for row in report.rows:
        key, subject = keys[row.key], subjects[row.principal]
        where = f"{row.principal} {row.action} on {row.key}"
        if row.access == "allowed":
            atoms = policy_atoms(estate, key, subject, row.action)
            for example in itertools.islice(
                all_examples(estate, key, subject, row.action, atoms), SAMPLES
            ):
                assert decide(example), f"allowed row denied: {where} {example.request}"
            continue
        meets, fails = examples(estate, key, subject, row.action, row.formula)
        assert meets is not None, f"no request meets the conditions of {where}: {row.conditions}"
        assert decide(meets), f"conditions met but denied: {where} {meets.request}"
        assert fails is not None, f"no request violates the conditions of {where}"
        assert not decide(fails), f"conditions violated but allowed: {where} {fails.request}"
    for key, subject in itertools.product(estate.keys, subjects.values()):
        if subject.kind is SubjectKind.UNDESCRIBED:
            continue  # reported on the keys that name it; "account:ID" speaks for the rest
        for bit in action_bits(REPORT_MASK):
            action = ACTIONS[bit].action
            if (key.arn, subject.label, action) in rows:
                continue
            atoms = policy_atoms(estate, key, subject, action)
            for example in itertools.islice(
                all_examples(estate, key, subject, action, atoms), SAMPLES
            ):
                assert not decide(example), (
                    f"no row but allowed: {subject.label} {action} on {key.arn} {example.request}"
                )
