"""The embedded store: group commit keeps every write durable and every failure its own."""

from __future__ import annotations

import asyncio
import sqlite3

from redactor.sinks.store import Store


async def test_writes_committed_together_succeed_and_fail_one_by_one(tmp_path):
    store = await Store(tmp_path).open()
    try:
        await store.audit("shop", "admin", "create_site")
        saves = [store.save_batch("shop", f"s{i}", None, b"[]", 0, None, {}, None) for i in range(50)]
        tamper = store._write(lambda db: db.execute("UPDATE audit SET author = 'mallory'"))  # append-only: refused
        results = await asyncio.gather(*saves, tamper, return_exceptions=True)
        assert all(result is None for result in results[:-1])
        assert isinstance(results[-1], sqlite3.DatabaseError)
    finally:
        await store.close()
    reopened = await Store(tmp_path).open()  # what was answered as stored is on disk
    try:
        assert len(await reopened.sessions("shop")) == 50
        assert [entry["author"] for entry in await reopened.audit_log("shop")] == ["admin"]
    finally:
        await reopened.close()
