"""Upstream mode: the redacted batch goes to the collector, as a transparent reverse proxy would send it.

The request is the client's, with only what the collector needs: same method, the upstream URL +
the original path and its query string redacted like a URL (redactor/ingest_query.py, done by the
caller), and of the headers only an allow-list (FORWARDED: content type, user agent, origin, the
SDK authentication), with Content-Length and Content-Encoding set for the new body (gzip again if
the client sent gzip), an `Idempotency-Key` that is the same for a redo of the batch (pipeline.idempotency_key),
and of `Referer` (the recorded page's URL, query and all) only the origin.
Everything else — `Cookie`, `X-Forwarded-For`, `Accept-Language`, any header nobody foresaw — stays
here: it is the visitor's, and it would otherwise be written to the spool. The collector's
`Set-Cookie` and `Access-Control-Allow-*` headers do not reach the browser either: its cookies
are for its own origin, and who may call is the proxy's to say (its Expose-Headers pass: they
only let the SDK read the collector's rate limits). One ClientSession (one connection pool) serves the process.

The collector's answer is passed back when it answers in time with anything but 5xx/429 or a
"not now" status (spool.NOT_NOW: 401, 404, 408…; a "this batch is bad" 4xx — 400, 413, 422 — is passed
back). When it is down, slow (past upstream_timeout_seconds) or answers 5xx/429 or "not now", the batch
goes to the disk spool instead and the client gets 202 with `"spooled": true`. A session with batches in the
spool queues behind them, and while the collector is failing every batch goes to the spool
first (the delivery task is the probe), so ingest latency stays bounded by one timeout.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import asyncio
import email.utils
import gzip
import hashlib
import hmac
import re
import time
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from multidict import CIMultiDictProxy
from yarl import URL

from redactor.metrics import Metrics
from redactor.sinks.spool import NOT_NOW, Outgoing, Retry, Spools

#: the only request headers forwarded: what the collector needs to read the batch and to know
#: which SDK sent it (Referer is cut to its origin); Content-Length and -Encoding are set anew
FORWARDED = frozenset({"content-type", "user-agent", "origin", "referer",
                       "x-sentry-auth",  # Sentry's SDK authentication (public DSN key), when not in the query
                       "x-api-key"})  # a collector's project key, sent by the recording script
#: what the recording scripts send as Content-Type: a media type, token parameters (charset=utf-8)
MEDIA_TYPE = re.compile(r"\s*(?P<type>[A-Za-z][\w.+-]{0,63}/[A-Za-z][\w.+-]{0,127})"
                        r"(?P<parameters>(?:\s*;\s*[\w.-]{1,32}=[\w.+-]{1,64}){0,4})\s*")
_MEDIA_PARAMETER = re.compile(r";\s*([\w.-]{1,32})=([\w.+-]{1,64})")
#: the parameters of a media type that say how to read the body; any other is the client's to write
#: ("text/plain; tel=+32478913527"): left out
MEDIA_PARAMETERS = frozenset({"charset", "boundary"})
#: the scanned headers that are the client's to write (redactor.ingest_query.redact_headers)
SCANNED = FORWARDED - {"origin", "referer", "content-type"}
#: what a scheme and a host name are made of (an IPv6 address's ':' included): anything else is no origin
ORIGIN_PART = re.compile(r"[A-Za-z0-9.:+-]{1,255}")
#: hop-by-hop headers (RFC 9110 §7.6.1): never passed back from the collector's answer either
HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                        "te", "trailer", "trailers", "transfer-encoding", "upgrade", "expect"})
#: the collector's answer headers that we set ourselves, or that must not reach the browser
ANSWER_OWN = frozenset({"content-length", "content-encoding", "access-control-allow-origin", "vary", "date", "server",
                        "set-cookie", "set-cookie2"})
INLINE_GZIP_LIMIT = 256 * 1024  # larger bodies are compressed off the event loop
GZIP_LEVEL = 6  # zlib's default, as the clients compress: most of the gain, a fraction of level 9's time
MAX_CONNECTIONS = 64  # to the collector, shared by ingest and spool delivery (aiohttp's default is 100)


def via_token(secret: bytes) -> str:
    """What this deployment writes in the Via header (RFC 9110 §7.6.3) of every request it sends the
    collector: a pseudonym of the server secret, which the instances of one deployment share, so
    that a request coming back (an --upstream that points at redactor itself, or at the load
    balancer in front of it) is known whichever instance it reaches."""
    return "redactor-" + hmac.new(secret, b"via", hashlib.sha256).hexdigest()[:16]


def came_back(incoming: CIMultiDictProxy[str], token: str) -> bool:
    """The request was sent by this deployment: forwarding it again would loop (each hop spooling
    a copy when the collector times out, the spool sending them round again)."""
    return any(token in value for value in incoming.getall("Via", []))


def hop_by_hop(headers: CIMultiDictProxy[str]) -> set[str]:
    named = {token.strip().lower() for value in headers.getall("Connection", []) for token in value.split(",")}
    return HOP_BY_HOP | named


def forwarded_headers(incoming: CIMultiDictProxy[str]) -> list[tuple[str, str]]:
    """The allow-listed headers, Origin and Referer cut to scheme://host[:port] (an unparsable one
    is not sent), a Content-Type that is not a plain media type left out, and so are its parameters
    but charset and boundary (media_type); the values still to be scanned (ingest_query.redact_headers)
    but Origin's, Referer's and Content-Type's, which are rebuilt or checked here."""
    headers = []
    for name, value in incoming.items():
        lowered = name.lower()
        if lowered not in FORWARDED:
            continue
        if lowered in ("origin", "referer"):
            value = origin_of(value) + ("/" if lowered == "referer" else "") if value.strip() != "null" else "null"
            if value in ("", "/"):
                continue
        elif lowered == "content-type":
            if (value := media_type(value)) is None:
                continue
        headers.append((name, value))
    return headers


def media_type(value: str) -> str | None:
    """A Content-Type as it goes on: its media type, and of its parameters charset and boundary only;
    None for what is no media type."""
    shape = MEDIA_TYPE.fullmatch(value)
    if shape is None:
        return None
    parameters = _MEDIA_PARAMETER.findall(shape["parameters"])
    kept = [f"{name}={argument}" for name, argument in parameters if name.lower() in MEDIA_PARAMETERS]
    return value if len(kept) == len(parameters) else "; ".join([shape["type"], *kept])


def with_body_headers(headers: list[tuple[str, str]], body: bytes, gzipped: bool) -> list[tuple[str, str]]:
    headers = list(headers)
    if gzipped:
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    return headers


def origin_of(url: str) -> str:
    """A Referer is the recorded page's URL, query included (?ref=someone@example.com), and its
    authority may hold a login (https://jan:Hunter2@shop.example/): only scheme://host[:port] goes on,
    as a browser with `Referrer-Policy: strict-origin` would send it; "" for one that is no URL
    (`http://[oops/`), which is then not sent at all."""
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        return ""
    if not parts.scheme or not host or not ORIGIN_PART.fullmatch(parts.scheme) or not ORIGIN_PART.fullmatch(host):
        return ""
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port is not None else "")


async def outgoing(request: web.Request, site: str, session: str, redacted: bytes, path: str,
                   headers: list[tuple[str, str]], gzipped: bool) -> Outgoing:
    """The request to send upstream for a redacted body; path: the path and redacted query;
    headers: forwarded_headers, their values redacted; gzipped: the client sent its body gzipped
    (body.content_encoding), and the collector gets it so too."""
    if gzipped:
        redacted = (gzip.compress(redacted, GZIP_LEVEL) if len(redacted) <= INLINE_GZIP_LIMIT
                    else await asyncio.to_thread(gzip.compress, redacted, GZIP_LEVEL))
    return Outgoing(site, session, request.method, path, with_body_headers(headers, redacted, gzipped),
                    redacted)


def retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def retryable(status: int) -> bool:
    return status >= 500 or status == 429


@dataclass
class Answer:
    """The collector's answer, to pass back to the client."""
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def response(self, extra: dict[str, str]) -> web.Response:
        response = web.Response(status=self.status, body=self.body)
        for name, value in self.headers:
            lowered = name.lower()
            if lowered not in ANSWER_OWN and lowered not in HOP_BY_HOP and not lowered.startswith("access-control-allow-"):
                response.headers.add(name, value)
        response.headers.update(extra)
        return response


class Upstream:
    """The collector: one ClientSession, the forward of ingest, and the sender of the spool."""

    def __init__(self, url: str, timeout: float, spools: Spools, metrics: Metrics, via: str):
        self.base = url.rstrip("/")
        self.via = via  # written in every request's Via: one that comes back is refused (came_back)
        self.timeout = timeout
        self.spools = spools
        self.spool = spools.own  # the spool this process delivers
        self.metrics = metrics
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> Upstream:
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.timeout, sock_connect=min(self.timeout, 5.0)),
            connector=aiohttp.TCPConnector(limit=MAX_CONNECTIONS),
            cookie_jar=aiohttp.DummyCookieJar(),  # the collector's cookies are the client's business
            skip_auto_headers=("User-Agent", "Content-Type"),  # send only what the client sent
            auto_decompress=True)
        self.spool.start(self.deliver)
        return self

    async def close(self, drain_seconds: float = 0.0) -> None:
        await self.spool.stop(drain_seconds)
        if self._session is not None:
            await self._session.close()
            self._session = None

    def url(self, path: str) -> URL:
        return URL(self.base + path, encoded=True)

    async def exchange(self, item: Outgoing) -> Answer:
        """One request to the collector. Raises Retry when it is down, slow, or answers 5xx/429."""
        answer = await self.relay(item)
        if retryable(answer.status):
            self.metrics.upstream_errors.labels(f"status_{answer.status}").inc()
            wait = next((value for name, value in answer.headers if name.lower() == "retry-after"), None)
            raise Retry(f"status_{answer.status}", retry_after(wait))
        return answer

    async def deliver(self, item: Outgoing) -> int:
        """The spool's sender."""
        return (await self.exchange(item)).status

    async def submit(self, item: Outgoing) -> Answer | None:
        """Forwards a batch, or spools it (None). Raises SpoolFull when it can be neither."""
        spools = self.spools
        if not self.spool.healthy or await spools.has_pending(item.site, item.session):
            await spools.append(item)
            return None
        try:
            answer = await self.exchange(item)
        except Retry as retry:
            self.spool.defer(retry.retry_after)
            await spools.append(item)
            return None
        if answer.status in NOT_NOW:
            # "not now" (an incident, a key rotation): passed back, the batch would be lost unless the
            # client sent it again; kept as the spool keeps one so answered (its session waits on its
            # own, the others go on: no defer)
            self.metrics.spool_held.labels(str(answer.status)).inc()
            await spools.append(item)
            return None
        self.metrics.forwarded.labels(f"{answer.status // 100}xx").inc()
        return answer

    async def relay(self, item: Outgoing) -> Answer:
        """A request of the peers' allow-list (peers.PASSED_PATHS: remote config, scripts; no body, its
        query redacted by the caller): the collector's answer whatever its status, never spooled. Raises Retry when it is down or slow."""
        assert self._session is not None, "upstream is not started"
        try:
            async with self._session.request(item.method, self.url(item.path), headers=[*item.headers, ("Via", f"1.1 {self.via}")],
                                             data=item.body or None, allow_redirects=False) as answer:
                return Answer(answer.status, list(answer.headers.items()), await answer.read())
        except TimeoutError:
            self.metrics.upstream_errors.labels("timeout").inc()
            raise Retry("timeout") from None
        except aiohttp.ClientError:
            self.metrics.upstream_errors.labels("unreachable").inc()
            raise Retry("unreachable") from None
