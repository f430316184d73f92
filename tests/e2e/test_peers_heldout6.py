"""A sixth leak hunt through the real clients, and a look at what they over-mask, on a page none of
the earlier rounds saw: posthog-js and @sentry/browser (bundled from node_modules) on
tests/e2e/peers/heldout6.html, a bike rental in East Belgium (German, with French and Dutch), pointed
at `redactor serve --upstream` in front of the stub collector, both SDKs' own masking off. Shapes
rounds 1-5 did not plant: a Belgian landline, an IBAN typed with dashes, a French address with
"boîte", a German landline with its trunk "(0)" written only by the app; PostHog's before_send hook
adding $set and a note naming a neighbour, group properties naming the household, $set inside a
capture's properties, console.log of an object (recorded by the console plugin), LLM trace
feedback and a trace metric ($ai_feedback, $ai_metric), metrics with attributes (/i/v1/metrics);
Sentry's user with geo, a performance.mark whose detail names the customer (userTimingIntegration:
span attributes), the view hierarchy attachment with an element id built from the e-mail, a ZodError
whose issues hold a mistyped national number and a phone beside the path that names them
(zodErrorsIntegration: extra and an attachment), a consola reporter's log, a parameterized
message, a span attribute holding the e-mail beside the product.

Controls, the over-masking issue 9 names: the product's name in the page, in the rental request's
body (recorded by both SDKs), in a capture's properties, in a metric's attributes and in span
attributes (under "produkt.name" and in the user timing mark's detail); the booking reference
"RV-30417" in the page text the site writes and in a capture's property; the page's own
?kategorie=lastenrad in the URLs the SDKs send; a metric's name; the spans' names, operations and
the attributes the SDK fills (sentry.op, url.full's scheme and host, sentry.replay_id). Judged fair
to mask (fail closed, not asserted either way): the user's geo region and country code (under
Sentry's user, pseudonymised with the rest of the person), the reference in the route's query and
beside the e-mail in the parameterized message (both arrived readable).

Asserted: no planted value nor any 6-character window of it reaches the collector (every request:
path, headers, body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir;
the controls arrive readable; the recordings still replay in rrweb-player.

First run, before any change to redactor (2026-12-03, main at beedff6; the two tests one after the
other). The first runs also failed on mistakes of the test's own, fixed before the run reported
here: round 5's envelope_items read its own project's requests (it takes the project now), the
metrics body is gzip (read decoded), the replay waits for an element with id "control", Sentry's
streamed spans are under "items" and its recorded request body is parsed JSON. Then:
- posthog (no leak): the metric's name "mieten" arrived masked whole in /i/v1/metrics
  ('"name": "******"'): its key `name` read as a person's. Every planted value was masked (the
  before_send $set and note, the group's properties, $set in a capture, the trace feedback and
  metric, the metric's attribute, the console object, the typed values); the product, the
  reference and ?kategorie= arrived readable.
- sentry, one leak: the mistyped national number in the ZodError's issues, in the event's extra
  and in the zod_issues.json attachment ('"path": "mieter.rijksregisternummer", …, "input":
  "83.05.29-417.0"'); the phone beside it was masked by its shape. Over-masking in the same run:
  span attributes read by their words — network.protocol.name "http" and thread.name as a
  person's, server.address as a postal address — masked and tainted, so "http" and the page's
  host were masked in every url.full, code.file.path and request.url ('****://**************/api/
  mieten?kategorie=lastenrad') and in operations ('sentry.op': '***********' for http.client,
  sentry.origin); sentry.replay_id masked as a token (spans lost their replay); "produkt.name"
  (the product control) masked as a person's name. The geo city, the mark's customer, the view
  hierarchy's e-mail id, the consola log's name and phone and the span's e-mail were masked.
Fixed: a validation error's value takes the meaning of the field its path names (b7b4a12);
Sentry's own span and log attributes pass with the SDK's shapes, "produkt"/"produit" name a product
(16b16c3, which also fixed a leak found on the way: a key a Sentry view's scan renamed stayed
beside its masked name — a context, a user key or a trace key holding an e-mail); an OpenTelemetry
metric is a thing (4a8637e); a transaction's span data is read as SDK 11's attributes are
(797801b, for the SDKs before 11). Then both tests passed (2 passed, 27 s).
Over-masked in the same run, fixed after: the consola log's "Tel." after the name was a third word of
the name's span (given_name_surname), so "Tel" was masked and tainted (51475f2: a number's label ends
no name). Still over-masked, noted not fixed: in the trace feedback ("feedback": what the visitor
wrote, read for runs of capitalised words, fail closed) "Schöne Tour! Bitte" went with the name after
it (German capitalises nouns: "Schöne Tour" is a run of two, "Bitte" opens the next).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles, peer_stack, wait_for  # noqa: F401 (fixtures)
from .test_peers_heldout import (assert_gets_untouched, assert_no_leaks, events_named, held_out_page_app,
                                 package_version, peer_page, recorded_text, saved_stack)
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of
from .test_peers_heldout5 import envelope_items

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutSixKey0123456789abcd"
SENTRY_KEY = "6a4b0fedcba98765432100fedcba98b2"
PROJECT = "4507"
PRODUCT = "E-Lastenrad Ardennes 500"
REFERENCE = "RV-30417"
PLANT = {
    "name": "Marit Oosterhuis-Dubreucq",
    "last": "Oosterhuis-Dubreucq",
    "email": "marit.odq@zonnepost-mail.be",
    "username": "maritodq91",
    "phone_be": "087 55 41 93",
    "phone_de": "+49 (0) 241 9183 4470",
    "mobile_nl": "06 – 41 27 93 80",
    "nn": "92.11.07-100.50",
    "nn_typo": "83.05.29-417.0",
    "iban": "BE78-7350-4183-6286",
    "address_de": "Aachener Straße 112a, 4700 Eupen",
    "address_fr": "Rue du Moulin 8 boîte 3, 4960 Malmedy",
    "neighbour": "Henrike Schaafsma",
    "city": "Elsenborn-Nidrum",
}
REMARK = f"Merci de déposer le vélo chez ma voisine, {PLANT['address_fr']}."
FEEDBACK = f"Schöne Tour! Bitte {PLANT['neighbour']} unter {PLANT['mobile_nl']} zurückrufen."
CONTROLS = (PRODUCT, "Trekkingrad Hohes Venn")
#: the page's text the site writes once the rental is booked: the reference readable in the recording
BOOKED = f"Ihre Buchung {REFERENCE} ist bestätigt"
#: the rental request's body as the SDKs record it (posthog: a JSON string inside the recording's JSON;
#: Sentry: the body parsed)
PRODUCT_IN_BODY = re.compile(r'produkt(?:\\)?": ?(?:\\)?"' + re.escape(PRODUCT))
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "capturePerformance": {"network_timing": True}, "supportedCompression": ["gzip", "gzip-js"],
    "autocapture_opt_out": False,
}


def heldout6_app(bundles: Path) -> web.Application:
    async def rent(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"buchung": REFERENCE, "produkt": PRODUCT, "tage": 3, "status": "bestätigt"})

    app = held_out_page_app(bundles, "heldout6.html", "/verleih/heldout6.html")
    app.router.add_post("/api/mieten", rent)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout6_app(bundles), tmp_path_factory.mktemp("peers-heldout6"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout6") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any, after: Any) -> list[dict[str, Any]]:
    """Opens the rental form with the SDK pointed at redactor, fills it in, rents, waits for `done`,
    leaves (and waits for `after`); returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT,
            "plant": {**PLANT, "feedback": FEEDBACK}, "product": PRODUCT, "reference": REFERENCE}
    with peer_page(browser, stack, peer) as (page, sent, console):
        page.goto(f"http://app.test:{shop.port}/verleih/heldout6.html?sdk={sdk}&kategorie=lastenrad")
        page.wait_for_function("window.__started === true")
        page.wait_for_timeout(1500)  # the recorder script loads and takes its snapshot
        for field, value in (("#f1", PLANT["name"]), ("#f2", PLANT["email"]), ("#f3", PLANT["phone_be"]),
                             ("#f4", PLANT["nn"]), ("#f5", PLANT["iban"]), ("#f6", PLANT["address_de"]),
                             ("#f7", REMARK)):
            page.locator(field).press_sequentially(value, delay=8)
        page.locator("#mieten").click()
        page.wait_for_function("window.__booked === true")
        leave_when(page, stack, sdk, console, done, after)
    return sent


def leave_when(page: Any, stack: dict[str, Any], sdk: str, console: list[str], done: Any, after: Any) -> None:
    """Sends Sentry's replay segment, waits for `done`, leaves the page (unload: $pageleave, spans,
    logs) and waits for `after`."""
    if sdk == "sentry":
        page.evaluate("Sentry.getReplay().flush()")
    wait_for(lambda: done(stack["collector"]), lambda: f"{sdk}'s events reached the collector; received "
             f"{[(r['method'], r['path_qs'][:60]) for r in stack['collector'].received]}; "
             f"refused {stack['collector'].refused}; console {console[-15:]}")
    page.goto(f"http://app.test:{stack['shop'].port}/bye.html")
    wait_for(lambda: after(stack["collector"]), f"{sdk}'s last events at unload reached the collector")


def test_posthog_js_heldout6_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"miete", "$identify", "$groupidentify", "$ai_feedback", "$ai_metric", "$pageview", "$autocapture"}

    def done(c: PeerCollector) -> bool:
        recorded = recorded_text(c, "/s/")
        return wanted <= set(events_named(c)) and "ist bestätigt" in recorded and "/api/mieten" in recorded \
            and "Mietvertrag" in recorded and bool(c.requests("/i/v1/metrics"))

    sent = visit(app_browser, stack, "posthog", TOKEN, done, after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks(stack, PLANT)
    named = events_named(collector)
    [rental] = named["miete"]
    assert rental["properties"]["produkt"] == PRODUCT and rental["properties"]["buchung"] == REFERENCE
    assert rental["properties"]["$lib_version"] == package_version("posthog-js")
    assert all("kategorie=lastenrad" in e["properties"]["$current_url"] for e in named["$pageview"])
    metrics = recorded_text(collector, "/i/v1/metrics")
    assert '"name": "mieten"' in metrics and PRODUCT in metrics
    recorded = recorded_text(collector, "/s/")
    assert PRODUCT_IN_BODY.search(recorded), "the rental request's body lost its product"
    assert BOOKED in recorded
    assert_gets_untouched(stack, sent)
    replays_with(app_browser, stack, posthog_recorded(collector), CONTROLS)


def sentry_logs(c: PeerCollector, project: str = PROJECT) -> list[dict[str, Any]]:
    return [entry for r in c.requests(f"/api/{project}/envelope/") for h, p in r["envelope"][1] if h.get("type") == "log"
            for entry in json.loads(p)["items"]]


def test_sentry_browser_heldout6_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        got = envelope_items(c, PROJECT)
        files = {h.get("filename") for h, _ in got if h["type"] == "attachment"}
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        return {"view-hierarchy.json", "zod_issues.json"} <= files and "ist bestätigt" in recorded \
            and "/api/mieten" in recorded and sum(h["type"] == "event" for h, _ in got) >= 2

    def after(c: PeerCollector) -> bool:
        spans = json.dumps([p for h, p in envelope_items(c, PROJECT) if h["type"] in ("span", "transaction")])
        return "warenkorb" in spans and "konto-geladen" in spans and bool(sentry_logs(c))

    visit(app_browser, stack, "sentry", SENTRY_KEY, done, after)
    assert_no_leaks(stack, PLANT)
    got = envelope_items(collector, PROJECT)
    [zod] = [p for h, p in got if h["type"] == "event" and "Failed to validate" in json.dumps(p.get("exception"))]
    assert zod["exception"]["values"][0]["value"].startswith("Failed to validate keys: mieter.rijksregisternummer")
    assert zod["sdk"]["version"] == package_version("@sentry/browser")
    assert "kategorie=lastenrad" in zod["request"]["url"]
    # (this SDK streams span items, {"items": [span…]}; a transaction would hold "spans")
    spans = [s for h, p in got if h["type"] in ("span", "transaction") for s in [*p.get("items", []), *p.get("spans", [])]]
    [cart] = [s for s in spans if s.get("description", s.get("name")) == "warenkorb"]
    attributes = json.dumps(cart, ensure_ascii=False)
    assert "ui.action.cart" in attributes and PRODUCT in attributes
    [fetch] = [s for s in spans if s.get("name", "").startswith("POST ") and "/api/mieten" in json.dumps(s)]
    attributes = {k: v["value"] for k, v in fetch["attributes"].items()}
    assert attributes["sentry.op"] == "http.client" and attributes["url.full"].startswith("http://app.test:")
    replays = {e["replay_id"] for r in collector.requests(f"/api/{PROJECT}/envelope/") for e in r.get("replay_events", [])}
    assert attributes["sentry.replay_id"] in replays  # the span still links to its replay
    [mark] = [s for s in spans if s.get("description", s.get("name")) == "konto-geladen"]
    assert PRODUCT in json.dumps(mark, ensure_ascii=False)
    [log] = sentry_logs(collector)
    assert log["body"].startswith("Übergabe an ")
    recorded = recorded_text(collector, f"/api/{PROJECT}/envelope/")
    assert PRODUCT_IN_BODY.search(recorded), "the rental request's body lost its product"
    assert BOOKED in recorded
    replays_with(app_browser, stack, recordings_of(collector, PROJECT), CONTROLS)
