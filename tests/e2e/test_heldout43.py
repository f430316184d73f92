"""The held-out leak hunt, forty-third round: a Delft family doctor's registration for new patients (Huisartsenpraktijk
Tanthof), in Dutch with English and Korean lines, made by a Korean woman who has just moved to Delft for herself and
her daughter, recorded by the unmodified rrweb recorder with its default options.

huisarts.html: the health insurer picked in the site's <select>; her name as her passport writes it, family name first
('Hwang Seo-yeon'), put by the page into the consent checkbox's label ('Ik, Hwang Seo-yeon, geef toestemming…'); her
name in Hangul ('황서연', three syllables) told back in a Korean greeting ('황서연 님, 환영합니다!'); her date of birth
typed the Korean way ('1991. 4. 23.') told back in Dutch words in an aria-live line ('23 april 1991') and put into a
<time datetime> ('1991-04-23'); her BSN typed with dots ('2384.61.051', the eleven-test holds) put digits only into the
value attribute of the submit button; her Korean resident registration number ('910423-2847514', its check digit
right), her former address in Hangul ('서울특별시 마포구 월드컵북로 396'), her name and ISO date of birth written by
the page into a read-only textarea holding the records request to her former doctor (its value set by script at every
change); a Dutch postcode ('2628 AW') and house number that fill, by the page's lookup, the street (named after a
person: 'Balthasar van der Polweg') and the town into read-only inputs; her Dutch mobile written '06-41273958' told
back in the text-message line; her e-mail ('seoyeon.hwang91@naver.com') put into a data attribute of the <html>
element; a passport photo whose file name holds her name; an emergency contact typed as a name and a Korean mobile in
one field ('Park Min-jun +82 10-5283-7140'); her daughter ('Park Ha-eun') typed into a row the page adds, her given
name put into the health box's label, her date of birth with dashes; a health box naming an allergy (repeated in a
role=alert banner), a medicine, a disease and the daughter's asthma; each typed value with a batch cut inside it.
The site's own text that must stay: the practice's name, the English and Korean lines, the consulting hours, the
insurer picked, the repeat-prescription and out-of-hours lines, the thanks, the labels.

First run (c0f2169, written before reading the detection code): no leak; the insurer picked and the page's own town
over-masked. Every planted value held: the name in its field and the consent label, the Hangul name and its greeting
(stored '*** 님, 환영합니다!'), the Korean date of birth, its Dutch words and its ISO form, the BSN and its digits in the
button's value, the registration number and the Seoul address in the letter, the postcode and the street the lookup
filled, the mobile and its text-message line, the e-mail on the <html> element, the photo's file name, the emergency
contact's name and Korean mobile, the daughter's name, given name and date of birth, the allergy and its banner, the
medicine, the disease and the asthma. Masked that is the site's: the insurer picked in the <select> ('Zilveren Kruis')
was stored as '**************' in its value attribute and in its input event, and the <select>'s own first option
('Kies uw verzekeraar') as '*******************' in the first snapshot's value; the town 'Delft', once the postcode
lookup had written it into the read-only town field, was masked in the page's own heading ('Uw adres in *****', in the
last snapshot) and in some copies of the English line ('New in *****? You can register…'). Over-masked by design: the
letter the page writes into a read-only textarea is a field's value, read as a visitor's text: its 'Dear colleague'
and its 'Kind regards, the practice.' lose their last word.
The insurer: a health insurer's field is masked whole by design, its <select>'s own first option with it (fields.yaml
HEALTH_INSURER: which fund a visitor is a member of may say her belief, review 29 F5); the round keeps instead the
option picked in a reminders <select> added after the first run ('Per sms'). 8 of 8 pass since, the town left open.
Probed beside the page (typed in a remark; page text is the site's, read so by design): a Korean resident registration
number after its English or Korean word ('My resident registration number is 910423-2847514', '주민등록번호
910423-2847514') was stored: 67af278 (rules/recognizers.yaml kr_rrn). A disease said by the name it bears ('Ik heb de
ziekte van Hashimoto', 'Morbus Bechterew') and a state said after an age in brackets ('Mijn zoon Ji-ho (6) heeft ADHD')
were stored: 0ea99bf (said_health, content._SAID_WORD). A Korean given name with its second part in small letters read
alone ('Seo-yeon belt morgen terug', 'dat Seo-yeon morgen belt', 'halen Ha-eun op', 'Mijn dochter Ha-eun is…') was
stored: e19f926 (content._GIVEN_NAME_WORD, related_person, names.common_given_name_first). A Korean road-name address
('Mapo-gu, World Cup buk-ro 396', '월드컵북로 396') kept its road and number: 02bcd9f (street_korean). A Korean name
surname first ('황서연 (Hwang Seo-yeon)', 'dr. Lee Ji-hoon') was kept whole or in part: 2ef852a (korean_name). A
Korean mobile in its domestic form with no phone word ('Seo-yeon, 010-4827-3916') was kept: 59f21c2 (phone_kr_mobile).
The name in Hangul in a sentence, the BSN with dots, the +82 mobile, the Delft street and the e-mail were masked on main
already.
Left open: the town. A town the page's postcode lookup wrote into the visitor's read-only town field is tainted as her
address's, and the site's own text naming the same town ('Uw adres in Delft', 'New in Delft?') is masked in every
snapshot after (test_huisarts_last_snapshot_keeps_the_sites_own_town, a strict xfail): a local site's town and its
visitor's are often one; telling the site's mention from an echo needs the site's words remembered from before the field
held them (as DomMirror.site_names remembers names), not done here. An allergy stays readable in a visitor's remark by
design (said_health's note); 'Park Min-jun' alone on a line (a heading's shape, 'Park' a place's word) is no person,
in a sentence it is.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import (check_data_dir, check_no_shared_window, check_windows, cut, send_between_snapshots,
                           type_with_cuts)
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_heldout42 import _nodes
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

NAME, NAME_KO = "Hwang Seo-yeon", "황서연"
BORN, BORN_NL, BORN_ISO = "1991. 4. 23.", "23 april 1991", "1991-04-23"
BSN, BSN_DIGITS = "2384.61.051", "238461051"
RRN = "910423-2847514"
FORMER = "서울특별시 마포구 월드컵북로 396"
POSTCODE, STREET = "2628 AW", "Balthasar van der Polweg"
MOBILE = "06-41273958"
MAIL = "seoyeon.hwang91@naver.com"
PHOTO = "hwang-sy-pasfoto-2024.jpg"
CONTACT, CONTACT_NAME, CONTACT_PHONE = "Park Min-jun +82 10-5283-7140", "Park Min-jun", "+82 10-5283-7140"
CHILD, CHILD_GIVEN, CHILD_BORN = "Park Ha-eun", "Ha-eun", "05-11-2019"
HEALTH = ("Allergisch voor penicilline. Ik gebruik levothyroxine voor de ziekte van Hashimoto. Mijn dochter heeft "
          "astma en gebruikt een puffer.")
INSURER, REMINDERS = "Zilveren Kruis", "Per sms"

THE_VISITOR = [
    Planted("#naam", NAME, "a Korean name in passport order, put into the consent checkbox's label"),
    Planted("#naam-ko", NAME_KO, "the name in Hangul, told back in a Korean greeting"),
    Planted("#geboren", BORN, "a date of birth typed the Korean way"),
    Planted(None, BORN_NL, "the date of birth told back in Dutch words in an aria-live line"),
    Planted(None, BORN_ISO, "the date of birth in a <time datetime> and the records request"),
    Planted("#bsn", BSN, "a BSN typed with dots"),
    Planted(None, BSN_DIGITS, "the BSN's digits in the submit button's value attribute"),
    Planted("#rrn", RRN, "a Korean resident registration number, copied into a read-only textarea's letter"),
    Planted("#vorig-adres", FORMER, "a Seoul address in Hangul, copied into the letter"),
    Planted("#postcode", POSTCODE, "a Dutch postcode"),
    Planted(None, STREET, "the street (a person's name) the page's lookup puts into a read-only input"),
    Planted("#mobiel", MOBILE, "a Dutch mobile with a dash, told back in the text-message line"),
    Planted("#email", MAIL, "an e-mail put into a data attribute of the <html> element"),
    Planted(None, PHOTO, "a passport photo's file name listed by the page"),
]
THE_REST = [
    Planted(None, CONTACT_NAME, "an emergency contact's Korean name, beside his mobile in one field"),
    Planted(None, CONTACT_PHONE, "a Korean mobile in E.164 with dashes, after the name in one field"),
    Planted(None, CHILD, "the daughter's name typed into a row the page adds"),
    Planted(None, CHILD_GIVEN, "her given name put into the health box's label"),
    Planted(None, CHILD_BORN, "her date of birth with dashes in the row"),
    Planted(None, "penicilline", "an allergy in the health box, repeated in a role=alert banner"),
    Planted(None, "levothyroxine", "a medicine in the health box"),
    Planted(None, "Hashimoto", "a disease in the health box"),
    Planted(None, "astma", "the daughter's asthma in the health box"),
]
KEPT = ["Huisartsenpraktijk Tanthof", "Inschrijven als nieuwe patiënt — dat kan online.",
        "New in Delft? You can register in English too; our assistants speak English.",
        "한국어 통역이 필요하시면 접수처에 말씀해 주세요.",
        "Spreekuur op afspraak: maandag tot vrijdag van 8 tot 17 uur.",
        "Herhaalrecepten kunt u na inschrijving via de app aanvragen.",
        "Bij spoed buiten kantooruren belt u de huisartsenpost.",
        "Straat en plaats vullen wij aan uit uw postcode en huisnummer.",
        "감사합니다! Wij nemen binnen twee werkdagen contact met u op."]
TYPED_KEPT = {"herinnering": REMINDERS}
LABELS = ["Uw gegevens", "Naam zoals in uw paspoort", "Naam in het Koreaans (한글, mag leeg blijven)", "Geboortedatum",
          "Burgerservicenummer (BSN)", "Koreaans registratienummer (주민등록번호), voor uw dossier",
          "Vorig adres in Korea", "Postcode", "Huisnummer", "Straat", "Plaats", "Mobiel nummer",
          "E-mailadres", "Contactpersoon bij nood (naam en telefoon)", "Foto van uw paspoort", "Uw zorgverzekering",
          "Zorgverzekeraar", "Herinneringen aan afspraken", "Kinderen die u mee inschrijft", "Kind toevoegen", "Gezondheid", "Uw dossier opvragen",
          "Deze brief sturen wij naar uw vorige huisarts", "Inschrijving versturen"]


def row(number: int, field: str) -> str:
    return f"#kinderen tr:nth-child({number}) .kind-{field}"


@pytest.fixture(scope="module")
def huisarts(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#verzekeraar", INSURER)
        page.select_option("#herinnering", REMINDERS)
        type_with_cuts(recording, "#naam", ["Hwang Seo", "-yeon"], delay=15)
        type_with_cuts(recording, "#naam-ko", ["황서", "연"], delay=15)
        type_with_cuts(recording, "#geboren", ["1991. 4", ". 23."], delay=15)
        page.locator("#geboren").blur()
        type_with_cuts(recording, "#bsn", ["2384.6", "1.051"], delay=15)
        type_with_cuts(recording, "#rrn", ["910423-28", "47514"], delay=15)
        type_with_cuts(recording, "#vorig-adres", ["서울특별시 마포구 월드", "컵북로 396"], delay=15)
        type_with_cuts(recording, "#postcode", ["262", "8 AW"], delay=15)
        recording.type("#huisnummer", "318", delay=15)
        type_with_cuts(recording, "#mobiel", ["06-4127", "3958"], delay=15)
        page.locator("#mobiel").blur()
        type_with_cuts(recording, "#email", ["seoyeon.hwa", "ng91@naver.com"], delay=15)
        page.locator("#email").blur()
        type_with_cuts(recording, "#nood", ["Park Min-jun +82 10-52", "83-7140"], delay=15)
        page.set_input_files("#paspoort", files=[{"name": PHOTO, "mimeType": "image/jpeg",
                                                  "buffer": b"\xff\xd8\xff\xe0" + bytes(2048)}])
        cut(page)
        page.click("#kind-erbij")
        type_with_cuts(recording, row(1, "naam"), ["Park Ha", "-eun"], delay=15)
        type_with_cuts(recording, row(1, "geboren"), ["05-11-", "2019"], delay=15)
        type_with_cuts(recording, "#gezondheid", split_inside(HEALTH, "penicil", "levothyr", "Hashim", "astm"), delay=8)
        page.check("#toestemming")
        send_between_snapshots(recording)

    return record("huisarts.html", "heldout43-huisarts", script)


def test_huisarts_page_did_what_the_round_stands_on(huisarts: Recorded):
    """The consent label held the name, the greeting the Hangul name, the aria-live line and the <time> the date of
    birth, the submit button the BSN's digits, the letter the registration number and the former address, the
    read-only input the street, the text-message line the mobile, the <html> element the e-mail, the list the file
    name, the label the daughter's given name, the banner the allergy."""
    sent = list(strings(huisarts.sent))
    for echo, what in [(NAME_KO + " 님, 환영합니다!", "greeting"), (f"U bent geboren op {BORN_NL}.", "aria-live line"),
                       (f"{NAME} (RRN {RRN}, born {BORN_ISO}), formerly living at {FORMER}", "letter"),
                       (f"We sturen een code naar {MOBILE}.", "text-message line"), (PHOTO + " (", "file list"),
                       (f"(ook van {CHILD_GIVEN})", "health label"), ("Let op, allergie: penicilline", "banner")]:
        assert any(echo in text for text in sent), f"no {what}"
    assert STREET in field_values(huisarts.sent, "straat"), "the lookup did not fill the street"
    assert BSN_DIGITS in field_values(huisarts.sent, "verstuur"), "the BSN's digits are not in the button's value"
    attributes = [(key, value) for node in _nodes(huisarts.sent) for key, value in node.get("attributes", {}).items()]
    attributes += [(key, value) for event in huisarts.sent if event.get("type") == 3 and event["data"].get("source") == 0
                   for change in event["data"].get("attributes", []) for key, value in change["attributes"].items()]
    assert ("data-patient", MAIL) in attributes, "the e-mail is not on the <html> element"
    assert ("datetime", BORN_ISO) in attributes, "no <time datetime>"
    assert any(NAME == text for text in sent), "the name is not in the consent label"


def test_huisarts_visitor_leaks_nothing(huisarts: Recorded):
    check_windows(huisarts, THE_VISITOR)


def test_huisarts_contact_child_and_health_leak_nothing(huisarts: Recorded):
    check_windows(huisarts, THE_REST)


def test_huisarts_keeps_the_site_text(huisarts: Recorded):
    check_kept(huisarts, KEPT)


def test_huisarts_keeps_the_reminders_picked(huisarts: Recorded):
    assert all(value in field_values(huisarts.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(huisarts.stored, field)] == []


def test_huisarts_last_snapshot_keeps_the_labels(huisarts: Recorded):
    check_kept(last_snapshot(huisarts), LABELS)


@pytest.mark.xfail(strict=True, reason="left open: a town the page wrote into the visitor's town field is tainted, and "
                   "the site's own heading naming it is masked in the snapshots after (see the module's docstring)")
def test_huisarts_last_snapshot_keeps_the_sites_own_town(huisarts: Recorded):
    check_kept(last_snapshot(huisarts), ["Uw adres in Delft"])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(huisarts, redactor_serve):
    check_data_dir(redactor_serve, b"Herhaalrecepten kunt u na inschrijving via de app", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the date of birth typed and told back, the BSN typed and its digits, the emergency contact's field and its parts,
#: the daughter's name and her given name
VERSIONS = [{BORN, BORN_NL, BORN_ISO}, {BSN, BSN_DIGITS}, {CONTACT, CONTACT_NAME, CONTACT_PHONE},
            {CHILD, CHILD_GIVEN}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "huisarts.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
