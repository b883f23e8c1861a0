"""The grammars ship in the wheel as ``kmspolicy.grammar`` and load from there when installed."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from kmspolicy.language._grammar import grammar_location

REPO = Path(__file__).resolve().parents[2]


def test_source_tree_grammar_is_used_in_a_source_checkout() -> None:
    assert Path(str(grammar_location())) == REPO / "grammar"
    assert {p.name for p in (REPO / "grammar").glob("*.lark")} >= {
        "json.lark",
        "variables.lark",
        "arn.lark",
        "operator.lark",
    }


@pytest.mark.slow
def test_installed_wheel_parses_with_its_packaged_grammar(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    env = dict(os.environ, KMSPOLICY_NO_EXTENSIONS="1")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        env=env,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("kmspolicy-*.whl"))
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            str(wheel),
            "lark",
            "interegular",
            "click",
        ],
        check=True,
        capture_output=True,
    )
    script = (
        "import kmspolicy.language as L\n"
        "from kmspolicy.language._grammar import grammar_location\n"
        'doc = L.parse_policy(\'{"Statement": {"Effect": "Allow", "Principal": "*"}}\')\n'
        "assert doc.statements[0].principal.anyone\n"
        "print(grammar_location().joinpath('json.lark'))\n"
    )
    out = subprocess.run(
        [str(python), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.strip()
    assert out.startswith(str(target)) and "site-packages" in out
    assert out.endswith(os.path.join("kmspolicy", "grammar", "json.lark"))
