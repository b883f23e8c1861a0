"""The policies in force for one request, grouped by how long they can be cached.

* ``KeyPolicies`` — the key policy and the key's grants: one per key, cached per key.
* ``CallerPolicies`` — identity policies, permissions boundary, the SCPs in force on the
  caller's account and the session policy: cached per principal (and session).
* ``PolicySet`` — the pair the evaluator is given.

The document type ``P`` is whatever the evaluator compiled the IR into (the reference
evaluator uses the IR ``PolicyDocument`` itself); ``Authorizer`` does the compiling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kmspolicy.engine.grants import GrantTable

__all__ = ["CallerPolicies", "KeyPolicies", "PolicySet"]

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class KeyPolicies(Generic[P]):
    key_policy: P
    grants: GrantTable = field(default_factory=GrantTable)


@dataclass(frozen=True, slots=True)
class CallerPolicies(Generic[P]):
    """``scps`` are the SCPs in force on the caller's account (empty: none apply)."""

    identity_policies: tuple[P, ...] = ()
    permissions_boundary: P | None = None
    scps: tuple[P, ...] = ()
    session_policy: P | None = None


@dataclass(frozen=True, slots=True)
class PolicySet(Generic[P]):
    key: KeyPolicies[P]
    caller: CallerPolicies[P] = field(default_factory=CallerPolicies)
