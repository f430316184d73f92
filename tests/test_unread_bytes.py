"""Bytes redactor never parsed never reach the collector or the spool (the reviewer's finding 4): a
body is forwarded as it came only when its bytes are provably the JSON redactor read
(formats/peer.py exact); anything it cannot read whole — a second `data` field or another field in a
form, data after a gzip or zlib stream — is refused with a 400 and a JSON body. Over real sockets:
the app with --upstream, the stub collector (tests/peer_collector.py) on another socket."""

from __future__ import annotations

import base64
import gzip
import json
import sqlite3
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest

from peer_collector import collector  # noqa: F401 (the fixture)
from peer_factories import SENTRY_KEY, TOKEN, js_json, snapshot_event
from redactor.app import create_app
from redactor.config import Settings
from redactor.policy import validate_site_config

EMAIL = "noor.elamrani@mail.example"
CLEAN_URL = "https://shop.example/"
DIRTY_URL = f"https://shop.example/?email={EMAIL}"


def _settings(tmp_path: Path, upstream: str) -> Settings:
    sites = {"shop": validate_site_config({"sdk_keys": [TOKEN, SENTRY_KEY]})}
    return Settings(data_dir=tmp_path / "data", upstream=upstream, pii_workers=0, ner=False, sites=sites,
                    upstream_timeout_seconds=2.0, spool_retry_max_seconds=60.0)


@pytest.fixture
async def proxy(aiohttp_client, tmp_path: Path, collector):
    return await aiohttp_client(create_app(_settings(tmp_path, collector.url)))


def every_layer(raw: bytes) -> bytes:
    """raw, with everything any inflater could find in it: each gzip member and zlib stream that
    starts anywhere, and what follows it — what a lenient collector (or a person reading the
    spool) could read."""
    out = [raw]
    for magic, wbits in ((b"\x1f\x8b", 31), (b"\x78", 15)):
        start = raw.find(magic)
        while start != -1:
            try:
                inflater = zlib.decompressobj(wbits)
                out.append(inflater.decompress(raw[start:]))
            except zlib.error:
                pass
            start = raw.find(magic, start + 1)
    for line in raw.split(b"&"):
        name, _, value = line.partition(b"=")
        if name == b"data":
            encoded = value.decode().replace("%2B", "+").replace("%2F", "/").replace("%3D", "=")
            out.append(every_layer(base64.b64decode(encoded + "=" * (-len(encoded) % 4))))
    return b"\n".join(out)


def pageview(url: str) -> bytes:
    return js_json([{"event": "$pageview", "properties": {"token": TOKEN, "distinct_id": "12",
                                                          "$current_url": url}}])


def form(*fields: tuple[str, bytes | str]) -> bytes:
    return "&".join(f"{name}={quote(base64.b64encode(value).decode() if isinstance(value, bytes) else value)}"
                    for name, value in fields).encode()


def envelope(recording: bytes, *extra: tuple[bytes, bytes]) -> bytes:
    replay = js_json({"type": "replay_event", "replay_id": "a" * 32, "segment_id": 0, "timestamp": 1.0,
                      "replay_type": "session", "urls": []})
    lines = [js_json({"event_id": "a" * 32}), b'{"type":"replay_event"}', replay,
             js_json({"type": "replay_recording", "length": len(recording)}), recording]
    for header, payload in extra:
        lines += [header, payload]
    return b"\n".join(lines)


RRWEB_DUPLICATE_KEY = (b'[{"type":4,"data":{"href":"https://shop.example/","width":1,"height":1},"timestamp":1},'
                       b'{"type":3,"timestamp":3,"data":{"source":5,"id":99,"text":"' + EMAIL.encode()
                       + b'","text":"","isChecked":false}}]')


@pytest.mark.parametrize("name, raw", [
    ("a second data field (a form parser may read the last)",
     form(("data", pageview(CLEAN_URL)), ("data", pageview(DIRTY_URL)))),
    ("a field redactor does not read", form(("data", pageview(CLEAN_URL)), ("note", f"mail me: {EMAIL}"))),
], ids=["two-data", "extra-field"])
async def test_a_form_with_more_than_posthogs_one_data_field_is_refused(proxy, collector, name, raw):
    answer = await proxy.post("/e/?compression=base64", data=raw,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 400, name
    body = await answer.json()
    assert body["error"] == "bad_form" and "data=<base64" in body["detail"]
    assert not collector.received


async def test_posthogs_own_form_still_passes(proxy, collector):
    raw = form(("data", pageview(DIRTY_URL)))
    answer = await proxy.post("/e/?compression=base64", data=raw,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 200, await answer.text()
    [forwarded] = collector.requests("/e/")
    assert forwarded["json"][0]["properties"]["$current_url"].startswith("https://shop.example/?email=")
    assert EMAIL not in every_layer(forwarded["raw"]).decode("latin-1")


@pytest.mark.parametrize("path, raw", [
    ("/s/", gzip.compress(pageview(CLEAN_URL), mtime=0) + gzip.compress(pageview(DIRTY_URL), mtime=0)),
    ("/api/1/envelope/", envelope(b'{"segment_id":0}\n' + zlib.compress(b'[{"type":4,"data":{"href":"' +
                                                                        CLEAN_URL.encode() + b'"},"timestamp":1}]')
                                  + zlib.compress(RRWEB_DUPLICATE_KEY))),
    ("/s/", js_json([snapshot_event([{"type": 2, "timestamp": 1, "cv": "2024-10", "data": (
        gzip.compress(b'{"node":{"type":0,"childNodes":[],"id":1}}', mtime=0)
        + gzip.compress(EMAIL.encode(), mtime=0)).decode("latin-1")}], compress=False)])),
], ids=["posthog-gzip-members", "sentry-zlib-streams", "per-field-gzip-members"])
async def test_data_after_a_compressed_stream_is_refused(proxy, collector, path, raw):
    """A second gzip member (gzip -d and Python's gzip read them all), a second zlib stream after a
    replay_recording's, a per-field gzip string with a second member: 400, never forwarded."""
    answer = await proxy.post(path, data=raw, headers={"Content-Type": "text/plain"})
    assert answer.status == 400, await answer.text()
    body = await answer.json()
    assert body["error"] == "bad_encoding" and "after its compressed stream" in body["detail"]
    assert not collector.received


def _duplicate_keys() -> list[tuple[str, bytes]]:
    dup = (b'[{"event":"$pageview","properties":{"token":"' + TOKEN.encode() + b'","distinct_id":"12",'
           b'"$current_url":"' + DIRTY_URL.encode() + b'","$current_url":"' + CLEAN_URL.encode() + b'"}}]')
    gzip_named = bytearray(gzip.compress(pageview(CLEAN_URL), mtime=0))
    gzip_named[3] = 0x08  # FNAME: a name no inflater outputs, a collector's gunzip may keep
    gzip_named[10:10] = EMAIL.encode() + b"\x00"
    packed = snapshot_event([{"type": 2, "timestamp": 1, "cv": "2024-10", "data": gzip.compress(
        b'{"node":{"type":0,"childNodes":[],"id":1,"name":"' + EMAIL.encode() + b'","name":"x"}}',
        mtime=0).decode("latin-1")}], compress=False)
    return [
        ("/e/", dup),  # orjson keeps the last (clean) one; a collector may read the first
        ("/e/", gzip.compress(dup, mtime=0)),
        ("/e/", bytes(gzip_named)),
        ("/s/", gzip.compress(js_json([packed]), mtime=0)),  # a duplicate key inside a per-field gzip string
        ("/api/1/envelope/", envelope(b'{"segment_id":0}\n' + zlib.compress(RRWEB_DUPLICATE_KEY))),
        ("/api/1/envelope/", envelope(b'{"segment_id":0,"segment_id":0}\n[]',
                                      (b'{"type":"event","type":"event"}', b'{"message":"' + EMAIL.encode()
                                       + b'","message":"boom"}'))),
        ("/api/1/envelope/", envelope(b'{"segment_id":0}\n[]', (b'{"type":"event","filename":"' + EMAIL.encode()
                                                                + b'","filename":"x"}', b'{"message":"boom"}'))),
    ]


@pytest.mark.parametrize("path, raw", _duplicate_keys(), ids=[
    "json", "gzip", "gzip-fname", "per-field-gzip", "sentry-zlib", "sentry-item", "sentry-item-header"])
async def test_what_redactor_did_not_read_is_never_forwarded(proxy, collector, path, raw):
    """A duplicate key hides a value from the parser redactor uses (orjson keeps the last), and
    redaction then changed nothing: the body went on byte for byte, the first value with it.
    What goes on now is the value redactor read, encoded again."""
    answer = await proxy.post(path, data=raw, headers={"Content-Type": "text/plain"})
    assert answer.status == 200, await answer.text()
    [forwarded] = collector.received
    assert EMAIL not in every_layer(forwarded["raw"]).decode("latin-1")
    assert not collector.refused  # and the collector reads it as it reads the SDK's


async def test_with_the_collector_down_the_spool_holds_only_what_was_read(aiohttp_client, tmp_path, dead_upstream):
    client = await aiohttp_client(create_app(_settings(tmp_path, dead_upstream)))
    for path, raw in _duplicate_keys():
        answer = await client.post(path, data=raw, headers={"Content-Type": "text/plain"})
        assert answer.status == 202 and (await answer.json())["spooled"] is True
    spooled = b""
    for file in (tmp_path / "data").rglob("*.sqlite3*"):
        spooled += every_layer(file.read_bytes())
    with sqlite3.connect(tmp_path / "data" / "spool" / "spool.sqlite3") as db:
        bodies = [body for (body,) in db.execute("SELECT body FROM items")]
    assert len(bodies) == len(_duplicate_keys())
    for body in bodies:
        spooled += every_layer(body)
    assert EMAIL.encode() not in spooled

