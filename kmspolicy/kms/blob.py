"""The symmetric ciphertext blob: what Encrypt and GenerateDataKey return, Decrypt takes.

The blob names its key and backing key, so Decrypt needs no KeyId. Layout, version 2
(all lengths in bytes, integers big-endian)::

    offset      size  field
    0           1     format version, 0x02
    1           1     L, length of the key id (1..255)
    2           L     key id, ASCII (a UUID or mrk- id, never an ARN)
    2+L         32    backing-key id: the key material id of the generation that encrypted
    34+L        12    nonce: 96 random bits, fresh for every call
    46+L        n     AES-256-GCM ciphertext of the plaintext (n = plaintext length)
    46+L+n      16    GCM tag

The GCM key is the backing key itself (one 256-bit generation of the KMS key's material).
The GCM additional data is the header (bytes 0 .. 46+L) followed by the encryption context
encoded by ``encode_context``, so the key id, backing-key id and every context pair are
authenticated. A whole blob is at most 6144 bytes (the CiphertextBlob limit).

Why no per-message key derivation: AES-GCM with random 96-bit nonces is secure under one
key as long as no nonce repeats, and NIST SP 800-38D (section 8.3) bounds the number of
encryptions with random nonces under one key at 2**32, where the chance of any repeat stays
below 2**-33. Each generation is such a key, and rotation (automatic, on demand, or a new
KMS key) starts a fresh one, so the bound is per generation: a key must be rotated before
one generation encrypts 2**32 messages (about 136 per second for a year). Within that bound
a per-message HKDF adds nothing to confidentiality or integrity but costs a key derivation
and a new AES key schedule per call; keeping one AES-GCM object per generation removes both.

Any blob that does not parse raises the same ``InvalidCiphertextException`` as a failed
authentication: a caller learns nothing from which check failed.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from kmspolicy.errors import KMSError

__all__ = [
    "BACKING_KEY_ID_LEN",
    "EMPTY_CONTEXT",
    "MAX_BLOB",
    "NONCE_LEN",
    "TAG_LEN",
    "VERSION",
    "Blob",
    "encode_context",
    "encode_pairs",
    "header_bytes",
    "header_for",
    "header_prefix",
    "invalid_ciphertext",
    "join",
    "parse",
]

VERSION = 2
BACKING_KEY_ID_LEN = 32
NONCE_LEN = 12
TAG_LEN = 16
MAX_BLOB = 6144
_INVALID = (
    "The ciphertext is invalid, or it was not encrypted under this key with this "
    "encryption context."
)


def invalid_ciphertext() -> KMSError:
    """The one opaque error for every ciphertext that cannot be decrypted."""
    return KMSError("InvalidCiphertextException", _INVALID)


@dataclass(frozen=True, slots=True)
class Blob:
    key_id: str
    backing_key_id: bytes
    nonce: bytes
    body: bytes  # ciphertext followed by the GCM tag

    @property
    def header(self) -> bytes:
        kid = self.key_id.encode("ascii")
        return bytes((VERSION, len(kid))) + kid + self.backing_key_id + self.nonce

    def to_bytes(self) -> bytes:
        out = self.header + self.body
        if len(out) > MAX_BLOB:
            raise ValueError(f"ciphertext blob of {len(out)} bytes exceeds {MAX_BLOB}")
        return out


def header_bytes(key_id: str, backing_key_id: bytes, nonce: bytes) -> bytes:
    """The header (the AAD prefix) of a blob, without building a ``Blob``."""
    if len(nonce) != NONCE_LEN:
        raise ValueError("nonce must be 12 bytes")
    return header_prefix(key_id, backing_key_id) + nonce


@lru_cache(maxsize=4096)
def header_prefix(key_id: str, backing_key_id: bytes) -> bytes:
    """The header without its nonce: the same for every blob of one backing key."""
    kid = key_id.encode("ascii")
    if not 1 <= len(kid) <= 255:
        raise ValueError(f"key id must be 1..255 ASCII bytes, got {len(kid)}")
    if len(backing_key_id) != BACKING_KEY_ID_LEN:
        raise ValueError("backing-key id must be 32 bytes")
    return bytes((VERSION, len(kid))) + kid + backing_key_id


def join(header: bytes, body: bytes) -> bytes:
    """A whole blob from its header and body, within the size limit."""
    if len(header) + len(body) > MAX_BLOB:
        raise ValueError(f"ciphertext blob of {len(header) + len(body)} bytes exceeds {MAX_BLOB}")
    return header + body


def header_for(key_id: str, backing_key_id: bytes, nonce: bytes) -> Blob:
    """A blob with an empty body, to compute the header (the AAD prefix) before encrypting."""
    kid = key_id.encode("ascii")
    if not 1 <= len(kid) <= 255:
        raise ValueError(f"key id must be 1..255 ASCII bytes, got {len(kid)}")
    if len(backing_key_id) != BACKING_KEY_ID_LEN or len(nonce) != NONCE_LEN:
        raise ValueError("backing-key id must be 32 bytes and nonce 12 bytes")
    return Blob(key_id, backing_key_id, nonce, b"")


def parse(data: bytes) -> Blob:
    """Split a blob into its fields, or raise the opaque InvalidCiphertextException."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise invalid_ciphertext()
    data = bytes(data)
    if len(data) > MAX_BLOB or len(data) < 2 or data[0] != VERSION:
        raise invalid_ciphertext()
    kid_len = data[1]
    body_at = 2 + kid_len + BACKING_KEY_ID_LEN + NONCE_LEN
    if kid_len == 0 or len(data) < body_at + TAG_LEN:
        raise invalid_ciphertext()
    try:
        key_id = data[2 : 2 + kid_len].decode("ascii")
    except UnicodeDecodeError:
        raise invalid_ciphertext() from None
    bk_at = 2 + kid_len
    return Blob(
        key_id=key_id,
        backing_key_id=data[bk_at : bk_at + BACKING_KEY_ID_LEN],
        nonce=data[bk_at + BACKING_KEY_ID_LEN : body_at],
        body=data[body_at:],
    )


def encode_context(context: Mapping[str, str] | None) -> bytes:
    """Canonical bytes of an encryption context: exact, case-sensitive, order-free.

    Pairs are sorted by the UTF-8 bytes of their keys; the encoding is a 4-byte pair count,
    then for each pair a 4-byte length and the UTF-8 key, a 4-byte length and the UTF-8
    value, so no two different contexts encode alike. An absent and an empty context are
    the same (AWS treats them alike).
    """
    if not context:
        return EMPTY_CONTEXT
    pairs = tuple(context.items())
    try:
        return encode_pairs(pairs)
    except TypeError:  # unhashable values: not strings either
        raise TypeError("encryption context keys and values must be strings") from None


EMPTY_CONTEXT = struct.pack(">I", 0)


@lru_cache(maxsize=4096)
def encode_pairs(pairs: tuple[tuple[str, str], ...]) -> bytes:
    """``encode_context`` of the pairs; callers reuse a few contexts, so it is cached."""
    items: list[tuple[bytes, bytes]] = []
    for k, v in pairs:
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError("encryption context keys and values must be strings")
        items.append((k.encode("utf-8"), v.encode("utf-8")))
    items.sort()
    parts = [struct.pack(">I", len(items))]
    for k_bytes, v_bytes in items:
        parts += [
            struct.pack(">I", len(k_bytes)),
            k_bytes,
            struct.pack(">I", len(v_bytes)),
            v_bytes,
        ]
    return b"".join(parts)
