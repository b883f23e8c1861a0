"""What the build compiles besides kmspolicy/_fast: the request path's Python modules,
compiled from their own source by Cython (same code, no interpreter loop). Read by
setup.py, the Makefile (rebuild when one changes) and ``_compat`` (which loads them from
source when extensions are switched off)."""

COMPILED_SOURCES = (
    "kmspolicy/server/app.py",
    "kmspolicy/server/backend.py",
    "kmspolicy/server/_converters.py",
    "kmspolicy/server/errors.py",
    "kmspolicy/server/logbuffer.py",
    "kmspolicy/server/protocol.py",
    "kmspolicy/kms/_checks.py",
    "kmspolicy/kms/_primitives.py",
    "kmspolicy/kms/audit.py",
    "kmspolicy/kms/blob.py",
    "kmspolicy/kms/crypto.py",
    "kmspolicy/kms/ops/_common.py",
    "kmspolicy/kms/ops/crypto_ops.py",
    "kmspolicy/kms/principals.py",
    "kmspolicy/kms/runtime.py",
    "kmspolicy/kms/service.py",
)
