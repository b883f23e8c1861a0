"""``kmspolicy parse``: IR as JSON, positioned errors, exit statuses 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kmspolicy.cli import main

KEY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": {
            "Effect": "Allow",
            "Principal": {"AWS": "111122223333"},
            "Action": "kms:*",
            "Resource": "*",
        },
    }
)
IDENTITY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"},
    }
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["parse", *args])
    return result.exit_code, result.stdout, result.stderr


def test_one_file_prints_its_ir(tmp_path: Path) -> None:
    path = tmp_path / "key-default.json"
    path.write_text(KEY)
    code, out, _ = run(str(path))
    assert code == 0
    ir = json.loads(out)
    assert ir["kind"] == "key" and ir["source"] == str(path)
    assert (
        ir["statements"][0]["principal"]["entries"][0]["canonical"]
        == "arn:aws:iam::111122223333:root"
    )


def test_kind_from_file_name_prefix_and_several_files(tmp_path: Path) -> None:
    (tmp_path / "identity-a.json").write_text(IDENTITY)
    (tmp_path / "grant-b.json").write_text('{"EncryptionContextSubset": {"dept": "it"}}')
    (tmp_path / "other.json").write_text(KEY)
    code, out, _ = run(
        *(str(tmp_path / n) for n in ("identity-a.json", "grant-b.json", "other.json"))
    )
    assert code == 0
    kinds = [r["kind"] for r in json.loads(out)]
    assert kinds == ["identity", "grant-constraints", "key"]


def test_explicit_kind_wins(tmp_path: Path) -> None:
    path = tmp_path / "key-x.json"
    path.write_text(IDENTITY)
    assert run(str(path))[0] == 1  # a key policy needs a Principal
    assert run("--kind", "identity", str(path))[0] == 0


def test_problems_are_printed_with_positions_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "Statement": [\n    {"Effect": "allow", "Principal": "*"},\n  ]\n}\n')
    code, out, err = run(str(path))
    assert code == 1 and out == ""
    assert f"{path}:3:42: trailing comma" in err


def test_unreadable_file_and_bad_usage_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.json"))[0] == 2
    assert run(str(tmp_path))[0] == 2  # a directory
    assert run("--kind", "bucket", str(tmp_path))[0] == 2
    assert run()[0] == 2
