"""The held-out leak hunt, sixth round: a Luxembourg car-insurance quote and a Belgian telecom's
support chat, as they are built today, recorded by the unmodified rrweb recorder.

insure.html: a German (with some French) four-step wizard — a salutation and a date of birth in
<select>s, street and house number in two fields, a postcode and a commune with a <datalist>, a
13-digit matricule, a Luxembourg phone written by script as autofill does, a plate and a driving
licence number (pasted), a "Vorschäden" textarea naming another driver and their phone; a progress
bar whose aria-valuetext greets the visitor, a <datalist> the page fills with the typed name, a
summary built with a template literal into innerHTML (a tel: link without spaces), an <output>
naming the policy holder, a German IBAN grouped in fours while it is typed, "Angebot per E-Mail
senden" echoed in a status line.
telecom.html: a Dutch/French support chat in a custom element's open shadow root — a pre-chat form
(a name typed, an e-mail autofilled, a customer number pasted, a mobile), the agent's greeting
splitting the given name across <b>/<i> and hyphenating the family name with &shy;, the mobile
echoed with zero-width spaces, bubbles appended by textContent with an aria-label, a message edited
after sending (its text node replaced), a message deleted, a typing indicator, a rich-text reply box
(bold and italic made by the editor), an ID photo's file name in a status line and a <progress>'s
aria-label, a typed signature drawn as SVG <title>/<text>; around the widget an <abbr> avatar whose
title is the name, a <meter>'s label, a <noscript> and a <template> filled by script, a mailto:
link, and the ticket number (the site's own, kept).
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import PAGES, Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout4 import autofill
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


# -- insure.html --------------------------------------------------------------------------------------
INSURE_FIELDS = [
    Planted("#in-given", "Jürgen", "given name, in the progress bar's aria-valuetext ('Hallo …'), the drivers' "
            "<datalist>, the summary's innerHTML and the <output>"),
    Planted("#in-family", "Feltgenhoss", "family name, in the datalist, the summary and the <output>"),
    Planted(None, "14.07.1985", "date of birth picked in three <select>s, shown in the summary"),
    Planted(None, "1985 0714 283 69", "Luxembourg matricule (13 digits, grouped), in the summary"),
    Planted(None, "+352 621 487 953", "Luxembourg mobile written by script (autofill), in the summary"),
    Planted(None, "+352621487953", "the mobile without spaces in the summary's tel: link"),
    Planted(None, "621 487 953", "the mobile in national format (without +352) in the summary"),
    Planted(None, "352621487953", "the mobile's digits in a wa.me link's path"),
    Planted(None, "1985-07-14", "the date of birth in a <time datetime> around the summary's date"),
    Planted(None, "Um Kuerzebierg", "a street without a street word, in its own field"),
    Planted(None, "Um Kuerzebierg 17b", "street and house number joined by the summary"),
    Planted(None, "L-7481 Tuntange", "postcode and commune joined by the summary"),
    Planted(None, "14. Juli 1985", "the date of birth in words in the <output>"),
    Planted(None, "Mireille Hoscheit-Lanners", "a second driver's name typed, in a chip's data-driver"),
    Planted(None, "M. Hoscheit-Lanners", "the second driver's initial and family name in the chip's text"),
    Planted(None, "RK 4719", "a Luxembourg plate in a field labelled 'Amtliches Kennzeichen', in the summary"),
    Planted(None, "K417HQ29X38", "a driving licence number pasted into 'Führerscheinnummer', in the summary"),
    Planted(None, "DE49 5001 0517 5319 4278 06", "a German IBAN typed in lower case without spaces, grouped in "
            "fours by the page at each keystroke"),
    Planted(None, "j.feltgenhoss@postfach.lu", "e-mail in 'Angebot per E-Mail senden', echoed in the status line"),
]
CLAIMS = ("Im März 2023 ist mir Romain Biwersch in Mersch auf dem Parkplatz hinten aufgefahren, er ist unter "
          "691 305 284 erreichbar. Schaden 1.850 €, von seiner Versicherung bezahlt.")
CLAIMS_PLANTED = [
    Planted(None, "Romain Biwersch", "another driver's name in the 'Vorschäden' textarea, in the summary"),
    Planted(None, "691 305 284", "a Luxembourg mobile without prefix in the textarea, in the summary"),
]
INSURE_KEPT = ["Moselfeld Assurances", "Autoversicherung Kasko Plus", "Votre devis en 3 minutes",
               "Persönliche Angaben", "Zusammenfassung / Récapitulatif", "Versicherungsnehmer", "Monatliche Prämie",
               "48,20 €", "Esch-sur-Alzette", "Andere Person", "Schritt 3 von 4", "Angebot MF-Q-20417",
               "Vorschäden in den letzten 5 Jahren", "SOMMERKASKO", "Herr", "Amtliches Kennzeichen"]


@pytest.fixture(scope="module")
def insure(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#in-salutation", "Herr")
        recording.type("#in-given", "Jürgen")
        type_with_cuts(recording, "#in-family", ["Feltge", "nhoss"])
        page.select_option("#in-dob-d", "14")
        page.select_option("#in-dob-m", "07")
        page.select_option("#in-dob-y", "1985")
        type_with_cuts(recording, "#in-matricule", ["1985 0714 2", "83 69"])
        autofill(page, "#in-phone", "+352 621 487 953")
        page.click("#in-next-1")
        page.wait_for_function("!document.getElementById('in-step-2').hidden")
        cut(page)
        type_with_cuts(recording, "#in-street", ["Um Kuerze", "bierg"])
        recording.type("#in-house", "17b")
        recording.type("#in-zip", "L-7481")
        type_with_cuts(recording, "#in-city", ["Tunta", "nge"])
        recording.type("#in-plate", "RK 4719")
        page.click("#in-licence")
        page.keyboard.insert_text("K417HQ29X38")  # pasted
        type_with_cuts(recording, "#in-second", ["Mireille Hosch", "eit-Lanners"])
        page.click("#in-add-second")
        recording.type("#in-driver", "Jürgen Feltgenhoss")
        type_with_cuts(recording, "#in-claims", split_inside(CLAIMS, "Romain Biw", "unter 691 3"))
        page.click("#in-next-2")
        page.wait_for_function("!document.getElementById('in-step-3').hidden")
        cut(page)
        page.click("#in-next-3")
        type_with_cuts(recording, "#in-iban", ["de4950010517", "5319427806"])
        type_with_cuts(recording, "#in-mail", ["j.feltge", "nhoss@postfach.lu"])
        recording.type("#in-voucher", "SOMMERKASKO")
        page.click("#in-send")
        recording.snapshot()

    return record("insure.html", "heldout6-insure", script)


def test_insure_fields_and_their_echoes_leak_nothing(insure: Recorded):
    sent = texts(insure.sent)
    assert any(text == "Schritt 2 von 4 – Hallo Jürgen" for text in sent), "the progress bar never greeted"
    assert any("DE49 5001 0517 5319 4278 06" == text for text in sent), "the IBAN was never grouped"
    check_windows(insure, INSURE_FIELDS)


def test_insure_claims_leak_nothing(insure: Recorded):
    assert any(CLAIMS in text for text in texts(insure.sent)), "the claims were never sent whole"
    check_windows(insure, CLAIMS_PLANTED)


def test_insure_keeps_the_site_text(insure: Recorded):
    check_kept(insure, INSURE_KEPT)


# -- telecom.html -------------------------------------------------------------------------------------
ID_PHOTO = "ID_Lieven_Dewispelaere_voorkant.jpg"
CHAT_FIELDS = [
    Planted("#pre-name", "Lieven Dewispelaere", "name typed in the pre-chat form (shadow root), in the <abbr>'s "
            "title, a <template>'s data-for, the typed SVG signature's <title> and <text>"),
    Planted(None, "Dewis\u00adpelaere", "the family name hyphenated with &shy; in the agent's greeting"),
    Planted(None, "Dewis\u200bpelae\u200bre", "the family name broken by zero-width spaces every 5 letters (the "
            "widget's long-word breaker)"),
    Planted(None, "pelaere", "the family name's tail after a <wbr>, alone in its text node"),
    Planted(None, "lieven.dws@vaartweb.be", "e-mail autofilled by script, in a mailto: link and its text"),
    Planted(None, "lieven.dws@", "the e-mail's local part alone in its text node, a <wbr> after the '@'"),
    Planted(None, "6120 4483 917", "customer number pasted, quoted by the agent"),
    Planted(None, "61204483917", "the customer number without spaces in the ticket line"),
    Planted(None, "0456 53 72 19", "mobile typed in the pre-chat form, in a <meter>'s <label>"),
    Planted(None, "0456\u200b53\u200b72\u200b19", "the mobile with zero-width spaces in the agent's reply"),
    Planted(None, "+32 456 53 72 19", "the mobile in international format in the agent's reply"),
    Planted(None, "53 72 19", "the mobile's last groups in their own <span> after the prefix's <span>"),
    Planted(None, "lieven.dws", "the e-mail's local part in <b>, its domain in the text after it"),
    Planted(None, ID_PHOTO, "an ID photo's file name: rrweb's 'C:\\fakepath\\…', a status line, a <progress>'s "
            "aria-label"),
]
ADDRESS_MESSAGE = "Mijn adres is Kapelleveld 38, 9940 Evergem."
DELETED_MESSAGE = "Ma compagne Aurélie Vanmechelen peut aussi appeler au 0471 93 28 64 🙂"
CHAT_MESSAGES = [
    Planted(None, "Kapelleveld 38, 9940 Evergem", "an address without a street word in a bubble (textContent, "
            "aria-label) and quoted by the agent"),
    Planted(None, "Kapelleveld 36, 9940 Evergem", "the address edited after sending: the bubble's text node "
            "replaced"),
    Planted(None, " 36, 9940 Evergem", "the edited address's number and town after its street in <b>, in the "
            "agent's next reply"),
    Planted(None, "Aurélie Vanmechelen", "a partner's name in a French message, deleted after sending"),
    Planted(None, "0471 93 28 64", "a partner's mobile in the deleted message"),
]
#: a chat message in lower case, as people type in a chat: an address without a street word nor a capital
#: after "ik woon in de", a signature after "mvg" naming someone else than the pre-chat form
LOWER_CASE_MESSAGE = "ik woon in de molenhoek 12 te lovendegem, de modem staat op zolder. mvg jorun vekemans"
LOWER_CASE_ADDRESS = Planted(None, "molenhoek 12 te lovendegem", "an address in lower case after 'ik woon in de', "
                             "in a chat input")
LOWER_CASE_SIGNATURE = Planted(None, "jorun vekemans", "a name in lower case after 'mvg' closing a chat message")
LOWER_CASE_PLANTED = [LOWER_CASE_ADDRESS, LOWER_CASE_SIGNATURE]
RICH_PLANTED = [
    Planted(None, "84.02.19-327.08", "a Belgian national number made bold in the rich-text reply box"),
    Planted(None, "Fleurine", "a daughter's given name made italic in the rich-text reply box"),
]
TICKET = "TV-2026-88140"
CHAT_KEPT = ["Telvaro Klantendienst", "Internet Fiber 500", "Mijn modem knippert oranje",
             "Mon décompte est plus élevé que prévu", "Sofie is aan het typen…", "Dit bericht werd verwijderd",
             TICKET, "Chat met een medewerker", "Datavolume", "(bewerkt)", "Hallo, mijn internet valt elke avond uit",
             "Upload een foto van je identiteitskaart", "Gesprek afsluiten", "Antwoorden komen van"]


@pytest.fixture(scope="module")
def telecom(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#pre-name", ["Lieven Dewis", "pelaere"])
        autofill(page, "#pre-mail", "lieven.dws@vaartweb.be")
        page.click("#pre-customer")
        page.keyboard.insert_text("6120 4483 917")  # pasted
        type_with_cuts(recording, "#pre-phone", ["0456 53", " 72 19"])
        page.click("#pre-start")
        page.wait_for_selector("#tc-chat >> .bubble.agent")
        cut(page)
        recording.type("#say", "Hallo, mijn internet valt elke avond uit sinds dinsdag 😩")
        page.keyboard.press("Enter")
        type_with_cuts(recording, "#say", split_inside(ADDRESS_MESSAGE, "Kapelle"))
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('tc-chat').root.querySelectorAll('.bubble.agent').length >= 2")
        cut(page)
        page.click("#edit-last")
        type_with_cuts(recording, "#say", split_inside(DELETED_MESSAGE, "Aurélie Vanm", "au 0471 9"))
        page.keyboard.press("Enter")
        cut(page)
        page.click("#delete-last")
        type_with_cuts(recording, "#say", split_inside(LOWER_CASE_MESSAGE, "molenh", "mvg jorun vek"))
        page.keyboard.press("Enter")
        cut(page)
        page.click("#rich")
        page.keyboard.type("Mijn rijksregisternummer is ", delay=20)
        page.click("#bold")
        page.keyboard.type("84.02.19-327.08", delay=20)
        page.click("#bold")
        page.keyboard.type(", mijn dochter ", delay=20)
        page.click("#italic")
        page.keyboard.type("Fleurine", delay=20)
        page.click("#italic")
        page.keyboard.type(" gebruikt de lijn ook 📱.", delay=20)
        cut(page)
        page.click("#send-rich")
        page.set_input_files("#id-photo", files=[{"name": ID_PHOTO, "mimeType": "image/jpeg",
                                                  "buffer": b"\xff\xd8\xff\xe0 identiteitskaart \xff\xd9"}])
        type_with_cuts(recording, "#sign-name", ["Lieven Dew", "ispelaere"])
        page.wait_for_function("document.getElementById('tc-ticket').textContent.length > 0")
        recording.snapshot()

    return record("telecom.html", "heldout6-telecom", script)


def test_telecom_form_and_its_echoes_leak_nothing(telecom: Recorded):
    sent = texts(telecom.sent)
    assert any("Ik zie klantnummer 6120 4483 917" in text for text in sent), "the agent never quoted the number"
    check_windows(telecom, CHAT_FIELDS)


def test_telecom_messages_edited_and_deleted_leak_nothing(telecom: Recorded):
    sent = texts(telecom.sent)
    assert any(text == "Jij zei: " + ADDRESS_MESSAGE for text in sent), "no aria-label on the bubble"
    check_windows(telecom, CHAT_MESSAGES)


def test_telecom_lower_case_signature_leaks_nothing(telecom: Recorded):
    assert any(LOWER_CASE_MESSAGE in text for text in texts(telecom.sent)), "the message was never sent whole"
    check_windows(telecom, [LOWER_CASE_SIGNATURE])


def test_telecom_lower_case_address_leaks_nothing(telecom: Recorded):
    check_windows(telecom, [LOWER_CASE_ADDRESS])


def test_telecom_rich_reply_leaks_nothing(telecom: Recorded):
    check_windows(telecom, RICH_PLANTED)


def test_telecom_keeps_the_site_text(telecom: Recorded):
    check_kept(telecom, CHAT_KEPT)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(insure, telecom, redactor_serve):
    check_data_dir(redactor_serve, b"Moselfeld Assurances", [
        item for item in [*INSURE_FIELDS, *CLAIMS_PLANTED, *CHAT_FIELDS, *CHAT_MESSAGES, *LOWER_CASE_PLANTED,
                          *RICH_PLANTED]
        if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
#: versions of one value (typed and echoed in another format, a name inside an e-mail or a file name)
VERSIONS = [{"Feltgenhoss", "j.feltgenhoss@postfach.lu"}, {"+352 621 487 953", "+352621487953", "621 487 953", "352621487953"}, {"6120 4483 917", "61204483917"},
            {"Lieven Dewispelaere", "Dewis\u00adpelaere", "Dewis\u200bpelae\u200bre", "pelaere", ID_PHOTO},
            {"Mireille Hoscheit-Lanners", "M. Hoscheit-Lanners"}, {"14.07.1985", "14. Juli 1985", "1985-07-14"}, {"lieven.dws@vaartweb.be", "lieven.dws@", "lieven.dws"},
            {"0456 53 72 19", "0456\u200b53\u200b72\u200b19", "53 72 19", "+32 456 53 72 19"},
            {"Kapelleveld 38, 9940 Evergem", "Kapelleveld 36, 9940 Evergem", " 36, 9940 Evergem"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*INSURE_FIELDS, *CLAIMS_PLANTED, *CHAT_FIELDS, *CHAT_MESSAGES, *LOWER_CASE_PLANTED,
                            *RICH_PLANTED],
                           [*INSURE_KEPT, *CHAT_KEPT, CLAIMS.split("Romain")[0], "Mijn adres is", "Ma compagne", "ik woon in de", "de modem staat op zolder",
                            (PAGES / "insure.html").read_text(), (PAGES / "telecom.html").read_text()],
                           VERSIONS)
