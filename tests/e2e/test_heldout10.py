"""The held-out leak hunt, tenth round: an Antwerp bike rental's group booking for a Spanish family,
recorded by the unmodified rrweb recorder.

fietsverhuur.html: a rider list that a keyed re-render keeps sorted by family name (each rider's <li> is
reused and moved with insertBefore, its text node edited in place, written "FAMILY NAMES, Given name" as
on a ticket: 'ÑÚÑEZ ECHEVERRÍA, José'), names with Spanish letters and two family names, a placeholder
that repeats the typed name ('bv. José …'), a Belgian mobile written with dots ('0478.31.62.07'), an
e-mail with a plus tag told back in an <output>, a Madrid address with a floor ('4º izq.'), a Spanish
NIE asked as deposit, an ES IBAN typed in lower case without spaces and put upper-cased into a hidden
input's value attribute by setAttribute, a remarks box that is contenteditable="plaintext-only" naming
the daughter with her date of birth written with dots and the brother-in-law with his +34 mobile, and a
<dialog> confirming the booking with the name and phone.

First run, before any change: 3 of 7 tests failed, what leaked —
- the rider list's ticket form while the family names were typed: '***** ECHEV, ****' … '***** ECHEVERRÍ, ****'
  (a text node edited in place at each keystroke; the given name, the first family name and the whole
  second one, once typed, were masked);
and the data dir held the same windows. The site's brand in the title and the heading lost its second word,
'Fietsverhuur ***********', and the pick-up sentence 'aan de Scheldekaai 14' was masked: the site's own
address in its text, read as a postal address, tainted its street word for the whole session. The moved
<li>s, the placeholder, the <output>, the hidden input's value attribute, the dotted phone, the lower-case
IBAN, the plaintext-only remarks and the <dialog> leaked nothing.

After the fixes on branch hunt11 (682e64e: a word of a script's text is looked for in what is being typed
whatever its case; 4517e28: an address found in a page's text taints the session whole, not word by word, so
the site's street no longer masks its brand): 7 of 8 pass; the site's own pick-up address ('aan de
Scheldekaai 14', a street and a number in a text) stays masked where it stands, split out of the kept text
into a strict xfail: nothing tells a shop's address from a visitor's there, and masking it is failing closed.
Rounds 1-9 all pass with these fixes (round 7's 'Tussenvoegsel' check among them).
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout7 import check_decoded_windows
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


RIDERS = [
    Planted("#fv-rider-1", "José Ñúñez Echeverría", "a rider typed in the keyed list, shown 'ÑÚÑEZ ECHEVERRÍA, "
            "José' in a moved <li>"),
    Planted("#fv-rider-2", "María Ortega Ruiz", "a second rider, sorted before the first (her <li> moved)"),
    Planted("#fv-rider-3", "Lucía Ñúñez Ortega", "a child rider on a kinderfiets"),
    Planted(None, "ÑÚÑEZ ECHEVERRÍA", "the family names in capitals in the rider list"),
    Planted(None, "ORTEGA RUIZ, María", "the ticket form, family names first"),
]
BOOKER = [
    Planted("#fv-name", "José Ñúñez Echeverría", "the main booker's name, repeated in a placeholder and the dialog"),
    Planted("#fv-email", "jose.nunez+alquiler@gmail.com", "an e-mail with a plus tag, told back in an <output>"),
    Planted("#fv-phone", "0478.31.62.07", "a Belgian mobile written with dots, in the <dialog>"),
    Planted("#fv-address", "Calle de Embajadores 57, 4º izq., 28012 Madrid", "a Madrid address with a floor"),
    Planted("#fv-nie", "Y4829163T", "a Spanish NIE asked as deposit"),
    Planted("#fv-holder", "María Ortega Ruiz", "the account holder"),
    Planted("#fv-iban", "es4801825322170201504281", "an ES IBAN typed in lower case without spaces"),
    Planted(None, "ES4801825322170201504281", "the IBAN upper-cased into a hidden input's value attribute"),
]
NOTES = ("Lucía is 8 jaar (geboren 17.06.2017) en rijdt op een kinderfiets met zijwieltjes. Bij pech graag "
         "mijn zwager bellen: Íñigo Goikoetxea, +34 688 21 94 30.")
NOTES_PLANTED = [
    Planted(None, "Lucía", "the daughter's given name alone at the start of the remarks"),
    Planted(None, "17.06.2017", "her date of birth written with dots"),
    Planted(None, "Íñigo Goikoetxea", "the brother-in-law's name in a plaintext-only contenteditable"),
    Planted(None, "+34 688 21 94 30", "his Spanish mobile"),
]
KEPT = ["Fietsverhuur Scheldekaai", "Wie rijdt er mee?", "De lijst staat op familienaam.",
        "+ fietser toevoegen", "Hoofdboeker", "IBAN voor de terugstorting van de waarborg", "Rekening in Spanje",
        "Opmerkingen voor de fietsenmaker", "Boeking bevestigen", "Klopt alles?",
        "Bedankt! Je boeking FV-4471 is bevestigd.", "en rijdt op een kinderfiets met zijwieltjes."]
#: the site's own address in its text: a street and a number, read as a postal address wherever it stands
KEPT_ADDRESS = ["Ophalen en terugbrengen aan de Scheldekaai 14, tussen 9 en 19 uur. Helm en slot zijn inbegrepen."]


@pytest.fixture(scope="module")
def fietsverhuur(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#fv-rider-1", ["José Ñúñez Eche", "verría"])
        page.click("#fv-add")
        type_with_cuts(recording, "#fv-rider-2", ["María Orte", "ga Ruiz"])
        page.click("#fv-add")
        type_with_cuts(recording, "#fv-rider-3", ["Lucía Ñúñ", "ez Ortega"])
        page.select_option("#fv-bike-3", "kinderfiets")
        type_with_cuts(recording, "#fv-name", ["José Ñúñez Ech", "everría"])
        type_with_cuts(recording, "#fv-email", ["jose.nunez+alq", "uiler@gmail.com"])
        type_with_cuts(recording, "#fv-phone", ["0478.31", ".62.07"])
        type_with_cuts(recording, "#fv-address", ["Calle de Embaja", "dores 57, 4º izq., 28012 Madrid"])
        type_with_cuts(recording, "#fv-nie", ["Y4829", "163T"])
        type_with_cuts(recording, "#fv-holder", ["María Ort", "ega Ruiz"])
        type_with_cuts(recording, "#fv-iban", ["es48018253", "22170201504281"])
        page.click("#fv-notes")
        for index, piece in enumerate(split_inside(NOTES, "geboren 17.06", "Íñigo Goiko", "+34 688 2")):
            if index:
                cut(page)
            page.keyboard.type(piece, delay=SLOW_MS)
        cut(page)
        page.click("#fv-book")
        page.click("#fv-ok")
        page.wait_for_timeout(300)
        recording.snapshot()

    return record("fietsverhuur.html", "heldout10-fietsverhuur", script)


def test_fietsverhuur_rider_list_leaks_nothing(fietsverhuur: Recorded):
    sent = texts(fietsverhuur.sent)
    assert "ÑÚÑEZ ECHEVERRÍA, José" in sent, "the rider list was never rendered"
    check_windows(fietsverhuur, RIDERS)


def test_fietsverhuur_booker_leaks_nothing(fietsverhuur: Recorded):
    sent = texts(fietsverhuur.sent)
    assert "Bevestiging gaat naar jose.nunez+alquiler@gmail.com" in sent, "the <output> never told it back"
    assert "bv. José Ñúñez Echeverría" in sent, "the placeholder never repeated the name"
    check_windows(fietsverhuur, BOOKER)


def test_fietsverhuur_remarks_leak_nothing(fietsverhuur: Recorded):
    assert any(NOTES in text for text in texts(fietsverhuur.sent)), "the remarks were never sent whole"
    check_windows(fietsverhuur, NOTES_PLANTED)


def test_fietsverhuur_keeps_the_site_text(fietsverhuur: Recorded):
    check_kept(fietsverhuur, KEPT)


@pytest.mark.xfail(strict=True, reason=(
    "the site's pick-up address 'aan de Scheldekaai 14' is a street and a house number in a text, masked as a "
    "postal address (fail closed: nothing tells a shop's address from a visitor's in a page's text)"))
def test_fietsverhuur_keeps_its_own_address(fietsverhuur: Recorded):
    check_kept(fietsverhuur, KEPT_ADDRESS)


def test_percent_encoded_echoes_leak_nothing(fietsverhuur: Recorded):
    check_decoded_windows(fietsverhuur, [*RIDERS, *BOOKER, *NOTES_PLANTED])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*RIDERS, *BOOKER, *NOTES_PLANTED]


def test_no_file_under_the_data_dir_holds_a_planted_value(fietsverhuur, redactor_serve):
    check_data_dir(redactor_serve, b"Hoofdboeker", [item for item in ALL_PLANTED if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [
    {"José Ñúñez Echeverría", "ÑÚÑEZ ECHEVERRÍA", "Lucía Ñúñez Ortega", "María Ortega Ruiz", "ORTEGA RUIZ, María",
     "Lucía"},
    {"es4801825322170201504281", "ES4801825322170201504281"},
]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *KEPT_ADDRESS, NOTES.split("Lucía is")[0], (PAGES / "fietsverhuur.html").read_text()],
                           VERSIONS)
