"""The held-out leak hunt, thirty-second round: a Dutch energy supplier's payment plan for an energy debt, in Dutch
with a Sranan line, asked for by a Hindustani-Surinamese mother in Amsterdam Zuidoost, recorded by the unmodified
rrweb recorder with its default options.

betalingsregeling.html: the number of terms picked in a <select> of the site's offers; her name with a double family
name ('Sharmila Ramdin-Jagessar'), told back at every keystroke as initial and family name in the schedule table's
<caption>, and on its change, with no-break spaces and a no-break hyphen (U+2011, to keep it on one line), URL-encoded
in a PDF link's path; her date of birth in the short Dutch form without leading zeros ('7-3-1983'); the 18-digit EAN
code of her electricity connection, put into an <img srcset>; her IBAN pasted in one piece, lowercase and without
spaces, written with her name as base64 JSON into the form's data-mandaat attribute; her mobile in the '06-' form,
its digits put into the send link's ping attribute; her e-mail, put into the confirm button's formaction; her
address in three boxes (a Bijlmer street alone, a four-digit number, a postcode typed as one word '1106AV'), put into
a map <img src> and an <address>, and the postcode told back in lower case with a space ('1106 av') under the map;
her debt counsellor's Chinese-Surinamese name ('Melissa Tjon-A-Fong'); free text naming her husband and her
mother-in-law's Paramaribo number ('+597 852-4417'). The site's own text that must stay: the supplier's name, its
service point in Amsterdam Zuidoost, its partners (Madi Zuidoost, Het Juridisch Loket), a Sranan line ('Fa waka? Wi
de fu yu.'), the offers, the schedule, the labels.

First run (5065b76, written before reading the detection code; the PDF link and the postcode under the map were added
after it): no leak. Over-masked: 'Madi Zuidoost', a welfare service named after its district, was read as a given
name and a family name, masked, and 'Zuidoost' masked wherever the page wrote it ('Amsterdam ********'): 7a2d42c
(rules/pii.yaml: a compound compass point, 'zuidoost', 'noordwest', 'südost', 'southwest'…, is a district's word;
not the simple points, which are family names too). Held on the first run: every planted value and echo, the base64
mandate, the ping and formaction URLs, the lower-case postcode under the map and the no-break name in the PDF path
(both held before the fixes below too: the growing value's masking and the handle around a name in a path). Found by
probing the redaction in process with the round's values (after reading the code), and fixed with unit tests:
4b21404 (redactor/taint.py: a number-like value typed as one word is tainted in its groupings from six characters
on, not eight: '1106AV' told back as '1106 av' in one mutation stayed readable), e85d759 (redactor/pii/fold.py:
detection reads U+2010 and U+2011 as ASCII's hyphen: 'Sharmila Ramdin\u2011Jagessar' in free text and in a link
were found up to the no-break hyphen, and 'Jagessar' stayed readable). Left: nothing asserted as xfail. Not asserted:
a postcode in lower case in free text, with no street number before it ('ik woon in 1106 av'), is not masked: the
postcode's pattern reads lower case only after a street number, since '2024 en' and '1500 km' have the same shape.
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

NAME, EMAIL = "Sharmila Ramdin-Jagessar", "sharmila.rj83@ziggo.nl"
IBAN, EAN = "nl83ingb0006824513", "871687120054317820"
#: base64 of the page's mandate JSON: {"iban":"NL83INGB0006824513","houder":"Sharmila Ramdin-Jagessar"}
MANDATE = "eyJpYmFuIjoiTkw4M0lOR0IwMDA2ODI0NTEzIiwiaG91ZGVyIjoiU2hhcm1pbGEgUmFtZGluLUphZ2Vzc2FyIn0="
WHY = ("Mijn man Roy Sitaldin is sinds januari werkloos. Zijn moeder in Paramaribo helpt ons, "
       "haar nummer is +597 852-4417.")
TERMS = "12 termijnen van € 87,50"

THE_MOTHER = [
    Planted("#naam", NAME, "a Hindustani-Surinamese name with a double family name"),
    Planted(None, "S. Ramdin-Jagessar", "initial and double family name in a table's <caption>"),
    Planted("#geboortedatum", "7-3-1983", "a date of birth in the short Dutch form without leading zeros"),
    Planted("#ean", EAN, "the EAN code of an electricity connection"),
    Planted("#iban", IBAN, "a Dutch IBAN pasted lowercase without spaces"),
    Planted(None, MANDATE, "IBAN and name as base64 JSON in a data-* attribute"),
    Planted("#mobiel", "06-41275398", "a Dutch mobile in the '06-' form"),
    Planted(None, "0641275398", "the mobile's digits in an <a ping> URL"),
    Planted("#email", EMAIL, "an e-mail"),
]
THE_REST = [
    Planted("#straat", "Kikkenstein", "a Bijlmer street name alone in its box"),
    Planted(None, "1106AV", "a Dutch postcode without its space in a map <img src>"),
    Planted(None, "Kikkenstein 2214, 1106 AV", "the address put together in an <address>"),
    Planted(None, "1106 av", "the postcode told back in lower case under the map"),
    Planted("#hulpverlener", "Melissa Tjon-A-Fong", "a Chinese-Surinamese family name with its 'A' particle"),
    Planted(None, "Roy Sitaldin", "a husband's name in Dutch free text"),
    Planted(None, "+597 852-4417", "a Paramaribo number in Dutch free text"),
]
KEPT = ["Stroomstad Energie · Betalingsregeling", "Een betalingsregeling voor uw energierekening",
        "Servicepunt Bijlmerplein, Amsterdam Zuidoost", "Madi Zuidoost en Het Juridisch Loket",
        "Fa waka? Wi de fu yu.", "6 termijnen van € 175,00", TERMS, "Uw betalingsschema", "28 februari",
        "Dank u wel. Een medewerker van Stroomstad Energie belt u binnen twee werkdagen."]
TYPED_KEPT = {"termijnen": TERMS}
LABELS = ["Aantal termijnen", "Voor- en achternaam", "Geboortedatum (d-m-jjjj)",
          "EAN-code elektriciteit (18 cijfers, op uw jaarafrekening)", "IBAN voor de automatische incasso",
          "Mobiel nummer", "E-mailadres", "Adres van de aansluiting", "Straat", "Huisnummer", "Postcode",
          "Naam van uw schuldhulpverlener (als u die heeft)", "Waarom lukt betalen nu niet?",
          "Bevestigen per e-mail", "Betalingsregeling aanvragen", "Download als PDF"]


@pytest.fixture(scope="module")
def betalingsregeling(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#termijnen", TERMS)
        type_with_cuts(recording, "#naam", ["Sharmila Ramdin-Ja", "gessar"])
        recording.type("#geboortedatum", "7-3-1983", delay=15)
        type_with_cuts(recording, "#ean", ["87168712", "0054317820"], delay=15)
        page.focus("#iban")
        page.keyboard.insert_text(IBAN)  # pasted: one input event with the whole value
        type_with_cuts(recording, "#mobiel", ["06-412", "75398"])
        type_with_cuts(recording, "#email", ["sharmila.r", "j83@ziggo.nl"])
        recording.type("#straat", "Kikkenstein", delay=15)
        recording.type("#huisnummer", "2214", delay=15)
        type_with_cuts(recording, "#postcode", ["110", "6AV"])
        type_with_cuts(recording, "#hulpverlener", ["Melissa Tjon-A", "-Fong"])
        type_with_cuts(recording, "#toelichting", split_inside(WHY, "Roy Sital", "+597 85"), delay=15)
        send_between_snapshots(recording)

    return record("betalingsregeling.html", "heldout32-betalingsregeling", script)


def test_betalingsregeling_page_did_what_the_round_stands_on(betalingsregeling: Recorded):
    """The caption held the name, the srcset the EAN, the form the mandate, the ping the mobile, the button the
    e-mail, the map and the <address> the address."""
    sent = list(strings(betalingsregeling.sent))
    for echo, what in [("Uw betalingsschema · S. Ramdin-Jagessar", "caption"), (f"style.css?ean={EAN} 1x", "srcset"),
                       (MANDATE, "mandate"), ("/stats?stap=verstuur&terugbellen=0641275398", "ping"),
                       (f"/regeling/bevestig?naar={EMAIL}", "formaction"),
                       ("style.css?postcode=1106AV&huisnummer=2214", "map"), ("Kikkenstein 2214, 1106 AV", "address"),
                       ("1106 av", "map's caption"),
                       ("/regeling/Sharmila%C2%A0Ramdin%E2%80%91Jagessar.pdf", "PDF link with no-break space and hyphen")]:
        assert any(echo in text for text in sent), f"no {what}"


def test_betalingsregeling_mother_leaks_nothing(betalingsregeling: Recorded):
    check_windows(betalingsregeling, THE_MOTHER)


def test_betalingsregeling_address_and_family_leak_nothing(betalingsregeling: Recorded):
    check_windows(betalingsregeling, THE_REST)


def test_betalingsregeling_keeps_the_site_text(betalingsregeling: Recorded):
    check_kept(betalingsregeling, KEPT)


def test_betalingsregeling_keeps_the_terms_picked(betalingsregeling: Recorded):
    assert all(value in field_values(betalingsregeling.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items()
            if value not in field_values(betalingsregeling.stored, field)] == []


def test_betalingsregeling_last_snapshot_keeps_the_labels(betalingsregeling: Recorded):
    check_kept(last_snapshot(betalingsregeling), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_MOTHER, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(betalingsregeling, redactor_serve):
    check_data_dir(redactor_serve, b"Stroomstad Energie", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the name is in the caption, the mandate and the e-mail; the other values have their versions
VERSIONS = [{NAME, "S. Ramdin-Jagessar", EMAIL, MANDATE}, {IBAN, MANDATE}, {"06-41275398", "0641275398"},
            {"Kikkenstein", "Kikkenstein 2214, 1106 AV"}, {"1106AV", "1106 av"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "betalingsregeling.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)

