"""Upstream mode in-process: forwarding (path, query, headers, gzip, the collector's answer),
the disk spool (5xx/429/down → 202 spooled, per-session order, bound → 503, restart), and the
mirror state still kept in the embedded store. The collector is a tiny aiohttp app on 127.0.0.1.

FakeCollector and the event builders are imported by test_faults.py and test_tls.py."""

from __future__ import annotations

import asyncio
import gzip
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiohttp import web

from conftest import free_port
from redactor.app import create_app
from redactor.config import Settings
from redactor.keys import SPOOL, STORE
from redactor.policy import validate_site_config
from redactor.sinks.upstream import retry_after

SECRET = "Hunter2-Corr3ct-Horse"  # a password typed in the recording: must never leave the proxy


# -- rrweb event builders -----------------------------------------------------------------------
def meta(href: str = "https://shop.example/checkout") -> dict[str, Any]:
    return {"type": 4, "data": {"href": href, "width": 1280, "height": 720}, "timestamp": int(time.time() * 1000)}


def snapshot_with_password(value: str = SECRET) -> dict[str, Any]:
    password = {"type": 2, "id": 4, "tagName": "input", "attributes": {"type": "password", "value": value},
                "childNodes": []}
    body = {"type": 2, "id": 3, "tagName": "body", "attributes": {}, "childNodes": [password]}
    html = {"type": 2, "id": 2, "tagName": "html", "attributes": {}, "childNodes": [body]}
    return {"type": 2, "data": {"node": {"type": 0, "id": 1, "childNodes": [html]},
                                "initialOffset": {"left": 0, "top": 0}}, "timestamp": int(time.time() * 1000)}


def typed(node_id: int, text: str) -> dict[str, Any]:
    return {"type": 3, "data": {"source": 5, "id": node_id, "text": text, "isChecked": False},
            "timestamp": int(time.time() * 1000)}


def marker(session: str, n: int) -> dict[str, Any]:
    """A custom event naming the batch, so the collector's side can check order."""
    return {"type": 5, "data": {"tag": "batch", "payload": {"recording": session, "n": n}},
            "timestamp": int(time.time() * 1000)}


def batch(session: str, n: int) -> list[dict[str, Any]]:
    """Batch n of a session: the first carries the page and a snapshot with a password field."""
    events = [meta(), snapshot_with_password()] if n == 0 else [typed(4, SECRET[: 4 + n % 10])]
    return [*events, marker(session, n)]


def site_settings(data_dir: Path, upstream: str | None, **extra: Any) -> Settings:
    return Settings(data_dir=data_dir, upstream=upstream, pii_workers=0, ner=False,
                    sites={"shop": validate_site_config({})}, **extra)


# (the marker says "recording", not "session": values under secret-looking keys are masked)
# -- the fake collector -------------------------------------------------------------------------
class FakeCollector:
    """Records what it receives; `mode` says how it answers: ok, fail (503 + Retry-After),
    throttle (429), reject (400), hang (records, then answers once `release` is set)."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mode = "ok"
        self.retry_after: str | None = "1"
        self.release = asyncio.Event()
        self.attempts = 0
        self.received: list[dict[str, Any]] = []  # the requests not refused, in arrival order
        self.runner: web.AppRunner | None = None

    async def start(self) -> FakeCollector:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self.runner = web.AppRunner(app, handle_signals=False, auto_decompress=False, shutdown_timeout=0.5)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port, reuse_address=True).start()
        return self

    async def stop(self) -> None:
        self.release.set()
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None
        self.release = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        self.attempts += 1
        mode = self.mode
        if mode in ("fail", "throttle"):
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            return web.json_response({"error": mode}, status=503 if mode == "fail" else 429, headers=headers)
        if mode == "reject":
            return web.json_response({"error": "bad batch"}, status=400)
        if isinstance(mode, int):  # any status, as a collector in trouble answers
            return web.json_response({"error": "status"}, status=mode)
        body = gzip.decompress(raw) if request.headers.get("Content-Encoding") == "gzip" else raw
        self.received.append({"method": request.method, "path_qs": request.raw_path, "headers": request.headers.copy(),
                              "raw": raw, "json": orjson.loads(body)})  # on arrival: the order it came in
        if mode == "hang":
            await self.release.wait()
        return web.json_response({"ok": True, "n": len(self.received)}, status=200,
                                 headers={"X-Collector": "fake", "Set-Cookie": "c=1"})

    def markers(self) -> dict[str, list[int]]:
        """Batch numbers received, per session, in arrival order."""
        out: dict[str, list[int]] = {}
        for request in self.received:
            body = request["json"]
            events = body["events"] if isinstance(body, dict) else body
            for event in events:
                if event.get("type") == 5 and event["data"].get("tag") == "batch":
                    payload = event["data"]["payload"]
                    out.setdefault(payload["recording"], []).append(payload["n"])
        return out


@pytest.fixture
async def collector():
    fake = await FakeCollector().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def proxy(aiohttp_client, tmp_path: Path, collector: FakeCollector):
    settings = site_settings(tmp_path / "data", collector.url, upstream_timeout_seconds=1.0,
                             spool_retry_max_seconds=0.5)
    return await aiohttp_client(create_app(settings))


async def post(client, session: str, events: Any, query: str = "", **kwargs: Any):
    return await client.post(f"/v1/sites/shop/sessions/{session}/events{query}", data=orjson.dumps(events),
                             headers={"Content-Type": "application/json", **kwargs.pop("headers", {})}, **kwargs)


async def eventually(condition, deadline: float = 30.0) -> None:
    """Polls until condition() holds (a bound for hangs, not a timing assertion)."""
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, "condition not reached"
        await asyncio.sleep(0.05)


# -- forwarding -----------------------------------------------------------------------------------
async def test_forwards_redacted_batch_with_path_query_and_headers(proxy, collector):
    answer = await post(proxy, "s1", {"events": batch("s1", 0), "sdk": "rrweb"},
                        "?key=abc&q=a%20b%26c&ref=jan%40mail.example&sentry_key=0123456789abcdef0123456789abcdef&v=2",
                        headers={"X-Api-Key": "k1", "Cookie": "sid=123", "Connection": "keep-alive, X-Hop",
                                 "X-Hop": "drop me", "User-Agent": "rrweb-test", "X-Forwarded-For": "198.51.100.7",
                                 "Accept-Language": "nl-BE", "X-Visitor": "jan@mail.example",
                                 "Referer": "https://shop.example/profile?ref=jan@mail.example"})
    assert answer.status == 200  # the collector's answer, passed back
    assert await answer.json() == {"ok": True, "n": 1}
    assert answer.headers["X-Collector"] == "fake"
    assert "Set-Cookie" not in answer.headers  # the collector's cookies are not for the browser
    [request] = collector.received
    assert request["method"] == "POST"
    # the query is redacted like a URL: a secret by name masked whole, an e-mail found and masked,
    # the SDK's authentication and the rest untouched
    assert request["path_qs"] == ("/v1/sites/shop/sessions/s1/events"
                                  "?key=***&q=a%20b%26c&ref=****************&sentry_key=0123456789abcdef0123456789abcdef&v=2")
    headers = request["headers"]
    assert headers["X-Api-Key"] == "k1" and headers["User-Agent"] == "rrweb-test"
    for dropped in ("X-Hop", "Cookie", "X-Forwarded-For", "Accept-Language", "X-Visitor"):
        assert dropped not in headers, dropped
    assert headers["Referer"] == "https://shop.example/"  # the page's query stays behind
    assert int(headers["Content-Length"]) == len(request["raw"])
    assert "Content-Encoding" not in headers
    assert request["json"]["sdk"] == "rrweb"  # the metadata keys of an object body are kept
    assert SECRET.encode() not in request["raw"]
    assert request["json"]["events"][-1]["data"]["payload"] == {"recording": "s1", "n": 0}


async def test_a_session_id_holding_a_phone_number_goes_on_under_its_pseudonym(proxy, collector):
    """The collector's path names the session as the proxy keeps it: an id that holds a phone number
    (session_ids) goes on under its keyed pseudonym, directly and through the spool, the query after it."""
    answer = await post(proxy, "gsm.0478913527", batch("s1", 0), "?v=2")
    assert answer.status == 200
    collector.mode = "fail"
    answer = await post(proxy, "gsm.0478913527", batch("s1", 1), "?v=2")
    assert answer.status == 202 and (await answer.json())["spooled"]
    with sqlite3.connect(proxy.app[SPOOL].path) as db:
        [(spooled,)] = db.execute("SELECT path FROM items").fetchall()
    db.close()
    [forwarded] = [request["path_qs"] for request in collector.received]
    for path in (forwarded, spooled):
        assert re.fullmatch(r"/v1/sites/shop/sessions/sha256-[0-9a-f]{40}/events\?v=2", path), path
    assert forwarded == spooled


async def test_forwarded_header_values_are_redacted_but_keep_what_the_sdk_needs(aiohttp_client, tmp_path, collector):
    """Origin and Referer go on as scheme://host[:port], a login in them left behind; every other
    value the client wrote is scanned as a payload's string (an e-mail in a User-Agent, a key that
    is an e-mail), while Sentry's authentication and a project key keep their shape."""
    settings = Settings(data_dir=tmp_path / "data", upstream=collector.url, pii_workers=0, ner=False,
                        sites={"shop": validate_site_config({"allowed_origins": ["*"]})})
    proxy = await aiohttp_client(create_app(settings))
    sentry_auth = "Sentry sentry_version=7, sentry_client=sentry.javascript.browser/8.0.0, " \
                  "sentry_key=0123456789abcdef0123456789abcdef"
    answer = await post(proxy, "s1", batch("s1", 0), headers={
        "Referer": "https://amelie.vermeulen%40telenet.example:Hunter2@shop.example:8443/checkout?x=1",
        "Origin": "https://lotte:Geheim99@shop.example",
        "User-Agent": "Mozilla/5.0 (contact jan.peeters@skynet.example)",
        "X-Api-Key": "phc_Ab12Cd34Ef56Gh78", "X-Sentry-Auth": sentry_auth})
    assert answer.status == 200
    headers = collector.received[-1]["headers"]
    assert headers["Referer"] == "https://shop.example:8443/" and headers["Origin"] == "https://shop.example"
    assert headers["User-Agent"].startswith("Mozilla/5.0 (contact ") and "peeters" not in headers["User-Agent"]
    assert headers["X-Api-Key"] == "phc_Ab12Cd34Ef56Gh78" and headers["X-Sentry-Auth"] == sentry_auth
    chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 " \
             "Safari/537.36"
    answer = await post(proxy, "s2", batch("s2", 0), headers={
        "X-Api-Key": "marieke.claes@proximus.example", "X-Sentry-Auth": sentry_auth + ", user=marieke.claes@proximus.example",
        "User-Agent": chrome})
    assert answer.status == 200
    headers = collector.received[-1]["headers"]
    assert headers["User-Agent"] == chrome  # its product versions are no IP addresses
    assert "marieke" not in headers["X-Api-Key"] and "marieke" not in headers["X-Sentry-Auth"]
    assert headers["X-Sentry-Auth"].startswith(sentry_auth + ", ")  # the SDK's own parameters as they were
    for value in headers.values():
        assert "Hunter2" not in value and "amelie" not in value and "Geheim99" not in value and "lotte" not in value


async def test_what_goes_on_beside_the_batch_keeps_only_the_shapes_the_sdk_gives_it(proxy, collector):
    """A User-Agent's product whose version is a phone number, a Content-Type's parameter other than charset
    or boundary, Sentry's authentication holding something else than a key, a number or an SDK's name, a
    query value under a name no list knows that is a full name: none goes on as it came."""
    chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    answer = await post(proxy, "s1", batch("s1", 0),
                        "?sentry_key=0475123456&sentry_version=7&sentry_client=noor.bakker%40postvak.example"
                        "&who=Ysoline%20Daemers&v=2",
                        headers={"User-Agent": f"{chrome} Tel/0475123456 Mail/0471.23.45.98",
                                 "Content-Type": "application/json; charset=utf-8; iban=BE57096321876535; tel=0475123456",
                                 "X-Sentry-Auth": "Sentry sentry_version=7, sentry_client=Ysoline/Daemers, "
                                                  "sentry_key=0475123456"})
    assert answer.status == 200
    request = collector.received[-1]
    headers, path = request["headers"], request["path_qs"]
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["User-Agent"].startswith(chrome + " Tel/")  # the browser's own versions kept
    for value in ("0475123456", "0471.23.45.98", "Ysoline", "Daemers", "noor.bakker", "BE57"):
        assert value not in path and all(value not in v for v in headers.values()), value
    assert "sentry_version=7" in path and "&v=2" in path and "sentry_version=7" in headers["X-Sentry-Auth"]


async def test_the_spool_keeps_only_the_redacted_query_and_allowed_headers(proxy, collector):
    collector.mode = "fail"
    answer = await post(proxy, "s1", batch("s1", 0), "?email=jan%40mail.example&note=call%20jan%40mail.example",
                        headers={"Cookie": "sid=123", "X-Forwarded-For": "198.51.100.7",
                                 "User-Agent": "rrweb-test jan@mail.example"})
    assert answer.status == 202 and (await answer.json())["spooled"]
    with sqlite3.connect(proxy.app[SPOOL].path) as db:
        rows = db.execute("SELECT path, headers, body FROM items").fetchall()
    db.close()
    [(path, headers, body)] = rows
    assert "jan" not in path and "mail.example" not in path and path.startswith("/v1/sites/shop/sessions/s1/events?")
    assert b"jan@mail.example" not in headers and b"rrweb-test " in headers  # the user agent scanned before it is kept
    # (and the batch's Idempotency-Key: redactor's, pipeline.idempotency_key)
    assert {name.lower() for name, _ in orjson.loads(headers)} <= {"user-agent", "content-type", "content-length",
                                                                  "idempotency-key"}
    assert b"198.51.100.7" not in headers and b"sid=123" not in headers and SECRET.encode() not in body


async def test_gzip_is_kept_when_the_client_sent_gzip(proxy, collector):
    answer = await proxy.post("/v1/sites/shop/sessions/s1/events", data=gzip.compress(orjson.dumps(batch("s1", 0))),
                              headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert answer.status == 200
    [request] = collector.received
    assert request["headers"]["Content-Encoding"] == "gzip"
    assert int(request["headers"]["Content-Length"]) == len(request["raw"])
    assert SECRET.encode() not in gzip.decompress(request["raw"])


async def test_a_gzip_body_named_among_identity_headers_goes_on_gzipped(proxy, collector):
    """Content-Encoding sent twice is one list (body.content_encoding): `identity`, then `gzip` is a gzip
    body, and the collector gets it gzipped as the client sent it — the forwarding read the first header."""
    from multidict import CIMultiDict

    headers = CIMultiDict([("Content-Type", "application/json"), ("Content-Encoding", "identity"),
                           ("Content-Encoding", "gzip")])
    answer = await proxy.post("/v1/sites/shop/sessions/s1/events", data=gzip.compress(orjson.dumps(batch("s1", 0))),
                              headers=headers)
    assert answer.status == 200, await answer.text()
    [request] = collector.received
    assert request["headers"]["Content-Encoding"] == "gzip"
    assert SECRET.encode() not in gzip.decompress(request["raw"])


async def test_mirror_state_is_kept_but_events_are_not_stored(proxy, collector):
    assert (await post(proxy, "s1", batch("s1", 0))).status == 200
    store = proxy.app[STORE]
    assert await store.mirror_state("shop", "s1") is not None
    assert await store.session_events("shop", "s1") is None
    [summary] = await store.sessions("shop")
    assert summary["batches"] == 1 and summary["page"] == "https://shop.example/checkout"


async def test_collector_4xx_is_passed_back_and_not_spooled(proxy, collector):
    collector.mode = "reject"
    answer = await post(proxy, "s1", batch("s1", 0))
    assert answer.status == 400
    assert await answer.json() == {"error": "bad batch"}
    assert len(proxy.app[SPOOL]) == 0


@pytest.mark.parametrize("status", [401, 404, 408, 409])
async def test_a_direct_forward_answered_not_now_is_spooled_not_passed_back(proxy, collector, status):
    """A batch forwarded straight to the collector (no spool in between) and answered "not now"
    (spool.NOT_NOW: an incident, a key rotation) was passed back to the client with the collector's
    answer and never retried: lost unless the recorder sent it again. It is kept as the spool keeps
    a batch answered so: 202 spooled, and delivered once the collector takes it."""
    collector.mode = status
    answer = await post(proxy, "s1", batch("s1", 0))
    collector.mode = "ok"
    assert answer.status == 202
    assert await answer.json() == {"accepted": 3, "stored": 3, "dropped": 0, "spooled": True}
    await eventually(lambda: len(proxy.app[SPOOL]) == 0)
    assert collector.markers() == {"s1": [0]}
    assert all(SECRET.encode() not in r["raw"] for r in collector.received)


@pytest.mark.parametrize("refused", [True, False])
async def test_a_batch_the_collector_refuses_teaches_the_mirror_nothing(proxy, collector, refused):
    """pipeline.py discards the mirror of a batch the collector refused: the next batch changes a
    text the mirror never kept, unknown, so masked whole (fail closed). Accepted, it stays readable."""
    status_line = {"type": 3, "id": 5, "textContent": "waiting"}
    body = {"type": 2, "id": 3, "tagName": "body", "attributes": {},
            "childNodes": [{"type": 2, "id": 4, "tagName": "p", "attributes": {}, "childNodes": [status_line]}]}
    page = {"type": 2, "data": {"node": {"type": 0, "id": 1, "childNodes": [
        {"type": 2, "id": 2, "tagName": "html", "attributes": {}, "childNodes": [body]}]},
        "initialOffset": {"left": 0, "top": 0}}, "timestamp": int(time.time() * 1000)}
    collector.mode = "reject" if refused else "ok"
    assert (await post(proxy, "s1", [meta(), page])).status == (400 if refused else 200)
    collector.mode = "ok"
    change = {"type": 3, "data": {"source": 0, "texts": [{"id": 5, "value": "shipped"}], "attributes": [],
                                  "removes": [], "adds": []}, "timestamp": int(time.time() * 1000)}
    assert (await post(proxy, "s1", [change])).status == 200
    assert (b"shipped" in collector.received[-1]["raw"]) is not refused


# -- the spool ------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["fail", "throttle"])
async def test_5xx_and_429_are_spooled_then_delivered_in_order(proxy, collector, mode):
    collector.mode = mode
    for n in range(3):
        answer = await post(proxy, "s1", batch("s1", n))
        assert answer.status == 202
        assert await answer.json() == {"accepted": len(batch("s1", n)), "stored": len(batch("s1", n)),
                                       "dropped": 0, "spooled": True}
    assert len(proxy.app[SPOOL]) == 3
    collector.mode = "ok"
    await eventually(lambda: len(proxy.app[SPOOL]) == 0)
    assert collector.markers() == {"s1": [0, 1, 2]}
    assert all(SECRET.encode() not in r["raw"] for r in collector.received)


async def test_a_session_with_spooled_batches_queues_behind_them(proxy, collector):
    collector.mode = "fail"
    collector.retry_after = "3600"  # delivery waits: the spool keeps s1's batch
    assert (await post(proxy, "s1", batch("s1", 0))).status == 202
    collector.mode = "ok"
    spool = proxy.app[SPOOL]
    spool.healthy = True  # the collector is back as far as the ingest path knows
    answer = await post(proxy, "s1", batch("s1", 1))
    assert (await answer.json())["spooled"] is True  # behind batch 0, not straight upstream
    answer = await post(proxy, "s2", batch("s2", 0))
    assert answer.status == 200  # another session goes straight through
    assert collector.markers() == {"s2": [0]}
    assert len(spool) == 2


async def test_collector_down_spools_and_readyz_reports_a_full_spool(aiohttp_client, tmp_path, collector):
    await collector.stop()
    settings = site_settings(tmp_path / "data", collector.url, spool_max_bytes=4096, spool_retry_max_seconds=0.5)
    client = await aiohttp_client(create_app(settings))
    assert (await client.get("/readyz")).status == 200
    statuses = []
    for n in range(20):
        answer = await post(client, "s1", batch("s1", n))
        statuses.append(answer.status)
        if answer.status == 503:
            assert int(answer.headers["Retry-After"]) > 0
            assert (await answer.json())["error"] == "spool_full"
            break
    assert statuses[0] == 202 and statuses[-1] == 503, statuses
    ready = await client.get("/readyz")
    assert ready.status == 503 and (await ready.json())["checks"]["spool"] is False
    metrics = await (await client.get("/metrics")).text()
    assert "redactor_spool_batches" in metrics and "redactor_spool_oldest_seconds" in metrics
    assert 'redactor_upstream_errors_total{reason="unreachable"}' in metrics
    # what is on disk is redacted
    spool_file = tmp_path / "data" / "spool" / "spool.sqlite3"
    for path in spool_file.parent.iterdir():
        assert SECRET.encode() not in path.read_bytes()
    # the collector comes back: the spool drains, in order, and there is room again
    await collector.start()
    await eventually(lambda: len(client.app[SPOOL]) == 0)
    accepted = statuses.count(202)
    assert collector.markers() == {"s1": list(range(accepted))}
    assert (await client.get("/readyz")).status == 200


async def test_spool_survives_a_restart(aiohttp_client, tmp_path, collector):
    collector.mode = "fail"
    collector.retry_after = "3600"
    settings = site_settings(tmp_path / "data", collector.url)
    first = await aiohttp_client(create_app(settings))
    for n in range(3):
        assert (await post(first, "s1", batch("s1", n))).status == 202
    await first.close()
    collector.mode = "ok"
    second = await aiohttp_client(create_app(settings))
    assert len(second.app[SPOOL]) == 3
    await eventually(lambda: len(second.app[SPOOL]) == 0)
    assert collector.markers() == {"s1": [0, 1, 2]}


async def test_spooled_batch_refused_as_bad_is_kept_as_a_dead_letter_out_of_its_sessions_way(proxy, collector,
                                                                                              tmp_path):
    collector.mode = "fail"
    assert (await post(proxy, "s1", batch("s1", 0))).status == 202
    collector.mode = "reject"  # 400: this batch is bad, sending it again would not help
    await eventually(lambda: len(proxy.app[SPOOL]) == 0)
    metrics = await (await proxy.get("/metrics")).text()
    assert "redactor_spool_rejected_total 1.0" in metrics and "redactor_spool_dead_letters 1.0" in metrics
    with sqlite3.connect(tmp_path / "data" / "spool" / "spool.sqlite3") as db:
        assert db.execute("SELECT session, dead_status FROM items").fetchall() == [("s1", 400)]  # kept on disk
    collector.mode = "ok"
    await eventually(lambda: proxy.app[SPOOL].healthy)
    assert (await post(proxy, "s1", batch("s1", 1))).status == 200  # the session goes on
    assert collector.markers() == {"s1": [1]}


@pytest.mark.parametrize("status", [401, 403, 404])
async def test_a_spooled_batch_answered_not_now_is_kept_and_delivered_later(proxy, collector, status):
    """A collector incident answers 401/403/404 for a while: the spool deleted the batch on the
    first such answer (gone). It is kept, sent again with backoff, and delivered once it is over."""
    collector.mode = "fail"
    assert (await post(proxy, "s1", batch("s1", 0))).status == 202
    collector.mode = status
    held = f'redactor_spool_held_total{{status="{status}"}}'

    async def held_times() -> float:
        lines = [line for line in (await (await proxy.get("/metrics")).text()).splitlines() if line.startswith(held)]
        return float(lines[0].split()[-1]) if lines else 0.0

    end = time.monotonic() + 30
    while await held_times() < 3:  # refused three times, kept each time
        assert time.monotonic() < end, "not retried"
        await asyncio.sleep(0.05)
    assert len(proxy.app[SPOOL]) == 1 and collector.received == []
    assert (await post(proxy, "s1", batch("s1", 1))).status == 202  # its session queues behind it
    collector.mode = "ok"
    await eventually(lambda: len(proxy.app[SPOOL]) == 0)
    assert collector.markers() == {"s1": [0, 1]}
    metrics = await (await proxy.get("/metrics")).text()
    assert "redactor_spool_rejected_total 0.0" in metrics and "redactor_spool_dead_letters 0.0" in metrics


async def test_not_now_for_longer_than_dead_letter_seconds_makes_a_dead_letter(aiohttp_client, tmp_path, collector):
    settings = site_settings(tmp_path / "data", collector.url, upstream_timeout_seconds=1.0,
                             spool_retry_max_seconds=0.2, spool_dead_letter_seconds=1.0)
    client = await aiohttp_client(create_app(settings))
    collector.mode = "fail"
    assert (await post(client, "s1", batch("s1", 0))).status == 202
    assert (await post(client, "s2", batch("s2", 0))).status == 202
    collector.mode = 404
    await eventually(lambda: len(client.app[SPOOL]) == 0)  # both dead letters once a second has gone by
    metrics = await (await client.get("/metrics")).text()
    assert "redactor_spool_dead_letters 2.0" in metrics and "redactor_spool_rejected_total 2.0" in metrics
    with sqlite3.connect(tmp_path / "data" / "spool" / "spool.sqlite3") as db:
        assert sorted(db.execute("SELECT session, dead_status FROM items").fetchall()) == [("s1", 404), ("s2", 404)]


def test_retry_after_parsing():
    assert retry_after("120") == 120.0
    assert retry_after(None) is None and retry_after("soon") is None
    assert 0 <= retry_after("Wed, 21 Oct 2015 07:28:00 GMT") <= 0.0 + 1  # a date in the past: now
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 3600))
    assert 3500 < retry_after(future) <= 3600


async def test_spool_file_is_wal_and_private(tmp_path):
    """The fsync policy the docs state: an SQLite file of its own in WAL mode (synchronous=FULL
    is per connection, set on open), readable by the owner only."""
    from redactor.metrics import Metrics
    from redactor.sinks.spool import Outgoing, Spool
    spool = await Spool(tmp_path / "spool", 1 << 20, Metrics()).open()
    await spool.append(Outgoing("shop", "s1", "POST", "/x", [("Content-Length", "2")], b"[]"))
    assert spool.has_pending("shop", "s1") and not spool.has_pending("shop", "s2")
    with sqlite3.connect(spool.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 1
    assert spool.path.stat().st_mode & 0o077 == 0
    await spool.close()


async def test_a_spool_shared_by_workers_holds_no_more_than_its_bound(tmp_path):
    """With --workers N a child spools its share of the sessions in another child's file, bounded by
    that file's total; the owner checked its own appends against its own count, which learns of the
    others' rows only at a rescan: one file could reach twice spool_max_bytes. Both now check the
    file's running total."""
    import zlib

    from redactor.metrics import Metrics
    from redactor.sinks.spool import Outgoing, Spool, SpoolFull, Spools

    def spool_dir(index: int) -> str:
        return "spool" if not index else f"spool-{index}"

    def owned_by_first(prefix: str) -> list[str]:  # sessions whose batches go to child 0's file
        return [s for s in (f"{prefix}{n}" for n in range(200)) if zlib.crc32(f"shop\0{s}".encode()) % 2 == 0]

    def batch(session: str) -> Outgoing:
        return Outgoing("shop", session, "POST", "/x", [("Content-Length", "1000")], b"x" * 1000)

    bound = 10 * batch("s").size
    first = await Spool(tmp_path / spool_dir(0), bound, Metrics()).open()
    second = await Spool(tmp_path / spool_dir(1), bound, Metrics()).open()
    seconds = await Spools(second, tmp_path, 1, 2, spool_dir).open()
    try:
        for session in owned_by_first("other-")[:8]:  # the second child fills most of the first's file
            await seconds.append(batch(session))
        taken = 0
        for session in owned_by_first("own-")[:8]:
            try:
                await first.append(batch(session))
                taken += 1
            except SpoolFull:
                break
        assert taken == 2
        with sqlite3.connect(first.path) as db:
            assert db.execute("SELECT sum(size) FROM items").fetchone()[0] <= bound
            assert db.execute("SELECT bytes FROM totals").fetchone()[0] == 10 * batch("s").size
    finally:
        await seconds.close()
        await second.close()
        await first.close()


async def test_an_unparsable_referer_is_dropped_not_a_500(proxy, collector):
    answer = await post(proxy, "s-ref", {"events": batch("s-ref", 0)}, headers={"Referer": "http://[oops/"})
    assert answer.status == 200, await answer.text()
    [request] = collector.received
    assert "Referer" not in request["headers"]


async def test_dead_letters_are_listed_sent_again_and_deleted_by_the_command_while_the_server_runs(
        proxy, collector, tmp_path, monkeypatch, capsys):
    """`redactor spool` on the data dir of a running server: it lists the dead letters (never their
    bodies), sends one again once the collector was fixed, and deletes the other; the server counts
    again when it sees the file changed (RESCAN_SECONDS, shortened here so the test does not wait)."""
    from redactor import cli
    from redactor.sinks import spool

    monkeypatch.setattr(spool, "RESCAN_SECONDS", 0.1)
    collector.mode = "fail"
    for session in ("s1", "s2"):
        assert (await post(proxy, session, batch(session, 0))).status == 202
    collector.mode = "reject"
    await eventually(lambda: proxy.app[SPOOL].dead == 2)
    collector.mode = "ok"
    data_dir = str(tmp_path / "data")

    assert await asyncio.to_thread(cli.main, ["spool", "--data-dir", data_dir]) == 0
    listing = capsys.readouterr().out
    assert "spool: 0 batch(es) to deliver, 2 dead letter(s)" in listing and "status=400" in listing
    assert SECRET not in listing and "checkout" not in listing  # names and counts, never what a batch holds
    names = {line.split()[0]: line for line in listing.splitlines() if line.startswith("  spool:")}
    first = next(name for name, line in names.items() if "session=s1" in line)

    assert await asyncio.to_thread(cli.main, ["spool", "--data-dir", data_dir, "--retry", first]) == 0
    assert "1 dead letter(s) sent again" in capsys.readouterr().out
    await eventually(lambda: collector.markers() == {"s1": [0]})  # delivered by the running server
    assert await asyncio.to_thread(cli.main, ["spool", "--data-dir", data_dir, "--drop", "all"]) == 0
    assert "1 dead letter(s) deleted" in capsys.readouterr().out
    await eventually(lambda: proxy.app[SPOOL].dead == 0)
    assert "redactor_spool_dead_letters 0.0" in await (await proxy.get("/metrics")).text()
    with sqlite3.connect(tmp_path / "data" / "spool" / "spool.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (0,)
    assert await asyncio.to_thread(cli.main, ["spool", "--data-dir", data_dir, "--retry", "s1"]) == 2  # no such name


async def test_the_spool_of_a_worker_that_no_longer_runs_is_taken_over(aiohttp_client, tmp_path, collector):
    """Started again with fewer --workers, the batches a gone child spooled are delivered by the
    first: nothing waits in a file nobody reads."""
    collector.mode = "fail"
    collector.retry_after = "3600"
    second_child = await aiohttp_client(create_app(site_settings(tmp_path / "data", collector.url, workers="2",
                                                                 worker_index=1)))
    for n in range(3):  # s4: spooled in the second child's own spool (crc32 mod 2)
        assert (await post(second_child, "s4", batch("s4", n))).status == 202
    await second_child.close()
    left = tmp_path / "data" / "spool-1" / "spool.sqlite3"
    with sqlite3.connect(left) as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (3,)
    collector.mode = "ok"
    alone = await aiohttp_client(create_app(site_settings(tmp_path / "data", collector.url)))
    await eventually(lambda: collector.markers() == {"s4": [0, 1, 2]})
    assert not left.exists()
    await eventually(lambda: len(alone.app[SPOOL]) == 0)  # the collector records a batch before it answers


@pytest.mark.parametrize("session", ["s1", "s4"])  # one spooled in each child's file (crc32 mod 2)
async def test_with_workers_a_sessions_batches_reach_the_collector_in_order_whichever_child_took_them(
        aiohttp_client, tmp_path, collector, session):
    """Two --workers children on one data dir: batch 0 of a session is spooled by one while the
    collector is down; batch 1 reaches the other once it is back. It queues behind batch 0 (in the
    session's spool, whichever child owns it), and the collector gets them in order."""
    import zlib

    assert {zlib.crc32(f"shop\0{s}".encode()) % 2 for s in ("s1", "s4")} == {0, 1}
    children = [await aiohttp_client(create_app(site_settings(tmp_path / "data", collector.url, workers="2",
                                                              worker_index=index, spool_retry_max_seconds=0.5)))
                for index in (0, 1)]
    collector.mode = "fail"
    assert (await post(children[0], session, batch(session, 0))).status == 202  # spooled
    assert (await post(children[1], session, batch(session, 1))).status == 202  # queued behind it
    files = sorted((tmp_path / "data").glob("spool*/spool.sqlite3"))
    holding = []
    for file in files:
        with sqlite3.connect(file) as db:
            if db.execute("SELECT count(*) FROM items WHERE session = ?", (session,)).fetchone()[0]:
                holding.append(file.parent.name)
    assert len(files) == 2 and len(holding) == 1  # one file holds the session's batches: one child delivers them
    collector.mode = "ok"
    await eventually(lambda: collector.markers() == {session: [0, 1]})
    # the collector records a batch before it answers: the spool lets it go a moment later
    await eventually(lambda: all(len(child.app[SPOOL]) == 0 for child in children))
    assert (await post(children[1], session, batch(session, 2))).status == 200  # nothing waits: forwarded
    assert collector.markers() == {session: [0, 1, 2]}
