"""Where the shipped rule files (rules/*.yaml) are: beside the package in a source checkout
(also an editable install), inside it as `redactor/rules` in an installed wheel."""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path
from typing import Any

import yaml


@functools.cache
def rules_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "rules", package / "rules"):
        if (candidate / "markers.yaml").exists():
            return candidate
    raise FileNotFoundError("the rules/ folder is missing from this installation of redactor")


def load_rules(name: str) -> Any:
    """A rule file's data, a copy of its own for each caller (who may change it). The file is parsed once a
    process: pii.yaml is asked for once per word list (names._engine_words), 32 parses and ~3 s before."""
    return copy.deepcopy(_parsed(name))


@functools.cache
def _parsed(name: str) -> Any:
    # libyaml's loader where PyYAML was built with it: the same data, ~8x faster than the Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((rules_dir() / name).read_text(encoding="utf-8"), Loader=loader)


@functools.cache
def detectable_entities() -> frozenset[str]:
    """The entity names the detector can report: those of rules/recognizers.yaml, and PERSON
    (spaCy NER). Read from the data, so that validating a site's `pii.entities` loads no model."""
    return frozenset({spec["entity"] for spec in load_rules("recognizers.yaml")["recognizers"]} | {"PERSON"})


#: a recognizer's score when its entry gives none (pii/recognizers.RecognizerDef.score)
DEFAULT_RECOGNIZER_SCORE = 0.85


@functools.cache
def highest_site_threshold() -> float:
    """The highest `pii.threshold` a site may set: the lowest score at which a shipped recognizer
    reports a match its validator confirmed (a checksum, a numbering plan, a card's Luhn), of those
    the default threshold keeps (rules/pii.yaml). Above it, a validated e-mail, phone, IBAN or
    national number typed in a free-text field would go undetected. Read from the data, like
    detectable_entities."""
    default = load_rules("pii.yaml")["threshold"]
    scores = [pattern.get("score", spec.get("score", DEFAULT_RECOGNIZER_SCORE))
              for spec in load_rules("recognizers.yaml")["recognizers"] for pattern in spec.get("patterns") or ()
              if pattern.get("validator") or spec.get("validator")]
    return min(score for score in scores if score >= default)


_WORD_LIST = re.compile(r"\{\{(\w+)\}\}")


@functools.cache
def rule_words() -> dict[str, tuple[str, ...]]:
    """The word lists of rules/recognizers.yaml (`words`), shared by its regexes and by code. A list of lists
    (the months, grouped by month: word_groups) is one list of their words; an item `{field_words: ENTITY}` stands
    for the words rules/fields.yaml says a field of that meaning by, so that a word that names a phone's field also
    names a phone in a sentence (one list: "Mobilnummer" was a field's word only, review 18 F7)."""
    return {name: tuple(dict.fromkeys(word for item in words for word in _list_item_words(item)))
            for name, words in (load_rules("recognizers.yaml").get("words") or {}).items()}


def _list_item_words(item: Any) -> list[str]:
    if isinstance(item, list):
        return item
    if isinstance(item, dict):
        return [word for meaning in load_rules("fields.yaml")["meanings"] if meaning.get("entity") == item["field_words"]
                for word in meaning.get("words", ())]
    return [item]


@functools.cache
def word_groups(name: str) -> tuple[tuple[str, ...], ...]:
    """A word list of rules/recognizers.yaml written as a list of lists, its groups in order (the months')."""
    return tuple(tuple(item) for item in load_rules("recognizers.yaml")["words"][name] if isinstance(item, list))


@functools.cache
def rule_fragments() -> dict[str, str]:
    """The regex fragments of rules/recognizers.yaml (`fragments`): a piece several regexes share (a name's word), written
    once so that a fix reaches them all."""
    return dict(load_rules("recognizers.yaml").get("fragments") or {})


def with_words(pattern: str) -> str:
    """A regex with each {{name}} replaced by that word list's words as alternatives, literal and
    longest first (so "sept" is not cut to "sep"), or by that fragment (a group of its own). An unknown name is an
    error."""
    def alternatives(found: re.Match[str]) -> str:
        if found[1] in rule_fragments():
            return f"(?:{with_words(rule_fragments()[found[1]])})"  # a fragment may name word lists too
        if found[1] not in rule_words():
            raise ValueError(f"no word list {found[1]!r} in rules/recognizers.yaml")
        return "|".join(re.escape(word) for word in sorted(rule_words()[found[1]], key=len, reverse=True))
    return _WORD_LIST.sub(alternatives, pattern)
