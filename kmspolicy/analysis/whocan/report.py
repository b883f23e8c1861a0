"""The who-can report: access rows and findings, and its JSON form (DESIGN.md
"Contracts").

A row says a principal can call an action on a key: ``"allowed"`` for every request, or
``"conditional"`` — only when every string of ``conditions`` holds (an entry with ``or``
states alternatives). ``via`` names the key-policy statements, grants and identity-policy
statements that allow it. Denied combinations have no row.

Findings (``kmspolicy.analysis.findings.Finding``, with ``key`` and ``principal``
attributes):

* ``PUBLIC_KEY`` — principals of any other account (``"*"``) can use the key, at most
  subject to conditions that do not restrict who the caller is.
* ``CROSS_ACCOUNT`` — a principal of another account than the key's has access (this
  includes ``"*"`` rows whose conditions do pin the caller down, e.g. by organisation).
* ``CAN_CHANGE_POLICY`` — the principal can call PutKeyPolicy: it can give itself or
  anyone everything.
* ``CAN_CREATE_GRANTS`` — the principal can call CreateGrant: it can hand out the key's
  operations to other principals (a privilege-escalation path).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kmspolicy.analysis._facts import restricts_caller
from kmspolicy.analysis.findings import Finding, FindingType
from kmspolicy.analysis.whocan.formula import And, CondAtom, Formula, render

if TYPE_CHECKING:
    from kmspolicy.analysis.whocan.estate import EstateKey
    from kmspolicy.analysis.whocan.subjects import Subject

__all__ = ["AccessRow", "Report", "RowGroup", "findings_for", "group_rows", "report_to_json"]


@dataclass(frozen=True)
class AccessRow:
    key: str
    principal: str
    action: str
    formula: Formula
    via: tuple[str, ...]

    @property
    def access(self) -> str:
        return "allowed" if self.formula is True else "conditional"

    @cached_property
    def conditions(self) -> list[str]:
        return render(self.formula)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "principal": self.principal,
            "action": self.action,
            "access": self.access,
            "conditions": self.conditions,
            "via": list(self.via),
        }


@dataclass(frozen=True, slots=True)
class Report:
    rows: tuple[AccessRow, ...]
    findings: tuple[Finding, ...]
    keys: tuple[EstateKey, ...]


@dataclass(frozen=True, slots=True)
class RowGroup:
    """Rows of one key and principal that share access and conditions, for display."""

    key: str
    principal: str
    access: str
    conditions: tuple[str, ...]
    actions: tuple[str, ...]
    via: tuple[str, ...]


def group_rows(rows: Iterable[AccessRow]) -> list[RowGroup]:
    """Rows merged by (key, principal, access, conditions), in first-seen order."""
    merged: dict[tuple[str, str, str, tuple[str, ...]], tuple[list[str], dict[str, None]]] = {}
    for row in rows:
        slot = merged.setdefault(
            (row.key, row.principal, row.access, tuple(row.conditions)), ([], {})
        )
        slot[0].append(row.action)
        slot[1].update(dict.fromkeys(row.via))
    return [
        RowGroup(key, principal, access, conditions, tuple(actions), tuple(via))
        for (key, principal, access, conditions), (actions, via) in merged.items()
    ]


def report_to_json(report: Report) -> dict[str, Any]:
    return {
        "access": [row.to_dict() for row in report.rows],
        "findings": [finding.to_dict() for finding in report.findings],
    }


def _restricted(formula: Formula) -> bool:
    """Whether the formula requires a condition that pins down who the caller is."""
    if formula is True:
        return False
    required = formula.args if isinstance(formula, And) else frozenset({formula})
    return any(isinstance(a, CondAtom) and restricts_caller(a.condition) for a in required)


def _summary(rows: list[AccessRow]) -> str:
    allowed = [r.action for r in rows if r.access == "allowed"]
    conditional = [r.action for r in rows if r.access == "conditional"]
    parts = []
    if allowed:
        parts.append(", ".join(allowed))
    if conditional:
        parts.append(", ".join(conditional) + " under conditions")
    return "; ".join(parts)


def _finding(
    code: str, kind: FindingType, key: EstateKey, principal: str, message: str, how: str
) -> Finding:
    return Finding(
        kind,
        code,
        message,
        how,
        key.file,
        attributes=(("key", key.arn), ("principal", principal)),
    )


def findings_for(
    rows: Iterable[AccessRow], keys: Mapping[str, EstateKey], subjects: Iterable[Subject]
) -> list[Finding]:
    accounts = {s.label: s.account for s in subjects}
    grouped: dict[tuple[str, str], list[AccessRow]] = {}
    for row in rows:
        grouped.setdefault((row.key, row.principal), []).append(row)
    out: list[Finding] = []
    for (arn, principal), found in grouped.items():
        key = keys[arn]
        key_account = key.info.account
        if principal == "*":
            open_rows = [r for r in found if not _restricted(r.formula)]
            if open_rows:
                out.append(
                    _finding(
                        "PUBLIC_KEY",
                        FindingType.SECURITY_WARNING,
                        key,
                        principal,
                        f"principals of any AWS account can call {_summary(open_rows)} on {arn}",
                        "Name the principals or accounts in the key policy, or add a "
                        "condition on aws:PrincipalOrgID or kms:CallerAccount.",
                    )
                )
            restricted = [r for r in found if _restricted(r.formula)]
            if restricted:
                out.append(
                    _finding(
                        "CROSS_ACCOUNT",
                        FindingType.WARNING,
                        key,
                        principal,
                        f"principals of other accounts that meet the key policy's caller "
                        f"conditions can call {_summary(restricted)} on {arn}",
                        "Check that the accounts the conditions admit are trusted.",
                    )
                )
        else:
            account = accounts.get(principal)
            if account is not None and account != key_account:
                out.append(
                    _finding(
                        "CROSS_ACCOUNT",
                        FindingType.WARNING,
                        key,
                        principal,
                        f"{principal} (account {account}) can call {_summary(found)} on {arn} "
                        f"of account {key_account}",
                        "Check that the other account is trusted with this key.",
                    )
                )
        for action, code, what in (
            ("kms:PutKeyPolicy", "CAN_CHANGE_POLICY", "change the key policy of"),
            ("kms:CreateGrant", "CAN_CREATE_GRANTS", "create grants on"),
        ):
            hit = [r for r in found if r.action == action]
            if hit:
                how = "allowed" if hit[0].access == "allowed" else "under conditions"
                out.append(
                    _finding(
                        code,
                        FindingType.SECURITY_WARNING,
                        key,
                        principal,
                        f"{principal} can {what} {arn} ({how})",
                        "Only key administrators should hold this permission; it lets "
                        "the holder give itself or others any use of the key.",
                    )
                )
    return out
