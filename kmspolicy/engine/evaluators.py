"""The registry of evaluator implementations, by id: ``"py"`` (reference) and ``"c"``.

An evaluator is a pair of functions with the reference module's signatures:
``compile_policy(PolicyDocument) -> compiled`` (its own opaque form, cached by callers per
key and per principal) and ``evaluate(PolicySet[compiled], RequestContext) -> Decision``.
The compiled one is registered when ``kmspolicy._compat.USE_EXTENSIONS`` is true, from
``kmspolicy._fast._evaluator``, which exports the same two functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kmspolicy.engine import reference
from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.decision import Decision
from kmspolicy.engine.policyset import PolicySet
from kmspolicy.language.ir import PolicyDocument

__all__ = ["Evaluator", "available_evaluators", "default_evaluator", "get_evaluator"]


@dataclass(frozen=True, slots=True)
class Evaluator:
    id: str
    compile_policy: Callable[[PolicyDocument], Any]
    evaluate: Callable[[PolicySet[Any], RequestContext], Decision]


@cache
def available_evaluators() -> dict[str, Evaluator]:
    """The evaluators this installation has, by id. Imported on first use, so importing
    kmspolicy does not load (or warn about) the compiled extension."""
    from kmspolicy import _compat

    found = {"py": Evaluator("py", reference.compile_policy, reference.evaluate)}
    if _compat.USE_EXTENSIONS:
        # the compiled twin of engine.reference
        from kmspolicy._fast._evaluator import compile_policy, evaluate

        found["c"] = Evaluator("c", compile_policy, evaluate)
    return found


def get_evaluator(evaluator_id: str) -> Evaluator:
    found = available_evaluators()
    try:
        return found[evaluator_id]
    except KeyError:
        raise ValueError(
            f"no evaluator {evaluator_id!r}; available: {', '.join(sorted(found))}"
        ) from None


def default_evaluator() -> Evaluator:
    """The compiled evaluator when it is available, else the reference one."""
    found = available_evaluators()
    return found.get("c", found["py"])
