"""The held-out leak hunt, fourth round: a wizard and an application form as they are built today,
recorded by the unmodified rrweb recorder.

transfer.html: a Dutch bank transfer wizard — steps shown and hidden, an IBAN grouped and upper-cased
by a mask, typed one digit short and repeated by an error summary on top, then completed; a
beneficiary list rendered from the typed values through innerHTML (the IBAN in a data-* attribute
too); a BSN, a date of birth and a mobile number formatted by masks; an e-mail written by script as
autofill does; a review step in a <dl> and a <table>, a <dialog> quoting the name and IBAN, a toast
with the name shortened.
apply.html: a Belgian (French) job application — a CV chosen in a type=file field and its name shown,
a phone typed in a web component's open shadow root, a LinkedIn URL whose slug is the name, a date of
birth picked in a calendar widget (month and year <select>s, a grid of days) and said in words, a
custom listbox, chips made of typed words (languages, a reference's name and phone), a rich-text
cover letter (bold and a list made by the editor, a paste of HTML naming a third person), rows cloned
from a <template>, a national number in a <details> with a mask, <output>s and a live profile card
mirroring the values by textContent and innerHTML.
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def autofill(page: Any, selector: str, value: str) -> None:
    """A value written by the browser's autofill: no keystroke, input and change dispatched."""
    page.eval_on_selector(selector, """(field, value) => {
        field.value = value;
        field.dispatchEvent(new Event("input", {bubbles: true}));
        field.dispatchEvent(new Event("change", {bubbles: true}));
    }""", value)


def paste_html(page: Any, selector: str, html: str) -> None:
    """A paste of rich text (a text/html clipboard) into an editor, whose handler inserts it."""
    page.eval_on_selector(selector, """(editor, html) => {
        const clipboard = new DataTransfer();
        clipboard.setData("text/html", html);
        editor.focus();
        editor.dispatchEvent(new ClipboardEvent("paste", {clipboardData: clipboard, bubbles: true, cancelable: true}));
    }""", html)


# -- transfer.html ------------------------------------------------------------------------------------
TRANSFER_FIELDS = [
    Planted("#tr-name", "Aafke Rinsmeuzel", "beneficiary's name (a surname no list knows), rendered into the "
            "beneficiary list by innerHTML ('Aafke R.', title), the <option> picked again, document.title, the "
            "review <dd>, the <dialog> and the toast ('A. Rinsmeuzel')"),
    Planted(None, "NL39 TRIO 0338 5219 6", "IBAN one digit short, grouped by a mask, repeated by the error "
            "summary ('“…” is geen geldig IBAN-nummer')"),
    Planted(None, "NL39 TRIO 0338 5219 64", "the IBAN completed, in the list's data-iban, a clipboard helper "
            "<textarea>, an aria-live 'gekopieerd', the <option> picked again, a hidden JSON input, the review and "
            "the dialog"),
    Planted(None, "Wijde Doelen 4", "a street without a street word in the transfer's description"),
    Planted(None, "Thomas Peeters", "a second beneficiary's common name typed over the first, shortened in the "
            "list ('Thomas P.', the whole name in its title) and in an <option> the page made, data-name too"),
    Planted(None, "BE31 0634 7182 9455", "the second beneficiary's IBAN pasted over the first, in the list and the "
            "<option> the page made"),
    Planted("#tr-payer", "Hidde Zwerverink", "payer's name (a surname no list knows) in the review <table>"),
    Planted(None, "2817.36.406", "BSN formatted with dots by a mask, in the review <table>"),
    Planted(None, "03-10-1988", "date of birth formatted by a mask, in the review <table>"),
    Planted(None, "06-27 49 81 30", "mobile number formatted by a mask"),
    Planted(None, "+31 6 27 49 81 30", "the mobile echoed in international format by the review"),
    Planted(None, "h.zwerverink@kwelderpost.nl", "e-mail written by script (autofill), in the review <table>"),
]
#: typed as people type to each other: lower case, an e-mail written out to fool harvesters, an IBAN in
#: lower case, a date of birth and a BSN without dots
MESSAGE = ("hoi sietske, hier alvast de borg. mijn nieuwe rekening is nl75 knab 0255 8817 42, mail me op "
           "a.rinsmeuzel [at] terpstra-post [punt] nl. de verhuurder wil mijn geboortedatum (3 oktober 1988) en "
           "bsn 281736406 weten, klopt dat?")
MESSAGE_PLANTED = [
    Planted(None, "nl75 knab 0255 8817 42", "an IBAN in lower case in a message"),
    Planted(None, "a.rinsmeuzel [at] terpstra-post [punt] nl", "an e-mail written out with [at] and [punt]"),
    Planted(None, "3 oktober 1988", "a date of birth in words in a message"),
    Planted(None, "281736406", "a BSN without dots in a message"),
]
#: a third person's given name in lower case, as people write in a chat: only the greeting says a name
MESSAGE_LOWER_CASE_NAME = Planted(None, "hoi sietske", "a given name in lower case after a greeting")
TRANSFER_KEPT = ["Polderbank", "Spaarrekening Plus", "Er is een probleem", "Controleer uw gegevens", "Opdrachtgever",
                 "Weet u het zeker?", "ingepland", "Bewaar in mijn adresboek", "spaarrente", "TRIONL2U",
                 "Polderbank N.V. — Nederland", "gekopieerd", "Kies uit uw lijst", "Eerdere begunstigde"]


@pytest.fixture(scope="module")
def transfer(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#tr-search", "spaarrente")
        type_with_cuts(recording, "#tr-name", ["Aafke Rins", "meuzel"])
        type_with_cuts(recording, "#tr-iban", ["nl39trio03", "3852196"])  # one digit short
        recording.type("#tr-bic", "TRIONL2U")
        recording.type("#tr-amount", "1250,00")
        type_with_cuts(recording, "#tr-desc", ["Borg kamer Wijde Doe", "len 4"])
        type_with_cuts(recording, "#tr-message", split_inside(MESSAGE, "sietsk", "nl75 knab 02", "a.rinsmeuzel [a",
                                                              "3 oktob", "bsn 28173"))
        page.click("#tr-next-1")  # the error summary repeats the IBAN
        page.wait_for_function("!document.getElementById('tr-errors').hidden")
        cut(page)
        page.click("#tr-iban")
        page.keyboard.press("End")
        page.keyboard.type("4", delay=20)
        page.click("#tr-add")
        page.click("#tr-copy")  # a textarea holding the IBAN, added, selected and removed
        # a second beneficiary: a common name typed over the first, an IBAN pasted over the first
        page.click("#tr-name")
        page.keyboard.press("Control+A")
        type_with_cuts(recording, "#tr-name", ["Thomas Pe", "eters"])
        page.click("#tr-iban")
        page.keyboard.press("Control+A")
        page.keyboard.insert_text("BE31 0634 7182 9455")
        page.click("#tr-bic")
        page.keyboard.press("Control+A")
        page.keyboard.type("GEBABEBB", delay=20)
        page.click("#tr-add")
        cut(page)
        page.select_option("#tr-saved", index=1)  # the first one again, written back into the fields
        page.click("#tr-next-1")
        page.wait_for_function("!document.getElementById('tr-page-2').hidden")
        type_with_cuts(recording, "#tr-payer", ["Hidde Zwer", "verink"])
        type_with_cuts(recording, "#tr-bsn", ["28173", "6406"])
        recording.type("#tr-dob", "03101988")
        type_with_cuts(recording, "#tr-mobile", ["062749", "8130"])
        autofill(page, "#tr-email", "h.zwerverink@kwelderpost.nl")
        page.click("#tr-next-2")
        page.wait_for_function("!document.getElementById('tr-page-3').hidden")
        page.click("#tr-confirm")
        page.wait_for_function("document.getElementById('tr-dialog').open")
        cut(page)
        page.click("#tr-dialog-ok")
        page.wait_for_selector(".toast")
        recording.snapshot()

    return record("transfer.html", "heldout4-transfer", script)


def test_transfer_fields_and_their_echoes_leak_nothing(transfer: Recorded):
    sent = texts(transfer.sent)
    assert any("is geen geldig IBAN-nummer" in text for text in sent), "no error summary"
    assert any("naar A. Rinsmeuzel ingepland" in text for text in sent), "no toast"
    check_windows(transfer, TRANSFER_FIELDS)


def test_transfer_message_leaks_nothing(transfer: Recorded):
    assert any(MESSAGE in text for text in texts(transfer.sent)), "the message was never sent whole"
    check_windows(transfer, MESSAGE_PLANTED)


def test_transfer_message_lower_case_name_leaks_nothing(transfer: Recorded):
    check_windows(transfer, [MESSAGE_LOWER_CASE_NAME])


def test_transfer_keeps_the_site_text(transfer: Recorded):
    check_kept(transfer, TRANSFER_KEPT)


# -- apply.html ---------------------------------------------------------------------------------------
CV = "CV_Ysaure_Quenouillere_2026.pdf"
APPLY_FIELDS = [
    Planted("#ap-given", "Ysaure", "given name no list knows, echoed by an <output> and the profile card"),
    Planted(None, "Quenouillère", "family name no list knows, mirrored by the profile card's textContent"),
    Planted(None, "ysaure.qnl@verriere-post.be", "e-mail mirrored by the card's innerHTML (mailto: and text)"),
    Planted(None, "0471/28.60.93", "Belgian mobile with a slash and dots, typed into a web component's shadow root"),
    Planted(None, "+32 471 28 60 93", "the mobile formatted live in international format in the shadow root, "
            "at each keystroke ('+32 471 2', a batch cut there)"),
    Planted(None, "ysaure-quenouillere-7b3k2", "LinkedIn URL's slug, mirrored by the card's innerHTML"),
    Planted(None, CV, "CV's file name: rrweb's value 'C:\\fakepath\\…' and the page's 'file chosen' text"),
    Planted(None, "14/03/1996", "date of birth picked in a calendar widget, written into a readonly input"),
    Planted(None, "14 mars 1996", "the date of birth said in words under the picker"),
    Planted(None, "Gwenaëlle Trividic", "a reference's name typed into a tags input, made a chip (and its "
            "remove button's aria-label), removed again ('… retiré' in an aria-live)"),
    Planted(None, "+32 485 71 30 62", "a reference's phone made a chip"),
    Planted(None, "Corentin Lhoestaert", "name in a row cloned from a <template>, fields without id"),
    Planted(None, "c.lhoestaert@vitrobrux.be", "e-mail in a row cloned from a <template>"),
    Planted(None, "+33612489735", "French mobile without spaces in a row cloned from a <template>"),
    Planted(None, "Servane KERDRAON", "a name with its surname in capitals in a second cloned row"),
    Planted(None, "96.03.14-127.35", "Belgian national number formatted by a mask, inside <details>"),
    Planted(None, "0612845307", "Belgian company number without BE nor dots, inside <details>"),
    Planted(None, "+32 4 267 93 15", "a phone in a mask that shows its whole template from the first keystroke "
            "('+32 4 26_ __ __')"),
    Planted(None, "30/07/1985", "a date of birth in a template mask ('30/07/19__')"),
]
PASTED = ("<p>Ma référence : <b>Oriane Vandekerkhof</b>, +32 (0)2 513 47 86, "
          "Galerie Ravenstein 28.</p>")
LETTER_PLANTED = [
    Planted(None, "Oriane Vandekerkhof", "a third person in bold, in rich text pasted into the editor"),
    Planted(None, "+32 (0)2 513 47 86", "a Brussels landline in pasted rich text"),
    Planted(None, "Galerie Ravenstein 28", "an address without a street word in pasted rich text"),
    Planted(None, "BE0612.845.307", "a Belgian VAT number typed into the editor"),
    Planted(None, "Ysaure Quenouillère", "the signature after 'Bien à vous,' in the editor"),
]
APPLY_KEPT = ["Atelier Lumen", "Apprenti(e) restaurateur·rice de vitraux", "Dans un mois", "Aperçu de votre profil",
              "Informations administratives", "LUMEN-VITRAIL26", "Atelier Lumen ASBL — Belgique", "Madame, Monsieur,",
              "Ajouter une référence", "restauration", "sertissage au plomb", "Bien à vous,"]


@pytest.fixture(scope="module")
def apply(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#ap-search", "restauration")
        recording.type("#ap-given", "Ysaure")
        type_with_cuts(recording, "#ap-family", ["Quenou", "illère"])
        type_with_cuts(recording, "#ap-email", ["ysaure.q", "nl@verriere-post.be"])
        type_with_cuts(recording, "#ap-phone input", ["0471/28", ".60.93"])
        recording.type("#ap-linkedin", "https://www.linkedin.com/in/ysaure-quenouillere-7b3k2")
        page.set_input_files("#ap-cv", files=[{"name": CV, "mimeType": "application/pdf",
                                               "buffer": b"%PDF-1.4\n% curriculum vitae\n%%EOF\n"}])
        page.click("#ap-dob-open")
        page.select_option("#ap-cal-month", "2")
        page.select_option("#ap-cal-year", "1996")
        page.click("#ap-cal-grid button[data-day='14']")
        cut(page)
        page.click("#ap-when")
        page.click("#ap-when-month")
        for word in ["néerlandais", "vitrail", "Gwenaëlle Trividic", "+32 485 71 30 62"]:
            recording.type("#ap-tags", word)
            page.keyboard.press("Enter")
        page.click("#ap-chips .chip >> nth=2 >> button")  # the reference's name removed: "… retiré"
        cut(page)
        # the letter: typed, a word in bold and a list made by the editor, rich text pasted, a signature
        recording.type("#ap-letter", "Madame, Monsieur,\nAprès huit ans dans un atelier de Namur, je souhaite ")
        page.click("#ap-bold")
        page.keyboard.type("restaurer", delay=20)
        page.click("#ap-bold")
        page.keyboard.type(" des vitraux anciens. Je maîtrise :\n", delay=20)
        page.click("#ap-list")
        page.keyboard.type("sertissage au plomb\ngrisaille et jaune d'argent\n\n", delay=20)
        paste_html(page, "#ap-letter", PASTED)
        page.keyboard.type("\nJe travaille en indépendante (TVA BE0612.", delay=20)
        cut(page)
        page.keyboard.type("845.307).\nBien à vous,\nYsaure Quenou", delay=20)
        cut(page)
        page.keyboard.type("illère", delay=20)
        page.click("#ap-add-ref")
        type_with_cuts(recording, ".ref-name", ["Corentin Lhoe", "staert"])
        recording.type(".ref-email", "c.lhoestaert@vitrobrux.be")
        type_with_cuts(recording, ".ref-phone", ["+336124", "89735"])
        page.click("#ap-add-ref")  # a second row: the surname in capitals, as French forms write it
        type_with_cuts(recording, ".ref-name >> nth=1", ["Servane KERD", "RAON"])
        page.click("#ap-admin summary")
        type_with_cuts(recording, "#ap-nrn", ["960314", "12735"])
        recording.type("#ap-vat", "0612845307")
        type_with_cuts(recording, "#ap-reach", ["4267", "9315"])
        type_with_cuts(recording, "#ap-reach-dob", ["300719", "85"])
        recording.type("#ap-promo", "LUMEN-VITRAIL26")
        page.click("#ap-send")
        recording.snapshot()

    return record("apply.html", "heldout4-apply", script)


def test_apply_fields_widgets_and_their_echoes_leak_nothing(apply: Recorded):
    sent = texts(apply.sent)
    assert any("Né(e) le 14 mars 1996" in text for text in sent), "the picker never said the date"
    assert any("Retirer Gwenaëlle Trividic" == text for text in sent), "no chip for the reference"
    check_windows(apply, APPLY_FIELDS)


def test_apply_cover_letter_leaks_nothing(apply: Recorded):
    check_windows(apply, LETTER_PLANTED)


def test_apply_keeps_the_site_text(apply: Recorded):
    check_kept(apply, APPLY_KEPT)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(transfer, apply, redactor_serve):
    check_data_dir(redactor_serve, b"Spaarrekening Plus", [
        item for item in [*TRANSFER_FIELDS, *MESSAGE_PLANTED, MESSAGE_LOWER_CASE_NAME, *APPLY_FIELDS, *LETTER_PLANTED]
        if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
#: versions of one value (typed and echoed in another format, a name inside a slug or a file name)
VERSIONS = [{"06-27 49 81 30", "+31 6 27 49 81 30"}, {"2817.36.406", "281736406"},
            {"a.rinsmeuzel [at] terpstra-post [punt] nl", "Aafke Rinsmeuzel"}, {"0471/28.60.93", "+32 471 28 60 93"}, {"Hidde Zwerverink", "h.zwerverink@kwelderpost.nl"},
            {"Corentin Lhoestaert", "c.lhoestaert@vitrobrux.be"},
            {"Ysaure", "Quenouillère", "Ysaure Quenouillère", "ysaure.qnl@verriere-post.be",
             "ysaure-quenouillere-7b3k2", CV},
            {"0612845307", "BE0612.845.307"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*TRANSFER_FIELDS, *MESSAGE_PLANTED, MESSAGE_LOWER_CASE_NAME, *APPLY_FIELDS, *LETTER_PLANTED],
                           [*TRANSFER_KEPT, *APPLY_KEPT, PASTED.split("<b>")[0]], VERSIONS)
