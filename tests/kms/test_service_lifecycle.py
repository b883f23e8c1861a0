"""Rotation, import, restart in a new process, and the shipped API model."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import gen_api_model
import pytest
from kms_service_env import ADMIN, ALICE, call, code, open_kms

from kmspolicy.kms import _api_model, importing
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.service import KMS
from kmspolicy.kms.validation import input_members


@pytest.fixture
def kms(tmp_path: Path, clock: ManualClock) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", clock)
    yield service
    service.close()


def test_twenty_rotations_then_every_generation_decrypts(kms: KMS) -> None:
    key_id = call(kms, "CreateKey", {})["KeyMetadata"]["KeyId"]
    blobs = []
    for n in range(21):
        data = f"generation {n}".encode()
        blobs.append((data, call(kms, "Encrypt", {"KeyId": key_id, "Plaintext": data})))
        if n < 20:
            call(kms, "RotateKeyOnDemand", {"KeyId": key_id})
    for data, blob in blobs:
        out = call(kms, "Decrypt", {"CiphertextBlob": blob["CiphertextBlob"]})
        assert out["Plaintext"] == data
    rotations = call(kms, "ListKeyRotations", {"KeyId": key_id})["Rotations"]
    assert len(rotations) == 20
    assert {r["RotationType"] for r in rotations} == {"ON_DEMAND"}
    assert len({r["KeyMaterialId"] for r in rotations}) == 20
    page = call(kms, "ListKeyRotations", {"KeyId": key_id, "Limit": 5})
    assert page["Truncated"] is True and len(page["Rotations"]) == 5


def test_on_demand_rotation_limit(kms: KMS) -> None:
    key_id = call(kms, "CreateKey", {})["KeyMetadata"]["KeyId"]
    for _ in range(25):
        kms.call("RotateKeyOnDemand", {"KeyId": key_id}, ADMIN)
    assert code(kms, "RotateKeyOnDemand", {"KeyId": key_id}) == "LimitExceededException"


def test_automatic_rotation_by_the_clock(kms: KMS, clock: ManualClock) -> None:
    key_id = call(kms, "CreateKey", {})["KeyMetadata"]["KeyId"]
    status = call(kms, "GetKeyRotationStatus", {"KeyId": key_id})
    assert status["KeyRotationEnabled"] is False
    assert code(kms, "EnableKeyRotation", {"KeyId": key_id, "RotationPeriodInDays": 89}) == (
        "ValidationException"
    )
    kms.call("EnableKeyRotation", {"KeyId": key_id, "RotationPeriodInDays": 90}, ADMIN)
    status = call(kms, "GetKeyRotationStatus", {"KeyId": key_id})
    assert status["RotationPeriodInDays"] == 90
    assert status["NextRotationDate"] == clock.now() + timedelta(days=90)
    old = call(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"old"})["CiphertextBlob"]
    clock.advance(timedelta(days=90))
    assert kms.run_due_tasks().rotated == (key_id,)
    assert kms.run_due_tasks().rotated == ()
    rotations = call(kms, "ListKeyRotations", {"KeyId": key_id})["Rotations"]
    assert [r["RotationType"] for r in rotations] == ["AUTOMATIC"]
    assert call(kms, "Decrypt", {"CiphertextBlob": old})["Plaintext"] == b"old"
    # disabled keys are not rotated, and refuse rotation changes
    kms.call("DisableKey", {"KeyId": key_id}, ADMIN)
    clock.advance(timedelta(days=91))
    assert kms.run_due_tasks().rotated == ()
    assert code(kms, "DisableKeyRotation", {"KeyId": key_id}) == "DisabledException"
    asymmetric = call(kms, "CreateKey", {"KeySpec": "RSA_2048", "KeyUsage": "SIGN_VERIFY"})
    rsa_id = asymmetric["KeyMetadata"]["KeyId"]
    assert code(kms, "EnableKeyRotation", {"KeyId": rsa_id}) == "UnsupportedOperationException"
    assert code(kms, "RotateKeyOnDemand", {"KeyId": key_id}, ALICE) == "AccessDeniedException"


def test_import_key_material(kms: KMS, clock: ManualClock) -> None:
    key_id = call(kms, "CreateKey", {"Origin": "EXTERNAL"})["KeyMetadata"]["KeyId"]
    assert code(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"x"}) == (
        "KMSInvalidStateException"
    )
    params = call(
        kms,
        "GetParametersForImport",
        {
            "KeyId": key_id,
            "WrappingAlgorithm": "RSAES_OAEP_SHA_256",
            "WrappingKeySpec": "RSA_2048",
        },
    )
    material = bytes(range(32))
    wrapped = importing.wrap_key_material(params["PublicKey"], "RSAES_OAEP_SHA_256", material)
    base = {"KeyId": key_id, "ImportToken": params["ImportToken"], "EncryptedKeyMaterial": wrapped}
    assert code(kms, "ImportKeyMaterial", base) == "ValidationException"  # ValidTo needed
    imported = call(
        kms,
        "ImportKeyMaterial",
        {
            **base,
            "ExpirationModel": "KEY_MATERIAL_EXPIRES",
            "ValidTo": clock.now() + timedelta(days=2),
        },
    )
    blob = call(kms, "Encrypt", {"KeyId": key_id, "Plaintext": b"imported"})["CiphertextBlob"]
    md = call(kms, "DescribeKey", {"KeyId": key_id})["KeyMetadata"]
    assert md["KeyState"] == "Enabled" and md["CurrentKeyMaterialId"] == imported["KeyMaterialId"]
    # expiry puts the key back to PendingImport; re-importing the same material restores it
    clock.advance(timedelta(days=2))
    assert kms.run_due_tasks().expired == (key_id,)
    assert call(kms, "DescribeKey", {"KeyId": key_id})["KeyMetadata"]["KeyState"] == "PendingImport"
    again = call(
        kms,
        "GetParametersForImport",
        {
            "KeyId": key_id,
            "WrappingAlgorithm": "RSA_AES_KEY_WRAP_SHA_256",
            "WrappingKeySpec": "RSA_3072",
        },
    )
    other_material = bytes(32)
    wrong = importing.wrap_key_material(
        again["PublicKey"], "RSA_AES_KEY_WRAP_SHA_256", other_material
    )
    reimport = {
        "KeyId": key_id,
        "ImportToken": again["ImportToken"],
        "ExpirationModel": "KEY_MATERIAL_DOES_NOT_EXPIRE",
    }
    assert code(kms, "ImportKeyMaterial", {**reimport, "EncryptedKeyMaterial": wrong}) == (
        "IncorrectKeyMaterialException"
    )
    right = importing.wrap_key_material(again["PublicKey"], "RSA_AES_KEY_WRAP_SHA_256", material)
    call(kms, "ImportKeyMaterial", {**reimport, "EncryptedKeyMaterial": right})
    assert call(kms, "Decrypt", {"CiphertextBlob": blob})["Plaintext"] == b"imported"
    deleted = call(kms, "DeleteImportedKeyMaterial", {"KeyId": key_id})
    assert deleted["KeyMaterialId"] == imported["KeyMaterialId"]
    assert code(kms, "Decrypt", {"CiphertextBlob": blob}) == "KMSInvalidStateException"
    normal = call(kms, "CreateKey", {})["KeyMetadata"]["KeyId"]
    assert (
        code(
            kms,
            "GetParametersForImport",
            {
                "KeyId": normal,
                "WrappingAlgorithm": "RSAES_OAEP_SHA_256",
                "WrappingKeySpec": "RSA_2048",
            },
        )
        == "UnsupportedOperationException"
    )


RESTART_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from kmspolicy.kms.service import KMS
    from kmspolicy.kms.principals import Caller
    data, blobs_file = sys.argv[1], sys.argv[2]
    cases = json.load(open(blobs_file))
    kms = KMS.open(data)
    out = []
    for case in cases:
        params = {"CiphertextBlob": bytes.fromhex(case["blob"])}
        if case["context"]:
            params["EncryptionContext"] = case["context"]
        out.append(kms.call("Decrypt", params, case["caller"])["Plaintext"].hex())
    out.append(kms.call("DescribeKey", {"KeyId": "alias/app"}, sys.argv[3])["KeyMetadata"]["KeyId"])
    kms.close()
    print(json.dumps(out))
    """
)


def test_restart_in_a_new_process_decrypts_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    kms = open_kms(data, ManualClock())
    cases = []
    key_id = call(kms, "CreateKey", {})["KeyMetadata"]["KeyId"]
    kms.call("CreateAlias", {"AliasName": "alias/app", "TargetKeyId": key_id}, ADMIN)
    grant = call(
        kms, "CreateGrant", {"KeyId": key_id, "GranteePrincipal": ALICE, "Operations": ["Decrypt"]}
    )
    assert grant["GrantId"]
    for n in range(4):
        context = {"n": str(n)} if n % 2 else {}
        params: dict[str, Any] = {"KeyId": "alias/app", "Plaintext": f"p{n}".encode()}
        if context:
            params["EncryptionContext"] = context
        blob = call(kms, "Encrypt", params)["CiphertextBlob"]
        cases.append({"blob": blob.hex(), "context": context, "caller": ALICE, "plain": f"p{n}"})
        kms.call("RotateKeyOnDemand", {"KeyId": key_id}, ADMIN)
    kms.close()
    blobs_file = tmp_path / "blobs.json"
    blobs_file.write_text(json.dumps(cases))
    result = subprocess.run(
        [sys.executable, "-c", RESTART_SCRIPT, str(data), str(blobs_file), ADMIN],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [bytes.fromhex(h).decode() for h in out[:-1]] == [c["plain"] for c in cases]
    assert out[-1] == key_id


def test_shipped_api_model_matches_botocore() -> None:
    operations, shapes = gen_api_model.derive()
    assert operations == _api_model.OPERATIONS
    assert shapes == _api_model.SHAPES


def test_every_operation_of_the_brief_is_served(kms: KMS) -> None:
    served = set(kms.operations)
    assert len(served) == 52  # 46 of the KMS brief and the six custom key store operations
    for operation in served:
        assert operation in _api_model.OPERATIONS
        assert input_members(operation)
