"""Who-can reports: known answers for the corpus estates, the JSON contract, queries,
estate loading errors with positions, and the residual-condition algebra."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kmspolicy.analysis.whocan import load_estate, report_to_json, who_can
from kmspolicy.analysis.whocan.analyse import SelectionError
from kmspolicy.analysis.whocan.formula import IdentityAtom, TokenAtom, conj, disj, neg, render
from kmspolicy.errors import PolicySyntaxError, ScenarioError

ROOT = Path(__file__).parent.parent.parent
CORPUS = ROOT / "tests" / "corpus" / "estates"
EXAMPLE = ROOT / "examples" / "estate"
ALICE = "arn:aws:iam::111122223333:user/alice"
APP_DATA = "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-11aa-11aa-11aa-111111111111"


@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda p: p.name)
def test_corpus_estates_give_the_known_answers(path: Path) -> None:
    expected = json.loads((path / "expected.json").read_text())
    report = who_can(load_estate(path))
    for principal, actions in expected["access"].items():
        got = {
            r.action: "allowed" if r.access == "allowed" else r.conditions
            for r in report.rows
            if r.principal == principal
        }
        assert got == actions, principal
    findings = sorted([f.issue_code, dict(f.attributes)["principal"]] for f in report.findings)
    assert findings == expected["findings"]


def test_json_output_follows_the_contract() -> None:
    data = report_to_json(who_can(load_estate(EXAMPLE)))
    assert set(data) == {"access", "findings"}
    for row in data["access"]:
        assert set(row) == {"key", "principal", "action", "access", "conditions", "via"}
        assert row["access"] in ("allowed", "conditional")
        assert (row["access"] == "allowed") == (row["conditions"] == [])
        assert row["via"], row
    codes = {f["issueCode"] for f in data["findings"]}
    assert {"PUBLIC_KEY", "CROSS_ACCOUNT", "CAN_CHANGE_POLICY", "CAN_CREATE_GRANTS"} <= codes
    for finding in data["findings"]:
        assert {"issueCode", "key", "principal", "message"} <= set(finding)
    json.dumps(data)


def test_every_principal_gets_its_own_rows_from_account_statements() -> None:
    report = who_can(load_estate(EXAMPLE), keys=[APP_DATA])
    alice = {r.action: r for r in report.rows if r.principal == ALICE}
    # The key policy only names the account; alice's ABAC policy matches the key's tag.
    assert set(alice) == {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"}
    assert all(r.access == "allowed" for r in alice.values())
    assert "key policy statement 0 (Sid Enable IAM User Permissions)" in alice["kms:Decrypt"].via


def test_encryption_context_condition_is_stated() -> None:
    report = who_can(
        load_estate(EXAMPLE),
        principals=["arn:aws:iam::111122223333:role/app"],
        keys=["alias/app-data"],
    )
    rows = {r.action: r for r in report.rows}
    # The boundary allows Encrypt and Decrypt only; the key policy needs the finance context.
    assert set(rows) == {"kms:Encrypt", "kms:Decrypt"}
    assert rows["kms:Decrypt"].conditions == ["kms:EncryptionContext:dept = finance"]


def test_queries_narrow_the_report() -> None:
    estate = load_estate(EXAMPLE)
    report = who_can(estate, principals=[ALICE], actions=["kms:Decrypt"])
    assert {(r.principal, r.action) for r in report.rows} == {(ALICE, "kms:Decrypt")}
    assert len(report.rows) == 2  # app-data (allowed) and payroll (needs MFA)
    mfa = next(r for r in report.rows if "3333cccc" in r.key)
    assert mfa.conditions == [
        "aws:MultiFactorAuthPresent is present and aws:MultiFactorAuthPresent != false"
    ]
    by_alias = who_can(estate, keys=["alias/payroll"], actions=["Get*"])
    assert by_alias.rows and all(r.action.startswith("kms:Get") for r in by_alias.rows)
    for bad in (
        {"keys": ["alias/none"]},
        {"principals": ["arn:aws:iam::1:user/x"]},
        {"actions": ["s3:GetObject"]},
    ):
        with pytest.raises(SelectionError):
            who_can(estate, **bad)  # type: ignore[arg-type]


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / "estate"
    shutil.copytree(EXAMPLE, target)
    return target


def test_malformed_json_reports_file_line_and_column(tmp_path: Path) -> None:
    estate = copy_example(tmp_path)
    bad = estate / "principals" / "bob.json"
    bad.write_text('{\n  "arn": "arn:aws:iam::444455556666:user/bob",\n  "tags": {"a" "b"}\n}\n')
    with pytest.raises(PolicySyntaxError) as caught:
        load_estate(estate)
    assert caught.value.source_name == str(bad)
    assert (caught.value.line, caught.value.column) == (3, 16)


def test_bad_embedded_policy_reports_its_position(tmp_path: Path) -> None:
    estate = copy_example(tmp_path)
    path = estate / "scps" / "guardrails.json"
    path.write_text(path.read_text().replace('"Effect": "Allow"', '"Effect": "Allowed"', 1))
    with pytest.raises(PolicySyntaxError) as caught:
        load_estate(estate)
    assert caught.value.source_name == str(path)
    assert caught.value.line == 7


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        (
            "keys/x.json",
            '{"arn": "arn:aws:kms:us-east-1:1:key/k", "policy": {}, "colour": 1}',
            "x.json:1:56: unknown key field 'colour'",
        ),
        ("keys/x.json", '{"policy": {"Statement": []}}', 'x.json:1:1: a key needs "arn"'),
        (
            "keys/x.json",
            '{"arn": "arn:aws:s3:::bucket", "policy": {}}',
            "x.json:1:9: not a KMS key ARN",
        ),
        (
            "principals/x.json",
            '{"arn": "arn:aws:iam::111122223333:root"}',
            "x.json:1:9: a principal file describes an IAM user or role ARN",
        ),
        (
            "scps/x.json",
            '{"accounts": ["12"], "policy": {"Statement": []}}',
            "x.json:1:15: '12' is not a 12-digit AWS account ID",
        ),
        (
            "principals/x.json",
            '{"arn": "arn:aws:iam::444455556666:user/bob"}',
            "user/bob is also described in",
        ),
    ],
)
def test_structure_errors_name_the_place(
    tmp_path: Path, file: str, text: str, message: str
) -> None:
    estate = copy_example(tmp_path)
    (estate / file).write_text(text)
    with pytest.raises(ScenarioError, match=message.replace("(", r"\(")):
        load_estate(estate)


def test_an_estate_needs_keys(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no key files"):
        load_estate(tmp_path)


def test_residual_formulas_simplify_and_read_as_conditions() -> None:
    a, b, c = TokenAtom("a", "t"), TokenAtom("b", "t"), IdentityAtom("x", "kms:Decrypt")
    assert conj(a, True) == a and conj(a, False) is False
    assert disj(a, neg(a)) is True and conj(a, neg(a)) is False
    assert neg(neg(a)) == a
    assert disj(conj(a, b), a) == a  # absorption
    assert disj(conj(a, b), conj(a, c)) == conj(a, disj(b, c))  # common factor
    assert render(conj(a, disj(b, c))) == sorted([a.text, f"{c.text} or {b.text}"])
    assert render(neg(conj(a, b))) == [f"{a.negated_text} or {b.negated_text}"]
