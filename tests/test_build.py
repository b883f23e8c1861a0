"""The request path's modules run as their compiled builds (kmspolicy/_build.py), built
from their current source, unless extensions are switched off; then they run from source."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kmspolicy import _compat
from kmspolicy._build import COMPILED_SOURCES

ROOT = Path(__file__).resolve().parents[1]
COMPILED = tuple(sorted(_compat.COMPILED_MODULES))


def test_the_list_names_existing_modules() -> None:
    assert COMPILED_SOURCES, "nothing to compile"
    for source in COMPILED_SOURCES:
        assert (ROOT / source).is_file(), source
    assert len(_compat.COMPILED_MODULES) == len(COMPILED_SOURCES)


@pytest.mark.parametrize("name", COMPILED)
def test_each_module_loads_as_the_mode_says(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    if not _compat.USE_EXTENSIONS:
        assert module.__file__.endswith(".py"), module.__file__
        return
    # a build without the compiled module must fail here, not quietly run the source
    assert module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), module.__file__
    source = Path(module.__file__).with_name(name.rpartition(".")[2] + ".py")
    assert os.path.getmtime(module.__file__) >= os.path.getmtime(source), (
        f"{module.__file__} is older than {source.name}: rebuild (make setup)"
    )


def test_switching_extensions_off_loads_every_module_from_source() -> None:
    code = (
        "import importlib, sys\n"
        f"names = {COMPILED!r}\n"
        "files = [importlib.import_module(n).__file__ for n in names]\n"
        "print('\\n'.join(files))\n"
    )
    env = {**os.environ, "KMSPOLICY_NO_EXTENSIONS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(out) == len(COMPILED)
    assert all(path.endswith(".py") for path in out), out
