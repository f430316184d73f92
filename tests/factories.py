"""Small factories for rrweb events and serialized nodes (like mitmproxy's tflow()).

Nodes get fresh ids unless one is given: `element("input", {"name": "email"}, id=70)`.
Everything returned is a plain dict, as rrweb sends it, so a test can still change it.

    page = document(element("html", {}, [element("body", {}, [form := element("form")])]))
    events = [meta("https://shop.example/checkout"), snapshot(page)]
    events += [input_event(field_id, "a"), mutation(adds=[add(form["id"], element("p"))])]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_ids = itertools.count(1000)
_clock = itertools.count(1_700_000_000_000, 10)

Node = dict[str, Any]
Event = dict[str, Any]

# rrweb's numbers (redactor.rrweb has them too; repeated so tests read as rrweb's wire format)
FULL_SNAPSHOT, INCREMENTAL, META, CUSTOM = 2, 3, 4, 5
MUTATION, MOUSE_MOVE, MOUSE_INTERACTION, SCROLL, INPUT = 0, 1, 2, 3, 5


def next_id() -> int:
    return next(_ids)


def now() -> int:
    return next(_clock)


def reset_clock() -> None:
    """Each test's events start at the same instant: a timestamp's digits then depend on the test
    alone, not on how many events the tests before it made (a planted "382" once sat in "…38230")."""
    global _clock
    _clock = itertools.count(1_700_000_000_000, 10)


def reset_ids() -> None:
    """Node ids drawn from 1000 again: a test that also fixes ids of its own (10_000, 20_000 + i) then meets
    none that the tests before it in the process drew (html_page's <html>, <head>, <body>)."""
    global _ids
    _ids = itertools.count(1000)


# -- serialized nodes ---------------------------------------------------------------------------
def element(tag: str, attrs: dict[str, Any] | None = None, children: Iterable[Node] = (), *,
            id: int | None = None, **extra: Any) -> Node:
    """An element node; extra keys (isSVG, needBlock, …) are passed through."""
    return {"type": 2, "tagName": tag, "attributes": dict(attrs or {}), "childNodes": list(children),
            "id": next_id() if id is None else id, **extra}


def text(content: str, *, id: int | None = None) -> Node:
    return {"type": 3, "textContent": content, "id": next_id() if id is None else id}


def comment(content: str, *, id: int | None = None) -> Node:
    return {"type": 5, "textContent": content, "id": next_id() if id is None else id}


def doctype(*, id: int | None = None) -> Node:
    return {"type": 1, "name": "html", "publicId": "", "systemId": "", "id": next_id() if id is None else id}


def document(*children: Node, id: int | None = None) -> Node:
    return {"type": 0, "childNodes": list(children), "id": next_id() if id is None else id}


def html_page(*body_children: Node, lang: str = "en", head: Iterable[Node] = ()) -> Node:
    """A whole document: doctype, <html lang>, <head>, <body> holding body_children."""
    return document(doctype(), element("html", {"lang": lang}, [element("head", {}, head),
                                                                  element("body", {}, body_children)]))


def walk(node: Node) -> Iterator[Node]:
    """A serialized node and every node below it, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.get("childNodes", [])))


def find(node: Node, predicate: Callable[[Node], bool]) -> Node:
    """The first node below (or at) node that satisfies predicate."""
    for current in walk(node):
        if predicate(current):
            return current
    raise LookupError("no such node")


def by_attr(node: Node, name: str, value: str) -> Node:
    return find(node, lambda n: n.get("attributes", {}).get(name) == value)


# -- events -------------------------------------------------------------------------------------
def meta(href: str = "https://shop.example/", width: int = 1280, height: int = 800) -> Event:
    return {"type": META, "data": {"href": href, "width": width, "height": height}, "timestamp": now()}


def snapshot(root: Node, *, top: int = 0, left: int = 0) -> Event:
    """A FullSnapshot of a document node (see document() / html_page())."""
    return {"type": FULL_SNAPSHOT, "data": {"node": root, "initialOffset": {"top": top, "left": left}},
            "timestamp": now()}


def incremental(source: int, **data: Any) -> Event:
    return {"type": INCREMENTAL, "data": {"source": source, **data}, "timestamp": now()}


def input_event(id: int, text: str, *, checked: bool = False) -> Event:
    """One Input event (rrweb sends one per keystroke, with the whole value so far)."""
    return incremental(INPUT, text=text, isChecked=checked, id=id)


def typing(id: int, value: str) -> list[Event]:
    """The Input events of typing value key by key."""
    return [input_event(id, value[:i]) for i in range(1, len(value) + 1)]


def click(id: int, x: int = 10, y: int = 10) -> Event:
    return incremental(MOUSE_INTERACTION, type=2, id=id, x=x, y=y)


def add(parent_id: int, node: Node, next_id: int | None = None) -> dict[str, Any]:
    """One entry of a Mutation's adds (rrweb flattens: children may come as their own adds)."""
    return {"parentId": parent_id, "nextId": next_id, "node": node}


def remove(parent_id: int, id: int) -> dict[str, Any]:
    return {"parentId": parent_id, "id": id}


def set_attributes(id: int, **attributes: Any) -> dict[str, Any]:
    """One entry of a Mutation's attributes; use attrs={...} for names that are not identifiers."""
    extra = attributes.pop("attrs", {})
    return {"id": id, "attributes": {**attributes, **extra}}


def set_text(id: int, value: str) -> dict[str, Any]:
    return {"id": id, "value": value}


def mutation(*, adds: Iterable[dict[str, Any]] = (), removes: Iterable[dict[str, Any]] = (),
             attributes: Iterable[dict[str, Any]] = (), texts: Iterable[dict[str, Any]] = ()) -> Event:
    return incremental(MUTATION, texts=list(texts), attributes=list(attributes), removes=list(removes),
                       adds=list(adds))


def custom(tag: str, payload: Any) -> Event:
    return {"type": CUSTOM, "data": {"tag": tag, "payload": payload}, "timestamp": now()}


# -- reading stored events ------------------------------------------------------------------------
def nodes_by_id(events: Iterable[Event]) -> dict[int, Node]:
    """Every serialized node of the snapshots and mutation adds of these events, by id (last wins)."""
    found: dict[int, Node] = {}
    for event in events:
        data = event.get("data") or {}
        roots = []
        if event.get("type") == FULL_SNAPSHOT:
            roots.append(data["node"])
        elif event.get("type") == INCREMENTAL and data.get("source") == MUTATION:
            roots.extend(a["node"] for a in data.get("adds", []))
        for root in roots:
            for node in walk(root):
                found[node["id"]] = node
    return found


def inputs_of(events: Iterable[Event], id: int) -> list[Event]:
    return [e for e in events if e.get("type") == INCREMENTAL and e["data"].get("source") == INPUT
            and e["data"].get("id") == id]
