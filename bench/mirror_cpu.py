"""CPU per node of the session mirror's snapshot work, this tree against another commit, in one run.

On bench/throughput.py's 2,000-node page, each measured as CPU time (`time.process_time`, best of
--repeat) and printed per node and as a ratio to an orjson loads + dumps of the same snapshot
(the least any proxy does with it), measured in the same process:

  insert     DomMirror.insert_tree of the FullSnapshot (a fresh mirror)
  match      DomMirror.match_selectors of the site's selectors on every node (SELECTORS)
  redact     the redaction's walk of the serialized tree (BatchRedaction._redact_tree)
  dump       DomMirror.dump(saved=False): what a frozen mirror and the Redis blob hold
  load       DomMirror.load of that dump (thaw, or a Redis copy not current)
  freeze     sessions.freeze: the dump, orjson and zlib (a mirror leaves the hot set)
  thaw       sessions.thaw: zlib, orjson and the load (it comes back)

The baseline tree (--against, default: the first parent of the merge that made the mirror
compact, the object-per-node mirror) is exported with `git archive` to a temporary folder and run
in a child process beside this tree's, alternately, so both see the same machine load; the last
column is this tree's CPU per node over the baseline's. (The orjson figure itself differs between
the two: a heap of an object per node makes the collector's passes during loads longer.)

    python3 bench/mirror_cpu.py [--against COMMIT] [--repeat 15] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: the merge "Merge branch 'mirror'" (compact columns); its first parent had a Node object a node
COMPACT_MERGE = "22a50f3"
SELECTORS = {"block_selectors": [".rr-block", "#s3 .copy"], "mask_text_selectors": ["section > p + p"]}


def best(run, repeat: int, setup=lambda: None) -> float:
    """The least CPU time of `repeat` runs of run(setup()), setup not counted."""
    spent = []
    for _ in range(repeat):
        given = setup()
        started = time.process_time()
        run(given)
        spent.append(time.process_time() - started)
    return min(spent)


def measure(repeat: int) -> dict[str, float]:
    """Seconds per node of each step, in the tree this process imports."""
    import orjson

    sys.path.insert(0, str(HERE))
    from throughput import Page

    from redactor.dom import DomMirror
    from redactor.masking import Masker
    from redactor.policy import Policy, SiteConfig
    from redactor.redact import BatchLimits, BatchRedaction
    from redactor.sessions import freeze, thaw

    policy = Policy.compile("bench", SiteConfig(**SELECTORS))
    masker = Masker("*", b"k" * 32)
    snapshot = orjson.dumps(Page().snapshot())
    root = orjson.loads(snapshot)["data"]["node"]

    def insert(mirror: DomMirror) -> DomMirror:
        mirror.insert_tree(root, None, policy)
        return mirror

    mirror = insert(DomMirror())
    mirror.match_selectors(policy)
    nodes = len(mirror.nodes)
    trees = [orjson.loads(snapshot)["data"]["node"] for _ in range(repeat)]

    def redact(_: None) -> None:
        BatchRedaction(policy, mirror, masker, BatchLimits())._redact_tree(trees.pop())

    state, frozen = mirror.dump(saved=False), freeze(mirror)
    figures = {
        "orjson": best(lambda _: orjson.dumps(orjson.loads(snapshot)), repeat),
        "insert": best(insert, repeat, DomMirror),
        "match": best(lambda inserted: inserted.match_selectors(policy), repeat, lambda: insert(DomMirror())),
        "redact": best(redact, repeat),
        "dump": best(lambda _: mirror.dump(saved=False), repeat),
        "load": best(lambda _: DomMirror.load(state), repeat),
        "freeze": best(lambda _: freeze(mirror), repeat),
        "thaw": best(lambda _: thaw(frozen), repeat),
    }
    return {name: seconds / nodes for name, seconds in figures.items()} | {"nodes": nodes}


def child(tree: Path, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, __file__, "--measure", "--repeat", str(repeat)], env=env, cwd=tree,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default=f"{COMPACT_MERGE}^1", help="the baseline commit")
    parser.add_argument("--repeat", type=int, default=15, help="runs of each step; the best counts")
    parser.add_argument("--rounds", type=int, default=6, help="alternate runs of both trees; the best counts")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.repeat)))
        return
    with tempfile.TemporaryDirectory(prefix="redactor-baseline-") as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "redactor", "rules", "bench"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        trees = {"baseline": Path(folder), "this tree": ROOT}
        results: dict[str, dict[str, float]] = {}
        for round_ in range(args.rounds):
            for label, tree in list(trees.items())[::1 if round_ % 2 else -1]:  # each first in turn
                found = child(tree, args.repeat)
                results[label] = {k: min(v, results.get(label, {}).get(k, v)) for k, v in found.items()}
    print(f"{int(results['this tree']['nodes'])}-node snapshot; baseline = {args.against}; CPU per node "
          f"(best of {args.repeat} x {args.rounds}), and x the orjson loads+dumps of the snapshot")
    print(f"{'':10}" + "".join(f"{label:>26}" for label in trees) + f"{'this/baseline':>15}")
    for step in ("orjson", "insert", "match", "redact", "dump", "load", "freeze", "thaw"):
        cells = "".join(f"{results[label][step] * 1e6:>12.2f} µs {results[label][step] / results[label]['orjson']:>8.1f} x  "
                        for label in trees)
        print(f"{step:10}{cells}{results['this tree'][step] / results['baseline'][step]:>13.2f}")


if __name__ == "__main__":
    main()
