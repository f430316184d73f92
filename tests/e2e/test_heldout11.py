"""The held-out leak hunt, eleventh round: a youth football club in Eupen signs its players up for a
Whitsun tournament trip, in German, recorded by the unmodified rrweb recorder.

pfingstturnier.html: an editable grid — a <table> whose cells are contenteditable <td>s, a row added with
insertRow, the column's <th> the only label (Vorname, Nachname, Geburtsdatum, Nationalregisternummer,
Unverträglichkeiten / Hinweise) — where the visitor types three children cell by cell: given names alone in a cell
('Lennert', 'Yara', 'Mats'), family names with an umlaut and a hyphen, dates of birth written three ways
('12.03.2015', '28-5-15', '3. Juni 2014'), a Belgian national number with dots and a dash and another
without; the team told back as given name and initial ('Lennert S., Yara B., Mats H.'), the shirt print in
capitals through innerHTML, a CSV for the coach company (semicolons) set by script into a read-only
textarea and percent-encoded into a data: link whose download attribute carries the first family name
without umlauts ('spielerliste_Schroeder-Kessel.csv'); a parent with an Eupen landline written with a
slash ('087/55 34 21'), a driver and a Belgian number plate ('1-KMR-482') told back in a "Parkausweis"
line; a German remarks textarea naming a grandmother with her landline, a German mobile ('0151 28 49 73
60') and a German plate ('AC-LH 719').

First run, before any change: 6 of 8 tests failed (the site text was kept), what leaked —
- the grid's cells: the text typed into a contenteditable <td> was stored as typed, in the mutations and in
  the last full snapshot ('Yara', 'Bützenich', '28-5-15', '15052816409', 'Havenith', '3. Juni 2014'; of the
  first row only the family name and the national number were masked, 'Lennert' and '12.03.2015' stayed);
- everything the page made of the cells: the team line 'Angemeldet (3): Lennert S., Yara B., Mats H.', the
  shirt print 'SCHRÖDER-KESSEL', 'BÜTZENICH', 'HAVENITH', the CSV in the read-only textarea
  ('Vorname;Nachname;Geburtsdatum;NRN\nLennert;Schröder-Kessel;…', its prefixes at each keystroke), the same
  CSV percent-encoded in the data: link's href, and the download attribute 'spielerliste_Schroeder-Kessel.csv';
- in the remarks: 'Mats' at the start ('Mats verträgt keine Nüsse, …'; the grandmother, her landline and the
  German mobile were masked) and the German plate 'AC-LH 719';
and the data dir held the same windows. The parent's fields, the Belgian plate in the field labelled
'Kennzeichen' and the 'Parkausweis' line leaked nothing (the parent's test failed only on windows its name
shares with the child's family name).

After the fixes on branch hunt12, 8 of 8 pass:
- d1d7519, 644cf74: a grid form's cell is named by the <th> heading its column (the <thead>'s first row,
  or a first row all of <th>), for a contenteditable <td> and a bare <input> in a <td>: the cells are masked
  whole by their column's meaning and tainted, and with the taint every copy the page made of them goes (the
  team line, the shirt print, the CSV in the textarea and in the data: link, 'Mats' in the remarks); a
  heading over several columns names each;
- d888066: a value with umlauts taints its spelling without them ('Schroeder-Kessel' in the download name);
- fc848b7: a German plate (district, letters, number) beside a word for the car ('Wagen', 'Auto', 'voiture');
- 33868c7: a German plate's letters at the end of a typed value, settled by the space before its number
  ('… Wagen (AC-LH '), wait for it (a batch cut there stored 'AC-LH ').
Rounds 1-10 still pass run together with this one in the glob's order (109 passed, their 3 strict xfails
unchanged). Run with round 8 before round 10 (files named in number order), round 10's data-dir check fails
on main as well: round 8's site text 'Nom de famille de l'enfant' holds 'lle de', a window of round 10's
'Calle de Embajadores …'; this page's text holds no window of another round's planted values.
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


def cell(row: int, column: str) -> str:
    return f"#pt-players tbody tr:nth-child({row}) td[data-col={column}]"


#: (row, column, pieces): what is typed into the grid, a batch cut inside each value
GRID = [
    (1, "vorname", ["Lenn", "ert"]), (1, "nachname", ["Schröder-Ke", "ssel"]), (1, "geburt", ["12.03.", "2015"]),
    (1, "nrn", ["15.03.12-38", "7.26"]),
    (2, "vorname", ["Ya", "ra"]), (2, "nachname", ["Bütze", "nich"]), (2, "geburt", ["28-5", "-15"]),
    (2, "nrn", ["150528", "16409"]),
    (3, "vorname", ["Ma", "ts"]), (3, "nachname", ["Haven", "ith"]), (3, "geburt", ["3. Juni", " 2014"]),
    (3, "hinweise", ["Erdnüsse, Kiwi"]),
]
PLAYERS = [
    Planted(cell(1, "vorname"), "Lennert", "a given name alone in a contenteditable <td> under <th>Vorname</th>"),
    Planted(cell(1, "nachname"), "Schröder-Kessel", "a family name with an umlaut and a hyphen in a <td>"),
    Planted(cell(1, "geburt"), "12.03.2015", "a date of birth with dots in a <td> under <th>Geburtsdatum</th>"),
    Planted(cell(1, "nrn"), "15.03.12-387.26", "a Belgian national number with dots and a dash in a <td>"),
    Planted(cell(2, "vorname"), "Yara", "a short given name alone in a <td>"),
    Planted(cell(2, "nachname"), "Bützenich", "a family name in a <td>"),
    Planted(cell(2, "geburt"), "28-5-15", "a date of birth written 'd-m-yy' in a <td>"),
    Planted(cell(2, "nrn"), "15052816409", "a national number typed without separators in a <td>"),
    Planted(cell(3, "vorname"), "Mats", "a short given name alone in a <td>, then in the remarks"),
    Planted(cell(3, "nachname"), "Havenith", "a family name in a <td>"),
    Planted(cell(3, "geburt"), "3. Juni 2014", "a date of birth in German words in a <td>"),
]
ECHOES = [
    Planted(None, "Yara B.", "the team line: given name and the family name's initial"),
    Planted(None, "Mats H.", "the team line: given name and the family name's initial"),
    Planted(None, "SCHRÖDER-KESSEL", "the shirt print in capitals (innerHTML)"),
    Planted(None, "BÜTZENICH", "the shirt print in capitals"),
    Planted(None, "HAVENITH", "the shirt print in capitals"),
    Planted(None, "Schroeder-Kessel", "the family name without umlauts in the link's download attribute"),
]
PARENT = [
    Planted("#pt-parent", "Heike Schröder-Kessel", "the parent's name"),
    Planted("#pt-phone", "087/55 34 21", "an Eupen landline written with a slash"),
    Planted("#pt-email", "hkessel73@skynet.be", "the parent's e-mail"),
    Planted("#pt-driver", "Dirk Lamberty", "the driver's name, told back in the Parkausweis line"),
    Planted("#pt-plate", "1-KMR-482", "a Belgian number plate, told back in the Parkausweis line"),
]
NOTES = ("Mats verträgt keine Nüsse, das Notfallset ist im Rucksack. Abholung am Sonntag durch seine Oma "
         "Gertrud Klinkhammer, Tel. 087/74 19 58, oder durch meinen Schwager unter 0151 28 49 73 60. "
         "Der zweite Wagen (AC-LH 719) fährt ab Kettenis.")
NOTES_PLANTED = [
    Planted(None, "Gertrud Klinkhammer", "the grandmother's name in the remarks"),
    Planted(None, "087/74 19 58", "her landline written with a slash"),
    Planted(None, "0151 28 49 73 60", "a German mobile in the remarks"),
    Planted(None, "AC-LH 719", "a German number plate in the remarks"),
]
KEPT = ["JSV Weserbogen", "Pfingstturnier der U10 in Maastricht", "Spielerliste",
        "Bitte jede Zeile direkt in der Tabelle ausfüllen, ein Kind pro Zeile.", "Trikotdruck",
        "Erziehungsberechtigte Person", "Fahrgemeinschaft", "Liste für das Busunternehmen",
        "Als CSV herunterladen", "Danke! Die Anmeldung PT-2291 ist eingegangen.",
        "Fragen zur Fahrt beantwortet der Jugendvorstand jeden Dienstag nach dem Training."]


def type_into_cell(recording: Recording, selector: str, pieces: list[str]) -> None:
    """Clicks the cell and types the pieces as keystrokes, ending a batch between each two."""
    recording.page.click(selector)
    for index, piece in enumerate(pieces):
        if index:
            cut(recording.page)
        recording.page.keyboard.type(piece, delay=SLOW_MS)


@pytest.fixture(scope="module")
def pfingstturnier(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        for row, column, pieces in GRID:
            if row > page.locator("#pt-players tbody tr").count():
                page.click("#pt-add")
            type_into_cell(recording, cell(row, column), pieces)
        cut(page)
        type_with_cuts(recording, "#pt-parent", ["Heike Schrö", "der-Kessel"])
        type_with_cuts(recording, "#pt-phone", ["087/55", " 34 21"])
        type_with_cuts(recording, "#pt-email", ["hkessel", "73@skynet.be"])
        type_with_cuts(recording, "#pt-driver", ["Dirk Lam", "berty"])
        type_with_cuts(recording, "#pt-plate", ["1-KM", "R-482"])
        type_with_cuts(recording, "#pt-notes", split_inside(NOTES, "Gertrud Klink", "087/74", "0151 28", "(AC-L"))
        cut(page)
        page.click("#pt-send")
        page.wait_for_timeout(300)
        recording.snapshot()

    return record("pfingstturnier.html", "heldout11-pfingstturnier", script)


def test_pfingstturnier_grid_leaks_nothing(pfingstturnier: Recorded):
    check_windows(pfingstturnier, PLAYERS)


def test_pfingstturnier_echoes_leak_nothing(pfingstturnier: Recorded):
    sent = texts(pfingstturnier.sent)
    assert any("Angemeldet (3): Lennert S., Yara B., Mats H." in text for text in sent), "the team line never came"
    assert "spielerliste_Schroeder-Kessel.csv" in sent, "the download attribute never carried the name"
    check_windows(pfingstturnier, ECHOES)


def test_pfingstturnier_parent_and_car_leak_nothing(pfingstturnier: Recorded):
    assert any("Parkausweis für 1-KMR-482 — Dirk Lamberty" in text for text in texts(pfingstturnier.sent))
    check_windows(pfingstturnier, PARENT)


def test_pfingstturnier_remarks_leak_nothing(pfingstturnier: Recorded):
    assert NOTES in texts(pfingstturnier.sent), "the remarks were never sent whole"
    check_windows(pfingstturnier, NOTES_PLANTED)


def test_pfingstturnier_keeps_the_site_text(pfingstturnier: Recorded):
    check_kept(pfingstturnier, KEPT)


def test_percent_encoded_csv_leaks_nothing(pfingstturnier: Recorded):
    assert any(text.startswith("data:text/csv") for text in texts(pfingstturnier.sent)), "no data: link was sent"
    check_decoded_windows(pfingstturnier, [*PLAYERS, *ECHOES])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*PLAYERS, *ECHOES, *PARENT, *NOTES_PLANTED]


def test_no_file_under_the_data_dir_holds_a_planted_value(pfingstturnier, redactor_serve):
    check_data_dir(redactor_serve, b"Trikotdruck", [item for item in ALL_PLANTED if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [
    {"Schröder-Kessel", "Heike Schröder-Kessel", "SCHRÖDER-KESSEL", "Schroeder-Kessel"},
    {"Yara", "Yara B."}, {"Mats", "Mats H."},
]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, (PAGES / "pfingstturnier.html").read_text()], VERSIONS)
