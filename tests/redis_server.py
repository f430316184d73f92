"""A real redis-server (Debian's) on a free port, in a temporary directory, with no persistence."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import free_port

REDIS_SERVER = shutil.which("redis-server")


@dataclass
class RedisServer:
    directory: Path
    port: int = 0
    process: subprocess.Popen | None = None
    #: a Redis Cluster node holding every slot alone: it refuses, as a cluster does, a transaction or a
    #: script over keys of several slots (CROSSSLOT), with no other node to start
    cluster: bool = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        if REDIS_SERVER is None:  # .ci/run installs it: a missing server fails loudly, never skips
            raise FileNotFoundError("redis-server is not installed (apt-get install redis-server)")
        self.port = self.port or free_port()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory),
             # (the bus port named: by default the port + 10000, past 65535 for a free port above 55535)
             *(["--cluster-enabled", "yes", "--cluster-config-file", str(self.directory / "nodes.conf"),
                "--cluster-port", str(free_port())] if self.cluster else [])],
            stdout=(self.directory / "redis.log").open("wb"), stderr=subprocess.STDOUT)
        try:
            self._wait_for_ping()
            if self.cluster:
                self._hold_every_slot()
        except BaseException:  # whatever stops the start, the process does not outlive it
            self.stop()
            raise
        return self

    def _wait_for_ping(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.directory / 'redis.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not answer PING in 20s")

    def _hold_every_slot(self) -> None:
        cli = ["redis-cli", "-p", str(self.port)]
        subprocess.run([*cli, "CLUSTER", "ADDSLOTSRANGE", "0", "16383"], check=True, capture_output=True)
        deadline = time.monotonic() + 20
        while b"cluster_state:ok" not in subprocess.run([*cli, "CLUSTER", "INFO"], capture_output=True).stdout:
            if time.monotonic() > deadline:
                raise RuntimeError("the one-node Redis Cluster did not become ok in 20s")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@pytest.fixture
def redis_server(tmp_path: Path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def redis_cluster_node(tmp_path: Path):
    server = RedisServer(tmp_path / "redis-cluster", cluster=True).start()
    yield server
    server.stop()
