"""Where is the event loop held? A loop-lag probe beside one hostile batch, per step.

Runs the app as `redactor serve` does (same listener, same process settings) in this process,
with a probe on its loop: a task that asks to wake every 2 ms and notes how late it woke (the
time the loop could not run: a thread holding the GIL, or the loop's own work). Every step of a
batch is timed where it runs (the redaction threads' jobs by name, the store's thread, the
detector, reading the body on the loop). The batch is sent by a curl child process, so the
client costs this process nothing. Each late wake-up is charged to the steps that ran during
it ("loop" when none did).

Prints each step's time, the number of late wake-ups past --late ms it overlaps and the longest,
and the probe's p50/p99/max over the batch beside the same probe idle (measured in the same run).

    python3 bench/loop_lag.py [--siblings 99000] [--strings 0] [--late 20]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import gc
import gzip
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_load import distinct_strings, flat_snapshot, free_port  # noqa: E402

from redactor import listen  # noqa: E402
from redactor.app import DETECTOR, create_app  # noqa: E402
from redactor.config import load_settings  # noqa: E402
from redactor.scheduling import RedactionThreads, favour_the_loop  # noqa: E402
from redactor.sinks.sqlite import Database  # noqa: E402

STEPS: list[tuple[str, float, float]] = []  # (step, started, ended), perf_counter
_lock = threading.Lock()


def name_of(fn) -> str:
    while isinstance(fn, functools.partial):
        fn = fn.func
    return getattr(fn, "__qualname__", repr(fn))


def timed_call(name: str, fn, *args):
    started = time.perf_counter()
    try:
        return fn(*args)
    finally:
        with _lock:
            STEPS.append((name, started, time.perf_counter()))


def instrument(app) -> None:
    """Every job of the redaction threads and of the SQLite files' threads (the store's group commits,
    Store._commit; its reads; the spool's) timed where it runs, by the job's name. The store's jobs all
    go through its file's Database.run (Store._write queues a write for the next _commit)."""
    run, database_run = RedactionThreads.run, Database.run

    async def threads_run(self, site, fn, *args):
        name = name_of(args[0]) if name_of(fn) == "without_gc" else name_of(fn)
        return await run(self, site, timed_call, f"thread: {name}", fn, *args)

    async def database(self, fn, *args):  # the store's file is redactor.sqlite3
        file = "store" if self.path.stem == "redactor" else self.path.stem
        return await database_run(self, timed_call, f"{file}: {name_of(fn)}", fn, *args)

    RedactionThreads.run, Database.run = threads_run, database

    collecting: dict[int, float] = {}

    def collector(phase: str, info: dict) -> None:  # passes of the garbage collector, on whichever thread
        if phase == "start":
            collecting[threading.get_ident()] = time.perf_counter()
        elif (started := collecting.pop(threading.get_ident(), None)) is not None:
            STEPS.append((f"gc: generation {info['generation']} pass", started, time.perf_counter()))
    gc.callbacks.append(collector)

    async def on_startup(app) -> None:
        detector = app[DETECTOR]
        analyze = detector.analyze

        async def timed_analyze(*args, **kwargs):
            started = time.perf_counter()
            try:
                return await analyze(*args, **kwargs)
            finally:
                STEPS.append(("detector (awaited)", started, time.perf_counter()))
        detector.analyze = timed_analyze
    app.on_startup.append(on_startup)


async def probe(lags: list[tuple[float, float]], stop: asyncio.Event, every: float = 0.002) -> None:
    while not stop.is_set():
        due = time.perf_counter() + every
        await asyncio.sleep(every)
        woke = time.perf_counter()
        lags.append((due, woke - due))


def charge(lags: list[tuple[float, float]], late: float) -> dict[str, list[float]]:
    """Each late wake-up → the steps that overlapped the time the loop was held."""
    charged: dict[str, list[float]] = collections.defaultdict(list)
    for due, lag in lags:
        if lag < late:
            continue
        culprits = {name for name, start, end in STEPS if start < due + lag and end > due}
        for name in culprits or {"loop (no thread step ran)"}:
            charged[name].append(lag)
    return charged


def percentiles(lags: list[tuple[float, float]]) -> str:
    values = sorted(lag for _, lag in lags) or [0.0]
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return f"p50 {statistics.median(values) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {values[-1] * 1000:.1f} ms"


async def main_async(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="redactor-lag-"))
    port = free_port()
    config = work / "redactor.yaml"
    config.write_text("sites:\n  a: {}\n")
    settings = load_settings({"port": port, "data_dir": str(work / "data")}, config)
    app = create_app(settings)
    instrument(app)
    runner = await listen.start_listener(app, settings, port)
    try:
        if args.strings:
            body, encoding = distinct_strings(0, args.strings), []
        else:
            body, encoding = flat_snapshot(args.siblings, settings.max_inflated_bytes), ["-H",
                                                                                        "Content-Encoding: gzip"]
        (work / "body").write_bytes(body)
        size = len(gzip.decompress(body)) if encoding else len(body)
        idle: list[tuple[float, float]] = []
        stop = asyncio.Event()
        task = asyncio.create_task(probe(idle, stop))
        await asyncio.sleep(2)
        stop.set()
        await task

        STEPS.clear()
        curl = await asyncio.create_subprocess_exec(  # forking this process holds the loop: before the probe
            "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
            *encoding, "--data-binary", f"@{work / 'body'}",
            f"http://127.0.0.1:{port}/v1/sites/a/sessions/lag/events", stdout=subprocess.PIPE)
        lags: list[tuple[float, float]] = []
        stop = asyncio.Event()
        task = asyncio.create_task(probe(lags, stop))
        status, _ = await curl.communicate()
        await asyncio.sleep(args.after)  # what the batch leaves to do once answered (freeing it)
        stop.set()
        await task
    finally:
        await runner.cleanup()

    took = max((end for _, _, end in STEPS), default=0) - min((start for _, start, _ in STEPS), default=0)
    print(f"one batch of {size // 1024} KB ({len(body) // 1024} KB sent), answered {status.decode()}, "
          f"steps spanning {took:.2f} s")
    print(f"  loop lag idle:       {percentiles(idle)}")
    print(f"  loop lag under load: {percentiles(lags)}")
    by_step: dict[str, list[float]] = collections.defaultdict(list)
    for name, start, end in STEPS:
        by_step[name].append(end - start)
    charged = charge(lags, args.late / 1000)
    print(f"  {'step':<46} {'runs':>5} {'time ms':>9} {'lags >' + str(args.late) + ' ms':>11} {'longest ms':>11}")
    for name in sorted(set(by_step) | set(charged), key=lambda n: -max(charged.get(n, [0]))):
        spans = by_step.get(name, [])
        hits = charged.get(name, [])
        print(f"  {name:<46} {len(spans):>5} {sum(spans) * 1000:>9.1f} {len(hits):>11} "
              f"{max(hits, default=0) * 1000:>11.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--siblings", type=int, default=99_000, help="a flat snapshot of this many siblings")
    parser.add_argument("--strings", type=int, default=0, help="instead: a batch of this many distinct strings")
    parser.add_argument("--after", type=float, default=3.0, help="seconds probed after the answer")
    parser.add_argument("--late", type=float, default=20.0, help="a wake-up later than this (ms) is charged")
    favour_the_loop()
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
