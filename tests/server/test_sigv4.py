"""SigV4 verification: AWS's published test-suite vectors, botocore-signed requests, and
every way a request can be refused (each with AWS's error code and wording).

Each check runs through ``verify`` (an ``HttpRequest``) and through both ``verify_asgi``
implementations (the pure reference and its compiled twin) with the request in ASGI form."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import botocore.auth
import pytest
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from kmspolicy.errors import KMSError
from kmspolicy.kms.principals import Caller
from kmspolicy.server.sigv4 import (
    Authenticated,
    HttpRequest,
    canonical_request,
    signature,
    signing_key,
    string_to_sign,
    verify,
    verify_asgi_reference,
)

SUITE = json.loads((Path(__file__).parent / "sigv4_vectors.json").read_text())
SUITE_NOW = datetime(2015, 8, 30, 12, 36, tzinfo=UTC)
USER = "arn:aws:iam::111122223333:user/alice"
AKID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_AKID = "ASIAIOSFODNN7EXAMPLE"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN"
NOW = datetime(2026, 3, 1, 10, 0, 0, tzinfo=UTC)


def asgi_form(request: HttpRequest) -> tuple[str, bytes, bytes, list[tuple[bytes, bytes]], bytes]:
    """The request as an ASGI server hands it over: names lowercase bytes, values bytes
    without the optional whitespace around them, the query apart from the path."""
    headers = [
        (name.lower().encode("latin-1"), value.strip(" \t").encode("latin-1"))
        for name, value in request.headers
    ]
    return (
        request.method,
        request.path.encode("latin-1"),
        request.query.encode("latin-1"),
        headers,
        request.body,
    )


Verifier = Callable[..., Authenticated]


def through_asgi(verify_asgi: Callable[..., Authenticated]) -> Verifier:
    def run(request: HttpRequest, lookup: object, now: datetime, **kwargs: object) -> Authenticated:
        return verify_asgi(*asgi_form(request), lookup, now, **kwargs)

    return run


def compiled_verify_asgi() -> Callable[..., Authenticated]:
    from kmspolicy._fast._sigv4 import verify_asgi

    return verify_asgi


@pytest.fixture(params=["verify", "asgi-py", pytest.param("asgi-c", marks=pytest.mark.compiled)])
def verifier(request: pytest.FixtureRequest) -> Verifier:
    """``verify`` itself, or ``verify_asgi`` (reference or compiled) on the ASGI form."""
    if request.param == "verify":
        return verify
    if request.param == "asgi-py":
        return through_asgi(verify_asgi_reference)
    return through_asgi(compiled_verify_asgi())


def parse_sreq(text: str) -> HttpRequest:
    head, _, body = text.partition("\n\n")
    request_line, *header_lines = head.split("\n")
    method, rest = request_line.split(" ", 1)
    target = rest.rsplit(" ", 1)[0]
    path, _, query = target.partition("?")
    headers = []
    for line in header_lines:
        name, _, value = line.partition(":")
        headers.append((name, value))
    return HttpRequest(method, path, query, headers, body.encode())


def suite_lookup(session: bool):  # type: ignore[no-untyped-def]
    def lookup(access_key_id: str) -> tuple[Caller, str, str | None]:
        assert access_key_id == SUITE["accessKeyId"]
        return Caller(USER), SUITE["secret"], SUITE["sessionToken"] if session else None

    return lookup


@pytest.mark.parametrize("name", sorted(SUITE["vectors"]))
def test_aws_suite_vector_verifies(verifier: Verifier, name: str) -> None:
    vector = SUITE["vectors"][name]
    request = parse_sreq(vector["sreq"])
    result = verifier(
        request, suite_lookup(vector.get("session", False)), SUITE_NOW, service="service"
    )
    assert result.caller.arn == USER
    assert result.region == "us-east-1"
    assert result.access_key_id == "AKIDEXAMPLE"


@pytest.mark.parametrize("name", sorted(n for n, v in SUITE["vectors"].items() if "creq" in v))
def test_aws_suite_canonical_request_and_string_to_sign(name: str) -> None:
    vector = SUITE["vectors"][name]
    request = parse_sreq(vector["sreq"])
    signed = request.header("authorization").split("SignedHeaders=")[1].split(",")[0]  # type: ignore[union-attr]
    creq = canonical_request(request, signed.split(";"))
    assert creq == vector["creq"]
    sts = string_to_sign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", creq)
    assert sts == vector["sts"]


@pytest.mark.parametrize("name", ["post-vanilla", "get-header-key-duplicate"])
def test_aws_suite_vector_with_altered_signature_fails(verifier: Verifier, name: str) -> None:
    request = parse_sreq(SUITE["vectors"][name]["sreq"])
    headers = [
        (k, v[:-1] + ("0" if v[-1] != "0" else "1")) if k == "Authorization" else (k, v)
        for k, v in request.headers
    ]
    with pytest.raises(KMSError) as err:
        verifier(
            replace(request, headers=headers), suite_lookup(False), SUITE_NOW, service="service"
        )
    assert err.value.code == "InvalidSignatureException"
    assert err.value.message.startswith("The request signature we calculated does not match")


def test_signing_key_matches_aws_documented_example() -> None:
    # The derived key of the SigV4 documentation's example (20120215, us-east-1, iam).
    key = signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam")
    assert key.hex() == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"


# --- botocore-signed requests -------------------------------------------------------------


def botocore_signed(
    monkeypatch: pytest.MonkeyPatch,
    *,
    body: bytes = b'{"KeyId":"alias/app","Plaintext":"aGVsbG8="}',
    region: str = "us-east-1",
    signed_at: datetime = NOW,
    access_key_id: str = AKID,
    secret: str = SECRET,
    token: str | None = None,
    service: str = "kms",
) -> HttpRequest:
    monkeypatch.setattr(
        botocore.auth, "get_current_datetime", lambda: signed_at.replace(tzinfo=None)
    )
    aws = AWSRequest(
        method="POST",
        url="http://127.0.0.1:4599/",
        data=body,
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "TrentService.Encrypt",
        },
    )
    botocore.auth.SigV4Auth(Credentials(access_key_id, secret, token), service, region).add_auth(
        aws
    )
    prepared = aws.prepare()
    headers = [(k, v if isinstance(v, str) else v.decode()) for k, v in prepared.headers.items()]
    headers.append(("Host", "127.0.0.1:4599"))
    return HttpRequest("POST", "/", "", headers, prepared.body or b"")


def lookup(access_key_id: str) -> tuple[Caller, str, str | None]:
    if access_key_id == AKID:
        return Caller(USER, access_key_id=AKID), SECRET, None
    if access_key_id == SESSION_AKID:
        session = "arn:aws:sts::111122223333:assumed-role/app/s1"
        return Caller(session, access_key_id=SESSION_AKID), SECRET, SESSION_TOKEN
    raise KMSError(
        "UnrecognizedClientException", "The security token included in the request is invalid."
    )


def test_botocore_signed_request_verifies(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = botocore_signed(monkeypatch, region="eu-west-3")
    result = verifier(request, lookup, NOW + timedelta(seconds=20))
    assert result.caller.arn == USER
    assert result.region == "eu-west-3"
    assert result.signed_at == NOW


def test_botocore_signed_request_with_session_token_verifies(
    verifier: Verifier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = botocore_signed(monkeypatch, access_key_id=SESSION_AKID, token=SESSION_TOKEN)
    assert "x-amz-security-token" in request.header("authorization")  # type: ignore[operator]
    result = verifier(request, lookup, NOW)
    assert result.caller.arn.endswith("assumed-role/app/s1")


def test_signature_round_trip_through_own_signer(monkeypatch: pytest.MonkeyPatch) -> None:
    request = botocore_signed(monkeypatch)
    signed = request.header("authorization").split("SignedHeaders=")[1].split(",")[0]  # type: ignore[union-attr]
    sts = string_to_sign(
        "20260301T100000Z",
        "20260301/us-east-1/kms/aws4_request",
        canonical_request(request, signed.split(";")),
    )
    ours = signature(signing_key(SECRET, "20260301", "us-east-1", "kms"), sts)
    assert request.header("authorization").endswith(f"Signature={ours}")  # type: ignore[union-attr]


def test_authorization_in_another_layout_verifies(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    # not the SDKs' layout (order, spacing): the general parser reads the same fields
    request = botocore_signed(monkeypatch)
    header = request.header("authorization")
    assert header is not None
    algorithm, rest = header.split(" ", 1)
    credential, signed, sig = (part.strip() for part in rest.split(","))
    for layout in (
        f"{algorithm}  {sig} ,{credential},  {signed}",
        f" {algorithm} {credential},{signed},{sig}\t",
    ):
        assert (
            verifier(with_header(request, "Authorization", layout), lookup, NOW).caller.arn == USER
        )
    wrong = f"{algorithm} {credential}, {signed}, {sig[:-1]}{'1' if sig.endswith('0') else '0'}"
    assert (
        refused(verifier, with_header(request, "Authorization", wrong)).code
        == "InvalidSignatureException"
    )


# --- refusals ------------------------------------------------------------------------------


def refused(
    verifier: Verifier, request: HttpRequest, now: datetime = NOW, **kwargs: object
) -> KMSError:
    with pytest.raises(KMSError) as err:
        verifier(request, lookup, now, **kwargs)
    return err.value


def with_header(request: HttpRequest, name: str, value: str | None) -> HttpRequest:
    headers = [(k, v) for k, v in request.headers if k.lower() != name.lower()]
    if value is not None:
        headers.append((name, value))
    return replace(request, headers=headers)


def test_wrong_secret(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch, secret="x" * 40))
    assert err.code == "InvalidSignatureException"
    assert "Check your AWS Secret Access Key" in err.message


def test_altered_body(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = botocore_signed(monkeypatch)
    err = refused(verifier, replace(request, body=request.body.replace(b"aGVsbG8=", b"aGVsbG9=")))
    assert err.code == "InvalidSignatureException"


def test_altered_signed_header(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = with_header(botocore_signed(monkeypatch), "X-Amz-Target", "TrentService.Decrypt")
    assert refused(verifier, request).code == "InvalidSignatureException"


def test_changed_host_fails(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = with_header(botocore_signed(monkeypatch), "Host", "kms.example.com")
    assert refused(verifier, request).code == "InvalidSignatureException"


def test_replay_after_skew_window(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = botocore_signed(monkeypatch)
    verifier(request, lookup, NOW + timedelta(minutes=4, seconds=59))
    err = refused(verifier, request, NOW + timedelta(minutes=5, seconds=1))
    assert err.code == "InvalidSignatureException"
    assert err.message == (
        "Signature expired: 20260301T100000Z is now earlier than 20260301T100001Z "
        "(20260301T100501Z - 5 min.)"
    )


def test_signed_in_the_future(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch), NOW - timedelta(minutes=6))
    assert err.code == "InvalidSignatureException"
    assert err.message.startswith("Signature not yet current: 20260301T100000Z is still later")


def test_unknown_access_key(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch, access_key_id="AKIAUNKNOWNUNKNOWNXX"))
    assert err.code == "UnrecognizedClientException"
    assert err.message == "The security token included in the request is invalid."


def test_missing_authorization(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, with_header(botocore_signed(monkeypatch), "Authorization", None))
    assert (err.code, err.message) == (
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
    )


def test_authorization_without_signature(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = botocore_signed(monkeypatch)
    header = request.header("authorization").split(", Signature=")[0]  # type: ignore[union-attr]
    err = refused(verifier, with_header(request, "Authorization", header))
    assert err.code == "IncompleteSignatureException"
    assert err.message.startswith("Authorization header requires 'Signature' parameter.")


def test_authorization_pair_without_equals(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = botocore_signed(monkeypatch)
    header = request.header("authorization").replace("SignedHeaders=", "SignedHeaders ")  # type: ignore[union-attr]
    err = refused(verifier, with_header(request, "Authorization", header))
    assert err.code == "IncompleteSignatureException"
    assert "not a valid key=value pair (missing equal-sign)" in err.message


def test_missing_x_amz_date(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, with_header(botocore_signed(monkeypatch), "X-Amz-Date", None))
    assert err.code == "IncompleteSignatureException"
    assert "'X-Amz-Date' or a 'Date' header" in err.message


def test_host_must_be_signed(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = botocore_signed(monkeypatch)
    header = request.header("authorization").replace("host;", "")  # type: ignore[union-attr]
    err = refused(verifier, with_header(request, "Authorization", header))
    assert err.code == "IncompleteSignatureException"
    assert err.message == "'Host' must be a 'SignedHeader' in the AWS Authorization."


def test_wrong_service_in_scope(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch, service="s3"))
    assert err.code == "InvalidSignatureException"
    assert err.message == "Credential should be scoped to correct service: 'kms'. "


def test_region_not_served(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    request = botocore_signed(monkeypatch, region="ap-south-1")
    err = refused(verifier, request, regions={"us-east-1"})
    assert err.code == "InvalidSignatureException"
    assert err.message == "Credential should be scoped to a valid region, not 'ap-south-1'. "
    verifier(request, lookup, NOW, regions={"ap-south-1"})


def test_scope_date_must_match_x_amz_date(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = with_header(botocore_signed(monkeypatch), "X-Amz-Date", "20260302T100000Z")
    err = refused(verifier, request, NOW + timedelta(days=1))
    assert err.code == "InvalidSignatureException"
    assert err.message.startswith("Date in Credential scope does not match YYYYMMDD")


def test_session_key_without_token(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch, access_key_id=SESSION_AKID))
    assert err.code == "UnrecognizedClientException"


def test_session_key_with_wrong_token(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(verifier, botocore_signed(monkeypatch, access_key_id=SESSION_AKID, token="other"))
    assert err.code == "UnrecognizedClientException"


def test_token_on_long_term_key(verifier: Verifier, monkeypatch: pytest.MonkeyPatch) -> None:
    assert refused(verifier, botocore_signed(monkeypatch, token=SESSION_TOKEN)).code == (
        "UnrecognizedClientException"
    )


def test_unsigned_security_token_is_refused(
    verifier: Verifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = with_header(
        botocore_signed(monkeypatch, access_key_id=SESSION_AKID), "X-Amz-Security-Token", None
    )
    request = with_header(request, "X-Amz-Security-Token", SESSION_TOKEN)
    header = request.header("authorization").replace(";x-amz-security-token", "")  # type: ignore[union-attr]
    err = refused(verifier, with_header(request, "Authorization", header))
    assert err.code == "IncompleteSignatureException"
