"""Events packed by @rrweb/packer (`rrweb.record({packFn: pack})`) on the native ingest route, over
a real socket: unpacked, redacted and stored as the events they are; a bomb refused by the body's
inflation limit (413), and a string that is not a packed event refused with a clear 400. Nothing of
a refused batch is stored. (A real recording packed by the real packer: tests/e2e/test_packed.py.)"""

from __future__ import annotations

import zlib

import orjson
import pytest

from conftest import ADMIN_TOKEN
from factories import element, html_page, input_event, meta, snapshot, text
from peer_factories import js_json, rrweb_packed
from redactor.config import Settings

INGEST = "/v1/sites/shop/sessions/{}/events"
EMAIL = "wessel.brouwer@post.example"
LIMIT = 1 << 20


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)
    return Settings(data_dir=tmp_path / "data", pii_workers=0, max_inflated_bytes=LIMIT)


@pytest.fixture
async def shop(client, admin_headers):
    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    return client


async def stored(client, admin_headers, session: str) -> list | None:
    answer = await client.get(INGEST.format(session), headers=admin_headers)
    return await answer.json() if answer.status == 200 else None


def page() -> list[dict]:
    field = element("input", {"type": "text", "name": "contact"}, id=40)
    return [meta("https://shop.example/contact"),
            snapshot(html_page(element("h1", {}, [text("Fietsenwinkel De Spaak")]), field)),
            input_event(40, f"mail {EMAIL} graag")]


async def test_packed_events_are_unpacked_redacted_and_stored_unpacked(shop, admin_headers):
    events = page()
    answer = await shop.post(INGEST.format("packed"), data=js_json([rrweb_packed(event) for event in events]))
    assert answer.status == 202, await answer.text()
    assert await answer.json() == {"accepted": 3, "stored": 3, "dropped": 0}
    kept = await stored(shop, admin_headers, "packed")
    assert all(isinstance(event, dict) and "v" not in event for event in kept), kept
    assert [event["type"] for event in kept] == [4, 2, 3]
    plain = orjson.dumps(kept).decode()
    assert "wessel" not in plain and "brouwer" not in plain
    assert "Fietsenwinkel De Spaak" in plain and "\"mail " in plain  # the rest stays readable (the last word typed
    # stays masked until the field settles: README, batch boundaries)


async def test_a_batch_mixing_packed_and_plain_events_is_taken(shop, admin_headers):
    events = page()
    answer = await shop.post(INGEST.format("mixed"), data=js_json([events[0], rrweb_packed(events[1]), events[2]]))
    assert answer.status == 202, await answer.text()
    kept = await stored(shop, admin_headers, "mixed")
    assert [event["type"] for event in kept] == [4, 2, 3] and EMAIL not in orjson.dumps(kept).decode()


@pytest.mark.parametrize("events", [
    [{"type": 5, "timestamp": 1, "data": {"tag": "pad", "payload": " " * (2 * LIMIT)}}],  # one bomb
    [{"type": 5, "timestamp": n, "data": {"tag": "pad", "payload": " " * (LIMIT // 3)}} for n in range(4)],  # spread
], ids=["one", "spread"])
async def test_a_packed_bomb_is_refused_by_the_inflation_limit(shop, admin_headers, events):
    body = js_json([rrweb_packed(event) for event in events])
    assert len(body) < LIMIT // 50  # small as sent
    answer = await shop.post(INGEST.format("bomb"), data=body)
    assert answer.status == 413, await answer.text()
    error = await answer.json()
    assert error["error"] == "too_large" and str(LIMIT) in error["detail"]
    assert await stored(shop, admin_headers, "bomb") is None


def zlib_latin1(data: bytes) -> str:
    return zlib.compress(data).decode("latin-1")


@pytest.mark.parametrize("packed, says", [
    ("not a packed event", "not valid compressed data"),
    ("x\u0153" + "é" * 20, "above U+00FF"),  # a character no byte is
    (zlib_latin1(b"{not json")[:-4], "truncated"),
    (zlib_latin1(b"{not json"), "not JSON"),
    (zlib_latin1(b'{"type": 3, "data": {"source": 5, "text": "' + EMAIL.encode() + b'"}}'), "mark"),  # no v
    (zlib_latin1(b'{"type": 3, "data": {}, "v": "v2"}'), "'v2'"),
    (zlib_latin1(b'["v1"]'), "mark"),
    (zlib_latin1(b"{}") + "x", "after its compressed stream"),
    (rrweb_packed({"type": 5, "data": {}}).encode("latin-1").hex(), "not valid compressed data"),
    ("", "truncated"),
], ids=["ascii", "wide", "truncated", "not-json", "no-mark", "other-version", "not-an-object", "trailing", "hex",
        "empty"])
async def test_a_string_that_is_not_a_packed_event_gets_a_clear_400(shop, admin_headers, packed, says):
    events = page()
    answer = await shop.post(INGEST.format("garbage"), data=js_json([events[0], events[1], packed]))
    assert answer.status == 400, await answer.text()
    error = await answer.json()
    assert error["error"] == "bad_packed_event" and "event 2" in error["detail"] and says in error["detail"], error
    assert await stored(shop, admin_headers, "garbage") is None  # nothing of the batch, never the string raw
