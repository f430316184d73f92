"""A fourth leak hunt through the real clients, on a page none of the earlier rounds saw:
posthog-js and @sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout4.html,
pointed at `redactor serve --upstream` in front of the stub collector, both SDKs' own masking off.
Shapes rounds 1-3 did not plant: a landing URL whose utm_term is the visitor's name and utm_content
the e-mail; the account rendered by the server into the page (a meta tag, JSON-LD, a prefilled
textarea, a state object in an inline script a few lines above one that throws: Sentry's context
lines); the LCP image and a background-image whose URLs hold the e-mail; an SVG signature; a
German mobile typed with a slash, a Luxembourg phone, IBAN and matricule, a card number, a
French-style address with an L- postcode, a German one with ß, a Turkish name (ı) shown back in
capitals; a phone as a JSON number; PostHog's LLM analytics ($ai_generation: $ai_input and
$ai_output_choices), a rage click on a button whose aria-label names the visitor, an
AggregateError; a GraphQL request with the values inline in its document and in its variables, an
XML request body and a CSV response (both SDKs record them); Sentry's captureConsole and console
logging integrations (%s parameters), extra error data (an error's own properties), an event with
logentry params and a request with query_string pairs, cookies and data, a redux-like state
context, GraphQL client spans and breadcrumbs.

Asserted: no planted value nor any 6-character window of it reaches the collector (every request:
path, headers, body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir,
and the phone sent as a JSON number appears nowhere; the controls (product names, event names, the
LLM's model and system prompt, SDK versions) arrive readable; the recordings still replay in
rrweb-player (full snapshot, incremental and meta events intact).

First run, before any change to redactor (2026-12-03, main at 0a76576; the two tests run one after
the other): both tests failed, on two classes; every other shape was masked (the utm_term name and
utm_content e-mail, the server-rendered account, the LCP and background URLs, the GraphQL document
and variables, the XML and CSV bodies, the aria-label of the rage click, the Turkish name in
capitals, the card, the German and Luxembourg phones, both addresses; the phone sent as a JSON
number arrived nowhere).
- an IBAN whose check digits fail (made up or mistyped: "LU12 0030 7841 5590 2000", the length
  and shape of a Luxembourg IBAN) in free text with no word for an account beside it: posthog's
  $ai_output_choices ('Die Erstattung geht an LU12 0030 7841 5590 2000.') and the recording of
  the question typed to the assistant (posthog: the prefix 'Kann die Erstattung an LU12 003'
  before the echo of the IBAN field masked the rest; Sentry: all of it, 'Kann die Erstattung an
  LU12 0030 7841 5590 2000 gehen?', 2 replay_recording requests).
- a Luxembourg matricule whose check digits fail beside the German word for it ("Matrikel 1986
  0303 123 45 unbekannt"): posthog's $exception_list (the AggregateError's member) and Sentry's
  exception, and its console breadcrumbs in 3 replay requests ('Error: Matrikel 1986 0303 123 45
  unbekannt').
Fixed: an IBAN of its country's exact length and structure is reported whatever its check digits
(2cb50b6); a mistyped matricule beside its word, and "Matrikel" its word (648f91d). Then both
tests passed (2 passed, 57 s).

Added after those fixes, and run once before the next: a lone first name after "Sohn" and a
second IBAN typed in lower case in a message to the customer service, PostHog's logs
(posthog.captureLog and posthog.logger: OTLP JSON with key/value attributes) and an $ai_span's
state objects, Sentry's scope attributes, a log's nested attribute and a metric's. Both tests
failed, on two classes:
- the lower-case IBAN ("lu45 0141 8826 3310 7000"): the shape rule was written for capitals only;
  raw in posthog's $ai_input_state and log attributes, Sentry's log attributes and both recordings
  ('Den Rest bitte auf lu45 0141 8826 3310 7000 überweisen'). Fixed (4ceebd2).
- posthog's logs went through the generic pass without their session, so what the tab's recording
  taught did not reach them: 'Abholung durch Kerem', {abholer: Kerem} in /i/v1/logs. In that run
  the log left before the recording that teaches the name (the message is typed, then the claim
  sent at once): nothing can mask there what only arrives later. The log that echoes the son now
  leaves from a button clicked once the recording is in; run so against the code before the fix,
  posthog's /i/v1/logs still carried 'Abholung durch Kerem' (Sentry's logs had it masked). Fixed:
  a log record is redacted with the session its sessionId and window.id attributes name (791e680).
After the fixes both pass (2 passed, 61 s).

Added then, and run once before the next: the account's name split over two inline elements
(<strong>Ömer</strong> <span>Yıldırım</span>, in the full snapshot before anything is typed), the
saved address as the selected option, a wa.me link to the visitor's number, a date of birth with
a two-digit year and the wife's e-mail written "(at) … (punkt)" as further details. Both tests
failed on the short date of birth beside "geboren" ('Ich bin am 3.3.86 geboren.', in posthog's
/s/ and 3 of Sentry's replay requests); the split name, the option and the e-mail were masked.
Fixed: a date with a two-digit year beside a birth word (885754c). The next run failed on what
the first had not reached (the number check comes after the leak check): the wa.me link's number,
digits with no '+', in both snapshots ('"href": "https://wa.me/491712345678"'). Fixed: a page
address's path segment of digits that is an international phone read with a '+' (b88da9a).
After the fixes both pass (2 passed, 58 s).

Added then, and run once before the next: a remark naming a neighbour in lower case after
"nachbarin", a German street with no street word and its town ("Am Weiher 3, 54290 Trier"), and a
Luxembourg address written number first, its street Luxembourgish with no street word ("29, Um
Bierg, L-8399 Koerich"). Both tests failed: 'bei meiner nachbarin elke brandstätter abgeben' in
posthog's /s/ and 3 of Sentry's replay requests, and '29, Um Bierg' in posthog's /s/ and Sentry's
(the L- postcode and its town, and the German street and town, were masked). Fixed: a name typed
without capitals after a possessive and a relative's word, a listed given name that is a function
word elsewhere ("elke") counting there (de97cb3); a street written number first before a postcode
and its town (276f864). The next run failed on Sentry's replay alone: a batch ended while the
postcode was typed ('29, Um Bierg, ***'), before the postcode and town that make the words a
street. Fixed: a street before a postcode being typed goes with it at a value's end (2ceb591).
After the fixes both pass (2 passed, 72 s).
"""

from __future__ import annotations

import html
import json
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles, peer_stack, wait_for  # noqa: F401 (fixtures)
from .test_peers_heldout import (assert_gets_untouched, assert_no_leaks, decoded, events_named, held_out_page_app,
                                 package_version, peer_page, recorded_text, saved_stack)
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutFourKey0123456789abc"
SENTRY_KEY = "7b4f0123456789abcdef0123456789f0"
PROJECT = "4505"
PLANT = {
    "name": "Ömer Yıldırım",
    "first": "Ömer",
    "last": "Yıldırım",
    "name_caps": "ÖMER YILDIRIM",
    "email": "omer.yildirim@pt-post.lu",
    "phone_de": "0171 / 234 56 78",
    "phone_lu": "+352 691 48 27 15",
    "iban": "LU12 0030 7841 5590 2000",
    "card": "4539 1488 0343 6467",
    "dob": "03.03.1986",
    "dob_words": "3. März 1986",
    "matricule": "1986 0303 123 45",
    "street": "Mühlenstraße 7a",
    "city": "52062 Aachen",
    "address_lu_street": "12, rue de l'Alzette",
    "address_lu_city": "L-4010 Esch-sur-Alzette",
    "partner": "Henrike Wagener-Thommes",
    # added after the first fixes
    "son": "Kerem",
    "iban_other": "lu45 0141 8826 3310 7000",
    # added after the second fixes
    "dob_short": "3.3.86",
    "partner_email": "henrike.thommes(at)web-post(punkt)de",
    # added after the third fixes
    "neighbour_lower": "elke brandstätter",
    "street_plain": "Am Weiher 3",
    "city_plain": "54290 Trier",
    "street_lu": "29, Um Bierg",
    "city_lu": "L-8399 Koerich",
}
#: the German mobile as a form library sends it: a JSON number
PHONE_NUMBER = 491712345678
ADDRESS_LU = f"{PLANT['address_lu_street']}, {PLANT['address_lu_city']}"
STORY = (f"Am Dienstag wurde das Rad vor der {PLANT['street']}, {PLANT['city']} gestohlen. Meine Frau "
         f"{PLANT['partner']} hat es zuletzt gesehen, erreichbar unter {PLANT['phone_lu']}. "
         f"Meine Matrikelnummer ist {PLANT['matricule']}.")
QUESTION = f"Kann die Erstattung an {PLANT['iban']} gehen? Ich bin {PLANT['name']}, geboren am {PLANT['dob_words']}"
#: typed to the customer service: a son by his first name alone, a refund to a second account in lower case
MESSAGE = (f"Mein Sohn {PLANT['son']} holt das Rad morgen ab. Den Rest bitte auf {PLANT['iban_other']} "
           f"überweisen, danke.")
#: typed as further details: a short date of birth, the wife's e-mail written against spam
DETAILS = f"Ich bin am {PLANT['dob_short']} geboren. Schreiben Sie bitte auch an {PLANT['partner_email']}"
#: typed as a remark: a neighbour in lower case, addresses whose streets have no street word
REMARK = (f"Bei Abwesenheit bitte bei meiner nachbarin {PLANT['neighbour_lower']} abgeben, {PLANT['street_plain']}, "
          f"{PLANT['city_plain']}. Rechnung an meine Firma: {PLANT['street_lu']}, {PLANT['city_lu']}")
CONTROLS = ("Trekkingrad Voyager", "Fahrradschloss Titan")
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "capturePerformance": {"network_timing": True, "web_vitals": True}, "heatmaps": True,
    "supportedCompression": ["gzip", "gzip-js"], "autocapture_opt_out": False, "autocaptureExceptions": True,
}


def png(width: int, height: int) -> bytes:
    """A plain grey PNG of that size (the LCP image must be large by its own pixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x90" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def render(text: str) -> str:
    """What the shop's server writes into the page: the account it knows."""
    state = {"kunde": {"name": PLANT["name"], "email": PLANT["email"], "telefon": PLANT["phone_lu"],
                       "adresse": ADDRESS_LU}, "warenkorb": ["Trekkingrad Voyager"]}
    person = {"@context": "https://schema.org", "@type": "Person", "name": PLANT["name"], "email": PLANT["email"],
              "telephone": PLANT["phone_lu"], "address": {"streetAddress": PLANT["address_lu_street"],
                                                          "addressLocality": PLANT["address_lu_city"]}}
    script = lambda value: json.dumps(value, ensure_ascii=False).replace("</", "<\\/")  # noqa: E731
    for name, value in (("{{state.email}}", html.escape(PLANT["email"])),
                        ("{{state.email_path}}", quote(PLANT["email"], safe="@")),
                        ("{{state.email_query}}", quote(PLANT["email"])),
                        ("{{state.address_lu}}", html.escape(ADDRESS_LU)),
                        ("{{state.first}}", html.escape(PLANT["first"])), ("{{state.last}}", html.escape(PLANT["last"])),
                        ("{{state.street_city}}", html.escape(f"{PLANT['street']}, {PLANT['city']}")),
                        ("{{state.phone_digits}}", str(PHONE_NUMBER)),
                        ("{{state_json}}", script(state)), ("{{json_ld}}", script(person))):
        text = text.replace(name, value)
    return text


def heldout4_app(bundles: Path) -> web.Application:
    picture, avatar = png(900, 360), png(40, 40)

    async def claim(request: web.Request) -> web.Response:
        await request.read()
        csv = f"name;telefon;status\n{PLANT['name']};{PLANT['phone_lu']};offen\n"
        return web.Response(text=csv, content_type="text/csv", headers={"X-Kunde": PLANT["email"]})

    async def graphql(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response({"data": {"rueckruf": {"id": "r-1", "status": "vorgemerkt"}}})

    async def image(request: web.Request) -> web.Response:
        return web.Response(body=picture if request.path.startswith("/bild/") else avatar, content_type="image/png")

    app = held_out_page_app(bundles, "heldout4.html", "/verleih/heldout4.html", render)
    app.router.add_post("/api/schaden", claim)
    app.router.add_post("/graphql", graphql)
    app.router.add_get("/bild/{mail}/titel.png", image)
    app.router.add_get("/avatar", image)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout4_app(bundles), tmp_path_factory.mktemp("peers-heldout4"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout4") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, recorded: Any, done: Any,
          after: Any = None) -> list[dict[str, Any]]:
    """Lands on the claim page from a newsletter (utm_term: the name, utm_content: the e-mail) with
    the SDK pointed at redactor, fills in the claim and asks the assistant, sends it (an XML POST,
    then a GraphQL mutation), rage-clicks the call-back button, clicks the check that throws, leaves."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT,
            "plant": {**PLANT, "customer": "88341", "phone_number": PHONE_NUMBER}}
    with peer_page(browser, stack, peer) as (page, sent, console):
        page.goto(f"http://app.test:{shop.port}/verleih/heldout4.html?sdk={sdk}&utm_source=newsletter&utm_medium=email"
                  f"&utm_campaign=herbst&utm_term={quote_plus(PLANT['name'])}&utm_content={quote(PLANT['email'])}")
        page.wait_for_function("window.__started === true")
        page.wait_for_timeout(1500)  # the recorder script loads and takes its snapshot
        for field, value in (("#k1", PLANT["name"]), ("#k2", PLANT["email"]), ("#k3", PLANT["phone_de"]),
                             ("#k4", PLANT["iban"]), ("#k5", PLANT["card"]), ("#k6", PLANT["dob"]),
                             ("#k7", STORY), ("#k9", QUESTION), ("#k10", MESSAGE), ("#k11", DETAILS),
                             ("#k12", REMARK)):
            page.locator(field).press_sequentially(value, delay=8)
        page.locator("#melden").click()
        page.locator("#danke").filter(has_text="Wir melden uns").wait_for()
        page.locator("#rueckruf").click(click_count=4)  # a rage click
        page.locator("#pruefen").click()  # an uncaught error
        if sdk == "sentry":
            page.evaluate("Sentry.getReplay().flush()")
        wait_for(lambda: "Wir melden uns" in recorded(stack["collector"]), "the recording of the claim reached the collector")
        # what the recording taught (the son's name after "Sohn") is masked in the logs that echo it
        # later; a log sent before the recording that teaches it arrives can only be read on its own
        page.locator("#abholen").click()
        wait_for(lambda: done(stack["collector"]), lambda: f"{sdk}'s events reached the collector; received "
                 f"{[(r['method'], r['path_qs'][:60]) for r in stack['collector'].received]}; "
                 f"refused {stack['collector'].refused}; console {console[-15:]}")
        page.goto(f"http://app.test:{shop.port}/bye.html")  # unload: $pageleave, web vitals, spans
        if after is not None:
            wait_for(lambda: after(stack["collector"]), f"{sdk}'s last events at unload reached the collector")
    return sent


def assert_number_gone(stack: dict[str, Any]) -> None:
    """The phone as digits alone (a JSON number, a wa.me link) is in no request (texts() leaves numbers out)."""
    found = [f"#{n} {r['method']} {r['path_qs'][:50]}" for n, r in enumerate(stack["collector"].received)
             if str(PHONE_NUMBER) in json.dumps(decoded(r)) or str(PHONE_NUMBER).encode() in r["raw"]]
    assert not found, found


def sentry_recorded(collector: PeerCollector) -> list[dict[str, Any]]:
    return recordings_of(collector, PROJECT)


def assert_replays(browser: Any, stack: dict[str, Any], recorded: list[dict[str, Any]]) -> None:
    replays_with(browser, stack, recorded, CONTROLS)


def envelope_items(c: PeerCollector) -> list[tuple[dict[str, Any], Any]]:
    items = []
    for request in c.requests(f"/api/{PROJECT}/envelope/"):
        for header, payload in request.get("envelope", ("", []))[1]:
            if header.get("type") in ("event", "span", "transaction", "log"):
                items.append((header, json.loads(payload)))
    return items


def test_posthog_js_heldout4_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"schadensmeldung", "$ai_generation", "$identify", "$exception", "$rageclick", "$pageview", "$autocapture"}

    def done(c: PeerCollector) -> bool:
        recorded = recorded_text(c, "/s/")
        return wanted <= set(events_named(c)) and len(events_named(c)["$exception"]) >= 2 \
            and "Wir melden uns" in recorded and "/api/schaden" in recorded and "/graphql" in recorded \
            and "Abholung durch" in recorded_text(c, "/i/v1/logs")

    sent = visit(app_browser, stack, "posthog", TOKEN, lambda c: recorded_text(c, "/s/"), done,
                 after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks(stack, PLANT)
    assert_number_gone(stack)
    named = events_named(collector)
    [claim] = named["schadensmeldung"]
    assert claim["properties"]["rad"] == "Trekkingrad Voyager"
    assert claim["properties"]["$lib_version"] == package_version("posthog-js")
    [generation] = named["$ai_generation"]
    assert generation["properties"]["$ai_model"] == "gpt-4o-mini"
    assert generation["properties"]["$ai_input"][0]["content"] == "Du hilfst bei Schadensmeldungen."
    assert {e["properties"]["$exception_list"][0]["type"] for e in named["$exception"]} & {"AggregateError", "Error"}
    assert_gets_untouched(stack, sent)
    assert_replays(app_browser, stack, posthog_recorded(collector))


def test_sentry_browser_heldout4_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        got = envelope_items(c)
        events = [p for h, p in got if h["type"] == "event"]
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        return sum("exception" in e for e in events) >= 3 and any("logentry" in e for e in events) \
            and any(h["type"] == "log" and any(e["body"].startswith("Abholung durch") for e in p["items"])
                    for h, p in got) and "Wir melden uns" in recorded \
            and "/api/schaden" in recorded and "/graphql" in recorded

    visit(app_browser, stack, "sentry", SENTRY_KEY, lambda c: recorded_text(c, f"/api/{PROJECT}/envelope/"), done,
          after=lambda c: any(h["type"] in ("span", "transaction") for h, _ in envelope_items(c)))
    assert_no_leaks(stack, PLANT)
    assert_number_gone(stack)
    got = envelope_items(collector)
    events = [p for h, p in got if h["type"] == "event"]
    errors = [e for e in events if "exception" in e]
    assert all(e["sdk"]["version"] == package_version("@sentry/browser") for e in errors)
    assert any(e.get("logentry", {}).get("message") == "Rückruf für %s unter %s" for e in events)
    logs = [entry for h, p in got if h["type"] == "log" for entry in p["items"]]
    assert any(entry["body"].startswith("Kunde ") for entry in logs), logs
    assert_replays(app_browser, stack, sentry_recorded(collector))
