"""The held-out leak hunt, twenty-sixth round: a Namur driving school's enrolment for the B licence in the guided
track, in French, for a seventeen-year-old with a Greek father, his mother and the two guides who will ride with him,
recorded by the unmodified rrweb recorder with its default options.

autoecole.html: the learner's given name put by the page into the next label at every keystroke ('Date de naissance de
Stylianos (jj.mm.aaaa)'), a Greek family name, a date of birth with dots and his age in an <output>, a national number
and an identity card number as the card writes them, a mobile written '+32 497/28.61.53', an e-mail with his birth
year, an address over two lines; the mother's name typed without its particle, which she adds afterwards at its start
(the caret moved back with the arrow keys: the values that follow are no longer prefixes of each other, 'Anne-Sophie
Hemptinne' → 'Anne-Sophie dHemptinne' → 'Anne-Sophie de Hemptinne'), a Namur landline with a slash; two guides typed
one at a time into one field and turned into chips on Enter (the field emptied, the name in a <span> with a title and
in a remove button's aria-label), whose names, the learner's and the mother's fill a "who pays" <select> (option text
and value); a guide's licence number as ten bare digits; a message to the instructor in a <textarea> whose preview is
rebuilt word by word at every keystroke, each word in its own text node, those the school's dictionary does not know
in a <mark> (the names cut into pieces by element boundaries), naming the grandfather (a double family name with a
lower-case particle), the aunt with her street in Jambes and her Greek mobile, the grandmother in Greek letters, the
eye doctor and his landline; the lesson time in an <input type=time>, the exam centre from an <input list>, the
nationality, the discount code and the IBAN. The site's own text that must stay: the headings, the school, its pack,
its places, the exam centre, the nationality, the time, the code.
Second part (written after the fixes below, having read the detection code): once the form is sent, a thank-you line
naming the learner ('Merci Stylianos ! …'), a recap that writes each group of the national number and of the IBAN,
the e-mail's local part, its '@' and its domain, and the family name in capitals each in a <span> of its own, and the
school's signature that thanks again ('Merci de votre confiance. …'), which must stay readable.

First run (0e4e2a5, the first part, written before reading the detection code, stopping at the first failure): the
message's check failed; the next run, after its fix, 1 of 10 failed (what was typed that is nobody's data). Leak: the aunt's street in the preview, '<mark>avenue</mark> <mark>Reine</mark> <mark>Astrid</mark> 96': a text
split off by inline elements is read with its line, 6 nodes on each side, and from inside a <mark> the step out of it,
the spaces and the marks used them up before the number, so 'avenue' was read with ' Reine Astrid ' only and stored:
a28dc17 (redact.py _line_around: six words on each side, spaces and steps out of an element in a bound of 18 steps).
Over-masked: the lesson time '17:30' of the <input type=time> was stored '17:**' in every snapshot after the message:
the preview's '(+30' (the Greek mobile, a word a node) was masked as the piece it holds of the phone found across its
line, and remembered as a value, so every '30' of the session was masked: 92bc902 (content.py TextSlot._read: a piece
of a value found across the line is masked, not tainted). Probes of the stored events after those fixes found the
visitor's 'Merci !' at the end of her message masked in the last snapshot: the model read the page's thank-you line
'Merci Stylianos !' whole as a person and its first word was remembered as a name's: deee972 (redact.py taint_value,
names.py is_name_opener), before the second part was written. Held on the first run: the label naming the learner at
every keystroke, the particle added at the start of the mother's name (values that are not each other's prefixes),
the chips' text, title and aria-label, the 'who pays' <select> built from the names, the names, the Greek name and the
phone cut into <mark>s word by word, the ten-digit licence number, the IBAN.
Left: the town of the address the visitor typed in her message ('… à Jambes') is remembered with the street's words
(a typed address's capitalised words are, by design: an echo of the town alone is masked), so the site's own line
'Namur – Jambes – Bouge' is masked in the snapshots after it; the first word of a thank-you line read whole as a person
('Merci Stylianos') is still masked there, with the name.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaks import strings

from .conftest import PAGES, Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows, cut, type_with_cuts
from .test_heldout3 import split_inside
from .test_heldout14 import last_snapshot
from .test_heldout25 import field_values
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

GIVEN, FAMILY = "Stylianos", "Karagiannis"
PARENT, PARENT_FIRST = "Anne-Sophie de Hemptinne", "Anne-Sophie Hemptinne"
GRANDFATHER, AUNT = "Jean-Baptiste Dumont de Chassart", "Evangelia Papathanasiou"
MESSAGE = (f"Bonjour, je préfère les leçons le mercredi après 16 h. Mon grand-père {GRANDFATHER} conduit depuis 1979 ; "
           f"ma tante {AUNT} m'accompagnera aussi, elle habite avenue Reine Astrid 96 à Jambes (+30 694 512 3870 "
           "jusqu'en août). Ma grand-mère Σταυρούλα Καραγιάννη ne conduit pas. Je porte des lunettes (ophtalmologue : "
           "Dr Wauthier, 081 22 47 90). Merci !")
IBAN = "BE15 0017 3849 5230"
TIME, CENTRE, COUNTRY, CODE = "17:30", "Naninne (Namur)", "Grèce", "PERMIS-B26"

THE_LEARNER = [
    Planted("#prenom", GIVEN, "a Greek given name, put into the next label at every keystroke"),
    Planted("#nom", FAMILY, "a Greek family name"),
    Planted("#naissance", "23.06.2009", "a date of birth with dots, his age told in an <output>"),
    Planted("#rrn", "09.06.23-163.86", "a national number as the card writes it"),
    Planted("#carte", "592-4738216-41", "an identity card number, 3-7-2 digits"),
    Planted("#gsm", "+32 497/28.61.53", "a mobile with the country code, a slash and dots"),
    Planted("#courriel", "stelios.k2009@gmail.com", "an e-mail holding the learner's birth year"),
    Planted(None, "Rue de Gembloux 318", "his street, the first of two lines of an address"),
    Planted(None, f"{GIVEN} {FAMILY}", "the learner in the 'who pays' <select>", raw=False),
    Planted(None, FAMILY.upper(), "the family name in capitals in a <span> of the recap"),
]
THE_PARENT = [
    Planted(None, PARENT, "the mother's name, its particle added at its start after the rest was typed"),
    Planted(None, PARENT_FIRST, "the mother's name as first typed, without its particle"),
    Planted("#parent-tel", "081/73 52 96", "a Namur landline with a slash"),
    Planted("#iban", IBAN, "the IBAN for the direct debit"),
]
THE_GUIDES = [
    Planted(None, GRANDFATHER, "a guide typed into a chip field: a double family name with a lower-case particle, in a "
            "chip's text, title and remove button's aria-label and in the 'who pays' <select>"),
    Planted(None, AUNT, "a guide with a Greek name, in a chip"),
    Planted("#guide-permis", "4827163950", "the first guide's licence number, ten bare digits"),
]
IN_THE_MESSAGE = [
    Planted(None, "avenue Reine Astrid 96", "the aunt's street in the message"),
    Planted(None, "+30 694 512 3870", "the aunt's Greek mobile"),
    Planted(None, "Σταυρούλα Καραγιάννη", "the grandmother in Greek letters after 'grand-mère'"),
    Planted(None, "Wauthier", "the eye doctor after 'Dr'"),
    Planted(None, "081 22 47 90", "the eye doctor's landline"),
]
KEPT = ["Inscription au permis B · Filière guidée", "Auto-École du Confluent · Namur – Jambes – Bouge",
        "Pack Confluent 20 h de conduite + théorie en ligne", "Rendez-vous au pied de la Citadelle.",
        "Les guides (deux au maximum, permis depuis 8 ans)", "Naninne (Namur)", "Mont-Saint-Guibert",
        "Inscription permis B — Auto-École du Confluent, Namur",
        # what the page or the visitor wrote that is nobody's data
        "Date de naissance de ", "17 ans le 15 décembre", " — premier guide", " — second guide", "Retirer ",
        " (guide)", " (parent)", "je préfère les leçons le mercredi", "Je porte des lunettes"]
#: what the visitor typed or picked that is nobody's data, as the field's value in a full snapshot
TYPED_KEPT = {"heure": TIME, "centre": CENTRE, "nationalite": COUNTRY, "code": CODE}
#: the site's text once the form is sent, in the last snapshot: after a thank-you line read whole as a person
AFTER_SENDING = ["Merci de votre confiance. L'équipe de l'Auto-École du Confluent", "Registre national", "Domiciliation",
                 "Courriel", "Élève", "Votre moniteur vous appelle au "]
LABELS = ["Prénom de l'élève", "Nom de famille", "Numéro de registre national", "Numéro de la carte d'identité",
          "GSM de l'élève", "Courriel", "Domicile", "Nom et prénom du parent", "Téléphone fixe",
          "Numéro du permis de conduire du premier guide", "Qui paie la formation ?", "IBAN pour la domiciliation"]


@pytest.fixture(scope="module")
def autoecole(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        type_with_cuts(recording, "#prenom", ["Styl", "ianos"])
        type_with_cuts(recording, "#nom", ["Karag", "iannis"])
        type_with_cuts(recording, "#naissance", ["23.06.2", "009"])
        page.select_option("#nationalite", COUNTRY)
        type_with_cuts(recording, "#rrn", ["09.06.23-16", "3.86"])
        type_with_cuts(recording, "#carte", ["592-47382", "16-41"])
        type_with_cuts(recording, "#gsm", ["+32 497/28.6", "1.53"])
        type_with_cuts(recording, "#courriel", ["stelios.k20", "09@gmail.com"])
        type_with_cuts(recording, "#domicile", ["Rue de Gemb", "loux 318\n5002 Saint-Servais"])

        type_with_cuts(recording, "#parent", ["Anne-Sophie Hemp", "tinne"])
        cut(page)
        for _ in range(len("Hemptinne")):
            page.keyboard.press("ArrowLeft")
        page.keyboard.type("d", delay=90)
        cut(page)
        page.keyboard.type("e ", delay=90)
        assert page.input_value("#parent") == PARENT
        page.keyboard.press("Tab")
        type_with_cuts(recording, "#parent-tel", ["081/73 5", "2 96"])

        type_with_cuts(recording, "#guide", ["Jean-Baptiste Dumont de Ch", "assart"])
        page.keyboard.press("Enter")
        type_with_cuts(recording, "#guide", ["Evangelia Papath", "anasiou"])
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelectorAll('#guides .chip').length === 2")
        type_with_cuts(recording, "#guide-permis", ["482716", "3950"])
        page.select_option("#payeur", PARENT)
        page.fill("#heure", TIME)
        recording.type("#centre", CENTRE)
        type_with_cuts(recording, "#message", split_inside(MESSAGE, "Dumont de Ch", "Evangelia Papa", "Reine Ast",
                                                           "+30 694 5", "Σταυρούλα Καρα", "Wauth", "081 22 4"))
        recording.type("#code", CODE)
        type_with_cuts(recording, "#iban", ["BE15 0017 38", "49 5230"])
        cut(page)
        recording.snapshot()
        page.click("#envoyer")
        page.wait_for_selector("#merci[data-done]")
        cut(page)
        recording.snapshot()

    return record("autoecole.html", "heldout26-autoecole", script)


def test_autoecole_page_did_what_the_round_stands_on(autoecole: Recorded):
    """The label named the learner, the mother's name went through values that are not each other's prefixes, the
    chips and the list held the guides, the preview cut the names into <mark>s."""
    sent = list(strings(autoecole.sent))
    assert f"Date de naissance de {GIVEN} (jj.mm.aaaa)" in sent, "no label naming the learner"
    assert PARENT_FIRST in sent and "Anne-Sophie dHemptinne" in sent and PARENT in sent, "no particle added"
    assert f"Retirer {GRANDFATHER}" in sent and f"{AUNT} — second guide" in sent, "no chips"
    assert f"{GRANDFATHER} (guide)" in sent and f"{PARENT} (parent)" in sent, "no 'who pays' list"
    assert "Chassart" in sent and "Papathanasiou" in sent, "no preview marks"
    assert "17 ans le 15 décembre" in sent, "no age"
    assert {"KARAGIANNIS", "09.06.23", "163.86", "stelios.k2009", "BE15", "5230"} <= set(sent), "no recap in pieces"


def test_autoecole_learner_leaks_nothing(autoecole: Recorded):
    check_windows(autoecole, THE_LEARNER)


def test_autoecole_parent_leaks_nothing(autoecole: Recorded):
    check_windows(autoecole, THE_PARENT)


def test_autoecole_guides_leak_nothing(autoecole: Recorded):
    check_windows(autoecole, THE_GUIDES)


def test_autoecole_message_leaks_nothing(autoecole: Recorded):
    check_windows(autoecole, IN_THE_MESSAGE)


def test_autoecole_keeps_the_site_text(autoecole: Recorded):
    check_kept(autoecole, KEPT)


def test_autoecole_keeps_what_was_typed_that_is_nobodys_data(autoecole: Recorded):
    """The lesson time, the exam centre, the nationality, the discount code: readable in the full snapshots."""
    assert all(value in field_values(autoecole.sent, field) for field, value in TYPED_KEPT.items()), "test broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(autoecole.stored, field)] == []


def test_autoecole_last_snapshot_keeps_the_labels_and_the_thanks(autoecole: Recorded):
    check_kept(last_snapshot(autoecole), [*LABELS, *AFTER_SENDING])


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_LEARNER, *THE_PARENT, *THE_GUIDES, *IN_THE_MESSAGE]


def test_no_file_under_the_data_dir_holds_a_planted_value(autoecole, redactor_serve):
    check_data_dir(redactor_serve, b"Pack Confluent 20 h", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
VERSIONS = [{PARENT, PARENT_FIRST}, {GIVEN, FAMILY, f"{GIVEN} {FAMILY}", FAMILY.upper()}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "autoecole.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, *AFTER_SENDING, page_text()], VERSIONS)
