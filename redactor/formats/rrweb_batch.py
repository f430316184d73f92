"""The rrweb batch wire format: a JSON array of events, or an object with an `events` array
whose other keys are metadata (kept). Bodies may be gzip or deflate; both the bytes on the wire
and the inflated bytes are bounded, and inflation stops at the bound (a bomb is never inflated).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import orjson


class BatchError(ValueError):
    """A body that is not a batch. `status` and `code` are what the client is told."""

    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


@dataclass
class Batch:
    events: list[Any]
    meta: dict[str, Any] | None  # the other keys of an object body, or None for a bare array

    def encode(self, events: list[Any]) -> bytes:
        """The body as it should be stored or forwarded, with the redacted events."""
        if self.meta is None:
            return orjson.dumps(events)
        return orjson.dumps({**self.meta, "events": events})


ACCEPTED_TYPES = ("application/json", "text/plain", "application/octet-stream", "")


def inflate(body: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise BatchError(415, "unsupported_encoding",
                         f"Content-Encoding {encoding!r} is not supported: send gzip, deflate or no encoding")
    # gzip: wbits 16+; deflate: zlib-wrapped per RFC, raw deflate as browsers sometimes send
    attempts = (16 + zlib.MAX_WBITS,) if encoding != "deflate" else (zlib.MAX_WBITS, -zlib.MAX_WBITS)
    for wbits in attempts:
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit or inflater.unconsumed_tail:
            raise BatchError(413, "too_large", f"the inflated body is larger than {limit} bytes")
        if not inflater.eof:
            raise BatchError(400, "bad_encoding", f"the {encoding} body is truncated")
        return out
    raise BatchError(400, "bad_encoding", f"the body is not valid {encoding} data")


def decode(body: bytes) -> Batch:
    if not body.strip():
        raise BatchError(400, "empty_body", "the body is empty: send a JSON array of rrweb events")
    try:
        data = orjson.loads(body)
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
