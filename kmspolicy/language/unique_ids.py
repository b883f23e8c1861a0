"""IAM unique IDs as key-policy principals.

When an IAM user or role named in a resource policy is deleted, AWS keeps the policy and
shows the principal as the entity's unique ID: ``AIDA…`` for a user, ``AROA…`` for a role.
Such a principal matches no caller, not even a new entity created with the same name.
"""

from __future__ import annotations

import re

__all__ = ["UNIQUE_ID_KINDS", "unique_id_kind"]

UNIQUE_ID_KINDS = {"AIDA": "user", "AROA": "role"}
_UNIQUE_ID = re.compile(r"(AIDA|AROA)[A-Z0-9]{12,124}")


def unique_id_kind(text: str) -> str | None:
    """``"user"`` or ``"role"`` when ``text`` is an IAM user or role unique ID, else None."""
    if _UNIQUE_ID.fullmatch(text):
        return UNIQUE_ID_KINDS[text[:4]]
    return None
