"""The held-out leak hunt, thirty-fifth round: a Namur allotment-garden waiting list (the town's shared vegetable
plots in Jambes), in French, filled by a Vietnamese woman living in Namur, recorded by the unmodified rrweb recorder
with its default options.

potager.html: the plot picked in a <select> of the site's plots; her name in the Vietnamese order, family name first,
with stacked diacritics ('Nguyễn Thị Thu Hằng'), and her husband's ('Trần Quốc Bảo') in a field labelled only 'Autre
membre du ménage', each turned by the page into a new <option> (new Option, its label attribute too) of a 'who
gardens' <select>, his picked; her date of birth with the month in Roman numerals ('14-II-1987'), told back in French
words; her home's coordinates put in the field by a 'use my position' button (one scripted value) and into a map
link's href (mlat/mlon and the #map fragment); her mobile with dots after the country code ('+32.478.21.64.93'),
URL-encoded into the form's action; her e-mail at a Vietnamese second-level domain with a hyphen and an underscore,
put into the field's aria-description; free text giving her home as a Plus Code ('9F26FVJJ+8C'), naming her daughter
('Phương') and a Namur landline in the '081/22.47.90' slash-and-dots form. The site's own text that must stay: the town's service, the plots, the seed
varieties, the compost line, the thanks line naming the plot, the labels.

First run (6206884, written before reading the detection code): no visitor's value leaked, but the site's plots were
masked everywhere. The <select>'s 'Parcelle Meuse (25 m²)' and 'Parcelle Citadelle (50 m²)' are two capitalised words,
shaped as a full name: masked as one, their taint masked the plot picked, the label 'Parcelle souhaitée', the header's
'Parcelles au bord de la *****' and the thanks line's 'la ******** *****': 786a93e (rules/pii.yaml room_words: a
garden's plot word, 'parcelle', 'perceel', 'Parzelle', 'plot', 'kavel', before a capitalised name makes it the site's
plot, as 'Kamer Deluxe' is a room; a person's name in the same list is still masked). The map link's planted window
'&mlon=' was the link's own text (the test's error: c281b45 plants the #map fragment's coordinates). Probed beside
the page: a home given as a Plus Code in free text ('9F26FVJJ+8C', 'FVJJ+8C Jambes') was stored readable at every
keystroke: bf133dd (rules/recognizers.yaml geo_coordinates plus_code: a full or short Open Location Code is a place;
its alphabet has no vowel, no 0 or 1, and a letter is required, so a sum '2345+678' stays), planted here since
92ec0d9 with a batch cut inside it. Held on the first run: the Vietnamese names in the field, in the new <option>s and
their label attributes, and the pick among them; the Roman-numeral date of birth and its French words; the
coordinates set by script and in the link's query and fragment; the dotted mobile and the form's action; the e-mail
and its aria-description; the daughter's given name alone; the slash-and-dots landline. Not asserted: the site's own
default map link ('#map=15/50.4547/4.8703') is masked in the first snapshot, coordinates being a place wherever they
stand; a three-letter Vietnamese given name after 'ou' in a sentence ('appelez Hằng … ou Bảo le soir') stays
readable (probed, not planted: shorter than a window).
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

NAME, MEMBER = "Nguyễn Thị Thu Hằng", "Trần Quốc Bảo"
HOME = "50.45213, 4.87364"
WHY = ("Mon mari et moi cultivions des liserons d'eau à Huế. Notre maison est au 9F26FVJJ+8C, tout près. "
       "Le soir, appelez plutôt notre fille Phương au 081/22.47.90.")
PLOT = "Parcelle Citadelle (50 m²)"

THE_VISITOR = [
    Planted("#nom", NAME, "a Vietnamese name, family name first, with stacked diacritics, made an <option>"),
    Planted("#membre", MEMBER, "a household member's name under a label that says no 'name', made an <option>"),
    Planted("#naissance", "14-II-1987", "a date of birth with the month in Roman numerals"),
    Planted(None, "14 février 1987", "the date of birth told back in French words"),
    Planted("#position", HOME, "a home's coordinates set by a 'use my position' button"),
    Planted(None, "50.45213/4.87364", "the coordinates in a map link's href (its #map fragment)"),
    Planted("#gsm", "+32.478.21.64.93", "a Belgian mobile with dots after the country code"),
    Planted(None, "%2B32.478.21.64.93", "the mobile URL-encoded into the form's action"),
    Planted("#courriel", "thu-hang_87@yahoo.com.vn", "an e-mail at a second-level .com.vn domain, in aria-description"),
]
THE_REST = [
    Planted(None, "9F26FVJJ+8C", "a home's Plus Code (Open Location Code) in free text"),
    Planted(None, "Phương", "a daughter's Vietnamese given name alone in French free text"),
    Planted(None, "081/22.47.90", "a Namur landline in the slash-and-dots form in free text"),
]
KEPT = ["Potagers collectifs de Jambes",
        "Ville de Namur · Service des Espaces verts · Parcelles au bord de la Meuse",
        "Grainothèque : Cœur de bœuf, Noire de Crimée et Rouge de Namur, à échanger librement.",
        "Parcelle Meuse (25 m²)", PLOT, "Bac surélevé Enjambée (4 m²)",
        "Compost partagé le samedi à 10 h, près de l'abri à outils.",
        "Merci ! Vous êtes inscrit(e) pour la Parcelle Meuse. Le Service des Espaces verts vous contactera dès "
        "qu'une parcelle se libère."]
TYPED_KEPT = {"parcelle": PLOT}
LABELS = ["Inscription sur la liste d'attente", "Parcelle souhaitée", "Votre ménage",
          "Nom complet (tel qu'il figure sur votre titre de séjour)", "Autre membre du ménage",
          "Qui jardinera le plus souvent ?", "Date de naissance", "Où habitez-vous ? (le plus proche a la priorité)",
          "Utiliser ma position", "Voir les potagers sur la carte", "GSM pour vous rappeler", "Courriel",
          "Pourquoi un potager ?", "M'inscrire sur la liste"]


@pytest.fixture(scope="module")
def potager(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#parcelle", PLOT)
        type_with_cuts(recording, "#nom", ["Nguyễn Thị T", "hu Hằng"], delay=15)
        type_with_cuts(recording, "#membre", ["Trần Qu", "ốc Bảo"], delay=15)
        page.select_option("#principal", MEMBER)
        type_with_cuts(recording, "#naissance", ["14-II", "-1987"], delay=15)
        page.click("#ma-position")
        type_with_cuts(recording, "#gsm", ["+32.478.2", "1.64.93"], delay=15)
        recording.type("#courriel", "thu-hang_87@yahoo.com.vn", delay=15)
        type_with_cuts(recording, "#motivation", split_inside(WHY, "9F26FV", "Phư", "081/22.4"), delay=10)
        send_between_snapshots(recording)

    return record("potager.html", "heldout35-potager", script)


def test_potager_page_did_what_the_round_stands_on(potager: Recorded):
    """The options held the names, the sentence the date in words, the link the coordinates, the form's action the
    mobile, the aria-description the e-mail."""
    sent = list(strings(potager.sent))
    for echo, what in [(NAME + " (vous)", "option label"), ("Né(e) le 14 février 1987", "date"),
                       ("mlat=50.45213&mlon=4.87364#map=17/50.45213/4.87364", "href"), ("/inscription?rappel=%2B32.478.21.64.93", "action"),
                       ("Confirmation envoyée à thu-hang_87@yahoo.com.vn", "aria-description")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_potager_visitor_leaks_nothing(potager: Recorded):
    check_windows(potager, THE_VISITOR)


def test_potager_free_text_leaks_nothing(potager: Recorded):
    check_windows(potager, THE_REST)


def test_potager_keeps_the_site_text(potager: Recorded):
    check_kept(potager, KEPT)


def test_potager_keeps_the_plot_picked(potager: Recorded):
    assert all(value in field_values(potager.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(potager.stored, field)] == []


def test_potager_last_snapshot_keeps_the_labels(potager: Recorded):
    check_kept(last_snapshot(potager), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(potager, redactor_serve):
    check_data_dir(redactor_serve, b"Compost partag", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the date of birth in its other form, the coordinates and the mobile in their echoes
VERSIONS = [{"14-II-1987", "14 février 1987"}, {HOME, "50.45213/4.87364"},
            {"+32.478.21.64.93", "%2B32.478.21.64.93"}, {WHY, "9F26FVJJ+8C", "Phương", "081/22.47.90"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "potager.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
