"""A seventeenth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout17.html, a pet boarding house in Leuven
(English), a Romanian owner booking a stay for her dog with a Czech neighbour as the sitter to call, pointed at
`redactor serve --upstream` in front of the stub collector, both SDKs' own masking off. Shapes rounds 1-16 did not
plant: a Romanian name with its comma-below letters and a hyphenated given name ("Ioana-Mădălina Țăranu"), a Romanian
mobile written with dashes ("+40-744-582-916"), a Romanian personal numeric code (CNP, 13 digits) typed, sent as the
path segment of a REST route (/api/owners/<CNP>/pets: both recordings' network requests, Sentry's http.client span and
fetch breadcrumb), as Sentry's user id and in an error's message, a Romanian IBAN, a date of birth with its month in
Roman numerals ("12.III.1987") and a Bucharest address with its block, staircase, floor, flat and six-digit postcode
("Str. Popa Nan nr. 38, bl. 4, sc. B, et. 3, ap. 21, 021563 București") in an English note; the sitter: a Czech name
("Květoslava Řeháková"), a Czech mobile without its country code, a Czech birth number with its slash ("905725/3007"),
a password for the sitter's portal under its Czech key ("heslo"), a Prague address with its two house numbers
("Korunní 1208/74, 120 00 Praha 2"), typed in a rich-text editor (contenteditable) in which the visitor then bolds
the surname (execCommand: the text node split in three, the surname moved into a <b>: a mutation that removes the
typed text and adds its pieces); PostHog: an event whose *name* holds the owner's e-mail ("reminder_set_for_…"), a
capture property holding the sitter with the editor's innerHTML, captureException with a property; console.info of an
object nesting the sitter four levels down (PostHog's console recording, Sentry's console breadcrumb); Sentry: an event
processor adding the form's state to every event's contexts, captureException with a capture context's user (phone,
IBAN), a log attribute that is the sitter as a JSON string, a breadcrumb's data holding the sitter; what only the
lodge's server knows: the dog's microchip registry line naming the breeder, a Lithuanian name
("Rūta Žemaitytė-Paulauskienė") with her personal code ("asmens kodas", 11 digits) and a Lithuanian mobile (shown in
the page, a capture's property, a Sentry context as an object).

Controls, the over-masking issue 9 names: the heading "Heverlee Pet Lodge", the stay "Deluxe Kennel Suite", the
country "Romania" (a select, the request body, a property), the search term "nail clipping", the page's own
?branch=heverlee.

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable; the recordings still replay in rrweb-player.

First run, before reading redactor's code (2026-12-05, main at 62eb225; the two tests together, ~40 s): both tests
failed on these; every other planted value was masked:
- the date of birth with its month in Roman numerals ("born 12.III.1987", the note: both recordings' keystrokes,
  PostHog's recorded request body, Sentry's event processor context and log attribute).
- the Bucharest address after its street: "Str. **** *** nr. 38, bl. 4, sc. B, ap. 21, sector 2, 021563 București"
  (the same places): only the street's name was masked.
- the breeder's Lithuanian personal code, never typed: after "asmens kodas" in the registry line (PostHog's property,
  both recordings' response bodies, Sentry's console breadcrumb) and under "asmens_kodas" (Sentry's context).
- the Czech birth number under "rc" and the sitter's password under "heslo" in PostHog's property (which reached /e/
  before the recording that taught the typed values); the password again in Sentry's log attribute (the sitter as a
  JSON string), where the birth number was masked by then.
- masked already: the names (the Romanian one with comma-below letters, the Czech one, the Lithuanian one never
  typed, the sitter's surname split into a <b> by the editor's bold), the e-mails (the owner's inside PostHog's event
  name), the phones (Romanian with dashes, Czech without its country code, Lithuanian), the CNP (typed, in the REST
  route's path, as Sentry's user id, in the errors' messages), the Romanian IBAN, the Prague address once its postcode
  and town were typed, the console object four levels deep.
Fixed: a date with its month in Roman numerals after a birth word, and while it is typed ("born 12.III");
street_southern reads a Romanian street (Str., Bd., Calea…, "nr." before the number, bl., sc., et., ap., sector, a
six-digit postcode); central_european_personal_number (Czech and Slovak birth numbers with their slash, Lithuanian and
Estonian personal codes with their word, Romanian CNPs, each by python-stdnum's checks) and their words in
rules/fields.yaml; the password's key in thirteen more European languages (rules/secret_keys.yaml, rules/fields.yaml).
tests/test_pii.py and tests/test_peer_formats.py fail without them.
Over-masking, found at the same first run (the test stopped at it): the search "nail clipping" was masked as a name
(the search's property, both recordings' search box): "Nail" is a given name too, and a search box's whole value of two
lower-case words was read as a name whenever its first word was one. Fixed: that whole value is a name only when its
first word is a common given name that is not far more often a word (validator lower-case-full-name, as content.py
reads such a name elsewhere; tests/test_pii.py fails without it).
Second run (the fixes above): one leak, in PostHog's recording only: a batch ended at "… at Korunní 120" in the
rich-text editor and stored "Korunní" beside the masked number (no street word; the postcode and town, which make it an
address, came in the next batch), where a cut at "Korunní 12" masked both. Fixed: a house number of three or four
digits being typed, or with its slash, takes the capitalised words before it as two digits did, and a slashed house
number before a spaced postcode being typed ("1208/74, 101 0") takes its street (redactor/content.py;
tests/test_redact.py fails without it). Typing the note and the instructions cut at every character through the
in-process session (as bench/every_cut.py does) then stored no window of their planted values.
Then the values were made more distinctive for the shared data dir of an xdist worker (the sitter's e-mail held
"m-post" of round 7's "gm-postcode", the address's ", sector 2" held ", sect" of round 22's "sectie C"; the sector is
left to tests/test_pii.py), and both tests passed with rounds 15 and 16 (6 passed, this file ~58 s with its setup).
Left (fail closed, judged fair): PostHog's event named "reminder_set_for_<e-mail>" arrives masked whole (the e-mail
detector reads the name's words before the "@" as its local part).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles, wait_for  # noqa: F401 (fixtures)
from .test_peers_heldout import (assert_gets_untouched, events_named, held_out_page_app, package_version, peer_page,
                                 recorded_text, saved_stack)
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of
from .test_peers_heldout6 import leave_when
from .test_peers_heldout7 import search_and_fill
from .test_peers_heldout12 import assert_no_leaks_folded
from .test_peers_heldout9 import sentry_items, sentry_message

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutSeventeenKeyQrStUvW"
SENTRY_KEY = "f1e2d3c4b5a6f7e8d9c0b1a2f3e4d017"
PROJECT = "4518"
HEADING = "Heverlee Pet Lodge"
PRODUCT = "Deluxe Kennel Suite"
REFERENCE = "HPL-DXK-A"
COUNTRY = "Romania"
SEARCH = "nail clipping"
CHIP = "941000024681357"
PLANT = {
    "name": "Ioana-Mădălina Țăranu",
    "email": "ioana.taranu87@posta-ghiocel.ro",
    "phone": "+40-744-582-916",
    "cnp": "2870312403181",
    "iban_ro": "RO33 BTRL 0130 1205 8431 7590",
    "dob": "12.III.1987",
    "address": "Str. Popa Nan nr. 38, bl. 4, sc. B, et. 3, ap. 21, 021563 București",
    "sitter": "Květoslava Řeháková",
    "sitter_email": "kveta.rehakova@mojepostovna.cz",
    "sitter_phone": "603 482 917",
    "rodne_cislo": "905725/3007",
    "heslo": "Vltava!Kos88",
    "sitter_address": "Korunní 1208/74, 120 00 Praha 2",
    # what only the lodge's server knows: the dog's breeder in the microchip registry
    "breeder": "Rūta Žemaitytė-Paulauskienė",
    "asmens_kodas": "48807151273",
    "breeder_phone": "+370 655 19027",
}
NOTES = f"Insurance is in my name, born {PLANT['dob']}. Post the invoice to {PLANT['address']} please."
INSTRUCTIONS = f"Keys are with {PLANT['sitter']} at {PLANT['sitter_address']}, call her first."
CONFIRMED = f"{PRODUCT} is reserved"
CONTROLS = (HEADING, PRODUCT)
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "supportedCompression": ["gzip", "gzip-js"], "autocapture_opt_out": False, "autocaptureExceptions": True,
}


def heldout17_app(bundles: Path) -> web.Application:
    async def pets(request: web.Request) -> web.Response:
        return web.json_response({"pets": [{"name": "Bruno", "species": "dog", "chip": CHIP}]})

    async def bookings(request: web.Request) -> web.Response:
        await request.json()
        chip = {"number": CHIP, "breeder": PLANT["breeder"], "asmens_kodas": PLANT["asmens_kodas"],
                "phone": PLANT["breeder_phone"]}
        return web.json_response(
            {"reference": REFERENCE, "product": PRODUCT, "chip": chip,
             "registry": f"Microchip {CHIP} registered by the breeder {PLANT['breeder']} (asmens kodas "
                         f"{PLANT['asmens_kodas']}, {PLANT['breeder_phone']})."})

    app = held_out_page_app(bundles, "heldout17.html", "/lodge/heldout17.html")
    app.router.add_get("/api/owners/{code}/pets", pets)
    app.router.add_post("/api/bookings", bookings)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout17_app(bundles), tmp_path_factory.mktemp("peers-heldout17"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout17") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any, after: Any) -> list[dict[str, Any]]:
    """Opens the booking form with the SDK pointed at redactor, searches, fills in the owner and the sitter, bolds the
    sitter's surname in the instructions, books; waits for `done`, leaves (and waits for `after`); returns what the
    browser sent to redactor."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT, "product": PRODUCT}
    with peer_page(browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/lodge/heldout17.html?sdk={sdk}&branch=heverlee", SEARCH,
                        (("#owner", PLANT["name"]), ("#mail", PLANT["email"]), ("#tel", PLANT["phone"]),
                         ("#cnp", PLANT["cnp"]), ("#iban", PLANT["iban_ro"]), ("#notes", NOTES),
                         ("#sitter", PLANT["sitter"]), ("#sitter_mail", PLANT["sitter_email"]),
                         ("#sitter_tel", PLANT["sitter_phone"]), ("#rc", PLANT["rodne_cislo"]),
                         ("#heslo", PLANT["heslo"]), ("#instructions", INSTRUCTIONS)),
                        COUNTRY)
        page.evaluate("word => window.__bold(word)", PLANT["sitter"].split()[-1])
        page.locator("#book").click()
        page.wait_for_function("window.__booked === true")
        leave_when(page, stack, sdk, console, done, after)
    return sent


def test_posthog_js_heldout17_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"booking_confirmed", "lodge_search", "$exception", "$identify", "$pageview", "$autocapture"}

    def done(c: PeerCollector) -> bool:
        named = events_named(c)
        recorded = recorded_text(c, "/s/")
        return wanted <= set(named) and CONFIRMED in recorded and "/api/bookings" in recorded \
            and "/api/owners/" in recorded and "booking state" in recorded

    sent = visit(app_browser, stack, "posthog", TOKEN, done, after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [booked] = named["booking_confirmed"]
    properties = booked["properties"]
    assert (properties["product"], properties["reference"], properties["country"]) == (PRODUCT, REFERENCE, COUNTRY)
    assert properties["$lib_version"] == package_version("posthog-js")
    [search] = named["lodge_search"]
    assert (search["properties"]["term"], search["properties"]["branch"]) == (SEARCH, "heverlee")
    assert all("branch=heverlee" in e["properties"]["$current_url"] for e in named["$pageview"])
    recorded = recorded_text(collector, "/s/")
    assert HEADING in recorded and CONFIRMED in recorded
    assert_gets_untouched(stack, sent)
    replays_with(app_browser, stack, posthog_recorded(collector), CONTROLS)


def test_sentry_browser_heldout17_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        events = sentry_items(c, PROJECT, "event")
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        return any("booking confirmed" in sentry_message(p) for p in events) \
            and any("exception" in p for p in events) \
            and CONFIRMED in recorded and "/api/bookings" in recorded and "/api/owners/" in recorded

    visit(app_browser, stack, "sentry", SENTRY_KEY, done, after=lambda c: True)
    assert_no_leaks_folded(stack, PLANT)
    events = sentry_items(collector, PROJECT, "event")
    [confirmed] = [p for p in events if "booking confirmed" in sentry_message(p)]
    assert confirmed["sdk"]["version"] == package_version("@sentry/browser")
    assert confirmed["tags"]["product"] == PRODUCT
    assert confirmed["contexts"]["booking_form"]["country"] == COUNTRY
    assert confirmed["contexts"]["booking_form"]["stay"] == PRODUCT
    assert "?sdk=sentry&branch=heverlee" in confirmed["request"]["url"], confirmed["request"]
    recorded = recorded_text(collector, f"/api/{PROJECT}/envelope/")
    assert HEADING in recorded and CONFIRMED in recorded and "branch=heverlee" in recorded and COUNTRY in recorded
    replays_with(app_browser, stack, recordings_of(collector, PROJECT), CONTROLS)
