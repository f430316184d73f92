"""The held-out leak hunt, twenty-ninth round: a Leuven student-housing office's rental application, in Dutch with
English lines, for a Nigerian master's student and her father as guarantor, recorded by the unmodified rrweb recorder
with its default options.

studentenkot.html: the room picked in a <select> of the site's rooms (a product and its street and number: 'Studio
Heverlee · Tervuursevest 101'); the student's Yoruba given and family names with tone marks, a dot below and an accent
on one letter, the accent a combining character ('Mọ́radéyọ̀', 'Ògúnlẹ̀yẹ'), put by the page at every keystroke into a
CSS custom property of the contract preview's style attribute ('--tenant: "Mọ́radéyọ̀ Ògúnlẹ̀yẹ"', drawn by its
::after), into a download link's file name without diacritics, joined by '_' ('Huurcontract_Ogunleye_Moradeyo.pdf'),
into an e-mail the page suggests in the e-mail field's placeholder ('moradeyo.ogunleye@student.kuleuven.be', over the
site's example 'name@student.kuleuven.be'), and into the <option>s of a 'who signs first?' <select> the page rebuilds
from the names typed; a date of birth in English words with an ordinal ('3rd of March 2001'); a Nigerian NIN (eleven
bare digits), a WhatsApp number in the local 0803 form, an e-mail with the birth year; the guarantor's name (also in the
<select>'s options) and a textarea about him (his title 'Chief', a Lagos street, the town before its postcode, a
Nigerian mobile in international form); a NUBAN bank account (ten bare digits); a signature typed and drawn by the
page into an SVG data: URL of an <img>, percent-encoded by encodeURIComponent at every keystroke ('M.%20Ogunleye');
once sent, a thank-you line naming her. The site's own text that must stay: the heading, the lease's title, its desk
and the rooms of its list, the preview's words, the options' roles, the labels, the signature.

First run (2356d02, written before reading the detection code): two leaks. The <option>s the page rebuilt from the
names being typed kept each half-typed name ('Mọ́rad (huurder / tenant)', 'Babatu (borgsteller / guarantor)', the
family name's 'Ògúnl' after the given name masked): an <option> is in a form control, so its text was read as typed by
the visitor, not as a copy the page wrote, and no typed value was looked for in it: 08f20fc (redact.py: an <option>'s
text a page adds is a copy). The signature's half-typed prefix in the data: URL of the batch cut inside it
('…%3EM.%20Ogu%3C%2Ftext…'): no copy held the value as typed: 2883146 (redact.py _mask_encoded_copies: a value typed
and masked in a batch is masked in its percent-encoded forms too, encodeURIComponent's and a form's with '+').
Over-masked: the word 'name' in every label ('Given ****(s)', "Guarantor's ****", 'Type your **** to sign') and the
field's name attribute 'given_name' masked whole, from the first snapshot on: the site's example address in the
placeholder was read as an address and its local part remembered: 5698d85 (redact.py: a form's example address's
words, 'name', 'voornaam', 'prenom'…, are not remembered alone, as a role mailbox's are not). Held on the first run:
the CSS custom property (prefixes of three characters or more masked), the download's file name, the suggested e-mail
in the placeholder, the date in words, the NIN, the WhatsApp number, the e-mail, the guarantor's textarea, the NUBAN.
Left (xfail, strict): the site's own address in its text ('Naamsestraat 96, 3000 Leuven') and a room of its list ('Kot
Ladeuze · Mgr. Ladeuzeplein 7') are masked as postal addresses, as round 10's pick-up address (fail closed: nothing
tells them from a visitor's); the site's example address in the placeholder is masked where it stands (a placeholder
may hold the visitor's own). Not asserted: a name's first two characters ('Mọ', 'Òg') stay readable in the custom
property and the options while they are all that is typed (a copy is looked for from three characters on), shorter
than any window the judge looks for.
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
        "Ons onthaal is in Residentie Arenberg, ", "Kamer 2.14 · Zuidgevel", ROOM,
        "Voorbeeld huurcontract — Kotwijs Leuven, ", "Kotwijs vzw · ", " · Goed studeren!",
        "Your key waits at the Arenberg desk, ", ". Goed studeren! Het Kotwijs-team",
        " (huurder / tenant)", " (borgsteller / guarantor)", "Handtekening / signature"]
#: the site's own address (a street and its number, a postcode and the town) in its text and in a room of its list, and
#: its example address in a placeholder: see the xfails
KEPT_LEFT = {"address": ["Ons onthaal is in Residentie Arenberg, Naamsestraat 96, 3000 Leuven.",
                         "Kotwijs vzw · Naamsestraat 96 · 3000 Leuven · Goed studeren!",
                         "Kot Ladeuze · Mgr. Ladeuzeplein 7"],
             "example": ["name@student.kuleuven.be"]}
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


@pytest.mark.xfail(strict=True, reason="left: the site's own address in its text ('Naamsestraat 96, 3000 Leuven') and "
                   "a room of its list ('Mgr. Ladeuzeplein 7') are a street and its number, masked as a postal address "
                   "(fail closed: nothing tells the site's address from a visitor's in a page's text, as round 10's)")
def test_studentenkot_keeps_the_sites_own_address(studentenkot: Recorded):
    check_kept(studentenkot, KEPT_LEFT["address"])


@pytest.mark.xfail(strict=True, reason="left: the e-mail field's example in its placeholder "
                   "('name@student.kuleuven.be') is an address, masked where it stands (fail closed: a placeholder "
                   "may hold the visitor's own)")
def test_studentenkot_keeps_the_example_address_in_the_placeholder(studentenkot: Recorded):
    check_kept(studentenkot, KEPT_LEFT["example"])


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
    kept_left = [text for texts in KEPT_LEFT.values() for text in texts]
    check_no_shared_window(ALL_PLANTED, [*KEPT, *kept_left, *LABELS, page_text()], VERSIONS)


