"""The regexes of a value's growing end whose look-behind reads up to 60 characters before a match
(a word saying an e-mail, a phone or a birth date is given) try it last, where the rest of the regex
matches (content.behind_tried_last): tried first, at every position of a value's last 120 characters,
it cost ~0.5 ms a text, more than the rest of the page's rules together (issue 12 item 6). They must
match exactly where, and exactly what, the plain look-behind-first regex matches."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor import content

#: words the two regexes read, and some they do not, to build values from
WORDS = ("mail", "naar", "jan", "a", "at", "ar", "arobase", "lucas.martin", "punt", "dot", "be", "écrivez", "à",
         "bel", "me", "op", "nul", "vier", "zes", "twaalf", "maart", "born", "on", "the", "third", "of", "may",
         "tel", "06", "12", "3", "né", "le", "douze", "avril", "mil", "neuf", "fietsbel", "Mieke", "\n", ",", ":")
VALUES = ["Mail me: lucas a", "een mail naar jan at tele", "écrivez à lucas arob", "bel me op nul vier ze",
          "born on the third of Ma", "née le douze avril mil neuf", "Tel: 3 maart", "mail\nlucas a", "jan a",
          "x" * 70 + " mail " + "y" * 61 + " jan a", "telefoon " + "z" * 59 + " nul", "telefoon " + "z" * 61 + " nul"]

PAIRS = {  # the shipped regex: (its look-behind, its rest)
    "_WORDS_NUMBER_END": (content._PHONE_OR_BIRTH_WORD_BEFORE, content._NUMBER_WORDS_AT_END),
    "_SPELLED_AT_END": (content._EMAIL_WORD_BEFORE, content._AT_END_AFTER_EMAIL_WORD),
}


def _same_matches(behind: str, rest: str, values: list[str]) -> None:
    plain, reordered = regex.compile(behind + rest), regex.compile(content.behind_tried_last(behind, rest))
    for value in values:
        for start in range(len(value) + 1):
            found, expected = reordered.search(value, start), plain.search(value, start)
            assert (found and found.span()) == (expected and expected.span()), (value, start)


def test_the_shipped_regexes_try_their_look_behind_last():
    """(Fails before the change: the look-behind led both.)"""
    for name, (behind, rest) in PAIRS.items():
        assert content.behind_tried_last(behind, rest) in getattr(content, name).pattern, name
        assert behind.startswith("(?<=") and rest.rstrip(")").endswith("$"), name  # a value's end: rarely matches


def test_they_match_as_the_look_behind_first_on_written_values():
    for behind, rest in PAIRS.values():
        _same_matches(behind, rest, VALUES)
    assert content._WORDS_NUMBER_END.search("bel me op nul vier ze").start() == len("bel me op ")
    assert content._SPELLED_AT_END.search("een mail naar jan a").start() == len("een mail naar ")
    assert content._WORDS_NUMBER_END.search("telefoon " + "z" * 61 + " nul") is None  # 60 characters at most between


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=16), st.sampled_from(["", " ", "a", "t", "."]))
def test_they_match_as_the_look_behind_first_on_any_words(words, end):
    value = " ".join(words) + end
    for behind, rest in PAIRS.values():
        _same_matches(behind, rest, [value])
