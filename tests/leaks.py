"""Looks for planted values in stored events: verbatim, or as a half-typed prefix.

Planted values are read from the recordings' manifest (never retyped in tests): tests/data/recordings,
or the folder named by REDACTOR_SAMPLES (recordings of other pages are run the same way).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

BUNDLED_SAMPLES = Path(__file__).resolve().parent / "data" / "recordings"  # shipped: golden files use these
SAMPLES = Path(os.environ.get("REDACTOR_SAMPLES", BUNDLED_SAMPLES))
BUNDLED = "REDACTOR_SAMPLES" not in os.environ  # the recordings shipped in tests/data (counts known)
MIN_PREFIX = 5  # shorter prefixes ("06 3", "Sann") say too little to count as a leak


def manifest(folder: Path = SAMPLES) -> dict[str, Any]:
    path = folder / "manifest.json"
    if not path.is_file():  # a missing fixture fails loudly, never skips
        raise FileNotFoundError(f"no recordings manifest at {path} (set REDACTOR_SAMPLES or restore tests/data/recordings)")
    return orjson.loads(path.read_bytes())


def recordings(folder: Path = SAMPLES) -> list[dict[str, Any]]:
    return [{**recording, "folder": folder} for recording in manifest(folder)["recordings"]]


def bundled_recording(name: str) -> dict[str, Any]:
    """One of the shipped recordings, for tests about a shape only it has (whatever REDACTOR_SAMPLES says)."""
    return next(r for r in recordings(BUNDLED_SAMPLES) if r["recording"] == name)


def batches(recording: dict[str, Any]) -> list[bytes]:
    return [(recording.get("folder", SAMPLES) / name).read_bytes() for name in recording["files"]]


async def post_recording(client: Any, admin_headers: dict[str, str], recording: dict[str, Any], site: str,
                         config: dict[str, Any]) -> list[Any]:
    """Configures `site`, posts a recording batch by batch to the real server (each accepted whole) and returns
    what the store holds of its session."""
    answer = await client.put(f"/v1/sites/{site}", json=config, headers=admin_headers)
    assert answer.status in (200, 201), await answer.text()
    session = recording["sessionId"]
    for body in batches(recording):
        answer = await client.post(f"/v1/sites/{site}/sessions/{session}/events", data=body,
                                   headers={"Content-Type": "application/json"})
        assert answer.status == 202, await answer.text()
        assert (await answer.json())["accepted"] == len(orjson.loads(body)["events"])
    answer = await client.get(f"/v1/sites/{site}/sessions/{session}/events", headers=admin_headers)
    assert answer.status == 200
    return await answer.json()


def strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def forms(value: str) -> set[str]:
    """The ways a value can be written in a recording: as typed, percent-encoded."""
    return {value, quote(value, safe=""), quote(value, safe="@")} - {""}


def leaks(events: list[Any], value: str, prefixes: bool = True) -> list[str]:
    """The stored strings that hold the value, or a prefix of it of MIN_PREFIX+ characters."""
    found = []
    short = len(value) < MIN_PREFIX
    for text in strings(events):
        if short:
            # a 3-digit CVC is a leak only as a whole value, not as a substring of anything
            if text.strip() == value:
                found.append(text)
            continue
        for form in forms(value):
            if form in text:
                found.append(text)
                break
            if prefixes and _has_prefix(text, form):
                found.append(text)
                break
    return found


def _has_prefix(text: str, value: str) -> bool:
    """Whether text holds value[:n] for some n >= MIN_PREFIX at the end of a word run."""
    start = text.find(value[:MIN_PREFIX])
    while start != -1:
        n = MIN_PREFIX
        while start + n < len(text) and n < len(value) and text[start + n] == value[n]:
            n += 1
        if start + n == len(text) or n == len(value):
            return True  # the text stops where the typed value stopped: a half-typed value
        start = text.find(value[:MIN_PREFIX], start + 1)
    return False


def planted(recording: dict[str, Any], pii_only: bool = True) -> list[dict[str, Any]]:
    return [p for p in recording["planted_pii"] if (p["category"] != "non_pii") == pii_only]


def word_in(events: list[Any], value: str) -> bool:
    return any(re.search(re.escape(value), text) for text in strings(events))
