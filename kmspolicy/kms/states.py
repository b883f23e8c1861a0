"""The key state machine: which operations each key state refuses, and with which error.

From AWS's "Key states of AWS KMS keys" table. A pending-deletion key refuses the
cryptographic operations with ``KMSInvalidStateException`` ("<arn> is pending deletion."),
which is what KMS returns for those calls today (the table allows either that or
``DisabledException``). States kmspolicy never enters (Creating, Updating, Unavailable,
PendingReplicaDeletion) are refused by every operation the table refuses them for.
"""

from __future__ import annotations

from kmspolicy.errors import KMSError
from kmspolicy.kms.model import KeyRecord
from kmspolicy.kms.runtime import disabled, invalid_state

__all__ = ["ENABLED_ONLY", "check_state"]

# Operations that need an Enabled key (cryptographic operations and CreateGrant).
ENABLED_ONLY = frozenset(
    {
        "Encrypt",
        "Decrypt",
        "ReEncrypt",
        "GenerateDataKey",
        "GenerateDataKeyWithoutPlaintext",
        "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext",
        "Sign",
        "Verify",
        "GenerateMac",
        "VerifyMac",
        "GetPublicKey",
        "DeriveSharedSecret",
        "CreateGrant",
    }
)
# Operations refused only while the key is pending deletion.
_NOT_PENDING_DELETION = frozenset(
    {
        "CreateAlias",
        "UpdateAlias",
        "TagResource",
        "UntagResource",
        "UpdateKeyDescription",
        "ScheduleKeyDeletion",
        "GetParametersForImport",
        "ImportKeyMaterial",
    }
)
_ENABLE_DISABLE = frozenset({"EnableKey", "DisableKey"})
_ROTATION = frozenset({"EnableKeyRotation", "DisableKeyRotation", "RotateKeyOnDemand"})
_PENDING_DELETION = ("PendingDeletion", "PendingReplicaDeletion")
_TRANSIENT = {"Creating": "creating", "Updating": "updating", "Unavailable": "unavailable"}


def check_state(operation: str, key: KeyRecord) -> None:
    """Raise the error AWS gives for ``operation`` on a key in ``key.key_state``."""
    state = key.key_state
    arn = key.arn
    if operation == "CancelKeyDeletion":
        if state not in _PENDING_DELETION:
            raise invalid_state(arn, "not pending deletion")
        return
    if state == "Enabled":
        return
    if (
        state in _TRANSIENT
        and (operation in ENABLED_ONLY or operation in _ENABLE_DISABLE or operation in _ROTATION)
        and not (state == "Unavailable" and operation in _ENABLE_DISABLE)
    ):
        raise invalid_state(arn, _TRANSIENT[state])
    if operation in ENABLED_ONLY:
        if state == "Disabled":
            raise disabled(arn)
        if state in _PENDING_DELETION:
            raise invalid_state(arn, "pending deletion")
        if state == "PendingImport":
            raise invalid_state(arn, "pending import")
        return
    if operation in _ROTATION:
        if state == "Disabled":
            raise disabled(arn)
        if state in _PENDING_DELETION:
            raise invalid_state(arn, "pending deletion")
        if state == "PendingImport":
            raise KMSError(
                "UnsupportedOperationException",
                f"{arn} origin is EXTERNAL which is not valid for this operation.",
            )
        return
    if operation in _ENABLE_DISABLE:
        if state in _PENDING_DELETION:
            raise invalid_state(arn, "pending deletion")
        if state == "PendingImport":
            raise invalid_state(arn, "pending import")
        return
    if operation in _NOT_PENDING_DELETION and state in _PENDING_DELETION:
        raise invalid_state(arn, "pending deletion")
