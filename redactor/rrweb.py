"""The rrweb event model: the numbers rrweb puts on the wire, and small typed accessors.

Only what the redactor reads is modelled; events stay plain dicts (orjson output) so that
what we do not touch passes through untouched and cheaply.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Any

Event = dict[str, Any]


class EventType(IntEnum):
    DOM_CONTENT_LOADED = 0
    LOAD = 1
    FULL_SNAPSHOT = 2
    INCREMENTAL_SNAPSHOT = 3
    META = 4
    CUSTOM = 5
    PLUGIN = 6


class IncrementalSource(IntEnum):
    MUTATION = 0
    MOUSE_MOVE = 1
    MOUSE_INTERACTION = 2
    SCROLL = 3
    VIEWPORT_RESIZE = 4
    INPUT = 5
    TOUCH_MOVE = 6
    MEDIA_INTERACTION = 7
    STYLE_SHEET_RULE = 8
    CANVAS_MUTATION = 9
    FONT = 10
    LOG = 11
    DRAG = 12
    STYLE_DECLARATION = 13
    SELECTION = 14
    ADOPTED_STYLE_SHEET = 15
    CUSTOM_ELEMENT = 16


class NodeType(IntEnum):
    DOCUMENT = 0
    DOCUMENT_TYPE = 1
    ELEMENT = 2
    TEXT = 3
    CDATA = 4
    COMMENT = 5


#: Sources that carry no text and target at most a node id: kept, blocked node or not (a replay needs
#: the visitor's moves), except those that show the node (redact.SHOWING_SOURCES: scrolling, media).
POSITIONAL_SOURCES = frozenset({
    IncrementalSource.MOUSE_MOVE, IncrementalSource.MOUSE_INTERACTION, IncrementalSource.SCROLL,
    IncrementalSource.VIEWPORT_RESIZE, IncrementalSource.TOUCH_MOVE, IncrementalSource.MEDIA_INTERACTION,
    IncrementalSource.DRAG, IncrementalSource.SELECTION,
})
#: CSS travels in these: never scanned or changed (scanning CSS breaks replays).
STYLE_SOURCES = frozenset({
    IncrementalSource.STYLE_SHEET_RULE, IncrementalSource.STYLE_DECLARATION,
    IncrementalSource.ADOPTED_STYLE_SHEET, IncrementalSource.FONT,
})
#: Elements whose text children are code, not words. A <style>'s is kept but its strings (redactor/css.py);
#: a <script>'s is never stored: rrweb records it as SCRIPT_PLACEHOLDER (rrweb-snapshot's serializeTextNode)
#: and replays a script as a <noscript>, but a text change (characterData) on it is recorded as it came, and
#: a page keeps data in scripts (a JSON state, an ld+json, a template greeting the visitor): any other text
#: a script holds becomes the placeholder. Not <noscript>: with scripts on, its content is text (markup
#: shown when scripts are off), and a server puts the signed-in visitor there too ("Ingelogd als …").
CODE_ELEMENTS = frozenset({"style", "script"})
SCRIPT_PLACEHOLDER = "SCRIPT_PLACEHOLDER"


class BadEvent(ValueError):
    """An event that does not have the shape rrweb gives it."""


def event_type(event: Any) -> int:
    if not isinstance(event, dict):
        raise BadEvent("each event must be a JSON object")
    kind = event.get("type")
    if not isinstance(kind, int) or isinstance(kind, bool):
        raise BadEvent("each event needs an integer 'type'")
    if kind in (EventType.FULL_SNAPSHOT, EventType.INCREMENTAL_SNAPSHOT, EventType.META) and not isinstance(
        event.get("data"), dict
    ):
        raise BadEvent(f"an event of type {kind} needs a 'data' object")
    if kind == EventType.FULL_SNAPSHOT and not isinstance(event["data"].get("node"), dict):
        raise BadEvent("a FullSnapshot needs a 'data.node' object")
    return kind


def source_of(data: dict[str, Any]) -> int | None:
    """The IncrementalSource of an incremental event's data."""
    source = data.get("source")
    return source if isinstance(source, int) and not isinstance(source, bool) else None


def node_id(value: Any) -> int | None:
    """A node id as rrweb sends it, or None when the field is missing or not an integer."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# -- rrweb's format: the keys each object defines (@rrweb/types 2.x, rrweb-snapshot 2.x) ---------------
# What the walk keeps as it came is this short list; any other key an object holds (a recorder fork's,
# a script's, a hostile client's) is scanned as a payload (redact.BatchRedaction._scan_rest), its key too.
# posthog-js marks the events whose fields it gzips with `cv` (formats/posthog.py): structure.
EVENT_KEYS = ("type", "data", "timestamp", "delay", "cv")
#: the keys every serialized node may hold, and those of each kind (serializedNodeWithId)
_ANY_NODE = frozenset({"id", "type", "rootId", "isShadowHost", "isShadow"})
NODE_KEYS: dict[int, frozenset[str]] = {
    NodeType.DOCUMENT: _ANY_NODE | {"childNodes", "compatMode"},
    NodeType.DOCUMENT_TYPE: _ANY_NODE | {"name", "publicId", "systemId"},
    NodeType.ELEMENT: _ANY_NODE | {"tagName", "attributes", "childNodes", "isSVG", "needBlock", "isCustom"},
    NodeType.TEXT: _ANY_NODE | {"textContent", "isStyle"},
    NodeType.CDATA: _ANY_NODE | {"textContent"},
    NodeType.COMMENT: _ANY_NODE | {"textContent"},
}
#: a node of a kind rrweb does not have: what it may hold to be walked, nothing more
OTHER_NODE_KEYS = _ANY_NODE | {"childNodes"}


#: the keys of rrweb's format whose values are text (a node's tag, an input's value, CSS, a log's level), and
#: those whose values the walk reads on its own (a node, its attributes and children, a payload, a canvas's
#: commands): every other key it defines holds numbers or flags (ids, positions, sizes, times, booleans)
TEXT_KEYS = frozenset({"cv", "href", "tag", "plugin", "text", "value", "replace", "replaceSync", "rule", "property",
                       "family", "fontSource", "level", "priority", "compatMode", "name", "publicId", "systemId",
                       "tagName", "textContent"})
OPEN_KEYS = frozenset({"data", "node", "attributes", "childNodes", "payload", "commands", "args", "trace",
                       "descriptors", "define"})
PLAIN_NAME = re.compile(r"[A-Za-z][\w:-]{0,63}\Z")
#: the console methods rrweb's console plugin records (its LogLevel): a log event's level
CONSOLE_LEVELS = ("assert", "clear", "count", "countReset", "debug", "dir", "dirxml", "error", "group", "groupCollapsed",
                  "groupEnd", "info", "log", "table", "time", "timeEnd", "timeLog", "trace", "warn")
#: of the text keys, those whose values are names the browser or the recorder gives, with the names each
#: holds there: document.compatMode (rrweb-snapshot writes only "BackCompat"), a doctype's name and ids (empty
#: in an HTML5 page, about:legacy-compat), rrweb's own plugins' names ("rrweb/console@1", "rrweb/network@1",
#: which posthog-js records too; another's is masked: a replay has no plugin for it anyway),
#: a console method, posthog-js's compression version, a tag (HTML's, SVG's, any custom element's): one of
#: those is kept as it came (written_name)
NAMES_WRITTEN: dict[str, re.Pattern[str]] = {
    "compatMode": re.compile(r"BackCompat|CSS1Compat"),
    "name": re.compile(r"html|svg|math", re.IGNORECASE),
    "publicId": re.compile(r""),
    "systemId": re.compile(r"|about:legacy-compat"),
    "plugin": re.compile(r"rrweb/[a-z][a-z-]{0,40}@\d{1,4}"),
    "level": re.compile("|".join(CONSOLE_LEVELS)),
    "cv": re.compile(r"\d{4}-\d{2}"),
    "tagName": PLAIN_NAME,
}
NAME_KEYS = frozenset(NAMES_WRITTEN)
#: what else a name's key may hold that is text of its kind, scanned as a payload's strings are: an older
#: doctype's formal public identifier ("-//W3C//DTD XHTML 1.0 Strict//EN") and its DTD's address, a tag
#: that is no plain name (a fork's: the replay cannot build it anyway)
NAMES_SCANNED: dict[str, re.Pattern[str]] = {
    "publicId": re.compile(r"[-+]//.*", re.DOTALL),
    "systemId": re.compile(r"(?:https?|ftp|file)://.*|[^\s:]*\.dtd", re.DOTALL | re.IGNORECASE),
    "tagName": re.compile(r".*", re.DOTALL),
}
#: what written_name says of a value under a name's key
KEPT, SCANNED, MASKED = "kept", "scanned", "masked"


def written_name(key: str, value: Any) -> str:
    """Whether a value under a key rrweb's format gives a name (NAME_KEYS) is one it writes there (KEPT),
    text of that kind to scan (SCANNED), or neither: a fork's or a hostile client's, where anything
    may stand ("compatMode": an IBAN, a doctype's "tel:…", a plugin named as a person), masked whole."""
    if type(value) is not str:
        return MASKED
    if NAMES_WRITTEN[key].fullmatch(value):
        return KEPT
    scanned = NAMES_SCANNED.get(key)
    return SCANNED if scanned is not None and scanned.fullmatch(value) else MASKED


#: what a key of rrweb's format holds (value_kinds), and the types that need no second look for each
NUMBERS, TEXT, NAME = 0, 1, 2
FITTING_TYPES = (frozenset({int, float, bool, type(None)}), frozenset({str, type(None)}), frozenset())


def value_kinds(keys: frozenset[str]) -> dict[str, int]:
    """Of keys rrweb's format defines, what each holds: numbers or flags, text, or a name (the keys of
    OPEN_KEYS, whose values the walk reads on its own, left out)."""
    return {key: NAME if key in NAME_KEYS else TEXT if key in TEXT_KEYS else NUMBERS
            for key in keys if key not in OPEN_KEYS}


def is_number_or_flag(value: Any) -> bool:
    """What rrweb puts under a key that holds numbers or flags: a number, a boolean, null, or a list of
    numbers (a style rule's nested index, adopted style sheets' ids)."""
    kind = type(value)
    return kind in _SCALARS or value is None or (kind is list and all(type(v) in _SCALARS for v in value))


_SCALARS = frozenset({int, float, bool})
#: the types of the values a JSON text decodes to
JSON_TYPES = frozenset({dict, list, str, int, float, bool, type(None)})


def fitting_types(keys: frozenset[str], kinds: dict[str, int]) -> dict[str, frozenset[type]]:
    """For each key an object's shape defines (keys), the types its value takes without a second look: its kind's
    (kinds: FITTING_TYPES; none for a name's key), any JSON value's for a key the walk reads on its own. An object
    holding only those keys, each with such a type, gives _scan_beyond and _as_typed nothing to do."""
    return {key: FITTING_TYPES[kinds[key]] if key in kinds else JSON_TYPES for key in keys}
#: what each key of a node of each kind holds (ids, isSVG: numbers or flags; tagName, a doctype's: names; text)
NODE_KINDS: dict[int, dict[str, int]] = {kind: value_kinds(keys) for kind, keys in NODE_KEYS.items()}
OTHER_NODE_KINDS = value_kinds(OTHER_NODE_KEYS)
#: the same as fitting_types, but a tag's name: a string there needs no second look when it is a plain name
#: (PLAIN_NAME, as written_name keeps it), which the walk checks beside (redact._redact_tree)
NODE_FITS: dict[int, dict[str, frozenset[type]]] = {
    kind: {**fitting_types(keys, NODE_KINDS[kind]), **({"tagName": frozenset({str})} if "tagName" in keys else {})}
    for kind, keys in NODE_KEYS.items()}
OTHER_NODE_FITS = fitting_types(OTHER_NODE_KEYS, OTHER_NODE_KINDS)


class Shape:
    """The keys an rrweb object defines, the shapes of the objects some of them hold (an object, or a
    list of objects), and what each of its other keys holds (kinds: value_kinds)."""

    __slots__ = ("keys", "inner", "kinds", "fits")

    def __init__(self, *keys: str, **inner: Shape):
        self.keys = frozenset(keys) | frozenset(inner)
        self.inner = inner
        self.kinds = value_kinds(frozenset(keys))
        self.fits = fitting_types(self.keys, self.kinds)


_POSITIONS = Shape("source", positions=Shape("x", "y", "id", "timeOffset"))
_STYLE_RULE = Shape("rule", "index")
EVENT_SHAPE = Shape(*EVENT_KEYS)
#: the data of each event type, then of each incremental source (by the number rrweb puts on the wire)
DATA_SHAPES: dict[int, Shape] = {
    EventType.DOM_CONTENT_LOADED: Shape(),
    EventType.LOAD: Shape(),
    EventType.FULL_SNAPSHOT: Shape("node", initialOffset=Shape("top", "left")),
    EventType.META: Shape("href", "width", "height"),
    EventType.CUSTOM: Shape("tag", "payload"),
    EventType.PLUGIN: Shape("plugin", "payload"),
}
SOURCE_SHAPES: dict[int, Shape] = {
    IncrementalSource.MUTATION: Shape(
        "source", "isAttachIframe", adds=Shape("parentId", "previousId", "nextId", "node"),
        removes=Shape("parentId", "id", "isShadow"), texts=Shape("id", "value"),
        attributes=Shape("id", "attributes")),
    IncrementalSource.MOUSE_MOVE: _POSITIONS,
    IncrementalSource.TOUCH_MOVE: _POSITIONS,
    IncrementalSource.DRAG: _POSITIONS,
    IncrementalSource.MOUSE_INTERACTION: Shape("source", "type", "id", "x", "y", "pointerType"),
    IncrementalSource.SCROLL: Shape("source", "id", "x", "y"),
    IncrementalSource.VIEWPORT_RESIZE: Shape("source", "width", "height"),
    IncrementalSource.INPUT: Shape("source", "id", "text", "isChecked", "userTriggered"),
    IncrementalSource.MEDIA_INTERACTION: Shape("source", "type", "id", "currentTime", "volume", "muted", "loop",
                                               "playbackRate"),
    IncrementalSource.STYLE_SHEET_RULE: Shape("source", "id", "styleId", "replace", "replaceSync",
                                              adds=_STYLE_RULE, removes=Shape("index")),
    IncrementalSource.CANVAS_MUTATION: Shape("source", "id", "type", "commands", "property", "args", "setter"),
    IncrementalSource.FONT: Shape("source", "family", "fontSource", "buffer", "descriptors"),
    IncrementalSource.LOG: Shape("source", "level", "trace", "payload"),
    IncrementalSource.STYLE_DECLARATION: Shape("source", "id", "styleId", "index",
                                               set=Shape("property", "value", "priority"), remove=Shape("property")),
    IncrementalSource.SELECTION: Shape("source", ranges=Shape("start", "startOffset", "end", "endOffset")),
    IncrementalSource.ADOPTED_STYLE_SHEET: Shape("source", "id", "styleIds",
                                                 styles=Shape("styleId", rules=_STYLE_RULE)),
    IncrementalSource.CUSTOM_ELEMENT: Shape("source", "define"),
}
