"""What detection answers: spans of a text, and what a site's settings keep of them."""
from __future__ import annotations

from dataclasses import dataclass

from redactor.pii.settings import PiiSettings


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    entity: str
    score: float
    recognizer: str


def keep(raw: list[tuple[Span, ...]], settings: PiiSettings) -> list[list[Span]]:
    """What a site's settings keep of the spans found: its entities, at or above its threshold."""
    wanted = set(settings.entities) if settings.entities is not None else None
    return [[s for s in spans if s.score >= settings.threshold and (wanted is None or s.entity in wanted)]
            for spans in raw]


def drop_contained(spans: list[Span]) -> list[Span]:
    """Drop a span lying inside a longer one that scores at least as high (a SIREN inside a SIRET). Two
    entities on the same range stay: "656697775" is both a valid BSN and a valid Luxembourg mobile.

    O(n log n) in the spans (a hostile text holds thousands): in order of start, longer first, each
    range asks the spans before it (those that start no later) for the best score among those that
    end no earlier; a Fenwick tree over the ends answers in log n."""
    ends = sorted({s.end for s in spans}, reverse=True)
    rank = {end: i + 1 for i, end in enumerate(ends)}  # 1 for the last end: "ends no earlier" is a prefix
    best = [float("-inf")] * (len(ends) + 1)  # Fenwick tree of the best score, by end rank
    kept: list[Span] = []
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and (ordered[j].start, ordered[j].end) == (ordered[i].start, ordered[i].end):
            j += 1
        position, covering = rank[ordered[i].end], float("-inf")
        while position > 0:  # the best score among the ranges before that end no earlier
            covering, position = max(covering, best[position]), position & (position - 1)
        kept.extend(s for s in ordered[i:j] if s.score > covering)
        for s in ordered[i:j]:  # then this range's spans join the tree
            position = rank[s.end]
            while position < len(best):
                best[position], position = max(best[position], s.score), position + (position & -position)
        i = j
    unique = {(s.start, s.end, s.entity): s for s in sorted(kept, key=lambda s: s.score)}
    return sorted(unique.values(), key=lambda s: (s.start, -s.end))

