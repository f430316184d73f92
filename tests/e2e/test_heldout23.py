"""The held-out leak hunt, twenty-third round: a Brussels wedding-list shop's page for one couple, in Dutch and
French, where a guest reserves a gift, says who comes and writes the card, recorded by the unmodified rrweb recorder
with its default options.

huwelijkslijst.html: the guest's given name alone ('Ombeline'), a family name with a lower-case particle and a hyphen
('van Ypersele-Claeys'), an e-mail, a mobile written the Belgian way with a slash and dots ('0486/72.19.05'), the
address for the thank-you card over two lines in a textarea with a French box word ('bte'); her companion (a
Burundian family name), two children given names alone, their dates of birth picked in type=date fields and told
back in an <output> in French with abbreviated months through Intl ('12 févr. 2019 (8 ans le jour J)'); the card's
signature in an <input list> whose <datalist> the page fills from the names typed ('Ombeline & Jules-Ernest',
'Famille van Ypersele-Claeys', the whole family in one option), one picked whole (an insertReplacementText input);
the card written in an <iframe srcdoc> built by script with designMode on, naming a cousin with a double family
name, her Dutch mobile and her e-mail, the cousin's name then made bold (execCommand('bold') inside the frame: the
name alone in a new <b>, the typed text node split around it) and the e-mail made a mailto: link
(execCommand('createLink')); a preview where a typewriter writes the whole message into one text node with
appendData, one character at a time (a characterData mutation per character: every prefix of the message, the
name, the phone and the e-mail growing letter by letter), and the signature comes in one aria-hidden <span> per
letter, the whole of it only in its line's aria-label; an IBAN for a refund. The site's own text that must stay:
the couple's given names in the heading, the date and the venue, the gifts (a country in one), the gift search,
what the guest wrote that is nobody's data (a Dutch town the cousin comes from).
Second part, added once the first held: the guest book's signatures the server renders ('— Tante Mieke en nonkel Staf
Lievrouw', 'Capucine & Timothée Delvaux-Ruelle'), the thank-you card's envelope drawn one <div> per line of the address
typed in the textarea (the town's line in capitals) and the town told back alone in a sentence ('Het bedankkaartje gaat
naar Etterbeek.'), a national number typed in groups 6-3-2 for a tax certificate and told back with dots, a delivery
note naming the mother after 'Mme' with an address on a 'Drève' and a landline written with a slash and dots, then
the neighbours after 'la famille' and their alley written in lower case with no postcode ('venelle du Caporal 7').

First run (1e87dc7, the first part, written before reading the detection code): 9 of 9 passed, nothing leaked — the
datalist's options, the signature in an aria-label and its letters, the frame's bold name and mailto: link, every
prefix the typewriter wrote, the French short months, the type=date values, the IBAN. Over-masked: 'les' of the card's
'avec les enfants' in the frame of the last full snapshot, as it stands inside 'Jules-Ernest', typed in that batch:
5f8cc22 (redact.py: a word of letters a script writes is a piece of a typed value only where a word of it starts).
Second part's first run (eb10ca6, written before any further fix): 4 of 12 failed —
- the envelope's '1040 ETTERBEEK' in the last full snapshot: the taint held runs from the address's first word, and
  the label's 'carte de remerciement' had the field read as a card number's, so its words were not tainted alone;
- the uncle 'Staf Lievrouw' after 'nonkel' in the guest book: no listed relative word, no listed given name;
- the test's own mistake: the envelope's 'Madame …' planted whole, whose windows are the site's word 'Madame';
and the data dir held the same. Held: 'Tante Mieke', the names around '&', the national number typed 6-3-2 and
told back with dots, the mother after 'Mme', the 'Drève' address, the slash-and-dots landline.
After fe73fd9 (redact.py: each line of a value typed over several lines is tainted too), 10effd8 (rules/recognizers.yaml
relatives: nonkel, bompa, bomma, bonne-maman…; rules/pii.yaml: Staf) and 788254a (rules/fields.yaml: a label that names
an address names an address field whatever card it names beside it), 12 of 12 pass. Then the town told back alone
while typed leaked its prefixes with the sentence's full stop ('… naar Etterb.', '… naar Etterbe.'): 75f1b7e
(redact.py: a full stop or a closing quote glued to a word a script writes is no part of the piece looked for).
Probes of the detector with the delivery note's shapes found 'Drève des Chasseurs 41 à Waterloo' (no postcode after
it) unread: cc29599 (rules/recognizers.yaml street_openers: drève, ruelle, venelle). With the neighbours' sentence
added to the note, 2 of 12 failed: the batch cut at '… venelle du Cap' stored 'venelle du' beside the masked 'Cap'
(and the data dir the same): 49baf2a (content.py: a street's opener and its particles go with the street's name being
typed at a value's end); 12 of 12 pass.
Left (not leaks): 'Tante' is masked with the aunt's given name ('— ***** *****', the model reads 'Tante Mieke' as one
name); the word typed last in the card's frame is masked until something follows it ('Chers Lise et *****' while
'Bavo,' ended the text), as a value's unsettled end is.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

GIVEN, FAMILY = "Ombeline", "van Ypersele-Claeys"
PARTNER = "Jules-Ernest Nkurunziza"
SIGNATURE = "Famille van Ypersele-Claeys"
COUSIN, COUSIN_PHONE, COUSIN_MAIL = "Apolline Haesebrouck-Gheysens", "+31 6 4820 1937", "pollie.vdm@ziggo.nl"
MESSAGE = ("Chers Lise et Bavo, quelle joie ! Nous serons là avec les enfants. Ma cousine " + COUSIN + " viendra de "
           "Leiden avec nous : pour le covoiturage, joignez-la au " + COUSIN_PHONE + " ou à " + COUSIN_MAIL +
           ". Tot binnenkort!")
SEARCH = "theeservies"
DELIVERY = ("Livraison du cadeau chez ma mère, Mme Ghislaine Pirotte, Drève des Chasseurs 41, 1410 Waterloo : sonnez "
            "deux fois, elle est joignable au 02/354.61.08. Sinon chez les voisins, la famille Vercruysse-De Smet, venelle "
            "du Caporal 7.")

GUEST = [
    Planted("#g-given", GIVEN, "a given name alone"),
    Planted("#g-family", FAMILY, "a family name with a lower-case particle and a hyphen"),
    Planted("#g-mail", "ombeline.vyc@telenet.be", "an e-mail"),
    Planted("#g-phone", "0486/72.19.05", "a Belgian mobile with a slash and dots"),
    Planted("#g-addr", "Rue Gérard 52 bte 3\n1040 Etterbeek", "an address over two lines with 'bte'"),
    Planted("#iban", "BE27 0631 8472 0973", "an IBAN for a refund"),
]
WHO_COMES = [
    Planted("#p-name", PARTNER, "the companion, a Burundian family name"),
    Planted("#c1-name", "Célestin", "a child's given name alone"),
    Planted(None, "2019-02-12", "a child's date of birth picked in a type=date field"),
    Planted(None, "12 févr. 2019", "the date of birth told back in French with a short month (Intl)"),
    Planted("#c2-name", "Philippine", "a second child's given name alone"),
    Planted(None, "2021-11-03", "the second date of birth picked"),
    Planted(None, "3 nov. 2021", "the second date of birth told back in French"),
]
SIGNED = [
    Planted(None, "Ombeline & Jules-Ernest", "a <datalist> option the page made of the names typed"),
    Planted(None, "Ombeline, Jules-Ernest, Célestin, Philippine", "the whole family in one <datalist> option"),
    Planted(None, SIGNATURE, "the signature picked from the datalist, in an aria-label, one <span> per letter"),
]
IN_THE_CARD = [
    Planted(None, COUSIN, "a cousin's double family name in the designMode frame, then made bold"),
    Planted(None, COUSIN_PHONE, "a Dutch mobile in the card"),
    Planted(None, COUSIN_MAIL, "an e-mail in the card, then a mailto: link"),
]
ENVELOPE_AND_CERTIFICATE = [
    Planted(None, "1040 ETTERBEEK", "the envelope's town line in capitals, in its own <div>"),
    Planted("#nn", "910723 284 16", "a national number typed in groups 6-3-2 for a tax certificate"),
    Planted(None, "91.07.23-284.16", "the national number told back as the register writes it"),
]
GUEST_BOOK = [
    Planted(None, "Mieke", "an aunt's given name after 'Tante', signing the server-rendered guest book"),
    Planted(None, "Staf Lievrouw", "an uncle after 'nonkel', signing the guest book"),
    Planted(None, "Capucine", "a given name alone before '&', signing the guest book"),
    Planted(None, "Timothée Delvaux-Ruelle", "a hyphenated name after '&', signing the guest book"),
]
IN_THE_DELIVERY_NOTE = [
    Planted(None, "Ghislaine Pirotte", "the mother after 'Mme'"),
    Planted(None, "Drève des Chasseurs 41, 1410 Waterloo", "an address with the Belgian street word 'Drève'"),
    Planted(None, "02/354.61.08", "a Brussels-area landline with a slash and dots"),
    Planted(None, "Vercruysse-De Smet", "the neighbours named after 'la famille'"),
    Planted(None, "venelle du Caporal 7", "an alley (venelle) in lower case, no postcode after it"),
]
KEPT = ["Lise & Bavo", "Huwelijkslijst · Liste de mariage", "Zaterdag 12 juni · Abbaye de la Cambre",
        "Le Creuset braadpan 28 cm Volcanique", "Smeg waterkoker pastelgroen",
        "Bijdrage huwelijksreis Sri Lanka · Contribution au voyage de noces",
        "Gereserveerd · Réservé : Le Creuset braadpan 28 cm Volcanique",
        "Bedankt! Uw kaartje is klaar · Merci, votre carte est prête.",
        # what the guest wrote that is nobody's data
        SEARCH, "Chers Lise et Bavo, quelle joie !", "Nous serons là avec les enfants.", "Leiden avec nous",
        "Gastenboek · Livre d'or", "Veel geluk samen, en tot op het feest!", "Tous nos vœux de bonheur ! On a hâte de danser.",
        "Livraison du cadeau chez ma mère", "sonnez deux fois, elle est joignable au"]
#: labels read in the last full snapshot, once everything is typed
LABELS = ["Voornaam · Prénom", "Familienaam · Nom", "Adres voor het bedankkaartje · Adresse pour la carte de remerciement",
          "Begeleider · Accompagnant·e", "Geboortedatum · Date de naissance", "Ondertekend door · Signé par",
          "Uw rekeningnummer (voor een eventuele terugbetaling) · Votre IBAN",
          "Rijksregisternummer (voor het fiscaal attest) · Numéro de registre national (attestation fiscale)",
          "Opmerkingen voor de levering · Remarques pour la livraison"]

SELECT_IN_EDITOR = """text => {
    const doc = document.getElementById('card-editor').contentDocument;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.replace(/\\u00a0/g, ' ').indexOf(text);
        if (at >= 0) {
            const range = doc.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const selection = doc.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
        }
    }
    return false;
}"""


@pytest.fixture(scope="module")
def huwelijk(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#zoek", SEARCH)
        page.click(".reserve[data-gift=braadpan]")
        type_with_cuts(recording, "#g-given", ["Ombe", "line"])
        type_with_cuts(recording, "#g-family", ["van Yper", "sele-Cla", "eys"])
        type_with_cuts(recording, "#g-mail", ["ombeline.v", "yc@telenet.be"])
        type_with_cuts(recording, "#g-phone", ["0486/72", ".19.05"])
        type_with_cuts(recording, "#g-addr", ["Rue Gérard 5", "2 bte 3\n1040 Etter", "beek"])

        type_with_cuts(recording, "#p-name", ["Jules-Ernest Nkuru", "nziza"])
        recording.type("#c1-name", "Célestin")
        page.fill("#c1-dob", "2019-02-12")
        cut(page)
        recording.type("#c2-name", "Philippine")
        page.fill("#c2-dob", "2021-11-03")
        cut(page)

        recording.type("#sig", "Fam")
        page.fill("#sig", SIGNATURE)  # the datalist's option picked: one input event with the whole option
        cut(page)

        page.wait_for_selector("#card-editor[data-ready]")
        body = page.frame_locator("#card-editor").locator("body")
        body.click()
        for index, piece in enumerate(split_inside(MESSAGE, "cousine Apolline Haese", "au +31 6 48",
                                                   "pollie.v")):
            if index:
                cut(page)
            body.press_sequentially(piece, delay=SLOW_MS)
        cut(page)
        assert page.evaluate(SELECT_IN_EDITOR, COUSIN), "the cousin's name is not in the editor"
        page.click("#bold")
        assert page.evaluate(SELECT_IN_EDITOR, COUSIN_MAIL), "the e-mail is not in the editor"
        page.click("#mail-link")
        cut(page)

        recording.type("#amount", "75")
        type_with_cuts(recording, "#iban", ["BE27 0631 84", "72 0973"])
        type_with_cuts(recording, "#nn", ["910723 28", "4 16"])
        type_with_cuts(recording, "#levering", split_inside(DELIVERY, "Mme Ghislaine Pir", "Drève des Chas",
                                                            "1410 Wat", "au 02/354", "famille Vercruy",
                                                            "venelle du Cap"))
        page.click("#preview")
        page.wait_for_selector("#card[data-done]")
        cut(page)
        recording.snapshot()

    return record("huwelijkslijst.html", "heldout23-huwelijk", script)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_huwelijk_page_did_what_the_round_stands_on(huwelijk: Recorded):
    """The editor's frame was recorded with the bold name and the mailto: link, the typewriter wrote the message
    a character at a time, the signature came letter by letter, the output spoke French."""
    sent = [plain(text) for text in strings(huwelijk.sent)]
    assert COUSIN in sent, "the bold name was never sent alone in its own text node"
    assert f"mailto:{COUSIN_MAIL}" in sent, "no mailto: link"
    assert MESSAGE in sent and MESSAGE[:60] in sent, "the typewriter did not write the message letter by letter"
    assert SIGNATURE in sent and "Y" in sent, "no signature in the aria-label and its letters"
    assert "Célestin, 12 févr. 2019 (8 ans le jour J) · Philippine, 3 nov. 2021 (5 ans le jour J)" in sent, \
        "the children's output is not as expected"
    assert "Ombeline, Jules-Ernest, Célestin, Philippine" in sent, "no datalist option with the whole family"


def test_huwelijk_guest_leaks_nothing(huwelijk: Recorded):
    check_windows(huwelijk, GUEST)


def test_huwelijk_who_comes_leaks_nothing(huwelijk: Recorded):
    check_windows(huwelijk, WHO_COMES)


def test_huwelijk_signature_leaks_nothing(huwelijk: Recorded):
    check_windows(huwelijk, SIGNED)


def test_huwelijk_card_leaks_nothing(huwelijk: Recorded):
    check_windows(huwelijk, IN_THE_CARD)


def test_huwelijk_keeps_the_site_text(huwelijk: Recorded):
    check_kept(huwelijk, KEPT)


def test_huwelijk_last_snapshot_keeps_the_labels(huwelijk: Recorded):
    check_kept(last_snapshot(huwelijk), LABELS)


def test_huwelijk_envelope_and_certificate_leak_nothing(huwelijk: Recorded):
    sent = list(strings(huwelijk.sent))
    assert "1040 ETTERBEEK" in sent and "Rue Gérard 52 bte 3" in sent, "no envelope drawn line by line"
    assert "Het bedankkaartje gaat naar Etterbeek." in sent, "no town told back alone"
    check_windows(huwelijk, ENVELOPE_AND_CERTIFICATE)


def test_huwelijk_guest_book_leaks_nothing(huwelijk: Recorded):
    check_windows(huwelijk, GUEST_BOOK)


def test_huwelijk_delivery_note_leaks_nothing(huwelijk: Recorded):
    assert any(DELIVERY in text for text in strings(huwelijk.sent)), "the delivery note was never sent whole"
    check_windows(huwelijk, IN_THE_DELIVERY_NOTE)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*GUEST, *WHO_COMES, *SIGNED, *IN_THE_CARD, *ENVELOPE_AND_CERTIFICATE, *GUEST_BOOK, *IN_THE_DELIVERY_NOTE]


def test_no_file_under_the_data_dir_holds_a_planted_value(huwelijk, redactor_serve):
    check_data_dir(redactor_serve, b"Smeg waterkoker pastelgroen", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{GIVEN, FAMILY, PARTNER, SIGNATURE, "Ombeline & Jules-Ernest", "Ombeline, Jules-Ernest, Célestin, Philippine",
             "ombeline.vyc@telenet.be", "Célestin", "Philippine"},
            {"Rue Gérard 52 bte 3\n1040 Etterbeek", "1040 ETTERBEEK"}, {"910723 284 16", "91.07.23-284.16"},
            {"2019-02-12", "12 févr. 2019", "2021-11-03", "3 nov. 2021"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text), but for the guest book's
    signatures, planted."""
    shown = re.sub(r"<script>.*?</script>", "", (PAGES / "huwelijkslijst.html").read_text(), flags=re.S)
    return re.sub(r"<footer>.*?</footer>", "", shown)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
