"""A session's taint: the values found to be personal data, kept to mask their echoes.

A name typed in a name field, an e-mail found in a comment: wherever the page shows it again
("Merci, Amélie Vermeulen", a live preview, the next snapshot) it is masked too. The taint never
holds a value. It holds keyed hashes (BLAKE2b, keyed with a key derived from the site's secret)
of the value's normalized words, so it can be saved with the session state — it survives a
restart and a refused batch — and what is saved cannot be read back without the server's key.

Matching is linear in the text. The text is cut into words, keeping their offsets; each word is
normalized (case folded, diacritics removed: "Amélie", "AMELIE" and "amelie" are one word); each
run of up to MAX_WORDS words that starts with the first word of a tainted value is hashed and
looked up. A hit maps back to the words' original offsets, so the right characters are masked
even when folding changes the length ("Strauß" → "strauss", "İstanbul" → "i̇stanbul").
A tainted word of PIECE_MIN characters or more is found glued into a longer word too ("@YsaureQuenouillere",
"Team-Quenouillere2026"): a word is cut at case changes and between letters and digits, and its pieces
and the joins of a few adjacent pieces are looked up (a bounded number per piece: linear still); and with a
genitive's "s" glued to it ("Friederikes Wunschliste", "Familie Brandstätters Buchung"): a word ending in "s" is
looked up without it too.
A value is also tainted in the forms a page writes it in that are no run of its words: a number of groups
as one word, a number typed as one word in groups ("250.269.604.918.273"), a short name's words joined
("VET-LANNOYWEYDERT-0412").
A typed name's words but its last are tainted as a name's head too: the capitalised word right after it is masked
with it, the surname a batch may have ended in the middle of ("Kidane Wol"; Taint.add_name_head).

Bounded: at most `limit` hashes per session (Settings.max_taint_values). Past it the taint is
*saturated*: forgetting the oldest values would let their echoes through, so instead every text
the taint pass looks at is masked whole for the rest of the session (fail closed), and each such
batch leaves a remark ("limit.taint_values"), counted in /metrics.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import hmac
import re
import unicodedata
from array import array
from bisect import bisect_left
from typing import Any, Iterable, Iterator

from redactor.bounded_cache import LONGEST_KEPT, short_lru_cache
from redactor.pii.fold import fold
from redactor.pii.names import PARTICLES

#: the longest run of words matched as one value; longer values are tainted as overlapping runs
MAX_WORDS = 8
#: words of one value that are tainted (runs beyond are not): bounds the hashes one value adds
MAX_VALUE_WORDS = 64
#: the shortest value of groups tainted joined too, as one word (_joined), and the shortest of its runs tainted
JOINED_MIN = 6
#: the most words of a value of groups whose shorter runs are tainted too (_group_runs): an IBAN has 8 or 9
MAX_GROUPS = 12
#: the most words of a value of letters (a name) whose adjacent words are tainted joined as one word, and the
#: most words joined (_letters_joined: "Maria del Carmen de la Fuente" is shown "DELAFUENTE")
MAX_JOINED_VALUE_WORDS, MAX_JOINED_NAME_WORDS = 6, 4
#: the shortest tainted word found inside a longer word ("@YsaureQuenouillere", "Team-Quenouillere2026")
PIECE_MIN = 5
#: the most adjacent pieces of a word joined and looked up as one word (bounds the work per piece)
MAX_PIECES = 4
#: the shortest number-like word (an IBAN, an account typed without spaces) whose tails are tainted too
SUFFIX_WORD_MIN = 12
#: the shortest tail of such a word tainted ("...123456769"); the longest word whose tails are tainted
SUFFIX_MIN, SUFFIX_WORD_MAX = 6, 40
#: default bound of hashes per session (Settings.max_taint_values)
MAX_TAINT_VALUES = 8000

#: characters that are invisible inside a word: a soft hyphen (a site's hyphenator writes "Dewis&shy;pelaere"),
#: the word joiner and its invisible operators, the zero-width (non-)joiners, a byte-order mark. Unicode's word
#: boundaries (UAX #29, WB4) read through them; a zero-width space (U+200B) is a break, and separates words
_INVISIBLE = "\u00ad\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
#: a word: letters and digits with their combining marks ("Ame\u0301lie" is one word) and the invisible
#: characters above; an underscore joins words ("CV_Ysaure_Quenouillere_2026.pdf"), as a hyphen or a dot does
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                   + _INVISIBLE + "])*")
#: what a handle is made of: a URL's slug, a file's name, an e-mail's local part ("ysaure-quenouillere-7b3k2")
_HANDLE_CHARACTER = re.compile(r"[\w.+%~-]")
#: a URL's separators percent-encoded ("%2F", "%3D", "%26"): where a handle in an address nested in another
#: ends ("?next=%2Fcheckout%3Fachternaam%3D<value>"), as it ends on the separator written plainly
_ENCODED_SEPARATORS = frozenset({"%23", "%26", "%2F", "%3B", "%3D", "%3F"})
def _encoded_separator(text: str, at: int) -> bool:
    return at >= 0 and text[at:at + 3].upper() in _ENCODED_SEPARATORS


#: characters a handle grows on each side of a value found in it: a slug or a file name is short, and a
#: text of a million handle characters costs each value found in it this much, not the text's length
_HANDLE_MAX = 128
#: letters NFKD does not decompose, written without their stroke or as two letters; the invisible characters dropped
_UNACCENTED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t",
                             "þ": "th", "æ": "ae", "œ": "oe", **dict.fromkeys(_INVISIBLE)})
_SEPARATOR = b"\x1f"
#: what a name's head is hashed with after its words (Taint.add_name_head): no word's normal form holds it
_NAME_HEAD = b"\x00name head" + _SEPARATOR
#: what a statement's first words are hashed with before what it says (Taint.add_statement): no word's normal form
#: holds it
_SAID_AFTER = b"\x00said after" + _SEPARATOR
#: German spells its umlauts with two letters where they cannot be written (a file name, an e-mail, a
#: URL slug): "Schröder" comes back as "Schroeder", which normalize() does not fold to "schroder"
_UMLAUTS_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE"})


def normalize(word: str) -> str:
    """Case folded and without diacritics: the form both a value and its echoes are hashed in."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNACCENTED)


def _hashable(word: str) -> bytes:
    return normalize(word).encode("utf-8", "surrogatepass") + _SEPARATOR


class TaintHasher:
    """Hashes runs of normalized words with one site's key (derived, so the masks' "hash"
    operator and the taint never share a key). Made for one batch: it remembers each word's
    normal form and hash, since a batch's texts repeat their words (bounded: _MEMO words)."""

    _MEMO = 50_000

    def __init__(self, site_secret: bytes):
        self._site_secret = site_secret
        self._template = _keyed_template(site_secret)
        self._memo: dict[str, tuple[bytes, bytes]] = {}

    def index(self, text: str) -> TextIndex | None:
        """What a text can match of any taint of this site (_text_index), or None for a text too long to
        keep it for (its words are read lazily: heads())."""
        return _text_index(self._site_secret, text) if len(text) <= LONGEST_KEPT else None

    def start(self) -> Any:
        return self._template.copy()

    def heads(self, text: str) -> Any:
        """The hash of each word of a text alone, lazily: whether a text can echo a tainted
        value at all is told without the words' offsets (most texts cannot)."""
        word = self.word
        return (word(w)[1] for w in _WORD.findall(text))

    def value(self, value: str) -> bytes:
        """The keyed hash of a whole value as it came (Taint._settled)."""
        digest = self._template.copy()
        digest.update(value.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def word(self, word: str) -> tuple[bytes, bytes]:
        """The word's normal form (as hashed) and the hash of the word alone."""
        known = self._memo.get(word)
        if known is None:
            if len(self._memo) >= self._MEMO:
                self._memo.clear()
            form = _hashable(word)
            digest = self._template.copy()
            digest.update(form)
            known = self._memo[word] = (form, digest.digest())
        return known


@functools.lru_cache(maxsize=1024)
def _keyed_template(site_secret: bytes) -> Any:
    """The keyed BLAKE2b every hash of a site's taint copies: derived once per site, not per batch
    (only ever copied, never updated, so threads may share it)."""
    key = hmac.new(site_secret, b"redactor taint v1", hashlib.sha256).digest()
    return hashlib.blake2b(key=key, digest_size=8)


#: texts whose index is kept, per process: the texts the taint pass reads (a page's, shown to every visitor
#: of a site) repeat across batches and sessions. At most LONGEST_KEPT characters each, so at most a few
#: hundred hashes of 8 bytes each, and words kept for texts of up to _INDEXED_WORDS words: a few MB when
#: full of the texts pages show, ~30 MB of hostile ones
_INDEXED_TEXTS = 4096
_INDEXED_WORDS = 32
#: (its words' hashes alone, the hashes of its glued words' pieces, its words(), or None past _INDEXED_WORDS)
TextIndex = tuple[frozenset[bytes], frozenset[bytes], "tuple[tuple[int, int, bytes, bytes], ...] | None"]


@short_lru_cache(_INDEXED_TEXTS)
def _text_index(site_secret: bytes, text: str) -> TextIndex:
    """A text's words' hashes alone (where a tainted run can start: Taint.heads) and the hashes of the
    parts of its words (glued pieces and their joins, a genitive's stem: what _pieces_found looks up), with
    the site's key: a text can echo a taint only if one of them is the taint's; and its words (what a text
    that can is read by). Depends on the text and the key only, so it is kept across batches and sessions of the
    site (most texts echo nothing: told with two lookups)."""
    hasher = TaintHasher(site_secret)
    found = words(text, hasher)
    heads = frozenset(head for _, _, _, head in found)
    pieces = frozenset(hasher.word(whole[start:end])[1] for whole in _WORD.findall(text)
                       for start, end in _parts(whole)) if _may_hold_parts(text) else frozenset()
    return heads, pieces, tuple(found) if len(found) <= _INDEXED_WORDS else None


def words(text: str, hasher: TaintHasher) -> list[tuple[int, int, bytes, bytes]]:
    """The words of a text: (start, end) in the original text, the normal form, its hash."""
    word = hasher.word
    return [(m.start(), m.end(), *word(m.group())) for m in _WORD.finditer(text)]


def _handles(text: str, values: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A tainted value found inside a handle (a slug "ysaure-quenouillere-7b3k2", a file name
    "CV_Ysaure_Quenouillere_2026.pdf", an e-mail's local part) is the handle's: the whole of it is
    the visitor's, not only the value's words. The handle ends before a sentence's last dot.
    values: the (start, end) of each value found, in the order of their starts. A value that starts where
    the handle grown around the one before reaches is in that handle: it grows on from where that one
    stopped, so a text of many values in one handle ("1.1.1.…", a value "1") reads each character once or
    twice, not once per value found near it."""
    handles: list[tuple[int, int]] = []
    first = last = reach = -1  # the handle being grown: its start, its values' last end, where its growth stopped
    for start, end in values:
        if start > reach:  # a new handle: the one before is done
            if reach >= 0:
                handles.append((first, _without_trailing_dot(text, last, reach)))
            floor = max(0, start - _HANDLE_MAX)
            first = start
            while first > floor and _HANDLE_CHARACTER.match(text, first - 1) and \
                    not _encoded_separator(text, first - 3):
                first -= 1
            last = reach = end
        last = max(last, end)
        ceiling = min(len(text), end + _HANDLE_MAX)
        reach = max(reach, end)
        while reach < ceiling and _HANDLE_CHARACTER.match(text, reach) and not _encoded_separator(text, reach):
            reach += 1
    if reach >= 0:
        handles.append((first, _without_trailing_dot(text, last, reach)))
    return handles


def _without_trailing_dot(text: str, end: int, grown: int) -> int:
    while grown > end and text[grown - 1] in ".-":
        grown -= 1
    return grown


def _joined(found: list[tuple[int, int, bytes, bytes]]) -> bytes | None:
    """The normal form of a value of groups mostly digits written as one word (an id, a phone, a plate:
    "6120 4483 917" → "61204483917"), or None: one word already, fewer than JOINED_MIN characters (a
    joined "1 2" would be every "12"), or mostly letters ("Kapelleveld 38")."""
    if len(found) < 2:
        return None
    joined = b"".join(form[:-len(_SEPARATOR)] for _, _, form, _ in found)
    digits = sum(48 <= byte <= 57 for byte in joined)
    return joined + _SEPARATOR if len(joined) >= JOINED_MIN and 2 * digits >= len(joined) else None


def _group_runs(found: list[tuple[int, int, bytes, bytes]]) -> list[list[tuple[int, int, bytes, bytes]]]:
    """The shorter runs of a value of groups mostly digits (an IBAN, a phone, an account) of JOINED_MIN
    characters or more: a page tells back a part of one ("compte se terminant par 8172 6359 040", the last
    13 characters of an IBAN sliding as it is typed), which is no run from the value's first word. A value
    of more than MAX_GROUPS words is text, not a number: its runs are the usual ones (bounds the hashes)."""
    if len(found) > MAX_GROUPS or _joined(found) is None:
        return []
    runs = []
    for start in range(len(found)):
        for end in range(start + 1, min(len(found), start + MAX_WORDS) + 1):
            run = found[start:end]
            if len(run) < len(found) and (len(run) > 1 and _joined(run) is not None
                                          or len(run) == 1 and _mostly_digits(run[0][2])):
                runs.append(run)
    return runs


def _joined_parts(joined: bytes, group_runs: list[list[tuple[int, int, bytes, bytes]]]) -> list[bytes]:
    """The parts of a value of groups a page shows as one word: each run of its groups joined ("3026 1000"
    → "30261000"), and each end of its joined form of JOINED_MIN characters or more, across a group's edge
    ("Konto …485721" of "BE17 0016 2948 5721"). Bounded: MAX_GROUPS groups, ends of a value up to
    _JOINED_ENDS_MAX characters."""
    parts = [j for run in group_runs if len(run) > 1 and (j := _joined(run)) is not None]
    text = joined[:-len(_SEPARATOR)]
    if len(text) <= _JOINED_ENDS_MAX:
        parts += [text[-size:] + _SEPARATOR for size in range(JOINED_MIN, len(text))]
    return parts


#: the longest joined value whose ends are tainted (an IBAN has 34 characters at most)
_JOINED_ENDS_MAX = 40


def _letters_joined(found: list[tuple[int, int, bytes, bytes]]) -> list[bytes]:
    """The runs of two or more adjacent words of a short value of letters only (a name: "de Lannoy-Weydert"),
    joined as one word, of JOINED_MIN characters or more: a page builds a reference or an account's name of it
    without its spaces, hyphens or particle ("VET-LANNOYWEYDERT-0412", "DELANNOYWEYDERT"). A join of particles
    alone is not: "Van Der" of "Pieter Van Der Elst" is every such name's ("Notaris Vander Elst", "Vanhet terras").
    Bounded: runs of up to MAX_JOINED_NAME_WORDS words of a value of up to MAX_JOINED_VALUE_WORDS add at most 12."""
    forms = [form[:-len(_SEPARATOR)] for _, _, form, _ in found]
    if not 2 <= len(forms) <= MAX_JOINED_VALUE_WORDS or \
            not all(form.decode("utf-8", "surrogatepass").isalpha() for form in forms):
        return []
    particles = [form.decode("utf-8", "surrogatepass") in PARTICLES for form in forms]
    return [b"".join(forms[i:j]) + _SEPARATOR for i in range(len(forms))
            for j in range(i + 2, min(len(forms), i + MAX_JOINED_NAME_WORDS) + 1)
            if sum(map(len, forms[i:j])) >= JOINED_MIN and not all(particles[i:j])]


def _mostly_digits(form: bytes) -> bool:
    """One word of a value of groups that is itself a number of JOINED_MIN characters or more."""
    text = form[:-len(_SEPARATOR)]
    return len(text) >= JOINED_MIN and 2 * sum(48 <= byte <= 57 for byte in text) >= len(text)


#: the shortest number-like word typed whose groupings are tainted (_groupings): a Dutch postcode typed as one word
#: ("1106AV") is told back with its space and in lower case ("1106 av": held-out round 32), a date as "07 03 83"
GROUPED_MIN = 6


def _groupings(found: list[tuple[int, int, bytes, bytes]], joined: bytes | None,
               hasher: TaintHasher) -> list[list[tuple[int, int, bytes, bytes]]]:
    """A number-like value, typed as one word ("250269604918273") or in groups of its own ("250 269 604 918 273",
    joined: _joined), as a page groups it when it shows it back, as runs of words: thousands from the right
    (Intl.NumberFormat: "250.269.604.918.273"), fours from the left (an IBAN, a card, a chip: "2502 6960 4918
    273") and from the right ("250 2696 0491 8273"), twos from the left (a phone: "06 12 34 56 78"), and sixes from
    either end ("541449 370006 129054"). Of GROUPED_MIN characters or more, up to MAX_WORDS groups: at most six
    runs per value. A group of JOINED_MIN characters or more is a run alone too: a page that puts each group in a
    box of its own (a meter's code read back in threes of six) shows a part of the number in each."""
    number = found[0][2] if len(found) == 1 else joined
    if number is None:
        return []
    text = number[:-len(_SEPARATOR)].decode("utf-8", "surrogatepass")
    if len(text) < GROUPED_MIN or not text.isascii() or not text.isalnum() or not _mostly_digits(number):
        return []
    cuts = {tuple(range(len(text) % 3 or 3, len(text), 3)), tuple(range(4, len(text), 4)),
            tuple(range(len(text) % 4 or 4, len(text), 4)), tuple(range(2, len(text), 2)),
            tuple(range(JOINED_MIN, len(text), JOINED_MIN)), tuple(range(len(text) % JOINED_MIN or JOINED_MIN,
                                                                         len(text), JOINED_MIN))}
    groupings, alone = [], set()
    for inner in cuts:
        if len(inner) + 1 <= MAX_WORDS:
            edges = (0, *inner, len(text))
            grouping = [(0, 0, *hasher.word(text[a:b])) for a, b in zip(edges, edges[1:])]
            if [form for _, _, form, _ in grouping] != [form for _, _, form, _ in found]:  # not the typed run again
                groupings.append(grouping)
            alone.update(text[a:b] for a, b in zip(edges, edges[1:])
                         if b - a >= JOINED_MIN and (a, b) != (0, len(text)))
    return groupings + [[(0, 0, *hasher.word(group))] for group in sorted(alone)]


def _suffixes(found: list[tuple[int, int, bytes, bytes]]) -> list[bytes]:
    """The tails of a value of one number-like word typed without spaces ("BE71096123456769"): a page
    tells back its end ("rekening ...123456769"), which is no run of words. Of SUFFIX_MIN characters or
    more, for a word of SUFFIX_WORD_MIN to SUFFIX_WORD_MAX characters mostly digits (bounds the hashes)."""
    if len(found) != 1:
        return []
    text = found[0][2][:-len(_SEPARATOR)]
    if not SUFFIX_WORD_MIN <= len(text) <= SUFFIX_WORD_MAX or not _mostly_digits(found[0][2]):
        return []
    return [text[i:] + _SEPARATOR for i in range(1, len(text) - SUFFIX_MIN + 1)]


def _pieces(word: str) -> list[tuple[int, int]]:
    """The pieces of a word written as several ("YsaureQuenouillere", "Quenouillere2026", "XMLParser"):
    cut where a small letter meets a capital, where letters meet digits, and before the capital that
    starts a word after a run of capitals. [(start, end)] in the word; one piece for most words.
    Linear in the word; the caller only calls it for a word that may have more than one piece."""
    cuts = [0]
    kind_before, previous = 0, ""
    for i, c in enumerate(word):
        kind = 1 if c.isdigit() else 2 if c.isalpha() else 0  # 0: a mark or an invisible character
        if kind == 0:
            continue
        if i and kind_before and (kind != kind_before or previous.islower() and c.isupper()
                                  or previous.isupper() and c.isupper() and i + 1 < len(word) and word[i + 1].islower()):
            cuts.append(i)
        kind_before, previous = kind, c
    cuts.append(len(word))
    return list(zip(cuts, cuts[1:]))


#: where a word's second piece may start: a capital or a digit (the text's other characters are not looked at)
_PIECE_START = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-žЀ-Я0-9]")


def _may_hold_pieces(text: str) -> bool:
    """Whether a text may hold a word of several pieces (a prefilter, cheap on prose): a capital or a
    digit right after a letter or a digit, or a letter right after a digit."""
    for match in _PIECE_START.finditer(text):
        i, c = match.start(), match.group()
        before = text[i - 1] if i else ""
        if before.isalnum() and (c.isupper() or before.isdigit() != c.isdigit()) or \
                c.isdigit() and text[i + 1:i + 2].isalpha():
            return True
    return False


def _may_have_pieces(word: str) -> bool:
    """Whether a word can be several (cheap, in C): letters and digits, or a capital after its first letter."""
    return len(word) > PIECE_MIN and (not word.isalpha() and not word.isdigit() or not word[1:].islower()
                                      and not word.isupper())


#: a word that may be a genitive written glued: PIECE_MIN letters or more, then its "s" (a prefilter, as above)
_GENITIVE = re.compile(rf"[^\W\d_]{{{PIECE_MIN}}}[sS](?![^\W_])")


def _genitive_stem(word: str) -> tuple[int, int] | None:
    """A name's genitive as German and Dutch write it, its "s" glued ("Friederikes Wunschliste", "Familie
    Brandstätters Buchung", "Maartjes verlanglijstje"): the word without its "s", of PIECE_MIN letters or more
    ((start, end) in the word), or None. English and Dutch write "Friederike's": a word of its own already."""
    return (0, len(word) - 1) if len(word) > PIECE_MIN and word[-1] in "sS" and word[-2].isalpha() else None


def _parts(word: str) -> list[tuple[int, int]]:
    """The parts of a word looked up as words of their own: its glued pieces and their joins (_joins), and a
    genitive's stem (_genitive_stem). (start, end) in the word; none for most words."""
    parts = _joins(word) if _may_have_pieces(word) else []
    stem = _genitive_stem(word)
    return [*parts, stem] if stem is not None else parts


def _may_hold_parts(text: str) -> bool:
    """Whether a text may hold a word with parts (_parts): a prefilter, cheap on prose."""
    return _may_hold_pieces(text) or _GENITIVE.search(text) is not None


def _joins(word: str) -> list[tuple[int, int]]:
    """The runs of up to MAX_PIECES adjacent pieces of a word, short of the whole word, of PIECE_MIN
    characters or more: (start, end) in the word."""
    pieces = _pieces(word)
    if len(pieces) < 2:
        return []
    joins = []
    for i, (start, _) in enumerate(pieces):
        for j in range(i, min(len(pieces), i + MAX_PIECES)):
            end = pieces[j][1]
            if end - start >= PIECE_MIN and (start, end) != (0, len(word)):
                joins.append((start, end))
    return joins


def _after_name_head(text: str, digest: Any, found: list[tuple[int, int, bytes, bytes]], at: int, last: int | None,
                     hashes: set[bytes]) -> int | None:
    """Where a tainted value found ends, grown over the capitalised word after a name's head that ends at the
    word `at` (digest: the hash of the run's words so far), when one space is all between them."""
    if at + 1 >= len(found):
        return last
    start, end = found[at + 1][:2]
    if text[found[at][1]:start] != " " or not text[start].isupper():
        return last
    head = digest.copy()
    head.update(_NAME_HEAD)
    return max(end, last or 0) if head.digest() in hashes else last


def _said_after(digest: Any, found: list[tuple[int, int, bytes, bytes]], at: int, said: list[tuple[int, int]],
                hashes: set[bytes]) -> None:
    """Where a statement's first words end at the word `at` (digest: the hash of the run's words so far), the
    longest run of words right after them that is what it says is added to said (add_statement). Bounded: the
    first words are looked up once per run, and only where they are found are up to MAX_WORDS words read on."""
    after = digest.copy()
    after.update(_SAID_AFTER)
    if after.digest() not in hashes:
        return
    last = None
    for _, end, word, _ in found[at + 1:at + 1 + MAX_WORDS]:
        after.update(word)
        if after.digest() in hashes:
            last = end
    if last is not None:
        said.append((found[at + 1][0], last))


def _loaded(hexes: Iterable[str]) -> PackedHashes:
    """A saved state's hashes. One of another length (saved before the taint's hashes were 8 bytes, made another way)
    can match nothing, and a column holds 8 bytes a hash: left out, not an error that would refuse the session."""
    return PackedHashes(digest for digest in map(bytes.fromhex, hexes) if len(digest) == 8)


class PackedHashes:
    """A set of 8-byte keyed hashes kept, between batches, as one sorted column of 8 bytes each: a set of bytes objects
    costs ~90 bytes a hash, and a live session's taint was a third of its memory (issue 12: ~170 hashes of one page's
    values, ~27 KB). A lookup is a bisection; a batch that reads texts for echoes looks its many words up in a set made
    from the column (live(): ~65 ns a hash), dropped when the batch is done (rest()). An addition goes to both (the
    column's tail moved: bounded, a taint holds at most its limit)."""

    __slots__ = ("_column", "_live")

    def __init__(self, hashes: Iterable[bytes] = ()):
        self._column = array("Q", sorted({int.from_bytes(h, "little") for h in hashes}))
        self._live: set[bytes] | None = None

    def live(self) -> set[bytes]:
        """The hashes as a set, for a batch's lookups (kept until rest())."""
        if self._live is None:
            self._live = {number.to_bytes(8, "little") for number in self._column}
        return self._live

    def rest(self) -> None:
        self._live = None

    def __contains__(self, digest: bytes) -> bool:
        if self._live is not None:
            return digest in self._live
        number, column = int.from_bytes(digest, "little"), self._column
        at = bisect_left(column, number)
        return at < len(column) and column[at] == number

    def add(self, digest: bytes) -> None:
        number, column = int.from_bytes(digest, "little"), self._column
        at = bisect_left(column, number)
        if at == len(column) or column[at] != number:
            column.insert(at, number)
            if self._live is not None:
                self._live.add(digest)

    def __len__(self) -> int:
        return len(self._column)

    def __iter__(self) -> Iterator[bytes]:
        return (number.to_bytes(8, "little") for number in self._column)


class Taint:
    """Keyed hashes of the runs of words of the values found to be PII in one session."""

    def __init__(self, limit: int = MAX_TAINT_VALUES):
        self.limit = limit
        self.hashes = PackedHashes()  # each tainted run of words
        self.heads = PackedHashes()  # each run's first word: where a match can start
        self.saturated = False
        self.unsaved: list[tuple[bytes, bytes]] = []  # (run, head) added since the last save (bounded by limit)
        # the keyed hashes of values whose every hash is in the taint (TaintHasher.value): a value found again
        # (a page's e-mail in every batch, a name's words at each keystroke) adds nothing, told by one lookup.
        # Hashes are never taken out, so a value once settled stays so; not saved (bounded by limit)
        self._settled = PackedHashes()
        # the same of a value taken with the forms its caller derives from it (took_before), keyed by them
        self._taken = PackedHashes()

    def took_before(self, value: str, hasher: TaintHasher) -> bool:
        """Whether a value (with what says which forms its caller derives from it) was taken before: a
        page's e-mail or a typed name comes again in every batch, and taking it again, its forms derived
        and hashed anew, adds nothing (hashes are never taken out). Noted the first time (keyed, as
        _settled, and bounded by limit)."""
        taken = hasher.value(value)
        if taken in self._taken:
            return True
        if len(self._taken) < self.limit:
            self._taken.add(taken)
        return False

    def __bool__(self) -> bool:
        return bool(self.hashes) or self.saturated

    def __len__(self) -> int:
        return len(self.hashes)

    def add(self, value: str, hasher: TaintHasher, shapes: bool = True) -> bool:
        """Taints a value, and a value with umlauts as spelled without them too; returns whether
        the taint changed (then the state must be saved). shapes: its groups, parts joined and tails too."""
        changed = self._add(value, hasher, shapes)
        if not value.isascii():
            composed = unicodedata.normalize("NFC", value)
            spelled = composed.translate(_UMLAUTS_SPELLED)
            if spelled != composed:
                changed = self._add(spelled, hasher, shapes) or changed
        return changed

    def add_spelling(self, value: str, hasher: TaintHasher) -> bool:
        """Taints a spelling of a value made from it (a date of birth's "17 juni 2016", "2016-06-17" and its forty
        others, redact.py _date_forms) as its run of words alone: the value's own shapes (its groups, its parts
        joined, its tails) were tainted with the value, and a spelling's would add a dozen hashes each that no
        page writes ("juni 2016" read as an account's groups), filling a form's taint to its limit with a few dates
        (held-out round 25's family form, cut in small batches under load, saturated it: every label masked)."""
        return self.add(value, hasher, shapes=False)

    def _add(self, value: str, hasher: TaintHasher, shapes: bool) -> bool:
        settled = hasher.value(value if shapes else value + "\0spelling")  # a value typed later gets its shapes
        if settled in self._settled:
            return False
        found = words(value, hasher)[:MAX_VALUE_WORDS]
        if not found:
            return False
        runs = [found] if len(found) <= MAX_WORDS else \
            [found[i:i + MAX_WORDS] for i in range(len(found) - MAX_WORDS + 1)]
        if not shapes:
            return self._commit(self._new_runs(runs, hasher), settled)
        group_runs = _group_runs(found)
        joined = _joined(found)
        runs += group_runs + _groupings(found, joined, hasher)  # "250269604918273" is shown "250.269.604.918.273"
        new = self._new_runs(runs, hasher)
        hashes = self.hashes.live()
        for tail in _suffixes(found):  # "BE71096123456769" is shown "...123456769"
            digest = hasher.start()
            digest.update(tail)
            whole = digest.digest()
            if whole not in hashes:
                new.append((whole, whole))
        # "6120 4483 917" is shown "61204483917" too: one word; "de Lannoy-Weydert" is shown "LANNOYWEYDERT"
        one_words = _letters_joined(found) if joined is None else [joined, *_joined_parts(joined, group_runs)]
        for one_word in set(one_words):
            digest = hasher.start()
            digest.update(one_word)
            whole = digest.digest()
            if whole not in hashes:
                new.append((whole, whole))
        return self._commit(new, settled)

    def _new_runs(self, runs: list[list[tuple[int, int, bytes, bytes]]],
                  hasher: TaintHasher) -> list[tuple[bytes, bytes]]:
        """The (run, head) hashes of runs of words the taint does not hold yet."""
        new, hashes = [], self.hashes.live()
        for run in runs:
            digest = hasher.start()
            for word in run:
                digest.update(word[2])
            whole = digest.digest()
            if whole not in hashes:
                new.append((whole, run[0][3]))
        return new

    def _commit(self, new: list[tuple[bytes, bytes]], settled: bytes) -> bool:
        """Adds the new (run, head) hashes of a value, or saturates the taint past its limit."""
        if new and len(self.hashes) + len(new) > self.limit:
            changed = not self.saturated
            self.saturated = True
            return changed
        for whole, head in new:
            self.hashes.add(whole)
            self.heads.add(head)
        self.unsaved.extend(new)
        if len(self._settled) < self.limit:
            self._settled.add(settled)
        return bool(new)

    def add_name_head(self, value: str, hasher: TaintHasher) -> bool:
        """Taints a typed name's words but its last as a name's head: where the head is found, the capitalised word
        right after it is masked too (found). A batch may end while the surname is being typed ("Kidane Wol"): the
        name's head is all it can teach, and a Sentry error or a PostHog event sent before the next batch echoes
        the whole name ("Kidane Woldemichael" in a breadcrumb: held-out peers round 22)."""
        found = words(value, hasher)[:MAX_WORDS]
        if len(found) < 2:
            return False
        settled = hasher.value(value + "\0name head")
        if settled in self._settled:
            return False
        digest = hasher.start()
        for word in found[:-1]:
            digest.update(word[2])
        digest.update(_NAME_HEAD)
        whole = digest.digest()
        return self._commit([] if whole in self.hashes else [(whole, found[0][3])], settled)

    def add_statement(self, value: str, said_from: int, hasher: TaintHasher) -> bool:
        """Taints a statement a visitor typed of her health or belief ("Mijn dochter heeft epilepsie", said_from: where
        what it says starts in it) as what it says after its first words: where its first words ("mijn dochter
        heeft", up to MAX_WORDS - 1) are found, what it says right after them is masked (found), as detection masked
        it where she typed it; not what it says alone ("epilepsie": a pharmacy's own word). A statement with no
        words before what it says ("ramadan je jeûne") is tainted as its run of words, but for a lone word."""
        found = words(value, hasher)
        first = [w for w in found if w[1] <= said_from][-(MAX_WORDS - 1):]
        said = [w for w in found if w[0] >= said_from][:MAX_WORDS]
        if not first:
            return len(said) > 1 and self._add(value, hasher, shapes=False)
        settled = hasher.value(f"{value}\0said after\0{said_from}")
        if not said or settled in self._settled:
            return False
        digest = hasher.start()
        for word in first:
            digest.update(word[2])
        digest.update(_SAID_AFTER)
        after = digest.digest()
        for word in said:
            digest.update(word[2])
        new = [(whole, first[0][3]) for whole in (after, digest.digest()) if whole not in self.hashes]
        return self._commit(new, settled)

    def ranges(self, text: str, hasher: TaintHasher) -> list[tuple[int, int]]:
        """The [start, end) ranges of the text that echo a tainted value, in the original text: each value found
        with the handle it is in (_handles). A text that holds JSON's or JavaScript's escapes is read as they write
        it too (fold): a page's draft kept as ASCII JSON shows "Verbeëk" as "Verbe\\u00ebk"."""
        ranges = _handles(text, self.found(text, hasher))
        if "\\u" in text and self.hashes and (folded := fold(text)).ends is not None:
            ranges += [folded.back(start, end) for start, end in _handles(folded.text, self.found(folded.text, hasher))]
        return ranges

    def found(self, text: str, hasher: TaintHasher) -> Iterable[tuple[int, int]]:
        """The [start, end) of each tainted value found in the text, in the order of their starts, without the
        handles around them."""
        hashes, heads = self.hashes.live(), self.heads.live()
        if not hashes:
            return []
        index = hasher.index(text)
        if index is not None:  # (exact: the same hashes as the lookups below, kept for the site)
            text_heads, pieces, found = index
            if heads.isdisjoint(text_heads):
                return [] if hashes.isdisjoint(pieces) else self._pieces_found(text, hasher)
            glued = not hashes.isdisjoint(pieces)
            if found is None:
                found = words(text, hasher)
        elif heads.isdisjoint(hasher.heads(text)):
            return self._pieces_found(text, hasher)
        else:
            glued, found = True, words(text, hasher)
        values: list[tuple[int, int]] = []
        said: list[tuple[int, int]] = []  # what a statement says after its first words (add_statement)
        for i, (start, end, word, head) in enumerate(found):
            if head not in heads:
                continue
            last = end if head in hashes else None
            digest = hasher.start()
            digest.update(word)
            last = _after_name_head(text, digest, found, i, last, hashes)
            _said_after(digest, found, i, said, hashes)
            for j, (_, later_end, later, _) in enumerate(found[i + 1:i + MAX_WORDS], i + 1):
                digest.update(later)
                if digest.digest() in hashes:
                    last = later_end
                last = _after_name_head(text, digest, found, j, last, hashes)
                _said_after(digest, found, j, said, hashes)
            if last is not None:
                values.append((start, last))
        if said:  # (a few: in the order of their starts with the rest)
            values = sorted(values + said)
        if glued:  # (both in the order of their starts: merged in that order, linear)
            return heapq.merge(values, self._pieces_found(text, hasher))
        return values

    def _pieces_found(self, text: str, hasher: TaintHasher) -> list[tuple[int, int]]:
        """A tainted word of PIECE_MIN characters or more glued into a longer word: a handle made of a name
        ("@YsaureQuenouillere"), a team named after it ("Team-Quenouillere2026"), its genitive ("Friederikes").
        The word's parts (_parts: pieces and their joins, a genitive's stem) are looked up as words; a hit masks
        the handle around it, the whole word (_handles). Linear: a few lookups per piece, and only words with parts
        are cut. The (start, end) of each part found, in the order of their starts."""
        if not _may_hold_parts(text):
            return []
        hashes, word, found = self.hashes.live(), hasher.word, []
        for m in _WORD.finditer(text):
            whole = m.group()
            for start, end in _parts(whole):
                if word(whole[start:end])[1] in hashes:
                    found.append((m.start() + start, m.start() + end))
                    break
        return found

    def contains(self, value: str, hasher: TaintHasher) -> bool:
        """Whether the whole value is tainted (for tests and tools)."""
        found = words(value, hasher)
        return bool(found) and any(r == (found[0][0], found[-1][1]) for r in self.ranges(value, hasher))

    # -- persistence: hashes only ----------------------------------------------------------
    def dump(self) -> dict[str, Any]:
        return {"hashes": [h.hex() for h in self.hashes], "heads": [h.hex() for h in self.heads],
                "saturated": self.saturated}

    def dump_changes(self) -> dict[str, Any]:
        """What was added since the last save (forget_changes), in dump()'s form: merge() adds it."""
        return {"hashes": [h.hex() for h, _ in self.unsaved], "heads": list({h.hex(): None for _, h in self.unsaved}),
                "saturated": self.saturated}

    def forget_changes(self) -> None:
        self.unsaved = []

    def rest(self) -> None:
        """The batch is done: its hashes go back to their columns alone (PackedHashes)."""
        for hashes in (self.hashes, self.heads, self._settled, self._taken):
            hashes.rest()

    @staticmethod
    def merge(state: Any, changes: Any) -> dict[str, Any]:
        """A dump() with later dump_changes() added to it."""
        state = state if isinstance(state, dict) else {}
        changes = changes if isinstance(changes, dict) else {}
        return {"hashes": [*state.get("hashes", ()), *changes.get("hashes", ())],
                "heads": [*state.get("heads", ()), *changes.get("heads", ())],
                "saturated": bool(state.get("saturated") or changes.get("saturated"))}

    @classmethod
    def load(cls, state: Any, limit: int = MAX_TAINT_VALUES) -> Taint:
        taint = cls(limit)
        if isinstance(state, dict):
            taint.hashes = _loaded(state.get("hashes", ()))
            taint.heads = _loaded(state.get("heads", ()))
            taint.saturated = bool(state.get("saturated"))
        return taint
