"""A nineteenth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout19.html, a Frisian sailing school's course
booking in Grou (Dutch, its welcome in Frisian), a Swedish student and the Norwegian friend who sails with her,
pointed at `redactor serve --upstream` in front of the stub collector, both SDKs' own masking off. Shapes rounds 1-18
did not plant: a Swedish name with Å and Ö ("Åsa Lindqvist-Öberg") percent-encoded as UTF-8 in a fetch's query
(breadcrumbs, spans, both recordings' network), as an ASCII slug in the path after a pushState (PostHog's $pageview,
Sentry's navigation), in a data-* attribute and an <output>'s value set by script, as the name of a transaction of
its own (Sentry startSpan forceTransaction) and as a key of an object (a capture's property, Sentry's extra); a
Swedish personnummer with its dash ("920317-2383": typed, a data-* attribute, PostHog's alias, Sentry's fingerprint);
a Swedish mobile with a dash after its trunk ("070-412 83 56") in a field asking only "Hoe kunnen we je bereiken?"; a
Swedish address with its flat number ("lgh 1102") and a postcode in three and two; the Norwegian friend: a name with ø,
a fødselsnummer typed in a number input (PostHog's $set_once through setPersonProperties), a mobile without its
country code in 3-2-3 ("412 38 765", Sentry's tags); console.table of both; what only the school's server knows: the
instructor, a Frisian name ("Wybren Sjoerdsma") and a Dutch mobile, in a welcome in Frisian shown in a <dialog>, a
tooltip (title attribute) and an object under "instructeur"; the federation's register, keyed as Nordic registers
key it (console.log, a capture, Sentry's contexts and a breadcrumb's data): the next of kin under "förnamn",
"efternamn", "gatuadress", "postnummer" ("831 82"), "postort", "telefon" (a Swedish landline "063-12 84 07"),
"personnummer" in twelve digits, "födelsedatum" (ISO), the mate's address under "gateadresse", "poststed" and his
mobile in E.164 under "mobil" (a tel: link the visitor clicks), another contact under Swedish and Norwegian compounds
("fullständigt_namn": a short name "Gunnel Ek", "hemadress", "leveringsadresse", "kontonummer", "mobilnummer"); the
remarks typed in lower case naming her sister ("linnea lindqvist") with a Swedish mobile in 4-2-2-2, and the mate's
Norwegian bank account in its groups ("1503 27 40216"); a select whose options the page built from the typed names
(the mate picked: an input event whose value is a name); a crew list as a semicolon CSV with a Swedish header
("namn;personnummer;gatuadress;postnummer;roll", a lower-case street and a postcode in its row: the console, a
capture's property, Sentry's breadcrumb, and an attachment to an error).

Controls: the heading "Zeilschool De Pikmeer", the course "Kajuitzeilen CWO 2, zeven dagen", the country "Zweden" (a
select, a property), the search term "valk huren", the page's own ?haven=grou, the reference "PKM-CWO2-31".

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable; both recordings still replay in rrweb-player. One visit (the module's `visited`), ~20 s.

First run, before reading redactor's code (2026-12-05, main at 6cc8264; ~15 s), with the first batch (up to the
instructor): every planted value masked: the name percent-encoded in the query, the slug in the path (PostHog's
$current_url, Sentry's transaction and url.path), the transaction named after her, the names as keys, the data-*
attributes, the <output>, the tooltip, the Frisian welcome's name and phone, the personnummer as alias and fingerprint,
the fødselsnummer in the number input, the phones, the flat's address.
Second run, with the register and the remarks: failed on the next of kin's postcode under "postnummer" ("831 82",
both recordings' response bodies, the console, PostHog's property, Sentry's context): digits no recognizer reads
alone, under a key no rule knew. Fixed: the Swedish, Norwegian and Danish address keys (gatuadress, gateadresse,
postnummer, postnr, postort, poststed, vejnavn…) in rules/fields.yaml (tests/test_redact.py fails without them).
Third run, with the birth date and the rest of the third batch: failed on "födelsedatum": "1958-11-04" (the same
places): an ISO date alone is no birth date and the key said nothing. Fixed: the Nordic birth words (född,
födelsedatum, fødselsdato, syntymäaika, fæðingardagur…) in recognizers.yaml's birth_words, and as field words with the
Polish, Turkish and Romanian ones in fields.yaml (tests/test_pii.py BIRTH_AND_LICENCE and tests/test_redact.py fail
without them). Fourth run, with the contact under Nordic compound keys: no planted value reaches the collector, and
the controls and the register's "roll": "kassör" arrive readable. Fifth run, with the crew's CSV: failed on its
postcode ("413 04", after "storgatan 5b;": the console, PostHog's property, Sentry's breadcrumb, both recordings'
response bodies): the rest of the row was masked by its shapes, the postcode alone is digits. Fixed: a delimited
table written into a text has its cells read under their column's name, as a payload's key (content.py table_cells;
tests/test_redact.py fails without it). The attachment itself, no JSON, is dropped by formats/sentry.py (asserted).
Sixth run: no planted value reaches the collector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles, wait_for  # noqa: F401 (fixtures)
from .test_peers_heldout import assert_gets_untouched, events_named, held_out_page_app, peer_page, recorded_text, saved_stack
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of
from .test_peers_heldout7 import search_and_fill
from .test_peers_heldout12 import assert_no_leaks_folded
from .test_peers_heldout17 import REMOTE_CONFIG  # recording with console, headers and bodies
from .test_peers_heldout9 import envelope_items, sentry_items, sentry_message

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutNineteenKeyLmNoPqR"
SENTRY_KEY = "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d019"
PROJECT = "4520"
HEADING = "Zeilschool De Pikmeer"
PRODUCT = "Kajuitzeilen CWO 2, zeven dagen"
REFERENCE = "PKM-CWO2-31"
COUNTRY = "Zweden"
SEARCH = "valk huren"
PLANT = {
    "name": "Åsa Lindqvist-Öberg",
    "name_query": quote("Åsa Lindqvist-Öberg", safe=""),
    "slug": "asa-lindqvist-oberg",
    "pnr": "920317-2383",
    "email": "asa.lindqvist@brevlada-norr.se",
    "phone": "070-412 83 56",
    "address": "Storgatan 14 B lgh 1102, 831 30 Östersund",
    # the friend who sails with her, Norwegian
    "mate": "Eirik Bjørnstad Haugland",
    "fnr": "15048710465",
    "mate_phone": "412 38 765",
    # what only the school's server knows: the instructor, Frisian
    "instructor": "Wybren Sjoerdsma",
    "instructor_phone": "06-41827395",
    # typed in lower case in the remarks: her sister and her mobile
    "sister": "linnea lindqvist",
    "sister_phone": "0736 29 41 08",
    # the federation's register: her next of kin, keyed in Swedish; the mate's address, keyed in Norwegian
    "kin": "Margareta Holmgren",
    "kin_street": "Rådhusgatan 31",
    "kin_postcode": "831 82",
    "kin_phone": "063-12 84 07",
    "mate_street": "Kirkeveien 12 B",
    "mate_mobile": "+4741238765",
    "mate_account": "1503 27 40216",
    "kin_pnr": "195811048320",
    "kin_birth": "1958-11-04",
    # and the register's other contact, under keys in Swedish and Norwegian compounds
    "contact": "Gunnel Ek",
    "contact_home": "Lilla Torget 3",
    "contact_delivery": "Bygdøy allé 21",
    "contact_account": "15032740216",
    "contact_mobile": "0736294108",
    # the crew list the page attaches to Sentry's next event, a semicolon CSV with a header in Swedish
    "crew_name": "Sture Wallin",
    "crew_pnr": "470823-1230",
    "crew_postcode": "413 04",
    "crew_street": "storgatan 5b",
}
REMARKS = (f"mijn zus {PLANT['sister']} komt zaterdag kijken, bel haar op {PLANT['sister_phone']} als het niet "
           "doorgaat; het lesgeld van Eirik graag terug op zijn rekening "
           f"{PLANT['mate_account']}")
REGISTER = {"anhorig": {"förnamn": "Margareta", "efternamn": "Holmgren", "gatuadress": PLANT["kin_street"],
                        "postnummer": PLANT["kin_postcode"], "postort": "Östersund", "telefon": PLANT["kin_phone"],
                        "namn": PLANT["kin"], "personnummer": PLANT["kin_pnr"],
                        "födelsedatum": PLANT["kin_birth"]},
            "maat": {"fornavn": "Eirik", "etternavn": "Bjørnstad Haugland", "gateadresse": PLANT["mate_street"],
                     "postnummer": "0368", "poststed": "Oslo",
                     "mobil": PLANT["mate_mobile"]},
            "bemanning": f"namn;personnummer;gatuadress;postnummer;roll\n{PLANT['crew_name']};{PLANT['crew_pnr']};"
                         f"{PLANT['crew_street']};{PLANT['crew_postcode']};kassör\n",
            "kontakt": {"fullständigt_namn": PLANT["contact"], "hemadress": PLANT["contact_home"],
                        "leveringsadresse": PLANT["contact_delivery"], "kontonummer": PLANT["contact_account"],
                        "mobilnummer": PLANT["contact_mobile"], "roll": "kassör"}}
CONFIRMED = f"voor {PRODUCT} is binnen"
WELCOME = (f"Wolkom oan board! Dyn ynstrukteur is {PLANT['instructor']}, do kinst him berikke op "
           f"{PLANT['instructor_phone']}.")
CONTROLS = (HEADING, PRODUCT)


def heldout19_app(bundles: Path) -> web.Application:
    async def sdk(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(bundles / f"{request.match_info['sdk']}-entry.js",
                                headers={"Content-Type": "text/javascript"})

    async def booking(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response(
            {"reference": REFERENCE, "course": PRODUCT, "slug": PLANT["slug"], "welcome": WELCOME,
             "instructor": {"name": PLANT["instructor"], "phone": PLANT["instructor_phone"]}})

    async def register(request: web.Request) -> web.Response:
        return web.json_response(REGISTER)

    app = held_out_page_app(bundles, "heldout19.html", "/cursus/heldout19.html")
    app.router.add_get("/sdk/{sdk:posthog|sentry}.js", sdk)
    app.router.add_post("/api/inschrijving", booking)
    app.router.add_get("/api/register", register)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout19_app(bundles), tmp_path_factory.mktemp("peers-heldout19"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout19") as up:
        yield up


def still_missing(c: PeerCollector) -> list[str]:
    """What has not arrived yet of: PostHog's events and recording, Sentry's events, the certificate's transaction
    and the replay, each recording with the answer to the form."""
    named = events_named(c)
    events = sentry_items(c, PROJECT, "event")
    certificates = [t for t in sentry_items(c, PROJECT, "span", "transaction") if "cert.render" in str(t)]
    missing = sorted({"inschrijving", "register_geladen", "zoeken", "$create_alias", "$set", "$pageview", "$autocapture"} - set(named))
    missing += [f"Sentry's message {m!r}" for m in ("inschrijving ontvangen", "register geladen")
                if not any(m in sentry_message(p) for p in events)]
    missing += [] if certificates else ["the certificate's transaction"]
    missing += [] if any("bemanning onvolledig" in str(p) for p in events) else ["the error the crew's CSV goes with"]
    for name, prefix in (("PostHog's", "/s/"), ("Sentry's", f"/api/{PROJECT}/envelope/")):
        text = recorded_text(c, prefix)
        missing += [f"{name} recording of {part!r}" for part in (CONFIRMED, "/api/inschrijving", "/api/register", "Noodcontact",
                                                                   "Wolkom oan board")
                    if part not in text]
    return missing


@pytest.fixture(scope="module")
def visited(app_browser: Any, stack: dict[str, Any]) -> list[dict[str, Any]]:
    """The one visit: searches, fills in the student and her mate, sends the form, closes the welcome, waits for
    both clients' events and recordings, leaves; returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"posthog_key": TOKEN, "sentry_key": SENTRY_KEY, "proxy": stack["serve"].url, "project": PROJECT,
            "product": PRODUCT}
    with peer_page(app_browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/cursus/heldout19.html?sdk=both&haven=grou", SEARCH,
                        (("#student", PLANT["name"]), ("#pnr", PLANT["pnr"]), ("#mail", PLANT["email"]),
                         ("#bereik", PLANT["phone"]), ("#post", PLANT["address"]), ("#maat", PLANT["mate"]),
                         ("#fnr", PLANT["fnr"]), ("#maat_tel", PLANT["mate_phone"]), ("#opm", REMARKS)),
                        COUNTRY)
        page.locator("#submit").click()
        page.wait_for_function("window.__submitted === true")
        page.locator("#sluit").click()
        page.locator("#stuurman").select_option(PLANT["mate"])
        page.locator("#bel").click()
        wait_for_both_and_leave(page, stack, still_missing, console)
    return sent


def test_both_clients_heldout19_page(app_browser, stack, visited):
    collector = stack["collector"]
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [booked] = named["inschrijving"]
    properties = booked["properties"]
    assert (properties["course"], properties["reference"], properties["land"]) == (PRODUCT, REFERENCE, COUNTRY)
    [search] = named["zoeken"]
    assert (search["properties"]["term"], search["properties"]["haven"]) == (SEARCH, "grou")
    assert all("haven=grou" in e["properties"]["$current_url"] for e in named["$pageview"])
    [message] = [p for p in sentry_items(collector, PROJECT, "event") if "inschrijving ontvangen" in sentry_message(p)]
    assert message["tags"]["cursus"] == PRODUCT and message["tags"]["land"] == COUNTRY
    assert "haven=grou" in message["request"]["url"], message["request"]
    for recorded in (recorded_text(collector, "/s/"), recorded_text(collector, f"/api/{PROJECT}/envelope/")):
        assert HEADING in recorded and CONFIRMED in recorded and COUNTRY in recorded
    # the crew's CSV attached to the error is no JSON: Sentry's attachment cannot be read, so it is dropped
    assert not [h for h, _ in envelope_items(collector, PROJECT) if h["type"] == "attachment"]
    assert_both_untouched_and_replayed(app_browser, stack, visited, PROJECT, CONTROLS)


def wait_for_both_and_leave(page: Any, stack: dict[str, Any], still_missing: Callable[[PeerCollector], list[str]],
                            console: list[str]) -> None:
    """Flushes Sentry's replay, waits until nothing is `still_missing` at the collector (saying what came if that
    never happens), then leaves the page and waits for PostHog's $pageleave."""
    collector = stack["collector"]
    page.evaluate("Sentry.getReplay().flush()")
    wait_for(lambda: not still_missing(collector), lambda: f"both clients' events reached the collector; missing "
             f"{still_missing(collector)}; received "
             f"{[(r['method'], r['path_qs'][:60]) for r in collector.received]}; refused {collector.refused}; "
             f"console {console[-15:]}")
    page.goto(f"http://app.test:{stack['shop'].port}/bye.html")
    wait_for(lambda: "$pageleave" in events_named(collector), "PostHog's $pageleave at unload")


def assert_both_untouched_and_replayed(app_browser: Any, stack: dict[str, Any], visited: list[dict[str, Any]],
                                       project: str, controls: tuple[str, ...]) -> None:
    """The GET routes arrived as sent, and both clients' recordings replay in rrweb-player with the controls."""
    collector = stack["collector"]
    assert_gets_untouched(stack, visited)
    replays_with(app_browser, stack, posthog_recorded(collector), controls)
    replays_with(app_browser, stack, recordings_of(collector, project), controls)
