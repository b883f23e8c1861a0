"""Shared setup for the KMS service tests: a KMS over a temporary data directory with a few
principals, and a validator of results against botocore's output shapes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.model import ListShape, MapShape, Shape, StructureShape

from kmspolicy.errors import KMSError
from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.service import KMS

ACCOUNT = "111122223333"
OTHER = "444455556666"
ROOT = f"arn:aws:iam::{ACCOUNT}:root"
ADMIN = f"arn:aws:iam::{ACCOUNT}:user/admin"  # kms:* through an identity policy
ALICE = f"arn:aws:iam::{ACCOUNT}:user/alice"  # no identity policy
APP_ROLE = f"arn:aws:iam::{ACCOUNT}:role/app"
CAROL = f"arn:aws:iam::{OTHER}:user/carol"  # another account, kms:* in IAM

ALLOW_ALL = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}],
    }
)


def policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def open_kms(path: Path, clock: ManualClock, **options: Any) -> KMS:
    kms = KMS.open(path, clock=clock, **options)
    d = kms.directory
    for account in (ACCOUNT, OTHER):
        d.create_account(account)
    d.create_user(ACCOUNT, "admin")
    d.attach_policy(ADMIN, "kms-all", ALLOW_ALL)
    d.create_user(ACCOUNT, "alice")
    d.create_role(ACCOUNT, "app")
    d.create_user(OTHER, "carol")
    d.attach_policy(CAROL, "kms-all", ALLOW_ALL)
    return kms


_MODEL = botocore.session.get_session().get_service_model("kms")

_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "blob": bytes,
    "integer": int,
    "long": int,
    "boolean": bool,
    "timestamp": datetime,
}


def shape_errors(operation: str, result: dict[str, Any]) -> list[str]:
    """Every way ``result`` departs from the operation's botocore output shape."""
    output = _MODEL.operation_model(operation).output_shape
    errors: list[str] = []
    if output is None:
        if result:
            errors.append(f"{operation} has no output, got {sorted(result)}")
        return errors
    _check(output, result, operation, errors)
    return errors


def _check(shape: Shape, value: Any, path: str, errors: list[str]) -> None:
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            errors.append(f"{path}: expected a structure, got {type(value).__name__}")
            return
        for name in value:
            if name not in shape.members:
                errors.append(f"{path}: unknown member {name}")
        for name in shape.required_members:
            if name not in value:
                errors.append(f"{path}: missing required member {name}")
        for name, member in shape.members.items():
            if name in value:
                _check(member, value[name], f"{path}.{name}", errors)
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            _check(shape.member, item, f"{path}[{i}]", errors)
    elif isinstance(shape, MapShape):
        if not isinstance(value, dict):
            errors.append(f"{path}: expected a map, got {type(value).__name__}")
            return
        for k, v in value.items():
            _check(shape.key, k, f"{path}.key", errors)
            _check(shape.value, v, f"{path}[{k}]", errors)
    else:
        expected = _TYPES[shape.type_name]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            errors.append(f"{path}: expected {shape.type_name}, got {type(value).__name__}")
            return
        if isinstance(value, datetime) and value.tzinfo is None:
            errors.append(f"{path}: timestamp without a timezone")
        enum = getattr(shape, "enum", None)
        if enum and value not in enum:
            errors.append(f"{path}: {value!r} is not one of {enum}")


def check_shape(operation: str, result: dict[str, Any]) -> dict[str, Any]:
    errors = shape_errors(operation, result)
    assert not errors, errors
    return result


def call(kms: KMS, operation: str, params: dict[str, Any], caller: str = ADMIN) -> dict[str, Any]:
    """``kms.call``, its result checked against the botocore output shape."""
    return check_shape(operation, kms.call(operation, params, caller))


def code(kms: KMS, operation: str, params: dict[str, Any], caller: str = ADMIN) -> str:
    """The error code ``kms.call`` raises (it must raise)."""
    with pytest.raises(KMSError) as info:
        kms.call(operation, params, caller)
    return info.value.code
