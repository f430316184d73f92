"""The admin API: sites and their block-lists, named tokens, the audit log, stored sessions.

Every admin route needs `Authorization: Bearer <token>`. Tokens are kept as SHA-256 hashes
only (a token is shown once, when it is made) and looked up by hash, so a comparison never
touches the token itself. Every change is audited with the name of the token that made it,
and every read of a recording too.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from collections.abc import Callable
from typing import Any

import orjson
from aiohttp import web

from redactor.keys import NAME, POLICIES, SETTINGS, STATES, STORE, TOKENS
from redactor.policy import ConfigError, Policy, SiteConfig, merge_site_config, validate_site_config

ADMIN_TOKEN_ENV = "REDACTOR_ADMIN_TOKEN"
#: configuration changes read, merge and write: one at a time, or two block-list additions made
#: at once would both start from the same list and the second would drop the first
CONFIG_LOCK = web.AppKey("config_lock", asyncio.Lock)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def load_tokens(app: web.Application) -> None:
    """REDACTOR_ADMIN_TOKEN is the `admin` token: a new value replaces the last one (rotation)."""
    seed = os.environ.get(ADMIN_TOKEN_ENV)
    if seed:
        await app[STORE].revoke_token("admin")
        await app[STORE].add_token("admin", token_hash(seed))
    app[TOKENS].update(await app[STORE].token_names())


async def load_sites(app: web.Application) -> None:
    """Sites from the store; sites of the config file that the store does not have yet are
    created from it (after that, the API owns their changes)."""
    stored = await app[STORE].sites()
    for site, config in app[SETTINGS].sites.items():
        if site not in stored:
            await app[STORE].put_site(site, config.model_dump(), "config-file", "create_site", None)
            stored[site] = config.model_dump()
    for site, data in stored.items():
        app[POLICIES][site] = Policy.compile(site, validate_site_config(data))


def author(request: web.Request) -> str:
    """The name of the token the request carries; 401 without a valid one."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise web.HTTPUnauthorized(text="this route needs 'Authorization: Bearer <token>'", reason="Unauthorized",
                                   headers={"WWW-Authenticate": "Bearer"})
    digest = token_hash(token.strip())
    name = request.app[TOKENS].get(digest)
    if name is None or not hmac.compare_digest(digest, token_hash(token.strip())):
        raise web.HTTPUnauthorized(text="the token is not valid (unknown or revoked)", reason="Unauthorized",
                                   headers={"WWW-Authenticate": "Bearer"})
    return name


async def json_body(request: web.Request) -> Any:
    try:
        return orjson.loads(await request.read())
    except orjson.JSONDecodeError as error:
        raise web.HTTPBadRequest(text=f"the body is not JSON: {error}", reason="Bad JSON") from None


def site_name(request: web.Request) -> str:
    site = request.match_info["site"]
    if not NAME.match(site):
        raise web.HTTPBadRequest(text="a site name is 1-200 letters, digits, '.', '_', ':' or '-'", reason="Bad Site")
    return site


def current_config(request: web.Request, site: str) -> SiteConfig:
    policy = request.app[POLICIES].get(site)
    if policy is None:
        raise web.HTTPNotFound(text=f"unknown site {site!r}: create it with PUT /v1/sites/{site}", reason="Unknown Site")
    return policy.config


def config_json(config: SiteConfig) -> bytes:
    return orjson.dumps(config.model_dump())


async def save_config(request: web.Request, site: str, config: SiteConfig, action: str, before: SiteConfig | None,
                      status: int = 200) -> web.Response:
    who = author(request)
    await request.app[STORE].put_site(site, config.model_dump(), who, action,
                                      before.model_dump() if before is not None else None)
    request.app[POLICIES][site] = Policy.compile(site, config)  # applies from the next batch on
    return web.Response(body=config_json(config), status=status, content_type="application/json")


def refuse(error: ConfigError) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=f"{error.path}: {error.reason}", reason="Invalid Config")


def configured(build: Callable[[], SiteConfig]) -> SiteConfig:
    """build() (validate or merge), or a 400 naming the key and the reason."""
    try:
        return build()
    except ConfigError as error:
        raise refuse(error) from None


# -- sites ------------------------------------------------------------------------------------
async def put_site(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    body = await json_body(request)
    async with request.app[CONFIG_LOCK]:
        return await _put_site(request, site, body)


async def _put_site(request: web.Request, site: str, body: Any) -> web.Response:
    before = request.app[POLICIES].get(site)
    config = configured(lambda: validate_site_config(body))
    return await save_config(request, site, config, "replace_site" if before else "create_site",
                             before.config if before else None, status=200 if before else 201)


async def get_site(request: web.Request) -> web.Response:
    author(request)
    return web.Response(body=config_json(current_config(request, site_name(request))), content_type="application/json")


async def patch_site(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    body = await json_body(request)
    async with request.app[CONFIG_LOCK]:
        return await _patch_site(request, site, body)


async def _patch_site(request: web.Request, site: str, body: Any) -> web.Response:
    before = current_config(request, site)
    config = configured(lambda: merge_site_config(before, body))
    return await save_config(request, site, config, "update_site", before)


async def blocklist(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    current_config(request, site)  # 404 for an unknown site, before reading the body
    body = await json_body(request)
    selector = body.get("selector") if isinstance(body, dict) else None
    if not isinstance(selector, str) or not selector.strip():
        raise web.HTTPBadRequest(text='send {"selector": "<a CSS selector>"}', reason="Bad Selector")
    async with request.app[CONFIG_LOCK]:
        return await _change_blocklist(request, site, selector)


async def _change_blocklist(request: web.Request, site: str, selector: str) -> web.Response:
    before = current_config(request, site)
    selectors = list(before.block_selectors)
    if request.method == "POST":
        if selector not in selectors:
            selectors.append(selector)
        action = "add_block_selector"
    else:
        if selector not in selectors:
            raise web.HTTPNotFound(text=f"{selector!r} is not in the block-list", reason="Unknown Selector")
        selectors.remove(selector)
        action = "remove_block_selector"
    config = configured(lambda: merge_site_config(before, {"block_selectors": selectors}))
    return await save_config(request, site, config, action, before)


async def audit_log(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    return web.Response(body=orjson.dumps(await request.app[STORE].audit_log(site)), content_type="application/json")


# -- tokens -----------------------------------------------------------------------------------
async def create_token(request: web.Request) -> web.Response:
    who = author(request)
    body = await json_body(request)
    name = body.get("name") if isinstance(body, dict) else None
    if not isinstance(name, str) or not NAME.match(name):
        raise web.HTTPBadRequest(text='send {"name": "<1-200 letters, digits, . _ : ->"}', reason="Bad Name")
    token = secrets.token_urlsafe(32)
    await request.app[STORE].add_token(name, token_hash(token))
    await request.app[STORE].audit(None, who, "create_token", None, {"name": name})
    request.app[TOKENS][token_hash(token)] = name
    return web.Response(body=orjson.dumps({"token": token, "name": name}), status=201, content_type="application/json")


async def revoke_token(request: web.Request) -> web.Response:
    who = author(request)
    name = request.match_info["name"]
    if not await request.app[STORE].revoke_token(name):
        raise web.HTTPNotFound(text=f"no live token is named {name!r}", reason="Unknown Token")
    await request.app[STORE].audit(None, who, "revoke_token", {"name": name}, None)
    for digest in [d for d, n in request.app[TOKENS].items() if n == name]:
        del request.app[TOKENS][digest]
    return web.Response(status=204)


# -- stored sessions --------------------------------------------------------------------------
async def list_sessions(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    current_config(request, site)
    return web.Response(body=orjson.dumps(await request.app[STORE].sessions(site)), content_type="application/json")


async def session_events(request: web.Request) -> web.Response:
    who = author(request)
    site, session = site_name(request), request.match_info["session"]
    events = await request.app[STORE].session_events(site, session)
    if events is None:
        raise web.HTTPNotFound(text=f"no stored session {session!r} for site {site!r}", reason="Unknown Session")
    await request.app[STORE].audit(site, who, "read_session", None, {"session": session})
    return web.Response(body=events, content_type="application/json")


async def erase_session(request: web.Request) -> web.Response:
    who = author(request)
    site, session = site_name(request), request.match_info["session"]
    if not await request.app[STORE].erase_session(site, session, who):
        raise web.HTTPNotFound(text=f"no stored session {session!r} for site {site!r}", reason="Unknown Session")
    request.app[STATES].forget(site, session)
    return web.Response(status=204)


async def list_sites(request: web.Request) -> web.Response:
    author(request)
    return web.Response(body=orjson.dumps(sorted(request.app[POLICIES])), content_type="application/json")


# -- the OpenAPI document (redactor/openapi.yaml; tests/test_openapi.py keeps it true) -----------
OPENAPI = Path(__file__).resolve().parent / "openapi.yaml"


@functools.cache
def openapi_document() -> tuple[bytes, bytes]:
    """(YAML, JSON) of the document, read once."""
    import yaml

    text = OPENAPI.read_bytes()
    return text, orjson.dumps(yaml.safe_load(text))


async def openapi_json(request: web.Request) -> web.Response:
    return web.Response(body=openapi_document()[1], content_type="application/json")


async def openapi_yaml(request: web.Request) -> web.Response:
    return web.Response(body=openapi_document()[0], content_type="application/yaml", charset="utf-8")


def add_routes(app: web.Application) -> None:
    app[CONFIG_LOCK] = asyncio.Lock()
    r = app.router
    r.add_get("/openapi.json", openapi_json)
    r.add_get("/openapi.yaml", openapi_yaml)
    r.add_get("/v1/sites", list_sites)
    r.add_put("/v1/sites/{site}", put_site)
    r.add_get("/v1/sites/{site}", get_site)
    r.add_patch("/v1/sites/{site}", patch_site)
    r.add_post("/v1/sites/{site}/blocklist", blocklist)
    r.add_delete("/v1/sites/{site}/blocklist", blocklist)
    r.add_get("/v1/sites/{site}/audit", audit_log)
    r.add_post("/v1/tokens", create_token)
    r.add_delete("/v1/tokens/{name}", revoke_token)
    r.add_get("/v1/sites/{site}/sessions", list_sessions)
    r.add_get("/v1/sites/{site}/sessions/{session}/events", session_events)
    r.add_delete("/v1/sites/{site}/sessions/{session}", erase_session)
