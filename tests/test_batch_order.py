"""Numbered batches ({"seq": n, "events": […]}, counted from 0 as the recording snippet does): a
duplicate is a no-op, a batch ahead of a missing one waits briefly for it and is then taken
without it (every node is then unknown, those it would have taught the mirror and those it may
have changed: masked until the next snapshot), and a batch that
comes late is still taken. The number goes with the session's state, so a retry is known as
one by every process that shares it."""

from __future__ import annotations

import asyncio

import orjson
import pytest

from factories import element, html_page, input_event, meta, mutation, snapshot, text
from leaks import leaks
from redactor.dom import DomMirror
from redactor.sessions import MAX_MISSING_SEQS, MAX_SEQ_DIGESTS, Order, batch_order, take_seq

SITE = "shop"


def body(seq: int, events: list) -> bytes:
    return orjson.dumps({"seq": seq, "events": events})


def page() -> tuple[dict, int, int, int]:
    """A page with a password field, a promo field and a list the later batches add to."""
    password = element("input", {"type": "password", "name": "pw"})
    promo = element("input", {"type": "text", "name": "promo"})
    items = element("ul", {"id": "items"})
    return html_page(element("form", {}, [password, promo]), items), password["id"], promo["id"], items["id"]


@pytest.fixture
def gap_settings(settings):
    settings.batch_gap_wait_seconds = 1.0
    return settings


@pytest.fixture
async def shop(aiohttp_client, gap_settings, admin_headers):
    from redactor.app import create_app

    client = await aiohttp_client(create_app(gap_settings))
    assert (await client.put(f"/v1/sites/{SITE}", json={}, headers=admin_headers)).status == 201
    return client


async def post(client, session: str, seq: int, events: list):
    answer = await client.post(f"/v1/sites/{SITE}/sessions/{session}/events", data=body(seq, events),
                               headers={"Content-Type": "application/json"})
    assert answer.status == 202, await answer.text()
    return await answer.json()


async def stored(client, admin_headers, session: str) -> list:
    answer = await client.get(f"/v1/sites/{SITE}/sessions/{session}/events", headers=admin_headers)
    return await answer.json()


async def test_a_batch_sent_again_is_a_no_op(shop, admin_headers):
    html, _, promo, _ = page()
    first = [meta(), snapshot(html), input_event(promo, "WINTER25")]
    assert (await post(shop, "s1", 0, first))["stored"] == 3
    again = await post(shop, "s1", 0, first)
    assert again == {"accepted": 3, "stored": 0, "dropped": 0, "duplicate": True}
    assert len(await stored(shop, admin_headers, "s1")) == 3
    assert (await post(shop, "s1", 1, [input_event(promo, "WINTER25X")]))["stored"] == 1
    metrics = await (await shop.get("/metrics")).text()
    assert 'redactor_batches_out_of_order_total{order="duplicate"} 1.0' in metrics


async def test_a_batch_ahead_waits_for_the_missing_one(shop, admin_headers):
    """Batch 1 arrives first: it waits, batch 0 (the snapshot) goes in, then batch 1 is redacted
    with what batch 0 taught the mirror: the promo code stays readable, the password does not."""
    html, password, promo, _ = page()
    ahead = asyncio.create_task(post(shop, "s2", 1, [input_event(password, "hunter2-secret"),
                                                     input_event(promo, "WINTER25 ")]))
    await asyncio.sleep(0.3)
    assert not ahead.done()
    await post(shop, "s2", 0, [meta(), snapshot(html)])
    assert (await ahead)["stored"] == 2
    events = await stored(shop, admin_headers, "s2")
    assert [event["type"] for event in events] == [4, 2, 3, 3]  # batch 0 was stored first
    assert not leaks(events, "hunter2-secret")
    assert events[-1]["data"]["text"] == "WINTER25 "  # known as a plain field: not masked fail-closed


async def test_after_the_wait_a_batch_goes_on_without_the_missing_one_which_is_taken_late(shop, admin_headers):
    html, _, _, items = page()
    await post(shop, "s3", 0, [meta(), snapshot(html)])
    item = element("li", {}, [text("Bedankt Sanne de Vries")])
    # batch 1 (adding the item) is lost for now; batch 2 changes the item's text: a node the mirror
    # never saw, so its text is masked whole (fail closed) after the wait
    late = [mutation(adds=[{"parentId": items, "nextId": None, "node": item}])]
    answer = await post(shop, "s3", 2, [mutation(texts=[{"id": item["childNodes"][0]["id"],
                                                         "value": "Bedankt Sanne de Vries"}])])
    assert answer["stored"] == 1
    assert not leaks(await stored(shop, admin_headers, "s3"), "Sanne de Vries")
    assert (await post(shop, "s3", 1, late))["stored"] == 1  # late, not a duplicate: taken
    assert (await post(shop, "s3", 1, late)).get("duplicate")  # now it is one
    metrics = await (await shop.get("/metrics")).text()
    assert 'redactor_batches_out_of_order_total{order="ahead"} 1.0' in metrics
    assert 'redactor_batches_out_of_order_total{order="late"} 1.0' in metrics


async def test_batches_without_a_number_are_taken_as_they_come(shop, admin_headers):
    html, _, promo, _ = page()
    events = [meta(), snapshot(html)]
    for _ in range(2):
        answer = await shop.post(f"/v1/sites/{SITE}/sessions/s4/events", data=orjson.dumps(events))
        assert (await answer.json())["stored"] == 2
    answer = await shop.post(f"/v1/sites/{SITE}/sessions/s4/events",
                             data=orjson.dumps({"seq": "7", "events": [input_event(promo, "A")]}))
    assert (await answer.json())["stored"] == 1  # not a whole number: no number


def test_the_missing_numbers_kept_are_bounded():
    mirror = DomMirror()
    assert batch_order(mirror, 0) is Order.NEXT and batch_order(mirror, 3) is Order.AHEAD
    take_seq(mirror, 0)
    take_seq(mirror, 10**12)  # a jump far ahead: only the last numbers before it are kept as missing
    assert len(mirror.missing_seqs) == MAX_MISSING_SEQS and mirror.missing_seqs[-1] == 10**12 - 1
    assert batch_order(mirror, 10**12 - 1) is Order.NEXT  # late
    assert batch_order(mirror, 5) is Order.DUPLICATE  # past what is kept: counted as come
    assert take_seq(mirror, 10**12 - 1) and 10**12 - 1 not in mirror.missing_seqs
    take_seq(mirror, 10**12 + 1, "00ff00ff00ff00ff")  # the batch's digest goes with the state too
    loaded = DomMirror.load(orjson.loads(orjson.dumps(mirror.dump())))
    assert (loaded.last_seq, loaded.missing_seqs, loaded.seq_digests) == (mirror.last_seq, mirror.missing_seqs,
                                                                          mirror.seq_digests)



def test_a_pending_batch_of_the_count_before_a_recount_is_redone_without_moving_the_recount():
    """Batch 5 of a first tab was committed, not known delivered (pending: --state), and a duplicated
    tab counts again from 0. The first tab's resend of its 5 (its digest) is redone, and the
    duplicated tab's count stays where it is; the duplicated tab's own 5 is then its next."""
    mirror = DomMirror()
    for n in range(8):
        take_seq(mirror, n, f"a{n}")
    mirror.pending_seqs = frozenset({5})
    for n in range(3):  # the duplicated tab
        take_seq(mirror, n, f"b{n}")
    assert batch_order(mirror, 5, "a5") is Order.NEXT
    assert not take_seq(mirror, 5, "a5") and (mirror.last_seq, mirror.missing_seqs) == (2, [])
    for n in range(3, 6):
        assert batch_order(mirror, n, f"b{n}") is Order.NEXT
        take_seq(mirror, n, f"b{n}")
    assert (mirror.last_seq, mirror.missing_seqs) == (5, [])

async def test_a_recorder_counting_again_from_0_is_not_taken_for_a_retry(shop, admin_headers):
    """A reload that keeps the session id starts the recorder's count at 0 again: its batches
    hold events newer than any the session took, so they are new, not retries; a true retry of
    an earlier batch (the same events) is still a no-op."""
    html, _, promo, _ = page()
    batches = [[meta(), snapshot(html), input_event(promo, "WINTER25")], [input_event(promo, "WINTER25X")],
               [input_event(promo, "WINTER25XY")]]
    for seq, events in enumerate(batches):
        assert (await post(shop, "s5", seq, events))["stored"] == len(events)
    assert (await post(shop, "s5", 1, batches[1]))["stored"] == 0  # a retry: its events are not newer
    reloaded = [meta(), snapshot(page()[0]), input_event(promo, "ZOMER26")]
    assert (await post(shop, "s5", 0, reloaded))["stored"] == 3
    typed = [input_event(promo, "ZOMER26!")]
    assert (await post(shop, "s5", 1, typed))["stored"] == 1
    assert (await post(shop, "s5", 1, typed))["stored"] == 0
    assert len(await stored(shop, admin_headers, "s5")) == 3 + 1 + 1 + 3 + 1


async def test_another_batch_under_a_number_taken_is_stored_whatever_its_times(shop, admin_headers):
    """A reload whose events are older than the last taken (the visitor's clock stepped back), or a
    duplicated tab that shares the session id and counts its own batches: a batch under a number
    already taken that is not the batch taken under it is new, and stored; the same batch sent
    again is still a no-op (a keyed digest of each batch taken tells them apart, not times)."""
    def numbered(seq: int, at: int, words: str) -> list:
        events = [meta(), snapshot(html_page(element("p", {}, [text(words)])))]
        for event, shift in zip(events, (0, 1)):
            event["timestamp"] = at + shift
        return events

    start = 1_800_000_000_000
    assert (await post(shop, "s7", 0, numbered(0, start, "first page")))["stored"] == 2
    assert (await post(shop, "s7", 1, numbered(1, start + 60_000, "second page")))["stored"] == 2
    reloaded = numbered(0, start + 30_000, "after the reload")  # 30 s before the last batch's events
    assert (await post(shop, "s7", 0, reloaded))["stored"] == 2
    assert (await post(shop, "s7", 0, reloaded))["duplicate"]  # the same one again: a retry
    assert len(await stored(shop, admin_headers, "s7")) == 6
    tab_a, tab_b = numbered(0, start, "tab A"), numbered(0, start + 5, "tab B")
    tab_a2, tab_b2 = numbered(1, start + 10, "tab A 2"), numbered(1, start + 12, "tab B 2")
    for events in (tab_a, tab_b):
        assert (await post(shop, "tabs", 0, events))["stored"] == 2
    for events in (tab_a2, tab_b2):
        assert (await post(shop, "tabs", 1, events))["stored"] == 2
    for seq, events in ((0, tab_a), (0, tab_b), (1, tab_a2), (1, tab_b2)):  # each tab's retries
        assert (await post(shop, "tabs", seq, events))["duplicate"]
    kept = orjson.dumps(await stored(shop, admin_headers, "tabs")).decode()
    assert all(words in kept for words in ("tab A", "tab B", "tab A 2", "tab B 2"))
    assert len(await stored(shop, admin_headers, "tabs")) == 8


async def test_a_recount_past_the_digests_kept_is_stored_whatever_its_times(shop, admin_headers):
    """A duplicated tab counting from 0 after the session took more batches than it keeps digests
    of, its events older than the last taken: nothing tells its batches from retries but their
    digest, and it is not a batch taken under that number, so each is stored (review 6: both were
    answered duplicate and lost)."""
    start = 1_800_000_000_000
    first = [meta(), snapshot(html_page(element("p", {}, [text("tab A")])))]
    for event in first:
        event["timestamp"] = start
    assert (await post(shop, "s8", 0, first))["stored"] == 2
    for seq in range(1, MAX_SEQ_DIGESTS + 8):
        move = {"type": 3, "timestamp": start + seq * 1000,
                "data": {"source": 1, "positions": [{"x": seq, "y": 1, "id": 1, "timeOffset": 0}]}}
        assert (await post(shop, "s8", seq, [move]))["stored"] == 1
    tab_b = [meta(), snapshot(html_page(element("p", {}, [text("tab B")])))]
    for event in tab_b:
        event["timestamp"] = start + 20_000  # older than tab A's last batch
    tab_b2 = [{"type": 3, "timestamp": start + 21_000,
               "data": {"source": 1, "positions": [{"x": 777, "y": 1, "id": 1, "timeOffset": 0}]}}]
    assert (await post(shop, "s8", 0, tab_b))["stored"] == 2
    assert (await post(shop, "s8", 1, tab_b2))["stored"] == 1
    assert (await post(shop, "s8", 1, tab_b2))["duplicate"]  # its retry is still a no-op
    kept = orjson.dumps(await stored(shop, admin_headers, "s8")).decode()
    assert "tab B" in kept and '"x":777' in kept


async def test_a_duplicated_tab_counting_from_0_leaves_the_first_tab_counting_on(shop, admin_headers):
    """A duplicated tab keeps the session id (sessionStorage is copied) and counts from 0 while the first
    tab goes on from where it was: the first tab's next batches are its count's next, neither refused as
    too far past the copy's count (review 10: 409 until the copy caught up, the batches lost) nor waited on."""
    html, _, promo, _ = page()
    assert (await post(shop, "dup", 0, [meta(), snapshot(html)]))["stored"] == 2
    for seq in range(1, MAX_MISSING_SEQS + 6):
        assert (await post(shop, "dup", seq, [input_event(promo, f"A{seq}")]))["stored"] == 1
    first = MAX_MISSING_SEQS + 6
    assert (await post(shop, "dup", 0, [meta(), snapshot(html), input_event(promo, "B0")]))["stored"] == 3
    after = [input_event(promo, "A-after")]
    for seq, events in ((first, [input_event(promo, "A-next")]), (1, [input_event(promo, "B1")]),
                        (first + 1, after), (2, [input_event(promo, "B2")])):
        assert (await post(shop, "dup", seq, events))["stored"] == 1, seq
    assert (await post(shop, "dup", first + 1, after))["duplicate"]  # the first tab's retry
    assert len(await stored(shop, admin_headers, "dup")) == 2 + (first - 1) + 3 + 4
    mirror = DomMirror()
    for seq in (0, 1, 2, 0):
        take_seq(mirror, seq, f"{seq:016x}" if seq else None)
    assert (mirror.last_seq, mirror.other_seqs) == (0, [2]) and batch_order(mirror, 3) is Order.NEXT
    assert batch_order(mirror, 5) is Order.AHEAD and batch_order(mirror, 3 + MAX_MISSING_SEQS + 1) is Order.TOO_FAR
    loaded = DomMirror.load(orjson.loads(orjson.dumps(mirror.dump())))
    assert loaded.other_seqs == [2]
    assert DomMirror.load({"other_seq": 2}).other_seqs == [2]  # a state saved with one count


async def test_a_tab_duplicated_twice_leaves_both_earlier_tabs_counting_on(shop, admin_headers):
    """Tab A counts to 94, its copy B to 70, a second copy C starts again from 0: each of the three
    goes on from its own count (review 11: only the higher count before the recount was kept, and
    B's next batches were refused as too far past C's, lost)."""
    html, _, promo, _ = page()
    counts = {"A": MAX_MISSING_SEQS + 30, "B": MAX_MISSING_SEQS + 6}
    for tab, last in counts.items():
        assert (await post(shop, "tabs3", 0, [meta(), snapshot(html), input_event(promo, f"{tab}0")]))["stored"] == 3
        for seq in range(1, last + 1):
            assert (await post(shop, "tabs3", seq, [input_event(promo, f"{tab}{seq}")]))["stored"] == 1, (tab, seq)
    assert (await post(shop, "tabs3", 0, [meta(), snapshot(html), input_event(promo, "C0")]))["stored"] == 3
    for seq, tab in ((counts["B"] + 1, "B"), (counts["A"] + 1, "A"), (1, "C"), (counts["B"] + 2, "B"),
                     (counts["A"] + 2, "A"), (2, "C")):
        answer = await post(shop, "tabs3", seq, [input_event(promo, f"{tab}{seq}")])
        assert answer["stored"] == 1, (tab, seq, answer)
    assert len(await stored(shop, admin_headers, "tabs3")) == sum(3 + last for last in counts.values()) + 3 + 6


async def test_a_number_far_past_the_sessions_is_refused_and_changes_nothing(shop, admin_headers):
    """A batch numbered more than MAX_MISSING_SEQS past the last one taken would make every next
    one look taken (a client, or another one knowing the session id): refused with a clear error,
    the session's count untouched."""
    html, _, promo, _ = page()
    assert (await post(shop, "s6", 0, [meta(), snapshot(html)]))["stored"] == 2
    answer = await shop.post(f"/v1/sites/{SITE}/sessions/s6/events", data=body(2**40, [input_event(promo, "X")]),
                             headers={"Content-Type": "application/json"})
    assert answer.status == 409 and (await answer.json())["error"] == "batch_number_too_far"
    assert (await post(shop, "s6", 1, [input_event(promo, "WINTER25")]))["stored"] == 1
    assert (await post(shop, "s6", 2 + MAX_MISSING_SEQS, [input_event(promo, "WINTER26")]))["stored"] == 1


@pytest.mark.parametrize("missing", ["blocked_container", "blocked_page"])
async def test_after_the_wait_nodes_the_missing_batch_may_have_changed_are_unknown(shop, admin_headers, missing):
    """The missing batch may have made a known container one the site blocks, or gone to a page of
    its block_urls (whose nodes reuse the ids of the last page): after the wait, the mirror is not
    trusted to know what its nodes are, so what the batch ahead writes into them is masked too."""
    config = {"block_selectors": [".balance"], "block_urls": ["https://shop.example/account*"]}
    assert (await shop.put(f"/v1/sites/{SITE}", json=config, headers=admin_headers)).status == 200

    def document(href: str, words: str) -> list:
        box = element("div", {}, [text(words, id=5)], id=4)
        body = element("body", {}, [element("main", {}, [box], id=3)], id=2)
        return [meta(href), snapshot({"type": 0, "childNodes": [element("html", {}, [body], id=1)], "id": 9})]

    session = f"s-{missing}"
    await post(shop, session, 0, document("https://shop.example/home", "Welkom"))
    late = ([mutation(attributes=[{"id": 4, "attributes": {"class": "balance"}}])] if missing == "blocked_container"
            else document("https://shop.example/account", "Saldo"))
    ahead = [mutation(adds=[{"parentId": 4, "nextId": None, "node": text("Spaarrekening kwartelzeventien", id=6)}],
                      texts=[{"id": 5, "value": "Saldo zevenduizend kwartelzeventien"}])]
    assert (await post(shop, session, 2, ahead))["stored"] == 1  # batch 1 is lost for now: taken after the wait
    await post(shop, session, 1, late)
    events = await stored(shop, admin_headers, session)
    assert not leaks(events, "kwartelzeventien") and not leaks(events, "zevenduizend")
    assert "Welkom" in orjson.dumps(events).decode()  # what batch 0 showed, before the gap, is kept
