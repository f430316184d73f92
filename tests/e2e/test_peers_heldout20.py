"""A twentieth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout20.html, a cross-border commuters' tax help desk
in Maastricht (Dutch, a German line), a German commuter living in Aachen and his Belgian partner, pointed at
`redactor serve --upstream` in front of the stub collector, both SDKs' own masking off. Shapes rounds 1-19 did not
plant: a German name with ß and a double surname ("Jürgen Kleinschmidt-Baß"); his German tax ID (Steuer-ID) in
2-3-3-3 (typed, PostHog's $set_once through identify) and glued in a request header both recordings capture
("X-Dossier"); his Rentenversicherungsnummer with its letter ("53 300785 K 012": typed, Sentry's user id); his
German address in a span's name ("geocode Lütticher Straße 48, 52074 Aachen"); an e-mail written out to dodge
robots ("j.kleinschmidt (at) t-online (dot) de") in the question; the partner's name in a button the page builds and
the visitor clicks (PostHog's autocapture text) and in a group's properties with her birthday in German words
("30. Juli 1985"); what only the tax office knows: the Dutch assessment number, the BSN inside it
("1612.04.284.H.56": the page, console.info, Sentry's breadcrumb), the German Steuernummer with its slashes
("201/5012/3457") in the hash route ($pageview's $current_url, Sentry's navigation), the employer's HR contact as a
Sentry tag, a German callback number with a slash ("0241 / 94 71 123") in Sentry's user feedback.

Controls: the heading "GrensInfoPunt Maastricht", the subject "Belastingverdrag Nederland-Duitsland 2012", the
country "Duitsland" (a select, a property), the search term "thuiswerkdagen", the page's own ?loket=maastricht, the
reference "GIP-MST-2026".

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable; both recordings still replay in rrweb-player. One visit (the module's `visited`), ~20 s.

First run, before reading redactor's code (2026-12-06, main at 73572f1; ~15 s): every planted value masked but the
Steuernummer, never typed: "201/5012/3457" in console.info's arguments (Sentry's console breadcrumb) and in the hash
route ("#/dossier/201/5012/3457": Sentry's request url and navigation breadcrumb, PostHog's $current_url), in the
requests sent before a recording had taught it (later ones came masked, from the recording's response body under
"steuernummer"). Masked already: the name with ß, the Steuer-ID spaced and glued in the header, the
Rentenversicherungsnummer as Sentry's user id, the address in the span's name, the e-mail written out with "(at)" and
"(dot)", the partner's name in the autocapture text and the group's properties with her birthday in German words, the
assessment number with the BSN in it, the HR contact as a tag, the callback number with a slash in the feedback.
Fixed: de_tax_number in rules/recognizers.yaml (a Steuernummer in its Land's slash groups, python-stdnum's de.stnr;
tests/test_pii.py DE_TAX_NUMBER fails without it). Second run: the console's argument and Sentry's urls masked, but
PostHog's $current_url still held it: a URL is read segment by segment, and "201", "5012", "3457" alone are nothing.
Fixed: a URL's runs of path segments are read joined too, and what is found across a '/' is masked in each segment
(content.py UrlSlot._segment_runs; tests/test_peer_formats.py fails without it). Third run: no planted value reaches
the collector, the controls arrive readable.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles  # noqa: F401 (fixtures)
from .test_peers_heldout import events_named, held_out_page_app, peer_page, recorded_text, saved_stack
from .test_peers_heldout19 import assert_both_untouched_and_replayed, wait_for_both_and_leave
from .test_peers_heldout7 import search_and_fill
from .test_peers_heldout12 import assert_no_leaks_folded
from .test_peers_heldout17 import REMOTE_CONFIG  # recording with console, headers and bodies
from .test_peers_heldout9 import sentry_items, sentry_message

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutTwentyKeyLmNoPqRsT"
SENTRY_KEY = "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d020"
PROJECT = "4521"
HEADING = "GrensInfoPunt Maastricht"
PRODUCT = "Belastingverdrag Nederland-Duitsland 2012"
REFERENCE = "GIP-MST-2026"
COUNTRY = "Duitsland"
SEARCH = "thuiswerkdagen"
PLANT = {
    "name": "Jürgen Kleinschmidt-Baß",
    "idnr": "76 491 326 687",
    "idnr_glued": "76491326687",
    "rvnr": "53 300785 K 012",
    "address": "Lütticher Straße 48, 52074 Aachen",
    "email": "j.kleinschmidt (at) t-online (dot) de",
    "partner": "Anneleen Verstraeten",
    "partner_birthday": "30. Juli 1985",
    # what only the tax office knows
    "aanslag": "1612.04.284.H.56",
    "steuernummer": "201/5012/3457",
    "hr_contact": "Ingrid Bollen-Jacobs",
    "callback": "0241 / 94 71 123",
}
QUESTION = (f"Ik werk 3 dagen in Maastricht en 2 thuis in Aachen; mail me liever op {PLANT['email']}, "
            "want mijn werkmail lees ik niet thuis.")
CONFIRMED = f"over {PRODUCT} is bevestigd"
CONTROLS = (HEADING, PRODUCT)


def heldout20_app(bundles: Path) -> web.Application:
    async def sdk(request: web.Request) -> web.StreamResponse:
        return web.FileResponse(bundles / f"{request.match_info['sdk']}-entry.js",
                                headers={"Content-Type": "text/javascript"})

    async def appointment(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response(
            {"reference": REFERENCE, "onderwerp": PRODUCT, "aanslagnummer": PLANT["aanslag"],
             "steuernummer": PLANT["steuernummer"], "partner_geboren": PLANT["partner_birthday"],
             "hr_contact": PLANT["hr_contact"], "terugbel": PLANT["callback"]})

    app = held_out_page_app(bundles, "heldout20.html", "/loket/heldout20.html")
    app.router.add_get("/sdk/{sdk:posthog|sentry}.js", sdk)
    app.router.add_post("/api/afspraak", appointment)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout20_app(bundles), tmp_path_factory.mktemp("peers-heldout20"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout20") as up:
        yield up


def still_missing(c: PeerCollector) -> list[str]:
    """What has not arrived yet of: PostHog's events and recording, Sentry's message, feedback, the span under the
    task's transaction and the replay, each recording with the answer to the form and the partner's button."""
    named = events_named(c)
    events = sentry_items(c, PROJECT, "event")
    missing = sorted({"afspraak", "zoeken", "$identify", "$groupidentify", "$pageview", "$autocapture"} - set(named))
    missing += [] if any("afspraak bevestigd" in sentry_message(p) for p in events) else ["Sentry's message"]
    missing += [] if sentry_items(c, PROJECT, "feedback") else ["Sentry's feedback"]
    missing += [] if any("geo.lookup" in str(t) for t in sentry_items(c, PROJECT, "span", "transaction")) \
        else ["the geocode span"]
    for name, prefix in (("PostHog's", "/s/"), ("Sentry's", f"/api/{PROJECT}/envelope/")):
        text = recorded_text(c, prefix)
        missing += [f"{name} recording of {part!r}" for part in (CONFIRMED, "/api/afspraak", "Ook voor")
                    if part not in text]
    return missing


@pytest.fixture(scope="module")
def visited(app_browser: Any, stack: dict[str, Any]) -> list[dict[str, Any]]:
    """The one visit: searches, fills in the commuter and his partner, asks for the appointment, clicks the partner's
    button, waits for both clients' events and recordings, leaves; returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"posthog_key": TOKEN, "sentry_key": SENTRY_KEY, "proxy": stack["serve"].url, "project": PROJECT,
            "product": PRODUCT}
    with peer_page(app_browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/loket/heldout20.html?sdk=both&loket=maastricht", SEARCH,
                        (("#naam", PLANT["name"]), ("#idnr", PLANT["idnr"]), ("#rvnr", PLANT["rvnr"]),
                         ("#woon", PLANT["address"]), ("#vraag", QUESTION), ("#partner", PLANT["partner"])),
                        COUNTRY)
        page.locator("#submit").click()
        page.wait_for_function("window.__submitted === true")
        page.locator("#partnerknop").click()
        wait_for_both_and_leave(page, stack, still_missing, console)
    return sent


def test_both_clients_heldout20_page(app_browser, stack, visited):
    collector = stack["collector"]
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [booked] = named["afspraak"]
    properties = booked["properties"]
    assert (properties["onderwerp"], properties["reference"], properties["land"]) == (PRODUCT, REFERENCE, COUNTRY)
    [search] = named["zoeken"]
    assert (search["properties"]["term"], search["properties"]["loket"]) == (SEARCH, "maastricht")
    assert all("loket=maastricht" in e["properties"]["$current_url"] for e in named["$pageview"])
    [message] = [p for p in sentry_items(collector, PROJECT, "event") if "afspraak bevestigd" in sentry_message(p)]
    assert message["tags"]["onderwerp"] == PRODUCT
    assert "loket=maastricht" in message["request"]["url"], message["request"]
    for recorded in (recorded_text(collector, "/s/"), recorded_text(collector, f"/api/{PROJECT}/envelope/")):
        assert HEADING in recorded and CONFIRMED in recorded and COUNTRY in recorded
    assert_both_untouched_and_replayed(app_browser, stack, visited, PROJECT, CONTROLS)
