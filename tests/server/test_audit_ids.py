"""Request and event ids: UUID-shaped (version 4, RFC 4122 variant), unique within a
process and between a process and its forked children."""

from __future__ import annotations

import os
import uuid

from kmspolicy.kms.audit import new_id


def test_ids_are_version_4_uuids_and_never_repeat() -> None:
    ids = [new_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    for text in ids[:100]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_a_forked_child_does_not_repeat_its_parents_ids() -> None:
    new_id()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report its next ids and leave
        os.close(read)
        os.write(write, "\n".join(new_id() for _ in range(100)).encode())
        os._exit(0)
    os.close(write)
    parent = {new_id() for _ in range(100)}
    with os.fdopen(read, "rb") as pipe:
        child = set(pipe.read().decode().split("\n"))
    os.waitpid(pid, 0)
    assert len(child) == 100
    assert not parent & child
    assert {i[:24] for i in parent}.isdisjoint(i[:24] for i in child)  # a new random part
