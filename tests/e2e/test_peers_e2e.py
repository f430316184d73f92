"""The real clients through redactor: posthog-js 1.449.2 and @sentry/browser 11.12.0 (npm, bundled
here with esbuild) record a page of ours in headless Chromium; the SDK's host is `redactor serve
--upstream` in front of the stub collector (tests/peer_collector.py), which reads what it gets the
way PostHog and Sentry do. The planted values are gone at the collector, the controls are kept,
the requests redactor has no business with arrive as the browser sent them, and the redacted
recordings still replay in rrweb-player.

The page is served as http://app.test (mapped to 127.0.0.1 in Chromium): posthog-js records no
network requests for a page on localhost or 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from aiohttp import web

from conftest import free_port, start_serve
from peer_collector import PeerCollector, posthog_json

from .conftest import CHROMIUM_ARGS, OUTPUT, REPO

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent / "peers"
PLAYER = REPO / "redactor" / "static" / "vendor"
TOKEN = "phc_E2eShopProjectKey0123456789"
SENTRY_KEY = "e2e0123456789abcdef0123456789ab"
EMAIL = "lotte.devries@mailbox.example"
PHONE = "+31 6 4815 1623"
SECRET_HEADER = "tok-9f8e7d6c5b4a3210"
IBAN = "NL91ABNA0417164300"
CONTROL = "Fietsbel, rood"
PLANTED = (EMAIL, "lotte.devries", "4815 1623", SECRET_HEADER, IBAN)
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "capturePerformance": {"network_timing": True}, "supportedCompression": ["gzip", "gzip-js"],
    "autocapture_opt_out": False,
}


class AppThread:
    """An aiohttp application on its own 127.0.0.1 port, in a thread (the tests are sync)."""

    def __init__(self, app: web.Application):
        self.app, self.port = app, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner = web.AppRunner(app, access_log=None)

    def start(self) -> AppThread:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(30)
        return self

    async def _start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def shop_app(bundles: Path) -> web.Application:
    """The shop's own pages, its small API, the SDK bundles and rrweb-player."""
    async def peer_bundle(request: web.Request) -> web.StreamResponse:
        sdk = request.query.get("sdk", "posthog")
        return web.FileResponse(bundles / f"{sdk}-entry.js", headers={"Content-Type": "text/javascript"})

    async def cart(request: web.Request) -> web.Response:
        body = await request.json()
        return web.json_response({"ok": True, "confirmation": f"sent to {body.get('email')}", "items": 2},
                                 headers={"X-Echo": "cart"})

    async def iban(request: web.Request) -> web.Response:
        return web.json_response({"iban": IBAN})

    async def player(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(HERE / "player.html")

    async def peer_page(request: web.Request) -> web.StreamResponse:
        html = (HERE / "shop.html").read_text().replace('/vendor/peer.js', f'/vendor/peer.js?sdk={request.query["sdk"]}')
        return web.Response(text=html, content_type="text/html")

    app = web.Application()
    app.router.add_get("/shop.html", peer_page)
    app.router.add_get("/vendor/peer.js", peer_bundle)
    app.router.add_post("/api/cart", cart)
    app.router.add_get("/api/account/iban", iban)
    app.router.add_get("/player.html", player)
    app.router.add_static("/vendor/", PLAYER)
    return app


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SDKs bundled once per test process: every peer module imports this fixture (one run of it per
    module), and the same entries give the same files."""
    if not _BUNDLED:
        _BUNDLED.append(bundle(tmp_path_factory.mktemp("bundles")))
    return _BUNDLED[0]


_BUNDLED: list[Path] = []


def bundle(out: Path) -> Path:
    esbuild = REPO / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        pytest.fail(f"{esbuild} is missing: run `npm ci` at the repository root")
    subprocess.run([str(esbuild), str(HERE / "posthog-entry.js"), str(HERE / "sentry-entry.js"), "--bundle",
                    "--format=iife", f"--outdir={out}", "--log-level=warning"], check=True, cwd=REPO)
    return out


@contextlib.contextmanager
def peer_stack(shop_app: web.Application, base: Path, site: dict[str, Any], keys: tuple[str, str] = (TOKEN, SENTRY_KEY),
               remote_config: dict[str, Any] = REMOTE_CONFIG) -> Iterator[dict[str, Any]]:
    """The stub collector (answering posthog-js with remote_config), the shop and `redactor serve
    --upstream` in front of the collector, with the site `shop` configured as `site` and its SDK keys."""
    collector = PeerCollector(remote_config)
    collector_thread = AppThread(collector.app()).start()
    shop = AppThread(shop_app).start()
    config = base / "redactor.yaml"  # JSON is YAML
    config.write_text(json.dumps({"ner": False, "pii_workers": 0,
                                  "sites": {"shop": {"sdk_keys": list(keys), **site}}}))
    serve = start_serve(base / "data", "--upstream", collector_thread.url, "--config", str(config))
    try:
        yield {"collector": collector, "shop": shop, "serve": serve}
    finally:
        serve.stop()
        shop.stop()
        collector_thread.stop()


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with peer_stack(shop_app(bundles), tmp_path_factory.mktemp("peers"), {"block_requests": ["/api/account/*"]}) as up:
        yield up


@pytest.fixture(scope="module")
def app_browser(chromium_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), headless=True,
                                              args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP app.test 127.0.0.1"])
        yield chromium
        chromium.close()


def wait_for(condition, what: Any, deadline: float = 60.0) -> None:
    """A bound for hangs, not a timing assertion. what: a text, or a function saying what happened."""
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, f"never happened: {what() if callable(what) else what}"
        time.sleep(0.2)


def record_shop(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any) -> dict[str, Any]:
    """Opens the shop with the SDK pointed at redactor, types the planted values, sends the order;
    returns what the browser sent to the SDK's host (method, URL, body) for the untouched routes."""
    shop = stack["shop"]
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    sent: list[dict[str, Any]] = []
    console: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"[:300]))
        page.on("request", lambda r: sent.append({"method": r.method, "url": r.url, "body": r.post_data_buffer})
                if r.url.startswith(stack["serve"].url) else None)
        page.add_init_script(f"window.__peer = {json.dumps({'sdk': sdk, 'key': key, 'proxy': stack['serve'].url, 'project': '4501'})};")
        page.goto(f"http://app.test:{shop.port}/shop.html?sdk={sdk}&ref={EMAIL}")
        page.wait_for_function("window.__started === true")
        page.wait_for_timeout(1500)  # the recorder script loads and takes its snapshot
        page.locator("#email").press_sequentially(EMAIL, delay=15)
        page.locator("#comment").press_sequentially(f"Bel me op {PHONE} aub", delay=15)
        page.locator("#send").click()
        page.locator("#done").filter(has_text="Bedankt").wait_for()
        if sdk == "sentry":
            page.evaluate("Sentry.getReplay().flush()")
        else:
            console.append("status: " + str(page.evaluate(
                "[posthog.sessionRecordingStarted(), posthog.sessionRecording && posthog.sessionRecording.status,"
                " JSON.stringify(posthog.get_property('$session_recording_remote_config'))]")))
        wait_for(lambda: done(stack["collector"]), lambda: f"{sdk}'s recording of the order reached the collector; "
                 f"received {[(r['method'], r['path_qs'][:60]) for r in stack['collector'].received]}; "
                 f"refused {stack['collector'].refused}; console {console[-15:]}")
    finally:
        context.close()
    return {"sent": sent}


def replays(browser: Any, stack: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """Replays events in rrweb-player; returns the text of the rebuilt page."""
    events = sorted(events, key=lambda e: e["timestamp"])
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{stack['shop'].url}/player.html")
        assert page.evaluate("events => window.replay(events)", events)
        frame = page.frame_locator(".replayer-wrapper iframe")
        frame.locator("#control").wait_for(timeout=15_000)
        text = frame.locator("body").inner_text()
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"peer-replay-{len(events)}.png"))
    finally:
        context.close()
    assert not problems, problems
    return text


def clean(value: Any) -> None:
    plain = json.dumps(value, ensure_ascii=False)
    for planted in PLANTED:
        assert planted not in plain, f"{planted!r} reached the collector"


#: what posthog-js writes of itself, the page's device and the visit (checked unchanged at the collector)
SDK_PROPERTIES = ("token", "$os", "$os_version", "$browser", "$browser_version", "$device_type", "$raw_user_agent",
                  "$lib", "$lib_version", "$insert_id", "$time", "$device_id", "$session_id", "$window_id",
                  "$pageview_id", "$timezone", "$browser_language", "$screen_height", "$viewport_width",
                  "$lib_custom_api_host")


def posthog_events(data: Any) -> list[dict[str, Any]]:
    return data if isinstance(data, list) else data.get("batch", [data])


def posthog_recorded(collector: PeerCollector) -> list[dict[str, Any]]:
    return [rrweb for request in collector.requests("/s/") for event in request.get("json", [])
            for rrweb in event["properties"]["$snapshot_data"]]


def network_urls(events: list[dict[str, Any]]) -> list[str]:
    return [r.get("name", "") for e in events if e.get("type") == 6 and e["data"].get("plugin") == "rrweb/network@1"
            for r in e["data"]["payload"].get("requests", [])]


def test_posthog_js_through_redactor(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        return "Bedankt" in json.dumps(posthog_recorded(c), ensure_ascii=False) and \
            any("/api/cart" in u for u in network_urls(posthog_recorded(c)))

    browser_side = record_shop(app_browser, stack, "posthog", TOKEN, done)
    assert not collector.refused, collector.refused
    recorded = posthog_recorded(collector)
    # the layers were there: gzip bodies, per-field gzip, analytics
    assert all(r["raw"][:2] == b"\x1f\x8b" for r in collector.requests("/s/"))
    assert any(e.get("cv") == "2024-10" for e in recorded)
    analytics = [e for path in ("/e/", "/i/v0/e/") for r in collector.requests(path) for e in r.get("json", [])]
    assert any(e["event"] == "$pageview" for e in analytics)
    # planted values gone everywhere; controls kept
    clean(recorded)
    clean(analytics)
    assert CONTROL in json.dumps(recorded, ensure_ascii=False)
    # the SDK's own properties arrive as posthog-js wrote them: skipped for their shape, or scanned and clean
    sent_events = {event["uuid"]: event for sent in browser_side["sent"] if sent["body"]
                   and urlsplit(sent["url"]).path in ("/e/", "/i/v0/e/")
                   for event in posthog_events(posthog_json(sent["body"], dict(parse_qsl(urlsplit(sent["url"]).query))))}
    compared = 0
    for event in analytics:
        before = sent_events.get(event.get("uuid"), {}).get("properties", {})
        for key in SDK_PROPERTIES:
            if key in before:
                assert event["properties"][key] == before[key], key
                compared += 1
    assert compared >= len(SDK_PROPERTIES), compared
    pageview = next(e for e in analytics if e["event"] == "$pageview")
    assert pageview["properties"]["$current_url"].startswith(f"http://app.test:{stack['shop'].port}/shop.html?sdk=posthog&ref=")
    # what was there and was masked, not lost: the typed e-mail, the header, the console line
    typed = [e["data"]["text"] for e in recorded if e["type"] == 3 and e["data"].get("source") == 5]
    assert any(t and set(t) == {"*"} and len(t) == len(EMAIL) for t in typed), typed
    urls = network_urls(recorded)
    assert any("/api/cart" in u for u in urls) and not any("/api/account/" in u for u in urls), urls
    cart = next(r for e in recorded if e.get("type") == 6 and e["data"].get("plugin") == "rrweb/network@1"
                for r in e["data"]["payload"]["requests"] if "/api/cart" in r.get("name", ""))
    assert set(cart["requestHeaders"]["x-session-token"]) == {"*"}
    assert json.loads(cart["requestBody"])["qty"] == 2
    console = [line for e in recorded if e.get("type") == 6 and e["data"].get("plugin") == "rrweb/console@1"
               for line in e["data"]["payload"]["payload"]]
    assert any("ingelogd als" in line for line in console), console
    # the flags requests carry the page's URL (?ref=<e-mail>) in person properties: redacted
    flags = collector.requests("/flags/")
    assert flags and all(r["method"] == "POST" for r in flags)
    clean([json.loads(gzip.decompress(r["raw"]) if r["raw"][:2] == b"\x1f\x8b" else r["raw"]) for r in flags])
    # the routes redactor has no business with arrived as the browser sent them
    untouched = [s for s in browser_side["sent"] if "/array/" in s["url"] or "/static/" in s["url"]]
    assert untouched
    for sent in untouched:
        path_qs = sent["url"][len(stack["serve"].url):]
        arrived = [r for r in collector.received if r["path_qs"] == path_qs and r["method"] == sent["method"]]
        assert arrived, path_qs
        assert arrived[0]["raw"] == (sent["body"] or b""), path_qs
    # and the redacted recording still replays
    snapshot_events = [e for e in recorded if e.get("type") in (2, 3, 4)]
    shown = replays(app_browser, stack, snapshot_events)
    assert CONTROL in shown and EMAIL not in shown


def sentry_recordings(collector: PeerCollector) -> list[dict[str, Any]]:
    return [e for r in collector.requests("/api/4501/envelope/") for _, events in r.get("recordings", [])
            for e in events]


def envelopes_of(collector: PeerCollector) -> list[dict[str, Any]]:
    return collector.requests("/api/4501/envelope/")


def test_sentry_browser_through_redactor(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        recorded = json.dumps(sentry_recordings(c), ensure_ascii=False)
        return "Bedankt" in recorded and "/api/cart" in recorded and \
            any(b'"type":"event"' in r["raw"] for r in envelopes_of(c))

    browser_side = record_shop(app_browser, stack, "sentry", SENTRY_KEY, done)
    assert not collector.refused, collector.refused
    # the page's message event is scanned (its request.url held ?ref=<e-mail>); envelopes without
    # anything personal (sessions, client reports) ride along as the browser sent them
    events = [json.loads(p) for r in envelopes_of(collector) for h, p in r["envelope"][1] if h.get("type") == "event"]
    assert [e["message"] for e in events] == ["bestelling geplaatst"]
    clean(events)
    others = [s for s in browser_side["sent"] if "/envelope/" in s["url"] and s["body"]
              and b'"type":"replay_event"' not in s["body"] and b'"type":"event"' not in s["body"]]
    for sent in others:
        assert any(r["raw"] == sent["body"] for r in envelopes_of(collector)), sent["body"][:200]
    envelopes = collector.requests("/api/4501/envelope/")
    assert all(f"sentry_key={SENTRY_KEY}" in r["path_qs"] for r in envelopes)
    compressions = {kind for r in envelopes for kind, _ in r.get("recordings", [])}
    assert compressions == {"zlib"}, compressions
    recorded = sentry_recordings(collector)
    replay_events = [e for r in envelopes for e in r.get("replay_events", [])]
    assert replay_events and all(e["urls"] is not None for e in replay_events)
    clean(recorded)
    clean(replay_events)
    assert CONTROL in json.dumps(recorded, ensure_ascii=False)
    spans = [e["data"]["payload"] for e in recorded if e.get("type") == 5 and e["data"].get("tag") == "performanceSpan"
             and e["data"]["payload"].get("op", "").startswith("resource.")]
    assert any("/api/cart" in s["description"] for s in spans)
    assert not any("/api/account/" in s["description"] for s in spans)
    cart = next(s for s in spans if "/api/cart" in s["description"] and s["op"] == "resource.fetch")
    assert set(cart["data"]["request"]["headers"]["x-session-token"]) == {"*"}
    typed = [e["data"]["text"] for e in recorded if e["type"] == 3 and e["data"].get("source") == 5]
    assert any(t and set(t) == {"*"} and len(t) == len(EMAIL) for t in typed), typed
    shown = replays(app_browser, stack, [e for e in recorded if e.get("type") in (2, 3, 4)])
    assert CONTROL in shown and EMAIL not in shown
