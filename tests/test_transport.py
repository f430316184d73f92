"""Transport hygiene over real sockets against `redactor serve`: read timeouts for headers and
bodies, a cap on connections, bodies that are not what their Content-Encoding says, quiet logs
under repeated bad requests, and private files on disk."""

from __future__ import annotations

import gzip
import http.client
import os
import socket
import sqlite3
import stat
import time
import urllib.request
import zlib
from pathlib import Path

import orjson
import pytest

from conftest import ADMIN_TOKEN, ServeProcess, start_serve
from redactor.sinks.store import Store

pytestmark = pytest.mark.timeout(300)

INGEST = "/v1/sites/shop/sessions/s1/events"
BATCH = orjson.dumps([{"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1},
                       "timestamp": 1}])
#: a bound against hangs, never a timing assertion: the server is told to give up after 2 s
GIVE_UP = 60.0


def call(server: ServeProcess, method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(server.url + path, data=body, method=method,
                                     headers={"Authorization": f"Bearer {ADMIN_TOKEN}",
                                              "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, orjson.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read() or b"{}")


def start(data_dir: Path) -> ServeProcess:
    serve = start_serve(data_dir, env={
        "REDACTOR_HEADER_TIMEOUT_SECONDS": "2", "REDACTOR_BODY_TIMEOUT_SECONDS": "2",
        "REDACTOR_BODY_MIN_BYTES_PER_SECOND": "1000", "REDACTOR_MAX_CONNECTIONS": "8", "REDACTOR_PII_WORKERS": "0",
        "REDACTOR_NER": "false"})
    assert call(serve, "PUT", "/v1/sites/shop", b"{}")[0] in (200, 201)
    return serve


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the tests that leave it as they found it."""
    serve = start(tmp_path_factory.mktemp("transport") / "data")
    yield serve
    serve.stop()


@pytest.fixture
def own_server(tmp_path: Path):
    serve = start(tmp_path / "data")
    yield serve
    serve.stop()


def connect(server: ServeProcess) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=GIVE_UP)


def trickle_until_closed(sock: socket.socket, data: bytes) -> bytes:
    """Sends `data` a byte every 0.2 s while the server keeps the connection; returns what the
    server said. Fails if the server is still listening when GIVE_UP is reached."""
    sock.settimeout(0.2)
    end = time.monotonic() + GIVE_UP
    answer = b""
    for byte in data:
        assert time.monotonic() < end, "the server kept a trickling connection open"
        try:
            sock.sendall(bytes([byte]))
            chunk = sock.recv(65536)
            if not chunk:
                return answer
            answer += chunk
        except socket.timeout:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return answer
    raise AssertionError("the server read the whole trickle")


def test_a_client_trickling_its_headers_is_closed(server):
    with connect(server) as sock:
        head = f"POST {INGEST} HTTP/1.1\r\nHost: x\r\n".encode() + b"X-Slow: " + b"a" * 4000
        trickle_until_closed(sock, head)
    assert call(server, "GET", "/healthz")[0] == 200


def test_a_client_trickling_its_body_gets_408_and_is_closed(server):
    with connect(server) as sock:
        sock.sendall(f"POST {INGEST} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Length: 100000\r\n\r\n".encode())
        answer = trickle_until_closed(sock, b"[" + b" " * 99_998 + b"]")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"error":"body_timeout"' in answer
    assert call(server, "POST", INGEST, BATCH)[0] == 202  # and the others are served


def test_an_admin_body_trickled_by_a_valid_token_gets_408_too(server):
    with connect(server) as sock:
        sock.sendall(f"PUT /v1/sites/slow HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\n"
                     f"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n".encode())
        answer = trickle_until_closed(sock, b"{" + b" " * 99_998 + b"}")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"error":"body_timeout"' in answer


def healthz_on_a_new_connection(server: ServeProcess) -> bytes:
    with connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_connections_past_the_cap_are_answered_503_and_closed(server):
    idle = [connect(server) for _ in range(8)]
    try:
        end = time.monotonic() + GIVE_UP
        while not (answer := healthz_on_a_new_connection(server)).startswith(b"HTTP/1.1 503"):
            assert time.monotonic() < end, "a connection past the cap was served"  # the idle ones not counted yet
            time.sleep(0.2)
        assert b'"error":"too_many_connections"' in answer
    finally:
        for sock in idle:
            sock.close()
    end = time.monotonic() + GIVE_UP
    while True:  # once they are gone, the server takes connections again
        try:
            if call(server, "GET", "/healthz")[0] == 200:
                break
        except (ConnectionError, OSError):
            pass
        assert time.monotonic() < end
        time.sleep(0.2)
    metrics = urllib.request.urlopen(server.url + "/metrics", timeout=60).read().decode()
    assert 'redactor_batches_refused_total{reason="too_many_connections"}' in metrics


BOMB = gzip.compress(b"[" + b" " * (40 << 20) + b"]")  # 40 MiB of spaces in 40 KiB


@pytest.mark.parametrize("encoding, body, status, code", [
    ("gzip", b"this is not gzip", 400, "bad_encoding"),
    ("gzip", gzip.compress(BATCH)[:-6], 400, "bad_encoding"),  # cut short
    ("gzip", gzip.compress(BATCH) + b"trailing", 400, "bad_encoding"),
    ("deflate", b"garbage!!", 400, "bad_encoding"),
    ("br", b"\x0b\x02\x80[]\x03", 415, "unsupported_encoding"),
    ("zstd", b"(\xb5/\xfd\x00X\x11\x00\x00[]", 415, "unsupported_encoding"),
    ("x-gzip", gzip.compress(BATCH), 415, "unsupported_encoding"),
    ("gzip, br", gzip.compress(BATCH), 415, "unsupported_encoding"),
    ("gzip", BOMB, 413, "too_large"),  # refused at the limit, never inflated whole
    ("gzip", gzip.compress(BATCH), 202, None),
    ("deflate", zlib.compress(BATCH), 202, None),
    ("deflate", zlib.compress(BATCH)[2:-4], 202, None),  # raw deflate, as some clients send it
], ids=["not-gzip", "gzip-cut-short", "gzip-trailing", "not-deflate", "br", "zstd", "x-gzip", "two-codings",
        "gzip-bomb", "gzip", "deflate", "raw-deflate"])
def test_a_body_that_is_not_what_its_encoding_says_gets_a_4xx(server, encoding, body, status, code):
    got, answer = call(server, "POST", INGEST, body, {"Content-Encoding": encoding})
    assert got == status, answer
    if code:
        assert answer["error"] == code and answer["detail"]
        for package in ("install", "Brotli", "brotli", "zstandard", "backports", "pip"):
            assert package not in answer["detail"]


@pytest.mark.parametrize("raw", [b"GARBAGE /\x00 HTTP/9\r\n\r\n", b"GET / HTTP/1.1\r\nX-Big: " + b"c" * 9000 + b"\r\n\r\n",
                                 b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"],
                         ids=["bad-request-line", "header-too-long", "bad-header"])
def test_a_request_that_is_not_http_gets_a_json_400(server, raw):
    with connect(server) as sock:
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"400" and b"application/json" in head
    error = orjson.loads(body)
    assert error["error"] == "bad_request" and error["detail"] and "ccc" not in error["detail"]


def test_repeated_bad_requests_do_not_flood_the_log_with_errors(own_server):
    server = own_server
    for i in range(40):
        with connect(server) as sock:
            sock.sendall(b"GARBAGE /\x00 HTTP/9\r\n\r\n" if i % 2 else
                         f"POST {INGEST} HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n"
                         f"Content-Length: 5\r\n\r\nnope!".encode())
            answer = http.client.HTTPResponse(sock)
            answer.begin()
            answer.read()
            assert answer.status == 400
            # the server closes the connection after a request line it cannot read, but keeps a well-formed
            # request's open until it has been idle header_timeout (2 s): that close is waited for once, the
            # other connections are closed by the client once it has its answer (20 waits took 40 s)
            if i % 2 or i == 0:
                while sock.recv(65536):
                    pass
        call(server, "POST", INGEST, b"not json")
        call(server, "POST", INGEST, BATCH, {"Content-Encoding": "br"})
    assert call(server, "GET", "/healthz")[0] == 200
    server.stop()
    lines = [orjson.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")]
    assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
    assert len(lines) < 60  # 160 bad requests: a few lines, not one each


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_and_every_file_in_it_are_private(server):
    assert call(server, "POST", INGEST, BATCH)[0] == 202
    data = server.data_dir
    assert mode(data) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"redactor.sqlite3", "redactor.sqlite3-wal", "redactor.sqlite3-shm",
                                       "secret.key"}
    for path in files:
        assert mode(path) == 0o600, path


async def test_an_older_data_dir_is_made_private_and_deletes_are_secure(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    with sqlite3.connect(data / "redactor.sqlite3") as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE probe (x)")
    db.close()
    os.chmod(data / "redactor.sqlite3", 0o644)
    store = await Store(data).open()
    try:
        assert mode(data) == 0o700
        assert all(mode(p) == 0o600 for p in data.iterdir())
        assert await store.file.run(lambda: store.file.db.execute("PRAGMA secure_delete").fetchone()[0]) == 1
        marker = b"ERASED-VALUE-" * 50
        await store.save_batch("shop", "s1", None, b'["' + marker + b'"]', 1, None, {}, None)
        assert await store.erase_session("shop", "s1", "admin")
    finally:
        await store.close()
    assert marker not in (data / "redactor.sqlite3").read_bytes()  # the freed pages were zeroed


def test_a_client_resetting_mid_body_is_logged_as_gone_not_as_an_error(own_server):
    server = own_server
    with connect(server) as sock:
        sock.sendall(f"POST {INGEST} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Length: 100000\r\n\r\n[".encode() + b" " * 5000)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # close = RST
    end = time.monotonic() + GIVE_UP
    while "client_gone" not in server.log.read_text():  # the server saw the reset
        assert time.monotonic() < end, f"the reset was never noticed:\n{server.log.read_text()}"
        time.sleep(0.1)
    server.stop()
    lines = [orjson.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")]
    assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
    assert [line for line in lines if "client_gone" in line["message"] and line["level"] in ("INFO", "DEBUG")]


def read_until_closed(sock: socket.socket) -> bytes:
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    return answer


def test_a_client_that_half_closes_after_its_requests_gets_every_answer_and_its_batches_stored(server):
    """A client may send a whole request, then shut its side down (shutdown(SHUT_WR): legal in
    HTTP/1.1) and read the answer. It got none: the FIN closed the connection at once, the batch was
    dropped as client_gone. Now the answers come (two pipelined requests: two) and the connection
    closes after the last one."""
    def ingest(session: str) -> bytes:
        return (f"POST /v1/sites/shop/sessions/{session}/events HTTP/1.1\r\nHost: x\r\nContent-Type: "
                f"application/json\r\nContent-Length: {len(BATCH)}\r\n\r\n").encode() + BATCH

    for sessions in (["half-1"], ["half-2", "half-3"]):
        with connect(server) as sock:
            sock.sendall(b"".join(ingest(session) for session in sessions))
            sock.shutdown(socket.SHUT_WR)
            answer = read_until_closed(sock)  # closed by the server after the last answer
        assert answer.count(b"HTTP/1.1 202 ") == len(sessions), answer
        for session in sessions:
            status, stored = call(server, "GET", f"/v1/sites/shop/sessions/{session}/events")
            assert status == 200 and stored, session


def test_repeated_content_encoding_headers_are_read_as_one_list(server):
    """Content-Encoding sent twice is one list (RFC 9110): only the first header was read, so a gzip
    body sent with `identity` then `gzip` was taken for plain JSON (400 bad_json). `identity` adds
    nothing; two real encodings, as two headers or one, are refused (415)."""
    def send(session: str, codings: list[str], body: bytes) -> bytes:
        head = "".join(f"Content-Encoding: {coding}\r\n" for coding in codings)
        with connect(server) as sock:
            sock.sendall(f"POST /v1/sites/shop/sessions/{session}/events HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         f"application/json\r\n{head}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
                         .encode() + body)
            return read_until_closed(sock)

    assert send("listed-1", ["identity", "gzip"], gzip.compress(BATCH)).startswith(b"HTTP/1.1 202 ")
    assert call(server, "GET", "/v1/sites/shop/sessions/listed-1/events")[1]  # stored, inflated
    for codings in (["gzip", "br"], ["gzip", "gzip"], ["identity", "x-gzip"]):
        answer = send("listed-2", codings, gzip.compress(BATCH))
        assert answer.startswith(b"HTTP/1.1 415 ") and b"unsupported_encoding" in answer, (codings, answer)
