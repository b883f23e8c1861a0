"""The KMS action and condition-key catalogue: data the linter and the engine share.

Sources: the Service Authorization Reference page "Actions, resources, and condition keys
for AWS Key Management Service", the KMS Developer Guide pages on KMS and global condition
keys, and the KMS API model (each operation's "Cross-account use" and "Required
permissions"). Where the two disagree on ``ListRetirableGrants`` (the reference lists the
key resource, the API says the permission is an IAM-policy permission on the caller's
account) this catalogue follows the API: its scope is ``"*"``.

An action is what a policy names (``kms:ReEncryptFrom``); an operation is what a client
calls (``ReEncrypt``). ``OPERATION_ACTIONS`` maps one to the other.

``ACTIONS`` has a fixed order: an action's position is its bit in an action mask, so a
compiled policy turns ``"kms:Get*"`` into one integer (``action_mask``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "ACTIONS",
    "ACTION_INDEX",
    "ALL_ACTIONS_MASK",
    "CONDITION_KEYS",
    "CROSS_ACCOUNT_ACTIONS",
    "CRYPTO_OPERATIONS",
    "ENCRYPTION_CONTEXT_ACTIONS",
    "GRANT_OPERATIONS",
    "IAM_ONLY_ACTIONS",
    "KEY_RESOURCE_ACTIONS",
    "OPERATION_ACTIONS",
    "SERVICE_PREFIX",
    "AccessLevel",
    "ActionInfo",
    "ConditionKeyInfo",
    "ConditionKeyType",
    "ResourceScope",
    "action_mask",
    "lookup_action",
    "lookup_condition_key",
    "match_actions",
]

SERVICE_PREFIX = "kms"


class AccessLevel(StrEnum):
    """The access-level column of the Service Authorization Reference."""

    READ = "Read"
    LIST = "List"
    WRITE = "Write"
    PERMISSIONS_MANAGEMENT = "Permissions management"
    TAGGING = "Tagging"


class ResourceScope(StrEnum):
    """What a statement's Resource must cover for the action to be authorised."""

    KEY = "key"  # the KMS key: key policy, grants, and IAM policies naming the key ARN
    ALIAS_AND_KEY = "alias+key"  # the alias ARN (IAM policy) and the key (key policy)
    ACCOUNT = "*"  # no resource: IAM policies only, with Resource "*"


class ConditionKeyType(StrEnum):
    """Condition-key value types as the Service Authorization Reference names them."""

    STRING = "String"
    ARRAY_OF_STRING = "ArrayOfString"
    BOOL = "Bool"
    NUMERIC = "Numeric"
    DATE = "Date"
    IP_ADDRESS = "IPAddress"
    ARN = "ARN"
    BINARY = "Binary"


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """One KMS action.

    ``name`` is the bare action name (``"Decrypt"``); ``action`` adds the service prefix.
    ``condition_keys`` are the keys AWS lists for the action itself; the key-resource
    keys (``kms:KeySpec``, ``aws:ResourceTag/``, ...) apply to every action whose scope
    is not ``ACCOUNT`` and are listed in ``CONDITION_KEYS`` instead. A prefix key is
    written with its trailing separator (``"kms:EncryptionContext:"``).
    """

    name: str
    access_level: AccessLevel
    scope: ResourceScope
    cross_account: bool
    grant_operation: bool
    condition_keys: tuple[str, ...]
    permission_only: bool = False

    @property
    def action(self) -> str:
        return f"{SERVICE_PREFIX}:{self.name}"


@dataclass(frozen=True, slots=True)
class ConditionKeyInfo:
    """One condition key, or one family of keys sharing a prefix.

    ``name`` is the canonical spelling; for a prefix family it ends in the separator
    (``"aws:PrincipalTag/"``) and ``prefix`` is True. ``actions`` lists the bare KMS
    action names whose request context carries the key; None means any request may
    (global keys whose presence depends on the caller, not the action).
    ``in_key_policies`` is False for keys KMS honours only in IAM policies.
    ``replaced_by`` names the key that supersedes a deprecated one.
    """

    name: str
    type: ConditionKeyType
    multivalued: bool
    actions: tuple[str, ...] | None
    prefix: bool = False
    in_key_policies: bool = True
    replaced_by: str | None = None


_R, _L, _W = AccessLevel.READ, AccessLevel.LIST, AccessLevel.WRITE
_P, _T = AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.TAGGING
_KEY, _ALIAS, _ACCT = ResourceScope.KEY, ResourceScope.ALIAS_AND_KEY, ResourceScope.ACCOUNT

_CA = "kms:CallerAccount"
_VS = "kms:ViaService"
_EC = "kms:EncryptionContext:"
_ECK = "kms:EncryptionContextKeys"
_EA = "kms:EncryptionAlgorithm"
_RA = "kms:RequestAlias"
_ATT = "kms:RecipientAttestation:"
_BYPASS = "kms:BypassPolicyLockoutSafetyCheck"
_GIFAR = "kms:GrantIsForAWSResource"

_BASE = (_CA, _VS)
_EC_OP = (_CA, _EA, _EC, _ECK, _RA, _VS)


def _a(
    name: str,
    level: AccessLevel,
    scope: ResourceScope,
    keys: tuple[str, ...] = _BASE,
    *,
    x: bool = False,
    grant: bool = False,
    permission_only: bool = False,
) -> ActionInfo:
    return ActionInfo(name, level, scope, x, grant, keys, permission_only)


# Alphabetical; the position of an entry is its bit in an action mask.
ACTIONS: tuple[ActionInfo, ...] = (
    _a("CancelKeyDeletion", _W, _KEY),
    _a("ConnectCustomKeyStore", _W, _ACCT, (_CA,)),
    _a("CreateAlias", _W, _ALIAS),
    _a("CreateCustomKeyStore", _W, _ACCT, (_CA,)),
    _a(
        "CreateGrant",
        _P,
        _KEY,
        (
            _CA,
            _EC,
            _ECK,
            "kms:GrantConstraintType",
            "kms:GranteePrincipal",
            _GIFAR,
            "kms:GrantOperations",
            "kms:RetiringPrincipal",
            _VS,
        ),
        x=True,
        grant=True,
    ),
    _a(
        "CreateKey",
        _W,
        _ACCT,
        (
            "aws:RequestTag/",
            "aws:ResourceTag/",
            "aws:TagKeys",
            _BYPASS,
            _CA,
            "kms:KeySpec",
            "kms:KeyUsage",
            "kms:KeyOrigin",
            "kms:MultiRegion",
            "kms:MultiRegionKeyType",
            _VS,
        ),
    ),
    _a("Decrypt", _W, _KEY, (*_EC_OP, _ATT), x=True, grant=True),
    _a("DeleteAlias", _W, _ALIAS),
    _a("DeleteCustomKeyStore", _W, _ACCT, (_CA,)),
    _a("DeleteImportedKeyMaterial", _W, _KEY),
    _a(
        "DeriveSharedSecret",
        _W,
        _KEY,
        (_CA, "kms:KeyAgreementAlgorithm", _ATT, _RA, _VS),
        x=True,
        grant=True,
    ),
    _a("DescribeCustomKeyStores", _R, _ACCT, (_CA,)),
    _a("DescribeKey", _R, _KEY, (_CA, _RA, _VS), x=True, grant=True),
    _a("DisableKey", _W, _KEY),
    _a("DisableKeyRotation", _W, _KEY),
    _a("DisconnectCustomKeyStore", _W, _ACCT, (_CA,)),
    _a("EnableKey", _W, _KEY),
    _a("EnableKeyRotation", _W, _KEY, (_CA, "kms:RotationPeriodInDays", _VS)),
    _a("Encrypt", _W, _KEY, _EC_OP, x=True, grant=True),
    _a("GenerateDataKey", _W, _KEY, (*_EC_OP, _ATT), x=True, grant=True),
    _a(
        "GenerateDataKeyPair",
        _W,
        _KEY,
        (*_EC_OP, "kms:DataKeyPairSpec", _ATT),
        x=True,
        grant=True,
    ),
    _a(
        "GenerateDataKeyPairWithoutPlaintext",
        _W,
        _KEY,
        (*_EC_OP, "kms:DataKeyPairSpec"),
        x=True,
        grant=True,
    ),
    _a("GenerateDataKeyWithoutPlaintext", _W, _KEY, _EC_OP, x=True, grant=True),
    _a("GenerateMac", _W, _KEY, (_CA, "kms:MacAlgorithm", _RA, _VS), x=True, grant=True),
    _a("GenerateRandom", _W, _ACCT, (_ATT,)),
    _a("GetKeyLastUsage", _R, _KEY),
    _a("GetKeyPolicy", _R, _KEY),
    _a("GetKeyRotationStatus", _R, _KEY, x=True),
    _a(
        "GetParametersForImport",
        _R,
        _KEY,
        (_CA, _VS, "kms:WrappingAlgorithm", "kms:WrappingKeySpec"),
    ),
    _a("GetPublicKey", _R, _KEY, (_CA, _RA, _VS), x=True, grant=True),
    _a("ImportKeyMaterial", _W, _KEY, (_CA, "kms:ExpirationModel", "kms:ValidTo", _VS)),
    _a("ListAliases", _L, _ACCT, ()),
    _a("ListGrants", _L, _KEY, (_CA, _GIFAR, _VS), x=True),
    _a("ListKeyPolicies", _L, _KEY),
    _a("ListKeyRotations", _L, _KEY),
    _a("ListKeys", _L, _ACCT, ()),
    _a("ListResourceTags", _L, _KEY),
    _a("ListRetirableGrants", _L, _ACCT, ()),
    _a("PutKeyPolicy", _P, _KEY, (_BYPASS, _CA, _VS)),
    _a(
        "ReEncryptFrom",
        _W,
        _KEY,
        (*_EC_OP, "kms:ReEncryptOnSameKey"),
        x=True,
        grant=True,
    ),
    _a("ReEncryptTo", _W, _KEY, (*_EC_OP, "kms:ReEncryptOnSameKey"), x=True, grant=True),
    _a("ReplicateKey", _W, _KEY, (_CA, "kms:ReplicaRegion", _VS)),
    # Authorised by the grant itself (retiring principal, grantee); see GRANT_OPERATIONS.
    _a("RetireGrant", _P, _KEY, (_EC, _ECK), x=True, grant=True),
    _a("RevokeGrant", _P, _KEY, (_CA, _GIFAR, _VS), x=True),
    _a("RotateKeyOnDemand", _W, _KEY),
    _a(
        "ScheduleKeyDeletion",
        _W,
        _KEY,
        (_CA, "kms:ScheduleKeyDeletionPendingWindowInDays", _VS),
    ),
    _a(
        "Sign",
        _W,
        _KEY,
        (_CA, "kms:MessageType", _RA, "kms:SigningAlgorithm", _VS),
        x=True,
        grant=True,
    ),
    # Used only by KMS's service-linked role to keep multi-Region keys in step.
    _a("SynchronizeMultiRegionKey", _W, _KEY, (), permission_only=True),
    _a("TagResource", _T, _KEY, ("aws:RequestTag/", "aws:TagKeys", _CA, _VS)),
    _a("UntagResource", _T, _KEY, ("aws:TagKeys", _CA, _VS)),
    _a("UpdateAlias", _W, _ALIAS),
    _a("UpdateCustomKeyStore", _W, _ACCT, (_CA,)),
    _a("UpdateKeyDescription", _W, _KEY),
    _a("UpdatePrimaryRegion", _W, _KEY, (_CA, "kms:PrimaryRegion", _VS)),
    _a(
        "Verify",
        _W,
        _KEY,
        (_CA, "kms:MessageType", _RA, "kms:SigningAlgorithm", _VS),
        x=True,
        grant=True,
    ),
    _a("VerifyMac", _W, _KEY, (_CA, "kms:MacAlgorithm", _RA, _VS), x=True, grant=True),
)

_BY_LOWER: dict[str, ActionInfo] = {a.action.lower(): a for a in ACTIONS}

# "kms:decrypt" -> bit position of kms:Decrypt in an action mask.
ACTION_INDEX: dict[str, int] = {a.action.lower(): i for i, a in enumerate(ACTIONS)}
ALL_ACTIONS_MASK = (1 << len(ACTIONS)) - 1

# The GrantOperation values of the KMS API, in the API's order.
GRANT_OPERATIONS: tuple[str, ...] = (
    "Decrypt",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "ReEncryptFrom",
    "ReEncryptTo",
    "Sign",
    "Verify",
    "GetPublicKey",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "GenerateMac",
    "VerifyMac",
    "DeriveSharedSecret",
)

# Each API operation and the actions it needs; ReEncrypt needs one on each key.
OPERATION_ACTIONS: dict[str, tuple[str, ...]] = {
    **{a.name: (a.name,) for a in ACTIONS if not a.permission_only},
    "ReEncrypt": ("ReEncryptFrom", "ReEncryptTo"),
}
del OPERATION_ACTIONS["ReEncryptFrom"], OPERATION_ACTIONS["ReEncryptTo"]

KEY_RESOURCE_ACTIONS: tuple[str, ...] = tuple(
    a.name for a in ACTIONS if a.scope is not ResourceScope.ACCOUNT
)
IAM_ONLY_ACTIONS: tuple[str, ...] = tuple(
    a.name for a in ACTIONS if a.scope is ResourceScope.ACCOUNT
)
CROSS_ACCOUNT_ACTIONS: tuple[str, ...] = tuple(a.name for a in ACTIONS if a.cross_account)

# The cryptographic operations (facts §12): CloudTrail marks them readOnly and their
# records carry no responseElements.
CRYPTO_OPERATIONS: frozenset[str] = frozenset(
    {
        "Decrypt",
        "DeriveSharedSecret",
        "Encrypt",
        "GenerateDataKey",
        "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext",
        "GenerateMac",
        "GenerateRandom",
        "ReEncrypt",
        "Sign",
        "Verify",
        "VerifyMac",
    }
)

# Operations that take an encryption context (and so the kms:EncryptionContext keys).
ENCRYPTION_CONTEXT_ACTIONS: tuple[str, ...] = (
    "Decrypt",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "GenerateDataKeyWithoutPlaintext",
    "ReEncryptFrom",
    "ReEncryptTo",
)

_S, _AS, _B = ConditionKeyType.STRING, ConditionKeyType.ARRAY_OF_STRING, ConditionKeyType.BOOL
_N, _D = ConditionKeyType.NUMERIC, ConditionKeyType.DATE
_IP, _ARN = ConditionKeyType.IP_ADDRESS, ConditionKeyType.ARN

_KEY_PROPERTY_ACTIONS = ("CreateKey", *KEY_RESOURCE_ACTIONS)
_CALLER_ACCOUNT_ACTIONS = tuple(a.name for a in ACTIONS if _CA in a.condition_keys)
_VIA_SERVICE_ACTIONS = tuple(a.name for a in ACTIONS if _VS in a.condition_keys)
_REQUEST_ALIAS_ACTIONS = tuple(a.name for a in ACTIONS if _RA in a.condition_keys)
_ATTESTATION_ACTIONS = tuple(a.name for a in ACTIONS if _ATT in a.condition_keys)


def _k(
    name: str,
    type_: ConditionKeyType,
    actions: tuple[str, ...] | None,
    *,
    prefix: bool = False,
    in_key_policies: bool = True,
    replaced_by: str | None = None,
) -> ConditionKeyInfo:
    multivalued = type_ is ConditionKeyType.ARRAY_OF_STRING
    return ConditionKeyInfo(name, type_, multivalued, actions, prefix, in_key_policies, replaced_by)


CONDITION_KEYS: tuple[ConditionKeyInfo, ...] = (
    # --- kms: keys ----------------------------------------------------------------------
    _k(_BYPASS, _B, ("CreateKey", "PutKeyPolicy")),
    _k(_CA, _S, _CALLER_ACCOUNT_ACTIONS),
    _k("kms:CustomerMasterKeySpec", _S, _KEY_PROPERTY_ACTIONS, replaced_by="kms:KeySpec"),
    _k("kms:CustomerMasterKeyUsage", _S, _KEY_PROPERTY_ACTIONS, replaced_by="kms:KeyUsage"),
    _k("kms:DataKeyPairSpec", _S, ("GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext")),
    _k(_EA, _S, ENCRYPTION_CONTEXT_ACTIONS),
    _k(_EC, _S, (*ENCRYPTION_CONTEXT_ACTIONS, "CreateGrant", "RetireGrant"), prefix=True),
    _k(_ECK, _AS, (*ENCRYPTION_CONTEXT_ACTIONS, "CreateGrant", "RetireGrant")),
    _k("kms:ExpirationModel", _S, ("ImportKeyMaterial",)),
    _k("kms:GrantConstraintType", _S, ("CreateGrant",)),
    _k(_GIFAR, _B, ("CreateGrant", "ListGrants", "RevokeGrant")),
    _k("kms:GrantOperations", _AS, ("CreateGrant",)),
    _k("kms:GranteePrincipal", _S, ("CreateGrant",)),
    _k("kms:KeyAgreementAlgorithm", _S, ("DeriveSharedSecret",)),
    _k("kms:KeyOrigin", _S, _KEY_PROPERTY_ACTIONS),
    _k("kms:KeySpec", _S, _KEY_PROPERTY_ACTIONS),
    _k("kms:KeyUsage", _S, _KEY_PROPERTY_ACTIONS),
    _k("kms:MacAlgorithm", _S, ("GenerateMac", "VerifyMac")),
    _k("kms:MessageType", _S, ("Sign", "Verify")),
    _k("kms:MultiRegion", _B, _KEY_PROPERTY_ACTIONS),
    _k("kms:MultiRegionKeyType", _S, _KEY_PROPERTY_ACTIONS),
    _k("kms:PrimaryRegion", _S, ("UpdatePrimaryRegion",)),
    _k("kms:ReEncryptOnSameKey", _B, ("ReEncryptFrom", "ReEncryptTo")),
    _k(_ATT, _S, _ATTESTATION_ACTIONS, prefix=True),
    _k("kms:ReplicaRegion", _S, ("ReplicateKey",)),
    _k(_RA, _S, _REQUEST_ALIAS_ACTIONS),
    _k("kms:ResourceAliases", _AS, KEY_RESOURCE_ACTIONS, in_key_policies=False),
    _k("kms:RetiringPrincipal", _S, ("CreateGrant",)),
    _k("kms:RotationPeriodInDays", _N, ("EnableKeyRotation",)),
    _k("kms:ScheduleKeyDeletionPendingWindowInDays", _N, ("ScheduleKeyDeletion",)),
    _k("kms:SigningAlgorithm", _S, ("Sign", "Verify")),
    _k("kms:ValidTo", _D, ("ImportKeyMaterial",)),
    _k(_VS, _S, _VIA_SERVICE_ACTIONS),
    _k("kms:WrappingAlgorithm", _S, ("GetParametersForImport",)),
    _k("kms:WrappingKeySpec", _S, ("GetParametersForImport",)),
    # --- aws: global keys ---------------------------------------------------------------
    _k("aws:AssumedRoot", _B, None),
    _k("aws:CalledVia", _AS, None),
    _k("aws:CalledViaFirst", _S, None),
    _k("aws:CalledViaLast", _S, None),
    _k("aws:CurrentTime", _D, None),
    _k("aws:EpochTime", _D, None),
    _k("aws:Ec2InstanceSourcePrivateIPv4", _IP, None),
    _k("aws:Ec2InstanceSourceVpc", _S, None),
    _k("aws:FederatedProvider", _S, None),
    _k("aws:MultiFactorAuthAge", _N, None),
    _k("aws:MultiFactorAuthPresent", _B, None),
    _k("aws:PrincipalAccount", _S, None),
    _k("aws:PrincipalArn", _ARN, None),
    _k("aws:PrincipalIsAWSService", _B, None),
    _k("aws:PrincipalOrgID", _S, None),
    _k("aws:PrincipalOrgPaths", _AS, None),
    _k("aws:PrincipalServiceName", _S, None),
    _k("aws:PrincipalServiceNamesList", _AS, None),
    _k("aws:PrincipalTag/", _S, None, prefix=True),
    _k("aws:PrincipalType", _S, None),
    _k("aws:Referer", _S, None),
    _k("aws:RequestedRegion", _S, None),
    _k("aws:RequestTag/", _S, ("CreateKey", "TagResource"), prefix=True),
    _k("aws:ResourceAccount", _S, None),
    _k("aws:ResourceOrgID", _S, None),
    _k("aws:ResourceOrgPaths", _AS, None),
    # KMS evaluates aws:ResourceTag only in IAM policies, never in key policies.
    _k(
        "aws:ResourceTag/",
        _S,
        ("CreateKey", *KEY_RESOURCE_ACTIONS),
        prefix=True,
        in_key_policies=False,
    ),
    _k("aws:SecureTransport", _B, None),
    _k("aws:SourceAccount", _S, None),
    _k("aws:SourceArn", _ARN, None),
    _k("aws:SourceIdentity", _S, None),
    _k("aws:SourceIp", _IP, None),
    _k("aws:SourceOrgID", _S, None),
    _k("aws:SourceOrgPaths", _AS, None),
    _k("aws:SourceVpc", _S, None),
    _k("aws:SourceVpcArn", _ARN, None),
    _k("aws:SourceVpce", _S, None),
    _k("aws:TagKeys", _AS, ("CreateKey", "TagResource", "UntagResource")),
    _k("aws:TokenIssueTime", _D, None),
    _k("aws:UserAgent", _S, None),
    _k("aws:userid", _S, None),
    _k("aws:username", _S, None),
    _k("aws:ViaAWSService", _B, None),
    _k("aws:VpcSourceIp", _IP, None),
)

_EXACT_KEYS: dict[str, ConditionKeyInfo] = {
    k.name.lower(): k for k in CONDITION_KEYS if not k.prefix
}
_PREFIX_KEYS: tuple[ConditionKeyInfo, ...] = tuple(k for k in CONDITION_KEYS if k.prefix)


def lookup_condition_key(name: str) -> ConditionKeyInfo | None:
    """The catalogue entry for a condition key as written in a policy, ignoring case.

    ``"kms:EncryptionContext:Department"`` finds the ``kms:EncryptionContext:`` family;
    a bare prefix with nothing after it is not a key.
    """
    lowered = name.lower()
    exact = _EXACT_KEYS.get(lowered)
    if exact is not None:
        return exact
    for family in _PREFIX_KEYS:
        stem = family.name.lower()
        if lowered.startswith(stem) and len(lowered) > len(stem):
            return family
    return None


def lookup_action(action: str) -> ActionInfo | None:
    """The entry for a full action name such as ``"kms:Decrypt"`` (any case)."""
    return _BY_LOWER.get(action.lower())


@lru_cache(maxsize=4096)
def _glob(pattern: str) -> re.Pattern[str]:
    parts = ("." if ch == "?" else ".*" if ch == "*" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=4096)
def match_actions(pattern: str) -> frozenset[str]:
    """The KMS actions (``"kms:Name"``) an Action element value matches.

    IAM matches the whole ``service:name`` string, case-insensitively, with ``*`` for
    any run of characters and ``?`` for one. So ``"*"`` is every KMS action,
    ``"kms:Describe*"`` is DescribeKey and DescribeCustomKeyStores, and a pattern for
    another service (``"s3:*"``) matches none.
    """
    regex = _glob(pattern)
    return frozenset(a.action for a in ACTIONS if regex.fullmatch(a.action))


@lru_cache(maxsize=4096)
def action_mask(pattern: str) -> int:
    """``match_actions`` as a bit mask over ``ACTIONS``."""
    mask = 0
    for action in match_actions(pattern):
        mask |= 1 << ACTION_INDEX[action.lower()]
    return mask
