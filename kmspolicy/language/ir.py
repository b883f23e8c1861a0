"""The typed intermediate representation of policies and grant constraints.

Every node is a frozen, slotted dataclass and carries the ``Span`` of the JSON text it
came from, so the engine can say which statement decided and the linter can point at the
offending element. Collections are tuples. The IR keeps what was written (single value or
list, ``"*"`` or ``{"AWS": "*"}``, an account id or a root ARN) as well as what it means.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Arn",
    "Condition",
    "Effect",
    "Escape",
    "GrantConstraints",
    "Literal",
    "Part",
    "PolicyDocument",
    "PolicyKind",
    "Principal",
    "PrincipalEntry",
    "PrincipalType",
    "SetQualifier",
    "Span",
    "Statement",
    "Value",
    "Variable",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node sits in its source: 1-based line/column, end exclusive, plus offsets."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


NO_SPAN = Span(0, 0, 0, 0, 0, 0)


class PolicyKind(StrEnum):
    """Which role a policy document plays; it decides which elements are allowed."""

    KEY = "key"  # a KMS key policy (resource policy: Principal required)
    IDENTITY = "identity"  # an IAM identity policy (Principal forbidden)
    SCP = "scp"  # an AWS Organizations service control policy
    BOUNDARY = "boundary"  # an IAM permissions boundary
    SESSION = "session"  # an STS session policy


class Effect(StrEnum):
    ALLOW = "Allow"
    DENY = "Deny"


class SetQualifier(StrEnum):
    FOR_ALL_VALUES = "ForAllValues"
    FOR_ANY_VALUE = "ForAnyValue"


class PrincipalType(StrEnum):
    AWS = "AWS"
    SERVICE = "Service"
    FEDERATED = "Federated"
    CANONICAL_USER = "CanonicalUser"


# --- strings with policy variables ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    """Plain text. In a matching context (StringLike, Action, Resource) ``*`` and ``?``
    in it are wildcards."""

    text: str


@dataclass(frozen=True, slots=True)
class Escape:
    """``${*}``, ``${?}`` or ``${$}``: the character itself, never a wildcard."""

    char: str


@dataclass(frozen=True, slots=True)
class Variable:
    """``${aws:username}`` or ``${aws:PrincipalTag/team, 'default'}``."""

    key: str
    default: str | None
    span: Span


Part = Literal | Escape | Variable


@dataclass(frozen=True, slots=True)
class Value:
    """One scalar as written in the policy.

    ``raw`` is the JSON value (str, int, float or bool: numbers and booleans may be written
    unquoted); ``text`` is the string IAM compares (the token text of a number, ``"true"`` /
    ``"false"`` for a boolean). ``parts`` splits ``text`` into literals, escapes and policy
    variables; it is ``(Literal(text),)`` when variables are off (Version 2008-10-17 or
    absent) or the text holds none.
    """

    raw: str | int | float | bool
    text: str
    parts: tuple[Part, ...]
    span: Span

    @property
    def has_variables(self) -> bool:
        return any(not isinstance(p, Literal) for p in self.parts)


@dataclass(frozen=True, slots=True)
class Arn:
    """An ARN split by the ARN grammar: ``arn:partition:service:region:account:resource``."""

    partition: str
    service: str
    region: str
    account: str
    resource: str

    def __str__(self) -> str:
        return f"arn:{self.partition}:{self.service}:{self.region}:{self.account}:{self.resource}"


# --- policy elements --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrincipalEntry:
    """One principal of a Principal/NotPrincipal map.

    ``canonical`` is what it means: an account id (``"111122223333"``) becomes
    ``arn:aws:iam::111122223333:root``; everything else is the text as written.
    ``arn`` is the parsed ARN when the value is one.
    """

    type: PrincipalType
    value: Value
    canonical: str
    arn: Arn | None


@dataclass(frozen=True, slots=True)
class Principal:
    """A Principal or NotPrincipal element.

    ``anyone`` is True for the bare ``"*"`` form (then ``entries`` is empty);
    ``{"AWS": "*"}`` is an entry whose canonical value is ``"*"``.
    """

    anyone: bool
    entries: tuple[PrincipalEntry, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Condition:
    """One (operator, key) pair of a Condition block, e.g.
    ``"ForAnyValue:StringLikeIfExists": {"kms:EncryptionContextKeys": ["a*", "b"]}``.

    ``operator`` is the base operator (``"StringLike"``); ``operator_text`` is the name as
    written. ``key`` is the condition key as written (compare it case-insensitively).
    """

    operator: str
    set_qualifier: SetQualifier | None
    if_exists: bool
    key: str
    values: tuple[Value, ...]
    operator_text: str
    span: Span
    key_span: Span


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement. Exactly one of each pair (principal/not_principal, action/not_action,
    resource/not_resource) is set, or neither where the element is absent.

    ``index`` is the statement's 0-based position in the document.
    """

    index: int
    sid: str | None
    effect: Effect
    principal: Principal | None
    not_principal: Principal | None
    action: tuple[Value, ...] | None
    not_action: tuple[Value, ...] | None
    resource: tuple[Value, ...] | None
    not_resource: tuple[Value, ...] | None
    conditions: tuple[Condition, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """A whole policy. ``version`` is None when the Version element is absent."""

    version: str | None
    id: str | None
    statements: tuple[Statement, ...]
    kind: PolicyKind
    span: Span
    statement_is_list: bool = True

    @property
    def variables_enabled(self) -> bool:
        """Policy variables are only substituted under Version 2012-10-17."""
        return self.version == "2012-10-17"


@dataclass(frozen=True, slots=True)
class GrantConstraints:
    """A grant's constraints (``EncryptionContextSubset`` / ``EncryptionContextEquals``);
    an absent map is None.

    Keys keep the case they were written in; the engine compares them case-insensitively.
    """

    encryption_context_subset: tuple[tuple[str, str], ...] | None
    encryption_context_equals: tuple[tuple[str, str], ...] | None
    span: Span
