"""End-to-end fixtures: headless Chromium (Debian's, never a downloaded one), the real rrweb
recorder from npm served with our own pages from one 127.0.0.1 port, and the real
`redactor serve` on another port, so every recording crosses origins (CORS) as in production.

Everything here is session-scoped: the browser and the server (whose first start loads a spaCy
model) are started once for all e2e tests.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from conftest import ADMIN_TOKEN, ServeProcess, free_port, start_serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
OUTPUT = REPO / "tests" / "output"
#: rrweb's `exports` map hides the UMD bundle from require.resolve: serve the file itself
RRWEB_UMD = REPO / "node_modules" / "rrweb" / "dist" / "rrweb.umd.min.cjs"
#: @rrweb/packer as a page ships it, the global rrwebPacker: bundled by the test with esbuild, since the
#: package's UMD files (2.1.6) require() their sibling chunks and fail in a browser
PACKER_ENTRY = b'export { pack } from "@rrweb/packer";'
TYPING_DELAY_MS = 10  # ms a key: each key is its own input event however short; the delays were most of a round


# -- the pages' own server ----------------------------------------------------------------------
class PageServer:
    """Serves tests/e2e/pages and the vendor bundles (/vendor/NAME: the rrweb recorder, the packer)
    on its own 127.0.0.1 port (aiohttp, in a thread with its own event loop, so that the sync
    Playwright tests can use it)."""

    def __init__(self, vendor: dict[str, Path]) -> None:
        self.vendor = vendor
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="e2e-pages", daemon=True)

    def app(self) -> web.Application:
        async def bundle(request: web.Request) -> web.StreamResponse:
            return web.FileResponse(self.vendor[request.path.rpartition("/")[2]],
                                    headers={"Content-Type": "text/javascript; charset=utf-8"})

        app = web.Application()
        for name in self.vendor:
            app.router.add_get(f"/vendor/{name}", bundle)
        app.router.add_static("/", PAGES)
        return app

    def start(self) -> PageServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(30)
        return self

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


# -- a small admin client (stdlib only: the tests are sync) ---------------------------------------
class Admin:
    def __init__(self, url: str, token: str = ADMIN_TOKEN):
        self.url, self.token = url, token

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                raw = answer.read()
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path}: {error.code} {error.read()[:500]!r}") from None
        return json.loads(raw) if raw else None

    def put_site(self, site: str, **config: Any) -> Any:
        return self.call("PUT", f"/v1/sites/{site}", config)

    def events(self, site: str, session: str) -> list[dict[str, Any]]:
        return self.call("GET", f"/v1/sites/{site}/sessions/{session}/events")

    def sessions(self, site: str) -> list[dict[str, Any]]:
        return self.call("GET", f"/v1/sites/{site}/sessions")


# -- recording a page ---------------------------------------------------------------------------
class Recording:
    """One page recorded by the real rrweb recorder, its batches POSTed cross-origin to redactor."""

    def __init__(self, page: Any, ingest_url: str):
        self.page, self.ingest_url = page, ingest_url

    def open(self, url: str) -> Recording:
        # the page's recorder snippet (pages/recorder.js) reads where to send from here
        self.page.add_init_script(f"window.__ingest = {json.dumps(self.ingest_url)};")
        self.page.goto(url)
        self.page.wait_for_function("window.__recorder && window.__recorder.started")
        return self

    def type(self, selector: str, text: str, delay: int = TYPING_DELAY_MS) -> None:
        """Key by key, as a person types: rrweb sends one Input event per keystroke."""
        field = self.page.locator(selector)
        field.click()
        field.press_sequentially(text, delay=delay)

    def snapshot(self) -> None:
        """A new FullSnapshot, as SDKs take one at checkout or when the tab is hidden. It shows
        the fields' final values: a word typed last, with nothing after it, stays masked in its
        keystroke events (it could still have become an address: README, batch boundaries)."""
        self.page.evaluate("rrweb.record.takeFullSnapshot(true)")

    def finish(self, timeout: float = 30_000) -> list[dict[str, Any]]:
        """Flushes the recorder and waits until nothing is buffered or in flight. Returns every
        event the browser sent (to prove the planted values were there before redaction)."""
        self.page.wait_for_timeout(300)  # let the last keystroke's events reach the buffer
        self.page.evaluate("window.__recorder.flush()")
        self.page.wait_for_function("window.__recorder.idle()", timeout=timeout)
        state = self.page.evaluate("({failures: window.__recorder.failures, statuses: window.__recorder.statuses})")
        assert not state["failures"], f"the recorder's POSTs failed: {state}"
        assert state["statuses"] and set(state["statuses"]) == {202}, state
        return self.page.evaluate("window.__recorder.sent")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    # CI installs Debian's chromium: a missing browser is a failure, never a skip
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium_path: Path) -> Iterator[Any]:
    # per module (1-2 s to start): closed before the rest of the suite's asyncio tests run
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    yield tab
    context.close()


def packer_bundle(out: Path) -> Path:
    esbuild = REPO / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        pytest.fail(f"{esbuild} is missing: run `npm ci` at the repository root")
    bundle = out / "rrweb-packer.js"
    subprocess.run([str(esbuild), "--bundle", "--format=iife", "--global-name=rrwebPacker", f"--outfile={bundle}",
                    "--log-level=warning"], input=PACKER_ENTRY, check=True, cwd=REPO)
    return bundle


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PageServer]:
    if not RRWEB_UMD.exists():
        pytest.fail(f"{RRWEB_UMD} is missing: run `npm ci` at the repository root")
    vendor = {"rrweb.js": RRWEB_UMD, "rrweb-packer.js": packer_bundle(tmp_path_factory.mktemp("vendor"))}
    server = PageServer(vendor).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redactor_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    server = start_serve(tmp_path_factory.mktemp("e2e") / "data")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def admin(redactor_serve: ServeProcess) -> Admin:
    return Admin(redactor_serve.url)


def ingest_url(server: ServeProcess, site: str, session: str) -> str:
    return f"{server.url}/v1/sites/{site}/sessions/{session}/events"
