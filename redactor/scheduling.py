"""Who runs next: per-site queues served in turn, so that one site cannot delay another.

The detector processes and the redaction threads are shared by every site. A site that floods
them with big batches must not make another site's one-event batch wait for the whole flood:
each site queues its own jobs, and a slot that frees goes to the next site in turn (round
robin), not to the oldest job. Work is cut into short jobs where it can be (the detector gets
chunks of a batch's texts), and a site may be capped below the number of slots (`per_key`) so
that a job that cannot be cut (the walk of a snapshot) always leaves a slot to the others.

A job's slot is given back when its work has ended, not when its caller stops waiting: a
thread or process cannot be stopped half-way, and the next job must not run beside it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import gc
import queue
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class Unwanted(Exception):
    """A job's turn came and its caller no longer wants it (the client went away): not run."""


def _granted(scheduler: FairScheduler, key: str, wanted: Callable[[], bool] | None) -> None:
    """The turn was granted: the job goes on, or, unwanted now, gives its slot back at once."""
    if wanted is not None and not wanted():
        scheduler.release(key)
        raise Unwanted()


async def inline(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args) right here: the `run` of callers with no redaction threads (tests, `redactor scrub`)."""
    return fn(*args)


class FairScheduler:
    """`slots` jobs at a time; waiting jobs queued per key and granted round robin across keys.

    A slot's holder may take more waiting jobs to run with its own in one call (take()): the
    detector reads a call of ten texts for ~0.7 ms a text where a call of one costs ~2 ms."""

    def __init__(self, slots: int, per_key: int | None = None):
        self.slots = max(1, slots)
        self.per_key = max(1, min(per_key or self.slots, self.slots))
        # key → its waiting jobs: the future its caller awaits (True: a slot; False: taken along, no slot), its item
        self._queues: dict[str, deque[tuple[asyncio.Future[bool], Any]]] = {}
        self._running: Counter[str] = Counter()
        self._served: dict[str, int] = {}  # key → the turn it was last served at (the lowest goes next)
        self._turn = 0
        self._free = self.slots

    def waiting(self) -> int:
        return sum(len(queue) for queue in self._queues.values())

    def running(self) -> int:
        return self.slots - self._free

    async def acquire(self, key: str, item: Any = None) -> bool:
        """Waits for this key's turn. True: the caller holds a slot and must release(key) once its
        work has ended. False: a slot's holder took `item` to run with its own (take()); the caller
        holds nothing."""
        granted: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        entry = (granted, item)
        self._queues.setdefault(key, deque()).append(entry)
        self._dispatch()
        try:
            return await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                if granted.result():
                    self.release(key)  # granted just as the caller gave up
            else:
                queue = self._queues.get(key)
                if queue is not None and entry in queue:
                    queue.remove(entry)
                    if not queue:
                        del self._queues[key]
            raise

    def release(self, key: str) -> None:
        self._running[key] -= 1
        if self._running[key] <= 0:
            del self._running[key]
            if key not in self._queues:
                self._served.pop(key, None)  # idle: it comes back as a newcomer
        self._free += 1
        self._dispatch()

    def _next(self, keys: Iterable[str]) -> str:
        """The key served longest ago (a newcomer first): round robin."""
        return min(keys, key=lambda k: self._served.get(k, 0))

    def _serve(self, key: str, granted: asyncio.Future[bool], slot: bool) -> None:
        self._turn += 1
        self._served[key] = self._turn
        granted.set_result(slot)

    def _pop(self, key: str) -> tuple[asyncio.Future[bool], Any]:
        queue = self._queues[key]
        entry = queue.popleft()
        if not queue:
            del self._queues[key]
        return entry

    def _dispatch(self) -> None:
        """Free slots go to the waiting key served longest ago."""
        while self._free > 0:
            eligible = [key for key in self._queues if self._running[key] < self.per_key]
            if not eligible:
                return  # every waiting key is at its cap
            key = self._next(eligible)
            granted, _ = self._pop(key)
            if granted.cancelled():
                continue
            self._running[key] += 1
            self._free -= 1
            self._serve(key, granted, True)

    def take(self, fits: Callable[[Any], bool]) -> list[Any]:
        """The items of waiting jobs that a slot's holder runs with its own, taken in the order
        their turns would come (round robin across keys) while fits(item) — asked once a job, at
        the head of its key's queue; a key whose head does not fit is passed over, its turn kept.
        Their callers' acquire() returns False: they hold no slot, the holder answers them."""
        taken: list[Any] = []
        passed: set[str] = set()
        while waiting := [key for key in self._queues if key not in passed]:
            key = self._next(waiting)
            granted, item = self._queues[key][0]
            if not granted.cancelled() and not fits(item):
                passed.add(key)
                continue
            self._pop(key)
            if granted.cancelled():
                continue
            self._serve(key, granted, False)
            if key not in self._running and key not in self._queues:
                self._served.pop(key, None)  # idle: it comes back as a newcomer, as after release()
            taken.append(item)
        return taken

    def submit(self, key: str, executor: concurrent.futures.Executor, fn: Callable[..., T],
               *args: Any) -> asyncio.Future[T]:
        """fn(*args) in the executor, in a slot that `key` holds (acquire() was True); the slot is
        given back when the work has ended, whoever still waits for it."""
        loop = asyncio.get_running_loop()
        try:
            future = executor.submit(fn, *args)
        except BaseException:
            self.release(key)
            raise

        def ended(_: concurrent.futures.Future[Any]) -> None:
            try:
                loop.call_soon_threadsafe(self.release, key)
            except RuntimeError:
                pass  # the loop is closed: nobody is waiting any more

        future.add_done_callback(ended)
        return asyncio.wrap_future(future, loop=loop)


#: a job of a plain worker thread (work_off): the loop that waits, what it calls there with the
#: job's result and error, the function and its arguments; None stops the worker
Job = tuple[asyncio.AbstractEventLoop, Callable[[Any, BaseException | None], None], Callable[..., Any], tuple]


def work_off(jobs: queue.SimpleQueue[Job | None]) -> None:
    """A plain worker thread's loop: each job run, then its `ended(result, error)` called on its
    event loop. A job costs one queue put and one wake-up of the loop, where an executor's
    futures, locks and two wake-ups cost ~80 µs of CPU more each time (RedactionThreads)."""
    while (job := jobs.get()) is not None:
        loop, ended, fn, args = job
        try:
            result, error = fn(*args), None
        except BaseException as failed:  # noqa: BLE001 - handed to the caller, as an executor does
            result, error = None, failed
        try:
            loop.call_soon_threadsafe(ended, result, error)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more
        # nothing of the job stays alive here until the next one: a big batch is freed by
        # its last holder (dispose), not by an idle worker in one long call
        del job, loop, ended, fn, args, result, error


def settle(answer: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    """A job's outcome given to the future its caller awaits (unless the caller gave up)."""
    if answer.cancelled():
        return
    if error is not None:
        answer.set_exception(error)
    else:
        answer.set_result(result)


class RedactionThreads:
    """The synchronous part of redaction — JSON decode and encode of big bodies, the walk over a
    batch, finish, the mirror's dump — on a few threads, so the event loop only moves bytes.

    Threads, not processes: the walk mutates the session's mirror in place. The GIL still lets
    the event loop run between a thread's bytecode slices (every 5 ms at most), which is enough
    to answer /healthz and accept small batches while a big one is redacted. A session's batches
    stay in order because a session is held by one batch at a time (SessionStates.session).
    One site may hold at most threads - 1 of them, so another site always finds one free.

    The threads are plain workers on a queue, not a ThreadPoolExecutor: a batch goes loop →
    thread → loop twice (decode; redaction and encode — once more for each group whose texts
    this process does not all know: redact.drive), and the executor's own futures, locks and two wake-ups of the loop
    per job cost ~80 µs of CPU each time (bench/load.py, profiled); here a job is one queue put
    and one wake-up of the loop, which gives its slot back and its answer together. Each trip
    still costs more than a small batch's decoding (bench/load.py: all inline, 1.2 ms of CPU a
    batch; on threads, 1.6-1.7), so a batch makes as few as it can."""

    def __init__(self, threads: int):
        self.threads = max(1, threads)
        self.scheduler = FairScheduler(self.threads, per_key=self.threads - 1)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._workers = [threading.Thread(target=self._work, name=f"redact_{n}", daemon=True)
                         for n in range(self.threads)]
        for worker in self._workers:
            worker.start()
        self._disposing: set[asyncio.Task[None]] = set()

    async def run(self, site: str, fn: Callable[..., T], *args: Any, wanted: Callable[[], bool] | None = None) -> T:
        """fn(*args) on a redaction thread, in the site's turn; Unwanted if, when the turn comes,
        wanted() is false (a job waiting behind a flood of its site's whose client went away)."""
        await self.scheduler.acquire(site)
        _granted(self.scheduler, site, wanted)
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[T] = loop.create_future()
        self._jobs.put((loop, functools.partial(self._ended, answer, site), fn, args))
        return await answer

    def _work(self) -> None:
        work_off(self._jobs)

    def _ended(self, answer: asyncio.Future[Any], site: str, result: Any, error: BaseException | None) -> None:
        self.scheduler.release(site)
        settle(answer, result, error)

    def runner(self, site: str, wanted: Callable[[], bool] | None = None) -> Callable[..., Any]:
        """run() bound to a site (and to what wants its jobs): what redact_batch() and SessionStates take as `run`."""
        return functools.partial(self.run, site) if wanted is None else functools.partial(self.run, site, wanted=wanted)

    async def decode(self, site: str, decode: Callable[[bytes], T], body: bytes, hold: bool = False) -> T:
        """decode(body) on a redaction thread with the collector paused (gc_paused). `hold`: paused
        on until dispose(..., resume=True) has freed what it made: a pass of the collector while
        a big batch lives traces all its objects, holding the loop as long (the deferred pass
        after decoding 20 MB: 250 ms on a quiet machine, 950 ms at load 5; bench/loop_lag.py)."""
        if not hold:
            return await self.run(site, without_gc, decode, body)
        pause_gc()
        try:
            return await self.run(site, decode, body)
        except BaseException:
            resume_gc()
            raise

    def dispose(self, site: str, values: list[Any], error: BaseException | None = None,
                resume: bool = False) -> None:
        """Takes the values out of `values` and frees them on a redaction thread, in slices
        (dismantle), once the caller has dropped its other references to them (before its next
        await): freeing a big batch's decoded events is one C call, which held the loop 50-300 ms
        when it came on the loop. `error`: the exception the batch was refused with, whose
        frames hold the values too, in reference cycles that only a pass of the collector (one
        long C call again) would break: the frames let go of their locals here."""
        while error is not None:
            traceback.clear_frames(error.__traceback__)
            error = error.__cause__ or error.__context__
        taken = values[:]
        values.clear()
        task = asyncio.get_running_loop().create_task(self._dispose(site, taken, resume))
        self._disposing.add(task)
        task.add_done_callback(self._disposing.discard)

    async def _dispose(self, site: str, taken: list[Any], resume: bool) -> None:
        try:
            # a refused batch's exception holds its frames, and they the values, until the answer
            # has gone: wait for them (briefly; a value still held then is left whole by dismantle)
            for _ in range(DISPOSE_WAITS):
                if all(sys.getrefcount(value) <= 3 for value in taken):  # `taken`, `value`, the argument
                    break
                await asyncio.sleep(0.01)
            await self.run(site, dismantle, taken)
        finally:
            if resume:
                resume_gc()  # the pause decode(hold=True) began

    def close(self) -> None:
        for _ in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()


#: how many times (10 ms apart) dispose waits for the other references to the values to go
DISPOSE_WAITS = 100
#: containers taken apart this many items at a time: freeing them is a C call that holds the GIL
DISMANTLE_SLICE = 4096


def dismantle(values: list[Any]) -> None:
    """Frees decoded JSON (dicts, lists, scalars) a slice at a time, so that the GIL can pass to
    the event loop between slices; linear in the values. A container that something else still
    holds (a reference beside the one being taken apart) is left whole: it is not garbage."""
    stack = values
    while stack:
        value = stack.pop()
        if sys.getrefcount(value) > 2:  # `value` and getrefcount's argument: anything more is another holder
            continue
        while value:
            if type(value) is dict:
                piece = [value.popitem()[1] for _ in range(min(len(value), DISMANTLE_SLICE))]
            elif type(value) is list:
                piece = value[-DISMANTLE_SLICE:]
                del value[-DISMANTLE_SLICE:]
            else:
                break
            stack.extend(child for child in piece if type(child) is dict or type(child) is list)
            del piece  # its scalars freed here, a slice at a time


#: the garbage collector's thresholds while serving (Python's default: 700, 10, 10)
SERVE_GC_THRESHOLDS = (50_000, 20, 100)
#: how long a thread may hold the GIL while another waits for it (Python's default: 5 ms)
SERVE_SWITCH_INTERVAL = 0.001


def favour_the_loop() -> None:
    """Process settings for `redactor serve`, so the event loop gets the GIL back soon.

    A redaction thread holds the GIL for up to the switch interval whenever the loop wants it,
    and a small batch goes loop → thread → loop several times: 1 ms instead of 5 ms cuts what a
    busy thread adds to every step. A full pass of the garbage collector holds the GIL for as
    long as it traces every object, whichever thread triggered it: with a big batch's events
    alive (a million dicts) that held the loop 150-225 ms, several times a batch, finding
    nothing (decoded JSON holds no cycle: refcounting frees it). So: rarer passes, and the
    objects alive at start-up (modules, rules, policies) left out of them (gc.freeze)."""
    sys.setswitchinterval(SERVE_SWITCH_INTERVAL)
    gc.set_threshold(*SERVE_GC_THRESHOLDS)
    gc.freeze()


_gc_pauses = 0
_gc_pauses_lock = threading.Lock()
_gc_was_enabled = True
_gc_paused_since = 0.0
#: the collector is held off at most this long in a row, whatever pauses overlap: cyclic garbage
#: waits for it, and a stream of big batches must not make it wait for ever
MAX_GC_PAUSE_SECONDS = 30.0


def pause_gc() -> None:
    """The collector held off until as many resume_gc(); counted, so that pauses that overlap
    (threads, requests) do not turn it back on under one another."""
    global _gc_pauses, _gc_was_enabled, _gc_paused_since
    with _gc_pauses_lock:
        if _gc_pauses == 0:
            _gc_was_enabled, _gc_paused_since = gc.isenabled(), time.monotonic()
            gc.disable()
        elif _gc_was_enabled and time.monotonic() - _gc_paused_since > MAX_GC_PAUSE_SECONDS:
            gc.enable()  # overlapping pauses went on too long: let it run, and pause no more until they end
        _gc_pauses += 1


def resume_gc() -> None:
    global _gc_pauses
    with _gc_pauses_lock:
        _gc_pauses -= 1
        if _gc_pauses == 0 and _gc_was_enabled:
            gc.enable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No collection while one long C call only allocates (orjson decoding megabytes): a pass
    triggered inside it holds the GIL for its whole length and finds nothing, as decoded JSON
    holds no cycle. Measured on a 20 MB body: 0.9 s with passes, 0.5 s without."""
    pause_gc()
    try:
        yield
    finally:
        resume_gc()


def without_gc(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args) with the collector paused (gc_paused)."""
    with gc_paused():
        return fn(*args)
