"""`redactor serve --workers N`: N real processes on one port (SO_REUSEPORT), under a supervisor.

With more than one, --state is required (refused otherwise, with the reason); the children share
the session state on a real redis-server, the store and its site configuration; the supervisor
restarts a child killed with SIGKILL and stops them all on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest

from conftest import ADMIN_TOKEN, start_serve
from leaks import batches, leaks, planted, recordings
from redis_server import redis_server  # noqa: F401  (the fixture)

SITE = "shop"


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def request(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None):
    """One request on a new connection (urllib opens one each time): the kernel picks the child."""
    call = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(call, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_more_than_one_worker_without_state_is_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "redactor.cli", "serve", "--workers", "2",
                           "--data-dir", str(tmp_path / "data")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "--state" in done.stderr and "--workers 2" in done.stderr


@pytest.mark.timeout(900)
def test_two_workers_share_one_port_and_one_truth(tmp_path, redis_server):  # noqa: F811
    server = start_serve(tmp_path / "data", "--workers", "2", "--state", redis_server.url,
                         env={"REDACTOR_PII_WORKERS": "0"}, timeout=300)
    try:
        workers = children(server.process.pid)
        assert len(workers) == 2
        while server.log.read_text().count("listening on") < 2:  # /readyz answered as soon as one was up
            time.sleep(0.2)
        # --state without --upstream: each instance has its own store; said once (by the supervisor), not per child
        assert server.log.read_text().count("--state without --upstream") == 1
        admin = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
        status, _ = request("PUT", f"{server.url}/v1/sites/{SITE}",
                            orjson.dumps({"block_selectors": ["#account-balance"]}), admin)
        assert status in (200, 201)
        # the site was made on one child; the other follows the shared store (workers.follow_config)
        known = 0
        while known < 20:
            status, _ = request("OPTIONS", f"{server.url}/v1/sites/{SITE}/sessions/x/events")
            known = known + 1 if status == 204 else 0
            if status != 204:
                time.sleep(0.1)
        # while both children are up: every batch goes over a new connection, to either child
        total = 0
        for recording in recordings():
            for body in batches(recording):
                status, answer = request("POST", f"{server.url}/v1/sites/{SITE}/sessions/{recording['sessionId']}"
                                         "/events", body, {"Content-Type": "application/json"})
                assert status == 202, answer
                total += 1
        # both children took batches: their own counters add up to all of them (asked over new
        # connections until both answered)
        seen = set()
        for _ in range(60):
            status, text = request("GET", f"{server.url}/metrics")
            line = next(l for l in text.decode().splitlines() if l.startswith("redactor_batches_total "))
            seen.add(int(float(line.split()[1])))
            if len(seen) == 2:
                break
        # (two children that took as many batches each show one value: half of them)
        assert min(seen) > 0 and (sum(seen) == total if len(seen) == 2 else seen == {total / 2}), (seen, total)
        for recording in recordings():
            status, stored = request("GET", f"{server.url}/v1/sites/{SITE}/sessions/{recording['sessionId']}/events",
                                     headers=admin)
            stored = orjson.loads(stored)
            assert len(stored) > 0
            for entry in planted(recording):
                if entry["category"] not in ("free_text", "quasi_identifier"):
                    assert not leaks(stored, entry["value"]), entry["field"]
        # a child killed outright is replaced; the port keeps answering
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        while len(replaced := children(server.process.pid)) < 2 or victim in replaced:
            time.sleep(0.2)
        status, _ = request("GET", f"{server.url}/healthz")
        assert status == 200
    finally:
        code = server.stop()
    assert code == 0
    assert not children(server.process.pid)


def test_state_and_workers_come_from_flags_environment_or_file(tmp_path):
    from redactor.config import load_settings
    from redactor.policy import ConfigError

    config = tmp_path / "redactor.yaml"
    config.write_text("state: redis://10.0.0.20:6379/0\nworkers: 2\n")
    assert (load_settings({}, config, environ={}).state, load_settings({}, config, environ={}).workers) == \
        ("redis://10.0.0.20:6379/0", 2)
    settings = load_settings({}, environ={"REDACTOR_WORKERS": "auto", "REDACTOR_STATE": "redis://r:6379/1"})
    assert (settings.workers, settings.state) == ("auto", "redis://r:6379/1")
    with pytest.raises(ConfigError) as error:
        load_settings({"state": "http://r:6379"}, environ={})
    assert error.value.path == "$.state"
    done = subprocess.run([sys.executable, "-m", "redactor.cli", "serve", "--workers", "0",
                           "--data-dir", str(tmp_path / "data")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--workers" in done.stderr


@pytest.mark.timeout(900)
def test_a_change_made_on_one_worker_applies_on_the_other_from_the_next_request(tmp_path, redis_server):  # noqa: F811
    """Right after `PUT /v1/sites/shop` on one child, batches landing on the other got 404
    unknown_site (recorders do not resend on a 404: lost), and a block-list just saved was not
    applied there, until its 0.5 s poll. Each batch and admin call now checks the store's audit seq
    first. The poll is set to an hour here: only that check can carry the changes across."""
    from factories import element, html_page, meta, snapshot, text

    server = start_serve(tmp_path / "data", "--workers", "2", "--state", redis_server.url,
                         env={"REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false",
                              "REDACTOR_CONFIG_POLL_SECONDS": "3600"}, timeout=300)
    try:
        while server.log.read_text().count("listening on") < 2:
            time.sleep(0.2)
        admin = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
        page = orjson.dumps([meta("https://shop.example/"), snapshot(html_page(
            element("div", {"id": "promo"}, [text("Kaaskroket met mosterd")]),
            element("p", {}, [text("Fietsbel, rood")])))])

        def batches(prefix: str) -> list[str]:
            sessions = [f"{prefix}-{n}" for n in range(16)]  # over new connections: both children take some
            for session in sessions:
                status, answer = request("POST", f"{server.url}/v1/sites/{SITE}/sessions/{session}/events", page,
                                         {"Content-Type": "application/json"})
                assert status == 202, (session, status, answer)
            return sessions

        status, _ = request("PUT", f"{server.url}/v1/sites/{SITE}", b"{}", admin)
        assert status == 201
        for session in batches("before"):  # no block-list yet: the balance is kept
            status, stored = request("GET", f"{server.url}/v1/sites/{SITE}/sessions/{session}/events", headers=admin)
            assert status == 200 and b"Kaaskroket met mosterd" in stored
        status, _ = request("PUT", f"{server.url}/v1/sites/{SITE}",
                            orjson.dumps({"block_selectors": ["#promo"]}), admin)
        assert status == 200
        for session in batches("after"):  # the block-list saved on one child applies on both at once
            status, stored = request("GET", f"{server.url}/v1/sites/{SITE}/sessions/{session}/events", headers=admin)
            assert status == 200 and b"Kaaskroket met mosterd" not in stored and b"Fietsbel, rood" in stored, session
        # a token made on one child is known to the other at once, and so is its revocation
        status, made = request("POST", f"{server.url}/v1/tokens",
                               orjson.dumps({"name": "alice", "role": "viewer", "sites": [SITE]}), admin)
        assert status == 201, made
        alice = {"Authorization": f"Bearer {orjson.loads(made)['token']}"}
        for _ in range(8):
            assert request("GET", f"{server.url}/v1/sites/{SITE}", headers=alice)[0] == 200
        assert request("DELETE", f"{server.url}/v1/tokens/alice", headers=admin)[0] == 204
        for _ in range(8):
            assert request("GET", f"{server.url}/v1/sites/{SITE}", headers=alice)[0] == 401
    finally:
        code = server.stop()
    assert code == 0


async def test_a_flood_of_requests_after_a_change_costs_one_reload(aiohttp_client, tmp_path, monkeypatch):
    """Two children of one store, in process: a site made on the first is known to the second's very
    next batches; the flood of them that arrives at once shares one re-read of the sites, and a
    flood of requests for a site nobody made re-reads nothing (each checks the audit seq, a read)."""
    import asyncio

    from redactor.app import create_app
    from redactor.config import Settings
    from redactor.workers import FOLLOWER

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)

    def child(index: int):
        return create_app(Settings(data_dir=tmp_path / "data", pii_workers=0, ner=False, worker_index=index,
                                   config_poll_seconds=3600))

    first, second = await aiohttp_client(child(0)), await aiohttp_client(child(1))
    follower = second.app[FOLLOWER]
    answer = await first.put(f"/v1/sites/{SITE}", json={}, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert answer.status == 201
    reloads, checks = follower.reloads, follower.checks
    answers = await asyncio.gather(*(second.post(f"/v1/sites/{SITE}/sessions/s{n}/events", data=b"[]",
                                                 headers={"Content-Type": "application/json"}) for n in range(40)))
    assert {answer.status for answer in answers} == {202}
    assert follower.reloads == reloads + 1 and follower.checks > checks
    answers = await asyncio.gather(*(second.post(f"/v1/sites/nope/sessions/s{n}/events", data=b"[]",
                                                 headers={"Content-Type": "application/json"}) for n in range(200)))
    assert {answer.status for answer in answers} == {404}
    assert {(await answer.json())["error"] for answer in answers} == {"unknown_site"}
    assert follower.reloads == reloads + 1


@pytest.mark.timeout(600)
def test_changes_made_at_once_on_two_workers_are_all_kept_and_a_project_key_has_one_site(tmp_path, redis_server):  # noqa: F811
    """Each child merged a change into its own copy of the site, then wrote the whole configuration:
    of 40 block-list additions made at once over both children, all answered 200 and audited, about
    half were stored; and two sites claiming one project key at once could both get it. A change now
    starts from what is stored, one at a time across the children (Store.changing)."""
    from concurrent.futures import ThreadPoolExecutor

    server = start_serve(tmp_path / "data", "--workers", "2", "--state", redis_server.url,
                         env={"REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false"}, timeout=300)
    try:
        while server.log.read_text().count("listening on") < 2:
            time.sleep(0.2)
        admin = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
        assert request("PUT", f"{server.url}/v1/sites/{SITE}", b"{}", admin)[0] == 201
        selectors = [f"#field-{n}" for n in range(40)]
        with ThreadPoolExecutor(8) as pool:  # a new connection each: both children take some
            added = list(pool.map(lambda s: request("POST", f"{server.url}/v1/sites/{SITE}/blocklist",
                                                    orjson.dumps({"selector": s}), admin)[0], selectors))
            assert added == [200] * 40
            status, config = request("GET", f"{server.url}/v1/sites/{SITE}", headers=admin)
            assert sorted(orjson.loads(config)["block_selectors"]) == sorted(selectors)
            audit = orjson.loads(request("GET", f"{server.url}/v1/sites/{SITE}/audit", headers=admin)[1])
            assert len([entry for entry in audit if entry["action"] == "add_block_selector"]) == 40
            # the audit's last entry is what is in force
            assert sorted(audit[-1]["after"]["block_selectors"]) == sorted(selectors)
            for attempt in range(6):
                key = f"phc_racekey{attempt:04d}abcdef"
                sites = [f"ka{attempt}", f"kb{attempt}"]
                answers = list(pool.map(lambda s: request("PUT", f"{server.url}/v1/sites/{s}",
                                                          orjson.dumps({"sdk_keys": [key]}), admin)[0], sites))
                assert sorted(answers) == [201, 409], (attempt, answers)
                held = [orjson.loads(request("GET", f"{server.url}/v1/sites/{s}", headers=admin)[1])
                        for s in sites if request("GET", f"{server.url}/v1/sites/{s}", headers=admin)[0] == 200]
                assert [config["sdk_keys"] for config in held] == [[key]], (attempt, held)
    finally:
        code = server.stop()
    assert code == 0


async def test_a_change_to_one_site_compiles_that_site_alone_and_off_the_loop(aiohttp_client, tmp_path, monkeypatch):
    """Every change re-read and compiled every site on the event loop: with a few sites of a thousand
    selectors each, a tiny change to one froze every worker for seconds (ingest and /healthz). A
    child now compiles only the sites whose stored version moved, on a thread."""
    import threading

    from redactor.app import create_app
    from redactor.config import Settings
    from redactor.policy import Policy
    from redactor.workers import FOLLOWER

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)
    compiled: list[tuple[str, threading.Thread]] = []
    compile_for_real = Policy.compile

    def counted(cls, site, config):
        compiled.append((site, threading.current_thread()))
        return compile_for_real(site, config)
    monkeypatch.setattr(Policy, "compile", classmethod(counted))

    def child(index: int):
        return create_app(Settings(data_dir=tmp_path / "data", pii_workers=0, ner=False, worker_index=index,
                                   config_poll_seconds=3600))

    first, second = await aiohttp_client(child(0)), await aiohttp_client(child(1))
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    for site in ("a", "b", "c"):
        answer = await first.put(f"/v1/sites/{site}", json={"block_selectors": [f".{site}-{n}" for n in range(50)]},
                                 headers=admin)
        assert answer.status == 201
    assert (await second.get("/v1/sites/c", headers=admin)).status == 200  # the second child follows
    follower = second.app[FOLLOWER]
    compiled.clear()
    before = follower.compiled
    answer = await first.patch("/v1/sites/b", json={"record_inputs": False}, headers=admin)
    assert answer.status == 200
    answer = await second.get("/v1/sites/b", headers=admin)
    assert answer.status == 200 and (await answer.json())["record_inputs"] is False
    assert follower.compiled == before + 1
    # the change (first child), the re-read (second); validation compiles a policy of its own too
    assert [site for site, _ in compiled if site in ("a", "b", "c")] == ["b", "b"]
    assert threading.main_thread() not in {thread for _, thread in compiled}  # the event loop's
