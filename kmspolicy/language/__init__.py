"""Policy text → IR: the Lark grammars (grammar/*.lark), the positioned JSON tree, the
builders for policy documents and grant constraints, and the way back to JSON.

``parse_policy`` and ``parse_grant_constraints`` raise ``PolicySyntaxError`` listing every
problem with its line and column; nothing is silently dropped or guessed.
"""

from kmspolicy.language.arns import parse_arn
from kmspolicy.language.grants import grant_constraints_from_node, parse_grant_constraints
from kmspolicy.language.json_tree import (
    JsonArray,
    JsonBool,
    JsonMember,
    JsonNode,
    JsonNull,
    JsonNumber,
    JsonObject,
    JsonString,
    parse_json,
)
from kmspolicy.language.operators import BASE_OPERATORS, UnknownOperatorError, parse_operator
from kmspolicy.language.policy import (
    SIZE_LIMITS,
    parse_policy,
    policy_from_node,
    policy_from_obj,
)
from kmspolicy.language.render import grant_constraints_to_json, policy_to_json, render_policy
from kmspolicy.language.templates import TemplateError, parse_template

__all__ = [
    "BASE_OPERATORS",
    "SIZE_LIMITS",
    "JsonArray",
    "JsonBool",
    "JsonMember",
    "JsonNode",
    "JsonNull",
    "JsonNumber",
    "JsonObject",
    "JsonString",
    "TemplateError",
    "UnknownOperatorError",
    "grant_constraints_from_node",
    "grant_constraints_to_json",
    "parse_arn",
    "parse_grant_constraints",
    "parse_json",
    "parse_operator",
    "parse_policy",
    "parse_template",
    "policy_from_node",
    "policy_from_obj",
    "policy_to_json",
    "render_policy",
]
