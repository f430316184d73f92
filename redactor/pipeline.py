"""The stages a batch goes through, in order, the same for every route (native and peers'):

1. **decode** (formats/, called by the route): the wire format → `Recordings`, the rrweb events of
   each recording session the body holds;
2. **hold** each session's mirror, exclusively (sessions.py; state_redis.py with --state);
3. **redact** each group (plugins.py → redact.py): mirror update and classification (dom.py,
   selectors.py), content detection (the pii package), masking (content.py, masking.py);
4. **encode** (formats/): the same wire format back, and what is saved of each session;
5. **sink**: the embedded store (sinks/store.py), or the collector and its spool (sinks/upstream.py).

A stage returns plain data, or a `Refused` answer. Rollback is explicit: the mirrors held for a
batch are kept only when every stage went through, and discarded otherwise (the store, or Redis,
keeps the state of the last batch that did). Nothing of a refused batch is stored or forwarded.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import logging
import select
import sqlite3
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from aiohttp import web

from redactor.answers import json_error, json_response, retry_headers
from redactor.body import content_encoding
from redactor.carried import fingerprint
from redactor.dom import DomMirror
from redactor.formats.rrweb_batch import BatchError, Group
from redactor.ingest_query import redact_headers, redact_query
from redactor.keys import DETECTOR, METRICS, POLICIES, REFUSED, SECRET, SETTINGS, STATES, STORE, THREADS, UPSTREAM
from redactor.masking import Masker
from redactor.metrics import Metrics
from redactor.plugins import NetworkPass
from redactor.policy import Policy, SiteConfig
from redactor.redact import BatchLimits, MirrorTooLarge, Redaction, Steps, drive, redaction_steps, together
from redactor.rrweb import BadEvent, EventType
from redactor.scheduling import Unwanted
from redactor.sessions import (MAX_MISSING_SEQS, Order, SavedState, SiteFull, batch_order, holds_nothing, note_saved,
                               pending_name, state_to_save, take_seq)
from redactor.sinks import upstream
from redactor.sinks.spool import SpoolFull
from redactor.sinks.store import StorageUnavailable
from redactor.state_redis import StateMoved, StateUnavailable

log = logging.getLogger("redactor")

#: how often a batch waiting for a missing one of its session looks again: 50 ms, doubling to 400 ms
GAP_POLL_SECONDS, MAX_GAP_POLL_SECONDS = 0.05, 0.4
#: how many times a batch is redone when another process wrote its session meanwhile (--state)
STATE_ATTEMPTS = 3
#: the site of peers' traffic whose SDK key no site claims: redacted with the built-in defaults
DEFAULT_SITE = ":defaults"
#: seconds a client waits before retrying a batch the spool could not take (a disk error, not a full spool)
SPOOL_FAILED_RETRY_SECONDS = 30
#: a batch answered later than this is logged: a client may give up or stop recording meanwhile (Sentry Replay
#: holds every later segment while one is in flight), and the latency histogram does not say which site
SLOW_BATCH_SECONDS = 10.0


# -- the data that goes from stage to stage ----------------------------------------------------------
@dataclass
class Recordings:
    """A decoded body: its site's policy, the rrweb events of each recording session in it, and
    the way back to its wire format."""

    policy: Policy
    groups: list[Group]
    #: the body in its wire format with each group's `kept` events (BatchError if it cannot be)
    encode: Callable[[], bytes]
    #: the batch's other keys, stored beside its events (native batches in the embedded store)
    meta: dict[str, Any] | None = None


#: the route's decoding of the request's body; redone when the batch is redone (redaction works in place)
Decode = Callable[[], Awaitable[Recordings]]


@dataclass
class Refused:
    """The answer to a batch that is neither stored nor forwarded."""

    response: web.StreamResponse


@dataclass
class Summary:
    """What is saved of a session after a batch: its mirror's state (None: unchanged since it
    was saved), the batch's remarks and the page it recorded."""

    state: SavedState | None
    remarks: dict[str, int]
    page: str | None

    @property
    def state_blob(self) -> bytes | None:
        return self.state.blob if self.state is not None else None

    @property
    def whole(self) -> bool:
        """Whether the state is the whole one (else the changes since the last save)."""
        return self.state is None or self.state.whole


@dataclass
class Encoded:
    body: bytes
    summaries: list[Summary]  # one per group


def refuse(metrics: Metrics, status: int, code: str, detail: str, headers: dict[str, str]) -> Refused:
    metrics.refused.labels(code).inc()
    return Refused(json_error(status, code, detail, headers))


# -- the runner ---------------------------------------------------------------------------------------
async def take_batch(request: web.Request, decode: Decode, headers: dict[str, str]) -> web.StreamResponse:
    """Runs the stages for one request and answers. With shared state (--state), a batch whose
    session another process wrote meanwhile is redone from its decoding, on that state."""
    app, started = request.app, time.perf_counter()
    metrics = app[METRICS]
    for _ in range(STATE_ATTEMPTS):
        try:
            recordings = await decode()
        except BatchError as error:
            return refuse(metrics, error.status, error.code, error.detail, headers).response
        sessions = len({group.session for group in recordings.groups if group.session is not None})
        limit = app[SETTINGS].max_sessions_per_batch
        if sessions > limit:  # each holds a place of its site's max_sessions_per_site while the batch runs
            metrics.limit_hits.labels("batch_sessions").inc()
            return refuse(metrics, 413, "too_many_sessions_in_batch",
                          f"the body holds events of {sessions} sessions; one request may carry {limit} at most "
                          "(max_sessions_per_batch): send each session's events in their own requests",
                          headers).response
        prints = refused_prints(app, recordings)  # before the redaction works on the events in place
        state_answers = True
        try:
            answer = await _in_order(request, recordings, headers, started)
        except StateMoved:
            continue
        except StateUnavailable as error:  # fail closed: never a batch redacted without its state
            state_answers = False
            answer = refuse(metrics, 503, error.code, error.detail,
                            {**headers, **retry_headers(headers, error.retry_after)}).response
        except SiteFull as full:
            answer = refuse(metrics, 429, "too_many_sessions", f"{full}: retry later",
                            {**headers, **retry_headers(headers, full.retry_after)}).response
        if answer.status >= 400:  # refused: its events may come again under the next number (carried.py)
            for session, seq, count, print_ in prints:
                await app[REFUSED].note(recordings.policy.site, session, seq, count, print_, share=state_answers)
        took = time.perf_counter() - started
        if took > SLOW_BATCH_SECONDS:
            log.warning("a batch of site %s (%d events) was answered %d after %.1f s", recordings.policy.site,
                        sum(len(group.events) for group in recordings.groups), answer.status, took)
        return answer
    return refuse(metrics, 503, "state_conflict", "the session's state kept moving under this batch; retry later",
                  {**headers, **retry_headers(headers, 1)}).response


async def _in_order(request: web.Request, recordings: Recordings, headers: dict[str, str],
                    started: float) -> web.StreamResponse:
    """A numbered batch whose session misses the ones before it waits for them (they may be on their
    way, to this process or another), up to batch_gap_wait_seconds; then it is redacted without them,
    and the nodes they added are unknown to the mirror: masked (fail closed)."""
    deadline = time.monotonic() + request.app[SETTINGS].batch_gap_wait_seconds
    pause = GAP_POLL_SECONDS
    while True:
        waiting = time.monotonic() < deadline
        answer = await _run_stages(request, recordings, headers, started, waiting)
        if answer is not None:
            return answer
        await asyncio.sleep(pause)
        pause = min(pause * 2, MAX_GAP_POLL_SECONDS)  # each look holds the session (a Redis round trip)


async def _run_stages(request: web.Request, recordings: Recordings, headers: dict[str, str],
                      started: float, waiting: bool) -> web.StreamResponse | None:
    """The answer, or None while the batch must wait for a missing one of its session (the session
    was held and let go unchanged)."""
    app = request.app
    metrics, states, site = app[METRICS], app[STATES], recordings.policy.site
    run = app[THREADS].runner(site)
    sessions = sorted({group.session for group in recordings.groups if group.session is not None})
    async with AsyncExitStack() as stack:
        mirrors = {session: await stack.enter_async_context(states.session(site, session, run))
                   for session in sessions}  # in order: two requests never wait on each other
        orders = [await gap_order(app, site, group, mirrors[group.session])
                  for group in recordings.groups if group.session is not None]
        if Order.TOO_FAR in orders:
            return refuse(metrics, 409, "batch_number_too_far",
                          f"the batch number is more than {MAX_MISSING_SEQS} past the session's last one: send a "
                          "session's batches numbered in order from 0 (or start a new session id)", headers).response
        if Order.AHEAD in orders:
            if waiting:
                return None
            metrics.out_of_order.labels("ahead").inc()
            mark_state_lost(metrics, site, recordings, mirrors)
            forget_what_a_gap_may_have_changed(recordings, mirrors, orders)
        if orders and all(order is Order.DUPLICATE for order in orders):  # a retry of a batch taken before
            metrics.out_of_order.labels("duplicate").inc()
            received = sum(len(group.events) for group in recordings.groups)
            return json_response({"accepted": received, "stored": 0, "dropped": 0, "duplicate": True},
                                 status=202, headers=headers)
        outcome = await _stages(request, recordings, mirrors, headers, run)
        if isinstance(outcome, Refused):
            for session in sessions:
                states.discard(site, session)
            return outcome.response
        for mirror in mirrors.values():
            metrics.mirror_nodes.observe(len(mirror.nodes))
        recorded = {group.session for group in recordings.groups if group.events}
        for session, mirror in mirrors.items():
            if session not in recorded and holds_nothing(mirror):
                states.let_go(site, session)  # analytics only, nothing to protect: not kept, no place held
    redactions, answer = outcome
    for group, redaction in zip(recordings.groups, redactions):
        metrics.record(len(group.events), redaction)
    metrics.latency.observe(time.perf_counter() - started)
    return answer


async def gap_order(app: web.Application, site: str, group: Group, mirror: DomMirror) -> Order:
    """batch_order; but a batch ahead of missing numbers that this process refused, and whose events
    start with theirs (a recorder that sends a failed batch's events again under its next number),
    misses nothing: the next one (carried.py). Without that proof it stays ahead (fail closed)."""
    order = batch_order(mirror, group.seq, retry_digest(group))
    if order is Order.AHEAD and group.seq is not None and group.session is not None:
        expected = 0 if mirror.last_seq is None else mirror.last_seq + 1
        if await app[REFUSED].carried(site, group.session, range(expected, group.seq), site_secret(app[SECRET], site),
                                group.events):
            return Order.NEXT
    return order


def refused_prints(app: web.Application, recordings: Recordings) -> list[tuple[str, int, int, str | None]]:
    """Per numbered group: its session, number, count of events and their fingerprint (carried.py)."""
    key = site_secret(app[SECRET], recordings.policy.site)
    return [(group.session, group.seq, len(group.events), fingerprint(key, group.events, len(group.events)))
            for group in recordings.groups if group.session is not None and group.seq is not None]


def retry_digest(group: Group) -> str | None:
    """The digest a resend of the group's batch is recognised by (sessions.batch_order): a numbered
    batch's, or an unnumbered one's that records something (a body of analytics events alone leaves its
    session nothing to keep, sessions.holds_nothing)."""
    return group.digest if group.seq is not None or group.events else None


def batch_key(group: Group) -> str | None:
    """What tells a batch from any other of its session: its number ('-' without one) and the keyed
    digest of its body as it came (a redo's redaction may differ, its body does not). None: no digest."""
    digest = retry_digest(group)
    return None if digest is None else f"{'-' if group.seq is None else group.seq}/{digest}"


def idempotency_key(site: str, recordings: Recordings) -> str | None:
    """The Idempotency-Key a batch is forwarded with: the same for a redo of it (its instance died
    after forwarding it, before it let its session go: it was still pending), so that the collector
    keeps it once (docs/scaling.md). Site, the session's stored name (a pseudonym if its id named
    someone, session_ids; percent-encoded) and batch_key: nothing the visitor wrote."""
    for group in sorted(recordings.groups, key=lambda group: group.session is None):  # a recording's first
        key = batch_key(group)
        if key is not None:
            return f"{site}/{quote(group.session or '-', safe='')}/{key}"
    return None


def mark_state_lost(metrics: Metrics, site: str, recordings: Recordings, mirrors: dict[str, DomMirror]) -> None:
    """A batch numbered past 0 taken on a session that knows no number: its state is gone (Redis
    evicted it or restarted without persistence, the store's copy erased) or its first batches never
    came. Either way the values typed before it are unknown, and so are the echoes of them the taint
    would have masked (a confirmation page showing the typed address): the session is marked lost
    (DomMirror.lost), and every text and attribute value of its pages is masked from here on, as an
    unknown node's (fail closed; refusing the batch instead would lose the rest of the recording, as
    the state never comes back). Counted, and logged with the site only (a session id is the client's)."""
    lost = [mirrors[group.session] for group in recordings.groups if group.session is not None and group.seq
            and mirrors[group.session].last_seq is None and not mirrors[group.session].pending_seqs]
    for mirror in lost:
        mirror.lost = mirror.dirty = True
    if lost:
        metrics.state_lost.inc(len(lost))
        log.warning("site %s: %d batch(es) numbered past 0 found no state for their session (lost from the "
                    "state store, or the first batches never came): their pages are masked for the rest of the session",
                    site, len(lost))


def forget_what_a_gap_may_have_changed(recordings: Recordings, mirrors: dict[str, DomMirror],
                                       orders: list[Order]) -> None:
    """A batch taken without the ones before it: they may have blocked a container the mirror knows
    (a class, a site selector), changed a field's type, or gone to another page (a block_urls one,
    whose nodes reuse the last page's ids). The mirror cannot tell, so its nodes become unknown
    (fail closed: what the batch writes into them is masked) until the next snapshot; what
    protects the session (sticky flags, each id's floor, the taint) stays (DomMirror.reset).
    orders: gap_order's, one per group with a session."""
    for group, order in zip([group for group in recordings.groups if group.session is not None], orders):
        if order is Order.AHEAD:
            mirrors[group.session].reset()


async def _stages(request: web.Request, recordings: Recordings, mirrors: dict[str, DomMirror],
                  headers: dict[str, str], run: Callable[..., Any]
                  ) -> tuple[list[Redaction], web.StreamResponse] | Refused:
    app = request.app
    metrics, site = app[METRICS], recordings.policy.site
    wanted = functools.partial(connected, request)
    done = await redact_and_encode(app, recordings, mirrors, headers, app[THREADS].runner(site, wanted), wanted)
    if isinstance(done, Refused):
        return done
    if not connected(request):  # nobody to acknowledge it: not stored, the recorder sends it again
        return client_gone(metrics, site, headers)
    redactions, encoded, late = done
    if late:
        metrics.out_of_order.labels("late").inc(late)
    numbers = {group.session: pending_name(group.seq, retry_digest(group)) for group in recordings.groups}
    for session, mirror in mirrors.items():  # shared state (--state): written before the batch leaves
        await app[STATES].commit(site, session, mirror, numbers.get(session), recordings.policy.config.retention_days)
    answer = await sink(request, recordings, redactions, encoded, mirrors, headers)
    if isinstance(answer, Refused):
        return answer
    return redactions, answer


def connected(request: web.Request) -> bool:
    """Whether the client still waits for the answer (aiohttp does not cancel a handler whose
    client went away: its queued jobs ask this when their turn comes, scheduling.Unwanted). The
    socket itself is asked (poll, without reading): while a request is handled aiohttp may not
    read from it, and would see the client's close only once the answer is written."""
    transport = request.transport
    if transport is None or transport.is_closing():
        return False
    sock = transport.get_extra_info("socket")
    if sock is None:
        return True
    # a FIN alone is a half-close (the client waits for its answer: listen._JsonErrors), or a
    # client that closed without waiting, which only the answer would tell: the batch is done
    # and stored, not lost. A reset, or a connection closed both ways, is a client gone.
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN)
    return not any(events & (select.POLLHUP | select.POLLERR) for _, events in poller.poll(0))


def client_gone(metrics: Metrics, site: str, headers: dict[str, str]) -> Refused:
    """A batch whose client went away before its answer: the rest of its work is not done and
    it is not stored (never acknowledged, it is sent again by a recorder that retries: nothing is lost)."""
    log.info("client_gone: a batch of site %s was dropped unfinished, its client went away", site)
    return refuse(metrics, 400, "client_gone", "the connection was closed before the answer", headers)


# -- 3. redact ------------------------------------------------------------------------------------------
def masker_for(app: web.Application, policy: Policy) -> Masker:
    return Masker(policy.config.pii.mask, site_secret(app[SECRET], policy.site))


@functools.lru_cache(maxsize=1024)
def site_secret(secret: bytes, site: str) -> bytes:
    """The key of a site's keyed hashes, derived from the server's: once per site, not per batch."""
    return hmac.new(secret, site.encode(), hashlib.sha256).digest()


async def redact_and_encode(app: web.Application, recordings: Recordings, mirrors: dict[str, DomMirror],
                            headers: dict[str, str], run: Callable[..., Any],
                            wanted: Callable[[], bool] | None = None
                            ) -> tuple[list[Redaction], Encoded, int] | Refused:
    """Each group redacted in place with its session's mirror (a group without a session, with an
    empty one; `group.kept` set to the events that survive), each session's batch number taken,
    then the body encoded: steps driven on a redaction thread, in one job when this process knows
    every text's spans. Also says how many groups came late (a batch number below the session's).
    `wanted`: asked by each job when its turn comes (connected): false, the batch is refused, client_gone."""
    settings, policy = app[SETTINGS], recordings.policy
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.pii, site=policy.site, wanted=wanted)
    known = functools.partial(app[DETECTOR].known, settings=policy.pii, site=policy.site)
    masker = masker_for(app, policy)
    limits = BatchLimits(settings.max_scan_texts, settings.max_scan_chars, settings.max_mirror_nodes)

    def steps() -> Steps[tuple[list[Redaction], Encoded, int]]:
        redactions = yield from together([
            redaction_steps(group.events, policy, mirrors[group.session] if group.session is not None else DomMirror(),
                            masker, group.meta, limits, NetworkPass(policy, masker))
            for group in recordings.groups])
        for group, redaction in zip(recordings.groups, redactions):
            group.kept = redaction.events
        # taken before the state is saved with the batch: a retry of this batch is then a duplicate
        late = sum(take_seq(mirrors[group.session], group.seq, retry_digest(group))
                   for group in recordings.groups if group.session is not None)
        return redactions, encode(recordings, redactions, mirrors, app[STATES].saved_with_batches), late

    try:
        return await drive(steps(), run, analyze, known)
    except BatchError as error:  # the body cannot be encoded again (only encoding says BatchError)
        return refuse(app[METRICS], error.status, error.code, error.detail, headers)
    except Unwanted:  # the client went away: the jobs still queued were not run
        return client_gone(app[METRICS], policy.site, headers)
    except Exception as error:  # the redaction or the detection failed
        fate = "forwarded" if UPSTREAM in app else "stored"
        return refused_redaction(app[METRICS], error, policy.site, fate, headers)


def refused_redaction(metrics: Metrics, error: Exception, site: str, fate: str, headers: dict[str, str]) -> Refused:
    """A batch whose redaction failed: bad input says what is wrong, anything else is logged."""
    if isinstance(error, BadEvent):
        return refuse(metrics, 400, "bad_event", str(error), headers)
    if isinstance(error, MirrorTooLarge):
        metrics.limit_hits.labels("mirror_nodes").inc()
        return refuse(metrics, 413, "mirror_too_large", str(error), headers)
    log.error("a batch of site %s could not be redacted: refused, not %s", site, fate, exc_info=error)
    return refuse(metrics, 500, "redaction_failed",
                  f"the batch could not be redacted, so it was not {fate}; it was logged", headers)


# -- 4. encode (on a redaction thread, the last of redact_and_encode's steps) ---------------------------------------------------------------
def encode(recordings: Recordings, redactions: list[Redaction], mirrors: dict[str, DomMirror],
           save_state: bool = True) -> Encoded:
    """The batch's body, and per session what the store saves: the mirror's state (unless the
    session state lives elsewhere: --state) and the batch's remarks."""
    summaries = []
    for group, redaction in zip(recordings.groups, redactions):
        mirror = mirrors.get(group.session) if group.session is not None else None
        state = state_to_save(mirror) if mirror is not None and save_state else None
        remarks = {f"{rule}|{entity}|{action}": n for (rule, entity, action), n in redaction.counts().items()}
        page = next((e["data"].get("href") for e in redaction.events
                     if e.get("type") == EventType.META and isinstance(e.get("data"), dict)), None)
        summaries.append(Summary(state, remarks, page))
    return Encoded(recordings.encode(), summaries)


# -- 5. sink ------------------------------------------------------------------------------------------
async def sink(request: web.Request, recordings: Recordings, redactions: list[Redaction], encoded: Encoded,
               mirrors: dict[str, DomMirror], headers: dict[str, str]) -> web.StreamResponse | Refused:
    """The embedded store keeps the batch with its sessions' state, in one transaction. Upstream,
    the collector (or the spool) takes the batch first; the sessions' state is saved once it is
    safe, so that a refused batch leaves it as it was."""
    app = request.app
    store, site, body = app[STORE], recordings.policy.site, encoded.body
    received = sum(len(group.events) for group in recordings.groups)
    kept = sum(len(redaction.events) for redaction in redactions)
    counts = {"accepted": received, "stored": kept, "dropped": received - kept}
    saved = [(group, redaction, summary) for group, redaction, summary
             in zip(recordings.groups, redactions, encoded.summaries) if group.session is not None]
    if UPSTREAM not in app:
        for group, redaction, summary in saved:
            try:
                await store.save_batch(site, group.session, recordings.meta, body, len(redaction.events),
                                       summary.state_blob, summary.remarks, summary.page, whole=summary.whole,
                                       batch_key=batch_key(group))
            except StorageUnavailable as error:  # never acknowledged: the recorder sends it again, nothing is lost
                log.warning("a batch of site %s could not be stored (%s): refused with 503", site, error.code)
                return refuse(app[METRICS], 503, error.code, error.detail,
                              {**headers, **retry_headers(headers, error.retry_after)})
            note_saved(mirrors[group.session], summary.state)
        return json_response(counts, status=202, headers=headers)
    sessions = sorted(group.session for group, _, _ in saved)
    answer = await forward(request, site, sessions[0] if sessions else "-", body, counts, headers,
                           idempotency_key(site, recordings))
    if isinstance(answer, Refused) or site == DEFAULT_SITE:  # traffic no site claims: no retention applies
        return answer
    for group, redaction, summary in saved:
        if group.events:  # a group of analytics only: no recording to sum up
            try:
                await store.save_session_state(site, group.session, len(redaction.events), len(body),
                                               summary.state_blob, summary.remarks, summary.page, whole=summary.whole)
            except StorageUnavailable as error:  # the batch is delivered: its state's changes go with the next one
                log.warning("the session state of a batch of site %s could not be saved (%s)", site, error.code)
                continue
            note_saved(mirrors[group.session], summary.state)
    return answer


async def forward(request: web.Request, site: str, session: str, body: bytes, counts: dict[str, int],
                  headers: dict[str, str], idempotency: str | None = None) -> web.StreamResponse | Refused:
    """Upstream mode: the collector's answer, or 202 once the batch is in the disk spool.
    idempotency: the batch's Idempotency-Key (idempotency_key), sent with it and kept in the spool."""
    metrics = request.app[METRICS]
    sent_headers = await forwarded_headers(request, site)
    if idempotency is not None:
        sent_headers.append(("Idempotency-Key", idempotency))
    item = await upstream.outgoing(request, site, session, body, await forwarded_path(request, site, session),
                                   sent_headers, gzipped=content_encoding(request.headers) == "gzip")
    try:
        answer = await request.app[UPSTREAM].submit(item)
    except SpoolFull as full:
        return refuse(metrics, 503, "spool_full", "the collector is unavailable and the disk spool is full; retry later",
                      {**headers, **retry_headers(headers, full.retry_after)})
    except sqlite3.Error:
        log.exception("batch of site %s could not be spooled: refused", site)
        return refuse(metrics, 503, "spool_failed", "the collector is unavailable and the disk spool failed; "
                      "retry later", {**headers, **retry_headers(headers, SPOOL_FAILED_RETRY_SECONDS)})
    if answer is None:
        return json_response({**counts, "spooled": True}, status=202, headers=headers)
    if answer.status >= 400:  # the collector refused the batch: so do we
        metrics.refused.labels("upstream_refused").inc()
        return Refused(answer.response(headers))
    return answer.response(headers)


async def forwarded_path(request: web.Request, site: str, session: str | None = None) -> str:
    """The request's path, its query string redacted like a URL with the site's PII settings
    (the built-in ones for a request no site claims), and the path prefix a peer's client put before
    the route (peers.prefixed) scanned like a URL's path. A native batch's session id in the path is
    the name it is kept under (`session`: its pseudonym if the id held personal data, session_ids)."""
    app = request.app
    policy = app[POLICIES].get(site) or default_policy()
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.pii, site=site)
    path_qs = request.raw_path
    if session is not None and request.match_info.get("session", session) != session:
        _, mark, query = path_qs.partition("?")
        path_qs = str(request.match_info.route.url_for(**{**request.match_info, "session": session})) + mark + query
    return await redact_query(path_qs, masker_for(app, policy), analyze, policy.parameter_meaning,
                              chosen_prefix(request))


async def forwarded_headers(request: web.Request, site: str) -> list[tuple[str, str]]:
    """The request's headers that go on (upstream.forwarded_headers), each value the client wrote
    scanned as a payload's string is with the site's PII settings (ingest_query.redact_headers)."""
    app = request.app
    policy = app[POLICIES].get(site) or default_policy()
    analyze = functools.partial(app[DETECTOR].analyze, settings=policy.pii, site=site)
    headers = upstream.forwarded_headers(request.headers)
    scanned = [i for i, (name, _) in enumerate(headers) if name.lower() in upstream.SCANNED]
    redacted = await redact_headers([headers[i] for i in scanned], masker_for(app, policy), analyze,
                                    policy.structure.is_secret_key, policy.parameter_meaning)
    for i, header in zip(scanned, redacted):
        headers[i] = header
    return headers


def chosen_prefix(request: web.Request) -> int:
    """How many characters of the raw path the client chose before the route ("/ingest" of
    "/ingest/e/"): 0 on a route without a prefix, whose path is the route's own (its variables of a
    fixed shape: a Sentry project's digits, a PostHog key); all of it on a route that is a prefix
    alone (peers.add_other_route), and where the route's own end is not found as it was written
    (percent-encoded: all of it is scanned)."""
    if "prefix" not in request.match_info:
        return 0
    route_end = request.match_info.route.resource.canonical.partition("{prefix}")[2]
    path = request.raw_path.partition("?")[0]
    return len(path) - len(route_end) if path.endswith(route_end) else len(path)


@functools.cache
def default_policy() -> Policy:
    return Policy.compile(DEFAULT_SITE, SiteConfig())
