"""The admin API: sites and their block-lists, named tokens, the audit log, stored sessions.

Every admin route needs `Authorization: Bearer <token>`. Tokens are kept as SHA-256 hashes
only (a token is shown once, when it is made) and looked up by hash, so a comparison never
touches the token itself. Every change is audited with the name of the token that made it,
and every read of a recording too.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from typing import Any

import orjson
from aiohttp import web

from redactor.keys import NAME, POLICIES, SETTINGS, STATES, STORE, TOKENS
from redactor.policy import ConfigError, Policy, SiteConfig, merge_site_config, validate_site_config

ADMIN_TOKEN_ENV = "REDACTOR_ADMIN_TOKEN"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def load_tokens(app: web.Application) -> None:
    seed = os.environ.get(ADMIN_TOKEN_ENV)
    if seed:
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


# -- sites ------------------------------------------------------------------------------------
async def put_site(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    before = request.app[POLICIES].get(site)
    try:
        config = validate_site_config(await json_body(request))
    except ConfigError as error:
        raise refuse(error) from None
    return await save_config(request, site, config, "replace_site" if before else "create_site",
                             before.config if before else None, status=200 if before else 201)


async def get_site(request: web.Request) -> web.Response:
    author(request)
    return web.Response(body=config_json(current_config(request, site_name(request))), content_type="application/json")


async def patch_site(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    before = current_config(request, site)
    try:
        config = merge_site_config(before, await json_body(request))
    except ConfigError as error:
        raise refuse(error) from None
    return await save_config(request, site, config, "update_site", before)


async def blocklist(request: web.Request) -> web.Response:
    author(request)
    site = site_name(request)
    before = current_config(request, site)
    body = await json_body(request)
    selector = body.get("selector") if isinstance(body, dict) else None
    if not isinstance(selector, str) or not selector.strip():
        raise web.HTTPBadRequest(text='send {"selector": "<a CSS selector>"}', reason="Bad Selector")
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
    try:
        config = merge_site_config(before, {"block_selectors": selectors})
    except ConfigError as error:
        raise refuse(error) from None
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


def add_routes(app: web.Application) -> None:
    r = app.router
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
