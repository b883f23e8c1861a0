"""``kmspolicy admin``: set up a KMS data directory and its IAM directory.

Every subcommand works on the data directory given by ``--data-dir`` (or
``$KMSPOLICY_DATA_DIR``; default ``kms-data``, as for ``kmspolicy serve``): ``init``
creates it (database and root key), the others add
accounts, users and roles, attach identity policies, permissions boundaries and service
control policies (``attach-scp``/``detach-scp``, ``set-management-account``), issue or
import access keys and list what exists; ``hsm add|list|remove`` registers PKCS#11 tokens as
CloudHSM clusters for custom key stores. Output is JSON. Exit status: 0 done, 1 refused
(bad policy text with line:column, unknown principal, bad credential format, a token that
cannot be found), 2 usage.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kmspolicy.errors import PolicySyntaxError
from kmspolicy.kms.hsm.clusters import add_cluster, remove_cluster
from kmspolicy.kms.model import HsmClusterRecord
from kmspolicy.kms.principals import Directory
from kmspolicy.kms.service import KMS

__all__ = ["command"]


def _emit(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, default=str))


@contextmanager
def _directory(ctx: click.Context) -> Iterator[Directory]:
    with _kms(ctx) as kms:
        yield kms.directory


@contextmanager
def _kms(ctx: click.Context) -> Iterator[KMS]:
    data: Path = ctx.obj["data"]
    if not (data / "kms.db").exists():
        raise click.UsageError(f"{data} is not a KMS data directory: run `kmspolicy admin init`")
    kms = KMS.open(data)
    try:
        yield kms
    except PolicySyntaxError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(1)
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    finally:
        kms.close()


def _tags(values: tuple[str, ...]) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--tag")
        tags[key] = value
    return tags


@click.group(name="admin")
@click.option(
    "--data-dir",
    "data",
    envvar="KMSPOLICY_DATA_DIR",
    default="kms-data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The KMS data directory (or $KMSPOLICY_DATA_DIR).",
)
@click.pass_context
def command(ctx: click.Context, data: Path) -> None:
    """Administer a KMS data directory: accounts, users, roles, policies, access keys."""
    ctx.obj = {"data": data}


@command.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the data directory: its database and root key (mode 0600)."""
    data: Path = ctx.obj["data"]
    KMS.open(data).close()
    _emit({"data": str(data), "database": str(data / "kms.db"), "rootKey": str(data / "root.key")})


@command.command("create-account")
@click.argument("account_id")
@click.pass_context
def create_account(ctx: click.Context, account_id: str) -> None:
    """Add an account (12 digits); its root is arn:aws:iam::ACCOUNT_ID:root."""
    with _directory(ctx) as directory:
        _emit({"Arn": directory.create_account(account_id).arn})


def _create(
    ctx: click.Context, kind: str, account: str, name: str, path: str, tag: tuple[str, ...]
) -> None:
    with _directory(ctx) as directory:
        create = directory.create_user if kind == "user" else directory.create_role
        _emit({"Arn": create(account, name, path=path, tags=_tags(tag)).arn})


@command.command("create-user")
@click.argument("account")
@click.argument("name")
@click.option("--path", default="/", show_default=True)
@click.option("--tag", multiple=True, metavar="KEY=VALUE", help="A principal tag (repeatable).")
@click.pass_context
def create_user(
    ctx: click.Context, account: str, name: str, path: str, tag: tuple[str, ...]
) -> None:
    """Add an IAM user to ACCOUNT."""
    _create(ctx, "user", account, name, path, tag)


@command.command("create-role")
@click.argument("account")
@click.argument("name")
@click.option("--path", default="/", show_default=True)
@click.option("--tag", multiple=True, metavar="KEY=VALUE", help="A principal tag (repeatable).")
@click.pass_context
def create_role(
    ctx: click.Context, account: str, name: str, path: str, tag: tuple[str, ...]
) -> None:
    """Add an IAM role to ACCOUNT."""
    _create(ctx, "role", account, name, path, tag)


@command.command("attach-policy")
@click.argument("principal")
@click.argument("name")
@click.argument("policy_file", type=click.File("r"))
@click.pass_context
def attach_policy(ctx: click.Context, principal: str, name: str, policy_file: Any) -> None:
    """Attach (or replace) identity policy NAME from POLICY_FILE ('-' for stdin)."""
    with _directory(ctx) as directory:
        record = directory.attach_policy(principal, name, policy_file.read())
        _emit({"Arn": record.arn, "Policies": [n for n, _ in record.identity_policies]})


@command.command("detach-policy")
@click.argument("principal")
@click.argument("name")
@click.pass_context
def detach_policy(ctx: click.Context, principal: str, name: str) -> None:
    """Remove identity policy NAME from PRINCIPAL."""
    with _directory(ctx) as directory:
        record = directory.detach_policy(principal, name)
        _emit({"Arn": record.arn, "Policies": [n for n, _ in record.identity_policies]})


@command.command("set-boundary")
@click.argument("principal")
@click.argument("policy_file", type=click.File("r"), required=False)
@click.option("--clear", is_flag=True, help="Remove the permissions boundary.")
@click.pass_context
def set_boundary(ctx: click.Context, principal: str, policy_file: Any, clear: bool) -> None:
    """Set PRINCIPAL's permissions boundary from POLICY_FILE, or --clear it."""
    if clear == (policy_file is not None):
        raise click.UsageError("give a POLICY_FILE or --clear, not both")
    with _directory(ctx) as directory:
        text = None if clear else policy_file.read()
        record = directory.set_permissions_boundary(principal, text)
        _emit({"Arn": record.arn, "PermissionsBoundary": record.permissions_boundary is not None})


@command.command("attach-scp")
@click.argument("account_id")
@click.argument("policy_file", type=click.File("r"))
@click.option("--name", help="The SCP's name (default: the file name without extension).")
@click.pass_context
def attach_scp(ctx: click.Context, account_id: str, policy_file: Any, name: str | None) -> None:
    """Attach (or replace) a service control policy to ACCOUNT_ID from POLICY_FILE.

    Once an account has SCPs, every call by its principals needs an SCP Allow and no SCP
    Deny, except in the organization's management account (set-management-account)."""
    scp_name = name or Path(policy_file.name).stem
    if not scp_name or scp_name == "<stdin>":
        raise click.UsageError("give --name for a policy read from stdin")
    with _directory(ctx) as directory:
        scps = directory.attach_scp(account_id, scp_name, policy_file.read())
        _emit({"Account": account_id, "ServiceControlPolicies": [n for n, _ in scps]})


@command.command("detach-scp")
@click.argument("account_id")
@click.argument("name")
@click.pass_context
def detach_scp(ctx: click.Context, account_id: str, name: str) -> None:
    """Remove the service control policy NAME from ACCOUNT_ID."""
    with _directory(ctx) as directory:
        scps = directory.detach_scp(account_id, name)
        _emit({"Account": account_id, "ServiceControlPolicies": [n for n, _ in scps]})


@command.command("set-management-account")
@click.argument("account_id", required=False)
@click.option("--clear", is_flag=True, help="No management account.")
@click.pass_context
def set_management_account(ctx: click.Context, account_id: str | None, clear: bool) -> None:
    """Name the organization's management account: SCPs never restrict its principals."""
    if clear == (account_id is not None):
        raise click.UsageError("give an ACCOUNT_ID or --clear, not both")
    with _directory(ctx) as directory:
        directory.set_management_account(account_id)
        _emit({"ManagementAccount": account_id})


@command.command("issue-access-key")
@click.argument("principal")
@click.pass_context
def issue_access_key(ctx: click.Context, principal: str) -> None:
    """Make a new access key for a user or account root; prints the secret once."""
    with _directory(ctx) as directory:
        creds = directory.issue_access_key(principal)
        _emit(
            {
                "AccessKeyId": creds.access_key_id,
                "SecretAccessKey": creds.secret_access_key,
                "Arn": creds.principal_arn,
            }
        )


@command.command("import-access-key")
@click.argument("principal")
@click.argument("access_key_id")
@click.option(
    "--secret-file",
    type=click.File("r"),
    default="-",
    show_default=True,
    help="File holding the 40-character secret ('-': stdin), so it stays out of argv.",
)
@click.pass_context
def import_access_key(
    ctx: click.Context, principal: str, access_key_id: str, secret_file: Any
) -> None:
    """Import an existing access key (AKIA...) for PRINCIPAL."""
    secret = secret_file.read().strip()
    with _directory(ctx) as directory:
        creds = directory.import_access_key(principal, access_key_id, secret)
        _emit({"AccessKeyId": creds.access_key_id, "Arn": creds.principal_arn})


@command.command("list")
@click.option("--account", default=None, help="Only this account's principals.")
@click.pass_context
def list_principals(ctx: click.Context, account: str | None) -> None:
    """List accounts, users and roles with their tags and policy names."""
    with _directory(ctx) as directory:
        _emit(
            [
                {
                    "Arn": p.arn,
                    "Kind": p.kind,
                    "Tags": dict(p.tags),
                    "Policies": [n for n, _ in p.identity_policies],
                    "PermissionsBoundary": p.permissions_boundary is not None,
                }
                for p in directory.principals(account)
            ]
        )


@command.command("list-access-keys")
@click.argument("principal")
@click.pass_context
def list_access_keys(ctx: click.Context, principal: str) -> None:
    """List PRINCIPAL's access keys (ids and status; never secrets)."""
    with _directory(ctx) as directory:
        _emit(
            [
                {"AccessKeyId": k.access_key_id, "Status": k.status, "CreateDate": k.created}
                for k in directory.list_access_keys(principal)
            ]
        )


@command.group("hsm")
def hsm() -> None:
    """Register PKCS#11 tokens as CloudHSM clusters for custom key stores."""


@hsm.command("add")
@click.option("--cluster-id", required=True, help="cluster- and 11 to 16 of a-z, A-Z, 2-7.")
@click.option(
    "--module",
    "module_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so.",
)
@click.option("--token-label", required=True, help="The label of the token to use.")
@click.option(
    "--trust-anchor",
    type=click.File("r"),
    default=None,
    help="PEM trust anchor certificate (default: a new self-signed one).",
)
@click.pass_context
def hsm_add(
    ctx: click.Context,
    cluster_id: str,
    module_path: str,
    token_label: str,
    trust_anchor: Any,
) -> None:
    """Register a token; prints the cluster with its trust anchor certificate, which
    CreateCustomKeyStore must present."""
    with _kms(ctx) as kms:
        record = add_cluster(
            kms.store,
            cluster_id,
            str(Path(module_path).absolute()),
            token_label,
            kms.clock.now(),
            trust_anchor=None if trust_anchor is None else trust_anchor.read(),
        )
        _emit(_cluster_entry(record))


@hsm.command("list")
@click.pass_context
def hsm_list(ctx: click.Context) -> None:
    """List the registered clusters."""
    with _kms(ctx) as kms:
        _emit([_cluster_entry(c) for c in kms.store.list_hsm_clusters()])


@hsm.command("remove")
@click.argument("cluster_id")
@click.pass_context
def hsm_remove(ctx: click.Context, cluster_id: str) -> None:
    """Unregister a cluster that no custom key store uses."""
    with _kms(ctx) as kms:
        remove_cluster(kms.store, cluster_id)
        _emit({"CloudHsmClusterId": cluster_id, "Removed": True})


def _cluster_entry(record: HsmClusterRecord) -> dict[str, Any]:
    return {
        "CloudHsmClusterId": record.cluster_id,
        "Module": record.module_path,
        "TokenLabel": record.token_label,
        "TrustAnchorCertificate": record.trust_anchor_certificate,
        "Created": record.created,
    }
