"""kmspolicy: the authorization core of a key management service modelled on AWS KMS."""

# first: it decides between compiled builds and sources before any other module loads
from kmspolicy import _compat  # noqa: F401
from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.decision import Decision, Outcome, Permit, Reason
from kmspolicy.engine.grants import Grant
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies, PolicySet
from kmspolicy.engine.request import Caller, KeyInfo, Request
from kmspolicy.errors import KMSError, KmsPolicyError, PolicySyntaxError, Problem, ScenarioError

__version__ = "0.1.0"

__all__ = [
    "Authorizer",
    "Caller",
    "CallerPolicies",
    "Decision",
    "Grant",
    "KMSError",
    "KeyInfo",
    "KeyPolicies",
    "KmsPolicyError",
    "Outcome",
    "Permit",
    "PolicySet",
    "PolicySyntaxError",
    "Problem",
    "Reason",
    "Request",
    "ScenarioError",
    "__version__",
]
