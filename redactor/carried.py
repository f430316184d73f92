"""Batches refused, whose events a recorder sends again under its next number.

The samples' recording snippet (tests/data/recordings/pages/collector.js) numbers every flush
(`seq++`) and, when a POST fails, puts the batch's events back at the front of its buffer: they go
out with the NEXT number, together with the new ones. So a batch redactor refuses (503, 429, a
collector's 400…) never comes under its own number, and the next one looks ahead of a missing batch
(sessions.Order.AHEAD): it would wait batch_gap_wait_seconds, then reset the mirror (fail closed),
masking what nothing was missing for.

Fail closed still: a gap is taken as filled only with proof. For each numbered batch refused, a
fingerprint of its events is kept (how many, and a keyed digest of the first and the last one's type
and timestamp: nothing a visitor wrote). A batch ahead carries a missing number's events when the
fingerprint of its own first that many events is the same (the snippet's merged batch starts with
them). Every missing number needs such proof; any gap without it waits and resets as before.

Kept in process memory (bounded), and with --state on Redis too (`redactor:{site:session}:refused`, a
list of the session's last few, for session_idle_seconds), so that the instance the next batch reaches
knows what another refused. Written on a refusal and read for a batch ahead only: both rare. Redis not
answering loses the proof, never the batch: the gap then waits and resets. Erasing the session deletes them.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

import orjson
import redis.asyncio as aioredis
from redis.exceptions import RedisError

from redactor.sessions import batch_digest

log = logging.getLogger("redactor")

Key = tuple[str, str]
#: sessions whose refused batches are remembered in process (least recently refused forgotten first)
MAX_SESSIONS = 10_000
#: refused numbers remembered per session (a recorder merges a few failed flushes, not hundreds)
MAX_PER_SESSION = 8


def fingerprint(key: bytes, events: list[Any], count: int) -> str | None:
    """The fingerprint of the first `count` events (None: too few, or no event). O(1)."""
    if count < 1 or len(events) < count:
        return None
    ends = [[event.get("type"), event.get("timestamp")] if isinstance(event, dict) else None
            for event in (events[0], events[count - 1])]
    return batch_digest(key, orjson.dumps([count, ends]))


def redis_key(site: str, session: str) -> str:
    return f"redactor:{{{site}:{session}}}:refused"  # the session's hash tag (state_redis.keys)


class RefusedBatches:
    def __init__(self, redis: aioredis.Redis | None = None, ttl_seconds: float = 1800.0,
                 max_sessions: int = MAX_SESSIONS):
        self.redis = redis
        self.ttl_ms = max(1000, int(ttl_seconds * 1000))
        self.max_sessions = max_sessions
        self._refused: OrderedDict[Key, dict[int, tuple[int, str]]] = OrderedDict()

    async def note(self, site: str, session: str, seq: int, count: int, print_: str | None,
                   share: bool = True) -> None:
        """The batch numbered seq of this session, of `count` events fingerprinted print_, was refused.
        share: False when Redis is what refused it (it would not answer this either: no wait for it)."""
        if print_ is None:
            return
        key = (site, session)
        numbers = self._refused.pop(key, {})
        numbers[seq] = (count, print_)
        self._refused[key] = dict(list(numbers.items())[-MAX_PER_SESSION:])
        while len(self._refused) > self.max_sessions:
            self._refused.popitem(last=False)
        if self.redis is not None and share:
            try:
                await (self.redis.pipeline(transaction=True).rpush(redis_key(site, session), f"{seq}:{count}:{print_}")
                       .ltrim(redis_key(site, session), -MAX_PER_SESSION, -1)
                       .pexpire(redis_key(site, session), self.ttl_ms).execute())
            except (RedisError, OSError):
                log.info("a refused batch's fingerprint could not be shared on Redis: only this process knows it")

    async def forget(self, site: str, session: str) -> None:
        """The session was erased: its fingerprints go too, here and on Redis (another instance's own copy,
        keyed digests of no visitor's value, is forgotten with its least recently refused sessions)."""
        self._refused.pop((site, session), None)
        if self.redis is not None:
            try:
                await self.redis.delete(redis_key(site, session))
            except (RedisError, OSError):
                log.warning("an erased session's refused batches could not be deleted from Redis: they expire "
                            "after the idle timeout")

    async def carried(self, site: str, session: str, missing: range, key: bytes, events: list[Any]) -> bool:
        """Whether these events carry every missing number's refused events (module docstring)."""
        if not missing:
            return False
        numbers = dict(self._refused.get((site, session), {}))
        if self.redis is not None and any(seq not in numbers for seq in missing):
            try:
                for entry in await self.redis.lrange(redis_key(site, session), 0, -1):
                    seq, count, print_ = entry.decode().split(":")
                    numbers[int(seq)] = (int(count), print_)
            except (RedisError, OSError, ValueError):
                return False  # no proof: the gap waits and resets
        return all(seq in numbers and fingerprint(key, events, numbers[seq][0]) == numbers[seq][1] for seq in missing)
