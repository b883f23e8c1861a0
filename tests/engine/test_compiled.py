"""The compiled evaluator is the one in use whenever the extension is built."""

from __future__ import annotations

import importlib.machinery
import os

from kmspolicy import _compat
from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.evaluators import available_evaluators, default_evaluator


def test_compiled_evaluator_is_loaded_unless_switched_off() -> None:
    authorizer = Authorizer()
    if os.environ.get("KMSPOLICY_NO_EXTENSIONS"):
        assert not _compat.USE_EXTENSIONS
        assert authorizer.evaluator.id == "py"
        assert set(available_evaluators()) == {"py"}
        return
    # A build without the extension must fail here, not quietly fall back.
    assert _compat.USE_EXTENSIONS, _compat.EXTENSION_ERROR
    from kmspolicy._fast import _evaluator

    assert _evaluator.__file__ is not None
    assert _evaluator.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert authorizer.evaluator.id == "c"
    assert default_evaluator().id == "c"
    assert authorizer.evaluator.evaluate is _evaluator.evaluate
    assert authorizer.evaluator.compile_policy is _evaluator.compile_policy
