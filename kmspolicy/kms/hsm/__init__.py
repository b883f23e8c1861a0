"""Custom key stores on PKCS#11 tokens: the session pool, the cluster registry, and the
key stores whose keys are generated and used inside the token."""
