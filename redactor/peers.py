"""In front of a peer's collector (PostHog, Sentry; upstream mode): the routes their SDKs send to,
decoded by formats/posthog.py and formats/sentry.py and run through the same stages as a native
batch (pipeline.py). Of their other routes, only the configuration and script GETs of
PASSED_PATHS pass, their query redacted; any other JSON body is redacted by the generic pass
(formats/payload.py) before it is forwarded, and the rest is refused: nothing reaches the
collector raw."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from aiohttp import web

from redactor import session_ids, viewer, workers
from redactor.answers import json_error
from redactor.body import read_body
from redactor.formats import payload, posthog, sentry
from redactor.keys import METRICS, POLICIES, SECRET, SETTINGS, THREADS, UPSTREAM
from redactor.pipeline import (Recordings, default_policy, forwarded_headers, forwarded_path, refuse, site_secret,
                               take_batch)
from redactor.policy import Policy
from redactor.sessions import batch_digest
from redactor.sinks import upstream
from redactor.sinks.spool import Outgoing, Retry

#: the paths of posthog-js's recordings and events, and of a Sentry envelope; /flags/ and /decide/
#: (feature flags) carry the distinct id, and the person and group properties identify() and group()
#: set: redacted like an event, and the collector's answer is the SDK's
POSTHOG_PATHS = ("/s/", "/e/", "/i/v0/e/", "/batch/", "/capture/", "/track/", "/engage/", "/flags/", "/decide/")
SENTRY_PATH = "/api/{project}/envelope/"
#: a Sentry project as a DSN names it: its id, digits (@sentry/core's validateDsn takes nothing else, and
#: Relay reads it as a 64-bit number); any other segment there is not a Sentry client's, and refused
SENTRY_PROJECT = re.compile(r"[0-9]{1,20}\Z")
#: the peers' routes known to carry nothing a visitor wrote, that their SDKs fetch by GET: posthog-js's
#: remote config and config script, the definitions of its surveys, web experiments, product tours and
#: early access features (all asked with ?token=), feature flags asked by GET (the SDK POSTs them:
#: POSTHOG_PATHS); /static/ (its scripts) is routed apart. A path segment of theirs is a project key
#: (phc_…) or a script's name (STATIC_NAME), nothing else. Passed with their query redacted, no
#: body; Sentry's browser SDK fetches nothing from its DSN's host. Every other route is refused
#: but for a JSON body, which is redacted (peer_other): an allow-list, not a deny-list
PASSED_PATHS = ("/array/{token:phc_[A-Za-z0-9_-]+}/config", "/array/{token:phc_[A-Za-z0-9_-]+}/config.js", "/api/surveys/", "/api/web_experiments/",
                "/api/product_tours/", "/api/early_access_features/", "/flags/", "/decide/")
STATIC_NAME = "{tail:[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*}"
#: seconds a browser may cache our answer to a peer's preflight (what their collectors answer)
PREFLIGHT_MAX_AGE = 86400


def peer_policy(app: web.Application, key: str | None) -> Policy:
    """The site whose sdk_keys hold the request's project key (the first by name, should two
    claim it); the built-in defaults otherwise."""
    if key:
        policies = app[POLICIES]
        for site in sorted(policies):
            if key in policies[site].config.sdk_keys:
                return policies[site]
    return default_policy()


def peer_cors(request: web.Request) -> dict[str, str]:
    """The peers' collectors answer every origin (their project keys are public): so do we."""
    origin = request.headers.get("Origin")
    if origin is None:
        return {}
    return {"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", "Vary": "Origin"}


async def peer_preflight(request: web.Request) -> web.Response:
    headers = peer_cors(request)
    headers.update({"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers", "*"),
                    "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE)})
    return web.Response(status=204, headers=headers)


def decode_posthog(request: web.Request, limit: int) -> Callable[[bytes], Any]:
    query = request.query  # read here, on the loop; the decoding runs on a redaction thread
    return lambda raw: posthog.decode(raw, query, limit)


def decode_sentry(request: web.Request, limit: int) -> Callable[[bytes], Any]:
    query, headers = request.query, request.headers
    return lambda raw: sentry.decode(raw, query, headers, limit)


async def sentry_ingest(request: web.Request) -> web.StreamResponse:
    """POST /api/{project}/envelope/: a project that is not a DSN's id is refused before the body is
    read, so that the path the collector and the spool get holds nothing but the route and digits."""
    if not SENTRY_PROJECT.match(request.match_info["project"]):
        return not_relayed(request, 400, "invalid_project", "the project in /api/{project}/envelope/ is the "
                                                            "project id at the end of the Sentry DSN, digits only: "
                                                            "check the DSN the SDK was given")
    return await peer_ingest(request, decode_sentry)


def request_key(request: web.Request) -> str | None:
    """The project key a request names before its body is read (PostHog's ?token= or ?api_key=,
    Sentry's ?sentry_key= or X-Sentry-Auth): the lane its decoding queues in."""
    query = request.query
    key = query.get("token") or query.get("api_key") or query.get("sentry_key")
    if key:
        return key
    for part in request.headers.get("X-Sentry-Auth", "").removeprefix("Sentry ").split(","):
        name, _, value = part.strip().partition("=")
        if name == "sentry_key" and value:
            return value
    return None


async def peer_ingest(request: web.Request, decode_peer: Any) -> web.StreamResponse:
    """POST /s/, /e/, /i/v0/e/ (PostHog) and /api/{project}/envelope/ (Sentry): each recording
    session the body holds redacted with its mirror, the body encoded the same way, forwarded."""
    settings = request.app[SETTINGS]
    await workers.fresh_config(request.app)  # --workers N: sdk_keys and site changes of another child apply now

    async def decode() -> Recordings:
        raw = await read_body(request, settings)
        # always on a redaction thread, however small the body: a few KB of gzip-js framing or of a
        # Sentry recording's zlib inflate inside decode, to max_inflated_bytes; parsing is no
        # business of the loop either. Queued in the lane of the key the request names, if a site
        # claims it (the body's own key is known only once it is decoded)
        lane = peer_policy(request.app, request_key(request)).site
        decoding = functools.partial(with_digest, decode_peer(request, settings.max_inflated_bytes),
                                     site_secret(request.app[SECRET], lane))
        body, digest = await request.app[THREADS].decode(lane, decoding, raw)
        for group in body.groups:  # an SDK that timed out sends the same body again: a retry (sessions.batch_order)
            group.digest = digest
        policy = peer_policy(request.app, body.key)
        # an id that names the visitor is kept (store, Redis, spool) under a pseudonym; the body keeps its
        # own, which the formats mask where it is not of an SDK's shape (peer.session_id)
        await session_ids.pseudonymise(request.app, policy, site_secret(request.app[SECRET], policy.site),
                                       body.groups)
        return Recordings(policy, body.groups, body.encode)

    return await take_batch(request, decode, peer_cors(request))


def with_digest(decode: Callable[[bytes], Any], key: bytes, raw: bytes) -> tuple[Any, str]:
    """The body decoded, and the keyed digest its sessions know it by (sessions.batch_digest): on a
    redaction thread."""
    return decode(raw), batch_digest(key, raw)


def decode_payload(request: web.Request, limit: int) -> Callable[[bytes], Any]:
    query, route = request.query, f"{request.method} {request.path}"
    return lambda raw: payload.decode(raw, query, limit, route)


def not_relayed(request: web.Request, status: int, code: str, detail: str) -> web.StreamResponse:
    return refuse(request.app[METRICS], status, code, detail, peer_cors(request)).response


async def peer_passed(request: web.Request) -> web.StreamResponse:
    """GET (HEAD) of a route on PASSED_PATHS: to the collector with its query redacted like a URL
    (ingest_query.redact_query, the site's settings if a site claims the key it names) and no
    body; the collector's answer back (its cookies and CORS headers left out, as on the ingest
    routes), never spooled."""
    if request.body_exists:
        return not_relayed(request, 400, "unexpected_body", f"{request.method} {request.path} carries no body: "
                                                            "send it without one")
    if "data" in request.query:
        return not_relayed(request, 400, "body_in_query", "a 'data' query parameter is a body sent in the query "
                                                          "(base64 of JSON), which redactor cannot redact there: "
                                                          "send it as a POST body")
    site = peer_policy(request.app, request_key(request)).site
    item = Outgoing(site, "-", request.method, await forwarded_path(request, site),
                    upstream.with_body_headers(await forwarded_headers(request, site), b"", gzipped=False), b"")
    try:
        answer = await request.app[UPSTREAM].relay(item)
    except Retry as retry:
        return json_error(502, "upstream_unavailable", f"the collector did not answer ({retry.reason}); retry later",
                          peer_cors(request))
    return answer.response(peer_cors(request))


async def peer_static(request: web.Request) -> web.StreamResponse:
    """/static/ is both the viewer's and PostHog's (its recorder script): a file of the viewer is
    served from redactor/static, any other name is PostHog's and passes (peer_passed)."""
    own = (viewer.STATIC / request.match_info["tail"]).resolve()
    if own.is_relative_to(viewer.STATIC.resolve()) and own.is_file():
        return web.FileResponse(own)
    return await peer_passed(request)


async def peer_other(request: web.Request) -> web.StreamResponse:
    """Every request no other route takes: never relayed as it came (the allow-list is
    PASSED_PATHS). A preflight is answered here; a body that is JSON is redacted by the generic
    pass (formats/payload.py) and forwarded, any other body refused with 415; a request without a
    body refused with 404."""
    if request.path.startswith("/v1/"):
        raise web.HTTPNotFound(text=f"no route {request.method} {request.path}", reason="Not Found")
    if request.method == "OPTIONS":
        return await peer_preflight(request)
    if request.body_exists:
        return await peer_ingest(request, decode_payload)
    return not_relayed(request, 404, "not_relayed",
                       f"{request.method} {request.path} is not a route redactor passes to the collector: only the "
                       "SDKs' script and configuration routes pass without a body, and a body is forwarded only "
                       "once it is redacted")


def prefixed(path: str) -> tuple[str, ...]:
    """A route's spellings: with and without its trailing slash, and under a path prefix."""
    bare = path.rstrip("/") if path.endswith("/") else path
    return tuple(dict.fromkeys((path, bare, "/{prefix:.+}" + path, "/{prefix:.+}" + bare)))


def add_peer_routes(app: web.Application) -> None:
    """Upstream mode: the routes the peers' SDKs send recordings and events to, redacted; the
    routes of PASSED_PATHS passed with their query redacted. Each also without its trailing slash
    and under a path prefix (posthog-js's api_host behind a reverse-proxy path such as /ingest, a
    Sentry DSN with a path): no spelling of an ingest route makes a recording pass through raw."""
    posthog_ingest = functools.partial(peer_ingest, decode_peer=decode_posthog)
    routes = [(path, posthog_ingest) for path in POSTHOG_PATHS] + [(SENTRY_PATH, sentry_ingest)]
    for path, handler in routes:
        for spelling in prefixed(path):
            app.router.add_post(spelling, handler)
            app.router.add_route("OPTIONS", spelling, peer_preflight)
    # before the viewer's static files (under /static/, which aiohttp looks in first). A file's name is the
    # client's to write ("/static/0478913527.js"): an empty {prefix} makes the whole path the client's choice,
    # scanned like a URL's path (pipeline.chosen_prefix), as under a prefix below
    app.router.add_get("/static/{prefix:(?:)}" + STATIC_NAME, peer_static)
    app.router.add_get("/{prefix:.+}/static/" + STATIC_NAME, peer_passed)
    for path in PASSED_PATHS:
        for spelling in prefixed(path):
            app.router.add_get(spelling, peer_passed)


def add_other_route(app: web.Application) -> None:
    """Registered last: only what no other route takes (peer_other). Its whole path is the client's
    choice ("/i/v1/logs/klant/…"): all of it a {prefix}, scanned like a URL's path before it is
    forwarded or spooled (pipeline.chosen_prefix)."""
    app.router.add_route("*", "/{prefix:.*}", peer_other)
