# The compiled twin of kmspolicy.engine.context.derive_context (the specification).
"""``build_context``: ``kmspolicy.engine.context.derive_context`` for the requests the KMS
makes on every call, with the Request, Caller and KeyInfo fields read from their slots and
the RequestContext filled slot by slot.

What depends only on the caller, the key or the action comes from the reference module's
own caches (``_CALLERS``, ``_KEYS``, ``_action``), so both builds share one derivation of
it. A request that names condition keys itself (``Request.context``) or fixes the time
(``Request.current_time``), or whose parts are subclasses, is derived by the reference.
"""

cimport cython

cdef extern from "Python.h":
    dict _PyDict_NewPresized(Py_ssize_t minused)
from cpython.dict cimport PyDict_GetItemWithError, PyDict_Next
from cpython.long cimport PyLong_FromSize_t, PyLong_FromVoidPtr
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from cpython.object cimport PyObject

from kmspolicy._fast._slots cimport _new_object, get_slot, init_slot, slot_offset

import sys
import time
from datetime import UTC, datetime

from kmspolicy.engine import context as _reference
from kmspolicy.engine.context import RequestContext, derive_context
from kmspolicy.engine.request import Caller, KeyInfo, PrincipalKind, Request

__all__ = ["build_context"]

cdef type _Request = Request
cdef type _Caller = Caller
cdef type _KeyInfo = KeyInfo
cdef type _RequestContext = RequestContext
cdef type _ActionType = _reference._Action
cdef type _CallerFactsType = _reference._CallerFacts
cdef type _KeyFactsType = _reference._KeyFacts
cdef object _SERVICE = PrincipalKind.SERVICE
cdef object _action = _reference._action
cdef object _callers = _reference._CALLERS.get
cdef object _keys = _reference._KEYS.get
# The caches' own entries (id -> (part, facts)), read here without a Python call; a miss
# goes through ``get``, which derives and stores.
cdef dict _CALLER_ENTRIES = _reference._CALLERS._entries
cdef dict _KEY_ENTRIES = _reference._KEYS._entries
cdef object _time_values = _reference._time_values
cdef object _clock = time.time
cdef dict _EC_NAMES = _reference._EC_NAMES
cdef object _ec_name = _reference._ec_name
cdef frozenset _NO_TOKENS = _reference._NO_TOKENS
cdef tuple _TRUE = ("true",)
cdef tuple _FALSE = ("false",)
cdef tuple _SYMMETRIC_DEFAULT = ("SYMMETRIC_DEFAULT",)
cdef tuple _RAW = ("RAW",)

# Condition key names, interned as the compiled policies' keys are (lookups compare pointers).
cdef str K_CALLER_ACCOUNT = sys.intern("kms:calleraccount")
cdef str K_SOURCE_VPCE = sys.intern("aws:sourcevpce")
cdef str K_SOURCE_IP = sys.intern("aws:sourceip")
cdef str K_SECURE_TRANSPORT = sys.intern("aws:securetransport")
cdef str K_CURRENT_TIME = sys.intern("aws:currenttime")
cdef str K_EPOCH_TIME = sys.intern("aws:epochtime")
cdef str K_VIA_SERVICE = sys.intern("kms:viaservice")
cdef str K_VIA_AWS_SERVICE = sys.intern("aws:viaawsservice")
cdef str K_REQUESTED_REGION = sys.intern("aws:requestedregion")
cdef str K_EC_KEYS = sys.intern("kms:encryptioncontextkeys")
cdef str K_ENCRYPTION_ALGORITHM = sys.intern("kms:encryptionalgorithm")
cdef str K_SIGNING_ALGORITHM = sys.intern("kms:signingalgorithm")
cdef str K_MESSAGE_TYPE = sys.intern("kms:messagetype")
cdef str K_MAC_ALGORITHM = sys.intern("kms:macalgorithm")
cdef str K_REQUEST_ALIAS = sys.intern("kms:requestalias")
cdef str K_GRANT_OPERATIONS = sys.intern("kms:grantoperations")
cdef str K_GRANTEE_PRINCIPAL = sys.intern("kms:granteeprincipal")
cdef str K_RETIRING_PRINCIPAL = sys.intern("kms:retiringprincipal")
cdef str K_GRANT_FOR_AWS_RESOURCE = sys.intern("kms:grantisforawsresource")

# Slot offsets.
cdef Py_ssize_t _Q_CALLER = slot_offset(Request, "caller")
cdef Py_ssize_t _Q_ACTION = slot_offset(Request, "action")
cdef Py_ssize_t _Q_KEY = slot_offset(Request, "key")
cdef Py_ssize_t _Q_RESOURCE = slot_offset(Request, "resource")
cdef Py_ssize_t _Q_ENCRYPTION_CONTEXT = slot_offset(Request, "encryption_context")
cdef Py_ssize_t _Q_GRANT_TOKENS = slot_offset(Request, "grant_tokens")
cdef Py_ssize_t _Q_KEY_ID_ALIAS = slot_offset(Request, "key_id_alias")
cdef Py_ssize_t _Q_ENCRYPTION_ALGORITHM = slot_offset(Request, "encryption_algorithm")
cdef Py_ssize_t _Q_SIGNING_ALGORITHM = slot_offset(Request, "signing_algorithm")
cdef Py_ssize_t _Q_MESSAGE_TYPE = slot_offset(Request, "message_type")
cdef Py_ssize_t _Q_MAC_ALGORITHM = slot_offset(Request, "mac_algorithm")
cdef Py_ssize_t _Q_GRANT_OPERATIONS = slot_offset(Request, "grant_operations")
cdef Py_ssize_t _Q_GRANTEE_PRINCIPAL = slot_offset(Request, "grantee_principal")
cdef Py_ssize_t _Q_RETIRING_PRINCIPAL = slot_offset(Request, "retiring_principal")
cdef Py_ssize_t _Q_SOURCE_IP = slot_offset(Request, "source_ip")
cdef Py_ssize_t _Q_SECURE_TRANSPORT = slot_offset(Request, "secure_transport")
cdef Py_ssize_t _Q_CURRENT_TIME = slot_offset(Request, "current_time")
cdef Py_ssize_t _Q_VIA_SERVICE = slot_offset(Request, "via_service")
cdef Py_ssize_t _Q_SOURCE_VPCE = slot_offset(Request, "source_vpce")
cdef Py_ssize_t _Q_CONTEXT = slot_offset(Request, "context")
cdef Py_ssize_t _P_ARN = slot_offset(Caller, "arn")
cdef Py_ssize_t _P_KIND = slot_offset(Caller, "kind")
cdef Py_ssize_t _P_ACCOUNT = slot_offset(Caller, "account")
cdef Py_ssize_t _P_ROLE_ARN = slot_offset(Caller, "role_arn")
cdef Py_ssize_t _P_MANAGEMENT = slot_offset(Caller, "management_account")
cdef Py_ssize_t _K_ARN = slot_offset(KeyInfo, "arn")
cdef Py_ssize_t _A_ACTION = slot_offset(_reference._Action, "action")
cdef Py_ssize_t _A_OPERATION = slot_offset(_reference._Action, "operation")
cdef Py_ssize_t _A_KEY_RESOURCE = slot_offset(_reference._Action, "key_resource")
cdef Py_ssize_t _A_CALLER_ACCOUNT = slot_offset(_reference._Action, "caller_account")
cdef Py_ssize_t _A_VIA_SERVICE = slot_offset(_reference._Action, "via_service")
cdef Py_ssize_t _A_ENCRYPTION_CONTEXT = slot_offset(_reference._Action, "encryption_context")
cdef Py_ssize_t _A_ENCRYPTION_ALGORITHM = slot_offset(
    _reference._Action, "encryption_algorithm"
)
cdef Py_ssize_t _A_SIGNING = slot_offset(_reference._Action, "signing")
cdef Py_ssize_t _A_MAC = slot_offset(_reference._Action, "mac")
cdef Py_ssize_t _A_REQUEST_ALIAS = slot_offset(_reference._Action, "request_alias")
cdef Py_ssize_t _A_GRANT_REQUEST = slot_offset(_reference._Action, "grant_request")
cdef Py_ssize_t _A_GRANT_FOR_AWS = slot_offset(_reference._Action, "grant_for_aws_resource")
cdef Py_ssize_t _A_CROSS_ACCOUNT_ALLOWED = slot_offset(
    _reference._Action, "cross_account_allowed"
)
cdef Py_ssize_t _W_VALUES = slot_offset(_reference._CallerFacts, "values")
cdef Py_ssize_t _W_CALLER_ACCOUNT = slot_offset(_reference._CallerFacts, "caller_account")
cdef Py_ssize_t _W_IDENTITIES = slot_offset(_reference._CallerFacts, "identities")
cdef Py_ssize_t _W_ACCOUNT_ARN = slot_offset(_reference._CallerFacts, "account_arn")
cdef Py_ssize_t _F_REGION = slot_offset(_reference._KeyFacts, "region")
cdef Py_ssize_t _F_PROPERTIES = slot_offset(_reference._KeyFacts, "properties")
cdef Py_ssize_t _F_IAM_ONLY = slot_offset(_reference._KeyFacts, "iam_only")
cdef Py_ssize_t _F_ACCOUNT = slot_offset(_reference._KeyFacts, "account")
cdef Py_ssize_t _X_ACTION = slot_offset(RequestContext, "action")
cdef Py_ssize_t _X_ACTION_NAME = slot_offset(RequestContext, "action_name")
cdef Py_ssize_t _X_OPERATION = slot_offset(RequestContext, "operation")
cdef Py_ssize_t _X_RESOURCE = slot_offset(RequestContext, "resource")
cdef Py_ssize_t _X_CALLER_ARN = slot_offset(RequestContext, "caller_arn")
cdef Py_ssize_t _X_CALLER_KIND = slot_offset(RequestContext, "caller_kind")
cdef Py_ssize_t _X_CALLER_ACCOUNT = slot_offset(RequestContext, "caller_account")
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
if list(RequestContext.__dataclass_fields__) != [
    "action", "action_name", "operation", "resource", "caller_arn", "caller_kind",
    "caller_account", "role_arn", "account_arn", "key_account", "cross_account",
    "cross_account_allowed", "scp_exempt", "values", "key_policy_values",
    "encryption_context", "grant_tokens", "grant_operations", "identities",
]:
    raise ImportError("RequestContext's fields changed: update kmspolicy/_fast/_context.pyx")


cdef tuple _items(dict mapping):
    """(``tuple(mapping.items())``, ``tuple(mapping)``) without the views' iterators."""
    cdef Py_ssize_t n = len(mapping), position = 0, i = 0
    cdef PyObject* key
    cdef PyObject* value
    cdef tuple pairs = PyTuple_New(n), names = PyTuple_New(n)
    while i < n and PyDict_Next(mapping, &position, &key, &value):
        pair = (<object>key, <object>value)
        Py_INCREF(pair)
        PyTuple_SET_ITEM(pairs, i, pair)
        Py_INCREF(<object>key)
        PyTuple_SET_ITEM(names, i, <object>key)
        i += 1
    return pairs, names


cdef object _cached(dict entries, object part):
    """The facts ``entries`` holds for ``part`` (this very object), or None."""
    cdef PyObject* entry = PyDict_GetItemWithError(entries, PyLong_FromVoidPtr(<void*>part))
    if entry is NULL or (<tuple>entry)[0] is not part:
        return None
    return (<tuple>entry)[1]


# (aws:CurrentTime, aws:EpochTime) of the last second asked for, and the last ``now``
# object with its second (a datetime is immutable: its timestamp never changes).
cdef long long _clock_second = -1
cdef tuple _clock_pair = None
cdef object _last_now = None
cdef long long _last_now_second = 0


cdef tuple _clock_values(object now):
    """``context._time_values(now)``, formatted there once a second."""
    global _clock_second, _clock_pair, _last_now, _last_now_second
    cdef long long second
    if now is None:
        second = <long long>_clock()
    elif now is _last_now:
        second = _last_now_second
    else:
        second = <long long>now.timestamp()
        _last_now, _last_now_second = now, second
    if second != _clock_second or _clock_pair is None:
        # formatted from this very second, so the pair and the second agree
        _clock_pair = <tuple>_time_values(datetime.fromtimestamp(second, UTC))
        _clock_second = second
    return _clock_pair


# (values, IAM-only values or None) of a caller, a key (or None) and an action: what the
# reference derives for them before the request's own inputs. Keyed by a mix of the three
# objects' addresses; an entry holds the objects and is used only for those very objects.
cdef dict _BASES = {}


cdef tuple _base(object who, object facts, object act):
    cdef size_t mixed = (
        <size_t><void*>who * <size_t>1000003 ^ <size_t><void*>facts * <size_t>8191
        ^ <size_t><void*>act
    )
    slot = PyLong_FromSize_t(mixed)
    cdef PyObject* hit = PyDict_GetItemWithError(_BASES, slot)
    if hit is not NULL:
        entry = <tuple>hit
        if entry[0] is who and entry[1] is facts and entry[2] is act:
            return <tuple>entry[3]
    # Room for what a request adds, so copies are not resized while they are filled (and
    # filled item by item: an update of an empty dict would take the other's size).
    cdef dict values = _PyDict_NewPresized(48)
    cdef Py_ssize_t position = 0
    cdef PyObject* name
    cdef PyObject* value
    while PyDict_Next(<dict>get_slot(who, _W_VALUES), &position, &name, &value):
        values[<object>name] = <object>value
    caller_account = get_slot(who, _W_CALLER_ACCOUNT)
    if get_slot(act, _A_CALLER_ACCOUNT) and caller_account is not None:
        values[K_CALLER_ACCOUNT] = caller_account
    iam_only = None
    if facts is not None:
        values[K_REQUESTED_REGION] = get_slot(facts, _F_REGION)
        if get_slot(act, _A_KEY_RESOURCE):
            values.update(<dict>get_slot(facts, _F_PROPERTIES))
            found = get_slot(facts, _F_IAM_ONLY)
            if found:
                iam_only = found
    base = (values, iam_only)
    if len(_BASES) >= 1024:
        _BASES.clear()
    _BASES[slot] = (who, facts, act, base)
    return base


@cython.binding(False)  # a plain builtin function: the cheapest call from Python
def build_context(request, *, now=None):
    """Derive the condition context of ``request`` as AWS KMS does (the compiled
    ``kmspolicy.engine.context.derive_context``; same arguments, equal result)."""
    if type(request) is not _Request:
        return derive_context(request, now=now)
    caller = get_slot(request, _Q_CALLER)
    key = get_slot(request, _Q_KEY)
    if (
        type(caller) is not _Caller
        or (key is not None and type(key) is not _KeyInfo)
        or get_slot(request, _Q_CONTEXT)
        or get_slot(request, _Q_CURRENT_TIME) is not None
    ):
        return derive_context(request, now=now)
    action_name = get_slot(request, _Q_ACTION)
    act = _action(action_name)
    who = _cached(_CALLER_ENTRIES, caller)
    if who is None:
        who = _callers(caller)
    if type(act) is not _ActionType or type(who) is not _CallerFactsType:
        return derive_context(request, now=now)
    # Built in two parts: what key policies see, and the IAM-only keys added for the rest.
    # --- the caller and the key: their part of the values, kept per combination --------
    facts = None
    key_account = None
    if key is not None:
        facts = _cached(_KEY_ENTRIES, key)
        if facts is None:
            facts = _keys(key)
        if type(facts) is not _KeyFactsType:
            return derive_context(request, now=now)
        key_account = get_slot(facts, _F_ACCOUNT)
    base = _base(who, facts, act)
    cdef dict values = (<dict>base[0]).copy()
    cdef object iam_only = base[1]

    # --- the network and the clock ------------------------------------------------------
    vpce = get_slot(request, _Q_SOURCE_VPCE)
    source_ip = get_slot(request, _Q_SOURCE_IP)
    if vpce is not None:
        values[K_SOURCE_VPCE] = (vpce,)
    elif source_ip is not None:
        values[K_SOURCE_IP] = (source_ip,)
    secure = get_slot(request, _Q_SECURE_TRANSPORT)
    if secure is not None:
        values[K_SECURE_TRANSPORT] = _TRUE if secure else _FALSE
    current, epoch = _clock_values(now)
    values[K_CURRENT_TIME] = current
    values[K_EPOCH_TIME] = epoch
    via_service = get_slot(request, _Q_VIA_SERVICE)
    if via_service is not None and get_slot(act, _A_VIA_SERVICE):
        values[K_VIA_SERVICE] = (via_service,)
    values[K_VIA_AWS_SERVICE] = _FALSE if via_service is None else _TRUE

    # --- the call's inputs --------------------------------------------------------------
    context = get_slot(request, _Q_ENCRYPTION_CONTEXT)
    cdef tuple pairs, names
    if not context:
        pairs = ()
    elif type(context) is dict:
        pairs, names = _items(<dict>context)
    else:
        pairs = tuple(context.items())
        names = tuple(context)
    if pairs and get_slot(act, _A_ENCRYPTION_CONTEXT):
        values[K_EC_KEYS] = names
        for ec_key, ec_value in pairs:
            name = _EC_NAMES.get(ec_key) or _ec_name(ec_key)
            if name in values:  # keys that differ only in case share one condition key
                values[name] = (*values[name], ec_value)
            else:
                values[name] = (ec_value,)
    if get_slot(act, _A_ENCRYPTION_ALGORITHM):
        algorithm = get_slot(request, _Q_ENCRYPTION_ALGORITHM)
        values[K_ENCRYPTION_ALGORITHM] = (algorithm,) if algorithm else _SYMMETRIC_DEFAULT
    if get_slot(act, _A_SIGNING):
        signing = get_slot(request, _Q_SIGNING_ALGORITHM)
        if signing is not None:
            values[K_SIGNING_ALGORITHM] = (signing,)
        message_type = get_slot(request, _Q_MESSAGE_TYPE)
        values[K_MESSAGE_TYPE] = (message_type,) if message_type else _RAW
    if get_slot(act, _A_MAC):
        mac = get_slot(request, _Q_MAC_ALGORITHM)
        if mac is not None:
            values[K_MAC_ALGORITHM] = (mac,)
    alias = get_slot(request, _Q_KEY_ID_ALIAS)
    if alias is not None and get_slot(act, _A_REQUEST_ALIAS):
        # An alias ARN (arn:aws:kms:r:a:alias/name) is matched by its alias name.
        values[K_REQUEST_ALIAS] = (alias.split(":", 5)[5] if alias.startswith("arn:") else alias,)
    operations = get_slot(request, _Q_GRANT_OPERATIONS)
    if get_slot(act, _A_GRANT_REQUEST):
        if operations:
            values[K_GRANT_OPERATIONS] = tuple(operations)
        grantee = get_slot(request, _Q_GRANTEE_PRINCIPAL)
        if grantee is not None:
            values[K_GRANTEE_PRINCIPAL] = (grantee,)
        retiring = get_slot(request, _Q_RETIRING_PRINCIPAL)
        if retiring is not None:
            values[K_RETIRING_PRINCIPAL] = (retiring,)
    if get_slot(act, _A_GRANT_FOR_AWS):
        values[K_GRANT_FOR_AWS_RESOURCE] = _FALSE if via_service is None else _TRUE

    cdef dict key_policy_values = values
    if iam_only:
        values = values.copy()
        values.update(<dict>iam_only)
    account = get_slot(caller, _P_ACCOUNT)
    kind = get_slot(caller, _P_KIND)
    resource = get_slot(request, _Q_RESOURCE)
    if resource is None:
        resource = get_slot(key, _K_ARN) if key is not None else "*"
    tokens = get_slot(request, _Q_GRANT_TOKENS)
    cdef bint cross = key_account is not None and account is not None and account != key_account
    lowered = tuple([op.lower() for op in operations]) if operations is not None else None
    ctx = _new_object(_RequestContext)
    init_slot(ctx, _X_ACTION, get_slot(act, _A_ACTION))
    init_slot(ctx, _X_ACTION_NAME, action_name)
    init_slot(ctx, _X_OPERATION, get_slot(act, _A_OPERATION))
    init_slot(ctx, _X_RESOURCE, resource)
    init_slot(ctx, _X_CALLER_ARN, get_slot(caller, _P_ARN))
    init_slot(ctx, _X_CALLER_KIND, kind)
    init_slot(ctx, _X_CALLER_ACCOUNT, account)
    init_slot(ctx, _X_ROLE_ARN, get_slot(caller, _P_ROLE_ARN))
    init_slot(ctx, _X_ACCOUNT_ARN, get_slot(who, _W_ACCOUNT_ARN))
    init_slot(ctx, _X_KEY_ACCOUNT, key_account)
    init_slot(ctx, _X_CROSS_ACCOUNT, cross)
    init_slot(ctx, _X_CROSS_ACCOUNT_ALLOWED, get_slot(act, _A_CROSS_ACCOUNT_ALLOWED))
    init_slot(ctx, _X_SCP_EXEMPT, get_slot(caller, _P_MANAGEMENT) or kind is _SERVICE)
    init_slot(ctx, _X_VALUES, values)
    init_slot(ctx, _X_KEY_POLICY_VALUES, key_policy_values)
    init_slot(ctx, _X_ENCRYPTION_CONTEXT, pairs)
    init_slot(ctx, _X_GRANT_TOKENS, frozenset(tokens) if tokens else _NO_TOKENS)
    init_slot(ctx, _X_GRANT_OPERATIONS, lowered)
    init_slot(ctx, _X_IDENTITIES, get_slot(who, _W_IDENTITIES))
    return ctx
