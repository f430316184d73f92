"""What a batch writes of its session's state, and what it costs: the changes since the last save
(sessions.state_to_save) beside the whole state a batch wrote before, on bench/throughput.py's
2,000-node page followed by small batches (one mutation, a few keystrokes), in one run.

For each kind of batch: bytes written and CPU time (best of --repeat) of
  whole     orjson of DomMirror.dump(): what every batch that changed the mirror wrote before
  changes   state_to_save: the rows the batch touched (DomMirror.dump_changes)
and both as a ratio to the orjson loads + dumps of the batch itself (the least any proxy does).

    python3 bench/state_writes.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from throughput import Page  # noqa: E402

from redactor.dom import DomMirror  # noqa: E402
from redactor.masking import Masker  # noqa: E402
from redactor.policy import Policy, SiteConfig  # noqa: E402
from redactor.redact import redact_batch_sync  # noqa: E402
from redactor.sessions import note_saved, state_to_save  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    policy, masker = Policy.compile("bench", SiteConfig()), Masker("*", b"k" * 32)
    page = Page()
    snapshot = page.snapshot()
    body_id = snapshot["data"]["node"]["childNodes"][0]["childNodes"][1]["id"]  # document > html > body
    nothing = lambda texts, language: [[] for _ in texts]  # noqa: E731  (detection is not measured here)

    def fresh() -> DomMirror:
        mirror = DomMirror()
        redact_batch_sync([{"type": 4, "data": {"href": "https://shop.example/", "width": 1, "height": 1},
                            "timestamp": 1}, copy.deepcopy(snapshot)], policy, mirror, masker, nothing)
        note_saved(mirror, state_to_save(mirror))
        return mirror

    batches = {
        "one mutation (a node added)": [{"type": 3, "timestamp": 2, "data": {"source": 0, "texts": [], "attributes": [],
                                         "removes": [], "adds": [{"parentId": body_id, "nextId": None, "node": {
                                             "type": 2, "tagName": "p", "attributes": {"class": "note"},
                                             "childNodes": [], "id": 900_001}}]}}],
        "attributes on 20 nodes": [{"type": 3, "timestamp": 2, "data": {"source": 0, "texts": [], "removes": [],
                                    "adds": [], "attributes": [{"id": nid, "attributes": {"class": "rr-block"}}
                                                               for nid in page.containers[:20]]}}],
    }
    mirror = fresh()
    print(f"{len(mirror.nodes)}-node page; CPU best of {args.repeat}; ratio = x orjson loads+dumps of the batch")
    print(f"{'batch':32}{'whole: bytes':>14}{'ms':>8}{'ratio':>8}{'changes: bytes':>17}{'ms':>8}{'ratio':>8}")
    for name, events in batches.items():
        raw = orjson.dumps(events)
        base = best(lambda: orjson.dumps(orjson.loads(raw)), args.repeat)
        mirrors = []

        def changed() -> DomMirror:
            mirror = fresh()
            redact_batch_sync(copy.deepcopy(events), policy, mirror, masker, nothing)
            return mirror

        mirrors = [changed() for _ in range(args.repeat)]
        whole = orjson.dumps(mirrors[0].dump())
        whole_time = best(lambda: orjson.dumps(mirrors[0].dump()), args.repeat)
        sizes = []
        changes_time = best(lambda: sizes.append(len(state_to_save(mirrors.pop()).blob)), args.repeat)
        print(f"{name:32}{len(whole):>14,}{whole_time * 1e3:>8.2f}{whole_time / base:>8.0f}"
              f"{sizes[-1]:>17,}{changes_time * 1e3:>8.3f}{changes_time / base:>8.1f}")


if __name__ == "__main__":
    main()
