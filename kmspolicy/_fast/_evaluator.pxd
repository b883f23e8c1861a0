# The compiled evaluator: the compiled twin of kmspolicy.engine.reference.

from kmspolicy._fast._compiled cimport CCondition, CompiledPolicy, CStatement


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
    cdef list identity_allows         # identity-policy Allow reasons (None: none yet)
    cdef list key_allows              # key-policy Allow reasons (None: none yet)
    cdef unsigned char first_kinds[64]  # ... and their MatchKind
    cdef list more_kinds              # beyond the first 64
    cdef list grants                  # the key's grants to the caller (None: none)
    cdef unsigned char first_codes[64]  # ... and their MatchKind * 4 + GrantUse
    cdef list more_codes              # beyond the first 64

    cdef void add_key_kind(self, Py_ssize_t index, int kind) except *
    cdef int key_kind(self, Py_ssize_t index)
    cdef void add_grant(self, object grant, int code) except *
    cdef int grant_code(self, Py_ssize_t index)
