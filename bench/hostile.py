"""Hostile sizes: is the cost per node (per text) flat as the input grows? (issue 10 item 1)

    python3 bench/hostile.py [--sizes 5000,10000,20000,40000,80000] [--texts 1000,3000,10000,30000]
                             [--steps 1000,2000,4000,8000] [--no-http]

Prints, for each size, the cost per unit and its ratio to linear: the time per unit at N divided
by the time per unit at the smallest N (1.0 = linear; quadratic doubles it with each doubling).

- mirror, in process (DomMirror alone): a FullSnapshot of N flat sibling elements; a mutation
  adding N siblings as rrweb sends them (the last first, each naming the next one: nextId) and
  in the opposite order (each waits for its next sibling); N moves (each node to the front);
  N removes.
- mirror, over real HTTP (`redactor serve` on 127.0.0.1, the same process for every size): a
  batch holding a FullSnapshot of N flat siblings, and a batch holding one mutation with N
  chained adds — the whole ingest path (decode, redaction, store), elements without text so
  the detector has nothing to do.
- selectors, in process: one mutation event adding one sibling to a parent of N children, on a
  site with a block selector that looks at the node only (`.secret`), and with one that looks at
  its siblings (`.secret + li`: the adjacent sibling is found by the links, O(1) per event; the
  added ids are far beyond the page's, so the first event turns the mirror's table into a map
  once, O(N), which the few events measured share).
- long words, in process: a typed value's end read for what it may grow into, on a last word of N
  letters, N template blanks, and N house numbers (street_runs); the rules a textarea's value is read
  with (a name's and a street's shape, its growing end) on N characters of "1 ", "Jan ", "Kerkstraat ",
  "Rue de la Paix 12, " (review 10: ~11 µs a character).
- typed long values, in process (the detector stubbed): one batch of 20 Input events of N characters of
  "1 " into a textarea, each an edit of the one before; past MAX_SCANNED (20,000) a value is masked whole
  unread, by the detector and the rules alike (review 10: 50 such values of 80,000 held a thread 58 s).
- steps of a batch, in process (the detector stubbed: it finds nothing): a textarea sent N values,
  each an edit of the one before ("ab w0", "ab w1", …: the ranges carried from value to value);
  a custom event whose payload has N keys, past a scan budget of 10 texts (all masked alike,
  each given a counter); 200 typed values of 5,000 characters starting with "aaa" and N texts a
  script wrote holding "aaa" (the search for copies of typed values).
- taint, in process: the taint pass over N texts of ~60 characters, with 200 tainted values;
  then 10,000 texts with 10 / 100 / 1,000 tainted values (flat: the cost does not grow with
  the taint), beside the previous matcher (each value searched in each folded text).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import orjson

from load import free_port, wait_ready  # a sibling: bench/ is on the path of a bench script

from redactor.content import Cell
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.policy import Policy, SiteConfig
from redactor.redact import BatchRedaction

TOKEN = "bench-token"


def flat_page(n: int) -> dict:
    items = [{"type": 2, "tagName": "li", "attributes": {"class": "row"}, "childNodes": [], "id": 10 + i}
             for i in range(n)]
    body = {"type": 2, "tagName": "ul", "attributes": {}, "childNodes": items, "id": 5}
    html = {"type": 2, "tagName": "html", "attributes": {}, "childNodes": [body], "id": 3}
    return {"type": 0, "childNodes": [html], "id": 1}


def empty_page() -> dict:
    return flat_page(0)


def chained_adds(n: int, rrweb_order: bool = True) -> list[dict]:
    """N siblings under node 5; rrweb's order: the last first, each naming its next sibling."""
    adds = [{"parentId": 5, "nextId": 10 + i + 1 if i + 1 < n else None,
             "node": {"type": 2, "tagName": "li", "attributes": {"class": "row"}, "childNodes": [], "id": 10 + i}}
            for i in range(n)]
    return adds[::-1] if rrweb_order else adds


def timed(work) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def report(title: str, unit: str, sizes: list[int], seconds: list[float]) -> None:
    base = seconds[0] / sizes[0]
    print(f"  {title}")
    for n, s in zip(sizes, seconds):
        per = s / n
        print(f"    {n:>7,} {unit}: {per * 1e6:8.2f} µs per {unit[:-1]}   total {s * 1e3:9.1f} ms   "
              f"ratio to linear {per / base:5.2f}")


# -- mirror, in process ---------------------------------------------------------------------------
def mirror_in_process(sizes: list[int], repeat: int) -> None:
    print(f"mirror, in process (DomMirror alone; best of {repeat}):")
    results: dict[str, list[float]] = {k: [] for k in ("snapshot", "adds", "adds_reverse", "moves", "removes")}
    for n in sizes:
        runs = [mirror_once(n) for _ in range(repeat)]
        for key in results:
            results[key].append(min(run[key] for run in runs))
    report("FullSnapshot of N flat siblings", "nodes", sizes, results["snapshot"])
    report("one mutation, N chained adds (rrweb's order)", "nodes", sizes, results["adds"])
    report("one mutation, N chained adds (each waits for its next sibling)", "nodes", sizes, results["adds_reverse"])
    report("N moves (each node to the front)", "nodes", sizes, results["moves"])
    report("N removes", "nodes", sizes, results["removes"])


def mirror_once(n: int) -> dict[str, float]:
    policy = Policy.compile("bench", SiteConfig())
    results: dict[str, float] = {}
    page = flat_page(n)
    mirror = DomMirror()
    results["snapshot"] = timed(lambda: mirror.insert_tree(page, None, policy))
    mirror = DomMirror()
    mirror.insert_tree(empty_page(), None, policy)
    adds = chained_adds(n)
    results["adds"] = timed(lambda: mirror.insert_adds(adds, policy))
    moves = [{"parentId": 5, "nextId": None, "node": {"type": 2, "tagName": "li", "attributes": {},
                                                     "childNodes": [], "id": 10 + i}} for i in range(n)]

    def move_all() -> None:
        for move in moves:  # each to the front of the list
            move["nextId"] = mirror.nodes[5].children.first
            mirror.insert_adds([move], policy)
    results["moves"] = timed(move_all)
    results["removes"] = timed(lambda: [mirror.remove(10 + i) for i in range(n)])
    mirror = DomMirror()
    mirror.insert_tree(empty_page(), None, policy)
    forward = chained_adds(n, rrweb_order=False)
    results["adds_reverse"] = timed(lambda: mirror.insert_adds(forward, policy))
    return results


# -- selectors on a long list ---------------------------------------------------------------------
def selectors_per_event(sizes: list[int]) -> None:
    from redactor.policy import validate_site_config
    from redactor.redact import redact_batch_sync

    print("site selectors, in process: one mutation event adding one sibling to a parent of N children:")
    nothing = lambda texts, language: [[] for _ in texts]  # noqa: E731
    for selector, events in ((".secret", 200), (".secret + li", 20)):
        policy = Policy.compile("bench", validate_site_config({"block_selectors": [selector]}))
        seconds = []
        for n in sizes:
            mirror = DomMirror()
            redact_batch_sync([{"type": 2, "data": {"node": flat_page(n)}, "timestamp": 1}], policy, mirror,
                              Masker(), nothing)
            batch = [{"type": 3, "timestamp": 2, "data": {"source": 0, "texts": [], "attributes": [], "removes": [],
                                                          "adds": [{"parentId": 5, "nextId": None, "node": {
                                                              "type": 2, "tagName": "li", "attributes": {},
                                                              "childNodes": [], "id": 10 ** 7 + i}}]}}
                     for i in range(events)]
            seconds.append(timed(lambda: redact_batch_sync(batch, policy, mirror, Masker(), nothing)) / events)
        print(f"  {selector!r}: " + ", ".join(f"N={n:,}: {s * 1e3:.2f} ms" for n, s in zip(sizes, seconds))
              + f" per event; ratio N={sizes[-1]:,} / N={sizes[0]:,}: {seconds[-1] / seconds[0]:.1f}")


# -- mirror, over real HTTP -------------------------------------------------------------------------
async def mirror_over_http(sizes: list[int]) -> None:
    work = Path(tempfile.mkdtemp(prefix="redactor-hostile-"))
    port = free_port()
    config = work / "redactor.yaml"
    config.write_text("pii_workers: 1\nmax_body_bytes: 67108864\nmax_inflated_bytes: 67108864\nsites:\n  bench: {}\n")
    process = subprocess.Popen([sys.executable, "-m", "redactor.cli", "serve", "--port", str(port),
                                "--data-dir", str(work / "data"), "--config", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "REDACTOR_ADMIN_TOKEN": TOKEN})
    url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            await wait_ready(url, process, timeout=180)

            async def post(session: str, events: list) -> float:
                body = orjson.dumps(events)
                started = time.perf_counter()
                async with http.post(f"{url}/v1/sites/bench/sessions/{session}/events", data=body,
                                     headers={"Content-Type": "application/json"}) as answer:
                    await answer.read()
                    if answer.status != 202:
                        raise RuntimeError(f"{answer.status}: {await answer.text()}")
                return time.perf_counter() - started

            meta = {"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1}, "timestamp": 1}
            await post("warm", [meta, {"type": 2, "data": {"node": flat_page(100)}, "timestamp": 2}])
            snapshots, adds = [], []
            for n in sizes:
                snapshots.append(await post(f"snap-{n}", [meta, {"type": 2, "data": {"node": flat_page(n)},
                                                                 "timestamp": 2}]))
                await post(f"adds-{n}", [meta, {"type": 2, "data": {"node": empty_page()}, "timestamp": 2}])
                mutation = {"type": 3, "timestamp": 3, "data": {"source": 0, "texts": [], "attributes": [],
                                                                 "removes": [], "adds": chained_adds(n)}}
                adds.append(await post(f"adds-{n}", [mutation]))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        shutil.rmtree(work, ignore_errors=True)
    print("mirror, over real HTTP (redactor serve, one POST each, decode + redaction + store):")
    report("a batch with a FullSnapshot of N flat siblings", "nodes", sizes, snapshots)
    report("a batch with one mutation of N chained adds", "nodes", sizes, adds)


# -- steps of a batch -----------------------------------------------------------------------------
def batch_steps(sizes: list[int], repeat: int) -> None:
    """Each step of a batch costs its input: a field's keystroke series (content.SeriesSlot), masked
    payload keys renamed apart (content.rename_keys), the search for copies of typed values
    (BatchRedaction._mask_copies). The detector is stubbed (it finds nothing): the steps are timed."""
    import copy

    from redactor.policy import validate_site_config
    from redactor.redact import BatchLimits, redact_batch_sync

    nothing = lambda texts, language: [[] for _ in texts]  # noqa: E731
    policy = Policy.compile("bench", validate_site_config({}))
    meta = {"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1}, "timestamp": 1}
    fields = [{"type": 2, "tagName": "input", "attributes": {"type": "text"}, "childNodes": [], "id": 100 + i}
              for i in range(200)]
    area = {"type": 2, "tagName": "textarea", "attributes": {}, "childNodes": [], "id": 99}
    page = {"type": 0, "id": 1, "childNodes": [{"type": 2, "tagName": "html", "attributes": {}, "id": 3, "childNodes": [
        {"type": 2, "tagName": "div", "attributes": {}, "childNodes": [area, *fields], "id": 5}]}]}
    snapshot = {"type": 2, "data": {"node": page, "initialOffset": {"top": 0, "left": 0}}, "timestamp": 2}

    def typed(nid: int, value: str) -> dict:
        return {"type": 3, "timestamp": 3, "data": {"source": 5, "text": value, "isChecked": False, "id": nid}}

    shapes = {
        "a textarea sent N values, each an edit of the previous ('ab w0', 'ab w1', …)": (
            "values", lambda n: [typed(99, f"ab w{i}") for i in range(n)], BatchLimits()),
        "a custom event of N payload keys past a scan budget of 10 texts (masked alike)": (
            "keys", lambda n: [{"type": 5, "timestamp": 3, "data": {"tag": "form", "payload": {
                f"k{i:07d}": i for i in range(n)}}}], BatchLimits(scan_texts=10)),
        "200 typed values of 5,000 characters ('aaa…') and N texts a script wrote holding 'aaa'": (
            "texts", lambda n: [*(typed(100 + i, "aaa" + "x" * 5000 + str(i)) for i in range(200)),
                                {"type": 3, "timestamp": 4, "data": {"source": 0, "texts": [], "attributes": [],
                                                                     "removes": [], "adds": [
                    {"parentId": 5, "nextId": None, "node": {"type": 3, "textContent": "aaa" + "b" * 60,
                                                             "id": 10_000 + j}} for j in range(n)]}}],
            BatchLimits()),
    }
    print(f"steps of a batch, in process (the detector stubbed; best of {repeat}):")
    for title, (unit, make, limits) in shapes.items():
        seconds = []
        for n in sizes:
            batch = [meta, snapshot, *make(n)]
            runs = []
            for _ in range(repeat):
                events = copy.deepcopy(batch)
                runs.append(timed(lambda: redact_batch_sync(events, policy, DomMirror(), Masker(), nothing,
                                                            limits=limits)))
            seconds.append(min(runs))
        report(title, unit, sizes, seconds)


# -- taint ----------------------------------------------------------------------------------------
FIRST = ["Anna", "Bram", "Carla", "Daan", "Emma", "Finn", "Gijs", "Hanna", "Iris", "Joris", "Amélie", "İpek"]
LAST = ["Jansen", "de Vries", "Peters", "Bakker", "Visser", "Smit", "Meijer", "Strauß", "Lefebvre", "Yıldız"]
FILLER = "Bedankt voor uw bestelling van de fietsbel en de bidonhouder, verzonden op dinsdag"


def taint_work(texts: int, values: int) -> tuple[BatchRedaction, list[Cell]]:
    rng = random.Random(texts * 7 + values)
    policy = Policy.compile("bench", SiteConfig())
    work = BatchRedaction(policy, DomMirror(), Masker("*", b"bench-secret"))
    work.mirror.taint.limit = 10 * values + 100
    for i in range(values):
        work.taint_value(f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", "PERSON")
    holders = [{"t": FILLER[:rng.randint(30, len(FILLER))] + (f" {rng.choice(FIRST)}" if rng.random() < 0.1 else "")}
               for _ in range(texts)]
    cells = [Cell(holder, "t") for holder in holders]
    work.echo_cells = [(cell, cell.get()) for cell in cells]  # the texts the taint pass reads, as the walk records them
    return work, cells


def previous_matcher(values: list[str], texts: list[str]) -> int:
    """The matcher this replaced: each folded value searched in each folded text."""
    folded_values = [v.casefold() for v in values]
    hits = 0
    for text in texts:
        folded = text.casefold()
        for value in folded_values:
            start = folded.find(value)
            while start != -1:
                hits += 1
                start = folded.find(value, start + 1)
    return hits


def taint_in_process(sizes: list[int], repeat: int) -> None:
    print(f"taint, in process (the taint pass of one batch; best of {repeat}):")
    seconds = []
    for n in sizes:
        best = None
        for _ in range(repeat):
            work, cells = taint_work(n, 200)
            took = timed(work._mask_taint)
            best = took if best is None else min(best, took)
        seconds.append(best)
    report("N texts of 30-80 characters, 200 tainted values", "texts", sizes, seconds)
    print("  10,000 texts, growing taint (per text; the previous matcher for comparison):")
    base = None
    for values in (10, 100, 1000):
        work, cells = taint_work(10_000, values)
        texts = [c.get() for c in cells]
        now = timed(work._mask_taint) / 10_000
        raw = [f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i}" for i in range(values)]
        before = timed(lambda: previous_matcher(raw, texts)) / 10_000
        base = base or now
        print(f"    {values:>5} values: {now * 1e6:7.2f} µs per text (ratio to 10 values {now / base:4.2f});"
              f" previous matcher {before * 1e6:8.2f} µs per text")


def long_words(sizes: list[int], repeat: int) -> None:
    """What a typed value's end may grow into (content.trailing_fragment), read on values whose last
    words are N characters long, and on N numbers or N template blanks: per character, flat."""
    from redactor.content import names_by_shape, street_runs, trailing_fragment

    print(f"long words, in process (best of {repeat}):")
    shapes = {
        "a last word of N letters, then one more word": lambda n: "a" * n + " b",
        "a digit then N template blanks": lambda n: "1" + "_ " * (n // 2),
        "N house numbers after a capitalised street (street_runs)": lambda n: "Lange Munt " + "1 " * (n // 2),
    }
    for title, make in shapes.items():
        run = street_runs if "street_runs" in title else trailing_fragment
        seconds = [min(timed(lambda: run(make(n))) for _ in range(repeat)) for n in sizes]
        report(title, "characters", sizes, seconds)
    textarea = names_by_shape("textarea", False, False)

    def visitors_rules(value: str) -> None:
        textarea(value)
        trailing_fragment(value, names=True)

    for filler in ("1 ", "Jan ", "Kerkstraat ", "Rue de la Paix 12, "):
        visitors_rules(filler * 10)  # the name lists and rules it needs load once, before the first size
        seconds = [min(timed(lambda: visitors_rules(filler * (n // len(filler)))) for _ in range(repeat)) for n in sizes]
        report(f"a textarea's rules on N characters of {filler!r}", "characters", sizes, seconds)
    # the detector's own regexes (rules/recognizers.yaml; Presidio's e-mail regex, unbounded, took 12 s
    # on 16,000 characters of "a.ba.b…@"), on texts up to the longest one it is given (MAX_SCANNED)
    from redactor.pii.engine import PiiDetector
    from redactor.redact import MAX_SCANNED

    detector = PiiDetector(ner=False)
    texts = {"a dotted run before an '@'": lambda n: "a.b" * (n // 3) + "@",
             "N digits and dots": lambda n: "1." * (n // 2)}
    within = [n for n in sizes if n <= MAX_SCANNED]
    for title, make in texts.items():
        seconds = []
        for n in within:
            detector.forget()
            seconds.append(timed(lambda: detector.spans_of([make(n)], "en")))
        report(f"the detector (patterns), {title}", "characters", within, seconds)


def typed_long_values(sizes: list[int], repeat: int) -> None:
    """One batch of 20 Input events of N characters of "1 " into a textarea (each an edit of the one before),
    the detector stubbed: the rules read a value the detector reads, none past MAX_SCANNED."""
    import copy

    from redactor.policy import validate_site_config
    from redactor.redact import redact_batch_sync

    nothing = lambda texts, language: [[] for _ in texts]  # noqa: E731
    policy = Policy.compile("bench", validate_site_config({}))
    area = {"type": 2, "tagName": "textarea", "attributes": {}, "childNodes": [], "id": 99}
    page = {"type": 0, "id": 1, "childNodes": [{"type": 2, "tagName": "html", "attributes": {}, "id": 3,
                                                "childNodes": [area]}]}
    snapshot = {"type": 2, "data": {"node": page, "initialOffset": {"top": 0, "left": 0}}, "timestamp": 2}
    print(f"typed long values, in process (the detector stubbed; best of {repeat}):")
    seconds = []
    for n in sizes:
        value = "1 " * (n // 2)
        batch = [{"type": 3, "timestamp": 3, "data": {"source": 5, "text": value[:len(value) - i], "isChecked": False,
                                                      "id": 99}} for i in range(20)]
        runs = []
        for _ in range(repeat):
            mirror = DomMirror()
            redact_batch_sync([snapshot], policy, mirror, Masker(), nothing)
            events = copy.deepcopy(batch)
            runs.append(timed(lambda: redact_batch_sync(events, policy, mirror, Masker(), nothing)))
        seconds.append(min(runs))
    report("20 values of N characters of '1 '", "characters", sizes, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5000,10000,20000,40000,80000")
    parser.add_argument("--texts", default="1000,3000,10000,30000")
    parser.add_argument("--steps", default="1000,2000,4000,8000", help="sizes for the steps of a batch")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs per size (the best is shown)")
    parser.add_argument("--no-http", action="store_true", help="skip the over-HTTP part")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    mirror_in_process(sizes, args.repeat)
    selectors_per_event(sizes)
    taint_in_process([int(s) for s in args.texts.split(",")], args.repeat)
    batch_steps([int(s) for s in args.steps.split(",")], args.repeat)
    long_words(sizes, args.repeat)
    typed_long_values(sizes, args.repeat)
    if not args.no_http:
        asyncio.run(mirror_over_http(sizes))


if __name__ == "__main__":
    main()
