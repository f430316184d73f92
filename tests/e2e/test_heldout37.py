"""The held-out leak hunt, thirty-seventh round: a Hasselt bouldering gym's day pass and waiver, in Dutch with an
Icelandic line, bought by an Icelandic student, recorded by the unmodified rrweb recorder with its default options.

boulderzaal.html: the formula picked in a <select>; her Icelandic name, a patronymic with thorn and eth ('Guðrún
Þórsdóttir'), written by the page into a CSS custom property of a stylesheet rule (CSSOM: rrweb's style-declaration
event, not the DOM) that the pass shows through ::before; her Icelandic ID number, the kennitala ('120399-2769', date
of birth then four digits, the ninth a check digit), put without its hyphen into a QR image's srcset; her e-mail typed
with capitals and lower-cased by the page ('Gudrun.Thors@HI.is' → 'gudrun.thors@hi.is'); her emergency contact's name
('Sigurður Ólafsson') pasted in one insertion under a label that says only 'Wie mogen we bellen?'; his Icelandic number
in its bare seven-digit domestic form ('862 4517'), shown by a rule the page inserts into the stylesheet (an ::after's
content); free text giving her Reykjavík street ('Þórsgata 14, 101 Reykjavík'), a Reykjavík landline ('+354 551
2398'), and, since the probes below, her brother's Icelandic mobile in its bare seven digits ('697 3381') and an uncle's
name typed without its 'ð' ('Eidur Bjarnason'), each with a batch cut inside it. The site's own text that must stay:
the gym's name, its town and canal, the walls, the route grades, the formulas, the Icelandic line, the thanks line,
the labels.

First run (00c6e1d, written before reading the detection code): nothing leaked and nothing of the site's was masked:
the name in the CSSOM custom property, the kennitala and its srcset echo, the capitalised and lower-cased e-mail, the
pasted contact, the seven-digit number in the field and in the inserted rule, the street and the landline in free
text all held, as did the formula picked and the labels. Probed beside the page (page text, not typed): a bare
seven-digit Icelandic or Estonian number after a call word ('Bel gerust op 8624517', 'Sími 862-4517') was read as
nothing, no pattern reading fewer than eight digits and the phone validator wanting nine: 0b8a9bc
(rules/recognizers.yaml phone_seven_digits, redactor/pii/validators.py: seven digits for IS and EE, only beside a phone
word). An Icelandic name typed without its Nordic letters ('Emergency contact: Sigurdur Olafsson') was no one's, the
name list knowing only 'Sigurður': ae604ac (redactor/pii/names.py: the list also holds a name's keyboard spelling,
ð→d, þ→th, æ→ae, ø→o, œ→oe, ł→l, đ→d). An Icelandic street named '-stræti', '-hlíð' or '-gerði' with no postcode
after it ('Woonplaats: Reykjavík, Hafnarstræti 88') was read as nothing: cd8292a (rules/recognizers.yaml
nordic_street_endings). The first two shapes are planted here in the free text; typed into the textarea they held
before the fixes too (what is typed is masked by more than the detector), so the unit tests are what fail on main.
Left open (probed, not fixed): a name in capitals with Nordic letters after a label ('Klimmer: GUÐRÚN ÞÓRSDÓTTIR';
'Naam: JAN JANSSENS' is found) and an Estonian address with the postcode after the town ('Narva mnt 7, Tallinn
10117') are read as nothing in page text.
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

NAME, CONTACT = "Guðrún Þórsdóttir", "Sigurður Ólafsson"
KENNITALA = "120399-2769"
MAIL_TYPED, MAIL = "Gudrun.Thors@HI.is", "gudrun.thors@hi.is"
NOTE = ("Vorig jaar mijn enkel verstuikt, nu weer helemaal in orde. Post graag naar mijn thuisadres Þórsgata 14, "
        "101 Reykjavík, of bel mijn moeder op +354 551 2398. Mijn broer Einar is in België bereikbaar op 697 3381. "
        "Bij een ongeval mag ook mijn oom Eidur Bjarnason komen.")
FORMULA = "10-beurtenkaart · € 115"

THE_VISITOR = [
    Planted("#naam", NAME, "an Icelandic patronymic with thorn and eth, written into a CSSOM custom property"),
    Planted("#kennitala", KENNITALA, "an Icelandic kennitala, date of birth and a check digit"),
    Planted(None, "1203992769", "the kennitala without its hyphen in a QR image's srcset"),
    Planted("#mail", MAIL_TYPED, "an e-mail typed with capitals"),
    Planted(None, MAIL, "the e-mail lower-cased by the page"),
    Planted("#nood", CONTACT, "an emergency contact's name pasted in one insertion, under a label with no 'name'"),
    Planted("#noodnummer", "862 4517", "an Icelandic number in its bare seven-digit form, in an inserted CSS rule"),
]
THE_REST = [
    Planted(None, "Þórsgata 14", "a Reykjavík street, '-gata' fused to the name, in Dutch free text"),
    Planted(None, "+354 551 2398", "a Reykjavík landline in international form in free text"),
    Planted(None, "Eidur Bjarnason", "an Icelandic name typed without its 'ð' ('Eiður'), in Dutch free text"),
    Planted(None, "697 3381", "an Icelandic mobile in its bare seven-digit form in free text, after 'bereikbaar op'"),
]
KEPT = ["Boulderzaal De Blokkenbank",
        "Hasselt · aan het Albertkanaal · 320 m² boulderwand, routes van Fontainebleau 3 tot 7c",
        "Nieuw deze maand: de Kempenwand en het Limburgse dak, geschroefd door Team Zwartberg.",
        "Velkomin! Við tölum líka ensku.",
        "Dagpas · € 13 · klimschoenen inbegrepen", FORMULA, "Kennismaking met begeleiding · € 22",
        "Kalk en borstels liggen aan de toog; magnesiumballen zijn gratis.",
        "Takk fyrir! Je dagpas voor de Blokkenbank staat klaar aan de toog."]
TYPED_KEPT = {"formule": FORMULA}
LABELS = ["Dagpas en verklaring", "Formule", "Over jou", "Volledige naam", "Kennitala (IJslands identiteitsnummer)",
          "E-mail", "Bij een ongeval", "Wie mogen we bellen?", "Nummer", "Noodnummer",
          "Iets wat de zaalverantwoordelijke moet weten?", "Dagpas kopen"]


@pytest.fixture(scope="module")
def boulderzaal(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#formule", FORMULA)
        type_with_cuts(recording, "#naam", ["Guðrún Þór", "sdóttir"], delay=15)
        type_with_cuts(recording, "#kennitala", ["120399-27", "69"], delay=15)
        type_with_cuts(recording, "#mail", ["Gudrun.Th", "ors@HI.is"], delay=15)
        page.locator("#nood").click()
        page.keyboard.insert_text(CONTACT)  # a paste: the whole value in one insertion
        type_with_cuts(recording, "#noodnummer", ["862 4", "517"], delay=15)
        type_with_cuts(recording, "#opmerking", split_inside(NOTE, "Þórsga", "+354 55", "op 697 3", "oom Eid"),
                       delay=8)
        send_between_snapshots(recording)

    return record("boulderzaal.html", "heldout37-boulderzaal", script)


def test_boulderzaal_page_did_what_the_round_stands_on(boulderzaal: Recorded):
    """The stylesheet rule held the name, the srcset the kennitala, the inserted rule the number, the confirmation
    the lower-cased e-mail."""
    sent = list(strings(boulderzaal.sent))
    for echo, what in [(NAME, "custom property"), ("kt=1203992769", "srcset"), (": 862 4517", "inserted rule"),
                       ("Je dagpas komt naar " + MAIL, "e-mail"), (CONTACT, "paste")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_boulderzaal_visitor_leaks_nothing(boulderzaal: Recorded):
    check_windows(boulderzaal, THE_VISITOR)


def test_boulderzaal_free_text_leaks_nothing(boulderzaal: Recorded):
    check_windows(boulderzaal, THE_REST)


def test_boulderzaal_keeps_the_site_text(boulderzaal: Recorded):
    check_kept(boulderzaal, KEPT)


def test_boulderzaal_keeps_the_formula_picked(boulderzaal: Recorded):
    assert all(value in field_values(boulderzaal.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(boulderzaal.stored, field)] == []


def test_boulderzaal_last_snapshot_keeps_the_labels(boulderzaal: Recorded):
    check_kept(last_snapshot(boulderzaal), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(boulderzaal, redactor_serve):
    check_data_dir(redactor_serve, b"Kalk en borstels liggen aan de toog", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the kennitala and the e-mail in their other forms, the free text's values
VERSIONS = [{KENNITALA, "1203992769"}, {MAIL_TYPED, MAIL},
            {NOTE, "Þórsgata 14", "+354 551 2398", "697 3381", "Eidur Bjarnason"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "boulderzaal.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
