"""Sentry envelopes, as @sentry/browser sends them to /api/<project>/envelope/.

An envelope is a JSON header line, then items: each a JSON header line and a payload of
`length` bytes (or, without `length`, up to the next newline). Session Replay sends one
envelope per segment with two items:
- `replay_event`: JSON; its `urls` (the pages of the segment), `request.url` and the rest are
  scanned, ids and timestamps are not;
- `replay_recording`: a `{"segment_id":N}` line, then the rrweb events as a zlib stream (the SDK's
  compression worker), gzip (its fallback), or plain JSON (compression off).
The replay's `replay_id` is the session key. Other items (errors, sessions, client reports) pass
as they came. An item redaction did not change keeps its bytes; a changed one is encoded the way
it came and its header's `length` is recomputed.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

from redactor.formats.peer import (COMPRESSION_LEVEL, GZIP_MAGIC, GZIP_WBITS, ZLIB_WBITS, Budget, dumps, gzip_bytes,
                                   kept_in, loads, scan_view, write_back)
from redactor.formats.rrweb_batch import BatchError, Group

#: keys of a replay_event that are ids, timestamps and the SDK's facts: not scanned
REPLAY_EVENT_STRUCTURAL = frozenset({
    "type", "replay_id", "event_id", "segment_id", "replay_type", "timestamp", "replay_start_timestamp",
    "error_ids", "trace_ids", "platform", "sdk", "environment", "release", "dist", "contexts",
})


@dataclass
class Item:
    header_raw: bytes
    header: dict[str, Any]
    payload: bytes
    newline: bool  # a newline followed the payload

    def encoded(self, payload: bytes | None) -> bytes:
        header_raw = self.header_raw
        if payload is not None and payload != self.payload and "length" in self.header:
            header_raw = orjson.dumps({**self.header, "length": len(payload)})
        payload = self.payload if payload is None else payload
        return header_raw + b"\n" + payload + (b"\n" if self.newline else b"")


@dataclass
class _Recording:
    item: Item
    head: bytes  # the {"segment_id":N} line, newline included
    compression: str  # zlib | gzip | none
    events: list[Any]
    before: bytes


@dataclass
class _ReplayEvent:
    item: Item
    data: dict[str, Any]
    view: dict[str, Any]
    before: bytes
    scanned: frozenset[str] = frozenset()


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
    _replay_events: list[_ReplayEvent] = field(default_factory=list)

    def encode(self) -> bytes:
        kept_ids = {id(event) for group in self.groups for event in (group.kept or [])}
        payloads: dict[int, bytes] = {}
        for recording in self._recordings:
            events = kept_in(recording.events, kept_ids)
            now = dumps(events)
            if now != recording.before:
                body = (zlib.compress(now, COMPRESSION_LEVEL) if recording.compression == "zlib"
                        else gzip_bytes(now) if recording.compression == "gzip" else now)
                payloads[id(recording.item)] = recording.head + body
        for replay_event in self._replay_events:
            write_back(replay_event.data, replay_event.view, replay_event.scanned)
            now = dumps(replay_event.data)
            if now != replay_event.before:
                payloads[id(replay_event.item)] = now
        if not payloads:
            return self.raw  # nothing was redacted: byte for byte
        out = [self.header_raw + (b"\n" if self.header_newline else b"")]
        out += [item.encoded(payloads.get(id(item))) for item in self.items]
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
        return urlsplit(dsn).username or None
    return None


def _recording(item: Item, budget: Budget) -> _Recording:
    end = item.payload.find(b"\n")
    if end == -1:
        raise BatchError(400, "bad_envelope", "a replay_recording starts with a {\"segment_id\":N} line")
    _header(item.payload[:end], "the replay_recording header")
    head, data = item.payload[:end + 1], item.payload[end + 1:]
    if data[:1] == b"\x78":
        compression, text = "zlib", budget.inflate(data, ZLIB_WBITS, "the replay_recording")
    elif data.startswith(GZIP_MAGIC):
        compression, text = "gzip", budget.inflate(data, GZIP_WBITS, "the replay_recording")
    else:
        compression, text = "none", data
    events = loads(text, "the replay_recording")
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise BatchError(400, "not_events", "a replay_recording holds an array of rrweb events")
    return _Recording(item, head, compression, events, dumps(events))


def decode(raw: bytes, query: Mapping[str, str], headers: Mapping[str, str], limit: int) -> SentryEnvelope:
    envelope = split(raw)
    envelope.key = _public_key(envelope, query, headers)
    budget = Budget(limit)
    for item in envelope.items:
        kind = item.header.get("type")
        if kind == "replay_recording":
            envelope._recordings.append(_recording(item, budget))
        elif kind == "replay_event":
            data = loads(item.payload, "the replay_event")
            if not isinstance(data, dict):
                raise BatchError(400, "bad_envelope", "a replay_event is a JSON object")
            before = dumps(data)
            view = scan_view(data, REPLAY_EVENT_STRUCTURAL)
            envelope._replay_events.append(_ReplayEvent(item, data, view, before, frozenset(view)))
    if not envelope._recordings and not envelope._replay_events:
        return envelope
    replay_id = next((r.data.get("replay_id") for r in envelope._replay_events
                      if isinstance(r.data.get("replay_id"), str)), None) or envelope.header.get("event_id")
    session = replay_id if isinstance(replay_id, str) and replay_id else None
    group = Group(session, [event for recording in envelope._recordings for event in recording.events])
    group.meta = {f"{n}": replay_event.view for n, replay_event in enumerate(envelope._replay_events)}
    envelope.groups = [group]
    return envelope
