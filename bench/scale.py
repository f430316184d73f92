"""Scaling out: `--workers 1` vs `--workers 2` on shared state (`--state` on a real redis-server),
and what Redis adds to one batch, against in-process state, in the same run.

Three servers in turn, each a real `redactor serve` on 127.0.0.1 replaying the real recordings of
tests/data/recordings (bench/load.py's load: N concurrent sessions, each batch by batch):

    in-process    --workers 1, state in process (no --state): the baseline
    redis w1      --workers 1 --state redis://…
    redis w2      --workers 2 --state redis://…

For each: batches/s under load, and p50/p99 per batch of one session alone (latency, not queueing).
Then the state operations alone, timed around them in this process on the same recordings (the
session's lock, the versioned read, the commit; redaction itself excluded): with the local cache
(one process keeps a session's batches) and alternating between two processes' backends (every
batch reads the other's blobs: the worst case behind a load balancer that ignores sessions).

First, the memory of live sessions: a server's RSS growth (read from /proc, outside the process)
over 32 sessions of bench/throughput.py's 2,000-node page, all kept live (issue 12: <= 50 KB each).

On a 2-core machine the load generator shares the cores with the workers: read the w2/w1 ratio
as what this machine gives, not as what two free cores give.

    python3 bench/scale.py [--sessions 16] [--seconds 20] [--pii-workers 0] [--live 32] [--memory-only]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import redis as redis_sync

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from load import TOKEN, free_port, load, recordings, rss_mb, wait_ready  # noqa: E402
from redis_server import RedisServer  # noqa: E402


def children_rss(pid: int) -> float:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(p) for p in path.read_text().split()] if path.exists() else []
    return rss_mb(pid) + sum(rss_mb(k) for k in kids)


async def alone(url: str, recs: list[list[bytes]], rounds: int) -> tuple[float, float]:
    """p50, p99 of one session at a time (nothing else in flight)."""
    import aiohttp

    latencies = []
    async with aiohttp.ClientSession() as http:
        for r in range(rounds):
            for n, batches in enumerate(recs):
                for body in batches:
                    started = time.perf_counter()
                    async with http.post(f"{url}/v1/sites/bench/sessions/alone-{r}-{n}/events", data=body,
                                         headers={"Content-Type": "application/json"}) as answer:
                        text = await answer.read()
                        assert answer.status == 202, (answer.status, text[:300])
                    latencies.append(time.perf_counter() - started)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1]


@asynccontextmanager
async def server(name: str, extra: list[str], work: Path, args: argparse.Namespace,
                 settings: str = "") -> AsyncIterator[tuple[str, subprocess.Popen]]:
    """A real `redactor serve` on 127.0.0.1: its URL and process, stopped on the way out."""
    port = free_port()
    (work / name).mkdir(parents=True)
    (work / name / "secret.key").write_bytes(args.secret)  # one deployment, one secret (docs/scaling.md)
    config = work / f"{name}.yaml"
    config.write_text(f"pii_workers: {args.pii_workers}\n{settings}sites:\n  bench: {{}}\n")
    command = [sys.executable, "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir",
               str(work / name), "--config", str(config), *extra]
    log = (work / f"{name}.log").open("wb")  # the server's JSON log lines (never a value)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "REDACTOR_ADMIN_TOKEN": TOKEN})
    try:
        url = f"http://127.0.0.1:{port}"
        await wait_ready(url, process, timeout=300)
        print(f"  {name}: ready", file=sys.stderr)
        yield url, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)


async def serve_run(name: str, extra: list[str], work: Path, args: argparse.Namespace, recs) -> dict:
    async with server(name, extra, work, args) as (url, process):
        await load(url, 4, 3, recs)  # warm up: every child's caches, first snapshots
        p50, p99 = await alone(url, recs, args.rounds)
        result = await load(url, args.sessions, args.seconds, recs)
        return {**result, "alone_p50": p50, "alone_p99": p99, "rss": children_rss(process.pid)}


async def live_session_memory(work: Path, args: argparse.Namespace) -> tuple[float, int]:
    """What a live session of a 2,000-node page costs, measured from outside: the server's
    RSS growth over `--live` sessions that each sent bench/throughput.py's page (Meta and
    FullSnapshot), all kept live (hot_sessions above their number), after warm-up sessions of
    the same page (caches, allocator arenas). Returns KB per session and the page's nodes."""
    import aiohttp
    from throughput import recording

    page = recording(0, 0)[0]
    settings = f"hot_sessions: {args.live + 16}\n"
    async with server("live-memory", [], work, args, settings) as (url, process), aiohttp.ClientSession() as http:
        async def send(sid: str) -> None:
            async with http.post(f"{url}/v1/sites/bench/sessions/{sid}/events", data=page,
                                 headers={"Content-Type": "application/json"}) as answer:
                assert answer.status == 202, (answer.status, await answer.read())
        for n in range(8):
            await send(f"warm-{n}")
        await asyncio.sleep(1)
        before = rss_mb(process.pid)
        for n in range(args.live):
            await send(f"live-{n}")
        await asyncio.sleep(1)
        after = rss_mb(process.pid)
    return (after - before) * 1024 / args.live, _page_nodes()


def _page_nodes() -> int:
    from throughput import Page

    page = Page()
    page.snapshot()
    return page.next_id - 1


async def state_ops(url: str, recs: list[list[bytes]], rounds: int) -> dict[str, tuple[float, float, float]]:
    """The time the state backend takes per batch (not the redaction), p50/p99 in ms, and the
    in-process backend's for comparison. Redaction runs with no detector (spans: none)."""
    from redactor.formats.rrweb_batch import decode
    from redactor.masking import Masker
    from redactor.policy import Policy, SiteConfig
    from redactor.redact import redact_batch_sync
    from redactor.sessions import SessionStates
    from redactor.sinks.store import Store
    from redactor.state_redis import RedisStates

    policy = Policy.compile("bench", SiteConfig())
    masker = Masker("*", secrets.token_bytes(32))
    secret = secrets.token_bytes(32)
    tmp = Path(tempfile.mkdtemp(prefix="redactor-scale-store-"))
    store = await Store(tmp).open()
    results = {}
    try:
        for label in ("in-process", "redis, cached", "redis, alternating"):
            if label == "in-process":
                backends = [SessionStates(store)]
            else:
                backends = [RedisStates(url, secret)] + ([RedisStates(url, secret)] if "alternating" in label else [])
            spent, blob = [], []
            for r in range(rounds):
                for n, batches in enumerate(recs):
                    sid = f"ops-{label[:5]}-{r}-{n}"
                    for i, body in enumerate(batches):
                        states = backends[i % len(backends)]
                        events = decode(body)
                        t0 = time.perf_counter()
                        async with states.session("bench", sid) as mirror:
                            t1 = time.perf_counter()
                            redact_batch_sync(events.events, policy, mirror, masker,
                                              lambda texts, language: [[] for _ in texts], meta=events.meta)
                            t2 = time.perf_counter()
                            await states.commit("bench", sid, mirror)
                            mirror.dirty = False
                        t3 = time.perf_counter()
                        spent.append((t1 - t0) + (t3 - t2))
                        blob.append(t2 - t1)
            for states in backends:
                if isinstance(states, RedisStates):
                    await states.close()
            spent.sort()
            results[label] = (statistics.median(spent) * 1000, spent[int(len(spent) * 0.99) - 1] * 1000,
                              statistics.median(blob) * 1000)
    finally:
        await store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def big_page_blob(repeat: int = 20) -> tuple[int, int, float, float]:
    """A 2,000-node page's mirror as Redis holds it (bench/throughput.py's page): blob bytes, node
    count, ms to seal it (a commit that changed the mirror) and to open it (a copy not current)."""
    from throughput import Page

    from redactor.dom import DomMirror
    from redactor.policy import Policy, SiteConfig
    from redactor.state_redis import RedisStates

    mirror = DomMirror()
    mirror.insert_tree(Page().snapshot()["data"]["node"], None, Policy.compile("bench", SiteConfig()))
    states = RedisStates("redis://127.0.0.1:1/0", secrets.token_bytes(32))  # no connection is made
    started = time.perf_counter()
    for _ in range(repeat):  # as commit() and _load() do it: the whole state (a session's first batch)
        _, blob = states._sealed_state("k", mirror)
    sealed = (time.perf_counter() - started) / repeat * 1000
    started = time.perf_counter()
    for _ in range(repeat):
        states._open_mirror("k", blob, [])
    opened = (time.perf_counter() - started) / repeat * 1000
    return len(blob), len(mirror.nodes), sealed, opened


async def main_async(args: argparse.Namespace) -> None:
    recs = recordings()
    work = Path(tempfile.mkdtemp(prefix="redactor-scale-"))
    redis = RedisServer(work / "redis").start()
    results = {}
    try:
        args.secret = secrets.token_bytes(32)
        live = await live_session_memory(work, args)
        if args.memory_only:
            print(f"live sessions: {args.live} of a {live[1]:,}-node page, server RSS growth {live[0]:.0f} KB per session")
            return
        ops = await state_ops(redis.url, recs, args.rounds)
        runs = {} if args.state_only else {"in-process": [], "redis w1": ["--state", redis.url],
                                           "redis w2": ["--workers", "2", "--state", redis.url]}
        for name, extra in runs.items():
            redis_client = redis_sync.Redis.from_url(redis.url)
            redis_client.flushall()  # every run starts from no session (bench/load.py reuses session ids)
            redis_client.close()
            results[name] = await serve_run(name.replace(" ", "-"), extra, work, args, recs)
    finally:
        redis.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept {work}", file=sys.stderr)
    print(f"scale: {args.sessions} concurrent sessions replaying {len(recs)} real recordings for "
          f"{args.seconds:.0f} s; latency alone: {args.rounds} round(s) of every recording, one batch at a time; "
          f"pii_workers {args.pii_workers}; {os.cpu_count()} cores, 127.0.0.1")
    for name, r in results.items():
        s = r["seconds"]
        print(f"  {name:<11} {r['batches'] / s:8.1f} batches/s  under load p50 {r['p50'] * 1000:6.1f} ms "
              f"p99 {r['p99'] * 1000:7.1f} ms  alone p50 {r['alone_p50'] * 1000:6.1f} ms "
              f"p99 {r['alone_p99'] * 1000:7.1f} ms  errors {r['errors']}  RSS {r['rss']:5.0f} MB")
    rate = {name: r["batches"] / r["seconds"] for name, r in results.items()}
    if results:
        report_runs(results, rate)
    print(f"  live sessions: {args.live} of a {live[1]:,}-node page (in-process state), server RSS growth "
          f"{live[0]:.0f} KB per session")
    print("  state operations per batch (lock, versioned read, commit; redaction excluded):")
    size, nodes, sealed, opened = big_page_blob()
    print(f"  the mirror of a {nodes}-node page on Redis: {size / 1024:.0f} KB sealed; writing it {sealed:.1f} ms, "
          f"reading it into a mirror {opened:.1f} ms (only when the local copy is not current)")
    inproc = ops["in-process"]
    for label, (p50, p99, redaction) in ops.items():
        print(f"    {label:<19} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms   (redaction alone, no detector: p50 "
              f"{redaction:5.2f} ms)" + ("" if label == "in-process" else
                                         f"   vs in-process: p50 x{p50 / inproc[0]:.1f}, p99 x{p99 / inproc[1]:.1f}"))


def report_runs(results: dict, rate: dict) -> None:
    base, w1 = results["in-process"], results["redis w1"]
    print(f"  ratio batches/s: redis w2 / redis w1 {rate['redis w2'] / rate['redis w1']:.2f}, "
          f"redis w1 / in-process {rate['redis w1'] / rate['in-process']:.2f}, "
          f"redis w2 / in-process {rate['redis w2'] / rate['in-process']:.2f}")
    print(f"  latency alone, redis w1 / in-process: p50 {w1['alone_p50'] / base['alone_p50']:.2f} "
          f"(+{(w1['alone_p50'] - base['alone_p50']) * 1000:.1f} ms), p99 {w1['alone_p99'] / base['alone_p99']:.2f} "
          f"(+{(w1['alone_p99'] - base['alone_p99']) * 1000:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--state-only", action="store_true", help="only the state operations (no servers)")
    parser.add_argument("--live", type=int, default=32, help="live sessions whose memory is measured")
    parser.add_argument("--memory-only", action="store_true", help="only the memory of live sessions")
    parser.add_argument("--keep", action="store_true", help="keep the servers' data and logs")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of every recording for the latency alone")
    parser.add_argument("--pii-workers", type=int, default=0,
                        help="detector processes per server (0: a thread; each --workers child has its own)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
