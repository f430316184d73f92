"""The admin API: sites and their block-lists, named tokens with roles, the audit log, stored sessions.

It is an aiohttp sub-application mounted at /v1 (or served on its own listener with
`--admin-port`), and every one of its routes passes through one middleware, `authorize`: the
route declares the least role it needs when it is added (`Route`), and a route that declares
nothing is refused, so no handler can forget the check.

Tokens are kept as SHA-256 hashes only (a token is shown once, when it is made) and looked up
by hash. A token has a role and sites: a viewer reads the configuration, sessions, events and
audit of its sites; an editor also changes them; an admin also manages tokens (within its own
sites) and reads the whole audit log. Every change is audited with the token's name, and every
read of recordings (a session's events, a session list, a block-list preview) too.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import hashlib
import logging
import os
import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web

from redactor import session_ids, workers
from redactor.answers import unknown_site
from redactor.body import read_body
from redactor.formats.rrweb_batch import BatchError
from redactor.keys import NAME, POLICIES, REFUSED, SECRET, SETTINGS, SHARED_ADMIN, STATES, STORE, TOKENS
from redactor.shared_admin import RETRY_SECONDS
from redactor.policy import ConfigError, Policy, SiteConfig, merge_site_config, validate_site_config
from redactor.redact import forget_rule_answers
from redactor.retention import AUTHOR as RETENTION_AUTHOR
from redactor.sinks.store import SdkKeysTaken, SiteMoved

log = logging.getLogger("redactor.admin")

ADMIN_TOKEN_ENV = "REDACTOR_ADMIN_TOKEN"
ADMIN_AUTHOR = "admin"  # the name of the REDACTOR_ADMIN_TOKEN token
CONFIG_FILE_AUTHOR = "config-file"  # sites created from the config file
#: names that would pass an entry of the audit log off as the operator's or the server's own
RESERVED_NAMES = frozenset({ADMIN_AUTHOR, CONFIG_FILE_AUTHOR, RETENTION_AUTHOR, "system", "redactor"})
EVERY_SITE = "*"
#: configuration changes read, merge and write: one at a time, or two block-list additions made
#: at once would both start from the same list and the second would drop the first (within this
#: process; Store.changing serializes them across the processes sharing the store)
CONFIG_LOCK = web.AppKey("config_lock", asyncio.Lock)


class Role(enum.IntEnum):
    """Each role can do what the ones below it can."""
    VIEWER = 1
    EDITOR = 2
    ADMIN = 3


@dataclass(frozen=True)
class Grant:
    """What a token may do: its name (the author of what it does), role and sites."""
    name: str
    role: Role
    sites: tuple[str, ...]  # ("*",): every site

    def covers(self, site: str) -> bool:
        return EVERY_SITE in self.sites or site in self.sites

    def covers_all(self, sites: Iterable[str]) -> bool:
        return EVERY_SITE in self.sites or all(s != EVERY_SITE and s in self.sites for s in sites)

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.name.lower(), "sites": list(self.sites)}


GRANT = web.RequestKey("grant", Grant)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    """One admin route and the least role it needs. Routes with a {site} also need the site."""
    method: str
    path: str  # under /v1
    handler: Handler
    role: Role


ACCESS = web.AppKey("access", dict)  # aiohttp route → Role


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


#: sites one token may name (more: give it "*"); the list is checked on every request it makes
MAX_TOKEN_SITES = 1000


def grant_of(name: str, role: str, sites: list[str]) -> Grant:
    return Grant(name, Role[role.upper()], tuple(sites))


async def load_tokens(app: web.Application) -> None:
    """REDACTOR_ADMIN_TOKEN is the `admin` token, admin of every site: a new value replaces the
    last one (rotation)."""
    seed = os.environ.get(ADMIN_TOKEN_ENV)
    if seed:
        await app[STORE].add_token(ADMIN_AUTHOR, token_hash(seed), "admin", [EVERY_SITE], replacing=True)
    await reload_grants(app)


async def reload_grants(app: Mapping[Any, Any]) -> None:
    """The app's grants as the store's live tokens are now: one revoked elsewhere (another worker on this store,
    another instance on the Redis) is refused here from then on."""
    grants = {digest: grant_of(*row) for digest, row in (await app[STORE].tokens()).items()}
    app[TOKENS].clear()
    app[TOKENS].update(grants)


def note_file_differs(in_file: SiteConfig | None, in_force: SiteConfig, site: str) -> None:
    """A site of the config file whose stored configuration differs: the stored one stays in force
    (the API owns a site after its first start), which an operator who edited the file may not
    expect, so it is said at every start until the two agree."""
    if in_file is None or in_file.model_dump() == in_force.model_dump():
        return
    changed = sorted(key for key, value in in_file.model_dump().items() if in_force.model_dump().get(key) != value)
    log.warning("site %s: the config file's configuration differs from the stored one (%s), which stays in "
                "force: the admin API owns a site after its first start. To apply the file's, send it with "
                "PUT /v1/sites/%s (or PATCH the keys that differ)", site, ", ".join(changed), site)


#: site → the stored version its policy in POLICIES was compiled from
COMPILED = web.AppKey("compiled_versions", dict)


async def load_sites(app: web.Application) -> int:
    """Sites from the store; sites of the config file that the store does not have yet are
    created from it (after that, the API owns their changes). Only a site whose stored version
    moved is compiled again (the others keep their policy), on a thread: a thousand long
    selectors take seconds to compile, and the event loop serves ingest meanwhile. A stored
    configuration that no longer validates or compiles does not stop the server: the site is
    served fail-closed. Returns how many sites were compiled."""
    store, compiled = app[STORE], app[COMPILED]
    stored = await store.sites()
    for site, config in app[SETTINGS].sites.items():
        if site not in stored:
            try:
                version = await store.put_site(site, config.model_dump(), CONFIG_FILE_AUTHOR, "create_site", None, 0)
                stored[site] = (version, config.model_dump())
            except SiteMoved:  # another process created it meanwhile: its copy is read below
                stored = await store.sites()
    changed = {site: row for site, row in stored.items() if compiled.get(site) != row[0]}
    if changed:
        policies = await asyncio.to_thread(_compile_sites, changed, app[SETTINGS].sites)
        for site, (version, _) in changed.items():
            if compiled.get(site, 0) < version:  # a change made here meanwhile is newer: it stays
                install_policy(app, site, policies[site], version)
    return len(changed)


def install_policy(app: Mapping, site: str, policy: Policy, version: int) -> None:
    """The site's policy from now on. The rules' answers kept in this process are keyed by policies'
    methods: forgotten with the old policy, or each save of a configuration would keep one more alive."""
    app[POLICIES][site], app[COMPILED][site] = policy, version
    forget_rule_answers()


def _compile_sites(stored: dict[str, tuple[int, dict[str, Any]]],
                   in_file: dict[str, SiteConfig]) -> dict[str, Policy]:
    policies = {}
    for site, (_, data) in stored.items():
        try:
            config = validate_site_config(data)
            policies[site] = Policy.compile(site, config)
            note_file_differs(in_file.get(site), config, site)
        except ConfigError as error:
            log.error("site %s: its stored configuration is invalid (%s): served fail-closed, every element "
                      "masked, until a valid one is saved", site, "; ".join(path for path, _ in error.errors))
            policies[site] = Policy.fail_closed(site, data)
    return policies


def _unauthorized(detail: str) -> web.HTTPUnauthorized:
    return web.HTTPUnauthorized(text=detail, reason="Unauthorized", headers={"WWW-Authenticate": "Bearer"})


def authenticate(request: web.Request) -> Grant:
    """The grant of the token the request carries; 401 without a valid one. Tokens are found
    by their hash: what a lookup's timing could tell is a hash, not a token."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("this route needs 'Authorization: Bearer <token>'")
    grant = request.config_dict[TOKENS].get(token_hash(token.strip()))
    if grant is None:
        raise _unauthorized("the token is not valid (unknown or revoked)")
    return grant


def forbidden(detail: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=detail, reason="Forbidden")


@web.middleware
async def authorize(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The one check of every admin route: a valid token (401), whose role and sites cover the
    route (403). A route added without a role is refused: fail closed."""
    if request.match_info.http_exception is not None:  # no such route or method: 404/405, as the
        return await handler(request)                   # OpenAPI document already says what exists
    await workers.fresh_config(request.config_dict)  # --workers N: a token or site another child changed
    grant = authenticate(request)
    shared = request.config_dict.get(SHARED_ADMIN)
    if shared is not None and not shared.current and grant.name != ADMIN_AUTHOR:
        # --state: a token is one truth across the instances, and Redis cannot say it was not revoked
        # through another one meanwhile (the admin token is this instance's own)
        raise web.HTTPServiceUnavailable(
            text=f"token {grant.name!r} cannot be checked against the other instances: Redis does not answer; "
                 "send it again once it does", reason="State Unavailable", headers={"Retry-After": str(RETRY_SECONDS)})
    needed = request.app[ACCESS].get(request.match_info.route)
    if needed is None:
        raise forbidden("this route declares no role: refused")
    if grant.role < needed:
        raise forbidden(f"this needs the {needed.name.lower()} role; token {grant.name!r} is "
                        f"{grant.role.name.lower()}")
    site = request.match_info.get("site")
    if site is not None and not grant.covers(site):
        raise forbidden(f"token {grant.name!r} is not granted site {site!r}")
    request[GRANT] = grant
    return await handler(request)


def who(request: web.Request) -> str:
    """The name of the token that authorized the request: the author of what it does."""
    return request[GRANT].name


def _refused_body(error: BatchError) -> web.HTTPException:
    """A body read_body refused, as the HTTP error the errors middleware answers in JSON."""
    reason = error.code.replace("_", " ").title()
    if error.status == 413:
        return web.HTTPRequestEntityTooLarge(0, text=error.detail, reason=reason)
    cls = {408: web.HTTPRequestTimeout, 415: web.HTTPUnsupportedMediaType}.get(error.status, web.HTTPBadRequest)
    return cls(text=error.detail, reason=reason)


async def json_body(request: web.Request) -> Any:
    """The JSON body, read as ingest reads one: its encoding, size and read deadline checked."""
    try:
        return orjson.loads(await read_body(request, request.config_dict[SETTINGS]))
    except BatchError as error:
        raise _refused_body(error) from None
    except orjson.JSONDecodeError as error:
        raise web.HTTPBadRequest(text=f"the body is not JSON: {error}", reason="Bad JSON") from None


def site_name(request: web.Request) -> str:
    site = request.match_info["site"]
    if not NAME.fullmatch(site):
        raise web.HTTPBadRequest(text="a site name is 1-200 letters, digits, '.', '_', ':' or '-'", reason="Bad Site")
    return site


def known_site(request: web.Request) -> str:
    """The route's site: a valid name (400) of a site that exists (404, answers.unknown_site)."""
    site = site_name(request)
    current_config(request, site)
    return site


def current_config(request: web.Request, site: str) -> SiteConfig:
    policy = request.config_dict[POLICIES].get(site)
    if policy is None:
        raise unknown_site(site)
    return policy.config


def config_json(config: SiteConfig) -> bytes:
    return orjson.dumps(config.model_dump())


#: what a change makes of the site's stored configuration (None: no site yet)
Change = Callable[[SiteConfig | None], SiteConfig]


async def change_site(request: web.Request, site: str, action: str | None, change: Change) -> web.Response:
    """Changes a site's configuration from what is stored now, not from this process's copy
    (with --workers N another process may have changed it since): one change at a time in this
    process (CONFIG_LOCK) and across the processes sharing the store (Store.changing), and the
    write is refused if the site's version moved anyway (a process of an older version). Compiled
    first, on a thread: what cannot serve every batch is refused before it is stored or audited.
    A project key another site claims is refused (checked in the write's transaction): a peer's
    traffic is judged by the one site that holds its key, and another site's editor could
    otherwise take a site's traffic under laxer settings. action None: the change replaces the
    whole configuration (PUT: create_site or replace_site), and does not read the stored one, so
    a site served fail-closed (its stored configuration invalid) can take it; other changes of
    such a site are refused (409): what is served is only what was salvaged, inputs off."""
    store = request.config_dict[STORE]
    async with request.app[CONFIG_LOCK], store.changing():
        version, before = await store.site(site) or (0, None)

        def prepare() -> tuple[SiteConfig, Policy]:
            previous = None
            if before is not None and action is not None:
                try:
                    previous = validate_site_config(before)
                except ConfigError:
                    raise web.HTTPConflict(text=f"the stored configuration of {site!r} is invalid and the site is "
                                           f"served fail-closed: send a whole, valid configuration with PUT "
                                           f"/v1/sites/{site}", reason="Stored Config Invalid") from None
            config = change(previous)
            return config, Policy.compile(site, config)
        config, policy = await configured(prepare)
        action = action or ("replace_site" if version else "create_site")
        try:
            version = await store.put_site(site, config.model_dump(), who(request), action, before, version)
        except SdkKeysTaken as taken:
            raise web.HTTPConflict(text=f"sdk_keys {taken.keys} are claimed by another site: a project key belongs "
                                   "to one site; remove it there first", reason="SDK Key Taken") from None
        except SiteMoved:
            raise web.HTTPConflict(text=f"the configuration of {site!r} changed while this change was made: "
                                   "send it again", reason="Config Changed") from None
        install_policy(request.config_dict, site, policy, version)  # applies from the next batch on
        shared = request.config_dict.get(SHARED_ADMIN)
        if shared is not None:  # --state: every instance on the Redis takes it from its next request on
            await store.site_changed(site, await shared.publish(site, config.model_dump(), who(request)))
    return web.Response(body=config_json(config), status=201 if action == "create_site" else 200,
                        content_type="application/json")


def refuse(error: ConfigError) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=str(error), reason="Invalid Config")


async def configured(build: Callable[[], Any]) -> Any:
    """build() (validate, merge or compile), or a 400 naming every key at fault and why. Run in a
    thread: a thousand long selectors take seconds to compile, and the event loop serves ingest."""
    try:
        return await asyncio.to_thread(build)
    except ConfigError as error:
        raise refuse(error) from None


# -- sites ------------------------------------------------------------------------------------
async def put_site(request: web.Request) -> web.Response:
    site = site_name(request)
    body = await json_body(request)

    return await change_site(request, site, None, lambda _: validate_site_config(body))


async def get_site(request: web.Request) -> web.Response:
    site = site_name(request)
    config = current_config(request, site)
    # a site served fail-closed shows what was salvaged of its stored configuration, and says so
    headers = {"X-Redactor-Fail-Closed": "stored configuration invalid"} if request.config_dict[POLICIES][site].invalid \
        else None
    return web.Response(body=config_json(config), content_type="application/json", headers=headers)


def existing(site: str, before: SiteConfig | None) -> SiteConfig:
    if before is None:  # deleted meanwhile (never: sites are not deleted), or made by no one yet
        raise unknown_site(site)
    return before


async def patch_site(request: web.Request) -> web.Response:
    site = known_site(request)
    body = await json_body(request)
    return await change_site(request, site, "update_site", lambda before: merge_site_config(existing(site, before), body))


async def blocklist(request: web.Request) -> web.Response:
    site = known_site(request)  # 404 for an unknown site, before reading the body
    body = await json_body(request)
    selector = body.get("selector") if isinstance(body, dict) else None
    if not isinstance(selector, str) or not selector.strip():
        raise web.HTTPBadRequest(text='send {"selector": "<a CSS selector>"}', reason="Bad Selector")
    adding = request.method == "POST"

    def change(before: SiteConfig | None) -> SiteConfig:
        selectors = list(existing(site, before).block_selectors)
        if adding:
            if selector not in selectors:
                selectors.append(selector)
        elif selector in selectors:
            selectors.remove(selector)
        else:
            raise web.HTTPNotFound(text=f"{selector!r} is not in the block-list", reason="Unknown Selector")
        return merge_site_config(before, {"block_selectors": selectors})
    return await change_site(request, site, "add_block_selector" if adding else "remove_block_selector", change)


async def list_sites(request: web.Request) -> web.Response:
    grant = request[GRANT]
    return web.Response(body=orjson.dumps(sorted(s for s in request.config_dict[POLICIES] if grant.covers(s))),
                        content_type="application/json")


# -- audit ------------------------------------------------------------------------------------
async def site_audit_log(request: web.Request) -> web.Response:
    site = known_site(request)
    return web.Response(body=orjson.dumps(await request.config_dict[STORE].audit_log(site)),
                        content_type="application/json")


def _entry_sites(entry: dict[str, Any]) -> list[str]:
    """The sites an audit entry concerns: its site, or the sites of the token it made or revoked."""
    if entry["site"] is not None:
        return [entry["site"]]
    token = entry["after"] or entry["before"] or {}
    return list(token.get("sites") or [EVERY_SITE]) if isinstance(token, dict) else [EVERY_SITE]


async def audit_log(request: web.Request) -> web.Response:
    """Every entry of every site, token changes included, oldest first; an admin of some sites
    sees the entries of those sites and of the tokens it could have made itself."""
    grant = request[GRANT]
    entries = await request.config_dict[STORE].audit_log()
    shown = [entry for entry in entries if grant.covers_all(_entry_sites(entry))]
    return web.Response(body=orjson.dumps(shown), content_type="application/json")


# -- tokens -----------------------------------------------------------------------------------
TOKEN_KEYS = ("name", "role", "sites")


def requested_grant(body: Any) -> Grant:
    """{"name", "role"?, "sites"?} → the grant asked for; no role: editor; no sites: every site."""
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text='send {"name": "alice", "role": "viewer", "sites": ["shop"]}', reason="Bad Token")
    unknown = sorted(set(body) - set(TOKEN_KEYS))
    if unknown:
        raise web.HTTPBadRequest(text=f"unknown key {unknown[0]!r} (known: {', '.join(TOKEN_KEYS)})", reason="Bad Token")
    name, role, sites = body.get("name"), body.get("role", "editor"), body.get("sites", [EVERY_SITE])
    # fullmatch: `re.match` with `$` would take "admin\n" for a name
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise web.HTTPBadRequest(text="a token name is 1-200 letters, digits, '.', '_', ':' or '-'", reason="Bad Name")
    if name.lower() in RESERVED_NAMES:
        raise web.HTTPBadRequest(text=f"{name!r} is reserved (names of the server's own actors: "
                                 f"{', '.join(sorted(RESERVED_NAMES))})", reason="Bad Name")
    if role not in ("viewer", "editor", "admin"):
        raise web.HTTPBadRequest(text='role is "viewer", "editor" or "admin"', reason="Bad Role")
    if (not isinstance(sites, list) or not sites or len(sites) > MAX_TOKEN_SITES
            or not all(isinstance(s, str) and (s == EVERY_SITE or NAME.fullmatch(s)) for s in sites)
            or (EVERY_SITE in sites and len(sites) > 1)):
        raise web.HTTPBadRequest(text='sites is ["*"] (every site) or a list of site names', reason="Bad Sites")
    return grant_of(name, role, sorted(set(sites)))


async def create_token(request: web.Request) -> web.Response:
    grant = request[GRANT]
    wanted = requested_grant(await json_body(request))
    if not grant.covers_all(wanted.sites):
        raise forbidden(f"token {grant.name!r} cannot grant sites it does not have")
    store = request.config_dict[STORE]
    token = secrets.token_urlsafe(32)
    digest = token_hash(token)
    async with request.app[CONFIG_LOCK], store.changing():  # the names as stored: another process may have made one
        if any(name == wanted.name for name, _, _ in (await store.tokens()).values()):
            raise web.HTTPConflict(text=f"a live token is already named {wanted.name!r}: revoke it first, or pick "
                                   "another name (audit entries must say who)", reason="Name Taken")
        await store.add_token(wanted.name, digest, wanted.role.name.lower(), list(wanted.sites),
                              audit_author=grant.name)
        shared = request.config_dict.get(SHARED_ADMIN)
        if shared is not None:  # --state: every instance on the Redis takes it from its next request on
            try:
                await shared.publish_token(digest, wanted.name, wanted.role.name.lower(), list(wanted.sites),
                                           grant.name)
            except web.HTTPServiceUnavailable:  # nobody was given it: not left live on this instance alone
                await store.revoke_token(wanted.name, grant.name, wanted.describe(), token_hash=digest)
                raise
    request.config_dict[TOKENS][digest] = wanted
    return web.Response(body=orjson.dumps({"token": token, **wanted.describe()}), status=201,
                        content_type="application/json")


async def revoke_token(request: web.Request) -> web.Response:
    grant, name = request[GRANT], request.match_info["name"]
    tokens = request.config_dict[TOKENS]
    if name == ADMIN_AUTHOR:
        raise forbidden("the admin token is REDACTOR_ADMIN_TOKEN: to rotate it, change the variable and restart")
    live = [(digest, g) for digest, g in tokens.items() if g.name == name]
    if not live:
        raise web.HTTPNotFound(text=f"no live token is named {name!r}", reason="Unknown Token")
    if not all(grant.covers_all(g.sites) for _, g in live):
        raise forbidden(f"token {name!r} has sites that token {grant.name!r} does not")
    shared = request.config_dict.get(SHARED_ADMIN)
    if shared is not None:  # --state: on Redis first, so that a revoke refused there can be sent again
        await shared.publish_revoke([digest for digest, _ in live], name, grant.name)
    await request.config_dict[STORE].revoke_token(name, audit_author=grant.name, grant=live[0][1].describe())
    for digest, _ in live:
        del tokens[digest]
    return web.Response(status=204)


# -- stored sessions --------------------------------------------------------------------------
async def list_sessions(request: web.Request) -> web.Response:
    site = known_site(request)
    sessions = await request.config_dict[STORE].sessions(site)
    await request.config_dict[STORE].audit(site, who(request), "list_sessions", None, {"sessions": len(sessions)})
    return web.Response(body=orjson.dumps(sessions), content_type="application/json")


async def session_events(request: web.Request) -> web.Response:
    site, session = known_site(request), request.match_info["session"]
    name, events = await stored_session(request, site, session)
    await request.config_dict[STORE].audit(site, who(request), "read_session", None, {"session": name})
    return web.Response(body=events, content_type="application/json")


async def stored_session(request: web.Request, site: str, session: str) -> tuple[str, bytes]:
    """The name the session asked for by its id is kept under, and its stored events; 404 if none."""
    for name in session_ids.stored_names(request.config_dict[SECRET], site, session):
        events = await request.config_dict[STORE].session_events(site, name)
        if events is not None:
            return name, events
    raise web.HTTPNotFound(text=f"no stored session {session!r} for site {site!r}", reason="Unknown Session")


async def erase_session(request: web.Request) -> web.Response:
    site, session = known_site(request), request.match_info["session"]
    shared = request.config_dict.get(SHARED_ADMIN)
    found = shared is not None  # --state: the other instances' stores hold the batches the balancer sent them
    for name in session_ids.stored_names(request.config_dict[SECRET], site, session):
        found = await request.config_dict[STORE].erase_session(site, name, who(request)) or found
        if shared is not None:
            await shared.publish_erasure(site, name, who(request))
        request.config_dict[STATES].forget(site, name)
        await request.config_dict[REFUSED].forget(site, name)
    if not found:
        raise web.HTTPNotFound(text=f"no stored session {session!r} for site {site!r}", reason="Unknown Session")
    return web.Response(status=204)


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


def add_document_routes(app: web.Application) -> None:
    """The OpenAPI document: public, beside the viewer page."""
    app.router.add_get("/openapi.json", openapi_json)
    app.router.add_get("/openapi.yaml", openapi_yaml)


ROUTES = (
    Route("GET", "/sites", list_sites, Role.VIEWER),  # the sites the token has
    Route("PUT", "/sites/{site}", put_site, Role.EDITOR),
    Route("GET", "/sites/{site}", get_site, Role.VIEWER),
    Route("PATCH", "/sites/{site}", patch_site, Role.EDITOR),
    Route("POST", "/sites/{site}/blocklist", blocklist, Role.EDITOR),
    Route("DELETE", "/sites/{site}/blocklist", blocklist, Role.EDITOR),
    Route("GET", "/sites/{site}/audit", site_audit_log, Role.VIEWER),
    Route("GET", "/sites/{site}/sessions", list_sessions, Role.VIEWER),
    Route("GET", "/sites/{site}/sessions/{session}/events", session_events, Role.VIEWER),
    Route("DELETE", "/sites/{site}/sessions/{session}", erase_session, Role.EDITOR),
    Route("POST", "/tokens", create_token, Role.ADMIN),
    Route("DELETE", "/tokens/{name}", revoke_token, Role.ADMIN),
    Route("GET", "/audit", audit_log, Role.ADMIN),
)
PREFIX = "/v1"


def create_api(*extra: Route) -> web.Application:
    """The admin API as a sub-application (mount it at PREFIX): its routes, each with the role
    it needs, behind the one `authorize` middleware. Resources are read from the parent
    application through request.config_dict."""
    api = web.Application(middlewares=[authorize])
    api[CONFIG_LOCK] = asyncio.Lock()
    access: dict[web.AbstractRoute, Role] = {}
    for route in (*ROUTES, *extra):
        access[api.router.add_route(route.method, route.path, route.handler)] = route.role
    api[ACCESS] = access
    return api
