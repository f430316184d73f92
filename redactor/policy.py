"""Site configuration → compiled, immutable Policy.

A site's configuration (admin API or config file) is validated by typed models: an unknown key,
a wrong type or a selector that does not compile is refused with the JSON path of the problem.
Rules shipped in rules/ (markers, field meanings, PII defaults) are read once per process.
Everything a redaction pass needs is compiled here once per configuration change, never per event.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import orjson
import regex
import soupsieve
from soupsieve import css_types as ct
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from redactor.bounded_cache import LONGEST_KEPT, short_lru_cache
from redactor.content import FORM_VALUE, PERSON_ID, UUID, record_number_shaped
from redactor.formats.peer import opaque_id
from redactor.pii.names import is_name_slug
from redactor.pii.settings import PiiSettings
from redactor.ruledata import highest_site_threshold, load_rules, rule_words, with_words
from redactor.selectors import why_never_matches
from redactor.urls import SCHEME_AND_HOST, looks_like_url

# ---------------------------------------------------------------------------------------------
# Flags a node can carry in the DOM mirror. Inherited by descendants and sticky for a session.
BLOCKED = 1
SENSITIVE = 2
MASK_TEXT = 4
IGNORED = 8
UNKNOWN = 16  # never seen in a snapshot: fail closed, treated as sensitive + masked text
EDITABLE = 32  # a form field or inside an editable region (dom.is_editable): what is there, a visitor wrote
#: a text node a mutation appended that ends its line with a space after a masked value or a value's start: the page
#: goes on writing that line in a later batch (a chat's streamed reply), whose next piece is read fail closed
#: (redact.Redacting._mask_open_lines). Not a protection: not inherited, not sticky, no floor; never the text
LINE_OPEN = 64

ACTION_FLAGS = {
    "block": BLOCKED,
    "mask": SENSITIVE | MASK_TEXT,
    "sensitive": SENSITIVE,
    "mask_text": MASK_TEXT,
    "ignore": IGNORED,
}


# ---------------------------------------------------------------------------------------------
# Markers (rules/markers.yaml)
class MarkerRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    action: Literal["block", "mask", "sensitive", "mask_text", "ignore"]
    class_: str | None = Field(default=None, alias="class")
    attribute: str | None = None
    equals: str | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    token_prefix: str | None = None
    tokens: list[str] | None = None

    @property
    def flags(self) -> int:
        return ACTION_FLAGS[self.action]

    def matches(self, attrs: dict[str, Any]) -> bool:
        if self.class_ is not None:
            classes = attrs.get("class")
            return isinstance(classes, str) and self.class_ in classes.split()
        if self.attribute not in attrs:
            return False
        value = str(attrs[self.attribute]).strip().lower()
        if self.equals is not None:
            return value == self.equals
        if self.in_ is not None:
            return value in self.in_
        if self.token_prefix is not None:
            return any(token.startswith(self.token_prefix) for token in value.split())
        if self.tokens is not None:
            return any(token in self.tokens for token in value.split())
        return True


@functools.cache
def shipped_markers() -> tuple[MarkerRule, ...]:
    return tuple(MarkerRule.model_validate(rule) for rule in load_rules("markers.yaml")["markers"])


@dataclass(frozen=True)
class MarkerIndex:
    """The markers by the class token or attribute name they look at: an element is checked
    against the few markers its own classes and attributes can trigger, not against all."""

    by_class: dict[str, tuple[MarkerRule, ...]]
    by_attribute: dict[str, tuple[MarkerRule, ...]]

    @classmethod
    def of(cls, markers: tuple[MarkerRule, ...]) -> MarkerIndex:
        by_class: dict[str, list[MarkerRule]] = {}
        by_attribute: dict[str, list[MarkerRule]] = {}
        for marker in markers:
            if marker.class_ is not None:
                by_class.setdefault(marker.class_, []).append(marker)
            else:
                by_attribute.setdefault(marker.attribute, []).append(marker)
        return cls({k: tuple(v) for k, v in by_class.items()}, {k: tuple(v) for k, v in by_attribute.items()})

    def matching(self, attrs: dict[str, Any]) -> list[MarkerRule]:
        found = [m for name in attrs if name in self.by_attribute for m in self.by_attribute[name] if m.matches(attrs)]
        classes = attrs.get("class")
        if isinstance(classes, str) and classes:
            found.extend(m for token in classes.split() for m in self.by_class.get(token, ()))
        return found


@functools.cache
def shipped_marker_index() -> MarkerIndex:
    return MarkerIndex.of(shipped_markers())


# ---------------------------------------------------------------------------------------------
# What is structure, not visitor data (rules/attributes.yaml, rules/secret_keys.yaml)
#: a secret key's name this long or longer also marks keys that begin or end with it
#: ("passwordConfirm"); shorter ones would mark unrelated keys ("pin": "pinned", "pinterestUrl")
SECRET_STEM_LENGTH = 4
#: secret-key answers kept: payload keys repeat across batches; bounded against random keys
NAME_CACHE_SIZE = 16_384
#: what an attribute's name is (Structure.name_traits): structural, kept (structural or page_name_kept), CSS
STRUCTURAL_NAME, KEPT_NAME, CSS_NAME = 1, 2, 4
@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the cache below, once per process
class Structure:
    """The allow-lists: attributes whose values are structure (neither scanned nor masked, and
    the only attribute values saved), CSS attributes (kept as they are, never saved), attributes
    shown as words (where a name's shape alone is not a person), and the payload keys whose values
    are secrets by name. Everything not listed is scanned. references: structural attributes that
    name an element (an id), read by the taint pass too; drawn: those whose values are a drawing's
    numbers, the only ones not read for a visitor's number by its shape (an id or a class is)."""

    attributes: frozenset[str]
    css: frozenset[str]
    shown_as_text: frozenset[str]
    secret_keys: frozenset[str]
    secret_stems: tuple[str, ...]  # entries of SECRET_STEM_LENGTH+ letters: also the start or end of a longer key
    not_secret_keys: frozenset[str] = frozenset()  # keys that hold a stem and are no secret's ("palabra_clave")
    references: frozenset[str] = frozenset()
    drawn: frozenset[str] = frozenset()
    #: name_traits' answers by name (bounded: names come from clients)
    traits: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)

    def is_structural(self, name: str) -> bool:
        return name.lower() in self.attributes

    def name_traits(self, name: str) -> tuple[int, str]:
        """What an attribute's name is, as flags (STRUCTURAL_NAME, KEPT_NAME, CSS_NAME), and the name in lower case.
        Every attribute of every element of every snapshot is asked this, twice (the mirror keeps it or not, the
        walk reads it): answered once per name, not by a lower() and three lookups each time."""
        found = self.traits.get(name)
        if found is None:
            lower = name.lower()
            structural = lower in self.attributes
            found = ((STRUCTURAL_NAME if structural else 0) | (KEPT_NAME if structural or page_name_kept(name) else 0)
                     | (CSS_NAME if name in self.css else 0), lower)
            if len(name) <= LONGEST_KEPT:
                if len(self.traits) >= NAME_CACHE_SIZE:
                    self.traits.clear()
                self.traits[name] = found
        return found

    def is_css(self, name: str) -> bool:
        return name in self.css

    def is_reference(self, name: str) -> bool:
        """Whether a structural attribute names an element (an id, a label's for): a page may slug a
        visitor's name into one."""
        return name.lower() in self.references

    def is_drawn(self, name: str) -> bool:
        """Whether a structural attribute's value is numbers a browser draws with (a path, a size): no
        record of the page's, not read for a visitor's number as an id or a class is."""
        return name.lower() in self.drawn

    def is_shown_as_text(self, name: str) -> bool:
        """Whether a browser shows the attribute's value as words (alt, title, placeholder…)."""
        return name.lower() in self.shown_as_text

    @short_lru_cache(NAME_CACHE_SIZE)
    def is_secret_key(self, key: str) -> bool:
        plain = plain_key(key)
        return plain in self.secret_keys or (plain not in self.not_secret_keys and (
            plain.startswith(self.secret_stems) or plain.endswith(self.secret_stems)))


def plain_key(key: str) -> str:
    """A key as secret_keys compares it: its words joined, lower-case and accent-free ("Access-Token", "access_token",
    "accessToken" → "accesstoken"; "contraseña" → "contrasena", as a form's encoding "contrase%C3%B1a" decodes). An
    SDK's own key keeps its "$" ("$session_id", "$session_entry_url" are PostHog's session and landing page, no
    secret: read as "session…", they were masked whole and remembered, and the page's host and paths with them)."""
    return ("$" if key.startswith("$") else "") + "".join(plain_words(key))


@functools.cache
def shipped_structure() -> Structure:
    attributes, keys = load_rules("attributes.yaml"), load_rules("secret_keys.yaml")
    plain = frozenset(map(plain_key, keys["secret_keys"]))
    whole = frozenset(map(plain_key, keys.get("whole_secret_keys", ())))  # never a stem: "pass" is in "passenger"
    return Structure(
        attributes=frozenset(a.lower() for a in attributes["structural"]),
        css=frozenset(attributes.get("css", ())),
        shown_as_text=frozenset(a.lower() for a in attributes.get("shown_as_text", ())),
        secret_keys=plain | whole,
        secret_stems=tuple(sorted(k for k in plain if len(k) >= SECRET_STEM_LENGTH)),
        not_secret_keys=frozenset(map(plain_key, keys.get("not_secret_keys", ()))),
        references=frozenset(a.lower() for a in attributes.get("references", ())),
        drawn=frozenset(a.lower() for a in attributes.get("drawn", ())),
    )


# ---------------------------------------------------------------------------------------------
# Field meaning (rules/fields.yaml)
#: a meaning's word found inside a longer one: from 4 letters in identifiers, where words run
#: together ("billingEmail"), from 6 in labels, where only compounds do ("Straatnaam"); shorter
#: ones hide in unrelated words ("tel" in "hotel")
JOINED_WORD_LENGTH = 4
COMPOUND_WORD_LENGTH = 6
#: the meanings whose word on a box's label makes ticking it the visitor's data (GDPR art. 9: rules/fields.yaml HEALTH,
#: SPECIAL_CATEGORY: religion, trade union, political opinion, sexual orientation, ethnic origin)
CHOICE_MEANINGS = frozenset({"HEALTH", "SPECIAL_CATEGORY", "SOCIAL_BENEFIT"})
#: the fields whose value is a choice, not text
_BOXES = frozenset({"checkbox", "radio"})
#: answers kept per question: pages repeat their fields and classes in every session; bounded,
#: so a site's random names cannot grow a process
FIELD_CACHE_SIZE = 65_536
_WORD = re.compile(r"[^\W_]+")  # letters of any script: a key or a label is Greek or Cyrillic too ("όνομα", "фамилия")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


#: short words that, as a key alone, name a person's given name or surname only when its value is text ({"first":
#: "Lotte"}, {"ad": "Ayşe"}): a number there is a count ({"first": 10}: a page of a GraphQL connection), an object an
#: advert's or a record's ({"ad": {"slot": …}}, {"last": {"page": …}}), whose words stay readable (rules/fields.yaml)
_NAME_AS_TEXT_KEYS = frozenset({"first", "last", "ad", "adi", "adı", "imie", "nume", "isim"})


def _a_count(key: str, meaning: str, value: Any) -> bool:
    """Whether a value a short name key says is a person's is no text, so no name (_NAME_AS_TEXT_KEYS)."""
    return meaning == "PERSON" and not isinstance(value, str) and _NAME_AS_TEXT_KEYS.issuperset(plain_words(key))


#: nine digits or more, alone or in groups (a national number, a phone, an account): never a database counter's
_LONG_NUMBER = re.compile(r"\d(?:[ .\-/]?\d){8,31}")


#: an abbreviation written letter by letter with dots ("D.O.B.", "T.C. Kimlik"): one word, as it is said ("dob")
_DOTTED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?![^\W\d_])")
#: the sign a Belgian register, club list or card writes for "born" ("°", "° 12.03.1985"), alone as a label or a
#: column's header: read as the word it stands for (review 29 F9); "n°", "20°C" are no such sign
_BORN_SIGN = "°"
_BORN_WORD = "geboren"


def plain_words(text: str) -> list[str]:
    """Lower-case, accent-free words: 'Téléphone / Phone' → ['telephone', 'phone'], 'Επώνυμο' → ['επωνυμο'],
    'D.O.B.' → ['dob'], '°' alone → ['geboren']."""
    if text.strip().rstrip(":").strip() == _BORN_SIGN:
        return [_BORN_WORD]
    text = _DOTTED_LETTERS.sub(lambda letters: letters[0].replace(".", "") + " ", text)
    decomposed = unicodedata.normalize("NFKD", _CAMEL.sub(" ", text))
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())  # ß → ss


@functools.cache
def _car_plates() -> tuple[frozenset[str], regex.Pattern]:
    """The one-word names of a car or its plate ("wagen", "auto", "kenteken") and the shapes of a plate: the
    context words and the patterns of rules/recognizers.yaml vehicle_plate, read once."""
    [spec] = [r for r in load_rules("recognizers.yaml")["recognizers"] if r["name"] == "vehicle_plate"]
    named = [w for item in spec["context"] for w in (rule_words()[item[2:-2]] if item.startswith("{{") else [item])]
    words = frozenset(ws[0] for word in named if len(ws := plain_words(word)) == 1)
    return words, regex.compile("|".join(f"(?:{with_words(p['regex'])})" for p in spec["patterns"]))


def plate_under_its_car(key: str, value: Any) -> bool:
    """Whether a payload's value is a car's registration plate by its key: the value alone is shaped as one and the
    key names a car or its plate ({"wagen": "GZ-123-B"}, a Sentry tag "auto", "second_car", "vehicleId",
    {"car": {"plate": …}}). Alone, a plate's shape is any product code and the detector reports it only beside such
    a word; a key is the value's label. A car's model under the same key ("Renault Zoe") is no plate's shape, so
    "auto" and "wagen" give no meaning of their own. Sentry's and OpenTelemetry's attributes hold the value one key
    deeper ({"wagen": {"value": …, "type": "string"}}); a list holds a driver's cars ({"wagen": ["GZ-124-B"]})."""
    if not _names_a_car(key):  # (first: asked for every payload key, answered from a cache)
        return False
    if isinstance(value, dict) and "value" in value and set(value) <= {"value", "type"}:
        value = value["value"]
    return any(isinstance(one, str) and len(one) <= 16 and _car_plates()[1].fullmatch(one.strip()) is not None
               for one in (value if isinstance(value, list) else [value]))


#: a key's last word that names a plate, alone ({"car": {"plate": …}}, "registration"), and one that names a
#: car's number only after the car's name ("carPlate" is the first, "auto_nummer" the second)
_PLATE_KEY_WORDS = frozenset({"plate", "registration"})
_PLATE_KEY_TAILS = frozenset({"num", "number", "nummer", "numero", "reg"})


@short_lru_cache(FIELD_CACHE_SIZE)
def _names_a_car(key: str) -> bool:
    """Whether a key's LAST word names a car or its plate (a compound or a plural: "deelauto", "Mietwagen", "cars",
    "voertuigen"), or is a number's tail after one ("carPlate"): a car word opening a key is a setting's
    ("autoQuality", "auto_save") and a word after it says what the key holds ("vehicle_type"). A number and
    words of two letters closing a key are no such word: a car's number or country, an id ("car2", "wagen_lu",
    "vehicle_id")."""
    words = [stem for word in plain_words(key) if (stem := word.rstrip("0123456789"))]
    while words and len(words[-1]) <= 2:
        words.pop()
    if not words:
        return False
    if words[-1] in _PLATE_KEY_WORDS or _a_car_word(words[-1]):
        return True
    return words[-1] in _PLATE_KEY_TAILS and len(words) > 1 and _a_car_word(words[-2])


def _a_car_word(word: str) -> bool:
    cars = _car_plates()[0]
    return any(stem in cars or any(len(car) >= 4 and stem.endswith(car) for car in cars)
               for stem in {word, word.removesuffix("s"), word.removesuffix("e"), word.removesuffix("en")})


class FieldMeaning(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    entity: str
    types: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()  # ARIA roles that say it (role=searchbox)
    autocomplete: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    text_containers: bool = False
    fields_only: bool = False  # said by a form field's label or name only, not a payload's key nor page text
    in_page_text: bool = True  # said by a label in the page's text too ("Gravure : Oui" on a product sheet: not)
    alone: bool = False  # said only by a text made of its words alone, numbers aside ("Partner", not "Partnercode")
    whole_words: bool = False  # its words are never found inside a longer one ("numm" runs inside "Kundennummer")
    #: words that, among the field's own, say it holds the kind of what the meaning's words name, not its number
    #: ("Rijbewijscategorie", "Führerscheinklasse"), unless a number's word is there too (FieldRules.field_meaning)
    kinds: frozenset[str] = frozenset()
    exchange_words: frozenset[str] = frozenset()  # typed_text: what names a network exchange…
    exchange_parts: frozenset[str] = frozenset()  # …and its parts (FieldRules.is_typed_text)

    @field_validator("words")
    @classmethod
    def _plain(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        """Compared as plain words, so normalized once here: 'Téléphone' → 'telephone'."""
        return tuple(" ".join(plain_words(word)) for word in words)

    def said_by(self, words: list[str], joined_words: bool) -> bool:
        """Whether these words name this meaning; joined_words: identifiers, where words run together."""
        return bool(self.longest_said(words, joined_words))

    def longest_said(self, words: list[str], joined_words: bool) -> str:
        """The longest of this meaning's phrases these words say, "" if none."""
        spaced = " " + " ".join(words) + " "
        # in identifiers words run together ("billingEmail"); in labels long ones do ("Straatnaam")
        shortest = JOINED_WORD_LENGTH if joined_words else COMPOUND_WORD_LENGTH
        return max((phrase for phrase in self.words
                    if f" {phrase} " in spaced or (" " not in phrase and len(phrase) >= shortest and not self.whole_words
                                                   and any(phrase in w for w in words))), key=len, default="")

    def said_alone(self, words: list[str]) -> bool:
        """Whether these words, numbers aside, are one of this meaning's phrases or its one-word phrases and nothing
        else: "Partner", "Getuige 2", "Moeder / Vader", "Emergency contact" (a label made of a role alone)."""
        words = [word for word in words if not word.isdigit()]
        return bool(words) and (" ".join(words) in self.words or all(word in self.words for word in words))

    def says_a_kind(self, words: list[str]) -> bool:
        """Whether one of these words is, or (a long one) holds, one of the meaning's kinds: "rijbewijscategorie"."""
        return bool(self.kinds) and any(word in self.kinds or any(kind in word for kind in self.kinds
                                                                   if len(kind) >= COMPOUND_WORD_LENGTH)
                                        for word in words)


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the caches below, once per process
class FieldRules:
    meanings: tuple[FieldMeaning, ...]
    not_with: frozenset[str]
    search: FieldMeaning  # what says a field is a search box: its type, role, words of its name or id
    label_classes: frozenset[str]  # words of a class or id that say an element is a label
    roles: frozenset[str]  # a label in page text made of these alone says a person follows
    key_roles: frozenset[str]  # a payload key made of these (or roles) alone says a person, a label does not
    #: words naming a thing (a course, software) that take a key's meaning away with name words alone beside them
    thing_words: frozenset[str]
    thing_names: frozenset[str]
    typed_text: FieldMeaning  # what says a payload key holds what the visitor wrote: its words
    signature: FieldMeaning  # what says a canvas is a signature pad: words of its name, id, class or label
    #: a validation error's keys that name its field, and those that hold the value typed there
    report_names: frozenset[str] = frozenset()
    report_values: frozenset[str] = frozenset()
    #: what a box for one character holds (an input whose maxlength is 1): a piece of a value split over boxes
    character_box: str = ""
    #: a payload key made of these (and `person_id_with` words) holds who a person is: a handle, an account's id
    person_ids: frozenset[str] = frozenset()
    person_id_with: frozenset[str] = frozenset()
    person_id_deeds: frozenset[str] = frozenset()  # a deed's word before "by": {"reservedBy": …}
    #: a payload key, a form pair's or a parameter's name made of these and a number holds a form's field that
    #: the form builder numbered ("field_3", "input_1", "wpforms[fields][3]"): its value, whatever it is, masked whole
    numbered_fields: frozenset[str] = frozenset()
    #: a payload key made of one of these alone is a number's or a card's: an identifier's shape under it is a record's
    #: number
    number_keys: frozenset[str] = frozenset()
    #: attributes that bind a field to its model and so name it as its name does (formcontrolname, v-model), lower case
    model_attributes: frozenset[str] = frozenset()
    #: words of a field's name or id that say it holds a date's part ("jour", "months", "jaar", "yyyy")
    date_parts: frozenset[str] = frozenset()
    #: words of a field's name or id, or its autocomplete tokens, that say it picks a country from the site's list
    countries: frozenset[str] = frozenset()
    #: an ad network's matching keys (lower-case) and what each holds, in an object holding `matching_together` of them
    matching_keys: dict[str, str] = field(default_factory=dict)
    matching_together: int = 2

    @short_lru_cache(FIELD_CACHE_SIZE)
    def names_a_date_part(self, identifiers: str) -> bool:
        """Whether a field's name and id say it holds a date's day, month or year (rules/fields.yaml date_parts)."""
        return not self.date_parts.isdisjoint(plain_words(identifiers))

    def names_a_country(self, attrs: dict[str, str]) -> bool:
        """Whether a field's name, id or autocomplete say it holds a country or a nationality (rules/fields.yaml
        countries: "land", "pays", "nationaliteit", autocomplete "country-name")."""
        words = f"{attrs.get('name', '')} {attrs.get('id', '')} {attrs.get('autocomplete', '')}"
        return not self.countries.isdisjoint(plain_words(words))

    def matching_meanings(self, obj: dict[str, Any]) -> dict[str, str]:
        """The meanings of an object's ad-matching keys ({"fn": …, "ln": …, "db": …}: Meta Pixel's advanced matching),
        by the key as the object writes it, when it holds enough of them to be such an object; else {}."""
        found = {key: meaning for key in obj if isinstance(key, str) and (meaning := self.matching_keys.get(key.lower()))}
        return found if len(found) >= self.matching_together else {}

    @short_lru_cache(FIELD_CACHE_SIZE)
    def _typed_key(self, key: str) -> tuple[bool, bool, bool]:
        """Whether a payload key's words say its value is what the visitor wrote ("$survey_response",
        "message"); whether it names a network exchange alone ("response", "request"), whose value says
        more; whether it names an exchange's part ("responseBody", "response_headers", "body"), typed never."""
        words = plain_words(key)
        typed = self.typed_text
        exchange = bool(words) and typed.exchange_words.union(typed.exchange_parts).issuperset(words)
        if exchange and not typed.exchange_parts.isdisjoint(words):
            return False, False, True
        return typed.said_by(words, joined_words=False), exchange, False

    def is_typed_text(self, key: str, under_typed: bool, value: Any) -> bool:
        """Whether a payload key's value is what the visitor wrote: its parent's was (under_typed) or its
        key says so ("$survey_response", "message"), unless the key names a network exchange's part
        ("responseBody", "response_headers"), or names an exchange alone and its value is an object
        holding such parts (Sentry's "response": {"headers", "body"}): a survey's "response" is typed
        text, a string, an object ({"text": …}) or a list."""
        if under_typed:
            return True
        typed, exchange, _ = self._typed_key(key)
        return typed and not (exchange and isinstance(value, dict)
                              and any(isinstance(k, str) and self._typed_key(k)[2] for k in value))

    def box_meaning(self, attrs: dict[str, str]) -> str:
        """What a field holds by its size alone: a box for one character is a piece of a value split over a row of
        them (character_box), or ''."""
        return self.character_box if str(attrs.get("maxlength", "")).strip() == "1" else ""

    def is_label_element(self, attrs: dict[str, str]) -> bool:
        """Whether an element's class or id says it is a label ("field__label", "col-lbl")."""
        return bool(self.label_classes.intersection(plain_words(f"{attrs.get('class', '')} {attrs.get('id', '')}")))

    def is_search(self, tag: str, attrs: dict[str, str] | None) -> bool:
        """Whether a field is a search box (type=search, role=searchbox, name "q", id "zoekterm"), or a title or a
        subject the visitor writes (name "titel", id "subject"): read alike (rules/fields.yaml search)."""
        attrs = attrs or {}
        return (str(attrs.get("type", "")).lower() in self.search.types
                or str(attrs.get("role", "")).lower() in self.search.roles
                or self.search.said_by(plain_words(f"{attrs.get('name', '')} {attrs.get('id', '')}"), joined_words=True))

    # Pages repeat the same fields and classes in every session: both answers are cached.
    @short_lru_cache(FIELD_CACHE_SIZE)
    def field_meaning(self, field_type: str, autocomplete: str, identifiers: str, described: str,
                      page_text: bool = False, form_field: bool = False) -> str:
        """What a form field holds: identifiers are its name and id, described its placeholder,
        aria-label, title and label text, one a line. '' when nothing says. page_text: a label in the
        page's text ("Naam: …"), which the meanings for fields only do not read. form_field: a form
        control's own label, the only one a meaning said `alone` reads (one of its lines alone, never
        a name or an id: "?partner=…" is an affiliate's; nor a value beside its label in page text:
        "<dt>Partner</dt><dd>Sendcloud</dd>")."""
        tokens = set(autocomplete.lower().split())
        joined, spaced = plain_words(identifiers), plain_words(described)
        # the first meaning in file order the words say, unless a later one says a phrase holding the first's phrase:
        # it is more specific ("Nummerplaat" a plate's, not a record number's "nummer"; "Rekeninghouder" a person's,
        # not an account's "rekening"; review 29 F11). "Card number" stays a card's: "number" holds no "card"
        said, said_phrase = "", ""
        # a document's class or category is a pick from a short list ("Rijbewijscategorie: B, BE en C1", held-out
        # round 47), no number of hers: its kind's word takes the document's meaning away, a number's word gives it back
        kind_only = not self._says_a_number(joined + spaced)
        for meaning in self.meanings:
            if page_text and (meaning.fields_only or not meaning.in_page_text):
                continue
            if kind_only and meaning.says_a_kind(joined + spaced):
                continue
            if not said and (field_type.lower() in meaning.types or tokens & meaning.autocomplete):
                return meaning.entity
            if meaning.alone:
                if not said and form_field and any(meaning.said_alone(plain_words(text)) for text in described.split("\n")):
                    return meaning.entity
            elif (phrase := max(meaning.longest_said(joined, joined_words=True),
                                meaning.longest_said(spaced, joined_words=False), key=len)) and (
                    not said or (len(phrase) > len(said_phrase) and said_phrase in phrase)):
                said, said_phrase = meaning.entity, phrase
        return said

    def _says_a_number(self, words: list[str]) -> bool:
        """Whether one of these words is a number's ("nr", "nummer"), or (a long one) holds it ("rijbewijsnummer")."""
        return any(word in self.number_keys or any(key in word for key in self.number_keys
                                                    if len(key) >= COMPOUND_WORD_LENGTH) for word in words)

    def choice_meaning(self, identifiers: str, described: str) -> str:
        """The special category a box's name, id or label words say, whatever other meaning comes first in the list:
        a box holds no name, so "Rolstoelgebruiker" (a wheelchair user, "gebruiker" a user name's word) is health."""
        joined, spaced = plain_words(identifiers), plain_words(described)
        return next((m.entity for m in self.meanings if m.entity in CHOICE_MEANINGS and not m.alone
                     and (m.said_by(joined, joined_words=True) or m.said_by(spaced, joined_words=False))), "")

    def names_a_signature(self, identifiers: str, described: str) -> bool:
        """Whether an element's name, id and class (identifiers) or its aria-label, title and label texts
        (described) say it is where a signature is drawn ("signature-pad", "Handtekening"): rules/fields.yaml."""
        return (self.signature.said_by(plain_words(identifiers), joined_words=True)
                or self.signature.said_by(plain_words(described), joined_words=False))

    @functools.cached_property
    def _vocabulary(self) -> tuple[frozenset[str], re.Pattern[str]]:
        """Every word of every meaning's phrases (a signature's too: a label names a signature pad), and the long
        ones found inside compound words (not the words of a meaning said alone: kept from a label made of them
        only, label_words)."""
        said = [*(m for m in self.meanings if not m.alone), self.signature]
        # and a meaning's kinds: "Categorie rijbewijs" keeps "categorie", which takes the document's meaning away
        words = frozenset(w for m in said for phrase in (*m.words, *m.kinds) for w in phrase.split())
        long = sorted({p for m in said for p in m.words if " " not in p and len(p) >= COMPOUND_WORD_LENGTH},
                      key=len, reverse=True)
        return words, re.compile("|".join(map(re.escape, long)) or "(?!)")

    @short_lru_cache(FIELD_CACHE_SIZE)
    def label_words(self, text: str) -> str:
        """The words of a label that can say what a field holds ('Uw e-mailadres *' → 'e
        mailadres'), plain: what the mirror keeps of a label, never the rest of its text. Every
        word of every phrase is kept, so the meaning read from them is the whole text's; a label
        made of a meaning's words said alone ("Partner", "Getuige 2") is kept as those words, and
        only then ("Bericht aan de begunstigde" keeps nothing of them)."""
        words, inside = self._vocabulary
        plain = plain_words(text)
        if any(m.alone and m.said_alone(plain) for m in self.meanings):
            return " ".join(w for w in plain if not w.isdigit())
        return " ".join(w for w in plain if w in words or (len(w) >= COMPOUND_WORD_LENGTH and inside.search(w)))

    @short_lru_cache(FIELD_CACHE_SIZE)
    def label_alone(self, text: str) -> bool:
        """Whether a text is label words and nothing else, numbers aside ("Achternaam", "Date de naissance",
        "E-mail *"): a block holding only it is a label, not a sentence (DomMirror._note_label_text)."""
        kept = self.label_words(text).split()
        return bool(kept) and kept == [word for word in plain_words(text) if not word.isdigit()]

    def _names_a_thing(self, words: list[str]) -> bool:
        """Whether a key's or a class's words take its meaning away: a not_with word ("produkt.name", "tagName"), or
        a thing's word with only name words beside it ("cursus.naam", "os.name"; not "courseStudentName")."""
        return bool(self.not_with.intersection(words)) or (
            not self.thing_words.isdisjoint(words) and self.thing_words.union(self.thing_names).issuperset(words))

    def label_names_a_thing(self, words: list[str]) -> bool:
        """Whether a label in a text names a thing's name, not a person's: a not_with or a thing word with only name
        and linking words beside it ("Nom du produit", "Naam van het product", "Name des Produkts"; not "Company
        contact name", whose "contact" says a person)."""
        things = self.not_with | self.thing_words
        return not things.isdisjoint(words) and things.union(self.thing_names).issuperset(words)

    def names_a_thing(self, name: str) -> bool:
        """Whether a key's or a parameter's name says its value is a thing's, not a person's ("plan", "product_name",
        "os.name": _names_a_thing)."""
        words = plain_words(name)
        return bool(words) and self._names_a_thing(words)

    @short_lru_cache(FIELD_CACHE_SIZE)
    def key_meaning(self, key: str) -> str:
        """What the value under a payload's key holds, from the key's words ("first_name",
        "displayName", "$screen_name"; not "$pathname", nor "tagName": a not_with word), or ""; a key
        that is only a person's role ("beneficiary", "begunstigde", "spouse") says PERSON, as such a label
        does (not "beneficiaryIban", "spouse_id": a role's other words say more); a meaning said alone (and not
        by fields only) is said by a key made of its words alone ({"nombre": …}, not "nombre_articulos")."""
        words = plain_words(key)
        if not words or self._names_a_thing(words):
            return ""
        return next((m.entity for m in self.meanings if not m.fields_only
                     and (m.said_alone(words) if m.alone else m.said_by(words, joined_words=False))),
                    "PERSON" if self.roles.union(self.key_roles).issuperset(words) else "")

    @short_lru_cache(FIELD_CACHE_SIZE)
    def alone_meaning(self, name: str) -> str:
        """What a parameter's name made of a meaning's words said alone holds (not one said by fields only): "?nombre=…",
        "?first=…&last=…", "?ad=…&soyad=…" as {"nombre": …} (key_meaning); a name or an id reads no such word
        otherwise (field_meaning: "?partner=…" is an affiliate's), or ""."""
        words = plain_words(name)
        return next((m.entity for m in self.meanings if m.alone and not m.fields_only and m.said_alone(words)), "")

    @short_lru_cache(FIELD_CACHE_SIZE)
    def numbers_a_form_field(self, key: str) -> bool:
        """Whether a key names a form's field by its number alone ("field_3", "input_1.3", "fields[3]",
        "question-2", "fields[3][first]": rules/fields.yaml numbered_fields), which says nothing of what it holds."""
        words = plain_words(key)
        if len(words) >= 3 and words[-2].isdigit() and words[-3] in self.numbered_fields:
            return True  # one input of a numbered field: WPForms' name "wpforms[fields][1][last]"
        return len(words) >= 2 and words[-1].isdigit() and not self.numbered_fields.isdisjoint(words[:-1])

    @short_lru_cache(FIELD_CACHE_SIZE)
    def names_a_number(self, key: str) -> bool:
        """Whether a key is a number's or a card's word alone ({"numero": …}, "Nr", "no", "pas"): rules/fields.yaml
        number_keys."""
        words = plain_words(key)
        return len(words) == 1 and words[0] in self.number_keys

    @short_lru_cache(FIELD_CACHE_SIZE)
    def names_a_persons_id(self, key: str) -> bool:
        """Whether a payload's key says its value is who a person is ("user", "userId", "enduser.id", "seller",
        "buyer_handle", "klant", "reservedBy"; not "user_agent", "accountType": rules/fields.yaml person_ids)."""
        words = plain_words(key)
        if len(words) >= 2 and words[0] in self.person_id_deeds and words[1] == "by":  # "reservedBy", "booked_by.id"
            return set(words[2:]).issubset(self.person_id_with)
        return not set(words).issubset(self.person_id_with) and set(words).issubset(self.person_ids | self.person_id_with)

    def reported_field(self, report: dict[str, Any]) -> tuple[str, bool] | None:
        """What the value a validation error holds is, from the field its path names ({"path": ["mieter",
        "rijksregisternummer"], "input": …} NATIONAL_ID, or ""), and whether that field holds text the visitor
        wrote ({"path": ["opmerking"]}); None when the object names no field (rules/fields.yaml field_reports)."""
        if self.report_names.isdisjoint(report):
            return None
        meaning, typed = "", False
        for name in self.report_names.intersection(report):
            path = report[name]
            if isinstance(path, list):
                path = ".".join(part for part in path if isinstance(part, str))
            if isinstance(path, str):
                meaning, typed = meaning or self.key_meaning(path), typed or self._typed_key(path)[0]
        return meaning, typed

    @short_lru_cache(FIELD_CACHE_SIZE)
    def container_meaning(self, names: str) -> str:
        """What the text of an element holds, from its id, class and itemprop ("hdr-email")."""
        words = plain_words(names)
        if not words or self._names_a_thing(words):
            return ""
        for meaning in self.meanings:
            if meaning.text_containers and meaning.said_by(words, joined_words=True):
                return meaning.entity
        return ""


@functools.cache
def shipped_fields() -> FieldRules:
    data = load_rules("fields.yaml")
    return FieldRules(
        meanings=tuple(FieldMeaning.model_validate(m) for m in data["meanings"]),
        not_with=frozenset(data.get("not_with", ())),
        search=FieldMeaning.model_validate({"entity": "SEARCH", **data["search"]}),
        label_classes=frozenset(data.get("label_classes", ())),
        roles=frozenset(" ".join(plain_words(word)) for word in data.get("roles", ())),
        key_roles=frozenset(" ".join(plain_words(word)) for word in data.get("key_roles", ())),
        thing_words=frozenset(data.get("thing_words", ())),
        thing_names=frozenset(data.get("thing_names", ())),
        typed_text=FieldMeaning.model_validate({"entity": "TYPED", **data["typed_text"]}),
        signature=FieldMeaning.model_validate({"entity": "SIGNATURE", **data["signature"]}),
        report_names=frozenset(data["field_reports"]["names"]),
        report_values=frozenset(data["field_reports"]["values"]),
        character_box=data.get("character_box", ""),
        person_ids=frozenset(data["person_ids"]["words"]),
        person_id_with=frozenset(data["person_ids"]["with"]),
        person_id_deeds=frozenset(data["person_ids"].get("deeds", ())),
        numbered_fields=frozenset(data.get("numbered_fields", ())),
        number_keys=frozenset(data.get("number_keys", ())),
        date_parts=frozenset(data.get("date_parts", ())),
        countries=frozenset(" ".join(plain_words(word)) for word in data.get("countries", ())),
        model_attributes=frozenset(data.get("model_attributes", ())),
        matching_keys={key.lower(): entity for key, entity in data["matching_keys"]["meanings"].items()},
        matching_together=data["matching_keys"]["together"],
    )


# ---------------------------------------------------------------------------------------------
# Site configuration (the contract's keys)
#: Limits on a site's selectors. Every batch of the site runs them, and soupsieve's compiler and
#: matcher recurse: a selector nested hundreds of levels deep compiles, then fails every batch
#: with a RecursionError. Real block-lists are tens of short selectors; the bench tries 1,000.
MAX_SELECTORS = 1_000  # per list (block, sensitive, mask_text)
MAX_SELECTOR_LENGTH = 1_000  # characters of one selector
MAX_SELECTOR_DEPTH = 32  # compound selectors in a chain (`a > b c`), plus nesting in :is()/:not()/:has()
#: a configuration with thousands of faults is reported by its first ones
MAX_REPORTED_ERRORS = 50
#: a block_urls / block_requests pattern that starts with this is a regular expression, not a glob
REGEX_PREFIX = "re:"
#: a site's regular expression runs on URLs visitors send: past this it is taken as matching (fail closed: the
#: page or request is blocked), so that a backtracking pattern ("re:(a+)+$") cannot hold the server
URL_PATTERN_SECONDS = 0.05


def _compile_selector(selector: str) -> soupsieve.SoupSieve:
    try:
        return soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError, NotImplementedError,
            RecursionError) as error:  # "p::before"
        raise ValueError(f"{selector!r} is not a CSS selector: {str(error).splitlines()[0]}") from None


def selector_depth(compiled: soupsieve.SoupSieve) -> int:
    """How deep the matcher will recurse for this selector: compound selectors along combinators
    and inside pseudo-classes, the deepest path. Walked with a stack: the structure may be deep."""
    deepest = 0
    stack = [(selector, 1) for selector in compiled.selectors]
    while stack:
        selector, depth = stack.pop()
        if not isinstance(selector, ct.Selector):  # SelectorNull: matches nothing
            continue
        deepest = max(deepest, depth)
        inner = [*selector.relation, *(s for group in selector.selectors for s in group)]
        inner += [s for nth in selector.nth for s in nth.selectors]
        stack.extend((s, depth + 1) for s in inner)
    return deepest


def _selector(selector: str) -> str:
    if len(selector) > MAX_SELECTOR_LENGTH:
        raise ValueError(f"a selector is at most {MAX_SELECTOR_LENGTH} characters (this one has {len(selector)})")
    compiled = _compile_selector(selector)
    depth = selector_depth(compiled)
    if depth > MAX_SELECTOR_DEPTH:
        raise ValueError(f"{selector[:80]!r} is nested {depth} levels deep: at most {MAX_SELECTOR_DEPTH}")
    reason = why_never_matches(compiled, shipped_structure().is_structural)
    if reason:
        raise ValueError(f"{selector!r} can never match: {reason}")
    return selector


Selector = Annotated[str, AfterValidator(_selector)]  # checked one by one: errors name the index
SelectorList = Annotated[list[Selector], Field(max_length=MAX_SELECTORS)]


class SitePiiSettings(PiiSettings):
    """A site's `pii`, with a floor under the content layer: narrowing the entities is the site's
    choice, but an empty list would leave every e-mail and phone a visitor types in a free-text field
    unmasked (a threshold above what validated identifiers score is taken at that score: Policy.pii)."""

    @field_validator("entities")
    @classmethod
    def _some_entity(cls, entities: list[str] | None) -> list[str] | None:
        if entities == []:
            raise ValueError("an empty list detects nothing a visitor types in a free-text field: list the entities "
                             "to detect, or leave the key out to detect every one")
        return entities


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    block_selectors: SelectorList = []
    sensitive_selectors: SelectorList = []
    mask_text_selectors: SelectorList = []
    record_inputs: bool = True
    allowed_origins: list[str] = []
    block_urls: list[str] = []
    retention_days: int | None = Field(default=None, ge=1)
    sdk_keys: list[str] = []  # PostHog project API keys, Sentry DSN public keys: their traffic is this site's
    block_requests: list[str] = []  # network events for these request URLs are dropped whole
    pii: SitePiiSettings = Field(default_factory=lambda: SitePiiSettings.model_validate(PiiSettings.defaults().model_dump()))

    @field_validator("block_selectors", "sensitive_selectors", "mask_text_selectors", mode="before")
    @classmethod
    def _not_too_many(cls, selectors: Any) -> Any:
        """Counted before each one is compiled: 10,000 selectors are refused at once."""
        if isinstance(selectors, list) and len(selectors) > MAX_SELECTORS:
            raise ValueError(f"at most {MAX_SELECTORS} selectors (got {len(selectors)})")
        return selectors

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, origins: list[str]) -> list[str]:
        for origin in origins:
            if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
                raise ValueError(f"{origin!r} is not an origin like https://shop.example (scheme and host, no path)")
        return origins

    @field_validator("sdk_keys")
    @classmethod
    def _sdk_keys(cls, keys: list[str]) -> list[str]:
        for key in keys:
            if not re.fullmatch(r"[A-Za-z0-9_\-]{8,200}", key):
                raise ValueError(f"{key!r} is not an SDK key: a PostHog project API key (phc_…) "
                                 "or a Sentry DSN public key (the part before the @)")
        return keys

    @field_validator("block_urls", "block_requests")
    @classmethod
    def _url_patterns(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if pattern.startswith(REGEX_PREFIX):
                try:
                    regex.compile(pattern.removeprefix(REGEX_PREFIX))
                except regex.error as error:
                    raise ValueError(f"{pattern!r} is not a regular expression: {error}") from None
        return patterns


class ConfigError(ValueError):
    """A configuration that cannot be used; `path` names the key, `reason` says why; `errors`
    holds every fault found, (path, reason), the first being path and reason."""

    def __init__(self, path: str, reason: str, errors: list[tuple[str, str]] | None = None):
        self.errors = errors or [(path, reason)]
        self.path, self.reason = self.errors[0]
        super().__init__("; ".join(f"{p}: {r}" for p, r in self.errors))

    @classmethod
    def of(cls, errors: list[tuple[str, str]]) -> ConfigError:
        return cls(*errors[0], errors=errors[:MAX_REPORTED_ERRORS])

    def under(self, prefix: str) -> ConfigError:
        """The same faults, with paths inside `prefix` ("$.sites.shop")."""
        return ConfigError.of([(prefix + path[1:], reason) for path, reason in self.errors])


def validation_errors(error: ValidationError, model: type[BaseModel]) -> list[tuple[str, str]]:
    """Every fault pydantic found, as (JSON path, reason)."""
    found = []
    for fault in error.errors():
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in fault["loc"])
        message = fault["msg"].removeprefix("Value error, ")
        if fault["type"] == "extra_forbidden":
            message = f"unknown key (known: {', '.join(model.model_fields)})"
        found.append((path, message))
    return found


def validate_site_config(data: Any) -> SiteConfig:
    """A site configuration, validated and compiled as it will be used: every fault is reported."""
    if not isinstance(data, dict):
        raise ConfigError("$", "a site configuration is a JSON object")
    try:
        config = SiteConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError.of(validation_errors(error, SiteConfig)) from None
    Policy.compile("validation", config)  # what passes here compiles for every batch too
    return config


def merge_site_config(current: SiteConfig, patch: Any) -> SiteConfig:
    """PATCH semantics: the keys given replace the current ones; `pii` merges one level down."""
    if not isinstance(patch, dict):
        raise ConfigError("$", "a partial site configuration is a JSON object")
    merged = current.model_dump()
    for key, value in patch.items():
        if key == "pii" and isinstance(value, dict):
            merged["pii"] = {**merged["pii"], **value}
        else:
            merged[key] = value
    return validate_site_config(merged)


# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Policy:
    """Everything a redaction pass needs for one site, compiled once per configuration."""

    site: str
    config: SiteConfig
    markers: MarkerIndex = field(default_factory=shipped_marker_index)
    fields: FieldRules = field(default_factory=shipped_fields)
    structure: Structure = field(default_factory=shipped_structure)
    # soupsieve selectors by the flags they set; empty when the site has none
    selectors: tuple[tuple[int, str, soupsieve.SoupSieve], ...] = ()
    key: str = ""
    invalid: bool = False  # served fail-closed: its stored configuration no longer compiles

    @functools.cached_property
    def pii(self) -> PiiSettings:
        """The site's `pii` as detection uses it: a threshold above the lowest score of an identifier a
        validator confirms (a checksum, a phone numbering plan: ruledata.highest_site_threshold) is taken at
        that score, so that no e-mail, phone, IBAN or national number typed in a free-text field goes
        unmasked. The configuration keeps what the site set (the API answers it back as it was written)."""
        highest = highest_site_threshold()
        pii = self.config.pii
        return pii.model_copy(update={"threshold": highest}) if pii.threshold > highest else pii

    @classmethod
    def compile(cls, site: str, config: SiteConfig) -> Policy:
        """Raises ConfigError if a selector list does not compile as one selector."""
        selectors = []
        for flags, name, chosen in ((BLOCKED, "block_selectors", config.block_selectors),
                                    (SENSITIVE, "sensitive_selectors", config.sensitive_selectors),
                                    (MASK_TEXT, "mask_text_selectors", config.mask_text_selectors)):
            if chosen:
                try:
                    selectors.append((flags, f"site.{name}", _compile_selector(", ".join(chosen))))
                except ValueError:  # soupsieve compiles at most 8,192 compound selectors at once
                    raise ConfigError(f"$.{name}", "together these selectors are too many parts to compile "
                                      "(soupsieve's limit is 8192 compound selectors): use fewer or simpler ones") from None
        key = hashlib.sha256(orjson.dumps(config.model_dump(), option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]
        return cls(site=site, config=config, selectors=tuple(selectors), key=key)

    def parameter_meaning(self, name: str, value: str | None = None) -> str:
        """What a URL or query parameter holds, read from its name as a field's name is read
        ("fullname" PERSON, "birthdate" DATE_OF_BIRTH), or as a payload's key names a car's plate ("?auto=GZ-418-T"
        VEHICLE_ID, as {"auto": …}: plate_under_its_car) or a person's account ("?user=lien.dhondt" PERSON_ID, as
        {"user": …}: _persons_id), or "". value: the parameter's, when known: a
        number under a short name key is a count, as in a payload ("?first=10" as {"first": 10}: _a_count)."""
        meaning = self.fields.field_meaning("", "", name, "") or self.fields.alone_meaning(name) \
            or self._numbered_field(name)
        written = int(value) if value is not None and value.isascii() and value.isdigit() else value
        if value is not None and _a_count(name, meaning, written):
            return ""
        if meaning or value is None or looks_like_url(value):
            return meaning
        if plate_under_its_car(name, value):
            return "VEHICLE_ID"  # "?auto=GZ-418-T", "?voertuig=gz418t": a parameter names a car as a payload's key does
        # (a pair in a text ends before its sentence's punctuation: "reset for user=u1: …" names an opaque id)
        return self._persons_id(name, value.rstrip(".,:;!?)"))

    def _persons_id(self, key: str, value: Any) -> str:
        """PERSON_ID when a key or a parameter names who a person is and its value is not an opaque id (a UUID, a
        database number: kept, as the peers' user ids are), or ""."""
        return PERSON_ID if self.fields.names_a_persons_id(key) and isinstance(value, (str, int)) and value != "" \
            and not opaque_id(value) else ""

    def key_meaning(self, key: str, value: Any = None) -> str:
        """What the value under a payload's key holds ({"first_name": …} PERSON; a plate under a key that names a
        car, {"wagen": "GZ-123-B"}, VEHICLE_ID; a handle under a key that names a person's account, {"seller":
        "lien.dhondt"}, PERSON_ID), or ""."""
        meaning = self.fields.key_meaning(key)
        if _a_count(key, meaning, value):
            meaning = ""  # GraphQL's and Relay's pagination: {"first": 10, "after": "…"}; an advert: {"ad": {…}}
        return meaning or ("VEHICLE_ID" if plate_under_its_car(key, value) else "") or self._persons_id(key, value) \
            or self._numbered_field(key) or self._record_number(key, value) or self._long_number(key, value)

    def _record_number(self, key: str, value: Any) -> str:
        """CUSTOMER_ID when a key is a number's or a card's word alone and its value has a random record number's shape,
        digits and letters of both cases ({"numero": "VdM:88ZT/41q"}, {"pas": "gNt7~Qx42"}: a number the site gave
        someone), or "": a count, a house's or a page's number, a word, a product's or a chip's code in capitals
        ({"number": 3}, {"nr": "12"}, {"no": "A"}, {"chip": {"number": "MC-4471"}}) says nothing (rules/fields.yaml
        number_keys)."""
        return "CUSTOMER_ID" if isinstance(value, str) and record_number_shaped(value.strip(), mixed_case=True) \
            and self.fields.names_a_number(key) else ""

    def _long_number(self, key: str, value: Any) -> str:
        """CUSTOMER_ID when an id's or a number's key ({"id": …}, "ownerId", "nummer") holds a string of nine digits or
        more, grouped or not: no database counter (formats/peer.py opaque_id keeps those up to eight digits) but as often a
        national, phone or account number no check digit proves ({"id": "314578022"}: an Israeli ID a site's rejected
        object carried, which Sentry may send before the replay that typed it; peers round 18), or ""."""
        if not isinstance(value, str) or not _LONG_NUMBER.fullmatch(value.strip()):
            return ""
        words = plain_words(key)
        return "CUSTOMER_ID" if words and (words[-1] == "id" or self.fields.names_a_number(key)) else ""

    def _numbered_field(self, key: str) -> str:
        """FORM_VALUE when a key names a form builder's numbered field ({"field_3": …}, "input_1=…"), or "": what the
        visitor filled in there, nothing says what, so it is masked whole (fail closed; review 24 F11)."""
        return FORM_VALUE if self.fields.numbers_a_form_field(key) else ""

    def attributes_meaning(self, attrs: dict[str, str], *labels: str) -> str:
        """What a field holds, from its own attributes (its type, autocomplete, name and id, placeholder,
        aria-label and title) and the texts that label it (labels), or "". Only strings are read: a payload's
        copy of an element's attributes may hold anything ({"placeholder": null})."""
        def attr(name: str) -> str:
            return value if isinstance(value := attrs.get(name), str) else ""

        # a component's binding names the field too (<input formcontrolname="lastName">: rules/fields.yaml model_attributes)
        bound = [value for name, value in attrs.items() if isinstance(value, str) and isinstance(name, str)
                 and name.partition(".")[0].lower() in self.fields.model_attributes]
        identifiers = " ".join([*map(attr, ("name", "id")), *bound])
        described = "\n".join([*map(attr, ("placeholder", "aria-label", "title")), *labels])
        choice = self.fields.choice_meaning(identifiers, described) if attr("type").lower() in _BOXES else ""
        return choice or self.fields.field_meaning(attr("type"), attr("autocomplete"), identifiers, described,
                                                   False, True)  # form_field (short_lru_cache takes no keywords)

    def field_report(self, report: dict[str, Any]) -> tuple[str, bool] | None:
        """What the field a validation error's path names holds and whether the visitor wrote its text, or
        None when the object names no field (FieldRules.reported_field)."""
        return self.fields.reported_field(report)

    def typed_text_key(self, key: str, under_typed: bool, value: Any) -> bool:
        """Whether the value under a payload's key is what the visitor wrote ({"$survey_response": …}),
        under_typed: whether its parent's was (FieldRules.is_typed_text)."""
        return self.fields.is_typed_text(key, under_typed, value)

    def label_meaning(self, label: str) -> str:
        """What the value after a label in page text holds ("Naam: …" PERSON), read as a
        field's label is read, or "" ; a label that is only a person's role ("Meter:") says PERSON."""
        words = plain_words(label)
        if words and self.fields.roles.issuperset(words):
            return "PERSON"
        if self.fields.label_names_a_thing(words):  # "Nom du produit : Pain bio"
            return ""
        return self.fields.field_meaning("", "", "", label, True)  # page_text

    @classmethod
    def fail_closed(cls, site: str, stored: Any) -> Policy:
        """For a stored configuration that no longer validates or compiles (the rules or the
        limits changed since it was saved): what it says about origins, URLs and retention is
        kept where that part is still valid, its selectors cannot be judged, so every element is
        masked (text and values) and no input value is recorded, until an editor saves a valid one."""
        kept: dict[str, Any] = {}
        if isinstance(stored, dict):
            for key in ("allowed_origins", "block_urls", "retention_days", "pii"):
                try:
                    SiteConfig.model_validate({key: stored[key]})
                    kept[key] = stored[key]
                except (KeyError, ValidationError):
                    pass
        config = SiteConfig.model_validate({**kept, "record_inputs": False})
        everything = ((SENSITIVE | MASK_TEXT, "fail-closed.invalid-config", soupsieve.compile("*")),)
        return cls(site=site, config=config, selectors=everything, key="fail-closed", invalid=True)

    def url_blocked(self, url: str) -> bool:
        """Whether a page URL matches one of the site's block_urls (glob on the URL or its path; 're:' regex)."""
        return url_matches(url, self.config.block_urls)

    def request_blocked(self, url: str) -> bool:
        """Whether a request URL (network events) matches one of the site's block_requests."""
        return url_matches(url, self.config.block_requests)


#: the shape of a name a page gives an attribute, an element or a CSS property, as frameworks write them
#: ("data-id", "aria-label", "xlink:href", "viewBox", "x-card", "--brand-color", "-webkit-box", "_ngcontent-c12",
#: "data-v-1a2b3c4d", Alpine's "@click", ":class", "x-on:click.outside"): words of letters and digits joined
#: by '-', '_' or ':', at most 60 characters, then dotted modifiers, each one frameworks write
#: (_modifier_kept), as a dotted name is an address or a person's otherwise ("data-jan.peeters")
_PAGE_NAME = re.compile(r"(?P<mark>-{0,2}|[@:])(?P<words>[A-Za-z_][A-Za-z0-9_]*(?:[-:][A-Za-z0-9_]+)*-?)"
                        r"(?P<modifiers>(?:\.[A-Za-z0-9_-]+)*)")
_PAGE_NAME_MAX = 60
#: digits a name holds as counters and sizes do: no run of five anywhere ("data-nl91abna0417164300"), no
#: word of four digits or more alone ("data-3247-8123-456", "data-x:0478:123:456"), four in all in such words,
#: eight in all in the name, letters between them or not ("data-t0478t91t35t27": a phone's ten)
_DIGIT_RUN = re.compile(r"\d{5}")
_DIGIT_WORD = re.compile(r"(?<![A-Za-z0-9])\d+(?![A-Za-z0-9])")
_DIGIT_WORD_MAX, _DIGIT_WORDS_MAX, _DIGITS_MAX = 3, 4, 8
#: a modifier no list needs to hold: a single letter or digit (a key: "@keydown.ctrl.k"), a function key,
#: a number with its unit ("x-transition.duration.500ms", "x-intersect.margin.-80px")
_SHAPED_MODIFIER = re.compile(r"[a-z0-9]|f\d{1,2}|-?\d{1,4}(?:ms|s|px)?")


@functools.cache
def _directive_modifiers() -> frozenset[str]:
    return frozenset(load_rules("attributes.yaml")["directive_modifiers"])


def _modifier_kept(modifier: str) -> bool:
    return modifier in _directive_modifiers() or bool(_SHAPED_MODIFIER.fullmatch(modifier))


#: digits a payload's key holds when it is a number written in groups (a phone, an account, a date:
#: "0478:91:35:27", "BE71-0961-2345-6769"), not an id ("12345") or a counter ("item-2")
_GROUPED_DIGITS = 8


def digits_in_groups(name: str) -> bool:
    """Whether a name holds a number written in groups: two words of digits or more, eight digits in all,
    a UUID's apart ("$survey_response_0190c0de-5eed-7000-8000-000000000001" names a question by its id)."""
    digit_words = _DIGIT_WORD.findall(UUID.sub(" ", name))
    return len(digit_words) >= 2 and sum(map(len, digit_words)) >= _GROUPED_DIGITS


#: the attributes scoped CSS puts on every element of a component, named by a hash that may hold any
#: digits (Vue's "data-v-1a234567", Angular's "_ngcontent-ng-c2771312345"): the page's CSS selects them,
#: so a replay without them loses the component's styling
_SCOPED_STYLE_NAME = re.compile(r"data-v-[0-9a-f]{8}|_ng(?:content|host)-(?:ng-c\d{1,10}|[a-z]{3}-c\d{1,6})")


def _page_name_shape(name: Any) -> re.Match[str] | None:
    if not isinstance(name, str) or len(name) > _PAGE_NAME_MAX or not (shape := _PAGE_NAME.fullmatch(name)):
        return None
    if _SCOPED_STYLE_NAME.fullmatch(name):
        return shape
    if not all(map(_modifier_kept, shape["modifiers"].split(".")[1:])):
        return None
    if _DIGIT_RUN.search(name) or sum(c.isdigit() for c in name) > _DIGITS_MAX:
        return None
    digit_words = [len(w) for w in _DIGIT_WORD.findall(shape["words"])]
    return shape if all(n <= _DIGIT_WORD_MAX for n in digit_words) and sum(digit_words) <= _DIGIT_WORDS_MAX else None


def page_name_shaped(name: Any) -> bool:
    """Whether a name a page gives (an attribute's, a custom element's, a CSS property's) has the
    shape of one: an allow-list, so that what a script writes there instead ('jan@mail.example',
    '--tel-+32478913527', 'data-amelie.vermeulen', a phone's or an account's digits) is dropped or
    masked, never kept."""
    return _page_name_shape(name) is not None


def page_name_kept(name: Any) -> bool:
    """Whether an attribute's or an element's name may be kept: shaped as one (page_name_shaped)
    and no part of it after a '-', '_' or ':' spelling a person's name as a URL's slug does
    ("data-griet-verhaeghe", "data-griet:verhaeghe", <x-griet-verhaeghe>: a script that names them after
    the visitor). Not for CSS properties ("max-width" reads as a slug). At most 60 characters are looked at.
    A name that is no string (a client's `"tagName": ["div"]`) is not kept, before the cache would hash it."""
    return isinstance(name, str) and _page_name_kept(name)


@short_lru_cache(4096)
def _page_name_kept(name: str) -> bool:
    if (shape := _page_name_shape(name)) is None:
        return False
    # the first word is a prefix ("aria-multiline", "data-", "x-"), never a person's, but after a
    # directive's mark ("@griet-verhaeghe", ":griet-verhaeghe"); ':' joins words as '-' does ("x-on:"); a
    # name may be written given name first ("data-griet-verhaeghe") or surname first ("data-vermeulen-amelie")
    words = ("-" if shape["mark"] in ("@", ":") else "") + shape["words"].replace(":", "-")
    if any(is_name_slug(words[i + 1:]) for i, c in enumerate(words) if c in "-_"):
        return False
    parts = re.split(r"[-_]", words)[1:]
    return not any(is_name_slug(f"{given}-{surname}") for surname, given in zip(parts, parts[1:]) if surname and given)


#: a valid custom element name as HTML defines it (customElements.define), in ASCII: a lower-case letter
#: first, a hyphen inside ("cart-drawer", "product-card", "x-kaart")
_CUSTOM_ELEMENT_NAME = re.compile(r"[a-z][a-z0-9._]*-[a-z0-9._-]*")


def custom_element_name(name: Any) -> bool:
    """Whether a custom element's defined name is structure: a valid custom element name that a page's
    element's tag may be named (page_name_kept). The elements of the page carry it as their tag."""
    return isinstance(name, str) and _CUSTOM_ELEMENT_NAME.fullmatch(name) is not None and page_name_kept(name)


def url_matches(url: str, patterns: list[str]) -> bool:
    """block_urls / block_requests: a glob on the URL or on its path, or 're:' and a regex. The URL is
    matched as it came and as a server reads it (normal_url: case folded, unreserved characters
    decoded, `//` collapsed, `;params` and dot segments gone), a glob folded too; a glob ending in
    `/*` also matches the path it names (`/account/*`: `/account`, `/account?tab=2`)."""
    if not patterns:
        return False
    normal = normal_url(url)
    head = SCHEME_AND_HOST.match(normal)
    path = normal[head.end():] if head else normal
    bare = _QUERY_OR_FRAGMENT.sub("", path, count=1)  # the path alone
    urls = (url, SCHEME_AND_HOST.sub("", url, count=1), normal, path)
    for pattern in patterns:
        if pattern.startswith(REGEX_PREFIX):
            try:
                if any(regex.search(pattern.removeprefix(REGEX_PREFIX), u, timeout=URL_PATTERN_SECONDS)
                       for u in (url, normal)):
                    return True
            except TimeoutError:
                return True
            continue
        folded = pattern.lower()
        if any(fnmatch.fnmatchcase(u, p) for p in (pattern, folded) for u in urls):
            return True
        if folded.endswith("/*") and (fnmatch.fnmatchcase(bare, folded[:-2])
                                      or fnmatch.fnmatchcase(_QUERY_OR_FRAGMENT.sub("", normal, count=1), folded[:-2])):
            return True
    return False


_QUERY_OR_FRAGMENT = re.compile(r"[?#].*", re.S)
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


def normal_url(url: str) -> str:
    """A URL as a server reads its path: lower case, percent-encoded unreserved characters decoded
    (`%61ccount`), `//` collapsed, `;params` and `.`/`..` segments gone; the query and fragment
    folded only; its host as a browser reaches it (normal_authority). Linear."""
    url = url.strip().lower()
    head = SCHEME_AND_HOST.match(url)
    if head:
        url = normal_authority(head.group(0)) + url[head.end():]
        head = SCHEME_AND_HOST.match(url)
    start = head.end() if head else 0
    query = _QUERY_OR_FRAGMENT.search(url, start)
    end = query.start() if query else len(url)
    path = _PERCENT.sub(lambda m: chr(int(m.group(1), 16)) if chr(int(m.group(1), 16)) in _UNRESERVED
                        else m.group(0), url[start:end])
    segments: list[str] = []
    for segment in path.split("/"):
        segment = segment.split(";", 1)[0]
        if segment == "..":
            if segments:
                segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    rebuilt = "/" + "/".join(segments) if segments or path.startswith("/") or head else "/".join(segments)
    if path.endswith("/") and segments:
        rebuilt += "/"
    return url[:start] + rebuilt + url[end:]


#: the port a scheme reaches when none is written
_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}
#: a host (a name or a bracketed IPv6 address) and its port, after the userinfo
_HOST_AND_PORT = re.compile(r"(\[[^\]]*\]|[^:]*)(?::(.*))?", re.S)


def normal_authority(head: str) -> str:
    """A lower-cased scheme and authority ("https://jan@shop.example.:443") as the host it reaches
    ("https://shop.example"): the user and password dropped, the root's trailing dot (a browser
    keeps it in location.href) and the scheme's default port too, so that a site's block_urls
    written with its plain host match every spelling of it."""
    scheme, _, authority = head.partition("://")
    host, port = _HOST_AND_PORT.fullmatch(authority.rsplit("@", 1)[-1]).groups()
    port = "" if port is None or port in ("", _DEFAULT_PORTS.get(scheme)) else ":" + port
    return f"{scheme}://{host.rstrip('.')}{port}"
