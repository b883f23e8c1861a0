"""The compiled ``verify_asgi`` against the pure reference: the one selected, which requests
take its own path and which go to the reference, and a differential test over mutated
botocore-signed requests (same Authenticated, or same error code and message, and the
access key looked up the same number of times)."""

from __future__ import annotations

import importlib.machinery
import os
import re
from collections.abc import Callable, Container
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from unittest import mock

import botocore.auth
import pytest
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from hypothesis import event, given
from hypothesis import strategies as st

from kmspolicy import _compat
from kmspolicy.errors import KMSError
from kmspolicy.kms.principals import Caller
from kmspolicy.server import sigv4

AKID = "AKIAIOSFODNN7EXAMPLE"
SESSION_AKID = "ASIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN"
NOW = datetime(2026, 3, 1, 10, 0, 0, tzinfo=UTC)
BODY = b'{"KeyId":"alias/app","Plaintext":"aGVsbG8="}'

Headers = list[tuple[bytes, bytes]]


def signed_headers(access_key_id: str = AKID, token: str | None = None) -> Headers:
    """A botocore-signed Encrypt in ASGI form (as uvicorn gives it: lowercase names)."""
    aws = AWSRequest(
        method="POST",
        url="http://127.0.0.1:4599/",
        data=BODY,
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "TrentService.Encrypt",
            "User-Agent": "Boto3/1.43 md/Botocore#1.43 ua/2.1 os/linux",
        },
    )
    with mock.patch.object(botocore.auth, "get_current_datetime", lambda: NOW.replace(tzinfo=None)):
        botocore.auth.SigV4Auth(
            Credentials(access_key_id, SECRET, token), "kms", "us-east-1"
        ).add_auth(aws)
    headers = [(b"host", b"127.0.0.1:4599")]
    for name, value in aws.prepare().headers.items():
        headers.append(
            (name.lower().encode(), value if isinstance(value, bytes) else value.encode())
        )
    return headers


PLAIN = signed_headers()
SESSION = signed_headers(SESSION_AKID, SESSION_TOKEN)


class Lookup:
    """The credential store, counting lookups."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, access_key_id: str) -> tuple[Caller, str, str | None]:
        self.calls.append(access_key_id)
        if access_key_id == AKID:
            return Caller("arn:aws:iam::111122223333:user/alice"), SECRET, None
        if access_key_id == SESSION_AKID:
            return Caller("arn:aws:sts::111122223333:assumed-role/app/s1"), SECRET, SESSION_TOKEN
        raise KMSError("UnrecognizedClientException", sigv4._INVALID_TOKEN)


def compiled() -> Callable[..., sigv4.Authenticated]:
    from kmspolicy._fast._sigv4 import verify_asgi

    return verify_asgi


def outcome(
    verify_asgi: Callable[..., sigv4.Authenticated],
    method: str,
    raw_path: bytes,
    query: bytes,
    headers: Headers,
    body: bytes,
    now: datetime,
    **kwargs: Any,
) -> tuple[object, list[str]]:
    """What a verifier made of the request: the result or the error, and the lookups."""
    lookup = Lookup()
    try:
        result: object = verify_asgi(method, raw_path, query, headers, body, lookup, now, **kwargs)
    except KMSError as error:
        result = ("KMSError", error.code, error.message)
    except Exception as error:
        result = (type(error).__name__, str(error))
    return result, lookup.calls


def both(*args: Any, **kwargs: Any) -> tuple[object, list[str]]:
    """The common outcome of the two implementations (asserting they agree)."""
    expected = outcome(sigv4.verify_asgi_reference, *args, **kwargs)
    assert outcome(compiled(), *args, **kwargs) == expected
    return expected


# --- selection -----------------------------------------------------------------------------


def test_compiled_verifier_is_selected_unless_switched_off() -> None:
    if os.environ.get("KMSPOLICY_NO_EXTENSIONS"):
        assert sigv4.verify_asgi is sigv4.verify_asgi_reference
        return
    assert _compat.USE_EXTENSIONS, _compat.EXTENSION_ERROR
    from kmspolicy._fast import _sigv4

    assert _sigv4.__file__ is not None
    assert _sigv4.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert sigv4.verify_asgi is _sigv4.verify_asgi


# --- which path a request takes ------------------------------------------------------------


def with_header(headers: Headers, name: bytes, value: bytes | None) -> Headers:
    kept = [(n, v) for n, v in headers if n != name]
    return kept if value is None else [*kept, (name, value)]


@pytest.mark.compiled
@pytest.mark.parametrize("headers", [PLAIN, SESSION], ids=["long-term", "session"])
def test_sdk_request_is_verified_without_the_reference(
    monkeypatch: pytest.MonkeyPatch, headers: Headers
) -> None:
    def reference(*args: object, **kwargs: object) -> None:
        raise AssertionError("the common form went to the reference")

    monkeypatch.setattr(sigv4, "verify", reference)
    lookup = Lookup()
    result = compiled()("POST", b"/", b"", headers, BODY, lookup, NOW, regions={"us-east-1"})
    assert (result.access_key_id, result.region, result.signed_at) == (
        lookup.calls[0],
        "us-east-1",
        NOW,
    )
    assert len(lookup.calls) == 1
    with pytest.raises(KMSError) as err:
        compiled()("POST", b"/", b"", headers, BODY + b" ", lookup, NOW)
    assert (err.value.code, err.value.message) == ("InvalidSignatureException", sigv4._MISMATCH)


AUTHORIZATION = dict(PLAIN)[b"authorization"]
UNCOMMON: dict[str, tuple[str, bytes, bytes, Headers]] = {
    "lowercase method": ("post", b"/", b"", PLAIN),
    "query string": ("POST", b"/", b"a=b", PLAIN),
    "query in raw path": ("POST", b"/?a=b", b"", PLAIN),
    "other path": ("POST", b"/x", b"", PLAIN),
    "empty path": ("POST", b"", b"", PLAIN),
    "uppercase name": ("POST", b"/", b"", [(n.title(), v) for n, v in PLAIN]),
    "repeated signed header": ("POST", b"/", b"", [*PLAIN, (b"x-amz-target", b"B")]),
    "repeated authorization": ("POST", b"/", b"", [*PLAIN, (b"authorization", AUTHORIZATION)]),
    "repeated date": ("POST", b"/", b"", [*PLAIN, (b"x-amz-date", b"20260301T100000Z")]),
    "value to trim": (
        "POST",
        b"/",
        b"",
        with_header(PLAIN, b"x-amz-target", b" TrentService.Encrypt\t"),
    ),
    "value to fold": ("POST", b"/", b"", with_header(PLAIN, b"host", b"127.0.0.1:4599  ")),
    "non-ASCII value": ("POST", b"/", b"", with_header(PLAIN, b"x-amz-target", b"Trent\xe9")),
    "other layout": (
        "POST",
        b"/",
        b"",
        with_header(PLAIN, b"authorization", AUTHORIZATION.replace(b", ", b",  ")),
    ),
    "no authorization": ("POST", b"/", b"", with_header(PLAIN, b"authorization", None)),
}


@pytest.mark.compiled
@pytest.mark.parametrize("case", sorted(UNCOMMON))
def test_uncommon_requests_go_to_the_reference(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    method, raw_path, query, headers = UNCOMMON[case]
    expected = outcome(sigv4.verify_asgi_reference, method, raw_path, query, headers, BODY, NOW)
    seen: list[sigv4.HttpRequest] = []
    verify = sigv4.verify

    def spy(request: sigv4.HttpRequest, *args: Any, **kwargs: Any) -> sigv4.Authenticated:
        seen.append(request)
        return verify(request, *args, **kwargs)

    monkeypatch.setattr(sigv4, "verify", spy)
    assert outcome(compiled(), method, raw_path, query, headers, BODY, NOW) == expected
    assert len(seen) == 1


@pytest.mark.compiled
def test_headers_in_any_order_and_any_sequence_verify() -> None:
    for headers in (PLAIN[::-1], tuple(PLAIN), [list(pair) for pair in PLAIN]):
        result, calls = both("POST", b"/", b"", headers, BODY, NOW)
        assert isinstance(result, sigv4.Authenticated)
        assert calls == [AKID]


@pytest.mark.compiled
def test_header_list_changed_by_the_lookup_does_not_change_the_outcome() -> None:
    def run(verify_asgi: Callable[..., sigv4.Authenticated]) -> sigv4.Authenticated:
        headers = list(PLAIN)

        def lookup(access_key_id: str) -> tuple[Caller, str, str | None]:
            headers.clear()
            return Lookup()(access_key_id)

        return verify_asgi("POST", b"/", b"", headers, BODY, lookup, NOW)

    assert run(compiled()) == run(sigv4.verify_asgi_reference)


@pytest.mark.compiled
def test_rotated_secret_is_not_confused_with_the_old_one() -> None:
    def lookup_with(secret: str) -> Callable[[str], tuple[Caller, str, None]]:
        return lambda key: (Caller("arn:aws:iam::111122223333:user/alice"), secret, None)

    verify_asgi = compiled()
    verify_asgi("POST", b"/", b"", PLAIN, BODY, lookup_with(SECRET), NOW)
    with pytest.raises(KMSError) as err:
        verify_asgi("POST", b"/", b"", PLAIN, BODY, lookup_with("x" * 40), NOW)
    assert err.value.code == "InvalidSignatureException"
    assert verify_asgi("POST", b"/", b"", PLAIN, BODY, lookup_with(SECRET), NOW).region == (
        "us-east-1"
    )


# --- differential --------------------------------------------------------------------------

TEXT = st.text(alphabet=" \t,=/;:-_.AZaz09\xe9\xa0", max_size=12)
NAMES = [b"host", b"x-amz-date", b"x-amz-target", b"content-type", b"authorization",
         b"x-amz-security-token", b"user-agent"]  # fmt: skip


def _mutate_authorization(header: bytes, data: st.DataObject) -> bytes:
    text = header.decode("latin-1")
    if not text:
        return b"AWS4-HMAC-SHA256 "
    edit = data.draw(
        st.sampled_from(
            ["char", "insert", "delete", "component", "signed", "signature", "layout", "algorithm"]
        )
    )
    if edit in ("char", "insert", "delete"):
        at = data.draw(st.integers(0, len(text) - 1))
        piece = data.draw(st.sampled_from([" ", ",", "=", "/", ";", "\t", "A", "a", "\xe9", ""]))
        keep = at + (edit != "insert")
        return (text[:at] + ("" if edit == "delete" else piece) + text[keep:]).encode("latin-1")
    if edit == "component":
        credential = re.search(r"Credential=([^,]*)", text)
        if credential is None:
            return header
        parts = credential.group(1).split("/")
        at = data.draw(st.integers(0, len(parts) - 1))
        parts[at] = data.draw(
            st.sampled_from(["", "20260302", "eu-west-3", "us_east-1", "s3", "aws4_requests"])
            | TEXT
        )
        if data.draw(st.booleans()):
            parts.pop(data.draw(st.integers(0, len(parts) - 1)))
        text = text.replace(credential.group(1), "/".join(parts))
    elif edit == "signed":
        signed = re.search(r"SignedHeaders=([^,]*)", text)
        if signed is None:
            return header
        names = signed.group(1).split(";")
        change = data.draw(st.sampled_from(["drop", "add", "swap", "upper", "empty"]))
        if change == "drop":
            names.pop(data.draw(st.integers(0, len(names) - 1)))
        elif change == "add":
            names.insert(
                data.draw(st.integers(0, len(names))),
                data.draw(st.sampled_from([n.decode() for n in NAMES])),
            )
        elif change == "swap" and len(names) > 1:
            names[0], names[-1] = names[-1], names[0]
        elif change == "upper":
            names = [n.upper() for n in names]
        else:
            names.append("")
        text = text.replace(signed.group(1), ";".join(names))
    elif edit == "signature" and "Signature=" in text:
        sig = text.rsplit("Signature=", 1)[1]
        new = data.draw(
            st.sampled_from([sig[:-1], sig.upper(), sig + "0", "", sig[:-1] + "g", "z" * 64])
        )
        text = text[: len(text) - len(sig)] + new
    elif edit == "layout" and " " in text:
        algorithm, rest = text.split(" ", 1)
        fields = [f.strip() for f in rest.split(",")]
        order = data.draw(st.permutations(fields))
        separator = data.draw(st.sampled_from([",", ", ", " , ", ",\t"]))
        text = algorithm + data.draw(st.sampled_from([" ", "  "])) + separator.join(order)
    elif edit == "algorithm":
        text = data.draw(st.sampled_from(["AWS4-HMAC-SHA1", "aws4-hmac-sha256", ""])) + text[16:]
    return text.encode("latin-1")


def _mutate(headers: Headers, data: st.DataObject) -> Headers:
    headers = list(headers)
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(headers) - 1))
        name, value = headers[at]
        kind = data.draw(
            st.sampled_from(["drop", "duplicate", "case", "space", "value", "authorization"])
        )
        if kind == "drop":
            headers.pop(at)
        elif kind == "duplicate":
            headers.insert(data.draw(st.integers(0, len(headers))), (name, value))
        elif kind == "case":
            headers[at] = (name.upper() if data.draw(st.booleans()) else name.title(), value)
        elif kind == "space":
            where = data.draw(st.sampled_from(["lead", "trail", "inner", "tab"]))
            spaced = {
                "lead": b" " + value,
                "trail": value + b"  ",
                "inner": value[:3] + b"  " + value[3:],
                "tab": value[:3] + b"\t" + value[3:],
            }[where]
            headers[at] = (name, spaced)
        elif kind == "value":
            headers[at] = (name, data.draw(TEXT).encode("latin-1"))
        elif name == b"authorization":
            headers[at] = (name, _mutate_authorization(value, data))
        if not headers:
            break
    if data.draw(st.integers(0, 3)) == 0:
        date = data.draw(
            st.sampled_from(
                [
                    b"20260301T100400Z",
                    b"20260301T095500Z",
                    b"20261301T100000Z",
                    b"2026-03-01",
                    b"20260301T100000Z\n",
                    b"20260301T100000",
                    b"20260302T100000Z",
                ]
            )
        )
        headers = with_header(headers, b"x-amz-date", date)
    if data.draw(st.integers(0, 3)) == 0:
        headers = with_header(headers, data.draw(st.sampled_from(NAMES)), data.draw(TEXT).encode())
    return headers


def _resign(headers: Headers, body: bytes) -> Headers:
    """The mutated request signed as the reference canonicalises it (when its
    Authorization is in the SDKs' layout), so mutations that keep it valid are seen."""
    request = sigv4.HttpRequest.from_asgi("POST", "/", "", headers, body)
    header = request.header("authorization")
    date = request.header("x-amz-date")
    if header is None or date is None:
        return headers
    match = sigv4._SDK_AUTHORIZATION.fullmatch(header)
    if match is None:
        return headers
    _, day, region, service, terminator, signed, given = match.groups()
    canonical = sigv4.canonical_request(request, signed.split(";"))
    scope = f"{day}/{region}/{service}/{terminator}"
    key = sigv4.signing_key(SECRET, day, region, service)
    ours = sigv4.signature(key, sigv4.string_to_sign(date, scope, canonical))
    resigned = header[: len(header) - len(given)] + ours
    return [(n, resigned.encode("latin-1") if n == b"authorization" else v) for n, v in headers]


@pytest.mark.compiled
@given(data=st.data())
def test_compiled_and_reference_agree_on_mutated_requests(data: st.DataObject) -> None:
    def sometimes(strategy: st.SearchStrategy[Any], usual: Any) -> Any:
        # each part of the request changed in one example of four, so that some still verify
        return data.draw(strategy) if data.draw(st.integers(0, 3)) == 0 else usual

    headers = _mutate(data.draw(st.sampled_from([PLAIN, SESSION])), data)
    body = sometimes(st.sampled_from([BODY + b" ", b"", BODY.replace(b"app", b"apq")]), BODY)
    if data.draw(st.booleans()):
        headers = _resign(headers, body)
    method, raw_path, query = sometimes(
        st.sampled_from([("post", b"/", b""), ("POST", b"/", b"a=b"), ("GET", b"/?x=1", b"")]),
        ("POST", b"/", b""),
    )
    skew = sometimes(st.sampled_from([-400, -301, -300, -299, 1, 299, 300, 301, 400]), 0)
    now = sometimes(
        st.sampled_from([NOW.replace(tzinfo=None), NOW.astimezone(timezone(timedelta(hours=2)))]),
        NOW + timedelta(seconds=skew),
    )
    regions: Container[str] | None = sometimes(
        st.sampled_from([{"us-east-1"}, {"eu-west-3"}]), None
    )
    service = sometimes(st.just("s3"), "kms")
    result, _ = both(
        method,
        raw_path,
        query,
        headers,
        body,
        now,
        service=service,
        regions=regions,
    )
    event("verified" if isinstance(result, sigv4.Authenticated) else str(result)[:60])


@pytest.mark.compiled
@pytest.mark.parametrize("headers", [PLAIN, SESSION], ids=["long-term", "session"])
def test_unmutated_requests_agree_and_verify(headers: Headers) -> None:
    result, calls = both("POST", b"/", b"", headers, BODY, NOW)
    assert isinstance(result, sigv4.Authenticated)
    assert len(calls) == 1
