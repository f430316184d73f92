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


def test_scrub_reads_a_gzip_batch_by_its_first_bytes(tmp_path):
    """A batch saved as the browser sent it (gzip) is inflated, whatever its name (review 6: "str
    is not valid UTF-8"); a broken one is named as gzip."""
    import gzip

    events = [{"type": 4, "data": {"href": "https://shop.example/?mail=jan.peeters@skynet.example", "width": 1,
                                   "height": 1}, "timestamp": 1}]
    packed = tmp_path / "batch.json.gz"
    packed.write_bytes(gzip.compress(orjson.dumps(events)))
    out = tmp_path / "out.json"
    done = redactor("scrub", "--no-ner", str(packed), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr.decode()
    [event] = orjson.loads(out.read_bytes())
    assert event["data"]["href"].startswith("https://shop.example/") and "peeters" not in event["data"]["href"]
    broken = tmp_path / "broken.json"
    broken.write_bytes(gzip.compress(orjson.dumps(events))[:20])
    done = redactor("scrub", "--no-ner", str(broken), "-q")
    assert done.returncode == 1 and b"broken.json" in done.stderr and b"gzip" in done.stderr


def test_scrub_unpacks_events_packed_by_rrweb_packer(tmp_path):
    from peer_factories import rrweb_packed

    event = {"type": 4, "data": {"href": "https://shop.example/?mail=lieve.claes@telenet.example", "width": 1,
                                 "height": 1}, "timestamp": 1}
    batch = tmp_path / "packed.json"
    batch.write_bytes(orjson.dumps([rrweb_packed(event)]))
    out = tmp_path / "out.json"
    done = redactor("scrub", "--no-ner", str(batch), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr.decode()
    [scrubbed] = orjson.loads(out.read_bytes())
    assert "v" not in scrubbed and scrubbed["data"]["href"].startswith("https://shop.example/")
    assert "claes" not in scrubbed["data"]["href"]


def test_scrub_inflates_gzip_up_to_the_servers_limit(tmp_path):
    """gzip.decompress inflated a file whole: 300 KB became 695 MB. The bound is the server's
    max_inflated_bytes, and past it the error says so."""
    import gzip
    import os

    bomb = tmp_path / "bomb.json"
    bomb.write_bytes(gzip.compress(b"[" + b" " * (4 << 20) + b"]"))
    done = redactor("scrub", "--no-ner", str(bomb), "-q", env={**os.environ, "REDACTOR_MAX_INFLATED_BYTES": str(1 << 20)})
    assert done.returncode == 1 and b"bomb.json" in done.stderr and b"max_inflated_bytes" in done.stderr, done.stderr


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


def test_check_config_reports_every_fault_in_one_run(tmp_path):
    """A file with seven faults is reported whole, each fault with its JSON path."""
    config = tmp_path / "redactor.yaml"
    config.write_text(
        "port: 99999\n"
        "colour: red\n"
        "sites:\n"
        "  shop:\n"
        "    block_selectors: ['#ok', 'div[unclosed']\n"
        "    record_inputs: maybe\n"
        "    pii: {entities: [EMAIL_ADDRESS, PASSPORT], threshold: 2}\n"
        "  blog:\n"
        "    allowed_origins: [blog.example]\n")
    done = redactor("check-config", str(config))
    assert done.returncode == 1
    for path in (b"$.port", b"$.colour", b"$.sites.shop.block_selectors[1]", b"$.sites.shop.record_inputs",
                 b"$.sites.shop.pii.entities[1]", b"$.sites.shop.pii.threshold", b"$.sites.blog.allowed_origins"):
        assert path in done.stderr, path
    assert b"PASSPORT" in done.stderr and len(done.stderr.splitlines()) == 7


def test_check_config_refuses_a_project_key_two_sites_hold(tmp_path):
    """A peer's traffic is judged by the one site that holds its key (the admin API refuses a taken key)."""
    config = tmp_path / "redactor.yaml"
    config.write_text("sites:\n  shop: {sdk_keys: [phc_ShopProjectKey1]}\n  blog: {sdk_keys: [phc_ShopProjectKey1]}\n")
    done = redactor("check-config", str(config))
    assert done.returncode == 1 and b"$.sites.blog.sdk_keys[0]" in done.stderr and b"'shop'" in done.stderr


def test_check_config_refuses_an_entity_no_recognizer_reports(tmp_path):
    site = tmp_path / "site.json"
    site.write_text('{"pii": {"entities": ["EMAIL_ADDRESS", "PASSPORT"]}}')
    done = redactor("check-config", str(site))
    assert done.returncode == 1 and b"$.pii.entities[1]" in done.stderr and b"unknown entity" in done.stderr
    site.write_text('{"pii": {"entities": ["EMAIL_ADDRESS", "IBAN_CODE", "PERSON"]}}')
    assert redactor("check-config", str(site)).returncode == 0


def test_check_config_loads_no_model(tmp_path):
    """Validating a configuration (the pii settings included) imports neither Presidio nor spaCy: it
    is quick, and works where only the proxy's configuration is checked."""
    config = tmp_path / "redactor.yaml"
    config.write_text("sites:\n  shop:\n    pii: {entities: [EMAIL_ADDRESS, PERSON], mask: label}\n")
    script = ("import sys; from redactor.cli import main; code = main(['check-config', sys.argv[1]]); "
              "print(sorted(m for m in ('presidio_analyzer', 'spacy') if m in sys.modules)); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script, str(config)], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == b"[]" and b"valid (1 site(s))" in done.stdout


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


def test_serve_warns_of_an_unknown_variable_and_of_a_config_file_site_the_api_owns(tmp_path):
    """A typo in a REDACTOR_* variable, and a site edited in the config file after its first start
    (the stored one, which the API owns, stays in force), were silent (review 6): serve says both."""
    config = tmp_path / "redactor.yaml"
    config.write_text('sites:\n  shop:\n    block_selectors: [".a"]\n')
    first = start_serve(tmp_path / "data", "--config", str(config), env={"REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false"})
    assert first.stop() == 0
    assert "differs from the stored one" not in first.log.read_text()
    config.write_text('sites:\n  shop:\n    block_selectors: [".a", "#iban-field"]\n')
    second = start_serve(tmp_path / "data", "--config", str(config), env={
        "REDACTOR_PII_WORKERS": "0", "REDACTOR_NER": "false", "REDACTOR_MAX_BODY_BYTE": "2000"})
    try:
        request = urllib.request.Request(second.url + "/v1/sites/shop", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            assert orjson.loads(answer.read())["block_selectors"] == [".a"]  # the contract: the API's stays
    finally:
        assert second.stop() == 0
    entries = [orjson.loads(line) for line in second.log.read_text().splitlines() if line.startswith("{")]
    warnings = [entry["message"] for entry in entries if entry.get("level") == "WARNING"]
    assert any("REDACTOR_MAX_BODY_BYTE " in message and "REDACTOR_MAX_BODY_BYTES" in message for message in warnings)
    assert any("site shop" in message and "block_selectors" in message and "PUT /v1/sites/shop" in message
               for message in warnings), warnings
