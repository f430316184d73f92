"""The embedded store: group commit keeps every write durable and every failure its own."""

from __future__ import annotations

import asyncio
import sqlite3

import orjson

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


async def test_a_full_store_answers_503_and_is_not_ready_until_a_write_succeeds(client, admin_headers):
    """SQLITE_FULL, made real by max_page_count (as a full disk would): the batch is refused with
    503 + Retry-After (never acknowledged, so the recorder sends it again), /readyz says the store
    is not writable; once there is room, both recover."""
    import orjson

    from redactor.keys import STORE

    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    store = client.server.app[STORE]

    def cap(pages: int | None) -> None:
        db = store.file.db
        used = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count={pages or used}")

    big = orjson.dumps([{"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1},
                         "timestamp": 1 + i} for i in range(3000)])
    await store.file.run(cap, None)  # no page more than it has now
    answer = await client.post("/v1/sites/shop/sessions/s1/events", data=big,
                               headers={"Content-Type": "application/json"})
    assert answer.status == 503, await answer.text()
    assert answer.headers["Retry-After"].isdigit()
    assert (await answer.json())["error"] == "storage_full"
    ready = await client.get("/readyz")
    assert ready.status == 503 and (await ready.json())["checks"]["store"] is False
    await store.file.run(cap, 1_000_000)  # room again
    ready = await client.get("/readyz")
    assert ready.status == 200, await ready.text()
    answer = await client.post("/v1/sites/shop/sessions/s1/events", data=big,
                               headers={"Content-Type": "application/json"})
    assert answer.status == 202, await answer.text()
    assert (await answer.json())["stored"] == 3000


async def test_reads_of_recordings_on_a_full_store_answer_503_as_ingest_does(client, admin_headers):
    """A read of recordings writes its audit entry first: on a full disk that write fails, and the
    read is refused with 503 storage_full + Retry-After (review 6: 500 internal_error), never
    answered unaudited; once there is room, it is answered."""
    import orjson

    from redactor.keys import STORE
    from redactor.sinks.store import StorageUnavailable

    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    events = orjson.dumps([{"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1},
                            "timestamp": 1}])
    assert (await client.post("/v1/sites/shop/sessions/s1/events", data=events,
                              headers={"Content-Type": "application/json"})).status == 202
    store = client.server.app[STORE]

    def cap(pages: int | None) -> None:
        db = store.file.db
        used = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count={pages or used}")

    await store.file.run(cap, None)
    for pad in ({"pad": "x" * 200}, None):  # the last pages' room taken, by large entries then the smallest
        for _ in range(10_000):
            try:
                await store.audit(None, "", "", None, pad)
            except StorageUnavailable:
                break
        else:
            raise AssertionError("the store never filled up")
    for path in ("/v1/sites/shop/sessions", "/v1/sites/shop/sessions/s1/events"):
        answer = await client.get(path, headers=admin_headers)
        assert answer.status == 503, await answer.text()
        assert (await answer.json())["error"] == "storage_full" and answer.headers["Retry-After"].isdigit()
    await store.file.run(cap, 1_000_000)  # room again
    for path in ("/v1/sites/shop/sessions", "/v1/sites/shop/sessions/s1/events"):
        assert (await client.get(path, headers=admin_headers)).status == 200


async def test_a_token_rotation_is_one_transaction_a_sibling_never_reads_it_half_done(tmp_path):
    """Every --workers child rotates the admin token when it starts; another child re-reading the
    tokens meanwhile (on its own connection, as ConfigFollower does) must find the admin token live
    at every read: it had lost it between a revoke and an add, and answered 401 until the next
    audited change. A new seed revokes the old token in the same transaction."""
    store = await Store(tmp_path).open()
    try:
        await store.add_token("admin", "h1", "admin", ["*"], replacing=True)
        reader = sqlite3.connect(store.path, check_same_thread=False)
        seen: list[set[str]] = []
        done = False

        def read() -> None:
            while not done:
                seen.append({row[0] for row in reader.execute(
                    "SELECT hash FROM tokens WHERE name = 'admin' AND revoked_at IS NULL")})

        reading = asyncio.get_running_loop().run_in_executor(None, read)
        for _ in range(200):
            await store.add_token("admin", "h1", "admin", ["*"], replacing=True)
        done = True
        await reading
        reader.close()
        assert seen and all(live == {"h1"} for live in seen)
        await store.add_token("admin", "h2", "admin", ["*"], replacing=True)
        assert {digest for digest, row in (await store.tokens()).items() if row[0] == "admin"} == {"h2"}
    finally:
        await store.close()


async def test_a_batch_redone_under_its_key_is_stored_once_also_in_a_store_made_before_keys(tmp_path):
    """A store made before batches had keys gets the column when it opens; a batch whose session holds
    one under the same key (a redo, pipeline.batch_key) is not stored again, another key is."""
    old = sqlite3.connect(tmp_path / "redactor.sqlite3")
    old.execute("CREATE TABLE batches (seq INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, session TEXT NOT "
                "NULL, received_at REAL NOT NULL, meta BLOB, events BLOB NOT NULL, n_events INTEGER NOT NULL)")
    old.execute("INSERT INTO batches (site, session, received_at, events, n_events) VALUES ('shop', 's1', 0, '[]', 0)")
    old.commit()
    old.close()
    store = await Store(tmp_path).open()
    try:
        for key in ("0/aa", "0/aa", "1/bb", None, None):
            await store.save_batch("shop", "s1", None, b"[1]", 1, None, {}, None, batch_key=key)
        await store.save_batch("shop", "s2", None, b"[1]", 1, None, {}, None, batch_key="0/aa")  # another session
        # the old batch (no event), 0/aa once, 1/bb, the two without a key
        assert orjson.loads(await store.session_events("shop", "s1")) == [1] * 4
        assert orjson.loads(await store.session_events("shop", "s2")) == [1]
    finally:
        await store.close()
