"""A twenty-fourth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout24.html, a Ghent climbing gym's day-pass
liability waiver (Dutch), a Japanese climber from Osaka and her Finnish belay partner, pointed at `redactor serve
--upstream` in front of the stub collector, both SDKs' own masking off. Shapes and paths rounds 1-23 did not plant: a
Japanese name in Latin letters ("Haruka Nishimura": typed, the $set of a PostHog event's own options); the name in
kanji ("西村 遥香": typed, the aria-label a script sets on a signature canvas); a date of birth in the Japanese era
calendar ("平成7年4月12日": typed, the $set_once of the event's options, under a key that says nothing); a Japanese
passport number ("TR4829175": typed, a request header both recorders capture); a Japanese mobile in its domestic shape
("090-3847-2615": typed, a Sentry tag); an e-mail ("haruka.n@docomo.ne.jp": typed, percent-encoded in an avatar's
background-image URL in an inline style: rrweb's style diff); an Osaka landline ("+81 6-6312-4478": typed, the title
of the button PostHog autocaptures); the Finnish partner's name ("Aino Järvinen": typed, a PostHog group's key, in
$groupidentify and every later event's $groups) and her identity code ("131052-308T": typed, Sentry's user id); what
only the gym's server knows, a value no detector recognises on its own: the pass code ("gNt7~Qx42") in a data
attribute on the body (both recordings).

Controls: the heading "Klimzaal De Steile Wand", the ticket "Dagticket boulderen + huur klimschoenen", the route "6b+
Overhang Noord", the country "Japan" (a select, a property), the search term "toprope", the page's own ?zaal=gent, the
reference "DSW-2026-0907".

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable; both recordings still replay in rrweb-player. One visit (the module's `visited`), ~15 s.

First run, before reading redactor's code (2026-12-06, main at 8ff1fc2; ~14 s): one value leaked, the pass code only
the server knew, set as data-pas on the body, in both recordings; the answer {"pas": …} taught nothing: "pas" (a card,
Dutch) was no key with a meaning. Fixed: a card's or a pass's word alone (pas, ledenpas, lidkaart, clubpas, badge,
Karte, tessera…) names what the site gave someone as a number's word does, so a random code of both cases and digits
under it, in a payload or a data-* attribute, is a record's number, CUSTOMER_ID, masked and tainted (rules/fields.yaml
number_keys; tests/test_allowlists.py fails without it). Over-masked, seen in what the collector got: the reference in
the confirmation, "DSW-2026-***7" in both recordings: the mobile's keystroke "090", typed in the same batch, was found
inside "0907" as a copy of it. Fixed: a typed value is no copy where the text glues more digits to it (redact.py
_copy_pattern; tests/test_redact.py fails without it, and so does this test's assertion of the reference). Masked
already: the name as the event's own $set, the kanji name in the canvas's aria-label, the Heisei date as $set_once,
the passport in the X-Document header, the domestic mobile as a Sentry tag, the e-mail in the avatar's style URL, the
Osaka number in the autocaptured button's title, the partner as a group's key and in $groups, the Finnish identity
code as Sentry's user id (a pseudonym). Second run: no planted value reaches the collector, the controls readable.
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
from .test_peers_heldout9 import sentry_items, sentry_message

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutTwentyFourKeyAbCdE"
SENTRY_KEY = "f1e2d3c4b5a6f7e8d9c0b1a2f3e4d024"
PROJECT = "4525"
HEADING = "Klimzaal De Steile Wand"
PRODUCT = "Dagticket boulderen + huur klimschoenen"
ROUTE = "6b+ Overhang Noord"
REFERENCE = "DSW-2026-0907"
COUNTRY = "Japan"
SEARCH = "toprope"
PLANT = {
    "name": "Haruka Nishimura",
    "kanji": "西村 遥香",
    "born": "平成7年4月12日",
    "passport": "TR4829175",
    "mobile": "090-3847-2615",
    "email": "haruka.n@docomo.ne.jp",
    "emergency": "+81 6-6312-4478",
    "partner": "Aino Järvinen",
    "hetu": "131052-308T",
    # what only the gym's server knows
    "pass": "gNt7~Qx42",
}
RECEIVED = f"voor {PRODUCT} ontvangen"
CONTROLS = (HEADING, PRODUCT)


def heldout24_app(bundles: Path) -> web.Application:
    async def waiver(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response({"referentie": REFERENCE, "ticket": PRODUCT, "pas": PLANT["pass"]})

    app = both_sdks_page_app(bundles, "heldout24.html", "/klimzaal/heldout24.html")
    app.router.add_post("/api/verklaring", waiver)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout24_app(bundles), tmp_path_factory.mktemp("peers-heldout24"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout24") as up:
        yield up


def still_missing(c: PeerCollector) -> list[str]:
    """What has not arrived yet of: PostHog's events (the group, the signed waiver, the click on its button) and
    recording, Sentry's message and replay, each recording with the answer to the form."""
    named = events_named(c)
    missing = sorted({"verklaring_ondertekend", "zoeken", "$groupidentify", "$autocapture"} - set(named))
    events = sentry_items(c, PROJECT, "event")
    missing += [] if any("verklaring ontvangen" in sentry_message(p) for p in events) else ["Sentry's message"]
    for name, prefix in (("PostHog's", "/s/"), ("Sentry's", f"/api/{PROJECT}/envelope/")):
        text = recorded_text(c, prefix)
        missing += [f"{name} recording of {part!r}" for part in (RECEIVED, "/api/verklaring") if part not in text]
    return missing


@pytest.fixture(scope="module")
def visited(app_browser: Any, stack: dict[str, Any]) -> list[dict[str, Any]]:
    """The one visit: searches, fills in the climber and her partner, signs, waits for both clients' events and
    recordings, leaves; returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"posthog_key": TOKEN, "sentry_key": SENTRY_KEY, "proxy": stack["serve"].url, "project": PROJECT,
            "product": PRODUCT}
    with peer_page(app_browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/klimzaal/heldout24.html?sdk=both&zaal=gent",
                        SEARCH, (("#naam", PLANT["name"]), ("#naam_jp", PLANT["kanji"]), ("#geboren", PLANT["born"]),
                                 ("#paspoort", PLANT["passport"]), ("#tel", PLANT["mobile"]),
                                 ("#email", PLANT["email"]), ("#nood", PLANT["emergency"]),
                                 ("#partner", PLANT["partner"]), ("#hetu", PLANT["hetu"])),
                        COUNTRY)
        page.locator("#submit").click()
        page.wait_for_function("window.__submitted === true")
        wait_for_both_and_leave(page, stack, still_missing, console)
    return sent


def test_both_clients_heldout24_page(app_browser, stack, visited):
    collector = stack["collector"]
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [signed] = named["verklaring_ondertekend"]
    properties = signed["properties"]
    assert (properties["ticket"], properties["referentie"], properties["land"]) == (PRODUCT, REFERENCE, COUNTRY)
    [search] = named["zoeken"]
    assert (search["properties"]["zoekterm"], search["properties"]["zaal"]) == (SEARCH, "gent")
    assert all("zaal=gent" in e["properties"]["$current_url"] for e in named["$pageview"])
    [group] = named["$groupidentify"]
    assert group["properties"]["$group_set"]["zaal"] == "gent"
    [message] = [p for p in sentry_items(collector, PROJECT, "event") if "verklaring ontvangen" in sentry_message(p)]
    assert message["tags"]["ticket"] == PRODUCT
    assert "zaal=gent" in message["request"]["url"], message["request"]
    for recorded in (recorded_text(collector, "/s/"), recorded_text(collector, f"/api/{PROJECT}/envelope/")):
        assert HEADING in recorded and RECEIVED in recorded and ROUTE in recorded
        assert COUNTRY in recorded and "België" in recorded
        assert f"Verklaring {REFERENCE} voor" in recorded  # not "DSW-2026-***7": the mobile's keystroke "090"
    assert_both_untouched_and_replayed(app_browser, stack, visited, PROJECT, CONTROLS)

