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
    """orjson, whose encoder stops at 255 levels of nesting (its decoder at 1024). A long list
    is encoded an item at a time (the same bytes): one call on megabytes holds the event loop
    (sliced_json)."""
    try:
        if type(value) is list and len(value) > ENCODE_SLICE:
            return b"[" + b",".join(orjson.dumps(item) for item in value) + b"]"  # a generator: the GIL can pass
        return orjson.dumps(value)
    except TypeError as error:
        if "Recursion" not in str(error):
            raise
        raise BatchError(400, "too_deep", f"{what}: nested deeper than 255 levels of JSON, "
                                          "which cannot be stored") from None


#: lists longer than this are encoded an item at a time
ENCODE_SLICE = 1000


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
        # the metadata is stored as it is encoded (redaction keeps its shape): what the decoder took
        # but the encoder cannot write (256 to 1,024 levels) is refused now, not after the redaction
        encode(meta, "the batch's metadata")
    else:
        raise BatchError(400, "not_events",
                         "the body must be a JSON array of rrweb events or an object with an 'events' array")
    return Batch(events, meta)
