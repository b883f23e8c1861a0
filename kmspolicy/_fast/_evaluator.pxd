# The compiled evaluator: the compiled twin of kmspolicy.engine.reference.

from kmspolicy._fast._compiled cimport CCondition, CompiledPolicy, CStatement


cdef class _Scan:
    # What one evaluation needs about the request, read once from the RequestContext.
    cdef str action
    cdef Py_ssize_t position          # the action's ACTION_INDEX, -1 outside the catalogue
    cdef str resource
    cdef bint service
    cdef tuple identities
    cdef int kinds[3]                 # MatchKind of each identity
    cdef Py_ssize_t identity_count
    cdef frozenset single
    cdef object message               # why the last condition could not be evaluated
    cdef list errors
    cdef list denies
