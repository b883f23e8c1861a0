"""Syntax errors as findings.

Every problem the parser reports (a ``PolicySyntaxError``) becomes an ERROR finding at the
problem's position. Its issue code is chosen by what the problem is about, using Access
Analyzer's names (MISSING_EFFECT, INVALID_VERSION, ...); anything else in the JSON itself
is JSON_SYNTAX_ERROR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kmspolicy.analysis.findings import Finding, FindingType, Location
from kmspolicy.errors import PolicySyntaxError, Problem

__all__ = ["SYNTAX_CHECKS", "SyntaxCheck", "syntax_findings"]


@dataclass(frozen=True, slots=True)
class SyntaxCheck:
    issue_code: str
    title: str
    explanation: str
    pattern: re.Pattern[str]
    finding_type: FindingType = FindingType.ERROR


def _c(code: str, title: str, pattern: str, explanation: str) -> SyntaxCheck:
    return SyntaxCheck(code, title, " ".join(explanation.split()), re.compile(pattern))


# First match wins, so the specific patterns come before the general ones.
SYNTAX_CHECKS: tuple[SyntaxCheck, ...] = (
    _c(
        "NULL_WITH_IF_EXISTS",
        "Null with if exists",
        r"unknown condition operator '(ForAllValues:|ForAnyValue:)?NullIfExists'",
        "Null already tests whether the key exists and has no IfExists form. Use Null.",
    ),
    _c(
        "INVALID_CONDITION_OPERATOR",
        "Invalid condition operator",
        r"unknown condition operator",
        """The condition operator is not one IAM defines (operator names are
        case-sensitive). Use a listed operator such as StringEquals or ArnLike.""",
    ),
    _c(
        "INVALID_VERSION",
        "Invalid version",
        r"^Version must be",
        'Version is "2012-10-17" (or the older "2008-10-17"). Use "2012-10-17".',
    ),
    _c(
        "INVALID_EFFECT",
        "Invalid effect",
        r"^Effect must be",
        'Effect is "Allow" or "Deny", capitalised as shown.',
    ),
    _c(
        "MISSING_EFFECT",
        "Missing effect",
        r'has no "Effect"',
        'Every statement needs "Effect": "Allow" or "Deny". Add it.',
    ),
    _c(
        "MISSING_ACTION",
        "Missing action",
        r'has no "Action"',
        "IAM policy statements need an Action or NotAction element. Add the actions.",
    ),
    _c(
        "MISSING_RESOURCE",
        "Missing resource",
        r'has no "Resource"',
        'IAM policy statements need a Resource or NotResource element. Add "Resource".',
    ),
    _c(
        "MISSING_PRINCIPAL",
        "Missing principal",
        r'has no "Principal"',
        "Key policy statements name who they apply to. Add a Principal element.",
    ),
    _c(
        "MISSING_STATEMENT",
        "Missing statement",
        r'has no "Statement"|^Statement is an empty list',
        "A policy needs at least one statement. Add a Statement element.",
    ),
    _c(
        "UNSUPPORTED_PRINCIPAL",
        "Unsupported principal",
        r"^(Not)?Principal is not allowed in",
        """Identity-side policies (identity, SCP, boundary, session) apply to whoever they
        are attached to and cannot name a principal. Remove the Principal element.""",
    ),
    _c(
        "UNSUPPORTED_ELEMENT_COMBINATION",
        "Unsupported element combination",
        r"cannot have both",
        """A statement has either Action or NotAction, Resource or NotResource,
        Principal or NotPrincipal, never both. Keep one of the pair.""",
    ),
    _c(
        "INVALID_POLICY_ELEMENT",
        "Invalid policy element",
        r"^unknown (policy|statement) element",
        """The element is not part of the policy grammar (element names are
        case-sensitive). Remove or rename it.""",
    ),
    _c(
        "INVALID_PRINCIPAL_KEY",
        "Invalid principal key",
        r"^unknown principal type",
        "Principal types are AWS, Service, Federated and CanonicalUser.",
    ),
    _c(
        "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
        "Unsupported wildcard in principal",
        r"principals cannot be partial wildcards",
        """A principal is "*" or a whole name. Use "Principal": "*" with an ArnLike
        condition on aws:PrincipalArn.""",
    ),
    _c(
        "INVALID_PRINCIPAL_FORMAT",
        "Invalid principal format",
        r"is neither an account ID nor an ARN|principal is empty|^(Not)?Principal must be",
        """An AWS principal is "*", a 12-digit account ID, an IAM ARN or an IAM unique
        ID; other types are non-empty names. Correct the principal.""",
    ),
    _c(
        "MISSING_ARN_FIELD",
        "Missing ARN field",
        r"^(Not)?Resource 'arn:.*' is neither",
        """An ARN has six fields: arn:partition:service:region:account:resource.
        Add the missing fields.""",
    ),
    _c(
        "INVALID_ARN_PREFIX",
        "Invalid ARN prefix",
        r"^(Not)?Resource .* is neither",
        'A resource is "*" or an ARN starting with arn:. Add the prefix or use "*".',
    ),
    _c(
        "INVALID_ACTION",
        "Invalid action",
        r"is not of the form service:Action",
        'An action is written service:Action ("kms:Decrypt"). Correct it.',
    ),
    _c(
        "INVALID_CONDITION_KEY_FORMAT",
        "Invalid condition key format",
        r"has no service prefix",
        "A condition key is written service:name (aws:SourceIp). Correct it.",
    ),
    _c(
        "UNSUPPORTED_SID",
        "Unsupported Sid",
        r"must be alphanumeric",
        "In IAM policies a Sid holds only A-Z, a-z and 0-9. Remove other characters.",
    ),
    _c(
        "UNIQUE_SIDS_REQUIRED",
        "Unique Sids required",
        r"^Sid .* is already used",
        "Sids must be unique within this kind of policy. Rename one of them.",
    ),
    _c(
        "INVALID_POLICY_VARIABLE",
        "Invalid policy variable",
        r"malformed policy variable",
        """A policy variable is ${key} or ${key, 'default'}; ${*}, ${?} and ${$} stand
        for the characters themselves. Correct the variable.""",
    ),
    _c(
        "POLICY_SIZE_EXCEEDED",
        "Policy size exceeds the quota",
        r"may be at most \d+",
        "The policy is larger than AWS accepts for its kind. Split or shorten it.",
    ),
    _c(
        "INVALID_CHARACTER",
        "Invalid character in policy",
        r"is not allowed in policy text",
        r"""Policies may hold tab, line feed, carriage return and U+0020 to U+00FF. Write
        other characters as \u escapes.""",
    ),
    _c(
        "INVALID_GRANT_CONSTRAINT",
        "Invalid grant constraint",
        r"grant constraint|encryption-context|EncryptionContext(Subset|Equals)|only in case",
        """Grant constraints are EncryptionContextSubset and/or EncryptionContextEquals,
        each a map of at most 8 string pairs (values up to 384 characters), keys unique
        regardless of case.""",
    ),
    _c(
        "DATA_TYPE_MISMATCH",
        "Data type mismatch",
        r"must be (a|an) |must be a JSON object|entries must be strings|must be strings,",
        "The element has the wrong JSON type for its place in the policy. Correct it.",
    ),
    _c(
        "JSON_SYNTAX_ERROR",
        "JSON syntax error",
        r"",
        "The text is not valid JSON at this point. Fix the JSON syntax.",
    ),
)


def classify(problem: Problem) -> SyntaxCheck:
    for check in SYNTAX_CHECKS:
        if check.pattern.search(problem.message):
            return check
    raise AssertionError("JSON_SYNTAX_ERROR matches every message")  # pragma: no cover


def syntax_findings(error: PolicySyntaxError, file: str | None = None) -> list[Finding]:
    """One ERROR finding per problem, at the problem's position."""
    out = []
    for problem in error.problems:
        check = classify(problem)
        message = problem.message[:1].upper() + problem.message[1:]
        if problem.hint:
            message += f" ({problem.hint})"
        out.append(
            Finding(
                check.finding_type,
                check.issue_code,
                message,
                check.explanation,
                file,
                (
                    Location(
                        problem.line,
                        problem.column,
                        problem.end_line,
                        max(problem.end_column, problem.column),
                    ),
                ),
            )
        )
    return out
