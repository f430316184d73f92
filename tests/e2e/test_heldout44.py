"""The held-out leak hunt, forty-fourth round: a Liège university's arrival form for an incoming researcher (the
ULiège's Bureau d'accueil des chercheurs internationaux), in French with Persian and English lines, filled by an
Iranian chemical engineer before she moves to Liège with her husband and son, recorded by the unmodified rrweb recorder
with its default options.

chercheurs.html: the faculty picked in the site's <select>; her name ('Niloufar Ghasemzadeh') put by the page into the
title attribute of the badge's <abbr> and into a <dialog> she opens to check her answers; her name in Persian script
with a zero-width non-joiner inside the family name ('نیلوفر قاسم‌زاده') told back in a <details>' <summary>
('خوش آمدید، …'); her date of birth typed in the Solar Hijri calendar with Persian digits ('۱۳۶۸/۰۷/۲۱') told back in
French words in an aria-live line ('13 octobre 1989') and written into a read-only <input type=date> ('1989-10-13');
her Iranian national code pasted in Persian digits ('۴۲۷۱۸۳۹۰۵۱', its check digit right) written back in Latin digits
when she leaves the field ('4271839051'); her passport number ('E47291836') put into the download attribute of the
attestation's link; her ORCID iD ('0000-0002-7415-3988', its ISO 7064 check right) put into a link's href and text;
her Iranian mobile typed in its domestic form ('0912 417 3865') put in its international form into an SVG icon's
<title> ('+98 912 417 3865'); her e-mail typed wrong, corrected with backspaces, then written into a JSON data
attribute of the form; her last address in Tehran in Persian script ('تهران، خیابان ولیعصر، کوچه نسترن، پلاک ۱۲') put
into the title attribute of an icon; her Liège street (a saint's: 'Rue Saint-Gilles 214') put into the alt of the
access map; her son's name ('Arman Rahimi') typed, his given name put into the placeholder of the next field; a remark
typed into a contenteditable box naming her husband ('Kourosh Rahimi') and his Iranian mobile ('+98 935 208 4417'), her
son's diabetes ('diabétique') and her pregnancy ('enceinte'); each typed value with a batch cut inside it. The site's
own text that must stay: the office's name, the French, Persian and English welcome lines, the opening hours, the
faculty picked, the French classes, the residence permit line, the thanks, the labels.

First run (69916ec, written before reading the detection code): no leak; the faculty picked and the site's word
'Faculté' over-masked. Every planted value held: the name in its field, the badge's title and the dialog, the Persian
name with its non-joiner and the summary's greeting (stored 'خوش آمدید، ****** *********'), the Solar Hijri date in
Persian digits, its French words and its ISO form in the date input, the national code pasted in Persian digits and
written back in Latin ones, the passport number in the download attribute, the ORCID iD in the link's href and text,
the mobile and its international form in the SVG <title>, the e-mail typed wrong and corrected and the form's JSON
state, the Tehran address in the icon's title, the street in the map's alt, the son's name and the placeholder's
given name, the remark's husband, mobile, diabetes and pregnancy. Masked that is the site's: the faculty picked in the
<select> ('Faculté des Sciences appliquées — Chemical Engineering') was stored as '******* *** ******** appliquées —
******** ***********' in its value and its input event, and, from then on, the site's own words of it wherever they
stand: the label 'Faculté d'accueil' as '******* d'accueil' (in the last snapshot too), the first option 'Choisissez
une faculté' as 'Choisissez une *******', the other options 'Faculté des Sciences' as '******* *** ********' and
'Faculté de Médecine vétérinaire' as '******* de Médecine vétérinaire', and the <select>'s id 'faculte' masked whole.
The faculty: a university's faculty, department or school before a capitalised run ('Faculté des Sciences', 'Faculteit
der Geneeskunde', 'École des Mines') was read as a name with a particle, in the site's option and in the pick, whose
taint then masked the site's word everywhere; they are the site's unit's words now, and 'engineering' after a run a
firm's or a field's, as 'robotics' is: 9a0ba54 (rules/pii.yaml business_words). 8 of 8 pass since.
Probed beside the page (typed in a remark; page text is the site's, read so by design): a date of birth written year
first with slashes ('Je suis née le 1989/10/13 à Liège'), its year also of the Solar Hijri calendar ('1368/07/21',
'۱۳۶۸/۰۷/۲۱'), was stored whenever the sentence went on after it: cce72e5 (rules/recognizers.yaml date_of_birth
ymd_slashed, validators._date). A given name after a call's greeting and the words saying who speaks ('Salut, c'est
Julie, ma fille…', 'Bonjour, ici Niloufar, …', 'Hi, it's Niloufar, …', 'Hallo, met Sanne, ik kom…') was stored:
e50b3f3 (call_greetings, given_name_introduced). A date of birth with a Solar Hijri month and year ('née le 13 Mehr
1368', 'متولد ۲۱ مهر ۱۳۶۸') kept its year or the whole: 7bc1452 (solar_hijri_months, Persian birth words). The
national code in Persian or Latin digits after its word, the ORCID iD after its word and in its URL, the passport
number, the Iranian mobiles in every form, the Tehran address after its label, Persian-script names after a French
introduction, Iranian names with a title, the Iranian IBAN and the +98 landline were masked on main already.
Left open: after a greeting, 'c'est' before a feast that is a given name too is read as an introduction ('Bonjour,
c'est Noël bientôt !' loses 'Noël'; the visitor's text only); a Solar Hijri date with no birth word is masked in part as
a name ('le 21 Mehr 1403': 'Mehr' is a surname); the access map's alt loses the site's town with her street ('4000
Liège' after the typed street is her address's).
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
from .test_heldout42 import _nodes
from .test_recorder import Planted, Recorded, check_kept, record, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

NAME, NAME_FA = "Niloufar Ghasemzadeh", "نیلوفر قاسم\u200cزاده"
BORN_FA, BORN_FR, BORN_ISO = "۱۳۶۸/۰۷/۲۱", "13 octobre 1989", "1989-10-13"
CODE_FA, CODE = "۴۲۷۱۸۳۹۰۵۱", "4271839051"
PASSPORT = "E47291836"
ORCID = "0000-0002-7415-3988"
MOBILE, MOBILE_INTL = "0912 417 3865", "+98 912 417 3865"
MAIL_TYPO, MAIL = "nilou.gh89@gmial.com", "nilou.gh89@gmail.com"
FORMER = "تهران، خیابان ولیعصر، کوچه نسترن، پلاک ۱۲"
STREET = "Rue Saint-Gilles 214"
CHILD, CHILD_GIVEN = "Arman Rahimi", "Arman"
REMARK = ("Mon mari Kourosh Rahimi arrive le 3 mars avec notre fils. Arman est diabétique et porte une pompe. "
          "Je suis enceinte de quatre mois. Vous pouvez joindre mon mari au +98 935 208 4417.")
FACULTY = "Faculté des Sciences appliquées — Chemical Engineering"

THE_VISITOR = [
    Planted("#nom", NAME, "an Iranian name in Latin letters, put into an <abbr title> and a <dialog>"),
    Planted("#nom-fa", NAME_FA, "the name in Persian script with a zero-width non-joiner, told back in a <summary>"),
    Planted("#naissance", BORN_FA, "a Solar Hijri date of birth typed in Persian digits"),
    Planted(None, BORN_FR, "the date of birth told back in French words in an aria-live line"),
    Planted(None, BORN_ISO, "the date of birth written into a read-only <input type=date>"),
    Planted(None, CODE_FA, "an Iranian national code pasted in Persian digits"),
    Planted(None, CODE, "the national code written back in Latin digits"),
    Planted("#passeport", PASSPORT, "an Iranian passport number, put into a link's download attribute"),
    Planted("#orcid", ORCID, "an ORCID iD, put into a link's href and text"),
    Planted("#gsm-iran", MOBILE, "an Iranian mobile in its domestic form"),
    Planted(None, MOBILE_INTL, "the mobile in its international form in an SVG icon's <title>"),
    Planted(None, MAIL_TYPO, "an e-mail typed wrong, then corrected with backspaces"),
    Planted(None, MAIL, "the e-mail corrected, put into a JSON data attribute of the form"),
    Planted("#adresse-iran", FORMER, "a Tehran address in Persian script, put into an icon's title attribute"),
    Planted("#adresse-liege", STREET, "a Liège street named after a saint, put into the access map's alt"),
]
THE_REST = [
    Planted("#enfant", CHILD, "the son's name"),
    Planted(None, CHILD_GIVEN, "his given name put into the placeholder of the next field, and in the remark"),
    Planted(None, "Kourosh Rahimi", "the husband's name in a contenteditable remark"),
    Planted(None, "+98 935 208 4417", "the husband's Iranian mobile in a contenteditable remark"),
    Planted(None, "diabétique", "the son's diabetes in a contenteditable remark"),
    Planted(None, "enceinte", "her pregnancy in a contenteditable remark"),
]
KEPT = ["Université de Liège — Bureau d'accueil des chercheurs internationaux",
        "Bienvenue à Liège ! Remplissez ce formulaire avant votre arrivée.",
        "به لیژ خوش آمدید! همکاران ما به فارسی هم پاسخ می\u200cدهند.",
        "Our staff will also answer in English.",
        "Permanence : du lundi au jeudi de 9 h à 16 h, bâtiment B33, Sart-Tilman.",
        "Nous vous écrirons aussi en persan si vous le souhaitez.",
        "Cours de français gratuits le mardi soir pour les conjoints.",
        "Le titre de séjour « chercheur » se demande à la commune dans les huit jours.",
        "مرسی! Votre dossier d'arrivée est enregistré."]
TYPED_KEPT = {"faculte": FACULTY}
LABELS = ["Votre séjour", "Faculté d'accueil", "Vous", "Prénom et nom (comme sur le passeport)",
          "Votre nom en persan (facultatif)", "Date de naissance (calendrier iranien accepté : aaaa/mm/jj)",
          "Code national iranien (کد ملی)", "Numéro de passeport", "Télécharger l'attestation d'arrivée",
          "Identifiant ORCID", "Vous joindre", "GSM iranien", "Adresse e-mail personnelle",
          "Dernière adresse en Iran", "Votre adresse à Liège (rue et numéro)", "Votre famille",
          "Enfant à scolariser (prénom et nom)", "École souhaitée", "Un message pour nous ?",
          "Vérifier mes réponses", "Envoyer le formulaire"]


@pytest.fixture(scope="module")
def chercheurs(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        page.select_option("#faculte", FACULTY)
        type_with_cuts(recording, "#nom", ["Niloufar Ghasem", "zadeh"], delay=15)
        type_with_cuts(recording, "#nom-fa", ["نیلوفر قاسم", "\u200cزاده"], delay=15)
        type_with_cuts(recording, "#naissance", ["۱۳۶۸/۰", "۷/۲۱"], delay=15)
        page.locator("#naissance").blur()
        paste(page, "#code-melli", CODE_FA)
        cut(page)
        page.locator("#code-melli").blur()
        type_with_cuts(recording, "#passeport", ["E4729", "1836"], delay=15)
        type_with_cuts(recording, "#orcid", ["0000-0002-74", "15-3988"], delay=15)
        page.locator("#orcid").blur()
        type_with_cuts(recording, "#gsm-iran", ["0912 41", "7 3865"], delay=15)
        page.locator("#gsm-iran").blur()
        type_with_cuts(recording, "#email", ["nilou.gh", "89@gmial.com"], delay=15)
        cut(page)
        for _ in "mial.com":
            page.locator("#email").press("Backspace")
        page.locator("#email").press_sequentially("mail.com", delay=15)
        page.locator("#email").blur()
        type_with_cuts(recording, "#adresse-iran", ["تهران، خیابان ولی", "عصر، کوچه نسترن، پلاک ۱۲"], delay=15)
        type_with_cuts(recording, "#adresse-liege", ["Rue Saint-Gil", "les 214"], delay=15)
        page.locator("#adresse-liege").blur()
        type_with_cuts(recording, "#enfant", ["Arman Rah", "imi"], delay=15)
        type_with_cuts(recording, "#remarque", split_inside(REMARK, "Kourosh Ra", "diabét", "encein", "+98 935 2"),
                       delay=8)
        cut(page)
        page.click("#verifier")
        page.wait_for_selector("#resume[open]")
        cut(page)
        page.click("#fermer")
        send_between_snapshots(recording)

    return record("chercheurs.html", "heldout44-chercheurs", script)


def _attributes(events: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """Every attribute of the full snapshots, the mutations' additions and the attribute mutations."""
    found = [(key, value) for node in _nodes(events) for key, value in node.get("attributes", {}).items()]
    return found + [(key, value) for event in events if event.get("type") == 3 and event["data"].get("source") == 0
                    for change in event["data"].get("attributes", []) for key, value in change["attributes"].items()]


def test_chercheurs_page_did_what_the_round_stands_on(chercheurs: Recorded):
    """The badge's title and the dialog held the name, the summary the Persian name, the aria-live line and the date
    input the date of birth, the field the national code in Latin digits, the link's download the passport number,
    the ORCID link its iD, the SVG <title> the mobile, the form's JSON the e-mail, the icon's title the Tehran address,
    the map's alt the street, the placeholder the son's given name, the box the remark."""
    sent = list(strings(chercheurs.sent))
    for echo, what in [("خوش آمدید، " + NAME_FA, "summary"),
                       (f"{NAME}, passeport {PASSPORT}, ORCID {ORCID}.", "dialog"),
                       (f"Soit le {BORN_FR} (calendrier grégorien).", "aria-live"),
                       ("WhatsApp " + MOBILE_INTL, "title"), ("Voir le profil " + ORCID, "ORCID link"),
                       ("Kourosh Rahimi arrive le 3 mars", "remark")]:
        assert any(echo in text for text in sent), f"no {what}"
    assert CODE in field_values(chercheurs.sent, "code-melli"), "the national code was not written back"
    assert BORN_ISO in field_values(chercheurs.sent, "naissance-greg"), "the date input was not filled"
    attributes = _attributes(chercheurs.sent)
    for pair, what in [(("title", "Badge : " + NAME), "badge"), (("download", f"attestation-arrivee-{PASSPORT}.pdf"),
                       "download"), (("href", "https://orcid.org/" + ORCID), "href"),
                       (("data-state", '{"email":"%s"}' % MAIL), "JSON state"), (("title", "Iran : " + FORMER), "icon"),
                       (("alt", f"Plan d'accès : {STREET}, 4000 Liège"), "alt"),
                       (("placeholder", "École souhaitée pour " + CHILD_GIVEN), "placeholder")]:
        assert pair in attributes, f"no {what}"
    assert not any(MAIL_TYPO in text for text in strings(_attributes(chercheurs.sent))), "the typo reached the state"


def test_chercheurs_visitor_leaks_nothing(chercheurs: Recorded):
    check_windows(chercheurs, THE_VISITOR)


def test_chercheurs_family_and_remark_leak_nothing(chercheurs: Recorded):
    check_windows(chercheurs, THE_REST)


def test_chercheurs_keeps_the_site_text(chercheurs: Recorded):
    check_kept(chercheurs, KEPT)


def test_chercheurs_keeps_the_faculty_picked(chercheurs: Recorded):
    assert all(value in field_values(chercheurs.sent, field) for field, value in TYPED_KEPT.items()), "broken"
    assert [value for field, value in TYPED_KEPT.items() if value not in field_values(chercheurs.stored, field)] == []


def test_chercheurs_last_snapshot_keeps_the_labels(chercheurs: Recorded):
    check_kept(last_snapshot(chercheurs), LABELS)


# -- what the server keeps on disk --------------------------------------------------------------------
ALL_PLANTED = [*THE_VISITOR, *THE_REST]


def test_no_file_under_the_data_dir_holds_a_planted_value(chercheurs, redactor_serve):
    check_data_dir(redactor_serve, b"Cours de fran\xc3\xa7ais gratuits le mardi soir", ALL_PLANTED)


# -- the test itself ----------------------------------------------------------------------------------
#: the date of birth typed and told back, the national code pasted and written back, the mobile typed and told back,
#: the e-mail typed wrong and corrected, the son's name and his given name, the remark's values (the family's name)
VERSIONS = [{BORN_FA, BORN_FR, BORN_ISO}, {CODE_FA, CODE}, {MOBILE, MOBILE_INTL}, {MAIL_TYPO, MAIL},
            {CHILD, CHILD_GIVEN, "Kourosh Rahimi"}]


def page_text() -> str:
    """What the page shows (its scripts are not recorded: rrweb keeps no script's text)."""
    return re.sub(r"<script>.*?</script>", "", (PAGES / "chercheurs.html").read_text(), flags=re.S)


def test_planted_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window(ALL_PLANTED, [*KEPT, *LABELS, page_text()], VERSIONS)
