"""The words inside CSS: its strings.

CSS is kept as it is (a replay needs every selector, property and number of it), but a page writes a
visitor's data into its strings: a print header (`@page { @top-center { content: "Dossier de Maëlys
R…" } }`), a custom property set by script (`style="--aanvrager: 'G.J.W. in 't Veld'"`) that a
`content: var(--aanvrager)` shows. A CSS text is cut into its code and its strings (linear, one
regular expression that reads comments, and strings to their end or their line's end as CSS does); each
string is a Cell of its own that the content layer scans and the taint pass masks, and the text is
written back once, at the end of the batch, with its code untouched. A string that is a URL
(`url("…")`, `@import "…"`) is a resource's address, wherever it stands (an image inlined as a data: URL
is code); a string of CSS escapes alone (an icon font's "\\f101"), of fewer than three characters, or
that is code by its place (a font's name, an attribute selector's value) holds no visitor's words and is
not read.
"""

from __future__ import annotations

import re

from redactor.content import Cell

#: a comment (to its end, or the text's), a double- or a single-quoted string (to its end, or the end of
#: its line: CSS's bad string), escapes included, and a custom property's value that is no string
#: (`--who: Maëlys`, any tokens a script wrote) and a custom property's name wherever it is
#: (`--klant-jozef-vermeulen: 1`, `var(--klant-jozef-vermeulen)`: a script names them too), both read by
#: the taint pass only, and a URL unquoted
#: (`url(/t.gif?e=…)`, a font's source as a script gave it); every character is read once
_TOKENS = re.compile(r"""/\*(?:[^*]|\*(?!/))*(?:\*/)?|"((?:[^"\\\n]|\\.)*)"?|'((?:[^'\\\n]|\\.)*)'?"""
                     r"""|(?<![\w-])--([\w-]++)(?:[^\S\n]*:[^\S\n]*([^;{}"'/!\n]+))?"""
                     r"""|(?<![\w-])url\(\s*+([^"'()\s]++)\s*+\)""", re.S | re.I)
#: a string that is only CSS escapes ("\f101", "\201C\00a0"): an icon or a quote mark, no words
_ESCAPES_ONLY = re.compile(r"(?:\\[0-9a-fA-F]{1,6}\s?|\\.|\s)*", re.S)
#: what a URL string follows: `url(` or `@import` and spaces (`@import "https://fonts.example/css?…"` is a
#: URL as `url("…")` is: its path and query are scanned, wherever it stands)
_URL_BEFORE = re.compile(r"(?:url\(|@import)\s*$", re.I)
#: strings that are code, not words, by what they follow in their declaration or selector: a font's name
#: (`font-family:`, `font:`, `@font-face`'s `src:`), a charset, a namespace, quote marks, an attribute
#: selector's value (`[type="text"]`: masked, it would match other elements)
_CODE_HEAD = re.compile(r"\s*(?:(?:font-family|font|src|quotes)\s*:|@(?:charset|namespace)\b)", re.I)
_SELECTOR_VALUE = re.compile(r"=\s*$")
_LOOK_BACK = 96  # characters read back for that: a declaration's head is short
_URL_LOOK_BACK = 16  # and for `url(` or `@import` before a string


def _is_code(text: str, quote: int) -> bool:
    """Whether the string whose opening quote is at `quote` is code by its place (see _CODE_HEAD):
    reads back at most _LOOK_BACK characters, to the declaration's or the selector's start."""
    floor = max(0, quote - _LOOK_BACK)
    head = max(text.rfind(";", floor, quote), text.rfind("{", floor, quote), text.rfind("}", floor, quote)) + 1
    return _CODE_HEAD.match(text, max(head, floor), quote) is not None \
        or _SELECTOR_VALUE.search(text, max(head, floor, quote - 8), quote) is not None
_MIN_WORDS = 3  # shorter strings ("", "→", ", ") say nothing
_UNSAFE = str.maketrans({'"': "*", "'": "*", "\\": "*", "\n": "*"})  # what would end a string or escape


class CssString(Cell):
    """One string of a CSS text, without its quotes: what a mask writes into it cannot end it."""

    __slots__ = ("css", "url", "taint_only")

    def __init__(self, css: CssText, index: int, url: bool, taint_only: bool = False):
        super().__init__(css.parts, index)
        self.css, self.url, self.taint_only = css, url, taint_only

    def set(self, value: str) -> None:
        if value != self.get():
            self.container[self.key] = value.translate(_UNSAFE)
            self.css.changed = True


class CssText:
    """A CSS text cut into its code (even parts) and its strings' contents (odd parts)."""

    def __init__(self, cell: Cell):
        self.cell = cell
        self.parts: list[str] = []
        self.changed = False
        self.strings: list[CssString] = []
        text, position = cell.get(), 0
        if "'" not in text and '"' not in text and "--" not in text and "url(" not in text.lower():
            return
        for match in _TOKENS.finditer(text):
            for group in (1, 2, 3, 4, 5):  # (a custom property: its name, then its value)
                if match.group(group) is not None:
                    position = self._cut(text, match, group, position)
        self.parts.append(text[position:])

    def _cut(self, text: str, match: re.Match[str], group: int, position: int) -> int:
        """The string of this group of the match, a part of its own (a comment has none: code)."""
        start, end = match.span(group)
        self.parts.append(text[position:start])
        self.parts.append(text[start:end])
        position = end
        content = text[start:end]
        if group in (3, 4):
            if len(content.strip()) >= _MIN_WORDS:
                self.strings.append(CssString(self, len(self.parts) - 1, False, taint_only=True))
        elif group == 5:
            if content[:5].lower() != "data:":  # an image inlined: pixels or SVG code
                self.strings.append(CssString(self, len(self.parts) - 1, True))
        elif len(content) >= _MIN_WORDS and not _ESCAPES_ONLY.fullmatch(content):
            # a URL wherever it stands (a font's source, an import), as an unquoted one is; other strings by their place
            if _URL_BEFORE.search(text, max(0, start - _URL_LOOK_BACK), start - 1) is not None:
                if content[:5].lower() != "data:":  # an image inlined: pixels or SVG code
                    self.strings.append(CssString(self, len(self.parts) - 1, True))
            elif not _is_code(text, start - 1):
                self.strings.append(CssString(self, len(self.parts) - 1, False))
        return position

    def write(self) -> None:
        """Writes the text back if a string of it was masked: its code as it came."""
        if self.changed:
            self.cell.set("".join(self.parts))
            self.changed = False
