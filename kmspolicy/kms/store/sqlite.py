"""The SQLite store: one file, WAL journal, one connection per thread.

Key-material writes (generations, import parameters, access keys) run with
``synchronous=FULL``, so they are on disk when the call returns; other writes use
``NORMAL``, which in WAL mode is consistent after a crash but may lose the last commits.
Timestamps are stored as ISO 8601 UTC text, maps as rows (tags) or sorted JSON.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

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
    Pairs,
    PrincipalRecord,
    RotationRecord,
    SessionRecord,
    WrappedSecret,
)
from kmspolicy.kms.store.base import StoreError
from kmspolicy.kms.store.sqlite_schema import migrate

__all__ = ["SQLiteStore"]

Row = sqlite3.Row


def _ts(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"timestamps must be timezone-aware, got {value!r}")
    return value.astimezone(UTC).isoformat()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _pairs_json(value: Pairs | None) -> str | None:
    return None if value is None else json.dumps(dict(value), sort_keys=True)


def _json_pairs(value: str | None) -> Pairs | None:
    return None if value is None else tuple(sorted(json.loads(value).items()))


def _wrapped(value: bytes | None) -> WrappedSecret | None:
    return None if value is None else WrappedSecret(bytes(value))


_KEY_COLUMNS = (
    "key_id, arn, account_id, region, creation_date, key_spec, key_usage, origin, key_state, "
    "description, key_manager, policy, deletion_date, pending_deletion_window_in_days, "
    "valid_to, expiration_model, multi_region, multi_region_key_type, primary_key_arn, "
    "rotation_enabled, rotation_period_in_days, next_rotation_date, "
    "on_demand_rotation_start_date, custom_key_store_id"
)
_BACKING_COLUMNS = (
    "key_id, generation, key_material_id, wrapped_material, created, rotation_type, "
    "import_state, expiration_model, valid_to, hsm_object_id"
)
_GRANT_COLUMNS = (
    "grant_id, key_id, name, grantee_principal, retiring_principal, issuing_account, "
    "operations, ec_subset, ec_equals, grant_token, creation_date, pending"
)


def _key(row: Row) -> KeyRecord:
    return KeyRecord(
        key_id=row["key_id"],
        arn=row["arn"],
        account_id=row["account_id"],
        region=row["region"],
        creation_date=_req_dt(row["creation_date"]),
        key_spec=row["key_spec"],
        key_usage=row["key_usage"],
        origin=row["origin"],
        key_state=row["key_state"],
        description=row["description"],
        key_manager=row["key_manager"],
        policy=row["policy"],
        deletion_date=_dt(row["deletion_date"]),
        pending_deletion_window_in_days=row["pending_deletion_window_in_days"],
        valid_to=_dt(row["valid_to"]),
        expiration_model=row["expiration_model"],
        multi_region=bool(row["multi_region"]),
        multi_region_key_type=row["multi_region_key_type"],
        primary_key_arn=row["primary_key_arn"],
        rotation_enabled=bool(row["rotation_enabled"]),
        rotation_period_in_days=row["rotation_period_in_days"],
        next_rotation_date=_dt(row["next_rotation_date"]),
        on_demand_rotation_start_date=_dt(row["on_demand_rotation_start_date"]),
        custom_key_store_id=row["custom_key_store_id"],
    )


def _backing(row: Row) -> BackingKeyRecord:
    return BackingKeyRecord(
        key_id=row["key_id"],
        generation=row["generation"],
        key_material_id=row["key_material_id"],
        wrapped_material=_wrapped(row["wrapped_material"]),
        created=_req_dt(row["created"]),
        rotation_type=row["rotation_type"],
        import_state=row["import_state"],
        expiration_model=row["expiration_model"],
        valid_to=_dt(row["valid_to"]),
        hsm_object_id=None if row["hsm_object_id"] is None else bytes(row["hsm_object_id"]),
    )


def _backing_params(b: BackingKeyRecord) -> tuple[Any, ...]:
    return (
        b.key_id,
        b.generation,
        b.key_material_id,
        None if b.wrapped_material is None else b.wrapped_material.data,
        _ts(b.created),
        b.rotation_type,
        b.import_state,
        b.expiration_model,
        _ts(b.valid_to),
        b.hsm_object_id,
    )


def _grant(row: Row) -> GrantRecord:
    return GrantRecord(
        grant_id=row["grant_id"],
        key_id=row["key_id"],
        name=row["name"],
        grantee_principal=row["grantee_principal"],
        retiring_principal=row["retiring_principal"],
        issuing_account=row["issuing_account"],
        operations=tuple(json.loads(row["operations"])),
        encryption_context_subset=_json_pairs(row["ec_subset"]),
        encryption_context_equals=_json_pairs(row["ec_equals"]),
        grant_token=row["grant_token"],
        creation_date=_req_dt(row["creation_date"]),
        pending=bool(row["pending"]),
    )


def _alias(row: Row) -> AliasRecord:
    return AliasRecord(
        alias_name=row["alias_name"],
        account_id=row["account_id"],
        region=row["region"],
        target_key_id=row["target_key_id"],
        creation_date=_req_dt(row["creation_date"]),
        last_updated_date=_req_dt(row["last_updated_date"]),
        partition=row["partition"],
    )


def _hsm_cluster(row: Row) -> HsmClusterRecord:
    return HsmClusterRecord(
        cluster_id=row["cluster_id"],
        module_path=row["module_path"],
        token_label=row["token_label"],
        trust_anchor_certificate=row["trust_anchor"],
        created=_req_dt(row["created"]),
    )


def _custom_key_store(row: Row) -> CustomKeyStoreRecord:
    return CustomKeyStoreRecord(
        custom_key_store_id=row["custom_key_store_id"],
        account_id=row["account_id"],
        region=row["region"],
        name=row["name"],
        cloud_hsm_cluster_id=row["cluster_id"],
        trust_anchor_certificate=row["trust_anchor"],
        wrapped_password=WrappedSecret(bytes(row["wrapped_password"])),
        creation_date=_req_dt(row["creation_date"]),
        connection_state=row["connection_state"],
        connection_error_code=row["connection_error_code"],
    )


_STORE_COLUMNS = (
    "custom_key_store_id, account_id, region, name, cluster_id, trust_anchor, "
    "wrapped_password, creation_date, connection_state, connection_error_code"
)


def _access_key(row: Row) -> AccessKeyRecord:
    return AccessKeyRecord(
        access_key_id=row["access_key_id"],
        principal_arn=row["principal_arn"],
        wrapped_secret=WrappedSecret(bytes(row["wrapped_secret"])),
        created=_req_dt(row["created"]),
        status=row["status"],
    )


def _session(row: Row) -> SessionRecord:
    return SessionRecord(
        access_key_id=row["access_key_id"],
        session_arn=row["session_arn"],
        role_arn=row["role_arn"],
        wrapped_secret=WrappedSecret(bytes(row["wrapped_secret"])),
        session_token=row["session_token"],
        created=_req_dt(row["created"]),
        expiration=_req_dt(row["expiration"]),
        session_policy=row["session_policy"],
    )


class SQLiteStore:
    """``Store`` on a SQLite file. Safe to share between threads."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = 30.0) -> None:
        self.path = os.fspath(path)
        self._timeout = busy_timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        conn = self._conn()
        conn.execute("PRAGMA journal_mode=WAL")
        self._version = migrate(conn)

    # --- connections and transactions --------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        with self._lock:
            if self._closed:
                raise StoreError(f"store {self.path} is closed")
            # Each thread gets its own connection; check_same_thread is off only so that
            # close() may close them all from one thread.
            conn = sqlite3.connect(
                self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
            self._all.append(conn)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        self._local.conn = conn
        return conn

    @contextmanager
    def _write(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        if durable:
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"write refused by the database: {exc}") from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            if durable:
                conn.execute("PRAGMA synchronous=NORMAL")

    def _one(self, sql: str, params: tuple[Any, ...]) -> Row | None:
        row: Row | None = self._conn().execute(sql, params).fetchone()
        return row

    def _all_rows(self, sql: str, params: tuple[Any, ...]) -> list[Row]:
        return list(self._conn().execute(sql, params).fetchall())

    @property
    def schema_version(self) -> int:
        return self._version

    def data_version(self) -> int:
        # SQLite's own change counter: it moves when any other connection commits.
        return int(self._conn().execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    # --- keys --------------------------------------------------------------------------

    def put_key(self, key: KeyRecord) -> None:
        params = (
            key.key_id,
            key.arn,
            key.account_id,
            key.region,
            _ts(key.creation_date),
            key.key_spec,
            key.key_usage,
            key.origin,
            key.key_state,
            key.description,
            key.key_manager,
            key.policy,
            _ts(key.deletion_date),
            key.pending_deletion_window_in_days,
            _ts(key.valid_to),
            key.expiration_model,
            int(key.multi_region),
            key.multi_region_key_type,
            key.primary_key_arn,
            int(key.rotation_enabled),
            key.rotation_period_in_days,
            _ts(key.next_rotation_date),
            _ts(key.on_demand_rotation_start_date),
            key.custom_key_store_id,
        )
        marks = ", ".join("?" * len(params))
        updates = ", ".join(
            f"{c.strip()} = excluded.{c.strip()}" for c in _KEY_COLUMNS.split(",")[1:]
        )
        with self._write() as conn:
            conn.execute(
                f"INSERT INTO keys ({_KEY_COLUMNS}) VALUES ({marks}) "
                f"ON CONFLICT (key_id) DO UPDATE SET {updates}",
                params,
            )

    def get_key(self, key_id: str) -> KeyRecord | None:
        row = self._one(f"SELECT {_KEY_COLUMNS} FROM keys WHERE key_id = ?", (key_id,))
        return None if row is None else _key(row)

    def list_keys(self, account_id: str, region: str) -> list[KeyRecord]:
        rows = self._all_rows(
            f"SELECT {_KEY_COLUMNS} FROM keys WHERE account_id = ? AND region = ? "
            "ORDER BY creation_date, key_id",
            (account_id, region),
        )
        return [_key(r) for r in rows]

    def delete_key(self, key_id: str) -> bool:
        with self._write(durable=True) as conn:
            return conn.execute("DELETE FROM keys WHERE key_id = ?", (key_id,)).rowcount > 0

    # --- generations and rotations -----------------------------------------------------

    def add_generation(
        self, backing: BackingKeyRecord, rotation: RotationRecord | None = None
    ) -> None:
        with self._write(durable=True) as conn:
            row = conn.execute(
                "SELECT COALESCE(MAX(generation), 0) FROM backing_keys WHERE key_id = ?",
                (backing.key_id,),
            ).fetchone()
            if backing.generation != row[0] + 1:
                raise StoreError(
                    f"key {backing.key_id}: generation {backing.generation} is not the next "
                    f"one ({row[0] + 1})"
                )
            conn.execute(
                f"INSERT INTO backing_keys ({_BACKING_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _backing_params(backing),
            )
            if rotation is not None:
                conn.execute(
                    "INSERT INTO rotations (key_id, key_material_id, rotation_date, "
                    "rotation_type) VALUES (?, ?, ?, ?)",
                    (
                        rotation.key_id,
                        rotation.key_material_id,
                        _ts(rotation.rotation_date),
                        rotation.rotation_type,
                    ),
                )

    def put_backing_key(self, backing: BackingKeyRecord) -> None:
        with self._write(durable=True) as conn:
            changed = conn.execute(
                "UPDATE backing_keys SET key_material_id = ?, wrapped_material = ?, "
                "created = ?, rotation_type = ?, import_state = ?, expiration_model = ?, "
                "valid_to = ?, hsm_object_id = ? WHERE key_id = ? AND generation = ?",
                (*_backing_params(backing)[2:], backing.key_id, backing.generation),
            ).rowcount
            if not changed:
                raise StoreError(
                    f"key {backing.key_id} has no generation {backing.generation} to replace"
                )

    def list_backing_keys(self, key_id: str) -> list[BackingKeyRecord]:
        rows = self._all_rows(
            f"SELECT {_BACKING_COLUMNS} FROM backing_keys WHERE key_id = ? ORDER BY generation",
            (key_id,),
        )
        return [_backing(r) for r in rows]

    def list_rotations(self, key_id: str) -> list[RotationRecord]:
        rows = self._all_rows(
            "SELECT key_id, key_material_id, rotation_date, rotation_type FROM rotations "
            "WHERE key_id = ? ORDER BY seq",
            (key_id,),
        )
        return [
            RotationRecord(
                r["key_id"], r["key_material_id"], _req_dt(r["rotation_date"]), r["rotation_type"]
            )
            for r in rows
        ]

    # --- aliases -----------------------------------------------------------------------

    def put_alias(self, alias: AliasRecord) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO aliases (account_id, region, alias_name, target_key_id, "
                "creation_date, last_updated_date, partition) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (account_id, region, alias_name) DO UPDATE SET "
                "target_key_id = excluded.target_key_id, "
                "last_updated_date = excluded.last_updated_date",
                (
                    alias.account_id,
                    alias.region,
                    alias.alias_name,
                    alias.target_key_id,
                    _ts(alias.creation_date),
                    _ts(alias.last_updated_date),
                    alias.partition,
                ),
            )

    def get_alias(self, account_id: str, region: str, alias_name: str) -> AliasRecord | None:
        row = self._one(
            "SELECT * FROM aliases WHERE account_id = ? AND region = ? AND alias_name = ?",
            (account_id, region, alias_name),
        )
        return None if row is None else _alias(row)

    def list_aliases(
        self, account_id: str, region: str, key_id: str | None = None
    ) -> list[AliasRecord]:
        sql = "SELECT * FROM aliases WHERE account_id = ? AND region = ?"
        params: tuple[Any, ...] = (account_id, region)
        if key_id is not None:
            sql += " AND target_key_id = ?"
            params += (key_id,)
        return [_alias(r) for r in self._all_rows(sql + " ORDER BY alias_name", params)]

    def delete_alias(self, account_id: str, region: str, alias_name: str) -> bool:
        with self._write() as conn:
            return (
                conn.execute(
                    "DELETE FROM aliases WHERE account_id = ? AND region = ? AND alias_name = ?",
                    (account_id, region, alias_name),
                ).rowcount
                > 0
            )

    # --- tags --------------------------------------------------------------------------

    def set_tags(self, key_id: str, tags: dict[str, str]) -> None:
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?) "
                "ON CONFLICT (key_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                [(key_id, k, v) for k, v in tags.items()],
            )

    def remove_tags(self, key_id: str, tag_keys: list[str]) -> None:
        with self._write() as conn:
            conn.executemany(
                "DELETE FROM tags WHERE key_id = ? AND tag_key = ?",
                [(key_id, k) for k in tag_keys],
            )

    def get_tags(self, key_id: str) -> dict[str, str]:
        rows = self._all_rows(
            "SELECT tag_key, tag_value FROM tags WHERE key_id = ? ORDER BY tag_key", (key_id,)
        )
        return {r["tag_key"]: r["tag_value"] for r in rows}

    # --- grants ------------------------------------------------------------------------

    def put_grant(self, grant: GrantRecord) -> None:
        with self._write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO grants ({_GRANT_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    grant.grant_id,
                    grant.key_id,
                    grant.name,
                    grant.grantee_principal,
                    grant.retiring_principal,
                    grant.issuing_account,
                    json.dumps(list(grant.operations)),
                    _pairs_json(grant.encryption_context_subset),
                    _pairs_json(grant.encryption_context_equals),
                    grant.grant_token,
                    _ts(grant.creation_date),
                    int(grant.pending),
                ),
            )

    def get_grant(self, grant_id: str) -> GrantRecord | None:
        row = self._one(f"SELECT {_GRANT_COLUMNS} FROM grants WHERE grant_id = ?", (grant_id,))
        return None if row is None else _grant(row)

    def find_grant_by_token(self, grant_token: str) -> GrantRecord | None:
        row = self._one(
            f"SELECT {_GRANT_COLUMNS} FROM grants WHERE grant_token = ?", (grant_token,)
        )
        return None if row is None else _grant(row)

    def list_grants(self, key_id: str) -> list[GrantRecord]:
        rows = self._all_rows(
            f"SELECT {_GRANT_COLUMNS} FROM grants WHERE key_id = ? ORDER BY creation_date, rowid",
            (key_id,),
        )
        return [_grant(r) for r in rows]

    def list_retirable_grants(self, retiring_principal: str) -> list[GrantRecord]:
        rows = self._all_rows(
            f"SELECT {_GRANT_COLUMNS} FROM grants WHERE retiring_principal = ? "
            "ORDER BY creation_date, rowid",
            (retiring_principal,),
        )
        return [_grant(r) for r in rows]

    def delete_grant(self, grant_id: str) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM grants WHERE grant_id = ?", (grant_id,)).rowcount > 0

    # --- import parameters -------------------------------------------------------------

    def put_import_parameters(self, params: ImportParametersRecord) -> None:
        with self._write(durable=True) as conn:
            conn.execute(
                "INSERT INTO import_parameters (import_token, key_id, wrapping_algorithm, "
                "wrapping_key_spec, public_key, wrapped_private_key, parameters_valid_to, "
                "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    params.import_token,
                    params.key_id,
                    params.wrapping_algorithm,
                    params.wrapping_key_spec,
                    params.public_key,
                    params.wrapped_private_key.data,
                    _ts(params.parameters_valid_to),
                    _ts(params.created),
                ),
            )

    def get_import_parameters(self, import_token: bytes) -> ImportParametersRecord | None:
        row = self._one("SELECT * FROM import_parameters WHERE import_token = ?", (import_token,))
        if row is None:
            return None
        return ImportParametersRecord(
            import_token=bytes(row["import_token"]),
            key_id=row["key_id"],
            wrapping_algorithm=row["wrapping_algorithm"],
            wrapping_key_spec=row["wrapping_key_spec"],
            public_key=bytes(row["public_key"]),
            wrapped_private_key=WrappedSecret(bytes(row["wrapped_private_key"])),
            parameters_valid_to=_req_dt(row["parameters_valid_to"]),
            created=_req_dt(row["created"]),
        )

    def delete_import_parameters(self, key_id: str) -> None:
        with self._write(durable=True) as conn:
            conn.execute("DELETE FROM import_parameters WHERE key_id = ?", (key_id,))

    # --- principals and access keys ----------------------------------------------------

    def put_principal(self, principal: PrincipalRecord) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO principals (arn, account_id, kind, name, path, created, "
                "permissions_boundary) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (arn) DO UPDATE "
                "SET account_id = excluded.account_id, kind = excluded.kind, "
                "name = excluded.name, path = excluded.path, created = excluded.created, "
                "permissions_boundary = excluded.permissions_boundary",
                (
                    principal.arn,
                    principal.account_id,
                    principal.kind,
                    principal.name,
                    principal.path,
                    _ts(principal.created),
                    principal.permissions_boundary,
                ),
            )
            conn.execute("DELETE FROM principal_tags WHERE principal_arn = ?", (principal.arn,))
            conn.executemany(
                "INSERT INTO principal_tags (principal_arn, tag_key, tag_value) VALUES (?, ?, ?)",
                [(principal.arn, k, v) for k, v in principal.tags],
            )
            conn.execute("DELETE FROM identity_policies WHERE principal_arn = ?", (principal.arn,))
            conn.executemany(
                "INSERT INTO identity_policies (principal_arn, position, policy_name, "
                "policy_text) VALUES (?, ?, ?, ?)",
                [
                    (principal.arn, i, name, text)
                    for i, (name, text) in enumerate(principal.identity_policies)
                ],
            )

    def _principal(self, row: Row) -> PrincipalRecord:
        arn = row["arn"]
        tags = self._all_rows(
            "SELECT tag_key, tag_value FROM principal_tags WHERE principal_arn = ? "
            "ORDER BY tag_key",
            (arn,),
        )
        policies = self._all_rows(
            "SELECT policy_name, policy_text FROM identity_policies WHERE principal_arn = ? "
            "ORDER BY position",
            (arn,),
        )
        return PrincipalRecord(
            arn=arn,
            account_id=row["account_id"],
            kind=row["kind"],
            name=row["name"],
            path=row["path"],
            created=_req_dt(row["created"]),
            permissions_boundary=row["permissions_boundary"],
            tags=tuple((t["tag_key"], t["tag_value"]) for t in tags),
            identity_policies=tuple((p["policy_name"], p["policy_text"]) for p in policies),
        )

    def put_scps(self, account_id: str, scps: tuple[tuple[str, str], ...]) -> None:
        with self._write(durable=True) as conn:
            conn.execute("DELETE FROM service_control_policies WHERE account_id = ?", (account_id,))
            conn.executemany(
                "INSERT INTO service_control_policies (account_id, position, policy_name, "
                "policy_text) VALUES (?, ?, ?, ?)",
                [(account_id, i, name, text) for i, (name, text) in enumerate(scps)],
            )

    def get_scps(self, account_id: str) -> tuple[tuple[str, str], ...]:
        rows = self._all_rows(
            "SELECT policy_name, policy_text FROM service_control_policies "
            "WHERE account_id = ? ORDER BY position",
            (account_id,),
        )
        return tuple((r["policy_name"], r["policy_text"]) for r in rows)

    def set_management_account(self, account_id: str | None) -> None:
        with self._write(durable=True) as conn:
            conn.execute("DELETE FROM organization")
            if account_id is not None:
                conn.execute(
                    "INSERT INTO organization (singleton, management_account_id) VALUES (1, ?)",
                    (account_id,),
                )

    def get_management_account(self) -> str | None:
        row = self._one("SELECT management_account_id FROM organization", ())
        return None if row is None else str(row["management_account_id"])

    def get_principal(self, arn: str) -> PrincipalRecord | None:
        row = self._one("SELECT * FROM principals WHERE arn = ?", (arn,))
        return None if row is None else self._principal(row)

    def list_principals(self, account_id: str | None = None) -> list[PrincipalRecord]:
        if account_id is None:
            rows = self._all_rows("SELECT * FROM principals ORDER BY arn", ())
        else:
            rows = self._all_rows(
                "SELECT * FROM principals WHERE account_id = ? ORDER BY arn", (account_id,)
            )
        return [self._principal(r) for r in rows]

    def delete_principal(self, arn: str) -> bool:
        with self._write(durable=True) as conn:
            return conn.execute("DELETE FROM principals WHERE arn = ?", (arn,)).rowcount > 0

    def put_access_key(self, access_key: AccessKeyRecord) -> None:
        with self._write(durable=True) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO access_keys (access_key_id, principal_arn, "
                "wrapped_secret, status, created) VALUES (?, ?, ?, ?, ?)",
                (
                    access_key.access_key_id,
                    access_key.principal_arn,
                    access_key.wrapped_secret.data,
                    access_key.status,
                    _ts(access_key.created),
                ),
            )

    def get_access_key(self, access_key_id: str) -> AccessKeyRecord | None:
        row = self._one("SELECT * FROM access_keys WHERE access_key_id = ?", (access_key_id,))
        return None if row is None else _access_key(row)

    def list_access_keys(self, principal_arn: str) -> list[AccessKeyRecord]:
        rows = self._all_rows(
            "SELECT * FROM access_keys WHERE principal_arn = ? ORDER BY created, access_key_id",
            (principal_arn,),
        )
        return [_access_key(r) for r in rows]

    def delete_access_key(self, access_key_id: str) -> bool:
        with self._write(durable=True) as conn:
            return (
                conn.execute(
                    "DELETE FROM access_keys WHERE access_key_id = ?", (access_key_id,)
                ).rowcount
                > 0
            )

    # --- assumed-role sessions ---------------------------------------------------------

    def put_session(self, session: SessionRecord) -> None:
        with self._write(durable=True) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO sessions (access_key_id, session_arn, role_arn, "
                "wrapped_secret, session_token, session_policy, created, expiration) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session.access_key_id,
                    session.session_arn,
                    session.role_arn,
                    session.wrapped_secret.data,
                    session.session_token,
                    session.session_policy,
                    _ts(session.created),
                    _ts(session.expiration),
                ),
            )

    def get_session(self, access_key_id: str) -> SessionRecord | None:
        row = self._one("SELECT * FROM sessions WHERE access_key_id = ?", (access_key_id,))
        return None if row is None else _session(row)

    def list_sessions(self, role_arn: str) -> list[SessionRecord]:
        rows = self._all_rows(
            "SELECT * FROM sessions WHERE role_arn = ? ORDER BY created, access_key_id",
            (role_arn,),
        )
        return [_session(r) for r in rows]

    def delete_session(self, access_key_id: str) -> bool:
        with self._write() as conn:
            sql = "DELETE FROM sessions WHERE access_key_id = ?"
            return conn.execute(sql, (access_key_id,)).rowcount > 0

    # --- key last usage ----------------------------------------------------------------

    def record_key_usage(self, usage: KeyUsageRecord) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO key_last_usage (key_id, operation, timestamp, "
                "kms_request_id, cloudtrail_event_id) VALUES (?, ?, ?, ?, ?)",
                (
                    usage.key_id,
                    usage.operation,
                    _ts(usage.timestamp),
                    usage.kms_request_id,
                    usage.cloudtrail_event_id,
                ),
            )

    def get_key_last_usage(self, key_id: str) -> KeyUsageRecord | None:
        row = self._one("SELECT * FROM key_last_usage WHERE key_id = ?", (key_id,))
        if row is None:
            return None
        return KeyUsageRecord(
            key_id=row["key_id"],
            operation=row["operation"],
            timestamp=_req_dt(row["timestamp"]),
            kms_request_id=row["kms_request_id"],
            cloudtrail_event_id=row["cloudtrail_event_id"],
        )

    # --- HSM clusters and custom key stores --------------------------------------------

    def put_hsm_cluster(self, cluster: HsmClusterRecord) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO hsm_clusters (cluster_id, module_path, token_label, trust_anchor, "
                "created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cluster_id) DO UPDATE SET "
                "module_path = excluded.module_path, token_label = excluded.token_label, "
                "trust_anchor = excluded.trust_anchor",
                (
                    cluster.cluster_id,
                    cluster.module_path,
                    cluster.token_label,
                    cluster.trust_anchor_certificate,
                    _ts(cluster.created),
                ),
            )

    def get_hsm_cluster(self, cluster_id: str) -> HsmClusterRecord | None:
        row = self._one("SELECT * FROM hsm_clusters WHERE cluster_id = ?", (cluster_id,))
        return None if row is None else _hsm_cluster(row)

    def list_hsm_clusters(self) -> list[HsmClusterRecord]:
        rows = self._all_rows("SELECT * FROM hsm_clusters ORDER BY cluster_id", ())
        return [_hsm_cluster(r) for r in rows]

    def delete_hsm_cluster(self, cluster_id: str) -> bool:
        with self._write() as conn:
            sql = "DELETE FROM hsm_clusters WHERE cluster_id = ?"
            return conn.execute(sql, (cluster_id,)).rowcount > 0

    def put_custom_key_store(self, key_store: CustomKeyStoreRecord) -> None:
        params = (
            key_store.custom_key_store_id,
            key_store.account_id,
            key_store.region,
            key_store.name,
            key_store.cloud_hsm_cluster_id,
            key_store.trust_anchor_certificate,
            key_store.wrapped_password.data,
            _ts(key_store.creation_date),
            key_store.connection_state,
            key_store.connection_error_code,
        )
        updates = ", ".join(
            f"{c.strip()} = excluded.{c.strip()}" for c in _STORE_COLUMNS.split(",")[1:]
        )
        with self._write(durable=True) as conn:
            conn.execute(
                f"INSERT INTO custom_key_stores ({_STORE_COLUMNS}) VALUES "
                f"({', '.join('?' * len(params))}) "
                f"ON CONFLICT (custom_key_store_id) DO UPDATE SET {updates}",
                params,
            )

    def get_custom_key_store(self, custom_key_store_id: str) -> CustomKeyStoreRecord | None:
        row = self._one(
            f"SELECT {_STORE_COLUMNS} FROM custom_key_stores WHERE custom_key_store_id = ?",
            (custom_key_store_id,),
        )
        return None if row is None else _custom_key_store(row)

    def list_custom_key_stores(
        self, account_id: str | None = None, region: str | None = None
    ) -> list[CustomKeyStoreRecord]:
        sql = f"SELECT {_STORE_COLUMNS} FROM custom_key_stores"
        params: tuple[str, ...] = ()
        if account_id is not None and region is not None:
            sql += " WHERE account_id = ? AND region = ?"
            params = (account_id, region)
        rows = self._all_rows(sql + " ORDER BY creation_date, custom_key_store_id", params)
        return [_custom_key_store(r) for r in rows]

    def delete_custom_key_store(self, custom_key_store_id: str) -> bool:
        with self._write() as conn:
            sql = "DELETE FROM custom_key_stores WHERE custom_key_store_id = ?"
            return conn.execute(sql, (custom_key_store_id,)).rowcount > 0

    def list_keys_in_custom_key_store(self, custom_key_store_id: str) -> list[KeyRecord]:
        rows = self._all_rows(
            f"SELECT {_KEY_COLUMNS} FROM keys WHERE custom_key_store_id = ? "
            "ORDER BY creation_date, key_id",
            (custom_key_store_id,),
        )
        return [_key(r) for r in rows]
