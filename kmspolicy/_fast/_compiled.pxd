# The compiled form of a policy document (built by _compiled.compile_policy).

cdef enum ValueKind:
    V_STRING
    V_STRING_IGNORE_CASE
    V_GLOB
    V_NUMBER
    V_DATE
    V_BOOL
    V_BINARY
    V_IP
    V_ARN
    V_NULL

cdef enum Compare:
    C_EQ    # equality (sets when every operand is known at compile time)
    C_LT
    C_LE
    C_GT
    C_GE
    C_GLOB
    C_IP
    C_ARN

cdef enum Qualifier:
    Q_NONE
    Q_FOR_ALL_VALUES
    Q_FOR_ANY_VALUE

cdef enum PrincipalMode:
    P_NONE
    P_PRINCIPAL
    P_NOT_PRINCIPAL


cdef class Template:
    # A value with policy variables: parts are (0, text) literal pattern text,
    # (1, char) an escape, (2, lowered key, default or None) a variable.
    cdef tuple parts
    cdef tuple substitute(self, dict values)


cdef class Address:
    # An IP address (mask all ones) or a CIDR block: 128 bits in two halves.
    cdef int version
    cdef unsigned long long high, low, mask_high, mask_low

    cdef bint within(self, Address network) noexcept


cdef Address address(object parsed)


cdef class Failure:
    # A value that cannot be read as the operator's type, with the reference message.
    cdef readonly str message


cdef class CCondition:
    cdef int kind          # ValueKind
    cdef int compare       # Compare
    cdef int qualifier     # Qualifier
    cdef bint negated
    cdef bint if_exists
    cdef str key           # lowercased, interned
    cdef str prefix        # "condition <operator> on <key>: "
    cdef object error      # str: the condition can never be evaluated (unknown operator, bad value)
    cdef object spec       # the reference OperatorSpec (parsing of substituted values)
    cdef frozenset opset   # C_EQ with static operands
    cdef str single        # ... when that is one string: it (compared without the set)
    cdef tuple operands    # other compares with static operands
    cdef tuple entries     # with variables: per value a parsed operand, a Failure or a Template
    cdef bint null_true    # Null: some value is "true" / "false"
    cdef bint null_false


cdef class CStatement:
    cdef readonly int index
    cdef readonly object sid
    cdef readonly bint deny
    cdef readonly object effect      # "Allow" / "Deny"
    cdef object span
    cdef int principal_mode          # PrincipalMode
    cdef bint anyone                 # the bare "*" form
    cdef bint aws_star               # {"AWS": "*"}
    cdef frozenset aws_names
    cdef frozenset service_names
    cdef bint not_action
    cdef tuple action_patterns       # texts, for actions outside the catalogue
    cdef bint not_resource
    cdef tuple resources             # Glob or Template, in document order
    cdef tuple conditions            # CCondition, in document order
    cdef object empty_negation       # str: an empty NotPrincipal/NotAction/NotResource
    cdef dict reasons                # source name -> Reason without detail
    cdef object last_reason          # the last of them used (None at first)


cdef class CompiledPolicy:
    cdef readonly object document    # the IR it was compiled from
    cdef tuple statements            # every statement that can match anything
    cdef list by_action              # ACTION_INDEX position -> tuple of CStatement
    cdef dict other_actions          # actions outside the catalogue -> tuple of CStatement

    cdef tuple for_action(self, Py_ssize_t position, str action)


cdef object convert_policy_value(int kind, object spec, object value)
