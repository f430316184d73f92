"""A site's ``pii`` settings and the engine's own (rules/pii.yaml): plain pydantic models.

Kept apart from the engine so that validating a configuration (``redactor check-config``, the admin
API, policy loading) imports neither Presidio nor spaCy.
"""
from __future__ import annotations

import functools
from typing import Annotated

import pydantic

from redactor.masking import is_valid_operator
from redactor.ruledata import detectable_entities, load_rules

SUPPORTED_LANGUAGES = ("en", "fr", "nl")


def _detectable(entity: str) -> str:
    """An entity no recognizer reports would silently mask nothing: refused like an unknown key."""
    if entity not in detectable_entities():
        raise ValueError(f"unknown entity {entity!r} (known: {', '.join(sorted(detectable_entities()))})")
    return entity


class PiiSettings(pydantic.BaseModel):
    """A site's ``pii`` settings. Mask operators are applied by the caller."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    languages: list[str] = ["en", "fr", "nl"]
    entities: list[Annotated[str, pydantic.AfterValidator(_detectable)]] | None = None  # None = every entity
    threshold: float = pydantic.Field(0.5, ge=0.0, le=1.0)
    mask: str = "*"  # one character (same length), "label", "hash" or "drop": see redactor/masking.py

    @pydantic.field_validator("mask")
    @classmethod
    def _known_mask(cls, value: str) -> str:
        if not is_valid_operator(value):
            raise ValueError("mask is one character (masked to the same length), 'label', 'hash' or 'drop'")
        return value

    @pydantic.field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        unknown = [lang for lang in value if lang not in SUPPORTED_LANGUAGES]
        if unknown or not value:
            raise ValueError(f"languages must be a non-empty subset of {list(SUPPORTED_LANGUAGES)}")
        return value

    @classmethod
    def defaults(cls) -> "PiiSettings":
        return _default_settings()

    def resolve_language(self, language: str | None) -> str:
        """Page language ("fr-BE", "NL", None…) → one of the configured languages, "en" if possible."""
        primary = (language or "").strip().lower().replace("_", "-").split("-")[0]
        if primary in self.languages:
            return primary
        return "en" if "en" in self.languages else self.languages[0]


@functools.cache
def _default_settings() -> PiiSettings:
    data = load_rules("pii.yaml")
    return PiiSettings(**{k: v for k, v in data.items() if k != "engine"})


class EngineConfig(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    spacy_model: str
    spacy_disable: list[str] = []
    ner_languages: list[str] = list(SUPPORTED_LANGUAGES)
    ner_labels: list[str] = ["NER_PERSON", "MISC", "ORGANIZATION", "LOCATION"]  # read for names
    batch_size: int = 64
    cache_size: int = 50_000
    extra_suffixes: list[str] = []
    extra_given_names: list[str] = []
    popular_given_names: list[str] = []  # popular today, rated rare by the list: common ones for names typed in lower case
    stop_words_that_are_names: list[str] = []  # kept as given names
    stop_words_that_are_surnames: list[str] = []  # a surname after a given name, no sentence's pronoun ("Anna Vos")
    words_that_are_not_names: list[str] = []  # taken out of the given names ("Lage", "Oude")
    names_that_are_words: list[str] = []  # first in a phrase, not a name by itself ("Summer Sale")
    saints: list[str] = []  # the word after one is a saint's name ("San Francisco")
    saints_before_their_sounds: list[str] = []  # … before a vowel, s and a consonant, Do- or To- ("Santo António")
    possessives_as_written: list[str] = []  # Luxembourgish, accents kept: "Mäi Konto"
    dishes_as_written: list[str] = []  # Vietnamese, marks kept: "Bò Lúc Lắc" is a dish
    dishes_named_after_people: list[str] = []  # "Dame Blanche", "Pêche Melba": a menu's, no one's
    lower_case_words_not_names: list[str] = []  # after "ik ben", "i am" in lower case, a state ("moe", "fine")
    assent_words_that_are_names: list[str] = []  # opening a reply before its comma, assent ("Prima, groeten van …")
    everyday_words_that_are_names: list[str] = []  # typed in lower case, no name's first word ("pierre bleue")
    places_that_are_names: list[str] = []  # alone after "Photo de", a place ("Photo de Paris")
    plurals_that_are_no_household: list[str] = []  # after an article, no family ("les Alpes", "die Tickets")
    regions_that_are_names: list[str] = []  # a sentence's subject that is a region, not a person ("Lorraine est…")
    saint_words: list[str] = []  # a saint's word opening a place's name ("Sankt Vith"): no person's
    surname_endings: list[str] = []  # street endings that are no street's in a name ("Verdijk", "Verkade")
    weekday_abbreviations: list[str] = []  # on a line of opening hours, a day ("Sa 9–13 Uhr, Mo Ruhetag")
    when_words: list[str] = []  # days and parts of a day: a run of them alone says when ("Montag Nachmittag")
    occasions_that_are_names: list[str] = []  # after a gift's "for", an occasion ("Carte cadeau pour Noël")
    things_of_a_feast: list[str] = []  # before "de" and a feast, no person's ("Sapins de Noël Nordmann")
    occasion_figures: list[str] = []  # a feast's figure, whole: "Père Noël", "Père Fouettard"
    business_words: list[str] = []  # a capitalised run beside one of these is a shop or place name
    business_suffixes: list[str] = []
    business_forms: list[str] = []
    brands: list[str] = []  # a brand shaped like a name, whole: "Calvin Klein", "Marc O'Polo", "Zalando"
    site_address_leads: list[str] = []  # right before an address, the site's own: "Visit us at", "Showroom:"
    premises_labels: list[str] = []  # alone before an address on a line with opening hours, the site's: "Kantoor:"
    product_words: list[str] = []  # a product named after a person: "Eettafel Sophie"
    product_words_after: list[str] = []  # lower-case after a name only: "Earl Grey tea", "Charlie Bigham's fish pie"
    sold_by_after: list[str] = []  # how a product is sold, right after its name: "Hortensia Annabelle in pot"
    surname_first_endings: list[str] = []  # a surname before the given name: "Kowalski Jan", "Popescu Ion"
    surname_first_endings_shared_with_words: list[str] = []  # of those, a place's or a thing's too: "Geneva Anna"
    name_labels: list[str] = []  # a form's labels for a name: "Naam:", "Nom :"
    group_words: list[str] = []  # a group's word after a name and its comma: "…, Gruppe Anfänger"
    surnames_written_first: list[str] = []  # … or one of these: "Nagy Zoltán", "kovács éva" (Hungarian)
    finish_words: list[str] = []  # a product's colour or material after its title's name: "Lamp Victor zwart"
    venue_words: list[str] = []  # places named after people, in either case before the name: "la piscine Jean Taris"
    articles_before_a_noun: list[str] = []  # a German trade word after one is a noun in a sentence: "nach der Kita"
    greeted_groups: list[str] = []  # what a greeting greets that is no one ("hoi allemaal", "hi there")
    greeted_not_named: list[str] = []  # one capitalised word after a greeting that is no one ("Welcome, Guest!")
    role_kinds: list[str] = []  # one capitalised word after a role's label that is its kind ("Passenger: Adult")
    greeted_by_a_nickname: list[str] = []  # a lower-case word after a greeting that is a friend's word ("hey buddy")
    room_words: list[str] = []  # a room's name in it or before it ("Kamer Deluxe"), not after it ("… kamer 204")
    department_words: list[str] = []  # whom an address's line is for that is no one ("T.a.v. Administratie")
    work_title_articles: list[str] = []  # "Les Misérables – Victor Hugo (poche)": a work's title and its author
    work_formats: list[str] = []  # … and its format, without which the line may be a visitor's
    credit_labels: list[str] = []  # a label before its colon that credits a work's maker: "Soliste : …", "Piano: …"
    news_agencies: list[str] = []  # beside a byline or a photo credit: "Photo: Reuters / Yves Herman", "…, avec AFP"
    work_labels: list[str] = []  # "Film: Turks fruit van Paul Verhoeven": a work's label, its title, its maker
    model_labels: list[str] = []  # "onze modellen Brigid, Morgana en Aisling": a maker's models named like people
    shelf_mark_labels: list[str] = []  # … or its shelf mark: "Oliver Twist – Charles Dickens · Signatur EN DIC"
    product_suffixes: list[str] = []
    professional_titles: list[str] = []  # passed over between a trade word and a name
    practitioner_words: list[str] = []  # after a practitioner's name and a comma, her specialty: "…, Fachärztin"
    practitioner_endings: list[str] = []  # … by a German compound's ending: "Zahnärztin", "Psychotherapeutin"
    institution_endings: list[str] = []  # a hyphenated compound ending so names an institution: "Marie-Curie-Gymnasium"
    institution_acronyms: list[str] = []  # as written, opening an institution's name: "CHU Brugmann", "UZ Leuven"
    name_openers: list[str] = []  # greetings and titles: the only words before a given name in a name
    contact_labels: list[str] = []  # a number's label ("Tel."): no last word of the name before it
    possessives: list[str] = []  # "Mein Opa Eberhard": the word after one says who a person is to the writer

