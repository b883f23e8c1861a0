"""A who-can report as one self-contained HTML page (inline CSS, no scripts, no external
assets): a matrix of principals × keys whose cells show which kinds of action each
principal has on each key (hover a badge for the actions and conditions), the findings,
and per key the full rows."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import IO

from kmspolicy.analysis.whocan.report import AccessRow, Report, group_rows

__all__ = ["render_html"]

# Badge letter, name, and the actions (without "kms:") each category holds.
_CATEGORIES: tuple[tuple[str, str, frozenset[str]], ...] = (
    (
        "U",
        "use (cryptographic operations)",
        frozenset(
            {
                "Encrypt",
                "Decrypt",
                "ReEncryptFrom",
                "ReEncryptTo",
                "GenerateDataKey",
                "GenerateDataKeyWithoutPlaintext",
                "GenerateDataKeyPair",
                "GenerateDataKeyPairWithoutPlaintext",
                "Sign",
                "Verify",
                "GenerateMac",
                "VerifyMac",
                "DeriveSharedSecret",
            }
        ),
    ),
    (
        "R",
        "read metadata",
        frozenset(
            {
                "DescribeKey",
                "GetPublicKey",
                "GetKeyPolicy",
                "GetKeyRotationStatus",
                "GetKeyLastUsage",
                "GetParametersForImport",
                "ListGrants",
                "ListKeyPolicies",
                "ListKeyRotations",
                "ListResourceTags",
            }
        ),
    ),
    ("G", "grants", frozenset({"CreateGrant", "RetireGrant", "RevokeGrant"})),
    ("P", "change the key policy", frozenset({"PutKeyPolicy"})),
)
_MANAGE = ("M", "manage (enable, disable, delete, rotate, tag, alias, import)")

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2328}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#59636e;margin-bottom:16px}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.matrix th.key{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
.matrix td.p{white-space:nowrap;font-family:ui-monospace,monospace;font-size:12px}
.matrix td.c{text-align:center;white-space:nowrap;min-width:90px}
.b{display:inline-block;min-width:16px;margin:1px;padding:1px 4px;border-radius:4px;
font-weight:600;font-size:11px;color:#fff;cursor:help}
.allowed{background:#1a7f37}.conditional{background:#bf8700}.mixed{background:#0969da}
.sw{background:#8250df;color:#fff;padding:1px 6px;border-radius:4px;font-size:11px}
.wa{background:#bf8700;color:#fff;padding:1px 6px;border-radius:4px;font-size:11px}
.legend span{margin-right:14px}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
code{font-family:ui-monospace,monospace;font-size:12px}
ul.c{margin:0;padding-left:16px}
"""


def _category(action: str) -> tuple[str, str]:
    name = action.split(":", 1)[1]
    for letter, title, members in _CATEGORIES:
        if name in members:
            return letter, title
    return _MANAGE


def _badges(rows: list[AccessRow]) -> str:
    by_letter: dict[str, list[AccessRow]] = {}
    titles: dict[str, str] = {}
    for row in rows:
        letter, title = _category(row.action)
        by_letter.setdefault(letter, []).append(row)
        titles[letter] = title
    out = []
    for letter in ("U", "R", "G", "P", "M"):
        found = by_letter.get(letter)
        if not found:
            continue
        kinds = {r.access for r in found}
        css = kinds.pop() if len(kinds) == 1 else "mixed"
        lines = [titles[letter] + ":"]
        for r in found:
            line = f"{r.action} ({r.access})"
            if r.conditions:
                line += ": " + " AND ".join(r.conditions)
            lines.append(line)
        tip = escape("\n".join(lines))
        out.append(f'<span class="b {css}" title="{tip}">{letter}{len(found)}</span>')
    return "".join(out)


def _key_label(arn: str, aliases: Iterable[str]) -> str:
    first = next(iter(aliases), None)
    return first if first is not None else arn.rsplit("/", 1)[1][:13]


def render_html(report: Report, stream: IO[str], *, title: str = "kmspolicy who-can") -> None:
    keys = report.keys
    cells: dict[tuple[str, str], list[AccessRow]] = {}
    principals: dict[str, None] = {}
    for row in report.rows:
        cells.setdefault((row.principal, row.key), []).append(row)
        principals[row.principal] = None
    allowed = sum(1 for r in report.rows if r.access == "allowed")
    labels = {k.arn: _key_label(k.arn, k.info.aliases) for k in keys}
    w = stream.write
    w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    w(f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>")
    w(f"<h1>{escape(title)}</h1>")
    w(
        f'<div class="meta">{len(keys)} keys, {len(principals)} principals with access, '
        f"{len(report.rows)} access rows ({allowed} allowed, {len(report.rows) - allowed} "
        f"conditional), {len(report.findings)} findings.</div>"
    )

    w("<h2>Who can do what</h2>")
    w('<p class="legend">')
    for letter, name in [(c[0], c[1]) for c in _CATEGORIES] + [_MANAGE]:
        w(f"<span><b>{letter}</b> {escape(name)}</span>")
    w(
        '<br><span class="b allowed">U3</span> allowed for every request '
        '<span class="b conditional">U3</span> only under conditions '
        '<span class="b mixed">U3</span> some of each; the number counts actions. '
        "Hover a badge for the actions and conditions.</p>"
    )
    w('<table class="matrix"><tr><th>Principal</th>')
    for key in keys:
        label = escape(_key_label(key.arn, key.info.aliases))
        w(f'<th class="key" title="{escape(key.arn)}">{label}</th>')
    w("</tr>")
    for principal in principals:
        w(f'<tr><td class="p">{escape(principal)}</td>')
        for key in keys:
            found = cells.get((principal, key.arn))
            w(f'<td class="c">{_badges(found) if found else ""}</td>')
        w("</tr>")
    w("</table>")

    w(f"<h2>Findings ({len(report.findings)})</h2>")
    if report.findings:
        w(
            "<table><tr><th>Type</th><th>Issue</th><th>Key</th><th>Principal</th>"
            "<th>Message</th></tr>"
        )
        for f in report.findings:
            attributes = dict(f.attributes)
            key_arn = attributes.get("key", "")
            css = "sw" if f.finding_type.value == "SECURITY_WARNING" else "wa"
            w(
                f'<tr><td><span class="{css}">{escape(f.finding_type.value)}</span></td>'
                f"<td>{escape(f.issue_code)}</td>"
                f'<td title="{escape(key_arn)}">{escape(labels.get(key_arn, key_arn))}</td>'
                f"<td><code>{escape(attributes.get('principal', ''))}</code></td>"
                f"<td>{escape(f.message)}</td></tr>"
            )
        w("</table>")
    else:
        w("<p>No findings.</p>")

    w("<h2>Details per key</h2>")
    groups = group_rows(report.rows)
    for key in keys:
        key_groups = [g for g in groups if g.key == key.arn]
        aliases = ", ".join(key.info.aliases)
        w(
            f"<details><summary><code>{escape(key.arn)}</code> {escape(aliases)} "
            f"({len(key_groups)} groups)</summary>"
        )
        w(
            "<table><tr><th>Principal</th><th>Access</th><th>Actions</th>"
            "<th>Conditions (all must hold)</th><th>Via</th></tr>"
        )
        for g in key_groups:
            conditions = "".join(f"<li>{escape(c)}</li>" for c in g.conditions)
            w(
                f"<tr><td><code>{escape(g.principal)}</code></td>"
                f'<td><span class="b {g.access}">{g.access}</span></td>'
                f"<td>{escape(', '.join(a.split(':', 1)[1] for a in g.actions))}</td>"
                f'<td><ul class="c">{conditions}</ul></td>'
                f"<td>{escape('; '.join(g.via))}</td></tr>"
            )
        w("</table></details>")
    w("</body></html>\n")
