"""Batch boundaries: the two designs of issue 9 item 7, measured on the sample recordings re-cut.

    python bench/boundaries.py [--cuts every,random1,random2] [--ner]

A recorder may end a batch anywhere, also inside a word that becomes an e-mail address two
keystrokes later ("stuur naar pieterjans" … "@…"). Two ways not to store such a prefix:

  (a) hold back: the last value of each field in a batch is not stored with that batch; it waits
      for the next batch of the session (then it is redacted with that batch's values of the
      field, as one series, and stored) or for an idle timeout (then it is stored as settled).
      Simulated here: the held events are redacted again with the next batch; at the end of the
      recording the held values are flushed, as the idle timeout would.
  (b) mask the unsettled tail (what redactor does, redactor/content.py trailing_fragment): the
      last word of a field's last value in a batch, while still being typed, is masked; the next
      values of the field and the next snapshot show it once it is settled.

  ("none" is the same redaction with no tail rule at all: what leaks when nothing is done.)

Reported per design and cut: leaks (planted values, or a prefix of 5+ characters, stored: tests/
leaks.py; and any 6-character window of a planted value stored), and readability: the words of
typed values stored readable (over every keystroke value stored), the last word of each field's
final typed value readable in its last stored keystroke value, and the non-personal planted values
(promo codes) readable anywhere. No value is printed.
"""
from __future__ import annotations

import argparse
import copy
import random
import re
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from leaks import batches, leaks, planted, recordings, strings  # noqa: E402

import redactor.content as content  # noqa: E402
from redactor.dom import DomMirror  # noqa: E402
from redactor.masking import Masker  # noqa: E402
from redactor.pii import DetectorPool  # noqa: E402
from redactor.policy import Policy, SiteConfig  # noqa: E402
from redactor.redact import redact_batch_sync  # noqa: E402

INPUT, MUTATION = 5, 0
IDLE_MS = 10_000


def cut(events: list, how: str) -> list[list]:
    if how == "every":
        return [[event] for event in events]
    chooser = random.Random(how)
    cuts = sorted(chooser.sample(range(1, len(events)), 30))
    return [events[a:b] for a, b in zip([0, *cuts], [*cuts, len(events)])]


def typed_cells(event: dict) -> list[tuple[int, str]]:
    """(node id, value) of what a keystroke event says a field holds."""
    data = event.get("data") or {}
    if event.get("type") != 3:
        return []
    if data.get("source") == INPUT and isinstance(data.get("text"), str):
        return [(data.get("id"), data["text"])]
    if data.get("source") == MUTATION and not data.get("adds") and not data.get("removes") and not data.get("attributes"):
        return [(t.get("id"), t.get("value")) for t in data.get("texts", []) if isinstance(t.get("value"), str)]
    return []


class Run:
    def __init__(self, detector: DetectorPool):
        self.policy = Policy.compile("shop", SiteConfig(block_selectors=["#account-balance"]))
        self.detector = detector
        self.mirror = DomMirror()
        self.stored: list = []

    def redact(self, events: list) -> list:
        settings = self.policy.config.pii
        return redact_batch_sync(copy.deepcopy(events), self.policy, self.mirror, Masker(),
                                 lambda texts, language: self.detector.analyze_sync(texts, language, settings)).events


def design_b(run: Run, cuts: list[list]) -> None:
    for batch in cuts:
        run.stored += run.redact(batch)


def design_none(run: Run, cuts: list[list]) -> None:
    saved, content.trailing_fragment = content.trailing_fragment, lambda value, settled=False, names=False: []
    try:
        design_b(run, cuts)
    finally:
        content.trailing_fragment = saved


def design_a(run: Run, cuts: list[list], tail: bool = False, until_next_value: bool = False) -> None:
    """Hold back the last value of each field until the next batch (or the idle timeout). A held
    value is redacted again with the next batch, as the first values of its field's series: it is
    judged by its successors. tail=False: no tail rule (what is released is taken as settled);
    tail=True: the last value of each series still has its unsettled tail masked (design b's
    rule), only the values flushed by the idle timeout are taken as settled. until_next_value: a
    held value waits for the next value of its field (or the idle timeout), not just the next batch."""
    saved = content.trailing_fragment
    if not tail:
        content.trailing_fragment = lambda value, settled=False, names=False: []
    held: list = []
    try:
        for batch in cuts:
            if held and batch and batch[0]["timestamp"] - held[-1]["timestamp"] > IDLE_MS:
                run.stored += flush(run, held)  # the idle timeout fired before this batch came
                held = []
            events = held + batch
            last: dict[int, int] = {}  # field → index of the event holding its last value in this batch
            for i, event in enumerate(events):
                if i >= len(held) or until_next_value:
                    for nid, _ in typed_cells(event):
                        last[nid] = i
            hold = set(last.values())
            tagged = [{**event, "_bench": i} for i, event in enumerate(events)]  # which is which after redaction
            for event in run.redact(tagged):
                if event.pop("_bench") not in hold:
                    run.stored.append(event)
            held = [events[i] for i in sorted(hold)]
        if held:
            run.stored += flush(run, held)  # the idle timeout at the end of the recording
    finally:
        content.trailing_fragment = saved


def flush(run: Run, held: list) -> list:
    """The idle timeout: nothing came for 10 s, the held values are stored as settled."""
    saved, content.trailing_fragment = content.trailing_fragment, lambda value, settled=False, names=False: []
    try:
        return run.redact(held)
    finally:
        content.trailing_fragment = saved


DESIGNS = {"none": design_none, "a hold back": design_a,
           "a + tail": lambda run, cuts: design_a(run, cuts, tail=True),
           "a till next": lambda run, cuts: design_a(run, cuts, tail=True, until_next_value=True),
           "b mask tail": design_b}


def windows(value: str, size: int = 6) -> set[str]:
    return {value[i:i + size] for i in range(len(value) - size + 1)} if len(value) >= size else set()


def background(recording: dict, raw: list, finals: dict[int, str]) -> str:
    """Text the page has anyway: its first snapshot (labels: "Date de naissance") and the final
    typed values without their planted values ("Traductrice …"). A window of a planted value that
    is also there ("te de ", "raduct") says nothing about a leak."""
    first = next(e for e in raw if e.get("type") == 2)
    text = "\n".join([*strings(first), *finals.values()])
    for entry in planted(recording):
        if entry["category"] != "free_text":  # the free text is the typed value itself
            text = text.replace(entry["value"], "\n")
    return text


def measure(recording: dict, stored: list, raw: list) -> dict[str, int]:
    texts = list(strings(stored))
    finals: dict[int, str] = {}
    for event in raw:
        for nid, value in typed_cells(event):
            finals[nid] = value
    page = background(recording, raw, finals)
    found = {"leaks": 0, "windows": 0}
    for entry in planted(recording):
        if entry["category"] in ("free_text", "quasi_identifier"):
            continue
        found["leaks"] += bool(leaks(stored, entry["value"]))
        found["windows"] += sum(1 for w in windows(entry["value"]) if w not in page and any(w in t for t in texts))
    # readability of what was typed: words (2+ letters) stored readable in keystroke values
    readable = 0
    last_stored: dict[int, str] = {}
    for event in stored:
        for nid, value in typed_cells(event):
            if nid in finals:
                readable += sum(1 for word in value.split() if "*" not in word and re.search(r"[^\W\d_]{2}", word))
                last_stored[nid] = value
    last_words = [(nid, value.split()[-1]) for nid, value in finals.items() if value.split()]
    kept_last = sum(1 for nid, word in last_words if "*" not in word and word in last_stored.get(nid, "").split())
    plain = [p["value"] for p in planted(recording, pii_only=False)]
    return {**found, "words": readable, "last words": kept_last, "of last words": len(last_words),
            "plain kept": sum(1 for v in plain if any(v in t for t in texts)), "of plain": len(plain)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cuts", default="every,random1,random2")
    parser.add_argument("--ner", action="store_true", help="NER for names (slower; patterns find the samples' values)")
    args = parser.parse_args()
    detector = DetectorPool(workers=0, ner=args.ner)
    print(f"{'cut':8} {'design':12} {'leaks':>5} {'6-windows':>9} {'words':>7} {'last words':>10} {'plain kept':>10} {'s':>5}")
    for how in args.cuts.split(","):
        for name, design in DESIGNS.items():
            total: dict[str, int] = {}
            started = time.perf_counter()
            for recording in recordings():
                raw = [e for body in batches(recording) for e in orjson.loads(body)["events"]]
                run = Run(detector)
                design(run, cut(raw, how))
                for key, value in measure(recording, run.stored, raw).items():
                    total[key] = total.get(key, 0) + value
            print(f"{how:8} {name:12} {total['leaks']:>5} {total['windows']:>9} {total['words']:>7} "
                  f"{total['last words']:>4}/{total['of last words']:<5} {total['plain kept']:>4}/{total['of plain']:<5} "
                  f"{time.perf_counter() - started:5.1f}")
    detector.close()


if __name__ == "__main__":
    main()
