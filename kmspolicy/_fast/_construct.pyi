"""Type stub of the slot constructor (kmspolicy/_fast/_construct.pyx)."""

from typing import Any, Generic, TypeVar

T = TypeVar("T")

class SlotConstructor(Generic[T]):
    def __init__(self, cls: type[T]) -> None: ...
    def __call__(self, *values: Any) -> T: ...
