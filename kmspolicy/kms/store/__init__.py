"""Persistent state of the KMS behind the ``Store`` protocol (SQLite by default)."""

from kmspolicy.kms.store.base import Store, StoreError
from kmspolicy.kms.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoreError"]
