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
    entities on the same range stay: "656697775" is both a valid BSN and a valid Luxembourg mobile."""
    kept = [
        s for s in spans
        if not any(o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end)
                   and o.score >= s.score for o in spans)
    ]
    unique = {(s.start, s.end, s.entity): s for s in sorted(kept, key=lambda s: s.score)}
    return sorted(unique.values(), key=lambda s: (s.start, -s.end))

