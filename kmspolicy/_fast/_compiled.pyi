"""Type stub of the compiled policy form (kmspolicy/_fast/_compiled.pyx)."""

from kmspolicy.language.ir import PolicyDocument

class CompiledPolicy:
    """A policy document compiled for the compiled evaluator (immutable)."""

    @property
    def document(self) -> PolicyDocument: ...
    @property
    def statement_count(self) -> int: ...

def compile_policy(document: PolicyDocument) -> CompiledPolicy: ...
