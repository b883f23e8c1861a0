"""``kmspolicy admin`` builds a data directory the KMS then serves from, and the
principals module's credentials and sessions."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from kmspolicy.cli import main
from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.principals import Caller
from kmspolicy.kms.service import KMS

ACCOUNT = "111122223333"
USER = f"arn:aws:iam::{ACCOUNT}:user/ops"
ALLOW = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}],
}


def admin(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["admin", "--data-dir", str(data), *args], input=stdin)
    return result.exit_code, result.output


def test_admin_sets_up_a_directory_the_kms_serves(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert admin(data, "init")[0] == 0
    assert (data / "root.key").stat().st_mode & 0o077 == 0
    assert admin(data, "create-account", ACCOUNT)[0] == 0
    code, out = admin(data, "create-user", ACCOUNT, "ops", "--tag", "team=blue")
    assert code == 0 and json.loads(out)["Arn"] == USER
    assert admin(data, "attach-policy", USER, "kms", "-", stdin=json.dumps(ALLOW))[0] == 0
    code, out = admin(data, "issue-access-key", USER)
    creds = json.loads(out)
    assert creds["AccessKeyId"].startswith("AKIA") and len(creds["AccessKeyId"]) == 20
    assert len(creds["SecretAccessKey"]) == 40
    code, out = admin(data, "list-access-keys", USER)
    assert [k["AccessKeyId"] for k in json.loads(out)] == [creds["AccessKeyId"]]
    assert "SecretAccessKey" not in out
    listed = json.loads(admin(data, "list", "--account", ACCOUNT)[1])
    assert {p["Arn"]: p["Tags"] for p in listed}[USER] == {"team": "blue"}

    with KMS.open(data) as kms:
        caller, secret, token = kms.directory.secret_for(creds["AccessKeyId"])
        assert (caller.arn, secret, token) == (USER, creds["SecretAccessKey"], None)
        assert kms.call("CreateKey", {}, caller)["KeyMetadata"]["KeyState"] == "Enabled"


def test_admin_refusals(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert admin(data, "list")[0] == 2  # not initialised
    admin(data, "init")
    admin(data, "create-account", ACCOUNT)
    admin(data, "create-user", ACCOUNT, "ops")
    code, out = admin(
        data, "attach-policy", USER, "bad", "-", stdin='{"Version": "2012-10-17",\n "Statement": 5}'
    )
    assert code == 1 and ":2:" in out
    assert admin(data, "create-user", "123", "x")[0] == 1
    assert admin(data, "import-access-key", USER, "AKIASHORT", stdin="x" * 40)[0] == 1
    good_id = "AKIA" + "A" * 16
    assert admin(data, "import-access-key", USER, good_id, stdin="a" * 40 + "\n")[0] == 0
    assert admin(data, "set-boundary", USER)[0] == 2


def test_sessions_and_expiry(tmp_path: Path) -> None:
    clock = ManualClock()
    with KMS.open(tmp_path / "data", clock=clock) as kms:
        d = kms.directory
        d.create_account(ACCOUNT)
        role = d.create_role(ACCOUNT, "worker").arn
        d.attach_policy(role, "kms", json.dumps(ALLOW))
        session_policy = json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "kms:ListKeys", "Resource": "*"}],
            }
        )
        creds = d.assume_role(role, "job-1", session_policy=session_policy)
        assert creds.access_key_id.startswith("ASIA") and creds.session_token
        caller, secret, token = d.secret_for(creds.access_key_id)
        assert caller.arn == f"arn:aws:sts::{ACCOUNT}:assumed-role/worker/job-1"
        assert (secret, token) == (creds.secret_access_key, creds.session_token)
        assert kms.call("ListKeys", {}, caller)["Keys"] == []
        with pytest.raises(KMSError) as info:  # the session policy narrows the role
            kms.call("CreateKey", {}, caller)
        assert info.value.code == "AccessDeniedException"
        assert "session policy" in info.value.message
        clock.advance(timedelta(hours=1))
        with pytest.raises(KMSError) as info:
            d.secret_for(creds.access_key_id)
        assert info.value.code == "ExpiredTokenException"
        with pytest.raises(KMSError) as info:
            kms.call("ListKeys", {}, Caller(caller.arn, access_key_id="ASIA" + "B" * 16))
        assert info.value.code == "UnrecognizedClientException"
