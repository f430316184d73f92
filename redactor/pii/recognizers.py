"""Recognizers from data: rules/recognizers.yaml, validated by the pydantic models below, built into
Presidio recognizers. Presidio built-ins by class name, and one generic ``RuleRecognizer`` for every
pattern entry, whose validator comes from a library (python-stdnum, phonenumbers), never from
checksum arithmetic written here.

Why not Presidio's own loaders: ``RecognizerRegistry.add_recognizers_from_yaml`` builds plain
``PatternRecognizer``s from name/regex/score/context only: it has no per-pattern validator, no
score for a match failing its validator, and no built-ins by class name.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

import pydantic
import regex  # Presidio's own regex engine: variable-length lookbehind
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult, predefined_recognizers
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.pii.names import greeted_name
from redactor.pii.needs import needs, present
from redactor.pii.validators import make_validator
from redactor.ruledata import DEFAULT_RECOGNIZER_SCORE, load_rules, rule_words, with_words


def _words_of(item):
    """A context item: a word, or "{{name}}", the words of that list (ruledata.with_words' lists)."""
    name = item[2:-2] if isinstance(item, str) and item.startswith("{{") and item.endswith("}}") else None
    if name is None:
        return [item]
    if name not in rule_words():
        raise ValueError(f"no word list {name!r} in rules/recognizers.yaml")
    return list(rule_words()[name])


@functools.cache
def compiled(source: str, flags: int) -> regex.Pattern:
    """A rule's regex compiled once a process: when the rules are checked, then for each language's recognizer (the
    rules' ~650 regexes and flags outnumber the 500 that regex's own cache keeps, so it kept none of them)."""
    return regex.compile(source, flags)


class PatternDef(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    regex: str
    score: float | None = None  # overrides the recognizer's
    validator: str | None = None  # overrides the recognizer's
    invalid_score: float | None = None  # report a match failing the validator at this score (None: drop)
    retry_parts: bool = True  # a match failing the validator: try its parts between separators
    # a match failing the validator: validate each match the regex finds from a later start inside it, ending where
    # it ends ("jan_peeters" of "scan_jan_peeters.pdf", whose parts no separator of retry_parts cuts)
    retry_starts: bool = False
    # the shape a part must have before it is validated (a validation costs microseconds, and a
    # hostile text holds matches of thirty one-character groups: ~500 parts each)
    part_shape: str | None = None

    @pydantic.field_validator("regex", "part_shape")
    @classmethod
    def _words_put_in(cls, value: str | None) -> str | None:
        """Its word lists put in ({{months}}); compiled by its recognizer's check, with the recognizer's flags."""
        return None if value is None else with_words(value)


class RecognizerDef(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    entity: str
    presidio: str | None = None  # a Presidio built-in class name
    patterns: list[PatternDef] = []
    validator: str | None = None
    score: float = pydantic.Field(DEFAULT_RECOGNIZER_SCORE, ge=0.0, le=1.0)
    context: list[str] = []
    context_score: float | None = None
    # words of a label that names another kind of number ("Tracking 518427730", "Bestelnummer …"):
    # right before a match, with no `context` word near it, they cap its score
    other_number_words: list[str] = []
    other_number_score: float | None = None
    languages: list[str] | None = None
    ignore_case: bool = False

    @pydantic.field_validator("context", "other_number_words", mode="before")
    @classmethod
    def _flatten_context(cls, value):
        """A YAML anchor shares a list of words between recognizers: `[*national_id_words, nn]`; "{{name}}" stands
        for a word list of the file's `words`, shared with its regexes (`"{{plate_words}}"`)."""
        if isinstance(value, list):
            return [w for item in value for w in (item if isinstance(item, list) else _words_of(item))]
        return value

    @pydantic.model_validator(mode="after")
    def _consistent(self) -> "RecognizerDef":
        if not self.presidio and not self.patterns:
            raise ValueError(f"{self.name}: give `presidio` or `patterns` (with `presidio`, they replace its regexes)")
        if bool(self.other_number_words) != (self.other_number_score is not None):
            raise ValueError(f"{self.name}: give `other_number_words` and `other_number_score` together")
        if self.presidio and not hasattr(predefined_recognizers, self.presidio):
            raise ValueError(f"{self.name}: Presidio has no recognizer {self.presidio!r}")
        for validator in [self.validator] + [p.validator for p in self.patterns]:
            if validator is not None:
                make_validator(validator)  # raises on an unknown name
        for pattern in self.patterns:  # compiled now to refuse a bad one early, and kept for the recognizers
            for source in (pattern.regex, pattern.part_shape):
                try:
                    if source is not None:
                        compiled(source, self.flags)
                except regex.error as exc:
                    raise ValueError(f"{self.name}: bad regex in {pattern.name}: {exc}") from None
        return self

    @property
    def flags(self) -> int:
        return regex.IGNORECASE if self.ignore_case else 0


class RecognizerFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    # read by ruledata.with_words (a list of lists: word_groups; {field_words: ENTITY}: rules/fields.yaml's words)
    words: dict[str, list[str | list[str] | dict[str, str]]] = {}
    fragments: dict[str, str] = {}  # read by ruledata.with_words too: a regex's piece, put in as written
    recognizers: list[RecognizerDef]


@functools.cache
def load_recognizer_defs() -> tuple[RecognizerDef, ...]:
    """Read and checked once a process (each regex compiled to refuse a bad one: ~1.3 s), for the detector and for the
    entities it reports; read only."""
    return tuple(RecognizerFile.model_validate(load_rules("recognizers.yaml")).recognizers)



_GROUP = re.compile(r"[^\s.\-/()–‑]+")  # the groups of a number between separators
#: the articles before an association's or a firm's noun after an account number ("de la Ligue", "l'ASBL")
_ARTICLES = frozenset({"la", "le", "les", "l", "het", "the", "der", "die", "das", "den", "een", "un", "une", "des",
                       "du"})


def _number_end(text: str, match: regex.Match) -> int:
    """Where a match failing its validator ends as a number: after its last group holding a digit. A greedy regex
    swallows the words after a number ("IBAN BE68 5390 0754 7034 de l'ASBL", "… op naam van de vzw": review 24 O1),
    which are no part of it; unless they have a name's shape ("… Jan Peeters", "… op naam van Lotte"), the
    holder's, kept in the span (fail closed)."""
    end = match.end()
    digit_ends = [group.end() for group in _GROUP.finditer(text, match.start(), end)
                  if any(c.isdigit() for c in group.group())]
    if not digit_ends or digit_ends[-1] == end:
        return end
    words = text[digit_ends[-1]:end].split()
    capitalised = " ".join(word for word in words if word[:1].isupper())
    if capitalised and greeted_name(capitalised):
        return end
    # a capitalised word no article introduces, not an acronym: a holder no list knows ("… op naam van Kabongo",
    # "… au nom de Kabongo"), kept in the span; "de la Ligue", "de l'ASBL", "van de Vereniging" name an association
    for before, word in zip(["", *words], words):
        article, _, word = word.rpartition("’" if "’" in word else "'")
        if word[:1].isupper() and not word.isupper() and (article or before).lower() not in _ARTICLES:
            return end
    return digit_ends[-1]


#: the words around a match where a context word raises its score: a label sits before its value
#: ("IBAN: …", "numéro de sécurité sociale …") more often and further away than after it
CONTEXT_BEFORE, CONTEXT_AFTER = 60, 30
#: how far before a match a label naming another kind of number is looked for: the label right before
#: it ("Commande n° 402918375", "Tracking number: 518427730"), not a word earlier in the sentence
OTHER_NUMBER_BEFORE = 25


#: the validations one recognizer may run on one text: a few per match of ordinary text, linear in its
#: length. A text built to fail validation at every start ("BE68 " x 4,000: each start a match whose
#: thirty-odd parts are retried) would otherwise cost seconds of library lookups.
VALIDATIONS_BASE, CHARS_PER_VALIDATION = 256, 8


class _Checks:
    """The validators of one recognizer on one text: each answer kept by the value it was asked about
    (a filler repeats the same candidates at every start: they are asked once), and the library asked
    at most VALIDATIONS_BASE + len(text) / CHARS_PER_VALIDATION times. Beyond that every candidate is
    taken as valid: its match is masked, never passed unread (fail closed)."""

    def __init__(self, text: str):
        self._left = VALIDATIONS_BASE + len(text) // CHARS_PER_VALIDATION
        self._answers: dict[tuple[Callable[[str], bool], str], bool] = {}

    def of(self, validate: Callable[[str], bool]) -> Callable[[str], bool]:
        def check(value: str) -> bool:
            key = (validate, value)
            answer = self._answers.get(key)
            if answer is None:
                if self._left <= 0:
                    return True
                self._left -= 1
                answer = self._answers[key] = bool(validate(value))
            return answer
        return check


class RuleRecognizer(EntityRecognizer):
    """A recognizer from one YAML entry: regexes, a library validator, context words.

    Not a ``PatternRecognizer``: its ``validate_result`` / ``invalidate_result`` answer for a whole
    match only, while a failing match here is retried on its parts and may keep a lower score; and
    Presidio's context enhancer reads spaCy lemmas, which the NoOp engine and our NER-only pipeline
    do not produce, so context words are matched on the text around the match."""

    def __init__(self, spec: RecognizerDef, language: str):
        self.spec = spec
        flags = spec.flags
        self._patterns = [
            (compiled(p.regex, flags), p.score if p.score is not None else spec.score,
             make_validator(p.validator or spec.validator) if (p.validator or spec.validator) else None,
             p.invalid_score, p.retry_parts and (compiled(p.part_shape, flags) if p.part_shape else True),
             p.retry_starts)
            for p in spec.patterns
        ]
        self._context = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in spec.context) + r")(?!\w)", re.IGNORECASE)
            if spec.context else None
        )
        self._other_number = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in spec.other_number_words) + r")(?!\w)",
                       re.IGNORECASE)
            if spec.other_number_words else None
        )
        super().__init__(supported_entities=[spec.entity], name=spec.name, supported_language=language)

    def load(self) -> None:
        pass

    @property
    def regexes(self) -> list[regex.Pattern]:
        return [pattern for pattern, *_ in self._patterns]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        results = []
        checks = _Checks(text)
        for pattern, score, validate, invalid_score, retry_parts, retry_starts in self._patterns:
            check = validate and checks.of(validate)
            position = tried = 0
            answers: dict[tuple[str, int], list[tuple[int, int]]] = {}  # a match's valid parts, by its text
            while match := pattern.search(text, position):
                valid = self._parts_of(match, answers, lambda: self._validated(
                    text, match.start(), match.end(), check, retry_parts, tried), tried)
                if not valid and invalid_score is not None:
                    self._add(results, self._result(text, match.start(), _number_end(text, match), invalid_score))
                for start, end in valid:
                    self._add(results, self._result(text, start, end, score))
                position = self._resume(match, valid)
                if position < match.end() and not retry_starts:
                    tried = match.end()
        return EntityRecognizer.remove_duplicates(results)

    @staticmethod
    def _add(results: list[RecognizerResult], result: RecognizerResult) -> None:
        """A result that overlaps the last one at the same score extends it: the same characters are
        masked, and a text failing at every start ("BE68 " x 4,000) gives one result, not thousands for
        Presidio to copy and sort."""
        last = results[-1] if results else None
        if last is not None and last.score == result.score and last.start <= result.start < last.end:
            last.end = max(last.end, result.end)
        else:
            results.append(result)

    @staticmethod
    def _parts_of(match: regex.Match, answers: dict, validated: Callable[[], list[tuple[int, int]]],
                  tried: int) -> list[tuple[int, int]]:
        """validated() of a match, asked once per match text and length already tried: what it finds
        depends on those alone, and a filler ("BE68 " x 4,000) holds the same match at every start."""
        start = match.start()
        key = (match.group(), max(0, tried - start))
        if key not in answers:
            answers[key] = [(s - start, e - start) for s, e in validated()]
        return [(start + s, start + e) for s, e in answers[key]]

    @staticmethod
    def _resume(match: regex.Match, valid: list[tuple[int, int]]) -> int:
        """Where the search goes on after a match: after it when it is valid; else after its last valid
        part, or from its second character. A greedy match may have swallowed the start of a value that
        runs on past its end ("NL91ABNA0417164300 of BE68 5390 0754 7034": thirty groups end inside the
        second IBAN), which its parts, cut at its end, never hold whole. Linear still: a match is as
        long as its regex lets it be, the starts its regex can take inside one are few (an IBAN's "AB12"
        is four characters), and the parts of the match found there that the failed one held are not
        validated again (_validated's tried)."""
        if valid == [(match.start(), match.end())]:
            return max(match.end(), match.start() + 1)
        return max(match.start() + 1, valid[-1][1] if valid else 0)

    @staticmethod
    def _validated(text: str, start: int, end: int, validate,
                   retry_parts: bool | regex.Pattern = True, tried: int = 0) -> list[tuple[int, int]]:
        """The match if valid; else its longest valid sub-ranges between separators (greedy regexes
        swallow a neighbouring number: "06 3190 2274 79", "nr 12 0612345678"), of the part shape
        when the pattern gives one. tried: where the failed match this one starts inside ended; what
        ends there or before was validated with it, in vain."""
        if validate is None or (end > tried and validate(text[start:end])):
            return [(start, end)]
        if not retry_parts:
            return []
        groups = [(start + m.start(), start + m.end()) for m in _GROUP.finditer(text[start:end])]
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(groups):
            for j in range(len(groups) - 1, i - 1, -1):
                s, e = groups[i][0], groups[j][1]
                if e <= tried:  # this part and the shorter ones were validated with the failed match
                    break
                if s > start and text[s - 1] in "+(":
                    s -= 1
                if ((i, j) != (0, len(groups) - 1)
                        and (retry_parts is True or retry_parts.fullmatch(text, s, e)) and validate(text[s:e])):
                    found.append((s, e))
                    i = j
                    break
            i += 1
        return found

    def _result(self, text: str, start: int, end: int, score: float) -> RecognizerResult:
        said = False
        if self._context and self.spec.context_score is not None:
            window = text[max(0, start - CONTEXT_BEFORE):start] + " " + text[end:end + CONTEXT_AFTER]
            if self._other_number:  # a context word inside another number's label is that label's: "Numéro d'entreprise"
                window = self._other_number.sub(" ", window)
            said = bool(self._context.search(window))
            if said:
                score = max(score, self.spec.context_score)
        # a label that names an order, a parcel or an invoice says what the number is; a national id's
        # own word anywhere near it wins (fail closed: "order 12, mijn BSN 795160173")
        if not said and self._other_number and self._other_number.search(text[max(0, start - OTHER_NUMBER_BEFORE):start]):
            score = min(score, self.spec.other_number_score)
        return RecognizerResult(
            entity_type=self.spec.entity, start=start, end=end, score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # our own context handling already ran: Presidio's enhancer must not add to it
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            },
        )



def pattern_regexes(recognizer: EntityRecognizer) -> list[regex.Pattern] | None:
    """The regexes every result of this recognizer comes from, each compiled as the recognizer
    compiles it (None: not a pattern recognizer, it cannot be told what that one finds)."""
    if isinstance(recognizer, RuleRecognizer):
        return recognizer.regexes
    if isinstance(recognizer, PatternRecognizer):  # analyze() without regex_flags: its global flags
        return [regex.compile(p.regex, flags=recognizer.global_regex_flags) for p in recognizer.patterns]
    return None


def _needs_of(pattern: regex.Pattern, known: Mapping[tuple[str, int], int]) -> int:
    key = (pattern.pattern, pattern.flags)
    return known[key] if key in known else needs(pattern)


class PatternGate:
    """Which recognizers of a language may report something in a text: a pattern recognizer reports
    only where one of its regexes matches, so where none does it need not run, nor Presidio at all
    when no recognizer is left. A recognizer of another kind is always woken (it cannot be told what
    it finds); spaCy's is left out, to names.may_hold_a_name. A regex needing a kind of character the
    text does not hold (a digit, an "@": redactor/pii/needs.py) is not searched: it cannot match."""

    def __init__(self, recognizers: list[EntityRecognizer], known_needs: Mapping[tuple[str, int], int] = {}):
        """known_needs: needs() of regexes by (source, flags), read before (engine.shipped_needs)."""
        self._by_language: dict[str, list[tuple[EntityRecognizer, list[tuple[regex.Pattern, int]] | None]]] = {}
        for recognizer in recognizers:
            if not isinstance(recognizer, predefined_recognizers.SpacyRecognizer):
                regexes = pattern_regexes(recognizer)
                self._by_language.setdefault(recognizer.supported_language, []).append(
                    (recognizer, None if regexes is None else [(pattern, _needs_of(pattern, known_needs))
                                                               for pattern in regexes]))
        self._always = {language: tuple(recognizer for recognizer, regexes in pairs if regexes is None)
                        for language, pairs in self._by_language.items()}
        self._searched_cache: dict[tuple[str, int], tuple[list, list]] = {}

    def _searched(self, language: str, held: int) -> tuple[list[tuple[regex.Pattern, int]], list[list[regex.Pattern]]]:
        """The regexes of a language that may match in a text holding the kinds held: in one flat list
        (most texts wake none: one flat pass says so, a pass per recognizer costs a third more), each
        with the place of its recognizer in the language's list; and per recognizer."""
        key = (language, held)
        if key not in self._searched_cache:
            per_recognizer = [[pattern for pattern, need in regexes or () if not need & ~held]
                              for _, regexes in self._by_language.get(language, ())]
            flat = [(pattern, n) for n, patterns in enumerate(per_recognizer) for pattern in patterns]
            self._searched_cache[key] = (flat, per_recognizer)
        return self._searched_cache[key]

    def woken(self, text: str, language: str) -> tuple[EntityRecognizer, ...]:
        """The recognizers of language that may report something in text, in the order given."""
        flat, per_recognizer = self._searched(language, present(text))
        first = next((n for pattern, n in flat if pattern.search(text)), None)
        if first is None:
            return self._always.get(language, ())
        # the recognizers before the first match's own had every regex searched in vain: not again
        return tuple(recognizer for n, (recognizer, regexes) in enumerate(self._by_language[language])
                     if regexes is None or n == first or n > first and any(p.search(text) for p in per_recognizer[n]))
