"""Batches this process refused, whose events a recorder sends again under its next number.

The samples' recording snippet (tests/data/recordings/pages/collector.js) numbers every flush
(`seq++`) and, when a POST fails, puts the batch's events back at the front of its buffer: they go
out with the NEXT number, together with the new ones. So a batch redactor refuses (503, 429, a
collector's 400…) never comes under its own number, and the next one looks ahead of a missing batch
(sessions.Order.AHEAD): it would wait batch_gap_wait_seconds, then reset the mirror (fail closed),
masking what nothing was missing for.

Fail closed still: a gap is taken as filled only with proof. For each numbered batch it refuses, the
process keeps a fingerprint of its events (how many, and a keyed digest of the first and the last
one's type and timestamp: nothing a visitor wrote). A batch ahead carries a missing number's events
when the fingerprint of its own first that many events is the same (the snippet's merged batch starts
with them). Every missing number needs such proof; any gap without it waits and resets as before.
In process memory only, bounded: a batch refused by another instance (--state) proves nothing here.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import orjson

from redactor.sessions import batch_digest

Key = tuple[str, str]
#: sessions whose refused batches are remembered (least recently refused forgotten first)
MAX_SESSIONS = 10_000
#: refused numbers remembered per session (a recorder merges a few failed flushes, not hundreds)
MAX_PER_SESSION = 8


def fingerprint(key: bytes, events: list[Any], count: int) -> str | None:
    """The fingerprint of the first `count` events (None: too few, or no event). O(1)."""
    if count < 1 or len(events) < count:
        return None
    ends = [[event.get("type"), event.get("timestamp")] if isinstance(event, dict) else None
            for event in (events[0], events[count - 1])]
    return batch_digest(key, orjson.dumps([count, ends]))


class RefusedBatches:
    def __init__(self, max_sessions: int = MAX_SESSIONS):
        self.max_sessions = max_sessions
        self._refused: OrderedDict[Key, dict[int, tuple[int, str]]] = OrderedDict()

    def note(self, site: str, session: str, seq: int, count: int, print_: str | None) -> None:
        """The batch numbered seq of this session, of `count` events fingerprinted print_, was refused."""
        if print_ is None:
            return
        key = (site, session)
        numbers = self._refused.pop(key, {})
        numbers[seq] = (count, print_)
        self._refused[key] = dict(list(numbers.items())[-MAX_PER_SESSION:])
        while len(self._refused) > self.max_sessions:
            self._refused.popitem(last=False)

    def carried(self, site: str, session: str, missing: range, key: bytes, events: list[Any]) -> bool:
        """Whether these events carry every missing number's refused events (module docstring)."""
        numbers = self._refused.get((site, session), {})
        return len(missing) > 0 and all(
            seq in numbers and fingerprint(key, events, numbers[seq][0]) == numbers[seq][1] for seq in missing)
