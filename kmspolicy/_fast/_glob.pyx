"""Glob patterns compiled to code-point arrays and matched in C.

The meaning is that of ``kmspolicy.engine.operators.glob_regex`` (case-sensitive): ``*``
matches any run of code points (newlines included), ``?`` exactly one, everything else
itself; the whole subject must match. Text that came from an escape (``${*}``) or a
substituted policy variable is literal, so pieces say which text may hold wildcards.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport PyUnicode_GET_LENGTH, PyUnicode_READ, PyUnicode_Tailmatch

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)

cdef enum:
    ANY_RUN = 0x110000
    ANY_ONE = 0x110001


cdef class Glob:
    def __dealloc__(self):
        PyMem_Free(self.pattern)

    def __repr__(self) -> str:
        return f"Glob({self.text!r})"

    def match(self, str subject) -> bool:
        """Whether ``subject`` matches the whole pattern (for tests and the Python side)."""
        return self.matches(subject)

    cdef bint matches(self, str subject) noexcept:
        if self.anything:
            return True
        if self.exact is not None:
            return subject == self.exact
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(subject)
        cdef Py_ssize_t head = PyUnicode_GET_LENGTH(self.prefix)
        cdef Py_ssize_t tail = PyUnicode_GET_LENGTH(self.suffix)
        # The literal text around the wildcards is compared whole (memcmp for text of
        # one width); only what lies between the first and the last wildcard is scanned.
        if n < head + tail:
            return False
        if head and PyUnicode_Tailmatch(subject, self.prefix, 0, n, -1) != 1:
            return False
        if tail and PyUnicode_Tailmatch(subject, self.suffix, 0, n, 1) != 1:
            return False
        if self.middle_runs:
            return True
        cdef int kind = PyUnicode_KIND(subject)
        cdef void* data = PyUnicode_DATA(subject)
        cdef Py_ssize_t plen = self.length - tail
        cdef Py_UCS4* p = self.pattern
        cdef Py_ssize_t pi = head, si = head, star = -1, mark = 0
        cdef Py_UCS4 pc
        n -= tail
        # Greedy scan that backtracks to the last "*": linear for the patterns policies hold.
        while si < n:
            if pi < plen:
                pc = p[pi]
                if pc == ANY_RUN:
                    star = pi
                    mark = si
                    pi += 1
                    continue
                if pc == ANY_ONE or pc == PyUnicode_READ(kind, data, si):
                    pi += 1
                    si += 1
                    continue
            if star < 0:
                return False
            pi = star + 1
            mark += 1
            si = mark
        while pi < plen and p[pi] == ANY_RUN:
            pi += 1
        return pi == plen


cdef Glob glob_from_pieces(tuple pieces):
    """A Glob from ``(text, is_pattern)`` pieces (``kmspolicy.engine.operators.Pieces``)."""
    cdef Glob glob = Glob.__new__(Glob)
    cdef Py_ssize_t total = 0, i = 0
    cdef str text
    cdef bint is_pattern, wild = False, only_runs = True
    cdef Py_UCS4 ch
    for text, is_pattern in pieces:
        total += len(text)
    glob.pattern = <Py_UCS4*> PyMem_Malloc((total if total else 1) * sizeof(Py_UCS4))
    if glob.pattern is NULL:
        raise MemoryError()
    for text, is_pattern in pieces:
        for ch in text:
            if is_pattern and ch == u"*":
                glob.pattern[i] = ANY_RUN
                wild = True
            elif is_pattern and ch == u"?":
                glob.pattern[i] = ANY_ONE
                wild = True
                only_runs = False
            else:
                glob.pattern[i] = ch
                only_runs = False
            i += 1
    glob.length = total
    glob.anything = wild and only_runs
    # The literal prefix and suffix, and whether only "*"s lie between them.
    cdef Py_ssize_t first = 0, last = total
    while first < total and glob.pattern[first] < ANY_RUN:
        first += 1
    if first < total:
        while glob.pattern[last - 1] < ANY_RUN:
            last -= 1
    glob.prefix = "".join([chr(glob.pattern[i]) for i in range(first)])
    glob.suffix = "".join([chr(glob.pattern[i]) for i in range(last, total)])
    glob.middle_runs = True
    for i in range(first, last):
        if glob.pattern[i] != ANY_RUN:
            glob.middle_runs = False
    joined = "".join([piece[0] for piece in pieces])
    glob.exact = None if wild else joined
    glob.text = joined
    return glob


cdef Glob glob_from_text(str text):
    return glob_from_pieces(((text, True),))


def compile_glob(object pattern) -> Glob:
    """A Glob from pattern text (wildcards active) or from pieces."""
    if isinstance(pattern, str):
        return glob_from_text(pattern)
    return glob_from_pieces(tuple(pattern))
