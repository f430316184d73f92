"""The disk spool: redacted batches waiting for the collector, and the task that delivers them.

Upstream mode answers 202 only once a batch is durable somewhere: accepted by the collector,
or committed here. The spool is an SQLite file of its own (data-dir/spool/spool.sqlite3, WAL
journal, synchronous=FULL): append() returns only after the row is fsynced, so a 202 survives
a `kill -9` or a power cut. Only redacted bodies are ever written (the ingest route spools what
it would have forwarded, after redaction).

Delivery is at-least-once and in order per session: each round takes the oldest batch of up to
`ROUND_SESSIONS` sessions (never two of one session), sends them, and deletes a row only once
the collector accepted it. A failure (down, timeout, 5xx, 429) backs off the whole spool, the
collector being one: exponential with jitter, and never sooner than the collector's Retry-After.

A refusal is not a loss. A status that means "not now" (NOT_NOW: 401, 403, 404, 408… — what a
collector answers during an incident, a key rotation, a routing change) keeps the batch: its
session waits, backing off on its own (`not_before`, doubling per attempt), while the other
sessions go on; every batch of a round refused so backs off the whole spool too. Still refused
`dead_letter_seconds` after it was spooled, or refused with a status that says the batch itself is
bad (any other 4xx: 400, 413, 415, 422…), it becomes a dead letter: kept on disk (redacted bytes
only, still counted in the spool's bytes), never sent again, out of its session's way; counted in
`redactor_spool_dead_letters` and `redactor_spool_rejected_total`, and logged (site and status). An
operator lists them with `redactor spool`, sends them again (`--retry`, once the collector was fixed)
or deletes them (`--drop`); a running server sees such a change within RESCAN_SECONDS.
The spool is bounded by bytes; when full, append() raises SpoolFull and the client gets 503.

With `--workers N` each child has a spool of its own (workers.spool_name), which it alone delivers; a
session's batches reach any child, so they are all spooled in one of the N files, chosen by the
session (Spools), whichever child took them: a batch that finds its session's spooled batches there
queues behind them, and their owner delivers them in order (it sees rows another child added within
RESCAN_SECONDS). Every append, the owner's too, is bounded by the file's running total (a
`totals` row kept by triggers), so the other children's rows count at once. Started again with fewer workers, the first takes over the batches of the spools no
child owns any more (adopt): nothing waits in a file nobody delivers.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from redactor.metrics import Metrics
from redactor.sinks import sqlite

log = logging.getLogger("redactor.spool")

#: one transaction, so that the running total starts from what the file holds when its triggers
#: appear, whichever process (a --workers child, its owner) opens the file first
SCHEMA = """
BEGIN IMMEDIATE;
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
CREATE TABLE IF NOT EXISTS totals (bytes INTEGER NOT NULL);
INSERT INTO totals SELECT coalesce(sum(size), 0) FROM items WHERE NOT EXISTS (SELECT 1 FROM totals);
CREATE TRIGGER IF NOT EXISTS items_added AFTER INSERT ON items
    BEGIN UPDATE totals SET bytes = bytes + NEW.size; END;
CREATE TRIGGER IF NOT EXISTS items_removed AFTER DELETE ON items
    BEGIN UPDATE totals SET bytes = bytes - OLD.size; END;
COMMIT;
"""
#: columns a spool file made before dead letters lacks (added on open)
LATER_COLUMNS = {"attempts": "INTEGER NOT NULL DEFAULT 0",  # "not now" refusals so far
                 "not_before": "REAL NOT NULL DEFAULT 0",  # epoch seconds: not sent again before
                 "dead_status": "INTEGER"}  # a dead letter: the collector's last status; NULL: to deliver
#: what a row holds, its number apart (what adopt() moves)
COLUMNS = ("site", "session", "method", "path", "headers", "body", "size", "enqueued_at", *LATER_COLUMNS)


def insert(db: sqlite3.Connection, item: Outgoing, size: int) -> int:
    cursor = db.execute(
        "INSERT INTO items (site, session, method, path, headers, body, size, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (item.site, item.session, item.method, item.path, orjson.dumps(item.headers), item.body, size,
         item.enqueued_at))
    return int(cursor.lastrowid)


def has_rows(db: sqlite3.Connection, site: str, session: str) -> bool:
    """Batches of the session wait for delivery in this file (whichever process spooled them)."""
    return db.execute("SELECT 1 FROM items WHERE site = ? AND session = ? AND dead_status IS NULL LIMIT 1",
                      (site, session)).fetchone() is not None


def add_columns(db: sqlite3.Connection) -> None:
    """The columns a spool file made by an earlier version lacks."""
    have = {row[1] for row in db.execute("PRAGMA table_info(items)")}
    for name, kind in LATER_COLUMNS.items():
        if name not in have:
            db.execute(f"ALTER TABLE items ADD COLUMN {name} {kind}")


#: the collector's statuses that say "not now", not "this batch is bad": an incident (auth, routing,
#: a proxy in front of it), a conflict, a lock — the batch is kept and sent again later
NOT_NOW = frozenset({401, 403, 404, 407, 408, 409, 410, 421, 423, 425})
HELD = "held"  # a delivery's outcome: refused "not now", kept

RESCAN_SECONDS = 5.0  # an idle delivery task looks this often whether another process changed the file
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
    attempts: int = 0  # "not now" refusals so far

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + len(self.path)


@dataclass
class Counts:
    """What the spool file holds, as the spool counts it."""
    pending: Counter[tuple[str, str]]  # batches to deliver, per session
    bytes: int
    dead: int
    oldest: float | None  # enqueued_at of the oldest batch to deliver
    version: int  # the file's data_version then


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
    def __init__(self, directory: Path | str, max_bytes: int, metrics: Metrics, retry_max_seconds: float = 60.0,
                 dead_letter_seconds: float = 86_400.0):
        self.path = Path(directory) / "spool.sqlite3"
        self.max_bytes = max_bytes
        self.retry_max_seconds = retry_max_seconds
        self.dead_letter_seconds = dead_letter_seconds
        self.dead = 0  # dead letters on disk
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
        self._all_held = False  # every batch waiting is held back ("not now"): no drain to wait for
        self._refused = False  # a batch did not fit, and nothing was delivered since
        self._version = 0  # the file's data_version when last counted (PRAGMA data_version)
        self._appending = 0  # appends between their reservation and their row

    # -- lifecycle ------------------------------------------------------------------------------
    async def open(self, adopt: list[Path] = ()) -> Spool:
        """Opens the file, first taking over the batches of the spool files in `adopt` (spools of
        --workers children that no longer run), which are then deleted."""
        await self.file.open(SCHEMA)
        await self.file.run(add_columns, self.file.db)
        for other in adopt:
            moved = await self.file.run(self._adopt, other)
            log.info("spool: %d batch(es) taken over from %s (a worker no longer running)", moved, other.parent.name)
        self._take(await self.file.run(self._count))
        if len(self) or self.dead:
            log.info("spool: %d batch(es) of %d session(s) left from the last run", len(self), len(self._pending))
        self._gauges()
        self.metrics.spool_age.set_function(self.oldest_age)
        return self

    def _count(self) -> Counts:
        """The counters, from the file (at start, and when another process changed it)."""
        counts = Counts(Counter(), 0, 0, None, self.file.db.execute("PRAGMA data_version").fetchone()[0])
        for site, session, count, size, oldest, dead in self.file.db.execute(
                "SELECT site, session, count(*), sum(size), min(CASE WHEN dead_status IS NULL THEN enqueued_at END), "
                "count(dead_status) FROM items GROUP BY site, session"):
            if count - dead:
                counts.pending[(site, session)] = count - dead
                counts.oldest = oldest if counts.oldest is None else min(counts.oldest, oldest)
            counts.bytes += size
            counts.dead += dead
        return counts

    def _take(self, counts: Counts) -> None:
        self._pending, self.bytes, self.dead, self._oldest = counts.pending, counts.bytes, counts.dead, counts.oldest
        self._version = counts.version

    def _changed_elsewhere(self) -> bool:
        """Another connection (`redactor spool`) committed to the file since it was last counted."""
        return self.file.db.execute("PRAGMA data_version").fetchone()[0] != self._version

    def _adopt(self, other: Path) -> int:
        """Moves every row of another spool file into this one, in their order, then deletes it."""
        source = sqlite.connect(other)
        try:
            add_columns(source)
        finally:
            source.close()
        db = self.file.db
        db.execute("ATTACH DATABASE ? AS other", (str(other),))
        try:
            db.execute("BEGIN IMMEDIATE")
            columns = ", ".join(COLUMNS)
            moved = db.execute(f"INSERT INTO items ({columns}) SELECT {columns} FROM other.items ORDER BY seq").rowcount
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            db.execute("DETACH DATABASE other")
        for suffix in ("", "-wal", "-shm"):
            other.with_name(other.name + suffix).unlink(missing_ok=True)
        return moved

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
        while (len(self) and self.healthy and not self._all_held and self._not_before < deadline
               and time.monotonic() < deadline):
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
        self.metrics.spool_dead.set(self.dead)

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
        self._appending += 1
        try:
            item.enqueued_at = time.time()
            # the bound against the file's own total: with --workers N the other children spool
            # their share of the sessions here too, which this count learns of only at a rescan
            total = await self.file.run(insert_bounded, self.file.db, item, self.max_bytes)
            if total is None:
                self.metrics.spool_full.inc()
                self._refused = True
                raise SpoolFull(self.retry_after())
        except BaseException:
            self.bytes -= size
            self._pending[key] -= 1
            if self._pending[key] <= 0:
                del self._pending[key]
            raise
        finally:
            self._appending -= 1
        self.bytes = max(self.bytes, total)
        if self._oldest is None:
            self._oldest = item.enqueued_at
        self.metrics.spooled.inc()
        self._gauges()
        self._wake.set()

    def _has_rows(self, site: str, session: str) -> bool:
        return has_rows(self.file.db, site, session)

    # -- delivery -------------------------------------------------------------------------------
    def _heads(self, limit: int) -> tuple[list[Outgoing], float | None]:
        """The oldest batch to deliver of each of the `limit` sessions that have waited longest, of
        those not held back (not_before); and, when none is due, when the first one will be."""
        heads = ("SELECT min(seq) FROM items WHERE dead_status IS NULL GROUP BY site, session")
        now = time.time()
        rows = self.file.db.execute(
            "SELECT seq, site, session, method, path, headers, body, enqueued_at, attempts FROM items "
            f"WHERE seq IN ({heads}) AND not_before <= ? ORDER BY seq LIMIT ?", (now, limit)).fetchall()
        items = [Outgoing(site, session, method, path, [tuple(h) for h in orjson.loads(headers)], body, seq, at,
                          attempts)
                 for seq, site, session, method, path, headers, body, at, attempts in rows]
        if items:
            return items, None
        (due,) = self.file.db.execute(f"SELECT min(not_before) FROM items WHERE seq IN ({heads})").fetchone()
        return [], due

    def _oldest_live(self) -> float | None:
        row = self.file.db.execute("SELECT enqueued_at FROM items WHERE dead_status IS NULL "
                                   "ORDER BY seq LIMIT 1").fetchone()
        return row[0] if row else None

    def _delete(self, seq: int) -> float | None:
        self.file.db.execute("DELETE FROM items WHERE seq = ?", (seq,))
        return self._oldest_live()

    def _hold(self, seq: int, attempts: int, not_before: float) -> None:
        self.file.db.execute("UPDATE items SET attempts = ?, not_before = ? WHERE seq = ?", (attempts, not_before, seq))

    def _bury(self, seq: int, status: int) -> float | None:
        self.file.db.execute("UPDATE items SET dead_status = ? WHERE seq = ?", (status, seq))
        return self._oldest_live()

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
            try:
                await asyncio.wait_for(self._wake.wait(), RESCAN_SECONDS)
            except TimeoutError:
                await self._rescan()
        while (delay := self._not_before - time.monotonic()) > 0:  # Retry-After may extend it meanwhile
            await asyncio.sleep(delay)
        heads, due = await self.file.run(self._heads, ROUND_SESSIONS)
        if not heads and due is not None:  # every session waiting is held back ("not now"): until the first is due
            self._all_held = True
            try:
                await asyncio.wait_for(self._wake.wait(), min(RESCAN_SECONDS, max(0.0, due - time.time())))
            except TimeoutError:
                await self._rescan()
            finally:
                self._all_held = False
            self._wake.clear()
            return
        if not heads:  # counters out of step with the file: trust the file
            counts = await self.file.run(self._count)
            if not self._appending:  # else an append's row may be missing from the count: next round
                self._take(counts)
            self._gauges()
            return
        outcomes = await asyncio.gather(*(self._deliver_one(send, item) for item in heads))
        retries = [outcome for outcome in outcomes if isinstance(outcome, Retry)]
        if retries:
            self._backoff(max((r.retry_after or 0.0) for r in retries))
        elif all(outcome == HELD for outcome in outcomes):  # every batch refused "not now": the collector's state
            self._backoff(None)
        else:
            self._failures = 0
            self.healthy = True

    async def _rescan(self) -> None:
        """Counts again if `redactor spool` changed the file (dead letters sent again or dropped)."""
        if not self._appending and await self.file.run(self._changed_elsewhere):
            counts = await self.file.run(self._count)
            if self._appending:  # an append's row may be missing from the count: next time
                return
            self._take(counts)
            log.info("spool: changed by another process: %d batch(es) to deliver, %d dead letter(s)",
                     len(self), self.dead)
            self._gauges()

    async def _deliver_one(self, send: Send, item: Outgoing) -> Retry | str | None:
        try:
            status = await send(item)
        except Retry as retry:
            return retry
        assert item.seq is not None and item.enqueued_at is not None
        if status >= 400:
            waited = time.time() - item.enqueued_at
            if status in NOT_NOW and waited < self.dead_letter_seconds:
                # not now (an incident, a key rotation): kept; its session waits, backing off on its own
                attempts = item.attempts + 1
                ceiling = min(self.retry_max_seconds, BACKOFF_BASE * 2 ** min(attempts - 1, 30))
                await self.file.run(self._hold, item.seq, attempts,
                                    time.time() + ceiling / 2 + random.uniform(0, ceiling / 2))
                self.metrics.spool_held.labels(str(status)).inc()
                log.warning("collector answered %d to a spooled batch of site %s: kept, sent again later (attempt %d)",
                            status, item.site, attempts)
                return HELD
            # the batch itself is bad (or "not now" for dead_letter_seconds): kept on disk as a dead
            # letter, out of its session's way (retrying would block it forever). Counted and logged (names only)
            log.warning("collector refused a spooled batch of site %s with %d: kept as a dead letter, not sent again",
                        item.site, status)
            self.metrics.spool_rejected.inc()
            self._oldest = await self.file.run(self._bury, item.seq, status)
            self.dead += 1
        else:
            self.metrics.spool_delivered.inc()
            self._oldest = await self.file.run(self._delete, item.seq)
            self.bytes = max(0, self.bytes - item.size)
        key = (item.site, item.session)
        self._pending[key] -= 1
        if self._pending[key] <= 0:
            del self._pending[key]
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


class Spools:
    """The spools of the --workers children, as one child sees them: a session's batches are spooled
    in the file of child crc32(site, session) mod N, which alone delivers them. With one process,
    its own spool (and its counters: no file is read per batch)."""

    def __init__(self, own: Spool, data_dir: Path, index: int, count: int, name: Callable[[int], str]):
        self.own, self.index, self.count = own, index, count
        self._others = {other: sqlite.Database(data_dir / name(other) / "spool.sqlite3", "spool")
                        for other in range(count) if other != index}

    async def open(self) -> Spools:
        for other in self._others.values():  # made by its owner at start, or here if it is not up yet
            await other.open(SCHEMA)
            await other.run(add_columns, other.db)
        return self

    async def close(self) -> None:
        for other in self._others.values():
            await other.close()

    def _file(self, site: str, session: str) -> sqlite.Database | None:
        """The other child's file where the session's batches are spooled; None: this child's own."""
        if self.count == 1:
            return None
        return self._others.get(zlib.crc32(f"{site}\0{session}".encode()) % self.count)

    async def has_pending(self, site: str, session: str) -> bool:
        """Batches of the session wait in its spool: a new one must queue behind them (order per session)."""
        if self.count == 1:
            return self.own.has_pending(site, session)
        file = self._file(site, session) or self.own.file
        return await file.run(has_rows, file.db, site, session)

    async def append(self, item: Outgoing) -> None:
        """Durably queues a batch in its session's spool (fsynced when this returns). Raises SpoolFull."""
        other = self._file(item.site, item.session)
        if other is None:
            await self.own.append(item)
            return
        item.enqueued_at = time.time()
        if await other.run(insert_bounded, other.db, item, self.own.max_bytes) is None:
            self.own.metrics.spool_full.inc()
            raise SpoolFull(self.own.retry_after())
        self.own.metrics.spooled.inc()


def insert_bounded(db: sqlite3.Connection, item: Outgoing, max_bytes: int) -> int | None:
    """Inserts into a spool file if it has room, by the file's running total (`totals`, kept by
    triggers: every process's rows count, and it is one row to read, not a sum over the file);
    returns the total with the row, None if it did not fit. Another child's file: its owner counts
    the row again within RESCAN_SECONDS."""
    size = item.size
    db.execute("BEGIN IMMEDIATE")  # the bound and the row in one transaction against the other writers
    try:
        (held,) = db.execute("SELECT bytes FROM totals").fetchone()
        if held + size > max_bytes:
            db.execute("ROLLBACK")
            return None
        item.seq = insert(db, item, size)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return held + size


# -- what `redactor spool` does to the files (the server may be running: it counts again) ------------
@dataclass
class DeadLetter:
    spool: str  # the spool's directory name: spool, spool-1…
    seq: int
    site: str
    session: str
    status: int  # the collector's last answer
    size: int
    enqueued_at: float

    @property
    def name(self) -> str:
        return f"{self.spool}:{self.seq}"


def spool_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("spool*/spool.sqlite3"))


def dead_letters(file: Path) -> tuple[int, list[DeadLetter]]:
    """The batches waiting for delivery (a count) and the dead letters of one spool file (never their bodies)."""
    db = sqlite.connect(file)
    try:
        add_columns(db)
        (waiting,) = db.execute("SELECT count(*) FROM items WHERE dead_status IS NULL").fetchone()
        rows = db.execute("SELECT seq, site, session, dead_status, size, enqueued_at FROM items "
                          "WHERE dead_status IS NOT NULL ORDER BY seq").fetchall()
    finally:
        db.close()
    return waiting, [DeadLetter(file.parent.name, *row) for row in rows]


def settle_dead_letters(file: Path, seqs: list[int] | None, send_again: bool) -> int:
    """Sends dead letters again (their clock of dead_letter_seconds restarts) or deletes them;
    seqs None: all of the file's. Returns how many."""
    db = sqlite.connect(file)
    try:
        add_columns(db)
        where = "dead_status IS NOT NULL" + ("" if seqs is None else f" AND seq IN ({','.join('?' * len(seqs))})")
        if send_again:
            cursor = db.execute("UPDATE items SET dead_status = NULL, attempts = 0, not_before = 0, enqueued_at = ? "
                                f"WHERE {where}", (time.time(), *(seqs or ())))
        else:
            cursor = db.execute(f"DELETE FROM items WHERE {where}", tuple(seqs or ()))
        return cursor.rowcount
    finally:
        db.close()
