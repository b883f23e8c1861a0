"""``kmspolicy simulate SCENARIO.json [--format json|text]``: decide a scenario's requests.

Exit status: 0 whatever the decisions; 1 when the scenario does not parse (every problem
printed on stderr with its line and column); 2 for usage errors or an unreadable file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.scenario import decision_to_json, load_scenario
from kmspolicy.errors import PolicySyntaxError, ScenarioError


@click.command(name="simulate")
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--evaluator",
    type=click.Choice(["auto", "py", "c"]),
    default="auto",
    show_default=True,
    help="Evaluator implementation (auto: compiled when available).",
)
def command(scenario: Path, output_format: str, evaluator: str) -> None:
    """Evaluate the request(s) of SCENARIO against its policies and grants."""
    try:
        data = scenario.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"kmspolicy simulate: cannot read {scenario}: {exc}", err=True)
        sys.exit(2)
    try:
        loaded = load_scenario(text, source_name=str(scenario))
    except PolicySyntaxError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(1)
    except ScenarioError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    try:
        authorizer = Authorizer(None if evaluator == "auto" else evaluator)
    except ValueError as exc:
        click.echo(f"kmspolicy simulate: {exc}", err=True)
        sys.exit(2)
    policies = authorizer.load(loaded.policies)
    decisions = [authorizer.decide(policies, request) for request in loaded.requests]

    if output_format == "json":
        results = [decision_to_json(d) for d in decisions]
        payload = results if loaded.request_is_list else results[0]
        click.echo(json.dumps(payload, indent=2))
        return
    for number, (request, decision) in enumerate(zip(loaded.requests, decisions, strict=True)):
        if loaded.request_is_list:
            if number:
                click.echo()
            click.echo(f"request {number}: {request.action} by {request.caller.arn}")
        result = decision_to_json(decision)
        click.echo(f"{result['decision']} ({result['reason']})")
        click.echo(decision.explain())
