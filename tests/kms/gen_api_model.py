"""Derive ``kmspolicy/kms/_api_model.py`` from botocore's KMS service model.

Run ``.venv/bin/python tests/kms/gen_api_model.py`` after a botocore upgrade;
``test_service_model.py`` fails while the shipped module differs from what this derives.
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

import botocore.session

TARGET = Path(__file__).resolve().parents[2] / "kmspolicy" / "kms" / "_api_model.py"
_KEEP = ("type", "min", "max", "enum", "pattern", "required", "sensitive")

HEADER = '''"""The KMS API model's shapes and constraints, derived from botocore's KMS service model
(``botocore/data/kms/2014-11-01/service-2.json``) by ``tests/kms/gen_api_model.py``.
Generated: do not edit by hand.

``OPERATIONS`` maps an operation to its (input shape, output shape); ``SHAPES`` maps a shape
name to its type and constraints, with member shapes by name (``sensitive``: values that
never appear in logs, such as plaintext and passwords).
"""

from typing import Any

'''


def derive() -> tuple[dict[str, tuple[str | None, str | None]], dict[str, dict[str, Any]]]:
    model = botocore.session.get_session().get_service_model("kms")
    raw = model._service_description
    operations = {
        name: (op.get("input", {}).get("shape"), op.get("output", {}).get("shape"))
        for name, op in sorted(raw["operations"].items())
    }
    shapes: dict[str, dict[str, Any]] = {}
    for name, shape in sorted(raw["shapes"].items()):
        out: dict[str, Any] = {k: shape[k] for k in _KEEP if k in shape}
        if "members" in shape:
            out["members"] = {m: spec["shape"] for m, spec in shape["members"].items()}
        for part in ("member", "key", "value"):
            if part in shape:
                out[part] = shape[part]["shape"]
        if shape.get("exception"):
            out["exception"] = True
        shapes[name] = out
    return operations, shapes


def render() -> str:
    operations, shapes = derive()
    body = "OPERATIONS: dict[str, tuple[str | None, str | None]] = " + pprint.pformat(
        operations, width=100, sort_dicts=True
    )
    body += "\n\nSHAPES: dict[str, dict[str, Any]] = " + pprint.pformat(
        shapes, width=100, sort_dicts=True
    )
    return HEADER + body + "\n"


if __name__ == "__main__":
    TARGET.write_text(render())
    sys.stdout.write(f"wrote {TARGET}\n")
