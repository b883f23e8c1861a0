"""Keys whose material is generated and used inside the token: the symmetric operations,
ciphertext semantics, Unavailable while disconnected, authorization before the HSM, rotation
refused, a restart, and material that cannot leave the token."""

from __future__ import annotations

import json
from typing import Any

import pkcs11
import pytest
from conftest import HsmEnv
from kms_service_env import ADMIN, ALICE, check_shape
from pkcs11 import Attribute, KeyType, Mechanism
from pkcs11 import exceptions as p11

from kmspolicy.errors import KMSError
from kmspolicy.kms.service import KMS

CONTEXT = {"purpose": "hsm-test"}


def _error(hsm: HsmEnv, operation: str, params: dict[str, Any], caller: str = ADMIN) -> KMSError:
    with pytest.raises(KMSError) as err:
        hsm.call(operation, params, caller)
    return err.value


def test_key_metadata(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    reply = hsm.call("CreateKey", {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id})
    check_shape("CreateKey", reply)
    md = reply["KeyMetadata"]
    assert md["Origin"] == "AWS_CLOUDHSM"
    assert md["CustomKeyStoreId"] == store_id
    assert md["CloudHsmClusterId"] == hsm.cluster.cluster_id
    assert (md["KeyState"], md["KeySpec"], md["KeyUsage"]) == (
        "Enabled",
        "SYMMETRIC_DEFAULT",
        "ENCRYPT_DECRYPT",
    )
    assert len(md["CurrentKeyMaterialId"]) == 64


def test_symmetric_operations_run_in_the_token(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    software = hsm.call("CreateKey")["KeyMetadata"]["KeyId"]
    blob = hsm.call(
        "Encrypt", {"KeyId": key_id, "Plaintext": b"secret", "EncryptionContext": CONTEXT}
    )["CiphertextBlob"]
    # no KeyId: the blob names the key
    out = hsm.call("Decrypt", {"CiphertextBlob": blob, "EncryptionContext": CONTEXT})
    assert (out["Plaintext"], out["KeyId"].endswith(key_id)) == (b"secret", True)
    for context in ({}, {"purpose": "other"}):
        err = _error(hsm, "Decrypt", {"CiphertextBlob": blob, "EncryptionContext": context})
        assert err.code == "InvalidCiphertextException"
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    err = _error(hsm, "Decrypt", {"CiphertextBlob": tampered, "EncryptionContext": CONTEXT})
    assert err.code == "InvalidCiphertextException"
    moved = hsm.call(
        "ReEncrypt",
        {
            "CiphertextBlob": blob,
            "SourceEncryptionContext": CONTEXT,
            "DestinationKeyId": software,
        },
    )
    back = hsm.call(
        "ReEncrypt", {"CiphertextBlob": moved["CiphertextBlob"], "DestinationKeyId": key_id}
    )
    assert hsm.call("Decrypt", {"CiphertextBlob": back["CiphertextBlob"]})["Plaintext"] == b"secret"
    data_key = hsm.call(
        "GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_256", "EncryptionContext": CONTEXT}
    )
    again = hsm.call(
        "Decrypt", {"CiphertextBlob": data_key["CiphertextBlob"], "EncryptionContext": CONTEXT}
    )
    assert again["Plaintext"] == data_key["Plaintext"] and len(data_key["Plaintext"]) == 32
    sealed = hsm.call("GenerateDataKeyWithoutPlaintext", {"KeyId": key_id, "NumberOfBytes": 24})
    opened = hsm.call("Decrypt", {"CiphertextBlob": sealed["CiphertextBlob"]})
    assert len(opened["Plaintext"]) == 24


def test_generate_random_from_the_token(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    draws = [
        hsm.call("GenerateRandom", {"NumberOfBytes": 1024, "CustomKeyStoreId": store_id})[
            "Plaintext"
        ]
        for _ in range(2)
    ]
    assert [len(d) for d in draws] == [1024, 1024] and draws[0] != draws[1]
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    err = _error(hsm, "GenerateRandom", {"NumberOfBytes": 8, "CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreInvalidStateException"
    err = _error(hsm, "GenerateRandom", {"NumberOfBytes": 8, "CustomKeyStoreId": "cks-0"})
    assert err.code == "CustomKeyStoreNotFoundException"


def test_disconnect_makes_keys_unavailable_and_reconnect_restores_them(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    blob = hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"kept"})["CiphertextBlob"]
    hsm.call("DisableKey", {"KeyId": key_id})
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    md = hsm.call("DescribeKey", {"KeyId": key_id})["KeyMetadata"]
    assert (md["KeyState"], md["Enabled"]) == ("Unavailable", False)
    hsm.call("EnableKey", {"KeyId": key_id})  # managing the key still works
    hsm.call("UpdateKeyDescription", {"KeyId": key_id, "Description": "while away"})
    for operation, params in (
        ("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}),
        ("Decrypt", {"CiphertextBlob": blob}),
        ("GenerateDataKey", {"KeyId": key_id, "KeySpec": "AES_256"}),
    ):
        err = _error(hsm, operation, params)
        assert err.code == "KMSInvalidStateException" and "unavailable" in err.message
    err = _error(hsm, "CreateKey", {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id})
    assert err.code == "CustomKeyStoreInvalidStateException"
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    md = hsm.call("DescribeKey", {"KeyId": key_id})["KeyMetadata"]
    assert (md["KeyState"], md["Description"]) == ("Enabled", "while away")
    assert hsm.call("Decrypt", {"CiphertextBlob": blob})["Plaintext"] == b"kept"


def test_the_engine_decides_before_the_hsm_is_touched(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    err = _error(hsm, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE)
    assert err.code == "AccessDeniedException"
    hsm.call("DisconnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    # denied, not unavailable: authorization comes first
    err = _error(hsm, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE)
    assert err.code == "AccessDeniedException"
    hsm.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
    hsm.call(
        "CreateGrant",
        {"KeyId": key_id, "GranteePrincipal": ALICE, "Operations": ["Encrypt", "Decrypt"]},
    )
    blob = hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"granted"}, ALICE)["CiphertextBlob"]
    assert hsm.call("Decrypt", {"CiphertextBlob": blob}, ALICE)["Plaintext"] == b"granted"
    policy = json.loads(hsm.call("GetKeyPolicy", {"KeyId": key_id})["Policy"])
    policy["Statement"].append(
        {
            "Effect": "Deny",
            "Principal": {"AWS": ADMIN},
            "Action": "kms:Decrypt",
            "Resource": "*",
        }
    )
    hsm.call("PutKeyPolicy", {"KeyId": key_id, "Policy": json.dumps(policy)})
    assert _error(hsm, "Decrypt", {"CiphertextBlob": blob}).code == "AccessDeniedException"


def test_create_key_refusals(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    base = {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id}
    cases = [
        ({"Origin": "AWS_CLOUDHSM"}, "ValidationException"),
        ({"CustomKeyStoreId": store_id}, "ValidationException"),
        (
            {**base, "KeySpec": "RSA_2048", "KeyUsage": "SIGN_VERIFY"},
            "UnsupportedOperationException",
        ),
        (
            {**base, "KeySpec": "HMAC_256", "KeyUsage": "GENERATE_VERIFY_MAC"},
            "UnsupportedOperationException",
        ),
        ({**base, "MultiRegion": True}, "UnsupportedOperationException"),
        ({**base, "CustomKeyStoreId": "cks-1234567890abcdef0"}, "CustomKeyStoreNotFoundException"),
    ]
    for params, code in cases:
        assert _error(hsm, "CreateKey", params).code == code, params
    assert hsm.call("ListKeys")["Keys"] == []  # nothing half-made


def test_rotation_is_refused(hsm: HsmEnv) -> None:
    key_id = hsm.hsm_key(hsm.connected_store())
    for operation in ("EnableKeyRotation", "RotateKeyOnDemand", "GetKeyRotationStatus"):
        assert _error(hsm, operation, {"KeyId": key_id}).code == "UnsupportedOperationException"


def test_a_restarted_kms_logs_in_again_with_the_sealed_password(hsm: HsmEnv, tmp_path: Any) -> None:
    key_id = hsm.hsm_key(hsm.connected_store())
    blob = hsm.call("Encrypt", {"KeyId": key_id, "Plaintext": b"across"})["CiphertextBlob"]
    hsm.kms.close()
    with KMS.open(tmp_path / "data", clock=hsm.clock) as again:
        out = again.call("Decrypt", {"CiphertextBlob": blob}, ADMIN)
    assert out["Plaintext"] == b"across"


def test_key_material_cannot_leave_the_token(hsm: HsmEnv) -> None:
    store_id = hsm.connected_store()
    key_id = hsm.hsm_key(store_id)
    pool = hsm.kms.runtime.keyring.keystores.pool(store_id)
    assert pool is not None

    def inspect(session: Any, _: Any) -> dict[str, Any]:
        key = session.get_key(label=key_id, object_class=pkcs11.ObjectClass.SECRET_KEY)
        facts = {
            name: key[attribute]
            for name, attribute in (
                ("sensitive", Attribute.SENSITIVE),
                ("extractable", Attribute.EXTRACTABLE),
                ("always_sensitive", Attribute.ALWAYS_SENSITIVE),
                ("never_extractable", Attribute.NEVER_EXTRACTABLE),
                ("token", Attribute.TOKEN),
            )
        }
        try:
            key[Attribute.VALUE]
        except p11.AttributeSensitive:
            facts["value"] = "refused"
        wrapper = session.generate_key(
            KeyType.AES, 256, store=False, template={Attribute.WRAP: True}
        )
        try:
            wrapper.wrap_key(key, mechanism=Mechanism.AES_KEY_WRAP_PAD)
        except (p11.KeyUnextractable, p11.KeyNotWrappable):
            facts["wrap"] = "refused"
        return facts

    assert pool.run(inspect) == {
        "sensitive": True,
        "extractable": False,
        "always_sensitive": True,
        "never_extractable": True,
        "token": True,
        "value": "refused",
        "wrap": "refused",
    }
