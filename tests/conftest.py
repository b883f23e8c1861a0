"""Shared fixtures."""

from __future__ import annotations

import os
import warnings

import pytest
from hypothesis import HealthCheck, settings

from kmspolicy.engine.evaluators import Evaluator, get_evaluator

# _compat warns when the compiled extension is missing; the suite reports that in its
# header (below) rather than failing every test at import under filterwarnings=error.
with warnings.catch_warnings(record=True) as _compat_warnings:
    warnings.simplefilter("always")
    from kmspolicy import _compat

# Every evaluator test runs against each implementation: "py" (the reference) always,
# "c" (the compiled twin) whenever the extension is in use — then it must load.
EVALUATOR_IDS = ["py", "c"] if _compat.USE_EXTENSIONS else ["py"]


def pytest_report_header() -> list[str]:
    lines = [f"kmspolicy evaluators under test: {', '.join(EVALUATOR_IDS)}"]
    lines.extend(f"kmspolicy: {w.message}" for w in _compat_warnings)
    return lines


@pytest.fixture(params=EVALUATOR_IDS)
def evaluator(request: pytest.FixtureRequest) -> Evaluator:
    evaluator_id: str = request.param
    return get_evaluator(evaluator_id)


# Hypothesis: "kmspolicy" keeps property and fuzz tests short on 2 cores (the deadline is
# generous, yet catches a hang); KMSPOLICY_FUZZ=1 selects "fuzz" for long runs (make fuzz).
settings.register_profile(
    "kmspolicy", max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=5000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("fuzz" if os.environ.get("KMSPOLICY_FUZZ") else "kmspolicy")
