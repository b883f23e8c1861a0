"""The SQLite schema, as numbered migrations.

``schema_version`` records every migration applied. Opening a database applies the
missing ones in order inside one transaction; a database newer than this code is refused.
To change the schema, add a function under the next number; never edit an applied one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from kmspolicy.kms.store.base import StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

_V1 = [
    """CREATE TABLE keys (
        key_id TEXT PRIMARY KEY,
        arn TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        creation_date TEXT NOT NULL,
        key_spec TEXT NOT NULL,
        key_usage TEXT NOT NULL,
        origin TEXT NOT NULL,
        key_state TEXT NOT NULL,
        description TEXT NOT NULL,
        key_manager TEXT NOT NULL,
        policy TEXT NOT NULL,
        deletion_date TEXT,
        pending_deletion_window_in_days INTEGER,
        valid_to TEXT,
        expiration_model TEXT,
        multi_region INTEGER NOT NULL,
        multi_region_key_type TEXT,
        primary_key_arn TEXT,
        rotation_enabled INTEGER NOT NULL,
        rotation_period_in_days INTEGER,
        next_rotation_date TEXT,
        on_demand_rotation_start_date TEXT
    )""",
    "CREATE INDEX keys_by_account ON keys (account_id, region)",
    """CREATE TABLE backing_keys (
        key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        generation INTEGER NOT NULL CHECK (generation >= 1),
        key_material_id TEXT NOT NULL,
        wrapped_material BLOB,
        created TEXT NOT NULL,
        rotation_type TEXT,
        import_state TEXT,
        expiration_model TEXT,
        valid_to TEXT,
        PRIMARY KEY (key_id, generation),
        UNIQUE (key_id, key_material_id)
    )""",
    """CREATE TABLE rotations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        key_material_id TEXT NOT NULL,
        rotation_date TEXT NOT NULL,
        rotation_type TEXT NOT NULL
    )""",
    "CREATE INDEX rotations_by_key ON rotations (key_id, seq)",
    """CREATE TABLE aliases (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        alias_name TEXT NOT NULL,
        target_key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        creation_date TEXT NOT NULL,
        last_updated_date TEXT NOT NULL,
        partition TEXT NOT NULL,
        PRIMARY KEY (account_id, region, alias_name)
    )""",
    "CREATE INDEX aliases_by_key ON aliases (target_key_id)",
    """CREATE TABLE tags (
        key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        tag_key TEXT NOT NULL,
        tag_value TEXT NOT NULL,
        PRIMARY KEY (key_id, tag_key)
    )""",
    """CREATE TABLE grants (
        grant_id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        name TEXT,
        grantee_principal TEXT NOT NULL,
        retiring_principal TEXT,
        issuing_account TEXT NOT NULL,
        operations TEXT NOT NULL,
        ec_subset TEXT,
        ec_equals TEXT,
        grant_token TEXT NOT NULL UNIQUE,
        creation_date TEXT NOT NULL,
        pending INTEGER NOT NULL
    )""",
    "CREATE INDEX grants_by_key_grantee ON grants (key_id, grantee_principal)",
    "CREATE INDEX grants_by_retiring ON grants (retiring_principal)",
    """CREATE TABLE import_parameters (
        import_token BLOB PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
        wrapping_algorithm TEXT NOT NULL,
        wrapping_key_spec TEXT NOT NULL,
        public_key BLOB NOT NULL,
        wrapped_private_key BLOB NOT NULL,
        parameters_valid_to TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    "CREATE INDEX import_parameters_by_key ON import_parameters (key_id)",
    """CREATE TABLE principals (
        arn TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('account', 'user', 'role')),
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        created TEXT NOT NULL,
        permissions_boundary TEXT
    )""",
    "CREATE INDEX principals_by_account ON principals (account_id)",
    """CREATE TABLE principal_tags (
        principal_arn TEXT NOT NULL REFERENCES principals (arn) ON DELETE CASCADE,
        tag_key TEXT NOT NULL,
        tag_value TEXT NOT NULL,
        PRIMARY KEY (principal_arn, tag_key)
    )""",
    """CREATE TABLE identity_policies (
        principal_arn TEXT NOT NULL REFERENCES principals (arn) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        policy_name TEXT NOT NULL,
        policy_text TEXT NOT NULL,
        PRIMARY KEY (principal_arn, position)
    )""",
    """CREATE TABLE access_keys (
        access_key_id TEXT PRIMARY KEY,
        principal_arn TEXT NOT NULL REFERENCES principals (arn) ON DELETE CASCADE,
        wrapped_secret BLOB NOT NULL,
        status TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    "CREATE INDEX access_keys_by_principal ON access_keys (principal_arn)",
    """CREATE TABLE key_last_usage (
        key_id TEXT PRIMARY KEY REFERENCES keys (key_id) ON DELETE CASCADE,
        operation TEXT NOT NULL,
        timestamp TEXT NOT NULL,
        kms_request_id TEXT NOT NULL,
        cloudtrail_event_id TEXT
    )""",
]


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1:
        conn.execute(statement)


# 2: STS-style sessions (temporary credentials of an assumed role)
_V2 = [
    """CREATE TABLE sessions (
        access_key_id TEXT PRIMARY KEY,
        session_arn TEXT NOT NULL,
        role_arn TEXT NOT NULL REFERENCES principals (arn) ON DELETE CASCADE,
        wrapped_secret BLOB NOT NULL,
        session_token TEXT NOT NULL,
        session_policy TEXT,
        created TEXT NOT NULL,
        expiration TEXT NOT NULL
    )""",
    "CREATE INDEX sessions_by_role ON sessions (role_arn)",
]


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _V2:
        conn.execute(statement)


# 3: custom key stores on PKCS#11 tokens (registered as CloudHSM clusters); keys in them
# and generations whose material stays in the token
_V3 = [
    """CREATE TABLE hsm_clusters (
        cluster_id TEXT PRIMARY KEY,
        module_path TEXT NOT NULL,
        token_label TEXT NOT NULL,
        trust_anchor TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    """CREATE TABLE custom_key_stores (
        custom_key_store_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        cluster_id TEXT NOT NULL UNIQUE REFERENCES hsm_clusters (cluster_id),
        trust_anchor TEXT NOT NULL,
        wrapped_password BLOB NOT NULL,
        creation_date TEXT NOT NULL,
        connection_state TEXT NOT NULL,
        connection_error_code TEXT,
        UNIQUE (account_id, region, name)
    )""",
    "ALTER TABLE keys ADD COLUMN custom_key_store_id TEXT",
    "CREATE INDEX keys_by_custom_key_store ON keys (custom_key_store_id)",
    "ALTER TABLE backing_keys ADD COLUMN hsm_object_id BLOB",
]


def _v3(conn: sqlite3.Connection) -> None:
    for statement in _V3:
        conn.execute(statement)


# 4: service control policies per account, and the organization's management account
# (which SCPs do not restrict)
_V4 = [
    """CREATE TABLE service_control_policies (
        account_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        policy_name TEXT NOT NULL,
        policy_text TEXT NOT NULL,
        PRIMARY KEY (account_id, policy_name)
    )""",
    """CREATE TABLE organization (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        management_account_id TEXT NOT NULL
    )""",
]


def _v4(conn: sqlite3.Connection) -> None:
    for statement in _V4:
        conn.execute(statement)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it is at."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = int(row[0] or 0)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {current} is newer than this kmspolicy "
                f"supports ({SCHEMA_VERSION}); upgrade kmspolicy"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version, datetime.now(UTC).isoformat()),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION
