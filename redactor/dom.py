"""The per-session DOM mirror: node id → tag, attributes, parent, children and flags.

rrweb sends the page once (FullSnapshot) and then only changes that name node ids: an Input
event says "node 70 now holds 'Sanne van der Lin'" and nothing else. The mirror remembers, for
every node id of the session, what the page said about that node (its markers, its type, its
label), so the redactor can decide about a value that arrives batches later.

Flags (policy.BLOCKED, SENSITIVE, MASK_TEXT, IGNORED, UNKNOWN) are inherited by descendants
and sticky: once a node id was sensitive in a session it stays sensitive, even after a "show
password" toggle or a new FullSnapshot.

Session integrity. Anyone who knows a session id can send batches for it, so nothing a batch
says may lower the protection of the events that follow. Every id keeps a *floor*: the flags
(own and inherited) it ever carried in the session, never cleared — not by a new snapshot, a
move, a remove, nor a new document (DomContentLoaded, or a Meta with another URL). rrweb numbers
the nodes of each page from 1, so after a genuine navigation the new page's own snapshot is
judged by its own markers only (its text stays readable where an id was blocked on the last
page); from then on the floor applies, so a later event on an id that was a password field or
inside a blocked element earlier in the session is masked or dropped. A forged "new page" thus
gains nothing; the price is that a genuine later page may see some of its events masked.
A field's meaning (what its name or label says it holds: a name, an e-mail) is kept the same way
(meaning_floor): two tabs of one session send their snapshots into one mirror, and tab B's may give
the id of tab A's name field to a search box while tab A goes on typing in it. An id whose field
now says nothing keeps the meaning it had; one that says something else has its own.

Time is linear in the nodes touched: children are a linked list (Children), a mutation's adds
wait on one id at a time, labels are found through an index of their `for`.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from redactor.content import FORM_VALUE, TYPED, entry_of
from redactor.nodetable import CONTAINERS, ELSEWHERE, NONE, UNSAVED, Node, NodeTable, Nodes, shared
from redactor.policy import (
    BLOCKED,
    EDITABLE,
    KEPT_NAME,
    LINE_OPEN,
    MASK_TEXT,
    SENSITIVE,
    STRUCTURAL_NAME,
    UNKNOWN,
    Policy,
    page_name_kept,
    plain_words,
    shipped_fields,
    shipped_structure,
)
from redactor.ruledata import rule_words
from redactor.rrweb import NodeType, node_id
from redactor.selectors import MAX_KEPT_STRUCTURAL, MAX_KEPT_VALUE
from redactor.selectors import (
    UNKEPT_ATTRIBUTES as _UNKEPT_ATTRIBUTES,  # values: what we protect; bulky CSS
)
from redactor.selectors import compiled_for
from redactor.taint import Taint

#: the most hashes of the site's names a session keeps (DomMirror.site_names): past it, none is added (fail
#: closed: a name the app composed is then remembered as the visitor's)
SITE_NAMES = 128

_ELEMENT, _TEXT = int(NodeType.ELEMENT), int(NodeType.TEXT)  # plain ints: an enum's attribute costs per node
_CONTAINERS = frozenset(map(int, CONTAINERS))
_MAX_LABEL_TEXT = 200
_MAX_LABEL_IDS = 4096  # ids remembered for aria-labelledby before the index is rebuilt
#: the <datalist> entries remembered (listed_entry): a site's models, towns, garages; past it, none more (fail closed)
_MAX_LISTED = 1024
#: text nodes whose last written text is kept (DomMirror.written): a page writes a few at a time (a typewriter,
#: an editor, a clock, a chat streaming its newest message), ~40 bytes each saved, ~150 in memory
MAX_WRITTEN = 64
#: fields whose last value's masked last word is carried over to the next batches (DomMirror.typed_ends), and for how
#: many batches: a chat's answer typed as a batch ends is shown back in the next one
MAX_TYPED_ENDS, TYPED_END_BATCHES = 16, 3
_FORM_CONTROLS = frozenset({"input", "textarea", "select"})
#: how many ancestors up a text's words may still name a field: a <label> or an aria target wraps its
#: words in a <span>, <strong> or <p> or two, not deeper (further up it is a section's text)
_LABEL_TEXT_DEPTH = 3
#: how many ancestors up a file's name looks for the upload widget it is shown in (Dropzone's name: its <span> in
#: .dz-filename in .dz-details in .dz-preview), and how many children of its nearest ones for a file input beside it
_UPLOAD_WIDGET_DEPTH = 4
#: how many elements around a text may say it is the visitor's own message (in_own_message)
_OWN_MESSAGE_DEPTH = 4
_FILE_INPUT_DEPTH = 2
_FILE_INPUT_SIBLINGS = 32
#: an <option>'s text sits in its <option>, maybe in an <optgroup>, then the <select>
_OPTION_DEPTH = 2
#: how many ancestors up a field looks for the <label> around it: an input sits in a wrapper or two
#: of a framework's markup inside its label (<label><div><span><input>), not deeper
_LABEL_AROUND_DEPTH = 4
#: how many ancestors up a field looks for the <fieldset> whose <legend> names its group: a grid's
#: rows and columns sit between them (<fieldset><div class=row><div class=col><label><input>)
_FIELDSET_DEPTH = 6
#: how many ancestors up a <canvas> looks for the <form> it is drawn in (a signature pad sits in a few wrappers of
#: a framework's markup); bounded, as every canvas of a hostile page asks
_FORM_AROUND_DEPTH = 32
#: the rule that blocks a canvas the visitor draws on (DomMirror.drawn_by_visitor)
_DRAWN_RULE = "canvas.drawn"
#: the elements a visitor draws on: a <canvas>'s pen, an <svg> that gains a <path> per stroke
DRAWN_ON = frozenset({"canvas", "svg"})
#: a date in three parts (rules/fields.yaml date_parts): how many wrappers up a part looks for the label before the
#: run of parts (<label> then <div class=row><div class=col><select>), past how many parts or wrappers at each level,
#: and which elements label it there
_DATE_WRAPPER_DEPTH = 2
_DATE_PARTS_BEFORE = 2
_DATE_LABELS = frozenset({"label", "legend", "dt", "th"})
#: where a label's words are looked for when a field has no own words
_LABELLING = frozenset({"label"})
#: what a fieldset's legend says when it names who its group is about (a person, a patient or a customer) or where
#: to reach them (French "Vos coordonnées", contact details, which reads as GEOLOCATION's coordinates), not a value
#: split over its boxes (a date of birth in three selects): names, numbers and coordinates are typed, never picked
_TYPED_NOT_PICKED = frozenset({"PERSON", "CUSTOMER_ID", "GEOLOCATION"})
#: elements drawn as a field's label just before it, without being a <label> (design systems'
#: <div class="form-label">, a table form's <th>): they keep the field words of a short text too
#: (a label is a few words; a sentence before a field, "Mail me at …", is not its label)
_LABEL_LIKE = frozenset({"label", "span", "div", "dt", "th", "legend", "strong", "b"})
_LABEL_LIKE_TEXT = 40
#: a form builder's question: a <p> or a heading just before its field (<p>Geboortedatum</p><input type=date>,
#: <h4>Wanneer bent u geboren?</h4><input>). It names that form field only, and only when its short text is label
#: words alone or a question: pages write their sentences, intros and section titles in the same elements
_QUESTIONS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
#: the blocks that label the one block beside them when their one text is label words alone (an account page's
#: <div class=col-sm-4>Achternaam</div><div class=col-sm-8>…</div>, <h6>Familienaam</h6><p>…</p> in a card)
_BLOCK_LABELS = _QUESTIONS | {"div"}
#: the elements whose one short text's shape is kept: the blocks above, and a row's cell, which labels the cell after
#: it when its text is label words alone (<td>PESEL</td><td>…</td>, a table with no <th>: review 36 F12)
_SHAPED_LABELS = _BLOCK_LABELS | {"td"}
#: what ends the label words of a block whose text is label words alone (_SAID_ALONE) or a question (_ASKED): the
#: mirror keeps no text, so the shape of the text is kept so; not words, so plain_words does not read them
_SAID_ALONE = " :"
_ASKED = " ?"
#: children of a label/value pair's parent looked at (the two blocks and the white space around them)
_CHILDREN_OF_A_PAIR = 8
#: nodes of a <label> looked through for a field it wraps
_LABEL_NODES = 16
#: what a list's column header gives the cells under it: only what is about a person (a name, a birth date, a
#: plate, a national or tax number, an e-mail, a phone, an address). A site's own tables head their columns with
#: dates, amounts and terms too: a payment schedule's "Vervaldatum" (a card's expiry word) heads its due dates
_PERSON_COLUMNS = frozenset({"PERSON", "DATE_OF_BIRTH", "VEHICLE_ID", "NATIONAL_ID", "TAX_ID", "EMAIL_ADDRESS",
                             "PHONE_NUMBER", "POSTAL_ADDRESS"})
#: the children of an element whose bare text labels the one field beside it: the label's text, the
#: field, a "*" or a hint after it
_CHILDREN_OF_A_LABEL = 4
#: what names a table's column besides a header's text (_note_column_words): the words a <th> or an icon in it says
#: with no text (<th title="Geburtsdatum"><i class="fa fa-birthday-cake">, an <svg aria-label>), and those a responsive
#: table writes on each of its cells to show before it on a phone (WooCommerce's shop_table_responsive data-title,
#: Bootstrap's data-label): a row's cells are named by them as by their column's header
_HEADER_WORDS = ("title", "aria-label", "abbr")
_CELL_WORDS = ("data-title", "data-label")
#: how far above an icon its <th> is (<th><span class="icon"><i title=…>)
_ICON_DEPTH = 3
#: elements whose text is the value of the label element just before them (<dt>…<dd>, <th>…<td>,
#: <span class="lbl">Naam</span><span>…</span>); a block (<div>, <p>) after a block is a section,
#: unless the one before says by its class that it is a label (<div class="field__label">)
_VALUE_CELLS = frozenset({"dd", "td", "span", "strong", "b", "em", "small"})
_VALUE_BLOCKS = frozenset({"div", "p"})
#: line breaks looked past from a value's text back to its label (<b>Geboortedatum</b><br>…)
_BREAKS_BEFORE_VALUE = 2
#: texts looked past from a field back to the label element before it: the white space (and a
#: "*" or ":") a template leaves between them; a page of thousands of texts is not walked per field
_TEXTS_BEFORE_FIELD = 3
#: how many ancestors up a text looks for the pop-up it is in (<ul id=…><li><span><mark>text)
_POPUP_DEPTH = 6
#: how many ancestors up a field looks for the grid cell it sits in (<td><div class=wrap><input>)
_CELL_DEPTH = 3
#: cells counted along a row to find a cell's column, and children of a <table> looked at for its
#: header row (a <caption>, <colgroup>s, then the <thead>): a grid form is not a spreadsheet
_MAX_COLUMNS = 64
_TABLE_PARTS = 8


def _span_of(shape: Any) -> int:
    """How many columns a row's child takes: a cell its colspan (1 to _MAX_COLUMNS), a text none."""
    _, tag, attrs, *_ = shape
    if attrs is None or tag not in ("td", "th"):
        return 0
    span = attrs.get("colspan", "1")
    return min(int(span), _MAX_COLUMNS) if span.isdigit() and span != "0" else 1


def _label_shape(text: str, policy: Policy) -> str:
    """What a block's one short text is: label words alone (_SAID_ALONE), a question (_ASKED), or neither ('')."""
    if policy.fields.label_alone(text[:_MAX_LABEL_TEXT]):
        return _SAID_ALONE
    return _ASKED if text.rstrip().endswith("?") else ""


def _popup_ids(attrs: dict[str, str]) -> list[str]:
    """The ids a field names as its pop-up (aria-controls, aria-owns; a few at most)."""
    return f"{attrs.get('aria-controls', '')} {attrs.get('aria-owns', '')}".split()[:4]


def _saved_attributes(attrs: dict[str, str] | None) -> dict[str, str] | None:
    """What is saved of a node's attributes: every name, and only the values of the structural
    attributes (rules/attributes.yaml). A label, a placeholder, a name, a link: name only (its
    value loads as UNSAVED: _unsaved_values)."""
    if not attrs:
        return attrs
    structure = shipped_structure()
    return {name: value if structure.is_structural(name) else "" for name, value in attrs.items()}


def _unsaved_values(attrs: dict[str, str] | None) -> dict[str, str] | None:
    """The attributes of a saved row as the mirror holds them: a value that was not saved is
    unknown (UNSAVED), not empty, so a site selector that tests it fails closed."""
    if not attrs:
        return attrs
    structure = shipped_structure()
    return {name: value if value or structure.is_structural(name) else UNSAVED for name, value in attrs.items()}


# A label's words are page text and never saved. What later fields need of them is the meaning
# they give a field (the same for every field: field meanings are the shipped rules, not a site's),
# so that is what the saved state holds, and a reloaded label gives it back as words of the rules
# that say it: the field added after a restart reads it as it read the label's own words.
@functools.lru_cache(maxsize=4096)
def saved_label(words: str | None) -> str | None:
    """What is saved of a label's words: the meaning they give a field ('PERSON'), or None."""
    return shipped_fields().field_meaning("", "", "", words, False, True) or None if words else None  # form_field


def _loaded_row(row: list[Any]) -> list[Any]:
    """A row of the store's saved state as the mirror holds it (_unsaved_values, _loaded_label);
    the row itself when neither changes it (a node without a value not saved, nor a label)."""
    attrs, label = row[4], row[8]
    if not (attrs and "" in attrs.values()) and label is None:
        return row
    return [*row[:4], _unsaved_values(attrs), *row[5:8], _loaded_label(label), row[9]]


def _loaded_label(saved: Any) -> str | None:
    """A saved row's label as a label: a meaning gives words of the rules; words (a state of a
    frozen mirror or of Redis from before the "words" key said so: never upper case) stay."""
    return (implied_label(saved) or saved) if isinstance(saved, str) else None


@functools.lru_cache(maxsize=256)
def implied_label(meaning: str | None) -> str | None:
    """Label words of the rules that give this meaning alone (a phrase of its own), or None."""
    if not meaning:
        return None
    fields = shipped_fields()
    for rule in fields.meanings:
        if rule.entity == meaning:
            for phrase in rule.words:
                if fields.field_meaning("", "", "", phrase) == meaning:
                    return phrase
    return None


#: roles of elements that take what a visitor types, whatever their tag
_EDITABLE_ROLES = frozenset({"textbox", "searchbox", "combobox", "spinbutton"})


def is_editable(tag: str, attrs: dict[str, str]) -> bool:
    """The one definition of "editable": a form control, a contenteditable element or one with
    a text-entry role. Its descendants inherit the EDITABLE flag when they are inserted."""
    return (tag in _FORM_CONTROLS or attrs.get("contenteditable", "false").lower() != "false"
            or attrs.get("role", "").strip().lower() in _EDITABLE_ROLES)


def attribute_strings(attributes: Any) -> dict[str, str]:
    """An element's attributes as strings, whole: what markers classify on. A list or an object
    is no attribute's value (the redaction drops it, but a changed style's CSS): left out."""
    if not isinstance(attributes, dict):
        return {}
    return {name: value if isinstance(value, str) else str(value)
            for name, value in attributes.items()
            if value is not None and value is not False and not isinstance(value, (list, dict))}


@functools.cache
def _upload_widget_words() -> frozenset[str]:
    return frozenset(rule_words()["upload_widgets"])


@functools.cache
def _own_message_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = rule_words()
    return (frozenset(words["own_message_classes"]), frozenset(words["own_message_senders"]),
            frozenset(words["own_message_kinds"]))


@functools.lru_cache(maxsize=4096)
def _says_own_message(classes: str, element_id: str) -> bool:
    """Whether an element's class or id says it holds the visitor's own message (DomMirror.in_own_message). Cached:
    every text of a chat's history asks the same few elements, whose class may be long (a Tailwind string)."""
    own, senders, kinds = _own_message_words()
    words = set(plain_words(f"{classes} {element_id}"))
    return not own.isdisjoint(words) or (not senders.isdisjoint(words) and not kinds.isdisjoint(words))


def _listed_digest(list_id: str, value: str) -> bytes:
    """A <datalist> entry as remembered: a digest, the mirror keeps no value (kept_attributes)."""
    return hashlib.blake2b(f"{list_id}\0{value}".encode(), digest_size=16).digest()


def kept_attributes(full: dict[str, str], policy: Policy) -> dict[str, str]:
    """What the mirror keeps of them: structural values whole up to MAX_KEPT_STRUCTURAL (a Tailwind
    `class` of 2 KB still holds its `ph-no-capture` for selectors; markers judged the whole value
    when it came), other values cut to MAX_KEPT_VALUE, never values."""
    traits_of, kept = policy.structure.name_traits, {}
    for name, value in full.items():
        traits = traits_of(name)[0]
        if traits & KEPT_NAME and name not in _UNKEPT_ATTRIBUTES:
            kept[name] = value[:MAX_KEPT_STRUCTURAL if traits & STRUCTURAL_NAME else MAX_KEPT_VALUE]
    return kept


@dataclass(frozen=True)
class Verdict:
    """What the mirror knows about a node id when a value arrives for it."""

    flags: int
    rule: str | None


UNKNOWN_NODE = Verdict(UNKNOWN | SENSITIVE | MASK_TEXT, "fail-closed.unknown-node")
#: every node of a session whose state was lost (DomMirror.lost): judged as an unknown node
STATE_LOST = Verdict(UNKNOWN_NODE.flags, "fail-closed.state-lost")
#: the verdicts given, one per (flags, rule): a frozen dataclass costs ~0.5 µs to make, and a
#: snapshot asks for one per node. Few: a policy's rules times the flags' combinations (bounded)
_verdicts: dict[tuple[int, str | None], Verdict] = {}
_MAX_VERDICTS = 4096


@dataclass(frozen=True)
class AppliedMutation:
    kept_removes: list[dict[str, Any]]  # those a replayer can apply (not inside a placeholder)
    inserted: list[int]  # ids added, in insertion order
    changes: list[tuple[dict[str, Any], int | None, Verdict]]  # attribute change, its node, the verdict before it


class DomMirror:
    """The DOM of one recording session, as far as redaction needs it. The nodes live in a
    NodeTable (redactor.nodetable: columns, shapes shared across sessions); `nodes` is its
    read-only view by id."""

    def __init__(self) -> None:
        self.table = NodeTable()
        self.nodes = Nodes(self.table)
        self.sticky: dict[int, tuple[int, str | None]] = {}  # id → own flags, across snapshots
        self.lang: str | None = None
        self.page_blocked = False  # the current page matches the site's block_urls
        self.page = ""  # a digest of the current page's URL without its fragment (another: a new document)
        self.policy_key = ""  # the Policy whose selectors were last matched on every node
        self.dirty = True  # changed since it was last saved (a batch of keystrokes changes nothing)
        self.taint = Taint()  # keyed hashes of the values found to be PII in this session
        #: keyed hashes of what reads as a name in the site's own short texts, which no detector found personal
        #: ("Verhuislift Kompakt" of a product): such words in a text the app composed are not the visitor's
        self.site_names = Taint(SITE_NAMES)
        # id → the flags (and rule) that id ever carried in this session: its protection only goes
        # up, whoever sends the next snapshot or mutation (module doc: "Session integrity")
        self.floor: dict[int, tuple[int, str | None]] = {}
        # id → what the field of that id said it held ("PERSON"), kept as a floor too: another tab's
        # snapshot of the same session may give the id to a search box while this tab types a name in it
        self.meaning_floor: dict[int, str] = {}
        #: a text node the page's script wrote → the length and a keyed digest of the text the last batch that
        #: wrote it left (never the text: what is saved is an allow-list), so that the next batch tells a text
        #: still written a few letters at a time when it carries one value of it (note_written)
        self.written: dict[int, tuple[int, str]] = {}
        #: a field whose last value in a batch had its last word masked as it was being typed → that value's length and
        #: keyed digest, the word's keyed digest, and how many batches it is still looked for in what the page's
        #: script writes (redact.BatchRedaction._mask_typed_ends): never the value, as `written`
        self.typed_ends: dict[int, tuple[int, str, str, int]] = {}
        # what changed since the last save, beside the table's rows (dump_changes)
        self._sticky_changed: set[int] = set()
        self._written_changed: set[int] = set()
        self._floor_changed: set[int] = set()
        self._meaning_floor_changed: set[int] = set()
        # what the store (or Redis) holds of this session: [bytes of its whole dump, bytes of the
        # changes saved after it, how many] (sessions.state_to_save decides when to write it whole)
        self.saved_as = [0, 0, 0]
        self.fresh = False  # a new document whose first snapshot was not redacted yet
        #: the session's state was lost (pipeline.mark_state_lost): the values typed before it, which the
        #: taint masked the echoes of, are unknown, so every node is judged as an unknown one for the
        #: rest of the session (its texts and attribute values masked: any may echo what was typed)
        self.lost = False
        # the session's batch numbers (sessions.batch_order): the last one taken, and those below it
        # that never came (a late one is still taken; any other at or below the last is a duplicate)
        self.last_seq: int | None = None
        self.missing_seqs: list[int] = []
        # the last number of each count the recorder started again below (a duplicated tab: the first
        # tab goes on counting from there while the copy counts from 0), oldest first
        self.other_seqs: list[int] = []
        self.seq_digests: list[list] = []  # [number, digest] of the batches taken last (a retry or another batch)
        # (--state) the numbers of batches committed, perhaps never delivered: not saved here
        self.pending_seqs: frozenset[int] = frozenset()
        # (--state) the digests of batches without a number committed, perhaps never delivered (sessions.pending_name)
        self.pending_digests: frozenset[str] = frozenset()
        self.last_used = time.monotonic()
        self._removed_from: set[int | None] | None = None  # parents that lost children: re-match
        self._labels: dict[str, list[int]] = {}  # a <label for=…> value → the labels' ids, in order
        self._unsettled: list[int] = []  # fields whose meaning is still to work out (settle_meanings)
        # a label's words that come after its field (a page's translations load late): a field found to
        # mean nothing is asked again once any label gained words (the epoch its "nothing" was found in)
        self._label_epoch = 1
        # slot → the label epoch its empty meaning was found in (0: never). A column of a byte a slot, not a dict: the
        # parent of every text is asked, and a dict of a page's slots was the largest part of a live mirror (~57 KB
        # of ~110); past 255 epochs the column starts afresh (_label_words_came)
        self._no_meaning = array("B")
        self._not_drawn: dict[int, int] = {}  # a canvas's slot → the label epoch it was found no pad in
        self._named: dict[str, int] | None = None  # an id → the element with label words (aria-*; None: to build)
        # an id → the field whose pop-up it is, kept up to date as fields come (None: to build, once,
        # for a mirror loaded from a saved state, which does not keep it)
        self._popups: dict[str, int] | None = {}
        # digests of the <datalist>s' entries, with their list's id (listed_entry); in memory only, never saved: a
        # reloaded or thawed mirror has none, and a value typed whole from its list is cut at its end again (fail
        # closed)
        self.listed: set[bytes] = set()

    # -- reading ----------------------------------------------------------------------------
    def verdict(self, nid: Any) -> Verdict:
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return UNKNOWN_NODE
        key = (table.flags[slot], table.strings[table.rule[slot]])
        if self.lost:
            key = (key[0] | STATE_LOST.flags, key[1] or STATE_LOST.rule)
        found = _verdicts.get(key)
        if found is None:
            if len(_verdicts) >= _MAX_VERDICTS:
                _verdicts.clear()
            found = _verdicts[key] = Verdict(*key)
        return found

    def parent(self, nid: Any) -> tuple[int | None, str]:
        """The id of a node's parent (None: no node, or none) and that parent's tag ('' when it
        is not held or is no element): what a text's judgement reads, without a view per node."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return None, ""
        parent = table.parent_id(slot)
        above = table.slot(parent)
        return parent, "" if above == NONE else table.shape[above][1]  # type: ignore[index]

    def ancestors(self, nid: int) -> Iterator[Node]:
        slot = self.table.slot(nid)
        return (Node(self.table, above) for above in self._ancestor_slots(slot)) if slot != NONE else iter(())

    def subtree(self, nid: int) -> Iterator[int]:
        slot = self.table.slot(nid)
        return map(self.table.id_of, self.table.subtree(slot)) if slot != NONE else iter(())

    # -- building -----------------------------------------------------------------------------
    def reset(self) -> None:
        """A new FullSnapshot of the same document: sticky flags carry over to the same ids, and
        every id keeps the flags it had (its floor)."""
        self._forget_nodes()

    def new_document(self) -> None:
        """Another page: its node ids name other nodes, so what was sticky on the last one does
        not mark the new page's own snapshot. But anyone who knows a session id can claim a new
        page, so the floor stays: once that snapshot is redacted (settle_document), every id is
        at least as protected as it ever was in this session, and later events can only be
        judged more strictly. (The session's taint stays too.)"""
        self._forget_nodes()
        self.sticky.clear()
        self.fresh = True
        self._removed_from = None

    def _forget_nodes(self) -> None:
        table = self.table
        for slot in table.slots():
            self._raise_floor(table.id_of(slot), slot)
        table.clear()
        self._labels.clear()
        self._popups = {}
        self.dirty = True

    def _raise_floor(self, nid: int, slot: int) -> None:
        """What protected a node id stays its floor. (Flags that only say "never seen in full",
        of an orphan, are not a page's statement: they are left out.)"""
        flags = self.table.flags[slot] & ~LINE_OPEN  # (a line's state, no protection)
        flags = flags & ~UNKNOWN_NODE.flags if flags & UNKNOWN else flags
        if (meaning := self.table.meaning[slot]) and nid not in self.meaning_floor and self._is_field(slot):
            self.meaning_floor[nid] = self.table.strings[meaning]  # type: ignore[assignment]
            if not self.table.whole:
                self._meaning_floor_changed.add(nid)
        if not flags:
            return
        old_flags, old_rule = self.floor.get(nid, (0, None))
        if flags & ~old_flags:
            if not self.table.whole:
                self._floor_changed.add(nid)
            self.floor[nid] = shared((old_flags | flags, old_rule or self.table.strings[self.table.rule[slot]]))

    def _is_field(self, slot: int) -> bool:
        _, tag, attrs, *_ = self.table.shape[slot]  # type: ignore[misc]
        return attrs is not None and is_editable(tag, attrs)

    def _gain(self, slot: int, flags: int, rule: str | None) -> None:
        """Adds flags a node inherits or had before; its own rule, if any, stays."""
        table = self.table
        if flags & ~table.flags[slot]:
            table.touch(slot)
            table.flags[slot] |= flags
            if not table.strings[table.rule[slot]]:
                table.rule[slot] = table.string(rule)

    def _is_root(self, slot: int) -> bool:
        """Not under a node of the mirror (the document, an orphan): where walks start."""
        above = self.table.parent[slot]
        return above == NONE or (above == ELSEWHERE and self.table.slot(self.table.odd_parent[slot]) == NONE)

    def settle_document(self) -> None:
        """Called once a FullSnapshot was redacted. After a new document, the session's floor
        now applies to its nodes (and what they inherit), so no later event of this session is
        judged less strictly than the same id was before."""
        if not self.fresh:
            return  # the floor applied as the snapshot was built
        self.fresh = False
        self.dirty = True
        if not self.floor:
            return
        table, floor = self.table, self.floor
        for slot in table.slots():
            self._gain(slot, *floor.get(table.id_of(slot), (0, None)))
        stack = [slot for slot in table.roots if self._is_root(slot)]
        flags, strings = table.flags, table.strings
        while stack:  # top down, once: inherited as if the flags had been there at insert
            slot = stack.pop()
            for child in table.child_slots(slot):
                self._gain(child, flags[slot], strings[table.rule[slot]])
                stack.append(child)

    def insert_tree(self, root: dict[str, Any], parent: int | None, policy: Policy,
                    before: int | None = None, floor: bool = True) -> list[int]:
        """Registers a serialized node and everything below it (iteratively: pages nest deep).
        `before`: the sibling the root goes in front of (a mutation add's nextId), else last.
        `floor`: each id gets at least the flags it had before in this session (False only for
        the first snapshot of a new document: settle_document() applies it after).

        Returns the ids inserted. Duplicate ids replace the earlier node (rrweb reuses an id
        only for the same node: a moved node is sent again, with its subtree).
        """
        self.dirty = True
        inserted: list[int] = []
        # (node, its parent's id, the slot that parent had when the node was stacked)
        stack: list[tuple[dict[str, Any], int | None, int]] = [(root, parent, NONE)]
        while stack:
            serialized, parent_id, above = stack.pop()
            slot = self._insert(serialized, parent_id, above, policy, before if serialized is root else None, floor)
            if slot == NONE:
                continue
            nid = serialized["id"]
            inserted.append(nid)
            children = serialized.get("childNodes")
            if isinstance(children, list):
                stack.extend([(child, nid, slot) for child in reversed(children) if isinstance(child, dict)])
        return inserted

    def insert_adds(self, adds: list[Any], policy: Policy) -> list[int]:
        """A mutation's adds (flattened: parentId, nextId, node). Like the replayer, an add whose
        parent, or whose next sibling, comes later in the same list waits for it; one whose
        parent never comes is inserted as an orphan (flagged unknown: fail closed), one whose
        next sibling never comes goes last. Returns the ids inserted.

        Linear in the adds: each add waits on one id at a time (a map from that id to the adds
        waiting for it) and is looked at again only when that id is inserted."""
        valid = [a for a in adds if isinstance(a, dict) and isinstance(a.get("node"), dict)]
        to_come = {node_id(a["node"].get("id")) for a in valid}
        to_come.discard(None)
        waiting: dict[int, list[int]] = {}  # an id to come → the adds (indexes into valid) waiting for it
        inserted: list[int] = []
        done: set[int] = set()  # indexes into valid of the adds inserted

        def blocker(add: dict[str, Any]) -> int | None:
            # a parent or next sibling sent again in this mutation (moved) is waited for too:
            # sending it again replaces it and forgets its old children
            for needed in (node_id(add.get("parentId")), node_id(add.get("nextId"))):
                if needed is not None and needed in to_come:
                    return needed
            return None

        def insert(index: int) -> None:
            queue = [index]
            while queue:
                current = queue.pop()
                add = valid[current]
                needed = blocker(add)
                if needed is not None:
                    waiting.setdefault(needed, []).append(current)
                    continue
                done.add(current)
                ids = self.insert_tree(add["node"], node_id(add.get("parentId")), policy,
                                       before=node_id(add.get("nextId")))
                inserted.extend(ids)
                for nid in ids:
                    to_come.discard(nid)
                    queue.extend(reversed(waiting.pop(nid, ())))

        for index in range(len(valid)):
            insert(index)
        for index in range(len(valid)):  # what waits still waits for what never came: orphans, or last
            if index not in done:
                add = valid[index]
                done.add(index)
                inserted.extend(self.insert_tree(add["node"], node_id(add.get("parentId")), policy,
                                                 before=node_id(add.get("nextId"))))
        return inserted

    def _insert(self, serialized: dict[str, Any], parent_id: int | None, above: int, policy: Policy,
                before: int | None, floor: bool) -> int:
        """One node; above: its parent's slot as its parent was inserted (or NONE), checked
        here (a node sent again in the same tree drops what it held). Returns its slot or NONE."""
        nid = serialized.get("id")
        kind = serialized.get("type")
        if type(nid) is not int or not isinstance(kind, int):  # type(): not a bool (node_id)
            return NONE
        if kind == _ELEMENT:
            tag = serialized.get("tagName")
            tag = tag.lower() if page_name_kept(tag) else ""  # a name not kept: the redaction writes UNSHAPED_TAG
            full = attribute_strings(serialized.get("attributes"))
            attrs = kept_attributes(full, policy)
        else:
            tag, full, attrs = "", None, None
        table = self.table
        held = table.make_shape(kind, tag, attrs, kind in _CONTAINERS)
        slot = table.slot(nid)
        if slot == NONE:
            slot = table.add(nid, held)
        else:  # sent again (moved): its old place and subtree go, their flags stay as floor
            table.unlink(slot)
            self._drop_subtree(slot, keep_root=True)
            table.renew(slot, held)
        if above == NONE or table.shape[above] is None or table.id_of(above) != parent_id or parent_id == nid:
            above = table.slot(parent_id) if parent_id is not None and parent_id != nid else NONE
        flags = table.flags
        if above != NONE:
            flags[slot], table.rule[slot] = flags[above], table.rule[above]
        elif parent_id is not None:  # an orphan: fail closed
            flags[slot], table.rule[slot] = UNKNOWN_NODE.flags, table.string(UNKNOWN_NODE.rule)
        if above != NONE and table.shape[above][3]:  # type: ignore[index]
            # in page order: sibling selectors (+, ~, :nth-*) read it
            table.link(slot, above, NONE if before is None else table.slot(before))
        else:
            table.set_parent(slot, parent_id, NONE)
        if full is not None:
            if is_editable(tag, attrs):  # type: ignore[arg-type]
                flags[slot] |= EDITABLE  # not a protection: no rule, not sticky; inherited below
                self._unsettled.append(nid)
                self._note_popups(nid, attrs)  # type: ignore[arg-type]
            self._classify(nid, slot, policy, full)
            self._note_column_words(slot, tag, full, policy)
            if tag == "img":  # a label that is only an image (<label for=…><img alt="Nom de famille">) says it in its alt
                self._note_label_text(slot, full.get("alt"), policy)
            if tag == "option" and above != NONE and full.get("value"):
                self._note_listed(above, full["value"])
            if tag == "canvas":  # moved or new: where it stands now says whether a visitor draws on it
                self._not_drawn.pop(slot, None)
            if tag == "html" and attrs.get("lang"):  # type: ignore[union-attr]
                self.lang = attrs["lang"].split("-")[0].lower()  # type: ignore[index]
        elif kind == _TEXT:
            self._note_label_text(slot, serialized.get("textContent"), policy)
        if self.sticky and (held_before := self.sticky.get(nid)) is not None:
            self._gain(slot, *held_before)
        if floor and self.floor and (held_before := self.floor.get(nid)) is not None:
            self._gain(slot, *held_before)
        if tag == "label" and attrs and attrs.get("for"):
            self._note_label_for(nid, attrs["for"])
        return slot

    def _classify(self, nid: int, slot: int, policy: Policy, full: dict[str, str]) -> None:
        """Markers judge the attributes whole, before anything is cut for keeping."""
        for marker in policy.markers.matching(full):
            self._flag(nid, slot, marker.flags, marker.id)

    def _flag(self, nid: int, slot: int, flags: int, rule: str) -> bool:
        """Adds flags to a node (sticky). Returns whether it gained any."""
        table = self.table
        gained = flags & ~table.flags[slot]
        if not gained:
            return False
        self.dirty = True
        table.touch(slot)
        table.flags[slot] |= flags
        if table.rule[slot] == 0 or flags & BLOCKED:
            table.rule[slot] = table.string(rule)
        old_flags, old_rule = self.sticky.get(nid, (0, None))
        self.sticky[nid] = shared((old_flags | flags, old_rule or rule))
        if not table.whole:
            self._sticky_changed.add(nid)
        return True

    def _note_label_text(self, text_slot: int, text: Any, policy: Policy) -> None:
        """A text's words that can name a field go to the <label> around it and to the elements
        with an id around it (an aria-labelledby or aria-describedby target). Only those words:
        the rest of what the page shows there is none of the mirror's business."""
        if not isinstance(text, str) or not text.strip():
            return
        table, words = self.table, None
        short, shape = len(text.strip()) <= _LABEL_LIKE_TEXT, ""
        for depth, above in enumerate(self._ancestor_slots(text_slot)):
            _, tag, attrs, _, _ = table.shape[above]  # type: ignore[misc]
            if tag == "select" and depth <= _OPTION_DEPTH:
                self._note_special_option(above, text, policy)
            if depth > _LABEL_TEXT_DEPTH or tag in _FORM_CONTROLS:
                return
            # a block's own text: its shape is kept, so that it may label the field or the block after it
            shape = _label_shape(text, policy) if depth == 0 and short and tag in _SHAPED_LABELS else ""
            labelling = tag in _LABELLING
            label_like = short and (tag in _LABEL_LIKE or bool(shape))
            if labelling or label_like or (attrs and attrs.get("id")):
                words = policy.fields.label_words(text[:_MAX_LABEL_TEXT]) if words is None else words
                if words:
                    table.relabel(above, (table.label(above) + " " + words + shape)[:_MAX_LABEL_TEXT])
                    self._index_label(above)
                    self._label_words_came()
            if labelling:
                return

    def _label_words_came(self) -> None:
        """A label gained words: the fields found to mean nothing and the canvases found no pad are asked again."""
        self._label_epoch += 1
        if self._label_epoch > 0xFF:  # past what the column holds (a byte a slot): asked afresh, regrown on demand
            self._label_epoch, self._no_meaning, self._not_drawn = 1, array("B"), {}

    def _note_column_words(self, slot: int, tag: str, full: dict[str, str], policy: Policy) -> None:
        """The label words a table's column is named by in attributes (_HEADER_WORDS, _CELL_WORDS) go to the label of
        the <th> they are on or in, or of the <td> they are on, as a header's text goes to its <th>: only the words
        that can name a field (a value is never kept), and saved as the meaning they give, as a label's are."""
        names, cell = (_CELL_WORDS, slot) if tag == "td" else (_HEADER_WORDS, NONE)
        if not any(full.get(name) for name in names):
            return
        if tag != "td":
            table = self.table
            cell = slot if tag == "th" else next(
                (above for above in itertools.islice(self._ancestor_slots(slot), _ICON_DEPTH)
                 if table.shape[above][1] == "th"), NONE)  # type: ignore[index]
            if cell == NONE:
                return
        words = policy.fields.label_words(" ".join(full.get(name, "") for name in names)[:_MAX_LABEL_TEXT])
        if words:
            self.table.relabel(cell, (self.table.label(cell) + " " + words)[:_MAX_LABEL_TEXT])
            self._label_words_came()

    def _note_special_option(self, select: int, text: str, policy: Policy) -> None:
        """An <option> whose text names a health condition or a belief ("Fauteuil roulant", "Halal") makes a pick in
        its <select> a special category's, whatever the select's label says ("Besoins particuliers", "Maaltijd"): its
        words are kept as the select's own label words (a select labels nothing else), read by special_choice."""
        words = policy.fields.label_words(text[:_MAX_LABEL_TEXT])
        if words and policy.fields.choice_meaning("", words):
            table = self.table
            table.relabel(select, (table.label(select) + " " + words)[:_MAX_LABEL_TEXT])

    def special_choice(self, nid: int | None, policy: Policy) -> str:
        """The special category (policy.CHOICE_MEANINGS) one of a <select>'s options names, or '': the visitor's
        pick there is hers to hide, the site's list of options is not (_note_special_option)."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE or table.shape[slot][1] != "select":  # type: ignore[index]
            return ""
        return policy.fields.choice_meaning("", table.label(slot))

    def in_upload_widget(self, nid: int | None) -> bool:
        """Whether a text is shown in a file upload's widget, where a file's name is the one the visitor picked: an
        element around it whose class or id says so (rules/recognizers.yaml upload_widgets, or "file-name"), or a
        file input beside it (<label class=file><input type=file><span>paspoort.jpg</span></label>). Bounded: a few
        ancestors, a few children of the nearest."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return False
        for depth, above in enumerate(self._ancestor_slots(slot)):
            attrs = table.shape[above][2]  # type: ignore[index]
            if depth >= _UPLOAD_WIDGET_DEPTH or attrs is None:
                return False
            words = plain_words(f"{attrs.get('class', '')} {attrs.get('id', '')}")
            if not _upload_widget_words().isdisjoint(words) or "file name" in " ".join(words):
                return True
            if depth < _FILE_INPUT_DEPTH and any(
                    (shape := table.shape[child]) is not None and shape[1] == "input" and shape[2]
                    and str(shape[2].get("type", "")).lower() == "file"
                    for child in itertools.islice(table.child_slots(above), _FILE_INPUT_SIBLINGS)):
                return True
        return False

    def in_own_message(self, nid: int | None) -> bool:
        """Whether a text is shown in a message of the visitor's own in a chat widget's history: an element around it
        whose class or id says so ("msg--visitor", "message--sent", "chat-message--user": rules/recognizers.yaml
        own_message_classes, own_message_senders beside own_message_kinds). Bounded: a few ancestors."""
        table = self.table
        slot = table.slot(nid) if nid is not None else NONE
        if slot == NONE:
            return False
        for depth, above in enumerate(self._ancestor_slots(slot)):
            attrs = table.shape[above][2]  # type: ignore[index]
            if depth >= _OWN_MESSAGE_DEPTH or attrs is None:
                return False
            if _says_own_message(attrs.get("class", ""), attrs.get("id", "")):
                return True
        return False

    def _index_label(self, slot: int) -> None:
        """Remembers which element an id names (aria-labelledby, aria-describedby): one lookup
        per reference, not a walk over the page per field. Bounded: past the limit it is rebuilt
        from the nodes there are when next needed."""
        attrs = self.table.shape[slot][2]  # type: ignore[index]
        if self._named is None or not attrs or not attrs.get("id"):
            return
        if len(self._named) >= _MAX_LABEL_IDS:
            self._named = None
            return
        self._named[attrs["id"]] = self.table.id_of(slot)

    def _named_by(self, ref: str) -> int:
        """The slot of the element with label words whose id is ref, or NONE."""
        table = self.table
        if self._named is None:  # a new or reloaded mirror: one walk, then kept up to date
            self._named = {attrs["id"]: table.id_of(slot) for slot in table.slots()
                           if table.shape[slot][4] and (attrs := table.shape[slot][2]) and attrs.get("id")}  # type: ignore[index]
        slot = table.slot(self._named.get(ref, -1))
        if slot != NONE and (attrs := table.shape[slot][2]) and attrs.get("id") == ref:  # type: ignore[index]
            return slot  # still that element
        return NONE

    def _ancestor_slots(self, slot: int) -> Iterator[int]:
        table = self.table
        for _ in range(10_000):
            above = table.parent[slot]
            if above == NONE:
                return
            if above == ELSEWHERE:
                above = table.slot(table.odd_parent[slot])
                if above == NONE:
                    return
            yield above
            slot = above

    def _drop_subtree(self, slot: int, keep_root: bool = False) -> None:
        """Forgets a node's subtree (already unlinked); what protected each id stays its floor."""
        table = self.table
        for gone in list(table.subtree(slot)):
            self._raise_floor(table.id_of(gone), gone)
            if gone != slot or not keep_root:
                table.drop(gone)

    def remove(self, nid: Any) -> None:
        slot = self.table.slot(nid)
        if slot == NONE:
            return
        self.dirty = True
        parent = self.table.parent_id(slot)
        self.table.unlink(slot)
        self._drop_subtree(slot)
        # siblings and ancestors may match now (`:last-child`, `+`, `:not(:has())`, `:empty`)
        if self._removed_from is None:
            self._removed_from = set()
        self._removed_from.add(parent)

    def apply_mutation(self, data: dict[str, Any], policy: Policy) -> AppliedMutation:
        """A Mutation event's changes to the mirror, all of them before anything of it is judged:
        removes, adds, attribute changes, then the site's selectors on every node touched — so
        what is added or written under an element that the same mutation blocks is judged
        blocked. The redaction and the viewer's preview both replay mutations through here."""
        def listed(key: str) -> list[Any]:
            return data.get(key) if isinstance(data.get(key), list) else []

        kept_removes = []
        for remove in listed("removes"):
            if not isinstance(remove, dict):
                continue
            if not self.verdict(remove.get("parentId")).flags & BLOCKED:
                kept_removes.append(remove)  # the replayer never had what lies inside a placeholder
            self.remove(remove.get("id"))
        inserted = self.insert_adds(listed("adds"), policy)
        changes, touched = [], list(inserted)
        for change in listed("attributes"):
            if not isinstance(change, dict) or not isinstance(change.get("attributes"), dict):
                continue
            nid = node_id(change.get("id"))
            changes.append((change, nid, self.verdict(nid)))
            if nid is not None:
                self.set_attributes(nid, change["attributes"], policy)
                touched.append(nid)  # match_selectors widens to its subtree when a selector needs it
        self.match_selectors(policy, touched)
        return AppliedMutation(kept_removes, inserted, changes)

    def set_attributes(self, nid: int, changes: dict[str, Any], policy: Policy) -> None:
        """An attribute mutation: new markers flag the node and its subtree from now on."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return
        kind, tag, attrs, container, label = table.shape[slot]  # type: ignore[misc]
        if attrs is None:
            return
        self.dirty = True
        full = {**attrs, **attribute_strings(changes)}
        for name, value in changes.items():
            if value is None:
                full.pop(name, None)
        attrs = kept_attributes(full, policy)
        table.shape[slot] = table.make_shape(kind, tag, attrs, container, label)  # shapes are shared: replaced, never changed
        known = table.strings[table.meaning[slot]]
        table.meaning[slot] = 0
        table.touch(slot)
        if tag == "label" and attrs.get("for"):
            self._note_label_for(nid, attrs["for"])
        before = table.flags[slot]
        if is_editable(tag, attrs):
            table.flags[slot] |= EDITABLE
            self._unsettled.append(nid)
            self._note_popups(nid, attrs)
            if known and UNSAVED in attrs.values() and not self.meaning(nid, policy):
                # worked out again from less than it was (a name or a placeholder whose value was
                # not saved): the meaning it had stays, never lowered by what is unknown
                table.meaning[slot] = table.string(known)
        self._classify(nid, slot, policy, full)
        if table.flags[slot] != before:
            self.spread(nid)

    def spread(self, nid: int) -> None:
        """Passes a node's flags down to its subtree (after it gained some)."""
        table = self.table
        top = table.slot(nid)
        flags, rules = table.flags, table.rule
        top_flags, top_rule = flags[top], rules[top]
        for below in table.subtree(top):
            if top_flags & ~flags[below]:
                table.touch(below)
                flags[below] |= top_flags
                if not rules[below] or top_flags & BLOCKED:
                    rules[below] = top_rule

    # -- site selectors -------------------------------------------------------------------
    def match_selectors(self, policy: Policy, candidates: Iterable[int] | None = None) -> None:
        """Flags the nodes that the site's CSS selectors match, with soupsieve's semantics, on
        the mirror itself (redactor.selectors; never on raw HTML). candidates: the ids that
        were added or changed (None: match every node). The nodes whose match a change can
        alter (siblings, subtrees, ancestors, as the selectors need) and the parents that lost
        children since the last call (remove()) are re-matched too. Flags are sticky."""
        removed_from, self._removed_from = self._removed_from, None
        if not policy.selectors:
            return
        groups = policy.selectors
        matches = compiled_for(groups).iter_matches(
            self.nodes, None if candidates is None else list(candidates), removed_from or (),
            settled=tuple(flags for flags, _, _ in groups))
        for group, nid in matches:  # flagged as found: a blocked subtree is then skipped
            flags, rule, _ = groups[group]
            if self._flag(nid, self.table.slot(nid), flags, rule):
                self.spread(nid)

    def drawn_by_visitor(self, nid: Any, policy: Policy, stroked: bool = False) -> bool:
        """Whether a node is a <canvas> the visitor draws on, blocked from now on (sticky, rule _DRAWN_RULE, as a
        marker blocks): one inside a <form> (a signature pad on a mandate, a sketch a claim asks for), or one its
        name, id, class, aria-label, title or label says is for a signature (rules/fields.yaml signature: a pad
        outside any form). Its picture (rr_dataURL) and its pen's strokes (canvas mutations, which replay the
        signature exactly) are handwriting no detector reads. Asked when the canvas is walked and when a canvas
        mutation comes for it: by then the page's labels, after it too, are in the mirror.
        An <svg> is drawn on the same way by pads that add a <path d=…> per stroke (react-sketch-canvas): one that
        says a signature, or one in a form that gains a stroke after the snapshot (stroked: asked by
        stroke_drawn), is blocked with what it holds; a form's icons, drawn by the page once, stay."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return False
        _, tag, attrs, *_ = table.shape[slot]  # type: ignore[misc]
        if tag not in DRAWN_ON or attrs is None:
            return False
        if table.flags[slot] & BLOCKED:
            return True
        # asked again once it moves or a label gains words, or when it gains a stroke
        if not stroked and self._not_drawn.get(slot) == self._label_epoch:
            return False
        in_form = (tag == "canvas" or stroked) and any(
            table.shape[above][1] == "form"  # type: ignore[index]
            for _, above in zip(range(_FORM_AROUND_DEPTH), self._ancestor_slots(slot)))
        own = " ".join(attrs.get(name, "") for name in ("name", "id", "class"))
        described = " ".join([*(attrs.get(name, "") for name in ("aria-label", "title")), self._label_of(slot, attrs),
                              self._referenced_label(attrs)])
        if not in_form and not policy.fields.names_a_signature(own, described):
            if not stroked:
                self._not_drawn[slot] = self._label_epoch
            return False
        if self._flag(nid, slot, BLOCKED, _DRAWN_RULE):
            self.spread(nid)  # an <svg>'s strokes so far
        return True

    def stroke_drawn(self, nid: Any, policy: Policy) -> bool:
        """Whether an element a mutation adds inside an <svg> (a pad's new <path>) is a stroke the visitor drew:
        its <svg> is then asked as drawn (drawn_by_visitor, stroked) and blocked with it. Bounded as the form's
        look-up is."""
        slot = self.table.slot(nid)
        if slot == NONE:
            return False
        for _, above in zip(range(_FORM_AROUND_DEPTH), self._ancestor_slots(slot)):
            if self.table.shape[above][1] == "svg":  # type: ignore[index]
                return self.drawn_by_visitor(self.table.id_of(above), policy, stroked=True)
        return False

    # -- field meaning ------------------------------------------------------------------------
    def meaning(self, nid: int, policy: Policy) -> str:
        """What a form field (or a text-only element) holds, from its attributes and label:
        'EMAIL_ADDRESS', 'PERSON', … or '' when nothing says."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return ""
        _, tag, attrs, *_ = table.shape[slot]  # type: ignore[misc]
        if attrs is None:
            return ""
        known = table.meaning[slot]
        no_meaning = self._no_meaning
        if known and (table.strings[known] or (slot < len(no_meaning) and no_meaning[slot] == self._label_epoch)):
            return table.strings[known]  # type: ignore[return-value]
        found = (self._field_meaning(slot, attrs, policy) if is_editable(tag, attrs)
                 else self._container_meaning(attrs, policy) or self._cell_meaning(slot, tag, policy))
        if not found and self.meaning_floor and is_editable(tag, attrs):
            found = self.meaning_floor.get(nid, "")  # what the id's field held before in the session
        table.meaning[slot] = table.string(found)
        if not found:  # asked again once a label gains words: a label may come after its field's value
            if slot >= len(no_meaning):
                no_meaning.frombytes(bytes(no_meaning.itemsize * (len(table.shape) - len(no_meaning))))
            no_meaning[slot] = self._label_epoch
        table.touch(slot)
        return found

    def _field_meaning(self, slot: int, attrs: dict[str, str], policy: Policy) -> str:
        own = policy.attributes_meaning(attrs, self._label_of(slot, attrs), self._referenced_label(attrs))
        if own:
            return own
        # a grid form, one row per person: the cell's only label is the <th> heading its column. It is the
        # field's own label, so the legend of a fieldset around the grid ("Références · Referenties" over a
        # table of referees) does not name its fields: rows of records are no value split over boxes
        header = self._column_header(slot)
        legend = header is None
        if legend:
            # a value split over several boxes (a card number in four, a date of birth in three): each box
            # says only "Jour" or nothing, the caption of their group says what they hold together
            header = self._legend_around(slot)
        found = policy.fields.field_meaning("", "", "", header, False, True) if header else ""  # form_field
        if legend and self.table.shape[slot][1] == "select" and (  # type: ignore[index]
                found in _TYPED_NOT_PICKED or policy.fields.names_a_country(attrs)):
            # a name or a number is typed, never a piece picked from the site's list: a <select> in a group
            # captioned by who it is about ("Ouder 1 (contactpersoon)", "Patiënt") or how to reach them ("Vos
            # coordonnées") picks the person's nationality, country or title, which stay readable (held-out round
            # 27: the nationality's every country masked, the pick "Japan" too; peers round 22: the country of
            # origin under "Patiënt", a CUSTOMER_ID word; peers round 30: the country under "Vos coordonnées"); and
            # a country picked in any group, an address's too: the site's list, coarse ("Pays" under "Adresse de
            # livraison", peers round 30)
            found = ""
        if not found and policy.fields.names_a_date_part(" ".join((attrs.get("name", ""), attrs.get("id", "")))):
            # a date picked in three selects (or typed in three boxes) under one label: the label before the first
            # names them all ("Date de naissance" over jour, mois, annee; PrestaShop's days, months, years)
            found = policy.fields.field_meaning("", "", "", self._label_of_its_date(slot, policy), False, True)
        # a box for one character is a piece of such a value whatever says so (a national number one digit a box)
        return found or policy.fields.box_meaning(attrs) or self._numbered_field_meaning(slot, attrs, policy)

    def _numbered_field_meaning(self, slot: int, attrs: dict[str, str], policy: Policy) -> str:
        """FORM_VALUE for a box a form builder named by its number alone (Ninja Forms' id "nf-field-5", WPForms'
        "wpforms[fields][1][last]", Gravity Forms' "input_1.6") where nothing else says what it holds: what the visitor
        typed there is masked whole, as under such a payload key (review 28 F1). A one-line box only: a textarea is free
        text, read by the detector (a question after "Mail us with questions"), and a pick from the site's list (a
        select, a checkbox) is the site's word; both stay readable."""
        tag = self.table.shape[slot][1]  # type: ignore[index]
        if tag != "input" or entry_of(tag, attrs, False) != TYPED:
            return ""
        named = policy.fields.numbers_a_form_field
        return FORM_VALUE if any(named(value) for key in ("name", "id") if (value := attrs.get(key))) else ""

    def _label_of_its_date(self, slot: int, policy: Policy) -> str:
        """The label before the run of a date's parts a field is one of: looked for among the field's siblings, then
        its wrappers' (PrestaShop's <label> then <div class=row><div class=col><select name=days>…), past at most
        _DATE_PARTS_BEFORE elements that say nothing (the other parts, their wrappers); '' when an element with words
        of its own comes first (another field's label or group), or none."""
        table = self.table
        node = slot
        for _ in range(_DATE_WRAPPER_DEPTH + 1):
            before, passed = table.previous(node), 0
            while before != NONE and passed <= _DATE_PARTS_BEFORE:
                _, tag, attrs, *_ = table.shape[before]  # type: ignore[misc]
                if attrs is not None:  # else text between them
                    if label := table.label(before):
                        labels = tag in _DATE_LABELS or policy.fields.is_label_element(attrs)
                        return label if labels else ""
                    passed += 1
                before = table.previous(before)
            node = table.parent[node]
            if node < 0:
                break
        return ""

    def _column_header(self, slot: int) -> str | None:
        """The label words of the <th> heading the column of the table cell a field or a value is (a
        contenteditable <td>, a list's <td>) or sits in (<td><input>), from the table's <thead>, or its first row
        when that row is all <th> ('' when they say nothing); None when the field is in no cell or the
        column has no header. A cell that names its column itself (a responsive table's data-title) is named so."""
        table = self.table
        cell = slot
        for depth, above in enumerate(itertools.chain((slot,), self._ancestor_slots(slot))):
            if depth > _CELL_DEPTH:
                return None
            if table.shape[above][1] == "td":  # type: ignore[index]
                cell = above
                break
        else:
            return None
        if any(name in (table.shape[cell][2] or ()) for name in _CELL_WORDS) and (own := table.label(cell)):  # type: ignore[index]
            return own  # a responsive table's cell names its column itself (_note_column_words)
        row = table.parent[cell]
        if row < 0 or table.shape[row][1] != "tr":  # type: ignore[index]
            return None
        column = 0
        for sibling in itertools.islice(table.child_slots(row), _MAX_COLUMNS):
            if sibling == cell:
                break
            column += _span_of(table.shape[sibling])
        else:
            return None
        section = table.parent[row]
        if section < 0:
            return None
        grid = section if table.shape[section][1] == "table" else table.parent[section]  # type: ignore[index]
        if grid < 0 or table.shape[grid][1] != "table":  # type: ignore[index]
            return None
        header = self._header_row(grid)
        if header in (NONE, row):
            return None
        at = 0
        for heading in itertools.islice(table.child_slots(header), _MAX_COLUMNS):
            span = _span_of(table.shape[heading])
            if at <= column < at + span:  # a heading over several columns ("Name" over two) heads each
                return table.label(heading) if table.shape[heading][1] == "th" else None  # type: ignore[index]
            at += span
        return None

    def _header_row(self, grid: int) -> int:
        """The slot of a table's header row: the first <tr> of its <thead>, else its first row
        when every cell of it is a <th>; NONE."""
        table = self.table
        for part in itertools.islice(table.child_slots(grid), _TABLE_PARTS):
            tag = table.shape[part][1]  # type: ignore[index]
            if tag == "thead":
                return next((r for r in itertools.islice(table.child_slots(part), _TABLE_PARTS)
                             if table.shape[r][1] == "tr"), NONE)  # type: ignore[index]
            if tag in ("tbody", "tr"):
                first = part if tag == "tr" else next(
                    (r for r in itertools.islice(table.child_slots(part), _TABLE_PARTS)
                     if table.shape[r][1] == "tr"), NONE)  # type: ignore[index]
                if first == NONE:
                    return NONE
                cells = [table.shape[c][1] for c in itertools.islice(table.child_slots(first), _MAX_COLUMNS)
                         if table.shape[c][2] is not None]  # type: ignore[index]
                return first if cells and all(tag == "th" for tag in cells) else NONE
        return NONE

    def _legend_around(self, slot: int) -> str:
        """The label words of the <legend> of the nearest <fieldset> around a field (its first
        element child, as HTML has it), or ''."""
        table = self.table
        for depth, above in enumerate(self._ancestor_slots(slot)):
            if depth > _FIELDSET_DEPTH:
                break
            if table.shape[above][1] != "fieldset":  # type: ignore[index]
                continue
            for child in itertools.islice(table.child_slots(above), 4):  # white space, a comment, then it
                _, tag, child_attrs, *_ = table.shape[child]  # type: ignore[misc]
                if child_attrs is not None:  # the first element
                    return table.label(child) if tag == "legend" else ""
            return ""
        return ""

    def _referenced_label(self, attrs: dict[str, str]) -> str:
        """The words of the elements a field names as its label or description by id
        (aria-labelledby="l1 l2", aria-describedby): <span id="l1">Geburtsdatum</span>."""
        refs = set(f"{attrs.get('aria-labelledby', '')} {attrs.get('aria-describedby', '')}".split()[:16])
        if not refs:
            return ""
        table = self.table
        return "\n".join(table.label(other) for ref in refs if (other := self._named_by(ref)) != NONE)

    def popup_meaning(self, nid: int | None, policy: Policy) -> str:
        """What a text inside a field's pop-up holds: the suggestions an address, name or e-mail
        field lists as the visitor types ("<li><mark>Lytse B</mark>uorren 31, Damwâld</li>") are
        values of the field's kind, and repeat what was typed. The pop-up is the element the field
        names with aria-controls or aria-owns (the ARIA combobox pattern). '' when none says."""
        if self._popups is None:  # a reloaded mirror: one walk, then kept up to date
            self._popups = {}
            for slot in self.table.slots():
                _, tag, attrs, *_ = self.table.shape[slot]  # type: ignore[misc]
                if attrs and is_editable(tag, attrs):
                    self._note_popups(self.table.id_of(slot), attrs)
        if not self._popups or nid is None:
            return ""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE:
            return ""
        for depth, above in enumerate(self._ancestor_slots(slot)):
            if depth > _POPUP_DEPTH:
                break
            attrs = table.shape[above][2]  # type: ignore[index]
            if not attrs or not (own_id := attrs.get("id")) or (field := self._popups.get(own_id)) is None:
                continue
            field_slot = table.slot(field)
            field_attrs = table.shape[field_slot][2] if field_slot != NONE else None  # type: ignore[index]
            if field_attrs and own_id in _popup_ids(field_attrs):  # still that field's pop-up
                return self.meaning(field, policy)
        return ""

    def _note_listed(self, parent: int, value: str) -> None:
        """An <option> of a <datalist> (parent: its slot): the entry it offers, remembered with the list's id."""
        _, tag, attrs, *_ = self.table.shape[parent]  # type: ignore[misc]
        if tag == "datalist" and attrs and attrs.get("id") and len(self.listed) < _MAX_LISTED:
            self.listed.add(_listed_digest(attrs["id"], value))

    def listed_entry(self, nid: int | None, value: str) -> bool:
        """Whether a value is one the <datalist> a field names in its list attribute offers, whole ('Peugeot 308 SW'
        of a claim's car models): typed so, it is the site's entry picked from its suggestions, not a word cut by
        the batch (SeriesSlot's trailing fragment). A page that fills its list with what was typed (a signature's
        names) offers the visitor's value there: the detector and the taint still read it as any value."""
        slot = self.table.slot(nid)
        attrs = self.table.shape[slot][2] if slot != NONE else None  # type: ignore[index]
        ref = attrs.get("list") if attrs else None
        return bool(ref and value and self.listed and _listed_digest(ref, value) in self.listed)

    def _note_popups(self, nid: int, attrs: dict[str, str]) -> None:
        if self._popups is None:
            return
        for ref in _popup_ids(attrs):
            if len(self._popups) >= _MAX_LABEL_IDS and ref not in self._popups:
                return  # bounded: a page of thousands of comboboxes leaves the rest to content detection
            self._popups[ref] = nid

    def _container_meaning(self, attrs: dict[str, str], policy: Policy) -> str:
        return policy.fields.container_meaning(" ".join(attrs.get(a, "") for a in ("id", "class", "itemprop")))

    def _cell_meaning(self, slot: int, tag: str, policy: Policy) -> str:
        """A server-rendered profile shows a value beside its label, as a form does: the <dd>
        after <dt>Geboortedatum</dt>, the <td> after <th>Nachname</th> in its row, the <span>
        after <span class="lbl">Naam</span>. Its text has the meaning the label gives it (masked
        whole: a name no detector knows included). A list of records (members, orders) labels a
        cell by its column's <th> in the header row instead, for what is about a person only."""
        if tag in _VALUE_CELLS:
            label = self._label_before(slot)
            if not label and tag == "td" and not self.table.label(slot).endswith(_SAID_ALONE) and (
                    label := self._label_before(slot, self._labels_the_cell_after)):
                # <td>Telefon</td><td>…</td>: a row's cell of label words alone labels the cell after it, for what is
                # about a person only, as a column's header does (a site's "<td>Gewicht</td><td>2 kg</td>" says
                # nothing); a cell of label words itself is none's value (a header row drawn in <td>s: "Name",
                # "Phone", "E-mail")
                found = policy.fields.field_meaning("", "", "", label)
                return found if found in _PERSON_COLUMNS else ""
            if not label and (header := self._column_header(slot)):
                # a list of records (members, orders) says what a column holds in its header row
                # (<thead><th>Achternaam</th>…): only what is about a person, never a site's schedule
                found = policy.fields.field_meaning("", "", "", header)
                return found if found in _PERSON_COLUMNS else ""
        elif tag in _VALUE_BLOCKS:
            label = (self._label_before(slot, lambda before: self._labels_the_block_after(before, policy))
                     or self._label_of_its_cell(slot))
        else:
            return ""
        return policy.fields.field_meaning("", "", "", label) if label else ""

    def _labels_the_field_after(self, slot: int) -> bool:
        """Whether an element labels the form field after it: a label-like element, or a <p> or a heading whose one
        text is label words alone or a question (a form builder's question; never a sentence or a section's title)."""
        _, tag, *_ = self.table.shape[slot]  # type: ignore[misc]
        return tag in _LABEL_LIKE or (tag in _QUESTIONS and self.table.label(slot).endswith((_SAID_ALONE, _ASKED))
                                      and self._one_text(slot))

    def _labels_the_cell_after(self, slot: int) -> bool:
        """Whether a row's cell labels the cell after it: a <td> whose one text is label words alone."""
        _, tag, *_ = self.table.shape[slot]  # type: ignore[misc]
        return tag == "td" and self.table.label(slot).endswith(_SAID_ALONE) and self._one_text(slot)

    def _labels_the_block_after(self, slot: int, policy: Policy) -> bool:
        """Whether a block labels the value block after it: its class says so (<div class="field__label">); it is
        a <label> holding no field (<label>Nom</label><p class="form-control-static">…</p>): a <label> that wraps
        its field, or names one by for=, labels that field only (held-out round 7: a bank's name told back in a <p>
        after the <label> wrapping the IBAN field; round 25: a child's card after the label wrapping her national
        number field); or its one text is label words alone and the two are the only elements of their parent, a
        pair as account pages draw them (<div class=row><div class=col-sm-4>Achternaam</div><div
        class=col-sm-8>…</div>, <h6>Familienaam</h6><p>…</p> in a card). A "Naam" block among a page's other
        blocks is a section's title, not a label."""
        table = self.table
        _, tag, attrs, *_ = table.shape[slot]  # type: ignore[misc]
        if tag in _LABEL_LIKE and policy.fields.is_label_element(attrs):  # type: ignore[arg-type]
            return True
        if tag == "label":
            return self._holds_no_field(slot)
        if tag not in _BLOCK_LABELS or not table.label(slot).endswith(_SAID_ALONE) or not self._one_text(slot):
            return False
        pair = list(itertools.islice(table.child_slots(table.parent[slot]), _CHILDREN_OF_A_PAIR + 1))
        return len(pair) <= _CHILDREN_OF_A_PAIR and sum(table.shape[c][2] is not None for c in pair) == 2  # type: ignore[index]

    def _one_text(self, slot: int) -> bool:
        """Whether an element's only child is a text."""
        own = list(itertools.islice(self.table.child_slots(slot), 2))
        return len(own) == 1 and self.table.shape[own[0]][2] is None  # type: ignore[index]

    def _holds_no_field(self, slot: int) -> bool:
        """Whether a <label> holds no form field among its first _LABEL_NODES nodes (its text, a "*" in an
        <abbr>); one larger than that is read as holding one."""
        table, budget, stack = self.table, _LABEL_NODES, [slot]
        while stack:
            for child in itertools.islice(table.child_slots(stack.pop()), budget + 1):
                budget -= 1
                _, tag, attrs, *_ = table.shape[child]  # type: ignore[misc]
                if budget < 0 or (attrs is not None and is_editable(tag, attrs)):
                    return False
                if attrs is not None:
                    stack.append(child)
        return True

    def _label_of_its_cell(self, slot: int) -> str:
        """The label before the value cell a block is the one element of (<dt>Gravure :</dt><dd><p>…</p></dd>: an
        editor's or a plugin's wrapping <p>, WooCommerce's item options): the block is the cell's value, '' if none."""
        parent = self.table.parent[slot]
        if parent < 0 or self.table.shape[parent][1] not in _VALUE_CELLS or not self._texts_and(slot):  # type: ignore[index]
            return ""  # (another element beside it: the cell holds more than one value)
        return self._label_before(parent)

    def text_meaning(self, nid: int, policy: Policy) -> str:
        """A text right after a label drawn as one in the same element ("<strong>Naam:</strong>
        Gommaar Wuyts", "<b>Geboortedatum</b><br>14 maart 1987"): the label's meaning, as a value
        beside its label has (_cell_meaning). Looks back past two line breaks at most."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE or table.parent[slot] < 0:
            return ""
        before = table.previous(slot)
        for _ in range(_BREAKS_BEFORE_VALUE + 1):
            if before == NONE:
                return ""
            _, tag, attrs, *_ = table.shape[before]  # type: ignore[misc]
            if tag != "br":
                break
            before = table.previous(before)
        if attrs is None or tag not in _LABEL_LIKE or attrs.get("for") or not (label := table.label(before)):
            return ""
        return "" if self._container_meaning(attrs, policy) else policy.fields.field_meaning("", "", "", label)

    def _label_of(self, slot: int, attrs: dict[str, str]) -> str:
        table = self.table
        for depth, above in enumerate(self._ancestor_slots(slot)):
            if table.shape[above][1] == "label":  # type: ignore[index]
                return table.label(above)
            if depth > _LABEL_AROUND_DEPTH:
                break
        own_id = attrs.get("id")
        if own_id and (label := self._label_for(own_id)) != NONE:
            return table.label(label)
        # <label>E-mail</label><input>, <div class="lbl">Vorname</div><input>: the element just
        # before the field; in a table form, the <th> before the field's cell; a form builder's question
        # (<p>Geboortedatum</p><input>, <h4>Wanneer bent u geboren?</h4><input>)
        found = self._label_before(slot, self._labels_the_field_after)
        parent = table.parent[slot]
        if not found and parent >= 0 and table.shape[parent][1] == "td" and self._first_element(slot):  # type: ignore[index]
            found = self._label_before(parent)
        # <div>Date de naissance <input type=date></div>: the label is a bare text beside the field in
        # the element holding both, which keeps that text's field words as a <label> does
        if not found and parent >= 0 and table.shape[parent][1] in _LABEL_LIKE and self._texts_and(slot):  # type: ignore[index]
            found = table.label(parent)
        return found

    def _texts_and(self, slot: int) -> bool:
        """Whether slot's siblings are a few texts and nothing else: their words are its label (not
        those of another field, nor of a paragraph in an element beside it: <div><p>Mail me at …</p>
        <textarea>)."""
        table = self.table
        for count, child in enumerate(table.child_slots(table.parent[slot])):
            if count >= _CHILDREN_OF_A_LABEL or (child != slot and table.shape[child][2] is not None):  # type: ignore[index]
                return False
        return True

    def _label_before(self, slot: int, labelled: Callable[[int], bool] | None = None) -> str:
        """The label words of the element just before slot among its siblings (text may come between) that is
        label-like, or of which labelled (given its slot) says it labels slot; never a <label for=…>."""
        table = self.table
        if table.parent[slot] < 0:  # not linked among its parent's children
            return ""
        before = table.previous(slot)
        for _ in range(_TEXTS_BEFORE_FIELD + 1):
            if before == NONE:
                return ""
            _, tag, other, *_ = table.shape[before]  # type: ignore[misc]
            if other is not None:  # else text between them
                ok = not other.get("for") and (labelled(before) if labelled else tag in _LABEL_LIKE)
                return table.label(before) if ok else ""
            before = table.previous(before)
        return ""

    def _first_element(self, slot: int) -> bool:
        """Whether no element comes before slot among its siblings (text may)."""
        before = self.table.previous(slot)
        while before != NONE:
            if self.table.shape[before][2] is not None:  # type: ignore[index]
                return False
            before = self.table.previous(before)
        return True

    def _note_label_for(self, nid: int, for_id: str) -> None:
        """Indexes <label for=…> so a field finds its label without a scan of the page."""
        self._labels.setdefault(for_id, []).append(nid)

    def _label_for(self, own_id: str) -> int:
        """The slot of the first label (in the order they came) still pointing at own_id, or
        NONE. Entries of labels gone or changed since are dropped on the way: each costs once."""
        candidates = self._labels.get(own_id)
        if not candidates:
            return NONE
        table = self.table
        for index, nid in enumerate(candidates):
            slot = table.slot(nid)
            if slot != NONE:
                _, tag, attrs, *_ = table.shape[slot]  # type: ignore[misc]
                if tag == "label" and attrs and attrs.get("for") == own_id:
                    del candidates[:index]
                    return slot
        del self._labels[own_id]
        return NONE

    def open_line(self, nid: int) -> None:
        """The text node nid ends a line the page goes on writing in a later batch (LINE_OPEN)."""
        slot = self.table.slot(nid)
        if slot != NONE and not self.table.flags[slot] & LINE_OPEN:
            self.table.flags[slot] |= LINE_OPEN
            self.table.touch(slot)
            self.dirty = True

    def carry_typed_end(self, nid: int, length: int, digest: str, word: str) -> None:
        """The field nid ended this batch with a value of this length and keyed digest whose last word, of this keyed
        digest, was masked: looked for in the next TYPED_END_BATCHES batches. The most recent MAX_TYPED_ENDS
        fields are kept."""
        self.typed_ends.pop(nid, None)
        self.typed_ends[nid] = (length, digest, word, TYPED_END_BATCHES)
        if len(self.typed_ends) > MAX_TYPED_ENDS:
            del self.typed_ends[next(iter(self.typed_ends))]
        self.dirty = True

    def drop_typed_end(self, nid: int) -> None:
        if self.typed_ends.pop(nid, None) is not None:
            self.dirty = True

    def age_typed_ends(self) -> None:
        """One batch more went by: the typed ends looked for in it count one batch less."""
        if self.typed_ends:
            self.typed_ends = {nid: (*end[:3], end[3] - 1) for nid, end in self.typed_ends.items() if end[3] > 1}
            self.dirty = True

    def continues_open_line(self, nid: int) -> bool:
        """Whether the text node nid comes right after a text node an earlier batch left ending an open line."""
        table = self.table
        slot = table.slot(nid)
        if slot == NONE or (before := table.previous(slot)) == NONE:
            return False
        return table.shape[before][0] == _TEXT and bool(table.flags[before] & LINE_OPEN)

    def note_written(self, nid: int, length: int, digest: str) -> None:
        """The text node nid was left with a text of this length and keyed digest by this batch's script.
        The most recent MAX_WRITTEN are kept: a node beyond them is read as written whole (as before this was kept)."""
        if self.written.get(nid) == (length, digest):
            return
        self.written.pop(nid, None)
        self.written[nid] = (length, digest)
        if len(self.written) > MAX_WRITTEN:
            del self.written[next(iter(self.written))]
        self._written_changed.add(nid)
        self.dirty = True

    # -- persistence (flags and structure only: never a value) ------------------------------
    def dump(self, saved: bool = True, nodes: bool = True) -> dict[str, Any]:
        """The state: structure, flags, computed meanings, attribute names. saved=True (what goes
        to disk) is an allow-list: ids, tags, structure, flags, meanings, attribute names and the
        values of structural attributes only, and of a label the meaning its words give a field
        (saved_label) — no label text, no placeholder, no link, no value. saved=False (a frozen
        mirror in memory, or sealed on Redis) keeps label words and values for fields still to come.
        nodes=False: without the page's nodes (what protects the session: sessions.kept_state)."""
        return {
            **self._scalars(saved),
            "sticky": [[nid, flags, rule] for nid, (flags, rule) in self.sticky.items()],
            "floor": [[nid, flags, rule] for nid, (flags, rule) in self.floor.items()],
            "meaning_floor": [[nid, meaning] for nid, meaning in self.meaning_floor.items()],
            "written": [[nid, length, digest] for nid, (length, digest) in self.written.items()],
            "taint": self.taint.dump(),
            "site_names": self.site_names.dump(),
            "nodes": self.table.rows(_saved_attributes if saved else None, saved_label if saved else None)
            if nodes else [],
        }

    def dump_changes(self, saved: bool = True) -> dict[str, Any] | None:
        """What changed since the last save (forget_changes), for load() to apply after that
        save's dump: the rows of the nodes changed, the ids dropped, the sticky and floor
        entries changed, the taint's new hashes, and the few scalars. Costs what the batch
        changed, not the page. None when only a whole dump can say it (the table was cleared
        since: a new page or snapshot, or it was never saved)."""
        changed = self.table.changed_rows(_saved_attributes if saved else None, saved_label if saved else None)
        if changed is None:
            return None
        rows, removed = changed
        return {
            **self._scalars(saved),
            "sticky": [[nid, *self.sticky[nid]] for nid in self._sticky_changed if nid in self.sticky],
            "floor": [[nid, *self.floor[nid]] for nid in self._floor_changed if nid in self.floor],
            "meaning_floor": [[nid, self.meaning_floor[nid]] for nid in self._meaning_floor_changed
                              if nid in self.meaning_floor],
            "written": [[nid, *self.written[nid]] for nid in self._written_changed if nid in self.written],
            "taint": self.taint.dump_changes(),
            "site_names": self.site_names.dump_changes(),
            "nodes": rows,
            "removed": removed,
        }

    def rest(self) -> None:
        """A batch is done with this mirror: the sets its taints' lookups were made in go (PackedHashes), the columns
        stay (a live session between its batches costs a few bytes a hash)."""
        self.taint.rest()
        self.site_names.rest()

    def forget_changes(self) -> None:
        """This mirror as it is now was saved: changes count from here."""
        self.table.forget_changes()
        self.taint.forget_changes()
        self.site_names.forget_changes()
        self._sticky_changed = set()
        self._floor_changed = set()
        self._meaning_floor_changed = set()
        self._written_changed = set()

    def _scalars(self, saved: bool) -> dict[str, Any]:
        # "words": the rows hold label words and attribute values (else meanings, and values
        # unknown). A state without it is read as saved (the store's, from before it was said)
        return {"words": not saved, "lang": self.lang, "page_blocked": self.page_blocked, "page": self.page,
                "policy_key": self.policy_key, "fresh": self.fresh, "lost": self.lost, "last_seq": self.last_seq,
                "other_seqs": self.other_seqs, "missing_seqs": self.missing_seqs, "seq_digests": self.seq_digests,
                "typed_ends": [[nid, *end] for nid, end in self.typed_ends.items()]}

    def settle_meanings(self, policy: Policy) -> None:
        """Works out the meaning of every field inserted or changed since the last call, while
        its label's words are here: saved state keeps the meaning, never the words."""
        pending, self._unsettled = self._unsettled, []
        table = self.table
        for nid in pending:
            slot = table.slot(nid)
            if slot != NONE and not table.meaning[slot]:
                _, tag, attrs, *_ = table.shape[slot]  # type: ignore[misc]
                if attrs is not None and is_editable(tag, attrs):
                    self.meaning(nid, policy)

    @classmethod
    def load(cls, state: dict[str, Any], changes: Iterable[dict[str, Any]] = ()) -> DomMirror:
        """The mirror of a dump(), with the dump_changes() saved after it applied in order."""
        for change in changes:
            state = _merged(state, change)
        mirror = cls()
        mirror.lang = state.get("lang")
        mirror.page_blocked = bool(state.get("page_blocked"))
        mirror.policy_key = state.get("policy_key", "")
        mirror.page = state.get("page", "")
        mirror.dirty = False
        mirror.sticky = {nid: shared((flags, rule)) for nid, flags, rule in state.get("sticky", [])}
        mirror.floor = {nid: shared((flags, rule)) for nid, flags, rule in state.get("floor", [])}
        mirror.meaning_floor = {nid: meaning for nid, meaning in state.get("meaning_floor", [])
                                if type(nid) is int and isinstance(meaning, str)}
        written = [(entry[0], (entry[1], entry[2])) for entry in state.get("written", [])
                   if isinstance(entry, list) and len(entry) == 3 and type(entry[0]) is int and type(entry[1]) is int
                   and isinstance(entry[2], str)]
        mirror.written = dict(written[-MAX_WRITTEN:])
        ends = state.get("typed_ends")
        mirror.typed_ends = {entry[0]: (entry[1], entry[2], entry[3], entry[4])
                             for entry in (ends if isinstance(ends, list) else [])[-MAX_TYPED_ENDS:]
                             if isinstance(entry, list) and len(entry) == 5 and type(entry[0]) is int
                             and type(entry[1]) is int and isinstance(entry[2], str) and isinstance(entry[3], str)
                             and type(entry[4]) is int}
        mirror.fresh = bool(state.get("fresh"))
        mirror.lost = bool(state.get("lost"))
        last_seq, missing = state.get("last_seq"), state.get("missing_seqs")
        mirror.last_seq = last_seq if type(last_seq) is int else None
        others = state.get("other_seqs", [state.get("other_seq")])  # (one count, as saved before 2026-12-03)
        mirror.other_seqs = [n for n in others if type(n) is int] if isinstance(others, list) else []
        mirror.missing_seqs = [n for n in missing if type(n) is int] if isinstance(missing, list) else []
        digests = state.get("seq_digests")
        mirror.seq_digests = [[n, d] for n, d in digests if type(n) is int and isinstance(d, str)] \
            if isinstance(digests, list) and all(isinstance(p, list) and len(p) == 2 for p in digests) else []
        mirror.taint = Taint.load(state.get("taint"))
        mirror.site_names = Taint.load(state.get("site_names"), SITE_NAMES)
        mirror._popups = None
        rows = state.get("nodes", [])
        if not state.get("words"):  # the store's: values unknown, and labels saved as their meanings
            rows = [_loaded_row(row) for row in rows if isinstance(row, list) and len(row) == 10]
        for nid, attrs in mirror.table.fill(rows):
            mirror._note_label_for(nid, attrs["for"])
        return mirror


def _merged(state: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """A dump with one dump_changes() applied: the rows and entries it gives replace those of the
    same id, the ids it dropped go. Linear in both."""
    nodes = {row[0]: row for row in state.get("nodes", ()) if type(row[0]) is int}
    for nid in change.get("removed", ()):
        nodes.pop(nid, None)
    nodes.update((row[0], row) for row in change.get("nodes", ()) if type(row[0]) is int)
    entries = {}
    for name in ("sticky", "floor", "meaning_floor", "written"):
        by_id = {entry[0]: entry for entry in state.get(name, ())}
        by_id.update((entry[0], entry) for entry in change.get(name, ()))
        entries[name] = list(by_id.values())
    return {**state, **{k: v for k, v in change.items() if k not in ("removed",)}, **entries,
            "taint": Taint.merge(state.get("taint"), change.get("taint")),
            "site_names": Taint.merge(state.get("site_names"), change.get("site_names")), "nodes": list(nodes.values())}


__all__ = ["BLOCKED", "MASK_TEXT", "SENSITIVE", "UNKNOWN_NODE", "DomMirror", "Node", "Verdict"]
