"""Bad input, each with a clear answer: a 4xx that says what is wrong, or safe handling that
stores nothing unredacted. The server keeps serving after every one of them."""

from __future__ import annotations

import orjson
import pytest

from factories import add, custom, element, html_page, input_event, mutation, set_text, snapshot, text

INGEST = "/v1/sites/shop/sessions/{}/events"
SECRET = "geheim.adres@voorbeeld.example"


@pytest.fixture
async def shop(client, admin_headers):
    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    return client


async def post(client, session: str, events) -> tuple[int, dict]:
    answer = await client.post(INGEST.format(session), data=orjson.dumps(events))
    return answer.status, await answer.json()


async def stored(client, admin_headers, session: str) -> str:
    answer = await client.get(INGEST.format(session), headers=admin_headers)
    return (await answer.text()) if answer.status == 200 else ""


async def still_serving(client) -> None:
    assert (await client.get("/healthz")).status == 200


@pytest.mark.parametrize("events", [
    [{"type": 3, "data": {"source": 5, "text": 12345, "id": "seventy"}}],                 # wrong types
    [{"type": 3, "data": {"source": 0, "adds": "nope", "texts": [1, None], "attributes": {"x": 1}}}],
    [{"type": 3, "data": {"source": 0, "adds": [{"parentId": None, "node": "x"}], "removes": [7]}}],
    [{"type": 4, "data": {"href": 42}}],
    [{"type": 2, "data": {"node": {"type": "element", "childNodes": "none"}}}],
])
async def test_wrong_types_in_known_fields_are_handled_safely(shop, admin_headers, events):
    status, body = await post(shop, "types", events)
    assert status in (202, 400), body
    await still_serving(shop)


async def test_unknown_event_types_and_sources_are_dropped(shop, admin_headers):
    status, body = await post(shop, "unknown", [{"type": 99, "data": {"secret": SECRET}},
                                               {"type": 3, "data": {"source": 77, "payload": SECRET}}])
    assert status == 202 and body == {"accepted": 2, "stored": 0, "dropped": 2}
    assert SECRET not in await stored(shop, admin_headers, "unknown")


async def test_custom_and_plugin_events_are_scanned(shop, admin_headers):
    status, _ = await post(shop, "custom", [{"type": 5, "data": {"tag": "identify", "payload": {"email": SECRET}}},
                                           {"type": 6, "data": {"plugin": "rrweb/console@1",
                                                                "payload": {"payload": [f"user {SECRET}"]}}}])
    assert status == 202
    assert "geheim" not in await stored(shop, admin_headers, "custom")


@pytest.mark.parametrize("depth", [120, 300, 450, 5000])
async def test_deeply_nested_nodes_do_not_overflow(shop, admin_headers, depth):
    """The redactor walks trees without recursion; a DOM deeper than orjson encodes (255 levels
    of JSON, 125 elements) is redacted and stored whole; what cannot be decoded (past 1,024
    levels) is refused with a clear 400, never stored raw."""
    field = element("input", {"type": "email", "value": SECRET})
    opening, closing = "", ""
    for level in range(depth):  # built as text: json encoders recurse
        opening += f'{{"type": 2, "tagName": "div", "attributes": {{}}, "id": {10_000 + level}, "childNodes": ['
        closing += "]}"
    page = orjson.dumps(html_page(element("main", {"id": "root"}))).decode()
    body = page.replace('"id":"root"},"childNodes":[]', '"id":"root"},"childNodes":[' + opening
                        + orjson.dumps(field).decode() + closing + "]")
    event = '[{"type": 2, "data": {"node": ' + body + '}, "timestamp": 1},' + orjson.dumps(
        input_event(field["id"], SECRET)).decode() + "]"
    answer = await shop.post(INGEST.format(f"deep{depth}"), data=event)
    if depth < 500:
        assert answer.status == 202, await answer.text()
        kept = await stored(shop, admin_headers, f"deep{depth}")
        assert f'"id":{10_000 + depth - 1},"childNodes":[{{"type":2,"tagName":"input"' in kept  # the whole DOM
        assert orjson.loads(kept)  # written as JSON, orjson's bytes
    else:
        assert answer.status == 400 and (await answer.json())["error"] in ("bad_json", "too_deep")
    assert "geheim" not in await stored(shop, admin_headers, f"deep{depth}")
    await still_serving(shop)


@pytest.mark.parametrize("depth", [200, 300, 1000, 1100, 100_000])
async def test_batch_metadata_as_deep_as_it_can_be_decoded_is_stored(shop, admin_headers, depth):
    """The decoder takes 1,024 levels of JSON, orjson's encoder 255: metadata between the two is
    redacted and stored (rrweb_batch.deep_dumps); deeper, the body is refused at decode with a
    clear 400."""
    events = orjson.dumps([snapshot(html_page(element("p", {}, [text("Fietsbel, rood")])))]).decode()
    metadata = '{"a":' * depth + f'"{SECRET}"' + "}" * depth
    answer = await shop.post(INGEST.format(f"meta{depth}"), data=f'{{"events": {events}, "m": {metadata}}}')
    if depth <= 1000:
        assert answer.status == 202, await answer.text()
        assert "Fietsbel" in await stored(shop, admin_headers, f"meta{depth}")
    else:
        assert answer.status == 400
        body = await answer.json()
        assert body["error"] == "bad_json" and "depth" in body["detail"]
    assert "geheim" not in await stored(shop, admin_headers, f"meta{depth}")
    await still_serving(shop)


async def test_huge_strings(shop, admin_headers):
    notes = element("textarea", {})
    huge = ("lorem ipsum " * 100_000) + SECRET
    status, _ = await post(shop, "huge", [snapshot(html_page(notes)), input_event(notes["id"], huge)])
    assert status == 202
    assert "geheim" not in await stored(shop, admin_headers, "huge")


async def test_duplicate_node_ids_keep_the_strictest_flags(shop, admin_headers):
    password = element("input", {"type": "password"})
    twin = element("input", {"type": "text"}, id=password["id"])  # the same id twice in one snapshot
    status, _ = await post(shop, "dup", [snapshot(html_page(password, twin)), input_event(password["id"], "hunter2hunter2")])
    assert status == 202
    assert "hunter2" not in await stored(shop, admin_headers, "dup")


async def test_mutation_with_an_unknown_parent_fails_closed(shop, admin_headers):
    page = html_page()
    status, _ = await post(shop, "orphan", [snapshot(page), mutation(adds=[add(987654, text(f"Mail {SECRET} now"))])])
    assert status == 202
    body = await stored(shop, admin_headers, "orphan")
    assert "geheim" not in body and "Mail" not in body


async def test_incremental_batch_without_a_snapshot_fails_closed(shop, admin_headers):
    status, _ = await post(shop, "nosnap", [input_event(70, "Sanne van der Linden"), input_event(71, "fietsbel")])
    assert status == 202
    body = await stored(shop, admin_headers, "nosnap")
    assert "Sanne" not in body and "fietsbel" not in body  # never seen: masked, whatever it is


async def test_invalid_utf8_and_lone_surrogates(shop, admin_headers):
    answer = await shop.post(INGEST.format("utf8"), data=b'[{"type": 5, "data": {"tag": "\xff\xfe"}}]')
    assert answer.status == 400 and (await answer.json())["error"] == "bad_json"
    answer = await shop.post(INGEST.format("utf8"), data=b'[{"type": 5, "data": {"tag": "x", "payload": "\\ud800"}}]')
    assert answer.status in (202, 400)
    await still_serving(shop)


@pytest.mark.parametrize("refused", [True, False])
async def test_a_refused_batch_teaches_the_mirror_nothing(shop, admin_headers, refused):
    """Rollback is explicit (pipeline.py discards the mirrors of a refused batch): a batch refused
    during its redaction, here by a second snapshot without a node after the first was taken in,
    leaves the session's mirror as it was. The next batch changes a text the mirror never kept:
    unknown, so masked whole (fail closed). Accepted, the same snapshot lets the text through."""
    status_line = text("waiting")
    page = html_page(element("p", {"id": "status"}, [status_line]))
    broken = {"type": 2, "data": {"node": "none", "initialOffset": {"top": 0, "left": 0}}, "timestamp": 1}
    answer = await shop.post(INGEST.format("rollback"), data=orjson.dumps([snapshot(page), *[broken] * refused]))
    assert (answer.status, (await answer.json()).get("error")) == ((400, "bad_event") if refused else (202, None))
    status, _ = await post(shop, "rollback", [mutation(texts=[set_text(status_line["id"], "shipped")])])
    assert status == 202
    assert ("shipped" in await stored(shop, admin_headers, "rollback")) is not refused


async def test_an_unexpected_error_logs_the_route_never_the_path(aiohttp_client, tmp_path, caplog):
    """A 500's log line named request.rel_url.path: a PostHog path prefix (an api_host's path) or a
    session id is whatever the client wrote, an e-mail included. It names the route as declared."""
    import logging

    from aiohttp import web

    from redactor.app import create_app
    from redactor.config import Settings

    async def failing(request: web.Request) -> web.Response:
        raise RuntimeError("a bug")

    app = create_app(Settings(data_dir=tmp_path / "data", pii_workers=0, ner=False))
    app.router.add_post("/{prefix:.+}/failing/{session}", failing)  # a route that fails, as a bug would
    client = await aiohttp_client(app)
    with caplog.at_level(logging.ERROR, logger="redactor"):
        answer = await client.post("/jan.jansen@mail.example/failing/an.other@mail.example", data=b"{}")
    assert answer.status == 500
    assert (await answer.json())["error"] == "internal_error"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/{prefix}/failing/{session}" in logged
    assert "mail.example" not in logged
