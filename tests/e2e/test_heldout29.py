"""The held-out leak hunt, twenty-ninth round: a Leuven student-housing office's rental application, in Dutch with
English lines, for a Nigerian master's student and her father as guarantor, recorded by the unmodified rrweb recorder
with its default options.

studentenkot.html: (written before reading the detection code; the rest of this docstring after the first run)
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

#: Yoruba with tone marks: a dot below and an accent on one letter, the accent a combining character ('ọ́', 'ẹ̀')
GIVEN = "M\u1ecd\u0301rad\u00e9y\u1ecd\u0300"  # Mọ́radéyọ̀
FAMILY = "\u00d2g\u00fanl\u1eb9\u0300y\u1eb9"  # Ògúnlẹ̀yẹ
FULL = f"{GIVEN} {FAMILY}"
EMAIL, SIGNATURE, GUARANTOR = "m.ogunleye2001@gmail.com", "M. Ogunleye", "Babatunde Ogunleye"
DETAILS = ("My father, Chief Babatunde Ogunleye. He lives at 14 Adeola Odeku Street, Victoria Island, Lagos 101241, "
           "phone +234 802 555 0193, and is a branch manager at a bank in Lagos.")
ROOM = "Studio Heverlee · Tervuursevest 101"

THE_TENANT = [
    Planted("#given", GIVEN, "a Yoruba given name with tone marks, combining accents"),
    Planted("#family", FAMILY, "a Yoruba family name with tone marks, combining accents"),
    Planted(None, f'"{FULL}"', "the name as a CSS string in a custom property of a style attribute"),
    Planted(None, "Ogunleye_Moradeyo", "the name without diacritics in a download file name, joined by '_'"),
    Planted(None, "moradeyo.ogunleye", "the name in an e-mail the page suggests in a placeholder"),
    Planted("#dob", "3rd of March 2001", "a date of birth in English words with an ordinal"),
    Planted("#nin", "70481936205", "a Nigerian National Identification Number"),
    Planted("#whatsapp", "0803 412 7765", "a Nigerian mobile in its local 0803 form"),
    Planted("#mail", EMAIL, "an e-mail with the birth year"),
    Planted("#sign", SIGNATURE, "a signature typed, drawn by the page into an SVG data: URL"),
    Planted(None, "M.%20Ogunleye", "the signature percent-encoded in the <img>'s data: URL"),
]
THE_GUARANTOR = [
    Planted("#guarantor-name", GUARANTOR, "the guarantor's name, also in an <option> the page builds"),
    Planted(None, "Chief Babatunde", "the guarantor with his title in the textarea"),
    Planted(None, "14 Adeola Odeku Street", "a Lagos street"),
    Planted(None, "Lagos 101241", "a Lagos postcode after the town"),
    Planted(None, "+234 802 555 0193", "a Nigerian mobile in international form"),
    Planted("#nuban", "0451783926", "a Nigerian bank account number (NUBAN)"),
]
KEPT = ["Kotwijs Leuven · Studentenhuisvesting", "Huurcontract voor studentenhuisvesting (Vlaams model)",
        "Ons onthaal is in Residentie Arenberg, Naamsestraat 96, 3000 Leuven.", "Kamer 2.14 · Zuidgevel", ROOM,
        "Kot Ladeuze · Mgr. Ladeuzeplein 7", "Voorbeeld huurcontract — Kotwijs Leuven, Naamsestraat 96. Huurder:",
        "Kotwijs vzw · Naamsestraat 96 · 3000 Leuven · Goed studeren!", "name@student.kuleuven.be",
        "Your key waits at the Arenberg desk, Naamsestraat 96. Goed studeren! Het Kotwijs-team",
        " (huurder / tenant)", " (borgsteller / guarantor)", "Handtekening / signature"]
#: what the visitor picked that is nobody's data, as the field's value in a full snapshot
TYPED_KEPT = {"kamer": ROOM}
LABELS = ["Voornaam / Given name(s)", "Familienaam / Family name", "Date of birth (as you like to write it)",
          "National Identification Number (NIN, Nigeria)", "WhatsApp number", "E-mailadres",
          "Naam borgsteller / Guarantor's name",
          "Tell us about your guarantor (relation, address, phone, employer)",
          "Bank account number (NUBAN) for the refund of the deposit (waarborg € 990)",
          "Wie tekent eerst? / Who signs first?", "Type your name to sign / typ je naam om te tekenen"]


@pytest.fixture(scope="module")
def studentenkot(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#kamer", ROOM)
        type_with_cuts(recording, "#given", [GIVEN[:4], GIVEN[4:]])
        type_with_cuts(recording, "#family", [FAMILY[:4], FAMILY[4:]])
        recording.type("#dob", "3rd of March 2001")
        type_with_cuts(recording, "#nin", ["704819", "36205"])
        recording.type("#whatsapp", "0803 412 7765")
        type_with_cuts(recording, "#mail", ["m.ogunle", "ye2001@gmail.com"])
        type_with_cuts(recording, "#guarantor-name", ["Babatunde Ogu", "nleye"])
        type_with_cuts(recording, "#guarantor-details", split_inside(DETAILS, "Chief Baba", "14 Adeola Od",
                                                                     "Lagos 10", "+234 802"), delay=20)
        type_with_cuts(recording, "#nuban", ["04517", "83926"])
        page.select_option("#signer", "signer-1")
        type_with_cuts(recording, "#sign", ["M. Ogu", "nleye"])
        send_between_snapshots(recording)

    return record("studentenkot.html", "heldout29-studentenkot", script)


def test_studentenkot_page_did_what_the_round_stands_on(studentenkot: Recorded):
    """The style attribute held the name as a CSS string, the download its ASCII form, the placeholder the suggested
    e-mail, the <select> the names, the <img> the signature."""
    sent = list(strings(studentenkot.sent))
    assert any(f'--tenant: "{FULL}"' in text for text in sent), "no custom property"
    assert "Huurcontract_Ogunleye_Moradeyo.pdf" in sent, "no download name"
    assert "moradeyo.ogunleye@student.kuleuven.be" in sent, "no placeholder"
    assert f"{GUARANTOR} (borgsteller / guarantor)" in sent, "no <option>"
    assert any(text.startswith("data:image/svg+xml,") and "M.%20Ogunleye" in text for text in sent), "no signature"


def test_studentenkot_tenant_leaks_nothing(studentenkot: Recorded):
    check_windows(studentenkot, THE_TENANT)


def test_studentenkot_guarantor_leaks_nothing(studentenkot: Recorded):
    check_windows(studentenkot, THE_GUARANTOR)


def test_studentenkot_keeps_the_site_text(studentenkot: Recorded):
    check_kept(studentenkot, KEPT)


def test_studentenkot_keeps_the_room_picked(studentenkot: Recorded):
    assert all(value in field_values(studentenkot.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(studentenkot.stored, field)] == []


def test_studentenkot_last_snapshot_keeps_the_labels(studentenkot: Recorded):
    check_kept(last_snapshot(studentenkot), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_TENANT, *THE_GUARANTOR]


def test_no_file_under_the_data_dir_holds_a_planted_value(studentenkot, redactor_serve):
    check_data_dir(redactor_serve, b"Kotwijs Leuven", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{GIVEN, FAMILY, f'"{FULL}"', "Ogunleye_Moradeyo", "moradeyo.ogunleye", EMAIL,
             SIGNATURE, "M.%20Ogunleye", GUARANTOR, "Chief Babatunde"},
            {"14 Adeola Odeku Street", "Lagos 101241"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "studentenkot.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)

