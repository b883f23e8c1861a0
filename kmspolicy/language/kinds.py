"""What a policy file holds, as the command line names it.

The kinds are the ``PolicyKind`` values plus ``grant-constraints``; ``auto`` reads the kind
from the file name's prefix (``key-``, ``identity-``, ``scp-``, ``boundary-``, ``session-``,
``grant-``), a key policy when none matches.
"""

from __future__ import annotations

from pathlib import PurePath

from kmspolicy.language.ir import PolicyKind

__all__ = ["AUTO", "FILE_PREFIXES", "GRANT_CONSTRAINTS", "KINDS", "kind_from_filename"]

AUTO = "auto"
GRANT_CONSTRAINTS = "grant-constraints"
KINDS = (AUTO, *(k.value for k in PolicyKind), GRANT_CONSTRAINTS)
FILE_PREFIXES = {
    "key-": PolicyKind.KEY.value,
    "identity-": PolicyKind.IDENTITY.value,
    "scp-": PolicyKind.SCP.value,
    "boundary-": PolicyKind.BOUNDARY.value,
    "session-": PolicyKind.SESSION.value,
    "grant-": GRANT_CONSTRAINTS,
}


def kind_from_filename(path: str | PurePath) -> str:
    """The kind a file name's prefix names; a key policy when none does."""
    name = PurePath(path).name
    for prefix, kind in FILE_PREFIXES.items():
        if name.startswith(prefix):
            return kind
    return PolicyKind.KEY.value
