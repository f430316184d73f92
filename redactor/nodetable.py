"""The mirror's nodes in compact columns: a few bytes a node, not a Python object a node.

A live session used to hold a `Node` object, an attribute dict and a children object per node
(~300 bytes a node, ~620 KB for a 2,000-node page). rrweb numbers a page's nodes 1..N, so the
table keeps one slot per id in flat arrays (parent, first/last child, previous/next sibling,
flags, indexes of the rule and the meaning in a small per-table string table) and one reference
to an interned *shape* (kind, tag, attributes, whether it has children) that every session of
the same page shares: what the page said of a node is the same for every visitor. Links hold
slots (2 bytes while the table has fewer than 32,768 slots, then 4); the attributes are only
what the mirror keeps (dom.kept_attributes), and a shape's dict is never changed in place.

Ids are whatever a client sends: an id far beyond the ids there are (or a negative one) turns
the table to a map from id to slot, so memory stays proportional to the nodes held, never to the
largest id. `DomMirror.nodes` is the `Nodes` view of a table: a read-only mapping from id to a
`Node` (a view of one slot), for the layers that read the mirror (selectors, viewer, redact).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from redactor.rrweb import NodeType

NONE = -1  # no node: the end of a list, no parent
ELSEWHERE = -2  # a parent the node is not linked under (an orphan's, a text node's): see odd_parent
_SHORT_SLOTS = 32_767  # links fit 'h' (2 bytes) up to here
_DENSE_SLACK = 4096  # an id up to 2 x the nodes held + this keeps slot = id
#: bytes of a shape no other node had when it was made (its tuple, attribute dict and strings, and
#: its key in the table that shares it), measured with tracemalloc on pages of unique attributes
SHAPE_BYTES = 360
#: bytes of a slot's columns and shape reference (25 on a page whose shapes are shared), and of
#: a node whose id left the dense range (its entries in the id maps)
SLOT_BYTES = 25
MAPPED_BYTES = 100
_MAX_SHARED = 32_768  # values kept for sharing; past it sharing starts afresh (bounded)
#: the value of an attribute whose value the saved state does not hold (a name, a placeholder, a
#: data-* value: dom._saved_attributes), in a node loaded from it: unknown, so what reads it must
#: fail closed (selectors.MirrorView matches such a test). A client can send this value itself:
#: that only makes its own nodes judged more strictly.
UNSAVED = "\x00"

Shape = tuple  # (kind, tag, attrs or None, has children, label words or None)
_shared: dict[Any, Any] = {}


def _keep(key: Any, value: Any) -> Any:
    if len(_shared) >= _MAX_SHARED:
        _shared.clear()  # mirrors keep their references; only sharing starts again
    _shared[key] = value
    return value


def _shape_bytes(attrs: dict[str, str] | None, label: str | None) -> int:
    """A new shape's memory: its objects, and the characters of what it keeps (a structural
    attribute is kept whole up to selectors.MAX_KEPT_STRUCTURAL: a session of 2,000 long class strings is
    counted as the megabytes it holds)."""
    return SHAPE_BYTES + len(label or "") + sum(len(k) + len(v) for k, v in (attrs or {}).items())


def shared(value: tuple[int, str | None]) -> Any:
    """The process's one copy of a value many nodes and sessions have (a (flags, rule) pair)."""
    found = _shared.get(value)
    return found if found is not None else _keep(value, value)


class NodeTable:
    """The nodes of one mirror by id: structure, flags, rule and meaning per slot."""

    __slots__ = ("_free", "_ids", "_slots", "_string_index", "count", "first", "gone", "made", "flags", "meaning",
                 "next", "odd_parent", "parent", "prev", "roots", "rule", "shape", "strings", "touched", "whole")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.shape: list[Shape | None] = []  # None: a free slot
        self.parent = array("h")  # slot of the parent the node is linked under, NONE, or ELSEWHERE
        # children (documents and elements): a doubly linked list of slots, whose first's prev
        # is the last (one column less)
        self.first = array("h")
        self.prev = array("h")
        self.next = array("h")
        self.flags = array("B")
        self.rule = array("B")  # index into strings (0: None)
        self.meaning = array("B")  # index into strings (0: not computed yet)
        self.strings: list[str | None] = [None]  # the rules and meanings this mirror uses
        self._string_index: dict[str | None, int] = {None: 0}
        self.odd_parent: dict[int, int] = {}  # slot → parent id, for a node not linked under it
        self.roots: dict[int, None] = {}  # the slots linked under no node (the document, orphans), in order
        self._slots: dict[int, int] | None = None  # id → slot, once ids left the dense range
        self._ids: list[int] | None = None  # slot → id, likewise
        self._free: list[int] = []
        self.count = 0
        self.made = 0  # bytes of the shapes this table made (that no node of the process had): its own memory
        # What changed since the table was last saved (forget_changes), so that a batch saves the
        # rows it changed, not the page (changed_rows). Tracked only once a whole table was saved:
        # until then (whole) the next save is whole anyway, and a table nobody saves costs nothing.
        self.whole = True
        self.touched: set[int] = set()  # slots whose row changed
        self.gone: set[int] = set()  # ids dropped

    def touch(self, slot: int) -> None:
        """slot's row changed (its flags, rule, meaning, shape, parent or children)."""
        if not self.whole:
            self.touched.add(slot)

    def forget_changes(self) -> None:
        """The table as it is now was saved: changes count from here."""
        self.whole = False
        self.touched = set()
        self.gone = set()

    def changed_rows(self, attributes: Callable[[dict[str, str] | None], dict[str, str] | None] | None,
                     labels: Callable[[str | None], str | None] | None) -> tuple[list[list[Any]], list[int]] | None:
        """The rows (as rows() makes them) of the nodes changed since the last save, and the ids
        dropped since then and not held now; None when the table was cleared since (a new page,
        a new snapshot): then only the whole table says what it holds."""
        if self.whole:
            return None
        held = sorted(slot for slot in self.touched if self.shape[slot] is not None)
        return self.rows(attributes, labels, held), sorted(nid for nid in self.gone if self.slot(nid) == NONE)

    # -- ids and slots ------------------------------------------------------------------------
    def slot(self, nid: Any) -> int:
        """The slot of a node id held, or NONE."""
        if self._slots is None:
            if type(nid) is int and 0 <= nid < len(self.shape) and self.shape[nid] is not None:
                return nid
            return NONE
        return self._slots.get(nid, NONE) if type(nid) is int else NONE

    def id_of(self, slot: int) -> int:
        return slot if self._ids is None else self._ids[slot]

    def __len__(self) -> int:
        return self.count

    def slots(self) -> Iterator[int]:
        """The slots held, in slot order (ids in order while they are dense)."""
        return (slot for slot, held in enumerate(self.shape) if held is not None)

    def add(self, nid: int, held: Shape) -> int:
        """A node for an id not held. (A free slot's columns are as new: drop() resets them.)"""
        slot = nid if self._slots is None and 0 <= nid < len(self.shape) else self._allocate(nid)
        self.count += 1
        self.shape[slot] = held
        self.touch(slot)
        return slot

    def renew(self, slot: int, held: Shape) -> None:
        """A fresh node in place of a held one (sent again: unlinked, its children dropped)."""
        self._reset(slot)
        self.shape[slot] = held

    def _reset(self, slot: int) -> None:
        self.touch(slot)
        self.parent[slot] = self.first[slot] = self.prev[slot] = self.next[slot] = NONE
        self.flags[slot] = self.rule[slot] = self.meaning[slot] = 0
        if self.odd_parent:
            self.odd_parent.pop(slot, None)
        self.roots.pop(slot, None)

    def drop(self, slot: int) -> None:
        """Forgets a node (unlinked, its children gone or unlinked)."""
        if not self.whole:
            self.gone.add(self.id_of(slot))
        self._reset(slot)
        self.shape[slot] = None
        self.count -= 1
        if self._ids is not None:
            del self._slots[self._ids[slot]]  # type: ignore[index]
            self._free.append(slot)

    def _allocate(self, nid: int) -> int:
        if self._slots is None:
            if 0 <= nid < len(self.shape):
                return nid
            if 0 <= nid < 2 * self.count + _DENSE_SLACK:
                self._grow(nid + 1)
                return nid
            self._to_map()
        assert self._slots is not None and self._ids is not None
        if not self._free:
            start = len(self.shape)
            self._grow(start + 1)
            self._ids.extend([NONE] * (len(self.shape) - start))
            self._free.extend(range(len(self.shape) - 1, start - 1, -1))
        slot = self._free.pop()
        self._ids[slot] = nid
        self._slots[nid] = slot
        return slot

    def _to_map(self) -> None:
        """Ids far apart or negative (a hostile client): slots stop being ids."""
        self._ids = list(range(len(self.shape)))
        self._slots = {slot: slot for slot in self.slots()}
        self._free = [slot for slot in range(len(self.shape) - 1, -1, -1) if self.shape[slot] is None]

    def _grow(self, size: int) -> None:
        size = max(size, len(self.shape) + len(self.shape) // 8 + 64)  # a page grows by its ids: few steps
        more = size - len(self.shape)
        if size > _SHORT_SLOTS and self.parent.typecode == "h":
            for name in ("parent", "first", "prev", "next"):
                setattr(self, name, array("i", getattr(self, name)))
        self.shape.extend([None] * more)
        unlinked = array(self.parent.typecode, [NONE]) * more
        for column in (self.parent, self.first, self.prev, self.next):
            column.extend(unlinked)
        zeros = bytes(more)
        for column in (self.flags, self.rule, self.meaning):
            column.frombytes(zeros) if column.itemsize == 1 else column.extend([0] * more)

    def make_shape(self, kind: int, tag: str, attrs: dict[str, str] | None, container: bool,
                   label: str | None = None) -> Shape:
        """The one shared (kind, tag, attrs, container, label) of this process for these values.
        label: the words of the page that name a field, held by a <label> or an element with an
        id (the same for every visitor of the page). Its attrs dict is shared by every node and
        session that has it: never change it, make another shape."""
        key = (kind, tag, container, label, None if attrs is None else tuple(attrs.items()))
        found = _shared.get(key)
        if found is None:
            self.made += _shape_bytes(attrs, label)
            found = _keep(key, (kind, tag, attrs, container, label))
        return found

    def nbytes(self) -> int:
        """An estimate of this table's memory in O(1): its columns, the shapes it made, its maps."""
        return (len(self.shape) * SLOT_BYTES + self.made
                + (len(self.odd_parent) + (0 if self._ids is None else len(self._ids))) * MAPPED_BYTES)

    def label(self, slot: int) -> str:
        return self.shape[slot][4] or ""  # type: ignore[index]

    def relabel(self, slot: int, label: str) -> None:
        kind, tag, attrs, container, _ = self.shape[slot]  # type: ignore[misc]
        self.shape[slot] = self.make_shape(kind, tag, attrs, container, label or None)
        self.touch(slot)

    def string(self, text: str | None) -> int:
        """The index of a rule or meaning in this table's strings (few: a policy's rules)."""
        index = self._string_index.get(text)
        if index is None:
            index = self._string_index[text] = len(self.strings)
            self.strings.append(text)
            if index == 256:  # more than a byte can tell apart
                self.rule, self.meaning = array("H", self.rule), array("H", self.meaning)
        return index

    # -- saved state: the rows of DomMirror.dump, column by column -----------------------------
    def rows(self, attributes: Callable[[dict[str, str] | None], dict[str, str] | None] | None,
             labels: Callable[[str | None], str | None] | None, slots: list[int] | None = None) -> list[list[Any]]:
        """[id, parent id, kind, tag, attrs, flags, rule, child ids or None, label, meaning] per
        node, in slot order (of these slots only, when given). attributes: what is saved of a
        shape's attributes (None: all of them); labels: what is saved of its label words (None:
        the words). The whole
        table's columns are zipped, not read slot by slot, and a shape's saved attributes are
        worked out once per shape."""
        strings, ids, odd_parent, first, following = self.strings, self._ids, self.odd_parent, self.first, self.next
        if slots is None:
            rules = map(strings.__getitem__, self.rule)
            meanings = map(strings.__getitem__, self.meaning)
            parents = ([above if above >= 0 else None for above in self.parent] if ids is None
                       else [ids[above] if above >= 0 else None for above in self.parent])
            for slot, parent in odd_parent.items():  # ELSEWHERE: a parent the node is not linked under
                parents[slot] = parent
            columns: Iterable[tuple] = zip(range(len(self.shape)), self.shape, parents, self.flags, rules, meanings)
        else:
            columns = ((slot, self.shape[slot], self.parent_id(slot), self.flags[slot], strings[self.rule[slot]],
                        strings[self.meaning[slot]]) for slot in slots)
        saved: dict[int, Any] = {}  # id(shape) → its saved attributes (shapes are shared and never change)
        saved_labels: dict[str, str | None] = {}
        out = []
        for slot, held, parent, flags, rule, meaning in columns:
            if held is None:
                continue
            kind, tag, attrs, container, label = held
            if attributes is not None and attrs:
                key = id(held)
                if key not in saved:
                    saved[key] = attributes(attrs)
                attrs = saved[key]
            children = None
            if container:
                children, current = [], first[slot]
                while current != NONE:
                    children.append(current)
                    current = following[current]
                if ids is not None:
                    children = [ids[child] for child in children]
            if labels is not None and label:
                if label not in saved_labels:
                    saved_labels[label] = labels(label)
                label = saved_labels[label]
            out.append([slot if ids is None else ids[slot], parent, kind, tag, attrs, flags, rule, children,
                        label, meaning])
        return out

    def fill(self, rows: Iterable[Any]) -> list[tuple[int, dict[str, str]]]:
        """An empty table from the rows of rows() (or of the mirror before the table: the same
        rows). Rows whose id is not an int are skipped; an id given twice keeps its last row (as
        a node sent again does: the table is filled again without the earlier rows, once). A node is linked under its parent when it is among that
        parent's child ids and its saved parent is that parent, else it keeps its parent aside
        (an orphan, a text's child) or is a root. Returns (id, attrs) of the <label for=…>s.
        Linear: one pass over the rows, one over the child lists."""
        rows = rows if isinstance(rows, list) else list(rows)
        self._grow(len(rows) + 1)  # ids 1..N as rrweb numbers a page: the columns made at once
        shape, flags_of, rule_of, meaning_of, index = self.shape, self.flags, self.rule, self.meaning, self._string_index
        roots = self.roots
        saved_parent: dict[int, Any] = {}  # slot → its saved parent's id, till it is linked under it
        owners, labels = [], []
        for nid, parent, kind, tag, attrs, flags, rule, children, label, meaning in rows:
            if type(nid) is not int:  # as node_id(): not a bool either
                continue
            if self._slots is None and 0 <= nid < len(shape):
                slot = nid
                if shape[slot] is not None:
                    return self._refill(rows)
            elif self.slot(nid) != NONE:
                return self._refill(rows)
            else:
                slot = self._allocate(nid)
            self.count += 1
            container = children is not None
            key = (kind, tag, container, label or None, None if attrs is None else tuple(attrs.items()))
            held = _shared.get(key)
            if held is None:
                self.made += _shape_bytes(attrs, label)
                held = _keep(key, (kind, tag, attrs, container, label or None))
            shape[slot] = held
            flags_of[slot] = flags
            rule_index, meaning_index = index.get(rule), index.get(meaning)
            if rule_index is None or meaning_index is None:
                rule_index, meaning_index = self.string(rule), self.string(meaning)
                rule_of, meaning_of = self.rule, self.meaning  # past 256 strings the columns widen
            rule_of[slot], meaning_of[slot] = rule_index, meaning_index
            if parent is None:
                roots[slot] = None
            else:
                saved_parent[slot] = parent
            if container:
                owners.append((nid, slot, children))
            if tag == "label" and attrs and attrs.get("for"):
                labels.append((nid, attrs))
        parent_of, first, prev, following, slot_of = self.parent, self.first, self.prev, self.next, self.slot
        dense = self._slots is None
        for nid, owner, children in owners:
            tail = NONE
            for child in children:
                slot = child if dense and type(child) is int else slot_of(child)  # dense: held if in saved_parent
                if saved_parent.get(slot) != nid:
                    continue
                del saved_parent[slot]
                parent_of[slot], prev[slot] = owner, tail
                if tail == NONE:
                    first[owner] = slot
                else:
                    following[tail] = slot
                tail = slot
            if tail != NONE:
                prev[first[owner]] = tail  # the first's prev is the last
        for slot, parent in saved_parent.items():  # not among its parent's children: an orphan, or under text
            self.set_parent(slot, parent, NONE)
        self.forget_changes()  # the table is what was saved
        return labels

    def _refill(self, rows: list[Any]) -> list[tuple[int, dict[str, str]]]:
        """fill() again, rows of an id given twice dropped but the last (in the first's place)."""
        self.clear()
        return self.fill(list({row[0]: row for row in rows if type(row[0]) is int}.values()))

    # -- structure ------------------------------------------------------------------------------
    def parent_id(self, slot: int) -> int | None:
        above = self.parent[slot]
        if above == NONE:
            return None
        if above == ELSEWHERE:
            return self.odd_parent[slot]
        return self.id_of(above)

    def set_parent(self, slot: int, parent_id: int | None, linked_under: int) -> None:
        """linked_under: the parent's slot when the node is linked among its children."""
        self.touch(slot)
        if parent_id is None:
            self.parent[slot] = NONE
            self.roots[slot] = None
        elif linked_under != NONE:
            self.parent[slot] = linked_under
        else:
            self.parent[slot] = ELSEWHERE
            self.odd_parent[slot] = parent_id
            self.roots[slot] = None

    def is_child(self, slot: int, owner: int) -> bool:
        return self.parent[slot] == owner

    def link(self, slot: int, owner: int, before: int) -> None:
        """Puts slot (linked nowhere) among owner's children, in front of the slot `before` if
        that is one of them, else last. O(1) however many siblings there are."""
        parent, first, prev, following = self.parent, self.first, self.prev, self.next
        self.touch(slot)
        self.touch(owner)
        parent[slot] = owner
        head = first[owner]
        if head == NONE:
            first[owner], prev[slot], following[slot] = slot, slot, NONE
        elif before == NONE or before == slot or parent[before] != owner:  # last
            tail = prev[head]
            following[tail], prev[slot], following[slot], prev[head] = slot, tail, NONE, slot
        else:
            previous = prev[before]  # the last, when before is the first
            prev[slot], following[slot], prev[before] = previous, before, slot
            if before == head:
                first[owner] = slot
            else:
                following[previous] = slot

    def unlink(self, slot: int) -> None:
        """Takes slot out of its parent's children (if it is linked under one), to be dropped
        or put again."""
        owner = self.parent[slot]
        if owner < 0:
            return
        self.touch(slot)
        self.touch(owner)
        first, prev, following = self.first, self.prev, self.next
        previous, after = prev[slot], following[slot]
        head = first[owner]
        if slot == head:
            first[owner] = after
            if after != NONE:
                prev[after] = previous
        else:
            following[previous] = after
            prev[head if after == NONE else after] = previous
        prev[slot] = following[slot] = self.parent[slot] = NONE

    def previous(self, slot: int) -> int:
        """The sibling before a linked slot, or NONE."""
        owner = self.parent[slot]
        return NONE if owner < 0 or self.first[owner] == slot else self.prev[slot]

    def last_child(self, owner: int) -> int:
        head = self.first[owner]
        return NONE if head == NONE else self.prev[head]

    def child_slots(self, owner: int) -> Iterator[int]:
        current, following = self.first[owner], self.next
        while current != NONE:
            yield current
            current = following[current]

    def child_ids(self, owner: int) -> list[int]:
        ids, current, following = [], self.first[owner], self.next
        if self._ids is None:
            while current != NONE:
                ids.append(current)
                current = following[current]
        else:
            while current != NONE:
                ids.append(self._ids[current])
                current = following[current]
        return ids

    def subtree(self, slot: int) -> Iterator[int]:
        """slot and every slot linked below it, parents first."""
        stack = [slot]
        first, following = self.first, self.next
        while stack:
            current = stack.pop()
            yield current
            child = first[current]
            while child != NONE:
                stack.append(child)
                child = following[child]


class Children:
    """A view of the children of one document or element, in page order: iterates, reverses
    and answers `in` like the list of ids it replaces (sibling selectors read it)."""

    __slots__ = ("_owner", "_table")

    def __init__(self, table: NodeTable, owner: int):
        self._table, self._owner = table, owner

    @property
    def owner(self) -> int:
        return self._table.id_of(self._owner)

    @property
    def first(self) -> int | None:
        slot = self._table.first[self._owner]
        return None if slot == NONE else self._table.id_of(slot)

    @property
    def last(self) -> int | None:
        slot = self._table.last_child(self._owner)
        return None if slot == NONE else self._table.id_of(slot)

    def __iter__(self) -> Iterator[int]:
        return iter(self._table.child_ids(self._owner))

    def __reversed__(self) -> Iterator[int]:
        table, current = self._table, self._table.last_child(self._owner)
        while current != NONE:
            yield table.id_of(current)
            current = table.previous(current)

    def __len__(self) -> int:
        return sum(1 for _ in self._table.child_slots(self._owner))

    def __bool__(self) -> bool:
        return self._table.first[self._owner] != NONE

    def __contains__(self, nid: object) -> bool:
        slot = self._table.slot(nid)
        return slot != NONE and self._table.parent[slot] == self._owner

    def __repr__(self) -> str:
        return f"Children({list(self)})"

    def before(self, nid: int) -> Iterator[int]:
        """The siblings in front of nid, nearest first."""
        table = self._table
        current = table.previous(table.slot(nid))
        while current != NONE:
            yield table.id_of(current)
            current = table.previous(current)


class Node:
    """A view of one node of a table (valid while that node is held)."""

    __slots__ = ("_slot", "_table")

    def __init__(self, table: NodeTable, slot: int):
        self._table, self._slot = table, slot

    @property
    def parent(self) -> int | None:
        return self._table.parent_id(self._slot)

    @property
    def kind(self) -> int:
        return self._table.shape[self._slot][0]  # type: ignore[index]

    @property
    def tag(self) -> str:
        return self._table.shape[self._slot][1]  # type: ignore[index]

    @property
    def attrs(self) -> dict[str, str] | None:
        """Shared with other nodes: read only."""
        return self._table.shape[self._slot][2]  # type: ignore[index]

    @property
    def children(self) -> Children | None:
        return Children(self._table, self._slot) if self._table.shape[self._slot][3] else None  # type: ignore[index]

    @property
    def flags(self) -> int:
        return self._table.flags[self._slot]

    @property
    def rule(self) -> str | None:
        return self._table.strings[self._table.rule[self._slot]]

    @property
    def meaning(self) -> str | None:
        return self._table.strings[self._table.meaning[self._slot]]

    @property
    def label_text(self) -> str | None:
        return self._table.shape[self._slot][4]  # type: ignore[index]

    @property
    def prev(self) -> int | None:
        slot = self._table.previous(self._slot)
        return None if slot == NONE else self._table.id_of(slot)

    @property
    def next(self) -> int | None:
        slot = self._table.next[self._slot]
        return None if slot == NONE else self._table.id_of(slot)


class Nodes(Mapping[int, Node]):
    """A mirror's nodes as a read-only mapping from id to Node view."""

    __slots__ = ("table",)

    def __init__(self, table: NodeTable):
        self.table = table

    def __getitem__(self, nid: Any) -> Node:
        slot = self.table.slot(nid)
        if slot == NONE:
            raise KeyError(nid)
        return Node(self.table, slot)

    def get(self, nid: Any, default: Any = None) -> Any:
        slot = self.table.slot(nid)
        return default if slot == NONE else Node(self.table, slot)

    def __contains__(self, nid: object) -> bool:
        return self.table.slot(nid) != NONE

    def __len__(self) -> int:
        return self.table.count

    def __iter__(self) -> Iterator[int]:
        table = self.table
        return (table.id_of(slot) for slot in table.slots())

    def items(self) -> Iterator[tuple[int, Node]]:  # type: ignore[override]
        table = self.table
        return ((table.id_of(slot), Node(table, slot)) for slot in table.slots())

    def values(self) -> Iterator[Node]:  # type: ignore[override]
        table = self.table
        return (Node(table, slot) for slot in table.slots())


CONTAINERS = (NodeType.DOCUMENT, NodeType.ELEMENT)
