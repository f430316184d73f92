"""Speed of redactor.pii: values/s (patterns only vs with NER, batched vs one by one), and a keystroke
workload — every prefix of ~50 realistic values, as rrweb sends one Input event per key — with the
number of Presidio analyses per typed character and the cache hit rate. Optionally through a
DetectorPool worker process (--pool), to see the cost of the process hop.

    python bench/pii.py [--pool] [--values 50]

Figures are wall-clock on this machine; no value is printed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redactor.pii import DetectorPool, PiiDetector, PiiSettings  # noqa: E402

DATA = ROOT / "tests" / "data" / "pii_eval.jsonl"
KEYS_PER_REQUEST = 10  # rrweb flushes a batch every few seconds: ~10 keystrokes of one field per request


def eval_values() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def typed_values(n: int) -> list[dict]:
    """~n values a person would type: free-text notes, names, e-mails, phones, addresses, searches."""
    rows = eval_values()
    rng = random.Random(7)
    free_text = [r for r in rows if len(r["text"]) > 30]
    short = [r for r in rows if len(r["text"]) <= 30]
    return rng.sample(free_text, n // 2) + rng.sample(short, n - n // 2)


def keystroke_requests(values: list[dict]) -> list[tuple[list[str], str]]:
    """One request per KEYS_PER_REQUEST keystrokes of a field; then the final value appears twice more
    (in a FullSnapshot's attributes.value and echoed in the page's text)."""
    requests = []
    for row in values:
        prefixes = [row["text"][:i] for i in range(1, len(row["text"]) + 1)]
        for i in range(0, len(prefixes), KEYS_PER_REQUEST):
            requests.append((prefixes[i:i + KEYS_PER_REQUEST], row["language"]))
        requests.append(([row["text"], row["text"]], row["language"]))
    return requests


def throughput(detector: PiiDetector, rows: list[dict], settings: PiiSettings) -> tuple[float, float]:
    """values/s batched (one call per language) and one value per call, cold cache each time."""
    by_language: dict[str, list[str]] = {}
    for r in rows:
        by_language.setdefault(r["language"], []).append(r["text"])
    detector._cache.clear()
    t0 = time.perf_counter()
    for language, texts in by_language.items():
        detector.analyze(texts, language, settings)
    batched = len(rows) / (time.perf_counter() - t0)
    detector._cache.clear()
    t0 = time.perf_counter()
    for r in rows[:300]:
        detector.analyze([r["text"]], r["language"], settings)
    single = min(len(rows), 300) / (time.perf_counter() - t0)
    detector._cache.clear()
    return batched, single


def keystrokes(detector: PiiDetector, requests, settings: PiiSettings) -> dict:
    detector._cache.clear()
    before = dict(detector.stats)
    latencies = []
    t0 = time.perf_counter()
    for texts, language in requests:
        t1 = time.perf_counter()
        detector.analyze(texts, language, settings)
        latencies.append(time.perf_counter() - t1)
    elapsed = time.perf_counter() - t0
    stats = {k: detector.stats[k] - before[k] for k in before}
    return dict(elapsed=elapsed, latencies=latencies, **stats)


async def pool_keystrokes(ner: bool, requests, settings: PiiSettings) -> tuple[float, float, list[float]]:
    pool = DetectorPool(workers=1, ner=ner)
    t0 = time.perf_counter()
    await pool.start()
    startup = time.perf_counter() - t0
    latencies = []
    t0 = time.perf_counter()
    for texts, language in requests:
        t1 = time.perf_counter()
        await pool.analyze(texts, language, settings)
        latencies.append(time.perf_counter() - t1)
    elapsed = time.perf_counter() - t0
    pool.close()
    return startup, elapsed, latencies


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pool", action="store_true", help="also run the keystroke workload through a worker process")
    parser.add_argument("--values", type=int, default=50)
    args = parser.parse_args()
    settings = PiiSettings.defaults()
    rows = eval_values()
    values = typed_values(args.values)
    requests = keystroke_requests(values)
    typed_chars = sum(len(v["text"]) for v in values)
    print(f"eval set: {len(rows)} values; keystroke workload: {len(values)} values, {typed_chars} typed characters, "
          f"{len(requests)} requests of <= {KEYS_PER_REQUEST} values")

    for ner in (False, True):
        name = "presidio + NER (fr_core_news_sm)" if ner else "patterns only (NoOpNlpEngine)"
        t0 = time.perf_counter()
        detector = PiiDetector(ner=ner)
        for language in ("en", "fr", "nl"):  # Presidio compiles its built-in regexes on first use
            detector.analyze([f"warm up {language} 0612345678 Jan Jansen"], language, settings)
        build = time.perf_counter() - t0
        batched, single = throughput(detector, rows, settings)
        k = keystrokes(detector, requests, settings)
        p50 = statistics.median(k["latencies"])
        p95 = sorted(k["latencies"])[int(len(k["latencies"]) * 0.95)]
        print(f"\n{name}")
        print(f"  build + first call          {build:6.2f} s")
        print(f"  batched, cold cache         {batched:8,.0f} values/s  ({ms(1 / batched)} per value)")
        print(f"  one value per call          {single:8,.0f} values/s  ({ms(1 / single)} per value)")
        print(f"  keystrokes: {k['values']} values in {k['elapsed']:.2f} s  "
              f"= {k['values'] / k['elapsed']:,.0f} values/s; per request p50 {ms(p50)}, p95 {ms(p95)}")
        print(f"  Presidio analyses per typed character  {k['analyzed'] / typed_chars:.3f} "
              f"({k['analyzed']} analyses, {k['calls']} batched calls)")
        print(f"  cache hit rate              {k['cache_hits'] / k['values']:.1%}")
        if args.pool:
            startup, elapsed, latencies = asyncio.run(pool_keystrokes(ner, requests, settings))
            print(f"  via DetectorPool(workers=1): start {startup:.2f} s, keystrokes {elapsed:.2f} s, "
                  f"per request p50 {ms(statistics.median(latencies))}")


if __name__ == "__main__":
    main()
