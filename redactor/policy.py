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
import soupsieve
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from redactor.pii import PiiSettings
from redactor.ruledata import load_rules
from redactor.selectors import why_never_matches
from redactor.urls import SCHEME_AND_HOST

# ---------------------------------------------------------------------------------------------
# Flags a node can carry in the DOM mirror. Inherited by descendants and sticky for a session.
BLOCKED = 1
SENSITIVE = 2
MASK_TEXT = 4
IGNORED = 8
UNKNOWN = 16  # never seen in a snapshot: fail closed, treated as sensitive + masked text
EDITABLE = 32  # a form field or inside an editable region (dom.is_editable): what is there, a visitor wrote

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
@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the cache below, once per process
class Structure:
    """The allow-lists: attributes whose values are structure (neither scanned nor masked, and
    the only attribute values saved), CSS attributes (kept as they are, never saved), and the
    payload keys whose values are secrets by name. Everything not listed is scanned."""

    attributes: frozenset[str]
    prefixes: tuple[str, ...]
    css: frozenset[str]
    secret_keys: frozenset[str]
    secret_stems: tuple[str, ...]  # entries of 4+ letters: also the start or end of a longer key

    def is_structural(self, name: str) -> bool:
        lowered = name.lower()
        return lowered in self.attributes or lowered.startswith(self.prefixes)

    def is_css(self, name: str) -> bool:
        return name in self.css

    @functools.lru_cache(maxsize=16_384)
    def is_secret_key(self, key: str) -> bool:
        plain = key.lower().replace("-", "").replace("_", "")
        return plain in self.secret_keys or plain.startswith(self.secret_stems) or plain.endswith(self.secret_stems)


@functools.cache
def shipped_structure() -> Structure:
    attributes, keys = load_rules("attributes.yaml"), load_rules("secret_keys.yaml")["secret_keys"]
    plain = frozenset(k.lower().replace("-", "").replace("_", "") for k in keys)
    return Structure(
        attributes=frozenset(a.lower() for a in attributes["structural"]),
        prefixes=tuple(attributes.get("structural_prefixes", ())),
        css=frozenset(attributes.get("css", ())),
        secret_keys=plain,
        secret_stems=tuple(sorted(k for k in plain if len(k) >= 4)),
    )


# ---------------------------------------------------------------------------------------------
# Field meaning (rules/fields.yaml)
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def plain_words(text: str) -> list[str]:
    """Lower-case, accent-free words: 'Téléphone / Phone' → ['telephone', 'phone']."""
    decomposed = unicodedata.normalize("NFKD", _CAMEL.sub(" ", text))
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())  # ß → ss


class FieldMeaning(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    entity: str
    types: frozenset[str] = frozenset()
    autocomplete: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    text_containers: bool = False

    @field_validator("words")
    @classmethod
    def _plain(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        """Compared as plain words, so normalized once here: 'Téléphone' → 'telephone'."""
        return tuple(" ".join(plain_words(word)) for word in words)

    def said_by(self, words: list[str], joined_words: bool) -> bool:
        """Whether these words name this meaning; joined_words: identifiers, where words run together."""
        spaced = " " + " ".join(words) + " "
        for phrase in self.words:
            if f" {phrase} " in spaced:
                return True
            # in identifiers words run together ("billingEmail"); in labels long ones do ("Straatnaam")
            shortest = 4 if joined_words else 6
            if " " not in phrase and len(phrase) >= shortest and any(phrase in w for w in words):
                return True
        return False


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the caches below, once per process
class FieldRules:
    meanings: tuple[FieldMeaning, ...]
    not_with: frozenset[str]

    # Pages repeat the same fields and classes in every session: both answers are cached.
    @functools.lru_cache(maxsize=65_536)
    def field_meaning(self, field_type: str, autocomplete: str, identifiers: str, described: str) -> str:
        """What a form field holds: identifiers are its name and id, described its placeholder,
        aria-label, title and label text. '' when nothing says."""
        tokens = set(autocomplete.lower().split())
        joined, spaced = plain_words(identifiers), plain_words(described)
        for meaning in self.meanings:
            if field_type.lower() in meaning.types or tokens & meaning.autocomplete:
                return meaning.entity
            if meaning.said_by(joined, joined_words=True) or meaning.said_by(spaced, joined_words=False):
                return meaning.entity
        return ""

    @functools.lru_cache(maxsize=65_536)
    def container_meaning(self, names: str) -> str:
        """What the text of an element holds, from its id, class and itemprop ("hdr-email")."""
        words = plain_words(names)
        if not words or self.not_with.intersection(words):
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
    )


# ---------------------------------------------------------------------------------------------
# Site configuration (the contract's keys)
def _compile_selector(selector: str) -> soupsieve.SoupSieve:
    try:
        return soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError, NotImplementedError) as error:  # "p::before"
        raise ValueError(f"{selector!r} is not a CSS selector: {str(error).splitlines()[0]}") from None


def _selector(selector: str) -> str:
    reason = why_never_matches(_compile_selector(selector))
    if reason:
        raise ValueError(f"{selector!r} can never match: {reason}")
    return selector


Selector = Annotated[str, AfterValidator(_selector)]  # checked one by one: errors name the index


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    block_selectors: list[Selector] = []
    sensitive_selectors: list[Selector] = []
    mask_text_selectors: list[Selector] = []
    record_inputs: bool = True
    allowed_origins: list[str] = []
    block_urls: list[str] = []
    retention_days: int | None = Field(default=None, ge=1)
    sdk_keys: list[str] = []  # PostHog project API keys, Sentry DSN public keys: their traffic is this site's
    block_requests: list[str] = []  # network events for these request URLs are dropped whole
    pii: PiiSettings = Field(default_factory=PiiSettings.defaults)

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
            if pattern.startswith("re:"):
                try:
                    re.compile(pattern[3:])
                except re.error as error:
                    raise ValueError(f"{pattern!r} is not a regular expression: {error}") from None
        return patterns


class ConfigError(ValueError):
    """A configuration that cannot be used; `path` names the key, `reason` says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def validate_site_config(data: Any) -> SiteConfig:
    if not isinstance(data, dict):
        raise ConfigError("$", "a site configuration is a JSON object")
    try:
        return SiteConfig.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown key (known: {', '.join(SiteConfig.model_fields)})"
        raise ConfigError(path, message) from None


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

    @classmethod
    def compile(cls, site: str, config: SiteConfig) -> Policy:
        selectors = tuple(
            (flags, f"site.{name}", _compile_selector(", ".join(chosen)))
            for flags, name, chosen in (
                (BLOCKED, "block_selectors", config.block_selectors),
                (SENSITIVE, "sensitive_selectors", config.sensitive_selectors),
                (MASK_TEXT, "mask_text_selectors", config.mask_text_selectors),
            )
            if chosen
        )
        key = hashlib.sha256(orjson.dumps(config.model_dump(), option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]
        return cls(site=site, config=config, selectors=selectors, key=key)

    def url_blocked(self, url: str) -> bool:
        """Whether a page URL matches one of the site's block_urls (glob on the URL or its path; 're:' regex)."""
        return url_matches(url, self.config.block_urls)

    def request_blocked(self, url: str) -> bool:
        """Whether a request URL (network events) matches one of the site's block_requests."""
        return url_matches(url, self.config.block_requests)


def url_matches(url: str, patterns: list[str]) -> bool:
    """block_urls / block_requests: a glob on the URL or on its path, or 're:' and a regex."""
    if not patterns:
        return False
    path = SCHEME_AND_HOST.sub("", url, count=1)
    for pattern in patterns:
        if pattern.startswith("re:"):
            if re.search(pattern[3:], url):
                return True
        elif fnmatch.fnmatchcase(url, pattern) or fnmatch.fnmatchcase(path, pattern):
            return True
    return False
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    for pattern in patterns:
        if pattern.startswith("re:"):
            if re.search(pattern[3:], url):
                return True
        elif fnmatch.fnmatchcase(url, pattern) or fnmatch.fnmatchcase(path, pattern):
            return True
    return False
