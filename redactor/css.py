"""The words inside CSS: its strings.

CSS is kept as it is (a replay needs every selector, property and number of it), but a page writes a
visitor's data into its strings: a print header (`@page { @top-center { content: "Dossier de Maëlys
R…" } }`), a custom property set by script (`style="--aanvrager: 'G.J.W. in 't Veld'"`) that a
`content: var(--aanvrager)` shows. A custom property's value that is no string (`--klant: Griet Verhaeghe`,
`--who: jan@mail.example`) is read as the site's words too: whatever a script or the server put there, a
replay only needs it when it is code (a colour, a length, `var()`), where no detector finds anything (a
custom property named for a font aside: its font names, read by the taint pass only), to its end: its
declaration's, its block's or `!important` (`--tel: 0470/12 34 56`, `--who: 'Griet' Verhaeghe`). A CSS text
is cut into its code and its strings (linear, one regular expression that reads comments, and strings to
their end or their line's end as CSS does); each string is a Cell of its own that the content layer scans and
the taint pass masks, and the text is written back once, at the end of the batch, with its code
untouched. A string that is a URL (`url("…")`, `@import "…"`) is a resource's address, wherever it stands;
one inlined as a data: URL is a document read as words (an SVG a script drew a name in) or bytes not read (an
image's pixels, a font: content.DataUrlSlot). An attribute selector's value (`a[href="mailto:…"]`) is read for
what a detector finds by its shape only (content.ShapeSlot: `[type="text"]` stays). A string of CSS escapes
alone (an icon font's "\\f101"), of fewer than three characters, or that is code by its place (a font's name)
holds no visitor's words and is not read. A comment's words are no replay's: emptied (`/**/`), whatever they say.
"""

from __future__ import annotations

import re

from redactor.content import Cell, is_data_url

#: a comment (to its end, or the text's), a double- or a single-quoted string (to its end, or the end of
#: its line: CSS's bad string), escapes included, a custom property's name wherever it is
#: (`--klant-jozef-vermeulen: 1`, `var(--klant-jozef-vermeulen)`: a script names them too), a name read
#: by the taint pass only, with the colon that opens its value, and a URL unquoted (`url(/t.gif?e=…)`, a
#: font's source as a script gave it); every character is read once
_TOKENS = re.compile(r"""/\*(?:[^*]|\*(?!/))*(?:\*/)?|"((?:[^"\\\n]|\\.)*)"?|'((?:[^'\\\n]|\\.)*)'?"""
                     r"""|(?<![\w-])--([\w-]++)([^\S\n]*:)?"""
                     r"""|(?<![\w-])url\(\s*+([^"'()\s]++)\s*+\)""", re.S | re.I)
_NAME, _COLON, _URL = 3, 4, 5  # _TOKENS's groups past the strings': a custom property's name, its colon, a URL
_VALUE = 0  # what _cut is given for a piece of a custom property's value that is no string
#: where a custom property's value ends: its declaration's or its block's end, or its priority. Its code
#: between its colon and there is read (`--who: Maëlys`, `--tel: 0470/12 34 56`: a '/', a '!' or a line's
#: end do not end it), strings, comments, url()s and var()s inside it read as they are elsewhere, the
#: value going on after them (`--who: 'Griet' Verhaeghe`)
_VALUE_END = re.compile(r"[;{}]|!\s*important", re.I)
_SPACES = re.compile(r"\s*")
#: a string that is only CSS escapes ("\f101", "\201C\00a0"): an icon or a quote mark, no words
_ESCAPES_ONLY = re.compile(r"(?:\\[0-9a-fA-F]{1,6}\s?|\\.|\s)*", re.S)
#: what a URL string follows: `url(` or `@import` and spaces (`@import "https://fonts.example/css?…"` is a
#: URL as `url("…")` is: its path and query are scanned, wherever it stands)
_URL_BEFORE = re.compile(r"(?:url\(|@import)\s*$", re.I)
#: strings that are code, not words, by what they follow in their declaration or selector: a font's name
#: (`font-family:`, `font:`, `@font-face`'s `src:`), a charset, a namespace, quote marks
_CODE_HEAD = re.compile(r"\s*(?:(?:font-family|font|src|quotes)\s*:|@(?:charset|namespace)\b)", re.I)
#: a custom property named for a font (`--font-sans:`, `--bs-font-monospace:`, `--heading-font:`): its
#: strings and value are font names ("Fira Code", Brandon Grotesque), which a detector would read as a
#: person's; a script may still copy a field into one, so the taint pass reads them
_FONT_HEAD = re.compile(r"\s*--(?:[\w-]*-)?font(?:-[\w-]*)?\s*:", re.I)
#: a custom property's value that is plainly code: colours, numbers with their units, lower-case keywords,
#: functions and operators (`#0d6efd`, `0 1px 3px rgb(0 0 0 / .1)`, `var(--tw-ring)`, `ease-in-out`):
#: nothing a detector could find, so only the taint pass reads it (a design system sets hundreds of these
#: on every snapshot); six digits with only separators between them may be a phone or an id, and two plain
#: words a name in lower case ('griet verhaeghe'): read
_PLAIN_CODE = re.compile(r"(?>[\s(),/*+-]|#[0-9a-fA-F]{3,8}\b|(?>\d+(?:\.\d+)?|\.\d+)(?:[a-z]+|%)?|[a-z][a-z0-9-]*)*+")
_DIGIT_RUN = re.compile(r"\d(?:[\s./+()-]*+\d){5}")
_PLAIN_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w(-])")


def _plain_code(value: str) -> bool:
    """Whether a custom property's value is plainly code (_PLAIN_CODE)."""
    return _PLAIN_CODE.fullmatch(value) is not None and _DIGIT_RUN.search(value) is None \
        and len(_PLAIN_WORD.findall(value)) < 2
#: an attribute selector's value (`[type="text"]`, `[href^="mailto:…"]`): masked as words, it would match
#: other elements; read for a visitor's number or address by its shape only
_SELECTOR_VALUE = re.compile(r"=\s*$")
_LOOK_BACK = 96  # characters read back for that: a declaration's head is short
_URL_LOOK_BACK = 16  # and for `url(` or `@import` before a string


def _head(text: str, at: int) -> int:
    """Where the declaration or the selector that `at` is in starts: read back at most _LOOK_BACK characters."""
    floor = max(0, at - _LOOK_BACK)
    return max(text.rfind(";", floor, at), text.rfind("{", floor, at), text.rfind("}", floor, at), floor - 1) + 1


def _is_code(text: str, quote: int) -> bool:
    """Whether the string whose opening quote is at `quote` is code by its place (see _CODE_HEAD)."""
    return _CODE_HEAD.match(text, _head(text, quote), quote) is not None


def _is_selector_value(text: str, quote: int) -> bool:
    """Whether the string whose opening quote is at `quote` is an attribute selector's value (_SELECTOR_VALUE)."""
    return _SELECTOR_VALUE.search(text, max(_head(text, quote), quote - 8), quote) is not None
_MIN_WORDS = 3  # shorter strings ("", "→", ", ") say nothing
_UNSAFE = str.maketrans({'"': "*", "'": "*", "\\": "*", "\n": "*"})  # what would end a string or escape


class CssString(Cell):
    """One string of a CSS text, without its quotes: what a mask writes into it cannot end it. What it is:
    a URL's (url), a data: URL's (data), an attribute selector's value (shapes), one the taint pass reads only
    (taint_only), or words."""

    __slots__ = ("css", "url", "taint_only", "data", "shapes")

    def __init__(self, css: CssText, index: int, url: bool, taint_only: bool = False, data: bool = False,
                 shapes: bool = False):
        super().__init__(css.parts, index)
        self.css, self.url, self.taint_only, self.data, self.shapes = css, url, taint_only, data, shapes

    def set(self, value: str) -> None:
        if value != self.get():
            self.container[self.key] = value.translate(_UNSAFE)
            self.css.changed = True


class CssText:
    """A CSS text cut into its code (even parts) and its strings' contents (odd parts)."""

    def __init__(self, cell: Cell, custom: str | None = None):
        """custom: the name of the custom property whose value the text is, whole (a changed style's
        `{"--who": …}`, a StyleDeclaration's `set`): the text is read as it is after `--who:` in CSS text."""
        self.cell = cell
        self.parts: list[str] = []
        self.changed = False
        self.strings: list[CssString] = []
        #: a font's names: whether the custom property whose value is being read is named for a font
        #: (_FONT_HEAD; a custom text's name is not in the text)
        self.font = custom is not None and _FONT_HEAD.match(custom + ":") is not None
        text, position = cell.get(), 0
        value = custom is not None  # whether a custom property's value is being read: until _VALUE_END
        if not value and "'" not in text and '"' not in text and "--" not in text and "url(" not in text.lower() \
                and "/*" not in text:
            return
        code = 0  # where the code after the last token starts
        for match in _TOKENS.finditer(text):
            if value:
                position, value = self._value(text, code, match.start(), position)
            if text.startswith("/*", match.start()):  # a comment: its words emptied, its marks kept ("a/**/b")
                start, end = match.start() + 2, match.end()
                if end - start >= 2 and text.startswith("*/", end - 2):
                    end -= 2
                self.parts.extend((text[position:start], ""))
                self.changed |= end > start
                position = end
            for group in (1, 2, 3, 5):
                if match.group(group) is not None:
                    position = self._cut(text, *match.span(group), group, position)
            if match.group(_COLON) is not None:  # a custom property's value begins
                value, self.font = True, _FONT_HEAD.match(match.group(0)) is not None
            code = match.end()
        if value:
            position, value = self._value(text, code, len(text), position)
        self.parts.append(text[position:])

    def _value(self, text: str, start: int, end: int, position: int) -> tuple[int, bool]:
        """The code text[start:end] inside a custom property's value, up to the value's end: a part of its own
        (_cut), and whether the value goes on after it."""
        close = _VALUE_END.search(text, start, end)
        stop = end if close is None else close.start()
        position = self._cut(text, _SPACES.match(text, start, stop).end(), stop, _VALUE, position)
        if close is not None:
            self.font = False
        return position, close is None

    def _cut(self, text: str, start: int, end: int, kind: int, position: int) -> int:
        """The string text[start:end], a part of its own (a comment has none: code); kind: what it is,
        numbered as _TOKENS's groups are (_VALUE: a piece of a custom property's value)."""
        self.parts.append(text[position:start])
        self.parts.append(text[start:end])
        position = end
        content = text[start:end]
        if kind == _NAME:
            if len(content) >= _MIN_WORDS:
                self.strings.append(CssString(self, len(self.parts) - 1, False, taint_only=True))
        elif kind == _VALUE:
            if len(content.strip()) >= _MIN_WORDS:
                self.strings.append(CssString(self, len(self.parts) - 1, False,
                                              taint_only=_plain_code(content) or self._font(text, start)))
        elif kind == _URL:
            self.strings.append(CssString(self, len(self.parts) - 1, True, data=is_data_url(content)))
        elif len(content) >= _MIN_WORDS and not _ESCAPES_ONLY.fullmatch(content):
            # a URL wherever it stands (a font's source, an import), as an unquoted one is; other strings by their place
            if _URL_BEFORE.search(text, max(0, start - _URL_LOOK_BACK), start - 1) is not None:
                self.strings.append(CssString(self, len(self.parts) - 1, True, data=is_data_url(content)))
            elif _is_selector_value(text, start - 1):
                self.strings.append(CssString(self, len(self.parts) - 1, False, shapes=True))
            elif not _is_code(text, start - 1):
                self.strings.append(CssString(self, len(self.parts) - 1, False, taint_only=self._font(text, start - 1)))
        return position

    def _font(self, text: str, at: int) -> bool:
        """Whether what starts at `at` is in a custom property named for a font (_FONT_HEAD)."""
        return self.font or _FONT_HEAD.match(text, _head(text, at), at) is not None

    def write(self) -> None:
        """Writes the text back if a string of it was masked: its code as it came."""
        if self.changed:
            self.cell.set("".join(self.parts))
            self.changed = False
