"""The compiler: policy IR into flat, typed objects the compiled evaluator walks.

Done once per policy document, never per request:

* actions become a mask over the catalogue's ``ACTIONS`` (``catalogue.action_mask``), and
  the masks are inverted into one tuple of candidate statements per action, so finding
  the statements for ``kms:Decrypt`` is one list index; statements that can never match
  (no Action/NotAction, no Resource/NotResource) are dropped;
* principals become frozensets of ARNs and service names;
* resources and ``StringLike``/``Arn*`` values become ``Glob`` matchers;
* condition values are parsed by the reference parsers and stored comparable: dates as
  microseconds since the epoch, CIDRs as (version, network, mask) integers, numbers as
  ``Decimal``, equality operands as frozensets; a value that cannot be parsed is kept as
  the reference's error message, so the statement fails closed the same way;
* values with policy variables keep a ``Template`` and are finished per request.
"""

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject

from datetime import UTC, datetime, timedelta
import ipaddress
import sys

from kmspolicy._fast._glob cimport Glob, glob_from_pieces
from kmspolicy.engine.context import MULTI_VALUED_KEYS
from kmspolicy.engine.operators import OPERATORS, OperandError, ValueType, glob_regex, parse_policy_value
from kmspolicy.language.catalogue import ACTION_INDEX, ACTIONS, action_mask
from kmspolicy.language.ir import Effect, Escape, Literal, PolicyDocument, PrincipalType, SetQualifier

_KIND = {
    ValueType.STRING: V_STRING,
    ValueType.STRING_IGNORE_CASE: V_STRING_IGNORE_CASE,
    ValueType.GLOB: V_GLOB,
    ValueType.NUMBER: V_NUMBER,
    ValueType.DATE: V_DATE,
    ValueType.BOOL: V_BOOL,
    ValueType.BINARY: V_BINARY,
    ValueType.IP: V_IP,
    ValueType.ARN: V_ARN,
    ValueType.NULL: V_NULL,
}
_ORDER = {"lessthan": C_LT, "lessthanequals": C_LE, "greaterthan": C_GT,
          "greaterthanequals": C_GE}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_intern = sys.intern


cdef frozenset _MULTI_VALUED = MULTI_VALUED_KEYS


cdef class Template:
    cdef tuple substitute(self, dict values):
        """(text, is_pattern) pieces with variables replaced from the context view
        ``values``, or None when one cannot be resolved (as ``reference.substitute``)."""
        cdef list pieces = []
        cdef tuple part
        cdef PyObject* found
        for part in self.parts:
            tag = part[0]
            if tag == 0:
                pieces.append((part[1], True))
            elif tag == 1:
                pieces.append((part[1], False))
            else:
                key = part[1]
                found = PyDict_GetItem(values, key)
                if (
                    found is not NULL
                    and len(<tuple>found) == 1
                    and key not in _MULTI_VALUED
                ):
                    pieces.append(((<tuple>found)[0], False))
                elif part[2] is not None:
                    pieces.append((part[2], False))
                else:
                    return None
        return tuple(pieces)


cdef class Address:
    cdef bint within(self, Address network) noexcept:
        """``ipaddress``'s ``address in network`` for an address of the same version."""
        return (
            self.version == network.version
            and (self.high & network.mask_high) == network.high
            and (self.low & network.mask_low) == network.low
        )


cdef unsigned long long _LOW = 0xFFFFFFFFFFFFFFFF


cdef Address address(object parsed):
    """An Address from an ``ipaddress`` address or network."""
    cdef Address a = Address.__new__(Address)
    a.version = parsed.version
    if hasattr(parsed, "network_address"):
        value, mask = int(parsed.network_address), int(parsed.netmask)
    else:
        value, mask = int(parsed), (1 << parsed.max_prefixlen) - 1
    a.high, a.low = value >> 64, value & _LOW
    a.mask_high, a.mask_low = mask >> 64, mask & _LOW
    return a


cdef class Failure:
    def __init__(self, str message):
        self.message = message


def _template(value) -> Template:
    cdef Template template = Template.__new__(Template)
    parts = []
    for part in value.parts:
        if isinstance(part, Literal):
            parts.append((0, part.text))
        elif isinstance(part, Escape):
            parts.append((1, part.char))
        else:
            parts.append((2, _intern(part.key.lower()), part.default))
    template.parts = tuple(parts)
    return template


def _static_pieces(value) -> tuple:
    """The pieces of a value without variables (literal text keeps its wildcards)."""
    return tuple(
        (part.text, True) if isinstance(part, Literal) else (part.char, False)
        for part in value.parts
    )


def _arn_segments(tuple pieces) -> tuple:
    """Pieces split at the first five colons, one Glob per ARN segment (the caller has
    checked with the reference parser that there are six)."""
    segments = [[]]
    for text, is_pattern in pieces:
        for i, part in enumerate(text.split(":")):
            if i and len(segments) < 6:
                segments.append([])
            elif i:
                segments[len(segments) - 1].append((":", False))
            segments[len(segments) - 1].append((part, is_pattern))
    return tuple(glob_from_pieces(tuple(segment)) for segment in segments)


cdef object convert_policy_value(int kind, object spec, object value):
    """A policy value (text, or pieces after substitution) in comparable form; a Failure
    carries the reference parser's message."""
    cdef tuple pieces
    try:
        parsed = parse_policy_value(spec, value)
    except OperandError as exc:
        return Failure(str(exc))
    if kind == V_GLOB:
        pieces = ((value, True),) if isinstance(value, str) else value
        return glob_from_pieces(pieces)
    if kind == V_ARN:
        pieces = ((value, True),) if isinstance(value, str) else value
        return _arn_segments(pieces)
    if kind == V_DATE:
        return (parsed - _EPOCH) // _MICROSECOND
    if kind == V_IP:
        return address(parsed)
    return parsed


cdef CCondition _compile_condition(condition):
    cdef CCondition c = CCondition.__new__(CCondition)
    c.key = _intern(condition.key.lower())
    c.prefix = f"condition {condition.operator_text} on {condition.key}: "
    c.if_exists = condition.if_exists
    c.qualifier = (
        Q_FOR_ALL_VALUES if condition.set_qualifier is SetQualifier.FOR_ALL_VALUES
        else Q_FOR_ANY_VALUE if condition.set_qualifier is SetQualifier.FOR_ANY_VALUE
        else Q_NONE
    )
    c.operands = ()
    c.entries = None
    spec = OPERATORS.get(condition.operator.lower())
    if spec is None:
        c.error = f"unknown condition operator {condition.operator_text!r}"
        return c
    c.spec = spec
    c.kind = _KIND[spec.type]
    c.negated = spec.negated
    if not condition.values and (
        spec.negated
        or condition.operator == "Null"
        or not (condition.if_exists or condition.set_qualifier is not None)
    ):
        # Only a positive ForAllValues/ForAnyValue/IfExists test has a documented meaning
        # with no values (reference._empty_values_documented).
        c.error = f"condition {condition.operator_text} on {condition.key} has no values"
        return c
    base = condition.operator.lower()
    if c.kind == V_GLOB:
        c.compare = C_GLOB
    elif c.kind == V_IP:
        c.compare = C_IP
    elif c.kind == V_ARN:
        c.compare = C_ARN
    elif c.kind in (V_NUMBER, V_DATE):
        c.compare = _ORDER.get(base[7:] if base.startswith("numeric") else base[4:], C_EQ)
    else:
        c.compare = C_EQ
    entries = []
    dynamic = False
    for value in condition.values:
        if spec.variables and value.has_variables:
            entries.append(_template(value))
            dynamic = True
        else:
            source = _static_pieces(value) if spec.variables else value.text
            entries.append(convert_policy_value(c.kind, spec, source))
    if dynamic:
        c.entries = tuple(entries)
        return c
    for entry in entries:
        if isinstance(entry, Failure):
            c.error = c.prefix + (<Failure>entry).message
            return c
    if c.kind == V_NULL:
        c.null_true = "true" in entries
        c.null_false = "false" in entries
    elif c.compare == C_EQ:
        c.opset = frozenset(entries)
        if len(c.opset) == 1 and type(entries[0]) is str:
            c.single = entries[0]
    else:
        c.operands = tuple(entries)
    return c


cdef CStatement _compile_statement(statement):
    cdef CStatement s = CStatement.__new__(CStatement)
    s.index = statement.index
    s.sid = statement.sid
    s.deny = statement.effect is Effect.DENY
    s.effect = statement.effect.value
    s.span = statement.span
    s.reasons = {}
    principal = statement.principal
    s.principal_mode = P_PRINCIPAL
    if principal is None:
        principal = statement.not_principal
        s.principal_mode = P_NONE if principal is None else P_NOT_PRINCIPAL
    aws = set()
    services = set()
    if principal is not None:
        s.anyone = principal.anyone
        for entry in principal.entries:
            if entry.type is PrincipalType.AWS:
                if entry.canonical == "*":
                    s.aws_star = True
                aws.add(entry.canonical)
            elif entry.type is PrincipalType.SERVICE:
                services.add(entry.canonical)
    s.aws_names = frozenset(aws)
    s.service_names = frozenset(services)
    s.not_action = statement.action is None
    s.action_patterns = tuple(
        v.text for v in (statement.action if statement.action is not None else statement.not_action)
    )
    s.not_resource = statement.resource is None
    patterns = statement.resource if statement.resource is not None else statement.not_resource
    s.resources = tuple(
        _template(v) if v.has_variables else glob_from_pieces(_static_pieces(v))
        for v in patterns
    )
    s.conditions = tuple(_compile_condition(c) for c in statement.conditions)
    # An empty Not-list excludes nothing: the statement matches, but what AWS means by it
    # is undocumented, so it is unevaluable (reference._empty_negation).
    if principal is not None and s.principal_mode == P_NOT_PRINCIPAL and not (
        principal.anyone or principal.entries
    ):
        s.empty_negation = "NotPrincipal names no principals"
    elif statement.not_action == ():
        s.empty_negation = "NotAction is an empty list"
    elif statement.not_resource == ():
        s.empty_negation = "NotResource is an empty list"
    return s


cdef class CompiledPolicy:
    """A policy document compiled for the compiled evaluator (immutable)."""

    def __repr__(self) -> str:
        return f"<CompiledPolicy {len(self.statements)} statements>"

    @property
    def statement_count(self) -> int:
        return len(self.statements)

    cdef tuple for_action(self, Py_ssize_t position, str action):
        """The statements whose Action/NotAction admits ``action`` (lowercased), in order."""
        if position >= 0:
            return <tuple>self.by_action[position]
        found = self.other_actions.get(action)
        if found is None:
            found = tuple(
                s for s in self.statements
                if (<CStatement>s).not_action != any(
                    glob_regex(p, True).fullmatch(action) is not None
                    for p in (<CStatement>s).action_patterns
                )
            )
            if len(self.other_actions) < 256:
                self.other_actions[action] = found
        return <tuple>found


def compile_policy(document: PolicyDocument) -> CompiledPolicy:
    """Compile ``document`` (any policy kind) for ``kmspolicy._fast._evaluator.evaluate``."""
    cdef CompiledPolicy policy = CompiledPolicy.__new__(CompiledPolicy)
    cdef CStatement s
    cdef unsigned long long mask
    policy.document = document
    statements = []
    masks = []
    for statement in document.statements:
        patterns = statement.action if statement.action is not None else statement.not_action
        targets = statement.resource if statement.resource is not None else statement.not_resource
        if patterns is None or targets is None:
            continue  # the reference never matches such a statement
        mask = 0
        for value in patterns:
            mask |= action_mask(value.text)
        if statement.action is None:
            mask = ~mask
        statements.append(_compile_statement(statement))
        masks.append(mask)
    policy.statements = tuple(statements)
    policy.by_action = [
        tuple(s for s, m in zip(statements, masks) if (<unsigned long long>m >> bit) & 1)
        for bit in range(len(ACTIONS))
    ]
    policy.other_actions = {}
    return policy
