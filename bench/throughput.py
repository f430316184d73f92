"""Throughput of the redaction pass against a baseline measured in the same run.

Generates a large recording — a 2,000-node snapshot (a shop page with forms, markers and
text), then thousands of incremental events (keystrokes into labelled and free-text fields,
mouse moves, scrolls, mutations adding and changing nodes) — cut into batches, and times:

  baseline   orjson loads + dumps of every batch (the least any proxy must do)
  redact     loads + the redaction pass (mirror, markers, field meaning, content detection
             with the real Presidio detector, in-process) + dumps

Prints events/s, MB/s and the ratio redact/baseline.

Then the same on real events: the recordings of tests/data/recordings (rrweb 2.2.2, two pages, two
visitors each), with spaCy NER, replayed as new visitors (a fresh mirror per recording) in three
states of the detector's shared answers (redactor/pii/cache.py):

  page never seen      nothing known: every text of the page and of the visitor is detected
  known page           another visitor of the same page came before: only this visitor's own
                       texts (what they typed, what the page shows back to them) are detected
  warm                 every text known (the same sessions again)

beside the same baseline and Sentry Relay's PII scrubbing (sentry_relay.pii_strip_event with the
rules of bench/quality.py) of the same batches, measured in the same run.

Usage: python3 bench/throughput.py [--ner] [--real-only]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import orjson

from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.policy import Policy, SiteConfig
from redactor.redact import forget_rule_answers, redact_batch_sync

RECORDINGS = Path(__file__).resolve().parent.parent / "tests" / "data" / "recordings"


class Page:
    """Builds an rrweb-serialized page and the ids of its fields."""

    def __init__(self, seed: int = 7):
        self.random = random.Random(seed)
        self.next_id = 1
        self.fields: list[int] = []  # labelled inputs
        self.free: list[int] = []  # textareas
        self.texts: list[int] = []  # text nodes of paragraphs
        self.containers: list[int] = []

    def id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def element(self, tag: str, attributes: dict | None = None, children: list | None = None) -> dict:
        return {"type": 2, "tagName": tag, "attributes": attributes or {}, "childNodes": children or [],
                "id": self.id()}

    def text(self, value: str) -> dict:
        return {"type": 3, "textContent": value, "id": self.id()}

    def section(self, n: int) -> dict:
        r = self.random
        label_words = ["E-mail", "Telefoon", "Naam", "Adresse", "Zoeken", "Opmerking", "Code", "Ville"]
        children = [self.element("h2", {}, [self.text(f"Sectie {n} · Section {n}")])]
        for i in range(6):
            p = self.element("p", {"class": "copy"}, [self.text(f"Product {n}-{i}: fietsbel, € {r.randint(5, 99)},95. "
                                                                f"Levering binnen {r.randint(1, 5)} dagen.")])
            self.texts.append(p["childNodes"][0]["id"])
            self.containers.append(p["id"])
            children.append(p)
        word = label_words[n % len(label_words)]
        field = self.element("input", {"type": "text", "name": f"f{n}"})
        self.fields.append(field["id"])
        children.append(self.element("label", {}, [self.text(f"{word} {n}"), field]))
        notes = self.element("textarea", {"name": f"notes{n}"})
        self.free.append(notes["id"])
        children.append(notes)
        marker = ["sentry-mask", "fs-exclude", "ph-no-capture", "rr-block", ""][n % 5]
        children.append(self.element("div", {"class": marker}, [self.text(f"Klantnummer {r.randint(10**6, 10**7)}")]))
        return self.element("section", {"id": f"s{n}"}, children)

    def snapshot(self, nodes: int = 2000) -> dict:
        sections = []
        while self.next_id < nodes:
            sections.append(self.section(len(sections)))
        body = self.element("body", {}, sections)
        html = self.element("html", {"lang": "nl"}, [self.element("head", {}, [
            self.element("style", {"_cssText": "body { margin: 0 } " * 50})]), body])
        return {"type": 2, "data": {"node": {"type": 0, "childNodes": [html], "id": self.id()},
                                    "initialOffset": {"top": 0, "left": 0}}, "timestamp": 1}


def recording(batches: int, per_batch: int) -> list[bytes]:
    page = Page()
    snap = page.snapshot()
    r = page.random
    meta = {"type": 4, "data": {"href": "https://shop.example/checkout?ref=a@b.example", "width": 1280, "height": 800},
            "timestamp": 0}
    out = [orjson.dumps([meta, snap])]
    typed = {"free": "Bel me op 06 3190 2274, groeten van Mieke Hofstra. ", "field": "sanne@voorbeeld.example"}
    ts = 2
    for b in range(batches):
        events = []
        target_free = page.free[b % len(page.free)]
        target_field = page.fields[b % len(page.fields)]
        for i in range(per_batch):
            ts += 25
            kind = i % 10
            if kind < 4:
                value = typed["free"][: (i % len(typed["free"])) + 1]
                events.append({"type": 3, "data": {"source": 5, "text": value, "isChecked": False, "id": target_free},
                               "timestamp": ts})
            elif kind < 6:
                value = typed["field"][: (i % len(typed["field"])) + 1]
                events.append({"type": 3, "data": {"source": 5, "text": value, "isChecked": False, "id": target_field},
                               "timestamp": ts})
            elif kind < 8:
                events.append({"type": 3, "data": {"source": 1, "positions": [
                    {"x": r.randint(0, 1280), "y": r.randint(0, 800), "id": r.choice(page.containers), "timeOffset": -5}]},
                    "timestamp": ts})
            elif kind == 8:
                events.append({"type": 3, "data": {"source": 3, "id": 1, "x": 0, "y": r.randint(0, 3000)}, "timestamp": ts})
            else:
                parent = r.choice(page.containers)
                new = page.id()
                events.append({"type": 3, "data": {"source": 0, "texts": [
                    {"id": r.choice(page.texts), "value": f"Nog {r.randint(1, 9)} op voorraad"}],
                    "attributes": [{"id": parent, "attributes": {"class": "copy highlighted"}}], "removes": [],
                    "adds": [{"parentId": parent, "nextId": None, "node": {"type": 3, "textContent": "Nieuw!", "id": new}}]},
                    "timestamp": ts})
        out.append(orjson.dumps(events))
    return out


def run(bodies: list[bytes], ner: bool, repeat: int) -> None:
    total_bytes = sum(map(len, bodies))
    total_events = sum(len(orjson.loads(b)) for b in bodies)
    policy = Policy.compile("bench", SiteConfig(block_selectors=["section#s3 .copy", "[data-secret]"]))
    masker = Masker("*")
    detector = DetectorPool(workers=0, ner=ner)
    detector.analyze_sync(["warm up the engine"], "nl", policy.config.pii)

    def baseline() -> None:
        for body in bodies:
            orjson.dumps(orjson.loads(body))

    def redact() -> None:
        mirror = DomMirror()
        analyze = lambda texts, language: detector.analyze_sync(texts, language, policy.config.pii)  # noqa: E731
        for body in bodies:
            orjson.dumps(redact_batch_sync(orjson.loads(body), policy, mirror, masker, analyze).events)

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return min(times)

    redact()  # fills the detector's cache as a long-running server would have it: repeated pages
    base, red = best(baseline), best(redact)
    print(f"recording: {len(bodies)} batches, {total_events} events, {total_bytes / 1e6:.2f} MB "
          f"(snapshot of ~2,000 nodes), detector: {'Presidio + NER' if ner else 'Presidio patterns only'}")
    print(f"  baseline (orjson loads+dumps): {total_events / base:12,.0f} events/s {total_bytes / base / 1e6:8.1f} MB/s")
    print(f"  redaction pass:                {total_events / red:12,.0f} events/s {total_bytes / red / 1e6:8.1f} MB/s")
    print(f"  ratio redact/baseline: {base / red:.3f} (the redaction pass runs at {base / red:.1%} of orjson's speed)")
    cold = DetectorPool(workers=0, ner=ner)
    cold.analyze_sync(["warm up"], "nl", policy.config.pii)
    detector = cold
    forget_rule_answers()
    started = time.perf_counter()
    redact()
    cold_time = time.perf_counter() - started
    print(f"  cold cache (first session of a page): {total_events / cold_time:,.0f} events/s, "
          f"ratio {base / cold_time:.3f}")


def real_recordings() -> dict[str, tuple[str, list[bytes]]]:
    """recording → (page, its batches' events as JSON), from the bundled recordings."""
    manifest = orjson.loads((RECORDINGS / "manifest.json").read_bytes())
    return {r["recording"]: (r["page"], [orjson.dumps(orjson.loads((RECORDINGS / name).read_bytes())["events"])
                                         for name in r["files"]])
            for r in manifest["recordings"]}


def relay_scrub(bodies: list[bytes]) -> None:
    from quality import RELAY_RULES
    from sentry_relay import pii_strip_event

    config = {"applications": {"**": [f"{rule}:mask" for rule in RELAY_RULES]}}
    for body in bodies:
        orjson.dumps(pii_strip_event(config, {"extra": {"events": orjson.loads(body)}}))


def run_real(repeat: int, ner: bool = True) -> None:
    recordings = real_recordings()
    every = [body for _, bodies in recordings.values() for body in bodies]
    events = sum(len(orjson.loads(body)) for body in every)
    policy = Policy.compile("bench", SiteConfig())
    masker = Masker("*")
    pool = DetectorPool(workers=0, ner=ner)
    pool.analyze_sync(["warm up the engine"], "nl", policy.config.pii)

    def replay(name: str) -> None:  # a new visitor: a mirror of their own
        mirror = DomMirror()
        analyze = lambda texts, language: pool.analyze_sync(texts, language, policy.config.pii, site="bench")  # noqa: E731
        for body in recordings[name][1]:
            orjson.dumps(redact_batch_sync(orjson.loads(body), policy, mirror, masker, analyze).events)

    def timed(fn, prepare=lambda name: None) -> float:
        """The best of `repeat` passes over every recording; prepare(name) runs before each, untimed."""
        best = float("inf")
        for _ in range(repeat):
            total = 0.0
            for name in recordings:
                prepare(name)
                started = time.perf_counter()
                fn(name)
                total += time.perf_counter() - started
            best = min(best, total)
        return best

    def forget() -> None:  # the detector's answers and the rules' (BatchRedaction.read)
        pool.forget()
        forget_rule_answers()

    def others_of_the_page(name: str) -> None:
        forget()
        for other, (page, _) in recordings.items():
            if other != name and page == recordings[name][0]:
                replay(other)

    base = timed(lambda name: [orjson.dumps(orjson.loads(body)) for body in recordings[name][1]])
    never = timed(replay, lambda name: forget())
    known = timed(replay, others_of_the_page)
    for name in recordings:
        replay(name)
    warm = timed(replay)
    try:
        relay = timed(lambda name: relay_scrub(recordings[name][1]))
    except ImportError as error:
        relay = None
        print(f"  (Sentry Relay not measured: {error})")
    print(f"\nreal recordings: {len(recordings)} sessions of {len({page for page, _ in recordings.values()})} pages, "
          f"{events} events, {sum(map(len, every)) / 1e6:.2f} MB; detector: "
          f"{'Presidio + NER' if ner else 'Presidio patterns only (no NER)'}; best of {repeat}")
    print(f"  baseline (orjson loads+dumps): {events / base:12,.0f} events/s")
    if relay is not None:
        print(f"  Sentry Relay pii_strip_event:  {events / relay:12,.0f} events/s  ratio to baseline {base / relay:.3f}")
    for label, seconds in (("page never seen", never), ("known page, new visitors", known), ("warm (all known)", warm)):
        beside = f"  vs Relay {relay / seconds:.2f}" if relay is not None else ""
        print(f"  redaction, {label + ':':<26}{events / seconds:10,.0f} events/s  ratio to baseline "
              f"{base / seconds:.3f}{beside}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--per-batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ner", action="store_true", help="also find names with spaCy NER (slower)")
    parser.add_argument("--real-only", action="store_true", help="only the real recordings")
    args = parser.parse_args()
    if not args.real_only:
        run(recording(args.batches, args.per_batch), args.ner, args.repeat)
    run_real(args.repeat)
    run_real(args.repeat, ner=False)  # what NER costs: Relay has no model either


if __name__ == "__main__":
    main()
