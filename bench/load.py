"""Load and soak: concurrent recording sessions against the real `redactor serve`, and the same
load against a bare pass-through (orjson loads + dumps, the same SQLite store) in the same run.

Each virtual session replays a real recording of tests/data/recordings batch by batch (with its own
session id), as a recorder would. Both servers run as separate processes on 127.0.0.1; the run
is bounded in time and stops by itself.

Prints, for each server: batches/s, events/s, p50/p99 latency, errors, RSS, CPU a batch (and the
detector's processes' apart); then the throughput ratio redactor/pass-through, and the mirror memory
of one session of a 2,000-node page.

The recordings replayed again are known to the detector's shared answers after the warm-up, so no
text reaches the detector; with --new-visitors each visitor types values of their own (a known page
with new visitors), which the detector reads; with --notes each batch is one event, a note a
visitor wrote, never seen before: the detector reads one text a batch.

    python3 bench/load.py [--sessions 16] [--seconds 20] [--new-visitors | --notes]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

import aiohttp
import orjson

HERE = Path(__file__).resolve().parent
SAMPLES = Path(os.environ.get("REDACTOR_SAMPLES", HERE.parent / "tests" / "data" / "recordings"))
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recordings() -> list[list[bytes]]:
    manifest = orjson.loads((SAMPLES / "manifest.json").read_bytes())
    return [[(SAMPLES / f).read_bytes() for f in r["files"]] for r in manifest["recordings"]]


#: visitors of each recording told apart by --new-visitors (the texts they type repeat past this many)
VISITORS = 256


#: what --notes visitors write: words of a delivery note, and a name
NOTE_WORDS = ["bel", "graag", "morgen", "na", "vijf", "uur", "aan", "de", "achterdeur", "pakket", "bij", "buren"]
GIVEN = ["Sanne", "Pieter", "Youssef", "Claire", "Mieke", "Daan", "Amélie", "Lotte", "Jeroen", "Fatima", "Luc", "Emma"]
FAMILY = ["Verhoeven", "Jansen", "El Amrani", "Dupont", "Hofstra", "Visser", "Peeters", "de Vries", "Maes", "Bakker"]


def notes(batches: int = 40_000, per_visitor: int = 200) -> list[list[bytes]]:
    """Visitors who each send `per_visitor` batches of one event: a note they wrote, with a name in it,
    never the same twice (so each batch sends the detector one text of its own; with NER)."""
    rng = random.Random(5)
    bodies = [orjson.dumps([{"type": 5, "timestamp": int(time.time() * 1000) + n, "data": {"tag": "note", "payload": {
        "text": f"{rng.choice(NOTE_WORDS).capitalize()} {rng.choice(NOTE_WORDS)} {rng.choice(GIVEN)} "
                f"{rng.choice(FAMILY)} {n}"}}}]) for n in range(batches)]
    return [bodies[n:n + per_visitor] for n in range(0, batches, per_visitor)]


def new_visitors(recs: list[list[bytes]]) -> list[list[bytes]]:
    """Each recording as VISITORS visitors who type other values: the lower-case letters of every Input
    event's text through a permutation of the alphabet of its own (capitals, digits and punctuation kept,
    so a name is still a capitalised word, an e-mail still an e-mail). The page is the same, so the
    detector's shared answers know its text, and each visitor's typed values go to the detector."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for visitor in range(VISITORS):
        shuffled = list(letters)
        random.Random(visitor).shuffle(shuffled)
        table = str.maketrans(letters, "".join(shuffled))
        for batches in recs:
            bodies = []
            for body in batches:
                batch = orjson.loads(body)
                for event in batch["events"] if isinstance(batch, dict) else batch:
                    data = event.get("data")
                    if event.get("type") == 3 and isinstance(data, dict) and data.get("source") == 5 \
                            and isinstance(data.get("text"), str):
                        data["text"] = data["text"].translate(table)
                bodies.append(orjson.dumps(batch))
            out.append(bodies)
    return out


# -- the pass-through server: what any proxy costs, without redaction ---------------------------
def passthrough_main(port: int, data_dir: str) -> None:
    from aiohttp import web

    from redactor.sinks.store import Store

    async def ingest(request: web.Request) -> web.Response:
        batch = orjson.loads(await request.read())
        events = batch["events"] if isinstance(batch, dict) else batch
        body = orjson.dumps(events)
        await request.app["store"].save_batch(request.match_info["site"], request.match_info["session"], None, body,
                                              len(events), b"{}", {}, None)
        return web.json_response({"accepted": len(events), "stored": len(events), "dropped": 0}, status=202)

    async def store(app: web.Application):
        app["store"] = await Store(data_dir).open()
        yield
        await app["store"].close()

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"ready": True})

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.cleanup_ctx.append(store)
    app.router.add_post("/v1/sites/{site}/sessions/{session}/events", ingest)
    app.router.add_get("/readyz", healthz)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


# -- load -----------------------------------------------------------------------------------------
async def wait_ready(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                async with http.get(f"{url}/readyz") as answer:
                    if answer.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.3)
    raise RuntimeError("server did not get ready")


async def load(url: str, sessions: int, seconds: float, recs: list[list[bytes]], first: int = 0) -> dict:
    """`sessions` sessions at a time, each replaying the next recording of `recs` (from `first`) in turn."""
    latencies: list[float] = []
    turns = itertools.count(first)
    counts = {"batches": 0, "events": 0, "errors": 0}
    stop_at = time.monotonic() + seconds

    run = uuid.uuid4().hex[:8]  # each load() its own sessions: a batch number sent again is a no-op

    async def session(n: int, http: aiohttp.ClientSession) -> None:
        round_ = 0
        while time.monotonic() < stop_at:
            batches = recs[next(turns) % len(recs)]
            sid = f"load-{run}-{n}-{round_}"
            for body in batches:
                if time.monotonic() >= stop_at:
                    return
                started = time.perf_counter()
                try:
                    async with http.post(f"{url}/v1/sites/bench/sessions/{sid}/events", data=body,
                                         headers={"Content-Type": "application/json"}) as answer:
                        payload = await answer.read()
                        if answer.status != 202:
                            counts["errors"] += 1
                            continue
                except aiohttp.ClientError:
                    counts["errors"] += 1
                    continue
                latencies.append(time.perf_counter() - started)
                counts["batches"] += 1
                counts["events"] += orjson.loads(payload)["accepted"]
            round_ += 1

    started = time.monotonic()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        await asyncio.gather(*(session(n, http) for n in range(sessions)))
    elapsed = time.monotonic() - started
    latencies.sort()
    return {**counts, "seconds": elapsed,
            "p50": statistics.median(latencies) if latencies else float("nan"),
            "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its threads, and of its children that ended
    (the detector's processes: children_cpu_seconds)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds(pid: int) -> float:
    """CPU time of a process's live children (the detector's processes of `redactor serve`)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sum(cpu_seconds(int(child)) for child in children)


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and of every live process below it (with --workers: the supervisor, its
    workers and each worker's detector processes)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return cpu_seconds(pid) + sum(tree_cpu_seconds(int(child)) for child in children)


def report(name: str, result: dict, rss: float) -> None:
    s = result["seconds"]
    print(f"  {name:<13} {result['batches'] / s:8.1f} batches/s {result['events'] / s:9.0f} events/s  "
          f"p50 {result['p50'] * 1000:6.1f} ms  p99 {result['p99'] * 1000:7.1f} ms  errors {result['errors']}  "
          f"RSS {rss:6.0f} MB  CPU {result['cpu'] / max(result['batches'], 1) * 1000:5.2f} ms/batch")


def mirror_bytes_per_session() -> tuple[int, int, int]:
    """One session's mirror of a 2,000-node page: live (tracemalloc), frozen (as the sessions
    beyond the hot few are kept), and its node count."""
    sys.path.insert(0, str(HERE))
    from throughput import Page  # the same generated page as bench/throughput.py

    from redactor.dom import DomMirror
    from redactor.policy import Policy, SiteConfig
    from redactor.sessions import freeze

    node = Page().snapshot()["data"]["node"]
    policy = Policy.compile("bench", SiteConfig())
    # a first mirror fills the process's caches (label words, marker and selector answers, interned
    # strings): what every later session shares is not one session's cost
    DomMirror().insert_tree(Page().snapshot()["data"]["node"], None, policy)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    mirror = DomMirror()
    mirror.insert_tree(node, None, policy)
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return size, len(freeze(mirror)), len(mirror.nodes)


async def main_async(args: argparse.Namespace) -> None:
    recs = notes() if args.notes else new_visitors(recordings()) if args.new_visitors else recordings()
    work = Path(tempfile.mkdtemp(prefix="redactor-load-"))
    results = {}
    try:
        for name in ("pass-through", "redactor"):
            port = free_port()
            data = work / name
            if name == "redactor":
                config = work / "redactor.yaml"
                config.write_text(f"pii_workers: {args.pii_workers}\nsites:\n  bench: {{}}\n")
                command = [sys.executable, "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir", str(data),
                           "--config", str(config)]
            else:
                command = [sys.executable, __file__, "--passthrough-server", str(port), str(data)]
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       env={**os.environ, "REDACTOR_ADMIN_TOKEN": TOKEN})
            try:
                url = f"http://127.0.0.1:{port}"
                await wait_ready(url, process)
                await load(url, 2, 2, recs, first=len(recs) // 2)  # warm up: caches, first snapshot
                cpu, detector = cpu_seconds(process.pid), children_cpu_seconds(process.pid)
                result = await load(url, args.sessions, args.seconds, recs)
                result["cpu"] = cpu_seconds(process.pid) - cpu
                result["detector"] = children_cpu_seconds(process.pid) - detector
                results[name] = (result, rss_mb(process.pid))
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load: {args.sessions} concurrent sessions replaying {len(recs)} real recordings for {args.seconds:.0f} s "
          f"each, 127.0.0.1" + (" (new visitors: typed values their own)" if args.new_visitors else "")
          + (" (one-event batches: a note each)" if args.notes else ""))
    for name, (result, rss) in results.items():
        report(name, result, rss)
    red = results["redactor"][0]
    print(f"  detector's processes: CPU {red['detector'] / max(red['batches'], 1) * 1000:5.2f} ms/batch")
    red, base = results["redactor"][0], results["pass-through"][0]
    ratio = (red["events"] / red["seconds"]) / (base["events"] / base["seconds"])
    print(f"  ratio redactor/pass-through (events/s): {ratio:.2f}")
    # on a shared machine the throughput ratio moves with what else runs; CPU per batch much less
    cpu_ratio = (base["cpu"] / max(base["batches"], 1)) / (red["cpu"] / max(red["batches"], 1))
    print(f"  ratio of CPU per batch, pass-through/redactor (the main process; the detector's process "
          f"apart): {cpu_ratio:.2f}")
    live, frozen, nodes = mirror_bytes_per_session()
    print(f"  mirror of one session of a {nodes}-node page: {frozen / 1024:.0f} KB frozen (every session but "
          f"the {32} most recent), {live / 1024:.0f} KB live")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--passthrough-server":
        passthrough_main(int(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--pii-workers", type=int, default=1)
    parser.add_argument("--new-visitors", action="store_true",
                        help="each session types values of its own (the detector reads them), on the same pages")
    parser.add_argument("--notes", action="store_true",
                        help="batches of one event, a note with a name, never the same twice (a text a batch to detect)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
