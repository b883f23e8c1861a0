"""The estate: every key, principal and SCP ``kmspolicy who-can`` reports on.

An estate is a folder in the layout DESIGN.md ("Contracts") defines::

    ESTATE/keys/*.json        {"arn", "keySpec", "keyUsage", "origin", "multiRegion",
                               "multiRegionKeyType", "aliases", "tags", "state",
                               "policy": {key policy}, "grants": [{grant}, ...]}
    ESTATE/principals/*.json  {"arn": user or role ARN, "tags", "policies": [{identity
                               policy}, ...], "permissionsBoundary": {...}}
    ESTATE/scps/*.json        {"accounts": ["111122223333"], "policy": {SCP}}

Each file may also carry ``"description"``. Files are read with the positioned JSON
parser, so every problem names the file, line and column: ``PolicySyntaxError`` for JSON
or an embedded policy, ``ScenarioError`` for the estate's own structure (unknown fields,
wrong types, duplicate ARNs). Grants are written as in a simulate scenario.

Identical policy documents are interned: each gets a small integer ``policy id`` (equal
text, equal id), so the analysis can group principals whose policies are the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmspolicy.engine.grants import GrantTable
from kmspolicy.engine.request import Caller, KeyInfo, PrincipalKind
from kmspolicy.engine.scenario import JsonReader, read_grant
from kmspolicy.errors import ScenarioError
from kmspolicy.language import JsonNode, JsonObject, parse_json
from kmspolicy.language.ir import PolicyDocument, PolicyKind

__all__ = ["Estate", "EstateKey", "EstatePrincipal", "EstateScp", "Policy", "load_estate"]

_ACCOUNT = re.compile(r"^\d{12}$")
_KEY_FIELDS = frozenset(
    {
        "arn",
        "keySpec",
        "keyUsage",
        "origin",
        "multiRegion",
        "multiRegionKeyType",
        "aliases",
        "tags",
        "state",
        "policy",
        "grants",
        "description",
    }
)
_PRINCIPAL_FIELDS = frozenset({"arn", "tags", "policies", "permissionsBoundary", "description"})
_SCP_FIELDS = frozenset({"accounts", "policy", "description"})


@dataclass(frozen=True, slots=True)
class Policy:
    """A policy document with its interned id (equal JSON, equal id)."""

    id: int
    document: PolicyDocument


@dataclass(frozen=True, slots=True)
class EstateKey:
    info: KeyInfo
    policy: Policy
    grants: GrantTable
    file: str

    @property
    def arn(self) -> str:
        return self.info.arn


@dataclass(frozen=True, slots=True)
class EstatePrincipal:
    """An IAM user or role whose policies the estate describes."""

    caller: Caller
    policies: tuple[Policy, ...]
    boundary: Policy | None
    file: str

    @property
    def arn(self) -> str:
        return self.caller.arn

    @property
    def account(self) -> str:
        assert self.caller.account is not None
        return self.caller.account


@dataclass(frozen=True, slots=True)
class EstateScp:
    accounts: tuple[str, ...]
    policy: Policy
    file: str


@dataclass(frozen=True, slots=True)
class Estate:
    keys: tuple[EstateKey, ...]
    principals: tuple[EstatePrincipal, ...]
    scps: tuple[EstateScp, ...]
    scps_by_account: dict[str, tuple[Policy, ...]] = field(default_factory=dict)

    def scps_for(self, account: str | None) -> tuple[Policy, ...]:
        return self.scps_by_account.get(account or "", ())


class _Interner:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def intern(self, reader: JsonReader, node: JsonNode, kind: PolicyKind) -> Policy:
        document = reader.policy(node, kind)
        canonical = json.dumps([kind.value, reader.plain(node)], sort_keys=True)
        policy_id = self.ids.setdefault(canonical, len(self.ids))
        return Policy(policy_id, document)


def _read(path: Path) -> tuple[JsonReader, JsonObject]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read: {exc}") from None
    reader = JsonReader(text, str(path))
    root = reader.obj(parse_json(text, source_name=str(path)), "an estate file")
    return reader, root


def _check_fields(reader: JsonReader, root: JsonObject, allowed: frozenset[str], what: str) -> None:
    for member in root.members:
        if member.key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise reader.fail(member.key_span, f"unknown {what} field {member.key!r} ({expected})")


def _required(reader: JsonReader, root: JsonObject, name: str, what: str) -> JsonNode:
    member = root.get(name)
    if member is None:
        raise reader.fail(root.span, f'{what} needs "{name}"')
    return member.value


def _load_key(path: Path, interner: _Interner) -> EstateKey:
    r, root = _read(path)
    _check_fields(r, root, _KEY_FIELDS, "key")
    arn_node = _required(r, root, "arn", "a key")
    arn = r.string(arn_node, "arn")
    multi_region = r.optional(root, "multiRegion", r.boolean) or False
    try:
        info = KeyInfo(
            arn=arn,
            key_spec=r.optional(root, "keySpec", r.string) or "SYMMETRIC_DEFAULT",
            key_usage=r.optional(root, "keyUsage", r.string) or "ENCRYPT_DECRYPT",
            origin=r.optional(root, "origin", r.string) or "AWS_KMS",
            multi_region=multi_region,
            multi_region_key_type=r.optional(root, "multiRegionKeyType", r.string)
            or ("PRIMARY" if multi_region else None),
            aliases=r.optional(root, "aliases", r.strings) or (),
            tags=r.optional(root, "tags", r.string_map) or {},
            state=r.optional(root, "state", r.string) or "Enabled",
        )
    except ValueError as exc:
        raise r.fail(arn_node.span, str(exc)) from None
    policy = interner.intern(r, _required(r, root, "policy", "a key"), PolicyKind.KEY)
    grants = GrantTable(read_grant(r, n) for n in r.optional(root, "grants", r.items) or ())
    return EstateKey(info, policy, grants, str(path))


def _load_principal(path: Path, interner: _Interner) -> EstatePrincipal:
    r, root = _read(path)
    _check_fields(r, root, _PRINCIPAL_FIELDS, "principal")
    arn_node = _required(r, root, "arn", "a principal")
    try:
        caller = Caller.from_arn(
            r.string(arn_node, "arn"), tags=r.optional(root, "tags", r.string_map)
        )
    except ValueError as exc:
        raise r.fail(arn_node.span, str(exc)) from None
    if caller.kind not in (PrincipalKind.USER, PrincipalKind.ROLE):
        raise r.fail(arn_node.span, "a principal file describes an IAM user or role ARN")
    policies = tuple(
        interner.intern(r, node, PolicyKind.IDENTITY)
        for node in r.optional(root, "policies", r.items) or ()
    )
    boundary_member = root.get("permissionsBoundary")
    boundary = (
        interner.intern(r, boundary_member.value, PolicyKind.BOUNDARY)
        if boundary_member is not None
        else None
    )
    return EstatePrincipal(caller, policies, boundary, str(path))


def _load_scp(path: Path, interner: _Interner) -> EstateScp:
    r, root = _read(path)
    _check_fields(r, root, _SCP_FIELDS, "SCP")
    accounts_node = _required(r, root, "accounts", "an SCP file")
    accounts = r.strings(accounts_node, "accounts")
    for node, account in zip(r.items(accounts_node, "accounts"), accounts, strict=True):
        if not _ACCOUNT.match(account):
            raise r.fail(node.span, f"{account!r} is not a 12-digit AWS account ID")
    policy = interner.intern(r, _required(r, root, "policy", "an SCP file"), PolicyKind.SCP)
    return EstateScp(accounts, policy, str(path))


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _unique(items: list[Any], arn_of: Callable[[Any], str], what: str) -> None:
    seen: dict[str, str] = {}
    for item in items:
        arn = arn_of(item)
        if arn in seen:
            raise ScenarioError(f"{item.file}: {what} {arn} is also described in {seen[arn]}")
        seen[arn] = item.file


def load_estate(path: str | Path) -> Estate:
    """Read the estate folder at ``path``."""
    root = Path(path)
    if not root.is_dir():
        raise ScenarioError(f"{root}: an estate is a folder with keys/, principals/ and scps/")
    key_files = _files(root / "keys")
    if not key_files:
        raise ScenarioError(f"{root}: no key files (keys/*.json)")
    interner = _Interner()
    keys = [_load_key(p, interner) for p in key_files]
    principals = [_load_principal(p, interner) for p in _files(root / "principals")]
    scps = [_load_scp(p, interner) for p in _files(root / "scps")]
    _unique(keys, lambda k: k.arn, "key")
    _unique(principals, lambda p: p.arn, "principal")
    by_account: dict[str, list[Policy]] = {}
    for scp in scps:
        for account in scp.accounts:
            by_account.setdefault(account, []).append(scp.policy)
    return Estate(
        tuple(keys),
        tuple(principals),
        tuple(scps),
        {a: tuple(p) for a, p in by_account.items()},
    )
