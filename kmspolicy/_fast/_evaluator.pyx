"""The compiled evaluator: ``compile_policy`` and ``evaluate`` with the reference's meaning.

``kmspolicy.engine.reference`` is the specification; this module finds the same matches
over the compiled form (``kmspolicy._fast._compiled``) with C-level loops: the statements
for the request's action come from a per-action index, principals are set lookups,
resources and globs are matched by ``Glob``, and request values that need parsing (dates,
numbers, addresses, ARNs…) are parsed once and cached. Decisions are combined by the rules
of ``kmspolicy.engine.combine``: an explicit Deny or an Allow is decided here; every other
outcome (the implicit denies, with their "Missing" reasons) is handed to
``combine.combine`` itself, so its reasons are produced by one piece of code.
"""

cimport cython
from cpython.dict cimport PyDict_GetItemWithError
from cpython.object cimport PyObject, PyObject_RichCompareBool, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT
from cpython.ref cimport Py_INCREF
from cpython.set cimport PySet_Contains
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM

from kmspolicy._fast._compiled cimport (
    Address,
    CCondition,
    CompiledPolicy,
    address,
    CStatement,
    Failure,
    Template,
    convert_policy_value,
    C_EQ, C_LT, C_LE, C_GT, C_GE, C_GLOB, C_IP, C_ARN,
    P_PRINCIPAL, P_NOT_PRINCIPAL,
    Q_NONE, Q_FOR_ALL_VALUES, Q_FOR_ANY_VALUE,
    V_STRING, V_STRING_IGNORE_CASE, V_GLOB, V_NUMBER, V_DATE, V_BOOL, V_BINARY, V_IP, V_ARN,
    V_NULL,
)
from kmspolicy._fast._glob cimport Glob, glob_from_pieces
from kmspolicy._fast._slots cimport _new_object, get_slot, init_slot, slot_offset

from dataclasses import fields
from datetime import UTC, datetime, timedelta

from kmspolicy._fast._compiled import compile_policy
from kmspolicy.engine.combine import Facts, GrantUse, MatchKind, combine, grant_reason
from kmspolicy.engine.context import RequestContext
from kmspolicy.engine.decision import Decision, Outcome, Reason, SourceKind
from kmspolicy.engine.grants import SYMMETRIC_CRYPTO_OPERATIONS, Grant, GrantTable, constraints_met
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.operators import OPERATORS, OperandError, parse_request_value
from kmspolicy.engine.request import PrincipalKind
from kmspolicy.language.catalogue import ACTION_INDEX

__all__ = ["compile_policy", "evaluate", "evaluate_parts"]

cdef extern from *:
    """
    /* Equality of two exact str objects: lengths, widths and cached hashes first. */
    static inline int kmspolicy_str_eq(PyObject* a, PyObject* b) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(a);
        Py_hash_t ha = ((PyASCIIObject*)a)->hash, hb = ((PyASCIIObject*)b)->hash;
        if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
            return 0;
        if (ha != -1 && hb != -1 && ha != hb)
            return 0;
        return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), n * PyUnicode_KIND(a)) == 0;
    }
    """
    bint _str_eq "kmspolicy_str_eq"(object a, object b) noexcept

cdef enum:
    NO_MATCH = -1
    DIRECT = 0
    ROLE = 1
    ACCOUNT = 2

cdef enum:
    R_FALSE = 0
    R_TRUE = 1
    R_ERROR = 2

cdef enum:
    _CACHE_LIMIT = 8192  # entries per parse / reason cache before it is emptied

cdef enum:
    USABLE = 0
    OPERATION_NOT_GRANTED = 1
    PENDING = 2
    CONSTRAINTS_NOT_MET = 3

# Module-level constants, read as C globals in the hot path.
cdef dict _ACTION_INDEX = ACTION_INDEX
cdef object _ALLOW = Outcome.ALLOW
cdef object _EXPLICIT_DENY = Outcome.EXPLICIT_DENY
cdef object _SERVICE = PrincipalKind.SERVICE
cdef object _KEY_POLICY = SourceKind.KEY_POLICY
cdef object _IDENTITY_POLICY = SourceKind.IDENTITY_POLICY
cdef object _SCP = SourceKind.SCP
cdef object _BOUNDARY = SourceKind.PERMISSIONS_BOUNDARY
cdef object _SESSION = SourceKind.SESSION_POLICY
cdef frozenset _SYMMETRIC = SYMMETRIC_CRYPTO_OPERATIONS
cdef tuple _MATCH_KINDS = (MatchKind.DIRECT, MatchKind.ROLE, MatchKind.ACCOUNT)
cdef tuple _GRANT_USES = (
    GrantUse.USABLE, GrantUse.OPERATION_NOT_GRANTED, GrantUse.PENDING, GrantUse.CONSTRAINTS_NOT_MET
)
cdef list _IDENTITY_SOURCES = [f"identity policy {i}" for i in range(64)]
cdef list _SCP_SOURCES = [f"scp {i}" for i in range(64)]
cdef dict _GRANT_REASONS = {}
cdef tuple _EMPTY = ()
cdef type _Decision = Decision
cdef type _RequestContext = RequestContext
cdef type _PolicySet = PolicySet
cdef type _KeyPolicies = KeyPolicies
cdef type _CallerPolicies = CallerPolicies
cdef type _Grant = Grant
cdef type _GrantTable = GrantTable
# Slot offsets of the fields read on every decision.
cdef Py_ssize_t _D_EFFECT = slot_offset(Decision, "effect")
cdef Py_ssize_t _R_SOURCE = slot_offset(Reason, "source")
cdef Py_ssize_t _D_REASONS = slot_offset(Decision, "reasons")
cdef Py_ssize_t _D_ERRORS = slot_offset(Decision, "errors")
cdef Py_ssize_t _S_KEY = slot_offset(PolicySet, "key")
cdef Py_ssize_t _S_CALLER = slot_offset(PolicySet, "caller")
cdef Py_ssize_t _K_KEY_POLICY = slot_offset(KeyPolicies, "key_policy")
cdef Py_ssize_t _K_GRANTS = slot_offset(KeyPolicies, "grants")
cdef Py_ssize_t _C_IDENTITY = slot_offset(CallerPolicies, "identity_policies")
cdef Py_ssize_t _C_BOUNDARY = slot_offset(CallerPolicies, "permissions_boundary")
cdef Py_ssize_t _C_SCPS = slot_offset(CallerPolicies, "scps")
cdef Py_ssize_t _C_SESSION = slot_offset(CallerPolicies, "session_policy")
cdef Py_ssize_t _T_BY_GRANTEE = slot_offset(GrantTable, "by_grantee")
cdef Py_ssize_t _G_OPERATION_SET = slot_offset(Grant, "operation_set")
cdef Py_ssize_t _G_PENDING = slot_offset(Grant, "pending")
cdef Py_ssize_t _G_TOKEN = slot_offset(Grant, "token")
cdef Py_ssize_t _G_CONSTRAINTS = slot_offset(Grant, "constraints")
cdef Py_ssize_t _G_GRANT_ID = slot_offset(Grant, "grant_id")
cdef Py_ssize_t _X_ACTION = slot_offset(RequestContext, "action")
cdef Py_ssize_t _X_OPERATION = slot_offset(RequestContext, "operation")
cdef Py_ssize_t _X_RESOURCE = slot_offset(RequestContext, "resource")
cdef Py_ssize_t _X_CALLER_ARN = slot_offset(RequestContext, "caller_arn")
cdef Py_ssize_t _X_CALLER_KIND = slot_offset(RequestContext, "caller_kind")
cdef Py_ssize_t _X_ROLE_ARN = slot_offset(RequestContext, "role_arn")
cdef Py_ssize_t _X_ACCOUNT_ARN = slot_offset(RequestContext, "account_arn")
cdef Py_ssize_t _X_KEY_ACCOUNT = slot_offset(RequestContext, "key_account")
cdef Py_ssize_t _X_CROSS_ACCOUNT = slot_offset(RequestContext, "cross_account")
cdef Py_ssize_t _X_CROSS_ACCOUNT_ALLOWED = slot_offset(RequestContext, "cross_account_allowed")
cdef Py_ssize_t _X_SCP_EXEMPT = slot_offset(RequestContext, "scp_exempt")
cdef Py_ssize_t _X_VALUES = slot_offset(RequestContext, "values")
cdef Py_ssize_t _X_KEY_POLICY_VALUES = slot_offset(RequestContext, "key_policy_values")
cdef Py_ssize_t _X_ENCRYPTION_CONTEXT = slot_offset(RequestContext, "encryption_context")
cdef Py_ssize_t _X_GRANT_TOKENS = slot_offset(RequestContext, "grant_tokens")
cdef Py_ssize_t _X_GRANT_OPERATIONS = slot_offset(RequestContext, "grant_operations")
cdef Py_ssize_t _X_IDENTITIES = slot_offset(RequestContext, "identities")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

# Request values in comparable form, per value kind: text -> value or Failure.
cdef list _REQUEST_VALUES = [{} for _ in range(V_NULL + 1)]
cdef list _SPECS = [None] * (V_NULL + 1)
for _name, _kind in (("numericequals", V_NUMBER), ("dateequals", V_DATE), ("bool", V_BOOL),
                     ("binaryequals", V_BINARY), ("ipaddress", V_IP), ("arnlike", V_ARN)):
    _SPECS[_kind] = OPERATORS[_name]


@cython.freelist(4)
cdef class _Scan:
    def __dealloc__(self):
        _clear(&self.identity_allows)
        _clear(&self.key_allows)
        _clear(&self.grants)


cdef extern from "Python.h":
    void _decref "Py_DECREF"(PyObject* o)
    void _xdecref "Py_XDECREF"(PyObject* o)


cdef int _add(Items* items, object item, int code) except -1:
    cdef list more
    if items.count < INLINE:
        Py_INCREF(item)
        items.first[items.count] = <PyObject*>item
        items.first_codes[items.count] = code
    else:
        if items.more is NULL:
            more = []
            Py_INCREF(more)
            items.more = <PyObject*>more
        (<list>items.more).append((item, code))
    items.count += 1
    return 0


cdef inline object _item(Items* items, Py_ssize_t i):
    if i < INLINE:
        return <object>items.first[i]
    return (<tuple>(<list>items.more)[i - INLINE])[0]


cdef inline int _code(Items* items, Py_ssize_t i) except -1:
    if i < INLINE:
        return items.first_codes[i]
    return (<tuple>(<list>items.more)[i - INLINE])[1]


cdef list _items_list(Items* items):
    return [_item(items, i) for i in range(items.count)]


cdef void _clear(Items* items) noexcept:
    cdef Py_ssize_t i
    for i in range(items.count if items.count < INLINE else INLINE):
        _decref(items.first[i])
    _xdecref(items.more)
    items.count = 0
    items.more = NULL


cdef object _request_value(int kind, str text):
    """``text`` in comparable form (as ``operators.parse_request_value`` reads it), or a
    Failure with its message."""
    if kind == V_STRING or kind == V_GLOB:
        return text
    if kind == V_STRING_IGNORE_CASE:
        return text.casefold()
    if kind == V_BOOL and type(text) is str and (_str_eq(text, "true") or _str_eq(text, "false")):
        return text  # already in the form _parse_bool gives
    cdef dict cache = <dict>_REQUEST_VALUES[kind]
    cdef PyObject* hit = PyDict_GetItemWithError(cache, text)
    if hit is not NULL:
        return <object>hit
    try:
        parsed = parse_request_value(_SPECS[kind], text)
    except OperandError as exc:
        value = Failure(str(exc))
    else:
        if kind == V_DATE:
            value = (parsed - _EPOCH) // _MICROSECOND
        elif kind == V_IP:
            value = address(parsed)
        else:
            value = parsed
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[text] = value
    return value


cdef bint _compare(int how, object r, object op) except -1:
    """compare(request value, policy value) for one operand."""
    cdef tuple arn, globs
    cdef Py_ssize_t i
    if how == C_EQ:
        return PyObject_RichCompareBool(r, op, Py_EQ)
    if how == C_GLOB:
        return (<Glob>op).matches(<str>r)
    if how == C_LT:
        return PyObject_RichCompareBool(r, op, Py_LT)
    if how == C_LE:
        return PyObject_RichCompareBool(r, op, Py_LE)
    if how == C_GT:
        return PyObject_RichCompareBool(r, op, Py_GT)
    if how == C_GE:
        return PyObject_RichCompareBool(r, op, Py_GE)
    if how == C_IP:
        return (<Address>r).within(<Address>op)
    arn = <tuple>r
    globs = <tuple>op
    for i in range(6):
        if not (<Glob>globs[i]).matches(<str>arn[i]):
            return False
    return True


cdef bint _hits(CCondition c, object operands, object r) except -1:
    """Whether request value ``r`` matches some policy value."""
    if operands is None:
        if c.single is not None and type(r) is str:
            return r is c.single or _str_eq(r, c.single)
        return PySet_Contains(c.opset, r)
    if type(operands) is tuple:  # static operands: never None
        for op in <tuple>operands:
            if _compare(c.compare, r, op):
                return True
        return False
    for op in <list>operands:
        if op is not None and _compare(c.compare, r, op):
            return True
    return False


cdef object _operands(CCondition c, dict values, _Scan scan):
    """The operands of a condition with policy variables, in order (None: an unresolved
    variable, which matches nothing); a Failure for the first value that cannot be read."""
    cdef list operands = []
    for entry in c.entries:
        if type(entry) is Template:
            pieces = (<Template>entry).substitute(values)
            if pieces is None:
                operands.append(None)
                continue
            entry = convert_policy_value(c.kind, c.spec, pieces)
        if type(entry) is Failure:
            return entry
        operands.append(entry)
    return operands


cdef int _condition_holds(CCondition c, dict values, _Scan scan) except -1:
    """R_TRUE, R_FALSE, or R_ERROR with ``scan.message`` set (``reference._condition_holds``)."""
    cdef object operands = None
    cdef PyObject* present
    cdef object requested  # list or tuple of request values in comparable form
    cdef bint negated
    if c.error is not None:
        scan.message = c.error
        return R_ERROR
    if c.entries is not None:
        operands = _operands(c, values, scan)
        if type(operands) is Failure:
            scan.message = c.prefix + (<Failure>operands).message
            return R_ERROR
    elif c.compare != C_EQ:
        operands = c.operands
    present = PyDict_GetItemWithError(values, c.key)
    if c.kind == V_NULL:
        if present is NULL:
            return c.null_true
        return c.null_false
    if present is NULL:
        if c.if_exists or c.qualifier == Q_FOR_ALL_VALUES:
            return R_TRUE
        if c.qualifier == Q_FOR_ANY_VALUE:
            return R_FALSE
        return c.negated
    negated = c.negated
    requested_values = <object>present
    if type(requested_values) is tuple and len(<tuple>requested_values) == 1:
        value = _request_value(c.kind, <str>(<tuple>requested_values)[0])
        if type(value) is Failure:
            scan.message = c.prefix + (<Failure>value).message
            return R_ERROR
        # one value: every qualifier reduces to "matches, unless negated"
        return _hits(c, operands, value) != negated
    if type(requested_values) is not tuple:
        requested_values = tuple(requested_values)
    if c.kind == V_STRING or c.kind == V_GLOB:
        requested = <tuple>requested_values  # compared as they are: nothing to parse
        for text in <tuple>requested_values:
            if type(text) is not str:
                raise TypeError(f"{c.key} has a value that is not a string: {text!r}")
    else:
        requested = []
        for text in <tuple>requested_values:
            value = _request_value(c.kind, text)
            if type(value) is Failure:
                scan.message = c.prefix + (<Failure>value).message
                return R_ERROR
            requested.append(value)
    if c.qualifier == Q_NONE:
        for r in requested:
            if _hits(c, operands, r):
                return not negated
        return negated
    if c.qualifier == Q_FOR_ALL_VALUES:
        for r in requested:
            if _hits(c, operands, r) == negated:
                return R_FALSE
        return R_TRUE
    for r in requested:
        if _hits(c, operands, r) != negated:
            return R_TRUE
    return R_FALSE


cdef int _principal_kind(CStatement s, _Scan scan):
    cdef Py_ssize_t i
    if s.anyone:
        return DIRECT
    for i in range(scan.identity_count):
        identity = scan.identities[i]
        if s.aws_star or PySet_Contains(
            s.service_names if scan.service else s.aws_names, identity
        ):
            return scan.kinds[i]
    return NO_MATCH


cdef int _not_principal_kind(CStatement s, _Scan scan):
    cdef Py_ssize_t i
    if s.anyone or s.aws_star:
        return NO_MATCH
    for i in range(scan.identity_count):
        identity = scan.identities[i]
        if not PySet_Contains(s.service_names if scan.service else s.aws_names, identity):
            return scan.kinds[i]
    return NO_MATCH


cdef int _match(
    CStatement s, _Scan scan, dict values, bint resource_policy, bint has_boundary
) except -2:
    """The MatchKind of a statement whose action matched, or NO_MATCH; ``scan.message`` is
    set when its conditions could not be evaluated (``reference._statement_match``)."""
    cdef int kind = DIRECT, held
    cdef bint hit = False
    cdef object problem = None
    if resource_policy:
        if s.principal_mode == P_PRINCIPAL:
            kind = _principal_kind(s, scan)
        elif s.principal_mode == P_NOT_PRINCIPAL:
            kind = _not_principal_kind(s, scan)
            if kind == NO_MATCH and s.deny and has_boundary:
                kind = DIRECT
        else:
            return NO_MATCH
        if kind == NO_MATCH:
            return NO_MATCH
    for pattern in s.resources:
        if type(pattern) is Glob:
            hit = (<Glob>pattern).matches(scan.resource)
        else:
            pieces = (<Template>pattern).substitute(values)
            hit = pieces is not None and glob_from_pieces(pieces).matches(scan.resource)
        if hit:
            break
    if hit == s.not_resource:
        return NO_MATCH
    for condition in s.conditions:
        held = _condition_holds(<CCondition>condition, values, scan)
        if held == R_FALSE:
            return NO_MATCH
        if held == R_ERROR and problem is None:
            problem = scan.message
    scan.message = problem if s.empty_negation is None else s.empty_negation
    return kind


cdef Py_ssize_t _scan(
    CompiledPolicy policy,
    str source,
    object source_kind,
    _Scan scan,
    dict values,
    bint resource_policy,
    bint has_boundary,
    bint collect,
) except -1:
    """Scan one policy: Deny matches go to ``scan.denies``; when ``collect``, Allow reasons
    go to ``scan.key_allows`` (with their MatchKind) or ``scan.identity_allows``. Returns
    the number of Allow matches (``reference._scan``)."""
    cdef CStatement s
    cdef int kind
    cdef Py_ssize_t count = 0
    cdef PyObject* cached
    for statement in policy.for_action(scan.position, scan.action):
        s = <CStatement>statement
        kind = _match(s, scan, values, resource_policy, has_boundary)
        if kind == NO_MATCH:
            continue
        problem = scan.message
        if problem is not None:
            treated = "matching" if s.deny else "not matching"
            if scan.errors is None:
                scan.errors = []
            scan.errors.append(f"{source} statement {s.index}: {problem}; treated as {treated}")
            if not s.deny:
                continue
            reason = Reason(
                source_kind, source, s.effect, s.sid, s.index, s.span,
                f"could not be evaluated ({problem})",
            )
        else:
            # A statement is nearly always read under one source name: try the last first.
            reason = s.last_reason
            if reason is None or get_slot(reason, _R_SOURCE) is not source:
                cached = PyDict_GetItemWithError(s.reasons, source)
                if cached is not NULL:
                    reason = <object>cached
                else:
                    reason = Reason(source_kind, source, s.effect, s.sid, s.index, s.span, "")
                    s.reasons[source] = reason
                s.last_reason = reason
        if s.deny:
            if scan.denies is None:
                scan.denies = []
            scan.denies.append(reason)
            continue
        count += 1
        if collect:
            if resource_policy:
                _add(&scan.key_allows, reason, kind)
            else:
                _add(&scan.identity_allows, reason, 0)
    return count


cdef int _grant_use(object grant, str operation, object ctx) except -1:
    """``reference._grant_use``."""
    cdef bint exact = type(grant) is _Grant
    operations = get_slot(grant, _G_OPERATION_SET) if exact else grant.operation_set
    if not (PySet_Contains(operations, operation) if type(operations) is frozenset
            else operation in operations):
        return OPERATION_NOT_GRANTED
    if get_slot(grant, _G_PENDING) if exact else grant.pending:
        token = get_slot(grant, _G_TOKEN) if exact else grant.token
        if token is None or token not in get_slot(ctx, _X_GRANT_TOKENS):
            return PENDING
    if PySet_Contains(_SYMMETRIC, operation):
        if _str_eq(operation, "creategrant"):
            wanted = get_slot(ctx, _X_GRANT_OPERATIONS)
            if wanted is None or not set(wanted) <= operations:
                return OPERATION_NOT_GRANTED
        constraints = get_slot(grant, _G_CONSTRAINTS) if exact else grant.constraints
        if constraints is not None and not constraints_met(
            constraints, get_slot(ctx, _X_ENCRYPTION_CONTEXT)
        ):
            return CONSTRAINTS_NOT_MET
    return USABLE


cdef object _grant_reason(object grant):
    grant_id = get_slot(grant, _G_GRANT_ID) if type(grant) is _Grant else grant.grant_id
    cdef PyObject* hit = PyDict_GetItemWithError(_GRANT_REASONS, grant_id)
    if hit is not NULL:
        return <object>hit
    reason = grant_reason(grant)
    if len(_GRANT_REASONS) >= _CACHE_LIMIT:
        _GRANT_REASONS.clear()
    _GRANT_REASONS[grant_id] = reason
    return reason


cdef inline bint _same(object a, object b) except -1:
    """``a == b`` for the context's ARNs (str or None), without a three-way comparison."""
    if a is b:
        return True
    if type(a) is str and type(b) is str:
        return _str_eq(a, b)
    return a == b


cdef inline str _numbered(list names, str stem, Py_ssize_t position):
    return <str>names[position] if position < len(names) else f"{stem} {position}"


cdef enum:
    UNUSABLE = 0
    ON_ITS_OWN = 1
    WITH_IDENTITY = 2


cdef inline int _key_allow_use(
    int kind, bint limits_ok, bint implicit_identity, bint identity_ok, bint cross_account
) noexcept:
    """Whether a key-policy Allow of MatchKind ``kind`` allows, and whether it relies on an
    identity-policy Allow (combine's ``succeeds(kind, False)`` / ``needs_identity``)."""
    if kind == ROLE and not limits_ok:
        return UNUSABLE
    if not implicit_identity and (kind == ACCOUNT or cross_account):
        return WITH_IDENTITY if identity_ok else UNUSABLE
    return ON_ITS_OWN


cdef inline Py_ssize_t _put(tuple reasons, Py_ssize_t at, object reason) noexcept:
    """Fill item ``at`` of a fresh tuple; the position after it."""
    Py_INCREF(reason)
    PyTuple_SET_ITEM(reasons, at, reason)
    return at + 1


cdef inline bint _grant_succeeds(
    int code, bint limits_ok, bint implicit_identity, bint identity_ok
) noexcept:
    """A grant (MatchKind * 4 + GrantUse) that allows: combine's ``succeeds(kind, True)``."""
    cdef int kind = code // 4
    if code % 4 != USABLE or (kind == ROLE and not limits_ok):
        return False
    return identity_ok or not (kind == ACCOUNT and not implicit_identity)


cdef object _decision(object effect, tuple reasons, tuple errors):
    """``Decision(effect, reasons, errors)`` without the frozen dataclass's __init__."""
    decision = _new_object(_Decision)
    init_slot(decision, _D_EFFECT, effect)
    init_slot(decision, _D_REASONS, reasons)
    init_slot(decision, _D_ERRORS, errors)
    return decision


cdef object _exact_context(object ctx):
    if type(ctx) is _RequestContext:
        return ctx
    return _RequestContext(*[getattr(ctx, f.name) for f in fields(_RequestContext)])


cdef object _exact_key(object key):
    if type(key) is _KeyPolicies:
        return key
    return _KeyPolicies(key.key_policy, key.grants)


cdef object _exact_caller(object caller):
    if type(caller) is _CallerPolicies:
        return caller
    return _CallerPolicies(
        tuple(caller.identity_policies),
        caller.permissions_boundary,
        tuple(caller.scps),
        caller.session_policy,
    )


@cython.binding(False)  # a plain builtin function: the cheapest call from Python
def evaluate(policies, ctx) -> Decision:
    """Decide ``ctx`` against ``policies`` (a PolicySet of CompiledPolicy)."""
    if type(policies) is _PolicySet:
        return _evaluate(get_slot(policies, _S_KEY), get_slot(policies, _S_CALLER), ctx)
    return _evaluate(policies.key, policies.caller, ctx)


@cython.binding(False)
def evaluate_parts(key, caller, ctx) -> Decision:
    """Decide ``ctx`` against a key's KeyPolicies and a caller's CallerPolicies (of
    CompiledPolicy), as ``evaluate`` does with them paired in a PolicySet."""
    return _evaluate(key, caller, ctx)


cdef object _evaluate(object key, object caller, object ctx):
    cdef _Scan scan = _Scan.__new__(_Scan)
    cdef Py_ssize_t i, position
    cdef int kind
    cdef bint has_boundary, cross_account, implicit_identity, limits_ok, identity_ok
    cdef bint used_identity
    cdef int scp_allowed = -1, boundary_allowed = -1, session_allowed = -1  # -1: none applies
    cdef Py_ssize_t identity_count, key_count, grant_count, allowing, filled
    cdef int code, use
    cdef tuple reasons
    cdef PyObject* hit

    ctx = _exact_context(ctx)
    key = _exact_key(key)
    caller = _exact_caller(caller)
    action = get_slot(ctx, _X_ACTION)
    scan.action = action
    hit = PyDict_GetItemWithError(_ACTION_INDEX, action)
    scan.position = <object>hit if hit is not NULL else -1
    scan.resource = get_slot(ctx, _X_RESOURCE)
    scan.service = get_slot(ctx, _X_CALLER_KIND) is _SERVICE
    # The identities a principal element can name, with how each names the caller
    # (reference._identity_kinds).
    caller_arn = get_slot(ctx, _X_CALLER_ARN)
    account_arn = get_slot(ctx, _X_ACCOUNT_ARN)
    role_arn = get_slot(ctx, _X_ROLE_ARN)
    identities = get_slot(ctx, _X_IDENTITIES)
    scan.identities = identities if type(identities) is tuple else tuple(identities)
    scan.identity_count = min(len(scan.identities), 3)
    for i in range(scan.identity_count):
        identity = scan.identities[i]
        if _same(identity, account_arn):
            scan.kinds[i] = DIRECT if _same(identity, caller_arn) else ACCOUNT
        elif _same(identity, role_arn):
            scan.kinds[i] = ROLE
        else:
            scan.kinds[i] = DIRECT

    values = get_slot(ctx, _X_VALUES)
    if type(values) is not dict:
        values = dict(values)
    boundary = get_slot(caller, _C_BOUNDARY)
    has_boundary = boundary is not None
    key_account = get_slot(ctx, _X_KEY_ACCOUNT)
    if key_account is not None:
        key_values = get_slot(ctx, _X_KEY_POLICY_VALUES)
        if type(key_values) is not dict:
            key_values = dict(key_values)
        _scan(get_slot(key, _K_KEY_POLICY), "key policy", _KEY_POLICY, scan, key_values, True,
              has_boundary, True)
    position = 0
    identity_policies = get_slot(caller, _C_IDENTITY)
    if type(identity_policies) is not tuple:
        identity_policies = tuple(identity_policies)
    for policy in <tuple>identity_policies:
        _scan(policy, _numbered(_IDENTITY_SOURCES, "identity policy", position),
              _IDENTITY_POLICY, scan, values, False, False, True)
        position += 1
    scps = get_slot(caller, _C_SCPS)
    if scps and not get_slot(ctx, _X_SCP_EXEMPT):
        scp_allowed = 0
        position = 0
        if type(scps) is not tuple:
            scps = tuple(scps)
        for policy in <tuple>scps:
            if _scan(policy, _numbered(_SCP_SOURCES, "scp", position), _SCP, scan, values,
                     False, False, False):
                scp_allowed = 1
            position += 1
    if boundary is not None:
        boundary_allowed = _scan(boundary, "permissions boundary", _BOUNDARY, scan, values,
                                 False, False, False) > 0
    session = get_slot(caller, _C_SESSION)
    if session is not None:
        session_allowed = _scan(session, "session policy", _SESSION, scan, values,
                                False, False, False) > 0
    if key_account is not None:
        table = get_slot(key, _K_GRANTS)
        if type(table) is _GrantTable:
            by_grantee = <dict>get_slot(table, _T_BY_GRANTEE)
        else:
            by_grantee = {i: tuple(table.for_grantee(i)) for i in scan.identities}
        if by_grantee:
            operation = get_slot(ctx, _X_OPERATION)
            for i in range(scan.identity_count):
                hit = PyDict_GetItemWithError(by_grantee, scan.identities[i])
                if hit is NULL:
                    continue
                for grant in <tuple>hit:
                    # MatchKind and GrantUse in one small int
                    _add(&scan.grants, grant, scan.kinds[i] * 4 + _grant_use(grant, operation, ctx))

    # --- combine.combine, for the outcomes it decides without "Missing" reasons ----------
    errors = _EMPTY if scan.errors is None else tuple(scan.errors)
    if scan.denies is not None:
        return _decision(_EXPLICIT_DENY, tuple(scan.denies), errors)
    identity_count = scan.identity_allows.count
    implicit_identity = _same(caller_arn, account_arn)
    limits_ok = boundary_allowed != 0 and session_allowed != 0
    identity_ok = implicit_identity or (identity_count > 0 and limits_ok)
    if scp_allowed != 0:
        if key_account is None:
            if identity_ok:
                reasons = PyTuple_New(identity_count)
                for i in range(identity_count):
                    _put(reasons, i, _item(&scan.identity_allows, i))
                return _decision(_ALLOW, reasons, errors)
        else:
            cross_account = get_slot(ctx, _X_CROSS_ACCOUNT)
            if not cross_account or get_slot(ctx, _X_CROSS_ACCOUNT_ALLOWED):
                # Count what allows first, then fill the reasons tuple in combine's order:
                # key-policy statements, the identity allows they relied on, grants.
                key_count = scan.key_allows.count
                grant_count = scan.grants.count
                allowing = 0
                used_identity = False
                for i in range(key_count):
                    use = _key_allow_use(_code(&scan.key_allows, i), limits_ok, implicit_identity,
                                         identity_ok, cross_account)
                    if use != UNUSABLE:
                        allowing += 1
                        used_identity = used_identity or use == WITH_IDENTITY
                for i in range(grant_count):
                    code = _code(&scan.grants, i)
                    if _grant_succeeds(code, limits_ok, implicit_identity, identity_ok):
                        allowing += 1
                        used_identity = used_identity or (
                            code // 4 == ACCOUNT and not implicit_identity
                        )
                if allowing:
                    reasons = PyTuple_New(allowing + (identity_count if used_identity else 0))
                    filled = 0
                    for i in range(key_count):
                        if _key_allow_use(_code(&scan.key_allows, i), limits_ok, implicit_identity,
                                          identity_ok, cross_account) != UNUSABLE:
                            filled = _put(reasons, filled, _item(&scan.key_allows, i))
                    if used_identity:
                        for i in range(identity_count):
                            filled = _put(reasons, filled, _item(&scan.identity_allows, i))
                    for i in range(grant_count):
                        if _grant_succeeds(_code(&scan.grants, i), limits_ok, implicit_identity,
                                           identity_ok):
                            filled = _put(reasons, filled, _grant_reason(_item(&scan.grants, i)))
                    return _decision(_ALLOW, reasons, errors)
    key_allows = _items_list(&scan.key_allows)
    grants = _items_list(&scan.grants)
    facts = Facts(
        key_allows=[(key_allows[i], _MATCH_KINDS[_code(&scan.key_allows, i)]) for i in range(len(key_allows))],
        identity_allows=_items_list(&scan.identity_allows),
        scp_allowed=None if scp_allowed < 0 else scp_allowed == 1,
        boundary_allowed=None if boundary_allowed < 0 else boundary_allowed == 1,
        session_allowed=None if session_allowed < 0 else session_allowed == 1,
        grants=[
            (grants[i], _MATCH_KINDS[_code(&scan.grants, i) // 4], _GRANT_USES[_code(&scan.grants, i) % 4])
            for i in range(len(grants))
        ],
        errors=list(errors),
    )
    return combine(facts, ctx)
