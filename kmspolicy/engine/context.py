"""KMS request-context derivation: a ``Request`` becomes the flat ``RequestContext``.

The context is computed once per request, so evaluators only look values up. Condition
key names are case-insensitive, so every key is stored lowercased; each maps to a tuple of
string values (booleans as ``"true"``/``"false"``, times as ISO-8601). A key that is absent
from the request is absent from the mapping: there is no "empty" value.

Derivation follows AWS KMS:

* ``kms:EncryptionContext:<k>`` per pair and ``kms:EncryptionContextKeys`` (multi-valued);
  ``kms:EncryptionAlgorithm`` defaults to ``SYMMETRIC_DEFAULT`` on the operations that
  take one; ``kms:MessageType`` defaults to ``RAW`` on Sign/Verify.
* ``kms:RequestAlias`` only when the caller named the key by an alias (the alias name),
  and only on the operations that accept an alias.
* Key properties (``kms:KeySpec``, ``kms:KeyUsage``, ``kms:KeyOrigin``, ``kms:MultiRegion``,
  ``kms:MultiRegionKeyType``, ``kms:ResourceAliases``, ``aws:ResourceTag/<k>``) only when
  the request uses a key; ``kms:ResourceAliases`` and ``aws:ResourceTag/<k>`` are supported
  in IAM policies only, so key policies see them as absent (``key_policy_values``).
* ``aws:PrincipalArn`` is the role ARN for an assumed-role session; ``aws:username`` exists
  for IAM users only; ``aws:MultiFactorAuthPresent`` only for temporary credentials.
* ``aws:SourceIp`` is absent when the call came through a VPC endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from kmspolicy.engine.operators import OperandError, parse_date
from kmspolicy.engine.request import PrincipalKind, Request
from kmspolicy.language.catalogue import CROSS_ACCOUNT_ACTIONS

_CROSS_ACCOUNT = frozenset(name.lower() for name in CROSS_ACCOUNT_ACTIONS)

__all__ = [
    "ALIAS_OPERATIONS",
    "ENCRYPTION_CONTEXT_OPERATIONS",
    "IAM_ONLY_PREFIXES",
    "MULTI_VALUED_KEYS",
    "RequestContext",
    "build_context",
]

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
_GRANT_RESOURCE_OPERATIONS = frozenset({"creategrant", "listgrants", "revokegrant"})
_SIGN_OPERATIONS = frozenset({"sign", "verify"})
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
    ``key_policy_values`` the one seen by the key policy. ``single_valued`` lists the keys
    present with exactly one value that are not multi-valued keys.
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
    values: Mapping[str, tuple[str, ...]]
    key_policy_values: Mapping[str, tuple[str, ...]]
    single_valued: frozenset[str]
    encryption_context: tuple[tuple[str, str], ...]
    grant_tokens: frozenset[str]
    grant_operations: tuple[str, ...] | None
    identities: tuple[str, ...]


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


def _is_iam_only(key: str) -> bool:
    return key.startswith(IAM_ONLY_PREFIXES)


def build_context(request: Request, *, now: datetime | None = None) -> RequestContext:
    """Derive the condition context of ``request`` as AWS KMS does.

    ``now`` is the clock for ``aws:CurrentTime`` / ``aws:EpochTime`` when the request does
    not fix them (default: the current time).
    """
    caller = request.caller
    action = request.action.lower()
    operation = action.split(":", 1)[1] if ":" in action else action
    extra = {k.lower(): v for k, v in request.context.items()}
    values: dict[str, tuple[str, ...]] = {}

    def put(key: str, value: str | None) -> None:
        if value is not None:
            values[key] = (value,)

    # --- the caller --------------------------------------------------------------------
    if caller.kind is PrincipalKind.SERVICE:
        put("aws:principalservicename", caller.arn)
        put("aws:principalisawsservice", "true")
    else:
        put("aws:principalarn", caller.principal_arn)
        put("aws:principalaccount", caller.account)
        put("kms:calleraccount", caller.account)
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

    # --- the network and the clock ------------------------------------------------------
    if request.source_vpce is not None:
        put("aws:sourcevpce", request.source_vpce)
    else:
        put("aws:sourceip", request.source_ip)
    if request.secure_transport is not None:
        put("aws:securetransport", _bool(request.secure_transport))
    moment = _given_time(extra.get("aws:currenttime", request.current_time))
    if moment is None:
        moment = _given_time(extra.get("aws:epochtime"))
    if moment is None:
        moment = now if now is not None else datetime.now(UTC)
    put("aws:currenttime", _iso(moment))
    put("aws:epochtime", str(int(moment.timestamp())))
    via_service = request.via_service
    if via_service is None and isinstance(extra.get("kms:viaservice"), str):
        via_service = str(extra["kms:viaservice"])
    put("kms:viaservice", via_service)
    put("aws:viaawsservice", _bool(via_service is not None))

    # --- the key ------------------------------------------------------------------------
    key = request.key
    if key is not None:
        put("aws:requestedregion", key.region)
        for name in ("kms:keyspec", "kms:customermasterkeyspec"):
            put(name, key.key_spec)
        for name in ("kms:keyusage", "kms:customermasterkeyusage"):
            put(name, key.key_usage)
        put("kms:keyorigin", key.origin)
        put("kms:multiregion", _bool(key.multi_region))
        if key.multi_region:
            put("kms:multiregionkeytype", key.multi_region_key_type)
        if key.aliases:
            values["kms:resourcealiases"] = tuple(key.aliases)
        for tag, tag_value in key.tags.items():
            put(f"aws:resourcetag/{tag.lower()}", tag_value)

    # --- the call's inputs --------------------------------------------------------------
    pairs = tuple(request.encryption_context.items())
    if pairs:
        values["kms:encryptioncontextkeys"] = tuple(k for k, _ in pairs)
        for ec_key, ec_value in pairs:
            name = f"kms:encryptioncontext:{ec_key.lower()}"
            values[name] = (*values.get(name, ()), ec_value)
    if operation in ENCRYPTION_CONTEXT_OPERATIONS:
        put("kms:encryptionalgorithm", request.encryption_algorithm or "SYMMETRIC_DEFAULT")
    if operation in _SIGN_OPERATIONS:
        put("kms:signingalgorithm", request.signing_algorithm)
        put("kms:messagetype", request.message_type or "RAW")
    if operation in {"generatemac", "verifymac"}:
        put("kms:macalgorithm", request.mac_algorithm)
    if request.key_id_alias is not None and operation in ALIAS_OPERATIONS:
        alias = request.key_id_alias
        # An alias ARN (arn:aws:kms:r:a:alias/name) is matched by its alias name.
        put("kms:requestalias", alias.split(":", 5)[5] if alias.startswith("arn:") else alias)
    if operation == "creategrant":
        if request.grant_operations:
            values["kms:grantoperations"] = tuple(request.grant_operations)
        put("kms:granteeprincipal", request.grantee_principal)
        put("kms:retiringprincipal", request.retiring_principal)
    if operation in _GRANT_RESOURCE_OPERATIONS:
        put("kms:grantisforawsresource", _bool(via_service is not None))

    # --- anything else the caller set explicitly (overrides the derived value) ----------
    for name, raw in extra.items():
        if name in _TIME_KEYS and _given_time(raw) is not None:
            continue  # normalised above
        if isinstance(raw, str):
            values[name] = (raw,)
        elif isinstance(raw, bool):
            values[name] = (_bool(raw),)
        else:
            values[name] = tuple(str(v) for v in raw)
    # A key given with no values is absent: AWS has no "present but empty" context key.
    values = {k: v for k, v in values.items() if v}

    single = frozenset(k for k, v in values.items() if len(v) == 1 and k not in MULTI_VALUED_KEYS)
    key_policy_values = {k: v for k, v in values.items() if not _is_iam_only(k)}
    key_account = key.account if key is not None else None
    cross = key_account is not None and caller.account is not None and caller.account != key_account
    identities = [caller.arn]
    for other in (caller.role_arn, caller.account_arn):
        if other is not None and other not in identities:
            identities.append(other)
    return RequestContext(
        action=action,
        action_name=request.action,
        operation=operation,
        resource=request.resource_arn,
        caller_arn=caller.arn,
        caller_kind=caller.kind,
        caller_account=caller.account,
        role_arn=caller.role_arn,
        account_arn=caller.account_arn,
        key_account=key_account,
        cross_account=cross,
        cross_account_allowed=operation in _CROSS_ACCOUNT,
        scp_exempt=caller.management_account or caller.kind is PrincipalKind.SERVICE,
        values=values,
        key_policy_values=key_policy_values,
        single_valued=single,
        encryption_context=pairs,
        grant_tokens=frozenset(request.grant_tokens),
        grant_operations=(
            tuple(op.lower() for op in request.grant_operations)
            if request.grant_operations is not None
            else None
        ),
        identities=tuple(identities),
    )
