"""What the peers' wire formats (formats/posthog.py, formats/sentry.py) share: bounded inflation,
and the rule that what redaction did not change is forwarded byte for byte — only when those bytes
are provably what was parsed (exact); else it is encoded again from the parsed value.

A decoded body hands out Groups (formats/rrweb_batch.py: the rrweb events of one recording session); the caller redacts each group's events (and the strings of its
`meta`, scanned like a custom payload) in place and sets `kept` to the events that survive;
then the body encodes itself the way it came.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import zlib
import zoneinfo
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from redactor.formats import rrweb_batch, sliced_json
from redactor.formats.rrweb_batch import BatchError
from redactor.keys import NAME

GZIP_MAGIC = b"\x1f\x8b"
#: zlib's window bits (inflate()'s wbits) of a gzip and of a zlib stream (-15 would be raw deflate)
GZIP_WBITS, ZLIB_WBITS = 31, 15
#: how the SDKs compress (fflate's and zlib's default level): what we forward is compressed alike
COMPRESSION_LEVEL = 6
#: ids the collectors join on: a UUID, a hex digest (with a letter beyond its first two characters:
#: sixteen digits alone are a card number, two letters and digits an IBAN, "BE07363001234566",
#: "DE89370400440532013000"); never scanned (Presidio reads digit groups in them as phone numbers)
_ID_BODY = (r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
            r"|(?=[0-9a-fA-F]{2}[0-9]*[a-fA-F])[0-9a-fA-F]{16,64}")
ID_SHAPED = re.compile(rf"^(?:{_ID_BODY})$")
#: such an id inside a longer one (PostHog's "<session>:<window>"), a hex letter in it: made by a
#: machine, random, no one's (session_ids.py reads the rest of the id)
MADE_ID = re.compile(rf"(?<![0-9A-Za-z])(?=[0-9-]*[a-fA-F])(?:{_ID_BODY})(?![0-9A-Za-z])")


#: the mirror's name of a peer's session id that is not one the native route takes (redactor.keys.NAME)
DIGESTED = "sha256-"


def session_key(session: str) -> str:
    """The name a peer's recording session is kept under (its mirror, its row in the store): the id
    as it came when the native route would take it (posthog-js's UUIDv7 $session_id, Sentry's
    32-hex replay_id), else a fixed-length digest of it — an id the SDK did not make (set by
    hand, megabytes long, any characters) still keys one mirror, and costs what a UUID costs.
    The body keeps the id as it came: the collector joins on it."""
    if NAME.fullmatch(session):
        return session
    return DIGESTED + hashlib.sha256(session.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def inflate(data: bytes, wbits: int, limit: int, what: str) -> bytes:
    """gzip (GZIP_WBITS), zlib (ZLIB_WBITS) or raw deflate (-15), never past `limit` bytes: a bomb is refused
    before it is inflated whole."""
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise BatchError(400, "bad_encoding", f"{what} is not valid compressed data") from None
    if len(out) > limit:
        raise BatchError(413, "too_large", f"{what} is larger than {limit} bytes once inflated")
    if not inflater.eof:
        raise BatchError(400, "bad_encoding", f"{what} is truncated compressed data")
    if inflater.unused_data:  # a second gzip member, a second zlib stream, bytes: never read, never forwarded
        raise BatchError(400, "bad_encoding", f"{what} has {len(inflater.unused_data)} bytes after its compressed "
                                              "stream (a second gzip member or zlib stream?): send one stream")
    return out


def plain_container(data: bytes, wbits: int) -> bool:
    """Whether the compressed bytes hold nothing but their stream: a gzip header has no optional
    field (FEXTRA, FNAME, FCOMMENT: bytes no inflater outputs, which a collector's gunzip may
    still read); a zlib header has none. Only then may the bytes stand for what they inflate to
    (exact)."""
    return wbits != GZIP_WBITS or data[3:4] == b"\x00"


def exact(parsed: bytes | None, before: bytes) -> bool:
    """Whether the bytes redaction parsed are, byte for byte, the JSON of the value it redacted
    (`before`: dumps() of it as decoded): then what it did not change may go on as it came.
    Anything else — a duplicate key (orjson keeps the last, a collector may read the first),
    whitespace, an escape, a number spelled otherwise — is encoded again from the value, so
    nothing redactor did not read is ever forwarded or spooled."""
    return parsed is not None and parsed == before


class Budget:
    """What one body may inflate to across all its layers (the body, every per-field string, every
    item): a bomb spread over many small compressed fields is refused like a single one."""

    def __init__(self, limit: int):
        self.limit = self.left = limit

    def inflate(self, data: bytes, wbits: int, what: str) -> bytes:
        try:
            out = inflate(data, wbits, self.left, what)
        except BatchError as error:
            if error.status == 413:
                raise BatchError(413, "too_large", f"the body is larger than {self.limit} bytes once all its "
                                                   "layers are inflated") from None
            raise
        self.left -= len(out)
        return out


def gzip_bytes(data: bytes) -> bytes:
    """gzip as the browser SDKs write it (fflate: mtime 0)."""
    return gzip.compress(data, COMPRESSION_LEVEL, mtime=0)


def loads(data: bytes | str, what: str) -> Any:
    try:
        return sliced_json.loads(data)
    except orjson.JSONDecodeError as error:
        raise BatchError(400, "bad_json", f"{what} is not JSON (or not UTF-8): {error}") from None


def dumps(value: Any) -> bytes:
    """orjson.dumps's bytes, for a value nested deeper than orjson writes too (a deep DOM)."""
    return rrweb_batch.encode(value, "the body")


#: an id a person is known by that says nothing of them: a UUID, a hex digest, a database number of
#: up to 8 digits (a longer one may be a phone or a card number), a number after a word that says
#: "an account" ("user-1042", "cust_77", "member:5"), or a short counter with a digit ("d1", "u42":
#: four characters cannot spell a name); not a username, whose letters may be a name ("fietsymke82")
OPAQUE_ID = re.compile(rf"(?:{_ID_BODY}|\d{{1,8}}|(?i:user|usr|u|uid|id|cust|customer|client|"
                       rf"member|account|acct|anon|anonymous|visitor|guest|person)[-_:]\d{{1,20}}"
                       rf"|(?=[a-zA-Z]*\d)[a-zA-Z\d]{{1,4}})$")
#: the key of a payload view that holds who the person is (person_view): redact.py replaces every
#: string under it by its pseudonym (Masker.pseudonym), the same for the same person in every batch
IDENTITY_KEY = "$identity"
#: the key of a payload view that holds values an SDK's own words go under, holding none of them
#: (words_view): redact.py masks each whole, as a secret's (a name there is on no list: "amelie.vermeulen")
NOT_THE_SDKS_KEY = "$not_the_sdks"


def opaque_id(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return abs(value) < _OPAQUE_NUMBER if isinstance(value, int) else isinstance(value, str) and bool(OPAQUE_ID.match(value))


_OPAQUE_NUMBER = 10 ** 8  # a database number; a longer one may be a phone number
#: the keys of a person's identity that are ids ("id", "did", "distinct_id", "$anon_distinct_id",
#: PostHog's "alias"): an opaque value there is kept; under any other (Sentry's user.email, .phone,
#: .username) every value is the person's
_ID_KEYS = re.compile(r"(?i)(?:id|alias)$")


def person_view(holder: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The entries of holder under `keys` that are who the person is (a distinct id, a user id, a
    username, an e-mail): put under IDENTITY_KEY, each becomes its pseudonym — a username no
    detector can tell from a word included — and the collector can still join a person's events
    on it; an opaque id under an id's key (a UUID, a database number) is kept as it is."""
    return {k: holder[k] for k in keys if k in holder and holder[k] not in (None, "")
            and not (_ID_KEYS.search(k) and opaque_id(holder[k]))}


# -- the shapes of what an SDK writes under its structural keys ----------------------------------
# A key says what its value is only when the SDK wrote it: a site can set any property, header or
# context key to anything (posthog.register(), Sentry's setContext), and a hostile client anything
# at all. So a structural key is skipped only when its value has the shape the SDK gives it; any
# other value under it is scanned like every payload value.

Shape = Callable[[Any], bool]

_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$")
#: a short word of the SDK's own vocabulary: "web", "active", "en-US", "Europe/Brussels", "production",
#: "auto.pageload.browser", "application/json"; no "@" (an e-mail), starting with a letter (a number)
_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9_.+/-]{0,63}$")
#: a version ("1.449.2", "10.15.7", "11.12.0-beta.1"): no leading zero, four parts at most
_VERSION = re.compile(r"^(?:0|[1-9]\d{0,3})(?:\.(?:0|[1-9]\d{0,3})){0,3}(?:[-+][A-Za-z0-9.]{1,32})?$")
#: digits enough for a phone, a card, an account or a national number: never in a token or a version
_DIGIT_RUN = re.compile(r"\d{5}")


def _short(value: Any, pattern: re.Pattern[str], digits: int) -> bool:
    return (isinstance(value, str) and len(value) <= 64 and bool(pattern.match(value))
            and not _DIGIT_RUN.search(value) and sum(c.isdigit() for c in value) <= digits)


def number(value: Any) -> bool:
    """A count, a size, a rate, an epoch time or a flag (null: not set)."""
    return value is None or isinstance(value, (bool, int, float))


def ident(value: Any) -> bool:
    """A UUID or a hex digest (ID_SHAPED)."""
    return isinstance(value, str) and bool(ID_SHAPED.match(value))


#: an id an SDK or a site made up that is no UUID ("0193-session", "tab_2"): letters, digits, dashes
_OPAQUE_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")


def session_id(value: Any) -> bool:
    """A UUID or a hex digest, or an opaque id: letters, digits and dashes, a digit in it (words of letters
    alone are a name's: "amelie-vermeulen"), no run of five digits (a phone), no "@" or "." (an e-mail, a
    domain). Under $session_id, a secret's key, anything else is masked whole."""
    return ident(value) or (isinstance(value, str) and len(value) <= 128 and bool(_OPAQUE_TOKEN.match(value))
                            and any(c.isdigit() for c in value) and not _DIGIT_RUN.search(value))


def ids(value: Any) -> bool:
    """A list of ids (Sentry's error_ids, trace_ids)."""
    return isinstance(value, list) and all(ident(v) for v in value)


def timestamp(value: Any) -> bool:
    """An epoch number or an ISO 8601 time."""
    return number(value) or (isinstance(value, str) and len(value) <= 40 and bool(_ISO_TIME.match(value)))


def token(value: Any) -> bool:
    return _short(value, _TOKEN, 8)


def version(value: Any) -> bool:
    return number(value) or _short(value, _VERSION, 8)


def one_of(*words: str) -> Shape:
    """A word of an SDK's own vocabulary, as it writes it ("Desktop", "web"): a key whose values are
    few is skipped only for those (a shape such as token's would let "amelie.vermeulen" through)."""
    allowed = frozenset(words)
    return lambda value: isinstance(value, str) and value in allowed


def time_zone(value: Any) -> bool:
    """An IANA time zone's name ("Europe/Brussels", "UTC"), as the browser reports it."""
    return isinstance(value, str) and value in _time_zones()


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones() | {"UTC"})


#: a language tag as a browser writes it ("nl-BE", "en", "zh-Hant-TW", "es-419"): no word of its own
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$")


def language_tag(value: Any) -> bool:
    return isinstance(value, str) and bool(_LANGUAGE_TAG.match(value))


#: a host as a URL names it, a port after it ("shop.example", "app.test:8443", "localhost"): its last label
#: begins with a letter, so no IP address (a visitor's) has this shape
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z][A-Za-z0-9-]{0,62}(?::\d{1,5})?$")


def host(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 253 and bool(_HOST.match(value))


def nested(value: Any) -> bool:
    """An object that is scanned by a view of its own (a PostHog event's properties, Sentry's contexts)."""
    return isinstance(value, dict)


def scan_view(holder: dict[str, Any], shapes: Mapping[str, Shape]) -> dict[str, Any]:
    """The entries of holder that a person could have written: all but the structural keys whose
    value has their shape, and id-shaped values. Nested containers are shared, so redacting the
    view in place redacts them; top-level strings are written back with `holder.update(view)`."""
    return {k: v for k, v in holder.items()
            if not (k in shapes and shapes[k](v)) and not (isinstance(v, str) and ID_SHAPED.match(v))}


def words_view(holder: dict[str, Any], vocabularies: Mapping[str, Shape]) -> dict[str, Any]:
    """The entries of holder under a key whose values are an SDK's few words (one_of, time_zone,
    language_tag) that hold none of them: put under NOT_THE_SDKS_KEY, each is masked whole."""
    return {k: holder[k] for k, shape in vocabularies.items() if k in holder and not shape(holder[k])}


def write_back(holder: dict[str, Any], view: dict[str, Any], scanned: frozenset[str]) -> None:
    """The redacted view back into holder: a key the scan renamed (it held personal data)
    replaces the original key, it is not added beside it."""
    for key in scanned - view.keys():
        holder.pop(key, None)
    holder.update(view)


def kept_in(events: list[Any], kept_ids: set[int]) -> list[Any]:
    return [event for event in events if id(event) in kept_ids]
