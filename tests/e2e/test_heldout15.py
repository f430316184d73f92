"""The held-out leak hunt, fifteenth round: a Brussels removal company's quote request, in French and Dutch,
recorded by the unmodified rrweb recorder with its default options.

demenagement.html: the visitor corrects her name and her phone with a series of backspaces (the abandoned
digits were sent), types her current address over two lines into the delivery field by mistake, selects it,
cuts it (Ctrl+X) and pastes it (Ctrl+V) into the right field; pastes the delivery address from the clipboard
as a block of three lines (her name, a Ghent street with no street word, postcode and town) into a single
textarea, shown back as is in a white-space: pre-line block; fills an inventory table whose rows a button
adds (a child's given name alone and his date of birth, an aunt's name and French mobile in a row's remark),
then drags the last row to the top (HTML5 drag and drop: the <tr> is moved by insertBefore, rrweb serializes
it again with its inputs' typed values in their value attributes) and a loading-order list repeats each row;
types a Dutch free-text inventory naming her brother with his BSN and Dutch mobile, a Belgian national number
and a date of birth for the parking permit, an IBAN for the deposit, and French remarks naming her partner
with his NIR, a Luxembourg mobile and a German landline. A <pre> recap is written again at every keystroke in
padded columns, the addresses on one line joined with ' / '; a thank-you greets her by given name with her
e-mail.

First run, before any change (f607825): 3 of 9 tests failed, what leaked —
- the child's given name alone in an inventory row's remark, 'chambre de Maxence, né le 14/02/2013': stored as
  typed from 'Maxenc' on, in the field's Input events and in the loading-order <li> that repeats the row
  ('Lits superposés — chambre de Maxence, né le …'; only the date was masked): no rule read a given name alone
  after the noun it owns and 'de';
- the aunt's French mobile in the dragged row's remark, in the loading-order <li> while it was typed ('Commode
  ancienne — pour ma tante ********* ****, *** 6 12 4'), though the field's own Input events were masked: the
  detector had masked her name in the copy, which then no longer held the typed value, so the copy was not
  masked as the keystroke was;
and the data dir the same windows. The site lost its own address, 'Chaussée de Louvain 588, 1030 Schaerbeek',
masked in the first full snapshot. The cut and pasted address, the pasted three-line block (in its pre-line
echo and the padded <pre> recap), the backspace corrections, the moved row's value attributes, the Dutch and
French free text (BSN, NIR, +352 and 0049 numbers) and the thank-you leaked nothing.
Seen in the store but not asserted: at the batch cut inside 'ou chez ses p' of the remarks, the word 'par',
masked there as unsettled, was masked in that batch's loading-order <li> too ('à descendre *** la fenêtre':
the list is written again at every keystroke of any field; _mask_typed_pieces); later snapshots keep it.

After the fixes on branch hunt20, 9 of 9 pass and 1 strict xfail stands for site text lost:
- dd1bca3: a live copy whose other words the detector masked is found where the page wrote it, and the
  keystroke's masking laid over it (redact._mask_copies);
- 9c111b5: a known given name alone after a lower-case noun and 'de', "d'", 'van', 'von', 'of' (or a German
  noun and 'von') is a person where a visitor writes it (content.possessor_named, a visitor shape: the site's
  'Confiture de mirabelles de Lorraine' or "musée d'Art moderne" stays, bench/quality.py unchanged);
- not changed, a strict xfail: the site's address alone at the start of its paragraph, as round 10's.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import keyboard_with_cuts, last_snapshot
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

DEPARTURE = "Rue Haute 214\n1000 Bruxelles"
DELIVERY = "Ysaline Coppieters\nHoogpoort 23 bus 3\n9000 Gent"
INVENTORY = ("25 dozen boeken, 2 kasten en een fiets. Opslag 3 maanden op naam van mijn broer Joost Verhaegen "
             "(BSN 231847609), bereikbaar op 06-41278853.")
NOTES_TEXT = ("Mon compagnon Thibault Marchal (NIR 1 84 06 59 350 112 21) sera présent à Gent ; joignable au "
              "+352 691 204 837 ou chez ses parents, 0049 221 4478219.")
ROWS = [("Piano droit", "Salon · Woonkamer", "à descendre par la fenêtre"),
        ("Lits superposés", "Chambre · Slaapkamer", "chambre de Maxence, né le 14/02/2013"),
        ("Commode ancienne", "Grenier · Zolder", "pour ma tante Godelieve Stas, +33 6 12 47 85 90")]

FORM = [
    Planted("#d-name", "Ysaline Coppieters", "a name corrected with backspaces ('Ysalien' → 'Ysaline'), in the "
            "<pre> recap, the pasted delivery block and the thank-you's given name"),
    Planted("#d-email", "ysa.coppi73@skynet.be", "an e-mail typed across a batch cut, in the recap and the thanks"),
    Planted(None, "0476 38 21 5", "a phone's wrong digits, sent, then deleted with five backspaces"),
    Planted("#d-phone", "0476 38 12 59", "the phone retyped after the backspaces, in the recap"),
    Planted("#d-rrn", "86.09.23-184.25", "a Belgian national number for the parking permit"),
    Planted("#d-bday", "23/09/1986", "a date of birth in a field labelled 'Date de naissance · Geboortedatum'"),
    Planted("#d-iban", "BE20 0634 7182 9556", "a Belgian IBAN for the deposit"),
]
ADDRESSES = [
    Planted(None, DEPARTURE, "an address typed over two lines into the wrong field, cut (Ctrl+X) and pasted "
            "(Ctrl+V) into the right one, in the recap on one line"),
    Planted(None, DELIVERY, "a three-line address block pasted from the clipboard into one textarea, shown back "
            "with its line breaks (pre-line) and in the recap on one line"),
    Planted(None, "Hoogpoort 23 bus 3", "a Ghent street with no street word, with its box number"),
]
TABLE = [
    Planted(None, "Maxence", "a child's given name alone in an inventory row's remark, the row moved, the "
            "loading-order list"),
    Planted(None, "14/02/2013", "his date of birth after 'né le'"),
    Planted(None, "Godelieve Stas", "an aunt's name in the row dragged to the top (its input serialized again)"),
    Planted(None, "+33 6 12 47 85 90", "her French mobile in the same row"),
]
FREE_TEXT = [
    Planted(None, "Joost Verhaegen", "a brother's name in the Dutch free-text inventory"),
    Planted(None, "231847609", "his BSN after 'BSN'"),
    Planted(None, "06-41278853", "his Dutch mobile written 2-8 with a dash"),
    Planted(None, "Thibault Marchal", "a partner's name in the French remarks"),
    Planted(None, "1 84 06 59 350 112 21", "his French NIR written in groups after 'NIR'"),
    Planted(None, "+352 691 204 837", "a Luxembourg mobile"),
    Planted(None, "0049 221 4478219", "a German landline written with 0049"),
]
KEPT = ["Déménagements Lambrechts · Verhuizingen Lambrechts",
        "Monte-meubles avec opérateur (3 h) — 165 €", "Formule Confort : emballage et déballage compris",
        "Garde-meubles Vilvoorde — 38 € le m³ par mois", "Ordre de chargement · Laadvolgorde",
        "Numéro de registre national · Rijksregisternummer", "Devis estimatif : 1 240 € TVAC",
        "Votre devis n° DL-2026-0417",
        # what the visitor wrote that is nobody's data
        "à descendre par la fenêtre", "Lits superposés", "Commode ancienne", "25 dozen boeken, 2 kasten en een fiets"]
#: the site's own address alone in its paragraph, masked failing closed (see the strict xfail below)
SITE_ADDRESS = ["Chaussée de Louvain 588, 1030 Schaerbeek"]
#: labels read in the last full snapshot, once everything is typed
LABELS = ["Adresse actuelle · Huidig adres", "Adresse de livraison · Leveradres", "Remarque · Opmerking",
          "Autorisation de stationnement · Parkeerverbod", "Acompte · Voorschot (30 %)"]


def backspaces(page: Any, count: int) -> None:
    for _ in range(count):
        page.keyboard.press("Backspace", delay=20)


@pytest.fixture(scope="module")
def demenagement(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        recording.type("#d-name", "Ysalien", delay=SLOW_MS)
        backspaces(page, 2)
        page.keyboard.type("ne Coppieters", delay=SLOW_MS)
        type_with_cuts(recording, "#d-email", ["ysa.copp", "i73@skynet.be"])
        recording.type("#d-phone", "0476 38 21 5", delay=SLOW_MS)
        cut(page)
        backspaces(page, 5)
        page.keyboard.type(" 12 59", delay=SLOW_MS)
        # the current address typed into the delivery field, then moved by cut and paste
        type_with_cuts(recording, "#d-to", ["Rue Haute 2", "14\n1000 Bruxelles"])
        page.keyboard.press("Control+a")
        page.keyboard.press("Control+x")
        page.click("#d-from")
        page.keyboard.press("Control+v")
        assert page.input_value("#d-from") == DEPARTURE and page.input_value("#d-to") == ""
        page.select_option("#d-from-floor", "4")
        # the delivery address copied from an e-mail, pasted as one block
        page.evaluate("text => navigator.clipboard.writeText(text)", DELIVERY)
        page.click("#d-to")
        page.keyboard.press("Control+v")
        assert page.input_value("#d-to") == DELIVERY
        page.select_option("#d-to-floor", "2")
        cut(page)
        for index, (what, room, note) in enumerate(ROWS):
            page.click("#d-add")
            row = f"#d-row-{index + 1}"
            recording.type(f"{row} .what", what, delay=SLOW_MS)
            page.select_option(f"{row} .room", room)
            recording.type(f"{row} .note", note, delay=SLOW_MS)
        cut(page)
        page.drag_and_drop("#d-row-3 .grip", "#d-row-1 .grip")
        assert page.eval_on_selector("#d-items tbody", "b => b.rows[0].id") == "d-row-3", "the row was not moved"
        type_with_cuts(recording, "#d-inventory", split_inside(INVENTORY, "Joost Verh", "BSN 2318", "06-412"))
        recording.type("#d-rrn", "86.09.23-184.25", delay=SLOW_MS)
        recording.type("#d-bday", "23/09/1986", delay=SLOW_MS)
        recording.type("#d-iban", "BE20 0634 7182 9556", delay=SLOW_MS)
        page.click("#d-notes")
        keyboard_with_cuts(page, split_inside(NOTES_TEXT, "Thibault Mar", "NIR 1 84 06", "+352 691", "0049 22"))
        cut(page)
        page.click("#d-send")
        page.wait_for_function("!document.getElementById('d-done').hidden")
        recording.snapshot()

    return record("demenagement.html", "heldout15-demenagement", script)


def test_demenagement_page_did_what_the_round_stands_on(demenagement: Recorded):
    """The cut address arrived whole in the right field, the pasted block kept its line breaks in a text node,
    the dragged row was added again with its inputs' typed values in their value attributes."""
    inputs = [event["data"] for event in demenagement.sent if event.get("type") == 3
              and event["data"].get("source") == 5]
    assert any(data.get("text") == DEPARTURE for data in inputs), "the cut address was not pasted whole"
    assert any(data.get("text") == DELIVERY for data in inputs), "the address block was not pasted whole"
    adds = [add for event in demenagement.sent if event.get("type") == 3 and event["data"].get("source") == 0
            for add in event["data"].get("adds", [])]
    assert any(add["node"].get("textContent") == DELIVERY for add in adds), "the block was not shown with its lines"
    values = [add["node"].get("attributes", {}).get("value") for add in adds if add["node"].get("tagName") == "input"]
    assert ROWS[2][2] in values, "the dragged row's remark was not serialized again"


def test_demenagement_form_values_leak_nothing(demenagement: Recorded):
    check_windows(demenagement, FORM)


def test_demenagement_addresses_cut_and_pasted_leak_nothing(demenagement: Recorded):
    check_windows(demenagement, ADDRESSES)


def test_demenagement_inventory_rows_moved_leak_nothing(demenagement: Recorded):
    check_windows(demenagement, TABLE)


def test_demenagement_free_text_leaks_nothing(demenagement: Recorded):
    check_windows(demenagement, FREE_TEXT)


def test_demenagement_keeps_the_site_text(demenagement: Recorded):
    check_kept(demenagement, KEPT)


@pytest.mark.xfail(strict=True, reason="the site's address stands alone at the start of its paragraph ('Chaussée de "
                   "Louvain 588, 1030 Schaerbeek — déménagements, …'): nothing on its line before it names the shop "
                   "(names.is_site_address reads what comes before), and a server-rendered page shows a visitor's "
                   "own address the same way, so it stays masked, failing closed, as round 10's 'aan de "
                   "Scheldekaai 14'")
def test_demenagement_keeps_the_sites_own_address(demenagement: Recorded):
    check_kept(demenagement, SITE_ADDRESS)


def test_demenagement_last_snapshot_keeps_the_labels(demenagement: Recorded):
    check_kept(last_snapshot(demenagement), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*FORM, *ADDRESSES, *TABLE, *FREE_TEXT]


#: the data dir holds every recording of the test process's server: the town of the departure address is the
#: site text of other rounds' pages there ("— Bruxelles, CDI" in apply.html, "Brussel/Bruxelles" in telecom.html),
#: so its street and postcode are checked there, the whole address in this session's events (check_windows)
ON_DISK = [Planted(None, DEPARTURE.removesuffix(" Bruxelles"), ADDRESSES[0].what) if item is ADDRESSES[0] else item
           for item in ALL_PLANTED]


def test_no_file_under_the_data_dir_holds_a_planted_value(demenagement, redactor_serve):
    check_data_dir(redactor_serve, b"Lambrechts", ON_DISK)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{"0476 38 21 5", "0476 38 12 59"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    site_text = [*KEPT, *SITE_ADDRESS, *LABELS, *(note for row in ROWS for note in row if "Maxence" not in note
                                   and "Stas" not in note), (PAGES / "demenagement.html").read_text()]
    check_no_shared_window(ALL_PLANTED, site_text, VERSIONS)
