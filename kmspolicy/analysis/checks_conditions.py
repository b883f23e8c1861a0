"""Checks on Condition blocks: keys, operators, values and their combinations."""

from __future__ import annotations

import base64
import binascii
import difflib
import ipaddress
import re
from collections.abc import Callable, Iterator
from datetime import datetime

from kmspolicy.analysis._facts import allows, kms_actions
from kmspolicy.analysis.findings import FindingType
from kmspolicy.analysis.rules import Hit, Origin, PolicyContext, hit, policy_rule
from kmspolicy.language import catalogue
from kmspolicy.language.catalogue import ConditionKeyInfo, ConditionKeyType
from kmspolicy.language.ir import (
    Condition,
    Literal,
    PolicyKind,
    SetQualifier,
    Statement,
    Value,
)

_T = ConditionKeyType
# Which key types each operator family compares. String operators also work on ARN keys
# (IAM compares the text), and Null works on every key.
_FAMILY_TYPES: dict[str, frozenset[ConditionKeyType]] = {
    "String": frozenset({_T.STRING, _T.ARRAY_OF_STRING, _T.ARN}),
    "Numeric": frozenset({_T.NUMERIC}),
    "Date": frozenset({_T.DATE}),
    "Bool": frozenset({_T.BOOL}),
    "Binary": frozenset({_T.BINARY}),
    "IpAddress": frozenset({_T.IP_ADDRESS}),
    # ARN operators match ARN-shaped text in string keys too (the KMS guide matches
    # kms:EncryptionContext:aws:logs:arn with ArnLike).
    "Arn": frozenset({_T.ARN, _T.STRING, _T.ARRAY_OF_STRING}),
}
# Keys whose documented use takes another operator family as well: the KMS guide compares
# kms:ValidTo (epoch seconds) with Numeric operators.
_ALSO_ACCEPTS = {"kms:validto": frozenset({"Numeric"})}
_FAMILY_FOR_TYPE = {
    _T.STRING: "String",
    _T.ARRAY_OF_STRING: "String",
    _T.ARN: "Arn",
    _T.NUMERIC: "Numeric",
    _T.DATE: "Date",
    _T.BOOL: "Bool",
    _T.BINARY: "BinaryEquals",
    _T.IP_ADDRESS: "IpAddress",
}
_DEPRECATED_GLOBAL = {"aws:arn": "aws:PrincipalArn or aws:SourceArn"}
_KMS_KEY_NAMES = tuple(k.name for k in catalogue.CONDITION_KEYS if k.name.startswith("kms:"))
_PRIVATE_NETS = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "fc00::/7")
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_EPOCH = re.compile(r"^\d+$")
_VIA_SERVICE = re.compile(r"^[a-z0-9-]+\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$")
_VIA_SERVICE_LIKE = re.compile(r"^[a-z0-9*?-]+\.[a-z0-9*?-]+\.amazonaws\.com(\.cn)?$")


def family(op: str) -> str:
    """``StringNotEqualsIgnoreCase`` → ``String``; ``NotIpAddress`` → ``IpAddress``."""
    if op in ("IpAddress", "NotIpAddress"):
        return "IpAddress"
    if op == "BinaryEquals":
        return "Binary"
    for prefix in ("String", "Numeric", "Date", "Bool", "Arn", "Null"):
        if op.startswith(prefix):
            return prefix
    return op


def _conditions(ctx: PolicyContext) -> Iterator[tuple[Statement, Condition]]:
    for stmt in ctx.doc.statements:
        for cond in stmt.conditions:
            yield stmt, cond


def _plain(v: Value) -> bool:
    """A value with no policy variable (and no unexpanded ``${`` text)."""
    return not v.has_variables and "${" not in v.text


def _info(cond: Condition) -> ConditionKeyInfo | None:
    return catalogue.lookup_condition_key(cond.key)


@policy_rule(
    "INVALID_CONDITION_KEY_FORMAT",
    FindingType.ERROR,
    "Invalid condition key format",
    """A condition key is written service:name (kms:CallerAccount, aws:SourceIp).
    Correct the key.""",
)
def invalid_condition_key_format(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        service, sep, name = cond.key.partition(":")
        if not sep or not service or not name:
            yield hit(f"'{cond.key}' is not a condition key (service:name).", cond.key_span)


@policy_rule(
    "INVALID_GLOBAL_CONDITION_KEY",
    FindingType.ERROR,
    "Invalid global condition key",
    """The aws: condition key does not exist, so the condition never sees a value.
    Correct the key name (see the IAM global condition context keys).""",
)
def invalid_global_condition_key(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        lowered = cond.key.lower()
        if lowered.startswith("aws:") and lowered not in _DEPRECATED_GLOBAL and _info(cond) is None:
            yield hit(f"{cond.key} is not a global condition key.", cond.key_span)


@policy_rule(
    "INVALID_SERVICE_CONDITION_KEY",
    FindingType.ERROR,
    "Invalid service condition key",
    """The kms: condition key does not exist, so the condition never sees a value.
    Correct the key name (see the AWS KMS condition keys).""",
)
def invalid_service_condition_key(ctx: PolicyContext) -> Iterator[Hit]:
    lowered_names = {n.lower(): n for n in _KMS_KEY_NAMES}
    for _, cond in _conditions(ctx):
        if cond.key.lower().startswith("kms:") and _info(cond) is None:
            close = difflib.get_close_matches(cond.key.lower(), list(lowered_names), n=1)
            hint = f" Did you mean {lowered_names[close[0]]}?" if close else ""
            yield hit(f"{cond.key} is not a KMS condition key.{hint}", cond.key_span)


@policy_rule(
    "DEPRECATED_GLOBAL_CONDITION_KEY",
    FindingType.WARNING,
    "Deprecated global condition key",
    """The global condition key is deprecated. Use aws:PrincipalArn (who calls) or
    aws:SourceArn (on whose behalf a service calls) instead.""",
)
def deprecated_global_condition_key(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        replacement = _DEPRECATED_GLOBAL.get(cond.key.lower())
        if replacement:
            yield hit(f"{cond.key} is deprecated; use {replacement}.", cond.key_span)


@policy_rule(
    "DEPRECATED_SERVICE_CONDITION_KEY",
    FindingType.WARNING,
    "Deprecated KMS condition key",
    """KMS replaced this condition key with a new one that covers every key type. Use the
    replacement key; the old one remains only for existing policies.""",
    origin=Origin.KMSPOLICY,
)
def deprecated_service_condition_key(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        if info is not None and info.replaced_by:
            yield hit(f"{cond.key} is deprecated; use {info.replaced_by}.", cond.key_span)


@policy_rule(
    "TYPE_MISMATCH",
    FindingType.WARNING,
    "Type mismatch",
    """The condition operator compares a different type than the key holds (a Numeric
    operator on a string key, Bool on a date...). Use an operator of the key's type.""",
)
def type_mismatch(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        fam = family(cond.operator)
        if info is None or fam == "Null" or fam not in _FAMILY_TYPES:
            continue
        if info.type not in _FAMILY_TYPES[fam] and fam not in _ALSO_ACCEPTS.get(
            info.name.lower(), frozenset()
        ):
            yield hit(
                f"{cond.operator_text} compares {fam} values, but {cond.key} is of type "
                f"{info.type.value}; use a {_FAMILY_FOR_TYPE[info.type]} operator.",
                cond.span,
            )


def _bad_values(
    ctx: PolicyContext, families: set[str], valid: Callable[[str], bool]
) -> Iterator[tuple[Condition, Value]]:
    """Values (without variables) of operators in ``families`` that ``valid`` rejects."""
    for _, cond in _conditions(ctx):
        if family(cond.operator) in families:
            for v in cond.values:
                if _plain(v) and not valid(v.text):
                    yield cond, v


def _is_bool(text: str) -> bool:
    return text.lower() in ("true", "false")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    if _EPOCH.match(text):
        return True
    if not _ISO_DATE.match(text):
        return False
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_network(text: str) -> bool:
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return True


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


@policy_rule(
    "TYPE_MISMATCH_BOOLEAN",
    FindingType.WARNING,
    "Type mismatch Boolean",
    """Bool and Null compare the values true and false. Write true or false.""",
)
def type_mismatch_boolean(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, v in _bad_values(ctx, {"Bool", "Null"}, _is_bool):
        yield hit(f"{cond.operator_text} needs true or false, not '{v.text}'.", v.span)


@policy_rule(
    "TYPE_MISMATCH_NUMBER",
    FindingType.WARNING,
    "Type mismatch number",
    """Numeric operators compare numbers. Write the value as a number.""",
)
def type_mismatch_number(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, v in _bad_values(ctx, {"Numeric"}, _is_number):
        yield hit(f"{cond.operator_text} needs a number, not '{v.text}'.", v.span)


@policy_rule(
    "TYPE_MISMATCH_DATE",
    FindingType.WARNING,
    "Type mismatch date",
    """Date operators compare ISO 8601 dates (2026-06-01 or 2026-06-01T12:00:00Z).
    Write the value in that form.""",
)
def type_mismatch_date(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, v in _bad_values(ctx, {"Date"}, _is_date):
        yield hit(f"{cond.operator_text} needs a date, not '{v.text}'.", v.span)


@policy_rule(
    "TYPE_MISMATCH_IP_RANGE",
    FindingType.WARNING,
    "Type mismatch IP range",
    """IpAddress and NotIpAddress compare IP addresses or CIDR ranges (203.0.113.0/24,
    2001:db8::/32). Write the value in CIDR form.""",
)
def type_mismatch_ip_range(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, v in _bad_values(ctx, {"IpAddress"}, _is_network):
        yield hit(f"{cond.operator_text} needs an IP range, not '{v.text}'.", v.span)


@policy_rule(
    "TYPE_MISMATCH_STRING",
    FindingType.WARNING,
    "Type mismatch string",
    """BinaryEquals compares base64-encoded bytes. Write the value in base64.""",
)
def type_mismatch_string(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, v in _bad_values(ctx, {"Binary"}, _is_base64):
        yield hit(f"{cond.operator_text} needs a base64 string, not '{v.text}'.", v.span)


@policy_rule(
    "INVALID_DATE_VALUE",
    FindingType.WARNING,
    "Invalid date value",
    """A date written as epoch seconds may not resolve to the moment you expect. Write
    it in ISO 8601 form (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).""",
)
def invalid_date_value(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        if family(cond.operator) != "Date" or (info is not None and info.name == "aws:EpochTime"):
            continue
        for v in cond.values:
            if _plain(v) and _EPOCH.match(v.text):
                yield hit(f"'{v.text}' is an epoch time; write the date in ISO 8601.", v.span)


@policy_rule(
    "IMPROVE_IP_RANGE",
    FindingType.SUGGESTION,
    "Improve IP range",
    """Bits of the address after the prefix length are ignored. Write the network
    address, as the message shows.""",
)
def improve_ip_range(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if family(cond.operator) != "IpAddress":
            continue
        for v in cond.values:
            if not _plain(v) or not _is_network(v.text) or "/" not in v.text:
                continue
            net = ipaddress.ip_network(v.text, strict=False)
            if str(net) != v.text and ipaddress.ip_interface(v.text).ip != net.network_address:
                yield hit(f"'{v.text}' has host bits set; write {net}.", v.span)


def _private(text: str) -> bool | None:
    if not _is_network(text):
        return None
    net = ipaddress.ip_network(text, strict=False)
    return any(net.version == p.version and net.subnet_of(p) for p in _PRIVATE_NETS)  # type: ignore[arg-type]


def _source_ip_privacy(
    ctx: PolicyContext, operator: str
) -> Iterator[tuple[Condition, list[Value]]]:
    for _, cond in _conditions(ctx):
        if cond.key.lower() != "aws:sourceip" or cond.operator != operator:
            continue
        flags = [(v, _private(v.text)) for v in cond.values if _plain(v)]
        private = [v for v, p in flags if p]
        if private:
            yield cond, private


@policy_rule(
    "PRIVATE_IP_ADDRESS",
    FindingType.ERROR,
    "Private IP address",
    """aws:SourceIp holds public addresses only; requests from private networks arrive
    through a VPC endpoint and carry aws:VpcSourceIp instead. Use aws:VpcSourceIp (with
    aws:SourceVpc or aws:SourceVpce) for private ranges.""",
)
def private_ip_address(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, private in _source_ip_privacy(ctx, "IpAddress"):
        if len(private) == len(cond.values):
            yield hit(
                "aws:SourceIp is compared with private addresses only; it never holds one.",
                cond.span,
            )


@policy_rule(
    "PRIVATE_IP_ADDRESS_SUBSET",
    FindingType.SUGGESTION,
    "Private IP address subset",
    """aws:SourceIp holds public addresses only, so the private ranges in this list have
    no effect. Remove them, or match them with aws:VpcSourceIp in another statement.""",
)
def private_ip_address_subset(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, private in _source_ip_privacy(ctx, "IpAddress"):
        if len(private) < len(cond.values):
            for v in private:
                yield hit(f"'{v.text}' is private; aws:SourceIp never holds it.", v.span)


@policy_rule(
    "PRIVATE_NOT_IP_ADDRESS",
    FindingType.ERROR,
    "Private NotIpAddress",
    """aws:SourceIp holds public addresses only, so NotIpAddress with private ranges only
    matches every request that has the key (and, being negated, every request without
    it). Use aws:VpcSourceIp for private ranges.""",
)
def private_not_ip_address(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, private in _source_ip_privacy(ctx, "NotIpAddress"):
        if len(private) == len(cond.values):
            yield hit(
                "NotIpAddress on aws:SourceIp lists private addresses only; it matches "
                "every request.",
                cond.span,
            )


@policy_rule(
    "PRIVATE_NOT_IP_ADDRESS_SUBSET",
    FindingType.SUGGESTION,
    "Private NotIpAddress subset",
    """aws:SourceIp holds public addresses only, so the private ranges in this
    NotIpAddress list have no effect. Remove them, or exclude them with aws:VpcSourceIp in
    another statement.""",
)
def private_not_ip_address_subset(ctx: PolicyContext) -> Iterator[Hit]:
    for cond, private in _source_ip_privacy(ctx, "NotIpAddress"):
        if len(private) < len(cond.values):
            for v in private:
                yield hit(f"'{v.text}' is private; aws:SourceIp never holds it.", v.span)


@policy_rule(
    "NULL_WITH_QUALIFIER",
    FindingType.SUGGESTION,
    "Null with qualifier",
    """With ForAllValues, Null is always true; with ForAnyValue, always false. Use Null
    without a set qualifier.""",
)
def null_with_qualifier(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if cond.operator == "Null" and cond.set_qualifier is not None:
            yield hit(f"{cond.operator_text}: a set qualifier makes Null constant.", cond.span)


@policy_rule(
    "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
    FindingType.SECURITY_WARNING,
    "ForAllValues with single valued key",
    """ForAllValues is true when the request has no value for the key, so on a key that
    holds a single value it can allow requests that lack it. Remove ForAllValues:.""",
)
def forallvalues_single_valued(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        if cond.set_qualifier is not SetQualifier.FOR_ALL_VALUES or info is None:
            continue
        if info.multivalued or (ctx.kind is PolicyKind.KEY and _rejected_by_kms(info)):
            continue
        yield hit(f"{cond.key} holds a single value; ForAllValues is vacuous.", cond.span)


def _rejected_by_kms(info: ConditionKeyInfo) -> bool:
    return info.name in ("kms:EncryptionContext:", "aws:RequestTag/")


@policy_rule(
    "OVERLY_PERMISSIVE_CONDITION",
    FindingType.ERROR,
    "ForAllValues on an encryption-context or request-tag key",
    """KMS rejects a key policy that applies ForAllValues to kms:EncryptionContext:<key>
    or aws:RequestTag/<key> (error OverlyPermissiveCondition), since those keys hold one
    value. Remove ForAllValues:, or use kms:EncryptionContextKeys / aws:TagKeys.""",
    origin=Origin.KMSPOLICY,
    kinds=(PolicyKind.KEY,),
)
def overly_permissive_condition(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        if cond.set_qualifier is SetQualifier.FOR_ALL_VALUES and info and _rejected_by_kms(info):
            yield hit(f"KMS rejects this key policy: ForAllValues with {cond.key}.", cond.span)


# Multivalued keys that are never empty when present: CreateGrant requires Operations.
_ALWAYS_PRESENT = ("kms:grantoperations",)


@policy_rule(
    "FORALLVALUES_WITH_ALLOW",
    FindingType.SECURITY_WARNING,
    "ForAllValues in an Allow without a Null check",
    """In an Allow, ForAllValues is true when the request has no value for the key (an
    empty set), so requests without the key are allowed. Add "Null": {"<key>": "false"}
    to the same statement, or use ForAnyValue.""",
    origin=Origin.KMSPOLICY,
)
def forallvalues_with_allow(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if not allows(stmt):
            continue
        guarded = set(_ALWAYS_PRESENT) | {
            c.key.lower()
            for c in stmt.conditions
            if c.operator == "Null"
            and c.set_qualifier is None
            and all(v.text.lower() == "false" for v in c.values)
        }
        # A positive condition on one kms:EncryptionContext:<k> key means the context
        # is not empty, so kms:EncryptionContextKeys has at least that key.
        if any(
            c.key.lower().startswith("kms:encryptioncontext:")
            and c.set_qualifier is None
            and not c.if_exists
            and c.operator in ("StringEquals", "StringEqualsIgnoreCase", "StringLike")
            for c in stmt.conditions
        ):
            guarded.add("kms:encryptioncontextkeys")
        for cond in stmt.conditions:
            info = _info(cond)
            if (
                cond.set_qualifier is SetQualifier.FOR_ALL_VALUES
                and cond.operator != "Null"
                and info is not None
                and info.multivalued
                and cond.key.lower() not in guarded
            ):
                yield hit(
                    f"ForAllValues on {cond.key} also allows requests with no {cond.key}.",
                    cond.span,
                )


@policy_rule(
    "WILDCARD_WITHOUT_LIKE_OPERATOR",
    FindingType.WARNING,
    "Wildcard without like operator",
    """The value holds * or ?, which only StringLike and StringNotLike treat as
    wildcards; StringEquals compares them literally. Use the Like operator if a wildcard
    was meant.""",
)
def wildcard_without_like(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if family(cond.operator) != "String" or "Like" in cond.operator:
            continue
        for v in cond.values:
            literal = "".join(p.text for p in v.parts if isinstance(p, Literal))
            if "*" in literal or "?" in literal:
                yield hit(
                    f"'{v.text}' holds a wildcard, but {cond.operator_text} does not match "
                    "wildcards.",
                    v.span,
                )


@policy_rule(
    "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
    FindingType.ERROR,
    "Duplicate keys with different case",
    """Condition key names ignore case, so these are the same key twice under one
    operator. Merge them into one entry.""",
)
def duplicate_keys_different_case(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        seen: dict[tuple[str, str], Condition] = {}
        for cond in stmt.conditions:
            slot = (cond.operator_text, cond.key.lower())
            first = seen.setdefault(slot, cond)
            if first is not cond and first.key != cond.key:
                yield hit(
                    f"{cond.key} repeats {first.key} under {cond.operator_text}.",
                    cond.key_span,
                    first.key_span,
                )


@policy_rule(
    "INVALID_CONDITION_MULTIPLE_BOOLEAN",
    FindingType.ERROR,
    "Invalid condition multiple Boolean",
    """A Boolean key holds one value, so listing both true and false makes the condition
    always true. Keep a single value.""",
)
def invalid_condition_multiple_boolean(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if cond.operator == "Bool" and len({v.text.lower() for v in cond.values}) > 1:
            yield hit(f"{cond.key} is compared with several Boolean values.", cond.span)


@policy_rule(
    "REDUNDANT_CONDITION_VALUE_NUM",
    FindingType.SUGGESTION,
    "Redundant condition value num",
    """Of several bounds for one key, only the loosest counts. Keep the single greatest
    (LessThan) or least (GreaterThan) value.""",
)
def redundant_condition_value_num(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        op = cond.operator
        if not op.startswith(("NumericLessThan", "NumericGreaterThan")) or len(cond.values) < 2:
            continue
        if all(_plain(v) and _is_number(v.text) for v in cond.values):
            yield hit(
                f"{cond.key} has {len(cond.values)} bounds under {cond.operator_text}; "
                "one is enough.",
                cond.span,
            )


@policy_rule(
    "INVALID_VARIABLE_FOR_OPERATOR",
    FindingType.ERROR,
    "Invalid variable for operator",
    """Policy variables are substituted only in String, ARN and Bool operator values.
    Remove the variable or change the operator.""",
)
def invalid_variable_for_operator(ctx: PolicyContext) -> Iterator[Hit]:
    if not ctx.doc.variables_enabled:
        return  # without variables ${...} is literal text everywhere
    for _, cond in _conditions(ctx):
        if family(cond.operator) in ("String", "Arn", "Bool"):
            continue
        for v in cond.values:
            if "${" in v.text:
                yield hit(f"{cond.operator_text} does not substitute policy variables.", v.span)


@policy_rule(
    "CONDITION_KEY_NOT_APPLICABLE",
    FindingType.WARNING,
    "Condition key absent for the statement's actions",
    """KMS sets this condition key only for other actions, so for the actions of this
    statement the key is always missing: a positive condition never matches and a
    negated one always does. Move the condition to a statement with actions that carry
    the key.""",
    origin=Origin.KMSPOLICY,
)
def condition_key_not_applicable(ctx: PolicyContext) -> Iterator[Hit]:
    for stmt in ctx.doc.statements:
        if stmt.action is None or any(not v.text.lower().startswith("kms:") for v in stmt.action):
            continue
        actions = {a.split(":", 1)[1] for a in kms_actions(stmt)}
        if not actions:
            continue
        for cond in stmt.conditions:
            info = _info(cond)
            if info is None or info.actions is None or cond.operator == "Null":
                continue
            if actions.isdisjoint(info.actions):
                yield hit(f"None of this statement's actions carries {cond.key}.", cond.key_span)


@policy_rule(
    "KEY_POLICY_UNSUPPORTED_CONDITION_KEY",
    FindingType.WARNING,
    "Condition key KMS ignores in key policies",
    """KMS evaluates this condition key only in IAM policies; in a key policy it is never
    present. Move the condition to an IAM policy.""",
    origin=Origin.KMSPOLICY,
    kinds=(PolicyKind.KEY,),
)
def key_policy_unsupported_condition_key(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        info = _info(cond)
        if info is not None and not info.in_key_policies:
            yield hit(f"{cond.key} is not evaluated in key policies.", cond.key_span)


@policy_rule(
    "INVALID_VIA_SERVICE_VALUE",
    FindingType.WARNING,
    "kms:ViaService value not a service endpoint",
    """kms:ViaService holds the endpoint name of the AWS service that called KMS on the
    caller's behalf, <service>.<region>.amazonaws.com (ec2.us-east-1.amazonaws.com). Write
    the value in that form; use StringLike for wildcards.""",
    origin=Origin.KMSPOLICY,
)
def invalid_via_service_value(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if cond.key.lower() != "kms:viaservice" or family(cond.operator) != "String":
            continue
        pattern = _VIA_SERVICE_LIKE if "Like" in cond.operator else _VIA_SERVICE
        for v in cond.values:
            if _plain(v) and not pattern.match(v.text):
                yield hit(f"'{v.text}' is not a service endpoint name.", v.span)


@policy_rule(
    "INVALID_CALLER_ACCOUNT_VALUE",
    FindingType.ERROR,
    "kms:CallerAccount value not an account ID",
    """kms:CallerAccount holds the caller's 12-digit AWS account ID, so any other value
    never matches. Write the account ID.""",
    origin=Origin.KMSPOLICY,
)
def invalid_caller_account_value(ctx: PolicyContext) -> Iterator[Hit]:
    for _, cond in _conditions(ctx):
        if cond.key.lower() != "kms:calleraccount" or family(cond.operator) != "String":
            continue
        like = "Like" in cond.operator
        for v in cond.values:
            text = v.text
            if not _plain(v) or (like and ("*" in text or "?" in text)):
                continue
            if not (text.isdigit() and len(text) == 12):
                yield hit(f"'{text}' is not a 12-digit account ID.", v.span)
