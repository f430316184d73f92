"""The held-out leak hunt, seventh round: a French tenant application and a Dutch municipality's
appointment booking, as they are built today, recorded by the unmodified rrweb recorder.

location.html (+ location-garant.html): a Brest letting agent's "dossier locataire" — a NIR and a date
of birth typed, an e-mail in a field only called "Courriel" whose value attribute follows the typed value
(React's attribute syncing), a mobile, an employer and a net salary in controlled components that render
their label and input again at every keystroke (a new input node, the value in its `value` attribute, each
time), a French IBAN whose bank and account end are told back while typing, two documents chosen in a
multiple file input shown in a read-only text field and a list (title, data-file), a presentation naming
a partner and his mobile, the guarantor's form in a same-origin iframe that posts its values to the page
(a rural address "Lieu-dit …" with no street at all); a summary in a <dl> and a <table>'s <caption>, a
read-only textarea to copy, a mailto: whose body is the percent-encoded summary, a download attribute
slugged from the name, an @page print header written into a <style>, the NIR in a CSS custom property.
gemeente.html: a Dutch municipality's booking — an ASP.NET WebForms step (inputs named
ctl00$cphMain$txtVoornamen…, labels in <span>s of a layout table not tied to them, a __VIEWSTATE), a
BSN told back by the elfproef check in an aria-live line, a postcode + huisnummer lookup that fills a
street without a street word ("Buiten de Veste") by script, a contenteditable remarks box typed over three
lines (a son, a wife and her mobile); a confirmation with the name as initials and tussenvoegsel, surname
first as in the BRP, "meneer In 't Veld" (capital when no given name precedes), the e-mail written with
" [at] " / " [dot] ", a tel: link in E.164 and its title, a mailto: with a subject, an .ics in a data: URL
(ATTENDEE;CN=…, the BSN in DESCRIPTION), the heading's id slugged from its text by a table of contents
and the link to it, document.title, a data-* attribute, a CSS custom property, an SVG stamp's
<textPath>, a <canvas>'s fallback text, a hidden input joined with "|".

Values inside a URL are percent-encoded by the page (encodeURIComponent): the judge's rule is applied to
what the store holds once decoded as well (a name's windows hide behind "%C3%AB" and "%20").
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest
from planted import texts, windows

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def type_in_frame(page: Any, frame: str, selector: str, pieces: list[str], delay: int = SLOW_MS) -> None:
    """type_with_cuts, for a field of a same-origin iframe."""
    field = page.frame_locator(frame).locator(selector)
    for index, piece in enumerate(pieces):
        if index:
            cut(page)
        else:
            field.click()
        field.press_sequentially(piece, delay=delay)


def check_decoded_windows(recorded: Recorded, planted: list[Planted]) -> None:
    """check_windows on the stored strings once percent-decoded (a value in a mailto: body, a data: URL)."""
    problems = []
    for item in planted:
        pieces = windows(item.value)
        for text in {unquote(text) for text in texts(recorded.stored) if "%" in text}:
            hits = sorted(piece for piece in pieces if piece in text)
            if hits:
                problems.append(f"LEAK (percent-encoded) {item.what}: {item.value!r} {hits[:3]} in {text[:200]!r}")
    assert not problems, "\n".join(problems)


# -- location.html ------------------------------------------------------------------------------------
FILES = ["bulletins_paie_Rouviere-Dantec_2025-T1.pdf", "avis_impot_2025_M_Rouviere.pdf"]
TENANT = [
    Planted("#lc-given", "Maëlys", "given name, in the summary, the <caption>, the print header's CSS"),
    Planted("#lc-family", "Rouvière-Dantec", "family name typed in 'Nom de naissance', in the caption and the "
            "@page print header written into a <style>"),
    Planted(None, "ROUVIÈRE-DANTEC", "the family name upper-cased, surname first, in the summary's <dd>, the "
            "copy textarea, the mailto: body and a CSS custom property (--sheet-title)"),
    Planted(None, "Maëlys Rouvière-Dantec", "the whole name in the <caption> and the @page header"),
    Planted(None, "maelys-rouviere-dantec", "the name slugged into the PDF link's download attribute"),
    Planted("#lc-dob", "27/11/1994", "date of birth in 'Date de naissance' (a placeholder jj/mm/aaaa)"),
    Planted("#lc-nir", "2 94 11 29 019 147 81", "NIR in 'N° de sécurité sociale', in the summary"),
    Planted(None, "294112901914781", "the NIR without spaces in a CSS custom property set by script"),
    Planted("#lc-mail", "maelys.rouviere@laposte.net", "e-mail in a field called 'Courriel' (inputmode=email), "
            "its value attribute synced at each keystroke"),
    Planted(None, "06 52 87 31 46", "mobile typed in a controlled component rendered again at each keystroke"),
    Planted(None, "2184,60", "net salary typed in 'Revenu mensuel net (€)', a controlled component"),
    Planted("#lc-iban", "FR76 1558 9297 1804 8172 6359 040", "French IBAN typed, upper-cased in the summary"),
    Planted(None, "8172 6359 040", "the IBAN's end told back while typing ('compte se terminant par …')"),
    Planted(None, FILES[0], "a payslip's file name: rrweb's C:\\fakepath\\…, a read-only field, a <li> title, a "
            "button's data-file"),
    Planted(None, FILES[1], "a tax notice's file name, second of a multiple file input"),
]
ABOUT = ("Préparatrice en pharmacie en CDI, embauchée en 2019. Je m'installe avec mon compagnon Yannick Kerhervé, "
         "infirmier au CHU (07 68 25 14 39). Pas d'animaux, non-fumeurs.")
ABOUT_PLANTED = [
    Planted(None, "Yannick Kerhervé", "a partner's name in the presentation textarea"),
    Planted(None, "07 68 25 14 39", "the partner's mobile in the presentation textarea"),
]
GUARANTOR = [
    Planted(None, "Morgane Quéméner", "guarantor's name typed in the iframe ('Nom et prénom du garant'), in "
            "the caption and the table"),
    Planted(None, "21/02/1968", "guarantor's date of birth typed in the iframe"),
    Planted(None, "02 98 44 17 63", "guarantor's landline typed in the iframe (type=tel)"),
    Planted(None, "Lieu-dit Kervéguen, 29870 Lannilis", "a rural address with no street typed in the iframe "
            "('Adresse postale'), in the summary table"),
]
LOCATION_KEPT = ["Cabinet Ker Avel Gestion", "Loyer charges comprises : 742 € / mois", "Situation professionnelle",
                 "Pièces justificatives", "Récapitulatif de votre dossier", "Revenus nets", "Type de contrat",
                 "Lien avec le locataire", "Votre garant s'engage comme caution solidaire pour la durée du bail.",
                 "Télécharger le PDF", "Garantie Galian", "Envoyer le dossier à l'agence", "Crédit Mutuel de Bretagne",
                 "Présentez-vous en quelques mots", "Pas d'animaux, non-fumeurs."]


@pytest.fixture(scope="module")
def location(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.wait_for_function("document.getElementById('lc-guarantor-frame').contentDocument"
                               " && document.getElementById('lc-guarantor-frame').contentDocument.getElementById('g-name')")
        recording.type("#lc-given", "Maëlys")
        type_with_cuts(recording, "#lc-family", ["Rouvière-Da", "ntec"])
        recording.type("#lc-dob", "27/11/1994")
        type_with_cuts(recording, "#lc-nir", ["2 94 11 29 0", "19 147 81"])
        type_with_cuts(recording, "#lc-mail", ["maelys.rouv", "iere@laposte.net"])
        cut(page)
        type_with_cuts(recording, "#rf-mobile", ["06 52 8", "7 31 46"])
        recording.type("#rf-employeur", "Pharmacie du Valy-Hir")
        page.select_option("#lc-contract", "CDI")
        type_with_cuts(recording, "#rf-salaire", ["218", "4,60"])
        type_with_cuts(recording, "#lc-iban", ["FR76 1558 9297 1804 81", "72 6359 040"])
        page.set_input_files("#lc-files", files=[
            {"name": name, "mimeType": "application/pdf", "buffer": b"%PDF-1.4 justificatif %%EOF"} for name in FILES])
        type_with_cuts(recording, "#lc-about", split_inside(ABOUT, "Yannick Kerh", "(07 68 2"))
        cut(page)
        frame = "#lc-guarantor-frame"
        type_in_frame(page, frame, "#g-name", ["Morgane Qu", "éméner"])
        page.frame_locator(frame).locator("#g-link").select_option("Parent")
        type_in_frame(page, frame, "#g-dob", ["21/02/1968"])
        type_in_frame(page, frame, "#g-phone", ["02 98 44", " 17 63"])
        type_in_frame(page, frame, "#g-address", ["Lieu-dit Kervé", "guen, 29870 Lannilis"])
        type_in_frame(page, frame, "#g-income", ["3950"])
        page.click("#lc-review")
        page.wait_for_function("!document.getElementById('lc-recap').hidden")
        recording.snapshot()

    return record("location.html", "heldout7-location", script)


def test_location_tenant_fields_and_their_echoes_leak_nothing(location: Recorded):
    sent = texts(location.sent)
    assert any("compte se terminant par 8172 6359 040" in text for text in sent), "the IBAN was never told back"
    assert any('value="06 52 87 31 46"' in text or text == "06 52 87 31 46" for text in sent)
    check_windows(location, TENANT)


def test_location_presentation_leaks_nothing(location: Recorded):
    assert any(ABOUT in text for text in texts(location.sent)), "the presentation was never sent whole"
    check_windows(location, ABOUT_PLANTED)


def test_location_guarantor_in_an_iframe_leaks_nothing(location: Recorded):
    check_windows(location, GUARANTOR)


def test_location_percent_encoded_echoes_leak_nothing(location: Recorded):
    assert any("mailto:location@kerosgestion.bzh?subject=" in text for text in texts(location.sent))
    check_decoded_windows(location, [*TENANT, *ABOUT_PLANTED, *GUARANTOR])


def test_location_keeps_the_site_text(location: Recorded):
    check_kept(location, LOCATION_KEPT)


# -- gemeente.html ------------------------------------------------------------------------------------
ASPX = "#ctl00_cphMain_txt"
CITIZEN = [
    Planted(ASPX + "Voornamen", "Gerrit-Jan Wessel", "given names in an ASP.NET input named "
            "ctl00$cphMain$txtVoornamen, its label a <span> in the table cell before it"),
    Planted(None, "Gerrit-Jan in 't Veld", "first given name, tussenvoegsel and surname in the confirmation's "
            "<h2> and the table of contents' link"),
    Planted(None, "gerrit-jan-in-t-veld", "the name slugged into the <h2>'s id and the link's href (#…)"),
    Planted(None, "Gerrit-Jan Wessel in 't Veld", "the whole name in a data-* attribute, the .ics's "
            "ATTENDEE;CN= and the <canvas> fallback text"),
    Planted(None, "G.J.W. in 't Veld", "initials and surname in document.title and a CSS custom property"),
    Planted(None, "G.J.W. IN 'T VELD", "initials and surname upper-cased on an SVG stamp's <textPath>"),
    Planted(None, "Veld, G.J.W. in 't", "surname first as in the BRP, in a table cell"),
    Planted(None, "In 't Veld", "'In' capitalised when no given name precedes it, in an aria-live line"),
    Planted(ASPX + "Bsn", "237419385", "BSN (maxlength=9, txtBsn), in the elfproef line, the .ics, the stamp, "
            "the canvas and a hidden input"),
    Planted(ASPX + "GebDat", "03-04-1988", "date of birth in txtGebDat, in the .ics and a hidden input"),
    Planted(None, "3 april 1988", "the date of birth in words in a CSS custom property"),
    Planted(ASPX + "Email", "gj.intveld@kpnplanet.nl", "e-mail in txtEmail (type=text), in a mailto: link and "
            "the .ics"),
    Planted(None, "gj.intveld [at] kpnplanet [dot] nl", "the e-mail written with ' [at] ' and ' [dot] '"),
    Planted(ASPX + "Tel", "06-47195283", "a mobile typed '06-' then eight digits in txtTel"),
    Planted(None, "+31647195283", "the mobile in E.164 in a tel: link"),
    Planted(None, "+31 6 4719 5283", "the mobile in international format in the link's title"),
    Planted("#gm-postcode", "6851 KL", "postcode typed, in the BRP table's address"),
    Planted(None, "Buiten de Veste", "a street without a street word filled by the postcode lookup into a "
            "read-only field labelled 'Straatnaam'"),
    Planted(None, "Buiten de Veste 27, 6851 KL Huissen", "the address in the BRP table"),
    Planted(None, "in 't Veld|237419385|03-04-1988", "surname, BSN and date of birth joined with '|' in a "
            "hidden input the page fills"),
]
REMARKS = ["Mijn zoon Thijmen (12) komt mee voor zijn eerste ID-kaart.",
           "Hij staat op hetzelfde adres ingeschreven.",
           "Bij vragen graag mijn vrouw Anouschka bellen: 06 19 54 83 07."]
REMARKS_PLANTED = [
    Planted(None, "Thijmen", "a son's given name on the first line of a contenteditable remarks box"),
    Planted(None, "Anouschka", "a wife's given name on the third line"),
    Planted(None, "06 19 54 83 07", "the wife's mobile on the third line"),
]
GEMEENTE_KEPT = ["Gemeente Waalwijde", "Burgerzaken — Reisdocument aanvragen (paspoort/ID-kaart)", "Kies een tijdstip",
                 "Uw gegevens", "Burgerservicenummer", "Tussenvoegsel", "Geboortedatum (dd-mm-jjjj)",
                 "Opmerkingen voor de baliemedewerker", "Afspraaknummer WW-25-0419", "Zet de afspraak in uw agenda",
                 "Bezoekadres: Markt 1", "Stadhuis open ma t/m vr 08:30–17:00", "di 14 januari 10:40",
                 "Verhinderd? Bel ons op", "14 0488", "laat u terugbellen", "Hij staat op hetzelfde adres ingeschreven."]


@pytest.fixture(scope="module")
def gemeente(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, ASPX + "Voornamen", ["Gerrit-Jan We", "ssel"])
        recording.type(ASPX + "Tussenvoegsel", "in 't")
        recording.type(ASPX + "Achternaam", "Veld")
        type_with_cuts(recording, ASPX + "Bsn", ["23741", "9385"])
        recording.type(ASPX + "GebDat", "03-04-1988")
        type_with_cuts(recording, ASPX + "Email", ["gj.intve", "ld@kpnplanet.nl"])
        type_with_cuts(recording, ASPX + "Tel", ["06-471", "95283"])
        cut(page)
        recording.type("#gm-postcode", "6851 KL")
        recording.type("#gm-house", "27")
        page.click("#gm-lookup")
        page.wait_for_function("document.getElementById('gm-street').value.length > 0")
        page.click(".slot[data-slot='di 14 januari 10:40']")
        cut(page)
        page.click("#gm-remarks")
        for index, line in enumerate(REMARKS):
            if index:
                page.keyboard.press("Enter")
            for piece in split_inside(line, "Thijmen" if "Thijmen" in line else "Anousc" if "Anousc" in line else line):
                if piece:
                    page.keyboard.type(piece, delay=SLOW_MS)
                    cut(page)
        page.click("#gm-confirm")
        page.wait_for_function("!document.getElementById('gm-done').hidden")
        recording.snapshot()

    return record("gemeente.html", "heldout7-gemeente", script)


def test_gemeente_fields_and_their_echoes_leak_nothing(gemeente: Recorded):
    sent = texts(gemeente.sent)
    assert any(text == "BSN 237419385 is geldig ✓" for text in sent), "the elfproef line never showed"
    assert any(text == "Buiten de Veste" for text in sent), "the lookup never filled the street"
    check_windows(gemeente, CITIZEN)


def test_gemeente_remarks_leak_nothing(gemeente: Recorded):
    sent = texts(gemeente.sent)
    assert any(REMARKS[2] in text for text in sent), "the remarks were never sent"
    check_windows(gemeente, REMARKS_PLANTED)


def test_gemeente_percent_encoded_echoes_leak_nothing(gemeente: Recorded):
    assert any(text.startswith("data:text/calendar") for text in texts(gemeente.sent))
    check_decoded_windows(gemeente, [*CITIZEN, *REMARKS_PLANTED])


def test_gemeente_keeps_the_site_text(gemeente: Recorded):
    check_kept(gemeente, GEMEENTE_KEPT)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(location, gemeente, redactor_serve):
    check_data_dir(redactor_serve, b"Cabinet Ker Avel Gestion", [
        item for item in [*TENANT, *ABOUT_PLANTED, *GUARANTOR, *CITIZEN, *REMARKS_PLANTED] if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
#: versions of one value (typed and echoed in another format, a name inside an e-mail, a slug or a file name)
VERSIONS = [
    {"Maëlys", "Rouvière-Dantec", "ROUVIÈRE-DANTEC", "Maëlys Rouvière-Dantec", "maelys-rouviere-dantec",
     "maelys.rouviere@laposte.net", *FILES},
    {"2 94 11 29 019 147 81", "294112901914781"},
    {"FR76 1558 9297 1804 8172 6359 040", "8172 6359 040"},
    {"Gerrit-Jan Wessel", "Gerrit-Jan in 't Veld", "gerrit-jan-in-t-veld", "Gerrit-Jan Wessel in 't Veld",
     "G.J.W. in 't Veld", "G.J.W. IN 'T VELD", "Veld, G.J.W. in 't", "In 't Veld",
     "in 't Veld|237419385|03-04-1988", "gj.intveld@kpnplanet.nl", "gj.intveld [at] kpnplanet [dot] nl",
     "237419385", "03-04-1988"},
    {"06-47195283", "+31647195283", "+31 6 4719 5283"},
    {"6851 KL", "Buiten de Veste", "Buiten de Veste 27, 6851 KL Huissen"},
]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*TENANT, *ABOUT_PLANTED, *GUARANTOR, *CITIZEN, *REMARKS_PLANTED],
                           [*LOCATION_KEPT, *GEMEENTE_KEPT, ABOUT.split("Yannick")[0], "Mijn zoon", "mijn vrouw",
                            "Pharmacie du Valy-Hir",
                            *[(PAGES / page).read_text() for page in ("location.html", "location-garant.html",
                                                                      "gemeente.html")]],
                           VERSIONS)
