"""A stub of PostHog's and Sentry's collectors that reads what it receives the way the real servers
do and refuses (400) what they would refuse: a /s/ body is gzip when its magic bytes say so,
per-field gzip strings (cv 2024-10) must be latin-1 gzip, an envelope's item lengths must hold, a
replay recording must inflate (zlib) after its {"segment_id":N} line. It also answers what the
SDKs fetch from it (remote config, flags, the recorder script from the npm package).

Used in-process by test_peers.py and, in a thread, by the end-to-end tests."""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from aiohttp import web

from conftest import free_port
from peer_factories import Refused, read_envelope

POSTHOG_DIST = Path(__file__).resolve().parents[1] / "node_modules" / "posthog-js" / "dist"


def posthog_json(raw: bytes, query: dict[str, str]) -> Any:
    if raw[:2] == b"\x1f\x8b":
        return json.loads(gzip.decompress(raw))
    if query.get("compression") == "base64" or raw.startswith(b"data="):
        data = dict(parse_qsl(raw.decode()))["data"]
        return json.loads(base64.b64decode(data))
    return json.loads(raw)


def inflate_fields(event: dict[str, Any]) -> dict[str, Any]:
    """PostHog's ingestion of per-field gzip: each field must be latin-1 gzip of JSON."""
    if event.get("cv") != "2024-10":
        return event
    event = json.loads(json.dumps(event))
    places = [(event, "data")] if event["type"] == 2 else [(event["data"], k) for k in
                                                          ("texts", "attributes", "removes", "adds")]
    for holder, key in places:
        value = holder.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.encode("latin-1").startswith(b"\x1f\x8b"):
            raise Refused(f"per-field {key} is not a latin-1 gzip string")
        holder[key] = json.loads(gzip.decompress(value.encode("latin-1")))
    return event


def recording(payload: bytes) -> tuple[str, list[dict[str, Any]]]:
    head, data = payload.split(b"\n", 1)
    if "segment_id" not in json.loads(head):
        raise Refused("a replay_recording starts with its segment_id")
    if data[:1] == b"\x78":
        return "zlib", json.loads(zlib.decompress(data))
    if data[:1] == b"[":
        return "none", json.loads(data)
    raise Refused("a replay_recording is zlib or JSON")


class PeerCollector:
    """Records every request (method, path and query, headers, raw body, what it read)."""

    def __init__(self, remote_config: dict[str, Any] | None = None):
        self.received: list[dict[str, Any]] = []
        self.refused: list[str] = []
        self.remote_config = remote_config or {}
        self.surveys: list[dict[str, Any]] = []  # what /api/surveys/ answers posthog-js (a test sets its own)

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024, middlewares=[self.cors])
        app.router.add_route("*", "/{tail:.*}", self.handle)
        return app

    @web.middleware
    async def cors(self, request: web.Request, handler) -> web.StreamResponse:
        """As PostHog's and Sentry's collectors do: any origin (their project keys are public)."""
        if request.method == "OPTIONS":
            self.received.append({"method": "OPTIONS", "path_qs": request.raw_path, "headers": request.headers.copy(),
                                  "raw": b""})
            response: web.StreamResponse = web.Response(status=204, headers={
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers", "*")})
        else:
            response = await handler(request)
        if "Origin" in request.headers:
            response.headers["Access-Control-Allow-Origin"] = request.headers["Origin"]
            response.headers["Access-Control-Allow-Credentials"] = "true"
        return response

    def requests(self, prefix: str) -> list[dict[str, Any]]:
        return [r for r in self.received if r["path_qs"].startswith(prefix)]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        entry = {"method": request.method, "path_qs": request.raw_path, "headers": request.headers.copy(), "raw": raw}
        self.received.append(entry)
        path = request.path
        try:
            if request.method == "POST" and path.endswith(("/s/", "/e/", "/i/v0/e/")):
                data = posthog_json(raw, dict(request.query))
                events = data if isinstance(data, list) else data.get("batch", [data])
                for event in events:
                    snapshot = event.get("properties", {}).get("$snapshot_data")
                    if isinstance(snapshot, list):
                        event["properties"]["$snapshot_data"] = [inflate_fields(e) for e in snapshot]
                entry["json"] = events
                return web.json_response({"status": 1})
            if request.method == "POST" and "/api/" in path and path.endswith("/envelope/"):
                header, items = read_envelope(raw)
                entry["envelope"] = (header, items)
                entry["recordings"] = [recording(p) for h, p in items if h.get("type") == "replay_recording"]
                entry["replay_events"] = [json.loads(p) for h, p in items if h.get("type") == "replay_event"]
                return web.json_response({"id": header.get("event_id")},
                                         headers={"Access-Control-Expose-Headers": "x-sentry-rate-limits, retry-after"})
        except (Refused, ValueError, KeyError, zlib.error, OSError) as error:
            self.refused.append(f"{path}: {error!r}")
            return web.json_response({"error": str(error)}, status=400)
        if path.startswith("/flags/") or path.startswith("/decide/"):
            return web.json_response({"featureFlags": {"beta": True}, "featureFlagPayloads": {},
                                      "errorsWhileComputingFlags": False, **self.remote_config},
                                     headers={"X-Flags": "stub"})
        if path.startswith("/api/surveys"):
            return web.json_response({"surveys": self.surveys})
        if path.startswith("/array/") and path.endswith("/config"):
            return web.json_response({"token": path.split("/")[2], **self.remote_config})
        if path.startswith("/array/") and path.endswith("/config.js"):
            config = json.dumps({"config": {"token": path.split("/")[2], **self.remote_config}, "siteApps": []})
            return web.Response(text="(function(){window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {};"
                                     f"window._POSTHOG_REMOTE_CONFIG[{json.dumps(path.split('/')[2])}] = {config};}})()",
                                content_type="application/javascript")
        if path.startswith("/static/"):
            name = path.rsplit("/", 1)[-1]
            target = POSTHOG_DIST / name
            if target.is_file() and target.suffix == ".js":
                return web.FileResponse(target, headers={"Content-Type": "application/javascript"})
        if request.method == "POST":
            # any other batch is taken, as PostHog's collector takes its logs, chat and CSP reports: a 404
            # here is "not now" to redactor (spool.NOT_NOW), which keeps the batch and sends it again
            return web.json_response({"status": 1})
        return web.json_response({"error": "not found"}, status=404, headers={"X-Stub": "404"})


@pytest.fixture
async def collector():
    """A PeerCollector listening on a free port of 127.0.0.1 (its url), for a proxy's --upstream."""
    stub = PeerCollector()
    runner = web.AppRunner(stub.app(), handle_signals=False, auto_decompress=False, shutdown_timeout=0.5)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    stub.url = f"http://127.0.0.1:{port}"
    yield stub
    await runner.cleanup()
