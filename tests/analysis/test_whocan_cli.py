"""``kmspolicy who-can``: formats, queries and exit statuses."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from kmspolicy.cli.whocan import command

EXAMPLE = str(Path(__file__).parent.parent.parent / "examples" / "estate")
BOB = "arn:aws:iam::444455556666:user/bob"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_format() -> None:
    code, out, _ = run(EXAMPLE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {r["principal"] for r in data["access"]} >= {BOB, "account:444455556666", "*"}


def test_csv_matches_json_rows() -> None:
    _, out_json, _ = run(EXAMPLE, "--format", "json", "--key", "alias/shared-logs")
    code, out_csv, _ = run(EXAMPLE, "--format", "csv", "--key", "alias/shared-logs")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    expected = json.loads(out_json)["access"]
    assert [(r["principal"], r["action"], r["access"]) for r in rows] == [
        (r["principal"], r["action"], r["access"]) for r in expected
    ]
    anyone = next(r for r in rows if r["principal"] == "*")
    assert "aws:SourceIp in 203.0.113.0/24" in anyone["conditions"].split(" AND ")


def test_html_is_self_contained() -> None:
    code, out, _ = run(EXAMPLE, "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", out)
    assert "<script" not in out
    assert "PUBLIC_KEY" in out and "alias/payroll" in out and BOB in out


def test_text_by_key_and_by_principal() -> None:
    code, out, _ = run(EXAMPLE, "--key", "alias/app-data")
    assert code == 0
    assert "Who can use arn:aws:kms:us-east-1:111122223333:key/1111aaaa" in out
    assert "kms:EncryptionContext:dept = finance" in out
    code, out, _ = run(EXAMPLE, "--principal", BOB)
    assert code == 0
    assert f"What {BOB} can do" in out and "CROSS_ACCOUNT" in out


def test_usage_errors_exit_2() -> None:
    assert run(EXAMPLE, "--key", "alias/missing")[0] == 2
    assert run(EXAMPLE, "--action", "s3:GetObject")[0] == 2
    assert run("/nonexistent/estate")[0] == 2


def test_malformed_estate_exits_1_with_position(tmp_path: Path) -> None:
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "k.json").write_text(
        '{"arn": "arn:aws:kms:us-east-1:111122223333:key/k",\n "policy": [}\n'
    )
    code, _, err = run(str(tmp_path))
    assert code == 1
    assert re.search(r"k\.json:2:\d+: ", err)
