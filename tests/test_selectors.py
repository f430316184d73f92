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
site configuration is validated.
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




@st.composite
def attributes(draw) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3, unique_by=str.lower))
    attrs = {}
    for name in names:
        if name.lower() == "class":
            attrs[name] = draw(st.sampled_from(["", " "])).join(draw(st.lists(st.sampled_from(WORDS), max_size=3)))
        else:
            attrs[name] = draw(st.sampled_from(VALUES))
    return attrs


def elements(max_leaves: int = 12):
    leaf = st.builds(lambda tag, attrs: El(f.next_id(), tag, attrs), st.sampled_from(TAGS), attributes())

    def nest(children):
        return st.builds(lambda tag, attrs, kids, words: El(f.next_id(), tag, attrs, kids + words),
                         st.sampled_from(TAGS), attributes(), st.lists(children, max_size=4),
                         st.lists(st.sampled_from(["hi", " "]), max_size=1))
    return st.recursive(leaf, nest, max_leaves=max_leaves)


doms = st.lists(elements(), min_size=1, max_size=2)  # top-level elements (two: no :root)


# -- random selectors ---------------------------------------------------------------------------
def compounds(depth: int):
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
    if depth > 0:
        inner = complexes(depth - 1)
        simple = st.one_of(
            simple,
            st.builds(lambda s: f":not({s})", inner),
            st.builds(lambda a, b: f":is({a}, {b})", inner, inner),
            st.builds(lambda s: f":where({s})", inner),
            st.builds(lambda rel, s: f":has({rel}{s})", st.sampled_from(["", "> ", "+ ", "~ "]), compounds(depth - 1)),
            st.builds(lambda s: f":nth-child(2n of {s})", compounds(depth - 1)),
        )
    return st.builds(lambda tag, parts: (tag + "".join(parts)) or "*",
                     st.sampled_from(["", "", "", "*"] + TAGS), st.lists(simple, max_size=2))


def complexes(depth: int = 1):
    return st.builds(lambda first, rest: first + "".join(f"{c}{s}" for c, s in rest),
                     compounds(depth), st.lists(st.tuples(st.sampled_from([" ", " > ", " + ", " ~ "]), compounds(depth)),
                                                max_size=2))


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


@PROPERTY
@given(top=doms, selector=complexes(2))
def test_mirror_matches_what_soupsieve_matches(top, selector):
    selector = compiled_or_reject(selector)
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    expected = soupsieve_answer(top, selector)
    assert mirror_answer(mirror, policy) == expected
    assert blocked(mirror) >= expected


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


@PROPERTY
@given(top=doms, selector=complexes(2), steps=changes)
def test_mirror_follows_changes(top, selector, steps):
    selector = compiled_or_reject(selector)
    policy = policy_for(selector)
    mirror = build_mirror(top, policy)
    ever = soupsieve_answer(top, selector)
    for kind, pick, attrs, new in steps:
        everything = [el for root in top for el in root.elements()]
        el = everything[pick % len(everything)]
        if kind == "class":  # a class added (the usual way a node starts to match)
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


def test_selectors_soupsieve_does_not_interpret_fall_back_to_it():
    selector = "input:read-write, :lang(fr) p"  # flags this module leaves to soupsieve
    policy = policy_for(selector)
    top = [El(1, "div", {"lang": "fr"}, [El(2, "p", {}), El(3, "input", {"type": "text"}),
                                        El(4, "input", {"type": "text", "readonly": ""})])]
    mirror = build_mirror(top, policy)
    assert mirror_answer(mirror, policy) == soupsieve_answer(top, selector) == {2, 3}
    assert blocked(mirror) == {2, 3}


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
