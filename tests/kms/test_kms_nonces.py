"""Nonces for AES-GCM: fresh for every call, across threads and across a fork."""

from __future__ import annotations

import os
import threading

from kmspolicy.kms import _primitives as prim


def test_nonces_are_12_bytes_and_never_repeat_across_threads() -> None:
    drawn: list[list[bytes]] = [[] for _ in range(4)]

    def draw(out: list[bytes]) -> None:
        out.extend(prim.random_nonce() for _ in range(2000))

    threads = [threading.Thread(target=draw, args=(out,)) for out in drawn]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [n for out in drawn for n in out]
    assert all(len(n) == 12 for n in every)
    assert len(set(every)) == len(every)


def test_a_forked_child_does_not_reuse_the_parents_pool() -> None:
    prim.random_nonce()  # fill the pool in the parent
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: send the nonce it would use next
        os.write(write, prim.random_nonce())
        os._exit(0)
    os.close(write)
    child = os.read(read, 12)
    os.close(read)
    os.waitpid(pid, 0)
    parent_next = [prim.random_nonce() for _ in range(300)]
    assert len(child) == 12 and child not in parent_next
