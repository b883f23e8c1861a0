"""The dispatcher's hot path: the decision hook, the quick member checks of validation
(which must agree with the full checks), and the decision cache's soundness."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kms_service_env import ACCOUNT, ADMIN, ALICE, open_kms, policy

from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.runtime import Observation
from kmspolicy.kms.service import KMS
from kmspolicy.kms.validation import validate_input


@pytest.fixture
def kms(tmp_path: Path, clock: ManualClock) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", clock)
    yield service
    service.close()


def _key(kms: KMS) -> str:
    key_id: str = kms.call("CreateKey", {}, ADMIN)["KeyMetadata"]["KeyId"]
    return key_id


def test_on_decision_sees_every_decision_in_order(kms: KMS) -> None:
    key_id = _key(kms)
    seen: list[Observation] = []
    note = seen.append

    blob = kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN, on_decision=note)
    assert [(a, r, d.allowed) for a, r, d in seen] == [("kms:Encrypt", blob["KeyId"], True)]
    seen.clear()
    with pytest.raises(KMSError, match="AccessDenied"):
        kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE, on_decision=note)
    assert [(a, d.allowed) for a, _, d in seen] == [("kms:Encrypt", False)]
    seen.clear()
    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN)  # no hook: not told
    assert seen == []
    for _ in range(2):  # the cached Deny denies again without the hook
        with pytest.raises(KMSError, match="AccessDenied"):
            kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ALICE)
    first = kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN, on_decision=note)
    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN, on_decision=note)
    # a decision served from the cache is reported like a fresh one, the same object
    assert [(a, r) for a, r, _ in seen] == [("kms:Encrypt", first["KeyId"])] * 2
    assert seen[0][2] is seen[1][2] and seen[0][2].allowed


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"KeyId": "k", "Plaintext": b"x"}, 0),
        ({"KeyId": "", "Plaintext": b"x"}, 1),
        ({"KeyId": "k", "Plaintext": b""}, 1),
        ({"KeyId": "k", "Plaintext": b"x" * 4097}, 1),
        ({"KeyId": "k", "Plaintext": "x"}, 1),
        ({"KeyId": "k", "Plaintext": bytearray(b"x")}, 0),
        ({"KeyId": "k", "Plaintext": b"x", "EncryptionAlgorithm": "AES"}, 1),
        ({"KeyId": "k", "Plaintext": b"x", "EncryptionContext": {"a": 1}}, 1),
        ({"KeyId": "k", "Plaintext": b"x", "EncryptionContext": {"a": "b"}}, 0),
        ({"KeyId": "k", "Plaintext": b"x", "DryRun": 1}, 1),
        ({"KeyId": "k", "Plaintext": b"x", "DryRun": None}, 0),
        ({"KeyId": 7, "Plaintext": None}, 2),
        ({"KeyId": "k", "Plaintext": b"x", "Bogus": "y"}, 1),
        ({"Plaintext": b"x"}, 1),
        ({"KeyId": None, "Plaintext": b"x", "EncryptionContext": None}, 1),
    ],
)
def test_quick_checks_agree_with_the_full_checks(params: dict[str, Any], errors: int) -> None:
    if errors == 0:
        validate_input("Encrypt", params)
        return
    with pytest.raises(KMSError) as info:
        validate_input("Encrypt", params)
    assert info.value.code == "ValidationException"
    assert info.value.message.startswith(f"{errors} validation error")


def test_time_conditions_are_decided_again_as_time_passes(kms: KMS, clock: ManualClock) -> None:
    key_id = _key(kms)
    until = (clock.now() + timedelta(seconds=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    kms.directory.attach_policy(
        ALICE,
        "until",
        policy(
            {
                "Effect": "Allow",
                "Action": "kms:Encrypt",
                "Resource": "*",
                "Condition": {"DateLessThan": {"aws:CurrentTime": until}},
            }
        ),
    )
    params = {"KeyId": key_id, "Plaintext": b"x"}
    kms.call("Encrypt", params, ALICE)
    kms.call("Encrypt", params, ALICE)  # from the cache
    clock.advance(31)
    with pytest.raises(KMSError, match="AccessDenied"):
        kms.call("Encrypt", params, ALICE)


def test_context_order_does_not_change_the_decision(kms: KMS) -> None:
    key_id = _key(kms)
    kms.directory.attach_policy(
        ALICE,
        "tenant",
        policy(
            {
                "Effect": "Allow",
                "Action": "kms:Encrypt",
                "Resource": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/*",
                "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "a"}},
            }
        ),
    )
    for context in ({"tenant": "a", "x": "1"}, {"x": "1", "tenant": "a"}):
        kms.call(
            "Encrypt", {"KeyId": key_id, "Plaintext": b"x", "EncryptionContext": context}, ALICE
        )
    with pytest.raises(KMSError, match="AccessDenied"):
        kms.call(
            "Encrypt",
            {"KeyId": key_id, "Plaintext": b"x", "EncryptionContext": {"x": "1", "tenant": "b"}},
            ALICE,
        )


def test_refresh_sees_another_writer(kms: KMS, tmp_path: Path, clock: ManualClock) -> None:
    key_id = _key(kms)
    params = {"KeyId": key_id, "Plaintext": b"x"}
    kms.call("Encrypt", params, ADMIN)  # cached: key, caller, decision
    assert kms.refresh() is False
    with KMS.open(tmp_path / "data", clock=clock) as other:  # another process, in effect
        other.directory.attach_scp(
            ACCOUNT, "deny", policy({"Effect": "Deny", "Action": "kms:Encrypt", "Resource": "*"})
        )
    kms.call("Encrypt", params, ADMIN)  # not observed yet: the caches still answer
    assert kms.refresh() is True
    with pytest.raises(KMSError, match="AccessDenied"):
        kms.call("Encrypt", params, ADMIN)
    assert kms.refresh() is False


@pytest.mark.parametrize("password", ["abc", "x" * 40])
def test_validation_never_echoes_a_key_store_password(password: str) -> None:
    with pytest.raises(KMSError) as info:
        validate_input(
            "CreateCustomKeyStore", {"CustomKeyStoreName": "store", "KeyStorePassword": password}
        )
    assert info.value.message.startswith(
        "1 validation error detected: Value at 'keyStorePassword' failed to satisfy constraint"
    )
    assert password not in info.value.message


def test_a_callers_hash_is_that_of_all_its_fields() -> None:
    # callers key the dispatcher's caches: equal callers hash alike, every field counts
    from dataclasses import astuple, replace

    from kmspolicy.kms.principals import Caller

    caller = Caller(
        f"arn:aws:iam::{ACCOUNT}:user/alice",
        source_ip="192.0.2.7",
        source_vpce="vpce-1a2b3c4d",
        via_service="ec2.us-east-1.amazonaws.com",
        secure_transport=False,
        mfa=True,
        access_key_id="AKIAIOSFODNN7EXAMPLE",
    )
    assert hash(caller) == hash(astuple(caller))
    assert hash(replace(caller)) == hash(caller) and replace(caller) == caller


def test_a_cached_decision_is_observed_as_the_first_was(kms: KMS) -> None:
    key_id = _key(kms)
    seen: list[Observation] = []
    for _ in range(3):
        kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, ADMIN, on_decision=seen.append)
    assert len(seen) == 3 and seen[0] == seen[1] == seen[2]
    assert seen[0].action == "kms:Encrypt" and seen[0].resource is not None
    assert seen[0].resource.endswith(key_id) and seen[0].decision.allowed


def test_a_policy_change_reaches_a_caller_object_used_again(kms: KMS) -> None:
    # the dispatcher finds the last Caller object by identity; its policies still count
    from kmspolicy.kms.principals import Caller

    key_id = _key(kms)
    alice = Caller(ALICE, source_ip="192.0.2.7")
    request = {"KeyId": key_id, "Plaintext": b"x"}
    with pytest.raises(KMSError) as denied:
        kms.call("Encrypt", request, alice)
    assert denied.value.code == "AccessDeniedException"
    kms.directory.attach_policy(
        ALICE, "encrypt", policy({"Effect": "Allow", "Action": "kms:Encrypt", "Resource": "*"})
    )
    assert kms.call("Encrypt", request, alice)["KeyId"].endswith(key_id)
    kms.directory.detach_policy(ALICE, "encrypt")
    with pytest.raises(KMSError):
        kms.call("Encrypt", request, alice)
