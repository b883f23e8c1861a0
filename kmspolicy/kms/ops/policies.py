"""Key policies: GetKeyPolicy, PutKeyPolicy, ListKeyPolicies; parsing, the default policy
and the lockout safety check that CreateKey shares."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from kmspolicy.engine.grants import GrantTable
from kmspolicy.engine.request import KeyInfo
from kmspolicy.errors import KMSError, PolicySyntaxError
from kmspolicy.kms.model import KeyRecord
from kmspolicy.kms.ops._common import Params, ready, resolve
from kmspolicy.kms.runtime import CallerEntry, KeyEntry, Runtime, not_found
from kmspolicy.language import parse_policy
from kmspolicy.language.ir import PolicyDocument, PolicyKind

__all__ = ["OPERATIONS", "check_lockout", "default_policy", "parse_key_policy"]

MAX_POLICY_BYTES = 32768
_POLICY_NAME = "default"


def default_policy(account_id: str) -> str:
    """The key policy AWS gives a key created through the API without one."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Id": "key-default-1",
            "Statement": [
                {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                }
            ],
        },
        indent=2,
    )


def parse_key_policy(text: str) -> PolicyDocument:
    """The policy's IR, or MalformedPolicyDocumentException naming line:column."""
    if len(text.encode("utf-8")) > MAX_POLICY_BYTES:
        raise KMSError(
            "LimitExceededException",
            f"The key policy is larger than the maximum of {MAX_POLICY_BYTES} bytes.",
        )
    try:
        return parse_policy(text, PolicyKind.KEY, source_name="Policy")
    except PolicySyntaxError as exc:
        first = exc.problems[0]
        more = len(exc.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise KMSError(
            "MalformedPolicyDocumentException",
            f"Policy contains a statement with one or more invalid elements: "
            f"line {first.line}, column {first.column}: {first.message}{suffix}",
        ) from None


def check_lockout(
    rt: Runtime,
    who: CallerEntry,
    document: PolicyDocument,
    record: KeyRecord,
    info: KeyInfo,
    params: Params,
) -> None:
    """Unless BypassPolicyLockoutSafetyCheck: the new policy must let the caller call
    PutKeyPolicy on the key later."""
    if params.get("BypassPolicyLockoutSafetyCheck"):
        return
    policies = rt.authorizer.key_policies(document, GrantTable())
    candidate = KeyEntry(record, info, policies, True, None)
    try:
        rt.authorize(who, "kms:PutKeyPolicy", candidate, key_policies=policies)
    except KMSError as exc:
        if exc.code != "AccessDeniedException":
            raise
        raise KMSError(
            "MalformedPolicyDocumentException",
            "The new key policy will not allow you to update the key policy in the future.",
        ) from None


def _policy_name(params: Params) -> None:
    name = params.get("PolicyName", _POLICY_NAME)
    if name != _POLICY_NAME:
        raise not_found("No such policy exists")


def get_key_policy(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "GetKeyPolicy")
    rt.authorize(who, "kms:GetKeyPolicy", entry)
    _policy_name(p)
    return {"Policy": entry.record.policy, "PolicyName": _POLICY_NAME}


def put_key_policy(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "PutKeyPolicy")
    rt.authorize(who, "kms:PutKeyPolicy", entry)
    _policy_name(p)
    ready(rt, "PutKeyPolicy", entry)
    document = parse_key_policy(p["Policy"])
    check_lockout(rt, who, document, entry.record, entry.info, p)
    rt.store.put_key(replace(entry.record, policy=p["Policy"]))
    rt.forget_key(entry.record.key_id)
    return {}


def list_key_policies(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "ListKeyPolicies")
    rt.authorize(who, "kms:ListKeyPolicies", entry)
    return {"PolicyNames": [_POLICY_NAME], "Truncated": False}


OPERATIONS = {
    "GetKeyPolicy": get_key_policy,
    "PutKeyPolicy": put_key_policy,
    "ListKeyPolicies": list_key_policies,
}
