"""The held-out leak hunt, fourteenth round: a Luxembourg car garage's service appointment and key handover, in
Luxembourgish, French, German and English, recorded by the unmodified rrweb recorder.

garage.html: the appointment form is a "controlled" component written again whole through innerHTML at every
keystroke (every value the visitor typed comes back in the value attribute of a brand-new input, beside brand-new
labels, in one mutation; a recap repeats the name and phone; an SVG licence plate holds the plate in a <tspan> and
its aria-label; the button's aria-description names the visitor and her plate). Labels in Luxembourgish beside
French, German or English ('Numm a Virnumm' alone for the name, 'Gebuertsdatum · Date of birth', 'Nummerschëld ·
Immatriculation'); a Luxembourg phone, matricule, plate, IBAN and a pick-up address written number first (a
street with no street word); a VIN (a vehicle identification number: 17 letters and digits, here a Škoda's) looked
up by the page, which sends it, with the plate, in an rrweb custom event (addCustomEvent) and shows the model (site
text). The handover notes are a
rich-text editor: the visitor types a neighbour's name, selects the surname already typed and bolds it (the text
node split, the surname alone in a new <b>), breaks the line with Shift+Enter (<br>) for the neighbour's mobile,
starts a new paragraph naming her husband with his Belgian national number and the courtesy car's Belgian plate,
then pastes her e-mail signature (HTML: her name in bold, her office landline). Confirming sends the customer in a
second custom event and thanks her by given name with the plate.

A plate (and a VIN) is personal data under the GDPR when it is tied to a person, as it is in a customer's form:
the visitor's plate and VIN, and a plate written beside a word for the car in her notes, are masked. The model the
page looked up from the VIN is the site's text and stays readable.

First run, before any change: 6 of 7 tests passed — no planted value nor any 6-character window of one was
stored, on disk neither. The site's own text lost a product name: the <option> 'Pneus hiver Michelin Alpin 6 —
montage et stockage' was stored as 'Pneus hiver ******** ***** * — montage et stockage' from the first full
snapshot on. Seen in the store but not asserted: one keystroke's mutation of the notes masked the start of
their first word ('***lëssel an der Boîte aux lettres', 'Sch' being the cut prefix of the visitor's surname),
and the pasted signature's 'Comptable — service paie' lost 'paie' in its mutation (kept in the last snapshot).

Made harder after that run: a paragraph in Luxembourgish typed across four cuts ('Den Ersatzwon fiert eis Duechter
Noémie, gebuer den 05.08.2006. Hiren Auto steet och bei iech: Fahrgestell WVWZZZAUZMP052917, Nummerschëld XR
3097.'): a given name alone after the word for daughter, a date of birth after 'gebuer' (born), a VIN and a
Luxembourg plate in free text after the words for chassis and plate. Its first run: 3 of 8 failed —
- the date of birth stored as typed in every keystroke after it and in the last snapshot ('… gebuer den
  05.08.2006. …': no Luxembourgish word said 'born');
- the VIN stored whole from the keystroke that completed it on ('Fahrgestell WVWZZZAUZMP052917', a European VIN:
  Z fill, no check digit), and in the last snapshot;
- the plate in the last snapshot ('Nummerschëld XR 3097'; while typed its end was masked);
and the data dir the same. The site lost more of its text: the last snapshot's label 'Nummerschëld ·
Immatriculation' was stored '************ · Immatriculation' (the words before the VIN and the plate were masked
in the notes, and with them the label), beside the tyre option above.

After the fixes on branch hunt18, 8 of 8 pass and 1 strict xfail stands for site text lost:
- fa43618: a date followed by a full stop is a date ('gebuer den 05.08.2006.': the patterns refused any '.' after
  the year, whatever the birth word), and Luxembourgish birth words (gebuer, Gebuertsdatum, Gebuertsdag);
- b278721, b4b875b: a Luxembourg plate (two letters, four digits) beside a word for the plate or the car,
  'Nummerschëld' among them; a VIN by its ISO 3779 shape (17 characters without I, O, Q, a letter in the
  manufacturer code, the last four digits), masked even without a word for the car, which raises it;
- d863074: an <option>'s text is the site's list, read by shape only as a whole name ('Wouter Maenhout'),
  no longer as a visitor's sentence whose capitalised words are a name and, before a number, a street: the tyre
  option stays readable; round 2's listed addresses and names are still found by the detectors;
- not changed, a strict xfail: the label 'Nummerschëld · Immatriculation' in the last snapshot. At the batch cut
  '… Nummerschëld XR 30' the unsettled end reads as a street and its house number, and a typed address taints its
  capitalised words (replayed in process with the recording's cuts; without the cut the label stays). Whether the
  same batch echoes a cut value's words cannot be told, so the taint fails closed.
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout4 import paste_html
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

FORM = [
    Planted("#g-name", "Véronique Schmitgen", "a name typed into a form re-rendered whole at each keystroke (value "
            "attribute of a new input, the recap, the button's aria-description, the custom event)"),
    Planted("#g-email", "kaffisbunn72@vol.lu", "an e-mail typed across a batch cut, in the custom event"),
    Planted("#g-phone", "00352 661 48 39 27", "a Luxembourg mobile written with 00352, in the recap and the custom "
            "event"),
    Planted("#g-bday", "23.04.1981", "a date of birth in a field labelled 'Gebuertsdatum · Date of birth'"),
    Planted("#g-matricule", "1981042325763", "a Luxembourg matricule (13 digits, two check digits)"),
    Planted("#g-plate", "NK 4826", "a Luxembourg plate: its field, the SVG plate's <tspan> and aria-label, the "
            "aria-description, both custom events, the confirmation"),
    Planted("#g-vin", "TMBJR7NX5KY048316", "a VIN typed across a cut, in the lookup's custom event"),
    Planted("#g-pickup", "7, Am Scheierbësch, L-8077 Bertrange", "a pick-up address written number first, a street "
            "with no street word"),
    Planted("#g-iban", "LU41 0194 5281 7003 6415", "a Luxembourg IBAN for the direct debit"),
]
NOTE_NEIGHBOUR = "Schlëssel an der Boîte aux lettres, oder bei der Noper Mariette Schockmel"
NOTE_PHONE = "Tel. 691 582 743"
NOTE_HUSBAND = ("Mon mari Olivier Dachelet (RN 83.06.14-227.71) ramène la voiture de courtoisie, "
                "immatriculée 1-GHB-417 en Belgique.")
NOTE_DAUGHTER = ("Den Ersatzwon fiert eis Duechter Noémie, gebuer den 05.08.2006. Hiren Auto steet och bei iech: "
                 "Fahrgestell WVWZZZAUZMP052917, Nummerschëld XR 3097.")
SIGNATURE = ("<p>Bien à vous,<br><b>Véronique Schmitgen</b><br>Comptable — service paie<br>"
             "Tél. bureau +352 24 59 17 08</p>")
NOTES = [
    Planted(None, "Mariette Schockmel", "a neighbour's name typed in the rich-text notes"),
    Planted(None, "Schockmel", "her surname bolded after it was typed: alone in a new <b>"),
    Planted(None, "691 582 743", "her mobile after a <br> (Shift+Enter), no country code"),
    Planted(None, "Olivier Dachelet", "the husband's name in a new paragraph"),
    Planted(None, "83.06.14-227.71", "his Belgian national number after 'RN'"),
    Planted(None, "1-GHB-417", "the courtesy car's Belgian plate after 'immatriculée'"),
    Planted(None, "+352 24 59 17 08", "an office landline in a pasted HTML signature"),
    Planted(None, "Noémie", "a daughter's given name alone after the Luxembourgish 'Duechter'"),
    Planted(None, "05.08.2006", "her date of birth after the Luxembourgish 'gebuer' (born)"),
    Planted(None, "WVWZZZAUZMP052917", "her car's VIN in free text, after 'Fahrgestell'"),
    Planted(None, "XR 3097", "her car's Luxembourg plate in free text, after 'Nummerschëld'"),
]
KEPT = ["Garage du Centre Strassen", "Atelier Škoda & Volkswagen — entretien, pneus, carrosserie",
        "Werkstattermin · Rendez-vous atelier · Book a service", "Pneus hiver Michelin Alpin 6 — montage et stockage",
        "Škoda Octavia Combi 2.0 TDI (2019)", "Remise des clés · Schlësseliwwergab",
        "Bemierkungen fir d'Atelier · Remarques pour l'atelier", "Confirmer le rendez-vous",
        "Äre Rendez-vous ass confirméiert : samedi 14/03 à 8h00",
        # what the visitor wrote that is nobody's data
        "Schlëssel an der Boîte aux lettres", "ramène la voiture de courtoisie", "Comptable — service paie"]
#: the labels the component writes again at every keystroke, read in the last full snapshot
LABELS = ["Numm a Virnumm", "Fahrgestellnummer · N° de châssis (VIN)",
          "Adress fir den Ofhuelservice · Adresse d'enlèvement"]
#: site text the store loses, failing closed (see the strict xfail below)
LABEL_AFTER_A_CUT = ["Nummerschëld · Immatriculation"]


def keyboard_with_cuts(page: Any, pieces: list[str]) -> None:
    """Types the pieces where the caret is (the rich-text editor), ending a batch between each two."""
    for index, piece in enumerate(pieces):
        if index:
            cut(page)
        page.keyboard.type(piece, delay=SLOW_MS)


@pytest.fixture(scope="module")
def garage(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#g-service", "tyres")
        type_with_cuts(recording, "#g-name", ["Véronique Sch", "mitgen"])
        type_with_cuts(recording, "#g-email", ["kaffisbu", "nn72@vol.lu"])
        type_with_cuts(recording, "#g-phone", ["00352 661 4", "8 39 27"])
        recording.type("#g-bday", "23.04.1981", delay=SLOW_MS)
        recording.type("#g-matricule", "1981042325763", delay=SLOW_MS)
        type_with_cuts(recording, "#g-plate", ["NK 48", "26"])
        type_with_cuts(recording, "#g-vin", ["TMBJR7NX5", "KY048316"])
        page.wait_for_function("document.querySelector('#g-recap .model').textContent.includes('Octavia')")
        type_with_cuts(recording, "#g-pickup", ["7, Am Scheier", "bësch, L-8077 Bertrange"])
        recording.type("#g-iban", "LU41 0194 5281 7003 6415", delay=SLOW_MS)
        assert page.input_value("#g-iban") == "LU41 0194 5281 7003 6415", "the re-render lost the caret"
        cut(page)
        page.click("#g-notes")
        page.keyboard.type(NOTE_NEIGHBOUR, delay=SLOW_MS)
        page.keyboard.press("Control+Shift+ArrowLeft")  # the surname already typed, bolded
        page.keyboard.press("Control+b")
        page.keyboard.press("End")
        page.keyboard.press("Control+b")
        page.keyboard.type(" ofginn.", delay=SLOW_MS)
        page.keyboard.press("Shift+Enter")
        page.keyboard.type(NOTE_PHONE, delay=SLOW_MS)
        page.keyboard.press("Enter")
        keyboard_with_cuts(page, split_inside(NOTE_HUSBAND, "Olivier Dach", "83.06.1", "1-GH"))
        page.keyboard.press("Enter")
        keyboard_with_cuts(page, split_inside(NOTE_DAUGHTER, "Noém", "05.08.2", "WVWZZZAU", "XR 30"))
        page.keyboard.press("Enter")
        paste_html(page, "#g-notes", SIGNATURE)
        cut(page)
        page.click("#g-confirm")
        page.wait_for_function("!document.getElementById('g-done').hidden")
        recording.snapshot()

    return record("garage.html", "heldout14-garage", script)


def test_garage_page_did_what_the_round_stands_on(garage: Recorded):
    """The component wrote the whole form again (the typed name in a new input's value attribute, beside the
    others), the editor split the bolded surname into its own <b>, the custom events carried the VIN."""
    adds = [add for event in garage.sent if event.get("type") == 3 and event["data"].get("source") == 0
            for add in event["data"].get("adds", [])]
    values = [add["node"].get("attributes", {}).get("value") for add in adds if add["node"].get("tagName") == "input"]
    assert "Véronique Schmitgen" in values and "NK 4826" in values, "the form was not rendered again with its values"
    bold = {add["node"]["id"] for add in adds if add["node"].get("tagName") == "b"}
    assert any(add["parentId"] in bold and add["node"].get("textContent") == "Schockmel" for add in adds), \
        "the surname was not bolded into its own <b>"
    custom = [event["data"] for event in garage.sent if event.get("type") == 5]
    assert any(data.get("tag") == "vehicle-lookup" and data["payload"]["vin"] == "TMBJR7NX5KY048316" for data in custom)
    assert any(data.get("tag") == "appointment" for data in custom)


def test_garage_form_values_leak_nothing(garage: Recorded):
    check_windows(garage, FORM)


def test_garage_handover_notes_leak_nothing(garage: Recorded):
    sent = texts(garage.sent)
    assert any(text == "Schockmel" for text in sent), "the bolded surname never stood alone in a text node"
    check_windows(garage, NOTES)


def test_garage_keeps_the_site_text(garage: Recorded):
    check_kept(garage, KEPT)


def last_snapshot(recorded: Recorded) -> Recorded:
    def last(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [next(event for event in reversed(events) if event.get("type") == 2)]

    return Recorded(recorded.session, last(recorded.sent), last(recorded.stored), {})


def test_garage_last_snapshot_keeps_the_labels(garage: Recorded):
    """Once the values are typed, the replay from the last full snapshot on still shows the form's labels."""
    check_kept(last_snapshot(garage), LABELS)


@pytest.mark.xfail(strict=True, reason="at a batch cut inside the notes ('… Nummerschëld XR 30'), the unsettled end "
                   "reads as a street without a street word and its house number (street_runs), and a typed address "
                   "taints its capitalised words: 'Nummerschëld' is masked in the form's label from then on; which "
                   "echo a cut value's words have in the same batch cannot be told, so the taint stays fail-closed")
def test_garage_last_snapshot_keeps_the_label_a_cut_tainted(garage: Recorded):
    check_kept(last_snapshot(garage), LABEL_AFTER_A_CUT)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*FORM, *NOTES]


def test_no_file_under_the_data_dir_holds_a_planted_value(garage, redactor_serve):
    check_data_dir(redactor_serve, b"Garage du Centre Strassen", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{"Mariette Schockmel", "Schockmel"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    site_text = [*KEPT, *LABELS, *LABEL_AFTER_A_CUT, (PAGES / "garage.html").read_text()]
    check_no_shared_window(ALL_PLANTED, site_text, VERSIONS)
