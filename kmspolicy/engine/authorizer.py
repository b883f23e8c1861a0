"""``Authorizer``: compile policies once, then decide many requests and mint Permits.

The KMS layer keeps the compiled parts it gets from ``key_policies`` (per key) and
``caller_policies`` (per principal / session) and hands them to ``decide_parts`` /
``authorize_parts`` per request (or pairs them into a ``PolicySet`` for ``decide`` /
``authorize``), so a decision costs the same however many keys and grants exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from kmspolicy.engine.context import RequestContext, build_context
from kmspolicy.engine.decision import Decision, Permit, mint_permit
from kmspolicy.engine.evaluators import Evaluator, default_evaluator, get_evaluator
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Request
from kmspolicy.language.ir import PolicyDocument

__all__ = ["Authorizer"]


class Authorizer:
    """Decides requests with one evaluator (``"py"``, ``"c"``, or the best available)."""

    __slots__ = ("evaluator",)

    def __init__(self, evaluator: str | None = None) -> None:
        self.evaluator: Evaluator = (
            default_evaluator() if evaluator is None else get_evaluator(evaluator)
        )

    def compile(self, policy: PolicyDocument) -> Any:
        return self.evaluator.compile_policy(policy)

    def key_policies(
        self, key_policy: PolicyDocument, grants: Iterable[Grant] | GrantTable = ()
    ) -> KeyPolicies[Any]:
        table = grants if isinstance(grants, GrantTable) else GrantTable(grants)
        return KeyPolicies(self.compile(key_policy), table)

    def caller_policies(
        self,
        identity_policies: Iterable[PolicyDocument] = (),
        permissions_boundary: PolicyDocument | None = None,
        scps: Iterable[PolicyDocument] = (),
        session_policy: PolicyDocument | None = None,
    ) -> CallerPolicies[Any]:
        return CallerPolicies(
            tuple(self.compile(p) for p in identity_policies),
            None if permissions_boundary is None else self.compile(permissions_boundary),
            tuple(self.compile(p) for p in scps),
            None if session_policy is None else self.compile(session_policy),
        )

    def load(self, policies: PolicySet[PolicyDocument]) -> PolicySet[Any]:
        """Compile a policy set written in IR."""
        caller = policies.caller
        return PolicySet(
            self.key_policies(policies.key.key_policy, policies.key.grants),
            self.caller_policies(
                caller.identity_policies,
                caller.permissions_boundary,
                caller.scps,
                caller.session_policy,
            ),
        )

    def decide(
        self,
        policies: PolicySet[Any],
        request: Request | RequestContext,
        *,
        now: datetime | None = None,
    ) -> Decision:
        """The decision for ``request`` under compiled ``policies``."""
        ctx = request if isinstance(request, RequestContext) else build_context(request, now=now)
        return self.evaluator.evaluate(policies, ctx)

    def decide_parts(
        self,
        key: KeyPolicies[Any],
        caller: CallerPolicies[Any],
        request: Request | RequestContext,
        *,
        now: datetime | None = None,
    ) -> Decision:
        """``decide`` with the two halves of the policy set as the caller keeps them
        (saves building a ``PolicySet`` per request)."""
        ctx = request if isinstance(request, RequestContext) else build_context(request, now=now)
        return self.evaluator.evaluate_parts(key, caller, ctx)

    def authorize(
        self, policies: PolicySet[Any], request: Request, *, now: datetime | None = None
    ) -> tuple[Decision, Permit | None]:
        """The decision, and for an Allow the ``Permit`` the crypto layer requires."""
        return self._permit(self.decide(policies, request, now=now), request)

    def authorize_parts(
        self,
        key: KeyPolicies[Any],
        caller: CallerPolicies[Any],
        request: Request,
        *,
        now: datetime | None = None,
    ) -> tuple[Decision, Permit | None]:
        """``authorize`` with the two halves of the policy set (see ``decide_parts``)."""
        return self._permit(self.decide_parts(key, caller, request, now=now), request)

    @staticmethod
    def _permit(decision: Decision, request: Request) -> tuple[Decision, Permit | None]:
        if not decision.allowed:
            return decision, None
        permit = mint_permit(decision, request.action, request.caller.arn, request.resource_arn)
        return decision, permit
