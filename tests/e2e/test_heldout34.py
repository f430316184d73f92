"""The held-out leak hunt, thirty-fourth round: an Antwerp tattoo studio's consent form, in Dutch with English and
Polish lines, filled by a Polish woman living in Antwerp, recorded by the unmodified rrweb recorder with its default
options.

tatoeage.html: the studio's artist and the tattoo's place picked in <select>s; the lettering, her daughter's Polish pet
name and birth date with a star between ('Zuzia ✶ 07.03.2021'), written by the page into a <style>'s CSS
('#voorbeeld::after { content: "…" }') and URL-encoded into an SVG data URL in an <img src>; her name with ł, ó, ę and
a double family name ('Małgorzata Wróblewska-Łęcka'), greeted back in the Polish vocative ('Dzień dobry,
Małgorzato!') and slugged with ł folded to l into a link's download attribute; her date of birth in an <input
type=date> (ISO, set in one event), told back in Polish words by toLocaleDateString('pl-PL') ('23 listopada 1998');
her Polish identity card number ('AYN 548291'); her Instagram handle, put into a profile link's href; her e-mail with
a plus tag, put into the send button's title; her Antwerp street named after two people, with a 'bus' number, as the
first line of a two-line textarea under 'Waar woon je? (voor de factuur)' ('Plantin en Moretuslei 112 bus 3');
free text naming her partner ('Bartłomiej Szczepański') and his Polish mobile in its national 3-3-3 form. The site's
own text that must stay: the studio's name, its district and styles, an English line, the artists and the places of
the <select>s, an aftercare line naming a balm ('Hustle Butter'), the Polish greeting's words, the labels.

First run (fabd245, written before reading the detection code): three leaks. 'Plantin en' stayed readable before the
masked 'Moretuslei 112 bus 3', at every keystroke and in the snapshots: the label's 'Waar woon je?' said no address
word, so the textarea was free text, and the street's pattern took one capitalised word before 'Moretuslei', not two
joined by 'en': e09f860 (rules/recognizers.yaml: a street named after two people joined by 'en' is found whole) and
5755fc8 (rules/fields.yaml: a label that asks where one lives, 'Waar woon je?', 'Where do you live?', 'Wo wohnst du?',
'Où habitez-vous ?', gives the field an address's meaning). The lettering 'Zuzia ✶ 07.03.2021': the pet name was
stored at every keystroke, and the date, masked in the field while typed as its last word, was stored readable in the
<style>'s CSS and the data URL once the visitor typed elsewhere: no word says a person follows a given name alone, and
'Zuzia' was in no list: 524fe21 (rules/recognizers.yaml given_name_with_a_date, redactor/pii/names.py: a given name
common in the visitors' countries right before a date, whole or being typed at the text's end, is a person and the
date theirs; 'Versie 07.03.2021' stays; rules/pii.yaml: Polish diminutives are given names). Held on the first run:
the Polish name, its vocative and its slug, the ISO date of birth and its Polish words, the identity card number, the
handle and its href, the plus-tagged e-mail and the title, the partner's name and mobile. Over-masked, left as strict
xfail: the thanks line 'Bedankt! Kaat, Rook of Mees …' masks the artists: a given name after a thanks word and its
'!' is read as the one thanked, and the list after it with her. Not asserted: the studio's address in its header
('Kloosterstraat 41, 2000 Antwerpen') is masked, as any address in a page's text; the paragraph 'Data urodzenia: 23
listopada 1998' is masked whole, label too; the artist picked ('Rook · blackwork') and the option 'Kaat · fine line'
are masked in the snapshot before the form is sent when the thanks line falls in the same batch (three runs of four:
the names found there taint the options), kept when the recorder's flush parts them: the xfail's cause.
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

NAME, LETTERING = "Małgorzata Wróblewska-Łęcka", "Zuzia ✶ 07.03.2021"
ADDRESS = "Plantin en Moretuslei 112 bus 3"
EMERGENCY = "Mijn partner Bartłomiej Szczepański, tel. 693 418 275 (spreekt Engels en Pools)."
ARTIST, SPOT = "Rook · blackwork", "Sleutelbeen rechts"

THE_VISITOR = [
    Planted("#naam", NAME, "a Polish name with ł, ó, ę and a double family name"),
    Planted(None, "Małgorzato", "her given name in the Polish vocative, in a greeting"),
    Planted(None, "malgorzata-wroblewska-lecka", "her name as a slug (ł folded to l) in a link's download attribute"),
    Planted("#geboortedatum", "1998-11-23", "a date of birth in an <input type=date> (ISO)"),
    Planted(None, "23 listopada 1998", "the date of birth in Polish words (toLocaleDateString pl-PL)"),
    Planted("#document", "AYN 548291", "a Polish identity card number (three letters, six digits)"),
    Planted("#insta", "@gosia.wrobel_ink", "an Instagram handle, also in a profile link's href"),
    Planted("#mail", "gosia+ink@poczta.onet.pl", "an e-mail with a plus tag, in the send button's title"),
]
THE_REST = [
    Planted("#woont", ADDRESS, "an Antwerp 'lei' with 'en' in its name and a 'bus' number, first line of a two-line textarea"),
    Planted("#tekst", LETTERING, "a child's name and birth date to be tattooed, echoed into a <style>'s CSS"),
    Planted(None, "Zuzia%20%E2%9C%B6%2007.03.2021", "the lettering URL-encoded in an SVG data URL"),
    Planted(None, "Bartłomiej Szczepański", "a Polish partner's name in free text"),
    Planted(None, "693 418 275", "a Polish mobile in its national 3-3-3 form, in free text"),
]
KEPT = ["Inkt & Anker Tattoo", "Het Zuid · Fine line, Blackwork en Neo-traditional",
        "Walk-ins welcome from Tuesday to Saturday. Please read our aftercare sheet before you leave.",
        "Kaat · fine line", ARTIST, "Mees · neo-traditional", "Binnenkant onderarm links", SPOT,
        "Aftercare: was de tattoo twee keer per dag met lauw water en smeer een dun laagje Hustle Butter.",
        "Dzień dobry, "]
TYPED_KEPT = {"lichaamsdeel": SPOT}
#: the thanks line names the studio's artists by their nicknames, "Kaat" a Flemish given name: see the xfail below
THANKS = "Bedankt! Kaat, Rook of Mees roept je zo naar binnen. Veel plezier met je nieuwe tattoo."
LABELS = ["Toestemmingsformulier", "Artiest", "Waar komt de tattoo?", "Tekst in de tattoo (lettering)", "Over jou",
          "Volledige naam", "Geboortedatum (je moet 18 zijn)", "Nummer van je identiteitskaart of dowód osobisty",
          "Instagram (we taggen je in de foto van je tattoo)", "Mail voor je aftercare-kaart",
          "Waar woon je? (voor de factuur)", "In geval van nood / In case of emergency", "Samenvatting",
          "Download je toestemming (PDF)", "Ik geef toestemming"]


@pytest.fixture(scope="module")
def tatoeage(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#artiest", ARTIST)
        page.select_option("#lichaamsdeel", SPOT)
        type_with_cuts(recording, "#tekst", ["Zuzia ✶ 07.0", "3.2021"], delay=15)
        type_with_cuts(recording, "#naam", ["Małgorzata Wróbl", "ewska-Łęcka"], delay=15)
        page.fill("#geboortedatum", "1998-11-23")
        type_with_cuts(recording, "#document", ["AYN 54", "8291"], delay=15)
        recording.type("#insta", "@gosia.wrobel_ink", delay=15)
        type_with_cuts(recording, "#mail", ["gosia+i", "nk@poczta.onet.pl"], delay=15)
        recording.type("#woont", ADDRESS + "\n2018 Antwerpen", delay=15)
        type_with_cuts(recording, "#nood", split_inside(EMERGENCY, "Bartłomiej Szcz", "693 41"), delay=10)
        send_between_snapshots(recording)

    return record("tatoeage.html", "heldout34-tatoeage", script)


def test_tatoeage_page_did_what_the_round_stands_on(tatoeage: Recorded):
    """The <style> held the lettering, the <img> its data URL, the greeting the vocative, the summary the Polish
    date, the download attribute the slug, the link the handle, the button's title the e-mail."""
    sent = list(strings(tatoeage.sent))
    for echo, what in [('content: "Zuzia ✶ 07.03.2021"', "style"), ("Zuzia%20%E2%9C%B6%2007.03.2021", "data URL"),
                       ("Dzień dobry, Małgorzato!", "vocative"), ("Data urodzenia: 23 listopada 1998", "date"),
                       ("toestemming-malgorzata-wroblewska-lecka.pdf", "download"),
                       ("https://www.instagram.com/gosia.wrobel_ink/", "href"),
                       ("Een kopie gaat naar gosia+ink@poczta.onet.pl", "title")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_tatoeage_visitor_leaks_nothing(tatoeage: Recorded):
    check_windows(tatoeage, THE_VISITOR)


def test_tatoeage_address_lettering_and_partner_leak_nothing(tatoeage: Recorded):
    check_windows(tatoeage, THE_REST)


def test_tatoeage_keeps_the_site_text(tatoeage: Recorded):
    check_kept(tatoeage, KEPT)


@pytest.mark.xfail(strict=True, reason="after a thanks word and its '!', a given name opens a greeting's name: 'Bedankt! "
                                      "Kaat, Rook of Mees' masks the studio's artists, the list after 'Kaat' with her")
def test_tatoeage_keeps_the_artists_in_the_thanks_line(tatoeage: Recorded):
    check_kept(tatoeage, [THANKS])


def test_tatoeage_keeps_the_choices_picked(tatoeage: Recorded):
    assert all(value in field_values(tatoeage.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(tatoeage.stored, field)] == []


def test_tatoeage_last_snapshot_keeps_the_labels(tatoeage: Recorded):
    check_kept(last_snapshot(tatoeage), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(tatoeage, redactor_serve):
    check_data_dir(redactor_serve, b"Walk-ins welcome from Tuesday to Saturday.", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the name is in its echoes, the date of birth and the lettering in their other forms
VERSIONS = [{NAME, "Małgorzato", "malgorzata-wroblewska-lecka"}, {"1998-11-23", "23 listopada 1998"},
            {LETTERING, "Zuzia%20%E2%9C%B6%2007.03.2021"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "tatoeage.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, THANKS, *LABELS, page_text()], VERSIONS)
