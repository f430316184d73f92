"""The rrweb batch wire format: a JSON array of events, or an object with an `events` array
whose other keys are metadata (kept)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from redactor.formats import sliced_json


class BatchError(ValueError):
    """A body that is not a batch. `status` and `code` are what the client is told."""

    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


@dataclass
class Group:
    """The rrweb events of one recording session in one body (native or a peer's), and the
    strings around them: what pipeline.py redacts with the session's mirror."""

    session: str | None  # None: no session mirror (analytics events, a recording without an id)
    events: list[Any]
    meta: dict[str, Any] = field(default_factory=dict)  # scanned like a custom payload; written back
    kept: list[Any] | None = None  # set by the caller: the events that survive redaction
    seq: int | None = None  # the batch's number in its session (from 0), when the script sends one
    digest: str | None = None  # of the batch's body, with a number: a retry is the same batch (sessions.batch_digest)


def batch_seq(meta: dict[str, Any] | None) -> int | None:
    """The `seq` of a native batch object ({"seq": 3, "events": [...]}: the recording snippet counts
    its batches from 0), or None: a bare array, or no whole number there."""
    seq = (meta or {}).get("seq")
    return seq if type(seq) is int and 0 <= seq < 2**53 else None  # type(): not a bool


@dataclass
class Batch:
    events: list[Any]
    meta: dict[str, Any] | None  # the other keys of an object body, or None for a bare array

    def encode(self, events: list[Any]) -> bytes:
        """The body as it should be forwarded, with the redacted events."""
        return encode(events if self.meta is None else {**self.meta, "events": events})


def encode(value: Any, what: str = "the events") -> bytes:
    """orjson. A long list is encoded an item at a time (the same bytes): one call on megabytes
    holds the event loop (sliced_json). orjson's encoder stops at 255 levels of nesting, a DOM
    about 125 elements deep (rrweb writes two levels an element), which real pages reach: a value
    nested deeper is encoded by deep_dumps, the same bytes, up to the decoder's limit."""
    try:
        if type(value) is list and len(value) > ENCODE_SLICE:
            return b"[" + b",".join(orjson.dumps(item) for item in value) + b"]"  # a generator: the GIL can pass
        return orjson.dumps(value)
    except TypeError as error:
        if "Recursion" not in str(error):
            raise
    return deep_dumps(value, what)


#: lists longer than this are encoded an item at a time
ENCODE_SLICE = 1000
#: what deep_dumps leaves to orjson whole: a value nested at most this deep (orjson's limit is 255)
_ORJSON_HEIGHT = 128


def deep_dumps(value: Any, what: str = "the events") -> bytes:
    """orjson.dumps's bytes for a value nested deeper than orjson encodes (255 levels), up to
    sliced_json.MAX_DEPTH (what a body can be decoded with): the containers above the deepest
    128 levels are written here, without recursion, and whatever is at most 128 levels deep is
    left to orjson whole. Linear: one pass measures every container's height, one writes."""
    heights = _heights(value, what)
    parts: list[bytes] = []
    stack: list[tuple[bool, Any]] = [(False, value)]  # (a piece written as it is, or a value to encode)
    while stack:
        written, item = stack.pop()
        if written:
            parts.append(item)
        elif heights.get(id(item), 0) <= _ORJSON_HEIGHT:
            parts.append(orjson.dumps(item))
        elif type(item) is dict:
            pieces: list[tuple[bool, Any]] = [(True, b"{")]
            for i, (key, inner) in enumerate(item.items()):
                pieces += [(True, (b"," if i else b"") + orjson.dumps(key) + b":"), (False, inner)]
            stack.extend(reversed([*pieces, (True, b"}")]))
        else:
            pieces = [(True, b"[")]
            for i, inner in enumerate(item):
                pieces += [(True, b",")] * bool(i) + [(False, inner)]
            stack.extend(reversed([*pieces, (True, b"]")]))
    return b"".join(parts)


def _heights(value: Any, what: str) -> dict[int, int]:
    """How many levels of nesting each container holds (by id(): the value is alive meanwhile);
    a value nested deeper than sliced_json.MAX_DEPTH (a decoded body cannot be) is refused."""
    heights: dict[int, int] = {}
    stack: list[tuple[Any, int, bool]] = [(value, 1, False)]
    while stack:
        item, depth, measured = stack.pop()
        inner = item.values() if type(item) is dict else item
        if measured:
            heights[id(item)] = 1 + max((heights.get(id(i), 0) for i in inner), default=0)
            continue
        if depth > sliced_json.MAX_DEPTH:
            raise BatchError(400, "too_deep", f"{what}: nested deeper than {sliced_json.MAX_DEPTH} levels of JSON, "
                                              "which cannot be stored")
        stack.append((item, depth, True))
        stack.extend((i, depth + 1, False) for i in inner if type(i) in (dict, list))
    return heights


#: JSON as browsers, SDKs and curl send it (curl -d says form-urlencoded; sendBeacon says text/plain)
ACCEPTED_TYPES = ("application/json", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "")


def decode(body: bytes) -> Batch:
    if not body.strip():
        raise BatchError(400, "empty_body", "the body is empty: send a JSON array of rrweb events")
    try:
        data = sliced_json.loads(body)
    except orjson.JSONDecodeError as error:
        raise BatchError(400, "bad_json", f"the body is not JSON (or not UTF-8): {error}") from None
    if isinstance(data, list):
        events, meta = data, None
    elif isinstance(data, dict) and isinstance(data.get("events"), list):
        events, meta = data["events"], {k: v for k, v in data.items() if k != "events"}
    else:
        raise BatchError(400, "not_events",
                         "the body must be a JSON array of rrweb events or an object with an 'events' array")
    return Batch(events, meta)
