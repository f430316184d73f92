"""Big bodies are decoded in slices (redactor/formats/sliced_json.py) and freed in slices
(redactor/scheduling.dismantle), so that the event loop gets the GIL back between slices. The
values must be exactly orjson's, its nesting limit kept, and nothing another holder still uses
taken apart."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from redactor.formats import sliced_json
from redactor.scheduling import dismantle

RECORDINGS = Path(__file__).parent / "data" / "recordings"


@pytest.fixture
def sliced(monkeypatch: pytest.MonkeyPatch):
    """Every body sliced, in pieces of 7 bytes: escapes and strings cut at every place."""
    monkeypatch.setattr(sliced_json, "SLICE_BYTES", 0)
    monkeypatch.setattr(sliced_json, "PIECE_BYTES", 7)
    return sliced_json.loads


@pytest.mark.parametrize("path", sorted(RECORDINGS.glob("*-*.json")), ids=lambda p: p.name)
def test_real_batches_decode_to_the_same_values_as_orjson(sliced, path):
    body = path.read_bytes()
    assert sliced(body) == orjson.loads(body)


@pytest.mark.parametrize("body", [
    b'["a\\\\", "\\"[[[", {"k\\\\\\"": ["]]]]", "\\u00e9\\n"]}]',  # brackets and escaped quotes in strings
    b'"\\\\\\\\\\\\"', b'{"a": 1, "a": 2}', b'[-0.0, 1.5e3, 12345678901234567, true, null, "\\ud83d\\ude00"]',
    '["café", "日本語"]'.encode(), b' \n[1]\t ',
])
def test_edge_cases_decode_as_orjson_does(sliced, body):
    assert sliced(body) == orjson.loads(body)


def test_orjsons_nesting_limit_is_kept(sliced):
    assert sliced(b"[" * 1024 + b"]" * 1024) is not None  # orjson's limit: accepted
    with pytest.raises(orjson.JSONDecodeError, match="deeper than 1024"):
        sliced(b"[" * 1025 + b"]" * 1025)
    with pytest.raises(orjson.JSONDecodeError):  # refused early: yajl never sees a million levels
        sliced(b'{"a":' * 1_000_000)


@pytest.mark.parametrize("body", [b"[1] x", b"[1][2]", b"[1,]", b'{"a":1', b"[NaN]", b'["\xff"]',
                                  b'["\xed\xa0\x80"]', b"\xef\xbb\xbf[1]", b"[1e400]"])
def test_what_orjson_refuses_is_refused_with_its_error(sliced, body):
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(body)
    with pytest.raises(orjson.JSONDecodeError):
        sliced(body)


def test_dismantle_frees_only_what_nobody_else_holds():
    elsewhere = {"kept": ["by", "another", "holder"]}
    held = [{"inner": [1, 2, 3]}]
    values = [{"events": [{"n": i, "children": [[], {}]} for i in range(10_000)], "elsewhere": elsewhere, "held": held},
              list(range(100_000))]
    dismantle(values)
    assert values == []
    assert elsewhere == {"kept": ["by", "another", "holder"]}  # held elsewhere: left whole
    assert held == [{"inner": [1, 2, 3]}]
