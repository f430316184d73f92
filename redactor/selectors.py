"""Site selectors matched on the DomMirror itself, with soupsieve's semantics.

Building a BeautifulSoup tree from a 2,000-node mirror and running soupsieve on it costs
tens of milliseconds, ten times the rest of a batch, and keeping one tree per session costs
megabytes. So the selectors are matched on the mirror's own nodes instead: soupsieve parses and
compiles each selector (so what is valid, and what it means, is soupsieve's), and this module
interprets soupsieve's compiled form (`soupsieve.css_types`) the way `soupsieve.css_match` does
on the tree `MirrorView.soup()` builds: element nodes only (no text), document nodes
transparent (an iframe's document hangs on the iframe), `<template>` contents out of reach, no
namespaces (every element is HTML), class-like attributes split on whitespace as bs4 does.
`tests/test_selectors.py` proves it against soupsieve on random trees and random selectors.

State pseudo-classes are read from what the mirror keeps, as soupsieve reads them on that tree:
`:lang()` from the nearest `lang` attribute (else the page's `<meta http-equiv=content-language>`),
`:dir()` from the nearest `dir`, `:read-write` from the nearest `contenteditable`, `:defined` from
the tag name and `is`. What the mirror does not know (a direction `dir=auto` takes from text, a
value not saved) counts as matching, and as not matching inside `:not()`: fail closed, the way an
UNSAVED attribute value does. What reads values, choices or text the mirror never keeps
(`:checked`, `:default`, `:indeterminate`, `:placeholder-shown`, `:in-range`, `:contains()`) is
refused when a configuration is validated (why_never_matches). Nothing falls back to soupsieve on
a whole-page tree: a batch of one node on a page of 100,000 costs what the batch touches.

Speed: a selector is only tried on a node that has its rightmost compound's id, first class or
tag (others are tried everywhere). After a change (mutation adds, an attribute change, removes)
only the nodes whose match can change are re-matched: the changed nodes; their siblings when a
selector looks at siblings or positions (`~`, `+`, `:nth-*`, `:root`), only those after a change
when it looks at earlier siblings, before it when at later ones; their subtrees when a
selector looks at ancestors (` `, `>`, or an inherited state: `:lang()`, `:dir()`,
`:read-write`); the elements whose language a changed `<meta>` gives; their ancestors when a selector uses `:has()` or
`:empty` (and the siblings and subtrees of those when such a part sits left of a combinator).
Nothing is kept between calls: the caches below live for one call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import soupsieve
from soupsieve import css_match, css_parser
from soupsieve import css_types as ct
from soupsieve.util import ascii_lower

from redactor.bounded_cache import short_lru_cache
from redactor.nodetable import ELSEWHERE, NONE, UNSAVED

if TYPE_CHECKING:  # pragma: no cover
    from redactor.nodetable import Nodes

NS_XHTML = "http://www.w3.org/1999/xhtml"
_HTML_NAMESPACES = {"html": NS_XHTML}
_NO_NAMESPACES: dict[str, str] = {}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: bs4 splits these attributes into word lists (its HTML builder's "cdata list attributes");
#: soupsieve then matches them joined by one space
_LIST_ATTRIBUTES_ANY = frozenset({"class", "accesskey", "dropzone"})
_LIST_ATTRIBUTES = {
    "a": {"rel", "rev"}, "link": {"rel", "rev"}, "td": {"headers"}, "th": {"headers"},
    "form": {"accept-charset"}, "object": {"archive"}, "area": {"rel"}, "icon": {"sizes"},
    "iframe": {"sandbox"}, "output": {"for"},
}
_BS4_WORDS = re.compile(r"\S+")  # bs4's split
_SIEVE_WORDS = re.compile(r"[^ \t\r\n\f]+")  # soupsieve's split of a class string bs4 left whole
_DIR_FLAGS = ct.SEL_DIR_LTR | ct.SEL_DIR_RTL
_STRUCTURE_FLAGS = ct.SEL_ROOT | ct.SEL_SCOPE | ct.SEL_EMPTY
#: selector flags interpreted here; any other (or :contains) is refused at validation
_NATIVE_FLAGS = _STRUCTURE_FLAGS | ct.SEL_DEFINED | ct.SEL_EDITABLE | _DIR_FLAGS
#: states an element inherits from its ancestors' attributes (lang, dir, contenteditable)
_INHERITED_FLAGS = ct.SEL_EDITABLE | _DIR_FLAGS
#: soupsieve's own filter of a language range (RFC 4647), its reserved names and keyword tables are read below
_LANGUAGE_FILTER = css_match.CSSMatch.extended_language_filter  # uses nothing of its instance
_KEYWORD = css_match.KEYWORD_LIMIT
_INHERIT = object()  # MirrorView._inherited(): the element says nothing, its parent's state is its own
#: where soupsieve looks for the page's language when no lang attribute gives one (resolve_lang)
_PAGE_LANGUAGE_HOLDERS = frozenset({"html", "head", "meta"})
_SIBLING_RELATIONS = frozenset({"~", "+", ":~", ":+"})
_ANCESTOR_RELATIONS = frozenset({" ", ">"})

TOP = -1  # the container of top-level elements (the soup document)
DETACHED = -2  # not reachable from the top: never matched


def lower(text: str) -> str:
    """ASCII-only lower case, like soupsieve's util.lower."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


#: tag and attribute names repeat: their lower case is looked up, not computed; bounded, as a
#: page may invent names (custom elements, data-* attributes)
NAME_CACHE_SIZE = 8192
lower_name = short_lru_cache(NAME_CACHE_SIZE)(lower)


@short_lru_cache(NAME_CACHE_SIZE)
def _plain_name(name: str) -> bool:
    return lower(name) == name


def plain(attrs: dict[str, str]) -> bool:
    """Whether every attribute name is in lower case already (rrweb's HTML: nearly always)."""
    return all(map(_plain_name, attrs))


# ---------------------------------------------------------------------------------------------
# The compiled policy selectors: buckets by rightmost compound, and what a change can affect
@dataclass
class Features:
    """What the selectors look at besides a node itself: decides the nodes a change can affect."""

    ancestors: bool = False  # ' ' or '>': a node's match depends on its ancestors
    siblings: bool = False  # '~', '+', ':~', ':+', :nth-*, :root, :scope: depends on siblings
    earlier: bool = False  # … on earlier siblings ('~', '+', :nth-child, :first-*): a change moves those after it
    later: bool = False  # … on later siblings (':~', ':+', :nth-last-*, :last-*): a change moves those before it
    distant: bool = False  # … on siblings beyond the adjacent one ('~', ':~', :nth-*, :root, :scope)
    children: bool = False  # :has() or :empty: depends on descendants (or following siblings)
    children_left: bool = False  # such a part left of a combinator, in :nth-*(of S), or :has(~ …)
    language: bool = False  # :lang(): a <meta http-equiv=content-language> in <head> gives the page's


def _selectors_in(selector_list: ct.SelectorList) -> Iterator[ct.Selector]:
    """Every Selector object in a list, nested ones included."""
    stack = [selector_list]
    while stack:
        for selector in stack.pop():
            if selector is ct.Null:
                continue
            yield selector
            stack.extend(selector.selectors)
            stack.extend(n.selectors for n in selector.nth)
            if selector.relation:
                stack.append(selector.relation)


#: attributes the mirror never keeps (what a visitor typed or chose, CSS, srcdoc): a selector
#: that reads them (`[value=…]`, `:checked`, `:default`) can never match on it
UNKEPT_ATTRIBUTES = frozenset({"value", "_cssText", "srcdoc", "rr_dataURL", "checked", "selected"})
#: how much of an attribute's value the mirror keeps: structural values (a Tailwind `class` of 2 KB) whole up
#: to the first, others up to the second; an attribute test on a longer value can never match on it
MAX_KEPT_STRUCTURAL = 8192
MAX_KEPT_VALUE = 256
#: what soupsieve puts around an attribute test's escaped value, per operator (css_parser's own patterns)
_PATTERN_WRAPPERS = tuple(sorted(
    (tuple(css_parser.CSSParser.parse_attribute_pattern(op, "\0").pattern.split("\0"))
     for op in ("=", "^=", "$=", "*=", "~=", "|=", "!=")), key=lambda wrap: -len("".join(wrap))))
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
#: states that depend on a field's live value (`:placeholder-shown`, `:in-range`…): never known
_VALUE_STATES = ct.SEL_PLACEHOLDER_SHOWN | ct.SEL_IN_RANGE | ct.SEL_OUT_OF_RANGE | ct.SEL_INDETERMINATE


def why_never_matches(compiled: soupsieve.SoupSieve, is_structural: Callable[[str], bool]) -> str | None:
    """Why a selector can never match on the mirror (it would pass validation and block
    nothing), or None. Checked on soupsieve's compiled form, so `:checked` is caught by the
    `[checked]` it expands to. is_structural: whether an attribute's value is kept whole (to
    MAX_KEPT_STRUCTURAL) rather than cut (to MAX_KEPT_VALUE)."""
    if not compiled.selectors or all(s is ct.Null or isinstance(s, ct.SelectorNull) for s in compiled.selectors):
        return "it names a state a recording does not show (:hover, :focus, :visited, :target…)"
    for selector in _selectors_in(compiled.selectors):
        unkept = sorted({a.attribute for a in selector.attributes} & UNKEPT_ATTRIBUTES)
        if unkept:
            return (f"it reads the {unkept[0]!r} attribute, which the proxy never keeps (a visitor's value or "
                    "choice, or CSS): select the element by its id, class, name or another attribute")
        for test in selector.attributes:
            kept = MAX_KEPT_STRUCTURAL if is_structural(test.attribute) else MAX_KEPT_VALUE
            if test.pattern is not None and not test.inverse and _tested_length(test.pattern) > kept:
                return (f"it tests {test.attribute!r} for a value of more than {kept} characters, and the proxy keeps "
                        f"{kept} characters of that attribute: test a shorter part of it (^=, *=)")
        if selector.flags & _VALUE_STATES:
            return "it depends on a field's live value (:placeholder-shown, :in-range…), which the proxy never keeps"
        if selector.contains:
            return "it reads text (:-soup-contains), which the proxy does not keep for selectors"
        if selector.flags & ~_NATIVE_FLAGS:
            return "it uses a pseudo-class the proxy cannot read from what it keeps of the page"
    return None


def _tested_length(pattern: re.Pattern[str]) -> int:
    """The length of the value an attribute test compares with (its pattern, without soupsieve's wrapping)."""
    source = pattern.pattern
    for before, after in _PATTERN_WRAPPERS:
        if source.startswith(before) and source.endswith(after) and len(source) >= len(before) + len(after):
            source = source[len(before):len(source) - len(after)]
            break
    return len(_ESCAPED.sub(r"\1", source))


def _language_matches(language: str, langs: tuple[ct.SelectorLang, ...]) -> bool:
    """soupsieve's match_lang on a resolved language: each :lang() matches one of its ranges."""
    if language and css_match.RE_LANG_TAG.fullmatch(language) is None:
        return False  # not well-formed: matches nothing, not even :lang('*')
    return all(any(_LANGUAGE_FILTER(None, pattern, language) for pattern in patterns) for patterns in langs)


def _looks_down(selector_list: ct.SelectorList) -> bool:
    return any(s.flags & ct.SEL_EMPTY or (s.rel_type or "").startswith(":") for s in _selectors_in(selector_list))


def _is_past(relation: ct.SelectorList) -> bool:
    """A relation to the left (ancestor, earlier sibling), not the inside of a :has()."""
    first = relation[0]
    return first is not ct.Null and not (first.rel_type or "").startswith(":")


def _features(selector_list: ct.SelectorList, features: Features) -> None:
    for selector in _selectors_in(selector_list):
        rel = selector.rel_type or ""
        if rel in _ANCESTOR_RELATIONS or selector.lang or selector.flags & _INHERITED_FLAGS:
            features.ancestors = True
        if selector.lang:
            features.language = True
        if rel in _SIBLING_RELATIONS or selector.nth or selector.flags & (ct.SEL_ROOT | ct.SEL_SCOPE):
            features.siblings = True
        if rel in ("~", ":~") or selector.nth or selector.flags & (ct.SEL_ROOT | ct.SEL_SCOPE):
            features.distant = True
        if rel in ("~", "+") or any(not nth.last for nth in selector.nth):
            features.earlier = True
        if rel in (":~", ":+") or any(nth.last for nth in selector.nth):
            features.later = True
        if selector.flags & (ct.SEL_ROOT | ct.SEL_SCOPE):
            features.earlier = features.later = True
        if rel.startswith(":") or selector.flags & ct.SEL_EMPTY:
            features.children = True
        if rel in (":~", ":+"):
            features.children_left = True
        if selector.relation and _is_past(selector.relation) and _looks_down(selector.relation):
            features.children_left = True
        if any(_looks_down(n.selectors) for n in selector.nth):
            features.children_left = True


class CompiledSelectors:
    """A policy's selector groups [(flags, rule, SoupSieve)], ready to match on mirrors."""

    def __init__(self, groups: tuple[tuple[int, str, soupsieve.SoupSieve], ...]):
        self.groups = groups
        self.by_id: dict[str, list[tuple[int, ct.Selector]]] = {}
        self.by_class: dict[str, list[tuple[int, ct.Selector]]] = {}
        self.by_tag: dict[str, list[tuple[int, ct.Selector]]] = {}
        self.universal: list[tuple[int, ct.Selector]] = []
        self.features = Features()
        for group, (_flags, _rule, compiled) in enumerate(groups):
            for selector in compiled.selectors:
                if selector is not ct.Null:
                    self._bucket(selector).append((group, selector))
            _features(compiled.selectors, self.features)

    def _bucket(self, selector: ct.Selector) -> list[tuple[int, ct.Selector]]:
        if selector.ids:
            return self.by_id.setdefault(selector.ids[0], [])
        if selector.classes:
            return self.by_class.setdefault(selector.classes[0], [])
        tag = selector.tag
        if tag is not None and tag.name not in (None, "*"):
            return self.by_tag.setdefault(lower_name(tag.name), [])
        return self.universal

    def matches(self, nodes: Nodes, candidates: Iterable[int] | None,
                removed_from: Iterable[int | None] = ()) -> list[list[int]]:
        """The node ids each group matches, among the nodes whose match may have changed:
        all nodes (candidates None), or those a change to `candidates` (added or changed nodes)
        and to the children of `removed_from` (parents that lost children) can affect."""
        found: list[list[int]] = [[] for _ in self.groups]
        for group, nid in self.iter_matches(nodes, candidates, removed_from):
            found[group].append(nid)
        return found

    def iter_matches(self, nodes: Nodes, candidates: Iterable[int] | None,
                     removed_from: Iterable[int | None] = (),
                     settled: tuple[int, ...] | None = None) -> Iterator[tuple[int, int]]:
        """(group, node id) of the matches (see matches()), lazily, in document order for a
        full match. settled: each group's flags; a node that has them all already is not
        tried for that group (flags are sticky: a match would change nothing), so a caller that
        flags (and spreads down) as matches come skips the subtrees it has just blocked."""
        view = MirrorView(nodes)
        table = view.table
        if candidates is None:  # every element, in document order
            scope: Iterable[int] = view.all_elements()
        else:
            held = (slot for nid in candidates if (slot := table.slot(nid)) != NONE)
            scope = view.affected(held, removed_from, self.features)
        shapes, node_flags, id_of = table.shape, table.flags, table.id_of
        by_id, by_class, by_tag, universal = self.by_id, self.by_class, self.by_tag, self.universal
        every = sum(settled) if settled else 0
        if by_id or by_class or by_tag or universal:
            full = candidates is None
            for nid in scope:
                if not full and not view.selectable(nid):
                    continue
                flags = node_flags[nid]
                if settled and flags & every == every and all(flags & f == f for f in settled):
                    continue
                _, tag, attrs, *_ = shapes[nid]
                tried: list[tuple[int, ct.Selector]] = []
                if plain(attrs):  # the names are the keys: look them up directly
                    own_id = attrs.get("id") if by_id else None
                    # str.split() splits on what bs4's \S+ does not match (both: str.isspace)
                    names = attrs["class"].split() if by_class and "class" in attrs else ()
                else:
                    own_id = view.attribute(nid, "id") if by_id else None
                    names = view.classes(nid) if by_class else ()
                if own_id is not None and own_id in by_id:
                    tried += by_id[own_id]
                for name in (names if len(names) < 2 else dict.fromkeys(names)):
                    if name in by_class:
                        tried += by_class[name]
                if by_tag:
                    tried += by_tag.get(lower_name(tag or "div"), ())
                if universal:
                    tried += universal
                done = 0
                for group, selector in tried:
                    if done & (1 << group) or (settled and node_flags[nid] & settled[group] == settled[group]):
                        continue
                    if view.match(nid, selector, _NO_NAMESPACES):
                        done |= 1 << group
                        yield group, id_of(nid)


@functools.lru_cache(maxsize=64)
def compiled_for(groups: tuple[tuple[int, str, soupsieve.SoupSieve], ...]) -> CompiledSelectors:
    """Compiled once per policy (Policy.selectors is an immutable, hashable tuple)."""
    return CompiledSelectors(groups)


# ---------------------------------------------------------------------------------------------
class MirrorView:
    """The mirror's nodes seen as soupsieve sees the tree `MirrorView.soup()` builds.
    Lives for one matching call: its caches assume the nodes do not change meanwhile.
    Nodes are named by their slots in the mirror's NodeTable (ids only at the edges)."""

    def __init__(self, nodes: Nodes):
        self.nodes = nodes
        self.table = nodes.table
        self._kids: dict[int, list[int]] = {}
        self._index: dict[int, dict[int, int]] = {}
        self._container: dict[int, int] = {}
        self._selectable: dict[int, bool] = {}
        self._attrs: dict[int, dict[str, tuple[str, str]]] = {}
        self._nth: dict[tuple[int, int, bool], tuple[dict[int, int], dict[str, int] | int]] = {}
        self._memo: dict[tuple[int, int, bool], bool] = {}
        # inherited states, resolved once per element and call (None: not known)
        self._language: dict[int, Any] = {}
        self._direction: dict[int, Any] = {}
        self._editable: dict[int, Any] = {}
        # inside an odd number of :not(): a test of a value the mirror does not know (UNSAVED)
        # then fails, so that the selector around it matches (fail closed either way)
        self._negated = False

    # -- the tree --------------------------------------------------------------------------
    def tag(self, nid: int) -> str:
        return self.table.shape[nid][1] or "div"  # type: ignore[index]

    def _up(self, nid: int) -> int:
        """The slot of the node's parent, linked or not; NONE if it has none held."""
        above = self.table.parent[nid]
        return self.table.slot(self.table.odd_parent[nid]) if above == ELSEWHERE else above

    def kids(self, key: int) -> list[int]:
        """Element children of an element (TOP: of the document), document nodes flattened."""
        kids = self._kids.get(key)
        if kids is not None:
            return kids
        table = self.table
        shapes = table.shape
        if key == TOP:
            sequence: Iterable[int] = [slot for slot in table.roots if self._up(slot) == NONE]
        else:
            sequence = table.child_slots(key)
        kids = []
        stack = [iter(sequence)]
        while stack:
            for child in stack[-1]:
                _, _, attrs, container, _ = shapes[child]  # type: ignore[misc]
                if attrs is not None:
                    kids.append(child)
                elif container:  # a document: its children hang on this parent
                    stack.append(table.child_slots(child))
                    break
            else:
                stack.pop()
        self._kids[key] = kids
        return kids

    def index(self, key: int) -> dict[int, int]:
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = {nid: i for i, nid in enumerate(self.kids(key))}
        return index

    def container(self, nid: int) -> int:
        """The element whose (flattened) children hold nid; TOP; or DETACHED."""
        found = self._container.get(nid)
        if found is not None:
            return found
        table = self.table
        shapes, parents = table.shape, table.parent
        current, found = nid, DETACHED
        # membership is checked link by link as we climb (a node is linked under its parent or
        # not), not in the flattened children of the container: building those for a parent
        # of N children made each mutation O(N), whatever the selectors need
        for _ in range(10_000 if shapes[nid][2] is not None else 0):  # type: ignore[index]
            above = parents[current]
            if above < 0:  # not linked: at the top if its parent is not held, else out of reach
                if above == NONE or table.slot(table.odd_parent[current]) == NONE:
                    found = TOP
                break
            if shapes[above][2] is not None:  # type: ignore[index]
                found = above
                break
            current = above  # a document node: climb through it
        self._container[nid] = found
        return found

    def is_template(self, nid: int) -> bool:
        tag = self.table.shape[nid][1]  # type: ignore[index]
        return len(tag) == 8 and lower_name(tag) == "template"

    def selectable(self, nid: int) -> bool:
        """An element that select() reaches from the document: attached, not inside a <template>."""
        known = self._selectable.get(nid)
        if known is not None:
            return known
        chain = []
        current = nid
        result = False
        while True:
            known = self._selectable.get(current)
            if known is not None:
                result = known
                break
            if self.table.shape[current][2] is None:  # type: ignore[index]
                result = False
                break
            chain.append(current)
            above = self.container(current)
            if above == TOP:
                result = True
                break
            if above == DETACHED or self.is_template(above) or len(chain) > 10_000:
                result = False
                break
            current = above
        for item in chain:
            self._selectable[item] = result
        return result

    def parent(self, nid: int) -> int | None:
        """soupsieve's get_parent(): the parent element, not the document, not a template."""
        above = self.container(nid)
        if above < 0 or self.is_template(above):
            return None
        return above

    def children(self, nid: int) -> list[int]:
        """Element children that soupsieve navigates into (none for a template)."""
        return [] if self.is_template(nid) else self.kids(nid)

    def neighbour(self, nid: int, forward: bool) -> int | None:
        """The element sibling just after (forward) or before nid, as siblings() has it, found
        by following the links from nid: `+` costs the distance to it, not a list of the N
        siblings. None at either end, or when detached."""
        table = self.table
        above = self.container(nid)
        if above == DETACHED:
            return None
        if above != TOP and table.parent[nid] == above:  # linked right under its container
            shapes = table.shape
            current = table.next[nid] if forward else table.previous(nid)
            while current != NONE:
                _, _, attrs, container, _ = shapes[current]  # type: ignore[misc]
                if attrs is not None:
                    return current
                if container:
                    break  # a document among them: its children count as siblings (below)
                current = table.next[current] if forward else table.previous(current)
            else:
                return None
        siblings, position = self.siblings(nid)  # at the top, or with documents flattened in
        position += 1 if forward else -1
        return siblings[position] if 0 <= position < len(siblings) else None

    def siblings(self, nid: int) -> tuple[list[int], int]:
        """The element siblings (nid included) and nid's position; ([], -1) when detached."""
        above = self.container(nid)
        if above == DETACHED:
            return [], -1
        return self.kids(above), self.index(above)[nid]

    def all_elements(self) -> Iterator[int]:
        """Every selectable element, in document order (as select() walks the soup: each
        element's container is the one whose children list holds it)."""
        container, selectable = self._container, self._selectable
        stack = [(TOP, iter(self.kids(TOP)))]
        while stack:
            above, kids = stack[-1]
            for nid in kids:
                container[nid] = above
                selectable[nid] = True
                yield nid
                if not self.is_template(nid):
                    stack.append((nid, iter(self.kids(nid))))
                    break
            else:
                stack.pop()

    def subtree(self, nid: int) -> Iterator[int]:
        stack = [nid]
        while stack:
            current = stack.pop()
            yield current
            if not self.is_template(current):
                stack.extend(self.kids(current))

    def affected(self, candidates: Iterable[int], removed_from: Iterable[int | None], features: Features) -> set[int]:
        """The elements whose match can change after a change to these nodes (module doc)."""
        table = self.table
        changed = {nid for nid in candidates if table.shape[nid][2] is not None}  # type: ignore[index]
        # a removal changes what remains only for selectors that look at siblings, positions
        # or contents: without them, re-matching the parent's N children made each remove O(N)
        for parent_id in removed_from if features.siblings or features.children or features.language else ():
            parent = table.slot(parent_id)
            if parent == NONE:
                changed.update(self.kids(TOP))
                continue
            if table.shape[parent][2] is not None:  # type: ignore[index]
                changed.add(parent)
                changed.update(self.kids(parent))
            else:  # a document node lost a child: its container's children are the siblings
                around = self._document_container(parent)
                changed.update(self.kids(around) if around != DETACHED else ())
                if around >= 0:
                    changed.add(around)
        own: set[int] = set()
        if features.language:
            # a <meta> (or the <head>/<html> holding it) changed: every element may take the page's
            # language from it, unless the outermost element has a lang of its own (as pages do)
            holders = [nid for nid in changed if lower_name(self.tag(nid)) in _PAGE_LANGUAGE_HOLDERS]
            changed.update(top for top in {self._top(nid) for nid in holders} if self.attribute(top, "lang") is None)
        if features.children:
            above = set()
            for nid in changed:
                current = self.parent(nid) if self.container(nid) != DETACHED else None
                while current is not None and current not in above:
                    above.add(current)
                    current = self.parent(current)
            if features.children_left:
                changed |= above
            else:
                own = above
        scope = set(changed)
        if features.siblings and not features.distant:
            # only `+` (and :has(+ …)) look at siblings: the one just after a change (just before
            # for :has(+ …)) is all that can change, found without the list of siblings
            for nid in changed:
                for forward in (True, False) if features.earlier and features.later else (features.earlier,):
                    beside = self.neighbour(nid, forward)
                    if beside is not None:
                        scope.add(beside)
        elif features.siblings:
            # only the siblings on the side whose matches depend on the change: after the first
            # changed one (earlier siblings matter), before the last (later ones matter), so an
            # append to a list of N with `+`, `~` or :nth-child re-matches the new node alone
            spans: dict[int, list[int]] = {}  # container → [first, last] position changed
            for nid in changed:
                above = self.container(nid)
                if above == DETACHED:
                    continue
                position = self.index(above)[nid]
                span = spans.setdefault(above, [position, position])
                span[0], span[1] = min(span[0], position), max(span[1], position)
            both = not (features.earlier or features.later) or (features.earlier and features.later)
            for above, (first, last) in spans.items():
                kids = self.kids(above)
                if both:
                    scope.update(kids)
                elif features.earlier:
                    scope.update(kids[first + 1:])
                else:
                    scope.update(kids[:last])
        if features.ancestors:
            for nid in list(scope):
                for below in self.subtree(nid):
                    scope.add(below)
        return scope | own

    def _top(self, nid: int) -> int:
        """The outermost element above nid that soupsieve's get_parent() reaches (itself if none)."""
        above = self.parent(nid)
        while above is not None:
            nid, above = above, self.parent(above)
        return nid

    def _document_container(self, nid: int) -> int:
        parent = nid
        for _ in range(10_000):
            if self.table.shape[parent][2] is not None:  # type: ignore[index]
                return parent
            parent = self._up(parent)
            if parent == NONE:
                return TOP
        return DETACHED

    # -- attributes -------------------------------------------------------------------------
    def _attributes(self, nid: int) -> dict[str, tuple[str, str]]:
        """lower-cased name → (name, value); the first of names equal but for case wins."""
        found = self._attrs.get(nid)
        if found is None:
            found = {}
            for name, value in (self.table.shape[nid][2] or {}).items():  # type: ignore[index]
                found.setdefault(lower_name(name), (name, value))
            self._attrs[nid] = found
        return found

    def attribute(self, nid: int, name: str) -> str | None:
        """The value soupsieve sees for an attribute (name in lower case), or None."""
        attrs = self.table.shape[nid][2] or {}  # type: ignore[index]
        if plain(attrs):
            key, value = name, attrs.get(name)
            if value is None:
                return None
        else:
            item = self._attributes(nid).get(name)
            if item is None:
                return None
            key, value = item
        if key in _LIST_ATTRIBUTES_ANY or key in _LIST_ATTRIBUTES.get(self.tag(nid).lower(), ()):
            return " ".join(_BS4_WORDS.findall(value))
        return value

    def classes(self, nid: int) -> list[str]:
        attrs = self.table.shape[nid][2] or {}  # type: ignore[index]
        if plain(attrs):
            value = attrs.get("class")
            return [] if value is None else _BS4_WORDS.findall(value)
        item = self._attributes(nid).get("class")
        if item is None:
            return []
        key, value = item
        return (_BS4_WORDS if key == "class" else _SIEVE_WORDS).findall(value)

    # -- matching (soupsieve.css_match.CSSMatch._match_selectors, on the mirror) ------------
    def match_list(self, nid: int, selectors: ct.SelectorList, namespaces: dict[str, str]) -> bool:
        if selectors.is_html:
            namespaces = _HTML_NAMESPACES
        matched = False
        is_not = selectors.is_not
        if is_not:
            self._negated = not self._negated
        try:
            for selector in selectors:
                matched = is_not
                if selector is ct.Null:
                    continue
                if self.match(nid, selector, namespaces):
                    matched = not is_not
                    break
        finally:
            if is_not:
                self._negated = not self._negated
        return matched

    def _match_related(self, nid: int, relation: ct.SelectorList, namespaces: dict[str, str]) -> bool:
        key = (id(relation), nid, self._negated)
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = self.match_list(nid, relation, namespaces)
        return known

    def match(self, nid: int, selector: ct.Selector, namespaces: dict[str, str]) -> bool:
        tag = selector.tag
        if tag is not None and not self._match_tag(nid, tag, namespaces):
            return False
        if selector.ids:
            own_id = self.attribute(nid, "id")
            own_id = "" if own_id is None else own_id
            if any(wanted != own_id for wanted in selector.ids):
                return False
        if selector.classes:
            own = self.classes(nid)
            if any(wanted not in own for wanted in selector.classes):
                return False
        for attribute in selector.attributes:
            value = self.attribute(nid, lower_name(attribute.attribute))
            if value is None:
                if attribute.inverse:
                    continue
                return False
            if attribute.pattern is None:
                continue
            if value == UNSAVED:  # a value the saved state did not hold: as if it matched (fail closed)
                if self._negated:
                    return False
                continue
            if attribute.ignore_case:
                value = lower(value)
            if attribute.pattern.search(value) is None:
                return False
        flags = selector.flags
        if flags & (ct.SEL_ROOT | ct.SEL_SCOPE) and not self._match_root(nid, flags):
            return False
        if flags & ct.SEL_EMPTY and self.children(nid):
            return False
        if flags & ~_STRUCTURE_FLAGS or selector.lang or selector.contains:
            known = self._match_state(nid, selector)
            if known is False or (known is None and self._negated):  # not known: fail closed
                return False
        if selector.nth and not self._match_nth(nid, selector.nth, namespaces):
            return False
        for sub in selector.selectors:
            if not self.match_list(nid, sub, namespaces):
                return False
        if selector.relation and not self._match_relation(nid, selector.relation, namespaces):
            return False
        return True

    def _match_tag(self, nid: int, tag: ct.SelectorTag, namespaces: dict[str, str]) -> bool:
        name = tag.name
        if name is not None and name != "*" and lower_name(name) != lower_name(self.tag(nid)):
            return False
        prefix = tag.prefix
        if prefix is None or prefix == "*":
            return True
        if prefix == "":
            return False  # `|div`: no namespace, and every element here is HTML
        return namespaces.get(prefix) == NS_XHTML

    # -- states (soupsieve's match_defined, match_dir, match_editable, match_lang) ------------
    def _match_state(self, nid: int, selector: ct.Selector) -> bool | None:
        """Whether the element is in the state the selector's pseudo-classes name, read from what
        the mirror keeps; None when that cannot be known (a direction taken from text)."""
        flags = selector.flags
        if flags & ct.SEL_DEFINED and not self._defined(nid):
            return False
        if flags & ct.SEL_EDITABLE and not self.editable(nid):
            return False
        known: bool | None = True
        if flags & _DIR_FLAGS:
            wanted = flags & _DIR_FLAGS
            found = self.direction(nid)
            if wanted == _DIR_FLAGS or (found is not None and found != wanted):
                return False
            if found is None:
                known = None
        if selector.lang:
            language = self.language(nid)
            if language is None:
                known = None
            elif not _language_matches(language, selector.lang):
                return False
        if flags & ~_NATIVE_FLAGS or selector.contains:
            known = None  # refused at validation (why_never_matches): a configuration that got here anyway fails closed
        return known

    def _defined(self, nid: int) -> bool:
        name = lower_name(self.tag(nid))
        custom = "-" in name and "a" <= name[0] <= "z" and name not in css_match.RESERVED_CUSTOM_ELEMENT_NAMES
        return not custom and self.attribute(nid, "is") is None

    def _inherited(self, nid: int, cache: dict[int, Any], own: Callable[[int], Any], at_top: Callable[[int], Any]) -> Any:
        """A state an element takes from the nearest element up that states it (own() is _INHERIT
        where it does not), else at_top(the outermost); cached for every element climbed (the
        elements of a page share their language, direction and editability)."""
        visited = []
        current = nid
        while True:
            if current in cache:
                found = cache[current]
                break
            visited.append(current)
            found = own(current)
            if found is not _INHERIT:
                break
            above = self.parent(current)
            if above is None:
                found = at_top(current)
                break
            current = above
        for item in visited:
            cache[item] = found
        return found

    def editable(self, nid: int) -> bool:
        """The nearest contenteditable that says '', 'true', 'plaintext-only' (editable) or 'false'
        decides; other values inherit. (A structural attribute: its value is always kept.)"""
        return self._inherited(nid, self._editable, self._own_editable, lambda _top: False)

    def _own_editable(self, nid: int) -> Any:
        value = self.attribute(nid, "contenteditable")
        state = None if value is None else ascii_lower(value, _KEYWORD)
        if state in ("", "true", "plaintext-only"):
            return True
        return False if state == "false" else _INHERIT

    def direction(self, nid: int) -> int | None:
        """SEL_DIR_LTR or SEL_DIR_RTL, from the nearest dir (left to right at the top); None where
        dir=auto (or a <bdi>) takes it from text or a typed value, which the mirror does not keep."""
        return self._inherited(nid, self._direction, self._own_direction, lambda _top: ct.SEL_DIR_LTR)

    def _own_direction(self, nid: int) -> Any:
        value = self.attribute(nid, "dir")
        stated = None if value is None else css_match.DIR_MAP.get(ascii_lower(value, _KEYWORD))
        if stated:  # ltr or rtl
            return stated
        tag = lower_name(self.tag(nid))
        if tag == "input" and stated is None and ascii_lower(self.attribute(nid, "type") or "", _KEYWORD) == "tel":
            return ct.SEL_DIR_LTR
        if stated == 0 or (tag == "bdi" and stated is None):
            return None  # dir=auto: from its value (a text field) or its text
        return _INHERIT

    def language(self, nid: int) -> str | None:
        """The nearest lang attribute, else the page's <meta http-equiv=content-language>, else ''
        (untagged); None when the value that says it was not saved."""
        return self._inherited(nid, self._language, self._own_language, self._page_language)

    def _own_language(self, nid: int) -> Any:
        value = self.attribute(nid, "lang")
        return _INHERIT if value is None else None if value == UNSAVED else value

    def _page_language(self, top: int) -> str | None:
        """As soupsieve looks for it: the first <meta http-equiv=content-language content=…> among
        the children of the <html> (else the <head>) under the outermost element; '' if none."""
        kids = self.children(top)
        for name in ("html", "head"):
            holder = next((kid for kid in kids if lower_name(self.tag(kid)) == name), None)
            if holder is not None:
                break
        else:
            return ""
        for kid in self.kids(holder):
            if lower_name(self.tag(kid)) != "meta":
                continue
            is_language, content = False, None
            for name, value in (self.table.shape[kid][2] or {}).items():  # type: ignore[index]
                name = lower_name(name)
                if name == "http-equiv" and ascii_lower(value, _KEYWORD) == "content-language":
                    is_language = True
                if name == "content":
                    content = value
                if is_language and content:
                    return None if content == UNSAVED else content
        return ""

    def _match_root(self, nid: int, flags: int) -> bool:
        top = self.kids(TOP)
        if not top or top[0] != nid:
            return False  # soupsieve's root (and :scope of a document) is its first element
        return not flags & ct.SEL_ROOT or len(top) == 1

    def _match_nth(self, nid: int, nths: tuple[ct.SelectorNth, ...], namespaces: dict[str, str]) -> bool:
        above = self.container(nid)
        for nth in nths:
            if above == DETACHED:
                index = 1 if self._nth_counted(nid, nid, nth, namespaces) else 0
            else:
                index = self._nth_index(nid, above, nth, namespaces)
            if not index:
                return False
            if nth.a != 0:
                diff = index - nth.b
                if diff % nth.a or diff // nth.a < 0:
                    return False
            elif index != nth.b:
                return False
        return True

    def _nth_counted(self, nid: int, sibling: int, nth: ct.SelectorNth, namespaces: dict[str, str]) -> bool:
        if nth.of_type and lower_name(self.tag(sibling)) != lower_name(self.tag(nid)):
            return False
        return not nth.selectors or self.match_list(sibling, nth.selectors, namespaces)

    def _nth_index(self, nid: int, above: int, nth: ct.SelectorNth, namespaces: dict[str, str]) -> int:
        key = (above, id(nth), self._negated)
        state = self._nth.get(key)
        if state is None:
            positions: dict[int, int] = {}
            totals: dict[str, int] | int
            if nth.of_type:
                totals = {}
                for sibling in self.kids(above):
                    kind = lower_name(self.tag(sibling))
                    totals[kind] = positions[sibling] = totals.get(kind, 0) + 1
            else:
                count = 0
                for sibling in self.kids(above):
                    if not nth.selectors or self.match_list(sibling, nth.selectors, namespaces):
                        count += 1
                        positions[sibling] = count
                totals = count
            state = self._nth[key] = (positions, totals)
        positions, totals = state
        index = positions.get(nid, 0)
        if index and nth.last:
            total = totals[lower_name(self.tag(nid))] if isinstance(totals, dict) else totals
            index = total - index + 1
        return index

    def _match_relation(self, nid: int, relation: ct.SelectorList, namespaces: dict[str, str]) -> bool:
        first = relation[0]
        if first is ct.Null:
            return False
        kind = first.rel_type
        if kind == " ":
            above = self.parent(nid)
            while above is not None:
                if self._match_related(above, relation, namespaces):
                    return True
                above = self.parent(above)
            return False
        if kind == ">":
            above = self.parent(nid)
            return above is not None and self._match_related(above, relation, namespaces)
        if kind in ("+", ":+"):
            beside = self.neighbour(nid, forward=kind == ":+")
            return beside is not None and self._match_related(beside, relation, namespaces)
        if kind in ("~", ":~"):
            siblings, position = self.siblings(nid)
            if position < 0:
                return False
            if kind == "~":
                return any(self._match_related(s, relation, namespaces) for s in siblings[:position])
            return any(self._match_related(s, relation, namespaces) for s in siblings[position + 1:])
        if kind == ":>":
            return any(self._match_related(child, relation, namespaces) for child in self.children(nid))
        if kind == ": ":
            stack = list(reversed(self.children(nid)))
            while stack:
                below = stack.pop()
                if self._match_related(below, relation, namespaces):
                    return True
                stack.extend(reversed(self.children(below)))
            return False
        return False  # pragma: no cover - soupsieve has no other relation

    # -- the tree soupsieve would see --------------------------------------------------------
    def soup(self) -> Any:
        """The bs4 tree DomMirror used to build, whose semantics this module keeps: what
        bench/selector_matching.py compares the matching on the mirror with (never used to match)."""
        from bs4 import BeautifulSoup, Tag

        soup = BeautifulSoup("", "html.parser")
        nodes = self.nodes
        roots = [nid for nid, node in nodes.items() if node.parent is None or node.parent not in nodes]
        stack: list[tuple[int, Any]] = [(nid, soup) for nid in reversed(roots)]
        while stack:
            nid, parent_tag = stack.pop()
            node = nodes.get(nid)
            if node is None or node.children is None:
                continue
            if node.attrs is not None:
                tag = Tag(name=node.tag or "div", attrs=dict(node.attrs), builder=soup.builder)
                tag.redactor_id = nid  # type: ignore[attr-defined]
                parent_tag.append(tag)
            else:
                tag = parent_tag  # documents: their children hang on the parent
            stack.extend((child, tag) for child in reversed(node.children))
        return soup
