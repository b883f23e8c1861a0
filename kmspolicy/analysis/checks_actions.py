"""Checks on the Action and NotAction elements."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from kmspolicy.analysis._facts import action_values, allows, is_account_root, kms_actions
from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, Origin, PolicyContext, hit, policy_rule
from kmspolicy.language import catalogue
from kmspolicy.language.ir import PolicyKind, Value

_ACTION_SHAPE = re.compile(r"^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$")
_KMS_LOWER = {a.action.lower(): a.action for a in catalogue.ACTIONS}
_RESOURCE_POLICY_KINDS = (PolicyKind.KEY,)


def _service(value: Value) -> str:
    return value.text.split(":", 1)[0]


def _did_you_mean(text: str) -> str:
    close = difflib.get_close_matches(text.lower(), list(_KMS_LOWER), n=1, cutoff=0.75)
    return f" Did you mean {_KMS_LOWER[close[0]]}?" if close else ""


@policy_rule(
    "INVALID_ACTION",
    FindingType.ERROR,
    "Invalid action",
    """The action is not a KMS action, or its text is not service:Action. Correct the
    spelling (action names are listed in the KMS API reference) or remove the action.""",
)
def invalid_action(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for v in action_values(stmt):
            text = v.text
            if text == "*":
                continue
            if not _ACTION_SHAPE.match(text):
                yield hit(f"'{text}' is not an action: write it as service:Action.", v.span)
                continue
            if _service(v).lower() != "kms":
                continue
            if not catalogue.match_actions(text):
                what = "matches no KMS action" if "*" in text or "?" in text else "does not exist"
                yield hit(f"The action {text} {what}.{_did_you_mean(text)}", v.span)


@policy_rule(
    "INVALID_SERVICE_IN_ACTION",
    FindingType.ERROR,
    "Invalid service in action",
    """The service prefix of the action looks like a misspelling of kms. Use the prefix
    kms, in lower case.""",
)
def invalid_service_in_action(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for v in action_values(stmt):
            if ":" not in v.text or "*" in _service(v) or "?" in _service(v):
                continue
            service = _service(v)
            lowered = service.lower()
            if lowered == "kms":
                continue
            if difflib.SequenceMatcher(None, lowered, "kms").ratio() >= 0.65 and len(lowered) <= 5:
                name = v.text.split(":", 1)[1]
                yield hit(
                    f"The service prefix '{service}' is not a service. Did you mean kms:{name}?",
                    v.span,
                )


@policy_rule(
    "REDUNDANT_ACTION",
    FindingType.SUGGESTION,
    "Redundant action",
    """Another entry of the same element already covers this action. Remove the
    redundant entry; the statement's permissions do not change.""",
)
def redundant_action(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        values = action_values(stmt)
        covers = [catalogue.match_actions(v.text) for v in values]
        for i, v in enumerate(values):
            if _service(v).lower() != "kms" or not covers[i]:
                continue
            for j, other in enumerate(values):
                if i == j or not covers[i] <= covers[j]:
                    continue
                # Of two equal entries only the later one is redundant.
                if covers[i] == covers[j] and j > i:
                    continue
                yield hit(
                    f"The action {v.text} is redundant: {other.text} already covers it.",
                    v.span,
                )
                break


@policy_rule(
    "IAM_ONLY_ACTION_IN_KEY_POLICY",
    FindingType.WARNING,
    "IAM-only action in a key policy",
    """This action is not authorised on a KMS key, so a key policy cannot grant or deny
    it: KMS checks it only in IAM policies with Resource "*". KMS accepts the policy and
    ignores the action. Move it to an IAM policy.""",
    origin=Origin.KMSPOLICY,
    kinds=_RESOURCE_POLICY_KINDS,
)
def unsupported_action_in_key_policy(ctx: PolicyContext) -> Iterator[Hit]:
    iam_only = {f"kms:{n}".lower() for n in catalogue.IAM_ONLY_ACTIONS}
    for stmt in ctx.doc.statements:
        for v in stmt.action or ():
            if v.text.lower() in iam_only:
                yield hit(
                    f"{_KMS_LOWER[v.text.lower()]} is authorised only by IAM policies; "
                    "in a key policy it has no effect.",
                    v.span,
                )


@policy_rule(
    "ALLOW_WITH_NOT_ACTION",
    FindingType.SECURITY_WARNING,
    "Allow with NotAction",
    """An Allow with NotAction grants every action except the listed ones, including
    actions added to the service later. List the actions to allow in Action instead.""",
    origin=Origin.KMSPOLICY,
)
def allow_with_not_action(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if allows(stmt) and stmt.not_action is not None:
            yield hit(
                "This statement allows every action except the ones in NotAction.",
                ctx.member_key_span(stmt, "NotAction"),
            )


@policy_rule(
    "SCP_SYNTAX_ERROR_ACTION_WILDCARD",
    FindingType.ERROR,
    "SCP syntax error action wildcard",
    """Service control policies accept a wildcard in an action only at its end
    (kms:Get*). List the actions individually or end the pattern with the wildcard.""",
    kinds=(PolicyKind.SCP,),
)
def scp_action_wildcard(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for v in action_values(stmt):
            body = v.text.rstrip("*")
            if "*" in body or "?" in body:
                yield hit(
                    f"'{v.text}' has a wildcard before its end, which SCPs do not accept.",
                    v.span,
                )


@policy_rule(
    "FULL_ACCESS_TO_NON_ACCOUNT_PRINCIPAL",
    FindingType.SECURITY_WARNING,
    "kms:* to a principal other than the account",
    """The statement gives every KMS action, including PutKeyPolicy and
    ScheduleKeyDeletion, to a principal other than the account. Give key administrators
    the administrative actions and key users the cryptographic ones in separate
    statements, and keep kms:* for the account principal that delegates to IAM.""",
    origin=Origin.KMSPOLICY,
    kinds=_RESOURCE_POLICY_KINDS,
)
def full_access_to_non_account(ctx: PolicyContext) -> Iterator[Hit]:
    everything = frozenset(a.action for a in catalogue.ACTIONS)
    for stmt in ctx.doc.statements:
        if not allows(stmt) or kms_actions(stmt) != everything:
            continue
        principal = stmt.principal
        if principal is None:
            continue
        if principal.anyone:
            yield hit("Every KMS action is allowed to any principal.", principal.span)
            continue
        for entry in principal.entries:
            if not is_account_root(entry):
                yield hit(
                    f"Every KMS action is allowed to {entry.value.text}, "
                    "which is not an account principal.",
                    entry.value.span,
                )
