"""Events packed by @rrweb/packer (`rrweb.record({packFn: pack})`, sites do it to save bandwidth).

A packed event is a string instead of an object: `pack(event)` is fflate's
`strFromU8(zlibSync(strToU8(JSON.stringify({...event, v: "v1"}))), true)`, the zlib stream
(header, deflate, Adler-32) of the event's JSON in UTF-8 with the packer's mark `v: "v1"` added,
each byte one character U+0000-U+00FF (latin-1). A batch may mix packed and plain events.

Each is unpacked in place, under the body's inflation budget (peer.Budget: a bomb is refused with
413 before it is inflated whole), and from then on is an event like any other: redacted, and
stored or forwarded unpacked, without the mark. Not packed again: every reader of stored events
takes objects (the admin API, the viewer's rrweb-player, whose unpackFn, the packer's own
`unpack`, returns an object as it is), and repacking would make the store's one format two.
A string that is not a packed event is refused (400 bad_packed_event), never stored raw.
"""

from __future__ import annotations

from typing import Any

from redactor.formats import rrweb_batch
from redactor.formats.peer import ZLIB_WBITS, Budget, loads
from redactor.formats.rrweb_batch import Batch, BatchError

#: @rrweb/packer's MARK (its src/base.ts; 2.1.6, the newest: the packer has no 2.2.x beside rrweb 2.2.2)
MARK = "v1"
CODE = "bad_packed_event"


def decode_batch(body: bytes, limit: int) -> Batch:
    """A native batch (rrweb_batch.decode) with its packed events unpacked. `limit` is
    max_inflated_bytes, for the body and its packed events together: what a gzip body may be."""
    batch = rrweb_batch.decode(body)
    budget = Budget(limit)
    budget.left = max(limit - len(body), 0)  # never below 0: inflate's bound would be none
    unpack_events(batch.events, budget)
    return batch


def unpack_events(events: list[Any], budget: Budget) -> None:
    """Replaces each packed event of the list by the event it holds (the rest are left as they are)."""
    for index, event in enumerate(events):
        if isinstance(event, str):
            events[index] = unpack(event, budget, f"event {index}")


def unpack(packed: str, budget: Budget, where: str) -> dict[str, Any]:
    what = f"{where} (a string: an event packed by @rrweb/packer)"
    try:
        data = packed.encode("latin-1")
    except UnicodeEncodeError:
        raise BatchError(400, CODE, f"{what} holds a character above U+00FF, so it is not the packer's output "
                                    "(one character per byte): send events as objects, or packed by "
                                    "@rrweb/packer's pack") from None
    try:
        event = loads(budget.inflate(data, ZLIB_WBITS, what), what)
    except BatchError as error:
        if error.status != 400:
            raise  # too large once inflated: 413, as a gzip body
        raise BatchError(400, CODE, error.detail) from None
    if not isinstance(event, dict) or event.get("v") != MARK:
        version = event.get("v") if isinstance(event, dict) else None
        raise BatchError(400, CODE, f"{what} inflates to JSON without the packer's mark v={MARK!r} "
                                    f"(v={str(version)[:20]!r}): redactor reads @rrweb/packer's {MARK} format")
    del event["v"]  # the packer's, not the event's
    return event
