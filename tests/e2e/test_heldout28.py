"""The held-out leak hunt, twenty-eighth round: a Nieuwpoort yacht charter's crew list for a crossing to Ramsgate, in
English with Dutch lines, for a Norwegian skipper, a Brazilian and a Swedish crew member, recorded by the unmodified
rrweb recorder with its default options.

zeilcharter.html: the yacht picked in a <select> (a word and a number, as a street without its street word is), the
port of destination typed in a field with a <datalist> of the site's ports; the skipper's Norwegian name (ø at both
ends) turned by the page into an initials avatar whose style's background-image URL holds a slug of the name without
its diacritics ('seed=solveig-ovrebo', rewritten at every keystroke); her date of birth typed with dots, written by
the page into a <time datetime> in ISO form and in English words; a fødselsnummer, an ICC licence number, a mobile
whose country code is picked in a <select> and joined with it into a tel: link, an e-mail; the Brazilian crew member's
passport read from its machine-readable zone pasted into a textarea (two lines of 44 characters, '<' for spaces): the
page parses it and fills his family and given names (title-cased, without their accents), passport number,
nationality, date of birth and expiry into other fields by script, and writes what it read back in capitals; his
given name then corrected by hand ('Joao Pedro' → 'João Pedro'), his CPF and Rio mobile; the Swede's full name in one
field labelled 'Full name as in the passport', her personnummer and mobile; a crew list (IMO FAL Form 5) in a <pre>
written again at every input of the form, family names first in capitals, padded columns ('LINDQVIST, ÅSA'); two
e-mails in an <input type=email multiple>; the emergency contacts ashore in a textarea (the brother with his Bergen
street, postcode and mobile, the wife with her Rio street and mobile); the deposit's Norwegian IBAN, the promo code;
once sent, a thank-you line naming the skipper and the port. The site's own text that must stay: the headings, the
charter, its harbour and pontoon, its yachts, the labels, the crew list's heading, the signature.

First run (written before reading the detection code): one leak, the Swede's name in the crew list turned round in
capitals ('3   LINDQVIST, ÅSA …', stored readable in every rewrite after she had typed it, from the nationality picked
next on): 'Full name as in the passport' was read as the passport's number (NATIONAL_ID comes first and holds
'passport'), so her name was remembered only as the run 'Åsa Lindqvist', not word by word as a name field's is:
c188dc5 (rules/fields.yaml: a name as an identity document writes it is a PERSON). Over-masked: the yacht 'Bavaria
Cruiser 37 · Zeemeeuw', the <select>'s value in the first snapshot, read as a typed street without a street word and
its number, masked and remembered, its option's text masked too: 9b08c1e (content.py names_by_shape: a <select>'s value
is read as its picked option is). Held on the first run: the avatar's URL slug, the <time>'s ISO date and words, the
tel: link, the MRZ lines and everything the page read from them, the name corrected by hand, the CPF, the personnummer,
the two e-mails, the contacts ashore, the IBAN. (The browser drops the space typed after the comma of an <input
type=email multiple>: the two e-mails are planted one by one.)
Left (xfail, strict): the port typed in the field with a <datalist> ('Ramsgate Royal Harbour Marina', an entry of the
site's list) is read as a typed line, its capitalised words a name: masked and remembered, so 'harbour' is masked in
the site's headings and the port in the thank-you line; a port of the site's <datalist> ('Dunkerque Port du Grand
Large') is read as holding a name and remembered, so the yacht 'Dufour 390 Grand Large' has 'Grand Large' masked; the
model reads the crew list's heading ('Nat  Born  Rank') as a person, and 'born' is masked after it in the site's
'Skipper born' and in the ids 'skipper-born' and 'crew2-born'. Not asserted: the country-code <select> labelled 'Mobile
at sea' has its every option masked as a phone's ('+47 Norge'), fail closed; the Swede's three-letter given name
is not remembered alone (names' words of four letters or more are), so 'ÅSA' stays readable beside her masked family
name in the crew list (no six-character window of a planted value); the avatar's initials 'SØ', joined by the page
from the given and the family name typed in two fields, stay readable.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import (check_data_dir, check_no_shared_window, check_windows, cut, send_between_snapshots,
                           type_with_cuts)
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

GIVEN, FAMILY, EMAIL = "Solveig", "Øvrebø", "solveig.ovrebo@online.no"
MRZ_NAMES = "P<BRARIBEIRO<GONCALVES<<JOAO<PEDRO<<<<<<<<<<"
MRZ_NUMBERS = "FX48271533BRA9007158M3105227<<<<<<<<<<<<<<06"
CREW3 = "Åsa Lindqvist"
COPIES = ["eirik.ovrebo@gmail.com", "asa.lindqvist85@telia.com"]  # typed with ", " between: the field drops the space
ASHORE = ("Solveig's brother Eirik Øvrebø, Nordnesgaten 14, 5005 Bergen, +47 918 44 372. For João: his wife Fernanda "
          "Ribeiro, Rua Barão da Torre 218, Ipanema, Rio de Janeiro, +55 21 98123-0456. Åsa has no one to call, "
          "her cat-sitter has the key.")
IBAN = "NO53 1503 6172 883"
DESTINATION, BOAT, CODE = "Ramsgate Royal Harbour Marina", "Hanse 348 · Ijzermonding", "WESTHOEK-CREW26"

THE_SKIPPER = [
    Planted("#skipper-given", GIVEN, "a Norwegian given name"),
    Planted("#skipper-family", FAMILY, "a Norwegian family name, ø at both ends"),
    Planted(None, "solveig-ovrebo", "the name as a slug without diacritics in the avatar's background-image URL"),
    Planted("#skipper-born", "17.04.1988", "a date of birth with dots"),
    Planted(None, "1988-04-17", "the date of birth in a <time datetime> and the crew list"),
    Planted(None, "17 April 1988", "the date of birth in English words, in the <time>"),
    Planted("#skipper-id", "17048849199", "a Norwegian national number (fødselsnummer)"),
    Planted("#skipper-icc", "NOR/ICC/19/04471", "an ICC licence number"),
    Planted("#skipper-phone", "412 38 905", "a Norwegian mobile, its country code picked in a <select>"),
    Planted(None, "+4741238905", "the mobile put together in a tel: link"),
    Planted("#skipper-email", EMAIL, "an e-mail"),
    Planted(None, "ØVREBØ, SOLVEIG", "the name in capitals in the crew list"),
]
THE_BRAZILIAN = [
    Planted(None, MRZ_NAMES, "the passport's first MRZ line, pasted"),
    Planted(None, MRZ_NUMBERS, "the passport's second MRZ line, pasted"),
    Planted(None, "Ribeiro Goncalves", "the family name the page read from the MRZ and filled in"),
    Planted(None, "Joao Pedro", "the given names the page read from the MRZ, corrected by hand afterwards"),
    Planted("#crew2-given", "João Pedro", "the given names corrected by hand"),
    Planted(None, "FX4827153", "the passport number the page read from the MRZ"),
    Planted(None, "1990-07-15", "the date of birth the page read from the MRZ, in a type=date"),
    Planted(None, "2031-05-22", "the passport's expiry the page read from the MRZ"),
    Planted(None, "RIBEIRO GONCALVES, JOAO PEDRO", "the name as read from the passport, in capitals"),
    Planted("#crew2-id", "318.457.926-37", "a Brazilian CPF"),
    Planted("#crew2-phone", "+55 21 99876-5432", "a Rio mobile with a dash"),
]
THE_SWEDE = [
    Planted("#crew3-name", CREW3, "a Swedish full name in one field, Å first"),
    Planted(None, "LINDQVIST, ÅSA", "her name in capitals, turned round, in the crew list"),
    Planted("#crew3-id", "850312-4466", "a Swedish personnummer"),
    Planted("#crew3-phone", "070-312 45 67", "a Swedish mobile"),
]
ASHORE_PLANTED = [
    Planted(None, "Eirik Øvrebø", "the brother after 'brother'"),
    Planted(None, "Nordnesgaten 14", "a Bergen street, no separate street word"),
    Planted(None, "5005 Bergen", "a Norwegian postcode and town"),
    Planted(None, "+47 918 44 372", "a Norwegian mobile"),
    Planted(None, "Fernanda Ribeiro", "the wife after 'his wife'"),
    Planted(None, "Rua Barão da Torre 218", "a Rio street"),
    Planted(None, "+55 21 98123-0456", "a Rio mobile"),
]
THE_REST = [
    Planted(None, COPIES[0], "the brother's e-mail, the first of two in an <input type=email multiple>"),
    Planted(None, COPIES[1], "the Swede's e-mail with her birth year, the second of two in an <input type=email "
            "multiple>"),
    Planted("#iban", IBAN, "a Norwegian IBAN"),
]
KEPT = ["Yachtcharter Westhoek · Nieuwpoort", "Uw boot ligt in Jachthaven VVW Nieuwpoort, steiger B.",
        "Bavaria Cruiser 37 · Zeemeeuw", "Crew list — Yachtcharter Westhoek Nieuwpoort",
        "Call the skipper", "Yachtcharter Westhoek bv · Jachthaven VVW Nieuwpoort · Fair winds!",
        "We send the crew list to the Havenmeester Nieuwpoort and to ", "Fair winds! The Westhoek charter team"]
#: the site's text with a word of the port of destination the visitor typed ('Harbour'), of a port in its list read as
#: a name ('Grand Large'), of the crew list's heading read as a name ('Born'): see the xfails
KEPT_LEFT = {"destination": ["Crew list (IMO FAL Form 5) for the harbour master and the UK Border Force",
                             "What the harbour master sees"],
             "list": ["Dufour 390 Grand Large · Noordster"],
             "heading": ["No  Family name, given names             Nat  Born        Rank", "Skipper born "]}
#: what the visitor typed or picked that is nobody's data, as the field's value in a full snapshot
TYPED_KEPT = {"boot": BOAT, "promo": CODE}
LABELS = ["Date of birth (dd.mm.yyyy)", "National identity number (fødselsnummer, personnummer, PESEL…)",
          "ICC or sailing licence number", "Mobile at sea",
          "Scan or paste the two lines at the bottom of the passport's photo page (optional)",
          "Tax or identity number (CPF for Brazilians)", "Full name as in the passport",
          "Send a copy of the crew list to (several addresses, comma-separated)",
          "Emergency contacts ashore (noodcontacten aan wal)", "IBAN for the return of the deposit (borg € 1 500)"]


@pytest.fixture(scope="module")
def zeilcharter(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#boot", BOAT)
        recording.type("#bestemming", DESTINATION)
        type_with_cuts(recording, "#skipper-given", ["Solv", "eig"])
        type_with_cuts(recording, "#skipper-family", ["Øvr", "ebø"])
        recording.type("#skipper-born", "17.04.1988")
        type_with_cuts(recording, "#skipper-id", ["1704884", "9199"])
        recording.type("#skipper-icc", "NOR/ICC/19/04471")
        page.select_option("#skipper-cc", "+47")
        type_with_cuts(recording, "#skipper-phone", ["412 3", "8 905"])
        type_with_cuts(recording, "#skipper-email", ["solveig.ov", "rebo@online.no"])

        page.click("#mrz")  # the two lines pasted at once: one input event, the page fills the fields
        page.keyboard.insert_text(f"{MRZ_NAMES}\n{MRZ_NUMBERS}")
        page.wait_for_function("document.getElementById('crew2-passport').value === 'FX4827153'")
        cut(page)
        page.click("#crew2-given")
        page.keyboard.press("Control+A")
        page.keyboard.type("João Pedro", delay=60)
        type_with_cuts(recording, "#crew2-id", ["318.457", ".926-37"])
        recording.type("#crew2-phone", "+55 21 99876-5432")

        type_with_cuts(recording, "#crew3-name", ["Åsa Lind", "qvist"])
        page.select_option("#crew3-nat", "SWE")
        recording.type("#crew3-id", "850312-4466")
        recording.type("#crew3-phone", "070-312 45 67")

        type_with_cuts(recording, "#copies", [f"{COPIES[0]}, asa.lind", "qvist85@telia.com"])
        type_with_cuts(recording, "#ashore", split_inside(ASHORE, "Eirik Øvr", "Nordnesg", "+47 918", "Fernanda Rib",
                                                          "Rua Barão da", "+55 21 981"), delay=20)
        type_with_cuts(recording, "#iban", ["NO53 1503 61", "72 883"])
        recording.type("#promo", CODE)
        send_between_snapshots(recording)

    return record("zeilcharter.html", "heldout28-zeilcharter", script)


def test_zeilcharter_page_did_what_the_round_stands_on(zeilcharter: Recorded):
    """The avatar's URL held the slug, the <time> the ISO date, the link the mobile, the MRZ filled the fields, the
    crew list the names in capitals."""
    sent = list(strings(zeilcharter.sent))
    assert any("seed=solveig-ovrebo" in text for text in sent), "no avatar URL"
    assert "1988-04-17" in sent and "17 April 1988" in sent, "no <time>"
    assert "tel:+4741238905" in sent, "no tel: link"
    assert "Ribeiro Goncalves" in sent and "FX4827153" in sent and "1990-07-15" in sent, "the MRZ filled nothing"
    assert any("RIBEIRO GONCALVES, JOAO PEDRO" in text for text in sent), "the MRZ was not read back"
    assert any("LINDQVIST, ÅSA" in text and "ØVREBØ, SOLVEIG" in text for text in sent), "no crew list"


def test_zeilcharter_skipper_leaks_nothing(zeilcharter: Recorded):
    check_windows(zeilcharter, THE_SKIPPER)


def test_zeilcharter_brazilian_crew_member_leaks_nothing(zeilcharter: Recorded):
    check_windows(zeilcharter, THE_BRAZILIAN)


def test_zeilcharter_swedish_crew_member_leaks_nothing(zeilcharter: Recorded):
    check_windows(zeilcharter, THE_SWEDE)


def test_zeilcharter_emergency_contacts_and_the_rest_leak_nothing(zeilcharter: Recorded):
    check_windows(zeilcharter, [*ASHORE_PLANTED, *THE_REST])


def test_zeilcharter_keeps_the_site_text(zeilcharter: Recorded):
    check_kept(zeilcharter, KEPT)


def test_zeilcharter_keeps_what_was_typed_that_is_nobodys_data(zeilcharter: Recorded):
    """The yacht picked (a word and a number, as a street without its street word is) and the promo code, in the full
    snapshots after them."""
    assert all(value in field_values(zeilcharter.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(zeilcharter.stored, field)] == []


def test_zeilcharter_last_snapshot_keeps_the_labels(zeilcharter: Recorded):
    check_kept(last_snapshot(zeilcharter), LABELS)


@pytest.mark.xfail(strict=True, reason="left: a port typed in a field with a <datalist> of the site's ports ('Ramsgate "
                   "Royal Harbour Marina') is read as a typed line, its capitalised words as a name: masked and "
                   "remembered, so 'harbour' is masked in the site's headings")
def test_zeilcharter_keeps_the_port_picked_from_the_sites_list_and_its_words(zeilcharter: Recorded):
    assert DESTINATION in field_values(zeilcharter.sent, "bestemming"), "test broken"
    assert DESTINATION in field_values(zeilcharter.stored, "bestemming")
    check_kept(zeilcharter, KEPT_LEFT["destination"])


@pytest.mark.xfail(strict=True, reason="left: a port of the site's <datalist> ('Dunkerque Port du Grand Large') is read "
                   "as holding a name and remembered, so the yacht 'Dufour 390 Grand Large' has 'Grand Large' masked")
def test_zeilcharter_keeps_the_yachts_whose_words_a_listed_port_shares(zeilcharter: Recorded):
    check_kept(zeilcharter, KEPT_LEFT["list"])


@pytest.mark.xfail(strict=True, reason="left: the model reads the crew list's heading 'Nat  Born  Rank' as a person "
                   "and its words are remembered: 'born' is masked in the site's 'Skipper born' and in the ids "
                   "'skipper-born', 'crew2-born'")
def test_zeilcharter_keeps_the_crew_lists_heading(zeilcharter: Recorded):
    check_kept(zeilcharter, KEPT_LEFT["heading"])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_SKIPPER, *THE_BRAZILIAN, *THE_SWEDE, *ASHORE_PLANTED, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(zeilcharter, redactor_serve):
    check_data_dir(redactor_serve, b"Yachtcharter Westhoek", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{GIVEN, FAMILY, EMAIL, "solveig-ovrebo", "ØVREBØ, SOLVEIG", "Eirik Øvrebø",
             CREW3, "LINDQVIST, ÅSA", *COPIES},
            {MRZ_NAMES, MRZ_NUMBERS, "Ribeiro Goncalves", "Joao Pedro", "João Pedro", "FX4827153",
             "RIBEIRO GONCALVES, JOAO PEDRO", "Fernanda Ribeiro", "+55 21 99876-5432", "+55 21 98123-0456"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "zeilcharter.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    kept_left = [text for texts in KEPT_LEFT.values() for text in texts]
    check_no_shared_window(ALL_PLANTED, [*KEPT, *kept_left, *LABELS, page_text()], VERSIONS)
