# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# distutils: libraries = crypto
# distutils: define_macros = OPENSSL_SUPPRESS_DEPRECATED=1
# The compiled twin of kmspolicy.kms.audit.chain_reference (the specification).
"""``chain``: the audit writer's step, linking and hashing a batch of records in C.

The batch's lines are laid out in one buffer, each record's chain members written in
place; SHA-256 (OpenSSL's, with the CPU's SHA instructions where present) reads each
record's hashed bytes where they lie, and the hex digest goes straight into the line and
the next record's ``prevHash``. No per-record Python objects are made.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from libc.string cimport memcpy


cdef extern from "openssl/sha.h":
    ctypedef struct SHA256_CTX:
        pass
    int SHA256_Init(SHA256_CTX *c) nogil
    int SHA256_Update(SHA256_CTX *c, const void *data, size_t n) nogil
    int SHA256_Final(unsigned char *md, SHA256_CTX *c) nogil


cdef const char *HEX = b"0123456789abcdef"
cdef const char *HASH_OPEN = b'{"hash":"'  # 9 bytes, then the digest
cdef const char *SEQ_OPEN = b'","seq":'  # 8 bytes, then the decimal seq
cdef const char *PREV_OPEN = b',"prevHash":"'  # 13 bytes, then the previous digest
cdef long long SEQ_LIMIT = 1LL << 62


cdef Py_ssize_t _digits(long long value) noexcept:
    cdef Py_ssize_t count = 1
    while value >= 10:
        value //= 10
        count += 1
    return count


cdef char *_put_decimal(char *out, long long value, Py_ssize_t digits) noexcept:
    cdef Py_ssize_t i
    for i in range(digits - 1, -1, -1):
        out[i] = <char>(48 + value % 10)
        value //= 10
    return out + digits


def chain(list batch, seq, str prev):
    """See ``kmspolicy.kms.audit.chain_reference``: the same bytes, seq, digest and errors."""
    cdef bytes previous = prev.encode("ascii")
    cdef const char *digest = PyBytes_AS_STRING(previous)
    cdef Py_ssize_t i, n = len(batch), total = 0, size
    if PyBytes_GET_SIZE(previous) != 64:
        raise ValueError(f"the previous hash must be 64 hex digits, not {prev!r}")
    for i in range(64):
        if not (48 <= digest[i] <= 57 or 97 <= digest[i] <= 102):
            raise ValueError(f"the previous hash must be 64 hex digits, not {prev!r}")
    if not 0 <= seq <= SEQ_LIMIT - n:
        raise OverflowError(f"seq {seq} is out of the chain's range")
    cdef long long number = seq
    for event in batch:
        if type(event) is not bytes:
            raise TypeError(f"audit records are bytes, not {type(event).__name__}")
        size = PyBytes_GET_SIZE(event)
        number += 1
        # {"hash":"<64>","seq":N,"prevHash":"<64>", + the event after its "{" + newline
        total += 9 + 64 + 8 + _digits(number) + 13 + 64 + 2 + (size - 1 if size else 0) + 1
    cdef bytes data = PyBytes_FromStringAndSize(NULL, total)
    cdef char *out = PyBytes_AS_STRING(data)
    cdef char *line
    cdef char *body
    cdef const char *hashed
    cdef unsigned char raw[32]
    cdef SHA256_CTX context
    number = seq
    for event in batch:
        size = PyBytes_GET_SIZE(event)
        number += 1
        line = out
        memcpy(out, HASH_OPEN, 9)
        out += 9 + 64  # the digest goes here once known
        body = out + 2  # what is hashed: "{" and everything from "seq" to the event's end
        memcpy(out, SEQ_OPEN, 8)
        out = _put_decimal(out + 8, number, _digits(number))
        memcpy(out, PREV_OPEN, 13)
        memcpy(out + 13, digest, 64)
        out[77] = b'"'
        out[78] = b","
        out += 79
        if size > 1:
            memcpy(out, PyBytes_AS_STRING(event) + 1, size - 1)
            out += size - 1
        SHA256_Init(&context)
        SHA256_Update(&context, b"{", 1)
        SHA256_Update(&context, body, out - body)
        SHA256_Final(raw, &context)
        out[0] = b"\n"
        out += 1
        for i in range(32):
            line[9 + 2 * i] = HEX[raw[i] >> 4]
            line[10 + 2 * i] = HEX[raw[i] & 15]
        digest = line + 9
    if n:
        previous = digest[:64]
    return data, number, previous.decode("ascii")
