"""SoftHSM2 for the custom key store tests: a throwaway token directory under a temporary
SOFTHSM2_CONF for the whole run, a fresh token per test, and a KMS with the token
registered as a CloudHSM cluster."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kms_service_env import ADMIN, open_kms

from kmspolicy.kms.clock import ManualClock
from kmspolicy.kms.hsm.clusters import add_cluster
from kmspolicy.kms.model import HsmClusterRecord
from kmspolicy.kms.service import KMS

_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
SO_PIN = "12345678"


def softhsm_module() -> str:
    for path in (os.environ.get("SOFTHSM2_MODULE"), *_MODULE_CANDIDATES):
        if path and Path(path).exists():
            return path
    raise RuntimeError("libsofthsm2.so not found: install the softhsm2 package (make sysdeps)")


@dataclass(frozen=True)
class Token:
    label: str
    pin: str
    module: str


@pytest.fixture(scope="session")
def softhsm_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("softhsm")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    yield base
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


def init_token(label: str, pin: str) -> None:
    util = shutil.which("softhsm2-util")
    if util is None:
        raise RuntimeError("softhsm2-util not found: install the softhsm2 package (make sysdeps)")
    subprocess.run(
        [util, "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin],
        check=True,
        capture_output=True,
    )


def delete_token(label: str) -> None:
    subprocess.run(
        ["softhsm2-util", "--delete-token", "--token", label], check=True, capture_output=True
    )


@pytest.fixture
def token(softhsm_dir: Path) -> Token:
    label = f"kms-{secrets.token_hex(6)}"
    pin = secrets.token_hex(6)
    init_token(label, pin)
    return Token(label, pin, softhsm_module())


def new_cluster_id() -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    return "cluster-" + "".join(secrets.choice(alphabet) for _ in range(11))


@dataclass
class HsmEnv:
    kms: KMS
    clock: ManualClock
    token: Token
    cluster: HsmClusterRecord

    def call(
        self, operation: str, params: dict[str, Any] | None = None, caller: str = ADMIN
    ) -> Any:
        return self.kms.call(operation, params or {}, caller)

    def create_store(self, password: str | None = None, name: str = "hsm-store") -> str:
        reply = self.call(
            "CreateCustomKeyStore",
            {
                "CustomKeyStoreName": name,
                "CloudHsmClusterId": self.cluster.cluster_id,
                "TrustAnchorCertificate": self.cluster.trust_anchor_certificate,
                "KeyStorePassword": password or self.token.pin,
            },
        )
        store_id: str = reply["CustomKeyStoreId"]
        return store_id

    def describe(self, store_id: str) -> dict[str, Any]:
        entry: dict[str, Any] = self.call(
            "DescribeCustomKeyStores", {"CustomKeyStoreId": store_id}
        )["CustomKeyStores"][0]
        return entry

    def connected_store(self) -> str:
        store_id = self.create_store()
        self.call("ConnectCustomKeyStore", {"CustomKeyStoreId": store_id})
        assert self.describe(store_id)["ConnectionState"] == "CONNECTED"
        return store_id

    def hsm_key(self, store_id: str) -> str:
        reply = self.call("CreateKey", {"Origin": "AWS_CLOUDHSM", "CustomKeyStoreId": store_id})
        key_id: str = reply["KeyMetadata"]["KeyId"]
        return key_id


@pytest.fixture
def hsm(tmp_path: Path, token: Token) -> Iterator[HsmEnv]:
    clock = ManualClock()
    kms = open_kms(tmp_path / "data", clock)
    cluster = add_cluster(kms.store, new_cluster_id(), token.module, token.label, clock.now())
    yield HsmEnv(kms, clock, token, cluster)
    kms.close()
