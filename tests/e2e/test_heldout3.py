"""The held-out leak hunt, third round: checkout and sign-up forms as they are built today, recorded
by the unmodified rrweb recorder.

checkout.html: a Dutch pharmacy checkout — a phone's country code in a <select> and its national
part formatted while typing, an e-mail typed wrong, echoed by a validation message and corrected
with backspaces, an address autocomplete (ARIA combobox) whose suggestions repeat the typed part,
a date of birth and an expiry with slashes put in by a mask, another date of birth picked in three
<select>s, a card number in four boxes named only by their fieldset's legend, a card drawn live
with the holder's name in capitals, an IBAN grouped and
upper-cased while typing, an order note naming a third person and signed by a name nobody knows,
and a review step that shows it all again in other formats.
signup.html: a French energy co-operative's sign-up — an e-mail echoed half hidden, the national
part of a phone in a type=number field, a one-time code pasted into six boxes and gathered in a
hidden field, a date of birth in three boxes, a French RIB in four parts and the IBAN the page
makes of them, an IBAN pasted and a name typed (then corrected) into fields with no label, name or
id, an address autocomplete drawn as Google's Places widget (no ARIA), and a letter with French
phone formats, a Belgian national number and VAT number, a third person and a signature.

rrweb 2.2.2's bundle has no console plugin (it ships as a separate package, not installed here):
a console.log of a user object is not part of this round.
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def split_inside(text: str, *heads: str) -> list[str]:
    """The text in pieces, each cut right after one of the heads (in order): a batch then ends inside
    the value the head begins."""
    pieces, start = [], 0
    for head in heads:
        end = text.index(head, start) + len(head)
        pieces.append(text[start:end])
        start = end
    return [*pieces, text[start:]]


# -- checkout.html ------------------------------------------------------------------------------------
CHECKOUT_FIELDS = [
    Planted("#ck-given", "Haitske", "given name, autocomplete=given-name, echoed in the review"),
    Planted("#ck-family", "Bosgra", "family name, autocomplete=family-name, echoed in the review"),
    Planted(None, "h.bosgra@terpmail", "type=email typed wrong, echoed by the validation message, then "
            "corrected with backspaces (the abandoned prefix)"),
    Planted(None, "h.bosgra@slikpost.nl", "type=email after the correction, echoed in the review"),
    Planted(None, "06 48 27 19 53", "national part of a phone (country code in a <select>), formatted by a mask"),
    Planted(None, "+31 6 48 27 19 53", "the phone echoed in the review in international format"),
    Planted(None, "Lytse Buorren 31", "street picked from an autocomplete whose <li> suggestions repeat the "
            "typed part in a <mark>, echoed as the review address's first line"),
    Planted(None, "9104 TJ", "postcode filled in by the autocomplete, echoed in the review's second line"),
    Planted(None, "22/07/1991", "date of birth, slashes put in by a mask while typing"),
    Planted("#ck-holder", "Gurbe Hettema", "card holder's name (autocomplete=cc-name), a given name no list knows"),
    Planted(None, "GURBE HETTEMA", "the holder's name upper-cased, live in a drawn card as it is typed"),
    Planted(None, "08/29", "card expiry (autocomplete=cc-exp) formatted by a mask, echoed in full in the review"),
    Planted(None, "NL33 KNAB 0279 5631 08", "IBAN upper-cased and grouped by four while typing"),
]
# four boxes of four digits (5392 7104 8836 2475): the review shows the last box, as shops do ("•••• 2475")
CARD_BOXES = ["5392", "7104", "8836"]
CHECKOUT_CARD = [Planted(None, box, f"card number's box {n + 1} of 4, named only by its fieldset's legend")
                 for n, box in enumerate(CARD_BOXES)]
# the city is no secret alone, but the suggestions show it beside the typed street
CHECKOUT_CITY = Planted(None, "Damwâld", "city in the autocomplete's suggestions and the review's second line")
NOTE = ("Goedemiddag,\nIk bestel dit voor mijn moeder. Als er niemand opendoet, mag het pakket naar Jildou "
        "Reitsma op nummer 29. Voor de apotheek: het BSN van mijn moeder is 2649.13.577.\n\n"
        "Met vriendelijke groet,\nWobbe Sijtsma")
NOTE_PLANTED = [
    Planted(None, "2649.13.577", "a BSN written with dots"),
    Planted(None, "Wobbe Sijtsma", "the signature after 'Met vriendelijke groet,' (a given name no list knows)"),
]
#: the patient's date of birth, picked in three <select>s (23 June 1934)
PATIENT_BIRTH_PICKED = {"#ck-pt-day": "23", "#ck-pt-month": "06", "#ck-pt-year": "1934"}
CHECKOUT_KEPT = ["Zuiderzon Apotheek", "Paracetamol 500 mg", "Zonnebrandcrème SPF 50", "LENTE-APO7", "hooikoorts",
                 "Verzenden naar: Nederland", "Met vriendelijke groet,", "Ik bestel dit voor mijn moeder"]


@pytest.fixture(scope="module")
def checkout(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#ck-search", "hooikoorts")
        recording.type("#ck-given", "Haitske")
        recording.type("#ck-family", "Bosgra")
        recording.type("#ck-email", "h.bosgra@terpmail")
        page.click("h1")  # leaving the field shows "'…' is geen geldig e-mailadres"
        page.wait_for_function("document.getElementById('ck-email-error').textContent.length > 0")
        cut(page)
        page.click("#ck-email")
        page.keyboard.press("End")
        for _ in "terpmail":
            page.keyboard.press("Backspace", delay=20)
        page.keyboard.type("slikpost.nl", delay=20)
        page.click("h1")
        type_with_cuts(recording, "#ck-phone", ["06482", "71953"])  # the mask writes "06 48 2", then the rest
        type_with_cuts(recording, "#ck-street", ["Lytse ", "Buo"])
        page.click("#ck-suggest li >> nth=0")
        recording.type("#ck-dob", "22071991")
        for selector, value in PATIENT_BIRTH_PICKED.items():
            page.select_option(selector, value)
        page.locator(".ck-card >> nth=0").click()
        page.keyboard.type("53927104", delay=20)  # the focus jumps from box to box
        cut(page)
        page.keyboard.type("88362475", delay=20)
        type_with_cuts(recording, "#ck-holder", ["Gurbe Het", "tema"])  # the preview shows "GURBE HET" at the cut
        recording.type("#ck-exp", "0829")
        recording.type("#ck-cvc", "318")
        type_with_cuts(recording, "#ck-iban", ["nl33knab02", "79563108"])
        type_with_cuts(recording, "#ck-note", split_inside(NOTE, "Jildou Re", "2649.1", "Wobbe Sij"))
        recording.type("#ck-promo", "LENTE-APO7")
        page.click("#ck-review-button")
        page.wait_for_function("!document.getElementById('ck-review').hidden")
        recording.snapshot()

    return record("checkout.html", "heldout3-checkout", script)


def test_checkout_fields_and_their_echoes_leak_nothing(checkout: Recorded):
    sent = texts(checkout.sent)
    assert any("'h.bosgra@terpmail' is geen geldig e-mailadres" in text for text in sent), "no validation echo"
    assert any("uorren 31, Damwâld" in text for text in sent), "the autocomplete never suggested the street"
    check_windows(checkout, CHECKOUT_FIELDS)


def test_checkout_card_boxes_leak_nothing(checkout: Recorded):
    check_windows(checkout, CHECKOUT_CARD)


def test_checkout_city_beside_the_typed_street_leaks_nothing(checkout: Recorded):
    check_windows(checkout, [CHECKOUT_CITY])


def test_checkout_note_leaks_nothing(checkout: Recorded):
    assert any(NOTE in text for text in texts(checkout.sent)), "the note was never sent whole"
    check_windows(checkout, NOTE_PLANTED)


def test_checkout_keeps_the_site_text(checkout: Recorded):
    check_kept(checkout, CHECKOUT_KEPT)


def test_checkout_date_of_birth_picked_in_three_selects_leaks_nothing(checkout: Recorded):
    """Every option's text is on the page, so the windows say nothing here: what must not be stored is
    which option was picked — the Input event's value, the <select>'s value, the option marked
    selected in the next snapshot, or one option masked among the others (an echo of the pick)."""
    sent_ids = _ids_by_html_id(checkout.sent)
    assert {sent_ids[selector[1:]] for selector in PATIENT_BIRTH_PICKED} <= {
        event["data"].get("id") for event in checkout.sent if event.get("type") == 3 and event["data"].get("source") == 5
        and event["data"].get("text") in PATIENT_BIRTH_PICKED.values()}, "the picks were never sent"
    ids = _ids_by_html_id(checkout.stored)
    problems = []
    for selector, picked in PATIENT_BIRTH_PICKED.items():
        select = ids[selector[1:]]
        for event in checkout.stored:
            data = event.get("data") if isinstance(event.get("data"), dict) else {}
            if event.get("type") == 3 and data.get("source") == 5 and data.get("id") == select and data.get("text") == picked:
                problems.append(f"LEAK {selector}: the Input event holds {picked!r}")
        for node in _nodes(checkout.stored):
            if node.get("id") != select:
                continue
            if (node.get("attributes") or {}).get("value") == picked:
                problems.append(f"LEAK {selector}: the snapshot's value is {picked!r}")
            options = [child.get("attributes") or {} for child in node.get("childNodes") or []][1:]  # after "Dag"
            if any(option.get("selected") for option in options):
                problems.append(f"LEAK {selector}: the snapshot marks the picked option selected")
            masked = [option for option in options if option.get("value") and not option["value"].strip("*")]
            if 0 < len(masked) < len(options):
                problems.append(f"LEAK {selector}: {len(masked)} option(s) masked among {len(options)}: "
                                "they point at the pick")
    assert not problems, "\n".join(problems)


def _nodes(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every serialized node of the snapshots and mutation adds."""
    found, stack = [], [e["data"]["node"] for e in events if e.get("type") == 2]
    stack += [add["node"] for e in events if e.get("type") == 3 and e["data"].get("source") == 0
              for add in e["data"].get("adds", [])]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.get("childNodes") or [])
    return found


def _ids_by_html_id(events: list[dict[str, Any]]) -> dict[str, int]:
    return {node["attributes"]["id"]: node["id"] for node in _nodes(events)
            if isinstance(node.get("attributes"), dict) and node["attributes"].get("id")}


# -- signup.html --------------------------------------------------------------------------------------
SIGNUP_FIELDS = [
    Planted("#su-given", "Loeiza", "given name no list knows, in a field labelled Prénom"),
    Planted("#su-family", "Kervella", "family name in a field labelled Nom"),
    Planted(None, "l.kerv.29@arvor-post.bzh", "type=email, echoed half hidden by the page "
            "('Lien envoyé à l••••••••@arvor-post.bzh')"),
    Planted(None, "698154327", "national part of a phone without its 0, in a type=number field labelled only "
            "'Numéro' beside a country-code <select>"),
    Planted(None, "+33 6 98 15 43 27", "the phone echoed by the page in international format ('Code envoyé au …')"),
    Planted(None, "730584", "one-time code pasted into six boxes, gathered in a hidden input"),
    Planted(None, "1958", "year of birth in the third of three boxes named only by their legend"),
    Planted(None, "31408265720", "account number of a French RIB in four parts ('Numéro de compte')"),
    Planted(None, "FR76 1680 7001 4231 4082 6572 072", "the IBAN the page makes of the RIB's parts"),
    Planted(None, "BE87 7350 4182 7394", "IBAN pasted whole into an input with no label, name or id"),
    Planted(None, "Riwal Le Goarnig", "full name typed into an input with no label, name or id"),
    Planted(None, "Riwal Le Gorn", "the same name's abandoned prefix, before two backspaces"),
]
LETTER = ("Bonjour,\n\nJe souhaite aussi inscrire le gîte que je loue avec Warre Callewaert à Plouha. Vous pouvez "
          "me joindre au 0033 6 41 27 85 90 ou au +33 (0)6 52 18 74 09 le soir. Pour le compteur belge : mon "
          "numéro national est 83.11.09-317.69 et le numéro de TVA de notre SRL est BE 0473 621 801.\n\n"
          "Bien cordialement,\nLoeiza Kervella")
LETTER_PLANTED = [
    Planted(None, "0033 6 41 27 85 90", "a French mobile written with 0033"),
    Planted(None, "+33 (0)6 52 18 74 09", "a French mobile written +33 (0)6"),
    Planted(None, "83.11.09-317.69", "a Belgian national number with dots and a dash"),
    Planted(None, "BE 0473 621 801", "a Belgian VAT number with spaces"),
    Planted(None, "Loeiza Kervella", "the signature after 'Bien cordialement,'"),
]
SIGNUP_KEPT = ["Coopérative Énergie Armor", "Offre Heol 100 % renouvelable", "borne de recharge", "ARMORSOLEIL",
               "Belgique", "Bien cordialement,", "Je souhaite aussi inscrire le gîte"]


def paste(page: Any, selector: str, value: str) -> None:
    """A paste event with the value on its clipboard, as the browser fires it (the page's own handler
    puts the value in; an untrusted event inserts nothing by itself)."""
    page.eval_on_selector(selector, """(box, value) => {
        const clipboard = new DataTransfer();
        clipboard.setData("text", value);
        box.focus();
        box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: clipboard, bubbles: true, cancelable: true}));
    }""", value)


@pytest.fixture(scope="module")
def signup(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#su-search", "borne de recharge")
        recording.type("#su-given", "Loeiza")
        recording.type("#su-family", "Kervella")
        recording.type("#su-email", "l.kerv.29@arvor-post.bzh")
        page.click("#su-send-link")
        type_with_cuts(recording, "#su-phone", ["6981", "54327"])
        page.click("#su-send-code")
        paste(page, ".su-otp >> nth=0", "730584")
        for box, value in enumerate(["09", "11", "1958"]):
            recording.type(f".su-dob >> nth={box}", value)
        for selector, value in (("#su-bank", "16807"), ("#su-branch", "00142"), ("#su-account", "31408265720"),
                                ("#su-key", "72")):
            recording.type(selector, value)
        cut(page)
        page.locator(".su-free >> nth=0").focus()
        page.keyboard.insert_text("BE87 7350 4182 7394")  # a paste: the whole value in one input event
        recording.type(".su-free >> nth=1", "Riwal Le Gorn")
        page.keyboard.press("Backspace", delay=20)
        page.keyboard.press("Backspace", delay=20)
        page.keyboard.type("arnig", delay=20)
        type_with_cuts(recording, "#su-address", ["7 He", "nt Ke"])
        page.click(".pac-item >> nth=0")
        page.select_option("#su-country", "Belgique")
        type_with_cuts(recording, "#su-letter", split_inside(LETTER, "Warre Cal", "0033 6 41 2", "+33 (0)6 52",
                                                             "83.11.0", "BE 0473 6", "Loeiza Ker"))
        recording.type("#su-promo", "ARMORSOLEIL")
        page.click("#su-submit")
        recording.snapshot()

    return record("signup.html", "heldout3-signup", script)


def test_signup_split_and_unnamed_fields_leak_nothing(signup: Recorded):
    check_windows(signup, SIGNUP_FIELDS)


def test_signup_letter_leaks_nothing(signup: Recorded):
    assert any(LETTER in text for text in texts(signup.sent)), "the letter was never sent whole"
    check_windows(signup, LETTER_PLANTED)


def test_signup_keeps_the_site_text(signup: Recorded):
    check_kept(signup, SIGNUP_KEPT)


# -- a third person nobody knows, in the middle of a sentence -------------------------------------------
# Given names neither the NER model nor the given-name list knows (Frisian, Flemish), with no word
# around them that says "person" (no greeting, title, introduction or closing formula): a run of
# capitalised words in the sentences a visitor writes is a person (main, 3c8e175).
THIRD_PERSONS_CHECKOUT = [Planted(None, "Jildou Reitsma", "a third person in the middle of a Dutch sentence "
                                  "('mag het pakket naar … op nummer 29')")]
THIRD_PERSONS_SIGNUP = [Planted(None, "Warre Callewaert", "a third person in the middle of a French sentence "
                                "('le gîte que je loue avec … à Plouha')")]


def test_a_third_person_nobody_knows_in_a_sentence_leaks_nothing(checkout: Recorded, signup: Recorded):
    check_windows(checkout, THIRD_PERSONS_CHECKOUT)
    check_windows(signup, THIRD_PERSONS_SIGNUP)


# -- an address autocomplete with nothing that ties its list to the field ---------------------------
# The list is appended to <body>, with no aria-controls/aria-owns (as Google's Places widget draws it):
# only the typed part, shown whole in its own <span>, says whose suggestions they are; the rest of the
# street ("rlaouen") and the town beside it are page text without a street word.
UNTIED_SUGGESTIONS = [Planted(None, "7 Hent Kerlaouen", "street (Breton 'Hent', no French street word) completed "
                              "by an autocomplete list no attribute ties to the field")]


def test_signup_suggestions_untied_to_the_field_leak_nothing(signup: Recorded):
    check_windows(signup, UNTIED_SUGGESTIONS)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(checkout, signup, redactor_serve):
    # values shorter than a window (card boxes, a year) are left out: the files' binary numbers
    # (timestamps, page offsets) hold any four digits by chance
    check_data_dir(redactor_serve, b"Zuiderzon Apotheek", [
        item for item in [*CHECKOUT_FIELDS, *CHECKOUT_CARD, CHECKOUT_CITY, *NOTE_PLANTED, *SIGNUP_FIELDS,
                          *LETTER_PLANTED, *THIRD_PERSONS_CHECKOUT, *THIRD_PERSONS_SIGNUP, *UNTIED_SUGGESTIONS]
        if len(item.value) >= 6])


# -- the test itself ----------------------------------------------------------------------------------
#: versions of one value (abandoned and corrected, typed and echoed in another format) share windows
VERSIONS = [{"h.bosgra@terpmail", "h.bosgra@slikpost.nl"}, {"06 48 27 19 53", "+31 6 48 27 19 53"},
            {"Gurbe Hettema", "GURBE HETTEMA"},
            {"Riwal Le Gorn", "Riwal Le Goarnig"}]


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*CHECKOUT_FIELDS, *CHECKOUT_CARD, CHECKOUT_CITY, *NOTE_PLANTED, *SIGNUP_FIELDS,
                            *LETTER_PLANTED, *THIRD_PERSONS_CHECKOUT, *THIRD_PERSONS_SIGNUP, *UNTIED_SUGGESTIONS],
                           [*CHECKOUT_KEPT, *SIGNUP_KEPT, NOTE.split("Jildou")[0], LETTER.split("Warre")[0]],
                           VERSIONS)
