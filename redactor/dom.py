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

Time is linear in the nodes touched: children are a linked list (Children), a mutation's adds
wait on one id at a time, labels are found through an index of their `for`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from redactor.policy import BLOCKED, EDITABLE, MASK_TEXT, SENSITIVE, UNKNOWN, Policy, shipped_structure
from redactor.rrweb import NodeType, node_id
from redactor.selectors import UNKEPT_ATTRIBUTES as _UNKEPT_ATTRIBUTES  # values: what we protect; bulky CSS
from redactor.selectors import compiled_for
from redactor.taint import Taint

_MAX_ATTRIBUTE = 256
_MAX_LABEL_TEXT = 200
_FORM_CONTROLS = frozenset({"input", "textarea", "select"})
#: where a label's words are looked for when a field has no own words
_LABELLING = frozenset({"label"})


class Node:
    __slots__ = ("parent", "kind", "tag", "attrs", "flags", "rule", "children", "meaning", "label_text",
                 "prev", "next")

    def __init__(self, parent: int | None, kind: int, tag: str, attrs: dict[str, str] | None):
        self.parent = parent
        self.kind = kind
        self.tag = tag
        self.attrs = attrs
        self.flags = 0
        self.rule: str | None = None  # the rule that set this node's flags, for remarks
        self.children: Children | None = None  # set by the mirror for documents and elements
        self.meaning: str | None = None  # field meaning, computed when first needed ('' = none)
        self.label_text: str | None = None  # <label> only: the words it shows
        self.prev: int | None = None  # siblings in page order (links of the parent's Children)
        self.next: int | None = None


class Children:
    """The children of one document or element, in page order (sibling selectors read it).

    A doubly linked list through the nodes' own `prev`/`next` ids, so that putting a node in
    front of a sibling and taking one out cost O(1) however many siblings there are: a Python
    list costs a search and a shift for each, and a flat page of N siblings cost O(N²).
    Iterates, reverses and answers `in` like the list of ids it replaces."""

    __slots__ = ("owner", "first", "last", "size", "_nodes")

    def __init__(self, owner: int, nodes: dict[int, Node]):
        self.owner = owner
        self.first: int | None = None
        self.last: int | None = None
        self.size = 0
        self._nodes = nodes

    def __iter__(self) -> Iterator[int]:
        nodes, current = self._nodes, self.first
        while current is not None:
            yield current
            current = nodes[current].next

    def __reversed__(self) -> Iterator[int]:
        nodes, current = self._nodes, self.last
        while current is not None:
            yield current
            current = nodes[current].prev

    def __len__(self) -> int:
        return self.size

    def __bool__(self) -> bool:
        return self.size > 0

    def __contains__(self, nid: object) -> bool:
        node = self._nodes.get(nid)  # type: ignore[call-overload]
        return node is not None and node.parent == self.owner and (node.prev is not None or self.first == nid)

    def __repr__(self) -> str:
        return f"Children({list(self)})"

    def before(self, nid: int) -> Iterator[int]:
        """The siblings in front of nid, nearest first."""
        nodes, current = self._nodes, self._nodes[nid].prev
        while current is not None:
            yield current
            current = nodes[current].prev

    def link(self, nid: int, node: Node, before: int | None) -> None:
        """Puts node (not linked anywhere) in front of `before` if it is one of these children,
        else last."""
        nodes = self._nodes
        if before is not None and before != nid and before in self:
            following = nodes[before]
            node.prev, node.next = following.prev, before
            if following.prev is None:
                self.first = nid
            else:
                nodes[following.prev].next = nid
            following.prev = nid
        else:
            node.prev, node.next = self.last, None
            if self.last is None:
                self.first = nid
            else:
                nodes[self.last].next = nid
            self.last = nid
        self.size += 1

    def unlink(self, nid: int, node: Node) -> None:
        """Takes node out (it must be one of these children)."""
        nodes = self._nodes
        if node.prev is None:
            self.first = node.next
        else:
            nodes[node.prev].next = node.next
        if node.next is None:
            self.last = node.prev
        else:
            nodes[node.next].prev = node.prev
        node.prev = node.next = None
        self.size -= 1


def _saved_attributes(attrs: dict[str, str] | None) -> dict[str, str] | None:
    """What is saved of a node's attributes: every name, and only the values of the structural
    attributes (rules/attributes.yaml). A label, a placeholder, a name, a link: name only."""
    if not attrs:
        return attrs
    structure = shipped_structure()
    return {name: value if structure.is_structural(name) else "" for name, value in attrs.items()}


#: roles of elements that take what a visitor types, whatever their tag
_EDITABLE_ROLES = frozenset({"textbox", "searchbox", "combobox", "spinbutton"})


def is_editable(tag: str, attrs: dict[str, str]) -> bool:
    """The one definition of "editable": a form control, a contenteditable element or one with
    a text-entry role. Its descendants inherit the EDITABLE flag when they are inserted."""
    return (tag in _FORM_CONTROLS or attrs.get("contenteditable", "false").lower() != "false"
            or attrs.get("role", "").strip().lower() in _EDITABLE_ROLES)


def attribute_strings(attributes: Any) -> dict[str, str]:
    """An element's attributes as strings, whole: what markers classify on."""
    if not isinstance(attributes, dict):
        return {}
    return {name: value if isinstance(value, str) else str(value)
            for name, value in attributes.items() if value is not None and value is not False}


def kept_attributes(full: dict[str, str], policy: Policy) -> dict[str, str]:
    """What the mirror keeps of them: structural values whole (a Tailwind `class` of 2 KB still
    holds its `ph-no-capture` for selectors), other values cut to _MAX_ATTRIBUTE, never values."""
    structure = policy.structure
    return {name: value if len(value) <= _MAX_ATTRIBUTE or structure.is_structural(name) else value[:_MAX_ATTRIBUTE]
            for name, value in full.items() if name not in _UNKEPT_ATTRIBUTES}


@dataclass(frozen=True)
class Verdict:
    """What the mirror knows about a node id when a value arrives for it."""

    flags: int
    rule: str | None


UNKNOWN_NODE = Verdict(UNKNOWN | SENSITIVE | MASK_TEXT, "fail-closed.unknown-node")


@dataclass(frozen=True)
class AppliedMutation:
    kept_removes: list[dict[str, Any]]  # those a replayer can apply (not inside a placeholder)
    inserted: list[int]  # ids added, in insertion order
    changes: list[tuple[dict[str, Any], int | None, Verdict]]  # attribute change, its node, the verdict before it


class DomMirror:
    """The DOM of one recording session, as far as redaction needs it."""

    def __init__(self) -> None:
        self.nodes: dict[int, Node] = {}
        self.sticky: dict[int, tuple[int, str | None]] = {}  # id → own flags, across snapshots
        self.lang: str | None = None
        self.page_blocked = False  # the current page matches the site's block_urls
        self.page = ""  # a digest of the current page's URL without its fragment (another: a new document)
        self.policy_key = ""  # the Policy whose selectors were last matched on every node
        self.dirty = True  # changed since it was last saved (a batch of keystrokes changes nothing)
        self.taint = Taint()  # keyed hashes of the values found to be PII in this session
        # id → the flags (and rule) that id ever carried in this session: its protection only goes
        # up, whoever sends the next snapshot or mutation (module doc: "Session integrity")
        self.floor: dict[int, tuple[int, str | None]] = {}
        self.fresh = False  # a new document whose first snapshot was not redacted yet
        self.last_used = time.monotonic()
        self._removed_from: set[int | None] | None = None  # parents that lost children: re-match
        self._labels: dict[str, list[int]] = {}  # a <label for=…> value → the labels' ids, in order
        self._unsettled: list[int] = []  # fields whose meaning is still to work out (settle_meanings)

    # -- reading ----------------------------------------------------------------------------
    def verdict(self, nid: Any) -> Verdict:
        node = self.nodes.get(nid) if node_id(nid) is not None else None
        if node is None:
            return UNKNOWN_NODE
        return Verdict(node.flags, node.rule)

    def ancestors(self, nid: int) -> Iterator[Node]:
        node = self.nodes.get(nid)
        return self._ancestors_of(node) if node is not None else iter(())

    def subtree(self, nid: int) -> Iterator[int]:
        stack = [nid]
        while stack:
            current = stack.pop()
            node = self.nodes.get(current)
            if node is None:
                continue
            yield current
            if node.children:
                stack.extend(node.children)

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
        for nid, node in self.nodes.items():
            self._raise_floor(nid, node)
        self.nodes.clear()
        self._labels.clear()
        self.dirty = True

    def _raise_floor(self, nid: int, node: Node) -> None:
        """What protected a node id stays its floor. (Flags that only say "never seen in full",
        of an orphan, are not a page's statement: they are left out.)"""
        flags = node.flags & ~UNKNOWN_NODE.flags if node.flags & UNKNOWN else node.flags
        if not flags:
            return
        old_flags, old_rule = self.floor.get(nid, (0, None))
        if flags & ~old_flags:
            self.floor[nid] = (old_flags | flags, old_rule or node.rule)

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
        nodes, floor = self.nodes, self.floor
        for nid, node in nodes.items():
            flags, rule = floor.get(nid, (0, None))
            if flags & ~node.flags:
                node.flags |= flags
                node.rule = node.rule or rule
        stack = [nid for nid, node in nodes.items() if node.parent is None or node.parent not in nodes]
        while stack:  # top down, once: inherited as if the flags had been there at insert
            node = nodes[stack.pop()]
            if node.children:
                for child in node.children:
                    below = nodes[child]
                    if node.flags & ~below.flags:
                        below.flags |= node.flags
                        below.rule = below.rule or node.rule
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
        stack: list[tuple[dict[str, Any], int | None]] = [(root, parent)]
        while stack:
            serialized, parent_id = stack.pop()
            nid = self._insert(serialized, parent_id, policy, before if serialized is root else None, floor)
            if nid is None:
                continue
            inserted.append(nid)
            children = serialized.get("childNodes")
            if isinstance(children, list):
                stack.extend((child, nid) for child in reversed(children) if isinstance(child, dict))
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

    def _insert(self, serialized: dict[str, Any], parent_id: int | None, policy: Policy,
                before: int | None = None, floor: bool = True) -> int | None:
        nid = node_id(serialized.get("id"))
        kind = serialized.get("type")
        if nid is None or not isinstance(kind, int):
            return None
        tag = serialized.get("tagName") if kind == NodeType.ELEMENT else ""
        tag = tag.lower() if isinstance(tag, str) else ""
        full = attribute_strings(serialized.get("attributes")) if kind == NodeType.ELEMENT else None
        attrs = kept_attributes(full, policy) if full is not None else None
        old = self.nodes.get(nid)
        if old is not None:  # sent again (moved): its old place and subtree go, their flags stay as floor
            self._unlink(nid, old)
            self._drop_subtree(nid, keep_root=True)
        node = Node(parent_id, kind, tag, attrs)
        if kind in (NodeType.DOCUMENT, NodeType.ELEMENT):
            node.children = Children(nid, self.nodes)
        parent = self.nodes.get(parent_id) if parent_id is not None and parent_id != nid else None
        if parent is not None:
            node.flags, node.rule = parent.flags, parent.rule
        elif parent_id is not None:
            node.flags, node.rule = UNKNOWN_NODE.flags, UNKNOWN_NODE.rule  # an orphan: fail closed
        self.nodes[nid] = node
        if parent is not None and parent.children is not None:
            parent.children.link(nid, node, before)  # in page order: sibling selectors (+, ~, :nth-*) read it
        if full is not None:
            if is_editable(tag, attrs):
                node.flags |= EDITABLE  # not a protection: no rule, not sticky; inherited below
                self._unsettled.append(nid)
            self._classify(nid, node, policy, full)
            if tag == "html" and attrs.get("lang"):
                self.lang = attrs["lang"].split("-")[0].lower()
        elif kind == NodeType.TEXT:
            self._note_label_text(node, serialized.get("textContent"))
        sticky_flags, sticky_rule = self.sticky.get(nid, (0, None))
        if sticky_flags & ~node.flags:
            node.flags |= sticky_flags
            node.rule = node.rule or sticky_rule
        if floor and nid in self.floor:
            floor_flags, floor_rule = self.floor[nid]
            if floor_flags & ~node.flags:
                node.flags |= floor_flags
                node.rule = node.rule or floor_rule
        if tag == "label" and attrs and attrs.get("for"):
            self._note_label_for(nid, attrs["for"])
        return nid

    def _classify(self, nid: int, node: Node, policy: Policy, full: dict[str, str]) -> None:
        """Markers judge the attributes whole, before anything is cut for keeping."""
        for marker in policy.markers.matching(full):
            self._flag(nid, node, marker.flags, marker.id)

    def _flag(self, nid: int, node: Node, flags: int, rule: str) -> bool:
        """Adds flags to a node (sticky). Returns whether it gained any."""
        gained = flags & ~node.flags
        if not gained:
            return False
        self.dirty = True
        node.flags |= flags
        if node.rule is None or flags & BLOCKED:
            node.rule = rule
        old_flags, old_rule = self.sticky.get(nid, (0, None))
        self.sticky[nid] = (old_flags | flags, old_rule or rule)
        return True

    def _note_label_text(self, text_node: Node, text: Any) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        for depth, ancestor in enumerate(self._ancestors_of(text_node)):
            if depth > 3 or ancestor.tag in _FORM_CONTROLS:
                return
            if ancestor.tag in _LABELLING:
                ancestor.label_text = ((ancestor.label_text or "") + " " + text)[:_MAX_LABEL_TEXT]
                return

    def _ancestors_of(self, node: Node) -> Iterator[Node]:
        seen = 0
        while node.parent is not None and seen < 10_000:
            parent = self.nodes.get(node.parent)
            if parent is None:
                return
            yield parent
            node, seen = parent, seen + 1

    def _unlink(self, nid: int, node: Node) -> None:
        """Takes the node out of its parent's children (if it is in them: not an orphan)."""
        parent = self.nodes.get(node.parent) if node.parent is not None else None
        if parent is not None and parent.children is not None and nid in parent.children:
            parent.children.unlink(nid, node)

    def _drop_subtree(self, nid: int, keep_root: bool = False) -> None:
        """Forgets a node's subtree (already unlinked); what protected each id stays its floor."""
        for gone in list(self.subtree(nid)):
            node = self.nodes[gone]
            self._raise_floor(gone, node)
            if gone == nid and keep_root:
                continue
            del self.nodes[gone]

    def remove(self, nid: Any) -> None:
        if node_id(nid) is None or nid not in self.nodes:
            return
        self.dirty = True
        node = self.nodes[nid]
        parent = node.parent
        self._unlink(nid, node)
        self._drop_subtree(nid)
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
        node = self.nodes.get(nid)
        if node is None or node.attrs is None:
            return
        self.dirty = True
        full = {**node.attrs, **attribute_strings(changes)}
        for name, value in changes.items():
            if value is None:
                node.attrs.pop(name, None)
                full.pop(name, None)
        node.attrs = kept_attributes(full, policy)
        node.meaning = None
        if node.tag == "label" and node.attrs.get("for"):
            self._note_label_for(nid, node.attrs["for"])
        before = node.flags
        if is_editable(node.tag, node.attrs):
            node.flags |= EDITABLE
            self._unsettled.append(nid)
        self._classify(nid, node, policy, full)
        if node.flags != before:
            self.spread(nid)

    def spread(self, nid: int) -> None:
        """Passes a node's flags down to its subtree (after it gained some)."""
        top = self.nodes[nid]
        for below in self.subtree(nid):
            node = self.nodes[below]
            if top.flags & ~node.flags:
                node.flags |= top.flags
                node.rule = node.rule if node.rule and not top.flags & BLOCKED else top.rule

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
            if self._flag(nid, self.nodes[nid], flags, rule):
                self.spread(nid)

    # -- field meaning ------------------------------------------------------------------------
    def meaning(self, nid: int, policy: Policy) -> str:
        """What a form field (or a text-only element) holds, from its attributes and label:
        'EMAIL_ADDRESS', 'PERSON', … or '' when nothing says."""
        node = self.nodes.get(nid)
        if node is None or node.attrs is None:
            return ""
        if node.meaning is None:
            field = is_editable(node.tag, node.attrs)
            node.meaning = self._field_meaning(nid, node, policy) if field else self._container_meaning(node, policy)
        return node.meaning

    def _field_meaning(self, nid: int, node: Node, policy: Policy) -> str:
        attrs = node.attrs or {}
        return policy.fields.field_meaning(
            attrs.get("type", ""), attrs.get("autocomplete", ""),
            " ".join(attrs.get(a, "") for a in ("name", "id")),
            " ".join([*(attrs.get(a, "") for a in ("placeholder", "aria-label", "title")), self._label_of(nid, node)]))

    def _container_meaning(self, node: Node, policy: Policy) -> str:
        attrs = node.attrs or {}
        return policy.fields.container_meaning(" ".join(attrs.get(a, "") for a in ("id", "class", "itemprop")))

    def _label_of(self, nid: int, node: Node) -> str:
        for depth, ancestor in enumerate(self._ancestors_of(node)):
            if ancestor.tag == "label":
                return ancestor.label_text or ""
            if depth > 4:
                break
        own_id = (node.attrs or {}).get("id")
        if own_id and (label := self._label_for(own_id)) is not None:
            return label.label_text or ""
        # <label>E-mail</label><input>: a label just before the field, without for=
        siblings = self.nodes[node.parent].children if node.parent in self.nodes else None
        if siblings and nid in siblings:
            for sibling in siblings.before(nid):
                before = self.nodes.get(sibling)
                if before is None or before.attrs is None:
                    continue  # text between them
                return (before.label_text or "") if before.tag == "label" and not before.attrs.get("for") else ""
        return ""

    def _note_label_for(self, nid: int, for_id: str) -> None:
        """Indexes <label for=…> so a field finds its label without a scan of the page."""
        self._labels.setdefault(for_id, []).append(nid)

    def _label_for(self, own_id: str) -> Node | None:
        """The first label (in the order they came) still pointing at own_id. Entries of labels
        gone or changed since are dropped on the way: each costs once."""
        candidates = self._labels.get(own_id)
        if not candidates:
            return None
        for index, nid in enumerate(candidates):
            label = self.nodes.get(nid)
            if label is not None and label.tag == "label" and label.attrs and label.attrs.get("for") == own_id:
                del candidates[:index]
                return label
        del self._labels[own_id]
        return None

    # -- persistence (flags and structure only: never a value) ------------------------------
    def dump(self, saved: bool = True) -> dict[str, Any]:
        """The state: structure, flags, computed meanings, attribute names. saved=True (what goes
        to disk) is an allow-list: ids, tags, structure, flags, meanings, attribute names and the
        values of structural attributes only — no label text, no placeholder, no link, no value.
        saved=False (a frozen mirror, in memory only) keeps label texts for fields still to come."""
        return {
            "lang": self.lang,
            "page_blocked": self.page_blocked,
            "page": self.page,
            "policy_key": self.policy_key,
            "sticky": [[nid, flags, rule] for nid, (flags, rule) in self.sticky.items()],
            "floor": [[nid, flags, rule] for nid, (flags, rule) in self.floor.items()],
            "fresh": self.fresh,
            "taint": self.taint.dump(),
            "nodes": [
                [nid, n.parent, n.kind, n.tag, _saved_attributes(n.attrs) if saved else n.attrs, n.flags, n.rule,
                 None if n.children is None else list(n.children), None if saved else n.label_text, n.meaning]
                for nid, n in self.nodes.items()
            ],
        }

    def settle_meanings(self, policy: Policy) -> None:
        """Works out the meaning of every field inserted or changed since the last call, while
        its label's words are here: saved state keeps the meaning, never the words."""
        pending, self._unsettled = self._unsettled, []
        for nid in pending:
            node = self.nodes.get(nid)
            if node is not None and node.meaning is None and node.attrs is not None and is_editable(node.tag, node.attrs):
                self.meaning(nid, policy)

    @classmethod
    def load(cls, state: dict[str, Any]) -> DomMirror:
        mirror = cls()
        mirror.lang = state.get("lang")
        mirror.page_blocked = bool(state.get("page_blocked"))
        mirror.policy_key = state.get("policy_key", "")
        mirror.page = state.get("page", "")
        mirror.dirty = False
        mirror.sticky = {nid: (flags, rule) for nid, flags, rule in state.get("sticky", [])}
        mirror.floor = {nid: (flags, rule) for nid, flags, rule in state.get("floor", [])}
        mirror.fresh = bool(state.get("fresh"))
        mirror.taint = Taint.load(state.get("taint"))
        links: list[tuple[Children, list[int]]] = []
        for nid, parent, kind, tag, attrs, flags, rule, children, label_text, meaning in state.get("nodes", []):
            node = Node(parent, kind, tag, attrs)
            node.flags, node.rule, node.label_text, node.meaning = flags, rule, label_text, meaning
            if children is not None:
                node.children = Children(nid, mirror.nodes)
                links.append((node.children, children))
            mirror.nodes[nid] = node
            if tag == "label" and attrs and attrs.get("for"):
                mirror._note_label_for(nid, attrs["for"])
        for siblings, ids in links:
            for child in ids:
                node = mirror.nodes.get(child)
                if node is not None and node.parent == siblings.owner and child not in siblings:
                    siblings.link(child, node, None)
        return mirror


__all__ = ["DomMirror", "Node", "Verdict", "UNKNOWN_NODE", "BLOCKED", "SENSITIVE", "MASK_TEXT"]
