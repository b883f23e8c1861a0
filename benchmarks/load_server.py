"""Encrypt over loopback HTTP: ``kmspolicy serve`` (SigV4 + authorization + audit) against
the floor, a bare ASGI app returning fixed JSON, in one run. The bare app runs on uvicorn
(uvloop + httptools, the stack ``kmspolicy serve`` uses) and on granian (ASGI, uvloop, one
runtime thread); the floor is the faster of the two in each round.

The load generator is ``wrk`` (Debian package ``wrk``) replaying one Encrypt request signed
with botocore: SigV4 accepts a signature for five minutes, so replaying it costs the client
nothing and the server still verifies every request in full. Each server gets CPU 0, wrk
CPU 1 (when the machine has two). Run::

    .venv/bin/python benchmarks/load_server.py [--seconds 10] [--connections 32] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BARE_PORT, GRANIAN_PORT, KMS_PORT = 4791, 4793, 4792


def _pin(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if shutil.which("taskset") and os.cpu_count() else []


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, data=b"{}", timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers (an error for the unsigned probe is fine)
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def _signed_encrypt(url: str, key_id: str, secret: tuple[str, str]) -> tuple[dict[str, str], str]:
    body = json.dumps({"KeyId": key_id, "Plaintext": "aGVsbG8gd29ybGQ="})
    request = AWSRequest(
        method="POST",
        url=url + "/",
        data=body.encode(),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "TrentService.Encrypt",
        },
    )
    SigV4Auth(Credentials(*secret), "kms", "us-east-1").add_auth(request)
    headers = {k: str(v) for k, v in request.headers.items()}
    return headers, body


def _lua(headers: dict[str, str], body: str) -> str:
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(body)}"]
    lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    return "\n".join(lines) + "\n"


def _wrk(url: str, script: Path, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        [
            *_pin(1),
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    units = {"us": 1e-3, "ms": 1.0, "s": 1e3}

    def latency(pct: str) -> float:
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)$", out, re.M)
        assert match, out
        return float(match.group(1)) * units[match.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert rps, out
    return {
        "rps": float(rps.group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    work = Path(tempfile.mkdtemp(prefix="kms-load-"))
    bare = subprocess.Popen(
        [
            *_pin(0),
            str(BIN / "uvicorn"),
            "--app-dir",
            str(ROOT / "benchmarks"),
            "bare_app:app",
            "--port",
            str(BARE_PORT),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--no-proxy-headers",  # as kmspolicy serve runs by default
            "--log-level",
            "warning",
        ],
    )
    granian = subprocess.Popen(
        [
            *_pin(0),
            str(BIN / "granian"),
            "--interface",
            "asgi",
            "--loop",
            "uvloop",
            "--workers",
            "1",
            "--runtime-threads",
            "1",
            "--port",
            str(GRANIAN_PORT),
            "--log-level",
            "warning",
            "bare_app:app",
        ],
        cwd=ROOT / "benchmarks",
    )
    kms_log = (work / "serve.log").open("wb")
    served = subprocess.Popen(
        [
            *_pin(0),
            str(BIN / "kmspolicy"),
            "serve",
            "--data-dir",
            str(work / "data"),
            "--port",
            str(KMS_PORT),
        ],
        stdout=kms_log,
        stderr=subprocess.STDOUT,
    )
    try:
        bare_url, kms_url = f"http://127.0.0.1:{BARE_PORT}", f"http://127.0.0.1:{KMS_PORT}"
        granian_url = f"http://127.0.0.1:{GRANIAN_PORT}"
        _wait(bare_url + "/", bare)
        _wait(granian_url + "/", granian)
        _wait(kms_url + "/health", served)
        creds = (work / "data" / "credentials").read_text().split()
        secret = (creds[3], creds[6])
        client = boto3.session.Session().client(
            "kms",
            endpoint_url=kms_url,
            region_name="us-east-1",
            aws_access_key_id=secret[0],
            aws_secret_access_key=secret[1],
        )
        key_id = client.create_key()["KeyMetadata"]["KeyId"]
        headers, body = _signed_encrypt(kms_url, key_id, secret)
        script = work / "encrypt.lua"
        script.write_text(_lua(headers, body))
        _wrk(kms_url, script, 2, args.connections)  # warm-up
        # alternate the two servers and keep the median round, so that a burst of other
        # work on the machine does not land on one side only
        rounds = []
        for _ in range(args.rounds):
            uvicorn_run = _wrk(bare_url, script, args.seconds, args.connections)
            granian_run = _wrk(granian_url, script, args.seconds, args.connections)
            kms_run = _wrk(kms_url, script, args.seconds, args.connections)
            floor = max(uvicorn_run, granian_run, key=lambda run: run["rps"])
            rounds.append((kms_run["rps"] / floor["rps"], uvicorn_run, granian_run, kms_run))
        rounds.sort(key=lambda r: r[0])
        ratio, uvicorn_result, granian_result, kms_result = rounds[len(rounds) // 2]
        print(
            json.dumps(
                {
                    "bare_uvicorn": uvicorn_result,
                    "bare_granian": granian_result,
                    "kms": kms_result,
                    "ratio": ratio,
                    "ratios": [r[0] for r in rounds],
                },
                indent=2,
            )
        )
    finally:
        for process in (bare, granian, served):
            process.terminate()
            process.wait()
        kms_log.close()
    audit = subprocess.run(
        [str(BIN / "kmspolicy"), "audit", "verify", "--data-dir", str(work / "data")],
        capture_output=True,
        text=True,
        check=False,
    )
    print(audit.stdout.strip())
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
