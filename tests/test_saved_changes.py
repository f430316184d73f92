"""A session's saved state is a whole dump and the changes of each batch after it
(sessions.state_to_save, DomMirror.dump_changes): what a batch writes is what it changed, not the
page. Loaded again (sessions.load_saved), the whole dump and the changes after it must give the
mirror a whole dump of the live one gives, whatever the batches did: nodes added, removed,
moved, re-sent, attributes that block, texts, a new snapshot, a new page, a site configuration
that changed, values that taint the session. And a batch then redacted with either mirror
stores the same thing."""

from __future__ import annotations

import copy

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import element, html_page, input_event, meta, mutation, remove, snapshot, text, walk
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.policy import Policy, validate_site_config
from redactor.redact import redact_batch_sync
from redactor.sessions import MAX_SAVED_CHANGES, load_saved, note_saved, state_to_save
from redactor.sinks.store import Store
from test_mirror_table import same_state

DETECTOR = DetectorPool(workers=0, ner=False)  # patterns only: enough to taint the session
POLICIES = [Policy.compile("t", validate_site_config({})),
            Policy.compile("t", validate_site_config({"block_selectors": [".promo", "li:nth-child(2)"]}))]
MARKERS = [{}, {"class": "rr-block"}, {"class": "ph-no-capture"}, {"type": "password"}, {"class": "plain"}]
VALUES = ["hello", "jan.devries@voorbeeld.example", "+31 6 4127 8853", "Lindengracht 77-H"]


class Saved:
    """What the store holds of one session: a whole state and the changes after it."""

    def __init__(self) -> None:
        self.whole: bytes | None = None
        self.changes: list[bytes] = []

    def save(self, mirror: DomMirror, written: bool = True) -> None:
        """written=False: a batch whose state is not written (upstream: a group of analytics
        only, traffic no site claims): its changes go with the next batch's."""
        state = state_to_save(mirror)
        if state is None or not written:
            return
        note_saved(mirror, state)
        if state.whole:
            self.whole, self.changes = state.blob, []
        else:
            self.changes.append(state.blob)

    def load(self) -> DomMirror:
        assert self.whole is not None
        return load_saved(self.whole, self.changes)


def redact(events: list, policy: Policy, mirror: DomMirror) -> list:
    analyze = lambda texts, language: DETECTOR.analyze_sync(texts, language, policy.config.pii)  # noqa: E731
    return redact_batch_sync(copy.deepcopy(events), policy, mirror, Masker("*", b"secret"), analyze).events


def normal(state: dict) -> dict:
    """A saved state with its sets in order: the taint's hashes, the sticky and floor entries by id."""
    taint = state["taint"]
    return {**state, "taint": {**taint, "hashes": sorted(taint["hashes"]), "heads": sorted(taint["heads"])},
            "sticky": sorted(state["sticky"]), "floor": sorted(state["floor"])}


def same(a: dict, b: dict) -> bool:
    return same_state(normal(a), normal(b))


def differences(a: dict, b: dict) -> list:
    """What two saved states disagree on: keys, then rows by id (for the failure message)."""
    a, b = normal(a), normal(b)
    out = [(key, a.get(key), b.get(key)) for key in sorted({*a, *b} - {"nodes"}) if a.get(key) != b.get(key)]
    rows_a, rows_b = {row[0]: row for row in a["nodes"]}, {row[0]: row for row in b["nodes"]}
    return out + [(nid, rows_a.get(nid), rows_b.get(nid)) for nid in sorted({*rows_a, *rows_b})
                  if rows_a.get(nid) != rows_b.get(nid)]


def reloaded_whole(mirror: DomMirror) -> DomMirror:
    """What a mirror saved whole loads as: the reference."""
    return DomMirror.load(orjson.loads(orjson.dumps(mirror.dump())))


@st.composite
def sessions(draw):
    """A page, then batches of random changes to it, each a list of events, and the site's policy
    for each batch."""
    def some_element(depth: int = 0) -> dict:
        tag = draw(st.sampled_from(["div", "p", "input", "ul", "li", "label", "span"]))
        attrs = dict(draw(st.sampled_from(MARKERS)))
        children = []
        if tag != "input" and depth < 2:
            children = [some_element(depth + 1) if draw(st.booleans()) else text(draw(st.sampled_from(VALUES)))
                        for _ in range(draw(st.integers(0, 3)))]
        return element(tag, attrs, children)

    page = html_page(*(some_element() for _ in range(draw(st.integers(1, 4)))))
    ids = [node["id"] for node in walk(page)][3:]  # below <body>
    body = page["childNodes"][1]["childNodes"][1]["id"]
    batches = [[meta(), snapshot(page)]]
    for _ in range(draw(st.integers(1, 8))):
        events = []
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(["add", "remove", "move", "attributes", "text", "input", "snapshot", "page"]))
            target = draw(st.sampled_from(ids))
            if kind == "add":
                node = some_element(1)
                ids.extend(n["id"] for n in walk(node))
                events.append(mutation(adds=[{"parentId": draw(st.sampled_from([body, *ids])), "nextId": None,
                                              "node": node}]))
            elif kind == "remove":
                events.append(mutation(removes=[remove(body, target)]))
            elif kind == "move":  # the same id sent again under another parent
                node = element("div", dict(draw(st.sampled_from(MARKERS))), [], id=target)
                events.append(mutation(adds=[{"parentId": draw(st.sampled_from([body, *ids])), "nextId": None,
                                              "node": node}]))
            elif kind == "attributes":
                events.append(mutation(attributes=[{"id": target, "attributes": draw(st.sampled_from(MARKERS))
                                                    or {"class": None}}]))
            elif kind == "text":
                events.append(mutation(texts=[{"id": target, "value": draw(st.sampled_from(VALUES))}]))
            elif kind == "input":
                events.append(input_event(target, draw(st.sampled_from(VALUES))))
            elif kind == "snapshot":
                events.append(snapshot(page))
            else:
                events += [meta("https://shop.example/next"), snapshot(page)]
        batches.append(events)
    policies = [draw(st.sampled_from(POLICIES)) for _ in batches]
    written = [True, *(draw(st.booleans()) for _ in batches[1:-1]), True]
    return batches, policies, written


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sessions())
def test_the_whole_state_and_the_changes_after_it_load_as_the_whole_state(session):
    batches, policies, written = session
    live, saved = DomMirror(), Saved()
    for events, policy, write in zip(batches, policies, written):
        redact(events, policy, live)
        saved.save(live, write)
        if not write:
            continue
        loaded, reference = saved.load(), reloaded_whole(live)
        assert same(loaded.dump(), live.dump()), repr(differences(loaded.dump(), live.dump()))
        assert same(loaded.dump(), reference.dump()), repr(differences(loaded.dump(), reference.dump()))
        # the next batch, redacted with either, stores the same
        probe = [mutation(texts=[{"id": nid, "value": "jan.devries@voorbeeld.example"}]) for nid in range(1, 40)]
        assert redact(probe, policy, loaded) == redact(probe, policy, reference)


def test_a_batch_of_a_few_changes_saves_a_few_rows():
    body = element("body", {}, [element("p", {}, [text(f"line {i}")]) for i in range(500)])
    page = html_page(body)
    live, saved = DomMirror(), Saved()
    redact([meta(), snapshot(page)], POLICIES[0], live)
    state = state_to_save(live)
    assert state is not None and state.whole
    note_saved(live, state)
    body_id = page["childNodes"][1]["childNodes"][1]["id"]
    redact([mutation(adds=[{"parentId": body_id, "nextId": None, "node": element("p", {"class": "rr-block"}, [])}])],
           POLICIES[0], live)
    change = state_to_save(live)
    assert change is not None and not change.whole
    assert len(change.blob) * 20 < len(state.blob)  # the new node and its parent's child list, not the page
    nodes = orjson.loads(change.blob)["nodes"]
    assert {row[0] for row in nodes} == {body_id, nodes[-1][0]} and len(nodes) == 2
    assert saved is not None


@pytest.mark.asyncio
async def test_the_store_keeps_a_bounded_number_of_changes(tmp_path):
    """Past MAX_SAVED_CHANGES, or changes adding up to more than the whole state, the state is
    saved whole again and the changes before it go: a load reads a bounded number of parts."""
    store = await Store(tmp_path).open()
    try:
        page = html_page(*(element("p", {}, [text(f"line {i}")]) for i in range(30)))
        body_id = page["childNodes"][1]["childNodes"][1]["id"]
        live = DomMirror()
        most = 0
        for n in range(3 * MAX_SAVED_CHANGES):
            events = [meta(), snapshot(page)] if n == 0 else \
                [mutation(adds=[{"parentId": body_id, "nextId": None, "node": element("i", {}, [])}])]
            redact(events, POLICIES[0], live)
            state = state_to_save(live)
            note_saved(live, state)
            assert state is not None
            await store.save_batch("shop", "s1", None, b"[]", 0, state.blob, {}, None, whole=state.whole)
            whole, changes = await store.mirror_state("shop", "s1")
            most = max(most, len(changes))
            assert sum(map(len, changes)) <= len(whole)
            assert same(load_saved(whole, changes).dump(), live.dump())
        assert 1 < most <= MAX_SAVED_CHANGES
        await store.erase_session("shop", "s1", "test")
        assert await store.mirror_state("shop", "s1") is None
        assert await store.file.run(store._query, "SELECT count(*) FROM mirror_changes") == [(0,)]
    finally:
        await store.close()
