"""The held-out leak hunt, second round: values the SERVER or the BROWSER put on the page, not
only what the visitor types, recorded by the unmodified rrweb recorder.

account2.html: a Dutch "my account / edit profile" page, prefilled by the server (input values,
a textarea's default text, selected options, a checkbox label, hidden inputs with a CSRF and a
session token, a data-* JSON blob, JSON-LD, <meta>, <noscript>, an iframe srcdoc, a same-origin
iframe, a shadow-DOM component), then changed by a script as autofill does (value set without a
keystroke, input and change dispatched), a <select> changed by the visitor, and the document's
title and URL (pushState query, hash) naming the visitor.
chat.html: a French live-chat widget whose messages become new list items, the agent greeting the
visitor by name, the input a contenteditable div with a placeholder.
"""

from __future__ import annotations

from typing import Any

import pytest
from planted import texts

from .conftest import Recording
from .test_heldout import SLOW_MS, check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

# -- account2.html ------------------------------------------------------------------------------------
ACCOUNT_PREFILLED = [
    Planted(None, "Griet Vanhoutteghem", "name in <meta name=author>, and in document.title after saving"),
    Planted(None, "Vanhoutteghem", "family name as a prefilled <input value>"),
    Planted(None, "griet.vhtg@kantwerk.be", "e-mail in <meta property> and a prefilled <input value>"),
    Planted(None, "+32 9 233 41 87", "phone as a prefilled <input value>"),
    Planted(None, "BE71 0961 2345 6769", "IBAN as a prefilled <input value>"),
    Planted(None, "Onderbergen 71", "street as a prefilled <input value>"),
    Planted(None, "Ghislaine Oosterlinck", "name in a <textarea>'s default text"),
    Planted(None, "Sint-Pietersnieuwstraat 233", "address in a server-rendered <option>, then picked"),
    Planted(None, "Lange Munt 41", "street without a street word in a server-rendered <option>, before its postcode"),
    Planted(None, "Leontien Vermeersch", "name in a checkbox's label"),
    Planted(None, "Wouter Maenhout", "name in a server-rendered <option>'s text"),
    Planted(None, "wouter.m@vlaskouter.be", "e-mail in a server-rendered <option value>, then picked"),
    Planted(None, "c5f1e8a94b2d7360af9e12c4d8b7a6f3", "CSRF token in a hidden input"),
    Planted(None, "sess_9fK2mQ7xLp4RtW8vZ3bN6cY1", "session token in a hidden input"),
    Planted(None, "gv.facturen@mosselbank.be", "e-mail in a hidden input"),
    Planted(None, "tiebe.desmedt@haringvliet.nl", "e-mail in a data-user JSON blob"),
    Planted(None, "+31 6 4187 2290", "phone in a data-user JSON blob"),
    Planted(None, "Oda Pittevils", "name in a <noscript> text"),
    Planted(None, "Wivina Opsomer", "name in a <dd> after <dt>Naam</dt>"),
    Planted(None, "11.09.1971", "date of birth in a <dd> after <dt>Geboortedatum</dt>"),
    Planted(None, "KL-553917", "customer number in a <td> after <th>Klantnummer</th>"),
    Planted(None, "Machteld Verschueren", "name in a same-origin iframe's page"),
]
# Names the NER model misses: Flemish given names gender-guesser's list lacks (rules/pii.yaml adds
# the common ones), and a name no list knows in an attribute no browser shows (its full name's shape)
ACCOUNT_RARE_NAMES = [
    Planted(None, "Jozefien Haesaerts", "name in an <iframe srcdoc> ('Klantenkaart van …')"),
    Planted(None, "Florentijn Van Acker", "name in a shadow root and its host's data-holder"),
    Planted(None, "Gommaar Wuyts", "name in a bare attribute of a custom element (data-cosigner)"),
]
# A name neither the NER model nor the given-name list knows, in page text with no context word that
# says "person": open, the known-name variants of the same shape are masked.
ACCOUNT_UNKNOWN_NAMES = [
    # found since "Meter" (godmother) is a role word of rules/fields.yaml's PERSON; a name no list knows
    # after a word that says nothing of a person stays open (the closing notes of issue 9)
    Planted(None, "Hadewych Stroobants", "name in an <iframe srcdoc> ('Meter: …', a godmother)"),
]
# rrweb sends a <script>'s text as SCRIPT_PLACEHOLDER, so these never leave the browser today; they are
# looked for on disk with the rest (the proxy itself stores script text as it comes: see the report)
ACCOUNT_JSON_LD = [
    Planted(None, "Wannes Bogaerts-Pype", "Person.name in <script type=application/ld+json>", raw=False),
    Planted(None, "wannes.bp@beiaardstad.be", "Person.email in JSON-LD", raw=False),
    Planted(None, "Vrijdagmarkt 48", "Person.address in JSON-LD", raw=False),
]
ACCOUNT_AUTOFILLED = [
    Planted(None, "+32 478 90 26 51", "phone set by script (autofill), input+change dispatched"),
    Planted(None, "Hoogpoort 52", "street set by script (autofill) over a prefilled one"),
    Planted(None, "werk.gv@weversgilde.be", "e-mail set by script (autofill) over a prefilled one"),
]
ACCOUNT_TYPED = [
    Planted("#badge-second", "Roosmarijn Clauwaert", "name typed into a field inside a shadow root"),
    Planted(None, "Bavo Tieleman-Ruys", "name typed into a field of a same-origin iframe"),
]
ACCOUNT_URL = [
    Planted(None, "lodewijk.claeys@mergelland.be", "e-mail in a pushState URL's query (?user=)"),
    Planted(None, "mirte.dhondt@zandvlakte.be", "e-mail in location.hash (#email=)"),
    Planted(None, "Ermelinde+Roobaert", "a name no detector knows in a pushState URL's query (&naam=)"),
]
ACCOUNT_KEPT = ["Kaaswinkel Het Gulden Wiel", "Passendale Classic", "GULDENWIEL25", "Profiel bewerken",
                "belegen", "België"]


@pytest.fixture(scope="module")
def account(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.frame_locator("#a-loyalty").locator("#frame-gift").wait_for()
        typed = ACCOUNT_TYPED[0]
        type_with_cuts(recording, typed.selector, [typed.value[:7], typed.value[7:]])
        gift = page.frame_locator("#a-loyalty").locator("#frame-gift")
        gift.click()
        gift.press_sequentially(ACCOUNT_TYPED[1].value[:9], delay=SLOW_MS)
        cut(page)  # a batch ends inside the name typed in the iframe
        gift.press_sequentially(ACCOUNT_TYPED[1].value[9:], delay=SLOW_MS)
        page.click("#a-autofill")
        cut(page)
        page.select_option("#a-delivery", "work")
        page.select_option("#a-invoice", "wouter.m@vlaskouter.be")
        recording.type("#a-search", "belegen")
        page.click("#a-save")
        page.wait_for_function("location.hash.length > 1")
        recording.snapshot()  # its Meta event carries the URL, its title node the renamed title

    return record("account2.html", "heldout2-account", script)


def test_account_prefilled_values_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_PREFILLED)


def test_account_rare_names_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_RARE_NAMES)


def test_account_unknown_names_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_UNKNOWN_NAMES)


def test_account_keeps_a_product_name_the_model_reads_as_a_person(account: Recorded):
    check_kept(account, ["Oude Brugge Reserve"])


def test_account_autofilled_values_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_AUTOFILLED)


def test_account_shadow_and_iframe_fields_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_TYPED)


def test_account_title_and_url_leak_nothing(account: Recorded):
    check_windows(account, ACCOUNT_URL)


def test_account_keeps_the_site_text(account: Recorded):
    check_kept(account, ACCOUNT_KEPT)


# -- chat.html ----------------------------------------------------------------------------------------
FIRST_MESSAGE = "Bonjour, je m'appelle Hélène Castermans, ma commande n'est pas arrivée."
THIRD_MESSAGE = "Et moi c'est Ombeline Rycquart, sa sœur. Remboursez sur BE79-3101-8427-5333 svp. Je suis née le 14 avril 1968."
SECOND_PIECES = ["Écrivez-moi à hcastm.jo", "ur@vivre", "mail.fr ou au 06 71 ", "38 24 95 merci"]
CHAT_PLANTED = [
    Planted(None, "Hélène Castermans", "name typed in a contenteditable chat input, echoed as a new <li>, "
            "greeted back by the agent ('Bonjour Hélène')"),
    Planted(None, "hcastm.jour@vivremail.fr", "e-mail typed slowly across batch cuts, then echoed as a new <li>"),
    Planted(None, "06 71 38 24 95", "phone cut by a batch end, then echoed as a new <li>"),
    Planted(None, "BE79-3101-8427-5333", "IBAN typed with dashes between its groups, echoed as a new <li>"),
    Planted(None, "14 avril 1968", "date of birth with the month written out, after 'née le', echoed as a new <li>"),
    Planted(None, "Ombeline Rycquart", "a name unknown to NER and the name list after \"moi c'est\", echoed as a new <li>"),
]
CHAT_KEPT = ["Parfumerie Lavandière", "Eau de Cologne Bergamote Sauvage", "suivi de commande",
             "je regarde votre commande", "Écrivez votre message"]


@pytest.fixture(scope="module")
def chat(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        recording.type("#c-input", FIRST_MESSAGE)
        page.click("#c-send")
        page.wait_for_function("document.querySelectorAll('#c-log li.agent').length > 1")
        cut(page)
        type_with_cuts(recording, "#c-input", SECOND_PIECES)
        page.click("#c-send")
        recording.type("#c-input", THIRD_MESSAGE)
        page.click("#c-send")
        page.wait_for_timeout(200)
        recording.snapshot()

    return record("chat.html", "heldout2-chat", script)


def test_chat_messages_and_the_agents_greeting_leak_nothing(chat: Recorded):
    assert any("Bonjour Hélène" in text for text in texts(chat.sent)), "the agent never greeted the visitor"
    check_windows(chat, CHAT_PLANTED)


def test_chat_keeps_the_site_text(chat: Recorded):
    check_kept(chat, CHAT_KEPT)


# -- what the server keeps on disk --------------------------------------------------------------------
def test_no_file_under_the_data_dir_holds_a_planted_value(account, chat, redactor_serve):
    check_data_dir(redactor_serve, b"Kaaswinkel Het Gulden Wiel", [
        *ACCOUNT_PREFILLED, *ACCOUNT_UNKNOWN_NAMES, *ACCOUNT_RARE_NAMES, *ACCOUNT_JSON_LD, *ACCOUNT_AUTOFILLED, *ACCOUNT_TYPED, *ACCOUNT_URL,
        *CHAT_PLANTED])


# -- the test itself ----------------------------------------------------------------------------------
def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*ACCOUNT_PREFILLED, *ACCOUNT_RARE_NAMES, *ACCOUNT_UNKNOWN_NAMES, *ACCOUNT_JSON_LD,
                            *ACCOUNT_AUTOFILLED, *ACCOUNT_TYPED, *ACCOUNT_URL, *CHAT_PLANTED],
                           [*ACCOUNT_KEPT, *CHAT_KEPT, FIRST_MESSAGE.split("Hélène")[0], "ma commande n'est pas arrivée"])
