"""A value taken into the taint again adds nothing, whatever was taken since, up to the limit and past it
(saturated): BatchRedaction.taint_value relies on it to skip a value it took before (Taint.took_before),
its derived forms (words, initials, date forms) included, which each page's e-mail and each typed name
would otherwise have hashed anew in every batch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.redact import BatchRedaction
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.policy import Policy, SiteConfig
from redactor.taint import PackedHashes, Taint, TaintHasher

WORDS = ["Ysaure", "Quenouillère", "06", "3190", "2274", "BE71", "0961", "2345", "6769", "Rue", "de", "la",
         "Paix", "12", "Straße", "ysaure.q@verri.example", "Jan-Willem", "Pieter", "Van", "Der", "Elst"]

values = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join), min_size=1, max_size=8)


def state(taint: Taint) -> tuple:
    return frozenset(taint.hashes), frozenset(taint.heads), taint.saturated


@settings(max_examples=200, deadline=None)
@given(taken=values, limit=st.integers(min_value=1, max_value=60), again=st.integers(min_value=0))
def test_a_value_taken_again_adds_nothing(taken: list[str], limit: int, again: int) -> None:
    hasher, taint = TaintHasher(b"site"), Taint(limit)
    for value in taken:
        taint.add(value, hasher)
    before = state(taint)
    assert not taint.add(taken[again % len(taken)], hasher)
    assert state(taint) == before


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.sampled_from(["Ysaure Quenouillère", "ysaure.q@verri.example", "Rue de la Paix 12",
                                       "12 Straße 06", "Jan-Willem Van Der Elst"]), min_size=1, max_size=3),
       taken=st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(
           ["PERSON", "EMAIL_ADDRESS", "POSTAL_ADDRESS", "DATE_OF_BIRTH"]), st.booleans()), min_size=1, max_size=8))
def test_a_value_skipped_leaves_the_taint_as_taking_it_again(texts, taken) -> None:
    """The skips (one value under several entities, typed or not, in any order) leave the taint that taking every
    value in full leaves."""
    policy = Policy.compile("shop", SiteConfig())
    skipping, full = (BatchRedaction(policy, DomMirror(), Masker("*")) for _ in range(2))
    for at, entity, typed in taken:
        skipping.taint_value(texts[at % len(texts)], entity, typed)
        full.mirror.taint._taken = PackedHashes()  # nothing was taken before: in full
        full.taint_value(texts[at % len(texts)], entity, typed)
    assert state(skipping.mirror.taint) == state(full.mirror.taint)
