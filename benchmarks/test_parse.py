"""Parse + transform of a generated ~32 KB key policy (the KMS key-policy size limit)."""

from __future__ import annotations

import json
from typing import Any

from kmspolicy.language import parse_policy
from kmspolicy.language.ir import PolicyDocument

KEY_POLICY_LIMIT = 32_768


def _statement(i: int) -> dict[str, Any]:
    return {
        "Sid": f"Statement{i}",
        "Effect": "Deny" if i % 3 == 0 else "Allow",
        "Principal": {"AWS": [f"arn:aws:iam::111122223333:role/Role{i}", "444455556666"]},
        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "kms:ViaService": "ec2.us-east-1.amazonaws.com",
                "kms:EncryptionContext:tenant": ["${aws:PrincipalTag/tenant}", "shared"],
            },
            "ForAnyValue:StringLike": {"kms:EncryptionContextKeys": ["app*"]},
            "Bool": {"aws:SecureTransport": True},
        },
    }


def key_policy_text(limit: int = KEY_POLICY_LIMIT) -> str:
    """An indented key policy with as many statements as fit under ``limit`` bytes."""
    statements: list[dict[str, Any]] = []
    text = ""
    while True:
        candidate = json.dumps(
            {"Version": "2012-10-17", "Statement": [*statements, _statement(len(statements))]},
            indent=2,
        )
        if len(candidate.encode()) > limit:
            return text
        statements.append(_statement(len(statements)))
        text = candidate


def test_parse_32k_key_policy(benchmark: Any) -> None:
    text = key_policy_text()
    assert len(text) > 30_000
    doc: PolicyDocument = benchmark(parse_policy, text)
    assert len(doc.statements) > 40
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["bytes"] = len(text.encode())
    benchmark.extra_info["MB_per_s"] = round(len(text.encode()) / mean / 1e6, 2)
