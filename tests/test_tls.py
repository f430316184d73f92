"""TLS served directly (`redactor serve --tls-cert --tls-key`), with a self-signed certificate made
here, for deployments without a terminating load balancer. Also: a collector behind HTTPS."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import os
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
import orjson
import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from conftest import ADMIN_TOKEN, ServeProcess, free_port
from test_upstream import SECRET, FakeCollector, batch, eventually

pytestmark = pytest.mark.timeout(120)


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key (PEM files)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "redactor-test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


def trusting(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


def start_tls_serve(tmp_path: Path, cert: Path, key: Path, *extra: str, env: dict[str, str] | None = None,
                    timeout: float = 60) -> ServeProcess:
    """Like conftest.start_serve, but waits for /readyz over HTTPS."""
    port = free_port()
    config = tmp_path / "redactor.yaml"
    config.write_text("pii_workers: 0\nner: false\nupstream_timeout_seconds: 1\nspool_retry_max_seconds: 0.5\n"
                      "sites:\n  shop: {}\n")
    log = tmp_path / f"serve-{port}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir", str(tmp_path / "data"),
         "--config", str(config), "--tls-cert", str(cert), "--tls-key", str(key), *extra],
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
        env={**os.environ, "REDACTOR_ADMIN_TOKEN": ADMIN_TOKEN, **(env or {})})
    url = f"https://127.0.0.1:{port}"
    context = trusting(cert)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redactor serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2, context=context) as answer:
                if answer.status == 200:
                    return ServeProcess(url, tmp_path / "data", process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"redactor serve did not get ready in {timeout}s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return self_signed(tmp_path_factory.mktemp("tls"))


async def test_serves_https_directly(tmp_path, certificate):
    cert, key = certificate
    proxy = await asyncio.to_thread(start_tls_serve, tmp_path, cert, key)
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusting(cert))) as http:
            async with http.post(f"{proxy.url}/v1/sites/shop/sessions/s1/events",
                                 data=orjson.dumps(batch("s1", 0)), headers={"Content-Type": "application/json"}) as r:
                assert r.status == 202
            async with http.get(f"{proxy.url}/v1/sites/shop/sessions/s1/events",
                                headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}) as r:
                assert r.status == 200
                stored = await r.read()
            assert SECRET.encode() not in stored and b'"n":0' in stored
        # plain HTTP on the TLS port gets no answer from the app
        plain = proxy.url.replace("https://", "http://")
        async with aiohttp.ClientSession() as http:
            with pytest.raises(aiohttp.ClientError):
                async with http.get(f"{plain}/healthz") as r:
                    await r.read()
        # a client that does not trust the certificate refuses the connection
        async with aiohttp.ClientSession() as http:
            with pytest.raises(aiohttp.ClientConnectorCertificateError):
                await http.get(f"{proxy.url}/healthz")
    finally:
        assert await asyncio.to_thread(proxy.stop) == 0


def test_tls_cert_without_key_is_refused(tmp_path, certificate):
    cert, _ = certificate
    done = subprocess.run([sys.executable, "-m", "redactor.cli", "serve", "--port", str(free_port()),
                           "--data-dir", str(tmp_path / "data"), "--tls-cert", str(cert)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--tls-key" in done.stderr


async def test_https_in_and_https_collector(tmp_path, certificate):
    """Both hops encrypted: the proxy serves HTTPS and forwards to an HTTPS collector, whose
    certificate it trusts through SSL_CERT_FILE (the system store in production)."""
    cert, key = certificate
    collector = FakeCollector()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", collector.handle)
    collector.runner = web.AppRunner(app, handle_signals=False, auto_decompress=False)
    await collector.runner.setup()
    await web.TCPSite(collector.runner, "127.0.0.1", collector.port, ssl_context=context).start()
    upstream = f"https://127.0.0.1:{collector.port}"
    proxy = await asyncio.to_thread(start_tls_serve, tmp_path, cert, key, "--upstream", upstream,
                                    env={"SSL_CERT_FILE": str(cert)})
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusting(cert))) as http:
            async with http.post(f"{proxy.url}/v1/sites/shop/sessions/s1/events?k=1",
                                 data=orjson.dumps(batch("s1", 0)), headers={"Content-Type": "application/json"}) as r:
                assert r.status == 200, await r.text()  # the collector's answer: it was reached over TLS
        await eventually(lambda: collector.markers() == {"s1": [0]}, 30)
        assert collector.received[0]["path_qs"] == "/v1/sites/shop/sessions/s1/events?k=1"
    finally:
        assert await asyncio.to_thread(proxy.stop) == 0
        await collector.stop()


async def test_the_admin_port_speaks_tls_too(tmp_path, certificate):
    cert, key = certificate
    admin_port = free_port()
    proxy = await asyncio.to_thread(start_tls_serve, tmp_path, cert, key, "--admin-port", str(admin_port))
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trusting(cert))) as http:
            async with http.get(f"https://127.0.0.1:{admin_port}/v1/sites",
                                headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}) as r:
                assert r.status == 200 and await r.json() == ["shop"]
        async with aiohttp.ClientSession() as http:  # no plain HTTP on it
            with pytest.raises(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{admin_port}/v1/sites") as r:
                    await r.read()
    finally:
        assert await asyncio.to_thread(proxy.stop) == 0
