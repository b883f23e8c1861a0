"""Cryptographic operations: Encrypt, Decrypt, ReEncrypt, GenerateDataKey(+WithoutPlaintext),
GenerateDataKeyPair(+WithoutPlaintext), GenerateRandom, Sign, Verify, GetPublicKey,
GenerateMac, VerifyMac, DeriveSharedSecret.

Every handler authorizes, checks the key state and honours DryRun before it asks for key
material; the material is opened only with the Permit the authorizer minted.
"""

from __future__ import annotations

from typing import Any

from kmspolicy.engine.decision import Permit
from kmspolicy.errors import KMSError
from kmspolicy.kms import crypto
from kmspolicy.kms.model import LEGACY_KEY_SPECS
from kmspolicy.kms.ops._common import Params, dry_run, grant_tokens, ready
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, unsupported, validation
from kmspolicy.kms.specs import KEY_SPECS

__all__ = ["OPERATIONS"]

_SYMMETRIC = "SYMMETRIC_DEFAULT"


def _no_recipient(p: Params) -> None:
    if p.get("Recipient") is not None:
        raise unsupported("Recipient (Nitro Enclaves attestation) is not supported.")


def _key(
    rt: Runtime, p: Params, who: CallerEntry, member: str = "KeyId"
) -> tuple[KeyEntry, str | None]:
    return rt.resolve_key(p[member], who, alias_allowed=True)


def _tokens(rt: Runtime, p: Params) -> tuple[str, ...]:
    return grant_tokens(rt, p) if p.get("GrantTokens") else ()


def _use_key(
    rt: Runtime, p: Params, who: CallerEntry, operation: str, **conditions: Any
) -> tuple[KeyEntry, Permit]:
    """The key named by ``KeyId`` and a Permit for ``kms:<operation>`` on it, once the key's
    state allows the operation and DryRun has been honoured."""
    tokens = _tokens(rt, p)
    entry, alias = _key(rt, p, who)
    permit = rt.authorize(
        who, f"kms:{operation}", entry, key_id_alias=alias, grant_tokens=tokens, **conditions
    )
    ready(rt, operation, entry)
    dry_run(p)
    return entry, permit


def encrypt(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    tokens = grant_tokens(rt, p) if p.get("GrantTokens") else ()
    entry, alias = rt.resolve_key(p["KeyId"], who, True)
    algorithm = p.get("EncryptionAlgorithm") or _SYMMETRIC
    context = p.get("EncryptionContext")
    permit = rt.permit(who, "kms:Encrypt", entry, alias, context, tokens, algorithm)
    record = entry.record
    if record.key_state != "Enabled" or record.custom_key_store_id is not None:
        ready(rt, "Encrypt", entry)  # raises for a state Encrypt refuses
    if p.get("DryRun"):
        dry_run(p)  # raises
    material = entry.material
    if material is None or permit.resource != record.arn:
        material = rt.crypto_key(entry, permit)
    plaintext = p["Plaintext"]
    if type(plaintext) is not bytes:  # a bytearray
        plaintext = bytes(plaintext)
    blob = crypto.encrypt(permit, material, plaintext, context, algorithm)
    rt.record_usage(record.key_id, "Encrypt")
    return {"CiphertextBlob": blob, "KeyId": record.arn, "EncryptionAlgorithm": algorithm}


def _source_key(
    rt: Runtime, p: Params, who: CallerEntry, member: str, algorithm: str, ciphertext: bytes | None
) -> tuple[KeyEntry, str | None]:
    if p.get(member) is not None:
        return _key(rt, p, who, member)
    if algorithm != _SYMMETRIC:
        raise validation(f"{member} is required for a ciphertext of an asymmetric KMS key")
    if ciphertext is None:
        raise validation(f"{member} or CiphertextBlob is required")
    key_id = crypto.key_id_of_ciphertext(ciphertext)
    try:
        return rt.key_entry(key_id), None
    except KMSError:
        raise crypto_invalid() from None


def crypto_invalid() -> KMSError:
    from kmspolicy.kms.blob import invalid_ciphertext

    return invalid_ciphertext()


def decrypt(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    _no_recipient(p)
    tokens = _tokens(rt, p)
    ciphertext = p.get("CiphertextBlob")
    ignore = bool(p.get("DryRun")) and "IGNORE_CIPHERTEXT" in (p.get("DryRunModifiers") or ())
    if ciphertext is None and not ignore:
        raise validation(
            "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy "
            "constraint: Member must not be null"
        )
    algorithm = p.get("EncryptionAlgorithm", _SYMMETRIC)
    context = p.get("EncryptionContext")
    data = None if ciphertext is None else bytes(ciphertext)
    entry, alias = _source_key(rt, p, who, "KeyId", algorithm, data)
    permit = rt.authorize(
        who,
        "kms:Decrypt",
        entry,
        key_id_alias=alias,
        encryption_context=context,
        grant_tokens=tokens,
        encryption_algorithm=algorithm,
    )
    ready(rt, "Decrypt", entry)
    dry_run(p)
    assert data is not None
    plaintext = crypto.decrypt(
        permit,
        rt.crypto_key(entry, permit),
        data,
        encryption_context=context,
        algorithm=algorithm,
    )
    rt.record_usage(entry.record.key_id, "Decrypt")
    return {"KeyId": entry.record.arn, "Plaintext": plaintext, "EncryptionAlgorithm": algorithm}


def re_encrypt(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    tokens = _tokens(rt, p)
    ciphertext = bytes(p["CiphertextBlob"]) if p.get("CiphertextBlob") is not None else None
    src_alg = p.get("SourceEncryptionAlgorithm", _SYMMETRIC)
    dst_alg = p.get("DestinationEncryptionAlgorithm", _SYMMETRIC)
    src_context = p.get("SourceEncryptionContext")
    dst_context = p.get("DestinationEncryptionContext")
    source, src_alias = _source_key(rt, p, who, "SourceKeyId", src_alg, ciphertext)
    destination, dst_alias = _key(rt, p, who, "DestinationKeyId")
    same = {"kms:ReEncryptOnSameKey": str(source is destination).lower()}
    src_permit = rt.authorize(
        who,
        "kms:ReEncryptFrom",
        source,
        key_id_alias=src_alias,
        encryption_context=src_context,
        grant_tokens=tokens,
        encryption_algorithm=src_alg,
        context=same,
    )
    dst_permit = rt.authorize(
        who,
        "kms:ReEncryptTo",
        destination,
        key_id_alias=dst_alias,
        encryption_context=dst_context,
        grant_tokens=tokens,
        encryption_algorithm=dst_alg,
        context=same,
    )
    ready(rt, "ReEncrypt", source)
    ready(rt, "ReEncrypt", destination)
    dry_run(p)
    if ciphertext is None:
        raise validation("CiphertextBlob is required")
    blob = crypto.re_encrypt(
        src_permit,
        rt.crypto_key(source, src_permit),
        dst_permit,
        rt.crypto_key(destination, dst_permit),
        ciphertext,
        source_encryption_context=src_context,
        destination_encryption_context=dst_context,
        source_algorithm=src_alg,
        destination_algorithm=dst_alg,
    )
    rt.record_usage(source.record.key_id, "ReEncrypt")
    rt.record_usage(destination.record.key_id, "ReEncrypt")
    return {
        "CiphertextBlob": blob,
        "SourceKeyId": source.record.arn,
        "KeyId": destination.record.arn,
        "SourceEncryptionAlgorithm": src_alg,
        "DestinationEncryptionAlgorithm": dst_alg,
    }


def _data_key_entry(
    rt: Runtime, p: Params, who: CallerEntry, operation: str
) -> tuple[KeyEntry, Permit]:
    _no_recipient(p)
    context = p.get("EncryptionContext")
    return _use_key(
        rt, p, who, operation, encryption_context=context, encryption_algorithm=_SYMMETRIC
    )


def generate_data_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _data_key_entry(rt, p, who, "GenerateDataKey")
    data_key = crypto.generate_data_key(
        permit,
        rt.crypto_key(entry, permit),
        key_spec=p.get("KeySpec"),
        number_of_bytes=p.get("NumberOfBytes"),
        encryption_context=p.get("EncryptionContext"),
    )
    rt.record_usage(entry.record.key_id, "GenerateDataKey")
    return {
        "CiphertextBlob": data_key.ciphertext_blob,
        "Plaintext": data_key.plaintext,
        "KeyId": entry.record.arn,
    }


def generate_data_key_without_plaintext(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _data_key_entry(rt, p, who, "GenerateDataKeyWithoutPlaintext")
    blob = crypto.generate_data_key_without_plaintext(
        permit,
        rt.crypto_key(entry, permit),
        key_spec=p.get("KeySpec"),
        number_of_bytes=p.get("NumberOfBytes"),
        encryption_context=p.get("EncryptionContext"),
    )
    rt.record_usage(entry.record.key_id, "GenerateDataKeyWithoutPlaintext")
    return {"CiphertextBlob": blob, "KeyId": entry.record.arn}


def _pair_spec(p: Params) -> str:
    spec: str = p["KeyPairSpec"]
    if spec not in KEY_SPECS:
        raise unsupported(f"KeyPairSpec {spec} is not supported in this Region.")
    return spec


def generate_data_key_pair(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    spec = _pair_spec(p)
    entry, permit = _data_key_entry(rt, p, who, "GenerateDataKeyPair")
    pair = crypto.generate_data_key_pair(
        permit,
        rt.crypto_key(entry, permit),
        spec,
        encryption_context=p.get("EncryptionContext"),
    )
    rt.record_usage(entry.record.key_id, "GenerateDataKeyPair")
    return {
        "PrivateKeyCiphertextBlob": pair.private_key_ciphertext_blob,
        "PrivateKeyPlaintext": pair.private_key_plaintext,
        "PublicKey": pair.public_key,
        "KeyId": entry.record.arn,
        "KeyPairSpec": spec,
    }


def generate_data_key_pair_without_plaintext(
    rt: Runtime, p: Params, who: CallerEntry
) -> dict[str, Any]:
    spec = _pair_spec(p)
    entry, permit = _data_key_entry(rt, p, who, "GenerateDataKeyPairWithoutPlaintext")
    pair = crypto.generate_data_key_pair_without_plaintext(
        permit,
        rt.crypto_key(entry, permit),
        spec,
        encryption_context=p.get("EncryptionContext"),
    )
    rt.record_usage(entry.record.key_id, "GenerateDataKeyPairWithoutPlaintext")
    return {
        "PrivateKeyCiphertextBlob": pair.private_key_ciphertext_blob,
        "PublicKey": pair.public_key,
        "KeyId": entry.record.arn,
        "KeyPairSpec": spec,
    }


def generate_random(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    _no_recipient(p)
    rt.authorize(who, "kms:GenerateRandom", None)
    if p.get("NumberOfBytes") is None:
        raise validation(
            "1 validation error detected: Value null at 'numberOfBytes' failed to satisfy "
            "constraint: Member must not be null"
        )
    store_id = p.get("CustomKeyStoreId")
    if store_id is None:
        return {"Plaintext": crypto.generate_random(p["NumberOfBytes"])}
    keystores = rt.keyring.keystores
    record = keystores.owned(store_id, who.identity.caller.account or "", rt.region)
    if record.connection_state != "CONNECTED":
        raise KMSError(
            "CustomKeyStoreInvalidStateException",
            f"Custom key store {store_id} is {record.connection_state}; GenerateRandom needs "
            "it CONNECTED.",
        )
    return {"Plaintext": keystores.generate_random(store_id, p["NumberOfBytes"])}


def _signing(
    rt: Runtime, p: Params, who: CallerEntry, operation: str
) -> tuple[KeyEntry, Permit, str, str]:
    algorithm = p["SigningAlgorithm"]
    message_type = p.get("MessageType", "RAW")
    entry, permit = _use_key(
        rt, p, who, operation, signing_algorithm=algorithm, message_type=message_type
    )
    return entry, permit, algorithm, message_type


def sign(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit, algorithm, message_type = _signing(rt, p, who, "Sign")
    signature = crypto.sign(
        permit,
        rt.crypto_key(entry, permit),
        bytes(p["Message"]),
        algorithm,
        message_type=message_type,
    )
    rt.record_usage(entry.record.key_id, "Sign")
    return {"KeyId": entry.record.arn, "Signature": signature, "SigningAlgorithm": algorithm}


def verify(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit, algorithm, message_type = _signing(rt, p, who, "Verify")
    valid = crypto.verify(
        permit,
        rt.crypto_key(entry, permit),
        bytes(p["Message"]),
        bytes(p["Signature"]),
        algorithm,
        message_type=message_type,
    )
    rt.record_usage(entry.record.key_id, "Verify")
    return {"KeyId": entry.record.arn, "SignatureValid": valid, "SigningAlgorithm": algorithm}


def get_public_key(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    tokens = _tokens(rt, p)
    entry, alias = _key(rt, p, who)
    permit = rt.authorize(who, "kms:GetPublicKey", entry, key_id_alias=alias, grant_tokens=tokens)
    ready(rt, "GetPublicKey", entry)
    record = entry.record
    public = crypto.get_public_key(permit, rt.crypto_key(entry, permit))
    out: dict[str, Any] = {
        "KeyId": record.arn,
        "PublicKey": public,
        "KeySpec": record.key_spec,
        "KeyUsage": record.key_usage,
    }
    if record.key_spec in LEGACY_KEY_SPECS:
        out["CustomerMasterKeySpec"] = record.key_spec
    member = {
        "ENCRYPT_DECRYPT": "EncryptionAlgorithms",
        "SIGN_VERIFY": "SigningAlgorithms",
        "KEY_AGREEMENT": "KeyAgreementAlgorithms",
    }.get(record.key_usage)
    if member is not None:
        out[member] = list(KEY_SPECS[record.key_spec].algorithms(record.key_usage))
    return out


def generate_mac(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _use_key(rt, p, who, "GenerateMac", mac_algorithm=p["MacAlgorithm"])
    mac = crypto.generate_mac(
        permit, rt.crypto_key(entry, permit), bytes(p["Message"]), p["MacAlgorithm"]
    )
    rt.record_usage(entry.record.key_id, "GenerateMac")
    return {"Mac": mac, "MacAlgorithm": p["MacAlgorithm"], "KeyId": entry.record.arn}


def verify_mac(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, permit = _use_key(rt, p, who, "VerifyMac", mac_algorithm=p["MacAlgorithm"])
    valid = crypto.verify_mac(
        permit,
        rt.crypto_key(entry, permit),
        bytes(p["Message"]),
        bytes(p["Mac"]),
        p["MacAlgorithm"],
    )
    rt.record_usage(entry.record.key_id, "VerifyMac")
    return {"KeyId": entry.record.arn, "MacValid": valid, "MacAlgorithm": p["MacAlgorithm"]}


def derive_shared_secret(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    _no_recipient(p)
    entry, permit = _use_key(rt, p, who, "DeriveSharedSecret")
    secret = crypto.derive_shared_secret(
        permit,
        rt.crypto_key(entry, permit),
        bytes(p["PublicKey"]),
        algorithm=p["KeyAgreementAlgorithm"],
    )
    rt.record_usage(entry.record.key_id, "DeriveSharedSecret")
    return {
        "KeyId": entry.record.arn,
        "SharedSecret": secret,
        "KeyAgreementAlgorithm": p["KeyAgreementAlgorithm"],
        "KeyOrigin": entry.record.origin,
    }


OPERATIONS = {
    "Encrypt": encrypt,
    "Decrypt": decrypt,
    "ReEncrypt": re_encrypt,
    "GenerateDataKey": generate_data_key,
    "GenerateDataKeyWithoutPlaintext": generate_data_key_without_plaintext,
    "GenerateDataKeyPair": generate_data_key_pair,
    "GenerateDataKeyPairWithoutPlaintext": generate_data_key_pair_without_plaintext,
    "GenerateRandom": generate_random,
    "Sign": sign,
    "Verify": verify,
    "GetPublicKey": get_public_key,
    "GenerateMac": generate_mac,
    "VerifyMac": verify_mac,
    "DeriveSharedSecret": derive_shared_secret,
}
