"""The held-out leak hunt, ninth round: a Dutch webshop's return form for a Polish visitor and a Bruges
B&B's online check-in for an Italian guest, recorded by the unmodified rrweb recorder with two of its
documented options that the earlier rounds never turned on (recordCanvas, recordCrossOriginIframes).

retour.html: a home-furnishing shop's return form — the order history rendered by the server (earlier
deliveries to the visitor, "Ł. Wiśniewski", and to his wife at a Polish address "ul. Długa 14/3, 80-827
Gdańsk"), a form built by a small component library whose preview card is built again from scratch at every
keystroke (replaceChildren: new nodes and ids, the typed values shown back, a title "Retour van …"), a
return label drawn on a <canvas> with fillText at every keystroke (rrweb's CanvasMutation events: the
name, the address and the phone in the commands' args), a name with Polish letters, a phone with +48, a
Dutch postcode typed without its space, a PL IBAN told back shortened, and an explanation naming the wife
and her Polish mobile written 3-3-3 with dashes, and the mother-in-law with her Rotterdam address.
gastenverblijf.html (+ gast-chat.html on another origin): the guest register the law asks of a B&B —
a date of birth, an Italian identity card's number, a home address in Florence; an IT IBAN pasted,
grouped and its end told back; a special-wishes box that is an <iframe> whose document is in designMode
(nothing in the DOM says it is editable), where the guest names a friend travelling along, his date of
birth in words and his +351 mobile, then pastes her signature block (HTML: name, landline, work e-mail);
a support chat in a cross-origin <iframe> (its own rrweb hands its events to the page's), with a pre-chat
form and a message naming the guest's sister, her Ghent address (a Belgian postcode with the town after)
and her Belgian mobile.

First run, before any change: 5 of 11 tests failed, what leaked —
- the order history the server rendered: 'Ł. Wiśniewski' (an initial and a surname alone in a table cell;
  the wife's whole name beside it was masked) and the Polish address 'ul. Długa 14/3, 80-827 Gdańsk';
- the canvas label's fillText args (rrweb's CanvasMutation, source 9) held the phone being typed:
  'Tel. +48 60', 'Tel. +48 601 73' (the same prefixes in the re-rendered preview card were masked);
- a Polish mobile written 3-3-3 with dashes in the explanation textarea: 'bereikbaar op 512-448-907';
- in the designMode document, the friend's date of birth in words while its year was typed:
  'geboren op 3 november 1', '… 3 november 19' (the whole date, once typed, was masked);
- the firm's name in the pasted signature, 'Studio Legale Oltrarno', is the domain of the work e-mail
  below it ('…@studiolegale-oltrarno.it'; the e-mail itself was masked);
and the data dir held the same. The cross-origin chat (recordCrossOriginIframes), the re-rendered card,
the register, the pasted IBAN and its end leaked nothing.

After the fixes on branch hunt9 (9db4db7 … b6c8ec9: canvas text read as a script's copy; nine digits in threes
with no trunk prefix beside a phone word; dashed postcodes after a house number; initials and a surname; a
date of birth still being typed where a text ends; an e-mail's domain from a field's value taints the session;
a name's span starts at its given name after a particle, as 'Retour van Łukasz Wiś' had 'Retour' tainted and
the site's 'Retour aanmelden' masked in a later run): 9 of 11 pass, 2 are xfail (strict) for the signature's
firm name that is the work e-mail's domain, typed in the designMode document, no field. Rounds 1-8 still pass
run together with this one, but round 7's test_gemeente_keeps_the_site_text ('Tussenvoegsel' masked), which
fails on main as well.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from planted import texts

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout7 import check_decoded_windows
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


# -- retour.html -------------------------------------------------------------------------------------
SERVER_RENDERED = [
    Planted(None, "Ł. Wiśniewski", "the visitor's initial and surname in the order history the server rendered"),
    Planted(None, "Nieuwe Binnenweg 212B, 3015BM Rotterdam", "an earlier delivery address in the order history"),
    Planted(None, "Agnieszka Wiśniewska", "the wife's name in the order history"),
    Planted(None, "ul. Długa 14/3, 80-827 Gdańsk", "a Polish address in the order history"),
]
RETURN_TYPED = [
    Planted("#vl-name", "Łukasz Wiśniewski", "name typed, in the re-rendered preview card, its title and the "
            "canvas label's fillText"),
    Planted("#vl-email", "lukasz.wisniewski@onet.pl", "e-mail typed, in the preview card"),
    Planted("#vl-phone", "+48 601 734 219", "a Polish mobile typed, in the preview card and the canvas label"),
    Planted("#vl-postcode", "3015BM", "a Dutch postcode typed without its space, in the card and the canvas"),
    Planted("#vl-city", "Rotterdam", "the town typed after the postcode"),
    Planted("#vl-iban", "PL27 1140 2004 0000 3902 7541 8832", "a PL IBAN typed in groups, told back shortened "
            "('PL27 … 8832')"),
]
RETURN_NOTES = ("Het tapijt is met een scheur geleverd. Mijn vrouw Agnieszka heeft het pakket aangenomen, zij is "
                "bereikbaar op 512-448-907. Ophalen mag ook bij mijn schoonmoeder, mevr. Halina Zawadzka, "
                "Mathenesserlaan 87a, 3021 HB Rotterdam.")
RETURN_NOTES_PLANTED = [
    Planted(None, "Agnieszka", "the wife's given name alone in the explanation"),
    Planted(None, "512-448-907", "a Polish mobile without its country code, 3-3-3 with dashes"),
    Planted(None, "Halina Zawadzka", "the mother-in-law's name after 'mevr.'"),
    Planted(None, "Mathenesserlaan 87a, 3021 HB", "her street, number and postcode"),
]
RETOUR_KEPT = ["Tapijthuis De Vlasakker", "Vloerkleden, tapijt en gordijnen op maat", "Mijn bestellingen",
               "Retour aanmelden", "Reden van retour", "Beschadigd geleverd", "Samenvatting retour VL-20931",
               "Tapijthuis De Vlasakker, Retourcentrum, Dok 4", "Het tapijt is met een scheur geleverd.",
               "Vragen? Onze klantenservice is op werkdagen bereikbaar van 9 tot 17 uur."]


@pytest.fixture(scope="module")
def retour(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#vl-name", ["Łukasz Wiś", "niewski"])
        type_with_cuts(recording, "#vl-email", ["lukasz.wisn", "iewski@onet.pl"])
        type_with_cuts(recording, "#vl-phone", ["+48 601 7", "34 219"])
        type_with_cuts(recording, "#vl-postcode", ["301", "5BM"])
        recording.type("#vl-number", "212B")
        type_with_cuts(recording, "#vl-city", ["Rotte", "rdam"])
        page.select_option("#vl-reason", "beschadigd")
        type_with_cuts(recording, "#vl-iban", ["PL27 1140 2004 0", "000 3902 7541 8832"])
        type_with_cuts(recording, "#vl-notes", split_inside(RETURN_NOTES, "zij is bereikbaar op 512-4",
                                                            "mevr. Halina Zaw", "Mathenesserl"))
        page.wait_for_timeout(300)
        recording.snapshot()

    return record("retour.html", "heldout9-retour", script)


def test_retour_typed_values_their_card_and_label_leak_nothing(retour: Recorded):
    sent = texts(retour.sent)
    assert "Afzender: Łukasz Wiśniewski" in sent, "the canvas label was never recorded (recordCanvas)"
    assert "Terugbetaling van € 349,00 naar PL27 … 8832 t.n.v. Łukasz Wiśniewski" in sent, "the card never told it back"
    check_windows(retour, RETURN_TYPED)


def test_retour_order_history_leaks_nothing(retour: Recorded):
    check_windows(retour, SERVER_RENDERED)


def test_retour_explanation_leaks_nothing(retour: Recorded):
    assert any(RETURN_NOTES in text for text in texts(retour.sent)), "the explanation was never sent whole"
    check_windows(retour, RETURN_NOTES_PLANTED)


def test_retour_keeps_the_site_text(retour: Recorded):
    check_kept(retour, RETOUR_KEPT)


# -- gastenverblijf.html + gast-chat.html ------------------------------------------------------------
REGISTER = [
    Planted("#gv-given", "Giulia", "given name typed in 'Voornaam / Nome', in the status line and the title"),
    Planted("#gv-family", "Bernardini", "family name typed in 'Achternaam / Cognome', in the document title"),
    Planted("#gv-dob", "12/03/1985", "date of birth typed in 'Geboortedatum / Data di nascita'"),
    Planted("#gv-doc", "CA48213KF", "an Italian identity card's number in 'Nummer identiteitsdocument'"),
    Planted("#gv-address", "Via dei Serragli 41, 50124 Firenze", "an Italian home address"),
    Planted("#gv-mail", "giulia.bernardini@libero.it", "e-mail typed; the same in the chat's pre-chat form"),
    Planted(None, "IT71 R030 6905 0201 4700 0458 219", "an IT IBAN pasted, grouped in fours by the page"),
    Planted(None, "0458219", "the IBAN's end told back ('… die eindigt op …')"),
]
WISHES = ("We komen rond 22 uur aan. Mijn vriend João Conceição reist mee, geboren op 3 november 1990, "
          "zijn gsm is +351 912 604 385. ")
SIGNATURE_HTML = ("<p>Cordiali saluti,<br>Giulia Bernardini<br>Avvocato — Studio Legale Oltrarno<br>"
                  "Tel. +39 055 284 7193<br>g.bernardini@studiolegale-oltrarno.it</p>")
WISHES_PLANTED = [
    Planted(None, "João Conceição", "a friend's name typed in a designMode <iframe> (characterData per key)"),
    Planted(None, "3 november 1990", "his date of birth in words in the designMode document"),
    Planted(None, "+351 912 604 385", "his Portuguese mobile in the designMode document"),
    Planted(None, "Giulia Bernardini", "the guest's name in the pasted signature block, the chat's pre-chat form"),
    Planted(None, "+39 055 284 7193", "an Italian landline in the pasted signature block"),
    Planted(None, "g.bernardini@studiolegale-oltrarno.it", "a work e-mail in the pasted signature block"),
]
CHAT_MESSAGE = ("Arriviamo verso le 22:30. In caso di emergenza: mia sorella Chiara Bernardini, "
                "Sint-Pietersnieuwstraat 126, 9000 Gent, 0487 21 63 90.")
CHAT_PLANTED = [
    Planted(None, "Chiara Bernardini", "the sister's name in a chat message (a cross-origin iframe), its bubble"),
    Planted(None, "Sint-Pietersnieuwstraat 126, 9000 Gent", "a Ghent address, the town after the postcode"),
    Planted(None, "0487 21 63 90", "a Belgian mobile in the chat message"),
]
GV_KEPT = ["B&B Het Prinsenhof", "Vijf kamers aan de Reie, op wandelafstand van de Markt",
           "Gastenregister / Fiche d'hôtel", "Bijzondere wensen", "Chat met Marleen (gastvrouw)",
           "Genoteerd, je kamerkaart ligt klaar in het kluisje aan de voordeur.", "Waarmee kan ik je helpen?",
           "Ontbijt tussen 8 en 10 uur in de tuinkamer.", "We komen rond 22 uur aan.", "Arriviamo verso le 22:30."]


def frame_type(page: Any, frame: str, selector: str, pieces: list[str]) -> None:
    """type_with_cuts inside an <iframe> (the chat's, on another origin)."""
    field = page.frame_locator(frame).locator(selector)
    for index, piece in enumerate(pieces):
        if index:
            cut(page)
        else:
            field.click()
        field.press_sequentially(piece, delay=SLOW_MS)


@pytest.fixture(scope="module")
def gastenverblijf(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        chat = page.frame_locator("#gv-chat")
        chat.locator("#gc-name").wait_for()
        type_with_cuts(recording, "#gv-given", ["Giu", "lia"])
        type_with_cuts(recording, "#gv-family", ["Bernar", "dini"])
        type_with_cuts(recording, "#gv-dob", ["12/03/1", "985"])
        page.select_option("#gv-nat", "IT")
        type_with_cuts(recording, "#gv-doc", ["CA482", "13KF"])
        type_with_cuts(recording, "#gv-address", ["Via dei Serra", "gli 41, 50124 Firenze"])
        recording.type("#gv-mail", "giulia.bernardini@libero.it")
        page.locator("#gv-iban").click()
        page.keyboard.insert_text("IT71 R030 6905 0201 4700 0458 219")  # pasted
        cut(page)
        wishes = page.frame_locator("#gv-wishes").locator("body")
        page.wait_for_function("document.getElementById('gv-wishes').contentDocument.designMode === 'on'")
        wishes.click()
        for index, piece in enumerate(split_inside(WISHES, "João Concei", "+351 912 6")):
            if index:
                cut(page)
            page.keyboard.type(piece, delay=SLOW_MS)
        wishes.evaluate("(body, html) => body.ownerDocument.execCommand('insertHTML', false, html)", SIGNATURE_HTML)
        cut(page)
        frame_type(page, "#gv-chat", "#gc-name", ["Giulia Bern", "ardini"])
        frame_type(page, "#gv-chat", "#gc-mail", ["giulia.bernardini@libero.it"])
        chat.locator("#gc-open").click()
        frame_type(page, "#gv-chat", "#gc-message", split_inside(CHAT_MESSAGE, "Chiara Bern", "Sint-Pietersn",
                                                                "0487 21 6"))
        chat.locator("#gc-send").click()
        chat.locator("text=Genoteerd").wait_for()
        page.click("#gv-send")
        page.wait_for_timeout(300)
        recording.snapshot()

    return record("gastenverblijf.html", "heldout9-gastenverblijf", script)


def test_gastenverblijf_register_leaks_nothing(gastenverblijf: Recorded):
    sent = texts(gastenverblijf.sent)
    assert "Terugstorting naar de rekening die eindigt op 0458219" in sent, "the IBAN's end was never told back"
    assert "Ingecheckt: Giulia Bernardini" in sent, "the title never changed"
    check_windows(gastenverblijf, REGISTER)


_SIGNATURE_DOMAIN = pytest.mark.xfail(strict=True, reason=(
    "the firm's name 'Studio Legale Oltrarno' in the pasted signature is the domain of the work e-mail below it "
    "('…@studiolegale-oltrarno.it'); an e-mail's domain taints the session only from a field's value (one found "
    "in a page's text is as often the site's own, naming the site), and the designMode document is no field"))


@_SIGNATURE_DOMAIN
def test_gastenverblijf_design_mode_wishes_leak_nothing(gastenverblijf: Recorded):
    sent = texts(gastenverblijf.sent)
    assert any("João Conceição" in text for text in sent), "the designMode document was never recorded"
    assert any("studiolegale-oltrarno.it" in text for text in sent), "the signature was never pasted"
    check_windows(gastenverblijf, WISHES_PLANTED)


def test_gastenverblijf_cross_origin_chat_leaks_nothing(gastenverblijf: Recorded):
    sent = texts(gastenverblijf.sent)
    assert "Dag Giulia, welkom! Waarmee kan ik je helpen?" in sent, "the chat frame was never recorded"
    assert CHAT_MESSAGE in sent, "the chat message was never sent whole"
    check_windows(gastenverblijf, CHAT_PLANTED)


def test_gastenverblijf_keeps_the_site_text(gastenverblijf: Recorded):
    check_kept(gastenverblijf, GV_KEPT)


def test_percent_encoded_echoes_leak_nothing(retour: Recorded, gastenverblijf: Recorded):
    check_decoded_windows(retour, [*SERVER_RENDERED, *RETURN_TYPED, *RETURN_NOTES_PLANTED])
    check_decoded_windows(gastenverblijf, [*REGISTER, *WISHES_PLANTED, *CHAT_PLANTED])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*SERVER_RENDERED, *RETURN_TYPED, *RETURN_NOTES_PLANTED, *REGISTER, *WISHES_PLANTED, *CHAT_PLANTED]


@_SIGNATURE_DOMAIN
def test_no_file_under_the_data_dir_holds_a_planted_value(retour, gastenverblijf, redactor_serve):
    check_data_dir(redactor_serve, b"Tapijthuis De Vlasakker", [item for item in ALL_PLANTED if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [
    {"Ł. Wiśniewski", "Łukasz Wiśniewski", "Agnieszka Wiśniewska", "Agnieszka", "lukasz.wisniewski@onet.pl"},
    {"Nieuwe Binnenweg 212B, 3015BM Rotterdam", "3015BM", "Rotterdam", "Mathenesserlaan 87a, 3021 HB"},
    {"Giulia", "Bernardini", "Giulia Bernardini", "giulia.bernardini@libero.it", "Chiara Bernardini",
     "g.bernardini@studiolegale-oltrarno.it"},
    {"IT71 R030 6905 0201 4700 0458 219", "0458219"},
]


def _without_history(html: str) -> str:
    return re.sub(r"<tbody>.*?</tbody>", "", html, flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED,
                           [*RETOUR_KEPT, *GV_KEPT, RETURN_NOTES.split("Mijn vrouw")[0], WISHES.split("Mijn")[0],
                            CHAT_MESSAGE.split("mia sorella")[0],
                            *[_without_history((PAGES / page).read_text())
                              for page in ("retour.html", "gastenverblijf.html", "gast-chat.html")]],
                           VERSIONS)
