"""Session state on a real redis-server (`--state`): where it lives, what is written per batch,
what Redis holds (ciphertext only), the version guard, and fail-closed answers when Redis is gone.
The app runs on a real socket with its real SQLite store; Redis is Debian's redis-server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import time

import orjson
import pytest
import redis.asyncio as aioredis

from factories import add, click, element, html_page, input_event, meta, mutation, snapshot, text, typing
from leaks import batches, leaks, planted, recordings
from redactor.app import create_app
from redactor.config import Settings
from redactor.keys import REFUSED, SECRET, STATES
from redactor.state_redis import RedisStates, StateMoved, StateUnavailable, keys, more_keys
from redactor import carried, shared_admin
from redis.crc import key_slot
from redis_server import RedisServer, redis_cluster_node, redis_server  # noqa: F401  (the fixtures)

SITE = "shop"
IDLE = 600


@pytest.fixture
def state_settings(tmp_path, monkeypatch, redis_server):  # noqa: F811
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    return Settings(data_dir=tmp_path / "data", pii_workers=0, state=redis_server.url, session_idle_seconds=IDLE,
                    state_timeout_seconds=1.0)


@pytest.fixture
async def shared(aiohttp_client, state_settings, admin_headers):
    client = await aiohttp_client(create_app(state_settings))
    answer = await client.put(f"/v1/sites/{SITE}", json={"block_selectors": ["#account-balance"]},
                              headers=admin_headers)
    assert answer.status in (200, 201)
    return client


@pytest.fixture
async def rconn(redis_server):  # noqa: F811
    connection = aioredis.Redis.from_url(redis_server.url)
    yield connection
    await connection.aclose()


async def post(client, session, events):
    return await client.post(f"/v1/sites/{SITE}/sessions/{session}/events", data=orjson.dumps(events),
                             headers={"Content-Type": "application/json"})


def password_page():
    field = element("input", {"type": "password", "name": "pw"})
    email = element("input", {"type": "email", "name": "email"})
    promo = element("input", {"type": "text", "name": "promo"})
    page = html_page(element("form", {}, [field, email, promo]))
    return page, field["id"], email["id"], promo["id"]


async def test_state_is_in_redis_under_the_session_hash_tag_with_the_idle_ttl(shared, rconn):
    page, field, _, promo = password_page()
    assert (await post(shared, "s-1", [meta(), snapshot(page)])).status == 202
    state_key, lock_key, _ = keys(SITE, "s-1")
    assert state_key == "redactor:{shop:s-1}:state"
    assert await rconn.exists(state_key) and not await rconn.exists(lock_key)  # the lock went with the batch
    assert 0 < await rconn.pttl(state_key) <= IDLE * 1000
    assert await rconn.hget(state_key, "seq") == b"1"
    # the next batch of this session learns from Redis which field is a password and which is
    # a plain promo field (without its state, both would be unknown nodes: masked, fail closed)
    answer = await post(shared, "s-1", [input_event(field, "hunter2-secret"), input_event(promo, "WINTER25 ")])
    assert answer.status == 202
    stored = await (await shared.get(f"/v1/sites/{SITE}/sessions/s-1/events",
                                     headers={"Authorization": "Bearer test-admin-token"})).json()
    assert "hunter2-secret" not in orjson.dumps(stored).decode()
    assert "WINTER25" in orjson.dumps(stored).decode()


async def test_only_what_changed_is_written(shared, rconn, redis_server):  # noqa: F811
    page, _, email, promo = password_page()
    state_key, _, changes_key = keys(SITE, "s-2")
    await post(shared, "s-2", [meta(), snapshot(page)])
    first = await rconn.hgetall(state_key)
    assert first[b"seq"] == first[b"mver"] == b"1" and not await rconn.exists(changes_key)
    # keystrokes and clicks change no structure and find no new PII: only the version moves
    await post(shared, "s-2", [*typing(promo, "WINTER25"), click(promo)])
    second = await rconn.hgetall(state_key)
    assert second[b"seq"] == b"2" and second[b"mver"] == b"1" and second[b"mirror"] == first[b"mirror"]
    # an e-mail typed in an e-mail field is PII: the taint (keyed hashes, in the mirror) grew, and
    # only that is written: a change after the whole mirror, which stays
    await post(shared, "s-2", typing(email, "lotte@voorbeeld.example"))
    third = await rconn.hgetall(state_key)
    assert third[b"seq"] == third[b"mver"] == b"3" and third[b"mirror"] == first[b"mirror"]
    changes = await rconn.lrange(changes_key, 0, -1)
    assert len(changes) == 1 and len(changes[0]) < len(first[b"mirror"])
    assert 0 < await rconn.pttl(changes_key) <= IDLE * 1000
    # another instance reads the whole mirror and the change after it: the taint is there
    other = RedisStates(redis_server.url, shared.server.app[SECRET])
    try:
        async with other.session(SITE, "s-2") as mirror:
            assert len(mirror.taint) > 0 and mirror.saved_as[2] == 1
    finally:
        await other.close()


async def test_redis_holds_ciphertext_only(shared, rconn, admin_headers):
    recording = recordings()[0]
    session = recording["sessionId"]
    for body in batches(recording):
        answer = await shared.post(f"/v1/sites/{SITE}/sessions/{session}/events", data=body,
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 202, await answer.text()
    values = []
    async for key in rconn.scan_iter("redactor:*"):
        if await rconn.type(key) == b"hash":
            values += (await rconn.hgetall(key)).values()
        elif await rconn.type(key) == b"list":
            values += await rconn.lrange(key, 0, -1)
        elif await rconn.type(key) == b"zset":  # a site's roster of live sessions: their ids
            values += await rconn.zrange(key, 0, -1)
        else:
            values.append(await rconn.get(key))
    raw = [v.decode("latin-1") for v in values if v]
    assert raw, "nothing in Redis"
    found = {p["field"]: leaks(raw, p["value"]) for p in planted(recording) if len(p["value"]) >= 5}
    assert not any(found.values()), found
    # and the real thing was there: the stored output was redacted with the state
    stored = await (await shared.get(f"/v1/sites/{SITE}/sessions/{session}/events", headers=admin_headers)).json()
    assert not any(leaks(stored, p["value"]) for p in planted(recording)
                   if p["category"] not in ("free_text", "quasi_identifier"))


async def test_redis_down_refuses_with_503_and_stores_nothing(shared, redis_server, admin_headers):  # noqa: F811
    page, field, _, _ = password_page()
    assert (await post(shared, "s-3", [meta(), snapshot(page)])).status == 202
    redis_server.stop()
    answer = await post(shared, "s-3", [input_event(field, "hunter2-secret")])
    assert answer.status == 503
    assert answer.headers["Retry-After"].isdigit()
    body = await answer.json()
    assert body["error"] == "state_unavailable" and body["detail"]
    ready = await shared.get("/readyz")
    assert ready.status == 503 and (await ready.json())["checks"]["state"] is False
    stored = await (await shared.get(f"/v1/sites/{SITE}/sessions/s-3/events", headers=admin_headers)).json()
    assert len(stored) == 2  # the refused batch was not stored
    # Redis back (empty: no persistence): the session starts over, and what it never saw is fail-closed
    redis_server.start()
    answer = await post(shared, "s-3", [input_event(field, "hunter2-secret")])
    assert answer.status == 202, await answer.text()
    stored = await (await shared.get(f"/v1/sites/{SITE}/sessions/s-3/events", headers=admin_headers)).json()
    assert "hunter2-secret" not in orjson.dumps(stored).decode()


async def test_the_first_batch_after_a_redis_restart_is_taken(shared, redis_server, admin_headers):  # noqa: F811
    """The pooled connections died with the old Redis: the first batch reconnects, not 503."""
    page, field, _, _ = password_page()
    assert (await post(shared, "s-9", [meta(), snapshot(page)])).status == 202
    redis_server.stop()
    redis_server.start()  # the same port, no request in between
    answer = await post(shared, "s-9", [input_event(field, "hunter2-secret")])
    assert answer.status == 202, await answer.text()
    assert (await shared.get("/readyz")).status == 200


async def test_a_write_after_the_state_moved_is_refused_and_the_new_state_is_read(redis_server, rconn):  # noqa: F811
    """Two processes' backends on one Redis. A's lease is lost (its lock deleted, as if it had
    stalled past it); B commits; A's commit must not overwrite B's state."""
    secret = b"k" * 32
    a, b = RedisStates(redis_server.url, secret), RedisStates(redis_server.url, secret)
    try:
        async with a.session(SITE, "s-4") as mirror:
            mirror.lang = "en"
            await a.commit(SITE, "s-4", mirror, 0)  # a batch number: something to keep (an empty mirror is not)
        with pytest.raises(StateMoved):
            async with a.session(SITE, "s-4") as mirror_a:
                await rconn.delete(keys(SITE, "s-4")[1])
                async with b.session(SITE, "s-4") as mirror_b:
                    assert mirror_b.lang == "en"
                    mirror_b.lang, mirror_b.dirty = "nl", True
                    await b.commit(SITE, "s-4", mirror_b)
                mirror_a.lang, mirror_a.dirty = "fr", True
                await a.commit(SITE, "s-4", mirror_a)
        assert await rconn.hget(keys(SITE, "s-4")[0], "seq") == b"2"
        async with a.session(SITE, "s-4") as mirror:  # A's stale copy is not used: it reads B's
            assert mirror.lang == "nl"
    finally:
        await a.close()
        await b.close()


async def test_a_write_on_a_state_redis_lost_meanwhile_is_refused(redis_server, rconn):  # noqa: F811
    """A's batch read the session at version 1; Redis lost it (FLUSHALL, its lock too) and B created
    it anew, at version 1 again. A's commit must not overwrite B's state: its epoch is another."""
    secret = b"k" * 32
    a, b = RedisStates(redis_server.url, secret), RedisStates(redis_server.url, secret)
    try:
        async with a.session(SITE, "s-4e") as mirror:
            mirror.lang = "en"
            await a.commit(SITE, "s-4e", mirror, 0)
        with pytest.raises(StateMoved):
            async with a.session(SITE, "s-4e") as mirror_a:
                await rconn.flushall()
                async with b.session(SITE, "s-4e") as mirror_b:
                    mirror_b.lang = "nl"
                    await b.commit(SITE, "s-4e", mirror_b, 0)
                mirror_a.lang, mirror_a.dirty = "fr", True
                await a.commit(SITE, "s-4e", mirror_a, 1)
        async with a.session(SITE, "s-4e") as mirror:
            assert mirror.lang == "nl"
    finally:
        await a.close()
        await b.close()


async def test_a_session_held_by_another_process_waits(redis_server):  # noqa: F811
    """The lock: B's batch starts only when A's is done, and sees what A taught the mirror."""
    secret = b"k" * 32
    a, b = RedisStates(redis_server.url, secret), RedisStates(redis_server.url, secret)
    order = []
    try:
        async def first():
            async with a.session(SITE, "s-5") as mirror:
                order.append("a in")
                await asyncio.sleep(0.3)
                mirror.lang = "fr"
                await a.commit(SITE, "s-5", mirror, 0)
                order.append("a out")

        async def second():
            await asyncio.sleep(0.05)
            async with b.session(SITE, "s-5") as mirror:
                order.append(f"b in {mirror.lang}")
                await b.commit(SITE, "s-5", mirror)

        await asyncio.gather(first(), second())
        assert order == ["a in", "a out", "b in fr"]
    finally:
        await a.close()
        await b.close()


async def test_a_blob_cannot_be_moved_to_another_session(redis_server, rconn):  # noqa: F811
    """The seal is bound to its key: a blob copied under another session fails, it is not used."""
    states = RedisStates(redis_server.url, b"k" * 32)
    try:
        async with states.session(SITE, "s-6") as mirror:
            await states.commit(SITE, "s-6", mirror, 0)
        await rconn.copy(keys(SITE, "s-6")[0], keys(SITE, "s-7")[0])
        with pytest.raises(StateUnavailable) as error:
            async with states.session(SITE, "s-7"):
                pass
        assert error.value.code == "state_unreadable"
    finally:
        await states.close()


async def test_an_instance_with_another_secret_cannot_read_the_state(redis_server):  # noqa: F811
    """Instances on one Redis must share the server secret: one that does not is told so (503), and
    does not redact the batch without its state."""
    ours, theirs = RedisStates(redis_server.url, b"k" * 32), RedisStates(redis_server.url, b"x" * 32)
    try:
        async with ours.session(SITE, "s-8") as mirror:
            await ours.commit(SITE, "s-8", mirror, 0)
        with pytest.raises(StateUnavailable) as error:
            async with theirs.session(SITE, "s-8"):
                pass
        assert "secret.key" in error.value.detail
    finally:
        await ours.close()
        await theirs.close()


async def test_erasing_a_session_erases_its_state(shared, rconn, admin_headers):
    page, _, _, _ = password_page()
    assert (await post(shared, "s-9", [meta(), snapshot(page)])).status == 202
    assert await rconn.exists(keys(SITE, "s-9")[0])
    answer = await shared.delete(f"/v1/sites/{SITE}/sessions/s-9", headers=admin_headers)
    assert answer.status == 204
    while await rconn.exists(keys(SITE, "s-9")[0]):  # deleted in the background (forget() is sync)
        await asyncio.sleep(0.02)


#: the instances of the secret tests: what they prove is where the secret comes from, before anything is
#: redacted, so they load no NER model (half of each start: with it, these seven starts took 25 s more)
NO_MODELS = {"REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false"}


def test_a_new_instance_takes_the_deployments_secret_one_with_another_refuses(tmp_path, redis_server):  # noqa: F811
    """Real `redactor serve` processes on one Redis of this machine. A second instance with a data
    directory of its own joins: it takes the secret the first published. One whose data directory made another secret
    before, and one given another secret_file, refuse to start and say what to fix."""
    import redis as sync_redis

    from conftest import start_serve

    env = NO_MODELS
    alone = start_serve(tmp_path / "alone" / "data", env=env, timeout=240)  # another secret, made before
    alone.stop()
    first = start_serve(tmp_path / "one" / "data", "--state", redis_server.url, env=env, timeout=240)
    try:
        second = start_serve(tmp_path / "two" / "data", "--state", redis_server.url, env=env, timeout=240)
        second.stop()
        secret = (tmp_path / "one" / "data" / "secret.key").read_bytes()
        assert (tmp_path / "two" / "data" / "secret.key").read_bytes() == secret
        assert sync_redis.Redis.from_url(redis_server.url).get("redactor:secret") == secret
        with pytest.raises(RuntimeError) as error:
            start_serve(tmp_path / "alone" / "data", "--state", redis_server.url, env=env, timeout=240)
        assert "same secret" in str(error.value)
        other = tmp_path / "other.key"
        other.write_bytes(b"k" * 32)
        with pytest.raises(RuntimeError) as error:
            start_serve(tmp_path / "three" / "data", "--state", redis_server.url,
                        env={**env, "REDACTOR_SECRET_FILE": str(other)}, timeout=240)
        assert "same secret" in str(error.value)
    finally:
        first.stop()


@pytest.mark.parametrize("url, here", [("redis://127.0.0.1:6379/0", True), ("redis://localhost/1", True),
                                       ("redis://[::1]:6379", True), ("unix:///run/redis.sock", True),
                                       ("redis://10.0.0.20:6379/0", False), ("rediss://redis.internal:6380", False),
                                       ("redis://192.0.2.7", False)])
def test_a_secret_is_published_only_on_a_redis_of_this_machine(url, here):
    """Other machines reach a Redis on a network address: the key that seals its state, and the
    keyed hashes of what visitors typed, must not be found there together."""
    from redactor.state_redis import on_this_host

    assert on_this_host(url) is here


def test_with_a_secret_file_nothing_is_published(tmp_path, redis_server):  # noqa: F811
    """The hardened deployment: every instance is given the file; the secret never goes to Redis."""
    import redis as sync_redis

    from conftest import start_serve

    shared = tmp_path / "deployment.key"
    shared.write_bytes(b"s" * 32)
    env = {**NO_MODELS, "REDACTOR_SECRET_FILE": str(shared)}
    first = start_serve(tmp_path / "one" / "data", "--state", redis_server.url, env=env, timeout=240)
    try:
        second = start_serve(tmp_path / "two" / "data", "--state", redis_server.url, env=env, timeout=240)
        second.stop()
        assert sync_redis.Redis.from_url(redis_server.url).get("redactor:secret") is None
    finally:
        first.stop()


async def test_a_redis_that_stops_answering_is_a_503_not_a_hang(shared, redis_server):  # noqa: F811
    """SIGSTOP: the socket stays open and nothing answers; state_timeout_seconds bounds the wait."""
    page, field, _, _ = password_page()
    assert (await post(shared, "s-10", [meta(), snapshot(page)])).status == 202
    redis_server.process.send_signal(signal.SIGSTOP)
    try:
        answer = await post(shared, "s-10", [input_event(field, "hunter2-secret")])
        assert answer.status == 503
        assert (await answer.json())["error"] == "state_unavailable" and "Retry-After" in answer.headers
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    answer = await post(shared, "s-10", [input_event(field, "hunter2-secret")])
    assert answer.status == 202, await answer.text()


async def _apps_on_one_redis(aiohttp_client, tmp_path, redis_server, admin_headers, **settings):  # noqa: F811
    """Two apps (two state backends, two Redis clients) with one secret, as two instances."""
    secret = tmp_path / "deployment.key"
    secret.write_bytes(b"s" * 32)
    apps = []
    for name in ("a", "b"):
        client = await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                          state=redis_server.url, secret_file=secret, **settings)))
        assert (await client.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status in (200, 201)
        apps.append(client)
    return apps


async def test_concurrent_batches_of_one_session_on_two_apps_are_taken_one_at_a_time(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Two apps (two state backends, two Redis clients) with one secret: a session's batches sent
    all at once to both are each redacted once, one after the other: the version counts them all."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    apps = await _apps_on_one_redis(aiohttp_client, tmp_path, redis_server, admin_headers)
    page, field, _, promo = password_page()
    assert (await post(apps[0], "s-11", [meta(), snapshot(page)])).status == 202
    answers = await asyncio.gather(*(post(apps[i % 2], "s-11", [input_event(field, f"secret-{i:02d}"),
                                                               input_event(promo, "WINTER25 ")])
                                     for i in range(20)))
    assert [a.status for a in answers] == [202] * 20
    connection = aioredis.Redis.from_url(redis_server.url)
    try:
        assert await connection.hget(keys(SITE, "s-11")[0], "seq") == b"21"
    finally:
        await connection.aclose()
    for app in apps:
        stored = orjson.dumps(await (await app.get(f"/v1/sites/{SITE}/sessions/s-11/events",
                                                   headers=admin_headers)).json()).decode()
        assert "secret-" not in stored and "WINTER25" in stored  # every batch had the state


async def test_a_site_made_or_changed_on_one_instance_applies_on_the_other(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Two apps on one Redis, each with a store of its own: the site is made on A only, and B takes
    B's share of the session's batches from the first one on; a selector added through A blocks on
    B at B's next batch, and B's store audits the change under the author who made it on A."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = [await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                     state=redis_server.url))) for name in ("a", "b")]
    assert (await a.put(f"/v1/sites/{SITE}", json={"block_selectors": ["#saldo"]}, headers=admin_headers)).status == 201
    balance = element("p", {"id": "saldo"}, [text("Saldo 1.234,56")])
    notes = element("div", {"id": "notities"})
    assert (await post(b, "s-30", [meta(), snapshot(html_page(balance, notes))])).status == 202
    answer = await a.post(f"/v1/sites/{SITE}/blocklist", json={"selector": "#notities"}, headers=admin_headers)
    assert answer.status == 200
    note = element("p", {}, [text("Bel Zwaantje terug")])
    assert (await post(b, "s-30", [mutation(adds=[add(notes["id"], note)])])).status == 202
    stored = orjson.dumps(await (await b.get(f"/v1/sites/{SITE}/sessions/s-30/events",
                                             headers=admin_headers)).json()).decode()
    assert "1.234,56" not in stored and "Zwaantje" not in stored
    audit = await (await b.get(f"/v1/sites/{SITE}/audit", headers=admin_headers)).json()
    changes = [(entry["author"], entry["action"]) for entry in audit if entry["action"] != "read_session"]
    assert changes == [("admin", "shared_site")] * 2


def _instances(aiohttp_client, tmp_path, redis_server):  # noqa: F811
    """instance(name): an app on the Redis with a data directory of its own, named (one started again on
    the same name has the same store, as an instance restarted)."""
    async def instance(name):
        return await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                        state=redis_server.url)))
    return instance


async def test_a_token_made_or_revoked_on_one_instance_is_so_on_every_other(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Tokens are one truth too: one made on A opens B's admin API from B's next request on (B's
    store audits it under its author), one revoked through B is refused by A, and an instance that
    was down while it was revoked neither takes it back at start nor publishes it again."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    instance = _instances(aiohttp_client, tmp_path, redis_server)

    a, b, c = [await instance(name) for name in "abc"]
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    answer = await a.post("/v1/tokens", json={"name": "alice", "role": "editor", "sites": [SITE]},
                          headers=admin_headers)
    assert answer.status == 201, await answer.text()
    alice = {"Authorization": f"Bearer {(await answer.json())['token']}"}
    for instance_ in (b, c):
        assert (await instance_.get(f"/v1/sites/{SITE}", headers=alice)).status == 200
    audit = await (await b.get("/v1/audit", headers=admin_headers)).json()
    assert [(e["author"], e["action"], e["after"]["name"]) for e in audit if "token" in e["action"]] == [
        ("admin", "shared_token", "alice")]
    await c.close()  # down while alice is revoked

    assert (await b.delete("/v1/tokens/alice", headers=admin_headers)).status == 204
    assert (await a.get(f"/v1/sites/{SITE}", headers=alice)).status == 401
    assert (await b.get(f"/v1/sites/{SITE}", headers=alice)).status == 401
    back = await instance("c")
    assert (await back.get(f"/v1/sites/{SITE}", headers=alice)).status == 401
    assert (await a.get(f"/v1/sites/{SITE}", headers=alice)).status == 401  # not published again by c
    audit = await (await back.get("/v1/audit", headers=admin_headers)).json()
    assert [(e["author"], e["action"]) for e in audit if e["site"] is None] == [
        ("admin", "shared_token"), ("admin", "shared_revoke")]


async def test_a_session_erased_through_one_instance_is_erased_from_every_instances_store(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Right to erasure across instances with stores of their own: the session's batches went to A and
    to B, the erasure came through A; B's store holds none of it from B's next request on (audited under
    the author who erased it), and so does an instance that was down meanwhile, once it starts."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    instance = _instances(aiohttp_client, tmp_path, redis_server)

    a, b, c = [await instance(name) for name in "abc"]
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    page, _, _, promo = password_page()
    assert (await post(a, "s-40", [meta(), snapshot(page)])).status == 202
    assert (await post(b, "s-40", [input_event(promo, "WINTER25 ")])).status == 202
    assert (await post(c, "s-40", [input_event(promo, "SUMMER25 ")])).status == 202
    await c.close()
    assert (await b.get(f"/v1/sites/{SITE}/sessions/s-40/events", headers=admin_headers)).status == 200
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-40", headers=admin_headers)).status == 204
    for erased in (a, b, await instance("c")):
        assert (await erased.get(f"/v1/sites/{SITE}/sessions/s-40/events", headers=admin_headers)).status == 404
        audit = await (await erased.get(f"/v1/sites/{SITE}/audit", headers=admin_headers)).json()
        assert [e["action"] for e in audit if "erase" in e["action"]] == [
            "erase_session" if erased is a else "shared_erase"]
    for name in "abc":  # not a byte of it left in any store
        assert b"WINTER25" not in b"".join(path.read_bytes() for path in (tmp_path / name).rglob("*") if path.is_file())


async def test_a_token_change_redis_cannot_share_is_refused_and_can_be_sent_again(shared, redis_server,  # noqa: F811
                                                                                   admin_headers):
    """Redis down: a token made is refused with 503 and not left live here alone (nobody was given
    it); a revoke is refused with 503 and not made here either, so that sending it again works."""
    made = await shared.post("/v1/tokens", json={"name": "bob", "role": "viewer", "sites": [SITE]},
                             headers=admin_headers)
    assert made.status == 201
    bob = {"Authorization": f"Bearer {(await made.json())['token']}"}
    redis_server.stop()
    refused = await shared.post("/v1/tokens", json={"name": "carol", "role": "viewer", "sites": [SITE]},
                                headers=admin_headers)
    assert refused.status == 503 and "Retry-After" in refused.headers
    assert "token" not in await refused.json()
    assert (await shared.delete("/v1/tokens/bob", headers=admin_headers)).status == 503
    redis_server.start()
    assert (await shared.get(f"/v1/sites/{SITE}", headers=bob)).status == 200  # the revoke was not made
    assert (await shared.delete("/v1/tokens/bob", headers=admin_headers)).status == 204
    assert (await shared.get(f"/v1/sites/{SITE}", headers=bob)).status == 401
    assert (await shared.post("/v1/tokens", json={"name": "carol", "role": "viewer", "sites": [SITE]},
                              headers=admin_headers)).status == 201  # the name is free: nothing was left


async def test_a_site_made_on_one_of_two_instances_sharing_a_data_directory_applies_on_both(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Two instances (not --workers children) on one Redis and one data directory: the site made
    through A is in the store B reads too, and B compiles it from its next request on."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = [await aiohttp_client(create_app(Settings(data_dir=tmp_path / "data", pii_workers=0, ner=False,
                                                     state=redis_server.url))) for _ in range(2)]
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    assert (await post(b, "s-31", [meta(), snapshot(html_page())])).status == 202


async def test_a_batch_committed_but_not_delivered_is_redone_when_sent_again(redis_server, rconn):  # noqa: F811
    """Its number stays pending until the batch was stored or forwarded: a process killed in
    between (here: A's block raises after the commit) leaves it pending, and a resend of that
    batch is redacted again, not taken for a duplicate (nothing lost), even after the session's
    next batch went through another process (B) meanwhile. Delivered, it is one."""
    from redactor.sessions import Order, batch_order, take_seq

    a, b = RedisStates(redis_server.url, b"k" * 32), RedisStates(redis_server.url, b"k" * 32)
    try:
        with pytest.raises(ConnectionResetError):
            async with a.session(SITE, "s-12") as mirror:
                take_seq(mirror, 0, "d0")
                await a.commit(SITE, "s-12", mirror, 0)
                raise ConnectionResetError("the collector went away before the batch was forwarded")
        async with b.session(SITE, "s-12") as mirror:  # the next batch, through another process
            assert batch_order(mirror, 1, "d1") is Order.NEXT
            take_seq(mirror, 1, "d1")
            await b.commit(SITE, "s-12", mirror, 1)
        async with b.session(SITE, "s-12") as mirror:
            assert mirror.last_seq == 1 and batch_order(mirror, 0, "d0") is Order.NEXT  # redone
            assert batch_order(mirror, 1, "d1") is Order.DUPLICATE  # delivered
            assert not take_seq(mirror, 0, "d0")  # its number was taken at its first commit
            await b.commit(SITE, "s-12", mirror, 0)
        async with a.session(SITE, "s-12") as mirror:
            assert mirror.last_seq == 1 and mirror.missing_seqs == []
            assert batch_order(mirror, 0, "d0") is Order.DUPLICATE and batch_order(mirror, 2, "d2") is Order.NEXT
        assert not await rconn.exists(more_keys(SITE, "s-12")[2])  # nothing pending is left
    finally:
        await a.close()
        await b.close()


async def test_a_delivered_batch_whose_lock_expired_is_not_pending(redis_server, rconn):  # noqa: F811
    """A batch delivered after its lock expired (a stalled loop, a Redis blip while renewing): its
    number leaves the pending set all the same, so its resend after the next batch is a duplicate,
    as on a single instance, not redacted and forwarded a second time."""
    from redactor.sessions import Order, batch_order, take_seq

    a = RedisStates(redis_server.url, b"k" * 32)
    try:
        async with a.session(SITE, "s-17") as mirror:
            take_seq(mirror, 0, "d0")
            await a.commit(SITE, "s-17", mirror, 0)
            await rconn.delete(keys(SITE, "s-17")[1])  # the lock expired under the batch
        async with a.session(SITE, "s-17") as mirror:
            assert batch_order(mirror, 1, "d1") is Order.NEXT
            take_seq(mirror, 1, "d1")
            await a.commit(SITE, "s-17", mirror, 1)
        async with a.session(SITE, "s-17") as mirror:
            assert batch_order(mirror, 0, "d0") is Order.DUPLICATE
        assert not await rconn.exists(more_keys(SITE, "s-17")[2])
    finally:
        await a.close()


async def test_a_recount_is_not_held_up_by_a_number_left_pending_by_the_count_before(redis_server, rconn):  # noqa: F811
    """Batch 5's process died after its commit and the recorder never sent it again (it reloaded):
    5 stays pending. The recorder counts again from 0 (the same session id): its own batch 5 is
    taken as the next number, so its 6 and 7 are next too, not ahead of a 5 taken for missing."""
    from redactor.sessions import Order, batch_order, take_seq

    a = RedisStates(redis_server.url, b"k" * 32)
    try:
        for n in range(8):  # the first count
            with pytest.raises(ConnectionResetError) if n == 5 else contextlib.nullcontext():
                async with a.session(SITE, "s-18") as mirror:
                    take_seq(mirror, n, f"a{n}")
                    await a.commit(SITE, "s-18", mirror, n)
                    if n == 5:
                        raise ConnectionResetError("the process died before the batch was forwarded")
        orders = []
        for n in range(8):  # the count again from 0, other bodies
            async with a.session(SITE, "s-18") as mirror:
                orders.append(batch_order(mirror, n, f"b{n}"))
                take_seq(mirror, n, f"b{n}")
                await a.commit(SITE, "s-18", mirror, n)
        assert orders == [Order.NEXT] * 8
        async with a.session(SITE, "s-18") as mirror:
            assert mirror.last_seq == 7 and mirror.missing_seqs == [] and not mirror.pending_seqs
    finally:
        await a.close()


# -- a refused batch, and a session idle past its TTL: as in process ----------------------------
def _page(href: str, field: dict) -> list:
    """A page whose node 4 is the given field (rrweb numbers every page's nodes from 1)."""
    body = element("body", {}, [element("form", {}, [field], id=3)], id=2)
    return [meta(href), snapshot({"type": 0, "childNodes": [element("html", {}, [body], id=1)], "id": 9})]


def _numbered(session: str, n: int, events: list) -> bytes:
    mark = {"type": 5, "data": {"tag": "batch", "payload": {"recording": session, "n": n}},
            "timestamp": events[-1]["timestamp"]}
    return orjson.dumps({"seq": n, "events": [*events, mark]})


def _refused_bodies() -> list[bytes]:
    return [_numbered("s-r", 0, _page("https://shop.example/a", element("input", {"type": "password"}, id=4))),
            _numbered("s-r", 1, _page("https://shop.example/b", element("input", {"type": "text", "value": "WINTER25"},
                                                                         id=4))),
            _numbered("s-r", 2, [input_event(4, "WINTER25 KORTING")])]


async def _refused_then_sent_again(aiohttp_client, tmp_path, name: str, bodies: list[bytes], **state) -> list:
    """Batch 1 (another page, whose node 4 is a plain field showing WINTER25) and batch 2 are
    refused by the collector; once it is back, both are sent again. What the collector got."""
    from test_upstream import FakeCollector, site_settings

    collector = await FakeCollector().start()
    try:
        settings = site_settings(tmp_path / name, collector.url, batch_gap_wait_seconds=0.05, **state)
        client = await aiohttp_client(create_app(settings))
        url = f"/v1/sites/{SITE}/sessions/s-r/events"
        assert (await client.post(url, data=bodies[0])).status == 200
        collector.mode = "reject"
        for body in bodies[1:]:
            assert (await client.post(url, data=body)).status == 400
        collector.mode = "ok"
        for body in bodies[1:]:
            answer = await client.post(url, data=body)
            assert answer.status == 200 and not (await answer.json()).get("duplicate"), await answer.text()
        assert collector.markers() == {"s-r": [0, 1, 2]}
        return [request["json"] for request in collector.received]
    finally:
        await collector.stop()


async def test_a_batch_the_collector_refused_is_taken_when_sent_again_as_in_process(
        aiohttp_client, tmp_path, monkeypatch, redis_server):  # noqa: F811
    """Its state was committed before the collector answered: refused, that commit is undone, so
    its number is free again and the batch is redone on the state before it (here: a new page,
    whose own snapshot is judged by its own markers), as the in-process state does."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    bodies = _refused_bodies()
    alone = await _refused_then_sent_again(aiohttp_client, tmp_path, "one", bodies)
    on_redis = await _refused_then_sent_again(aiohttp_client, tmp_path, "on-redis", bodies, state=redis_server.url)
    assert on_redis == alone
    assert "WINTER25" in orjson.dumps(alone).decode()  # the new page's plain field: the test shows something


async def test_a_session_idle_past_its_ttl_keeps_what_protects_it(aiohttp_client, tmp_path, monkeypatch,
                                                                   redis_server, rconn, admin_headers):  # noqa: F811
    """The state expires after session_idle_seconds, but the session id lives on: a password field
    shown as text in a later snapshot ("show password") is still masked, as in process (where the
    store keeps the state), and a batch taken before is still a duplicate."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    settings = Settings(data_dir=tmp_path / "data", pii_workers=0, state=redis_server.url, session_idle_seconds=1)
    client = await aiohttp_client(create_app(settings))
    assert (await client.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status in (200, 201)
    url = f"/v1/sites/{SITE}/sessions/s-ttl/events"
    first = _numbered("s-ttl", 0, [*_page("https://shop.example/login", element("input", {"type": "password"}, id=4)),
                                   input_event(4, "*******")])
    assert (await client.post(url, data=first)).status == 202
    state_key = keys(SITE, "s-ttl")[0]
    while await rconn.exists(state_key):  # idle past the TTL
        await asyncio.sleep(0.1)
    shown = _page("https://shop.example/login", element("input", {"type": "text", "value": "Zomer2024kaas"}, id=4))
    assert (await client.post(url, data=_numbered("s-ttl", 1, shown))).status == 202
    stored = orjson.dumps(await (await client.get(url, headers=admin_headers)).json()).decode()
    assert "Zomer2024kaas" not in stored
    again = await client.post(url, data=first)
    assert (await again.json()).get("duplicate") is True


async def test_a_local_copy_of_a_state_redis_lost_is_not_taken_for_the_new_one(
        aiohttp_client, tmp_path, monkeypatch, redis_server, rconn, admin_headers):  # noqa: F811
    """Redis lost the session's state (restarted empty, FLUSHALL; an idle expiry alike): its version
    starts again from 0. A's local copy of the old page (node 4 a search box) must not pass for
    B's new state at the same version (node 4 a password field): the state's epoch tells them apart."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = await _apps_on_one_redis(aiohttp_client, tmp_path, redis_server, admin_headers)
    assert (await post(a, "s-aba", _page("https://shop.example/search",
                                         element("input", {"type": "search", "name": "q"}, id=4)))).status == 202
    await rconn.flushall()
    assert (await post(b, "s-aba", _page("https://shop.example/login",
                                         element("input", {"type": "password", "name": "pw"}, id=4)))).status == 202
    assert (await post(a, "s-aba", [input_event(4, "Hunter2Secret!")])).status == 202
    stored = await (await a.get(f"/v1/sites/{SITE}/sessions/s-aba/events", headers=admin_headers)).json()
    assert stored and "Hunter2" not in orjson.dumps(stored).decode()


async def test_an_undone_commit_puts_back_the_mirror_its_changes_and_what_was_kept(redis_server, rconn):  # noqa: F811
    """Two batches delivered (a whole mirror and a change after it), then one refused after a whole
    commit: Redis holds again exactly what it held before that commit, version aside."""
    from redactor.policy import Policy, SiteConfig
    from redactor.sessions import take_seq

    states = RedisStates(redis_server.url, b"k" * 32)
    state_key, _, changes_key = keys(SITE, "s-u")
    kept_key, undo_key, _ = more_keys(SITE, "s-u")
    try:
        policy = Policy.compile(SITE, SiteConfig())
        for n in range(2):
            async with states.session(SITE, "s-u") as mirror:
                if n == 0:
                    mirror.insert_tree(password_page()[0], None, policy)
                take_seq(mirror, n)
                await states.commit(SITE, "s-u", mirror, n)
        before = (await rconn.hgetall(state_key), await rconn.lrange(changes_key, 0, -1), await rconn.get(kept_key))
        assert before[1] and before[2]
        async with states.session(SITE, "s-u") as mirror:
            mirror.reset()  # a new snapshot: the mirror is written whole
            mirror.sticky[99] = (1, "test")
            take_seq(mirror, 2)
            await states.commit(SITE, "s-u", mirror, 2)
            assert await rconn.hget(state_key, "mirror") != before[0][b"mirror"]
            states.discard(SITE, "s-u")
        after = (await rconn.hgetall(state_key), await rconn.lrange(changes_key, 0, -1), await rconn.get(kept_key))
        assert {k: v for k, v in after[0].items() if k != b"seq"} == {k: v for k, v in before[0].items() if k != b"seq"}
        assert after[1:] == before[1:] and not await rconn.exists(undo_key)
        async with states.session(SITE, "s-u") as mirror:
            assert mirror.last_seq == 1 and 99 not in mirror.sticky
    finally:
        await states.close()


async def test_a_batch_whose_other_session_moved_undoes_the_commit_of_the_first(redis_server, rconn):  # noqa: F811
    """A body of two sessions (a PostHog batch): the first is committed, the second's state moved
    meanwhile. The batch is redone from its decoding (StateMoved), nothing of it left: the first
    session's commit is undone, so the redo finds the state before it, not its own."""
    from redactor.sessions import take_seq

    states = RedisStates(redis_server.url, b"k" * 32)
    try:
        async with states.session(SITE, "s-a") as mirror:
            take_seq(mirror, 0)
            await states.commit(SITE, "s-a", mirror, 0)
        with pytest.raises(StateMoved):
            async with states.session(SITE, "s-a") as mirror:
                take_seq(mirror, 1)
                await states.commit(SITE, "s-a", mirror, 1)
                raise StateMoved()  # as the commit of the batch's other session raises it
        async with states.session(SITE, "s-a") as mirror:
            assert mirror.last_seq == 0 and not mirror.pending_seqs
    finally:
        await states.close()


async def test_what_protects_a_session_lives_no_longer_than_its_sites_retention(aiohttp_client, tmp_path, monkeypatch,
                                                                                   redis_server, rconn, admin_headers):  # noqa: F811
    """`kept` outlives the idle state (state_keep_seconds, 30 days), but never the site's retention_days:
    in front of a collector (--upstream) no store erases the session, so Redis must let it go."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    settings = Settings(data_dir=tmp_path / "data", pii_workers=0, state=redis_server.url)
    client = await aiohttp_client(create_app(settings))
    for site, config in (("kept-long", {}), ("kept-short", {"retention_days": 2})):
        assert (await client.put(f"/v1/sites/{site}", json=config, headers=admin_headers)).status in (200, 201)
        body = _numbered("s-keep", 0, [*_page("https://shop.example/login", element("input", {"type": "password"}, id=4)),
                                       input_event(4, "*******")])
        assert (await client.post(f"/v1/sites/{site}/sessions/s-keep/events", data=body)).status == 202
    day_ms = 86_400_000
    assert 29 * day_ms < await rconn.pttl(more_keys("kept-long", "s-keep")[0]) <= 30 * day_ms
    assert day_ms < await rconn.pttl(more_keys("kept-short", "s-keep")[0]) <= 2 * day_ms


async def test_another_batch_under_a_number_taken_is_stored_on_shared_state(shared, admin_headers):
    """The digests of the batches taken go with the session's state on Redis: a reload counting
    again with older event times is stored, its resend is a no-op."""
    def numbered(seq: int, at: int, href: str) -> bytes:
        events = [meta(href), snapshot(html_page(element("p", {}, [])))]
        for event, shift in zip(events, (0, 1)):
            event["timestamp"] = at + shift
        return orjson.dumps({"seq": seq, "events": events})

    async def send(body: bytes) -> dict:
        answer = await shared.post(f"/v1/sites/{SITE}/sessions/s-8/events", data=body,
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 202, await answer.text()
        return await answer.json()

    start = 1_800_000_000_000
    assert (await send(numbered(0, start, "https://shop.example/a")))["stored"] == 2
    assert (await send(numbered(1, start + 60_000, "https://shop.example/b")))["stored"] == 2
    reloaded = numbered(0, start + 30_000, "https://shop.example/c")
    assert (await send(reloaded))["stored"] == 2
    assert (await send(reloaded))["duplicate"]
    stored = await (await shared.get(f"/v1/sites/{SITE}/sessions/s-8/events", headers=admin_headers)).json()
    assert len(stored) == 6


async def test_a_session_whose_state_vanished_is_counted_and_logged_with_its_site_only(shared, rconn, caplog):
    """Redis evicted or lost a live session's state and what was kept of it: its next batch is
    redacted fail closed (the session marked lost: the test below); operators see it in a metric and
    a WARNING that names the site, never the session."""
    page, _, _, promo = password_page()
    for seq, events in enumerate(([meta(), snapshot(page)], [input_event(promo, "ZOMER26")])):
        answer = await shared.post(f"/v1/sites/{SITE}/sessions/gone-7/events",
                                   data=orjson.dumps({"seq": seq, "events": events}),
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 202, await answer.text()
    assert 'redactor_session_state_lost_total 0.0' in await (await shared.get("/metrics")).text()
    state_key, _, changes_key = keys(SITE, "gone-7")
    kept_key, _, _ = more_keys(SITE, "gone-7")
    assert await rconn.delete(state_key, changes_key, kept_key) >= 2  # as an eviction or a restart without persistence leaves it
    with caplog.at_level(logging.WARNING, logger="redactor"):
        answer = await shared.post(f"/v1/sites/{SITE}/sessions/gone-7/events",
                                   data=orjson.dumps({"seq": 2, "events": [input_event(promo, "ZOMER26!")]}),
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 202, await answer.text()
    assert 'redactor_session_state_lost_total 1.0' in await (await shared.get("/metrics")).text()
    warnings = [record.getMessage() for record in caplog.records if "no state for their session" in record.getMessage()]
    assert warnings and all(SITE in message and "gone-7" not in message for message in warnings)


async def test_live_sessions_of_a_site_are_bounded_across_instances(aiohttp_client, tmp_path, monkeypatch,
                                                                     redis_server, rconn, admin_headers):  # noqa: F811
    """max_sessions_per_site holds for the site on the shared state, whichever instance a session
    lands on: one site opening sessions by the thousand cannot fill Redis, nor keep another site out."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    one, two = await _apps_on_one_redis(aiohttp_client, tmp_path, redis_server, admin_headers,
                                        max_sessions_per_site=2, session_idle_seconds=IDLE)
    assert (await two.put("/v1/sites/other", json={}, headers=admin_headers)).status in (200, 201)
    page, _, _, _ = password_page()
    assert (await post(one, "s-1", [meta(), snapshot(page)])).status == 202
    assert (await post(two, "s-2", [meta(), snapshot(page)])).status == 202
    await _placed_for_the_idle_timeout(rconn, "s-1", "s-2")
    answer = await post(one, "s-3", [meta(), snapshot(page)])
    assert answer.status == 429 and (await answer.json())["error"] == "too_many_sessions"
    assert IDLE - 30 <= int(answer.headers["Retry-After"]) <= IDLE  # until the first idles out
    assert not await rconn.exists(keys(SITE, "s-3")[0])  # refused before anything of it was written
    assert (await post(two, "s-1", [click(1)])).status == 202  # a live session goes on, on either instance
    answer = await two.post("/v1/sites/other/sessions/s-3/events", data=orjson.dumps([meta(), snapshot(page)]))
    assert answer.status == 202  # another site is not held
    assert (await two.delete(f"/v1/sites/{SITE}/sessions/s-2", headers=admin_headers)).status == 204  # its store
    while True:  # erased: its place is given back (in the background: forget() is sync)
        answer = await post(two, "s-3", [meta(), snapshot(page)])
        if answer.status == 202:
            break
        assert answer.status == 429
        await asyncio.sleep(0.05)


async def test_made_up_sessions_give_their_place_back_and_keep_nothing_for_long_on_redis(
        aiohttp_client, tmp_path, monkeypatch, redis_server, rconn, admin_headers):  # noqa: F811
    """A session without a page holds its place session_probation_seconds, not the idle timeout, and
    what is kept of it lives no longer than its state; a session with a page keeps both. (The loop
    below polls what the server says, with a deadline: not a timing test.)"""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    one, two = await _apps_on_one_redis(aiohttp_client, tmp_path, redis_server, admin_headers,
                                        max_sessions_per_site=2, session_probation_seconds=1,
                                        session_idle_seconds=IDLE)
    page, _, _, _ = password_page()
    assert (await post(one, "real", [meta(), snapshot(page)])).status == 202
    assert (await post(two, "fake", [meta()])).status == 202
    kept_real, kept_fake = more_keys(SITE, "real")[0], more_keys(SITE, "fake")[0]
    assert await rconn.pttl(kept_real) > IDLE * 1000  # state_keep_seconds: what protects a real visitor
    # a made-up one leaves nothing for a month: nothing at all when it holds nothing (-2: no key),
    # else for as long as its place (session_probation_seconds)
    assert await rconn.pttl(kept_fake) <= 1000
    await _placed_for_the_idle_timeout(rconn, "real")
    answer = await post(one, "real2", [meta(), snapshot(page)])
    assert answer.status == 429 and int(answer.headers["Retry-After"]) <= 1  # the probation, not the idle timeout
    deadline = asyncio.get_running_loop().time() + 60
    while answer.status == 429:
        assert asyncio.get_running_loop().time() < deadline, "the made-up session never gave its place back"
        await asyncio.sleep(int(answer.headers["Retry-After"]))
        answer = await post(one, "real2", [meta(), snapshot(page)])
    assert answer.status == 202
    await _placed_for_the_idle_timeout(rconn, "real2")
    answer = await post(two, "fake2", [meta()])  # the two with a page keep their places
    assert answer.status == 429 and int(answer.headers["Retry-After"]) > 60


async def _placed_for_the_idle_timeout(rconn, *sessions):
    """Waits for the sessions' places to be kept for the idle timeout: written after each batch, in
    the background (a batch does not wait for the roster)."""
    from redactor.state_redis import roster_key

    for session in sessions:
        while ((await rconn.zscore(roster_key(SITE), session)) or 0) < (await rconn.time())[0] * 1000 + 60_000:
            await asyncio.sleep(0.02)


async def test_what_holds_nothing_leaves_no_key_and_a_pageless_session_none_past_its_place(shared, rconn):
    """Analytics-like batches under made-up session ids gave their roster place back at once, but
    left a :state and a :kept key each for the idle timeout (~2 KB a session, 30 minutes); a session
    without a page gave its place back after session_probation_seconds but kept its keys 30 times
    longer. Nothing is written for a new session that holds nothing, and a pageless session's keys
    live as long as its place."""
    from factories import custom
    from redactor.state_redis import roster_key

    for n in range(20):  # nothing to protect: nothing in Redis (not even a place)
        assert (await post(shared, f"made-up-{n}", [])).status == 202
        assert (await post(shared, f"custom-{n}", [custom("cart", {"items": 2})])).status == 202
    assert [key async for key in rconn.scan_iter("redactor:{shop:made-up-*")] == []
    assert [key async for key in rconn.scan_iter("redactor:{shop:custom-*")] == []
    probation = shared.server.app[STATES].probation_ms
    answer = await shared.post(f"/v1/sites/{SITE}/sessions/numbered/events",
                               data=orjson.dumps({"seq": 0, "events": [meta()]}),
                               headers={"Content-Type": "application/json"})
    assert answer.status == 202  # a batch number is something to keep, for as long as its place
    state_key, kept_key = keys(SITE, "numbered")[0], more_keys(SITE, "numbered")[0]
    assert 0 < await rconn.pttl(state_key) <= probation and 0 < await rconn.pttl(kept_key) <= probation
    while not await rconn.zscore(roster_key(SITE), "numbered"):  # placed in the background
        await asyncio.sleep(0.02)
    assert await rconn.zscore(roster_key(SITE), "numbered") <= ((await rconn.time())[0] + 1) * 1000 + probation


async def test_a_full_redis_is_answered_as_full(shared, rconn):
    page, _, _, _ = password_page()
    await rconn.config_set("maxmemory", "1")  # noeviction (the default): every write refused
    try:
        answer = await post(shared, "s-full", [meta(), snapshot(page)])
    finally:
        await rconn.config_set("maxmemory", "0")
    body = await answer.json()
    assert answer.status == 503 and body["error"] == "state_full" and "full" in body["detail"], body
    assert "Retry-After" in answer.headers
    assert (await post(shared, "s-full", [meta(), snapshot(page)])).status == 202  # room again


async def _eventually(check, seconds: float = 15.0) -> bool:
    """check() (a coroutine function) turns true within seconds: what another instance's follower does
    meanwhile (the deadline is a bound, not a measure: it is met at the first look on a quiet machine)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def _quick_instances(aiohttp_client, tmp_path, redis_server):  # noqa: F811
    """As _instances, looking at Redis every 0.1 s of their own."""
    async def instance(name):
        return await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                        state=redis_server.url, config_poll_seconds=0.1)))
    return instance


def _holds(directory, value: bytes) -> bool:
    return value in b"".join(path.read_bytes() for path in directory.rglob("*") if path.is_file())


async def test_an_idle_instance_erases_a_session_erased_through_another(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Review 19: B, sent no request after A erased a session, kept its batches on disk until its next
    request. Its follower takes the erasure by itself."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    instance = _quick_instances(aiohttp_client, tmp_path, redis_server)
    a, b = await instance("a"), await instance("b")
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    page, _, _, promo = password_page()
    assert (await post(b, "s-50", [meta(), snapshot(page), input_event(promo, "AUTUMN25 ")])).status == 202
    assert _holds(tmp_path / "b", b"AUTUMN25")
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-50", headers=admin_headers)).status == 204
    assert await _eventually(lambda: asyncio.sleep(0, not _holds(tmp_path / "b", b"AUTUMN25")))


async def test_with_redis_down_a_shared_token_is_refused_and_the_admin_token_served(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Review 19: with Redis stopped, B took a token revoked through A a moment before as still valid. B
    cannot know, so a token shared across instances is refused with 503 while Redis does not answer;
    the admin token, each instance's own, is served."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    instance = _quick_instances(aiohttp_client, tmp_path, redis_server)
    a, b = await instance("a"), await instance("b")
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    made = await a.post("/v1/tokens", json={"name": "dora", "role": "viewer", "sites": [SITE]}, headers=admin_headers)
    dora = {"Authorization": f"Bearer {(await made.json())['token']}"}
    assert (await b.get(f"/v1/sites/{SITE}", headers=dora)).status == 200
    redis_server.stop()
    refused = await b.get(f"/v1/sites/{SITE}", headers=dora)
    assert refused.status == 503 and refused.headers["Retry-After"].isdigit()
    assert "Redis" in (await refused.json())["detail"]
    assert (await b.get(f"/v1/sites/{SITE}", headers=admin_headers)).status == 200
    redis_server.start()  # empty: the instances put back what they know
    assert await _eventually(lambda: _status(b.get(f"/v1/sites/{SITE}", headers=dora), 200))


async def _status(request, expected: int) -> bool:
    return (await request).status == expected


@pytest.mark.parametrize("first", ["a", "c"])
async def test_a_redis_that_lost_what_it_held_is_given_back_the_revokes_and_erasures(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers, first):  # noqa: F811
    """Review 19: Redis restarted empty (no persistence) while C, down, had not taken a revoke and an
    erasure made through A: C started again and took the token for live, and kept the session, for ever.
    An instance that finds Redis's epoch gone puts back what it knows, a revoke winning over a token.
    Whichever looks first: C starting before A put back the erasure read the erasures' hash while empty,
    then only their stream, which the put back had not written (stop 33's CI, 1 run in ~10). A looks only
    when a request comes (its follower waits an hour), so the order is the test's."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    instance = _quick_instances(aiohttp_client, tmp_path, redis_server)
    a = await aiohttp_client(create_app(Settings(data_dir=tmp_path / "a", pii_workers=0, ner=False,
                                                 state=redis_server.url, config_poll_seconds=3600)))
    c = await instance("c")
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    made = await a.post("/v1/tokens", json={"name": "emil", "role": "viewer", "sites": [SITE]}, headers=admin_headers)
    emil = {"Authorization": f"Bearer {(await made.json())['token']}"}
    page, _, _, promo = password_page()
    assert (await post(c, "s-51", [meta(), snapshot(page), input_event(promo, "SPRING25 ")])).status == 202
    assert (await c.get(f"/v1/sites/{SITE}", headers=emil)).status == 200
    await c.close()  # down while emil is revoked and s-51 erased
    assert (await a.delete("/v1/tokens/emil", headers=admin_headers)).status == 204
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-51", headers=admin_headers)).status == 204
    redis_server.stop()
    redis_server.start()  # empty
    if first == "a":
        assert (await a.get(f"/v1/sites/{SITE}", headers=admin_headers)).status == 200  # a puts back what it knows
    back = await instance("c")
    assert (await a.get(f"/v1/sites/{SITE}", headers=admin_headers)).status == 200
    assert await _eventually(lambda: _status(back.get(f"/v1/sites/{SITE}", headers=emil), 401))
    assert await _eventually(lambda: asyncio.sleep(0, not _holds(tmp_path / "c", b"SPRING25")))
    assert (await a.get(f"/v1/sites/{SITE}", headers=emil)).status == 401  # not taken back by a from c


@pytest.mark.parametrize("clock_behind", [0, 600])
async def test_a_redis_that_lost_what_it_held_is_given_back_the_newest_configuration_of_a_site(
        aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers, clock_behind):  # noqa: F811
    """Review 20 F6: B had not taken a selector added through A when Redis restarted empty; B looked first and
    put back the configuration before the change, A then took B's, and both stored what the selector blocks.
    Each put back carries its change's number on Redis, and the highest stands. Review 21 F12: compared as
    times (when made on A, when taken on B), a change made on a host whose clock is behind lost to the one before
    it: the clock here is set back while A's change is made. (B and A look only when a request comes: their
    followers wait an hour, as if paused.)"""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = [await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                     state=redis_server.url, config_poll_seconds=3600)))
            for name in ("a", "b")]
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    assert (await post(b, "s-52", [meta(), snapshot(html_page(element("p", {}, [text("Welkom")])))])).status == 202
    with monkeypatch.context() as clock:
        now = time.time
        clock.setattr(time, "time", lambda: now() - clock_behind)
        answer = await a.post(f"/v1/sites/{SITE}/blocklist", json={"selector": "#notities"}, headers=admin_headers)
    assert answer.status == 200
    redis_server.stop()
    redis_server.start()  # empty: B looks first (it cannot know of the change until A puts it back), then A
    for instance, session in ((b, "s-53"), (a, "s-54")):
        greeting = html_page(element("p", {}, [text("Hoi")]))
        assert (await post(instance, session, [meta(), snapshot(greeting)])).status == 202
    for instance, session in ((b, "s-55"), (a, "s-56")):
        notes = element("div", {"id": "notities"}, [element("p", {}, [text("Bel Zwaluwstaart terug")])])
        page = html_page(element("h1", {}, [text("Welkom terug")]), notes)
        assert (await post(instance, session, [meta(), snapshot(page)])).status == 202
        events = await (await instance.get(f"/v1/sites/{SITE}/sessions/{session}/events", headers=admin_headers)).json()
        stored = orjson.dumps(events).decode()
        assert "Welkom terug" in stored and "Zwaluwstaart" not in stored, (session, stored)
    for instance in (a, b):
        config = await (await instance.get(f"/v1/sites/{SITE}", headers=admin_headers)).json()
        assert config["block_selectors"] == ["#notities"], config


async def test_an_instance_reads_the_erasures_made_since_its_last_look_not_every_one_ever_made(
        aiohttp_client, tmp_path, monkeypatch, redis_server, rconn, admin_headers):  # noqa: F811
    """Each look at Redis once a change is shared cost every erasure ever made (the whole `redactor:erased`): an
    instance reads those made since its last look from their stream. Shown by deleting the hash after the
    erasure: B, which read Redis before, still erases the session from its store (an instance that starts reads
    the hash: test_a_session_erased_through_one_instance_is_erased_from_every_instances_store)."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = [await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                     state=redis_server.url, config_poll_seconds=3600)))
            for name in ("a", "b")]
    assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    page, _, _, promo = password_page()
    for instance, session in ((a, "s-57"), (b, "s-58")):  # B erased one before: its look has read the stream
        assert (await post(instance, session, [meta(), snapshot(page), input_event(promo, "MAPLE25 ")])).status == 202
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-58", headers=admin_headers)).status == 204
    assert (await post(b, "s-57", [input_event(promo, "CEDAR25 ")])).status == 202
    assert _holds(tmp_path / "b", b"CEDAR25")
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-57", headers=admin_headers)).status == 204
    await rconn.delete(shared_admin.ERASED)
    assert (await b.get(f"/v1/sites/{SITE}/sessions/s-57/events", headers=admin_headers)).status == 404
    assert not _holds(tmp_path / "b", b"CEDAR25")


async def test_a_batch_without_a_number_is_redone_while_pending_and_a_duplicate_once_delivered(
        redis_server, rconn):  # noqa: F811
    """A body without a batch number (a peer's SDK: PostHog, Sentry) is known by its digest: sent again
    once it was delivered, it is a retry (a no-op); its process killed after the commit (here: the block
    raises), it stays pending under its digest and a resend is redone, never lost."""
    from redactor.sessions import Order, batch_order, pending_name, take_seq

    a, b = RedisStates(redis_server.url, b"k" * 32), RedisStates(redis_server.url, b"k" * 32)
    try:
        with pytest.raises(ConnectionResetError):
            async with a.session(SITE, "s-u") as mirror:
                assert batch_order(mirror, None, "d0") is Order.NEXT
                take_seq(mirror, None, "d0")
                await a.commit(SITE, "s-u", mirror, pending_name(None, "d0"))
                raise ConnectionResetError("the collector went away before the batch was forwarded")
        async with b.session(SITE, "s-u") as mirror:
            assert batch_order(mirror, None, "d0") is Order.NEXT  # pending: redone
            take_seq(mirror, None, "d0")
            await b.commit(SITE, "s-u", mirror, pending_name(None, "d0"))
        async with a.session(SITE, "s-u") as mirror:
            assert batch_order(mirror, None, "d0") is Order.DUPLICATE  # delivered
            assert batch_order(mirror, None, "d1") is Order.NEXT  # another body
        assert not await rconn.exists(more_keys(SITE, "s-u")[2])  # nothing pending is left
    finally:
        await a.close()
        await b.close()


async def test_a_peers_recording_sent_again_to_another_instance_is_forwarded_once(
        aiohttp_client, aiohttp_server, tmp_path, monkeypatch, redis_server):  # noqa: F811
    """posthog-js resends a /s/ body whole after its timeout, maybe through another instance (the
    balancer's choice): the second is answered as a duplicate, as an rrweb batch with its `seq` is,
    and the collector gets the recording once. In process, the same."""
    from aiohttp import web
    from peer_factories import TOKEN, posthog_body, snapshot_event
    from redactor.policy import validate_site_config

    async def collect(request):
        received.append(await request.read())
        return web.json_response({"status": 1})
    collector = web.Application()
    collector.router.add_post("/s/", collect)
    collector = await aiohttp_server(collector)
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    page, field, _, promo = password_page()
    body = posthog_body([snapshot_event([meta(), snapshot(page), input_event(promo, "WINTER25")], session="0193-s")])
    secret = tmp_path / "deployment.key"
    secret.write_bytes(b"s" * 32)
    for state in (None, redis_server.url):
        received = []
        apps = [await aiohttp_client(create_app(Settings(
            data_dir=tmp_path / f"{state is None}-{name}", upstream=str(collector.make_url("/")).rstrip("/"),
            pii_workers=0, ner=False, state=state, secret_file=secret,
            sites={SITE: validate_site_config({"sdk_keys": [TOKEN]})}))) for name in ("a", "b")]
        if state is None:
            apps = apps[:1]  # one instance alone
        first = await apps[0].post("/s/?ver=1.449.2&compression=gzip-js&_=1", data=body)
        again = await apps[-1].post("/s/?ver=1.449.2&compression=gzip-js&_=2", data=body)
        assert first.status == 200, await first.text()
        assert again.status == 202 and (await again.json())["duplicate"], await again.text()
        assert len(received) == 1


async def test_a_batch_redone_after_its_instance_died_is_stored_once_and_forwarded_with_one_key(
        aiohttp_client, tmp_path, monkeypatch, redis_server, rconn, admin_headers):  # noqa: F811
    """An instance killed after it stored (or forwarded) a batch but before it let the session go leaves
    the batch's number pending (here: put back as SIGKILL leaves it), so the resend is redone through
    the other instance. Two instances on one host share one --data-dir: the store holds the batch once.
    With --upstream, both forwards carry one Idempotency-Key (site, the session's stored name, the
    batch's number and keyed digest), the collector's to keep once."""
    from test_upstream import FakeCollector

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    secret = tmp_path / "deployment.key"
    secret.write_bytes(b"s" * 32)
    body = _numbered("s-k", 0, _page("https://shop.example/a", element("input", {"type": "text"}, id=4)))
    url = f"/v1/sites/{SITE}/sessions/s-k/events"
    collector = await FakeCollector().start()
    try:
        for upstream in (None, collector.url):
            await rconn.flushdb()
            data = tmp_path / ("forwarding" if upstream else "storing")
            a, b = [await aiohttp_client(create_app(Settings(data_dir=data, pii_workers=0, ner=False, upstream=upstream,
                                                             state=redis_server.url, secret_file=secret)))
                    for _ in range(2)]
            assert (await a.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status in (200, 201)
            assert (await a.post(url, data=body)).status in (200, 202)
            await rconn.sadd(more_keys(SITE, "s-k")[2], 0)  # A died before it let the session go
            again = await b.post(url, data=body)
            assert again.status in (200, 202) and not (await again.json()).get("duplicate")  # redone, not lost
            if upstream is None:
                for app in (a, b):
                    stored = await (await app.get(url, headers=admin_headers)).json()
                    assert [e["data"]["payload"]["n"] for e in stored if e["type"] == 5] == [0]  # once
        sent = [request["headers"].get("Idempotency-Key") for request in collector.received]
        assert len(sent) == 2 and sent[0] == sent[1], sent
        assert re.fullmatch(rf"{SITE}/s-k/0/[0-9a-f]{{16}}", sent[0]), sent
    finally:
        await collector.stop()


@pytest.mark.parametrize("instances", ["one", "one on redis", "two on redis"])
async def test_a_refused_batchs_events_sent_under_the_next_number_fill_its_gap(
        aiohttp_client, tmp_path, monkeypatch, redis_server, instances):  # noqa: F811
    """The samples' snippet (collector.js) sends a refused batch's events again at the front of its NEXT
    batch, under the next number: the gap is filled, with proof (the events of the batch refused come
    first: carried.py), so the mirror is not reset and a page text it changes stays readable, as on
    one instance that refused nothing; on Redis, also when the next batch reaches another instance
    than the one that refused. A batch ahead without that proof still resets the mirror (fail
    closed): what it writes into a node is masked until the next snapshot."""
    from test_upstream import FakeCollector, site_settings

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    secret = tmp_path / "deployment.key"
    secret.write_bytes(b"s" * 32)
    collector = await FakeCollector().start()
    try:
        a, b = [await aiohttp_client(create_app(site_settings(
            tmp_path / name, collector.url, batch_gap_wait_seconds=0.05, secret_file=secret,
            state=None if instances == "one" else redis_server.url))) for name in ("a", "b")]
        if instances != "two on redis":
            b = a
        for session, carries in (("s-c", True), ("s-n", False)):
            url = f"/v1/sites/{SITE}/sessions/{session}/events"
            first = _numbered(session, 0, _page("https://shop.example/a",
                                                element("p", {"class": "basket"}, [text("Basket empty", id=5)], id=4)))
            assert (await a.post(url, data=first)).status == 200
            refused = orjson.loads(_numbered(session, 1, [mutation(texts=[{"id": 5, "value": "Two items in basket"}])]))
            collector.mode = "reject"
            assert (await a.post(url, data=orjson.dumps(refused))).status == 400
            collector.mode = "ok"
            later = _numbered(session, 2, [mutation(texts=[{"id": 5, "value": "Three items in basket"}])])
            if carries:  # the refused batch's events first, then the new ones, under the next number
                later = orjson.dumps({"seq": 2, "events": [*refused["events"], *orjson.loads(later)["events"]]})
            assert (await b.post(url, data=later)).status == 200
            sent = orjson.dumps(collector.received[-1]["json"]).decode()
            assert ("Three items in basket" in sent) is carries, sent
    finally:
        await collector.stop()


async def test_erasing_a_session_deletes_its_refused_batches_fingerprints(aiohttp_client, tmp_path, monkeypatch,
                                                                          redis_server, rconn):  # noqa: F811
    """A refused batch leaves its fingerprint (carried.py) in process and on Redis for the idle timeout;
    the session's erasure takes it too, as it takes the session's state."""
    from test_upstream import FakeCollector, site_settings

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    collector = await FakeCollector().start()
    try:
        app = create_app(site_settings(tmp_path / "a", collector.url, state=redis_server.url))
        client = await aiohttp_client(app)
        url = f"/v1/sites/{SITE}/sessions/s-e/events"
        assert (await client.post(url, data=_numbered("s-e", 0, _page("https://shop.example/a",
                                                                      element("p", {}, [text("Hallo")]))))).status == 200
        collector.mode = "reject"
        assert (await client.post(url, data=_numbered("s-e", 1, [mutation(texts=[])]))).status == 400
        assert await rconn.exists(carried.redis_key(SITE, "s-e"))
        assert (SITE, "s-e") in app[REFUSED]._refused
        answer = await client.delete(f"/v1/sites/{SITE}/sessions/s-e", headers={"Authorization": "Bearer test-admin-token"})
        assert answer.status == 204
        assert not await rconn.exists(carried.redis_key(SITE, "s-e"))
        assert (SITE, "s-e") not in app[REFUSED]._refused
    finally:
        await collector.stop()


async def test_a_session_whose_state_was_lost_masks_its_pages_for_the_rest_of_the_session(shared, rconn,
                                                                                          admin_headers):
    """Review 26 F3: Redis restarted without persistence between two pages. The values typed on the
    first (whose echoes the taint masked) are gone with the state, so the next page's echo of them
    ("Opgeslagen: zorrokid77", an input's value) cannot be told from the page's own words: every text
    and attribute value of the session's pages is masked from then on, in this batch and the next."""
    url = f"/v1/sites/{SITE}/sessions/s-lost/events"
    field = element("input", {"type": "text", "id": "nickname", "name": "nickname"}, id=4)
    first = _page("https://shop.example/account", field)
    assert (await shared.post(url, data=_numbered("s-lost", 0, [*first, *typing(4, "zorrokid77")]))).status == 202
    await rconn.flushall()  # as a restart without persistence leaves it
    body = element("body", {}, [element("p", {}, [text("Opgeslagen: zorrokid77", id=5)], id=3),
                                element("input", {"type": "text", "value": "zorrokid77", "title": "zorrokid77"},
                                        id=6)], id=2)
    echo = [meta("https://shop.example/account/saved"),
            snapshot({"type": 0, "childNodes": [element("html", {}, [body], id=1)], "id": 9})]
    assert (await shared.post(url, data=_numbered("s-lost", 1, echo))).status == 202
    later = mutation(adds=[add(2, element("p", {"title": "Bedankt zorrokid77"}, [text("Tot ziens, zorrokid77")]))])
    assert (await shared.post(url, data=_numbered("s-lost", 2, [later]))).status == 202
    stored = await (await shared.get(url, headers=admin_headers)).json()
    assert len(stored) >= 5 and "zorrokid77" not in orjson.dumps(stored).decode()


def test_the_shared_admin_keys_are_in_one_cluster_slot():
    """They are written together (MULTI, Lua): a Redis Cluster refuses that across slots (review 26 F6)."""
    names = [shared_admin.SITES, shared_admin.CHANGES, shared_admin.SHARED_TOKENS, shared_admin.REVOKED_TOKENS,
             shared_admin.ERASED, shared_admin.ERASURES, shared_admin.VERSION, shared_admin.EPOCH]
    assert len({key_slot(name.encode()) for name in names}) == 1


async def test_the_admin_api_and_batches_work_on_a_redis_cluster_node(aiohttp_client, tmp_path, monkeypatch,
                                                                      redis_cluster_node, admin_headers):  # noqa: F811
    """Review 26 F6: `--state` on a Redis Cluster node (one holding every slot, so no redirection is
    involved). Every write that touches several keys keeps them in one slot: a site made, a token made
    and revoked, a session's batches and its erasure, and, Redis having lost what it held, the put back
    of what the instances know."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    a, b = [await aiohttp_client(create_app(Settings(data_dir=tmp_path / name, pii_workers=0, ner=False,
                                                     state=redis_cluster_node.url))) for name in ("a", "b")]
    answer = await a.put(f"/v1/sites/{SITE}", json={"block_selectors": ["#saldo"]}, headers=admin_headers)
    assert answer.status == 201, await answer.text()
    answer = await a.post("/v1/tokens", json={"name": "alice", "role": "editor", "sites": [SITE]},
                          headers=admin_headers)
    assert answer.status == 201, await answer.text()
    assert (await b.delete("/v1/tokens/alice", headers=admin_headers)).status == 204
    page, field, _, _ = password_page()
    assert (await post(b, "s-cl", [meta(), snapshot(page)])).status == 202
    assert (await post(a, "s-cl", [input_event(field, "Hunter2Secret!")])).status == 202
    assert (await a.delete(f"/v1/sites/{SITE}/sessions/s-cl", headers=admin_headers)).status == 204
    connection = aioredis.Redis.from_url(redis_cluster_node.url)
    try:
        await connection.flushall()  # as a restart without persistence leaves it: the instances put back
        assert (await b.get(f"/v1/sites/{SITE}", headers=admin_headers)).status == 200
        assert await _eventually(lambda: connection.hexists(shared_admin.SITES, SITE))
        assert await _eventually(lambda: connection.hexists(shared_admin.ERASED, f"{SITE}/s-cl"))
    finally:
        await connection.aclose()


#: a short idle timeout, and a pause well past it (a batch of these recordings takes far less than it)
IDLE_GAP_SECONDS = 3


async def _sent_with_an_idle_pause(aiohttp_client, tmp_path, name: str, instances: int, **state) -> list:
    """A real recording sent to `instances` apps in turn (one deployment: one secret), the visitor pausing
    past session_idle_seconds after its 4th batch. What the collector got."""
    from test_upstream import FakeCollector, site_settings

    secret = tmp_path / "deployment.key"
    if not secret.exists():
        secret.write_bytes(b"k" * 32)
    collector = await FakeCollector().start()
    try:
        apps = [await aiohttp_client(create_app(site_settings(
            tmp_path / name / str(n), collector.url, secret_file=secret, session_idle_seconds=IDLE_GAP_SECONDS,
            **state))) for n in range(instances)]
        recording = recordings()[0]
        for i, body in enumerate(batches(recording)):
            if i == 4:
                await asyncio.sleep(IDLE_GAP_SECONDS * 2)  # the visitor pauses past the idle timeout
            answer = await apps[i % instances].post(f"/v1/sites/{SITE}/sessions/{recording['sessionId']}/events",
                                                    data=body, headers={"Content-Type": "application/json"})
            assert answer.status in (200, 202), await answer.text()
        return [event for request in collector.received for event in request["json"]["events"]]
    finally:
        await collector.stop()


async def test_a_session_resumed_after_its_idle_timeout_gives_one_instances_output_on_two(
        aiohttp_client, tmp_path, monkeypatch, redis_server):  # noqa: F811
    """Review 26 F5: past session_idle_seconds the state on Redis expires but what protects the session
    (`kept`): no page's nodes, so what the next batches write into them is masked until a new snapshot.
    In process the store kept the whole state, and one instance recorded them: the outputs differed. Both
    now expire the same way (sessions.expired), and the two give the same events."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    alone = await _sent_with_an_idle_pause(aiohttp_client, tmp_path, "one", 1)
    on_redis = await _sent_with_an_idle_pause(aiohttp_client, tmp_path, "on_redis", 2, state=redis_server.url)
    assert len(on_redis) == len(alone) > 0
    assert [i for i, (x, y) in enumerate(zip(alone, on_redis)) if x != y] == []
