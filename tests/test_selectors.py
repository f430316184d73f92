"""Site selectors on the DOM mirror: the same answer as soupsieve, before and after changes.

The property tests build a random DOM, give it to the mirror in rrweb's serialized form
(DomMirror.insert_tree) and to BeautifulSoup as HTML text (html.parser), and ask both about a
random selector: every element must get the same answer. Then they change the DOM as a session
does (a class added, nodes added, nodes removed), tell the mirror the way redact.py does, and
compare again: the mirror must have flagged every node that matches now (no leak), and only
nodes that matched at some point, or lie inside one (flags are sticky and inherited).

Known differences, by design, kept out of the grammar: the mirror keeps no text, so `:empty`
and `:contains()` see elements only; it keeps no `value`/`checked`/`selected` attribute (those
are what we protect), so selectors reading them (`[value]`, `:checked`) are refused when a
site configuration is validated. The state pseudo-classes (`:lang()`, `:dir()`, `:defined`,
`:read-write`) get their own vocabulary (STATE_*), pages with `<html>`, `<head>` and a
`<meta http-equiv=content-language>`; `dir=auto` and `<bdi>` take their direction from text the
mirror does not keep, so they are left out there and tested apart (fail closed).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field

import orjson
import pytest
import soupsieve
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redactor.dom import DomMirror
from redactor.policy import BLOCKED, Policy, SiteConfig
from redactor.selectors import compiled_for
from tests import factories as f

TAGS = ["div", "p", "span", "ul", "li", "a", "section", "td", "b", "template"]
ATTRIBUTES = ["id", "class", "rel", "title", "data-x", "lang", "headers"]  # lower case, as rrweb sends them
WORDS = ["a", "b", "c", "A", "x-y"]
VALUES = ["a", "b", "A", "a b", " b  a ", "x-y", "x", "", "en-GB", "b\u00a0a"]


# -- a random DOM (the model both trees are built from) ------------------------------------------
@dataclass
class El:
    id: int
    tag: str
    attrs: dict[str, str]
    children: list[El | str] = field(default_factory=list)

    def serialized(self) -> dict:
        return f.element(self.tag, self.attrs, [c.serialized() if isinstance(c, El) else f.text(c) for c in self.children],
                         id=self.id)

    def html(self) -> str:
        attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in self.attrs.items())
        inner = "".join(c.html() if isinstance(c, El) else html.escape(c) for c in self.children)
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"

    def elements(self):
        yield self
        for child in self.children:
            if isinstance(child, El):
                yield from child.elements()




# the state pseudo-classes' vocabulary: what they read (lang, dir, contenteditable, type, is) and
# where (custom elements, text fields, a page's <meta>); void elements only as leaves (html.parser)
STATE_TAGS = ["div", "p", "span", "section", "x-card", "font-face", "template", "textarea", "a"]
STATE_LEAVES = STATE_TAGS + ["input", "meta"]
VOID = {"input", "meta"}
STATE_VALUES = {
    "lang": ["nl", "nl-BE", "fr", "NL", "", "x_y", "en-GB"], "dir": ["ltr", "rtl", "RTL", "", "x"],
    "contenteditable": ["", "true", "FALSE", "false", "plaintext-only", "x"], "type": ["text", "tel", "checkbox", ""],
    "is": ["x-y", ""], "readonly": [""], "disabled": [""], "class": ["a", "b", "a b"],
    "http-equiv": ["content-language", "Content-Language", "refresh"], "content": ["nl", "fr-BE", ""],
}


@st.composite
def attributes(draw, states: bool = False) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(list(STATE_VALUES) if states else ATTRIBUTES), max_size=3, unique_by=str.lower))
    attrs = {}
    for name in names:
        if states:
            attrs[name] = draw(st.sampled_from(STATE_VALUES[name]))
        elif name.lower() == "class":
            attrs[name] = draw(st.sampled_from(["", " "])).join(draw(st.lists(st.sampled_from(WORDS), max_size=3)))
        else:
            attrs[name] = draw(st.sampled_from(VALUES))
    return attrs


def elements(max_leaves: int = 12, states: bool = False):
    leaf = st.builds(lambda tag, attrs: El(f.next_id(), tag, attrs), st.sampled_from(STATE_LEAVES if states else TAGS),
                     attributes(states))

    def nest(children):
        return st.builds(lambda tag, attrs, kids, words: El(f.next_id(), tag, attrs, kids + words),
                         st.sampled_from(STATE_TAGS if states else TAGS), attributes(states), st.lists(children, max_size=4),
                         st.lists(st.sampled_from(["hi", " "]), max_size=1))
    return st.recursive(leaf, nest, max_leaves=max_leaves)


doms = st.lists(elements(), min_size=1, max_size=2)  # top-level elements (two: no :root)


def _page(html_lang: str | None, meta: str | None, body: list[El]) -> list[El]:
    """<html [lang]><head>[<meta http-equiv=content-language content=…>]</head><body>…</body></html>"""
    head = [El(f.next_id(), "meta", {"http-equiv": "content-language", "content": meta})] if meta is not None else []
    return [El(f.next_id(), "html", {} if html_lang is None else {"lang": html_lang},
               [El(f.next_id(), "head", {}, head), El(f.next_id(), "body", {}, body)])]


state_doms = st.one_of(  # whole pages, whose language may come from the <meta>, or bare elements
    st.builds(_page, st.sampled_from([None, None, "fr", ""]), st.sampled_from([None, "nl", "nl-BE", "", "x_y"]),
              st.lists(elements(states=True), min_size=1, max_size=3)),
    st.lists(elements(states=True), min_size=1, max_size=2))


# -- random selectors ---------------------------------------------------------------------------
STATES = [":lang(nl)", ":lang(fr, nl-BE)", ':lang("*-BE")', ":lang('')", ":lang(nl-be)", ":dir(ltr)",
          ":dir(rtl)", ":defined", ":read-write", ":read-only", ":enabled", ":disabled"]


def state_selectors():
    """Mostly one or two compounds with a state in each (so that most selectors match part of a
    page), and now and then the full grammar around them."""
    part = st.one_of(st.sampled_from(STATES), st.sampled_from([":not(:defined)", ":not(:lang(nl))", ":not(:dir(rtl))",
                                                               ".a", "[is]", ":first-child"]))
    compound = st.builds(lambda tag, parts: tag + "".join(parts), st.sampled_from(["", "", "", "*", "p", "input", "x-card"]),
                         st.lists(part, min_size=1, max_size=2))
    return st.one_of(compound, compound, st.builds(lambda a, c, b: f"{a}{c}{b}", compound,
                                                   st.sampled_from([" ", " > ", " + ", " ~ "]), compound),
                     complexes(1, states=True))


def compounds(depth: int, states: bool = False):
    simple = st.one_of(
        st.sampled_from([f"#{w}" for w in ("a", "b", "x")]),
        st.sampled_from([f".{w}" for w in WORDS]),
        st.builds(lambda name, op, value, case: f"[{name}{op}\"{value}\"{case}]" if op else f"[{name}]",
                  st.sampled_from(["id", "class", "rel", "title", "data-x", "lang", "headers", "TITLE"]),
                  st.sampled_from(["", "=", "~=", "|=", "^=", "$=", "*=", "!="]),
                  st.sampled_from(["a", "b", "A", "a b", "x", "en", ""]), st.sampled_from(["", " i", " s"])),
        st.sampled_from([":first-child", ":last-child", ":only-child", ":first-of-type", ":last-of-type",
                         ":only-of-type", ":root", ":nth-child(2)", ":nth-child(2n+1)", ":nth-child(-n+2)",
                         ":nth-last-child(2)", ":nth-of-type(2)", ":nth-last-of-type(odd)", ":nth-child(even of .a)",
                         ":nth-last-child(1 of [title])", ":scope"]),
    )
    if states:
        simple = st.one_of(st.sampled_from(STATES), st.sampled_from(STATES), simple)
    if depth > 0:
        inner = complexes(depth - 1, states)
        simple = st.one_of(
            simple,
            st.builds(lambda s: f":not({s})", inner),
            st.builds(lambda a, b: f":is({a}, {b})", inner, inner),
            st.builds(lambda s: f":where({s})", inner),
            st.builds(lambda rel, s: f":has({rel}{s})", st.sampled_from(["", "> ", "+ ", "~ "]), compounds(depth - 1, states)),
            st.builds(lambda s: f":nth-child(2n of {s})", compounds(depth - 1, states)),
        )
    return st.builds(lambda tag, parts: (tag + "".join(parts)) or "*",
                     st.sampled_from(["", "", "", "*"] + (STATE_LEAVES if states else TAGS)), st.lists(simple, max_size=2))


def complexes(depth: int = 1, states: bool = False):
    return st.builds(lambda first, rest: first + "".join(f"{c}{s}" for c, s in rest),
                     compounds(depth, states),
                     st.lists(st.tuples(st.sampled_from([" ", " > ", " + ", " ~ "]), compounds(depth, states)), max_size=2))


def compiled_or_reject(selector: str) -> str:
    try:
        soupsieve.compile(selector)
    except Exception:
        assume(False)
    return selector


# -- the two trees --------------------------------------------------------------------------------
def build_mirror(top: list[El], policy: Policy) -> DomMirror:
    mirror = DomMirror()
    mirror.insert_tree(f.document(*[el.serialized() for el in top], id=0), None, policy)
    mirror.match_selectors(policy)
    return mirror


def soupsieve_answer(top: list[El], selector: str) -> set[int]:
    soup = BeautifulSoup("".join(el.html() for el in top), "html.parser")
    model = [el for root in top for el in root.elements()]
    tags = soup.find_all(True)
    assert [t.name for t in tags] == [el.tag for el in model]  # the parse kept the tree's shape
    ids = {id(tag): el.id for tag, el in zip(tags, model)}
    return {ids[id(tag)] for tag in soupsieve.select(selector, soup)}


def mirror_answer(mirror: DomMirror, policy: Policy) -> set[int]:
    return set(compiled_for(policy.selectors).matches(mirror.nodes, None)[0])


def blocked(mirror: DomMirror) -> set[int]:
    return {nid for nid, node in mirror.nodes.items() if node.attrs is not None and node.flags & BLOCKED}


def policy_for(*selectors: str) -> Policy:
    return Policy.compile("site", SiteConfig(block_selectors=list(selectors)))


PROPERTY = settings(max_examples=int(os.environ.get("SELECTOR_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: the state pseudo-classes' vocabulary is small (a few attributes and the <meta>): fewer examples reach it
STATE_PROPERTY = settings(PROPERTY, max_examples=int(os.environ.get("SELECTOR_EXAMPLES", "100")))


@PROPERTY
@given(top=doms, selector=complexes(2))
def test_mirror_matches_what_soupsieve_matches(top, selector):
    match_once(top, selector)


def match_once(top: list[El], selector: str) -> None:
    selector = compiled_or_reject(selector)
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    expected = soupsieve_answer(top, selector)
    assert mirror_answer(mirror, policy) == expected
    assert blocked(mirror) >= expected


@STATE_PROPERTY
@given(top=state_doms, selector=state_selectors())
def test_state_pseudo_classes_match_what_soupsieve_matches(top, selector):
    match_once(top, selector)


# -- mid-session changes --------------------------------------------------------------------------
def parent_of(top: list[El], target: El) -> El | None:
    for root in top:
        for el in root.elements():
            if any(child is target for child in el.children):
                return el
    return None


def inside(top: list[El], el: El, nid_set: set[int]) -> bool:
    current: El | None = el
    while current is not None:
        if current.id in nid_set:
            return True
        current = parent_of(top, current)
    return False


changes = st.lists(st.tuples(st.sampled_from(["class", "attribute", "add", "remove"]), st.integers(0, 10_000),
                             attributes(), elements(max_leaves=4)), min_size=1, max_size=5)
state_changes = st.lists(st.tuples(st.sampled_from(["meta", "attribute", "add", "remove"]), st.integers(0, 10_000),
                                   attributes(states=True), elements(max_leaves=4, states=True)), min_size=1, max_size=5)


@PROPERTY
@given(top=doms, selector=complexes(2), steps=changes)
def test_mirror_follows_changes(top, selector, steps):
    follow_changes(top, selector, steps)


@STATE_PROPERTY
@given(top=state_doms, selector=state_selectors(), steps=state_changes)
def test_state_pseudo_classes_follow_changes(top, selector, steps):
    """A lang, dir or contenteditable changed above a node, a <meta> added, changed or removed."""
    follow_changes(top, selector, steps)


def follow_changes(top: list[El], selector: str, steps: list) -> None:
    selector = compiled_or_reject(selector)
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    ever = soupsieve_answer(top, selector)
    for kind, pick, attrs, new in steps:
        everything = [el for root in top for el in root.elements()]
        el = everything[pick % len(everything)]
        if kind == "meta":  # the page's <meta http-equiv=content-language> added, changed or removed
            if top[0].tag != "html":
                continue
            head = top[0].children[0]
            if head.children and pick % 3 == 0:
                gone = head.children.pop()
                mirror.remove(gone.id)
                mirror.match_selectors(policy, [])
            elif head.children:
                content = STATE_VALUES["content"][pick % 3]
                head.children[-1].attrs["content"] = content
                mirror.set_attributes(head.children[-1].id, {"content": content}, policy)
                mirror.match_selectors(policy, [head.children[-1].id])
            else:
                meta = El(f.next_id(), "meta", {"http-equiv": "content-language", "content": "nl"})
                head.children.append(meta)
                mirror.match_selectors(policy, mirror.insert_tree(meta.serialized(), head.id, policy))
        elif kind == "class":  # a class added (the usual way a node starts to match)
            word = WORDS[pick % len(WORDS)]
            value = (el.attrs.get("class", "") + " " + word).strip()
            el.attrs["class"] = value
            mirror.set_attributes(el.id, {"class": value}, policy)
            mirror.match_selectors(policy, [el.id])  # the view widens to what the selectors need
        elif kind == "attribute":  # attributes set or removed (None)
            change = {name: (None if pick % 3 == 0 else value) for name, value in attrs.items()}
            for name, value in change.items():
                if value is None:
                    el.attrs.pop(name, None)
                else:
                    el.attrs[name] = value
            mirror.set_attributes(el.id, change, policy)
            mirror.match_selectors(policy, [el.id])
        elif kind == "add":  # a subtree appended (the mirror appends, as the model does)
            if el.tag in VOID:
                continue
            new = _renumber(new)
            el.children.append(new)
            inserted = mirror.insert_tree(new.serialized(), el.id, policy)
            mirror.match_selectors(policy, inserted)
        else:  # a node removed (redact.py then calls match_selectors with the adds, here none)
            parent = parent_of(top, el)
            if parent is None:
                continue
            parent.children.remove(el)
            mirror.remove(el.id)
            mirror.match_selectors(policy, [])
        now = soupsieve_answer(top, selector)
        assert mirror_answer(mirror, policy) == now
        assert blocked(mirror) >= now, "a node that matches now was not flagged: it would leak"
        ever |= now
        everything = [el for root in top for el in root.elements()]
        stray = {el.id for el in everything if el.id in blocked(mirror) and not inside(top, el, ever)}
        assert not stray, "flagged although neither it nor an ancestor ever matched"


def _renumber(el: El) -> El:
    return El(f.next_id(), el.tag, dict(el.attrs),
              [_renumber(c) if isinstance(c, El) else c for c in el.children])


# -- examples worth naming ------------------------------------------------------------------------
@pytest.mark.parametrize("selector, changed", [
    (".ad + li", "class added to the previous sibling"),
    ("li:last-child", "last child removed"),
    ("section:has(> .secret)", "child gets the class"),
    ("section:not(:has(.ok)) span", "ancestor loses a descendant"),
    (".x ~ li b", "earlier sibling gets the class, match is deep inside a later one"),
])
def test_named_mid_session_cases(selector, changed):
    policy = policy_for(selector)
    secret = El(9001, "span", {})
    ok = El(9002, "b", {"class": "ok"})
    first = El(9003, "li", {}, [El(9004, "p", {})])
    last = El(9005, "li", {}, [El(9006, "b", {})])
    top = [El(9000, "div", {}, [El(9007, "section", {}, [ok, secret]), first, last])]
    mirror = build_mirror(top, policy)
    if changed.startswith("class added"):
        mirror.set_attributes(9003, {"class": "ad"}, policy)
        mirror.match_selectors(policy, mirror.subtree(9003))
        first.attrs["class"] = "ad"
    elif changed == "last child removed":
        mirror.remove(9005)
        mirror.match_selectors(policy, [])
        top[0].children.remove(last)
    elif changed == "child gets the class":
        mirror.set_attributes(9001, {"class": "secret"}, policy)
        mirror.match_selectors(policy, mirror.subtree(9001))
        secret.attrs["class"] = "secret"
    elif changed == "ancestor loses a descendant":
        mirror.remove(9002)
        mirror.match_selectors(policy, [])
        top[0].children[0].children.remove(ok)
    else:
        mirror.set_attributes(9003, {"class": "x"}, policy)
        mirror.match_selectors(policy, mirror.subtree(9003))
        first.attrs["class"] = "x"
    now = soupsieve_answer(top, selector)
    assert now, "the example should match after the change"
    assert blocked(mirror) >= now


def test_state_pseudo_classes_are_read_on_the_mirror():
    selector = "input:read-write, :lang(fr) p, x-card:not(:defined), :dir(rtl) > b"
    policy = policy_for(selector)
    top = [El(1, "div", {"lang": "fr"}, [El(2, "p", {}), El(3, "input", {"type": "text"}),
                                        El(4, "input", {"type": "text", "readonly": ""}), El(5, "x-card", {}),
                                        El(6, "span", {"dir": "rtl"}, [El(7, "b", {})])])]
    mirror = build_mirror(top, policy)
    assert mirror_answer(mirror, policy) == soupsieve_answer(top, selector) == {2, 3, 5, 7}
    assert blocked(mirror) == {2, 3, 5, 7}


@pytest.mark.parametrize("selector, attrs", [
    ("p:lang(nl)", {"lang": "nl"}), ("p:dir(rtl)", {"dir": "rtl"}), ("p:read-write", {"contenteditable": "true"})])
def test_a_state_set_on_an_ancestor_reaches_the_nodes_below(selector, attrs):
    """The state is inherited: the change is on the <section>, the match on the <p> inside it."""
    top = [El(1, "div", {}, [El(2, "section", {}, [El(3, "div", {}, [El(4, "p", {})])])])]
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    assert not blocked(mirror)
    mirror.set_attributes(2, attrs, policy)
    mirror.match_selectors(policy, [2])
    top[0].children[0].attrs.update(attrs)
    assert blocked(mirror) == soupsieve_answer(top, selector) == {4}


def test_the_page_language_from_a_meta_added_later():
    """<meta http-equiv=content-language> gives every element its language when <html> has no lang."""
    policy = policy_for("p:lang(nl)")
    head, paragraph = El(3, "head", {}), El(5, "p", {})
    top = [El(2, "html", {}, [head, El(4, "body", {}, [El(6, "div", {}, [paragraph])])])]
    mirror = build_mirror(top, policy)
    assert not blocked(mirror)
    meta = El(7, "meta", {"http-equiv": "content-language", "content": "nl-BE"})
    head.children.append(meta)
    mirror.match_selectors(policy, mirror.insert_tree(meta.serialized(), head.id, policy))
    assert blocked(mirror) == soupsieve_answer(top, "p:lang(nl)") == {5}


@pytest.mark.parametrize("selector", [":dir(ltr)", ":dir(rtl)", "p:dir(rtl)"])
def test_a_direction_taken_from_text_is_not_known_and_matches(selector):
    """dir=auto (and <bdi>) take their direction from text, and a text field's from its value:
    the mirror keeps neither, so :dir(ltr), :dir(rtl) and :not(:dir(…)) all match there (fail
    closed); soupsieve, reading the same text-less tree, would say left to right."""
    top = [El(1, "div", {"dir": "auto"}, [El(2, "p", {}, ["مرحبا"])]), El(3, "bdi", {}, [El(4, "p", {})]),
           El(5, "textarea", {"dir": "auto"}), El(6, "div", {"dir": "rtl"}, [El(7, "p", {})])]
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    unknown = {1, 2, 3, 4, 5} if selector.startswith(":") else {2, 4}
    rtl = {6, 7} if selector.startswith(":") else {7}
    assert mirror_answer(mirror, policy) == unknown | (rtl if "rtl" in selector else set())
    not_policy = policy_for(f"p:not({selector.removeprefix('p')})")
    assert mirror_answer(build_mirror(top, not_policy), not_policy) == {2, 4} | ({7} if "ltr" in selector else set())


def test_a_one_node_change_rematches_what_it_can_change_not_the_page():
    """The cost of a batch follows what it touches: the elements re-matched after one node is
    added to a page of 2,000, for each state pseudo-class (the whole page before: soupsieve on a
    tree built from the mirror)."""
    from redactor.selectors import MirrorView
    rows = [El(100 + i, "div", {"class": "c"}, [El(10_000 + i, "span", {})]) for i in range(1000)]
    head = El(3, "head", {}, [El(4, "meta", {"http-equiv": "content-language", "content": "nl"})])
    top = [El(1, "html", {"lang": "nl"}, [head, El(2, "body", {}, rows)])]
    for selector in (":lang(nl) span", ":dir(ltr)", "x-card:not(:defined)", ":read-write", "span:lang(fr)"):
        policy = policy_for(selector)
        mirror = build_mirror(top, policy)
        added = El(99_999, "p", {}, [El(99_998, "b", {})])
        inserted = mirror.insert_tree(added.serialized(), 2, policy)
        compiled = compiled_for(policy.selectors)
        view = MirrorView(mirror.nodes)
        held = [mirror.table.slot(nid) for nid in inserted]
        assert len(view.affected(held, (), compiled.features)) <= 2, selector
        # a <meta> changed: nothing takes the page's language from it while <html> has its own
        held = [mirror.table.slot(4)]
        assert len(view.affected(held, (), compiled.features)) <= 2, selector


@pytest.mark.parametrize("selector, page", [
    ("input:checked", El(1, "input", {"type": "checkbox", "checked": ""})),
    ("option:default", El(1, "select", {}, [El(2, "option", {"selected": ""}, ["NL"])])),
    ("[value=x]", El(1, "input", {"value": "x"})),
    ("input[value]", El(1, "input", {"value": "Pieter"})),
    (":placeholder-shown", El(1, "input", {"placeholder": "E-mail"})),
    ("p:-soup-contains(x)", El(1, "p", {}, ["x"])),
    ("[srcdoc]", El(1, "iframe", {"srcdoc": "<p>hi</p>"})),
    ("a:hover", None), ("#email:focus", None),  # the pointer's and the focus's state: no page shows them
    # a value longer than what the mirror keeps of the attribute (256 characters; structural ones 8,192,
    # longer than a selector may be)
    (f'[data-x="{"a" * 300}"]', El(1, "div", {"data-x": "a" * 300})),
    (f'[data-x^="{"a" * 257}"]', El(1, "div", {"data-x": "a" * 300})),
])
def test_selectors_that_can_never_match_on_the_mirror_are_refused(selector, page):
    """Each would match the page as the browser has it (a checked box, a chosen option, a typed
    value): refused because the mirror keeps none of it, not because nothing matches anyway."""
    from redactor.policy import ConfigError, validate_site_config
    if page is not None:
        assert soupsieve_answer([page], selector)
    with pytest.raises(ConfigError) as refused:
        validate_site_config({"block_selectors": ["div", selector]})
    assert refused.value.path == "$.block_selectors[1]" and "can never match" in refused.value.reason


def test_attribute_tests_within_what_the_mirror_keeps_are_accepted():
    from redactor.policy import validate_site_config
    kept = [f'[data-x="{"a" * 256}"]', f'[data-x|="{"a" * 250}"]', f'[class~="{"b" * 300}"]', f'[data-x!="{"a" * 900}"]']
    assert validate_site_config({"block_selectors": kept}).block_selectors == kept


# -- through the real server ----------------------------------------------------------------------
async def test_block_selector_added_mid_session_applies_from_the_next_batch(client, admin_headers):
    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status == 201
    field = f.element("input", {"type": "text", "name": "nickname"})
    note = f.text("Private note")
    card = f.element("div", {"class": "card profile"}, [f.element("label", {}, [f.text("Nickname")]), field,
                                                          f.element("p", {}, [note])])
    page = f.html_page(card, f.element("footer", {"class": "foot"}))
    url = "/v1/sites/shop/sessions/s1/events"
    first = [f.meta("https://shop.example/profile"), f.snapshot(page), f.input_event(field["id"], "Zorro")]
    answer = await client.post(url, json=first)
    assert answer.status == 202, await answer.text()

    added = await client.post("/v1/sites/shop/blocklist", json={"selector": "body > .card.profile"},
                              headers=admin_headers)
    assert added.status == 200
    assert "body > .card.profile" in (await added.json())["block_selectors"]

    second = [f.input_event(field["id"], "Zorro the"), f.click(field["id"]),
              f.mutation(texts=[f.set_text(note["id"], "Another private note")],
                         attributes=[f.set_attributes(field["id"], placeholder="Your name")],
                         adds=[f.add(card["id"], f.element("span", {}, [f.text("new inside")]))]),
              f.snapshot(page)]
    answer = await client.post(url, json=second)
    assert answer.status == 202
    # the input is dropped; the click stays (no content: a replay needs the visitor's pointer)
    assert await answer.json() == {"accepted": 4, "stored": 3, "dropped": 1}

    stored = await (await client.get(url, headers=admin_headers)).json()
    later = stored[3:]
    raw = orjson.dumps(later).decode()
    assert "Zorro" not in raw and "Another private note" not in raw and "new inside" not in raw
    assert not f.inputs_of(later, field["id"])
    assert later[0]["data"]["source"] == f.MOUSE_INTERACTION
    changes = later[1]["data"]
    assert changes["texts"] == [] and changes["adds"] == [] and changes["attributes"] == []
    placeholder = f.nodes_by_id([later[2]])[card["id"]]
    assert placeholder["childNodes"] == []
    assert placeholder["attributes"] == {"class": "card profile"}
    assert f.by_attr(later[2]["data"]["node"], "class", "foot")  # the rest of the page is still there


async def test_class_added_by_a_mutation_blocks_from_then_on(client, admin_headers):
    await client.put("/v1/sites/shop", json={"block_selectors": [".private input"]}, headers=admin_headers)
    field = f.element("input", {"name": "q"})
    box = f.element("div", {"class": "box"}, [field])
    url = "/v1/sites/shop/sessions/s2/events"
    await client.post(url, json=[f.meta(), f.snapshot(f.html_page(box))])
    answer = await client.post(url, json=[f.mutation(attributes=[f.set_attributes(box["id"], attrs={"class": "box private"})]),
                                          f.input_event(field["id"], "secret words")])
    assert await answer.json() == {"accepted": 2, "stored": 1, "dropped": 1}
    answer = await client.post(url, json=[f.mutation(attributes=[f.set_attributes(box["id"], attrs={"class": "box"})]),
                                          f.input_event(field["id"], "secret words again")])
    stored = await (await client.get(url, headers=admin_headers)).read()
    assert b"secret words" not in stored  # what was blocked once in a session stays blocked


def test_soupsieve_is_a_version_this_module_was_tested_with():
    """This module interprets soupsieve's compiled form (`soupsieve.css_types`), which is not a
    public API: pyproject.toml pins the versions the property tests above passed with."""
    from importlib.metadata import requires, version

    from packaging.requirements import Requirement
    from packaging.version import Version

    pin = next(Requirement(r) for r in requires("redactor") if Requirement(r).name == "soupsieve")
    assert pin.specifier and Version(version("soupsieve")) in pin.specifier
    assert not pin.specifier.contains("99.0"), "the pin has an upper bound"
    for name in ("SelectorList", "Selector", "SelectorNull", "SelectorTag", "SelectorNth", "SEL_EMPTY", "SEL_ROOT"):
        assert hasattr(soupsieve.css_types, name), name


@pytest.mark.parametrize("selector, why", [
    ("input:checked", "'checked' attribute"), ("p:-soup-contains(Griet)", "reads text"),
    ("input:placeholder-shown", "live value"), ("a:hover", "a recording does not show")])
async def test_the_admin_api_refuses_a_selector_that_can_never_match_and_says_why(client, admin_headers, selector, why):
    answer = await client.put("/v1/sites/shop", json={"block_selectors": [".ad", selector]}, headers=admin_headers)
    assert answer.status == 400
    body = await answer.json()
    assert body["error"] == "invalid_config" and body["detail"].startswith("$.block_selectors[1]")
    assert "can never match" in body["detail"] and why in body["detail"]


@pytest.mark.parametrize("states", [[":lang(nl) .klant", ":dir(rtl) .klant", "x-card:not(:defined)", ":read-write"], []])
async def test_state_selectors_are_accepted_and_block_what_a_batch_adds(client, admin_headers, states):
    """Site text (kept unless a selector blocks it: the second case) in nodes a batch adds."""
    assert (await client.put("/v1/sites/shop", json={"block_selectors": states}, headers=admin_headers)).status == 201
    body = f.element("body", {}, [f.element("main", {"dir": "rtl"})])
    page = f.document(f.element("html", {"lang": "nl"}, [f.element("head"), body]))
    url = "/v1/sites/shop/sessions/s3/events"
    assert (await client.post(url, json=[f.meta(), f.snapshot(page)])).status == 202
    main, = body["childNodes"]
    adds = [f.add(body["id"], f.element("p", {"class": "klant"}, [f.text("Rode fiets")])),
            f.add(main["id"], f.element("p", {"class": "klant"}, [f.text("Blauwe tas")])),
            f.add(body["id"], f.element("x-card", {}, [f.text("Groene jas")]))]
    assert (await client.post(url, json=[f.mutation(adds=adds)])).status == 202
    stored = await (await client.get(url, headers=admin_headers)).read()
    for words in (b"Rode fiets", b"Blauwe tas", b"Groene jas"):
        assert (words in stored) == (not states)
