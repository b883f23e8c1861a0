"""who-can over a generated estate of 1,000 keys and 1,000 principals.

The estate spreads keys and principals over four accounts plus a partner account: key
policies delegate to the account and name an administrator and application roles (some
with an encryption-context condition, some with an MFA deny, some shared with the partner
or open to an organisation), keys carry grants; principals use ABAC policies keyed on a
team tag, read-only, administrator and specific-key policies, some with a permissions
boundary; each account has an SCP. Generation is seeded, so every run sees the same estate.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from kmspolicy.analysis.whocan import load_estate, report_to_json, who_can

ACCOUNTS = ("111100000000", "222200000000", "333300000000", "444400000000")
PARTNER = "999900000000"
TEAMS = tuple(f"team{i}" for i in range(10))


def _policy(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _key_arn(account: str, n: int) -> str:
    return f"arn:aws:kms:us-east-1:{account}:key/{n:08d}-0000-4000-8000-000000000000"


def generate_estate(root: Path, keys: int = 1000, principals: int = 1000, seed: int = 7) -> None:
    rng = random.Random(seed)
    for folder in ("keys", "principals", "scps"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    people: list[tuple[str, str, str]] = []  # (arn, account, team)
    for n in range(principals):
        partner = n % 20 == 19
        account = PARTNER if partner else ACCOUNTS[n % len(ACCOUNTS)]
        kind = "role" if n % 3 else "user"
        people.append((f"arn:aws:iam::{account}:{kind}/p{n}", account, rng.choice(TEAMS)))
    apps = [p for p in people if ":role/" in p[0] and p[1] != PARTNER]
    key_arns = [_key_arn(ACCOUNTS[n % len(ACCOUNTS)], n) for n in range(keys)]

    for n, arn in enumerate(key_arns):
        account = ACCOUNTS[n % len(ACCOUNTS)]
        statements: list[dict[str, Any]] = [
            {
                "Sid": "Enable IAM User Permissions",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                "Action": "kms:*",
                "Resource": "*",
            },
            {
                "Sid": "Key administrators",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account}:role/admin"},
                "Action": [
                    "kms:Describe*",
                    "kms:Put*",
                    "kms:Create*",
                    "kms:Enable*",
                    "kms:Disable*",
                    "kms:ScheduleKeyDeletion",
                    "kms:CancelKeyDeletion",
                ],
                "Resource": "*",
            },
        ]
        users = rng.sample([a for a in apps if a[1] == account], 2)
        use: dict[str, Any] = {
            "Sid": "Application use",
            "Effect": "Allow",
            "Principal": {"AWS": [u[0] for u in users]},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
            "Resource": "*",
        }
        if n % 2:
            use["Condition"] = {"StringEquals": {"kms:EncryptionContext:app": f"app{n % 50}"}}
        statements.append(use)
        if n % 10 == 0:
            statements.append(
                {
                    "Sid": "Partner",
                    "Effect": "Allow",
                    "Principal": {"AWS": PARTNER},
                    "Action": ["kms:Decrypt", "kms:DescribeKey"],
                    "Resource": "*",
                }
            )
        if n % 50 == 0:
            statements.append(
                {
                    "Sid": "Organisation",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "kms:Encrypt",
                    "Resource": "*",
                    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-example"}},
                }
            )
        if n % 5 == 0:
            statements.append(
                {
                    "Sid": "MFA for decrypt",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "kms:Decrypt",
                    "Resource": "*",
                    "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
                }
            )
        grants = [
            {
                "grantId": f"g{n}-{i}",
                "granteePrincipal": rng.choice(people)[0],
                "operations": ["Decrypt", "Encrypt"],
                "constraints": {"EncryptionContextSubset": {"app": f"app{i}"}},
            }
            for i in range(n % 3)
        ]
        body = {
            "arn": arn,
            "aliases": [f"alias/key-{n}"],
            "tags": {"team": rng.choice(TEAMS), "env": rng.choice(("prod", "dev"))},
            "policy": _policy(*statements),
            "grants": grants,
        }
        (root / "keys" / f"key-{n}.json").write_text(json.dumps(body))

    boundary = _policy(
        {
            "Effect": "Allow",
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:Describe*"],
            "Resource": "*",
        }
    )
    for n, (arn, account, team) in enumerate(people):
        kind = n % 10
        if account == PARTNER:
            policies = [
                _policy(
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Decrypt", "kms:DescribeKey"],
                        "Resource": "*",
                    }
                )
            ]
        elif kind < 6:
            policies = [
                _policy(
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
                        "Resource": "*",
                        "Condition": {
                            "StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}
                        },
                    }
                )
            ]
        elif kind == 6:
            policies = [
                _policy(
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Describe*", "kms:List*", "kms:Get*"],
                        "Resource": f"arn:aws:kms:*:{account}:key/*",
                    }
                )
            ]
        elif kind == 7:
            mine = [k for k in rng.sample(key_arns, 6) if f":{account}:" in k] or key_arns[:1]
            policies = [_policy({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": mine})]
        else:
            policies = []
        body: dict[str, Any] = {"arn": arn, "tags": {"team": team}, "policies": policies}
        if n % 4 == 0:
            body["permissionsBoundary"] = boundary
        (root / "principals" / f"p{n}.json").write_text(json.dumps(body))
    for account in ACCOUNTS:
        (root / "principals" / f"admin-{account}.json").write_text(
            json.dumps(
                {
                    "arn": f"arn:aws:iam::{account}:role/admin",
                    "policies": [
                        _policy(
                            {
                                "Effect": "Allow",
                                "Action": "kms:*",
                                "Resource": f"arn:aws:kms:*:{account}:key/*",
                            }
                        )
                    ],
                }
            )
        )
    scp = _policy(
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {
            "Effect": "Deny",
            "Action": ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"],
            "Resource": "*",
            "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}},
        },
    )
    (root / "scps" / "guardrails.json").write_text(
        json.dumps({"accounts": list(ACCOUNTS), "policy": scp})
    )


def test_whocan_1000_keys_1000_principals(benchmark: Any, tmp_path: Path) -> None:
    generate_estate(tmp_path)

    def run() -> int:
        report = who_can(load_estate(tmp_path))
        return len(json.dumps(report_to_json(report)))

    size = benchmark.pedantic(run, rounds=1, iterations=1)
    assert size > 0
