"""The KMS the service benchmarks call: one account, one user, an identity policy."""

from __future__ import annotations

import json
from pathlib import Path

from kmspolicy.kms.service import KMS

__all__ = ["ACCOUNT", "CONTEXT", "USER", "open_kms"]

ACCOUNT = "111122223333"
USER = f"arn:aws:iam::{ACCOUNT}:user/app"
CONTEXT = {"purpose": "benchmark", "tenant": "t-42"}


def open_kms(data: Path, actions: str | list[str]) -> KMS:
    """A KMS kept in ``data`` whose user ``USER`` may call ``actions`` on every resource."""
    service = KMS.open(data)
    service.directory.create_account(ACCOUNT)
    service.directory.create_user(ACCOUNT, "app")
    statement = {"Effect": "Allow", "Action": actions, "Resource": "*"}
    policy = {"Version": "2012-10-17", "Statement": [statement]}
    service.directory.attach_policy(USER, "use-keys", json.dumps(policy))
    return service
