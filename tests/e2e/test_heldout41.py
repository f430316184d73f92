"""The held-out leak hunt, forty-first round: a French family-allowance office's housing-aid claim (the CAF de la
Seine-Saint-Denis's aide personnelle au logement), in French with Tamil lines, made by a Sri Lankan Tamil father
living in La Courneuve for his household, recorded by the unmodified rrweb recorder with its default options.

allocation.html: the family situation, the kind of housing and the town picked in the site's <select>s; the
claimant's name ('Tharshan Sivakumar') put into the <title> of an SVG icon (its tooltip); his name in Tamil script
('தர்ஷன் சிவகுமார்') typed key by key and copied by the page into a read-only signature field (a value set by script,
never typed there); his French social security number typed with its spaces ('1 84 07 99 235 112 79': born abroad,
department 99, Sri Lanka's code 235, the key 97 minus the thirteen digits' remainder by 97); his allowance number
('4827163') put into the download attribute of the receipt's link; his mobile typed as ten digits ('0758314692') and
written back grouped by two into the field ('07 58 31 46 92'); his e-mail told back in an aria-live line; his street
('Bât. C, 14 allée Romain Rolland') put into the aria-label of the address's edit button; his wife ('Niroshini
Kanagaratnam') and his daughter ('Abinaya Tharshan', her father's given name for surname, the Tamil custom) typed into
table rows the page adds, the daughter's date of birth picked in an <input type="date"> ('2019-02-03') and told back in
words ('3 février 2019'); a French IBAN pasted ('FR76 1027 8060 3100 0205 7430 144'), written back in groups and shown
by its last four digits; a message typed in a contenteditable box naming the landlord ('Gérard Vandamme'), his
landline ('01 48 36 72 15') and the daughter's illness ('diabète insulinodépendant'); each typed value with a batch cut
inside it. The site's own text that must stay: the office's name, the Tamil greeting and thanks, the opening hours,
the <select>s' options, the documents to bring, the amount's line, the labels.

First run (c7e6ab2, written before reading the detection code): one leak, and the site's word 'logement' and its
towns over-masked. The daughter's illness in the message ('… suivie à l'hôpital Avicenne pour un diabète
insulinodépendant, …') was stored readable in every keystroke's mutation after it; every other planted value held:
the name and its SVG title, the Tamil name and the signature field the page filled, the social security number, the
allowance number and its download attribute, the mobile typed and grouped, the e-mail and its aria-live line, the
street and its aria-label, the wife's and the daughter's names in the rows, the date of birth picked and in words,
the IBAN, the landlord and his landline. Masked that is the site's: the word 'logement' wherever it stood, from the
first snapshot on ('Aide au ******** · CAF …' in the <title>, 'Type de ********', '******** du parc privé' in the
<option>s and picked, 'Le ********', 'Adresse du ********', 'Demande d'aide personnelle au ******** (APL)'), and the
towns of the commune <select> ('***** ** *********' for '93120 La Courneuve', the one picked too).
The kinds of housing: an <option>'s entry of two capitalised words ('Logement HLM') is read as a given and a family
name (content.list_entry_names) unless a trade or place word says otherwise, and 'logement', once masked as a name,
was remembered for the session: 1f2f59a (rules/pii.yaml business_words: the kinds of housing, 'logement', 'woning',
'Wohnung'…). The illness: a state of health is read up to four words after the first person's word ('Notre'), and
this one stood nine words after it: a49a252 (rules/recognizers.yaml said_care: a word saying the person is treated,
followed or diagnosed, 'suivie', 'behandeld', 'diagnosed'…, lets the state of health stand up to eight words after
it). All but the towns pass since.
Probed beside the page (page text, not typed; what is typed held on main): a full name no list knows after the word of
who claims or applies ('Allocataire : Tharshan Sivakumar', 'Demandeur : …', 'Aanvrager:', 'Antragstellerin:') and a
Tamil name after the word of who signs ('Signé : தர்ஷன் சிவகுமார்') were kept, where 'Nom : …' and 'Bonjour …' masked
them: 6655937 (rules/recognizers.yaml person_role_labels). The French social security number, the allowance number
after its word, the IBAN, the mobile, the street with its building letter and the date of birth in words were masked
in page text on main already.
Left open: the towns of the commune <select> ('93120 La Courneuve'): fr_postcode_city reads a French postcode and its
town as an address wherever it stands, and an <option>'s text is left to the detectors on purpose (a server's entry
may hold a visitor's address: content.names_by_shape); the site's list of towns is masked, fail closed, the picked
one too. Telling a site's list of towns from a visitor's address built into an option wants more than a word list;
test_allocation_keeps_the_towns_listed is a strict xfail until then.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import (check_data_dir, check_no_shared_window, check_windows, cut, send_between_snapshots,
                           type_with_cuts)
from .test_heldout3 import paste, split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

NAME = "Tharshan Sivakumar"
NAME_TA = "தர்ஷன் சிவகுமார்"
NIR = "1 84 07 99 235 112 79"
ALLOCATAIRE = "4827163"
MOBILE_TYPED, MOBILE = "0758314692", "07 58 31 46 92"
MAIL = "tsiva.lcv@laposte.net"
STREET = "Bât. C, 14 allée Romain Rolland"
SPOUSE = "Niroshini Kanagaratnam"
CHILD = "Abinaya Tharshan"
CHILD_BORN, CHILD_BORN_WORDS = "2019-02-03", "3 février 2019"
IBAN = "FR76 1027 8060 3100 0205 7430 144"
MESSAGE = ("Bonjour, notre propriétaire, M. Gérard Vandamme (01 48 36 72 15), n'a pas encore rempli l'attestation de "
           "loyer. Notre fille est suivie à l'hôpital Avicenne pour un diabète insulinodépendant, nous cherchons donc un "
           "logement plus proche de l'hôpital.")
SITUATION, LOGEMENT = "Marié(e) ou pacsé(e)", "Logement du parc privé"

THE_VISITOR = [
    Planted("#nom", NAME, "a Tamil name in Latin letters, put into an SVG icon's <title>"),
    Planted("#nom-ta", NAME_TA, "the name in Tamil script typed, copied by the page into a read-only field"),
    Planted("#nir", NIR, "a French social security number of a man born abroad, with its spaces"),
    Planted("#allocataire", ALLOCATAIRE, "an allowance number, put into a link's download attribute"),
    Planted("#mobile", MOBILE_TYPED, "a French mobile typed as ten digits"),
    Planted(None, MOBILE, "the mobile written back grouped by two into the field"),
    Planted("#courriel", MAIL, "an e-mail told back in an aria-live line"),
    Planted("#adresse", STREET, "a street with a building letter, put into a button's aria-label"),
    Planted(None, SPOUSE, "the wife's name typed into a table row the page adds"),
    Planted(None, CHILD, "the daughter's name typed into a table row the page adds"),
    Planted(None, CHILD_BORN, "the daughter's date of birth picked in an <input type=date>"),
    Planted(None, CHILD_BORN_WORDS, "the date of birth told back in words"),
    Planted("#iban", IBAN, "a French IBAN pasted, written back in groups"),
]
THE_REST = [
    Planted(None, "Gérard Vandamme", "a landlord's name in a contenteditable message"),
    Planted(None, "01 48 36 72 15", "a landlord's Paris-area landline in a contenteditable message"),
    Planted(None, "diabète insulinodépendant", "a child's illness in a contenteditable message"),
]
KEPT = ["Caisse d'allocations familiales de la Seine-Saint-Denis",
        "Demande d'aide personnelle au logement (APL) — en ligne, sans rendez-vous.",
        "வணக்கம்! தமிழில் உதவி தேவைப்பட்டால் எங்கள் அலுவலகத்தை அழைக்கவும்.",
        "Accueil : du lundi au vendredi de 8h30 à 16h30, le jeudi jusqu'à 12h.",
        "Célibataire", SITUATION, "Vie maritale", "Logement HLM", LOGEMENT, "Foyer ou résidence sociale",
        "Pièces à fournir : quittance de loyer, RIB, titre de séjour en cours de validité.",
        "Le montant de l'aide tient compte des ressources de votre foyer et de votre loyer.",
        "நன்றி ! Votre demande est enregistrée ; un conseiller l'étudie sous quinze jours."]
#: not the towns of the commune <select> (a French postcode and its town, masked as an address: see above)
TOWNS = ["93120 La Courneuve", "93200 Saint-Denis", "93300 Aubervilliers"]
TYPED_KEPT = {"situation": SITUATION, "logement": LOGEMENT}
LABELS = ["Votre demande d'aide au logement", "Situation familiale", "Type de logement", "L'allocataire",
          "Prénom et nom", "Nom en écriture tamoule (facultatif)", "Numéro de sécurité sociale (15 chiffres)",
          "Numéro d'allocataire", "Téléphone portable", "Adresse électronique", "Le logement", "Adresse du logement",
          "Commune", "Les personnes qui vivent avec vous", "Lien", "Date de naissance", "Ajouter une personne",
          "Le versement", "IBAN du compte où verser l'aide", "Un message pour votre conseiller ?",
          "Signature (votre nom tel que saisi)", "Envoyer ma demande", "Télécharger l'accusé de réception"]


def row(number: int, field: str) -> str:
    return f"#foyer tr:nth-child({number}) .membre-{field}"


@pytest.fixture(scope="module")
def allocation(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#situation", SITUATION)
        page.select_option("#logement", LOGEMENT)
        type_with_cuts(recording, "#nom", ["Tharshan Siva", "kumar"], delay=15)
        type_with_cuts(recording, "#nom-ta", ["தர்ஷன் சிவ", "குமார்"], delay=15)
        type_with_cuts(recording, "#nir", ["1 84 07 99 2", "35 112 79"], delay=15)
        type_with_cuts(recording, "#allocataire", ["482", "7163"], delay=15)
        type_with_cuts(recording, "#mobile", ["07583", "14692"], delay=15)
        page.locator("#mobile").blur()
        type_with_cuts(recording, "#courriel", ["tsiva.l", "cv@laposte.net"], delay=15)
        page.locator("#courriel").blur()
        type_with_cuts(recording, "#adresse", ["Bât. C, 14 allée Rom", "ain Rolland"], delay=15)
        page.click("#ajouter")
        type_with_cuts(recording, row(1, "nom"), ["Niroshini Kanag", "aratnam"], delay=15)
        page.select_option(row(1, "lien"), "Conjoint(e)")
        page.click("#ajouter")
        type_with_cuts(recording, row(2, "nom"), ["Abinaya Thar", "shan"], delay=15)
        page.select_option(row(2, "lien"), "Enfant")
        cut(page)
        page.fill(row(2, "naissance"), CHILD_BORN)
        paste(page, "#iban", IBAN)
        type_with_cuts(recording, "#message", split_inside(MESSAGE, "Gérard Van", "01 48 3", "diabète insu"),
                       delay=8)
        send_between_snapshots(recording)

    return record("allocation.html", "heldout41-allocation", script)


def test_allocation_page_did_what_the_round_stands_on(allocation: Recorded):
    """The SVG title held the name, the signature field the Tamil name, the link's download attribute the allowance
    number, the field the grouped mobile, the aria-live line the e-mail, the aria-label the street, the age line the
    date of birth in words, the field the grouped IBAN, the box the message."""
    sent = list(strings(allocation.sent))
    for echo, what in [("Allocataire : " + NAME, "SVG title"), (f"accuse-de-reception-{ALLOCATAIRE}.pdf", "download"),
                       (MOBILE, "grouped mobile"), ("Un code de confirmation a été envoyé à " + MAIL, "aria-live"),
                       ("Modifier l'adresse : " + STREET, "aria-label"), ("Abinaya est né(e) le " + CHILD_BORN_WORDS,
                                                                          "age line"),
                       (IBAN, "grouped IBAN"), ("Compte se terminant par 0144.", "last digits"),
                       ("diabète insulinodépendant", "message")]:
        assert any(echo in text for text in sent), f"no {what}"
    assert NAME_TA in field_values(allocation.sent, "signature"), "the Tamil name was not copied into the signature"


def test_allocation_visitor_leaks_nothing(allocation: Recorded):
    check_windows(allocation, THE_VISITOR)


def test_allocation_message_leaks_nothing(allocation: Recorded):
    check_windows(allocation, THE_REST)


def test_allocation_keeps_the_site_text(allocation: Recorded):
    check_kept(allocation, KEPT)


def test_allocation_keeps_the_options_picked(allocation: Recorded):
    assert all(value in field_values(allocation.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(allocation.stored, field)] == []


@pytest.mark.xfail(strict=True, reason="a French postcode and its town are an address wherever the site writes them, "
                   "its <select> of towns too (left open: see the docstring)")
def test_allocation_keeps_the_towns_listed(allocation: Recorded):
    check_kept(allocation, TOWNS)


def test_allocation_last_snapshot_keeps_the_labels(allocation: Recorded):
    check_kept(last_snapshot(allocation), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(allocation, redactor_serve):
    check_data_dir(redactor_serve, b"Le montant de l'aide tient compte des ressources", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the father's name and his daughter's (his given name her surname), the mobile typed and grouped, the date of birth
#: picked and in words, the message's values
VERSIONS = [{NAME, CHILD}, {MOBILE_TYPED, MOBILE}, {CHILD_BORN, CHILD_BORN_WORDS},
            {MESSAGE, "Gérard Vandamme", "01 48 36 72 15", "diabète insulinodépendant"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "allocation.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)

