"""The held-out leak hunt, eighteenth round: a Ghent dentists' practice's appointment form, in Dutch and
French, for a mother and her child, recorded by the unmodified rrweb recorder with its default options.

tandarts.html: labels that wrap both their text and the input (no for/id); a family name with an apostrophe
(D'Haenens); the national number typed as digits into an inputmode=numeric field, answered beside its label
by the practice's patient number; reminder addresses in an <input type=email multiple>, typed first without
an '@' so that Chromium's validation message, which quotes what was typed, is written into the page, then
corrected; a family doctor typed, deleted with Backspace and typed again; a complaint whose textarea an
"autocorrect" rewrites on blur (value set by script: shorthand expanded, sentences capitalised) naming the
previous dentist and his landline; a <fieldset disabled> enabled by a checkbox, its family-name placeholder
copied from the parent's field. The complaint also names a mother-in-law typed in lower case with an
apostrophe ("godelieve o'neill", curled to "o’neill" by the autocorrect) and a Belgian number plate in
brackets with no word for it, and ends on the child named alone before a verb ("Lowie heeft ook pijn aan een
melktand."), typed before the child's own field.

First run (cf3210f, before the mother-in-law and the plate were added): 9 of 10 passed, nothing leaked; the
one failure was the test's own check of its values, which shared windows ('aenens' of D'Haenens with the
address j.dhaenens@…: now one value's versions; 'PT 582 913' with the page's script that writes it: taken out
of the page text as round 17 does; 'net.be' of the typo with a second address at skynet.be: now proximus.be).
With the lower-case name, its curled apostrophe and the plate: 10 of 10 pass, no change to redactor/.
With the child's name in the complaint (2a35770): 2 of 10 failed, the child and the data dir —
- 'Lowie' stored as typed in the complaint's Input events and in the autocorrect's rewrite: a known given name
  alone, with no word before it that says a person follows, was never reported (only the taint of its field
  would, and the field is typed later).
After c3d49f1 (recognizer sentence_subject_given_name: a known given name opening a line or a sentence right
before a verb that takes a subject, nl/fr/en), 10 of 10 pass. The full suite then found that rule masking round
6's site text ("Sofie is aan het typen…", a chat agent's name), so it was reverted (65d4abe) and the two checks
of the child's name were strict xfails until the shape was read only where a visitor writes: now
content.sentence_subject_named, a visitor shape beside possessor_named (the site's text never goes through it),
its name tainted so the child's field and the page's echoes are masked too; 10 of 10 pass.
Held: the labels wrapping their inputs, the national number typed as digits and the patient number the
practice writes beside it, both reminder addresses and the typo Chromium's validation message quotes (the
whole message is masked), the name typed then deleted with Backspace, the autocorrect's rewrite set by
script (masked in its input events as in the keystrokes), the child's fields in the re-enabled fieldset and
the placeholder copied from the parent's family name.
Left (precision, not leaks): the line 'Patiëntnummer · N° patient: PT 582 913' is masked whole, its label
words with it; in the complaint 'in Aalst' after the dentist's name is masked with the name.
"""

from __future__ import annotations

from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

FAMILY = "D'Haenens"
MAILS_TYPO = "j.dhaenens.telenet.be"
MAILS = "j.dhaenens@telenet.be, wannes.debruyne75@proximus.be"
COMPLAINT = ("mijn vorige tandarts was dr Pieter-Jan Moerman in Aalst, hij deed een ww aan mijn 36. "
             "zijn praktijk is gesloten, tel 053 71 24 86 werkt niet meer. ik ben allergisch aan latex. de factuur mag "
             "naar mijn schoonmoeder godelieve o'neill, zij betaalt. ik kom met de wagen (2-GTX-518), mag die op "
             "jullie parking? Lowie heeft ook pijn aan een melktand.")

PATIENT = [
    Planted("#t-given", "Jozefien", "a given name in a field inside its <label> (no for/id)"),
    Planted("#t-family", FAMILY, "a family name with an apostrophe, inside its <label>"),
    Planted("#t-nn", "87041231813", "a Belgian national number typed as digits (inputmode=numeric)"),
    Planted(None, "PT 582 913", "the practice's patient number written beside the national number's label"),
    Planted("#t-gsm", "0476 38 21 59", "a Belgian mobile (inputmode=tel)"),
]
MAILS_PLANTED = [
    Planted(None, MAILS_TYPO, "an address typed without '@', quoted by Chromium's validation message in the page"),
    Planted(None, "j.dhaenens@telenet.be", "the first of two reminder addresses in <input type=email multiple>"),
    Planted(None, "wannes.debruyne75@proximus.be", "the second reminder address"),
]
DOCTOR = [
    Planted(None, "Verstraete", "a family doctor's name typed, then deleted with Backspace"),
    Planted(None, "Annelies Goethals", "the family doctor's name typed after it"),
]
IN_THE_COMPLAINT = [
    Planted(None, "Pieter-Jan Moerman", "the previous dentist after 'dr', capitalised by the visitor"),
    Planted(None, "053 71 24 86", "his landline after 'tel', rewritten to 'tel.' by the autocorrect"),
    Planted(None, "godelieve o'neill", "a mother-in-law's name typed in lower case with an apostrophe"),
    Planted(None, "godelieve o\u2019neill", "the same name with the apostrophe the autocorrect curls"),
    Planted(None, "2-GTX-518", "a Belgian number plate in brackets, no word for it"),
]
CHILD = [
    Planted("#t-child-given", "Lowie", "a child's given name in a fieldset enabled by script, and alone at the "
            "start of the complaint's last sentence, typed before the child's field"),
    Planted("#t-child-family", "Vercruysse", "the child's family name (its placeholder is the parent's)"),
    Planted("#t-child-bday", "14.03.2017", "the child's date of birth (inputmode=numeric)"),
]
KEPT = ["Tandartspraktijk Korenmarkt · Cabinet dentaire Korenmarkt",
        "Controle en tandsteen verwijderen — 30 min · Contrôle et détartrage — 30 min",
        "Geconventioneerd · Conventionné — Maandag tot vrijdag 8u30–18u00",
        "Uw afspraak is bevestigd: dinsdag 10u15, stoel 2",
        "Verhinderd? Verwittig ons minstens 24 uur vooraf, anders rekenen we 25 € aan.",
        # what the visitor wrote that is nobody's data
        "allergisch aan latex"]
#: labels read in the last full snapshot, once everything is typed
LABELS = ["Rijksregisternummer · Numéro national", "Herinneringen naar · Rappels à",
          "Huisarts · Médecin traitant", "Geboortedatum · Date de naissance"]


@pytest.fixture(scope="module")
def tandarts(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#t-given", "Jozefien", delay=SLOW_MS)
        type_with_cuts(recording, "#t-family", ["D'Hae", "nens"])
        type_with_cuts(recording, "#t-nn", ["870412", "31813"])
        page.wait_for_function("document.getElementById('t-pnr').textContent.includes('PT 582')")
        type_with_cuts(recording, "#t-gsm", ["0476 38", " 21 59"])
        recording.type("#t-mails", MAILS_TYPO, delay=SLOW_MS)
        page.locator("#t-doctor").click()  # blur: the validation message quotes the typo
        assert MAILS_TYPO in page.text_content("#t-mails-err")
        cut(page)
        page.locator("#t-mails").fill("")
        type_with_cuts(recording, "#t-mails", ["j.dhaenens@tel", "enet.be, wannes.debru", "yne75@proximus.be"])
        page.locator("#t-doctor").click()
        recording.type("#t-doctor", "Verstraete", delay=SLOW_MS)
        cut(page)
        for _ in "Verstraete":
            page.keyboard.press("Backspace")
        type_with_cuts(recording, "#t-doctor", ["Dr. Annelies Goe", "thals"])
        type_with_cuts(recording, "#t-complaint",
                       split_inside(COMPLAINT, "dr Pieter-Jan Moe", "tel 053 7", "godelieve o'ne", "2-GTX"))
        page.locator("#t-for-child").check()  # blur: the autocorrect rewrites the complaint
        cut(page)
        type_with_cuts(recording, "#t-child-given", ["Lo", "wie"])
        type_with_cuts(recording, "#t-child-family", ["Vercru", "ysse"])
        type_with_cuts(recording, "#t-child-bday", ["14.03", ".2017"])
        page.click("#t-book")
        page.wait_for_function("!document.getElementById('t-done').hidden")
        recording.snapshot()

    return record("tandarts.html", "heldout18-tandarts", script)


def test_tandarts_page_did_what_the_round_stands_on(tandarts: Recorded):
    """The autocorrect's rewrite, the validation message, the placeholder and the deleted name were sent."""
    sent = list(strings(tandarts.sent))
    assert any("Dr. Pieter-Jan Moerman" in text and "tel. 053" in text for text in sent), "no autocorrect rewrite"
    assert any(MAILS_TYPO in text and "@" in text for text in sent if text != MAILS_TYPO), "no validation message"
    changed = [change["attributes"] for event in tandarts.sent if event.get("type") == 3
               and event["data"].get("source") == 0 for change in event["data"].get("attributes", [])]
    assert {"placeholder": FAMILY} in changed, "the child's placeholder was not copied from the parent's"
    assert any("o\u2019neill" in text for text in sent), "the autocorrect did not curl the apostrophe"
    assert any(text == "Verstraete" for text in sent), "the deleted name was never sent whole"


def test_tandarts_patient_leaks_nothing(tandarts: Recorded):
    check_windows(tandarts, PATIENT)


def test_tandarts_reminder_addresses_leak_nothing(tandarts: Recorded):
    check_windows(tandarts, MAILS_PLANTED)


def test_tandarts_deleted_and_retyped_doctor_leaks_nothing(tandarts: Recorded):
    check_windows(tandarts, DOCTOR)


def test_tandarts_autocorrected_complaint_leaks_nothing(tandarts: Recorded):
    check_windows(tandarts, IN_THE_COMPLAINT)


def test_tandarts_child_leaks_nothing(tandarts: Recorded):
    check_windows(tandarts, CHILD)


def test_tandarts_keeps_the_site_text(tandarts: Recorded):
    check_kept(tandarts, KEPT)


def test_tandarts_last_snapshot_keeps_the_labels(tandarts: Recorded):
    check_kept(last_snapshot(tandarts), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*PATIENT, *MAILS_PLANTED, *DOCTOR, *IN_THE_COMPLAINT, *CHILD]


def test_no_file_under_the_data_dir_holds_a_planted_value(tandarts, redactor_serve):
    check_data_dir(redactor_serve, b"Korenmarkt", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{FAMILY, MAILS_TYPO, "j.dhaenens@telenet.be", MAILS},
            {"godelieve o'neill", "godelieve o\u2019neill"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    page = (PAGES / "tandarts.html").read_text().replace("PT 582 913", "")  # the practice's software answers it
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page], VERSIONS)
