"""Builds the served application in each server process from ``KMSPOLICY_SERVE_*``
environment variables (set by ``kmspolicy serve``, inherited by every worker)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from kmspolicy.kms.audit import AuditLog
from kmspolicy.server.app import KMSApp
from kmspolicy.server.backend import Backend
from kmspolicy.server.scheduler import Scheduler

__all__ = ["AUDIT_FILE", "ENV_PREFIX", "create_app"]

AUDIT_FILE = "audit.jsonl"
ENV_PREFIX = "KMSPOLICY_SERVE_"


def create_app() -> KMSApp:
    data_dir = Path(os.environ[ENV_PREFIX + "DATA_DIR"])
    regions_text = os.environ.get(ENV_PREFIX + "REGIONS", "")
    regions = frozenset(regions_text.split(",")) if regions_text else None
    workers = int(os.environ.get(ENV_PREFIX + "WORKERS", "1"))
    interval = float(os.environ.get(ENV_PREFIX + "SCHEDULER_INTERVAL", "60"))
    default_region = sorted(regions)[0] if regions else "us-east-1"
    backend = Backend(data_dir, default_region=default_region, shared=workers > 1)
    audit = AuditLog(data_dir / AUDIT_FILE)
    scheduler = Scheduler(backend, data_dir, interval=interval)
    scheduler.start()
    app = KMSApp(backend, audit, regions=regions, on_shutdown=(scheduler.stop,))
    # What start-up made (grammars, the API model, policies, caches) lives as long as the
    # process: out of the collector's generations, full collections skip it.
    gc.collect()
    gc.freeze()
    return app
