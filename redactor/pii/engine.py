"""The detection engine: Presidio's AnalyzerEngine built once per process, offline, batched and cached.

Offline: the NLP engine is always given explicitly (Presidio's default would download
``en_core_web_lg``), and the e-mail recognizer's suffix list is the one bundled in tldextract's wheel
(``use_offline_suffix_list``). Nothing here logs a value.
"""
from __future__ import annotations

import functools

import tldextract
from presidio_analyzer import (AnalyzerEngine, BatchAnalyzerEngine, EntityRecognizer, Pattern, RecognizerRegistry,
                               RecognizerResult)
from presidio_analyzer import predefined_recognizers
from presidio_analyzer.nlp_engine import NerModelConfiguration, NoOpNlpEngine, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers.generic import email_recognizer

from redactor.pii.cache import SpanCache
from redactor.pii.fold import fold
from redactor.pii.names import (dated_after_a_name, holder_before, is_a_person, is_site_address, load_lexicons,
                                may_hold_a_name, name_end, name_start, ner_names, partner_after, partner_before,
                                without_site_addresses)
from redactor.pii.disk_cache import kept_on_disk
from redactor.pii.needs import needs
from redactor.pii.recognizers import PatternGate, RuleRecognizer, load_recognizer_defs, pattern_regexes
from redactor.pii.settings import SUPPORTED_LANGUAGES, EngineConfig, PiiSettings
from redactor.pii.spans import Span, drop_contained, keep
from redactor.ruledata import load_rules


def _batch_engine(registry: RecognizerRegistry, nlp_engine) -> BatchAnalyzerEngine:
    languages = list(SUPPORTED_LANGUAGES)
    return BatchAnalyzerEngine(AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=languages,
                                              log_decision_process=False))  # its tracer would log the values


#: engines kept per set of recognizers a text wakes (_Narrowed): the sets the rules' patterns make on
#: real texts are a few dozen; past this many, the least used is built again when needed (~0.1 ms)
NARROWED_ENGINES = 256
#: numbers that are one person's, whose holder a text names right before them (holder_before)
_HELD_NUMBERS = frozenset({"IBAN_CODE", "BE_NATIONAL_NUMBER", "NATIONAL_ID", "NL_BSN", "FR_NIR", "CREDIT_CARD",
                           "PHONE_NUMBER", "DATE_OF_BIRTH"})
#: a date right after a person's name: the birth date a list gives, as sure as one after a birth word
_BIRTH_DATE_AFTER_A_NAME = 0.85


class _Narrowed:
    """A BatchAnalyzerEngine's analysis of each text by only the recognizers the text wakes
    (recognizers.PatternGate), and spaCy's. Presidio runs every recognizer of the language on a text
    (~45, each its regexes, then its context pass over all of them): ~1 ms a text, where the gate has
    already searched every regex once. The recognizers not woken report nothing, and the woken ones keep
    the registry's order, so the results are the same, in the same order (tests/test_pii.py compares
    them with the whole engine's on ~2,000 real texts)."""

    def __init__(self, batch: BatchAnalyzerEngine):
        engine = batch.analyzer_engine
        self._nlp_engine, self._languages = engine.nlp_engine, engine.supported_languages
        self._order = {id(r): n for n, r in enumerate(engine.registry.recognizers)}
        self._spacy = {lang: tuple(r for r in engine.registry.recognizers if r.supported_language == lang
                                   and isinstance(r, predefined_recognizers.SpacyRecognizer))
                       for lang in self._languages}
        self._engine = functools.lru_cache(maxsize=NARROWED_ENGINES)(self._build)

    def analyze(self, texts: list[str], woken: list[tuple[EntityRecognizer, ...]], lang: str,
                batch_size: int) -> list[list[RecognizerResult]]:
        """What BatchAnalyzerEngine.analyze_iterator(texts, lang, batch_size, score_threshold=0.0)
        answers, each text analyzed by the recognizers it woke."""
        out = []
        batch = self._nlp_engine.process_batch(texts=texts, language=lang, batch_size=batch_size)
        for (text, artifacts), recognizers in zip(batch, woken):
            recognizers += self._spacy[lang]
            out.append(self._engine(lang, recognizers).analyze(text=text, language=lang, nlp_artifacts=artifacts,
                                                                score_threshold=0.0) if recognizers else [])
        return out

    def _build(self, lang: str, recognizers: tuple[EntityRecognizer, ...]) -> AnalyzerEngine:
        registry = RecognizerRegistry(recognizers=sorted(recognizers, key=lambda r: self._order[id(r)]),
                                      supported_languages=self._languages)
        return AnalyzerEngine(registry=registry, nlp_engine=self._nlp_engine, supported_languages=self._languages,
                              log_decision_process=False)


class _SharedSpacyNlpEngine(SpacyNlpEngine):
    """Loads one spaCy pipeline once and serves it for several language codes."""

    def __init__(self, model: str, languages: list[str], disable: list[str]):
        # The model's PER is not yet a PERSON (ner_names decides): under the same entity name, Presidio's
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
        from thinc.api import use_ops

        if not spacy.util.is_package(self._model):  # never let Presidio download it
            raise RuntimeError(f"spaCy pipeline {self._model!r} is not installed (pip install it)")
        # The model's layers multiply through numpy's BLAS where it runs on one thread: ~30% less CPU a text
        # than thinc's default (blis), the same entities; on its own threads it costs 3x more CPU (they spin,
        # beside the event loop and the redaction threads), so blis stays where one thread is not assured.
        with use_ops("numpy", use_blis=not one_thread_blas()):
            nlp = spacy.load(self._model, exclude=self._disable)
        self.nlp = {lang: nlp for lang in self._languages}


def one_thread_blas() -> bool:
    """Limits numpy's BLAS to one thread in this process (threadpoolctl, whenever it was loaded); true
    when every BLAS loaded now runs on one."""
    import numpy  # noqa: F401  (loads its BLAS, so that threadpoolctl finds it)
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    return bool(blas) and all(lib["num_threads"] == 1 for lib in blas)


def use_offline_suffix_list(extra_suffixes: list[str]) -> None:
    """Make Presidio's EmailRecognizer work offline, for the whole process: it calls the module-level
    ``tldextract.extract``, whose default extractor downloads the public suffix list on first use
    and caches it on disk. A proxy never fetches anything at run time, so both the module function
    and the recognizer module's reference become an extractor that reads only the snapshot bundled in
    tldextract's wheel, with ``extra_suffixes`` (the reserved test domains of rules/pii.yaml) added."""
    extractor = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, extra_suffixes=tuple(extra_suffixes)
    )
    email_recognizer.tldextract.extract = extractor  # the module object the recognizer calls
    tldextract.extract = extractor


def content_recognizers(languages: list[str]) -> list[EntityRecognizer]:
    """The recognizers of rules/recognizers.yaml, one per language each is for."""
    found: list[EntityRecognizer] = []
    for spec in load_recognizer_defs():
        for lang in spec.languages or languages:
            if spec.presidio:
                cls = getattr(predefined_recognizers, spec.presidio)
                own = [Pattern(p.name, p.regex, p.score if p.score is not None else spec.score)
                       for p in spec.patterns] or None  # None: the built-in's own regexes
                found.append(cls(supported_language=lang, supported_entity=spec.entity, patterns=own))
            else:
                found.append(RuleRecognizer(spec, lang))
    return found


@kept_on_disk
def shipped_needs() -> dict[tuple[str, int], int]:
    """What each regex of the shipped recognizers needs a text to hold (needs.py), by its source and flags: read from
    the sources once (~1.2 s of each detector's start) and kept on disk."""
    recognizers = content_recognizers(list(SUPPORTED_LANGUAGES))
    return {(pattern.pattern, pattern.flags): needs(pattern)
            for recognizer in recognizers for pattern in pattern_regexes(recognizer) or ()}


class PiiDetector:
    """Built once per process. Sync API, used inside an executor worker."""

    def __init__(self, ner: bool = True, shortcuts: bool = True):
        """ner: find names in free text with spaCy. shortcuts: run the model only where ner_names can
        keep something of what it finds, and Presidio only where a pattern matches or the model runs
        (without: every text through everything, the reference the shortcuts are tested against)."""
        config = load_rules("pii.yaml")
        self.engine_config = EngineConfig.model_validate(config["engine"])
        self.ner, self.shortcuts = ner, shortcuts
        use_offline_suffix_list(self.engine_config.extra_suffixes)  # before any recognizer is built
        languages = list(SUPPORTED_LANGUAGES)

        registry = RecognizerRegistry(recognizers=content_recognizers(languages), supported_languages=languages)
        # Two engines on the same recognizers (_route): with the model for texts where it may find a name
        # (names.may_hold_a_name), patterns only for the others where a pattern matches; none elsewhere;
        # each text analyzed by the recognizers it wakes only (_Narrowed).
        self._patterns = _batch_engine(
            registry, NoOpNlpEngine(models=[{"lang_code": lang, "model_name": "none"} for lang in languages]))
        self._gate = PatternGate(registry.recognizers, shipped_needs())
        self._with_ner = None
        if ner:
            with_ner = RecognizerRegistry(recognizers=list(registry.recognizers), supported_languages=languages)
            for lang in self.engine_config.ner_languages:
                with_ner.add_recognizer(predefined_recognizers.SpacyRecognizer(
                    supported_language=lang, supported_entities=self.engine_config.ner_labels))
            self._with_ner = _batch_engine(with_ner, _SharedSpacyNlpEngine(
                self.engine_config.spacy_model, languages, self.engine_config.spacy_disable))
        self._narrowed = {id(engine): _Narrowed(engine) for engine in (self._patterns, self._with_ner) if engine}
        load_lexicons()  # now, not when the first visitor's name arrives (0.8 s)
        self._ner_recognizers = {"SpacyRecognizer"}
        self._cache = SpanCache(self.engine_config.cache_size)
        self.stats = {"values": 0, "cache_hits": 0, "analyzed": 0, "calls": 0}

    @property
    def entities(self) -> list[str]:
        """Every entity this detector can report."""
        return sorted({spec.entity for spec in load_recognizer_defs()} | ({"PERSON"} if self.ner else set()))

    def forget(self) -> None:
        self._cache.clear()

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
        """Every span of every entity at any score (filtered by settings later), on the original
        texts. Each text is read folded (fold.py: full-width forms, other scripts' digits, zero-width
        characters), and what is found there is mapped back: the caches above key the original text
        and hold its own offsets."""
        self.stats["analyzed"] += len(texts)
        self.stats["calls"] += 1
        folds = [fold(text) for text in texts]
        return [f.spans_back(spans) for f, spans in zip(folds, self._detect_read([f.text for f in folds], lang))]

    def _detect_read(self, texts: list[str], lang: str) -> list[tuple[Span, ...]]:
        routes = [self._route(text, lang) for text in texts]
        found: list[list[RecognizerResult]] = [[] for _ in texts]
        for engine in (e for e in (self._with_ner, self._patterns) if e is not None):
            picked = [i for i, (route, _) in enumerate(routes) if route is engine]
            if picked:  # one batch per engine: spaCy reads the batch's texts with nlp.pipe
                batch, size = [texts[i] for i in picked], self.engine_config.batch_size
                results = (self._narrowed[id(engine)].analyze(batch, [routes[i][1] for i in picked], lang, size)
                           if self.shortcuts else
                           engine.analyze_iterator(batch, language=lang, batch_size=size, score_threshold=0.0))
                for i, result in zip(picked, results):
                    found[i] = result
        return [self._spans(text, results) for text, results in zip(texts, found)]

    def _route(self, text: str, lang: str) -> tuple[BatchAnalyzerEngine | None, tuple[EntityRecognizer, ...]]:
        """The engine a text needs — with the model, patterns only, or none (nothing can be found) — and
        the pattern recognizers it wakes (without shortcuts none is asked: the whole engine runs)."""
        woken = self._gate.woken(text, lang) if self.shortcuts else ()
        if self._with_ner is not None and (not self.shortcuts or may_hold_a_name(text)):
            return self._with_ner, woken
        if not self.shortcuts or woken:
            return self._patterns, woken
        return None, woken

    def _spans(self, text: str, results: list[RecognizerResult]) -> tuple[Span, ...]:
        spans = []
        for r in results:
            recognizer = r.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            if recognizer in self._ner_recognizers:
                spans.extend(Span(name_start(text, s, e), e, "PERSON", score, recognizer)
                             for s, e, score in ner_names(text, r) if is_a_person(text, s, e))
                continue
            if r.entity_type == "PERSON" and not is_a_person(text, r.start, r.end):
                continue  # the site's own shop, product or place name, whichever recognizer read it as a name
            start, end = (name_start(text, r.start, r.end), name_end(text, r.start, r.end)) \
                if r.entity_type == "PERSON" else (r.start, r.end)
            spans.append(Span(start, end, r.entity_type, round(r.score, 3), recognizer))
        # the holder named right before an account or an id number: "Amélie Vermeulen BE71 0961 2345 6769"
        holders = (holder_before(text, span.start) for span in spans if span.entity in _HELD_NUMBERS)
        spans.extend(Span(s, name_end(text, s, e), "PERSON", 0.7, "number_holder")
                     for s, e in dict.fromkeys(h for h in holders if h))
        # the second of two people named together: "Congratulations Tamsin and Kwame", a name no list knows after one;
        # then the next after each partner, along a list ("Mehdi, Laura, Kacper et Oumaïma"). Each partner starts after
        # the name before it, so the rounds, together, read each of the text's words a bounded number of times
        named, seen = [span for span in spans if span.entity == "PERSON"], set()
        while named:
            partners = [p for p in dict.fromkeys(partner_after(text, span.end) for span in named) if p and p not in seen]
            seen.update(partners)
            named = [Span(s, e, "PERSON", 0.7, "pair_partner") for s, e in partners]
            spans.extend(named)
        # and the first of them, a given name alone before the found one: "Table for two — Rose and Olivier Martin"
        firsts = (partner_before(text, span.start) for span in spans if span.entity == "PERSON")
        spans.extend(Span(s, e, "PERSON", 0.7, "pair_partner") for s, e in dict.fromkeys(p for p in firsts if p))
        # a date right after a person's name is that person's birth date, as a member or a class list writes it ("Anke
        # Jansen 30-07-1985"): the date recognizers read it at a low score where no birth word stands near it
        name_ends = {span.end for span in spans if span.entity == "PERSON"}
        spans.extend(Span(span.start, span.end, span.entity, _BIRTH_DATE_AFTER_A_NAME, "date_after_a_name")
                     for span in list(spans)
                     if span.entity == "DATE_OF_BIRTH" and dated_after_a_name(text, span.start, name_ends))
        return tuple(drop_contained(without_site_addresses(text, spans, is_site_address)))
