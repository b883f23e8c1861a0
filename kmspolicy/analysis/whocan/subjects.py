"""Who a who-can report speaks about: the subjects of its rows.

* ``PRINCIPAL`` — an IAM user or role described in the estate (its policies are known).
* ``UNDESCRIBED`` — an IAM principal a key policy or grant names but the estate does not
  describe: its ARN is known, its tags and IAM policies are not.
* ``SERVICE`` — an AWS service principal a key policy names (``logs.amazonaws.com``).
* ``ACCOUNT`` — ``"account:ID"``: any other principal of account ID (ARN, tags and IAM
  policies unknown).
* ``ANYONE`` — ``"*"``: any principal of an account other than the key's.

Each subject carries the condition values the estate knows about it (``facts``, keys
lowercased) and the keys whose status is known (``known``: a known key missing from
``facts`` is absent), plus the identities a principal element can name it by, as the
engine derives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kmspolicy.analysis.whocan.estate import Estate, EstatePrincipal
from kmspolicy.engine import reference
from kmspolicy.engine.combine import MatchKind
from kmspolicy.engine.context import build_context
from kmspolicy.engine.request import Caller, PrincipalKind, Request
from kmspolicy.language.ir import PolicyDocument, PrincipalType

__all__ = ["ANYONE", "Subject", "SubjectKind", "subjects_of"]

ANYONE = "*"
_TAG_PREFIX = "aws:principaltag/"
# Keys about the caller that build_context derives from the caller alone.
_CALLER_KEYS = frozenset(
    {
        "aws:principalarn",
        "aws:principalaccount",
        "kms:calleraccount",
        "aws:principaltype",
        "aws:principalisawsservice",
        "aws:principalservicename",
        "aws:username",
    }
)


class SubjectKind(StrEnum):
    PRINCIPAL = "principal"
    UNDESCRIBED = "undescribed"
    SERVICE = "service"
    ACCOUNT = "account"
    ANYONE = "anyone"


@dataclass(frozen=True, slots=True)
class Subject:
    label: str
    kind: SubjectKind
    account: str | None
    caller: Caller | None
    principal: EstatePrincipal | None
    facts: dict[str, tuple[str, ...]]
    known: frozenset[str]
    tags_known: bool
    identities: tuple[tuple[str, MatchKind], ...] = field(default=())

    @property
    def iam_known(self) -> bool:
        """Whether the estate holds this subject's IAM policies (services have none)."""
        return self.kind in (SubjectKind.PRINCIPAL, SubjectKind.SERVICE)

    @property
    def is_service(self) -> bool:
        return self.kind is SubjectKind.SERVICE

    def lookup(self, key: str) -> tuple[str, ...] | bool | None:
        """The known values of ``key``; None when known to be absent; False when unknown."""
        found = self.facts.get(key)
        if found is not None:
            return found
        if key in self.known or (self.tags_known and key.startswith(_TAG_PREFIX)):
            return None
        return False


def _caller_subject(
    caller: Caller, kind: SubjectKind, principal: EstatePrincipal | None
) -> Subject:
    ctx = build_context(Request(caller, "kms:DescribeKey"))
    facts = {k: v for k, v in ctx.values.items() if k in _CALLER_KEYS or k.startswith(_TAG_PREFIX)}
    known = _CALLER_KEYS
    if kind is SubjectKind.SERVICE:  # nothing about an IAM identity applies to a service
        known = _CALLER_KEYS | {"aws:userid", "aws:multifactorauthpresent"}
    return Subject(
        label=caller.arn,
        kind=kind,
        account=caller.account,
        caller=caller,
        principal=principal,
        facts=facts,
        known=known,
        tags_known=kind is not SubjectKind.UNDESCRIBED,
        identities=tuple(reference.identity_kinds(ctx)),
    )


def account_subject(account: str) -> Subject:
    return Subject(
        label=f"account:{account}",
        kind=SubjectKind.ACCOUNT,
        account=account,
        caller=None,
        principal=None,
        facts={
            "aws:principalaccount": (account,),
            "kms:calleraccount": (account,),
            "aws:principalisawsservice": ("false",),
        },
        known=frozenset(
            {
                "aws:principalaccount",
                "kms:calleraccount",
                "aws:principalisawsservice",
                "aws:principalservicename",
            }
        ),
        tags_known=False,
        identities=((f"arn:aws:iam::{account}:root", MatchKind.ACCOUNT),),
    )


def anyone_subject() -> Subject:
    return Subject(
        label=ANYONE,
        kind=SubjectKind.ANYONE,
        account=None,
        caller=None,
        principal=None,
        facts={"aws:principalisawsservice": ("false",)},
        known=frozenset({"aws:principalisawsservice", "aws:principalservicename"}),
        tags_known=False,
    )


def _named(policy: PolicyDocument) -> tuple[set[str], set[str]]:
    """IAM principal ARNs and service names the policy's principal elements name."""
    arns: set[str] = set()
    services: set[str] = set()
    for statement in policy.statements:
        for element in (statement.principal, statement.not_principal):
            for entry in element.entries if element is not None else ():
                if entry.type is PrincipalType.SERVICE:
                    services.add(entry.canonical)
                elif entry.type is PrincipalType.AWS and entry.canonical != "*":
                    arns.add(entry.canonical)
    return arns, services


def subjects_of(estate: Estate) -> list[Subject]:
    """Every subject of the estate, in report order: described principals, undescribed
    principals and services named by keys, accounts, anyone."""
    described = {p.arn for p in estate.principals}
    accounts: set[str] = set()
    named: set[str] = set()
    services: set[str] = set()
    for key in estate.keys:
        accounts.add(key.info.account)
        arns, names = _named(key.policy.document)
        named |= arns
        services |= names
        named.update(g.grantee_principal for g in key.grants.grants)
    for principal in estate.principals:
        accounts.add(principal.account)
    for scp in estate.scps:
        accounts.update(scp.accounts)

    out = [_caller_subject(p.caller, SubjectKind.PRINCIPAL, p) for p in estate.principals]
    undescribed: list[Subject] = []
    for arn in sorted(named - described):
        try:
            caller = Caller.from_arn(arn)
        except ValueError:
            continue  # not a principal that can call KMS (e.g. a malformed ARN in a policy)
        if caller.account is not None:
            accounts.add(caller.account)
        if caller.kind in (PrincipalKind.USER, PrincipalKind.ROLE, PrincipalKind.ASSUMED_ROLE):
            undescribed.append(_caller_subject(caller, SubjectKind.UNDESCRIBED, None))
        elif caller.kind is PrincipalKind.SERVICE:
            services.add(arn)
    out.sort(key=lambda s: s.label)
    out.extend(undescribed)
    for service in sorted(services):
        out.append(_caller_subject(Caller.from_arn(service), SubjectKind.SERVICE, None))
    out.extend(account_subject(a) for a in sorted(accounts))
    out.append(anyone_subject())
    return out
