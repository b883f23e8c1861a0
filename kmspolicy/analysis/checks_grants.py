"""Checks on KMS grants: their operations and encryption-context constraints."""

from __future__ import annotations

from collections.abc import Iterator

from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import GrantContext, Hit, grant_rule, hit
from kmspolicy.language import catalogue

_GRANT_OPERATIONS = {op.lower(): op for op in catalogue.GRANT_OPERATIONS}
_EC_OPERATIONS = frozenset(op.lower() for op in catalogue.ENCRYPTION_CONTEXT_ACTIONS)


@grant_rule(
    "INVALID_GRANT_OPERATION",
    FindingType.ERROR,
    "Invalid grant operation",
    """A grant may allow only the KMS grant operations (Decrypt, Encrypt, GenerateDataKey,
    ReEncryptFrom, Sign, CreateGrant, RetireGrant, DescribeKey, ...), written exactly as
    the API names them. Correct or remove the operation.""",
)
def invalid_grant_operation(ctx: GrantContext) -> Iterator[Hit]:
    for name, span in ctx.operations or ():
        if name not in catalogue.GRANT_OPERATIONS:
            known = _GRANT_OPERATIONS.get(name.lower())
            hint = f" Write {known}." if known else ""
            yield hit(f"'{name}' is not a grant operation.{hint}", span)


@grant_rule(
    "GRANT_CREATE_GRANT_WITHOUT_CONSTRAINTS",
    FindingType.SECURITY_WARNING,
    "Grant of CreateGrant without constraints",
    """The grant lets its grantee create further grants for any encryption context, so
    the permissions can spread beyond the intended use. Add an EncryptionContextSubset or
    EncryptionContextEquals constraint, or drop CreateGrant from the operations.""",
)
def create_grant_without_constraints(ctx: GrantContext) -> Iterator[Hit]:
    if ctx.constraints is not None:
        return
    for name, span in ctx.operations or ():
        if name == "CreateGrant":
            yield hit("The grant allows CreateGrant and has no constraints.", span)


@grant_rule(
    "EMPTY_GRANT_CONSTRAINT",
    FindingType.WARNING,
    "Grant constraint with no pairs",
    """An encryption-context constraint with no pairs (or a constraints object with no
    constraint) restricts nothing. Add the encryption-context pairs the grant requires, or
    remove the constraint.""",
)
def empty_grant_constraint(ctx: GrantContext) -> Iterator[Hit]:
    c = ctx.constraints
    if c is None:
        return
    if c.encryption_context_subset is None and c.encryption_context_equals is None:
        yield hit("The grant constraints name no constraint.", c.span)
    for name, pairs in (
        ("EncryptionContextSubset", c.encryption_context_subset),
        ("EncryptionContextEquals", c.encryption_context_equals),
    ):
        if pairs is not None and not pairs:
            what = (
                "matches every request"
                if name.endswith("Subset")
                else "allows only an empty context"
            )
            yield hit(f"{name} has no pairs, so it {what}.", c.span)


@grant_rule(
    "GRANT_CONSTRAINT_NOT_APPLICABLE",
    FindingType.WARNING,
    "Grant constraints on operations without an encryption context",
    """Encryption-context constraints apply only to operations that take an encryption
    context (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*); none of this grant's
    operations does, so the constraint never applies. Remove it or grant those
    operations.""",
)
def grant_constraint_not_applicable(ctx: GrantContext) -> Iterator[Hit]:
    if ctx.constraints is None or not ctx.operations:
        return
    if all(name.lower() not in _EC_OPERATIONS for name, _ in ctx.operations):
        yield hit(
            "None of the grant's operations takes an encryption context.",
            ctx.constraints.span,
        )
