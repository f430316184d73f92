"""Least privilege over a real socket: tokens with a role and sites, the whole audit log,
reserved and whole names, the migration of tokens made before roles, and --admin-port."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request

import aiohttp
import pytest

from conftest import ADMIN_TOKEN, free_port, start_serve
from redactor.app import create_app
from tests import factories as f


async def token(client, admin_headers, **grant) -> dict[str, str]:
    answer = await client.post("/v1/tokens", json=grant, headers=admin_headers)
    assert answer.status == 201, await answer.text()
    body = await answer.json()
    assert body["name"] == grant["name"]
    return {"Authorization": f"Bearer {body['token']}"}


async def sites_with_a_session(client, admin_headers) -> None:
    for site in ("shop", "blog"):
        assert (await client.put(f"/v1/sites/{site}", json={}, headers=admin_headers)).status == 201
        answer = await client.post(f"/v1/sites/{site}/sessions/s1/events", json=[f.meta(), f.snapshot(f.html_page())])
        assert answer.status == 202


async def status(client, method: str, path: str, headers: dict[str, str], body=None) -> int:
    return (await client.request(method, path, json=body if body is not None else {}, headers=headers)).status


READS = [("GET", "/v1/sites/{s}"), ("GET", "/v1/sites/{s}/audit"), ("GET", "/v1/sites/{s}/sessions"),
         ("GET", "/v1/sites/{s}/sessions/s1/events")]
CHANGES = [("PATCH", "/v1/sites/{s}", {"record_inputs": False}), ("POST", "/v1/sites/{s}/blocklist", {"selector": ".x"}),
           ("PUT", "/v1/sites/{s}", {})]


async def test_a_viewer_reads_its_sites_and_changes_nothing(client, admin_headers):
    await sites_with_a_session(client, admin_headers)
    viewer = await token(client, admin_headers, name="vera", role="viewer", sites=["shop"])
    for method, path in READS:
        assert await status(client, method, path.format(s="shop"), viewer) == 200, path
        answer = await client.request(method, path.format(s="blog"), headers=viewer)
        assert answer.status == 403, path
        assert (await answer.json())["error"] == "forbidden"
    preview = {"selectors": ["p"]}
    assert await status(client, "POST", "/v1/sites/shop/sessions/s1/preview", viewer, preview) == 200
    assert await status(client, "POST", "/v1/sites/blog/sessions/s1/preview", viewer, preview) == 403
    for method, path, body in CHANGES:
        assert await status(client, method, path.format(s="shop"), viewer, body) == 403, path
    assert await status(client, "DELETE", "/v1/sites/shop/sessions/s1", viewer) == 403
    assert await status(client, "POST", "/v1/tokens", viewer, {"name": "eve", "role": "admin"}) == 403
    assert await status(client, "DELETE", "/v1/tokens/admin", viewer) == 403
    assert await status(client, "GET", "/v1/audit", viewer) == 403
    assert await (await client.get("/v1/sites", headers=viewer)).json() == ["shop"]  # only its own
    config = await (await client.get("/v1/sites/shop", headers=admin_headers)).json()
    assert config["record_inputs"] is True and config["block_selectors"] == []  # nothing changed


async def test_an_editor_changes_its_sites_and_manages_no_token(client, admin_headers):
    await sites_with_a_session(client, admin_headers)
    editor = await token(client, admin_headers, name="eddie", role="editor", sites=["shop"])
    for method, path, body in CHANGES:
        assert await status(client, method, path.format(s="shop"), editor, body) in (200, 201), path
        assert await status(client, method, path.format(s="blog"), editor, body) == 403, path
    assert await status(client, "PUT", "/v1/sites/new-site", editor, {}) == 403  # not its site either
    assert await status(client, "DELETE", "/v1/sites/blog/sessions/s1", editor) == 403
    assert await status(client, "DELETE", "/v1/sites/shop/sessions/s1", editor) == 204
    for name in ("alice", "eddie2"):
        assert await status(client, "POST", "/v1/tokens", editor, {"name": name}) == 403
    assert await status(client, "DELETE", "/v1/tokens/admin", editor) == 403
    assert await status(client, "DELETE", "/v1/tokens/eddie", editor) == 403
    assert await status(client, "GET", "/v1/audit", editor) == 403


async def test_a_token_made_without_a_role_is_an_editor_of_every_site(client, admin_headers):
    await sites_with_a_session(client, admin_headers)
    answer = await client.post("/v1/tokens", json={"name": "alice"}, headers=admin_headers)
    assert answer.status == 201
    body = await answer.json()
    assert (body["role"], body["sites"]) == ("editor", ["*"])
    alice = {"Authorization": f"Bearer {body['token']}"}
    for site in ("shop", "blog", "later"):
        assert await status(client, "PUT", f"/v1/sites/{site}", alice, {}) in (200, 201)
    assert await status(client, "POST", "/v1/tokens", alice, {"name": "mallory", "role": "admin"}) == 403


async def test_an_admin_of_some_sites_grants_only_those(client, admin_headers):
    await sites_with_a_session(client, admin_headers)
    shop_admin = await token(client, admin_headers, name="sam", role="admin", sites=["shop"])
    assert await status(client, "POST", "/v1/tokens", shop_admin, {"name": "v1", "role": "viewer", "sites": ["shop"]}) == 201
    for sites in (["*"], ["blog"], ["shop", "blog"]):
        assert await status(client, "POST", "/v1/tokens", shop_admin, {"name": "v2", "sites": sites}) == 403
    assert await status(client, "POST", "/v1/tokens", shop_admin, {"name": "v3"}) == 403  # no sites: every site
    everywhere = await token(client, admin_headers, name="wide", role="viewer", sites=["*"])
    assert await status(client, "DELETE", "/v1/tokens/wide", shop_admin) == 403
    assert await status(client, "DELETE", "/v1/tokens/v1", shop_admin) == 204
    assert await status(client, "GET", "/v1/sites", everywhere) == 200
    # the whole log shows it only what concerns its sites and the tokens it could have made
    log = await (await client.get("/v1/audit", headers=shop_admin)).json()
    assert {e["site"] for e in log} == {"shop", None}
    assert {e["after"]["name"] if e["after"] else e["before"]["name"] for e in log if e["site"] is None} == {"sam", "v1"}


@pytest.mark.parametrize("name", ["admin", "Admin", "retention", "config-file", "admin\n", "alice\n", "al ice",
                                  "al\x00ice", "bob\r\nX-Injected: 1", "", "-x", "a" * 201, 7, None])
async def test_token_names_are_whole_and_not_reserved(client, admin_headers, name):
    answer = await client.post("/v1/tokens", json={"name": name}, headers=admin_headers)
    assert answer.status == 400
    body = await answer.json()
    assert body["error"] in ("bad_name", "bad_token") and body["detail"]


@pytest.mark.parametrize("grant", [{"role": "root"}, {"role": 3}, {"sites": []}, {"sites": "shop"},
                                   {"sites": ["*", "shop"]}, {"sites": ["shop\n"]}, {"colour": "red"}])
async def test_a_token_grant_is_validated(client, admin_headers, grant):
    answer = await client.post("/v1/tokens", json={"name": "alice", **grant}, headers=admin_headers)
    assert answer.status == 400 and (await answer.json())["detail"]


async def test_a_live_name_is_not_given_twice_and_the_admin_token_is_not_revoked(client, admin_headers):
    await token(client, admin_headers, name="alice")
    answer = await client.post("/v1/tokens", json={"name": "alice", "role": "admin"}, headers=admin_headers)
    assert answer.status == 409
    answer = await client.delete("/v1/tokens/admin", headers=admin_headers)
    assert answer.status == 403 and "REDACTOR_ADMIN_TOKEN" in (await answer.json())["detail"]
    assert (await client.get("/v1/sites", headers=admin_headers)).status == 200


async def test_session_ids_and_site_names_are_whole(client, admin_headers):
    await client.put("/v1/sites/shop", json={}, headers=admin_headers)
    answer = await client.post("/v1/sites/shop/sessions/s1%0A/events", json=[f.meta(), f.snapshot(f.html_page())])
    assert answer.status == 400
    answer = await client.put("/v1/sites/shop%0A", json={}, headers=admin_headers)
    assert answer.status == 400


async def test_the_whole_audit_log_shows_token_changes_and_reads(client, admin_headers):
    await sites_with_a_session(client, admin_headers)
    viewer = await token(client, admin_headers, name="vera", role="viewer", sites=["shop"])
    await client.get("/v1/sites/shop/sessions", headers=viewer)
    await client.get("/v1/sites/shop/sessions/s1/events", headers=viewer)
    await client.post("/v1/sites/shop/sessions/s1/preview", json={"selectors": ["p"]}, headers=viewer)
    assert (await client.delete("/v1/tokens/vera", headers=admin_headers)).status == 204
    log = await (await client.get("/v1/audit", headers=admin_headers)).json()
    assert [(e["site"], e["author"], e["action"]) for e in log] == [
        ("shop", "admin", "create_site"), ("blog", "admin", "create_site"),
        (None, "admin", "create_token"),
        ("shop", "vera", "list_sessions"), ("shop", "vera", "read_session"), ("shop", "vera", "preview_blocklist"),
        (None, "admin", "revoke_token"),
    ]
    assert log[2]["after"] == {"name": "vera", "role": "viewer", "sites": ["shop"]}
    assert log[-1]["before"] == {"name": "vera", "role": "viewer", "sites": ["shop"]}
    assert log[-2]["after"] == {"session": "s1", "selectors": ["p"]}
    assert all("token" not in str(e) or e["action"].endswith("_token") for e in log)


async def test_tokens_made_before_roles_become_editors_of_every_site(aiohttp_client, settings, admin_headers):
    """A store from before roles: its token rows (hashes, no role) keep working as editors."""
    settings.data_dir.mkdir(parents=True)
    with sqlite3.connect(settings.data_dir / "redactor.sqlite3") as db:
        db.execute("CREATE TABLE tokens (name TEXT NOT NULL, hash TEXT PRIMARY KEY, created_at REAL NOT NULL, "
                   "revoked_at REAL)")
        db.execute("INSERT INTO tokens VALUES ('olga', ?, 0, NULL)", (hashlib.sha256(b"old-token").hexdigest(),))
        db.execute("INSERT INTO tokens VALUES ('gone', ?, 0, 1)", (hashlib.sha256(b"revoked-token").hexdigest(),))
    db.close()
    client = await aiohttp_client(create_app(settings))
    olga = {"Authorization": "Bearer old-token"}
    assert (await client.put("/v1/sites/shop", json={}, headers=olga)).status == 201
    assert (await client.patch("/v1/sites/shop", json={"record_inputs": False}, headers=olga)).status == 200
    assert (await client.post("/v1/tokens", json={"name": "x"}, headers=olga)).status == 403
    assert (await client.get("/v1/sites", headers={"Authorization": "Bearer revoked-token"})).status == 401
    log = await (await client.get("/v1/sites/shop/audit", headers=admin_headers)).json()
    assert [e["author"] for e in log] == ["olga", "olga"]


async def test_admin_port_serves_admin_and_viewer_apart_from_ingest(aiohttp_client, settings, admin_headers):
    admin_port = free_port()
    client = await aiohttp_client(create_app(settings.model_copy(update={"admin_port": admin_port})))
    admin_url = f"http://127.0.0.1:{admin_port}"
    async with aiohttp.ClientSession() as session:
        async with session.put(f"{admin_url}/v1/sites/shop", json={}, headers=admin_headers) as answer:
            assert answer.status == 201
        async with session.get(f"{admin_url}/v1/sites/shop", headers={"Authorization": "Bearer nope"}) as answer:
            assert answer.status == 401
        assert (await client.post("/v1/sites/shop/sessions/s1/events", json=[f.meta(), f.snapshot(f.html_page())])).status == 202
        async with session.get(f"{admin_url}/v1/sites/shop/sessions/s1/events", headers=admin_headers) as answer:
            assert answer.status == 200 and len(await answer.json()) == 2
        async with session.get(f"{admin_url}/") as answer:
            assert answer.status == 200 and "Content-Security-Policy" in answer.headers
        async with session.post(f"{admin_url}/v1/sites/shop/sessions/s1/events", json=[f.meta()],
                                headers=admin_headers) as answer:
            assert answer.status == 405  # ingest is not on the admin port
    # and the ingest port serves no admin route, no viewer, no document
    for method, path in (("GET", "/v1/sites/shop"), ("GET", "/v1/sites"), ("PUT", "/v1/sites/blog"),
                         ("GET", "/v1/sites/shop/sessions/s1/events"), ("POST", "/v1/tokens"), ("GET", "/v1/audit"),
                         ("GET", "/"), ("GET", "/static/viewer.js"), ("GET", "/openapi.json")):
        answer = await client.request(method, path, json={}, headers=admin_headers)
        assert answer.status in (404, 405), (method, path, answer.status)
    assert (await client.get("/healthz")).status == 200


def test_serve_admin_port_from_the_command_line(tmp_path):
    """`redactor serve --admin-port`: the admin API and viewer on their own listener only."""
    admin_port = free_port()
    server = start_serve(tmp_path / "data", "--admin-port", str(admin_port),
                         env={"REDACTOR_NER": "false", "REDACTOR_PII_WORKERS": "0"})
    try:
        def status(url: str, method: str = "GET") -> int:
            request = urllib.request.Request(url, data=b"{}" if method == "PUT" else None, method=method,
                                             headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    return answer.status
            except urllib.error.HTTPError as error:
                return error.code

        assert status(f"http://127.0.0.1:{admin_port}/v1/sites/shop", "PUT") == 201
        assert status(f"http://127.0.0.1:{admin_port}/") == 200
        assert status(f"{server.url}/v1/sites/shop") == 404
        assert status(f"{server.url}/") == 404
    finally:
        assert server.stop() == 0
    same = subprocess.run([sys.executable, "-m", "redactor.cli", "serve", "--port", "8089", "--admin-port", "8089",
                           "--data-dir", str(tmp_path / "other")], capture_output=True, timeout=120)
    assert same.returncode == 2 and b"--admin-port" in same.stderr
