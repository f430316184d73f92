"""The taint pass's index of a text (taint._text_index: its words' hashes, the parts of its words (glued pieces, a
genitive's stem) and its words, kept per site across batches) gives the same ranges as reading the text afresh,
for texts of any words, and never lets one site's answers stand for another's."""

from __future__ import annotations

import gc
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.taint import PackedHashes, Taint, TaintHasher

WORDS = ["Ysaure", "Quenouillère", "QUENOUILLERE", "ysaure", "@YsaureQuenouillere", "Team-Quenouillere2026",
         "06", "3190", "2274", "0631902274", "BE71", "0961", "2345", "6769", "BE71096123456769", "à", "Rue",
         "de", "la", "Paix", "12", "Straße", "Strauß", "merci", "Bonjour", "info@firma.be", "a", "1",
         "Ysaures", "QUENOUILLERES", "Quenouillères-Ysaures", "Paixs"]


class FreshHasher(TaintHasher):
    """Reads every text afresh (as a text too long to keep an index for is read)."""

    def index(self, text: str) -> None:
        return None


def text_of(words: list[str]) -> str:
    return " ".join(words)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), min_size=1, max_size=4),
       texts=st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40), min_size=1, max_size=6))
def test_the_kept_index_finds_what_a_fresh_read_finds(values: list[list[str]], texts: list[list[str]]) -> None:
    kept, fresh, taint = TaintHasher(b"site"), FreshHasher(b"site"), Taint()
    for value in values:
        taint.add(text_of(value), kept)
    for words in texts:
        text = text_of(words)
        assert taint.ranges(text, kept) == taint.ranges(text, fresh)
        assert taint.ranges(text, TaintHasher(b"site")) == taint.ranges(text, fresh)  # the index kept, read again


def test_one_sites_index_is_not_anothers() -> None:
    taint = Taint()
    taint.add("Ysaure Quenouillère", TaintHasher(b"site A"))
    text = "Merci Ysaure Quenouillère, @YsaureQuenouillere"
    assert taint.ranges(text, TaintHasher(b"site A"))
    assert taint.ranges(text, TaintHasher(b"site B")) == []


def test_a_name_s_particles_joined_alone_are_no_echo_of_it() -> None:
    """Review 15 F8: a name's adjacent words are tainted joined ("de Lannoy-Weydert" → "DELANNOYWEYDERT"), but a
    join of its particles alone is every other name's too: after "Pieter Van Der Elst" the site's "Notaris Vander
    Elst" keeps "Vander", after "Noor Van Het Hof" its "Vanhet terras" stays. A join holding a name word is tainted."""
    hasher, taint = TaintHasher(b"site"), Taint()
    for value in ("Pieter Van Der Elst", "Noor Van Het Hof"):
        taint.add(value, hasher)
    for text in ("Notaris Vander Elst en zonen", "Vanhet terras"):
        assert not [text[a:b] for a, b in taint.ranges(text, hasher) if "Van" in text[a:b]], text
    for joined in ("VANDERELST", "DERELST", "PIETERVAN", "Vanhethof"):
        assert taint.contains(joined, hasher), joined


@settings(max_examples=200, deadline=None)
@given(added=st.lists(st.binary(min_size=8, max_size=8), max_size=60),
       asked=st.lists(st.binary(min_size=8, max_size=8), max_size=20))
def test_packed_hashes_answer_as_a_set_does(added: list[bytes], asked: list[bytes]) -> None:
    packed, plain = PackedHashes(added[:len(added) // 2]), set(added[:len(added) // 2])
    for digest in added[len(added) // 2:]:
        packed.add(digest)
        plain.add(digest)
    assert len(packed) == len(plain) and set(packed) == plain
    for live in (False, True, False):  # looked up in the column, in the batch's set, in the column again
        assert packed.live() == plain if live else packed.rest() is None
        for digest in asked + added:
            assert (digest in packed) == (digest in plain)
        packed.add(asked[0] if asked else b"\0" * 8)
        plain.add(asked[0] if asked else b"\0" * 8)


def test_a_taint_costs_a_few_bytes_a_hash() -> None:
    """A live session's taint is kept in sorted columns of 8 bytes a hash and a filter of its runs' first words, not
    sets of bytes objects (~90 bytes a hash: a third of a live session's memory, issue 12)."""
    hasher = TaintHasher(b"site")
    values = [f"BE{n % 90 + 10} {n:04d} {n * 37 % 10000:04d} {n * 91 % 10000:04d}" for n in range(60)]
    for value in values[:5]:
        hasher.word(value)  # the hasher's memo and the process's caches are not the taint's
    tracing = tracemalloc.is_tracing()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        taint = Taint()
        for value in values:
            taint.add(value, hasher)
        taint.forget_changes()  # the batch's state was saved
        taint.rest()  # and the batch is done
        hasher = TaintHasher(b"site")  # the batch's hasher and its memo go; the taint stays
        gc.collect()
        mine = [tracemalloc.Filter(True, "*/redactor/taint.py")]
        grown = sum(stat.size_diff for stat in tracemalloc.take_snapshot().filter_traces(mine).compare_to(
            before.filter_traces(mine), "filename"))
    finally:
        if not tracing:
            tracemalloc.stop()
    kept = len(taint.hashes) + len(taint.heads)
    assert kept > 1000
    assert grown / kept < 24, grown / kept  # sets of bytes objects: ~90; columns: ~10
    assert all(taint.contains(value, hasher) for value in values)


def test_a_saved_taint_loads_back_and_hashes_of_another_length_are_left_out() -> None:
    hasher, taint = TaintHasher(b"site"), Taint()
    taint.add("Ysaure Quenouillère", hasher)
    state = taint.dump()
    state["hashes"].append("ab" * 32)  # a state saved when the hashes were 32 bytes
    loaded = Taint.load(state)
    assert len(loaded) == len(taint) and loaded.contains("YSAURE QUENOUILLERE", hasher)
