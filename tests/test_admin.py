"""The admin API over a real socket: sites, block-lists, tokens, the audit log, retention."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest

from redactor.app import create_app
from tests import factories as f

ADMIN_ROUTES = [
    ("GET", "/v1/sites"), ("PUT", "/v1/sites/shop"), ("GET", "/v1/sites/shop"), ("PATCH", "/v1/sites/shop"),
    ("POST", "/v1/sites/shop/blocklist"), ("DELETE", "/v1/sites/shop/blocklist"), ("GET", "/v1/sites/shop/audit"),
    ("POST", "/v1/tokens"), ("DELETE", "/v1/tokens/alice"), ("GET", "/v1/sites/shop/sessions"),
    ("GET", "/v1/sites/shop/sessions/s1/events"), ("DELETE", "/v1/sites/shop/sessions/s1"),
]


async def named_token(client, admin_headers, name: str) -> dict[str, str]:
    answer = await client.post("/v1/tokens", json={"name": name}, headers=admin_headers)
    assert answer.status == 201
    body = await answer.json()
    assert body["name"] == name
    return {"Authorization": f"Bearer {body['token']}"}


@pytest.mark.parametrize("method, path", ADMIN_ROUTES)
async def test_admin_routes_need_a_valid_token(client, admin_headers, method, path):
    await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YWRtaW46YWRtaW4="}):
        answer = await client.request(method, path, json={"selector": ".x", "name": "bob"}, headers=headers)
        assert answer.status == 401
        body = await answer.json()
        assert body["error"] == "unauthorized" and "token" in body["detail"].lower()
        assert answer.headers.get("WWW-Authenticate") is None or "Bearer" in answer.headers["WWW-Authenticate"]
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert config["block_selectors"] == []  # nothing changed


async def test_a_revoked_token_stops_working(client, admin_headers):
    alice = await named_token(client, admin_headers, "alice")
    assert (await client.get("/v1/sites", headers=alice)).status == 200
    assert (await client.delete("/v1/tokens/alice", headers=admin_headers)).status == 204
    assert (await client.get("/v1/sites", headers=alice)).status == 401
    assert (await client.delete("/v1/tokens/alice", headers=admin_headers)).status == 404


@pytest.mark.parametrize("selector", ["div[", "p >", ":nth-child(x)", "a:has()", "::before", "#", ".a..b"])
async def test_an_invalid_selector_is_refused_and_changes_nothing(client, admin_headers, selector):
    await client.put("/v1/sites/shop", json={"block_selectors": [".ad"]}, headers=admin_headers)
    answer = await client.post("/v1/sites/shop/blocklist", json={"selector": selector}, headers=admin_headers)
    assert answer.status == 400
    body = await answer.json()
    assert body["error"] == "invalid_config"
    assert body["detail"].startswith("$.block_selectors") and repr(selector) in body["detail"]
    for bad in ({"block_selectors": [".ok", selector]}, {"sensitive_selectors": [selector]}):
        answer = await client.patch("/v1/sites/shop", json=bad, headers=admin_headers)
        assert answer.status == 400
        assert (await answer.json())["detail"].startswith(f"$.{next(iter(bad))}")
        assert (await client.put("/v1/sites/shop", json=bad, headers=admin_headers)).status == 400
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert config["block_selectors"] == [".ad"] and config["sensitive_selectors"] == []
    actions = [entry["action"] for entry in await (await client.get("/v1/sites/shop/audit", headers=admin_headers)).json()]
    assert actions == ["create_site"]


async def test_other_invalid_configurations_name_the_key(client, admin_headers):
    await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    for body, path in [({"colour": "red"}, "$.colour"), ({"record_inputs": "maybe"}, "$.record_inputs"),
                       ({"retention_days": 0}, "$.retention_days"), ({"allowed_origins": ["shop.example"]},
                                                                     "$.allowed_origins"),
                       ({"pii": {"threshold": 2}}, "$.pii.threshold")]:
        answer = await client.patch("/v1/sites/shop", json=body, headers=admin_headers)
        assert answer.status == 400, body
        assert (await answer.json())["detail"].startswith(path)
    for body in (b"not json", b"[1, 2]"):
        answer = await client.put("/v1/sites/shop", data=body, headers={**admin_headers, "Content-Type": "application/json"})
        assert answer.status == 400 and (await answer.json())["detail"]


async def test_a_site_cannot_turn_free_text_detection_off(client, admin_headers):
    """`pii` has a floor: an empty entities list left every e-mail and phone typed in a message box stored
    raw: refused with 400 naming the key, the previous configuration in force. A threshold above what
    validated identifiers score (1.0) is the site's to write and is answered back as written, but detection
    takes it at that score: the e-mail and the phone are still masked. Narrowing the entities and lowering
    the threshold stay the site's."""
    from redactor.ruledata import highest_site_threshold

    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    for method in (client.patch, client.put):
        answer = await method("/v1/sites/shop", json={"pii": {"entities": []}}, headers=admin_headers)
        assert answer.status == 400
        assert (await answer.json())["detail"].startswith("$.pii.entities")
    assert (await client.patch("/v1/sites/shop", json={"pii": {"threshold": 1.0}}, headers=admin_headers)).status == 200
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert config["pii"]["threshold"] == 1.0 and config["pii"]["entities"] != []
    box = f.element("textarea", {"name": "opmerking"})
    typed = "mail joris.peeters@telenet.be of bel 0475 12 34 56 - Joris Van Bergen"
    events = [f.meta(), f.snapshot(f.html_page(box, lang="nl")), *f.typing(box["id"], typed)]
    assert (await client.post("/v1/sites/shop/sessions/s1/events", json=events)).status == 202
    stored = await (await client.get("/v1/sites/shop/sessions/s1/events", headers=admin_headers)).text()
    assert "joris.peeters" not in stored and "12 34 56" not in stored and "of bel" in stored
    for body in ({"pii": {"entities": ["EMAIL_ADDRESS", "PERSON"]}}, {"pii": {"threshold": highest_site_threshold()}},
                 {"pii": {"threshold": 0.3}}):
        assert (await client.patch("/v1/sites/shop", json=body, headers=admin_headers)).status == 200, body


async def test_every_change_is_audited_with_the_token_name(client, admin_headers):
    alice = await named_token(client, admin_headers, "alice")
    bob = await named_token(client, admin_headers, "bob")
    assert (await client.put("/v1/sites/shop", json={}, headers=alice)).status == 201
    assert (await client.post("/v1/sites/shop/blocklist", json={"selector": ".card"}, headers=alice)).status == 200
    assert (await client.post("/v1/sites/shop/blocklist", json={"selector": "#promo > p"}, headers=bob)).status == 200
    assert (await client.delete("/v1/sites/shop/blocklist", json={"selector": ".card"}, headers=bob)).status == 200
    assert (await client.patch("/v1/sites/shop", json={"record_inputs": False}, headers=alice)).status == 200
    assert (await client.put("/v1/sites/shop", json={"retention_days": 30}, headers=admin_headers)).status == 200
    assert (await client.post("/v1/sites/shop/blocklist", json={"selector": "div["}, headers=bob)).status == 400
    await client.post("/v1/sites/shop/sessions/s1/events", json=[f.meta(), f.snapshot(f.html_page())])
    assert (await client.get("/v1/sites/shop/sessions/s1/events", headers=bob)).status == 200
    assert (await client.delete("/v1/sites/shop/sessions/s1", headers=alice)).status == 204

    log = await (await client.get("/v1/sites/shop/audit", headers=bob)).json()
    assert [(e["author"], e["action"]) for e in log] == [
        ("alice", "create_site"), ("alice", "add_block_selector"), ("bob", "add_block_selector"),
        ("bob", "remove_block_selector"), ("alice", "update_site"), ("admin", "replace_site"),
        ("bob", "read_session"), ("alice", "erase_session"),
    ]
    assert log[0]["before"] is None and log[0]["after"]["block_selectors"] == []
    assert log[2]["before"]["block_selectors"] == [".card"]
    assert log[2]["after"]["block_selectors"] == [".card", "#promo > p"]
    assert log[3]["after"]["block_selectors"] == ["#promo > p"]
    assert all(a["at"] <= b["at"] for a, b in zip(log, log[1:]))


async def test_block_list_changes_made_at_once_are_all_kept(client, admin_headers):
    await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    selectors = [f".promo-{i}" for i in range(12)]
    answers = await asyncio.gather(*(client.post("/v1/sites/shop/blocklist", json={"selector": s}, headers=admin_headers)
                                     for s in selectors))
    assert all(a.status == 200 for a in answers)
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert sorted(config["block_selectors"]) == sorted(selectors)


async def test_blocklist_answers_for_unknown_sites_and_selectors(client, admin_headers):
    answer = await client.post("/v1/sites/nowhere/blocklist", json={"selector": ".x"}, headers=admin_headers)
    assert answer.status == 404 and "PUT /v1/sites/nowhere" in (await answer.json())["detail"]
    await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    answer = await client.delete("/v1/sites/shop/blocklist", json={"selector": ".x"}, headers=admin_headers)
    assert answer.status == 404
    for body in ({}, {"selector": "  "}, {"selector": 3}, ["div"]):
        answer = await client.post("/v1/sites/shop/blocklist", json=body, headers=admin_headers)
        assert answer.status == 400 and "selector" in (await answer.json())["detail"]


# -- retention ----------------------------------------------------------------------------------------
async def test_retention_erases_sessions_older_than_the_site_keeps_them(aiohttp_client, settings, admin_headers):
    app = create_app(settings.model_copy(update={"retention_interval_seconds": 0.05}))
    # sweeps often; the test waits for the sweep, it does not time it
    client = await aiohttp_client(app)
    await client.put("/v1/sites/shop", json={"retention_days": 7}, headers=admin_headers)
    await client.put("/v1/sites/blog", json={}, headers=admin_headers)  # no retention_days: kept forever
    for site, session in (("shop", "old"), ("shop", "recent"), ("blog", "old")):
        answer = await client.post(f"/v1/sites/{site}/sessions/{session}/events", json=[f.meta(), f.snapshot(f.html_page())])
        assert answer.status == 202

    eight_days_ago = time.time() - 8 * 86_400
    with sqlite3.connect(settings.data_dir / "redactor.sqlite3") as db:  # make the sessions old
        db.execute("UPDATE sessions SET first_at = ?, last_at = ? WHERE session = 'old'", (eight_days_ago, eight_days_ago))
        db.execute("UPDATE batches SET received_at = ? WHERE session = 'old'", (eight_days_ago,))
    db.close()

    async def names(site: str) -> list[str]:
        answer = await client.get(f"/v1/sites/{site}/sessions", headers=admin_headers)
        return [s["session"] for s in await answer.json()]

    for _ in range(600):
        if await names("shop") == ["recent"]:
            break
        await asyncio.sleep(0.05)
    assert await names("shop") == ["recent"]
    assert await names("blog") == ["old"]
    assert (await client.get("/v1/sites/shop/sessions/old/events", headers=admin_headers)).status == 404
    log = await (await client.get("/v1/sites/shop/audit", headers=admin_headers)).json()
    erasures = [e for e in log if e["action"] == "erase_session"]
    assert [(e["author"], e["before"]["session"]) for e in erasures] == [("retention", "old")]
    # the session can start again: a new batch with the same id is a new session
    answer = await client.post("/v1/sites/shop/sessions/old/events", json=[f.meta(), f.snapshot(f.html_page())])
    assert answer.status == 202
    assert sorted(await names("shop")) == ["old", "recent"]


async def test_a_new_admin_token_replaces_the_last_one(aiohttp_client, settings, monkeypatch):
    first = await aiohttp_client(create_app(settings))
    assert (await first.get("/v1/sites", headers={"Authorization": "Bearer test-admin-token"})).status == 200
    await first.close()
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", "rotated-token")
    second = await aiohttp_client(create_app(settings))
    assert (await second.get("/v1/sites", headers={"Authorization": "Bearer rotated-token"})).status == 200
    assert (await second.get("/v1/sites", headers={"Authorization": "Bearer test-admin-token"})).status == 401


@pytest.mark.parametrize("method, path", [
    ("GET", "/v1/sites/nowhere"), ("PATCH", "/v1/sites/nowhere"), ("POST", "/v1/sites/nowhere/blocklist"),
    ("GET", "/v1/sites/nowhere/audit"), ("GET", "/v1/sites/nowhere/sessions"),
    ("GET", "/v1/sites/nowhere/sessions/s1/events"), ("DELETE", "/v1/sites/nowhere/sessions/s1"),
    ("POST", "/v1/sites/nowhere/sessions/s1/preview"), ("POST", "/v1/sites/nowhere/sessions/s1/events"),
])
async def test_every_route_answers_an_unknown_site_alike(client, admin_headers, method, path):
    """One answer (answers.unknown_site) wherever a site nobody created is named."""
    answer = await client.request(method, path, json={"selector": "#x"} if method != "GET" else None,
                                  headers=admin_headers)
    assert answer.status == 404
    assert await answer.json() == {"error": "unknown_site",
                                   "detail": "unknown site 'nowhere': create it with PUT /v1/sites/nowhere"}
