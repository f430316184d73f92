"""A thirteenth leak hunt through the real clients, on a page none of the earlier rounds saw: posthog-js and
@sentry/browser (bundled from node_modules) on tests/e2e/peers/heldout13.html, a padel club's membership in Arlon
(French), a Belgian member and her Swiss playing partner, pointed at `redactor serve --upstream` in front of the stub
collector, both SDKs' own masking off. Shapes rounds 1-12 did not plant: a phone whose country code is in brackets
("(+32) 471 62 83 19") and the same phone as the analytics' id (E.164: PostHog's distinct_id on every event and
/flags, Sentry's user id); a Swiss partner: a Swiss mobile, a Swiss IBAN, an AHV/AVS social security number
("756.9217.0769.85") typed and quoted in an error's message; a date of birth written the Belgian way with "°"
("°23/08/1991") after the name in a remark, an address in that remark with an apostrophe in its street and no
postcode ("27A chemin du Bois d'Heinsch"); a calendar URL holding its own credentials (https://user:password@host/,
the API's answer, a capture's and a breadcrumb's property); a locker's padlock combination under
"combinaison_cadenas"; the member's card as a vCard (text/vcard: N with the surname first and its particles, TEL in
E.164, ADR's ";"-separated fields, BDAY as eight digits) and the first match as an iCalendar event (text/calendar:
ATTENDEE;CN="…":mailto:… folded at 75 octets, naming the partner and his e-mail, never typed on the page), both
fetched with an Authorization: Basic header built from the e-mail and the password (Sentry Replay's
networkRequestHeaders, PostHog's recordHeaders) and both recorded as response bodies; PostHog: identify with
$set_once holding an ISO date of birth, the vCard as a capture's property, the attendees as an array; Sentry:
setUser with extra fields (name, date of birth), a span whose name holds the member's name, setExtra with the vCard,
a context holding the padlock combination, a log whose attribute is the attendees' array.

Controls, the over-masking issue 9 names: the heading "Royal Padel Gaume", the membership "Formule Duo Soirée", the
country "Suisse" (a select, the request body, a property), the search term "terrain couvert", the page's own
?site=stockem.

Round 13b (added after reading redactor's code, in the same runs): the calendar event's lines folded at 75 octets
as RFC 5545 folds them, wherever that falls: inside the partner's e-mail ("mailto:lukas.vong\r\n unten@…") and
inside his AHV number ("AVS 756.921\r\n 7.0769.85"). Round 13c: the event names the match's two opponents, other
members never typed on the page ("CN=Reto Brändli:mailto:…", "CN=Annelies van der Velde"), and the partner's card
from the club's directory (vCard 3.0: "BDAY:1988-02-29", "ADR;TYPE=HOME:;;Kramgasse 49;Bern;;3011;Suisse", his
e-mail), values never typed either, is fetched and shown under the match. Round 13d: that card's LABEL, the address as
a letter writes it, the partner's postcode with its country's letters first ("Kramgasse 49\nCH-3011 Bern\nSuisse").

Asserted: no planted value nor any 6-character window of it reaches the collector (every request: path, headers,
body decoded as PostHog and Sentry decode it, rrweb inside) or redactor's data dir, nor the values folded to ASCII;
the controls arrive readable; the recordings still replay in rrweb-player.

First run, before reading redactor's code (2026-12-04, main at 2780856; the two tests together, ~45 s): after two
mistakes of the test's own (the e-mail first planted, "…@messagerie-gaume.be", held "messag" of Sentry's "message"
key and "severi" of "severity_number"; changed to one that holds no key's word), both tests failed on two classes:
- the padlock's combination "31-17-05" under "cadenas" (the API's answer in both recordings' network details) and
  "combinaison_cadenas" (PostHog's capture "confirmee", Sentry's context "vestiaire"): no SECRET word named a
  padlock's, a combination lock's or a safe's code. Fixed (6f2e648): padlock, cadenas, hangslot, Zahlenschloss,
  kluiscode, code coffre… in rules/fields.yaml's SECRET words (tests/test_peer_formats.py fails without it); the
  locker's number beside it ("casier": 12) stays.
- the vCard's N, the name typed written surname first with its particles ("N:de la Brassinne-Wéry;Séverine;;;"),
  went out as "N:de la **************;********" in both recordings' network details: a name's capitalised words
  were remembered one by one, its lower-case particles only inside the whole name. Fixed (75e1fd1): a surname is
  remembered with the particles it was typed after (tests/test_redact.py fails without it); the site's own
  "de la" stays.
- every other planted value was masked: the phone with its country code in brackets in the field, the vCard's TEL
  and the distinct_id (posthog-js's distinct_id and $user_id, Sentry's user id: pseudonymised "#…" alike in every
  event), the Swiss mobile, IBAN and the AHV number typed (in the error's message by the taint), the national
  number, the "°23/08/1991" birth date and the address in the remark, $set_once's ISO birth date, setUser's extra
  fields, the span's name, the calendar URL's user:password, the Authorization: Basic header (both SDKs), the
  vCard's BDAY (eight digits) and ADR street, the partner's e-mail and name in the iCalendar event, the log's
  attendees.
Round 13b, first run (against the code with the fixes above): the AHV number's first part before the fold,
"AVS 756.921\r\n *********" in both recordings' network details. Two causes, both fixed: no recognizer read an
AHV number (it was masked where the taint of the typed field found its groups whole; 038d217: ch_ahv in
rules/recognizers.yaml, 756, its groups and its EAN-13 check digit, or glued beside its word; tests/test_pii.py
fails without it), and no pattern reads a value a fold cuts (4dc8f29: detection reads a CRLF and a space or tab
unfolded, redactor/pii/fold.py; tests/test_pii.py fails without it). The e-mail folded inside its local part was
masked at that run already (the partner's typed name tainted its handle).
Round 13c passed at its first run (the vCard's "BDAY:" and "ADR" read as a label and a street, the opponents'
names and e-mail found in the event).
Round 13d, first run (the code with the fixes above): "CH-3011 Bern" in both recordings' network details (the street
before it masked): of the postcodes written with a country's letters only Luxembourg's "L-" was read. Fixed (62b1437):
"CH-", "B-", "A-", "D-", "F-" and "NL-" with each country's digits and a town, after a street's number or a vCard
label's escaped line break, alone beside a word for an address (tests/test_pii.py fails without it).
Then both tests passed (2 passed, ~37 s).
Judged fair (fail closed, not asserted either way): the vCard under "vcard" (a capture's property, Sentry's extra)
masked whole; the event's UID "PG-30586@padel-gaume.example" and the organizer's "accueil@padel-gaume.example", the
club's own address, masked as e-mails. Still masked that a reader might want, as documented (README, batch
boundaries): the search's last word ("terrain *******") in both recordings' keystroke events, never settled by a
later keystroke before the field is left.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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

TOKEN = "phc_HeldoutThirteenKey01234567"
SENTRY_KEY = "d3e4f5a6b7c80919203a4b5c6d7e8f13"
PROJECT = "4514"
HEADING = "Royal Padel Gaume"
PRODUCT = "Formule Duo Soirée"
REFERENCE = "PG-30586"
COUNTRY = "Suisse"
SEARCH = "terrain couvert"
PLANT = {
    "name": "Séverine de la Brassinne-Wéry",
    "email": "brassinne.sev@gaumelien.be",
    "password": "Tz9!wQ4rLp",
    "phone": "(+32) 471 62 83 19",
    "phone_e164": "+32471628319",
    "nrn": "91.08.23-274.33",
    "iban_ch": "CH24 0839 0041 5283 0701 9",
    "partner": "Lukas von Gunten-Schärli",
    "partner_phone": "+41 79 384 62 15",
    "ahv": "756.9217.0769.85",
    "dob": "°23/08/1991",
    "dob_iso": "1991-08-23",
    "dob_compact": "19910823",
    "address": "27A chemin du Bois d'Heinsch",
    # what only the club's server knows: the calendar's own password, the padlock's combination, the partner's e-mail
    "calendar_secret": "Hw3nRb8Tq2",
    "padlock": "31-17-05",
    "partner_email": "lukas.vongunten@alpenpost-bern.ch",
    # round 13c: the partner's card from the club's directory: his birthday and his home, never typed on the page; the
    # match's two opponents, other members, named in the calendar event only
    "partner_dob": "1988-02-29",
    "partner_street": "Kramgasse 49",
    "opponent": "Reto Brändli",
    "opponent_email": "reto.braendli@bluewin-mail.ch",
    "opponent2": "Annelies van der Velde",
    # round 13d: the partner's postcode and town as a letter's label writes a foreign one, its country's letters first
    "partner_town": "CH-3011 Bern",
}
PLANT["basic"] = base64.b64encode(f"{PLANT['email']}:{PLANT['password']}".encode()).decode()
REMARK = (f"Carte au nom de {PLANT['name']} {PLANT['dob']}, à envoyer chez ma sœur au {PLANT['address']} à Arlon. "
          "Nous jouons surtout le soir.")
CONTROLS = (HEADING, PRODUCT)
CONFIRMED = f"confirmée pour {PRODUCT}"
REMOTE_CONFIG = {
    "sessionRecording": {"endpoint": "/s/", "consoleLogRecordingEnabled": True,
                         "networkPayloadCapture": {"recordHeaders": True, "recordBody": True}},
    "supportedCompression": ["gzip", "gzip-js"], "autocapture_opt_out": False, "autocaptureExceptions": True,
}


def vcard(form: dict[str, Any]) -> str:
    """The member's card as the club's server writes it (vCard 4.0: N surname first, ADR's fields apart)."""
    given, surname = form["nom"].split(" ", 1)
    return "\r\n".join(["BEGIN:VCARD", "VERSION:4.0", f"FN:{form['nom']}", f"N:{surname};{given};;;",
                        f"TEL;TYPE=cell:+{''.join(c for c in form['gsm'] if c.isdigit())}", f"EMAIL:{form['email']}",
                        f"ADR;TYPE=home:;;{PLANT['address']};Arlon;;6700;Belgique", f"BDAY:{PLANT['dob_compact']}",
                        f"NOTE:{PRODUCT}", "END:VCARD", ""])


def folded(line: str) -> str:
    """An iCalendar content line folded at 75 octets (RFC 5545: CRLF and a space)."""
    raw, parts = line.encode(), []
    while len(raw) > 75:
        cut = 75 if not parts else 74
        while raw[cut] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
            cut -= 1
        parts.append(raw[:cut].decode())
        raw = raw[cut:]
    return "\r\n ".join([*parts, raw.decode()])


def partner_card(partner: dict[str, Any]) -> str:
    """Round 13c: the partner's card as the club's directory gives it (vCard 3.0: BDAY in ISO 8601, ADR apart)."""
    given, surname = partner["nom"].split(" ", 1)
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{partner['nom']}", f"N:{surname};{given};;;",
                        f"BDAY:{PLANT['partner_dob']}", f"ADR;TYPE=HOME:;;{PLANT['partner_street']};Bern;;3011;Suisse",
                        # round 13d: the address's label, as vCard 3.0 writes it (its line breaks escaped: "\n")
                        f"LABEL;TYPE=HOME:{PLANT['partner_street']}\\n{PLANT['partner_town']}\\nSuisse",
                        f"EMAIL;TYPE=INTERNET:{PLANT['partner_email']}", "END:VCARD", ""])


def calendar(partner: dict[str, Any]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{HEADING}//FR", "BEGIN:VEVENT",
             f"UID:{REFERENCE}@padel-gaume.example", "DTSTART:20261210T190000", f"SUMMARY:{PRODUCT} - terrain 3",
             f"ORGANIZER;CN={HEADING}:mailto:accueil@padel-gaume.example",
             # round 13b: lines folded inside the partner's e-mail (never typed) and inside his AHV number (typed)
             f"ATTENDEE;PARTSTAT=ACCEPTED;CN=\"{partner['nom']}\":mailto:{PLANT['partner_email']}",
             f"DESCRIPTION:Double mixte du jeudi soir, licence du partenaire : AVS {partner['avs']} (joignable au "
             f"{partner['telephone']})",
             f"ATTENDEE;PARTSTAT=ACCEPTED;CN={PLANT['opponent']}:mailto:{PLANT['opponent_email']}",
             f"ATTENDEE;PARTSTAT=TENTATIVE;CN={PLANT['opponent2']}:mailto:accueil@padel-gaume.example",
             "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(folded(line) for line in lines)


def heldout13_app(bundles: Path) -> web.Application:
    joined: dict[str, Any] = {}

    async def join(request: web.Request) -> web.Response:
        joined.update(json.loads(await request.read()))
        return web.json_response({"reference": REFERENCE, "formule": PRODUCT, "casier": 12, "cadenas": PLANT["padlock"],
                                  "agenda": f"https://membre:{PLANT['calendar_secret']}@agenda.padel-gaume.example/"
                                            f"{REFERENCE}.ics"})

    async def card(request: web.Request) -> web.Response:
        return web.Response(text=vcard(joined), content_type="text/vcard")

    async def agenda(request: web.Request) -> web.Response:
        return web.Response(text=calendar(joined["partenaire"]), content_type="text/calendar")

    async def partner(request: web.Request) -> web.Response:
        return web.Response(text=partner_card(joined["partenaire"]), content_type="text/vcard")

    app = held_out_page_app(bundles, "heldout13.html", "/club/heldout13.html")
    app.router.add_post("/api/inscription", join)
    app.router.add_get("/api/carte.vcf", card)
    app.router.add_get("/api/agenda.ics", agenda)
    app.router.add_get("/api/partenaire.vcf", partner)
    return app


@pytest.fixture(scope="module")
def stack(bundles: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with saved_stack(heldout13_app(bundles), tmp_path_factory.mktemp("peers-heldout13"), (TOKEN, SENTRY_KEY),
                     REMOTE_CONFIG, "peers-heldout13") as up:
        yield up


def visit(browser: Any, stack: dict[str, Any], sdk: str, key: str, done: Any, after: Any) -> list[dict[str, Any]]:
    """Opens the membership form with the SDK pointed at redactor, searches, fills it in, sends it; once the
    recording of the typing is in, opens the member's card (the vCard, then the match's iCalendar event); waits for
    `done`, leaves (and waits for `after`); returns what the browser sent to redactor."""
    shop = stack["shop"]
    peer = {"sdk": sdk, "key": key, "proxy": stack["serve"].url, "project": PROJECT, "plant": PLANT,
            "product": PRODUCT, "reference": REFERENCE, "country": COUNTRY}
    with peer_page(browser, stack, peer) as (page, sent, console):
        search_and_fill(page, f"http://app.test:{shop.port}/club/heldout13.html?sdk={sdk}&site=stockem", SEARCH,
                        (("#nom", PLANT["name"]), ("#mail", PLANT["email"]), ("#mdp", PLANT["password"]),
                         ("#tel", PLANT["phone"]), ("#nn", PLANT["nrn"]), ("#iban", PLANT["iban_ch"]),
                         ("#partenaire", PLANT["partner"]), ("#tel2", PLANT["partner_phone"]), ("#avs", PLANT["ahv"]),
                         ("#remarque", REMARK)), COUNTRY)
        page.locator("#inscrire").click()
        page.wait_for_function("window.__sent === true")
        if sdk == "sentry":
            page.evaluate("Sentry.getReplay().flush()")
        recordings = "/s/" if sdk == "posthog" else f"/api/{PROJECT}/"
        wait_for_recording(stack, recordings, CONFIRMED, console)
        page.locator("#carte").click()
        page.wait_for_function("window.__card === true")
        leave_when(page, stack, sdk, console, done, after)
    return sent


def test_posthog_js_heldout13_page(app_browser, stack):
    collector = stack["collector"]
    wanted = {"inscription", "confirmee", "carte", "agenda", "recherche", "$exception", "$pageview", "$identify"}

    def done(c: PeerCollector) -> bool:
        recorded = recorded_text(c, "/s/")
        return wanted <= set(events_named(c)) and CONFIRMED in recorded and "/api/inscription" in recorded \
            and all(f"/api/{path}" in recorded for path in ("carte.vcf", "agenda.ics", "partenaire.vcf"))

    sent = visit(app_browser, stack, "posthog", TOKEN, done, after=lambda c: "$pageleave" in events_named(c))
    assert_no_leaks_folded(stack, PLANT)
    named = events_named(collector)
    [joined] = named["inscription"]
    properties = joined["properties"]
    assert (properties["formule"], properties["site"], properties["pays_partenaire"]) == (PRODUCT, "stockem", COUNTRY)
    assert properties["$lib_version"] == package_version("posthog-js")
    [search] = named["recherche"]
    assert (search["properties"]["terme"], search["properties"]["site"]) == (SEARCH, "stockem")
    [confirmed] = named["confirmee"]
    assert confirmed["properties"]["formule"] == PRODUCT, confirmed["properties"]
    assert "agenda.padel-gaume.example" in confirmed["properties"]["agenda"], confirmed["properties"]  # the host
    [card] = named["carte"]
    assert card["properties"]["formule"] == PRODUCT, card["properties"]  # (the vCard: masked whole, see the docstring)
    assert all("site=stockem" in e["properties"]["$current_url"] for e in named["$pageview"])
    recorded = recorded_text(collector, "/s/")
    assert HEADING in recorded and CONFIRMED in recorded
    assert_gets_untouched(stack, sent)
    replays_with(app_browser, stack, posthog_recorded(collector), CONTROLS)


def test_sentry_browser_heldout13_page(app_browser, stack):
    collector = stack["collector"]

    def done(c: PeerCollector) -> bool:
        events = sentry_items(c, PROJECT, "event")
        logs = [p for r in c.requests(f"/api/{PROJECT}/envelope/") for h, p in r.get("envelope", ("", []))[1]
                if h.get("type") == "log"]
        recorded = recorded_text(c, f"/api/{PROJECT}/envelope/")
        return any("carte chargée" in sentry_message(p) for p in events) and any("exception" in p for p in events) \
            and bool(logs) and CONFIRMED in recorded \
            and all(f"/api/{path}" in recorded for path in ("carte.vcf", "agenda.ics", "partenaire.vcf"))

    visit(app_browser, stack, "sentry", SENTRY_KEY, done, after=lambda c: True)
    assert_no_leaks_folded(stack, PLANT)
    events = sentry_items(collector, PROJECT, "event")
    [loaded] = [p for p in events if "carte chargée" in sentry_message(p)]
    assert loaded["sdk"]["version"] == package_version("@sentry/browser")
    assert "vcard" in loaded["extra"], loaded  # (masked whole, see the docstring)
    [refused] = [p for p in events if "Licence refusée" in str(p.get("exception"))]
    assert refused["exception"]["values"][0]["value"].startswith("Licence refusée pour le partenaire (AVS "), refused
    assert refused["tags"]["formule"] == PRODUCT, refused["tags"]
    logs = [json.loads(p) for r in collector.requests(f"/api/{PROJECT}/envelope/") for h, p in r["envelope"][1]
            if h.get("type") == "log"]
    [log] = [entry for item in logs for entry in item["items"] if entry["body"] == "agenda chargé"]
    assert log["attributes"]["formule"]["value"] == PRODUCT, log["attributes"]
    recorded = recorded_text(collector, f"/api/{PROJECT}/envelope/")
    assert HEADING in recorded and CONFIRMED in recorded and "site=stockem" in recorded
    replays_with(app_browser, stack, recordings_of(collector, PROJECT), CONTROLS)
