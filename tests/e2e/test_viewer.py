"""The replay viewer served by `redactor serve` at `/`, in headless Chromium: sign in, list the
sessions of a site, replay one with rrweb-player next to what was redacted, and preview a
block-list on it. The screenshot lands in tests/output/viewer.png (a CI artifact).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import ADMIN_TOKEN

from .conftest import OUTPUT, Admin, PageServer, Recording, ingest_url

pytestmark = pytest.mark.e2e

SITE = "e2e-viewer"
#: typed into the recorded page: none may ever show in the viewer
TYPED = {"#m-rr-mask": "Pieter Bakker", "#m-hj-suppress": "Keizersgracht 112", "#m-cc-number": "4111 1111 1111 1111",
         "#m-data-private": "+31 6 1234 5678", "#promo": "ZOMERDEAL25 "}


@pytest.fixture(scope="module")
def recorded(browser: Any, redactor_serve: Any, pages: PageServer, admin: Admin) -> str:
    """One short recorded session on its own site (the viewer has something to show)."""
    admin.put_site(SITE, allowed_origins=[pages.origin], block_selectors=[".rr-block"])
    session = f"viewer-{uuid.uuid4()}"
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = context.new_page()
        recording = Recording(page, ingest_url(redactor_serve, SITE, session)).open(f"{pages.origin}/markers.html")
        for selector, value in TYPED.items():
            recording.type(selector, value, delay=10)
        recording.finish()
    finally:
        context.close()
    return session


def request(url: str, method: str = "GET", body: Any = None, token: str | None = ADMIN_TOKEN) -> tuple[int, Any, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers),
                                    timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def open_replay(page: Any, server: Any, site: str, session: str) -> Any:
    """Signs in to the viewer as admin, picks the site and replays the session: the replayer's frame."""
    page.goto(f"{server.url}/")
    page.get_by_label("Admin token").fill(ADMIN_TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Site").select_option(site)
    page.get_by_role("button", name=f"Replay session {session}").click()
    return page.frame_locator(".replayer-wrapper iframe")


def sandboxed(text: str) -> bool:
    """rrweb's replay iframe is sandboxed without allow-scripts: Chromium reports each recorded
    script it refuses to run. That is the sandbox working, not a viewer error."""
    return text.startswith("Blocked script execution in ") and "'allow-scripts' permission is not set" in text


def cut_cells(page, panel: str) -> list[str]:
    """The header and body cells of the tables in a panel that stick out of it or are clipped."""
    return page.evaluate("""(panel) => {
        const box = document.querySelector(panel);
        const edge = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight) + 1;
        const cut = [...box.querySelectorAll("th, td")].filter(
            (cell) => cell.getBoundingClientRect().right > edge || cell.scrollWidth > cell.clientWidth + 1);
        return cut.map((cell) => cell.textContent.trim()).concat(box.scrollWidth > box.clientWidth + 1 ? ["(panel scrolls)"] : []);
    }""", panel)


def test_viewer_replays_a_session_beside_what_was_redacted(page, redactor_serve, recorded):
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}")
            if message.type == "error" and not sandboxed(message.text) else None)
    page.set_viewport_size({"width": 1440, "height": 960})

    replay = open_replay(page, redactor_serve, SITE, recorded)
    assert "markers.html" in page.locator(f'#sessions tr[data-session="{recorded}"]').inner_text()
    page.locator(".rr-player").wait_for()
    replay.locator("#settings").wait_for(timeout=15_000)  # the recorded page, rebuilt by the replayer
    page.wait_for_timeout(2500)  # let the player run

    # the player rendered: a rebuilt page of real size with the recorded form, and a controller
    box = page.locator(".replayer-wrapper iframe").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200, box
    assert replay.locator("input#promo").count() == 1
    assert page.locator(".rr-controller").is_visible()

    remarks = page.locator("#remarks tbody").inner_text()
    for rule in ("hotjar.suppress", "rrweb.mask", "autocomplete.card", "logrocket.private"):
        assert rule in remarks, remarks
    assert int(page.locator("#remarks-total").inner_text()) > 0

    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "viewer.png"), full_page=True)
    # the redactions table fits its panel at common widths, with the longest rule and entity names
    # the proxy writes (a session can hold any of them): no column cut ("Coun")
    page.evaluate("""() => document.querySelector("#remarks tbody").insertAdjacentHTML("beforeend",
        "<tr><td>fail-closed.unknown-node</td><td>TOO_LONG_TO_SCAN</td><td>mask</td><td class=num>12345</td></tr>" +
        "<tr><td>field.postal_address</td><td>TRAILING_FRAGMENT</td><td>span</td><td class=num>678</td></tr>")""")
    for width in (1400, 1920, 1100):
        page.set_viewport_size({"width": width, "height": 960})
        page.wait_for_timeout(200)
        assert cut_cells(page, "#redactions") == [], width


    shown = page.locator("body").inner_text() + replay.locator("body").inner_text()
    for selector, value in TYPED.items():
        if selector != "#promo":
            assert value[:5] not in shown, f"the viewer shows a typed value ({selector})"
    assert not problems, problems


def test_block_list_preview_in_the_viewer(page, redactor_serve, recorded):
    open_replay(page, redactor_serve, SITE, recorded).locator("#settings").wait_for(timeout=15_000)

    selectors = page.get_by_label("CSS selectors to block, one per line")
    expect(selectors).to_have_value(".rr-block")  # starts with the site's current block-list
    selectors.fill("#promo\nfieldset\n.no-such-thing")
    expect(selectors).to_have_value("#promo\nfieldset\n.no-such-thing")
    page.get_by_role("button", name="Preview").click()
    summary = page.locator("#preview-summary")
    summary.wait_for()
    assert summary.inner_text().startswith("3 elements would be blocked"), \
        (summary.inner_text(), page.locator(".by-selector").inner_text(), selectors.input_value())
    matches = page.locator("#preview-matches").inner_text()
    assert "input#promo" in matches and "fieldset" in matches
    assert "matches nothing here" in page.locator(".by-selector").inner_text()

    page.get_by_role("button", name="Show input#promo in the replay").click()
    outlined = page.frame_locator(".replayer-wrapper iframe").locator("input#promo")
    expect(page.locator("#status")).to_contain_text("Outlined")  # (the viewer's CSP forbids eval)
    assert "solid" in outlined.evaluate("e => e.style.outline")


def test_preview_route(redactor_serve, recorded):
    url = f"{redactor_serve.url}/v1/sites/{SITE}/sessions/{recorded}/preview"
    status, _, body = request(url, "POST", {"selectors": ["input[autocomplete^=cc]", "label > input.rr-mask"]})
    assert status == 200, body
    answer = json.loads(body)
    assert answer["complete"] is True
    assert {(m["tag"], m["attributes"].get("id")) for m in answer["matched"]} == {
        ("input", "m-cc-number"), ("input", "m-cc-csc"), ("input", "m-rr-mask")}
    assert answer["by_selector"] == {"input[autocomplete^=cc]": 2, "label > input.rr-mask": 1}
    assert all("value" not in m["attributes"] for m in answer["matched"])

    assert request(url, "POST", {"selectors": ["#x"]}, token=None)[0] == 401
    status, _, body = request(url, "POST", {"selectors": ["div[["]})
    assert status == 400 and json.loads(body)["error"] == "bad_selectors", body
    assert request(url, "POST", {"selectors": []})[0] == 400
    assert request(url.replace(recorded, "no-such-session"), "POST", {"selectors": ["#x"]})[0] == 404


def test_viewer_files_and_headers(redactor_serve):
    status, headers, body = request(f"{redactor_serve.url}/", token=None)
    assert status == 200 and b"<title>redactor" in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    for path in ("/static/viewer.js", "/static/viewer.css", "/static/vendor/rrweb-player.js",
                 "/static/vendor/rrweb-player.css"):
        status, headers, body = request(redactor_serve.url + path, token=None)
        assert status == 200 and body, path
        assert b"cdn." not in body or path.endswith("rrweb-player.js"), path
    assert request(f"{redactor_serve.url}/static/../viewer.py", token=None)[0] in (403, 404)
    assert request(f"{redactor_serve.url}/static/%2e%2e/viewer.py", token=None)[0] in (403, 404)
