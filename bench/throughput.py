"""Throughput of the redaction pass against a baseline measured in the same run.

Generates a large recording — a 2,000-node snapshot (a shop page with forms, markers and
text), then thousands of incremental events (keystrokes into labelled and free-text fields,
mouse moves, scrolls, mutations adding and changing nodes) — cut into batches, and times:

  baseline   orjson loads + dumps of every batch (the least any proxy must do)
  redact     loads + the redaction pass (mirror, markers, field meaning, content detection
             with the real Presidio detector, in-process) + dumps

Prints events/s, MB/s and the ratio redact/baseline. Usage: python3 bench/throughput.py [--ner]
"""

from __future__ import annotations

import argparse
import random
import time

import orjson

from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.policy import Policy, SiteConfig
from redactor.redact import redact_batch_sync


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
    started = time.perf_counter()
    redact()
    cold_time = time.perf_counter() - started
    print(f"  cold cache (first session of a page): {total_events / cold_time:,.0f} events/s, "
          f"ratio {base / cold_time:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--per-batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ner", action="store_true", help="also find names with spaCy NER (slower)")
    args = parser.parse_args()
    run(recording(args.batches, args.per_batch), args.ner, args.repeat)


if __name__ == "__main__":
    main()
