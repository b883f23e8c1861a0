# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# distutils: libraries = crypto
# distutils: define_macros = OPENSSL_SUPPRESS_DEPRECATED=1
# The compiled twin of kmspolicy.server.sigv4.verify_asgi_reference (the specification).
"""``verify_asgi``: SigV4 verification of an ASGI request, worked on the raw bytes.

The common request an AWS SDK sends is checked here: ``POST /`` without a query, a list
(or tuple) of header pairs of bytes with lowercase names, the ones that matter present once, the
``Authorization`` header in the SDKs' layout (``sigv4._SDK_AUTHORIZATION``) in printable
ASCII, the signed header values printable ASCII with no whitespace to trim or fold (so the
canonical request holds them as sent), and ``now`` a UTC ``datetime``. Anything else — and
any request this path would refuse before the access key is looked up — goes to the
reference, so every refusal carries the reference's code and wording in AWS's check order.
After the lookup (called once) the only refusals are the session-token and signature ones,
raised here as the reference raises them.

What a client repeats is parsed once: the ``Authorization`` header up to its signature
(the credential scope and the signed header list, for one access key and day) and each
``X-Amz-Date`` value. The signature uses pre-hashed HMAC pads (as ``sigv4._hmac_pads``),
kept with the parsed header for the secret last seen with it. Hashing is OpenSSL's SHA-256
called directly, on states held in C: no hash objects per request.
"""

cimport cython

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.datetime cimport (
    datetime_day,
    datetime_hour,
    datetime_microsecond,
    datetime_minute,
    datetime_month,
    datetime_second,
    datetime_tzinfo,
    datetime_year,
    import_datetime,
)
from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.list cimport PyList_AsTuple
from cpython.object cimport PyObject
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE
from libc.string cimport memcmp, memcpy, memset

from kmspolicy._fast._slots cimport _new_object, init_slot, slot_offset

import hmac
from dataclasses import fields
from datetime import UTC, datetime, timedelta

from kmspolicy.server import sigv4 as _reference

__all__ = ["verify_asgi"]

import_datetime()

cdef object _verify_reference = _reference.verify_asgi_reference
cdef object _parse_amz_date = _reference._parse_amz_date
cdef object _signed_header_list = _reference._signed_header_list
cdef object _valid_region = _reference._valid_region
cdef object _signing_key = _reference.signing_key
cdef object _invalid = _reference._invalid
cdef str _MISMATCH = _reference._MISMATCH
cdef str _INVALID_TOKEN = _reference._INVALID_TOKEN
cdef object _KMSError = _reference.KMSError
cdef long long _SKEW_US = _reference.MAX_SKEW // timedelta(microseconds=1)
# hashlib's SHA-256 objects, their methods called through the type (no attribute
# lookup per call); a fresh hash is a copy of an empty one (no algorithm fetch per call)
cdef object _compare_digest = hmac.compare_digest
cdef object _UTC = UTC
cdef type _datetime = datetime

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
    CACHE_LIMIT = 1024  # entries of each cache; emptied when full

cdef const char* _HEX = b"0123456789abcdef"
cdef signed char _HEX_VALUE[256]  # a lowercase hex digit's value, else -1


cdef void _fill_hex_values() noexcept:
    cdef int i
    for i in range(256):
        _HEX_VALUE[i] = -1
    for i in range(16):
        _HEX_VALUE[<unsigned char>_HEX[i]] = i


_fill_hex_values()
cdef bytes _REQUEST_HEAD = b"POST\n/\n\n"
cdef bytes _ALGORITHM_LINE = b"AWS4-HMAC-SHA256\n"


cdef extern from "openssl/sha.h":
    ctypedef struct SHA256_CTX:
        pass
    int SHA256_Init(SHA256_CTX *c)
    int SHA256_Update(SHA256_CTX *c, const void *data, size_t n)
    int SHA256_Final(unsigned char *md, SHA256_CTX *c)


@cython.final
cdef class _Pads:
    """HMAC-SHA256 under one scope's signing key, with its two padded key blocks already
    hashed (RFC 2104; ``sigv4._hmac_pads``): a signature then costs two hash runs."""

    cdef str secret
    cdef SHA256_CTX inner, outer


cdef _Pads _pads(str secret, str date, str region, str service):
    cdef bytes key = _signing_key(secret, date, region, service)  # 32 bytes
    cdef unsigned char block[64]
    cdef unsigned char padded[64]
    cdef int i
    cdef _Pads pads = _Pads.__new__(_Pads)
    pads.secret = secret
    memset(block, 0, 64)
    memcpy(block, PyBytes_AS_STRING(key), PyBytes_GET_SIZE(key))
    for i in range(64):
        padded[i] = block[i] ^ 0x36
    SHA256_Init(&pads.inner)
    SHA256_Update(&pads.inner, padded, 64)
    for i in range(64):
        padded[i] = block[i] ^ 0x5C
    SHA256_Init(&pads.outer)
    SHA256_Update(&pads.outer, padded, 64)
    return pads


cdef inline void _sha256(const char* data, Py_ssize_t size, unsigned char* digest) noexcept:
    cdef SHA256_CTX context
    SHA256_Init(&context)
    SHA256_Update(&context, data, size)
    SHA256_Final(digest, &context)


@cython.final
cdef class _Authorization:
    """An Authorization header in the SDKs' layout up to its signature, read as the
    reference reads it."""

    cdef bytes prefix  # the header up to and with "Signature="
    cdef Py_ssize_t length  # of the prefix
    cdef str key_id, date, region, service
    cdef bytes scope  # b"date/region/service/terminator"
    cdef bytes signed  # the SignedHeaders value
    cdef bint date_valid, region_valid, terminator_valid
    cdef tuple names  # the signed header names; None if the reference refuses the list
    cdef bint signs_token
    cdef _Pads keyed  # for the last secret seen with it


@cython.final
cdef class _Date:
    """An X-Amz-Date value the reference accepts: its time, also as epoch seconds."""

    cdef bytes value
    cdef object signed_at
    cdef long long seconds


cdef dict _AUTHORIZATIONS = {}  # header up to "Signature=" -> _Authorization
cdef dict _DATES = {}  # X-Amz-Date value -> _Date
# The last of each used (one reference each, so a thread switch never tears them).
cdef _Authorization _last_authorization = _Authorization.__new__(_Authorization)
cdef _Date _last_date = _Date.__new__(_Date)


cdef inline long long _days(long long y, long long m, long long d) noexcept:
    """Days from 1970-01-01 to a proleptic Gregorian date."""
    y -= m <= 2
    cdef long long era = (y if y >= 0 else y - 399) // 400
    cdef long long yoe = y - era * 400
    cdef long long doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    cdef long long doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


cdef inline bint _is(object name, const char* text, Py_ssize_t size) noexcept:
    return PyBytes_GET_SIZE(name) == size and memcmp(PyBytes_AS_STRING(name), text, size) == 0


cdef inline bint _plain_name(object name) noexcept:
    """Lowercase ASCII: nothing the reference's lowercasing would change."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(name)
    cdef Py_ssize_t i
    for i in range(PyBytes_GET_SIZE(name)):
        if <unsigned char>(p[i] - c'A') < 26 or p[i] >= 0x80:
            return False
    return True


cdef inline bint _plain_value(object value) noexcept:
    """Printable ASCII with nothing for the canonical form to trim or fold: no space at
    either end, no two spaces in a row."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(value)
    cdef Py_ssize_t i, n = PyBytes_GET_SIZE(value)
    if n and (p[0] == c' ' or p[n - 1] == c' '):
        return False
    # p[n] is the NUL every bytes object ends with, so p[i + 1] is always readable
    for i in range(n):
        if <unsigned char>(p[i] - 0x20) > 0x5E or (p[i] == c' ' and p[i + 1] == c' '):
            return False
    return True


cdef inline bint _unhex(const unsigned char* p, unsigned char* out) noexcept:
    """The 32 bytes of 64 lowercase hex digits; False if they are not."""
    cdef int i, hi, lo
    for i in range(32):
        hi = _HEX_VALUE[p[2 * i]]
        lo = _HEX_VALUE[p[2 * i + 1]]
        if hi < 0 or lo < 0:
            return False
        out[i] = <unsigned char>(hi * 16 + lo)
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
    if i < 0 or i + size > n or memcmp(p + i, text, size) != 0:
        return -1
    return i + size


cdef _Authorization _parse_authorization(bytes header):
    """The header's fields if ``_SDK_AUTHORIZATION`` matches all of it and it is printable
    ASCII, else None. The pattern has no alternatives, so it is read left to right:
    ``AWS4-HMAC-SHA256 Credential=`` k ``/`` d ``/`` r ``/`` s ``/`` t ``,`` [space]
    ``SignedHeaders=`` h ``,`` [space] ``Signature=`` v, where the fields exclude ``,``
    and whitespace, k also ``/`` and ``=``, d r s t also ``/``, and k, h, v are not empty."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(header)
    cdef Py_ssize_t size = PyBytes_GET_SIZE(header), i, pos, k
    cdef Py_ssize_t cred_start, cred_end, signed_start, signed_end, sig_start
    for i in range(size):
        if p[i] < 0x20 or p[i] > 0x7E:
            return None
    pos = _expect(p, 0, size, b"AWS4-HMAC-SHA256 Credential=", 28)
    cred_start = pos
    if pos >= 0:
        pos = _field_end(p, pos, size, True, True)
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

    cdef _Authorization parsed = _Authorization.__new__(_Authorization)
    parsed.prefix = header[:sig_start]
    parsed.length = sig_start
    credential = header[cred_start:cred_end]
    key_id, date, region, service, terminator = credential.decode("ascii").split("/")
    parsed.key_id, parsed.date, parsed.region, parsed.service = key_id, date, region, service
    parsed.scope = credential[len(key_id) + 1 :]
    parsed.date_valid = len(date) == 8
    parsed.region_valid = _valid_region(region)
    parsed.terminator_valid = terminator == "aws4_request"
    parsed.signed = header[signed_start:signed_end]
    names, missing, well_formed = _signed_header_list(parsed.signed.decode("ascii"))
    if missing is None and well_formed and len(names) <= MAX_SIGNED:
        parsed.names = tuple([n.encode("ascii") for n in names])
        parsed.signs_token = "x-amz-security-token" in names
    return parsed


cdef _Date _parse_date(bytes value):
    """The value's time if it has the basic ISO-8601 shape, names a real time (as
    ``sigv4._parse_amz_date`` reads it) and lies well inside ``datetime``'s years (so
    that ``now`` five minutes away from it is too), else None."""
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(value)
    cdef Py_ssize_t i
    if PyBytes_GET_SIZE(value) != 16 or p[8] != c'T' or p[15] != c'Z':
        return None
    for i in range(15):
        if i != 8 and not (c'0' <= p[i] <= c'9'):
            return None
    try:
        signed_at = _parse_amz_date(value.decode("ascii"))
    except ValueError:
        return None
    if not 2 <= datetime_year(signed_at) <= 9998:
        return None
    cdef _Date date = _Date.__new__(_Date)
    date.value = value
    date.signed_at = signed_at
    date.seconds = (
        _days(datetime_year(signed_at), datetime_month(signed_at), datetime_day(signed_at))
        * 86400
        + datetime_hour(signed_at) * 3600
        + datetime_minute(signed_at) * 60
        + datetime_second(signed_at)
    )
    return date


cdef inline void _remember(dict cache, object key, object value):
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    PyDict_SetItem(cache, key, value)


cdef inline void _hex(const unsigned char* digest, char* out) noexcept:
    cdef int i
    for i in range(32):
        out[2 * i] = _HEX[digest[i] >> 4]
        out[2 * i + 1] = _HEX[digest[i] & 15]


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
    global _last_authorization, _last_date
    cdef Py_ssize_t count, i, j, found, size
    cdef Py_ssize_t auth_at = -1, date_at = -1, token_at = -1
    cdef const unsigned char* p
    cdef char* out
    cdef PyObject* cached
    cdef _Authorization auth = None
    cdef _Date date
    cdef tuple names
    cdef long long now_us, signed_us
    cdef unsigned char diff = 0
    cdef unsigned char given[32]
    cdef bint hex_signature
    cdef char hexed[64]
    cdef unsigned char raw[32]
    cdef SHA256_CTX context
    cdef _Pads pads

    if (
        type(method) is not str
        or method != "POST"
        or type(raw_path) is not bytes
        or not _is(raw_path, b"/", 1)
        or type(query_string) is not bytes
        or PyBytes_GET_SIZE(query_string) != 0
        or type(body) is not bytes
        or (type(headers) is not list and type(headers) is not tuple)
        or type(now) is not _datetime
        or datetime_tzinfo(now) is not _UTC
    ):
        return None
    # held as a tuple: the lookup and ``regions`` may run any code, the list could change
    pinned = PyList_AsTuple(headers) if type(headers) is list else headers
    count = PyTuple_GET_SIZE(pinned)
    if count > MAX_HEADERS:
        return None
    # Pairs of bytes with lowercase names; the three headers read by name at most once.
    for i in range(count):
        pair = <object>PyTuple_GET_ITEM(pinned, i)
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
                return None
            auth_at = i
        elif _is(name, b"x-amz-date", 10):
            if date_at >= 0:
                return None
            date_at = i
        elif _is(name, b"x-amz-security-token", 20):
            if token_at >= 0:
                return None
            token_at = i
    if auth_at < 0 or date_at < 0:
        return None

    # The Authorization header: as parsed before when all but a 64-digit signature is
    # one seen already, otherwise parsed now.
    header = <object>PyTuple_GET_ITEM(<object>pairs[auth_at], 1)
    p = <const unsigned char*>PyBytes_AS_STRING(header)
    size = PyBytes_GET_SIZE(header)
    hex_signature = size > 74 and _unhex(p + size - 64, given)
    if hex_signature and memcmp(p + size - 74, b"Signature=", 10) == 0:
        auth = _last_authorization  # most requests come from the client of the one before
        if not (
            auth.length == size - 64
            and memcmp(PyBytes_AS_STRING(auth.prefix), p, size - 64) == 0
        ):
            cached = PyDict_GetItem(_AUTHORIZATIONS, header[: size - 64])
            auth = <_Authorization>cached if cached is not NULL else None
    if auth is None:
        auth = _parse_authorization(header)
        if auth is None:
            return None
        _remember(_AUTHORIZATIONS, auth.prefix, auth)
    _last_authorization = auth
    names = auth.names
    if names is None or (token_at >= 0 and not auth.signs_token):
        return None
    # Each signed header present once, its value usable as sent.
    for j in range(PyTuple_GET_SIZE(names)):
        name = <object>PyTuple_GET_ITEM(names, j)
        found = -1
        for i in range(count):
            if _is(<object>PyTuple_GET_ITEM(<object>pairs[i], 0), PyBytes_AS_STRING(name),
                   PyBytes_GET_SIZE(name)):
                if found >= 0:
                    return None
                found = i
        if found < 0 or not _plain_value(<object>PyTuple_GET_ITEM(<object>pairs[found], 1)):
            return None
        signed_values[j] = PyTuple_GET_ITEM(<object>pairs[found], 1)

    amz_date = <object>PyTuple_GET_ITEM(<object>pairs[date_at], 1)
    date = _last_date
    if not (
        date.signed_at is not None
        and PyBytes_GET_SIZE(amz_date) == 16
        and memcmp(PyBytes_AS_STRING(date.value), PyBytes_AS_STRING(amz_date), 16) == 0
    ):
        cached = PyDict_GetItem(_DATES, amz_date)
        if cached is not NULL:
            date = <_Date>cached
        else:
            date = _parse_date(amz_date)
            if date is None:
                return None
            _remember(_DATES, amz_date, date)
        _last_date = date
    if (
        not auth.date_valid
        or memcmp(PyBytes_AS_STRING(auth.scope), PyBytes_AS_STRING(amz_date), 8) != 0
        or not auth.region_valid
        or (regions is not None and auth.region not in regions)
        or auth.service != service
        or not auth.terminator_valid
    ):
        return None
    now_us = (
        (
            _days(datetime_year(now), datetime_month(now), datetime_day(now)) * 86400
            + datetime_hour(now) * 3600
            + datetime_minute(now) * 60
            + datetime_second(now)
        )
        * 1000000
        + datetime_microsecond(now)
    )
    signed_us = date.seconds * 1000000
    if not (now_us - _SKEW_US <= signed_us <= now_us + _SKEW_US):
        return None

    # Every check before the lookup passed; from here on the refusals are raised here.
    caller, secret, session_token = lookup(auth.key_id)
    if session_token is not None or token_at >= 0:
        if token_at < 0 or session_token is None:
            raise _KMSError("UnrecognizedClientException", _INVALID_TOKEN)
        token = (<bytes><object>PyTuple_GET_ITEM(<object>pairs[token_at], 1)).decode("latin-1")
        if not _compare_digest(token.encode("utf-8"), session_token.encode("utf-8")):
            raise _KMSError("UnrecognizedClientException", _INVALID_TOKEN)
    if size - auth.length != 64 or not hex_signature:
        raise _invalid(_MISMATCH)

    # The canonical request: method, path, empty query, the signed headers, their names,
    # the body's hash.
    size = PyBytes_GET_SIZE(_REQUEST_HEAD) + 1 + PyBytes_GET_SIZE(auth.signed) + 1 + 64
    for j in range(PyTuple_GET_SIZE(names)):
        size += (
            PyBytes_GET_SIZE(<object>PyTuple_GET_ITEM(names, j)) + 1
            + PyBytes_GET_SIZE(<object>signed_values[j]) + 1
        )
    canonical = PyBytes_FromStringAndSize(NULL, size)
    out = PyBytes_AS_STRING(canonical)
    memcpy(out, PyBytes_AS_STRING(_REQUEST_HEAD), PyBytes_GET_SIZE(_REQUEST_HEAD))
    out += PyBytes_GET_SIZE(_REQUEST_HEAD)
    for j in range(PyTuple_GET_SIZE(names)):
        name = <object>PyTuple_GET_ITEM(names, j)
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
    memcpy(out, PyBytes_AS_STRING(auth.signed), PyBytes_GET_SIZE(auth.signed))
    out += PyBytes_GET_SIZE(auth.signed)
    out[0] = c'\n'
    out += 1
    _sha256(PyBytes_AS_STRING(body), PyBytes_GET_SIZE(body), raw)
    _hex(raw, out)
    _sha256(PyBytes_AS_STRING(canonical), PyBytes_GET_SIZE(canonical), raw)
    _hex(raw, hexed)

    # The string to sign, then its HMAC under the scope's signing key.
    size = PyBytes_GET_SIZE(_ALGORITHM_LINE) + 16 + 1 + PyBytes_GET_SIZE(auth.scope) + 1 + 64
    to_sign = PyBytes_FromStringAndSize(NULL, size)
    out = PyBytes_AS_STRING(to_sign)
    memcpy(out, PyBytes_AS_STRING(_ALGORITHM_LINE), PyBytes_GET_SIZE(_ALGORITHM_LINE))
    out += PyBytes_GET_SIZE(_ALGORITHM_LINE)
    memcpy(out, PyBytes_AS_STRING(amz_date), 16)
    out[16] = c'\n'
    out += 17
    memcpy(out, PyBytes_AS_STRING(auth.scope), PyBytes_GET_SIZE(auth.scope))
    out += PyBytes_GET_SIZE(auth.scope)
    out[0] = c'\n'
    memcpy(out + 1, hexed, 64)

    # one object, so a thread switch never pairs a secret with another's pads
    pads = auth.keyed
    if pads is None or not (pads.secret is secret or pads.secret == secret):
        pads = _pads(secret, auth.date, auth.region, service)
        auth.keyed = pads
    memcpy(&context, &pads.inner, sizeof(SHA256_CTX))
    SHA256_Update(&context, PyBytes_AS_STRING(to_sign), PyBytes_GET_SIZE(to_sign))
    SHA256_Final(raw, &context)
    memcpy(&context, &pads.outer, sizeof(SHA256_CTX))
    SHA256_Update(&context, raw, 32)
    SHA256_Final(raw, &context)
    for i in range(32):  # constant time, as hmac.compare_digest
        diff |= raw[i] ^ given[i]
    if diff:
        raise _invalid(_MISMATCH)

    result = _new_object(_Authenticated)
    init_slot(result, _CALLER, caller)
    init_slot(result, _KEY_ID, auth.key_id)
    init_slot(result, _REGION, auth.region)
    init_slot(result, _SIGNED_AT, date.signed_at)
    return result
