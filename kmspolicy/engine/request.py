"""The request model: who calls, which action, on which key, with which inputs.

These are the facts of one KMS call as the service sees them, before any policy is read.
``kmspolicy.engine.context.build_context`` turns a ``Request`` into the flat
``RequestContext`` the evaluators look things up in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Caller", "KeyInfo", "PrincipalKind", "Request"]


class PrincipalKind(StrEnum):
    """What kind of identity signed the request (values follow ``aws:PrincipalType``)."""

    ROOT = "Account"  # the account root user
    USER = "User"  # an IAM user
    ROLE = "Role"  # a role named by its role ARN (stands for "some session of the role")
    ASSUMED_ROLE = "AssumedRole"  # an STS assumed-role session
    FEDERATED_USER = "FederatedUser"  # an STS federated-user session
    SERVICE = "Service"  # an AWS service principal, e.g. "cloudtrail.amazonaws.com"


def _split_arn(arn: str) -> tuple[str, str, str, str, str] | None:
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        return None
    return parts[1], parts[2], parts[3], parts[4], parts[5]


def _classify(arn: str) -> tuple[PrincipalKind, str | None, str | None, str | None]:
    """(kind, account, role ARN, IAM user name) of a principal ARN or service name."""
    parsed = _split_arn(arn)
    if parsed is None:
        if arn.endswith((".amazonaws.com", ".amazonaws.com.cn")):
            return PrincipalKind.SERVICE, None, None, None
        raise ValueError(f"not a principal ARN, account id or service principal: {arn!r}")
    partition, service, _region, account, resource = parsed
    if service == "iam" and resource == "root":
        return PrincipalKind.ROOT, account, None, None
    if service == "iam" and resource.startswith("user/"):
        return PrincipalKind.USER, account, None, resource.rsplit("/", 1)[1]
    if service == "iam" and resource.startswith("role/"):
        return PrincipalKind.ROLE, account, arn, None
    if service == "sts" and resource.startswith("assumed-role/"):
        pieces = resource.split("/")
        if len(pieces) < 3 or not pieces[1] or not pieces[2]:
            raise ValueError(f"assumed-role ARN needs a role and a session name: {arn!r}")
        return (
            PrincipalKind.ASSUMED_ROLE,
            account,
            f"arn:{partition}:iam::{account}:role/{pieces[1]}",
            None,
        )
    if service == "sts" and resource.startswith("federated-user/"):
        return PrincipalKind.FEDERATED_USER, account, None, None
    raise ValueError(f"unsupported principal ARN: {arn!r}")


@dataclass(frozen=True, slots=True)
class Caller:
    """The principal that signed the request.

    ``arn`` is the caller's own ARN (a session ARN for a session) or, for a service
    principal, the service name. ``role_arn`` is set for assumed-role sessions (derived
    from the session ARN). ``user_id`` / ``user_name`` are ``aws:userid`` / ``aws:username``;
    ``mfa`` is ``aws:MultiFactorAuthPresent`` (None: long-term credentials, key absent).
    ``management_account`` marks a caller of the organization's management account, which
    service control policies never restrict.
    """

    arn: str
    kind: PrincipalKind
    account: str | None
    role_arn: str | None = None
    tags: Mapping[str, str] = field(default_factory=dict)
    user_id: str | None = None
    user_name: str | None = None
    mfa: bool | None = None
    token_issue_time: str | None = None
    management_account: bool = False

    @classmethod
    def from_arn(
        cls,
        arn: str,
        *,
        tags: Mapping[str, str] | None = None,
        user_id: str | None = None,
        mfa: bool | None = None,
        token_issue_time: str | None = None,
        management_account: bool = False,
    ) -> Caller:
        """Derive kind, account, role ARN and user name from a principal ARN.

        Accepts ``arn:aws:iam::A:root``, ``…:user/path/name``, ``…:role/path/name``,
        ``arn:aws:sts::A:assumed-role/Role/Session``, ``arn:aws:sts::A:federated-user/N``,
        a bare 12-digit account id (the account root) or a service name
        (``logs.amazonaws.com``). Anything else raises ``ValueError``.
        """
        if arn.isdigit() and len(arn) == 12:
            arn = f"arn:aws:iam::{arn}:root"
        kind, account, role_arn, user_name = _classify(arn)
        if user_id is None and kind is PrincipalKind.ROOT:
            user_id = account
        elif user_id is None and kind is PrincipalKind.FEDERATED_USER:
            user_id = f"{account}:{arn.split('/', 1)[1]}"
        return cls(
            arn=arn,
            kind=kind,
            account=account,
            role_arn=role_arn,
            tags=dict(tags or {}),
            user_id=user_id,
            user_name=user_name,
            mfa=mfa,
            token_issue_time=token_issue_time,
            management_account=management_account,
        )

    @property
    def principal_arn(self) -> str | None:
        """``aws:PrincipalArn``: the role ARN for a session, else the caller's ARN."""
        if self.kind is PrincipalKind.SERVICE:
            return None
        return self.role_arn or self.arn

    @property
    def account_arn(self) -> str | None:
        """The account principal (``arn:aws:iam::A:root``) of the caller's account."""
        if self.account is None:
            return None
        partition = self.arn.split(":", 2)[1] if self.arn.startswith("arn:") else "aws"
        return f"arn:{partition}:iam::{self.account}:root"


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """The KMS key a request uses, as its metadata stands at the time of the call."""

    arn: str
    key_spec: str = "SYMMETRIC_DEFAULT"
    key_usage: str = "ENCRYPT_DECRYPT"
    origin: str = "AWS_KMS"
    multi_region: bool = False
    multi_region_key_type: str | None = None  # PRIMARY | REPLICA for multi-Region keys
    aliases: tuple[str, ...] = ()
    tags: Mapping[str, str] = field(default_factory=dict)
    state: str = "Enabled"

    def __post_init__(self) -> None:
        parsed = _split_arn(self.arn)
        if parsed is None or parsed[1] != "kms" or not parsed[4].startswith("key/"):
            raise ValueError(f"not a KMS key ARN: {self.arn!r}")

    @property
    def account(self) -> str:
        return self.arn.split(":", 5)[4]

    @property
    def region(self) -> str:
        return self.arn.split(":", 5)[3]

    @property
    def key_id(self) -> str:
        return self.arn.rsplit("/", 1)[1]


@dataclass(frozen=True, slots=True)
class Request:
    """One call to authorize.

    ``action`` is the IAM action (``"kms:Decrypt"``). ``key`` is None for operations that
    use no key (CreateKey, ListKeys, GenerateRandom…); then the resource is ``"*"``
    unless ``resource`` names another one (an alias ARN for alias operations).
    ``encryption_context`` is the request's context; for CreateGrant it holds the grant's
    constraint pairs, as KMS exposes them through ``kms:EncryptionContext:``. ``key_id_alias``
    is the alias (``alias/app`` or alias ARN) the caller named in KeyId, if any.
    ``context`` carries any other condition key by name (``"aws:SourceVpc"``,
    ``"kms:ReEncryptOnSameKey"``…); a value given there replaces the derived one.
    """

    caller: Caller
    action: str
    key: KeyInfo | None = None
    resource: str | None = None
    encryption_context: Mapping[str, str] = field(default_factory=dict)
    grant_tokens: tuple[str, ...] = ()
    key_id_alias: str | None = None
    encryption_algorithm: str | None = None
    signing_algorithm: str | None = None
    message_type: str | None = None
    mac_algorithm: str | None = None
    grant_operations: tuple[str, ...] | None = None
    grantee_principal: str | None = None
    retiring_principal: str | None = None
    source_ip: str | None = None
    secure_transport: bool | None = True
    current_time: str | None = None
    via_service: str | None = None
    source_vpce: str | None = None
    context: Mapping[str, str | Sequence[str]] = field(default_factory=dict)

    @property
    def resource_arn(self) -> str:
        if self.resource is not None:
            return self.resource
        return self.key.arn if self.key is not None else "*"
