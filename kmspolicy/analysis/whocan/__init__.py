"""``kmspolicy who-can``: who can do what with every key of an estate, and under which
conditions, by partial evaluation of the engine's semantics.

``load_estate`` reads an estate folder; ``who_can`` analyses it into a ``Report`` of
access rows and findings; ``report_to_json`` gives the JSON contract of DESIGN.md. The
renderers (``render_text``, ``render_csv``, ``render_html``) print a report, and
``witness`` builds concrete requests that exercise a row.
"""

from kmspolicy.analysis.whocan.analyse import who_can
from kmspolicy.analysis.whocan.estate import Estate, EstateKey, EstatePrincipal, load_estate
from kmspolicy.analysis.whocan.report import AccessRow, Report, report_to_json

__all__ = [
    "AccessRow",
    "Estate",
    "EstateKey",
    "EstatePrincipal",
    "Report",
    "load_estate",
    "report_to_json",
    "who_can",
]
