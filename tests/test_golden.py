"""Golden files: representative real batches and what the redactor stores for them, reviewed
once and kept. A change in what is stored shows here as a diff to review, not as a surprise.

Regenerate after an intended change: UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from leaks import BUNDLED_SAMPLES
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.policy import Policy, SiteConfig
from redactor.redact import redact_batch_sync

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    # page load: the first snapshot, with every vendor marker and the site's block-list
    "checkout-load": ["checkout-a-0.json"],
    # keystrokes in fields that markers, field meaning and content protect, across a batch boundary
    "checkout-typing": ["checkout-a-0.json", "checkout-a-1.json", "checkout-a-8.json", "checkout-a-9.json"],
    # names and e-mails rendered by script, contenteditable typing, an e-mail in the URL
    "profile-load": ["profile-a-0.json"],
    # the last snapshot: typed values, echoes and the show-password toggle
    "profile-end": ["profile-b-0.json", "profile-b-5.json"],
}


@pytest.fixture(scope="module")
def detector():
    pool = DetectorPool(workers=0, ner=True)
    yield pool
    pool.close()


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case, detector):
    policy = Policy.compile("shop", SiteConfig(block_selectors=["#account-balance"]))
    mirror, stored = DomMirror(), []
    for name in CASES[case]:
        events = orjson.loads((BUNDLED_SAMPLES / name).read_bytes())["events"]
        result = redact_batch_sync(events, policy, mirror, Masker("*"),
                                   lambda texts, language: detector.analyze_sync(texts, language, policy.config.pii))
        if name == CASES[case][-1]:
            stored = result.events
    path = GOLDEN / f"{case}.json"
    produced = orjson.dumps(stored, option=orjson.OPT_INDENT_2) + b"\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(produced)
    assert path.exists(), f"no golden file for {case}: run with UPDATE_GOLDEN=1 and review it"
    assert produced == path.read_bytes(), f"what is stored for {case} changed: review the diff, then UPDATE_GOLDEN=1"
