"""A fourteenth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout14.html, a coworking space's membership in
Brussels (English), an Italian member inviting a Spanish colleague, pointed at `redactor serve --upstream` in front of
the stub collector, both SDKs' own masking off. Shapes rounds 1-13 did not plant: an Italian name with an elided
particle and two surnames ("Dell'Orto Barbagelata"), an Italian mobile typed without its country code as Italians
split it ("347 2186093"), an Italian tax code (codice fiscale, 16 characters) typed, sent upper-cased in a request
header ("X-Member": both SDKs record it) and come back as Italy's digital identity ("TINIT-" and the code: PostHog's
distinct_id and a register_once super property, Sentry's user id), an Italian IBAN typed in lower case without spaces
(a letter, the CIN, after its check digits), a date of birth in Italian words ("nata il 12 agosto 1988") and an
Italian address with its staircase and flat ("Via Tortona 31, scala B, int. 9, 20144 Milano") in an English note; the
colleague: a Spanish name with its particles and "y" ("Pilar Ochoa de Urquiza y Beitia"), a Spanish mobile, a DNI
(eight digits and its letter) and a Madrid address with its floor and door as Spaniards write them
("C/ Ponzano 47, 3º 2ª, 28003 Madrid") in a message; the referrer's e-mail in the landing URL under a parameter
PostHog copies into every event (custom_campaign_params: "referral"); what only the space's server knows: a two-factor
enrolment's otpauth:// URI (its base32 secret), its backup codes as an array, the Wi-Fi's WPA passphrase (a capture's
property, a breadcrumb's data, a context), the member's name in a response header ("X-Desk-Holder", Sentry's
networkResponseHeaders); a live feed (server-sent events, EventSource) naming a member never typed, with an Irish
particle ("Aoife Ní Bhraonáin"), shown in the page and sent as an array; an uncaught RangeError thrown from a timer
quoting the colleague's name and DNI; a span attribute that is an array of the colleague's e-mail and phone.

Controls, the over-masking issue 9 names: the heading "Sablon Commons", the plan "Fixed Desk Plus", the country
"Spain" (a select, the request body, a property), the search term "phone booth", the page's own ?site=sablon, the
Wi-Fi's network name "Sablon-Members".

Round 14b (added after the first run, once redactor's detection was seen to miss these shapes): values never typed, in the API's answer only
(Sentry's network details record it): the referrer's Italian tax code ("BLLMRC79C04A944H") for the referral bonus's
invoice, and the colleague's host at the Madrid partner space, his name and NIE ("Y2817463T").

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable (and the plan in the feed's URL and in the feed after it, in Sentry's replay); the
recordings still replay in rrweb-player.

First run, before reading redactor's code (2026-12-05, main at 61f35fb; the two tests together, ~90 s): after two
mistakes of the test's own (the PostHog key held "012345" of the IBAN first planted, and "0.80000000000001" of a
rate limit held its run of zeros: the IBAN's account changed; the date of birth first planted with its "nata il"),
both tests failed on these:
- the backup codes "7302-4619" under "backup_codes" (PostHog's capture) and "codes" (Sentry's breadcrumb, since named
  "recovery_codes"): no secret key named a two-factor enrolment's backup or recovery codes. Fixed: backupcode,
  recoverycode, herstelcode, wiederherstellungscode, codedesecours in rules/secret_keys.yaml
  (tests/test_peer_formats.py fails without it).
- the colleague's second surname after Spanish "y" ("***** ***** ** ****** y Beitia" in the RangeError's message,
  Sentry): "y" was no particle, and a name of four capitalised words was too long to be one. Fixed: "y" among the
  particles (rules/recognizers.yaml, particles and given_name_surname) and a surname joined by "y" counted with the
  one before it (redactor/pii/names.starts_with_first_name; tests/test_pii.py fails without it).
- the Italian address's "scala B," and the Spanish one's "C/ Ponzano 47, 3º 2ª" in both recordings' keystrokes (the
  street before the postcode masked only once the postcode was typed; "int. 4" (since 9) read as a street before "20144
  Milano"): no recognizer read an Italian, Spanish or Portuguese street. Fixed: street_southern (Via, Viale, Piazza,
  Corso, Calle, C/, Avenida, Rua, Praça…, the house number, the staircase, flat, floor and door, "3º 2ª" read folded
  too, the five-digit postcode and town; tests/test_pii.py fails without it).
- the date of birth "12 agosto 1988" after "nata il" in both recordings: the months were the site languages' only,
  and "nata" no birth word. Fixed: Italian, Spanish and Portuguese months and birth words (and Spanish "3 de mayo de
  1990"; tests/test_pii.py fails without it).
- every other planted value was masked: the Italian mobile without its country code, the tax code typed in lower
  case, sent upper-cased in X-Member and come back as "TINIT-…" (distinct_id, register_once, Sentry's user id: by
  the taint of the typed field), the lower-case IBAN with its CIN, the e-mails, the Spanish mobile, the DNI (by the
  taint), the referrer's e-mail under custom_campaign_params' "referral", the otpauth:// URI, the WPA passphrase,
  the member's name in X-Desk-Holder, the feed's "Aoife Ní Bhraonáin", the span's array.
Reading the code also showed that the tax code and the DNI were masked only where typed (no recognizer knew them;
round 13's AHV number had been so): round 14b plants them untyped. Its first run was against the recognizers
added for them (it_codice_fiscale, es_dni, es_nie in rules/recognizers.yaml, their check letters proving them
through python-stdnum), so what fails without them is shown by tests/test_pii.py, not by this page.
Second run (the fixes above): no leak; one over-masking, in Sentry's replay only: the feed's lines "***** **
********* booked **** 12 (***** **** ****)", the plan "Fixed Desk Plus" and the word "desk" masked after the
EventSource's URL "/api/feed?plan=Fixed%20Desk%20Plus" (a resource's span) had its plan masked as a name by its
shape, and so remembered. Fixed: a parameter whose name says a thing (rules/fields.yaml not_with: "plan",
"product"…) keeps its value from being read as a name by its shape (redactor/content.py UrlSlot; tests/
test_peer_formats.py fails without it). A mistake of the test's own too: posthog-js redacts a response body that
holds a secret-looking key itself ("[SessionRecording] Response body redacted as might contain: secret"), so the
Wi-Fi's name is asserted in Sentry's recording only.
Then both tests passed (2 passed, ~35 s).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiohttp import web

from peer_collector import PeerCollector

from .test_peers_e2e import app_browser, bundles  # noqa: F401 (fixtures)
from .test_peers_heldout import (assert_gets_untouched, events_named, held_out_page_app, package_version, peer_page,
                                 recorded_text, saved_stack, wait_for_recording)
from .test_peers_heldout2 import assert_replays as replays_with, posthog_recorded, sentry_recorded as recordings_of
from .test_peers_heldout6 import leave_when
from .test_peers_heldout7 import search_and_fill
from .test_peers_heldout12 import assert_no_leaks_folded
from .test_peers_heldout9 import sentry_items, sentry_message

pytestmark = pytest.mark.e2e

TOKEN = "phc_HeldoutFourteenKeyQrStUvW"
SENTRY_KEY = "e4f5a6b7c8d90a1b2c3d4e5f6a7b8c14"
PROJECT = "4515"
HEADING = "Sablon Commons"
PRODUCT = "Fixed Desk Plus"
REFERENCE = "SC-74120"
COUNTRY = "Spain"
SEARCH = "phone booth"
SSID = "Sablon-Members"
PLANT = {
    "name": "Giulia Dell'Orto Barbagelata",
    "email": "giulia.dellorto@liberomail-posta.it",
    "phone": "347 2186093",
    "cf": "DLLGLI88M52F205O",
    "iban_it": "it33m0306909606104729583162",
    "dob": "12 agosto 1988",
    "address": "Via Tortona 31, scala B, int. 9, 20144 Milano",
    "colleague": "Pilar Ochoa de Urquiza y Beitia",
    "colleague_email": "pochoa.urquiza@movistar-buzon.es",
    "colleague_phone": "+34 612 48 37 90",
    "dni": "48213657E",
    "colleague_address": "C/ Ponzano 47, 3º 2ª, 28003 Madrid",
    # in the landing URL only: who referred the member
    "referrer_email": "marco.bertuzzi.ferri@fastwebnet-casella.it",
    # what only the space's server knows: the two-factor secret and codes, the Wi-Fi's passphrase, a member in the feed
    "totp_secret": "QH7RZ3KWM5TBX2LD",
    "backup_code": "7302-4619",
    "backup_code2": "5581-0376",
    "wifi_passphrase": "Qv7#mLx2Pn!ke",
    "other_member": "Aoife Ní Bhraonáin",
    # round 14b: never typed, the server's answer only: the referrer's record for the referral bonus's Italian invoice
    # (his tax code), the host who will welcome the colleague at the Madrid partner space (his NIE)
    "referrer_cf": "BLLMRC79C04A944H",
    "host": "Íñigo Sáez Cubero",
    "host_nie": "Y2817463T",
}
NOTES = (f"Invoices to my home please: {PLANT['address']}. For the insurance: nata il {PLANT['dob']}. "
         "I mostly come in the mornings.")
INVITE = f"Pilar trabaja desde {PLANT['colleague_address']} y viene los martes."
CONTROLS = (HEADING, PRODUCT)
CONFIRMED = f"confirmed for {PRODUCT}"
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "supportedCompression": ["gzip", "gzip-js"], "autocapture_opt_out": False, "autocaptureExceptions": True,
}


def heldout14_app(bundles: Path) -> web.Application:
    async def join(request: web.Request) -> web.Response:
        form = json.loads(await request.read())
        totp = (f"otpauth://totp/{quote(HEADING)}:{quote(form['email'])}?secret={PLANT['totp_secret']}"
                f"&issuer={quote(HEADING)}&digits=6")
        return web.json_response(
            {"reference": REFERENCE, "plan": PRODUCT, "fiscalNumber": f"TINIT-{form['cf'].upper()}", "totp": totp,
             "backup_codes": [PLANT["backup_code"], PLANT["backup_code2"]],
             "wifi": {"ssid": SSID, "passphrase": PLANT["wifi_passphrase"]},
             "referral": {"email": PLANT["referrer_email"], "codice_fiscale": PLANT["referrer_cf"], "bonus": "1 month"},
             "madrid_host": {"name": PLANT["host"], "nie": PLANT["host_nie"], "space": "Lavapiés"}},
            headers={"X-Desk-Holder": form["nome"]})

    async def feed(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await response.prepare(request)
        bookings = [{"who": PLANT["other_member"], "desk": 12, "plan": PRODUCT},
                    {"who": "Front desk", "desk": 1, "plan": PRODUCT, "last": True}]
        for booking in bookings:
            await response.write(f"data: {json.dumps(booking, ensure_ascii=False)}\n\n".encode())
            await asyncio.sleep(0.05)
        return response

    app = held_out_page_app(bundles, "heldout14.html", "/members/heldout14.html")
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/feed", feed)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout14_app(bundles), tmp_path_factory.mktemp("peers-heldout14"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout14") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any, after: Any) -> list[dict[str, Any]]:
    """Opens the membership form (landing with a referral) with the SDK pointed at redactor, searches, fills it in,
    sends it; once the recording of the typing is in, opens the live feed; waits for `done`, leaves (and waits for
    `after`); returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT, "plant": PLANT,
            "product": PRODUCT, "reference": REFERENCE, "country": COUNTRY}
    with peer_page(browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/members/heldout14.html?sdk={sdk}&site=sablon"
                              f"&referral={quote(PLANT['referrer_email'])}", SEARCH,
                        (("#nome", PLANT["name"]), ("#mail", PLANT["email"]), ("#tel", PLANT["phone"]),
                         ("#cf", PLANT["cf"].lower()), ("#iban", PLANT["iban_it"]), ("#collega", PLANT["colleague"]),
                         ("#collega_mail", PLANT["colleague_email"]), ("#collega_tel", PLANT["colleague_phone"]),
                         ("#dni", PLANT["dni"]), ("#invito", INVITE), ("#remarque", NOTES)), COUNTRY)
        page.locator("#join").click()
        page.wait_for_function("window.__sent === true")
        if sdk == "sentry":
            page.evaluate("Sentry.getReplay().flush()")
        recordings = "/s/" if sdk == "posthog" else f"/api/{PROJECT}/"
        wait_for_recording(stack, recordings, CONFIRMED, console)
        page.locator("#feed").click()
        page.wait_for_function("window.__feed === true")
        # the feed's URL reaches Sentry's replay as a resource's span, taken from the browser's resource timing at a
        # flush; its entry comes once the stream has ended, which may be after the flush leave_when asks for (1 run
        # in 5 sent no span of it and the test's check of "?plan=" failed)
        page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('/api/feed'))")
        leave_when(page, stack, sdk, console, done, after)
    return sent


def test_posthog_js_heldout14_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"member_joined", "feed_seen", "space_search", "$exception", "$pageview", "$identify"}

    def done(c: PeerCollector) -> bool:
        recorded = recorded_text(c, "/s/")
        return wanted <= set(events_named(c)) and CONFIRMED in recorded and "/api/join" in recorded \
            and "booked desk 12" in recorded

    sent = visit(app_browser, stack, "posthog", TOKEN, done, after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [joined] = named["member_joined"]
    properties = joined["properties"]
    assert (properties["plan"], properties["country"], properties["wifi"]["ssid"]) == (PRODUCT, COUNTRY, SSID)
    assert properties["$lib_version"] == package_version("posthog-js")
    assert "referral" in properties, properties  # the campaign parameter PostHog copied (its value masked)
    [search] = named["space_search"]
    assert (search["properties"]["term"], search["properties"]["site"]) == (SEARCH, "sablon")
    [seen] = named["feed_seen"]
    assert seen["properties"]["plan"] == PRODUCT and "Front desk" in seen["properties"]["members"], seen["properties"]
    assert all("site=sablon" in e["properties"]["$current_url"] for e in named["$pageview"])
    recorded = recorded_text(collector, "/s/")
    # (the API's answer is not in the recording: posthog-js redacts a response body holding a secret's key itself)
    assert HEADING in recorded and CONFIRMED in recorded and f"booked desk 12 ({PRODUCT})" in recorded
    assert_gets_untouched(stack, sent)
    replays_with(app_browser, stack, posthog_recorded(collector), CONTROLS)


def test_sentry_browser_heldout14_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        events = sentry_items(c, PROJECT, "event")
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        return any("feed loaded" in sentry_message(p) for p in events) and any("exception" in p for p in events) \
            and CONFIRMED in recorded and " booked " in recorded and "/api/join" in recorded

    visit(app_browser, stack, "sentry", SENTRY_KEY, done, after=lambda c: True)
    assert_no_leaks_folded(stack, PLANT)
    events = sentry_items(collector, PROJECT, "event")
    [loaded] = [p for p in events if "feed loaded" in sentry_message(p)]
    assert loaded["sdk"]["version"] == package_version("@sentry/browser")
    assert "Front desk" in loaded["extra"]["members"], loaded["extra"]
    assert loaded["contexts"]["network"]["ssid"] == SSID, loaded["contexts"]
    [quota] = [p for p in events if "Desk quota exceeded" in str(p.get("exception"))]
    assert quota["exception"]["values"][0]["type"] == "RangeError", quota
    recorded = recorded_text(collector, f"/api/{PROJECT}/envelope/")
    assert HEADING in recorded and CONFIRMED in recorded and "site=sablon" in recorded and COUNTRY in recorded
    # round 14: the plan in the live feed's URL (?plan=…, a resource's span in the replay) stays, and so do its words
    # in the replay after it
    assert f"booked desk 12 ({PRODUCT})" in recorded and f"plan={PRODUCT.replace(' ', '%20')}" in recorded
    assert SSID in recorded  # the Wi-Fi's name beside its masked passphrase (the API's answer, a context)
    replays_with(app_browser, stack, recordings_of(collector, PROJECT), CONTROLS)
