"""The held-out leak hunt, thirty-first round: a Liège funeral home's repatriation form, in French with Greek lines,
filled by the daughter of a Greek man who died in Liège, recorded by the unmodified rrweb recorder with its default
options.

rapatriement.html: the ceremony picked in a <select> of the site's places; the deceased's name; his national number
typed in three boxes (date, serial, check digits: '410317' '233' '42'), joined by the page into a hidden input's value
attribute; the daughter's name in Greek script ('Σταυρούλα Τσιολάκη'), told back on the attestation preview; her name
as her passport writes it ('Stavroula Tsiolaki'), put URL-encoded by the page into a <link rel=prefetch> it adds to
<head>; her Greek tax number (ΑΦΜ), written with its EL prefix into the invoice form's action URL; her Greek mobile in
its local form, put with the country code picked in a <select> into a viber:// link, URL-encoded; her e-mail, made
into a new <option> whose label attribute quotes it; her Thessaloniki address in Greek script (street and number, an
ordinal floor, a five-digit postcode written 3+2 before the town); free text naming a cousin and her Thessaloniki
landline. The site's own text that must stay: the funeral home's name (two family names, as such firms are called),
its Greek lines, the ceremony places, the labels.

First run (6aff8cb, written before reading the detection code): no leak. Over-masked: two ceremony places of the
<select>, 'Funérarium de Sclessin · salon Meuse' (and, in a unit test, 'Crématorium de Robermont', 'Cimetière de
Robermont'), were masked from the first snapshot on: a place word that is no trade word yet, a particle and a
capitalised word read as a given name and a family name: bfdcd5c (rules/pii.yaml: a funeral home's places and trade,
'funérarium', 'crématorium', 'cimetière', 'uitvaartcentrum', 'funèbres'…, are trade words), and fae9641 (a Flemish
undertaker named after its family, 'Uitvaartzorg Verhaeghe', found by a unit test beside it). Held on the first run:
the deceased's name, the national number typed in three boxes and its joined hidden value, the name in Greek script
and its echo, the passport name and its <link rel=prefetch> href, the AFM and the form's action URL, the mobile and
its viber:// link, the e-mail and the <option label> quoting it, the Greek-script address, the cousin and her
landline. Left (strict xfail): the funeral home's own address on the attestation, after its name alone
('Lejeune-Halleux · quai de Rome 41, 4000 Liège'), is masked: a visitor's address after their name has that shape,
and an address not known to be the site's is masked (fail closed). Not asserted (seen in process, not on this page):
a sentence a visitor writes in Greek script is masked whole, its common words too.
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

DECEASED, GREEK_NAME, LATIN_NAME = "Charalambos Tsiolakis", "Σταυρούλα Τσιολάκη", "Stavroula Tsiolaki"
EMAIL = "stavroula.tsiolaki@otenet.gr"
ADDRESS = "Εγνατίας 112, 3ος όροφος\n546 30 Θεσσαλονίκη"
ARRIVAL = ("Ma cousine Eleni Vrettou nous attend à l'aéroport de Thessalonique, "
           "tél. 2310 245 781, elle parle français.")
CEREMONY = "Église orthodoxe Saint-Nicolas · rue Lambert-le-Bègue"

THE_FAMILY = [
    Planted("#defunt", DECEASED, "the deceased's Greek name in Latin letters"),
    Planted(None, "41031723342", "a Belgian national number from three boxes, joined in a hidden value attribute"),
    Planted("#onoma", GREEK_NAME, "a name in Greek script"),
    Planted("#latin", LATIN_NAME, "the name as a passport writes it"),
    Planted(None, "Stavroula%20Tsiolaki", "the name URL-encoded in a <link rel=prefetch> href"),
    Planted("#afm", "048573903", "a Greek tax number (AFM)"),
    Planted(None, "EL048573903", "the AFM with its VAT prefix in a form's action URL"),
    Planted("#gsm", "694 512 7783", "a Greek mobile in its local form"),
    Planted(None, "%2B306945127783", "the mobile URL-encoded in a viber:// link"),
    Planted("#courriel", EMAIL, "an e-mail, typed, then quoted by the page in an <option label>"),
]
THE_REST = [
    Planted(None, "Εγνατίας 112", "a Thessaloniki street and number in Greek script"),
    Planted(None, "546 30 Θεσσαλονίκη", "a Greek postcode before the town, in Greek script"),
    Planted(None, "Eleni Vrettou", "a cousin's name in French free text"),
    Planted(None, "2310 245 781", "a Thessaloniki landline in French free text"),
]
KEPT = ["Pompes funèbres Lejeune-Halleux · Liège", "Επαναπατρισμός σορού", "Συλλυπητήρια · Με σεβασμό",
        "vol cargo Liège Airport – Thessalonique", "consulat de Grèce à Bruxelles",
        "Funérarium de Sclessin · salon Meuse", CEREMONY, "ATTESTATION DE PRISE EN CHARGE · ΒΕΒΑΙΩΣΗ",
        "Retrait au bureau, quai de Rome",
        "Merci. Un conseiller funéraire de Lejeune-Halleux vous rappelle dans l'heure."]
TYPED_KEPT = {"ceremonie": CEREMONY}
LABELS = ["Nom et prénom du défunt", "Numéro de registre national", "Lien avec le défunt",
          "Nom en caractères grecs / Ονοματεπώνυμο", "Nom comme sur le passeport (caractères latins)",
          "Numéro fiscal grec (ΑΦΜ) pour la facture", "Téléphone en Grèce", "Adresse électronique",
          "Envoyer les documents à", "Adresse en Grèce / Διεύθυνση", "Informations pour l'accueil à l'arrivée"]


@pytest.fixture(scope="module")
def rapatriement(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#ceremonie", CEREMONY)
        type_with_cuts(recording, "#defunt", ["Charalambos Tsio", "lakis"])
        type_with_cuts(recording, "#rn-date", ["4103", "17"])
        recording.type("#rn-serie", "233")
        recording.type("#rn-cle", "42")
        type_with_cuts(recording, "#onoma", ["Σταυρούλα Τσι", "ολάκη"])
        recording.type("#latin", LATIN_NAME, delay=15)
        page.keyboard.press("Tab")
        type_with_cuts(recording, "#afm", ["04857", "3903"])
        type_with_cuts(recording, "#gsm", ["694 51", "2 7783"])
        type_with_cuts(recording, "#courriel", ["stavroula.tsi", "olaki@otenet.gr"])
        page.keyboard.press("Tab")
        type_with_cuts(recording, "#diefthynsi", ["Εγνατίας 1", "12, 3ος όροφος\n546 3", "0 Θεσσαλονίκη"], delay=25)
        type_with_cuts(recording, "#transport", split_inside(ARRIVAL, "Eleni Vre", "2310 24"), delay=15)
        send_between_snapshots(recording)

    return record("rapatriement.html", "heldout31-rapatriement", script)


def test_rapatriement_page_did_what_the_round_stands_on(rapatriement: Recorded):
    """The hidden input held the national number, the <link> the name, the form the AFM, the <option> the e-mail."""
    sent = list(strings(rapatriement.sent))
    for echo, what in [("41031723342", "joined national number"), ("/attestation.pdf?nom=Stavroula%20Tsiolaki",
                        "prefetch link"), ("/facture?tva=EL048573903", "form action"),
                       ("viber://chat?number=%2B306945127783", "viber link"), (f"Par courriel à {EMAIL}", "option label"),
                       (GREEK_NAME, "attestation name")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_rapatriement_family_leaks_nothing(rapatriement: Recorded):
    check_windows(rapatriement, THE_FAMILY)


def test_rapatriement_address_and_arrival_leak_nothing(rapatriement: Recorded):
    check_windows(rapatriement, THE_REST)


def test_rapatriement_keeps_the_site_text(rapatriement: Recorded):
    check_kept(rapatriement, KEPT)


#: the funeral home's own address after its name alone, on the attestation: a visitor's address after their name has
#: the same shape ("Sanne Jansen · Kerkstraat 12"), and what is not known to be the site's is masked (fail closed)
SITE_ADDRESS = "Lejeune-Halleux · quai de Rome 41, 4000 Liège"


@pytest.mark.xfail(strict=True, reason="a site's address after the firm's name alone (two family names) is masked")
def test_rapatriement_keeps_the_address_after_the_firms_name(rapatriement: Recorded):
    check_kept(rapatriement, [SITE_ADDRESS])


def test_rapatriement_keeps_the_ceremony_picked(rapatriement: Recorded):
    assert all(value in field_values(rapatriement.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(rapatriement.stored, field)] == []


def test_rapatriement_last_snapshot_keeps_the_labels(rapatriement: Recorded):
    check_kept(last_snapshot(rapatriement), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_FAMILY, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(rapatriement, redactor_serve):
    check_data_dir(redactor_serve, b"Thessalonique", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the deceased, his daughter and her e-mail share the family name; the AFM and the mobile have their versions
VERSIONS = [{DECEASED, LATIN_NAME, "Stavroula%20Tsiolaki", EMAIL},
            {"048573903", "EL048573903"}, {"694 512 7783", "%2B306945127783"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "rapatriement.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, SITE_ADDRESS, *LABELS, page_text()], VERSIONS)
