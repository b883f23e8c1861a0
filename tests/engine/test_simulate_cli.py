"""``kmspolicy simulate``: output contract, exit statuses, positioned errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kmspolicy.cli.simulate import command

EXAMPLES = Path(__file__).parent.parent.parent / "examples" / "scenarios"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_examples_run_with_json_output() -> None:
    examples = sorted(EXAMPLES.glob("*.json"))
    assert len(examples) >= 3
    for path in examples:
        code, out, _ = run(str(path), "--evaluator", "py")
        assert code == 0
        results = json.loads(out)
        for result in results if isinstance(results, list) else [results]:
            assert set(result) == {"decision", "reason", "matched", "explanation"}
            assert result["decision"] in ("Allow", "Deny")
            for matched in result["matched"]:
                assert set(matched) == {"source", "sid", "index", "line"}


def test_minimal_scenario_single_request(tmp_path: Path) -> None:
    scenario = tmp_path / "s.json"
    alice = "arn:aws:iam::111122223333:user/alice"
    scenario.write_text(json.dumps({
        "keyPolicy": {"Version": "2012-10-17", "Statement": [
            {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": alice},
             "Action": "kms:Decrypt", "Resource": "*"}]},
        "request": {"principal": alice, "action": "kms:Decrypt"},
    }))  # fmt: skip
    code, out, _ = run(str(scenario), "--evaluator", "py")
    assert code == 0
    result = json.loads(out)
    assert (result["decision"], result["reason"]) == ("Allow", "Allowed")
    assert result["matched"] == [{"source": "key policy", "sid": "A", "index": 0, "line": 1}]
    code, out, _ = run(str(scenario), "--format", "text", "--evaluator", "py")
    assert code == 0 and out.startswith("Allow (Allowed)\nAllowed\n")


def test_policy_error_reports_position_in_scenario_file(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.json"
    scenario.write_text(
        '{\n  "keyPolicy": {"Version": "2012-10-17", "Statement": [\n'
        '    {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt",\n'
        '     "Resource": "*", "Condition": {"StringEquals": 5}}]},\n'
        '  "request": {"principal": "111122223333", "action": "kms:Decrypt"}\n}\n'
    )
    code, _, err = run(str(scenario))
    assert code == 1
    assert f"{scenario}:4:" in err


def test_scenario_structure_errors(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.json"
    scenario.write_text('{"keyPolicy": {"Statement": []},\n "request": {"principal": "nobody"}}')
    code, _, err = run(str(scenario))
    assert code == 1 and f"{scenario}:2:" in err
    scenario.write_text('{"keyPolicy": {"Statement": []}, "reqest": {}}')
    code, _, err = run(str(scenario))
    assert code == 1 and "unknown scenario field 'reqest'" in err
    scenario.write_text('{"keyPolicy": ')
    code, _, err = run(str(scenario))
    assert code == 1 and f"{scenario}:1:" in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.json"))[0] == 2
    assert run(str(EXAMPLES / "root-delegation.json"), "--format", "xml")[0] == 2
