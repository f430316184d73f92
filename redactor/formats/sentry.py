"""Sentry envelopes, as @sentry/browser sends them to /api/<project>/envelope/.

An envelope is a JSON header line, then items: each a JSON header line and a payload of
`length` bytes (or, without `length`, up to the next newline). Session Replay sends one
envelope per segment with two items:
- `replay_event`: JSON; its `urls` (the pages of the segment), `request.url` and the rest are
  scanned, ids and timestamps are not (when they have the shape the SDK gives them: ITEM_SHAPES);
- `replay_recording`: a `{"segment_id":N}` line (written again with its segment_id alone if it
  holds more), then the rrweb events as a zlib stream (the SDK's compression worker), gzip (its
  fallback), or plain JSON (compression off).
The replay's `replay_id` is the session key. The envelope header's dynamic sampling context
(`trace`: the transaction's name) is scanned but for its ids, and so is every item header but for
its type, length and content type. Every other item whose payload is a JSON object (an
error or a message event, a session, a transaction, logs, feedback, a client report…) is scanned like a
replay_event: what setTag, setExtra, setContext, the breadcrumbs and an exception's message hold
is anybody's text; a trace_metric item's metrics are scanned one by one, but for the ids, numbers
and names the SDK gives them (METRIC_SHAPES), and so are the attributes of spans, logs and metrics,
but for those the SDK fills with its own facts in their shapes (ATTRIBUTE_SHAPES). Sentry's person — an event's `user` (setUser) and a session's `did` (the user's
id, e-mail or name) — is replaced by pseudonyms, but for opaque ids under an id's key (a UUID, a
number: formats/peer.py person_view), and so is each entry of an error's fingerprint that holds a digit. An item that is not JSON (an attachment, statsd lines)
cannot be read, so it is dropped. An error without a replay in its envelope goes with the replay its
`contexts.replay.replay_id` names (a feedback: `contexts.feedback.replay_id`; logs and metrics: their entries'
`sentry.replay_id` attribute; any other item: the one its envelope header's `trace.replay_id` names), so that the values that replay taught are masked in it too.
An item redaction did not change keeps its bytes when they are provably what was parsed (formats/peer.py
exact: no duplicate key, no space, nothing after the zlib stream); any other is encoded the way it
came from its parsed value, and its header's `length` is recomputed. The envelope is always joined
again from its lines, never forwarded as it came whole.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

from redactor.formats.peer import (COMPRESSION_LEVEL, GZIP_MAGIC, GZIP_WBITS, IDENTITY_KEY, ZLIB_WBITS, Budget, Shape,
                                   dumps, exact, gzip_bytes, host, ident, ids, kept_in, loads, nested, number, one_of,
                                   opaque_id, person_view, plain_container, scan_view, session_key, timestamp, token,
                                   version, write_back)
from redactor.formats.packed import unpack_events
from redactor.formats.rrweb_batch import BatchError, Group

#: keys of a replay_event, an event or a session that are ids, timestamps and the SDK's facts, by the
#: shape @sentry/browser gives them: skipped when they have it, scanned like any value when not (a
#: site's beforeSend, setContext or a hostile client can write anything there: formats/peer.py).
#: Always scanned: what has no narrow shape (a release's name, the SDK's object, debug_meta's
#: paths); `contexts` when an object is scanned by its own views (ID_CONTEXTS but for their ids).
ITEM_SHAPES: dict[str, Shape] = {
    **dict.fromkeys(("replay_id", "event_id", "sid"), ident), "error_ids": ids, "trace_ids": ids,
    **dict.fromkeys(("timestamp", "replay_start_timestamp", "start_timestamp", "started"), timestamp),
    **dict.fromkeys(("type", "replay_type", "platform", "environment", "level", "status"), token),
    **dict.fromkeys(("segment_id", "init", "errors", "duration", "seq"), number),
    "dist": version, "contexts": nested,
}
#: the contexts the SDK fills with ids (trace_id, span_id, replay_id): scanned but for these keys (a
#: root span's description and data are the page's: startSpan({name, attributes}))
ID_CONTEXTS = frozenset({"trace", "replay"})
CONTEXT_SHAPES: dict[str, Shape] = {
    **dict.fromkeys(("trace_id", "span_id", "parent_span_id", "replay_id"), ident),
    **dict.fromkeys(("op", "status", "origin", "type"), token),
    **dict.fromkeys(("sampled", "sample_rate", "client_sample_rate"), number),
}
#: the entries of a trace_metric item (Sentry.metrics.count/distribution/gauge), by their shapes: a
#: metric's `name` is the site's constant ("checkout.completed"), which a scan would read as a
#: person's name by its key; its attributes, and a name of any other shape, are scanned
METRIC_SHAPES: dict[str, Shape] = {
    **dict.fromkeys(("trace_id", "span_id"), ident), "timestamp": timestamp, "value": number,
    **dict.fromkeys(("name", "type", "unit"), token),
}
#: the attributes @sentry/browser fills with its own facts on spans, logs and metrics (Sentry's and
#: OpenTelemetry's conventions, @sentry/conventions), by the shapes it gives them: read by their words
#: they said a person's name or an address ("network.protocol.name": "http", "thread.name": "main",
#: "server.address": "shop.example:8443"), were masked, and tainted "http" and the page's host in every URL
#: and operation of the session. Skipped when they have that shape; scanned as the app's attributes are
#: when not (a site's startSpan or setAttribute can write anything there).
ATTRIBUTE_SHAPES: dict[str, Shape] = {
    **dict.fromkeys(("sentry.op", "sentry.origin", "sentry.source", "sentry.span.source", "sentry.status",
                     "sentry.platform", "sentry.environment", "sentry.sdk.name", "sentry.idle_span_finish_reason",
                     "sentry.category", "http.request.method", "code.function.name", "browser.name",
                     "sentry.browser.name", "os.name", "resource.render_blocking_status", "browser.script.invoker_type",
                     "network.protocol.name"), token),
    **dict.fromkeys(("sentry.sdk.version", "network.protocol.version", "browser.version",
                     "sentry.browser.version"), version),
    **dict.fromkeys(("sentry.replay_id", "sentry.segment.id", "sentry.trace.parent_span_id",
                     "sentry.pageload.span_id", "sentry.profile_id", "sentry.profiler_id"), ident),
    "sentry.previous_trace": lambda v: isinstance(v, str) and bool(_PREVIOUS_TRACE.match(v)),
    "thread.name": one_of("main", "worker"), "url.scheme": one_of("http", "https"), "server.address": host,
}
#: a span's link to the trace before it: trace id, span id, sampled
_PREVIOUS_TRACE = re.compile(r"^[0-9a-f]{32}-[0-9a-f]{16}-[01]$")
#: the items whose payload lists entries with attributes, by item type: the key of the list, the key
#: of an entry's attributes, the shapes of an entry's own keys. Spans, logs and metrics (SDK 11:
#: {"items": [...]}, attributes as {value, type}) and a transaction's spans (SDKs before: their `data`).
#: A metric's own keys by METRIC_SHAPES; a span's and a log's all scanned (their span_id says they
#: are things: redact.py _THING_KEYS); their attributes by ATTRIBUTE_SHAPES
ENTRY_SHAPES: dict[str, tuple[str, str, dict[str, Shape] | None]] = {
    "trace_metric": ("items", "attributes", METRIC_SHAPES), "span": ("items", "attributes", None),
    "log": ("items", "attributes", None), "transaction": ("spans", "data", None)}


#: the `type` SDK 11 gives an attribute's value beside it ({"value": "main", "type": "string"})
_ATTRIBUTE_TYPE = one_of("string", "integer", "double", "boolean")
#: the attributes SDK 11 copies from setUser onto every log and metric (sendDefaultPii): Sentry's person, as an
#: event's `user` is (pseudonymised, but an opaque id under user.id). Scanned as the app's attributes, a user id no
#: detector knows was stored on every log and metric of the page (held-out peers round 16: a kennitala)
USER_ATTRIBUTES = frozenset({"user.id", "user.email", "user.name", "user.username", "user.ip_address"})


def _attribute_type(value: Any, given: str) -> str:
    """The type of an attribute's value as it comes out of the pass: a number or a flag masked under a secret's
    key is a string ("****"), and the `type` beside it says so; the type is never masked with the value."""
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "integer" if isinstance(value, int) else "double" if isinstance(value, float) else given


def _sdk_attribute(key: str, value: Any) -> bool:
    """Whether an attribute is one the SDK fills with its own facts, in the shape it gives it
    ({value, type} on SDK 11's items, the value itself in a transaction's span data)."""
    shape = ATTRIBUTE_SHAPES.get(key)
    return shape is not None and shape(value.get("value") if isinstance(value, dict) else value)


def _beside_sdk_value(value: dict[str, Any]) -> dict[str, Any]:
    """What an SDK attribute's object holds beside its value and its type, in their shapes: scanned
    ({"value": "main", "type": "string", "note": <an e-mail>}: a site's setAttribute can write anything)."""
    return scan_view(value, {"value": lambda _: True, "type": _ATTRIBUTE_TYPE})


#: Sentry's person: an event's `user` (setUser) and a session's `did`, pseudonymised but opaque ids
IDENTITY_KEYS = ("user", "did")
#: the envelope header's own keys, and those of its dynamic sampling context (`trace`) that are ids,
#: rates and Sentry's public key, by their shapes; the rest (the transaction's name, a release…) is scanned
HEADER_SHAPES: dict[str, Shape] = {"event_id": ident, "sent_at": timestamp, "trace": nested,
                                   "dsn": lambda dsn: isinstance(dsn, str) and bool(_DSN.match(dsn))}
TRACE_SHAPES: dict[str, Shape] = {
    **dict.fromkeys(("trace_id", "public_key", "replay_id"), ident), "environment": token,
    # the dynamic sampling context's numbers and flags are strings ("1", "true", "0.4217")
    **dict.fromkeys(("sample_rate", "sampled", "sample_rand"), lambda v: number(v) or (
        isinstance(v, str) and bool(_DSC_NUMBER.match(v)))),
}
#: a DSN as the SDK's options give it: a public key, a host, a project number, nothing else
_DSN = re.compile(r"^https?://[0-9a-fA-F]{32}@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?/(?:[\w.-]{1,64}/){0,4}\d{1,20}$")
_DSC_NUMBER = re.compile(r"^(?:true|false|[01](?:\.\d{1,17})?(?:e-\d{1,3})?)$")
#: an item header's keys, by their shapes (its `type` is a string: checked in decode); any other
#: key (an attachment's filename) or value is scanned
ITEM_HEADER_SHAPES: dict[str, Shape] = {"type": token, "length": number, "item_count": number,
                                        "content_type": token, "attachment_type": token}


@dataclass
class Item:
    header_raw: bytes
    header: dict[str, Any]
    payload: bytes
    newline: bool  # a newline followed the payload
    view: dict[str, Any] = field(default_factory=dict)  # what is scanned of its header (ITEM_HEADER_SHAPES)
    scanned: frozenset[str] = frozenset()
    header_before: bytes = b""

    def scan_header(self) -> dict[str, Any]:
        self.view = scan_view(self.header, ITEM_HEADER_SHAPES)
        self.scanned, self.header_before = frozenset(self.view), dumps(self.header)
        return self.view

    def header_changed(self) -> bool:
        write_back(self.header, self.view, self.scanned)
        return dumps(self.header) != self.header_before

    def encoded(self, payload: bytes | None) -> bytes:
        """The item's header line and payload: `payload` when redaction wrote it again, else the
        payload as it came (the caller proved it exact); the header line as it came only when it is
        byte for byte the JSON of the header as decoded and written back (peer.exact)."""
        if payload is not None and payload != self.payload and "length" in self.header:
            self.header["length"] = len(payload)
        now = dumps(self.header)
        header_raw = self.header_raw if exact(self.header_raw, now) else now
        payload = self.payload if payload is None else payload
        return header_raw + b"\n" + payload + (b"\n" if self.newline else b"")


@dataclass
class _Recording:
    item: Item
    head: bytes  # the {"segment_id":N} line, newline included
    compression: str  # zlib | gzip | none
    events: list[Any]
    before: bytes
    rebuilt: bool = False  # the head line was not {"segment_id":N} as the SDK writes it: written again so
    exact: bool = False  # the compressed bytes are the JSON of `before` and nothing else (peer.exact)


@dataclass
class _JsonItem:
    """A JSON item scanned (a replay_event, an event, a session…): its views, written back after."""
    item: Item
    data: dict[str, Any]
    view: dict[str, Any]
    before: bytes
    scanned: frozenset[str] = frozenset()
    contexts: dict[str, Any] = field(default_factory=dict)  # the view of its contexts
    id_contexts: dict[str, dict[str, Any]] = field(default_factory=dict)  # name → its view
    person: dict[str, Any] = field(default_factory=dict)  # user, did, user.* attributes, but their opaque ids
    #: the views of a metric's, a span's or a log's entries and of their attributes (ENTRY_SHAPES)
    entries: list[dict[str, Any]] = field(default_factory=list)
    #: the attributes of SDK 11's shape ({value, type}) among them: their type follows their value (_attribute_type)
    typed: list[dict[str, Any]] = field(default_factory=list)
    #: an error's fingerprint as it came, when it holds entries with a digit (_fingerprint_entries)
    fingerprint: list[str] = field(default_factory=list)
    #: every view but the item's own, with its holder and its keys when it was made: a key the scan
    #: renamed (a context named by an e-mail) is taken out of its holder, not left beside its new name
    views: list[tuple[dict[str, Any], dict[str, Any], frozenset[str]]] = field(default_factory=list)

    def viewed(self, holder: dict[str, Any], view: dict[str, Any]) -> dict[str, Any]:
        self.views.append((holder, view, frozenset(view)))
        return view

    def attributes_view(self, entry: dict[str, Any], entry_view: dict[str, Any], key: str) -> None:
        """The entry's attributes (under key) out of its view, into one of their own that leaves out the
        SDK's own (_sdk_attribute) but for what their objects hold beside its value and type; before the
        entry's view is recorded (viewed), which then has no key."""
        attributes = entry.get(key)
        if isinstance(attributes, dict) and entry_view.pop(key, None) is not None:
            users = USER_ATTRIBUTES & attributes.keys()
            self.entries.append(self.viewed(attributes, {k: v for k, v in attributes.items()
                                                         if k not in users and not _sdk_attribute(k, v)}))
            for name in sorted(users):  # the person's, as an event's user: under IDENTITY_KEY (meta)
                typed = isinstance(attributes[name], dict)
                holder, value_key = (attributes[name], "value") if typed else (attributes, name)
                if person := person_view({name: holder.get(value_key)}, (name,)):
                    self.person[f"{key} {name} {len(self.person)}"] = self.viewed(holder, {value_key: person[name]})
            self.typed.extend(v for v in attributes.values() if isinstance(v, dict) and _ATTRIBUTE_TYPE(v.get("type")))
            for name, value in attributes.items():  # only the SDK's value and type pass of its own attributes
                if isinstance(value, dict) and _sdk_attribute(name, value) and (rest := _beside_sdk_value(value)):
                    self.entries.append(self.viewed(value, rest))

    def write_back(self) -> None:
        write_back(self.data, self.view, self.scanned)
        for holder, view, keys in self.views:
            write_back(holder, view, keys)
        for attribute in self.typed:
            attribute["type"] = _attribute_type(attribute.get("value"), attribute["type"])
        if "user" in self.person and not isinstance(self.person["user"], dict):
            self.data["user"] = self.person["user"]
        if "did" in self.person:
            self.data["did"] = self.person["did"]
        if self.fingerprint:  # its entries in their order again: pseudonyms (the person's), and the rest as scanned
            pseudonyms, rest = iter(self.person["fingerprint"]), iter(self.data["fingerprint"])
            self.data["fingerprint"] = [next(pseudonyms) if _with_a_digit(entry) else next(rest)
                                        for entry in self.fingerprint]

    def meta(self) -> dict[str, Any]:
        """What the generic pass scans of it: the view; the contexts but the SDK's ids; the person
        under a key that says it is one."""
        return {"item": self.view, "contexts": self.contexts, IDENTITY_KEY: self.person,
                "id_contexts": self.id_contexts,
                "entries": self.entries}


@dataclass
class SentryEnvelope:
    raw: bytes
    header_raw: bytes
    header: dict[str, Any]
    items: list[Item]
    header_newline: bool
    key: str | None = None
    groups: list[Group] = field(default_factory=list)
    _recordings: list[_Recording] = field(default_factory=list)
    _json_items: list[_JsonItem] = field(default_factory=list)
    _dropped: set[int] = field(default_factory=set)  # ids of the items left out
    _header_views: list[tuple[dict[str, Any], dict[str, Any], frozenset[str]]] = field(default_factory=list)
    _header_before: bytes = b""

    def header_meta(self) -> dict[str, Any]:
        """The header's scanned parts (see HEADER_SHAPES), for the generic pass."""
        holders = [(self.header, scan_view(self.header, HEADER_SHAPES))]
        trace = self.header.get("trace")
        if isinstance(trace, dict):
            holders.append((trace, scan_view(trace, TRACE_SHAPES)))
        self._header_views = [(holder, view, frozenset(view)) for holder, view in holders]  # (_JsonItem.views)
        self._header_before = dumps(self.header)  # before the pass redacts nested parts in place
        return {"header": holders[0][1], "trace": holders[1][1] if len(holders) > 1 else {}}

    def _encoded_header(self) -> bytes:
        for holder, view, keys in self._header_views:
            write_back(holder, view, keys)
        now = dumps(self.header)
        return self.header_raw if now == self._header_before and exact(self.header_raw, now) else now

    def encode(self) -> bytes:
        kept_ids = {id(event) for group in self.groups for event in (group.kept or [])}
        payloads: dict[int, bytes] = {}
        for recording in self._recordings:
            events = kept_in(recording.events, kept_ids)
            now = dumps(events)
            if now != recording.before or recording.rebuilt or not recording.exact:
                body = (zlib.compress(now, COMPRESSION_LEVEL) if recording.compression == "zlib"
                        else gzip_bytes(now) if recording.compression == "gzip" else now)
                payloads[id(recording.item)] = recording.head + body
        for json_item in self._json_items:
            json_item.write_back()
            now = dumps(json_item.data)
            if now != json_item.before or not exact(json_item.item.payload, now):
                payloads[id(json_item.item)] = now
        header_raw = self._encoded_header()
        for item in self.items:
            item.header_changed()  # (every item's header written back)
        # never self.raw: each line goes on as it came only when it is what was parsed (peer.exact)
        out = [header_raw + (b"\n" if self.header_newline else b"")]
        out += [item.encoded(payloads.get(id(item))) for item in self.items if id(item) not in self._dropped]
        return b"".join(out)


def _header(line: bytes, what: str) -> dict[str, Any]:
    value = loads(line, what)
    if not isinstance(value, dict):
        raise BatchError(400, "bad_envelope", f"{what} is not a JSON object")
    return value


def split(raw: bytes) -> SentryEnvelope:
    """The envelope's header and items, with their bytes."""
    if not raw.strip():
        raise BatchError(400, "empty_body", "the envelope is empty")
    end = raw.find(b"\n")
    header_raw = raw if end == -1 else raw[:end]
    envelope = SentryEnvelope(raw, header_raw, _header(header_raw, "the envelope header"), [], end != -1)
    position = len(raw) if end == -1 else end + 1
    while position < len(raw):
        end = raw.find(b"\n", position)
        line = raw[position:] if end == -1 else raw[position:end]
        position = len(raw) if end == -1 else end + 1
        if not line.strip():
            continue  # a trailing newline
        header = _header(line, "an item header")
        length = header.get("length")
        if length is not None:
            if not isinstance(length, int) or length < 0 or position + length > len(raw):
                raise BatchError(400, "bad_envelope", "an item's length runs past the end of the envelope")
            payload = raw[position:position + length]
            position += length
        else:
            end = raw.find(b"\n", position)
            payload = raw[position:] if end == -1 else raw[position:end]
            position = len(raw) if end == -1 else end
        newline = raw[position:position + 1] == b"\n"
        position += newline
        envelope.items.append(Item(line, header, payload, newline))
    return envelope


def _public_key(envelope: SentryEnvelope, query: Mapping[str, str], headers: Mapping[str, str]) -> str | None:
    if query.get("sentry_key"):
        return query["sentry_key"]
    auth = headers.get("X-Sentry-Auth", "")
    for part in auth.removeprefix("Sentry ").split(","):
        name, _, value = part.strip().partition("=")
        if name == "sentry_key" and value:
            return value
    dsn = envelope.header.get("dsn")
    if isinstance(dsn, str):
        try:
            return urlsplit(dsn).username or None
        except ValueError:
            raise BatchError(400, "bad_envelope", f"the envelope header's dsn is not a URL: {dsn[:100]!r}") from None
    return None


def _recording(item: Item, budget: Budget) -> _Recording:
    end = item.payload.find(b"\n")
    if end == -1:
        raise BatchError(400, "bad_envelope", "a replay_recording starts with a {\"segment_id\":N} line")
    line = _header(item.payload[:end], "the replay_recording header")
    segment = line.get("segment_id")
    if type(segment) is not int or segment < 0:  # type(): not a bool
        raise BatchError(400, "bad_envelope", "a replay_recording's first line is {\"segment_id\":N}, N a whole number")
    data = item.payload[end + 1:]
    # what the SDK does not write there (another key, a duplicate, a space) is nothing the collector reads
    head = orjson.dumps({"segment_id": segment}) + b"\n"
    rebuilt = item.payload[:end + 1] != head
    plain = True
    if data[:1] == b"\x78":
        compression, text = "zlib", budget.inflate(data, ZLIB_WBITS, "the replay_recording")
    elif data.startswith(GZIP_MAGIC):
        compression, text = "gzip", budget.inflate(data, GZIP_WBITS, "the replay_recording")
        plain = plain_container(data, GZIP_WBITS)
    else:
        compression, text = "none", data
    events = loads(text, "the replay_recording")
    if isinstance(events, list):
        unpack_events(events, budget)  # events packed by @rrweb/packer, if a page's recorder packs them
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise BatchError(400, "not_events", "a replay_recording holds an array of rrweb events")
    before = dumps(events)
    return _Recording(item, head, compression, events, before, rebuilt, plain and exact(text, before))


def _scanned_item(item: Item, data: dict[str, Any]) -> _JsonItem:
    before = dumps(data)
    view = scan_view(data, ITEM_SHAPES)
    for key in IDENTITY_KEYS:
        view.pop(key, None)
    if fingerprint := _fingerprint_entries(data):
        view["fingerprint"] = [entry for entry in data["fingerprint"] if not _with_a_digit(entry)]  # the rest: meta
    listed, attributes_key, shapes = ENTRY_SHAPES.get(item.header.get("type"), ("", "", None))
    entries = data.get(listed) if listed else None
    by_entry = isinstance(entries, list) and all(isinstance(entry, dict) for entry in entries)
    if by_entry:
        view.pop(listed, None)  # scanned entry by entry, by their views
    scanned = _JsonItem(item, data, view, before, frozenset(view))
    for entry in entries if by_entry else ():
        entry_view = scan_view(entry, shapes) if shapes is not None else dict(entry)
        scanned.attributes_view(entry, entry_view, attributes_key)
        scanned.entries.append(scanned.viewed(entry, entry_view))
    contexts = data.get("contexts")
    if isinstance(contexts, dict):
        # (the id contexts are objects: scanned by their views below)
        scanned.contexts = scanned.viewed(contexts, scan_view(contexts, dict.fromkeys(ID_CONTEXTS, nested)))
        for name in ID_CONTEXTS:
            if isinstance(context := contexts.get(name), dict):
                context_view = scan_view(context, CONTEXT_SHAPES)
                scanned.attributes_view(context, context_view, "data")  # a transaction's root span: as its spans'
                scanned.id_contexts[name] = scanned.viewed(context, context_view)
    user = data.get("user")
    if isinstance(user, dict):
        scanned.person["user"] = scanned.viewed(user, person_view(user, tuple(k for k in user if isinstance(k, str))))
    elif user is not None and not opaque_id(user):
        scanned.person["user"] = user  # not an object: scanned, written back as it comes out
    scanned.person.update(person_view(data, ("did",)))
    if fingerprint:
        scanned.person["fingerprint"], scanned.fingerprint = fingerprint, list(data["fingerprint"])
    return scanned


#: what Sentry's grouping reads in an event's fingerprint as its own variables ("{{ default }}", "{{ transaction }}")
_FINGERPRINT_VARIABLE = re.compile(r"^\{\{\s*[a-z_.]{1,40}\s*\}\}$")


def _fingerprint_entries(data: dict[str, Any]) -> list[str]:
    """The site's own entries of an event's fingerprint (captureException(e, {fingerprint: [...]})): a grouping key
    the site builds from what it knows, a customer number in a shape no detector knows among them, often sent before
    the replay that would teach it (held-out peers round 22). Each that holds a digit becomes its pseudonym (the same
    value, the same pseudonym: the errors still group as the site meant), and is remembered for the session; the site's
    words ("anamnese", "checkout failed") are scanned as any text, lest they be remembered as a person's and masked in
    the error's message; Sentry's variables are kept."""
    fingerprint = data.get("fingerprint")
    if not isinstance(fingerprint, list) or not all(isinstance(entry, str) for entry in fingerprint):
        return []  # (no list of strings, as the SDK sends: scanned as any value)
    return [entry for entry in fingerprint if _with_a_digit(entry)]


def _with_a_digit(entry: str) -> bool:
    return not _FINGERPRINT_VARIABLE.match(entry) and any(c.isdigit() for c in entry)


#: where an item names the replay it goes with: an error's `replay` context, a feedback's own context
REPLAY_CONTEXTS = ("replay", "feedback")


def _replay_of(data: dict[str, Any]) -> str | None:
    contexts = data.get("contexts")
    for name in REPLAY_CONTEXTS:
        context = contexts.get(name) if isinstance(contexts, dict) else None
        replay_id = context.get("replay_id") if isinstance(context, dict) else None
        if isinstance(replay_id, str) and replay_id:
            return replay_id
    return _entries_replay(data)


def _entries_replay(data: dict[str, Any]) -> str | None:
    """The replay an item's entries name in their `sentry.replay_id` attribute: SDK 11 sends its structured logs
    (and metrics) in an envelope whose header names no replay, each entry naming it there instead (held-out peers
    round 21: a name typed in the page came through a log's attribute, redacted without the replay's session)."""
    entries = data.get("items")
    for entry in entries if isinstance(entries, list) else ():
        attributes = entry.get("attributes") if isinstance(entry, dict) else None
        named = attributes.get("sentry.replay_id") if isinstance(attributes, dict) else None
        replay_id = named.get("value") if isinstance(named, dict) else None
        if isinstance(replay_id, str) and replay_id:
            return replay_id
    return None


def _sampled_replay(header: dict[str, Any]) -> str | None:
    """The replay the envelope header's dynamic sampling context names (`trace.replay_id`): the SDK
    writes it on every envelope of a page whose replay runs (spans, feedback, errors)."""
    trace = header.get("trace")
    replay_id = trace.get("replay_id") if isinstance(trace, dict) else None
    return replay_id if isinstance(replay_id, str) and replay_id else None


def decode(raw: bytes, query: Mapping[str, str], headers: Mapping[str, str], limit: int) -> SentryEnvelope:
    envelope = split(raw)
    envelope.key = _public_key(envelope, query, headers)
    budget = Budget(limit)
    for item in envelope.items:
        kind = item.header.get("type")
        if not isinstance(kind, str):
            raise BatchError(400, "bad_envelope", "an item header's type is a string (\"event\", \"replay_event\"…)")
        if kind == "replay_recording":
            envelope._recordings.append(_recording(item, budget))
        elif kind == "replay_event":
            data = loads(item.payload, "the replay_event")
            if not isinstance(data, dict):
                raise BatchError(400, "bad_envelope", "a replay_event is a JSON object")
            envelope._json_items.append(_scanned_item(item, data))
        else:  # an event, a session, a client report, logs, feedback…: any JSON object is scanned
            try:
                data = loads(item.payload, f"a {kind} item")
            except BatchError:
                data = None
            if isinstance(data, dict):
                envelope._json_items.append(_scanned_item(item, data))
            else:
                envelope._dropped.add(id(item))  # not JSON: nothing we cannot read leaves
    replay_id = next((r.data.get("replay_id") for r in envelope._json_items
                      if r.data.get("type") == "replay_event" and isinstance(r.data.get("replay_id"), str)), None) \
        or (envelope.header.get("event_id") if envelope._recordings else None) \
        or next((_replay_of(r.data) for r in envelope._json_items if _replay_of(r.data)), None) \
        or _sampled_replay(envelope.header)
    session = session_key(replay_id) if isinstance(replay_id, str) and replay_id else None
    group = Group(session, [event for recording in envelope._recordings for event in recording.events])
    group.meta = {f"{n}": json_item.meta() for n, json_item in enumerate(envelope._json_items)}
    group.meta["envelope"] = envelope.header_meta()
    group.meta["item_headers"] = {f"{n}": item.scan_header() for n, item in enumerate(envelope.items)}
    envelope.groups = [group]
    return envelope
