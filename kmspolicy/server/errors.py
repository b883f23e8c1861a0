"""KMS errors on the wire: ``{"__type": ..., "message": ...}`` with AWS's HTTP status.

Statuses are those of KMS's Smithy model (``smithy.api#httpError``) for the modelled
exceptions, and of AWS's common errors for the rest. Anything not listed is a client
error (400), as in AWS.
"""

from __future__ import annotations

import json

from kmspolicy.errors import KMSError

__all__ = ["STATUS", "error_body", "status_of"]

STATUS: dict[str, int] = {
    # KMS exceptions whose status is not 400
    "NotFoundException": 404,
    "AlreadyExistsException": 409,
    "ConflictException": 409,
    "DisabledException": 409,
    "KMSInvalidStateException": 409,
    "DryRunOperationException": 412,
    "KMSInternalException": 500,
    "KeyUnavailableException": 500,
    "DependencyTimeoutException": 503,
    # common errors of every AWS service
    "InvalidClientTokenId": 403,
    "InternalFailure": 500,
    "ServiceUnavailable": 503,
    "RequestEntityTooLargeException": 413,
}


def status_of(code: str) -> int:
    return STATUS.get(code, 400)


def error_body(error: KMSError) -> bytes:
    """The JSON body AWS sends; an empty message (UnknownOperationException) is left out,
    as AWS leaves it out."""
    document = {"__type": error.code}
    if error.message:
        document["message"] = error.message
    return json.dumps(document, separators=(",", ":")).encode("utf-8")
