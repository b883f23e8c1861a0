"""Simulation scenarios: the file format of ``kmspolicy simulate`` (see DESIGN.md).

A scenario holds a key policy, optional key metadata, identity policies, grants, SCPs, a
permissions boundary, a session policy and one request (or a list). It is parsed with the
positioned JSON parser, so a problem anywhere — in the scenario's own fields or inside an
embedded policy — is reported with the line and column in the scenario file.

Fields beyond DESIGN.md's example, all optional: on a grant, ``"grantToken"`` and
``"pending": true`` (not yet consistent: only a request carrying the token can use it); on
a request, ``"managementAccount"``, ``"mfa"``, ``"userId"``, ``"grantOperations"``,
``"granteePrincipal"``, ``"retiringPrincipal"``, ``"encryptionAlgorithm"``,
``"signingAlgorithm"``, ``"resource"``. A scenario file may also carry ``"description"``
and ``"expect"`` (used by the test corpus), which simulation ignores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from kmspolicy.engine.decision import Decision
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.errors import ScenarioError
from kmspolicy.language import grant_constraints_from_node, parse_json, policy_from_node
from kmspolicy.language.catalogue import IAM_ONLY_ACTIONS
from kmspolicy.language.ir import PolicyDocument, PolicyKind, Span
from kmspolicy.language.json_tree import (
    JsonArray,
    JsonBool,
    JsonNode,
    JsonNull,
    JsonNumber,
    JsonObject,
    JsonString,
)

__all__ = ["JsonReader", "Scenario", "decision_to_json", "load_scenario", "read_grant"]

_KEYLESS = frozenset(f"kms:{name}".lower() for name in IAM_ONLY_ACTIONS)
_TOP = {
    "keyPolicy",
    "key",
    "identityPolicies",
    "grants",
    "scps",
    "permissionsBoundary",
    "sessionPolicy",
    "request",
    "description",
    "expect",
}
_DEFAULT_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Scenario:
    policies: PolicySet[PolicyDocument]
    requests: tuple[Request, ...]
    request_is_list: bool
    expect: Any  # the "expect" member as plain JSON, or None


class JsonReader:
    """Typed reads of a positioned JSON tree: each check failing raises a
    ``ScenarioError`` naming the file, line and column (other file formats built on the
    scenario's pieces, such as who-can estates, read through it too)."""

    def __init__(self, text: str, source_name: str) -> None:
        self.text = text
        self.source_name = source_name

    def fail(self, span: Span, message: str) -> ScenarioError:
        return ScenarioError(f"{self.source_name}:{span.line}:{span.column}: {message}")

    def plain(self, node: JsonNode) -> Any:
        if isinstance(node, JsonObject):
            return {m.key: self.plain(m.value) for m in node.members}
        if isinstance(node, JsonArray):
            return [self.plain(item) for item in node.items]
        if isinstance(node, JsonNull):
            return None
        return node.value

    def obj(self, node: JsonNode, what: str) -> JsonObject:
        if not isinstance(node, JsonObject):
            raise self.fail(node.span, f"{what} must be an object")
        return node

    def string(self, node: JsonNode, what: str) -> str:
        if not isinstance(node, JsonString):
            raise self.fail(node.span, f"{what} must be a string")
        return node.value

    def boolean(self, node: JsonNode, what: str) -> bool:
        if not isinstance(node, JsonBool):
            raise self.fail(node.span, f"{what} must be true or false")
        return node.value

    def items(self, node: JsonNode, what: str) -> tuple[JsonNode, ...]:
        if not isinstance(node, JsonArray):
            raise self.fail(node.span, f"{what} must be a list")
        return node.items

    def strings(self, node: JsonNode, what: str) -> tuple[str, ...]:
        return tuple(self.string(item, f"each of {what}") for item in self.items(node, what))

    def string_map(self, node: JsonNode, what: str) -> dict[str, str]:
        members = self.obj(node, what).members
        return {m.key: self.string(m.value, f"{what} value {m.key!r}") for m in members}

    def policy(self, node: JsonNode, kind: PolicyKind) -> PolicyDocument:
        return policy_from_node(node, kind, source_name=self.source_name, text=self.text)

    def optional(self, obj: JsonObject, key: str, read: Callable[[JsonNode, str], T]) -> T | None:
        member = obj.get(key)
        if member is None or isinstance(member.value, JsonNull):
            return None
        return read(member.value, key)


def load_scenario(text: str, *, source_name: str = "<scenario>") -> Scenario:
    """Parse a scenario. Raises ``PolicySyntaxError`` (JSON or an embedded policy) or
    ``ScenarioError`` (the scenario's own structure), both with line and column."""
    r = JsonReader(text, source_name)
    root = r.obj(parse_json(text, source_name=source_name), "a scenario")
    for member in root.members:
        if member.key not in _TOP:
            expected = ", ".join(sorted(_TOP))
            raise r.fail(member.key_span, f"unknown scenario field {member.key!r} ({expected})")
    key_policy = root.get("keyPolicy")
    if key_policy is None:
        raise r.fail(root.span, 'a scenario needs "keyPolicy"')
    request_member = root.get("request")
    if request_member is None:
        raise r.fail(root.span, 'a scenario needs "request"')
    request_is_list = isinstance(request_member.value, JsonArray)
    request_nodes = (
        r.items(request_member.value, "request") if request_is_list else (request_member.value,)
    )
    if not request_nodes:
        raise r.fail(request_member.value.span, "request list is empty")

    callers = [_caller(r, r.obj(node, "a request")) for node in request_nodes]
    key = _key(r, root, callers[0])
    caller_policies = CallerPolicies(
        identity_policies=tuple(
            r.policy(n, PolicyKind.IDENTITY)
            for n in r.optional(root, "identityPolicies", r.items) or ()
        ),
        permissions_boundary=r.optional(
            root, "permissionsBoundary", lambda n, _: r.policy(n, PolicyKind.BOUNDARY)
        ),
        scps=tuple(r.policy(n, PolicyKind.SCP) for n in r.optional(root, "scps", r.items) or ()),
        session_policy=r.optional(
            root, "sessionPolicy", lambda n, _: r.policy(n, PolicyKind.SESSION)
        ),
    )
    grants = GrantTable(read_grant(r, n) for n in r.optional(root, "grants", r.items) or ())
    policies = PolicySet(
        KeyPolicies(r.policy(key_policy.value, PolicyKind.KEY), grants), caller_policies
    )
    requests = tuple(
        _request(r, r.obj(node, "a request"), caller, key)
        for node, caller in zip(request_nodes, callers, strict=True)
    )
    expect = root.get("expect")
    return Scenario(policies, requests, request_is_list, r.plain(expect.value) if expect else None)


def _key(r: JsonReader, root: JsonObject, first_caller: Caller) -> KeyInfo:
    member = root.get("key")
    account = first_caller.account or "111122223333"
    default_arn = f"arn:aws:kms:us-east-1:{account}:key/{_DEFAULT_KEY_ID}"
    if member is None:
        return KeyInfo(default_arn)
    node = r.obj(member.value, "key")
    arn = r.optional(node, "arn", r.string) or default_arn
    multi_region = r.optional(node, "multiRegion", r.boolean) or False
    try:
        return KeyInfo(
            arn=arn,
            key_spec=r.optional(node, "keySpec", r.string) or "SYMMETRIC_DEFAULT",
            key_usage=r.optional(node, "keyUsage", r.string) or "ENCRYPT_DECRYPT",
            origin=r.optional(node, "origin", r.string) or "AWS_KMS",
            multi_region=multi_region,
            multi_region_key_type=r.optional(node, "multiRegionKeyType", r.string)
            or ("PRIMARY" if multi_region else None),
            aliases=r.optional(node, "aliases", r.strings) or (),
            tags=r.optional(node, "tags", r.string_map) or {},
            state=r.optional(node, "state", r.string) or "Enabled",
        )
    except ValueError as exc:
        raise r.fail(node.span, str(exc)) from None


def read_grant(r: JsonReader, node: JsonNode) -> Grant:
    """A grant as written in a scenario (DESIGN.md), positioned errors on bad fields."""
    obj = r.obj(node, "a grant")
    grant_id = r.optional(obj, "grantId", r.string)
    grantee = r.optional(obj, "granteePrincipal", r.string)
    operations = r.optional(obj, "operations", r.strings)
    if grant_id is None or grantee is None or operations is None:
        raise r.fail(obj.span, 'a grant needs "grantId", "granteePrincipal" and "operations"')
    constraints = obj.get("constraints")
    return Grant(
        grant_id=grant_id,
        grantee_principal=grantee,
        operations=operations,
        name=r.optional(obj, "name", r.string),
        retiring_principal=r.optional(obj, "retiringPrincipal", r.string),
        constraints=(
            grant_constraints_from_node(constraints.value, source_name=r.source_name, text=r.text)
            if constraints is not None
            else None
        ),
        token=r.optional(obj, "grantToken", r.string),
        pending=r.optional(obj, "pending", r.boolean) or False,
    )


def _caller(r: JsonReader, obj: JsonObject) -> Caller:
    principal = obj.get("principal")
    if principal is None:
        raise r.fail(obj.span, 'a request needs "principal"')
    try:
        return Caller.from_arn(
            r.string(principal.value, "principal"),
            tags=r.optional(obj, "principalTags", r.string_map),
            user_id=r.optional(obj, "userId", r.string),
            mfa=r.optional(obj, "mfa", r.boolean),
            management_account=r.optional(obj, "managementAccount", r.boolean) or False,
        )
    except ValueError as exc:
        raise r.fail(principal.value.span, str(exc)) from None


def _context_value(r: JsonReader, node: JsonNode, key: str) -> str | tuple[str, ...]:
    if isinstance(node, JsonString):
        return node.value
    if isinstance(node, JsonBool):
        return "true" if node.value else "false"
    if isinstance(node, JsonNumber):
        return node.raw
    if isinstance(node, JsonArray):
        return tuple(str(_context_value(r, item, key)) for item in node.items)
    raise r.fail(node.span, f"context value {key!r} must be a string, number, boolean or list")


def _request(r: JsonReader, obj: JsonObject, caller: Caller, key: KeyInfo) -> Request:
    allowed = {
        "principal", "principalTags", "action", "encryptionContext", "grantTokens",
        "keyIdAlias", "context", "managementAccount", "mfa", "userId", "grantOperations",
        "granteePrincipal", "retiringPrincipal", "encryptionAlgorithm", "signingAlgorithm",
        "resource",
    }  # fmt: skip
    for member in obj.members:
        if member.key not in allowed:
            raise r.fail(member.key_span, f"unknown request field {member.key!r}")
    action = r.optional(obj, "action", r.string)
    if action is None:
        raise r.fail(obj.span, 'a request needs "action"')
    context_node = r.optional(obj, "context", r.obj)
    context = (
        {m.key: _context_value(r, m.value, m.key) for m in context_node.members}
        if context_node is not None
        else {}
    )
    return Request(
        caller=caller,
        action=action,
        key=None if action.lower() in _KEYLESS else key,
        resource=r.optional(obj, "resource", r.string),
        encryption_context=r.optional(obj, "encryptionContext", r.string_map) or {},
        grant_tokens=r.optional(obj, "grantTokens", r.strings) or (),
        key_id_alias=r.optional(obj, "keyIdAlias", r.string),
        encryption_algorithm=r.optional(obj, "encryptionAlgorithm", r.string),
        signing_algorithm=r.optional(obj, "signingAlgorithm", r.string),
        grant_operations=r.optional(obj, "grantOperations", r.strings),
        grantee_principal=r.optional(obj, "granteePrincipal", r.string),
        retiring_principal=r.optional(obj, "retiringPrincipal", r.string),
        context=context,
    )


def decision_to_json(decision: Decision) -> dict[str, Any]:
    """The simulate output for one decision (DESIGN.md "Contracts")."""
    return {
        "decision": "Allow" if decision.allowed else "Deny",
        "reason": {"Allow": "Allowed"}.get(decision.effect.value, decision.effect.value),
        "matched": [
            {
                "source": reason.source,
                "sid": reason.sid,
                "index": reason.index,
                "line": reason.span.line if reason.span is not None else None,
            }
            for reason in decision.reasons
            if reason.effect in ("Allow", "Deny")
        ],
        "explanation": decision.explain(),
    }
