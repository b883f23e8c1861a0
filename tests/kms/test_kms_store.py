"""The SQLite store: records round-trip, migrations, durability, threads, and no
plaintext key material in the database file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import botocore.session  # type: ignore[import-untyped]
import pytest

from kmspolicy.engine.decision import Decision, Outcome, Permit, mint_permit
from kmspolicy.kms import crypto, importing
from kmspolicy.kms.clock import ManualClock, SystemClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.model import (
    AccessKeyRecord,
    AliasRecord,
    GrantRecord,
    KeyRecord,
    KeyUsageRecord,
    PrincipalRecord,
    pairs,
)
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store import SQLiteStore, Store, StoreError
from kmspolicy.kms.store.sqlite_schema import SCHEMA_VERSION

ACCOUNT, REGION = "111122223333", "us-east-1"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _key(key_id: str, spec: str = "SYMMETRIC_DEFAULT", usage: str = "ENCRYPT_DECRYPT") -> KeyRecord:
    return KeyRecord(
        key_id=key_id,
        arn=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}",
        account_id=ACCOUNT,
        region=REGION,
        creation_date=T0,
        key_spec=spec,
        key_usage=usage,
        policy='{"Version": "2012-10-17", "Statement": []}',
    )


def _permit(action: str, key: KeyRecord) -> Permit:
    return mint_permit(Decision(Outcome.ALLOW), action, f"arn:aws:iam::{ACCOUNT}:root", key.arn)


def test_sqlite_store_satisfies_the_protocol(store: SQLiteStore) -> None:
    as_protocol: Store = store
    assert as_protocol.schema_version == SCHEMA_VERSION


def test_key_round_trip_and_metadata_shape(store: SQLiteStore) -> None:
    key = _key("k1")
    full = KeyRecord(
        key_id="k2",
        arn=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/k2",
        account_id=ACCOUNT,
        region=REGION,
        creation_date=T0,
        key_state="PendingDeletion",
        description="d",
        deletion_date=T0 + timedelta(days=7),
        pending_deletion_window_in_days=7,
        valid_to=T0 + timedelta(days=30),
        expiration_model="KEY_MATERIAL_EXPIRES",
        multi_region=True,
        multi_region_key_type="PRIMARY",
        rotation_enabled=True,
        rotation_period_in_days=365,
        next_rotation_date=T0 + timedelta(days=365),
        on_demand_rotation_start_date=T0,
    )
    store.put_key(key)
    store.put_key(full)
    assert store.get_key("k1") == key
    assert store.get_key("k2") == full
    assert store.get_key("nope") is None
    assert [k.key_id for k in store.list_keys(ACCOUNT, REGION)] == ["k1", "k2"]
    assert store.list_keys("999999999999", REGION) == []
    disabled = replace(key, key_state="Disabled")
    store.put_key(disabled)
    assert store.get_key("k1") == disabled
    md = full.key_metadata(current_key_material_id="ab" * 32)
    model = botocore.session.get_session().get_service_model("kms")
    assert set(md) <= set(model.shape_for("KeyMetadata").members)
    assert md["Enabled"] is False and md["EncryptionAlgorithms"] == ["SYMMETRIC_DEFAULT"]


def test_record_shapes_match_botocore() -> None:
    model = botocore.session.get_session().get_service_model("kms")
    alias = AliasRecord("alias/app", ACCOUNT, REGION, "k1", T0, T0)
    grant = GrantRecord(
        "g1",
        "k1",
        "arn:aws:iam::111122223333:role/r",
        f"arn:aws:iam::{ACCOUNT}:root",
        ("Decrypt",),
        T0,
        "tok",
        name="n",
        retiring_principal="arn:aws:iam::111122223333:role/x",
        encryption_context_subset=pairs({"a": "b"}),
    )
    assert set(alias.list_entry()) == set(model.shape_for("AliasListEntry").members)
    assert set(grant.list_entry()) == set(model.shape_for("GrantListEntry").members)
    assert alias.alias_arn == f"arn:aws:kms:{REGION}:{ACCOUNT}:alias/app"


def test_aliases_tags_grants(store: SQLiteStore) -> None:
    store.put_key(_key("k1"))
    store.put_key(_key("k2"))
    alias = AliasRecord("alias/app", ACCOUNT, REGION, "k1", T0, T0)
    store.put_alias(alias)
    assert store.get_alias(ACCOUNT, REGION, "alias/app") == alias
    assert store.get_alias(ACCOUNT, REGION, "alias/App") is None  # case-sensitive
    moved = AliasRecord("alias/app", ACCOUNT, REGION, "k2", T0, T0 + timedelta(hours=1))
    store.put_alias(moved)
    assert store.list_aliases(ACCOUNT, REGION, key_id="k2") == [moved]
    assert store.delete_alias(ACCOUNT, REGION, "alias/app") is True
    assert store.delete_alias(ACCOUNT, REGION, "alias/app") is False

    store.set_tags("k1", {"env": "prod", "team": "blue"})
    store.set_tags("k1", {"env": "dev", "empty": ""})
    store.remove_tags("k1", ["team", "missing"])
    assert store.get_tags("k1") == {"empty": "", "env": "dev"}

    grant = GrantRecord(
        "g1",
        "k1",
        "arn:aws:iam::111122223333:role/app",
        f"arn:aws:iam::{ACCOUNT}:root",
        ("Decrypt", "Encrypt"),
        T0,
        "token-1",
        retiring_principal="arn:aws:iam::111122223333:role/ops",
        encryption_context_equals=pairs({"dept": "x"}),
        pending=True,
    )
    store.put_grant(grant)
    assert store.get_grant("g1") == grant
    assert store.find_grant_by_token("token-1") == grant
    assert store.list_grants("k1") == [grant]
    assert store.list_retirable_grants("arn:aws:iam::111122223333:role/ops") == [grant]
    assert store.delete_grant("g1") and store.get_grant("g1") is None


def test_principals_access_keys_usage(store: SQLiteStore, root_key: RootKey) -> None:
    principal = PrincipalRecord(
        arn=f"arn:aws:iam::{ACCOUNT}:user/alice",
        account_id=ACCOUNT,
        kind="user",
        name="alice",
        created=T0,
        tags=pairs({"team": "blue"}),
        identity_policies=(("p1", '{"Statement": []}'), ("p0", "{}")),
        permissions_boundary="{}",
    )
    store.put_principal(principal)
    assert store.get_principal(principal.arn) == principal
    assert store.list_principals(ACCOUNT) == [principal]
    secret = b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    ak = AccessKeyRecord(
        "AKIAIOSFODNN7EXAMPLE",
        principal.arn,
        root_key.wrap("access-key", "AKIAIOSFODNN7EXAMPLE", secret),
        T0,
    )
    store.put_access_key(ak)
    got = store.get_access_key(ak.access_key_id)
    assert got == ak and got is not None
    assert root_key.unwrap("access-key", ak.access_key_id, got.wrapped_secret) == secret
    assert store.list_access_keys(principal.arn) == [ak]
    assert store.delete_principal(principal.arn)
    assert store.get_access_key(ak.access_key_id) is None  # cascades

    store.put_key(_key("k1"))
    usage = KeyUsageRecord("k1", "Decrypt", T0, "req-1")
    store.record_key_usage(usage)
    later = KeyUsageRecord("k1", "Encrypt", T0 + timedelta(minutes=1), "req-2", "evt")
    store.record_key_usage(later)
    assert store.get_key_last_usage("k1") == later


def test_deleting_a_key_removes_what_belongs_to_it(store: SQLiteStore, root_key: RootKey) -> None:
    key = _key("k1")
    store.put_key(key)
    ring = KeyRing(store, root_key, ManualClock())
    ring.create_material(key)
    store.put_alias(AliasRecord("alias/a", ACCOUNT, REGION, "k1", T0, T0))
    store.set_tags("k1", {"a": "b"})
    assert store.delete_key("k1")
    assert store.list_backing_keys("k1") == []
    assert store.list_aliases(ACCOUNT, REGION) == []
    assert store.get_tags("k1") == {}


def test_records_for_unknown_keys_are_refused(store: SQLiteStore) -> None:
    with pytest.raises(StoreError):
        store.put_alias(AliasRecord("alias/a", ACCOUNT, REGION, "ghost", T0, T0))


def test_naive_timestamps_are_refused(store: SQLiteStore) -> None:
    bad = KeyRecord(
        "k1", "arn:aws:kms:us-east-1:111122223333:key/k1", ACCOUNT, REGION, datetime(2026, 1, 1)
    )
    with pytest.raises(ValueError, match="timezone-aware"):
        store.put_key(bad)


# --- rotation -------------------------------------------------------------------------


def test_twenty_rotations_every_generation_decrypts(store: SQLiteStore, root_key: RootKey) -> None:
    clock = ManualClock(T0)
    ring = KeyRing(store, root_key, clock)
    key = _key("k1")
    store.put_key(key)
    ids = [ring.create_material(key)]
    blobs = []
    for n in range(20):
        ck = ring.crypto_key(key)
        blob = crypto.encrypt(_permit("kms:Encrypt", key), ck, f"gen {n + 1}".encode())
        assert crypto.key_id_of_ciphertext(blob) == "k1"
        blobs.append(blob)
        clock.advance(timedelta(days=1))
        ids.append(ring.rotate(key, "AUTOMATIC" if n % 2 else "ON_DEMAND"))
    blobs.append(crypto.encrypt(_permit("kms:Encrypt", key), ring.crypto_key(key), b"gen 21"))
    assert len(set(ids)) == 21
    ck = ring.crypto_key(key)
    assert [g.key_material_id for g in ck.generations] == ids
    for n, blob in enumerate(blobs):
        # each ciphertext names the generation that was newest when it was made
        assert blob[2 + 2 : 2 + 2 + 32] == bytes.fromhex(ids[n])
        assert crypto.decrypt(_permit("kms:Decrypt", key), ck, blob) == f"gen {n + 1}".encode()
    rotations = store.list_rotations("k1")
    assert [r.key_material_id for r in rotations] == ids[1:]
    assert rotations[0].rotation_type == "ON_DEMAND" and rotations[1].rotation_type == "AUTOMATIC"
    assert rotations[-1].rotation_date == T0 + timedelta(days=20)


def test_rotation_only_for_symmetric_aws_kms_keys(store: SQLiteStore, root_key: RootKey) -> None:
    from kmspolicy.errors import KMSError

    ring = KeyRing(store, root_key, ManualClock())
    key = _key("h1", "HMAC_256", "GENERATE_VERIFY_MAC")
    store.put_key(key)
    ring.create_material(key)
    with pytest.raises(KMSError) as exc:
        ring.rotate(key)
    assert exc.value.code == "UnsupportedOperationException"


def test_generations_must_be_appended_in_order(store: SQLiteStore, root_key: RootKey) -> None:
    ring = KeyRing(store, root_key, ManualClock())
    key = _key("k1")
    store.put_key(key)
    ring.create_material(key)
    first = store.list_backing_keys("k1")[0]
    with pytest.raises(StoreError, match="not the next"):
        store.add_generation(first)
    with pytest.raises(ValueError, match="already has key material"):
        ring.create_material(key)


# --- schema ---------------------------------------------------------------------------


def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "kms.db"
    SQLiteStore(path).close()
    SQLiteStore(path).close()  # reopening applies nothing twice
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [
        (v,) for v in range(1, SCHEMA_VERSION + 1)
    ]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kms.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, ?)", (SCHEMA_VERSION + 1, "later"))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this kmspolicy"):
        SQLiteStore(path)


def test_closed_store_refuses_use(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "kms.db")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.get_key("k1")


# --- at rest --------------------------------------------------------------------------


def test_database_files_hold_no_plaintext_key_material(tmp_path: Path) -> None:
    root_key = RootKey.open(tmp_path / "root.key")
    store = SQLiteStore(tmp_path / "kms.db")
    ring = KeyRing(store, root_key, ManualClock())
    secrets: list[bytes] = []
    for n, (spec, usage) in enumerate(
        [
            ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"),
            ("HMAC_512", "GENERATE_VERIFY_MAC"),
            ("RSA_2048", "SIGN_VERIFY"),
            ("ECC_NIST_P256", "KEY_AGREEMENT"),
            ("ECC_NIST_EDWARDS25519", "SIGN_VERIFY"),
        ]
    ):
        key = _key(f"key-{n}", spec, usage)
        store.put_key(key)
        ring.create_material(key)
        secrets += [g.secret for g in ring.crypto_key(key).generations]
    rotated = store.get_key("key-0")
    assert rotated is not None
    ring.rotate(rotated)
    secrets += [g.secret for g in ring.crypto_key(rotated).generations]
    external = replace(_key("ext"), origin="EXTERNAL", key_state="PendingImport")
    store.put_key(external)
    params = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", external), external, "RSAES_OAEP_SHA_256", "RSA_2048"
    )
    secrets.append(params.private_key)
    # a second set, dropped by the import: freed database pages are scanned too
    pending = ring.get_parameters_for_import(
        _permit("kms:GetParametersForImport", external), external, "RSAES_OAEP_SHA_1", "RSA_2048"
    )
    imported = b"\x5a" * 16 + b"\xa5" * 16
    ring.import_key_material(
        _permit("kms:ImportKeyMaterial", external),
        external,
        params.import_token,
        importing.wrap_key_material(params.public_key, "RSAES_OAEP_SHA_256", imported),
    )
    secrets += [imported, pending.private_key]
    access_secret = b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    store.put_principal(PrincipalRecord(f"arn:aws:iam::{ACCOUNT}:user/a", ACCOUNT, "user", "a", T0))
    store.put_access_key(
        AccessKeyRecord(
            "AKIA1",
            f"arn:aws:iam::{ACCOUNT}:user/a",
            root_key.wrap("access-key", "AKIA1", access_secret),
            T0,
        )
    )
    secrets.append(access_secret)
    store.close()

    files = [p for p in tmp_path.iterdir() if p.name.startswith("kms.db")]
    assert any(p.name == "kms.db" for p in files)
    data = b"".join(p.read_bytes() for p in files)
    assert len(set(secrets)) == 10
    for secret in secrets:
        for probe in (secret, secret[:16], secret[-16:], secret.hex().encode()):
            assert probe not in data


# --- reopening and concurrency --------------------------------------------------------


def test_store_survives_reopen_and_a_new_process(tmp_path: Path) -> None:
    root_path, db_path = tmp_path / "root.key", tmp_path / "kms.db"
    store = SQLiteStore(db_path)
    ring = KeyRing(store, RootKey.open(root_path), SystemClock())
    key = _key("k1")
    store.put_key(key)
    ring.create_material(key)
    store.set_tags("k1", {"env": "prod"})
    blob = crypto.encrypt(_permit("kms:Encrypt", key), ring.crypto_key(key), b"persisted")
    store.close()

    reopened = SQLiteStore(db_path)
    assert reopened.get_key("k1") == key and reopened.get_tags("k1") == {"env": "prod"}
    again = KeyRing(reopened, RootKey.open(root_path), SystemClock())
    assert crypto.decrypt(_permit("kms:Decrypt", key), again.crypto_key(key), blob) == b"persisted"
    reopened.close()

    script = f"""
import sys
from kmspolicy.engine.decision import Decision, Outcome, mint_permit
from kmspolicy.kms import crypto
from kmspolicy.kms.clock import SystemClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store import SQLiteStore
store = SQLiteStore({str(db_path)!r})
key = store.get_key("k1")
ring = KeyRing(store, RootKey.open({str(root_path)!r}), SystemClock())
permit = mint_permit(Decision(Outcome.ALLOW), "kms:Decrypt", "p", key.arn)
sys.stdout.write(crypto.decrypt(permit, ring.crypto_key(key), bytes.fromhex(sys.argv[1])).decode())
"""
    out = subprocess.run(
        [sys.executable, "-c", script, blob.hex()], capture_output=True, text=True, check=True
    )
    assert out.stdout == "persisted"


def test_concurrent_writers_from_many_threads(store: SQLiteStore, root_key: RootKey) -> None:
    ring = KeyRing(store, root_key, SystemClock())
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                key = _key(f"t{n}-{i}")
                store.put_key(key)
                ring.create_material(key)
                store.set_tags(key.key_id, {"thread": str(n)})
                ring.rotate(key)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    keys = store.list_keys(ACCOUNT, REGION)
    assert len(keys) == 80
    assert all(len(store.list_backing_keys(k.key_id)) == 2 for k in keys)
