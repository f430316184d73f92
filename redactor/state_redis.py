"""Session state on Redis (`--state redis://host:port/db`): one truth for every process and instance.

The same interface as the in-process SessionStates (`async with states.session(site, session, run)
as mirror`, then `await states.commit(site, session, mirror)` before the batch leaves, and
`states.discard(site, session)` if it is refused after all), so pipeline.py does
not know which one it has. Per session, under the hash tag `{site:session}` (one Redis Cluster
slot: the Lua scripts touch several keys):

    redactor:{site:session}:state   hash  seq   batches committed (the version)
                                          epoch  8 random bytes, written when the hash is created: the
                                                 version of a state created anew starts again from 0
                                          mirror, mver   the sealed mirror blob, whole (DomMirror.dump(saved=False),
                                                         the taint's keyed hashes included), and the seq
                                                         that last wrote the mirror (whole or changes)
    redactor:{site:session}:changes list  the sealed changes of each batch since the whole blob
                                          (DomMirror.dump_changes), in order
    redactor:{site:session}:lock    string  a random token while one process redacts a batch
    redactor:{site:session}:undo    list  the changes a commit replaced, until its batch is delivered
    redactor:{site:session}:pending set   the numbers of batches committed but not known delivered
    redactor:{site:session}:kept    string  what protects the session (sessions.kept_state), sealed

and per site, under the site's own hash tag:

    redactor:sessions:{site}        zset  the site's live sessions, scored by when each gives its place
                                          back (max_sessions_per_site, as in process)

They expire after session_idle_seconds without a batch, but `kept`, which lives state_keep_seconds
(30 days), or the site's retention_days when that is shorter (nothing of a session outlives what the
site keeps of it, even with `--upstream`, where no store erases it): the session id outlives its idle state, so
a session whose state expired starts from its sticky flags, floor, taint and batch numbers, never
from nothing; in process it starts from the same (sessions.expired), so one instance and several agree (a "show password" snapshot after a pause is still masked).

Why these choices:
- **A lock and a version.** The lock (SET NX PX, renewed while held, released by compare-and-delete)
  makes a session's batches wait for each other across processes, so the second batch sees what
  the first taught the mirror. The lock alone is not enough (a process can stall past its lease),
  so the write is guarded by the version this batch read: a Lua script writes only if `seq` is
  still that number, in the same epoch. If it moved, StateMoved is raised before anything of the
  batch leaves; the app redoes the batch on the state that moved (pipeline.take_batch).
- **An epoch with the version.** `seq` and `mver` count from 0 again when a session's hash is
  created anew (it expired after session_idle_seconds, Redis was flushed or restarted empty), so a
  number alone could name two states: a process's copy of the old one would pass for the new one
  at the same number (another page's fields, a password field taken for a search box). The commit
  that creates the hash gives it a random epoch; reads and writes compare version and epoch.
- **Pending until delivered.** The commit precedes delivery, so a process that dies in between
  (SIGKILL) leaves a batch committed that nobody stored or forwarded. Its number joins the
  session's `pending` set at commit and leaves it only when that batch is delivered; a resend of
  any number still pending is redacted again (sessions.batch_order), not answered as a duplicate,
  whatever batches other processes took after it. It is redone on the session's state as it is
  now, as a batch that comes late is: that state already holds what the batch taught it (its
  first commit) and maybe what later batches did. The output can then differ from what the first
  redaction would have forwarded, only towards masking: what protects a node id only grows in a
  session (sticky flags, each id's floor, which survives snapshots and pages, the taint), and an
  event for a node the state no longer knows is masked (fail closed). Redoing it on the state
  before it instead would need that state kept per pending batch, for a rare case.
- **Undone when refused.** The commit precedes delivery (above), so a batch the collector or a full
  spool then refuses has its state and number in Redis; in process its state is never saved. The
  commit keeps what it replaced (undo_* fields, the `undo` list) until the batch is delivered;
  refused, the release puts it back (if no commit came after it), so its resend is taken, on the
  state before it, not answered as a duplicate.
- **Only what changed.** Every batch bumps `seq` (a few bytes). A batch that changed the mirror
  (snapshots, mutations, attribute changes, a new value in the taint; a batch of keystrokes,
  clicks and scrolls does not) appends its changes, the rows it touched (sessions.state_to_save);
  the mirror is written whole again, and the changes dropped, once they add up to more than it.
  A reader fetches the blobs only when its version differs from the copy it has.
- **A local cache that checks the version.** Each process keeps the last mirror it committed with
  its version and epoch; the round trip that takes the lock tells whether it is still current
  (both the same), and returns the blob only when it is not.
- **Sealed.** The blob holds what the in-process state keeps in memory only (the words of labels,
  attribute values cut to 256 characters). Redis may persist it (RDB, AOF, replicas), so it is
  encrypted with AES-GCM under a key derived from the server secret, bound to its key and field:
  Redis only ever holds ciphertext.
- **One site cannot fill Redis.** A session new to this process is admitted to its site's roster
  first (_ADMIT): past max_sessions_per_site live ones, 429 with the seconds until the first gives
  its place back. A session holds its place session_idle_seconds after its last batch once it has a
  page, session_probation_seconds before (made-up ids by the thousand give theirs back within a
  minute), none once it holds nothing (analytics only). Nor can such sessions leave keys behind: a new
  session that holds nothing writes none (commit), and a session without a page keeps its state and
  `kept` keys only as long as its place (session_probation_seconds), not for the idle timeout.
- **Fail closed.** Redis unreachable or slow (state_timeout_seconds): StateUnavailable, answered
  503 `state_unavailable` with Retry-After (`state_full` when Redis refuses writes at its maxmemory); no batch is redacted without its state (a broken
  connection is retried once on a new one first: Redis restarted is not Redis down). A session
  whose state expired starts from what was kept of it (no nodes: an event for a node it does not
  know is treated as sensitive until the next snapshot); one whose state was lost (Redis restarted
  without persistence) starts again empty and, its batch numbered past 0, is marked lost: its pages
  are masked for the rest of the session (pipeline.mark_state_lost), the echoes of what was typed
  before being past telling.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import logging
import math
import os
import secrets
import time
import zlib
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import redis.asyncio as aioredis
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, RedisError

from redactor.dom import DomMirror
from redactor.scheduling import gc_paused, inline
from redactor.sessions import (SavedState, SiteFull, expired, holds_nothing, kept_state, live_bytes, load_saved,
                               note_saved, state_to_save)
from redactor.taint import MAX_TAINT_VALUES

log = logging.getLogger("redactor.state")

Key = tuple[str, str]

#: takes the session's lock and, if it got it, reads the version, and the blobs if the caller's copy
#: is not that version: one round trip (each one costs a context switch to redis-server on a busy host).
#: A session without a mirror (its state expired after session_idle_seconds, or never was) gives what
#: was kept of it for longer (`kept`: see _COMMIT).
#: The caller's copy is current only if both its mirror version and its epoch are the state's: the
#: version starts again from 0 when the state is created anew (expired, Redis flushed or restarted
#: empty), and only the epoch, random per creation (_COMMIT), tells that state from the one copied.
#: KEYS[1] state, KEYS[2] lock, KEYS[3] changes, KEYS[4] kept, KEYS[5] pending; ARGV: token, lock ms,
#: the mirror version and the epoch the caller has ('' = none). → {0} if another process holds the
#: lock, else {1, seq or false, mver or false, epoch or false, mirror or false, changes, pending batch
#: numbers, kept or false}
_TAKE = """
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
local v = redis.call('HMGET', KEYS[1], 'seq', 'mver', 'epoch')
local pending = redis.call('SMEMBERS', KEYS[5])
if not v[2] then
  return {1, v[1] or false, false, v[3] or false, false, {}, pending, redis.call('GET', KEYS[4]) or false}
end
local mirror, changes = false, {}
if v[2] ~= ARGV[3] or (v[3] or '') ~= ARGV[4] then
  mirror = redis.call('HGET', KEYS[1], 'mirror')
  changes = redis.call('LRANGE', KEYS[3], 0, -1)
end
return {1, v[1], v[2], v[3] or false, mirror, changes, pending, false}
"""

#: writes a batch's state only if the session is still at the version the batch read, in the epoch
#: it read (a state created anew since, at the same number, is another): the mirror whole (the
#: changes before it go), or its changes since the last write, or nothing of it. The commit that
#: creates the state gives it its epoch (ARGV[10], random).
#: The batch's own number (its `seq`, '' if none) joins the `pending` set until the batch was stored
#: or forwarded (_RELEASE removes that number alone): a process that dies in between leaves it
#: pending, whatever batches go through other processes after it, and a resend of that batch is then
#: redacted again, not taken for a duplicate (sessions.batch_order).
#: What the commit replaced is kept (undo_*, and the changes list as `undo changes`) until the batch
#: is delivered: refused (the collector, a full spool), _RELEASE puts it back, so the batch's number
#: is free again and its resend is redacted on the state before it, as in process (where a refused
#: batch's state is never saved).
#: `kept` is what protects the session (DomMirror.dump without nodes: sticky flags, floor, taint,
#: batch numbers, page), written with every mirror, for state_keep_seconds: the state expires after
#: session_idle_seconds, the session id does not, and in process the store keeps the state.
#: A session that never had a page ('short') keeps it only as long as its state, unless it has it
#: for longer already (its page came before the state expired): made-up sessions leave nothing for a month.
#: KEYS[1] state, KEYS[2] changes, KEYS[3] kept, KEYS[4] undo changes, KEYS[5] pending; ARGV: expected
#: seq, ttl ms, blob or '', 'whole' or 'change', the batch's number or '', kept blob or '', kept ttl ms,
#: 'short' or '', expected epoch ('' none), the epoch of a state this commit creates.
#: → {new seq, epoch}, or {-1, false}
_COMMIT = """
local v = redis.call('HMGET', KEYS[1], 'seq', 'epoch')
local seq = tonumber(v[1] or '0')
if seq ~= tonumber(ARGV[1]) or (v[2] or '') ~= ARGV[9] then return {-1, false} end
local old = redis.call('HMGET', KEYS[1], 'mver', 'mirror')
redis.call('HDEL', KEYS[1], 'undo_kind', 'undo_mver', 'undo_pending', 'undo_mirror', 'undo_kept', 'undo_kept_was')
redis.call('DEL', KEYS[4])
if not v[1] then redis.call('HSET', KEYS[1], 'epoch', ARGV[10]) end
seq = seq + 1
local undo = {'undo_seq', seq, 'undo_kind', ARGV[3] == '' and 'none' or ARGV[4]}
if old[1] then table.insert(undo, 'undo_mver'); table.insert(undo, old[1]) end
redis.call('HSET', KEYS[1], 'seq', seq)
if ARGV[5] ~= '' and redis.call('SADD', KEYS[5], ARGV[5]) == 1 then
  -- pending since this commit (not a redo of a batch pending already): undone, it is not pending
  table.insert(undo, 'undo_pending'); table.insert(undo, ARGV[5])
end
if ARGV[3] ~= '' then
  if ARGV[4] == 'whole' then
    if old[2] then table.insert(undo, 'undo_mirror'); table.insert(undo, old[2]) end
    if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) end
    redis.call('HSET', KEYS[1], 'mirror', ARGV[3], 'mver', seq)
  else
    redis.call('RPUSH', KEYS[2], ARGV[3])
    redis.call('HSET', KEYS[1], 'mver', seq)
  end
end
local keep = ARGV[7]
if ARGV[8] == 'short' then keep = math.max(tonumber(ARGV[2]), redis.call('PTTL', KEYS[3])) end
if ARGV[6] ~= '' then
  local kept = redis.call('GET', KEYS[3])
  table.insert(undo, 'undo_kept_was'); table.insert(undo, kept and '1' or '0')
  if kept then table.insert(undo, 'undo_kept'); table.insert(undo, kept) end
  redis.call('SET', KEYS[3], ARGV[6], 'PX', keep)
else
  redis.call('PEXPIRE', KEYS[3], keep)  -- a batch that changed nothing still says the session lives
end
redis.call('HSET', KEYS[1], unpack(undo))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[4], ARGV[2])
redis.call('PEXPIRE', KEYS[5], ARGV[2])
return {seq, redis.call('HGET', KEYS[1], 'epoch') or false}
"""

#: admits a session to its site's roster of live sessions, if it is there or the site has room.
#: KEYS[1] roster; ARGV: session, now ms, probation ms, max sessions, the roster's ttl ms.
#: → 0 admitted, else the milliseconds until the first of the site's sessions gives its place back
_ADMIT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(first[2]) - tonumber(ARGV[2]))
end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 0
"""
#: a session's place after a batch that went through: until the given time (ms), or given back ('')
_PLACE = """
if ARGV[2] == '' then return redis.call('ZREM', KEYS[1], ARGV[1]) end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return redis.call('PEXPIRE', KEYS[1], ARGV[3])
"""

#: the lock is ours only while it holds our token: renew and release compare first
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
#: KEYS[1] lock, KEYS[2] state, KEYS[3] changes, KEYS[4] kept, KEYS[5] undo changes, KEYS[6] pending;
#: ARGV: token, '1' if the batch was stored or forwarded (its number is no longer pending: a resend of
#: it is a duplicate; what its commit replaced goes), 'undo' if it was refused after its commit (what
#: the commit replaced is put back, if no commit came after it: the lock was ours), '' if not known
#: (a process that failed between: the batch stays pending), kept ttl ms, the batch's number or ''.
#: A delivered batch's number leaves `pending` even when the lock is no longer ours (it expired under
#: the batch): that removes this number alone, whoever holds the session, and left pending, a resend of
#: the batch would be redacted and forwarded twice. Undoing a commit does need the lock (a commit may
#: have come after it).
_RELEASE = """
if ARGV[2] == '1' and ARGV[4] ~= '' then redis.call('SREM', KEYS[6], ARGV[4]) end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local u = redis.call('HMGET', KEYS[2], 'undo_seq', 'seq', 'undo_kind', 'undo_mver', 'undo_pending', 'undo_mirror',
                     'undo_kept_was', 'undo_kept')
if ARGV[2] == 'undo' and u[1] and u[1] == u[2] then
  if u[3] == 'change' then
    redis.call('RPOP', KEYS[3])
  elseif u[3] == 'whole' then
    redis.call('DEL', KEYS[3])
    if redis.call('EXISTS', KEYS[5]) == 1 then redis.call('RENAME', KEYS[5], KEYS[3]) end
    if u[6] then redis.call('HSET', KEYS[2], 'mirror', u[6]) else redis.call('HDEL', KEYS[2], 'mirror') end
  end
  if u[4] then redis.call('HSET', KEYS[2], 'mver', u[4]) else redis.call('HDEL', KEYS[2], 'mver') end
  if u[5] then redis.call('SREM', KEYS[6], u[5]) end
  if u[7] == '1' then redis.call('SET', KEYS[4], u[8], 'PX', ARGV[3])
  elseif u[7] == '0' then redis.call('DEL', KEYS[4]) end
  redis.call('HINCRBY', KEYS[2], 'seq', 1)  -- a version no reader of the undone one holds
end
if ARGV[2] ~= '' then
  redis.call('HDEL', KEYS[2], 'undo_seq', 'undo_kind', 'undo_mver', 'undo_pending', 'undo_mirror', 'undo_kept',
             'undo_kept_was')
  redis.call('DEL', KEYS[5])
end
return redis.call('DEL', KEYS[1])
"""


#: a lock is renewed this often within its lease: a renewal late by most of a lease still holds it
RENEWALS_PER_LEASE = 3
#: AES-GCM's nonce: 96 bits, the size it is defined for (random per seal; NIST SP 800-38D)
NONCE_BYTES = 12
#: a state's epoch (_COMMIT), random: two creations of one session's state share one with a chance of 2^-64
EPOCH_BYTES = 8


class StateUnavailable(Exception):
    """The session's state cannot be had: the batch is refused (503), never redacted without it."""

    def __init__(self, code: str, detail: str, retry_after: int = 2):
        super().__init__(detail)
        self.code, self.detail, self.retry_after = code, detail, retry_after


class SecretMismatch(RuntimeError):
    """This instance's server secret is not the one of the instances already on this Redis."""


#: the fingerprint of the deployment's secret (state_redis.check_secret)
SECRET_CHECK = "redactor:secret-check"
#: the deployment's secret itself, published by the first instance that made its own (share_secret)
SECRET_SHARED = "redactor:secret"


def on_this_host(url: str) -> bool:
    """A Redis only this machine reaches (a unix socket, a loopback address): what it holds, the
    machine's users could read in the instances' data directories too."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return True
    try:
        return parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname or "").is_loopback
    except ValueError:
        return False


async def share_secret(url: str, own: bytes, timeout: float) -> bytes | None:
    """The secret of the instances on this Redis: the one published there, or `own`, published now
    if there was none. None when Redis does not answer (the instance starts on its own secret, and
    a batch it cannot open the others' state for is refused: RedisStates.check_secret)."""
    redis = aioredis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        await redis.set(SECRET_SHARED, own, nx=True)  # no expiry, as SECRET_CHECK
        return await redis.get(SECRET_SHARED)
    except (RedisError, OSError) as error:
        log.warning("Redis unreachable at start (%s): this instance keeps the secret of its data directory",
                    type(error).__name__)
        return None
    finally:
        await redis.aclose()


class StateMoved(Exception):
    """Another process committed this session after this batch read it: redo the batch."""


def keys(site: str, session: str) -> tuple[str, str, str]:
    """A session's state, lock and changes keys."""
    # site names and session ids cannot hold braces (keys.NAME): the tag is exactly {site:session}
    tag = f"redactor:{{{site}:{session}}}"
    return f"{tag}:state", f"{tag}:lock", f"{tag}:changes"


def more_keys(site: str, session: str) -> tuple[str, str, str]:
    """A session's kept key (what protects it, past the idle timeout), the changes a commit
    replaced until its batch is delivered, and the numbers of its batches committed but not known
    delivered (_COMMIT): the same hash tag."""
    tag = f"redactor:{{{site}:{session}}}"
    return f"{tag}:kept", f"{tag}:undo", f"{tag}:pending"


def roster_key(site: str) -> str:
    """A site's live sessions (_ADMIT), under the site's own hash tag."""
    return f"redactor:sessions:{{{site}}}"


@dataclass
class _Cached:
    mirror: DomMirror
    seq: int
    mver: int | None
    epoch: bytes  # of the state it was committed to (_TAKE: a state created anew has another)


@dataclass
class _Lease:
    token: str
    run: Callable[..., Any]  # where blobs are sealed and opened (a redaction thread, off the loop)
    seq: int = 0  # the version this batch read
    mver: int | None = None
    epoch: bytes = b""  # the epoch of the state it read (b"": none, a state not created yet)
    number: int | str | None = None  # what the batch is pending under until it is delivered (sessions.pending_name)
    renewing: asyncio.Task | None = None
    committed: bool = False
    discarded: bool = False  # the batch was refused after its commit (the collector refused it)
    delivered: bool = False  # the block ended after its commit without an error: the batch was stored or forwarded
    keep_ms: int = 0  # how long the session's kept key lives (its site's retention, at most state_keep_seconds)
    let_go: bool = False  # the session holds nothing after its batch (sessions.holds_nothing): no place kept
    unwritten: bool = False  # committed without a write: a new session that holds nothing (commit)


class RedisStates:
    saved_with_batches = False  # the state is here, not in the store

    def __init__(self, url: str, secret: bytes, idle_seconds: float = 1800.0, hot: int = 32,
                 timeout: float = 2.0, lock_wait: float = 10.0, lock_seconds: float = 5.0,
                 max_taint_values: int = MAX_TAINT_VALUES, keep_seconds: float = 30 * 86_400.0,
                 max_per_site: int = 5_000, probation_seconds: float = 60.0,
                 on_limit: Callable[[str], None] | None = None):
        # socket timeouts bound every command: a Redis that stops answering fails the batch, it
        # does not hang it (no retry on a timeout: the client's retry is the retry). A connection
        # error is retried once, on a new connection: after Redis restarted, the pooled
        # connections are dead and the first command must not fail on one while Redis is up
        # (a script that ran before the connection broke is safe to send again: _TAKE then
        # waits for its own lock to expire, _COMMIT finds its version moved and the batch is redone)
        self.redis = aioredis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                             retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
                                             health_check_interval=30)
        self._key = hmac.new(secret, b"redactor session state v1", hashlib.sha256).digest()
        self._aead = AESGCM(self._key)
        self.ttl_ms = max(1000, int(idle_seconds * 1000))
        self.redis_timeout = timeout
        self.keep_ms = max(self.ttl_ms, int(keep_seconds * 1000))
        self.probation_ms = min(self.ttl_ms, max(1, int(probation_seconds * 1000)))
        self.max_per_site = max_per_site
        self._on_limit = on_limit or (lambda limit: None)
        self.hot = hot
        self.max_taint_values = max_taint_values
        self.lock_wait = lock_wait
        self.lock_ms = int(lock_seconds * 1000)
        self._cache: OrderedDict[Key, _Cached] = OrderedDict()
        self._local: dict[Key, asyncio.Lock] = {}  # FIFO within the process: one poller per session
        self._users: dict[Key, int] = {}  # batches holding or waiting for each local lock
        self._held: dict[Key, _Lease] = {}
        self._take = self.redis.register_script(_TAKE)
        self._commit = self.redis.register_script(_COMMIT)
        self._renew = self.redis.register_script(_RENEW)
        self._release = self.redis.register_script(_RELEASE)
        self._admit = self.redis.register_script(_ADMIT)
        self._place = self.redis.register_script(_PLACE)
        self._tasks: set[asyncio.Task] = set()

    # -- the interface pipeline.py uses------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._cache)

    def cold_bytes(self) -> int:
        return 0  # nothing is kept frozen here: Redis holds the blobs

    def hot_bytes(self) -> int:
        return sum(live_bytes(cached.mirror) for cached in self._cache.values())

    def site_sessions(self) -> dict[str, int]:
        return dict(Counter(site for site, _ in self._cache))

    async def ready(self) -> bool:
        try:
            return bool(await self.redis.ping())
        except (RedisError, OSError):
            return False

    async def check_secret(self) -> None:
        """Instances on one Redis must share the server secret (masks, page digests and the seal
        depend on it). The first to start leaves a fingerprint of it (an HMAC: not the secret);
        one with another secret refuses to start, rather than answer 503 for every batch of every
        session the others began. Redis down at start: checked batch by batch instead (the seal)."""
        fingerprint = hmac.new(self._key, b"fingerprint", hashlib.sha256).hexdigest()
        try:
            # no expiry: after a deliberate rotation of the secret, delete the key (docs/scaling.md)
            await self.redis.set(SECRET_CHECK, fingerprint, nx=True)
            stored = await self.redis.get(SECRET_CHECK)
        except (RedisError, OSError) as error:
            log.warning("Redis unreachable at start (%s): batches get 503 until it answers", type(error).__name__)
            return
        if stored is not None and stored.decode() != fingerprint:
            log.error("the instances already on this Redis use another server secret: give every instance the "
                      "same secret (secret_file, or the same data_dir/secret.key); see docs/scaling.md")
            await self.redis.aclose()
            raise SecretMismatch("another server secret than the instances already on this Redis")

    async def close(self) -> None:
        if self._tasks:  # erasures and roster places: a round trip each; a Redis gone does not hold the exit
            await asyncio.wait(list(self._tasks), timeout=self.redis_timeout)
        for task in list(self._tasks):
            task.cancel()
        await self.redis.aclose()

    @asynccontextmanager
    async def session(self, site: str, session: str, run: Callable[..., Any] = inline) -> AsyncIterator[DomMirror]:
        """The session's mirror, held exclusively across processes until the block ends. Call
        commit() before anything of the batch leaves. A block that raises before commit() leaves
        Redis as it was; either way it drops the local copy (the failed batch may have changed it),
        and the next batch reads the state from Redis."""
        key = (site, session)
        state_key, lock_key, changes_key = keys(site, session)
        kept_key, _, pending_key = more_keys(site, session)
        if key not in self._cache and key not in self._users:  # not known live here: its site's roster says
            await self._admitted(site, session)
        local = self._local.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with local:
                lease = None
                try:
                    lease, read, cached = await self._acquire(
                        key, (state_key, lock_key, changes_key, kept_key, pending_key), run)
                    mirror = await self._load(key, state_key, lease, read, cached)
                    self._held[key] = lease
                    lease.renewing = asyncio.create_task(self._keep(lock_key, lease.token))
                    yield mirror
                    if not lease.committed or lease.discarded or lease.unwritten:  # nothing saved, or the
                        self._cache.pop(key, None)                                 # batch was refused
                    if lease.committed and not lease.discarded:
                        lease.delivered = True
                        self._in_background(self._placed(site, session, None if lease.let_go else
                                                         self.ttl_ms if mirror.nodes else self.probation_ms))
                except (StateMoved, StateUnavailable):
                    # raised by a commit (this session's or another of the batch's), which comes
                    # before anything of the batch leaves: what this session's commit wrote is undone
                    self._cache.pop(key, None)
                    if lease is not None:
                        lease.discarded = True
                    raise
                except BaseException:
                    self._cache.pop(key, None)
                    raise
                finally:
                    self._held.pop(key, None)
                    if lease is not None:
                        await self._let_go(site, session, lease)
        finally:
            self._users[key] -= 1
            if not self._users[key]:  # nobody holds or waits for it: the local lock goes
                del self._users[key], self._local[key]

    def let_go(self, site: str, session: str) -> None:
        """A mirror that holds nothing (sessions.holds_nothing) after a batch that went through: it
        gives its place in its site's roster back; its state stays as committed."""
        self._held[(site, session)].let_go = True

    def discard(self, site: str, session: str) -> None:
        """The batch holding the session was refused: the local copy goes, and what its commit wrote
        is undone when the session is let go (_RELEASE): Redis has the state before it."""
        self._held[(site, session)].discarded = True

    async def commit(self, site: str, session: str, mirror: DomMirror, number: int | str | None = None,
                     retention_days: int | None = None) -> None:
        """Writes the batch's state, atomically with the session's version; number: what the batch is
        pending under until it is delivered (its seq, or its digest: sessions.pending_name);
        retention_days: the site's, which bounds how long what protects the session is kept.
        StateMoved if another process wrote the session since this batch read it; StateUnavailable
        if Redis is gone."""
        key = (site, session)
        lease = self._held[key]
        if not lease.seq and number is None and not mirror.pending_seqs and holds_nothing(mirror):
            # a session new to Redis whose batch left it nothing to protect (analytics events under a
            # made-up id): nothing is written, no key of it is left for the idle timeout
            lease.committed = lease.unwritten = True
            return
        state_key, _, changes_key = keys(site, session)
        kept_key, undo_key, pending_key = more_keys(site, session)
        state, blob, kept = await lease.run(self._sealed_state, state_key, mirror)
        lease.keep_ms = self.keep_ms if retention_days is None else max(
            self.ttl_ms, min(self.keep_ms, retention_days * 86_400_000))
        try:
            # a session without a page holds its site's place session_probation_seconds, and its keys
            # live as long: made-up ids cannot fill Redis past max_sessions_per_site of them
            written = await self._commit(keys=[state_key, changes_key, kept_key, undo_key, pending_key],
                                         args=[lease.seq, self.ttl_ms if mirror.nodes else self.probation_ms, blob,
                                               "whole" if state is None or state.whole
                                               else "change", "" if number is None else number, kept, lease.keep_ms,
                                               "" if mirror.nodes else "short", lease.epoch,
                                               secrets.token_bytes(EPOCH_BYTES)])
        except (RedisError, OSError) as error:
            raise _unavailable(error) from None
        seq, epoch = int(written[0]), written[1] or b""
        if seq < 0:
            log.warning("session state moved under a batch (site %s): redone on the new state", site)
            raise StateMoved()
        lease.committed, lease.number = True, number
        note_saved(mirror, state)
        self._cache[key] = _Cached(mirror, seq, seq if blob else lease.mver, epoch)
        self._cache.move_to_end(key)
        while len(self._cache) > self.hot:
            self._cache.popitem(last=False)

    def forget(self, site: str, session: str) -> None:
        """The session was erased: its state goes too (in the background: callers are sync)."""
        self._cache.pop((site, session), None)
        self._in_background(self._delete(site, session))
        self._in_background(self._placed(site, session, None))

    def _in_background(self, work: Awaitable[None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- the parts ----------------------------------------------------------------------------
    async def _acquire(self, key: Key, redis_keys: tuple[str, str, str, str, str],
                       run: Callable[..., Any]) -> tuple[_Lease, list, _Cached | None]:
        """The lock, and the session's state as of it. Another process holding the session: polled
        (2 ms doubling to 20 ms) until lock_wait, then 503 session_busy."""
        token = secrets.token_hex(16)
        cached = self._cache.get(key)
        have = str(cached.mver) if cached and cached.mver is not None else ""
        have_epoch = cached.epoch if cached and cached.mver is not None else b""
        deadline = time.monotonic() + self.lock_wait
        pause = 0.002
        try:
            while not (read := await self._take(keys=list(redis_keys),
                                                args=[token, self.lock_ms, have, have_epoch]))[0]:
                if time.monotonic() > deadline:
                    raise StateUnavailable("session_busy", "another process has held this session for "
                                           f"{self.lock_wait:g}s; retry later", retry_after=1)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.02)
        except (RedisError, OSError) as error:
            raise _unavailable(error) from None
        # the copy the version was asked against (the cache may have let it go while we waited)
        return _Lease(token, run), [None if value is False else value for value in [*read[1:], *[None] * 7][:7]], cached

    async def _load(self, key: Key, state_key: str, lease: _Lease, read: list, cached: _Cached | None) -> DomMirror:
        self._cache.pop(key, None)  # back in the cache only with the state of a committed batch
        seq, mver, epoch, mirror_blob, changes, pending, kept = read
        if seq is not None:
            lease.seq = int(seq)
        lease.mver = int(mver) if mver is not None else None
        lease.epoch = epoch or b""
        if mirror_blob is not None:
            mirror = await lease.run(self._open_mirror, state_key, mirror_blob, changes or [])
        elif (cached is not None and lease.mver is not None and cached.mver == lease.mver
              and cached.epoch == lease.epoch):
            mirror = cached.mirror  # the version we hold: nobody changed the mirror since our commit
        elif kept is not None:
            # its state expired (idle), the session did not: what protects it, without the page's
            # nodes (an event for a node it does not know is masked until the next snapshot)
            mirror = await lease.run(self._open_kept, state_key, kept)
        else:  # a new session: start empty (unknown nodes fail closed)
            mirror = DomMirror()
        # batches committed but maybe never stored nor forwarded (their process died): a resend of
        # any of them is redone, even after later batches (as a late batch is: module docstring)
        pending = [name.decode() for name in pending or ()]  # numbers, and digests of unnumbered batches (pending_name)
        mirror.pending_seqs = frozenset(int(name) for name in pending if not name.startswith("u:"))
        mirror.pending_digests = frozenset(name[2:] for name in pending if name.startswith("u:"))
        mirror.taint.limit = self.max_taint_values
        return mirror

    async def _admitted(self, site: str, session: str) -> None:
        """Takes a place in the site's roster of live sessions, or raises SiteFull (429)."""
        try:
            wait_ms = int(await self._admit(keys=[roster_key(site)], args=[
                session, int(time.time() * 1000), self.probation_ms, self.max_per_site, self.ttl_ms]))
        except (RedisError, OSError) as error:
            raise _unavailable(error) from None
        if wait_ms:
            self._on_limit("site_sessions")
            raise SiteFull(site, self.max_per_site, max(1, math.ceil(wait_ms / 1000)))

    async def _placed(self, site: str, session: str, hold_ms: int | None) -> None:
        """The session keeps its place for hold_ms from now (None: gives it back). In the background:
        the roster is a bound on a site's sessions, not what protects them; lost, a place frees early."""
        until = "" if hold_ms is None else int(time.time() * 1000) + hold_ms
        try:
            await self._place(keys=[roster_key(site)], args=[session, until, self.ttl_ms])
        except (RedisError, OSError):
            log.warning("a session's place in its site's roster could not be kept (Redis): it frees early")

    async def _keep(self, lock_key: str, token: str) -> None:
        """Renews the lock while the batch is being redacted (detection can take seconds)."""
        try:
            while True:
                await asyncio.sleep(self.lock_ms / 1000 / RENEWALS_PER_LEASE)
                if not await self._renew(keys=[lock_key], args=[token, self.lock_ms]):
                    log.warning("a session lock expired under its batch: the version check guards the write")
                    return
        except (RedisError, OSError):
            return  # commit() finds out for itself
        except asyncio.CancelledError:
            return

    async def _let_go(self, site: str, session: str, lease: _Lease) -> None:
        if lease.renewing is not None:
            lease.renewing.cancel()
        state_key, lock_key, changes_key = keys(site, session)
        kept_key, undo_key, pending_key = more_keys(site, session)
        fate = "1" if lease.delivered else "undo" if lease.committed and lease.discarded else ""
        try:
            await self._release(keys=[lock_key, state_key, changes_key, kept_key, undo_key, pending_key],
                                args=[lease.token, fate, lease.keep_ms or self.keep_ms,
                                      "" if lease.number is None else lease.number])
        except (RedisError, OSError):
            # the lock expires by itself after lock_seconds; a refused batch's commit stays (its
            # number pending: its resend is redone, on the state it committed)
            if lease.delivered and lease.number is not None:
                log.warning("a delivered batch's number could not be cleared (Redis): it stays pending, and a "
                            "resend of that batch is redacted and forwarded again")

    async def _delete(self, site: str, session: str) -> None:
        try:
            await self.redis.delete(*keys(site, session), *more_keys(site, session))
        except (RedisError, OSError):
            log.warning("the erased session's state could not be deleted from Redis: it expires after the idle timeout")

    def _sealed_state(self, state_key: str, mirror: DomMirror) -> tuple[SavedState | None, bytes, bytes]:
        """What the batch writes of the mirror (sessions.state_to_save, with label words, as a frozen
        mirror keeps them), whole or its changes, and that compressed and sealed (b"": nothing); and
        with it, what protects the session past its idle timeout (sessions.kept_state), sealed.
        Runs on a redaction thread."""
        state = state_to_save(mirror, saved=False)
        if state is None:
            return None, b"", b""
        return (state, self._seal(state_key, "mirror" if state.whole else "change", zlib.compress(state.blob, 1)),
                self._seal(state_key, "kept", zlib.compress(kept_state(mirror), 1)))

    def _open_kept(self, state_key: str, blob: bytes) -> DomMirror:
        return expired(zlib.decompress(self._open(state_key, "kept", blob)))

    def _open_mirror(self, state_key: str, blob: bytes, changes: list[bytes]) -> DomMirror:
        with gc_paused():  # loads + load of a 2,000-node mirror: 20 → 3 ms without collector passes
            return load_saved(zlib.decompress(self._open(state_key, "mirror", blob)),
                              [zlib.decompress(self._open(state_key, "change", change)) for change in changes])

    def _seal(self, state_key: str, field: str, plain: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plain, f"{state_key}/{field}".encode())

    def _open(self, state_key: str, field: str, sealed: bytes) -> bytes:
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], f"{state_key}/{field}".encode())
        except InvalidTag:  # another secret sealed it (a misconfigured instance), or it was tampered with
            log.error("a session state on Redis does not open with this server's secret: every instance on "
                      "one Redis needs the same secret.key")
            raise StateUnavailable("state_unreadable", "the session's state on Redis was sealed with another "
                                   "server secret: give every instance sharing this Redis the same "
                                   "data_dir/secret.key (docs/scaling.md)", retry_after=30) from None


def _unavailable(error: BaseException) -> StateUnavailable:
    if isinstance(error, OutOfMemoryError) or "OOM command not allowed" in str(error):
        log.error("Redis is full (maxmemory): batches are refused until it has room (docs/scaling.md)")
        return StateUnavailable("state_full", "the session state store (Redis) is full (its maxmemory); the batch "
                                "was not redacted nor stored: retry later", retry_after=30)
    log.warning("session state on Redis unavailable: %s", type(error).__name__)
    return StateUnavailable("state_unavailable", "the session state store (Redis) is unavailable; the batch was "
                            "not redacted nor stored: retry later")
