"""A recorder that packs its events: the real rrweb recorder in headless Chromium with
`packFn: rrwebPacker.pack` (the real @rrweb/packer), every event sent as a packed string. redactor
unpacks, redacts and stores them as events: no window of a value typed into the order form (nor of
its echo on the page) is stored or reaches the data dir, the site text and the promo code stay
readable, and the viewer replays the session.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from planted import texts

from .conftest import PAGES, Recording
from .test_heldout import check_data_dir, check_no_shared_window, check_windows
from .test_recorder import SITE, Planted, Recorded, assert_replayable, check_kept, record, site  # noqa: F401 (fixtures)
from .test_viewer import open_replay

pytestmark = pytest.mark.e2e

TYPED = [
    Planted("#k-naam", "Roelofje Kamphuis", "a name (autocomplete=name), echoed by the page after ordering"),
    Planted("#k-mail", "tuinvrouw.ellemiek@ziggo.nl", "an e-mail (type=email), echoed by the page"),
    Planted("#k-tel", "06 3918 2745", "a mobile (type=tel)"),
    Planted("#k-adres", "Hofstedelaan 48", "a street address (autocomplete=street-address)"),
]
IN_COMMENT = [Planted(None, "06 7261 4083", "a phone number inside the free-text remark")]
COMMENT = "Graag achter het tuinhek zetten, bij vragen bellen naar 06 7261 4083 aub."
KEPT = ["Kwekerij Het Zaailand", "Vaste planten en kruiden uit eigen teelt", "Graag achter het tuinhek zetten",
        "VOORJAAR15"]


def unpacked(sent: list[Any]) -> list[dict[str, Any]]:
    """What the browser sent, unpacked here (zlib of the JSON, one character per byte) to prove the
    values were in it; every event must have been packed, else the test proves nothing."""
    assert sent and all(isinstance(event, str) for event in sent), "the recorder did not pack its events"
    return [json.loads(zlib.decompress(event.encode("latin-1"))) for event in sent]


@pytest.fixture(scope="module")
def packed(record) -> Recorded:  # noqa: F811 (the fixture imported above)
    def script(recording: Recording, page: Any) -> None:
        for item in TYPED:
            recording.type(item.selector, item.value)
        recording.type("#k-opmerking", COMMENT)
        recording.type("#k-code", "VOORJAAR15")
        page.click("#k-verstuur")
        page.wait_for_function("document.getElementById('klaar').textContent.startsWith('Dank je wel')")
        recording.snapshot()  # the code, typed last in its field, is settled there

    recorded = record("packed.html", "packed", script)
    recorded.sent = unpacked(recorded.sent)
    return recorded


def test_packed_events_are_stored_unpacked_and_replayable(packed):
    assert all(isinstance(event, dict) and "v" not in event for event in packed.stored)
    assert len(packed.stored) == len(packed.sent)
    assert_replayable(packed.stored)


def test_packed_recording_leaks_no_window_of_a_typed_value(packed):
    assert any("Dank je wel, Roelofje Kamphuis" in text for text in texts(packed.sent))  # the echo was sent
    check_windows(packed, [*TYPED, *IN_COMMENT])


def test_packed_recording_keeps_what_is_not_personal(packed):
    check_kept(packed, KEPT)


def test_no_file_under_the_data_dir_holds_a_typed_value(packed, redactor_serve):
    check_data_dir(redactor_serve, b"Kwekerij Het Zaailand", [*TYPED, *IN_COMMENT])


def test_the_viewer_replays_the_packed_session(packed, page, redactor_serve):
    replay = open_replay(page, redactor_serve, SITE, packed.session)
    replay.locator("#k-verstuur").wait_for(timeout=15_000)  # the order form, rebuilt by the replayer
    assert "Kwekerij Het Zaailand" in replay.locator("h1").inner_text()


def test_typed_values_share_no_window_with_each_other_or_the_site_text():
    check_no_shared_window([*TYPED, *IN_COMMENT], [*KEPT, COMMENT.replace(IN_COMMENT[0].value, ""),
                                                   (PAGES / "packed.html").read_text()])
