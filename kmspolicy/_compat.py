"""Chooses the compiled evaluator or the pure-Python one.

``KMSPOLICY_NO_EXTENSIONS=1`` forces the pure path. A missing or broken extension falls
back to it with a warning, never silently: tests check the compiled module is loaded.
"""

from __future__ import annotations

import os
import platform
import warnings

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
