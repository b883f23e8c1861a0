"""Type stub of the compiled evaluator (kmspolicy/_fast/_evaluator.pyx)."""

from kmspolicy._fast._compiled import CompiledPolicy
from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.decision import Decision
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.language.ir import PolicyDocument

__all__ = ["compile_policy", "evaluate", "evaluate_parts"]

def compile_policy(document: PolicyDocument) -> CompiledPolicy: ...
def evaluate(policies: PolicySet[CompiledPolicy], ctx: RequestContext) -> Decision: ...
def evaluate_parts(
    key: KeyPolicies[CompiledPolicy], caller: CallerPolicies[CompiledPolicy], ctx: RequestContext
) -> Decision: ...
