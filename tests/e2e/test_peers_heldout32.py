"""A thirty-second leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout32.html, a Maastricht housing corporation's
repair request (Dutch), an Armenian tenant reporting a leak in her bathroom, pointed at `redactor serve --upstream` in
front of the stub collector, both SDKs' own masking off. Shapes and paths rounds 1-31 did not plant: an Armenian name
in Latin letters ("Anahit Hovhannisyan": typed, percent-encoded in the sourceURL of a script the page evaluates, which
throws: the file of both SDKs' stack frames); the name in Armenian script ("Անահիտ Հովհաննիսյան": typed, the
transaction name Sentry's scope is given, so every later error's "transaction"); an e-mail at an Armenian provider
("anahit.hovhannisyan@mail.am": typed, inside the *name* of a PostHog event); an Armenian mobile ("+374 91 482736":
typed, form-encoded by URLSearchParams in a fetch's query, its spaces '+': Sentry's fetch breadcrumb and span, both
recordings' network); an Armenian passport number ("AU0386157": typed, the key of a property defined on a frozen
object: the uncaught TypeError "Cannot define property …, object is not extensible"); a date of birth typed in a
date input and written back in Armenian, the month in the genitive ("12 ապրիլի 1991 թ.": the preview of the contract
in a srcdoc iframe, both recordings' DOM); a Yerevan address ("Tumanyan st. 12, apt. 5, 0001 Yerevan": typed, given to
createElement as a tag name: the uncaught DOMException quotes it); a Dutch IBAN ("NL07 INGB 0006 4219 73": typed, a
PostHog session super property under a neutral key); what only the housing register knows, sent at load through
PostHog before any recording: her Armenian public services number after its letters ("ՀԾՀ 2718450391"), her name
surname first in Armenian script as in her passport, her mobile in its domestic shape ("091 48 27 36"); and after the
request, the neighbour who reported the same leak, an initial and a Limburg surname ("J. Schrijnemakers": the API's
answer, a button she clicks: PostHog's $el_text, Sentry Replay's click breadcrumb; a Sentry tag).

Controls: the heading "Woonstichting Maasoever – Reparatieverzoek", the repair "Lekkage badkamer", the complex
"Complex Wyck-Oost" (a select under "Uw woning", a property), the search term "kraan lekt", the page's own
?complex=wyck, the request "REP-2026-1183".

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers, body
decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII; the
controls arrive readable; both recordings still replay in rrweb-player. One visit (the module's `visited`), ~20 s.

First run, before reading redactor's code (2026-12-07, main at 4385ad6; four runs, ~25 s each): three values leaked,
the same in every run. The public services number kept its ten digits after its masked letters ("*** 2718450391":
PostHog's event at load, Sentry Replay's recorded response); the Armenian date kept its day and month ("12 ապրիլի
**** թ.": both recordings' iframe); the Yerevan address, typed, quoted by createElement's DOMException, kept its town
on Sentry's path ("('******** *** *** **** ** **** Yerevan')") and all but the street's name in PostHog's $exception
("('******** st. 12, apt. 5, 0001 Yerevan')"), which may leave before the recording that carries the typing. Every
other value was masked on every path: the percent-encoded name in the frames' sourceURL, the Armenian name in the
scope's transaction name, the e-mail in the event's name, the form-encoded mobile (breadcrumb, span, both networks),
the passport in the TypeError, the session super property's IBAN, the passport's name and the domestic mobile in the
file at load, the neighbour on the button, its click and the tag. Over-masked: the call-back query's own key
"complex" ("nummer=**************&*******=wyck", Sentry's breadcrumb and span).

Fixed: Armenia's public services number after its letters (national_id_words: ՀԾՀ and its long name; tests/test_pii.py
ARMENIAN, tests/test_peer_formats.py); the Armenian months in the genitive in the shared months' list, so a typed date
is tainted in their spelling too, and Armenian birth words (birth_words; test_pii ARMENIAN; test_hostile's bound on a
date typed key by key, 160 hashes, since each month's word adds three spellings); a street romanised with its word in
lower case after the name and a flat before the postcode and town (street_en name_type_number; test_pii ARMENIAN,
test_peer_formats). After those, a re-run showed what the first runs' masked key hid: the complex select's options
("Complex Wyck-Oost", "Complex Céramique") were read as names and remembered, so the page's own query key "complex"
was masked in every later address (Sentry's request and spans, PostHog's $current_url) and the contract's preview lost
the complex; a housing complex's words joined the kinds of housing in business_words (rules/pii.yaml;
tests/test_redact.py test_a_select_keeps_the_housing_complexes_it_lists_and_the_page_address_its_query_key). In
one run of eight the passport number quoted by the TypeError ("Cannot define property AU0386157, …") reached the
collector in PostHog's $exception, sent before the recording that carried the typing tainted it: two letters and seven
digits with no word are any code's shape (a product's "AB1234567"). Fixed (session 46): a key of four digits or more
that an engine's error quotes as the property it is about is a value (rules/recognizers.yaml error_quoted_key;
tests/test_peer_formats.py test_a_value_an_engines_error_quotes_as_a_property_key_is_masked).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles  # noqa: F401 (fixtures)
from .test_peers_heldout import events_named, peer_page, recorded_text, saved_stack
from .test_peers_heldout18 import both_sdks_page_app
from .test_peers_heldout19 import assert_both_untouched_and_replayed, wait_for_both_and_leave
from .test_peers_heldout7 import search_and_fill
from .test_peers_heldout12 import assert_no_leaks_folded
from .test_peers_heldout17 import REMOTE_CONFIG  # recording with console, headers and bodies
from .test_peers_heldout9 import sentry_items, sentry_message, sentry_spans

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutThirtyTwoKeyAbCd"
SENTRY_KEY = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c032"
PROJECT = "4533"
HEADING = "Woonstichting Maasoever – Reparatieverzoek"
PRODUCT = "Lekkage badkamer"
REFERENCE = "REP-2026-1183"
COMPLEX = "Complex Wyck-Oost"
SEARCH = "kraan lekt"
PLANT = {
    "name": "Anahit Hovhannisyan",
    "name_armenian": "Անահիտ Հովհաննիսյան",
    "email": "anahit.hovhannisyan@mail.am",
    "mobile": "+374 91 482736",
    "passport": "AU0386157",
    "born": "12 ապրիլի 1991 թ.",
    "address": "Tumanyan st. 12, apt. 5, 0001 Yerevan",
    "iban": "NL07 INGB 0006 4219 73",
    "public_services_number": "2718450391",
    "passport_name": "Հովհաննիսյան Անահիտ",
    "mobile_domestic": "091 48 27 36",
    "neighbour": "J. Schrijnemakers",
}
BORN_TYPED = "1991-04-12"  # the date input's value; the page writes it back in Armenian (PLANT["born"])
PAGE = "/wonen/heldout32.html?sdk=both&complex=wyck"
READY = f"Reparatie {REFERENCE} voor {PRODUCT} ingepland."
CONTROLS = (HEADING, PRODUCT)


def heldout32_app(bundles: Path) -> web.Application:
    async def tenant_file(request: web.Request) -> web.Response:
        return web.json_response({"document": f"ՀԾՀ {PLANT['public_services_number']}",
                                  "paspoort": PLANT["passport_name"], "bereikbaar": PLANT["mobile_domestic"]})

    async def call_back(request: web.Request) -> web.Response:
        return web.json_response({"terugbellen": "gepland"})

    async def report(request: web.Request) -> web.Response:
        asked = await request.json()
        return web.json_response({"referentie": REFERENCE, "soort": asked["soort"],
                                  "ook_gemeld": f"{PLANT['neighbour']} (nr. 14B)"})

    app = both_sdks_page_app(bundles, "heldout32.html", "/wonen/heldout32.html")
    app.router.add_get("/api/huurder", tenant_file)
    app.router.add_get("/api/terugbellen", call_back)
    app.router.add_post("/api/melding", report)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout32_app(bundles), tmp_path_factory.mktemp("peers-heldout32"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout32") as up:
        yield up


def still_missing(c: PeerCollector) -> list[str]:
    """What has not arrived yet of: PostHog's events (the search, the tenant's file, the confirmation's event, the
    request, the three exceptions, the click on the neighbour) and recording, Sentry's message, its three errors, the
    call-back's fetch span, and its replay, each recording with the answer, the calls and the contract's preview."""
    named = events_named(c)
    missing = sorted({"zoeken", "dossier geopend", "reparatie aangevraagd", "$exception", "$autocapture"}
                     - set(named))
    missing += [] if any(n.startswith("bevestiging naar ") for n in named) else ["PostHog's confirmation event"]
    missing += [] if len(named.get("$exception", [])) >= 3 else ["PostHog's three exceptions"]
    missing += [] if any(e["properties"].get("$el_text") and "buren" in str(e["properties"].get("$elements_chain"))
                         for e in named.get("$autocapture", [])) else ["PostHog's click on the neighbour"]
    events = sentry_items(c, PROJECT, "event")
    missing += [] if any("reparatie ingediend" in sentry_message(p) for p in events) else ["Sentry's message"]
    missing += [] if len([p for p in events if p.get("exception")]) >= 3 else ["Sentry's three errors"]
    spans = [str(s) for s in sentry_spans(c, PROJECT)]
    missing += [] if any("/api/terugbellen" in s for s in spans) else ["Sentry's span of the call-back"]
    for name, prefix in (("PostHog's", "/s/"), ("Sentry's", f"/api/{PROJECT}/envelope/")):
        text = recorded_text(c, prefix)
        missing += [f"{name} recording of {part!r}" for part in (READY, "/api/melding", "/api/terugbellen",
                                                                "Huurovereenkomst") if part not in text]
    missing += [] if "ui.click" in recorded_text(c, f"/api/{PROJECT}/envelope/") else ["Sentry Replay's click"]
    return missing


@pytest.fixture(scope="module")
def visited(app_browser: Any, stack: dict[str, Any]) -> list[dict[str, Any]]:
    """The one visit: searches, fills in the request, sends it, clicks the neighbour's button, waits for both
    clients' events and recordings, leaves; returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"posthog_key": TOKEN, "sentry_key": SENTRY_KEY, "proxy": stack["serve"].url, "project": PROJECT,
            "product": PRODUCT}
    with peer_page(app_browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}{PAGE}", SEARCH,
                        (("#naam", PLANT["name"]), ("#naam_hy", PLANT["name_armenian"]), ("#email", PLANT["email"]),
                         ("#mobiel", PLANT["mobile"]), ("#paspoort", PLANT["passport"]),
                         ("#vorig", PLANT["address"]), ("#iban", PLANT["iban"])),
                        COMPLEX)
        page.locator("#geboren").fill(BORN_TYPED)
        page.locator("#submit").click()
        page.wait_for_function("window.__submitted === true")
        assert page.evaluate("window.__born") == PLANT["born"]  # the Armenian date the page wrote is the one planted
        page.locator("#buren").click()
        wait_for_both_and_leave(page, stack, still_missing, console)
    return sent


def test_both_clients_heldout32_page(app_browser, stack, visited):
    collector = stack["collector"]
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [asked] = named["reparatie aangevraagd"]
    properties = asked["properties"]
    assert (properties["soort"], properties["referentie"], properties["complex"]) == (PRODUCT, REFERENCE, COMPLEX)
    [search] = named["zoeken"]
    assert (search["properties"]["term"], search["properties"]["complex"]) == (SEARCH, "wyck")
    [opened] = named["dossier geopend"]
    assert opened["properties"]["complex"] == "wyck"
    assert all("complex=wyck" in e["properties"]["$current_url"] for e in named["$pageview"])
    [message] = [p for p in sentry_items(collector, PROJECT, "event") if "reparatie ingediend" in sentry_message(p)]
    assert message["tags"]["soort"] == PRODUCT
    assert "complex=wyck" in message["request"]["url"], message["request"]
    for recorded in (recorded_text(collector, "/s/"), recorded_text(collector, f"/api/{PROJECT}/envelope/")):
        assert HEADING in recorded and READY in recorded and COMPLEX in recorded
    assert_both_untouched_and_replayed(app_browser, stack, visited, PROJECT, CONTROLS)
