"""Bounded work and fairness, over a real socket: the event loop never redacts, one site cannot
delay another, and every limit cuts the work the safe way (masked whole, 413 or 429), with a metric.

No wall-clock thresholds: the assertions are about order ("B was answered while A was still
being redacted"); the timings are bench/hostile_load.py's business."""

from __future__ import annotations

import asyncio
import re
import socket
import struct
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest

from conftest import ADMIN_TOKEN
from factories import custom, element, html_page, meta, snapshot, text
from redactor.app import create_app
from redactor.config import Settings, load_settings
from redactor.pii import DetectorPool, PiiSettings, default_pii_workers
from redactor.scheduling import FairScheduler, Unwanted

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def make_client(aiohttp_client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The real app on a real socket with these settings, and sites a and b."""
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)

    async def make(**overrides):
        settings = Settings(data_dir=tmp_path / "data", pii_workers=0, **overrides)
        client = await aiohttp_client(create_app(settings))
        for site in ("a", "b"):
            assert (await client.put(f"/v1/sites/{site}", json={}, headers=ADMIN)).status == 201
        return client

    return make


def ingest(site: str, session: str) -> str:
    return f"/v1/sites/{site}/sessions/{session}/events"


async def metric(client, name: str) -> float:
    """The sum of a metric's samples (0 when absent)."""
    body = await (await client.get("/metrics")).text()
    return sum(float(value) for value in re.findall(rf"^{re.escape(name)}(?:{{[^}}]*}})? (\S+)$", body, re.M))


async def stored(client, site: str, session: str) -> list:
    answer = await client.get(ingest(site, session), headers=ADMIN)
    assert answer.status == 200
    return await answer.json()


async def until(condition, pending: asyncio.Task) -> None:
    """Waits until condition() holds, and fails if `pending` ends first."""
    while not await condition():
        assert not pending.done(), "the flood ended before it was seen in progress"
        await asyncio.sleep(0.01)


def flat_page(siblings: int) -> bytes:
    """A hostile snapshot: one body with `siblings` spans, each with a distinct text."""
    spans = [element("span", {}, [text(f"row {i} of the list {i * 7919 % 100_003}")]) for i in range(siblings)]
    return orjson.dumps([meta("https://a.example/"), snapshot(html_page(*spans))])


def distinct_strings(batch: int, count: int) -> bytes:
    return orjson.dumps([custom("note", {"text": f"batch {batch} note {i} about parcel {i * 7919 % 100_003}"})
                         for i in range(count)])


# -- 2. the loop never blocks -----------------------------------------------------------------
async def test_redaction_runs_off_the_event_loop(make_client, monkeypatch):
    """Decode, the network and console pass, walk, finish, encode, the mirror's dump, freezing and
    thawing all run on a redaction thread."""
    from redactor import sessions
    from redactor.formats import rrweb_batch
    from redactor.dom import DomMirror
    from redactor.plugins import NetworkPass
    from redactor.redact import BatchRedaction

    client = await make_client(ner=False, hot_sessions=1)
    on_loop: dict[str, list[bool]] = {}

    def watch(owner, name):
        original = getattr(owner, name)

        def watched(*args, **kwargs):
            on_loop.setdefault(f"{owner.__name__.rsplit('.', 1)[-1]}.{name}", []).append(
                threading.current_thread() is threading.main_thread())
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, watched)

    for owner, name in ((BatchRedaction, "walk"), (BatchRedaction, "finish"), (DomMirror, "dump"),
                        (rrweb_batch, "decode"), (rrweb_batch, "encode"), (sessions, "freeze"), (sessions, "thaw"),
                        (NetworkPass, "prepare"), (NetworkPass, "finish")):
        watch(owner, name)
    for session in ("s1", "s2", "s1"):  # s1 is frozen when s2 comes, and thawed when it comes back
        assert (await client.post(ingest("a", session), data=flat_page(50))).status == 202
    assert set(on_loop) == {"BatchRedaction.walk", "BatchRedaction.finish", "DomMirror.dump", "rrweb_batch.decode",
                            "rrweb_batch.encode", "sessions.freeze", "sessions.thaw", "NetworkPass.prepare",
                            "NetworkPass.finish"}
    assert not any(flag for flags in on_loop.values() for flag in flags), on_loop


async def test_healthz_and_another_site_are_answered_while_a_huge_snapshot_is_walked(make_client, monkeypatch):
    """The client and the server share one event loop here: had the walk run on it, nothing
    could be answered (nor even sent) before the walk ended."""
    from redactor.redact import BatchRedaction

    client = await make_client(ner=False)
    walking, walked = threading.Event(), threading.Event()
    walk = BatchRedaction.walk

    def watched(self, events, meta=None):
        if self.policy.site != "a":
            return walk(self, events, meta)
        walking.set()
        try:
            return walk(self, events, meta)
        finally:
            walked.set()

    monkeypatch.setattr(BatchRedaction, "walk", watched)
    flood = asyncio.create_task(client.post(ingest("a", "big"), data=flat_page(40_000)))
    while not walking.is_set():
        assert not flood.done(), await flood.result().text()
        await asyncio.sleep(0.005)

    health = await client.get("/healthz")
    assert health.status == 200 and not walked.is_set()
    small = await client.post(ingest("b", "s1"), data=orjson.dumps([custom("note", {"text": "hello there"})]))
    assert small.status == 202 and not walked.is_set()  # B did not wait for A's snapshot

    answer = await flood
    assert answer.status == 202, await answer.text()


async def test_healthz_is_answered_while_a_big_body_is_decoded(make_client, monkeypatch):
    """JSON decoding is one C call that holds the GIL, whichever thread makes it: a big body is
    decoded in slices, and the loop (this test's client and the server share it) answers
    /healthz, again and again, before the decoding has ended."""
    from redactor.formats import sliced_json
    from redactor.scheduling import SERVE_SWITCH_INTERVAL

    client = await make_client(ner=False)
    body = flat_page(45_000)  # 90,000 nodes: under max_mirror_nodes
    assert len(body) > 4 * sliced_json.SLICE_BYTES
    decoding, decoded = threading.Event(), threading.Event()
    loads = sliced_json.loads

    def watched(data):
        if len(data) < len(body):
            return loads(data)
        decoding.set()
        try:
            return loads(data)
        finally:
            decoded.set()

    monkeypatch.setattr(sliced_json, "loads", watched)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(SERVE_SWITCH_INTERVAL)  # as under `redactor serve`
    try:
        big = asyncio.create_task(client.post(ingest("a", "big"), data=body))
        while not decoding.is_set():
            assert not big.done(), await big.result().text()
            await asyncio.sleep(0.001)
        for _ in range(3):  # one after another, each answered while the decoding goes on
            health = await client.get("/healthz")
            assert health.status == 200 and not decoded.is_set()
        answer = await big
    finally:
        sys.setswitchinterval(switch)
    assert answer.status == 202, await answer.text()
    assert len((await stored(client, "a", "big"))[1]["data"]["node"]["childNodes"][1]["childNodes"][1]["childNodes"]) \
        == 45_000  # the whole page was decoded, redacted and stored


async def test_the_collector_runs_again_once_big_batches_are_freed(make_client):
    """A big batch holds the collector off while it lives (its pass would trace every object of
    the batch, holding the loop); accepted or refused, once freed the collector runs again."""
    import gc

    from redactor import scheduling

    client = await make_client(ner=False, max_mirror_nodes=50_000)
    accepted = await client.post(ingest("a", "big"), data=flat_page(20_000))  # 40,000 nodes, > 1 MiB
    refused = await client.post(ingest("a", "bigger"), data=flat_page(30_000))  # 60,000 nodes: 413
    assert (accepted.status, refused.status) == (202, 413), await refused.text()
    while scheduling._gc_pauses:  # each batch's events are freed on a redaction thread after its answer
        await asyncio.sleep(0.01)
    assert gc.isenabled()


# -- 4. fairness --------------------------------------------------------------------------------
async def test_a_site_flooding_the_detector_does_not_delay_another(make_client):
    client = await make_client(ner=False, max_scan_texts=50_000)
    floods = [asyncio.create_task(client.post(ingest("a", f"s{n}"), data=distinct_strings(n, 1_500)))
              for n in range(4)]
    await until(lambda: metric(client, 'redactor_jobs_waiting{stage="detector"}'), floods[-1])

    answer = await client.post(ingest("b", "s1"), data=orjson.dumps(
        [custom("note", {"text": "please mail jan.devries@example.nl about it"})]))
    assert answer.status == 202
    # B went before A's backlog was done: A's detector jobs are still queued, A's batches pending
    assert await metric(client, 'redactor_jobs_waiting{stage="detector"}') > 0
    assert not all(flood.done() for flood in floods)
    assert "jan.devries@example.nl" not in orjson.dumps(await stored(client, "b", "s1")).decode()

    for flood in floods:
        assert (await flood).status == 202


async def test_detector_turns_go_round_robin_across_sites():
    scheduler = FairScheduler(slots=1)
    order: list[str] = []

    async def job(site: str, n: int) -> None:
        await scheduler.acquire(site)
        order.append(f"{site}{n}")
        scheduler.release(site)

    await scheduler.acquire("a")  # a holds the only slot while a and then b queue up
    jobs = [asyncio.create_task(job("a", n)) for n in range(1, 4)]
    await asyncio.sleep(0)
    jobs += [asyncio.create_task(job("b", n)) for n in range(2)]
    await asyncio.sleep(0)
    assert scheduler.waiting() == 5
    scheduler.release("a")
    await asyncio.gather(*jobs)
    assert order == ["b0", "a1", "b1", "a2", "a3"]  # b does not wait for a's backlog


async def test_waiting_detector_jobs_run_in_one_call_each_answered_with_its_own_texts(monkeypatch):
    """When the detector's slot frees, the job granted it takes the jobs then waiting (several sites',
    in their round-robin turns) into one call of the real detector in its process, and each job gets
    the spans of its own texts; a job whose client went away is dropped from the call, not run."""
    pool = DetectorPool(workers=1, ner=True)
    await pool.start()
    try:
        executor = pool._executor_()
        calls: list[list[str]] = []
        submit = executor.submit

        def recorded(fn, texts, *args):
            calls.append(list(texts))
            return submit(fn, texts, *args)

        monkeypatch.setattr(executor, "submit", recorded)
        jobs = {  # site → its texts, and the values planted in them (entity, value)
            "a": (["Bel aub 06 3190 2274, anders buurvrouw Mieke Hofstra", "mail naar jan.devries@example.nl"],
                  {("PERSON", "Mieke Hofstra"), ("PHONE_NUMBER", "06 3190 2274"),
                   ("EMAIL_ADDRESS", "jan.devries@example.nl")}),
            "b": (["IBAN NL91 ABNA 0417 1643 00 graag"], {("IBAN_CODE", "NL91 ABNA 0417 1643 00")}),
            "c": (["Groeten van Sanne Verhoeven"], {("PERSON", "Sanne Verhoeven")}),
            "gone": (["bel mij op 0612345678"], set()),
            "a2": (["stuur het naar an.peeters@example.be"], {("EMAIL_ADDRESS", "an.peeters@example.be")}),
        }
        settings = PiiSettings.defaults()
        await pool.queue.acquire("other")  # another site's job holds the only slot while these queue up
        tasks = {}
        for name, (texts, _) in jobs.items():
            site = name.rstrip("2")  # a2: a second batch of site a
            wanted = (lambda: False) if name == "gone" else (lambda: True)
            tasks[name] = asyncio.create_task(pool.analyze(texts, "nl", settings, site=site, wanted=wanted))
            while pool.queue.waiting() < len(tasks):
                await asyncio.sleep(0.01)
        pool.queue.release("other")
        with pytest.raises(Unwanted):
            await tasks.pop("gone")
        answers = {name: await task for name, task in tasks.items()}
        # one call, in the sites' turns: a, b, c, then a's second job; the unwanted job's text not in it
        assert calls == [jobs["a"][0] + jobs["b"][0] + jobs["c"][0] + jobs["a2"][0]]
        for name, spans in answers.items():
            texts, planted = jobs[name]
            assert len(spans) == len(texts)
            assert {(s.entity, text[s.start:s.end]) for text, found in zip(texts, spans) for s in found} == planted
    finally:
        pool.close()


async def test_one_site_leaves_a_redaction_thread_to_the_others():
    scheduler = FairScheduler(slots=2, per_key=1)
    await scheduler.acquire("a")
    second_of_a = asyncio.create_task(scheduler.acquire("a"))
    await asyncio.sleep(0)
    assert not second_of_a.done() and scheduler.waiting() == 1
    await asyncio.wait_for(scheduler.acquire("b"), 1)  # the free thread went to b
    second_of_a.cancel()
    with pytest.raises(asyncio.CancelledError):
        await second_of_a
    assert scheduler.waiting() == 0 and scheduler.running() == 2


def test_pii_workers_are_sized_to_the_machine(monkeypatch):
    import os

    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert default_pii_workers() == 8
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert default_pii_workers() == 1
    assert Settings().pii_workers == 1
    assert load_settings({}, environ={"REDACTOR_PII_WORKERS": "auto"}).pii_workers == 1
    assert load_settings({}, environ={"REDACTOR_PII_WORKERS": "3"}).pii_workers == 3


# -- 3. bounded work ---------------------------------------------------------------------------
async def test_texts_past_the_scan_budget_are_masked_whole(make_client):
    client = await make_client(ner=False, max_scan_texts=6)
    notes = [f"note number {i}" for i in range(12)] + ["call +31 6 12345678 now"]
    events = orjson.dumps([custom("note", {"text": note}) for note in notes])
    assert (await client.post(ingest("a", "s1"), data=events)).status == 202
    texts = [event["data"]["payload"]["text"] for event in await stored(client, "a", "s1")]
    assert "12345678" not in "".join(texts)
    unread = [t for t in texts if set(t) <= {"*", " "}]
    assert len(unread) >= len(notes) - 6  # past the budget: masked whole, never stored raw
    assert await metric(client, "redactor_detector_texts_total") == 6
    assert await metric(client, "redactor_unscanned_texts_total") >= len(notes) - 6
    assert await metric(client, 'redactor_limit_hits_total{limit="scan_texts"}') == 1

    repeated = orjson.dumps([custom("note", {"text": "the same note"}) for _ in range(20)])
    assert (await client.post(ingest("a", "s2"), data=repeated)).status == 202
    texts = [event["data"]["payload"]["text"] for event in await stored(client, "a", "s2")]
    assert texts == ["the same note"] * 20  # a repeated text is read once, counted once
    assert await metric(client, 'redactor_limit_hits_total{limit="scan_texts"}') == 1


async def test_characters_past_the_scan_budget_are_masked_whole(make_client):
    client = await make_client(ner=False, max_scan_chars=1_000)
    events = [custom("note", {"text": "a" * 600}), custom("note", {"text": "mail to an.peeters@example.be " + "b" * 500})]
    assert (await client.post(ingest("a", "s1"), data=orjson.dumps(events))).status == 202
    first, second = (event["data"]["payload"]["text"] for event in await stored(client, "a", "s1"))
    assert first == "a" * 600 and set(second) <= {"*", " "}
    assert await metric(client, 'redactor_limit_hits_total{limit="scan_chars"}') == 1
    assert 600 <= await metric(client, "redactor_detector_chars_total") <= 1_000


async def test_a_mirror_past_its_node_limit_is_refused_with_413(make_client):
    client = await make_client(ner=False, max_mirror_nodes=200)
    answer = await client.post(ingest("a", "s1"), data=flat_page(50))
    assert answer.status == 202
    answer = await client.post(ingest("a", "s1"), data=flat_page(150))
    assert answer.status == 413
    body = await answer.json()
    assert body["error"] == "mirror_too_large" and "max_mirror_nodes" in body["detail"]
    assert len(await stored(client, "a", "s1")) == 2  # only the first batch: nothing half-saved
    assert await metric(client, 'redactor_limit_hits_total{limit="mirror_nodes"}') == 1
    assert await metric(client, 'redactor_batches_refused_total{reason="mirror_too_large"}') == 1
    assert (await client.post(ingest("a", "s1"), data=flat_page(40))).status == 202  # the session goes on
    hostile = orjson.dumps([snapshot(html_page(*(element("i") for _ in range(5_000))))])
    answer = await client.post(ingest("a", "s2"), data=hostile)  # a new session's first page
    assert answer.status == 413 and (await answer.json())["error"] == "mirror_too_large"


async def test_live_sessions_per_site_are_bounded_with_429(make_client):
    client = await make_client(ner=False, max_sessions_per_site=2)
    one_event = orjson.dumps([custom("note", {"text": "hello there"})])
    for session in ("s1", "s2"):
        assert (await client.post(ingest("a", session), data=one_event)).status == 202
    answer = await client.post(ingest("a", "s3"), data=one_event)
    assert answer.status == 429
    assert (await answer.json())["error"] == "too_many_sessions"
    assert int(answer.headers["Retry-After"]) >= 1
    assert (await client.post(ingest("a", "s1"), data=one_event)).status == 202  # a live session goes on
    assert (await client.post(ingest("b", "s3"), data=one_event)).status == 202  # another site is not held
    assert await metric(client, 'redactor_site_sessions{site="a"}') == 2
    assert await metric(client, 'redactor_limit_hits_total{limit="site_sessions"}') == 1
    assert (await client.delete(ingest("a", "s2").rsplit("/", 1)[0], headers=ADMIN)).status == 204
    assert (await client.post(ingest("a", "s3"), data=one_event)).status == 202  # an erased session frees its place


async def test_made_up_sessions_without_a_page_hold_a_place_only_for_their_probation(make_client):
    """Sessions that sent nothing but a Meta event (made-up ids, by the thousand) give their place
    back after session_probation_seconds idle, not session_idle_seconds; sessions with a page keep
    theirs. (Waiting below is a poll on what the server says, with a deadline, not a timing test.)"""
    client = await make_client(ner=False, max_sessions_per_site=3, session_probation_seconds=1)
    only_meta = orjson.dumps([meta()])
    with_page = orjson.dumps([meta(), snapshot(html_page(element("p", {}, [text("hello")])))])
    for session in ("real1", "real2"):
        assert (await client.post(ingest("a", session), data=with_page)).status == 202
    assert (await client.post(ingest("a", "fake1"), data=only_meta)).status == 202
    answer = await client.post(ingest("a", "real3"), data=with_page)
    assert answer.status == 429 and int(answer.headers["Retry-After"]) <= 1  # the probation, not 30 minutes
    deadline = time.monotonic() + 60
    while answer.status == 429:  # what the recorder does: it sends again after Retry-After
        assert time.monotonic() < deadline, "the made-up session never gave its place back"
        await asyncio.sleep(int(answer.headers["Retry-After"]))
        answer = await client.post(ingest("a", "real3"), data=with_page)
    assert answer.status == 202
    answer = await client.post(ingest("a", "fake2"), data=only_meta)  # the three with a page keep their places
    assert answer.status == 429 and int(answer.headers["Retry-After"]) > 60
    for session in ("real1", "real2", "real3"):
        assert (await client.post(ingest("a", session), data=only_meta)).status == 202


async def test_a_batch_whose_client_went_away_is_not_worked_on_nor_stored(tmp_path):
    """A batch queued behind its site's flood, whose client gives up (closes the connection): when
    its turn comes its jobs are not run, and it is not stored (it was never acknowledged: the
    recorder sends it again, nothing is lost). `redactor serve`, as deployed: aiohttp's test
    server cancels a handler whose client went away, the real listener does not."""
    import aiohttp

    from conftest import start_serve

    server = await asyncio.to_thread(start_serve, tmp_path / "data",
                                     env={"REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false"})
    try:
        async with aiohttp.ClientSession(server.url, headers=ADMIN) as http:
            async def metric_of(name: str) -> float:
                async with http.get("/metrics") as answer:
                    body = await answer.text()
                return sum(float(v) for v in re.findall(rf"^{re.escape(name)}(?:{{[^}}]*}})? (\S+)$", body, re.M))

            assert (await http.put("/v1/sites/a", json={})).status == 201
            waiting = 'redactor_jobs_waiting{stage="detector"}'
            flood = asyncio.ensure_future(http.post(ingest("a", "flood"), data=distinct_strings(0, 6_000),
                                                    headers={"Content-Type": "application/json"}))

            async def detector_busy() -> bool:
                return await metric_of(waiting) > 0
            await until(detector_busy, flood)
            body = orjson.dumps({"seq": 0, "events": orjson.loads(distinct_strings(1, 3_000))})
            reader, writer = await asyncio.open_connection("127.0.0.1", int(server.url.rsplit(":", 1)[1]))
            writer.write(f"POST {ingest('a', 'gone')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()

            async def both_queued() -> bool:  # the detector's jobs of the flood run one by one: 2 = both there
                return await metric_of('redactor_site_sessions{site="a"}') >= 2
            await until(both_queued, flood)
            # the client gives up before the answer: a reset (a FIN alone may be a half-close, whose
            # client still waits for the answer: test_transport.py)
            writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.close()
            await writer.wait_closed()
            assert (await flood).status == 202
            deadline = time.monotonic() + 120
            while await metric_of('redactor_batches_refused_total{reason="client_gone"}') < 1:
                assert time.monotonic() < deadline, "the batch of the client that went away was worked on to the end"
                await asyncio.sleep(0.1)
            async with http.get(ingest("a", "gone")) as answer:
                assert answer.status == 404 or await answer.json() == []  # nothing of it stored
    finally:
        await asyncio.to_thread(server.stop)


async def test_bytes_of_mirrors_in_memory_are_bounded(tmp_path):
    from redactor.dom import DomMirror
    from redactor.policy import Policy, SiteConfig
    from redactor.sessions import SessionStates, live_bytes
    from redactor.sinks.store import Store

    policy = Policy.compile("a", SiteConfig())
    page = html_page(*(element("p", {}, [text(f"paragraph {i}")]) for i in range(200)))
    alone = DomMirror()
    alone.insert_tree(page, None, policy)
    limit = live_bytes(alone) * 8  # room for 8 live mirrors of the page, not for the 20 sessions
    hits: list[str] = []
    store = await Store(tmp_path).open()
    try:
        states = SessionStates(store, hot=32, max_bytes=limit, on_limit=hits.append)
        for n in range(20):
            async with states.session("a", f"s{n}") as mirror:
                mirror.insert_tree(page, None, policy)
                size = live_bytes(mirror)
            assert states.hot_bytes() + states.cold_bytes() <= limit
        assert size * 20 > limit  # all of them live would not fit
        assert "mirror_bytes" in hits and len(states) > 1  # frozen first, so most stay in memory
        async with states.session("a", "s19") as mirror:
            assert len(mirror.nodes) > 400  # the most recent one is whole
    finally:
        await store.close()


def test_the_collector_is_back_once_every_pause_has_ended():
    import gc

    from redactor.scheduling import gc_paused

    assert gc.isenabled()
    with gc_paused():
        with gc_paused():  # another thread decoding at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
