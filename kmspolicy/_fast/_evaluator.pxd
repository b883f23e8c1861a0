# The compiled evaluator: the compiled twin of kmspolicy.engine.reference.

from cpython.object cimport PyObject

from kmspolicy._fast._compiled cimport CCondition, CompiledPolicy, CStatement


cdef enum:
    INLINE = 8  # found items a _Scan keeps inline before a list takes the rest


cdef struct Items:
    # What a scan found, in order, each with a small code (a MatchKind, or MatchKind * 4 +
    # GrantUse). Owned references: the first INLINE inline, the rest as (item, code)
    # tuples in the list ``more`` (NULL until needed). Filled by _add, emptied by _clear.
    Py_ssize_t count
    PyObject* first[INLINE]
    unsigned char first_codes[INLINE]
    PyObject* more


cdef class _Scan:
    # What one evaluation needs about the request, read once from the RequestContext,
    # and what the scans found.
    cdef str action
    cdef Py_ssize_t position          # the action's ACTION_INDEX, -1 outside the catalogue
    cdef str resource
    cdef bint service
    cdef tuple identities
    cdef int kinds[3]                 # MatchKind of each identity
    cdef Py_ssize_t identity_count
    cdef object message               # why the last condition could not be evaluated
    cdef list errors                  # None until a statement cannot be evaluated
    cdef list denies                  # None until a Deny matches
    cdef Items identity_allows        # identity-policy Allow reasons
    cdef Items key_allows             # key-policy Allow reasons, with their MatchKind
    cdef Items grants                 # the key's grants to the caller, with their code
