"""Session state: one DomMirror per recording session, across batches.

Written to the store with every batch that changes it (what the batch changed, after the last
whole state: state_to_save), so that a restart does not forget which node ids are sensitive.
Batches of one session are redacted one at a time (a per-session lock), in the order of their
numbers when they carry one (batch_order): the second needs what the first taught the mirror.

In memory, a mirror is *hot* (compact columns, ready for the next batch: redactor/nodetable.py)
or *cold* (the same state, compressed: about a third of a hot mirror whose page other sessions
share, a tenth of one whose page is its own). The few sessions that sent a batch most recently
stay hot; the others are frozen, so memory grows with compressed mirrors, not with live ones.
Both are bounded (LRU with an idle timeout): a session let go is loaded from the store when it
comes back, with its taint (keyed hashes, never the values: redactor/taint.py).
"""

from __future__ import annotations

import asyncio
import enum
import hashlib
import math
import time
import zlib
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from redactor.dom import DomMirror
from redactor.scheduling import gc_paused, inline
from redactor.taint import MAX_TAINT_VALUES

Key = tuple[str, str]
#: what a live mirror holds in memory per sticky id, per taint hash (its columns between batches: taint.PackedHashes;
#: ~10 bytes a hash, measured with tracemalloc, rounded up) and per <datalist> entry's digest (a set);
#: its nodes are estimated by their table (NodeTable.nbytes: columns, and the shapes it made that
#: no other session had); frozen mirrors are counted exactly
LIVE_STICKY_BYTES = 120
LIVE_TAINT_BYTES = 24
LIVE_LISTED_BYTES = 120


def live_bytes(mirror: DomMirror) -> int:
    """An estimate of a live mirror's memory, in O(1) (exact sizing would cost a walk of every
    object)."""
    return (mirror.table.nbytes() + len(mirror.sticky) * LIVE_STICKY_BYTES
            + len(mirror.taint) * LIVE_TAINT_BYTES + len(mirror.listed) * LIVE_LISTED_BYTES)


def freeze(mirror: DomMirror) -> bytes:
    """A mirror compressed in memory, with what its store holds of it (state_to_save reads it)."""
    return zlib.compress(orjson.dumps({"mirror": mirror.dump(saved=False), "saved_as": mirror.saved_as}), 1)


def thaw(frozen: bytes) -> DomMirror:
    state = orjson.loads(zlib.decompress(frozen))
    mirror = DomMirror.load(state["mirror"])
    mirror.saved_as = state["saved_as"]
    return mirror


#: A session's saved state is a whole dump and the changes of each batch after it (the rows it
#: changed, the ids it dropped: DomMirror.dump_changes), so a batch writes what it changed, not
#: the page. The state is written whole again once the changes after it add up to more bytes than
#: it, or to this many: a load reads at most about twice the state, in a bounded number of parts.
MAX_SAVED_CHANGES = 64


@dataclass(frozen=True, slots=True)
class SavedState:
    """What a batch saves of its session's mirror: the whole state, or its changes since the last save."""

    blob: bytes
    whole: bool


def state_to_save(mirror: DomMirror, saved: bool = True) -> SavedState | None:
    """What a batch saves of its session's mirror (None: nothing changed since the last save).
    saved: the allow-listed state of the store (DomMirror.dump); False: what a frozen mirror
    keeps (label words too: Redis, sealed). Once it is written, note_saved(); until then the
    changes keep counting (a batch whose state is not written leaves them to the next one)."""
    if not mirror.dirty and not mirror.table.touched:  # a meaning worked out on demand is a change too
        return None
    whole_bytes, changes_bytes, changes = mirror.saved_as
    found = mirror.dump_changes(saved) if changes < MAX_SAVED_CHANGES else None
    blob = orjson.dumps(found) if found is not None else b""
    if found is not None and changes_bytes + len(blob) <= whole_bytes:
        return SavedState(blob, whole=False)
    with gc_paused():  # a dump allocates thousands of small lists and no cycle: 18 → 0.4 ms on 2,000 nodes
        return SavedState(orjson.dumps(mirror.dump(saved)), whole=True)


def kept_state(mirror: DomMirror) -> bytes:
    """What protects a session without its page's nodes (the allow-listed state's sticky flags,
    floor, taint hashes and scalars: its batch numbers, its page): small, so that shared state
    (--state) keeps it past the idle timeout, as the store keeps a session's state in process."""
    return orjson.dumps(mirror.dump(saved=True, nodes=False))


def expired(kept: bytes) -> DomMirror:
    """A session idle past session_idle_seconds: what protects it (kept_state), without its page's
    nodes, as on Redis, where the state expires and `kept` lives on (an event for a node it no longer
    knows is masked until the next snapshot). The same in process, so that one instance and several
    give the same output (issue 12). Its next save is whole: the state saved before, with the page's
    nodes, is no base for its changes."""
    mirror = load_saved(kept, [])
    mirror.saved_as = [0, 0, 0]
    mirror.dirty = True
    return mirror


def note_saved(mirror: DomMirror, state: SavedState | None) -> None:
    """The state a batch saved is written: changes count from here."""
    if state is None:
        return
    whole_bytes, changes_bytes, changes = mirror.saved_as
    mirror.saved_as = [len(state.blob), 0, 0] if state.whole else [whole_bytes, changes_bytes + len(state.blob),
                                                                    changes + 1]
    mirror.forget_changes()
    mirror.dirty = False


# -- the order of a session's batches -----------------------------------------------------------
#: batch numbers below the last one taken that never came, kept per session so that a late one is
#: still taken (past this many, the oldest count as come: a script that skips that many is broken)
MAX_MISSING_SEQS = 64


#: the digests of the batches taken last, kept per session: a batch under a number already taken is
#: a retry only when it is the batch taken under that number (a reload that counts again, or a
#: duplicated tab sharing the session id, sends other batches under the same numbers). A retry is
#: recognised by its digest alone: under a number whose digest is no longer kept, a batch is taken
#: as new. A genuine retry of a batch that old (the session took this many after it) is then stored
#: twice, which a viewer shows as a repeated stretch; the other way, a recount's batch would be
#: lost for good, as no event time tells them apart (a visitor's clock, a second tab started earlier).
#: 32 digests cost ~1 KB of saved state; a recorder retries a batch within a few batches of it.
MAX_SEQ_DIGESTS = 32
#: the number a batch without one is kept under in seq_digests: a body sent again whole (a peer's SDK
#: that timed out and resends the same recording, maybe to another instance) is a retry too
UNNUMBERED = -1
#: bytes of a batch's digest: a keyed hash of its body (never the content); two different batches
#: share one with a chance of 2^-64, and only then is the second taken for a retry
DIGEST_BYTES = 8


def batch_digest(key: bytes, body: bytes) -> str:
    """The digest a batch's body is known by in its session (batch_order), keyed with the site's
    secret: the state saved holds nothing a guess of the content could be checked against."""
    return hashlib.blake2b(body, key=key[:64], digest_size=DIGEST_BYTES).hexdigest()


class Order(enum.Enum):
    NEXT = "next"  # the one expected, one that came late, or a batch without a number: redact it
    DUPLICATE = "duplicate"  # taken before (a retry whose answer was lost): a no-op
    AHEAD = "ahead"  # one or more before it are missing: wait briefly for them, then redact it
    TOO_FAR = "too_far"  # more than MAX_MISSING_SEQS ahead: refused (it would make the next ones look taken)


def batch_order(mirror: DomMirror, seq: int | None, digest: str | None = None) -> Order:
    """Where a batch numbered seq (from 0), whose body has this digest (batch_digest), stands in
    its session. The batch taken under that number before (the same digest) is a retry; any other
    batch under a number at or below the last one taken is new: the recorder counts again (a
    reload that kept the session id, a duplicated tab), whatever its events' times. The counts
    before such a recount go on too (mirror.other_seqs: the first tabs of a duplicated one), so a
    number past one is ahead of that count, not of the new one. Without a digest (nothing to tell
    them apart by) a number taken is a retry. A batch without a number is a retry when its body
    is one of the last taken (UNNUMBERED), unless it is pending (its process died before delivering it)."""
    if seq is None:
        known = digest is not None and [UNNUMBERED, digest] in mirror.seq_digests
        return Order.DUPLICATE if known and digest not in mirror.pending_digests else Order.NEXT
    if seq in mirror.pending_seqs:  # pending: its process died before it was delivered
        return Order.NEXT
    if digest is not None and [seq, digest] in mirror.seq_digests:
        return Order.DUPLICATE
    expected = 0 if mirror.last_seq is None else mirror.last_seq + 1
    other = _other_count(mirror, seq)
    nearest = expected if other is None else other + 1  # the next number of the count seq goes on
    if seq == nearest or seq in mirror.missing_seqs:
        return Order.NEXT
    if seq < expected:
        return Order.DUPLICATE if digest is None else Order.NEXT
    return Order.AHEAD if seq - nearest <= MAX_MISSING_SEQS else Order.TOO_FAR


#: the counts before a recount kept per session (a tab duplicated this many times over; past it the
#: oldest count's next batches are measured from the others, and wait or are refused as too far)
MAX_OTHER_COUNTS = 8


def _other_count(mirror: DomMirror, seq: int) -> int | None:
    """The count before a recount (of mirror.other_seqs) that seq goes on from: the highest one past
    the last number taken and below seq. Else None."""
    last = mirror.last_seq
    if last is None:
        return None
    return max((n for n in mirror.other_seqs if last < n < seq), default=None)


def take_seq(mirror: DomMirror, seq: int | None, digest: str | None = None) -> bool:
    """The batch numbered seq, with this digest, was redacted: what comes next, which numbers are
    still missing, and its digest. Returns whether it came late (after a later one). A batch
    without a number leaves its digest alone (UNNUMBERED)."""
    if seq is None:
        if digest is not None and [UNNUMBERED, digest] not in mirror.seq_digests:
            mirror.seq_digests = [*mirror.seq_digests, [UNNUMBERED, digest]][-MAX_SEQ_DIGESTS:]
            mirror.dirty = True
        return False
    known = digest is not None and [seq, digest] in mirror.seq_digests
    if digest is not None and not known:
        mirror.seq_digests = [*mirror.seq_digests, [seq, digest]][-MAX_SEQ_DIGESTS:]
        mirror.dirty = True
    expected = 0 if mirror.last_seq is None else mirror.last_seq + 1
    if seq == mirror.last_seq or (seq in mirror.pending_seqs and (seq < expected or known)):
        # the redo of a batch whose delivery is not known (its number was taken at its first
        # commit, maybe before later ones: --state), or a recount's. A pending number past the
        # last one taken, under another body, was left by the count before a recount (its process
        # died, its recorder reloaded): that batch is the recount's, taken as any other
        return False
    mirror.dirty = True
    if (other := _other_count(mirror, seq)) is not None:
        # a count before the recount goes on (its own gaps are not kept)
        mirror.other_seqs = [seq if n == other else n for n in mirror.other_seqs]
        return False
    if seq >= expected:
        skipped = range(max(expected, seq - MAX_MISSING_SEQS), seq)
        mirror.missing_seqs = [*mirror.missing_seqs, *skipped][-MAX_MISSING_SEQS:]
        mirror.last_seq = seq
        return False
    if seq not in mirror.missing_seqs:  # the recorder counts again from seq; the count before goes on
        assert mirror.last_seq is not None
        kept = [n for n in mirror.other_seqs if n != mirror.last_seq]
        mirror.other_seqs = [*kept, mirror.last_seq][-MAX_OTHER_COUNTS:]
        mirror.last_seq, mirror.missing_seqs = seq, []
        return False
    mirror.missing_seqs = [n for n in mirror.missing_seqs if n != seq]
    return True


def pending_name(seq: int | None, digest: str | None) -> int | str | None:
    """What a batch is pending under (--state: committed, not yet known delivered): its number, or
    for one without a number its digest ("u:<digest>"), so that a resend of a batch whose process died
    before delivering it is redone, not taken for a duplicate. None: nothing tells its resend apart."""
    if seq is not None:
        return seq
    return None if digest is None else f"u:{digest}"


def load_saved(whole: bytes, changes: list[bytes]) -> DomMirror:
    """The mirror of a whole saved state and the changes saved after it, in order."""
    mirror = DomMirror.load(orjson.loads(whole), [orjson.loads(change) for change in changes])
    mirror.saved_as = [len(whole), sum(map(len, changes)), len(changes)]
    return mirror


def holds_nothing(mirror: DomMirror) -> bool:
    """A mirror that knows no node, no value to mask, no batch number: what a session of analytics
    events only (no recording) leaves. Kept, it would only hold a place of its site's
    max_sessions_per_site for session_idle_seconds (SessionStates.let_go)."""
    return (not mirror.nodes and not mirror.sticky and not mirror.floor and not mirror.meaning_floor
            and not mirror.taint
            and mirror.last_seq is None and not mirror.other_seqs and not mirror.missing_seqs and not mirror.seq_digests
            and not mirror.page_blocked)


class SavedMirrors(Protocol):
    """Where a session let go of is found again: the store (sinks/store.py), which saves a
    session's mirror with each of its batches (pipeline.sink): its last whole state and the
    changes saved after it."""

    async def mirror_state(self, site: str, session: str) -> tuple[bytes, list[bytes]] | None: ...

    async def last_batch_at(self, site: str, session: str) -> float | None: ...


class SiteFull(Exception):
    """The site has max_sessions_per_site sessions in memory: a new one must wait (429)."""

    def __init__(self, site: str, limit: int, retry_after: int):
        super().__init__(f"site {site!r} has {limit} live sessions (max_sessions_per_site)")
        self.limit, self.retry_after = limit, retry_after


class SessionStates:
    """Bounded three ways: sessions in memory (max_sessions, least recently used let go first,
    and idle_seconds), bytes of mirrors in memory (max_bytes: live ones estimated, frozen ones
    exact; past it the least recently used are frozen, then let go), and sessions of one site
    (max_per_site: a new session past it is refused with SiteFull, so a site that opens sessions
    by the thousand cannot push the other sites' sessions out of memory). A session whose mirror
    knows no page yet (no snapshot taken: a Meta event, made-up ids by the thousand) is on
    probation: it holds its site's place for probation_seconds idle, not idle_seconds, so that
    sessions nobody records cannot keep the site's real visitors out for half an hour (let go,
    it loses nothing: the store has what it sent, and it is loaded again if it comes back)."""

    saved_with_batches = True  # the store keeps each session's state with its batches (state_to_save)

    def __init__(self, store: SavedMirrors, max_sessions: int = 10_000, idle_seconds: float = 1800.0, hot: int = 32,
                 max_taint_values: int = MAX_TAINT_VALUES, max_bytes: int = 256 * 1024 * 1024,
                 max_per_site: int = 5_000, on_limit: Callable[[str], None] | None = None,
                 probation_seconds: float = 60.0):
        self.store = store
        self.max_taint_values = max_taint_values
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.hot = hot
        self.max_bytes = max_bytes
        self.max_per_site = max_per_site
        self.probation_seconds = min(probation_seconds, idle_seconds)
        self._on_limit = on_limit or (lambda limit: None)
        self._hot: OrderedDict[Key, DomMirror] = OrderedDict()
        self._hot_sizes: dict[Key, int] = {}
        self._cold: OrderedDict[Key, tuple[bytes, float]] = OrderedDict()  # frozen mirror, last used
        self._locks: dict[Key, asyncio.Lock] = {}
        self._users: Counter[Key] = Counter()  # batches holding or waiting for a session
        self._discarded: set[Key] = set()  # sessions whose batch in flight was refused
        self._sites: dict[str, set[str]] = {}  # the sessions of each site in memory or in use
        self._probation: OrderedDict[Key, float] = OrderedDict()  # sessions without a page, by last use
        self._hot_bytes = 0
        self._cold_bytes = 0

    def __len__(self) -> int:
        return len(self._hot) + len(self._cold)

    def cold_bytes(self) -> int:
        return self._cold_bytes

    def hot_bytes(self) -> int:
        return self._hot_bytes

    def site_sessions(self) -> dict[str, int]:
        return {site: len(sessions) for site, sessions in self._sites.items()}

    @asynccontextmanager
    async def session(self, site: str, session: str, run: Callable[..., Any] = inline) -> AsyncIterator[DomMirror]:
        """The session's mirror, held exclusively. Dropped from memory when the block calls
        discard() or raises (the store has the last one that went with a stored batch). `run` thaws or
        loads a mirror (off the event loop when given a redaction thread's runner).
        Raises SiteFull for a session new to memory when its site is at max_per_site."""
        key = (site, session)
        if session not in self._sites.get(site, ()):
            self._evict()  # the idle ones first: they give their place back
            if len(self._sites.get(site, ())) >= self.max_per_site:
                self._on_limit("site_sessions")
                raise SiteFull(site, self.max_per_site, self._retry_after(site))
            self._sites.setdefault(site, set()).add(session)
        self._users[key] += 1
        try:
            lock = self._locks.setdefault(key, asyncio.Lock())
            async with lock:
                mirror = self._pop_hot(key)
                idle = mirror is not None and time.monotonic() - mirror.last_used > self.idle_seconds
                if mirror is None and key in self._cold:
                    idle = time.monotonic() - self._cold[key][1] > self.idle_seconds
                    mirror = await run(thaw, self._pop_cold(key))
                if mirror is None:
                    state = await self.store.mirror_state(site, session)
                    mirror = await run(load_saved, *state) if state else DomMirror()
                    last = await self.store.last_batch_at(site, session) if state else None
                    idle = last is not None and time.time() - last > self.idle_seconds
                if idle:  # its state expired, as on Redis (expired)
                    mirror = await run(expired, kept_state(mirror))
                mirror.taint.limit = self.max_taint_values
                try:
                    yield mirror
                    if key not in self._discarded:  # kept only when the batch went through
                        mirror.last_used = time.monotonic()
                        self._put_hot(key, mirror)
                        self._probation.pop(key, None)
                        if not mirror.nodes:
                            self._probation[key] = mirror.last_used
                finally:
                    self._discarded.discard(key)
                    self._evict()
        finally:
            self._users[key] -= 1
            if self._users[key] <= 0:
                del self._users[key]
            self._settle(key)
        await self._freeze_surplus(run)

    def discard(self, site: str, session: str) -> None:
        """The batch holding the session was refused: what it taught the mirror is not kept."""
        self._discarded.add((site, session))

    def let_go(self, site: str, session: str) -> None:
        """The batch holding the session went through, and its mirror holds nothing (holds_nothing):
        not kept in memory, so it gives its site's place back when the batch ends."""
        self._discarded.add((site, session))

    async def commit(self, site: str, session: str, mirror: DomMirror, number: int | str | None = None,
                     retention_days: int | None = None) -> None:
        """In process, the mirror is saved with its batch by the store (pipeline.sink); nothing to do here.
        (The Redis backend writes here, before the batch leaves: redactor/state_redis.py.)"""

    def forget(self, site: str, session: str) -> None:
        key = (site, session)
        self._pop_hot(key)
        if key in self._cold:
            self._pop_cold(key)
        self._settle(key)

    def _retry_after(self, site: str) -> int:
        """Seconds until the first of the site's sessions idles out (and frees its place): the
        least recently used, or one on probation."""
        now = time.monotonic()
        last_used = [(key, mirror.last_used) for key, mirror in self._hot.items() if key[0] == site]
        last_used += [(key, used) for key, (_, used) in self._cold.items() if key[0] == site]
        if not last_used:  # every place is held by a batch in flight
            return 1
        return max(1, math.ceil(min((self.probation_seconds if key in self._probation else self.idle_seconds)
                                    - (now - used) for key, used in last_used)))

    def _settle(self, key: Key) -> None:
        """A session no batch holds and that is not kept: it leaves its site's count."""
        if key in self._users or key in self._hot or key in self._cold:
            return
        self._probation.pop(key, None)
        sessions = self._sites.get(key[0])
        if sessions is not None:
            sessions.discard(key[1])
            if not sessions:
                del self._sites[key[0]]
        lock = self._locks.get(key)
        if lock is not None and not lock.locked():
            del self._locks[key]

    def _put_hot(self, key: Key, mirror: DomMirror) -> None:
        size = self._hot_sizes[key] = live_bytes(mirror)
        self._hot[key] = mirror
        self._hot_bytes += size

    def _pop_hot(self, key: Key) -> DomMirror | None:
        mirror = self._hot.pop(key, None)
        if mirror is not None:
            self._hot_bytes -= self._hot_sizes.pop(key)
        return mirror

    def _pop_cold(self, key: Key) -> bytes:
        frozen, _ = self._cold.pop(key)
        self._cold_bytes -= len(frozen)
        return frozen

    def _over_bytes(self) -> bool:
        return self._hot_bytes + self._cold_bytes > self.max_bytes

    async def _freeze_surplus(self, run: Callable[..., Any]) -> None:
        """Past `hot` live mirrors, the least recently used are frozen. Past max_bytes, the
        larger part gives way: live mirrors are frozen (a tenth of the size), or frozen ones are
        let go (the store has them, taint hashes included). Freezing goes through `run` (a big mirror
        takes long) under the session's lock: a batch of that session waits, then thaws it."""
        while len(self._hot) > self.hot or self._over_bytes():
            key = next((k for k in self._hot if not (k in self._locks and self._locks[k].locked())), None)
            if len(self._hot) <= self.hot:
                self._on_limit("mirror_bytes")
                if self._cold and (key is None or self._cold_bytes > self._hot_bytes):
                    oldest = next(iter(self._cold))
                    self._pop_cold(oldest)
                    self._settle(oldest)
                    continue
            if key is None:
                return  # the others are being frozen by other batches
            lock = self._locks.setdefault(key, asyncio.Lock())
            async with lock:
                mirror = self._hot.get(key)
                if mirror is None:
                    continue
                frozen = await run(freeze, mirror)
                if self._hot.get(key) is mirror:  # not erased meanwhile
                    self._pop_hot(key)
                    self._cold[key] = (frozen, mirror.last_used)
                    self._cold_bytes += len(frozen)
            self._settle(key)

    def _evict(self) -> None:
        """Lets go of mirrors (the store has them, taint hashes included): idle ones, and the least
        recently used past max_sessions; sessions on probation, past probation_seconds idle."""
        now = time.monotonic()
        while self._probation:
            key, last_used = next(iter(self._probation.items()))
            if now - last_used <= self.probation_seconds:
                break
            del self._probation[key]
            if key in self._hot:
                self._pop_hot(key)
            elif key in self._cold:
                self._pop_cold(key)
            self._settle(key)
        for store in (self._cold, self._hot):
            while store:
                key, entry = next(iter(store.items()))
                last_used = entry[1] if isinstance(entry, tuple) else entry.last_used
                if len(self) > self.max_sessions or now - last_used > self.idle_seconds:
                    if store is self._cold:
                        self._pop_cold(key)
                    else:
                        self._pop_hot(key)
                    self._settle(key)
                else:
                    break
