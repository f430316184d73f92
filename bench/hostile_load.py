"""Does a hostile site hold up the others? /healthz and a one-event batch of site B, measured
against the real `redactor serve` while site A sends (1) one maximum-size hostile snapshot (a
flat page of siblings, gzipped; by default one past max_mirror_nodes, refused with 413, and one just
under it, redacted whole) and (2) a flood of batches of
distinct custom-event strings, beside the same latencies with no load, measured in the same run.

Prints, per scenario: /healthz and site-B batch latency p50 and max, the ratio of each p50 to the
no-load p50, and how long A's work took (the window in which B was measured).

    python3 bench/hostile_load.py [--siblings 300000,99000] [--flood-batches 4] [--flood-strings 30000]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import itertools
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import orjson

from load import free_port, wait_ready  # a sibling: bench/ is on the path of a bench script

TOKEN = "bench-token"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
_probe = itertools.count()


def ingest(url: str, site: str, session: str) -> str:
    return f"{url}/v1/sites/{site}/sessions/{session}/events"


def flat_snapshot(siblings: int, limit: int) -> bytes:
    """A page of `siblings` empty elements under one body, gzipped; fewer if it would inflate past `limit`."""
    node = b'{"type":2,"tagName":"i","attributes":{},"childNodes":[],"id":%d}'
    siblings = min(siblings, (limit - 4096) // (len(node) + 8))
    body = b",".join(node % (10 + i) for i in range(siblings))
    page = (b'[{"type":4,"data":{"href":"https://a.example/","width":1280,"height":800},"timestamp":1},'
            b'{"type":2,"timestamp":2,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"tagName":"html",'
            b'"attributes":{},"id":2,"childNodes":[{"type":2,"tagName":"body","attributes":{},"id":3,"childNodes":['
            + body + b']}]}]}}}]')
    return gzip.compress(page, 6)


def distinct_strings(batch: int, count: int) -> bytes:
    return orjson.dumps([{"type": 5, "timestamp": i, "data": {"tag": "note", "payload": {
        "text": f"batch {batch} note {i} about parcel {i * 7919 % 100_003} for the shop"}}} for i in range(count)])


async def timed(call) -> float:
    started = time.perf_counter()
    async with call as answer:
        await answer.read()
        if answer.status >= 400:
            raise RuntimeError(f"{answer.status}: {await answer.text()}")
    return time.perf_counter() - started


async def probe(http: aiohttp.ClientSession, url: str, until: asyncio.Event | None, rounds: int = 0) -> dict:
    """/healthz and a one-event batch of site B (a new text each time: the detector runs), in turn."""
    health, small = [], []
    for n in itertools.count():
        if (until is not None and until.is_set()) or (until is None and n >= rounds):
            break
        health.append(await timed(http.get(f"{url}/healthz")))
        text = f"probe {next(_probe)}: please call Sanne back on 06 12345678"
        small.append(await timed(http.post(ingest(url, "b", "probe"), data=orjson.dumps(
            [{"type": 5, "timestamp": 1, "data": {"tag": "note", "payload": {"text": text}}}]))))
        await asyncio.sleep(0.02)
    return {"healthz": health, "batch": small}


async def under_load(http: aiohttp.ClientSession, url: str, load) -> tuple[dict, float, list[int]]:
    done = asyncio.Event()
    started = time.perf_counter()

    async def hostile() -> list[int]:
        try:
            return await load()
        finally:
            done.set()

    hostile_task = asyncio.create_task(hostile())
    await asyncio.sleep(0.05)  # A's request is in
    measured = await probe(http, url, done)
    statuses = await hostile_task
    return measured, time.perf_counter() - started, statuses


def summary(samples: list[float]) -> tuple[float, float]:
    return (statistics.median(samples), max(samples)) if samples else (float("nan"), float("nan"))


async def main_async(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="redactor-hostile-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    config = work / "redactor.yaml"
    config.write_text("sites:\n  a: {}\n  b: {}\n" + (f"pii_workers: {args.pii_workers}\n" if args.pii_workers else ""))
    process = subprocess.Popen([sys.executable, "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir",
                                str(work / "data"), "--config", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "REDACTOR_ADMIN_TOKEN": TOKEN})
    results = {}
    try:
        timeout = aiohttp.ClientTimeout(total=3600)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            await wait_ready(url, process, timeout=180)
            await probe(http, url, None, 5)  # warm up
            results["no load (baseline)"] = (await probe(http, url, None, args.baseline_rounds), 0.0, [])

            for n, siblings in enumerate(int(n) for n in args.siblings.split(",")):
                snapshot = flat_snapshot(siblings, 32 * 1024 * 1024)

                async def huge_snapshot() -> list[int]:
                    async with http.post(ingest(url, "a", f"huge{n}"), data=snapshot,
                                         headers={"Content-Encoding": "gzip"}) as answer:
                        await answer.read()
                        return [answer.status]

                results[f"A: one flat snapshot, {siblings} siblings ({len(snapshot) // 1024} KB gzipped)"] = \
                    await under_load(http, url, huge_snapshot)

            async def flood() -> list[int]:
                async def one(n: int) -> int:
                    async with http.post(ingest(url, "a", f"flood{n}"),
                                         data=distinct_strings(n, args.flood_strings)) as answer:
                        await answer.read()
                        return answer.status
                return list(await asyncio.gather(*(one(n) for n in range(args.flood_batches))))

            results[f"A: {args.flood_batches} batches of {args.flood_strings} distinct strings"] = \
                await under_load(http, url, flood)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        shutil.rmtree(work, ignore_errors=True)

    base_health, _ = summary(results["no load (baseline)"][0]["healthz"])
    base_batch, _ = summary(results["no load (baseline)"][0]["batch"])
    print(f"hostile load against redactor serve on 127.0.0.1 ({os.cpu_count()} cores; default settings)")
    print(f"  {'scenario':<58} {'healthz p50/max ms':>19} {'ratio':>6} {'B batch p50/max ms':>19} {'ratio':>6}"
          f" {'A took':>8} A's answers")
    for name, (measured, took, statuses) in results.items():
        h50, hmax = summary(measured["healthz"])
        b50, bmax = summary(measured["batch"])
        print(f"  {name:<58} {h50 * 1000:>8.1f}/{hmax * 1000:<10.1f} {h50 / base_health:>6.1f}"
              f" {b50 * 1000:>8.1f}/{bmax * 1000:<10.1f} {b50 / base_batch:>6.1f} {took:>7.1f}s"
              f" {statuses or ''} (n={len(measured['healthz'])})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--siblings", default="300000,99000",
                        help="flat snapshots to send, comma-separated sibling counts (default: past the default "
                             "max_mirror_nodes, refused with 413, and just under it)")
    parser.add_argument("--flood-batches", type=int, default=4)
    parser.add_argument("--flood-strings", type=int, default=30_000)
    parser.add_argument("--baseline-rounds", type=int, default=40)
    parser.add_argument("--pii-workers", type=int, default=0, help="0: the server's default (sized to the machine)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
