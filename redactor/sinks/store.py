"""The embedded store: one SQLite file in the data directory.

It keeps redacted batches (never raw ones), the sessions' mirror state (flags and structure,
never a value), site configurations, admin tokens (hashes only) and the audit log.

SQLite is used from one dedicated thread (sinks/sqlite.py) so the event loop never blocks on disk. WAL journal with synchronous=FULL: a batch is on disk
when save_batch() returns, and only then does the ingest route answer 202.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson

from redactor.formats.rrweb_batch import encode
from redactor.sinks import sqlite

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sites (
    site TEXT PRIMARY KEY,
    config BLOB NOT NULL,
    updated_at REAL NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    shared_change INTEGER NOT NULL DEFAULT 0  -- --state: the number Redis gave its change (shared_admin.CHANGES)
);
CREATE TABLE IF NOT EXISTS batches (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    session TEXT NOT NULL,
    received_at REAL NOT NULL,
    meta BLOB,
    events BLOB NOT NULL,
    n_events INTEGER NOT NULL,
    batch_key TEXT  -- the batch's number and keyed digest (the pipeline's batch_key): a redo of it is not stored again
);
CREATE INDEX IF NOT EXISTS batches_by_session ON batches (site, session, seq);
CREATE TABLE IF NOT EXISTS sessions (
    site TEXT NOT NULL,
    session TEXT NOT NULL,
    first_at REAL NOT NULL,
    last_at REAL NOT NULL,
    batches INTEGER NOT NULL,
    events INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    page TEXT,
    remarks BLOB,
    PRIMARY KEY (site, session)
);
CREATE TABLE IF NOT EXISTS mirrors (
    site TEXT NOT NULL,
    session TEXT NOT NULL,
    state BLOB NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (site, session)
);
CREATE TABLE IF NOT EXISTS mirror_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    session TEXT NOT NULL,
    state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS mirror_changes_by_session ON mirror_changes (site, session, seq);
CREATE TABLE IF NOT EXISTS tokens (
    name TEXT NOT NULL,
    hash TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    revoked_at REAL,
    role TEXT NOT NULL DEFAULT 'editor',
    sites BLOB NOT NULL DEFAULT '["*"]'
);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT,
    at REAL NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    before BLOB,
    after BLOB
);
CREATE TRIGGER IF NOT EXISTS audit_append_only_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_append_only_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


#: seconds a client waits before sending again a batch the store could not write (a full disk is
#: not freed in a second; the recorder keeps the batch meanwhile)
STORAGE_RETRY_SECONDS = 30
#: bytes the readiness probe writes (and deletes) while writes fail: room for about a batch
PROBE_BYTES = 64 * 1024


#: what a failed write of a batch means to its client
BATCH_NOT_STORED = "the batch was not stored; send it again later"
#: what a failed write of the admin API or the viewer means: every change, and every read of
#: recordings, writes its audit entry first (answers.errors answers 503 with this)
REQUEST_NOT_DONE = "nothing was done (every change and every read of recordings is audited first); retry later"


class StorageUnavailable(Exception):
    """A write failed for want of room or of a working disk (sqlite3.OperationalError): what it
    was for is not done, and the client may send it again later (503)."""

    def __init__(self, error: sqlite3.OperationalError, consequence: str = BATCH_NOT_STORED):
        full = getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
        self.code = "storage_full" if full else "storage_failed"
        self.detail = ("the store's disk is full" if full else f"the store could not write ({error})") + \
            f": {consequence}"
        self.retry_after = STORAGE_RETRY_SECONDS
        super().__init__(self.detail)


class SiteMoved(Exception):
    """The site's stored configuration is no longer the version a change started from."""


class SdkKeysTaken(Exception):
    """Project keys another site holds: a key belongs to one site."""

    def __init__(self, keys: list[str]):
        super().__init__(f"sdk_keys {keys} are claimed by another site")
        self.keys = keys


class Store:
    def __init__(self, data_dir: Path | str):
        self.path = Path(data_dir) / "redactor.sqlite3"
        self.file = sqlite.Database(self.path, "store")  # private, WAL, synchronous=FULL, secure_delete
        self.failing = False  # the last write failed for want of room or disk: not ready until one succeeds
        self._reader: sqlite3.Connection | None = None  # last_audit_seq_now's
        self._pending: list[tuple[Callable[[sqlite3.Connection], Any], asyncio.Future]] = []
        self._flushing = False

    # -- lifecycle ------------------------------------------------------------------------------
    async def open(self) -> Store:
        await self.file.open(SCHEMA)
        await self.file.run(lambda: self._migrate(self.file.db))
        return self

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        """Token rows made before roles existed could do everything but manage tokens' roles:
        they become editors of every site (the columns' defaults), as a token made without a role."""
        columns = {row[1] for row in db.execute("PRAGMA table_info(tokens)")}
        if "role" not in columns:
            db.execute("ALTER TABLE tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'editor'")
        if "sites" not in columns:
            db.execute("""ALTER TABLE tokens ADD COLUMN sites BLOB NOT NULL DEFAULT '["*"]'""")
        site_columns = {row[1] for row in db.execute("PRAGMA table_info(sites)")}
        if "version" not in site_columns:
            db.execute("ALTER TABLE sites ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        if "shared_change" not in site_columns:
            db.execute("ALTER TABLE sites ADD COLUMN shared_change INTEGER NOT NULL DEFAULT 0")
        if "batch_key" not in {row[1] for row in db.execute("PRAGMA table_info(batches)")}:
            db.execute("ALTER TABLE batches ADD COLUMN batch_key TEXT")
        db.execute("CREATE INDEX IF NOT EXISTS batches_by_key ON batches (site, session, batch_key) "
                   "WHERE batch_key IS NOT NULL")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        await self.file.close()

    async def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Runs one write in a transaction that is committed (and fsynced) before this returns.
        Writes that arrive while the store is busy are committed together — one fsync for many
        batches (group commit) — each in a savepoint of its own, so one failing write fails alone."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._pending.append((fn, future))
        if not self._flushing:
            self._flushing = True
            asyncio.get_running_loop().create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        try:
            while self._pending:
                group, self._pending = self._pending, []
                try:
                    outcomes = await self.file.run(self._commit, [fn for fn, _ in group])
                except BaseException as error:  # the commit itself failed: none of them is stored
                    outcomes = [(False, error)] * len(group)
                for (_, future), (ok, value) in zip(group, outcomes):
                    if not future.done():
                        future.set_result(value) if ok else future.set_exception(value)
        finally:
            self._flushing = False

    def _commit(self, writes: list[Callable[[sqlite3.Connection], Any]]) -> list[tuple[bool, Any]]:
        db = self.file.db
        outcomes: list[tuple[bool, Any]] = []
        db.execute("BEGIN IMMEDIATE")
        try:
            for write in writes:
                db.execute("SAVEPOINT one_write")
                try:
                    outcomes.append((True, write(db)))
                except Exception as error:
                    if not db.in_transaction:  # SQLite rolled the whole transaction back (SQLITE_FULL, an
                        raise  # I/O error): the writes before this one are gone too, so all of them fail
                    db.execute("ROLLBACK TO one_write")
                    outcomes.append((False, error))
                db.execute("RELEASE one_write")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return outcomes

    def _query(self, sql: str, *args: Any) -> list[tuple]:
        return self.file.db.execute(sql, args).fetchall()

    async def _write_or_unavailable(self, fn: Callable[[sqlite3.Connection], T],
                                    consequence: str = BATCH_NOT_STORED) -> T:
        """_write, with a write that failed for want of room or disk raised as StorageUnavailable
        (and the store marked failing until a write succeeds)."""
        try:
            done = await self._write(fn)
        except sqlite3.OperationalError as error:
            self.failing = True
            raise StorageUnavailable(error, consequence) from error
        self.failing = False
        return done

    async def writable(self) -> bool:
        """Whether a write goes through. While writes fail, the probe writes (and deletes) about a
        batch's bytes, so that readiness comes back when there is room for a batch again."""
        def probe(db: sqlite3.Connection) -> None:
            db.execute("CREATE TABLE IF NOT EXISTS probe (x)")
            if self.failing:
                db.execute("INSERT INTO probe VALUES (zeroblob(?))", (PROBE_BYTES,))
                db.execute("DELETE FROM probe")
        try:
            await self._write_or_unavailable(probe)
            return True
        except (StorageUnavailable, sqlite3.Error):
            return False

    # -- sites ----------------------------------------------------------------------------------
    async def sites(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """site → (version, configuration); the version moves with every change of the site."""
        rows = await self.file.run(self._query, "SELECT site, version, config FROM sites ORDER BY site")
        return {site: (version, orjson.loads(config)) for site, version, config in rows}

    async def sites_changes(self) -> dict[str, int]:
        """site → the number Redis gave the change of its configuration stored here (--state; 0: none yet)."""
        return dict(await self.file.run(self._query, "SELECT site, shared_change FROM sites"))

    async def site_changed(self, site: str, number: int) -> None:
        """Records the number Redis gave the change of the site's configuration stored here, if higher."""
        await self._write_or_unavailable(lambda db: db.execute(
            "UPDATE sites SET shared_change = ? WHERE site = ? AND shared_change < ?", (number, site, number)),
            REQUEST_NOT_DONE)

    async def site(self, site: str) -> tuple[int, dict[str, Any]] | None:
        """(version, configuration) of one site, as stored now; None if there is no such site."""
        rows = await self.file.run(self._query, "SELECT version, config FROM sites WHERE site = ?", site)
        return (rows[0][0], orjson.loads(rows[0][1])) if rows else None

    @contextlib.asynccontextmanager
    async def changing(self) -> AsyncIterator[None]:
        """One change of the sites or tokens at a time across every process sharing this store
        (--workers N): a change reads what is stored, merges and compiles (seconds, for a long
        block-list), then writes; two made at once on two processes would both start from the
        same configuration and the second write would drop the first. An advisory lock on a file
        beside the store (flock, released by the kernel if the process dies), taken on a thread:
        the event loop does not wait for it."""
        fd = os.open(self.path.with_name("changes.lock"), os.O_CREAT | os.O_RDWR, sqlite.PRIVATE_FILE)
        try:
            await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    async def put_site(self, site: str, config: dict[str, Any], author: str, action: str,
                       before: dict[str, Any] | None, version: int, shared_change: int | None = None) -> int:
        """Stores a site configuration and its audit entry in one transaction, if the site is still
        at `version` (0: not stored yet), else SiteMoved; SdkKeysTaken if another site holds one of
        its sdk_keys (checked in the transaction: no two sites ever hold one). Returns the new version.
        shared_change: the change number of a configuration taken from Redis (None: kept; a change made here
        is given its number once published, site_changed)."""
        def write(db: sqlite3.Connection) -> int:
            row = db.execute("SELECT version FROM sites WHERE site = ?", (site,)).fetchone()
            if (row[0] if row else 0) != version:
                raise SiteMoved(site)
            if wanted := set(config.get("sdk_keys") or ()):
                taken = {key for other, stored in db.execute("SELECT site, config FROM sites WHERE site != ?", (site,))
                         for key in orjson.loads(stored).get("sdk_keys") or () if key in wanted}
                if taken:
                    raise SdkKeysTaken(sorted(taken))
            db.execute("INSERT INTO sites (site, config, updated_at, version, shared_change) VALUES (?, ?, ?, ?, "
                       "COALESCE(?, 0)) ON CONFLICT (site) DO UPDATE SET config = excluded.config, updated_at = "
                       "excluded.updated_at, version = excluded.version, shared_change = COALESCE(?, shared_change)",
                       (site, orjson.dumps(config), time.time(), version + 1, shared_change, shared_change))
            self._audit(db, site, author, action, before, config)
            return version + 1
        return await self._write_or_unavailable(write, REQUEST_NOT_DONE)

    # -- audit ----------------------------------------------------------------------------------
    @staticmethod
    def _audit(db: sqlite3.Connection, site: str | None, author: str, action: str, before: Any, after: Any) -> None:
        db.execute("INSERT INTO audit (site, at, author, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
                   (site, time.time(), author, action,
                    None if before is None else orjson.dumps(before), None if after is None else orjson.dumps(after)))

    async def audit(self, site: str | None, author: str, action: str, before: Any = None, after: Any = None) -> None:
        await self._write_or_unavailable(lambda db: self._audit(db, site, author, action, before, after),
                                         REQUEST_NOT_DONE)

    async def audit_log(self, site: str | None = None) -> list[dict[str, Any]]:
        """A site's entries, oldest first; every entry (token changes included) without a site."""
        where, args = ("WHERE site = ?", (site,)) if site is not None else ("", ())
        rows = await self.file.run(self._query, "SELECT site, at, author, action, before, after FROM audit "
                                            f"{where} ORDER BY seq", *args)
        return [{"site": s, "at": at, "author": author, "action": action,
                 "before": None if before is None else orjson.loads(before),
                 "after": None if after is None else orjson.loads(after)}
                for s, at, author, action, before, after in rows]

    # -- tokens (hashes only) -------------------------------------------------------------------
    async def add_token(self, name: str, token_hash: str, role: str, sites: list[str],
                        audit_author: str | None = None, replacing: bool = False,
                        action: str = "create_token") -> None:
        """A token and, when audit_author is given, its audit entry, in one transaction; `replacing`
        revokes the other live tokens of that name in the same one (a rotation: --workers children
        that start together each rotate the admin token, and a sibling reading the tokens between a
        revoke and an add of its own would lose the admin token until the next audited change)."""
        def write(db: sqlite3.Connection) -> None:
            if replacing:
                db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND hash != ? AND revoked_at IS NULL",
                           (time.time(), name, token_hash))
            db.execute("INSERT OR REPLACE INTO tokens (name, hash, created_at, revoked_at, role, sites) "
                       "VALUES (?, ?, ?, NULL, ?, ?)", (name, token_hash, time.time(), role, orjson.dumps(sites)))
            if audit_author is not None:
                self._audit(db, None, audit_author, action, None, {"name": name, "role": role, "sites": sites})
        await self._write_or_unavailable(write, REQUEST_NOT_DONE)

    async def tokens(self) -> dict[str, tuple[str, str, list[str]]]:
        """hash → (name, role, sites) of every live token."""
        rows = await self.file.run(self._query, "SELECT hash, name, role, sites FROM tokens WHERE revoked_at IS NULL")
        return {digest: (name, role, orjson.loads(sites)) for digest, name, role, sites in rows}

    async def revoked_tokens(self) -> dict[str, str]:
        """hash → name of the tokens revoked here (a token revoked is never taken back: shared_admin)."""
        rows = await self.file.run(self._query, "SELECT hash, name FROM tokens WHERE revoked_at IS NOT NULL")
        return dict(rows)

    async def last_audit_seq(self) -> int:
        """Moves with every site and token change: workers sharing this store follow it (workers.py)."""
        rows = await self.file.run(self._query, "SELECT coalesce(max(seq), 0) FROM audit")
        return rows[0][0]

    def last_audit_seq_now(self) -> int:
        """last_audit_seq(), read on the caller's thread (the event loop) on a connection of its own
        that only reads: the last row of an integer primary key, in WAL mode never waiting for a
        writer — a few microseconds, where a hop to the store's thread costs ~0.3 ms (each batch of
        --workers N asks: workers.ConfigFollower). sqlite3.Error if the file is busy (a
        checkpoint): then ask last_audit_seq()."""
        if self._reader is None:
            reader = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            reader.execute("PRAGMA query_only=ON")
            reader.execute("PRAGMA busy_timeout=0")
            self._reader = reader
        return self._reader.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]

    async def revoke_token(self, name: str, audit_author: str | None = None, grant: Any = None,
                           token_hash: str | None = None, action: str = "revoke_token") -> int:
        """Revokes the live tokens of that name (only the one of that hash, when given); audited
        (before: the grant) when audit_author is given."""
        def write(db: sqlite3.Connection) -> int:
            count = db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL "
                               "AND (? IS NULL OR hash = ?)", (time.time(), name, token_hash, token_hash)).rowcount
            if count and audit_author is not None:
                self._audit(db, None, audit_author, action, grant, None)
            return count
        return await self._write_or_unavailable(write, REQUEST_NOT_DONE)

    # -- batches and sessions -------------------------------------------------------------------
    async def save_batch(self, site: str, session: str, meta: dict[str, Any] | None, events: bytes, n_events: int,
                         mirror_state: bytes | None, remarks: dict[str, int], page: str | None,
                         whole: bool = True, batch_key: str | None = None) -> None:
        """One redacted batch, the session summary and the mirror state, in one transaction.
        StorageUnavailable if the disk is full or failing: none of it is stored. batch_key: what
        tells this batch from another of its session (pipeline.batch_key); a batch the session already
        holds under it is a redo (its process died before it let the session go, --state: the store
        shared by processes) and is not stored twice."""
        def write(db: sqlite3.Connection) -> None:
            now = time.time()
            if batch_key is not None and db.execute("SELECT 1 FROM batches WHERE site = ? AND session = ? AND "
                                                    "batch_key = ?", (site, session, batch_key)).fetchone():
                return
            db.execute("INSERT INTO batches (site, session, received_at, meta, events, n_events, batch_key) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (site, session, now, encode(meta, "the batch's metadata") if meta else None, events, n_events,
                        batch_key))
            self._session_state(db, now, site, session, n_events, len(events), mirror_state, remarks, page, whole)
        await self._write_or_unavailable(write)

    async def save_session_state(self, site: str, session: str, n_events: int, n_bytes: int, mirror_state: bytes | None,
                                 remarks: dict[str, int], page: str | None, whole: bool = True) -> None:
        """The session summary and the mirror state of a batch whose events went elsewhere
        (upstream mode): a restart still knows which node ids are sensitive."""
        await self._write_or_unavailable(lambda db: self._session_state(
            db, time.time(), site, session, n_events, n_bytes, mirror_state, remarks, page, whole))

    @staticmethod
    def _session_state(db: sqlite3.Connection, now: float, site: str, session: str, n_events: int, n_bytes: int,
                       mirror_state: bytes | None, remarks: dict[str, int], page: str | None, whole: bool) -> None:
        """mirror_state None: the mirror did not change since it was last saved; whole: it is the
        whole state (the changes saved before it go), else the changes since the last save."""
        row = db.execute("SELECT remarks FROM sessions WHERE site = ? AND session = ?", (site, session)).fetchone()
        counts = orjson.loads(row[0]) if row and row[0] else {}
        for key, count in remarks.items():
            counts[key] = counts.get(key, 0) + count
        db.execute(
            "INSERT INTO sessions (site, session, first_at, last_at, batches, events, bytes, page, remarks) "
            "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (site, session) DO UPDATE SET "
            "last_at = excluded.last_at, batches = batches + 1, events = events + excluded.events, "
            "bytes = bytes + excluded.bytes, page = COALESCE(page, excluded.page), remarks = excluded.remarks",
            (site, session, now, now, n_events, n_bytes, page, orjson.dumps(counts)))
        if mirror_state is None:
            return
        if not whole:
            db.execute("INSERT INTO mirror_changes (site, session, state) VALUES (?, ?, ?)", (site, session, mirror_state))
            return
        db.execute("DELETE FROM mirror_changes WHERE site = ? AND session = ?", (site, session))
        db.execute("INSERT INTO mirrors (site, session, state, updated_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (site, session) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                   (site, session, mirror_state, now))

    async def mirror_state(self, site: str, session: str) -> tuple[bytes, list[bytes]] | None:
        """A session's last whole mirror state and the changes saved after it, in order."""
        def read() -> tuple[bytes, list[bytes]] | None:
            whole = self._query("SELECT state FROM mirrors WHERE site = ? AND session = ?", site, session)
            if not whole:
                return None
            changes = self._query("SELECT state FROM mirror_changes WHERE site = ? AND session = ? ORDER BY seq",
                                  site, session)
            return whole[0][0], [state for (state,) in changes]
        return await self.file.run(read)

    async def last_batch_at(self, site: str, session: str) -> float | None:
        """When the session's last batch was saved (time.time()), None if never."""
        rows = await self.file.run(self._query, "SELECT last_at FROM sessions WHERE site = ? AND session = ?",
                                   site, session)
        return rows[0][0] if rows else None

    async def session_events(self, site: str, session: str) -> bytes | None:
        """The stored events of a session as one JSON array, joined without re-parsing."""
        rows = await self.file.run(self._query, "SELECT events FROM batches WHERE site = ? AND session = ? ORDER BY seq",
                               site, session)
        if not rows:
            return None
        parts = [events[1:-1].strip() for (events,) in rows]
        return b"[" + b",".join(part for part in parts if part) + b"]"

    async def sessions(self, site: str) -> list[dict[str, Any]]:
        rows = await self.file.run(self._query, "SELECT session, first_at, last_at, batches, events, bytes, page, remarks "
                                            "FROM sessions WHERE site = ? ORDER BY first_at", site)
        return [{"session": s, "first_at": f, "last_at": la, "batches": b, "events": e, "bytes": by, "page": p,
                 "remarks": orjson.loads(r) if r else {}} for s, f, la, b, e, by, p, r in rows]

    async def erase_session(self, site: str, session: str, author: str, action: str = "erase_session") -> bool:
        def erase(db: sqlite3.Connection) -> bool:
            found = db.execute("DELETE FROM sessions WHERE site = ? AND session = ?", (site, session)).rowcount
            found += db.execute("DELETE FROM batches WHERE site = ? AND session = ?", (site, session)).rowcount
            db.execute("DELETE FROM mirrors WHERE site = ? AND session = ?", (site, session))
            db.execute("DELETE FROM mirror_changes WHERE site = ? AND session = ?", (site, session))
            if found:
                self._audit(db, site, author, action, {"session": session}, None)
            return bool(found)
        found = await self._write_or_unavailable(erase, REQUEST_NOT_DONE)
        if found:
            await self._cut_journal()
        return found

    async def erase_older_than(self, site: str, cutoff: float, author: str = "retention") -> list[str]:
        """Erases the sessions of a site whose last batch arrived before `cutoff` (epoch seconds):
        their batches, summary and mirror, each audited as an erasure by `author`. Returns the
        sessions erased. One transaction: a batch arriving meanwhile waits, then starts anew."""
        def erase(db: sqlite3.Connection) -> list[str]:
            old = [session for (session,) in db.execute(
                "SELECT session FROM sessions WHERE site = ? AND last_at < ? ORDER BY first_at", (site, cutoff))]
            # batches whose session summary is gone (never written, or an older crash) age by arrival
            old += [session for (session,) in db.execute(
                "SELECT DISTINCT session FROM batches WHERE site = ? AND received_at < ? AND session NOT IN "
                "(SELECT session FROM sessions WHERE site = ?)", (site, cutoff, site))]
            for session in old:
                db.execute("DELETE FROM sessions WHERE site = ? AND session = ?", (site, session))
                db.execute("DELETE FROM batches WHERE site = ? AND session = ?", (site, session))
                db.execute("DELETE FROM mirrors WHERE site = ? AND session = ?", (site, session))
                db.execute("DELETE FROM mirror_changes WHERE site = ? AND session = ?", (site, session))
                self._audit(db, site, author, "erase_session", {"session": session, "reason": "retention_days"}, None)
            return old
        erased = await self._write(erase)
        if erased:
            await self._cut_journal()
        return erased

    async def _cut_journal(self) -> None:
        """After an erasure: the journal still holds the pages as they were before it, written back (zeroed by
        secure_delete) and cut, so no byte of what was erased stays on disk until the next checkpoint."""
        await self.file.run(self._query, "PRAGMA wal_checkpoint(TRUNCATE)")
