"""Chooses the compiled modules (kmspolicy/_fast) or their pure-Python twins.

``KMSPOLICY_NO_EXTENSIONS=1`` forces the pure path. A missing or broken extension falls
back to it with a warning, never silently: tests check the compiled modules are loaded.
"""

from __future__ import annotations

import importlib
import os
import platform
import warnings
from typing import TypeVar

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
