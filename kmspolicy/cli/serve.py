"""``kmspolicy serve``: the KMS over HTTP (AWS JSON 1.1 with SigV4) on uvicorn.

On first start in an empty data directory it creates the store, the root key, the
default account and an administrator (IAM user ``admin`` allowed ``kms:*``) with an access
key; the secret is written to ``DATA_DIR/credentials`` (mode 0600, AWS shared-credentials
format, profile ``kmspolicy``) and the terminal shows how to use it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from kmspolicy.kms.service import KMS
from kmspolicy.server.factory import ENV_PREFIX

CREDENTIALS_FILE = "credentials"
PROFILE = "kmspolicy"
ADMIN_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "Admin", "Effect": "Allow", "Action": "kms:*", "Resource": "*"}],
    }
)


def bootstrap(data_dir: Path, account: str, region: str) -> tuple[str, Path] | None:
    """Set up a new data directory; returns (access key id, credentials file) when it did,
    None when the directory was already set up."""
    credentials = data_dir / CREDENTIALS_FILE
    fresh = not (data_dir / "kms.db").exists()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with KMS.open(data_dir, region=region) as kms:
        if not fresh:
            return None
        directory = kms.directory
        directory.create_account(account)
        admin = directory.create_user(account, "admin")
        directory.attach_policy(admin.arn, "kms-admin", ADMIN_POLICY)
        key = directory.issue_access_key(admin.arn)
    fd = os.open(credentials, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(
            f"[{PROFILE}]\n"
            f"aws_access_key_id = {key.access_key_id}\n"
            f"aws_secret_access_key = {key.secret_access_key}\n"
        )
    return key.access_key_id, credentials


def _log_config() -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"format": "%(asctime)s %(name)s %(message)s"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "line",
                "stream": "ext://sys.stderr",
            },
            # one line per request: written in batches, not one write per request
            "access": {
                "class": "kmspolicy.server.logbuffer.BatchingStreamHandler",
                "formatter": "line",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {
            "kmspolicy.server.access": {
                "handlers": ["access"],
                "level": "INFO",
                "propagate": False,
            },
            "kmspolicy.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


@click.command(name="serve")
@click.option(
    "--data-dir",
    envvar="KMSPOLICY_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    default="kms-data",
    show_default=True,
    help="Data directory: store, root key, audit log, admin credentials.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=4599, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option(
    "--region",
    "regions",
    multiple=True,
    help="Serve only this region (repeatable); default: every region.",
)
@click.option("--account", default="111122223333", show_default=True, help="Default account.")
@click.option(
    "--forwarded-allow-ips",
    default=None,
    help="Behind a reverse proxy: the proxy addresses (comma-separated, or *) whose "
    "X-Forwarded-For names the client for aws:SourceIp. Default: trust no proxy header.",
)
@click.option(
    "--scheduler-interval",
    type=click.FloatRange(0.1),
    default=60.0,
    show_default=True,
    help="Seconds between passes of the rotation/deletion scheduler.",
)
def command(
    data_dir: Path,
    host: str,
    port: int,
    workers: int,
    regions: tuple[str, ...],
    account: str,
    forwarded_allow_ips: str | None,
    scheduler_interval: float,
) -> None:
    """Serve the KMS over HTTP (AWS JSON 1.1, SigV4) on the embedded SQLite store."""
    import uvicorn

    data_dir = data_dir.resolve()
    home_region = sorted(regions)[0] if regions else "us-east-1"
    try:
        created = bootstrap(data_dir, account, home_region)
    except (OSError, ValueError) as exc:
        click.echo(f"kmspolicy serve: cannot set up {data_dir}: {exc}", err=True)
        sys.exit(2)
    endpoint = f"http://{host}:{port}"
    if created is not None:
        key_id, credentials = created
        click.echo(
            f"Created a new KMS in {data_dir}: account {account}, administrator "
            f"arn:aws:iam::{account}:user/admin with access key {key_id}.\n"
            f"Its secret is in {credentials} (mode 0600). To use it:\n"
            f"  export AWS_SHARED_CREDENTIALS_FILE={credentials} AWS_PROFILE={PROFILE}\n"
            f"  export AWS_ENDPOINT_URL_KMS={endpoint} AWS_DEFAULT_REGION={home_region}\n"
            "  aws kms create-key",
            err=True,
        )
    os.environ[ENV_PREFIX + "DATA_DIR"] = str(data_dir)
    os.environ[ENV_PREFIX + "REGIONS"] = ",".join(regions)
    os.environ[ENV_PREFIX + "WORKERS"] = str(workers)
    os.environ[ENV_PREFIX + "SCHEDULER_INTERVAL"] = str(scheduler_interval)
    uvicorn.run(
        "kmspolicy.server.factory:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http="httptools",
        lifespan="on",
        access_log=False,
        log_config=_log_config(),
        server_header=False,
        # aws:SourceIp is the peer's address unless a trusted proxy says otherwise: with
        # uvicorn's default (trust 127.0.0.1), any local client could claim any address
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        timeout_graceful_shutdown=10,
    )
