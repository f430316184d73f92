"""The held-out leak hunt, thirty-ninth round: an Aachen day-care centre's enrolment for the coming year, in German with
Georgian lines, made by a Georgian mother for her daughter, recorded by the unmodified rrweb recorder with its default
options.

kita.html: the group picked in a <select>; the daughter's name ('Elene Tsereteli') drawn on the cubby label's SVG
<text>; her date of birth ('14.11.2023') made by the page into an option of the start-date <select> it rebuilds at every
keystroke, her first birthday ('ab dem 1. Geburtstag (14.11.2024)'), which the visitor then picks; the mother's name
('Tamar Kharaishvili') put into the document's <title>; her name in Georgian script ('თამარ ხარაიშვილი') typed key by
key and told back in an aria-live line; her German tax identification number ('57 149 386 525', eleven digits, the
last an ISO 7064 check digit) typed with its printed spaces; her e-mail typed with a slip corrected by backspaces; her
Georgian mobile ('+995 577 48 21 09') under a label that says only 'WhatsApp', put by the page, digits only, into the
form's JSON data-state attribute; her street ('Viktoriaallee 41a') URL-encoded into a map link's href; a pickup
person's name in Georgian script ('გიორგი ბერიძე') pasted and added to a list; a note typed into a contenteditable
<div> naming the child's peanut allergy, her grandmother ('Nana Japaridze'), a Tbilisi landline ('+995 32 225 41
87') and, since the probes below, the grandmother's street in Georgian script ('ჭავჭავაძის გამზირი 37'); a German IBAN for the fee ('DE27 3905 0000 1074 8293 56'), each typed value with a batch cut inside it. The site's
own text that must stay: the centre's name and its own address, the opening hours, the Georgian lines, the groups, the
start date offered, the fee line, the labels.

First run (17661b6, written before reading the detection code): one leak and two over-maskings. The child's peanut
allergy typed into the contenteditable note ('Sie hat eine Erdnussallergie, …') was stored readable in every keystroke
event and in both later snapshots, the note's grandmother and landline masked beside it: a German compound naming an
allergy was read as no state of health. The centre's own name ('Kita Sonnenblume') was masked in the <h1> and the
<title> from the first snapshot on, and its own address under the heading ('Malmedyer Straße 12 · 52066 Aachen') too.
Held on the first run: the child's name on the SVG <text>, her date of birth and the first birthday in the built and
picked <option>, the mother's name in the <title>, her Georgian name and its aria-live echo, the tax number, the
corrected e-mail, the WhatsApp number and its digits in the JSON data-state, the street and its URL-encoded echo, the
pasted Georgian pickup name in the list, the IBAN, the note's grandmother and Tbilisi landline, the Georgian lines, the
groups, the start date, the fee line, the group picked and the labels.
The allergy is no leak by the project's rule (rules/recognizers.yaml said_health: an allergy in a visitor's remark
stays readable, as rounds 17 and 18 keep it: a practice needs it, and it names no one; a field labelled for health is
masked whole), so it is planted no more. The centre's name: 'Kita' is a given name too, and no trade word said the run
was a place: e576b9b (rules/pii.yaml business_words: day-care centres and schools, 'Kita', 'Kinderkrippe', 'Crèche',
'Spillschoul', 'Schule'). Widening those words showed an older leak of the same rule: German capitalises every noun,
so a trade word after its article and a verb ('Nach der Apotheke holt Nana Japaridze sie ab') was read as a shop's
name 'Apotheke holt …' and the person kept: cec0a5f (redactor/pii/names.py is_business_name, rules/pii.yaml
articles_before_a_noun). The centre's own address is masked still, by design: no word before it says it is the
site's, and an address in a page's text is masked (fail closed) as a visitor's shown back is; it is kept no more.
Probed beside the page (page text, not typed): a Georgian name in Georgian script after a label ('Abholberechtigt:
გიორგი ბერიძე', 'Entwurf gespeichert: თამარ ხარაიშვილი') was read as nothing, Georgian having no capitals: 2be2397
(rules/recognizers.yaml georgian_name: a surname ending in -შვილი or -ძე, the word beside it). A street in Tbilisi
('Adresse: ჭავჭავაძის გამზირი 37', 'Kazbegi kucha 14, 0160 Tbilisi') and an English street's word in the
continental order or as 'Ave' ('Chavchavadze Avenue 37', 'Pekini Street 24', '37 Chavchavadze Ave') were read as
nothing: e034c98 (rules/recognizers.yaml street_georgian, street_en name_type_number, street_closers 'Ave'). The
street is planted in the note since; typed there it held on main too (what is typed is masked by more than the
detector), so the unit tests are what fail on main. 8 of 8 pass.
Left open (probed, not fixed): a name in a caseless script other than Georgian's after a label ('Name: محمد العلي',
'Name: יוסי כהן', 'Kontakt: 김민준', 'Abholberechtigt: 高橋遥') is read as nothing in page text; a Georgian personal
number (eleven digits, no check digit) after its word is read as nothing; a given name that is also a day-care
word ('Meine Tochter Kita Tanaka') is read as a place since e576b9b.
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
from .test_heldout15 import backspaces
from .test_heldout25 import field_values, paste
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

CHILD, BORN, FIRST_BIRTHDAY = "Elene Tsereteli", "14.11.2023", "14.11.2024"
NAME, NAME_KA = "Tamar Kharaishvili", "თამარ ხარაიშვილი"
IDNR = "57 149 386 525"
MAIL = "tamuna.kh87@posteo.de"
WHATSAPP, WHATSAPP_STATE = "+995 577 48 21 09", "+995577482109"
STREET, STREET_IN_URL = "Viktoriaallee 41a", "Viktoriaallee%2041a"
PICKUP = "გიორგი ბერიძე"
IBAN = "DE27 3905 0000 1074 8293 56"
NOTE = ("Sie schläft mittags mit ihrem Hasen. Sie hat eine Erdnussallergie, das Notfallset ist im Rucksack. "
        "Wenn wir nicht erreichbar sind, bitte ihre Oma Nana Japaridze anrufen (Tiflis, +995 32 225 41 87). "
        "Post an sie: ჭავჭავაძის გამზირი 37, თბილისი.")
GROUP, START = "Raupen (U3, ab 1 Jahr)", f"ab dem 1. Geburtstag ({FIRST_BIRTHDAY})"

THE_VISITOR = [
    Planted("#kind", CHILD, "a child's Georgian name, drawn on an SVG <text>"),
    Planted("#geburt", BORN, "a child's date of birth"),
    Planted(None, FIRST_BIRTHDAY, "the first birthday, in an <option> the page builds and the visitor picks"),
    Planted("#name", NAME, "a Georgian name in Latin letters, put into the document's <title>"),
    Planted("#name-ka", NAME_KA, "the name in Georgian script typed key by key, told back in an aria-live line"),
    Planted("#idnr", IDNR, "a German tax identification number with its printed spaces"),
    Planted("#mail", MAIL, "an e-mail typed with a slip corrected by backspaces"),
    Planted("#wa", WHATSAPP, "a Georgian mobile under a label 'WhatsApp'"),
    Planted(None, WHATSAPP_STATE, "the mobile, digits only, in the form's JSON data-state attribute"),
    Planted("#strasse", STREET, "a street typed without its town"),
    Planted(None, STREET_IN_URL, "the street URL-encoded in a map link's href"),
    Planted("#abholer", PICKUP, "a pickup person's name in Georgian script pasted, moved into a list"),
    Planted("#iban", IBAN, "a German IBAN for the fee, typed in groups"),
]
THE_REST = [
    Planted(None, "Nana Japaridze", "a grandmother's Georgian name in a contenteditable note"),
    Planted(None, "+995 32 225 41 87", "a Tbilisi landline in a contenteditable note"),
    Planted(None, "ჭავჭავაძის გამზირი 37", "a Tbilisi street in Georgian script in a contenteditable note"),
]
#: not the centre's own address under its name ('Malmedyer Straße 12 · 52066 Aachen'): with no word before it saying it
#: is the site's, an address in the page's text is masked (fail closed), as a visitor's shown back is
KEPT = ["Kita Sonnenblume", "Öffnungszeiten: Mo–Fr 7:15–16:30 Uhr",
        "მოგესალმებით! ჩვენთან ქართულადაც ისაუბრებთ.", GROUP, "Füchse (Ü3)", "Garderobenfach",
        "ab 01.08.2025 (Kitajahr 2025/26)",
        "Der Elternbeitrag richtet sich nach dem Jahreseinkommen; das letzte Kitajahr ist beitragsfrei.",
        "დიდი მადლობა! Wir melden uns innerhalb von zwei Wochen."]
TYPED_KEPT = {"gruppe": GROUP}
LABELS = ["Anmeldung für das Kitajahr 2025/26", "Ihr Kind", "Gruppe", "Vorname und Nachname des Kindes",
          "Geburtsdatum", "Betreuung ab", "Ihr Name", "Name in georgischer Schrift (wie im Pass)",
          "Steuerliche Identifikationsnummer", "E-Mail", "WhatsApp", "Straße und Hausnummer", "PLZ und Ort",
          "Lageplan", "Abholberechtigte Person", "Hinzufügen", "Was sollen die Erzieherinnen wissen?",
          "IBAN für den Elternbeitrag", "Anmeldung absenden"]


@pytest.fixture(scope="module")
def kita(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#gruppe", GROUP)
        type_with_cuts(recording, "#kind", ["Elene Tser", "eteli"], delay=15)
        type_with_cuts(recording, "#geburt", ["14.11.2", "023"], delay=15)
        page.select_option("#ab", START)
        type_with_cuts(recording, "#name", ["Tamar Kharai", "shvili"], delay=15)
        type_with_cuts(recording, "#name-ka", ["თამარ ხარა", "იშვილი"], delay=15)
        type_with_cuts(recording, "#idnr", ["57 149 38", "6 525"], delay=15)
        recording.type("#mail", "tamuna.kh78", delay=15)
        backspaces(page, 2)  # the slip: '78' for '87'
        for piece in ["87@pos", "teo.de"]:  # no click: the caret stays where the slip was corrected
            cut(page)
            page.locator("#mail").press_sequentially(piece, delay=15)
        type_with_cuts(recording, "#wa", ["+995 577 4", "8 21 09"], delay=15)
        type_with_cuts(recording, "#strasse", ["Viktoriaal", "lee 41a"], delay=15)
        type_with_cuts(recording, "#ort", ["52068 Aachen"], delay=15)
        paste(page, "#abholer", PICKUP)
        page.click("#hinzu")
        type_with_cuts(recording, "#notiz", split_inside(NOTE, "Erdnuss", "Oma Nana Jap", "+995 32 2", "ჭავჭავაძის გამ"), delay=8)
        type_with_cuts(recording, "#iban", ["DE27 3905 0000 10", "74 8293 56"], delay=15)
        send_between_snapshots(recording)

    return record("kita.html", "heldout39-kita", script)


def test_kita_page_did_what_the_round_stands_on(kita: Recorded):
    """The SVG held the child's name, the built option her first birthday, the title and the aria-live line the
    mother's names, the data-state the digits, the href the street, the list the pasted name, the box the note."""
    sent = list(strings(kita.sent))
    for echo, what in [(CHILD, "SVG"), (START, "built option"), ("Anmeldung · " + NAME, "title"),
                       ("Entwurf gespeichert: " + NAME_KA, "aria-live"), (f'"whatsapp":"{WHATSAPP_STATE}"', "state"),
                       ("query=" + STREET_IN_URL, "href"), (PICKUP, "paste"), ("Erdnussallergie", "note")]:
        assert any(echo in text for text in sent), f"no {what}"
    assert START in field_values(kita.sent, "ab"), "the first birthday was not picked"


def test_kita_visitor_leaks_nothing(kita: Recorded):
    check_windows(kita, THE_VISITOR)


def test_kita_note_leaks_nothing(kita: Recorded):
    check_windows(kita, THE_REST)


def test_kita_keeps_the_site_text(kita: Recorded):
    check_kept(kita, KEPT)


def test_kita_keeps_the_group_picked(kita: Recorded):
    assert all(value in field_values(kita.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(kita.stored, field)] == []


def test_kita_last_snapshot_keeps_the_labels(kita: Recorded):
    check_kept(last_snapshot(kita), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(kita, redactor_serve):
    check_data_dir(redactor_serve, b"Der Elternbeitrag richtet sich nach dem Jahreseinkommen", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the date of birth and the first birthday, the mobile and its digits, the street and its encoding, the note's values
VERSIONS = [{BORN, FIRST_BIRTHDAY}, {WHATSAPP, WHATSAPP_STATE}, {STREET, STREET_IN_URL},
            {NOTE, "Nana Japaridze", "+995 32 225 41 87", "ჭავჭავაძის გამზირი 37"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "kita.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
