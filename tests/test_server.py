"""The HTTP contract of ingest and the operator routes, over a real socket."""

from __future__ import annotations

import gzip
import zlib

import orjson
import pytest

from conftest import start_serve
from leaks import batches, bundled_recording, leaks, recordings

INGEST = "/v1/sites/shop/sessions/s1/events"


@pytest.fixture
async def shop(client, admin_headers):
    answer = await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    assert answer.status == 201
    return client


def first_batch() -> bytes:
    return batches(recordings()[0])[0]


async def error_of(answer, status: int) -> dict:
    assert answer.status == status, await answer.text()
    body = await answer.json()
    assert set(body) == {"error", "detail"} and body["detail"]
    return body


async def test_array_and_object_bodies_are_accepted(shop, admin_headers):
    events = orjson.loads(first_batch())["events"]
    answer = await shop.post(INGEST, data=orjson.dumps(events))
    assert answer.status == 202
    assert await answer.json() == {"accepted": len(events), "stored": len(events), "dropped": 0}
    answer = await shop.post("/v1/sites/shop/sessions/s2/events", data=first_batch())
    assert answer.status == 202


@pytest.mark.parametrize("encode, name", [(gzip.compress, "gzip"), (zlib.compress, "deflate"),
                                          (lambda b: zlib.compress(b)[2:-4], "deflate")])
async def test_compressed_bodies(shop, encode, name):
    answer = await shop.post(INGEST, data=encode(first_batch()), headers={"Content-Encoding": name})
    assert answer.status == 202, await answer.text()


async def test_gzip_bomb_is_refused_without_inflating(shop, client):
    bomb = gzip.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]")  # 64 MiB of spaces in ~64 KB
    answer = await shop.post(INGEST, data=bomb, headers={"Content-Encoding": "gzip"})
    assert (await error_of(answer, 413))["error"] == "too_large"


async def test_body_too_large(shop):
    answer = await shop.post(INGEST, data=b"[" + b"0," * (5 * 1024 * 1024) + b"0]")
    await error_of(answer, 413)


@pytest.mark.parametrize("body, code", [
    (b"", "empty_body"),
    (b"{not json", "bad_json"),
    (b"\xff\xfe[]", "bad_json"),
    (b'{"no": "events"}', "not_events"),
    (b'"a string"', "not_events"),
    (b'[1, 2]', "bad_event"),
    (b'[{"type": "two"}]', "bad_event"),
    (b'[{"type": 2, "data": {}}]', "bad_event"),
    (b'[{"type": 3}]', "bad_event"),
])
async def test_bad_bodies_get_a_clear_400(shop, admin_headers, body, code):
    answer = await shop.post(INGEST, data=body)
    assert (await error_of(answer, 400))["error"] == code
    stored = await shop.get("/v1/sites/shop/sessions/s1/events", headers=admin_headers)
    assert stored.status == 404  # nothing half-saved


async def test_unknown_site_is_404(shop):
    await error_of(await shop.post("/v1/sites/nope/sessions/s1/events", data=first_batch()), 404)


async def test_unsupported_media_and_encoding(shop):
    await error_of(await shop.post(INGEST, data=first_batch(), headers={"Content-Type": "text/html"}), 415)
    await error_of(await shop.post(INGEST, data=first_batch(), headers={"Content-Encoding": "compress"}), 415)


async def test_admin_routes_need_a_token(shop):
    for method, path in [("GET", "/v1/sites/shop"), ("PUT", "/v1/sites/shop"), ("GET", "/v1/sites/shop/sessions"),
                         ("GET", "/v1/sites/shop/sessions/s1/events"), ("DELETE", "/v1/sites/shop/sessions/s1"),
                         ("GET", "/v1/sites/shop/audit"), ("POST", "/v1/tokens")]:
        answer = await shop.request(method, path, json={})
        await error_of(answer, 401)
        answer = await shop.request(method, path, json={}, headers={"Authorization": "Bearer wrong"})
        await error_of(answer, 401)


async def test_cors_allows_exactly_the_sites_origins(client, admin_headers):
    await client.put("/v1/sites/shop", json={"allowed_origins": ["https://shop.example"]}, headers=admin_headers)
    preflight = await client.options(INGEST, headers={"Origin": "https://shop.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://shop.example"
    answer = await client.post(INGEST, data=first_batch(), headers={"Origin": "https://shop.example"})
    assert answer.status == 202 and answer.headers["Access-Control-Allow-Origin"] == "https://shop.example"
    refused = await client.post(INGEST, data=first_batch(), headers={"Origin": "https://evil.example"})
    await error_of(refused, 403)
    assert (await client.post(INGEST, data=first_batch())).status == 202  # server to server: no Origin


async def test_health_metrics_and_erasure(shop, admin_headers):
    assert (await shop.get("/healthz")).status == 200
    assert (await (await shop.get("/readyz")).json())["ready"] is True
    await shop.post(INGEST, data=first_batch())
    metrics = await (await shop.get("/metrics")).text()
    assert "redactor_events_in_total" in metrics and "redactor_redactions_total{" in metrics
    sessions = await (await shop.get("/v1/sites/shop/sessions", headers=admin_headers)).json()
    assert [s["session"] for s in sessions] == ["s1"] and sessions[0]["remarks"]
    assert (await shop.delete("/v1/sites/shop/sessions/s1", headers=admin_headers)).status == 204
    assert (await shop.get("/v1/sites/shop/sessions/s1/events", headers=admin_headers)).status == 404


async def test_an_erased_session_leaves_no_byte_on_disk(shop, settings, admin_headers):
    """Right to erasure: the session's rows are zeroed (secure_delete) and the journal, which still held
    the pages as they were before, is written back and cut: no byte of the session's text is left in any
    file of the data directory (it was, in the -wal file, until the next checkpoint)."""
    from factories import element, html_page, meta, snapshot, text

    page = html_page(element("p", {}, [text("Kwispelstaartjesmarkt")]))
    assert (await shop.post(INGEST, data=orjson.dumps([meta(), snapshot(page)]))).status == 202

    def on_disk() -> bytes:
        return b"".join(path.read_bytes() for path in settings.data_dir.rglob("*") if path.is_file())
    assert b"Kwispelstaartjesmarkt" in on_disk()
    assert (await shop.delete("/v1/sites/shop/sessions/s1", headers=admin_headers)).status == 204
    assert b"Kwispelstaartjesmarkt" not in on_disk()


#: session ids a site made of who the visitor is: a phone, an e-mail's login and domain, an IBAN, a card, a
#: Belgian national number, a Dutch BSN — each glued to a word the way a site names its keys
PERSONAL_SESSION_IDS = ["gsm.0478913527", "hugo.lemaire.mail.example:0478913527", "NL20INGB0001234567",
                        "card-4539578763621486", "rrn_88041210157", "bsn-123456782"]
#: ids recording scripts and SDKs make: a UUID (one whose digit groups Presidio reads as a phone in text), a
#: PostHog tab, a hex digest, short ones, a date and a counter
ORDINARY_SESSION_IDS = ["f35f1a65-f049-4605-8517-7eaeb74d8c06", "0194f1c2-8a3b-7c4d-9e5f-6a7b8c9d0e1f:0194f1c2-8a3b",
                        "2f1e7c9a4b3d4e8f9a0b1c2d3e4f5a6b", "s1", "visit-42", "tab_2", "session-2026-12-06"]


async def test_a_session_id_that_names_the_visitor_is_kept_under_a_pseudonym_and_ordinary_ids_as_they_came(
        shop, settings, admin_headers):
    """The session id is the recording's name wherever it is kept (the store, the session list, Redis key
    names, the spool, the collector's path): one in which the pattern recognizers find a phone, an e-mail, an
    IBAN, a card or a national number is kept under a keyed pseudonym, never refused (a random token can
    read as a phone number too: its client would lose the recording). The admin reads and erases it by
    the id it was sent with. The ids scripts and SDKs make are listed as they came."""
    batch = orjson.dumps([{"type": 4, "data": {"href": "https://shop.example/", "width": 1280, "height": 800},
                           "timestamp": 1764626400000}])
    for session in PERSONAL_SESSION_IDS + ORDINARY_SESSION_IDS:
        answer = await shop.post(f"/v1/sites/shop/sessions/{session}/events", data=batch)
        assert answer.status == 202, (session, await answer.text())
    listed = [s["session"] for s in await (await shop.get("/v1/sites/shop/sessions", headers=admin_headers)).json()]
    pseudonyms = [session for session in listed if session not in ORDINARY_SESSION_IDS]
    assert sorted(set(listed) - set(pseudonyms)) == sorted(ORDINARY_SESSION_IDS)
    assert len(pseudonyms) == len(PERSONAL_SESSION_IDS) and all(s.startswith("sha256-") for s in pseudonyms)

    def check_disk() -> None:
        on_disk = b"".join(path.read_bytes() for path in settings.data_dir.rglob("*") if path.is_file())
        for digits in ("0478913527", "0001234567", "4539578763621486", "88041210157", "123456782", "hugo.lemaire"):
            assert digits.encode() not in on_disk
    check_disk()
    for session in PERSONAL_SESSION_IDS + ORDINARY_SESSION_IDS:
        read = await shop.get(f"/v1/sites/shop/sessions/{session}/events", headers=admin_headers)
        assert read.status == 200 and len(await read.json()) == 1, session
        assert (await shop.delete(f"/v1/sites/shop/sessions/{session}", headers=admin_headers)).status == 204
        assert (await shop.get(f"/v1/sites/shop/sessions/{session}/events", headers=admin_headers)).status == 404
    assert await (await shop.get("/v1/sites/shop/sessions", headers=admin_headers)).json() == []
    check_disk()  # nor in the audit of those reads and erasures


async def test_a_session_id_is_read_once_and_a_personal_one_each_time(shop, admin_headers, redaction_jobs):
    """A session sends all its batches under one id: an id found to name no one is not read again (each read is a
    trip to a redaction thread, "known": bench/load.py's ids have digits), under the same settings; one that does
    is read each time, and not kept. Another site, or the site's threshold changed, reads it again."""
    batch = orjson.dumps([{"type": 4, "data": {"href": "https://shop.example/", "width": 1280, "height": 800},
                           "timestamp": 1764626400000}])
    for _ in range(3):
        assert (await shop.post("/v1/sites/shop/sessions/load-3f8e2a41-7-0/events", data=batch)).status == 202
    assert redaction_jobs.count("known") == 1, redaction_jobs
    redaction_jobs.clear()
    for _ in range(2):
        await shop.post(f"/v1/sites/shop/sessions/{PERSONAL_SESSION_IDS[0]}/events", data=batch)
    assert redaction_jobs.count("known") == 2, redaction_jobs
    redaction_jobs.clear()
    assert (await shop.put("/v1/sites/shop", json={"pii": {"threshold": 0.4}}, headers=admin_headers)).status == 200
    assert (await shop.put("/v1/sites/other", json={}, headers=admin_headers)).status == 201
    for site in ("shop", "other"):
        assert (await shop.post(f"/v1/sites/{site}/sessions/load-3f8e2a41-7-0/events", data=batch)).status == 202
    assert redaction_jobs.count("known") == 2, redaction_jobs


async def test_the_sessions_page_is_stored_redacted(shop, admin_headers):
    """The sessions table's page column is the Meta's href as redacted: a phone's '+' left
    unencoded in its query ('?ph=+32+478…', form encoding's spaces) is masked there too."""
    page = "https://shop.example/bel?ph=+32+478+91+35+27&x=+32478913527"
    events = [{"type": 4, "data": {"href": page, "width": 1280, "height": 800}, "timestamp": 1764626400000}]
    assert (await shop.post(INGEST, data=orjson.dumps(events))).status == 202
    [session] = await (await shop.get("/v1/sites/shop/sessions", headers=admin_headers)).json()
    assert session["page"].startswith("https://shop.example/bel?ph=")
    assert "478+91" not in session["page"] and "478913527" not in session["page"], session["page"]


def test_restart_keeps_what_is_sensitive(tmp_path):
    """A mirror that learnt the page in batch 0 still masks batch 1 after the server restarts."""
    import urllib.request

    recording = recordings()[0]
    bodies = batches(recording)
    server = start_serve(tmp_path / "data")

    def call(method, path, body=None, token=True):
        request = urllib.request.Request(server.url + path, data=body, method=method)
        if token:
            request.add_header("Authorization", "Bearer test-admin-token")
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read()

    try:
        call("PUT", "/v1/sites/shop", b"{}")
        assert call("POST", INGEST, bodies[0], token=False)[0] == 202
    finally:
        assert server.stop() == 0
    server = start_serve(tmp_path / "data")
    try:
        for body in bodies[1:]:
            assert call("POST", INGEST, body, token=False)[0] == 202
        stored = orjson.loads(call("GET", INGEST)[1])
    finally:
        server.stop()
    from leaks import planted
    for entry in planted(recording):
        if entry["category"] not in ("free_text", "quasi_identifier"):
            assert not leaks(stored, entry["value"]), entry["field"]


async def test_presidio_never_runs_on_the_event_loop(shop, monkeypatch):
    import threading

    from redactor.pii import PiiDetector

    on_loop = []
    spans_of = PiiDetector.spans_of

    def watched(self, *args, **kwargs):
        on_loop.append(threading.current_thread() is threading.main_thread())
        return spans_of(self, *args, **kwargs)

    monkeypatch.setattr(PiiDetector, "spans_of", watched)
    assert (await shop.post(INGEST, data=first_batch())).status == 202
    assert on_loop and not any(on_loop)


async def test_session_mirrors_are_bounded(tmp_path):
    from redactor.sessions import SessionStates
    from redactor.sinks.store import Store

    store = await Store(tmp_path).open()
    try:
        states = SessionStates(store, max_sessions=2, idle_seconds=3600)
        for name in ("a", "b", "c"):
            async with states.session("shop", name) as mirror:
                mirror.lang = name
        assert len(states) == 2  # the least recently used one was let go
        async with states.session("shop", "a") as mirror:
            assert mirror.lang is None  # reloaded from the store: never saved, so a fresh mirror
    finally:
        await store.close()


async def test_cold_sessions_are_compressed_and_come_back_whole(tmp_path):
    """Beyond the hot few, mirrors are frozen; a frozen one still knows what is sensitive and
    what it tainted."""
    from factories import element, html_page, input_event, snapshot, typing
    from redactor.masking import Masker
    from redactor.pii import DetectorPool
    from redactor.policy import Policy, SiteConfig
    from redactor.redact import redact_batch
    from redactor.sessions import SessionStates
    from redactor.sinks.store import Store
    from redactor.taint import TaintHasher

    store = await Store(tmp_path).open()
    detector = DetectorPool(workers=0, ner=False)
    policy = Policy.compile("shop", SiteConfig())
    analyze = lambda texts, language: detector.analyze(texts, language, policy.config.pii)  # noqa: E731
    try:
        states = SessionStates(store, hot=1)
        password, name = element("input", {"type": "password"}), element("input", {"autocomplete": "name"})
        page = html_page(password, name)
        async with states.session("shop", "a") as mirror:
            await redact_batch([snapshot(page), *typing(name["id"], "Camille Lefebvre")], policy, mirror,
                               Masker(), analyze)
        async with states.session("shop", "b") as mirror:  # "a" is frozen now
            pass
        assert states.cold_bytes() > 0
        async with states.session("shop", "a") as mirror:
            result = await redact_batch([input_event(password["id"], "hunter2")], policy, mirror, Masker(), analyze)
            assert result.events[0]["data"]["text"] == "*******"
            assert mirror.taint.contains("Lefebvre", TaintHasher(Masker().secret))
    finally:
        detector.close()
        await store.close()


async def test_the_store_holds_no_unredacted_value(shop, client, settings):
    """Stored events are redacted, and so is what is saved of the mirror: the SQLite file, read
    byte by byte, holds no planted value of the recording."""
    from leaks import planted

    recording = bundled_recording("profile-b")  # an e-mail in the URL, names and e-mails rendered by script
    for body in batches(recording):
        assert (await shop.post(f"/v1/sites/shop/sessions/{recording['sessionId']}/events", data=body)).status == 202
    from factories import element, html_page, snapshot

    page = html_page(element("img", {"alt": "Foto van Jan Jansen", "data-user-email": "jan.jansen@mail.example",
                                     "src": "/avatar?email=jan.jansen@mail.example"}))
    assert (await shop.post("/v1/sites/shop/sessions/attrs/events", data=orjson.dumps([snapshot(page)]))).status == 202
    database = b"".join(path.read_bytes() for path in settings.data_dir.glob("redactor.sqlite3*"))
    for entry in planted(recording):
        if entry["category"] not in ("free_text", "quasi_identifier"):
            assert entry["value"].encode() not in database, entry["field"]
    assert b"jan.jansen" not in database and b"Jan Jansen" not in database
