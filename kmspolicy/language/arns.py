"""Amazon Resource Names, split by grammar/arn.lark."""

from __future__ import annotations

from functools import cache, lru_cache

from lark import Lark
from lark.exceptions import UnexpectedInput

from kmspolicy.language._grammar import build_parser
from kmspolicy.language.ir import Arn

__all__ = ["parse_arn"]


@cache
def _parser() -> Lark:
    return build_parser("arn")


@lru_cache(maxsize=4096)
def parse_arn(text: str) -> Arn | None:
    """The parts of ``text`` if it is an ARN (``arn:partition:service:region:account:resource``),
    else None. Region and account may be empty; the resource may contain colons."""
    if not text.startswith("arn:"):
        return None
    try:
        tree = _parser().parse(text)
    except UnexpectedInput:
        return None
    _prefix, partition, service, region, account, resource = tree.children
    return Arn(
        partition=str(partition),
        service=str(service),
        region=str(region) if region is not None else "",
        account=str(account) if account is not None else "",
        resource=str(resource),
    )
