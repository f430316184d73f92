"""The single pass over a batch of events that applies a site's Policy with a session's mirror.

A batch is redacted in three steps:

1. **walk** (synchronous): every event is read once, in order. The mirror is updated (snapshot,
   mutations) and every value is decided by the first layer that knows: markers and site
   selectors (block, sensitive, masked text, ignore), then field meaning (masked whole). What
   only its content can tell about — free text — becomes a *slot* that asks the detector.
2. **detect**: the texts of all slots of the batch go to the detector in one batched call
   (Presidio, off the event loop).
3. **finish**: slots write their masked text back; then values found to be PII in this session
   (the *taint*) are masked wherever they are echoed (text nodes, attributes, other fields).

Keystroke series and URLs are the content layer's business: see redactor/content.py.

Every redaction leaves a Remark (rule, entity, node, action) and never the value.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import quote, quote_plus

import phonenumbers
import regex

from redactor.bounded_cache import short_lru_cache
from redactor.content import (CODES_INTRO, FIELD_RULES, FILE_NAME, FORM_VALUE, MAX_SCANNED, SAID, TYPED, UNREAD,
                              UNREMEMBERED, WRITTEN, Cell, DataUrlSlot, FilledTemplateSlot, KeyCell, NumberCell,
                              QuotedValues, Remark, SeriesSlot, ShapeSlot, Slot, SrcsetSlot, TableRowsSlot, TextSlot,
                              UrlSlot, UserAgentSlot, copy_read, credential_spans, element_path, entry_of,
                              file_name_shaped, format_arguments, is_data_url, letters_added, listed_codes, name_runs,
                              name_shaped, names_backup_codes, names_by_shape, other_script_runs, past_class_prefixes,
                              payload_names, person_slugs, phone_without_plus, rename_keys, said_special_categories,
                              said_statement, secret_pair_spans, selector_person_slugs, shape_signs, streamed_line_end,
                              surname_first_entry, table_rows, template_with_arguments, unread, url_slot, urls_in_text,
                              user_agent_shaped, with_shaped)
from redactor.css import CssText
from redactor.dom import DRAWN_ON, DomMirror, Verdict
from redactor.formats.peer import ID_SHAPED, IDENTITY_KEY, NOT_THE_SDKS_KEY
from redactor.masking import Masker
from redactor.nodetable import NONE
from redactor.pii.names import (ends_in_a_product_word, is_function_word, is_given_name, is_name_opener, is_name_word,
                                 is_street_kind)
from redactor.pii.spans import Span
from redactor.pii.spelled import english_month, english_ordinal, spelled_dates
from redactor.policy import (BLOCKED, CHOICE_MEANINGS, CSS_NAME, EDITABLE, IGNORED, KEPT_NAME, MASK_TEXT, PERSON_ID,
                             SENSITIVE, STRUCTURAL_NAME, UNKNOWN, Policy, custom_element_name, digits_in_groups,
                             page_name_kept, page_name_shaped)
from redactor.rrweb import (
    DATA_SHAPES,
    EVENT_SHAPE,
    FITTING_TYPES,
    MASKED,
    NAME,
    NODE_FITS,
    NODE_KEYS,
    NODE_KINDS,
    NUMBERS,
    OTHER_NODE_FITS,
    OTHER_NODE_KEYS,
    OTHER_NODE_KINDS,
    PLAIN_NAME,
    POSITIONAL_SOURCES,
    SCANNED,
    SCRIPT_PLACEHOLDER,
    SOURCE_SHAPES,
    STYLE_SOURCES,
    TEXT,
    BadEvent,
    Event,
    EventType,
    is_number_or_flag,
    IncrementalSource,
    NodeType,
    Shape,
    event_type,
    node_id,
    source_of,
    written_name,
)
from redactor.ruledata import rule_words, with_words, word_groups
from redactor.scheduling import inline
from redactor.taint import TaintHasher
from redactor.urls import looks_like_url

Analyze = Callable[[list[str], str], Awaitable[list[list[Span]]]]
AnalyzeSync = Callable[[list[str], str], list[list[Span]]]
#: the detector's answers this process remembers: the spans of every text, or what it found of them
#: (handed to `analyze` as its `lookup`). Asked on the redaction thread (drive), so that a batch whose
#: texts are all known is redacted in one job
Known = Callable[[list[str], str], "list[list[Span]] | Any"]


def nothing_known(texts: list[str], language: str) -> None:
    return None


class Pass(Protocol):
    """A pass around the generic one (plugins.NetworkPass): it prepares the events before the
    walk and finishes the redaction after it, on the same thread."""

    def prepare(self, events: list[Any]) -> list[Any]: ...

    def finish(self, redaction: Redaction) -> Redaction: ...


#: runs fn(*args) and returns its result, e.g. on a redaction thread (RedactionThreads.runner)
Run = Callable[..., Awaitable[Any]]
T = TypeVar("T")

#: attributes that are URLs even when relative ("page.html?ref=…"); any other attribute is a URL
#: only when it looks like one (urls.looks_like_url)
URL_ATTRIBUTES = frozenset({"href", "src", "rr_src", "action", "formaction", "poster", "cite", "data", "ping", "xlink:href",
                            "background", "longdesc", "manifest", "codebase", "archive", "usemap", "itemid"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
#: names of HTML's and ARIA's own attributes that hold text or URLs: names nobody spelled from a visitor, not
#: scanned as names (_scan_attribute_name; their values are) — a page's thousands of links and images
#: would otherwise each add a text to detect and a cell to the taint pass
_STANDARD_NAMES = URL_ATTRIBUTES | SRCSET_ATTRIBUTES | frozenset({
    "title", "alt", "placeholder", "label", "content", "value", "name", "summary", "download", "srcdoc", "abbr",
    "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext"})
#: attributes a replay loads (an image, a video's poster, an object): their paths are kept whole
RESOURCE_ATTRIBUTES = frozenset({"src", "poster", "data", "background", "codebase", "archive", "manifest", "xlink:href"})
#: elements whose href is a page's address, not a resource's (a stylesheet, an icon, an SVG sprite)
LINK_ELEMENTS = frozenset({"a", "area"})
#: attributes that hold a document's markup (an <iframe srcdoc>): its markers (a password field, rr-block)
#: would be read as words, not as markers. rrweb records the frame's document itself (its nodes, judged as
#: any) and its replayer never sets srcdoc from a recording: emptied whole, never scanned
MARKUP_ATTRIBUTES = frozenset({"srcdoc"})
#: what a field holds or a visitor chose: redacted as field values, never as page text
FIELD_ATTRIBUTES = frozenset({"value", "checked", "selected"})
#: input types whose value attribute is a caption, not something the visitor typed
CAPTION_TYPES = frozenset({"submit", "button", "reset", "image"})
#: incremental sources that show something of their target element (dropped when it is blocked)
SHOWING_SOURCES = frozenset({IncrementalSource.SCROLL, IncrementalSource.MEDIA_INTERACTION,
                             IncrementalSource.CANVAS_MUTATION})
#: attributes a blocked element keeps: its size and place, nothing it says
PLACEHOLDER_ATTRIBUTES = ("id", "class", "style", "width", "height", "rr_width", "rr_height")
#: the shortest payload string scanned and PII value remembered: shorter ones ("Jo", "12") say
#: nothing alone, and remembered they would be masked in every text that holds them
_MIN_TAINT = 3
#: a secret's value remembered for the session, so that its echoes are masked too (held-out peers round 15: a pontoon
#: gate's code masked under "gate_code" was stored in a chat link's text, "…?text=Berth C-14, gate 739154"): one word
#: of a code's length holding a digit, as a code, a PIN, a password is. Not a plain word (a "card": "Visa", remembered,
#: would mask the site's word), an id the collectors join on, a date or a clock's epoch time (a session's expiry)
#: (24 characters at most: a client's own project key under "token" is longer, and remembered in every session of
#: analytics events it would keep each a place: tests/test_batch_sessions.py)
_ECHOED_SECRET = re.compile(r"(?=[^\d\s]*\d)(?!\d{4}-\d\d-\d\d|\d{10,}$)\S{6,24}")


def echoed_secret(value: str) -> bool:
    return bool(_ECHOED_SECRET.fullmatch(value.strip())) and not ID_SHAPED.match(value.strip())


#: what a tag name not kept (page_name_kept) becomes: a custom element's name nobody defines
UNSHAPED_TAG = "redacted-element"
#: the shortest part of an e-mail's local part tainted alone ("ysaure" of "ysaure.quenouillere@...")
_EMAIL_PART_MIN = 4
#: local parts of a role's mailbox, not a person's ("info@firma.be"), and the words of a form's example address
#: ("name@student.kuleuven.be" in a placeholder, held-out round 29: "name" remembered masked the site's every "Given
#: name(s)" and even the field's name attribute "given_name"): tainted, they would mask the site's words
_ROLE_MAILBOXES = frozenset("info contact mail email admin sales support service office hello hallo bonjour "
                            "team noreply no-reply webmaster accounts billing "
                            "name naam your yourname jouwnaam user example voornaam achternaam firstname lastname "
                            "prenom nom vorname nachname".split())
#: the shortest part of an e-mail's domain tainted ("oltrarno" of "…@studiolegale-oltrarno.it")
_EMAIL_DOMAIN_PART_MIN = 5
#: the domains' words of mail providers, not of a person or their firm: tainted, they would mask a site that names them
_MAIL_PROVIDERS = frozenset(
    "gmail googlemail hotmail outlook yahoo icloud protonmail proton yandex zoho fastmail mailbox tutanota "
    "tuta posteo online orange wanadoo laposte skynet proximus telenet scarlet ziggo planet hetnet "
    "chello xs4all caiway kpnmail kpnplanet libero virgilio tiscali alice fastwebnet onet interia "
    "seznam sapo clix netcabo movistar telefonica terra bluewin sunrise freenet arcor".split())
#: what a data-* attribute named like a field (data-phone) may hold as structure, not masked whole: a flag,
#: a number of a few digits, a short lower-case token without a long run of digits ("product-card")
_FLAG_VALUES = frozenset({"", "true", "false", "yes", "no", "on", "off", "null", "none", "0", "1"})
_DATA_TOKEN_LENGTH = 32
#: what an <svg> signature pad adds per stroke of the pen
_STROKES = frozenset({"path", "polyline", "line", "circle", "ellipse"})
_DATA_TOKEN = re.compile(r"\d{1,4}|(?!.*\d{5})[a-z][a-z0-9]*(?:[-_:.][a-z0-9]+)*")
#: a font loaded from bytes, as rrweb sends them: a JSON list of numbers
_BYTES = re.compile(r"\[[\d,\s]*+\]")
_MIN_COPY = 3  # a shorter typed value ("ja") is no sign that the page copied it
#: the shortest keystroke before a number's last value that taints the session with it (_taint_earlier_keystrokes): a
#: shorter one holds no 6-character window of the number
_EARLIER_KEYSTROKE = 6
#: a suggestion is a small element: the typed part and a few texts beside it, a few levels deep
#: (<div class=item><span><span>typed</span>rest</span><span>city</span></div>); a page's bigger
#: new sections (a review step that shows a name among its own words) are no suggestion
_ITEM_TEXTS = 4
_ITEM_DEPTH = 4
_MAX_COPY_VALUES = 200  # the longest typed values of a batch looked for inside a copy
#: characters searched for typed values per batch (substring searches x the copy's length): past it,
#: only copies that are a typed value whole are found (a hostile batch of megabytes of copies)
_MAX_COPY_SEARCH = 50_000_000
#: a word of a text a script wrote, looked for in what was typed (_mask_typed_pieces), and the shortest
#: value masked whole whose words are looked for. Groups of digits are one word with the spaces and slashes
#: between them: a phone being typed shows short groups ("0033 7 81 2", "04/342.1"), each too short alone
_PIECE, _PIECE_VALUE = re.compile(r"\+?\d[\d.-]*(?:[ /]\d[\d.-]*)+|[\w@.+'’-]{3,}"), 6
_PIECE_MIN, _PIECE_TRAILING = 3, ".'’-"
#: what a field's value cut by the batch is digested for (_carry_typed_ends)
_TYPED_END = b"typed end"
#: a group of digits a script wrote, its separators in it ("+32496581", "0496 58 1", "04/342.1"), and the digits of a
#: number typed or shown that make it one's echo (_mask_typed_numbers): fewer are any number's
_DIGIT_GROUP, _DIGIT, _NUMBER_DIGITS = re.compile(r"\+?\d(?:[ ./-]?\d)*"), re.compile(r"\d"), 6
#: an e-mail's sign, and its full-width and small forms
_AT_SIGN = re.compile("[@\uff20\ufe6b]")


def _piece_places(value: str, piece: str) -> Iterator[int]:
    """Where a piece of what a script wrote stands in a typed value as a word of it, or a word's start (the word
    being typed): a piece of letters inside a word is no word the page drew of it ("les" of a card's "avec les
    enfants" is in "Jules-Ernest" typed beside it, and no echo). Digits may be a number's tail ("…8838")."""
    at = value.find(piece)
    if any(c.isdigit() for c in piece):
        if at >= 0:
            yield at
        return
    while at >= 0:
        if at == 0 or not value[at - 1].isalnum():
            yield at
        at = value.find(piece, at + 1)


def _lower_same_length(text: str) -> str:
    """Lower case, character for character: offsets in it are offsets in the text ("İ".lower() is two
    characters and stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


# node kinds as plain ints for the walk of a snapshot (an IntEnum attribute costs per node)
_ELEMENT, _COMMENT, _TEXTS = int(NodeType.ELEMENT), int(NodeType.COMMENT), (int(NodeType.TEXT), int(NodeType.CDATA))
_ELEMENT_KEYS = NODE_KEYS[_ELEMENT]


#: the custom events recorders add when a single-page app changes its URL without loading a page (no
#: Meta: rrweb sends one only with a full snapshot): posthog-js's ($url_changed, and $pageview with the
#: captured $current_url: payload.href), Sentry Replay's (a breadcrumb of category navigation: payload.data.to;
#: a performance span of op navigation.*: payload.description). An allow-list of signals: no other event
#: is read as a page change
_NAVIGATION_TAGS = frozenset({"$url_changed", "$pageview"})


def navigation_url(event: Event) -> str | None:
    """The URL a recorder's custom event says the page moved to, or None (not such an event)."""
    data = event.get("data")
    payload = data.get("payload") if isinstance(data, dict) else None
    if not isinstance(payload, dict):
        return None
    tag = data.get("tag")
    if tag in _NAVIGATION_TAGS:
        url = payload.get("href")
    elif tag == "breadcrumb" and payload.get("category") == "navigation":
        url = payload["data"].get("to") if isinstance(payload.get("data"), dict) else None
    elif tag == "performanceSpan" and isinstance(payload.get("op"), str) and payload["op"].startswith("navigation."):
        url = payload.get("description")
    else:
        return None
    return url if isinstance(url, str) and url else None


def _node_keys(kind: Any) -> frozenset[str]:
    """The keys rrweb's format defines for a serialized node of this kind."""
    return NODE_KEYS.get(kind, OTHER_NODE_KEYS) if type(kind) is int else OTHER_NODE_KEYS


def _node_kinds(kind: Any) -> dict[str, int]:
    """What each of those keys holds (rrweb.value_kinds)."""
    return NODE_KINDS.get(kind, OTHER_NODE_KINDS) if type(kind) is int else OTHER_NODE_KINDS


def _as_defined(obj: dict[str, Any], fits: dict[str, frozenset[type]]) -> bool:
    """Whether every key of obj is one its shape defines, holding a type that key takes (rrweb.fitting_types): then
    neither _scan_beyond nor _as_typed has anything to do there. One pass, where they take a call each, for every
    node, event and position: almost all are so."""
    for key, value in obj.items():
        fit = fits.get(key)
        if fit is None or type(value) not in fit:
            return False
    return True


#: a text below these in an editable region is picked from the site's list, never cut by typing
_PICKED_TEXT_PARENTS = frozenset({"option", "optgroup", "select", "datalist"})
#: the parents of a text that is one entry of a list or a table: a select2 or choices result, a register's cell
_ENTRY_PARENTS = frozenset({"li", "td"})
#: ancestors looked through for a snapshot's text's editable region (_typed_end)
_REGION_DEPTH = 32
#: elements that run inside a line of text (phrasing content): rich text puts a word of a sentence in one
#: ("mijn dochter <i>Fleurine</i>", "<b>Jan</b><i>ssens</i>"), and its text node alone says nothing; a <wbr>
#: (where a long word may break: "Dewis<wbr>pelaere") is inside a word
_INLINE_TAGS = frozenset("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong "
                         "sub sup time u var wbr".split())
_CONTEXT_CHARS = 64  # characters of the line read on each side of a text split off by inline elements
_CONTEXT_NODES = 6  # nodes with words read on each side (an inline element's descendants included)
#: steps taken on each side: a text of spaces and a step out of an inline element count here only, as a page that
#: puts each word in its own node puts the spaces between in others (a spell-checker's preview, "<mark>avenue</mark>
#: <mark>Reine</mark> <mark>Astrid</mark> 96": the street's first word is read with its number)
_CONTEXT_STEPS = 3 * _CONTEXT_NODES
#: a text read with its line is a piece of one: a word or a name (the detector reads a longer one on its own,
#: and each text read with its line is one more text for it to read)
_LINE_PIECE, _LINE_PIECE_WORDS = 48, 4
#: a text that may be a backup code or a recovery key alone in its element (_under_codes_heading): a key of 32 letters
#: and digits in groups is 39 characters; how far up and how far back such a text looks for the heading of its list
#: (the item, the list, a wrapper; GitHub shows 16 codes)
_CODE_TEXT, _CODES_HEADING_DEPTH, _CODE_ITEMS = 64, 4, 20
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: the elements a card writes one line in, one after the other (_postcode_line_after); not a table's cells: a row's
#: cells stand side by side, a product's "Model 5" beside its "2024 Edition"
_CARD_LINES = frozenset({"div", "p", "li", "span"})
#: a line that opens with a postcode and a town's first letter (_postcode_line_after), in the shapes the rule reading the
#: street above it knows (street_before_postcode): Belgium's, Luxembourg's ("L-1009"), the Netherlands' ("1012 AB"),
#: France's and Germany's ("01067"), Poland's ("00-238"), the Baltic states' ("LV-1010", "LT-01103"), and Greece's or
#: Sweden's three digits and two ("105 63") before a capital
_POSTCODE_LINE = regex.compile(with_words(
    r"\s*(?:{{postcode_digits}}(?:[^\S\n]?[A-Z]{2})?[^\S\n]+\p{L}|[1-9]\d{2}[^\S\n]\d{2}[^\S\n]+\p{Lu})"))
#: the longest of the site's texts whose names are noted (a product's, a heading's: DomMirror.site_names)
_SITE_TEXT = 96
_CAPITALISED_WORD = regex.compile(r"(?<![^\s/])\p{Lu}")
#: a name's or an address's words remembered on their own (4+ letters, capitalised: "Vermeulen"),
#: so that the surname alone is masked where the page echoes it
_TAINT_WORD = re.compile(r"\w[\w'’\-]{3,}")
#: a surname after its particles ("de la Brassinne-Wéry", "van 't Hooft"): a page tells it back so, surname first
#: ("N:de la Brassinne-Wéry;Séverine" in a vCard, "van der Linden, Jan" in a register), the particles with it
_SURNAME_WITH_PARTICLES = regex.compile(with_words(
    r"(?<![\w'’-])(?:(?i:{{particles}})[^\S\n]+)+(?P<surname>\p{Lu}[\p{L}'’-]*\p{L})"))
#: a name's capitalised parts, a hyphen's included ("Gerrit-Jan Wessel": Gerrit, Jan, Wessel)
_NAME_PART = regex.compile(r"(?<![\w'’])\p{Lu}[\p{Ll}'’]+")  # any script's letters: "Ştefan Ionescu"
_MAX_INITIALS = 6


def _initials(name: str) -> list[str]:
    """A person's initials as a page writes them before the surname ("G.J.W. in 't Veld", "J.P. de Vries"):
    the first letters of the capitalised parts of a name of two parts or more, and their longer starts
    ("G J", "G J W"), as runs of one-letter words for the taint (a dot between them is no word)."""
    letters = [part[0] for part in _NAME_PART.findall(name)][:_MAX_INITIALS]
    return [" ".join(letters[:end]) for end in range(2, len(letters) + 1)] if len(letters) >= 2 else []


#: a date written day first or year first (ISO), with any separator, the year in full
#: a date's parts apart: a space, or a dot, a slash or a hyphen with a space after it or not; a dot may end it too, as
#: Hungarians write a date year first ("2016. 03. 14.") and Germans day first ("14. 03. 2016")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:[./-] ?| )(\d{1,2})(?:[./-] ?| )(\d{4})\.?")
_YEAR_FIRST = re.compile(r"(\d{4})(?:[./-] ?| )(\d{1,2})(?:[./-] ?| )(\d{1,2})\.?")


#: a phone number written with its international prefix ("0031628471593", "+31 6 2847 1593", "+31 (0)6 …"): the
#: prefix, then its digits with what groups them
_INTERNATIONAL_PHONE = re.compile(r"(?:\+|00)\s*(\d[\d\s().\/-]*)")


def _phone_forms(phone: str) -> list[str]:
    """A phone number typed with its country code as a page writes it again in its national form: the call-back
    button's id "terugbel-0628471593" of "0031628471593" (held-out round 33), a prefix of it as it is typed. The
    country code is phonenumbers' (one to three digits, the longest none is a prefix of), the trunk prefix its
    region's ("0" in the Netherlands, Belgium, France, Germany; none in Luxembourg or Italy). Of a national form of
    six digits or more: a shorter one is any number's."""
    if not (match := _INTERNATIONAL_PHONE.fullmatch(phone.strip())):
        return []
    digits = re.sub(r"\D", "", match.group(1))
    for size in (1, 2, 3):
        code = int(digits[:size] or 0)
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            metadata = phonenumbers.PhoneMetadata.metadata_for_region(phonenumbers.region_code_for_country_code(code))
            trunk = (metadata.national_prefix or "") if metadata is not None else ""
            rest = digits[size:]
            national = rest if rest.startswith(trunk) else trunk + rest  # "+31 (0)6 …" wrote its trunk already
            return [national] if len(national) >= 6 else []
    return []


#: the months Spanish and Portuguese write between "de"s (rules/recognizers.yaml months_after_de)
_MONTHS_AFTER_DE = frozenset(rule_words()["months_after_de"])


def _date_forms(date: str) -> list[str]:
    """A date of birth as pages write it again in another order: year first as a machine writes it (ISO: a
    <time datetime>, microdata's birthDate, a JSON state, "1986-05-21" and "19860521"), day first as a person
    does ("21-05-1986", "21.5.1986"), with its month's name ("21 mai 1986", "21. Mai 1986", "1er mai"; the
    months of rules/recognizers.yaml), and written out in words as a deed drafted from the form writes it ("drie
    april negentienhonderd vierenzeventig", "trois avril mil neuf cent septante-quatre": redactor.pii.spelled). The
    separators do not count (the taint's words are the numbers). A page shows a birthday back without its year too
    ("Born: March 14th", "Jarig op 14 maart": its day and month's name, whole words of a run as the taint matches
    them, never inside a word), and with its year in two digits ("14/3/74"; the US writes the month first: "3/14/74",
    "03/14/1974")."""
    if match := _DAY_FIRST.fullmatch(date):
        day, month, year = match.groups()
    elif match := _YEAR_FIRST.fullmatch(date):
        year, month, day = match.groups()
    else:
        return []
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return []
    dd, mm, yy = day.zfill(2), month.zfill(2), year[-2:]
    days = [str(int(day)), *(["1er"] if int(day) == 1 else [])]
    day_months = [f"{d} {name}" for d in days for name in word_groups("months")[int(month) - 1]]
    # English writes the month first and the day as an ordinal: "April 3, 1974", "Apr 3rd, 1974", "the 3rd of April 1974"
    english = english_month(int(month)).casefold()
    ordinal = english_ordinal(int(day))
    for name in (n for n in word_groups("months")[int(month) - 1] if len(n) >= 3 and english.startswith(n.casefold())):
        day_months += [f"{name} {int(day)}", f"{name} {ordinal}", f"{ordinal} {name}", f"{ordinal} of {name}"]
    numbers = [f"{year}-{mm}-{dd}", f"{year}{mm}{dd}", f"{dd}-{mm}-{year}", f"{int(day)}-{int(month)}-{year}",
               f"{int(month)}-{int(day)}-{year}", f"{mm}-{dd}-{year}", f"{int(month)}-{int(day)}-{yy}",
               f"{mm}-{dd}-{yy}", f"{int(day)}-{int(month)}-{yy}", f"{dd}-{mm}-{yy}"]
    # and year first with the month's name, as Hungarian writes it ("2016. március 14.")
    year_months = [f"{year} {name} {int(day)}" for name in word_groups("months")[int(month) - 1]]
    # and with "de" between the day, the month and the year, as Spanish and Portuguese write it ("12 de abril de 1991")
    de_months = [f"{int(day)} de {name}" for name in word_groups("months")[int(month) - 1]
                 if name in _MONTHS_AFTER_DE]
    return [*dict.fromkeys(numbers), *day_months, *(f"{day_month} {year}" for day_month in day_months), *year_months,
            *de_months, *(f"{de_month} de {year}" for de_month in de_months),
            *spelled_dates(int(day), int(month), int(year))]


_LONG_NUMBER = 100_000  # a JSON number of 6+ digits may be a phone, card or id number: scanned
#: a payload's keys that say what kind a value is ({"value": …, "type": "string"}, OpenTelemetry's and
#: Sentry's attributes; {"adressen": [{"soort": "post", …}]}, in the visitor's language too), never what
#: it holds: they take no meaning from the key above them (compared in lower case). "post" masked as an
#: address was echoed in every "POST" of the session. So do those that say which of the site's own list a
#: value is, a category or a country ({"rijbewijs": {"categorie": "B", "land": "Nederland"}}): masked as a
#: licence's number, "Nederland" was echoed in every body of the session that named the country. Their
#: values are still scanned as text
_KIND_KEYS = frozenset({"type", "unit", "kind", "soort", "typ", "art", "sorte",
                        "category", "categorie", "catégorie", "kategorie", "country", "land", "pays"})
#: a serialized error ({message, name, stack}: console.error(new Error(…)) in Sentry's console breadcrumb):
#: its `name` is its class ("Error", "TypeError"); masked whole as a person's, it was echoed in its own
#: stack ("*****: betaling mislukt"). Only that key: what the app put beside it (axios's config and
#: response) keeps its keys' meanings
_ERROR_KEYS = frozenset({"message", "stack"})
#: the key of an object a pass around this one wraps a text in to say the visitor wrote it (a request's
#: plain-text body: plugins.NetworkPass): read as typed text, names found by their shape
TYPED_TEXT_KEY = "$typed_text"
#: the meaning of what a payload holds under IDENTITY_KEY: who the person is, replaced by its pseudonym
PSEUDONYM = "PSEUDONYM"
#: a word of letters alone: under a key that names a person's account ({"account": "premium"}, {"user": "Anonymous"})
#: a plan's or a role's word of the site as often as a handle, pseudonymised there but not remembered (PERSON_ID)
_ONE_PLAIN_WORD = re.compile(r"[^\W\d_]+")
#: how PostHog's autocapture names an element's attributes ($elements: attr__name, attr__id); Sentry's
#: breadcrumbs hold them under "attributes" of an element ({"tagName", "attributes": {…}}). Their names say
#: which attribute, not what a visitor wrote ("name" is a field's name): no meaning from the key, the value
#: scanned as text; but for the element's value, which holds what its attributes say the field holds, as a
#: field's value in the page does ({"attr__name": "achternaam", "attr__value": …}: PERSON)
_ELEMENT_ATTRIBUTE = "attr__"
_ELEMENT_TAGS = ("tagName", "tag_name", "nodeName")
#: a payload object with one of these keys is a span (Sentry's, OpenTelemetry's: "span_id"), a
#: piece of software (a browser, an OS, an SDK: {"name", "version"}) or an SDK's configuration
#: (posthog-js's $posthog_config in its recordings: {"api_host", "name": "posthog"…}): its own name
#: names an operation, a product or an instance ("Checkout", "GET /api/cart", "Chrome", "posthog"), not a
#: person. Scanned as text, it takes no meaning from its key (masked whole as a person's name, its
#: words became echoes to mask everywhere: "/checkout/" in every URL of the session, "Chrome" in the
#: user agent, "posthog" in every posthog.com URL), nor do its other keys from the keys above it. A key of
#: its own that names a person's data still says what it holds: an app's form state that holds a
#: "version" too is no SDK ({"version": 3, "firstName": …}); secret keys mask theirs (a config's token)
_THING_KEYS = frozenset({"span_id", "spanId", "version", "api_host"})
#: a name/value pair's keys (a form sent as a list of its fields: HubSpot's forms API {"name": "lastname",
#: "value": …}, {"key", "val"}, {"label": "Achternaam", "value"}, Typeform's answers {"field": {"ref"}, "text"}, a
#: quiz's or a booking's questions {"question": "Achternaam", "answer": …}, {"title", "answer"}, a form builder's
#: short {"k": "geboortedatum", "v": …}: review 35 F2): those that name the field (checked in this order), and those of
#: which one holds its value
_FIELD_NAMING_KEYS = ("name", "key", "k", "label", "field", "ref", "id", "fieldName", "field_name",
                      "question", "title", "prompt")
_PAIR_VALUE_KEYS = frozenset({"value", "val", "v", "values", "text", "answer", "input"})
#: the key of a pair that says under which key its value is: Typeform's answers are keyed by their type
#: ({"type": "date", "date": "1987-03-12"}, {"type": "email", "email": …}, {"type": "phone_number", …})
_VALUE_KEY_NAMER = "type"
#: a pair's value keys that say the object is a pair whatever its naming key holds ("text" alone does not:
#: a comment is {"name": <its author>, "text": …})
_PAIR_ONLY_KEYS = frozenset({"value", "val", "values"})
#: a program's identifier, never a person's name (masked whole and remembered, it was masked in the page's text):
#: a class whose last word says what it is ("ValidationError", "DOMException", "checkoutForm", "AddressField";
#: Error alone), or a numbered field ("field_7", "q3"). A name written as apps write handles ("JanPeeters",
#: "van_den_berg", "zorbalie.quendt") is none (fail closed); a field's name is told by its words (field_word)
_PROGRAM_CLASS = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*)?(?:Error|Exception)|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*"
                            r"(?:Form|Field|Input|Event|Handler|Component|Button|Step|Modal|Section)")
_NUMBERED_FIELD = re.compile(r"[a-z]+[_.\-]?\d+")
#: a field's name in one lower-case word beside a pair's value ({"name": "company", "value": …})
_LOWER_WORD = re.compile(r"[a-z]+")
#: a field's name as a program writes it, one identifier ("lastName", "billing_last_name", "user.achternaam"): as a
#: console argument or a form library's call argument, it says what the argument after it is (_named_arguments)
_FIELD_NAME_ARGUMENT = re.compile(r"[A-Za-z_$][\w.$-]{0,63}")
#: a list of field names, not of arguments (["firstName", "lastName", "email"], a table's columns ["Naam", "Prijs",
#: "Stock"]): this many identifiers and nothing else, all written alike (a lower-case or a capital first letter; not
#: ["setFieldValue", "lastName", "Kabongo"], a call's name, a field's and a person's)
_NAMES_ONLY = 3
#: a Flux Standard Action (redux-form's {"type": "@@redux-form/CHANGE", "meta": {"field": "lastName"}, "payload": v},
#: which redux-logger prints): the key of what the action says of a field its meta names, as a report's value
_ACTION_META, _ACTION_PAYLOAD = "meta", "payload"
#: so is an OpenTelemetry metric (posthog.metrics' /i/v1/metrics): its data points under one of these
#: keys; its `name` is the site's constant ("orders_created"), not a person's
_METRIC_DATA = ("sum", "gauge", "histogram", "exponentialHistogram", "summary")


def _is_thing(value: dict[str, Any]) -> bool:
    return not _THING_KEYS.isdisjoint(value) or any(
        isinstance(data := value.get(key), dict) and "dataPoints" in data for key in _METRIC_DATA)


def _names_itself(key: str) -> bool:
    """Whether a payload's key is an object's own name ("name", "$name", "Name")."""
    return key.lstrip("$").lower() == "name"


def identifier_shaped(value: Any, field_word: Callable[[str], str]) -> bool:
    """Whether a value is shaped as a program's identifier (_PROGRAM_CLASS, _NUMBERED_FIELD), or is a field's name
    whose words say what it holds ("date_of_birth", "lastname": field_word), never as a person's name."""
    if not isinstance(value, str) or len(value) > 64 or " " in value:
        return False
    return bool(_PROGRAM_CLASS.fullmatch(value) or _NUMBERED_FIELD.fullmatch(value) or field_word(value))


def _field_names(obj: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The keys of an object that name a field, and the names they give (a Typeform field's {"ref", "id"} too)."""
    keys, names = [], []
    for key in _FIELD_NAMING_KEYS:
        named = obj.get(key)
        if isinstance(named, dict):  # Typeform's {"field": {"id": "x1", "ref": "achternaam", "type": "text"}}
            inner = [v for k in _FIELD_NAMING_KEYS if isinstance(v := named.get(k), str)]
            if inner:
                keys.append(key)
                names.extend(inner)
        elif isinstance(named, str):
            keys.append(key)
            names.append(named)
    return keys, names


def _names_no_question(name: str) -> bool:
    """Whether a form's field name is an id alone, no words ("q1", "x1", a UUID, a number): it says no question."""
    return bool(_NUMBERED_FIELD.fullmatch(name) or ID_SHAPED.match(name) or name.isdigit())


#: a form builder's input id, "<field>.<input>" (Gravity Forms' entry: {"1.3": first name, "1.6": last name}); an object
#: holding one is an entry, whose every key of a number ({"4": town}) is a field's too
_INPUT_ID = re.compile(r"\d{1,4}\.\d{1,4}")


def _is_form_entry(obj: dict[str, Any]) -> bool:
    return any(isinstance(key, str) and _INPUT_ID.fullmatch(key) for key in obj)


def _keyed_by_its_type(obj: dict[str, Any]) -> bool:
    """Whether an object holds its value under the key its type names ({"type": "date", "date": …})."""
    kind = obj.get(_VALUE_KEY_NAMER)
    return isinstance(kind, str) and kind != _VALUE_KEY_NAMER and kind in obj


def _is_element(obj: Any) -> bool:
    return isinstance(obj, dict) and any(isinstance(obj.get(key), str) for key in _ELEMENT_TAGS)


#: a key that names an id ("trace_id", "replayId", "span_id")
_ID_KEY = re.compile(r"(?:(?:^|[_.\-])(?:id|ID)|[a-z](?:Id|ID))$")


def _repeats_an_id(holder: dict[str, Any], value: str) -> bool:
    """Whether a value is one its object holds under an id's key ({"event_id": X, "message": X})."""
    return any(other == value and isinstance(key, str) and _ID_KEY.search(key) for key, other in holder.items())


#: entities of texts masked whole because they were not scanned (never taint: they are not PII found)
TOO_LONG_TO_SCAN, OVER_SCAN_BUDGET = "TOO_LONG_TO_SCAN", "OVER_SCAN_BUDGET"


def _number_alone(value: Any) -> str | None:
    """A payload's value that is a whole number alone, as its digits: a string of digits (spaces
    around), a JSON number, one sent as 32478998877.0 (a Python client's float); else None."""
    if isinstance(value, str):
        value = value.strip()
        return value if value.isascii() and value.isdigit() else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


@dataclass(frozen=True)
class BatchLimits:
    """The work one batch may cause (Settings: max_scan_texts, max_scan_chars, max_mirror_nodes).
    Past the detector's budget the remaining texts are masked whole (fail closed); past the
    mirror's node limit the batch is refused (MirrorTooLarge)."""

    scan_texts: int = 10_000  # distinct texts sent to the detector
    scan_chars: int = 1_000_000  # characters of those texts
    mirror_nodes: int = 100_000  # nodes of the session's mirror


class MirrorTooLarge(Exception):
    """The session's page has grown past BatchLimits.mirror_nodes: the batch is refused."""


def _a_caption(meaning: str, text: str) -> bool:
    """Whether the text of an element whose id or class says a phone or an e-mail cannot be one: a link's or a
    button's caption, read as the page's text. A phone's holds no digit (a link whose id says "whatsapp" reads "Send
    the berth to my WhatsApp", held-out peers round 15); an e-mail's no '@' and more than one word, where a half-typed
    address is one word ("Stuur mij een testbericht" of a link whose id is "testmail", round 42). Read as the page's
    text, a number written in words and an address spelled with 'at' are still found there."""
    if meaning == "PHONE_NUMBER":
        return not _DIGIT.search(text)
    return meaning == "EMAIL_ADDRESS" and not _AT_SIGN.search(text) and len(text.split()) > 1


@dataclass
class Redaction:
    events: list[Event]
    remarks: list[Remark] = field(default_factory=list)
    dropped: int = 0
    scanned_texts: int = 0  # distinct texts sent to the detector
    scanned_chars: int = 0
    unscanned: int = 0  # texts masked whole past the batch's scan budget
    budget_spent: str = ""  # the limit that cut it: scan_texts or scan_chars
    _counts: Counter[tuple[str, str, str]] | None = field(default=None, repr=False)

    def counts(self) -> Counter[tuple[str, str, str]]:
        if self._counts is None:  # counted once (on a redaction thread), read again by metrics
            self._counts = Counter((r.rule, r.entity, r.action) for r in self.remarks)
        return self._counts


def _says_only_a_street_kind(value: str) -> bool:
    """A typed address's first words alone ("Rue ", "Avenue de la": a batch ended as the street was being typed): the
    kind of street, which every address label says too ("Votre adresse (rue et numéro)", held-out round 44 under load);
    its name, the next batch's value, is what is tainted."""
    words = value.split()
    return any(is_street_kind(w) for w in words) and all(is_street_kind(w) or is_function_word(w) for w in words)


# ---------------------------------------------------------------------------------------------
class BatchRedaction:
    """One batch, one session, one policy. Use redact_batch() / redact_batch_sync()."""

    def __init__(self, policy: Policy, mirror: DomMirror, masker: Masker, limits: BatchLimits = BatchLimits()):
        self.policy, self.mirror, self.masker, self.limits = policy, mirror, masker, limits
        self.remarks: list[Remark] = []
        self.slots: list[Slot] = []
        self.filled_templates: list[Slot] = []  # templates and tables read across their cells: slots last (requests)
        self.series: dict[int | tuple[int, str], SeriesSlot] = {}  # a field's values; (field, attribute): its copies
        self.changed_attributes: dict[tuple[int, str], list[Cell]] = {}  # (node, attribute): values mutations gave
        # text the taint pass looks at, with its value as it came, and whether it is a class list (_echo)
        self.echo_cells: list[tuple[Cell, Any, bool]] = []
        # URLs it also looks at piece by piece, percent-decoded (a data: URL's document decoded)
        self.url_echoes: list[UrlSlot | DataUrlSlot | SrcsetSlot] = []
        self.typed: dict[str, Cell] = {}  # each value typed into a field in this batch → its cell
        self.copies: list[tuple[Cell, str]] = []  # text and attributes a script wrote, as they came
        #: each canvas's drawn texts in this batch (fillText's args…), as they came (_mask_canvas_redraws)
        self.canvas_texts: dict[int | None, list[tuple[Cell, str]]] = {}
        #: text nodes of the site's a mutation appended (not a visitor's typing): a line the page may go on writing
        #: in a later batch (_mask_open_lines)
        self.appended_texts: list[int] = []
        self.css_texts: list[CssText] = []  # CSS whose strings are scanned: written back when the batch is done
        #: structural values read by the taint pass (an id, an attribute naming one) or for a visitor's number
        #: (ShapeSlot), which the mirror keeps and saves: (node, attribute, its cell, as it came)
        self.structure_cells: list[tuple[int | None, str, Cell, str]] = []
        self.key_cells: list[KeyCell] = []  # payload keys: renamed once the batch is done
        self.whole_values: dict[Any, tuple[str, str]] = {}  # node → its last value masked whole, entity
        self.whole_typed: dict[str, str] = {}  # every value of a field masked whole in this batch → entity
        #: a text a mutation added inside a small new element (a suggestion) → every text of that element
        self.items: dict[int, list[Cell]] = {}
        self.node_texts: dict[int, str] = {}  # each text node this batch shows → its text, as it came
        self.text_cells: dict[int, Cell] = {}  # each text node this batch shows → the cell of its last text
        #: lines of short texts split by inline elements ("<span>4929</span><span>3175</span>…", "<mark>Vanden</mark>
        #: broucke"): (node, where the piece starts in its text, the piece) in page order, read whole by the taint
        #: pass (_mask_line_echoes)
        self.lines: list[list[tuple[int, int, str]]] = []
        self.texts_before: dict[int, str] = {}  # a text node's text before this batch's first mutation of it
        #: a text node a mutation added → the text node it removed from the same element (_texts_replaced)
        self.replacing: dict[int, int] = {}
        self.text_slots: list[tuple[TextSlot, int]] = []  # short texts' slots: read with their line around
        self.line_texts: dict[int, TextSlot] = {}  # the same by node: a mutation removing one (_read_lines_removed)
        self.code_texts: dict[int, TextSlot] = {}  # code_slots by node, the same
        self._lines_seen: set[tuple[int, ...]] = set()  # the lines kept for the taint pass, by their nodes
        self.code_slots: list[tuple[TextSlot, int]] = []  # short texts shaped as codes: under a heading naming codes?
        #: the slots of the site's own texts (a text node out of editable regions, a payload's value no visitor
        #: wrote): what reads as a name in them, where nothing was found, is the site's (_remember_composed)
        self.site_slots: list[TextSlot] = []
        # texts a visitor wrote or the app composed from fields (a survey's answer, a plain-text body)
        self.composed_slots: list[TextSlot] = []
        #: values masked whole for a meaning their own key does not say, their parent's ({"holder": {"ticket": …}}),
        #: with it: remembered unless the site wrote them (_remember_composed)
        self.inherited_values: list[tuple[str, str]] = []
        #: a snapshot's editable regions (their outermost editable node) that a text was seen in: the walk meets
        #: their texts last first, and only the last may be where the visitor was typing (_typed_end)
        self.typed_regions: set[int | None] = set()
        self._texts: list[str] = []  # every slot's texts, in order
        self._scanned: list[int] = []  # the indexes of those scanned (short enough, within the budget)
        self._scanned_texts = self._scanned_chars = 0
        self._budget_spent = ""
        self._read: dict[tuple, list] = {}  # (rule, text, its arguments) -> what the rule found: read()
        # the policy's own, not a method of this batch: equal in every batch, so rules read with it share
        # their answers across batches (_rule_answer)
        self.label_meaning = policy.label_meaning
        self.dropped = 0
        self.record_inputs = policy.config.record_inputs
        self.taint_hasher = TaintHasher(masker.secret)

    # -- 1. walk -----------------------------------------------------------------------------
    def walk(self, events: list[Any], meta: dict[str, Any] | None = None) -> list[Event]:
        kinds = [event_type(event) for event in events]  # refuse a malformed batch before any change
        if self.mirror.policy_key != self.policy.key:
            # the site's configuration changed: its selectors now apply to the nodes seen earlier
            self.mirror.match_selectors(self.policy)
            self.mirror.policy_key = self.policy.key
            self.mirror.dirty = True
        if meta:  # the rest of an object body (anything a client sends): its keys scanned, and their meanings
            self._scan_payload(meta, list(meta), keyed=True)
        kept: list[Event] = []
        for kind, event in zip(kinds, events):
            if kind == EventType.CUSTOM and (url := navigation_url(event)) is not None:
                if not self._navigate(url):
                    continue
            elif self.mirror.page_blocked and kind != EventType.META:
                self._drop("site.block_urls", "PAGE")
                continue
            if kind == EventType.FULL_SNAPSHOT and _nodes_beyond(event, self.limits.mirror_nodes):
                self._too_large()  # counted before building anything: a hostile page costs one pass
            if self._keep(kind, event):
                self._scan_rest(event, EVENT_SHAPE)  # a key beside type, data and timestamp: scanned
                kept.append(event)
            if len(self.mirror.nodes) > self.limits.mirror_nodes:
                self._too_large()
        self._note_written()
        for slot in self.series.values():
            slot.close()
            self.slots.append(slot)
        self._attribute_slots()
        self._read_lines()
        self.mirror.settle_meanings(self.policy)
        return kept

    def _read_lines(self) -> None:
        """A text inside or beside inline elements is read with the text of its line around it
        (bounded: _CONTEXT_CHARS, _CONTEXT_NODES), as far as this batch shows it: the words that say
        it is a name may be in the next node ("ma fille <b>Ombeline</b>"). Its line's texts are kept for
        the taint pass too (_mask_line_echoes)."""
        codes = {nid for _, nid in self.code_slots if self._under_codes_heading(nid)}
        for slot, nid in self.text_slots:
            self._read_line(slot, nid, codes)
        for slot, nid in self.code_slots:
            if nid in codes:  # a code's text read after the words its heading says (listed_codes)
                slot.read_with(CODES_INTRO, "")

    def _read_lines_removed(self, data: dict[str, Any]) -> None:
        """The lines of this batch's short texts a mutation is about to remove, read now, while the mirror still
        holds what was around them: a listbox a page fills at each keystroke ('Bohdana <mark>Bon</mark>darenko')
        and empties at the next, in one batch, leaves no line at the batch's end, and a name cut by a <mark> read
        piece by piece says nothing ('darenko '). They are read at the batch's end too (a node moved is in a line
        again): more lines, fail closed. Linear: each removed node is walked once, however often the mutation lists it
        or a node above it."""
        if not self.line_texts:
            return
        table, found, walked = self.mirror.table, [], set()
        for remove in data.get("removes") if isinstance(data.get("removes"), list) else []:
            if not isinstance(remove, dict) or (top := table.slot(node_id(remove.get("id")))) == NONE:
                continue
            stack = [top]
            while stack:
                current = stack.pop()
                if current in walked:  # a node listed again, or under one listed before (a hostile mutation)
                    continue
                walked.add(current)
                if (nid := table.id_of(current)) in self.line_texts:
                    found.append(nid)
                child = table.first[current]
                while child != NONE:
                    stack.append(child)
                    child = table.next[child]
        codes = {nid for nid in found if nid in self.code_texts and self._under_codes_heading(nid)}
        for nid in found:
            self._read_line(self.line_texts[nid], nid, codes)
        for nid in codes:  # (as _read_lines: a code with no line around it read after its heading's words)
            self.code_texts[nid].read_with(CODES_INTRO, "")

    def _read_line(self, slot: TextSlot, nid: int, codes: set[int]) -> None:
        """One short text read with its line (_read_lines); codes: the texts under a heading naming codes."""
        before, after = self._line_pieces(nid, backwards=True), self._line_pieces(nid, backwards=False)
        before_text, after_text = "".join(t for _, t in before), "".join(t for _, t in after)
        town = self._postcode_line_after(after[-1][0] if after else nid)
        if town is None and after and (town := self._postcode_line_after(nid)) is not None:
            # the line's pieces ran on into the next line's element and back into the one before (a card's lines
            # in sibling inline elements: <span class="d-block">): the line is what its own element holds
            before = [piece for piece in before if self._inside(piece[0], town[0])]
            after = [piece for piece in after if self._inside(piece[0], town[0])]
            before_text, after_text = "".join(t for _, t in before), "".join(t for _, t in after)
        after_read = after_text[:_CONTEXT_CHARS]
        if town is not None:
            after_read += "\n" + town[1]  # a street's line: read above its town's
        line = [*_line_end(before, _CONTEXT_CHARS, backwards=True), (nid, 0, self.node_texts[nid]),
                *_line_end(after, _CONTEXT_CHARS, backwards=False)]
        if before_text.strip() or after_read.strip() or nid in codes:
            intro = CODES_INTRO if nid in codes else ""  # (read once, with its line)
            codes.discard(nid)
            slot.read_with(intro + before_text[-_CONTEXT_CHARS:], after_read)
            spaced = self._spaced_line([*before, (nid, self.node_texts[nid]), *after])
            spaced_before = "".join(spaced[:len(before)])
            spaced_after = spaced[len(before)][len(self.node_texts[nid]):] + "".join(spaced[len(before) + 1:])
            if (spaced_before, spaced_after) != (before_text, after_text):  # read both ways: fail closed
                slot.read_with(intro + spaced_before[-_CONTEXT_CHARS:],
                               spaced_after[:_CONTEXT_CHARS] + ("" if town is None else "\n" + town[1]))
        if len(line) > 1 and (nodes := tuple(n for n, _, _ in line)) not in self._lines_seen:
            self._lines_seen.add(nodes)  # (each text of a line of short texts reads the same line)
            self.lines.append(line)

    def _spaced_line(self, pieces: list[tuple[int, str]]) -> list[str]:
        """A line's texts as the name rules read them: a space after a text whose element closes where another
        element opens, a letter on each side ("<span>Ingrid</span><span>Haugen</span>": a component writes a name's
        parts in sibling elements and CSS spaces them; read glued, "IngridHaugen" is no name; review 28
        F3). A text beside an element it is not in runs on into it: "<mark>Van</mark>broucke" is one word."""
        table = self.mirror.table
        spaced = [text for _, text in pieces]
        for i in range(len(pieces) - 1):
            if not (spaced[i][-1:].isalpha() and pieces[i + 1][1][:1].isalpha()):
                continue
            this, following = table.slot(pieces[i][0]), table.slot(pieces[i + 1][0])
            if NONE in (this, following):
                continue
            if not (self._inside(pieces[i][0], table.parent[following])
                    or self._inside(pieces[i + 1][0], table.parent[this])):
                spaced[i] += " "
        return spaced

    def _postcode_line_after(self, last: int) -> tuple[int, str] | None:
        """The next line's text when the line whose last text is ``last`` ends and the next opens with a postcode, and
        the node the line ends with (its text, or the element it closes): after a <br> ("Kouter 5<br>9000 Gent",
        WooCommerce's address card), or in the next element of the line's own kind when a card writes one line per
        element (_CARD_LINES: <div>, <p>, <li>, Bootstrap's <span class="d-block">, React's and Vue's account and order
        pages). The words and number above a postcode and a town are a street, whatever they say ("Chée de Wavre 112",
        "Dreef 4"), and read alone they say nothing (rule street_before_postcode reads the two lines as one address).
        An element of another kind after the line's ends the search: a card's lines are alike."""
        table = self.mirror.table
        current = table.slot(last)
        for _ in range(_CONTEXT_STEPS):  # out of the inline elements that close the line, then out of its block
            if current == NONE or table.parent[current] < 0:
                return None
            following = self._next_shown(current)
            if following != NONE or table.shape[current][0] == _ELEMENT and table.shape[current][1] not in _INLINE_TAGS:
                break
            current = table.parent[current]
        else:
            return None
        if following == NONE or table.shape[following][0] != _ELEMENT:
            return None
        if table.shape[following][1] == "br":
            following = table.next[following]
            if following == NONE:
                return None
            kind, tag = table.shape[following][0], table.shape[following][1]
            pieces = ([(table.id_of(following), self.node_texts.get(table.id_of(following)))] if kind in _TEXTS else
                      self._inline_pieces(following) if kind == _ELEMENT and tag in _INLINE_TAGS else None)
        elif table.shape[current][1] in _CARD_LINES and table.shape[following][1] == table.shape[current][1]:
            pieces = self._inline_pieces(following)  # the next line in an element of the line's kind
        else:
            return None
        town = "".join(text or "" for _, text in pieces or ())[:_CONTEXT_CHARS]
        return (current, town) if _POSTCODE_LINE.match(town) else None

    def _inside(self, nid: int, element: int) -> bool:
        """Whether a node is inside an element (its slot), a few levels down at most (a line's pieces)."""
        table = self.mirror.table
        current = table.slot(nid)
        for _ in range(_CONTEXT_STEPS):
            if current < 0:
                return False
            if current == element:
                return True
            current = table.parent[current]
        return False

    def _next_shown(self, slot: int) -> int:
        """The next sibling of a node that is shown: past comments and white space this batch shows (the
        indentation between a card's <p> lines, React's `<!-- -->`); NONE when none is."""
        table = self.mirror.table
        following = table.next[slot]
        for _ in range(_CONTEXT_NODES):
            if following == NONE:
                return NONE
            kind = table.shape[following][0]
            blank = kind in _TEXTS and (self.node_texts.get(table.id_of(following)) or "x").isspace()
            if kind != _COMMENT and not blank:
                return following
            following = table.next[following]
        return NONE

    def _under_codes_heading(self, nid: int) -> bool:
        """Whether a text is an item of a list a heading or a label before it says are backup codes ("<h2>Your
        backup codes</h2><ul><li>7302 4619</li>…", a recovery key alone in its <div> under its title): the words
        that say so carry over to each item, as a label's carry to its field. Looks up a few ancestors (the item,
        its list, a wrapper) and back past a few siblings at each (_CODE_ITEMS: the items before it, a note) for an
        element or a text this batch shows that names such codes; a heading that names something else starts
        another section and ends the search ("<h2>Onze boormachines</h2>": a product list's SKUs stay)."""
        table, current = self.mirror.table, self.mirror.table.slot(nid)
        for _ in range(_CODES_HEADING_DEPTH):
            if current == NONE or table.parent[current] < 0:
                return False
            before, looked = table.previous(current), 0
            while before != NONE and looked < _CODE_ITEMS:
                looked += 1
                kind, tag = table.shape[before][0], table.shape[before][1]
                shown = self._inline_text(before) if kind == _ELEMENT else \
                    self.node_texts.get(table.id_of(before)) if kind in _TEXTS else None
                if shown and names_backup_codes(shown):
                    return True
                if tag in _HEADINGS:
                    return False
                before = table.previous(before)
            current = table.parent[current]
        return False

    def _line_pieces(self, nid: int, backwards: bool) -> list[tuple[int, str]]:
        """The texts next to a text node on one side, through inline elements, up to the line's end
        (a block, a <br>, a field) or a text this batch does not show: (node, text) in page order."""
        table, texts = self.mirror.table, self.node_texts
        current = table.slot(nid)
        if current == NONE:
            return []
        pieces: list[list[tuple[int, str]]] = []
        chars = looked = worded = 0
        while chars < _CONTEXT_CHARS and worded < _CONTEXT_NODES and looked < _CONTEXT_STEPS:
            looked += 1
            owner = table.parent[current]
            if owner < 0:
                break
            sibling = table.previous(current) if backwards else table.next[current]
            if sibling == NONE:  # out of an inline element, on to its siblings
                if table.shape[owner][1] not in _INLINE_TAGS:
                    break
                current = owner
                continue
            kind, tag = table.shape[sibling][0], table.shape[sibling][1]
            if kind == _COMMENT:  # not shown: React's server rendering puts `<!-- -->` between a line's parts
                current = sibling
                continue
            if kind in _TEXTS:
                text = texts.get(table.id_of(sibling))
                found = None if text is None else [(table.id_of(sibling), text)]
            elif kind == _ELEMENT and tag in _INLINE_TAGS:
                found = self._inline_pieces(sibling)
            else:
                break
            if found is None:
                break
            text = "".join(t for _, t in found)
            pieces.append(found)
            chars += len(text)
            worded += not text.isspace()
            current = sibling
        return [piece for found in (reversed(pieces) if backwards else pieces) for piece in found]

    def _inline_text(self, element: int) -> str | None:
        """The text inside an inline element (_inline_pieces), or None."""
        pieces = self._inline_pieces(element)
        return None if pieces is None else "".join(text for _, text in pieces)

    def _inline_pieces(self, element: int) -> list[tuple[int, str]] | None:
        """The texts inside an inline element, (node, text) in page order; None if it holds more than a few
        nodes, a text this batch does not show, or anything but inline elements and text."""
        table, texts = self.mirror.table, self.node_texts
        pieces: list[tuple[int, str]] = []
        stack = [table.last_child(element)] if table.first[element] != NONE else []
        looked = 0
        while stack:
            current = stack.pop()
            looked += 1
            if looked > _CONTEXT_NODES:
                return None
            if current != table.first[table.parent[current]]:
                stack.append(table.prev[current])  # its previous sibling, read after it (reversed below)
            kind, tag = table.shape[current][0], table.shape[current][1]
            if kind in _TEXTS:
                text = texts.get(table.id_of(current))
                if text is None:
                    return None
                pieces.append((table.id_of(current), text))
            elif kind == _ELEMENT and tag in _INLINE_TAGS:
                if table.first[current] != NONE:
                    stack.append(table.last_child(current))
            elif kind != _COMMENT:  # (a comment is not shown: stepped over, see _line_pieces)
                return None
        return pieces[::-1]

    def _too_large(self) -> None:
        raise MirrorTooLarge(f"the page of this session has more than {self.limits.mirror_nodes} nodes "
                             "(max_mirror_nodes); start a new session, or raise the limit")

    def _keep(self, kind: int, event: Event) -> bool:
        """Whether the event is kept; its data's keys that rrweb's format does not define are
        scanned (_scan_rest), what it defines is judged here."""
        data = event.get("data")
        if kind in (EventType.DOM_CONTENT_LOADED, EventType.LOAD):
            self.mirror.new_document()  # rrweb sends these before the first snapshot of a page only
            self._scan_data(event, DATA_SHAPES[kind])  # ({}: whatever else it holds is scanned)
            return True
        if kind == EventType.META:
            if not self._meta(data):
                return False
        elif kind == EventType.FULL_SNAPSHOT:
            self._full_snapshot(data)
        elif kind == EventType.INCREMENTAL_SNAPSHOT:
            return self._incremental(data)
        elif kind == EventType.CUSTOM:
            self._scan_payload(event, ["data"])  # all of it, its keys included
            return True
        elif kind == EventType.PLUGIN:
            if isinstance(data, dict):
                # the plugin's name is how the replayer finds its handler: structure; the rest is scanned
                self._scan_payload(data, [k for k in ("payload",) if k in data])
            else:
                self._scan_payload(event, ["data"])
        else:
            self._drop("fail-closed.unknown-event-type", "UNKNOWN")
            return False
        self._scan_data(event, DATA_SHAPES[kind])
        return True

    def _scan_data(self, event: Event, shape: Shape) -> None:
        data = event.get("data")
        if isinstance(data, dict):
            self._scan_rest(data, shape)
        elif data is not None:  # (a Load's data is rrweb's `unknown`: {} as recorded)
            self._scan_payload(event, ["data"])

    def _drop(self, rule: str, entity: str, node: int | None = None) -> None:
        self.dropped += 1
        self.remarks.append(Remark(rule, entity, "drop", node))

    def _meta(self, data: dict[str, Any]) -> bool:
        href = data.get("href")
        if isinstance(href, str):
            # only compared, and saved with the mirror: a keyed digest, never the URL (?ref=someone@…)
            page = hashlib.blake2b(href.split("#", 1)[0].encode("utf-8", "surrogatepass"), digest_size=12,
                                   key=self.masker.secret[:64]).hexdigest()
            if self.mirror.page and page != self.mirror.page:
                self.mirror.new_document()  # navigation (a checkout snapshot keeps the page's URL)
            self.mirror.page = page
            blocked = self.policy.url_blocked(href)
            self.mirror.dirty |= blocked != self.mirror.page_blocked
            self.mirror.page_blocked = blocked
            if self.mirror.page_blocked:
                self._drop("site.block_urls", "PAGE")
                return False
            self._url_echo(url_slot(Cell(data, "href"), None, self, page=True))
        return True

    def _navigate(self, url: str) -> bool:
        """A recorder's sign that a single-page app moved to another page without loading one (no
        Meta: navigation_url): the page is blocked or not from here on, as a Meta's would be. What
        the app shows once back on a page that is not blocked is judged as ever, the nodes added
        while the page was blocked unknown (fail closed). Whether the sign is kept."""
        blocked = self.policy.url_blocked(url)
        self.mirror.dirty |= blocked != self.mirror.page_blocked
        self.mirror.page_blocked = blocked
        if blocked:
            self._drop("site.block_urls", "PAGE")
        return not blocked

    def _full_snapshot(self, data: dict[str, Any]) -> bool:
        root = data.get("node")
        if not isinstance(root, dict):
            raise BadEvent("a FullSnapshot needs a 'node' object")
        self.mirror.reset()
        # the first snapshot of a new document is judged by its own markers; the session's
        # floor applies to everything after it (DomMirror.settle_document)
        self.mirror.insert_tree(root, None, self.policy, floor=not self.mirror.fresh)
        self.mirror.match_selectors(self.policy)
        self.typed_regions.clear()  # (a batch may hold several snapshots)
        self._redact_tree(root)
        self.mirror.settle_document()
        return True

    # -- serialized nodes (snapshots and mutation adds) -------------------------------------
    def _redact_tree(self, root: dict[str, Any], added: bool = False) -> None:
        """added: a mutation's add, where a text inside an editable region is what the visitor
        is typing (rich editors add a new text node per keystroke): its last word may be cut."""
        stack = [root]
        while stack:
            serialized = stack.pop()
            kind = serialized.get("type")
            # (an element's tag a plain name, as written_name keeps it: NODE_FITS)
            fitting = _as_defined(serialized, NODE_FITS.get(kind, OTHER_NODE_FITS) if type(kind) is int
                                  else OTHER_NODE_FITS) and (kind != _ELEMENT or "tagName" not in serialized
                                                             or PLAIN_NAME.fullmatch(serialized["tagName"]) is not None)
            if not fitting:
                self._as_typed(serialized, _node_kinds(kind))
                kind = serialized.get("type")
            nid = node_id(serialized.get("id"))
            tag = str(serialized.get("tagName")).lower() if kind == _ELEMENT else ""
            if tag in DRAWN_ON:
                self.mirror.drawn_by_visitor(nid, self.policy)  # a signature pad: blocked from now on
            elif added and tag in _STROKES:
                self.mirror.stroke_drawn(nid, self.policy)  # a stroke on an <svg> pad: blocked with its pad
            verdict = self.mirror.verdict(nid)
            if kind == _ELEMENT and verdict.flags & BLOCKED:
                self._placeholder(serialized, verdict, nid)
                continue
            # a key rrweb's format does not define
            keys = _node_keys(kind) if fitting else self._scan_beyond(serialized, _node_keys(kind))
            if kind == _ELEMENT:
                if "tagName" in serialized and not page_name_kept(serialized["tagName"]):
                    serialized["tagName"] = UNSHAPED_TAG  # a replay still builds it, as an element nobody defined
                    self.remarks.append(Remark("fail-closed.tag-name", "UNKNOWN", "mask", nid))
                tag = serialized.get("tagName")
                attributes = serialized.get("attributes")
                if attributes is not None and not isinstance(attributes, dict):  # rrweb's are an object
                    serialized["attributes"] = {}
                    self.remarks.append(Remark("fail-closed.attributes", "UNKNOWN", "drop", nid))
                self._redact_attributes(nid, attributes, verdict, tag, added=added)
                code = (tag.lower() if isinstance(tag, str) else str(tag))
                if code == "style":
                    # CSS is code, kept as it is (changed, it breaks replays); its strings are words
                    self._rest_below(serialized, css=True, verdict=verdict, added=added)
                    continue
                if code == "script":  # its texts become rrweb's placeholder; anything else in it is walked
                    stack.extend(self._script_texts(serialized, nid))
                    continue
            elif kind in _TEXTS and isinstance(serialized.get("textContent"), str):
                cell = Cell(serialized, "textContent")
                # an editor's text is typed: its own series; an <option>'s is never typed, whatever its <select>
                # (a page that rebuilds a "who signs" list from the names being typed, held-out round 29): its copy
                # of what is typed is masked as a copy, its own words are settled ("Kies een naam", round 42)
                typed = bool(verdict.flags & EDITABLE) and self.mirror.parent(nid)[1] not in _PICKED_TEXT_PARENTS
                if added and not typed:
                    self.copies.append((cell, cell.get()))
                if added and nid is not None and not verdict.flags & EDITABLE:
                    self.appended_texts.append(nid)
                # a text that replaces one of its element's and grows it is written there as a text changed in
                # place is (_replacement_grows); one that does not is a page update, read as settled
                self._redact_text(cell, nid, verdict, series=added and (
                    typed or self._replacement_grows(nid, cell.get())))
            elif kind == _COMMENT and serialized.get("textContent"):
                serialized["textContent"] = ""  # never rendered; may hold anything
            if "childNodes" in keys:  # (else scanned above)
                stack.extend(self._children(serialized, nid))

    def _rest_below(self, code: dict[str, Any], css: bool = False, verdict: Verdict | None = None,
                    added: bool = False) -> None:
        """The nodes inside a <style> or <script>: their code is kept as it is, a key rrweb's
        format does not define is scanned. css: a <style>, whose texts' strings are scanned."""
        stack = [code]
        while stack:
            for node in self._children(stack.pop()):
                self._as_typed(node, _node_kinds(node.get("type")))
                if css and verdict is not None and isinstance(node.get("textContent"), str):
                    self._scan_css(Cell(node, "textContent"), node_id(node.get("id")), verdict, added)
                if "childNodes" in self._scan_beyond(node, _node_keys(node.get("type"))):
                    stack.append(node)

    def _script_texts(self, script: dict[str, Any], nid: int | None) -> list[dict[str, Any]]:
        """A <script>'s text children hold rrweb's SCRIPT_PLACEHOLDER (a replay shows a script as a
        <noscript>): any other text (a fork's, a hostile client's) becomes it. Returns its other
        children (none that rrweb records), to be walked as any node."""
        others = []
        for child in self._children(script, nid):
            if child.get("type") not in _TEXTS:
                others.append(child)
                continue
            self._as_typed(child, _node_kinds(child.get("type")))
            self._scan_beyond(child, _node_keys(child.get("type")))
            if child.get("textContent") != SCRIPT_PLACEHOLDER:
                self._script_text(Cell(child, "textContent"), node_id(child.get("id")))
        return others

    def _children(self, serialized: dict[str, Any], nid: int | None = None) -> list[dict[str, Any]]:
        """A node's childNodes to walk. rrweb's are a list of nodes (objects); anything else there (an
        object, a string, a list in the list: a fork's, a hostile client's) is no node the mirror took
        (DomMirror.insert_tree) nor one the walk can judge: dropped, as attributes that are no object
        are, never passed unwalked."""
        children = serialized.get("childNodes")
        if isinstance(children, list) and all(isinstance(child, dict) for child in children):
            return children
        if children is None:
            return []
        kept = [child for child in children if isinstance(child, dict)] if isinstance(children, list) else []
        serialized["childNodes"] = kept
        self.remarks.append(Remark("fail-closed.child-nodes", "UNKNOWN", "drop", nid))
        return kept

    def _script_text(self, cell: Cell, nid: int | None) -> None:
        if cell.get():
            cell.set(SCRIPT_PLACEHOLDER)
            self.remarks.append(Remark("code.script", "SCRIPT", "mask", nid))

    def _placeholder(self, serialized: dict[str, Any], verdict: Verdict, nid: int | None) -> None:
        """A blocked element: its size and place, nothing it says (nor a key rrweb does not define)."""
        attributes = serialized.get("attributes") if isinstance(serialized.get("attributes"), dict) else {}
        serialized["attributes"] = kept = {k: attributes[k] for k in PLACEHOLDER_ATTRIBUTES
                                           if isinstance(attributes.get(k), (str, int, float))}
        for name in [k for k, value in kept.items() if isinstance(value, str)]:  # read as any element's
            if self.policy.structure.is_css(name):
                self._scan_css_attribute(kept, name, nid, verdict, False)
            else:
                self._structural_value(kept, name, nid)
        serialized["childNodes"] = []
        for key in [k for k in serialized if k not in _ELEMENT_KEYS]:
            del serialized[key]
        self.remarks.append(Remark(verdict.rule or "block", "BLOCKED", "block", nid))

    def _redact_attributes(self, nid: int | None, attributes: Any, verdict: Verdict, tag: Any,
                           changed: bool = False, added: bool = False) -> None:
        """Every string attribute is scanned but the structural ones (rules/attributes.yaml), CSS
        and the vendors' markers: an attribute nobody listed is scanned, never passed.
        changed: the attributes come from a mutation (a script set them), not from a snapshot;
        added: they are a node's that a mutation adds."""
        if not isinstance(attributes, dict):
            return
        tag = str(tag or "").lower()
        structure = self.policy.structure
        for name in list(attributes):
            traits, lower = structure.name_traits(name)
            if not traits & KEPT_NAME:  # a value as a name: {"jan@mail.example": "1"}
                del attributes[name]
                self.remarks.append(Remark("fail-closed.attribute-name", "UNKNOWN", "drop", nid))
                continue
            value = attributes[name]
            if not isinstance(value, str) and value is not None and not isinstance(value, bool):
                value = self._attribute_value(attributes, name, value, nid)
                if name not in attributes:
                    continue
            if isinstance(value, dict) and isinstance(name, str) and traits & CSS_NAME:
                self._scan_css_attribute(attributes, name, nid, verdict, True)  # a style's changed properties
            elif name in FIELD_ATTRIBUTES:
                self._redact_field_attribute(nid, attributes, name, verdict, tag, typed=changed or added)
            elif not isinstance(value, str) or not value or not isinstance(name, str):
                continue
            elif lower in MARKUP_ATTRIBUTES:
                attributes[name] = ""
                self.remarks.append(Remark("code.markup-attribute", "HTML", "mask", nid))
            elif traits & CSS_NAME:
                self._scan_css_attribute(attributes, name, nid, verdict, changed or added)
            elif traits & STRUCTURAL_NAME or name in self.policy.markers.by_attribute:
                # structure or a marker (kept: the recording still says what it protects)
                self._structural_value(attributes, name, nid)
            elif changed and nid is not None and verdict.flags & EDITABLE:
                self._scan_attribute_name(attributes, name, nid)
                self._redact_copied_value(Cell(attributes, name), nid, lower, verdict)
            else:
                self._scan_attribute_name(attributes, name, nid)
                if changed or added:  # a script wrote it: a link drawn from a field holds its keystrokes
                    self.copies.append(copy_read(Cell(attributes, name), value))
                self._scan_attribute(Cell(attributes, name), nid, lower, verdict, tag, series=changed,
                                     written=changed or added)

    def _structural_value(self, attributes: dict[str, Any], name: str, nid: int | None) -> None:
        """A structural attribute's value (or a marker's) is kept: the replay's CSS and the site's selectors need
        it. But a page makes ids and classes of its records: one that shows the signs of a visitor's number or
        address is read for what a detector finds by its shape (ShapeSlot), and one that names an element is read
        by the taint pass (an id slugged from a visitor's name). The mirror keeps what was masked (finish)."""
        structure, value = self.policy.structure, attributes[name]
        cell = None
        if not structure.is_drawn(name) and (slugs := person_slugs(value)):
            # a person's slug after a prefix that says whose it is ("comment-author-lotte-van-bergen"): the markers
            # and the site's selectors matched the whole value already; the prefix stays for the replay's CSS
            cell = Cell(attributes, name)
            cell.set(self.masker.spans(value, [(start, end, "PERSON") for start, end in slugs]))
            self.remarks.extend(Remark("content.structure", "PERSON", "span", nid) for _ in slugs)
        if structure.is_reference(name) and len(value) >= _MIN_TAINT:
            self._echo(cell := Cell(attributes, name), classes=name.lower() == "class")
        if not structure.is_drawn(name) and shape_signs(value):
            cell = cell or Cell(attributes, name)
            self.slots.append(ShapeSlot(cell, nid, "content.structure"))
        if cell is not None:
            self.structure_cells.append((nid, name, cell, value))

    def _scan_attribute_name(self, attributes: dict[str, Any], name: str, nid: int | None) -> None:
        """The name of an attribute nobody listed (a data-*, a framework's) is scanned as a payload's
        key is, and read by the taint pass: renamed, masked, once the batch is done (HTML's own: _STANDARD_NAMES)."""
        if len(name) >= _MIN_TAINT and name.lower() not in _STANDARD_NAMES:
            cell = KeyCell(attributes, name)
            self.key_cells.append(cell)
            self.slots.append(TextSlot(cell, nid, "content.attribute-name"))
            self._echo(cell)

    def _scan_css_attribute(self, attributes: dict[str, Any], name: str, nid: int | None, verdict: Verdict,
                            written: bool) -> None:
        """CSS (a style, a stylesheet's text) is kept as it is but its strings (redactor/css.py); a
        changed style is an object of properties, each a value or [value, priority]. A data: URL there
        (rrweb's image data, rr_dataURL; no CSS in a style) is read as a data: URL in CSS is."""
        value = attributes[name]
        if isinstance(value, str):
            if is_data_url(value):
                self._data_url(Cell(attributes, name), nid, verdict, written)
            else:
                self._scan_css(Cell(attributes, name), nid, verdict, written)
            return
        for key in [k for k in value if not page_name_shaped(k)] if isinstance(value, dict) else ():
            del value[key]  # a value written as a property's name ("--jan@mail.example")
            self.remarks.append(Remark("fail-closed.css-property-name", "UNKNOWN", "drop", nid))
        for key, declared in value.items() if isinstance(value, dict) else ():
            if isinstance(key, str) and key.startswith("--") and len(key) >= _MIN_TAINT + 2:
                # a custom property's name, as in CSS text (css.py): read by the taint pass
                self.key_cells.append(cell := KeyCell(value, key))
                self._echo(cell)
            custom = key if isinstance(key, str) and key.startswith("--") else None  # (CssText)
            if isinstance(declared, str):
                self._scan_css(Cell(value, key), nid, verdict, written, custom)
            elif isinstance(declared, list) and declared and isinstance(declared[0], str):
                self._scan_css(Cell(declared, 0), nid, verdict, written, custom)

    def _scan_css(self, cell: Cell, nid: int | None, verdict: Verdict, written: bool,
                  custom: str | None = None) -> None:
        """The strings of a CSS text are scanned as the site's words are (a URL's as a resource's
        address); written: a script wrote them, perhaps a field's keystrokes (a copy); custom: the name
        of the custom property whose value the text is, when it is apart (CssText)."""
        css = CssText(cell, custom)
        if css.strings or css.changed:  # (changed: a comment's words emptied)
            self.css_texts.append(css)
        for string in css.strings:
            if string.data:  # an inlined document (an SVG) or bytes (pixels, a font): its words, not its code
                self._data_url(string, nid, verdict, written)
                continue
            if verdict.flags & (MASK_TEXT | UNKNOWN):
                string.set(self.masker.text(string.get(), "TEXT"))
                self.remarks.append(Remark(verdict.rule or "mask_text", "TEXT", "mask", nid))
                continue
            if written:
                self.copies.append((string, string.get()))
            if string.taint_only:  # a custom property's name, a value that is code or a font's: echoes only
                self._echo(string)
            elif string.shapes:  # an attribute selector's value: a visitor's number or address only
                if shape_signs(string.get()):
                    self.slots.append(ShapeSlot(string, nid, "content.css"))
                self._echo(string)
            elif string.url:
                self._url_echo(UrlSlot(string, nid, self))
            else:
                self.slots.append(TextSlot(string, nid, "content.css"))
                self._echo(string)

    def _data_url(self, cell: Cell, nid: int | None, verdict: Verdict, written: bool) -> None:
        """A data: URL in CSS: a document's words (an SVG's) are read, and read by the taint pass decoded; bytes
        (pixels, a font) are not. Names are read from their shape in them where a script wrote them (a name badge
        drawn from a field) or the element's text is masked, as in a visitor's text."""
        names = name_runs if written or verdict.flags & (MASK_TEXT | UNKNOWN) else None
        slot = DataUrlSlot(cell, nid, "content.css", names)
        if slot.texts:
            self.slots.append(slot)
            self.url_echoes.append(slot)

    def _attribute_value(self, attributes: dict[str, Any], name: str, value: Any, nid: int | None) -> Any:
        """An attribute whose value is not a string. rrweb's are strings, numbers or true (null in
        a mutation removes one; a changed style is an object of CSS properties), and a replay sets
        each as a string: a long number is made one (a phone number, an id: scanned as any value),
        a field's value too; an object or a list is dropped (but CSS's). Returns the value now."""
        if isinstance(value, (int, float)):
            if name == "value" or (abs(value) >= _LONG_NUMBER and not self.policy.structure.is_structural(name)):
                attributes[name] = value = str(value)
            return value
        if isinstance(value, dict) and self.policy.structure.is_css(name):
            return value
        del attributes[name]
        self.remarks.append(Remark("fail-closed.attribute-value", "UNKNOWN", "drop", nid))
        return None

    def _redact_copied_value(self, cell: Cell, nid: int, name: str, verdict: Verdict) -> None:
        """An attribute a script sets on a field while it is typed into (Angular's
        ng-reflect-model, a data-value, aria-valuetext) is a copy of the visitor's keystrokes:
        masked whole where the field's value is, else a keystroke series of its own, so that a
        half-typed e-mail is not stored in it when the batch ends."""
        if not self._mask_whole(cell, nid, verdict, taint=False):
            # and a copy of what is typed in another field: a placeholder drawn from it ("Wat speelt Boglár al?",
            # held-out round 36) grows in the middle, where the series' last value says nothing of its starts
            self.copies.append((cell, cell.get()))
            self._series(nid, "content.attribute", key=(nid, name)).add(cell)
            self._echo(cell)

    def _scan_attribute(self, cell: Cell, nid: int | None, name: str, verdict: Verdict, tag: str = "",
                        series: bool = False, written: bool = False) -> None:
        """series: a mutation changed it, as a text node's characterData is changed: the values one
        attribute of one node takes in a batch are a series (a spell-checker's title "Unknown word:
        Jean-P…" rewritten at each keystroke), each prefix masked where its last value's PII stands.
        written: a script wrote it (a mutation changed it or added its node): a data: URL's document there (a
        name badge's SVG, a download link's text drawn from a form) has names read by their shape, as in CSS."""
        value = cell.get()
        if self._named_data(cell, nid, name, value):
            return
        if name in SRCSET_ATTRIBUTES:
            self._url_echo(SrcsetSlot(cell, nid, self))
        elif name in URL_ATTRIBUTES or looks_like_url(value):
            resource = name in RESOURCE_ATTRIBUTES or (name == "href" and tag not in LINK_ELEMENTS)
            names = name_runs if written or verdict.flags & (MASK_TEXT | UNKNOWN) else None
            # a profile's link: the name in its slug; a data: URL's document: its words (url_slot)
            self._url_echo(url_slot(cell, nid, self, page=not resource, names=names))
        elif verdict.flags & (MASK_TEXT | UNKNOWN):
            cell.set(self.masker.text(value, "TEXT"))
            self.remarks.append(Remark(verdict.rule or "mask_text", "TEXT", "mask", nid))
        elif series and nid is not None:  # read at the batch's end (_attribute_slots): alone, or as a series
            self.changed_attributes.setdefault((nid, name), []).append(cell)
            self._echo(cell)
        else:  # words (title, alt, aria-*, data-*, name…)
            shown = self.policy.structure.is_shown_as_text(name)
            self.slots.append(TextSlot(cell, nid, "content.attribute", None if shown else name_shaped))
            self._echo(cell)

    def _attribute_slots(self) -> None:
        """The values a mutation gave one attribute of one node in this batch. One value is words, as
        a snapshot's attribute is. Several are a series (a spell-checker's title "Unbekanntes Wort:
        Jean-P", "… Jean-Pi" rewritten at each keystroke): each value masked where its successor's PII
        stands; when each grew out of the one before, as keystrokes do, its last value is read as
        typed (its last word unsettled: the batch may end inside a name), else as written whole."""
        for (nid, name), cells in self.changed_attributes.items():
            shown = self.policy.structure.is_shown_as_text(name)
            names = None if shown else name_shaped
            if len(cells) == 1:
                self.slots.append(TextSlot(cells[0], nid, "content.attribute", names))
                continue
            values = [cell.get() for cell in cells]
            growing = all(len(b) > len(a) and b.startswith(a) for a, b in zip(values, values[1:]))
            slot = SeriesSlot(nid, "content.attribute", TYPED if growing else WRITTEN, None if growing else names)
            for cell in cells:
                slot.add(cell)
            slot.close()
            self.slots.append(slot)

    def _data_meaning(self, name: Any, value: Any) -> str:
        """What a data-* attribute holds by its name, read as a payload's key with its value (data-phone, data-iban,
        data-first="Lotte", data-voornaam; a secret's name), or "": also for a flag or a short token a page uses as
        structure (data-name="product-card", data-email-template="", data-phone="3": a number of a few digits)."""
        if not (isinstance(name, str) and name[:5].lower() == "data-" and isinstance(value, str)):
            return ""
        key = name[5:]
        meaning = "SECRET" if self.policy.structure.is_secret_key(key) else self.policy.key_meaning(key, value)
        if not meaning or value.strip().lower() in _FLAG_VALUES:
            return ""
        # a key naming a person's account or address (data-username, data-email, data-member) holds a handle made of
        # a name as often as not ("lien.dhondt", "jpeeters87"): no token there is the page's structure
        names_a_handle = meaning in ("EMAIL_ADDRESS", PERSON_ID) or self.policy.fields.names_a_persons_id(key)
        if meaning != "SECRET" and not names_a_handle and len(value) <= _DATA_TOKEN_LENGTH \
                and _DATA_TOKEN.fullmatch(value):
            return ""
        return meaning

    def _named_data(self, cell: Cell, nid: int | None, name: str, value: str) -> bool:
        """A data-* attribute whose name says what it holds (_data_meaning): its value masked whole, as a field's.
        Whether it decided."""
        meaning = self._data_meaning(name, value)
        if not meaning:
            return False
        if meaning != "SECRET":
            self.taint_value(value, meaning)
        cell.set(self.masker.whole(value, meaning))
        self.remarks.append(Remark("attribute.key." + meaning.lower(), meaning, "mask", nid))
        return True

    def _a_sensitive_choice(self, nid: int | None) -> bool:
        """Whether a box's choice is itself what its label says of the visitor, a special category's (a checkbox
        "Ik ben zwanger", "Allergies alimentaires": HEALTH): its checked state is masked as a sensitive field's."""
        if nid is None:
            return False
        # an <option> marked selected is the pick of a select one of whose options names a special category
        return (self.mirror.meaning(nid, self.policy) in CHOICE_MEANINGS
                or bool(self.mirror.special_choice(self._select_of(nid), self.policy)))

    def _redact_field_attribute(self, nid: int | None, attributes: dict, name: str, verdict: Verdict, tag: str,
                                typed: bool = False) -> None:
        """typed: a script writes the value after the snapshot, which may be as it is typed: the
        floating-label trick (oninput: setAttribute('value', this.value)), a field re-rendered
        with each keystroke. Those values are a keystroke series (their unsettled end masked), not
        whole texts, so that no prefix of an e-mail is stored."""
        value = attributes[name]
        if tag == "option" and value and (meaning := self._list_meaning(nid)):
            # a date of birth picked in <select>s: the option marked selected is the pick, and one
            # option masked among the others (an echo of the pick) would point at it: all are masked
            attributes[name] = self.masker.whole(value, meaning) if isinstance(value, str) else False
            self.remarks.append(Remark("field." + meaning.lower(), meaning, "mask", nid))
            return
        if name != "value":
            if value and (verdict.flags & (SENSITIVE | UNKNOWN) or self._a_sensitive_choice(nid)):
                attributes[name] = False if isinstance(value, bool) else ""
                self.remarks.append(Remark(verdict.rule or "sensitive", "CHOICE", "mask", nid))
            elif isinstance(value, str) and value.strip().lower() not in ("", name, "true", "false"):
                self._scan_attribute(Cell(attributes, name), nid, name, verdict, tag)  # not a choice's word: words
            return
        if not isinstance(value, str) or not value:
            return
        caption = tag in ("input", "button") and str(attributes.get("type", "")).lower() in CAPTION_TYPES
        cell = Cell(attributes, name)
        if caption and not verdict.flags & (SENSITIVE | UNKNOWN):
            self.slots.append(TextSlot(cell, nid, "content.attribute"))
            return
        if self._mask_whole(cell, nid, verdict):
            return
        if typed and nid is not None:
            self._series(nid, "content.value", key=(nid, name)).add(cell)
        else:
            search = self.policy.fields.is_search(tag, attributes)
            self.slots.append(TextSlot(cell, nid, "content.value", names_by_shape(tag, True, search), search,
                                       grows=tag in ("input", "textarea") and entry_of(tag, attributes, True) == TYPED
                                       and not self.mirror.listed_entry(nid, value)))
        self._echo(cell)

    def _mask_whole(self, cell: Cell, nid: int | None, verdict: Verdict, taint: bool = True) -> bool:
        """The first two layers for a field value: markers, then field meaning. Whether it decided.
        taint=False: a copy of the value (the field's own value taints the session)."""
        value = cell.get()
        if verdict.flags & (SENSITIVE | UNKNOWN):
            rule, entity = verdict.rule or "sensitive", "SENSITIVE"
        elif not self.record_inputs:
            rule, entity = "site.record_inputs", "INPUT"
        elif nid is not None and (meaning := self.mirror.meaning(nid, self.policy)
                                  or self.mirror.special_choice(nid, self.policy)):  # a <select>'s pick
            rule, entity = "field." + meaning.lower(), meaning
        else:
            return False
        if value:
            if entity != "INPUT" and taint:  # taint with the last value only, not with every keystroke prefix
                self.whole_values[nid] = (value, entity)
            if taint:
                self.whole_typed[value] = entity
            cell.set(self.masker.whole(value, entity))
            self.remarks.append(Remark(rule, entity, "mask", nid))
        return True

    def _redact_text(self, cell: Cell, nid: int | None, verdict: Verdict, series: bool) -> None:
        text = cell.get()
        parent, parent_tag = self.mirror.parent(nid)
        if parent_tag == "script":  # a script's text changed (characterData): not rrweb's placeholder
            if text != SCRIPT_PLACEHOLDER:
                self._script_text(cell, nid)
            return
        if nid is not None:
            if series and nid not in self.series and nid in self.node_texts:
                self.texts_before[nid] = self.node_texts[nid]  # (this batch's snapshot showed it: _note_written)
            self.node_texts[nid] = text
            self.text_cells[nid] = cell
        if not text.strip():
            return
        if parent_tag == "style":  # CSS: its strings are words (a print header naming the visitor)
            self._scan_css(cell, nid, verdict, written=True)
            return
        if parent_tag == "option" and (meaning := self._list_meaning(parent)):  # see _redact_field_attribute
            cell.set(self.masker.text(text, meaning))
            self.remarks.append(Remark("field." + meaning.lower(), meaning, "mask", nid))
            return
        if verdict.flags & (MASK_TEXT | UNKNOWN):
            cell.set(self.masker.text(text, "TEXT"))
            self.remarks.append(Remark(verdict.rule or "mask_text", "TEXT", "mask", nid))
            return
        if parent is not None and (meaning := self.mirror.meaning(parent, self.policy)
                                   or self.mirror.text_meaning(nid, self.policy)) and not (
                not verdict.flags & EDITABLE and _a_caption(meaning, text)):
            self.taint_value(text.strip(), meaning)
            cell.set(self.masker.text(text, meaning))
            self.remarks.append(Remark("field." + meaning.lower(), meaning, "mask", nid))
            return
        if file_name_shaped(text) and self.mirror.in_upload_widget(nid):
            # the name of the file the visitor picked, as an upload widget shows it ("paspoort-peeters.jpg"): the
            # file input's value is masked, its echo in the widget no detector reads (a lone surname, a document's word)
            self.taint_value(text.strip(), FILE_NAME)
            cell.set(self.masker.text(text, FILE_NAME))
            self.remarks.append(Remark("field.file_name", FILE_NAME, "mask", nid))
            return
        if meaning := self.mirror.popup_meaning(nid, self.policy):  # suggestions, not the visitor's: no taint
            cell.set(self.masker.text(text, meaning))
            self.remarks.append(Remark("field.popup", meaning, "mask", nid))
            return
        if not self.record_inputs and verdict.flags & EDITABLE:
            cell.set(self.masker.text(text, "INPUT"))
            self.remarks.append(Remark("site.record_inputs", "INPUT", "mask", nid))
            return
        self._echo(cell)
        if series and nid is not None:
            self._series(nid, "content.text").add(cell)
        else:
            picked = parent_tag in _PICKED_TEXT_PARENTS
            names = names_by_shape("option" if picked else "", True, False) if verdict.flags & EDITABLE else None
            typed = bool(verdict.flags & EDITABLE) and not picked and self._typed_end(nid)
            # a list's or a table's entry of the site's text may be a person listed surname first ("Wouters Tom"); a
            # chat widget's history shows the visitor's own messages again, where a statement of her health or belief
            # is read as where she wrote it (review 35 F3)
            entry = surname_first_entry if names is None and parent_tag in _ENTRY_PARENTS else names
            if names is None and self.mirror.in_own_message(nid):
                entry = said_special_categories
            slot = TextSlot(cell, nid, "content.text", entry, grows=typed, page_text=names is None)
            self.slots.append(slot)
            if names is None:
                self.site_slots.append(slot)
            if nid is not None and len(text) <= _LINE_PIECE and len(text.split()) <= _LINE_PIECE_WORDS:
                self.text_slots.append((slot, nid))
                self.line_texts[nid] = slot
            if nid is not None and len(text) <= _CODE_TEXT and listed_codes(CODES_INTRO + text.lstrip()):
                self.code_slots.append((slot, nid))  # (shaped as a code: "7302 4619", not "€ 129,95" nor "3 items")
                self.code_texts[nid] = slot

    def _note_written(self) -> None:
        """The texts the page's script wrote in this batch (a text node's series): whether the first value of each
        goes on, a few letters more, from the node's text before it (this batch's snapshot, or what the batch before
        left: the mirror keeps its length and a keyed digest), and what the next batch compares with. A writer slow
        enough that each batch holds one value of the text (a key per recorder flush) is still writing: its last
        word is masked while it grows (SeriesSlot), "… écrivez-moi à pollie" of an e-mail being written."""
        for slot in self.series.values():
            if slot.rule != "content.text" or slot.entry != WRITTEN or not slot.values:
                continue
            first, last = slot.values[0], slot.values[-1]
            if (before := self.texts_before.get(slot.node)) is not None:
                slot.grown_from_before = letters_added(before, first)
            elif (known := self.mirror.written.get(slot.node) or self._written_replaced(slot.node)) is not None:
                slot.grown_from_before = self._grown_from_written(known, first)
            self.mirror.note_written(slot.node, len(last), self._written_digest(last))

    def _texts_replaced(self, data: dict[str, Any]) -> dict[int | None, int]:
        """The text nodes a mutation removes, by the element they were in: a text added there in the same mutation
        replaces one (a script's `el.textContent = s.slice(0, i)`, a reply streamed in, an editor re-rendering its
        run: rrweb records each batch's text as a new node). Read before the mirror forgets the removed nodes.
        Linear in the removes."""
        table, replaced = self.mirror.table, {}
        for remove in data.get("removes") if isinstance(data.get("removes"), list) else []:
            if isinstance(remove, dict) and (removed := node_id(remove.get("id"))) is not None:
                slot = table.slot(removed)
                if slot != NONE and table.shape[slot][0] in _TEXTS:
                    replaced[node_id(remove.get("parentId"))] = removed
        return replaced

    def _replacement_grows(self, nid: int | None, text: str) -> bool:
        """Whether a text added in place of its element's text goes on from it a few letters more (letters_added),
        as a text written in its own node does (review 21 F6: "Stuur het naar jorinde.ve" a typewriter writes by
        setting textContent): the text it replaced as this batch showed it, or the length and keyed digest the
        mirror kept of it. A replacement that does not grow the text is a page update ("Bedankt, we bellen u terug!",
        "Totaal 4 artikelen"): read as settled, as any text a mutation adds. Its digest is kept all the same, so that
        the next batch's replacement is compared with it: a writer slow enough that each batch holds one of its
        texts is still told from its second write on (its first, after the batch that showed the text before, has
        nothing to compare with)."""
        removed = self.replacing.get(nid) if nid is not None else None
        if removed is None:
            return False
        if (before := self.node_texts.get(removed)) is not None:
            grows = letters_added(before, text)
            if grows:
                self.texts_before[nid] = before  # (_note_written compares the series' first value with it)
        else:
            grows = (known := self.mirror.written.get(removed)) is not None and self._grown_from_written(known, text)
        if not grows:
            self.mirror.note_written(nid, len(text), self._written_digest(text))
        return grows

    def _written_replaced(self, nid: int) -> tuple[int, str] | None:
        """The length and keyed digest the mirror kept of the text a text node replaced, if it replaced one."""
        removed = self.replacing.get(nid)
        return self.mirror.written.get(removed) if removed is not None else None

    def _grown_from_written(self, known: tuple[int, str], text: str) -> bool:
        """Whether a text goes on, a few letters more, from the one the mirror kept the length and keyed digest of."""
        length, digest = known
        return len(text) > length and self._written_digest(text[:length]) == digest and letters_added(text[:length], text)

    def _written_digest(self, text: str) -> str:
        """A keyed digest of a text the page wrote: compared, and saved with the mirror, never the text."""
        return self._digest(text, b"written text")

    def _digest(self, text: str, purpose: bytes) -> str:
        """A keyed digest of a text, for one purpose: compared, and saved with the mirror, never the text."""
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8, key=self.masker.secret[:64],
                               person=purpose).hexdigest()

    def _typed_end(self, nid: int | None) -> bool:
        """Whether a snapshot's text in an editable region may be where the visitor was typing: a recorder
        takes a full snapshot again in the middle of typing (rrweb's checkoutEveryNth), so the region's last
        text (the walk meets it first) can stop inside a value; its other texts (paragraphs typed before, an
        option's) are settled. The region is found within _REGION_DEPTH ancestors; deeper, each text is its
        own region (fail closed: its end is masked where it still grows)."""
        region, above = nid, nid
        for _ in range(_REGION_DEPTH):
            above, _tag = self.mirror.parent(above)
            if above is None or not self.mirror.verdict(above).flags & EDITABLE:
                break
            region = above
        else:
            return True
        if region in self.typed_regions:
            return False
        self.typed_regions.add(region)
        return True

    def _echo(self, cell: Cell, classes: bool = False) -> None:
        """A text the taint pass looks at: read as it came (_mask_taint), not only as detection left it. A value
        found there is masked with the handle around it (a slug, a file's name: redactor/taint.py); in a class list
        (classes) only the value, past its class's first word (content.past_class_prefixes: the CSS's prefix)."""
        self.echo_cells.append((cell, cell.get(), classes))

    def _url_echo(self, slot: UrlSlot | DataUrlSlot | SrcsetSlot) -> None:
        """A URL scanned, then looked at by the taint pass: whole, and piece by piece decoded."""
        self.slots.append(slot)
        self.url_echoes.append(slot)
        self._echo(slot.cell)

    def _list_meaning(self, option: int | None) -> str:
        """The meaning of the <select> an <option> is in (through an <optgroup>), or ''. The
        options are the site's list, but which one is picked is the visitor's: not tainted."""
        select = self._select_of(option)
        return self.mirror.meaning(select, self.policy) if select is not None else ""

    def _select_of(self, option: int | None) -> int | None:
        """The <select> an <option> is in (through an <optgroup>), or None."""
        parent, parent_tag = self.mirror.parent(option)
        if parent_tag == "optgroup":
            parent, parent_tag = self.mirror.parent(parent)
        return parent if parent_tag == "select" else None

    def _series(self, nid: int, rule: str, key: tuple[int, str] | None = None) -> SeriesSlot:
        key = nid if key is None else key
        if key not in self.series:
            node = self.mirror.nodes.get(nid)
            if node is None:  # an unknown node: typed free text (fail closed)
                self.series[key] = SeriesSlot(nid, rule, TYPED, names_by_shape("", True, False))
            else:
                editable = bool(node.flags & EDITABLE)
                search = self.policy.fields.is_search(node.tag, node.attrs)
                names = names_by_shape(node.tag, editable, search, typed=rule in FIELD_RULES)
                self.series[key] = SeriesSlot(nid, rule, entry_of(node.tag, node.attrs, editable), names, search,
                                              functools.partial(self.mirror.listed_entry, nid))
        return self.series[key]

    # -- incremental events ------------------------------------------------------------------
    def _incremental(self, data: dict[str, Any]) -> bool:
        source = source_of(data)
        shape = SOURCE_SHAPES.get(source) if source is not None else None
        if shape is None:
            self._drop("fail-closed.unknown-source", "UNKNOWN")
            return False
        if not self._judge(source, data, shape):
            return False
        self._scan_rest(data, shape)  # a key rrweb's format does not define: scanned
        return True

    def _judge(self, source: int, data: dict[str, Any], shape: Shape) -> bool:
        """What an incremental event's source defines: whether the event is kept."""
        if source == IncrementalSource.MUTATION:
            self._mutation(data)
            return True
        if source == IncrementalSource.INPUT:
            return self._input(data)
        if source in POSITIONAL_SOURCES or source == IncrementalSource.CANVAS_MUTATION:
            # what a blocked element shows (its scrolling, its media, its canvas) is dropped; that
            # the pointer was over it or clicked it is kept: a replay needs the visitor's moves
            if source in SHOWING_SOURCES and "id" in data:
                if source == IncrementalSource.CANVAS_MUTATION:
                    self.mirror.drawn_by_visitor(data.get("id"), self.policy)  # a signature pad's strokes
                verdict = self.mirror.verdict(data.get("id"))
                if verdict.flags & BLOCKED:
                    self._drop(verdict.rule or "block", "BLOCKED", data.get("id"))
                    return False
            if source == IncrementalSource.CANVAS_MUTATION:
                self._scan_payload(data, [k for k in data if k != "source" and k in shape.keys])
                self._canvas_copies(data)
            return True
        if source == IncrementalSource.FONT:
            self._font(data)
            return True
        if source in STYLE_SOURCES:
            verdict = self.mirror.verdict(data.get("id")) if "id" in data else Verdict(0, None)
            self._style_property_names(data)
            self._style_texts(data, shape, verdict)
            return True
        if source == IncrementalSource.CUSTOM_ELEMENT and isinstance(define := data.get("define"), dict) \
                and custom_element_name(define.get("name")):
            # customElements.define's name ("cart-drawer") is the tag of the page's elements, kept as theirs is:
            # no person's name, though under a key "name"; whatever else the object holds is a payload's
            self._scan_payload(define, [k for k in define if k != "name"], keyed=True)
            return True
        if source in (IncrementalSource.LOG, IncrementalSource.CUSTOM_ELEMENT):
            self._scan_payload(data, [k for k in data if k != "source" and k in shape.keys])
            return True
        self._drop("fail-closed.unknown-source", "UNKNOWN")  # (a source rrweb.SOURCE_SHAPES lists, judged nowhere)
        return False

    def _style_property_names(self, data: dict[str, Any]) -> None:
        """A StyleDeclaration's property (style.setProperty, removeProperty): a name not shaped as
        one is masked whole (page_name_shaped); a custom property's is read by the taint pass."""
        for part in ("set", "remove"):
            change = data.get(part)
            if not isinstance(change, dict) or "property" not in change:
                continue
            if not page_name_shaped(change["property"]):
                change["property"] = self.masker.whole(str(change["property"]), "UNKNOWN")
                self.remarks.append(Remark("fail-closed.css-property-name", "UNKNOWN", "mask", data.get("id")))
            elif change["property"].startswith("--") and len(change["property"]) >= _MIN_TAINT + 2:
                self._echo(Cell(change, "property"))

    def _canvas_copies(self, data: dict[str, Any]) -> None:
        """The text a script draws on a <canvas> (fillText's, strokeText's args: a label drawn again at
        every keystroke, 'Tel. +48 60' while the phone is '+48 60') is a script's copy, as a node's text
        it writes is: what was typed in the batch that it holds is masked as its keystroke was
        (_mask_copies, _mask_typed_pieces)."""
        commands = data.get("commands") if isinstance(data.get("commands"), list) else [data]
        drawn = self.canvas_texts.setdefault(node_id(data.get("id")), [])
        for command in commands:
            args = command.get("args") if isinstance(command, dict) else None
            if isinstance(args, list):
                texts = [(Cell(args, i), arg) for i, arg in enumerate(args) if isinstance(arg, str) and len(arg) >= _MIN_COPY]
                self.copies.extend(texts)
                drawn.extend(texts)

    def _font(self, data: dict[str, Any]) -> None:
        """A font a script loads (new FontFace(family, source, descriptors)): its family is a name the
        page gave, scanned as text; its source CSS (`url(…) format(…)`, `local("…")`), its URLs
        scanned as a resource's and its strings as words, or, loaded from bytes (buffer), the bytes as
        a JSON list of numbers, anything else masked whole; its descriptors a payload's strings."""
        if isinstance(data.get("family"), str) and len(data["family"]) >= _MIN_TAINT:
            cell = Cell(data, "family")
            self.slots.append(TextSlot(cell, None, "content.font"))
            self._echo(cell)
        if isinstance(data.get("fontSource"), str) and data["fontSource"]:
            if data.get("buffer") is True:
                if not _BYTES.fullmatch(data["fontSource"]):
                    self._mask_wrong_type(data, "fontSource")
            else:
                self._scan_css(Cell(data, "fontSource"), None, Verdict(0, None), written=True)
        if data.get("descriptors") is not None:
            self._scan_payload(data, ["descriptors"])

    def _style_texts(self, obj: dict[str, Any], shape: Shape, verdict: Verdict) -> None:
        """CSS a script writes through the CSSOM (insertRule, replace/replaceSync, style.setProperty on a
        rule, the rules of a constructed sheet a shadow root adopts): every text its source's shape
        defines, at any depth (adds[].rule, styles[].rules[].rule, set.value…), has its strings scanned
        as a <style>'s are. By the shape, not by a list of places: a text key rrweb adds to a style
        source is scanned too."""
        for key, value in obj.items():
            inner = shape.inner.get(key)
            if inner is not None:
                for item in value if isinstance(value, list) else (value,):
                    if isinstance(item, dict):
                        self._style_texts(item, inner, verdict)
            elif shape.kinds.get(key) == TEXT and isinstance(value, str):
                # a StyleDeclaration's value for a custom property ({"property": "--who", "value": …}) is read
                # as it would be after its name
                name = obj.get("property") if key == "value" else None
                custom = name if isinstance(name, str) and name.startswith("--") else None
                self._scan_css(Cell(obj, key), None, verdict, written=True, custom=custom)

    def _input(self, data: dict[str, Any]) -> bool:
        nid = node_id(data.get("id"))
        verdict = self.mirror.verdict(nid)
        if verdict.flags & (BLOCKED | IGNORED):
            self._drop(verdict.rule or "ignore", "INPUT", nid)
            if isinstance(data.get("text"), str) and len(data["text"]) >= _MIN_COPY:  # a copy the page shows
                self.typed[data["text"]] = Cell({"text": self.masker.whole(data["text"], "BLOCKED")}, "text")
            return False
        if data.get("isChecked") and (verdict.flags & (SENSITIVE | UNKNOWN) or self._a_sensitive_choice(nid)):
            data["isChecked"] = False
        if not isinstance(data.get("text"), str):
            data.pop("text", None)
            return True
        cell = Cell(data, "text")
        if len(data["text"]) >= _MIN_COPY:
            self.typed[data["text"]] = cell
        if not self._mask_whole(cell, nid, verdict) and nid is not None:
            self._series(nid, "content.input").add(cell)
            self._echo(cell)
        return True

    def _mutation(self, data: dict[str, Any]) -> None:
        mirror = self.mirror
        adds = data.get("adds") if isinstance(data.get("adds"), list) else []
        texts = data.get("texts") if isinstance(data.get("texts"), list) else []
        replaced = self._texts_replaced(data)  # (before the mirror forgets the removed nodes)
        self._read_lines_removed(data)
        applied = mirror.apply_mutation(data, self.policy)  # the mirror first: then judge
        kept_removes = data["removes"] = applied.kept_removes
        inserted, changes = applied.inserted, applied.changes

        kept_adds = []
        for add in adds:
            if not isinstance(add, dict) or not isinstance(add.get("node"), dict):
                continue
            added = node_id(add["node"].get("id"))
            if added is not None and add["node"].get("type") in _TEXTS and (
                    removed := replaced.pop(node_id(add.get("parentId")), None)) is not None:
                self.replacing[added] = removed
            parent = mirror.verdict(add.get("parentId"))
            if parent.flags & BLOCKED:
                self._drop(parent.rule or "block", "BLOCKED", node_id(add["node"].get("id")))
                continue
            self._redact_tree(add["node"], added=True)
            kept_adds.append(add)
        data["adds"] = kept_adds
        self._note_items(kept_adds)

        kept_texts = []
        for text in texts:
            if not isinstance(text, dict):
                continue
            nid = node_id(text.get("id"))
            verdict = mirror.verdict(nid)
            if verdict.flags & BLOCKED:
                self._drop(verdict.rule or "block", "BLOCKED", nid)
                continue
            if isinstance(text.get("value"), str):
                if not verdict.flags & EDITABLE:
                    self.copies.append((Cell(text, "value"), text["value"]))
                self._redact_text(Cell(text, "value"), nid, verdict, series=True)
            kept_texts.append(text)
        data["texts"] = kept_texts

        kept_attributes, new = [], set(inserted)
        for change, nid, was in changes:
            if was.flags & BLOCKED:
                self._drop(was.rule or "block", "BLOCKED", nid)
                continue
            verdict = mirror.verdict(nid)
            if verdict.flags & BLOCKED:  # blocked from now on: empty it in the replay too
                node = mirror.nodes[nid]
                kept_removes.extend({"parentId": nid, "id": child} for child in node.children or [] if child not in new)
                self.remarks.append(Remark(verdict.rule or "block", "BLOCKED", "block", nid))
                continue
            node = mirror.nodes.get(nid) if nid is not None else None
            self._redact_attributes(nid, change["attributes"], verdict, node.tag if node else "", changed=True)
            kept_attributes.append(change)
        data["attributes"] = kept_attributes

    def _note_items(self, adds: list[dict[str, Any]]) -> None:
        """Groups the texts a mutation adds by the new element they are in (the top of what it adds
        there: a suggestion's <li> or <div>), for _mask_copies. rrweb sends each added node on its
        own with its parent's id, so the groups come from the adds alone, whatever the mirror holds
        once the batch is done (a suggestion list is emptied at the next keystroke)."""
        parent_of: dict[int, int | None] = {}
        texts: list[tuple[int, dict[str, Any]]] = []
        for add in adds:
            node = add["node"]
            nid = node_id(node.get("id"))
            if nid is None:
                continue
            parent_of[nid] = node_id(add.get("parentId"))
            if node.get("type") in _TEXTS and isinstance(node.get("textContent"), str):
                texts.append((nid, node))
        if len(texts) < 2:
            return
        groups: dict[int, list[Cell]] = {}
        for nid, node in texts:
            top = nid
            for _ in range(_ITEM_DEPTH):
                above = parent_of.get(top)
                if above is None or above not in parent_of:
                    break
                top = above
            if top != nid:  # inside a new element (a text added alone under an old one is no item)
                groups.setdefault(top, []).append(Cell(node, "textContent"))
        for cells in groups.values():
            if 1 < len(cells) <= _ITEM_TEXTS:
                for cell in cells:
                    self.items[id(cell.container)] = cells

    # -- payloads the redactor has no model for (custom, plugin, log, canvas, batch metadata) -
    def _scan_key(self, holder: dict, key: str) -> None:
        """A payload's key scanned as text (a page's address as a URL), words in a script other than the site's
        masked (_mask_other_scripts); renamed once the batch is done."""
        short = len(key) < _MIN_TAINT
        if short and not other_script_runs(key):
            return
        cell = KeyCell(holder, key)
        self.key_cells.append(cell)
        if short:  # "王伟": too short for the detectors
            self._mask_other_scripts(cell)
        elif digits_in_groups(key):  # "0478:91:35:27": a phone's groups no detector reads as one there
            cell.set(self.masker.whole(key, "UNKNOWN"))
            self.remarks.append(Remark("fail-closed.grouped-digits-key", "UNKNOWN", "mask"))
        else:  # a page's address as a key (PostHog's $heatmap_data): taken apart as a URL
            self.slots.append(UrlSlot(cell, None, self, page=True) if looks_like_url(key)
                              else TextSlot(cell, None, "content.event-key", other_script_runs, taint_shapes=False))

    def _mask_other_scripts(self, cell: Cell) -> None:
        """Words in a script none of the site's languages writes (pii.settings.SUPPORTED_LANGUAGES: all in Latin
        letters), masked in a payload's key or value that is not the page's DOM: a console line, a breadcrumb, a log's
        attributes, a custom event, an analytics event's properties, Sentry's extra, contexts and tags. No detector
        reads those scripts, and a name in one is no less a name when the server sent it (held-out peers round 18: a
        broker's name in Ge'ez letters, "ተስፋይ ገብረመድህን", logged by the page). Failing closed, every such run is
        masked there, a name or not. In place only, never remembered: the same words in the page's own text (a
        language menu's "العربية", "Ελληνικά") stay readable in the recording. Longer texts have these runs read
        with the rest of their text (TextSlot's names: other_script_runs); this is for those too short for it
        ("王伟")."""
        text = cell.get()
        cell.set(self.masker.spans(text, [(s.start, s.end, s.entity) for s in other_script_runs(text)]))
        self.remarks.append(Remark("payload.other-script", "PERSON", "mask"))

    def _scan_rest(self, obj: Any, shape: Shape) -> None:
        """The keys of an rrweb object that its format does not define (rrweb.py: a recorder
        fork's, a script's, a hostile client's): each scanned as a payload's key, with its value
        (strings at any depth, values under secret-looking keys masked whole). What the format
        defines is the walk's; the objects it holds are looked at the same way."""
        if not isinstance(obj, dict):
            return
        # every event and position goes through here, and almost all hold only keys of their shape, each with a
        # type it takes: one pass tells, where the two looks take a call each (a name's key takes the long way)
        if not _as_defined(obj, shape.fits):
            self._scan_beyond(obj, shape.keys)
            self._as_typed(obj, shape.kinds)
        for key, inner in shape.inner.items():
            value = obj.get(key)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        self._scan_rest(item, inner)
                    else:
                        self._mask_wrong_type(value, i)
            elif isinstance(value, dict):
                self._scan_rest(value, inner)
            elif value is not None:
                self._mask_wrong_type(obj, key)

    def _as_typed(self, obj: dict[str, Any], kinds: dict[str, int]) -> None:
        """A key rrweb's format gives numbers or flags, or text, that holds anything else (a string
        where a number goes, a number or an object where text goes: a fork's or a hostile client's)
        has it masked whole: nothing says what it is. A key it gives a name (a tag, a doctype's ids)
        keeps one it writes there, has text of that kind scanned as a payload's strings, and anything else
        masked whole (rrweb.written_name). (One pass over the object: every node and every position goes
        through here.)"""
        second_look = [key for key, value in obj.items()
                       if (kind := kinds.get(key)) is not None and type(value) not in FITTING_TYPES[kind]]
        for key in second_look:
            value, kind = obj[key], kinds[key]
            if kind == NAME:
                written = written_name(key, value)
                if written == SCANNED:
                    self._scan_payload(obj, [key])
                elif written == MASKED:
                    self._mask_wrong_type(obj, key)
            elif kind != NUMBERS or not is_number_or_flag(value):
                self._mask_wrong_type(obj, key)

    def _mask_wrong_type(self, holder: Any, key: Any) -> None:
        value = holder[key]
        holder[key] = self.masker.whole(value if isinstance(value, str) else repr(value), "UNKNOWN")
        self.remarks.append(Remark("fail-closed.wrong-type", "UNKNOWN", "mask"))

    def _scan_beyond(self, obj: dict[str, Any], keys: frozenset[str]) -> frozenset[str]:
        """obj's keys beyond rrweb's (keys) scanned as a payload's, with their values; returns keys."""
        if not keys.issuperset(obj):
            self._scan_payload(obj, [k for k in obj if k not in keys], keyed=True)
        return keys

    def _pair_field(self, obj: dict[str, Any]) -> tuple[list[str], str]:
        """A name/value pair's keys that name its field, which are structure (their values scanned as
        text, never masked for their key: {"name": "lastname"} is no person's name), and what its field's
        name says its value holds ("" if nothing); ([], "") for an object that is no pair. An object is
        a pair when it holds a value's key (_PAIR_VALUE_KEYS, or the one its type names: _keyed_by_its_type)
        beside a key naming its field, whose name is a field's: its words say what it holds ("lastname", "Achternaam"), it is an identifier
        ("field_7"), or it is one lower-case word, no given name, and the value's key says it is a pair
        ({"name": "company", "value": …}). A name beside a value is a person's: {"name": "Jan Peeters",
        "value": 42} is a chart's point, {"name": "Quendt", "value": "adult"} a guest's (fail closed)."""
        if _PAIR_VALUE_KEYS.isdisjoint(obj) and not _keyed_by_its_type(obj):
            return [], ""
        keys, names = _field_names(obj)
        if not keys:
            return [], ""
        # a field's name or label says what it holds as a form's does, a special category's too ({"label": "Godsdienst",
        # "value": "islam"}: review 35 F2), which a payload's own key does not (rules/fields.yaml fields_only)
        field = next((meaning for name in names if (meaning := self.policy.key_meaning(name)
                                                    or self.policy.fields.choice_meaning("", name))), "")
        if not field and any(isinstance(obj[key], dict) for key in keys) and all(map(_names_no_question, names)):
            # a form's answer whose field is named by an id alone (Typeform's {"field": {"id": "x1", "ref": "q1"}}):
            # nothing says what the visitor answered, masked whole (fail closed; review 28 F8); a ref in words
            # ("favoriete_kleur") is the form's question, read as the site's, and its answer read as text
            return keys, FORM_VALUE
        if field or any(isinstance(obj[key], dict) for key in keys) or all(
                identifier_shaped(name, self.policy.key_meaning) or (
                    _LOWER_WORD.fullmatch(name) and not is_given_name(name) and not _PAIR_ONLY_KEYS.isdisjoint(obj))
                for name in names):
            return keys, field
        return [], ""

    def _named_arguments(self, values: list[Any]) -> dict[int, str]:
        """The meanings a list's field names give the value after each (console.log("lastName", v), Formik's
        setFieldValue("achternaam", v) printed), by index: a field's name as an argument says what the next one is,
        as it would as a key ({"lastName": v}). Not a value that names a field too, nor in a list of names only
        (["firstName", "lastName", "email"]: a form's or a table's columns). Linear: each item read twice."""
        if len(values) < 2 or (len(values) >= _NAMES_ONLY and all(
                isinstance(v, str) and _FIELD_NAME_ARGUMENT.fullmatch(v) for v in values)
                and len({v[0].isupper() for v in values}) == 1):
            return {}
        key_meaning, named = self.policy.key_meaning, {}
        for i in range(1, len(values)):
            name, value = values[i - 1], values[i]
            if isinstance(name, str) and _FIELD_NAME_ARGUMENT.fullmatch(name) and isinstance(value, (str, int, float)) \
                    and not isinstance(value, bool) and (meaning := key_meaning(name, value)) \
                    and not (isinstance(value, str) and key_meaning(value, None)):
                named[i] = meaning
        return named

    def _scan_payload(self, container: Any, keys: Any, keyed: bool = False) -> None:
        """Every key and every string at any depth is scanned (URLs as URLs); every value under
        a secret-looking key (rules/secret_keys.yaml) is masked whole, numbers included, and so is
        every value under a key that names what it holds as a field's name would ({"$set":
        {"name": …}}, {"first_name": …}: rules/fields.yaml), or under a validation error's value key
        when its path names such a field ({"path": "mieter.rijksregisternummer", "input": …}: rules/fields.yaml
        field_reports); long numbers are scanned as digits.
        keys: the keys of container to walk. keyed: those keys are a payload's own too (a key
        rrweb's format does not define, _scan_rest): scanned as keys, and their values take their
        meaning, as the keys of any object below."""
        secret_key, key_meaning, typed_key, field_report = (
            self.policy.structure.is_secret_key, self.policy.key_meaning, self.policy.typed_text_key,
            self.policy.field_report)
        report_names, report_values = self.policy.fields.report_names, self.policy.fields.report_values
        numbered, matching = self.policy.fields.numbers_a_form_field, self.policy.fields.matching_meanings
        # (holder, key, meaning, typed, report: the validation error the value is in, or None)
        stack: list[tuple[Any, Any, str, bool, tuple[str, bool] | None]] = []

        def enter(value: dict, keys: Any, meaning: str, typed: bool, k: Any, around: tuple[str, bool] | None,
                  element: dict | None = None) -> None:
            """The keys of an object (k: the key it is under) onto the stack, each scanned as a key. around:
            the validation error it is in, whose value it may hold too (Joi's {"context": {"value"}}). element:
            the element whose attributes the object is ({"tagName", "attributes": value}), or None."""
            thing = _is_thing(value)
            if (formatted := format_arguments(value)) is not None:  # {"message": "Klant: %s", "params": [v]}
                self.filled_templates.append(FilledTemplateSlot(*formatted, "content.template"))
            # a validation error ({path, input}), or a form library's action on a field ({meta: {field}, payload})
            action = value.get(_ACTION_META) if _ACTION_PAYLOAD in value else None
            acted_on = field_report(action) if isinstance(action, dict) else None
            acted = acted_on is not None
            report = field_report(value) or acted_on or around
            structure, field = self._pair_field(value)
            matched = matching(value)  # {"fn": …, "ln": …, "db": …}: an ad network's matching keys
            entry = _is_form_entry(value)  # Gravity Forms' {"1.3": …, "1.6": …, "4": …}: each numbered key a field's
            if element is None and any(isinstance(key, str) and key.startswith(_ELEMENT_ATTRIBUTE) for key in value):
                element = {key[len(_ELEMENT_ATTRIBUTE):]: v for key, v in value.items()
                           if isinstance(key, str) and key.startswith(_ELEMENT_ATTRIBUTE) and isinstance(v, str)}
            for key in keys:
                if isinstance(key, str):
                    self._scan_key(value, key)
                    reported = report is not None and (key in report_values or (acted and key == _ACTION_PAYLOAD))
                    own = key_meaning(key, value[key]) or matched.get(key, "") or (
                        # a number alone under a word for a form's fields ({"fields": {"3": …}}) as "fields[3]" is
                        FORM_VALUE if key.isdigit() and isinstance(k, str) and numbered(f"{k} {key}") else "") or (
                        FORM_VALUE if entry and (key.isdigit() or _INPUT_ID.fullmatch(key)) else "")
                    if meaning == "SECRET" or secret_key(key) or key == NOT_THE_SDKS_KEY:
                        inner = "SECRET"  # (an SDK's key holding none of its words: formats/peer.py words_view)
                    elif key == IDENTITY_KEY:
                        inner = PSEUDONYM
                    elif key in structure:
                        inner = ""  # a field's name ("lastname", "Achternaam"): structure, scanned as text
                    elif element is not None and (value is element or key.startswith(_ELEMENT_ATTRIBUTE)):
                        # an element's attribute (name="naam"): scanned as the page's attributes are; its value
                        # holds what the element's attributes say the field holds
                        attribute = key if value is element else key[len(_ELEMENT_ATTRIBUTE):]
                        inner = self.policy.attributes_meaning(element) if attribute == "value" else \
                            self._data_meaning(attribute, value[key])  # data-first="Lotte", as on the page
                    elif key == "name" and _ERROR_KEYS.issubset(value) and _PROGRAM_CLASS.fullmatch(str(value[key])):
                        inner = meaning if meaning == PSEUDONYM else ""  # a serialized error's class ("Error")
                    elif thing:
                        inner = meaning if meaning == PSEUDONYM else own if own and not _names_itself(key) else ""
                    elif reported and report[0]:
                        inner = report[0]
                    elif own and _names_itself(key) and identifier_shaped(value[key], key_meaning):
                        inner = ""  # {"name": "ValidationError"}: an error's class, no person
                    elif field and not own and key.lower() not in _KIND_KEYS and not _ID_KEY.search(key):
                        inner = field  # a pair's value: what its field's name says ({"name": "lastname", "value"})
                    elif meaning == PSEUDONYM and _ID_KEY.search(key):
                        inner = meaning  # a person's id, long or not ({"user": {"id": …}}): its pseudonym, as person_view's
                    else:
                        inner = own or ("" if key.lower() in _KIND_KEYS else meaning)
                    # the value of a field the visitor writes text in: read as that text ({"path": ["opmerking"]})
                    stack.append((value, key, inner, typed_key(key, typed, value[key]) or key == TYPED_TEXT_KEY
                                  or (reported and report[1]), report))

        if keyed:
            enter(container, keys, "", False, None, None)
        else:
            stack.extend((container, k, "", False, None) for k in keys)
        while stack:
            holder, k, meaning, typed, report = stack.pop()  # typed: under a key that says the visitor wrote it
            value = holder[k]
            if isinstance(value, dict):
                enter(value, list(value), meaning, typed, k, report,
                      value if k == "attributes" and _is_element(holder) else None)
            elif isinstance(value, list):
                if template_with_arguments(value):  # a console call's arguments: ("lastName: %s", v), ("nom:", v)
                    self.filled_templates.append(FilledTemplateSlot(
                        value[0], [Cell(value, i) for i in range(1, len(value))], "content.template"))
                elif table_rows(value):  # [["Jan", "Peeters", "Gent"], …]: each row read as one line
                    self.filled_templates.append(TableRowsSlot(value, "content.table-rows"))
                named = self._named_arguments(value)
                stack.extend((value, i, named.get(i) or meaning, typed, report) for i in range(len(value)))
            elif meaning and value not in (None, "", True, False) and (
                    meaning == "SECRET" or not (isinstance(value, str) and looks_like_url(value))) and not (
                    meaning == "SECRET" and isinstance(value, str) and value.strip().lower() in _FLAG_VALUES):
                # (a flag under a secret's key is structure: {"session_id_hint": "none"}, {"has_password": "true"})
                # (a URL under a "name" key is a resource's: the network plugin's request names)
                whole = value if isinstance(value, str) else str(value)
                pseudonymised = meaning in (PSEUDONYM, PERSON_ID)
                if meaning != "SECRET" and isinstance(value, str) and not pseudonymised and isinstance(k, str) \
                        and not key_meaning(k, value):
                    # a person's key's meaning taken by a key of its own that says nothing ({"holder": {"ticket":
                    # "Friday Day Ticket"}}): remembered unless the site wrote it (_remember_composed)
                    self.inherited_values.append((whole, meaning))
                elif meaning == PERSON_ID and _ONE_PLAIN_WORD.fullmatch(whole):
                    pass  # {"account": "premium"}, {"user": "Anonymous"}: the site's word as often, not remembered
                elif meaning != "SECRET" and isinstance(value, str):
                    self.taint_value(whole, "PERSON" if pseudonymised else meaning)
                elif isinstance(value, str) and echoed_secret(value) and not (isinstance(k, str) and _ID_KEY.search(k)):
                    # (not an id under a key that says so: a client's session's, "$session_id")
                    self.taint_value(whole, "SECRET")
                holder[k] = self.masker.pseudonym(whole) if pseudonymised else self.masker.whole(whole, meaning)
                self.remarks.append(Remark("payload.secret-key" if meaning == "SECRET" else "payload.key." + meaning.lower(),
                                           meaning, "mask"))
            elif isinstance(value, str) and isinstance(k, str) and ID_SHAPED.match(value) and (
                    _ID_KEY.search(k) or _repeats_an_id(holder, value)):
                # an id under a key that says so (a trace's, a replay's), or one its object holds under such a
                # key (Sentry's breadcrumb of an event it sent: the event's id as its message): no token
                continue
            elif (digits := _number_alone(value)) is not None and phone_without_plus(digits):
                # an international phone number alone, its '+' left out ({"msg": "32478998877"}, a console
                # argument, [32478998877]): a value is one value, so no word beside it can say what it is
                # as one in a text would (rules/recognizers.yaml phone_international_no_plus): its shape says.
                # A number is written as the masked string, as NumberCell's: no number can say it was
                # masked, and any digits in its place would read as a real value
                holder[k] = self.masker.whole(digits, "PHONE_NUMBER")
                self.taint_value(digits, "PHONE_NUMBER")
                self.remarks.append(Remark("payload.phone-without-plus", "PHONE_NUMBER", "mask"))
            elif isinstance(value, str) and len(value) < _MIN_TAINT:
                if other_script_runs(value):  # "王伟": a name in two letters, too short for the detectors
                    self._mask_other_scripts(Cell(holder, k))
            elif isinstance(value, str):
                cell = Cell(holder, k)
                # a validation error's path to a field it knows ("/klant/achternaam") is its fields' names, no
                # page's address, whose segments after "/klant/" are a person's handle ("/klant/jorindev77")
                path = report is not None and k in report_names and (report[0] != "" or report[1])
                if slugs := selector_person_slugs(value):
                    # an element named by a person's slug in a selector ("#profile-ruben-de-smedt", a click's
                    # "div.author-ruben-de-smedt > a"): masked as the DOM's same id or class is; the rest read below
                    cell.set(value := self.masker.spans(value, [(start, end, "PERSON") for start, end in slugs]))
                    self.remarks.extend(Remark("payload.selector", "PERSON", "span") for _ in slugs)
                if looks_like_url(value) and not path:  # never loaded by a replay: a page's address ($current_url)
                    # a link built from a field's value; a data: URL's document (an export's JSON) read as its words
                    self._url_echo(url_slot(cell, None, self, page=True, names=payload_names if typed else None))
                elif user_agent_shaped(value):  # posthog-js's $raw_user_agent: its versions are no IP addresses
                    self.slots.append(UserAgentSlot(cell, None, "content.user-agent"))
                    self._echo(cell)
                else:  # what the visitor wrote (a survey's answer): names read from their shape, as in a textarea;
                    # an element's path under such a key (a click breadcrumb's message) holds the page's attributes
                    written = typed and not element_path(value)
                    names = payload_names if written else other_script_runs
                    quoted = report is not None and report[0] and not path
                    if quoted:  # "'Verhaeghe' is too long"
                        names = QuotedValues(report[0], names, self.policy.key_meaning)
                    # a URL inside the text ("GET /klant/lottevb77 404") by a link's rules: a handle no detector reads;
                    # a validation error's path to a field is the form's names, no address
                    if not path and (urled := urls_in_text(value, self)) != value:
                        cell.set(urled)
                    # a name read by its shape where the visitor writes is masked there, and remembered unless the
                    # site wrote those words (finish): a request's plain-text body (TYPED_TEXT_KEY) is composed by
                    # the app from its fields and its own words, and the keys that hold what a visitor wrote hold a
                    # server's lines too ({"berichten": [{"van": "Kamerverhuur Domstad", "tekst": "… van Studio
                    # Lombok …"}]}: held-out peers round 12, whose heading and product were masked everywhere after)
                    # (words in a script other than the site's are masked in every payload's value, and not
                    # remembered: _mask_other_scripts)
                    slot = TextSlot(cell, None, "content.event", names, taint_shapes=False)
                    self.slots.append(slot)
                    if written:
                        self.composed_slots.append(slot)
                    elif not quoted:
                        self.site_slots.append(slot)
                    self._echo(cell)
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= _LONG_NUMBER and (
                    isinstance(value, int) or value.is_integer()):
                self.slots.append(TextSlot(NumberCell(holder, k), None, "content.event"))

    # -- 2. detect: what to ask ---------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.policy.config.pii.resolve_language(self.mirror.lang)

    def requests(self) -> list[str]:
        """The texts to send to the detector; one too long to scan is masked whole instead
        (fail closed): NLP on a megabyte of text costs seconds, nobody types that much. So is
        every text past the batch's budget (limits.scan_texts distinct texts, limits.scan_chars
        characters), in event order: a batch costs the detector a bounded time."""
        # a template filled with its arguments resolves after the arguments' own slots: what it masks stays masked
        self.slots.extend(self.filled_templates)
        self.filled_templates.clear()
        texts = [text for slot in self.slots for text in slot.texts]
        budget = self.limits
        seen: set[str] = set()  # a repeated text costs nothing more
        chars = 0
        self._scanned = []
        for i, text in enumerate(texts):
            if len(text) > MAX_SCANNED:
                continue
            if text not in seen:
                if len(seen) >= budget.scan_texts or chars + len(text) > budget.scan_chars:
                    self._budget_spent = self._budget_spent or (
                        "scan_texts" if len(seen) >= budget.scan_texts else "scan_chars")
                    continue
                seen.add(text)
                chars += len(text)
            self._scanned.append(i)
        self._texts = texts
        self._scanned_texts, self._scanned_chars = len(seen), chars
        return [texts[i] for i in self._scanned]

    # -- 3. finish ----------------------------------------------------------------------------
    def finish(self, events: list[Event], found: list[list[Span]]) -> Redaction:
        """found: the detector's spans for requests(), in order."""
        spans = found
        if len(found) != len(self._texts):
            spans = [[Span(0, len(text), TOO_LONG_TO_SCAN if len(text) > MAX_SCANNED else OVER_SCAN_BUDGET, 1.0, UNREAD)]
                     for text in self._texts]
            for i, spans_of_text in zip(self._scanned, found):
                spans[i] = spans_of_text
        position, secret_key = 0, self.policy.structure.is_secret_key
        for slot in self.slots:
            count = len(slot.texts)
            found_here = spans[position:position + count]
            for i, text in enumerate(slot.texts):  # credentials by their shape or their key, wherever they are read
                if not unread(found_here[i]):
                    found_here[i] = with_shaped(found_here[i], self.read(credential_spans, text, slot.token_runs)
                                                + self.read(secret_pair_spans, text, secret_key))
            slot.resolve(found_here, self)
            position += count
        self._mask_open_lines()
        self._remember_composed()
        self._mask_copies()
        self._mask_typed_pieces()
        self._mask_typed_numbers()
        self._mask_typed_characters()
        self._mask_typed_ends()
        for value, entity in self.whole_values.values():
            self.taint_value(value, entity, typed=True)
            self._taint_earlier_keystrokes(value, entity)
        self._mask_taint()
        self._mask_canvas_redraws()
        for css in self.css_texts:
            css.write()
        for nid, name, cell, raw in self.structure_cells:  # the mirror saves them: never as they were, once masked
            if nid is not None and cell.get() != raw:
                self.mirror.set_attributes(nid, {name: cell.get()}, self.policy)
        rename_keys(self.key_cells)
        self._carry_typed_ends()
        unscanned = sum(1 for text in self._texts if len(text) <= MAX_SCANNED) - len(self._scanned)
        return Redaction(events, self.remarks, self.dropped, self._scanned_texts, self._scanned_chars, unscanned,
                         self._budget_spent)

    def _mask_open_lines(self) -> None:
        """A page that writes one line piece by piece (a chat's streamed reply, a toast a framework fills as its parts
        resolve) may cut it between two batches: the next batch shows the piece after the cut alone, and the mirror
        keeps no text (review 28 F5: "… au nom de Sinan " then "Nsimba."). A text a mutation appended at the end of
        its element that ends with a space after a value masked there or a value's start (a name, a number's groups,
        a street: content.streamed_line_end) has that start masked (fail closed: the next piece may complete it) and its
        node flagged LINE_OPEN, a flag, never the text; the text a later batch appends right after it has its
        leading name- or number-shaped words masked. Linear: each appended text is read once."""
        table = self.mirror.table
        for nid in self.appended_texts:
            cell, text, slot = self.text_cells.get(nid), self.node_texts.get(nid), table.slot(nid)
            if cell is None or text is None or slot == NONE or not isinstance(shown := cell.get(), str):
                continue
            ranges = []
            if self.mirror.continues_open_line(nid) and (lead := _LEADING_VALUE.match(text)) and lead.end(1):
                ranges.append((lead.start(1), lead.end(1), "LINE_CONTINUED"))
            if table.next[slot] == NONE and text[-1:].isspace() and text.strip():
                ends = [r for r in self.read(streamed_line_end, text) if r[1] > r[0]]
                if ends or _masked_at_end(text, shown) or (ranges and not text[ranges[0][1]:].strip()):
                    ranges.extend(ends)
                    self.mirror.open_line(nid)
            if ranges:
                cell.set(self.masker.spans(shown, ranges) if len(shown) == len(text)
                         else self.masker.text(shown, ranges[0][2]))
                self.remarks.extend(Remark("content.open_line", entity, "span", nid)
                                    for entity in dict.fromkeys(e for _, _, e in ranges))

    def _remember_composed(self) -> None:
        """A name read by its shape in a text the app composed (a plain-text body: "naam;e-mail;product") or
        under a payload's key that holds what a visitor writes (a survey's answer, a message) is masked there and
        remembered for the session (fail closed: a replay that masks its inputs in the browser leaves the body the
        only place the name is seen), unless the site wrote those words: what reads as a name in a short text of
        its own (a product's name in the page, a payload's value) that no detector found personal, in this batch
        or before (the mirror's site_names). Such keys hold the site's lines as well: a server's answer listing
        its messages ({"tekst": "… de bezichtiging van Studio Lombok …"}), a breadcrumb's "message". And so is
        a value masked for its parent's key (inherited_values)."""
        site_names, hasher = self.mirror.site_names, self.taint_hasher
        for slot in self.site_slots:
            text = slot.texts[0]
            if site_names.saturated:
                break
            # nothing found in it, and two capitalised words at least (most texts have not: name_runs skipped)
            if len(text) <= _SITE_TEXT and slot.cell.get() == text and len(_CAPITALISED_WORD.findall(text)) >= 2:
                for span in self.read(name_runs, text):
                    if site_names.add(text[span.start:span.end], hasher):
                        self.mirror.dirty = True
        for slot in self.composed_slots:
            text = slot.texts[0]
            for span in slot.shaped:
                if not site_names.contains(text[span.start:span.end], hasher):
                    self.taint_value(text[span.start:span.end], span.entity)
        # a value a person's key holds under a key of its own that says nothing is masked with the person's (fail
        # closed), but the site's product there ({"holder": {"name": …, "ticket": "Friday Day Ticket"}}: held-out
        # peers round 16, whose assistant's answer named the buyer's ticket) remembered as a name masked its every
        # "ticket" after ("****** claimed", the product in the page)
        for value, entity in self.inherited_values:
            if not site_names.contains(value, hasher):
                self.taint_value(value, entity)

    def _mask_copies(self) -> None:
        """A page that shows a field's value live as it is typed (a preview, a component's
        reflected input) writes each half-typed value, which the detector alone cannot tell from a
        word. Where text or an attribute a script wrote still holds a value typed in this batch,
        that value is masked as its keystroke was, in any case: a card drawn live shows the
        holder's name in capitals ("GURBE HET" as "Gurbe Het" is typed). A copy may hold several: a
        live draft shows every field typed so far (the national number typed first, then the address
        being typed: "…, rijksregisternummer 74.04.03-137.94, wonende te Pontdr.")."""
        if not self.typed or not self.copies:
            return
        # a field's keystrokes share their first characters: a copy is searched for the values
        # of a field only when it holds their start
        # each start -> its values, longest first, lower-cased once, and minus their lengths (ascending:
        # bisected for the values no longer than a copy; lower() never shortens a text)
        by_start: dict[str, tuple[list[int], list[tuple[str, str]]]] = {}
        for typed in sorted(self.typed, key=len, reverse=True)[:_MAX_COPY_VALUES]:
            lengths, values = by_start.setdefault(typed[:_MIN_COPY].lower(), ([], []))
            lengths.append(-len(typed))
            values.append((typed, typed.lower()))
        goes_on = _keystrokes_going_on([values for _, values in by_start.values()])
        searched = 0  # characters compared: each search in a copy costs the copy's length
        for cell, raw in self.copies:
            if not isinstance(cell.get(), str) or not isinstance(raw, str):
                continue
            found: list[str] = [raw] if raw in self.typed else []
            if not found and searched < _MAX_COPY_SEARCH:
                folded = raw.lower()
                searched += len(raw)
                held: list[str] = []  # the values found, lower-cased: a value inside one of them is not looked for
                for start, (lengths, values) in by_start.items():
                    if searched >= _MAX_COPY_SEARCH:
                        break
                    searched += len(folded)
                    if start not in folded:
                        continue
                    for typed, folded_typed in values[bisect_left(lengths, -len(folded)):]:
                        if searched >= _MAX_COPY_SEARCH:
                            break
                        if any(folded_typed in value for value in held):  # a shorter keystroke of a value found
                            continue
                        searched += len(folded)
                        if folded_typed in folded and _copy_pattern(typed, goes_on.get(typed, "")).search(folded):
                            found.append(typed)
                            held.append(folded_typed)
            for value in found:
                self._mask_copy(cell, raw, value, goes_on.get(value, ""))
        self._mask_encoded_copies()

    def _mask_encoded_copies(self) -> None:
        """A page that draws what is typed into a URL writes it percent-encoded (a signature drawn into an SVG
        data: URL by encodeURIComponent: "M.%20Ogu" while "M. Ogu" is typed, held-out round 29), where no copy
        holds the value as typed (_mask_copies): a value typed and masked in this batch is masked there in its
        encoded forms too (encodeURIComponent's, a form's with "+"), as it was masked in its field. Bounded as
        _mask_copies: each search costs the copy's length, all of them _MAX_COPY_SEARCH."""
        forms: list[tuple[str, str]] = []  # a typed value's encoded form (other than itself) → its masked value
        for value in sorted(self.typed, key=len, reverse=True)[:_MAX_COPY_VALUES]:
            masked = self.typed[value].get()
            if len(value) >= _MIN_COPY and isinstance(masked, str) and masked != value:
                for encode in (_uri_component, quote_plus):
                    if (encoded := encode(value)) != value:
                        forms.append((encoded, encode(masked)))
        searched = 0
        for cell, raw in self.copies if forms else ():
            current = cell.get()
            if not isinstance(current, str) or not isinstance(raw, str) or "%" not in raw:
                continue
            for encoded, masked in forms:
                if searched >= _MAX_COPY_SEARCH:
                    return
                searched += len(current)
                if encoded in current:
                    current = current.replace(encoded, masked)
                    cell.set(current)
                    self.remarks.append(Remark("session.typed_copy", "ECHO", "mask"))

    def _mask_copy(self, cell: Cell, raw: str, value: str, goes_on: str = "") -> None:
        """Masks a value typed in this batch where a copy (cell, as it came: raw) shows it (goes_on: _copy_pattern's)."""
        current = cell.get()
        shown = _copy_pattern(value, goes_on)
        # the detector may have masked a part of the copy already (a name beside a number still being
        # typed: "Commode — pour ma tante ********* ****, +33 6 12 4"), which then no longer holds the
        # value: it is found where it stood as the page wrote it, and its masking laid over the copy
        in_place = len(current) == len(raw) and current != raw
        if not shown.search(raw if in_place else current):
            return
        if value == raw and (entity := self.whole_typed.get(value)) and (item := self.items.get(id(cell.container))):
            # a new element that shows what is being typed into a field masked whole, and a few
            # words beside it, is a suggestion for that field: an address autocomplete's item
            # ("<b>7 Hent K</b>erlaouen", "22820 Plougrescant"), whatever list it is in
            for other in item:
                other.set(self.masker.text(other.get(), entity))
            self.remarks.append(Remark("session.typed_suggestion", entity, "mask"))
            return
        masked = self.typed[value].get()
        if masked != value:
            def as_typed(text: str) -> str:
                return shown.sub(lambda copy: _masked_as(copy.group(0), value, masked), text)

            laid = as_typed(raw) if in_place else None
            if laid is not None and len(laid) == len(current):  # what either masked is masked
                cell.set("".join(was if now == first else now for was, now, first in zip(current, laid, raw)))
            else:
                cell.set(as_typed(current))
            self.remarks.append(Remark("session.typed_copy", "ECHO", "mask"))

    def _mask_typed_pieces(self) -> None:
        """A page that draws a piece of what is being typed (a spell-check mirror that renders the word
        being typed as a new <span> at each keystroke: "Jean-P", its title "Unbekanntes Wort: Jean-P")
        writes a word of the field's value, never the value: no copy holds a typed value (_mask_copies).
        A word of 3 characters or more of a text or an attribute a script wrote in this batch that
        stands in the last value a field took in it where that value was masked is masked too.
        Bounded: each search costs the value's length, all of them _MAX_COPY_SEARCH."""
        if not self.copies:
            return
        typed: list[tuple[str, str]] = []  # a field's last value in this batch, and as it is stored
        for key, slot in self.series.items():
            if isinstance(key, int) and slot.values and isinstance(slot.values[-1], str):
                value, masked = slot.values[-1], slot.cells[-1].get()
                if isinstance(masked, str) and masked != value:
                    typed.append((value, masked if len(masked) == len(value) else "\0" * len(value)))
        typed += [(value, "\0" * len(value)) for value, _ in self.whole_values.values() if len(value) >= _PIECE_VALUE]
        if not typed:
            return
        # a page shows what is typed in another case too ("ÑÚÑEZ ECHEV, José" while "José Ñúñez Echev" is typed)
        typed = [(_lower_same_length(value), value, masked) for value, masked in typed]
        searched = 0
        for cell, raw, current in self._copies_in_place():
            ranges = []
            for word in _PIECE.finditer(raw):
                # a sentence's full stop or a closing quote after the word is no part of it ("… gaat naar Etterb."
                # while "Etterbeek" is typed)
                piece = _lower_same_length(word.group().rstrip(_PIECE_TRAILING))
                if len(piece) < _PIECE_MIN:
                    continue
                for folded, value, masked in typed:
                    if searched >= _MAX_COPY_SEARCH:
                        break
                    searched += len(value)
                    if any(masked[at:at + len(piece)] != value[at:at + len(piece)]
                           for at in _piece_places(folded, piece)):
                        ranges.append((word.start(), word.start() + len(piece), "ECHO"))
                        break
            if ranges:
                cell.set(self.masker.spans(current, ranges))
                self.remarks.append(Remark("session.typed_piece", "ECHO", "span"))

    def _mask_typed_characters(self) -> None:
        """A page that writes what is typed one keystroke at a time (a name badge that grows by insertAdjacentText,
        a preview that puts each letter in a <span> of its own) adds a text holding only what the keystroke added:
        no copy holds a value or a word of it (_mask_copies, _mask_typed_pieces), yet the replay shows the name
        whole, letter beside letter (held-out round 27: "Bram Opdebeeck" in fourteen text nodes, one a letter). A
        text or an attribute a script wrote in this batch that is, whole, the last character or two of a value a
        field took in this batch where that end was masked, is masked too (a space is no one's data). Linear: one
        set of ends, one look-up a copy."""
        if not self.copies:
            return
        ends: set[str] = set()
        for value in self.whole_typed:
            ends.update((value[-1:], value[-_PIECE_MIN + 1:]))
        for key, slot in self.series.items():
            if isinstance(key, int):
                for value, cell in zip(slot.values, slot.cells):
                    masked = cell.get()
                    if isinstance(value, str) and isinstance(masked, str) and value and masked[-1:] != value[-1:]:
                        ends.update((value[-1:], value[-_PIECE_MIN + 1:]))
        if not ends:
            return
        for cell, raw, current in self._copies_in_place():
            if raw == current and raw.strip() and len(raw) < _PIECE_MIN and raw in ends:
                cell.set(self.masker.spans(current, [(0, len(raw), "ECHO")]))
                self.remarks.append(Remark("session.typed_character", "ECHO", "span"))

    def _mask_typed_ends(self) -> None:
        """A field's last value in a batch may be cut as it was being typed, its end masked whatever it is (a chat's
        answer "Ysoline", a number): the next batch may show it settled where the page's script writes it (the chat's
        bubble, a tag chip, a summary) and hold no keystroke of it, so no copy of this batch's values finds it
        (_mask_copies, _mask_typed_pieces). The last word masked there, if it can be someone's (typed alone in a
        free-text box, a given name, a number: _carry_typed_ends), is kept as a keyed digest for the next
        TYPED_END_BATCHES batches, and masked where a script writes it, unless the field went on from that value (its
        first value in this batch grows it: read there as any value is). Linear: a digest a word of each copy."""
        ends = self.mirror.typed_ends
        if not ends:
            return
        words: set[str] = set()
        for nid, (length, digest, word, _) in list(ends.items()):
            slot = self.series.get(nid)
            first = slot.values[0] if slot is not None and slot.values else None
            if isinstance(first, str) and len(first) > length and self._digest(first[:length], _TYPED_END) == digest:
                self.mirror.drop_typed_end(nid)
            else:
                words.add(word)
        self.mirror.age_typed_ends()
        for cell, raw, current in self._copies_in_place() if words else ():
            ranges = []
            for shown in _PIECE.finditer(raw):
                piece = shown.group().rstrip(_PIECE_TRAILING)
                if len(piece) >= _PIECE_MIN and self._digest(piece.casefold(), _TYPED_END) in words:
                    ranges.append((shown.start(), shown.start() + len(piece), "ECHO"))
            if ranges:
                cell.set(self.masker.spans(current, ranges))
                self.remarks.append(Remark("session.typed_end", "ECHO", "span"))

    def _carry_typed_ends(self) -> None:
        """Keeps what _mask_typed_ends looks for in the next batches: of each field's last value in this batch whose
        last word was masked as it may have been cut there (nothing after it: a settled word was read as any is), that
        word if it can be someone's: typed alone in a free-text box (a chat's answer to "Hoe heet u?": "Ysoline"; not in
        a one-line box, where a filter's "Parasols" typed last is the site's product, shown back in its list), a given
        name, a number of _NUMBER_DIGITS digits or more; as a keyed digest, with the value's length and digest (to tell
        the field going on from it)."""
        for key, slot in self.series.items():
            if not isinstance(key, int) or slot.search or not slot.values or not isinstance(slot.values[-1], str):
                continue
            value, masked = slot.values[-1], slot.cells[-1].get()
            if not isinstance(masked, str) or masked == value or value[-1:].isspace():
                continue
            last = None
            for last in _PIECE.finditer(value):
                pass
            if last is None or value[last.end():].strip():
                continue
            piece = last.group().rstrip(_PIECE_TRAILING)
            start = last.start()
            if len(masked) == len(value) and masked[start:start + len(piece)] == piece:
                continue
            node = self.mirror.nodes.get(slot.node)
            alone = slot.entry == TYPED and start == 0 and (node is None or node.tag in ("textarea", "", None))
            if len(piece) >= _PIECE_MIN and (alone or is_given_name(piece)
                                             or len(_DIGIT.findall(piece)) >= _NUMBER_DIGITS):
                self.mirror.carry_typed_end(key, len(value), self._digest(value, _TYPED_END),
                                            self._digest(piece.casefold(), _TYPED_END))

    def _copies_in_place(self) -> Iterator[tuple[Cell, str, str]]:
        """The copies a script wrote whose text is still where it came (masking so far kept its length): (cell,
        text as written, text now), for the passes that mask ranges found in the written text."""
        for cell, raw in self.copies:
            current = cell.get()
            if isinstance(current, str) and isinstance(raw, str) and len(current) == len(raw):
                yield cell, raw, current

    def _mask_typed_numbers(self) -> None:
        """A page that shows a number being typed in another form writes neither the value nor a word of it
        (_mask_copies, _mask_typed_pieces): its E.164 form in microdata or a tel: link ("0496/58.1" typed,
        "+32496581" written, the country's code for the trunk's zero), its groups written otherwise ("0496 58 1").
        A group of digits of a text or an attribute a script wrote in this batch is masked where its digits hold a
        number typed and masked in this batch, without its leading zeros, or stand in it: _NUMBER_DIGITS digits or
        more of either. Bounded: each comparison costs the two numbers' lengths, all of them _MAX_COPY_SEARCH."""
        if not self.copies:
            return
        numbers = []  # the digits of each number typed in this batch and masked
        for value, cell in self.typed.items():
            digits = "".join(_DIGIT.findall(value))
            if len(digits) >= _NUMBER_DIGITS and cell.get() != value:
                numbers.append((digits, digits.lstrip("0")))
        if not numbers:
            return
        searched = 0
        for cell, raw, current in self._copies_in_place():
            ranges = []
            for group in _DIGIT_GROUP.finditer(raw):
                shown = "".join(_DIGIT.findall(group.group()))
                if len(shown) < _NUMBER_DIGITS:
                    continue
                for digits, significant in numbers:
                    if searched >= _MAX_COPY_SEARCH:
                        break
                    searched += len(shown) + len(digits)
                    if shown in digits or (len(significant) >= _NUMBER_DIGITS and significant in shown):
                        ranges.append((group.start(), group.end(), "ECHO"))
                        break
            if ranges:
                cell.set(self.masker.spans(current, ranges))
                self.remarks.append(Remark("session.typed_number", "ECHO", "span"))

    def _mask_canvas_redraws(self) -> None:
        """A label a page draws again at every keystroke is drawn once per keystroke, and rrweb sends a canvas's
        drawings at the next animation frame: on a busy machine one frame holds the drawings of several keystrokes
        ("Tel. +48 60", "Tel. +48 601"), and a batch that ends before that frame leaves them all to the next batch,
        where no keystroke of theirs is (_mask_copies) and only the last is tainted (a field's last value): "Tel. +48
        60" was stored beside "Tel. *** ***" (held-out round 9 under load). As a field's keystrokes are (a prefix of
        a value masked where the value is), a text drawn on a canvas is masked wherever another text drawn on it in
        this batch that starts with the same characters up to there was masked. Linear after a sort: in sorted order
        the texts that share a start are neighbours, and a pass each way carries every masked position along them."""
        for drawn in self.canvas_texts.values():
            texts = sorted((raw, index) for index, (_, raw) in enumerate(drawn))
            masked = [_masked_positions(raw, drawn[index][0].get()) for raw, index in texts]
            changed = [False] * len(texts)
            for order in (range(1, len(texts)), range(len(texts) - 2, -1, -1)):
                for at in order:
                    before = at - 1 if order.step > 0 else at + 1
                    shared = len(os.path.commonprefix((texts[before][0], texts[at][0])))
                    for position in range(shared):
                        if masked[before][position] and not masked[at][position]:
                            masked[at][position] = changed[at] = True
            for (raw, index), positions, more in zip(texts, masked, changed):
                cell = drawn[index][0]
                current = cell.get()
                if more and isinstance(current, str) and len(current) == len(raw):
                    cell.set(self.masker.spans(current, [(at, at + 1, "ECHO") for at, on in enumerate(positions) if on]))
                    self.remarks.append(Remark("session.canvas_redraw", "ECHO", "span"))

    def _taint_earlier_keystrokes(self, value: str, entity: str) -> None:
        """A number's last value in a field this batch, masked whole, taints its keystrokes before it too, from
        _EARLIER_KEYSTROKE characters on: a page may draw a value a frame after its keystroke (rrweb's canvas recording
        flushes a label's fillText on the next animation frame), and a batch that ends after a keystroke leaves the
        drawings of the last ones to the next batch, which may hold no keystroke of the field ("Tel. +48 601 " stored,
        "Tel. +48 601 7" masked: held-out round 9). A number only: a word's starts are other words too."""
        if sum(c.isdigit() for c in value) < _NUMBER_DIGITS:
            return
        for end in range(_EARLIER_KEYSTROKE, len(value)):
            # a start that ends a group of digits the value goes on after ("+48 601" of "+48 601 7"): a start cut
            # inside a group is read in the value's other groupings too ("250269" of a chip number typed as one word
            # would mask the site's "250 269 clients")
            if value[end - 1].isdigit() and not value[end].isdigit():
                self.taint_value(value[:end], entity, typed=True)

    def taint_value(self, value: str, entity: str, typed: bool = False) -> None:
        """A value found to be PII: remembered for the session (as keyed hashes, redactor/taint.py),
        to mask its echoes. typed: a value of a field (what the visitor typed or a script filled in), not
        one found in a page's text (where an e-mail is as often the site's own, naming the site)."""
        if entity == FILE_NAME:  # the browser's "C:\\fakepath\\CV_Jan.pdf": pages show the name alone
            value = re.split(r"[\\/]", value)[-1]
        value = value.strip()
        if len(value) < _MIN_TAINT or not value.strip("*"):
            return
        if entity == "POSTAL_ADDRESS" and _says_only_a_street_kind(value):
            return
        taint, hasher = self.mirror.taint, self.taint_hasher
        if taint.took_before(f"{entity}\0{typed:d}\0{value}", hasher):  # everything below adds nothing again
            return
        changed = taint.add(value, hasher)
        # a value of several lines is shown line by line too (an envelope or a label draws an address typed over
        # two lines one <div> a line: "1040 ETTERBEEK" alone), and a line that is not the first opens no run of it
        lines = [line.strip() for line in value.splitlines()] if "\n" in value else []
        for line in lines:
            if len(line) >= _MIN_TAINT:
                changed |= taint.add(line, hasher)
        # a name's words are told back alone ("Merci, Amélie"), and a typed address's street; an address
        # found in a page's text is as often the site's own, whose street names its brand ("Fietsverhuur
        # Scheldekaai" beside "aan de Scheldekaai 14"): tainted whole only, as an e-mail's domain is. Of a
        # name's value, only the words shaped as a name's: a cell masked whole for its label may say more
        # than the name ("Jens Wiesemann (IdNr. 73 …)": "IdNr" is the form's word, in its labels too), and not its
        # first word that greets, thanks or titles ("Merci Stylianos !" read whole as a person: remembered, "Merci"
        # masked the visitor's every thanks after it, held-out round 26). Of an address's, not the street's kind
        # ("Avenue", "Rue"): every address label says it
        if entity == "PERSON" or (entity == "POSTAL_ADDRESS" and typed):
            for index, word in enumerate(_TAINT_WORD.findall(value)):
                if word[0].isupper() and (is_name_word(word) and not (
                        index == 0 and is_name_opener(word) and len(value.split()) > 1)
                        if entity == "PERSON" else not is_street_kind(word)):
                    changed |= taint.add(word, hasher)
        if entity == "PERSON" and typed:  # its head: the surname may still have been being typed (Taint.add_name_head)
            changed |= taint.add_name_head(value, hasher)
        if entity == "PERSON":  # and its surname with the particles it was typed after, which say whose it is
            for surname in _SURNAME_WITH_PARTICLES.finditer(value):
                if is_name_word(surname["surname"]):
                    changed |= taint.add(surname.group(), hasher)
        if entity == "EMAIL_ADDRESS" and "@" in value:
            # the page greets the visitor by the address's local part ("Welkom terug, quenouillere77!",
            # "Ingelogd als ysaure.quenouillere"), or by one of its parts; not by a plus-tag alone
            # ("jan+shop@…"): chosen to name the shop, it is the site's word, whose host it would mask
            local, domain = value.rsplit("@", 1)
            # as mistyped: a space around the "@", "@@", a quoted local part ('"griet verhaeghe"@…')
            local, domain = local.rstrip("@ ").strip('"'), domain.strip()
            mailbox = local.partition("+")[0]
            for part in {local, mailbox, *re.split(r"[._\s-]", mailbox)}:
                if len(part) >= _EMAIL_PART_MIN and part.casefold() not in _ROLE_MAILBOXES:
                    changed |= taint.add(part, hasher)
            # a work or a family address's domain names its owner too: a signature under
            # "…@studiolegale-oltrarno.it" reads "Studio Legale Oltrarno" (not the top-level domain); only
            # of a field's value: the site's own address in its text would have its brand masked
            domain_parts = {p for label in domain.split(".")[:-1] for p in (label, *label.split("-"))} if typed else ()
            for part in domain_parts:
                if len(part) >= _EMAIL_DOMAIN_PART_MIN and part.casefold() not in _MAIL_PROVIDERS:
                    changed |= taint.add(part, hasher)
        if entity == "PERSON":
            for initials in _initials(value):
                changed |= taint.add(initials, hasher)
        if entity == "PHONE_NUMBER":
            for form in _phone_forms(value):
                changed |= taint.add(form, hasher)
        if entity == "DATE_OF_BIRTH":
            for form in _date_forms(value):
                changed |= taint.add_spelling(form, hasher)
        if changed:
            self.mirror.dirty = True  # saved with the batch: the taint survives a restart

    def taint_statement(self, text: str, span: Span) -> None:
        """A statement a visitor typed of her health or belief ("Ik ben zwanger van 20 weken"): remembered as what it
        says after its first words (Taint.add_statement), so that a chat widget's bubble echoing it is masked (review
        31 F2). Not its words alone: "zwanger" is a pharmacy's own word, whose every mention they would mask."""
        said = said_statement(text, span)
        if said is not None and self.mirror.taint.add_statement(*said, self.taint_hasher):
            self.mirror.dirty = True  # saved with the batch: the taint survives a restart

    def parameter_meaning(self, name: str, value: str | None = None) -> str:
        return self.policy.parameter_meaning(name, value)

    def search_parameter(self, name: str) -> bool:
        return self.policy.fields.is_search("input", {"name": name})

    def typed_parameter(self, name: str) -> bool:
        return self.policy.typed_text_key(name, False, None)

    def thing_parameter(self, name: str) -> bool:
        return self.policy.fields.names_a_thing(name)

    def read(self, rule: Callable[..., list], text: str, *args: Any) -> list:
        key = (rule, text, *args)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = _rule_answer(rule, text, *args)
        return list(found)

    def taint_spans(self, text: str, spans: list[Span], typed: bool = False) -> None:
        for span in spans:
            # masked unread: nothing was found; a place's name read as a person's: masked there alone; and so is a
            # run a product word ends, read as a person's where a visitor names what they order ("graag 6 Julius
            # Blond"): remembered, its words would mask the site's every "Lucifer Blond" (review 17 F10)
            value = text[span.start:span.end]
            if span.recognizer == SAID:  # a state of health or a belief a visitor typed: its statement, not its word
                if typed:
                    self.taint_statement(text, span)
                continue
            if span.entity not in (TOO_LONG_TO_SCAN, OVER_SCAN_BUDGET) and span.recognizer != UNREMEMBERED \
                    and not (span.entity == "PERSON" and ends_in_a_product_word(value)):
                self.taint_value(value, span.entity, typed)

    def _mask_taint(self) -> None:
        """Masks the echoes of tainted values: linear in each text (redactor/taint.py). A
        saturated taint cannot tell echoes any more: every text it looks at is masked whole."""
        taint = self.mirror.taint
        if not taint:
            return
        if not taint.saturated:  # (saturated: each text is masked whole below)
            ranges = functools.partial(taint.ranges, hasher=self.taint_hasher)
            for slot in self.url_echoes:
                if slot.mask_echoes(ranges, self.masker):
                    self.remarks.append(Remark("session.taint", "ECHO", "span", slot.node))
            for encoded in self.slots:  # a form-encoded body in a text: its pairs are read decoded too
                if isinstance(encoded, TextSlot) and encoded.encoded_pairs and encoded.mask_echoes(ranges, self.masker):
                    self.remarks.append(Remark("session.taint", "ECHO", "span", encoded.node))
        for cell, raw, classes in self.echo_cells:
            text = cell.get()
            if not isinstance(text, str) or len(text) < _MIN_TAINT:
                continue
            if taint.saturated:
                cell.set(self.masker.text(text, "TAINT"))
                self.remarks.append(Remark("limit.taint_values", "ECHO", "mask"))
                continue
            # read as it came: a value detection masked in part ("Gospertstr. 118, 4700 Eupen" → its street and
            # town) is an echo of a tainted value whole, the postcode between them too. Where masking kept the
            # text's length, the ranges found in it stand in the text as masked; else they are looked for there.
            read = raw if isinstance(raw, str) and raw != text and len(raw) == len(text) else text
            ranges = (past_class_prefixes(read, taint.found(read, self.taint_hasher)) if classes
                      else taint.ranges(read, self.taint_hasher))
            if ranges:
                cell.set(self.masker.spans(text, [(start, end, "TAINT") for start, end in ranges]))
                self.remarks.append(Remark("session.taint", "ECHO", "span"))
        if not taint.saturated:
            self._mask_line_echoes()
        if not taint.saturated:  # a field's keystrokes: an echo found in a value masks its start in those before it
            ranges = functools.partial(taint.ranges, hasher=self.taint_hasher)
            for series in self.series.values():
                if series.mask_echoes(ranges, self.masker):
                    self.remarks.append(Remark("session.taint", "ECHO", "span", series.node))

    def _mask_line_echoes(self) -> None:
        """An echo cut across the texts of a line (a card's number typed in its field, shown back a group per
        <span>; a name half in a <mark>) is no echo in any one of them: each line of short texts (_read_lines) is
        read whole, and an echo found across its texts masks its part in each. One found inside one text was
        masked there already (_mask_taint). Linear: a line is bounded (_CONTEXT_CHARS, _CONTEXT_NODES)."""
        taint, hasher = self.mirror.taint, self.taint_hasher
        for line in self.lines:
            text = "".join(piece for _, _, piece in line)
            # the values alone, not the handles around them: a handle grown across texts glued in the line would
            # take the next element's words ("<span>Zorbalie Quendt</span><span>Frans B1</span>": "QuendtFrans")
            ranges = list(taint.found(text, hasher)) if len(text) >= _MIN_TAINT else []
            offset = 0
            for nid, at, piece in line:
                end = offset + len(piece)
                parts = [(at + max(start, offset) - offset, at + min(stop, end) - offset, "TAINT")
                         for start, stop in ranges if start < end and stop > offset and not offset <= start < stop <= end]
                offset = end
                cell, whole = self.text_cells.get(nid), self.node_texts.get(nid, "")
                if not parts or cell is None or not isinstance(shown := cell.get(), str):
                    continue
                # masked in place where masking kept the text's length; else (a label, a fixed mask) whole
                cell.set(self.masker.spans(shown, parts) if len(shown) == len(whole)
                         else self.masker.text(shown, "TAINT"))
                self.remarks.append(Remark("session.taint", "ECHO", "span", nid))
            self._mask_completion(line)

    def _mask_completion(self, line: list[tuple[int, int, str]]) -> None:
        """A field's suggestions bold what the visitor typed in each ("<b>Kerkst</b>raat 12a", "Gent, België"): the
        typed part, an echo, is masked in its own text, and the word it opens runs on in the next text with the rest
        of the suggestion, her street and number once picked (review 27 F13). A text that is an echo whole and ends
        inside a word the text right after its inline element goes on with has the line after it masked. Linear: the
        line is bounded."""
        taint, hasher = self.mirror.taint, self.taint_hasher
        for i in range(len(line) - 1):
            piece, following = line[i][2], line[i + 1][2]
            if not (piece[-1:].isalpha() and following[:1].isalpha()) or len(echo := piece.lstrip()) < _MIN_TAINT:
                continue
            # the typed part highlighted: in an inline element of its own, the word's rest a text right beside that
            # element (not in an element of its own: "<span>Opdebeeck</span><span>Kantoor Mechelen</span>" are two)
            highlight, highlight_tag = self.mirror.parent(line[i][0])
            if highlight_tag not in _INLINE_TAGS or highlight is None \
                    or self.mirror.parent(line[i + 1][0])[0] != self.mirror.parent(highlight)[0] \
                    or (0, len(echo)) not in taint.found(echo, hasher):
                continue
            for nid, _, _ in line[i + 1:]:
                if (cell := self.text_cells.get(nid)) is not None and isinstance(shown := cell.get(), str):
                    cell.set(self.masker.text(shown, "TAINT"))
                    self.remarks.append(Remark("session.taint.completion", "ECHO", "mask", nid))
            return


#: the words a piece of a line opens with that may complete a value an earlier piece began: capitalised words (a
#: surname, a street's or a town's name) or groups of digits and capitals (a phone's, an account's, a house number)
_LEADING_VALUE = regex.compile(r"[^\S\n]*((?:\p{Lu}[\p{L}'’-]*|[\p{Lu}\d]*\d[\p{Lu}\d]*)"
                               r"(?:[^\S\n]{1,3}(?:\p{Lu}[\p{L}'’-]*|[\p{Lu}\d]*\d[\p{Lu}\d]*))*)")


def _masked_at_end(text: str, shown: str) -> bool:
    """Whether masking changed a text's last character that is no space: it ended in a value."""
    return shown.rstrip()[-1:] != text.rstrip()[-1:]


def _line_end(pieces: list[tuple[int, str]], chars: int, backwards: bool) -> list[tuple[int, int, str]]:
    """The pieces of a line next to a text (_line_pieces) cut to the `chars` characters nearest to it: (node, where
    the piece starts in its text, the piece). A long text beside a short one is read as far as the short one's
    line is, not whole once for each short text beside it."""
    kept: list[tuple[int, int, str]] = []
    for nid, text in (reversed(pieces) if backwards else pieces):
        if chars <= 0:
            break
        at = max(0, len(text) - chars) if backwards else 0
        kept.append((nid, at, text[at:at + chars]))
        chars -= len(kept[-1][2])
    return kept[::-1] if backwards else kept


#: answers of the rules read() runs kept per process: a page's texts come again in every snapshot, batch and
#: visitor of its site (a known page), and a rule's answer depends on its text and arguments alone (the
#: site's answers among them are its policy's methods: Policy.label_meaning)
_RULE_ANSWERS = 8192


@short_lru_cache(_RULE_ANSWERS)  # short texts only: a long one is read again, as each is once a batch
def _rule_answer(rule: Callable[..., list], text: str, *args: Any) -> list:
    return rule(text, *args)


def forget_rule_answers() -> None:
    """Forget the rules' answers kept in this process: a page as it stands before its first visitor (benches)."""
    _rule_answer.cache_clear()  # type: ignore[attr-defined]

# ---------------------------------------------------------------------------------------------
def _copy_pattern(value: str, goes_on: str = "") -> re.Pattern[str]:
    """Where a copy shows a value typed: in any case, not glued to more digits before it where it starts with one, nor
    after it to more of its kind (digits after a digit, letters after a letter) unless they are the rest of the word as
    its field went on in the batch (goes_on: what its longest value typed there adds): "090", a phone's first
    keystrokes going on with "-", is no copy of it in "DSW-2026-0907", whose digits say another number (held-out peers
    round 24: the reference in the confirmation lost its "090"); "zonne" and "zonn", a search's keystrokes going on to
    "zonnebrand", are none in "Zonnecrème" (peers round 29 lost its product's "Zonne" whenever the typing and the
    confirmation came in one batch). Each keystroke shown is found as itself. The batch's last keystroke of a field
    (goes_on "") may be glued to more: the page may draw a keystroke the batch's events do not hold yet (a preview on a
    timer, a canvas label drawn on the next frame: "Plaat XQ-48213" while the input events end at "XQ-4821"). A number
    written otherwise is _mask_typed_numbers' to find."""
    before = "(?<!\\d)" if value[:1].isdigit() else ""
    after = ""
    if goes_on and (value[-1:].isdigit() or value[-1:].isalpha()):
        kind = "\\d" if value[-1:].isdigit() else "[^\\W\\d_]"
        rest = re.match(kind + "*", goes_on)
        word = rest.group() if rest is not None else ""
        after = f"(?!(?!{re.escape(word)}(?!{kind})){kind})" if word else f"(?!{kind})"
    return re.compile(before + re.escape(value) + after, re.IGNORECASE)


def _masked_positions(raw: str, current: Any) -> list[bool]:
    """Which characters of a text, as it came (raw), its masking changed; all of them when it changed its length (a
    mask operator that writes a label or a hash, masked whole): no position says where the value stood then."""
    if isinstance(current, str) and len(current) == len(raw):
        return [now != was for now, was in zip(current, raw)]
    return [current != raw] * len(raw)


def _keystrokes_going_on(groups: list[list[tuple[str, str]]]) -> dict[str, str]:
    """For each value typed (groups: values sharing their first characters, longest first), what the longest value
    starting with it adds, or "" when none does (the batch's last keystroke of its field). Quadratic in a group's size,
    which _MAX_COPY_VALUES bounds."""
    going_on: dict[str, str] = {}
    for values in groups:
        for n, (value, _) in enumerate(values):
            longer = next((other for other, _ in values[:n] if len(other) > len(value) and other.startswith(value)), "")
            going_on[value] = longer[len(value):]
    return going_on


def _uri_component(text: str) -> str:
    """text as JavaScript's encodeURIComponent writes it."""
    return quote(text, safe="-_.!~*'()")


def _masked_as(copy: str, value: str, masked: str) -> str:
    """A copy of a typed value masked where the value was masked, in its own letters elsewhere
    ("BEL ME OP ** ****" for "Bel me op ** ****"); masked whole when the lengths differ. The spaces around the
    value are the page's words' too: a value typed with the space after it ("Brandstätter ", masked whole in its
    field) stands in "Die Familie Brandstätter freut sich", whose words its masked space would glue."""
    if len(copy) != len(value) or len(masked) != len(value):
        return masked
    start, end = len(value) - len(value.lstrip()), len(value.rstrip())
    return "".join(mask if mask != typed and start <= i < end else shown
                   for i, (shown, typed, mask) in enumerate(zip(copy, value, masked)))


def _nodes_beyond(snapshot: Event, limit: int) -> bool:
    """Whether a FullSnapshot serializes more than `limit` nodes (counting stops past it)."""
    data = snapshot.get("data")
    stack = [data.get("node")] if isinstance(data, dict) else []
    count = 0
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        count += 1
        if count > limit:
            return True
        children = node.get("childNodes")
        if isinstance(children, list):
            stack.extend(children)
    return False


#: what a redaction asks of the detector: the distinct texts it needs spans of, and their language
Ask = tuple[list[str], str]
#: a redaction written as steps: it yields an Ask (once, if it has texts), is sent their spans and
#: returns its result. Steps are driven on a redaction thread by drive(), inline by run_steps().
Steps = Generator[Ask, list[list[Span]], T]


def redaction_steps(events: list[Any], policy: Policy, mirror: DomMirror, masker: Masker,
                    meta: dict[str, Any] | None = None, limits: BatchLimits = BatchLimits(),
                    around: Pass | None = None) -> Steps[Redaction]:
    """One batch redacted in place (and the strings of its metadata): the walk, one Ask for all
    its texts, the finish; `around` prepares the events before and finishes after."""
    work = BatchRedaction(policy, mirror, masker, limits)
    kept = work.walk(around.prepare(events) if around is not None else events, meta)
    texts = work.requests()
    distinct = list(dict.fromkeys(texts))  # the detector (and the loop) see each text once
    found = (yield distinct, work.language) if distinct else []
    by_text = dict(zip(distinct, found))
    redaction = work.finish(kept, [list(by_text[text]) for text in texts])
    redaction = around.finish(redaction) if around is not None else redaction
    mirror.rest()
    return redaction


_START = object()


def together(all_steps: list[Steps[T]]) -> Steps[list[T]]:
    """Many redactions as one (the sessions of one PostHog batch): each walked to its Ask, one Ask
    of all their distinct texts (per language), each finished with its own answers."""
    results: list[Any] = [None] * len(all_steps)
    asks: dict[int, Ask] = {}

    def advance(index: int, answer: Any = _START) -> None:
        try:
            steps = all_steps[index]
            asks[index] = next(steps) if answer is _START else steps.send(answer)
        except StopIteration as done:
            results[index] = done.value

    for index in range(len(all_steps)):
        advance(index)
    while asks:
        language = next(iter(asks.values()))[1]
        waiting = {index: asks.pop(index)[0] for index, (_, lang) in list(asks.items()) if lang == language}
        distinct = list(dict.fromkeys(text for texts in waiting.values() for text in texts))
        found = dict(zip(distinct, (yield distinct, language)))
        for index, texts in waiting.items():
            advance(index, [found[text] for text in texts])
    return results


async def drive(steps: Steps[T], run: Run, analyze: Analyze, known: Known = nothing_known) -> T:
    """Runs the steps with `run` (a redaction thread's: RedactionThreads.runner), answering their
    Asks from `known` there: a batch whose texts this process knows goes off the loop and back
    once. An Ask `known` cannot answer goes back to the loop for `analyze` (Redis, a detector's
    process), with what `known` found of it, and the steps go on on a thread again."""
    def advance(answer: Any = _START) -> tuple[bool, Any]:
        try:
            ask = next(steps) if answer is _START else steps.send(answer)
            while isinstance(found := known(*ask), list):
                ask = steps.send(found)
        except StopIteration as done:
            return True, done.value
        return False, (ask, found)

    finished, value = await run(advance)
    while not finished:
        ask, lookup = value
        answer = await (analyze(*ask) if lookup is None else analyze(*ask, lookup=lookup))
        finished, value = await run(advance, answer)
    return value


def run_steps(steps: Steps[T], analyze: AnalyzeSync) -> T:
    """Runs the steps here, answering their Asks with `analyze` (scrub, benches, tests)."""
    try:
        ask = next(steps)
        while True:
            ask = steps.send(analyze(*ask))
    except StopIteration as done:
        return done.value


async def redact_batch(events: list[Any], policy: Policy, mirror: DomMirror, masker: Masker,
                       analyze: Analyze, meta: dict[str, Any] | None = None,
                       limits: BatchLimits = BatchLimits(), run: Run = inline, known: Known = nothing_known,
                       around: Pass | None = None) -> Redaction:
    """redaction_steps driven off the event loop when `run` is a redaction thread's (by default
    inline): a big batch never holds the loop."""
    return await drive(redaction_steps(events, policy, mirror, masker, meta, limits, around), run, analyze, known)


def redact_batch_sync(events: list[Any], policy: Policy, mirror: DomMirror, masker: Masker,
                      analyze: AnalyzeSync, meta: dict[str, Any] | None = None,
                      limits: BatchLimits = BatchLimits(), around: Pass | None = None) -> Redaction:
    return run_steps(redaction_steps(events, policy, mirror, masker, meta, limits, around), analyze)
