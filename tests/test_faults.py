"""Fault tests with real processes: `redactor serve --upstream` against a fake collector on 127.0.0.1.

- the collector down for a while, then back: every accepted batch arrives, in order per session
- the proxy killed with SIGKILL during load and restarted: no accepted batch is lost
- a collector that hangs: ingest still answers (the spool takes over), then everything arrives
- SIGTERM: in-flight batches finish, the process exits 0, the spool is kept for the next start

Delivery is at-least-once: a batch may arrive twice, so "in order" means the batch numbers of a
session never go back, and "arrives" means every accepted number is there. Time bounds below
are deadlines against hangs, never assertions about speed.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
import yaml

from conftest import ServeProcess, free_port, start_serve
from test_upstream import SECRET, FakeCollector, batch, eventually

pytestmark = pytest.mark.timeout(150)

CLIENT_TIMEOUT = aiohttp.ClientTimeout(total=30)


def config_file(tmp_path: Path, **settings: Any) -> Path:
    path = tmp_path / "redactor.yaml"
    path.write_text(yaml.safe_dump({"pii_workers": 0, "ner": False, "upstream_timeout_seconds": 1.0,
                                    "spool_retry_max_seconds": 0.5, "sites": {"shop": {}}, **settings}))
    return path


async def serve(tmp_path: Path, collector: FakeCollector, port: int | None = None, **settings: Any) -> ServeProcess:
    config = config_file(tmp_path, **settings)
    return await asyncio.to_thread(start_serve, tmp_path / "data", "--config", str(config),
                                   "--upstream", collector.url, port=port)


async def send(http: aiohttp.ClientSession, proxy: ServeProcess, session: str, n: int) -> int:
    async with http.post(f"{proxy.url}/v1/sites/shop/sessions/{session}/events", data=orjson.dumps(batch(session, n)),
                         headers={"Content-Type": "application/json"}) as answer:
        await answer.read()
        return answer.status


def assert_delivered_in_order(collector: FakeCollector, accepted: dict[str, set[int]]) -> None:
    received = collector.markers()
    for session, numbers in accepted.items():
        got = received.get(session, [])
        assert numbers <= set(got), f"{session}: accepted {sorted(numbers - set(got))} never arrived"
        assert got == sorted(got), f"{session}: out of order: {got}"
    assert all(SECRET.encode() not in request["raw"] for request in collector.received)


async def stop(proxy: ServeProcess, sig: int = signal.SIGTERM) -> int:
    return await asyncio.to_thread(proxy.stop, sig)


async def test_collector_down_then_back(tmp_path):
    collector = FakeCollector()  # not started: down
    proxy = await serve(tmp_path, collector)
    sessions = ["a", "b", "c"]
    accepted: dict[str, set[int]] = {s: set() for s in sessions}
    try:
        async with aiohttp.ClientSession(timeout=CLIENT_TIMEOUT) as http:
            for n in range(4):
                for session in sessions:
                    assert await send(http, proxy, session, n) == 202
                    accepted[session].add(n)
            await collector.start()  # back: new batches queue behind the spooled ones
            for n in range(4, 8):
                for session in sessions:
                    assert await send(http, proxy, session, n) in (200, 202)
                    accepted[session].add(n)
            await eventually(lambda: all(accepted[s] <= set(collector.markers().get(s, [])) for s in sessions), 60)
        assert_delivered_in_order(collector, accepted)
        metrics = await asyncio.to_thread(_get, f"{proxy.url}/metrics")
        assert "redactor_spool_delivered_total" in metrics
    finally:
        assert await stop(proxy) == 0
        await collector.stop()


def _get(url: str) -> str:
    import urllib.request
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode()


async def test_sigkill_during_load_loses_no_accepted_batch(tmp_path):
    collector = await FakeCollector().start()
    port = free_port()
    proxy = await serve(tmp_path, collector, port=port)
    sessions = [f"load-{i}" for i in range(4)]
    accepted: dict[str, set[int]] = {s: set() for s in sessions}
    next_n = {s: 0 for s in sessions}
    killed = asyncio.Event()
    total = 0

    async def client(http: aiohttp.ClientSession, session: str) -> None:
        nonlocal total
        while not killed.is_set():
            try:
                status = await send(http, proxy, session, next_n[session])
            except (aiohttp.ClientError, asyncio.TimeoutError):
                return  # the proxy is gone: this batch was not accepted; it is sent again later
            if status in (200, 202):
                accepted[session].add(next_n[session])
                next_n[session] += 1
                total += 1
                if total == 20:
                    collector.mode = "fail"  # from here on batches pile up in the spool
            await asyncio.sleep(0)

    async def killer() -> None:
        await eventually(lambda: total >= 45, 60)
        proxy.process.send_signal(signal.SIGKILL)  # mid-load: requests are in flight
        killed.set()

    try:
        async with aiohttp.ClientSession(timeout=CLIENT_TIMEOUT) as http:
            await asyncio.gather(killer(), *(client(http, s) for s in sessions))
            assert await asyncio.to_thread(proxy.process.wait, 30) == -signal.SIGKILL
            assert sum(map(len, accepted.values())) >= 45
            with sqlite3.connect(tmp_path / "data" / "spool" / "spool.sqlite3") as db:  # what the kill left
                assert db.execute("SELECT count(*) FROM items").fetchone()[0] > 0
            collector.mode = "ok"
            proxy = await serve(tmp_path, collector, port=port)  # same data dir: the spool is still there
            for session in sessions:  # the SDKs send the batch that failed again, then carry on
                for _ in range(2):
                    assert await send(http, proxy, session, next_n[session]) in (200, 202)
                    accepted[session].add(next_n[session])
                    next_n[session] += 1
            await eventually(lambda: all(accepted[s] <= set(collector.markers().get(s, [])) for s in sessions), 60)
        assert_delivered_in_order(collector, accepted)
    finally:
        assert await stop(proxy) == 0
        await collector.stop()


async def test_slow_collector_keeps_ingest_bounded(tmp_path):
    collector = await FakeCollector().start()
    collector.mode = "hang"  # takes every request and never answers (until released)
    proxy = await serve(tmp_path, collector)
    accepted: dict[str, set[int]] = {"a": set(), "b": set()}
    try:
        # each answer comes while the collector still hangs: bounded by the upstream timeout
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as http:
            for n in range(3):
                for session in accepted:
                    answer = await http.post(f"{proxy.url}/v1/sites/shop/sessions/{session}/events",
                                             data=orjson.dumps(batch(session, n)))
                    assert answer.status == 202 and (await answer.json())["spooled"] is True
                    accepted[session].add(n)
            assert not collector.release.is_set()
            collector.mode = "ok"
            collector.release.set()
            await eventually(lambda: all(accepted[s] <= set(collector.markers().get(s, [])) for s in accepted), 60)
        assert_delivered_in_order(collector, accepted)
        metrics = await asyncio.to_thread(_get, f"{proxy.url}/metrics")
        assert 'redactor_upstream_errors_total{reason="timeout"}' in metrics
    finally:
        assert await stop(proxy) == 0
        await collector.stop()


async def test_sigterm_finishes_in_flight_batches_and_keeps_the_spool(tmp_path):
    collector = await FakeCollector().start()
    collector.mode = "hang"
    port = free_port()
    # a long upstream timeout: the in-flight batch waits for the collector, not for the timeout
    proxy = await serve(tmp_path, collector, port=port, upstream_timeout_seconds=60)
    try:
        async with aiohttp.ClientSession(timeout=CLIENT_TIMEOUT) as http:
            in_flight = asyncio.create_task(send(http, proxy, "a", 0))
            await eventually(lambda: collector.attempts >= 1, 30)  # the batch is at the collector
            proxy.process.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.5)  # let the signal land while the batch is in flight (no assertion on time)
            assert proxy.process.poll() is None  # still finishing the in-flight batch
            collector.release.set()
            assert await in_flight == 200  # the collector's answer, passed back during shutdown
            assert await asyncio.to_thread(proxy.process.wait, 30) == 0

            # a spool that cannot be delivered at shutdown stays on disk, and the exit is still 0
            collector.mode = "fail"
            collector.retry_after = "3600"
            proxy = await serve(tmp_path, collector, port=port)
            assert await send(http, proxy, "a", 1) == 202
            assert await send(http, proxy, "a", 2) == 202
            assert await stop(proxy) == 0
            collector.mode = "ok"
            proxy = await serve(tmp_path, collector, port=port)
            await eventually(lambda: {1, 2} <= set(collector.markers().get("a", [])), 60)
        assert_delivered_in_order(collector, {"a": {0, 1, 2}})
    finally:
        assert await stop(proxy) == 0
        await collector.stop()
