"""The KMS data model: plain frozen records, as the store keeps them.

Field names follow AWS's shapes (KeyMetadata, GrantListEntry, AliasListEntry,
RotationsListEntry) in snake_case; ``key_metadata()`` and friends render the boto3-shaped
dicts. Maps are tuples of (key, value) pairs so every record is immutable. Secrets appear
only as ``WrappedSecret`` (sealed by the root key), never as plaintext bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kmspolicy.kms._api_model import SHAPES
from kmspolicy.kms.specs import KEY_SPECS

__all__ = [
    "LEGACY_KEY_SPECS",
    "AccessKeyRecord",
    "AliasRecord",
    "BackingKeyRecord",
    "CustomKeyStoreRecord",
    "GrantRecord",
    "HsmClusterRecord",
    "ImportParametersRecord",
    "KeyRecord",
    "KeyUsageRecord",
    "Pairs",
    "PrincipalRecord",
    "RotationRecord",
    "SessionRecord",
    "WrappedSecret",
    "pairs",
]

Pairs = tuple[tuple[str, str], ...]
LEGACY_KEY_SPECS = frozenset(SHAPES["CustomerMasterKeySpec"]["enum"])


def pairs(mapping: dict[str, str] | None) -> Pairs:
    """A map as sorted (key, value) pairs, the form records hold."""
    return tuple(sorted((mapping or {}).items()))


@dataclass(frozen=True, slots=True)
class WrappedSecret:
    """Secret bytes sealed by the root key (see ``kmspolicy.kms.rootkey``)."""

    data: bytes

    def __repr__(self) -> str:
        return f"WrappedSecret(<{len(self.data)} bytes>)"


@dataclass(frozen=True, slots=True)
class KeyRecord:
    key_id: str
    arn: str
    account_id: str
    region: str
    creation_date: datetime
    key_spec: str = "SYMMETRIC_DEFAULT"
    key_usage: str = "ENCRYPT_DECRYPT"
    origin: str = "AWS_KMS"
    key_state: str = "Enabled"
    description: str = ""
    key_manager: str = "CUSTOMER"
    policy: str = ""
    deletion_date: datetime | None = None
    pending_deletion_window_in_days: int | None = None
    valid_to: datetime | None = None
    expiration_model: str | None = None
    multi_region: bool = False
    multi_region_key_type: str | None = None  # PRIMARY | REPLICA
    primary_key_arn: str | None = None
    rotation_enabled: bool = False
    rotation_period_in_days: int | None = None
    next_rotation_date: datetime | None = None
    on_demand_rotation_start_date: datetime | None = None
    custom_key_store_id: str | None = None  # keys of origin AWS_CLOUDHSM

    @property
    def enabled(self) -> bool:
        return self.key_state == "Enabled"

    def key_metadata(self, current_key_material_id: str | None = None) -> dict[str, Any]:
        """The boto3-shaped KeyMetadata (absent optional members left out)."""
        spec = KEY_SPECS.get(self.key_spec)
        md: dict[str, Any] = {
            "AWSAccountId": self.account_id,
            "KeyId": self.key_id,
            "Arn": self.arn,
            "CreationDate": self.creation_date,
            "Enabled": self.enabled,
            "Description": self.description,
            "KeyUsage": self.key_usage,
            "KeyState": self.key_state,
            "Origin": self.origin,
            "KeyManager": self.key_manager,
            "KeySpec": self.key_spec,
            "MultiRegion": self.multi_region,
        }
        optional = {
            "DeletionDate": self.deletion_date,
            "PendingDeletionWindowInDays": self.pending_deletion_window_in_days,
            "ValidTo": self.valid_to,
            "ExpirationModel": self.expiration_model,
            "CurrentKeyMaterialId": current_key_material_id,
            "CustomKeyStoreId": self.custom_key_store_id,
        }
        md.update({k: v for k, v in optional.items() if v is not None})
        if self.key_spec in LEGACY_KEY_SPECS:  # the deprecated member has no newer specs
            md["CustomerMasterKeySpec"] = self.key_spec
        if spec is not None:
            for member, usage in (
                ("EncryptionAlgorithms", "ENCRYPT_DECRYPT"),
                ("SigningAlgorithms", "SIGN_VERIFY"),
                ("MacAlgorithms", "GENERATE_VERIFY_MAC"),
                ("KeyAgreementAlgorithms", "KEY_AGREEMENT"),
            ):
                if self.key_usage == usage:
                    md[member] = list(spec.algorithms(usage))
        if self.multi_region and self.multi_region_key_type:
            primary_arn = self.primary_key_arn or self.arn
            md["MultiRegionConfiguration"] = {
                "MultiRegionKeyType": self.multi_region_key_type,
                "PrimaryKey": {"Arn": primary_arn, "Region": primary_arn.split(":")[3]},
                "ReplicaKeys": [],
            }
        return md


@dataclass(frozen=True, slots=True)
class BackingKeyRecord:
    """One generation of a key's material. ``wrapped_material`` is None once imported
    material is deleted; the generation's id stays, so re-import can be checked. Material
    generated inside an HSM is never here: ``hsm_object_id`` names the token object."""

    key_id: str
    generation: int  # 1-based, in creation order
    key_material_id: str  # 64 hex digits
    wrapped_material: WrappedSecret | None
    created: datetime
    rotation_type: str | None = None  # None for the first generation
    import_state: str | None = None  # IMPORTED | PENDING_IMPORT for EXTERNAL keys
    expiration_model: str | None = None
    valid_to: datetime | None = None
    hsm_object_id: bytes | None = None  # CKA_ID of the material kept in an HSM token


@dataclass(frozen=True, slots=True)
class RotationRecord:
    key_id: str
    key_material_id: str
    rotation_date: datetime
    rotation_type: str  # AUTOMATIC | ON_DEMAND

    def list_entry(self) -> dict[str, Any]:
        return {
            "KeyId": self.key_id,
            "KeyMaterialId": self.key_material_id,
            "RotationDate": self.rotation_date,
            "RotationType": self.rotation_type,
        }


@dataclass(frozen=True, slots=True)
class AliasRecord:
    alias_name: str  # alias/...
    account_id: str
    region: str
    target_key_id: str
    creation_date: datetime
    last_updated_date: datetime
    partition: str = "aws"

    @property
    def alias_arn(self) -> str:
        return f"arn:{self.partition}:kms:{self.region}:{self.account_id}:{self.alias_name}"

    def list_entry(self) -> dict[str, Any]:
        return {
            "AliasName": self.alias_name,
            "AliasArn": self.alias_arn,
            "TargetKeyId": self.target_key_id,
            "CreationDate": self.creation_date,
            "LastUpdatedDate": self.last_updated_date,
        }


@dataclass(frozen=True, slots=True)
class GrantRecord:
    grant_id: str
    key_id: str
    grantee_principal: str
    issuing_account: str  # arn:aws:iam::<account>:root
    operations: tuple[str, ...]
    creation_date: datetime
    grant_token: str
    name: str | None = None
    retiring_principal: str | None = None
    encryption_context_subset: Pairs | None = None
    encryption_context_equals: Pairs | None = None
    pending: bool = False  # not yet effective without its grant token

    def list_entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "KeyId": self.key_id,
            "GrantId": self.grant_id,
            "CreationDate": self.creation_date,
            "GranteePrincipal": self.grantee_principal,
            "IssuingAccount": self.issuing_account,
            "Operations": list(self.operations),
        }
        if self.name is not None:
            entry["Name"] = self.name
        if self.retiring_principal is not None:
            entry["RetiringPrincipal"] = self.retiring_principal
        constraints: dict[str, dict[str, str]] = {}
        if self.encryption_context_subset is not None:
            constraints["EncryptionContextSubset"] = dict(self.encryption_context_subset)
        if self.encryption_context_equals is not None:
            constraints["EncryptionContextEquals"] = dict(self.encryption_context_equals)
        if constraints:
            entry["Constraints"] = constraints
        return entry


@dataclass(frozen=True, slots=True)
class ImportParametersRecord:
    import_token: bytes
    key_id: str
    wrapping_algorithm: str
    wrapping_key_spec: str
    public_key: bytes  # DER SPKI
    wrapped_private_key: WrappedSecret
    parameters_valid_to: datetime
    created: datetime


@dataclass(frozen=True, slots=True)
class PrincipalRecord:
    """An IAM identity the KMS knows: an account root, a user or a role."""

    arn: str
    account_id: str
    kind: str  # account | user | role
    name: str
    created: datetime
    path: str = "/"
    tags: Pairs = ()
    identity_policies: tuple[tuple[str, str], ...] = ()  # (policy name, policy text)
    permissions_boundary: str | None = None


@dataclass(frozen=True, slots=True)
class AccessKeyRecord:
    access_key_id: str
    principal_arn: str
    wrapped_secret: WrappedSecret
    created: datetime
    status: str = "Active"  # Active | Inactive


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """Temporary credentials of an assumed-role session (STS AssumeRole)."""

    access_key_id: str  # ASIA...
    session_arn: str  # arn:aws:sts::<account>:assumed-role/<role>/<session>
    role_arn: str
    wrapped_secret: WrappedSecret
    session_token: str
    created: datetime
    expiration: datetime
    session_policy: str | None = None


@dataclass(frozen=True, slots=True)
class KeyUsageRecord:
    """The last successful cryptographic operation with a key (GetKeyLastUsage)."""

    key_id: str
    operation: str
    timestamp: datetime
    kms_request_id: str
    cloudtrail_event_id: str | None = None


@dataclass(frozen=True, slots=True)
class HsmClusterRecord:
    """A PKCS#11 token registered as what AWS calls a CloudHSM cluster."""

    cluster_id: str  # cluster-<11..16 base32 characters>
    module_path: str  # the PKCS#11 library (.so)
    token_label: str
    trust_anchor_certificate: str  # PEM
    created: datetime


@dataclass(frozen=True, slots=True)
class CustomKeyStoreRecord:
    """An AWS_CLOUDHSM custom key store. The crypto user's password is kept sealed."""

    custom_key_store_id: str  # cks-<17 hex digits>
    account_id: str
    region: str
    name: str
    cloud_hsm_cluster_id: str
    trust_anchor_certificate: str
    wrapped_password: WrappedSecret
    creation_date: datetime
    connection_state: str = "DISCONNECTED"
    connection_error_code: str | None = None

    def list_entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "CustomKeyStoreId": self.custom_key_store_id,
            "CustomKeyStoreName": self.name,
            "CloudHsmClusterId": self.cloud_hsm_cluster_id,
            "TrustAnchorCertificate": self.trust_anchor_certificate,
            "ConnectionState": self.connection_state,
            "CreationDate": self.creation_date,
            "CustomKeyStoreType": "AWS_CLOUDHSM",
        }
        if self.connection_error_code is not None:
            entry["ConnectionErrorCode"] = self.connection_error_code
        return entry
