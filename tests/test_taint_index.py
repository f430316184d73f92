"""The taint pass's index of a text (taint._text_index: its words' hashes, the parts of its words (glued pieces, a
genitive's stem) and its words, kept per site across batches) gives the same ranges as reading the text afresh,
for texts of any words, and never lets one site's answers stand for another's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.taint import Taint, TaintHasher

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
