"""Where named members of a policy sit in its source text.

The IR keeps spans for statements, values, principals and conditions, but not for the
member keys themselves (``"Version"``, ``"Sid"``, ``"NotAction"``) or for an empty
``Condition`` object. The positioned JSON tree has them; ``Locator`` answers from it, and
answers None when a policy was built without one.
"""

from __future__ import annotations

from kmspolicy.language.json_tree import JsonArray, JsonMember, JsonNode, JsonObject

__all__ = ["Locator"]


class Locator:
    __slots__ = ("_root", "_statements")

    def __init__(self, root: JsonNode | None = None) -> None:
        self._root = root if isinstance(root, JsonObject) else None
        self._statements: tuple[JsonObject | None, ...] = ()
        member = self._root.get("Statement") if self._root is not None else None
        if member is not None:
            value = member.value
            items = value.items if isinstance(value, JsonArray) else (value,)
            self._statements = tuple(i if isinstance(i, JsonObject) else None for i in items)

    def document_member(self, name: str) -> JsonMember | None:
        return self._root.get(name) if self._root is not None else None

    def statement_member(self, index: int, name: str) -> JsonMember | None:
        if 0 <= index < len(self._statements):
            statement = self._statements[index]
            if statement is not None:
                return statement.get(name)
        return None
