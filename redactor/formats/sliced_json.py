"""JSON decoding that never holds the event loop for long, whatever the size of the body.

The redaction threads share the GIL with the event loop, and a C call holds it from start to
end: orjson decodes a 20 MB body in one call of 200-300 ms, during which /healthz and every
other site wait (bench/loop_lag.py). Big bodies are therefore decoded a piece at a time by
yajl (ijson's C backend, which builds the same Python values) fed from Python, so the loop gets
the GIL back between pieces: about twice orjson's time, in slices of a few milliseconds.
Small bodies, the usual case, keep orjson.

yajl has no limit of nesting, and ijson's cost per container grows with its depth; orjson's
limit (1,024 levels) is kept by a guard that follows the depth of every piece before yajl sees
it, so a body nested deeper is refused after the first piece that goes past the limit.

Where the two decoders differ, the sliced one is stricter or masks: integers past 64 bits are
refused (orjson makes them floats), and an escaped lone surrogate (`"\\ud800"`, not text in
any language) becomes `?` (orjson refuses the body).
"""

from __future__ import annotations

from typing import Any

import ijson
import numpy
import orjson

#: bodies up to this size are decoded by orjson in one call (~5-10 ms per MB held on this machine)
SLICE_BYTES = 1024 * 1024
#: the size of a piece fed to yajl: a few milliseconds of work between two chances for the loop
PIECE_BYTES = 64 * 1024
#: orjson's limit of nesting, kept by the sliced decoder
MAX_DEPTH = 1024

_QUOTE, _BACKSLASH = ord('"'), b"\\"
_OPENS, _CLOSES = (ord("["), ord("{")), (ord("]"), ord("}"))


def loads(data: bytes | str) -> Any:
    """orjson.loads, in slices when the body is big; errors are orjson.JSONDecodeError."""
    if len(data) <= SLICE_BYTES:
        return orjson.loads(data)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")  # a lone surrogate then fails as invalid UTF-8, as in orjson
    values = ijson.sendable_list()
    parser = ijson.items_coro(values, "", use_float=True)
    depth = DepthGuard()
    view = memoryview(data)
    try:
        for start in range(0, len(data), PIECE_BYTES):
            piece = bytes(view[start:start + PIECE_BYTES])
            depth.feed(piece)
            parser.send(piece)  # the GIL can pass to the loop between two pieces
        parser.close()
    except (ijson.JSONError, UnicodeDecodeError, NestedTooDeep) as error:
        raise orjson.JSONDecodeError(str(error).strip().splitlines()[0] if str(error).strip() else
                                     type(error).__name__, "", 0) from None
    if len(values) != 1:
        raise orjson.JSONDecodeError("expected one JSON value", "", 0)
    return values[0]


class NestedTooDeep(ValueError):
    pass


class DepthGuard:
    """Follows the nesting depth of a JSON text fed in pieces (brackets outside strings), with
    numpy so that a piece costs a few vectorised passes, not a Python step per byte. Exact for
    valid JSON; on invalid JSON it may be wrong only past the first error, where yajl stops."""

    def __init__(self, limit: int = MAX_DEPTH):
        self.limit, self.depth, self.in_string, self.escape = limit, 0, False, b""

    def feed(self, piece: bytes) -> None:
        # escapes out of the way: every `\\` pair, then every `\"`; a backslash ending the piece
        # escapes the next piece's first byte, so it waits for it
        text = (self.escape + piece).replace(_BACKSLASH * 2, b"__")
        text, self.escape = (text[:-1], _BACKSLASH) if text.endswith(_BACKSLASH) else (text, b"")
        text = text.replace(b'\\"', b"__")
        if not text:
            return
        codes = numpy.frombuffer(text, numpy.uint8)
        inside = (numpy.cumsum(codes == _QUOTE) + self.in_string) & 1  # 1 within a string (and on its opening quote)
        outside = inside == 0
        steps = (((codes == _OPENS[0]) | (codes == _OPENS[1])) & outside).astype(numpy.int32) \
            - (((codes == _CLOSES[0]) | (codes == _CLOSES[1])) & outside)
        depths = numpy.cumsum(steps) + self.depth
        if int(depths.max()) > self.limit:
            raise NestedTooDeep(f"the JSON nests deeper than {self.limit} levels")
        self.depth, self.in_string = int(depths[-1]), bool(inside[-1])
