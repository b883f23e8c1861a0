"""The KMS operations, one module per area; ``HANDLERS`` maps each operation name to its
handler ``(runtime, params, caller) -> result``."""

from __future__ import annotations

from kmspolicy.kms.ops import (
    aliases,
    crypto_ops,
    custom_key_stores,
    grants,
    importing,
    keys,
    policies,
    rotation,
    tags,
)
from kmspolicy.kms.ops._common import Handler

__all__ = ["HANDLERS"]

HANDLERS: dict[str, Handler] = {
    **keys.OPERATIONS,
    **aliases.OPERATIONS,
    **tags.OPERATIONS,
    **policies.OPERATIONS,
    **crypto_ops.OPERATIONS,
    **grants.OPERATIONS,
    **rotation.OPERATIONS,
    **importing.OPERATIONS,
    **custom_key_stores.OPERATIONS,
}
