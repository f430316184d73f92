"""The mirror's compact table (redactor/nodetable.py): the same behaviour and saved state as the
object-per-node mirror before it, a few bytes a node for sessions of a page, and bounded memory
whatever ids a client sends."""

from __future__ import annotations

import gc
import json
import tracemalloc
from pathlib import Path

import orjson

from factories import doctype, document, element, html_page, text, walk
from redactor import nodetable
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.policy import BLOCKED, Policy, SiteConfig, validate_site_config
from redactor.redact import redact_batch_sync

DATA = Path(__file__).parent / "data"
#: written by the version before the table (object per node) from build() below
BEFORE = json.loads((DATA / "mirror_state_before_table.json").read_text())


def _policy() -> Policy:
    return Policy.compile("t", validate_site_config({"block_selectors": [".secret"], "mask_text_selectors": ["#notes"]}))


def build(policy: Policy) -> DomMirror:
    """Labels (for=, aria-labelledby, a label before its field), a blocked subtree, a password
    field, a list changed by a mutation (an add in front of a sibling, a remove, an orphan), an
    attribute that blocks, then a second snapshot of the same document (sticky flags, floor)."""
    body = element("body", {}, [
        element("label", {"for": "mail"}, [text("E-mail address", id=11)], id=10),
        element("input", {"id": "mail", "type": "text", "name": "m"}, id=12),
        element("span", {"id": "l1"}, [text("Geburtsdatum", id=14)], id=13),
        element("input", {"aria-labelledby": "l1", "name": "x"}, id=15),
        element("div", {"class": "secret"}, [element("p", {}, [text("hidden words", id=18)], id=17)], id=16),
        element("p", {"id": "notes"}, [text("a note", id=20)], id=19),
        element("input", {"type": "password", "name": "pw"}, id=21),
        element("ul", {}, [element("li", {}, [text(f"item {i}", id=40 + i)], id=30 + i) for i in range(5)], id=22),
        element("label", {}, [text("Telefoon", id=24)], id=23),
        element("input", {"name": "t"}, id=25),
    ], id=1002)  # the ids html_page() gave them when the fixture was written
    page = document(doctype(id=1000), element("html", {"lang": "en"}, [element("head", {}, id=1001), body], id=1003),
                    id=1004)
    mirror = DomMirror()
    mirror.insert_tree(page, None, policy)
    mirror.match_selectors(policy)
    mirror.apply_mutation({
        "adds": [{"parentId": 22, "nextId": 31, "node": {"type": 2, "tagName": "li", "attributes": {}, "childNodes": [],
                                                          "id": 50}},
                 {"parentId": 999, "nextId": None, "node": {"type": 3, "textContent": "orphan", "id": 51}}],
        "removes": [{"parentId": 22, "id": 33}],
        "attributes": [{"id": 19, "attributes": {"class": "secret"}}]}, policy)
    mirror.settle_meanings(policy)
    mirror.reset()
    mirror.insert_tree(page, None, policy)
    mirror.match_selectors(policy)
    mirror.settle_meanings(policy)
    return mirror


#: keys the saved state gained after BEFORE was written, and what a state without them means
LATER_KEYS = {"last_seq": None, "other_seqs": [], "missing_seqs": [], "seq_digests": [],
              "site_names": {"hashes": [], "heads": [], "saturated": False}, "written": [], "lost": False,
              "typed_ends": []}


def same_state(a: dict, b: dict) -> bool:
    """Saved states equal but for the order of the node list (ids say where each node is); a key
    one of them predates counts as its default there. ("words" says which of the two kinds a
    state is; the version before had no such key.)"""
    a, b = ({**LATER_KEYS, **state, "nodes": sorted(state["nodes"]), "words": None} for state in (a, b))
    # the fields' meanings kept as a floor across snapshots (review 4, two tabs) came after BEFORE: not compared
    a.pop("meaning_floor", None), b.pop("meaning_floor", None)
    return a == b


def label_meanings(state: dict) -> tuple[dict, dict]:
    """A saved state without what it says of labels (the version before saved nothing of them,
    this one the meaning their words give: dom.saved_label), and that, by id."""
    meanings = {row[0]: row[8] for row in state["nodes"] if row[8] is not None}
    return {**state, "nodes": [[*row[:8], None, *row[9:]] for row in state["nodes"]]}, meanings


def verdicts(mirror: DomMirror) -> dict[str, list]:
    return {str(nid): [mirror.verdict(nid).flags, mirror.verdict(nid).rule] for nid in [*range(1, 60), 999]}


def test_a_mirror_built_now_saves_what_the_version_before_saved():
    policy = _policy()
    mirror = build(policy)
    saved, meanings = label_meanings(orjson.loads(orjson.dumps(mirror.dump(saved=True))))
    assert same_state(saved, BEFORE["saved"])
    assert meanings == {10: "EMAIL_ADDRESS", 13: "DATE_OF_BIRTH", 23: "PHONE_NUMBER"}
    assert same_state(orjson.loads(orjson.dumps(mirror.dump(saved=False))), BEFORE["frozen"])
    assert verdicts(mirror) == BEFORE["verdicts"]
    assert {str(nid): mirror.meaning(nid, policy) for nid in (12, 15, 21, 25, 19)} == BEFORE["meanings"]
    assert BEFORE["verdicts"]["17"][0] & BLOCKED and BEFORE["meanings"]["12"]  # the fixture says something


def test_states_saved_by_the_version_before_load_whole():
    policy = _policy()
    for kind in ("saved", "frozen"):
        loaded = DomMirror.load(BEFORE[kind])
        assert same_state(label_meanings(orjson.loads(orjson.dumps(loaded.dump(saved=kind == "saved"))))[0],
                          BEFORE[kind] if kind == "saved" else label_meanings(BEFORE[kind])[0])
        assert verdicts(loaded) == BEFORE["verdicts"]
        assert list(loaded.nodes[22].children) == [30, 31, 32, 33, 34]  # the second snapshot's
        assert list(reversed(loaded.nodes[22].children)) == [34, 33, 32, 31, 30]
    frozen = DomMirror.load(BEFORE["frozen"])  # label words kept: a field still to come finds them
    assert frozen.nodes[10].label_text and frozen.nodes[13].label_text
    assert {str(nid): frozen.meaning(nid, policy) for nid in (12, 15, 21, 25, 19)} == BEFORE["meanings"]


def test_ids_far_apart_or_negative_keep_the_table_small_and_the_page_whole():
    policy = Policy.compile("t", validate_site_config({"block_selectors": [".secret"]}))
    far = [10**12, -7, 2**64 - 1, 3, 2**40]  # orjson reads ids up to 2**64 - 1
    page = {"type": 0, "id": 1, "childNodes": [element("ul", {}, [
        element("li", {"class": "secret" if i == 2 else ""}, [text("x", id=10_000 + i)], id=nid)
        for i, nid in enumerate(far)], id=2)]}
    mirror = DomMirror()
    mirror.insert_tree(page, None, policy)
    mirror.match_selectors(policy)
    assert len(mirror.table.shape) < 20_000  # slots follow the nodes held, not the largest id
    assert list(mirror.nodes[2].children) == far
    assert mirror.verdict(2**64 - 1).flags & BLOCKED and mirror.verdict(10_002).flags & BLOCKED
    assert not mirror.verdict(-7).flags & BLOCKED and mirror.verdict(-8).rule == "fail-closed.unknown-node"
    # an add in front of a far id, a remove, a node sent again: the list stays in page order
    mirror.apply_mutation({"adds": [{"parentId": 2, "nextId": -7, "node": element("li", {}, [], id=-100)}],
                           "removes": [{"parentId": 2, "id": 3}]}, policy)
    assert list(mirror.nodes[2].children) == [10**12, -100, -7, 2**64 - 1, 2**40]
    assert list(reversed(mirror.nodes[2].children)) == [2**40, 2**64 - 1, -7, -100, 10**12]
    assert 10_003 not in mirror.nodes and len(mirror.nodes) == 2 + 5 + 4
    loaded = DomMirror.load(orjson.loads(orjson.dumps(mirror.dump(saved=False))))
    assert same_state(loaded.dump(), mirror.dump())
    assert list(loaded.nodes[2].children) == [10**12, -100, -7, 2**64 - 1, 2**40]


def test_ids_sent_again_and_again_reuse_their_slots():
    policy = Policy.compile("t", SiteConfig())
    mirror = DomMirror()
    mirror.insert_tree({"type": 0, "id": 1, "childNodes": [element("div", {}, [], id=2)]}, None, policy)
    for round_ in range(50):  # a hostile client: far ids added and removed, batch after batch
        ids = [10**9 + round_ * 1000 + i for i in range(100)]
        mirror.apply_mutation({"adds": [{"parentId": 2, "node": element("p", {}, [], id=nid)} for nid in ids]}, policy)
        mirror.apply_mutation({"removes": [{"parentId": 2, "id": nid} for nid in ids]}, policy)
    assert len(mirror.nodes) == 2 and len(mirror.table.shape) < 1000
    assert list(mirror.nodes[2].children) == []


def _page(sections: int) -> dict:
    """A shop-like page numbered 1..N, as rrweb numbers a page (the factories' ids grow across tests)."""
    page = html_page(*(element("section", {"id": f"s{n}"}, [
        element("label", {}, [text(f"E-mail {n}"), element("input", {"type": "text", "name": f"f{n}"})]),
        *(element("p", {"class": "copy"}, [text(f"Product {n}-{i}")]) for i in range(6)),
        element("div", {"class": "secret" if n % 5 == 0 else ""}, [text(f"Klantnummer {n}")]),
    ]) for n in range(sections)))
    for number, node in enumerate(walk(page), start=1):
        node["id"] = number
    return page


def test_sessions_of_a_page_share_its_shapes_and_cost_a_few_bytes_a_node():
    policy = Policy.compile("t", validate_site_config({"block_selectors": [".secret"]}))
    raw = orjson.dumps(_page(112))
    masker = Masker("*", b"k" * 32)
    nodetable._shared.clear()  # sharing starts afresh (as when the table is full): not midway through this test
    first = DomMirror()
    first.insert_tree(orjson.loads(raw), None, policy)
    first.match_selectors(policy)
    first.settle_meanings(policy)
    mine = [tracemalloc.Filter(True, "*/redactor/dom.py"), tracemalloc.Filter(True, "*/redactor/nodetable.py")]
    tracing = tracemalloc.is_tracing()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot().filter_traces(mine)
        sessions = []
        for _ in range(8):  # as a session's first batch: the whole pass, which asks every text's parent its meaning
            mirror = DomMirror()
            snapshot = {"type": 2, "data": {"node": orjson.loads(raw), "initialOffset": {"top": 0, "left": 0}},
                        "timestamp": 1}
            redact_batch_sync([snapshot], policy, mirror, masker, lambda texts, language: [[] for _ in texts])
            sessions.append(mirror)
        gc.collect()
        # what the mirrors' own code allocated and holds (not the caches of the process)
        after = tracemalloc.take_snapshot().filter_traces(mine)
        per_node = sum(stat.size_diff for stat in after.compare_to(before, "filename")) / 8 / len(first.nodes)
    finally:
        if not tracing:
            tracemalloc.stop()
    assert len(first.nodes) > 2000
    # an object per node took ~370 bytes; a dict of the slots whose meaning was asked (every text's parent) ~28 more;
    # a column of 4 bytes a slot for it 30.9 in all, of one byte 27.5
    assert per_node < 30, per_node
    assert all(mirror.table.made == 0 for mirror in sessions)  # every shape was the first session's
    one, other = sessions[0], sessions[1]
    field = next(nid for nid, node in one.nodes.items() if node.tag == "input")
    assert one.nodes[field].attrs is other.nodes[field].attrs
    one.apply_mutation({"attributes": [{"id": field, "attributes": {"class": "secret", "name": None}}]},
                       policy)  # one session's change is its own
    assert one.nodes[field].attrs == {"type": "text", "class": "secret"}
    assert other.nodes[field].attrs == {"type": "text", "name": "f0"}
    assert one.verdict(field).flags & BLOCKED and not other.verdict(field).flags & BLOCKED


def test_the_table_knows_its_roots_without_a_walk():
    """The selectors' top (MirrorView.kids(TOP)) reads the roots, not every node."""
    from redactor.selectors import TOP, MirrorView

    policy = Policy.compile("t", SiteConfig())
    mirror = DomMirror()
    mirror.insert_tree(_page(20), None, policy)
    document = next(nid for nid, node in mirror.nodes.items() if node.parent is None)
    html = next(nid for nid, node in mirror.nodes.items() if node.tag == "html")
    assert [mirror.table.id_of(slot) for slot in mirror.table.roots] == [document]
    mirror.apply_mutation({"adds": [{"parentId": 10**6, "node": element("p", {}, [], id=777)}]}, policy)
    assert [mirror.table.id_of(slot) for slot in mirror.table.roots] == [document, 777]  # an orphan
    assert [mirror.table.id_of(s) for s in MirrorView(mirror.nodes).kids(TOP)] == [html, 777]
    mirror.apply_mutation({"adds": [{"parentId": 777, "node": element("b", {}, [], id=778)}]}, policy)
    mirror.remove(777)
    assert [mirror.table.id_of(slot) for slot in mirror.table.roots] == [document]
    loaded = DomMirror.load(orjson.loads(orjson.dumps(mirror.dump())))
    assert [loaded.table.id_of(slot) for slot in loaded.table.roots] == [document]


def _odd_rows(base: int) -> list[list]:
    """Saved rows a loader must read as the object-per-node mirror did: an id given twice (the
    last row counts), a child listed twice, a child listed under a parent that is not its saved
    one, a child that does not exist, ids that are no ints, an orphan, and 300 rules and meanings
    (more than a byte of the columns tells apart, crossed in the middle of the rows)."""
    many = [base + 100 + i for i in range(300)]
    return [
        [base + 1, None, 0, "", None, 0, None, [base + 2, base + 3, base + 2, base + 4, base + 9, *many], None, None],
        [base + 2, base + 1, 2, "div", {}, 0, "r0", [], None, None],
        [base + 3, base + 1, 2, "p", {"class": "copy"}, 0, None, [base + 4], None, None],
        [base + 2, base + 1, 2, "span", {}, BLOCKED, "r1", [], None, None],
        [base + 4, base + 3, 3, "", None, 0, None, None, None, None],
        ["x", base + 1, 3, "", None, 0, None, None, None, None],
        [True, base + 1, 3, "", None, 0, None, None, None, None],
        [base + 5, base + 77, 3, "", None, 0, None, None, None, None],
        *([nid, base + 1, 2, "i", {}, 0, f"rule-{i}", [], "words" if i == 7 else None, f"M{i}"]
          for i, nid in enumerate(many)),
    ]


def test_saved_rows_load_as_the_mirror_before_the_table_read_them():
    for base in (0, 10**12):  # slots that are ids, and a map from id to slot
        mirror = DomMirror.load({"nodes": _odd_rows(base)})
        assert len(mirror.nodes) == 305 and "x" not in mirror.nodes and True not in mirror.nodes
        assert list(mirror.nodes[base + 1].children) == [base + 2, base + 3, *range(base + 100, base + 400)]
        assert mirror.nodes[base + 2].tag == "span" and mirror.verdict(base + 2).rule == "r1"
        assert mirror.verdict(base + 2).flags & BLOCKED
        assert list(mirror.nodes[base + 3].children) == [base + 4] and mirror.nodes[base + 4].parent == base + 3
        assert mirror.nodes[base + 5].parent == base + 77 and base + 5 not in mirror.nodes[base + 1].children
        assert [mirror.table.id_of(slot) for slot in mirror.table.roots] == [base + 1, base + 5]
        assert mirror.verdict(base + 399).rule == "rule-299" and mirror.nodes[base + 399].meaning == "M299"
        assert mirror.nodes[base + 107].label_text == "words"
        again = DomMirror.load(orjson.loads(orjson.dumps(mirror.dump(saved=False))))
        assert same_state(again.dump(saved=False), mirror.dump(saved=False))
        assert list(reversed(again.nodes[base + 1].children))[-3:] == [base + 100, base + 3, base + 2]


def test_a_field_looks_past_a_few_texts_for_its_label_not_the_whole_page(monkeypatch):
    """Fields added one by one right after 20,000 texts (each in front of the one before): each
    looks back past a few texts for a label element, not over every text of the page."""
    from redactor.nodetable import NodeTable

    policy = Policy.compile("t", validate_site_config({}))
    texts = [text(f"regel {i}") for i in range(20_000)]
    body = element("body", {}, [element("label", {}, [text("E-mail")]), text(" "), *texts])
    mirror = DomMirror()
    mirror.insert_tree(document(element("html", {}, [body])), None, policy)
    looks = 0
    previous = NodeTable.previous

    def counted(self, slot):
        nonlocal looks
        looks += 1
        return previous(self, slot)

    monkeypatch.setattr(NodeTable, "previous", counted)
    next_id = None
    for n in range(200):
        field = element("input", {"name": f"f{n}"}, id=900_000 + n)
        mirror.apply_mutation({"adds": [{"parentId": body["id"], "nextId": next_id, "node": field}]}, policy)
        mirror.meaning(field["id"], policy)
        next_id = field["id"]
    assert looks < 200 * 10, looks


def test_long_structural_values_are_kept_bounded_and_counted():
    """A `class` is kept whole for the site's selectors, up to a bound (markers judged the whole
    value when it came: a `ph-no-capture` at the end of 100 KB still blocks), and what a session's
    shapes keep is counted in its memory: 50 nodes of 100 KB classes are not a few shapes' worth."""
    from redactor.selectors import MAX_KEPT_STRUCTURAL as _MAX_STRUCTURAL
    from redactor.sessions import live_bytes

    policy = _policy()
    nodes = [element("div", {"class": f"x{n} " + "tw-utility " * 10_000}) for n in range(50)]
    marked = element("div", {"class": "tw-utility " * 10_000 + "ph-no-capture"})
    mirror = DomMirror()
    mirror.insert_tree(html_page(*nodes, marked), None, policy)
    assert mirror.verdict(marked["id"]).flags & BLOCKED
    kept = [mirror.table.shape[mirror.table.slot(node["id"])][2]["class"] for node in nodes]
    assert all(len(value) == _MAX_STRUCTURAL for value in kept)
    assert live_bytes(mirror) >= 50 * _MAX_STRUCTURAL
