"""The root key: kept in a file outside the database, it seals every secret at rest.

The key file holds 32 random bytes. ``RootKey.open`` reads the path it is given, else the
one in ``KMSPOLICY_ROOT_KEY_FILE``; when the file does not exist it is created with mode
0600 (the first start). A file that group or others may read is refused.

Sealed layout (``WrappedSecret.data``)::

    1 byte   format version, 0x01
    8 bytes  root-key fingerprint (which root key sealed it)
    12 bytes random nonce
    n+16     AES-256-GCM ciphertext and tag

The additional data binds the secret to what it is and whose it is: the version and
fingerprint, the purpose (``"backing-key"``, ``"import-wrapping-key"``, ``"access-key"``)
and the owning id (key id or access key id), each length-prefixed. A sealed secret moved
to another row therefore fails to open.
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
from pathlib import Path

from kmspolicy.errors import KMSError
from kmspolicy.kms import _primitives as prim
from kmspolicy.kms.model import WrappedSecret

__all__ = ["ROOT_KEY_ENV", "RootKey"]

ROOT_KEY_ENV = "KMSPOLICY_ROOT_KEY_FILE"
_KEY_LEN = 32
_VERSION = 1
_NONCE_LEN = 12
_FP_LEN = 8


def _lp(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class RootKey:
    def __init__(self, key: bytes) -> None:
        if len(key) != _KEY_LEN:
            raise ValueError(f"a root key is {_KEY_LEN} bytes, got {len(key)}")
        self._key = key
        self.fingerprint = prim.hmac_sign("SHA256", key, b"kmspolicy/v1/root-key-id")[:_FP_LEN]

    def __repr__(self) -> str:
        return f"RootKey(fingerprint={self.fingerprint.hex()})"

    @classmethod
    def generate(cls) -> RootKey:
        return cls(prim.random_bytes(_KEY_LEN))

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> RootKey:
        """Load the key file at ``path`` (or $KMSPOLICY_ROOT_KEY_FILE), creating it 0600
        with a fresh key if it does not exist yet."""
        chosen = path if path is not None else os.environ.get(ROOT_KEY_ENV)
        if not chosen:
            raise ValueError(f"no root key file: pass a path or set {ROOT_KEY_ENV}")
        file = Path(chosen)
        with contextlib.suppress(FileExistsError):
            _create(file)
        return cls(_read(file))

    def _aad(self, purpose: str, owner: str) -> bytes:
        return bytes((_VERSION,)) + self.fingerprint + _lp(purpose.encode()) + _lp(owner.encode())

    def wrap(self, purpose: str, owner: str, secret: bytes) -> WrappedSecret:
        nonce = prim.random_bytes(_NONCE_LEN)
        sealed = prim.aes_gcm_encrypt(self._key, nonce, secret, self._aad(purpose, owner))
        return WrappedSecret(bytes((_VERSION,)) + self.fingerprint + nonce + sealed)

    def unwrap(self, purpose: str, owner: str, wrapped: WrappedSecret) -> bytes:
        data = wrapped.data
        head = 1 + _FP_LEN
        if len(data) < head + _NONCE_LEN + 16 or data[0] != _VERSION:
            raise KMSError("KMSInternalException", f"stored {purpose} of {owner} is malformed")
        if data[1:head] != self.fingerprint:
            raise KMSError(
                "KMSInternalException",
                f"stored {purpose} of {owner} was sealed by another root key "
                f"({data[1:head].hex()}, this one is {self.fingerprint.hex()})",
            )
        nonce = data[head : head + _NONCE_LEN]
        try:
            return prim.aes_gcm_decrypt(
                self._key, nonce, data[head + _NONCE_LEN :], self._aad(purpose, owner)
            )
        except ValueError:
            raise KMSError(
                "KMSInternalException", f"stored {purpose} of {owner} fails authentication"
            ) from None


def _create(file: Path) -> None:
    """Write a fresh key to a private temporary file, then link it into place: the link
    fails if the file exists, so of two processes starting at once one creates it and
    the other reads a complete key."""
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, prim.random_bytes(_KEY_LEN))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, file)
    finally:
        tmp.unlink()
    dir_fd = os.open(file.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _read(file: Path) -> bytes:
    mode = file.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(
            f"root key file {file} has mode {stat.S_IMODE(mode):04o}; "
            f"it must not be accessible to group or others (chmod 600 {file})"
        )
    key = file.read_bytes()
    if len(key) != _KEY_LEN:
        raise ValueError(f"root key file {file} holds {len(key)} bytes, expected {_KEY_LEN}")
    return key
