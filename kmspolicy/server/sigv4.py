"""AWS Signature Version 4 verification (the ``Authorization`` header form).

The server recomputes the signature the client should have made: canonical request →
string to sign → HMAC chain ``"AWS4" + secret → date → region → service → "aws4_request"``,
and compares in constant time. Failures are ``KMSError``\\ s with the codes and wording AWS
uses, checked in AWS's order: the header's syntax (IncompleteSignatureException), the
credential scope and clock skew (InvalidSignatureException), the access key
(UnrecognizedClientException), then the signature itself.

``host`` and ``x-amz-date`` must be signed, so a captured request cannot be replayed to
another endpoint or outside the five-minute window; ``x-amz-security-token``, when sent,
must be signed too and match the session of a temporary (``ASIA``) access key.

``verify`` checks an ``HttpRequest``; ``verify_asgi`` checks a request as ASGI hands it
over (method, raw path, query string, header list, body) and is the compiled twin
(``kmspolicy/_fast/_sigv4.pyx``) of ``verify_asgi_reference`` unless extensions are off.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote, unquote

from kmspolicy import _compat
from kmspolicy.errors import KMSError
from kmspolicy.kms.principals import Caller

__all__ = [
    "ALGORITHM",
    "MAX_SKEW",
    "Authenticated",
    "CredentialLookup",
    "HttpRequest",
    "canonical_request",
    "signature",
    "signing_key",
    "string_to_sign",
    "verify",
    "verify_asgi",
    "verify_asgi_reference",
]

ALGORITHM = "AWS4-HMAC-SHA256"
MAX_SKEW = timedelta(minutes=5)
_AMZ_DATE = "%Y%m%dT%H%M%SZ"
_SPACES = re.compile(r"\s+")
_AMZ_DATE_SHAPE = re.compile(r"^\d{8}T\d{6}Z$")
_SIGNATURE = re.compile(r"^[0-9a-f]{64}$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")
_MISMATCH = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your AWS Secret Access Key and signing method. "
    "Consult the service documentation for details."
)
_INVALID_TOKEN = "The security token included in the request is invalid."

# access key id -> (caller, secret, session token); raises KMSError for unknown keys
CredentialLookup = Callable[[str], tuple[Caller, str, str | None]]


@dataclass(frozen=True)
class HttpRequest:
    """What SigV4 covers: ``path`` and ``query`` as sent on the wire (still
    percent-encoded), header names in any case, repeated headers as repeated pairs."""

    method: str
    path: str
    query: str
    headers: Sequence[tuple[str, str]]
    body: bytes
    _index: dict[str, list[str]] = field(init=False, repr=False, compare=False)

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (lowercase); repeated headers joined by commas."""
        values = self.header_values().get(name)
        if not values:
            return None
        return values[0] if len(values) == 1 else ",".join(values)

    @classmethod
    def from_asgi(
        cls, method: str, path: str, query: str, headers: Sequence[tuple[bytes, bytes]], body: bytes
    ) -> HttpRequest:
        """A request from ASGI's header list (names already lowercase bytes), with its
        header index built in the same pass."""
        decoded: list[tuple[str, str]] = []
        index: dict[str, list[str]] = {}
        for raw_name, raw_value in headers:
            name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
            decoded.append((name, value))
            index.setdefault(name.lower(), []).append(value)
        # filled in directly: the frozen dataclass's __init__ costs a setattr call a field
        request = cls.__new__(cls)
        request.__dict__.update(
            method=method, path=path, query=query, headers=decoded, body=body, _index=index
        )
        return request

    def header_values(self) -> dict[str, list[str]]:
        """Header values by lowercase name, computed once per request."""
        try:
            return self._index
        except AttributeError:
            index: dict[str, list[str]] = {}
            for name, value in self.headers:
                index.setdefault(name.lower(), []).append(value)
            object.__setattr__(self, "_index", index)
            return index


@dataclass(frozen=True, slots=True)
class Authenticated:
    """A request whose signature checked out: who signed it and for which region."""

    caller: Caller
    access_key_id: str
    region: str
    signed_at: datetime


@dataclass(frozen=True, slots=True)
class _Authorization:
    access_key_id: str
    date: str
    region: str
    service: str
    terminator: str
    signed_headers: tuple[str, ...]
    signature: str


def _incomplete(message: str) -> KMSError:
    return KMSError("IncompleteSignatureException", message)


def _invalid(message: str) -> KMSError:
    return KMSError("InvalidSignatureException", message)


def _parse_authorization(header: str) -> _Authorization:
    algorithm, _, rest = header.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise _incomplete(f"Unsupported AWS 'algorithm': '{algorithm}'")
    fields: dict[str, str] = {}
    for part in rest.split(","):
        part = part.strip()
        if not part:
            continue
        name, eq, value = part.partition("=")
        if not eq:
            raise _incomplete(
                f"'{part}' not a valid key=value pair (missing equal-sign) in "
                f"Authorization header: '{header}'."
            )
        fields[name.strip()] = value.strip()
    missing = [
        f"Authorization header requires '{name}' parameter."
        for name in ("Credential", "Signature", "SignedHeaders")
        if not fields.get(name)
    ]
    if missing:
        raise _incomplete(" ".join(missing) + f" Authorization={header}")
    credential = fields["Credential"].split("/")
    if len(credential) != 5:
        raise _incomplete(
            "Credential must have exactly 5 slash-delimited elements, e.g. "
            f"keyid/date/region/service/term, got '{fields['Credential']}'"
        )
    signed = tuple(fields["SignedHeaders"].split(";"))
    key_id, date, region, service, terminator = credential
    return _Authorization(key_id, date, region, service, terminator, signed, fields["Signature"])


def _trim(value: str) -> str:
    value = value.strip()
    return _SPACES.sub(" ", value) if "  " in value or "\t" in value else value


def _canonical_path(path: str) -> str:
    if path in ("", "/"):
        return "/"
    # Non-S3 services sign the path URI-encoded once more than it was sent.
    return quote(path, safe="/~")


def _canonical_query(query: str) -> str:
    if not query:
        return ""
    pairs = []
    for item in query.split("&"):
        if not item:
            continue
        name, _, value = item.partition("=")
        pairs.append((quote(unquote(name), safe="-_.~"), quote(unquote(value), safe="-_.~")))
    return "&".join(f"{n}={v}" for n, v in sorted(pairs))


def _canonical(
    request: HttpRequest, index: dict[str, list[str]], names: Sequence[str], signed: str
) -> str:
    """The canonical request over ``names`` (lowercase), ``signed`` being their
    ``;``-joined list."""
    lines = []
    for name in names:
        values = index.get(name, ())
        if len(values) == 1:  # the common case: one value, usually already trimmed
            value = values[0].strip()
            if "  " in value or "\t" in value:
                value = _SPACES.sub(" ", value)
        else:
            value = ",".join([_trim(v) for v in values])
        lines.append(f"{name}:{value}\n")
    method = request.method
    return (
        f"{method if method.isupper() else method.upper()}\n"
        f"{_canonical_path(request.path)}\n{_canonical_query(request.query)}\n"
        f"{''.join(lines)}\n{signed}\n{hashlib.sha256(request.body).hexdigest()}"
    )


def canonical_request(request: HttpRequest, signed_headers: Sequence[str]) -> str:
    """The canonical request of SigV4 task 1, over the headers named in ``signed_headers``
    (lowercase). A repeated header's values are joined with commas, each trimmed and with
    runs of whitespace folded to one space."""
    return _canonical(request, request.header_values(), signed_headers, ";".join(signed_headers))


@lru_cache(maxsize=256)
def _parse_amz_date(text: str) -> datetime:
    # clients sign a handful of distinct timestamps a second: parsed once each
    if not _AMZ_DATE_SHAPE.match(text):
        raise ValueError(text)
    return datetime(
        int(text[0:4]),
        int(text[4:6]),
        int(text[6:8]),
        int(text[9:11]),
        int(text[11:13]),
        int(text[13:15]),
        tzinfo=UTC,
    )


def string_to_sign(amz_date: str, scope: str, canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{ALGORITHM}\n{amz_date}\n{scope}\n{digest}"


@lru_cache(maxsize=1024)
def signing_key(secret: str, date: str, region: str, service: str) -> bytes:
    """The derived key; it changes once a day per credential and region, so it is cached."""
    key = ("AWS4" + secret).encode("utf-8")
    for part in (date, region, service, "aws4_request"):
        key = hmac.digest(key, part.encode("utf-8"), "sha256")
    return key


@lru_cache(maxsize=1024)
def _hmac_pads(secret: str, date: str, region: str, service: str) -> tuple[Any, Any]:
    """HMAC-SHA256 under the signing key with its two padded key blocks already hashed
    (RFC 2104): a signature is then two hash copies, not a keyed HMAC set up per request."""
    block = signing_key(secret, date, region, service).ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))
    return inner, outer


def signature(key: bytes, to_sign: str) -> str:
    return hmac.digest(key, to_sign.encode("utf-8"), "sha256").hex()


def _check_skew(signed_at: datetime, amz_date: str, now: datetime) -> None:
    if now - MAX_SKEW <= signed_at <= now + MAX_SKEW:
        return
    stamp = now.strftime(_AMZ_DATE)
    if signed_at < now - MAX_SKEW:
        earliest = (now - MAX_SKEW).strftime(_AMZ_DATE)
        raise _invalid(
            f"Signature expired: {amz_date} is now earlier than {earliest} ({stamp} - 5 min.)"
        )
    latest = (now + MAX_SKEW).strftime(_AMZ_DATE)
    raise _invalid(
        f"Signature not yet current: {amz_date} is still later than {latest} ({stamp} + 5 min.)"
    )


# The Authorization header as botocore and the AWS SDKs write it. A header of this form
# parses to what _parse_authorization would give; any other form goes through it.
_SDK_AUTHORIZATION = re.compile(
    r"AWS4-HMAC-SHA256 Credential=([^/,=\s]+)/([^/,\s]*)/([^/,\s]*)/([^/,\s]*)/([^/,\s]*),"
    r" ?SignedHeaders=([^,\s]+), ?Signature=([^,\s]+)"
)


@lru_cache(maxsize=256)
def _signed_header_list(signed: str) -> tuple[tuple[str, ...], str | None, bool]:
    """For a SignedHeaders value: its names, the first required header it lacks (as AWS
    names it), and whether the list is sorted, unique and lowercase."""
    names = tuple(signed.split(";"))
    missing = next((shown for required, shown in _REQUIRED_SIGNED if required not in names), None)
    well_formed = list(names) == sorted(set(names)) and all(n == n.lower() for n in names)
    return names, missing, well_formed


_REQUIRED_SIGNED = (("host", "Host"), ("x-amz-date", "X-Amz-Date"))


@lru_cache(maxsize=64)
def _valid_region(region: str) -> bool:
    return _REGION.match(region) is not None


def _one(index: dict[str, list[str]], name: str) -> str | None:
    values = index.get(name)
    if not values:
        return None
    return values[0] if len(values) == 1 else ",".join(values)


def verify(
    request: HttpRequest,
    lookup: CredentialLookup,
    now: datetime,
    *,
    service: str = "kms",
    regions: Container[str] | None = None,
) -> Authenticated:
    """Check ``request``'s SigV4 signature; returns who signed it or raises ``KMSError``.

    ``regions`` limits the credential scopes accepted (None: any well-formed region).
    """
    index = request.header_values()
    header = _one(index, "authorization")
    if header is None:
        raise KMSError("MissingAuthenticationTokenException", "Missing Authentication Token")
    sdk_form = _SDK_AUTHORIZATION.fullmatch(header)
    if sdk_form is not None:
        key_id, date, region, scope_service, terminator, signed, given = sdk_form.groups()
    else:
        auth = _parse_authorization(header)
        key_id, date, region = auth.access_key_id, auth.date, auth.region
        scope_service, terminator, given = auth.service, auth.terminator, auth.signature
        signed = ";".join(auth.signed_headers)
    amz_date = _one(index, "x-amz-date")
    if amz_date is None:
        raise _incomplete(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
            f"header. Authorization={header}"
        )
    names, missing, well_formed = _signed_header_list(signed)
    if missing is not None:
        raise _incomplete(f"'{missing}' must be a 'SignedHeader' in the AWS Authorization.")
    if not well_formed:
        raise _invalid(_MISMATCH)
    for name in names:
        if not index.get(name):
            raise _invalid(_MISMATCH)
    token = _one(index, "x-amz-security-token")
    if token is not None and "x-amz-security-token" not in names:
        raise _incomplete(
            "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization."
        )
    try:
        signed_at = _parse_amz_date(amz_date)
    except ValueError:
        raise _incomplete(
            f"Date must be in ISO-8601 'basic format'. Got '{amz_date}'. "
            "See http://en.wikipedia.org/wiki/ISO_8601"
        ) from None
    if date != amz_date[:8]:
        raise _invalid(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
            f"from HTTP: '{date}' != '{amz_date[:8]}', from '{amz_date}'."
        )
    if not _valid_region(region) or (regions is not None and region not in regions):
        raise _invalid(f"Credential should be scoped to a valid region, not '{region}'. ")
    if scope_service != service:
        raise _invalid(f"Credential should be scoped to correct service: '{service}'. ")
    if terminator != "aws4_request":
        raise _invalid(
            "Credential should be scoped with a valid terminator: 'aws4_request', "
            f"not '{terminator}'. "
        )
    _check_skew(signed_at, amz_date, now)
    caller, secret, session_token = lookup(key_id)
    if session_token is not None or token is not None:
        if token is None or session_token is None:
            raise KMSError("UnrecognizedClientException", _INVALID_TOKEN)
        if not hmac.compare_digest(token.encode("utf-8"), session_token.encode("utf-8")):
            raise KMSError("UnrecognizedClientException", _INVALID_TOKEN)
    if not _SIGNATURE.match(given):
        raise _invalid(_MISMATCH)
    canonical = _canonical(request, index, names, signed).encode("utf-8")
    to_sign = (
        f"{ALGORITHM}\n{amz_date}\n{date}/{region}/{service}/aws4_request\n"
        f"{hashlib.sha256(canonical).hexdigest()}"
    )
    inner_pad, outer_pad = _hmac_pads(secret, date, region, service)
    inner = inner_pad.copy()
    inner.update(to_sign.encode("utf-8"))
    outer = outer_pad.copy()
    outer.update(inner.digest())
    expected = outer.hexdigest()
    if not hmac.compare_digest(expected, given):
        raise _invalid(_MISMATCH)
    return Authenticated(caller, key_id, region, signed_at)


def verify_asgi_reference(
    method: str,
    raw_path: bytes,
    query_string: bytes,
    headers: Sequence[tuple[bytes, bytes]],
    body: bytes,
    lookup: CredentialLookup,
    now: datetime,
    *,
    service: str = "kms",
    regions: Container[str] | None = None,
) -> Authenticated:
    """``verify`` of a request as ASGI gives it: ``raw_path`` (its query, if any, ignored),
    ``query_string`` and the header list (names lowercase bytes, values bytes)."""
    path = raw_path.decode("latin-1").split("?", 1)[0]
    request = HttpRequest.from_asgi(method, path, query_string.decode("latin-1"), headers, body)
    return verify(request, lookup, now, service=service, regions=regions)


# Verify the SigV4 signature of an ASGI request: ``verify_asgi_reference``, compiled in
# ``kmspolicy/_fast/_sigv4.pyx`` (equal results and errors, checked by the differential
# test) when extensions are in use.
verify_asgi = _compat.compiled_or(verify_asgi_reference, "_sigv4", "verify_asgi", "SigV4 verifier")
