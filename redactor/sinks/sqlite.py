"""An SQLite file of the server's (the store, the spool): private to its user, durable, and
leaving no deleted value readable on disk.

- The data directory is `0700` and every file in it `0600`: the database is created with that
  mode before SQLite opens it, and SQLite gives its `-wal` and `-shm` files the database's mode
  (those of an older installation are set here too). `redactor serve` also sets umask 077.
- `journal_mode=WAL`, `synchronous=FULL`: a commit is written and fsynced before it returns.
- `secure_delete=ON`, set explicitly (SQLite's default depends on how it was compiled): deleted
  rows (an erased session, a delivered spool batch) are overwritten with zeros, not left in free
  pages.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

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
