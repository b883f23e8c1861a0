"""Service control policies through ``KMS.call`` and ``kmspolicy admin``: a Deny SCP blocks
an allowed call, SCPs without an Allow block everything, the management account is exempt,
and changes take effect on the next call."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from kms_service_env import ACCOUNT, ADMIN, CAROL, OTHER, open_kms, policy

from kmspolicy.cli import main
from kmspolicy.errors import KMSError, PolicySyntaxError
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.service import KMS

FULL_ACCESS = policy({"Effect": "Allow", "Action": "*", "Resource": "*"})
DENY_ENCRYPT = policy({"Effect": "Deny", "Action": "kms:Encrypt", "Resource": "*"})
ONLY_DESCRIBE = policy({"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "*"})


@pytest.fixture
def kms(tmp_path: Path) -> Iterator[KMS]:
    service = open_kms(tmp_path / "data", ManualClock())
    yield service
    service.close()


def _encrypt(kms: KMS, key_id: str, caller: str = ADMIN) -> None:
    kms.call("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}, caller)


def _key(kms: KMS) -> str:
    key_id: str = kms.call("CreateKey", {}, ADMIN)["KeyMetadata"]["KeyId"]
    return key_id


def test_a_deny_scp_blocks_an_allowed_call(kms: KMS) -> None:
    key_id = _key(kms)
    _encrypt(kms, key_id)  # allowed, and now in the decision cache
    kms.directory.attach_scp(ACCOUNT, "full", FULL_ACCESS)
    _encrypt(kms, key_id)
    kms.directory.attach_scp(ACCOUNT, "no-encrypt", DENY_ENCRYPT)
    with pytest.raises(KMSError) as info:
        _encrypt(kms, key_id)
    assert info.value.code == "AccessDeniedException"
    assert "explicit deny in a service control policy" in info.value.message
    kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)  # other actions still allowed
    kms.directory.detach_scp(ACCOUNT, "no-encrypt")
    _encrypt(kms, key_id)


def test_scps_without_an_allow_block_everything(kms: KMS) -> None:
    key_id = _key(kms)
    kms.directory.attach_scp(ACCOUNT, "describe-only", ONLY_DESCRIBE)
    kms.call("DescribeKey", {"KeyId": key_id}, ADMIN)
    for operation, params in (
        ("Encrypt", {"KeyId": key_id, "Plaintext": b"x"}),
        ("CreateKey", {}),
        ("ListKeys", {}),
    ):
        with pytest.raises(KMSError) as info:
            kms.call(operation, params, ADMIN)
        assert info.value.code == "AccessDeniedException"
        assert "no service control policy allows" in info.value.message
    _encrypt(kms, _key_of_other_account(kms), CAROL)  # another account: no SCPs there


def _key_of_other_account(kms: KMS) -> str:
    key_id: str = kms.call("CreateKey", {}, CAROL)["KeyMetadata"]["KeyId"]
    return key_id


def test_the_management_account_is_exempt(kms: KMS) -> None:
    key_id = _key(kms)
    kms.directory.attach_scp(ACCOUNT, "no-encrypt", DENY_ENCRYPT)
    with pytest.raises(KMSError, match="AccessDenied"):
        _encrypt(kms, key_id)
    kms.directory.set_management_account(ACCOUNT)
    _encrypt(kms, key_id)
    kms.directory.set_management_account(OTHER)
    with pytest.raises(KMSError, match="AccessDenied"):
        _encrypt(kms, key_id)
    assert kms.directory.management_account() == OTHER


def test_scp_refusals(kms: KMS) -> None:
    with pytest.raises(PolicySyntaxError) as info:
        kms.directory.attach_scp(ACCOUNT, "bad", '{"Version": "2012-10-17", "Statement": [}')
    assert info.value.line == 1
    with pytest.raises(ValueError, match="no principal"):
        kms.directory.attach_scp("999999999999", "full", FULL_ACCESS)
    with pytest.raises(ValueError, match="no SCP named"):
        kms.directory.detach_scp(ACCOUNT, "missing")


def test_scps_survive_a_restart(tmp_path: Path) -> None:
    with open_kms(tmp_path / "data", ManualClock()) as kms:
        key_id = _key(kms)
        kms.directory.attach_scp(ACCOUNT, "no-encrypt", DENY_ENCRYPT)
    with KMS.open(tmp_path / "data", clock=ManualClock()) as kms:
        assert [n for n, _ in kms.directory.scps(ACCOUNT)] == ["no-encrypt"]
        with pytest.raises(KMSError, match="AccessDenied"):
            _encrypt(kms, key_id)


def _admin(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["admin", "--data-dir", str(data), *args], input=stdin)
    return result.exit_code, result.output


def test_admin_attach_and_detach_scp(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_kms(data, ManualClock()).close()
    scp_file = tmp_path / "no-encrypt.json"
    scp_file.write_text(DENY_ENCRYPT)
    code, out = _admin(data, "attach-scp", ACCOUNT, str(scp_file))
    assert code == 0 and json.loads(out)["ServiceControlPolicies"] == ["no-encrypt"]
    code, out = _admin(data, "attach-scp", ACCOUNT, "-", "--name", "full", stdin=FULL_ACCESS)
    assert code == 0 and json.loads(out)["ServiceControlPolicies"] == ["no-encrypt", "full"]
    assert _admin(data, "attach-scp", ACCOUNT, "-", stdin=FULL_ACCESS)[0] == 2
    code, out = _admin(data, "attach-scp", ACCOUNT, "-", "--name", "bad", stdin="{\n  [")
    assert code == 1 and "2:3" in out
    with KMS.open(data, clock=ManualClock()) as kms:
        key_id = _key(kms)
        with pytest.raises(KMSError, match="AccessDenied"):
            _encrypt(kms, key_id)
    assert _admin(data, "set-management-account", ACCOUNT)[0] == 0
    with KMS.open(data, clock=ManualClock()) as kms:
        _encrypt(kms, key_id)
    assert _admin(data, "set-management-account", "--clear")[0] == 0
    code, out = _admin(data, "detach-scp", ACCOUNT, "no-encrypt")
    assert code == 0 and json.loads(out)["ServiceControlPolicies"] == ["full"]
    assert _admin(data, "detach-scp", ACCOUNT, "no-encrypt")[0] == 1
    with KMS.open(data, clock=ManualClock()) as kms:
        _encrypt(kms, key_id)
