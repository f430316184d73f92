"""The aiohttp application: routes, middlewares, and the resources it owns (cleanup_ctx).

The path of one batch: ingest → decode (limits, gzip/deflate, orjson) → the site's Policy →
the session's mirror → redact → store → 202. Nothing is stored unless the whole batch was
redacted; a batch that cannot be redacted is refused and counted, never stored raw.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import ssl
import sys
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web

from redactor import admin, viewer, workers
from redactor.body import read_body
from redactor.config import Settings
from redactor.keys import (DETECTOR, METRICS, NAME, POLICIES, SECRET, SETTINGS, SPOOL, STATES, STORE, THREADS,
                           TOKENS, UPSTREAM)
from redactor.dom import DomMirror
from redactor.formats import posthog, sentry, sliced_json
from redactor.formats.rrweb_batch import ACCEPTED_TYPES, Batch, BatchError, decode, encode
from redactor.ingest_query import redact_query
from redactor.listen import start_listener
from redactor.masking import Masker
from redactor.metrics import Metrics
from redactor.pii import DetectorPool
from redactor.plugins import redact_events
from redactor.policy import Policy, SiteConfig
from redactor.redact import BatchLimits, MirrorTooLarge, Redaction
from redactor.retention import retention
from redactor.rrweb import BadEvent, EventType
from redactor.scheduling import RedactionThreads
from redactor.sessions import SessionStates, SiteFull
from redactor.sinks import sqlite, upstream
from redactor.state_redis import RedisStates, StateMoved, StateUnavailable
from redactor.sinks.spool import Outgoing, Retry, Spool, SpoolFull
from redactor.sinks.store import Store

log = logging.getLogger("redactor")

def json_error(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": code, "detail": detail}, status=status, headers=headers,
                             dumps=lambda o: orjson.dumps(o).decode())


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json", headers=headers)


@web.middleware
async def errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Every error answers JSON: {"error": code, "detail": what is wrong and how to fix it}."""
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        code = error.reason.lower().replace(" ", "_")
        detail = error.text if error.text and not error.text.startswith(f"{error.status}:") else error.reason
        return json_error(error.status, code, detail, headers={k: v for k, v in error.headers.items()
                                                              if k.lower() in ("allow", "retry-after")})
    except Exception:
        log.exception("unexpected error on %s %s", request.method, request.rel_url.path)
        return json_error(500, "internal_error", "the server failed on this request; it was logged")


def masker_for(app: web.Application, policy: Policy) -> Masker:
    site_secret = hmac.new(app[SECRET], policy.site.encode(), hashlib.sha256).digest()
    return Masker(policy.config.pii.mask, site_secret)


# -- ingest -----------------------------------------------------------------------------------
def cors_headers(policy: Policy, origin: str | None) -> dict[str, str]:
    if origin is None:
        return {}
    if origin not in policy.config.allowed_origins and "*" not in policy.config.allowed_origins:
        raise web.HTTPForbidden(text=f"origin {origin} is not in this site's allowed_origins", reason="Origin Not Allowed")
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


async def ingest_preflight(request: web.Request) -> web.Response:
    policy = site_policy(request)
    headers = cors_headers(policy, request.headers.get("Origin"))
    headers.update({"Access-Control-Allow-Methods": "POST, OPTIONS",
                    "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers",
                                                                        "content-type, content-encoding"),
                    "Access-Control-Max-Age": "600"})
    return web.Response(status=204, headers=headers)


def site_policy(request: web.Request) -> Policy:
    site = request.match_info["site"]
    policy = request.app[POLICIES].get(site)
    if policy is None:
        raise web.HTTPNotFound(text=f"unknown site {site!r}: create it with PUT /v1/sites/{site}", reason="Unknown Site")
    return policy


async def ingest(request: web.Request) -> web.Response:
    app, started = request.app, time.perf_counter()
    metrics, settings = app[METRICS], app[SETTINGS]
    site, session = request.match_info["site"], request.match_info["session"]
    policy = site_policy(request)
    headers = cors_headers(policy, request.headers.get("Origin"))
    if not NAME.fullmatch(session):
        metrics.refused.labels("bad_session").inc()
        return json_error(400, "bad_session", "a session id is 1-200 letters, digits, '.', '_', ':' or '-'", headers)
    try:
        if request.content_type.lower() not in ACCEPTED_TYPES:
            raise BatchError(415, "unsupported_media_type",
                             f"Content-Type {request.content_type!r} is not accepted: send application/json")
        body = await read_body(request, settings)
        big = len(body) > sliced_json.SLICE_BYTES  # decoded, encoded and freed in slices; no collector pass meanwhile
        batch = await app[THREADS].decode(site, decode, body, hold=big)
    except BatchError as error:
        metrics.refused.labels(error.code).inc()
        return json_error(error.status, error.code, error.detail, headers)

    try:
        return await redact_and_keep(request, site, session, policy, batch, headers, started)
    except SiteFull as full:
        metrics.refused.labels("too_many_sessions").inc()
        return json_error(429, "too_many_sessions", f"{full}: retry later",
                          {**headers, **retry_headers(headers, full.retry_after)})
    finally:
        if big:  # freed in slices on a redaction thread, not at once on the loop
            app[THREADS].dispose(site, [batch.events, batch.meta], sys.exc_info()[1], resume=True)
            batch.events, batch.meta = [], None


def batch_limits(settings: Settings) -> BatchLimits:
    return BatchLimits(settings.max_scan_texts, settings.max_scan_chars, settings.max_mirror_nodes)


@dataclass
class BatchOutput:
    """What a redacted batch leaves behind: the bytes to store or forward, the mirror's state to
    save, and the summary of the session."""

    body: bytes
    state: bytes | None
    page: str | None
    remarks: dict[str, int]
    counts: dict[str, int]


def batch_output(batch: Batch, redaction: Redaction, mirror: DomMirror, forward: bool) -> BatchOutput:
    """Runs on a redaction thread: encoding a big batch and dumping a big mirror take long."""
    page = next((e["data"].get("href") for e in redaction.events
                 if e.get("type") == EventType.META and isinstance(e.get("data"), dict)), None)
    remarks = {f"{rule}|{entity}|{action}": n for (rule, entity, action), n in redaction.counts().items()}
    counts = {"accepted": len(batch.events), "stored": len(redaction.events),
              "dropped": len(batch.events) - len(redaction.events)}
    body = batch.encode(redaction.events) if forward else encode(redaction.events)
    state = orjson.dumps(mirror.dump()) if mirror.dirty else None  # keystrokes change nothing to save
    return BatchOutput(body, state, page, remarks, counts)


async def redact_and_keep(request: web.Request, site: str, session: str, policy: Policy, batch: Batch,
                          headers: dict[str, str], started: float) -> web.Response:
    app = request.app
    metrics, settings = app[METRICS], app[SETTINGS]
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.config.pii, site=site)
    run = app[THREADS].runner(site)
    async with app[STATES].session(site, session, run) as mirror:
        try:
            redaction = await redact_events(batch.events, policy, mirror, masker_for(app, policy), analyze,
                                            meta=batch.meta, limits=batch_limits(settings), run=run)
        except Exception as error:
            raise refused_redaction(error, metrics, site, headers, "stored") from None
        try:
            out = await run(batch_output, batch, redaction, mirror, UPSTREAM in app)
        except BatchError as error:
            metrics.refused.labels(error.code).inc()
            raise _Refused(json_error(error.status, error.code, error.detail, headers)) from None
        body, state, page, remarks, counts = out.body, out.state, out.page, out.remarks, out.counts
        await app[STATES].commit(site, session, mirror)  # shared state (--state): written before the batch leaves
        if UPSTREAM in app:
            # upstream mode: the events go to the collector (or the spool); the mirror state
            # is saved once they are safe, so a refused batch leaves the mirror as it was
            answer = await forward_batch(request, site, session, body, counts, headers)
            await app[STORE].save_session_state(site, session, len(redaction.events), len(body),
                                                state, remarks, page)
        else:
            await app[STORE].save_batch(site, session, batch.meta, body, len(redaction.events),
                                        state, remarks, page)
            answer = json_response(counts, status=202, headers=headers)
        mirror.dirty = False
        metrics.mirror_nodes.observe(len(mirror.nodes))
    metrics.record(len(batch.events), redaction)
    metrics.latency.observe(time.perf_counter() - started)
    return answer


def retry_headers(cors: dict[str, str], seconds: int) -> dict[str, str]:
    """Retry-After, readable by a browser script too (CORS exposes it only when told)."""
    return {"Retry-After": str(seconds), **({"Access-Control-Expose-Headers": "Retry-After"} if cors else {})}


async def forward_batch(request: web.Request, site: str, session: str, body: bytes, counts: dict[str, int],
                        headers: dict[str, str]) -> web.Response:
    """Upstream mode: the collector's answer, or 202 once the batch is in the disk spool.
    A batch that is neither forwarded nor spooled is refused (the mirror goes back)."""
    metrics = request.app[METRICS]
    item = await upstream.outgoing(request, site, session, body, await forwarded_path(request, site))
    try:
        answer = await request.app[UPSTREAM].submit(item)
    except SpoolFull as full:
        metrics.refused.labels("spool_full").inc()
        raise _Refused(json_error(503, "spool_full",
                                  "the collector is unavailable and the disk spool is full; retry later",
                                  {**headers, **retry_headers(headers, full.retry_after)})) from None
    except sqlite3.Error:
        log.exception("batch of site %s could not be spooled: refused", site)
        metrics.refused.labels("spool_failed").inc()
        raise _Refused(json_error(503, "spool_failed", "the collector is unavailable and the disk spool failed; "
                                  "retry later", {**headers, **retry_headers(headers, 30)})) from None
    if answer is None:
        return json_response({**counts, "spooled": True}, status=202, headers=headers)
    if answer.status >= 400:  # the collector refused the batch: so do we
        metrics.refused.labels("upstream_refused").inc()
        raise _Refused(answer.response(headers))
    return answer.response(headers)


async def forwarded_path(request: web.Request, site: str) -> str:
    """The request's path, its query string redacted like a URL with the site's PII settings
    (the built-in ones for a request no site claims)."""
    app = request.app
    policy = app[POLICIES].get(site) or Policy.compile(site, SiteConfig())
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.config.pii, site=site)
    return await redact_query(request.raw_path, masker_for(app, policy), analyze)


def refused_redaction(error: Exception, metrics: Metrics, site: str, headers: dict[str, str],
                      fate: str) -> _Refused:
    """The answer to a batch whose redaction failed (native and peers' routes alike): it is
    neither stored nor forwarded; bad input says what is wrong, anything else is logged."""
    if isinstance(error, BadEvent):
        metrics.refused.labels("bad_event").inc()
        return _Refused(json_error(400, "bad_event", str(error), headers))
    if isinstance(error, MirrorTooLarge):
        metrics.refused.labels("mirror_too_large").inc()
        metrics.limit_hits.labels("mirror_nodes").inc()
        return _Refused(json_error(413, "mirror_too_large", str(error), headers))
    log.error("a batch of site %s could not be redacted: refused, not %s", site, fate, exc_info=error)
    metrics.refused.labels("redaction_failed").inc()
    return _Refused(json_error(500, "redaction_failed",
                               f"the batch could not be redacted, so it was not {fate}; it was logged", headers))


class _Refused(Exception):
    """Leaves the session block with an answer (the mirror is reloaded from the store)."""

    def __init__(self, response: web.Response):
        self.response = response


@web.middleware
async def refusals(request: web.Request, handler: Any) -> web.StreamResponse:
    for _ in range(STATE_ATTEMPTS):
        try:
            return await handler(request)
        except _Refused as refused:
            return refused.response
        except StateMoved:  # another process wrote the session since this batch read it: redo it on that state
            continue
        except StateUnavailable as error:  # fail closed: never a batch redacted without its state
            request.app[METRICS].refused.labels(error.code).inc()
            return json_error(503, error.code, error.detail, {"Retry-After": str(error.retry_after)})
    request.app[METRICS].refused.labels("state_conflict").inc()
    return json_error(503, "state_conflict", "the session's state kept moving under this batch; retry later",
                      {"Retry-After": "1"})


STATE_ATTEMPTS = 3


# -- in front of a peer's collector (PostHog, Sentry; upstream mode) ----------------------------
#: the site of traffic whose SDK key no site claims: redacted with the built-in defaults
DEFAULT_SITE = ":defaults"


@functools.cache
def default_policy() -> Policy:
    return Policy.compile(DEFAULT_SITE, SiteConfig())


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
                    "Access-Control-Max-Age": "86400"})
    return web.Response(status=204, headers=headers)


def decode_posthog(request: web.Request, body: bytes, limit: int) -> Any:
    return posthog.decode(body, request.query, limit)


def decode_sentry(request: web.Request, body: bytes, limit: int) -> Any:
    return sentry.decode(body, request.query, request.headers, limit)


async def peer_ingest(request: web.Request, decode_peer: Any) -> web.Response:
    """POST /s/, /e/, /i/v0/e/ (PostHog) and /api/{project}/envelope/ (Sentry): decoded by
    formats/, each recording session redacted with its mirror, encoded the same way, forwarded."""
    app, started = request.app, time.perf_counter()
    metrics, settings = app[METRICS], app[SETTINGS]
    headers = peer_cors(request)
    try:
        raw = await read_body(request, settings)
        decoding = functools.partial(decode_peer, request, raw, settings.max_inflated_bytes)
        # inflating and parsing a large body takes a while: off the event loop
        body = decoding() if len(raw) <= upstream.INLINE_GZIP_LIMIT else await asyncio.to_thread(decoding)
    except BatchError as error:
        metrics.refused.labels(error.code).inc()
        return json_error(error.status, error.code, error.detail, headers)
    try:
        return await redact_and_forward(request, body, headers, started)
    except SiteFull as full:
        metrics.refused.labels("too_many_sessions").inc()
        return json_error(429, "too_many_sessions", f"{full}: retry later",
                          {**headers, **retry_headers(headers, full.retry_after)})


async def redact_and_forward(request: web.Request, body: Any, headers: dict[str, str], started: float) -> web.Response:
    app = request.app
    metrics, settings = app[METRICS], app[SETTINGS]
    policy = peer_policy(app, body.key)
    site = policy.site
    run = app[THREADS].runner(site)
    sessions = sorted({group.session for group in body.groups if group.session is not None})
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.config.pii, site=site)
    masker = masker_for(app, policy)
    received = kept = 0
    async with AsyncExitStack() as stack:
        mirrors = {session: await stack.enter_async_context(app[STATES].session(site, session, run))
                   for session in sessions}  # in order: two requests never wait on each other
        redactions = []
        for group in body.groups:
            try:
                redaction = await redact_events(group.events, policy, mirrors.get(group.session) or DomMirror(),
                                                masker, analyze, meta=group.meta, limits=batch_limits(settings),
                                                run=run)
            except Exception as error:
                raise refused_redaction(error, metrics, site, headers, "forwarded") from None
            group.kept = redaction.events
            received, kept = received + len(group.events), kept + len(redaction.events)
            redactions.append(redaction)
        try:
            out = await run(body.encode)  # gzip and JSON of a big body take long: on a redaction thread
        except BatchError as error:
            metrics.refused.labels(error.code).inc()
            raise _Refused(json_error(error.status, error.code, error.detail, headers)) from None
        counts = {"accepted": received, "stored": kept, "dropped": received - kept}
        for session, mirror in mirrors.items():  # shared state (--state): written before the batch leaves
            await app[STATES].commit(site, session, mirror)
        answer = await forward_batch(request, site, sessions[0] if sessions else "-", out, counts, headers)
        for group, redaction in zip(body.groups, redactions):
            mirror = mirrors.get(group.session)
            if mirror is None or site == DEFAULT_SITE or not group.events:
                continue  # analytics only, or traffic no site claims: nothing to save (no retention applies)
            remarks = {f"{rule}|{entity}|{action}": n for (rule, entity, action), n in redaction.counts().items()}
            page = next((e["data"].get("href") for e in redaction.events
                         if e.get("type") == EventType.META and isinstance(e.get("data"), dict)), None)
            state = await run(lambda m: orjson.dumps(m.dump()), mirror) if mirror.dirty else None
            await app[STORE].save_session_state(site, group.session, len(redaction.events), len(out), state,
                                                remarks, page)
            mirror.dirty = False
    for redaction in redactions:
        metrics.record(len(redaction.events) + redaction.dropped, redaction)
    metrics.latency.observe(time.perf_counter() - started)
    metrics.sessions.set(len(app[STATES]))
    return answer


async def peer_passthrough(request: web.Request) -> web.StreamResponse:
    """A peer's other routes (/flags/, /array/{token}/config, /static/…, and those we do not know):
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
    routes = [(path, posthog_ingest) for path in ("/s/", "/e/", "/i/v0/e/", "/batch/", "/capture/", "/track/",
                                                   "/engage/")] + [("/api/{project}/envelope/", sentry_ingest)]
    for path, handler in routes:
        for prefixed in (path, path.rstrip("/"), "/{prefix:.+}" + path, "/{prefix:.+}" + path.rstrip("/")):
            app.router.add_post(prefixed, handler)
            app.router.add_route("OPTIONS", prefixed, peer_preflight)
    app.router.add_get("/static/{tail:.+}", peer_static)  # before the viewer's static files


def add_passthrough_route(app: web.Application) -> None:
    """Registered last: only what no other route takes."""
    app.router.add_route("*", "/{tail:.*}", peer_passthrough)


# -- operator -------------------------------------------------------------------------------------
async def healthz(request: web.Request) -> web.Response:
    return json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    app = request.app
    checks = {"store": await app[STORE].writable(), "pii": app[DETECTOR].ready}
    if SPOOL in app:
        checks["spool"] = not app[SPOOL].full
    if isinstance(app[STATES], RedisStates):
        checks["state"] = await app[STATES].ready()
    return json_response({"ready": all(checks.values()), "checks": checks}, status=200 if all(checks.values()) else 503)


async def metrics_route(request: web.Request) -> web.Response:
    metrics = request.app[METRICS]
    return web.Response(body=metrics.render(), headers={"Content-Type": metrics.content_type})


# -- resources ------------------------------------------------------------------------------------
def server_secret(data_dir: Path, configured: Path | None = None) -> bytes:
    """The key of keyed hashes ("hash" masks): made once, kept in the data directory; or the file
    configured (secret_file), which instances of one deployment share and which is never made here."""
    if configured is not None:
        secret = configured.read_bytes()
        if len(secret) < 32:
            raise ValueError(f"secret_file {configured} holds {len(secret)} bytes: it needs 32 or more")
        return secret
    path = data_dir / "secret.key"
    sqlite.private_directory(data_dir)
    if not path.exists():
        draft = data_dir / f".secret.key.{os.getpid()}"
        sqlite.private_file(draft)  # 0600 before the key is written into it
        draft.write_bytes(secrets.token_bytes(32))
        try:  # a link is atomic: of --workers children starting at once, one secret wins for all
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    path.chmod(sqlite.PRIVATE_FILE)
    return path.read_bytes()


async def resources(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    app[SECRET] = server_secret(settings.data_dir, settings.secret_file)
    store = app[STORE] = await Store(settings.data_dir).open()
    metrics = app[METRICS]
    if settings.state:  # shared by every process and instance on this Redis (redactor/state_redis.py)
        states = app[STATES] = RedisStates(settings.state, app[SECRET], settings.session_idle_seconds,
                                           settings.hot_sessions, settings.state_timeout_seconds,
                                           settings.state_lock_wait_seconds, max_taint_values=settings.max_taint_values)
        await states.check_secret()  # another secret than the other instances': refuse to start
    else:
        states = app[STATES] = SessionStates(store, settings.max_sessions, settings.session_idle_seconds,
                                             settings.hot_sessions, settings.max_taint_values,
                                             max_bytes=settings.max_mirror_bytes,
                                             max_per_site=settings.max_sessions_per_site,
                                             on_limit=lambda limit: metrics.limit_hits.labels(limit).inc())
    await admin.load_sites(app)
    await admin.load_tokens(app)
    threads = app[THREADS] = RedactionThreads(settings.redaction_threads)
    detector = app[DETECTOR] = DetectorPool(workers=settings.pii_workers, ner=settings.ner)
    metrics.watch(states, detector.queue, threads.scheduler)
    await detector.start()
    gc.freeze()  # what start-up made lives for ever: out of the collector's way (scheduling.favour_the_loop)
    log.info("ready: %d site(s), data in %s, %d detector process(es)", len(app[POLICIES]), settings.data_dir,
             settings.pii_workers)
    try:
        yield
    finally:
        detector.close()
        threads.close()
        if isinstance(states, RedisStates):
            await states.close()
        await store.close()


async def upstream_sink(app: web.Application) -> AsyncIterator[None]:
    """Upstream mode: the collector's ClientSession and the disk spool with its delivery task.
    Registered after `resources`, so it is closed first: in-flight batches are done by then;
    delivery gets spool_drain_seconds to empty the spool, the rest stays on disk."""
    settings = app[SETTINGS]
    assert settings.upstream is not None
    spool_dir = settings.data_dir / workers.spool_name(settings.worker_index)  # one spool per --workers child
    spool = app[SPOOL] = await Spool(spool_dir, settings.spool_max_bytes, app[METRICS],
                                     settings.spool_retry_max_seconds).open()
    sink = app[UPSTREAM] = await upstream.Upstream(settings.upstream, settings.upstream_timeout_seconds, spool,
                                                   app[METRICS]).start()
    log.info("upstream mode: forwarding to the collector, %d batch(es) in the spool", len(spool))
    try:
        yield
    finally:
        await sink.close(settings.spool_drain_seconds)
        await spool.close()


def create_app(settings: Settings | None = None) -> web.Application:
    settings = settings or Settings()
    app = web.Application(middlewares=[errors, refusals], client_max_size=settings.max_body_bytes)
    app[SETTINGS] = settings
    app[METRICS] = Metrics()
    app[POLICIES] = {}
    app[TOKENS] = {}
    app.cleanup_ctx.append(resources)
    app.cleanup_ctx.append(retention)  # erases sessions older than their site's retention_days
    if settings.upstream:
        app.cleanup_ctx.append(upstream_sink)
    if settings.worker_index is not None:  # one of --workers N: follow the sites and tokens the others change
        app.cleanup_ctx.append(workers.follow_config)
    app.router.add_post("/v1/sites/{site}/sessions/{session}/events", ingest)
    app.router.add_route("OPTIONS", "/v1/sites/{site}/sessions/{session}/events", ingest_preflight)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_route)
    if settings.upstream:
        add_peer_routes(app)
    api = admin.create_api(*viewer.API_ROUTES)  # after the ingest routes: a POST of events is ingest
    if settings.admin_port is None:
        serve_admin(app, api)
    else:  # last of the contexts: it shares the resources the ones above make
        app.cleanup_ctx.append(functools.partial(admin_listener, api=api))
    if settings.upstream:
        add_passthrough_route(app)
    return app


def serve_admin(front: web.Application, api: web.Application) -> None:
    """The viewer's page, the OpenAPI document and the admin API (a sub-application at /v1)."""
    viewer.add_page_routes(front)
    admin.add_document_routes(front)
    front.add_subapp(admin.PREFIX, api)


def tls_context(settings: Settings) -> ssl.SSLContext | None:
    if not (settings.tls_cert and settings.tls_key):
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(settings.tls_cert, settings.tls_key)
    return context


async def admin_listener(app: web.Application, api: web.Application) -> AsyncIterator[None]:
    """--admin-port: the admin API, the viewer and the OpenAPI document on a listener of their
    own (same host, same TLS), and not on the ingest port, so that a firewall can keep them
    private. Its application shares the resources of the main one, made before it starts."""
    settings = app[SETTINGS]
    front = web.Application(middlewares=[errors], client_max_size=settings.max_body_bytes)
    for key, value in app.items():
        front[key] = value
    serve_admin(front, api)
    assert settings.admin_port is not None
    runner = await start_listener(front, settings, settings.admin_port, ssl_context=tls_context(settings))
    log.info("admin API and viewer on port %d", settings.admin_port)
    try:
        yield
    finally:
        await runner.cleanup()
