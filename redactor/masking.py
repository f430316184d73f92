"""Masking operators: what a redacted value becomes (the site's `pii.mask`).

- a single character (default "*"): the same length in that character, so a replay keeps its
  layout (whole values mask every character, as rrweb does for passwords; spans and page text
  keep their whitespace so the words around them stay readable)
- "label": the entity name in brackets, e.g. "[EMAIL_ADDRESS]"
- "hash": a keyed hash (HMAC-SHA256 with the site's secret), the same for the same value, so
  sessions can be joined without the value
- "drop": nothing

Detection (which spans) and masking (what they become) stay apart, as in Presidio.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

OPERATORS = ("label", "hash", "drop")
#: the server secret's size (the key of keyed hashes): 256 bits, the full strength of HMAC-SHA256
SECRET_BYTES = 32
#: hex digits of a keyed hash kept in a "hash" mask: 64 bits, enough to join sessions on a value
HASH_HEX_DIGITS = 16


def is_valid_operator(mask: str) -> bool:
    return mask in OPERATORS or len(mask) == 1


class Masker:
    def __init__(self, mask: str = "*", secret: bytes = b""):
        if not is_valid_operator(mask):
            raise ValueError(f"unknown mask {mask!r}: one character, or one of {', '.join(OPERATORS)}")
        self.mask = mask
        self.secret = secret

    def whole(self, value: str, entity: str) -> str:
        """A whole field value: nothing of it remains, not even where its spaces were."""
        return self._replace(value, entity, keep_spaces=False)

    def text(self, value: str, entity: str) -> str:
        """A whole text: every character masked but whitespace, so the layout stays."""
        return self._replace(value, entity, keep_spaces=True)

    def pseudonym(self, value: str) -> str:
        """A keyed hash of the value, whatever the site's mask: the same person's id becomes the same
        pseudonym in every batch, so a collector still joins their events, without the value."""
        digest = hmac.new(self.secret, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return f"#{digest[:HASH_HEX_DIGITS]}"

    def spans(self, value: str, ranges: Iterable[tuple[int, int, str]]) -> str:
        """Masks the given [start, end) ranges (merged when they overlap) and keeps the rest."""
        merged: list[list] = []
        for start, end, entity in sorted(ranges):
            start, end = max(0, start), min(len(value), end)
            if start >= end:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end, entity])
        out, last = [], 0
        for start, end, entity in merged:
            out.append(value[last:start])
            out.append(self._replace(value[start:end], entity, keep_spaces=True))
            last = end
        out.append(value[last:])
        return "".join(out)

    def _replace(self, value: str, entity: str, keep_spaces: bool) -> str:
        if not value:
            return value
        if self.mask == "drop":
            return ""
        if self.mask == "label":
            return f"[{entity}]"
        if self.mask == "hash":
            return self.pseudonym(value)
        if keep_spaces:
            return "".join(c if c.isspace() else self.mask for c in value)
        return self.mask * len(value)
