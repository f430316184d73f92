"""In front of a peer's collector (PostHog, Sentry; upstream mode): the routes their SDKs send to,
decoded by formats/posthog.py and formats/sentry.py and run through the same stages as a native
batch (pipeline.py); their other routes passed through untouched."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from aiohttp import web

from redactor import viewer
from redactor.answers import json_error
from redactor.body import read_body
from redactor.formats import posthog, sentry
from redactor.formats.rrweb_batch import BatchError
from redactor.keys import POLICIES, SETTINGS, THREADS, UPSTREAM
from redactor.pipeline import DEFAULT_SITE, Recordings, default_policy, take_batch
from redactor.policy import Policy
from redactor.sinks import upstream
from redactor.sinks.spool import Outgoing, Retry

#: the paths of posthog-js's recordings and events, and of a Sentry envelope; /flags/ and /decide/
#: (feature flags) carry the distinct id, and the person and group properties identify() and group()
#: set: redacted like an event, and the collector's answer is the SDK's
POSTHOG_PATHS = ("/s/", "/e/", "/i/v0/e/", "/batch/", "/capture/", "/track/", "/engage/", "/flags/", "/decide/")
SENTRY_PATH = "/api/{project}/envelope/"
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

    async def decode() -> Recordings:
        raw = await read_body(request, settings)
        # always on a redaction thread, however small the body: a few KB of gzip-js framing or of a
        # Sentry recording's zlib inflate inside decode, to max_inflated_bytes; parsing is no
        # business of the loop either. Queued in the lane of the key the request names, if a site
        # claims it (the body's own key is known only once it is decoded)
        lane = peer_policy(request.app, request_key(request)).site
        body = await request.app[THREADS].decode(lane, decode_peer(request, settings.max_inflated_bytes), raw)
        return Recordings(peer_policy(request.app, body.key), body.groups, body.encode)

    return await take_batch(request, decode, peer_cors(request))


async def peer_passthrough(request: web.Request) -> web.StreamResponse:
    """A peer's other routes (GET /flags/, /array/{token}/config, /static/…, and those we do not know):
    passed to the collector and back untouched, never spooled."""
    if request.path.startswith("/v1/"):
        raise web.HTTPNotFound(text=f"no route {request.method} {request.path}", reason="Not Found")
    try:
        body = await read_body(request, request.app[SETTINGS]) if request.body_exists else b""
    except BatchError as error:
        return json_error(error.status, error.code, error.detail)
    item = Outgoing(DEFAULT_SITE, "-", request.method, request.raw_path,
                    upstream.request_headers(request.headers, body, gzipped=False), body)
    try:
        answer = await request.app[UPSTREAM].relay(item)
    except Retry as retry:
        return json_error(502, "upstream_unavailable", f"the collector did not answer ({retry.reason}); retry later")
    response = web.Response(status=answer.status, body=answer.body)
    for name, value in answer.headers:
        if name.lower() not in upstream.HOP_BY_HOP and name.lower() not in ("content-length", "content-encoding"):
            response.headers.add(name, value)
    return response


async def peer_static(request: web.Request) -> web.StreamResponse:
    """/static/ is both the viewer's and PostHog's (its recorder script): a file of the viewer is
    served from redactor/static, any other name is PostHog's and passes through."""
    own = (viewer.STATIC / request.match_info["tail"]).resolve()
    if own.is_relative_to(viewer.STATIC.resolve()) and own.is_file():
        return web.FileResponse(own)
    return await peer_passthrough(request)


def add_peer_routes(app: web.Application) -> None:
    """Upstream mode: the routes the peers' SDKs send to, redacted; the rest of theirs passed through.
    Each also without its trailing slash and under a path prefix (posthog-js's api_host behind a
    reverse-proxy path such as /ingest, a Sentry DSN with a path): no spelling of an ingest route
    makes a recording pass through raw."""
    posthog_ingest = functools.partial(peer_ingest, decode_peer=decode_posthog)
    sentry_ingest = functools.partial(peer_ingest, decode_peer=decode_sentry)
    routes = [(path, posthog_ingest) for path in POSTHOG_PATHS] + [(SENTRY_PATH, sentry_ingest)]
    for path, handler in routes:
        for prefixed in (path, path.rstrip("/"), "/{prefix:.+}" + path, "/{prefix:.+}" + path.rstrip("/")):
            app.router.add_post(prefixed, handler)
            app.router.add_route("OPTIONS", prefixed, peer_preflight)
    app.router.add_get("/static/{tail:.+}", peer_static)  # before the viewer's static files


def add_passthrough_route(app: web.Application) -> None:
    """Registered last: only what no other route takes."""
    app.router.add_route("*", "/{tail:.*}", peer_passthrough)
