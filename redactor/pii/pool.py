"""Detection off the event loop: a pool of processes, each with its own PiiDetector, fed fairly
across sites, with the sites' shared answers in front of it (redactor.pii.cache.SharedSpans).

The engine is imported only where a detector is built (in the worker, or on first local use), so
that importing this module (the configuration reads ``default_pii_workers``) loads no model.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import concurrent.futures.process
import functools
import gc
import multiprocessing
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from redactor.pii.cache import SharedSpans
from redactor.pii.settings import PiiSettings
from redactor.pii.spans import Span, keep
from redactor.scheduling import FairScheduler, Unwanted, gc_paused, settle

if TYPE_CHECKING:
    from redactor.pii.engine import PiiDetector


@dataclass
class Lookup:
    """What this process knows of a list of texts: their digests and the answers found (None: not
    known here)."""
    lang: str
    digests: list[bytes]
    raw: list[tuple[Span, ...] | None]

    @property
    def answered(self) -> bool:
        return all(r is not None for r in self.raw)


@dataclass
class Job:
    """Texts of one site's batch for the detector (at most a chunk), and the future its caller awaits."""
    texts: list[str]
    lang: str
    wanted: Callable[[], bool] | None
    answer: asyncio.Future[list[tuple[Span, ...]]]
    unwanted: bool = False

    @property
    def chars(self) -> int:
        return sum(map(len, self.texts))

    def is_wanted(self) -> bool:
        """Asked when its turn comes; false, the job is not run (scheduling.Unwanted)."""
        self.unwanted = self.wanted is not None and not self.wanted()
        return not self.unwanted


def _answer(jobs: list[Job], work: asyncio.Future[list[tuple[Span, ...]]]) -> None:
    """One detector call's answers handed back to the jobs it ran, each its own texts' (or the error)."""
    error = asyncio.CancelledError() if work.cancelled() else work.exception()
    answers = None if error is not None else work.result()
    at = 0
    for job in jobs:
        settle(job.answer, None if answers is None else answers[at:at + len(job.texts)], error)
        at += len(job.texts)


#: the detector of a detector process (set by _worker_init when the process starts)
_worker_detector: PiiDetector | None = None


def _built(ner: bool) -> PiiDetector:
    """A PiiDetector, built with the garbage collector paused: Presidio, spaCy, the model and the rules
    only allocate what lives as long as the process, and the collector's passes over that growing heap
    found nothing to free (~0.5 s of the ~4 s of CPU a detector costs to build, bench/start.py)."""
    with gc_paused():
        from redactor.pii.engine import PiiDetector

        return PiiDetector(ner=ner)


def _worker_init(ner: bool) -> None:
    global _worker_detector
    from redactor.pii.names import country_names, read_name_lists

    _worker_detector = _built(ner)
    read_name_lists()  # else read by its first texts that hold a name, the batches waiting on them held meanwhile
    country_names()  # (asked of every name of several words: names_a_place)
    gc.freeze()  # the detector lives as long as its process: out of the collector's later passes


def _worker_spans(texts: list[str], lang: str) -> list[tuple[Span, ...]]:
    assert _worker_detector is not None
    return _worker_detector.spans_of(texts, lang)


def _worker_ping() -> bool:
    return _worker_detector is not None


#: the most one detector job holds, so that a slot frees often and the next site gets its turn
CHUNK_TEXTS = 32
CHUNK_CHARS = 8_000


def chunks(texts: list[str]) -> list[list[str]]:
    """Texts cut into detector jobs of at most CHUNK_TEXTS texts and CHUNK_CHARS characters
    (a longer text is a job of its own)."""
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for text in texts:
        if current and (len(current) >= CHUNK_TEXTS or size + len(text) > CHUNK_CHARS):
            out.append(current)
            current, size = [], 0
        current.append(text)
        size += len(text)
    if current:
        out.append(current)
    return out


def default_pii_workers() -> int:
    """One detector process per core but one (the event loop and the redaction threads need a
    core), at least 1, at most 8 (each holds its own Presidio engine and spaCy model, ~250 MB)."""
    return max(1, min(8, (os.cpu_count() or 2) - 1))


class DetectorPool:
    """Runs PiiDetector off the event loop in a ProcessPoolExecutor; each worker builds its
    PiiDetector once (initializer). ``workers=0`` runs in this process (scrub, tests): the async
    API then uses one thread, as the detector is not thread-safe.

    Fair: a batch's texts are cut into short jobs (chunks()), queued per site and handed to the
    workers round robin across sites (redactor.scheduling), so a site that floods the detector
    with distinct texts delays its own batches, not another site's. The job granted a slot takes
    the jobs waiting then into its one call, within a chunk's limits (_run)."""

    def __init__(self, workers: int = 1, ner: bool = True, shared: SharedSpans | None = None):
        self.workers, self.ner = workers, ner
        self._ready = False
        self._local: PiiDetector | None = None
        # the server passes one keyed by its secret (and on Redis with --state); alone, a random key
        self.shared = SharedSpans(secrets.token_bytes(32)) if shared is None else shared
        self._executor: concurrent.futures.Executor | None = None
        self._building: list[concurrent.futures.Future] | None = None  # launch()'s builds, until start()
        self.queue = FairScheduler(max(1, workers))

    @property
    def ready(self) -> bool:
        return self._ready

    def _executor_(self) -> concurrent.futures.Executor:
        if self._executor is None:
            if self.workers > 0:
                self._executor = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_init, initargs=(self.ner,))
            else:
                self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pii")
        return self._executor

    def _detector(self) -> PiiDetector:
        if self._local is None:
            self._local = _built(self.ner)
        return self._local

    def launch(self) -> None:
        """Begin building the engine (in every worker process, or on this process's detector thread) and
        return at once; start() waits for it. The server calls it first thing, so that a detector's
        build (~4 s of CPU) runs beside the rest of its start-up (store, sessions, sites)."""
        if self._building is None:
            executor = self._executor_()
            self._building = ([executor.submit(_worker_ping) for _ in range(self.workers)] if self.workers > 0
                              else [executor.submit(self._detector)])

    async def start(self) -> None:
        """Build the engine now (in every worker), so that the first request is not the slow one."""
        self.launch()
        building, self._building = self._building or [], None
        await asyncio.gather(*map(asyncio.wrap_future, building))
        self._ready = True

    async def analyze(self, texts: list[str], language: str, settings: PiiSettings,
                      site: str = "", lookup: Lookup | None = None,
                      wanted: Callable[[], bool] | None = None) -> list[list[Span]]:
        """Detection off the event loop, in `site`'s turn. Texts the site's sessions have had
        detected are answered from the shared cache (this process, then Redis), without a trip to a
        worker; the others go in chunks, and their answers are shared. `lookup`: what known() found
        of these texts on a redaction thread (their digests are not computed again on the loop).
        `wanted`: asked when each chunk's turn comes; false, the chunk is not run (scheduling.Unwanted)."""
        if not texts:
            return []
        lookup = lookup if lookup is not None else self._look_up(texts, language, settings, site)
        digests, raw = lookup.digests, lookup.raw
        unknown = list(dict.fromkeys(d for d, r in zip(digests, raw) if r is None))
        from_redis = dict(zip(unknown, await self.shared.fetch(site, unknown)))
        self.shared.put({d: spans for d, spans in from_redis.items() if spans is not None})
        self.shared.tally("redis", sum(spans is not None for spans in from_redis.values()))
        raw = [from_redis.get(d) if r is None else r for d, r in zip(digests, raw)]
        missing = list(dict.fromkeys(t for t, r in zip(texts, raw) if r is None))
        if missing:
            loop = asyncio.get_running_loop()
            jobs = [Job(texts, lookup.lang, wanted, loop.create_future()) for texts in chunks(missing)]
            try:
                answers = await asyncio.gather(*(self._run(site, job) for job in jobs))
            except concurrent.futures.process.BrokenProcessPool:
                self._executor, self._ready = None, False  # a worker died: the next call starts a new pool
                raise
            found = {text: spans for job, fresh in zip(jobs, answers) for text, spans in zip(job.texts, fresh)}
            by_digest = {d: found[t] for d, t in zip(digests, texts) if t in found}
            self.shared.tally("detected", len(found))
            self.shared.put(by_digest)
            await self.shared.share(site, by_digest)
            raw = [found[t] if r is None else r for t, r in zip(texts, raw)]
        return keep(raw, settings)

    async def _run(self, site: str, job: Job) -> list[tuple[Span, ...]]:
        """A job's answers, in `site`'s turn. The job granted a slot takes the jobs waiting then (any
        site's, in their turns: FairScheduler.take) into its one detector call, up to a chunk's
        CHUNK_TEXTS and CHUNK_CHARS: under load, batches send jobs of a text or two, and the model
        costs ~2 ms a call of one text, ~0.7 ms a text in a call of ten (nlp.pipe)."""
        try:
            slot = await self.queue.acquire(site, job)
        except asyncio.CancelledError:
            job.answer.cancel()  # taken along just as its caller gave up: nobody reads its answer
            raise
        if slot:
            if not job.is_wanted():
                self.queue.release(site)
                raise Unwanted()
            size = [len(job.texts), job.chars]

            def fits(other: Job) -> bool:
                if other.lang != job.lang:
                    return False
                if not other.is_wanted():
                    return True  # its turn came: taken, and dropped (Unwanted) without a place in the call
                if size[0] + len(other.texts) > CHUNK_TEXTS or size[1] + other.chars > CHUNK_CHARS:
                    return False
                size[0], size[1] = size[0] + len(other.texts), size[1] + other.chars
                return True

            merged = [job] + self.queue.take(fits)
            for other in merged:
                if other.unwanted:
                    settle(other.answer, None, Unwanted())
            merged = [other for other in merged if not other.unwanted]
            detect = _worker_spans if self.workers > 0 else self._local_spans
            try:
                work = self.queue.submit(site, self._executor_(), detect,
                                         [text for other in merged for text in other.texts], job.lang)
            except BaseException as error:  # the pool is broken or shut down: every job taken along hears it
                for other in merged:
                    settle(other.answer, None, error)
            else:
                work.add_done_callback(functools.partial(_answer, merged))
        return await job.answer

    def known(self, texts: list[str], language: str, settings: PiiSettings,
              site: str = "") -> list[list[Span]] | Lookup:
        """This process's answers for every text, or, when one is not known here, the Lookup that
        analyze() goes on with (Redis, then the detector). Asked on a redaction thread: a batch whose
        texts are all known is walked and finished in one job, and the digests of the others are
        computed there, not on the loop."""
        lookup = self._look_up(texts, language, settings, site)
        return keep(lookup.raw, settings) if lookup.answered else lookup  # type: ignore[arg-type]

    def _look_up(self, texts: list[str], language: str, settings: PiiSettings, site: str) -> Lookup:
        lang = settings.resolve_language(language)
        digests = [self.shared.digest(site, lang, text) for text in texts]
        raw = self.shared.get(digests)
        self.shared.tally("process", sum(r is not None for r in raw))
        return Lookup(lang, digests, raw)

    def analyze_sync(self, texts: list[str], language: str, settings: PiiSettings,
                     site: str = "") -> list[list[Span]]:
        """The same in this thread, with this process's share of the cache only (scrub, benches, tests)."""
        lookup = self._look_up(texts, language, settings, site)
        raw = lookup.raw
        missing = list(dict.fromkeys(t for t, r in zip(texts, raw) if r is None))
        if missing:
            found = dict(zip(missing, self._local_spans(missing, lookup.lang)))
            self.shared.tally("detected", len(found))
            self.shared.put({d: found[t] for d, t in zip(lookup.digests, texts) if t in found})
            raw = [found[t] if r is None else r for t, r in zip(texts, raw)]
        return keep(raw, settings)

    def forget(self) -> None:
        """Forget every answer (this process's share and the in-process detector's own cache): the
        engine as it stands before the first visitor of any page (benches)."""
        self.shared.clear()
        if self._local is not None:
            self._local.forget()

    def _local_spans(self, texts: list[str], lang: str) -> list[tuple[Span, ...]]:
        self._ready = True
        return self._detector().spans_of(list(texts), lang)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._ready = False
