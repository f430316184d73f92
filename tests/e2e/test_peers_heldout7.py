"""A seventh leak hunt through the real clients, and a look at what they over-mask, on a page none of
the earlier rounds saw: posthog-js and @sentry/browser (bundled from node_modules) on
tests/e2e/peers/heldout7.html, a removal company in Ghent (Dutch, with French, German and English
contacts), pointed at `redactor serve --upstream` in front of the stub collector, both SDKs' own
masking off. Shapes rounds 1-6 did not plant: a call-back request whose URL holds the phone
percent-encoded (tel=%2B32…) and whose text/plain body is one semicolon-separated line; an uncaught
JSON.parse SyntaxError whose message quotes the start of what it read (a draft kept as plain text:
name and address); the page's URL rewritten by replaceState with the e-mail percent-encoded (%40)
before the visitor leaves ($pageleave, Sentry's navigation); a customer card whose aria-label, title
and data-adres name a second person around the button the visitor clicks (PostHog's $elements_chain
and $elements, Sentry's ui.click selector); PostHog's exception steps (addExceptionStep) naming a
contact and a French phone, captureException of an error whose message holds an e-mail, $set_once in
a capture; Sentry's beforeSendLog adding the mover's name to every log, an inactive span's attributes
set after its start (a French social security number), sendFeedback with a CSV attachment naming a
contact. Values: a Dutch name, Belgian mobile, French name, e-mail, phone and IBAN, a German and an
English name, a Ghent address with "bus", a Brussels "Chaussée" address.

Controls, the over-masking issue 9 names: the product in the page, in the quote request's JSON body
(recorded by both SDKs), in a capture's properties, in a log's and a span's attributes; the reference
"VH-58214" in the page text the site writes, the quote's response and a capture's property / a log's
attribute; the country "België" (a select, the request body, a property, attributes); the search term
"piano" (a search field, the URL's ?q=, a capture's property, a span attribute); the page's own
?dienst=verhuislift in the URLs the SDKs send; the clicked button's id in the click's element chain.
Judged fair to mask (fail closed, not asserted either way): the call-back request's text/plain body
as a whole (one line of what the visitor typed: the product inside it goes with it).

Added after the first run, in the same two browser runs (round 7b): the French IBAN typed in lower
case without spaces (the quote's body, a PostHog super property, a Sentry context), the e-mail
percent-encoded in a URL's path (/api/klanten/<e-mail>/offerte), two uncaught errors that quote a
value (document.querySelector("#" + e-mail), BigInt of a Dutch mobile number), and Sentry Replay's
own attribute masking off (maskAttributes: []; by default it masks title, placeholder and
aria-label in the browser, so rounds 1-6 never sent those to redactor raw). Controls asserted after
the fixes: posthog-js's own config event in the recording keeps its tag and its name; the card's
label keeps "Klantkaart van" in the page and in the replay's click breadcrumb.

Asserted: no planted value nor any 6-character window of it reaches the collector (every request:
path, headers, body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir;
the controls arrive readable; the recordings still replay in rrweb-player.

First run, before reading redactor's code (2026-12-03, main at 889a7b7; both tests, 35 s): both
passed, no leak. Every planted value was masked: the percent-encoded phone in the call-back URL
(breadcrumbs, spans' url.full and url.query, both recordings' network entries), the text/plain
body's name and e-mail (the product in it stayed readable), the JSON.parse message's quote of the
name ('"******** V"...'), the %40 e-mail in $pageleave's $current_url and Sentry's navigation, the
card's attributes in $elements and $elements_chain, the exception steps' contact and phone, the
captured error's e-mail, $set_once, beforeSendLog's name, the span's NIR, the feedback's name, e-mail
and phone. Sentry's feedback attachment (inventaris.csv) did not arrive: redactor drops an item
that is not JSON (documented in formats/sentry.py; fail closed, judged fair). Round 7b's shapes
(added after reading the code below) were all masked too.
Over-masked in the first run, seen in what the collector got:
- posthog-js records its config in the recording ($posthog_config): its `name` "posthog" (the
  instance's) was masked whole as a person's and tainted, so "posthog" was masked in every URL of
  the session (the page's ?sdk=posthog, the bundle's ?sdk=posthog; a posthog.com host would be too)
  and in the event's own tag ("$**************"). Fixed: an SDK's configuration (an object with
  api_host) is a thing, its keys give no meaning (112b807).
- With Sentry Replay's attribute masking off (7b), a click breadcrumb's selector
  (`div#klantkaart[aria-label="Klantkaart van <name>"] > button#bevestig`, under `message`, a key read
  as what a visitor writes) was read for runs of capitalised words: "Klantkaart van <name>" masked and
  tainted whole, so the card's label lost "Klantkaart van" and its id "klantkaart" was masked in the
  page and in the selector. Fixed: an element path under such a key is read as the page's attributes
  are (02bd2e2); this test fails without it.
Round 7c (added after the fixes above, same runs): every value was masked (the no-break-space
phones in the page text, the name in the SVG avatar's data: URL and in the download attribute, the
datalist's addresses, ng-reflect-model's e-mail). Over-masked: the address field's list="eerdere-
adressen", set by the script after the visitor typed there, masked whole as a copy of the field's
value. Fixed: list, form, headers and popovertarget are structural id references (see git log).
Over-masked in every run, fixed last: Sentry's "sentry.event" breadcrumb, whose message is the
event's id (a feedback has no other description), masked as a token (a value repeating an id of its
own object is that id; see git log).
Still over-masked, noted not fixed: the values of posthog-js's
$session_options (blockClass "ph-no-capture"…) and of its config's cookie_expiration and
session_idle_timeout_seconds, masked whole under keys the secret list names ("session", "cookie").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles, peer_stack  # noqa: F401 (fixtures)
from .test_peers_heldout import (assert_gets_untouched, assert_no_leaks, events_named, held_out_page_app,
                                 package_version, peer_page, recorded_text, saved_stack)
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of
from .test_peers_heldout5 import envelope_items
from .test_peers_heldout6 import leave_when, sentry_logs

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutSevenKey0123456789ab"
SENTRY_KEY = "7b5c1fedcba98765432100fedcba98c3"
PROJECT = "4508"
PRODUCT = "Verhuislift Kompakt 32"
REFERENCE = "VH-58214"
COUNTRY = "België"
SEARCH = "piano"
PLANT = {
    "name": "Liesbeth Vanderhaegen",
    "email": "liesbeth.vdh@postvak-noord.be",
    "phone_be": "0478 31 62 95",
    "phone_intl": "+32478316295",
    "name_fr": "Aurélien Dufrasne-Collard",
    "email_fr": "aurelien.dufrasne@courriel-wallon.fr",
    "phone_fr": "+33 6 12 48 97 30",
    "iban_fr": "FR96 2004 1010 0505 1983 7K02 163",
    "nir": "2 87 03 75 112 048 49",
    "name_de": "Jörg Pützfeld",
    "name_en": "Gareth Pembridge",
    "address_nl": "Korenlei 7 bus 2, 9000 Gent",
    "address_fr": "Chaussée de Wavre 214, 1050 Ixelles",
    "iban_lower": "fr9620041010050519837k02163",
    "mobile_nl": "06 28 41 77 30",
    # what the page shows back with no-break spaces between the groups (round 7c)
    "phone_be_nbsp": "0478\u00a031\u00a062\u00a095",
    "phone_fr_nnbsp": "+33\u202f6\u202f12\u202f48\u202f97\u202f30",
}
REMARK = f"Piano op de tweede verdieping, sleutel bij {PLANT['name_de']}."
CONTROLS = (PRODUCT, "Verhuisdozen Pakket XL")
#: the page's text the site writes once the quote is in: the reference readable in the recording
QUOTED = f"Uw offerte {REFERENCE} is ontvangen"
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "capturePerformance": {"network_timing": True}, "supportedCompression": ["gzip", "gzip-js"],
    "autocapture_opt_out": False, "autocaptureExceptions": True,
}


def heldout7_app(bundles: Path) -> web.Application:
    async def call_back(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"status": "ingepland"})

    async def quote(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"referentie": REFERENCE, "product": PRODUCT, "land": COUNTRY, "status": "ontvangen"})

    app = held_out_page_app(bundles, "heldout7.html", "/verhuizen/heldout7.html")
    app.router.add_post("/api/terugbellen", call_back)
    app.router.add_post("/api/offerte", quote)
    app.router.add_get("/api/klanten/{klant}/offerte", quote)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout7_app(bundles), tmp_path_factory.mktemp("peers-heldout7"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout7") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any, after: Any) -> list[dict[str, Any]]:
    """Opens the quote form with the SDK pointed at redactor, searches, fills it in, asks for a quote,
    confirms on the contact's card, waits for `done`, leaves (and waits for `after`); returns what the
    browser sent to redactor."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT,
            "plant": PLANT, "product": PRODUCT, "reference": REFERENCE}
    with peer_page(browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/verhuizen/heldout7.html?sdk={sdk}&dienst=verhuislift", SEARCH,
                        (("#naam", PLANT["name"]), ("#mail", PLANT["email"]), ("#tel", PLANT["phone_be"]),
                         ("#van", PLANT["address_nl"]), ("#naar", PLANT["address_fr"]), ("#iban", PLANT["iban_fr"]),
                         ("#opm", REMARK)), COUNTRY)
        page.locator("#offerte").click()
        page.wait_for_function("window.__quoted === true")
        page.locator("#bevestig").click()
        page.wait_for_function("window.__confirmed === true")
        leave_when(page, stack, sdk, console, done, after)
    return sent


def search_and_fill(page: Any, url: str, search: str, fields: tuple[tuple[str, str], ...], country: str) -> None:
    """Opens `url` once the SDK has started and its recorder has taken its snapshot, searches in #zoek
    (change: the search lands in the URL), types each field's value and picks the country in #land."""
    page.goto(url)
    page.wait_for_function("window.__started === true")
    page.wait_for_timeout(1500)  # the recorder script loads and takes its snapshot
    page.locator("#zoek").press_sequentially(search, delay=8)
    page.locator("#zoek").press("Tab")
    for field, value in fields:
        page.locator(field).press_sequentially(value, delay=8)
    page.locator("#land").select_option(country)


def test_posthog_js_heldout7_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"offerte", "zoeken", "$exception", "$pageview", "$autocapture"}

    def done(c: PeerCollector) -> bool:
        named = events_named(c)
        recorded = recorded_text(c, "/s/")
        return wanted <= set(named) and len(named["$exception"]) >= 4 and QUOTED in recorded \
            and "/api/offerte" in recorded and "/api/terugbellen" in recorded and "/api/klanten/" in recorded

    sent = visit(app_browser, stack, "posthog", TOKEN, done, after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks(stack, PLANT)
    named = events_named(collector)
    [quote] = named["offerte"]
    properties = quote["properties"]
    assert (properties["product"], properties["referentie"], properties["land"], properties["zoekterm"]) == \
        (PRODUCT, REFERENCE, COUNTRY, SEARCH)
    assert properties["$lib_version"] == package_version("posthog-js")
    [search] = named["zoeken"]
    assert search["properties"]["zoekterm"] == SEARCH and f"q={SEARCH}" in search["properties"]["$current_url"]
    assert all("sdk=posthog&dienst=verhuislift" in e["properties"]["$current_url"] for e in named["$pageview"])
    types = {e["properties"]["$exception_list"][0]["type"] for e in named["$exception"]}
    assert {"Error", "SyntaxError"} <= types, types
    [caught] = [e for e in named["$exception"] if e["properties"]["$exception_list"][0]["type"] == "Error"]
    assert caught["properties"]["referentie"] == REFERENCE
    clicks = [e for e in named["$autocapture"] if "bevestig" in json.dumps(e["properties"].get("$elements_chain", ""))]
    assert clicks, "the click on the card's button lost its element chain"
    recorded = recorded_text(collector, "/s/")
    assert PRODUCT in recorded and QUOTED in recorded and COUNTRY in recorded
    assert '"list": "eerdere-adressen"' in recorded  # the address field still names its suggestions
    # the SDK's own config in the recording keeps its tag and its instance's name
    assert '"tag": "$posthog_config"' in recorded and '"name": "posthog"' in recorded
    assert_gets_untouched(stack, sent)
    replays_with(app_browser, stack, posthog_recorded(collector), CONTROLS)


def test_sentry_browser_heldout7_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        got = envelope_items(c, PROJECT)
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        # the replay's segment with the click on the card's button too (its breadcrumb names the card): under load it
        # came after the others, and the card's label checked below was not in yet (a full run, 2026-12-08)
        return any(h["type"] == "feedback" for h, _ in got) and QUOTED in recorded and "/api/klanten/" in recorded \
            and "button#bevestig" in recorded and sum(h["type"] == "event" and "exception" in p for h, p in got) >= 3

    def after(c: PeerCollector) -> bool:
        spans = json.dumps([p for h, p in envelope_items(c, PROJECT) if h["type"] in ("span", "transaction")])
        return "offerte.bereken" in spans and len(sentry_logs(c, PROJECT)) >= 2

    visit(app_browser, stack, "sentry", SENTRY_KEY, done, after)
    assert_no_leaks(stack, PLANT)
    got = envelope_items(collector, PROJECT)
    [error] = [p for h, p in got if h["type"] == "event" and "is not valid JSON" in json.dumps(p.get("exception"))]
    assert error["sdk"]["version"] == package_version("@sentry/browser")
    clicks = [b for b in error.get("breadcrumbs", []) if b.get("category") == "ui.click"]
    assert any("button#bevestig" in b.get("message", "") for b in clicks), clicks
    # the breadcrumb of the feedback sent before names it by its id (its message, as it has no description)
    sent_before = [b for _, p in got if isinstance(p, dict) for b in p.get("breadcrumbs", [])
                   if b.get("category") == "sentry.event"]
    assert any(b["message"] == b["event_id"] for b in sent_before), sent_before
    spans = [s for h, p in got if h["type"] in ("span", "transaction") for s in [*p.get("items", []), *p.get("spans", [])]]
    [estimate] = [s for s in spans if s.get("description", s.get("name")) == "offerte.bereken"]
    attributes = {k: v["value"] if isinstance(v, dict) else v for k, v in
                  (estimate.get("attributes") or estimate.get("data") or {}).items()}
    assert (attributes["verhuis.product"], attributes["verhuis.land"], attributes["verhuis.zoekterm"]) == \
        (PRODUCT, COUNTRY, SEARCH), attributes
    logs = {log["body"]: {k: v["value"] for k, v in log["attributes"].items()} for log in sentry_logs(collector, PROJECT)}
    offer = logs["offerte aangevraagd"]
    assert (offer["referentie"], offer["product"], offer["land"]) == (REFERENCE, PRODUCT, COUNTRY), offer
    assert logs["zoeken"]["zoekterm"] == SEARCH
    recorded = recorded_text(collector, f"/api/{PROJECT}/envelope/")
    assert PRODUCT in recorded and QUOTED in recorded and "dienst=verhuislift" in recorded
    assert '"list": "eerdere-adressen"' in recorded  # the address field still names its suggestions
    # the card's label keeps the site's words, in the page and in the replay's click breadcrumb
    assert '"aria-label": "Klantkaart van ' in recorded and 'div#klantkaart[aria-label=\\"Klantkaart van ' in recorded
    replays_with(app_browser, stack, recordings_of(collector, PROJECT), CONTROLS)
