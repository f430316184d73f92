"""`redactor serve --workers N`: N processes serving one port, and what they must agree on.

One process redacts on one core (its event loop and the redaction pass are Python). With N > 1,
the command becomes a small supervisor: it starts N `redactor serve` children with the same
arguments; each binds the port with SO_REUSEPORT and the kernel spreads connections over them.
The supervisor forwards SIGTERM/SIGINT (each child drains as a single process does), restarts a
child that dies, and gives up if children keep dying right after they start (a port taken, a
bad configuration): then it stops the others and exits 1.

Why --state is required with N > 1: a session's batches land on any child (connections, not
sessions, are spread), and each needs what the earlier ones taught the mirror. Routing sessions
to one child would need a proxy in front of the children; Redis is already what several hosts
need, so one mechanism serves both.

What the children share besides Redis: the data directory. The embedded store is one SQLite file
(WAL: several processes can write it); site configurations and tokens live in it, and each child
follows changes made through another child's admin API (ConfigFollower: it re-reads them when the
audit log moves, checked before every batch and admin call, and every config_poll_seconds; only the
sites whose stored version moved are compiled again, on a thread). Each child delivers a spool of its own in
upstream mode; a session's spooled batches all go to one of them, whichever child took them (sinks/spool.py Spools).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
from pathlib import Path
import sys
import time
from collections.abc import AsyncIterator, Mapping
from typing import Any

from aiohttp import web

log = logging.getLogger("redactor.workers")

QUICK_EXIT = 10.0  # a child that dies sooner than this after its start counts as a failed start
MAX_FAILED_STARTS = 3


def count(workers: int | str) -> int:
    return (os.cpu_count() or 1) if workers == "auto" else int(workers)


def spool_name(worker_index: int | None) -> str:
    """Child 0 uses the single process's spool: going back to --workers 1 delivers what it holds."""
    return "spool" if not worker_index else f"spool-{worker_index}"


def spools_left(data_dir: Path, workers: int) -> list[Path]:
    """The spool files of children that no longer run (started again with fewer workers): the
    first child takes their batches over (Spool.open)."""
    left = []
    for directory in data_dir.glob("spool-*"):
        index = directory.name.removeprefix("spool-")
        if index.isdigit() and int(index) >= workers and (directory / "spool.sqlite3").exists():
            left.append(directory / "spool.sqlite3")
    return sorted(left)


def supervise(argv: list[str], workers: int) -> int:
    """Runs `redactor <argv>` N times with REDACTOR_WORKER_INDEX set; returns the exit code."""
    children: dict[int, tuple[subprocess.Popen, float]] = {}
    stopping = False
    failed_starts = 0

    def spawn(index: int) -> None:
        env = {**os.environ, "REDACTOR_WORKER_INDEX": str(index)}
        children[index] = (subprocess.Popen([sys.executable, "-m", "redactor.cli", *argv], env=env), time.monotonic())

    def stop(signum: int, _frame: object = None) -> None:
        nonlocal stopping
        stopping = True
        for process, _ in children.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for index in range(workers):
        spawn(index)
    log.info("supervising %d worker(s): pids %s", workers, [p.pid for p, _ in children.values()])
    while True:
        time.sleep(0.2)
        if stopping:
            if all(process.poll() is not None for process, _ in children.values()):
                break
            continue
        for index, (process, started) in list(children.items()):
            code = process.poll()
            if code is None:
                continue
            failed_starts = failed_starts + 1 if time.monotonic() - started < QUICK_EXIT else 0
            if failed_starts >= MAX_FAILED_STARTS:
                log.error("worker %d exited with %d right after starting, %d times: stopping", index, code,
                          failed_starts)
                stop(signal.SIGTERM)
                break
            log.warning("worker %d (pid %d) exited with %d: restarting it", index, process.pid, code)
            spawn(index)
    # a child still starting when SIGTERM came has no handler yet: killed by it, it stopped as asked
    codes = [process.returncode for process, _ in children.values()]
    return 0 if failed_starts < MAX_FAILED_STARTS and all(code in (0, -signal.SIGTERM) for code in codes) else 1


class ConfigFollower:
    """A child's copy of the sites and tokens, kept in step with the store the children share.

    fresh() is awaited before every batch picks its site's policy and before every admin call: it
    reads the store's last audit seq (the last row of an integer key, read on the loop on a connection
    of its own: Store.last_audit_seq_now; on the store's thread if busy) and re-reads the sites
    and tokens when it moved — so a site made, a block-list saved or a token revoked through one
    child applies on every child from the next request on, not after a poll. Bounded: at most one
    check runs at a time; the requests that arrive while it runs share the next one (which starts
    when it ends: a check begun before a request came may predate the change it must see), so a
    flood of requests after a change costs one re-read, never one each. A poll (config_poll_seconds)
    still follows changes when no request comes."""

    def __init__(self, app: web.Application):
        self.app = app
        self.seen = -1
        self.checks = 0  # reads of the audit seq (counted: what the per-request cost is)
        self.reloads = 0  # re-reads of the sites and tokens
        self.compiled = 0  # sites compiled by those re-reads (only those whose configuration changed)
        self._running: asyncio.Task[None] | None = None
        self._pending: asyncio.Task[None] | None = None

    async def fresh(self) -> None:
        from redactor.keys import STORE

        if self._running is None and self._pending is None:  # the usual case: read on the loop, nothing moved
            try:
                if self.app[STORE].last_audit_seq_now() == self.seen:
                    self.checks += 1
                    return
            except sqlite3.Error:  # busy: the store's thread reads it (below)
                pass
        if self._pending is None:
            self._pending = asyncio.ensure_future(self._next_check(self._running))
        await asyncio.shield(self._pending)  # a request that goes away leaves the check to the others

    async def _next_check(self, previous: asyncio.Task[None] | None) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        task, self._pending = self._pending, None  # (this very task): who comes now waits for the next
        self._running = task
        try:
            await self._check()
        finally:
            if self._running is task:
                self._running = None

    async def _check(self) -> None:
        from redactor import admin
        from redactor.keys import STORE

        self.checks += 1
        try:
            now = await self.app[STORE].last_audit_seq()
            if now != self.seen:
                if self.seen != -1:
                    log.info("the shared configuration changed: sites and tokens re-read")
                self.reloads += 1
                self.compiled += await admin.load_sites(self.app)
                await admin.reload_grants(self.app)  # a token revoked on another child: revoked here
            self.seen = now
        except Exception:  # a busy store: the configuration in hand serves, the next check tries again
            log.exception("could not re-read the shared configuration")


FOLLOWER: web.AppKey[ConfigFollower] = web.AppKey("config_follower")


async def fresh_config(app: Mapping[Any, Any]) -> None:
    """The sites as the other instances on Redis changed them (--state: shared_admin), and with
    --workers N the sites and tokens as the shared store has them now (ConfigFollower); a single
    process on its own changes them itself, nothing to do."""
    from redactor.keys import SHARED_ADMIN

    shared = app.get(SHARED_ADMIN)
    if shared is not None:  # --state: a site another instance changed (taken into the store, then read below)
        await shared.fresh(app)
    follower = app.get(FOLLOWER)
    if follower is not None:
        await follower.fresh()


async def follow_config(app: web.Application) -> AsyncIterator[None]:
    """A child's copy of the sites and tokens follows the store the children share."""
    from redactor.keys import SETTINGS

    follower = app[FOLLOWER] = ConfigFollower(app)

    async def follow() -> None:
        # the first tick re-reads too: a change made by another child while this one was still
        # starting (after its own load_sites, before this task) must not be missed
        while True:
            await follower.fresh()
            await asyncio.sleep(app[SETTINGS].config_poll_seconds)

    task = asyncio.create_task(follow())
    try:
        yield
    finally:
        task.cancel()
