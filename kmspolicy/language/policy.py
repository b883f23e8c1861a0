"""Policy documents: the IAM grammar on top of the positioned JSON tree, into IR.

Every structural problem is collected (with its exact position) before anything is
raised, so one run reports all of them. Which elements a statement must or may have
depends on the policy kind: key policies are resource policies (Principal required;
a statement without Action or Resource is accepted and never matches), the other kinds
are IAM identity-side policies (no Principal; Action and Resource required).

What AWS stores is accepted even where it has no effect, so that stored policies can be
read back, evaluated and linted: empty lists (``"Action": []``, ``"Principal": {"AWS":
[]}``, an empty list of condition values), empty objects (``"Principal": {}``, an
operator with no condition keys) and IAM unique IDs as AWS principals (what a key policy
shows after the named user or role was deleted). The engine gives each its AWS meaning
and the linter reports them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kmspolicy.errors import PolicySyntaxError, Problem
from kmspolicy.language.arns import parse_arn
from kmspolicy.language.ir import (
    Condition,
    Effect,
    Literal,
    Part,
    PolicyDocument,
    PolicyKind,
    Principal,
    PrincipalEntry,
    PrincipalType,
    Span,
    Statement,
    Value,
    Variable,
)
from kmspolicy.language.json_tree import (
    JsonArray,
    JsonBool,
    JsonNode,
    JsonNumber,
    JsonObject,
    JsonString,
    decode_text,
    describe,
    parse_json_source,
)
from kmspolicy.language.operators import UnknownOperatorError, parse_operator
from kmspolicy.language.source import Source
from kmspolicy.language.templates import TemplateError, parse_template
from kmspolicy.language.unique_ids import unique_id_kind

__all__ = [
    "SIZE_LIMITS",
    "VERSIONS",
    "parse_policy",
    "policy_from_node",
    "policy_from_obj",
    "text_problems",
]

VERSIONS = ("2012-10-17", "2008-10-17")

# (limit, what is counted). Key policies: KMS PutKeyPolicy, 32 KB. IAM counts characters
# without whitespace: managed policies (identity, permissions boundary) 6,144. SCPs 5,120
# and STS session policies 2,048 characters, whitespace included.
SIZE_LIMITS: dict[PolicyKind, tuple[int, str]] = {
    PolicyKind.KEY: (32_768, "bytes"),
    PolicyKind.IDENTITY: (6_144, "characters (whitespace not counted)"),
    PolicyKind.BOUNDARY: (6_144, "characters (whitespace not counted)"),
    PolicyKind.SCP: (5_120, "characters"),
    PolicyKind.SESSION: (2_048, "characters"),
}

# KMS and IAM accept only these characters in policy text (escapes such as \u00e9 are fine).
_BAD_CHARACTER = re.compile(r"[^\t\n\r\u0020-\u00ff]")
_WHITESPACE = re.compile(r"\s")
_SID_IAM = re.compile(r"[A-Za-z0-9]*")
_ACCOUNT_ID = re.compile(r"[0-9]{12}")
_ACTION = re.compile(r"[A-Za-z0-9_-]+:\S+")

_TOP_ELEMENTS = ("Version", "Id", "Statement")
_STATEMENT_ELEMENTS = (
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
)
# Operators whose values may hold policy variables (IAM condition-operator reference).
_VARIABLE_OPERATORS = ("String", "Arn", "Bool")
_KIND_WORDS = {
    PolicyKind.KEY: "a key policy",
    PolicyKind.IDENTITY: "an identity policy",
    PolicyKind.SCP: "a service control policy",
    PolicyKind.BOUNDARY: "a permissions boundary",
    PolicyKind.SESSION: "a session policy",
}


def _opening(span: Span) -> Span:
    """The first character of a span (the '{' of an object): where a missing element goes."""
    return Span(span.line, span.column, span.line, span.column + 1, span.start, span.start + 1)


def _member_span(key_span: Span, value: JsonNode) -> Span:
    end = value.span
    return Span(
        key_span.line, key_span.column, end.end_line, end.end_column, key_span.start, end.end
    )


def _case_hint(name: str, known: Iterable[str]) -> str:
    for candidate in known:
        if candidate.lower() == name.lower():
            return f"element names are case-sensitive: write {candidate}"
    return f"known elements: {', '.join(known)}"


def text_problems(
    source: Source, kind: PolicyKind, start: int = 0, end: int | None = None
) -> list[Problem]:
    """Size-limit and character-set problems of the policy text ``source.text[start:end]``."""
    text = source.text[start:end]
    problems: list[Problem] = []
    bad = _BAD_CHARACTER.search(text)
    if bad:
        count = len(_BAD_CHARACTER.findall(text))
        ch = bad.group()
        more = f" ({count} such characters in all)" if count > 1 else ""
        problems.append(
            source.problem_at(
                start + bad.start(),
                f"character U+{ord(ch):04X} is not allowed in policy text{more}",
                "AWS accepts tab, line feed, carriage return and U+0020 to U+00FF; "
                "write other characters as \\u escapes",
            )
        )
    limit, unit = SIZE_LIMITS[kind]
    if unit == "bytes":
        size = len(text.encode("utf-8"))
    elif unit.startswith("characters (whitespace"):
        size = len(text) - len(_WHITESPACE.findall(text))
    else:
        size = len(text)
    if size > limit:
        problems.append(
            source.problem_at(
                start + _offset_of_unit(text, limit, unit),
                f"{_KIND_WORDS[kind]} may be at most {limit} {unit.split(' ')[0]}; "
                f"this one is {size}",
                "split it into several policies or shorten it"
                if kind is not PolicyKind.KEY
                else "remove statements or shorten ARN lists",
            )
        )
    return problems


def _offset_of_unit(text: str, limit: int, unit: str) -> int:
    """Character offset of the first counted unit past ``limit``."""
    if unit == "bytes":
        total = 0
        for index, ch in enumerate(text):
            total += len(ch.encode("utf-8"))
            if total > limit:
                return index
        return len(text)  # pragma: no cover - only called when over the limit
    if unit.startswith("characters (whitespace"):
        counted = 0
        for index, ch in enumerate(text):
            if not ch.isspace():
                counted += 1
                if counted > limit:
                    return index
        return len(text)  # pragma: no cover
    return limit


class _Builder:
    """Builds IR from a JSON tree, collecting problems instead of stopping at the first."""

    def __init__(self, source: Source, kind: PolicyKind):
        self.source = source
        self.kind = kind
        self.problems: list[Problem] = []
        self.variables = False
        self.sids: dict[str, int] = {}

    def error(self, span: Span, message: str, hint: str = "") -> None:
        self.problems.append(self.source.problem(span, message, hint))

    # --- document -----------------------------------------------------------------------

    def document(self, node: JsonNode) -> PolicyDocument | None:
        if not isinstance(node, JsonObject):
            self.error(
                node.span, f"a policy document must be a JSON object, found {describe(node)}"
            )
            return None
        version: str | None = None
        policy_id: str | None = None
        members = {m.key: m for m in node.members}
        for member in node.members:
            if member.key not in _TOP_ELEMENTS:
                self.error(
                    member.key_span,
                    f'unknown policy element "{member.key}"',
                    _case_hint(member.key, _TOP_ELEMENTS),
                )
        if "Version" in members:
            value = members["Version"].value
            if isinstance(value, JsonString) and value.value in VERSIONS:
                version = value.value
            else:
                self.error(
                    value.span,
                    f'Version must be "2012-10-17" or "2008-10-17", found {describe(value)}',
                    'use "2012-10-17": policy variables work only in that version',
                )
        self.variables = version == "2012-10-17"
        if "Id" in members:
            policy_id = self.string(members["Id"].value, "Id")
        statements: list[Statement] = []
        statement_is_list = True
        found = members.get("Statement")
        if found is None:
            self.error(_opening(node.span), 'the policy has no "Statement" element')
        elif isinstance(found.value, JsonObject):
            statement_is_list = False
            self.add_statement(found.value, 0, statements)
        elif isinstance(found.value, JsonArray):
            if not found.value.items:
                self.error(
                    found.value.span,
                    "Statement is an empty list: a policy needs at least one statement",
                )
            for index, item in enumerate(found.value.items):
                if isinstance(item, JsonObject):
                    self.add_statement(item, index, statements)
                else:
                    self.error(
                        item.span, f"a statement must be a JSON object, found {describe(item)}"
                    )
        else:
            self.error(
                found.value.span,
                f"Statement must be an object or a list of objects, found {describe(found.value)}",
            )
        if self.problems:
            return None
        return PolicyDocument(
            version=version,
            id=policy_id,
            statements=tuple(statements),
            kind=self.kind,
            span=node.span,
            statement_is_list=statement_is_list,
        )

    def sid(self, node: JsonNode, index: int) -> str | None:
        """Key policies take any string; IAM wants Sids alphanumeric and unique in a policy."""
        sid = self.string(node, "Sid")
        if sid is None or self.kind is PolicyKind.KEY:
            return sid
        if not _SID_IAM.fullmatch(sid):
            self.error(
                node.span,
                f"Sid {sid!r} must be alphanumeric (A-Z, a-z, 0-9) in {_KIND_WORDS[self.kind]}",
            )
        elif sid in self.sids:
            self.error(
                node.span,
                f"Sid {sid!r} is already used by statement {self.sids[sid]}; "
                "Sids must be unique within a policy",
            )
        else:
            self.sids[sid] = index
        return sid

    # --- statements -----------------------------------------------------------------------

    def add_statement(self, node: JsonObject, index: int, out: list[Statement]) -> None:
        before = len(self.problems)
        members = {m.key: m for m in node.members}
        for member in node.members:
            if member.key not in _STATEMENT_ELEMENTS:
                self.error(
                    member.key_span,
                    f'unknown statement element "{member.key}"',
                    _case_hint(member.key, _STATEMENT_ELEMENTS),
                )
        for first, second in (
            ("Principal", "NotPrincipal"),
            ("Action", "NotAction"),
            ("Resource", "NotResource"),
        ):
            if first in members and second in members:
                later = max(members[first], members[second], key=lambda m: m.key_span.start)
                self.error(
                    later.key_span,
                    f"a statement cannot have both {first} and {second}",
                    f"keep one of {first} / {second}",
                )
        where = _opening(node.span)
        sid = self.sid(members["Sid"].value, index) if "Sid" in members else None
        effect = self.effect(members.get("Effect"), where)
        principal, not_principal = self.principals(members, where)
        action = self.values(members.get("Action"), "Action")
        not_action = self.values(members.get("NotAction"), "NotAction")
        resource = self.values(members.get("Resource"), "Resource")
        not_resource = self.values(members.get("NotResource"), "NotResource")
        if self.kind is not PolicyKind.KEY:
            if "Action" not in members and "NotAction" not in members:
                self.error(where, 'the statement has no "Action" or "NotAction" element')
            if "Resource" not in members and "NotResource" not in members:
                self.error(where, 'the statement has no "Resource" or "NotResource" element')
        conditions = self.conditions(members["Condition"].value) if "Condition" in members else ()
        if len(self.problems) != before or effect is None:
            return
        out.append(
            Statement(
                index=index,
                sid=sid,
                effect=effect,
                principal=principal,
                not_principal=not_principal,
                action=action,
                not_action=not_action,
                resource=resource,
                not_resource=not_resource,
                conditions=conditions,
                span=node.span,
            )
        )

    def string(self, node: JsonNode, element: str) -> str | None:
        if isinstance(node, JsonString):
            return node.value
        self.error(node.span, f"{element} must be a string, found {describe(node)}")
        return None

    def effect(self, member: Any, where: Span) -> Effect | None:
        if member is None:
            self.error(
                where, 'the statement has no "Effect" element', 'add "Effect": "Allow" or "Deny"'
            )
            return None
        node: JsonNode = member.value
        if isinstance(node, JsonString) and node.value in ("Allow", "Deny"):
            return Effect(node.value)
        hint = ""
        if isinstance(node, JsonString) and node.value.lower() in ("allow", "deny"):
            hint = f'Effect is case-sensitive: write "{node.value.capitalize()}"'
        self.error(node.span, f'Effect must be "Allow" or "Deny", found {describe(node)}', hint)
        return None

    # --- principals -----------------------------------------------------------------------

    def principals(
        self, members: dict[str, Any], where: Span
    ) -> tuple[Principal | None, Principal | None]:
        found = [members[name] for name in ("Principal", "NotPrincipal") if name in members]
        if self.kind is not PolicyKind.KEY:
            for member in found:
                self.error(
                    member.key_span,
                    f"{member.key} is not allowed in {_KIND_WORDS[self.kind]}",
                    "the principal of an identity-side policy is whoever the policy is attached to",
                )
            return None, None
        if not found:
            self.error(
                where,
                'the statement has no "Principal" element',
                "every statement of a key policy names who it applies to",
            )
            return None, None
        principal = self.principal(members["Principal"]) if "Principal" in members else None
        not_principal = (
            self.principal(members["NotPrincipal"]) if "NotPrincipal" in members else None
        )
        return principal, not_principal

    def principal(self, member: Any) -> Principal | None:
        node: JsonNode = member.value
        name: str = member.key
        if isinstance(node, JsonString):
            if node.value == "*":
                return Principal(anyone=True, entries=(), span=node.span)
            self.error(
                node.span,
                f'{name} must be "*" or an object such as {{"AWS": "arn:..."}}, '
                f"found {describe(node)}",
                'write {"AWS": "..."} for an account or ARN',
            )
            return None
        if not isinstance(node, JsonObject):
            self.error(node.span, f'{name} must be "*" or an object, found {describe(node)}')
            return None
        entries: list[PrincipalEntry] = []
        types = [t.value for t in PrincipalType]
        for entry_member in node.members:
            if entry_member.key not in types:
                self.error(
                    entry_member.key_span,
                    f'unknown principal type "{entry_member.key}"',
                    _case_hint(entry_member.key, types).replace("element names", "principal types"),
                )
                continue
            kind = PrincipalType(entry_member.key)
            for value_node in self.string_list(entry_member.value, f"{name} {kind.value}"):
                entry = self.principal_entry(kind, value_node)
                if entry is not None:
                    entries.append(entry)
        return Principal(anyone=False, entries=tuple(entries), span=node.span)

    def principal_entry(self, kind: PrincipalType, node: JsonString) -> PrincipalEntry | None:
        text = node.value
        value = Value(raw=text, text=text, parts=(Literal(text),), span=node.span)
        arn = parse_arn(text)
        canonical = text
        if kind is PrincipalType.AWS:
            if _ACCOUNT_ID.fullmatch(text):
                canonical = f"arn:aws:iam::{text}:root"
            elif unique_id_kind(text) is not None:
                pass  # a deleted user or role: kept as written, it names no caller
            elif text != "*" and arn is None:
                self.error(
                    node.span,
                    f"AWS principal {text!r} is neither an account ID nor an ARN",
                    'write a 12-digit account ID, an IAM ARN, an IAM unique ID or "*"',
                )
                return None
            elif text != "*" and ("*" in text or "?" in text):
                self.error(
                    node.span,
                    f"AWS principal {text!r} has a wildcard; "
                    "principals cannot be partial wildcards",
                    'use "*" with a condition on aws:PrincipalArn instead',
                )
                return None
        elif not text:
            self.error(node.span, f"{kind.value} principal is empty")
            return None
        return PrincipalEntry(type=kind, value=value, canonical=canonical, arn=arn)

    # --- actions, resources, values ---------------------------------------------------------

    def string_list(self, node: JsonNode, element: str) -> list[JsonString]:
        """A string or a list of strings, maybe empty (errors recorded, bad items skipped)."""
        if isinstance(node, JsonString):
            return [node]
        if isinstance(node, JsonArray):
            out: list[JsonString] = []
            for item in node.items:
                if isinstance(item, JsonString):
                    out.append(item)
                else:
                    self.error(
                        item.span, f"{element} entries must be strings, found {describe(item)}"
                    )
            return out
        self.error(
            node.span, f"{element} must be a string or a list of strings, found {describe(node)}"
        )
        return []

    def values(self, member: Any, element: str) -> tuple[Value, ...] | None:
        if member is None:
            return None
        out: list[Value] = []
        is_resource = element.endswith("Resource")
        for node in self.string_list(member.value, element):
            text = node.value
            if is_resource:
                if text != "*" and parse_arn(text) is None:
                    self.error(node.span, f'{element} {text!r} is neither "*" nor an ARN')
                    continue
                out.append(self.value(node, self.variables))
            else:
                if text != "*" and not _ACTION.fullmatch(text):
                    self.error(
                        node.span,
                        f"{element} {text!r} is not of the form service:Action",
                        'write e.g. "kms:Decrypt", "kms:*" or "*"',
                    )
                    continue
                out.append(Value(raw=text, text=text, parts=(Literal(text),), span=node.span))
        return tuple(out)

    def value(self, node: JsonString | JsonNumber | JsonBool, variables: bool) -> Value:
        if isinstance(node, JsonBool):
            text = "true" if node.value else "false"
            return Value(raw=node.value, text=text, parts=(Literal(text),), span=node.span)
        if isinstance(node, JsonNumber):
            return Value(raw=node.value, text=node.raw, parts=(Literal(node.raw),), span=node.span)
        text = node.value
        parts: tuple[Part, ...] = (Literal(text),)
        if variables and "${" in text:
            exact = node.raw == f'"{text}"'  # no JSON escapes: offsets map one to one
            try:
                parts = parse_template(text)
            except TemplateError as exc:
                span = (
                    self.source.span(
                        node.span.start + 1 + exc.offset, node.span.start + 3 + exc.offset
                    )
                    if exact
                    else node.span
                )
                self.error(
                    span, exc.message, "write ${*}, ${?} or ${$} for the characters themselves"
                )
            else:
                parts = tuple(self._place(part, node, exact) for part in parts)
        return Value(raw=text, text=text, parts=parts, span=node.span)

    def _place(self, part: Part, node: JsonString, exact: bool) -> Part:
        if not isinstance(part, Variable):
            return part
        if not exact:
            return replace(part, span=node.span)
        base = node.span.start + 1
        return replace(part, span=self.source.span(base + part.span.start, base + part.span.end))

    # --- conditions -------------------------------------------------------------------------

    def conditions(self, node: JsonNode) -> tuple[Condition, ...]:
        if not isinstance(node, JsonObject):
            self.error(node.span, f"Condition must be an object, found {describe(node)}")
            return ()
        out: list[Condition] = []
        for op_member in node.members:
            try:
                base, qualifier, if_exists = parse_operator(op_member.key)
            except UnknownOperatorError as exc:
                self.error(op_member.key_span, exc.problems[0].message, exc.problems[0].hint)
                continue
            block = op_member.value
            if not isinstance(block, JsonObject):
                self.error(
                    block.span,
                    f"the {op_member.key} block must be an object of condition keys, "
                    f"found {describe(block)}",
                )
                continue
            variables = self.variables and base.startswith(_VARIABLE_OPERATORS)
            for key_member in block.members:
                if ":" not in key_member.key:
                    self.error(
                        key_member.key_span,
                        f"condition key {key_member.key!r} has no service prefix",
                        'write e.g. "aws:SourceIp" or "kms:EncryptionContext:dept"',
                    )
                    continue
                values = self.condition_values(key_member.value, variables)
                if values is None:
                    continue
                out.append(
                    Condition(
                        operator=base,
                        set_qualifier=qualifier,
                        if_exists=if_exists,
                        key=key_member.key,
                        values=values,
                        operator_text=op_member.key,
                        span=_member_span(key_member.key_span, key_member.value),
                        key_span=key_member.key_span,
                    )
                )
        return tuple(out)

    def condition_values(self, node: JsonNode, variables: bool) -> tuple[Value, ...] | None:
        items: tuple[JsonNode, ...] = node.items if isinstance(node, JsonArray) else (node,)
        out: list[Value] = []
        ok = True
        for item in items:
            if isinstance(item, JsonString | JsonNumber | JsonBool):
                out.append(self.value(item, variables))
            else:
                self.error(
                    item.span,
                    "condition values must be strings, numbers or booleans, "
                    f"found {describe(item)}",
                )
                ok = False
        return tuple(out) if ok else None


def _build(
    node: JsonNode, kind: PolicyKind, source: Source, problems: list[Problem]
) -> PolicyDocument:
    builder = _Builder(source, kind)
    builder.problems.extend(problems)
    document = builder.document(node)
    if builder.problems or document is None:
        raise PolicySyntaxError(builder.problems, source.name)
    return document


def policy_from_node(
    node: JsonNode,
    kind: PolicyKind | str = PolicyKind.KEY,
    *,
    source_name: str = "<policy>",
    text: str | None = None,
) -> PolicyDocument:
    """IR from a positioned JSON tree (e.g. a policy embedded in a scenario file).

    ``text`` is the text the tree was parsed from: with it, problems carry excerpts and the
    policy's slice of it is checked against the size limit and character set of ``kind``.
    """
    kind = PolicyKind(kind)
    source = Source(text if text is not None else "", source_name)
    problems = (
        text_problems(source, kind, node.span.start, node.span.end) if text is not None else []
    )
    return _build(node, kind, source, problems)


def parse_policy(
    text: str | bytes,
    kind: PolicyKind | str = PolicyKind.KEY,
    *,
    source_name: str = "<policy>",
) -> PolicyDocument:
    """Parse a policy document of the given kind; PolicySyntaxError lists every problem."""
    kind = PolicyKind(kind)
    source = Source(decode_text(text, source_name), source_name)
    problems = text_problems(source, kind)
    node, json_problems = parse_json_source(source)
    problems.extend(json_problems)
    if node is None:
        raise PolicySyntaxError(problems, source_name)
    return _build(node, kind, source, problems)


def policy_from_obj(
    obj: dict[str, Any], kind: PolicyKind | str = PolicyKind.KEY, *, source_name: str = "<policy>"
) -> PolicyDocument:
    """IR from a policy already held as a Python dict. It is rendered to indented JSON text
    and parsed, so positions in problems refer to that rendering."""
    if not isinstance(obj, dict):
        raise TypeError(f"a policy object must be a dict, not {type(obj).__name__}")
    return parse_policy(
        json.dumps(obj, indent=2, ensure_ascii=False), kind, source_name=source_name
    )
