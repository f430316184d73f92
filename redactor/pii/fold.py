"""What detection reads: a text folded to the plain forms its patterns know, with the way back.

A visitor (or a page) can write an e-mail, a phone number or an IBAN in characters that look the
same and match none of the recognizers' patterns: full-width forms ("jan.peeters＠gmail．com",
"０４７０ １２ ３４ ５６"), the small commercial at ("﹫"), mathematical letters ("𝐣𝐚𝐧@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦"),
Arabic-Indic digits ("٠٦١٢٣٤٥٦٧٨"), or invisible format characters inside a value
("jan.pe\u200beters@…"). Detection reads the text with each character that Unicode's compatibility
folding (NFKC) writes in ASCII written so, every decimal digit as its ASCII digit, and format
characters (category Cf: zero-width spaces and joiners, the soft hyphen, direction marks) removed,
and a line folded as iCalendar, vCard and mail headers fold it (a CRLF and a space) read unfolded;
its spans are then mapped back onto the original text, which is what is masked.
An emoji (with its skin tone, its presentation selector, the others a zero-width joiner joins to it) is read as
the space it stands for between two words, or as nothing beside a space: a chat's or a member card's display
name "Léa 😊 Dubois", "Jan ❤️ Peeters" is read "Léa Dubois" (the name rules read a name as words joined by
spaces; review 28 F13). So is a zero-width joiner between a word's end and a capital ("Léa\u200dDubois"): a
joiner inside a value ("jan.pe\u200deters@…") is removed as the other format characters are.

Only folds to ASCII: the recognizers are written for ASCII and for a few characters they name
themselves (a dash between a phone's groups); an accented letter, a dash or a ligature of another script stays
as it is. The hyphens U+2010 and U+2011 are read as ASCII's hyphen.
A JSON or JavaScript escape ("\\u00eb") is read as the character it writes: a page that shows a draft as JSON kept
in ASCII writes "Zo\\u00eb Verbe\\u00ebk" for the name typed "Zoë Verbeëk" (held-out round 33).
Per character, so every character of the folded text comes from one original character or escape (``origin``,
``ends``), and a text grows by 4 times at most ("⑽" is "(10)").
Most texts are ASCII and come back as they are, at the cost of ``str.isascii``.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, replace

import regex

from redactor.pii.spans import Span

#: characters NFKC keeps that folding changes: format characters, decimal digits other than ASCII's, the hyphen
_NOT_NFKC = regex.compile(r"[\p{Cf}\p{Nd}\u2010--[0-9]]", regex.V1)
#: the hyphen (U+2010) and the no-break hyphen (U+2011) a typesetting page writes inside a double family name to
#: keep it on one line ("Ramdin\u2011Jagessar"): read as ASCII's hyphen, which the name patterns join names with
#: (the no-break one was read as a word's end, and the family name after it stayed readable: held-out round 32)
_HYPHENS = frozenset("\u2010\u2011")


#: an emoji as a keyboard writes it: a character shown as an emoji by default, or one a presentation selector
#: (U+FE0F) makes one ("❤️"; not "©", "™", "®", which are Extended_Pictographic too), its skin tone and selectors,
#: and the emoji a zero-width joiner glues to it ("👨‍👩‍👧")
_EMOJI = regex.compile(r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)[\uFE0E\uFE0F\p{Emoji_Modifier}]*"
                       r"(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}]*)*", regex.V1)
#: a zero-width joiner between a word's last letter and a capital: a word break nobody sees ("Léa\u200dDubois")
_JOINED_WORDS = regex.compile(r"(?<=\p{Ll})\u200D(?=\p{Lu})", regex.V1)


def _word_breaks(text: str) -> dict[int, tuple[int, str]]:
    """Where an emoji or a joiner between words stands: its start → (its end, what it is read as: a space between
    two characters that are no space; nothing beside a space or at the text's ends, the spaces after it taken with
    it when a space or the start is before it, so that the words around it are one space apart)."""
    breaks = {}
    for m in [*_EMOJI.finditer(text), *_JOINED_WORDS.finditer(text)]:
        start, end = m.span()
        if start == 0 or text[start - 1].isspace():
            while end < len(text) and text[end] in " \t\u00a0":
                end += 1
            breaks[start] = (end, "")
        else:
            breaks[start] = (end, " " if end < len(text) and not text[end].isspace() else "")
    return breaks


#: a JSON or JavaScript escape of one UTF-16 code unit: read as the character it writes
_ESCAPE = regex.compile(r"\\u([0-9a-fA-F]{4})")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if unicodedata.category(c) == "Cf":
        return ""
    if c in _HYPHENS:
        return "-"
    digit = unicodedata.decimal(c, None)
    if digit is not None:
        return str(digit)
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded.isascii() else c


#: the spaces folding writes as ASCII's: the no-break space (U+00A0), the narrow one French typing and macOS's
#: Option+Space put between a number's groups (U+202F), the typographic ones (U+2000–U+200A, U+205F) and the
#: ideographic one; no space character lies past U+3000
_SPACES = {c: " " for c in range(0x80, 0x3001) if _fold_char.__wrapped__(chr(c)) == " "}


def spaces_folded(text: str) -> str:
    """The text with each space that folding writes as ASCII's written so, character for character (a position
    in it is the same in the text): for the rules that read a text as it is but take a value's groups apart at
    a space as detection does (redactor/content.py: what a value being typed may grow into)."""
    return text if text.isascii() else text.translate(_SPACES)


@dataclass(frozen=True, slots=True)
class Folded:
    """A text as detection reads it. ``origin[i]`` is the index in ``original`` of the character
    ``text[i]`` comes from; None when folding changed nothing (the spans need no mapping). ``ends[i]``: where
    what it comes from ends, when the text held an escape (six characters for one); else the next character."""
    original: str
    text: str
    origin: tuple[int, ...] | None
    ends: tuple[int, ...] | None = None

    def back(self, start: int, end: int) -> tuple[int, int]:
        """The original range a range of the folded text comes from: from the character its first
        one comes from to the end of the one its last one comes from, what folding removed between them included."""
        if self.origin is None or start >= end:
            return start, end
        return self.origin[start], self.ends[end - 1] if self.ends is not None else self.origin[end - 1] + 1

    def spans_back(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """Spans found in the folded text, on the original."""
        if self.origin is None:
            return spans
        return tuple(replace(span, start=a, end=b) for span in spans for a, b in [self.back(span.start, span.end)])


#: a content line folded as iCalendar, vCard and mail headers fold it (RFC 5545 3.1, RFC 6350 3.2, RFC 5322 2.2.3):
#: a CRLF and one space or tab at 75 octets, wherever that falls, inside a word or a value ("ATTENDEE;CN=…:mailto:
#: lukas.vongunten@alpen\r\n post-bern.ch"): read unfolded, as those formats are read
_LINE_FOLD = regex.compile(r"\r\n[ \t]")


def fold(text: str) -> Folded:
    """The text as detection reads it (see the module's doc), its folded lines unfolded."""
    unfolds = "\r\n" in text and _LINE_FOLD.search(text) is not None
    escapes = {m.start(): chr(int(m.group(1), 16)) for m in _ESCAPE.finditer(text)} if "\\u" in text else {}
    breaks = {} if text.isascii() else _word_breaks(text)
    if not unfolds and not escapes and not breaks and (text.isascii() or (unicodedata.is_normalized("NFKC", text)
                                                                         and not _NOT_NFKC.search(text))):
        return Folded(text, text, None)
    removed = {i for m in _LINE_FOLD.finditer(text) for i in range(m.start(), m.end())} if unfolds else set()
    out: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    skip_to = 0
    for i, c in enumerate(text):
        if i < skip_to or i in removed:
            continue
        end = i + 1
        if i in escapes:
            c, end = escapes[i], i + 6
            skip_to = end
        if i in breaks:  # an emoji, or a joiner between words: one space or none for all its characters
            skip_to, folded = breaks[i]
            out.append(folded)
            origin.extend([i] * len(folded))
            ends.extend([skip_to] * len(folded))
            continue
        folded = c if c.isascii() else _fold_char(c)
        out.append(folded)
        origin.extend([i] * len(folded))
        ends.extend([end] * len(folded))
    folded_text = "".join(out)
    if folded_text == text:  # not NFKC as a whole (a combining accent), the same character by character
        return Folded(text, text, None)
    return Folded(text, folded_text, tuple(origin), tuple(ends) if escapes or breaks else None)
