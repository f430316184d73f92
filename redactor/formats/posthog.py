"""PostHog's capture formats, as posthog-js sends them to /s/ (recordings), /e/ and /i/v0/e/
(analytics events).

Framing of a body (checked in this order, as PostHog's capture does):
- raw gzip (fflate, mtime 0), whatever the Content-Type says (posthog-js sends text/plain):
  detected by its magic bytes;
- form data `data=<base64 of the JSON>` (`?compression=base64`, used by beacons);
- plain JSON.
The JSON is an array of events, or `{"api_key", "batch": [...], "sent_at"}`, or one event.

A `$snapshot` event carries rrweb events in `properties.$snapshot_data`; its `$session_id` and
`$window_id` (a tab) pick the session mirror. Since `cv: "2024-10"` posthog-js gzips some
fields of an rrweb event into latin-1 strings (one character per byte): a FullSnapshot's
`data`, a Mutation's `texts`, `attributes`, `removes` and `adds`, a StyleSheetRule's `adds` and
`removes`. They are inflated for redaction; a field redaction did not change gets its original
string back, a changed one is gzipped again. The body is framed
again the way it came; a body nothing changed in is forwarded as received — when its bytes are
provably what was parsed (formats/peer.py exact: no duplicate key, no second gzip member, no form
field but `data`), else encoded again from the parsed value.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote

from redactor.formats.peer import (GZIP_MAGIC, GZIP_WBITS, IDENTITY_KEY, NOT_THE_SDKS_KEY, Budget, Shape, dumps, exact,
                                   gzip_bytes, ident, kept_in, language_tag, loads, nested, number, one_of,
                                   person_view, plain_container, scan_view, session_id, session_key, time_zone,
                                   timestamp, version, words_view, write_back)
from redactor.formats.packed import unpack_events
from redactor.formats.rrweb_batch import BatchError, Group
from redactor.rrweb import EventType

PER_FIELD_VERSION = "2024-10"
MUTATION, STYLE_SHEET_RULE = 0, 8
MUTATION_FIELDS = ("texts", "attributes", "removes", "adds")
STYLE_FIELDS = ("adds", "removes")
SNAPSHOT_EVENTS = frozenset({"$snapshot"})
#: a project's API key (posthog-js's `token`, /e/'s `api_key`): "phc_" and letters and digits
_PROJECT_KEY = re.compile(r"^phc_[A-Za-z0-9]{8,64}$")
#: posthog-js's $insert_id: two base-36 random strings of up to 8 characters
_INSERT_ID = re.compile(r"^[a-z0-9]{1,16}$")


def project_key(value: Any) -> bool:
    return isinstance(value, str) and bool(_PROJECT_KEY.match(value))


def insert_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_INSERT_ID.match(value))


#: event properties whose values are a few words of posthog-js's own, as it writes them: anything else there
#: ("amelie.vermeulen", which no detector reads as a name) is masked whole (formats/peer.py words_view)
PROPERTY_VOCABULARIES: dict[str, Shape] = {
    "$lib": one_of("web", "posthog-js", "posthog-js-lite", "posthog-react-native", "posthog-ios", "posthog-android",
                   "posthog-flutter", "posthog-node", "posthog-python"),
    "$snapshot_source": one_of("web", "mobile"), "$timezone": time_zone,
    "$recording_status": one_of("active", "sampled", "disabled", "buffering", "paused", "lazy_loading",
                                "awaiting_trigger"),
    "$device_type": one_of("Desktop", "Mobile", "Tablet", "Console", "Wearable", "TV"),
    "$browser_language": language_tag, "$browser_language_prefix": language_tag,
}
#: event properties that are the SDK's ids, counters and facts, by the shape posthog-js gives them:
#: skipped when they have it, scanned like any property when not (formats/peer.py: a site can set
#: any of them). Not here, so always scanned: what has no narrow shape (the OS's and the browser's
#: names, a custom API host's URL, the browser's $raw_user_agent: its products' versions kept,
#: content.UserAgentSlot); $snapshot_data is a $snapshot event's recording
#: (decode), anywhere else a property like another.
PROPERTY_SHAPES: dict[str, Shape] = {
    "token": project_key, "$insert_id": insert_id,
    **dict.fromkeys(("$session_id", "$window_id", "$device_id", "$pageview_id", "$prev_pageview_id"), session_id),
    "uuid": ident,
    **dict.fromkeys(("$time", "timestamp", "sent_at", "$sdk_debug_session_start"), timestamp),
    **PROPERTY_VOCABULARIES,
    **dict.fromkeys(("$lib_version", "$os_version", "$browser_version"), version),
    **dict.fromkeys(("$screen_height", "$screen_width", "$viewport_height", "$viewport_width", "$timezone_offset",
                     "$configured_session_timeout_ms", "$snapshot_bytes", "$replay_sample_rate",
                     "$sdk_debug_replay_internal_buffer_length", "$sdk_debug_replay_internal_buffer_size",
                     "$sdk_debug_current_session_duration", "$lib_rate_limit_remaining_tokens", "offset",
                     "$is_identified", "$process_person_profile", "$had_persisted_distinct_id", "$is_from_sdk"),
                    number),
}
#: PostHog's own events ($pageview, $autocapture, $snapshot…); a custom event's name is scanned
_SDK_EVENT = re.compile(r"^\$[a-z_]{1,40}$")
#: an event's own keys, likewise; its properties are scanned by their own view (when an object)
EVENT_SHAPES: dict[str, Shape] = {
    "event": lambda name: isinstance(name, str) and bool(_SDK_EVENT.match(name)), "properties": nested,
    "uuid": ident, "timestamp": timestamp, "sent_at": timestamp, "offset": number,
    **dict.fromkeys(("token", "api_key", "$token"), project_key),
}
#: a /e/ body's own keys around its batch
BODY_SHAPES: dict[str, Shape] = {"batch": lambda batch: isinstance(batch, list), "api_key": project_key,
                                 "sent_at": timestamp}
#: who the person is (an event's properties, a /flags/ body, alias()'s $create_alias): replaced
#: by a pseudonym unless an opaque id (formats/peer.py person_view)
IDENTITY_KEYS = ("distinct_id", "$anon_distinct_id", "$user_id", "alias")


def _latin1_gzip_field(value: str, budget: Budget) -> tuple[Any, bytes | None]:
    """The value a per-field gzip string holds, and the JSON text it inflated to when the string is
    nothing but that text's gzip (peer.plain_container), else None."""
    try:
        raw = value.encode("latin-1")
    except UnicodeEncodeError:
        raise BatchError(400, "bad_encoding", "a per-field gzip string holds a character above U+00FF") from None
    if not raw.startswith(GZIP_MAGIC):
        raise BatchError(400, "bad_encoding", "a per-field gzip string (cv 2024-10) is not gzip")
    text = budget.inflate(raw, GZIP_WBITS, "a per-field gzip string")
    return loads(text, "a per-field gzip string"), text if plain_container(raw, GZIP_WBITS) else None


@dataclass
class _PackedField:
    holder: dict[str, Any]
    key: str
    original: str
    before: bytes  # the inflated JSON as redaction received it
    exact: bool  # the original string is the gzip of `before` and nothing else (peer.exact)

    def pack(self) -> None:
        now = dumps(self.holder[self.key])
        self.holder[self.key] = (self.original if now == self.before and self.exact
                                 else gzip_bytes(now).decode("latin-1"))


def unpack_event(event: Any, budget: Budget) -> list[_PackedField]:
    """Inflates the per-field gzip strings of one rrweb event in place; returns how to pack them."""
    if not isinstance(event, dict) or event.get("cv") != PER_FIELD_VERSION:
        return []
    places: list[tuple[dict[str, Any], str]] = []
    if event.get("type") == EventType.FULL_SNAPSHOT:
        places.append((event, "data"))
    elif event.get("type") == EventType.INCREMENTAL_SNAPSHOT and isinstance(event.get("data"), dict):
        source = event["data"].get("source")
        names = MUTATION_FIELDS if source == MUTATION else STYLE_FIELDS if source == STYLE_SHEET_RULE else ()
        places.extend((event["data"], name) for name in names)
    packed = []
    for holder, key in places:
        value = holder.get(key)
        if isinstance(value, str):
            holder[key], text = _latin1_gzip_field(value, budget)
            before = dumps(holder[key])
            packed.append(_PackedField(holder, key, value, before, exact(text, before)))
    return packed


@dataclass
class PostHogBody:
    data: Any
    framing: str  # gzip | base64 | json
    raw: bytes
    exact: bool = False  # raw is, byte for byte, the JSON of data as decoded (peer.exact)
    key: str | None = None
    groups: list[Group] = field(default_factory=list)
    _snapshots: list[tuple[dict[str, Any], str, list[Any], bool]] = field(default_factory=list)
    _packed: list[_PackedField] = field(default_factory=list)
    _views: list[tuple[dict[str, Any], dict[str, Any], frozenset[str]]] = field(default_factory=list)
    _before: bytes = b""

    def encode(self) -> bytes:
        """The body with the groups' redaction applied, framed the way it came."""
        kept_ids = {id(event) for group in self.groups for event in (group.kept or [])}
        for properties, key, events, single in self._snapshots:
            kept = kept_in(events, kept_ids)
            properties[key] = (kept[0] if kept else []) if single else kept
        for packed in self._packed:
            packed.pack()
        for holder, view, scanned in self._views:
            write_back(holder, view, scanned)
        now = dumps(self.data)
        if now == self._before and self.exact:
            return self.raw  # nothing was redacted, and raw is what was read: byte for byte
        return frame(now, self.framing)


def frame(now: bytes, framing: str) -> bytes:
    """JSON framed again the way the body came (gzip, base64 form data, plain JSON)."""
    if framing == "gzip":
        return gzip_bytes(now)
    if framing == "base64":  # as posthog-js writes it: data=encodeURIComponent(base64)
        return b"data=" + quote(base64.b64encode(now).decode("ascii"), safe="-_.!~*'()").encode("ascii")
    return now


def unframe(raw: bytes, query: Mapping[str, str], budget: Budget) -> tuple[Any, str, bytes | None]:
    """The body's JSON, its framing, and the JSON text raw stands for byte for byte (None when it
    does not: then it is framed again): equal to dumps() of the JSON, what redaction did not change
    may go on as it came (peer.exact). A form is read only as posthog-js
    writes it, `data=<base64>` and nothing else: a field redactor did not read, or a second `data`
    (which one would the collector read?), is refused, never forwarded."""
    if not raw.strip():
        raise BatchError(400, "empty_body", "the body is empty")
    if raw.startswith(GZIP_MAGIC):
        text = budget.inflate(raw, GZIP_WBITS, "the gzip body")
        data = loads(text, "the gzip body")
        return data, "gzip", text if plain_container(raw, GZIP_WBITS) else None
    compression = query.get("compression", "")
    if compression == "base64" or raw.startswith(b"data="):
        try:
            form = parse_qsl(raw.decode("ascii"), keep_blank_values=True, strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            raise BatchError(400, "bad_form", "a base64 body is form data: data=<base64 of the JSON>") from None
        names = [name for name, _ in form]
        if names != ["data"]:
            raise BatchError(400, "bad_form", "a base64 body is one form field, data=<base64 of the JSON> (as "
                                              f"posthog-js sends it); this one has {sorted(set(names))[:8]!r}"
                                              f"{' with data repeated' if names.count('data') > 1 else ''}: "
                                              "a field redactor does not read is never forwarded")
        encoded = form[0][1]
        try:
            text = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise BatchError(400, "bad_encoding", "the 'data' field is not base64") from None
        if len(text) > budget.left:
            raise BatchError(413, "too_large", f"the body is larger than {budget.limit} bytes once decoded")
        budget.left -= len(text)
        return loads(text, "the base64 body"), "base64", None  # framed again: cheap
    if compression and compression not in ("gzip", "gzip-js", "none"):  # none: plain JSON, as PostHog reads it
        raise BatchError(415, "unsupported_encoding", f"compression {compression!r} is not supported: "
                                                      "send gzip-js, base64 or none")
    return loads(raw, "the body"), "json", raw


def _events(data: Any) -> list[Any]:
    if isinstance(data, list):
        events = data
    elif isinstance(data, dict) and isinstance(data.get("batch"), list):
        events = data["batch"]
    elif isinstance(data, dict) and "batch" not in data:
        events = [data]  # one event (or a legacy /engage/ update): every string of it is scanned
    else:
        raise BatchError(400, "not_events", "a PostHog body is an array of events, {'batch': [...]} or one event")
    if not all(isinstance(event, dict) for event in events):
        raise BatchError(400, "not_events", "every PostHog event is a JSON object")
    return events


def _project_key(data: Any, events: list[dict[str, Any]], query: Mapping[str, str]) -> str | None:
    if isinstance(data, dict):
        for name in ("api_key", "token", "$token"):
            if isinstance(data.get(name), str):
                return data[name]
    for event in events:
        properties = event.get("properties")
        if isinstance(properties, dict) and isinstance(properties.get("token"), str):
            return properties["token"]
        for name in ("api_key", "token"):
            if isinstance(event.get(name), str):
                return event[name]
    return query.get("api_key") or query.get("token")


def _recording_key(properties: dict[str, Any]) -> str | None:
    """The mirror a recording goes with: its $session_id, and its $window_id."""
    return tab_key(properties.get("$session_id"), properties.get("$window_id"))


def tab_key(session: Any, window: Any) -> str | None:
    """The mirror of a PostHog session's tab: one PostHog session spans the visitor's tabs, and each
    tab's recorder numbers its nodes from 1. Of any length the ids come, the key is one the native
    route takes (formats/peer.py session_key)."""
    if not isinstance(session, str) or not session:
        return None
    return session_key(f"{session}:{window}" if isinstance(window, str) and window else session)


def decode(raw: bytes, query: Mapping[str, str], limit: int) -> PostHogBody:
    budget = Budget(limit)
    data, framing, parsed = unframe(raw, query, budget)
    events = _events(data)
    body = PostHogBody(data, framing, raw, key=_project_key(data, events, query))
    body._before = dumps(data)
    body.exact = exact(parsed, body._before)
    sessions: dict[str | None, Group] = {}  # recordings and analytics events of one tab share its mirror
    if isinstance(data, dict) and isinstance(data.get("batch"), list):  # what is around /e/'s batch
        around = scan_view(data, BODY_SHAPES)
        body._views.append((data, around, frozenset(around)))
        sessions.setdefault(None, Group(None, [])).meta["body"] = around
    for n, event in enumerate(events):
        properties = event.get("properties")
        if not isinstance(properties, dict):
            properties = {}  # (then not an object: scanned with the event's keys)
        recording = event.get("event") in SNAPSHOT_EVENTS and "$snapshot_data" in properties
        view = scan_view(properties, PROPERTY_SHAPES)
        if recording:
            view.pop("$snapshot_data", None)  # redacted as the recording it is, below
        outer = scan_view(event, EVENT_SHAPES)
        for key in IDENTITY_KEYS:
            view.pop(key, None)
            outer.pop(key, None)
        person, outer_person = person_view(properties, IDENTITY_KEYS), person_view(event, IDENTITY_KEYS)
        not_the_sdks = words_view(properties, PROPERTY_VOCABULARIES)
        for key in not_the_sdks:
            view.pop(key, None)
        body._views += [(properties, view, frozenset(view)), (event, outer, frozenset(outer)),
                        (properties, person, frozenset(person)), (event, outer_person, frozenset(outer_person)),
                        (properties, not_the_sdks, frozenset(not_the_sdks))]
        session = _recording_key(properties)
        group = sessions.setdefault(session, Group(session, []))
        group.meta[f"{n}"] = {"properties": view, "event": outer, NOT_THE_SDKS_KEY: not_the_sdks,
                              IDENTITY_KEY: {"properties": person, "event": outer_person}}
        if not recording:
            continue  # an analytics event: its strings are scanned, the values its tab taught masked
        recorded = properties["$snapshot_data"]
        single = isinstance(recorded, dict)
        recorded = [recorded] if single else recorded
        if not isinstance(recorded, list):
            raise BatchError(400, "not_events", "$snapshot_data is an rrweb event or an array of them")
        unpack_events(recorded, budget)  # events packed by @rrweb/packer, if a page's recorder packs them
        for rrweb_event in recorded:
            body._packed.extend(unpack_event(rrweb_event, budget))
        group.events.extend(recorded)
        body._snapshots.append((properties, "$snapshot_data", recorded, single))
    body.groups = list(sessions.values())
    return body
