"""The disk spool: redacted batches waiting for the collector, and the task that delivers them.

Upstream mode answers 202 only once a batch is durable somewhere: accepted by the collector,
or committed here. The spool is an SQLite file of its own (data-dir/spool/spool.sqlite3, WAL
journal, synchronous=FULL): append() returns only after the row is fsynced, so a 202 survives
a `kill -9` or a power cut. Only redacted bodies are ever written (the ingest route spools what
it would have forwarded, after redaction).

Delivery is at-least-once and in order per session: each round takes the oldest batch of up to
`ROUND_SESSIONS` sessions (never two of one session), sends them, and deletes a row only once
the collector answered it. A failure (down, timeout, 5xx, 429) backs off the whole spool, the
collector being one: exponential with jitter, and never sooner than the collector's Retry-After.
The spool is bounded by bytes; when full, append() raises SpoolFull and the client gets 503.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from redactor.metrics import Metrics
from redactor.sinks import sqlite

log = logging.getLogger("redactor.spool")

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    session TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    headers BLOB NOT NULL,
    body BLOB NOT NULL,
    size INTEGER NOT NULL,
    enqueued_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_session ON items (site, session, seq);
"""

ROUND_SESSIONS = 8  # sessions delivered concurrently in one round (one batch each)
BACKOFF_BASE = 0.5  # seconds; doubled per consecutive failed round, up to the configured cap
MAX_RETRY_AFTER = 3600.0  # a collector's Retry-After is honoured up to an hour


@dataclass
class Outgoing:
    """One redacted batch as it goes to the collector: the request to make, and whose it is."""
    site: str
    session: str
    method: str
    path: str  # the original path and query string, appended to the upstream URL
    headers: list[tuple[str, str]]  # end-to-end headers, Content-Length/-Encoding already set for body
    body: bytes
    seq: int | None = None  # the spool row, once spooled
    enqueued_at: float | None = None

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + len(self.path)


class SpoolFull(Exception):
    """The spool holds spool_max_bytes already: the batch is refused (503), never dropped."""

    def __init__(self, retry_after: int):
        super().__init__(f"the spool is full; retry in {retry_after}s")
        self.retry_after = retry_after


class Retry(Exception):
    """A delivery to try again later: the collector is down, slow, or answered 5xx/429."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


#: sends one batch; returns the collector's status (any non-retryable answer), raises Retry
Send = Callable[[Outgoing], Awaitable[int]]


class Spool:
    def __init__(self, directory: Path | str, max_bytes: int, metrics: Metrics, retry_max_seconds: float = 60.0):
        self.path = Path(directory) / "spool.sqlite3"
        self.max_bytes = max_bytes
        self.retry_max_seconds = retry_max_seconds
        self.metrics = metrics
        self.file = sqlite.Database(self.path, "spool")  # private, WAL, synchronous=FULL (fsynced before append() returns)
        self._pending: Counter[tuple[str, str]] = Counter()  # batches spooled, per session
        self.bytes = 0
        self._oldest: float | None = None  # enqueued_at of the oldest row
        self._wake = asyncio.Event()
        self._failures = 0  # consecutive failed rounds
        self._not_before = 0.0  # monotonic: no delivery before this
        self._task: asyncio.Task | None = None
        self.healthy = True  # the last exchange with the collector went well
        self._refused = False  # a batch did not fit, and nothing was delivered since

    # -- lifecycle ------------------------------------------------------------------------------
    async def open(self) -> Spool:
        await self.file.open(SCHEMA)
        rows = await self.file.run(self._pending_rows)
        for site, session, count, size, oldest in rows:
            self._pending[(site, session)] = count
            self.bytes += size
            self._oldest = oldest if self._oldest is None else min(self._oldest, oldest)
        if rows:
            log.info("spool: %d batch(es) of %d session(s) left from the last run", len(self), len(self._pending))
        self._gauges()
        self.metrics.spool_age.set_function(self.oldest_age)
        return self

    def _pending_rows(self) -> list[tuple]:
        return self.file.db.execute("SELECT site, session, count(*), sum(size), min(enqueued_at) FROM items "
                                    "GROUP BY site, session").fetchall()

    def start(self, send: Send) -> None:
        """Starts the delivery task."""
        self._task = asyncio.create_task(self._deliver_forever(send), name="spool-delivery")

    async def stop(self, drain_seconds: float = 0.0) -> None:
        """Gives delivery up to drain_seconds to empty the spool (if the collector answers),
        then stops it. Whatever is left stays on disk for the next start."""
        if self._task is None:
            return
        deadline = time.monotonic() + drain_seconds
        # only while the collector answers and no backoff (Retry-After) pushes delivery past the deadline
        while len(self) and self.healthy and self._not_before < deadline and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        self._task = None

    async def close(self) -> None:
        await self.file.close(checkpoint=True)

    # -- state ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return sum(self._pending.values())

    def has_pending(self, site: str, session: str) -> bool:
        """A new batch of such a session must queue behind the spooled ones (order per session)."""
        return self._pending[(site, session)] > 0

    @property
    def full(self) -> bool:
        """Full: at the bound, or a batch was refused and nothing was delivered since."""
        return self.bytes >= self.max_bytes or self._refused

    def oldest_age(self) -> float:
        return 0.0 if self._oldest is None else max(0.0, time.time() - self._oldest)

    def retry_after(self) -> int:
        """What a refused client is told: about when the next delivery round is due."""
        return int(min(120, max(5, self._not_before - time.monotonic() + 1)))

    def _gauges(self) -> None:
        self.metrics.spool_batches.set(len(self))
        self.metrics.spool_bytes.set(self.bytes)

    # -- append ---------------------------------------------------------------------------------
    async def append(self, item: Outgoing) -> None:
        """Durably queues a batch (fsynced when this returns). Raises SpoolFull."""
        size = item.size
        if self.bytes + size > self.max_bytes:
            self.metrics.spool_full.inc()
            self._refused = True
            raise SpoolFull(self.retry_after())
        key = (item.site, item.session)
        self.bytes += size  # reserved before the write, so concurrent appends respect the bound
        self._pending[key] += 1
        try:
            item.enqueued_at = time.time()
            item.seq = await self.file.run(self._insert, item, size)
        except BaseException:
            self.bytes -= size
            self._pending[key] -= 1
            if self._pending[key] <= 0:
                del self._pending[key]
            raise
        if self._oldest is None:
            self._oldest = item.enqueued_at
        self.metrics.spooled.inc()
        self._gauges()
        self._wake.set()

    def _insert(self, item: Outgoing, size: int) -> int:
        cursor = self.file.db.execute(
            "INSERT INTO items (site, session, method, path, headers, body, size, enqueued_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (item.site, item.session, item.method, item.path, orjson.dumps(item.headers), item.body, size,
             item.enqueued_at))
        return int(cursor.lastrowid)

    # -- delivery -------------------------------------------------------------------------------
    def _heads(self, limit: int) -> list[Outgoing]:
        """The oldest batch of each of the `limit` sessions that have waited longest."""
        rows = self.file.db.execute(
            "SELECT seq, site, session, method, path, headers, body, enqueued_at FROM items WHERE seq IN "
            "(SELECT min(seq) FROM items GROUP BY site, session ORDER BY min(seq) LIMIT ?) ORDER BY seq",
            (limit,)).fetchall()
        return [Outgoing(site, session, method, path, [tuple(h) for h in orjson.loads(headers)], body, seq, at)
                for seq, site, session, method, path, headers, body, at in rows]

    def _delete(self, seq: int) -> float | None:
        db = self.file.db
        db.execute("DELETE FROM items WHERE seq = ?", (seq,))
        row = db.execute("SELECT enqueued_at FROM items ORDER BY seq LIMIT 1").fetchone()
        return row[0] if row else None

    async def _deliver_forever(self, send: Send) -> None:
        while True:
            try:
                await self._deliver_round(send)
            except asyncio.CancelledError:
                raise
            except Exception:
                # the spool file itself failed (disk): say so, and try again after a backoff
                log.exception("spool delivery failed")
                self._backoff(None)

    async def _deliver_round(self, send: Send) -> None:
        while not len(self):
            self._wake.clear()
            await self._wake.wait()
        while (delay := self._not_before - time.monotonic()) > 0:  # Retry-After may extend it meanwhile
            await asyncio.sleep(delay)
        heads = await self.file.run(self._heads, ROUND_SESSIONS)
        if not heads:  # counters out of step with the file: trust the file
            self._pending.clear()
            self.bytes = 0
            self._gauges()
            return
        outcomes = await asyncio.gather(*(self._deliver_one(send, item) for item in heads))
        retries = [outcome for outcome in outcomes if outcome is not None]
        if retries:
            self._backoff(max((r.retry_after or 0.0) for r in retries))
        else:
            self._failures = 0
            self.healthy = True

    async def _deliver_one(self, send: Send, item: Outgoing) -> Retry | None:
        try:
            status = await send(item)
        except Retry as retry:
            return retry
        if status >= 400:
            # the collector refused this batch for good (4xx other than 429): retrying would
            # block the session forever. Counted and logged (names only), then removed.
            log.warning("collector refused a spooled batch of site %s with %d: removed from the spool",
                        item.site, status)
            self.metrics.spool_rejected.inc()
        else:
            self.metrics.spool_delivered.inc()
        assert item.seq is not None
        self._oldest = await self.file.run(self._delete, item.seq)
        key = (item.site, item.session)
        self._pending[key] -= 1
        if self._pending[key] <= 0:
            del self._pending[key]
        self.bytes = max(0, self.bytes - item.size)
        self._refused = False
        self._gauges()
        return None

    def _backoff(self, retry_after: float | None) -> None:
        """Exponential backoff with equal jitter, never shorter than the collector's Retry-After."""
        self.healthy = False
        self._failures += 1
        ceiling = min(self.retry_max_seconds, BACKOFF_BASE * 2 ** min(self._failures - 1, 30))
        delay = ceiling / 2 + random.uniform(0, ceiling / 2)
        if retry_after:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
        self._not_before = time.monotonic() + delay

    def defer(self, retry_after: float | None) -> None:
        """The ingest path met a failing collector: delivery backs off too."""
        if self.healthy or retry_after:
            self._backoff(retry_after)
