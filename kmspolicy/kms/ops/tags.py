"""Tags: TagResource, UntagResource, ListResourceTags."""

from __future__ import annotations

from typing import Any

from kmspolicy.kms.ops._common import Params, check_tags, paginate, ready, resolve
from kmspolicy.kms.runtime import CallerEntry, Runtime

__all__ = ["OPERATIONS"]


def tag_resource(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "TagResource")
    rt.authorize(who, "kms:TagResource", entry)
    ready(rt, "TagResource", entry)
    tags = check_tags(p["Tags"], entry.info.tags)
    rt.store.set_tags(entry.record.key_id, tags)
    rt.forget_key(entry.record.key_id)
    return {}


def untag_resource(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "UntagResource")
    rt.authorize(who, "kms:UntagResource", entry)
    ready(rt, "UntagResource", entry)
    rt.store.remove_tags(entry.record.key_id, list(p["TagKeys"]))
    rt.forget_key(entry.record.key_id)
    return {}


def list_resource_tags(rt: Runtime, p: Params, who: CallerEntry) -> dict[str, Any]:
    entry, _ = resolve(rt, p, who, "ListResourceTags")
    rt.authorize(who, "kms:ListResourceTags", entry)
    tags = sorted(entry.info.tags.items())
    page, extra = paginate(tags, p, default=50, maximum=50)
    return {"Tags": [{"TagKey": k, "TagValue": v} for k, v in page], **extra}


OPERATIONS = {
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
    "ListResourceTags": list_resource_tags,
}
