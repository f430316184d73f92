"""How long `redactor serve` takes to start: wall time until /healthz and /readyz answer 200, and the
CPU the server's process tree spent by then (the supervisor or server, its detector processes and any
other child), best of N runs. Run it on a quiet machine and give the load average with the figures.

    python3 bench/start.py [--runs 3] [--workers N --state redis://…] [--cprofile OUT]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import free_port, tree_cpu_seconds  # noqa: E402


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def one_start(extra: list[str], profile: str | None) -> tuple[float, float, float, float]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else []),
                   "-m", "redactor.cli", "serve", "--port", str(port), "--data-dir", f"{tmp}/data", *extra]
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(f"{tmp}/log", "wb"))
        healthz = readyz = None
        cpu_healthz = 0.0
        try:
            while readyz is None:
                if process.poll() is not None:
                    raise RuntimeError(Path(f"{tmp}/log").read_text())
                if healthz is None and answers(f"http://127.0.0.1:{port}/healthz"):
                    healthz, cpu_healthz = time.monotonic() - started, tree_cpu_seconds(process.pid)
                if healthz is not None and answers(f"http://127.0.0.1:{port}/readyz"):
                    readyz = time.monotonic() - started
                else:
                    time.sleep(0.05)
            cpu_readyz = tree_cpu_seconds(process.pid)
        finally:
            process.terminate()
            process.wait(60)
    return healthz, cpu_healthz, readyz, cpu_readyz


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("--runs", type=int, default=3)
    cli.add_argument("--cprofile", help="profile the server's own process into this file (one run)")
    args, extra = cli.parse_known_args()
    runs = []
    for _ in range(1 if args.cprofile else args.runs):
        runs.append(one_start(extra, args.cprofile))
        print("healthz %.2f s wall, %.2f s CPU; readyz %.2f s wall, %.2f s CPU" % runs[-1], flush=True)
    best = [min(r[i] for r in runs) for i in range(4)]
    print("best of %d: healthz %.2f s wall, %.2f s CPU; readyz %.2f s wall, %.2f s CPU; load %s"
          % (len(runs), *best, " ".join(f"{x:.2f}" for x in os.getloadavg())))


if __name__ == "__main__":
    main()
