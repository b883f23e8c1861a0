"""Type stub of the compiled audit chain step (kmspolicy/_fast/_audit.pyx)."""

__all__ = ["chain"]

def chain(batch: list[bytes], seq: int, prev: str) -> tuple[bytes, int, str]: ...
