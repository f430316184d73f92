"""Session state: one DomMirror per recording session, across batches.

Kept in memory, bounded (LRU with an idle timeout), and written to the store with every batch
so that a restart does not forget which node ids are sensitive. Batches of one session are
redacted one at a time (a per-session lock): the second needs what the first taught the mirror.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson

from redactor.dom import DomMirror
from redactor.sinks.store import Store


class SessionStates:
    def __init__(self, store: Store, max_sessions: int = 10_000, idle_seconds: float = 1800.0):
        self.store = store
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self._mirrors: OrderedDict[tuple[str, str], DomMirror] = OrderedDict()
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    def __len__(self) -> int:
        return len(self._mirrors)

    @asynccontextmanager
    async def session(self, site: str, session: str) -> AsyncIterator[DomMirror]:
        """The session's mirror, held exclusively. If the body raises, the in-memory mirror is
        dropped (the store has the last one that went with a stored batch)."""
        key = (site, session)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            mirror = self._mirrors.get(key)
            if mirror is None:
                state = await self.store.mirror_state(site, session)
                mirror = DomMirror.load(orjson.loads(state)) if state else DomMirror()
            self._mirrors[key] = mirror
            self._mirrors.move_to_end(key)
            try:
                yield mirror
            except BaseException:
                self._mirrors.pop(key, None)
                raise
            finally:
                mirror.last_used = time.monotonic()
                self._evict()
        if not lock.locked() and key not in self._mirrors:
            self._locks.pop(key, None)

    def forget(self, site: str, session: str) -> None:
        self._mirrors.pop((site, session), None)

    def _evict(self) -> None:
        now = time.monotonic()
        while self._mirrors:
            key, oldest = next(iter(self._mirrors.items()))
            if len(self._mirrors) > self.max_sessions or now - oldest.last_used > self.idle_seconds:
                self._mirrors.popitem(last=False)
                lock = self._locks.get(key)
                if lock is not None and not lock.locked():
                    del self._locks[key]
            else:
                break
