"""Same output on one instance and on two sharing a Redis: the real recordings, batch by batch.

Three real `redactor serve` processes: `one` keeps session state in process (as without --state);
`a` and `b` both run `--state` on one real redis-server. Every instance forwards (`--upstream`) to
a stub collector on a real socket, so each side's output is what one collector received, in
order. The sessions are sent interleaved; on the shared side their batches alternate between `a`
and `b`, and `a` is killed with SIGKILL halfway (between two batches: a batch in flight when an
instance dies is resent by the script, which is at-least-once, not this test). `b` carries on.

What must hold: the collector of the shared side received, for every session, exactly the events
the single instance's collector received, and no planted value. The three share one server secret
(as instances of one deployment must: docs/scaling.md), so even keyed masks are the same.
"""

from __future__ import annotations

import asyncio
import secrets
import signal
from collections import defaultdict
from pathlib import Path

import aiohttp
import orjson
import pytest
from aiohttp import web

from conftest import ADMIN_TOKEN, start_serve
from leaks import batches, leaks, planted, recordings
from redis_server import redis_server  # noqa: F401  (the fixture)

SITE = "shop"
SITE_CONFIG = {"block_selectors": ["#account-balance"]}


class Collector:
    """Records every forwarded body, per session, in the order it arrived."""

    def __init__(self) -> None:
        self.received: dict[str, list[bytes]] = defaultdict(list)
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> Collector:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/sites/{site}/sessions/{session}/events", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def handle(self, request: web.Request) -> web.Response:
        self.received[request.match_info["session"]].append(await request.read())
        return web.json_response({"ok": True})

    def events(self, session: str) -> list:
        return [event for body in self.received[session] for event in orjson.loads(body)["events"]]

    def metadata(self, session: str) -> list:
        return [{k: v for k, v in orjson.loads(body).items() if k != "events"} for body in self.received[session]]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


def instance(tmp_path: Path, name: str, secret: bytes, *extra: str):
    data = tmp_path / name / "data"
    data.mkdir(parents=True)
    (data / "secret.key").write_bytes(secret)  # one deployment, one secret
    return start_serve(data, *extra, env={"REDACTOR_PII_WORKERS": "0"}, timeout=240)


async def put_site(http: aiohttp.ClientSession, url: str) -> None:
    async with http.put(f"{url}/v1/sites/{SITE}", json=SITE_CONFIG,
                        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}) as answer:
        assert answer.status in (200, 201), await answer.text()


async def send(http: aiohttp.ClientSession, url: str, session: str, body: bytes) -> None:
    async with http.post(f"{url}/v1/sites/{SITE}/sessions/{session}/events", data=body,
                         headers={"Content-Type": "application/json"}) as answer:
        assert answer.status in (200, 202), await answer.text()


def interleaved() -> list[tuple[str, bytes]]:
    """Every recording's batches in order, the sessions taking turns (as concurrent visitors)."""
    queues = [[(r["sessionId"], body) for body in batches(r)] for r in recordings()]
    order = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


@pytest.mark.timeout(900)
async def test_two_instances_on_one_redis_give_the_output_of_one(tmp_path, redis_server):  # noqa: F811
    secret = secrets.token_bytes(32)
    one_collector, shared_collector = await Collector().start(), await Collector().start()
    servers = []
    try:
        loop = asyncio.get_running_loop()
        # started one after the other (each loads the NER model): the collectors keep answering
        one = await loop.run_in_executor(None, lambda: instance(tmp_path, "one", secret,
                                                                 "--upstream", one_collector.url))
        servers.append(one)
        a = await loop.run_in_executor(None, lambda: instance(tmp_path, "a", secret, "--upstream",
                                                               shared_collector.url, "--state", redis_server.url))
        servers.append(a)
        b = await loop.run_in_executor(None, lambda: instance(tmp_path, "b", secret, "--upstream",
                                                               shared_collector.url, "--state", redis_server.url))
        servers.append(b)
        order = interleaved()
        async with aiohttp.ClientSession() as http:
            for server in (one, a, b):
                await put_site(http, server.url)
            for session, body in order:
                await send(http, one.url, session, body)
            killed_at = len(order) // 2
            for i, (session, body) in enumerate(order):
                if i == killed_at:
                    a.process.send_signal(signal.SIGKILL)
                    a.process.wait()
                target = b if i >= killed_at or i % 2 else a
                await send(http, target.url, session, body)
            # the retry of a batch the killed instance took (its answer lost) is known as one by the
            # other: its number is in the session's state on Redis; nothing more reaches the collector
            session, body = order[0]
            before = len(shared_collector.received[session])
            async with http.post(f"{b.url}/v1/sites/{SITE}/sessions/{session}/events", data=body,
                                 headers={"Content-Type": "application/json"}) as answer:
                assert answer.status == 202 and (await answer.json()).get("duplicate"), await answer.text()
            assert len(shared_collector.received[session]) == before
        assert a.process.returncode == -signal.SIGKILL

        for recording in recordings():
            session = recording["sessionId"]
            alone, shared = one_collector.events(session), shared_collector.events(session)
            assert len(shared) == len(alone) > 0
            for i, (x, y) in enumerate(zip(alone, shared)):
                assert x == y, f"{recording['recording']}: event {i} differs"
            assert one_collector.metadata(session) == shared_collector.metadata(session)
            for entry in planted(recording):
                if entry["category"] in ("free_text", "quasi_identifier"):
                    continue  # as in test_samples: their PII parts are planted entries of their own
                assert not leaks(shared, entry["value"]), f"{entry['field']} leaked on the shared side"
    finally:
        for server in servers:
            server.stop()
        await one_collector.stop()
        await shared_collector.stop()
