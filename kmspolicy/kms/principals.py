"""The IAM directory: accounts, users, roles, sessions, their policies and credentials.

The KMS asks the directory who a caller is: its tags, identity policies and permissions
boundary (for a session, those of its role, plus the session policy), and the service
control policies of its account, unless the account is the organization's management
account (SCPs do not restrict it; an account with no SCP attached is outside SCPs). Callers the
directory does not know are refused (fail closed), as AWS refuses unknown credentials.

Credentials follow AWS's formats: long-term access key ids are ``AKIA`` + 16 base-32
characters, temporary (session) ids ``ASIA`` + 16, secrets 40 base-64 characters. SigV4
verification needs the secret itself, so secrets are stored sealed by the root key (purpose
``"access-key"``, owned by the access key id), never hashed and never in plaintext.

Every change bumps the principal's version, so the KMS recompiles that principal's
policies on its next call and no other cache is touched; an SCP or management-account
change bumps every principal's version.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kmspolicy.engine.request import Caller as EngineCaller
from kmspolicy.errors import KMSError, PolicySyntaxError
from kmspolicy.kms.clock import Clock
from kmspolicy.kms.model import AccessKeyRecord, PrincipalRecord, SessionRecord
from kmspolicy.kms.rootkey import RootKey
from kmspolicy.kms.store.base import Store
from kmspolicy.language import parse_policy
from kmspolicy.language.ir import PolicyDocument, PolicyKind

__all__ = [
    "ACCESS_KEY_PURPOSE",
    "Caller",
    "Credentials",
    "Directory",
    "Identity",
    "account_arn",
]

ACCESS_KEY_PURPOSE = "access-key"
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_ACCESS_KEY_ID = re.compile(r"^(AKIA|ASIA)[A-Z2-7]{16}$")
_SECRET = re.compile(r"^[A-Za-z0-9+/]{40}$")
_ACCOUNT = re.compile(r"^\d{12}$")
_NAME = re.compile(r"^[\w+=,.@-]{1,64}$")
_SESSION_NAME = re.compile(r"^[\w+=,.@-]{2,64}$")
_PATH = re.compile(r"^/([\x21-\x7e]*/)?$")
SESSION_DURATION = (timedelta(minutes=15), timedelta(hours=12))


def account_arn(account_id: str) -> str:
    return f"arn:aws:iam::{account_id}:root"


def _random(alphabet: str, n: int) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(n))


@dataclass(frozen=True, slots=True)
class Caller:
    """Who calls, as the transport authenticated it: a principal ARN (user, role session,
    account root) and what the request itself says about the caller's connection. The
    directory supplies everything else (tags, policies).

    ``session_policy`` is read from the session for assumed-role callers; in-process callers
    may leave it None.
    """

    arn: str
    source_ip: str | None = None
    source_vpce: str | None = None
    via_service: str | None = None
    secure_transport: bool | None = True
    mfa: bool | None = None
    access_key_id: str | None = None

    @classmethod
    def of(cls, caller: Caller | str) -> Caller:
        return caller if isinstance(caller, Caller) else cls(caller)


@dataclass(frozen=True, slots=True)
class Identity:
    """A caller resolved by the directory: the engine's view of it and its policies (IR).
    ``version`` changes whenever any of this changes."""

    caller: EngineCaller
    identity_policies: tuple[PolicyDocument, ...]
    permissions_boundary: PolicyDocument | None
    session_policy: PolicyDocument | None
    version: int
    policy_texts: tuple[str, ...] = field(default=(), repr=False)
    scps: tuple[PolicyDocument, ...] = ()


@dataclass(frozen=True, slots=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)
    principal_arn: str
    session_token: str | None = None
    expiration: datetime | None = None


def _refuse(message: str) -> KMSError:
    return KMSError("UnrecognizedClientException", message)


class Directory:
    """Accounts, users, roles and sessions over a ``Store``."""

    def __init__(self, store: Store, root_key: RootKey, clock: Clock) -> None:
        self.store = store
        self.root_key = root_key
        self.clock = clock
        self._versions: dict[str, int] = {}
        self._organization_version = 0  # SCPs or the management account changed
        self._lock = threading.Lock()

    # --- versions ------------------------------------------------------------------------

    def version(self, arn: str) -> int:
        """Grows whenever anything ``resolve`` reads for ``arn`` changes (both parts only
        ever grow, so their sum does too)."""
        return self._versions.get(arn, 0) + self._organization_version

    def _bump(self, arn: str) -> None:
        with self._lock:
            self._versions[arn] = self._versions.get(arn, 0) + 1

    # --- identities ----------------------------------------------------------------------

    def create_account(self, account_id: str) -> PrincipalRecord:
        if not _ACCOUNT.match(account_id):
            raise ValueError(f"an account id is 12 digits, got {account_id!r}")
        arn = account_arn(account_id)
        existing = self.store.get_principal(arn)
        if existing is not None:
            return existing
        record = PrincipalRecord(arn, account_id, "account", account_id, self.clock.now())
        self.store.put_principal(record)
        self._bump(arn)
        return record

    def _create(
        self, kind: str, account_id: str, name: str, path: str, tags: dict[str, str] | None
    ) -> PrincipalRecord:
        if self.store.get_principal(account_arn(account_id)) is None:
            raise ValueError(f"no account {account_id}: create it first")
        if not _NAME.match(name):
            raise ValueError(f"invalid {kind} name {name!r}")
        if not _PATH.match(path):
            raise ValueError(f"invalid path {path!r}: it starts and ends with '/'")
        arn = f"arn:aws:iam::{account_id}:{kind}{path}{name}"
        if self.store.get_principal(arn) is not None:
            raise ValueError(f"{arn} already exists")
        record = PrincipalRecord(
            arn, account_id, kind, name, self.clock.now(), path, tuple(sorted((tags or {}).items()))
        )
        self.store.put_principal(record)
        self._bump(arn)
        return record

    def create_user(
        self, account_id: str, name: str, *, path: str = "/", tags: dict[str, str] | None = None
    ) -> PrincipalRecord:
        return self._create("user", account_id, name, path, tags)

    def create_role(
        self, account_id: str, name: str, *, path: str = "/", tags: dict[str, str] | None = None
    ) -> PrincipalRecord:
        return self._create("role", account_id, name, path, tags)

    def get(self, arn: str) -> PrincipalRecord:
        record = self.store.get_principal(arn)
        if record is None:
            raise ValueError(f"no principal {arn}")
        return record

    def principals(self, account_id: str | None = None) -> list[PrincipalRecord]:
        return self.store.list_principals(account_id)

    def delete(self, arn: str) -> bool:
        deleted = self.store.delete_principal(arn)
        self._bump(arn)
        return deleted

    def _replace(self, record: PrincipalRecord, **changes: object) -> PrincipalRecord:
        fields = {
            name: getattr(record, name)
            for name in (
                "arn",
                "account_id",
                "kind",
                "name",
                "created",
                "path",
                "tags",
                "identity_policies",
                "permissions_boundary",
            )
        }
        fields.update(changes)
        updated = PrincipalRecord(**fields)
        self.store.put_principal(updated)
        self._bump(record.arn)
        return updated

    def attach_policy(self, arn: str, name: str, text: str) -> PrincipalRecord:
        """Attach (or replace) the identity policy ``name``; bad policy text raises
        PolicySyntaxError with positions. Accounts take no identity policies."""
        record = self.get(arn)
        if record.kind == "account":
            raise ValueError("identity policies attach to users and roles, not accounts")
        parse_policy(text, PolicyKind.IDENTITY, source_name=name)
        kept = tuple((n, t) for n, t in record.identity_policies if n != name)
        return self._replace(record, identity_policies=(*kept, (name, text)))

    def detach_policy(self, arn: str, name: str) -> PrincipalRecord:
        record = self.get(arn)
        kept = tuple((n, t) for n, t in record.identity_policies if n != name)
        if len(kept) == len(record.identity_policies):
            raise ValueError(f"{arn} has no policy named {name!r}")
        return self._replace(record, identity_policies=kept)

    def set_permissions_boundary(self, arn: str, text: str | None) -> PrincipalRecord:
        record = self.get(arn)
        if text is not None:
            parse_policy(text, PolicyKind.BOUNDARY, source_name="permissions boundary")
        return self._replace(record, permissions_boundary=text)

    # --- the organization ---------------------------------------------------------------

    def attach_scp(self, account_id: str, name: str, text: str) -> tuple[tuple[str, str], ...]:
        """Attach (or replace) the service control policy ``name`` to an account; bad
        policy text raises PolicySyntaxError with positions. Returns the account's SCPs."""
        self.get(account_arn(account_id))
        parse_policy(text, PolicyKind.SCP, source_name=name)
        kept = tuple((n, t) for n, t in self.store.get_scps(account_id) if n != name)
        return self._put_scps(account_id, (*kept, (name, text)))

    def detach_scp(self, account_id: str, name: str) -> tuple[tuple[str, str], ...]:
        current = self.store.get_scps(account_id)
        kept = tuple((n, t) for n, t in current if n != name)
        if len(kept) == len(current):
            raise ValueError(f"account {account_id} has no SCP named {name!r}")
        return self._put_scps(account_id, kept)

    def scps(self, account_id: str) -> tuple[tuple[str, str], ...]:
        """The account's SCPs, (name, text); none attached: SCPs do not apply to it."""
        return self.store.get_scps(account_id)

    def set_management_account(self, account_id: str | None) -> None:
        """Name the organization's management account, which SCPs never restrict."""
        if account_id is not None:
            self.get(account_arn(account_id))
        self.store.set_management_account(account_id)
        self._organization_changed()

    def management_account(self) -> str | None:
        return self.store.get_management_account()

    def _put_scps(
        self, account_id: str, scps: tuple[tuple[str, str], ...]
    ) -> tuple[tuple[str, str], ...]:
        self.store.put_scps(account_id, scps)
        self._organization_changed()
        return scps

    def _organization_changed(self) -> None:
        with self._lock:
            self._organization_version += 1

    def tag(self, arn: str, tags: dict[str, str]) -> PrincipalRecord:
        record = self.get(arn)
        merged = dict(record.tags)
        merged.update(tags)
        return self._replace(record, tags=tuple(sorted(merged.items())))

    # --- credentials ---------------------------------------------------------------------

    def issue_access_key(self, arn: str) -> Credentials:
        """A new long-term access key for a user (or the account root)."""
        return self.import_access_key(arn, "AKIA" + _random(_BASE32, 16), _random(_BASE64, 40))

    def import_access_key(self, arn: str, access_key_id: str, secret: str) -> Credentials:
        record = self.get(arn)
        if record.kind == "role":
            raise ValueError("roles have no long-term access keys; assume the role instead")
        if not _ACCESS_KEY_ID.match(access_key_id) or not access_key_id.startswith("AKIA"):
            raise ValueError("an access key id is AKIA followed by 16 of A-Z and 2-7")
        if not _SECRET.match(secret):
            raise ValueError("a secret access key is 40 characters of A-Z, a-z, 0-9, + and /")
        if self.store.get_access_key(access_key_id) is not None:
            raise ValueError(f"access key {access_key_id} already exists")
        wrapped = self.root_key.wrap(ACCESS_KEY_PURPOSE, access_key_id, secret.encode("ascii"))
        self.store.put_access_key(AccessKeyRecord(access_key_id, arn, wrapped, self.clock.now()))
        return Credentials(access_key_id, secret, arn)

    def list_access_keys(self, arn: str) -> list[AccessKeyRecord]:
        return self.store.list_access_keys(arn)

    def set_access_key_status(self, access_key_id: str, status: str) -> None:
        if status not in ("Active", "Inactive"):
            raise ValueError("status is Active or Inactive")
        record = self.store.get_access_key(access_key_id)
        if record is None:
            raise ValueError(f"no access key {access_key_id}")
        self.store.put_access_key(
            AccessKeyRecord(
                record.access_key_id,
                record.principal_arn,
                record.wrapped_secret,
                record.created,
                status,
            )
        )

    def assume_role(
        self,
        role_arn: str,
        session_name: str,
        *,
        session_policy: str | None = None,
        duration: timedelta = timedelta(hours=1),
    ) -> Credentials:
        """Temporary credentials for a session of ``role_arn`` (as STS AssumeRole issues)."""
        role = self.get(role_arn)
        if role.kind != "role":
            raise ValueError(f"{role_arn} is not a role")
        if not _SESSION_NAME.match(session_name):
            raise ValueError(f"invalid role session name {session_name!r}")
        if not SESSION_DURATION[0] <= duration <= SESSION_DURATION[1]:
            raise ValueError("a session lasts 15 minutes to 12 hours")
        if session_policy is not None:
            parse_policy(session_policy, PolicyKind.SESSION, source_name="session policy")
        access_key_id = "ASIA" + _random(_BASE32, 16)
        secret = _random(_BASE64, 40)
        now = self.clock.now()
        session_arn = f"arn:aws:sts::{role.account_id}:assumed-role/{role.name}/{session_name}"
        self.store.put_session(
            SessionRecord(
                access_key_id,
                session_arn,
                role_arn,
                self.root_key.wrap(ACCESS_KEY_PURPOSE, access_key_id, secret.encode("ascii")),
                secrets.token_urlsafe(48),
                now,
                now + duration,
                session_policy,
            )
        )
        record = self.store.get_session(access_key_id)
        assert record is not None
        return Credentials(access_key_id, secret, session_arn, record.session_token, now + duration)

    def secret_for(self, access_key_id: str) -> tuple[Caller, str, str | None]:
        """(caller, secret, session token) for an active access key id, for signature checks.
        Unknown, inactive or expired credentials raise UnrecognizedClientException."""
        invalid = "The security token included in the request is invalid."
        if access_key_id.startswith("ASIA"):
            session = self.store.get_session(access_key_id)
            if session is None:
                raise _refuse(invalid)
            if self.clock.now() >= session.expiration:
                raise KMSError(
                    "ExpiredTokenException", "The security token included in the request is expired"
                )
            secret = self.root_key.unwrap(ACCESS_KEY_PURPOSE, access_key_id, session.wrapped_secret)
            caller = Caller(session.session_arn, access_key_id=access_key_id)
            return caller, secret.decode("ascii"), session.session_token
        record = self.store.get_access_key(access_key_id)
        if record is None or record.status != "Active":
            raise _refuse(invalid)
        secret = self.root_key.unwrap(ACCESS_KEY_PURPOSE, access_key_id, record.wrapped_secret)
        return (
            Caller(record.principal_arn, access_key_id=access_key_id),
            secret.decode("ascii"),
            None,
        )

    # --- resolution ----------------------------------------------------------------------

    def resolve(self, caller: Caller) -> Identity:
        """The identity behind ``caller``: refused unless the directory knows it."""
        unknown = _refuse("The security token included in the request is invalid.")
        try:
            engine = EngineCaller.from_arn(caller.arn)
        except ValueError:
            raise unknown from None
        session_policy_text: str | None = None
        token_issue_time: str | None = None
        if engine.role_arn is not None and engine.arn != engine.role_arn:
            # an assumed-role session: its role must exist; the session (when it came with
            # credentials) must be live and carries the session policy
            lookup_arn = engine.role_arn
            if caller.access_key_id is not None:
                session = self.store.get_session(caller.access_key_id)
                if session is None or session.session_arn != caller.arn:
                    raise unknown
                session_policy_text = session.session_policy
                token_issue_time = session.created.strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            lookup_arn = engine.arn
        version = self.version(lookup_arn)  # read first: a change during the reads shows
        record = self.store.get_principal(lookup_arn)
        if record is None:
            raise unknown
        user_id = _user_id(record, engine.arn)
        mfa = caller.mfa
        if mfa is None and session_policy_text is not None:
            mfa = False
        scp_texts = self.store.get_scps(record.account_id)
        engine = EngineCaller.from_arn(
            engine.arn,
            tags=dict(record.tags),
            user_id=user_id,
            mfa=mfa,
            token_issue_time=token_issue_time,
            management_account=self.store.get_management_account() == record.account_id,
        )
        try:
            policies = tuple(
                parse_policy(text, PolicyKind.IDENTITY, source_name=name)
                for name, text in record.identity_policies
            )
            boundary = (
                None
                if record.permissions_boundary is None
                else parse_policy(record.permissions_boundary, PolicyKind.BOUNDARY)
            )
            session_policy = (
                None
                if session_policy_text is None
                else parse_policy(session_policy_text, PolicyKind.SESSION)
            )
            scps = tuple(
                parse_policy(text, PolicyKind.SCP, source_name=name) for name, text in scp_texts
            )
        except PolicySyntaxError as exc:  # stored text no longer parses: deny everything
            raise KMSError(
                "AccessDeniedException",
                f"policies in force on {lookup_arn} do not parse: {exc.message}",
            ) from None
        texts = tuple(t for _, t in (*record.identity_policies, *scp_texts))
        return Identity(engine, policies, boundary, session_policy, version, texts, scps)


def _user_id(record: PrincipalRecord, arn: str) -> str:
    """A stable ``aws:userid``: AIDA/AROA + 17 characters derived from the ARN."""
    digest = hashlib.sha256(record.arn.encode()).digest()
    unique = "".join(_BASE32[b % 32] for b in digest[:17])
    if record.kind == "account":
        return record.account_id
    if record.kind == "user":
        return "AIDA" + unique
    session = arn.rsplit("/", 1)[1]
    return f"AROA{unique}:{session}" if arn != record.arn else "AROA" + unique
