"""The held-out leak hunt, twenty-seventh round: a Mechelen judo club's family membership for a Japanese-Belgian family
of four, in Dutch, recorded by the unmodified rrweb recorder with its default options.

judoclub.html: the mother's given and family name, then her name in Japanese characters typed through an input method
(Chromium's IME composition driven over the DevTools protocol: the reading in hiragana is composed one kana at a time,
each composing step an input event with the kana in the field's value, then converted to kanji and committed, a batch
cut in the middle of the composition), shown in a <ruby> with the Latin name as its <rt>; a date of birth with
slashes, a national number as the register writes it, a mobile typed one digit short, left (setCustomValidity, the
wrong value quoted in the element aria-errormessage points to, aria-invalid set), then completed; an e-mail holding
her birth year, the street (a Mechelen quay, no street word: 'Hanswijkvaart'); the father's name built into a name
badge one typed character at a time with insertAdjacentText (a text node per character) and merged into one node by
normalize() when the field is left, his mobile in E.164; two children each in a <details> whose <summary> is written
again at every keystroke (given name, age, belt), a date of birth in a type=date and one with dashes, a national
number with dots and one as eleven bare digits, the belt embroidery composed in hiragana and converted to katakana,
in a <ruby> over the given name; the four given names joined by Intl.ListFormat in an aria-live line; a medical note
naming the children's medicines (that must stay readable), the grandmother in Osaka with her Japanese mobile, the
neighbour with her street (no street word: 'Zandpoortvest') and her landline; the FAQ search, the nationality, the
promo code, the IBAN; once sent, a thank-you line quoting the e-mail and the club's signature.
The site's own text that must stay: the heading (with 柔道), the season, the head trainer's name, the sports hall, the
judogi, the belts, the labels, the family line's words, the signature.

First run (3bf282c, written before reading the detection code): no planted value and no 6-character window of one
was stored, in the events or the data dir: the IME's composing readings ('たかは', '高橋はる', 'ゆなまり') and the
committed kanji and katakana, the rubies, the summaries, the family line, the short mobile quoted by the validation
message, the names, streets and phones of the note. Over-masked: the nationality <select>'s every country ('België',
'Japan', 'Nederland') and the visitor's pick, from the first snapshot on: the fieldset's legend 'Ouder 1
(contactpersoon)' gave its person's meaning to every field of the group without one of its own, the <select> too
(986513d, dom.py _field_meaning: a name is typed, never picked from the site's list); the club's town in its heading
and title (the postcode field then held '2800 Mechelen' from the server; typed since, see Left); the words of the
validation message (Left). Probes of the stored events found what the judge's windows cannot see: the father's name
written into the badge one letter a text node was stored as readable letters after the batch end inside it ('e',
'b', 'e', 'e', 'c', 'k'), which a replay shows side by side (redact.py _mask_typed_characters: a text a script
wrote that is, whole, the last character or two of a value masked in that batch is masked;
test_judoclub_badge_shows_no_letter_of_the_name fails without it).
Run with round 24 on one server: its data-dir check found 'ember ' of its planted '8 november 1995' in this round's
summary ('… 9 jaar op 1 september · …', site text, stored readable): the summary says the age otherwise (bd9e336).
Left (xfail, strict): the town of a typed address is remembered with the street's words (by design since round 26:
an echo of the town alone is masked), so a visitor who lives in the club's town ('2800 Mechelen', the usual case for
a local club) has 'Mechelen' masked in the club's own heading and title in every snapshot after; a text in an element
whose id names a field's meaning ('gsm-fout': a phone's) is masked whole, the site's words of the validation message
with the value it quotes (fail closed: a quoted prefix no detector reads would be stored otherwise).
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
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

GIVEN, FAMILY, KANJI = "Haruka", "Takahashi", "高橋遥"
FATHER, KID1, KID2 = "Bram Opdebeeck", "Yuna-Marie", "Kaito"
GRANDMOTHER = "Keiko Takahashi"
MESSAGE = (f"{KID1} heeft astma (Ventolin-puffer in haar sporttas). {KID2} is allergisch voor noten, zijn EpiPen "
           "Junior "
           f"zit in het zijvak van zijn sporttas. Bij een ongeval eerst oma bellen: {GRANDMOTHER}, +81 90-3412-7765 "
           "(Osaka, 7 uur later), anders onze buurvrouw Lutgarde Van Hoeymissen, Zandpoortvest 31, tel. 015 29 63 48. "
           "Dank u!")
IBAN = "BE30 0635 1839 4711"
TOWN = "2800 Mechelen"  # the club's own town: not planted
SEARCH, COUNTRY, CODE = "verzekering bij blessure", "Japan", "SHIZEN-GEZIN26"

THE_MOTHER = [
    Planted("#voornaam", GIVEN, "a Japanese given name"),
    Planted("#familienaam", FAMILY, "a Japanese family name"),
    Planted(None, "たかはし", "the family name's reading in hiragana, composed in the IME before conversion"),
    Planted(None, "高橋はるか", "the name half converted: kanji, then the given name's reading being composed"),
    Planted("#kanji", KANJI, "the name in kanji, committed by the IME, in a <ruby> over the Latin name"),
    Planted("#geboorte", "03/11/1986", "a date of birth with slashes"),
    Planted("#rijksregister", "86.11.03-248.90", "a national number as the register writes it"),
    Planted("#gsm", "0493 61 47 25", "a mobile typed one digit short, quoted by the validation message, then "
            "completed"),
    Planted("#email", "haru.tk1986@docomo.ne.jp", "an e-mail with her birth year, quoted in the thank-you line"),
    Planted("#straat", "Hanswijkvaart 58", "a street with no street word in a 'Straat en huisnummer' field"),
]
THE_FATHER = [
    Planted("#ouder2", FATHER, "a glued particle, in a badge one text node per character, then merged by normalize()"),
    Planted("#ouder2-gsm", "+32477219640", "a mobile in E.164"),
]
THE_CHILDREN = [
    Planted("#kind1-voornaam", KID1, "a hyphenated given name alone, in a <summary>, a <ruby> and the family line"),
    Planted(None, "2016-09-14", "a date of birth picked in a type=date field"),
    Planted("#kind1-rrn", "16.09.14-172.30", "a child's national number with dots"),
    Planted(None, "ゆなまりー", "the embroidery composed in hiragana"),
    Planted(None, "ユナマリー", "the embroidery converted to katakana, in a <ruby>"),
    Planted("#kind2-voornaam", KID2, "a short Japanese given name alone, in a <summary> and the family line"),
    Planted("#kind2-geboorte", "08-05-2019", "a date of birth with dashes"),
    Planted("#kind2-rrn", "19050806165", "a child's national number as eleven bare digits"),
]
IN_THE_MESSAGE = [
    Planted(None, GRANDMOTHER, "the grandmother after 'oma bellen:'"),
    Planted(None, "+81 90-3412-7765", "a Japanese mobile with dashes"),
    Planted(None, "Lutgarde Van Hoeymissen", "the neighbour after 'buurvrouw', a particle"),
    Planted(None, "Zandpoortvest 31", "the neighbour's street, no street word"),
    Planted(None, "015 29 63 48", "a Mechelen landline after 'tel.'"),
]
THE_ACCOUNT = [Planted("#iban", IBAN, "the IBAN for the direct debit")]
KEPT = ["Judoclub Shizen Mechelen · 柔道", "Inschrijving seizoen 2026–2027 · gezinslidmaatschap",
        "Hoofdtrainer: Sensei Hilde Goossens (5e dan).", "Judogi Fuji Kids 130 cm", "sporthal De Nekker",
        "Gezinslidmaatschap 2026–2027 — Judoclub Shizen Mechelen",
        # what the page wrote around what was typed
        "Gezinslidmaatschap voor ", " · gezinskorting −15 %", "9 jaar bij de start van het seizoen",
        "geel-oranje gordel (4e kyu)",
        "Tot op de mat! Het bestuur van Judoclub Shizen"]
#: what the visitor typed or picked that is nobody's data, as the field's value in a full snapshot
TYPED_KEPT = {"faq": SEARCH, "nationaliteit": COUNTRY, "promo": CODE}
#: the medicines in the medical note, in the last snapshot's value of the textarea (settled there)
MEDICINES = ["Ventolin-puffer", "EpiPen Junior"]
LABELS = ["Naam in Japanse tekens (voor het diploma, optioneel)", "Geboortedatum (dd/mm/jjjj)",
          "Rijksregisternummer (verzekering Sport Vlaanderen)", "Straat en huisnummer", "Voor- en familienaam",
          "Naamkaartje voor het ouderbankje: ", "Op het diploma: ",
          "Borduring op de gordel (katakana of Latijns schrift)",
          "Rijksregisternummer kind 2", "Medische info en wie we bij een ongeval bellen", "IBAN voor de domiciliëring"]


def compose(page: Any, ime: Any, reading: str, converted: str, cut_after: int = 0) -> None:
    """Types `reading` through an input method, one kana at a time (each step a composition update: an input event
    with the composing text in the field), then converts and commits it as `converted`. A batch ends after the
    cut_after-th kana when given: in the middle of the composition."""
    for count in range(1, len(reading) + 1):
        ime.send("Input.imeSetComposition", {"text": reading[:count], "selectionStart": count, "selectionEnd": count})
        page.wait_for_timeout(60)
        if count == cut_after:
            cut(page)
    ime.send("Input.insertText", {"text": converted})


@pytest.fixture(scope="module")
def judoclub(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        ime = page.context.new_cdp_session(page)
        recording.type("#faq", SEARCH)
        type_with_cuts(recording, "#voornaam", ["Har", "uka"])
        type_with_cuts(recording, "#familienaam", ["Takah", "ashi"])
        page.click("#kanji")
        compose(page, ime, "たかはし", "高橋", cut_after=3)
        compose(page, ime, "はるか", "遥")
        assert page.input_value("#kanji") == KANJI
        recording.type("#geboorte", "03/11/1986")
        page.select_option("#nationaliteit", COUNTRY)
        type_with_cuts(recording, "#rijksregister", ["86.11.03-24", "8.90"])
        recording.type("#gsm", "0493 61 47 2")
        page.keyboard.press("Tab")
        page.wait_for_selector("#gsm[aria-invalid=true]")
        cut(page)
        page.click("#gsm")
        page.keyboard.press("End")
        page.keyboard.type("5", delay=90)
        page.keyboard.press("Tab")
        page.wait_for_selector("#gsm[aria-invalid=false]")
        type_with_cuts(recording, "#email", ["haru.tk19", "86@docomo.ne.jp"])
        type_with_cuts(recording, "#straat", ["Hanswijkv", "aart 58"])
        recording.type("#postcode", TOWN)

        type_with_cuts(recording, "#ouder2", ["Bram Opde", "beeck"])
        page.keyboard.press("Tab")  # change: the badge's nodes merged
        recording.type("#ouder2-gsm", "+32477219640")

        type_with_cuts(recording, "#kind1-voornaam", ["Yuna-Ma", "rie"])
        page.fill("#kind1-geboorte", "2016-09-14")
        type_with_cuts(recording, "#kind1-rrn", ["16.09.14-17", "2.30"])
        page.select_option("#kind1-gordel", "geel-oranje gordel (4e kyu)")
        page.click("#kind1-borduur")
        compose(page, ime, "ゆなまりー", "ユナマリー", cut_after=2)
        type_with_cuts(recording, "#kind2-voornaam", ["Kai", "to"])
        recording.type("#kind2-geboorte", "08-05-2019")
        type_with_cuts(recording, "#kind2-rrn", ["1905080", "6165"])

        type_with_cuts(recording, "#medisch", split_inside(MESSAGE, "Keiko Taka", "+81 90-34", "Lutgarde Van Hoey",
                                                           "Zandpoort", "015 29 6"), delay=20)
        recording.type("#promo", CODE)
        type_with_cuts(recording, "#iban", ["BE30 0635 18", "39 4711"])
        send_between_snapshots(recording)

    return record("judoclub.html", "heldout27-judoclub", script)


def test_judoclub_page_did_what_the_round_stands_on(judoclub: Recorded):
    """The IME composed the readings before converting them, the validation quoted the short mobile, the badge was
    merged, the summaries and the family line named the children, the rubies held the Japanese names."""
    sent = list(strings(judoclub.sent))
    assert "たかは" in sent and "高橋はる" in sent and "ゆなまり" in sent, "no composition steps"
    assert any("‘0493 61 47 2’ is geen geldig" in text for text in sent), "no validation message"
    assert FATHER in sent and "B" in sent and "k" in sent, "no badge built character by character, then merged"
    family = "Gezinslidmaatschap voor Haruka, Bram, Yuna-Marie en Kaito · gezinskorting −15 %"
    assert family in sent, "no family line"
    assert f"{KID1} · 9 jaar bij de start van het seizoen · geel-oranje gordel (4e kyu)" in sent, "no summary"
    assert KANJI in sent and "ユナマリー" in sent and f"{GIVEN} {FAMILY}" in sent, "no rubies"


def test_judoclub_mother_leaks_nothing(judoclub: Recorded):
    check_windows(judoclub, THE_MOTHER)


def test_judoclub_father_leaks_nothing(judoclub: Recorded):
    check_windows(judoclub, THE_FATHER)


def test_judoclub_children_leak_nothing(judoclub: Recorded):
    check_windows(judoclub, THE_CHILDREN)


def test_judoclub_medical_note_leaks_nothing(judoclub: Recorded):
    check_windows(judoclub, [*IN_THE_MESSAGE, *THE_ACCOUNT])


def badge_letters(events: list[dict[str, Any]]) -> list[str]:
    """The texts added into the name badge, one a keystroke, in order."""
    snapshot = next(event for event in events if event.get("type") == 2)["data"]["node"]
    stack, badge = [snapshot], None
    while stack and badge is None:
        node = stack.pop()
        badge = node["id"] if node.get("attributes", {}).get("id") == "badge" else None
        stack.extend(node.get("childNodes", []))
    return [add["node"].get("textContent") for event in events if event.get("type") == 3
            and event["data"].get("source") == 0 for add in event["data"].get("adds", []) if add["parentId"] == badge]


def test_judoclub_badge_shows_no_letter_of_the_name(judoclub: Recorded):
    """The judge's windows cannot see a name written one letter a node, the replay shows it whole: no letter of it."""
    assert "".join(badge_letters(judoclub.sent)) == FATHER, "test broken"
    assert [letter for letter in badge_letters(judoclub.stored) if letter.strip("*").strip()] == []


def test_judoclub_keeps_the_site_text(judoclub: Recorded):
    check_kept(judoclub, KEPT)


def test_judoclub_keeps_what_was_typed_that_is_nobodys_data(judoclub: Recorded):
    """The FAQ search, the nationality, the promo code in the full snapshots. The medical note ("Medisch") is health
    data (GDPR art. 9), a HEALTH field since review 24 F8: masked whole, its medicines with it (this round kept them
    as nobody's data; the later review counts a child's asthma and its inhaler as the child's)."""
    assert all(value in field_values(judoclub.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(judoclub.stored, field)] == []
    note = field_values(last_snapshot(judoclub).stored, "medisch")[0]
    assert [medicine for medicine in MEDICINES if medicine in note] == [], note


def test_judoclub_last_snapshot_keeps_the_labels(judoclub: Recorded):
    check_kept(last_snapshot(judoclub), LABELS)


@pytest.mark.xfail(strict=True, reason="left: the words of a typed address are remembered for the session, its town "
                   "too (by design since round 26: an echo of the town alone is masked), so a visitor who lives in the "
                   "club's town has the town masked in the club's own heading and title in every snapshot after")
def test_judoclub_last_snapshot_keeps_the_clubs_town_in_its_heading(judoclub: Recorded):
    check_kept(last_snapshot(judoclub), ["Judoclub Shizen Mechelen · 柔道"])


@pytest.mark.xfail(strict=True, reason="left: a text inside an element whose id names a field's meaning ('gsm-fout') "
                   "is masked whole, the site's words of a validation message with it (fail closed: the message "
                   "quotes what was typed, perhaps a prefix no detector reads)")
def test_judoclub_keeps_the_words_of_the_validation_message(judoclub: Recorded):
    check_kept(judoclub, ["is geen geldig gsm-nummer (10 cijfers, begint met 04)"])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_MOTHER, *THE_FATHER, *THE_CHILDREN, *IN_THE_MESSAGE, *THE_ACCOUNT]


def test_no_file_under_the_data_dir_holds_a_planted_value(judoclub, redactor_serve):
    check_data_dir(redactor_serve, b"Judogi Fuji Kids 130 cm", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{FAMILY, GRANDMOTHER}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "judoclub.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
