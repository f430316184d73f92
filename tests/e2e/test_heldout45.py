"""The held-out leak hunt, forty-fifth round: a Luxembourg insurer's car-accident claim (Mosella Assurances'
Schadenmeldung Kfz, the constat amiable), in German with French and Portuguese lines, filled by a Portuguese-born
driver living in Esch-sur-Alzette, the other driver Polish, recorded by the unmodified rrweb recorder with its
default options.

unfallbericht.html: the car model typed into a field with a <datalist> of the site's models ('Peugeot 308 SW'), the
partner garage picked in a <select> ('Garage Kremer Differdange'); the Luxembourg plate typed in lower case and shown
back upper-cased in an <output> ('RT 3895'); the driver's Portuguese name with two family names ('João Pedro Carvalho
Antunes') put into the signature <canvas>' aria-label; a date of birth with dots; a Luxembourg matricule typed bare
('1984051726383', its Luhn and Verhoeff digits right); a Portuguese NIF grouped in threes ('257 318 461', its mod 11
check right); a Luxembourg address with the number first ('12, rue du Brill, L-4041 Esch-sur-Alzette'); a +352
mobile; an e-mail; a German IBAN grouped; the other driver typed into a table row a button adds (the <th> its only
label): a Polish name ('Krzysztof Zieliński'), a +48 mobile, a Polish plate ('PO 8K427'), a PESEL ('79082305718');
a witness's name and a bare Luxembourg mobile typed into a Web Component's open shadow root; the injuries told in a
textarea (whiplash, a bruised knee, a painkiller); a summary written into an <iframe srcdoc> with both plates and
names; each typed value with a batch cut inside it. The site's text that must stay: the insurer's name, the French and
Portuguese lines, the help text, the car model typed and the garage picked, the labels.

First run (effcce93, 2026-12-07, written before reading the detection code): no leak. Every planted value held: the
plate in its field, the <output> and the srcdoc, the name in the canvas' aria-label (dropped with its role) and the
srcdoc (the iframe's document stored as 'Unfall zwischen ** **** (**** ***** ******** *******) und ** ***** (*********
*********).', the srcdoc attribute emptied), the matricule, the NIF, the address, the phones, the e-mail, the IBAN, the
other driver's row, the witness in the shadow root, the injuries (the textarea masked whole). Masked that is the
site's: the car model typed from the page's own <datalist> ('Peugeot 308 SW') stored as 'Peugeot *** **' in its input
events and its value in both later snapshots; the <output>'s own words with the plate ('Kennzeichen A: —' stored as
'*********** ** *' from the first snapshot on: an <output> is read as a value, by design).
The car model: a value typed whole that is an entry of its field's <datalist> is the site's, picked from its
suggestions, not a word the batch cut (the trailing fragment); the mirror keeps digests of the lists' entries, in memory
only: a4083289 (DomMirror.listed_entry, SeriesSlot). 3 of 3 pass since.
Probed beside the page (a free-text field, one sentence each, in German, French, Portuguese and Polish): both plates
after 'Kennzeichen'/'des Gegners', the other driver's name, PESEL and +48 mobile in French, the NIF and the matricule
grouped in Portuguese, a glued German IBAN with the holder, whiplash and a bruised knee in French with a doctor, a
witness with a bare Luxembourg mobile and a street, a Porto address with its floor, a Polish plate after
'Kennzeichen' with a '0048' number, a child's concussion, a Luxembourg landline in pairs, the matricule and a
'PT'-prefixed NIF: masked on main already. A Polish plate after Polish's short form of its word ('nr rej. PO 8K427',
'nr rejestracyjny WGM 4F52') was stored: 8e530bae (rules/recognizers.yaml plate_words).
Left open: a model typed from the list with a batch cut inside its last words ('Volkswagen Golf Va' | 'riant') is read
as a name in the cut value and tainted, so the whole entry stays masked ('Volkswagen **** *******'); the keystrokes
of an entry before the batch cut stay masked ('Peugeot *'); the <output>'s own words are masked with the plate; the
canvas' aria-label and role are dropped (the site's 'Unterschrift' with them) and the srcdoc attribute is emptied
(the iframe's document keeps the site's 'Noch keine Angaben.').
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, send_between_snapshots, \
    type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

NAME = "João Pedro Carvalho Antunes"
PLATE, PLATE_B = "RT 3895", "PO 8K427"
INJURY = ("Seit dem Unfall habe ich starke Nackenschmerzen. In der Notaufnahme wurde ein Schleudertrauma "
          "festgestellt, dazu eine Prellung am linken Knie. Ich nehme Ibuprofen 600.")
MODEL, GARAGE = "Peugeot 308 SW", "Garage Kremer Differdange"

PLANTED = [
    Planted("#kennzeichen", PLATE, "a Luxembourg plate typed in lower case, shown upper-cased in an <output> and in "
            "the <iframe srcdoc>", raw=True),
    Planted("#name", NAME, "a Portuguese name with two family names, in the canvas' aria-label and the srcdoc"),
    Planted("#geburt", "17.05.1984", "a date of birth with dots"),
    Planted("#matrikel", "1984051726383", "a Luxembourg matricule typed bare"),
    Planted("#nif", "257 318 461", "a Portuguese NIF grouped in threes"),
    Planted("#adresse", "12, rue du Brill, L-4041 Esch-sur-Alzette", "a Luxembourg address, number first"),
    Planted("#telefon", "+352 621 487 390", "a +352 mobile"),
    Planted("#email", "jp.carvalho.antunes@pt.lu", "an e-mail"),
    Planted("#iban", "DE42 5001 0517 5319 2478 03", "a German IBAN grouped"),
    Planted("#b-name", "Krzysztof Zieliński", "the other driver's Polish name in a row a button adds"),
    Planted("#b-telefon", "+48 601 372 845", "a +48 mobile in the row"),
    Planted("#b-kennzeichen", PLATE_B, "a Polish plate in the row, and in the srcdoc"),
    Planted("#b-pesel", "79082305718", "a PESEL in the row under 'PESEL / Ausweisnummer'"),
    Planted(None, "Nadine Feltgen", "a witness's name in a shadow root's input"),
    Planted(None, "691 284 573", "a bare Luxembourg mobile after the witness's name"),
    Planted(None, "Nackenschmerzen", "neck pain in the injuries' textarea"),
    Planted(None, "Schleudertrauma", "whiplash in the injuries' textarea"),
    Planted(None, "Prellung am linken Knie", "a bruised knee in the injuries' textarea"),
    Planted(None, "Ibuprofen 600", "a painkiller in the injuries' textarea"),
]
KEPT = ["Mosella Assurances Luxembourg — Schadenmeldung Kfz",
        "Constat amiable d'accident automobile — version luxembourgeoise.",
        "Também o atendemos em português, de segunda a sexta.",
        "Melden Sie den Schaden innerhalb von acht Tagen. Unsere Schadenabteilung in Strassen hilft Ihnen gern.",
        "Mosella Assurances Luxembourg S.A. · Schadenabteilung · Strassen",
        "Danke! Ihre Schadenmeldung ist bei uns eingegangen."]
TYPED_KEPT = {"modell": MODEL, "werkstatt": GARAGE}
LABELS = ["Ihr Fahrzeug (Fahrzeug A)", "Marke und Modell", "Kennzeichen (Luxemburg)", "Partnerwerkstatt",
          "Garage Kremer Differdange", "Carrosserie Weber & Fils Mersch", "Autohaus Moselle Grevenmacher",
          "Versicherungsnehmer und Fahrer", "Vorname und Name", "Geburtsdatum", "Matrikelnummer (13 Ziffern, CNS)",
          "NIF (portugiesische Steuernummer)", "Adresse", "Telefon", "E-Mail", "IBAN für die Auszahlung",
          "Fahrzeug B (Unfallgegner)", "Name des Fahrers", "PESEL / Ausweisnummer", "Fahrer B hinzufügen", "Zeugen",
          "Zeuge (Name und Telefon)", "Verletzungen", "Wurde jemand verletzt? Beschreiben Sie die Verletzungen.",
          "Unterschreiben Sie mit der Maus oder dem Finger im Feld.", "Zusammenfassung anzeigen",
          "Schadenmeldung absenden"]


@pytest.fixture(scope="module")
def unfall(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#modell", ["Peugeot 3", "08 SW"], delay=10)
        page.select_option("#werkstatt", GARAGE)
        type_with_cuts(recording, "#kennzeichen", ["rt 38", "95"], delay=10)
        type_with_cuts(recording, "#name", ["João Pedro Carv", "alho Antunes"], delay=10)
        page.locator("#name").blur()
        type_with_cuts(recording, "#geburt", ["17.05.", "1984"], delay=10)
        type_with_cuts(recording, "#matrikel", ["1984051", "726383"], delay=10)
        type_with_cuts(recording, "#nif", ["257 31", "8 461"], delay=10)
        type_with_cuts(recording, "#adresse", ["12, rue du Br", "ill, L-4041 Esch-sur-Alzette"], delay=10)
        type_with_cuts(recording, "#telefon", ["+352 621 4", "87 390"], delay=10)
        type_with_cuts(recording, "#email", ["jp.carvalho.an", "tunes@pt.lu"], delay=10)
        type_with_cuts(recording, "#iban", ["DE42 5001 05", "17 5319 2478 03"], delay=10)
        page.click("#plus-b")
        type_with_cuts(recording, "#b-name", ["Krzysztof Zieli", "ński"], delay=10)
        type_with_cuts(recording, "#b-telefon", ["+48 601 3", "72 845"], delay=10)
        type_with_cuts(recording, "#b-kennzeichen", ["PO 8K", "427"], delay=10)
        type_with_cuts(recording, "#b-pesel", ["790823", "05718"], delay=10)
        type_with_cuts(recording, "zeugen-feld input", ["Nadine Felt", "gen 691 28", "4 573"], delay=10)
        type_with_cuts(recording, "#verletzung", split_inside(INJURY, "Nackensch", "Schleudert", "Prellung am li",
                                                              "Ibupro"), delay=5)
        box = page.locator("#unterschrift").bounding_box()
        page.mouse.move(box["x"] + 20, box["y"] + 60)
        page.mouse.down()
        for step in range(1, 8):
            page.mouse.move(box["x"] + 20 + step * 30, box["y"] + 60 - (step % 2) * 35)
        page.mouse.up()
        cut(page)
        page.click("#zusammenfassung")
        page.wait_for_function("document.getElementById('vorschau').srcdoc.includes('Unfall zwischen')")
        send_between_snapshots(recording)

    return record("unfallbericht.html", "heldout45-unfallbericht", script)


def test_unfall_page_did_what_the_round_stands_on_and_leaks_nothing(unfall: Recorded, redactor_serve):
    """The <output> held the plate, the canvas' aria-label the name, the srcdoc both plates and names, the shadow
    root's input the witness; then nothing planted is stored, in the events or anywhere under the data dir."""
    sent = list(strings(unfall.sent))
    for echo, what in [("Kennzeichen A: " + PLATE, "output"), ("Unterschrift von " + NAME, "aria-label"),
                       (f"Unfall zwischen {PLATE} ({NAME}) und {PLATE_B} (Krzysztof Zieliński)", "srcdoc"),
                       ("Nadine Feltgen 691 284 573", "shadow input")]:
        assert any(echo in text for text in sent), f"no {what}"
    check_windows(unfall, PLANTED)
    check_data_dir(redactor_serve, b"Melden Sie den Schaden innerhalb von acht Tagen", PLANTED)


def test_unfall_keeps_the_site_text_the_model_and_the_garage(unfall: Recorded):
    check_kept(unfall, KEPT)
    check_kept(last_snapshot(unfall), LABELS)
    assert all(value in field_values(unfall.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(unfall.stored, field)] == []


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "unfallbericht.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(PLANTED, [*KEPT, *LABELS, page_text()],
                           [{NAME, "jp.carvalho.antunes@pt.lu"}, {"Nadine Feltgen", "691 284 573"}])
