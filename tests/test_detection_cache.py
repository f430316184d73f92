"""The detector's answers shared across the sessions of a site (redactor/pii/cache.py): a page that
other visitors have shown already is not detected again, in one instance and, through a real
redis-server, across instances; Redis holds keyed hashes and spans, never a character of the text,
and an answer Redis was not given by an instance is detected again, never trusted."""

from __future__ import annotations

import copy
import gc
import re
import weakref
from pathlib import Path

import orjson
import pytest
import redis.asyncio as aioredis

from factories import element, html_page, meta, snapshot, text
from redactor.app import POLICIES, create_app
from redactor.config import Settings
from redactor.pii import cache
from redactor.pii.cache import SharedSpans
from redactor.ruledata import rules_dir
from redis_server import redis_server  # noqa: F401  (the fixture)

SITE = "shop"
NAME, PHONE = "Mieke Hofstra", "06 3190 2274"


def page():
    """A shop page whose copy every visitor sees: headings, product text, and a note with a name
    and a phone number in it (the kind of text detection is for)."""
    return html_page(
        element("h1", {}, [text("Winkel Benelux – Afrekenen / Checkout")]),
        element("p", {}, [text("Levering binnen 3 dagen. Gratis retour / Free returns.")]),
        element("p", {}, [text("Fietsbel chroom, € 12,95 – op voorraad")]),
        element("p", {}, [text(f"Vragen? Bel {NAME} op {PHONE}, onze klantenservice.")]),
        lang="nl")


def answers(metrics: str) -> dict[str, float]:
    return {source: float(value) for source, value in
            re.findall(r'redactor_detector_answers_total\{source="(\w+)"\} ([\d.e+]+)', metrics)}


async def post(client, session: str, events: list) -> None:
    answer = await client.post(f"/v1/sites/{SITE}/sessions/{session}/events", data=orjson.dumps(events),
                               headers={"Content-Type": "application/json"})
    assert answer.status == 202, await answer.text()


async def stored(client, session: str, headers: dict) -> str:
    return orjson.dumps(await (await client.get(f"/v1/sites/{SITE}/sessions/{session}/events",
                                                headers=headers)).json()).decode()


async def new_site(client, headers: dict) -> None:
    assert (await client.put(f"/v1/sites/{SITE}", json={}, headers=headers)).status in (200, 201)


async def test_a_new_visitor_of_a_known_page_is_answered_from_the_cache(client, admin_headers):
    await new_site(client, admin_headers)
    shown = page()
    await post(client, "visitor-1", [meta(), snapshot(copy.deepcopy(shown))])
    first = answers(await (await client.get("/metrics")).text())
    assert first["detected"] > 0
    await post(client, "visitor-2", [meta(), snapshot(copy.deepcopy(shown))])
    second = answers(await (await client.get("/metrics")).text())
    assert second["detected"] == first["detected"]  # no text of the page went to the detector again
    assert second["process"] - first["process"] >= first["detected"]
    for session in ("visitor-1", "visitor-2"):  # answered from the cache, masked the same
        events = await stored(client, session, admin_headers)
        assert NAME not in events and PHONE not in events and "Levering binnen 3 dagen" in events


async def test_a_site_whose_configuration_changed_leaves_no_old_policy_alive(client, admin_headers):
    """The rules' answers kept per process are keyed by the policy's methods: a configuration saved
    again and again must not keep every older policy alive in them (memory grows with each save)."""
    await new_site(client, admin_headers)
    await post(client, "visitor-1", [meta(), snapshot(page())])
    old = weakref.ref(client.server.app[POLICIES][SITE])
    answer = await client.put(f"/v1/sites/{SITE}", json={"block_selectors": [".ad"]}, headers=admin_headers)
    assert answer.status == 200
    assert client.server.app[POLICIES][SITE] is not old()
    gc.collect()
    assert old() is None


async def test_a_batch_whose_texts_are_all_known_is_redacted_in_one_trip_off_the_loop(client, admin_headers,
                                                                                     redaction_jobs):
    """Redacted and encoded in one redaction-thread job (after the one that decodes it) when this
    process knows every text's answer; a batch with a text never seen goes back to the loop for
    the detector between its walk and its finish: one job more."""
    jobs = redaction_jobs
    await new_site(client, admin_headers)
    shown = page()
    await post(client, "visitor-1", [meta(), snapshot(copy.deepcopy(shown))])
    assert jobs == ["without_gc", "advance", "advance"], jobs  # decode; walk; finish and encode
    jobs.clear()
    await post(client, "visitor-2", [meta(), snapshot(copy.deepcopy(shown))])
    assert jobs == ["without_gc", "advance"], jobs
    events = await stored(client, "visitor-2", admin_headers)
    assert NAME not in events and PHONE not in events and "Levering binnen 3 dagen" in events


async def test_the_texts_of_a_page_never_seen_are_hashed_off_the_loop(client, admin_headers, monkeypatch):
    """The event loop only moves bytes: the texts' digests (the cache's keys) are computed on the
    redaction thread that asked for them, and the loop goes on with them to Redis and the detector."""
    import threading

    hashed_on: list[str] = []
    digest = SharedSpans.digest

    def recorded(self, site, lang, text):
        hashed_on.append(threading.current_thread().name)
        return digest(self, site, lang, text)

    monkeypatch.setattr(SharedSpans, "digest", recorded)
    await new_site(client, admin_headers)
    await post(client, "visitor-1", [meta(), snapshot(copy.deepcopy(page()))])
    assert hashed_on and threading.main_thread().name not in hashed_on, hashed_on
    assert answers(await (await client.get("/metrics")).text())["detected"] > 0  # they were never seen


@pytest.fixture
async def instances(aiohttp_client, tmp_path, monkeypatch, redis_server, admin_headers):  # noqa: F811
    """Three apps on one redis-server with the deployment's one secret: three instances."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    secret = tmp_path / "deployment.key"
    secret.write_bytes(b"s" * 32)
    apps = []
    for name in ("a", "b", "c"):
        settings = Settings(data_dir=tmp_path / name, pii_workers=0, state=redis_server.url, secret_file=secret)
        apps.append(await aiohttp_client(create_app(settings)))
        await new_site(apps[-1], admin_headers)  # sites are each instance's own configuration
    return apps


async def test_instances_share_answers_through_redis(instances, redis_server, admin_headers):  # noqa: F811
    one, two, _ = instances
    shown = page()
    await post(one, "visitor-1", [meta(), snapshot(copy.deepcopy(shown))])
    detected_by_one = answers(await (await one.get("/metrics")).text())["detected"]
    await post(two, "visitor-2", [meta(), snapshot(copy.deepcopy(shown))])
    by_two = answers(await (await two.get("/metrics")).text())
    assert by_two["detected"] == 0 and by_two["redis"] >= detected_by_one > 0
    assert NAME not in await stored(two, "visitor-2", admin_headers)
    connection = aioredis.Redis.from_url(redis_server.url)
    try:
        keys = [key async for key in connection.scan_iter(match=f"redactor:spans:{{{SITE}}}:*")]
        assert len(keys) >= detected_by_one
        values = await connection.mget(keys)
        ttls = [await connection.ttl(key) for key in keys]
    finally:
        await connection.aclose()
    assert all(ttl > 0 for ttl in ttls)
    held = b" ".join(keys + values)
    for word in (b"Mieke", b"Hofstra", b"3190", b"Levering", b"Fietsbel", b"Winkel"):
        assert word not in held  # keyed hashes and spans only


async def test_an_answer_redis_was_not_given_by_an_instance_is_detected_again(
        instances, redis_server, admin_headers):  # noqa: F811
    """Whoever can write to Redis cannot make a text's answer empty, and its personal data pass."""
    one, _, three = instances
    shown = page()
    await post(one, "visitor-1", [meta(), snapshot(copy.deepcopy(shown))])
    connection = aioredis.Redis.from_url(redis_server.url)
    try:
        keys = [key async for key in connection.scan_iter(match=f"redactor:spans:{{{SITE}}}:*")]
        for key in keys:
            await connection.set(key, b"\0" * 16 + b"[]")
    finally:
        await connection.aclose()
    await post(three, "visitor-3", [meta(), snapshot(copy.deepcopy(shown))])
    by_three = answers(await (await three.get("/metrics")).text())
    assert by_three["redis"] == 0 and by_three["detected"] >= len(keys) > 0
    events = await stored(three, "visitor-3", admin_headers)
    assert NAME not in events and PHONE not in events


async def test_an_answer_cached_before_an_upgrade_of_the_detection_is_detected_again(redis_server):  # noqa: F811
    """An answer on Redis outlives the instance that stored it (24 h): after a detection fix, the
    old answer for a text ("nothing in it") must not be served by the fixed instances."""
    connection = aioredis.Redis.from_url(redis_server.url)
    try:
        secret, text = b"s" * 32, "kaart 4111.1111.1111.1111 graag"
        before = SharedSpans(secret, redis=connection, version=b"the rules before the fix")
        after = SharedSpans(secret, redis=connection)  # this installation's detection_version()
        old = before.digest(SITE, "nl", text)
        await before.share(SITE, {old: ()})  # what the old rules found in it: nothing
        assert await before.fetch(SITE, [old]) == [()]
        new = after.digest(SITE, "nl", text)
        assert new != old and await after.fetch(SITE, [new]) == [None]  # not known: detected again
        assert SharedSpans(secret, redis=connection).digest(SITE, "nl", text) == new  # same version: shared
    finally:
        await connection.aclose()


async def test_a_redis_that_evicts_nothing_keeps_its_room_for_session_state(aiohttp_client, tmp_path, monkeypatch,
                                                                          redis_server, admin_headers):  # noqa: F811
    """Redis runs with `maxmemory-policy noeviction` (docs/scaling.md: an eviction policy would
    evict live sessions' state, and with it their taint). Past half its maxmemory, answers are no
    longer written there and the batch goes through; a write Redis refuses for want of memory is
    no error of the batch; a Redis full for the sessions' state refuses the batch (503), fail closed."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "test-admin-token")
    connection = aioredis.Redis.from_url(redis_server.url)
    try:
        await connection.config_set("maxmemory-policy", "noeviction")
        client = await aiohttp_client(create_app(Settings(data_dir=tmp_path / "a", pii_workers=0,
                                                          state=redis_server.url)))
        await new_site(client, admin_headers)
        used = int((await connection.info("memory"))["used_memory"])  # with the instance's connections
        await connection.config_set("maxmemory", str(int(used * 1.8)))  # answers' half taken, room for state
        await post(client, "visitor-1", [meta(), snapshot(copy.deepcopy(page()))])  # learns there is no room
        first = {key async for key in connection.scan_iter(match="redactor:spans:*")}  # (SCAN's order is not kept)
        other = html_page(*(element("p", {}, [text(f"Artikel {i}: fietsbel, zilver, maat {i}")]) for i in range(40)))
        await post(client, "visitor-2", [meta(), snapshot(other)])
        assert answers(await (await client.get("/metrics")).text())["detected"] > len(first)
        assert {key async for key in connection.scan_iter(match="redactor:spans:*")} == first  # none written since
        assert NAME not in await stored(client, "visitor-1", admin_headers)

        spans = SharedSpans(b"s" * 32, redis=connection)
        await connection.config_set("maxmemory", "0")  # room: the check says so
        digest = spans.digest(SITE, "nl", "Levering binnen 3 dagen.")
        await spans.share(SITE, {digest: ()})
        await connection.delete(spans._redis_key(SITE, digest))
        await connection.config_set("maxmemory", "1")  # then full: the write is refused (OOM)
        await spans.share(SITE, {digest: ()})  # not an error: the answer is just not shared
        assert await spans.fetch(SITE, [digest]) == [None]

        answer = await client.post(f"/v1/sites/{SITE}/sessions/visitor-3/events",
                                   data=orjson.dumps([meta(), snapshot(copy.deepcopy(page()))]),
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 503 and (await answer.json())["error"] == "state_full"  # session state: a clear 503
        assert answer.headers["Retry-After"].isdigit()
    finally:
        await connection.config_set("maxmemory", "0")
        await connection.aclose()


def test_the_detection_version_follows_the_rules_the_code_and_the_versions(tmp_path):
    shipped = [*sorted(rules_dir().glob("*.yaml")), *sorted((Path(cache.__file__).parent).glob("*.py"))]
    assert cache.detection_version() == cache.detection_version() != b""
    copies = []
    for path in shipped:
        copies.append(tmp_path / path.name)
        copies[-1].write_bytes(path.read_bytes())
    versions = ["redactor=0.1.0", "phonenumbers=9.0.43"]
    first = cache.fingerprint(copies, versions)
    assert cache.fingerprint(copies, versions) == first
    assert cache.fingerprint(copies, ["redactor=0.1.1", "phonenumbers=9.0.43"]) != first
    assert cache.fingerprint(copies, ["redactor=0.1.0", "phonenumbers=9.0.44"]) != first
    recognizers = tmp_path / "recognizers.yaml"
    recognizers.write_bytes(recognizers.read_bytes().replace(b"[ .\\-/]", b"[ -]", 1))  # a rule changed
    assert cache.fingerprint(copies, versions) != first
