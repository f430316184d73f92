"""The held-out leak hunt, twenty-fifth round: a Ghent scout group's summer camp registration for the two children of
a Vietnamese-Ukrainian family, in Dutch with French lines, recorded by the unmodified rrweb recorder with its default
options, across two loads of the page (the draft kept in localStorage brought back).

scoutskamp.html: a FAQ searched in a type=search field; the section picked in a <select> with <optgroup>s; the
number of children typed in an <input type=number> that builds one block per child from a <template>; the mother's
name as on her card in the Vietnamese order ('Nguyễn Thị Thu Hà'), pasted decomposed (NFD: the letters and their
combining marks apart, as a Mac gives a file's name) with execCommand('insertText'); two e-mails in one <input
type=email multiple>; a Belgian mobile grouped 4-2-2-2, the father's Ukrainian mobile with its operator code in
brackets and dashes; a nationality from a <datalist>; each child's card written again whole through outerHTML at every
keystroke (given name with a hyphen and stacked Vietnamese marks, 'Thảo-Vy', a Ukrainian family name, a date of birth
with slashes and one with single-digit day and month, '2.2.2019', a national number with dots and one as eleven bare
digits); a medical sheet in a contenteditable="plaintext-only" div naming the children, their medicines (that must
stay readable), the GP, her landline and her street; a pick-up note naming the grandmother in Cyrillic with her
address, her Ukrainian landline and her date of birth; the refund IBAN typed in lower case; a hidden input whose
value attribute is the whole form as JSON, written at every keystroke (a form builder's state), the same JSON kept as
a draft in localStorage; the page loaded again, the draft put back into the fields before the recorder starts, a
"welcome back, <name>" status; the mother's mobile corrected with backspaces; a <dialog> that confirms with the names.
The site's own text that must stay: the headings, the FAQ, the sections, the camp's place, the medicines, the
nationality, the discount code, the search term.
Second part (written after the fixes below, having read the detection code): a neighbour's name remembered by the
page as an <option value> of its own <datalist> and told in an aria-live sentence once the field is left; the
children's names in document.title; a "send a copy to the other parent" mailto: link with the given name and the IBAN
percent-encoded; a brother named after 'Broer:' at the start of a line of the pick-up note, an aunt's Vietnamese name
after 'Noodcontact in België:'.

First run (fafefc7, the first part, written before reading the detection code): 4 of 10 failed. Leak: the medical
note opened with the child's given name typed earlier in her field ('Thảo-Vy: allergisch …'); the note's keystrokes in
one batch held 'Thảo-V', the name's start, stored: the taint masked the name in the later values only, and a value
that is a prefix of the next one takes its masks from it (SeriesSlot), which the taint pass did not do; 137e573
(content.py SeriesSlot.mask_echoes, redact.py _mask_taint: an echo found in a value masks the same characters in the
keystrokes before it). Over-masked: the site's heading 'Scouts en Gidsen Sint-Baafs Gent', read by the model as a
person, masked and tainted (the data dir check found no recording under its words): 94635ea (rules/pii.yaml
business_words: a youth movement's words). The other two failures were the test's: a field's value typed last is
masked in its keystrokes by design (its last word could still grow), so the search term, the code, the nationality
and the number are checked in the first load's last snapshot. Held on the first run: the decomposed (NFD) name and
its "welcome back" echo, both e-mails of the multiple field, the cards written through outerHTML, the Cyrillic name,
the hidden JSON state (masked whole), the draft put back into the fields before the recorder started, the corrected
mobile, the dialog. Probes of the detector with the note's shapes found given names no list knows left readable after
a relative's word used as a label ('Papa: Dmytro, +380 …', 'Broer: Taras (12 jaar)'): 7d53560 (rules/recognizers.yaml
relation_label_then_name), before 'Broer: Taras' was planted in the note; a Vietnamese name whose last word folds to
a French function word ('Trần Thị Thu Hà': 'Hà', "ha") was read as a phrase, not a name, by its shape: 3473933
(names.py is_function_word: a word written with marks is one only as its language writes it), before the aunt was
planted. 11 of 11 pass.
Left: after the page is loaded again, the nationality 'Oekraïne' is masked in the new page's snapshots: its node id
was the IBAN field's on the first load, and an id whose field says nothing keeps the meaning it had in the session
(dom.py meaning_floor, by design: a forged "new page" gains nothing); a given name no list knows as the label of a
note's line ('Bohdan: hooikoorts', 'Thảo-Vy: allergisch …') is masked only because it was typed in its field earlier
in the session (the taint), not by its shape; a place after a relative's label ('Mama: Gent') is masked as a name;
a sentence's last word with its full stop is masked in the last value of a batch ('… indien nodig.'), as a value's
unsettled end is.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout21 import go
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

PARENT = "Nguyễn Thị Thu Hà"
PARENT_NFD = unicodedata.normalize("NFD", PARENT)
MAILS = "thuha.nguyen@edpnet.be, d.hrytsenko@ukr.net"
GSM, GSM_FIXED = "0479 36 58 04", "0479 36 58 17"
FICHE = ("Thảo-Vy: allergisch voor penicilline, neemt 's avonds Flixotide 50 µg (2 puffs). Bohdan: hooikoorts, "
         "Cetirizine indien nodig. Huisarts dr. Lieve Van Ransbeeck, 09 222 61 84, Kortrijksesteenweg 1042, "
         "9051 Sint-Denijs-Westrem.")
PICKUP = ("Oma Галина Гриценко haalt hen op (met haar ID-kaart), zij logeert bij ons: Heiveldstraat 412 bus 5, 9040 "
          "Sint-Amandsberg. Haar nummer: +380 44 235 17 90, geboren 03-09-1961.\nBroer: Taras (16 jaar) mag ze ook "
          "ophalen.\nNoodcontact in België: Trần Ngọc Bảo Hà (tante), zij spreekt Nederlands.")
IBAN = "be22 0630 4618 2947"
SEARCH, CODE, COUNTRY = "luizen", "BROERZUS27", "Oekraïne"

THE_PARENTS = [
    Planted(None, PARENT_NFD, "the mother's name pasted decomposed (NFD) with execCommand('insertText')"),
    Planted(None, PARENT, "the mother's name composed (NFC), as a normalising store would write it", raw=False),
    Planted(None, "thuha.nguyen@edpnet.be", "the first of two e-mails in an <input type=email multiple>"),
    Planted(None, "d.hrytsenko@ukr.net", "the second of two e-mails in an <input type=email multiple>"),
    Planted(None, GSM, "a Belgian mobile grouped 4-2-2-2, corrected after the page was loaded again"),
    Planted("#ouder-gsm", GSM_FIXED, "the corrected mobile"),
    Planted("#ouder2-gsm", "+380 (67) 482-19-36", "a Ukrainian mobile with its operator code in brackets"),
]
THE_CHILDREN = [
    Planted("#kind-1-voornaam", "Thảo-Vy", "a child's given name with a hyphen and stacked Vietnamese marks"),
    Planted("#kind-1-familienaam", "Hrytsenko", "a Ukrainian family name"),
    Planted("#kind-1-geboorte", "17/06/2016", "a child's date of birth with slashes"),
    Planted("#kind-1-rrn", "16.06.17-214.71", "a child's national number with dots"),
    Planted("#kind-2-voornaam", "Bohdan", "a Ukrainian given name"),
    Planted("#kind-2-geboorte", "2.2.2019", "a date of birth with a single-digit day and month"),
    Planted("#kind-2-rrn", "19020208704", "a child's national number as eleven bare digits"),
    Planted(None, "Thảo-Vy Hrytsenko", "the child's name on her card written again through outerHTML"),
]
IN_THE_FICHE = [
    Planted(None, "Lieve Van Ransbeeck", "the GP after 'Huisarts dr.', a family name with a particle"),
    Planted(None, "09 222 61 84", "the GP's Ghent landline"),
    Planted(None, "Kortrijksesteenweg 1042", "the practice's street, then its postcode and place"),
]
OPHALER = "Hadewijch Tshibanda"
AFTER_CONFIRMING = [
    Planted("#ophaler", OPHALER, "a neighbour's name, then an <option value> of the page's <datalist> and an aria-live "
            "sentence once the field is left"),
    Planted(None, "Th%E1%BA%A3o-Vy", "the child's given name percent-encoded in a mailto: link's subject"),
    Planted(None, "be22%200630%204618%202947", "the IBAN percent-encoded in a mailto: link's body"),
]
IN_THE_PICKUP = [
    Planted(None, "Галина Гриценко", "the grandmother's name in Cyrillic after 'Oma'"),
    Planted(None, "Heiveldstraat 412 bus 5", "where she stays, with a box number"),
    Planted(None, "+380 44 235 17 90", "her Kyiv landline"),
    Planted(None, "03-09-1961", "her date of birth after 'geboren'"),
    Planted(None, "Taras", "a brother's given name no list knows after 'Broer:' at a line's start"),
    Planted(None, "Trần Ngọc Bảo Hà", "an aunt's Vietnamese name, family name first, its last word 'Hà' (folded, a "
            "French function word)"),
    Planted("#iban", IBAN, "the refund IBAN typed in lower case"),
]
KEPT = ["Inschrijving zomerkamp 2027", "Scouts en Gidsen Sint-Baafs Gent · Kamp in Dohan (Bouillon), 21–31 juli",
        "Wat doen we bij luizen op kamp?", "Welpen (8–11 jaar)", "Jonggivers (11–14 jaar)", "Medische fiche",
        "De leiding geeft enkel wat op deze fiche staat,", "Stevige stapschoenen niet vergeten.",
        # what the visitor wrote that is nobody's data (not the medical fiche's allergies and medicines: health data,
        # masked whole since review 24 F8)
        "(met haar ID-kaart)", " mag de kinderen ophalen.", ": je concept is hersteld.", "Welkom terug, ",
        "Ingeschreven: ", " — Scouts en Gidsen Sint-Baafs Gent"]
#: what the visitor typed or picked that is nobody's data, as the field's value in the first load's last snapshot (a
#: value's last word stays masked in its keystrokes: it could still have grown, README's batch boundaries)
TYPED_KEPT = {"faq": SEARCH, "korting": CODE, "land": COUNTRY, "aantal": "2", "tak": "Welpen (8–11 jaar)"}
LABELS = ["Naam zoals op de identiteitskaart · Nom comme sur la carte d'identité", "GSM · Portable",
          "E-mailadressen (gescheiden door een komma) · Adresses e-mail", "Nationaliteit · Nationalité",
          "Rekeningnummer voor terugbetaling · IBAN pour remboursement", "Geboortedatum (dd/mm/jjjj) · Date de naissance",
          "Rijksregisternummer · Numéro de registre national",
          "Wie mag de kinderen nog ophalen? (naam) · Qui d'autre peut venir les chercher ?"]


def paste(page: Any, selector: str, text: str) -> None:
    """What a paste gives: the text inserted at the caret in one input event."""
    page.focus(selector)
    page.evaluate("text => document.execCommand('insertText', false, text)", text)


@pytest.fixture(scope="module")
def scoutskamp(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    loads: list[list[dict[str, Any]]] = []

    def script(recording: Recording, page: Any) -> None:
        recording.type("#faq", SEARCH)
        page.select_option("#tak", "Welpen (8–11 jaar)")
        page.fill("#aantal", "")
        recording.type("#aantal", "2")
        page.wait_for_selector("#kind-2-voornaam")
        cut(page)

        paste(page, "#ouder-naam", PARENT_NFD[:14])
        cut(page)
        paste(page, "#ouder-naam", PARENT_NFD[14:])
        type_with_cuts(recording, "#ouder-mail", split_inside(MAILS, "edpn", "d.hryts"))
        type_with_cuts(recording, "#ouder-gsm", ["0479 36 5", "8 04"])
        type_with_cuts(recording, "#ouder2-gsm", ["+380 (67) 48", "2-19-36"])
        recording.type("#land", COUNTRY)
        type_with_cuts(recording, "#kind-1-voornaam", ["Thả", "o-Vy"])
        type_with_cuts(recording, "#kind-1-familienaam", ["Hryts", "enko"])
        type_with_cuts(recording, "#kind-1-geboorte", ["17/06/20", "16"])
        type_with_cuts(recording, "#kind-1-rrn", ["16.06.17-21", "4.71"])
        type_with_cuts(recording, "#kind-2-voornaam", ["Boh", "dan"])
        recording.type("#kind-2-familienaam", "Hrytsenko")
        type_with_cuts(recording, "#kind-2-geboorte", ["2.2.2", "019"])
        type_with_cuts(recording, "#kind-2-rrn", ["190202", "08704"])
        type_with_cuts(recording, "#fiche", split_inside(FICHE, "Huisarts dr. Lieve Van Ran", "09 222 6",
                                                         "Kortrijkse"))
        type_with_cuts(recording, "#ophalen", split_inside(PICKUP, "Oma Галина Гри", "Heivel", "+380 44 2",
                                                           "geboren 03-09", "Broer: Tar", "Trần Ngọ"))
        type_with_cuts(recording, "#ophaler", ["Hadewi", "jch Tshib", "anda"])
        page.keyboard.press("Tab")  # the field is left: the page remembers the name as a suggestion
        page.wait_for_function("document.querySelectorAll('#ophalers option').length === 1")
        type_with_cuts(recording, "#iban", ["be22 0630 46", "18 2947"])
        recording.type("#korting", CODE)
        cut(page)
        recording.snapshot()
        loads.append(recording.finish())

        # the page loaded again: the draft is put back before the recorder starts
        go(page, lambda: page.reload(), "**/scoutskamp.html", "document.getElementById('draft-note').textContent")
        assert page.input_value("#kind-2-rrn") == "19020208704", "the draft was not put back"
        page.click("#ouder-gsm")
        page.keyboard.press("End")
        for _ in range(2):
            page.keyboard.press("Backspace")
        cut(page)
        page.locator("#ouder-gsm").press_sequentially("17", delay=90)
        cut(page)
        page.click("#verstuur")
        page.wait_for_selector("#bevestig[open]")
        page.click("#ja")
        page.wait_for_selector("#klaar[data-done]")
        cut(page)
        recording.snapshot()

    recorded = record("scoutskamp.html", "heldout25-scoutskamp", script)
    loads.append(recorded.sent)
    return Recorded(recorded.session, [event for load in loads for event in load], recorded.stored, recorded.remarks)


def field_values(events: list[dict[str, Any]], field: str) -> list[str]:
    """The values the field with this id attribute has in the full snapshots of the events, in order."""
    found, stack = [], [event["data"]["node"] for event in events if event.get("type") == 2]
    while stack:
        node = stack.pop(0)
        if node.get("attributes", {}).get("id") == field:
            found.append(node["attributes"].get("value"))
        stack[:0] = node.get("childNodes", [])
    return found


def test_scoutskamp_page_did_what_the_round_stands_on(scoutskamp: Recorded):
    """The name arrived decomposed, the cards were written again, the state and the draft held the form, the page
    loaded again put the draft back and greeted the mother, the dialog confirmed."""
    sent = list(strings(scoutskamp.sent))
    assert PARENT_NFD != PARENT and PARENT_NFD in sent, "the name was not pasted decomposed"
    assert any(text.startswith("{") and '"kind2_rrn":"19020208704"' in text for text in sent), "no JSON state"
    assert "Welkom terug, " + PARENT_NFD + ": je concept is hersteld." in sent, "no greeting from the draft"
    assert any("Thảo-Vy Hrytsenko" in text for text in sent), "no child's card"
    assert any(text.startswith("Inschrijving voor Thảo-Vy en Bohdan") for text in sent), "no confirmation"
    assert OPHALER + " mag de kinderen ophalen." in sent, "no aria-live sentence"
    assert any(text.startswith("mailto:d.hrytsenko@ukr.net?subject=Inschrijving%20Th%E1%BA%A3o-Vy") for text in sent)
    assert "Ingeschreven: Thảo-Vy en Bohdan — Scouts en Gidsen Sint-Baafs Gent" in sent, "no title"


def test_scoutskamp_parents_leak_nothing(scoutskamp: Recorded):
    check_windows(scoutskamp, THE_PARENTS)


def test_scoutskamp_children_leak_nothing(scoutskamp: Recorded):
    check_windows(scoutskamp, THE_CHILDREN)


def test_scoutskamp_medical_sheet_leaks_nothing(scoutskamp: Recorded):
    check_windows(scoutskamp, IN_THE_FICHE)


def test_scoutskamp_pickup_and_iban_leak_nothing(scoutskamp: Recorded):
    check_windows(scoutskamp, IN_THE_PICKUP)


def test_scoutskamp_after_confirming_leaks_nothing(scoutskamp: Recorded):
    check_windows(scoutskamp, AFTER_CONFIRMING)


def test_scoutskamp_keeps_the_site_text(scoutskamp: Recorded):
    check_kept(scoutskamp, KEPT)


def test_scoutskamp_keeps_what_was_typed_that_is_nobodys_data(scoutskamp: Recorded):
    """The search term, the discount code, the nationality, the number of children, the section: readable in the
    snapshot the first load ends with."""
    assert all(value in field_values(scoutskamp.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(scoutskamp.stored, field)] == []


def test_scoutskamp_last_snapshot_keeps_the_labels(scoutskamp: Recorded):
    check_kept(last_snapshot(scoutskamp), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_PARENTS, *THE_CHILDREN, *IN_THE_FICHE, *IN_THE_PICKUP, *AFTER_CONFIRMING]


def test_no_file_under_the_data_dir_holds_a_planted_value(scoutskamp, redactor_serve):
    check_data_dir(redactor_serve, b"Scouts en Gidsen Sint-Baafs", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{PARENT, PARENT_NFD, "thuha.nguyen@edpnet.be"}, {GSM, GSM_FIXED}, {IBAN, "be22%200630%204618%202947"},
            {"Thảo-Vy", "Hrytsenko", "Thảo-Vy Hrytsenko", "d.hrytsenko@ukr.net", "Th%E1%BA%A3o-Vy",
             "Bohdan"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "scoutskamp.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
