"""The PKCS#11 session pool on SoftHSM2: login, reuse, a lost session, timeouts."""

from __future__ import annotations

import threading

import pytest
from conftest import Token

from kmspolicy.kms.hsm.session_pool import HsmError, HsmFailure, Module, SessionPool


def _random(session: object, pool: SessionPool) -> bytes:
    data: bytes = session.generate_random(128)  # type: ignore[attr-defined]
    return data


def test_one_logged_in_session_serves_every_call(token: Token) -> None:
    pool = SessionPool.acquire(token.module, token.label, token.pin)
    try:
        draws = {pool.run(_random) for _ in range(50)}
        assert len(draws) == 50 and all(len(d) == 16 for d in draws)
        assert pool.sessions_opened == 1
        again = SessionPool.acquire(token.module, token.label, token.pin)
        assert again is pool  # shared in the process, counted
        again.release()
        assert pool.run(_random)
        assert pool.sessions_opened == 1
    finally:
        pool.release()


def test_wrong_pin_is_refused_logged_in_or_not(token: Token) -> None:
    with pytest.raises(HsmError) as err:
        SessionPool.acquire(token.module, token.label, "not-the-pin")
    assert err.value.failure is HsmFailure.CREDENTIALS
    pool = SessionPool.acquire(token.module, token.label, token.pin)
    try:
        with pytest.raises(HsmError) as err:
            SessionPool.acquire(token.module, token.label, "not-the-pin")
        assert err.value.failure is HsmFailure.CREDENTIALS
    finally:
        pool.release()


def test_a_lost_session_is_opened_again_and_the_call_retried(token: Token) -> None:
    pool = SessionPool.acquire(token.module, token.label, token.pin)
    try:
        pool.run(lambda session, _: session.close())  # the session goes behind the pool's back
        assert len(pool.run(_random)) == 16
        assert pool.sessions_opened == 2
    finally:
        pool.release()


def test_unknown_token_and_module(token: Token) -> None:
    with pytest.raises(HsmError) as err:
        SessionPool.acquire(token.module, "no-such-token", token.pin)
    assert err.value.failure is HsmFailure.TOKEN_NOT_FOUND
    with pytest.raises(HsmError) as err:
        Module.get("/nonexistent/libpkcs11.so").worker.call(
            Module.get("/nonexistent/libpkcs11.so").lib, 5
        )
    assert err.value.failure is HsmFailure.MODULE


def test_a_call_that_does_not_return_times_out_instead_of_hanging(token: Token) -> None:
    pool = SessionPool.acquire(token.module, token.label, token.pin, timeout=0.5)
    release = threading.Event()
    try:
        with pytest.raises(HsmError) as err:
            pool.run(lambda session, _: release.wait(30))
        assert err.value.failure is HsmFailure.TIMEOUT
        with pytest.raises(HsmError) as err:  # queued behind the stuck call
            pool.run(_random)
        assert err.value.failure is HsmFailure.TIMEOUT
    finally:
        release.set()
    assert len(pool.run(_random)) == 16
    pool.release()
