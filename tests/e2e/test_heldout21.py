"""The held-out leak hunt, twenty-first round: a Walloon energy supplier's "I am moving" form, in French, for a
visitor and her cohabitant, recorded by the unmodified rrweb recorder with its default options, across four page
loads of one session.

energie.html → energie-recap.html → history.back() → energie.html → energie-recap.html: a long form of static
fields whose values Chromium restores when the visitor comes back from the summary page with history.back()
(Playwright's Chromium keeps no back/forward cache: the page loads again, the restored values reach the recording
only in the new load's first full snapshot, without any input event, and the page, seeing a back_forward
navigation, draws its echoes again from them and greets the visitor by given name); a family name with a hyphen
and an apostrophe particle, typed 'Dethier-D'A', then corrected with backspaces to 'Dethier-d'Aoust'; a date of
birth with dashes; a Belgian national number; the cohabitant's Ghanaian name and his BIS number (the register's
number for people not in the national register: the month plus 40); a supply address with no street word (a
Walloon 'Thier', a steep street); the meters' 18-digit EAN codes (the GS1 number of a home's supply point), read
back in three groups of six, one <span> each whose text node is edited in place; a contract card with the names
in <bdi>s and schema.org microdata (<meta itemprop content>: the e-mail, the mobile in E.164, the date of birth
as an ISO date); the SEPA mandate's preview written with document.open()/write()/close() into an about:blank
<iframe>; notes for the technician naming the landlord after 'M.' with a landline written with a slash and
dots, the former tenant after 'Mme' with a French mobile written with 0033, the old address, shown again
linkified (tel: links in E.164, the text split around them); a mobile corrected with backspaces after coming
back. The summary page upper-cases the family name, writes the birth date in French words, the electricity EAN
in groups of four, the gas EAN as typed.

Chromium, as Playwright runs it, puts the values back after rrweb's first snapshot of the reloaded page (taken at
`load`) and before `pageshow`, with no input event: they reach the recording in that load's later snapshot and in
the echoes the page draws again on `pageshow`.

First run (d1abea4, the page as it is): 6 of 9 failed, what leaked —
- the date of birth typed '21-05-1986' as microdata's <meta itemprop=birthDate content="1986-05-21"> (the taint
  held the typed date's words in its order only);
- the gas EAN code typed in a field whose label names no kind of value ('Code EAN gaz'), stored whole on both loads
  of the summary page: masked in its keystrokes as the growing end of a value, it was never tainted; and both codes'
  groups of six, alone in their <span>s, in the form's later snapshots (masked in the mutations while typing, as
  copies of the value typed in the same batch; no taint held a group of six alone);
- the notes' phones linked while typed: 'tel:+32434217', 'tel:+3378129405' (no phone yet to a detector), and the
  French mobile's link text '**** 7 81 29 40 5' ('0033' masked as a piece of the typed value, the shorter groups not);
and the data dir held the same windows. Over-masked: 'Mosa' of the product line 'Mosa Fixe 3 ans' and the select's
'Mosa Variable' and 'Gaz Condroz Variable' (read as full names, by the model and by a list entry's shape), and
'! Vos' of 'Bon retour, Perrine ! Vos réponses ont été conservées.' (the model read 'Perrine ! Vos' as one name).
Held on the first run: the restored values in the reloaded page's snapshots and the greeting drawn from them, the
cohabitant's name and BIS number, the supply address with no street word, the mandate preview written by
document.write (holder, address, IBAN), the microdata's name, e-mail and E.164 mobiles, the upper-cased family name,
the date in French words ('né·e le' before it), the family name as first typed, the corrected mobile, the landlord,
the former tenant, the old address, the Liège landline and its whole tel: link.
After 1f676a6 (content.py: a number typed as a field's whole value where nothing names the field taints the
session), b968804 (taint.py: a long number grouped by six from either end, each group alone too), 82ab999
(redact.py: a date of birth taints its other orders and spellings, ISO and the month's name), 6025dd4 (content.py:
a tel:/sms:/callto: link's number masked whole by its scheme), 059bfcf (redact.py: digit groups and the spaces
between them are one piece of what a script drew), 464a392 (names.py: a model's name stops at a sentence's mark;
'bon retour' greets) and 2dd8ddf (rules/pii.yaml: tariff words are product words; a select's entry a product word
names is no person's), 9 of 9 pass.
Later, run beside round 22: when the recorder's own flush landed inside the mobile's second piece, the microdata's
E.164 of the mobile being typed ('+32496581', its attribute's one value in that batch: no series) was stored; d1e2846
(redact.py: a group of digits a script writes that holds a number typed in its batch, in another form, is masked).
Left (not leaks here): a long number shown in separate boxes of seven digits or more (halves of an EAN code) is
tainted alone only in groups of six; a date of birth typed with a two-digit year taints no other order; a number
typed in a field nothing names is tainted from its first batch on even when cut short there (a prefix of eight
digits or more masks that prefix's echoes too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

FAMILY = "Dethier-d'Aoust"
FAMILY_FIRST_TYPED = "Dethier-D'A"  # the particle's case corrected with backspaces
FULL_NAME = "Perrine Dethier-d'Aoust"
COHABITANT = "Kwadwo Ofori-Atta"
MOBILE, MOBILE_CORRECTED = "0496/58.13.07", "0496/58.13.70"
EAN_ELEC, EAN_GAS = "541449370006129054", "541453768000472864"
NOTES = ("Les clés sont chez le propriétaire, M. Ferdinand Closset, joignable au 04/342.17.60 après 17h. "
         "L'ancienne locataire, Mme Nadège Coenraets-Hick, a relevé les index le 28/02 ; elle vit maintenant en France, "
         "au 0033 7 81 29 40 58. Notre ancienne adresse : Rue Griange 38/2, 4500 Huy.")

HOLDER = [
    Planted("#d-given", "Perrine", "a given name, greeted alone after history.back() and on the confirmation"),
    Planted("#d-family", FAMILY, "a family name with a hyphen and an apostrophe particle, restored by the browser"),
    Planted(None, FAMILY_FIRST_TYPED, "the family name as first typed, before backspaces corrected the particle"),
    Planted(None, FULL_NAME, "the full name in the card's <bdi> and its microdata <meta content>"),
    Planted(None, "DETHIER-D'AOUST", "the family name upper-cased on the summary page"),
    Planted("#d-dob", "21-05-1986", "a date of birth with dashes"),
    Planted(None, "1986-05-21", "the date of birth as an ISO date in the card's microdata"),
    Planted(None, "21 mai 1986", "the date of birth in French words on the summary page"),
    Planted("#d-nn", "86.05.21-302.36", "a Belgian national number with dots and a dash"),
    Planted("#d-mail", "perrine.dda86@voo.be", "an e-mail, in the microdata and the confirmation"),
    Planted("#d-mobile", MOBILE, "a Belgian mobile written with a slash and dots"),
    Planted(None, MOBILE_CORRECTED, "the mobile corrected with backspaces after coming back"),
    Planted(None, "+32496581307", "the mobile in E.164 in the card's microdata"),
    Planted(None, "+32496581370", "the corrected mobile in E.164 in the card's microdata"),
]
COHABITANT_AND_HOME = [
    Planted("#d-co", COHABITANT, "the cohabitant's Ghanaian name, then the account holder and the mandate's debtor"),
    Planted("#d-co-bis", "85.43.03-417.27", "a Belgian BIS number (month plus 40)"),
    Planted("#d-new", "Thier Pirard 9, 4032 Chênée", "a supply address with no street word, in the mandate preview"),
    Planted("#d-iban", "BE63 7512 0863 4108", "a Belgian IBAN typed grouped, in the mandate preview"),
]
METERS = [
    Planted("#d-ean-elec", EAN_ELEC, "the electricity meter's EAN code (18 digits)"),
    Planted(None, "5414 4937 0006 1290 54", "the electricity EAN in groups of four on the summary page"),
    Planted("#d-ean-gas", EAN_GAS, "the gas meter's EAN code (18 digits), as typed on the summary page"),
    *(Planted(None, code[start:start + 6], "a group of six of an EAN code, alone in its <span>")
      for code in (EAN_ELEC, EAN_GAS) for start in (0, 6, 12)),
]
IN_THE_NOTES = [
    Planted(None, "Ferdinand Closset", "the landlord after 'M.'"),
    Planted(None, "04/342.17.60", "a landline written with a slash and dots"),
    Planted(None, "+3243421760", "the landline in E.164 in the preview's tel: link"),
    Planted(None, "Nadège Coenraets-Hick", "the former tenant after 'Mme'"),
    Planted(None, "0033 7 81 29 40 58", "a French mobile with the 0033 international prefix"),
    Planted(None, "+33781294058", "the French mobile in E.164 in the preview's tel: link"),
    Planted(None, "Rue Griange 38/2, 4500 Huy", "the old address, a box number after a slash"),
]
KEPT = ["Clarté Mosane · Énergie pour la Wallonie", "Mosa Fixe 3 ans — électricité verte, prix bloqué jusqu'en 2030",
        "Agence de Huy, à côté de la Collégiale", "Gaz Condroz Variable", "4200 kWh/an",
        "Mandat de domiciliation européenne SEPA", "Créancier : Clarté Mosane SA, Huy",
        "Récapitulatif de votre demande", "Votre demande est enregistrée", "Vos réponses ont été conservées",
        "Où trouver mon code EAN ?", "Belgique",
        # what the visitor wrote that is nobody's data
        "DEMENAGE50", "compteur bi-horaire", "Les clés sont chez le propriétaire"]
#: labels read in the form's last full snapshot, once everything is typed and restored
LABELS = ["Nouvelle adresse de fourniture", "Numéro de registre national", "Cohabitant·e (nom et prénom)",
          "Son numéro BIS", "Code EAN électricité", "Titulaire du compte", "Informations pour le technicien",
          "Semaine souhaitée pour la visite du technicien"]


@dataclass
class Moved(Recorded):
    loads: list[list[dict[str, Any]]] = field(default_factory=list)  # what the browser sent, per page load


def go(page: Any, action: Any, url: str, ready: str = "true") -> None:
    """A click that loads another page of the session; waits until its recorder runs."""
    with page.expect_navigation(url=url):
        action()
    page.wait_for_function(f"window.__recorder && window.__recorder.started && ({ready})")


@pytest.fixture(scope="module")
def energie(record) -> Moved:  # noqa: F811 (the fixture imported above)
    loads: list[list[dict[str, Any]]] = []

    def script(recording: Recording, page: Any) -> None:
        page.fill("#d-date", "2027-04-01")
        page.fill("#d-week", "2027-W14")
        type_with_cuts(recording, "#d-new", ["Thier Pir", "ard 9, 4032 Chê", "née"])
        type_with_cuts(recording, "#d-given", ["Perr", "ine"])
        type_with_cuts(recording, "#d-family", [FAMILY_FIRST_TYPED])
        cut(page)
        for _ in range(3):
            page.keyboard.press("Backspace")
        page.locator("#d-family").press_sequentially("d'Aoust", delay=SLOW_MS)
        type_with_cuts(recording, "#d-dob", ["21-05-19", "86"])
        type_with_cuts(recording, "#d-nn", ["86.05.21-3", "02.36"])
        type_with_cuts(recording, "#d-mail", ["perrine.d", "da86@voo.be"])
        type_with_cuts(recording, "#d-mobile", ["0496/58", ".13.07"])
        type_with_cuts(recording, "#d-co", ["Kwadwo Of", "ori-Atta"])
        type_with_cuts(recording, "#d-co-bis", ["85.43.03-4", "17.27"])
        type_with_cuts(recording, "#d-ean-elec", ["5414493700", "06129054"])
        recording.type("#d-idx-day", "04817")
        recording.type("#d-idx-night", "02391")
        type_with_cuts(recording, "#d-ean-gas", ["541453768", "000472864"])
        recording.type("#d-idx-gas", "11562")
        page.select_option("#d-offer", "Gaz Condroz Variable")
        page.fill("#d-kwh", "4200")
        recording.type("#d-promo", "DEMENAGE50", delay=SLOW_MS)
        type_with_cuts(recording, "#d-holder", ["Kwadwo Ofori", "-Atta"])
        type_with_cuts(recording, "#d-iban", ["BE63 7512 08", "63 4108"])
        page.click("#d-preview-mandate")
        type_with_cuts(recording, "#d-notes", split_inside(NOTES, "M. Ferdinand Clo", "au 04/342.1", "Mme Nadège Coen",
                                                            "au 0033 7 81", "Rue Grian"))
        recording.type("#d-faq", "compteur bi-horaire", delay=SLOW_MS)
        cut(page)
        recording.snapshot()
        loads.append(recording.finish())

        go(page, lambda: page.click("#d-check"), "**/energie-recap.html")
        loads.append(recording.finish())
        go(page, lambda: page.click("#r-edit"), "**/energie.html", "!document.getElementById('d-back').hidden")
        assert page.input_value("#d-family") == FAMILY, "the browser did not restore the form"
        page.click("#d-mobile")
        page.keyboard.press("End")
        for _ in range(2):
            page.keyboard.press("Backspace")
        cut(page)
        page.locator("#d-mobile").press_sequentially("70", delay=SLOW_MS)
        cut(page)
        recording.snapshot()
        loads.append(recording.finish())

        go(page, lambda: page.click("#d-check"), "**/energie-recap.html")
        page.click("#r-confirm")
        page.wait_for_function("!document.getElementById('r-done').hidden")
        recording.snapshot()

    recorded = record("energie.html", "heldout21-energie", script)
    loads.append(recorded.sent)
    return Moved(recorded.session, [event for load in loads for event in load], recorded.stored, recorded.remarks,
                 loads)


def test_energie_page_did_what_the_round_stands_on(energie: Moved):
    """The browser put the values back with no input event (they reach the recording in the restored load's
    snapshots only); the echoes were built."""
    assert len(energie.loads) == 4, "four page loads"
    restored = energie.loads[2]
    assert not any(event.get("type") == 3 and event["data"].get("source") == 5 and event["data"].get("text") == FAMILY
                   for event in restored), "the restored family name came as an input event"
    last = [event for event in restored if event.get("type") == 2][-1]
    assert {FAMILY, "86.05.21-302.36", EAN_ELEC, NOTES} <= set(strings(last)), "the form was not restored"
    sent = list(strings(energie.sent))
    assert "Bon retour, Perrine ! Vos réponses ont été conservées." in sent, "no greeting after coming back"
    for group in (EAN_ELEC[:6], EAN_ELEC[6:12], EAN_GAS[12:]):
        assert group in sent, f"no group {group} of an EAN in its span"
    assert {"+32496581307", "1986-05-21", "perrine.dda86@voo.be", FULL_NAME} <= set(sent), "no microdata"
    assert {"tel:+3243421760", "tel:+33781294058"} <= set(sent), "no linkified notes"
    assert {"Mandat de domiciliation européenne SEPA", COHABITANT, "BE63 7512 0863 4108"} <= set(sent), "no mandate"
    assert any("DETHIER-D'AOUST, né·e le 21 mai 1986" in text for text in sent), "no summary"
    assert "5414 4937 0006 1290 54" in sent, "no EAN in fours"


def test_energie_holder_leaks_nothing(energie: Moved):
    check_windows(energie, HOLDER)


def test_energie_cohabitant_and_home_leak_nothing(energie: Moved):
    check_windows(energie, COHABITANT_AND_HOME)


def test_energie_meters_leak_nothing(energie: Moved):
    check_windows(energie, METERS)


def test_energie_notes_leak_nothing(energie: Moved):
    assert any(NOTES in text for text in strings(energie.sent)), "the notes were never sent whole"
    check_windows(energie, IN_THE_NOTES)


def test_energie_keeps_the_site_text(energie: Moved):
    check_kept(energie, KEPT)


def form_snapshot(recorded: Recorded) -> Recorded:
    """The form page's last full snapshot (the session ends on the summary page)."""
    def last(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        href, found = "", None
        for event in events:
            if event.get("type") == 4:
                href = event["data"].get("href", "")
            elif event.get("type") == 2 and href.endswith("/energie.html"):
                found = event
        return [found] if found else []

    return Recorded(recorded.session, last(recorded.sent), last(recorded.stored), {})


def test_energie_form_snapshot_keeps_the_labels(energie: Moved):
    check_kept(form_snapshot(energie), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*HOLDER, *COHABITANT_AND_HOME, *METERS, *IN_THE_NOTES]


def test_no_file_under_the_data_dir_holds_a_planted_value(energie, redactor_serve):
    check_data_dir(redactor_serve, b"Mosane", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{"Perrine", FAMILY, FAMILY_FIRST_TYPED, FULL_NAME, "DETHIER-D'AOUST", "perrine.dda86@voo.be"},
            {MOBILE, MOBILE_CORRECTED, "+32496581307", "+32496581370"},
            {"21-05-1986", "1986-05-21", "21 mai 1986", "86.05.21-302.36"},
            {EAN_ELEC, "5414 4937 0006 1290 54", EAN_GAS},
            {"04/342.17.60", "+3243421760"}, {"0033 7 81 29 40 58", "+33781294058"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    site_text = [(PAGES / name).read_text() for name in ("energie.html", "energie-recap.html")]
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, *site_text], VERSIONS)
