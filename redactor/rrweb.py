"""The rrweb event model: the numbers rrweb puts on the wire, and small typed accessors.

Only what the redactor reads is modelled; events stay plain dicts (orjson output) so that
what we do not touch passes through untouched and cheaply.
"""

from __future__ import annotations

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
#: Elements whose text children are code, not words: never scanned or changed. Not <noscript>: with
#: scripts on, its content is text (markup shown when scripts are off), and a server puts the signed-in
#: visitor there too ("Ingelogd als …").
CODE_ELEMENTS = frozenset({"style", "script"})


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
