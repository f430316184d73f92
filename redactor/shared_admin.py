"""With --state: what the admin API changes — the sites' configurations, its tokens, the sessions it
erases — is one truth for every instance on one Redis.

Each instance keeps its sites and tokens in its own store (audited, compiled into policies), as
without --state. A change made through one instance's admin API is published to Redis too: the
site's configuration and its author (`redactor:{admin}:sites`, a hash: configurations are no visitor's
data); a token's hash, name, role and sites (`redactor:{admin}:tokens`: a SHA-256 of 32 random bytes, of no
use to whoever reads it), and a token revoked as a tombstone (`redactor:{admin}:tokens:revoked`); a session
erased (`redactor:{admin}:erased`: its site and id, which are no visitor's words), for the instances whose
stores hold the batches the balancer sent them, and in the order made (`redactor:{admin}:erased:log`, a stream: an
instance reads the erasures made since its last look, not every one ever made, which an instance reads
whole only when it starts or Redis lost what it held); and a counter that moves with every change
(`redactor:{admin}:sites:version`). Before every batch and admin call
(workers.fresh_config) an instance reads the counter, one GET, and when it moved takes into its
store what differs from its own (audited under the author, actions `shared_site`, `shared_token`,
`shared_revoke`, `shared_erase`) and compiles it: a site made, a block-list saved, a token made or
revoked, a session erased through one instance applies on every instance from the next request on,
whichever of them the balancer picks. The `admin` token is not shared: every instance has it from REDACTOR_ADMIN_TOKEN.

An instance idle meanwhile looks too, every config_poll_seconds (a task of its own): a session erased
through another instance leaves its store even if no request comes.

At start an instance publishes the sites and tokens Redis does not have yet (its config file's, an
earlier run's; never a token Redis says was revoked), the tokens it knows revoked and the sessions it
erased or took erased in this run, then takes Redis's. It does the same when it finds Redis's epoch
(`redactor:{admin}:sites:epoch`, set once by whoever finds none) gone or changed: Redis lost what it held (a
restart without persistence, a flush), and what the instances know is put back, a revoke winning
over a token and the newest configuration of a site over an older one (each carries its change's number on
Redis, `redactor:{admin}:sites:changes`, one more with every change of the site published, stored with the
configuration by the instance that made or took it, put back with it, and the highest stands: an instance that
had not taken the last change before Redis lost it puts back the one before, which the instance that made the
change then replaces, review 20 F6; no host's clock is compared with another's, review 21 F12). Redis unreachable: the configuration in
hand serves the batches (which then wait for their state: 503) and the admin token, but no token
shared across instances is taken (503): it may have been revoked elsewhere meanwhile. A change cannot be shared then: it is refused with 503 (a
token made is revoked again; a token is revoked on Redis first), to be sent again, since the other
instances would go on without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web
from redis import asyncio as aioredis
from redis.exceptions import RedisError, WatchError

from redactor.keys import SHARED_ADMIN, STORE
from redactor.sinks.store import SdkKeysTaken, SiteMoved, StorageUnavailable

log = logging.getLogger("redactor.shared_admin")

#: every key below is written together with others (MULTI, Lua), so all share one hash tag: one Redis Cluster
#: slot (a node refuses a transaction over several: CROSSSLOT). Their load is the admin API's, not the batches'
ADMIN_TAG = "redactor:{admin}"
SITES = f"{ADMIN_TAG}:sites"  # site → {"config": …, "author": …}
#: site → the number of its configuration's change, one more with each change published and put back with its
#: configuration: on a Redis that lost its data the highest number stands (the hosts' clocks are never compared)
CHANGES = f"{ADMIN_TAG}:sites:changes"
SHARED_TOKENS = f"{ADMIN_TAG}:tokens"  # token hash → {"name": …, "role": …, "sites": […], "author": …}
REVOKED_TOKENS = f"{ADMIN_TAG}:tokens:revoked"  # token hash → {"name": …, "author": …}: never taken again
ERASED = f"{ADMIN_TAG}:erased"  # "site/session" → {"author": …}: a session erased, on every instance's store
ERASURES = f"{ADMIN_TAG}:erased:log"  # the same, a stream in the order made: {"key": "site/session", "author": …}
VERSION = f"{ADMIN_TAG}:sites:version"  # moves with every change published
#: set once per life of Redis's data: gone or changed, Redis lost what it held. (Named anew with the tag: a Redis
#: holding the untagged keys of an earlier version is found without one, and the instances put back what they know)
EPOCH = f"{ADMIN_TAG}:sites:epoch"
ACTION = "shared_site"  # the audit action of a configuration taken from another instance
TOKEN_ACTION, REVOKE_ACTION = "shared_token", "shared_revoke"  # and of a token made or revoked there
ERASE_ACTION = "shared_erase"  # and of a session erased there
SHARED_AT_START = "instance-start"  # the author of a site an instance published at start (its author is in its store's audit)
RETRY_SECONDS = 2
PUT_BACK_ATTEMPTS = 5  # puts back of the sites, each redone when another instance's changed them meanwhile


def _unavailable(what: str, error: Exception) -> web.HTTPServiceUnavailable:
    log.warning("%s could not be shared on Redis (%s): refused with 503", what, type(error).__name__)
    return web.HTTPServiceUnavailable(
        text=f"{what} could not be shared with the other instances on Redis, which would go on without it: "
             "send it again once Redis answers", reason="State Unavailable", headers={"Retry-After": str(RETRY_SECONDS)})


#: an erasure put back (KEYS: ERASED, ERASURES; ARGV: "site/session", author), into the stream only if the hash
#: lacked it: instances that already took it are not sent it again
_PUT_BACK_ERASURE_LUA = """
if redis.call('HSETNX', KEYS[1], ARGV[1], cjson.encode({author = ARGV[2]})) == 1 then
  redis.call('XADD', KEYS[2], '*', 'key', ARGV[1], 'author', ARGV[2])
end
"""


class SharedAdmin:
    def __init__(self, redis: aioredis.Redis):
        self.redis = redis
        self.seen: bytes | None = None  # the counter when this instance last took Redis's configurations
        self.epoch: bytes | None = None  # Redis's epoch when this instance last published what it knows
        self.current = False  # the last look at Redis answered: what is in hand is the shared truth
        self.erased: set[bytes] = set()  # the erasures taken (an erasure is made once per instance and run)
        self.erasures_read: bytes | None = None  # the last entry of the erasures' stream read (None: read them all)
        self._put_back_erasure = redis.register_script(_PUT_BACK_ERASURE_LUA)
        self._taking = asyncio.Lock()
        self._follower: asyncio.Task[None] | None = None

    async def start(self, app: web.Application, poll_seconds: float) -> None:
        """Publishes what Redis lacks, then takes what it has; from then on, the app's, looked at before
        every request and every poll_seconds."""
        app[SHARED_ADMIN] = self
        if not await self.fresh(app):
            log.warning("Redis unreachable at start: sites and tokens are shared from the first look it answers")
        self._follower = asyncio.create_task(self._follow(app, poll_seconds))

    async def close(self) -> None:
        if self._follower is not None:
            self._follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follower

    async def _follow(self, app: Mapping[Any, Any], poll_seconds: float) -> None:
        while True:
            await asyncio.sleep(poll_seconds)
            try:
                await self.fresh(app)
            except Exception:  # the next look tries again; what could not be taken is logged where it failed
                log.exception("could not take the changes shared on Redis")

    async def _publish_what_redis_lacks(self, app: Mapping[Any, Any], lost: bool) -> None:
        """The sites and tokens Redis does not have, the tokens this instance knows revoked (a revoke wins:
        the token leaves Redis's live ones) and the erasures of this run; Redis's epoch taken as current.
        lost: Redis lost what it held, and a site's configuration here replaces an older one put back there
        by another instance (at start, Redis's stands: this store's may be from a run long ago)."""
        store = app[STORE]
        await self.redis.setnx(EPOCH, secrets.token_hex(8))
        ours, numbers = await store.sites(), await store.sites_changes()
        if lost:
            await self._put_back_sites(ours, numbers)
        for key in self.erased:  # into the stream too: an instance that started on the empty Redis before
            # this one looked has read the hash already, and reads only the stream from then on
            await self._put_back_erasure(keys=[ERASED, ERASURES], args=[key, SHARED_AT_START])
        revoked = set(map(bytes.decode, await self.redis.hkeys(REVOKED_TOKENS)))
        dead = await store.revoked_tokens()
        async with self.redis.pipeline(transaction=True) as pipe:
            for site, (_, config) in ({} if lost else ours).items():  # (lost: put back above, the newest standing)
                pipe.hsetnx(SITES, site, _site_entry(config, SHARED_AT_START)).hsetnx(CHANGES, site, numbers.get(site, 0))
            for digest, (name, role, sites) in (await store.tokens()).items():
                if name != _admin_name() and digest not in revoked:
                    pipe.hsetnx(SHARED_TOKENS, digest, orjson.dumps({"name": name, "role": role, "sites": sites,
                                                                     "author": SHARED_AT_START}))
            for digest, name in dead.items():
                if digest not in revoked:
                    pipe.hdel(SHARED_TOKENS, digest)
                    pipe.hsetnx(REVOKED_TOKENS, digest, orjson.dumps({"name": name, "author": SHARED_AT_START}))
            pipe.incr(VERSION)
            pipe.get(EPOCH)
            *_, epoch = await pipe.execute()
        self.epoch = epoch

    async def _put_back_sites(self, ours: dict[str, tuple[int, dict[str, Any]]], numbers: dict[str, int]) -> None:
        """Each site's configuration this store holds (ours, with their change numbers), on a Redis that lost what
        it held, where Redis has none or an older one (another instance, which had not taken the last change, put
        back the one before)."""
        for attempt in range(PUT_BACK_ATTEMPTS):
            async with self.redis.pipeline(transaction=True) as pipe:
                try:
                    await pipe.watch(SITES, CHANGES)
                    theirs, their_numbers = await pipe.hgetall(SITES), await pipe.hgetall(CHANGES)
                    pipe.multi()
                    for site, (_, config) in ours.items():
                        number = numbers.get(site, 0)
                        if site.encode() not in theirs or int(their_numbers.get(site.encode(), 0)) < number:
                            pipe.hset(SITES, site, _site_entry(config, SHARED_AT_START)).hset(CHANGES, site, number)
                    await pipe.execute()
                    return
                except WatchError:  # another instance put back or changed a site meanwhile: compare again
                    if attempt == PUT_BACK_ATTEMPTS - 1:
                        raise

    async def publish(self, site: str, config: dict[str, Any], author: str) -> int:
        """A change saved in this instance's store, for the others; returns its change number. Raises
        HTTPServiceUnavailable."""
        try:
            written = await self._change(lambda pipe: pipe.hset(SITES, site, _site_entry(config, author))
                                         .hincrby(CHANGES, site, 1))
        except (RedisError, OSError) as error:
            raise _unavailable(f"the change of {site!r} is saved on this instance but", error) from None
        return int(written[1])

    async def publish_token(self, digest: str, name: str, role: str, sites: list[str], author: str) -> None:
        """A token made in this instance's store, for the others. Raises HTTPServiceUnavailable."""
        entry = orjson.dumps({"name": name, "role": role, "sites": sites, "author": author})
        try:
            await self._change(lambda pipe: pipe.hset(SHARED_TOKENS, digest, entry))
        except (RedisError, OSError) as error:
            raise _unavailable(f"the token {name!r}", error) from None

    async def publish_revoke(self, digests: list[str], name: str, author: str) -> None:
        """Tokens to revoke, for every instance: on Redis first (a revoke that could not be shared is
        not made here either, so it can be sent again). Raises HTTPServiceUnavailable."""
        entry = orjson.dumps({"name": name, "author": author})

        def revoke(pipe: Any) -> None:
            pipe.hdel(SHARED_TOKENS, *digests)
            pipe.hset(REVOKED_TOKENS, mapping={digest: entry for digest in digests})
        try:
            await self._change(revoke)
        except (RedisError, OSError) as error:
            raise _unavailable(f"the revocation of token {name!r}", error) from None

    async def publish_erasure(self, site: str, session: str, author: str) -> None:
        """A session erased here, to be erased from every other instance's store too (with their own
        data directories, each holds the batches the balancer sent it). Raises HTTPServiceUnavailable."""
        key = f"{site}/{session}"
        try:
            await self._change(lambda pipe: pipe.hset(ERASED, key, orjson.dumps({"author": author}))
                               .xadd(ERASURES, {"key": key, "author": author}))
        except (RedisError, OSError) as error:
            raise _unavailable(f"the erasure of session {session!r} is made on this instance but", error) from None
        self.erased.add(key.encode())

    async def _change(self, write: Any) -> list[Any]:
        async with self.redis.pipeline(transaction=True) as pipe:
            write(pipe)
            pipe.incr(VERSION)
            return await pipe.execute()

    async def fresh(self, app: Mapping[Any, Any]) -> bool:
        """The configurations another instance published since the last look, taken and compiled. False
        when Redis did not answer (self.current: the configuration in hand serves what needs no other
        instance's word)."""
        try:
            version, epoch = await self.redis.mget(VERSION, EPOCH)
        except (RedisError, OSError):
            self.current = False
            return False
        if version == self.seen and epoch == self.epoch and epoch is not None:
            self.current = True
            return True
        async with self._taking:  # the requests that come meanwhile wait for this one take
            try:
                if epoch is None or epoch != self.epoch:  # a Redis that lost what it held (or this one's start)
                    await self._publish_what_redis_lacks(app, lost=epoch is None or self.epoch is not None)
                    self.erasures_read = None
                async with self.redis.pipeline(transaction=True) as pipe:
                    pipe.get(VERSION).hgetall(SITES).hgetall(CHANGES).hgetall(SHARED_TOKENS).hgetall(REVOKED_TOKENS)
                    version, shared, numbers, tokens, revoked = await pipe.execute()
                erased, last = await self._erasures_since()
            except (RedisError, OSError):
                self.current = False
                return False
            self.current = True
            if version == self.seen:
                return True
            complete = await self._take(app, shared, numbers)
            complete = await self._take_tokens(app, tokens, revoked) and complete
            if await self._take_erasures(app, erased):
                self.erasures_read = last
            else:
                complete = False
            # also what another process sharing this store took or changed (two instances on one data
            # directory): only sites whose stored version moved are compiled
            from redactor import admin  # (admin imports workers, which imports this)
            await admin.load_sites(app)
            if complete:  # else the next request looks again
                self.seen = version
            return True

    async def _take(self, app: Mapping[Any, Any], shared: dict[bytes, bytes], numbers: dict[bytes, bytes]) -> bool:
        """Takes into the store what differs from it, with its change number; False when some could not be,
        for now."""
        store, taken, complete = app[STORE], 0, True
        ours = await store.sites_changes()
        for name, raw in shared.items():
            site = name.decode()
            stored = await store.site(site)
            if stored is not None and stored[1] == orjson.loads(raw)["config"]:
                if ours.get(site, 0) < int(numbers.get(name, 0)):  # the same configuration, changed again there
                    await store.site_changed(site, int(numbers[name]))
                continue
            async with store.changing():
                # read again under the lock every change of this store takes (a change publishes
                # before it lets go): the copy read above may predate a change another worker made
                # since, which it would undo
                version, before = await store.site(site) or (0, None)
                try:
                    async with self.redis.pipeline(transaction=True) as pipe:
                        raw, number = await pipe.hget(SITES, site).hget(CHANGES, site).execute()
                    entry, number = orjson.loads(raw), int(number or 0)
                    if before == entry["config"]:
                        await store.site_changed(site, number)
                        continue
                    await store.put_site(site, entry["config"], entry["author"], ACTION, before, version, number)
                    taken += 1
                except (SiteMoved, RedisError, OSError):  # the next look compares again
                    complete = False
                except (SdkKeysTaken, StorageUnavailable) as error:
                    log.warning("the shared configuration of site %s could not be taken (%s)", site,
                                type(error).__name__)
        if taken:
            log.info("%d site configuration(s) taken from the other instances on Redis", taken)
        return complete

    async def _take_tokens(self, app: Mapping[Any, Any], tokens: dict[bytes, bytes],
                           revoked: dict[bytes, bytes]) -> bool:
        """Takes the tokens made and revoked on other instances into the store, then into the app's
        grants; False when some could not be, for now."""
        from redactor import admin  # (admin imports workers, which imports this)

        store = app[STORE]
        try:
            live, dead = await store.tokens(), await store.revoked_tokens()
            changed = 0
            for raw_digest, raw in revoked.items():
                digest = raw_digest.decode()
                if digest in live:
                    entry = orjson.loads(raw)
                    name, role, sites = live[digest]
                    changed += await store.revoke_token(name, entry["author"], admin.grant_of(name, role, sites).describe(),
                                                        token_hash=digest, action=REVOKE_ACTION)
            for raw_digest, raw in tokens.items():
                digest = raw_digest.decode()
                if digest in live or digest in dead or raw_digest in revoked:
                    continue  # a token revoked here is never taken back
                entry = orjson.loads(raw)
                await store.add_token(entry["name"], digest, entry["role"], entry["sites"], entry["author"],
                                      action=TOKEN_ACTION)
                changed += 1
            if changed:
                await admin.reload_grants(app)
                log.info("%d token change(s) taken from the other instances on Redis", changed)
        except StorageUnavailable as error:
            log.warning("the shared tokens could not be taken (%s)", type(error).__name__)
            return False
        return True

    async def _erasures_since(self) -> tuple[dict[bytes, bytes], bytes | None]:
        """The erasures made since the last read ("site/session" → {"author": …}), and the stream's last entry
        then: every one ever made when none was read yet (this instance's start, a Redis that lost what it
        held). Each look costs what was erased since, not what was erased ever."""
        if self.erasures_read is not None:
            entries = await self.redis.xrange(ERASURES, min=b"(" + self.erasures_read)
            return ({fields[b"key"]: orjson.dumps({"author": fields[b"author"].decode()}) for _, fields in entries},
                    entries[-1][0] if entries else self.erasures_read)
        async with self.redis.pipeline(transaction=True) as pipe:  # the whole, and where the stream is then
            erased, last = await pipe.hgetall(ERASED).xrevrange(ERASURES, count=1).execute()
        return erased, last[0][0] if last else b"0-0"

    async def _take_erasures(self, app: Mapping[Any, Any], erased: dict[bytes, bytes]) -> bool:
        """Erases from the store the sessions erased through other instances; False when some could
        not be, for now. Their state on Redis went with the erasure (the instance that made it deleted
        it): not deleted again here, where a session started since under the same id would lose it (an
        instance that starts takes every erasure ever shared). A local copy of the old state is never
        used, its version and epoch being checked against Redis's first."""
        for key in erased.keys() - self.erased:
            site, session = key.decode().split("/", 1)
            try:
                if await app[STORE].erase_session(site, session, orjson.loads(erased[key])["author"], ERASE_ACTION):
                    log.info("a session of site %s erased through another instance is erased here", site)
            except StorageUnavailable:
                return False
            self.erased.add(key)
        return True


def _site_entry(config: dict[str, Any], author: str) -> bytes:
    return orjson.dumps({"config": config, "author": author})


def _admin_name() -> str:
    from redactor.admin import ADMIN_AUTHOR  # (admin imports workers, which imports this)

    return ADMIN_AUTHOR
