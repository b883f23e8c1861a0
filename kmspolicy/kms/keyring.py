"""Key material at rest and in use: generations, rotation and import over a ``Store``.

The keyring is the one place that seals material with the root key before it is stored
and opens it again to build the ``CryptoKey`` a recipe runs with. A key's generations are
an ordered list; rotation appends one and keeps every older one, so ciphertexts from any
generation still decrypt while new ones use the newest.
"""

from __future__ import annotations

from datetime import datetime

from kmspolicy.engine.decision import Permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import crypto, importing
from kmspolicy.kms.clock import Clock
from kmspolicy.kms.hsm.keystores import CustomKeyStores
from kmspolicy.kms.model import (
    BackingKeyRecord,
    ImportParametersRecord,
    KeyRecord,
    RotationRecord,
)
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store.base import Store

__all__ = ["BACKING_KEY", "IMPORT_WRAPPING_KEY", "KeyRing"]

BACKING_KEY = "backing-key"
IMPORT_WRAPPING_KEY = "import-wrapping-key"


class KeyRing:
    def __init__(
        self,
        store: Store,
        root_key: RootKey,
        clock: Clock,
        keystores: CustomKeyStores | None = None,
    ) -> None:
        self.store = store
        self.root_key = root_key
        self.clock = clock
        self.keystores = keystores or CustomKeyStores(store, root_key)

    def _record(
        self,
        key: KeyRecord,
        generation: int,
        backing: crypto.BackingKey,
        *,
        rotation_type: str | None = None,
        imported: bool = False,
        expiration_model: str | None = None,
        valid_to: datetime | None = None,
    ) -> BackingKeyRecord:
        return BackingKeyRecord(
            key_id=key.key_id,
            generation=generation,
            key_material_id=backing.key_material_id,
            wrapped_material=self.root_key.wrap(BACKING_KEY, key.key_id, backing.secret),
            created=self.clock.now(),
            rotation_type=rotation_type,
            import_state="IMPORTED" if imported else None,
            expiration_model=expiration_model,
            valid_to=valid_to,
        )

    def create_material(self, key: KeyRecord) -> str:
        """First generation of a new AWS_KMS key, or of an AWS_CLOUDHSM key (generated in
        its key store's token, where it stays); returns its KeyMaterialId."""
        if self.store.list_backing_keys(key.key_id):
            raise ValueError(f"key {key.key_id} already has key material")
        if key.origin == "AWS_CLOUDHSM":
            object_id = self.keystores.generate_key(key)
            material_id = crypto.hsm_material_id(key.key_id, object_id).hex()
            self.store.add_generation(
                BackingKeyRecord(
                    key.key_id, 1, material_id, None, self.clock.now(), hsm_object_id=object_id
                )
            )
            return material_id
        backing = crypto.new_backing_key(key.key_id, key.key_spec)
        self.store.add_generation(self._record(key, 1, backing))
        return backing.key_material_id

    def rotate(self, key: KeyRecord, rotation_type: str = "ON_DEMAND") -> str:
        """Add a generation (AUTOMATIC or ON_DEMAND rotation); returns its KeyMaterialId."""
        if key.key_spec != "SYMMETRIC_DEFAULT" or key.origin != "AWS_KMS":
            raise KMSError(
                "UnsupportedOperationException",
                f"{key.arn} does not support key rotation.",
            )
        generations = self.store.list_backing_keys(key.key_id)
        backing = crypto.new_backing_key(key.key_id, key.key_spec)
        record = self._record(key, len(generations) + 1, backing, rotation_type=rotation_type)
        history = RotationRecord(key.key_id, backing.key_material_id, record.created, rotation_type)
        self.store.add_generation(record, history)
        return backing.key_material_id

    def crypto_key(self, key: KeyRecord) -> crypto.CryptoKey:
        """The key with every generation whose material is present, opened for use."""
        if key.origin == "AWS_CLOUDHSM":
            in_hsm = tuple(
                crypto.BackingKey.in_hsm(
                    bytes.fromhex(b.key_material_id), self.keystores.aead(key, b.hsm_object_id)
                )
                for b in self.store.list_backing_keys(key.key_id)
                if b.hsm_object_id is not None
            )
            return crypto.CryptoKey(key.key_id, key.arn, key.key_spec, key.key_usage, in_hsm)
        generations = tuple(
            crypto.BackingKey(
                bytes.fromhex(b.key_material_id),
                self.root_key.unwrap(BACKING_KEY, key.key_id, b.wrapped_material),
            )
            for b in self.store.list_backing_keys(key.key_id)
            if b.wrapped_material is not None
        )
        return crypto.CryptoKey(key.key_id, key.arn, key.key_spec, key.key_usage, generations)

    # --- import ------------------------------------------------------------------------

    def get_parameters_for_import(
        self, permit: Permit, key: KeyRecord, wrapping_algorithm: str, wrapping_key_spec: str
    ) -> importing.ImportParameters:
        """Make and store import parameters (the private key sealed by the root key)."""
        crypto.require_permit(permit, "kms:GetParametersForImport", key.arn)
        now = self.clock.now()
        params = importing.get_parameters_for_import(
            permit, self.crypto_key(key), wrapping_algorithm, wrapping_key_spec, now
        )
        self.store.put_import_parameters(
            ImportParametersRecord(
                import_token=params.import_token,
                key_id=key.key_id,
                wrapping_algorithm=params.wrapping_algorithm,
                wrapping_key_spec=params.wrapping_key_spec,
                public_key=params.public_key,
                wrapped_private_key=self.root_key.wrap(
                    IMPORT_WRAPPING_KEY, key.key_id, params.private_key
                ),
                parameters_valid_to=params.parameters_valid_to,
                created=now,
            )
        )
        return params

    def _load_parameters(self, import_token: bytes) -> importing.ImportParameters | None:
        stored = self.store.get_import_parameters(import_token)
        if stored is None:
            return None
        return importing.ImportParameters(
            key_id=stored.key_id,
            wrapping_algorithm=stored.wrapping_algorithm,
            wrapping_key_spec=stored.wrapping_key_spec,
            public_key=stored.public_key,
            import_token=stored.import_token,
            parameters_valid_to=stored.parameters_valid_to,
            private_key=self.root_key.unwrap(
                IMPORT_WRAPPING_KEY, stored.key_id, stored.wrapped_private_key
            ),
        )

    def import_key_material(
        self,
        permit: Permit,
        key: KeyRecord,
        import_token: bytes,
        encrypted_key_material: bytes,
        *,
        expiration_model: str = "KEY_MATERIAL_DOES_NOT_EXPIRE",
        valid_to: datetime | None = None,
    ) -> str:
        """Import (or re-import the same) material; returns its KeyMaterialId."""
        crypto.require_permit(permit, "kms:ImportKeyMaterial", key.arn)
        existing = self.store.list_backing_keys(key.key_id)
        backing = importing.import_key_material(
            permit,
            self.crypto_key(key),
            import_token,
            encrypted_key_material,
            self._load_parameters(import_token) if isinstance(import_token, bytes) else None,
            self.clock.now(),
            previous_material_ids={b.key_material_id for b in existing},
        )
        same = [b for b in existing if b.key_material_id == backing.key_material_id]
        generation = same[0].generation if same else len(existing) + 1
        record = self._record(
            key,
            generation,
            backing,
            imported=True,
            expiration_model=expiration_model,
            valid_to=valid_to,
        )
        if same:
            self.store.put_backing_key(record)
        else:
            self.store.add_generation(record)
        self.store.delete_import_parameters(key.key_id)
        return backing.key_material_id

    def destroy_hsm_material(self, key: KeyRecord) -> None:
        """Destroy the token objects of a key being deleted, where its key store can reach
        them; otherwise they stay in the token, orphaned, as AWS leaves them."""
        if key.custom_key_store_id is None:
            return
        for b in self.store.list_backing_keys(key.key_id):
            if b.hsm_object_id is not None:
                self.keystores.destroy_key(key.custom_key_store_id, b.hsm_object_id)

    def delete_imported_material(self, key: KeyRecord) -> None:
        """Drop the material but keep each generation's id, so only the same material
        can be imported again."""
        for b in self.store.list_backing_keys(key.key_id):
            if b.wrapped_material is not None:
                self.store.put_backing_key(
                    BackingKeyRecord(
                        b.key_id,
                        b.generation,
                        b.key_material_id,
                        None,
                        b.created,
                        b.rotation_type,
                        "PENDING_IMPORT",
                        b.expiration_model,
                        b.valid_to,
                    )
                )
