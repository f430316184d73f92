"""Batch ends everywhere (issue 9 item 7): the typed values of the rrweb rounds (tests/e2e/test_heldout*.py: their free
text in a labelled <textarea>; round 25's, each in its own field of the round's page) and of the PostHog and Sentry
rounds (tests/e2e/test_peers_heldout*.py, 1-15: every value typed key by key into the round's page, notes and messages
in their textareas or editable regions, names, e-mails, phones and addresses in their one-line inputs, each with its
label as the page writes it), redacted batch by batch in process (the real policy, mirror, masker, Presidio and spaCy),
cut at the round's own cut points (the peers rounds have none: their client's timer alone ends a batch) plus one extra
cut at every position in turn.

    python bench/batch_ends.py [--all] [--pairs] [--timer] [--editable] [case-name or prefix* ...]

A recorder's timer ends a batch wherever it fires, so each CI run of a round cuts its typed text somewhere else; a
value masked at one cut may leak at another. Extra cuts go over each planted value's span and the 25 characters
before it (--all: every position of the text); --pairs adds every two cuts inside one planted span, --timer a batch end
every 3 to 15 keystrokes at every phase (a recorder's timer over slow typing); --editable types into a labelled
contenteditable region instead (rrweb's text mutations, as rich-text editors and chat inputs send them; a case typed
into its round's own field keeps it). Each replay ends with the recorder's next full snapshot, the field holding the
whole value. Prints each leaking cut as `position, the text up to it, the leaking stored string` (or `MASKED kept …`: a
text the round keeps, masked at that cut; `UNREAD`: the label's meaning masks the field whole, so the case proves
nothing about its words) and the totals per case. A 6-character window of a planted value found in the text's other
words or in the label is not counted.

Found with it (5 Dec 2026): on the code before 9cda02f, stop 31's CI cut of round 23's delivery note ("venelle d");
peers round 14's notes for the front desk cut at "Via Tortona 31, scala " stored "scala" beside the masked street (a
southern unit word waiting for its value, fixed in rules/recognizers.yaml street_southern as a box number's); since,
nothing: see README's bench table. No one-line input of the peers rounds and round 25 whose label names it (a name, an
e-mail, a phone, a street, an IBAN) stores a window of its value at any cut. Values typed into a field of their own
before the free text echoes them are left out (case_from's echoes; for the peers rounds, the PLANT values an earlier
field was typed with): this replay has no session taint from other fields.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from types import ModuleType
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tqdm import tqdm  # noqa: E402

from factories import add, element, html_page, input_event, mutation, set_text, snapshot, text  # noqa: E402
from in_process import Session  # noqa: E402
from leaks import strings  # noqa: E402
from planted import windows  # noqa: E402

from redactor.pii import DetectorPool  # noqa: E402

BEFORE = 25  # characters before a planted value where an extra cut is tried too
AFTER = 3  # and after it: its settling mark, a space, the next word's first letter ("Pirotte, D")
TIMER_PERIODS = range(3, 16)  # keystrokes between two batch ends of a recorder's timer (--timer)


@dataclass
class Case:
    name: str
    lang: str
    label: str
    value: str
    planted: list[str]
    heads: list[str] = field(default_factory=list)  # the round's own cuts: right after each head, in order
    kept: list[str] = field(default_factory=list)  # what the visitor wrote that is nobody's data: stays readable
    site: list[str] = field(default_factory=list)  # the page's own text (the round's kept texts the value does not hold)
    control: tuple[str, dict] | None = None  # the round's own field (tag, attributes) and its label beside it as the
    label_as: str = "for"  # page writes it: "for" a <label for>, "text" the text before it, "aria" its aria-label

    def cuts(self) -> list[int]:
        points, start = [], 0
        for head in self.heads:
            start = self.value.index(head, start) + len(head)
            points.append(start)
        return points

    def spans(self) -> list[tuple[int, int]]:
        found = []
        for value in self.planted:
            start = self.value.find(value)
            while start >= 0:
                found.append((start, start + len(value)))
                start = self.value.find(value, start + 1)
        return sorted(found)

    def extra_cuts(self, everywhere: bool = False) -> list[int]:
        if everywhere:
            return list(range(1, len(self.value)))
        return sorted({p for start, end in self.spans()
                       for p in range(max(1, start - BEFORE), min(end + AFTER + 1, len(self.value)))})

    def pairs(self) -> list[tuple[int, int]]:
        return sorted({pair for start, end in self.spans() for pair in combinations(range(start + 1, end + 1), 2)})

    def timer_cuts(self) -> list[tuple[int, ...]]:
        """A recorder's timer ending a batch every `period` keystrokes (typed 90 ms apart, a 1 s flush ends one every
        11), at every phase."""
        return [tuple(range(phase, len(self.value), period)) for period in TIMER_PERIODS for phase in range(1, period + 1)]

    def words(self) -> set[str]:
        """The value's words of 4 letters or more outside its planted values."""
        rest = self.value
        for start, end in self.spans():
            rest = rest[:start] + " " * (end - start) + rest[end:]
        return {w for w in rest.split() if len(w) >= 4 and w.isalpha()}

    def innocent(self) -> set[str]:
        """Windows of a planted value that the text's other words or the label hold too."""
        rest = self.value
        for start, end in self.spans():
            rest = rest[:start] + "\0" * (end - start) + rest[end:]
        return windows(rest) | windows(self.label)


def case_from(module: ModuleType, name: str, typed: str, lang: str, label: str, *heads: str,
              echoes: tuple[str, ...] = (), kept: tuple[str, ...] = (), drawn: tuple[str, ...] = ()) -> Case:
    """A case of a round's module: typed is the name of its module constant (or the value itself); the planted values
    are every Planted of the module (in a list or alone) and every value of its PLANT (the PostHog and Sentry rounds)
    that the value holds, but echoes: values the round types into
    a field of their own first, whose mask in the free text is the session taint's, and this replay types no other
    field (round 11's "Mats"); kept: texts the round's KEPT lists no longer hold, checked here all the same; drawn: kept
    texts the round finds where its page draws them, not in the field (round 23's card greets the couple by name, which
    the field masks: "Chers Lise et Bavo")."""
    from e2e.test_recorder import Planted
    value = vars(module).get(typed, typed)
    planted = set()
    for item in vars(module).values():
        for p in item if isinstance(item, list) else [item]:
            if isinstance(p, Planted) and p.value and p.value in value and p.value not in echoes:
                planted.add(p.value)
    for p in getattr(module, "PLANT", {}).values():  # the PostHog and Sentry rounds' planted values
        if isinstance(p, str) and p and p in value and p not in echoes:
            planted.add(p)
    texts = [k for attribute, texts in vars(module).items() if attribute.endswith("KEPT") and isinstance(texts, list)
             for k in texts if isinstance(k, str)]
    return Case(name, lang, label, value, sorted(planted), list(heads),
                [*kept, *(k for k in texts if k in value and k not in drawn)],
                [k for k in texts if k not in value])


def field_case(module: ModuleType, name: str, typed: str, page: str, *heads: str, **options) -> Case:
    """A case typed into the round's own field, `page` naming it ("peers/heldout14.html#invito", under tests/e2e): its
    tag and attributes, the page's language and the field's label as the page writes it (a <label for>, the text before
    the field in its <div>, or its aria-label) come from the page, so that the field's meaning is the round's."""
    from bs4 import BeautifulSoup, NavigableString
    path, _, ident = page.partition("#")
    soup = BeautifulSoup((ROOT / "tests" / "e2e" / path).read_text(encoding="utf-8"), "html.parser")
    control = soup.find(id=ident)
    attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in control.attrs.items() if k != "style"}
    if label := soup.find("label", attrs={"for": ident}):
        label_as, label = "for", label.get_text(" ", strip=True)
    elif isinstance(before := control.previous_sibling, NavigableString) and before.strip():
        label_as, label = "text", before.strip()
    else:
        label_as, label = "aria", attrs.get("aria-label", "")
    case = case_from(module, name, typed, soup.html["lang"], label, *heads, **options)
    case.control, case.label_as = (control.name, attrs), label_as
    return case


def cases() -> list[Case]:
    from e2e import test_heldout25 as h25
    from e2e import (test_heldout as h1, test_heldout2 as h2, test_heldout12 as h12, test_heldout13 as h13,
                     test_heldout3 as h3, test_heldout4 as h4, test_heldout5 as h5, test_heldout6 as h6,
                     test_heldout7 as h7, test_heldout8 as h8, test_heldout9 as h9, test_heldout10 as h10,
                     test_heldout11 as h11, test_heldout14 as h14, test_heldout15 as h15, test_heldout16 as h16,
                     test_heldout17 as h17, test_heldout18 as h18, test_heldout19 as h19, test_heldout20 as h20,
                     test_heldout21 as h21, test_heldout22 as h22, test_heldout23 as h23, test_heldout24 as h24)
    return [
        case_from(h23, "r23-delivery", "DELIVERY", "nl", "Opmerkingen voor de levering · Remarques pour la livraison",
                  "Mme Ghislaine Pir", "Drève des Chas", "1410 Wat", "au 02/354", "famille Vercruy", "venelle du Cap"),
        case_from(h23, "r23-card", "MESSAGE", "nl", "Uw boodschap · Votre message", "cousine Apolline Haese", "au +31 6 48",
                  "pollie.v", drawn=("Chers Lise et Bavo, quelle joie !",)),
        case_from(h24, "r24-health", "HEALTH", "nl", "Medicatie en gezondheid", "dr. Servaas Tim", "(03 828", "Bredaba"),
        case_from(h24, "r24-travel", "TRAVEL", "nl", "Reizen buiten Europa (laatste 6 maanden)", "tante Khadija Ouaz"),
        case_from(h24, "r24-desk", "DESK", "nl", "Opmerking voor het onthaal · Remarque pour l'accueil", "heet Souk",
                  "s'appelle Soukaina Benjel", "nr. 0103172", "+32(0)471/9", "Rue Ransf",
                  kept=("Mijn jongste zus komt ook mee.",)),
        case_from(h22, "r22-remarks", "AFTER_MENTION", "nl", "Opmerkingen", "mevrouw Hildegard Van", "op 052 47",
                  "anais.mk79 (arobase) sky", "Bénédicte Il", "+243 81 5"),
        case_from(h21, "r21-notes", "NOTES", "fr", "Remarques pour le technicien", "M. Ferdinand Clo", "au 04/342.1",
                  "Mme Nadège Coen", "au 0033 7 81", "Rue Grian"),
        case_from(h20, "r20-requests", "REQUESTS", "en", "Special requests", "sister Gráinne De", "+353 1 66", "car is 231-D"),
        case_from(h19, "r19-reason", "REASON", "fr", "Motif de la consultation · Grund des Besuchs", "Dr Schuma", "tél. 81 9",
                  "Mme Colette Reu", "au 621 3"),
        case_from(h18, "r18-complaint", "COMPLAINT", "nl", "Uw klacht · Votre plainte", "dr Pieter-Jan Moe", "tel 053 7",
                  "godelieve o'ne", "2-GTX"),
        case_from(h17, "r17-remark", "REMARK", "fr", "Remarque pour le pharmacien · Bemierkung", "Dr Laurent Met", "03 82 5",
                  "41.08.1", "BSN 5173", "Jörg Wend", "T4726", "0651 99", "Op de Ther"),
        case_from(h16, "r16-motivation", "MOTIVATION", "fr", "Lettre de motivation · Motivatiebrief", "الزهراء", "Elif K",
                  "NIR 2 93", "+352 66"),
        case_from(h16, "r16-career", "CAREER", "fr", "Parcours · Loopbaan", "BSN 2846", "Meent 9", "06 28 4"),
        case_from(h15, "r15-inventory", "INVENTORY", "fr", "Inventaire · Inventaris", "Joost Verh", "BSN 2318", "06-412"),
        case_from(h15, "r15-notes", "NOTES_TEXT", "fr", "Remarque · Opmerking", "Thibault Mar", "NIR 1 84 06", "+352 691",
                  "0049 22"),
        case_from(h14, "r14-husband", "NOTE_HUSBAND", "fr", "Remarques · Bemierkungen", "Olivier Dach", "83.06.1", "1-GH"),
        case_from(h14, "r14-daughter", "NOTE_DAUGHTER", "fr", "Remarques · Bemierkungen", "Noém", "05.08.2", "WVWZZZAU",
                  "XR 30"),
        case_from(h11, "r11-notes", "NOTES", "de", "Hinweise für die Betreuer", "Gertrud Klink", "087/74", "0151 28", "(AC-L",
                  echoes=("Mats",)),
        case_from(h10, "r10-notes", "NOTES", "nl", "Opmerkingen", "geboren 17.06", "Íñigo Goiko", "+34 688 2"),
        case_from(h9, "r9-return", "RETURN_NOTES", "nl", "Opmerkingen bij de retour", "zij is bereikbaar op 512-4",
                  "mevr. Halina Zaw", "Mathenesserl"),
        case_from(h9, "r9-wishes", "WISHES", "nl", "Wensen", "João Concei", "+351 912 6"),
        case_from(h9, "r9-chat", "CHAT_MESSAGE", "nl", "Bericht", "Chiara Bern", "Sint-Pietersn", "0487 21 6"),
        case_from(h8, "r8-notes", "NOTES", "de", "Bemerkungen", "Jean-Pierre Xho", "(Mobil 0478 5"),
        case_from(h8, "r8-emergency", "EMERGENCY", "fr", "En cas d'urgence", "Josiane Hoff", "26 31 5"),
        case_from(h7, "r7-about", "ABOUT", "fr", "Présentez-vous", "Yannick Kerh", "(07 68 2"),
        case_from(h6, "r6-claims", "CLAIMS", "de", "Schadensfälle der letzten 5 Jahre", "Romain Biw", "unter 691 3"),
        case_from(h6, "r6-deleted", "DELETED_MESSAGE", "nl", "Bericht", "Aurélie Vanm", "au 0471 9"),
        case_from(h6, "r6-lower-case", "LOWER_CASE_MESSAGE", "nl", "Bericht", "molenh", "mvg jorun vek"),
        case_from(h5, "r5-notes", "NOTES", "nl", "Opmerkingen", "Voorburg", "+33 6 12 4", "wannes.v@ku", "NL18 RABO 01"),
        case_from(h5, "r5-symptoms", "SYMPTOMS", "fr", "Décrivez vos symptômes", "Lowie", "Baudouin Ter", "NISS est 7908",
                  "au 0478 6"),
        case_from(h4, "r4-message", "MESSAGE", "nl", "Omschrijving", "sietsk", "nl75 knab 02", "a.rinsmeuzel [a", "3 oktob",
                  "bsn 28173"),
        case_from(h3, "r3-note", "NOTE", "nl", "Opmerking bij uw bestelling", "Jildou Re", "2649.1", "Wobbe Sij"),
        case_from(h3, "r3-letter", "LETTER", "fr", "Votre message", "Warre Cal", "0033 6 41 2", "+33 (0)6 52", "83.11.0",
                  "BE 0473 6", "Loeiza Ker"),
        case_from(h13, "r13-ps", "PS", "nl", "PS", "bij lowie ", "047"),
        *(case_from(h12, f"r12-desc-{index}", h12.PARAGRAPHS[index], "nl", "Beschrijving", *h12.DESC_CUTS[index])
          for index in (1, 3, 4)),
        case_from(h7, "r7-remarks-1", h7.REMARKS[0], "nl", "Opmerkingen", "Thijmen"),
        case_from(h7, "r7-remarks-3", h7.REMARKS[2], "nl", "Opmerkingen", "Anousc"),
        case_from(h2, "r2-second", "".join(h2.SECOND_PIECES), "fr", "Votre message", *h2.SECOND_PIECES[:-1]),
        case_from(h2, "r2-third", "THIRD_MESSAGE", "fr", "Votre message"),
        case_from(h1, "r1-message", "".join(h1.MESSAGE_PIECES), "fr", "Votre message", *h1.MESSAGE_PIECES[:-1]),
        case_from(h1, "r1-editor", "EDITOR_TEXT", "fr", "Votre message"),
        case_from(h1, "r1-booking", "BOOKING_NOTES", "de", "Anmerkungen", h1.BOOKING_NOTES[:52], h1.BOOKING_NOTES[52:118],
                  h1.BOOKING_NOTES[118:160]),
        field_case(h25, "r25-fiche", "FICHE", "pages/scoutskamp.html#fiche", "Huisarts dr. Lieve Van Ran", "09 222 6",
                   "Kortrijkse", echoes=("Thảo-Vy", "Bohdan")),
        field_case(h25, "r25-pickup", "PICKUP", "pages/scoutskamp.html#ophalen", "Oma Галина Гри", "Heivel", "+380 44 2",
                   "geboren 03-09", "Broer: Tar", "Trần Ngọ"),
        field_case(h25, "r25-ophaler", "OPHALER", "pages/scoutskamp.html#ophaler", "Hadewi", "jch Tshib"),
        field_case(h25, "r25-mails", "MAILS", "pages/scoutskamp.html#ouder-mail", "edpn", "d.hryts"),
        field_case(h25, "r25-gsm", "GSM", "pages/scoutskamp.html#ouder-gsm", "0479 36 5"),
        field_case(h25, "r25-gsm2", "+380 (67) 482-19-36", "pages/scoutskamp.html#ouder2-gsm", "+380 (67) 48"),
        field_case(h25, "r25-iban", "IBAN", "pages/scoutskamp.html#iban", "be22 0630 46"),
        *peers_cases(),
    ]


#: what the PostHog and Sentry rounds (tests/e2e/test_peers_heldout*.py) type key by key into their pages' fields: the
#: field's id and what it gets (a key of the round's PLANT, a module constant or the value); the client's timer alone
#: ends their batches, so they have no cuts of their own
PEERS_TYPED = {
    "": ["naam name", "mail email", "tel phone_nl", "opm Bezorgen op {address}, mijn BSN is {bsn}"],
    "2": ["f1 name", "f2 email", "f3 phone_nl", "f4 phone_be", "f7 MESSAGE", "f8 NOTE"],
    "3": ["o1 first", "o2 street", "o3 SURVEY", "o4 QUESTION"],
    "4": ["k1 name", "k2 email", "k3 phone_de", "k7 STORY", "k9 QUESTION", "k10 MESSAGE", "k11 DETAILS", "k12 REMARK"],
    "5": ["v1 name", "v2 email", "v3 phone_uk", "v8 address_uk", "v9 REQUESTS", "v10 REMARK_DE", "v11 REMARK_NL"],
    "6": ["f1 name", "f2 email", "f3 phone_be", "f6 address_de", "f7 REMARK"],
    "7": ["naam name", "mail email", "tel phone_be", "van address_nl", "naar address_fr", "opm REMARK"],
    "8": ["naam name", "mail email", "gsm phone_nl", "adres address_nl", "opm REMARK"],
    "9": ["naam name", "mail email", "gsm phone", "adres address"],
    "10": ["nom name", "courriel email", "gsm phone", "adresse {street}\n4000 Liège", "note NOTE"],
    "11": ["nom name", "courriel email", "gsm phone", "parent2 name2", "enfant child", "remarque REMARK"],
    "12": ["naam name", "mail email", "tel phone", "opmerking REMARK", "anders OTHER", "vraag QUESTION"],
    "13": ["nom name", "mail email", "tel phone", "partenaire partner", "tel2 partner_phone", "remarque REMARK"],
    "14": ["nome name", "mail email", "tel phone", "collega colleague", "collega_mail colleague_email",
           "collega_tel colleague_phone", "invito INVITE", "remarque NOTES"],
    "15": ["nome name", "mail email", "tel phone", "tripulante crew", "trip_tel crew_phone", "mensagem MESSAGE",
           "notas NOTES"],
}


def peers_cases() -> list[Case]:
    """The PostHog and Sentry rounds' typed values, each in its field of the round's page (peers/heldout<n>.html)."""
    from importlib import import_module
    found = []
    for round_, typed in PEERS_TYPED.items():
        module = import_module(f"e2e.test_peers_heldout{round_}")
        fields: list[str] = []  # the values typed whole into a field before: their echoes are the taint's
        for line in typed:
            ident, what = line.split(" ", 1)
            value = module.PLANT[what] if what in module.PLANT else vars(module).get(what) or what.format(**module.PLANT)
            echoes = tuple(p for p in module.PLANT.values() if isinstance(p, str) and any(p in f for f in fields))
            found.append(field_case(module, f"p{round_ or 1}-{ident}", value, f"peers/heldout{round_}.html#{ident}",
                                    echoes=echoes))
            fields += [value] if what in module.PLANT else []
    return found


def keystrokes(case: Case, editable: bool) -> tuple[Callable[[str], dict], list[dict]]:
    """The page (the site's own text, a label and the field holding a value) and one event per keystroke: a
    <textarea>'s (or the round's own field's) Input events, or an editable region's text node (rrweb's mutations: the
    node added at the first key, its text set at each next one; the round's own field when it is one). The page shows
    the round's kept texts the value does not hold, as the round's page does ("Lise & Bavo" is the couple the card
    greets)."""
    shown = [element("p", {}, [text(line)], id=100 + n) for n, line in enumerate(case.site)]
    tag, attrs = case.control or (("div", {"contenteditable": "true", "role": "textbox",
                                           "aria-labelledby": "note-label"}) if editable else
                                  ("textarea", {"id": "note", "name": "note"}))
    editable = "contenteditable" in attrs
    if editable:
        def control(value: str) -> dict:
            return element(tag, attrs, [text(value, id=4)] if value else [], id=3)
        events = [mutation(adds=[add(3, text(case.value[:1], id=4))]),
                  *(mutation(texts=[set_text(4, case.value[:end])]) for end in range(2, len(case.value) + 1))]
    else:
        def control(value: str) -> dict:
            return element(tag, {**attrs, **({"value": value} if value else {})}, id=3)
        events = [input_event(3, case.value[:end]) for end in range(1, len(case.value) + 1)]
    label_as = case.label_as if case.control else "text" if editable else "for"

    def labelled(value: str) -> list[dict]:
        if label_as == "for":
            return [element("label", {"for": attrs["id"]}, [text(case.label, id=2)], id=1), control(value)]
        if label_as == "text" and case.control:  # the text before the field in its <div>, as the round's page writes it
            return [element("div", {}, [text(case.label, id=2), control(value)], id=1)]
        if label_as == "text":
            return [element("p", {"id": "note-label"}, [text(case.label, id=2)], id=1), control(value)]
        return [control(value)]  # its own aria-label

    return (lambda value: snapshot(html_page(*shown, *labelled(value), lang=case.lang))), events


def replay(pool: DetectorPool, case: Case, points: list[int], editable: bool = False) -> list[str]:
    """The stored strings once the value is typed key by key, a batch ending at each point, and the recorder's next
    full snapshot taken (the field holds the whole value: its last word is settled there)."""
    page, events = keystrokes(case, editable)
    session = Session(pool)
    session.send(page(""))
    done = 0
    for point in sorted({*points, len(case.value)}):
        if point > done:
            session.send(*events[done:point])
            done = point
    session.send(page(case.value))
    return list(strings(session.stored))


def leaks(case: Case, stored: list[str], innocent: set[str]) -> list[str]:
    """The stored strings holding a window of a planted value, then a line for each kept text no stored string holds."""
    pieces = {w for value in case.planted for w in windows(value)} - innocent
    return [s for s in stored if any(w in s for w in pieces)] + [
        f"MASKED kept {k!r}" for k in case.kept if not any(k in s for s in stored)]


def sweep(pool: DetectorPool, case: Case, everywhere: bool = False, pairs: bool = False,
          timer: bool = False, editable: bool = False) -> list[tuple]:
    innocent = case.innocent()
    base = case.cuts()
    found = []
    stored = replay(pool, case, base, editable)
    if case.words() and not any(word in s for s in stored for word in case.words()):  # the label's meaning masks the field whole
        found.append(((), [f"UNREAD the field is masked whole (label {case.label!r}): no cut can leak"]))
    if bad := leaks(case, stored, innocent):
        found.append(((), bad))
    trials = [(p,) for p in case.extra_cuts(everywhere)] + (case.pairs() if pairs else []) + (
        case.timer_cuts() if timer else [])
    for extra in tqdm(trials, desc=case.name, file=sys.stderr, leave=False):
        if bad := leaks(case, replay(pool, case, [*base, *extra], editable), innocent):
            found.append((extra, bad))
    return found


def shown(case: Case, extra: tuple, stored: list[str]) -> str:
    upto = case.value[:extra[-1]] if 0 < len(extra) < 3 else case.value
    where = "own cuts" if not extra else ",".join(map(str, extra)) if len(extra) < 3 else \
        f"every {extra[1] - extra[0]} keys from {extra[0]}"
    return f"{where}, {upto[-40:]!r}, {stored[0][-80:]!r}"


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    pool = DetectorPool(workers=0, ner=True)
    total = 0
    for case in cases():
        if names and not any(case.name == name or name.endswith("*") and case.name.startswith(name[:-1])
                             for name in names):
            continue
        found = sweep(pool, case, "--all" in sys.argv, "--pairs" in sys.argv, "--timer" in sys.argv,
                      "--editable" in sys.argv)
        total += len(found)
        print(f"== {case.name}: {len(found)} leaking cuts (planted {case.planted})", flush=True)
        for extra, stored in found:
            print("  " + shown(case, extra, stored), flush=True)
    print(f"leaking cuts in all: {total}")
    pool.close()


if __name__ == "__main__":
    main()
