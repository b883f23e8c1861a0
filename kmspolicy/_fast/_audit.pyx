# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# distutils: libraries = crypto
# distutils: define_macros = OPENSSL_SUPPRESS_DEPRECATED=1
# The compiled twin of kmspolicy.kms.audit.chain_reference (the specification).
"""``chain``: the audit writer's step, linking and hashing a batch of records in C.

The batch's lines are laid out in one buffer, each record's chain members written in
place; SHA-256 (OpenSSL's, with the CPU's SHA instructions where present) reads each
record's hashed bytes where they lie, and the hex digest goes straight into the line and
the next record's ``prevHash``. No per-record Python objects are made, and the GIL is
released while the lines are laid out and hashed.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.mem cimport PyMem_Free, PyMem_Malloc
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


cdef Py_ssize_t _digits(long long value) noexcept nogil:
    cdef Py_ssize_t count = 1
    while value >= 10:
        value //= 10
        count += 1
    return count


cdef char *_put_decimal(char *out, long long value, Py_ssize_t digits) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(digits - 1, -1, -1):
        out[i] = <char>(48 + value % 10)
        value //= 10
    return out + digits


def chain(list batch, seq, str prev):
    """See ``kmspolicy.kms.audit.chain_reference``: the same bytes, seq, digest and errors.
    The lines are laid out and hashed without the GIL: request threads run meanwhile."""
    cdef bytes previous = prev.encode("ascii")
    cdef const char *digest = PyBytes_AS_STRING(previous)
    cdef Py_ssize_t i, n = len(batch), total = 0
    if PyBytes_GET_SIZE(previous) != 64:
        raise ValueError(f"the previous hash must be 64 hex digits, not {prev!r}")
    for i in range(64):
        if not (48 <= digest[i] <= 57 or 97 <= digest[i] <= 102):
            raise ValueError(f"the previous hash must be 64 hex digits, not {prev!r}")
    if not 0 <= seq <= SEQ_LIMIT - n:
        raise OverflowError(f"seq {seq} is out of the chain's range")
    cdef long long first = seq, number = first
    cdef tuple events = tuple(batch)  # holds the records while the GIL is released
    cdef const char **starts = <const char **>PyMem_Malloc(n * sizeof(char *) + 1)
    cdef Py_ssize_t *sizes = <Py_ssize_t *>PyMem_Malloc(n * sizeof(Py_ssize_t) + 1)
    cdef bytes data
    cdef char *buffer
    try:
        if starts == NULL or sizes == NULL:
            raise MemoryError()
        for i in range(n):
            event = events[i]
            if type(event) is not bytes:
                raise TypeError(f"audit records are bytes, not {type(event).__name__}")
            starts[i] = PyBytes_AS_STRING(event)
            sizes[i] = PyBytes_GET_SIZE(event)
            number += 1
            # {"hash":"<64>","seq":N,"prevHash":"<64>", + the event after its "{" + newline
            total += 9 + 64 + 8 + _digits(number) + 13 + 64 + 2 + max(sizes[i] - 1, 0) + 1
        data = PyBytes_FromStringAndSize(NULL, total)
        buffer = PyBytes_AS_STRING(data)
        with nogil:
            digest = _lay_out(buffer, starts, sizes, n, first, digest)
    finally:
        PyMem_Free(starts)
        PyMem_Free(sizes)
    if n:
        previous = digest[:64]
    return data, number, previous.decode("ascii")


cdef const char *_lay_out(
    char *out,
    const char **starts,
    const Py_ssize_t *sizes,
    Py_ssize_t n,
    long long number,
    const char *digest,
) noexcept nogil:
    """Writes the n lines into out; returns where the last line's digest lies."""
    cdef Py_ssize_t i, j, size
    cdef char *line
    cdef char *body
    cdef unsigned char raw[32]
    cdef SHA256_CTX context
    for i in range(n):
        size = sizes[i]
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
            memcpy(out, starts[i] + 1, size - 1)
            out += size - 1
        SHA256_Init(&context)
        SHA256_Update(&context, b"{", 1)
        SHA256_Update(&context, body, out - body)
        SHA256_Final(raw, &context)
        out[0] = b"\n"
        out += 1
        for j in range(32):
            line[9 + 2 * j] = HEX[raw[j] >> 4]
            line[10 + 2 * j] = HEX[raw[j] & 15]
        digest = line + 9
    return digest
