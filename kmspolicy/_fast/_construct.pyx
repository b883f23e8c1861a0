# A fast constructor for frozen slotted dataclasses: the compiled twin of calling the class.

from cpython.tuple cimport PyTuple_GET_SIZE

from kmspolicy._fast._slots cimport _new_object, init_slot, slot_offset

from dataclasses import fields


cdef class SlotConstructor:
    """``SlotConstructor(cls)(*values)`` builds ``cls(*values)`` for a frozen dataclass with
    ``__slots__`` whose fields are all plain (no defaults applied, no ``__post_init__``):
    every slot is filled from the positional values, without the frozen ``__setattr__``."""

    cdef type cls
    cdef Py_ssize_t count
    cdef Py_ssize_t offsets[64]

    def __init__(self, type cls):
        names = [f.name for f in fields(cls)]
        if len(names) > 64 or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} cannot be built slot by slot")
        self.cls = cls
        self.count = len(names)
        for i, name in enumerate(names):
            self.offsets[i] = slot_offset(cls, name)

    def __call__(self, *values):
        cdef Py_ssize_t i
        if PyTuple_GET_SIZE(values) != self.count:
            raise TypeError(f"{self.cls.__name__} takes {self.count} values")
        obj = _new_object(self.cls)
        for i in range(self.count):
            init_slot(obj, self.offsets[i], values[i])
        return obj
