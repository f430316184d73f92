"""Shared fixtures: the real app over a real socket, and the real `redactor serve` process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import urllib.request
from hypothesis import settings as hypothesis_settings


from factories import reset_clock
from redactor.app import create_app
from redactor.config import Settings

ADMIN_TOKEN = "test-admin-token"

# The property tests draw the same examples on every run, so a red CI names a bug, not a draw: a failure
# found once stays found. To search new examples, run `pytest --hypothesis-profile=explore`.
hypothesis_settings.register_profile("default", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("REDACTOR_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _same_clock_for_every_test() -> None:
    reset_clock()


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)
    return Settings(data_dir=tmp_path / "data", pii_workers=0)


@pytest.fixture
async def client(aiohttp_client, settings: Settings):
    """The app on a real 127.0.0.1 socket (aiohttp's test server), with its real SQLite file."""
    return await aiohttp_client(create_app(settings))


@pytest.fixture
def redaction_jobs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the jobs the app hands its redaction threads, in order (a batch's trips off the
    loop: "without_gc" decodes, "advance" walks or finishes)."""
    from redactor.scheduling import RedactionThreads

    jobs: list[str] = []
    run = RedactionThreads.run

    async def counted(self, site, fn, *args, **options):
        jobs.append(fn.__name__)
        return await run(self, site, fn, *args, **options)

    monkeypatch.setattr(RedactionThreads, "run", counted)
    return jobs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dead_upstream() -> Iterator[str]:
    """A collector that is down: a port held bound but never listening, so connecting is refused.
    A port free_port() merely found free can be handed out again, to the test's own proxy too (its
    forwards then loop back into itself, each spooling a row)."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


@dataclass
class ServeProcess:
    url: str
    data_dir: Path
    process: subprocess.Popen
    log: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                return self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return self.process.wait()
        return self.process.returncode


def start_serve(data_dir: Path, *extra: str, port: int | None = None, env: dict[str, str] | None = None,
                timeout: float = 90) -> ServeProcess:
    """Runs `redactor serve` as a user would, and waits until it answers /readyz."""
    port = port or free_port()
    log = data_dir.parent / f"serve-{port}.log"
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "REDACTOR_ADMIN_TOKEN": ADMIN_TOKEN, **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir", str(data_dir), *extra],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=environment)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redactor serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return ServeProcess(url, data_dir, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"redactor serve did not get ready in {timeout}s:\n{log.read_text()}")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[ServeProcess]:
    server = start_serve(tmp_path / "data")
    yield server
    server.stop()
