# The glob matcher of the compiled evaluator: ``*`` any run, ``?`` one code point.

cdef class Glob:
    # The pattern as code points; the two wildcards are stored as values above the
    # Unicode range, so a literal "*" (an escape or substituted text) stays literal.
    cdef Py_UCS4* pattern
    cdef Py_ssize_t length
    cdef bint anything  # the pattern is only "*"s: it matches every string
    cdef str exact  # the pattern has no wildcard: plain string equality
    cdef str prefix  # the literal text before the first wildcard
    cdef str suffix  # the literal text after the last wildcard
    cdef bint middle_runs  # only "*"s lie between prefix and suffix
    cdef readonly str text  # the pattern as written, for repr and tests

    cdef bint matches(self, str subject) noexcept


cdef Glob glob_from_pieces(tuple pieces)
cdef Glob glob_from_text(str text)
