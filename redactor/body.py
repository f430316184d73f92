"""A request's body as the batch decoder needs it: its Content-Encoding undone, its size and the
time it takes to arrive bounded. Every way a body can be wrong is a 4xx with a JSON error (via
BatchError), never a 500.

- Encodings: `gzip` and `deflate` (zlib-wrapped as RFC 9110 says, or raw as some clients send
  it) are inflated; anything else (`br`, `zstd`, `x-gzip`, `compress`, two encodings) is refused
  with 415. Repeated Content-Encoding headers are one list; `identity` in it adds nothing.
  Under `redactor serve` the listener leaves inflating to this module (redactor/listen.py), a
  bounded piece at a time, so a bomb is refused at the limit and never inflated whole; under a
  plain aiohttp server (tests), aiohttp has inflated gzip and deflate already, the same way.
- Sizes: `max_body_bytes` as sent, `max_inflated_bytes` once inflated: past either, 413.
- Time: the body must be complete within `body_timeout_seconds` plus the time
  `body_min_bytes_per_second` allows for the bytes that arrived; a client trickling bytes gets
  408, and its connection is closed.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Iterator

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDictProxy

from redactor.config import Settings
from redactor.formats.rrweb_batch import BatchError
from redactor.keys import RAW_BODIES

log = logging.getLogger("redactor")

ENCODINGS = ("identity", "gzip", "deflate")
CHUNK = 65536
PIECE = 1024 * 1024  # inflated at most this much at a time (~2-3 ms), then the loop runs others


def unsupported(encoding: str) -> BatchError:
    return BatchError(415, "unsupported_encoding",
                      f"Content-Encoding {encoding!r} is not accepted: send the body with gzip, deflate or no "
                      "Content-Encoding")


class Inflater:
    """gzip or deflate, undone a bounded piece at a time."""

    def __init__(self, encoding: str, limit: int):
        self.encoding, self.limit, self.size = encoding, limit, 0
        self._inflate: zlib._Decompress | None = (
            zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None)

    def _bad(self, what: str) -> BatchError:
        return BatchError(400, "bad_encoding", f"the body is not valid {self.encoding} data ({what}): send it as "
                                               "its Content-Encoding says, or without Content-Encoding")

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        """The chunk inflated, in pieces of at most PIECE bytes: 64 KiB of gzip can hold megabytes,
        and the caller (on the event loop) lets others run between two pieces."""
        if not chunk:
            return
        if self._inflate is None:  # deflate: a zlib header (CMF byte, method 8) or raw deflate
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS if chunk[0] & 0x0F == 8 else -zlib.MAX_WBITS)
        data = chunk
        try:
            while data:
                if self._inflate.eof:
                    raise self._bad("bytes after the end of the compressed data")
                piece = self._inflate.decompress(data, min(PIECE, self.limit - self.size + 1))  # never 0: unbounded
                self.size += len(piece)
                if self.size > self.limit:
                    raise BatchError(413, "too_large", f"the body is larger than {self.limit} bytes once inflated")
                data = self._inflate.unconsumed_tail
                yield piece
            if self._inflate.unused_data:
                raise self._bad("bytes after the end of the compressed data")
        except zlib.error:
            raise self._bad("corrupt") from None

    def finish(self) -> None:
        if self._inflate is None or not self._inflate.eof:
            raise self._bad("incomplete")


def content_encoding(headers: CIMultiDictProxy[str]) -> str:
    """The body's one encoding ("identity" if none). Content-Encoding is a list, and a header sent
    twice is the same list (RFC 9110 5.3): `identity` entries add nothing (`identity`, then `gzip`
    is gzip); two real encodings, or one not accepted, are refused (415) — reading only the first
    header took such a gzip body for plain JSON."""
    codings = [coding.strip().lower() for header in headers.getall("Content-Encoding", [])
               for coding in header.split(",")]
    applied = [coding for coding in codings if coding and coding != "identity"]
    if len(applied) > 1 or (applied and applied[0] not in ENCODINGS):
        raise unsupported(", ".join(applied))
    return applied[0] if applied else "identity"


async def read_body(request: web.Request, settings: Settings) -> bytes:
    """The body, inflated (see the module doc). Read once per request: a batch redone (its
    session's state moved on another instance meanwhile) takes the same bytes again."""
    if (read := request.get(_BODY)) is not None:
        return read
    encoding = content_encoding(request.headers)
    if request.content_length is not None and request.content_length > settings.max_body_bytes:
        raise BatchError(413, "too_large", f"the body is larger than {settings.max_body_bytes} bytes")
    inflater = (Inflater(encoding, settings.max_inflated_bytes)
                if encoding != "identity" and request.config_dict.get(RAW_BODIES, False) else None)
    # what arrives: raw bytes when we inflate, else what aiohttp made of them
    limit = settings.max_inflated_bytes if encoding != "identity" and inflater is None else settings.max_body_bytes
    loop = asyncio.get_running_loop()
    started = loop.time()
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            if request.content.is_eof():  # all of it has arrived (a small body: at once): nothing to time
                chunk = await request.content.readany()  # returns without waiting
            else:
                remaining = (started + settings.body_timeout_seconds + size / settings.body_min_bytes_per_second
                             - loop.time())
                async with asyncio.timeout(max(remaining, 0.0)):
                    chunk = await request.content.readany()
        except TimeoutError:
            raise BatchError(408, "body_timeout", f"the body arrived too slowly ({size} bytes in "
                             f"{loop.time() - started:.0f} s): send it at once") from None
        except ConnectionResetError:  # the client closed or reset its connection: nobody to answer, nothing wrong here
            log.info("client_gone: the client went away after %d bytes of its body", size)
            raise BatchError(400, "client_gone", "the connection was closed before the body arrived") from None
        except (HttpProcessingError, web.RequestPayloadError):  # aiohttp's inflating or chunked framing failed
            raise BatchError(400, "bad_encoding", f"the body is not valid {encoding} data: send it as its "
                             "Content-Encoding and Transfer-Encoding say") from None
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise BatchError(413, "too_large", f"the body is larger than {limit} bytes"
                             + (" once inflated" if encoding != "identity" and inflater is None else ""))
        if inflater is None:
            chunks.append(chunk)
            continue
        for piece in inflater.feed(chunk):
            chunks.append(piece)
            if len(piece) == PIECE:
                await asyncio.sleep(0)  # more to come: the loop serves the others in between
    if inflater is not None:
        inflater.finish()
    request[_BODY] = body = b"".join(chunks)
    return body


_BODY = "redactor.body"  # the request's body once read (the stream can be read only once)
