"""KMS request-context derivation: a ``Request`` becomes the flat ``RequestContext``.

The context is computed once per request, so evaluators only look values up. Condition
key names are case-insensitive, so every key is stored lowercased; each maps to a tuple of
string values (booleans as ``"true"``/``"false"``, times as ISO-8601). A key that is absent
from the request is absent from the mapping: there is no "empty" value.

A key is present only where KMS provides it for the action (``provides``): the catalogue
(``kmspolicy.language.catalogue.CONDITION_KEYS``) lists the actions whose requests carry
each key; global ``aws:`` keys (and ``aws:`` keys the catalogue does not know) go with
every action; a ``kms:`` key the catalogue does not list for the action is never present,
not even when the request's ``context`` names it. Keys of other namespaces named in
``context`` are kept as given (simulations use them). Derivation follows AWS KMS:

* ``kms:EncryptionContext:<k>`` per pair and ``kms:EncryptionContextKeys`` (multi-valued)
  on the encryption-context operations, CreateGrant (the grant's constraint pairs) and
  RetireGrant; ``kms:EncryptionAlgorithm`` defaults to ``SYMMETRIC_DEFAULT`` on the
  operations that take one; ``kms:MessageType`` defaults to ``RAW`` on Sign/Verify.
* ``kms:RequestAlias`` only when the caller named the key by an alias (the alias name),
  and only on the operations that accept an alias.
* ``kms:GrantOperations``, ``kms:GranteePrincipal``, ``kms:RetiringPrincipal`` only on
  CreateGrant; ``kms:GrantIsForAWSResource`` on CreateGrant, ListGrants and RevokeGrant.
* Key properties (``kms:KeySpec``, ``kms:KeyUsage``, ``kms:KeyOrigin``, ``kms:MultiRegion``,
  ``kms:MultiRegionKeyType``, ``kms:ResourceAliases``, ``aws:ResourceTag/<k>``) only when
  a key-resource action uses a key; ``kms:ResourceAliases`` and ``aws:ResourceTag/<k>``
  are supported in IAM policies only, so key policies see them as absent
  (``key_policy_values``).
* ``aws:PrincipalArn`` is the role ARN for an assumed-role session; ``aws:username`` exists
  for IAM users only; ``aws:MultiFactorAuthPresent`` only for temporary credentials.
* ``aws:SourceIp`` is absent when the call came through a VPC endpoint.

Cost: what depends only on the caller, the key or the action is derived once per
``Caller`` / ``KeyInfo`` object (kept while the object is reused, as the KMS keeps them)
and once per action; a request then only adds its own inputs. ``build_context`` is the
compiled twin of ``derive_context`` (``kmspolicy/_fast/_context.pyx``) where the extension
is built.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from kmspolicy.engine.operators import OperandError, parse_date
from kmspolicy.engine.request import Caller, KeyInfo, PrincipalKind, Request
from kmspolicy.language.catalogue import (
    CROSS_ACCOUNT_ACTIONS,
    ResourceScope,
    lookup_action,
    lookup_condition_key,
)

__all__ = [
    "ALIAS_OPERATIONS",
    "ENCRYPTION_CONTEXT_OPERATIONS",
    "IAM_ONLY_PREFIXES",
    "MULTI_VALUED_KEYS",
    "ContextBuilder",
    "RequestContext",
    "build_context",
    "derive_context",
    "is_single_valued",
    "provides",
]

_CROSS_ACCOUNT = frozenset(name.lower() for name in CROSS_ACCOUNT_ACTIONS)

# Operations whose request carries an encryption context and an encryption algorithm.
ENCRYPTION_CONTEXT_OPERATIONS = frozenset(
    {
        "encrypt",
        "decrypt",
        "reencryptfrom",
        "reencryptto",
        "generatedatakey",
        "generatedatakeywithoutplaintext",
        "generatedatakeypair",
        "generatedatakeypairwithoutplaintext",
    }
)
# Operations that accept an alias in KeyId (so kms:RequestAlias can be set).
ALIAS_OPERATIONS = ENCRYPTION_CONTEXT_OPERATIONS | {
    "sign",
    "verify",
    "generatemac",
    "verifymac",
    "derivesharedsecret",
    "describekey",
    "getpublickey",
}
_TIME_KEYS = frozenset({"aws:currenttime", "aws:epochtime"})

# Keys that are multi-valued in AWS whatever the number of values.
MULTI_VALUED_KEYS = frozenset(
    {
        "kms:encryptioncontextkeys",
        "kms:grantoperations",
        "kms:resourcealiases",
        "aws:tagkeys",
        "aws:principalorgpaths",
        "aws:calledvia",
    }
)
# Keys (or key prefixes) that KMS supports in IAM policies only, never in key policies.
IAM_ONLY_PREFIXES = ("kms:resourcealiases", "aws:resourcetag/")

Values = Mapping[str, tuple[str, ...]]
_Part = TypeVar("_Part")
_Facts = TypeVar("_Facts")


def is_single_valued(values: Values, key: str) -> str | None:
    """The value of ``key`` (lowercased) when it is single-valued in ``values`` — present
    with exactly one value and not a multi-valued key — else None. Only such a key
    resolves a policy variable."""
    found = values.get(key)
    if found is None or len(found) != 1 or key in MULTI_VALUED_KEYS:
        return None
    return found[0]


@lru_cache(maxsize=16384)
def provides(action: str, key: str) -> bool:
    """Whether KMS puts condition key ``key`` (lowercased) in the request context of
    ``action`` (lowercased, ``"kms:decrypt"``)."""
    info = lookup_condition_key(key)
    if info is None:
        return not key.startswith("kms:")
    if info.actions is None:
        return True
    found = lookup_action(action)
    return found is not None and found.name in info.actions


@dataclass(frozen=True, slots=True)
class RequestContext:
    """Everything an evaluator needs about one request, precomputed.

    ``action`` and ``operation`` are lowercased (``"kms:decrypt"``, ``"decrypt"``);
    ``action_name`` is the action as the request spelled it (for messages).
    ``key_account`` is None for operations that use no key (then only identity-side
    policies decide); ``cross_account_allowed`` says whether the action may be used on a
    key of another account at all.
    ``identities`` are the ARNs a principal element can name the caller by, most specific
    first: its own ARN, its role ARN (sessions), its account principal. ``values`` is the
    condition context seen by identity-side policies (identity, SCP, boundary, session);
    ``key_policy_values`` the one seen by the key policy.
    """

    action: str
    action_name: str
    operation: str
    resource: str
    caller_arn: str
    caller_kind: PrincipalKind
    caller_account: str | None
    role_arn: str | None
    account_arn: str | None
    key_account: str | None
    cross_account: bool
    cross_account_allowed: bool
    scp_exempt: bool
    values: Values
    key_policy_values: Values
    encryption_context: tuple[tuple[str, str], ...]
    grant_tokens: frozenset[str]
    grant_operations: tuple[str, ...] | None
    identities: tuple[str, ...]

    @property
    def single_valued(self) -> frozenset[str]:
        """The keys of ``values`` that are single-valued (``is_single_valued``)."""
        return frozenset(k for k in self.values if is_single_valued(self.values, k) is not None)


def _context_constructor() -> Callable[..., RequestContext]:
    """``RequestContext`` itself, or its compiled slot-by-slot twin (the frozen dataclass's
    ``__init__`` costs a ``__setattr__`` per field). Read directly rather than through
    ``kmspolicy._compat``, which imports the evaluator, which imports this module; a
    missing extension is reported there."""
    if os.environ.get("KMSPOLICY_NO_EXTENSIONS") or platform.python_implementation() != "CPython":
        return RequestContext
    try:
        from kmspolicy._fast._construct import SlotConstructor
    except ImportError:
        return RequestContext
    return SlotConstructor(RequestContext)


_new_context = _context_constructor()


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _given_time(given: object) -> datetime | None:
    """A time the request fixed (ISO-8601 or epoch seconds), or None when it fixed none or
    one that cannot be read (then the caller's text replaces the derived value below, and
    date conditions on it cannot be evaluated)."""
    if not isinstance(given, str):
        return None
    try:
        return parse_date(given)
    except OperandError:
        return None


# --- what depends on the action alone -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Action:
    action: str
    operation: str
    key_resource: bool  # authorised on a key: key properties are in its context
    caller_account: bool  # kms:CallerAccount
    via_service: bool  # kms:ViaService
    encryption_context: bool  # kms:EncryptionContext:* and kms:EncryptionContextKeys
    encryption_algorithm: bool
    signing: bool  # kms:SigningAlgorithm and kms:MessageType
    mac: bool
    request_alias: bool
    grant_request: bool  # kms:GrantOperations, kms:GranteePrincipal, kms:RetiringPrincipal
    grant_for_aws_resource: bool
    cross_account_allowed: bool


@lru_cache(maxsize=1024)
def _action(action: str) -> _Action:
    lowered = action.lower()
    info = lookup_action(lowered)

    def has(key: str) -> bool:
        return provides(lowered, key)

    return _Action(
        action=lowered,
        operation=lowered.split(":", 1)[1] if ":" in lowered else lowered,
        key_resource=info is not None and info.scope is not ResourceScope.ACCOUNT,
        caller_account=has("kms:calleraccount"),
        via_service=has("kms:viaservice"),
        encryption_context=has("kms:encryptioncontextkeys"),
        encryption_algorithm=has("kms:encryptionalgorithm"),
        signing=has("kms:signingalgorithm"),
        mac=has("kms:macalgorithm"),
        request_alias=has("kms:requestalias"),
        grant_request=has("kms:grantoperations"),
        grant_for_aws_resource=has("kms:grantisforawsresource"),
        cross_account_allowed=info is not None and info.name.lower() in _CROSS_ACCOUNT,
    )


# --- what depends on the caller or the key alone -----------------------------------------


@dataclass(frozen=True, slots=True)
class _CallerFacts:
    values: dict[str, tuple[str, ...]]  # without kms:CallerAccount
    caller_account: tuple[str, ...] | None  # the kms:CallerAccount value
    identities: tuple[str, ...]
    account_arn: str | None


def _caller_facts(caller: Caller) -> _CallerFacts:
    values: dict[str, tuple[str, ...]] = {}

    def put(key: str, value: str | None) -> None:
        if value is not None:
            values[sys.intern(key)] = (value,)  # interned as compiled condition keys are

    if caller.kind is PrincipalKind.SERVICE:
        put("aws:principalservicename", caller.arn)
        put("aws:principalisawsservice", "true")
    else:
        put("aws:principalarn", caller.principal_arn)
        put("aws:principalaccount", caller.account)
        kind = caller.kind
        put("aws:principaltype", "AssumedRole" if kind is PrincipalKind.ROLE else kind.value)
        put("aws:principalisawsservice", "false")
        put("aws:userid", caller.user_id)
        put("aws:username", caller.user_name)
        if caller.mfa is not None:
            put("aws:multifactorauthpresent", _bool(caller.mfa))
        put("aws:tokenissuetime", caller.token_issue_time)
        for tag, tag_value in caller.tags.items():
            put(f"aws:principaltag/{tag.lower()}", tag_value)
    account_arn = caller.account_arn
    identities = [caller.arn]
    for other in (caller.role_arn, account_arn):
        if other is not None and other not in identities:
            identities.append(other)
    service = caller.kind is PrincipalKind.SERVICE
    return _CallerFacts(
        values,
        None if service or caller.account is None else (caller.account,),
        tuple(identities),
        account_arn,
    )


@dataclass(frozen=True, slots=True)
class _KeyFacts:
    region: tuple[str, ...]  # aws:RequestedRegion
    properties: dict[str, tuple[str, ...]]  # the key-policy-visible key properties
    iam_only: dict[str, tuple[str, ...]]  # kms:ResourceAliases, aws:ResourceTag/<k>
    account: str


def _key_facts(key: KeyInfo) -> _KeyFacts:
    properties: dict[str, tuple[str, ...]] = {}
    for name in ("kms:keyspec", "kms:customermasterkeyspec"):
        properties[name] = (key.key_spec,)
    for name in ("kms:keyusage", "kms:customermasterkeyusage"):
        properties[name] = (key.key_usage,)
    properties["kms:keyorigin"] = (key.origin,)
    properties["kms:multiregion"] = (_bool(key.multi_region),)
    if key.multi_region and key.multi_region_key_type is not None:
        properties["kms:multiregionkeytype"] = (key.multi_region_key_type,)
    iam_only: dict[str, tuple[str, ...]] = {}
    if key.aliases:
        iam_only["kms:resourcealiases"] = tuple(key.aliases)
    for tag, tag_value in key.tags.items():
        iam_only[sys.intern(f"aws:resourcetag/{tag.lower()}")] = (tag_value,)
    return _KeyFacts((key.region,), properties, iam_only, key.account)


class _IdentityCache(Generic[_Part, _Facts]):
    """Facts derived from a frozen request part, kept per object while it is reused."""

    __slots__ = ("_derive", "_entries")

    def __init__(self, derive: Callable[[_Part], _Facts]) -> None:
        self._entries: dict[int, tuple[_Part, _Facts]] = {}
        self._derive = derive

    def get(self, part: _Part) -> _Facts:
        entry = self._entries.get(id(part))
        if entry is not None and entry[0] is part:
            return entry[1]
        facts = self._derive(part)
        if len(self._entries) >= 4096:
            self._entries.clear()
        self._entries[id(part)] = (part, facts)  # holds ``part``, so its id stays unique
        return facts


_CALLERS = _IdentityCache(_caller_facts)
_KEYS = _IdentityCache(_key_facts)


# --- encryption context key names ----------------------------------------------------------

_EC_NAMES: dict[str, str] = {}


def _ec_name(ec_key: str) -> str:
    """``kms:encryptioncontext:<key lowercased>``, kept per key (interned, as the compiled
    policies' condition keys are, so lookups compare pointers)."""
    name = sys.intern(f"kms:encryptioncontext:{ec_key.lower()}")
    if len(_EC_NAMES) >= 4096:
        _EC_NAMES.clear()
    _EC_NAMES[ec_key] = name
    return name


# --- the clock -----------------------------------------------------------------------------

_clock_second = -1
_clock_values: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def _time_values(moment: datetime | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(aws:CurrentTime, aws:EpochTime) for ``moment`` (None: now), formatted once a second."""
    global _clock_second, _clock_values
    second = int(time.time()) if moment is None else int(moment.timestamp())
    if second != _clock_second:
        at = datetime.fromtimestamp(second, UTC)
        _clock_values = ((_iso(at),), (str(second),))
        _clock_second = second
    return _clock_values


def derive_context(request: Request, *, now: datetime | None = None) -> RequestContext:
    """Derive the condition context of ``request`` as AWS KMS does.

    ``now`` is the clock for ``aws:CurrentTime`` / ``aws:EpochTime`` when the request does
    not fix them (default: the current time). This is the specification; ``build_context``
    is it or its compiled twin.
    """
    caller = request.caller
    act = _action(request.action)
    who = _CALLERS.get(caller)
    # Built in two parts: what key policies see, and the IAM-only keys added for the rest.
    values = who.values.copy()
    iam_only: dict[str, tuple[str, ...]] | None = None
    if act.caller_account and who.caller_account is not None:
        values["kms:calleraccount"] = who.caller_account

    # --- the network and the clock ------------------------------------------------------
    if request.source_vpce is not None:
        values["aws:sourcevpce"] = (request.source_vpce,)
    elif request.source_ip is not None:
        values["aws:sourceip"] = (request.source_ip,)
    if request.secure_transport is not None:
        values["aws:securetransport"] = ("true",) if request.secure_transport else ("false",)
    extra = {k.lower(): v for k, v in request.context.items()} if request.context else None
    moment = now
    given = request.current_time
    if extra is not None:
        given = extra.get("aws:currenttime", given)  # type: ignore[assignment]
    if given is not None or extra is not None:
        fixed = _given_time(given)
        if fixed is None and extra is not None:
            fixed = _given_time(extra.get("aws:epochtime"))
        moment = fixed if fixed is not None else now
    values["aws:currenttime"], values["aws:epochtime"] = _time_values(moment)
    via_service = request.via_service
    if via_service is None and extra is not None and isinstance(extra.get("kms:viaservice"), str):
        via_service = str(extra["kms:viaservice"])
    if via_service is not None and act.via_service:
        values["kms:viaservice"] = (via_service,)
    values["aws:viaawsservice"] = ("false",) if via_service is None else ("true",)

    # --- the key ------------------------------------------------------------------------
    key = request.key
    key_account = None
    if key is not None:
        facts = _KEYS.get(key)
        key_account = facts.account
        values["aws:requestedregion"] = facts.region
        if act.key_resource:
            values.update(facts.properties)
            if facts.iam_only:
                iam_only = facts.iam_only

    # --- the call's inputs --------------------------------------------------------------
    context = request.encryption_context
    pairs = tuple(context.items()) if context else ()
    if pairs and act.encryption_context:
        values["kms:encryptioncontextkeys"] = tuple(context)
        for ec_key, ec_value in pairs:
            name = _EC_NAMES.get(ec_key) or _ec_name(ec_key)
            if name in values:  # keys that differ only in case share one condition key
                values[name] = (*values[name], ec_value)
            else:
                values[name] = (ec_value,)
    if act.encryption_algorithm:
        values["kms:encryptionalgorithm"] = (request.encryption_algorithm or "SYMMETRIC_DEFAULT",)
    if act.signing:
        if request.signing_algorithm is not None:
            values["kms:signingalgorithm"] = (request.signing_algorithm,)
        values["kms:messagetype"] = (request.message_type or "RAW",)
    if act.mac and request.mac_algorithm is not None:
        values["kms:macalgorithm"] = (request.mac_algorithm,)
    if request.key_id_alias is not None and act.request_alias:
        alias = request.key_id_alias
        # An alias ARN (arn:aws:kms:r:a:alias/name) is matched by its alias name.
        values["kms:requestalias"] = (
            alias.split(":", 5)[5] if alias.startswith("arn:") else alias,
        )
    if act.grant_request:
        if request.grant_operations:
            values["kms:grantoperations"] = tuple(request.grant_operations)
        if request.grantee_principal is not None:
            values["kms:granteeprincipal"] = (request.grantee_principal,)
        if request.retiring_principal is not None:
            values["kms:retiringprincipal"] = (request.retiring_principal,)
    if act.grant_for_aws_resource:
        values["kms:grantisforawsresource"] = ("false",) if via_service is None else ("true",)

    # --- anything else the caller set explicitly (overrides the derived value) ----------
    if extra is not None:
        iam_only = dict(iam_only) if iam_only else {}
        for name, raw in extra.items():
            if name in _TIME_KEYS and _given_time(raw) is not None:
                continue  # normalised above
            if not provides(act.action, name):
                continue  # KMS never puts this key in this action's context
            target = iam_only if name.startswith(IAM_ONLY_PREFIXES) else values
            if isinstance(raw, str):
                target[name] = (raw,)
            elif isinstance(raw, bool):
                target[name] = (_bool(raw),)
            elif raw:
                target[name] = tuple(str(v) for v in raw)
            else:
                # A key given with no values is absent: AWS has no "present but empty" key.
                target.pop(name, None)
                values.pop(name, None)

    key_policy_values = values
    if iam_only:
        values = {**values, **iam_only}
    cross = key_account is not None and caller.account is not None and caller.account != key_account
    return _new_context(
        act.action,
        request.action,
        act.operation,
        request.resource_arn,
        caller.arn,
        caller.kind,
        caller.account,
        caller.role_arn,
        who.account_arn,
        key_account,
        cross,
        act.cross_account_allowed,
        caller.management_account or caller.kind is PrincipalKind.SERVICE,
        values,
        key_policy_values,
        pairs,
        frozenset(request.grant_tokens) if request.grant_tokens else _NO_TOKENS,
        (
            tuple(op.lower() for op in request.grant_operations)
            if request.grant_operations is not None
            else None
        ),
        who.identities,
    )


_NO_TOKENS: frozenset[str] = frozenset()


class ContextBuilder(Protocol):
    def __call__(self, request: Request, *, now: datetime | None = None) -> RequestContext: ...


def _context_builder() -> ContextBuilder:
    """``derive_context``, or its compiled twin (``kmspolicy/_fast/_context.pyx``, equal
    results, checked by the differential test). Chosen as ``_context_constructor`` is."""
    if os.environ.get("KMSPOLICY_NO_EXTENSIONS") or platform.python_implementation() != "CPython":
        return derive_context
    try:
        from kmspolicy._fast._context import build_context as compiled
    except ImportError:
        return derive_context
    builder: ContextBuilder = compiled
    return builder


# Derive the condition context of a Request as AWS KMS does (see ``derive_context``).
build_context: ContextBuilder = _context_builder()
