"""Site selectors on the DOM mirror: ms per snapshot and per mutation batch, against JSON.

    python3 bench/selector_matching.py [--nodes 2000] [--repeat 5]

(The issue named it bench/selectors.py; that name shadows the standard library's `selectors`
module, which asyncio imports, for every script in bench/.)

Generates a page of about 2,000 elements (rrweb's serialized form, with text nodes) and
10 / 100 / 1,000 site selectors of the kinds sites write (classes, ids, tags, attributes,
descendant / child / sibling combinators, :nth-child, :not, a few :has), then times:

- snapshot: DomMirror.insert_tree + match_selectors(policy) (what a FullSnapshot costs), and
  match_selectors alone;
- mutation batch: a remove, 6 added nodes, a class change, as redact.py applies them;
- the same snapshot's orjson loads + dumps (the JSON step), in the same run, and the ratio;
- "bs4" columns: what the previous matcher did (a bs4 tree built from the mirror, soupsieve
  select) for one snapshot, for comparison;
- memory: the mirror of the page (tracemalloc), and a bs4 tree of it.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
import tracemalloc

import orjson

from redactor.dom import DomMirror
from redactor.policy import Policy, SiteConfig
from redactor.selectors import MirrorView

WORDS = ["card", "row", "col", "item", "title", "price", "btn", "nav", "menu", "list", "media", "body", "footer",
         "header", "form", "field", "label", "help", "badge", "icon", "link", "grid", "cell", "panel", "tab"]
TAGS = ["div", "div", "div", "span", "p", "a", "li", "section", "article", "button", "img", "h2", "label"]


class Ids:
    def __init__(self) -> None:
        self.next = 1

    def __call__(self) -> int:
        self.next += 1
        return self.next


def make_page(rng: random.Random, elements: int, ids: Ids) -> dict:
    """A document of about `elements` elements: nested blocks, lists, forms, text."""
    count = 0

    def node(depth: int) -> dict:
        nonlocal count
        count += 1
        tag = rng.choice(TAGS) if depth > 1 else "div"
        attrs: dict[str, str] = {"class": " ".join(rng.sample(WORDS, rng.randint(1, 3)))}
        if rng.random() < 0.15:
            attrs["id"] = f"n{count}"
        if rng.random() < 0.1:
            attrs["data-track"] = rng.choice(["a", "b", "c"])
        if tag == "a":
            attrs["href"] = f"/p/{count}"
        children: list[dict] = []
        if depth < 7 and count < elements:
            for _ in range(rng.randint(1, 5) if depth < 6 else 0):
                if count >= elements:
                    break
                children.append(node(depth + 1))
        if rng.random() < 0.6:
            children.append({"type": 3, "textContent": "Some words here", "id": ids()})
        if tag == "div" and rng.random() < 0.05 and count < elements:
            count += 2
            children.append({"type": 2, "tagName": "form", "attributes": {"class": "form"}, "id": ids(),
                             "childNodes": [{"type": 2, "tagName": "input", "attributes": {"name": "email", "type": "email"},
                                             "childNodes": [], "id": ids()}]})
        return {"type": 2, "tagName": tag, "attributes": attrs, "childNodes": children, "id": ids()}

    body_children = []
    while count < elements:
        body_children.append(node(1))
    body = {"type": 2, "tagName": "body", "attributes": {}, "childNodes": body_children, "id": ids()}
    head = {"type": 2, "tagName": "head", "attributes": {}, "childNodes": [], "id": ids()}
    html = {"type": 2, "tagName": "html", "attributes": {"lang": "en"}, "childNodes": [head, body], "id": ids()}
    return {"type": 0, "childNodes": [{"type": 1, "name": "html", "publicId": "", "systemId": "", "id": ids()}, html],
            "id": ids()}


def make_selectors(rng: random.Random, n: int, with_has: bool = True) -> list[str]:
    def word() -> str:
        return rng.choice(WORDS) + rng.choice(["", "-x", "-y", "-z", "-w"])  # most name nothing on the page

    kinds = [
        lambda: f".{word()}",
        lambda: f"#n{rng.randint(1, 5000)}",
        lambda: f"{rng.choice(TAGS)}.{word()}",
        lambda: f".{word()} .{word()}",
        lambda: f".{word()} > {rng.choice(TAGS)}",
        lambda: f"[data-track=\"{rng.choice('abcd')}\"] .{word()}",
        lambda: f".{word()} + .{word()}",
        lambda: f".{word()} ~ p",
        lambda: f"li:nth-child({rng.randint(2, 6)}).{word()}",
        lambda: f".{word()}:not(.{word()})",
        lambda: f"form input[name=\"{rng.choice(['email', 'phone', 'iban'])}\"]",
    ]
    if with_has:
        kinds.append(lambda: f".{word()}:has(> .{word()})")
    return [rng.choice(kinds)() for _ in range(n)]


def ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def mutation_batches(rng: random.Random, mirror: DomMirror, ids: Ids, count: int) -> list[tuple]:
    """(removed id, parent of 6 added nodes, the serialized add, the element whose class changes)."""
    elements = [nid for nid, node in mirror.nodes.items() if node.attrs is not None and node.tag not in ("html", "body", "head")]
    batches = []
    for _ in range(count):
        parent = rng.choice(elements)
        added = {"type": 2, "tagName": "div", "attributes": {"class": f"{rng.choice(WORDS)} new"}, "id": ids(),
                 "childNodes": [{"type": 2, "tagName": rng.choice(TAGS), "attributes": {"class": rng.choice(WORDS)},
                                 "id": ids(), "childNodes": [{"type": 3, "textContent": "new text", "id": ids()}]}
                                for _ in range(2)] + [{"type": 2, "tagName": "span", "attributes": {}, "id": ids(),
                                                       "childNodes": []}]}
        batches.append((rng.choice(elements), parent, added, rng.choice(elements)))
    return batches


def apply_batch(mirror: DomMirror, policy: Policy, batch: tuple) -> None:
    """As redact.py's _mutation does: removes, adds + match, attribute change + match."""
    removed, parent, added, changed = batch
    mirror.remove(removed)
    inserted = mirror.insert_tree(added, parent, policy) if parent in mirror.nodes else []
    mirror.match_selectors(policy, inserted)
    if changed in mirror.nodes:
        mirror.set_attributes(changed, {"class": (mirror.nodes[changed].attrs or {}).get("class", "") + " card-x"}, policy)
        mirror.match_selectors(policy, mirror.subtree(changed))


def legacy_match(mirror: DomMirror, policy: Policy) -> None:
    """The previous matcher: a bs4 tree built from the mirror, soupsieve's select on it."""
    soup = MirrorView(mirror.nodes).soup()
    for _flags, _rule, compiled in policy.selectors:
        compiled.select(soup)


def size_of(build) -> int:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return after - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--no-legacy", action="store_true", help="skip the bs4 comparison")
    args = parser.parse_args()
    rng = random.Random(7)
    ids = Ids()
    page = make_page(rng, args.nodes, ids)
    event = {"type": 2, "data": {"node": page, "initialOffset": {"top": 0, "left": 0}}, "timestamp": 1}
    raw = orjson.dumps([event])
    probe = DomMirror()
    probe.insert_tree(page, None, Policy.compile("bench", SiteConfig()))
    n_elements = sum(1 for n in probe.nodes.values() if n.attrs is not None)
    json_ms = ms(lambda: orjson.dumps(orjson.loads(raw)), args.repeat * 4)
    print(f"page: {n_elements} elements, {len(probe.nodes)} nodes, snapshot {len(raw) / 1024:.0f} KiB; "
          f"orjson loads+dumps {json_ms:.2f} ms")
    print("snapshot: insert_tree + match_selectors; match: match_selectors of that snapshot alone; batch: one")
    print("mutation batch (remove, 6 adds, a class change); bs4: the previous matcher (tree + select), one snapshot")
    print(f"{'selectors':>9} | {'snapshot ms':>11} {'x json':>6} | {'match ms':>8} {'x json':>6} | {'batch ms':>8} "
          f"{'x json':>6} | {'bs4 ms':>7} | flagged")
    for count in (10, 100, 1000):
        for with_has in (False, True):
            selectors = make_selectors(random.Random(count), count, with_has)
            policy = Policy.compile("bench", SiteConfig(block_selectors=selectors))
            mirror = DomMirror()

            def snapshot() -> None:
                mirror.reset()
                mirror.sticky.clear()
                mirror.insert_tree(page, None, policy)
                mirror.match_selectors(policy)

            snapshot_ms = ms(snapshot, args.repeat)
            match_times = []
            for _ in range(args.repeat):  # the selector step of a snapshot alone
                mirror.reset()
                mirror.sticky.clear()
                mirror.insert_tree(page, None, policy)
                gc.collect()
                started = time.perf_counter()
                mirror.match_selectors(policy)
                match_times.append(time.perf_counter() - started)
            match_ms = statistics.median(match_times) * 1000
            flagged = sum(1 for n in mirror.nodes.values() if n.flags)
            batches = mutation_batches(random.Random(count + 1), mirror, ids, args.batches)
            started = time.perf_counter()
            for batch in batches:
                apply_batch(mirror, policy, batch)
            batch_ms = (time.perf_counter() - started) * 1000 / len(batches)
            legacy = "-" if args.no_legacy else f"{ms(lambda: legacy_match(mirror, policy), 1):7.1f}"
            label = f"{count}{' +has' if with_has else ''}"
            print(f"{label:>9} | {snapshot_ms:11.2f} {snapshot_ms / json_ms:6.1f} | {match_ms:8.2f} {match_ms / json_ms:6.2f} | "
                  f"{batch_ms:8.3f} {batch_ms / json_ms:6.2f} | {legacy:>7} | {flagged}")

    policy = Policy.compile("bench", SiteConfig(block_selectors=make_selectors(random.Random(100), 100)))

    def mirror_only() -> DomMirror:
        mirror = DomMirror()
        mirror.insert_tree(page, None, policy)
        mirror.match_selectors(policy)
        return mirror

    mirror = mirror_only()
    state = orjson.dumps(mirror.dump())
    print(f"memory for this page: mirror {size_of(mirror_only) / 1024:.0f} KiB in RAM, "
          f"{len(state) / 1024:.0f} KiB persisted; a bs4 tree of it {size_of(lambda: MirrorView(mirror.nodes).soup()) / 1024:.0f} KiB; "
          f"the matcher keeps nothing between calls")


if __name__ == "__main__":
    main()
