"""Running the lint rules over policy text, files and folders.

A file is a policy document of one kind, a grant-constraints document, or a simulate
scenario whose embedded policies (keyPolicy, identityPolicies, scps, permissionsBoundary,
sessionPolicy, grants[].constraints) are each linted with positions in the scenario file.
Text that does not parse yields ERROR findings at the parser's positions; the rules run
on whatever parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The checks register themselves with the rule tables on import.
from kmspolicy.analysis import (  # noqa: F401
    checks_actions,
    checks_conditions,
    checks_document,
    checks_empty,
    checks_grants,
    checks_principals,
    checks_resources,
)
from kmspolicy.analysis.findings import Finding, FindingType, Location, sort_findings
from kmspolicy.analysis.locator import Locator
from kmspolicy.analysis.rules import (
    GrantContext,
    LintOptions,
    Origin,
    PolicyContext,
    all_rules,
    run_grant_rules,
    run_policy_rules,
)
from kmspolicy.analysis.syntax import SYNTAX_CHECKS, syntax_findings
from kmspolicy.errors import PolicySyntaxError
from kmspolicy.language import grant_constraints_from_node, policy_from_node
from kmspolicy.language.arns import parse_arn
from kmspolicy.language.ir import PolicyDocument, PolicyKind, Span
from kmspolicy.language.json_tree import (
    JsonArray,
    JsonNode,
    JsonObject,
    JsonString,
    decode_text,
    parse_json_source,
)
from kmspolicy.language.kinds import GRANT_CONSTRAINTS, KINDS, kind_from_filename
from kmspolicy.language.source import Source

__all__ = [
    "GRANT_CONSTRAINTS",
    "KINDS",
    "CheckInfo",
    "LintInputError",
    "LintReport",
    "checks",
    "detect_kind",
    "lint_document",
    "lint_paths",
    "lint_text",
]

SCENARIO = "scenario"


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """What a renderer or ``--list-checks`` shows about one issue code."""

    issue_code: str
    finding_type: FindingType
    title: str
    explanation: str
    origin: str


_SCENARIO_CHECK = CheckInfo(
    "INVALID_SCENARIO",
    FindingType.ERROR,
    "Invalid scenario member",
    "A scenario file holds keyPolicy (an object), identityPolicies and scps (lists of "
    "objects), permissionsBoundary and sessionPolicy (objects) and grants (a list of "
    "objects with operations and constraints). Correct the member's type.",
    Origin.KMSPOLICY.value,
)


def checks() -> dict[str, CheckInfo]:
    """Every issue code the linter can report, by code: syntax, policy, grant and
    scenario checks. Where a syntax problem and a rule share a code, the rule's
    description is kept."""
    out = {
        c.issue_code: CheckInfo(
            c.issue_code, c.finding_type, c.title, c.explanation, Origin.ACCESS_ANALYZER.value
        )
        for c in SYNTAX_CHECKS
    }
    for r in all_rules():
        out[r.issue_code] = CheckInfo(
            r.issue_code, r.finding_type, r.title, r.explanation, r.origin.value
        )
    out[_SCENARIO_CHECK.issue_code] = _SCENARIO_CHECK
    return dict(sorted(out.items()))


class LintInputError(Exception):
    """A path that does not exist or cannot be read (the CLI exits 2)."""


@dataclass
class LintReport:
    """Findings of a run plus what the renderers need: each file's text, and counts."""

    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    documents: int = 0


def _scenario_error(message: str, span: Span) -> Finding:
    c = _SCENARIO_CHECK
    return Finding(
        c.finding_type, c.issue_code, message, c.explanation, None, (Location.from_span(span),)
    )


def lint_document(
    doc: PolicyDocument,
    options: LintOptions | None = None,
    *,
    locator: Locator | None = None,
    key_account: str | None = None,
) -> list[Finding]:
    """Run every policy rule that applies to ``doc``'s kind."""
    ctx = PolicyContext(doc, options or LintOptions(), locator or Locator(), key_account)
    return run_policy_rules(ctx)


def _lint_policy_node(
    node: JsonNode,
    kind: PolicyKind,
    source: Source,
    options: LintOptions,
    key_account: str | None = None,
) -> list[Finding]:
    try:
        doc = policy_from_node(node, kind, source_name=source.name, text=source.text)
    except PolicySyntaxError as exc:
        return syntax_findings(exc)
    return lint_document(doc, options, locator=Locator(node), key_account=key_account)


def _operations(grant: JsonObject) -> tuple[tuple[str, Span], ...] | None:
    member = grant.get("operations")
    if member is None:
        return None
    items = member.value.items if isinstance(member.value, JsonArray) else (member.value,)
    return tuple((i.value, i.span) for i in items if isinstance(i, JsonString))


def _lint_grant_node(
    node: JsonNode | None,
    source: Source,
    operations: tuple[tuple[str, Span], ...] | None = None,
) -> list[Finding]:
    constraints = None
    if node is not None:
        try:
            constraints = grant_constraints_from_node(
                node, source_name=source.name, text=source.text
            )
        except PolicySyntaxError as exc:
            return syntax_findings(exc)
    return run_grant_rules(GrantContext(constraints, operations))


def _key_account(root: JsonObject) -> str | None:
    key = root.get("key")
    if key is None or not isinstance(key.value, JsonObject):
        return None
    arn = key.value.get("arn")
    if arn is None or not isinstance(arn.value, JsonString):
        return None
    parsed = parse_arn(arn.value.value)
    return parsed.account if parsed is not None and parsed.account else None


def _lint_scenario(
    root: JsonObject, source: Source, options: LintOptions
) -> tuple[list[Finding], int]:
    findings: list[Finding] = []
    count = 0
    account = _key_account(root)

    def policies(name: str, listed: bool) -> Iterator[JsonObject]:
        member = root.get(name)
        if member is None:
            return
        value = member.value
        if listed and not isinstance(value, JsonArray):
            findings.append(_scenario_error(f"{name} must be a list of policies", value.span))
            return
        for item in value.items if isinstance(value, JsonArray) else (value,):
            if isinstance(item, JsonObject):
                yield item
            else:
                findings.append(_scenario_error(f"{name} must hold policy objects", item.span))

    for name, kind, listed in (
        ("keyPolicy", PolicyKind.KEY, False),
        ("identityPolicies", PolicyKind.IDENTITY, True),
        ("scps", PolicyKind.SCP, True),
        ("permissionsBoundary", PolicyKind.BOUNDARY, False),
        ("sessionPolicy", PolicyKind.SESSION, False),
    ):
        for node in policies(name, listed):
            count += 1
            findings += _lint_policy_node(node, kind, source, options, account)
    for grant in policies("grants", True):
        count += 1
        constraints = grant.get("constraints")
        findings += _lint_grant_node(
            constraints.value if constraints is not None else None,
            source,
            _operations(grant),
        )
    return findings, count


def detect_kind(path: Path, root: JsonNode | None, kind: str = "auto") -> str:
    """The kind a file is linted as: ``kind`` unless it is ``auto``; then a scenario (a
    top-level ``keyPolicy`` member), else the file-name prefix, else a key policy."""
    if kind != "auto":
        return kind
    if isinstance(root, JsonObject) and root.get("keyPolicy") is not None:
        return SCENARIO
    return kind_from_filename(path)


def lint_text(
    text: str | bytes,
    kind: str = PolicyKind.KEY.value,
    *,
    source_name: str = "<policy>",
    options: LintOptions | None = None,
    path: Path | None = None,
) -> tuple[list[Finding], int]:
    """Lint one file's text: its findings (file set to ``source_name``) and how many
    documents it held."""
    options = options or LintOptions()
    try:
        decoded = decode_text(text, source_name)
    except PolicySyntaxError as exc:
        return [f.with_file(source_name) for f in syntax_findings(exc)], 1
    source = Source(decoded, source_name)
    node, problems = parse_json_source(source)
    findings: list[Finding] = []
    if problems:
        findings += syntax_findings(PolicySyntaxError(problems, source_name))
    count = 1
    if node is not None:
        resolved = detect_kind(path or Path(source_name), node, kind)
        if resolved == SCENARIO:
            if isinstance(node, JsonObject):
                more, count = _lint_scenario(node, source, options)
                findings += more
        elif resolved == GRANT_CONSTRAINTS:
            findings += _lint_grant_node(node, source)
        else:
            findings += _lint_policy_node(node, PolicyKind(resolved), source, options)
    return [f.with_file(source_name) for f in findings], count


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.exists():
            yield path
        else:
            raise LintInputError(f"{path}: no such file or folder")


def lint_paths(
    paths: Iterable[str | Path], kind: str = "auto", options: LintOptions | None = None
) -> LintReport:
    """Lint files and folders (``*.json`` below a folder); unreadable input raises
    LintInputError before anything is reported."""
    files = list(_expand(Path(p) for p in paths))
    report = LintReport()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LintInputError(f"{path}: {exc.strerror or exc}") from None
        name = str(path)
        findings, count = lint_text(data, kind, source_name=name, options=options, path=path)
        report.findings += findings
        report.documents += count
        report.sources[name] = data.decode("utf-8", errors="replace")
    report.findings = sort_findings(report.findings)
    return report
