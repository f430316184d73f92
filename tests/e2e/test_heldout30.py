"""The held-out leak hunt, thirtieth round: an Eindhoven coworking's visitor badge, in Dutch with English lines, for a
Portuguese engineer visiting a member company, recorded by the unmodified rrweb recorder with its default options.

bezoekersbadge.html: the member company picked in a <select> of the site's studios; her full name with two family
names ('Inês Magalhães Sequeira'), written by the page at every keystroke into a <style> element's rule text (a
::after content string drawn on the badge); her date of birth typed in ISO form, told back by Intl in Portuguese words
('12 de maio de 1991'); her NIF typed in groups of three, its digits put in a <data value>; her Cartão de Cidadão number
as the card writes it ('15392847 6 ZY4'); her mobile in the local Portuguese form, put into an sms: link with the
country code and a body; her e-mail, regex-escaped by the page into the confirmation field's pattern attribute
('ines\\.msequeira@…'); her Braga address in a textarea (a street with its number, an ordinal floor and a side '2.º
Esq.', a Portuguese postcode '4715-312' before the town); a Portuguese licence plate for the car park echoed in a
<kbd>; an emergency contact in Portuguese (her husband's three names, his mobile). The site's own text that must stay:
the heading, the badge, the Klokgebouw, the studios of its list, the labels.

First run (d47539c, written before reading the detection code): no leak. Over-masked: two member firms of the
<select>, 'Lumenlab Optics · Studio 3.12' and 'Fietsfabriek Robotics · Studio 3.04', had their names masked from the
first snapshot on, in the list and in the value picked: a part of a list's entry with two capitalised words and no
trade word is read as a person's given and family name: 3fe711b (rules/pii.yaml: a firm's field, 'Optics',
'Robotics', 'Software', 'Labs'…, is a trade word, as 'Motors' is, and 'fabriek'/'fabrik' end trade compounds). Held on
the first run: the name in the <style> element's rule text (its first two characters alone stay readable while they
are all that is typed), the date in Portuguese words, the NIF and its <data value>, the Cartão de Cidadão number, the
mobile and the sms: link, the e-mail and its regex-escaped pattern, the Braga address, the plate in its <kbd>, the
emergency contact. Not asserted: the line that tells the date back ('Nascida a 12 de maio de 1991') is masked whole,
its words too: its element's id ('geboren-pt') says a date of birth, and such an element's text is masked as the field
is (fail closed); 'inglês' in the emergency contact's 'Fala inglês.' is masked.
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

NAME, EMAIL = "Inês Magalhães Sequeira", "ines.msequeira@criticalsoftware.com"
ADDRESS = "Rua do Souto, 45, 2.º Esq.\n4715-312 Braga"
EMERGENCY = "O meu marido, Rui Lobo Antunes, telemóvel 939 118 402. Fala inglês."
STUDIO = "Lumenlab Optics · Studio 3.12"

THE_VISITOR = [
    Planted("#naam", NAME, "a Portuguese full name with two family names"),
    Planted(None, f'"{NAME}"', "the name as a CSS string in a <style> element's rule text"),
    Planted("#geboren", "1991-05-12", "a date of birth in ISO form"),
    Planted(None, "12 de maio de 1991", "the date of birth in Portuguese words"),
    Planted("#nif", "232 715 483", "a Portuguese NIF in groups of three"),
    Planted(None, "232715483", "the NIF's digits in a <data value>"),
    Planted("#cc", "15392847 6 ZY4", "a Portuguese Cartão de Cidadão number"),
    Planted("#telemovel", "913 627 504", "a Portuguese mobile in its local form"),
    Planted(None, "+351913627504", "the mobile in an sms: link"),
    Planted("#mail", EMAIL, "an e-mail at an employer"),
    Planted(None, "ines\\.msequeira@criticalsoftware\\.com", "the e-mail regex-escaped in a pattern attribute"),
]
THE_REST = [
    Planted(None, "Rua do Souto, 45", "a Braga street and number, the street word first"),
    Planted(None, "4715-312 Braga", "a Portuguese postcode before the town"),
    Planted("#kenteken", "62-XZ-19", "a Portuguese licence plate"),
    Planted(None, "Rui Lobo Antunes", "the husband's three names in Portuguese free text"),
    Planted(None, "939 118 402", "the husband's mobile in Portuguese free text"),
]
KEPT = ["Werkplaats Strijp-S · Coworking Eindhoven", "Bezoekersbadge voor één dag · Klokgebouw, derde verdieping",
        "Dutch Design Week edition", "your host collects you at the Klokgebouw reception",
        "Parking in garage", STUDIO, "Fietsfabriek Robotics · Studio 3.04",
        "Glasblazerij Design Collective · Studio 3.20", "BEZOEKER · VISITOR", "Werkplaats Strijp-S · Klokgebouw",
        "Bedankt! Your badge waits at the Klokgebouw reception. Tot straks!"]
TYPED_KEPT = {"gastheer": STUDIO}
LABELS = ["Bij welk bedrijf? / Which member company?", "Volledige naam / Full name",
          "Geboortedatum (jjjj-mm-dd) / Date of birth", "Fiscaal nummer (NIF, Portugal) / Tax number",
          "Cartão de Cidadão (ID card number)", "Telemóvel / Mobile (for your arrival SMS)", "E-mailadres",
          "Herhaal je e-mailadres / Repeat your e-mail", "Home address (for the visitor register)",
          "Kenteken voor de parkeergarage / Licence plate", "In geval van nood / Emergency contact"]


@pytest.fixture(scope="module")
def bezoekersbadge(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#gastheer", STUDIO)
        type_with_cuts(recording, "#naam", ["Inês Magal", "hães Sequeira"])
        type_with_cuts(recording, "#geboren", ["1991-0", "5-12"])
        type_with_cuts(recording, "#nif", ["232 71", "5 483"])
        type_with_cuts(recording, "#cc", ["1539284", "7 6 ZY4"])
        type_with_cuts(recording, "#telemovel", ["913 62", "7 504"])
        type_with_cuts(recording, "#mail", ["ines.msequ", "eira@criticalsoftware.com"])
        recording.type("#mail2", EMAIL, delay=15)
        type_with_cuts(recording, "#morada", ["Rua do So", "uto, 45, 2.º Esq.\n4715-3", "12 Braga"], delay=25)
        type_with_cuts(recording, "#kenteken", ["62-X", "Z-19"])
        type_with_cuts(recording, "#noodcontact", split_inside(EMERGENCY, "Rui Lobo An", "939 11"), delay=20)
        send_between_snapshots(recording)

    return record("bezoekersbadge.html", "heldout30-bezoekersbadge", script)


def test_bezoekersbadge_page_did_what_the_round_stands_on(bezoekersbadge: Recorded):
    """The <style> held the name, the <data> the NIF, the link the mobile, the pattern the escaped e-mail."""
    sent = list(strings(bezoekersbadge.sent))
    assert any(f'content: "{NAME}";' in text for text in sent), "no rule text"
    assert "Nascida a 12 de maio de 1991" in sent, "no date in words"
    assert "232715483" in sent, "no <data value>"
    assert "sms:+351913627504?body=Werkplaats%20test" in sent, "no sms: link"
    assert "ines\\.msequeira@criticalsoftware\\.com" in sent, "no pattern"
    assert "62-XZ-19" in sent, "no plate"


def test_bezoekersbadge_visitor_leaks_nothing(bezoekersbadge: Recorded):
    check_windows(bezoekersbadge, THE_VISITOR)


def test_bezoekersbadge_address_plate_and_contact_leak_nothing(bezoekersbadge: Recorded):
    check_windows(bezoekersbadge, THE_REST)


def test_bezoekersbadge_keeps_the_site_text(bezoekersbadge: Recorded):
    check_kept(bezoekersbadge, KEPT)


def test_bezoekersbadge_keeps_the_studio_picked(bezoekersbadge: Recorded):
    assert all(value in field_values(bezoekersbadge.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(bezoekersbadge.stored, field)] == []


def test_bezoekersbadge_last_snapshot_keeps_the_labels(bezoekersbadge: Recorded):
    check_kept(last_snapshot(bezoekersbadge), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(bezoekersbadge, redactor_serve):
    check_data_dir(redactor_serve, b"Werkplaats Strijp-S", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the name and the e-mail share her family name
VERSIONS = [{NAME, f'"{NAME}"', EMAIL, "ines\\.msequeira@criticalsoftware\\.com"},
            {"232 715 483", "232715483"}, {"913 627 504", "+351913627504"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "bezoekersbadge.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
