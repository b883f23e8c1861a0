"""Helpers for the endpoint tests: an in-process app driven through ASGI with
botocore-signed requests, and a real ``kmspolicy serve`` subprocess."""

from __future__ import annotations

import asyncio
import configparser
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from kmspolicy.kms.clock import ManualClock
from kmspolicy.server.app import KMSApp

ACCOUNT = "111122223333"
START = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def read_credentials(path: Path) -> tuple[str, str]:
    parser = configparser.ConfigParser()
    parser.read(path)
    section = parser["kmspolicy"]
    return section["aws_access_key_id"], section["aws_secret_access_key"]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Endpoint:
    """An in-process KMSApp over a bootstrapped data directory, with a manual clock."""

    app: KMSApp
    clock: ManualClock
    data_dir: Path
    access_key_id: str
    secret: str
    calls: list[str] = field(default_factory=list)

    def raw(
        self,
        headers: list[tuple[str, str]],
        body: bytes,
        method: str = "POST",
        path: str = "/",
        chunk: int | None = None,
    ) -> Reply:
        """One request; ``chunk`` delivers the body in messages of that many bytes."""
        scope = {
            "type": "http",
            "method": method,
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
            "client": ("203.0.113.7", 50000),
            "scheme": "http",
        }
        sent: list[dict[str, Any]] = []

        size = chunk or max(len(body), 1)
        pieces = [body[i : i + size] for i in range(0, len(body), size)] or [b""]

        async def receive() -> dict[str, Any]:
            piece = pieces.pop(0)
            return {"type": "http.request", "body": piece, "more_body": bool(pieces)}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        asyncio.run(self.app(scope, receive, send))
        start, payload = sent
        return Reply(
            start["status"],
            {k.decode(): v.decode() for k, v in start["headers"]},
            payload["body"],
        )

    def sign(
        self,
        operation: str,
        body: bytes,
        *,
        region: str = "us-east-1",
        access_key_id: str | None = None,
        secret: str | None = None,
        token: str | None = None,
        target: str | None = None,
    ) -> list[tuple[str, str]]:
        now = self.clock.now().replace(tzinfo=None)
        original = botocore.auth.get_current_datetime
        botocore.auth.get_current_datetime = lambda: now  # type: ignore[assignment]
        try:
            request = AWSRequest(
                method="POST",
                url="http://kms.local/",
                data=body,
                headers={
                    "Content-Type": "application/x-amz-json-1.1",
                    "X-Amz-Target": target or f"TrentService.{operation}",
                    "User-Agent": "kmspolicy-tests",
                },
            )
            botocore.auth.SigV4Auth(
                Credentials(access_key_id or self.access_key_id, secret or self.secret, token),
                "kms",
                region,
            ).add_auth(request)
        finally:
            botocore.auth.get_current_datetime = original  # type: ignore[assignment]
        headers = [(k, str(v)) for k, v in request.headers.items()]
        headers.append(("Host", "kms.local"))
        return headers

    def call(self, operation: str, params: dict[str, Any] | None = None, **kwargs: Any) -> Reply:
        body = json.dumps(params or {}).encode()
        return self.raw(self.sign(operation, body, **kwargs), body)

    def audit_records(self) -> list[dict[str, Any]]:
        assert self.app.audit is not None
        self.app.audit.flush()
        path = self.data_dir / "audit.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()]


# --- a real server ----------------------------------------------------------------------


@dataclass
class Server:
    url: str
    data_dir: Path
    access_key_id: str
    secret: str
    process: subprocess.Popen[bytes]
    log: Path

    def env(self, region: str = "us-east-1") -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(
            AWS_ACCESS_KEY_ID=self.access_key_id,
            AWS_SECRET_ACCESS_KEY=self.secret,
            AWS_DEFAULT_REGION=region,
            AWS_ENDPOINT_URL_KMS=self.url,
            AWS_CONFIG_FILE=os.devnull,
            AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        )
        return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(data_dir: Path, log: Path, *extra: str) -> Server:
    port = free_port()
    kmspolicy = Path(sys.executable).with_name("kmspolicy")
    handle = log.open("wb")
    process = subprocess.Popen(
        [str(kmspolicy), "serve", "--data-dir", str(data_dir), "--port", str(port), *extra],
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    handle.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as reply:
                if reply.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"kmspolicy serve did not start:\n{log.read_text()}") from None
            time.sleep(0.1)
    key_id, secret = read_credentials(data_dir / "credentials")
    return Server(url, data_dir, key_id, secret, process, log)


def stop_server(server: Server) -> int:
    server.process.terminate()
    return server.process.wait(timeout=30)
