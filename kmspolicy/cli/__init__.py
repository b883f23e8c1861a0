"""The ``kmspolicy`` command: one module per subcommand, each exporting ``command``.

Subcommands load lazily so that ``kmspolicy lint`` does not import the server.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

# name -> module holding a click command named ``command``
COMMANDS = {
    "parse": "kmspolicy.cli.parse",
    "simulate": "kmspolicy.cli.simulate",
    "lint": "kmspolicy.cli.lint",
    "who-can": "kmspolicy.cli.whocan",
    "serve": "kmspolicy.cli.serve",
    "admin": "kmspolicy.cli.admin",
    "audit": "kmspolicy.cli.audit",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n, m in COMMANDS.items() if importlib.util.find_spec(m) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None or importlib.util.find_spec(module) is None:
            return None
        command: click.Command = importlib.import_module(module).command
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kmspolicy")
def main() -> None:
    """kmspolicy: the authorization core of a key management service modelled on AWS KMS."""
