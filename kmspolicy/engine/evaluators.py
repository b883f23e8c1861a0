"""The registry of evaluator implementations, by id: ``"py"`` (reference) and ``"c"``.

An evaluator is a set of functions with the reference module's signatures:
``compile_policy(PolicyDocument) -> compiled`` (its own opaque form, cached by callers per
key and per principal), ``evaluate(PolicySet[compiled], RequestContext) -> Decision`` and
``evaluate_parts(KeyPolicies, CallerPolicies, RequestContext) -> Decision`` (the same
decision without pairing the two halves into a PolicySet first).
The compiled one is registered when ``kmspolicy._compat.USE_EXTENSIONS`` is true, from
``kmspolicy._fast._evaluator``, which exports the same three functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kmspolicy.engine import reference
from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.decision import Decision
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.language.ir import PolicyDocument

__all__ = ["Evaluator", "available_evaluators", "default_evaluator", "get_evaluator"]


@dataclass(frozen=True, slots=True)
class Evaluator:
    id: str
    compile_policy: Callable[[PolicyDocument], Any]
    evaluate: Callable[[PolicySet[Any], RequestContext], Decision]
    evaluate_parts: Callable[[KeyPolicies[Any], CallerPolicies[Any], RequestContext], Decision]


@cache
def available_evaluators() -> dict[str, Evaluator]:
    """The evaluators this installation has, by id. Imported on first use, so importing
    kmspolicy does not load (or warn about) the compiled extension."""
    from kmspolicy import _compat

    found = {
        "py": Evaluator(
            "py", reference.compile_policy, reference.evaluate, reference.evaluate_parts
        )
    }
    if _compat.USE_EXTENSIONS:
        # the compiled twin of engine.reference
        from kmspolicy._fast._evaluator import compile_policy, evaluate, evaluate_parts

        found["c"] = Evaluator("c", compile_policy, evaluate, evaluate_parts)
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
