"""An SQLite file of the server's (the store, the spool): private to its user, durable, leaving
no deleted value readable on disk, and used from a thread of its own.

- The data directory is `0700` and every file in it `0600`: the database is created with that
  mode before SQLite opens it, and SQLite gives its `-wal` and `-shm` files the database's mode
  (those of an older installation are set here too). `redactor serve` also sets umask 077.
- `journal_mode=WAL`, `synchronous=FULL`: a commit is written and fsynced before it returns.
- `secure_delete=ON`, set explicitly (SQLite's default depends on how it was compiled): deleted
  rows (an erased session, a delivered spool batch) are overwritten with zeros, not left in free
  pages.
- One thread per file (`Database`): sqlite3 objects belong to the thread that made them, and
  the event loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import functools
import os
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from redactor.scheduling import Job, settle, work_off

T = TypeVar("T")

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600


def private_directory(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIRECTORY)
    path.chmod(PRIVATE_DIRECTORY)


def private_file(path: Path) -> None:
    """Creates `path` if missing, readable and writable by its owner only."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    path.chmod(PRIVATE_FILE)


def connect(path: Path) -> sqlite3.Connection:
    private_directory(path.parent)
    private_file(path)
    db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=5000")
    db.execute("PRAGMA secure_delete=ON")
    for suffix in ("-wal", "-shm"):
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            journal.chmod(PRIVATE_FILE)
    return db


class Database:
    """An SQLite file opened with connect() and used from one thread of its own: every use of
    `db` goes through run()."""

    def __init__(self, path: Path, name: str):
        self.path = path
        self.name = name
        # a plain worker, not a ThreadPoolExecutor: every stored batch comes here and back once,
        # and the executor's futures cost ~45 µs of CPU more a trip (scheduling.work_off)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None  # started by the first run()
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for functions given to run()."""
        assert self._db is not None, f"{self.path.name} is not open"
        return self._db

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) on the file's thread, after the ones before it."""
        loop = asyncio.get_running_loop()
        if self._thread is None:
            self._thread = threading.Thread(target=work_off, args=(self._jobs,), name=f"{self.name}_0", daemon=True)
            self._thread.start()
        answer: asyncio.Future[T] = loop.create_future()
        self._jobs.put((loop, functools.partial(settle, answer), fn, args))
        return await answer

    async def open(self, schema: str) -> None:
        def opening() -> None:
            db = connect(self.path)
            db.executescript(schema)
            self._db = db
        await self.run(opening)

    async def close(self, checkpoint: bool = False) -> None:
        """checkpoint: the journal is written into the database and truncated first."""
        def closing() -> None:
            if checkpoint:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
            self._db = None
        if self._db is not None:
            await self.run(closing)
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None
