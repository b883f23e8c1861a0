"""The KMS endpoint: AWS JSON 1.1 over HTTP with SigV4."""
