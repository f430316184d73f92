"""Bodies as posthog-js and @sentry/browser send them, built from rrweb events (tests/factories.py):
the same layers, built with the same compressions (fflate's gzip has mtime 0; per-field gzip is a
latin-1 string; Sentry's recording is a zlib stream after a {"segment_id":N} line).

    body = posthog_body([snapshot_event(events, session="s1")], framing="gzip")
    envelope = sentry_envelope("r1", events, urls=["https://shop.example/?mail=jan@mail.example"])
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from typing import Any
from urllib.parse import quote

TOKEN = "phc_TestProjectKey0123456789"
SENTRY_KEY = "0123456789abcdef0123456789abcdef"


def js_json(value: Any) -> bytes:
    """JSON as JSON.stringify writes it (no spaces, non-ASCII as is)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def latin1_gzip(value: Any) -> str:
    """posthog-js's gzipToString: gzip of the JSON, one character per byte."""
    return gzip.compress(js_json(value), mtime=0).decode("latin-1")


def rrweb_packed(event: dict[str, Any]) -> str:
    """@rrweb/packer's pack: zlib of the JSON with its mark v "v1", one character per byte."""
    return zlib.compress(js_json({**event, "v": "v1"})).decode("latin-1")


def inflate_field(value: str) -> Any:
    return json.loads(gzip.decompress(value.encode("latin-1")))


def per_field(event: dict[str, Any]) -> dict[str, Any]:
    """An rrweb event as posthog-js's compressEvent sends it (cv 2024-10)."""
    if event["type"] == 2:
        return {**event, "data": latin1_gzip(event["data"]), "cv": "2024-10"}
    if event["type"] == 3 and event["data"].get("source") == 0:
        data = {**event["data"], **{k: latin1_gzip(event["data"].get(k, [])) for k in
                                   ("texts", "attributes", "removes", "adds")}}
        return {**event, "data": data, "cv": "2024-10"}
    return event


def snapshot_event(events: list[dict[str, Any]], session: str = "0193-session", *, compress: bool = True,
                   token: str = TOKEN, **properties: Any) -> dict[str, Any]:
    data = [per_field(e) for e in events] if compress else events
    return {"event": "$snapshot", "properties": {
        "$snapshot_bytes": len(js_json(events)), "$snapshot_data": data, "$session_id": session,
        "$window_id": "0193-window", "$lib": "web", "$lib_version": "1.449.2", "token": token,
        "distinct_id": "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", **properties},
        "offset": 12, "sent_at": "2026-12-01T22:00:00.000Z"}


def analytics_event(name: str = "$pageview", token: str = TOKEN, **properties: Any) -> dict[str, Any]:
    return {"uuid": "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c", "event": name, "properties": {
        "token": token, "$session_id": "0193-session", "$window_id": "0193-window", "$lib": "web",
        "distinct_id": "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", **properties}, "timestamp": "2026-12-01T22:00:00.000Z"}


def posthog_body(data: Any, framing: str = "gzip") -> bytes:
    raw = js_json(data)
    if framing == "gzip":
        return gzip.compress(raw, mtime=0)
    if framing == "base64":
        return b"data=" + quote(base64.b64encode(raw).decode(), safe="-_.!~*'()").encode()
    return raw


def capture_batch(events: list[dict[str, Any]]) -> dict[str, Any]:
    """/e/'s body: {"api_key", "batch", "sent_at"}."""
    return {"api_key": events[0]["properties"]["token"], "batch": events, "sent_at": "2026-12-01T22:00:00.000Z"}


def unframe(raw: bytes) -> Any:
    if raw[:2] == b"\x1f\x8b":
        return json.loads(gzip.decompress(raw))
    if raw.startswith(b"data="):
        from urllib.parse import unquote
        return json.loads(base64.b64decode(unquote(raw[5:].decode())))
    return json.loads(raw)


def unpacked(rrweb_events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per-field gzip undone, as PostHog's ingestion does."""
    out = []
    for event in rrweb_events:
        if event.get("cv") == "2024-10":
            event = json.loads(json.dumps(event))
            if event["type"] == 2:
                event["data"] = inflate_field(event["data"])
            else:
                for key in ("texts", "attributes", "removes", "adds"):
                    if isinstance(event["data"].get(key), str):
                        event["data"][key] = inflate_field(event["data"][key])
        out.append(event)
    return out


# -- Sentry ---------------------------------------------------------------------------------------
def replay_event(replay_id: str, urls: list[str], **extra: Any) -> dict[str, Any]:
    return {"type": "replay_event", "replay_start_timestamp": 1764626400.0, "timestamp": 1764626401.5,
            "error_ids": [], "trace_ids": [], "urls": urls, "replay_id": replay_id, "segment_id": 0,
            "replay_type": "session", "event_id": replay_id, "platform": "javascript",
            "request": {"url": urls[0] if urls else "", "headers": {"User-Agent": "Mozilla/5.0"}},
            "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"}, **extra}


def sentry_envelope(replay_id: str, events: list[dict[str, Any]], *, urls: list[str] = (),
                    compression: str = "zlib", extra_items: list[tuple[dict[str, Any], bytes]] = (),
                    **replay_extra: Any) -> bytes:
    recording = js_json(events)
    if compression == "zlib":
        recording = zlib.compress(recording)
    elif compression == "gzip":
        recording = gzip.compress(recording, mtime=0)
    payload = b'{"segment_id":0}\n' + recording
    header = js_json({"event_id": replay_id, "sent_at": "2026-12-01T22:00:01.500Z",
                      "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"},
                      "dsn": f"http://{SENTRY_KEY}@127.0.0.1/1"})
    parts = [header, js_json({"type": "replay_event"}), js_json(replay_event(replay_id, list(urls), **replay_extra)),
             js_json({"type": "replay_recording", "length": len(payload)}), payload]
    for item_header, item_payload in extra_items:
        parts += [js_json(item_header), item_payload]
    return b"\n".join(parts)


class Refused(Exception):
    """A body the peer's collector would refuse (400)."""


def read_envelope(raw: bytes) -> tuple[dict[str, Any], list[tuple[dict[str, Any], bytes]]]:
    """Parsed the way Relay does: a header line, then items; `length` bytes when given (and checked)."""
    end = raw.index(b"\n") if b"\n" in raw else len(raw)
    header, position, items = json.loads(raw[:end]), end + 1, []
    while position < len(raw):
        end = raw.find(b"\n", position)
        end = len(raw) if end == -1 else end
        if not raw[position:end].strip():
            position = end + 1
            continue
        item_header = json.loads(raw[position:end])
        position = end + 1
        if "length" in item_header:
            payload = raw[position:position + item_header["length"]]
            if len(payload) != item_header["length"]:
                raise Refused("an item's length runs past the envelope")
            position += item_header["length"]
            if raw[position:position + 1] not in (b"\n", b""):
                raise Refused("an item's payload is longer than its length")
            position += 1
        else:
            end = raw.find(b"\n", position)
            end = len(raw) if end == -1 else end
            payload, position = raw[position:end], end + 1
        items.append((item_header, payload))
    return header, items


def recording_events(payload: bytes) -> tuple[str, list[dict[str, Any]]]:
    """(compression, events) of a replay_recording payload, as Relay reads it."""
    head, data = payload.split(b"\n", 1)
    assert "segment_id" in json.loads(head)
    if data[:1] == b"\x78":
        return "zlib", json.loads(zlib.decompress(data))
    if data[:2] == b"\x1f\x8b":
        return "gzip", json.loads(gzip.decompress(data))
    return "none", json.loads(data)
