"""kmspolicy's exceptions, one tree.

::

    KmsPolicyError
     ├── PolicySyntaxError          policy or grant-constraint text that does not parse or
     │                              does not follow the IAM grammar; carries every Problem
     │                              found, each with line, column and an excerpt
     ├── ScenarioError              a simulate scenario or who-can estate that is malformed
     └── KMSError                   an AWS KMS error: ``code`` is the AWS ``__type``
                                    (NotFoundException, AccessDeniedException, ...)

A deny is never an exception inside the engine: it is a ``Decision`` value. Only the KMS
layer turns a deny into ``KMSError("AccessDeniedException", ...)``. Misuse of the Python API
(wrong argument types) raises ``TypeError`` / ``ValueError`` as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "KMSError",
    "KmsPolicyError",
    "PolicySyntaxError",
    "Problem",
    "ScenarioError",
]


class KmsPolicyError(Exception):
    """Root of every exception kmspolicy raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a piece of policy text, and where.

    ``line`` and ``column`` are 1-based; ``end_line`` / ``end_column`` delimit the offending
    element (end exclusive). ``excerpt`` is the source line with a caret under the column.
    """

    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str = ""
    hint: str = ""

    def render(self, source_name: str = "<policy>") -> str:
        head = f"{source_name}:{self.line}:{self.column}: {self.message}"
        parts = [head]
        if self.excerpt:
            parts.append(self.excerpt)
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n".join(parts)


class PolicySyntaxError(KmsPolicyError, ValueError):
    """Policy text that cannot be turned into IR. Holds one or more ``Problem``\\ s.

    ``line``, ``column`` and ``message`` are those of the first problem, so the common
    case reads naturally; ``problems`` has them all, in source order.
    """

    def __init__(
        self, problems: list[Problem] | tuple[Problem, ...], source_name: str = "<policy>"
    ):
        if not problems:
            raise ValueError("PolicySyntaxError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(
            sorted(problems, key=lambda p: (p.line, p.column))
        )
        self.source_name = source_name
        super().__init__(self.render())

    @property
    def line(self) -> int:
        return self.problems[0].line

    @property
    def column(self) -> int:
        return self.problems[0].column

    @property
    def message(self) -> str:
        return self.problems[0].message

    def render(self) -> str:
        return "\n".join(p.render(self.source_name) for p in self.problems)


class ScenarioError(KmsPolicyError, ValueError):
    """A scenario or estate file that is not what its format says (names the field)."""


class KMSError(KmsPolicyError):
    """An error as AWS KMS reports it: ``code`` is the wire ``__type``."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")
