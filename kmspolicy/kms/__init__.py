"""The KMS: keys, crypto, store, audit log and the operation dispatcher."""
