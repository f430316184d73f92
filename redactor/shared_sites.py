"""With --state: the sites' configurations are one truth for every instance on one Redis.

Each instance keeps its sites in its own store (audited, compiled into policies), as without
--state. A change made through one instance's admin API is published to Redis too: the site's
configuration and its author (`redactor:sites`, a hash: configurations are no visitor's data), and
a counter that moves with every change (`redactor:sites:version`). Before every batch and admin
call (workers.fresh_config) an instance reads the counter, one GET, and when it moved takes into
its store the configurations that differ from its own (audited under their author, action
`shared_site`) and compiles them: a site made, or a block-list saved, through one instance applies
on every instance from the next request on, whichever of them the balancer picks.

At start an instance publishes the sites Redis does not have yet (its config file's, an earlier
run's), then takes Redis's. Redis unreachable: the configuration in hand serves (the batch itself
then waits for its state: 503), and a change cannot be shared: it is refused with 503, to be sent
again, since the other instances would go on without it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web
from redis import asyncio as aioredis
from redis.exceptions import RedisError

from redactor.keys import SHARED_SITES, STORE
from redactor.sinks.store import SdkKeysTaken, SiteMoved, StorageUnavailable

log = logging.getLogger("redactor.shared_sites")

SITES = "redactor:sites"  # site → {"config": …, "author": …}
VERSION = "redactor:sites:version"  # moves with every change published
ACTION = "shared_site"  # the audit action of a configuration taken from another instance
SHARED_AT_START = "instance-start"  # the author of a site an instance published at start (its author is in its store's audit)
RETRY_SECONDS = 2


class SharedSites:
    def __init__(self, redis: aioredis.Redis):
        self.redis = redis
        self.seen: bytes | None = None  # the counter when this instance last took Redis's configurations
        self._taking = asyncio.Lock()

    async def start(self, app: web.Application, author: str) -> None:
        """Publishes the sites Redis lacks, then takes the ones it has; from then on, the app's."""
        app[SHARED_SITES] = self
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                for site, (_, config) in (await app[STORE].sites()).items():
                    pipe.hsetnx(SITES, site, orjson.dumps({"config": config, "author": author}))
                added = await pipe.execute()
            if any(added):
                await self.redis.incr(VERSION)
        except (RedisError, OSError) as error:
            log.warning("Redis unreachable at start (%s): sites are shared from the first request it answers",
                        type(error).__name__)
        await self.fresh(app)

    async def publish(self, site: str, config: dict[str, Any], author: str) -> None:
        """A change saved in this instance's store, for the others. Raises HTTPServiceUnavailable."""
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.hset(SITES, site, orjson.dumps({"config": config, "author": author}))
                pipe.incr(VERSION)
                await pipe.execute()
        except (RedisError, OSError) as error:
            log.warning("a change of site %s could not be shared on Redis (%s): refused with 503", site,
                        type(error).__name__)
            raise web.HTTPServiceUnavailable(
                text=f"the change of {site!r} is saved on this instance but could not be shared with the other "
                     "instances on Redis, which would go on without it: send it again once Redis answers",
                reason="State Unavailable", headers={"Retry-After": str(RETRY_SECONDS)}) from None

    async def fresh(self, app: Mapping[Any, Any]) -> None:
        """The configurations another instance published since the last look, taken and compiled."""
        try:
            version = await self.redis.get(VERSION)
        except (RedisError, OSError):
            return  # the configuration in hand serves
        if version == self.seen:
            return
        async with self._taking:  # the requests that come meanwhile wait for this one take
            if version == self.seen:
                return
            try:
                shared = await self.redis.hgetall(SITES)
            except (RedisError, OSError):
                return
            complete = await self._take(app, shared)
            # also what another process sharing this store took or changed (two instances on one data
            # directory): only sites whose stored version moved are compiled
            from redactor import admin  # (admin imports workers, which imports this)
            await admin.load_sites(app)
            if complete:  # else the next request looks again
                self.seen = version

    async def _take(self, app: Mapping[Any, Any], shared: dict[bytes, bytes]) -> bool:
        """Takes into the store what differs from it; False when some could not be, for now."""
        store, taken, complete = app[STORE], 0, True
        for name, raw in shared.items():
            site = name.decode()
            stored = await store.site(site)
            if stored is not None and stored[1] == orjson.loads(raw)["config"]:
                continue
            async with store.changing():
                # read again under the lock every change of this store takes (a change publishes
                # before it lets go): the copy read above may predate a change another worker made
                # since, which it would undo
                version, before = await store.site(site) or (0, None)
                try:
                    entry = orjson.loads(await self.redis.hget(SITES, site))
                    if before == entry["config"]:
                        continue
                    await store.put_site(site, entry["config"], entry["author"], ACTION, before, version)
                    taken += 1
                except (SiteMoved, RedisError, OSError):  # the next look compares again
                    complete = False
                except (SdkKeysTaken, StorageUnavailable) as error:
                    log.warning("the shared configuration of site %s could not be taken (%s)", site,
                                type(error).__name__)
        if taken:
            log.info("%d site configuration(s) taken from the other instances on Redis", taken)
        return complete
