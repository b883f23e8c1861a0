"""The ``Store`` protocol: everything the KMS persists, independent of the database.

A backend keeps records (``kmspolicy.kms.model``) and nothing else: it never sees plaintext
key material, because secrets arrive already sealed as ``WrappedSecret``. Writes of key
material (generations, import parameters, access keys) must be durable when the call
returns. Every method is safe to call from several threads.
"""

from __future__ import annotations

from typing import Protocol

from kmspolicy.errors import KmsPolicyError
from kmspolicy.kms.model import (
    AccessKeyRecord,
    AliasRecord,
    BackingKeyRecord,
    CustomKeyStoreRecord,
    GrantRecord,
    HsmClusterRecord,
    ImportParametersRecord,
    KeyRecord,
    KeyUsageRecord,
    PrincipalRecord,
    RotationRecord,
    SessionRecord,
)

__all__ = ["Store", "StoreError"]


class StoreError(KmsPolicyError, RuntimeError):
    """The database cannot be used: newer schema than this kmspolicy, or a broken write
    (a duplicate generation, a record for a key that does not exist)."""


class Store(Protocol):
    @property
    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def data_version(self) -> int:
        """A number that changes when another connection (another process or thread)
        commits a change to the database; cheap enough to ask before every request."""
        ...

    # keys
    def put_key(self, key: KeyRecord) -> None:
        """Insert or replace a key's metadata."""
        ...

    def get_key(self, key_id: str) -> KeyRecord | None: ...

    def list_keys(self, account_id: str, region: str) -> list[KeyRecord]: ...

    def delete_key(self, key_id: str) -> bool:
        """Remove a key and everything that belongs to it (material, aliases, grants...)."""
        ...

    # backing keys (generations) and rotation history
    def add_generation(
        self, backing: BackingKeyRecord, rotation: RotationRecord | None = None
    ) -> None:
        """Append a generation (its number must be the next one), with its rotation entry."""
        ...

    def put_backing_key(self, backing: BackingKeyRecord) -> None:
        """Replace an existing generation (re-imported or deleted material)."""
        ...

    def list_backing_keys(self, key_id: str) -> list[BackingKeyRecord]:
        """Generations, oldest first."""
        ...

    def list_rotations(self, key_id: str) -> list[RotationRecord]: ...

    # aliases
    def put_alias(self, alias: AliasRecord) -> None: ...

    def get_alias(self, account_id: str, region: str, alias_name: str) -> AliasRecord | None: ...

    def list_aliases(
        self, account_id: str, region: str, key_id: str | None = None
    ) -> list[AliasRecord]: ...

    def delete_alias(self, account_id: str, region: str, alias_name: str) -> bool: ...

    # tags
    def set_tags(self, key_id: str, tags: dict[str, str]) -> None:
        """Add or overwrite tags; other tags stay."""
        ...

    def remove_tags(self, key_id: str, tag_keys: list[str]) -> None: ...

    def get_tags(self, key_id: str) -> dict[str, str]: ...

    # grants
    def put_grant(self, grant: GrantRecord) -> None: ...

    def get_grant(self, grant_id: str) -> GrantRecord | None: ...

    def find_grant_by_token(self, grant_token: str) -> GrantRecord | None: ...

    def list_grants(self, key_id: str) -> list[GrantRecord]: ...

    def list_retirable_grants(self, retiring_principal: str) -> list[GrantRecord]: ...

    def delete_grant(self, grant_id: str) -> bool: ...

    # import parameters
    def put_import_parameters(self, params: ImportParametersRecord) -> None: ...

    def get_import_parameters(self, import_token: bytes) -> ImportParametersRecord | None: ...

    def delete_import_parameters(self, key_id: str) -> None: ...

    # principals and access keys
    def put_principal(self, principal: PrincipalRecord) -> None: ...

    def get_principal(self, arn: str) -> PrincipalRecord | None: ...

    def list_principals(self, account_id: str | None = None) -> list[PrincipalRecord]: ...

    def delete_principal(self, arn: str) -> bool: ...

    def put_access_key(self, access_key: AccessKeyRecord) -> None: ...

    def get_access_key(self, access_key_id: str) -> AccessKeyRecord | None: ...

    def list_access_keys(self, principal_arn: str) -> list[AccessKeyRecord]: ...

    def delete_access_key(self, access_key_id: str) -> bool: ...

    # assumed-role sessions
    def put_session(self, session: SessionRecord) -> None: ...

    def get_session(self, access_key_id: str) -> SessionRecord | None: ...

    def list_sessions(self, role_arn: str) -> list[SessionRecord]: ...

    def delete_session(self, access_key_id: str) -> bool: ...

    # key last usage
    def put_scps(self, account_id: str, scps: tuple[tuple[str, str], ...]) -> None:
        """Replace the account's service control policies, (name, text) in order."""
        ...

    def get_scps(self, account_id: str) -> tuple[tuple[str, str], ...]: ...

    def set_management_account(self, account_id: str | None) -> None:
        """Name the organization's management account (None: no organization)."""
        ...

    def get_management_account(self) -> str | None: ...

    def record_key_usage(self, usage: KeyUsageRecord) -> None: ...

    def get_key_last_usage(self, key_id: str) -> KeyUsageRecord | None: ...

    # PKCS#11 tokens registered as CloudHSM clusters, and the custom key stores on them
    def put_hsm_cluster(self, cluster: HsmClusterRecord) -> None: ...

    def get_hsm_cluster(self, cluster_id: str) -> HsmClusterRecord | None: ...

    def list_hsm_clusters(self) -> list[HsmClusterRecord]: ...

    def delete_hsm_cluster(self, cluster_id: str) -> bool:
        """Refused (StoreError) while a custom key store uses the cluster."""
        ...

    def put_custom_key_store(self, key_store: CustomKeyStoreRecord) -> None:
        """Insert or replace; a name is unique per account and Region, a cluster serves
        one key store."""
        ...

    def get_custom_key_store(self, custom_key_store_id: str) -> CustomKeyStoreRecord | None: ...

    def list_custom_key_stores(
        self, account_id: str | None = None, region: str | None = None
    ) -> list[CustomKeyStoreRecord]:
        """Every key store, or those of one account and Region."""
        ...

    def delete_custom_key_store(self, custom_key_store_id: str) -> bool: ...

    def list_keys_in_custom_key_store(self, custom_key_store_id: str) -> list[KeyRecord]: ...
