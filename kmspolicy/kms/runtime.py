"""What every operation shares: key lookup, authorization, caches, AWS-worded errors.

Caches, all in-process and invalidated by the writes that change what they hold:

* per key (``KeyEntry``): the record, the engine's ``KeyInfo`` (aliases, tags), the compiled
  key policy with the key's grant table, and the opened key material once a Permit asked
  for it — dropped on any change to the key, its aliases, tags, policy, grants or material;
* per caller (``CallerEntry``): the directory's identity and its compiled policies — dropped
  when the directory's version of that principal changes;
* decisions: (caller entry, key entry, request inputs) → (Decision, Permit), bounded. A
  request input that a policy cannot see does not split the cache; the current time is part
  of the cache key only when one of the policies in force mentions a time condition.

So a decision costs the same however many keys, grants or principals exist. Writes by
other processes to the same store are not observed by themselves: ``KMS.refresh()`` checks
the store's change counter and drops every cache when it moved.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, NamedTuple

from kmspolicy.engine.authorizer import Authorizer
from kmspolicy.engine.decision import Decision, Outcome, Permit, SourceKind
from kmspolicy.engine.grants import Grant, GrantTable
from kmspolicy.engine.policyset import CallerPolicies, KeyPolicies
from kmspolicy.engine.request import KeyInfo, Request
from kmspolicy.errors import KMSError, PolicySyntaxError
from kmspolicy.kms import crypto
from kmspolicy.kms.clock import Clock, SystemClock
from kmspolicy.kms.keyring import KeyRing
from kmspolicy.kms.model import GrantRecord, KeyRecord, KeyUsageRecord
from kmspolicy.kms.principals import Caller, Directory, Identity
from kmspolicy.kms.store.base import Store
from kmspolicy.language import parse_policy
from kmspolicy.language.ir import GrantConstraints, PolicyKind, Span

__all__ = [
    "CallerEntry",
    "DecisionObserver",
    "KeyEntry",
    "Observation",
    "Runtime",
    "disabled",
    "invalid_state",
    "not_found",
    "unsupported",
    "validation",
]

_DECISION_CACHE_LIMIT = 65536
_NO_RARE_FIELDS = (None,) * 7
_USAGE_WRITE_INTERVAL = timedelta(minutes=1)


def _rare_fields(
    signing_algorithm: str | None,
    message_type: str | None,
    mac_algorithm: str | None,
    grant_operations: tuple[str, ...] | None,
    grantee_principal: str | None,
    retiring_principal: str | None,
    context: Mapping[str, str] | None,
) -> tuple[Any, ...]:
    """The seldom-used request inputs packed as ``Runtime._decide`` takes them: the shared
    ``_NO_RARE_FIELDS`` when none is given, so the decision takes the short cache key."""
    plain = signing_algorithm is None and message_type is None and mac_algorithm is None
    plain = plain and grant_operations is None and grantee_principal is None
    if plain and retiring_principal is None and context is None:
        return _NO_RARE_FIELDS
    return (
        signing_algorithm,
        message_type,
        mac_algorithm,
        grant_operations,
        grantee_principal,
        retiring_principal,
        tuple(context.items()) if context else None,
    )


def _same(stamp: datetime) -> datetime:
    return stamp


_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_MRK = re.compile(r"^mrk-[0-9a-f]{32}$")
_TIME_WORDS = ("currenttime", "epochtime")
_POLICY_KIND_WORDS = {
    SourceKind.KEY_POLICY: "resource-based",
    SourceKind.GRANT: "resource-based",
    SourceKind.IDENTITY_POLICY: "identity-based",
    SourceKind.SCP: "service control",
    SourceKind.PERMISSIONS_BOUNDARY: "permissions boundary",
    SourceKind.SESSION_POLICY: "session",
}


class Observation(NamedTuple):
    """One authorization decision a call made: the action, the resource and the decision."""

    action: str
    resource: str | None
    decision: Decision


_Decided = tuple[Decision, Permit | None, Observation]
DecisionObserver = Callable[[Observation], None]
"""Told of every authorization decision a call makes (``list.append`` will do)."""


class _CallState(threading.local):
    """Per-thread state of the call in progress."""

    on_decision: DecisionObserver | None = None


def not_found(message: str) -> KMSError:
    return KMSError("NotFoundException", message)


def invalid_state(arn: str, what: str) -> KMSError:
    return KMSError("KMSInvalidStateException", f"{arn} is {what}.")


def disabled(arn: str) -> KMSError:
    return KMSError("DisabledException", f"{arn} is disabled.")


def unsupported(message: str) -> KMSError:
    return KMSError("UnsupportedOperationException", message)


def validation(message: str) -> KMSError:
    return KMSError("ValidationException", message)


def is_key_id(text: str) -> bool:
    return bool(_UUID.match(text) or _MRK.match(text))


def _time_dependent(texts: Iterable[str]) -> bool:
    return any(word in text.lower() for text in texts for word in _TIME_WORDS)


@dataclass(eq=False, slots=True)
class KeyEntry:
    """A key as the hot path needs it. Identity-hashed: a new entry is a new cache epoch."""

    record: KeyRecord
    info: KeyInfo
    policies: KeyPolicies[Any]
    time_dependent: bool
    refresh_at: datetime | None  # when a pending grant turns effective
    material: crypto.CryptoKey | None = None


@dataclass(eq=False, slots=True)
class CallerEntry:
    identity: Identity
    policies: CallerPolicies[Any]
    lookup_arn: str
    time_dependent: bool
    request_fields: tuple[Any, ...] = field(default=())


def grant_constraints(grant: GrantRecord) -> GrantConstraints | None:
    if grant.encryption_context_subset is None and grant.encryption_context_equals is None:
        return None
    return GrantConstraints(
        grant.encryption_context_subset, grant.encryption_context_equals, Span(0, 0, 0, 0, 0, 0)
    )


class Runtime:
    def __init__(
        self,
        store: Store,
        keyring: KeyRing,
        directory: Directory,
        clock: Clock,
        *,
        region: str,
        authorizer: Authorizer,
        grant_propagation: timedelta,
    ) -> None:
        self.store = store
        self.keyring = keyring
        self.directory = directory
        self.clock = clock
        # the system clock read without its Python frame (it is on every call's path)
        self._now: Callable[[], datetime] = (
            partial(datetime.now, UTC) if type(clock) is SystemClock else clock.now
        )
        self.region = region
        self.authorizer = authorizer
        self.grant_propagation = grant_propagation
        self._keys: dict[str, KeyEntry] = {}
        self._callers: dict[Caller | str, CallerEntry] = {}
        # the last caller resolved, found by identity: a server hands the same Caller object
        # for one client's requests, and hashing a Caller costs more than comparing ids
        self._last_caller: tuple[Caller | str, CallerEntry] | None = None
        # a decision with the Observation of it, made once: hits build nothing
        self._decisions: dict[tuple[Any, ...], _Decided] = {}
        self._resolved: dict[tuple[str, str, bool], tuple[str, str | None, str]] = {}
        # Usage times are stamps: POSIX seconds from time.time() under the system clock (a
        # float comparison per call), the clock's datetimes under any other clock.
        system = type(clock) is SystemClock
        self._stamp: Callable[[], Any] = time.time if system else clock.now
        self._stamp_time: Callable[[Any], datetime] = (
            partial(datetime.fromtimestamp, tz=UTC) if system else _same
        )
        self._usage_interval: Any = (
            _USAGE_WRITE_INTERVAL.total_seconds() if system else _USAGE_WRITE_INTERVAL
        )
        # key id -> (operation, stamp) or, once its request id is made, (..., request id)
        self._usage: dict[str, tuple[Any, ...]] = {}
        self._usage_due: dict[str, Any] = {}  # key id -> the stamp the next write is due at
        self._lock = threading.RLock()
        self._observer = _CallState()

    def observe(self, on_decision: DecisionObserver | None) -> None:
        """Report this thread's decisions to ``on_decision`` (None: stop reporting)."""
        self._observer.on_decision = on_decision

    # --- key last usage ----------------------------------------------------------------

    def record_usage(self, key_id: str, operation: str) -> None:
        """Note a successful cryptographic operation. Written through to the store at
        most once a minute per key (and by ``flush_usage``), to keep writes off the hot path."""
        now = self._stamp()
        due = self._usage_due.get(key_id)
        if due is not None and now < due:
            self._usage[key_id] = (operation, now)
            return
        with self._lock:
            self._usage_due[key_id] = now + self._usage_interval
            self._usage.pop(key_id, None)
        when = self._stamp_time(now)
        self.store.record_key_usage(KeyUsageRecord(key_id, operation, when, str(uuid.uuid4())))

    def _pending_usage(self, key_id: str) -> KeyUsageRecord | None:
        pending = self._usage.get(key_id)
        if pending is None:
            return None
        if len(pending) == 2:  # the request id is made when first needed
            pending = (*pending, str(uuid.uuid4()))
            self._usage[key_id] = pending
        return KeyUsageRecord(key_id, pending[0], self._stamp_time(pending[1]), pending[2])

    def last_usage(self, key_id: str) -> KeyUsageRecord | None:
        return self._pending_usage(key_id) or self.store.get_key_last_usage(key_id)

    def flush_usage(self) -> None:
        with self._lock:
            pending = [self._pending_usage(key_id) for key_id in list(self._usage)]
            self._usage.clear()
        for usage in pending:
            if usage is not None and self.store.get_key(usage.key_id) is not None:
                self.store.record_key_usage(usage)

    # --- callers -----------------------------------------------------------------------

    def caller(self, caller: Caller | str) -> CallerEntry:
        """The resolved caller; a bare ARN stands for ``Caller(arn)``."""
        last = self._last_caller
        entry = last[1] if last is not None and last[0] is caller else self._callers.get(caller)
        if entry is None or entry.identity.version != self.directory.version(entry.lookup_arn):
            entry = self._resolve_caller(caller)
        if last is None or last[0] is not caller or last[1] is not entry:
            self._last_caller = (caller, entry)
        return entry

    def _resolve_caller(self, key: Caller | str) -> CallerEntry:
        caller = Caller.of(key)
        identity = self.directory.resolve(caller)
        engine = identity.caller
        compiled = self.authorizer.caller_policies(
            identity.identity_policies,
            identity.permissions_boundary,
            identity.scps,
            identity.session_policy,
        )
        lookup = (
            engine.role_arn if engine.role_arn and engine.role_arn != engine.arn else engine.arn
        )
        texts = list(identity.policy_texts)
        for doc in (identity.permissions_boundary, identity.session_policy):
            if doc is not None:
                texts.append(repr(doc))
        entry = CallerEntry(
            identity,
            compiled,
            lookup,
            _time_dependent(texts),
            (caller.source_ip, caller.source_vpce, caller.via_service, caller.secure_transport),
        )
        with self._lock:
            self._callers[key] = entry
        return entry

    # --- keys --------------------------------------------------------------------------

    def forget_key(self, key_id: str) -> None:
        """Drop everything cached about a key (after any write that concerns it)."""
        with self._lock:
            self._keys.pop(key_id, None)

    def key_entry(self, key_id: str) -> KeyEntry:
        entry = self._keys.get(key_id)
        if entry is not None and (entry.refresh_at is None or self.clock.now() < entry.refresh_at):
            return entry
        record = self.store.get_key(key_id)
        if record is None:
            raise not_found(f"Key '{self.key_arn(key_id)}' does not exist")
        entry = self._load(record)
        with self._lock:
            self._keys[key_id] = entry
        return entry

    def key_arn(self, key_id: str, account: str | None = None) -> str:
        return f"arn:aws:kms:{self.region}:{account or '*'}:key/{key_id}"

    def _load(self, record: KeyRecord) -> KeyEntry:
        aliases = tuple(
            a.alias_name
            for a in self.store.list_aliases(record.account_id, record.region, record.key_id)
        )
        tags = self.store.get_tags(record.key_id)
        info = KeyInfo(
            arn=record.arn,
            key_spec=record.key_spec,
            key_usage=record.key_usage,
            origin=record.origin,
            multi_region=record.multi_region,
            multi_region_key_type=record.multi_region_key_type,
            aliases=aliases,
            tags=tags,
            state=record.key_state,
        )
        try:
            document = parse_policy(record.policy, PolicyKind.KEY, source_name="key policy")
        except PolicySyntaxError as exc:  # a stored policy that no longer parses denies all
            raise KMSError(
                "KMSInternalException", f"the key policy of {record.arn} does not parse: {exc}"
            ) from None
        now = self.clock.now()
        grants: list[Grant] = []
        refresh_at: datetime | None = None
        for g in self.store.list_grants(record.key_id):
            effective = g.creation_date + self.grant_propagation
            pending = g.pending and now < effective
            if pending:
                refresh_at = effective if refresh_at is None else min(refresh_at, effective)
            grants.append(
                Grant(
                    grant_id=g.grant_id,
                    grantee_principal=g.grantee_principal,
                    operations=g.operations,
                    name=g.name,
                    retiring_principal=g.retiring_principal,
                    constraints=grant_constraints(g),
                    token=g.grant_token,
                    pending=pending,
                )
            )
        policies = self.authorizer.key_policies(document, GrantTable(grants))
        return KeyEntry(record, info, policies, _time_dependent((record.policy,)), refresh_at)

    def forget_all(self) -> None:
        """Drop every cache (the store was changed by someone else)."""
        with self._lock:
            self._keys.clear()
            self._callers.clear()
            self._last_caller = None
            self._decisions.clear()
            self._resolved.clear()

    def forget_aliases(self) -> None:
        """Drop cached KeyId resolutions (after any alias change)."""
        with self._lock:
            self._resolved.clear()

    def resolve_key(
        self, key_id: str, caller: CallerEntry, alias_allowed: bool
    ) -> tuple[KeyEntry, str | None]:
        """The key a KeyId names (key id, key ARN, alias name, alias ARN), and the alias
        the caller used, if any. Alias forms only where ``alias_allowed``."""
        account = caller.identity.caller.account or ""
        memo = (key_id, account, alias_allowed)
        resolved = self._resolved.get(memo)
        if resolved is None:
            resolved = self._resolve_name(key_id, account, alias_allowed)
            with self._lock:
                if len(self._resolved) >= _DECISION_CACHE_LIMIT:
                    self._resolved.clear()
                self._resolved[memo] = resolved
        target, alias_used, expected_account = resolved
        entry = self._keys.get(target)
        if entry is None or (entry.refresh_at is not None and self.clock.now() >= entry.refresh_at):
            try:
                entry = self.key_entry(target)
            except KMSError:
                entry = None
        if (
            entry is None
            or entry.record.account_id != expected_account
            or entry.record.region != self.region
        ):
            arn = f"arn:aws:kms:{self.region}:{expected_account}:key/{target}"
            raise not_found(f"Key '{arn}' does not exist")
        return entry, alias_used

    def _resolve_name(
        self, key_id: str, account: str, alias_allowed: bool
    ) -> tuple[str, str | None, str]:
        """(key id, alias used, account the caller named) for a KeyId; no key lookup."""
        alias_used: str | None = None
        if key_id.startswith("arn:"):
            parts = key_id.split(":", 5)
            if len(parts) != 6 or parts[2] != "kms" or not parts[4] or not parts[5]:
                raise KMSError("InvalidArnException", f"Invalid arn {key_id}")
            resource = parts[5]
            if resource.startswith("alias/"):
                if not alias_allowed:
                    raise not_found(f"Invalid keyId {key_id}")
                target = self._alias_target(parts[4], parts[3], resource, key_id)
                alias_used = key_id
            elif resource.startswith("key/"):
                target = resource[4:]
                if parts[3] != self.region:
                    raise not_found(f"Key '{key_id}' does not exist")
            else:
                raise KMSError("InvalidArnException", f"Invalid arn {key_id}")
            expected_account = parts[4]
        elif key_id.startswith("alias/"):
            if not alias_allowed:
                raise not_found(f"Invalid keyId {key_id}")
            alias_arn = f"arn:aws:kms:{self.region}:{account}:{key_id}"
            target = self._alias_target(account, self.region, key_id, alias_arn)
            alias_used = key_id
            expected_account = account
        else:
            if not is_key_id(key_id):
                raise not_found(f"Invalid keyId '{key_id}'")
            target = key_id
            expected_account = account
        return target, alias_used, expected_account

    def _alias_target(self, account: str, region: str, name: str, arn: str) -> str:
        alias = self.store.get_alias(account, region, name) if region == self.region else None
        if alias is None:
            raise not_found(f"Alias {arn} is not found.")
        return alias.target_key_id

    def crypto_key(self, entry: KeyEntry, permit: Permit) -> crypto.CryptoKey:
        """The key's material, opened only for a Permit on this key."""
        if type(permit) is not Permit or permit.resource != entry.record.arn:
            crypto.require_permit(permit, permit.action, entry.record.arn)  # raises
        material = entry.material
        if material is None:
            material = entry.material = self.keyring.crypto_key(entry.record)
        return material

    # --- authorization -----------------------------------------------------------------

    def decide(
        self,
        who: CallerEntry,
        action: str,
        key: KeyEntry | None,
        *,
        resource: str | None = None,
        key_id_alias: str | None = None,
        encryption_context: Mapping[str, str] | None = None,
        grant_tokens: Iterable[str] = (),
        encryption_algorithm: str | None = None,
        signing_algorithm: str | None = None,
        message_type: str | None = None,
        mac_algorithm: str | None = None,
        grant_operations: tuple[str, ...] | None = None,
        grantee_principal: str | None = None,
        retiring_principal: str | None = None,
        context: Mapping[str, str] | None = None,
        key_policies: KeyPolicies[Any] | None = None,
    ) -> tuple[Decision, Permit | None]:
        """The decision for ``action`` and, for an Allow, its Permit.

        ``key_policies`` replaces the key's own (the lockout check decides against a policy
        that is not stored yet); such decisions are not cached.
        """
        decision, permit, _ = self._decide(
            who,
            action,
            key,
            resource,
            key_id_alias,
            encryption_context,
            grant_tokens,
            encryption_algorithm,
            _rare_fields(
                signing_algorithm,
                message_type,
                mac_algorithm,
                grant_operations,
                grantee_principal,
                retiring_principal,
                context,
            ),
            key_policies,
        )
        return decision, permit

    def authorize(
        self,
        who: CallerEntry,
        action: str,
        key: KeyEntry | None,
        *,
        resource: str | None = None,
        key_id_alias: str | None = None,
        encryption_context: Mapping[str, str] | None = None,
        grant_tokens: Iterable[str] = (),
        encryption_algorithm: str | None = None,
        signing_algorithm: str | None = None,
        message_type: str | None = None,
        mac_algorithm: str | None = None,
        grant_operations: tuple[str, ...] | None = None,
        grantee_principal: str | None = None,
        retiring_principal: str | None = None,
        context: Mapping[str, str] | None = None,
        key_policies: KeyPolicies[Any] | None = None,
    ) -> Permit:
        """A Permit for ``action``, or AccessDeniedException worded as AWS words it
        (keyword arguments as for ``decide``)."""
        rare = _rare_fields(
            signing_algorithm,
            message_type,
            mac_algorithm,
            grant_operations,
            grantee_principal,
            retiring_principal,
            context,
        )
        decision, permit, _ = self._decide(
            who,
            action,
            key,
            resource,
            key_id_alias,
            encryption_context,
            grant_tokens,
            encryption_algorithm,
            rare,
            key_policies,
        )
        if permit is None:
            raise self.denied(who, action, key, decision, resource)
        return permit

    def permit(
        self,
        who: CallerEntry,
        action: str,
        key: KeyEntry,
        key_id_alias: str | None,
        encryption_context: Mapping[str, str] | None,
        grant_tokens: tuple[str, ...],
        encryption_algorithm: str,
    ) -> Permit:
        """``authorize`` for the calls that carry a key, an encryption context and an
        algorithm (Encrypt, Decrypt, data keys): the same decision, fewer steps. A cached
        decision for an untimed caller and key is read here; the rest goes to ``_decide``."""
        if not who.time_dependent and not key.time_dependent:
            cached = self._decisions.get(
                (
                    who,
                    key,
                    action,
                    key_id_alias,
                    tuple(encryption_context.items()) if encryption_context else None,
                    grant_tokens,
                    encryption_algorithm,
                )
            )
            if cached is not None and cached[1] is not None:
                observer = self._observer.on_decision
                if observer is not None:
                    observer(cached[2])
                return cached[1]
        decision, permit, _ = self._decide(
            who,
            action,
            key,
            None,
            key_id_alias,
            encryption_context,
            grant_tokens,
            encryption_algorithm,
            _NO_RARE_FIELDS,
            None,
        )
        if permit is None:
            raise self.denied(who, action, key, decision)
        return permit

    def _decide(
        self,
        who: CallerEntry,
        action: str,
        key: KeyEntry | None,
        resource: str | None,
        key_id_alias: str | None,
        encryption_context: Mapping[str, str] | None,
        grant_tokens: Iterable[str],
        encryption_algorithm: str | None,
        rare: tuple[Any, ...],
        key_policies: KeyPolicies[Any] | None,
    ) -> _Decided:
        """``decide`` with the seldom-used request inputs packed in ``rare`` (signing,
        message type, MAC algorithm, grant operations, grantee, retiring principal, context
        pairs), with the Observation observers are told of. The cache key holds the
        entries themselves (a changed key or caller is a new entry), every request input as
        given (pairs in the caller's order: two orders of one context are two cache
        entries, never a wrong answer), and the current second when a policy in force
        mentions the time."""
        tokens = grant_tokens if type(grant_tokens) is tuple else tuple(grant_tokens)
        timed = who.time_dependent or (key is not None and key.time_dependent)
        now = self._now() if timed else None
        pairs = tuple(encryption_context.items()) if encryption_context else None
        cache_key: tuple[Any, ...]
        if now is None and resource is None and rare is _NO_RARE_FIELDS:
            # the common request (what ``permit`` reads): a shorter key, never equal to a
            # long one (tuples of different lengths)
            cache_key = (who, key, action, key_id_alias, pairs, tokens, encryption_algorithm)
        else:
            cache_key = (
                who,
                key,
                action,
                resource,
                key_id_alias,
                pairs,
                tokens,
                encryption_algorithm,
                rare,
                now.replace(microsecond=0) if now is not None else None,
            )
        override = key_policies is not None
        cached = None if override else self._decisions.get(cache_key)
        if cached is None:
            if now is None:
                now = self.clock.now()
            caller = who.identity.caller
            signing, message, mac, operations, grantee, retiring, pairs = rare
            request = Request(
                caller=caller,
                action=action,
                key=key.info if key is not None else None,
                resource=resource,
                encryption_context=dict(encryption_context or {}),
                grant_tokens=tokens,
                key_id_alias=key_id_alias,
                encryption_algorithm=encryption_algorithm,
                signing_algorithm=signing,
                message_type=message,
                mac_algorithm=mac,
                grant_operations=operations,
                grantee_principal=grantee,
                retiring_principal=retiring,
                source_ip=who.request_fields[0],
                source_vpce=who.request_fields[1],
                via_service=who.request_fields[2],
                secure_transport=who.request_fields[3],
                context=dict(pairs or ()),
            )
            if key_policies is None:
                key_policies = key.policies if key is not None else KeyPolicies(None, GrantTable())
            decision, permit = self.authorizer.authorize_parts(
                key_policies, who.policies, request, now=now
            )
            arn = resource or (key.record.arn if key is not None else None)
            cached = (decision, permit, Observation(action, arn, decision))
            if not override:
                with self._lock:
                    if len(self._decisions) >= _DECISION_CACHE_LIMIT:
                        self._decisions.clear()
                    self._decisions[cache_key] = cached
        observer = self._observer.on_decision
        if observer is not None:
            observer(cached[2])
        return cached

    def denied(
        self,
        who: CallerEntry,
        action: str,
        key: KeyEntry | None,
        decision: Decision,
        resource: str | None = None,
    ) -> KMSError:
        target = resource or (key.record.arn if key is not None else "*")
        return KMSError(
            "AccessDeniedException",
            deny_message(who.identity.caller.arn, action, target, decision, key is None),
        )


def deny_message(
    principal: str, action: str, resource: str, decision: Decision, key_less: bool
) -> str:
    """AWS's access-denied wording: which kind of policy denied, or which did not allow."""
    head = f"User: {principal} is not authorized to perform: {action} on resource: {resource}"
    if decision.effect is Outcome.EXPLICIT_DENY:
        deny = next((r for r in decision.reasons if r.effect == "Deny"), None)
        kind = _POLICY_KIND_WORDS.get(deny.kind, "identity-based") if deny else "identity-based"
        return f"{head} with an explicit deny in a {kind} policy"
    missing = next((r for r in decision.reasons if r.effect == "Missing"), None)
    if missing is not None and missing.kind in _POLICY_KIND_WORDS:
        kind = _POLICY_KIND_WORDS[missing.kind]
    else:
        kind = "identity-based" if key_less else "resource-based"
    return f"{head} because no {kind} policy allows the {action} action"
