"""Grants as the engine sees them, and the per-key grant table.

A grant allows; it never denies. The table indexes a key's grants by grantee principal, so
finding the grants that could apply to a caller costs the same with 5 grants or 50 000.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kmspolicy.language.ir import GrantConstraints

__all__ = ["SYMMETRIC_CRYPTO_OPERATIONS", "Grant", "GrantTable", "constraints_met"]

# The operations a grant's encryption-context constraints apply to (lowercased); for the
# other grant operations (DescribeKey, RetireGrant, Sign…) constraints are ignored.
SYMMETRIC_CRYPTO_OPERATIONS = frozenset(
    {
        "encrypt",
        "decrypt",
        "reencryptfrom",
        "reencryptto",
        "generatedatakey",
        "generatedatakeywithoutplaintext",
        "generatedatakeypair",
        "generatedatakeypairwithoutplaintext",
        "creategrant",
    }
)


@dataclass(frozen=True, slots=True)
class Grant:
    """One grant on one key.

    ``operations`` are grant operation names (``"Decrypt"``); ``pending`` marks a grant
    that has not reached eventual consistency yet: only a request carrying ``token`` (the
    grant token CreateGrant returned) can use it.
    """

    grant_id: str
    grantee_principal: str
    operations: tuple[str, ...]
    name: str | None = None
    retiring_principal: str | None = None
    constraints: GrantConstraints | None = None
    token: str | None = None
    pending: bool = False
    operation_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "operation_set", frozenset(op.lower() for op in self.operations))


def constraints_met(
    constraints: GrantConstraints | None, context: tuple[tuple[str, str], ...]
) -> bool:
    """Whether a request's encryption context satisfies a grant's constraints.

    Context keys compare case-insensitively, values case-sensitively. Subset: every
    constraint pair is in the request context. Equals: the request context is exactly the
    constraint pairs.
    """
    if constraints is None:
        return True
    request: dict[str, str] = {}
    for key, value in context:
        if key.lower() in request:  # two keys differing only in case: cannot match either
            return False
        request[key.lower()] = value
    subset = constraints.encryption_context_subset
    if subset is not None and any(request.get(k.lower()) != v for k, v in subset):
        return False
    equals = constraints.encryption_context_equals
    if equals is not None:
        wanted = {k.lower(): v for k, v in equals}
        if wanted != request:
            return False
    return True


class GrantTable:
    """The grants of one key, indexed by grantee principal (exact ARN).

    ``by_grantee`` maps each grantee to its grants in table order; it is read-only by
    convention (the compiled evaluator reads it directly, without a method call).
    """

    __slots__ = ("by_grantee", "grants")

    def __init__(self, grants: Iterable[Grant] = ()) -> None:
        self.grants: tuple[Grant, ...] = tuple(grants)
        index: dict[str, list[Grant]] = {}
        for grant in self.grants:
            index.setdefault(grant.grantee_principal, []).append(grant)
        self.by_grantee: dict[str, tuple[Grant, ...]] = {k: tuple(v) for k, v in index.items()}

    def for_grantee(self, principal: str) -> tuple[Grant, ...]:
        """The grants whose grantee is exactly ``principal``, in table order."""
        return self.by_grantee.get(principal, ())

    def __len__(self) -> int:
        return len(self.grants)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GrantTable) and self.grants == other.grants

    def __hash__(self) -> int:
        return hash(self.grants)

    def __repr__(self) -> str:
        return f"GrantTable({len(self.grants)} grants)"
