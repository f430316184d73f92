"""The `redactor` command as a user runs it: scrub, check-config, and serve's logs."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import orjson

from conftest import ADMIN_TOKEN, start_serve
from leaks import batches, leaks, planted, recordings


def redactor(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redactor.cli", *args], capture_output=True, timeout=300, **kwargs)


def test_scrub_redacts_a_recording_offline_as_one_session(tmp_path):
    recording = recordings()[0]
    config = tmp_path / "site.json"
    config.write_text('{"block_selectors": ["#account-balance"]}')
    out = tmp_path / "out.json"
    done = redactor("scrub", "--site-config", str(config), *(str(recording["folder"] / f) for f in recording["files"]),
                    "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    events = orjson.loads(out.read_bytes())
    assert len(events) == recording["events"]
    for entry in planted(recording):
        if entry["category"] not in ("free_text", "quasi_identifier"):
            assert not leaks(events, entry["value"]), entry["field"]
    files = len(recording["files"])
    assert b"scrub" in done.stderr and f"{files}/{files}".encode() in done.stderr  # the progress bar


def test_scrub_says_which_file_is_wrong(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    done = redactor("scrub", str(bad), "-q")
    assert done.returncode == 1 and b"bad.json" in done.stderr and b"not JSON" in done.stderr


def test_check_config_names_the_json_path(tmp_path):
    good, bad, unknown = tmp_path / "good.json", tmp_path / "bad.yaml", tmp_path / "unknown.json"
    good.write_text('{"block_selectors": ["#account-balance", "form.pay input"], "pii": {"mask": "label"}}')
    bad.write_text("block_selectors:\n  - '#ok'\n  - 'div[unclosed'\n")
    unknown.write_text('{"block_selector": ["#a"]}')
    assert redactor("check-config", str(good)).returncode == 0
    done = redactor("check-config", str(bad))
    assert done.returncode == 1 and b"$.block_selectors[1]" in done.stderr
    done = redactor("check-config", str(unknown))
    assert done.returncode == 1 and b"$.block_selector" in done.stderr and b"unknown key" in done.stderr


def test_serve_logs_carry_no_value(tmp_path):
    """The server's logs (JSON lines) name sites, rules and counts, never a recorded value."""
    recording = recordings()[-1]
    server = start_serve(tmp_path / "data", env={"REDACTOR_LOG_LEVEL": "DEBUG"})
    try:
        def call(method, path, body=None):
            request = urllib.request.Request(server.url + path, data=body, method=method,
                                             headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status

        call("PUT", "/v1/sites/shop", b"{}")
        for body in batches(recording):
            assert call("POST", f"/v1/sites/shop/sessions/{recording['sessionId']}/events", body) == 202
    finally:
        assert server.stop() == 0
    log = server.log.read_text()
    assert log.strip() and all(line.startswith("{") for line in log.splitlines() if line.strip())
    for entry in recording["planted_pii"]:
        assert entry["value"] not in log, entry["field"]
