"""The aiohttp application: its routes, its middleware, and the resources it owns (cleanup_ctx).

A batch arrives on a route: the native one here (`ingest`), or a peer's (redactor/peers.py,
upstream mode). The route decodes its wire format; redactor/pipeline.py runs the stages that
follow, the same for both: the session's mirror, redaction, encoding, the sink. Nothing is stored
or forwarded unless the whole batch was redacted.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import secrets
import ssl
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp import web

from redactor import admin, peers, session_ids, viewer, workers
from redactor.answers import errors, json_error, json_response, route_name, unknown_site
from redactor.body import read_body
from redactor.carried import RefusedBatches
from redactor.config import Settings
from redactor.formats import packed, rrweb_batch, sliced_json
from redactor.formats.rrweb_batch import Batch, Group
from redactor.keys import (DETECTOR, METRICS, NAME, POLICIES, REFUSED, SECRET, SETTINGS, SHARED_ADMIN, SPOOL, STATES,
                           STORE, THREADS, TOKENS, UPSTREAM)
from redactor.listen import start_listener
from redactor.masking import SECRET_BYTES
from redactor.metrics import Metrics
from redactor.pii import DetectorPool
from redactor.pii.cache import SharedSpans
from redactor.pii.names import read_name_lists
from redactor.pipeline import Recordings, refuse, site_secret, take_batch
from redactor.policy import Policy
from redactor.retention import retention
from redactor.scheduling import RedactionThreads
from redactor.sessions import SessionStates, batch_digest
from redactor.sinks import sqlite, upstream
from redactor.sinks.spool import Spool, Spools
from redactor.sinks.store import Store
from redactor.shared_admin import SharedAdmin
from redactor.state_redis import RedisStates, on_this_host, share_secret

log = logging.getLogger("redactor")

# -- ingest -----------------------------------------------------------------------------------
def cors_headers(policy: Policy, origin: str | None) -> dict[str, str]:
    if origin is None:
        return {}
    if origin not in policy.config.allowed_origins and "*" not in policy.config.allowed_origins:
        raise web.HTTPForbidden(text=f"origin {origin} is not in this site's allowed_origins", reason="Origin Not Allowed")
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


#: seconds a browser may cache our answer to a preflight
PREFLIGHT_MAX_AGE = 600


async def ingest_preflight(request: web.Request) -> web.Response:
    await workers.fresh_config(request.app)
    policy = site_policy(request)
    headers = cors_headers(policy, request.headers.get("Origin"))
    headers.update({"Access-Control-Allow-Methods": "POST, OPTIONS",
                    "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers",
                                                                        "content-type, content-encoding"),
                    "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE)})
    return web.Response(status=204, headers=headers)


def site_policy(request: web.Request) -> Policy:
    site = request.match_info["site"]
    policy = request.app[POLICIES].get(site)
    if policy is None:
        raise unknown_site(site)
    return policy


async def ingest(request: web.Request) -> web.StreamResponse:
    """POST /v1/sites/{site}/sessions/{session}/events: one native batch of one session."""
    app = request.app
    metrics, settings = app[METRICS], app[SETTINGS]
    site, session = request.match_info["site"], request.match_info["session"]
    await workers.fresh_config(app)  # --workers N: a site or block-list saved on another child applies now
    policy = site_policy(request)
    headers = cors_headers(policy, request.headers.get("Origin"))
    if not NAME.fullmatch(session):
        return refuse(metrics, 400, "bad_session", "a session id is 1-200 letters, digits, '.', '_', ':' or '-'",
                      headers).response
    if request.content_type.lower() not in rrweb_batch.ACCEPTED_TYPES:
        return refuse(metrics, 415, "unsupported_media_type",
                      f"Content-Type {request.content_type!r} is not accepted: send application/json", headers).response
    key = site_secret(app[SECRET], site)
    if await session_ids.personal(app, policy, [session]):  # it would be the recording's name, raw
        session = session_ids.pseudonym(key, session)
    forward = UPSTREAM in app  # the collector gets the batch as it came; the store keeps its meta apart

    decoded: list[Batch] = []  # the big ones, freed in slices on a redaction thread, not at once on the loop

    async def decode() -> Recordings:
        body = await read_body(request, settings)
        big = len(body) > sliced_json.SLICE_BYTES  # decoded, encoded and freed in slices; no collector pass meanwhile
        batch, digest = await app[THREADS].decode(
            site, functools.partial(decode_with_digest, key, settings.max_inflated_bytes), body, hold=big)
        if big:
            decoded.append(batch)
        seq = rrweb_batch.batch_seq(batch.meta)
        # a bare array, or a batch without its number, is taken as it comes (a body the snippet sends again
        # has its number): its digest is not kept, so a batch of keystrokes writes no state (--state)
        group = Group(session, batch.events, batch.meta or {}, seq=seq, digest=None if seq is None else digest)

        def encode() -> bytes:
            return batch.encode(group.kept) if forward else rrweb_batch.encode(group.kept)
        return Recordings(policy, [group], encode, batch.meta)

    try:
        return await take_batch(request, decode, headers)
    finally:
        for batch in decoded:  # a redo after another process moved the state decodes again
            app[THREADS].dispose(site, [batch.events, batch.meta], sys.exc_info()[1], resume=True)
            batch.events, batch.meta = [], None


def decode_with_digest(key: bytes, limit: int, body: bytes) -> tuple[Batch, str]:
    """The batch (its packed events unpacked, within `limit` once inflated), and the digest its session
    knows it by (a retry is the same body): on a redaction thread."""
    return packed.decode_batch(body, limit), batch_digest(key, body)


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
def server_secret(data_dir: Path, configured: Path | None = None, made: bytes | None = None) -> bytes:
    """The key of keyed hashes ("hash" masks): made once (`made`, or random), kept in the data directory;
    or the file configured (secret_file), which instances of one deployment share and which is never made here."""
    if configured is not None:
        secret = configured.read_bytes()
        if len(secret) < SECRET_BYTES:
            raise ValueError(f"secret_file {configured} holds {len(secret)} bytes: it needs {SECRET_BYTES} or more")
        return secret
    path = data_dir / "secret.key"
    sqlite.private_directory(data_dir)
    if not path.exists():
        draft = data_dir / f".secret.key.{os.getpid()}"
        sqlite.private_file(draft)  # 0600 before the key is written into it
        draft.write_bytes(made or secrets.token_bytes(SECRET_BYTES))
        try:  # a link is atomic: of --workers children starting at once, one secret wins for all
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    path.chmod(sqlite.PRIVATE_FILE)
    return path.read_bytes()


async def deployment_secret(settings: Settings) -> bytes:
    """The server secret. Instances on one Redis (--state) must share it. On a Redis of this machine
    and without a secret_file, the first to start publishes its own there and an instance whose data
    directory has none yet takes that one (state_redis.share_secret): a second instance joins with
    nothing to copy. Never on a Redis other machines reach: it would hold the key that seals what
    it keeps, and the keyed hashes of what visitors typed could be tried against it; there every
    instance is given the same secret_file. One with another secret refuses to start
    (RedisStates.check_secret), saying so."""
    if not settings.state or settings.secret_file is not None or not on_this_host(settings.state):
        return server_secret(settings.data_dir, settings.secret_file)
    path = settings.data_dir / "secret.key"
    own = path.read_bytes() if path.exists() else secrets.token_bytes(SECRET_BYTES)
    shared = await share_secret(settings.state, own, settings.state_timeout_seconds)
    return server_secret(settings.data_dir, made=shared or own)


async def resources(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    app[SECRET] = await deployment_secret(settings)
    store = app[STORE] = await Store(settings.data_dir).open()
    metrics = app[METRICS]
    if settings.state:  # shared by every process and instance on this Redis (redactor/state_redis.py)
        states = app[STATES] = RedisStates(settings.state, app[SECRET], settings.session_idle_seconds,
                                           settings.hot_sessions, settings.state_timeout_seconds,
                                           settings.state_lock_wait_seconds, max_taint_values=settings.max_taint_values,
                                           keep_seconds=settings.state_keep_seconds,
                                           max_per_site=settings.max_sessions_per_site,
                                           probation_seconds=settings.session_probation_seconds,
                                           on_limit=lambda limit: metrics.limit_hits.labels(limit).inc())
        await states.check_secret()  # another secret than the other instances': refuse to start
    else:
        states = app[STATES] = SessionStates(store, settings.max_sessions, settings.session_idle_seconds,
                                             settings.hot_sessions, settings.max_taint_values,
                                             max_bytes=settings.max_mirror_bytes,
                                             max_per_site=settings.max_sessions_per_site,
                                             probation_seconds=settings.session_probation_seconds,
                                             on_limit=lambda limit: metrics.limit_hits.labels(limit).inc())
    app[REFUSED] = RefusedBatches(states.redis if isinstance(states, RedisStates) else None, settings.session_idle_seconds)
    # the detector's answers per site, shared by the site's sessions, and with --state by every instance
    shared = SharedSpans(app[SECRET], redis=states.redis if isinstance(states, RedisStates) else None)
    detector = app[DETECTOR] = DetectorPool(workers=settings.pii_workers, ner=settings.ner, shared=shared)
    # its engines are built (~4 s) while this process loads the sites and the place names: launched
    # once nothing can refuse the start any more, as a detector process cannot be stopped mid-build
    detector.launch()
    await admin.load_sites(app)
    await admin.load_tokens(app)
    if isinstance(states, RedisStates):  # the sites are one truth across the instances on the Redis
        await SharedAdmin(states.redis).start(app, settings.config_poll_seconds)
    threads = app[THREADS] = RedactionThreads(settings.redaction_threads)
    metrics.watch(states, detector.queue, threads.scheduler, shared.counts)
    read_name_lists()  # read here, not in the first batch that needs them: their parse would stall it
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
            await app[SHARED_ADMIN].close()
            await states.close()
        await store.close()


async def upstream_sink(app: web.Application) -> AsyncIterator[None]:
    """Upstream mode: the collector's ClientSession and the disk spool with its delivery task.
    Registered after `resources`, so it is closed first: in-flight batches are done by then;
    delivery gets spool_drain_seconds to empty the spool, the rest stays on disk."""
    settings = app[SETTINGS]
    assert settings.upstream is not None
    spool_dir = settings.data_dir / workers.spool_name(settings.worker_index)  # one spool per --workers child
    left = workers.spools_left(settings.data_dir, workers.count(settings.workers)) if not settings.worker_index else []
    spool = app[SPOOL] = await Spool(spool_dir, settings.spool_max_bytes, app[METRICS],
                                     settings.spool_retry_max_seconds, settings.spool_dead_letter_seconds).open(left)
    spools = await Spools(spool, settings.data_dir, settings.worker_index or 0, workers.count(settings.workers),
                          workers.spool_name).open()
    sink = app[UPSTREAM] = await upstream.Upstream(settings.upstream, settings.upstream_timeout_seconds, spools,
                                                   app[METRICS], upstream.via_token(app[SECRET])).start()
    log.info("upstream mode: forwarding to the collector, %d batch(es) in the spool", len(spool))
    try:
        yield
    finally:
        await sink.close(settings.spool_drain_seconds)
        await spools.close()
        await spool.close()


@web.middleware
async def refuse_loops(request: web.Request, handler: Any) -> web.StreamResponse:
    """Upstream mode: a request this deployment sent the collector has come back (--upstream points
    at redactor itself, or at its load balancer): forwarded again it would go round for ever."""
    sink = request.app.get(UPSTREAM)
    if sink is not None and upstream.came_back(request.headers, sink.via):
        request.app[METRICS].refused.labels("loop_detected").inc()
        log.warning("a request this deployment forwarded came back on %s %s: refused with 508 (--upstream loops)",
                    request.method, route_name(request))
        return json_error(508, "loop_detected", "this request was sent by this redactor deployment: --upstream "
                          "must be the collector's address, not redactor's own or its load balancer's")
    return await handler(request)


def create_app(settings: Settings | None = None) -> web.Application:
    settings = settings or Settings()
    app = web.Application(middlewares=[errors, refuse_loops] if settings.upstream else [errors],
                          client_max_size=settings.max_body_bytes)
    app[SETTINGS] = settings
    app[METRICS] = Metrics()
    app[POLICIES] = {}
    app[admin.COMPILED] = {}
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
        peers.add_peer_routes(app)
    api = admin.create_api(*viewer.API_ROUTES)  # after the ingest routes: a POST of events is ingest
    if settings.admin_port is None:
        serve_admin(app, api)
    else:  # last of the contexts: it shares the resources the ones above make
        app.cleanup_ctx.append(functools.partial(admin_listener, api=api))
    if settings.upstream:
        peers.add_other_route(app)
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
