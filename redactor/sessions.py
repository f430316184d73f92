"""Session state: one DomMirror per recording session, across batches.

Written to the store with every batch that changes it, so that a restart does not forget which
node ids are sensitive. Batches of one session are redacted one at a time (a per-session lock):
the second needs what the first taught the mirror.

In memory, a mirror is *hot* (Python objects, ready for the next batch) or *cold* (the same
state, compressed: about a tenth of the size). The few sessions that sent a batch most recently
stay hot; the others are frozen, so memory grows with compressed mirrors, not with live ones.
Both are bounded (LRU with an idle timeout): a session let go is loaded from the store when it
comes back, without its taint (values to mask on sight are never written to disk).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson

from redactor.dom import DomMirror
from redactor.sinks.store import Store

Key = tuple[str, str]


def freeze(mirror: DomMirror) -> bytes:
    return zlib.compress(orjson.dumps({**mirror.dump(saved=False), "taint": sorted(mirror.taint)}), 1)


def thaw(frozen: bytes) -> DomMirror:
    state = orjson.loads(zlib.decompress(frozen))
    mirror = DomMirror.load(state)
    mirror.taint = set(state.get("taint", ()))
    return mirror


class SessionStates:
    def __init__(self, store: Store, max_sessions: int = 10_000, idle_seconds: float = 1800.0, hot: int = 32):
        self.store = store
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.hot = hot
        self._hot: OrderedDict[Key, DomMirror] = OrderedDict()
        self._cold: OrderedDict[Key, tuple[bytes, float]] = OrderedDict()  # frozen mirror, last used
        self._locks: dict[Key, asyncio.Lock] = {}
        self._cold_bytes = 0

    def __len__(self) -> int:
        return len(self._hot) + len(self._cold)

    def cold_bytes(self) -> int:
        return self._cold_bytes

    @asynccontextmanager
    async def session(self, site: str, session: str) -> AsyncIterator[DomMirror]:
        """The session's mirror, held exclusively. If the body raises, the in-memory mirror is
        dropped (the store has the last one that went with a stored batch)."""
        key = (site, session)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            mirror = self._hot.pop(key, None)
            if mirror is None and key in self._cold:
                mirror = thaw(self._pop_cold(key))
            if mirror is None:
                state = await self.store.mirror_state(site, session)
                mirror = DomMirror.load(orjson.loads(state)) if state else DomMirror()
            try:
                yield mirror
                mirror.last_used = time.monotonic()
                self._hot[key] = mirror  # kept only when the batch went through
            finally:
                self._evict()
        if not lock.locked() and key not in self._hot and key not in self._cold:
            self._locks.pop(key, None)

    async def commit(self, site: str, session: str, mirror: DomMirror) -> None:
        """In process, the mirror is saved with its batch by the store (app.py); nothing to do here.
        (The Redis backend writes here, before the batch leaves: redactor/state_redis.py.)"""

    def forget(self, site: str, session: str) -> None:
        self._hot.pop((site, session), None)
        if (site, session) in self._cold:
            self._pop_cold((site, session))

    def _pop_cold(self, key: Key) -> bytes:
        frozen, _ = self._cold.pop(key)
        self._cold_bytes -= len(frozen)
        return frozen

    def _evict(self) -> None:
        while len(self._hot) > self.hot:  # the least recently used live mirrors are frozen
            key, mirror = self._hot.popitem(last=False)
            self._cold[key] = (frozen := freeze(mirror), mirror.last_used)
            self._cold_bytes += len(frozen)
        now = time.monotonic()
        for store in (self._cold, self._hot):
            while store:
                key, entry = next(iter(store.items()))
                last_used = entry[1] if isinstance(entry, tuple) else entry.last_used
                if len(self) > self.max_sessions or now - last_used > self.idle_seconds:
                    if store is self._cold:
                        self._pop_cold(key)
                    else:
                        store.popitem(last=False)
                    lock = self._locks.get(key)
                    if lock is not None and not lock.locked():
                        del self._locks[key]
                else:
                    break
