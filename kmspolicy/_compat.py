"""Chooses the compiled modules (kmspolicy/_fast) or their pure-Python twins, and the
compiled builds of the request path's modules (kmspolicy/_build.py) or their source.

``KMSPOLICY_NO_EXTENSIONS=1`` forces the pure path. A missing or broken extension falls
back to it with a warning, never silently: tests check the compiled modules are loaded.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import platform
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TypeVar

from kmspolicy._build import COMPILED_SOURCES

_T = TypeVar("_T")

NO_EXTENSIONS = bool(os.environ.get("KMSPOLICY_NO_EXTENSIONS"))
USE_EXTENSIONS = not NO_EXTENSIONS and platform.python_implementation() == "CPython"
EXTENSION_ERROR: str | None = None

if USE_EXTENSIONS:
    try:
        from kmspolicy._fast import _evaluator  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the build
        USE_EXTENSIONS = False
        EXTENSION_ERROR = str(exc)
        warnings.warn(
            f"kmspolicy: compiled evaluator unavailable ({exc}); using the pure-Python one",
            RuntimeWarning,
            stacklevel=2,
        )


# The modules compiled from their own source, by name (kmspolicy.server.app, ...).
COMPILED_MODULES = frozenset(path[: -len(".py")].replace("/", ".") for path in COMPILED_SOURCES)


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads the modules of COMPILED_MODULES from their .py source, where Python's own
    finder would prefer the compiled build beside it: the pure path."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED_MODULES or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:
            source = os.path.join(folder, f"{leaf}.py")
            if os.path.isfile(source):
                return importlib.util.spec_from_file_location(fullname, source)
        return None


if not USE_EXTENSIONS:
    sys.meta_path.insert(0, _SourceFinder())


def compiled_or(reference: _T, module: str, name: str, what: str) -> _T:
    """``name`` from the compiled module ``kmspolicy._fast.<module>`` when extensions are
    in use, else ``reference`` (its pure-Python twin), with a warning if the module is
    missing."""
    if not USE_EXTENSIONS:
        return reference
    try:
        compiled: _T = getattr(importlib.import_module(f"kmspolicy._fast.{module}"), name)
    except ImportError as exc:  # pragma: no cover - depends on the build
        warnings.warn(
            f"kmspolicy: compiled {what} unavailable ({exc}); using the pure-Python one",
            RuntimeWarning,
            stacklevel=2,
        )
        return reference
    return compiled
