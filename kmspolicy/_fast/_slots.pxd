# Direct reads and first writes of __slots__ fields, for the frozen slotted dataclasses the
# evaluator reads on every decision (RequestContext, PolicySet, Grant…) and the Decision it
# builds. A slot is a fixed offset in the object; the offset is taken from the class's
# member descriptor once at import. Callers check the exact type before using an offset.

from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF, Py_INCREF

cdef extern from "Python.h":
    """
    #include "structmember.h"
    static inline PyObject* kmspolicy_get_slot(PyObject* obj, Py_ssize_t offset) {
        PyObject* value = *(PyObject**)((char*)obj + offset);
        if (value == NULL) {
            PyErr_Format(PyExc_AttributeError, "%s object has an unset field",
                         Py_TYPE(obj)->tp_name);
            return NULL;
        }
        Py_INCREF(value);
        return value;
    }
    """
    # The value of a slot (a new reference); AttributeError when it was never set.
    # Plain C, so the C compiler inlines it into the hot loops.
    object get_slot "kmspolicy_get_slot"(object obj, Py_ssize_t offset)
    ctypedef struct PyMemberDef:
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    PyObject* _PyType_Lookup(PyObject* cls, PyObject* name)
    ctypedef struct PyTypeObject:
        PyObject* (*tp_alloc)(PyTypeObject*, Py_ssize_t) except NULL


cdef inline Py_ssize_t slot_offset(type cls, str name) except -1:
    """The offset of slot ``name`` of ``cls`` (TypeError if it is not a plain slot)."""
    cdef PyObject* descriptor = _PyType_Lookup(<PyObject*>cls, <PyObject*>name)
    if descriptor is NULL or type(<object>descriptor).__name__ != "member_descriptor":
        raise TypeError(f"{cls.__name__}.{name} is not a __slots__ field")
    return (<PyMemberDescrObject*>descriptor).d_member.offset


cdef inline void init_slot(object obj, Py_ssize_t offset, object value) noexcept:
    """Fill a slot of an object just created by tp_alloc (its slots are all NULL)."""
    Py_INCREF(value)
    (<PyObject**>((<char*><PyObject*>obj) + offset))[0] = <PyObject*>value


cdef inline object _new_object(type cls):
    """An instance of a slotted class with every slot unset (``object.__new__(cls)``)."""
    cdef PyObject* fresh = (<PyTypeObject*>cls).tp_alloc(<PyTypeObject*>cls, 0)
    obj = <object>fresh
    Py_DECREF(obj)  # tp_alloc returned a new reference; ``obj`` holds its own
    return obj
