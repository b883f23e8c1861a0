"""kmspolicy: the authorization core of a key management service modelled on AWS KMS."""

from kmspolicy.errors import KMSError, KmsPolicyError, PolicySyntaxError, Problem, ScenarioError

__version__ = "0.1.0"

__all__ = [
    "KMSError",
    "KmsPolicyError",
    "PolicySyntaxError",
    "Problem",
    "ScenarioError",
    "__version__",
]
