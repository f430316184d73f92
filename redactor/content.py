"""Values that only their content can decide about, and where they are in an event.

A *slot* holds one or more texts for the detector and knows how to write the masked result
back: a free text (TextSlot), the values one field took keystroke by keystroke during one batch
(SeriesSlot), a URL (UrlSlot). The batch's redaction collects slots while it walks the events,
asks the detector once for all their texts, then lets each slot resolve.

Keystrokes. rrweb sends one Input event per keystroke, each holding the whole value so far.
The values of one field in one batch form a *series*: the last one is analyzed, and each earlier
value that is a prefix of its successor is masked wherever its successor is masked, so a
half-typed e-mail is masked where the full address will stand. A value that is not a prefix of
its successor (an edit) is analyzed on its own. The last value of a series is where a batch
may cut a value in two, and the next batch cannot take back what this one stored: its last word,
while still being typed, is masked whatever it looks like ("pieterjans" before its "@"), and a
settled end too when it still grows into PII (digit groups, a given name before its surname). The
field's next values and the next snapshot show the word once settled (trailing_fragment).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import codecs
import functools
import itertools
import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, unquote, unquote_plus

import regex

from redactor.bounded_cache import short_lru_cache
from redactor.masking import Masker
from redactor.pii.fold import spaces_folded
from redactor.pii.names import (PARTICLES, a_place_and_a_given_name, a_relative_no_common_name, addressed_surname,
                                 addressee_said_a_person, capitalised_name_word, common_given_name_first, country_names,
                                 gift_recipient, given_name_alone, greets_no_one_in_lower_case,
                                 in_a_dish_named_after_someone, is_a_place, is_business_name, is_function_word,
                                 is_function_word_abroad, is_given_name, is_name_slug, listed_brands,
                                 lower_case_full_name, name_end, names_a_desk, names_a_place, opens_a_saints_place,
                                 partner_after, plural_no_household, premises_with_hours, says_when,
                                 surname_comma_given, surname_then_given, without_site_addresses, without_street_names)
from redactor.pii.validators import make_validator
from redactor.pii.spans import Span, drop_contained
from redactor.ruledata import load_rules, rule_words, with_words, word_groups
from redactor.urls import SCHEME_AND_HOST, looks_like_url, url_runs


#: query parameters whose values are secrets by name alone (rules/secret_keys.yaml)
def _secret_parameters() -> tuple[re.Pattern[str], frozenset[str]]:
    """rules/secret_keys.yaml's secret_parameters as one pattern on a parameter's name (a part of it between "_",
    "-" or "."; a "-" or "_" inside an entry matches either or nothing), and the names that are none."""
    rules = load_rules("secret_keys.yaml")
    entries = sorted(rules["secret_parameters"], key=len, reverse=True)
    words = "|".join(re.sub(r"\\?[-_]", "[_-]?", re.escape(entry)) for entry in entries)
    return (re.compile(rf"(?i)(^|[_\-.])({words})($|[_\-.])"),
            frozenset(_plain_parameter(name) for name in rules.get("not_secret_parameters", ())))


def _plain_parameter(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "-_.")


def secret_parameter(name: str) -> bool:
    """Whether a query parameter's value is a secret by the parameter's name alone ("?token=", "?sleutel=")."""
    return bool(_SECRET_PARAMETERS.search(name)) and _plain_parameter(name) not in _NOT_SECRET_PARAMETERS


_SECRET_PARAMETERS, _NOT_SECRET_PARAMETERS = _secret_parameters()
#: characters of a value's last word read to tell what it may grow into: an e-mail address has at
#: most 254; a longer word costs the same
_TOKEN_LOOK = 256
#: the blanks a mask shows until they are filled (inputmask, imask: "+32 4 26_ __ __", "30/07/19__"), and the
#: template's separators between them
_TEMPLATE_CHARACTERS = "_./()+:-" + string.whitespace
_DIGITISH = re.compile(r"\d")
_GROUP = re.compile(r"^[+(]?[\dA-Z][\dA-Z().\-/]*$")
_CAPITALISED = regex.compile(r"^\p{Lu}[\w'’\-]*$")  # any script's capital: "Ştefan", "Łucja"
#: an address, or a local part or domain being typed ("lotte.dg", "amelie." but not "nr." or "79.")
_EMAILISH = re.compile(r"@|\w[._+%]\w|[^\W\d_]{3,}[._]$")
#: where an identifier starts among digit groups: an IBAN's country and check digits ("IBAN NL91 ABNA": the
#: label is a group too), two capitals then digits (a UK insurance number, "QR 48 37 …")
_ID_START = re.compile(r"(?<!\w)(?:[A-Z]{2}\d{2}|[a-z]{2}\d{2}|[A-Z]{2} \d{2})")
#: what people put between the groups of a number ("06 - 28 41", "089 / 42 17 63", "+31 (0)20 – 5")
_GROUP_SEPARATORS = frozenset("-–—/.·|")
#: a German registration plate's district and letters, its number still to come after a space ("(AC-LH ")
_PLATE_LETTERS = re.compile(r"\(?[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\Z")
_IBAN_START_LOWER = re.compile(r"[a-z]{2}\d{2}$")
_IBAN_GROUP = 4  # characters of an IBAN's groups as people write them ("NL91 ABNA 0417 …")
#: "Mieke", "Marie-Claire", "Jean-" (not "WINTER25")
_PROPER_NOUN = regex.compile(r"^\p{Lu}[\p{Ll}'’\-]+(?:-\p{Lu}[\p{Ll}'’\-]*)*$")
#: a street's name, whose house number comes next ("Palmgracht ", "bloemgracht ", "Goethestraße "):
#: a capitalised name with a street's ending of rules/recognizers.yaml (squares and markets aside:
#: "Vondelpark " is settled), a lower-case one only with the endings that are only streets
_STREET_NAME = re.compile(with_words(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{1,25}(?:{{street_endings}}|{{street_endings_capitalised}})[,.]?"
    r"|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{1,25}str\.|[a-zß-öø-ÿ'’-]{2,25}(?:{{street_endings}})[,.]?)$"))  # "Phoenixstr."
#: a word of letters and a full stop: in a full snapshot, where a sentence ends more often than a handle starts
_SENTENCE_END = re.compile(r"(?=[^\W\d_]{3})[^\W\d_]+(?:[-'’][^\W\d_]+)*\.")  # ("non-fumeurs.", "l'été.")
#: an e-mail address spelled out against harvesters ("ysaure.q [at] verriere-post [punt] be") and still
#: being written: a local part, a bracketed "at" and what follows it of the domain ("[", "[a", "[at] ver",
#: "[at] verriere-post [pu"). Its words are plain words, so only the brackets tell it.
_SPELLED_OPEN, _SPELLED_CLOSE = r"\s*[\[({<]\s*", r"\s*[\])}>]"
_SPELLED_DOT = with_words(  # "[punt] be", " punkt de"
    rf"(?:{_SPELLED_OPEN}(?i:{{{{dot_words}}}}|\.){_SPELLED_CLOSE}|\s+(?i:{{{{dot_words}}}})(?=\s))\s*[\w.-]+")
_SPELLED_DOT_BEGUN = rf"(?:{_SPELLED_OPEN}|\s+)(?:[A-Za-z.]{{1,5}}(?:{_SPELLED_CLOSE})?)?"  # "[", "[pu", "[punt]", " pu"
_SPELLED_ADDRESS_END = re.compile(with_words(
    rf"(?:^|\s)[\w.+-]+{_SPELLED_OPEN}(?:(?i:{{{{at_words}}}}|{{{{bracketed_at_words}}}}|@)(?:{_SPELLED_CLOSE}"
    rf"(?:\s*[\w.-]+(?:{_SPELLED_DOT})*(?:{_SPELLED_DOT_BEGUN})?)?)?"
    rf"|[A-Za-z]{{1,11}})?\s*$"))  # (or an at-word being typed: "[arob")
_SPELLED_ADDRESS_MAX = 120  # characters of a value's end looked at for it


def behind_tried_last(behind: str, rest: str) -> str:
    """The regex `behind` + `rest` (behind a look-behind), matching the same, with the look-behind tried only where
    rest matches: the engine tries a look-behind first at every position, and one over a word list and up to 60
    characters before it ("mail … lucas a") cost ~0.5 ms a text where rest (a value's end) almost never matches.
    A look-around matches where the same pattern does, the same way, so rest matches after it as it did inside."""
    return f"(?:(?={rest}){behind}{rest})"


def _starts(word: str) -> set[str]:
    return {word[:n].lower() for n in range(1, len(word) + 1)}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))


def _written_at_end(local: str, words: Iterable[str], starts: Iterable[str]) -> str:
    """A local part, then one of the words for "@" and the domain so far, or one of their starts ending the value."""
    return (rf"(?<![\w.+-]){local}\s+(?i:{_alternatives(starts)})"
            rf"(?:(?<=(?i:{_alternatives(words)})){_DOMAIN_SO_FAR}|\s*$)")


#: an e-mail address whose "@" is a word, written unbracketed ("jan.peeters at telenet.be", "lucas arobase orange.fr")
#: and still being written: a local part, the word or its start ("jan.peeters a", "lucas arob") and what follows it of
#: the domain ("jan.peeters at tele", "… at telenet.b", "… at telenet dot b"). rules/recognizers.yaml reads the whole
#: one where its local part holds a mailbox's character, where its word is said of e-mail only ("arobase"), or, a
#: plain word and "at", beside a word saying an address is given ("een mail naar jan at …"): so is its start here.
_DOMAIN_SO_FAR = (with_words(r"(?:\s+[\w-]{1,63}(?:\.[\w-]{0,63}){0,8}"
                              r"(?:\s+(?i:{{dot_words}})(?:\s+[\w-]{1,63})?"  # "… dot be", "… (punkt)de"
                              r"|\s*[\[({<]\s*(?i:{{dot_words}})\s*[\])}>](?:\s*[\w-]{1,63})?){0,8}")
                  + rf"(?:(?:\s+|\s*[\[({{<]\s*)(?i:{_alternatives(start for word in rule_words()['dot_words'] for start in _starts(word))}))?)?\s*$")
_AT_WORDS = rule_words()["at_words"]
_AT_WORD_STARTS = {start for word in _AT_WORDS for start in _starts(word)}
_EMAIL_ONLY_AT_WORDS = [word for word in _AT_WORDS if word != "at"]
#: a word saying an address is given, up to 60 characters before ("een mail naar jan a": as context is read),
#: and a local part with the "at" begun after it
_EMAIL_WORD_BEFORE = with_words(r"(?<=(?<!\w)(?i:{{email_words}})(?!\w)[^\n]{0,60})")
_AT_END_AFTER_EMAIL_WORD = _written_at_end(r"\p{L}[\w.+-]{0,63}", _AT_WORDS, _AT_WORD_STARTS)
_SPELLED_AT_END = regex.compile("|".join([
    _written_at_end(r"\p{L}(?=[\w+-]*[._+\d])[\w.+-]{0,63}[\w+-]", _AT_WORDS, _AT_WORD_STARTS),  # "jan.peeters a"
    _written_at_end(with_words(r"\p{L}[\w.+-]{0,63}(?:\s+(?i:{{dot_words}}|{{underscore_words}})\s+[\w.+-]{1,63}){1,4}"),
                    _AT_WORDS, _AT_WORD_STARTS),  # "griet punt verhaeghe at ": a dot or an "_" written as a word
    _written_at_end(r"\p{L}[\w.+-]{0,63}", _EMAIL_ONLY_AT_WORDS,  # "lucas ar", not "lucas a"
                    {start for word in _EMAIL_ONLY_AT_WORDS for start in _starts(word) if len(start) >= 2} - _starts("at")),
    behind_tried_last(_EMAIL_WORD_BEFORE, _AT_END_AFTER_EMAIL_WORD),  # "een mail naar jan a", "écrivez à lucas a"
]))
#: a word saying an address is given ("mail", "schreib", "écrivez"), for the local part that may follow it
_EMAIL_WORD = regex.compile(with_words(r"(?<!\w)(?i:{{email_words}})(?!\w)"))
#: a local part's shape, an address's "@" a word after it (as _SPELLED_AT_END's plain one)
_LOCAL_PART = regex.compile(r"\p{L}[\w.+-]{0,63}")


def _local_part_at_end(value: str) -> int | None:
    """Where the word settled by a space at a value's end starts, when only function words stand between it and a
    word saying an address is given ("mail naar jorik ", "schreib mir: bram ", "écrivez à margaux "): the local part
    of an address whose "@" is a word, before its "at" is typed (_SPELLED_AT_END reads it from the "at"'s first letter
    on). Any other word after the address's word ends the look ("mail terug aub ")."""
    if not value.endswith((" ", "\t")):
        return None
    look = max(0, len(value) - _SPELLED_ADDRESS_MAX)
    said = None
    for said in _EMAIL_WORD.finditer(value, look):
        pass
    if said is None or "\n" in value[said.end():] or not value[said.end():].strip():
        return None
    *between, local = value[said.end():].split()
    if not _LOCAL_PART.fullmatch(local) or is_function_word(local) or not all(
            is_function_word(word.strip(".,:;!?()")) for word in between if word.strip(".,:;!?()")):
        return None
    return len(value.rstrip()) - len(local)


#: a phone number or a date still being written out in words where a value ends ("bel me op nul vier ze", "born on the
#: third of Ma", "née le douze avril mil neuf"), after a word that says a phone or a birth date is given: from its first
#: number word (or a date's day in digits), the word being typed whatever it is. rules/recognizers.yaml reads the whole
#: once its words say a valid one (phone_in_words, day_month_year_in_words); "… nul vier zeven graag " is settled
_NUMBER_WORD = (r"(?i:(?>{{number_words}})(?:(?>(?:{{number_joiners}})?(?:{{number_words}})))*+"
                r"(?:{{ordinal_endings}})?)")
_PHONE_OR_BIRTH_WORD_BEFORE = with_words(
    r"(?<=(?<!\w)(?i:{{phone_words}}|{{birth_words}})(?!\w)[^\n]{0,60})")  # as context is read (60 before)
_NUMBER_WORDS_AT_END = with_words(
    rf"(?<![\w-])(?:{_NUMBER_WORD}|\d{{1,2}}(?=[\s,.-]{{1,3}}(?:{_NUMBER_WORD}|(?i:{{{{months}}}}))))"  # "3 maart"
    rf"(?:[\s,.-]{{1,3}}(?:{_NUMBER_WORD}|(?i:{{{{months}}}}|of|de|et|and|the))(?![\w-]))*"
    r"(?:[\s,.-]{1,3}[\p{L}-]{0,30}|[^\S\n]*)$")  # and the word being typed ("ze", "trente-")
_WORDS_NUMBER_END = regex.compile(behind_tried_last(_PHONE_OR_BIRTH_WORD_BEFORE, _NUMBER_WORDS_AT_END))

#: an e-mail address with a space around its "@" (mobile autocorrect: "jan.peeters @ ", "jan.peeters @ t") before
#: its domain is long enough for rules/recognizers.yaml's pattern of such an address: from its local part, which
#: holds a mailbox's character or is in lower case as that pattern's are ("Sale @ ", "prijs @ 3" stay)
_SPACED_AT_END = regex.compile(
    r"(?<![\w.+-])(?=[\w+-]*[._+\-\d]|\p{Ll})[\w.+-]{1,64}(?:\s+@{1,2}\s*|@{1,2}\s+)[^\W\d]?\s*$")
#: a date of birth begun at the end of a value, its year still to come: a day and its month written out ("14
#: avril", "3. März", "1er mai", "(3 oktober", "3 de abril de"), a day as an ordinal or before "of"/"de" ("the 3rd",
#: "3rd of", "3 de"), a month and its day ("April 3rd,"); or its month still to come after the year, its word and the
#: day, as Latvian writes it ("1989. gada ", "1989. gada 12. ": held-out peers round 29), or its day after the year,
#: its word and the month, as Lithuanian writes it ("1992 m. ", "1992 m. kovo ": peers round 30) — rules/recognizers.yaml,
#: date_of_birth_written, reads it whole once the year (or the month) is there, and the next batch cannot take back
#: what this one stored
_DAY = r"(?:1er|0?[1-9]|[12]\d|3[01])"
_MONTH_AFTER = r"\s+(?i:{{months}})\.?(?:\s+(?i:de|del))?"
_DATE_BEGUN = re.compile(with_words(
    rf"(?<![^\s(\[«\"'‘“])(?:{_DAY}(?:st|nd|rd|th)\.?(?:\s+(?i:of|de))?(?:{_MONTH_AFTER})?"
    rf"|{_DAY}\.?\s+(?i:of|de)(?:{_MONTH_AFTER})?|{_DAY}\.?{_MONTH_AFTER}"
    rf"|(?i:{{{{months}}}})\.?\s+(?:(?i:the)\s+)?{_DAY}(?:st|nd|rd|th)?"
    rf"|(?:19|20)\d{{2}}\.?\s+(?i:gada|g\.)(?:\s+{_DAY}\.?)?"
    rf"|(?:19|20)\d{{2}}\s+(?i:m\.|metų|metu)(?:\s+(?i:{{{{months}}}}))?),?$"))
#: what a word being typed after a date begun may be the start of: its year, its month (Latvian's and Lithuanian's
#: after its year's word too), a link word
_DATE_WORD_STARTS = frozenset(word[:end].lower() for word in (*rule_words()["months"], "of", "de", "del", "the")
                              for end in range(1, len(word) + 1))
#: one word in capitals alone (a field's whole value so far, where a name is read by its shape: "YSAURE ")
_CAPITALS_ONLY = regex.compile(r"^\p{Lu}[\p{Lu}'’\-]*\p{Lu}$")
#: what ends a word for good: nothing typed after it continues an address, a number or a name
#: ("." "-" "'" do not: "jan.", "85.07.", "Vermeulen-", "O'")
_SETTLING = frozenset(",;:!?)]}»\"")
#: input types whose value is picked whole (a box ticked, a date chosen), never typed key by key
_PICKED_TYPES = frozenset({"checkbox", "radio", "range", "color", "date", "datetime-local", "month", "week", "time",
                           "file", "submit", "button", "reset", "image", "hidden"})
#: longer texts are masked whole, not read: neither by the detector (NLP on a megabyte of text costs seconds,
#: nobody types that much) nor by the rules here (a street's, a name's shape, a value's growing end)
MAX_SCANNED = 20_000
#: the recognizer of the span that masks a text whole unread: too long, or past the batch's budget
UNREAD = "limit"
#: the recognizer of a span masked where it stands but not remembered for the session (Redacting.taint_spans): a
#: word that names a person as often as a place, which the site's own text names ("Sofia heeft koorts" typed,
#: "Citytrip Sofia" the site's)
UNREMEMBERED = "shape.unremembered"
#: the recognizer of a state of health or a belief said of oneself or one's own (said_special_categories): masked where
#: it stands; remembered as what it says after its first words (said_statement) where the visitor typed it, never
#: as its words alone
SAID = "shape.said"


def unread(found: list[Span]) -> bool:
    """Whether the detector's answer for a text is that it was not read (a span of UNREAD's, which masks it
    whole): the rules here do not read it either, so a batch's budget bounds their work as it does the
    detector's."""
    return bool(found) and found[0].recognizer == UNREAD


class Redacting(Protocol):
    """What a slot needs of the batch's redaction."""

    masker: Masker
    remarks: list[Remark]

    def taint_spans(self, text: str, spans: list[Span], typed: bool = False) -> None: ...

    def parameter_meaning(self, name: str, value: str | None = None) -> str:
        """What a URL parameter's value holds, by the parameter's name as a field's name would say
        ("fullname" PERSON, "dob" DATE_OF_BIRTH) or as a payload's key would ("user" PERSON_ID), or "". value: the
        parameter's, when known (Policy.parameter_meaning)."""
        ...

    def label_meaning(self, label: str) -> str:
        """What the value after a label holds, by the label's words as a field's label would say
        ("Naam" PERSON, "Date de naissance" DATE_OF_BIRTH), or ""."""
        ...

    def search_parameter(self, name: str) -> bool:
        """Whether a URL parameter is a search query ("q", "zoekterm"), by its name."""
        ...

    def typed_parameter(self, name: str) -> bool:
        """Whether a form field's value is text the visitor wrote ("opmerking", "message"), by its name."""
        ...

    def thing_parameter(self, name: str) -> bool:
        """Whether a URL parameter's name says its value is a thing's, not a person's ("plan", "product"), by its name."""
        ...

    def read(self, rule: Callable[..., list], text: str, *args: Any) -> list:
        """rule(text, *args), a new list: what a rule here finds in a text, read once a batch (a text repeated
        costs nothing more, as the detector's budget counts it once)."""
        ...


@dataclass(frozen=True, slots=True)
class Remark:
    """One redaction: which rule, what entity, on which node, what was done. Never the value."""

    rule: str
    entity: str
    action: str  # block | drop | mask | span
    node: int | None = None


class Cell:
    """A place in an event that holds a string: container[key]."""

    __slots__ = ("container", "key")

    def __init__(self, container: Any, key: Any):
        self.container, self.key = container, key

    def get(self) -> str:
        return self.container[self.key]

    def set(self, value: str) -> None:
        self.container[self.key] = value


class KeyCell(Cell):
    """A key of a payload object. Renaming a key while the walk still holds (object, key) cells
    would break them, so the new name is kept here and applied once the batch is done
    (rename_keys)."""

    __slots__ = ("renamed",)

    def __init__(self, container: dict, key: str):
        super().__init__(container, key)
        self.renamed: str | None = None

    def get(self) -> str:
        return self.renamed if self.renamed is not None else self.key

    def set(self, value: str) -> None:
        self.renamed = value


def rename_keys(cells: list[KeyCell]) -> None:
    """Applies the masked key names, one rebuild per object, in its order; two keys masked
    alike ("****@****") stay two keys: the second and later take a counter ("****@****#2"), the
    first free one for that name in that object (a "*" more per key made n keys masked alike
    n²/2 characters long). Each name tried and taken is a key of the object: linear."""
    by_object: dict[int, tuple[dict, dict[str, str]]] = {}
    for cell in cells:
        if cell.renamed is not None and cell.renamed != cell.key:
            by_object.setdefault(id(cell.container), (cell.container, {}))[1][cell.key] = cell.renamed
    for container, renames in by_object.values():
        rebuilt: dict[str, Any] = {}
        counters: dict[str, int] = {}  # a masked name -> the next counter to try for it

        def taken(name: str) -> bool:  # by a key already placed, or by a key that keeps its name
            return name in rebuilt or (name in container and name not in renames)

        for key, value in container.items():
            new = renames.get(key, key)
            if new in rebuilt or (new != key and taken(new)):
                base, counter = new, counters.get(new, 2)
                while taken(new := f"{base}#{counter}"):
                    counter += 1
                counters[base] = counter + 1
            rebuilt[new] = value
        container.clear()
        container.update(rebuilt)


class NumberCell(Cell):
    """A long number in a payload (a phone or card number sent as JSON number): scanned as its
    digits; written back as the masked string only when something was masked."""

    __slots__ = ()

    def get(self) -> str:
        value = self.container[self.key]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 32478998877.0 (a Python client's float) is scanned as the digits it is
        return value if isinstance(value, str) else str(value)


# ---------------------------------------------------------------------------------------------
# Slots: values only their content can decide about
class Slot:
    texts: list[str]
    token_runs = True  # whether long high-entropy runs count as credentials (not in data: URLs)

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        raise NotImplementedError


#: a field's value that is a full name by its shape alone: two to four capitalised words, particles
#: between ("Jozefien Haesaerts", "Florentijn Van Acker"), the surname perhaps in capitals as forms and
#: letters in French and Belgian use write it ("Corentin LHOESTAERT", "QUENOUILLÈRE Ysaure"). A visitor's
#: field holding that is a person whether the model and the name list know the name or not (fail
#: closed); one word ("België"), words in capitals alone ("WINTER25", "BONJOUR MADAME") and anything
#: with a digit or a lower-case word stay readable.
#: (a name's letters are any script's capitals and small letters: "Çağrı Öztürk", "Łukasz WRÓBEL"; a surname
#: may open with an elided particle before its capital: "Éloïse d'Hondt-Vermeiren")
_PROPER_WORD = r"(?:d['’])?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
_CAPITALS_WORD = r"\p{Lu}{2}[\p{Lu}'’]+(?:-\p{Lu}{2,})?"
#: a given name read alone by what stands around it (a sentence's subject, a clause's, a person fetched): a capitalised
#: word, or two joined by a hyphen, the second in small letters as Korea romanises its given names ("Seo-yeon belt
#: morgen terug", "dat Ji-ho ziek is": held-out round 43, probed beside the page); the name lists decide whether it is one
_GIVEN_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?"
_NAME_WORD = rf"(?:{_PROPER_WORD}|{_CAPITALS_WORD})"
#: the particles between a full name's words; Dutch elides "het" ("Sjoerd van 't Hooft", "Kees in 't Veld")
_NAME_PARTICLE = r"(?:van|von|der|den|de|du|des|la|le|el|al|da|di|ten|ter|(?:in|op)[^\S\n]+['’]t|['’]t)"
_FULL_NAME = regex.compile(rf"(?:{_NAME_WORD}[^\S\n]+(?:{_NAME_PARTICLE}[^\S\n]+)*){{1,3}}{_NAME_WORD}")
_PROPER = regex.compile(rf"(?<![\w'’-]){_PROPER_WORD}(?![\w'’-])")  # one word of a full name not in capitals
_MAX_FULL_NAME = 80
#: the same shape inside a longer text, between word boundaries; a slash joins two of its words as a space
#: does where a visitor writes ("stuur naar Griet/Verhaeghe", "Jan/Marie Peeters")
_RUN_GAP = r"(?:[^\S\n]+|[^\S\n]*/[^\S\n]*)"
_NAME_RUN = regex.compile(r"(?<![\w'’-])" + _FULL_NAME.pattern.replace(r"[^\S\n]+", _RUN_GAP) + r"(?![\w'’-])")


#: "Label: value" at the start of a line or after a separator, in one text: a label of a few words
#: (31 characters at most), a colon, and the value up to the line's end, a separator or a comma
#: (80 characters at most). Anchored and bounded: linear in the text. An em dash separates as a bar does ("Rendez-vous
#: le 12/05 — motif : lombalgie"); an en dash joins a range ("9–18 uur").
_LABELLED_VALUE = re.compile(
    r"(?:^|(?<=[|·•;—]))[^\S\n]*([^\W\d_](?:[^\W\d_]|['’ -]){0,30}?)[^\S\n]*:[^\S\n]*([^\n|·•;,—]{1,80})",
    re.MULTILINE)
_LABEL_WORDS = 4  # "Naam op de kaart"; a longer run before a colon is a sentence ("Voor vragen over uw naam: …")


def labelled_values(text: str, label_meaning: Callable[[str], str]) -> list[Span]:
    """The values a label in the same text names, as a field's label does ("Naam: Hadewych
    Stroobants", "Titulaire : …", "Geboortedatum: 3 mei 1984"): masked whole with the label's
    meaning, a name no detector knows included. A label that says nothing leaves its value to the
    detectors ("Openingstijden: 9–18 uur"), and so does a card's label before no digit ("Card: Visa", "Kaart:
    Maestro": the way one pays, a site's word; a card's number has digits), and a street's name, whose words say a
    place, not that an address follows ("Winkel Veldstraat: gesloten op maandag", "Magasin Rue Neuve : ouvert le
    dimanche")."""
    spans = []
    if ":" not in text:  # most texts: no regex pass at all
        return spans
    for match in _LABELLED_VALUE.finditer(text):
        value = match.group(2).rstrip()
        label = match.group(1)
        # a street's name in a label says where something is, not what follows ("Winkel Veldstraat: gesloten …")
        if value and len(label.split()) <= _LABEL_WORDS and (meaning := label_meaning(without_street_names(label))) \
                and not (meaning == "CREDIT_CARD" and not _DIGITISH.search(value)):  # "Card: Visa": its brand
            spans.append(Span(match.start(2), match.start(2) + len(value), meaning, 1.0, "label"))
    return spans


#: a phone number as a page writes one: six digits or more, spaces, dots, dashes, slashes or brackets between
_PHONE_DIGITS = re.compile(r"\d(?:[\s./()-]{0,3}\d){5,}")
#: a value that opens with a number that is no price: "0471 23 45 67", "+32 4…", "(02) …"; not "0 € Anschlussgebühr"
_OPENS_WITH_A_NUMBER = re.compile(r"[^\S\n]*[+(]?\d(?![\d\s.,]*(?:[€$£]|(?i:eur|euro|euros)(?!\w)))")


def site_labelled_values(text: str, label_meaning: Callable[[str], str]) -> list[Span]:
    """labelled_values in the site's own text, whose value must have the shape of what its label names: a phone's
    label a number ("Telefoon: 0471 23 45 67"; not a phone shop's headings "Telefoon: Fairphone 5", "GSM: Nokia 3310
    terug", "Handy-Angebote: 0 € Anschlussgebühr"), a person's label no company's desk ("Contactpersoon: Sanne Jansen";
    not "Ansprechpartner: Kundenservice", "Contact person: Info Desk"). Masked whole, such a heading was remembered
    and masked the product's name on every page after it (review 19 O2). A question after the colon is the page's own
    heading, no value ("Zwanger: wat mag ik nemen?", "Enceinte : quels médicaments éviter ?" on a pharmacy's advice
    page: review 31). Any other label's value is masked whole."""
    return [span for span in labelled_values(text, label_meaning)
            if _fits_its_label(span.entity, text[span.start:span.end])]


#: the meanings whose value is a number or a code, a document's, a tax's, a customer's, an account's or a vehicle's,
#: or an e-mail address: the site's topic in words after their label is no value ("Passeport : délais de délivrance",
#: "Klantnummer: waar vind ik het", "E-mail: wij antwoorden binnen de dag")
_SHAPED_VALUE_MEANINGS = frozenset({"NATIONAL_ID", "TAX_ID", "CUSTOMER_ID", "IBAN_CODE", "VEHICLE_ID", "EMAIL_ADDRESS"})
#: an e-mail address said with a word for its "@" ("jan at telenet punt be", "lotte chez orange point fr")
_AN_AT_WORD = regex.compile(with_words(r"(?<![\w'’-])(?i:{{at_words}}|{{spoken_at_words}})(?![\w'’-])"))
#: a health-insurance fund's name or one of its words ("Solidaris", "la Mutualité libérale", "AOK")
_A_FUND = regex.compile(with_words(r"(?<![\w'’-])(?i:{{health_funds}})(?![\w'’-])"))
#: a date's month by its name ("twaalf maart")
_A_MONTH = regex.compile(with_words(r"(?<![\w'’-])(?i:{{months}})(?![\w'’-])"))
_VALUE_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")


def _fits_its_label(meaning: str, value: str) -> bool:
    """Whether a value after its label in the site's text has the shape of what the label names, so is the visitor's;
    not the page's topic in words ("Mutualité Solidaris : remboursement des lunettes", "Passeport : délais de
    délivrance": review 33 O1). Where a value may be the visitor's in any shape (a name, an address, a secret, her
    health), it fits (fail closed)."""
    if value.endswith("?"):
        return False
    if meaning == "PHONE_NUMBER":
        return bool(_OPENS_WITH_A_NUMBER.match(value) or _PHONE_DIGITS.search(value))
    if meaning == "PERSON":
        return not names_a_desk(value)
    if meaning in _SHAPED_VALUE_MEANINGS:  # a holder's name after "Titulaire du passeport", "E-mail" fits
        return not _a_topic_in_words(value) or (meaning == "EMAIL_ADDRESS" and bool(_AN_AT_WORD.search(value)))
    if meaning == "DATE_OF_BIRTH":  # a birth's place too, in two words ("Lieu de naissance : la louvière")
        return not _a_topic_in_words(value) or len(value.split()) < 3 or bool(_A_MONTH.search(value))
    if meaning == "HEALTH_INSURER":  # a fund named, her number there, a name no list knows in capitalised words
        words = _VALUE_WORD.findall(value)
        return len(words) < 2 or bool(_DIGITISH.search(value) or _A_FUND.search(value)) \
            or all(word in PARTICLES for word in words if word[0].islower())
    return True


def _a_topic_in_words(value: str) -> bool:
    """Whether a value is the page's topic written out: two words or more, in lower case after the first, a function
    word among them ("délais de délivrance", "so funktioniert's", "Wij antwoorden binnen de dag"), no digit nor "@";
    not a name typed in lower case ("jan de smet"). A capitalised name, a number, an address, one word are values."""
    words = _VALUE_WORD.findall(value)
    return (len(words) >= 2 and not _DIGITISH.search(value) and "@" not in value
            and all(word[0].islower() for word in words[1:]) and any(is_function_word(word) for word in words)
            and not lower_case_full_name(value))


#: the meanings a detector reads by their shape, whole: a label's value of one ends where the detector's span ends
_SHAPED_MEANINGS = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER"})
#: what may follow a value so found and be the visitor's own words: a word, no digit nor "@" (no more of a number or an
#: address)
_WORDS_AFTER = re.compile(r"[^\S\n]+[^\W\d_][^\d@]*")


def with_found_ends(text: str, labelled: list[Span], found: list[Span]) -> list[Span]:
    """The spans of labelled_values, a value of a shape a detector reads whole ("tel: 04 12 34 56 78 ok", "mail me:
    jan.peeters@telenet.be graag morgen") ending where the detector's span of that shape at its start ends: the words
    after it are the visitor's own, read by the rules and the detector as any (they were masked with the number). A
    digit or an "@" after it keeps the label's span whole (fail closed: "tel: 04 12 34 56 78 of 5")."""
    ends = {(span.start, span.entity): span.end for span in found}
    kept = []
    for span in labelled:
        end = ends.get((span.start, span.entity), span.end)
        if span.entity in _SHAPED_MEANINGS and end < span.end and _WORDS_AFTER.fullmatch(text, end, span.end):
            span = Span(span.start, end, span.entity, span.score, span.recognizer)
        kept.append(span)
    return kept


#: what a message quotes: 'x', "x", ‘x’, “x”, « x » (an apostrophe inside a word is none: "isn't")
_QUOTED = re.compile(r"(?<![\w'])'([^'\n]{1,80})'(?![\w'])|\"([^\"\n]{1,80})\"|‘([^’\n]{1,80})’|“([^”\n]{1,80})”"
                     r"|«[^\S\n]?([^»\n]{1,80}?)[^\S\n]?»")


@dataclass(frozen=True, slots=True)
class QuotedValues:
    """In a validation error about a field whose name says what it holds (meaning), what its message quotes
    is the value typed there ("'Verhaeghe' is too long"): masked whole with that meaning, but a field's name
    or label it quotes, which says a meaning itself (field_word: "\"achternaam\" is required"); with what
    names reads (names_by_shape) when the message is a text the visitor wrote too. A value, not a partial:
    equal readers share BatchRedaction.read's cache."""
    meaning: str
    names: NameShapes | None
    field_word: Callable[[str], str]

    def __call__(self, text: str) -> list[Span]:
        spans = self.names(text) if self.names is not None else []
        for match in _QUOTED.finditer(text):
            group = next(g for g in range(1, 6) if match.group(g) is not None)
            if not self.field_word(match.group(group)):
                spans.append(Span(*match.span(group), self.meaning, 1.0, "report"))
        return spans


def name_shaped(value: str) -> list[Span]:
    """The whole value as a PERSON when it is shaped like a full name (_FULL_NAME), a brand of rules/pii.yaml
    it names left out ("Calvin Klein", "Zalando Lounge": _outside_brands)."""
    stripped = value.strip()
    if len(stripped) > _MAX_FULL_NAME or not _FULL_NAME.fullmatch(stripped) or not _PROPER.search(stripped):
        return []
    start = value.index(stripped)
    return [Span(s, e, "PERSON", 1.0, "shape") for s, e in _outside_brands(value, start, start + len(stripped))
            if _FULL_NAME.fullmatch(value, s, e) and _PROPER.search(value, s, e)]


#: a word of a run of capitalised words, as name_runs reads it (a slash joins two as a space does)
_RUN_WORD = re.compile(r"[^\s/]+")


def _outside_brands(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] between the brands of rules/pii.yaml it holds (names.listed_brands), as
    (start, end): where a visitor writes, "Calvin Klein", "Zalando" are no one's name ("Bestelling Zalando kwijt",
    "Calvin Klein jeans terugsturen"), and a name beside one is read apart ("Noor Visser Zalando")."""
    words = list(_RUN_WORD.finditer(text, start, end))
    pieces, at = [], start
    for first, stop in listed_brands([word.group() for word in words]):
        if words[first].start() > at:
            pieces.append((at, words[first - 1].end()))
        at = words[stop - 1].end()
    if at < end:
        pieces.append((at, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in pieces if text[s:e].strip()]


#: an element as an SDK names the one clicked or typed into (Sentry's ui.click and ui.input breadcrumbs:
#: htmlTreeAsString): tags with their id, classes and a few attributes, parents first, joined by " > "
_ELEMENT_STEP = r'[a-z][a-z0-9-]{0,40}(?:#[^\s#.\[>"]+)?(?:\.[^\s#.\[>"]+)*(?:\[[\w-]{1,40}="[^"]*"\])*'
_ELEMENT_PATH = re.compile(rf"{_ELEMENT_STEP}(?: > {_ELEMENT_STEP})*")


def element_path(text: str) -> bool:
    """Whether a text is an element's path as an SDK writes it (`div#card[aria-label="…"] > button`):
    the page's names and attributes, not what a visitor wrote (a word alone is no path)."""
    return len(text) <= MAX_SCANNED and any(mark in text for mark in ("#", "[", " > ")) \
        and bool(_ELEMENT_PATH.fullmatch(text))


def name_runs(text: str) -> list[Span]:
    """In free text a visitor writes (a textarea, an editable region), every run of two to four
    capitalised words is a person, known to a list or not ("mag het pakket naar Jildou Reitsma op
    nummer 29"): a place or a brand there is masked too (fail closed), never the site's text. Function
    words at a run's start are the sentence's ("Bij Jildou Reitsma"), one inside it makes it a phrase
    ("Thanks For Shopping"); a run of days, parts of a day and months alone is a time ("am Montag Nachmittag")."""
    spans = []
    for match in _NAME_RUN.finditer(text):
        for start, end in _outside_brands(text, match.start(), match.end()):  # "Bestelling Zalando": no one's
            words = list(_RUN_WORD.finditer(text, start, end))
            while words and is_function_word(words[0].group(0)):
                words.pop(0)
            if len(words) >= 2 and opens_a_saints_place(words[0].group(0)):
                del words[:2]  # "nach Sankt Vith", "naar Sint Truiden": a place named after a saint
            capitalised = [w.group(0) for w in words if capitalised_name_word(w.group(0))]
            if len(capitalised) >= 2 and not any(map(is_function_word, capitalised)) and \
                    any(_PROPER.fullmatch(w) for w in capitalised) and not all(map(says_when, capitalised)):
                spans.append(Span(words[0].start(), words[-1].end(), "PERSON", 1.0, "shape"))
    return spans + _names_across_a_line_break(text, spans)


def _its_line_start(text: str, start: int) -> int:
    """Where the line of what starts at `start` starts when only spaces stand before it there, else -1. Reads back
    over those spaces only (not the line: many runs on one long line would read it again each)."""
    at = start
    while at and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at if not at or text[at - 1] == "\n" else -1


#: a line break inside a name a visitor writes mid-sentence: a run ending a line, the next line's first capitalised
#: word; or a given name ending a line, a run opening the next (anchored where a run ends or starts: linear)
_NEXT_LINE_WORD = regex.compile(rf"[^\S\n]*\n[^\S\n]*({_PROPER_WORD})(?![\w'’-])")
_LINE_END_WORD = regex.compile(rf"(?<![\w'’-])({_PROPER_WORD})[^\S\n]*\n[^\S\n]*$")
_LINE_END_LOOK = 40  # characters read before a run for the given name that ends the line above it
#: a given name ending a line and a capitalised word opening the next: a name of two words cut by the break
_BROKEN_PAIR = regex.compile(rf"(?<![\w'’-])({_PROPER_WORD})[^\S\n]*\n[^\S\n]*({_PROPER_WORD})(?![\w'’-])")


def _names_across_a_line_break(text: str, runs: list[Span]) -> list[Span]:
    """The word a line break cuts from a name run in a sentence ("Mijn teamleider Mehmet Ali⏎Boztepe kan dat
    bevestigen", "… bij Mehmet⏎Ali Boztepe": held-out round 47, probed beside the page): where the run's line holds
    other words before it and ends in no sentence mark, the name goes on past the break. Not a run alone on its line:
    "Sanne Jansen⏎Bakkerij De Molen" is a signature over a firm (names._name_runs); nor a function word. And a given
    name ending such a line with a capitalised word opening the next ("is Mehmet⏎Boztepe, hij")."""
    spans = []
    for run in runs:
        line_start = _its_line_start(text, run.start)
        if line_start < 0:  # other words before the run on its line
            after = _NEXT_LINE_WORD.match(text, run.end)
            # a day said from today opens the next line's sentence ("… met Jan Peeters⏎Vandaag ben ik vrij")
            if after and not is_function_word(after.group(1)) and not says_when(after.group(1)):
                spans.append(Span(after.start(1), after.end(1), "PERSON", 1.0, "shape"))
        elif line_start:
            before = _LINE_END_WORD.search(text, max(0, line_start - _LINE_END_LOOK), line_start)
            if before and is_given_name(before.group(1)) and not is_function_word(before.group(1)):
                spans.append(Span(before.start(1), before.end(1), "PERSON", 1.0, "shape"))
    for pair in _BROKEN_PAIR.finditer(text):  # "Mijn teamleider is Mehmet⏎Boztepe, hij …" (one line's scan a pair)
        line_start = text.rfind("\n", 0, pair.start()) + 1
        if text[line_start:pair.start()].strip() and is_given_name(pair.group(1)) and \
                not is_function_word(pair.group(1)) and not is_function_word(pair.group(2)) and \
                not says_when(pair.group(2)):
            spans.append(Span(pair.start(1), pair.end(2), "PERSON", 1.0, "shape"))
    return spans


#: a house number: "4", "31", "118bis", "61-3" (three digits at most: "March 2024" is a date), alone
#: (not "4.5", "2/3"); a unit after it makes it a quantity ("Forte 500 mg")
_HOUSE_NUMBER = re.compile(r"(?<!\S)\d{1,3}(?:[a-zA-Z]{1,3}|-\d{1,3})?(?![^\s,;.)])(?![.,]\d)")
_UNITS = frozenset("mg g kg ml cl l cm mm m km % x h u min uur jaar jaren ans years stuks pcs".split())
_STREET_WORDS = 5  # "Onder de Linden", "Sint-Pietersnieuwstraat", "Quai des Péniches"
_STREET_LOOK = 200  # characters read on each side of a house number: five words and their spaces
_NON_SPACE = re.compile(r"\S+")
_WORDS_BACK = regex.compile(r"\S+", regex.REVERSE)  # the words before a place, the nearest first


def street_runs(text: str) -> list[Span]:
    """In what a visitor writes, capitalised words right before a house number are a street, a
    street word or not ("Borg kamer Achter Clarenburg 4", "Lange Munt 41, Gent"): two capitalised
    words at least, particles among them ("Onder de Linden 12"). A product named that way is masked
    too (fail closed), never the site's text."""
    spans = []
    for number in _HOUSE_NUMBER.finditer(text):
        # the words just before the number, read backwards in a window before it: each number costs
        # its few words, not the window's ("1 1 1 …" holds a hundred numbers in one), and one word
        # where that is not capitalised (a street's name ends in a capital's word)
        window = max(0, number.start() - _STREET_LOOK)
        last = _WORDS_BACK.search(text, window, number.start())
        if last is None or not _CAPITALISED.match(last.group(0)):
            continue
        after = _NON_SPACE.search(text, number.end(), number.end() + _STREET_LOOK)
        if after and after.group(0).rstrip(".,;").lower() in _UNITS:
            continue
        run = list(itertools.islice(_WORDS_BACK.finditer(text, window, number.start()), _STREET_WORDS))[::-1]
        if window and run and run[0].start() == window:
            run = run[1:]  # cut by the window: not a whole word
        if not run or "\n" in text[run[-1].end():number.start()]:
            continue
        words: list[re.Match] = []
        for word in reversed(run):
            if not (_CAPITALISED.match(word.group(0)) or word.group(0) in PARTICLES):
                break
            words.insert(0, word)
            if word is not run[-1] and "\n" in text[word.end():words[1].start()]:
                words.pop(0)
                break
        if words:  # a brand and its model are a product's ("Graag de Nike Air Max 90"): the street goes on after it
            after = _after_brands(text, words[0].start(), words[-1].end())
            words = [word for word in words if word.start() >= after]
        while words and not _CAPITALISED.match(words[0].group(0)):
            words.pop(0)
        if words and _CAPITALISED.match(words[-1].group(0)) and \
                sum(1 for w in words if _CAPITALISED.match(w.group(0))) >= 2:
            spans.append(Span(words[0].start(), number.end(), "POSTAL_ADDRESS", 1.0, "shape"))
    return spans


#: a hamlet's or a named place's word (rules/recognizers.yaml hamlet_words) and the place's name after it: one to four
#: capitalised words, articles and particles before and between them ("lieu-dit Les Granges", "hameau de la Forge")
_HAMLET_PARTICLE = r"(?:(?:de|du|des|la|le|les|aux?|het|den|der|ten|ter|am|an|im|zum|zur)[^\S\n]+|[ldLD]['’][^\S\n]*)"
_HAMLET_NAMED = regex.compile(with_words(
    rf"(?<![\w'’-])(?i:{{{{hamlet_words}}}})[^\S\n]{{1,3}}({_HAMLET_PARTICLE}*\p{{Lu}}[\p{{L}}'’-]*"
    rf"(?:[^\S\n]+{_HAMLET_PARTICLE}*\p{{Lu}}[\p{{L}}'’-]*){{0,3}})"))


def hamlet_runs(text: str) -> list[Span]:
    """In what a visitor writes, a rural address given as a hamlet or a named place without a house number ("livrer au
    lieu-dit Les Granges, 24250 Domme", "buurtschap Het Broek"): the place's name is her address, as a street and its
    number are (review 30 F12: the postcode and the town were masked, the name kept). Not the site's text, where a
    gîte's "Hameau de la Forge" is its own."""
    return [Span(*m.span(1), "POSTAL_ADDRESS", 1.0, "shape") for m in _HAMLET_NAMED.finditer(text)]


#: a greeting opening a line of what a visitor writes, and the word it greets in lower case, before a
#: comma, a "!" or the line's end: "hoi sietske,", "bonjour loeiza !" (people write to each other so)
_GREETED_IN_LOWER_CASE = re.compile(
    r"(?:^|(?<=\n))[^\S\n]*(?i:hoi|hallo|hey|hi|hello|dag|beste|lieve|bonjour|bonsoir|salut|coucou|cher|chère|"
    r"dear|liebe|lieber|moin|servus)[^\S\n]+([a-zß-öø-ÿ][\w'’-]*)(?=[^\S\n]*(?:[,!:\n]|$))")


def greeted_in_lower_case(text: str) -> list[Span]:
    """The given name a visitor's greeting opens with, written in lower case ("hoi sietske,"): no
    capital and no list says it is a name, the greeting does ("hoi allemaal" greets no one)."""
    return [Span(m.start(1), m.end(1), "PERSON", 1.0, "shape") for m in _GREETED_IN_LOWER_CASE.finditer(text)
            if not greets_no_one_in_lower_case(m.group(1))]


#: a closing a visitor signs a message with, and one to three words in lower case after it up to a full stop,
#: a comma, a "!" or the line's end: "mvg jorun vekemans", "cordialement ysolde marchal" (as greeted above).
#: Bounded: the closing is a word, then at most three words; linear in the text
_SIGNED_IN_LOWER_CASE = re.compile(
    r"(?<![\w'’-])(?i:mvg|m\.v\.g\.|groetjes|groeten|vriendelijke groeten|cordialement|bien à vous|bisous|bises|"
    r"amitiés|kind regards|best regards|regards|cheers|mfg|viele grüße|liebe grüße)[,:]?[^\S\n]+"
    r"([a-zß-öø-ÿ][\w'’-]*(?:[^\S\n]+[a-zß-öø-ÿ][\w'’-]*){0,2})(?=[^\S\n]*(?:[.,!\n]|$))")


def signed_in_lower_case(text: str) -> list[Span]:
    """The name a visitor signs with in lower case after a closing ("mvg jorun vekemans", "groetjes pieter de
    clercq"); a closing signed by a group ("groetjes van ons allemaal") or a word no one is named ("cheers mate")
    is not."""
    spans = []
    for match in _SIGNED_IN_LOWER_CASE.finditer(text):
        words = match.group(1).split()
        # a value's last word may still be being typed: "mvg jorun ve" is "vekemans" half-typed, not "'ve"
        judged = words[:-1] if match.end(1) == len(text) else words
        # a particle after the given name is the name's ("pieter de clercq"), or waits for its surname at the end
        ending = not text[match.end(1):].strip()
        judged = [word for i, word in enumerate(judged)
                  if not (i and word.casefold() in PARTICLES and (i < len(words) - 1 or ending))]
        if not any(greets_no_one_in_lower_case(word) for word in judged):
            spans.append(Span(match.start(1), match.end(1), "PERSON", 1.0, "shape"))
    return spans


#: the verbs that make the word before them a sentence's subject ("sofie komt", "Lowie heeft"), lower case
_SUBJECT_VERBS = frozenset(word.casefold() for word in rule_words()["subject_verbs"])
#: a word typed in lower case, particles, and another ("sofie janssens", "wout de smedt"): tried at every word, a
#: match is a few words long (bounded: linear in the text)
_LOWER_CASE_PAIR = regex.compile(with_words(
    r"(?<![\w'’-])\p{Ll}[\p{Ll}'’-]{1,30}(?:[^\S\n]{1,3}(?:{{particles}})){0,3}[^\S\n]{1,3}\p{Ll}[\p{Ll}'’-]{1,30}"
    r"(?![\w'’-])"))


def lower_case_full_names(text: str) -> list[Span]:
    """A full name a visitor types without capitals, wherever it stands in their text: after a preposition ("naar
    sofie janssens", "à marie dubois", "an hubert wiesinger"), opening a sentence or a line ("sofie janssens en ik",
    a signature "groetjes⏎wout de smedt"), after a verb ("kan sofie janssens het ophalen?", "heißt lukas hofbauer").
    Phones' keyboards leave names so, and no capital nor cue word says it is one: a given name common in the visitors'
    countries and a word after it are (names.lower_case_full_name; not "pierre bleue", "rosa jurk"), whatever the
    second word, failing closed, but for a verb that takes a subject (recognizers.yaml subject_verbs): "sofie komt
    morgen" is Sofie coming, and only "sofie" is masked; a given name that is a town's too ("nancy centre",
    names.is_a_place) is masked but never remembered, as sentence_subject_named's. Only where a visitor writes: a
    search box's words are left to the detectors, and the site's text never is read so."""
    spans = []
    for m in _LOWER_CASE_PAIR.finditer(text, overlapped=True):
        if not lower_case_full_name(m.group()):
            continue
        given, following = m.group().split()[:2]
        end = m.start() + len(given) if following.casefold() in _SUBJECT_VERBS else name_end(text, *m.span())
        spans.append(Span(m.start(), end, "PERSON", 1.0, UNREMEMBERED if is_a_place(given) else "shape"))
    return spans


#: a word as the capitals reading steps over a text: letters, digits, apostrophes and hyphens
_ANY_WORD = regex.compile(r"[\w'’-]+")
#: the fewest words in capitals in a row that are a text typed with caps lock on, not an acronym ("BTW", "SNCB")
_CAPITALS_WORDS = 2


def _capitals_stretches(text: str) -> list[tuple[int, int]]:
    """Where two words or more in capitals follow each other, only spaces, marks or numbers between them ("IK BEN JAN
    PEETERS EN IK WIL …, merci"): each word is read once (linear)."""
    stretches, start, end, words = [], 0, 0, 0
    for m in _ANY_WORD.finditer(text):
        if m.group().isupper():  # a cased letter, none in lower case
            start, words = (start, words + 1) if words else (m.start(), 1)
            end = m.end()
        elif not m.group().isdigit():
            if words >= _CAPITALS_WORDS:
                stretches.append((start, end))
            words = 0
    if words >= _CAPITALS_WORDS:
        stretches.append((start, end))
    return stretches


def capitals_read_in_lower_case(text: str) -> list[Span]:
    """The names in a visitor's text typed in capitals, caps lock on ("IK BEN JAN PEETERS EN IK WIL…", "LIVRAISON POUR
    MAMADOU DIALLO"; review 35 F5: stored): a run of capitals is read as a heading's (names.full_name_in_capitals
    refuses one inside a longer run), and the rules for names typed without capitals read no capitals. Its stretches
    in capitals are read lower-cased by those rules (lower_case_full_names; the words introducing a name,
    lower_case_introduced_name's), the rest of the text as it is, for the words before a name. Only where a visitor
    writes: the site's headings and buttons in capitals ("GRATIS LEVERING VANAF 50 EURO", "EXPO RENÉ MAGRITTE") are
    never read so; and never remembered, so that a heading a visitor copies does not mask the site's own."""
    stretches = [(start, end) for start, end in _capitals_stretches(text)
                 if len(text[start:end].lower()) == end - start]  # "İ" lower-cased is two characters: offsets would move
    if not stretches:
        return []
    pieces, before = [], 0
    for start, end in stretches:
        pieces += [text[before:start], text[start:end].lower()]
        before = end
    lowered = "".join(pieces) + text[before:]
    pattern, validator = _lower_case_name_rule()
    found = [*((s.start, s.end) for s in lower_case_full_names(lowered)),
             *(name_span for m in pattern.finditer(lowered, overlapped=True) if validator(m.group())
               for name_span in [(m.start(), name_end(lowered, *m.span()))])]
    return [Span(start, end, "PERSON", 1.0, UNREMEMBERED) for start, end in dict.fromkeys(found)
            if any(s < end and start < e for s, e in stretches)]


#: a word, maybe a comma, then another, both in capitals or both in lower case, or capitals then a capitalised one
#: ("VERHAEGHE, Griet", "verhaeghe griet"): tried at every word, a match is two words long (bounded: linear)
_SURNAME_THEN_GIVEN = regex.compile(
    r"(?<![\w'’-])(?:(?P<surname>\p{Lu}[\p{Lu}'’-]*\p{Lu}),?[^\S\n]{1,3}"
    r"(?P<given>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}[\p{Lu}'’-]*\p{Lu})"
    r"|(?P<surname>\p{Ll}[\p{Ll}'’-]{1,30}),?[^\S\n]{1,3}(?P<given>\p{Ll}[\p{Ll}'’-]{1,30}))(?![\w'’-])")
#: before a surname and its comma, a word of the sentence (or a label's colon): "naar VERHAEGHE, Griet"; a sentence's
#: first word and a comma are as often a word said to the one named ("URGENT, Sofie", "super, sofie")
_WORD_BEFORE = regex.compile(r"[\p{L}:][^\S\n]{1,3}\Z")


def surname_then_given_named(text: str) -> list[Span]:
    """A name a visitor writes surname first, in capitals as forms and French usage write it ("an SCHWARTZKOPF,
    Jürgen", "envoyer à DUBOIS, Camille") or all in lower case as phones leave it ("naar verhaeghe griet", "janssens,
    sofie"): the given name after the surname says a person (names.surname_then_given), as it does in "Peeters, Jan";
    the lower-case rule reads a given name first only, and a capitals word before a comma is no title-case surname.
    With a comma, only mid-sentence or as the whole value, as surname_comma_given reads one. Only where a visitor
    writes."""
    spans = []
    for m in _SURNAME_THEN_GIVEN.finditer(text, overlapped=True):
        surname, given = m.group("surname"), m.group("given")
        if ("," in m.group() and not _WORD_BEFORE.search(text, max(0, m.start() - 4), m.start())
                and text[m.end():].strip()):
            continue
        if surname_then_given(surname, given):
            spans.append(Span(m.start(), m.end(), "PERSON", 1.0, UNREMEMBERED if is_a_place(given) else "shape"))
    return spans


#: a list's or a table's entry that is only a surname and a given name, the surname's particles capitalised or not
#: before it ("Janssens Jan", "Van den Broeck Lies", "De Smet An")
_SURNAME_GIVEN_ENTRY = regex.compile(
    rf"\s*((?:(?i:{_NAME_PARTICLE})[^\S\n]+)*({_PROPER_WORD}))[^\S\n]+({_PROPER_WORD})\s*")


def surname_first_entry(text: str) -> list[Span]:
    """The person a list item's or a table cell's whole text names surname first, as schools, clubs and back offices
    list people ("Wouters Tom" in a select2 result, "Lambrechts Fien" in a <td>; review 27 F10: stored, where "Tom
    Wouters" was masked and only surnames of Slavic or Romanian endings were read before a given name): the given name
    after the surname says a person as it does in "Wouters, Tom" (names.surname_then_given: no trade, product, place,
    street, time or function word before it, no greeting), and the entry is no shop or product name
    (names.is_business_name) nor a place's ("Citytrip Sofia", "Weekend Florence": a given name that is a town's is the
    site's destination in its list as often), nor a brand's model ("Renault Zoe", "Toyota Yaris": a make then a model
    named like a given name; peers round 9's control). Only the whole entry: inside a sentence or a heading the same two words
    are a product and the name its shop gave it."""
    match = _SURNAME_GIVEN_ENTRY.fullmatch(text)
    if not match or not surname_then_given(match.group(2), match.group(3)) or is_a_place(match.group(3)) \
            or is_business_name(text, match.start(1), match.end(3)) or listed_brands([match.group(2)]) \
            or in_a_dish_named_after_someone(text, match.start(1), match.end(3)):  # "Pêche Melba" on a menu
        return []
    return [Span(match.start(1), match.end(3), "PERSON", 1.0, "shape")]


#: a capitalised word after a lower-case one and "de", "d'", "van", "von" or "of" (or a German noun and "von"; not
#: after a street's first word: "rue de Florence"): whose thing it is, in a visitor's sentence ("la chambre de
#: Maxence", "de fiets van Lotte", "das Zimmer von Jonas")
_POSSESSOR = regex.compile(with_words(
    r"(?<![\w'’-])(?!(?i:{{street_openers}})\s)(?:\p{Ll}[\p{Ll}'’-]{1,30}[^\S\n]{1,3}"
    r"(?:(?:de|van|von|of)[^\S\n]{1,3}|d['’][^\S\n]{0,2})|\p{Lu}[\p{Ll}'’-]{1,30}[^\S\n]{1,3}von[^\S\n]{1,3})"
    r"(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)(?![\w'’-])"))


def possessor_named(text: str) -> list[Span]:
    """A known given name alone as whose thing or room it is, in what a visitor writes: "la chambre de Maxence,
    né le …", "le vélo d'Émile", "das Zimmer von Jonas". Not an occasion ("la veille de Noël") nor a place the
    name list knows ("les rues de Paris"): names.gift_recipient's test of a given name alone. In the site's text
    such a word is as often a place or a brand ("Confiture de mirabelles de Lorraine", "musée d'Art moderne")."""
    return [Span(*m.span(1), "PERSON", 1.0, "shape") for m in _POSSESSOR.finditer(text) if gift_recipient(m.group(1))]


#: a capitalised word (a surname, up to three words with particles) after the words that address a household or say at
#: whose home a parcel is left, in a visitor's sentence: "voor de familie Vanhoutteghem", "pour la famille Vandevoorde",
#: "Livraison chez Lecomte-Wauters", "graag bij Claeys afgeven"; after German's "bei" only before the verb that says
#: so ("bitte bei Wiesinger klingeln"): German capitalises its nouns ("bei Fragen", "bei Abwesenheit bitte …")
_SURNAME_RUN = (r"(?P<name>(?:(?:Van|Von|De|Den|Der|Du|La|Le|Ten|Ter|Vanden|Vander)[^\S\n]+){0,2}\p{Lu}[\p{Ll}'’]+"
                r"(?:-\p{Lu}[\p{Ll}'’]+)?(?:[^\S\n]+(?:(?:van|von|der|den|de|du|la|le|ten|ter)[^\S\n]+)*\p{Lu}[\p{Ll}'’]+"
                r"(?:-\p{Lu}[\p{Ll}'’]+)?){0,2})(?![\w'’-])")
#: a title before it, as typed in any case ("chez mme Vandevoorde", "an Hr. Brenner", "T.a.v. dhr. Claeys")
_TYPED_TITLE = with_words(r"(?:(?i:{{typed_titles}})|{{person_titles}})[^\S\n]{1,3}")
_HOUSEHOLD_NAMED = regex.compile(  # (the regex module lets both alternatives name their group "name")
    with_words(r"(?<![\w'’-])(?:(?i:{{household_words}})[^\S\n]{1,3}(?:")
    + rf"{_TYPED_TITLE})?|{_TYPED_TITLE}){_SURNAME_RUN}"
    rf"|(?<![\w'’-])(?i:bei)[^\S\n]{{1,3}}{_SURNAME_RUN}"
    r"(?=[^\S\n]+(?i:klingeln|anklingeln|läuten|abgeben|hinterlegen|abstellen|abliefern)(?![\w-]))")


def household_named(text: str) -> list[Span]:
    """A surname alone after the words that address a household ("de familie Vanhoutteghem", "la famille Vandevoorde",
    "bij fam. Verhaeghe", "het gezin Claeys", "chez les Lambert") or say at whose home something is left ("chez
    Lecomte-Wauters", "bij Claeys", "bei Wiesinger klingeln") or in whose name it is ("op naam van Claeys"), or after a
    title as typed in any case ("chez mme Lambert", "mrs Okafor", "an Hr. Brenner"), in what a visitor writes: no list
    knows a surname, these words say one follows. Not a place ("bij Gent", "chez Paris"), a
    trade, product or street word, nor a company's department (names.addressed_surname: "bij Administratie"); a brand
    there is masked, as name_runs masks one (fail closed). In the site's text the same words name a product's family or
    a shop ("la famille Galaxy", "disponible chez Fnac"), and a German page's "Bitte bei Anmeldung klingeln" a desk:
    never read there."""
    return [Span(*m.span("name"), "PERSON", 1.0, "shape") for m in _HOUSEHOLD_NAMED.finditer(text)
            if not is_a_place(m.group("name").split()[0]) and addressed_surname(m.group("name"))]


#: a surname typed in lower case after an abbreviated title ("dr. verschaeve", "mevr. claeys", "dr. van den bossche"),
#: and the word after it if the first is a given name ("dr. koenraad verschaeve"); the words bounded: linear
_LOWER_WORD = r"\p{Ll}[\p{Ll}'’]{2,30}(?:-\p{Ll}[\p{Ll}'’]{1,30})?"
_TITLED_LOWER_CASE = regex.compile(with_words(
    r"(?<![\w'’.-])(?i:{{lower_case_surname_titles}})[^\S\n]{1,3}"
    r"(?P<particles>(?:(?:van|von|der|den|de|du|la|le|ten|ter|vanden|vander)[^\S\n]+){0,2})"
    rf"(?P<first>{_LOWER_WORD})(?![\w'’-])(?:[^\S\n]+(?P<second>{_LOWER_WORD})(?![\w'’-]))?"))


def titled_lower_case_surname(text: str) -> list[Span]:
    """A surname typed without its capital after a title that stands before a surname only (recognizers.yaml
    lower_case_surname_titles: "Mijn huisarts is dr. verschaeve", "bij mevr. claeys"), in what a visitor writes; the
    next word too when the first is a given name ("dr. koenraad verschaeve"). Not a word a sentence goes on with after
    the title alone: a function word ("bij de dr. om 10 uur"), a time ("dr. morgen"), a place, nor a doctor's degree
    before the name ("Dr. med. Braun": title_degrees). In the site's text a name is written with its capital."""
    spans = []
    for m in _TITLED_LOWER_CASE.finditer(text):
        first, second = m.group("first"), m.group("second")
        if _not_a_lower_case_surname(first) or (text[m.end("first"):m.end("first") + 1] == "."
                                                and first.casefold() in _TITLE_DEGREES):
            continue
        end = m.end("first")
        if second and is_given_name(first.capitalize()) and not _not_a_lower_case_surname(second):
            end = m.end("second")
        spans.append(Span(m.start("particles") if m.group("particles") else m.start("first"), end, "PERSON", 1.0,
                          "shape"))
    return spans


_TITLE_DEGREES = frozenset(word.casefold() for word in rule_words()["title_degrees"])


def _not_a_lower_case_surname(word: str) -> bool:
    return is_function_word(word) or is_function_word_abroad(word) or says_when(word) or is_a_place(word.capitalize())


#: a household named by its surname as a sentence's subject, as each language writes one: an article, a capitalised
#: word, then a verb a household does (recognizers.yaml household_subject_articles and household_subject_verbs, one
#: group a language), maybe after other households joined to it ("de Peeters en de Claessens komen": each is matched
#: in its turn); the surname in the plural, with its "s", after English's "the" and German's "die" ("the
#: Vandevoordes will come", "die Pfefferkorns kommen"), as it is after the others ("les Vercauteren arrivent", "i
#: Bianchi arrivano", "os Carvalho chegam", "de Janssens komen"). Bounded lookbehind and lookahead: linear
_HOUSEHOLD_SURNAME = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
_FAMILY_SUBJECT = regex.compile("|".join(
    r"(?<![\w'’-])(?i:" + _alternatives(articles) + r")[^\S\n]+"
    + (rf"(?P<plural>{_HOUSEHOLD_SURNAME}s)" if set(articles) & set(rule_words()["household_plural_s_articles"])
       else rf"(?P<name>{_HOUSEHOLD_SURNAME})")
    + r"(?=(?:[^\S\n]+(?i:" + _alternatives(rule_words()["household_subject_joiners"]) + r")[^\S\n]+(?:(?i:"
    + _alternatives(articles) + rf")[^\S\n]+)?{_HOUSEHOLD_SURNAME}){{0,3}}"
    + r"[^\S\n]+(?i:" + _alternatives(verbs) + r")(?![\w'’-]))"
    for articles, verbs in zip(word_groups("household_subject_articles"), word_groups("household_subject_verbs"),
                               strict=True)))


def family_plural_named(text: str) -> list[Span]:
    """A household named by its surname as a sentence's subject ("the Vandevoordes will come": review 19 F3; "les
    Vercauteren arrivent", "die Pfefferkorns kommen", "i Bianchi arrivano": review 20 F11), in what a visitor writes:
    a surname as household_named reads one after "de familie", its plural's "s" aside, no place the lists know ("the
    Netherlands are", "las Vegas son"), no day ("the Mondays are busy") and no plural the lists know as no family's
    ("les Alpes", "die Beatles", "die Tickets": plurals_that_are_no_household); a band or a range the lists do not
    know is masked ("the Simpsons will": fail closed). Only where a visitor writes: a site's "the Classics are back"
    is its own text."""
    spans = []
    for m in _FAMILY_SUBJECT.finditer(text):
        group = "plural" if m.group("plural") else "name"
        word = m.group(group)
        surname = word[:-1] if group == "plural" else word
        if not (is_a_place(word) or is_a_place(surname) or names_a_place(m.group(0)) or says_when(surname)
                or word.casefold() in country_names() or plural_no_household(word)) and addressed_surname(surname):
            spans.append(Span(*m.span(group), "PERSON", 1.0, "shape"))
    return spans


#: a capitalised word opening a sentence or a clause (a value's start, or after a line break, or after ". ! ? … :
#: ; ," and a space or three), maybe after an opening quote, a bullet or an emoji, right before a verb that takes
#: a subject (recognizers.yaml subject_verbs): "… mag die op jullie parking? Lowie heeft ook pijn", "Léa a mal
#: depuis lundi", "Jonas hat Fieber", "ja, Noor heeft", "😢 Lowie heeft". Bounded lookbehinds and prefix: linear
_SENTENCE_SUBJECT = regex.compile(with_words(
    r"(?:(?<![^\n])|(?<=[.!?…:;,][^\S\n]{1,3}))(?:[^\S\n]|[\"“”„«»‘'(•\-\p{So}\p{Sk}\ufe0f\u200d]){0,6}"
    rf"({_GIVEN_NAME_WORD})"
    r"(?=[^\S\n]+(?i:{{subject_verbs}})(?![\w'’-]))"))


#: a full name as a sentence's subject, a known given name first ("Sanne De Vries heeft epilepsie"), as
#: _SENTENCE_SUBJECT reads a given name alone before its verb
_SENTENCE_SUBJECT_IN_FULL = regex.compile(with_words(
    r"(?:(?<![^\n])|(?<=[.!?…:;,][^\S\n]{1,3}))(?:[^\S\n]|[\"“”„«»‘'(•\-]){0,6}"
    r"((\p{Lu}[\p{Ll}'’]+)[^\S\n]+{{child_name}})"
    r"(?=[^\S\n]+(?i:{{subject_verbs}})(?![\w'’-]))"))


def _subjects_named_in_full(text: str) -> list[Span]:
    """The full names opening a sentence before its verb whose first word is a known given name (said of them:
    _said_statements)."""
    return [Span(*m.span(1), "PERSON", 1.0, "shape") for m in _SENTENCE_SUBJECT_IN_FULL.finditer(text)
            if is_given_name(m.group(2)) and not is_function_word(m.group(2))]


#: how far a place is, right after the verb after a sentence's subject, up to the sentence's mark or a word saying for
#: whom or from where ("Gent is te ver voor mij", "Paris is te ver."; not "Jordan is te ver gegaan"): recognizers.yaml
#: far_phrases. A few words of the text after the subject: bounded
_FAR_AWAY = regex.compile(with_words(
    r"[^\S\n]+(?i:{{subject_verbs}})[^\S\n]+(?i:{{far_phrases}})"
    r"(?=[^\S\n]*(?:[.,;:!?…)\n]|$)|[^\S\n]+(?i:{{far_phrase_ends}})(?![\w'’-]))"))


def sentence_subject_named(text: str) -> list[Span]:
    """A known given name alone as the subject of a sentence a visitor writes: "… op jullie parking? Lowie heeft
    ook pijn aan een melktand" (held-out round 18: a child named in a complaint typed before the child's own
    field teaches the taint). Not a function word ("Elle a mal", "Dan kan ik") nor a name far more often a word
    ("May I…", "Will you…", "Rose is my favourite colour": names.given_name_alone). Never read in the site's text,
    where a chat agent's "Sofie is aan het typen…" is no visitor's data (round 6). A given name that is a place's
    too ("Sofia heeft koorts", "Jordan is ziek", "Gent is te ver": names.a_place_and_a_given_name) is masked where
    the visitor wrote it, failing closed (review 16 F7), but never remembered (UNREMEMBERED): its taint would mask
    the site's "magazijn in Gent", "Citytrip Sofia" (review 15 F2). A place that is no given name stays, and so does
    one the sentence says is too far ("Gent is te ver voor mij": _FAR_AWAY, issue 9 item 13)."""
    spans = []
    for m in _SENTENCE_SUBJECT.finditer(text):
        name = m.group(1)
        if is_function_word(name) or a_relative_no_common_name(name):
            continue
        if is_a_place(name):
            if a_place_and_a_given_name(name) and not _FAR_AWAY.match(text, m.end(1)):
                spans.append(Span(*m.span(1), "PERSON", 1.0, UNREMEMBERED))
        elif given_name_alone(name):
            spans.append(Span(*m.span(1), "PERSON", 1.0, "shape"))
    return spans


#: a capitalised word right after a verb of fetching a person, or before one that ends its clause, a few words
#: between (recognizers.yaml pick_up_verbs, pick_up_verbs_last): "récupérer Inès", "pick up Noah", "darf Mia nicht
#: abholen", "mag Noah op woensdag ophalen". Bounded: a few words of the text after each capitalised word
_PICKED_UP = regex.compile(with_words(
    rf"(?<![\w'’-])(?i:{{{{pick_up_verbs}}}})[^\S\n]{{1,3}}(?P<after>{_GIVEN_NAME_WORD})(?![\w'’-])"
    rf"|(?<![\w'’-])(?P<before>{_GIVEN_NAME_WORD})"
    r"(?=(?:[^\S\n]{1,3}[\w'’-]{1,30}){0,4}?[^\S\n]{1,3}(?i:{{pick_up_verbs_last}})(?![\w'’-]))"))


def picked_up_named(text: str) -> list[Span]:
    """A given name common in the visitors' countries alone as the one a visitor's note says is (not) to be fetched,
    a child from school or day-care: "Le père ne peut pas récupérer Inès à la sortie", "der Vater darf Mia nicht
    abholen", "Oma mag Noah op woensdag ophalen" (review 31 F5: a custody note stored the child's name). Not a function
    word ("Sie", "Ik"), nor a name far more often a word (names.common_given_name_first); one that is a place's too is
    masked but never remembered, as sentence_subject_named's. Only where a visitor writes: the site's "Ophalen in de
    winkel" has no name to read."""
    spans = []
    for m in _PICKED_UP.finditer(text, overlapped=True):
        group = "after" if m.group("after") else "before"
        name = m.group(group)
        if not is_function_word(name) and common_given_name_first(name):
            spans.append(Span(*m.span(group), "PERSON", 1.0, UNREMEMBERED if is_a_place(name) else "shape"))
    return spans


#: a capitalised word right after a word that opens a clause inside a sentence (recognizers.yaml clause_openers): "zegt
#: dat Daan ziek is", "je crois que Léa a de la fièvre", "weil Jonas Fieber hat", "Noé et Théo arrivent"
_CLAUSE_OPENED = regex.compile(with_words(
    rf"(?<![\w'’-])(?i:{{{{clause_openers}}}})[^\S\n]{{1,3}}({_GIVEN_NAME_WORD})(?![\w'’-])"))


def clause_subject_named(text: str) -> list[Span]:
    """A given name common in the visitors' countries alone right after a word that opens a clause inside a sentence a
    visitor writes, its subject or its object as often ("Juf Marieke zegt dat Daan ziek is", "je crois que Léa a de la
    fièvre", "Noé et Théo arrivent"): Dutch and German put the verb last there, so no verb after it says a subject as
    sentence_subject_named reads one. Not a function word, nor a name far more often a word (names.
    common_given_name_first: "and May is fine"), nor a place's ("vit maintenant en France", "et Florence est belle":
    a place after such a word is as often the place). Only where a visitor writes."""
    spans = []
    for m in _CLAUSE_OPENED.finditer(text):
        name = m.group(1)
        if not is_function_word(name) and common_given_name_first(name) and not is_a_place(name):
            spans.append(Span(*m.span(1), "PERSON", 1.0, "shape"))
    return spans


#: the separators between the parts of a site's list entry: "Zorbalie Quendt (facturatie)", "Zorbalie Quendt -
#: Kerkstraat 12", "Quendt, Zorbalie", "Levering: Zorbalie Quendt"
_ENTRY_PARTS = regex.compile(r"[^\S\n]+[-–—|·/][^\S\n]+|[(),;:|·\[\]]")
#: a title before a surname ("Mevr. Zorbalie Quendt", "Dhr. Quendt"): the capitalised words after it are a person's
_TITLED = regex.compile(rf"(?:{with_words('{{person_titles}}')})[^\S\n]+(?={_NAME_WORD})")
#: an article and one capitalised word, the whole of an entry's part ("De Schalk", "Het Bolwerk", "La Ferme"): a house's
#: name (a sports hall's, a cultural centre's, an inn's), as Flemish and Walloon venues are called; a person in a
#: site's list has a given name or a title before such a surname ("Jan De Schalk", "Mevr. De Schalk")
_HOUSE_NAME = regex.compile(rf"(?:De|Het|Den|La|Le|Les|['’]t)[^\S\n]+{_PROPER_WORD}")


def list_entry_names(text: str) -> list[Span]:
    """The people a site's list entry (an <option>'s text) names: a full name as the entry or as one of its parts
    ("Wouter Maenhout", "Zorbalie Quendt (facturatie)", "Zorbalie Quendt - Kerkstraat 12"), the capitalised words
    after a title ("Mevr. Zorbalie Quendt", "Dhr. Quendt"), a surname and a given name around a comma ("Quendt,
    Zorbalie"; not a place and its country: "Gent, België"). A part with a lower-case word or a digit is a product's
    ("Pneus hiver Michelin Alpin 6 — montage"), its words no person's, and so is a part that a product or a trade
    word says is one ("Gaz Condroz Variable", "Mosa Variable": names.is_business_name) and a country's name ("Costa
    Rica", "Verenigd Koninkrijk", "Congolese (Democratische Republiek Congo)": a country select's, round 22) and an
    article with one word ("Willebroek – De Schalk": a venue, _HOUSE_NAME, round 24); an address is left to the
    detectors."""
    spans: list[Span] = []
    cuts = [0, *(i for m in _ENTRY_PARTS.finditer(text) for i in (m.start(), m.end())), len(text)]
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    for start, end in parts:
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end -= len(text[start:end]) - len(text[start:end].rstrip())
        titled = _TITLED.match(text, start, end)
        named = text[titled.end():end] if titled else ""  # a surname, or a full name, after the title
        whole = not titled and not _HOUSE_NAME.fullmatch(text, start, end) and name_shaped(text[start:end])
        if (named and (_PROPER.fullmatch(named) or name_shaped(named)) or whole) and \
                not is_business_name(text, titled.end() if titled else start, end) and \
                not names_a_place(text[start:end]):
            spans.append(Span(titled.end() if titled else start, end, "PERSON", 1.0, "shape"))
    words = [text[start:end].strip() for start, end in parts]
    if len(words) == 2 and text[parts[0][1]:parts[1][0]] == "," and all(_PROPER.fullmatch(w) for w in words) \
            and not {w.casefold() for w in words} & country_names():
        spans.append(Span(text.index(words[0]), parts[1][0] + text.index(words[1], parts[1][0]) - parts[1][0]
                          + len(words[1]), "PERSON", 1.0, "shape"))
    return spans


#: a letter of a script other than Latin, cased or not (Cyrillic, Greek, Armenian; Arabic, Hebrew, Chinese, Thai,
#: Devanagari…); not a symbol shared by scripts (the "µ" of "5 µg", the "ª" "º" of "nº 12": Common or Latin)
_OTHER_SCRIPT_LETTER = r"(?![\p{Latin}\p{Common}\p{Inherited}])\p{L}"
#: a word holding such a letter, whole (with its marks, joiners, tatweel, and any Latin look-alike letter in it:
#: "Ivаn" with a Cyrillic "а"), one or more in a row. From a word's start only: linear in the text
_OTHER_SCRIPT_WORD = rf"(?<![\w'’-])[\w'’-]*?{_OTHER_SCRIPT_LETTER}[\w'’-]*"
_OTHER_SCRIPT_RUN = regex.compile(rf"{_OTHER_SCRIPT_WORD}(?:[^\S\n]+{_OTHER_SCRIPT_WORD})*")


def other_script_runs(text: str) -> list[Span]:
    """In what a visitor writes, words in a script other than Latin ("Ma collègue فاطمة الزهراء الإدريسي peut en
    témoigner", "mijn buurman иван петров neemt het aan"): no model here reads those scripts, no capital tells a
    name in a caseless one, and a name in a cased one is written in lower case as often (no Latin list of given
    names knows "иван"), so the run is masked, failing closed. The site's own text in such a script (a language
    menu's "العربية", "Ελληνικά") is never read so: only a visitor's text is. In the site's text, a name in a
    caseless script is read only after words that say a person follows (recognizers.yaml caseless_script_name:
    "Élève : محمد العلوي")."""
    return [Span(*m.span(), "PERSON", 1.0, "shape") for m in _OTHER_SCRIPT_RUN.finditer(text)]


#: the word a visitor gives as a password after the words for one and a verb or a mark ("my password is hunter2",
#: "… mot de passe: Soleil2024! …", recognizers.yaml password_words, password_givers), or right after them (bare):
#: up to the next space (and a comma before a log line's next key: _GIVEN_TOKEN). The words may end a compound
#: ("WLAN-Passwort"), and say what the password is for in up to three words before the verb or the mark ("mijn
#: wachtwoord voor de app is …", "mon mot de passe pour le site est …": password_for_words)
_SAID_SECRET = regex.compile(with_words(
    r"(?<![\w-])(?:\p{L}{2,12}-)?(?i:{{password_words}})"
    r"(?:(?:[^\S\n]+(?i:{{password_for_words}})(?:[^\S\n]+[^\s:=]{1,20}){1,3}?)?"
    r"(?:[^\S\n]*(?:=|:)|[^\S\n]+(?i:{{password_givers}})(?![\w'’-]))"
    r"|[^\S\n]++(?P<bare>))[^\S\n]*(\S{1,100})"))
_PASSWORD_STATES = frozenset(word.casefold() for word in rule_words()["password_states"])
#: a word given right after the words for a password, with no verb or mark between, is the password when it is shaped
#: as one: a digit in it, a capital after a small letter, a mark beside a letter ("mijn wachtwoord zonnebloem42 werkt
#: niet", "my password KoffieBoon"); words are not ("my password reset link", "wachtwoord vergeten")
_PASSWORD_SHAPE = regex.compile(r"\d|\p{Ll}\p{Lu}|\w[^\w\s'’-]|[^\w\s'’-]\w")


def said_secrets(text: str) -> list[Span]:
    """A password or a PIN a visitor gives in a sentence, wherever it stands in the line ("bonjour, mon mot de passe:
    Soleil2024! ne marche plus", "my password is hunter2 but it fails", "mijn wachtwoord is Fiets123"): the word after
    the words for one and a verb or a mark, masked whole and remembered; the rest of the line stays readable. Not a
    word saying how the password is ("is vergeten", "est incorrect", "ist falsch": password_states) nor a function
    word ("is niet meer geldig", "is not working", "è stata cambiata", "es muy larga"). Right after the words, with no verb or mark between, only a word
    shaped as a password ("mijn wachtwoord zonnebloem42 werkt niet": _PASSWORD_SHAPE; not "my password reset link").
    Only where a visitor writes: a site's "Your password is case-sensitive" is its own text."""
    spans = []
    for m in _SAID_SECRET.finditer(text):
        given = m.group(2).strip(".,;:!?'\"()«»“”‘’")
        word = given.casefold()
        if word and word not in _PASSWORD_STATES and not is_function_word(word) and not is_function_word_abroad(word) \
                and (m.group("bare") is None or _PASSWORD_SHAPE.search(given)):
            token = _GIVEN_TOKEN.match(text, m.start(2))  # up to a comma before a log line's next key
            start, end = _inside(text, m.start(2), token.end() if token else m.end(2), _AFTER_SAID)
            spans.append(Span(start, max(start + 1, end), "SECRET", 1.0, "shape"))
    return spans


#: a statement of the first person, up to four words, then a state of health or another special category
#: (recognizers.yaml said_self, said_health_word: a word or a compound's ending, said_justice, said_special_word: a
#: belief, a practice, a union, a residence status; said_origin with the people's word before it, a "van" or a "d'"
#: between in Dutch and French word order: "Marokkaans van afkomst"; said_roots; said_ethnic, a group or a skin colour
#: beside a person's noun after a copula: "Wir sind Sinti", "une femme noire"), with the rest of its clause up to three
#: words ("zwanger van 20 weken"), further after a word saying the person is treated for it (up to six words before that
#: word and eight after it, said_care: "Notre fille est suivie à l'hôpital Avicenne pour un diabète"); or a practice
#: before the first person's word in its clause ("pendant le ramadan je jeûne"); or a word whose Turkish ending says the
#: person, with the word before it ("şeker hastasıyım"), and so a care or a disability grade with its number, someone's
#: whoever says it ("classée GIR 2", "Pflegegrad 3": said_care_grade), and a residence status's papers no other meaning
#: shares ("(Duldung bis März)", "une OQTF": said_residence_papers). Words whole and taken whole (possessive: no word is
#: tried in pieces), a listed one with its plural or adjective ending ("moslims", "schwules": said_inflection), each
#: after a space or an elision's apostrophe ("j'ai une hernie"): linear, a start tries a few words at most
#: a word, or an age in brackets after a person's noun or name ("Mijn zoon Ji-ho (6) heeft ADHD": held-out round 43,
#: probed beside the page, where the bracket ended the statement before its word)
_SAID_WORD = r"(?:[^\s,.;:!?()'’]++|\(\d{1,3}\))"
_SAID_GAP = r"(?:[^\S\n]+|['’])"
_SAID_CLAUSE_END = rf"(?:[^\S\n]+{_SAID_WORD}){{0,3}}+"
#: a further state or category said within five words of a statement's word ("ver.di und der IG Metall", "musulmane et
#: mon mari est juif", "zwanger en mijn man heeft diabetes"): the three words after the first swallowed the second's
#: person, and its word was stored (review 33 F2); read from the statement's word on, as often as one follows, across
#: a comma or a semicolon of the same sentence too ("Ma fille est épileptique, traitement Keppra": the medicine was stored)
_SAID_FURTHER_GAP = r"(?:[,;]?[^\S\n]+|['’])"
_SAID_FURTHER = regex.compile(with_words(
    rf"(?:{_SAID_FURTHER_GAP}{_SAID_WORD}){{0,5}}?{_SAID_FURTHER_GAP}"
    rf"(?i:{{{{said_health_word}}}}|{{{{said_special_word}}}})(?![\w'’-])"))
_SAID_CLAUSE_WORDS = regex.compile(_SAID_CLAUSE_END)
#: a child's age between the person and what is said of them, with the clause it closes ("Onze zoon is 9 jaar en
#: heeft epilepsie", "Ma fille a 6 ans et elle est diabétique", "Unser Sohn (8) hat Asthma"; review 34 F4): read as
#: one word of the four, so that the verb after it is still within reach
_SAID_AGE = (r"\(?\d{1,3}\)?(?:[^\S\n]+(?i:{{said_age_words}}))?(?![\w'’-])"
             r"(?:[^\S\n]+(?i:{{said_age_joiners}})(?:[^\S\n]+(?i:{{said_age_pronouns}}))?(?![\w'’-]))?")
#: a child's name and birth date in brackets after the person's word, with the date's words ("Mijn dochter Noor Ouali
#: (°12/03/2017) heeft diabetes", "Ma fille Léa Martin (née le 12/03/2017) est diabétique"; review 35 F6): read as one
#: word of the four, as an age is, the bracket holding a year or a date with a short year
_SAID_BORN = (r"(?:[^\s,.;:!?()'’]++[^\S\n]+){0,3}\([^()\n]{0,24}?"
              r"(?:(?<!\d)(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d\d)(?!\d)[^()\n]{0,12}?\)")
_SAID_OF_THE_SUBJECT = (rf"(?P<said>(?:{_SAID_GAP}{_SAID_WORD}){{0,6}}?{_SAID_GAP}(?i:{{{{said_care}}}})(?![\w'’-])"
                        rf"(?:{_SAID_GAP}{_SAID_WORD}){{0,8}}?"
                        rf"|(?:{_SAID_GAP}(?:{_SAID_BORN}|{_SAID_AGE}|{_SAID_WORD})){{0,4}}?)"
                        rf"{_SAID_GAP}"
                        rf"(?:(?P<health>(?i:{{{{said_health_word}}}}))"
                        rf"|(?P<justice>(?i:{{{{said_justice}}}}|{{{{said_child_protection}}}}"
                        rf"|{{{{said_justice_alone}}}}))"
                        rf"|(?P<special>(?i:{{{{said_special_word}}}}))|(?P<means>(?i:{{{{said_means}}}}))"
                        rf"|(?P<origin>(?:{_SAID_WORD}[^\S\n]+(?:(?i:van|von|de)[^\S\n]+|(?i:d)['’])?)?"
                        rf"(?i:{{{{said_origin}}}})|{{{{said_roots}}}})"
                        rf"|(?P<ethnic>(?i:{{{{said_ethnic}}}}))"
                        # a religious diet after a verb of eating and up to four words, a comma among them ("Mon fils
                        # mange halal", "Onze kinderen eten geen varkensvlees, enkel halal"; review 35 F4): a
                        # visitor's "un menu halal pour 40 personnes" orders it
                        rf"|(?i:{{{{said_eating}}}})(?:,?{_SAID_GAP}{_SAID_WORD}){{0,4}}?,?{_SAID_GAP}"
                        rf"(?P<diet>(?i:(?:{{{{said_diet}}}}){{{{said_inflection}}}}?)))(?![\w'’-])"
                        + _SAID_CLAUSE_END)
#: an answer after a special category's label: up to the line's, the clause's or the sentence's end, 80 characters at
#: most, as labelled_values reads a value ("keine (ausgetreten 2019)", "röm.-kath."); bounded: linear
_SAID_ANSWER = r"[^\s,;|·•—.!?](?:[^\n,;|·•—.!?]|[.!?](?![^\S\n]|$)){0,79}"
#: a place of worship by its word or a Dutch or German compound's end ("Sint-Jacobskerk"), or a service
_SAID_WORSHIP = r"(?:{{said_worship_services}}|[\p{L}-]*(?:{{said_worship_places}}))"
_SAID_SPECIAL = regex.compile(with_words(
    r"(?<![\w'’-])(?i:{{said_self}})(?![\w-])" + _SAID_OF_THE_SUBJECT +
    rf"|(?P<practice_first>(?<![\w'’-])(?i:{{{{said_practice}}}}|{{{{said_child_protection}}}})"
    rf"(?:[^\S\n]+{_SAID_WORD}){{0,2}}?[^\S\n]+"
    rf"(?i:{{{{said_self}}}})(?![\w'’-])" + _SAID_CLAUSE_END + ")"
    rf"|(?P<in_person>(?<![\w'’-])(?:{_SAID_WORD}[^\S\n]+)?(?:(?P<health_ending>(?i:{{{{said_health_in_person}}}}"
    rf"|{{{{said_care_grade}}}}))"
    rf"|(?i:{{{{said_belief_in_person}}}}|(?:{{{{said_residence_papers}}}}){{{{said_inflection}}}}?)))(?![\w'’-])"
    # a disability's body or help, a protection measure, no other meaning shares: the word alone, so that what is
    # remembered of it is no run of the site's words ("Ma fille a un PPS (MDPH)", "Gegen den Vater besteht ein
    # Kontaktverbot"; review 34 F2, F5), after an elision's apostrophe too ("m'injecter de l'insuline": review 35 F10)
    rf"|(?P<alone>(?:(?<![\w'’-])|(?<=(?<![\w'’-])\p{{L}}['’]))"
    rf"(?i:(?P<health_alone>{{{{said_health_alone}}}})|{{{{said_justice_alone}}}})"
    rf"{{{{said_inflection}}}}?)(?![\w'’-])"
    # a party an everyday word spells ("PS", "Grünen", "Groen"), after a verb of voting or a member's word and up to
    # three words ("Ich wähle seit Jahren die Grünen", "militant au PS") or before the participle ("Ich habe die
    # Grünen gewählt"; review 32 F1); so a union an everyday word spells after a member's or a delegate's word
    # ("délégué FO", "Adhérente à Solidaires"; review 33 F1)
    rf"|(?P<voted>(?<![\w'’-])(?i:(?:{{{{said_voting}}}})(?:{_SAID_GAP}{_SAID_WORD}){{0,3}}?{_SAID_GAP}"
    rf"(?:{{{{said_parties_everyday}}}}|{{{{said_parties}}}}|{{{{said_union_after_member}}}})"
    rf"|(?:{{{{said_parties_everyday}}}})(?:[^\S\n]+{_SAID_WORD}){{0,2}}?[^\S\n]+(?:{{{{said_voted}}}}))(?![\w'’-])"
    + _SAID_CLAUSE_END + ")"
    # a place of worship or a service one goes to, after a verb of going in the first person and up to four words
    # ("Ik ga elke vrijdag naar de moskee", "Je vais à la messe"; review 32 F9)
    rf"|(?P<worship>(?<![\w'’-])(?i:(?:{{{{said_going}}}})(?:{_SAID_GAP}{_SAID_WORD}){{0,4}}?{_SAID_GAP}"
    rf"{_SAID_WORSHIP})(?![\w'’-])" + _SAID_CLAUSE_END + ")"
    # a special category's label and her answer after its colon ("Konfession: evangelisch", "Godsdienst: islam",
    # "Religion : catholique pratiquante"; review 35 F1), as its form's field would hold it
    rf"|(?<![\w'’-])(?i:{{{{said_labels}}}})\p{{L}}{{0,20}}[^\S\n]{{0,2}}:[^\S\n]*(?P<labelled>{_SAID_ANSWER})"
    # a state of health or a belief opening what a visitor writes, a line, a sentence, a list's item or a bracket, with
    # no person's word: her answer to a form's "Bijzonderheden", "Particularités", "Hinweise" about her child ("diabetes
    # type 1", "ADHD, neemt Rilatine", "sans porc (musulmane)"; review 34 F3) is hers, as is what she lists, and so a
    # medicine after the verb of taking it there
    r"|(?P<opening>(?<=(?:^|\n)[^\S\n]{0,3}(?:[-*•·][^\S\n]{0,3})?|[,;(][^\S\n]{0,3}|[.!?][^\S\n]{1,3})"
    r"(?:(?i:{{said_intake_verbs}})[^\S\n]+)?"
    r"(?:(?P<opening_health>(?i:{{said_health_word}}))|(?i:{{said_special_word}})))"
    r"(?![\w'’-])" + _SAID_CLAUSE_END +
    # a religion said by a feast or an observance wherever a visitor writes it: an absence's reason ("afwezig wegens
    # het Suikerfeest", "pour l'Aïd el-Kebir", "Wir feiern das Zuckerfest"; review 34 F6), a child's fast
    r"|(?P<observance>(?<![\w-])(?i:{{said_observances}}))(?![\w'’-])" + _SAID_CLAUSE_END))
#: the same said of a person the visitor names as the sentence's subject ("Lotte heeft epilepsie": her child)
_SAID_OF_A_NAMED_SUBJECT = regex.compile(with_words(_SAID_OF_THE_SUBJECT))
#: the words alone: most texts hold none, and one pass over them says so at a fraction of the statements' cost
_SAID_STATE = regex.compile(with_words(
    r"(?<![\w-])(?i:{{said_health_word}}|{{said_special_word}}|{{said_justice}}|{{said_means}}|{{said_origin}}"
    r"|{{said_health_in_person}}|{{said_care_grade}}|{{said_belief_in_person}}|{{said_parties_everyday}}"
    r"|{{said_ethnic_groups}}|{{said_ethnic_adjectives}}|{{said_roots}}|{{said_union_after_member}}"
    r"|{{said_child_protection}}|{{said_justice_alone}}|{{said_health_alone}}|{{said_observances}}"
    r"|(?:{{said_diet}}){{said_inflection}}?|(?:{{said_labels}})\p{L}{0,20}|"
    + _SAID_WORSHIP + r")(?![\w'’-])"))
#: where a statement's masked part starts: the whole of one the first person's word stands in or after, the words after
#: the person for criminal-justice data (the verb says it too: "Mon fils sort de prison"), else its word
_SAID_FROM = ("voted", "worship", "in_person", "alone", "practice_first", "health", "justice", "origin", "ethnic",
              "special", "means", "diet", "labelled", "opening", "observance")
#: the statements whose words are masked by where they stand, with no person's words before them: never remembered,
#: for their words alone are a site's too ("Diabetes type 1: wat is het?", "Gesloten wegens Suikerfeest")
_SAID_BY_PLACE = ("opening", "observance")


def said_special_categories(text: str) -> list[Span]:
    """A state of health, a belief or an orientation a visitor says of herself or her own in what she writes ("Ik ben
    zwanger van 20 weken", "j'ai une hernie", "mijn dochter heeft epilepsie", "je suis musulmane", "şeker hastasıyım";
    review 27 F4; a medicine taken, "Ik neem dagelijks sertraline 50 mg", review 31 F3), or of one she names as its
    subject ("Lotte heeft epilepsie", "Onze zoon heeft autisme"; review 29 F2): GDPR art. 9 data, masked from its word
    to its clause's end (HEALTH, SPECIAL_CATEGORY). Its words are never remembered alone: they are the site's own on a
    pharmacy's or a temple's pages, whose text a taint would mask; the statement a visitor typed is, after its first
    words (SAID, said_statement). So are a religious practice ("ik draag een hoofddoek"), a union's membership ("lid
    van het ABVV"), an ethnic origin or group ("d'origine rom", "Marokkaans van afkomst", "Wir sind Sinti"; review 33
    F3, F4), a residence status ("ik ben asielzoeker", "Ich habe nur eine Duldung": F8) and criminal-justice
    data, art. 10's ("Mon fils sort de prison"; review 30 F2-F4); a political opinion by one's party ("Je vote PTB",
    "Ich wähle seit Jahren die Grünen"; review 32 F1), a gender identity ("Je suis une femme trans", "Ik ben een
    transvrouw"; F7), a religion by the place of worship one goes to ("Ik ga elke vrijdag naar de moskee"; F9) or by
    the diet one eats ("Mon fils mange halal"; review 35 F4); and
    one's means, a social benefit or a debt settlement ("Ik leef van een leefloon", "Je suis en surendettement":
    SOCIAL_BENEFIT, as a form's pick). Only where a visitor writes (_with_visitor_shapes), never a search box's terms
    ("hernia kussen")."""
    return [Span(start, end, entity, 1.0, SAID) for _, start, end, entity in _said_statements(text)]


#: the words a page writes before what the visitor wrote, shown back to her, and their colon (recognizers.yaml
#: shown_back_labels: "Uw opmerking: …", "Votre message : …")
_SHOWN_BACK = regex.compile(with_words(r"(?<![\w'’-])(?i:{{shown_back_labels}})[^\S\n]*:"))


def said_shown_back(text: str) -> list[Span]:
    """A state of health or a belief said of oneself or one's own (said_special_categories) in the site's text after
    the words that say what follows is the visitor's own, shown back to her ("Uw opmerking: Mijn dochter heeft
    diabetes en epilepsie", "Votre message : Je suis séropositif"; review 35 F3): her words in the page's. Not the
    site's own first person without them: a FAQ's "Je suis enceinte, puis-je prendre ce médicament ?" stays."""
    if ":" not in text or not (label := _SHOWN_BACK.search(text)):
        return []
    offset = label.end()
    return [Span(span.start + offset, span.end + offset, span.entity, span.score, span.recognizer)
            for span in said_special_categories(text[offset:])]


def said_statement(text: str, span: Span) -> tuple[str, int] | None:
    """The statement a span of said_special_categories masks part of, from the first person's word (or the subject's
    name) to its clause's end ("Mijn dochter heeft epilepsie", "Ik ben zwanger van 20 weken"), and where its masked
    part starts in it: what a visitor typed, remembered so that a chat widget's bubble echoing her message is masked
    too (review 31 F2; Taint.add_statement)."""
    return next(((text[first:end], start - first) for first, start, end, _ in _said_statements(text)
                 if first is not None and (start, end) == (span.start, span.end)), None)


def _said_statements(text: str) -> list[tuple[int | None, int, int, str]]:
    """Each statement said_special_categories reads: (where it starts, None for one never remembered: _SAID_BY_PLACE;
    where its masked part starts, its end, HEALTH, SPECIAL_CATEGORY or SOCIAL_BENEFIT)."""
    statements: list[tuple[int | None, int, int, str]] = []
    if not _SAID_STATE.search(text):
        return statements
    said = [(m.start(), m) for m in _SAID_SPECIAL.finditer(text)]
    # a child or a partner named by a given name as the sentence's subject (review 29 F2), or by a full name ("Sanne
    # De Vries heeft epilepsie" in a textarea the page filled in; review 35 F3)
    said.extend((subject.start, m) for subject in [*sentence_subject_named(text), *_subjects_named_in_full(text)]
                if (m := _SAID_OF_A_NAMED_SUBJECT.match(text, subject.end)))
    reached: dict[int, int] = {}
    for first, m in said:
        groups = m.groupdict()
        start = next(m.start(group) for group in _SAID_FROM if groups.get(group) is not None)
        if groups["justice"] and (words := groups["said"].lstrip().lstrip("'’")):
            start = m.end("said") - len(words)
        health = (groups["health"] or groups.get("health_ending") or groups.get("health_alone")
                  or groups.get("opening_health"))
        entity = "HEALTH" if health else "SOCIAL_BENEFIT" if groups.get("means") is not None else "SPECIAL_CATEGORY"
        remembered = all(groups.get(group) is None for group in _SAID_BY_PLACE)
        statements.append((first if remembered else None, start, _said_further(text, m, reached), entity))
    return statements


def _said_further(text: str, m: regex.Match[str], reached: dict[int, int]) -> int:
    """Where a statement ends: its match's end, or the clause's end after the last state or category said within five
    words of the one before (_SAID_FURTHER). reached holds where a chain from each word's end already led, so that the
    statements inside one chain ("ik ben zwanger, ik ben zwanger…") read it once: linear."""
    said = next((m.end(group) for group in ("health", "justice", "special", "means", "origin", *_SAID_BY_PLACE)
                 if m.groupdict().get(group) is not None), m.end())
    passed = [said]
    while passed[-1] not in reached and (found := _SAID_FURTHER.match(text, passed[-1])):
        passed.append(found.end())
    further = reached.get(passed[-1], passed[-1])
    reached.update(dict.fromkeys(passed, further))
    return m.end() if further == said else max(m.end(), _SAID_CLAUSE_WORDS.match(text, further).end())


#: what a line writes around a secret it gives: quotes, brackets, Ruby's "=>" ('{:password=>"…"}')
_BEFORE_SAID, _AFTER_SAID = ">\"'(«“‘[{", "\"')»”’]}"


def _inside(text: str, start: int, end: int, after: str) -> tuple[int, int]:
    """The span of a given secret without what stands around it (_BEFORE_SAID, after)."""
    value = text[start:end]
    return start + len(value) - len(value.lstrip(_BEFORE_SAID)), end - (len(value) - len(value.rstrip(after)))


def payload_names(text: str) -> list[Span]:
    """How names are read in a payload's value a visitor wrote (a survey's answer, a draft under a capture's key):
    runs of capitalised words, and a given name alone opening a sentence before its verb ("Ninon est née le …": a
    draft sent by sendBeacon before the recording that teaches the name, peers round 11), that one masked but never
    remembered: the same keys hold the site's own lines in Sentry's breadcrumbs ("Sofie is aan het typen…"), whose
    taint masked the page's text (review 15 F1); and a password given in a sentence, as in a textarea (a Sentry user
    feedback's "comments": "mijn wachtwoord zonnebloem42 werkt niet", review 20 F12: said_secrets); and a state of
    health or a belief said of oneself or one's own, as in a textarea (a booking's {"remarks": "Ik ben zwanger …"}
    posted, a widget's event {"note": …}: review 29 F1, said_special_categories); and a full name typed in lower case,
    as in a textarea ({"remark": "abholung durch katarzyna nowak"}: review 31 F4, lower_case_full_names), never
    remembered either."""
    unremembered = [*sentence_subject_named(text), *picked_up_named(text), *lower_case_full_names(text),
                    *capitals_read_in_lower_case(text)]
    return with_partners(text, [
        *name_runs(text), *(Span(s.start, s.end, s.entity, s.score, UNREMEMBERED) for s in unremembered),
        *said_secrets(text), *said_special_categories(text), *other_script_runs(text)])


#: how a person's name (and a street's) is read from its shape alone, where a visitor wrote the text
NameShapes = Callable[[str], list[Span]]


def _with_visitor_shapes(names: NameShapes) -> NameShapes:
    """Beside the names the place reads: a street before its house number, a hamlet's name, a name greeted or signed
    in lower case, a given name alone as whose thing it is or as a sentence's or a clause's subject, a surname at whose
    home a parcel is left, words in a script other than Latin, a full name typed in lower case, a name written surname
    first, a password given in a sentence, a state of health or a belief said of oneself."""
    return lambda text: with_partners(text, [
        *names(text), *street_runs(text), *hamlet_runs(text), *greeted_in_lower_case(text), *signed_in_lower_case(text),
        *possessor_named(text), *household_named(text), *titled_lower_case_surname(text), *family_plural_named(text),
        *sentence_subject_named(text), *picked_up_named(text), *clause_subject_named(text), *other_script_runs(text),
        *lower_case_full_names(text), *surname_then_given_named(text), *capitals_read_in_lower_case(text),
        *said_secrets(text), *said_special_categories(text)])


def with_partners(text: str, spans: list[Span]) -> list[Span]:
    """The spans, and the second of two people named together after each name among them (names.partner_after): a
    couple where a visitor writes ("Mariage de Sarah & Youssef", "Liste van Lotte & Bram": review 31 F5, the second
    name stored), as the detectors read it after the names they find. Masked as the name before it is remembered."""
    partners = {partner: span.recognizer for span in spans if span.entity == "PERSON"
                and (partner := partner_after(text, span.end)) is not None}
    return [*spans, *(Span(start, end, "PERSON", 1.0, source) for (start, end), source in partners.items())]


_RUNS_AND_STREETS, _SHAPED_AND_STREETS = _with_visitor_shapes(name_runs), _with_visitor_shapes(name_shaped)


#: a one-line value that reads as a sentence: more than a full name's words, or a sentence's punctuation
_SENTENCE_WORDS = 4
_SENTENCE_MARK = re.compile(r"[,;:!?]|\.\s")


def _reads_as_sentence(text: str) -> bool:
    return len(text.split()) > _SENTENCE_WORDS or _SENTENCE_MARK.search(text) is not None


#: a typed one-line value of two to four words in capitals alone ("YSAURE QUENOUILLERE", "JAN DE VRIES")
_CAPITALS_NAME = regex.compile(r"\p{Lu}[\p{Lu}'’-]*\p{Lu}(?:[^\S\n]+\p{Lu}[\p{Lu}'’-]*\p{Lu}){1,3}")


def _line_or_sentence(text: str) -> list[Span]:
    """A value typed in a one-line field: a name as its whole value ("Ysaure Quenouillere"), or, when it
    reads as a sentence ("ik ben Ysaure Quenouillere, bel me"), the names in it as in a textarea. Typed
    there, two to four words in capitals are a name too ("YSAURE QUENOUILLERE "): while it was typed,
    its unfinished end was masked as a name's, and the space that settles it must not show it whole."""
    if _reads_as_sentence(text):
        return _RUNS_AND_STREETS(text)
    stripped = text.strip()
    if len(stripped) <= _MAX_FULL_NAME and _CAPITALS_NAME.fullmatch(stripped):
        start = text.index(stripped)
        return [Span(start, start + len(stripped), "PERSON", 1.0, "shape"), *street_runs(text)]
    return _SHAPED_AND_STREETS(text)


def names_by_shape(tag: str, editable: bool, search: bool, typed: bool = False) -> NameShapes | None:
    """Where a name's shape alone says a person: inside the sentences of a textarea or an
    editable region (name_runs), a whole one-line value or an attribute no browser shows
    (name_shaped); not a search box, where "Apple Watch Ultra" stays readable, nor the site's text. An
    <option>'s text (tag "option") is the site's list, read in an editable <select> only for a name that is a
    whole entry or one of its parts (list_entry_names): its entries name products ("Pneus hiver Michelin Alpin 6
    — montage"), and a server's entry holding a visitor's address is left to the detectors and the taint.
    A value typed in a one-line input that reads as a sentence is read as a textarea's (typed=True).
    A street without a street word before its house number is read there too (street_runs). A <select>'s value is its
    picked option's, read as the option is: a yacht "Bavaria Cruiser 37 · Zeemeeuw" picked is no street and its
    number (held-out round 28: masked, and remembered as an address, its option's text masked too)."""
    if search:
        return None
    if tag in ("option", "select"):  # the site's list: a name is an entry or its part ("Wouter Maenhout"), not a
        return list_entry_names  # product's words
    if tag == "textarea" or (not tag and editable):
        return _RUNS_AND_STREETS
    return _line_or_sentence if typed and tag == "input" else _SHAPED_AND_STREETS


#: in a search value, digit groups that write a person's data: a group of four digits or more (a year
#: of birth, a date, a client number: "1990", "12/03/1990") or eight digits in all (a phone, a national
#: number: "0478 91 35 27", "85.07.30-033.61"); a product's numbers are shorter or part of a word
#: ("nike air 270", "iphone 15 pro 256gb", "samsung galaxy s24")
_DIGIT_GROUPS = re.compile(r"(?<![\w.,/-])\+?\d(?:[\d \t./-]{0,40}\d)?(?![\w])")
_PERSONAL_GROUP, _PERSONAL_DIGITS = re.compile(r"\d{4}"), 8
#: an IBAN, grouped or not ("BE71 0961 2345 6769", "BE71096123456769"), and an e-mail's '@'
_ACCOUNT_OR_ADDRESS = re.compile(r"(?i)(?<![\w])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,}|@")


def _holds_personal_number(value: str) -> bool:
    value = spaces_folded(value)  # "BE71\u00a00961 …", "0478\u202f91 35 27": groups as detection reads them
    if _ACCOUNT_OR_ADDRESS.search(value):
        return True
    for run in _DIGIT_GROUPS.finditer(value):
        digits = run.group(0)
        if _PERSONAL_GROUP.search(digits) or sum(c.isdigit() for c in digits) >= _PERSONAL_DIGITS:
            return True
    return False


#: a name written surname first, a comma, then the given name ("Peeters, Jan"): a list's order, not a product's
_SURNAME_COMMA_GIVEN = regex.compile(rf"\s*({_NAME_WORD}(?:[^\S\n]+{_NAME_WORD})?),[^\S\n]*({_PROPER_WORD})\s*")


def _surname_first(value: str) -> bool:
    return bool((match := _SURNAME_COMMA_GIVEN.fullmatch(value)) and is_given_name(match.group(2)))


def a_person_searched(value: str, found: list[Span]) -> list[Span]:
    """The spans of a search value (a search box's, a search URL's query). A product search holds no
    personal data; one that holds some (what the detector found: a name, an IBAN, a phone) is about a
    person, and what sits beside it is the same person's ("Amélie Vermeulen BE71 0961 …"): the whole
    value is masked. So is one where capitalised words stand beside a number a person's data is
    written with ("Ysoline Daemers-Quendt 2024", "Jan Peeters 1990"), which no detector reads as a
    name there, and a name written surname first ("Peeters, Jan", "kowalczyk anna", "VERHAEGHE Griet": review 22 F3,
    where only the given name's growing end was masked)."""
    stripped = value.strip()
    if not stripped or not (found or _surname_first(value) or surname_then_given_named(value)
                            or (_holds_personal_number(value) and name_runs(value))):
        return found
    start = value.index(stripped)
    return [*found, Span(start, start + len(stripped), found[0].entity if found else "PERSON", 1.0, "search.person")]


#: the recognizer (rules/recognizers.yaml) of a surname alone after an address line's "T.a.v.", "c/o", "z.H."
_ADDRESSEE = "addressed_surname"


class TextSlot(Slot):
    """One free text (a text node, an attribute, a snapshot value): detected spans are masked.
    names: how a name is read from its shape alone there (names_by_shape), or None: the site's
    words (a heading, a tooltip). search: a search box's value (a_person_searched). grows: the text
    may have been taken while it was typed (an editable region's text, a field's value in a full
    snapshot, which a recorder takes again in the middle of typing: rrweb's checkoutEveryNth), so its
    end is masked where it still grows into a value ("… op 0472 61", "Phoenixstr."), as a text the
    page writes has its end masked (trailing_fragment, settled).

    A `name=value` pair inside the text (a form-encoded body, a URL inside a longer text such as
    autocapture's $elements_chain) is read as a URL's query is, and a `"key":"value"` pair as a
    payload's key is (JSON written into a string: a console line, a stringified form state, JSON inside it; a
    script's object, an XML element: written_pairs): its
    value is masked whole when the name says what it holds ("tel=", "naam"), and a pair's
    percent-decoded form is scanned too ("%2B31%206%20…" is a phone number only once decoded), the
    value masked whole when that finds anything. A multipart/form-data body's parts are pairs alike
    (their values on their own lines): the body is then structure, names are not read from the shape
    of its whole text. A pair whose name says the visitor wrote its text ("opmerking") has names read
    from their shape in its value. taint_shapes false: what only those shapes find is masked, and left in
    `shaped` for the batch to remember unless it is the site's own words (a text the app composed from
    fields and the site's: its product's name read as a name must not mask the product everywhere else).
    page_text: a text node of the page, nobody typing in it, where the site's premises are read by their
    opening hours (premises_with_hours), and whom its address lines are for as a person only when a title or a
    given name says so (names.addressee_said_a_person: "T.a.v. Logistiek" is the site's department)."""

    def __init__(self, cell: Cell, node: int | None, rule: str, names: NameShapes | None = None,
                 search: bool = False, grows: bool = False, taint_shapes: bool = True, page_text: bool = False):
        self.cell, self.node, self.rule, self.names, self.search = cell, node, rule, names, search
        self.grows, self.taint_shapes, self.page_text = grows, taint_shapes, page_text
        self.shaped: list[Span] = []  # (taint_shapes false) what only the shapes found, not tainted here
        text = cell.get()
        self.texts = [text]
        self.lines: list[tuple[int, int]] = []  # (index in texts, offset) of the text read in its line, each reading
        # (start, end, name, index of its first decoded text or 0 (-1: a file's name), how many decoded texts)
        self.pairs: list[tuple[int, int, str, int, int]] = []
        if len(text) > MAX_SCANNED:  # masked whole unread
            return
        if "=" in text:
            for match in form_pairs(text):
                decoded = [reading for reading in _readings(match.group(2), True) if reading != match.group(2)]
                asked = len(self.texts) if decoded else 0
                self.texts.extend(decoded)
                self.pairs.append((*match.span(2), unquote_plus(match.group(1)), asked, len(decoded)))
            parts = multipart_parts(text)
            self.pairs.extend((start, end, name, 0, 0) for start, end, name in parts)
            if parts:  # a form's body: structure, its values read by their fields' names, not its whole text
                self.names = None
                # but for the names of the files it sends: what the visitor has, as a file input's value
                self.pairs.extend((start, end, "", -1, 0) for start, end in multipart_files(text))
        # JSON, a script's object, XML written into a string: '{"naam":"…"}', "{ naam: '…' }"
        self.pairs.extend((start, end, key, 0, 0) for start, end, key in written_pairs(text))
        # a CSV's cells under their column's name: "namn;postnummer\nSture Wallin;413 04"
        self.pairs.extend((start, end, column, 0, 0) for start, end, column in table_cells(text))

    @property
    def encoded_pairs(self) -> bool:
        """Whether the text holds a name=value pair whose value reads otherwise percent-decoded."""
        return any(readings for *_, readings in self.pairs)

    def mask_echoes(self, ranges: Callable[[str], list[tuple[int, int]]], masker: Masker) -> bool:
        """The taint pass on the text's form-encoded pairs, each value percent-decoded, as a URL's query is
        (UrlSlot.mask_echoes): a recorder writes a FormData body "famille=%C3%89lo%C3%AFse%20d'Hondt", whose raw
        words are not the value's. A value that echoes a tainted one is masked whole (its encoded length is not
        the decoded one's). Whether anything was masked. Linear: each pair is decoded and looked at once."""
        text = self.cell.get()
        if not isinstance(text, str) or len(text) > MAX_SCANNED:
            return False
        found = [(*match.span(2), "TAINT") for match in _FORM_PAIR.finditer(text)
                 if any(ranges(reading) for reading in _readings(match.group(2), True) if reading != match.group(2))]
        if found:
            self.cell.set(masker.spans(text, found))
        return bool(found)

    def read_with(self, before: str, after: str) -> None:
        """The text is also read between the text of its line around it (a word in its own inline
        element): what is found there across the text is masked in it."""
        self.lines.append((len(self.texts), len(before)))
        self.texts.append(before + self.texts[0] + after)

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        text = self.texts[0]
        if unread(found[0]):  # masked whole unread: no rule reads it either
            spans, growing = found[0], []
        else:
            spans, growing = self._read(found, work)
        if spans or growing:
            if not self.taint_shapes:
                self.shaped = [s for s in spans if s.recognizer == "shape"]
            work.taint_spans(text, spans if self.taint_shapes else [s for s in spans if s.recognizer != "shape"])
            self.cell.set(work.masker.spans(text, [*((s.start, s.end, s.entity) for s in spans), *growing]))
            work.remarks.extend(Remark(self.rule, s.entity, "span", self.node) for s in spans)
            work.remarks.extend(Remark(self.rule, e, "span", self.node) for e in dict.fromkeys(e for _, _, e in growing))

    def _read(self, found: list[list[Span]], work: Redacting) -> tuple[list[Span], list[tuple[int, int, str]]]:
        """The spans of the text, what the detector found and the rules here; and what is masked but not tainted:
        its end that still grows, the pieces it holds of a value found across its line."""
        labelled = work.read(site_labelled_values if self.page_text else labelled_values, self.texts[0],
                             work.label_meaning)
        spans = [*found[0], *with_found_ends(self.texts[0], labelled, found[0])]
        if self.page_text:  # the site's words: its premises' address beside its hours; the visitor's shown back
            spans = without_site_addresses(self.texts[0], spans, premises_with_hours)
            spans.extend(work.read(said_shown_back, self.texts[0]))
        if self.names is not None:
            spans.extend(work.read(self.names, self.texts[0]))
        if self.search:
            spans = work.read(a_person_searched, self.texts[0], tuple(spans))
        clipped: list[Span] = []  # a piece of a value found across the line: masked, not tainted
        # and a link that calls a number, written in the text: a phone's by its scheme whatever its digits, masked and
        # not remembered, as in an href (UrlSlot: the site links its own numbers). Held-out peers round 33: the
        # $elements masked a clicked link's "tel:+5215512345678", the $elements_chain beside them kept it
        if ":" in self.texts[0]:
            clipped.extend(Span(*m.span(1), "PHONE_NUMBER", 1.0, "url.dialled")
                           for m in _DIALLED_IN_TEXT.finditer(self.texts[0]))
        for index, offset in self.lines:
            length = len(self.texts[0])
            for span in found[index]:
                start, end = span.start - offset, span.end - offset
                if 0 <= start and end <= length:
                    spans.append(Span(start, end, span.entity, span.score, span.recognizer))
                elif max(start, 0) < min(end, length):
                    # the piece alone is no value: remembered, the "+30" of a Greek number written a word a node
                    # ("(+30 694 512 3870" in a spell-checker's preview) masked every "17:30" of the session
                    clipped.append(Span(max(start, 0), min(end, length), span.entity, span.score, span.recognizer))
        if self.page_text:  # the site's own return address: "T.a.v. Logistiek", "c/o Regus Brussels"
            spans, clipped = ([s for s in read if s.recognizer != _ADDRESSEE
                               or addressee_said_a_person(self.texts[0], s.start, s.end)] for read in (spans, clipped))
        for start, end, name, asked, readings in self.pairs:
            if asked < 0:  # a multipart part's file name
                spans.append(Span(start, end, FILE_NAME, 1.0, "pair"))
                continue
            value = self.texts[asked] if asked else self.texts[0][start:end]
            # a pair's value is one value, as a payload's is: a phone alone there is one without a word saying so
            meaning = work.parameter_meaning(name, value) or ("PHONE_NUMBER" if phone_without_plus(value) else "")
            inside = [] if meaning else [span for spans in found[asked:asked + readings] for span in spans]
            if meaning:
                inside = [Span(0, len(value), meaning, 1.0, "pair")]
            elif work.typed_parameter(name):  # "opmerking=…": what the visitor wrote, names read by their shape
                typed = work.read(name_runs, value)
                if asked:  # read decoded: the value masked whole
                    inside.extend(typed)
                else:
                    spans.extend(Span(start + s.start, start + s.end, s.entity, s.score, s.recognizer) for s in typed)
            if inside:
                work.taint_spans(value, inside)
                spans.append(Span(start, end, inside[0].entity, 1.0, "pair"))
        # what still grows is not tainted: only a prefix of what the next keystrokes complete
        # (a capitalised word is not taken for a name nobody knows there: a snapshot is most often settled)
        growing = (work.read(checkout_end, self.texts[0], self.search) if self.grows
                   else work.read(cut_short_end, self.texts[0]))
        return spans, [*((s.start, s.end, s.entity) for s in clipped), *growing]


#: a printf-style placeholder in a format's template (console.log's %s %d %i %f %o %O %c, Sentry's logentry and
#: logger.fmt, Python's %r), and "%%", a percent sign
_PLACEHOLDER = re.compile(r"%[sdifoOcjr%]")
#: a console argument that is a label: its last character a colon or an equals sign ("nom:", "lastName =")
_LABEL_ARGUMENT = re.compile(r"[:=]\s*\Z")


def template_with_arguments(values: list[Any]) -> bool:
    """Whether a list is a console call's arguments or a format's (console.log("Klant: %s", v), ("nom:", v)): a
    string first, with a placeholder, or a label among them that names the argument after it."""
    return len(values) > 1 and isinstance(values[0], str) and (
        _PLACEHOLDER.search(values[0]) is not None
        or any(isinstance(v, str) and _LABEL_ARGUMENT.search(v) for v in values[:-1]))


#: an argument's key that numbers it beside its template ("sentry.message.parameter.0", "param_1")
_NUMBERED_KEY = re.compile(r"[._](\d{1,3})\Z")


def format_arguments(holder: dict[str, Any]) -> tuple[str, list[Cell]] | None:
    """A template beside its arguments in one object, and the cells of its arguments in order: Sentry's logentry
    {"message": "Klant achternaam=%s", "params": […]}, a Sentry log's attributes {"sentry.message.template": {"value":
    …}, "sentry.message.parameter.0": {"value": …}}; None when the object holds no such template."""
    template, listed, numbered = None, None, []
    for key, value in holder.items():
        inner = value.get("value") if isinstance(value, dict) else value
        if template is None and isinstance(inner, str) and _PLACEHOLDER.search(inner):
            template = inner
        elif listed is None and isinstance(value, list):
            listed = value
        elif isinstance(key, str) and (number := _NUMBERED_KEY.search(key)) and _argument_text(inner) is not None:
            numbered.append((int(number[1]), Cell(value, "value") if isinstance(value, dict) else Cell(holder, key)))
    cells = [Cell(listed, i) for i in range(len(listed))] if listed is not None else [
        cell for _, cell in sorted(numbered, key=lambda pair: pair[0])]
    return (template, cells) if template is not None and cells else None


def _argument_text(value: Any) -> str | None:
    """An argument as a console or a format writes it into its line; None for what it writes otherwise (an object)."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class FilledTemplateSlot(TextSlot):
    """A format's template filled with its arguments, read as the one line a console or a log shows it (Sentry's
    logentry {"message": "Klant achternaam=%s", "params": […]}, a log's sentry.message.template and .parameter.N,
    console.log("lastName: %s", v) and console.log("nom:", v), whose arguments past the template follow it after a
    space): an argument alone is one word that neither a label nor a detector reads, what the line's labels and the
    detector find across an argument masks the argument whole. The template's own words are read in their own slot;
    built after the arguments' own slots, so that what it masks is not written over (redact.py requests)."""

    def __init__(self, template: str, arguments: list[Cell], rule: str):
        pieces: list[str] = []
        self.arguments: list[tuple[int, int, Cell, str]] = []  # (start, end) in the line, cell, text as written
        waiting = iter([(cell, text) for cell in arguments if (text := _argument_text(cell.get())) is not None])
        at = position = 0

        def put(text: str, cell: Cell | None = None) -> None:
            nonlocal at
            if cell is not None:
                self.arguments.append((at, at + len(text), cell, text))
            pieces.append(text)
            at += len(text)

        for match in _PLACEHOLDER.finditer(template):
            put(template[position:match.start()])
            if match.group() == "%%":
                put("%")
            elif (argument := next(waiting, None)) is not None:
                put(argument[1], argument[0])
            else:
                put(match.group())
            position = match.end()
        put(template[position:])
        for cell, text in waiting:
            put(" ")
            put(text, cell)
        super().__init__(Cell(["".join(pieces)], 0), None, rule)

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        spans = found[0] if unread(found[0]) else self._read(found, work)[0]
        for start, end, cell, text in self.arguments:
            if inside := _within(spans, start, end):
                work.taint_spans(text, inside)
                cell.set(work.masker.whole(text, inside[0].entity))
                work.remarks.append(Remark(self.rule, inside[0].entity, "mask", None))


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans found across [start, end) of a line, cut to it and counted from its start."""
    return [Span(max(s.start, start) - start, min(s.end, end) - start, s.entity, s.score, s.recognizer)
            for s in spans if s.start < end and start < s.end]


def table_rows(values: list[Any]) -> bool:
    """Whether a list is a table's rows as arrays (DataTables' {"data": [["Jan", "Peeters", "Gent"], …]}, Google
    Charts' rows, a CSV turned JSON): lists of as many cells each, two or more, each a string, a number or null, and
    a word among them."""
    width = len(values[0]) if values and isinstance(values[0], list) else 0
    return width > 1 and all(isinstance(row, list) and len(row) == width and all(
        cell is None or _argument_text(cell) is not None for cell in row) for row in values) and any(
        isinstance(cell, str) and any(c.isalpha() for c in cell) for row in values for cell in row)


def _given_then_surname(first: str, then: str) -> bool:
    """Whether two cells side by side are a given name and its surname ("Mathis" | "Vercruysse", "Omar" | "El
    Amrani"), which a detector does not read in a row's line of places and numbers."""
    words = then.split()
    return is_given_name(first) and " " not in first and 0 < len(words) <= 3 and all(map(capitalised_name_word, words))


class TableRowsSlot(Slot):
    """A table's rows as arrays, each read as the line its cells make (joined by a space), as a table's columns are
    judged whole (table_cells): a cell has no key to say what it holds and one word is too little for a detector
    ("Vandenbroucke" alone), its row beside it is enough ("Céline Vandenbroucke Gent …"). A column in which a row's
    line finds something is masked whole in every row (its other names read or not: fail closed), and a row that
    could not be read is masked whole. Linear: each row is joined and read once, each cell written once."""

    def __init__(self, rows: list[list[Any]], rule: str):
        self.rule = rule
        self.rows: list[list[tuple[int, int, Cell, str]]] = []  # each row's cells: (start, end) in its line, text
        self.texts = []
        for row in rows:
            cells, line, at = [], [], 0
            for i, value in enumerate(row):
                text = _argument_text(value)
                if text:
                    cells.append((at, at + len(text), Cell(row, i), text))
                    line.append(text)
                    at += len(text) + 1
            self.rows.append(cells)
            self.texts.append(" ".join(line))

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        columns: dict[int, str] = {}  # a column found to hold something: its entity
        for cells in self.rows:  # a given name and the capitalised surname beside it: a name's two columns
            for (_, _, given, first), (_, _, surname, then) in zip(cells, cells[1:]):
                if surname.key == given.key + 1 and _given_then_surname(first, then):
                    columns[given.key] = columns[surname.key] = "PERSON"
        for cells, spans in zip(self.rows, found):
            for start, end, cell, text in cells:
                if unread(spans):  # (past the batch's budget: this row alone, its columns judged by the others)
                    cell.set(work.masker.whole(text, spans[0].entity))
                elif inside := _within(spans, start, end):
                    columns.setdefault(cell.key, inside[0].entity)
                    work.taint_spans(text, inside)
        for cells in self.rows:
            for _, _, cell, text in cells:
                if cell.key in columns:
                    cell.set(work.masker.whole(text, columns[cell.key]))
        work.remarks.extend(Remark(self.rule, entity, "mask", None) for entity in columns.values())


#: a browser's User-Agent: "Mozilla/5.0", then products ("Chrome/131.0.0.0") and comments in brackets
#: ("(Macintosh; Intel Mac OS X 10_15_7)", "(KHTML, like Gecko)"), printable ASCII without "@"
_UA_TEXT = r"[\x20-\x27\x2a-\x3f\x41-\x7e]"
_USER_AGENT = re.compile(rf"Mozilla/5\.0(?: \({_UA_TEXT}{{1,200}}\)| [\x21-\x27\x2a-\x3f\x41-\x7e]{{1,60}}){{1,24}}")
#: a User-Agent's product token (RFC 9110 §10.1.5) and the version a browser writes after its name
#: ("Chrome/131.0.0.0", "Safari/537.36", "Mobile/15E148"): groups of six digits at most, no leading zero,
#: so that "Tel/0478913527" or "Mail/0471.23.45.98" is no version
_PRODUCT_VERSION = re.compile(r"(?<![\w@.-])[A-Za-z][A-Za-z0-9_-]{0,40}/"
                              r"(?P<version>(?:0|[1-9]\d{0,5})(?:\.(?:0|[1-9]\d{0,5})){0,4}(?:[A-Za-z][A-Za-z0-9]{0,10})?)"
                              r"(?![\w@/.-])")


def user_agent_shaped(value: Any) -> bool:
    """Whether a string is a browser's User-Agent (posthog-js's $raw_user_agent, a request's header)."""
    return isinstance(value, str) and len(value) <= 1000 and bool(_USER_AGENT.fullmatch(value))


def outside_product_versions(text: str, spans: list[Span]) -> list[Span]:
    """The spans of a User-Agent but those inside a product's version, which read as IP addresses
    ("Chrome/131.0.0.0") and are the browser's, and a product read as a token by its shape (24
    characters, letters of both cases and digits: "HeadlessChrome/150.0.0.0"); a product's name and its
    comments are read as any other text."""
    products = [(match.span(), match.span("version")) for match in _PRODUCT_VERSION.finditer(text)]

    def the_browsers(span: Span) -> bool:
        return any(start <= span.start and span.end <= end
                   for product, version in products
                   for start, end in ((version, product) if span.entity == "CREDENTIAL" else (version,)))
    return [span for span in spans if not the_browsers(span)]


class UserAgentSlot(TextSlot):
    """A User-Agent in a payload: scanned as text, its products' versions kept (outside_product_versions)."""

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        super().resolve([outside_product_versions(self.texts[0], found[0]), *found[1:]], work)


#: what a detector reads from words (a name, a street), not from a value's shape: in the site's structure (an id,
#: a class, an attribute selector's value) words are the site's ("product-card", "Jan" of a menu's id)
_WORD_ENTITIES = frozenset({"PERSON", "POSTAL_ADDRESS"})
#: the signs of a value a shape gives away: an e-mail's '@' before a domain, or eight digits with at most one
#: separator between two (a phone, an IBAN, a card, a national number, glued or in groups: "bel-0478-12-34-56")
_SHAPE_SIGNS = re.compile(r"@[^\W_][\w-]*\.[^\W\d_]|\d(?:[./_-]?\d){7}")
#: a structural value's tokens: a class list's classes, a list of ids (an id is one)
_STRUCTURE_TOKEN = re.compile(r"\S+")
#: what glues the words of an id or a class ("acct-BE71…", "nn_85073003328"): read as spaces too, as a
#: detector reads a number only apart from the words around it
_GLUE = str.maketrans("-_", "  ")


def shape_signs(value: str) -> bool:
    """Whether a value of the site's structure shows a sign of a visitor's number or address (_SHAPE_SIGNS):
    cheap, asked of every id and class, so that only those few are read (ShapeSlot)."""
    return _SHAPE_SIGNS.search(value) is not None


@functools.cache
def _person_slug_prefix() -> re.Pattern:
    """A class's or an id's token that opens with a prefix a page writes a person's slug after (rules/attributes.yaml
    handle_prefixes, person_prefixes), the prefix's kind and the rest of the token."""
    rules = load_rules("attributes.yaml")
    def words(key: str) -> str:
        return "|".join(sorted(map(re.escape, rules.get(key, ())), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\S)(?:(?P<handle>{words('handle_prefixes')})|(?P<person>{words('person_prefixes')}))"
                      r"[-_](?P<slug>\S+)", re.IGNORECASE)


@short_lru_cache(4096)
def person_slugs(value: str) -> tuple[tuple[int, int], ...]:
    """Where a structural value (a class list, an id) holds a person's slug after a prefix that says whose it is
    ("comment-author-lotte-van-bergen", "author-anna-kowalczyk-7", "user-lotte-van-bergen"): after a handle's
    prefix whatever follows, after a person's a name slug (is_name_slug). Linear: one pass over the value, each
    token's slug read once. Kept per value: every class and id of every node asks, and a page repeats them (the
    regex, a word list at every token, was ~10 µs a value)."""
    return tuple(match.span("slug") for match in _person_slug_prefix().finditer(value)
                 if match["handle"] or is_name_slug(match["slug"]))


#: what glues a class's words ("klant-0486…", "card__title")
_CLASS_GLUE = re.compile(r"[-_]")


def past_class_prefixes(classes: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of a visitor's values the taint found in a class list, each without the first word of the class it
    starts (a BEM block, a prefix: "klant-" of "klant-0486552109", which a tainted e-mail's local part "klant_wannes"
    holds too): a page writes a value into a class after a prefix ("aangever-senait-tesfamariam"), and the prefix is
    the CSS's. Linear: each range is looked at once."""
    kept = []
    for start, end in ranges:
        if start == 0 or classes[start - 1].isspace():
            if (glue := _CLASS_GLUE.search(classes, start, end)) is None:
                continue
            start = glue.end()
        if start < end:
            kept.append((start, end))
    return kept


#: a selector's or an element's description written in a text (Sentry's ui.click breadcrumb "div#card-x > a.y",
#: PostHog's $target_selector and $elements_chain "a.y:nth-child="1"attr__class="y z"", a web vital's element): its
#: ids and classes, each after its '#' or '.', and the class lists and ids in its attributes (class="…", id="…",
#: attr__class="…")
_SELECTOR_NAMES = re.compile(r'[#.](-?[^\W\d][\w-]*)|(?:class|id)="([^"]{1,2000})"')


def selector_person_slugs(text: str) -> list[tuple[int, int]]:
    """Where a selector written in a text names an element by a person's slug ("#profile-ruben-de-smedt > img",
    "li.comment-author-ruben-de-smedt"): its ids and classes read as the DOM's are (person_slugs). Linear: each
    name is read once."""
    slugs = []
    for match in _SELECTOR_NAMES.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start = match.start(group)
        slugs.extend((start + s, start + e) for s, e in person_slugs(match.group(group)))
    return slugs


class ShapeSlot(Slot):
    """A value of the site's structure (an id, a class, an element it points at, an attribute selector's value
    in CSS), which the replay's CSS and selectors need as it is, but which a page may make of its records
    ("subscriber-jan@mail.example", "row acct-BE71096123456769"): what a detector finds there by its shape
    (an e-mail, a phone, an IBAN, a card, a national number) is masked, nothing else; words read as a name or a
    street are the site's. Each token that shows a sign (shape_signs) is read alone, as written and with its
    glue read as spaces (_GLUE, the same length): a class list's other classes are no context of it
    ("…__main @container" is no e-mail typed with a space before its '@')."""

    token_runs = False  # a long random-looking id is an id

    def __init__(self, cell: Cell, node: int | None, rule: str):
        self.cell, self.node, self.rule = cell, node, rule
        self.texts: list[str] = []
        self.starts: list[int] = []  # where the token each text reads starts in the value
        for token in _STRUCTURE_TOKEN.finditer(cell.get()):
            if shape_signs(word := token.group()):
                spaced = word.translate(_GLUE)
                for text in (word, spaced) if spaced != word else (word,):
                    self.texts.append(text)
                    self.starts.append(token.start())

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        masked = []
        for text, start, spans in zip(self.texts, self.starts, found):
            spans = [span for span in spans if span.entity not in _WORD_ENTITIES]
            if spans:
                work.taint_spans(text, spans)
                masked.extend(Span(start + s.start, start + s.end, s.entity, s.score, s.recognizer) for s in spans)
        if masked:
            masked = drop_contained(masked)  # (what a token's two readings both find: once)
            self.cell.set(work.masker.spans(self.cell.get(), [(s.start, s.end, s.entity) for s in masked]))
            work.remarks.extend(Remark(self.rule, s.entity, "span", self.node) for s in masked)


#: a data: URL's head: its media type and parameters, whether its payload is base64, the comma
_DATA_URL = re.compile(r"\s*data:[^,]*?(;base64)?,", re.I)
#: what a data: URL's payload keeps as it is when written back: not a space, a quote, '%', '#', '\\', brackets
_DATA_SAFE = "!$&*+,-./:;<=>?@[]^_`{|}~"
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")
#: base64 characters of a payload decoded to tell an image's pixels or a font (bytes) from a document
_BYTES_LOOK = 1024


def is_data_url(value: str) -> bool:
    return value[:64].lstrip()[:5].lower() == "data:"


def data_url_text(url: str) -> tuple[str, bool, str] | None:
    """A data: URL's head, whether it is base64, and its payload decoded, when it holds text (an SVG, a
    text/plain); None when it holds bytes (base64 that is no UTF-8 text, or holds a NUL, as pixels and fonts
    do) or is no data: URL. Linear: bytes are told by the payload's first _BYTES_LOOK characters."""
    head = _DATA_URL.match(url)
    if head is None:
        return None
    payload = url[head.end():]
    if head.group(1) is None:
        return url[:head.end()], False, unquote(payload)
    start = _NOT_BASE64.sub("", unquote(payload[:2 * _BYTES_LOOK]))[:_BYTES_LOOK]
    if _text_bytes(start) is None:
        return None
    whole = _NOT_BASE64.sub("", unquote(payload))
    text = _text_bytes(whole, final=True)
    return None if text is None else (url[:head.end()], True, text)


def _text_bytes(base64_text: str, final: bool = False) -> str | None:
    """base64 decoded as UTF-8 text without a NUL, or None; not final: a prefix, its last character may be cut."""
    try:
        raw = base64.b64decode(base64_text[:len(base64_text) - len(base64_text) % 4] if not final else
                               base64_text + "=" * (-len(base64_text) % 4))
        text = codecs.getincrementaldecoder("utf-8")().decode(raw, final=final)
    except (binascii.Error, ValueError):  # (UnicodeDecodeError is a ValueError)
        return None
    return None if "\x00" in text else text


class DataUrlSlot(Slot):
    """A data: URL that holds a document (an SVG a script drew a visitor's name badge in, a text/plain or a JSON a
    download link saves, an HTML page an <object> shows), in a percent-encoded or a base64 payload: its text is
    read as the free text it is (TextSlot: its words, its labels, its JSON's keys), masked where found and written
    back in its encoding; the taint pass reads it too (mask_echoes). One that holds bytes (an image's pixels, a
    font) is not read. names: how names are read from their shape in it (name_runs where a script wrote it), or
    None."""

    token_runs = False  # (an SVG's path data is no token)

    def __init__(self, cell: Cell, node: int | None, rule: str, names: NameShapes | None = None):
        self.cell, self.node = cell, node
        read = data_url_text(cell.get())
        self.head, self.base64 = (read[0], read[1]) if read is not None else ("", False)
        self.document = [read[2]] if read is not None and read[2].strip() else []  # the text, as masked
        self.slot = TextSlot(Cell(self.document, 0), node, rule, names) if self.document else None
        self.texts = self.slot.texts if self.slot is not None else []

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        if self.slot is None:
            return
        text = self.document[0]
        self.slot.resolve(found, work)
        if self.document[0] != text:
            self._write(self.document[0])

    def mask_echoes(self, ranges: Callable[[str], list[tuple[int, int]]], masker: Masker) -> bool:
        """The taint pass, on the payload decoded (as UrlSlot's). Whether anything was masked."""
        read = data_url_text(self.cell.get()) if self.texts else None
        found = ranges(read[2]) if read is not None else []
        if found:
            self._write(masker.spans(read[2], [(start, end, "TAINT") for start, end in found]))
        return bool(found)

    def _write(self, text: str) -> None:
        self.cell.set(data_url_of(self.head, self.base64, text))


def data_url_of(head: str, in_base64: bool, text: str) -> str:
    """A data: URL of a document: its head (data_url_text's) and the text, encoded as the head says."""
    return head + (base64.b64encode(text.encode("utf-8", "surrogatepass")).decode("ascii") if in_base64
                   else quote(text, safe=_DATA_SAFE))


class DataUrlDocument(Cell):
    """The document of a base64 data: URL held in a cell, read and written decoded: the text the passes that look
    for what is typed read in a copy a script wrote. A receipt's JSON drawn from the form into a download link at
    each keystroke ('{"detenteur":"Dubravk"}', held-out round 38) holds the half-typed value only in its text; its
    base64 holds no window of it. One no longer decodable to text is read as it is."""

    __slots__ = ("url", "head")

    def __init__(self, url: Cell, head: str):
        super().__init__(url.container, url.key)
        self.url, self.head = url, head

    def get(self) -> str:
        read = data_url_text(self.url.get())
        return read[2] if read is not None and read[1] else self.url.get()

    def set(self, value: str) -> None:
        self.url.set(data_url_of(self.head, True, value))


def copy_read(cell: Cell, raw: str) -> tuple[Cell, str]:
    """A copy a script wrote (the cell, and its text as it came) as the passes that look for typed values read it: a
    base64 data: URL as its document decoded (DataUrlDocument), any other as it is (a percent-encoded one is looked
    for by the typed values' encoded forms)."""
    read = data_url_text(raw) if is_data_url(raw) else None
    if read is None or not read[1]:
        return cell, raw
    return DataUrlDocument(cell, read[0]), read[2]


#: how the values of a series came: typed key by key, written whole by the page, picked whole
TYPED, WRITTEN, PICKED = "typed", "written", "picked"
#: the rules of a series of a field's values (a text box's, a textarea's: its input events, its value in a
#: snapshot), not of an editable region's text
FIELD_RULES = ("content.input", "content.value")
#: a number written as one value: letters and digits in groups, mostly digits ("541449370006129054",
#: "1SAG 1100 0428 17", "87.05.23-302"); the fewest digits such an identifier has
_TYPED_NUMBER, _TYPED_NUMBER_DIGITS = re.compile(r"[^\W_]+(?:[ ./-][^\W_]+)*"), 8
_NUMBER_PARTS = re.compile(r"[ ./-]")  # what _TYPED_NUMBER's parts are apart by


def typed_number(value: str) -> bool:
    """Whether a field's value is an identifier typed as a number alone: eight digits or more, in groups or not,
    mostly digits. A quantity, a postcode, a meter's reading are shorter; a word is no number, and a word of letters
    not in capitals (a code's are: "BE", "SAG") makes the value a sentence: "ja ok tel 04 12 34 56" was tainted whole,
    its short words masked with the number in every value after."""
    value = spaces_folded(value).strip()
    if not _TYPED_NUMBER.fullmatch(value) or not value.isascii():
        return False
    if any(word.isalpha() and not word.isupper() for word in _NUMBER_PARTS.split(value)):
        return False
    digits = sum(c.isdigit() for c in value)
    return digits >= _TYPED_NUMBER_DIGITS and 2 * digits >= sum(c.isalnum() for c in value)


def entry_of(tag: str, attrs: dict[str, str] | None, editable: bool) -> str:
    """How a field's or a text node's values come. Typed (a text box, text in an editable
    region): the last value of a batch can be cut in the middle of a word. Written (a text node
    the page changes): whole, but it may still grow ("… 06 3190 "). Picked (a select, a checkbox,
    a date picker): whole, nothing grows out of it ("Luxembourg", "on", "1991-11-23")."""
    if not tag:  # a text node
        return TYPED if editable else WRITTEN
    if tag == "select" or (tag == "input" and (attrs or {}).get("type", "").lower() in _PICKED_TYPES):
        return PICKED
    return TYPED


#: what a page writing a text as it goes adds to it at a time, at most: a letter or a few (a typewriter, an editor
#: in designMode), a token (a reply streamed in: "… écrivez-moi à pol", then "lien")
_LETTERS_AT_A_TIME = 12


def letters_added(before: str, after: str) -> bool:
    """Whether a text went from before to after as a page writing it as it goes makes it go. Filling an empty text
    ("" → "3 articles") is writing it whole."""
    return bool(before) and after.startswith(before) and 0 < len(after) - len(before) <= _LETTERS_AT_A_TIME


class SeriesSlot(Slot):
    """The values one field took during one batch, keystroke by keystroke (see module doc).
    entry: how they came (entry_of): only a typed value's last word can be cut by the batch;
    names: how a name is read from a typed value's shape alone (names_by_shape); search: a search
    box's values (a_person_searched)."""

    def __init__(self, node: int, rule: str, entry: str = TYPED, names: NameShapes | None = None,
                 search: bool = False, listed: Callable[[str], bool] | None = None):
        self.node, self.rule, self.entry, self.names, self.search = node, rule, entry, names, search
        #: whether a value is an entry of the field's <datalist> (DomMirror.listed_entry): typed whole, it is picked
        self.listed = listed
        self.cells: list[Cell] = []
        self.values: list[str] = []
        self.texts = []
        self._asked: list[int] = []  # indexes of values sent to the detector, in self.texts order
        #: (a text the page writes) its first value is the node's text before it, a few letters more: the text this
        #: batch's snapshot showed, or the one the batch before left (DomMirror.written)
        self.grown_from_before = False

    def add(self, cell: Cell) -> None:
        self.cells.append(cell)
        self.values.append(cell.get())

    def close(self) -> None:
        """Chooses which values need their own detection: the last, and every edit. A value that is a prefix
        of its successor once their spaces are folded as detection reads them is no edit: an editable region
        writes a trailing space as a no-break one until the next word comes ("Fietser\u00a0", "Fietser en\u00a0"),
        and the detector would read each such keystroke as a new text."""
        last = len(self.values) - 1
        folded = [spaces_folded(value) for value in self.values]
        self._asked = [i for i in range(last + 1) if i == last or not folded[i + 1].startswith(folded[i])]
        self.texts = [self.values[i] for i in self._asked]

    def _read(self, value: str, spans: list[Span], work: Redacting) -> list[Span]:
        """The spans of a value the detector read, and those the rules here find."""
        spans = [*spans, *with_found_ends(value, work.read(labelled_values, value, work.label_meaning), spans)]
        if self.entry == TYPED and self.names is not None:  # a name typed where nothing says more of it
            spans.extend(work.read(self.names, value))
        return work.read(a_person_searched, value, tuple(spans)) if self.search else spans

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        own = {i: spans if unread(spans) else self._read(self.values[i], spans, work) for i, spans in zip(self._asked, found)}
        last = len(self.values) - 1
        # a prefix but for its spaces (close): read by the rules here, its successor's spans stand for the detector's
        folded = {i for i in range(last) if i not in own and not self.values[i + 1].startswith(self.values[i])}
        own.update((i, self._read(self.values[i], [], work)) for i in folded)
        for i in sorted(own):
            work.taint_spans(self.values[i], own[i], typed=True)
        if (self.rule in FIELD_RULES and self.entry == TYPED and not self.search and not own.get(last)
                and typed_number(self.values[last])):
            # a field nothing names ("Code EAN", "N° de puce") masks the number typed in it as its growing end
            # only: remembered too, its echoes are masked where the page shows it again (a summary page)
            work.taint_spans(self.values[last], [Span(0, len(self.values[last]), "CUSTOMER_ID", 1.0, "typed_number")],
                             typed=True)
        ranges: list[tuple[int, int, str]] = []
        following = ""
        for i in range(last, -1, -1):
            value = self.values[i]
            if i == last or not following.startswith(value):
                # the last value, or an edit: its own spans, plus what it shares with its successor,
                # plus its trailing fragment (its continuation is unknown)
                shared = len(value) if i in folded else _common_prefix(value, following)
                settled = self.entry == WRITTEN and not (i == last and self._written_letter_by_letter())
                # a value that is its <datalist>'s entry whole was picked there: no word of it is cut
                picked = self.entry == PICKED or (self.listed is not None and self.listed(value))
                ranges = [(s.start, s.end, s.entity) for s in own.get(i, [])] + \
                    [(a, min(b, shared), e) for a, b, e in ranges if a < shared] + \
                    (work.read(trailing_fragment, value, settled, self.names is not None)
                     if not picked and not unread(own.get(i, [])) else [])
            else:
                ranges = [(a, min(b, len(value)), e) for a, b, e in ranges if a < len(value)]
            # carried from value to value, the ranges would gain one per edit (its trailing fragment):
            # merged, they are at most a few per character of the value, and each value costs its length
            ranges = _merged(ranges)
            if ranges:
                self.cells[i].set(work.masker.spans(value, ranges))
                entities = dict.fromkeys(e for _, _, e in ranges)  # one remark per entity, in order
                work.remarks.extend(Remark(self.rule, e, "span", self.node) for e in entities)
            following = value

    def _written_letter_by_letter(self) -> bool:
        """A text the page writes a few letters at a time (a typewriter, an editor in designMode, which no
        attribute says is editable, a reply streamed in): where the batch ends, its last word may be cut as a
        typed one is (round 23's card, its editor cut at "… ou à pollie" by the recorder's timer). A slow writer
        (a key per recorder flush) leaves one value a batch: it is compared with the node's text before it."""
        last = self.values[-1]
        earlier = [value for value in self.values if value != last]  # (a value written again is no step)
        return letters_added(earlier[-1], last) if earlier else self.grown_from_before

    def mask_echoes(self, ranges: Callable[[str], list[tuple[int, int]]], masker: Masker) -> bool:
        """The taint pass carried back through the series, as resolve carries the spans: an echo of a tainted value
        found in a value masks the same characters in the values before it that are its prefixes. A keystroke's
        value holds the start of the echo only ("Thảo-V" of the child's given name 'Thảo-Vy' typed again at the
        start of a medical note), whose words no tainted value's are, and the next values show what it became.
        Each value looked at as it came; whether anything was masked. Linear: the taint looks at the last value and
        each edit once, the carried ranges are merged."""
        carried: list[tuple[int, int, str]] = []
        following, masked = "", False
        for i in range(len(self.values) - 1, -1, -1):
            value = self.values[i]
            if i == len(self.values) - 1 or not following.startswith(value):
                carried = [(a, b, "TAINT") for a, b in ranges(value)]  # its own echoes: the taint pass masks them
            else:
                carried = _merged([(a, min(b, len(value)), e) for a, b, e in carried if a < len(value)])
                text = self.cells[i].get()
                if carried and isinstance(text, str):
                    # masked as it came where masking kept the length (the ranges stand there), else whole
                    echo = masker.spans(text, carried) if len(text) == len(value) else masker.text(text, "TAINT")
                    if echo != text:
                        self.cells[i].set(echo)
                        masked = True
            following = value
        return masked


def _merged(ranges: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The ranges of each entity merged where they overlap or touch (as Masker.spans merges them),
    in order: the characters they mask and the entities they name stay the same. Each merged range
    keeps its first range too (its start and shortest end): Masker.spans names a group of ranges by
    its first one in order (the "label" mask), so it names them as it would have. At most two
    ranges an entity per character."""
    merged: list[list] = []  # [start, end of the first range, end, entity]
    last: dict[str, int] = {}  # entity -> index in merged of its last range
    for start, end, entity in sorted(ranges):
        if start >= end:
            continue
        at = last.get(entity)
        if at is not None and start <= merged[at][2]:
            merged[at][2] = max(merged[at][2], end)
            continue
        last[entity] = len(merged)
        merged.append([start, end, end, entity])
    out: list[tuple[int, int, str]] = []
    for start, first, end, entity in merged:
        out.append((start, first, entity))
        if end > first:
            out.append((start, end, entity))
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


#: a value ending a few words after where its writer says they live ("ik woon in de molenhoek ",
#: "j'habite au 4 "): the words may be a street's name in lower case whose house number or town comes next
_RESIDENCE_TAIL = re.compile(with_words(
    r"(?<![\w'’])(?i:{{residence_phrases}})(?:[^\S\n]{1,3}(?i:{{residence_prepositions}})){0,2}[^\S\n]{1,3}"
    r"(?!(?i:{{residence_prepositions}})\s)(?P<tail>\S{1,25}(?:[^\S\n]{1,3}\S{1,25}){0,4}[^\S\n]{0,3})$"))
_RESIDENCE_LOOK = 240  # characters of a value's end looked at for it: a phrase and five words


#: the mark a page ends a text it cut at a length with, glued to the word it cut ("…, Phoenix…", "lotte.d...")
_CUT_MARK = re.compile(r"(?<=\w)(?:…|\.\.\.)\s*$")
_CUT_MARK_LOOK = 8  # characters of a text's end looked at for it
#: the shortest text read as an excerpt before its mark: a short one is a prompt or a placeholder ("Choisir…")
_EXCERPT_MIN = 40


def checkout_end(value: str, searched: bool = False) -> list[tuple[int, int, str]]:
    """The end of a full snapshot's typed value (a field's, an editable region's last text) masked where it
    still grows: a recorder takes a snapshot again in the middle of typing (rrweb's checkoutEveryNth), and the
    batch may end right after it. Read as a settled end (trailing_fragment), but a word closing with a full
    stop ends a sentence there ("Pas d'animaux, non-fumeurs."), not a handle still typed. searched: a search
    box's or a code's field (FieldRules.is_search), whose number that starts no phone nor account stays."""
    token, _start, spaced = _last_word(value)
    if not spaced and _SENTENCE_END.fullmatch(token) and not _STREET_NAME.match(token):
        return cut_short_end(value)
    return trailing_fragment(value, settled=True, searched=searched)


def streamed_line_end(text: str) -> list[tuple[int, int, str]]:
    """The end of a page's line a later batch may go on writing (a chat's reply streamed a piece at a time, cut
    between two batches: redact.Redacting._mask_open_lines) masked where it could be a value's start, a capitalised
    word as a name nobody knows ("… au nom de Sinan ", "Livraison : Kapelleveld "), as a settled end that still grows
    is; none after a sentence's end ("Bedankt voor uw bericht. "): the next piece starts another."""
    token, _start, _spaced = _last_word(text)
    if token[-1:] in "!?…" or (_SENTENCE_END.fullmatch(token) and not _STREET_NAME.match(token)):
        return []
    return trailing_fragment(text, settled=True, names=True)


def cut_short_end(text: str) -> list[tuple[int, int, str]]:
    """An excerpt a page cut at a length (a preview card's "text.slice(0, 110) + '…'") may end inside a
    value the full text holds, before anything says what it is (the visitor's text is still being typed, or
    the value is found only whole): its last word, glued to the mark, is masked where it could be the start
    of one, as a settled end that still grows is (_growing_end), a capitalised word as a name nobody knows
    ("… Ophalen in de Brugsepoort, Phoenix…" of "Phoenixstr. 41")."""
    mark = _CUT_MARK.search(text, max(0, len(text) - _CUT_MARK_LOOK))
    if mark is None or mark.start() < _EXCERPT_MIN:
        return []
    return _growing_end(spaces_folded(text[:mark.start()]), settled=True, names=True)


def trailing_fragment(value: str, settled: bool = False, names: bool = False,
                      searched: bool = False) -> list[tuple[int, int, str]]:
    """The end of a value that could still grow into PII with the next keystrokes, masked (see
    _growing_end); after where its writer says they live, the words that follow too ("ik woon in de
    molenhoek 12 te " has no street word and no capital, its street and town are known once settled).
    A settled value cut short by the page (an excerpt ending in "…") has the word it cut masked as well
    (cut_short_end). A no-break or narrow space between groups ("06\u00a012\u00a034 ") separates them as a
    space does (fold.spaces_folded: as detection reads them), so the rules read a value so folded. searched: a
    search term's or a code's settled value (_growing_end)."""
    value = spaces_folded(value)
    ranges = [(_with_its_unit(value, _with_its_street_before(value, _with_its_street(value, _with_its_opener_words(
        value, _with_its_date(value, a))))), b, e) for a, b, e in _growing_end(value, settled, names, searched)]
    if (unit := _with_its_unit(value, len(value))) < min((a for a, _, _ in ranges), default=len(value)):  # "Flat 2, 17 "
        ranges.append((unit, len(value), "TRAILING_FRAGMENT"))
    _, last, _ = _last_word(value)  # "Meent 94, 3": a postcode's first digits after a street with no street word
    if (street := _with_its_street(value, last)) < min([last, *(a for a, _, _ in ranges)]):
        ranges.append((street, len(value), "TRAILING_FRAGMENT"))
    if settled:
        return ranges + cut_short_end(value)
    look = max(0, len(value) - _RESIDENCE_LOOK)
    if not (residence := _RESIDENCE_TAIL.search(value, look)):
        return ranges
    return [(min([residence.start("tail"), *(a for a, _, _ in ranges)]), len(value), "TRAILING_FRAGMENT")]


def _growing_end(value: str, settled: bool = False, names: bool = False,
                 searched: bool = False) -> list[tuple[int, int, str]]:
    """The end of a value that could still grow into PII with the next keystrokes (a batch may
    end right there, and the next batch cannot take back what this one stored).

    A last word still being typed (nothing after it, or only "." "-" "'" that addresses, numbers
    and names go on after) is masked whatever it looks like: "pieterjans" is a plain word until
    its "@" arrives in the next batch. The next values of the field, and the next snapshot, show
    it once it is settled. With it go what it continues: the digit groups before it ("06 3190 22",
    "NL46 RAB") and the name it ends ("Sanne van der Lin"). A settled end is masked only when
    it still grows: an address or a handle ("lotte.dg@ "), digit groups ("06 3190 "), a name
    waiting for its surname ("… Mieke ", "Sanne van "). settled: the value was written whole
    (by the page), its end is settled whatever follows it. names: where the value is, a run of
    capitalised words is a name known or not (names_by_shape): any capitalised word but a function
    word may wait for its surname there ("naar Jildou ", "Riwal "). searched: a settled value is a search term or
    a code, whose last number alone (no digit groups before it, no space after it: no group waits) that starts no
    phone nor account is what it reads: a set's number, a year, a promotion's code ("lego 42115", "kalender 2025",
    "NOEL2024": _a_settled_code)."""
    # "+32 4 26_ __ __": a mask's template, still being filled; what comes before its first blank is
    # read as the value (once: it ends in no template)
    filled_end = len(value.rstrip(_TEMPLATE_CHARACTERS))
    if (first_blank := value.find("_", filled_end)) >= 0:
        filled = value[:first_blank]
        return [(a, len(value), e) for a, _, e in trailing_fragment(filled, settled, names)] if filled.strip() else []
    token, start, spaced = _last_word(value)
    if not token:
        return []
    if not token.strip("*"):
        return []  # masked already: nothing grows out of it (redacting twice changes nothing)
    typing = not settled and not spaced and token[-1] not in _SETTLING
    before = value[:start].rstrip(" ").split(" ") if value[:start].strip() else []
    # an address spelled out and still being written, from where the earliest reading of it starts: "… at skynet(pu"
    # is a bracketed word being typed after its domain, and the address its local part's
    look = max(0, len(value) - _SPELLED_ADDRESS_MAX)
    spelled_starts = [look + found.start() + (found.group(0)[:1] == " ")
                      for found in (_SPELLED_ADDRESS_END.search(value[look:]),  # "ysaure.q [at] verri", "… [at] proton."
                                    _SPACED_AT_END.search(value[look:]), _SPELLED_AT_END.search(value[look:]))
                      if found]
    if spelled_starts:
        return [(min(spelled_starts), len(value), "TRAILING_FRAGMENT")]
    if not settled and (local := _local_part_at_end(value)) is not None:  # "mail naar jorik ": its "at" comes next
        return [(local, len(value), "TRAILING_FRAGMENT")]
    if in_words := _WORDS_NUMBER_END.search(value, max(0, len(value) - _SPELLED_ADDRESS_MAX)):
        return [(in_words.start(), len(value), "TRAILING_FRAGMENT")]
    if not typing and not spaced and _AMOUNT_WRITTEN.fullmatch(token) \
            and _digit_groups(value, before, start, _count_digits(token)) in (start, None):
        return []  # an amount settled, no groups before it ("1.250,00"): not an address's dot, no group waits
    if _EMAILISH.search(token[-_TOKEN_LOOK:]):
        return [(start, len(value), "TRAILING_FRAGMENT")]
    # "NL46 RABO ", "nl75 knab ": an IBAN's letters are a group too (four at most: "fietsbel" is a word)
    # a lower-case one only right after the IBAN's start: "+31 6 4127 8853 maat " ends in a word
    if (_DIGITISH.search(token) or _GROUP.match(token) or token in _GROUP_SEPARATORS
            or (len(token) <= _IBAN_GROUP and _GROUP.match(token.upper()) and before and _ID_START.fullmatch(before[-1]))):
        position = _digit_groups(value, before, start, _count_digits(token))
        if position is not None and not (settled and searched and not spaced and position == start
                                         and _a_settled_code(token)):
            if typing and position == start and _HOUSE_NUMBER_TYPED.fullmatch(token):
                position = _with_its_street_name(value, before, start)
            return [(position, len(value), "TRAILING_FRAGMENT")]
    if not typing and _PLATE_LETTERS.match(token):  # "der Wagen (AC-LH ": a German plate's number comes next
        return [(start + token.startswith("("), len(value), "TRAILING_FRAGMENT")]
    if typing:
        # a lower-case word too may go on a name ("Sanne v" is "Sanne van …"), and whatever is
        # being typed after digit groups may still be taken back to go on with them ("+31 6 4127 x")
        run, capitalised = _name_run(token, before, start, lenient=True)
        run = min(_after_brands(value, run, len(value)), start)  # "Calvin Klein je": no name goes on a brand
        if _opener_settled(value, run, start, token):  # "Pakket kw", "Mijn be": no surname comes
            run = start
        groups = _digit_groups(value, before, start, 0)
        first = min(run if capitalised else start, start if groups is None else groups)
        if (number := _house_number_before(value, start)) is not None:  # "3 bis, av": a street after its number
            first = min(first, number)
        previous = len(value[:start].rstrip(" ")) - len(before[-1]) if before else start
        if before and (named := _introduced_lower_case_name(value[:start], previous, names)) is not None:
            first = min(first, named)  # "bij lowie ver", "namens sanne van d": a surname typed without capitals
        surname = _surname_before_comma(value, before, previous, names) if before and token[:1].isupper() else None
        if surname is not None:  # "Van 't Hooft, Sj": the given name after a surname written first
            first = min(first, surname)
        return [(first, len(value), "TRAILING_FRAGMENT")]
    if date := _DATE_BEGUN.search(value.rstrip()):  # "… née le 14 avril ", "born on the 3rd of ": the year comes next
        return [(date.start(), len(value), "TRAILING_FRAGMENT")]
    if _STREET_NAME.match(token):  # settled by a space: its house number comes next; the words before may be
        return [(_with_its_opener(value, before, start), len(value), "TRAILING_FRAGMENT")]  # German nouns: kept
    if token in _STREET_FIRST_WORDS:  # "… Achter ", "Lange ": the street's name comes next
        return [(start, len(value), "TRAILING_FRAGMENT")]
    if (street := _street_words(value, before, start, token)) is not None:  # "rue de la Loi ", "Baker Street "
        return [(street, len(value), "TRAILING_FRAGMENT")]
    if (number := _house_number_before(value, len(value))) is not None:  # "3 bis, ": its street comes next
        return [(number, len(value), "TRAILING_FRAGMENT")]
    if (named := _introduced_lower_case_name(value, start, names)) is not None:  # "… bij lowie ", "namens sanne van ":
        return [(named, len(value), "TRAILING_FRAGMENT")]                         # its surname comes next
    if (surname := _surname_before_comma(value, [*before, token], start, names)) is not None:  # "Van 't Hooft, ":
        return [(surname, len(value), "TRAILING_FRAGMENT")]                                 # its given name next
    # settled by a space: a given name or a particle still waits for the rest of the name
    run, capitalised = _name_run(token, before, start, links=True)
    street, named = _name_run(token.rstrip(","), before, start, links=True)  # "29, Um Bierg, ": a street written
    if named and (number := _with_house_number(value, street)) < street:    # number first, its postcode next
        return [(number, len(value), "TRAILING_FRAGMENT")]
    last = token.lower() in PARTICLES or token.lower() in _PLACE_LINKS or (_PROPER_NOUN.match(token) and (
        is_given_name(token) or (names and not is_function_word(token))))
    if capitalised and last and (run := _after_brands(value, run, start + len(token))) < len(value):
        return [(run, len(value), "TRAILING_FRAGMENT")]  # but a brand that ends it: "bij Zalando ", "Ted Baker "
    if names and not before and _CAPITALS_ONLY.match(token):  # "YSAURE ": a name in capitals waits for its surname
        return [(start, len(value), "TRAILING_FRAGMENT")]
    return []


def _surname_before_comma(value: str, words: list[str], start: int, names: bool) -> int | None:
    """Where a surname written first begins when the last of words (at start in value) is it and its comma ("… is
    Van 't Hooft,", "Peeters,"): its given name comes next, after which it is a name (rules/recognizers.yaml
    surname_comma_given), and the next batch cannot take back what this one stored; else None. A capitalised particle
    says so ("Van 't Hooft,", "De Smet,"); where a visitor writes sentences (names), any capitalised word that is no
    function word after the sentence's first words may be one ("mijn borgsteller is Peeters,"), and so may a value's
    one word that the rule would read as a surname once a given name comes ("Peeters, ": surname_comma_given, asked
    with a given name put after; not a place, a greeting or a brand: "Gent, ", "Bedankt, ", "Zalando, "), until the
    next word is typed ("Gazelle, Batavus": no given name came)."""
    word = words[-1][:-1] if words[-1].endswith(",") else ""
    if not _PROPER_NOUN.match(word) or is_function_word(word):
        return None
    run, _ = _name_run(word, words[:-1], start)
    particle = value[run:].split(None, 1)[0].casefold() in PARTICLES
    if particle or (names and value[:run].strip()):
        return run
    alone = names and not value[:run].strip() and not listed_brands([word])
    return run if alone and surname_comma_given(f"{value[run:start + len(word)]}, {_ANY_GIVEN_NAME}") else None


def _opener_settled(value: str, run: int, start: int, token: str) -> bool:
    """Whether the one capitalised word that opens a line or a sentence before the word being typed at start is
    settled: that word is typed in lower case, so no capitalised surname comes after the opener. A function word
    opens no name ("Mijn be", "Het pa": name_runs reads a run without them); another word is settled when the word
    typed can be no particle ("Pakket kw"; not "Pakket v" of "Pakket van Sanne") and it is no given name, which a
    verb may make the sentence's subject ("Sanne k": "Sanne komt", sentence_subject_named). After other words on
    its line it may be a name they introduce ("ik heet Jildou r", read in any case): it waits."""
    words = value[run:start].split()
    line = value[:run].rpartition("\n")[2].rstrip()
    if len(words) != 1 or not token[:1].islower() or (line and line[-1] not in ".!?…"):
        return False
    if is_function_word(words[0]) and not is_given_name(words[0]):
        return True
    folded = token.casefold()
    return not (any(particle.startswith(folded) for particle in PARTICLES) or is_given_name(words[0])
                or words[0].casefold() in PARTICLES)


def _after_brands(value: str, run: int, end: int) -> int:
    """Where the run of capitalised words value[run:end] goes on after the last brand of rules/pii.yaml it holds
    (_outside_brands): run when it holds none, len(value) when a brand ends it. A name is no brand's next word."""
    pieces = _outside_brands(value, run, end)
    return pieces[-1][0] if pieces and pieces[-1][1] == end else len(value)


#: a surname's stand-in after a settled end: whether the end reads as a name once any surname follows it
_ANY_SURNAME = "xx"
#: a given name's stand-in after a surname and its comma: whether they read as a name once the given name follows
_ANY_GIVEN_NAME = "Anna"


@functools.cache
def _lower_case_name_rule() -> tuple[regex.Pattern, Callable[[str], bool]]:
    """rules/recognizers.yaml's pattern for a name typed without capitals after the words that introduce one
    ("bij lowie verstraeten", "met griet verhaeghe") and its validator: one definition of those words."""
    recognizers = load_rules("recognizers.yaml")["recognizers"]
    recognizer = next(r for r in recognizers if r["name"] == "lower_case_introduced_name")
    pattern = next(p for p in recognizer["patterns"] if p["name"] == "lower_name_and_surname")
    return regex.compile(with_words(pattern["regex"])), make_validator(recognizer["validator"])


#: the most particles between a given name and a surname typed without capitals (rules/recognizers.yaml,
#: lower_name_and_surname: "sanne van den broeck")
_LOWER_CASE_PARTICLES = 3


def _introduced_lower_case_name(value: str, start: int, anywhere: bool = False) -> int | None:
    """Where a given name typed without capitals begins, where a name is introduced, when the settled last word of
    value (from start) is that name or a particle after it, which its surname makes a name once it comes ("… de
    sleutel ligt bij lowie ", "namens sanne van den "); else None. The rule is asked about the value with a surname
    put after it, from the last word and back over its particles (a few words: bounded). anywhere: where a visitor
    writes, a common given name waits for its surname whatever comes before it ("… mag naar sofie ":
    lower_case_full_names)."""
    pattern, validator = _lower_case_name_rule()
    settled = value[:len(value.rstrip())]
    probe = f"{settled} {_ANY_SURNAME}"
    for _ in range(_LOWER_CASE_PARTICLES + 1):
        found = pattern.match(probe, start)
        if found is not None and found.end() == len(probe) and validator(found.group()):
            return start
        if anywhere and (found := _LOWER_CASE_PAIR.match(probe, start)) is not None and found.end() == len(probe) \
                and lower_case_full_name(found.group()):
            return start
        word, head = settled[start:].split(None, 1)[0] if settled[start:].strip() else "", settled[:start].rstrip()
        if word.casefold() not in PARTICLES or not head:
            return None
        start = len(head) - len(head.rsplit(None, 1)[-1])  # the word before the particle
    return None


#: a postcode being typed where a masked end begins ("L-8", "542", "54290 ", a Dutch one's letters: "3011 J", the
#: spaced five digits of Czechia, Slovakia, Greece and Sweden: "101 0")
_POSTCODE_TYPED = re.compile(r"(?:[Ll]-?)?(?:\d{0,5}|\d{4}[^\S\n]?[A-Za-z]{1,2}|\d{3}[^\S\n]\d{1,2})[^\S\n]*$")
#: a street before it, after which a comma: written number first ("29, Um Bierg, ", "3 bis, Hof ter Zorbal, ")
#: or name first ("Am Weiher 3, ", "Korunní 1208/74, "), whatever its words (the postcode and its town make it a
#: street: not yet)
_STREET_BEFORE_POSTCODE = re.compile(
    r"(?:(?<!\S)\d{1,4}(?:[^\S\n]?(?:bis|ter)|[a-zA-Z])?,?[^\S\n]+(?:[^\W\d_][\w'’.-]{0,25}[^\S\n]+){0,3}[^\W\d_][\w'’.-]{0,25}"
    r"|(?<![\w-])(?:[^\W\d_][\w'’.-]{0,25}[^\S\n]+){1,3}\d{1,4}(?:[^\S\n]?[a-zA-Z]|[/-]\w{1,3})?),[^\S\n]*$")
_STREET_BEFORE_LOOK = 80  # characters before a postcode being typed where its street is looked for


def _with_its_street(value: str, position: int) -> int:
    """position, or where the street written before it begins when the masked end there is a postcode
    being typed ("29, Um Bierg, L-8"): a street with no street word is known by the postcode and the
    town after it, which the next batch brings, and the next batch cannot take back what this one stored."""
    if not _POSTCODE_TYPED.match(value, position):
        return position
    street = _STREET_BEFORE_POSTCODE.search(value, max(0, position - _STREET_BEFORE_LOOK), position)
    return street.start() if street else position


def _with_its_street_before(value: str, position: int) -> int:
    """position, or where the street before it begins when the masked end there is a settled house number
    ("Grand-Rue 42,", "Grand-Rue 42, L-16"): the number is masked as it waits for its postcode, and the street's
    name stored beside it would be what the next batch shows to be the visitor's address."""
    number = _SETTLED_HOUSE_NUMBER.match(value, position)
    if number is None or not _POSTCODE_TYPED.match(value, number.end()):
        return position
    token, start, _ = _last_word(value[:position])
    if not token:
        return position
    before = value[:start].rstrip(" ").split(" ") if value[:start].strip() else []
    if _STREET_NAME.match(token):  # "Kerkstraat 42,"
        return _with_its_opener(value, before, start)
    if (street := _street_words(value, before, start, token)) is not None:  # "rue de la Loi 16 ", "Baker Street 4,"
        return street
    run, capitalised = _name_run(token, before, start, links=True)  # "Grand-Rue 42,": no street word known
    return run if capitalised and not is_function_word(token) else position


def _with_its_unit(value: str, position: int) -> int:
    """position, or where the flat or unit right before it begins, with the house number after it ("Flat 3, "
    before "112 A", "Appt 4, 12 " before "rue")."""
    unit = _UNIT_BEFORE.search(value, max(0, position - _UNIT_LOOK_BACK), position)
    return unit.start() if unit else position


def _with_its_opener_words(value: str, position: int) -> int:
    """position, or where a street's opener and its particles begin when the masked end there is the street's name
    being typed after them ("venelle du Cap", "rue de la Lo"): stored beside it, the opener would be what the next
    batch shows to be the start of the visitor's address (round 23: "… voisins, venelle du" before "Caporal 7")."""
    words = value[position:].split(None, 1)
    if not words or not value[:position].strip():
        return position
    before = value[:position].rstrip(" ").split(" ")
    word = words[0]
    if len(words) == 1 and not value[-1].isspace() and word.lower() in _PARTICLE_STARTS:
        word = "de"  # "venelle d": the particle being typed ("du", "des") is one as much as the whole one is
    street = _street_words(value, before, position, word)
    if street is None and word.lower() in _STREET_PARTICLES:  # "Unter d": a street's first word before its particle
        street = _with_its_opener(value, before, position)
    return min(street, position) if street is not None else position


def _with_its_opener(value: str, before: list[str], start: int) -> int:
    """start, or where the street's opener right before it begins ("Lange Nieuwstraat")."""
    return value.rfind(before[-1], 0, start) if before and before[-1] in _STREET_FIRST_WORDS else start


def _last_word(value: str) -> tuple[str, int, bool]:
    """The value's last word, where it starts, and whether white space follows it (a regex searched
    for "(\\S+)(\\s*)$" tries every start in a long word: quadratic)."""
    end = len(value.rstrip())
    start = end
    while start > 0 and not value[start - 1].isspace():
        start -= 1
    return value[start:end], start, end < len(value)


def _with_its_date(value: str, position: int) -> int:
    """position, or where a date begun before it starts when the masked end there goes on with it: a year ("née le
    14 avril 19"), a month or a link word ("the 3rd of Ap", "3 de abril d"): with the date, as it was masked while
    it waited for them. The masked end's first word and the value's last are each looked at ("3. März 1": the
    month is masked with the year being typed, the day before them is the date's start)."""
    first = position
    for at in (position, _last_word(value)[1]):
        word = value[at:].split(None, 1)[0].rstrip(",.") if value[at:].strip() else ""
        if (word.isdigit() and len(word) <= 4) or word.lower() in _DATE_WORD_STARTS:
            if date := _DATE_BEGUN.search(value[:at].rstrip()):
                first = min(first, date.start())
    return first


#: the words that open (rue de la Loi, Rua do Almada) or close (Baker Street) a street's name written apart
_STREET_OPENERS = frozenset(w.lower() for w in (*rule_words()["street_openers"], *rule_words()["street_openers_capitalised"],
                                                 *rule_words()["southern_street_openers"]))
#: the words that close a street's name; also those of the visitors' languages written after it ("Bogdánfy utca ",
#: "Atatürk Caddesi ", "Savska cesta ": a batch that ends there leaves the house number to the next: held-out round 36)
_STREET_CLOSERS = frozenset(w.lower() for name in ("street_closers", "hungarian_street_words", "turkish_street_words",
                                                   "south_slavic_street_words") for w in rule_words()[name])
#: the small words inside a street's name: a name's particles, and a southern street's ("Rua do Almada")
_STREET_PARTICLES = PARTICLES | frozenset(rule_words()["southern_street_particles"])
_PARTICLE_STARTS = frozenset(particle[:end] for particle in _STREET_PARTICLES for end in range(1, len(particle) + 1))
_STREET_FIRST_WORDS = frozenset(rule_words()["street_first_words"])  # as written: capitalised
_STREET_RUN = 4  # words of a street's name after its opener: "rue du Fort de la Chartreuse" is cut there
_ELIDED = re.compile(r"^[dlDL]['’](?=\w)")  # a French particle joined to the next word: "Boulevard d'Avroy"
#: a flat or unit before the house number of a street written number first, with that house number when it is
#: typed ("Flat 3, " before "112 A", "Appt 4, 12 " before "rue", "Flat 2, 17 " at a value's end)
_UNIT_BEFORE = re.compile(with_words(
    r"(?<!\S)(?:{{unit_designators}})[^\S\n]+\d{1,4}[A-Z]?,?[^\S\n]+(?:\d{1,4}[a-zA-Z]?,?[^\S\n]+)?$"))
_UNIT_LOOK_BACK = 24
#: a house number settled at a value's end ("42,", "12b ", "3 bis, "), its postcode next or being typed
_SETTLED_HOUSE_NUMBER = re.compile(r"\d{1,4}(?:[a-zA-Z]|[^\S\n]?(?:bis|ter)|[/-]\w{1,3})?(?:,[^\S\n]*|[^\S\n]+)")
#: a house number being typed, the second number after a slash or a dash included ("120", "1208/7", "112-III")
_HOUSE_NUMBER_TYPED = re.compile(r"\d{1,4}[a-zA-Z]?|\d{1,4}[/-]\w{0,3}")
#: a house number at a value's end that its street may follow ("3 bis, ", "12b, " before "avenue Jean Jaurès")
_HOUSE_NUMBER_FIRST = re.compile(r"(?<!\S)\d{1,4}(?:[^\S\n]?(?:bis|ter)|[a-zA-Z])?,[^\S\n]*$|(?<!\S)\d{1,4}[^\S\n]?(?:bis|ter)[^\S\n]*$")
#: words that join a town's name to its river or region ("Alphen aan den Rijn", "Châlons-sur-Marne" typed apart):
#: a settled town name may go on after them as a name goes on after its particles
_PLACE_LINKS = frozenset({"aan", "sur", "sous"})
_STREET_LOOK_BACK = 12  # characters before the last word where a house number first is looked for
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<!\S)\d{1,4}(?:[^\S\n]?(?:bis|ter)|[a-zA-Z])?,?[^\S\n]+$")  # "12 rue …"


def _street_words(value: str, before: list[str], start: int, token: str) -> int | None:
    """Where a street's name written apart begins, when the settled value ends inside it: after an
    opener and capitalised words or particles ("… rue de la Loi "), or with a closer ("Baker
    Street "). Its house number comes next."""
    bare = token.rstrip(",.").lower()
    if bare in _STREET_CLOSERS and before and _CAPITALISED.match(before[-1]):
        return start - len(before[-1]) - 1
    if bare in _STREET_OPENERS:
        return _with_house_number(value, start)
    if not (_CAPITALISED.match(_ELIDED.sub("", token)) or bare in _STREET_PARTICLES):
        return None
    position = start
    for word in reversed(before[-_STREET_RUN:]):
        position -= len(word) + 1
        if word.lower() in _STREET_OPENERS:
            return _with_house_number(value, position)
        if not (_CAPITALISED.match(_ELIDED.sub("", word)) or word.lower() in _STREET_PARTICLES):
            return None
    return None


def _with_its_street_name(value: str, before: list[str], start: int) -> int:
    """start, or where the capitalised words right before a house number being typed at start begin ("… at Korunní
    120", "Kerkstraat 12"): a street with no street word is known only once its postcode and town come, and the
    next batch cannot take back the name this one stored (held-out peers round 17: "Korunní ***" stored of "Korunní
    1208/74, 101 00 Praha 10"); the shorter number goes with them already as a word being typed ("Korunní 12")."""
    run, capitalised = _name_run(before[-1], before[:-1], start - len(before[-1]) - 1) if before else (start, False)
    if not capitalised or is_function_word(before[-1]):
        return start
    return min(_after_brands(value, run, start - 1), start)


def _house_number_before(value: str, position: int) -> int | None:
    """Where a house number that a street's name may follow ends the value before position ("3 bis, ",
    "12b, " before "avenue Jean Jaurès"), or None."""
    number = _HOUSE_NUMBER_FIRST.search(value, max(0, position - _STREET_LOOK_BACK), position)
    return number.start() if number else None


def _with_house_number(value: str, position: int) -> int:
    """position, or the start of a house number right before it ("12, rue de la Loi", "3 bis avenue …")."""
    number = _HOUSE_NUMBER_BEFORE.search(value, max(0, position - _STREET_LOOK_BACK), position)
    return number.start() if number else position


def _name_run(token: str, before: list[str], start: int, lenient: bool = False, links: bool = False) -> tuple[int, bool]:
    """Where the run of capitalised words and particles that ends with token starts ("Sanne van
    der", "Youssef El"), leading particles left out, and whether it holds a capitalised word.
    lenient: token ends the run whatever it is (a word still being typed). links: the words that join
    a town's name to its river are particles too ("Alphen aan den")."""
    joins = _PLACE_LINKS if links else frozenset()
    if not (lenient or _CAPITALISED.match(token) or token.lower() in PARTICLES or token.lower() in joins):
        return start, False
    words, position = [token], start  # backwards, then in order
    for word in reversed(before):
        if not (_CAPITALISED.match(word) or word.lower() in PARTICLES or word.lower() in joins):
            break
        words.append(word)
        position -= len(word) + 1
    words.reverse()
    while len(words) > 1 and not _CAPITALISED.match(words[0]):  # "naar de Vr": not "de"
        position += len(words.pop(0)) + 1
    return position, any(_CAPITALISED.match(word) for word in words)


#: a letter-only word this short may be a group of an IBAN or a postcode being typed ("RABO", "AB")
_LETTER_GROUP_MAX = 4
#: digits in a row of groups from which they may be a number worth hiding (a phone, an IBAN, a
#: card) as it is typed ("06 3"); fewer are as likely a quantity or a house number
_GROUPED_DIGITS_MIN = 3


def _digit_groups(value: str, before: list[str], start: int, digits: int) -> int | None:
    """Where the digit groups typed before start begin ("06 3190 22", "NL46 RABO 23", "089 / 42"), when
    they (with the digits of what follows them) make 3 digits, or from an identifier's start among them
    ("IBAN NL91 ABNA", "QR 48"); else None."""
    position, lower_case = start, None
    for word in reversed(before):
        if word in _GROUP_SEPARATORS:
            position -= len(word) + 1
            continue
        if _IBAN_START_LOWER.match(word):  # the start of an IBAN in lower case: its groups end here
            lower_case = None
            digits, position = digits + _count_digits(word), position - len(word) - 1
            break
        if not (_GROUP.match(word.upper()) and (_DIGITISH.search(word) or len(word) <= _LETTER_GROUP_MAX)):
            break
        if lower_case is None and not _GROUP.match(word):
            lower_case = (position, digits)  # lower-case words are groups only after an IBAN's start ("ik ben 123")
        digits, position = digits + _count_digits(word), position - len(word) - 1
    if lower_case is not None:
        position, digits = lower_case
    if position < start or digits:
        if digits >= _GROUPED_DIGITS_MIN:
            return position
        if identifier := _ID_START.search(value, position):
            return identifier.start()
    return None


#: a search term's or a code's last word ending in a number: letters, then one to five digits ("42115", "2025",
#: "NOEL2024", "WK2026"): no six characters of a longer number it may be the start of still (a card's, a national
#: number's)
_CODE_NUMBER = re.compile(r"[^\W\d_]*\d{1,5}")
#: how a phone number starts without its trunk prefix: a Luxembourg mobile's or eight-digit line's first digits
#: (rules/recognizers.yaml phone_lu_mobile, phone_lu_landline)
_PHONE_WITHOUT_PREFIX = re.compile(r"6[2-9]|2[2-9]")


#: an amount written with its decimal comma and its two cents, thousands dotted or not ("1.250,00", "250,00",
#: "€1250,00"; held-out round 48: a transfer's amount masked in its field's snapshot): no phone, account nor identifier
#: is written with a decimal comma, and its cents close it. Alone in the value's end only (no digit groups before it)
_AMOUNT_WRITTEN = re.compile(r"[€$£]?\d{1,3}(?:\.\d{3})*,\d{2}|[€$£]?\d{4,7},\d{2}")


def _a_settled_code(token: str) -> bool:
    """Whether a settled last word is a number that starts no phone ("0", "+", "(" or a Luxembourg number's first
    digits) nor an IBAN (two letters of an IBAN's country, then digits: "NL2024" may be "NL20 2024 …", "WK2026"
    is not), letters before it or not."""
    if not _CODE_NUMBER.fullmatch(token):
        return False
    if token[0].isdigit():
        return token[0] != "0" and not _PHONE_WITHOUT_PREFIX.match(token)
    return not (token[:2].isalpha() and token[2:3].isdigit() and _iban_country(token[:2]))


@functools.cache
def _iban_country(letters: str) -> bool:
    """Whether two letters open an IBAN (python-stdnum's IBAN registry)."""
    from stdnum import numdb

    return bool(numdb.get("iban").info(letters.upper())[0][1].get("country"))


def _count_digits(word: str) -> int:
    return sum(c.isdigit() for c in word)


#: credentials by their shape, wherever they are: an HTTP auth scheme and its value, a JWT
_AUTH_VALUE = re.compile(r"(?i)\b(?:bearer|basic|digest|negotiate|token)\s+([A-Za-z0-9._~+/=-]{8,})")
_JWT = re.compile(r"\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
#: a long run of token characters: a key or a token when it mixes classes like random text does
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_+/=.-]{24,}")  # 24: _MIN_TOKEN_RUN
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_MIN_TOKEN_ENTROPY = 3.0  # bits per character; random base64/hex is 4-6, repeated filler is under 2
_MIN_TOKEN_DIGITS = 2  # a generated token has digits; a slug or a long word has none or one
_MIN_TOKEN_MIXED = 0.2  # share of digits and capitals: random base64 has ~0.5, a file name ~0.05
_LOWER_RUN = re.compile(r"[a-z]+")
_MAX_TOKEN_LOWER_RUN = 8  # a longer lower-case stretch is a word ("configuration"), not random text
_ID_NAME_WORD = 4  # beside a UUID, a word this long names what the id is ("survey_response_…", not "sk_…")
#: lower-case words joined by "_" or "-" then a UUID, nothing else: a name and an id, not a token with
#: a UUID appended ("Xq7vKpaqrz…" + uuid)
_NAMED_UUID = re.compile(rf"[$]?((?:[a-z]+[_-])+){UUID.pattern}")


#: a URL parameter's whole value this long may be a token (a session's, a reset link's: "sess_Qx7Lr2Vb9Tn4Kp8M")
#: where a run in free text needs _TOKEN_RUN's 24 characters: the parameter's bounds say where it starts
#: and ends, so fewer characters tell random text from words
_TOKEN_VALUE_LENGTH = 16
_TOKEN_CHARACTERS = re.compile(r"[A-Za-z0-9_+/=.-]+")


def token_value(value: str) -> bool:
    """Whether a URL parameter's value is a token by its shape, whatever its name says ("?sessie=",
    "?s=", "#st="): letters of both cases and digits, random as _looks_random reads it. A campaign
    name ("spring_sale_2026"), a version or a short id is kept."""
    return (len(value) >= _TOKEN_VALUE_LENGTH and bool(_TOKEN_CHARACTERS.fullmatch(value))
            and any(c.isupper() for c in value) and any(c.islower() for c in value) and _looks_random(value))


#: what a page path's segment is cut at into its words ("Nike-Air-Max-270", "IMG_2026.jpg")
_SEGMENT_WORDS = re.compile(r"[-_.~+]")
#: a word changes between small letters, capitals and digits this often at most ("MacBook", "OLED65C3", "W32"): a
#: part that changes more is random text (a 16-character base62 token changes about seven times)
_WORD_CLASS_CHANGES = 3


def token_segment(segment: str) -> bool:
    """Whether a page path's segment is a token by its shape, as a query's value is (token_value), whatever
    segment is before it ("/unsubscribe/Kx7pQ2mZ9fWqLr4T", "/order/<token>/status"): the same, and random within
    one of its words, not a product's or an article's slug of words and model numbers ("iPhone-15-Pro-256GB",
    "Levis-501-W32-L34"), whose words a capital and letters or digits make random-looking as a whole."""
    return token_value(segment) and any(_class_changes(word) > _WORD_CLASS_CHANGES
                                        for word in _SEGMENT_WORDS.split(segment))


def _class_changes(word: str) -> int:
    """How often a word changes between small letters, capitals and digits; a capital that starts small letters
    starts a word of them ("Pro", "MacBook"), no change."""
    kinds = [2 if c.isupper() else 1 if c.isdigit() else 0 for c in word]
    return sum(1 for i in range(1, len(kinds)) if kinds[i] != kinds[i - 1]
               and not (kinds[i - 1] == 2 and kinds[i] == 0 and (i < 2 or kinds[i - 2] != 2)))


def credential_spans(text: str, token_runs: bool = True) -> list[tuple[int, int, str]]:
    """Where a text holds a credential by its shape: `Bearer …`/`Basic …` values, JWTs, and long
    high-entropy tokens (API keys, session tokens). token_runs=False skips the last rule, for
    data: URLs, whose base64 payload is an image, not a secret."""
    found = [(m.start(1), m.end(1), "CREDENTIAL") for m in _AUTH_VALUE.finditer(text)]
    found += [(m.start(), m.end(), "CREDENTIAL") for m in _JWT.finditer(text)]
    if token_runs:
        found += [(*m.span(), "CREDENTIAL") for m in _BASE32_SEED.finditer(text) if any(c.isdigit() for c in m[0])]
        for m in _TOKEN_RUN.finditer(text):
            # a URL's authority written in a text (a stack trace's frames: "at f
            # (http://app.test:44987/taalhuis/heldout8.html:117:23)") is left out of the run, not the port's digits
            # and the path's words judged as one random-looking run; the path is judged whole, a national number
            # or a base64 token with '/' in it ("/api/klanten/87031412345/orders") as much as a token
            start = m.start() + _authority_in_run(text, m.start(), m.group())
            path = text[start:m.end()]
            if len(path) >= _MIN_TOKEN_RUN and _looks_random(path):
                # a pair's key is its name, no part of the token: "sentry-trace_id=02e2…" of a W3C baggage header
                # masked whole was remembered, and its words masked the SDK's name and every "Replay" after (held-out
                # peers round 16); the value alone is masked and remembered. Base64's padding ends a token, no pair
                pair = _PAIR_KEY_IN_RUN.match(path)
                start += pair.end() if pair else len(path) - len(path.lstrip("/"))
                found.append((start, m.end(), "CREDENTIAL"))
    return found


#: a token run's leading "key=" (one or more: "a=b=c"), when a value follows it: not base64's trailing padding
_PAIR_KEY_IN_RUN = re.compile(r"(?:[^=]*=)+(?=[^=])")


_MIN_TOKEN_RUN = 24  # _TOKEN_RUN's least length
#: an authenticator's setup key (a TOTP seed, base32: A-Z and 2-7) as apps show it to be typed by hand, four groups of
#: four or more in one case ("JBSW Y3DP EHPK 3PXP", "jbsw y3dp ehpk 3pxp"), or sixteen capitals and digits in one run
#: ("JBSWY3DPEHPK3PXP"), a digit among them (review 20 F8): too short for a token run, and whoever holds it makes the
#: visitor's codes
_BASE32_SEED = regex.compile(r"(?<![\w-])(?:[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,}+|[a-z2-7]{4}(?: [a-z2-7]{4}){3,}+"
                             r"|[A-Z2-7]{16,}+)(?![\w-])")  # possessive: linear
#: a URL's authority at the start of a token run: "//" and its host, or its host after user info ("user@<here>")
_HOST_IN_RUN = re.compile(r"(?://)?[^/]*")
_PORT_IN_RUN = re.compile(r"\d*")
#: what stands between a URL's "://" and a token run that starts in its authority: user info, and a host
#: and its ':' when the run starts at the port
_AUTHORITY_BEFORE = re.compile(r"(?:[^\s/@]*@)?(?:[A-Za-z0-9.\-]+:)?")
_MAX_AUTHORITY = 260  # a host is at most 253 characters


def _authority_in_run(text: str, start: int, run: str) -> int:
    """How many characters of the token run at `start` are a URL's authority: its host ("https:<here>//host",
    "https://user@<here>host") or its port's digits ("http://host:<here>8443"); 0 when the run begins none."""
    if run.startswith("//") and text[start - 1:start] == ":":
        return _HOST_IN_RUN.match(run).end()
    at = text.rfind("://", max(0, start - _MAX_AUTHORITY), start)
    before = _AUTHORITY_BEFORE.fullmatch(text, at + 3, start) if at >= 0 else None
    if before is None:
        return 0
    return (_PORT_IN_RUN if before.group().endswith(":") else _HOST_IN_RUN).match(run).end()


#: a key and its value written inside a string (written_pairs). A key is a word with dots, dashes, brackets, a
#: '$' ("customer.lastName", "user[password]", "$set"), quoted it may hold spaces too ("New password").
_KEY = r"[\w$.\[\]-]{1,40}"
_QUOTED_KEY = r"[\w$.\[\]-][\w$.\[\] -]{0,39}"
#: JSON ("password": "…", as a console plugin or an SDK stringifies an object), and an object a script or
#: Python writes out: keys and strings in apostrophes ({'password': '…'}: a dict's repr), a bare key in an
#: object literal ({ name: 'Jan', open: false }: Alpine's x-data), whose value is read only when quoted (a
#: number after "…, tel: 02" is a sentence's)
_QUOTED_PAIR = re.compile(rf"""(?:"({_QUOTED_KEY})"|'({_QUOTED_KEY})')\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d[\d.eE+-]*)"""
                          rf"""|(?<=[{{,])[^\S\n]*([A-Za-z_$][\w$]{{0,39}})[^\S\n]*:[^\S\n]*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
#: JSON's pairs alone: inside a JSON string, once its escapes are undone (_unescaped)
_JSON_PAIR = re.compile(rf'"({_QUOTED_KEY})"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)')
#: form or query encoding (password=…&remember=1), and an assignment (password = …): a quote ends the
#: value (a quoted attribute: href='?x=1'), but for an apostrophe between letters, which
#: encodeURIComponent leaves as it is inside a word ("naam=Siobh%C3%A1n%20O'Callaghan"); a key may be
#: percent-encoded ("user%5Bemail%5D"); "=>" is a dump's arrow (PHP's "[password] => …": bare_secret_pairs)
_FORM_PAIR = re.compile(r"(?:^|(?<=[?&;\s\"']))([\w$.%\[\]-]{1,40})[^\S\n]*=(?!>)[^\S\n]*(?!=)((?:[^&;\s\"']|(?<=\w)'(?=\w))+)")
#: a quoted value after '=' (logfmt's password="…", a call's password='…'): read for a secret's key only, as
#: markup's attributes are written so too (name="email" names a field)
_QUOTED_ASSIGNMENT = re.compile(rf"""(?:^|(?<=[?&;\s"'({{,]))({_KEY})[^\S\n]*=[^\S\n]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')""")
#: an XML element holding one value (<password>…</password>, a SOAP body); HTML's own elements are the
#: page's markup, their text the site's words (<address>)
_ELEMENT_PAIR = re.compile(r"<([A-Za-z_][\w.:-]{0,39})(?:\s[^<>]{0,200})?>([^<>]+)</\1\s*>")
_HTML_ELEMENTS = frozenset(rule_words()["html_elements"])
#: a JSON string's escapes that hide a JSON text inside it (\" \\ \/), and a quote of the string around
_ESCAPE = re.compile(r'\\(["\\/])|"')
#: JSON strings inside JSON strings read (a logged fetch body: console.log(JSON.stringify({url, body})))
_ESCAPE_DEPTH = 4


def written_pairs(text: str) -> list[tuple[int, int, str]]:
    """The values written under a key inside a text, with their keys: (start, end, key). JSON, also
    inside a JSON string at any depth ('{"body": "{\\"password\\": \\"…\\"}"}', read once its escapes are
    undone), an object a script or Python writes out, an XML element holding one value. Form encoding is
    form_pairs'."""
    found: list[tuple[int, int, str]] = []
    if ":" in text:
        for match in _QUOTED_PAIR.finditer(text):
            key = match.group(1) or match.group(2) or match.group(4)
            start, end = match.span(3) if match.group(3) is not None else match.span(5)
            if text[start] in "\"'":
                start, end = start + 1, end - 1
            if start < end:
                found.append((start, end, key))
        found.extend(_escaped_pairs(text))
    if "</" in text:
        found.extend((*match.span(2), match.group(1)) for match in _ELEMENT_PAIR.finditer(text)
                     if match.group(1).lower() not in _HTML_ELEMENTS)
    return found


#: a delimited table's header cell: a column's name (words, "postnummer", "E-mail adres"), no value
_HEADER_CELL = regex.compile(r"[^\S\n]*\p{L}[\p{L}\p{M} _.-]{0,39}[^\S\n]*")
_TABLE_DELIMITERS = (";", "\t", ",")


def table_cells(text: str) -> list[tuple[int, int, str]]:
    """The cells of a delimited table written into a text (a CSV a page attaches or logs: "namn;postnummer\nSture
    Wallin;413 04"), with their column's name from the header line: (start, end, column), as written_pairs gives a
    key's value, so that a column named for what it holds is masked as a payload's key is (held-out peers round 19:
    a Swedish postcode alone in its column). Only a header of two or more names and the lines with as many cells;
    a line with quotes is not split (a quoted cell may hold the delimiter). Linear: each line is split once."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    header = lines[0].rstrip("\r")
    delimiter = next((d for d in _TABLE_DELIMITERS if d in header), "")
    columns = header.split(delimiter) if delimiter else []
    # a comma and a space is prose's ("No  Family name, given names" heads a crew list's lines, not columns)
    if len(columns) < 2 or (delimiter == "," and ", " in header) \
            or not all(_HEADER_CELL.fullmatch(column) for column in columns):
        return []
    found: list[tuple[int, int, str]] = []
    at = len(lines[0]) + 1
    for line in lines[1:]:
        cells = line.rstrip("\r").split(delimiter)
        if len(cells) == len(columns) and '"' not in line:
            start = at
            for column, cell in zip(columns, cells):
                if cell.strip():
                    found.append((start, start + len(cell), column.strip()))
                start += len(cell) + 1
        at += len(line) + 1
    return found


def form_pairs(text: str) -> list[re.Match[str]]:
    """The pairs of form or query encoding inside a text, and assignments (key = value): a match's
    group 1 is the key as written (perhaps percent-encoded), group 2 the value."""
    return list(_FORM_PAIR.finditer(text)) if "=" in text else []


def _escaped_pairs(text: str) -> list[tuple[int, int, str]]:
    """JSON's pairs written inside a JSON string (an escaped quote around each key and value), at
    every depth up to _ESCAPE_DEPTH, where they are in text."""
    found: list[tuple[int, int, str]] = []
    level, origins = text, []
    for _ in range(_ESCAPE_DEPTH):
        if '\\"' not in level:
            break
        level, at, came_from = _unescaped(level)
        origins.append((at, came_from))
        for match in _JSON_PAIR.finditer(level):
            start, end = match.span(2)
            if level[start] == '"':
                start, end = start + 1, end - 1
            if start < end:
                for positions in reversed(origins):  # back through each level to text
                    start, end = _origin(start, *positions), _origin(end, *positions)
                found.append((start, end, match.group(1)))
    return found


def _unescaped(text: str) -> tuple[str, list[int], list[int]]:
    """text with one level of a JSON string's escapes undone (\\" a quote, \\\\ a backslash) and its own
    quotes (the string's around) made no quotes; with where its pieces came from: the character at
    at[k] + i was text's came_from[k] + i (an escape's is where the escape starts)."""
    pieces, at, came_from = [], [0], [0]
    last = length = 0
    for match in _ESCAPE.finditer(text):
        pieces.append(text[last:match.start()])
        length += match.start() - last
        pieces.append(match.group(1) or "\0")
        at.append(length)
        came_from.append(match.start())
        length, last = length + 1, match.end()
        at.append(length)
        came_from.append(last)
    pieces.append(text[last:])
    return "".join(pieces), at, came_from


def _origin(position: int, at: list[int], came_from: list[int]) -> int:
    k = bisect.bisect_right(at, position) - 1
    return came_from[k] + position - at[k]


#: a part of a multipart/form-data body (fetch(FormData) as a network recorder reads it): its head
#: names its field, a few more header lines may follow (Content-Type), then a blank line and the value,
#: which runs to the line before the next boundary ("--…")
_MULTIPART_HEAD = re.compile(r'(?im)^content-disposition:[^\S\r\n]*form-data;[^\r\n]*?(?<![\w*])name="([^"\r\n]{1,100})"'
                             r'[^\r\n]*\r?\n(?:[^\r\n]+\r?\n){0,8}\r?\n')


#: a part's file name in its head (filename="CV_Jan_Peeters.pdf", RFC 6266's filename*=UTF-8''…)
_MULTIPART_DISPOSITION = re.compile(r'(?im)^content-disposition:[^\S\r\n]*form-data;[^\r\n]*')
#: each file name in such a line (both of filename="…" and filename*=UTF-8''…; a quote escaped inside one)
_MULTIPART_FILE = re.compile(r'(?i)(?<![\w*])filename\*?=(?:"((?:[^"\\\r\n]|\\.){1,255})"|([^;\s]{1,255}))')
#: the meaning of a file's name: what the visitor has on their computer (a file input's value, rules/fields.yaml)
FILE_NAME = "FILE_NAME"


#: a text that is a file's name and nothing else, a document's or a picture's (rules/recognizers.yaml
#: file_extensions): "paspoort-peeters.jpg", "Attest huisarts.pdf"
_FILE_NAME_TEXT = re.compile(with_words(r"[^\s\\/][^\n\\/]{0,200}\.(?i:{{file_extensions}})"))


def file_name_shaped(text: str) -> bool:
    """Whether a text is one file's name (its spaces around aside)."""
    return _FILE_NAME_TEXT.fullmatch(text.strip()) is not None


#: what a payload key or a URL parameter that names a person's account holds (rules/fields.yaml person_ids): who the
#: person is, a handle or an account's id, pseudonymised in a payload as Sentry's and PostHog's user keys are
#: (redact.py), masked whole in an address
PERSON_ID = "PERSON_ID"
#: what a form's field a form builder numbered holds ({"field_3": …}, "input_1=…": rules/fields.yaml numbered_fields):
#: nothing says what, so it is masked whole
FORM_VALUE = "FORM_VALUE"


def multipart_files(text: str) -> list[tuple[int, int]]:
    """The file names in the heads of a multipart/form-data body's parts: (start, end)."""
    return [match.span(1) if match.group(1) is not None else match.span(2)
            for line in _MULTIPART_DISPOSITION.finditer(text)
            for match in _MULTIPART_FILE.finditer(text, line.start(), line.end())]


def multipart_parts(text: str) -> list[tuple[int, int, str]]:
    """The values of a multipart/form-data body, with the names of their fields: (start, end, name)."""
    parts = []
    for head in _MULTIPART_HEAD.finditer(text):
        end = text.find("\n--", head.end())
        end = len(text) if end == -1 else end - (text[end - 1:end] == "\r")
        if head.end() < end:
            parts.append((head.end(), end, head.group(1)))
    return parts


def with_shaped(spans: list[Span], shaped: list[tuple[int, int, str]]) -> list[Span]:
    """The detector's spans of a text and those found by their shape (credentials, secret pairs)."""
    return [*spans, *(Span(a, b, e, 1.0, "shape") for a, b, e in shaped)] if shaped else spans


def secret_pair_spans(text: str, is_secret_key: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Values under a secret-looking key inside a string (rules/secret_keys.yaml), in every way a
    key and its value are written there (written_pairs, form_pairs, a quoted assignment, a multipart
    body's parts, a bare pair in a line: bare_secret_pairs): the key is data there, not a key the payload walk
    sees."""
    found = [(start, end, "SECRET") for start, end, key in written_pairs(text) if is_secret_key(key)]
    if "=" in text:
        found += [(*m.span(2), "SECRET") for m in form_pairs(text) if is_secret_key(unquote_plus(m.group(1)))]
        found += [(*(m.span(2) if m.group(2) is not None else m.span(3)), "SECRET")
                  for m in _QUOTED_ASSIGNMENT.finditer(text) if is_secret_key(m.group(1))]
        found += [(start, end, "SECRET") for start, end, name in multipart_parts(text) if is_secret_key(name)]
    found += bare_secret_pairs(text, is_secret_key)
    found += listed_codes(text)
    found += shown_secrets(text)
    return [span for span in found if span[0] < span[1]]


#: the words for an account's one-time backup codes (rules/recognizers.yaml backup_code_words), then a mark or a verb
_CODES_OPENER = regex.compile(with_words(
    r"(?<![\w-])(?i:{{backup_code_words}})(?![\w-])(?:[^\S\n]*[:=]|[^\S\n]+(?i:{{backup_code_givers}})(?![\w-]))?"))
#: the next entry of such a list: what parts it from the one before (spaces, lines, a comma, a slash, "and") and a run
#: of letters and digits, maybe in groups joined by dashes ("7302-4619", "a7k2-9xq1"); possessive: linear
_LISTED_CODE = regex.compile(r"[\s,;/|&]*+(?:(?i:and|en|et|und|or|of|ou|oder|y|e|o)\s++)?([^\W_]++(?:-[^\W_]++)*+)")
#: a code holds a digit and this many letters or digits at least: "10 codes" or a year's "2024" alone is none
_CODE_LENGTH = 4


#: what a text is read after when a heading or a label over its list names backup codes (listed_codes): each code in
#: its own element ("<h2>Herstelcodes</h2><ul><li>7302 4619</li>…") holds no such word itself
CODES_INTRO = "backup codes: "


def names_backup_codes(text: str) -> bool:
    """Whether a heading's or a label's text names an account's backup or recovery codes ("Your recovery codes")."""
    return _CODES_OPENER.search(text) is not None


def listed_codes(text: str) -> list[tuple[int, int, str]]:
    """Every code of the list written after the words for an account's backup or recovery codes ("backup codes:
    7302-4619, 1234-5678", "Recovery codes: a7k2-9xq1 b8m3-0zr2", "herstelcodes 73024619 en 11223344"): each one
    logs in as the last does, which only a value's unsettled end masked (review 19 F6). The list ends at its first
    entry that is no code (a word: "backup codes: 7302-4619 heb ik bewaard"); the site's own words about codes hold
    none ("Download your backup codes"), and a promo code is none of these words."""
    found: list[tuple[int, int, str]] = []
    # every code holds a digit, and most texts none: the opener's search (a word list after a look-behind, tried
    # at every position) is spared them, ~30 µs each for every short text of a page
    if not any(map(str.isdigit, text)):
        return found
    for opener in _CODES_OPENER.finditer(text):
        at = opener.end()
        while (entry := _LISTED_CODE.match(text, at)) and sum(c.isalnum() for c in entry[1]) >= _CODE_LENGTH \
                and any(c.isdigit() for c in entry[1]):
            found.append((*entry.span(1), "SECRET"))
            at = entry.end()
    return found


#: a key written bare in a line of text, and what joins it to its value: a log line a developer composed
#: ("login failed (401) password: …", "user=jan pwd:…"), an object a script wrote without quotes ("{step:2,
#: passwd:…}"), Ruby's and PHP's dumps ('{:password=>"…"}', "[password] => …"). Its last name says what it is
#: ("user.password", "client_secret", "X-Api-Key"); not a URL's scheme ("https://") nor a time's digits
_BARE_KEY = re.compile(r"""(?<![\w$.\[\]%-])[:\["']?([A-Za-z_$][\w$.\[\]-]{0,39}?)["'\]]?[^\S\n]*(?::(?![/:])|=>|=(?!=))[^\S\n]*""")
_KEY_NAMES = re.compile(r"[\w$-]+")
#: its value: quoted, or one token up to a space, or up to a comma, a semicolon or an '&' before the next key
#: ("passwd:…,remember:true", "pwd=…&next=1"), and the groups of digits after it ("iban: BE71 0961 2345 6769",
#: "pin: 48 21"); an object's or a list's opening is the value's structure, not a secret written bare
_BARE_TOKEN = r"""[^\s,;&]+(?:[,;&](?![\w$.\[\]%"'-]{1,41}[^\S\n]*[:=])[^\s,;&]+)*"""
_GIVEN_TOKEN = re.compile(_BARE_TOKEN)
_BARE_VALUE = re.compile(rf"""(?![{{\[])("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|{_BARE_TOKEN}(?:[^\S\n](?=\d){_BARE_TOKEN})*)""")
#: what closes the brackets or the quotes a line put around the pair ("(pwd: …)", "{…, passwd: …}")
_CLOSERS = ")]}>\"'"


#: a one-time secret a text shows after the words for it and a verb or a mark ("Your one-time code is 739154", "Uw
#: tijdelijk wachtwoord is Xk7pQ2mZ", "Geheime sleutel: JBSWY3DPEHPK3PXP": recognizers.yaml one_time_secret_words,
#: password_words, password_givers): one token (up to a comma before a log line's next key, as _BARE_TOKEN), then
#: the groups of capitals or digits after it as long as it is
_SHOWN_SECRET = regex.compile(with_words(
    r"(?<![\w-])(?i:{{one_time_secret_words}}|{{password_words}})"
    r"(?:[^\S\n]*[:=]|[^\S\n]+(?i:{{password_givers}})(?![\w'’-]))[^\S\n]*"
    rf"({_BARE_TOKEN})"))
_SECRET_GROUP = regex.compile(r"[^\S\n]+([\p{Lu}\d]{2,8})(?![\w-])")
#: what ends a sentence after a secret a site shows: not the secret's ("Your one-time code is 739154.")
_AFTER_SENTENCE = ".,;:!?"
#: a secret holds this many letters or digits at least: "Your password is 8 characters" says how long one is
_SHOWN_SECRET_LENGTH = 4


def shown_secrets(text: str) -> list[tuple[int, int, str]]:
    """A one-time code, a temporary password or a setup key a text shows after the words for it and a verb or a mark
    (review 20 F8: "Your one-time code is 739154", "Ihr Bestätigungscode lautet 739154", "Enter this key: JBSW Y3DP
    EHPK 3PXP"), in the site's text too: whoever reads it signs in. Only a value shaped as a secret (a digit, a
    capital after a small letter, a mark beside a letter: _PASSWORD_SHAPE) of four letters or digits or more; the
    site's words after the same words stay ("Your one-time code is valid for 10 minutes", "Your password is
    case-sensitive")."""
    found: list[tuple[int, int, str]] = []
    for m in _SHOWN_SECRET.finditer(text):
        start, end = _inside(text, *m.span(1), _AFTER_SAID + _AFTER_SENTENCE)
        first = end - start
        while (group := _SECRET_GROUP.match(text, end)) and len(group[1]) == first:  # "482 913", "JBSW Y3DP …"
            end = group.end(1)
        value = text[start:end]
        if sum(c.isalnum() for c in value) >= _SHOWN_SECRET_LENGTH and _PASSWORD_SHAPE.search(value):
            found.append((start, end, "SECRET"))
    return found


#: secret keys a site's text also writes before one of its own words ("Session: Morning", "Card: Visa"), whose
#: secret is no plain word (rules/secret_keys.yaml plain_word_keys), and such a word: letters alone, capitalised or not
_PLAIN_WORD_KEYS = frozenset(load_rules("secret_keys.yaml")["plain_word_keys"])
_PLAIN_WORD = regex.compile(r"\p{L}\p{Ll}{0,19}")


def _plain_key(key: str) -> str:
    return key.lower().replace("-", "").replace("_", "")


def bare_secret_pairs(text: str, is_secret_key: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """The values written bare after a secret's key in a line of text ("… password: Hunter2", "pwd=…",
    "[password] => …"), as one token: a log line names what it prints as a payload's key does. Linear: a
    value is read once, and a key inside a value already read is that value's."""
    found: list[tuple[int, int, str]] = []
    if ":" not in text and "=" not in text:
        return found
    read_to = 0
    for key in _BARE_KEY.finditer(text):
        names = _KEY_NAMES.findall(key.group(1))
        if key.start() < read_to or not names or not is_secret_key(names[-1]):
            continue
        value = _BARE_VALUE.match(text, key.end())
        if value is None:
            continue
        start, end = value.span()
        if _plain_key(names[-1]) in _PLAIN_WORD_KEYS and _PLAIN_WORD.fullmatch(text, start, end):
            continue  # "Session: Morning", "Card: Visa": the site's label and its word
        if text[start] in "\"'" and end - start >= 2:
            start, end = start + 1, end - 1
        else:
            end = start + len(text[start:end].rstrip(_CLOSERS))
        if start < end:
            found.append((start, end, "SECRET"))
        read_to = value.end()
    return found


def _looks_random(run: str) -> bool:
    """A token rather than words or a file name: digits mixed with letters of both kinds or with
    hex, few long letter-only stretches, and a high entropy. A UUID is an identifier, not a secret,
    and so is a name made of words and a UUID ("$survey_response_0190c0de-…": a question's id)."""
    if UUID.fullmatch(run):
        return False
    if (named := _NAMED_UUID.fullmatch(run)) and any(len(word) >= _ID_NAME_WORD for word in _LOWER_RUN.findall(named[1])):
        return False
    digits = sum(c.isdigit() for c in run)
    upper = sum(c.isupper() for c in run)
    if digits < _MIN_TOKEN_DIGITS or (digits + upper) < len(run) * _MIN_TOKEN_MIXED \
            or max(map(len, _LOWER_RUN.findall(run)), default=0) > _MAX_TOKEN_LOWER_RUN:
        return False
    counts = Counter(run)
    entropy = -sum(n / len(run) * math.log2(n / len(run)) for n in counts.values())
    return entropy >= _MIN_TOKEN_ENTROPY


#: the path segments that hold people (rules/recognizers.yaml person_paths)
_PERSON_PATHS = frozenset(w.casefold() for w in rule_words()["person_paths"])
#: the path segments that open a one-time link (rules/recognizers.yaml secret_paths): the next is its secret
_SECRET_PATHS = frozenset(w.casefold() for w in rule_words()["secret_paths"])
#: a route's word after such a segment that names the secret (secret_path_names): kept, the next is the secret
_SECRET_PATH_NAMES = frozenset(w.casefold() for w in rule_words()["secret_path_names"])
#: a chat link's host (rules/recognizers.yaml dialling_hosts): its first path segment of digits is a number
_DIALLING_HOSTS = frozenset(w.casefold() for w in rule_words()["dialling_hosts"])
_DIALLED_SEGMENT = re.compile(r"\+?\d+")
#: a social network's host (rules/recognizers.yaml social_hosts): its first path segment is an account's handle
_SOCIAL_HOSTS = frozenset(w.casefold() for w in rule_words()["social_hosts"])
#: a segment on such a host after which the handle is a person's whatever its shape ("linkedin.com/in/…")
_SOCIAL_PROFILE_PATHS = frozenset(w.casefold() for w in rule_words()["social_profile_paths"])
#: a handle that spells words, joined by '.', '-' or '_', a number or a short id after them ("jan.peeters.7",
#: "lea_dubois", "@mbuyi.nsimba", "jan-peeters-1a2b3c"): a person's name, not a shop's one word
_HANDLE_OF_WORDS = re.compile(r"@?[^\W\d_]{2,}(?:[._-][^\W\d_]{2,})+(?:[._-]?[^\W_]{1,16})?")


#: a parcel carrier's or a tracking service's host (rules/recognizers.yaml carrier_hosts): a tracking link's code
_CARRIER_HOSTS = frozenset(w.casefold() for w in rule_words()["carrier_hosts"])


def _host_among(head: str, hosts: frozenset[str]) -> bool:
    """Whether a URL's scheme and host name one of hosts or one of its subdomains ("www.", "nl-nl.", "jouw.")."""
    host = head.split("://", 1)[-1].casefold().rsplit("@", 1)[-1].split(":", 1)[0]
    return any(host == known or host.endswith("." + known) for known in hosts)


def _carrier_value(value: str) -> bool:
    """Whether a carrier link's path segment or query value may be a parcel's code or its postcode (a digit in it:
    "3SABCD1234567-NL-1053ED", "323299000012345678", "1200"), not a route's word ("track-and-trace", "nl")."""
    return any(c.isdigit() for c in value) and not _PAGE_FILE.search(value)


def _social_profile_segment(segment: str, after_profile_word: bool) -> bool:
    """Whether a social host's path segment is a person's handle: after a word that says a profile follows, any of
    the site's pages aside; as the path's first segment, a handle that spells words (_HANDLE_OF_WORDS), not a file."""
    if not _person_in_path(segment):
        return False
    return after_profile_word or _HANDLE_OF_WORDS.fullmatch(segment) is not None
#: the site's own pages after such a segment (person_path_pages): any other segment there is a person's
_PERSON_PATH_PAGES = frozenset(w.casefold() for w in rule_words()["person_path_pages"])
#: a page's own file after such a segment ("/klant/index.html")
_PAGE_FILE = re.compile(r"(?i)\.(?:html?|php\d?|aspx?|jsp|cgi)$")


_SEGMENT_WORDS = re.compile(r"[-_]")


def _opens_one_time_link(segment: str) -> bool:
    """Whether a page path's segment opens a one-time link: a word of secret_paths ("/reset/", "/uitnodiging/"), or
    a compound of one with the flow's own words only ("/reset-password/", "/verify-email/", "/password_reset/":
    review 21 F5); a compound with any other word is the site's page ("/magic-mouse/", "/herstel-service/")."""
    folded = segment.casefold()
    if folded in _SECRET_PATHS:
        return True
    words = _SEGMENT_WORDS.split(folded)
    return len(words) > 1 and any(word in _SECRET_PATHS for word in words) and all(
        word in _SECRET_PATHS or word in _SECRET_PATH_NAMES or word in _PERSON_PATH_PAGES for word in words)


#: a record's number: a run without spaces of at least six characters with a letter and a digit in it ("VdM:88ZT/41q",
#: "K-2026-0412"), not a count, a house number ("12A") nor a word
_RECORD_NUMBER = re.compile(r"(?=\S*[^\W\d_])(?=\S*\d)\S{6,}")


#: a document's number: five or more digits with up to three letters before or after them, letters there ("483921KA",
#: a Hungarian identity card's; "EM1234567", a passport's); not a date and time ("2026-03-14T10:00"), a hash's hex
#: ("3fa85f64") nor a campaign's name ("spring2026"), whose letters are elsewhere or more
_DOCUMENT_NUMBER = re.compile(r"(?=\S*[A-Za-z])[A-Za-z]{0,3}\d{5,}[A-Za-z]{0,3}")


def document_number_shaped(value: str) -> bool:
    """Whether a value is shaped as an identity document's or a record's number (_DOCUMENT_NUMBER)."""
    return _DOCUMENT_NUMBER.fullmatch(value) is not None


def record_number_shaped(value: str, mixed_case: bool = False) -> bool:
    """Whether a value is shaped as a record's number (_RECORD_NUMBER); mixed_case: with small and capital letters
    too, as a number generated at random is ("VdM:88ZT/41q"), not a product's or a chip's code ("MC-4471")."""
    return _RECORD_NUMBER.fullmatch(value) is not None and (
        not mixed_case or (any(c.isupper() for c in value) and any(c.islower() for c in value)))


#: a separator percent-encoded inside a path segment ("%2F", "%3A", "%40"…): a script put a value there with
#: encodeURIComponent, a route's words need none
_ENCODED_SEPARATOR = re.compile(r"%(?:2F|3A|3F|23|26|3D|40|2C|3B|7C)", re.I)


def encoded_value_segment(raw: str) -> bool:
    """Whether a path segment, as written, is a value a script encoded into the path that is shaped as a record's
    number ("/api/licences/VdM%3A88ZT%2F41q": a member's number the server gave, which no detector reads): a
    separator encoded inside it, a letter and a digit in it. A route's segment or a slug needs no encoded separator."""
    return _ENCODED_SEPARATOR.search(raw) is not None and record_number_shaped(unquote(raw))


def _person_in_path(segment: str) -> bool:
    """Whether a page path's segment after one that holds people is a person's handle or id: an
    allow-list of the site's pages there, not a guess at what a handle looks like ("jorindev"), and the opening of
    a one-time link's flow ("/account/password_reset/")."""
    return bool(segment) and segment.casefold() not in _PERSON_PATH_PAGES and not _PAGE_FILE.search(segment) \
        and not _opens_one_time_link(segment)


#: what a path segment's field word may say the next segment holds (Redacting.parameter_meaning): a person's data; not
#: an address's, a town's or a category's, which a site's catalogue routes by ("/stad/Gent/hotels")
_PATH_FIELD_MEANINGS = frozenset({"PERSON", "DATE_OF_BIRTH", "EMAIL_ADDRESS", "PHONE_NUMBER", "NATIONAL_ID", "IBAN_CODE",
                                  "TAX_ID", "CUSTOMER_ID", "VEHICLE_ID", "CREDIT_CARD"})


def _path_field_meaning(segment: str, work: Redacting) -> str:
    """What a page path's segment, read as a query's key is, says the segment after it holds, or ""."""
    if not segment or len(segment) > _PATH_FIELD_WORD_MAX or not segment.replace("-", "").replace("_", "").isalpha():
        return ""
    meaning = work.parameter_meaning(segment)
    return meaning if meaning in _PATH_FIELD_MEANINGS else ""


_PATH_FIELD_WORD_MAX = 40  # a field's word or two: a longer segment is a slug


def _value_in_path(segment: str, meaning: str) -> bool:
    """Whether a path segment after a field's word is a value of it, not a page of the site's ("/email/verify"): a
    digit or an '@' in it, or for a person's name a capital first ("/naam/Nsimba"); never a site's page or file."""
    return _person_in_path(segment) and (any(c.isdigit() for c in segment) or "@" in segment
                                         or (meaning == "PERSON" and segment[:1].isupper()))


#: digits alone that may be an international phone's without its '+' (E.164: at most 15 digits): a
#: chat link's path segment ("https://wa.me/491712345678"), a payload's value ({"msg": "32478998877"})
_PHONE_DIGITS = re.compile(r"[1-9]\d{9,14}")
_PHONE_E164 = make_validator("phonenumbers:E164")


def phone_without_plus(value: str) -> bool:
    """Whether a value (a path segment, a payload's string or number) is an international phone
    number alone, written without its '+'."""
    return _PHONE_DIGITS.fullmatch(value) is not None and _PHONE_E164(value)


#: a '+' that starts a number ("?tel=+32+478…", "?x=+32478913527"): an international phone's,
#: left unencoded by a script that wrote the address itself, not a form encoding's space
_PLUS_STARTING_A_NUMBER = re.compile(r"(?<![0-9A-Za-z])\+(?=[0-9])")
#: a '+' inside an e-mail address's local part ("?x=amelie.vermeulen+shop@…"): a plus-tag's, not a space
_PLUS_IN_AN_ADDRESS = re.compile(r"(?<=[\w.-])\+(?=[\w.+-]*(?:@|%40))")


def _readings(raw: str, query: bool) -> list[str]:
    """A URL piece percent-decoded every way its '+' can be meant, the way it is written back
    first. A query value is form-encoded ('+' a space) but a script that writes the address itself
    leaves a phone's '+' and an e-mail's plus-tag as they are: read with those kept too. A path segment
    or a fragment is not form-encoded ('+' a plus), but a site may still spell a space with it
    ("/zoek/jan+jansen"): read with '+' a space too. Every reading has the piece's length, a '+'
    one character in each, so a span found in one is at the same place in the others."""
    if query:
        readings = [unquote_plus(raw)]
        if "+" in raw:
            readings.append(unquote_plus(_PLUS_IN_AN_ADDRESS.sub("%2B", _PLUS_STARTING_A_NUMBER.sub("%2B", raw))))
    else:
        readings = [unquote(raw)]
        if "+" in raw:
            readings.append(unquote_plus(raw))
    return readings if len(readings) == 1 or readings[0] != readings[1] else readings[:1]


def _written_back_safe(raw: str) -> str:
    """What a piece masked in part keeps unencoded when it is written back: its masks and the characters an
    address keeps plain, and a "/" its query value was written with ("?tel=****/**.**.56" stays a query)."""
    return "*[]@.-_~/" if "/" in raw else "*[]@.-_~"


#: what a URL scanned whole keeps unencoded when it is written back (its separators, masks, '%')
_WHOLE_URL_SAFE = ":/?&=#;%*[]@+,"
#: a link that calls or texts a number: the number, up to its parameters ("sms:+32…?body=…", "tel:…;ext=2")
_DIALLED = re.compile(r"(?i)(?:tel|sms|callto|facetime|facetime-audio):[^\S\n]*([^?;,\s](?:[^?;,]*[^?;,\s])?)")
#: such a link written inside a text (autocapture's $elements_chain 'href="tel:+32471"', an HTML string): its digits
#: and their separators, from the scheme's colon on
_DIALLED_IN_TEXT = re.compile(r"(?i)(?<![\w.-])(?:tel|sms|callto|facetime|facetime-audio):(\+?\d(?:[\d().\-/ ]*\d)?)")
#: a page's own name and its query, relative ("checkout?stap=2&…"), as a login's ?next= may hold it
_RELATIVE_WITH_QUERY = re.compile(r"[\w.-]+\?[^\s?&#=]+=")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
#: the piece index of a text that is a run of path segments read joined (UrlSlot._segment_runs)
_SEGMENT_RUN = -1
#: addresses in an address a piece is read through ("?next=" of "?redirect=" of …): past them it is masked whole
MAX_NESTED_URLS = 4


def _nested_url(decoded: str) -> bool:
    """Whether a URL piece, percent-decoded once, is an address of its own to take apart as one
    ("?next=%2Fcheckout%3Fachternaam%3D…", "?redirect=https%3A%2F%2F…", a gravatar's "?d=" fallback),
    or still percent-encoded (a value encoded twice: "%252B32…"), to decode once more."""
    return (looks_like_url(decoded) or bool(_RELATIVE_WITH_QUERY.match(decoded))
            or bool(_PERCENT_ESCAPE.search(decoded)))


@dataclass(slots=True)
class _Nested:
    """A piece's address read as a UrlSlot of its own, on its piece decoded (holder[0])."""

    slot: UrlSlot
    holder: list[str]
    decoded: str
    plain: bool  # written unencoded in its piece ("?next=/klant/…"), and written back so


class UrlSlot(Slot):
    """A URL: query values that are secrets or personal data by name are masked whole; the others,
    the path and the fragment are scanned (after percent-decoding: '%40' is an '@').
    page: a page's address (the page's own, a link's), not a resource's, where a path segment that
    spells a name is a person ("/klant/sanne-jansen/"): an image or a stylesheet keeps its path,
    as a replay needs it ("/img/olivia-burton-watch.jpg"). A segment after one that holds people is a
    person's handle in both ("/users/jorindev77/avatar.png", "/klant/jorindev77.jpg"): a replay
    cannot load a person's avatar from a masked path anyway."""

    #: a query's or a fragment's "name=value", whose value runs to the next "&", ";", "?" or "#" (a script that
    #: writes the address leaves a "/" in it: "?telefoon=0470/12.34.56", "?geboortedatum=14/04/1985"), or a path
    #: segment, "/" ending it and any "name=value" in it
    _PARTS = re.compile(r"([?&;#])([^?&;#/=]*)(?:(=)([^?&;#]*))?|(/)([^?&;#/=]*)(=?)([^?&;#/]*)")
    _LEAD = re.compile(r"[^?&;#/]*")
    _SCHEME_ONLY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # mailto:, tel:, data:… are scanned whole

    def __init__(self, cell: Cell, node: int | None, work: Redacting, page: bool = False, depth: int = 0):
        self.cell, self.node = cell, node
        self.nested: dict[int, _Nested] = {}  # the pieces that hold an address of their own, encoded
        self.masked_whole: set[int] = set()  # id() of the pieces masked whole before detection
        self.spaced: dict[int, str] = {}  # a piece's reading with its glue as spaces, for shapes only
        url = self._without_credentials(cell, node, work)
        self.token_runs = not url.lstrip()[:5].lower() == "data:"  # base64 of an image is not a secret
        scheme_host = SCHEME_AND_HOST.match(url)
        self.head = scheme_host.group(0) if scheme_host else ""
        # a relative URL ("avatar.png?u=…", as rrweb leaves a <link imagesrcset>) starts with a
        # path segment and no separator: taken as one piece, so its query is still taken apart
        lead = "" if self.head or self._SCHEME_ONLY.match(url) else self._LEAD.match(url).group(0)
        self.pieces: list[list[str]] = [["", lead, "", ""]] if lead else []
        self.pieces += [self._piece(m) for m in self._PARTS.finditer(url, len(self.head) + len(lead))]
        rebuilt = self.head + "".join("".join(p) for p in self.pieces)
        self.dialled: list[Span] = []
        if rebuilt != url:  # not a URL we can take apart: scan it as a whole
            self.pieces = []
            self.texts = [unquote(url)]  # mailto:, tel: — a "+" is a plus here, not a space
            if dialled := _DIALLED.match(self.texts[0]):
                # a tel: or sms: link's number is a phone's by its scheme, whatever its digits: a page that
                # links a number as it is typed writes "tel:+32434217" before the number is whole
                self.dialled = [Span(dialled.start(1), dialled.end(1), "PHONE_NUMBER", 1.0, "url.dialled")]
            return
        # a chat link's number ("https://wa.me/3247123456" as a page writes it while the number is typed)
        dialling = self.head.split("://", 1)[-1].casefold() in _DIALLING_HOSTS
        # a social network's profile link ("facebook.com/jan.peeters.7", "linkedin.com/in/…"): its handle is a person's
        social = page and _host_among(self.head, _SOCIAL_HOSTS)
        # a parcel carrier's tracking link ("bpost.be/track?itemCode=…&postalCode=…", "postnl.nl/track-and-trace/<code>-
        # NL-<postcode>"): the code and the postcode open the page of the visitor's delivery, their name and street on it
        carrier = page and _host_among(self.head, _CARRIER_HOSTS)
        after_profile_word = False  # the previous segment, a social host's first, says a profile follows: "/in/"
        after_people = False  # the previous path segment holds people: "/klant/", "/users/"
        after_field = ""  # what the previous path segment's word says the next holds: "/geboortedatum/"
        number_goes_on = ""  # the meaning of a number masked in the previous segment, whose next digits go on with it
        after_secret = False  # the previous path segment opens a one-time link: "/reset/", "/uitnodiging/"
        opened = False  # the previous path segment is the word that opened it, not a name passing it on
        self.searched: set[int] = set()  # the pieces that are a search's query ("?q=…")
        for index, piece in enumerate(self.pieces):
            name, value = piece[1], piece[3]
            segment = piece[0] == "/" and not piece[2]
            held_value = ""  # what this segment was masked as, a value after a holder's or a field's word
            if segment and number_goes_on and unquote(name).isdigit():
                # "/dossier/201/5012/3457": a number whose own separator is a '/' (a Steuernummer) goes on past the
                # segment masked after a holder's or a field's word, which the segments' joined reading no longer sees
                self._mask_whole(piece, 1, unquote(name), number_goes_on, "url.path-number", work,
                                 remember=False)  # (a few digits alone: a count's or a page's as often)
                held_value = number_goes_on
            elif page and segment and is_name_slug(unquote(name)):
                # the echo to mask elsewhere is the name as a page writes it: "Sanne Jansen"
                spelled = " ".join(w.capitalize() for w in re.split(r"[-_]", unquote(name)) if not w.isdigit())
                self._mask_whole(piece, 1, unquote(name), "PERSON", "url.name-slug", work, spelled)
            elif page and segment and dialling and index == 0 and _DIALLED_SEGMENT.fullmatch(unquote(name)):
                # a chat link's number is a phone's by its host, whatever its digits: a page that links the
                # number as it is typed writes "https://wa.me/32471234" before the number is whole
                self._mask_whole(piece, 1, unquote(name), "PHONE_NUMBER", "url.dialled-path", work)
            elif page and segment and phone_without_plus(name):
                # "https://wa.me/491712345678": a chat or call link's number, its '+' left out (a
                # resource's path keeps its digits: an image's id)
                self._mask_whole(piece, 1, name, "PHONE_NUMBER", "url.phone-digits", work)
            elif social and segment and (index == 0 or after_profile_word) \
                    and _social_profile_segment(unquote(name), after_profile_word):
                # "facebook.com/jan.peeters.7", "linkedin.com/in/jan-peeters-1a2b3c": a person's handle, which no
                # detector reads as a name (review 29 F13)
                self._mask_whole(piece, 1, unquote(name), PERSON_ID, "url.social-profile", work)
            elif carrier and segment and _carrier_value(unquote(name)):
                self._mask_whole(piece, 1, unquote(name), "CUSTOMER_ID", "url.carrier-tracking", work)
            elif segment and after_people and _person_in_path(unquote(name)):
                # "/klant/jorindev77": a person's handle or id, which no detector reads; a page of the
                # site's there is kept ("/account/settings"), and so is a file ("/klant/index.html")
                self._mask_whole(piece, 1, unquote(name), "PERSON", "url.person-path", work)
                held_value = "PERSON"
            elif page and segment and after_field and _value_in_path(unquote(name), after_field):
                # "/offerte/geboortedatum/1985-03-12": a field's word in the path says what the next segment holds,
                # as a query's key does ("?geboortedatum=…"); a page of the site's there is kept ("/email/verify")
                self._mask_whole(piece, 1, unquote(name), after_field, "url.field-path", work)
                held_value = after_field
            elif page and segment and after_secret and _person_in_path(unquote(name)) \
                    and unquote(name).casefold() not in _SECRET_PATH_NAMES:
                # "/wachtwoord/reset/Kx7pQ2mZ9fWqLr4T", "/uitnodiging/<code>": a one-time link's secret, of any
                # length or shape; the site's pages there are kept as after a segment that holds people, and a
                # resource's path as a replay needs it ("/css/reset/base.css")
                self._mask_whole(piece, 1, unquote(name), "SECRET", "url.secret-path", work)
            elif segment and encoded_value_segment(name):
                # "/api/licences/VdM%3A88ZT%2F41q": a record's number the page encoded into the path, masked whole
                self._mask_whole(piece, 1, unquote(name), "CUSTOMER_ID", "url.encoded-segment", work)
            elif page and segment and token_segment(unquote(name)):
                # "/unsubscribe/Kx7pQ2mZ9fWqLr4T", "/reimposta-password/…", "/order/<token>/status": a token in a
                # page's address by its shape, after a segment no list holds, in any language (a resource's path
                # keeps its build's hashes, as a replay needs it: "/assets/index-BxK3a9Zq.js")
                self._mask_whole(piece, 1, unquote(name), "SECRET", "url.token-segment", work)
            opens = piece[0] in ("/", "") and not piece[2]
            # a number just masked whole after such a word: the digits of the segments after it are its own
            number_goes_on = held_value if held_value and unquote(name).isdigit() else ""
            after_people = opens and unquote(name).casefold() in _PERSON_PATHS
            after_profile_word = social and index == 0 and opens and unquote(name).casefold() in _SOCIAL_PROFILE_PATHS
            after_field = _path_field_meaning(unquote(name), work) if opens and page else ""
            # "/reset/code/482913": a route's word naming the secret passes the opening on to the segment after it,
            # and so does one page of the flow right after the opening word ("/verify/email/615270")
            plain = unquote(name).casefold()
            was_opened, opened = opened, opens and _opens_one_time_link(plain)
            after_secret = opened or opens and after_secret and (
                plain in _SECRET_PATH_NAMES or was_opened and plain in _PERSON_PATH_PAGES)
            if not piece[2] or not value:
                continue
            if secret_parameter(unquote_plus(name)):
                self._mask_whole(piece, 3, unquote_plus(value), "SECRET", "url.secret-parameter", work)
            elif carrier and _carrier_value(unquote_plus(value)):
                # "?itemCode=323299000012345678&postalCode=1200": a parcel's code and the visitor's postcode
                self._mask_whole(piece, 3, unquote_plus(value), "CUSTOMER_ID", "url.carrier-tracking", work)
            elif self.token_runs and token_value(unquote_plus(value)):
                # "?sessie=sess_Qx7Lr2Vb9Tn4Kp8M": a token under a name no list holds, in any language
                self._mask_whole(piece, 3, unquote_plus(value), "SECRET", "url.token-value", work)
            elif meaning := work.parameter_meaning(unquote_plus(name), unquote_plus(value)):
                # "?name=Ysoline+Daemers", "?user=lien.dhondt": the name says what the value is, as a field's or a
                # payload's key does, so it is masked whole, names no detector knows included; a person's account
                # that is one word is masked, not remembered ("?account=premium": the site's word as often)
                self._mask_whole(piece, 3, unquote_plus(value), meaning, "url.parameter." + meaning.lower(), work,
                                 remember=not (meaning == PERSON_ID and unquote_plus(value).isalpha()))
            elif piece[0] != "/" and work.search_parameter(unquote_plus(name)):
                # a search's query keeps its words, unless it is about a person ("?q=Jan+Peeters+1990"),
                # by its shape here or by what the detector finds in it (resolve)
                self.searched.add(index)
                if len(value) <= MAX_SCANNED and work.read(a_person_searched, unquote_plus(value), ()):
                    self._mask_whole(piece, 3, unquote_plus(value), "PERSON", "url.search-person", work)
            elif page and piece[0] != "/" and not work.thing_parameter(unquote_plus(name)) \
                    and name_shaped(unquote_plus(value)):
                # "?klant=Zorbalie+Quendt" in a page's address (a referrer): a parameter that says
                # nothing, a name on no list, but a person's shape; a search query keeps its words, and
                # so does one whose name says a thing ("?plan=Fixed+Desk+Plus": held-out peers round 14,
                # masked there, the plan's words were masked in the whole replay after it)
                self._mask_whole(piece, 3, unquote_plus(value), "PERSON", "url.name-value", work)
            elif page and piece[0] != "/" and not work.thing_parameter(unquote_plus(name)) \
                    and document_number_shaped(unquote_plus(value)):
                # "?ig=483921KA" in a page's address (held-out peers round 26: an identity card's number under a
                # name that says nothing): a document's number by its shape, masked whole and remembered; a
                # parameter whose name says a thing keeps it ("?sku=AB123456")
                self._mask_whole(piece, 3, unquote_plus(value), "CUSTOMER_ID", "url.document-number", work)
        if page:
            self._mask_name_path(work)
        # each piece read every way a '+' in it can be meant, or as the address it holds: its texts, and
        # the piece each is of
        readings = [nested if (nested := self._nest(index, node, work, page, depth)) is not None
                    else _readings(p[3], True) if p[2] else _readings(p[1], False) for index, p in enumerate(self.pieces)]
        # a page's path segment that shows a number's sign (shape_signs) read with its glue as spaces too, as an id or
        # a class is (ShapeSlot): a download link's file name glues a national number or a BSN to its words
        # ("/docs/attest-85073003328.pdf"), and a detector reads a number only apart from the words around it. That
        # reading's shapes only: its words are the site's ("/blog/2024-03-15-zomerfeest-in-het-park")
        for index, piece in enumerate(self.pieces):
            if page and piece[0] in ("/", "") and not piece[2] and index not in self.nested and readings[index] \
                    and shape_signs(readings[index][0]) \
                    and (spaced := readings[index][0].translate(_GLUE)) != readings[index][0]:
                self.spaced[index] = spaced
                readings[index] = [*readings[index], spaced]
        self.texts = [text for texts in readings for text in texts]
        self.text_pieces = [i for i, texts in enumerate(readings) for _ in texts]
        # each run of path segments read joined too ("#/dossier/201/5012/3457"): a value whose own separator is a
        # '/' spans segments that alone are a few digits each; after the pieces' texts, one text per run
        self.runs = self._segment_runs(readings)
        for run in self.runs:
            self.texts.append("".join("/" + readings[index][0] for index in run))
            self.text_pieces.append(_SEGMENT_RUN)

    #: the most path segments a name spells one word each ("/team/jan/van/dam": a given name, particles, a surname)
    _NAME_PATH_WORDS = 4

    def _mask_name_path(self, work: Redacting) -> None:
        """A page path that ends in a person's name one word a segment ("/team/jan/peeters", "/kyc/ubo/priyanka/shah":
        held-out peers round 21): the last segments read as a name slug joined ("jan-peeters", is_name_slug: a known
        given name first, no function word after), each masked and the name remembered as a page writes it. Only
        words of letters, none of the site's own pages there ("/klant/jan/bestellingen" keeps its page)."""
        tail: list[list[str]] = []
        path = self.pieces[:next((i for i, p in enumerate(self.pieces) if p[0] != "/"), len(self.pieces))]
        for piece in reversed(path):  # the path's last segments, before its query or fragment
            word = unquote(piece[1])
            if piece[0] != "/" or piece[2] or id(piece) in self.masked_whole or not word.isalpha() \
                    or word.casefold() in _PERSON_PATH_PAGES or len(tail) == self._NAME_PATH_WORDS:
                break
            tail.insert(0, piece)
        for start in range(len(tail) - 1):  # the longest run that is a name: its first word a given name
            words = [unquote(piece[1]) for piece in tail[start:]]
            if is_name_slug("-".join(words)):
                spelled = " ".join(w if w.casefold() in PARTICLES else w.capitalize() for w in words)
                for piece, word in zip(tail[start:], words):
                    self._mask_whole(piece, 1, word, "PERSON", "url.name-path", work, spelled)
                return

    def _segment_runs(self, readings: list[list[str]]) -> list[list[int]]:
        """The runs of two or more path segments in a row (a "/" and a name, no "=", neither masked whole nor an
        address of their own), each as the indexes of its pieces."""
        runs: list[list[int]] = [[]]
        for index, piece in enumerate(self.pieces):
            if piece[0] == "/" and not piece[2] and index not in self.nested and id(piece) not in self.masked_whole \
                    and readings[index]:
                runs[-1].append(index)
            elif runs[-1]:
                runs.append([])
        return [run for run in runs if len(run) > 1]

    def _spread(self, run: list[int], text: str, spans: list[Span], work: Redacting,
                spans_of: dict[int, list[Span]], written: dict[int, str]) -> None:
        """What was found in a run of segments read joined and crosses a '/' (what lies inside one segment
        its own reading found): remembered whole, and masked in each segment it covers, on the segment's
        reading that is written back. The detector's findings only: a credential's shape is judged segment by
        segment (token_segment), and a product's slug after "/p/" is no token run ("/p/MacBook-Pro-14-M3-Max")."""
        crossing = [span for span in spans if span.recognizer != "shape" and "/" in text[span.start:span.end]]
        if not crossing:
            return
        work.taint_spans(text, crossing)
        start = 0
        for index in run:
            start += 1  # its "/"
            end = start + len(written[index])
            for span in crossing:
                if span.start < end and span.end > start:
                    spans_of.setdefault(index, []).append(Span(max(span.start, start) - start,
                                                               min(span.end, end) - start, span.entity, span.score,
                                                               span.recognizer))
            start = end

    @staticmethod
    def _piece(match: re.Match) -> list[str]:
        """A _PARTS match as its separator, name, "=" and value ("" for what it lacks)."""
        groups = match.groups()
        return [part or "" for part in (groups[:4] if groups[0] else groups[4:])]

    def _nest(self, index: int, node: int | None, work: Redacting, page: bool, depth: int) -> list[str] | None:
        """The texts of a piece that holds an address percent-encoded, or a query value that holds one
        written plainly ("?next=/klant/sanne-jansen": its "/" no longer cuts the value), read as a UrlSlot of
        its own (_nested_url): its parameters' names keep their meaning and its path its people, as the same
        address in the outer one does, and what it holds encoded again is decoded again. None for any
        other piece, read as text (a search's query keeps its words). Past MAX_NESTED_URLS the piece is
        masked whole: each address in another is decoded once more, and the depth bounds the work."""
        piece = self.pieces[index]
        part = 3 if piece[2] else 1
        plain = "%" not in piece[part]
        if plain and (part == 1 or "/" not in piece[part]) or index in self.searched \
                or id(piece) in self.masked_whole:
            return None
        decoded = unquote(piece[part])  # a '+' kept: the address reads it as its own place says
        if not _nested_url(decoded):
            return None
        if depth >= MAX_NESTED_URLS:
            piece[part] = quote(work.masker.whole(decoded, "SECRET"), safe="*[]")
            work.remarks.append(Remark("limit.url_nesting", "SECRET", "mask", self.node))
            return []
        holder = [decoded]
        nested = self.nested[index] = _Nested(UrlSlot(Cell(holder, 0), node, work, page, depth + 1), holder, decoded,
                                              plain)
        return nested.slot.texts

    def _unnest(self) -> None:
        """Writes each nested address that changed back into its piece, percent-encoded once more as it
        came; one nothing was masked in stays as it was written."""
        for index, nested in self.nested.items():
            if nested.holder[0] != nested.decoded:
                piece = self.pieces[index]
                piece[3 if piece[2] else 1] = nested.holder[0] if nested.plain else quote(nested.holder[0], safe="*[]")

    def write_rule_masks(self) -> None:
        """Writes into the cell what the rules masked whole before detection (a person's handle after "/klant/", a
        value under a name that says what it holds), in its nested addresses too, and nothing else: for a URL
        inside a text, which the text's own slot then scans whole (urls_in_text)."""
        for nested in self.nested.values():
            nested.slot.write_rule_masks()
        if self.pieces:
            self._unnest()
            self.cell.set(self.head + "".join("".join(p) for p in self.pieces))

    @staticmethod
    def _without_credentials(cell: Cell, node: int | None, work: Redacting) -> str:
        """The URL with the user and password of its authority masked whole ("https://jan:Hunter2@
        shop.example/"): a login, never a place to scan."""
        url = cell.get()
        authority = SCHEME_AND_HOST.match(url)
        if authority is None or "@" not in authority.group(0):
            return url
        scheme_end = url.index("://") + 3
        userinfo, host = authority.group(0)[scheme_end:].rsplit("@", 1)
        url = f"{url[:scheme_end]}{quote(work.masker.whole(unquote(userinfo), 'SECRET'), safe='*')}@{host}" \
              f"{url[authority.end():]}"
        cell.set(url)
        work.remarks.append(Remark("url.credentials", "SECRET", "mask", node))
        return url

    def _mask_whole(self, piece: list[str], part: int, text: str, entity: str, rule: str, work: Redacting,
                    echo: str | None = None, remember: bool = True) -> None:
        """A piece's name (part 1: a path segment) or value (3) masked whole, as a field's value
        with a meaning is, and remembered (unless not to remember) so that its echoes elsewhere in the session
        are masked."""
        piece[part] = quote(work.masker.whole(text, entity), safe="*[]")
        self.masked_whole.add(id(piece))
        echo = text if echo is None else echo
        if remember:
            work.taint_spans(echo, [Span(0, len(echo), entity, 1.0, rule)])
        work.remarks.append(Remark(rule, entity, "mask", self.node))

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        if not self.pieces:
            spans = [*found[0], *self.dialled] if self.texts else []
            if spans:  # no texts: a bare origin ("https://shop.example"), nothing to scan
                # a dialled number is masked by its scheme, not remembered by it: the site links its own numbers
                # ("Bel ons op <a href='tel:14 0488'>14 0488</a>"), whose text would be masked as its echo
                work.taint_spans(self.texts[0], found[0])
                self.cell.set(quote(work.masker.spans(self.texts[0], [(s.start, s.end, s.entity) for s in spans]),
                                    safe=_WHOLE_URL_SAFE))
                work.remarks.extend(Remark("url.content", s.entity, "span", self.node) for s in spans)
            return
        spans_of: dict[int, list[Span]] = {}
        read_in: dict[int, str] = {}  # id of a span -> the reading it was found in
        written: dict[int, str] = {}  # each piece's first reading: the way it is written back
        nested_found: dict[int, list[list[Span]]] = {index: [] for index in self.nested}
        spread: list[tuple[str, list[Span]]] = []  # each run of segments' text and what was found in it
        for index, text, spans in zip(self.text_pieces, self.texts, found):
            if index == _SEGMENT_RUN:
                spread.append((text, spans))
                continue
            if index in nested_found:
                nested_found[index].append(spans)
                continue
            written.setdefault(index, text)
            if self.spaced.get(index) == text:
                spans = [span for span in spans if span.entity not in _WORD_ENTITIES]
            spans_of.setdefault(index, []).extend(spans)
            read_in.update((id(span), text) for span in spans)
        for run, (text, spans) in zip(self.runs, spread):
            self._spread(run, text, spans, work, spans_of, written)
        spans_of = {index: spans for index, spans in spans_of.items() if spans}
        for index, spans in spans_of.items():
            # what one reading finds inside what another found is a part of it ("shop@telenet.example"
            # read with the plus-tag's '+' a space): tainted alone it would mask the site's own words; a part
            # of a run's span is not read in the segment (tainted whole in _spread)
            spans = drop_contained(spans)
            for span in spans:
                if id(span) in read_in:
                    work.taint_spans(read_in[id(span)], [span])
            # a piece's readings differ only in what a '+' stands for, one character each: a span
            # found in any of them is at the same place in the piece as it is written back
            piece = self.pieces[index]
            part = 3 if piece[2] else 1
            if index in self.searched:  # a search about a person: the rest of its query is theirs
                whole = work.read(a_person_searched, written[index], tuple(spans))[len(spans):]
                work.taint_spans(written[index], whole)
                spans = [*spans, *whole]
            masked = quote(work.masker.spans(written[index], [(s.start, s.end, s.entity) for s in spans]),
                           safe=_written_back_safe(piece[part]))
            piece[part] = masked
            work.remarks.extend(Remark("url.content", s.entity, "span", self.node) for s in spans)
        for index, nested in self.nested.items():
            nested.slot.resolve(nested_found[index], work)
        self._unnest()
        # rebuilt whatever changed (a piece masked whole before detection, spans after): a URL
        # nothing changed in comes out as it went in
        self.cell.set(self.head + "".join("".join(p) for p in self.pieces))

    def mask_echoes(self, ranges: Callable[[str], list[tuple[int, int]]], masker: Masker) -> bool:
        """The taint pass, on each piece percent-decoded (on the whole URL decoded when it was scanned whole): a GET form's submission writes the fields
        into the next page's address, a hidden input's JSON among them ('%22Sanne%22', '02%2F11%2F1988'),
        where the raw text's words are not the value's. ranges: the tainted ranges of a text. Whether
        anything was masked. Linear: each piece is decoded and looked at once."""
        if not self.pieces:  # scanned whole (a mailto: with a subject and a body): read decoded whole too
            text = unquote(self.cell.get())
            found = ranges(text) if text else []
            if found:
                self.cell.set(quote(masker.spans(text, [(start, end, "TAINT") for start, end in found]),
                                    safe=_WHOLE_URL_SAFE))
            return bool(found)
        changed = False
        for index, piece in enumerate(self.pieces):
            if index in self.nested:
                changed |= self.nested[index].slot.mask_echoes(ranges, masker)
                continue
            part = 3 if piece[2] else 1
            texts = _readings(piece[part], part == 3)
            text = texts[0]
            found = [r for reading in texts for r in ranges(reading)] if text else []
            if found:
                piece[part] = quote(masker.spans(text, [(start, end, "TAINT") for start, end in found]),
                                    safe=_written_back_safe(piece[part]))
                changed = True
        if changed:
            self._unnest()
            self.cell.set(self.head + "".join("".join(p) for p in self.pieces))
        return changed


#: a URL's last path segment that names a file (a script, a stylesheet, an image), with the line and column of a
#: stack frame after it ("/assets/index-BxK3a9Zq.js:2:10")
_FILE_AT_END = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}(?::\d+){0,2}$")


def _a_files_address(url: str) -> bool:
    """Whether a URL written in a text is a file's, a resource's (a stack frame's script), not a page's: its path keeps
    its build's hashes, as a resource's attribute does (UrlSlot's page); a page's own file is a page's."""
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return bool(_FILE_AT_END.search(path)) and not _PAGE_FILE.search(path)


def urls_in_text(text: str, work: Redacting) -> str:
    """A text with each URL inside it (urls.url_runs: a console line's "GET /klant/lottevb77", an error's
    "https://…/account?voornaam=…") taken apart by the rules of a page's address, as a whole URL is where it stands
    alone: what they mask whole (a person's handle or slug in its path, a query value its name says is a person's,
    a one-time link's secret) is masked here, and remembered; what only detection finds is left to the text's own
    slot, which scans it whole. Linear: each run is read once."""
    if len(text) > MAX_SCANNED:  # masked whole unread by the text's slot
        return text
    written: list[str] = []
    at = 0
    for start, end in url_runs(text):
        holder = [text[start:end]]
        UrlSlot(Cell(holder, 0), None, work, page=not _a_files_address(holder[0])).write_rule_masks()
        written += [text[at:start], holder[0]]
        at = end
    return "".join(written) + text[at:] if written else text


def url_slot(cell: Cell, node: int | None, work: Redacting, page: bool = False,
             names: NameShapes | None = None) -> UrlSlot | DataUrlSlot:
    """The slot of a URL: a data: URL's is the document it holds (an <img>'s SVG, an <object>'s HTML, a download
    link's text or JSON: DataUrlSlot; names read as it says), any other's its pieces' (UrlSlot; page as it says)."""
    if is_data_url(cell.get()):
        return DataUrlSlot(cell, node, "content.data-url", names)
    return UrlSlot(cell, node, work, page)


class SrcsetSlot(Slot):
    """A srcset list ("a.png 1x, b.png?u=… 2x"): each candidate's URL is scanned as a URL is (url_slot: a data:
    URL's document read, its pixels not) and the list is rebuilt with its descriptors and separators as they were."""

    _CANDIDATE = re.compile(r"(\s*)(\S+)(.*)", re.S)

    def __init__(self, cell: Cell, node: int | None, work: Redacting):
        self.cell, self.node = cell, node
        self.parts: list[str] = []
        self.urls: list[UrlSlot | DataUrlSlot] = []
        for i, candidate in enumerate(re.split(r"(,\s+)", cell.get())):
            match = self._CANDIDATE.fullmatch(candidate) if i % 2 == 0 else None
            if match is None:  # a separator, or an empty candidate
                self.parts.append(candidate)
                continue
            self.parts.extend((match.group(1), match.group(2), match.group(3)))
            self.urls.append(url_slot(Cell(self.parts, len(self.parts) - 2), node, work))
        self.texts = [text for url in self.urls for text in url.texts]
        # a document's text is read as its slot says: an SVG's path data is no token
        self.token_runs = all(url.token_runs for url in self.urls)

    def resolve(self, found: list[list[Span]], work: Redacting) -> None:
        position = 0
        for url in self.urls:
            url.resolve(found[position:position + len(url.texts)], work)
            position += len(url.texts)
        self.cell.set("".join(self.parts))

    def mask_echoes(self, ranges: Callable[[str], list[tuple[int, int]]], masker: Masker) -> bool:
        """The taint pass, on each candidate as its slot reads it (a URL's pieces, a document decoded)."""
        changed = False
        for url in self.urls:
            changed |= url.mask_echoes(ranges, masker)
        if changed:
            self.cell.set("".join(self.parts))
        return changed
