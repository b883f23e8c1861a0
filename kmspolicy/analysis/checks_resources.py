"""Checks on the Resource and NotResource elements and the ARNs in them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kmspolicy.analysis._facts import allows
from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, Origin, PolicyContext, hit, policy_rule
from kmspolicy.language.ir import PolicyKind, Statement, Value

PARTITIONS = frozenset(
    {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}
)
_ACCOUNT = re.compile(r"^(\d{12}|[\d*?]*[*?][\d*?]*)$")
_KMS_RESOURCE = re.compile(r"^(key|alias)/.+$")
_WILD = re.compile(r"[*?]")


def _resource_values(stmt: Statement) -> tuple[Value, ...]:
    return stmt.resource if stmt.resource is not None else (stmt.not_resource or ())


def _arn_values(ctx: PolicyContext) -> Iterator[tuple[Value, list[str]]]:
    """Each Resource/NotResource value that is meant as an ARN, split into six fields.

    Policy variables may stand for any text, so values holding one are left alone.
    """
    for stmt in ctx.doc.statements:
        for v in _resource_values(stmt):
            if v.text == "*" or v.has_variables or "${" in v.text:
                continue
            yield v, v.text.split(":", 5)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(
        "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern),
        re.DOTALL,
    )


@policy_rule(
    "INVALID_PARTITION",
    FindingType.ERROR,
    "Invalid partition",
    """The second field of an ARN is the partition: aws, aws-cn, aws-us-gov or another
    AWS partition. Correct the partition.""",
)
def invalid_partition(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if fields[0] == "arn" and len(fields) >= 2:
            part = fields[1]
            if part not in PARTITIONS and not _WILD.search(part):
                yield hit(f"'{part}' in '{v.text}' is not an AWS partition.", v.span)


@policy_rule(
    "INVALID_ARN_SERVICE_CASE",
    FindingType.ERROR,
    "Invalid ARN service case",
    """Service names in ARNs are lower case. Write the service in lower case (kms).""",
)
def invalid_arn_service_case(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if fields[0] == "arn" and len(fields) >= 3 and fields[2] != fields[2].lower():
            yield hit(f"The service '{fields[2]}' in '{v.text}' is not lower case.", v.span)


@policy_rule(
    "INVALID_ARN_ACCOUNT",
    FindingType.ERROR,
    "Invalid ARN account",
    """The account field of a KMS ARN is a 12-digit account ID (or a wildcard). Correct
    the account ID.""",
)
def invalid_arn_account(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if fields[0] != "arn" or len(fields) < 6 or fields[2] != "kms":
            continue
        account = fields[4]
        if account and not _ACCOUNT.match(account):
            yield hit(f"'{account}' in '{v.text}' is not a 12-digit account ID.", v.span)


@policy_rule(
    "MISSING_ARN_REGION",
    FindingType.ERROR,
    "Missing ARN Region",
    """KMS keys and aliases live in a Region; their ARNs name it. Add the Region (or a
    wildcard) to the ARN.""",
)
def missing_arn_region(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if fields[0] == "arn" and len(fields) == 6 and fields[2] == "kms" and not fields[3]:
            yield hit(f"The KMS ARN '{v.text}' has no Region.", v.span)


@policy_rule(
    "INVALID_ARN_RESOURCE",
    FindingType.ERROR,
    "Invalid ARN resource",
    """A KMS ARN ends in key/<key-id> or alias/<alias-name>. Correct the resource part.""",
)
def invalid_arn_resource(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if fields[0] != "arn" or len(fields) < 6 or fields[2] != "kms":
            continue
        resource = fields[5]
        if not _KMS_RESOURCE.match(resource) and not _WILD.match(resource[:1] or "x"):
            yield hit(
                f"'{resource}' is not a KMS resource: expected key/<id> or alias/<name>.",
                v.span,
            )


@policy_rule(
    "REDUNDANT_RESOURCE",
    FindingType.SUGGESTION,
    "Redundant resource",
    """Another entry of the same element already covers this resource. Remove the
    redundant entry, or list the resources without the wildcard if the wildcard was not
    meant.""",
)
def redundant_resource(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        values = _resource_values(stmt)
        for i, v in enumerate(values):
            for j, other in enumerate(values):
                if i == j:
                    continue
                same = other.text == v.text
                if (same and j < i) or (
                    not same and _glob_regex(other.text).fullmatch(v.text) is not None
                ):
                    yield hit(
                        f"The resource {v.text} is redundant: {other.text} already covers it.",
                        v.span,
                    )
                    break


@policy_rule(
    "ALLOW_WITH_NOT_RESOURCE",
    FindingType.SECURITY_WARNING,
    "Allow with NotResource",
    """An Allow with NotResource applies to every resource except the listed ones,
    including resources created later. Name the resources to allow in Resource instead.""",
    origin=Origin.KMSPOLICY,
)
def allow_with_not_resource(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if allows(stmt) and stmt.not_resource is not None:
            yield hit(
                "This statement allows every resource except the ones in NotResource.",
                ctx.member_key_span(stmt, "NotResource"),
            )


@policy_rule(
    "KEY_POLICY_RESOURCE_NOT_STAR",
    FindingType.WARNING,
    "Resource other than * in a key policy",
    """A key policy is attached to one key, and Resource "*" means that key. Any other
    value either names the key itself or matches nothing. Use "Resource": "*".""",
    origin=Origin.KMSPOLICY,
    kinds=(PolicyKind.KEY,),
)
def key_policy_resource_not_star(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        for v in _resource_values(stmt):
            if v.text != "*":
                yield hit(
                    f"The key policy names the resource '{v.text}'; a key policy "
                    'should use "*" (this key).',
                    v.span,
                )


@policy_rule(
    "WILDCARD_IN_SERVICE_NAME",
    FindingType.SUGGESTION,
    "Wildcard in service name",
    """A wildcard in the service field of an ARN can match services you did not mean.
    Write the service in full (kms).""",
)
def wildcard_in_service_name(ctx: PolicyContext) -> Iterator[Hit]:
    for v, fields in _arn_values(ctx):
        if len(fields) >= 3 and _WILD.search(fields[2]):
            yield hit(f"The service field of '{v.text}' contains a wildcard.", v.span)
