# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# The compiled twin of kmspolicy.server.sigv4.verify_asgi_reference (the specification).
"""``verify_asgi``: SigV4 verification of an ASGI request, worked on the raw bytes.

The common request an AWS SDK sends is checked here: ``POST /`` without a query, every
header name lowercase and the ones that matter present once, the ``Authorization`` header
in the SDKs' layout (``sigv4._SDK_AUTHORIZATION``) in printable ASCII, and the signed header
values printable ASCII with no whitespace to trim or fold, so that the canonical request is
the header bytes as sent. Anything else — and any request this path would refuse before
the access key is looked up — goes to the reference, so every refusal carries the
reference's code and wording in AWS's check order. After the lookup (called once) the only
refusals are the session-token and signature ones, raised here as the reference raises them.

Per-value parsing is cached: the credential scope (per access key and day), the
``X-Amz-Date`` value, the ``SignedHeaders`` list. The signature uses the reference's
pre-hashed HMAC pads (``sigv4._hmac_pads``), kept on the cached scope with its secret.
"""

cimport cython

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.list cimport PyList_GET_ITEM, PyList_GET_SIZE
from cpython.object cimport PyObject
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE
from libc.string cimport memcmp, memcpy

from kmspolicy._fast._slots cimport _new_object, init_slot, slot_offset

import hashlib
import hmac
from dataclasses import fields
from datetime import UTC, datetime
from functools import lru_cache

from kmspolicy.server import sigv4 as _reference

__all__ = ["verify_asgi"]

cdef object _verify_reference = _reference.verify_asgi_reference
cdef object _signed_header_list = _reference._signed_header_list
cdef object _valid_region = _reference._valid_region
cdef object _hmac_pads = _reference._hmac_pads
cdef object _invalid = _reference._invalid
cdef str _MISMATCH = _reference._MISMATCH
cdef str _INVALID_TOKEN = _reference._INVALID_TOKEN
cdef object _MAX_SKEW = _reference.MAX_SKEW
cdef object _KMSError = _reference.KMSError
cdef object _sha256 = hashlib.sha256
cdef object _compare_digest = hmac.compare_digest

cdef type _Authenticated = _reference.Authenticated
if [f.name for f in fields(_Authenticated)] != ["caller", "access_key_id", "region", "signed_at"]:
    raise ImportError("sigv4.Authenticated changed: kmspolicy._fast._sigv4 must follow it")
cdef Py_ssize_t _CALLER = slot_offset(_Authenticated, "caller")
cdef Py_ssize_t _KEY_ID = slot_offset(_Authenticated, "access_key_id")
cdef Py_ssize_t _REGION = slot_offset(_Authenticated, "region")
cdef Py_ssize_t _SIGNED_AT = slot_offset(_Authenticated, "signed_at")

cdef enum:
    MAX_HEADERS = 64
    MAX_SIGNED = 32

cdef const char* _PREFIX = b"AWS4-HMAC-SHA256 Credential="
cdef Py_ssize_t _PREFIX_LEN = 28
cdef const char* _HEX = b"0123456789abcdef"
cdef bytes _REQUEST_HEAD = b"POST\n/\n\n"
cdef bytes _ALGORITHM_LINE = b"AWS4-HMAC-SHA256\n"


@cython.final
cdef class _Scope:
    """A ``Credential=`` value as the reference reads it, with what the checks need."""

    cdef str key_id, date, region, service
    cdef bytes date_bytes, scope  # scope: b"date/region/service/terminator"
    cdef bint region_valid, terminator_valid
    cdef object keyed  # (secret, its HMAC pads) for the last secret seen with it

    def __init__(self, bytes credential):
        key_id, date, region, service, terminator = credential.decode("latin-1").split("/")
        self.key_id, self.date, self.region, self.service = key_id, date, region, service
        self.date_bytes = date.encode("latin-1")
        self.scope = credential[credential.index(b"/") + 1 :]
        self.region_valid = _valid_region(region)
        self.terminator_valid = terminator == "aws4_request"


@lru_cache(maxsize=1024)
def _scope(bytes credential):
    return _Scope(credential)


@lru_cache(maxsize=256)
def _amz_date(bytes value):
    """(the value as text, its time) for an X-Amz-Date of exactly the basic ISO-8601 shape
    the reference accepts, else None."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(value)
    cdef Py_ssize_t i
    if PyBytes_GET_SIZE(value) != 16 or p[8] != c'T' or p[15] != c'Z':
        return None
    for i in range(15):
        if i != 8 and not (c'0' <= p[i] <= c'9'):
            return None
    text = value.decode("ascii")
    try:
        return text, _reference._parse_amz_date(text)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _signed_names(bytes signed):
    """The names of a SignedHeaders value the reference accepts as a list (host and
    x-amz-date in it, sorted, unique, lowercase) and whether it signs the session token;
    None for any other list."""
    names, missing, well_formed = _signed_header_list(signed.decode("latin-1"))
    if missing is not None or not well_formed or len(names) > MAX_SIGNED:
        return None
    return tuple(n.encode("latin-1") for n in names), "x-amz-security-token" in names


cdef inline bint _is(object name, const char* text, Py_ssize_t size) noexcept:
    return PyBytes_GET_SIZE(name) == size and memcmp(PyBytes_AS_STRING(name), text, size) == 0


cdef inline bint _plain_name(object name) noexcept:
    """Lowercase ASCII without a byte the reference's lowercasing would change."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(name)
    cdef Py_ssize_t i
    for i in range(PyBytes_GET_SIZE(name)):
        if (c'A' <= p[i] <= c'Z') or p[i] >= 0x80:
            return False
    return True


cdef inline bint _plain_value(object value) noexcept:
    """Printable ASCII with nothing for the canonical form to trim or fold: no space at
    either end, no two spaces in a row."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(value)
    cdef Py_ssize_t i, n = PyBytes_GET_SIZE(value)
    # p[n] is the NUL every bytes object ends with, so p[i + 1] is always readable
    if n and (p[0] == c' ' or p[n - 1] == c' '):
        return False
    for i in range(n):
        if p[i] < 0x20 or p[i] > 0x7E or (p[i] == c' ' and p[i + 1] == c' '):
            return False
    return True


cdef inline Py_ssize_t _field_end(
    const unsigned char* p, Py_ssize_t i, Py_ssize_t n, bint stop_at_slash, bint stop_at_equal
) noexcept:
    """Where a run of bytes that are not ``,``, space (nor ``/``, ``=`` when asked) ends."""
    while i < n:
        if p[i] == c',' or p[i] == c' ' or (stop_at_slash and p[i] == c'/'):
            break
        if stop_at_equal and p[i] == c'=':
            break
        i += 1
    return i


cdef inline Py_ssize_t _expect(
    const unsigned char* p, Py_ssize_t i, Py_ssize_t n, const char* text, Py_ssize_t size
) noexcept:
    """The index after ``text`` if it is at ``i``, else -1."""
    if i + size > n or memcmp(p + i, text, size) != 0:
        return -1
    return i + size


cdef inline void _hex(const unsigned char* digest, char* out) noexcept:
    cdef int i
    for i in range(32):
        out[2 * i] = _HEX[digest[i] >> 4]
        out[2 * i + 1] = _HEX[digest[i] & 15]


cdef inline int _unhex(unsigned char c) noexcept:
    if c'0' <= c <= c'9':
        return c - 48
    if c'a' <= c <= c'f':
        return c - 87
    return -1


def verify_asgi(
    method,
    raw_path,
    query_string,
    headers,
    body,
    lookup,
    now,
    *,
    service="kms",
    regions=None,
):
    """``sigv4.verify_asgi_reference``, compiled for the SDKs' common request."""
    result = _verify(method, raw_path, query_string, headers, body, lookup, now, service, regions)
    if result is None:
        return _verify_reference(
            method, raw_path, query_string, headers, body, lookup, now,
            service=service, regions=regions,
        )
    return result


cdef object _verify(
    object method,
    object raw_path,
    object query_string,
    object headers,
    object body,
    object lookup,
    object now,
    object service,
    object regions,
):
    """The Authenticated request, a refusal raised after the lookup, or None: the request
    is not in the common form or is refused before the lookup (the reference decides)."""
    cdef PyObject* pairs[MAX_HEADERS]
    cdef PyObject* signed_values[MAX_SIGNED]
    cdef Py_ssize_t count, i, j, k, found, size, pos
    cdef Py_ssize_t auth_at = -1, date_at = -1, token_at = -1
    cdef Py_ssize_t cred_start, cred_end, signed_start, signed_end, sig_start
    cdef const unsigned char* p
    cdef char* out
    cdef _Scope scope
    cdef unsigned char given[32]
    cdef const unsigned char* digest
    cdef unsigned char diff = 0
    cdef int hi, lo
    cdef char hexed[64]
    cdef tuple names

    if (
        type(method) is not str
        or method != "POST"
        or type(raw_path) is not bytes
        or not _is(raw_path, b"/", 1)
        or type(query_string) is not bytes
        or PyBytes_GET_SIZE(query_string) != 0
        or type(body) is not bytes
        or type(headers) is not list
    ):
        return None
    count = PyList_GET_SIZE(headers)
    if count > MAX_HEADERS:
        return None
    # The headers: well-formed pairs of bytes with lowercase names; the three read by
    # name each at most once.
    for i in range(count):
        pair = <object>PyList_GET_ITEM(headers, i)
        if (
            type(pair) is not tuple
            or PyTuple_GET_SIZE(pair) != 2
            or type(<object>PyTuple_GET_ITEM(pair, 0)) is not bytes
            or type(<object>PyTuple_GET_ITEM(pair, 1)) is not bytes
        ):
            return None
        name = <object>PyTuple_GET_ITEM(pair, 0)
        if not _plain_name(name):
            return None
        pairs[i] = <PyObject*>pair
        if _is(name, b"authorization", 13):
            if auth_at >= 0:
                auth_at = -2
                break
            auth_at = i
        elif _is(name, b"x-amz-date", 10):
            if date_at >= 0:
                date_at = -2
                break
            date_at = i
        elif _is(name, b"x-amz-security-token", 20):
            if token_at >= 0:
                token_at = -2
                break
            token_at = i
    if auth_at < 0 or date_at < 0 or token_at == -2:
        return None

    # Authorization: "AWS4-HMAC-SHA256 Credential=k/d/r/s/t, SignedHeaders=..., Signature=..."
    header = <object>PyTuple_GET_ITEM(<object>pairs[auth_at], 1)
    p = <const unsigned char*>PyBytes_AS_STRING(header)
    size = PyBytes_GET_SIZE(header)
    for i in range(size):
        if p[i] < 0x20 or p[i] > 0x7E:
            pos = -1
            break
    else:
        pos = _expect(p, 0, size, _PREFIX, _PREFIX_LEN)
    cred_start = pos
    if pos >= 0:
        pos = _field_end(p, pos, size, True, True)  # access key id: one byte at least
        if pos == cred_start or pos >= size or p[pos] != c'/':
            pos = -1
    for k in range(4):  # date, region, service, terminator
        if pos < 0:
            break
        pos = _field_end(p, pos + 1, size, True, False)
        if pos >= size or p[pos] != (c',' if k == 3 else c'/'):
            pos = -1
    cred_end = pos
    if pos >= 0:
        pos += 1
        if pos < size and p[pos] == c' ':
            pos += 1
        pos = _expect(p, pos, size, b"SignedHeaders=", 14)
    signed_start = pos
    if pos >= 0:
        pos = _field_end(p, pos, size, False, False)
        if pos == signed_start or pos >= size or p[pos] != c',':
            pos = -1
    signed_end = pos
    if pos >= 0:
        pos += 1
        if pos < size and p[pos] == c' ':
            pos += 1
        pos = _expect(p, pos, size, b"Signature=", 10)
    sig_start = pos
    if pos >= 0:
        pos = _field_end(p, pos, size, False, False)
        if pos == sig_start or pos != size:
            pos = -1
    if pos < 0:
        return None

    signed = PyBytes_FromStringAndSize(<const char*>p + signed_start, signed_end - signed_start)
    listed = _signed_names(signed)
    if listed is None or (token_at >= 0 and not (<tuple>listed)[1]):
        return None
    names = (<tuple>listed)[0]
    # Each signed header present once, its value usable as sent.
    for j in range(len(names)):
        name = names[j]
        found = -1
        for i in range(count):
            if _is(<object>PyTuple_GET_ITEM(<object>pairs[i], 0), PyBytes_AS_STRING(name),
                   PyBytes_GET_SIZE(name)):
                if found >= 0:
                    found = -2
                    break
                found = i
        if found < 0 or not _plain_value(<object>PyTuple_GET_ITEM(<object>pairs[found], 1)):
            return None
        signed_values[j] = PyTuple_GET_ITEM(<object>pairs[found], 1)

    dated = _amz_date(<object>PyTuple_GET_ITEM(<object>pairs[date_at], 1))
    scope = _scope(PyBytes_FromStringAndSize(
        <const char*>p + cred_start, cred_end - cred_start
    ))
    if (
        dated is None
        or PyBytes_GET_SIZE(scope.date_bytes) != 8
        or memcmp(PyBytes_AS_STRING(scope.date_bytes),
                  PyBytes_AS_STRING(<object>PyTuple_GET_ITEM(<object>pairs[date_at], 1)),
                  8) != 0
        or not scope.region_valid
        or (regions is not None and scope.region not in regions)
        or scope.service != service
        or not scope.terminator_valid
    ):
        return None
    amz_date, signed_at = <tuple>dated
    if not (now - _MAX_SKEW <= signed_at <= now + _MAX_SKEW):
        return None

    # Every check before the lookup passed; from here on the refusals are raised here.
    caller, secret, session_token = lookup(scope.key_id)
    if session_token is not None or token_at >= 0:
        if token_at < 0 or session_token is None:
            raise _KMSError("UnrecognizedClientException", _INVALID_TOKEN)
        token = (<bytes><object>PyTuple_GET_ITEM(<object>pairs[token_at], 1)).decode("latin-1")
        if not _compare_digest(token.encode("utf-8"), session_token.encode("utf-8")):
            raise _KMSError("UnrecognizedClientException", _INVALID_TOKEN)
    if size - sig_start != 64:
        raise _invalid(_MISMATCH)
    for i in range(32):
        hi = _unhex(p[sig_start + 2 * i])
        lo = _unhex(p[sig_start + 2 * i + 1])
        if hi < 0 or lo < 0:
            raise _invalid(_MISMATCH)
        given[i] = <unsigned char>(hi * 16 + lo)

    # The canonical request: method, path, empty query, the signed headers, their names,
    # the body's hash.
    size = PyBytes_GET_SIZE(_REQUEST_HEAD) + 1 + PyBytes_GET_SIZE(signed) + 1 + 64
    for j in range(len(names)):
        size += PyBytes_GET_SIZE(names[j]) + 1 + PyBytes_GET_SIZE(<object>signed_values[j]) + 1
    canonical = PyBytes_FromStringAndSize(NULL, size)
    out = PyBytes_AS_STRING(canonical)
    memcpy(out, PyBytes_AS_STRING(_REQUEST_HEAD), PyBytes_GET_SIZE(_REQUEST_HEAD))
    out += PyBytes_GET_SIZE(_REQUEST_HEAD)
    for j in range(len(names)):
        name = names[j]
        memcpy(out, PyBytes_AS_STRING(name), PyBytes_GET_SIZE(name))
        out += PyBytes_GET_SIZE(name)
        out[0] = c':'
        out += 1
        value = <object>signed_values[j]
        memcpy(out, PyBytes_AS_STRING(value), PyBytes_GET_SIZE(value))
        out += PyBytes_GET_SIZE(value)
        out[0] = c'\n'
        out += 1
    out[0] = c'\n'
    out += 1
    memcpy(out, PyBytes_AS_STRING(signed), PyBytes_GET_SIZE(signed))
    out += PyBytes_GET_SIZE(signed)
    out[0] = c'\n'
    out += 1
    body_digest = _sha256(body).digest()
    _hex(<const unsigned char*>PyBytes_AS_STRING(body_digest), out)
    canonical_digest = _sha256(canonical).digest()
    _hex(<const unsigned char*>PyBytes_AS_STRING(canonical_digest), hexed)

    # The string to sign, then HMAC under the scope's signing key.
    amz = <object>PyTuple_GET_ITEM(<object>pairs[date_at], 1)
    size = PyBytes_GET_SIZE(_ALGORITHM_LINE) + 16 + 1 + PyBytes_GET_SIZE(scope.scope) + 1 + 64
    to_sign = PyBytes_FromStringAndSize(NULL, size)
    out = PyBytes_AS_STRING(to_sign)
    memcpy(out, PyBytes_AS_STRING(_ALGORITHM_LINE), PyBytes_GET_SIZE(_ALGORITHM_LINE))
    out += PyBytes_GET_SIZE(_ALGORITHM_LINE)
    memcpy(out, PyBytes_AS_STRING(amz), 16)
    out[16] = c'\n'
    out += 17
    memcpy(out, PyBytes_AS_STRING(scope.scope), PyBytes_GET_SIZE(scope.scope))
    out += PyBytes_GET_SIZE(scope.scope)
    out[0] = c'\n'
    memcpy(out + 1, hexed, 64)

    keyed = scope.keyed  # one tuple, so a thread switch never pairs a secret and other pads
    if keyed is None or not ((<tuple>keyed)[0] is secret or (<tuple>keyed)[0] == secret):
        keyed = (secret, _hmac_pads(secret, scope.date, scope.region, service))
        scope.keyed = keyed
    inner_pad, outer_pad = <tuple>(<tuple>keyed)[1]
    inner = inner_pad.copy()
    inner.update(to_sign)
    outer = outer_pad.copy()
    outer.update(inner.digest())
    expected = outer.digest()
    digest = <const unsigned char*>PyBytes_AS_STRING(expected)
    for i in range(32):
        diff |= digest[i] ^ given[i]
    if diff:
        raise _invalid(_MISMATCH)

    result = _new_object(_Authenticated)
    init_slot(result, _CALLER, caller)
    init_slot(result, _KEY_ID, scope.key_id)
    init_slot(result, _REGION, scope.region)
    init_slot(result, _SIGNED_AT, signed_at)
    return result
