"""The root key file and sealing secrets at rest."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kmspolicy.errors import KMSError
from kmspolicy.kms.model import WrappedSecret
from kmspolicy.kms.rootkey import ROOT_KEY_ENV, RootKey


def test_first_start_creates_a_private_key_file(tmp_path: Path) -> None:
    path = tmp_path / "root.key"
    first = RootKey.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_size == 32
    again = RootKey.open(path)
    assert again.fingerprint == first.fingerprint
    assert [p.name for p in tmp_path.iterdir()] == ["root.key"]  # no temporary left


def test_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.key"
    monkeypatch.setenv(ROOT_KEY_ENV, str(path))
    key = RootKey.open()
    assert path.exists()
    assert RootKey.open(path).fingerprint == key.fingerprint


def test_no_path_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ROOT_KEY_ENV, raising=False)
    with pytest.raises(ValueError, match=ROOT_KEY_ENV):
        RootKey.open()


def test_operator_supplied_key_is_used(tmp_path: Path) -> None:
    path = tmp_path / "supplied.key"
    path.write_bytes(b"k" * 32)
    path.chmod(0o600)
    assert RootKey.open(path).fingerprint == RootKey(b"k" * 32).fingerprint


def test_group_readable_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loose.key"
    path.write_bytes(os.urandom(32))
    path.chmod(0o644)
    with pytest.raises(PermissionError, match="chmod 600"):
        RootKey.open(path)


def test_wrong_length_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.key"
    path.write_bytes(b"short")
    path.chmod(0o600)
    with pytest.raises(ValueError, match="holds 5 bytes"):
        RootKey.open(path)


def test_wrap_round_trip_binds_purpose_and_owner() -> None:
    root = RootKey.generate()
    sealed = root.wrap("backing-key", "key-1", b"material")
    assert b"material" not in sealed.data
    assert root.unwrap("backing-key", "key-1", sealed) == b"material"
    for purpose, owner in (("backing-key", "key-2"), ("access-key", "key-1")):
        with pytest.raises(KMSError) as exc:
            root.unwrap(purpose, owner, sealed)
        assert exc.value.code == "KMSInternalException"


def test_other_root_key_and_damage_are_detected() -> None:
    root, other = RootKey.generate(), RootKey.generate()
    sealed = root.wrap("backing-key", "k", b"material")
    with pytest.raises(KMSError, match="another root key"):
        other.unwrap("backing-key", "k", sealed)
    damaged = WrappedSecret(sealed.data[:-1] + bytes([sealed.data[-1] ^ 1]))
    with pytest.raises(KMSError, match="fails authentication"):
        root.unwrap("backing-key", "k", damaged)
    with pytest.raises(KMSError, match="malformed"):
        root.unwrap("backing-key", "k", WrappedSecret(b"\x01"))


def test_repr_hides_the_key() -> None:
    root = RootKey(b"s" * 32)
    assert "sss" not in repr(root)
    assert "<" in repr(WrappedSecret(b"abc"))
