"""What a text must hold for a regex to match in it, read from the regex's source.

A page's texts mostly match none of the recognizers' ~110 regexes, and searching them all costs
~200 µs a text (the name and address regexes open with look-behinds over word lists, tried at
every position). Most of those regexes cannot match without a digit, an "@", a capital or a
line break, which a few scans of the text say at once: ``needs(pattern)`` is the set of such
characters' kinds every match requires, ``present(text)`` the kinds a text holds, and a regex
whose needs are not all present need not be searched.

The reading is conservative: what it does not know it claims nothing about (an empty set, the
regex is always searched). A sequence needs what any of its parts needs, an alternation what
all of its branches need, an optional or negative part nothing, a positive look-around what its
content needs (its content matches somewhere in the text). Whether one character of the regex
(a literal, an escape, a class, with its flags) is of a kind is asked of the regex engine itself,
over every code point outside the kind."""
from __future__ import annotations

import functools
import sys

import regex

#: the kinds of character a need names, each a class of the `regex` engine. "×" sits among the
#: Latin-1 capitals, where a class "[A-ZÀ-Ý]" takes it in.
KINDS: dict[str, str] = {
    "digit": r"\d",
    "at": "@",
    "capital": r"[\p{Lu}\p{Lt}×]",
    "newline": "\n",
    "colon": ":",
    "percent": "%",
    "ampersand": "&",  # an HTML character reference ("&#64;")
    "backslash": r"\\",  # an escape left in a string ("\\u0040")
}
_KIND_RE = [(1 << n, regex.compile(source)) for n, source in enumerate(KINDS.values())]

# flags that change how the source reads or what a character matches beyond one character
_UNREAD_FLAGS = regex.VERBOSE | regex.V1 | regex.FULLCASE | regex.REVERSE
_SCOPED_FLAGS = set("ims")  # inline flags a group may set or clear: they change no character's reading
_ZERO_WIDTH_ESCAPES = set("bBAZGMm")
_LETTER_ESCAPES = set("dDwWsSpPnrtfvaxuUN")  # one character each; any other escaped letter or digit is not read
_QUANTIFIER = regex.compile(r"\{(\d+)(?:,\d*)?\}|\{,\d+\}")
_SCOPED_GROUP = regex.compile(r"([a-z]*)(?:-([a-z]*))?:")


class Unread(Exception):
    """A construct the reading does not know: the regex is claimed to need nothing."""


def present(text: str) -> int:
    """The kinds of character text holds, as bits in the order of KINDS."""
    mask = 0
    for bit, kind in _KIND_RE:
        if kind.search(text):
            mask |= bit
    return mask


def needs(pattern: regex.Pattern) -> int:
    """The kinds of character every match of pattern requires in the text searched, as bits in the
    order of KINDS (0: none that can be proved)."""
    return _needs(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=None)
def _needs(source: str, flags: int) -> int:  # each language compiles the same regexes again
    if flags & _UNREAD_FLAGS:
        return 0
    try:
        return _Reader(source, flags).read()
    except (Unread, regex.error):
        return 0


@functools.lru_cache(maxsize=None)
def _atom_kinds(source: str, flags: int) -> int:
    """The kinds one character matched by source (a literal, an escape or a class) is always of."""
    atom = regex.compile(source, flags)
    return sum(bit for bit, outside in _outside_kinds() if not atom.search(outside))


@functools.lru_cache(maxsize=None)
def _outside_kinds() -> list[tuple[int, str]]:
    """Per kind, every code point not of it."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    return [(bit, kind.sub("", every)) for bit, kind in _KIND_RE]


class _Reader:
    """A recursive reading of a `regex` (version 0) source: alternations of sequences of quantified
    items, each item a character, a group, a look-around or an assertion."""

    def __init__(self, source: str, flags: int):
        self.source, self.flags, self.at = source, flags, 0

    def read(self) -> int:
        found = self._alternation(frozenset())
        if self.at != len(self.source):
            raise Unread(f"unbalanced ')' at {self.at}")
        return found

    def _peek(self, n: int = 1) -> str:
        return self.source[self.at:self.at + n]

    def _alternation(self, scoped: frozenset) -> int:
        found = self._sequence(scoped)
        while self._peek() == "|":
            self.at += 1
            found &= self._sequence(scoped)
        return found

    def _sequence(self, scoped: frozenset) -> int:
        found = 0
        while self.at < len(self.source) and self._peek() not in "|)":
            item = self._item(scoped)
            minimum = self._quantifier()
            if minimum > 0:
                found |= item
        return found

    def _quantifier(self) -> int:
        """The least count of the quantifier here (1: none), its lazy or possessive mark skipped."""
        char = self._peek()
        if char in ("*", "?"):
            minimum, self.at = 0, self.at + 1
        elif char == "+":
            minimum, self.at = 1, self.at + 1
        elif char == "{":
            m = _QUANTIFIER.match(self.source, self.at)
            if not m:
                raise Unread("a '{' that is no quantifier")
            minimum, self.at = int(m.group(1) or 0), m.end()
        else:
            return 1
        if self._peek() in ("?", "+"):
            self.at += 1
        if self._peek() in ("*", "+", "?", "{"):
            raise Unread("a quantifier quantified")
        return minimum

    def _item(self, scoped: frozenset) -> int:
        char = self._peek()
        if char == "(":
            return self._group(scoped)
        if char in ("^", "$"):
            self.at += 1
            return 0
        if char in ("*", "+", "?", "{", ")"):
            raise Unread(f"{char!r} where an item begins")
        start = self.at
        if char == "[":
            self._skip_class()
        elif char == "\\":
            escaped = self.source[self.at + 1:self.at + 2]
            if escaped in _ZERO_WIDTH_ESCAPES:
                self.at += 2
                return 0
            if escaped in "123456789":  # a back-reference: it matches what its group did, claimed by the group
                self.at += 2
                while self._peek().isdigit():
                    self.at += 1
                return 0
            if escaped.isascii() and escaped.isalnum() and escaped not in _LETTER_ESCAPES:
                raise Unread(f"escape \\{escaped}")  # an octal, \g<name>, \X, \R…
            self.at += 2
            if escaped in "pPN" and self._peek() == "{" or escaped in "xuU" and self._peek() == "{":
                self._skip_past("}")
            elif escaped == "x":
                self.at += 2
            elif escaped == "u":
                self.at += 4
            elif escaped == "U":
                self.at += 8
            elif escaped in "pP":
                self.at += 1  # \pL
        else:
            self.at += 1
        return self._character(self.source[start:self.at], scoped)

    def _character(self, source: str, scoped: frozenset) -> int:
        on = "".join(sorted(f for f in scoped if not f.startswith("-")))
        off = "".join(sorted(f[1:] for f in scoped if f.startswith("-")))
        wrapped = f"(?{on}{'-' + off if off else ''}:{source})" if scoped else source
        return _atom_kinds(wrapped, self.flags)

    def _skip_class(self) -> None:
        self.at += 1
        if self._peek() == "^":
            self.at += 1
        if self._peek() == "]":
            self.at += 1
        while self.at < len(self.source):
            char = self._peek()
            if char == "]":
                self.at += 1
                return
            if char == "[":
                raise Unread("a '[' in a class")
            self.at += 2 if char == "\\" else 1
        raise Unread("an unclosed class")

    def _skip_past(self, end: str) -> None:
        close = self.source.find(end, self.at)
        if close < 0:
            raise Unread(f"no {end!r}")
        self.at = close + 1

    def _group(self, scoped: frozenset) -> int:
        self.at += 1
        if self._peek() != "?":
            return self._group_body(scoped)
        self.at += 1
        for opener in ("=", "<=", ":", ">"):  # what they hold is matched in the text
            if self.source.startswith(opener, self.at):
                self.at += len(opener)
                return self._group_body(scoped)
        for opener in ("!", "<!"):  # what they hold is not
            if self.source.startswith(opener, self.at):
                self.at += len(opener)
                self._group_body(scoped)
                return 0
        if self._peek() in ("P", "<") and self.source[self.at:self.at + 2] != "P=":
            self._skip_past(">")
            return self._group_body(scoped)
        m = _SCOPED_GROUP.match(self.source, self.at)
        if m and set(m.group(1) + (m.group(2) or "")) <= _SCOPED_FLAGS:
            self.at = m.end()
            changed = {f for f in m.group(1)} | {"-" + f for f in m.group(2) or ""}
            kept = {f for f in scoped if f.lstrip("-") not in {c.lstrip("-") for c in changed}}
            return self._group_body(frozenset(kept | changed))
        raise Unread(f"group (?{self._peek(3)}")

    def _group_body(self, scoped: frozenset) -> int:
        found = self._alternation(scoped)
        if self._peek() != ")":
            raise Unread("an unclosed group")
        self.at += 1
        return found


def kind_names(mask: int) -> list[str]:
    """The names of the kinds in mask, for messages and tests."""
    return [name for n, name in enumerate(KINDS) if mask & (1 << n)]
