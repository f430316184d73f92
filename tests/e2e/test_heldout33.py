"""The held-out leak hunt, thirty-third round: a Rotterdam police report of a stolen bicycle, in Dutch, filed by an
Eritrean student, recorded by the unmodified rrweb recorder with its default options.

fietsdiefstal.html: the place and the bike's make picked in <select>s of the site's places and models; the bike's
frame number, put URL-encoded into a <video poster>; her name in the Eritrean way, her own given name, her father's
and her grandfather's ('Senait Tesfamariam Ghebremeskel'), told back as initials and the last name, and as a slug in
the summary card's class attribute; her date of birth typed as eight bare digits ('04111997'); her BSN with the dots
of the register's '1234.56.789' form; her mobile with the '0031' prefix and no spaces, its national form put into the
call-back button's id; her e-mail in mixed case, put lower-cased into a <meta content> in <head>; her street with a
'-B02' flat suffix and her postcode as one word; a description naming the neighbour who saw it ('Zoë Verbeëk'), the
van's Dutch number plate and the neighbour's Rotterdam landline with a spaced dash; the whole form kept as a JSON
draft in a <pre> whose non-ASCII letters are written as \\u escapes ('Zo\\u00eb Verbe\\u00ebk'). The site's own text
that must stay: the police unit, the places (Rotterdam Centraal, Markthal, Erasmus MC), the bike models, Fietsdepot
Kleinpolder, Wijkbureau Delfshaven, the labels.

First run (4e2d5e6, written before reading the detection code): three leaks. The name's slug in the card's class
('kaart aangever-senait-tesfamariam-ghebremeskel') was stored at every keystroke: a class is structure, read only for a
person's slug after a prefix a list holds ('author-', 'user-'…) and for a number's shape, and 'aangever-' is in no
list: 33c238b (rules/attributes.yaml: class lists are read by the taint pass, as ids are) and ef36d6a (in a class,
the value only, past its class's first word, the CSS's prefix: 'kaart aangever-******-…'). The mobile's national form
in the button's id ('terugbel-0628471', '…06284715') was stored while it was typed: seven or eight digits of a number
not yet whole, no run of the typed '0031628471': f364752 (redactor/redact.py: a phone typed with its country code is
tainted in its national form too, the country code and trunk prefix phonenumbers'). The neighbour's name in the
escaped draft ('Zo\\u00eb Verbe\\u00ebk'; ' Verbe' even in the last snapshot): abdae61 (redactor/pii/fold.py:
detection reads a \\u escape as the character it writes, and masks the whole escape), and 10a0a6d (redactor/taint.py:
the taint reads them too, for a value only the taint knows). Held on the first run: the frame number and its poster
URL, the date of birth as eight digits, the dotted BSN, the mixed-case e-mail and its lower-cased <meta content>, the
street with its flat suffix, the postcode as one word, the van's plate, the neighbour's landline, the name told back
as initials. Over-masked, left as strict xfail: the places of the <select> named 'plaats' (a town, as 'Postcode /
Plaats' asks it) are masked, every option and the pick: which option is picked would show the visitor's town, the
label ('Waar stond de fiets?') does not outrank the name, and a list of the site's places is not told from a list of
towns. Not asserted (seen in process): a class made of a visitor's name alone, with no prefix before it
('senait-tesfamariam'), keeps its first word ('senait-***********'): a class's first word is read as the CSS's.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import (check_data_dir, check_no_shared_window, check_windows, send_between_snapshots,
                           type_with_cuts)
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

NAME, EMAIL = "Senait Tesfamariam Ghebremeskel", "S.Ghebremeskel@Outlook.COM"
WHAT = ("Mijn buurvrouw Zoë Verbeëk zag een man de fiets in een bestelbus met kenteken VZ-281-B laden. "
        "Zij is bereikbaar op 010 - 466 29 81.")
PLACE, MAKE = "Markthal · Binnenrotte", "VanMoof S3"

THE_STUDENT = [
    Planted("#framenummer", "WBK4521873", "a bicycle's frame number, also in a <video poster> URL"),
    Planted("#naam", NAME, "an Eritrean name: given name, father's and grandfather's"),
    Planted(None, "S. T. Ghebremeskel", "the name told back as initials and the last name"),
    Planted(None, "senait-tesfamariam-ghebremeskel", "the name as a slug in a class attribute"),
    Planted("#geboortedatum", "04111997", "a date of birth as eight bare digits"),
    Planted("#bsn", "2738.46.516", "a BSN with the register's dots"),
    Planted("#mobiel", "0031628471593", "a Dutch mobile with the 0031 prefix and no spaces"),
    Planted(None, "0628471593", "the mobile's national form in a button's id"),
    Planted("#email", EMAIL, "an e-mail in mixed case"),
    Planted(None, EMAIL.lower(), "the e-mail lower-cased in a <meta content> in <head>"),
]
THE_REST = [
    Planted("#adres", "Mathenesserlaan 212-B02", "a Rotterdam street with a flat suffix"),
    Planted("#postcode", "3021HS", "a Dutch postcode as one word"),
    Planted(None, "Zoë Verbeëk", "a neighbour's name with diaereses in Dutch free text"),
    Planted(None, "Zo\\u00eb Verbe\\u00ebk", "the neighbour's name with \\u escapes in a JSON draft"),
    Planted(None, "VZ-281-B", "a Dutch number plate in free text"),
    Planted(None, "010 - 466 29 81", "a Rotterdam landline with a spaced dash in free text"),
]
KEPT = ["Politie Rotterdam-Rijnmond", "Aangifte van fietsdiefstal", "Gazelle Chamonix C7", MAKE, "Cortina E-U4",
        "Fietsdepot Kleinpolder", "Spoed? Bel 0900-8844. Wijkbureau Delfshaven",
        "Uw aangifte is ontvangen. U krijgt binnen drie werkdagen bericht van Wijkbureau Delfshaven."]
#: the places of the <select> named "plaats" (a town, in a form's field name): see the xfail below
PLACES = ["Rotterdam Centraal · fietsenstalling Stationsplein", PLACE, "Erasmus MC · Wytemaweg",
          "Station Blaak · ondergrondse stalling"]
TYPED_KEPT = {"merk": MAKE}
LABELS = ["Waar stond de fiets?", "Merk en type", "Framenummer (staat onder de trapas)",
          "Volledige naam (zoals op uw verblijfsdocument)", "Geboortedatum (ddmmjjjj)", "Burgerservicenummer",
          "Mobiel nummer", "E-mailadres", "Straat en huisnummer", "Postcode", "Wat is er gebeurd?", "Samenvatting",
          "Bel mij terug", "Concept van het proces-verbaal", "Aangifte versturen"]


@pytest.fixture(scope="module")
def fietsdiefstal(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#plaats", PLACE)
        page.select_option("#merk", MAKE)
        type_with_cuts(recording, "#framenummer", ["WBK45", "21873"], delay=15)
        type_with_cuts(recording, "#naam", ["Senait Tesfamar", "iam Ghebremeskel"], delay=15)
        recording.type("#geboortedatum", "04111997", delay=15)
        type_with_cuts(recording, "#bsn", ["2738.4", "6.516"], delay=15)
        type_with_cuts(recording, "#mobiel", ["003162", "8471593"], delay=15)
        type_with_cuts(recording, "#email", ["S.Ghebrem", "eskel@Outlook.COM"], delay=15)
        recording.type("#adres", "Mathenesserlaan 212-B02", delay=15)
        recording.type("#postcode", "3021HS", delay=15)
        type_with_cuts(recording, "#omschrijving", split_inside(WHAT, "Zoë Verb", "VZ-28", "010 - 46"), delay=10)
        send_between_snapshots(recording)

    return record("fietsdiefstal.html", "heldout33-fietsdiefstal", script)


def test_fietsdiefstal_page_did_what_the_round_stands_on(fietsdiefstal: Recorded):
    """The poster held the frame number, the class the slug, the button's id the mobile, the <meta> the e-mail,
    the draft the escaped name."""
    sent = list(strings(fietsdiefstal.sent))
    for echo, what in [("style.css?frame=WBK4521873", "poster"), ("kaart aangever-senait-tesfamariam-ghebremeskel",
                       "class"), ("terugbel-0628471593", "id"), (EMAIL.lower(), "meta"),
                       ('"omschrijving": "Mijn buurvrouw Zo\\u00eb Verbe\\u00ebk', "escaped draft"),
                       (f"Aangever: S. T. Ghebremeskel · {MAKE}", "summary")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_fietsdiefstal_student_leaks_nothing(fietsdiefstal: Recorded):
    check_windows(fietsdiefstal, THE_STUDENT)


def test_fietsdiefstal_address_and_witness_leak_nothing(fietsdiefstal: Recorded):
    check_windows(fietsdiefstal, THE_REST)


def test_fietsdiefstal_keeps_the_site_text(fietsdiefstal: Recorded):
    check_kept(fietsdiefstal, KEPT)


#: a <select> whose name is an address's word ("plaats": a town, as "Postcode / Plaats" asks it) has every option
#: masked, so that which one is picked (the visitor's town) shows nowhere; its label ("Waar stond de fiets?") saying
#: nothing of the visitor does not outrank its name, and a list of the site's places is not told from a list of towns
PLACES_REASON = "the options of a <select> named by an address word ('plaats') are masked, the site's places too"


@pytest.mark.xfail(strict=True, reason=PLACES_REASON)
def test_fietsdiefstal_keeps_the_places_of_the_select(fietsdiefstal: Recorded):
    check_kept(fietsdiefstal, PLACES)


@pytest.mark.xfail(strict=True, reason=PLACES_REASON)
def test_fietsdiefstal_keeps_the_place_picked(fietsdiefstal: Recorded):
    assert PLACE in field_values(fietsdiefstal.sent, "plaats"), "test broken"
    assert PLACE in field_values(fietsdiefstal.stored, "plaats")


def test_fietsdiefstal_keeps_the_make_picked(fietsdiefstal: Recorded):
    assert all(value in field_values(fietsdiefstal.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(fietsdiefstal.stored, field)] == []


def test_fietsdiefstal_last_snapshot_keeps_the_labels(fietsdiefstal: Recorded):
    check_kept(last_snapshot(fietsdiefstal), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_STUDENT, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(fietsdiefstal, redactor_serve):
    check_data_dir(redactor_serve, b"Fietsdepot Kleinpolder", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the name is in its echoes; the frame number, the mobile, the e-mail and the neighbour have their versions
VERSIONS = [{NAME, "S. T. Ghebremeskel", "senait-tesfamariam-ghebremeskel", EMAIL, EMAIL.lower()},
            {"0031628471593", "0628471593"},
            {"Zoë Verbeëk", "Zo\\u00eb Verbe\\u00ebk"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "fietsdiefstal.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *PLACES, *LABELS, page_text()], VERSIONS)
