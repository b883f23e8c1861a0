"""What the engine answers: a ``Decision`` value, and the ``Permit`` capability.

A decision is never an exception. Both evaluators (the reference one and the compiled one)
return equal ``Decision`` values for equal inputs; the differential tests compare them field
by field, so everything here is plain, comparable data. Human-readable explanations are
rendered from that data, never produced by an evaluator.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kmspolicy.language.ir import Span

__all__ = ["Decision", "Outcome", "Permit", "Reason", "SourceKind"]


class Outcome(StrEnum):
    ALLOW = "Allow"
    EXPLICIT_DENY = "ExplicitDeny"
    IMPLICIT_DENY = "ImplicitDeny"


class SourceKind(StrEnum):
    """Where a reason comes from."""

    KEY_POLICY = "key policy"
    IDENTITY_POLICY = "identity policy"
    SCP = "scp"
    PERMISSIONS_BOUNDARY = "permissions boundary"
    SESSION_POLICY = "session policy"
    GRANT = "grant"
    ENGINE = "engine"  # a fact about the request itself (e.g. what was missing)


@dataclass(frozen=True, slots=True)
class Reason:
    """One policy statement or grant that took part in the decision, or one missing piece.

    ``source`` names the document (``"key policy"``, ``"identity policy 2"``, ``"grant g1"``);
    ``position`` is the 0-based index of the document among its kind (identity policy 0, 1…)
    or None; ``index`` is the statement's 0-based index (None for grants and engine notes);
    ``effect`` is ``"Allow"``, ``"Deny"`` or ``"Missing"``.
    """

    kind: SourceKind
    source: str
    effect: str
    sid: str | None = None
    index: int | None = None
    span: Span | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    effect: Outcome
    reasons: tuple[Reason, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return self.effect is Outcome.ALLOW

    def explain(self) -> str:
        """A plain-words account of the decision, built only from its data."""
        if self.effect is Outcome.ALLOW:
            head = "Allowed"
        elif self.effect is Outcome.EXPLICIT_DENY:
            head = "Denied by an explicit Deny"
        else:
            head = "Denied: nothing allows this request (implicit deny)"
        lines = [head]
        for r in self.reasons:
            where = r.source
            if r.index is not None:
                where += f" statement {r.index}"
                if r.sid:
                    where += f" (Sid {r.sid!r})"
            if r.span is not None and r.span.line:
                where += f" at line {r.span.line}"
            lines.append(f"  - {r.effect}: {where}" + (f": {r.detail}" if r.detail else ""))
        lines.extend(f"  ! {e}" for e in self.errors)
        return "\n".join(lines)


_MINT = object()


class Permit:
    """Proof that the authorizer allowed ``action`` for ``principal`` on ``resource``.

    The crypto layer's entry points take a Permit and check it names the operation they
    run, so no code path reaches key material without an Allow. Only the authorizer can
    make one (it holds the module-private minting token).
    """

    __slots__ = ("action", "decision", "principal", "resource")

    def __init__(
        self, decision: Decision, action: str, principal: str, resource: str, *, _token: object
    ):
        if _token is not _MINT:
            raise TypeError("a Permit is minted only by the authorizer")
        if not decision.allowed:
            raise ValueError("a Permit needs an Allow decision")
        self.decision = decision
        self.action = action
        self.principal = principal
        self.resource = resource

    def require(self, action: str, resource: str) -> None:
        """Raise unless this permit covers ``action`` on ``resource``."""
        if self.action != action or self.resource != resource:
            raise PermissionError(
                f"permit for {self.action} on {self.resource} does not cover {action} on {resource}"
            )


def mint_permit(decision: Decision, action: str, principal: str, resource: str) -> Permit:
    """For the authorizer only."""
    return Permit(decision, action, principal, resource, _token=_MINT)
