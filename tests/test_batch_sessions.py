"""One request cannot fill its site's sessions (the reviewer's finding 5): a PostHog /e/ body of
5,000 tiny analytics events, each with its own $session_id, took every place of max_sessions_per_site
for session_idle_seconds, and the site's real visitors got 429 too_many_sessions. Now one request
carries at most max_sessions_per_batch sessions (413 past it), and a session of analytics only,
whose mirror holds nothing once redacted, keeps no place. Over real sockets: the app with
--upstream, the stub collector (tests/peer_collector.py) on another."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import element, html_page, input_event, meta, snapshot, text
from peer_collector import collector  # noqa: F401 (the fixture)
from peer_factories import TOKEN, analytics_event, capture_batch, posthog_body, snapshot_event
from redactor.app import create_app
from redactor.config import Settings
from redactor.policy import validate_site_config


@pytest.fixture
async def proxy(aiohttp_client, tmp_path: Path, collector):
    sites = {"shop": validate_site_config({"sdk_keys": [TOKEN]})}
    settings = Settings(data_dir=tmp_path / "data", upstream=collector.url, pii_workers=0, ner=False, sites=sites,
                        upstream_timeout_seconds=5.0, max_sessions_per_site=4, max_sessions_per_batch=4)
    return await aiohttp_client(create_app(settings))


def analytics(sessions: int, first: int = 0) -> bytes:
    return json.dumps(capture_batch([analytics_event("clicked", **{"$session_id": f"s{n:05d}", "$window_id": "w"})
                                     for n in range(first, first + sessions)])).encode()


async def site_sessions(proxy) -> float:
    metrics = await (await proxy.get("/metrics")).text()
    lines = [line for line in metrics.splitlines() if line.startswith('redactor_site_sessions{site="shop"}')]
    return float(lines[0].split()[-1]) if lines else 0.0


async def test_a_request_of_more_sessions_than_max_sessions_per_batch_is_refused(proxy, collector):
    answer = await proxy.post("/e/", data=analytics(5), headers={"Content-Type": "text/plain"})
    assert answer.status == 413
    body = await answer.json()
    assert body["error"] == "too_many_sessions_in_batch" and "max_sessions_per_batch" in body["detail"]
    assert not collector.received
    assert await site_sessions(proxy) == 0
    metrics = await (await proxy.get("/metrics")).text()
    assert 'redactor_limit_hits_total{limit="batch_sessions"} 1.0' in metrics


async def test_many_events_of_one_session_are_one_session(proxy, collector):
    """What posthog-js batches: many events of one (or a few) sessions."""
    events = [analytics_event("$pageview", **{"$current_url": f"https://shop.example/p/{n}"}) for n in range(200)]
    answer = await proxy.post("/e/", data=json.dumps(capture_batch(events)).encode())
    assert answer.status == 200, await answer.text()
    assert len(collector.requests("/e/")[0]["json"]) == 200


async def test_sessions_of_analytics_only_keep_no_place_of_their_site(proxy, collector):
    """Requests of analytics events of 4 new sessions each, three times the site's 4 places: each goes
    through, none keeps a place; the site's visitors then record."""
    for first in (0, 4, 8):
        answer = await proxy.post("/e/", data=analytics(4, first), headers={"Content-Type": "text/plain"})
        assert answer.status == 200, await answer.text()
    assert await site_sessions(proxy) == 0
    page = [meta("https://shop.example/"), snapshot(html_page(element("p", {}, [text("Fietsbel, rood")])))]
    for n in range(4):
        answer = await proxy.post("/s/", data=posthog_body([snapshot_event(page, f"visitor-{n}")]),
                                  headers={"Content-Type": "text/plain"})
        assert answer.status == 200, await answer.text()
    assert await site_sessions(proxy) == 4  # recordings keep theirs
    answer = await proxy.post("/s/", data=posthog_body([snapshot_event(page, "visitor-5")]),
                              headers={"Content-Type": "text/plain"})
    assert answer.status == 429 and (await answer.json())["error"] == "too_many_sessions"  # the limit still holds


async def test_analytics_of_a_recorded_session_still_mask_what_its_tab_taught(proxy, collector):
    """The session a recording taught keeps its mirror when its analytics come (nothing to let go)."""
    name_field = element("input", {"type": "text", "name": "naam"}, id=21)
    recording = snapshot_event([meta(), snapshot(html_page(name_field)), input_event(21, "zwartekat77")])
    assert (await proxy.post("/s/", data=posthog_body([recording]), headers={"Content-Type": "text/plain"})).status == 200
    for _ in range(2):
        identify = analytics_event("$identify", **{"$set": {"nickname": "zwartekat77", "plan": "gold"}})
        assert (await proxy.post("/e/", data=json.dumps(capture_batch([identify])).encode())).status == 200
        [forwarded] = collector.requests("/e/")[-1]["json"]
        assert "zwartekat77" not in json.dumps(forwarded) and forwarded["properties"]["$set"]["plan"] == "gold"
    assert await site_sessions(proxy) == 1
