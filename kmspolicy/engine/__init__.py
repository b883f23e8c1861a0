"""IR → compiled form → Decision: request model, KMS context derivation, evaluators, authorizer."""
