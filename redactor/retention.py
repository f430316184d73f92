"""Retention: a background task erases the stored sessions older than their site's `retention_days`.

It runs once at start-up and then every `retention_interval_seconds` (a setting: config file or
`REDACTOR_RETENTION_INTERVAL_SECONDS`; one hour by default). A session's age is the time since its last batch,
so a session still being recorded is never cut in half. Every erasure is audited with the
author "retention", like an erasure through the admin API, and the session's in-memory mirror
is forgotten with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from aiohttp import web

from redactor.keys import POLICIES, SETTINGS, STATES, STORE

log = logging.getLogger("redactor.retention")

DAY = 86_400.0
AUTHOR = "retention"


def interval_of(app: web.Application) -> float:
    return app[SETTINGS].retention_interval_seconds


async def sweep(app: web.Application, now: float | None = None) -> dict[str, list[str]]:
    """Erases, for every site with retention_days, the sessions older than that. Returns them by site."""
    now = time.time() if now is None else now
    erased: dict[str, list[str]] = {}
    for site, policy in list(app[POLICIES].items()):
        days = policy.config.retention_days
        if not days:
            continue
        sessions = await app[STORE].erase_older_than(site, now - days * DAY, AUTHOR)
        for session in sessions:
            app[STATES].forget(site, session)
        if sessions:
            erased[site] = sessions
            log.info("retention: erased %d session(s) of site %s older than %d day(s)", len(sessions), site, days)
    return erased


async def _run(app: web.Application) -> None:
    while True:
        try:
            await sweep(app)
        except asyncio.CancelledError:
            raise
        except Exception:  # a failed sweep is retried at the next interval, never kills the task
            log.exception("retention sweep failed; retrying in %.0f s", interval_of(app))
        await asyncio.sleep(interval_of(app))


async def retention(app: web.Application) -> AsyncIterator[None]:
    """cleanup_ctx: the sweeping task lives as long as the app (register it after the store)."""
    task = asyncio.create_task(_run(app), name="redactor-retention")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
