"""Caches of detection answers: spans found in a text, by language and text."""
from __future__ import annotations

from collections import OrderedDict

from redactor.pii.spans import Span


class SpanCache:
    """LRU of the spans found in a text, keyed on (language, text). Keystroke series, snapshots
    of the same page and echoes bring the same texts again and again."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[tuple[str, str], tuple[Span, ...]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[Span, ...] | None:
        spans = self._entries.get(key)
        if spans is not None:
            self._entries.move_to_end(key)
        return spans

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, key: tuple[str, str], spans: tuple[Span, ...]) -> None:
        self._entries[key] = spans
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
