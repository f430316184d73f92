"""The held-out leak hunt, fifth round: a flight booking going on on a second page, and a medical
appointment, as they are built today, recorded by the unmodified rrweb recorder.

travel.html → travel-done.html: a Dutch flight booking for two passengers (names, dates of birth,
a nationality <select>, passport and identity-card numbers, a frequent-flyer number), a "same as
passenger 1" checkbox copying the contact fields by `element.value = …` without an event, a seat map
showing the passenger's initials (title and data-* holding the name, an innerText echo), a price
<table> rendered by innerHTML (title and data-* again), a hidden input carrying the passengers as
JSON; then a GET form to a confirmation page in the same recording session: the values in its URL,
and its full snapshot showing them back ("Bedankt Sanne, je boekingsbevestiging is verstuurd naar …").
clinic.html: a Belgian (French) medical appointment — a patient number, a mutuality number, a GP's
name, a native date picker, a symptoms textarea naming relatives and a medicine, a <canvas>
signature, a consent checkbox, a summary <table> filled by innerText (a line break: a <br>) and
textContent, a title tooltip, an "edit" flow turning the summary cells into contenteditable, the
edited address written back into its input without an event.
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


# -- travel.html → travel-done.html -------------------------------------------------------------------
TRAVEL_FIELDS = [
    Planted("#p1-given", "Sanne", "a common given name, in the seat's title, the price table, the hidden JSON, the "
            "URL and the confirmation's thanks"),
    Planted(None, "Kwakkelstein", "a surname no list knows, in the table's data-pax and title, the seat's "
            "data-passenger, the URL and upper-cased on the confirmation page"),
    Planted(None, "17-05-1991", "date of birth in a field with a placeholder 'dd-mm-jjjj', on the confirmation"),
    Planted(None, "NXR4K7P29", "passport number, in the price table's title, the hidden JSON, the URL, the "
            "confirmation's data-doc"),
    Planted(None, "ZA 4471 0926 38", "frequent-flyer number, copied into the fieldset's data-ff"),
    Planted(None, "s.kwakkelstein@duinmail.nl", "e-mail, copied by element.value into passenger 2, in the URL "
            "and the confirmation's thanks"),
    Planted(None, "+31 6 48 27 19 03", "mobile, copied by element.value into passenger 2"),
    Planted(None, "Wannes", "a second passenger's given name, in the price table and on the confirmation"),
    Planted(None, "Vercauteren", "a second passenger's surname, upper-cased on the confirmation"),
    Planted(None, "02/11/1988", "a second date of birth with slashes"),
    Planted(None, "592-8841037-62", "Belgian identity card number"),
]
NOTES = ("Wij logeren op Oudezijds Voorburgwal 141, 1012 DE Amsterdam; bel +33 6 12 48 97 35 of mail "
         "wannes.v@kustpost.be als er iets is. Rekening voor de bagage: NL18 RABO 0123 4567 89.")
NOTES_PLANTED = [
    Planted(None, "Oudezijds Voorburgwal 141, 1012 DE", "an address without a street word in a textarea, sent in "
            "the next page's URL too"),
    Planted(None, "+33 6 12 48 97 35", "a French mobile in a textarea"),
    Planted(None, "wannes.v@kustpost.be", "an e-mail in a textarea"),
    Planted(None, "NL18 RABO 0123 4567 89", "an IBAN in a textarea"),
]
TRAVEL_KEPT = ["Zuiderzee Air", "Amsterdam — Lissabon, retour", "Kies uw stoelen", "Prijsoverzicht",
               "Boeking bevestigd", "Inchecken opent 30 uur voor vertrek.", "Nederlandse", "AMS–LIS ZA 417",
               "Zelfde contactgegevens als passagier 1", "Voornaam", "Achternaam", "Geboortedatum",
               "Documentnummer", "Opmerkingen voor de crew"]


@pytest.fixture(scope="module")
def travel(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    first_page: list[dict[str, Any]] = []

    def script(recording: Recording, page: Any) -> None:
        recording.type("#p1-given", "Sanne")
        type_with_cuts(recording, "#p1-family", ["Kwakkel", "stein"])
        type_with_cuts(recording, "#p1-dob", ["17-05-19", "91"])
        page.select_option("#p1-nat", "NL")
        type_with_cuts(recording, "#p1-doc", ["NXR4K", "7P29"])
        type_with_cuts(recording, "#p1-ff", ["ZA 4471 09", "26 38"])
        type_with_cuts(recording, "#p1-mail", ["s.kwakkel", "stein@duinmail.nl"])
        recording.type("#p1-tel", "+31 6 48 27 19 03")
        page.click(".seat[data-seat='14A']")
        recording.type("#p2-given", "Wannes")
        page.click("#p2-family")
        page.keyboard.insert_text("Vercauteren")  # pasted
        recording.type("#p2-dob", "02/11/1989")
        page.keyboard.press("Backspace")  # a correction
        page.keyboard.type("8", delay=20)
        type_with_cuts(recording, "#p2-doc", ["592-88410", "37-62"])
        type_with_cuts(recording, "#tv-notes", split_inside(NOTES, "Voorburg", "+33 6 12 4", "wannes.v@ku",
                                                            "NL18 RABO 01"))
        page.check("#p2-same")
        page.click(".seat[data-seat='14B']")
        cut(page)
        recording.snapshot()
        first_page.extend(recording.finish())
        page.click("#tv-submit")  # a new page load, the same recording session
        page.wait_for_function("window.__recorder && window.__recorder.started && document.title.includes('Bevestiging')")

    recorded = record("travel.html", "heldout5-travel", script)
    recorded.sent[:0] = first_page
    return recorded


def test_travel_fields_their_echoes_and_the_next_page_leak_nothing(travel: Recorded):
    sent = texts(travel.sent)
    assert any("Bedankt Sanne, je boekingsbevestiging is verstuurd naar s.kwakkelstein@duinmail.nl" in text
               for text in sent), "the confirmation page never showed the values back"
    check_windows(travel, TRAVEL_FIELDS)


def test_travel_notes_leak_nothing(travel: Recorded):
    assert any(NOTES in text for text in texts(travel.sent)), "the notes were never sent whole"
    check_windows(travel, NOTES_PLANTED)


def test_travel_keeps_the_site_text(travel: Recorded):
    check_kept(travel, TRAVEL_KEPT)


# -- clinic.html --------------------------------------------------------------------------------------
SYMPTOMS = ("Depuis lundi j'ai de la fièvre et des vertiges. Ma fille Lowiese a pris du Dafalgan, mon mari "
            "Baudouin Terlinden aussi. Mon NISS est 79082331729, appelez-moi au 0478 62 91 05.")
CLINIC_FIELDS = [
    Planted("#cl-patient", "PT-418837", "patient number, in the summary by innerText, the section's data-patient"),
    Planted(None, "154/8372615", "mutuality number after a line break the innerText made"),
    Planted(None, "Ombeline Fraiteur", "GP's name, in the summary and its title tooltip"),
    Planted(None, "1979-08-23", "date of birth from a native date picker"),
    Planted(None, "23/08/1979", "the date of birth shown in the summary"),
    Planted(None, "+32 478 62 91 05", "phone, echoed by innerText in a sentence"),
    Planted(None, "Galgenberg 9, 1050 Elsene", "an address without a street word, shown in the summary"),
    Planted(None, "2 79 08 75 116 042 19", "a French NIR in a field labelled 'N° d'assuré'"),
    Planted(None, "2790875116042", "the NIR shown without spaces in the summary"),
    Planted(None, "FR14 2004 1010 0505 0001 3M02 606", "an IBAN written into a field by script (element.value, no "
            "event), shown by innerText in the summary"),
    Planted(None, "Galgenberg 11", "the address edited in the summary cell made contenteditable, written back "
            "into its input without an event"),
]
SYMPTOMS_PLANTED = [
    Planted(None, "Lowiese", "a daughter's given name no list knows, after 'Ma fille'"),
    Planted(None, "Baudouin Terlinden", "a husband's name after 'mon mari'"),
    Planted(None, "79082331729", "a Belgian national number (NISS) in free text"),
    Planted(None, "0478 62 91 05", "a Belgian mobile in free text"),
]
CLINIC_KEPT = ["Maison médicale Les Tilleuls", "Consultation de médecine générale", "Récapitulatif du rendez-vous",
               # (not "Dafalgan": typed in the symptoms, health data masked whole since review 24 F8)
               "Décrivez vos symptômes", "Numéro de mutualité", "Médecin",
               "Votre médecin traitant", "Reprendre mon compte enregistré", "Remboursement"]


@pytest.fixture(scope="module")
def clinic(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#cl-patient", ["PT-41", "8837"])
        type_with_cuts(recording, "#cl-mut", ["154/83", "72615"])
        type_with_cuts(recording, "#cl-gp", ["Ombeline Frai", "teur"])
        page.fill("#cl-dob", "1979-08-23")
        type_with_cuts(recording, "#cl-tel", ["+32 478 6", "2 91 05"])
        type_with_cuts(recording, "#cl-addr", ["Galgenberg 9, 10", "50 Elsene"])
        type_with_cuts(recording, "#cl-nir", ["2 79 08 75 1", "16 042 19"])
        page.click("#cl-fill")
        type_with_cuts(recording, "#cl-symptoms", split_inside(SYMPTOMS, "Lowie", "Baudouin Ter", "NISS est 7908",
                                                                "au 0478 6"))
        page.check("#cl-consent")
        box = page.locator("#cl-sign").bounding_box()
        page.mouse.move(box["x"] + 10, box["y"] + 40)
        page.mouse.down()
        for step in range(1, 12):
            page.mouse.move(box["x"] + 10 + step * 20, box["y"] + 40 + (-1) ** step * 15)
        page.mouse.up()
        page.click("#cl-review")
        cut(page)
        page.click("#cl-edit")
        page.click("#s-addr")
        page.keyboard.press("Control+A")
        page.keyboard.type("Galgenberg 11", delay=20)
        page.click("#cl-save")
        recording.snapshot()

    return record("clinic.html", "heldout5-clinic", script)


def test_clinic_fields_and_their_echoes_leak_nothing(clinic: Recorded):
    sent = texts(clinic.sent)
    assert any("Médecin traitant : Ombeline Fraiteur" == text for text in sent), "no tooltip"
    check_windows(clinic, CLINIC_FIELDS)


def test_clinic_symptoms_leak_nothing(clinic: Recorded):
    assert any(SYMPTOMS in text for text in texts(clinic.sent)), "the symptoms were never sent whole"
    check_windows(clinic, SYMPTOMS_PLANTED)


def test_clinic_keeps_the_site_text(clinic: Recorded):
    check_kept(clinic, CLINIC_KEPT)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(travel, clinic, redactor_serve):
    check_data_dir(redactor_serve, b"Kies uw stoelen", [
        item for item in [*TRAVEL_FIELDS, *NOTES_PLANTED, *CLINIC_FIELDS, *SYMPTOMS_PLANTED] if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
#: versions of one value (typed and echoed in another format, a name inside an e-mail)
VERSIONS = [{"Kwakkelstein", "s.kwakkelstein@duinmail.nl"}, {"Wannes", "wannes.v@kustpost.be"}, {"1979-08-23", "23/08/1979"}, {"2 79 08 75 116 042 19", "2790875116042"},
            {"+32 478 62 91 05", "0478 62 91 05"}, {"Galgenberg 9, 1050 Elsene", "Galgenberg 11"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*TRAVEL_FIELDS, *NOTES_PLANTED, *CLINIC_FIELDS, *SYMPTOMS_PLANTED], [*TRAVEL_KEPT, *CLINIC_KEPT], VERSIONS)
