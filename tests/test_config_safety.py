"""A configuration never bricks the server: limits on selectors answer 400 before anything is
stored or audited, and a stored configuration that no longer compiles is served fail-closed."""

from __future__ import annotations

import logging
import sqlite3

import orjson
import pytest

from leaks import strings
from redactor.app import create_app
from redactor.policy import MAX_SELECTOR_DEPTH, MAX_SELECTORS
from tests import factories as f


async def audit_actions(client, admin_headers) -> list[str]:
    return [e["action"] for e in await (await client.get("/v1/sites/shop/audit", headers=admin_headers)).json()]


@pytest.mark.parametrize("selectors, says", [
    ([f".c{i}" for i in range(10_000)], f"at most {MAX_SELECTORS} selectors"),
    ([" ".join(["div"] * 100)], "levels deep"),
    ([":is(" * 60 + "p" + ")" * 60], "levels deep"),
    ([":not(" * 150 + "p" + ")" * 150], "levels deep"),
    (["div " * 400 + "p"], "at most 1000 characters"),
    ([", ".join(f"div.c{i} > p" for i in range(900)) for _ in range(10)], "at most 1000 characters"),
    ([" > ".join(["div"] * 9) + f".c{i}" for i in range(1000)], "too many parts to compile"),
])
async def test_selectors_past_the_limits_are_refused_before_anything_is_stored(client, admin_headers, selectors, says):
    assert (await client.put("/v1/sites/shop", json={"block_selectors": [".ad"]}, headers=admin_headers)).status == 201
    for method, path, body in (("PATCH", "/v1/sites/shop", {"block_selectors": selectors}),
                               ("PUT", "/v1/sites/shop", {"sensitive_selectors": selectors}),
                               ("POST", "/v1/sites/shop/blocklist", {"selector": selectors[0]})):
        answer = await client.request(method, path, json=body, headers=admin_headers)
        fine_alone = "selectors" in says or "parts" in says  # the fault is in their number, not in one
        if method == "POST" and fine_alone:
            assert answer.status == 200
            await client.delete(path, json=body, headers=admin_headers)
            continue
        assert answer.status == 400, (method, await answer.text())
        error = await answer.json()
        assert error["error"] == "invalid_config" and says in error["detail"] and error["detail"].startswith("$.")
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert config["block_selectors"] == [".ad"] and config["sensitive_selectors"] == []
    assert set(await audit_actions(client, admin_headers)) <= {"create_site", "add_block_selector",
                                                               "remove_block_selector"}


async def test_selectors_within_the_limits_serve_every_batch(client, admin_headers):
    deep = " ".join(["div"] * (MAX_SELECTOR_DEPTH - 1)) + " .secret"
    answer = await client.put("/v1/sites/shop", json={"block_selectors": [deep, *(f".c{i}" for i in range(500))]},
                              headers=admin_headers)
    assert answer.status == 201
    inner = f.element("span", {"class": "secret"}, [f.text("hidden words")])
    for _ in range(MAX_SELECTOR_DEPTH + 5):
        inner = f.element("div", {}, [inner])
    answer = await client.post("/v1/sites/shop/sessions/s1/events", json=[f.meta(), f.snapshot(f.html_page(inner))])
    assert answer.status == 202
    stored = await (await client.get("/v1/sites/shop/sessions/s1/events", headers=admin_headers)).read()
    assert b"hidden words" not in stored


async def test_a_stored_configuration_that_no_longer_compiles_is_served_fail_closed(
        aiohttp_client, settings, admin_headers, caplog):
    first = await aiohttp_client(create_app(settings))
    site = {"allowed_origins": ["https://shop.example"], "block_selectors": ["#balance"]}
    assert (await first.put("/v1/sites/shop", json=site, headers=admin_headers)).status == 201
    await first.close()
    # the rules changed since it was stored: its selector is now past the depth limit
    stored = {**site, "block_selectors": [" ".join(["div"] * 200)]}
    with sqlite3.connect(settings.data_dir / "redactor.sqlite3") as db:
        db.execute("UPDATE sites SET config = ? WHERE site = 'shop'", (orjson.dumps(stored),))
    db.close()

    caplog.set_level(logging.ERROR, logger="redactor")
    client = await aiohttp_client(create_app(settings))  # starts: no crash
    assert any("shop" in r.getMessage() and "fail-closed" in r.getMessage() for r in caplog.records)
    page = f.html_page(f.element("p", {}, [f.text("Balance of Camille: 1200 EUR")]),
                       f.element("input", {"type": "text", "name": "q", "value": "winter boots"}))
    answer = await client.post("/v1/sites/shop/sessions/s1/events", json=[f.meta(), f.snapshot(page)],
                               headers={"Origin": "https://shop.example"})
    assert answer.status == 202  # still served, its allowed origins kept
    stored_events = await (await client.get("/v1/sites/shop/sessions/s1/events", headers=admin_headers)).read()
    stored_texts = "\n".join(strings(orjson.loads(stored_events)))  # texts only: a node id may hold "1200"
    assert "Balance" not in stored_texts and "1200" not in stored_texts and "winter" not in stored_texts
    # what is shown is what was salvaged, and says so; a change must start from a whole configuration
    answer = await client.get("/v1/sites/shop", headers=admin_headers)
    assert answer.headers["X-Redactor-Fail-Closed"] and (await answer.json())["allowed_origins"] == site["allowed_origins"]
    for method, path, body in (("PATCH", "/v1/sites/shop", {"retention_days": 3}),
                               ("POST", "/v1/sites/shop/blocklist", {"selector": "#x"})):
        answer = await client.request(method, path, json=body, headers=admin_headers)
        assert answer.status == 409 and "PUT" in (await answer.json())["detail"]
    # an editor saves a valid configuration: the site is judged by it again
    assert (await client.put("/v1/sites/shop", json=site, headers=admin_headers)).status == 200
    answer = await client.post("/v1/sites/shop/sessions/s2/events", json=[f.meta(), f.snapshot(page)])
    assert "X-Redactor-Fail-Closed" not in (await client.get("/v1/sites/shop", headers=admin_headers)).headers
    stored_events = await (await client.get("/v1/sites/shop/sessions/s2/events", headers=admin_headers)).read()
    assert b"Balance of" in stored_events
