"""How `redactor serve` listens: its sockets, read timeouts, and a cap on open connections.

The ingest port is open to anyone, so a client must not be able to hold the server's resources
by being slow or by being many:
- **Headers** must arrive within `header_timeout_seconds` of the connection opening (or of the
  previous answer on a kept-alive connection): aiohttp's keep-alive timer runs from then and
  closes a connection still waiting for a complete request, however many bytes trickle in.
- **Bodies** are read by `body.read_body` against a deadline (`body_timeout_seconds`, plus the
  time `body_min_bytes_per_second` allows for what has arrived): a trickle gets 408 and the
  connection is closed after at most `LINGERING_SECONDS` more.
- **Connections**: past `max_connections` open ones, a new connection is answered 503 at once
  and closed, so a flood of idle sockets cannot exhaust the process's file descriptors.
- **Content-Encoding** is left to `body.read_body` (aiohttp's `auto_decompress` off): it inflates
  gzip and deflate itself, a bounded chunk at a time, and refuses what it does not inflate with
  a JSON error — aiohttp's own parser would answer a `br` body with a plain-text 400 naming a
  Python package to install, and log it as an error.
"""

from __future__ import annotations

import asyncio
import logging
import select
import ssl
from collections.abc import Callable
from typing import Any

import orjson
from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from redactor.config import Settings
from redactor.keys import METRICS, RAW_BODIES

log = logging.getLogger("redactor")

#: after an early answer (408, 413…), how long the rest of an unread body is still read so that
#: the client sees the answer rather than a reset; then the connection is closed
LINGERING_SECONDS = 2.0
SHUTDOWN_SECONDS = 15.0  # SIGTERM: batches in flight get this long to finish


def server_options(settings: Settings) -> dict[str, Any]:
    """aiohttp server options (AppRunner keyword arguments) for a listener of `redactor serve`."""
    return {"keepalive_timeout": settings.header_timeout_seconds, "lingering_time": LINGERING_SECONDS,
            "auto_decompress": False, "access_log": None}


class _Busy(asyncio.Protocol):
    """A connection past the cap: answered 503 without reading its request, then closed. What
    the client sends meanwhile is read and dropped (closing with unread bytes would reset the
    connection, and the client would not see the answer); it is closed within BUSY_SECONDS."""

    BODY = orjson.dumps({"error": "too_many_connections",
                         "detail": "the server has as many open connections as it takes; retry in a few seconds"})
    ANSWER = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\n"
              b"Connection: close\r\nContent-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)
    BUSY_SECONDS = 1.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(self.ANSWER)
        if transport.can_write_eof():
            transport.write_eof()
        self._closing = asyncio.get_running_loop().call_later(self.BUSY_SECONDS, transport.close)

    def data_received(self, data: bytes) -> None:
        pass  # dropped

    def eof_received(self) -> bool:
        self.transport.close()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._closing.cancel()


#: the client closed its side of the connection (Linux's POLLRDHUP; elsewhere only a reset is seen)
PEER_CLOSED = getattr(select, "POLLRDHUP", 0)


def half_closed(transport: asyncio.BaseTransport | None) -> bool:
    """The client sent its FIN: it sends nothing more (it may still read)."""
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None or not PEER_CLOSED:
        return False
    poller = select.poll()
    poller.register(sock.fileno(), PEER_CLOSED)
    return bool(poller.poll(0))


class _JsonErrors(RequestHandler):
    """aiohttp's connection handler, whose answer to a request it cannot parse (a bad request
    line, a header too long) is JSON like every other error here, and is logged at INFO: a
    malformed request is the client's fault. (aiohttp answers plain text and logs an error.)

    A client that sends whole requests and then closes its side (shutdown(SHUT_WR), legal in
    HTTP/1.1) gets its answers: aiohttp closed the connection at the FIN, and their batches were
    dropped as if the client had gone. The connection stays open while every request received is
    complete, and closes after the last answer; a FIN in the middle of a body still closes it (the
    body can never be whole: client_gone)."""

    __slots__ = ()

    def eof_received(self) -> bool:
        self._close_unless_whole()
        return True  # open until _close_unless_whole says otherwise: the answers can still be written

    def _close_unless_whole(self, looks: int = 0) -> None:
        """After the client's FIN: closes the connection unless a request is pending and every
        request received is whole (its body complete)."""
        if self.transport is None or self.transport.is_closing():
            return
        requests = [payload for _, payload in self._messages]
        if self._current_request is not None:
            requests.append(self._current_request.content)
        elif self._waiter is None and looks < 3:  # a request taken from the queue whose handler starts
            self._loop.call_soon(self._close_unless_whole, looks + 1)  # in the next iteration (or lingering
            return                                                     # after an answer: then it closes)
        if not requests or not all(payload.is_eof() for payload in requests):
            self.transport.close()

    async def finish_response(self, request: web.BaseRequest, resp: web.StreamResponse,
                              start_time: float | None) -> tuple[web.StreamResponse, bool]:
        if not self._messages and half_closed(self.transport):  # the last answer this client waits for
            resp.force_close()
        return await super().finish_response(request, resp, start_time)

    def handle_error(self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        if status >= 500:
            return super().handle_error(request, status, exc, message)
        log.info("malformed request refused with %d", status)
        if request.writer.output_size > 0:
            raise ConnectionError("an answer was sent already")
        # the kind of fault, not aiohttp's message: that quotes the request's bytes
        response = web.json_response({"error": "bad_request", "detail": "the request is not valid HTTP/1.1 "
                                      f"({type(exc).__name__ if exc else status}): check its request line and headers"},
                                     status=status)
        response.force_close()
        return response


class ListenerSite(web.BaseSite):
    """A TCP listener like aiohttp's TCPSite, with a cap on open connections."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int, *, max_connections: int,
                 ssl_context: ssl.SSLContext | None = None, on_refused: Callable[[], None] = lambda: None,
                 reuse_port: bool = False):
        super().__init__(runner, ssl_context=ssl_context)
        self.host, self.port, self.max_connections = host, port, max_connections
        self.reuse_port = reuse_port  # --workers: every child listens on the one port
        self.on_refused = on_refused

    @property
    def name(self) -> str:
        return f"{'https' if self._ssl_context else 'http'}://{self.host}:{self.port}"

    async def start(self) -> None:
        await super().start()  # registers the site with its runner
        server = self._runner.server
        assert server is not None

        def protocol() -> asyncio.BaseProtocol:
            if len(server.connections) >= self.max_connections:
                self.on_refused()
                log.info("connection refused: %d open, the cap (max_connections)", len(server.connections))
                return _Busy()
            handler = server()
            handler.__class__ = _JsonErrors  # the same handler, with JSON errors (it adds no state)
            return handler

        self._server = await asyncio.get_running_loop().create_server(
            protocol, self.host, self.port, ssl=self._ssl_context, backlog=self._backlog, reuse_address=True,
            reuse_port=self.reuse_port or None)
        self.port = self._server.sockets[0].getsockname()[1]


async def start_listener(app: web.Application, settings: Settings, port: int, handle_signals: bool = False,
                         ssl_context: ssl.SSLContext | None = None, reuse_port: bool = False) -> web.AppRunner:
    """Runs `app` on host:port with the options above; the caller cleans the runner up."""
    app[RAW_BODIES] = True
    runner = web.AppRunner(app, handle_signals=handle_signals, shutdown_timeout=SHUTDOWN_SECONDS,
                           **server_options(settings))
    await runner.setup()
    refused = app[METRICS].refused.labels("too_many_connections").inc if METRICS in app else (lambda: None)
    site = ListenerSite(runner, settings.host, port, max_connections=settings.max_connections,
                        ssl_context=ssl_context, on_refused=refused, reuse_port=reuse_port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    log.info("listening on %s", site.name)
    return runner


def run(app: web.Application, settings: Settings, ssl_context: ssl.SSLContext | None, reuse_port: bool = False) -> None:
    """Serves until SIGTERM or SIGINT, then shuts down as aiohttp's run_app does: the listening
    socket closed, requests in flight finished (SHUTDOWN_SECONDS at most), the app cleaned up."""

    async def serve() -> None:
        runner = await start_listener(app, settings, settings.port, handle_signals=True, ssl_context=ssl_context,
                                      reuse_port=reuse_port)
        try:
            await asyncio.Event().wait()  # until SIGTERM or SIGINT: aiohttp's handlers raise GracefulExit
        finally:
            await runner.cleanup()

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    main = loop.create_task(serve())
    try:
        loop.run_until_complete(main)
    except (web.GracefulExit, KeyboardInterrupt):
        pass
    finally:
        main.cancel()
        try:
            loop.run_until_complete(main)
        except (asyncio.CancelledError, web.GracefulExit, KeyboardInterrupt):
            pass
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
