"""The redaction pass: markers, flags across batches, field meaning, content, keystrokes, taint,
URLs — with the real Presidio detector (in-process) and events built by tests/factories.py."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote, unquote

import orjson
import pytest

from factories import (CUSTOM, SCROLL, add, click, custom, element, html_page, incremental, input_event, meta,
                       mutation, nodes_by_id, remove, set_attributes, set_text, snapshot, text, typing)
from in_process import ServerSession, Session
from leaks import leaks, strings
from planted import windows
from redactor.dom import DomMirror, shipped_fields
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.policy import Policy, SiteConfig, validate_site_config
from redactor.redact import redact_batch_sync
from redactor.content import trailing_fragment


@pytest.fixture(scope="module")
def detector():
    pool = DetectorPool(workers=0, ner=True)
    yield pool
    pool.close()


@pytest.fixture
def session(detector):
    return lambda config=None: Session(detector, config)


def typed_values(events: list, node: dict) -> list[str]:
    return [e["data"]["text"] for e in events if e["type"] == 3 and e["data"].get("source") == 5
            and e["data"]["id"] == node["id"]]


def find(events: list, nid: int) -> dict | None:
    return nodes_by_id(events).get(nid)


# -- layer 1: markers ---------------------------------------------------------------------------
@pytest.mark.parametrize("marker", [{"class": "rr-block"}, {"class": "sentry-block"}, {"class": "ph-no-capture"},
                                    {"class": "fs-exclude"}, {"data-openreplay-hidden": ""},
                                    {"data-dd-privacy": "hidden"}])
def test_blocked_element_is_a_placeholder_and_its_events_are_dropped(session, marker):
    secret = text("Loyalty 2604 7719 3385")
    field = element("input", {"name": "x"})
    box = element("div", {**marker, "id": "box", "rr_width": "300px"}, [secret, field])
    s = session()
    s.send(snapshot(html_page(box)))
    late = text("more secrets")
    result = s.send(input_event(field['id'], "typed"), mutation(adds=[add(box['id'], late)], texts=[set_text(secret['id'], "new")]),
                    incremental(SCROLL, id=box['id'], x=0, y=100), mutation(attributes=[set_attributes(field['id'], title="t")]))
    placeholder = find(s.stored, box["id"])
    assert placeholder["childNodes"] == [] and placeholder["attributes"]["rr_width"] == "300px"
    stored = orjson.dumps(s.stored).decode()  # (a node id may be 2604: the whole number is looked for)
    assert "7719 3385" not in stored and "Loyalty" not in stored and "typed" not in stored
    assert result.dropped >= 3
    assert all(r.action in ("drop", "block") for r in result.remarks if r.node in (box["id"], field["id"], late["id"]))


@pytest.mark.parametrize("attributes", [
    {"type": "password"}, {"autocomplete": "cc-number"}, {"autocomplete": "shipping cc-csc"}, {"class": "rr-mask"},
    {"data-hj-suppress": ""}, {"class": "sentry-mask"}, {"data-private": ""}, {"data-clarity-mask": "true"},
    {"data-sensitive": ""}, {"class": "ph-ignore-input"}, {"data-dd-privacy": "mask-user-input"},
    {"autocomplete": "one-time-code"}, {"type": "hidden"}])
def test_sensitive_inputs_never_leave(session, attributes):
    field = element("input", {"name": "q", **attributes, "value": "WINTER-SECRET-1"})
    s = session()
    s.send(snapshot(html_page(field)))
    s.send(*typing(field['id'], "WINTER-SECRET-2"), mutation(attributes=[set_attributes(field['id'], value="WINTER-X")]))
    stored = orjson.dumps(s.stored).decode()
    assert "WINTER" not in stored
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 16)]  # same length: replays keep their layout


def test_markers_apply_inside_iframes_and_shadow_roots(session):
    host = element("div", {"class": "sentry-mask"}, isShadowHost=True)
    frame = element("iframe", {})
    s = session()
    s.send(snapshot(html_page(host, frame)))
    in_shadow = element("input", {"name": "code"}, isShadow=True)
    inner_field = element("input", {"name": "promo", "data-sensitive": ""})
    inner_doc = html_page(inner_field)
    inner_doc["isAttachIframe"] = True  # rrweb flags an iframe's document added this way
    s.send(mutation(adds=[add(host['id'], in_shadow), add(frame['id'], inner_doc)]))
    s.send(input_event(in_shadow['id'], "SHADOW-VALUE"), input_event(inner_field['id'], "IFRAME-VALUE"))
    stored = orjson.dumps(s.stored).decode()
    assert "SHADOW-VALUE" not in stored and "IFRAME-VALUE" not in stored


def test_sensitive_is_sticky_after_show_password_and_a_new_snapshot(session):
    password = element("input", {"id": "pw", "type": "password"})
    document = html_page(password)
    s = session()
    s.send(snapshot(document))
    s.send(mutation(attributes=[set_attributes(password['id'], type="text")]))
    s.send(*typing(password['id'], "Hunter2!secret"))
    password["attributes"].update(type="text", value="Hunter2!secret")
    s.send(snapshot(document))  # a new snapshot: the field now says type=text
    s.send(input_event(password['id'], "Hunter2!secret!"))
    assert not leaks(s.stored, "Hunter2!secret")


def test_attribute_mutation_that_adds_a_marker_blocks_from_then_on(session):
    field = element("input", {"name": "q"})
    box = element("div", {}, [field])
    s = session()
    s.send(snapshot(html_page(box)))
    s.send(mutation(attributes=[set_attributes(box['id'], attrs={"class": "rr-block"})]))
    result = s.send(input_event(field['id'], "after the marker"))
    assert result.events == []


def test_unknown_node_fails_closed(session):
    s = session()  # no snapshot seen for this session
    result = s.send(input_event(4242, "someone@somewhere.example"),
                    mutation(adds=[add(77, {"type": 3, "textContent": "Jan Jansen woont hier", "id": 78})]))
    stored = orjson.dumps(result.events).decode()
    assert "someone" not in stored and "Jansen" not in stored
    assert any(r.rule == "fail-closed.unknown-node" for r in result.remarks)


def test_record_inputs_false_stores_no_input_value(session):
    """Both the field and the contenteditable region are masked whole by the rule the test names:
    a remark of site.record_inputs on each node, and no word left (content detection alone would
    leave the words it finds harmless, "mijn" here; fail-closed would remark otherwise)."""
    search = element("input", {"type": "search", "name": "q", "value": "fietsbel"})
    bio = text("bio")
    editor = element("div", {"contenteditable": "true"}, [bio])
    s = session({"record_inputs": False})
    s.send(snapshot(html_page(search, editor)))
    result = s.send(*typing(search["id"], "fietsbel"), mutation(texts=[set_text(bio["id"], "mijn bio")]))
    stored = orjson.dumps(s.stored).decode()
    assert "fietsbel" not in stored and "mijn" not in stored and "bio" not in stored
    masked = {(r.rule, r.node) for r in result.remarks}
    assert {("site.record_inputs", search["id"]), ("site.record_inputs", bio["id"])} <= masked
    assert not any(r.rule.startswith("fail-closed") for r in result.remarks)


def test_css_code_is_never_touched_its_comments_are_emptied_and_scripts_hold_rrwebs_placeholder(session):
    """CSS's code is kept as it is (a font's name too); a comment's words are no replay's (review 16, F10:
    `/* klant: <e-mail> */` was stored): emptied, its marks kept."""
    css = "body { font-family: 'Jan Jansen'; } /* jan@example.com */ p{color:red}"
    style = element("style", {"_cssText": css})
    script = element("script", {}, [text("SCRIPT_PLACEHOLDER")])
    s = session()
    sent = snapshot(html_page(style, script))
    result = s.send(sent)
    assert find(s.stored, style["id"])["attributes"]["_cssText"] == "body { font-family: 'Jan Jansen'; } /**/ p{color:red}"
    find([sent], style["id"])["attributes"]["_cssText"] = "body { font-family: 'Jan Jansen'; } /**/ p{color:red}"
    assert s.stored[0] == sent and not result.remarks  # as rrweb records them but the comment: untouched


@pytest.mark.parametrize("where", ["snapshot", "mask_text", "added", "text_change"])
def test_a_scripts_text_other_than_rrwebs_placeholder_is_never_stored(session, where):
    """rrweb records a script's text as SCRIPT_PLACEHOLDER and replays a script as a <noscript>, but
    records a later text change on it as it came (characterData), and a fork or a hostile client
    sends any text: a JSON state, an ld+json, a template greeting the visitor. Whatever the region
    (rr-mask too), it becomes the placeholder."""
    state = '{"user":{"email":"gertrude.claeys@skynet.be","phone":"+32 470 12 34 56","iban":"BE68539007547034"}}'
    content = text(state if where != "text_change" else "SCRIPT_PLACEHOLDER")
    script = element("script", {"type": "application/json", "id": "state"}, [content])
    box = element("div", {"class": "rr-mask"} if where == "mask_text" else {}, [] if where == "added" else [script])
    s = session()
    s.send(meta(), snapshot(html_page(box)))
    if where == "added":
        s.send(mutation(adds=[add(box["id"], script)]))
        s.send(mutation(adds=[add(script["id"], text("Bonjour Éloïse Taminiaux, eloise.taminiaux@gmail.com"))]))
    elif where == "text_change":
        s.send(mutation(texts=[set_text(content["id"], state)]))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("gertrude", "470 12 34 56", "BE68539007547034", "Taminiaux", "Bonjour"):
        assert planted not in stored
    texts = [n["textContent"] for n in nodes_by_id(s.stored).values() if "textContent" in n]
    texts += [t["value"] for e in s.stored if e["type"] == 3 for t in e["data"].get("texts", [])]
    assert texts and set(texts) == {"SCRIPT_PLACEHOLDER"}


def test_noscript_text_is_words_not_code(session):
    """With scripts on, a <noscript>'s content is one text node: what the server wrote, the
    signed-in visitor's e-mail included."""
    fallback = text("Ingelogd als lotte.vanbelle@meersen.be — schakel JavaScript in.")
    s = session()
    s.send(snapshot(html_page(element("noscript", {}, [fallback]))))
    stored = find(s.stored, fallback["id"])["textContent"]
    assert "vanbelle" not in stored and stored.startswith("Ingelogd als ")


def test_mask_text_keeps_the_layout(session):
    address = text("Rue des Tanneurs 58, 1000 Bruxelles")
    s = session()
    s.send(snapshot(html_page(element("p", {"data-recording-ignore": "mask"}, [address]))))
    assert find(s.stored, address["id"])["textContent"] == "*** *** ******** *** **** *********"
    paragraph = next(n for n in nodes_by_id(s.stored).values() if n.get("tagName") == "p")
    assert paragraph["attributes"]["data-recording-ignore"] == "mask"  # the marker itself is kept


# -- site selectors and block_urls ----------------------------------------------------------------
def test_site_selectors_mark_sensitive_and_masked_text(session):
    balance = text("€ 1.234,56")
    field = element("input", {"name": "note"})
    s = session({"block_selectors": ["#account-balance"], "sensitive_selectors": ["form.pay input"],
                 "mask_text_selectors": [".greeting"]})
    greeting = text("Hallo daar")
    s.send(snapshot(html_page(element("strong", {"id": "account-balance"}, [balance]),
                                   element("form", {"class": "pay"}, [field]),
                                   element("p", {"class": "greeting"}, [greeting]))))
    s.send(input_event(field['id'], "anything at all"))
    stored = orjson.dumps(s.stored).decode()
    assert "1.234" not in stored and "anything" not in stored and "Hallo" not in stored


def test_a_persons_slug_in_a_class_or_an_id_is_masked_and_the_prefix_and_selectors_stay(session):
    """Review 22 F13: a page writes a person's slug into a class or an id after a prefix that says whose it is
    (WordPress's "comment-author-<nicename>" on a logged-in author's comment, "author-<nicename>" on an author page's
    body, an app's "member-<name>"): classes and ids are structure, kept, and only an e-mail's '@' or eight digits were
    read there. The slug is masked, the prefix kept; a component's own words after those prefixes stay, and a site's
    selector on the whole value still applies."""
    s = session({"mask_text_selectors": [".comment-author-wouterdb"]})
    comment, bio, note = text("Snel geleverd"), text("Over de schrijver"), text("Lid sinds 2019")
    s.send(meta(), snapshot(html_page(
        element("li", {"class": "comment byuser comment-author-wouterdb even"}, [comment]),
        element("div", {"class": "archive author author-ines-vandamme author-12 author-bio"}, [bio]),
        element("p", {"id": "member-bram-de-smet", "class": "user-menu profile-card member-since"}, [note]))))
    stored = orjson.dumps(s.stored).decode()
    for slug in ("wouterdb", "ines-vandamme", "bram-de-smet"):
        assert slug not in stored
    for kept in ("comment-author-", "author-", "author-12", "author-bio", "member-", "user-menu", "profile-card",
                 "member-since", "Over de schrijver", "Lid sinds 2019"):
        assert kept in stored
    assert "Snel geleverd" not in stored  # the site's selector matched the class as the page wrote it


def test_block_urls_drop_a_page_until_the_next_allowed_one(session):
    field = element("input", {"name": "q"})
    s = session({"block_urls": ["/account/*"]})
    result = s.send(meta("https://shop.example/account/settings"), snapshot(html_page(field)),
                    input_event(field['id'], "hidden page"))
    assert result.events == [] and result.dropped == 3
    result = s.send(meta("https://shop.example/products"), snapshot(html_page()))
    assert len(result.events) == 2


@pytest.mark.parametrize("sign, back", [
    (custom("$url_changed", {"href": "https://shop.example/account/orders"}),
     custom("$url_changed", {"href": "https://shop.example/products"})),
    (custom("$pageview", {"href": "https://shop.example/Account/orders"}),
     custom("$pageview", {"href": "https://shop.example/products"})),
    (custom("breadcrumb", {"type": "default", "category": "navigation", "data": {"from": "/", "to": "/account/orders"}}),
     custom("breadcrumb", {"type": "default", "category": "navigation", "data": {"from": "/account/orders", "to": "/"}})),
    (custom("performanceSpan", {"op": "navigation.push", "description": "https://shop.example/account"}),
     custom("performanceSpan", {"op": "navigation.push", "description": "https://shop.example/"})),
])
def test_a_single_page_apps_move_to_a_blocked_page_blocks_it(session, sign, back):
    """rrweb sends a Meta only with a full snapshot: a single-page app that moves to a blocked page
    (pushState) says so only in its recorder's own events (posthog-js's $url_changed and $pageview,
    Sentry's navigation breadcrumb and span). Those block the page from there on, the sign itself
    included, until one says the app left it."""
    body = element("body")
    s = session({"block_urls": ["/account/*"]})
    s.send(meta("https://shop.example/"), snapshot({"type": 0, "id": 1, "childNodes": [element("html", {}, [body])]}))
    balance = element("p", {}, [text("Saldo klantenkaart: 1.284 punten, bijnaam Kwibus")])
    result = s.send(sign, mutation(adds=[add(body["id"], balance)]), input_event(balance["id"], "x"))
    assert result.events == [] and result.dropped == 3
    later = element("p", {}, [text("Nieuwe collectie")])
    result = s.send(back, mutation(adds=[add(body["id"], later)]))
    assert len(result.events) == 2 and "Nieuwe collectie" in orjson.dumps(result.events).decode()
    assert "Kwibus" not in orjson.dumps(s.stored).decode()


@pytest.mark.parametrize("url", ["https://shop.example/account", "https://shop.example/Account/orders",
                                 "https://shop.example//account//orders", "https://shop.example/%61ccount/orders",
                                 "https://shop.example/account;jsessionid=42/orders", "https://shop.example/account?tab=2",
                                 "https://shop.example/shop/../account/orders"])
def test_block_urls_match_a_path_as_the_server_reads_it(session, url):
    """A blocked path written another way is the same page to the server: case, an unreserved
    character percent-encoded, `//`, `;params`, dot segments; and `/account/*` blocks `/account`."""
    s = session({"block_urls": ["/account/*"]})
    assert s.send(meta(url), snapshot(html_page(element("p", {}, [text("Kwibus")])))).events == []
    assert len(s.send(meta("https://shop.example/accounts"), snapshot(html_page())).events) == 2


@pytest.mark.parametrize("url", ["https://shop.example:443/account/orders", "https://SHOP.example./account/orders",
                                 "https://jan@shop.example/account/orders", "https://jan:pw@Shop.Example.:443/account",
                                 "http://shop.example:80/account/orders"])
def test_block_urls_match_a_host_as_the_browser_reaches_it(session, url):
    """A blocked page whose address spells the host another way is the same page: the scheme's
    default port, the root's trailing dot (a browser keeps it in location.href), a user and
    password, capitals; another port is another server."""
    s = session({"block_urls": ["https://shop.example/account/*", "http://shop.example/account/*"]})
    assert s.send(meta(url), snapshot(html_page(element("p", {}, [text("Kwibus")])))).events == []
    assert len(s.send(meta("https://shop.example:8443/account/orders"), snapshot(html_page())).events) == 2


def test_a_backtracking_url_pattern_blocks_the_page_it_cannot_decide(session):
    """A site's 're:' pattern runs on URLs visitors send: one that backtracks on a crafted URL ('(a|aa)+$' on
    thirty a's and a '!': seconds with Python's re, the GIL held, every site waiting) is cut short and taken
    as matching (fail closed: the page is blocked); a plain pattern decides as before."""
    field = element("input", {"name": "q"})
    s = session({"block_urls": ["re:(a|aa)+$", "re:^https://shop\\.example/account/"]})
    crafted = "https://shop.example/" + "a" * 40 + "!"
    result = s.send(meta(crafted), snapshot(html_page(field)), input_event(field["id"], "hidden page"))
    assert result.events == [] and result.dropped == 3
    assert len(s.send(meta("https://shop.example/products"), snapshot(html_page())).events) == 2
    assert s.send(meta("https://shop.example/account/x"), snapshot(html_page())).events == []


# -- layer 2: field meaning -----------------------------------------------------------------------
@pytest.mark.parametrize("attributes, label", [
    ({"type": "email"}, ""), ({"type": "tel"}, ""), ({"autocomplete": "given-name"}, ""),
    ({"name": "telefoon"}, ""), ({"name": "billingEmail"}, ""), ({"id": "prenom"}, ""),
    ({"placeholder": "Votre adresse"}, ""), ({"aria-label": "IBAN"}, ""),
    ({}, "Volledige naam / Full name"), ({}, "Numéro de téléphone"), ({}, "Geboortedatum"),
    ({}, "BSN (burgerservicenummer)"), ({"type": "file"}, ""), ({}, "Numéro de compte"), ({}, "Kenteken"),
])
def test_field_meaning_masks_every_keystroke(session, attributes, label):
    field = element("input", {"type": "text", **attributes})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text(label), field]))))
    s.send(*typing(field['id'], "Zeta Quux 1234"))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 15)]


def test_label_for_names_a_field(session):
    field = element("input", {"id": "f1", "type": "text"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "f1"}, [text("E-mailadres")]), field)))
    s.send(*typing(field['id'], "abc"))
    assert typed_values(s.stored, field) == ["*", "**", "***"]


@pytest.mark.parametrize("around", ["div", "span", "th"])
def test_an_element_drawn_as_a_label_before_a_field_names_it(session, around):
    """<div class="form-label">Vorname</div><input>, and a table form's <th>Geburtsdatum</th><td><input>."""
    field = element("input", {"type": "text", "name": "x1"})
    label = element(around, {"class": "form-label"}, [text("Vorname" if around != "th" else "Geburtsdatum")])
    row = [label, element("td", {}, [field])] if around == "th" else [label, field]
    s = session()
    s.send(snapshot(html_page(element("tr" if around == "th" else "div", {}, row))))
    s.send(*typing(field['id'], "Zeta Quux "))
    assert typed_values(s.stored, field)[-1] == "*" * 10


def test_a_bare_text_beside_the_one_field_of_its_element_names_it(session):
    """<div>Date de naissance <input type=date></div>: no label element, the text is the label (round 5:
    a date of birth picked in a date input, which no content rule reads as one, reached Sentry's replay);
    a travel date so labelled stays readable, and so does one in an element holding two fields, whose words are
    not all this field's ("Nom" is the other's)."""
    birth, travel, other, second = (element("input", {"type": "date"}) for _ in range(4))
    s = session()
    s.send(snapshot(html_page(element("div", {}, [text("Date de naissance "), birth]),
                              element("div", {}, [text("Date de départ "), travel]),
                              element("div", {}, [text("Nom "), other, text(" Date d'arrivée "), second]))))
    s.send(input_event(birth["id"], "1979-11-02"), input_event(travel["id"], "2026-07-14"),
           input_event(second["id"], "2026-08-01"))
    assert typed_values(s.stored, birth) == ["*" * 10]
    assert typed_values(s.stored, travel) == ["2026-07-14"] and typed_values(s.stored, second) == ["2026-08-01"]


def test_a_fieldset_legend_names_the_boxes_of_a_split_value(session):
    """A card number in four boxes, a date of birth in three: only their group's <legend> says what
    they hold (the boxes after the first have no label before them, or a label "Jour")."""
    boxes = [element("input", {"inputmode": "numeric", "maxlength": "4"}) for _ in range(4)]
    card = element("fieldset", {}, [text("\n  "), element("legend", {}, [text("Kaartnummer")]), *boxes])
    day, year = (element("input", {"name": name, "inputmode": "numeric"}) for name in ("jour", "annee"))
    birth = element("fieldset", {}, [element("legend", {}, [text("Date de naissance")]),
                                     element("div", {"class": "row"}, [element("label", {}, [text("Jour "), day]),
                                                                         element("label", {}, [text("Année "), year])])])
    s = session()
    s.send(snapshot(html_page(card, birth)))
    typed = [event for box, digits in zip(boxes, ["5392", "7104", "8836", "2475"]) for event in typing(box["id"], digits)]
    remarks = s.send(*typed, *typing(day["id"], "09"), *typing(year["id"], "1958")).remarks
    for field in [*boxes, day, year]:
        assert set("".join(typed_values(s.stored, field))) == {"*"}, typed_values(s.stored, field)
    assert {r.entity for r in remarks if r.node == boxes[2]["id"]} == {"CREDIT_CARD"}
    assert {r.entity for r in remarks if r.node == year["id"]} == {"DATE_OF_BIRTH"}


def test_a_number_typed_one_digit_per_box_is_masked_in_every_box(session):
    """A bank's or a national-number widget splits one number over a row of one-character boxes (maxlength 1), each
    in its own wrapper, no label but the heading above: each box alone holds a digit, the number only exists
    across them, so no detector can read it. A browser that restores the form (history.back()) writes each
    box's digit in the next snapshot, a script fills them on a paste: those were stored as the digits of the
    number, in order. Every box is masked whole, whatever shows its value; a field beside them keeps its value."""
    number = "93051822361"  # a national number's shape, its check digits the boxes never let anyone check
    boxes = [element("input", {"type": "text", "inputmode": "numeric", "maxlength": "1", "class": "digit"})
             for _ in number]
    row = element("div", {"class": "code-row"}, [element("span", {"class": "cell"}, [box]) for box in boxes])
    quantity = element("input", {"type": "number", "name": "aantal", "maxlength": "2"})
    form = element("form", {}, [element("h3", {}, [text("Uw nummer")]), row, quantity])
    s = session()
    s.send(meta(), snapshot(html_page(form)))
    s.send(*[input_event(box["id"], digit) for box, digit in zip(boxes, number)], input_event(quantity["id"], "2"))
    for box, digit in zip(boxes, number):
        box["attributes"]["value"] = digit
    quantity["attributes"]["value"] = "2"
    s.send(meta(), snapshot(html_page(form)))
    s.send(mutation(attributes=[set_attributes(box["id"], value=digit) for box, digit in zip(boxes, number)]))
    for box in boxes:
        assert set(typed_values(s.stored, box)) == {"*"}, typed_values(s.stored, box)
    snapshot_values = [find(s.stored[-2:-1], box["id"])["attributes"]["value"] for box in boxes]
    changed = [change["attributes"]["value"] for change in s.stored[-1]["data"]["attributes"]]
    assert snapshot_values == changed == ["*"] * len(number)
    assert find(s.stored[-2:-1], quantity["id"])["attributes"]["value"] == "2"


def test_a_number_after_a_word_naming_the_visitors_file_is_masked_wherever_the_page_writes_it(session):
    """A customer's, a case's, a contract's or a policy's number that no check digit proves, right after the word
    that names it (issue 9 point 6): an account page writes it in its text, a tooltip, a copy button's label, a
    contract picker's entry, a log line, an element whose id names it ("contractnr"); all were stored. An order's
    number the site writes stays readable, and so do its own words around them."""
    numbers = ["58240193367", "7719302846", "66013927451", "902231774512", "55120938471", "31822074166"]
    page = element("div", {}, [
        element("p", {}, [text(f"Welkom terug, uw klantnummer is {numbers[0]}.")]),
        element("a", {"href": "/account", "title": f"Numéro de client {numbers[1]}"}, [text("Mon compte")]),
        element("button", {"aria-label": f"Kopieer contractnummer {numbers[2]}"}, [text("Kopieer")]),
        element("select", {"name": "keuze"}, [element("option", {"value": "1"}, [text(f"Polis {numbers[3]} (auto)")])]),
        element("span", {"id": "contractnr"}, [text(numbers[5])]),
        element("p", {}, [text("Bestelling 403817261 is verzonden")], id=60)])
    s = session()
    s.send(meta(), snapshot(html_page(page)), custom("log", {"line": f"Kundennummer {numbers[4]} geladen"}))
    stored = "\n".join(strings(s.stored))
    for number in numbers:
        assert number not in stored and not [w for w in windows(number) if w in stored], number
    assert find(s.stored, 60)["childNodes"][0]["textContent"] == "Bestelling 403817261 is verzonden"
    assert "Welkom terug, uw klantnummer is " in stored and "Kopieer contractnummer " in stored and " geladen" in stored


@pytest.mark.parametrize("link", ["aria-controls", "aria-owns"])
def test_the_suggestions_of_an_address_field_are_masked_as_its_value(session, link):
    """An address autocomplete lists the typed part in a <mark> and the rest of each street beside
    it: the pop-up the field names (ARIA combobox) holds values of the field's kind."""
    street = element("input", {"id": "street", "role": "combobox", link: "suggest"})
    suggest = element("ul", {"id": "suggest", "role": "listbox"})
    search = element("input", {"type": "search", "role": "combobox", "aria-controls": "hints"})
    hints = element("ul", {"id": "hints", "role": "listbox"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Straat en huisnummer"), street]), suggest, search, hints)))
    option = element("li", {"role": "option"}, [element("mark", {}, [text("Lytse B")]), text("uorren 31, Damwâld")])
    hint = element("li", {"role": "option"}, [element("mark", {}, [text("hooi")]), text("koortstabletten")])
    s.send(*typing(street["id"], "Lytse B"), mutation(adds=[add(suggest["id"], option), add(hints["id"], hint)]))
    stored = orjson.dumps(s.stored).decode()
    assert "uorren" not in stored and "Damw" not in stored and "Lytse" not in stored
    assert "koortstabletten" in stored  # a search box's suggestions are the shop's words


def test_a_suggestion_that_shows_the_typed_part_is_masked_as_the_field_even_in_a_list_nothing_ties(session):
    """Google's Places widget: a list appended to <body>, no aria-controls, each item the typed part in
    its own <span>, the rest of the street beside it, the town in another <span>. rrweb sends each
    added node on its own. A bigger new section that shows the typed value keeps its own words."""
    street = element("input", {"id": "street"})
    pac = element("div", {"class": "pac-container"})
    review = element("div", {"id": "review"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Adresse"), street]), pac, review)))
    item, query, matched, place = (element(tag, {"class": c}) for tag, c in (
        ("div", "pac-item"), ("span", "pac-item-query"), ("span", "pac-matched"), ("span", "")))
    typed_part, rest, town = text("7 Hent K"), text("erlaouen"), text("22820 Plougrescant, France")
    section = element("section", {})
    words = [text(w) for w in ("Votre adhésion", "Adresse :", "7 Hent K", "Offre Heol", "Prix fixe 3 ans")]
    flat = [add(pac["id"], item), add(item["id"], query), add(query["id"], matched), add(matched["id"], typed_part),
            add(query["id"], rest), add(item["id"], place), add(place["id"], town),
            add(review["id"], section), *(add(section["id"], w) for w in words)]
    s.send(*typing(street["id"], "7 Hent K"), mutation(adds=flat))
    stored = orjson.dumps(s.stored).decode()
    assert "erlaouen" not in stored and "Plougrescant" not in stored and "7 Hent" not in stored
    assert "Votre adhésion" in stored and "Offre Heol" in stored


@pytest.mark.parametrize("lang,field,typed_part,rest,town", [
    ("nl", {"name": "straat"}, "Molenwe", "g 27b", "Brugge, België"),
    ("de", {"id": "lieferadresse", "autocomplete": "off"}, "Lindenal", "lee 9", "Kassel, Deutschland"),
])
def test_the_rest_of_a_suggestion_after_its_typed_part_is_masked(session, lang, field, typed_part, rest, town):
    """Review 27 F13: an address autocomplete added as one tree bolds the typed part of each suggestion in its own
    node ("<span class=pac-matched>Molenwe</span>g 27b"): the typed part was masked as the field's echo, the word's
    rest with the house number and the town after it were kept. A text that is an echo whole and ends inside a word
    the next text goes on with has the rest of its line masked. A search's highlighted suggestion stays."""
    street = element("input", {"type": "text", **field})
    search = element("input", {"type": "search", "name": "q"})
    results = element("ul", {"class": "search-results"})
    s = session()
    s.send(meta(), snapshot(html_page(element("form", {}, [street]), search, results, lang=lang)))
    s.send(*typing(street["id"], typed_part), *typing(search["id"], "hooi"))
    body = [n for n in nodes_by_id(s.stored).values() if n.get("tagName") == "body"][0]
    row = element("div", {"class": "pac-item"}, [
        element("span", {"class": "pac-item-query"}, [element("span", {"class": "pac-matched"}, [text(typed_part)]),
                                                      text(rest)]),
        element("span", {}, [text(town)])])
    hint = element("li", {}, [element("b", {}, [text("hooi")]), text("koortstabletten")])
    s.send(mutation(adds=[add(body["id"], element("div", {"class": "pac-container"}, [row])), add(results["id"], hint)]))
    stored = list(strings(s.stored))
    assert rest not in stored and town not in stored and typed_part not in stored, stored
    assert "koortstabletten" in stored


def test_the_options_of_a_select_with_a_meaning_do_not_point_at_the_pick(session):
    """A year of birth picked in a <select>: the option marked selected in a snapshot is the pick, and
    so would be the one option an echo of the pick masked. Another select keeps its list and pick."""
    years = [element("option", {"value": y, **({"selected": True} if y == "1934" else {})}, [text(y)])
             for y in ("1933", "1934", "1935")]
    year = element("select", {"id": "year", "value": "1934"}, years)
    countries = [element("option", {"value": c, **({"selected": True} if c == "België" else {})}, [text(c)])
                 for c in ("Nederland", "België")]
    country = element("select", {"id": "country", "value": "België"}, countries)
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Geboortejaar"), year]),
                              element("label", {}, [text("Land"), country]))))
    s.send(input_event(year["id"], "1934"), snapshot(html_page(element("label", {}, [text("Geboortejaar"), year]),
                                                               element("label", {}, [text("Land"), country]))))
    for stored in (find(s.stored, option["id"]) for option in years):
        assert stored["attributes"]["value"] == "****" and not stored["attributes"].get("selected")
        assert stored["childNodes"][0]["textContent"] == "****"
    assert '"1934"' not in orjson.dumps(s.stored).decode()  # as a string: a node's id may be 1934
    assert find(s.stored, countries[1]["id"])["attributes"] == {"value": "België", "selected": True}


def test_a_select_keeps_its_product_names_and_masks_a_name_or_an_address_it_lists(session):
    """An <option>'s text is the site's list: a product named with capitals and a number stays readable (the
    words of a visitor's sentence there would be a name and a street without a street word), a whole name
    and a street before its postcode, as a server renders a household's, are masked."""
    labels = ["Pneus hiver Michelin Alpin 6 — montage et stockage", "Ruitenwissers Bosch Aerotwin 2 — vervangen",
              "Ysolde Quenouillère", "Lange Munt 41, 9000 Gent"]
    options = [element("option", {"value": str(i)}, [text(label)]) for i, label in enumerate(labels)]
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Service"), element("select", {"id": "service"}, options)]),
                              lang="fr")))
    stored = orjson.dumps(s.stored).decode()
    assert labels[0] in stored and labels[1] in stored
    assert "Quenouill" not in stored and "Lange Munt" not in stored


def test_a_value_typed_whole_from_its_datalist_is_the_sites_entry_and_a_visitors_list_still_masks(session):
    """Round 45: a claim's car model typed into a field with a <datalist> of the site's models ('Peugeot 308 SW'),
    a batch cut inside it, was stored 'Peugeot *** **' in its keystrokes and in every snapshot after: its last words
    read as cut by the batch (a trailing fragment). A value that is one of the list's entries whole was picked
    there; a model typed where no list offers it is still cut at its end, and a list the page fills with what was
    typed (a signature's names) does not make the name the site's."""
    def typed(model: str, cut: int, with_list: bool = True) -> tuple[list[str], str]:
        models = [element("option", {"value": m}) for m in ["Peugeot 308 SW", "Citroën C4 Picasso", "Dacia Duster"]]
        field = element("input", {"id": "modell", **({"list": "modelle"} if with_list else {})})
        s = session()
        s.send(snapshot(html_page(element("p", {}, [element("label", {"for": "modell"}, [text("Marke und Modell")]),
                                                    field, element("datalist", {"id": "modelle"}, models)]),
                                  lang="de")))
        s.send(*typing(field["id"], model[:cut]))
        s.send(*[input_event(field["id"], model[:i]) for i in range(cut + 1, len(model) + 1)])
        s.send(snapshot(html_page(element("p", {}, [element("input", {"id": "modell", "value": model,
                                                                      **({"list": "modelle"} if with_list else {})},
                                                                     id=field["id"]),
                                                    element("datalist", {"id": "modelle"}, [
                                                        element("option", {"value": "Peugeot 308 SW"})])]))))
        return typed_values(s.stored, field), nodes_by_id(s.stored[-1:])[field["id"]]["attributes"]["value"]

    for model, cut in [("Peugeot 308 SW", 9), ("Citroën C4 Picasso", 10)]:
        values, last = typed(model, cut)
        assert values[-1] == model, values
    values, last = typed("Peugeot 308 SW", 9)
    assert last == "Peugeot 308 SW"
    values, last = typed("Peugeot 308 SW", 9, with_list=False)
    assert values[-1] == last == "Peugeot *** **"

    signer = element("input", {"id": "s", "list": "sig"})
    names = element("datalist", {"id": "sig"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [element("label", {"for": "s"}, [text("Unterschrift")]), signer,
                                                names]), lang="de")))
    s.send(mutation(adds=[add(names["id"], element("option", {"value": "Feltgen"}))]))
    s.send(*typing(signer["id"], "Felt"))
    s.send(*[input_event(signer["id"], "Feltgen"[:i]) for i in range(5, 8)])
    assert not leaks(s.stored, "Feltgen") and not leaks(s.stored, "Felt")


def test_a_select_keeps_a_gardens_plots_named_by_a_place(session):
    """Round 35: an allotment garden's plots ("Parcelle Meuse (25 m²)", "Parcelle Citadelle (50 m²)") are two
    capitalised words, shaped as a full name: masked as one, the taint masked the plot picked and the words in the
    page's every line ("Parcelles au bord de la *****"). A plot's word before the name says it is the site's, as a
    room's does; a person's name in the same list is still masked."""
    labels = ["Parcelle Meuse (25 m²)", "Parcelle Citadelle (50 m²)", "Ysolde Quenouillère"]
    options = [element("option", {"value": label}, [text(label)]) for label in labels]
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Parcelle souhaitée"),
                                                    element("select", {"id": "parcelle"}, options)]),
                              element("p", {}, [text("Parcelles au bord de la Meuse")]), lang="fr")))
    stored = list(strings(s.stored))
    assert {"Parcelle Meuse (25 m²)", "Parcelle Citadelle (50 m²)", "Parcelle souhaitée",
            "Parcelles au bord de la Meuse"} <= set(stored)
    assert not [t for t in stored if "Quenouill" in t or "Ysolde" in t]


def test_a_select_keeps_a_universitys_faculties(session):
    """Round 44: a university's faculty <select> ("Faculté des Sciences", "Faculteit der Geneeskunde", "École des
    Mines") has capitalised words with a particle between, shaped as a name: masked as one, the taint masked the
    site's word in its label and every line ("Choisissez une *******", "******* d'accueil"). A faculty's,
    department's or school's word before the run says it is the site's, as a plot's does; a person's name in the same
    list is still masked."""
    labels = ["Choisissez une faculté", "Faculté des Sciences", "Faculté des Sciences appliquées — Chemical Engineering",
              "Faculteit der Geneeskunde", "Département des Langues", "École des Mines", "Haute École Charlemagne",
              "Ysolde Quenouillère"]
    options = [element("option", {"value": label}, [text(label)]) for label in labels]
    picker = element("select", {"id": "faculte", "name": "faculte"}, options)
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "faculte"}, [text("Faculté d'accueil")]), picker,
                              element("p", {}, [text("Chaque faculté a son secrétariat.")]), lang="fr")))
    s.send(input_event(picker["id"], labels[2]))
    stored = list(strings(s.stored))
    assert {*labels[:-1], "Faculté d'accueil", "Chaque faculté a son secrétariat."} <= set(stored)
    assert typed_values(s.stored, picker) == [labels[2]]
    assert not [t for t in stored if "Quenouill" in t or "Ysolde" in t]


def test_a_select_keeps_the_tariffs_a_product_word_names(session):
    """Round 21: an energy supplier's offers ("Mosa Variable", "Gaz Condroz Variable") are two or three capitalised
    words, shaped as a full name: masked as one, their words were masked in the page's every heading and product
    line ("**** Fixe 3 ans"). A product word in an entry says it is the site's product; a person's name beside
    them is still masked."""
    labels = ["Mosa Fixe 3 ans", "Mosa Variable", "Gaz Condroz Variable", "Zorbalie Quendt"]
    options = [element("option", {"value": str(i)}, [text(label)]) for i, label in enumerate(labels)]
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Formule"), element("select", {"id": "offer"}, options)]),
                              element("p", {}, [text("Mosa Fixe 3 ans — électricité verte, prix bloqué")]), lang="fr")))
    stored = list(strings(s.stored))
    assert {"Mosa Fixe 3 ans", "Mosa Variable", "Gaz Condroz Variable",
            "Mosa Fixe 3 ans — électricité verte, prix bloqué"} <= set(stored)
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_country_select_keeps_its_countries_of_several_words(session):
    """Round 22: a notary's nationality select ("Congolese (Democratische Republiek Congo)") had the country masked as
    a full name, and a country select masked most of its entries of two words or more ("Verenigd Koninkrijk", "Sri
    Lanka", "Costa Rica", "Hong Kong", "Vereinigte Staaten"), by their shape or the model, tainting them for the
    session (the page's own "Verzending naar het Verenigd Koninkrijk" masked). A country's whole name is a place;
    a person's name in a list beside them is still masked."""
    countries = ["België", "Verenigd Koninkrijk", "Democratische Republiek Congo", "Sri Lanka", "Costa Rica",
                 "Hong Kong", "Sierra Leone", "Vereinigte Staaten", "United Kingdom", "Marshall Islands"]
    picker = element("select", {"id": "land", "name": "land", "value": countries[0]},
                     [element("option", {"selected": True} if i == 0 else {}, [text(c)]) for i, c in enumerate(countries)])
    nationalities = ["Belgische", "Congolese (Democratische Republiek Congo)", "Zorbalie Quendt (gevolmachtigde)"]
    nationality = element("select", {"id": "nat", "name": "nationaliteit", "value": nationalities[0]},
                          [element("option", {}, [text(n)]) for n in nationalities])
    note = element("p", {"id": "shipping"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "land"}, [text("Land")]), picker,
                              element("label", {"for": "nat"}, [text("Nationaliteit")]), nationality, note, lang="nl")))
    s.send(mutation(adds=[add(note["id"], text("Verzending naar het Verenigd Koninkrijk: 5 werkdagen"))]))
    stored = set(strings(s.stored))
    assert {*countries, nationalities[1], "Verzending naar het Verenigd Koninkrijk: 5 werkdagen"} <= stored, stored
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_select_in_a_group_captioned_by_a_person_keeps_its_countries(session):
    """Round 27: a judo club's fieldset "Ouder 1 (contactpersoon)" gave its caption's meaning, a person's name, to the
    nationality <select> in it (its own label "Nationaliteit" says no meaning), so every country of the list and the
    visitor's pick were masked. A name is typed, never picked from the site's list; a box of the group with no label
    of its own still takes the caption's meaning, and a person a list names is still masked."""
    for caption in ("Ouder 1 (contactpersoon)", "Patiënt"):  # peers round 22: a patient's, a CUSTOMER_ID word
        a_select_in_a_group_keeps_its_countries(session, caption)


def a_select_in_a_group_keeps_its_countries(session, caption: str) -> None:
    countries = ["België", "Japan", "Nederland"]
    nationality = element("select", {"id": "nat"}, [element("option", {}, [text(c)]) for c in countries])
    payer = element("select", {"id": "payer"}, [element("option", {}, [text("Zorbalie Quendt")])])
    bare = element("input", {"id": "bare"})
    group = [element("fieldset", {}, [element("legend", {}, [text(caption)]),
                                      element("label", {"for": "nat"}, [text("Nationaliteit")]), nationality,
                                      element("label", {"for": "payer"}, [text("Betaler")]), payer, bare])]
    s = session()
    s.send(snapshot(html_page(*group, lang="nl")))
    s.send(input_event(nationality["id"], "Japan"), *typing(bare["id"], "Ysaure Quenouillère"))
    stored = list(strings(s.stored))
    assert set(countries) <= set(stored) and "Japan" in typed_values(s.stored, nationality), stored
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t or "Quenouill" in t or "Ysaure" in t]


def test_a_select_in_a_group_captioned_by_contact_details_keeps_its_countries(session):
    """Peers round 30: a driving school's fieldset "Vos coordonnées" (French for contact details, whose word is also
    GEOLOCATION's coordinates) gave that meaning to the country <select> in it ("Pays" says none), so every country of
    the list and the pick "Lituanie" were masked, and the masked pick once tainted PostHog's property "pays". A place's
    coordinates are typed, never picked from the site's list: the countries stay, the typed boxes of the group are
    still masked whole."""
    countries = ["Luxembourg", "Lituanie", "Slovénie"]
    country = element("select", {"id": "land", "name": "land"}, [element("option", {}, [text(c)]) for c in countries])
    phone = element("input", {"id": "urgence", "name": "urgence"})
    s = session()
    s.send(snapshot(html_page(element("fieldset", {}, [
        element("legend", {}, [text("Vos coordonnées")]),
        element("div", {}, [text("Téléphone du contact d'urgence "), phone]),
        element("div", {}, [text("Pays "), country])]), lang="fr")))
    s.send(input_event(country["id"], "Lituanie"), *typing(phone["id"], "+386 41 582 937"))
    stored = list(strings(s.stored))
    assert set(countries) <= set(stored) and "Lituanie" in typed_values(s.stored, country), stored
    assert not [t for t in stored if "582 9" in t or "+386 4" in t], stored


def test_a_country_select_in_an_address_group_keeps_its_countries(session):
    """Seen in peers round 30: "Pays" under "Adresse de livraison" took the legend's ADDRESS, so the site's list of
    countries was masked with the pick. A select whose name, id or autocomplete says a country or a nationality
    (rules/fields.yaml countries) picks from the site's list, coarse, whatever group it is in; a town picked in the
    same group is part of the address and stays masked."""
    countries = ["Luxembourg", "Lituanie", "Slovénie"]
    towns = ["Esch-sur-Alzette", "Differdange"]
    country = element("select", {"id": "land", "name": "land"}, [element("option", {}, [text(c)]) for c in countries])
    town = element("select", {"id": "localite", "name": "localite"}, [element("option", {}, [text(t)]) for t in towns])
    s = session()
    s.send(snapshot(html_page(element("fieldset", {}, [element("legend", {}, [text("Adresse de livraison")]),
                                                       element("div", {}, [text("Pays "), country]),
                                                       element("div", {}, [text("Localité "), town])]), lang="fr")))
    s.send(input_event(country["id"], "Lituanie"), input_event(town["id"], "Differdange"))
    stored = set(strings(s.stored))
    assert set(countries) <= stored and "Lituanie" in typed_values(s.stored, country)
    assert not leaks(s.stored, "Differdange")


def test_a_beer_a_visitor_orders_by_name_leaves_the_shops_beers_of_its_style_readable(session):
    """Review 17 F10: a beer named after a person ("Julius Blond") read as one masked its style word in the page's
    every product line ("Lucifer *****", "Bink *****") once remembered. Typed in an order's note, a run of
    capitalised words is a person (fail closed) and stays masked there, but one a product word ends names what the
    visitor orders: it is not remembered, and the shop's list keeps its beers and their styles."""
    note = element("textarea", {"name": "opmerking", "aria-label": "Opmerking bij uw bestelling"})
    products = element("ul", {"class": "products"}, [])
    s = session()
    s.send(snapshot(html_page(note, products, lang="nl")))
    s.send(*typing(note["id"], "Graag 6 Hubertus Blond en 4 Mathilde Tripel, bedankt "))
    beers = ["Hubertus Blond", "Sint-Arnoldus Blond", "Abdij Tripel", "Mathilde Tripel", "Kloosterbier Blond"]
    s.send(mutation(adds=[add(products["id"], element("li", {"class": "product-title"}, [text(beer)]))
                          for beer in beers]))
    stored = list(strings(s.stored))
    assert set(beers) <= set(stored)
    assert not [t for t in stored if "Hubertus" in t and "Graag" in t]  # masked where the visitor typed it


def test_a_select_masks_a_name_that_is_a_part_of_an_entry_or_follows_a_title(session):
    """A server's list of a household's addressees: a full name before a note or an address, after a title, a
    surname after a title, a surname and a given name around a comma are people (names no model knows); the product
    and place entries beside them stay readable (review 11 F2: all but the last two were masked before d863074)."""
    labels = ["Mevr. Zorbalie Quendt", "Zorbalie Quendt (facturatie)", "Zorbalie Quendt - Kerkstraat 12",
              "Dhr. Quendt", "Quendt, Zorbalie", "Pneus hiver Michelin Alpin 6 — montage et stockage", "Gent, België"]
    options = [element("option", {"value": str(i)}, [text(label)]) for i, label in enumerate(labels)]
    s = session()
    s.send(snapshot(html_page(element("select", {"name": "x"}, options))))
    stored = orjson.dumps(s.stored).decode()
    assert "Quendt" not in stored and "Zorbalie" not in stored
    assert all(kept in stored for kept in ["Mevr. ", "Dhr. ", "(facturatie)", labels[5], labels[6]])


def test_a_select_keeps_a_venue_an_article_and_one_word_name(session):
    """Round 24: a blood service's donation points ("Willebroek – De Schalk", "Gent – Het Bolwerk") had the venue
    read as a surname with its particle, masked and remembered, and the page's own list of points lost it
    ("Willebroek – Sporthal ** ******"). An article and one word alone is a house's name; a person in the list, with
    a given name or a title before such a surname, is still masked."""
    labels = ["Willebroek – De Schalk", "Gent – Het Bolwerk", "Namur – La Marlagne", "Zorbalie De Quendt",
              "Mevr. De Quendt (facturatie)"]
    options = [element("option", {"value": str(i)}, [text(label)]) for i, label in enumerate(labels)]
    s = session()
    s.send(snapshot(html_page(element("select", {"name": "punt", "multiple": True}, options),
                              element("li", {}, [text("Willebroek – Sporthal De Schalk")]), lang="nl")))
    stored = set(strings(s.stored))
    assert {*labels[:3], "Willebroek – Sporthal De Schalk"} <= stored, stored
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_select_keeps_a_firm_named_by_its_field(session):
    """Round 30: a coworking's member firms in a <select> ("Lumenlab Optics · Studio 3.12", "Fietsfabriek Robotics")
    were read as a person's given and family name, masked in the site's list and in the value picked. A firm's field
    ("Optics", "Robotics", "Software") and a factory's compound ("Fietsfabriek") are trade words, as "Motors" is; a
    person in the list is still masked."""
    labels = ["Lumenlab Optics · Studio 3.12", "Fietsfabriek Robotics · Studio 3.04", "Brightwave Software",
              "Zorbalie Quendt · Studio 3.08"]
    options = [element("option", {}, [text(label)]) for label in labels]
    picker = element("select", {"name": "bedrijf", "value": labels[0]}, options)
    s = session()
    s.send(snapshot(html_page(picker, lang="nl")))
    s.send(input_event(picker["id"], labels[1]))
    stored = list(strings(s.stored))
    assert set(labels[:3]) <= set(stored) and stored.count(labels[0]) == 2, stored
    assert typed_values(s.stored, picker) == [labels[1]]
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_select_keeps_a_towns_sectors_and_zones(session):
    """Round 40: a municipality's parking sectors in a <select> ("Secteur Helmet (zone bleue)") were read as a given
    name and a family name, masked in the site's list, in the value picked, and remembered: the page's label "Secteur
    de stationnement" and its "Votre secteur : " lost the word. A town's sector, zone or district word names a place
    after it, as a trade word names a shop; a person in the list is still masked."""
    labels = ["Secteur Helmet (zone bleue)", "Secteur Plasky (zone verte)", "Zone Dailly", "Bezirk Mitte",
              "Zorbalie Quendt (zone verte)"]
    options = [element("option", {}, [text(label)]) for label in labels]
    picker = element("select", {"id": "secteur", "name": "secteur", "value": labels[0]}, options)
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "secteur"}, [text("Secteur de stationnement")]), picker,
                              element("p", {}, [text("Votre secteur : Helmet")]), lang="fr")))
    s.send(input_event(picker["id"], labels[1]))
    stored = list(strings(s.stored))
    assert {*labels[:4], "Secteur de stationnement", "Votre secteur : Helmet"} <= set(stored), stored
    assert typed_values(s.stored, picker) == [labels[1]]
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_select_keeps_the_kinds_of_housing_it_lists(session):
    """Round 41: a housing-aid claim's <select> of the kinds of housing ("Logement HLM") was read as a given name and a
    family name, masked in the list and in the value picked, and remembered: the page's "Type de logement", "Adresse
    du logement" and its <title> lost the word. A kind of housing's word names a thing, as a trade word names a shop;
    a person in the list is still masked."""
    labels = ["Logement HLM", "Logement du parc privé", "Woning Woonhaven", "Wohnung WBS", "Zorbalie Quendt"]
    options = [element("option", {}, [text(label)]) for label in labels]
    picker = element("select", {"id": "logement", "name": "logement", "value": labels[0]}, options)
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "logement"}, [text("Type de logement")]), picker,
                              element("p", {}, [text("Adresse du logement")]), lang="fr")))
    s.send(input_event(picker["id"], labels[1]))
    stored = list(strings(s.stored))
    assert {*labels[:4], "Type de logement", "Adresse du logement"} <= set(stored), stored
    assert typed_values(s.stored, picker) == [labels[1]]
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_select_keeps_the_housing_complexes_it_lists_and_the_page_address_its_query_key(session):
    """Held-out peers round 32: a housing corporation's <select> of its complexes ("Complex Wyck-Oost") was read as a
    given name and a family name, masked in the list and remembered: the page's address lost its own query key
    ("?complex=wyck" → "?*******=wyck") in every later event, and the contract's preview the complex. A complex's
    word names a thing, as a kind of housing's does; a person in the list is still masked."""
    labels = ["Complex Céramique", "Complex Wyck-Oost", "Residentie Malberg", "Zorbalie Quendt"]
    options = [element("option", {}, [text(label)]) for label in labels]
    picker = element("select", {"id": "land", "name": "complex"}, options)
    preview = element("div", {})
    s = session()
    s.send(meta("https://wonen.example/reparatie.html?complex=wyck"),
           snapshot(html_page(element("fieldset", {}, [element("legend", {}, [text("Uw woning")]), picker]), preview,
                              lang="nl")))
    contract = element("p", {}, [text(f"Huurovereenkomst – {labels[1]}")])  # the preview the page adds once picked
    s.send(input_event(picker["id"], labels[1]), mutation(adds=[add(preview["id"], contract)]))
    s.send(meta("https://wonen.example/reparatie.html?complex=wyck&stap=bevestiging"))
    stored = list(strings(s.stored))
    assert {*labels[:3], f"Huurovereenkomst – {labels[1]}",
            "https://wonen.example/reparatie.html?complex=wyck&stap=bevestiging"} <= set(stored), stored
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_paragraph_keeps_a_district_named_by_its_compass_point(session):
    """Round 32: an energy supplier's help line ("Wij werken samen met Madi Zuidoost …") read its partner, a welfare
    service named after its district, as a given name and a family name, and masked "Zuidoost" everywhere the page
    wrote it ("Amsterdam ********"). A compound compass point names a district, not a family; a person beside the
    same words is still masked."""
    lines = ["Wij werken samen met Madi Zuidoost en Het Juridisch Loket.",
             "Servicepunt Bijlmerplein, Amsterdam Zuidoost", "Mijn buurvrouw Sanne Jacobs helpt mij."]
    s = session()
    s.send(snapshot(html_page(*(element("p", {}, [text(line)]) for line in lines), lang="nl")))
    stored = list(strings(s.stored))
    assert set(lines[:2]) <= set(stored), stored
    assert not [t for t in stored if "Jacobs" in t]


def test_a_select_keeps_a_funeral_homes_places(session):
    """Round 31: a funeral home's ceremony places in a <select> ("Funérarium de Sclessin · salon Meuse") were read as
    a given name, a particle and a family name, masked in the site's list; so was a Flemish undertaker named after
    its family ("Uitvaartzorg Verhaeghe"). A funeral parlour, a crematorium and a cemetery are places, as a chapel
    is, and an undertaker's trade is a trade; a person in the list is still masked."""
    labels = ["Funérarium de Sclessin · salon Meuse", "Crématorium de Robermont", "Cimetière de Robermont",
              "Uitvaartzorg Verhaeghe", "Zorbalie de Quendt · salon Meuse"]
    options = [element("option", {}, [text(label)]) for label in labels]
    s = session()
    s.send(snapshot(html_page(element("select", {"name": "ceremonie"}, options), lang="fr")))
    stored = list(strings(s.stored))
    assert set(labels[:4]) <= set(stored), stored
    assert not [t for t in stored if "Quendt" in t or "Zorbalie" in t]


def test_a_legend_without_field_words_leaves_its_fields_to_content(session):
    search = element("input", {"type": "text", "name": "q"})
    s = session()
    s.send(snapshot(html_page(element("fieldset", {}, [element("legend", {}, [text("Uw bestelling")]), search]))))
    s.send(*typing(search["id"], "fietsbel Amsterdam "))
    assert typed_values(s.stored, search)[-1] == "fietsbel Amsterdam "


@pytest.mark.parametrize("before", ["Wat zoekt u?", "Stuur ons een e-mail als u vragen heeft over uw bestelling"])
def test_text_before_a_field_that_is_no_label_leaves_it_to_content(session, before):
    """No field word, or a sentence rather than a label: the field is judged by what it holds."""
    field = element("input", {"type": "text", "name": "q"})
    s = session()
    s.send(snapshot(html_page(element("div", {}, [element("div", {}, [text(before)]), field]))))
    s.send(*typing(field['id'], "fietsbel Amsterdam "))
    assert typed_values(s.stored, field)[-1] == "fietsbel Amsterdam "


def test_a_search_box_stays_readable(session):
    search = element("input", {"type": "search", "name": "q", "placeholder": "Zoeken"})
    s = session()
    s.send(snapshot(html_page(search)))
    s.send(*typing(search['id'], "fietsbel Amsterdam "))
    assert typed_values(s.stored, search)[-1] == "fietsbel Amsterdam "


@pytest.mark.parametrize("name", ["titel", "subject", "ad-title"])
def test_a_title_or_subject_field_stays_readable_as_a_search_box_does(session, name):
    """An ad's title, a message's subject: a thing's capitalised words, not a name by their shape (round 12's
    'Bakfiets Babboe City met regenhuif' was masked, tainted, and 'bakfiets' with it in the description);
    what the detectors find there is still masked."""
    title = element("input", {"name": name, "id": f"f-{name}"})
    s = session()
    s.send(snapshot(html_page(title, lang="nl")))
    s.send(*typing(title["id"], "Bakfiets Babboe City met regenhuif "))
    s.send(snapshot(html_page(element("input", {"name": name, "id": f"f-{name}", "value": "Bakfiets Babboe"}), lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert typed_values(s.stored, title)[-1] == "Bakfiets Babboe City met regenhuif " and '"Bakfiets Babboe"' in stored
    s.send(*typing(title["id"], "Fiets te koop, bel Jorik op 0472 61 09 38 "))
    assert "0472 61" not in orjson.dumps(s.stored).decode()


@pytest.mark.parametrize("value", ["Amélie Vermeulen BE71 0961 2345 6769 ", "Jan Peeters BE71096123456769 ",
                                   "Ysoline Daemers-Quendt 2024 ", "Amélie Vermeulen 1990 ", "Peeters, Jan ",
                                   "Zorbalie Quendt 0478 91 35 27 ",
                                   # surname first with no comma, as an admin's list and a phone leave it (review 22 F3)
                                   "wierzbicka marta ", "DUMITRESCU Ioana "])
def test_a_search_box_value_that_holds_a_person_s_data_is_masked_whole(session, value):
    """A product search holds no IBAN, no year of birth, no phone: a search value that does is about
    a person, and the words beside the number are the same person's, a name no detector reads
    there included. So is a name written surname first."""
    search = element("input", {"type": "search", "name": "q"})
    s = session()
    s.send(snapshot(html_page(element("form", {"role": "search"}, [search]))))
    s.send(*typing(search['id'], value))
    assert typed_values(s.stored, search)[-1] == "".join("*" if c != " " else c for c in value)


def test_a_name_searched_surname_first_is_masked_in_the_search_url(session):
    """Review 22 F3: "?q=kowalczyk+anna" kept the surname; a search is about a person when it holds a name written
    surname first, as when it holds one given name first."""
    s = session()
    s.send(meta("https://winkel.example/zoeken?q=kaczmarek+julia&page=2"), snapshot(html_page(element("p", {}, [text("x")]))))
    stored = orjson.dumps(s.stored).decode()
    assert "kaczmarek" not in stored and "page=2" in stored


@pytest.mark.parametrize("value", ["nike air max 90 ", "iphone 15 pro 256gb ", "samsung galaxy s24 ", "Apple Watch Ultra ",
                                   "Nike Air Max 270 90 "])
def test_a_product_search_with_numbers_stays_readable(session, value):
    search = element("input", {"type": "search", "name": "q"})
    s = session()
    s.send(snapshot(html_page(element("form", {"role": "search"}, [search]))))
    s.send(*typing(search['id'], value + "kopen "))
    assert typed_values(s.stored, search)[-1] == value + "kopen "


@pytest.mark.parametrize("attrs, value, readable", [
    ({"type": "search", "name": "q"}, "playmobil 70910", True), ({"type": "search", "name": "q"}, "agenda 2027", True),
    ({"name": "zoekterm"}, "stickers EK2028", True), ({"name": "promo"}, "PAASEI2026", True),
    ({"name": "coupon_code"}, "ZOMERSALE2027", True), ({"name": "kortingscode"}, "LENTE15", True),
    # what may still grow into a phone, an account, a card: masked where it is settled too
    ({"type": "search", "name": "q"}, "bel 0478", False), ({"type": "search", "name": "q"}, "rekening NL2026", False),
    ({"type": "search", "name": "q"}, "lego 621", False), ({"type": "search", "name": "q"}, "kaart 411111", False),
    ({"type": "search", "name": "q"}, "lego 7091 ", False)])
def test_a_search_terms_or_a_codes_last_number_is_readable_once_settled(session, attrs, value, readable):
    """Review 17 F11: a search term or a promotion's code ending in a number ("lego 42115", "kalender 2025",
    "NOEL2024") was masked at its end in every keystroke (the batch may end there) and again in the next snapshot,
    where the value is settled: the set's number, the year, the whole code never readable. A number alone there
    (no groups before it, no space after it) that starts no phone (0, +, a Luxembourg number's first digits) nor an
    IBAN, of five digits at most, is what it reads; one that may still grow into a number worth hiding stays
    masked."""
    field = element("input", {**attrs, "id": "field"})
    s = session()
    s.send(snapshot(html_page(field)))
    s.send(*typing(field["id"], value))
    settled = element("input", {**attrs, "id": "field", "value": value})
    s.send(snapshot(html_page(settled)))
    shown = find(s.stored, settled["id"])["attributes"]["value"]
    if readable:
        assert shown == value
    else:
        assert shown.split()[-1].strip("*") == "", shown


@pytest.mark.parametrize("label, value, readable", [
    ("Montant (EUR) / Bedrag", "1.250,00", True), ("Montant", "250,00", True), ("Bedrag", "1250,00", True),
    ("Amount", "€ 1.250,00", True), ("Prix proposé", "89,95", True),
    # what may still grow into a phone or an account: masked where it is settled too
    ("Remarque", "0475 12,34", False), ("Montant", "1.250,0", False), ("Remarque", "06.12", False)])
def test_an_amount_with_its_decimal_comma_is_readable_once_settled(session, label, value, readable):
    """Held-out round 48: a transfer's amount '1.250,00' typed in its field was masked in its snapshot too, read as a
    word that might grow (its dot, an address's; its digits, a phone's groups). An amount written with its decimal
    comma and its two cents, no digit groups before it, is no phone, account nor address: readable once settled;
    while typed, its end is masked as any last word is."""
    field = element("input", {"id": "bedrag"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "bedrag"}, [text(label)]), field, lang="fr")))
    s.send(*typing(field["id"], value))
    settled = element("input", {"id": "bedrag", "value": value})
    s.send(snapshot(html_page(element("label", {"for": "bedrag"}, [text(label)]), settled, lang="fr")))
    shown = find(s.stored, settled["id"])["attributes"]["value"]
    if readable:
        assert shown == value
    else:
        assert shown.split()[-1].strip("*") == "", shown


def test_a_search_query_in_a_page_address_that_holds_a_person_s_data_is_masked_whole(session):
    s = session()
    s.send(meta("https://shop.example/zoeken?q=Jan+Peeters+1990&page=2"),
           snapshot(html_page(element("a", {"href": "/zoeken?q=Am%C3%A9lie+Vermeulen+BE71+0961+2345+6769"}, [text("x")]),
                              element("a", {"href": "/zoeken?q=iphone+15+pro+256gb"}, [text("y")]))))
    stored = "\n".join(strings(s.stored))
    for word in ("Peeters", "1990", "Vermeulen", "Am%C3%A9lie", "0961"):
        assert word not in stored, word
    assert "page=2" in stored and "q=iphone+15+pro+256gb" in stored



def test_nordic_and_transliterated_russian_name_and_phone_keys_are_masked_in_the_address_and_a_payload(session):
    """Review 21 F14: a Nordic order form's GET query (?fornavn=…&etternavn=…, förnamn/efternamn, etunimi/sukunimi,
    enavn, tlf) and a custom event's payload under the same keys, Icelandic "sími" and Russian written in Latin
    letters ("familiya") were stored raw: a surname alone is a capitalised word, eight digits no phone's shape, and
    the keys said nothing. "simi" runs inside "similar": only a key made of it alone says a phone; the form's step,
    the delivery's choice and a similar products' list stay."""
    s = session()
    s.send(meta("https://shop.example/bestilling?fornavn=Torbjorg&etternavn=Haugsvaerine&f%C3%B6rnamn=Ylvalena"
                "&efternamn=Bergkvistova&etunimi=Ilmatar&sukunimi=Kantokoskela&enavn=Mogensenne&tlf=41876523"
                "&familiya=Zhdanovicheva&steg=levering"),
           snapshot(html_page(element("p", {}, [text("Bestilling")]))),
           custom("checkout", {"fornavn": "Torbjorg", "etternavn": "Haugsvaerby", "förnamn": "Ylvalena",
                               "efternamn": "Bergkvistby", "etunimi": "Ilmatar", "sukunimi": "Kantokoskinen",
                               "efternavn": "Mogensby", "tlf": "41876524", "sími": "6812347", "familiya": "Zhdanovby",
                               "similarItems": "Ullgenser", "frakt": "Hentepunkt"}))
    stored = "\n".join(strings(s.stored))
    for value in ("Haugsv", "Bergkv", "Kantok", "Mogens", "4187652", "6812347", "Zhdano", "Torbjorg", "Ylvalena",
                  "Ilmatar"):
        assert value not in stored, value
    assert "steg=levering" in stored and "Ullgenser" in stored and "Hentepunkt" in stored


def test_nordic_address_keys_are_masked_in_the_address_and_a_payload(session):
    """Round 19 of the held-out hunt: a Swedish register's record in a custom event, {"gatuadress": …, "postnummer":
    "831 82", "postort": …}, stored its postcode raw (digits no recognizer reads alone, under a key that said
    nothing), and the Norwegian ("gateadresse", "poststed") and Danish ("postnr", "vejnavn") keys said nothing either;
    the record's other fields and an order's step stay."""
    s = session()
    s.send(meta("https://shop.example/bestilling?postnummer=83182&postnr=2100&steg=levering"),
           snapshot(html_page(element("p", {}, [text("Bestilling")]))),
           custom("register", {"anhorig": {"postnummer": "831 82", "postort": "Ostersundby", "gatuadress": "Dalgatan 9",
                                           "relation": "mor"},
                               "maat": {"gateadresse": "Kirkeveien 12 B", "postnummer": "0368", "poststed": "Oslo"},
                               "kunde": {"vejnavn": "Amagerbrogade 7", "postnr": "2300"}, "frakt": "Hentepunkt"}))
    stored = "\n".join(strings(s.stored))
    for value in ("831 82", "83182", "2100", "Ostersundby", "Dalgatan", "Kirkeveien", "0368", "Oslo", "Amagerbrogade",
                  "2300"):
        assert value not in stored, value
    assert "steg=levering" in stored and "Hentepunkt" in stored and "mor" in stored


def test_birth_date_keys_in_other_languages_are_masked_in_a_payload(session):
    """Round 19 of the held-out hunt: a Swedish register's {"födelsedatum": "1958-11-04"} was stored raw: an ISO date
    alone is no birth date, and the key said nothing; so were the Norwegian, Finnish, Polish, Turkish and Romanian
    keys. A delivery's date stays."""
    s = session()
    s.send(meta("https://shop.example/bestilling"), snapshot(html_page(element("p", {}, [text("Bestilling")]))),
           custom("register", {"födelsedatum": "1958-11-04", "fødselsdato": "1987-04-15", "syntymäaika": "1994-05-01",
                               "data_urodzenia": "1979-11-04", "doğum_tarihi": "1991-06-23",
                               "data_nașterii": "1984-02-17", "leveransdatum": "2025-11-04"}))
    stored = "\n".join(strings(s.stored))
    for value in ("1958", "1987", "1994", "1979", "1991", "1984"):
        assert value not in stored, value
    assert "2025-11-04" in stored


def test_a_csv_in_a_payload_has_its_cells_masked_by_their_column(session):
    """Round 19 of the held-out hunt: a crew list the page attached as CSV ("namn;personnummer;gatuadress;postnummer;
    roll") stored the postcode of its row raw ("413 04": digits no recognizer reads alone); a column's name says what
    its cells hold as a payload's key does, so a cell under "postnummer" or "Adres" is masked whole, under "roll" or
    "Product" it stays, and a line with as many cells as the header only is read as a row."""
    s = session()
    s.send(meta("https://shop.example/bemanning"), snapshot(html_page(element("p", {}, [text("Bemanning")]))),
           custom("crew", {"csv": "namn;personnummer;gatuadress;postnummer;roll\nSture Wallin;470823-1230;storgatan 5b;"
                                  "413 04;kassör\n",
                           "export": "Product,Adres,Postcode\r\nZadeldek Comfort,kerkstraat 12,9000\r\n"}))
    stored = "\n".join(strings(s.stored))
    for value in ("413 04", "storgatan", "kerkstraat", "9000", "470823"):
        assert value not in stored, value
    assert "kassör" in stored and "Zadeldek Comfort" in stored and "namn;personnummer" in stored


def test_polish_turkish_romanian_and_first_last_name_keys_are_masked_in_the_address_and_a_payload(session):
    """Review 22 F4: a surname under "nazwisko", "soyadı", "nume" or "last" (and a given name under "imie", "ad",
    "prenume", "first") in a page's query and a custom event's payload was stored raw: a capitalised word alone, and
    the keys said nothing. "ad" and "nume" say so as the whole key only ("adres", "numero" say other things); a
    GraphQL page's {"first": 20} is a count and stays, and so do an advert's object and an order's step."""
    s = session()
    s.send(meta("https://shop.example/zamowienie?imie=Bozenka&nazwisko=Wierzchoslawska&ad=Gulbahar&soyad%C4%B1=Karaosmanova"
                "&nume=Dumitrascuta&prenume=Ileanuta&first=Wendeline&last=Oosterwijkx&krok=dostawa"),
           snapshot(html_page(element("p", {}, [text("Zamowienie")]))),
           custom("checkout", {"Imię": "Bozenka", "nazwisko": "Wierzchoslawka", "adı": "Gulbahar", "SOYADI": "Karaosmanby",
                               "nume": "Dumitrescuby", "prenume": "Ileanuta", "first": "Wendeline", "last": "Oosterwijky",
                               "numero": "Piętro 2", "connection": {"first": 20, "after": "YXJyYXk6MA"},
                               "ad": {"slot": "Kampania Wiosna"}}))
    stored = "\n".join(strings(s.stored))
    for value in ("Bozenka", "Wierzchos", "Gulbahar", "Karaosman", "Dumitr", "Ileanuta", "Wendeline", "Oosterwijk"):
        assert value not in stored, value
    assert "krok=dostawa" in stored and "Piętro 2" in stored and "Kampania Wiosna" in stored
    assert '"first":20' in orjson.dumps(s.stored).decode()


def test_albanian_and_croatian_name_keys_and_labels_are_masked(session):
    """Round 40 (probed beside the page): a surname under Albanian "Mbiemri" or Croatian "Prezime" in a page's text, a
    query or a payload, and a given name under Albanian "emri" as a key, were stored raw: a capitalised word alone,
    and the words said nothing. "emri" says so as the whole key only; an Albanian company's name under its own key
    and the query's step stay. Each in a session of its own: a name one of them taught would mask the others."""
    sends = [(meta(), snapshot(html_page(element("p", {}, [text("Mbiemri: Zenelaj")]), lang="sq"))),
             (meta(), snapshot(html_page(element("p", {}, [text("Prezime: Horvatinka")]), lang="hr"))),
             (meta("https://shop.example/regjistrimi?mbiemri=Krasniqaj&hapi=2"), snapshot(html_page())),
             (meta(), snapshot(html_page()), custom("profile", {"emri": "Ardiana", "kompania": "Telekomi i Kosovës"}))]
    stored = ""
    for events in sends:
        s = session()
        s.send(*events)
        stored += "\n".join(strings(s.stored))
    for value in ("Zenelaj", "Horvatin", "Krasniqaj", "Ardiana"):
        assert value not in stored, value
    assert "hapi=2" in stored and "Mbiemri: " in stored and "Telekomi i Kosovës" in stored


def test_pesel_and_turkish_identity_number_under_their_keys_are_masked(session):
    """Review 22 F5: a console's JSON {"pesel": …} and an error's {"tc_kimlik_no": …} were stored raw: the keys were on
    no list, and eleven digits alone are any number's shape. A Polish shop's parcel number stays."""
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Konto")]))),
           custom("profile", {"pesel": "92031710009", "tc_kimlik_no": "38527164950", "TCKN": "38527164950",
                              "paczka": "Paczkomat WAW22A"}))
    stored = "\n".join(strings(s.stored))
    assert "9203171" not in stored and "3852716" not in stored and "Paczkomat WAW22A" in stored


def test_national_numbers_under_their_keys_in_the_visitors_language_are_masked(session):
    """Review 21 F7: a custom event's payload gave a Greek tax number under "afm", a Hungarian social security number
    under "taj", Russian numbers under "snils" and "inn", a Swedish personnummer under "pnr" (its abbreviation) and a
    passport's under "pasaporte": digits nothing else says are a person's were stored raw. "afm", "taj", "inn", "pnr"
    say so as the whole key only: a contest's "winner" and a dish's "tajine" stay."""
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Profiili")]))),
           custom("profile", {"afm": "094014201", "taj": "037687210", "snils": "15748290311", "inn": "500100732259",
                              "pnr": "199202141181", "pasaporte": "XDB482913", "winner": "Kalmar FF",
                              "tajine": "Lamm med plommon"}))
    stored = "\n".join(strings(s.stored))
    for value in ("094014201", "037687210", "15748290311", "500100732259", "199202141181", "XDB482913"):
        assert value[:6] not in stored, value
    assert "Kalmar FF" in stored and "Lamm med plommon" in stored


def test_a_handle_under_a_key_that_names_a_persons_account_is_pseudonymised_and_an_opaque_id_kept(session):
    """Review 21 F10: a site's custom event gave a person's handle under "user", "userId", "user.id", OpenTelemetry's
    "enduser.id", "account", "member", "seller", "buyer_handle", "owner", "klant", "kunde", "cliente", "kund": a handle
    made of a name ("ragnhildo1983", "maaike.vdb") is no word a detector reads, and was stored. Pseudonymised as
    Sentry's and PostHog's user keys are (the same handle, the same pseudonym); an opaque id (a UUID, a database
    number, "user-1042") is kept, and so are keys that say more ("user_agent", "accountType"), a product's "handle"
    and an account's object read key by key. A handle is remembered and masked where the page echoes it; a plain word
    there ("premium", "Anonymous": a plan's, a role's) is pseudonymised but not remembered, and the site's "Premium"
    stays."""
    handles = {"user": "ragnhildo1983", "userId": "maaike.vdb", "user.id": "ragnhildo1983", "enduser.id": "ola_nordm7",
               "account": "thijsvangorp", "member": "eline.dk", "seller": "brecht.vl", "buyer_handle": "@sanne.hv",
               "owner": "lotteverb", "klant": "joris.dm", "kunde": "hansjoerg.w", "cliente": "maite.arr",
               "kund": "ebba.lind"}
    kept = {"buyerId": "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", "memberId": 48213, "owner_id": "user-1042",
            "user_agent": "Mozilla/5.0", "accountType": "zakelijk", "seller_account": {"plan": "Starter"},
            "product": {"handle": "wollen-trui"}}
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Mijn account")]))),
           custom("account-loaded", {**handles, **kept}), custom("plan", {"account": "premium", "user": "Anonymous"}))
    s.send(snapshot(html_page(element("p", {}, [text("Welkom terug ragnhildo1983, uw Premium abonnement")]))))
    [payload, plan] = [e["data"]["payload"] for e in s.stored if e["type"] == 5]
    assert "premium" not in json.dumps(plan) and "Anonymous" not in json.dumps(plan), plan
    assert "Welkom terug *************, uw Premium abonnement" in strings(s.stored)
    for key, value in handles.items():
        assert value.lstrip("@")[:6] not in json.dumps(payload), key
    assert payload["user"] == payload["user.id"] != "ragnhildo1983", payload
    assert {k: payload[k] for k in kept} == kept, payload


def test_a_url_parameter_that_names_a_persons_account_is_masked_as_the_payload_key_is(session):
    """Review 23 F2: a page's address named a person's account in its query ("?user=", "?u=", "?author=",
    "?profile=", "?seller=", "?klant="), holding a login, a surname or a handle no detector reads: the payload's
    key reading (person_ids) was not the URL parameter's, and the address kept them. Read by the same words now: the
    handle is masked and remembered (its echo in the page masked too); an opaque id and a URL under such a name are
    kept, and a plain word there ("?account=premium") is masked but not remembered, so the page's "premium" stays."""
    handles = {"user": "wardvdput", "u": "noor.claeys", "author": "Verhaeghe", "profile": "fien_dm91",
               "seller": "kobe.lamb", "klant": "Vanhoutte"}
    url = ("https://shop.example/beheer/orders?" + "&".join(f"{k}={v}" for k, v in handles.items())
           + "&member=48213&owner=user-1042&account=premium&u=https%3A%2F%2Fshop.example%2Fdeel&tab=open")
    s = session()
    s.send(meta(url), snapshot(html_page(element("p", {}, [text("Bestelling van noor.claeys, pakket premium")]))))
    href, stored = s.stored[0]["data"]["href"], "\n".join(strings(s.stored))
    for key, value in handles.items():
        assert value not in href, key
    assert "noor.claeys" not in stored and "pakket premium" in stored, stored
    assert "premium" not in href, href
    assert all(kept in href for kept in ("member=48213", "owner=user-1042", "tab=open",
                                         "u=https%3A%2F%2Fshop.example%2Fdeel")), href


def test_a_person_named_by_a_bookings_role_in_a_payload_or_a_url_is_masked_and_an_opaque_id_kept(session):
    """Review 29 F8: a booking widget's event, a course's or an appointment's payload named the person under their
    role ({"patient": …}, {"attendee": …}, {"deelnemer": …}, {"reservedBy": …}) and a confirmation page's address under
    its parameter ("?gast=", "?eigenaar="): a surname alone there, which no detector reads, was stored. Read as the
    account keys are (person_ids), a deed's word before "by" too; an opaque id under such a key, a count of guests and
    a key that says more ("guestCount") stay."""
    named = {"patient": "Vercammen", "attendee": "Oyelaran", "participant": "Haesaert", "deelnemer": "Wuytack",
             "leerling": "Bogaerts", "booker": "Nwachukwu", "reservedBy": "Lambrechts", "booked_by": "Moerman",
             "guest": "Tshilombo"}
    kept = {"attendeeId": 48213, "patient_id": "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", "guestCount": 2,
            "sortBy": "datum", "by": "datum"}
    url = "https://praktijk.example/afspraak/bevestigd?gast=Vanhecke&eigenaar=Lievens&slot=2026-12-09&deelnemer=48213"
    s = session()
    s.send(meta(url), snapshot(html_page(element("p", {}, [text("Uw afspraak is bevestigd")]))),
           custom("booking", {**named, **kept}))
    [payload] = [e["data"]["payload"] for e in s.stored if e["type"] == 5]
    href = s.stored[0]["data"]["href"]
    for key, value in named.items():
        assert value not in json.dumps(payload), key
    assert {k: payload[k] for k in kept} == kept, payload
    assert "Vanhecke" not in href and "Lievens" not in href, href
    assert "slot=2026-12-09" in href and "deelnemer=48213" in href, href


@pytest.mark.xfail(strict=True, reason="review 29 F8, left open: 'client' names a software's client as often "
                   "({\"client\": \"web\"}, ?client=ios), so it is no person_ids word; a surname under it is kept")
def test_a_surname_under_a_client_key_is_masked(session):
    s = session()
    s.send(meta("https://kapper.example/afspraak?client=Vanderlinden"),
           snapshot(html_page(element("p", {}, [text("Afspraak bevestigd")]))), custom("booking", {"client": "Vanderlinden"}))
    assert "Vanderlinden" not in json.dumps(s.stored)


def test_a_selector_in_a_payload_naming_an_element_by_a_persons_slug_is_masked_as_the_doms_is(session):
    """Review 23 F3: an SDK names the element clicked or measured by a CSS selector (Sentry's ui.click breadcrumb,
    PostHog's $rageclick $target_selector, $elements_chain and a web vital's attribution): an id or a class slugged
    from a person's name there ("#member-wouter-janssens", "li.comment-author-wouter-janssens") was read as prose,
    where no detector reads a slug, and stored; the same id on the DOM's element is masked (person_slugs). Read
    as the DOM's ids and classes are now; the site's own ids and classes stay."""
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Forum")]))))
    s.send(custom("breadcrumb", {"category": "ui.click", "message": "body > li.comment-author-wouter-janssens > a"}),
           custom("$rageclick", {"$target_selector": "#member-wouter-janssens > img.avatar",
                                 "$elements_chain": 'a.user-wouter-janssens:nth-child="2"attr__class="btn '
                                                    'user-wouter-janssens"attr__href="/forum"',
                                 "attribution": {"element": "#profile-wouter-janssens"},
                                 "kept": "div#main-content > ul.product-list > a.btn-primary"}))
    stored = orjson.dumps(s.stored).decode()
    assert "janssens" not in stored and "wouter" not in stored, stored
    assert "div#main-content > ul.product-list > a.btn-primary" in stored
    assert all(part in stored for part in ("li.comment-author-", "#member-", "img.avatar", "attr__class=\\\"btn user-"))


def test_a_tables_rows_as_arrays_are_read_row_by_row_and_judged_by_column(session):
    """Review 23 F5: an API's rows as arrays (DataTables' {"data": [["Mathis", "Vercruysse", …]]}) put a surname alone
    in a cell with no key, one word too little for a detector, and the payload kept it; rows as objects are masked
    by their keys. Each row is read as the line its cells make, and a column found to hold a name in one row is
    masked in every row, a name no detector reads alone included (fail closed). A table that names no one stays, and
    so do a list's numbers."""
    rows = [["Mathis", "Vercruysse", "Kortrijk", 1043], ["Ilse", "Wauters", "Leuven", 1044],
            ["Omar", "Bouzidi", "Mechelen", 1045]]
    kept = {"slots": [["Vergaderzaal", "Blok A", 4], ["Werkplek", "Blok B", 2]], "points": [[1, 2], [3, 4]]}
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Klanten")]))))
    s.send(custom("performanceSpan", {"op": "resource.fetch", "description": "https://shop.example/api/klanten",
                                      "data": {"response": {"body": {"draw": 1, "data": rows, **kept}}}}))
    body = s.stored[-1]["data"]["payload"]["data"]["response"]["body"]
    for surname in ("Vercruysse", "Wauters", "Bouzidi"):
        assert surname not in json.dumps(body), body
    assert all(not row[0].isalpha() and not row[1].isalpha() for row in body["data"]), body
    assert {k: body[k] for k in kept} == kept, body


GERMAN_LABELS = [("E-Mail-Adresse", "EMAIL_ADDRESS"), ("Telefonnummer", "PHONE_NUMBER"), ("Handynummer", "PHONE_NUMBER"),
                 ("Vorname", "PERSON"), ("Nachname", "PERSON"), ("Benutzername", "PERSON"), ("Straße", "POSTAL_ADDRESS"),
                 ("Hausnummer", "POSTAL_ADDRESS"), ("PLZ", "POSTAL_ADDRESS"), ("Ort", "POSTAL_ADDRESS"),
                 ("Geburtsdatum", "DATE_OF_BIRTH"), ("Kontonummer", "IBAN_CODE"), ("Kreditkartennummer", "CREDIT_CARD"),
                 ("Passwort", "SECRET"), ("Steuer-ID", "TAX_ID"), ("Personalausweis", "NATIONAL_ID"),
                 ("Kundennummer", "CUSTOMER_ID")]


@pytest.mark.parametrize("label, entity", GERMAN_LABELS)
def test_german_labels_name_fields(session, label, entity):
    field = element("input", {"type": "text"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text(label), field]), lang="de")))
    result = s.send(*typing(field["id"], "Zeta Quux 1234"))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 15)]
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {entity}


@pytest.mark.parametrize("label, entity", [
    ("Adresse pour la carte de remerciement", "POSTAL_ADDRESS"), ("Adres voor het bedankkaartje", "POSTAL_ADDRESS"),
    ("Billing address of the card", "POSTAL_ADDRESS"), ("Numéro de carte", "CREDIT_CARD"), ("Card number", "CREDIT_CARD")])
def test_a_label_that_names_an_address_and_a_card_names_an_address_field(session, label, entity):
    """Round 23: the address for a wedding's thank-you card ("Adresse pour la carte de remerciement") was read as a
    card's number, the first meaning its words said, so the typed address's words were not remembered alone."""
    field = element("textarea", {})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text(label), field]), lang="fr")))
    result = s.send(*typing(field["id"], "Zeta Quux 1234"))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 15)]
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {entity}


@pytest.mark.parametrize("label", ["Passphrase", "Your recovery phrase (24 words)", "Seed phrase", "Mnemonic",
                                   "Herstelzin", "Wachtzin", "Wiederherstellungsphrase", "Phrase de récupération"])
def test_a_secret_made_of_words_is_masked_whole_by_its_label(session, label):
    """A wallet's seed or a key's passphrase is typed in a type=text field (to show the words), labelled by a word
    for it: masked whole in every keystroke value and in the next snapshot's value, as a password is (review 17 F7:
    "Passphrase", "Herstelzin", "Seed phrase" named nothing, and every settled word was stored)."""
    words = "lantaarn kiezel tractor mossel bries"
    field = element("input", {"type": "text", "id": "f-seed", "autocomplete": "off"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "f-seed"}, [text(label)]), field)))
    result = s.send(*typing(field["id"], words))
    field["attributes"]["value"] = words
    s.send(snapshot(html_page(element("label", {"for": "f-seed"}, [text(label)]), field)))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, len(words) + 1)]
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {"SECRET"}
    stored = "\n".join(strings(s.stored))
    assert not [word for word in words.split() if word in stored]


@pytest.mark.parametrize("label", ["Meisjesnaam", "Roepnaam", "Spitzname", "Surnom", "Partner", "Begunstigde 2",
                                   "Huisarts", "Moeder / Vader", "Médecin traitant", "Emergency contact"])
def test_a_field_labelled_by_a_name_compound_or_a_role_alone_holds_a_persons_name(session, label):
    """A maiden name, a nickname, the partner's or the doctor's name: one word no list knows, typed in a field whose
    label is a compound of "naam"/"name" (found inside a label's word from 6 letters only) or a person's role alone
    (read in page text and keys only): masked while typed and stored raw as the next snapshot's value (review 17 F6)."""
    field = element("input", {"type": "text", "id": "f-wie"})
    page = lambda: html_page(element("label", {"for": "f-wie"}, [text(label)]), field, lang="nl")  # noqa: E731
    s = session()
    s.send(snapshot(page()))
    result = s.send(*typing(field["id"], "Quendtaert"))
    field["attributes"]["value"] = "Quendtaert"
    s.send(snapshot(page()))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 11)]
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {"PERSON"}
    assert "Quendt" not in "\n".join(strings(s.stored))


@pytest.mark.parametrize("label", ["Familljennumm", "Virnumm", "Numm", "Mäi Numm", "Numm vum Kand", "Kontaktpersoun",
                                   "Erziehungsberechtigte(r)", "Name des Erziehungsberechtigten"])
def test_a_field_labelled_in_luxembourgish_holds_a_persons_name_and_its_echo_on_the_next_page_is_masked(session, label):
    """Review 18 F5: a surname typed under a Luxembourgish label ("Familljennumm", "Mäi Numm", "Numm vum Kand",
    "Kontaktpersoun") or the German "Erziehungsberechtigte(r)" was masked in the field but given no meaning, so not
    remembered: the next batch's confirmation page ("Är Donnéeën: …", "… vum …") stored it raw. "Numm" alone is said only as a
    whole label: inside an identifier it runs into "Kundennummer", a customer's number."""
    field, number = element("input", {"type": "text", "id": "f-wie"}), element("input", {"id": "kundennummer"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "f-wie"}, [text(label)]), field, number, lang="lb")))
    result = s.send(*typing(field["id"], "Quendtaert"), *typing(number["id"], "77"))
    s.send(snapshot(html_page(element("p", {}, [text("Merci fir d'Umeldung vum Quendtaert aus Bettembourg")]), lang="lb")))
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {"PERSON"}
    assert {r.entity for r in result.remarks if r.node == number["id"]} == {"CUSTOMER_ID"}
    stored = "\n".join(strings(s.stored))
    assert "Quendt" not in stored and "Merci fir d'Umeldung vum " in stored and " aus Bettembourg" in stored


def test_luxembourgish_numm_names_a_person_as_nom_does_in_page_text_cells_keys_and_queries(session):
    """Review 28 F6: Luxembourg's "Numm" (a name) was read only as a form field's whole label: the name after it in page
    text ("Numm: …"), beside it in a table or a list (<th>Numm</th>, <dt>Numm</dt>, a header row), under it as a payload's
    key or a query's parameter was stored raw. It is read as a whole word wherever "Nom" is, never inside a longer
    word: an identifier's "Kundennummer" is a customer's number, and a page's "Nummeréierung" says nothing."""
    rows = [element("tr", {}, [element("th", {}, [text("Numm")]), element("th", {}, [text("Virnumm")])]),
            element("tr", {}, [element("td", {}, [text("Quendtaert")]), element("td", {}, [text("Orlaith")])])]
    number = element("input", {"id": "kundennummer"})
    page = html_page(element("p", {}, [text("Numm: Vlaskamp Idris")]),
                     element("dl", {}, [element("dt", {}, [text("Numm")]), element("dd", {}, [text("Zwennaert")])]),
                     element("table", {}, [element("tr", {}, [element("th", {}, [text("Numm")]),
                                                             element("td", {}, [text("Brouckaert")])])]),
                     element("table", {}, rows), element("p", {}, [text("Nummeréierung vun de Säiten")]), number,
                     lang="lb")
    s = session()
    s.send(meta(href="https://gemeng.example/sich?numm=Thijsmans"), snapshot(page))
    result = s.send(custom("umeldung", {"numm": "Lindqvaert", "virnumm": "Orlaith"}), *typing(number["id"], "77"))
    stored = "\n".join(strings(s.stored))
    for name in ("Vlaskamp", "Zwennaert", "Brouckaert", "Quendtaert", "Thijsmans", "Lindqvaert", "Orlaith"):
        assert name not in stored, name
    assert "Nummeréierung vun de Säiten" in stored
    assert {r.entity for r in result.remarks if r.node == number["id"]} == {"CUSTOMER_ID"}


@pytest.mark.parametrize("label, entity", [("Handysnummer", "PHONE_NUMBER"), ("Bankkont", "IBAN_CODE"),
                                           ("Sozialversécherungsnummer", "NATIONAL_ID"),
                                           ("Identifikatiounsnummer", "NATIONAL_ID")])
def test_a_luxembourgish_label_says_what_its_value_holds(session, label, entity):
    """Review 28 F6: Luxembourgish labels of a mobile, a bank account, a national and a social security number said
    nothing (the German words are read): the value beside one in a commune's summary was read as free text."""
    page = html_page(element("dl", {}, [element("dt", {}, [text(label)]), element("dd", {}, [text("Zwennaert 4471")])]),
                     lang="lb")
    s = session()
    s.send(snapshot(page))
    assert "Zwennaert" not in "\n".join(strings(s.stored))
    assert shipped_fields().field_meaning("", "", "", label, True) == entity


@pytest.mark.parametrize("label, value, entity", [
    ("EGN", "8803127415", "NATIONAL_ID"), ("ЕГН", "8803127415", "NATIONAL_ID"), ("NIP", "952-071-80-62", "NATIONAL_ID"),
    ("Nr dowodu", "CDE481205", "NATIONAL_ID"), ("Személyi igazolvány", "704182KE", "NATIONAL_ID"),
    ("Numărul de înmatriculare", "CJ 07 RTA", "VEHICLE_ID"), ("Nr rej.", "KR 4T218", "VEHICLE_ID")])
@pytest.mark.parametrize("shape", ["dl", "th", "divs"])
def test_an_id_or_a_plate_under_its_own_word_in_its_own_cell_is_masked(session, label, value, entity, shape):
    """Review 36 F13, F1, F2, F5: a Bulgarian EGN under its Latin initials in a <dt>, a <th> or a label's <div> (the
    number in the next element was kept; "EGN: …" in one text was masked), a Polish NIP, an identity card's and a
    plate's number under their Polish, Hungarian or Romanian word."""
    cells = {"dl": element("dl", {}, [element("dt", {}, [text(label)]), element("dd", {}, [text(value)])]),
             "th": element("table", {}, [element("tr", {}, [element("th", {}, [text(label)]),
                                                             element("td", {}, [text(value)])])]),
             "divs": element("div", {}, [element("div", {"class": "label"}, [text(label + ":")]),
                                         element("div", {"class": "value"}, [text(value)])])}
    s = session()
    s.send(meta(), snapshot(html_page(cells[shape])))
    stored = "\n".join(strings(s.stored))
    assert value not in stored and label in stored
    assert shipped_fields().field_meaning("", "", "", label, True) == entity


@pytest.mark.parametrize("label, entity", [
    ("Cognome", "PERSON"), ("Nome e cognome", "PERSON"), ("Apellidos", "PERSON"), ("Primer apellido", "PERSON"),
    ("Sobrenome", "PERSON"), ("Città", "POSTAL_ADDRESS"), ("Comune di residenza", "POSTAL_ADDRESS"),
    ("Localidad", "POSTAL_ADDRESS"), ("Cidade", "POSTAL_ADDRESS"), ("Luogo di nascita", "DATE_OF_BIRTH"),
    ("Lugar de nacimiento", "DATE_OF_BIRTH")])
def test_a_field_labelled_in_italian_spanish_or_portuguese_has_a_meaning_and_its_echo_is_masked(session, label, entity):
    """Review 19 F8: a surname or a town typed under an Italian, Spanish or Portuguese label ("Cognome", "Primer
    apellido", "Sobrenome", "Città", "Localidad", "Luogo di nascita") was masked in the field but given no meaning, so
    not remembered: the next page's summary stored it raw. A French "Nombre de personnes" (a number) is no name."""
    field, count = element("input", {"type": "text", "id": "f-wie"}), element("input", {"id": "f-aantal"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "f-wie"}, [text(label)]), field,
                              element("label", {"for": "f-aantal"}, [text("Nombre de personnes")]), count, lang="it")))
    result = s.send(*typing(field["id"], "Sgarbossa"), *typing(count["id"], "3 "))
    s.send(snapshot(html_page(element("p", {}, [text("Grazie, abbiamo registrato Sgarbossa per 3 persone")]),
                              lang="it")))
    assert {r.entity for r in result.remarks if r.node == field["id"]} == {entity}
    assert typed_values(s.stored, count)[-1] == "3 "
    stored = "\n".join(strings(s.stored))
    assert "Sgarbo" not in stored and "Grazie, abbiamo registrato " in stored and " per 3 persone" in stored


def test_a_label_naming_a_role_and_more_or_a_role_in_page_text_is_no_persons_field(session):
    """Only a form field's label made of the role alone says a person's name is typed there: a message to the
    beneficiary, a partner's code, and page text's "Partner: Sendcloud" or a <dt>Partner</dt>'s <dd> (a business) stay
    readable, and so does an affiliate's "?partner=…" in the page's address."""
    message, code = element("textarea", {"id": "f-msg"}), element("input", {"type": "text", "id": "f-code"})
    s = session()
    s.send(meta("https://shop.example/kassa?partner=zonnebloem"),
           snapshot(html_page(element("label", {"for": "f-msg"}, [text("Bericht aan de begunstigde")]), message,
                              element("label", {"for": "f-code"}, [text("Partnercode")]), code,
                              element("p", {}, [text("Partner: Sendcloud")]),
                              element("dl", {}, [element("dt", {}, [text("Partner")]), element("dd", {}, [text("Bpost")])]),
                              element("p", {}, [element("b", {}, [text("Partner:")]), text(" PostNL")]), lang="nl")))
    s.send(*typing(message["id"], "Huur januari "), *typing(code["id"], "ZOMER24 "))  # settled by the space
    assert typed_values(s.stored, message)[-1] == "Huur januari " and typed_values(s.stored, code)[-1] == "ZOMER24 "
    stored = "\n".join(strings(s.stored))
    for kept in ("Partner: Sendcloud", "Bpost", " PostNL", "partner=zonnebloem"):
        assert kept in stored, kept


@pytest.mark.parametrize("refer, label", [
    ("aria-labelledby", "Geburtsdatum"), ("aria-labelledby", "Votre adresse e-mail"),
    ("aria-describedby", "We only use your phone number for the delivery"), ("aria-labelledby", "IBAN"),
])
def test_a_label_named_by_id_names_a_field(session, refer, label):
    """<span id=l>Geburtsdatum</span> … <input aria-labelledby="other l">: the label is a separate
    element, wherever it stands (here after the field, in another container)."""
    field = element("input", {"type": "text", refer: "hint lbl-7"})
    s = session()
    s.send(snapshot(html_page(element("div", {}, [field]), element("p", {"id": "hint"}, [text("Pflichtfeld")]),
                              element("div", {"class": "row"}, [element("span", {"id": "lbl-7"}, [text(label)])]))))
    s.send(*typing(field["id"], "Zeta Quux 1234"))
    assert typed_values(s.stored, field) == ["*" * n for n in range(1, 15)]


def test_labels_named_by_id_hold_across_batches_a_frozen_mirror_and_a_replaced_label(session):
    """The field comes batches after its label; the session's mirror is frozen and thawed in
    between (as for sessions beyond the hot few); a label replaced under the same id counts."""
    from redactor.sessions import freeze, thaw
    hint = element("span", {"id": "hint"}, [text("Ihre Telefonnummer")])
    form = element("form", {}, [hint, element("label", {"for": "f-iban"}, [text("Kontonummer")])])
    s = session()
    s.send(snapshot(html_page(form)))
    s.mirror = thaw(freeze(s.mirror))
    phone = element("input", {"type": "text", "aria-describedby": "hint"})
    account = element("input", {"type": "text", "id": "f-iban"})
    s.send(mutation(adds=[add(form["id"], phone), add(form["id"], account)]), *typing(phone["id"], "Zeta Quux"),
           *typing(account["id"], "Zeta Quux"))
    assert typed_values(s.stored, account) == ["*" * n for n in range(1, 10)]  # <label for> found the same way
    replaced = element("span", {"id": "hint"}, [text("Nachname")])
    name = element("input", {"type": "text", "aria-labelledby": "hint"})
    s.send(mutation(removes=[remove(form["id"], hint["id"])], adds=[add(form["id"], replaced), add(form["id"], name)]),
           *typing(name["id"], "Zeta Quux"))
    assert typed_values(s.stored, phone) == typed_values(s.stored, name) == ["*" * n for n in range(1, 10)]
    assert {r.entity for r in s.send(input_event(name["id"], "Zeta")).remarks} == {"PERSON"}


def test_a_date_of_birth_is_masked_whole_in_both_snapshots(session):
    """A date picker sends its value whole, once; the next snapshot has it as the value attribute."""
    labelled = element("input", {"type": "date", "aria-labelledby": "dob-label"})
    named = element("input", {"type": "text", "name": "bday-year"})
    french = element("input", {"type": "date"})
    page = html_page(element("span", {"id": "dob-label"}, [text("Date of birth")]), labelled, named,
                     element("label", {}, [text("Date de naissance"), french]))
    s = session()
    s.send(snapshot(page))
    s.send(input_event(labelled["id"], "1991-11-23"), *typing(named["id"], "1991"), input_event(french["id"], "1968-04-05"))
    for field, value in ((labelled, "1991-11-23"), (named, "1991"), (french, "1968-04-05")):
        field["attributes"]["value"] = value
    s.send(snapshot(page))  # the second FullSnapshot: the values are attributes now
    stored = "\n".join(strings(s.stored))  # the texts only: a node id may be 1991 (ids count on across tests)
    assert "1991" not in stored and "11-23" not in stored and "1968" not in stored and "04-05" not in stored
    assert find(s.stored[-1:], labelled["id"])["attributes"]["value"] == "**********"


async def test_through_the_server_a_field_labelled_by_id_is_masked_whole(client, admin_headers):
    """A German page over the real app and store: the label is a separate element named by id."""
    field = element("input", {"type": "text", "aria-labelledby": "lbl-plz"})
    page = html_page(element("span", {"id": "lbl-plz"}, [text("Postleitzahl und Ort")]), field, lang="de")
    assert (await client.put("/v1/sites/shop", json={}, headers=admin_headers)).status in (200, 201)
    path = "/v1/sites/shop/sessions/de1/events"
    for batch in ([snapshot(page)], typing(field["id"], "1611 Luxembourg")):
        assert (await client.post(path, data=orjson.dumps(batch))).status == 202
    stored = await (await client.get(path, headers=admin_headers)).json()
    assert typed_values(stored, field) == ["*" * n for n in range(1, 16)]


def test_the_mirror_keeps_only_the_words_of_labels_that_name_a_field(session):
    """Label texts and the texts of elements with an id are read for field words only: what else
    the page shows there (a visitor's name) is not kept, and not saved with the mirror."""
    field = element("input", {"type": "text", "aria-labelledby": "greeting"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Bezorgen bij Mieke Hofstra, e-mailadres")]),
                              element("h2", {"id": "greeting"}, [text("Hallo Lotte de Graaf, uw Telefonnummer")]), field)))
    saved = orjson.dumps(s.mirror.dump()).decode()
    assert "Hofstra" not in saved and "Graaf" not in saved and "Hallo" not in saved
    assert DomMirror.load(orjson.loads(saved)).meaning(field["id"], s.policy) == "PHONE_NUMBER"


def test_a_profile_shows_values_beside_their_labels_as_a_form_does(session):
    """<dt>Naam</dt><dd>…</dd> and <th>Geburtsdatum</th><td>…</td>: the label gives the value
    its meaning, so it is masked whole, a name no detector knows included; a label that says
    nothing personal ("Land", "Prijs") leaves its value readable."""
    name, born, country = text("Gislinde Overmeire"), text("03.02.1979"), text("België")
    price = text("€ 12,40")
    profile = element("dl", {}, [element("dt", {}, [text("Naam")]), text("\n"), element("dd", {}, [name]),
                                 element("dt", {}, [text("Land")]), element("dd", {}, [country])])
    table = element("table", {}, [element("tr", {}, [element("th", {}, [text("Geburtsdatum")]),
                                                     element("td", {}, [born])]),
                                  element("tr", {}, [element("th", {}, [text("Prijs")]), element("td", {}, [price])])])
    s = session()
    s.send(snapshot(html_page(profile, table, lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert "Gislinde" not in stored and "Overmeire" not in stored and "03.02" not in stored
    assert "1979" not in find(s.stored, born["id"])["textContent"]  # (a node id may be 1979)
    assert find(s.stored, country["id"])["textContent"] == "België"
    assert find(s.stored, price["id"])["textContent"] == "€ 12,40"


def test_a_row_of_two_cells_reads_the_first_as_the_label_of_the_second(session):
    """<td>Rodné číslo</td><td>…</td> in a table with no <th> (review 36 F12): a cell of label words alone labels the
    cell after it, for what is about a person, whatever language the label is in and whether a detector reads the
    value alone; a site's spec row ("Gewicht", "2 kg") and a header row drawn in <td>s stay readable."""
    pairs = [("Rodné číslo", "8001014478"), ("Nr telefonu", "601 234 567"), ("Telefon", "790123456"),
             ("Naam", "Wietske Vanhaecke"), ("Gewicht", "2 kg"), ("Kleur", "Blauw")]
    values = [text(value) for _, value in pairs]
    rows = [element("tr", {}, [element("td", {}, [text(label)]), element("td", {}, [value])])
            for (label, _), value in zip(pairs, values)]
    heads = [text(words) for words in ("Naam", "Telefoon", "E-mail")]
    header = element("tr", {}, [element("td", {}, [head]) for head in heads])
    s = session()
    s.send(snapshot(html_page(element("table", {}, [element("tbody", {}, [header, *rows])]), lang="nl")))
    stored = orjson.dumps(s.stored, option=orjson.OPT_NON_STR_KEYS).decode()
    for _, value in pairs[:4]:
        assert value not in stored and value.split()[-1] not in stored
    assert [find(s.stored, v["id"])["textContent"] for v in values[4:]] == ["2 kg", "Blauw"]
    assert [find(s.stored, h["id"])["textContent"] for h in heads] == ["Naam", "Telefoon", "E-mail"]


def test_a_grid_cell_is_named_by_the_header_of_its_column(session):
    """An editable grid: one row per attendee, each cell a contenteditable <td> (or a <td> holding a bare
    <input>) whose only label is its column's <th> in the <thead>; a row added later is named the same.
    A column whose header says nothing personal ("Hinweise") stays free text, read word by word."""
    head = element("thead", {}, [element("tr", {}, [element("th", {}, [text(words)]) for words in
                                                     ("Vorname", "Geburtsdatum", "Hinweise", "Nachname")])])
    first = [element("td", {"contenteditable": "true"}) for _ in range(3)]
    box = element("input", {"type": "text"})
    body = element("tbody", {}, [element("tr", {}, [*first, element("td", {}, [box])])])
    s = session()
    s.send(snapshot(html_page(element("table", {}, [head, body]), lang="de")))
    given, born, notes = text("Quirin"), text("7-9-14"), text("Erdnüsse")
    s.send(mutation(adds=[add(first[0]["id"], given), add(first[1]["id"], born), add(first[2]["id"], notes)]))
    s.send(*typing(box["id"], "Zwiebelhofer"))
    later = [element("td", {"contenteditable": "true"}) for _ in range(4)]
    row = element("tr", {}, later)
    s.send(mutation(adds=[add(body["id"], row)]))
    typed = text("Y")
    s.send(mutation(adds=[add(later[0]["id"], typed)]), mutation(texts=[set_text(typed["id"], "Yelda")]))
    typed["textContent"] = "Yelda"  # the page as a later snapshot shows it, every cell filled in
    first[0]["childNodes"], first[1]["childNodes"], first[2]["childNodes"] = [given], [born], [notes]
    later[0]["childNodes"] = [typed]
    s.send(snapshot(html_page(element("table", {}, [head, element("tbody", {}, [body["childNodes"][0], row])]),
                              lang="de")))
    stored = orjson.dumps(s.stored).decode()
    assert "Quirin" not in stored and "7-9-14" not in stored and "Yelda" not in stored
    assert typed_values(s.stored, box)[-1] == "*" * 12
    assert find([s.stored[-1]], notes["id"])["textContent"] == "Erdnüsse"
    # one heading over two columns names both: "Name" over the given name and the family name
    spanned = element("thead", {}, [element("tr", {}, [element("th", {"colspan": "2"}, [text("Name")]),
                                                       element("th", {}, [text("Verein")])])])
    cells = [element("td", {"contenteditable": "true"}, [text(words)]) for words in ("Quirin", "Zwiebelhofer", "Kettenis")]
    s = session()
    s.send(snapshot(html_page(element("table", {}, [spanned, element("tbody", {}, [element("tr", {}, cells)])]),
                              lang="de")))
    stored = orjson.dumps(s.stored).decode()
    assert "Quirin" not in stored and "Zwiebelhofer" not in stored and "Kettenis" in stored


def test_a_list_row_is_named_by_its_cells_own_column_words_and_by_icon_headers_titles(session):
    """Review 28 F4: a column's name that is no header's text. WooCommerce's shop_table_responsive and Bootstrap's
    responsive tables write it on each cell (data-title, data-label) for a phone to show; an admin list heads its
    columns with icons, named by a title or an aria-label on the <th> or on the icon. A member's surname and date of
    birth in such a row are masked as under <th>Achternaam</th>; the columns named otherwise (an order's total, its
    status) stay readable."""
    cell = lambda attrs, words: element("td", attrs, [text(words)])  # noqa: E731
    tables = [("nl", None, [cell({"data-title": "Achternaam"}, "Vanhaelewyn"),
                            cell({"data-title": "Geboortedatum"}, "23/07/1991"),
                            cell({"data-title": "Totaal"}, "€ 49,95"), cell({"data-title": "Status"}, "Verzonden")]),
              ("fr", None, [cell({"data-label": "Nom de famille"}, "Vanhaelewyn"),
                            cell({"data-label": "Date de naissance"}, "23/07/1991"),
                            cell({"data-label": "Total"}, "€ 49,95"), cell({"data-label": "Statut"}, "Verzonden")]),
              ("de", [element("th", {"title": "Nachname"}, [element("i", {"class": "fa fa-user"})]),
                      element("th", {}, [element("span", {}, [element("i", {"class": "fa fa-cake",
                                                                          "aria-label": "Geburtsdatum"})])]),
                      element("th", {}, [text("Summe")]), element("th", {}, [text("Status")])],
               [cell({}, "Vanhaelewyn"), cell({}, "23/07/1991"), cell({}, "€ 49,95"), cell({}, "Verzonden")])]
    for lang, header, row in tables:
        parts = ([element("thead", {}, [element("tr", {}, header)])] if header else []) + [
            element("tbody", {}, [element("tr", {}, row)])]
        s = session()
        s.send(snapshot(html_page(element("table", {"class": "shop_table shop_table_responsive"}, parts), lang=lang)))
        stored = "\n".join(strings(s.stored))
        assert "Vanhaelewyn" not in stored and "23/07/1991" not in stored, lang
        assert "€ 49,95" in stored and "Verzonden" in stored, lang


@pytest.mark.xfail(strict=True, reason="review 28 F4: a <th> holding an icon and no words at all (<i class=\"fa "
                   "fa-user\">) says nothing the mirror can read; its class names are a font's, not label words, and a "
                   "wordless column is also a table's corner or a row of check boxes, whose cells are the site's text")
def test_a_list_row_under_icon_headers_without_words_is_masked(session):
    head = element("thead", {}, [element("tr", {}, [element("th", {}, [element("i", {"class": "fa fa-user"})]),
                                                    element("th", {}, [element("i", {"class": "fa fa-birthday-cake"})])])])
    body = element("tbody", {}, [element("tr", {}, [element("td", {}, [text("Vanhaelewyn")]),
                                                    element("td", {}, [text("23/07/1991")])])])
    s = session()
    s.send(snapshot(html_page(element("table", {}, [head, body]), lang="nl")))
    stored = "\n".join(strings(s.stored))
    assert "Vanhaelewyn" not in stored and "23/07/1991" not in stored


def test_a_grid_in_a_fieldset_is_named_by_its_column_headers_not_the_legend(session):
    """A job application's referees (held-out round 16, candidature.html): a table of rows inside a fieldset
    whose legend reads as an identifier's ("Références · Referenties"). The rows are records, not one value
    split over boxes: each field is named by its column's header, the name and phone columns masked whole,
    the role column, whose header says nothing personal, read as free text."""
    head = element("thead", {}, [element("tr", {}, [element("th", {}, [text(words)]) for words in
                                                     ("Nom · Naam", "Téléphone · Telefoon", "Fonction · Functie")])])
    name, phone, role = (element("input", {"class": c}) for c in ("name", "phone", "role"))
    body = element("tbody", {}, [element("tr", {}, [element("td", {}, [field]) for field in (name, phone, role)])])
    refs = element("fieldset", {}, [element("legend", {}, [text("Références · Referenties")]),
                                    element("table", {}, [head, body])])
    s = session()
    s.send(snapshot(html_page(refs, lang="fr")))
    remarks = s.send(*typing(name["id"], "Ysolde Quenouillère"), *typing(phone["id"], "050 45 21 87"),
                     *typing(role["id"], "Infirmière en chef, AZ Sint-Jan Brugge")).remarks
    assert typed_values(s.stored, name)[-1] == "*" * 19 and typed_values(s.stored, phone)[-1] == "*" * 12
    assert {r.entity for r in remarks if r.node == name["id"]} == {"PERSON"}
    assert typed_values(s.stored, role)[-1].startswith("Infirmière en chef, ")


# -- layer 3: content, keystrokes across batches, taint ----------------------------------------------
def test_free_text_masks_spans_and_keeps_words(session):
    notes = element("textarea", {"name": "comment"})
    s = session()
    s.send(snapshot(html_page(notes, lang="fr")))
    s.send(input_event(notes['id'], "Appelez-moi au 06 12 34 56 78, je suis Claire Dupont. Merci"))
    final = typed_values(s.stored, notes)[-1]
    assert final.startswith("Appelez-moi au ") and "06 12" not in final and "Dupont" not in final
    assert "Merci" in final or final.endswith("*****")


def test_a_value_split_across_batches_leaks_no_prefix(session):
    notes = element("textarea", {"name": "comment"})
    s = session()
    s.send(snapshot(html_page(notes, lang="nl")))
    typed = "Mail me gerust: lotte.dg@privemail.example of bel 06 3190 2274 vandaag"
    series = typing(notes["id"], typed)
    cuts = [0, 23, 29, 41, 57, 64, len(series)]  # batch ends inside the e-mail and inside the phone number
    for start, end in zip(cuts, cuts[1:]):
        s.send(*series[start:end])
    assert not leaks(s.stored, "lotte.dg@privemail.example")
    assert not leaks(s.stored, "06 3190 2274")
    assert typed_values(s.stored, notes)[-1].startswith("Mail me gerust: ")


@pytest.mark.parametrize("field", ["editor", "textarea"])
def test_a_checkout_snapshot_taken_while_a_value_is_typed_stores_no_prefix_of_it(session, field):
    """A recorder takes a full snapshot again in the middle of typing (rrweb's checkoutEveryNth and
    checkoutEveryNms, an SDK's checkout), and the batch may end right after it: the text of an editable
    region and a field's value there can stop inside a phone number or a street's name that the next
    keystrokes complete. Their end is masked where it still grows, as a page's written text's is."""
    whole = "Bel mijn vrouw op 0472 61 09 38 na 18u. Ophalen: Phoenixstr. 41 bus 2"
    cuts = ("Bel mijn vrouw op 0472 61", "Bel mijn vrouw op 0472 61 09 38 na 18u. Ophalen: Phoenixstr.")
    for cut in cuts:
        words = text(cut)
        box = (element("div", {"contenteditable": "true"}, [words]) if field == "editor"
               else element("textarea", {"name": "beschrijving", "value": cut}))
        s = session()
        s.send(snapshot(html_page(box, lang="nl")))
        s.send(mutation(texts=[set_text(words["id"], whole)]) if field == "editor" else input_event(box["id"], whole))
        stored = orjson.dumps(s.stored).decode()
        assert not [w for w in windows("0472 61 09 38") | windows("Phoenixstr. 41") if w in stored], stored
        assert "Bel mijn vrouw op " in stored


@pytest.mark.parametrize("cut", ["Toen woonde ik op Meent 9", "Toen woonde ik op Meent 94",
                                 "Graag naar mijn zus, Meent 94, 3", "Graag naar mijn zus, Meent 94, 30"])
def test_a_checkout_snapshot_cut_inside_an_address_with_no_street_word_stores_no_part_of_it(session, cut):
    """Round 16's 'Meent 94, 3011 JP Rotterdam' (no street word) in a snapshot taken every 2.5 s: one fell at
    '… Toen woonde ik op Meent 94, 3' (hunt 23's run of the rounds). Where the writer said they lived, in the past
    after a time ('woonde ik op'), is a residence phrase as 'ik woonde' is; a postcode's first digits after a
    street and its number ('Meent 94, 3') are masked with the street, as 'Meent 94, ' is before them."""
    s = session()
    s.send(snapshot(html_page(element("textarea", {"name": "loopbaan", "value": cut}), lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert not [w for w in windows("Meent 94, 3011 JP Rotterdam") if w in stored], stored
    assert cut.split(",")[0].split(" op ")[0][:10] in stored, stored  # the words before it stay

def test_a_snapshots_typed_sentence_keeps_its_last_word_before_the_full_stop(session):
    """A typed value that ends a sentence in a snapshot shows whole there ("non-fumeurs."): a full stop after a
    word ends a sentence more often than it starts a handle. A street's abbreviation does not ("Phoenixstr.")."""
    notes = element("textarea", {"name": "presentation", "value": "Nous sommes calmes. Pas d'animaux, non-fumeurs."})
    street = element("textarea", {"name": "ophalen", "value": "Ophalen in de Brugsepoort, Phoenixstr."})
    s = session()
    s.send(snapshot(html_page(notes, street, lang="fr")))
    stored = orjson.dumps(s.stored).decode()
    assert "Pas d'animaux, non-fumeurs." in stored and "Phoeni" not in stored


def test_a_checkout_snapshot_keeps_the_paragraphs_typed_before_the_one_being_typed(session):
    """Only a region's last text can be where the visitor types: a paragraph typed before it is settled,
    its last word too ("onderhandelbaar." would be a handle's start where it is still typed)."""
    done, typing_here = text("Vaste prijs, niet onderhandelbaar."), text("Bel mijn vrouw op 0472 61")
    editor = element("div", {"contenteditable": "true"}, [element("div", {}, [done]), element("div", {}, [typing_here])])
    s = session()
    s.send(snapshot(html_page(editor, lang="nl")), snapshot(html_page(editor, lang="nl")))  # two checkouts, one batch
    stored = orjson.dumps(s.stored).decode()
    assert stored.count("Vaste prijs, niet onderhandelbaar.") == 2 and "0472 6" not in stored


def test_an_excerpt_the_page_cut_inside_a_value_stores_no_part_of_it(session):
    """A preview card shows the description cut at a length ("text.slice(0, 110) + '…'"): the word it cut,
    glued to the mark, may be the start of an address, a phone number or a name the full text holds. A
    short text ending in the mark is a prompt ("Choisir…") and stays."""
    excerpt = "Te koop wegens verhuis: onze bakfiets van 2019, nieuwe banden. Ophalen in de Brugsepoort, Phoenix…"
    prompt = text("Choisir…")
    preview = element("p", {"id": "excerpt"})
    page = html_page(element("select", {}, [element("option", {}, [prompt])]), preview, lang="nl")
    s = session()
    s.send(snapshot(page))
    shown = text(excerpt)
    s.send(mutation(adds=[add(preview["id"], shown)]))
    s.send(mutation(texts=[set_text(shown["id"], excerpt.replace("Phoenix…", "bel Jorik op 0472 6…"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "Phoenix" not in stored and "0472 6" not in stored, stored
    assert "Ophalen in de Brugsepoort, " in stored and "Choisir…" in stored


def test_an_edit_is_analyzed_on_its_own(session):
    notes = element("textarea", {"name": "comment"})
    s = session()
    s.send(snapshot(html_page(notes)))
    s.send(input_event(notes['id'], "write to jan.jansen@mail.example"), input_event(notes['id'], "write to"),
           input_event(notes['id'], "write to me"))
    assert not leaks(s.stored, "jan.jansen@mail.example")



def test_an_editable_regions_no_break_space_before_the_next_word_is_no_edit(session):
    """An editable region writes the space after a word as a no-break one until the next word comes
    ("Mail\u00a0", "Mail me\u00a0"): read as detection reads spaces, each value is a prefix of the next, so the
    batch's values of the region go to the detector once, as its last, and each is masked where that is."""
    words = text("")
    s = session()
    s.send(snapshot(html_page(element("div", {"contenteditable": "true"}, [words]), lang="nl")))
    typed = "Mail me gerust: lotte.dg@privemail.example of bel 06 3190 2274 vandaag"
    steps = [typed[:i] for i in range(1, len(typed) + 1)]
    values = [v[:-1] + "\u00a0" if v.endswith(" ") else v for v in steps]
    result = s.send(*[mutation(texts=[set_text(words["id"], v)]) for v in values])
    assert result.scanned_texts == 1
    assert not leaks(s.stored, "lotte.dg@privemail.example") and not leaks(s.stored, "06 3190 2274")
    stored = [t["value"] for e in s.stored if e["type"] == 3 for t in e["data"]["texts"]]
    assert stored[-1].startswith("Mail me gerust: ") and stored[15] == "Mail me gerust:\u00a0"

def test_a_registration_plate_s_letters_settled_by_a_space_wait_for_its_number():
    """A German plate is written with a space before its number ("der Wagen (HS-KR 482)"): a batch cut
    there leaves "(HS-KR " at the value's end, settled by the space but still growing into the plate."""
    def masked(value):
        return Masker("*").spans(value, trailing_fragment(value))
    assert masked("der zweite Wagen (HS-KR ") == "der zweite Wagen (***** "
    assert masked("Kennzeichen B-Q ") == "Kennzeichen *** "
    assert masked("mit der DB ") == "mit der DB "  # capitals without a dash: a word
    assert masked("ein Wi-Fi ") == "ein Wi-Fi "  # a dashed word that is no district and letters


def test_trailing_fragment():
    def masked(value):
        return Masker("*").spans(value, trailing_fragment(value))
    assert masked("bel 06 3190 22") == "bel ** **** **"
    assert masked("chez Mieke Hof") == "chez ***** ***"
    assert masked("mail lotte.dg@pri") == "mail ************"
    assert masked("NL46 RABO 23") == "**** **** **"
    assert masked("NL46 RAB") == "**** ***"  # the groups before a group being typed go with it
    assert masked("NL46 RABO ") == "**** **** "
    assert masked("+31 6 4127 x") == "*** * **** *"  # a typo after digit groups: taken back, they go on
    assert masked("graag Sanne v") == "graag ***** *"  # "v" may be "van"
    assert masked("all typed words ") == "all typed words "
    # a last word still being typed is masked whatever it looks like: its "@" may come next
    assert masked("stuur naar pieterjans") == "stuur naar **********"
    assert masked("zoek fietsbel") == "zoek ********"
    assert masked("op nr. 79.") == "op nr. ***"  # "." does not end it: "79.12…", "jan.de…"
    # settled (a space, a comma…): it stays, unless it still grows into an address, a number, a name
    assert masked("zoek fietsbel ") == "zoek fietsbel "
    assert masked("code WINTER25,") == "code WINTER25,"
    assert masked("Amsterdam ") == "Amsterdam "
    assert masked("naar de ") == "naar de "
    assert masked("bel +31 6 ") == "bel *** * "
    assert masked("mail me: lotte.dg") == "mail me: ********"
    assert masked("NL46") == "****"
    assert masked("voor Sanne van der") == "voor ***** *** ***"
    assert masked("voor Sanne van ") == "voor ***** *** "  # a particle: the surname comes next
    assert masked("Youssef El ") == "******* ** "
    assert masked("bij buurvrouw Mieke") == "bij buurvrouw *****"
    assert masked("bij buurvrouw Mieke ") == "bij buurvrouw ***** "  # a given name: its surname comes next
    assert masked("Mieke ") == "***** "  # at the start of a value too
    # a given name typed without capitals where a name is introduced: its surname comes next (round 13)
    assert masked("de sleutel ligt bij lowie ") == "de sleutel ligt bij ***** "
    assert masked("met griet ") == "met ***** " and masked("chez gaston ") == "chez ****** "
    assert masked("bij mooi ") == "bij mooi " and masked("met rose ") == "met rose "  # words, not names
    assert masked("bij lowie verstraeten ") == "bij lowie verstraeten "  # whole: the detector's to find
    assert masked("bij lowie v") == "bij ***** *"  # the surname being typed: the given name goes with it
    assert masked("bij mooi w") == "bij mooi *"
    # where a run of capitalised words is a name known or not (a field nothing names, a visitor's
    # sentences), a capitalised word nobody knows may wait for its surname too; a function word not
    assert Masker("*").spans("Riwal ", trailing_fragment("Riwal ", names=True)) == "***** "
    assert Masker("*").spans("naar Jildou ", trailing_fragment("naar Jildou ", names=True)) == "naar ****** "
    assert Masker("*").spans("Ik bestel Als ", trailing_fragment("Ik bestel Als ", names=True)) == "Ik bestel Als "
    assert masked("Riwal ") == "Riwal "  # where no name is read from a shape (a search box: "Apple ")
    # a surname written first and its comma: the given name comes next, after which it is a name (peers round 12: a
    # Sentry replay's batch ended at "… is Van 't Hooft, ", stored); where a visitor writes, any capitalised word may
    # be one, elsewhere a capitalised particle says so
    assert masked("Mijn borgsteller is Van 't Hooft, ") == "Mijn borgsteller is *** ** ****** "
    assert masked("Mijn borgsteller is Van 't Hooft,") == "Mijn borgsteller is *** ** ******"
    assert masked("Mijn borgsteller is De Smet, Sj") == "Mijn borgsteller is ** ***** **"
    assert Masker("*").spans("bel Peeters, J", trailing_fragment("bel Peeters, J", names=True)) == "bel ******** *"
    assert masked("bel Peeters, ") == "bel Peeters, " and masked("Dat is prima, ") == "Dat is prima, "
    assert masked("Écrivez-moi : amelie") == "Écrivez-moi : ******"
    # a street's name settled by a space: its house number comes next ("Palmgracht 61-3")
    assert masked("Post bitte an Palmgracht ") == "Post bitte an ********** "
    assert masked("bezorgen op bloemgracht ") == "bezorgen op *********** "
    assert masked("Lieferung Goethestraße, ") == "Lieferung ************* "
    assert masked("wij zijn onderweg ") == "wij zijn onderweg "  # a lower-case word ending in "weg"
    assert masked("livrez au 14 rue de la Loi ") == "livrez au ** *** ** ** *** "  # a name written apart, its number
    assert masked("Livraison rue ") == "Livraison *** "
    assert masked("deliver to Baker Street ") == "deliver to ***** ****** "
    assert masked("la rue est fermée ") == "la rue est fermée "
    # a Dutch street's first word that is a preposition or an adjective: its name comes next
    assert masked("Borg kamer Achter ") == "Borg kamer ****** " and masked("Lange ") == "***** "
    assert masked("Ik bestel Als ") == "Ik bestel Als " and masked("een lange ") == "een lange "
    # a day and a month written out: the year comes next ("née le 14 avril 1968")
    assert masked("Je suis née le 14 avril ") == "Je suis née le ** ***** "
    assert masked("geboren am 3. März ") == "geboren am ** **** "
    assert masked("née le 14 janv ") == "née le ** **** "  # the months of rules/recognizers.yaml
    assert masked("deliver to 4 Abbey Gardens ") == "deliver to 4 ***** ******* "  # its street closers
    assert masked("+31 6 4127 8853 fietsbel ").endswith(" fietsbel ")  # a word after digit groups is no IBAN group
    assert masked("Je suis née le 14 avril 19") == "Je suis née le ** ***** **"  # the year being typed
    assert masked("geboren am 3. März 1") == "geboren am ** **** *"
    # English and Spanish dates begun, their year still to come (each a 6-character window of the whole date once
    # stored: "3rd of", "April 3rd, ", "3 de abril de ")
    assert masked("born on the 3rd of ") == "born on the *** ** " and masked("born on the 3rd o") == "born on the *** *"
    assert masked("born on the 3rd of Ap") == "born on the *** ** **"
    assert masked("born on April 3rd, ") == "born on ***** **** " and masked("born on April 3rd, 19") == "born on ***** **** **"
    assert masked("nacido el 3 de abril de ") == "nacido el * ** ***** ** "
    assert masked("nacido el 3 de abril d") == "nacido el * ** ***** *" and masked("nacido el 3 de a") == "nacido el * ** *"
    assert masked("I have 3 a") == "I have 3 *" and masked("See you on May 3rd, bring") == "See you on May 3rd, *****"
    assert masked("Livraison vendredi ") == "Livraison vendredi "
    # found by cutting every line of tests/data/pii_typed.tsv at every keystroke: separators between a number's
    # groups, an identifier's start after its label, an elided particle, a house number before its street, a
    # town's name going on after "aan den"
    assert masked("kantoor +31 (0)10 - ") == "kantoor *** ***** * "
    assert masked("bereikbaar op 06 - 28 ") == "bereikbaar op ** * ** "
    assert masked("Tel. 089 / ") == "Tel. *** * "
    assert masked("IBAN NL91 ABNA ") == "IBAN **** **** "
    assert masked("my national insurance number is QR 48 ") == "my national insurance number is ** ** "
    assert masked("Boulevard d'Avroy ") == "********* ******* "
    assert masked("3 bis, ") == "* **** " and masked("3 bis, a") == "* **** *"
    assert masked("2401 KB Alphen aan den ").endswith(" ****** *** *** ")
    assert masked("Ik stuur het aan ") == "Ik stuur het aan " and masked("ik wil 3 stuks ") == "ik wil 3 stuks "
    # a postcode being typed after a street with no street word (round 4 of the peers' hunt: a batch ended at
    # "29, Um Bierg, ***", the street stored before its postcode and town made it one): the street goes with it
    assert masked("Rechnung an meine Firma: 29, Um Bierg, L-8") == "Rechnung an meine Firma: *** ** ****** ***"
    assert masked("abgeben, Am Weiher 3, 542") == "abgeben, ** ****** ** ***"
    assert masked("Am Weiher 3, 54290 ") == "** ****** ** ***** "
    # and before its postcode's first key: the street written number first, settled by a comma or a space
    # (the same round under load: a Sentry segment cut at "29, Um Bierg, " and at "29, Um ")
    assert masked("Firma: 29, Um Bierg, ") == "Firma: *** ** ****** " and masked("Firma: 29, Um ") == "Firma: *** ** "
    assert masked("Firma: 29, Um Bierg,") == "Firma: *** ** ******"
    assert masked("Ik heb 2 fietsen, ") == "Ik heb 2 fietsen, "
    # set 14's lines cut at every key (bench/every_cut.py): a street's opener before its street word, a German
    # street's opener alone, a spelled-out address whose domain's dot was just typed
    assert masked("aan de Lange Nieuwstraat ") == "aan de ***** *********** " and masked("Unter ") == "***** "
    assert masked("naar noor.dewit [at] proton.") == "naar ********** **** *******"
    # a house number settled before its postcode takes the street's name with it (the number alone was masked:
    # 'Grand-Rue' stored, a window of the address the next batch completes)
    assert masked("Grand-Rue 42,") == "********* ***" and masked("Kerkstraat 42, ") == "********** *** "
    assert masked("Grand-Rue 42, L-16") == "********* *** ****"
    # a flat or unit before a street written number first goes with it (round 5's 'Flat 3, 27 Harrowdene Gardens' cut)
    assert masked("Flat 2, 17 ") == "**** ** ** " and masked("Flat 3, 112 A") == "**** ** *** *"
    assert masked("Appt 4, 12 rue") == "**** ** ** ***" and masked("send to 17 ") == "send to 17 "
    assert masked("Lange Nieuwstraat 14bis, ") == "***** *********** ****** "
    assert masked("Ik wil 3 stuks, ") == "Ik wil 3 stuks, "


def test_a_name_nobody_knows_cut_by_the_batch_after_its_given_name_is_not_stored(session):
    """A field nothing names: the batch ends at "Riwal " (the given name, settled by a space), its
    surname comes in the next batch. "Riwal" is in no name list."""
    field = element("input", {})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Qui vous a recommandé la coopérative ?")]), field)))
    s.send(*typing(field["id"], "Riwal "))
    s.send(*typing(field["id"], "Riwal Le Goarnig")[6:])
    assert "Riwal" not in orjson.dumps(s.stored).decode()


def test_picked_values_are_whole_and_stay_readable(session):
    """A select, a checkbox, a date picker send their value whole: nothing is still being typed."""
    country = element("select", {"name": "land"}, [element("option", {"value": "Luxembourg"}, [text("Luxembourg")])])
    box = element("input", {"type": "checkbox", "name": "nieuwsbrief"})
    search = element("input", {"type": "search", "name": "q"})
    s = session()
    s.send(snapshot(html_page(country, box, search)))
    s.send(input_event(country["id"], "Luxembourg"), input_event(box["id"], "on", checked=True),
           input_event(search["id"], "fietsbel"))
    assert typed_values(s.stored, country) == ["Luxembourg"] and typed_values(s.stored, box) == ["on"]
    assert typed_values(s.stored, search) == ["********"]  # typed: it may still grow


def test_text_typed_in_an_editable_region_is_cut_text_the_page_writes_is_whole(session):
    typed, written = text("…"), text("…")
    s = session()
    s.send(snapshot(html_page(element("div", {"contenteditable": "true"}, [typed]), element("p", {}, [written]))))
    s.send(mutation(texts=[set_text(typed["id"], "stuur naar pieterjans")]),
           mutation(texts=[set_text(written["id"], "Uw bestelling gaat naar Straße 12")]))
    values = [t["value"] for e in s.stored if e["type"] == 3 for t in e["data"]["texts"]]
    assert values == ["stuur naar **********", "Uw bestelling gaat naar Straße 12"]


def test_echoes_of_a_typed_value_are_masked(session):
    name = element("input", {"autocomplete": "name"})
    status = element("p", {"id": "order-status"})
    s = session()
    s.send(snapshot(html_page(name, status)))
    s.send(*typing(name['id'], "Camille Lefebvre"))
    s.send(mutation(adds=[add(status['id'], text("Thank you, Camille Lefebvre! We wrote to Camille."))]))
    stored = orjson.dumps(s.stored).decode()
    assert "Lefebvre" not in stored and "Camille" not in stored and "Thank you, " in stored


def test_an_echo_cut_across_the_texts_of_a_line_is_masked_in_each(session):
    """A typed value the page shows back cut across inline elements is no echo in any one text: a card preview puts the
    number typed in its field a group per <span> (react-credit-cards), a search highlights half a surname in a <mark>.
    Each line of short texts is read whole by the taint too, and the echo's part in each text is masked; the line's
    other words, and the same groups where no value was typed, stay."""
    card = element("input", {"name": "kaartnummer", "autocomplete": "cc-number"})
    surname = element("input", {"name": "achternaam", "autocomplete": "family-name"})
    preview, result = element("div", {"class": "kaart-voorbeeld"}), element("div", {"class": "resultaat"})
    s = session()
    s.send(snapshot(html_page(card, surname, preview, result, lang="nl")))
    # (a number mistyped, its checksum wrong: no detector finds it across the line, only the taint knows it typed)
    s.send(*typing(card["id"], "5341 8820 6617 3096"), *typing(surname["id"], "Opdebeeck"))
    groups = [element("span", {"class": "groep"}, [text(group)]) for group in "5341 8820 6617 3096".split()]
    s.send(mutation(adds=[add(preview["id"], group) for group in groups] + [
        add(result["id"], element("p", {}, [text("Gevonden: "), element("mark", {}, [text("Opde")]),
                                            text("beeck"), text(" (2 dossiers)")])),
        add(result["id"], element("p", {}, [element("span", {}, [text("Opdebeeck")]),
                                            element("span", {}, [text("Kantoor Mechelen")])]))]))
    stored = list(strings(s.stored))
    assert not [piece for piece in ("8820", "6617", "3096", "Opde", "beeck") if piece in stored], stored
    assert "Gevonden: " in stored and " (2 dossiers)" in stored, stored
    assert "Kantoor Mechelen" in stored, stored  # glued to the name in the line ("OpdebeeckKantoor"): not its handle
    other = session()
    other.send(snapshot(html_page(element("p", {}, [element("span", {}, [text(group)]) for group in ("8820", "6617")]),
                                  element("p", {}, [text("Bel "), element("mark", {}, [text("Opde")]), text("beeck")]),
                                  lang="nl")))
    assert {"8820", "6617"} <= set(strings(other.stored))  # nothing typed: nothing tainted


# (what the visitor types, the options the page lists at that keystroke: (before, the typed part, after) each,
# the words of each option's pieces that must not be stored)
LISTBOX_OPTIONS = [
    ("Bon", [("Bohdana ", "Bon", "darenko "), ("Lucas ", "Bon", "net ")], ["Bohdana", "darenko", "Lucas", "net "]),
    ("ryn", [("Kate", "ryn", "a Vandevelde"), ("Iryna ", "", "Shevchuk")], ["Kate", "Vandevelde", "Shevchuk"]),
    ("Mel", [("Taras ", "Mel", "nychenko"), ("Ana ", "Mel", "o Ferreira")], ["Taras", "nychenko", "o Ferreira"]),
    ("wou", [("Tom ", "Wou", "ters"), ("Sofie ", "Wou", "tersen")], ["Tom ", "ters", "Sofie", "tersen"]),
]


@pytest.mark.parametrize("typed, options, hidden", LISTBOX_OPTIONS)
def test_a_listbox_emptied_in_the_batch_that_filled_it_is_read_with_its_lines(session, typed, options, hidden):
    """Held-out round 48: a bank's beneficiary search (role=combobox) whose page fills a listbox at each keystroke
    with the saved beneficiaries that match, the typed part in a <mark> ('Bohdana <mark>Bon</mark>darenko'), and
    empties it at the next, in the same batch. The lines were read at the batch's end, from the mirror: the texts
    a mutation had removed had no line any more, and read alone 'Bohdana ', 'darenko ', 'Lucas ' said no name. A
    text a mutation removes is read with its line before the mirror forgets it."""
    box = element("input", {"id": "zoek", "role": "combobox", "aria-controls": "lijst"})
    listbox = element("ul", {"id": "lijst", "role": "listbox"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "zoek"}, [text("Rechercher un bénéficiaire")]), box, listbox,
                              lang="fr")))

    def option(before, hit, after):
        pieces = [text(before)] if before else []
        return element("li", {"role": "option"},
                       [*pieces, *([element("mark", {}, [text(hit)])] if hit else []), text(after)])

    first = [option(*pieces) for pieces in options]
    then = element("li", {"role": "option"}, [text("Aucun résultat")])
    s.send(input_event(box["id"], typed), mutation(adds=[add(listbox["id"], item) for item in first]),
           input_event(box["id"], typed + "x"),
           mutation(removes=[remove(listbox["id"], item["id"]) for item in first], adds=[add(listbox["id"], then)]))
    stored = list(strings(s.stored))
    assert not [word for word in hidden if any(word in piece for piece in stored)], stored
    assert "Aucun résultat" in stored and "Rechercher un bénéficiaire" in stored


@pytest.mark.parametrize("editable", [{"contenteditable": "plaintext-only"}, {"contenteditable": "true"}])
def test_a_typed_value_typed_again_in_a_note_is_masked_in_every_keystroke_that_holds_its_start(session, editable):
    """Heldout round 25: a child's given name typed in its field ('Thảo-Vy', masked, tainted) and typed again at the
    start of a medical note: the note's keystrokes in one batch held 'Thảo-V', the name's start, whose words
    ('thao', 'v') are no tainted value's; the taint masked the name in the later values only. An echo found in a
    value masks the same characters in the keystrokes before it; the note's own words stay."""
    given = element("input", {"name": "kind1_voornaam"})
    # (a note labelled "Medische fiche" is health data, masked whole since review 24 F8: a neutral label keeps the
    # note to the content layer this test is about)
    note = element("div", {"aria-label": "Opmerkingen voor de leiding", **editable})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Voornaam"), given]),
                              element("fieldset", {}, [element("legend", {}, [text("Opmerkingen voor de leiding")]), note]),
                              lang="nl")))
    s.send(*typing(given["id"], "Ngọc-Anh"))
    sentence = "Ngọc-Anh: allergisch voor noten, neemt 's avonds Flixotide, hooikoorts in de lente"
    typed = text(sentence[0])
    s.send(mutation(adds=[add(note["id"], typed)]),
           *[mutation(texts=[set_text(typed["id"], sentence[:end])]) for end in range(2, len(sentence) + 1)])
    stored = orjson.dumps(s.stored).decode()
    assert not [piece for piece in ("Ngọ", "Ngọc", "Ngọc-", "Ngọc-A", "gọc-An") if piece in stored]
    assert ": allergisch voor noten, neemt 's avonds Flixotide, hooikoorts in de " in stored  # (its last word grows)


def test_a_typed_name_echoed_in_its_genitive_is_masked_and_the_sites_words_ending_in_s_stay(session):
    """Review 16 F8: German and Dutch write a name's genitive with its "s" glued ("Hiltruds Wunschliste", "Familie
    Oberhäusers Buchung"): the taint read whole words and the pieces of glued ones, and kept these. A word ending in
    "s" is looked up without it too (a stem as long as a glued piece at least); the site's own words ending in "s"
    stay."""
    given, family, status = (element("input", {"name": "vorname"}), element("input", {"name": "nachname"}),
                             element("p", {"id": "status"}))
    s = session()
    s.send(snapshot(html_page(given, family, status, lang="de")))
    s.send(*typing(given["id"], "Hiltrud"), *typing(family["id"], "Oberhäuser"))
    s.send(mutation(adds=[add(status["id"], text("Hiltruds Wunschliste ist fertig")),
                          add(status["id"], text("Familie Oberhäusers Buchung für Mai: 3 Produkts, Versandkosten inklusive")),
                          add(status["id"], text("HILTRUDS GESCHENKE"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "Hiltrud" not in stored and "HILTRUD" not in stored and "Oberh" not in stored
    for kept in (" Wunschliste ist fertig", "Familie ", " Buchung für Mai: 3 Produkts, Versandkosten inklusive",
                 " GESCHENKE"):
        assert kept in stored, kept


def test_a_value_typed_with_its_space_is_masked_in_the_pages_copy_without_gluing_the_words_around_it(session):
    """Review 16 F8 aside: a name typed with the space after it ("Oberhäuser ", masked whole in its field) is copied
    by the page into its sentence in the same batch ("Die Familie Oberhäuser freut sich"): the copy is masked as the
    value was, but the space is the sentence's too, and masked it glued "Familie **********freut"."""
    family, status = element("input", {"name": "nachname"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(family, status, lang="de")))
    s.send(*typing(family["id"], "Oberhäuser "), mutation(adds=[add(status["id"], text("Die Familie Oberhäuser freut sich."))]))
    written = [n["node"]["textContent"] for e in s.stored if e["type"] == 3 for n in e["data"].get("adds", [])
               if "textContent" in n["node"]]
    assert written == ["Die Familie ********** freut sich."]


def test_a_typed_name_copied_into_another_fields_placeholder_is_masked_at_every_keystroke(session):
    """Held-out round 36: a music school's page puts the child's given name, as it is typed, into the next textarea's
    placeholder ("Wat speelt Boglár al?"). An attribute a script writes on a field was read as that field's own
    keystroke series, masked where its last value's PII stands; the name grows in the middle of the sentence, so its
    half-typed starts were stored. Such an attribute is also a copy of what is typed elsewhere in the batch."""
    child = element("input", {"name": "kind"})
    label = element("label", {}, [text("Naam van je kind")])
    notes = element("textarea", {"name": "ervaring", "placeholder": "Wat speelt je kind al?"})
    s = session()
    s.send(snapshot(html_page(label, child, notes, lang="nl")))
    events = []
    for typed in typing(child["id"], "Boglárka"):
        events += [typed, mutation(attributes=[set_attributes(
            notes["id"], placeholder=f"Wat speelt {typed['data']['text']} al?")])]
    s.send(*events)
    shown = [a["attributes"]["placeholder"] for e in s.stored if e["type"] == 3 for a in e["data"].get("attributes", [])]
    assert len(shown) == 8 and not [t for t in shown if "Bog" in t], shown
    assert all(t.startswith("Wat speelt ") and t.endswith(" al?") for t in shown), shown


def test_a_number_being_typed_is_no_copy_inside_a_longer_number_the_page_wrote(session):
    """Round 24 of the peers' held-out hunt: a Japanese mobile typed key by key ("090-3847-2615", masked in its field)
    and, in the same batch, the gym's confirmation "Verklaring DSW-2026-0907 ontvangen": the keystroke "090" was found
    inside "0907" and masked as a copy, "DSW-2026-***7". Digits glued to more digits say another number; a preview
    that shows the number as it is typed is still masked, and so is the number written without its dashes."""
    phone, status = element("input", {"name": "tel"}), element("p", {"id": "status"})
    label = element("label", {}, [text("Gsm")])
    s = session()
    s.send(snapshot(html_page(label, phone, status, lang="nl")))
    s.send(*typing(phone["id"], "090-3847-2615"),
           mutation(adds=[add(status["id"], text("Verklaring DSW-2026-0907 ontvangen")),
                          add(status["id"], text("We bellen u op 090-38 terug")),
                          add(status["id"], text("Terugbelnummer 09038472615"))]))
    written = [n["node"]["textContent"] for e in s.stored if e["type"] == 3 for n in e["data"].get("adds", [])
               if "textContent" in n["node"]]
    assert "Verklaring DSW-2026-0907 ontvangen" in written, written
    assert not [t for t in written if "090-38" in t or "09038" in t or "3847" in t], written


def test_a_copy_drawn_a_keystroke_ahead_of_the_batchs_input_events_is_masked(session):
    """The rule above, in the other direction: a page may draw a keystroke the batch's input events do not hold yet (a
    canvas label drawn on the next frame, a preview rendered on a timer): "Plaat XQ-48213" while the events end at
    "XQ-4821". That last keystroke glued to a digit was no copy, and "XQ-" alone was masked: "Plaat ***48213". The
    batch's last keystroke of a field may be glued to more; a shorter one only to the character its field goes on
    with."""
    plate, label = element("input", {"name": "kenteken"}), element("p", {"id": "label"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Kenteken")]), plate, label, lang="nl")))
    s.send(*typing(plate["id"], "XQ-4821"), mutation(adds=[add(label["id"], text("Plaat XQ-48213"))]))
    written = [n["node"]["textContent"] for e in s.stored if e["type"] == 3 for n in e["data"].get("adds", [])
               if "textContent" in n["node"]]
    assert written and not [t for t in written if "482" in t], written


def test_a_word_being_typed_is_no_copy_inside_a_longer_word_the_page_wrote(session):
    """Peers round 29 failed now and then: a search typed key by key ("zonnebrand") and, when the recorder sent both in
    one batch, the pharmacy's confirmation "Bestelling … voor Zonnecrème SPF 50, 200 ml klaar.": the keystrokes "zonn"
    and "zonne", masked as every unsettled end is, were found inside "Zonnecrème" and masked as copies ("*****crème").
    Letters glued to more letters than the field went on with say another word; a preview that shows the name as it
    is typed is still masked, at any keystroke."""
    search, name = element("input", {"type": "search", "name": "q"}), element("input", {"name": "naam"})
    status, preview = element("p", {"id": "status"}), element("p", {"id": "preview"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Zoeken")]), search, element("label", {}, [text("Naam")]),
                              name, status, preview, lang="nl")))
    s.send(*typing(search["id"], "zonnebrand"), *typing(name["id"], "Ysoline Vandeputte"),
           mutation(adds=[add(status["id"], text("Bestelling CC-2026-4411 voor Zonnecrème SPF 50, 200 ml klaar.")),
                          add(preview["id"], text("Kaart voor Ysoline Vande"))]))
    written = [n["node"]["textContent"] for e in s.stored if e["type"] == 3 for n in e["data"].get("adds", [])
               if "textContent" in n["node"]]
    assert "Bestelling CC-2026-4411 voor Zonnecrème SPF 50, 200 ml klaar." in written, written
    assert not [t for t in written if "Ysoline" in t or "Vande" in t], written


def phone_typed_beside_a_label(session, typed: str) -> tuple[Session, dict, dict]:
    """A session on a page with a phone field and a <canvas> label, the phone typed key by key in one batch."""
    phone = element("input", {"type": "tel", "name": "phone"})
    canvas = element("canvas", {"width": "420", "height": "170"})
    s = session()
    s.send(snapshot(html_page(phone, canvas, lang="nl")))
    s.send(*typing(phone["id"], typed))
    return s, phone, canvas


def label_frames(canvas: int, shown: list[str], footer: str) -> dict:
    """One CanvasMutation holding a label drawn once per keystroke (a line per value shown, then the page's footer), as
    rrweb flushes the drawings of several keystrokes together at a late animation frame."""
    return incremental(9, id=canvas, type=0, commands=[command for line in shown for command in (
        {"property": "clearRect", "args": [0, 0, 420, 170]}, {"property": "fillText", "args": [line, 12, 104]},
        {"property": "fillText", "args": [footer, 12, 146]})])


def test_a_drawing_a_frame_late_shows_the_keystrokes_of_the_batch_before(session):
    """Held-out round 9 (failing most runs on a quiet machine): rrweb records a canvas's fillText on the next animation
    frame, so a batch that ends after a keystroke leaves the label's drawings of the last keystrokes to the next batch,
    which the recorder's timer may send before any other keystroke: "Tel. +48 601 7" was masked there (the field's
    last value taints the session) but "Tel. +48 601 " stored. A number's last value taints its keystrokes before it that
    end a group of its digits."""
    s, phone, canvas = phone_typed_beside_a_label(session, "+48 601 7")
    # one event: the frames of the last two keystrokes, as rrweb flushed them together after the batch's end
    s.send(label_frames(canvas["id"], ["Tel. +48 601 ", "Tel. +48 601 7"], "Tapijthuis De Vlasakker, Retourcentrum"))
    s.send(*[input_event(phone["id"], "+48 601 734 219"[:end]) for end in range(10, 16)])
    stored = list(strings(s.stored))
    assert not [t for t in stored if "48 60" in t or "601" in t], [t for t in stored if t.startswith("Tel.")]
    assert "Tapijthuis De Vlasakker, Retourcentrum" in stored


@pytest.mark.parametrize("typing_goes_on", [True, False])
def test_a_frame_late_holding_several_keystrokes_drawings_has_each_masked(session, typing_goes_on):
    """Held-out round 9 under load ('Tel. +48 60' stored in about half the runs on a busy machine): the browser's
    animation frames come late, so one canvas frame holds the label drawn at several keystrokes ('Tel. +32 4' … 'Tel.
    +32 470 58'; a quiet run already shows frames of five), and a batch that ends after the last of those keystrokes,
    before that frame, leaves the next batch the frame and no keystroke of its drawings, whether typing goes on there
    or not. Only the field's last value ('+32 470 58') and its starts that end a group ('+32 470') were tainted, so
    'Tel. +32 47' and 'Tel. +32 470 5' were stored. A drawing that starts as a masked drawing of the same canvas does
    is masked where that one is."""
    s, phone, canvas = phone_typed_beside_a_label(session, "+32 470 58")
    s.send(label_frames(canvas["id"], ["Tel. " + "+32 470 58"[:end] for end in range(4, len("+32 470 58") + 1)],
                        "Fietsatelier Zuidkaai, Herstellingen"))
    if typing_goes_on:
        s.send(*[input_event(phone["id"], "+32 470 58 21 96"[:end]) for end in range(11, 17)])
    drawn = [t for t in strings(s.stored) if t.startswith("Tel.")]
    assert len(drawn) == 7 and not [t for t in drawn if any(c.isdigit() for c in t)], drawn
    assert "Fietsatelier Zuidkaai, Herstellingen" in list(strings(s.stored))


def test_a_live_draft_showing_two_values_typed_in_one_batch_has_both_masked(session):
    """Round 22: a notary's draft of the deed, written again at every keystroke, shows each field typed so far: the
    national number typed first, then the address being typed in the same batch ('…, rijksregisternummer
    ***************, wonende te Kapeldr.'). A copy was searched for one typed value only, the first it held (the
    longest typed in the batch: here the number), so the address's prefixes, no address yet to any detector, were
    stored ('Kape' … 'Kapeldree')."""
    number, address, draft = (element("input", {"id": "nn", "name": "rrn"}), element("input", {"id": "adres"}),
                              element("article", {"id": "draft"}))
    labels = [element("label", {"for": "nn"}, [text("Rijksregisternummer")]),
              element("label", {"for": "adres"}, [text("Huidig adres")])]
    s = session()
    s.send(snapshot(html_page(labels[0], number, labels[1], address, draft, lang="nl")))
    events, shown = [], None

    def redraw(nn: str, where: str) -> None:
        nonlocal shown
        line = element("p", {}, [text(f"Geboren te Gent, rijksregisternummer {nn}, wonende te {where}.")])
        events.append(mutation(adds=[add(draft["id"], line)], removes=[remove(draft["id"], shown["id"])] if shown else []))
        shown = line

    nn, street = "81.11.05-221.36", "Kapeldreef 31/"  # (the batch ends there)
    for end in range(8, len(nn) + 1):
        events.append(input_event(number["id"], nn[:end]))
        redraw(nn[:end], "…")
    for end in range(1, len(street) + 1):
        events.append(input_event(address["id"], street[:end]))
        redraw(nn, street[:end])
    s.send(*events)
    lines = [t for t in strings(s.stored) if t.startswith("Geboren te Gent")]
    assert len(lines) == len(nn) - 7 + len(street)
    assert not [line for line in lines if "Kap" in line or "31/" in line or "81.11" in line], lines


def test_a_number_being_typed_shown_in_another_form_is_masked(session):
    """Round 21 again, when the recorder's own flush cut the mobile being typed ('0496/58.1'): the page's microdata
    wrote its E.164 form ('<meta itemprop=telephone content="+32496581">') and stored it, in neither the typed value's
    characters nor its words, and no phone yet to a detector. A group of digits a script writes that holds the digits
    of a number typed and masked in the batch (without its trunk's zero), or stands in them, is masked; the site's
    own short numbers stay."""
    label = element("label", {"for": "gsm"}, [text("GSM")])
    field, card = element("input", {"id": "gsm", "type": "tel"}), element("meta", {"itemprop": "telephone", "content": ""})
    line = element("p", {"id": "line"})
    s = session()
    s.send(snapshot(html_page(label, field, card, line, lang="nl")))

    def in_e164(typed: str) -> dict:
        return mutation(attributes=[set_attributes(card["id"], content="+32" + "".join(filter(str.isdigit, typed))[1:])])

    s.send(input_event(field["id"], "0471/2"), in_e164("0471/2"), input_event(field["id"], "0471/29"), in_e164("0471/29"))
    # the recorder's flush ends the batch there: the next shows one value of the attribute ('.' changes no digit)
    s.send(input_event(field["id"], "0471/29."), input_event(field["id"], "0471/29.4"), in_e164("0471/29.4"),
           mutation(adds=[add(line["id"], text("Wij bellen u op 0471 29 4, tussen 9 en 17 uur (kantoor 052 12)"))]))
    shown = [t for t in strings(s.stored) if t.startswith("+") or "*" in t or "bellen" in t]
    assert not [t for t in shown if "471" in t], shown
    assert "Wij bellen u op **** ** *, tussen 9 en 17 uur (kantoor 052 12)" in shown, shown


def test_an_e_mail_s_plus_tag_alone_is_not_the_visitor_s(session):
    """"amelie.vermeulen+winkelhuis@…": the tag after '+' is chosen to name the shop, the site's own
    word; tainted alone it masked the site's host in every later address. The mailbox is still
    the visitor's, and so is the whole address."""
    field, links = element("input", {"type": "email", "name": "email"}), element("p", {"id": "links"})
    s = session()
    s.send(snapshot(html_page(field, links, lang="nl")))
    s.send(*typing(field["id"], "amelie.vermeulen+winkelhuis@telenet.example"))
    s.send(mutation(adds=[add(links["id"], element("a", {"href": "https://winkelhuis.example/c"}, [text("Winkelhuis")])),
                          add(links["id"], text("Ingelogd als amelie.vermeulen"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "https://winkelhuis.example/c" in stored and '"textContent":"Winkelhuis"' in stored
    assert "amelie" not in stored and "vermeulen" not in stored


@pytest.mark.parametrize("href", ["https://winkelhuis.example/c?x=amelie.vermeulen+winkelhuis@telenet.example",
                                  "https://winkelhuis.example/c/amelie.vermeulen+winkelhuis@telenet.example"])
def test_an_e_mail_with_a_plus_tag_in_a_url_does_not_mask_the_site_s_host(session, href):
    """A '+' in a URL is read as a space too: "winkelhuis@telenet.example" found that way is a part of
    the address the '+' reading finds, and its plus-tag alone names the shop, not the visitor."""
    s = session()
    s.send(meta("https://winkelhuis.example/"), snapshot(html_page(element("a", {"href": href}, [text("l")]),
                                                                   element("a", {"href": "https://winkelhuis.example/c"}, [text("m")]))))
    stored = orjson.dumps(s.stored).decode()
    assert "amelie" not in stored and "vermeulen" not in stored and "telenet" not in stored
    assert '"href":"https://winkelhuis.example/c"' in stored and stored.count("https://winkelhuis.example/") == 3


def test_an_e_mail_s_local_part_and_a_name_glued_into_a_longer_word_are_masked_as_echoes(session):
    """Review 4: the page greets the visitor by the address's local part ("Welkom terug, quenouillere77!",
    "Ingelogd als ysaure.quenouillere"), or makes a handle or a team's name of the typed name
    ("@YsaureQuenouillere", "Team-Quenouillere2026"): a tainted word glued into a longer word is found.
    The site's own camel-case words and codes stay readable."""
    cases = [({"type": "email", "name": "email"}, "quenouillere77@verrijn.be", "Welkom terug, quenouillere77!",
              ["quenouillere77"], "Welkom terug, "),
             ({"type": "email", "name": "email"}, "ysaure.quenouillere@verrijn.be", "Ingelogd als ysaure.quenouillere",
              ["ysaure", "quenouillere"], "Ingelogd als "),
             ({"name": "fullname"}, "Ysaure Quenouillere", "Profiel: @YsaureQuenouillere", ["Ysaure", "Quenouillere"],
              "Profiel: @"),
             ({"name": "fullname"}, "Ysaure Quenouillere", "Team-Quenouillere2026 is aangemaakt", ["Quenouillere"],
              " is aangemaakt")]
    for attributes, typed, shown, planted, kept in cases:
        field, status = element("input", attributes), element("p", {"id": "status"})
        s = session()
        s.send(snapshot(html_page(field, status, lang="nl")))
        s.send(*typing(field["id"], typed))
        s.send(mutation(adds=[add(status["id"], text(shown)), add(status["id"], text("Bekijk je MyAccount2026 en iPhone15"))]))
        stored = orjson.dumps(s.stored).decode()
        assert not [word for word in planted if word.casefold() in stored.casefold()], (shown, stored)
        assert kept in stored and "Bekijk je MyAccount2026 en iPhone15" in stored
    # a role's mailbox is no person's: "info" of "info@firma.be" does not mask the site's "Meer info"
    field, status = element("input", {"type": "email", "name": "email"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(field, status, lang="nl")))
    s.send(*typing(field["id"], "info@firma-quenouillere.be"))
    s.send(mutation(adds=[add(status["id"], text("Meer info over je bestelling"))]))
    assert "Meer info over je bestelling" in orjson.dumps(s.stored).decode()


def test_a_forms_example_address_in_a_placeholder_does_not_mask_the_word_name_everywhere(session):
    """Held-out round 29: an e-mail field's placeholder 'name@student.kuleuven.be' (the site's example) was read as an
    address and its local part remembered: 'name' was masked in every label after ('Given ****(s)', 'Guarantor's
    ****') and in the fields' name attributes ('given_name' masked whole). The example is still masked where it is
    (fail closed: a placeholder may hold the visitor's own address)."""
    label = element("label", {"for": "given"}, [text("Voornaam / Given name(s)")])
    given = element("input", {"id": "given", "name": "given_name"})
    mail = element("input", {"type": "email", "name": "mail", "placeholder": "name@student.kuleuven.be"})
    s = session()
    s.send(snapshot(html_page(label, given, mail, lang="nl")))
    s.send(snapshot(html_page(label, given, mail, lang="nl")))
    stored = list(strings(s.stored))
    assert stored.count("Voornaam / Given name(s)") == 2 and stored.count("given_name") == 2, stored


@pytest.mark.parametrize("typed,shown,planted", [
    ("quenouillere77 @ verrijn.be", "Welkom terug, quenouillere77!", ["quenouillere77"]),
    ("ysaure.quenouillere@@verrijn.be", "Ingelogd als ysaure.quenouillere", ["ysaure", "quenouillere"]),
    ('"ysaure quenouillere"@verrijn.be', "Profiel van quenouillere aangemaakt", ["ysaure", "quenouillere"]),
])
def test_a_mistyped_e_mail_in_free_text_is_masked_and_its_local_part_where_the_page_shows_it(session, typed, shown,
                                                                                              planted):
    """Review 8 F3: an address with a space around its '@', a double '@' or a quoted local part, typed in
    a message, is masked whole, and the page greeting the visitor by its local part or one of its parts
    has that masked too (the taint reads the local part without the space, the '@' or the quotes)."""
    field, status = element("textarea", {"name": "message"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(field, status, lang="nl")))
    s.send(input_event(field["id"], f"Stuur het naar {typed} aub"))
    s.send(mutation(adds=[add(status["id"], text(shown))]))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in planted if word in stored], stored
    assert "Stuur het naar " in stored and "verrijn" not in stored


def test_a_name_with_umlauts_is_found_spelled_with_two_letters(session):
    """German spells ä, ö, ü as ae, oe, ue where they cannot be written (a file name, an e-mail, a URL
    slug): "Gröneveld-Tümmler" typed comes back as "liste_Groeneveld-Tuemmler.csv" in a download
    attribute and in a text. The site's own words with "oe" or "ue" stay readable."""
    field, status = element("input", {"autocomplete": "family-name"}), element("p", {"id": "status"})
    link = element("a", {"id": "csv", "href": "#", "download": "liste.csv"}, [text("Als CSV herunterladen")])
    s = session()
    s.send(snapshot(html_page(field, status, link, lang="de")))
    s.send(*typing(field["id"], "Gröneveld-Tümmler"))
    s.send(mutation(attributes=[set_attributes(link["id"], download="liste_Groeneveld-Tuemmler.csv")],
                    adds=[add(status["id"], text("Datei liste_groeneveld-tuemmler.csv ist fertig. Zurück zur Übersicht"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "roeneveld" not in stored.casefold() and "tuemmler" not in stored.casefold(), stored
    assert "Zurück zur Übersicht" in stored and "Als CSV herunterladen" in stored


def test_a_family_name_of_several_words_told_back_as_one_word_in_capitals_is_masked(session):
    """Round 19: a SEPA mandate's reference is built from the family name typed ("de Lannoy-Weydert" →
    "VET-LANNOYWEYDERT-0412": particle, space and hyphen dropped, upper case), which is no run of the value's
    words. The adjacent words of a short value of letters are tainted joined as one word too. The site's
    own capitals and references stay readable."""
    field, status = element("input", {"autocomplete": "family-name"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(field, status, lang="fr")))
    s.send(*typing(field["id"], "de Lannoy-Weydert"))
    s.send(mutation(adds=[add(status["id"], text("Mandatsreferenz : VET-LANNOYWEYDERT-0412")),
                          add(status["id"], text("Compte DELANNOYWEYDERT créé, réf. VET-PARKING-0412"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "lannoy" not in stored.casefold() and "weydert" not in stored.casefold(), stored
    assert "Mandatsreferenz : " in stored and "créé, réf. VET-PARKING-0412" in stored


def test_a_surname_told_back_before_its_given_name_keeps_no_particle(session):
    """Peers round 13: a vCard writes the name typed ("Séverine de la Brassinne-Wéry") surname first, its
    particles with it ("N:de la Brassinne-Wéry;Séverine;;;"), as a register writes "van der Linden, Jan": the
    name's words were masked and its particles left before them ("de la ******"), which say whose it is. A
    surname is tainted with the particles it is typed after; the site's own "de la" stays readable."""
    field, card = element("input", {"autocomplete": "name"}), element("pre", {"id": "vcard"})
    s = session()
    s.send(snapshot(html_page(field, card, lang="fr")))
    s.send(*typing(field["id"], "Séverine de la Brassinne-Wéry"))
    s.send(mutation(adds=[add(card["id"], text("BEGIN:VCARD\r\nN:de la Brassinne-Wéry;Séverine;;;\r\n"
                                                 "NOTE:Formule de la semaine\r\nEND:VCARD"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "de la *" not in stored and "brassinne" not in stored.casefold(), stored
    assert "NOTE:Formule de la semaine" in stored, stored


def test_a_long_name_told_back_by_some_of_its_words_joined_is_masked(session):
    """Review 15: a name of more than four words ("Maria del Carmen de la Fuente") is told back by a few of its
    adjacent words joined ("VET-DELAFUENTE-0412"): the runs of up to four words of a value of up to six are
    joined too, not only those of a value of four words or fewer."""
    field, status = element("input", {"autocomplete": "name"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(field, status, lang="es")))
    s.send(*typing(field["id"], "Maria del Carmen de la Fuente"))
    s.send(mutation(adds=[add(status["id"], text("Referencia del mandato: VET-DELAFUENTE-0412"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "fuente" not in stored.casefold(), stored
    assert "Referencia del mandato: " in stored


def test_the_tail_of_an_iban_typed_without_spaces_is_masked_as_an_echo(session):
    """Review 4: an IBAN typed as one word ("BE71096123456769") is told back by its end ("rekening
    ...123456769", "eindigend op 6123456769"): the tails of a long number-like word are tainted too.
    A short number of the site's stays readable."""
    field, status = element("input", {"name": "iban"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(field, status, lang="nl")))
    s.send(*typing(field["id"], "BE71096123456769"))
    s.send(mutation(adds=[add(status["id"], text("Terugbetaling naar rekening ...123456769")),
                          add(status["id"], text("Rekening eindigend op 6123456769, ordernummer 778812"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "3456769" not in stored, stored
    assert "Terugbetaling naar rekening " in stored and "ordernummer 778812" in stored


@pytest.mark.parametrize("typed,shown", [
    ("250269604918273", "Puce n° 250.269.604.918.273"),  # Intl.NumberFormat("fr-LU")
    ("250269604918273", "Chip: 250\u202f269\u202f604\u202f918\u202f273"),  # Intl.NumberFormat("fr-FR")
    ("250269604918273", "Identifié par la puce 2502 6960 4918 273."),
    ("250269604918273", "Puce n° 250 2696 0491 8273"),  # fours from the right (review 15)
    ("250 269 604 918 273", "Identifié par la puce 2502 6960 4918 273."),  # typed in groups, shown in others
    ("2502 6960 4918 273", "Chip: 250.269.604.918.273"),
])
def test_a_long_number_told_back_in_other_groups_is_masked(session, typed, shown):
    """Round 19: a pet's microchip number typed as one word ("250269604918273") is told back as the clinic's
    software formats numbers ("250.269.604.918.273"), which is no word of the value: the groupings a page
    makes of a long number typed without spaces, or in groups of its own, are tainted too. The site's own numbers
    stay readable."""
    label = element("label", {"for": "chip"}, [text("N° de puce électronique · Chipnummer")])
    field, status = element("input", {"id": "chip", "inputmode": "numeric"}), element("p", {"id": "status"})
    prices = element("p", {"id": "prices"})
    s = session()
    s.send(snapshot(html_page(label, field, status, prices, lang="fr")))
    s.send(*typing(field["id"], typed))
    s.send(mutation(adds=[add(status["id"], text(shown))]))
    # "250 269" is a run of a value typed in groups, masked as its runs are: the site's count differs then
    clients = "250 269 clients" if " " not in typed else "250 268 clients"
    s.send(mutation(adds=[add(prices["id"], text(f"Tarif 2026 : 45 €, {clients}"))]))
    echoed = s.stored[-2]["data"]["adds"][0]["node"]["textContent"]
    assert echoed.startswith(shown[:6]) and not any(c.isdigit() for c in echoed), echoed
    assert f"Tarif 2026 : 45 €, {clients}" in strings(s.stored[-1])


@pytest.mark.parametrize("shown", ["1106 av", "Aansluiting op 1106 av.", "11 06 AV"])
def test_a_short_code_typed_as_one_word_told_back_in_groups_is_masked(session, shown):
    """Round 32 (in process): a Dutch postcode typed as one word ("1106AV") was told back by a page with a space
    and in lower case ("1106 av"), which is no word of the value and which the postcode's pattern, written for its
    capitals, does not read: the groupings of a number-like value are tainted from six characters on, not eight.
    The site's own numbers stay readable."""
    label = element("label", {"for": "pc"}, [text("Postcode")])
    field, status = element("input", {"id": "pc"}), element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(label, field, status, lang="nl")))
    s.send(*typing(field["id"], "1106AV"))
    s.send(mutation(adds=[add(status["id"], text(shown)), add(status["id"], text("12 termijnen van € 87,50"))]))
    stored = list(strings(s.stored))
    assert not [t for t in stored if "1106" in t or "06 AV" in t.upper()], stored
    assert "12 termijnen van € 87,50" in stored


def test_a_number_typed_where_nothing_names_it_is_masked_where_the_page_shows_it_again(session):
    """Round 21: a meter's EAN code typed in a field whose label names no kind of value ("Code EAN gaz") was masked
    in its keystrokes, as the growing end of a value, but not remembered: the summary page showed it whole, as
    typed, and stored it. A number typed as a field's whole value (eight digits or more, in groups or not) taints
    the session as an identifier does. A meter's reading (five digits), a search box's number, stay readable."""
    fields = {name: element("input", {"id": name, "inputmode": "numeric", **({"type": "search"} if name == "q" else {})})
              for name in ("ean", "index", "q")}
    labels = [element("label", {"for": "ean"}, [text("Code EAN gaz")]),
              element("label", {"for": "index"}, [text("Index gaz (m³)")]),
              element("label", {"for": "q"}, [text("Rechercher une commande")])]
    summary = element("dl", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(*labels, *fields.values(), summary, lang="fr")))
    s.send(*typing(fields["ean"]["id"], "541453768000472864"), *typing(fields["index"]["id"], "11562"),
           *typing(fields["q"]["id"], "20260412"))
    s.send(mutation(adds=[add(summary["id"], text("EAN gaz : 541453768000472864")),
                          add(summary["id"], text("Index : 11562 m³, commande 20260412"))]))
    shown = [node["node"]["textContent"] for node in s.stored[-1]["data"]["adds"]]
    assert shown == ["EAN gaz : ******************", "Index : 11562 m³, commande 20260412"], shown


def test_a_long_number_told_back_in_groups_of_six_each_alone_is_masked(session):
    """Round 21: an 18-digit EAN code read back in three groups of six, each in a <span> of its own ("541449",
    "370006", "129054"): no text holds a run of the value's words, each holds a window of it. Grouped by six from
    either end, each group alone is tainted too; a six-digit number of the site's stays readable."""
    label = element("label", {"for": "ean"}, [text("Numéro de compteur (EAN)")])
    field = element("input", {"id": "ean", "inputmode": "numeric"})
    groups = [element("span", {"class": "g"}) for _ in range(3)]
    s = session()
    s.send(snapshot(html_page(label, field, *groups, lang="fr")))
    s.send(*typing(field["id"], "541449370006129054"))
    s.send(mutation(adds=[add(group["id"], text(value)) for group, value in zip(groups, ("541449", "370006", "129054"))]))
    s.send(mutation(adds=[add(groups[0]["id"], text("Facture 202604"))]))
    assert not [t for t in strings(s.stored[-2]) if any(c.isdigit() for c in t)]
    assert "Facture 202604" in strings(s.stored[-1])


def test_a_date_of_birth_shown_again_in_another_order_is_masked(session):
    """Round 21: a date of birth typed day first ("21-05-1986") was shown again by the page year first in its
    microdata (<meta itemprop=birthDate content="1986-05-21">) and stored; a summary writes it with the month's
    name. A date of birth taints the session in the orders and spellings pages write dates in; another date the
    visitor typed (a move's) stays readable where the page shows it."""
    label = element("label", {"for": "dob"}, [text("Date de naissance")])
    field = element("input", {"id": "dob", "placeholder": "jj-mm-aaaa"})
    meta = element("meta", {"itemprop": "birthDate", "content": ""})
    summary = element("p", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(label, field, meta, summary, lang="fr")))
    s.send(*typing(field["id"], "21-05-1986"), mutation(attributes=[set_attributes(meta["id"], content="1986-05-21")]))
    s.send(mutation(adds=[add(summary["id"], text(shown)) for shown in
                          ("Titulaire depuis 19860521", "Mitglied seit 21. Mai 1986", "Client since 21 May 1986",
                           "Emménagement le 01-04-2027")]))
    assert s.stored[-2]["data"]["attributes"][0]["attributes"]["content"] == "**********"
    shown = [node["node"]["textContent"] for node in s.stored[-1]["data"]["adds"]]
    assert shown == ["Titulaire depuis ********", "Mitglied seit *** *** ****", "Client since ** *** ****",
                     "Emménagement le 01-04-2027"], shown


#: a date of birth typed as a visitor's country writes it, what the page tells back, and what is stored of that
DATES_TOLD_BACK = [
    # held-out round 36: a Hungarian mother typed her child's date of birth year first with a dot after each part;
    # the page told it back in Hungarian words, stored readable in the next snapshot. Such a date taints the session in
    # its other orders too, with its month's name in Hungarian, year first
    ("nl", "Geboortedatum", "2016. 03. 14.",
     ("Születési dátum: 2016. március 14.", "Geboren op 14 maart 2016", "Les op 2027. 03. 14."),
     ["Születési dátum: ***** ******* **.", "Geboren op ** ***** ****", "Les op 2027. 03. 14."]),
    # held-out round 38: a Croatian owner typed hers with a dot after the year too; the page told it back in Croatian
    # words, the month's name in the genitive, stored readable in the next snapshot and with only its year masked
    # while typed: no month list knew Croatian's. The same date with no birth word is masked too, as the taint's
    ("fr", "Date de naissance", "07.03.1986.",
     ("Rođena: 7. ožujka 1986.", "Čestitamo za 7. ožujka!", "Otvoreno od 9. travnja 2027."),
     ["Rođena: ** ****** ****.", "Čestitamo za ** ******!", "Otvoreno od 9. travnja 2027."]),
]


@pytest.mark.parametrize("language,question,typed,told,stored", DATES_TOLD_BACK)
def test_a_date_of_birth_is_masked_where_the_page_tells_it_back_in_the_visitors_words(session, language, question,
                                                                                        typed, told, stored):
    """A date of birth typed as the visitor's country writes it and told back by the page in that language's words is
    masked there; another date stays."""
    label = element("label", {"for": "dob"}, [text(question)])
    field = element("input", {"id": "dob"})
    summary = element("p", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(label, field, summary, lang=language)))
    s.send(*typing(field["id"], typed))
    s.send(mutation(adds=[add(summary["id"], text(shown)) for shown in told]))
    shown = [node["node"]["textContent"] for node in s.stored[-1]["data"]["adds"]]
    assert shown == stored, shown


def test_a_date_of_birth_written_out_in_words_as_a_deed_writes_it_is_masked(session):
    """Round 22: a notary's draft of the deed, drawn from the form, wrote the date of birth typed '03/04/1974' as deeds
    write dates, in words ('geboren te Lokeren op drie april negentienhonderd vierenzeventig'), and stored it: the
    taint knew the date in digits and with its month's name only. In Dutch, French (Belgium's tens and France's, mil
    and mille) and German (the day an ordinal, the year one word or two); the deed's own date in words stays."""
    label = element("label", {"for": "dob"}, [text("Geboortedatum")])
    field = element("input", {"id": "dob", "placeholder": "dd/mm/jjjj"})
    draft = element("article", {"id": "draft"})
    s = session()
    s.send(snapshot(html_page(label, field, draft, lang="nl")))
    s.send(*typing(field["id"], "03/04/1974"))
    lines = ["Geboren te Lokeren op drie april negentienhonderd vierenzeventig.",
             "Geboren te Lokeren op drie april negentienhonderdvierenzeventig.",
             "Né à Lokeren le trois avril mil neuf cent septante-quatre.",
             "Né à Lokeren le trois avril mille neuf cent soixante-quatorze.",
             "Geboren in Lokeren am dritten April neunzehnhundertvierundsiebzig.",
             "De akte wordt verleden op vijftien maart tweeduizend zevenentwintig."]
    s.send(mutation(adds=[add(draft["id"], element("p", {}, [text(line)])) for line in lines]))
    shown = [t for t in strings(s.stored[-1]) if t in lines or "*" in t]
    assert len(shown) == len(lines), shown
    assert lines[-1] in shown and not [t for t in shown[:-1] if "april" in t.casefold() or "avril" in t], shown
    assert not [t for t in shown if "vierenzeventig" in t or "septante" in t or "quatorze" in t or "siebzig" in t]


def test_a_date_of_birth_typed_and_written_back_the_spanish_way_is_masked(session):
    """Held-out peers round 33: a date of birth typed in a date input ('1991-04-12') was written back in Spanish, 'de'
    between the day, the month and the year, in a <time> ('Date of birth: <time datetime="1991-04-12">12 de abril de
    1991</time>', a card's shadow root): the taint knew the month's name right after the day only, and the day and
    month were stored. Spanish and Portuguese spellings are tainted too; another day of April so written stays."""
    label = element("label", {"for": "born"}, [text("Date of birth")])
    field = element("input", {"id": "born", "type": "date"})
    card = element("div", {"id": "card"})
    s = session()
    s.send(snapshot(html_page(label, field, card, lang="en")))
    s.send(input_event(field["id"], "1991-04-12"))
    born = element("time", {"datetime": "1991-04-12"}, [text("12 de abril de 1991")])
    s.send(mutation(adds=[add(card["id"], element("p", {}, [text("Date of birth: "), born])),
                          add(card["id"], element("p", {}, [text("Abierto el 14 de abril de 2026")]))]))
    shown = list(strings(s.stored[-1]))
    assert not [t for t in shown if "abril" in t and "14 de abril" not in t], shown
    assert "Abierto el 14 de abril de 2026" in shown and "Date of birth: " in shown, shown


def test_a_birthday_without_its_year_is_masked_once_the_sentence_goes_on(session):
    """Review 20 F3: a day and a month after a birth word were masked only while they ended the value (a year may
    come); once the visitor typed on ("mijn verjaardag is 14 april en ik word 40"), nothing read them as a date of
    birth and the final value stored them, the age beside them. A day and a month right after a birth word are a date
    of birth, settled or not; a day and a month after another word stay readable."""
    cases = [("ik ben jarig op 27 augustus en word dan 61", "27 augustus"),
             ("my birthday is on November 3rd, I turn 35", "November 3rd"),
             ("mon anniversaire est le 19 janvier, j'aurai 47 ans", "19 janvier"),
             ("Geburtstag ist am 8. Juli, ich werde 52", "8. Juli"),
             ("mi cumpleaños es el 30 de octubre y cumplo 29", "30 de octubre")]
    kept = "graag levering op 14 mei, na de middag!"
    _birthdays_typed_are_masked(session, cases, kept)


def _birthdays_typed_are_masked(session, cases: list[tuple[str, str]], kept: str) -> None:
    """Each sentence typed into a note stores none of its date; the kept sentence, typed last, is stored whole."""
    label = element("label", {"for": "note"}, [text("Opmerking")])
    field = element("textarea", {"id": "note"})
    s = session()
    s.send(snapshot(html_page(label, field, lang="nl")))
    for sentence, date in cases:
        s.send(*typing(field["id"], sentence))
        assert not leaks(s.stored, date), [t for t in strings(s.stored) if date[-4:] in t]
    s.send(*typing(field["id"], kept))
    assert kept in strings(s.stored)


def test_a_birthday_said_with_a_verb_or_in_digits_is_masked_once_the_sentence_goes_on(session):
    """Review 21 F11: review 20 F3's rule knew a birthday's nouns and the short links after them: said with the verb
    ("faço anos a 2 de junho", "compio gli anni il 9 ottobre", "ik verjaar op 11 november", "cumplo años el 5 de
    enero"), with Portuguese's "a" or "no dia", German's "habe ich am", or with the month in digits ("27.09."), the
    day and month were stored once the visitor typed on. Those verbs, links and a day.month in digits after a birth
    word are read too; a day.month after another word stays."""
    cases = [("o meu aniversário é a 23 de março e faço 33", "23 de março"),
             ("faço anos no dia 2 de junho, venham", "2 de junho"),
             ("compio gli anni il 9 ottobre e faccio festa", "9 ottobre"),
             ("ik verjaar op 11 november, kom je?", "11 november"),
             ("Geburtstag habe ich am 27.09., kommst du?", "27.09."),
             ("cumplo años el 5 de enero y lo celebro", "5 de enero")]
    kept = "levering op 14.05. graag na de middag!"
    _birthdays_typed_are_masked(session, cases, kept)


def test_a_historical_birth_date_in_an_article_is_no_street_and_a_visitors_stays_masked(session):
    """Review 20 O2: an article's "Geboren op 12 juni 1821 te Brugge" was masked: street_before_postcode read the day
    and the month's name as a street with its house number ("12 juni") and the year and the town after it as a postcode
    and its town. A month's name ends no street; a date of birth with a year a living visitor may have is still
    masked, and an address before its postcode still is."""
    lines = ["Geboren op 12 juni 1821 te Brugge, schreef hij 14 romans.",
             "Nata il 9 ottobre 1813 a Busseto, compose 28 opere.",
             "Born on 21 March 1685 in Eisenach, he wrote the Mass in B minor.",
             "Né le 25 février 1841 à Limoges, il peignit 4000 toiles."]
    visitors = ["Ik ben geboren op 17 oktober 1958 in Aalst.", "Bezorgen op Houtkaai 24, 8000 Brugge"]
    s = session()
    s.send(snapshot(html_page(*[element("p", {}, [text(line)]) for line in lines + visitors], lang="nl")))
    stored = list(strings(s.stored))
    assert set(lines) <= set(stored), stored
    assert not leaks(s.stored, "17 oktober 1958") and not leaks(s.stored, "Houtkaai 24"), stored


def test_a_date_of_birth_shown_back_as_english_writes_dates_is_masked(session):
    """Left by round 22: a date of birth typed '03/04/1974' and shown back in English, month first ('Apr 3, 1974') or in
    words ('the third of April nineteen seventy-four'), was stored: the taint knew it day first only, in digits and
    in Dutch, French and German words. Another date of the page stays."""
    label = element("label", {"for": "dob"}, [text("Date of birth")])
    field = element("input", {"id": "dob", "placeholder": "dd/mm/yyyy"})
    summary = element("section", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(label, field, summary, lang="en")))
    s.send(*typing(field["id"], "03/04/1974"))
    lines = ["Apr 3, 1974", "April 3rd, 1974", "the 3rd of April 1974", "3rd April 1974",
             "the third of April nineteen seventy-four", "April third, nineteen hundred and seventy-four",
             "Offer valid until May 9, 2027"]
    s.send(mutation(adds=[add(summary["id"], element("p", {}, [text(line)])) for line in lines]))
    shown = [t for t in strings(s.stored[-1]) if t in lines or "*" in t]
    assert len(shown) == len(lines) and lines[-1] in shown, shown
    assert not [t for t in shown if t != lines[-1] and ("1974" in t or "seventy" in t or "April" in t or "Apr " in t)], shown


def test_a_birthday_shown_back_without_its_year_or_as_the_us_writes_it_short_is_masked(session):
    """Review 19: a date of birth typed '1981-09-22' and shown back on the next page without its year, month first, day
    first, with an ordinal or in Dutch ('Birthday: September 22nd', 'Jarig op 22 september'), or as the US writes it
    short ('9/22/81'), was stored: the taint held the day and month with the year only, and no M/D/YY. Another day of
    the same month and the same day of another month stay, and so does a date no visitor typed."""
    label = element("label", {"for": "dob"}, [text("Date of birth")])
    field = element("input", {"id": "dob", "type": "date"})
    summary = element("section", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(label, field, summary, lang="en")))
    s.send(*typing(field["id"], "1981-09-22"))
    lines = ["Birthday: September 22nd", "Birthday: 22nd September", "Your birthday is on Sept 22 ",
             "Jarig op 22 september", "Geburtstag am 22. September", "Born: 9/22/81", "Born: 09/22/1981",
             "Geboren: 22/9/81",
             "Delivery on September 23", "Party on October 22", "Valid until 10/22/27"]
    s.send(mutation(adds=[add(summary["id"], element("p", {}, [text(line)])) for line in lines]))
    shown = [t for t in strings(s.stored[-1]) if t in lines or "*" in t]
    assert len(shown) == len(lines) and set(lines[-3:]) <= set(shown), shown
    assert not [t for t in shown if t not in lines[-3:] and ("22" in t or "81" in t)], shown


def test_a_full_name_in_a_sentence_typed_in_a_one_line_input_is_masked(session):
    """Review 4: a one-line contact box (<input type=text name=message>) holding a sentence ("ik ben
    Ysaure Quenouillere, bel me") is read as a textarea is: a name inside it is masked, in one batch
    and keystroke by keystroke. A search box's sentence stays readable, and so do another field's
    words in lower case (its capitalised run is read as a name there, as in a textarea: fail closed)."""
    sentence = "ik ben Ysaure Quenouillere, bel me"
    for batched in (False, True):
        field = element("input", {"type": "text", "name": "message"})
        search = element("input", {"type": "search", "name": "q"})
        promo = element("input", {"type": "text", "name": "remark"})
        s = session()
        s.send(snapshot(html_page(field, search, promo, lang="nl")))
        keys = typing(field["id"], sentence)
        if batched:
            s.send(*keys)
        else:
            for key in keys:
                s.send(key)
        s.send(*typing(search["id"], "Apple Watch Ultra, zwart "), *typing(promo["id"], "Graag vandaag, Kortrijk Centrum "))
        stored = orjson.dumps(s.stored).decode()
        assert "Quenouil" not in stored and "Ysaure" not in stored, stored
        assert "ik ben " in stored and "Apple Watch Ultra, zwart " in stored and "Graag vandaag, " in stored


def test_a_name_typed_in_capitals_in_a_field_nothing_names_stays_masked_once_settled(session):
    """Review 4: "YSAURE QUENOUILLERE " typed in <input name=f3>: every keystroke was masked as an
    unfinished name but the last, settled by its space (a name's shape rejected capitals alone). Two to
    four words in capitals typed as a one-line field's whole value are a name there, keystroke by
    keystroke (a batch each) or in one batch, and its first word alone in capitals waits for the surname
    as a capitalised one does. Words in capitals in a sentence stay readable."""
    for batched in (False, True):
        field, other = element("input", {"type": "text", "name": "f3"}), element("input", {"type": "text", "name": "f4"})
        s = session()
        s.send(snapshot(html_page(field, other, lang="nl")))
        keys = typing(field["id"], "YSAURE QUENOUILLERE ")
        if batched:
            s.send(*keys)
        else:
            for key in keys:
                s.send(key)
        s.send(*typing(other["id"], "graag snel, BEDANKT "))
        stored = orjson.dumps(s.stored).decode()
        assert "QUENOUIL" not in stored and "YSAURE" not in stored, stored
        assert '"graag snel, BEDANKT "' in stored


def test_a_field_s_meaning_outlives_another_tab_s_snapshot_that_gives_its_id_to_a_search_box(session):
    """Review 4: two tabs of one session. Tab B's full snapshot (another URL) gives node id 7 to a search
    box; tab A goes on typing its name in its "fullname" field, id 7 too. The id keeps the meaning its
    field gave it (a floor, as flags keep theirs): the name is masked, not read as a search term."""
    name = "Ysaure Quenouillere"
    field = element("input", {"name": "fullname"})
    s = session()
    s.send(meta(), snapshot(html_page(element("form", {}, [field]), lang="nl")), *typing(field["id"], name[:8]))
    search = element("input", {"type": "search", "name": "q"})
    search["id"] = field["id"]
    s.send(meta("https://shop.example/search"), snapshot(html_page(element("form", {}, [search]), lang="nl")))
    s.send(*[input_event(field["id"], name[:i]) for i in range(9, len(name) + 1)], input_event(field["id"], name + " "))
    stored = orjson.dumps(s.stored).decode()
    assert "Quenouil" not in stored and "Ysaure" not in stored, stored


def test_a_name_split_from_its_context_by_inline_elements_is_masked(session):
    """Rich text puts a word in its own element ("mijn dochter <i>Fleurine</i>", "<b>Jan</b><i>ssens</i>"):
    the text node "Fleurine" alone says nothing, the words before it in the same line do. A text inside
    (or right after) an inline element is read with the text around it, in a mutation and in a snapshot;
    the site's own bold words stay readable."""
    bubble = element("div", {"class": "bubble"})
    s = session()
    s.send(snapshot(html_page(bubble, lang="nl")))
    italic, before, after = element("i", {}), text(", mijn dochter "), text(" gebruikt de lijn ook.")
    name = text("Fleurine")
    s.send(mutation(adds=[add(bubble["id"], after), add(bubble["id"], italic, after["id"]),
                          add(bubble["id"], before, italic["id"]), add(italic["id"], name)]))
    stored = orjson.dumps(s.stored).decode()
    assert "Fleurine" not in stored and ", mijn dochter " in stored and " gebruikt de lijn ook." in stored
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Bonjour, ma fille "), element("b", {}, [text("Ombeline")]),
                                                 text(" viendra demain.")]),
                              element("p", {}, [text("Bestel nu bij "), element("b", {}, [text("Fietsbel Rood")]),
                                                text(" en betaal later.")]), lang="fr")))
    stored = orjson.dumps(s.stored).decode()
    assert "Ombeline" not in stored and "ma fille " in stored
    assert "Fietsbel Rood" in stored and "Bestel nu bij " in stored
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Sms naar "), element("span", {}, [text("0486")]), text(" "),
                                                 element("span", {}, [text("53 72 19")]), text(".")]), lang="nl")))
    stored = "\n".join(strings(s.stored))  # texts only: a node id may hold the digits
    assert "0486" not in stored and "53 72 19" not in stored and "Sms naar " in stored
    s = session()  # a <wbr> (a line may break there) is inside the line: the tail alone says nothing
    s.send(snapshot(html_page(element("p", {}, [text("Ticket op naam van Lieven Dewis"), element("wbr", {}),
                                                 text("pelaere")]), lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert "pelaere" not in stored and "Ticket op naam van " in stored


def test_a_name_whose_parts_are_sibling_elements_with_no_space_between_is_masked(session):
    """A component writes a name's parts in sibling elements (JSX's <span>{first}</span>⏎<span>{last}</span>: no text
    node between them, CSS spaces them on screen): where one element closes and another opens, with a letter on each
    side, the line is also read with a space there (review 28 F3). A text running on out of an element stays one word
    ("<mark>Ver</mark>hulst"), and the site's own words in sibling elements stay readable."""
    def shown(line: list, lang: str) -> str:
        s = session()
        s.send(snapshot(html_page(element("p", {}, line), lang=lang)))
        return "\n".join(strings(s.stored))
    span = lambda t: element("span", {}, [text(t)])  # noqa: E731
    stored = shown([span("Wietske"), span("Vandormael")], "nl")
    assert "Vandormael" not in stored, stored
    stored = shown([text("Bedankt "), element("strong", {}, [text("Maxime")]), element("em", {}, [text("Lambrechts")]),
                    text(" voor je bestelling.")], "nl")
    assert "Lambrechts" not in stored and "Bedankt " in stored and " voor je bestelling." in stored, stored
    stored = shown([span("Nieuw"), span("Collectie"), span("Uitverkoop")], "nl")
    assert "Nieuw" in stored and "Collectie" in stored and "Uitverkoop" in stored, stored


def test_a_street_line_above_a_postcode_line_of_an_address_card_is_masked(session):
    """An order's or an account's address card writes one line per <br> (WooCommerce's <address>): the street's
    line read alone says nothing when its type is abbreviated or absent ("Chée de Louvain 230", "Vest 7"); above a
    line that opens with a postcode and a town it is a street. The card's name line, a text above a line that is no
    postcode's, and the site's words stay as they were."""
    cards = [("fr", ["Aline Dufour", "Chée de Louvain 230", "1030 Schaerbeek"], "Louvain 230"),
             ("fr", ["Pl. Sainctelette 9", "1080 Molenbeek"], "Sainctelette 9"),
             ("nl", ["Joris Peeters", "Vest 7", "2800 Mechelen", "België"], "Vest 7"),
             ("nl", ["Stwg. op Brussel 88", "1780 Wemmel"], "Brussel 88"),
             ("fr", ["Clos du Verger 14", element("span", {}, [text("5000 Namur")])], "Verger 14")]
    for lang, lines, street in cards:
        s = session()
        kids: list = []
        for i, line in enumerate(lines):
            kids += ([element("br", {})] if i else []) + [text(line) if isinstance(line, str) else line]
        s.send(snapshot(html_page(element("address", {}, kids), element("p", {}, [
            text("Maat 42"), element("br", {}), text("Levering binnen 2 dagen")]), lang=lang)))
        stored = "\n".join(strings(s.stored))
        assert street not in stored, lines
        assert "Maat 42" in stored and "Levering binnen 2 dagen" in stored


def test_a_street_line_above_a_postcode_line_in_an_element_of_its_own_is_masked(session):
    """Review 28 F2: React's and Vue's account and order pages write an address card one line per element (<div>,
    <p>, <li>, Bootstrap's <span class="d-block">), the page's indentation between them: the street's line above the
    postcode's line is a street as it is across a <br>. The card's lines are read each alone (a name line and a street
    written number first do not run into each other through sibling <span>s), a table's cells side by side are no
    card's lines, and lines of the site's text above no postcode stay."""
    cards = [("nl", ["Wannes Maertens", "Lieve 14", "9000 Gent"], "Lieve 14"),
             ("fr", ["Josiane Weber", "7, Op der Knupp", "L-9639 Boulaide"], "Knupp")]
    for tag in ("div", "p", "li", "span"):
        for lang, lines, street in cards:
            s = session()
            kids: list = []
            for line in lines:
                kids += [text("\n  "), element(tag, {"class": "d-block"} if tag == "span" else {}, [text(line)])]
            wrapper = element("ul" if tag == "li" else "div", {"class": "address"}, kids)
            s.send(snapshot(html_page(wrapper, element("div", {}, [
                element(tag, {}, [text("Maat 42")]), element(tag, {}, [text("Levering binnen 2 dagen")])]),
                element("table", {}, [element("tr", {}, [element("td", {}, [text("Model 5")]),
                                                         element("td", {}, [text("2024 Edition")])])]), lang=lang)))
            stored = "\n".join(strings(s.stored))
            assert street not in stored, (tag, lines)
            assert "Maat 42" in stored and "Levering binnen 2 dagen" in stored, tag
            assert "Model 5" in stored and "2024 Edition" in stored, tag


def test_a_street_line_above_a_foreign_postcode_line_of_an_address_card_is_masked(session):
    """Review 28 F10: a visitor from elsewhere in Europe gives her own address, and the card writes its postcode as her
    country does: Poland's two digits, a dash and three, the Baltic states' letters and a dash before it, a postcode of
    five digits from 0, Greece's three digits and two. Each is a postcode's line: the street above it is masked. A line
    of numbers that is no postcode's ("120 80 cm") leaves the line above it as it was."""
    cards = [("nl", ["Katarzyna Zielińska", "ul. Kwiatowa 12/4", "61-714 Poznań"], "Kwiatowa"),
             ("fr", ["Ilze Kalniņa", "Lielā iela 3", "LV-3001 Jelgava"], "Lielā"),
             ("nl", ["Tomas Petrauskas", "Laisvės al. 53", "LT-44280 Kaunas"], "Laisvės"),
             ("fr", ["Uwe Kästner", "Kesselsdorfer 12", "01159 Dresden"], "Kesselsdorfer"),
             ("fr", ["Νίκος Οικονόμου", "Τσιμισκή 41", "546 23 Θεσσαλονίκη"], "Τσιμισκή")]
    for lang, lines, street in cards:
        s = session()
        kids: list = []
        for i, line in enumerate(lines):
            kids += ([element("br", {})] if i else []) + [text(line)]
        s.send(snapshot(html_page(element("address", {}, kids), element("p", {}, [
            text("Tafel 12"), element("br", {}), text("120 80 cm")]), lang=lang)))
        stored = "\n".join(strings(s.stored))
        assert street not in stored, lines
        assert "Tafel 12" in stored and "120 80 cm" in stored


def test_a_login_greeted_and_asked_again_before_signing_out_is_masked_and_remembered(session):
    """WooCommerce's account dashboard writes the visitor's login twice, each in its <strong>: after its greeting and in
    the question that offers to sign out ("Hallo <strong>X</strong> (niet <strong>X</strong>? <a>Log uit</a>)"). A
    login has any shape (no dot: not the e-mail's local part), the sentence says whose it is: both are masked, and
    the login is remembered for the session's other pages. The site's words stay, and a greeting whose word no
    question repeats is no login."""
    for lang, hello, question, out, login in [("nl", "Hallo ", " (niet ", "Log uit", "wvdbroeck71"),
                                              ("fr", "Bonjour ", " (vous n’êtes pas ", "Déconnexion", "mlambotte"),
                                              ("en", "Hello ", " (not ", "Log out", "Tiago Esteves")]:
        s = session()
        later = element("div", {})
        s.send(meta("https://shop.example/my-account/"), snapshot(html_page(element("p", {}, [
            text(hello), element("strong", {}, [text(login)]), text(question), element("strong", {}, [text(login)]),
            text("? "), element("a", {"href": "/logout"}, [text(out)]), text(")")]), later, lang=lang)))
        s.send(mutation(adds=[add(later["id"], element("span", {}, [text(login)]))]))
        stored = "\n".join(strings(s.stored))
        assert login not in stored, lang
        assert hello in stored and out in stored and question in stored
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Hallo "), element("strong", {}, [text("allemaal")]),
                                                 text(" (vragen? "), element("a", {}, [text("Bel ons")]), text(")")]),
                              lang="nl")))
    assert "allemaal" in "\n".join(strings(s.stored))


def test_a_line_react_rendered_with_empty_comments_between_its_parts_is_read_whole(session):
    """React's server rendering (Next.js, Remix) writes `<!-- -->` between two text expressions of one element:
    "Hallo <!-- -->Wannes<!-- --> <!-- -->Opdebeeck" reaches rrweb as text nodes with comments between. A comment is
    not shown: the line is read across it as across adjacent texts, so the surname, an e-mail's local part and a
    phone's digits are masked; the site's own words on such a line stay."""
    from factories import comment

    def shown(parts: list[str], lang: str) -> str:
        kids = []
        for i, part in enumerate(parts):
            kids += [comment(" "), text(part)] if i else [text(part)]
        s = session()
        s.send(snapshot(html_page(element("p", {}, kids), lang=lang)))
        return "\n".join(strings(s.stored))
    stored = shown(["Hallo ", "Wannes", " ", "Opdebeeck"], "nl")
    assert "Opdebeeck" not in stored and "Hallo " in stored, stored
    stored = shown(["mathis.vervoort", "@", "skynet.be"], "nl")
    assert "mathis.vervoort" not in stored, stored
    stored = shown(["Bel ons: ", "+32", " ", "486 21 09 73"], "nl")
    assert "486 21 09 73" not in stored and "Bel ons: " in stored, stored
    stored = shown(["Nog ", "3", " artikelen in je ", "winkelmandje"], "nl")
    assert "winkelmandje" in stored and " artikelen in je " in stored, stored


def test_a_street_written_a_word_a_node_is_read_with_its_number(session):
    """A spell-checker's preview puts each word in its own node, the spaces between in others, the words it does not
    know in a <mark> (held-out round 26): the street's first word, "avenue", is read with the line's next words up to
    its number, the spaces and the steps out of the <mark>s not counted as words read."""
    words = "Ma tante habite avenue Reine Astrid 96 à Jambes depuis mars.".split(" ")
    marked = {"avenue", "Reine", "Astrid", "Jambes"}
    line = []
    for word in words:
        line += [element("mark", {}, [text(word)]) if word in marked else text(word), text(" ")]
    s = session()
    s.send(snapshot(html_page(element("div", {"id": "apercu"}, line[:-1]), lang="fr")))
    stored = list(strings(s.stored))
    assert not any(window in piece for piece in stored for window in windows("avenue Reine Astrid 96")), stored
    assert "habite" in stored and "tante" in stored


def test_a_piece_of_a_value_read_across_its_line_is_masked_not_remembered(session):
    """A value found across a line written a word a node is masked in each piece, but a piece alone is no value:
    remembered, the "+30" of a Greek mobile ("(+30", "694", "512", "3870" in a spell-checker's preview) masked the
    lesson time "17:30" of an <input type=time> in every later snapshot (held-out round 26); the whole number, typed
    in its field, is remembered as typed."""
    words = "Elle est joignable au (+30 694 512 3870 jusqu'en août).".split(" ")
    line = []
    for word in words:
        line += [element("mark", {}, [text(word)]), text(" ")]
    s = session()
    s.send(snapshot(html_page(element("div", {"id": "apercu"}, line[:-1]), lang="fr")))
    hour = element("input", {"type": "time", "id": "heure", "value": "17:30"})
    s.send(snapshot(html_page(hour, element("p", {}, [text("Leçon de 17:30 à 18:30, 30 € l'heure.")]), lang="fr")))
    stored = list(strings(s.stored))
    assert "(+30" not in stored and "3870" not in stored and "694" not in stored, stored
    assert "17:30" in stored and "Leçon de 17:30 à 18:30, 30 € l'heure." in stored, stored


def test_the_thanks_a_person_was_read_with_is_not_remembered_as_a_name(session):
    """The model reads a page's "Merci Stylianos !" whole as a person: its given name is remembered, not its first
    word, which thanks (held-out round 26: the visitor's "Merci !" at the end of her message was masked after it)."""
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Merci Stylianos ! Votre moniteur vous appelle demain.")]),
                              lang="fr")))
    s.send(snapshot(html_page(element("p", {}, [text("Stylianos, merci de votre confiance. Merci !")]),
                              element("p", {}, [text("Merci pour votre inscription.")]), lang="fr")))
    stored = list(strings(s.stored))
    assert not any("Stylia" in piece for piece in stored), stored
    assert "Merci pour votre inscription." in stored and any(piece.endswith(" Merci !") for piece in stored), stored


def test_text_containers_named_for_personal_data(session):
    name, email = element("span", {"id": "hdr-name"}), element("span", {"class": "user-email"})
    product = element("span", {"class": "product-name"}, [text("Fietsbel Deluxe")])
    s = session()
    s.send(snapshot(html_page(name, email, product)))
    s.send(mutation(adds=[add(name['id'], text("Lotte de Graaf")), add(email['id'], text("lotte@webmail.example"))]))
    stored = orjson.dumps(s.stored).decode()
    assert "Lotte" not in stored and "lotte@" not in stored and "Fietsbel Deluxe" in stored



def test_a_label_named_for_its_field_is_no_text_container(session):
    """ASP.NET names a field's label after it (<span id="ctl00_cphMain_lblTussenvoegsel">): the label's
    word is the site's, not a value; masked, it tainted the field names it stands in (heldout round 7)."""
    label = element("span", {"id": "ctl00_cphMain_lblTussenvoegsel"}, [text("Tussenvoegsel")])
    field = element("input", {"type": "text", "name": "ctl00$cphMain$txtTussenvoegsel", "id": "ctl00_cphMain_txtTussenvoegsel"})
    s = session()
    s.send(snapshot(html_page(label, field)), *typing(field["id"], "van der"))
    stored = orjson.dumps(s.stored).decode()
    assert '"Tussenvoegsel"' in stored and "txtTussenvoegsel" in stored


def test_a_dom_a_thousand_elements_deep_is_walked_without_recursion(detector):
    """The redaction walks a tree with its own stack: a page 1,000 elements deep (past Python's
    recursion limit; the server decodes 1,024 levels of JSON, about 500 elements) is redacted, a
    mutation under its deepest element too."""
    field = element("input", {"type": "email", "value": "geheim.adres@voorbeeld.example"})
    node = field
    for _ in range(1000):
        node = element("div", {"title": "mail jan.peeters@mail.example"}, [node])
    policy = Policy.compile("test", validate_site_config({}))
    mirror, masker = DomMirror(), Masker("*", b"site-secret")
    analyze = lambda texts, language: detector.analyze_sync(texts, language, policy.config.pii)  # noqa: E731
    kept = redact_batch_sync([meta(), snapshot(html_page(node)), input_event(field["id"], "jan.peeters@mail.example")],
                             policy, mirror, masker, analyze).events
    kept += redact_batch_sync([mutation(adds=[add(field["id"], text("Sanne Jansen, 0470 12 34 56"))])],
                              policy, mirror, masker, analyze).events
    stored = list(strings(kept))  # (deeper than any JSON encoder here writes)
    assert not [s for s in stored if "geheim" in s or "jan.peeters" in s or "0470 12" in s]
    assert sum(s.startswith("mail ") for s in stored) == 1000


# -- URLs, custom events, attributes ------------------------------------------------------------------
def test_urls_lose_emails_and_secrets(session):
    s = session()
    s.send(meta("https://shop.example/p?ref=joost.mulder@partner.example&reset_token=abc123&page=2"))
    s.send(meta("https://shop.example/p?ref=marc.lambert%40kantoor.example&utm_campaign=zomer"))
    stored = orjson.dumps(s.stored).decode()
    assert "joost" not in stored and "abc123" not in stored and "marc.lambert" not in stored
    assert "page=2" in stored and "utm_campaign=zomer" in stored


@pytest.mark.parametrize("url", ["https://shop.example/p?x=+32478913527", "https://shop.example/p?tel=+31641928374",
                                 "https://shop.example/p?ph=+32+478+91+35+27", "https://shop.example/p?ph=+32 478 91 35 27",
                                 "https://shop.example/p?x=+33671829304&page=2", "https://shop.example/p#+32478913527",
                                 "https://shop.example/bel/+32478913527", "https://wa.me/+32478913527"])
def test_a_phone_written_with_a_plus_in_a_url_is_masked(session, url):
    """A script that writes an address itself leaves a phone's '+' unencoded: a query's form
    encoding reads it as a space (' 32478913527', no phone), so a query value is read with a '+'
    that starts a number kept too; a path or a fragment is not form-encoded at all. In the Meta's
    href, a link's href and an image's src alike."""
    s = session()
    s.send(meta(url), snapshot(html_page(element("a", {"href": url}, [text("Bel ons")]),
                                         element("img", {"src": url}))))
    stored = orjson.dumps(s.stored).decode()
    for digits in ("478913527", "641928374", "671829304", "478+91+35+27", "478 91 35 27"):
        assert digits not in stored, (digits, stored)
    assert "shop.example" in stored or "wa.me" in stored


@pytest.mark.parametrize("digits", ["3247123", "32471234", "3247123456", "+32471234"])
def test_a_chat_links_number_is_masked_while_it_is_typed(session, digits):
    """Round 24: a page wrote a WhatsApp link from the number being typed ("https://wa.me/32471234?text=…"): the
    whole number (an E.164 without its '+') was masked, its prefixes of 8 or 10 digits not, a number of no valid
    length. A chat link's host says its first path segment is a number, whatever its digits, as a tel: link's
    scheme does; another site's path keeps its digits, and the chat host's pages keep theirs."""
    link = element("a", {"href": f"https://wa.me/{digits}?text=Hoi%20Ma%C3%ABlys"}, [text("Stuur via WhatsApp")])
    kept = element("a", {"href": "https://shop.example/bestelling/58306172"}, [text("Bestelling")])
    page = element("a", {"href": "https://wa.me/message/ABCDEF"}, [text("Chat")])
    s = session()
    s.send(snapshot(html_page(link, kept, page, lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert digits.lstrip("+") not in stored, stored
    assert "https://wa.me/" in stored and "/bestelling/58306172" in stored and "/message/ABCDEF" in stored


@pytest.mark.parametrize("value", ["wa.me/32468123907 stuur maar een berichtje", "mijn nummer: wa.me/31612398745, tot straks",
                                   "https://t.me/32468123907 of mail"])
def test_a_chat_links_number_in_a_sentence_is_masked(session, value):
    """Review 19 F1: a chat link's number written in a sentence ("wa.me/32471901288 bel me") was kept whole in typed
    text, a payload's string and the page's text: only an href's was read by its host, and in text the number was
    masked only as the value's unsettled last word or after a phone word. The host says it is a number in text too."""
    digits = value.split("/")[-1].split()[0].strip(",")
    field = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text(f"Je WhatsApp: {value}")]), field, lang="nl")))
    s.send(*typing(field["id"], value), custom("bericht", {"msg": value}))
    stored = orjson.dumps(s.stored).decode()
    assert digits[2:9] not in stored, stored
    assert "Je WhatsApp:" in stored and ".me/" in stored  # the site's text and the link's host stay


def test_a_phone_written_with_a_plus_in_a_form_encoded_text_is_masked(session):
    """A form-encoded pair inside a text (a logged request body) is read as a URL's query is: a
    '+' that starts a number kept as well as read as a space."""
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Formulier: ph=+32+478+91+35+27&stap=2")]),
                              element("p", {}, [text("body q=rode+fiets&ph=+33+6+71+82+93+04")]))))
    stored = orjson.dumps(s.stored).decode()
    assert "478+91" not in stored and "71+82" not in stored
    assert "Formulier: ph=" in stored and "&stap=2" in stored and "q=rode+fiets&ph=" in stored


def test_a_plus_that_is_a_space_in_a_url_stays_one(session):
    """A '+' that is a form encoding's space between words is left as it was: only a '+' that
    starts a number is read as a plus, and an address nothing is masked in comes out as it went in."""
    s = session()
    url = "https://shop.example/zoek?q=rode+fiets+28+inch&maat=+2&page=2"
    s.send(meta(url))
    assert s.stored[0]["data"]["href"] == url


def test_values_in_look_alike_characters_are_masked_in_typed_text_page_text_and_urls(session):
    """Full-width forms, the small commercial at and other scripts' digits are the same values to
    whoever reads them: detection reads them folded, and the original characters are masked."""
    textarea = element("textarea", {"id": "msg"})
    s = session()
    s.send(meta("https://shop.example/zoek?q=jan.peeters%EF%BC%A0gmail.com&page=2"),
           snapshot(html_page(element("p", {}, [text("Contact: telefoon \uff10\uff14\uff17\uff10 \uff11\uff12 "
                                                     "\uff13\uff14 \uff15\uff16")]),
                              element("span", {"title": "IBAN \uff2e\uff2c\uff19\uff11\uff21\uff22\uff2e\uff21"
                                                        "\uff10\uff14\uff11\uff17\uff11\uff16\uff14\uff13\uff10\uff10"}),
                              element("a", {"href": "/p?ref=jan.peeters\ufe6bgmail.com"}, [text("link")]),
                              textarea)),
           *typing(textarea["id"], "email jan.peeters\uff20gmail.com of \u0660\u0666\u0661\u0662\u0663\u0664"
                                   "\u0665\u0666\u0667\u0668 graag"))
    stored = orjson.dumps(s.stored).decode()
    for value in ("jan.peeters\uff20gmail.com", "jan.peeters\ufe6bgmail.com", "\u0660\u0666\u0661\u0662\u0663\u0664",
                  "\uff10\uff14\uff17\uff10", "\uff2e\uff2c\uff19\uff11\uff21\uff22", "jan.peeters%EF%BC%A0gmail"):
        assert value not in stored, value
    assert not leaks(s.stored, "jan.peeters\uff20gmail.com")
    assert "telefoon" in stored and "email " in stored and "page=2" in stored  # the rest stays readable


def test_url_parameters_named_like_a_field_are_masked_whole(session):
    """A parameter's name says what its value is, as a field's name does: a name no detector
    knows is masked too; parameters that say nothing keep their values."""
    s = session()
    s.send(meta("https://shop.example/account?fullname=Ysoline+Daemers&tab=profiel#/edit?voornaam=Wardje&sort=asc"),
           snapshot(html_page(element("a", {"href": "/orders?dob=1984-03-17&page=3"}, [text("Bestellingen")]))))
    stored = "\n".join(strings(s.stored))  # texts only: a node id may hold the digits
    assert "Ysoline" not in stored and "Daemers" not in stored and "Wardje" not in stored and "1984" not in stored
    assert "tab=profiel" in stored and "sort=asc" in stored and "page=3" in stored


@pytest.mark.parametrize("tail, value", [("?gsm=0486/55.21.09&stap=3", "55.21.09"), ("?telefoon=09/233.18.40", "233.18.40"),
                                         ("?geboren=03/11/1979", "11/1979"), ("?voornaam=Griet/Dewaele", "Dewaele"),
                                         ("?wachtwoord=regen/boog77kq", "boog77kq"), ("#gsm=0486/55.21.09", "55.21.09"),
                                         ("?bericht=bel+me+op+0486/55.21.09", "55.21.09")])
def test_a_query_value_written_with_a_slash_is_read_whole(session, tail, value):
    """Review 21 F1: a script that writes the address leaves a "/" in a query value unencoded (a Belgian phone
    "0470/12.34.56", a date "14/04/1985", "Jorinde/Vercauteren"): the URL was cut at every "/", the value masked up to
    it and the rest read alone as a path segment, with no name and too short to be anything, and stored. A query's
    or a "#k=v" fragment's value runs to the next "&", ";", "?" or "#"; a path in a value is still a path."""
    url = "https://shop.example/bestellen" + tail
    s = session()
    s.send(meta(url), snapshot(html_page(element("a", {"href": url}, [text("Terug naar stap 3")]))))
    stored = orjson.dumps(s.stored).decode()
    assert value not in stored, stored
    assert "https://shop.example/bestellen" in stored and "Terug naar stap 3" in stored


def test_a_path_in_a_query_value_keeps_its_people_masked_and_the_site_s_words(session):
    """A value that is a path written plainly ("?next=/klant/<name>") is read as the address it is, as one
    percent-encoded is: its people masked, the site's pages and a value with a "/" that is no one's kept."""
    s = session()
    s.send(meta("https://shop.example/login?next=/klant/ruben-de-smedt/bestellingen&kleur=rood/blauw&stap=2"))
    href = s.stored[0]["data"]["href"]
    assert "ruben" not in href and "smedt" not in href, href
    assert href.startswith("https://shop.example/login?next=/klant/") and href.endswith(
        "/bestellingen&kleur=rood/blauw&stap=2"), href


def test_a_url_inside_a_payloads_text_is_taken_apart_by_a_links_rules(session):
    """A URL inside a payload's text (a console line, an error's message, a custom event's note) was scanned as
    text only: a handle after "/klant/", a one-time link's token and an address nested in a query value were stored,
    although the same URL alone in the payload, or in a link, is masked by its pieces. The site's paths and
    parameters stay, and so does a stack frame's script."""
    console = {"type": 6, "timestamp": 1, "data": {"plugin": "rrweb/console@1", "payload": {
        "level": "warn", "trace": [], "payload": ['"GET https://shop.example/users/merelvdh82/orders 404"']}}}
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Bestellingen")]))), console,
           custom("nav", {"msg": "went from /klant/merelvdh82 to /u/lotte-van-bergen/orders, then /products/winter-sale"}),
           custom("error", {"message": "redirect to https://shop.example/wachtwoord/reset/Qz8rT4mWx2LpK7vN failed"}),
           custom("log", {"line": "GET https://shop.example/login?next=%2Fklant%2Fmerelvdh82&size=10 200 at "
                                  "https://shop.example/static/js/main.3f9a8c.js:1:234"}))
    stored = orjson.dumps(s.stored).decode()
    assert "merelvdh82" not in stored and "lotte" not in stored and "Qz8rT4mWx2LpK7vN" not in stored, stored
    assert "/products/winter-sale" in stored and "&size=10 200" in stored and "/static/js/main.3f9a8c.js:1:234" in stored
    assert "https://shop.example/users/" in stored and "/orders 404" in stored


def test_a_number_under_a_short_name_key_in_a_url_is_a_count_as_in_a_payload(session):
    """{"first": 10} stays in a payload (a page of a GraphQL connection) but "?first=10" was masked whole: a URL's
    query follows the payload's rule, a short name key masks only a text value, in a link, a page's address and a
    URL written in a text alike; a name under the same keys is masked."""
    url = "https://shop.example/orders?first=25&last=4&after=cursor9"
    s = session()
    s.send(meta(url), snapshot(html_page(element("a", {"href": "/orders?first=50"}, [text("Meer")]))),
           custom("log", {"line": f"GET {url} 200"}), custom("nav", {"href": "/klant?first=Ilse&last=Vanhoutte"}))
    stored = orjson.dumps(s.stored).decode()
    assert stored.count("?first=25&last=4&after=cursor9") == 2 and "/orders?first=50" in stored, stored
    assert "Ilse" not in stored and "Vanhoutte" not in stored


def test_custom_events_and_human_attributes_are_scanned(session):
    image = element("img", {"alt": "Foto van jan.jansen@mail.example", "src": "/a.png?email=x@y.example"})
    s = session()
    s.send(snapshot(html_page(image)), custom("checkout", {"customer": {"email": "piet@mail.example"},
                                                                "total": "€ 49,95"}))
    stored = orjson.dumps(s.stored).decode()
    assert "jan.jansen" not in stored and "piet@" not in stored and "x@y" not in stored and "49,95" in stored


# -- masking operators ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mask, expected", [("#", "###"), ("label", "[SENSITIVE]"), ("drop", "")])
def test_mask_operators(session, mask, expected):
    field = element("input", {"type": "password"})
    s = session({"pii": {"mask": mask}})
    s.send(snapshot(html_page(field)))
    s.send(input_event(field['id'], "abc"))
    assert typed_values(s.stored, field) == [expected]


def test_hash_mask_is_keyed_and_stable(session):
    field = element("input", {"type": "email"})
    s = session({"pii": {"mask": "hash"}})
    s.send(snapshot(html_page(field)))
    s.send(input_event(field['id'], "a@b.example"), input_event(field['id'], "a@b.example"))
    first, second = typed_values(s.stored, field)
    assert first == second and first.startswith("#") and "a@b" not in first


def test_redaction_is_idempotent(session):
    field = element("input", {"type": "email"})
    notes = element("textarea", {})
    events = [snapshot(html_page(field, notes)), *typing(field['id'], "x@y.example"),
              input_event(notes['id'], "call 06 3190 2274 please ")]
    once = session().send(*events).events
    twice = session().send(*once).events
    assert once == twice


def test_added_nodes_take_their_place_among_siblings(session):
    """nextId puts an added node before a sibling: sibling selectors judge the page's real order."""
    first, last_field = element("li", {"id": "a"}), element("input", {"name": "q"})
    last = element("li", {"id": "c"}, [last_field])
    listing = element("ul", {}, [first, last])
    s = session({"block_selectors": ["#b + li"]})
    s.send(snapshot(html_page(listing)))
    middle_field = element("input", {"name": "q2"})
    middle = element("li", {"id": "b"}, [middle_field])
    s.send(mutation(adds=[add(listing["id"], middle, next_id=last["id"])]))
    result = s.send(input_event(middle_field["id"], "in the middle "), input_event(last_field["id"], "at the end"))
    assert typed_values(result.events, middle_field) == ["in the middle "]  # settled: its last word is kept
    assert typed_values(result.events, last_field) == []  # li#c now follows li#b: blocked


def test_text_containers_for_identifiers_balances_and_secrets(session):
    loyalty = element("div", {"id": "loyalty-number"}, [text("2604 7719 3385")])
    balance = element("strong", {"class": "account-balance"}, [text("€ 1.234,56")])
    gift = element("code", {"id": "giftcard-code"}, [text("GC-4Q7M-2291-XK8D")])
    price = element("span", {"class": "price"}, [text("€ 49,95")])
    s = session()
    s.send(snapshot(html_page(loyalty, balance, gift, price)))
    stored = "\n".join(strings(s.stored))  # texts only: a node id may hold the digits
    assert "7719" not in stored and "1.234" not in stored and "4Q7M" not in stored and "49,95" in stored


def test_links_lose_their_addresses(session):
    mail = element("a", {"href": "mailto:jan.jansen@mail.example?subject=Hallo"}, [text("Mail ons")])
    phone = element("a", {"href": "tel:+31612345678"}, [text("Bel ons")])
    s = session()
    s.send(snapshot(html_page(mail, phone)))
    stored = orjson.dumps(s.stored).decode()
    assert "jan.jansen" not in stored and "612345678" not in stored and "Mail ons" in stored


def test_a_call_or_text_link_loses_its_number_whatever_its_digits(session):
    """Round 21: notes shown again with their phones as tel: links, rebuilt at every keystroke, link a number
    still being typed ("tel:+32434217", no phone yet to any detector). A tel:, sms: or callto: link's number is a
    phone's by its scheme: masked whole; an sms: body is read as any text, a web page's path is not a call."""
    links = [element("a", {"href": href}, [text("Appeler")])
             for href in ("tel:+32434217", "sms:+3378129405?body=RDV%20mardi", "callto:0478",
                          "https://energie.example/tel:contact")]
    s = session()
    s.send(snapshot(html_page(*links, lang="fr")))
    stored = [find(s.stored, link["id"])["attributes"]["href"] for link in links]
    assert stored == ["tel:*********", "sms:***********?body=RDV%20mardi", "callto:****",
                      "https://energie.example/tel:contact"], stored


def test_the_sites_own_dialled_number_is_masked_in_its_link_but_not_remembered(session):
    """A link's number is masked by its scheme, not remembered by it: the site links its own numbers ("Bel ons op
    <a href='tel:14 0488'>14 0488</a>", round 7), and the link's text, its echo, was masked too."""
    link = element("a", {"href": "tel:14 0488"}, [text("14 0488")])
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Verhinderd? Bel ons op "), link]), lang="nl")))
    stored = find(s.stored, link["id"])
    assert stored["attributes"]["href"] == "tel:**%20****" and stored["childNodes"][0]["textContent"] == "14 0488", stored


def test_a_label_just_before_a_field_names_it(session):
    field = element("input", {"type": "text"})
    s = session()
    s.send(snapshot(html_page(element("div", {}, [element("label", {}, [text("Telefoonnummer")]), text(" "), field]))))
    s.send(*typing(field["id"], "0612"))
    assert typed_values(s.stored, field) == ["*", "**", "***", "****"]


def test_an_editable_region_is_a_field(session):
    editor = element("div", {"contenteditable": "true", "aria-label": "Naam van de ontvanger"}, [text("x")])
    s = session()
    s.send(snapshot(html_page(editor)))
    s.send(mutation(texts=[set_text(editor["childNodes"][0]["id"], "Piet Pieters")]))
    assert "Piet" not in orjson.dumps(s.stored).decode()


def test_a_new_page_forgets_the_last_pages_sticky_ids(session):
    """Ids restart on every page: a node blocked on one page says nothing about the same id on
    the next, while a checkout snapshot of the same page keeps what was sticky."""
    secret = element("div", {"class": "rr-block"}, [text("geheim")], id=41)
    s = session()
    s.send(meta("https://shop.example/account"), snapshot(html_page(secret)))
    readable = element("main", {}, [text("Bedankt voor uw bestelling")], id=41)
    s.send({"type": 0, "data": {}, "timestamp": 1}, meta("https://shop.example/thanks"), snapshot(html_page(readable)))
    assert "Bedankt voor uw bestelling" in orjson.dumps(s.stored).decode()

    password = element("input", {"type": "password"}, id=70)
    s.send(meta("https://shop.example/login"), snapshot(html_page(password)))
    s.send(mutation(attributes=[set_attributes(70, type="text")]))
    shown = element("input", {"type": "text"}, id=70)
    s.send(meta("https://shop.example/login"), snapshot(html_page(shown)))  # a checkout snapshot
    s.send(input_event(70, "hunter2!"))
    assert "hunter2" not in orjson.dumps(s.stored).decode()


def test_pointer_events_on_a_blocked_element_are_kept(session):
    """A click or a mouse move says nothing of what a blocked element holds: kept (a replay needs
    them, and every non-input event is kept); its scrolling shows its content: dropped."""
    box = element("div", {"class": "rr-block"}, [text("geheim")])
    s = session()
    s.send(snapshot(html_page(box)))
    result = s.send(click(box["id"]), incremental(SCROLL, id=box["id"], x=0, y=40))
    assert [e["data"]["source"] for e in result.events] == [2]


def test_a_value_after_its_label_in_page_text_has_the_labels_meaning(session):
    """"Naam: …" in one text names what follows as a field's label does: masked whole, a name no
    detector knows included, and its echoes later; a label that says nothing, or a sentence before
    a colon, leaves the text readable."""
    s = session()
    summary = element("p", {}, [text("Naam: Hadewych Stroobants\nTitulaire : Gommaar Wuyts | Geboortedatum: 3 mei 1984")])
    site = element("p", {}, [text("Openingstijden: maandag t/m zaterdag\nVoor vragen over uw naam: bel ons")])
    s.send(meta(), snapshot(html_page(summary, site)))
    echo = element("span", {}, [text("Welkom Stroobants")])
    s.send(mutation(adds=[add(summary["id"], echo)]))
    for value in ("Hadewych Stroobants", "Gommaar Wuyts", "3 mei 1984"):
        assert not leaks(s.stored, value), value
    stored = orjson.dumps(s.stored).decode()
    assert "Openingstijden: maandag t/m zaterdag" in stored and "Voor vragen over uw naam: bel ons" in stored


def test_a_branchs_street_before_a_colon_in_page_text_is_no_address_label_and_masks_nothing_else(session):
    """Review 18 F9: a shop's branch list ("Winkel Kouterstraat: gesloten op zondag", "Filiale Lindenstraße: …",
    "Boutique Avenue Louise : …") lost its opening hours, the street's word in the label read as an address's
    label, and the masked words, remembered, masked the same words in the page's other texts. A street's name says
    where the branch is; a label that is an address's word ("Adres: …", "Adresse Rue Haute : …") still masks the
    address after it."""
    s = session()
    branches = ["Winkel Kouterstraat: gesloten op zondag", "Filiale Lindenstraße: sonntags geschlossen",
                "Boutique Avenue Louise : fermé le lundi", "Boutique Chaussée d'Ixelles : fermé le lundi",
                "Onze winkel op de Kouter is gesloten op zondag"]
    addresses = element("p", {}, [text("Adres: Wiesbeekstraat 41, 9270 Laarne | Adresse Rue Haute : 12 bte 3, Ixelles")])
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(branch)]) for branch in branches), addresses)))
    stored = orjson.dumps(s.stored).decode()
    for branch in branches:
        assert branch in stored, branch
    for value in ("Wiesbeekstraat 41", "12 bte 3"):
        assert not leaks(s.stored, value), value


def test_a_label_before_a_value_no_field_of_its_kind_holds_leaves_the_sites_text_and_its_next_page_readable(session):
    """Review 19 O2: a shop's own product sheet, contact block and phone headings ("Nom du produit : …", "Ansprechpartner:
    Kundenservice", "GSM: Nokia 3310 …") were masked whole as the label's field, and the masked heading, remembered,
    masked the product's name on the next page. A label naming a product's name names no person, a desk after a
    person's label is no one, a phone's label before words and prices is a heading; a visitor's name and number after
    their labels stay masked, and so does a name with a desk beside it."""
    site = ["Nom du produit : Gaufre liégeoise", "Bezeichnung des Produkts: Dinkel-Zwieback",
            "Naam van het product: Speltbeschuit", "Contactpersoon: Klantenservice", "Contact person: Help Desk",
            "Kontaktpersoun: Info-Desk", "GSM: Motorola Razr 50 is terug", "Téléphone : Fairphone 4 reconditionné",
            "Handy-Tarife: 0 € Anschlusspreis", "Telefoon: Nokia 8210 vanaf 79 euro"]
    people = element("p", {}, [text("Naam: Zorbalie Quendt | Telefoon: 0472 61 83 90 | GSM: +32 485 17 26 39\n"
                                    "Contactpersoon: Wiebrand Achterop - Klantendienst")])
    s = session()
    s.send(meta("https://shop.example/gsm"), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site),
                                                                people)))
    s.send(meta("https://shop.example/cart"),
           snapshot(html_page(element("p", {}, [text("Motorola Razr 50 in je winkelmandje, Speltbeschuit erbij")]))))
    stored = orjson.dumps(s.stored).decode()
    for line in [*site, "Motorola Razr 50 in je winkelmandje, Speltbeschuit erbij"]:
        assert line in stored, line
    for value in ("Zorbalie Quendt", "0472 61 83 90", "485 17 26 39", "Wiebrand Achterop"):
        assert not leaks(s.stored, value), value


def test_an_italian_or_portuguese_label_naming_a_things_name_leaves_the_thing_and_its_cart_line_readable(session):
    """Review 20 O3: "Nome" is Italian's and Portuguese's name, so a shop's "Nome del prodotto: …", "Nome do produto:
    …", "Nome dell'evento: …", "Nome della struttura: …" masked the product, the event or the hotel as a person's name,
    and the masked words, remembered, masked the cart line below it. A label naming a product's, an event's or a
    venue's name names no person, as "Nom du produit" does not; "Nome e cognome: …" still masks a visitor's name."""
    site = ["Nome del prodotto: Tazzina Espresso Verde", "Nome prodotto: Zaino Trekking Grigio",
            "Nome do produto: Caneca Esmaltada Branca", "Nome dell'evento: Sagra del Carciofo",
            "Nome della struttura: Albergo Miramonti", "Nome do artigo: Toalha Praia Riscas"]
    cart = "1 × Tazzina Espresso Verde, 1 × Caneca Esmaltada Branca, Albergo Miramonti"
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site),
                                      element("p", {}, [text(cart)]),
                                      element("p", {}, [text("Nome e cognome: Ottavina Brusaferri")]))))
    stored = orjson.dumps(s.stored).decode()
    for line in [*site, cart]:
        assert line in stored, line
    assert not leaks(s.stored, "Ottavina Brusaferri")


def test_the_sites_return_address_keeps_its_department_and_a_titled_or_typed_addressee_is_masked(session):
    """Review 18 F11: the site's own return and contact addresses lost their department or company after "T.a.v.",
    "z.H.", "c/o", "p/a" ("T.a.v. Expeditie-Noord", "z.H. Qualitätssicherung", "c/o Spaces Gent", "p/a Bol
    Logistics"), a surname alone read there and a short list of departments its only exception. In the site's text
    the addressee is a person when a title or a given name says so ("T.a.v. dhr. Wuytack", "c/o Lotte Wuytack");
    a surname a visitor types after "T.a.v." is masked, and so is its echo on the page."""
    field, summary = element("textarea", {"id": "f-note", "aria-label": "Opmerking"}), element("p", {"id": "summary"})
    site = ["Retouren: T.a.v. Expeditie-Noord, Postbus 7", "z.H. Qualitätssicherung", "Retouradres: c/o Spaces Gent",
            "Verzending p/a Bol Logistics"]
    people = element("p", {}, [text("Contact: T.a.v. dhr. Wuytack | c/o Lotte Wuytack | z.H. Herrn Pfefferkorn")])
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), people, field, summary)))
    s.send(*typing(field["id"], "graag T.a.v. Sleeckx afgeven "))
    s.send(mutation(adds=[add(summary["id"], text("Levering T.a.v. Sleeckx"))]))
    stored = orjson.dumps(s.stored).decode()
    for line in site:
        assert line in stored, line
    for value in ("Wuytack", "Pfefferkorn", "Sleeckx"):
        assert not leaks(s.stored, value), value
    assert "Levering T.a.v. " in stored


def test_a_person_named_by_their_role_is_masked_whatever_their_name(session):
    """A godparent, a witness, a spouse, a guardian or a beneficiary is a person: the value after
    such a label in page text is masked whole, a name no list knows included (a field labelled so
    reads the name by its shape: a form's label says more, "Bericht aan de begunstigde" is a message);
    "Partner: Gazelle" and "Diameter: 28 inch" say nothing of a person."""
    s = session()
    page = element("p", {}, [text("Meter: Hadewych Stroobants\nGetuige : Wobbe Sijtsma\nPartner: Gazelle\n"
                                  "Diameter: 28 inch")])
    label = element("label", {"for": "b"}, [text("Bénéficiaire")])
    field = element("input", {"id": "b"})
    s.send(meta(), snapshot(html_page(page, label, field)))
    s.send(*typing(field["id"], "Ombeline Rycquart"), input_event(field["id"], "Ombeline Rycquart "))
    for value in ("Hadewych Stroobants", "Wobbe Sijtsma", "Ombeline Rycquart"):
        assert not leaks(s.stored, value), value
    stored = orjson.dumps(s.stored).decode()
    assert "Partner: Gazelle" in stored and "Diameter: 28 inch" in stored


def test_a_name_after_its_one_word_label_in_another_language_is_masked(session):
    """Held-out round 40 left "Emri: Arbër" readable on a confirmation: Albanian, Polish, Norwegian, South Slavic,
    Slovak and Latvian say a name in one short word a field's label reads only alone (rules/fields.yaml); before a
    colon in the page's text it is the whole label (rules/fields.yaml roles), and Czech, Slovak, Slovenian,
    Lithuanian, Latvian and Estonian name words are labels. "Time: 10:00", "Menu: Pizza" say nothing of a person."""
    s = session()
    lines = ["Emri: Arbër", "Imię: Zofia", "Navn: Ingrid", "Ime: Dragana", "Meno: Zuzana", "Vārds: Elīna",
             "Příjmení: Dvořáková", "Pavardė: Kazlauskienė", "Perekonnanimi: Tamm", "Priimek: Novak"]
    page = element("p", {}, [text("\n".join([*lines, "Time: 10:00", "Menu: Pizza Margherita"]))])
    s.send(meta(), snapshot(html_page(page)))
    for line in lines:
        assert not leaks(s.stored, line.split(": ")[1]), line
    stored = orjson.dumps(s.stored).decode()
    assert "Time: 10:00" in stored and "Menu: Pizza Margherita" in stored


def test_a_question_after_a_labels_colon_in_page_text_is_the_pages_heading(session):
    """Review 31 saw a pharmacy's advice heading masked after its colon ("Ik ben zwanger: *** *** ** ******"): the
    health word before the colon read as a label, the question after it as its value. A question after the colon is
    the page's own heading; a value after the same label is masked whole as before."""
    s = session()
    headings = ["Ik ben zwanger: wat mag ik nemen?", "Enceinte : quels médicaments éviter ?"]
    page = element("div", {}, [element("h2", {}, [text(h)]) for h in headings]
                   + [element("p", {}, [text("Zwangerschap: 14 weken")])])
    s.send(meta(), snapshot(html_page(page, lang="nl")))
    stored = set(strings(s.stored))
    assert set(headings) <= stored
    assert not leaks(s.stored, "14 weken")


@pytest.mark.parametrize("lang, heading", [
    ("fr", "Mutualité Solidaris : remboursement des lunettes"),
    ("fr", "Mutualité chrétienne : nos avantages pour les jeunes"),
    ("nl", "Mutualiteit: terugbetaling van brillen"),
    ("nl", "CM Ziekenfonds: voordelen voor gezinnen"),
    ("de", "Krankenkasse: Leistungen für Familien"),
    ("fr", "Passeport : délais de délivrance"),
    ("nl", "Rijbewijs: tarieven en openingsuren"),
    ("de", "Mitgliedsausweis: so funktioniert's"),
    ("nl", "Klantnummer: waar vind ik het"),
    ("fr", "TVA : incluse dans le prix"),
    ("nl", "Rekeningnummer: zo vind je het"),
    ("nl", "Kenteken: zo vraag je een nieuw aan"),
    ("nl", "E-mail: wij antwoorden binnen de dag"),
    ("fr", "Date de naissance : pourquoi la demandons-nous"),
])
def test_a_sites_heading_after_a_document_or_an_insurers_label_stays_readable(session, lang, heading):
    """Review 33 O1: a site's heading "Label: topic" whose label is a health insurer's or an identity document's word
    had its topic masked ("Mutualité Solidaris : ************* *** ********", "Passeport : ****** ** **********"): any
    value after such a label in page text was taken for the visitor's. What follows the label in the site's own text
    is the visitor's when it has the shape of what the label names: a number's digits, an insurer's name, an e-mail's
    "@", a date's digits or month; a topic in lower-case words is the page's heading."""
    s = session()
    s.send(meta("https://shop.example/info"), snapshot(html_page(element("h2", {}, [text(heading)]), lang=lang)))
    assert heading in set(strings(s.stored))


@pytest.mark.parametrize("lang, line, value", [
    ("fr", "Mutualité : Solidaris", "Solidaris"),
    ("fr", "Mutualité : Mutualité chrétienne", "chrétienne"),
    ("fr", "Mutualité : la Mutualité libérale", "libérale"),
    ("nl", "Ziekenfonds: CM", "CM"),
    ("nl", "Ziekenfonds: De Voorzorg", "Voorzorg"),
    ("nl", "Zorgverzekeraar: Zorg en Zekerheid", "Zekerheid"),
    ("de", "Krankenkasse: AOK Bayern", "AOK Bayern"),
    ("fr", "Mutualité : 123/456789/01", "456789"),
    ("fr", "Passeport : 12AB34567", "12AB34567"),
    ("nl", "Rijbewijs: 1234567890", "1234567890"),
    ("nl", "Kenteken: 1-ABC-234", "1-ABC-234"),
    ("nl", "Klantnummer: 403817261", "403817261"),
    ("nl", "BTW: BE0123.456.789", "0123.456"),
    ("nl", "Rekeningnummer: BE71 0961 2345 6769", "0961 2345"),
    ("nl", "E-mail: jan.peeters@telenet.be", "jan.peeters"),
    ("nl", "E-mail: jan.peeters (at) telenet.be", "jan.peeters"),
    ("nl", "Geboortedatum: 12 maart 1987", "maart 1987"),
    ("nl", "Geboortedatum: twaalf maart", "twaalf"),
    ("fr", "Lieu de naissance : Liège", "Liège"),
    ("fr", "Lieu de naissance : la louvière", "louvière"),
    ("nl", "Naam: Jan Peeters", "Peeters"),
    ("fr", "Titulaire du passeport : Zorbalie Quendt", "Quendt"),
    ("fr", "Titulaire du passeport : jan de smet", "smet"),
    ("fr", "Carte d'identité : Zorbalie Quendt", "Quendt"),
    ("nl", "Rekening op naam van: Zorbalie Quendt", "Quendt"),
    ("nl", "E-mail: Zorbalie Quendt", "Quendt"),
    ("fr", "Adresse mail : zorbalie point quendt chez gmail point com", "quendt"),
    ("fr", "Mutualité : partena", "partena"),
    ("nl", "Geboorteplaats: sint pieters leeuw", "pieters"),
])
def test_a_value_shown_back_after_a_document_or_an_insurers_label_stays_masked(session, lang, line, value):
    """Review 33 O1's counterpart: what the site shows back after the same labels, a fund's name (listed or in
    capitalised words), a number, an e-mail address, a birth date or place, a name (a holder's after a document's or an
    account's label too, typed in lower case or not), is the visitor's and stays masked whole."""
    s = session()
    s.send(meta("https://shop.example/account"), snapshot(html_page(element("p", {}, [text(line)]), lang=lang)))
    assert not any(value in stored for stored in strings(s.stored)), value


def test_a_value_right_after_its_label_element_has_the_labels_meaning(session):
    """Server-rendered summaries put a value right after a label drawn as one: a text after
    <strong>Naam:</strong>, or after <b>Geboortedatum</b><br>, a <span> after <span class="lbl">:
    masked whole, names no detector knows included; a <div> after a <div class="field__label">
    too. A value element is no label for what follows it (" (" after the e-mail's own span), nor is
    a block a value after a block that does not say it is a label."""
    s = session()
    summary = [element("p", {}, [element("strong", {}, [text("Naam:")]), text(" Gommaar Wuyts")]),
               element("p", {}, [element("b", {}, [text("Geboortedatum")]), element("br", {}, []), text("14 maart 1987")]),
               element("li", {}, [element("span", {"class": "lbl"}, [text("Woonplaats")]),
                                  element("span", {}, [text("Herentals")])]),
               element("p", {}, [element("span", {"id": "hdr-email"}, [text("gw@voorbeeld.example")]), text(" (bewerk)")]),
               element("div", {"class": "field"}, [element("div", {"class": "field__label"}, [text("Achternaam")]),
                                                   element("div", {"class": "field__item"}, [text("Stroobants")])]),
               element("div", {}, [text("Naam")]), element("p", {}, [text("Vul je gegevens in")])]
    s.send(meta(), snapshot(html_page(*summary)))
    stored = orjson.dumps(s.stored).decode()
    for value in ("Gommaar Wuyts", "14 maart 1987", "Herentals", "gw@voorbeeld", "Stroobants"):
        assert value not in stored, value
    assert " (bewerk)" in stored and "Vul je gegevens in" in stored


def test_a_name_inside_the_sentences_a_visitor_writes_is_masked_known_or_not(session):
    """In a textarea or an editable region, two to four capitalised words are a person whether a
    list knows them or not (function words at the start are the sentence's); a search box keeps a
    product's title-case name readable once settled."""
    s = session()
    letter = element("textarea", {"name": "opmerking"})
    chat = text("…")
    search = element("input", {"type": "search", "name": "q"})
    s.send(meta(), snapshot(html_page(letter, element("div", {"contenteditable": "true"}, [chat]), search)))
    note = "Mag het pakket naar Jildou Reitsma op nummer 29? Bij Wobbe Sijtsma kan ook."
    s.send(*typing(letter["id"], note), *typing(search["id"], "Apple Watch Ultra"),
           mutation(texts=[set_text(chat["id"], "je loue le gîte avec Warre Callewaert à Plouha")]))
    s.send(input_event(letter["id"], note + " "), input_event(search["id"], "Apple Watch Ultra "))
    for name in ("Jildou Reitsma", "Wobbe Sijtsma", "Warre Callewaert"):
        assert not leaks(s.stored, name), name
    assert typed_values(s.stored, letter)[-1].startswith("Mag het pakket naar ****** ******* op nummer 29? Bij ")
    assert typed_values(s.stored, search)[-1] == "Apple Watch Ultra "


def test_a_name_with_letters_beyond_latin_1_is_a_name_by_its_shape_too():
    """Turkish, Polish, Czech letters in a name a visitor writes: its capitalised words are a person by their shape
    as "Jildou Reitsma" is (such a letter ended the word when only Latin-1's letters were a name's, and the shape
    rules found nothing: the model alone was left)."""
    from redactor.content import name_runs, name_shaped

    note = "graag afgeven bij Çağrı Yıldıztaş of bij Břetislav Kovář op nummer 12"
    assert [note[s.start:s.end] for s in name_runs(note)] == ["Çağrı Yıldıztaş", "Břetislav Kovář"]
    assert name_shaped("Łukasz WRÓBEL") and name_shaped("Ayşe Demirtaş")
    assert not name_shaped("BONJOUR MADAME") and not name_runs("Thanks For Shopping")


def test_a_names_word_that_folds_to_a_function_word_is_no_function_word_with_its_marks():
    """A Vietnamese name's words carry tone marks; folded, 'Hà' is French "ha", a function word, and a function word
    inside a run makes it a phrase: round 25's "De moeder is Trần Thị Thu Hà" was stored. A word written with marks is
    a function word only as its language writes it ("Où", "Über"); typed without its accents, it still is ("voila")."""
    from redactor.content import name_runs, name_shaped
    from redactor.pii.names import is_function_word

    note = "De moeder is Trần Thị Thu Hà en de vader Đặng Văn Hà, bellen kan altijd"
    assert [note[s.start:s.end] for s in name_runs(note)] == ["Trần Thị Thu Hà", "Đặng Văn Hà"]
    assert name_shaped("Nguyễn Thị Thu Hà") and not name_runs("Thanks For Shopping")
    assert all(map(is_function_word, ["Où", "ou", "Über", "uber", "Déjà", "deja", "Het", "à", "ha"]))
    assert not is_function_word("Hà")


def test_a_surname_with_an_elided_particle_is_a_names_word_by_its_shape():
    """French and Flemish surnames open with "d'" before their capital ("d'Hondt", "d’Ursel"): a word of a name
    by its shape, wherever the name's words are read by theirs (peers round 11: "Çağan d'Hondt" was "Çağan"
    alone, one word, no name, in a visitor's note and as a field's value); the particle alone is no word of one."""
    from redactor.content import name_runs, name_shaped

    note = "graag afgeven bij Çağan d'Hondt of bij d’Ursel Kwabena, niet bij d'accord"
    assert [note[s.start:s.end] for s in name_runs(note)] == ["Çağan d'Hondt", "d’Ursel Kwabena"]
    assert name_shaped("Çağan d'Hondt-Vermeiren")
    assert not name_shaped("d'Hondt") and not name_shaped("Çağan d'accord")


def test_dutch_elided_particles_join_a_names_words_by_their_shape():
    """Dutch elides "het" among a name's particles ("van 't Hooft", "in 't Veld", "op ’t Hof"): the words around it
    are one name by their shape (held-out peers round 12's guarantor), not two capitalised words apart."""
    from redactor.content import name_runs, name_shaped

    note = "de sleutels liggen bij Zorbalie van 't Quendt of bij Wobke in 't Veld, niet bij Jan op ’t werk"
    assert [note[s.start:s.end] for s in name_runs(note)] == ["Zorbalie van 't Quendt", "Wobke in 't Veld"]
    assert name_shaped("Zorbalie op ’t Hof")


def test_a_run_of_days_and_parts_of_a_day_is_a_time_not_a_name():
    """German capitalises every noun: "am Montag Nachmittag" was masked as a name's run in what a visitor writes.
    Days, parts of a day and months alone say when; a run with any other word, or a month the name list knows as
    a given name, stays a name's (Zondag, Maandag are surnames too)."""
    from redactor.content import name_runs

    for note in ("kann ich am Montag Nachmittag vorbeikommen", "ik kom Zaterdag Ochtend", "See you Friday Afternoon",
                 "livraison Mardi Soir", "geht es Ende Januar"):
        assert name_runs(note) == [], note
    for note, name in (("bel Maandag Jan Peeters", "Maandag Jan Peeters"), ("bitte Freitag Müller anrufen",
                       "Freitag Müller"), ("groeten van Jan Zondag", "Jan Zondag"), ("met April Jansen", "April Jansen")):
        assert [note[s.start:s.end] for s in name_runs(note)] == [name], note


def test_a_name_written_with_a_slash_is_a_name_where_a_visitor_writes(session):
    """"Griet/Verhaeghe", "Jan/Marie Peeters": a slash joins a name's words as a space does in what a visitor
    writes (review 10: stored raw, no shape read across a slash); a lower-case "en/of" or a size "S/M" is none."""
    from redactor.content import name_runs

    note = "stuur het naar Griet/Verhaeghe of Jan / Marie Peeters, maat S/M en/of L"
    assert [note[s.start:s.end] for s in name_runs(note)] == ["Griet/Verhaeghe", "Jan / Marie Peeters"]
    box = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(box)), *typing(box["id"], note))
    stored = "\n".join(strings(s.stored))
    assert "Verhaeghe" not in stored and "Peeters" not in stored and "maat S/M en/of" in stored


@pytest.mark.parametrize(("attrs", "search"), [
    ({"type": "search"}, True), ({"role": "searchbox"}, True), ({"name": "zoekterm"}, True),
    ({"type": "searchbox"}, False),  # no such type: a browser shows a text box
    ({"role": "search"}, False),  # a landmark: the region around a search form, not its box
    ({"name": "fullname"}, False)])
def test_a_search_box_is_known_by_its_type_its_role_or_its_name(attrs, search):
    assert Policy.compile("s", SiteConfig()).fields.is_search("input", attrs) is search


def test_a_full_name_in_a_field_nothing_names_is_masked_known_to_the_lexicon_or_not(session):
    """A field with no label, no name and no placeholder: a value shaped like a full name (two to
    four capitalised words, particles between) is a person, names neither the model nor the name
    list know included; one word, a code and a lower-case search stay readable. A capitalised word and its comma alone
    may be a surname written first, its given name next ("Peeters, " of "Peeters, Jan"): it waits, masked, until
    the next word is typed, readable then if no given name came ("Gazelle, fietsen")."""
    s = session()
    typed = element("input", {"type": "text"})
    prefilled = element("input", {"type": "text", "value": "Florentijn Van Acker"})
    search = element("input", {"type": "text"})
    s.send(meta(), snapshot(html_page(typed, prefilled, search)))
    s.send(*typing(typed["id"], "Jozefien Haesaerts "), *typing(search["id"], "Gazelle"))
    s.send(input_event(typed["id"], "Jozefien Haesaerts, "), input_event(search["id"], "Gazelle, "))
    s.send(input_event(search["id"], "Gazelle, fietsen "))
    assert not leaks(s.stored, "Florentijn Van Acker") and not leaks(s.stored, "Haesaerts")
    assert "Gazelle, fietsen " in typed_values(s.stored, search)
    assert "Jozefien" not in orjson.dumps(s.stored).decode()


def test_a_surname_and_its_comma_alone_at_a_batchs_end_waits_for_the_given_name(session):
    """Issue 9's leftover of peers round 12: a one-line field's whole value "Vanhoutteghem, " at a batch's end was
    stored, where the next batch's "Vanhoutteghem, Jorinde" was masked whole (rules/recognizers.yaml
    surname_comma_given). No value of it is stored; a place and its comma ("Gent, ") is no surname."""
    s = session()
    field, town = element("input", {"type": "text"}), element("input", {"type": "text"})
    s.send(meta(), snapshot(html_page(field, town)))
    for event in typing(field["id"], "Vanhoutteghem, Jorinde"):  # a batch at every keystroke
        s.send(event)
    s.send(input_event(town["id"], "Gent, "))
    assert not leaks(s.stored, "Vanhoutteghem") and "Gent, " in typed_values(s.stored, town)


def test_a_birth_date_typed_year_first_as_latvian_writes_it_is_masked_at_every_keystroke(session):
    """Held-out peers round 29: a note in Latvian ("Esmu dzimusi 1989. gada 12. martā.") typed with a batch at every
    keystroke stored "1989. gada " and "1989. gada 12. " while the month was still to come: a date begun year first,
    its word ("gada") and the day after it, was read as no date. The note's other words stay readable."""
    label = element("div", {}, [text("Opmerking voor de apotheker")])
    field = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(label, field, lang="nl")))
    for event in typing(field["id"], "Esmu dzimusi 1989. gada 12. martā. Lūdzu, piezvaniet man."):
        s.send(event)
    assert not leaks(s.stored, "1989. gada 12. martā")
    assert typed_values(s.stored, field)[-1].startswith("Esmu dzimusi ***** **** *** *****. Lūdzu, piezvaniet ")


def test_a_birth_date_typed_year_first_as_lithuanian_writes_it_is_masked_at_every_keystroke(session):
    """Held-out peers round 30: a note in Lithuanian ("Gimimo data 1992 m. kovo 12 d., …"): the date is read once its
    day is typed, but "1992 m. " and "1992 m. kovo " were stored while it was to come. A date begun year first with
    Lithuanian's year's word and the month after it waits as Latvian's does. The note's other words stay readable."""
    label = element("div", {}, [text("Remarque pour le moniteur")])
    field = element("textarea", {"name": "remarque"})
    s = session()
    s.send(meta(), snapshot(html_page(label, field, lang="fr")))
    for event in typing(field["id"], "Gimimo data 1992 m. kovo 12 d., prašau skambinti po 17 val."):
        s.send(event)
    assert not leaks(s.stored, "1992 m. kovo 12 d.")
    assert typed_values(s.stored, field)[-1].startswith("Gimimo data ")
    assert ", prašau skambinti po 17 " in typed_values(s.stored, field)[-1]


def test_a_surname_written_first_with_a_sentence_after_it_is_masked(session):
    """Review 19 F3: "Peeters, Marie komt morgen" typed kept the surname (the given name was read alone, the surname
    and its comma only as a whole value) and a payload's string kept the whole name; read at a line's start before
    the sentence goes on, a semicolon typed for the comma too."""
    field = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Welkom")]), field, lang="nl")))
    s.send(*typing(field["id"], "Claeys, Annelies belt vanavond terug"),
           custom("notitie", {"msg": "Verstraelen, Hanne heeft het pakket"}), custom("lijst", {"msg": "Wuytack; Jorien"}))
    assert not leaks(s.stored, "Claeys") and not leaks(s.stored, "Verstraelen") and not leaks(s.stored, "Wuytack")
    assert not leaks(s.stored, "Hanne") and " belt vanavond " in typed_values(s.stored, field)[-1]


@pytest.mark.parametrize("value,codes", [
    ("mijn backup codes: 4071-8832, 6619-2045 bewaar ik hier", ["4071-8832", "6619-2045"]),
    ("Recovery codes: q3z8-71kd m2x9-44hw r7p1-05vn", ["q3z8-71kd", "m2x9-44hw", "r7p1-05vn"]),
    ("herstelcodes 58204417 en 90316628, niet delen", ["58204417", "90316628"])])
def test_every_backup_code_of_a_list_is_a_secret(session, value, codes):
    """Review 19 F6: "backup codes: 7302-4619, 1234-5678" typed kept every code but the value's unsettled last one,
    and a payload's string and the page's text kept them all: the backup codes' words were read as a key only. After
    them every code of the list is a secret, wherever the text is; the words around it and a promo code stay."""
    field = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text(f"Je gegevens: {value}")]), element("p", {}, [text("kortingscode: ZOMER2024")]),
                              field, lang="nl")))
    s.send(*typing(field["id"], value), custom("notitie", {"msg": value}))
    for code in codes:
        assert not leaks(s.stored, code), code
    stored = orjson.dumps(s.stored).decode()
    assert "ZOMER2024" in stored and value.split()[0] in stored


@pytest.mark.parametrize("shown,secret", [
    ("Can't scan the code? Enter this key: MFRG GZDF MZTW Q2LK", "MZTW Q2LK"),
    ("Geheime sleutel: MFRGGZDFMZTWQ2LK", "MFRGGZDFMZTWQ2LK"),
    ("Scan lukt niet? Typ de sleutel over: mfrg gzdf mztw q2lk", "mztw q2lk"),
    ("Your one-time code is 570316", "570316"),
    ("Uw tijdelijk wachtwoord is Rb4tLw9q, wijzig het meteen.", "Rb4tLw9q"),
    ("Ihr Bestätigungscode lautet 570 316.", "570 316"),
])
def test_a_one_time_secret_the_page_shows_in_a_sentence_is_masked(session, shown, secret):
    """Review 20 F8: an authenticator's setup key, a one-time code or a temporary password the page shows after the
    words for it and "is", "lautet" or a colon were stored: no secret key reads "key", "sleutel" or "code is", and
    they are too short for a token run. The secret is masked, the sentence stays; the site's words after the same
    words ("Your one-time code is valid for 10 minutes"), a promo code, an order number, a heading in capitals stay readable."""
    kept = ["Your one-time code is valid for 10 minutes", "Your password is case-sensitive", "Code promo : NOEL20",
            "Bestelnummer: 2024-88314", "SALE THIS WEEK ONLY"]
    s = session()
    s.send(snapshot(html_page(*(element("p", {}, [text(line)]) for line in [shown, *kept]), lang="en")))
    assert not leaks(s.stored, secret), secret
    stored = orjson.dumps(s.stored).decode()
    assert shown.split()[0] in stored
    for line in kept:
        assert line in stored, line


@pytest.mark.parametrize("shown,secrets", [
    ("Tu contraseña es Lirio73Kp", ["Lirio73Kp"]), ("A sua senha temporária é Caju58Rt", ["Caju58Rt"]),
    ("La tua password è Ortensia91", ["Ortensia91"]), ("Contraseña provisional: Vq8mT3xL", ["Vq8mT3xL"]),
    ("Il tuo codice di verifica è 604127", ["604127"]), ("Tu código de verificación es 318 902", ["318 902"]),
    ("O seu código de verificação é 771430.", ["771430"]),
    ("Codici di backup: 5830-2291, 7716-0452", ["5830-2291", "7716-0452"]),
    ("Tus códigos de respaldo son 4417-9023 y 6652-1108", ["4417-9023", "6652-1108"]),
    ("Códigos de recuperação: 2391-7754 8806-3312", ["2391-7754", "8806-3312"]),
])
def test_a_one_time_secret_the_page_shows_in_spanish_portuguese_or_italian_is_masked(session, shown, secrets):
    """Review 21 F3: a temporary password, a verification code or backup codes a page shows in es/pt/it were stored:
    the words for them and the verbs that give them ("es", "é", "è", "son") were en/nl/fr/de only. The secret is
    masked, the sentence stays; the site's words after the same words stay readable."""
    kept = ["Tu código de verificación es válido durante 10 minutos", "La password è sensibile alle maiuscole",
            "A sua senha é pessoal e intransmissível", "Código promocional: VERANO25"]
    s = session()
    s.send(snapshot(html_page(*(element("p", {}, [text(line)]) for line in [shown, *kept]), lang="es")))
    for secret in secrets:
        assert not leaks(s.stored, secret), secret
    stored = orjson.dumps(s.stored).decode()
    assert shown.split()[1] in stored
    for line in kept:
        assert line in stored, line


def test_a_password_or_a_code_under_a_key_of_another_language_or_a_short_name_is_masked(session):
    """Review 21 F2: a login body's password under "пароль", "κωδικός", "jelszó", "lösenord", "passord", "salasana",
    "adgangskode", "hasło", "mdp", "pass" or "pw", a one-time code under "codigo_sms", "codigoVerificacion" or
    "sms_tan", a security question's answer, and a page address's "?lösenord=" were stored: secret_keys knew no
    password word of those languages. The short names are whole keys only: a count of passengers, a boarding pass's
    type and a dance under "tango" stay readable."""
    secrets = {"пароль": "Brusnika#71q", "κωδικός": "Elia#Thal82", "jelszó": "Pipacs#93kx", "lösenord": "Blabar#24zw",
               "passord": "Multe#35vq", "salasana": "Mustikka#46r", "adgangskode": "Hyben#57tp", "hasło": "Jagoda#68mn",
               "mdp": "Myrtille#79k", "pass": "Ginepro#80w", "pw": "Arandano#91j", "codigo_sms": "305718",
               "codigoVerificacion": "419026", "sms_tan": "527134", "security_answer": "Sir Wobbles the hamster"}
    kept = {"passengers": 3, "boarding_pass_type": "mobile", "tango": "dance"}
    s = session()
    s.send(meta("https://shop.example/inloggen?l%C3%B6senord=Hjortron59x&lang=sv"), snapshot(html_page()),
           custom("login-request", {"url": "/api/login", "body": {**secrets, **kept}}))
    for value in [*secrets.values(), "Hjortron59x"]:
        assert not leaks(s.stored, value), value
    body = [e for e in s.stored if e["type"] == CUSTOM][-1]["data"]["payload"]["body"]
    assert {key: body[key] for key in kept} == kept, body
    assert "lang=sv" in s.stored[0]["data"]["href"]


def test_backup_codes_each_in_its_own_element_under_their_heading_are_secrets(session):
    """Review 20 F7: backup codes shown as sites show them, each in its own element under a heading ("<h2>Your backup
    codes</h2><ul><li>…</li>", a recovery key alone in its <div>) were stored: listed_codes read a list only inside
    the text after the codes' words, and each code's text holds none. The heading's words carry over to the items of
    the list after it, in a snapshot and in a panel a mutation adds; a product list's SKUs and prices stay."""
    codes = ["6150 3927", "8842 0716", "2093 5561"]
    keys = ["k4p9w-27xm3", "j8r2t-60qv5"]
    key = "7C1D 40AE 9B36 E52F 08D4 A7C3 1F6B 5E90"
    products = ["Art. 40921877", "€ 129,95", "Boormachine 18V"]
    panel = element("section", {"id": "security"})
    s = session()
    s.send(snapshot(html_page(
        element("h3", {}, [text("Je herstelcodes")]), element("ul", {}, [element("li", {}, [text(c)]) for c in codes]),
        element("div", {}, [element("div", {"class": "title"}, [text("Your recovery key")]),
                            element("div", {"class": "key"}, [element("code", {}, [text(key)])])]),
        element("h2", {}, [text("Onze boormachines")]), element("ul", {}, [element("li", {}, [text(p)]) for p in products]),
        panel, lang="nl")))
    s.send(mutation(adds=[add(panel["id"], element("div", {}, [
        element("h2", {}, [text("Recovery codes")]),
        element("div", {"class": "grid"}, [element("span", {}, [text(k)]) for k in keys])]))]))
    for value in [*codes, *keys, key]:
        assert not leaks(s.stored, value), value
    assert set(products) <= set(strings(s.stored))


@pytest.mark.parametrize("value,name", [("my nephew's name is Taavi, he is 9", "Taavi"),
                                        ("our daughter is called Isaura and she is 6", "Isaura"),
                                        ("my boyfriend (Ruairi) will collect it", "Ruairi"),
                                        ("meine Frau heißt Wiebke", "Wiebke")])
def test_a_name_told_for_someone_else_in_english_is_masked(session, value, name):
    """Review 19 F11: "my sister's name is Anouk", "my son is called Wannes", "my partner (Wannes)" were kept, typed
    and in a payload's string, and German "mein Mann heißt Jürgen" in a payload: the words that say a name follows
    had no English "'s name is" or "is called", no bracket after the relative, and German needed a pronoun."""
    field = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Welcome")]), field, lang="en")))
    s.send(*typing(field["id"], value), custom("notitie", {"msg": value}))
    assert not leaks(s.stored, name), name
    assert value.split()[1] in orjson.dumps(s.stored).decode()


def test_a_mailto_body_percent_encoded_loses_the_values_echoed_in_it(session):
    """A "send to the agency" link whose body is the form's summary, percent-encoded by the page
    (encodeURIComponent): a mailto: with a query is scanned whole, and the taint pass must read it
    decoded too ("ROUVI%C3%88RE%20Ma%C3%ABlys" is the typed name)."""
    given = element("input", {"name": "prenom", "autocomplete": "given-name"})
    family = element("input", {"name": "nom_naissance", "autocomplete": "family-name"})
    link = element("a", {"id": "send"}, [text("Envoyer le dossier")])
    s = session()
    s.send(snapshot(html_page(given, family, link)))
    s.send(*typing(given["id"], "Maëlys"), *typing(family["id"], "Rouvière-Dantec"))
    body = "Locataire : ROUVIÈRE-DANTEC Maëlys\nContrat : CDI"
    s.send(mutation(attributes=[set_attributes(link["id"], href="mailto:location@agence.example?subject="
                                               + quote("Dossier Maëlys") + "&body=" + quote(body))]))
    href = unquote(s.stored[-1]["data"]["attributes"][0]["attributes"]["href"])
    assert "Maëlys" not in href and "DANTEC" not in href and "ROUVI" not in href, href
    assert "Contrat : CDI" in href, href


def test_css_strings_lose_what_the_visitor_typed_and_keep_the_code(session):
    """CSS is kept as it is, but a page writes a visitor into its strings: a print header in a <style>
    (`@page { @top-center { content: "…" } }`), a custom property set by script that `content: var(…)`
    shows. The strings are scanned and the taint pass reads them, and a custom property's value that is
    no string (`--initiale: Maëlys …`); selectors, properties, a font's name, an icon's escape and an
    inlined image stay as they are."""
    given = element("input", {"name": "prenom", "autocomplete": "given-name"})
    family = element("input", {"name": "nom", "autocomplete": "family-name"})
    sheet = text('.x{font-family:"Source Sans Pro"} .i::before{content:"\\f101"}'
                 ' .b{background:url("data:image/svg+xml,%3csvg%3e%3ctext%3eJan%3c/text%3e%3c/svg%3e")}')
    style = element("style", {}, [sheet])
    box = element("div", {"id": "sheet", "style": "color: red;"})
    s = session()
    s.send(snapshot(html_page(given, family, box, head=[style])))
    s.send(*typing(given["id"], "Maëlys"), *typing(family["id"], "Rouvière-Dantec"))
    header = '@page { @top-center { content: "Dossier locataire de Maëlys Rouvière-Dantec"; } }'
    s.send(mutation(removes=[remove(style["id"], sheet["id"])], adds=[add(style["id"], text(header))],
                    attributes=[set_attributes(box["id"], style='--sheet-title: "ROUVIÈRE-DANTEC"; color: red;')]),
           mutation(attributes=[set_attributes(box["id"], style={"--who": ["'Maëlys'", "important"]})]),
           mutation(attributes=[set_attributes(box["id"], style="--initiale: Maëlys Rouvière-Dantec; --gap: 12px")]))
    stored = "\n".join(strings(s.stored))
    for piece in ("Maëlys", "ROUVIÈRE", "Dantec", "DANTEC"):
        assert piece not in stored, piece
    assert '@page { @top-center { content: "Dossier locataire de ' in stored
    assert '--sheet-title: "' in stored and '"; color: red;' in stored
    assert any(value.startswith("--initiale: ") and value.endswith("; --gap: 12px") for value in stored.split("\n"))
    assert '.x{font-family:"Source Sans Pro"} .i::before{content:"\\f101"} .b{background:url("data:image/svg+xml,%3csvg%3e%3ctext%3eJan' in stored


def test_css_comments_selector_values_and_inlined_documents_are_read_the_code_stays(session):
    """Review 16 (F10): parts of CSS were never read: a comment, an attribute selector's value, a value that is a
    data: URL (a style, rrweb's _cssText and rr_dataURL) and a data: URL inside CSS, where a script draws a
    visitor's name badge as an SVG. A comment's words are emptied; a selector's value is read for a number or an
    address by its shape only; a data: URL that holds a document, percent-encoded or base64, has its words read
    (names by their shape where a script wrote it) and masked in its encoding; pixels, an icon's SVG code and the
    rest of the CSS stay byte for byte."""
    icon = "url(\"data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg'%3e%3cpath d='m2 5 6 6 6-6'/%3e%3c/svg%3e\")"
    sheet = text("/* besteller: lotte.vanacker@kabelnet.be */ .x{color:red} a[href=\"mailto:ward.jacobs@kabelnet.be\"]"
                 "{display:none} input[type=\"text\"]{border:0} .i{background:" + icon + "}")
    pixels = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"
    canvas, image = element("canvas", {"rr_dataURL": "data:text/plain,0472 33 91 08"}), element("img", {"rr_dataURL": pixels})
    box, sheet_attribute = element("div", {"style": "data:,BE14063123456783"}), element("style", {"_cssText": "data:,+32472339108"})
    badge = element("div", {"class": "badge"})
    s = session()
    s.send(meta(), snapshot(html_page(canvas, image, box, badge, head=[element("style", {}, [sheet]), sheet_attribute])))
    drawn = ("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='300'><text x='4' y='28'>"
             "Fenna Dierckx-Wouters - fenna.dw@kabelnet.be</text></svg>")
    encoded = base64.b64encode("<svg><text x='2'>Tel 0486 21 77 40</text></svg>".encode()).decode()
    s.send(mutation(attributes=[set_attributes(badge["id"], style={"background-image": f'url("{drawn}")',
                                                                   "mask-image": f"url(data:image/svg+xml;base64,{encoded})"})]))
    stored = "\n".join(strings(s.stored))
    for value in ("lotte.vanacker", "ward.jacobs", "0472 33 91 08", "BE14063123456783", "32472339108", "Fenna",
                  "Dierckx", "fenna.dw", "0486 21 77 40"):
        assert not [w for w in windows(value) if w in stored], value
    kept = find(s.stored, sheet["id"])["textContent"]
    assert kept.startswith("/**/ .x{color:red} a[href=\"mailto:") and kept.endswith(
        "\"]{display:none} input[type=\"text\"]{border:0} .i{background:" + icon + "}")
    assert find(s.stored, image["id"])["attributes"]["rr_dataURL"] == pixels
    changed = s.stored[-1]["data"]["attributes"][0]["attributes"]["style"]
    assert unquote(changed["background-image"]).startswith("url(\"data:image/svg+xml;utf8,<svg xmlns=")
    masked = base64.b64decode(changed["mask-image"][len("url(data:image/svg+xml;base64,"):-1]).decode()
    assert masked.startswith("<svg><text x='2'>Tel ") and masked.endswith("</text></svg>") and "0486" not in masked


def test_a_data_urls_document_in_an_attribute_is_read_decoded_and_masked_in_its_encoding(session):
    """A data: URL in an attribute is the document it holds: an <img>'s or a srcset's SVG (a name badge a script
    draws), an <object>'s HTML, a download link's text or JSON (an export of the form). Written base64, they were
    stored raw (fix21 read data: URLs in CSS only): the document is decoded, read as the text it is (its labels,
    its JSON's keys; names by their shape where a script wrote it), masked and encoded back. Pixels and the site's
    own icons stay byte for byte, in a srcset too (its base64 was masked whole as a token)."""
    def data(media: str, document: str) -> str:
        return f"data:{media};base64," + base64.b64encode(document.encode()).decode()

    pixels = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    icon = data("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'><title>Winkelmand</title>"
                                 "<path d='M3 6h18l-2 9H5z'/></svg>")
    invoice = element("object", {"data": data("text/html", "<p>Factuur voor ilse.moerdijck@kabelpost.example, "
                                                           "rekening BE68 5390 0754 7034</p>")})
    export = element("a", {"download": "gegevens.json", "href": data("application/json", json.dumps(
        {"naam": "Quirine Oosterlinck", "rijksregisternummer": "85.07.30-123.45", "taal": "nl"}))})
    note = element("a", {"download": "notitie.txt", "href": data("text/plain;charset=utf-8",
                                                                 "Klant: Berthilde Van Steenkiste\nTel: 0479 61 82 35")})
    pictures = element("img", {"src": pixels, "srcset": f"{icon} 1x, {data('image/svg+xml', '<svg><text>0468 27 19 53</text></svg>')} 2x"})
    shown = element("img", {"src": icon})
    holder = element("div", {}, [invoice, export, note, pictures, shown])
    s = session()
    s.send(meta(), snapshot(html_page(holder)))
    badge = element("img", {"src": data("image/svg+xml", "<svg><text x='4' y='20'>Wolfaert Ghyselinck</text></svg>")})
    s.send(mutation(adds=[add(holder["id"], badge)]))
    stored = "\n".join(strings(s.stored))
    decoded = []
    for node in (*nodes_by_id(s.stored).values(), s.stored[-1]["data"]["adds"][0]["node"]):
        for value in (node.get("attributes") or {}).values():
            for url in str(value).split(" "):
                if url.startswith("data:") and ";base64," in url:
                    decoded.append(base64.b64decode(url.split(",", 1)[1]).decode("utf-8", "replace"))
    written = "\n".join(decoded)
    for value in ("ilse.moerdijck", "5390 0754", "Quirine", "Oosterlinck", "85.07.30", "Berthilde", "Steenkiste",
                  "0479 61 82 35", "0468 27 19 53", "Wolfaert", "Ghyselinck"):
        assert value not in written and not [w for w in windows(value) if w in stored], value
    assert '"taal": "nl"' in written and "Factuur voor " in written and "<title>Winkelmand</title>" in written
    assert find(s.stored, pictures["id"])["attributes"]["src"] == pixels
    assert find(s.stored, pictures["id"])["attributes"]["srcset"].startswith(f"{icon} 1x, data:image/svg+xml;base64,")
    assert find(s.stored, shown["id"])["attributes"]["src"] == icon


def _custom_properties_in(place: str, declared: dict[str, str]) -> list[dict]:
    """A page that writes these custom properties in one of the six places CSS stands in a recording: a
    snapshot's style attribute or <style> text, a style mutation as a string or as rrweb 2.x's object, a
    StyleDeclaration (source 13, style.setProperty), an inserted rule (source 8, insertRule)."""
    css = "; ".join(f"{name}: {value}" for name, value in declared.items())
    box, style = element("p", {"style": css} if place == "snapshot style" else {}), element("style", {})
    if place == "snapshot <style>":
        style["childNodes"].append(text(f":root {{ {css} }}"))
    events = [meta(), snapshot(html_page(box, head=[style]))]
    if place == "mutation string":
        events.append(mutation(attributes=[set_attributes(box["id"], style=css)]))
    elif place == "mutation object":
        events.append(mutation(attributes=[set_attributes(box["id"], style=dict(declared))]))
    elif place == "declaration":
        events.extend(incremental(13, id=style["id"], index=[0], set={"property": name, "value": value, "priority": ""})
                      for name, value in declared.items())
    elif place == "rule":
        events.append(incremental(8, id=style["id"], adds=[{"rule": f":root {{ {css} }}", "index": 0}]))
    return events


CSS_PLACES = ("snapshot style", "snapshot <style>", "mutation string", "mutation object", "declaration", "rule")
#: custom properties a replay needs as they are: a colour, lengths, a shadow, var() and calc(), a timing
#: function, a font's names (a property named for a font: "Brandon" is a given name)
STRUCTURAL_PROPERTIES = {"--brand": "#0f172a", "--gap": "12px", "--shadow": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
                         "--inner": "calc(100% - var(--gap))", "--ease": "cubic-bezier(0.4, 0, 0.2, 1)",
                         "--font-heading": "Brandon Grotesque, Helvetica, sans-serif", "--tw-ring-inset": "inset",
                         "--columns": "repeat(auto-fill, minmax(200px, 1fr))"}


@pytest.mark.parametrize("place", CSS_PLACES)
def test_a_custom_propertys_value_is_read_as_the_sites_words_in_every_place_css_stands(session, place):
    """A custom property's value that is no CSS string (`--klant: Griet Verhaeghe`, written by the server
    or a script, for a `content: var(--klant)`) was read by the taint pass only: an e-mail, a phone, an
    IBAN, a name nobody typed in the session were stored. It is scanned as the site's words are; the
    values a replay needs stay as they are."""
    personal = {"--mail": "griet.verhaeghe@telenet.be", "--tel": "+32 478 12 34 56",
                "--iban": "BE71 0961 2345 6769", "--klant": "Griet Verhaeghe",
                "--naam": "jozef vermeulen", "--gsm": "0478 12 34 56"}  # shapes css._plain_code must not pass as code
    s = session()
    s.send(*_custom_properties_in(place, {**personal, **STRUCTURAL_PROPERTIES}))
    stored = "\n".join(strings(s.stored))
    for value in personal.values():
        assert not leaks(s.stored, value), (place, value)
    for name, value in STRUCTURAL_PROPERTIES.items():
        assert value in stored, (place, name)


@pytest.mark.parametrize("place", CSS_PLACES)
def test_a_custom_propertys_value_is_read_past_a_slash_and_an_exclamation_mark(session, place):
    """A custom property's value was read only up to its first '/' or '!' (which a comment and `!important`
    begin with), the rest taken as code: a phone written with a slash, an IBAN grouped by slashes, an
    e-mail in a URL, a name after a '!' were stored, and a typed number copied there kept its end. Its
    value is read to its real end: the declaration's, its block's, or `!important`; what comes after a
    string inside it too."""
    phone = element("input", {"name": "telefoon", "autocomplete": "tel"})
    personal = {"--gsm": "0486/27 41 93", "--rekening": "NL91/ABNA/0417/1643/00", "--terug-op": "BE68/5390/0754/7034",
                "--terug": "https://winkel.example/r?m=ilse.vanhoutte@skynet.be",
                "--groet": "Dag! ilse.vanhoutte@skynet.be", "--na": "'Klant' ilse.vanhoutte@skynet.be",
                "--getypt": "0472/55 18 06 !important"}
    s = session()
    s.send(meta(), snapshot(html_page(phone)), *typing(phone["id"], "0472/55 18 06"))
    for event in _custom_properties_in(place, {**personal, **STRUCTURAL_PROPERTIES})[1:]:
        s.send(event)
    stored = "\n".join(strings(s.stored))
    for leaked in ("27 41 93", "0417", "1643", "5390", "7034", "vanhoutte", "55 18 06"):
        assert leaked not in stored, (place, leaked)
    for name, value in STRUCTURAL_PROPERTIES.items():
        assert value in stored, (place, name)


@pytest.mark.parametrize("place", CSS_PLACES)
def test_a_value_typed_then_copied_into_a_custom_property_is_masked_in_every_place_css_stands(session, place):
    """A page copies what the visitor typed into a custom property (`--who: Maëlys`, for a `content:
    var(--who)`). A style mutation as rrweb 2.x's object ({"--who": "Maëlys"}) and a StyleDeclaration's
    value (source 13) give the value without its `--who:`, and read alone it was code: the typed given
    name, which no detector finds on its own, was stored. It is read as after its name, in every place."""
    given = element("input", {"name": "prenom", "autocomplete": "given-name"})
    s = session()
    s.send(meta(), snapshot(html_page(given)), *typing(given["id"], "Maëlys"))
    for event in _custom_properties_in(place, {"--who": "Maëlys", **STRUCTURAL_PROPERTIES})[1:]:
        s.send(event)  # (the page's own snapshot, then what it writes: one batch each)
    stored = "\n".join(strings(s.stored))
    assert "Maëlys" not in stored, place
    for name, value in STRUCTURAL_PROPERTIES.items():
        assert value in stored, (place, name)


def test_an_import_is_a_url_its_query_scanned_and_the_rest_of_the_code_kept(session):
    """`@import "…"` and `@import url("…")` name a resource as url(…) does: an e-mail or a phone in their
    query was kept, read as code; a font's name and the import's own address stay."""
    sheet = ('@import "https://fonts.example/css?family=Source+Sans+Pro&u=noor.bakker@postvak.example";\n'
             "@import url('/print.css?tel=0475123456') print;\n"
             '@import "/base.css";\n.x{font-family:"Source Sans Pro"}')
    s = session()
    s.send(snapshot(html_page(head=[element("style", {}, [text(sheet)])])))
    stored = "\n".join(strings(s.stored))
    assert "noor.bakker" not in stored and "postvak" not in stored and "0475123456" not in stored
    for kept in ('@import "https://fonts.example/css?family=Source+Sans+Pro&u=', "@import url('/print.css?tel=",
                 '@import "/base.css";', '.x{font-family:"Source Sans Pro"}'):
        assert kept in stored, kept


def test_a_custom_property_named_after_the_visitor_is_read_by_the_taint_pass(session):
    """A script names a custom property after the visitor ("--klant-jozef-vermeulen-at-telenet-be") in
    a rule's declaration (StyleDeclaration, source 13), a style attribute, a changed style's keys, a
    var() that reads it: its name is read by the taint pass as its value is; other names stay."""
    given = element("input", {"name": "voornaam", "autocomplete": "given-name"})
    family = element("input", {"name": "achternaam", "autocomplete": "family-name"})
    box = element("div", {"style": "color: red;"})
    style = element("style", {}, [text(".x { color: red }")])
    s = session()
    s.send(meta(), snapshot(html_page(given, family, box, head=[style])))
    s.send(*typing(given["id"], "Jozef"), *typing(family["id"], "Vermeulen"))
    named = "--klant-jozef-vermeulen-at-telenet-be"
    s.send(incremental(13, id=style["id"], index=[0], set={"property": named, "value": "1", "priority": ""}),
           incremental(13, id=style["id"], index=[0], remove={"property": named}),
           incremental(13, id=style["id"], index=[0], set={"property": "--gap-size", "value": "1", "priority": ""}),
           mutation(attributes=[set_attributes(box["id"], style=f"{named}: 1; width: var({named}, 2px); --gap-size: 3")]),
           mutation(attributes=[set_attributes(box["id"], style={named: "1", "--gap-size": "3"})]))
    stored = "\n".join(strings(s.stored)) + "\n".join(k for e in s.stored if e["type"] == 3 and e["data"]["source"] == 0
                                                  for a in e["data"]["attributes"] if isinstance(a["attributes"]["style"], dict)
                                                  for k in a["attributes"]["style"])
    assert "jozef" not in stored.lower() and "vermeulen" not in stored.lower()
    assert "--gap-size" in stored and "width: var(--*" in stored
    declared = [e["data"][k]["property"] for e in s.stored if e["type"] == 3 and e["data"]["source"] == 13
                for k in ("set", "remove") if k in e["data"]]
    assert declared[0].startswith("--*") and declared[1] == declared[0] and declared[2] == "--gap-size"


def test_the_initials_of_typed_given_names_are_masked_where_the_page_writes_them(session):
    """A municipality writes the given names typed ("Gerrit-Jan Wessel") as initials before the surname
    in its confirmation ("G.J.W. in 't Veld", "Veld, G.J.W. in 't"): the surname was masked, the initials
    stayed beside it. A person's initials (two or more) are tainted as a run of letters."""
    given = element("input", {"name": "voornamen", "autocomplete": "given-name"})
    family = element("input", {"name": "achternaam", "autocomplete": "family-name"})
    line = element("p", {}, [text("…")])
    s = session()
    s.send(snapshot(html_page(given, family, line)), *typing(given["id"], "Gerrit-Jan Wessel"),
           *typing(family["id"], "Veld"))
    for echo in ("Afspraak bevestigd – G.J.W. Veld", "Veld, G.J.W.", "Beste G.J. Veld,"):
        s.send(mutation(texts=[set_text(line["childNodes"][0]["id"], echo)]))
        stored = s.stored[-1]["data"]["texts"][0]["value"]
        assert "G.J" not in stored and "J.W" not in stored, stored
        assert stored.startswith(echo.split("G.J")[0].replace("Veld", "****")), stored


def test_a_link_or_a_button_named_for_mail_keeps_its_caption(session):
    """A link whose id says what it does ("lc-mailto": send the dossier by mail) holds the site's caption,
    not an e-mail address: "Envoyer le dossier à l'agence" was masked whole as an e-mail container. An
    address in such a link is still found by its shape; a container named for an e-mail is still masked."""
    send = element("a", {"id": "lc-mailto"}, [text("Envoyer le dossier à l'agence")])
    share = element("a", {"class": "email-link"}, [text("jan.jansen@mail.example")])
    header = element("span", {"id": "hdr-email"}, [text("Jan J.")])
    s = session()
    s.send(snapshot(html_page(send, share, header, lang="fr")))
    stored = orjson.dumps(s.stored).decode()
    assert "Envoyer le dossier à l'agence" in stored
    assert "jan.jansen" not in stored and "Jan J." not in stored


def test_a_phones_container_without_a_digit_keeps_its_caption(session):
    """Held-out peers round 15: a link whose id says what it opens (id="whatsapp") read "Send the berth to my
    WhatsApp", masked whole as a phone's container (and so in PostHog's $el_text and Sentry's click breadcrumb). A
    phone's container whose text holds no digit is a caption, read as the page's text; one holding a number is
    still masked whole."""
    chat = element("a", {"id": "whatsapp"}, [text("Send the berth to my WhatsApp")])
    shown = element("span", {"class": "whatsapp"}, [text("0471 23 45 67")])
    s = session()
    s.send(snapshot(html_page(chat, shown)))
    stored = orjson.dumps(s.stored).decode()
    assert "Send the berth to my WhatsApp" in stored
    assert "0471" not in stored and "23 45 67" not in stored


def test_an_e_mails_container_holding_a_sentence_without_an_at_sign_keeps_its_caption(session):
    """Held-out round 42: a link whose id says what it sends (id="testmail", 'mail' inside a longer word) read "Stuur
    mij een testbericht", masked whole as an e-mail's container from the first snapshot on. An e-mail's container
    whose text holds more than one word and no '@' is a caption, read as the page's text; an address, a half-typed one
    (one word) and a spelled one are still masked."""
    link = element("a", {"id": "testmail", "href": "mailto:"}, [text("Stuur mij een testbericht")])
    shown = element("span", {"class": "hdr-email"}, [text("noor.vanransbeeck@telenet.be")])
    half = element("span", {"id": "preview-email"}, [text("noor.vanransb")])
    spelled = element("span", {"class": "user-email"}, [text("noor punt vanransbeeck apenstaartje telenet punt be")])
    s = session()
    s.send(snapshot(html_page(*(element("p", {}, [each]) for each in (link, shown, half, spelled)), lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert "Stuur mij een testbericht" in stored
    assert "vanransb" not in stored and "noor" not in stored and "telenet" not in stored, stored


@pytest.mark.parametrize("sentence, lang, number", [
    ("Per la consegna chiamami al 338 765 4321 dopo le sei", "it", "765 4321"),
    ("Si hay algún problema llámame al 622 81 90 44, gracias", "es", "81 90 44"),
    ("Οικοδεσπότης: Νίκος. Τηλέφωνο: 697 555 1234", "el", "555 1234"),
    ("Udlejer: Mette. Tlf. 20 45 67 89", "da", "45 67 89"), ("Selger: Kari, Mobil 932 11 223", "nb", "932 11 223"),
    # held-out round 37: Iceland's and Estonia's seven digits, with no trunk prefix, fewer than any pattern read
    ("Bel mijn vader gerust op 8624517, hij spreekt Engels", "nl", "8624517"),
    ("Gestgjafi: Jón. Sími 862-4517", "is", "862-4517"), ("Omanik: Mari, telefon 612 3456", "et", "612 3456")])
def test_a_phone_in_its_own_country_s_format_beside_a_call_word_is_masked_in_page_text(session, sentence, lang, number):
    """Review 21 F8: a booking's confirmation or a seller's contact shows a phone as Italy, Spain, Greece, Denmark,
    Norway or Finland write one, with no country code and no trunk's zero ("347 123 4567", "20 12 34 56"), after a call
    verb or a label in that language ("chiamami al", "Τηλέφωνο:", "Tlf."): no pattern validated those countries'
    numbers and no phone word was theirs, so it was stored. Such digits are an order's as often: only beside a word
    that says a phone, and the same digits elsewhere in the page stay."""
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text(sentence)]),
                              element("p", {}, [text("Bestelling 5820317 · 20 12 34 56 stuks")]),
                              lang=lang)))
    stored = orjson.dumps(s.stored).decode()
    assert number not in stored, stored
    assert sentence.split()[0] in stored and "Bestelling 5820317 · 20 12 34 56 stuks" in stored


def test_an_id_slugged_from_a_typed_name_is_masked(session):
    """A table of contents gives each heading an id made of its text: the confirmation's "Bevestiging
    voor Gerrit-Jan in 't Veld" became id="bevestiging-voor-gerrit-jan-in-t-veld". Ids are structure, kept
    and never scanned, but the taint pass reads them: the typed name in one is masked; other ids stay."""
    given = element("input", {"name": "voornamen", "autocomplete": "given-name"})
    heading = element("h2", {"id": "gm-done-title"}, [text("Bevestiging")])
    s = session()
    s.send(snapshot(html_page(given, heading)), *typing(given["id"], "Gerrit-Jan Wessel"))
    s.send(mutation(attributes=[set_attributes(heading["id"], attrs={"id": "bevestiging-voor-gerrit-jan-in-t-veld"})]))
    assert "gerrit" not in s.stored[-1]["data"]["attributes"][0]["attributes"]["id"]
    assert find(s.stored, heading["id"])["attributes"]["id"] == "gm-done-title"
    assert b"gerrit" not in orjson.dumps(s.mirror.dump())  # nor in the session's saved state


def test_the_rules_of_an_adopted_style_sheet_are_scanned_as_a_style_s_are(session):
    """A component draws a coat-hook label with a constructed sheet it adopted, replaced with the
    child's name (`sheet.replaceSync('.tag::after { content: "Anouk Weis-Thillens" }')`): rrweb sends
    the sheet's rules in an AdoptedStyleSheet event (incremental source 15, styles[].rules[].rule),
    which was stored untouched. Its strings are scanned as a <style>'s; the CSS code stays."""
    given = element("input", {"name": "prenom", "autocomplete": "given-name"})
    family = element("input", {"name": "nom", "autocomplete": "family-name"})
    host = element("cr-hook-label", {})
    s = session()
    s.send(snapshot(html_page(given, family, host)))
    s.send(*typing(given["id"], "Anouk"), *typing(family["id"], "Weis-Thillens"))
    rule = '.tag::after { content: "Anouk Weis-Thillens"; font-size: 1.4em; }'
    s.send(incremental(15, id=host["id"], styleIds=[3], styles=[{"styleId": 3, "rules": [{"rule": rule, "index": 0}]}]))
    s.send(incremental(8, styleId=3, replaceSync=rule))
    stored = "\n".join(strings(s.stored))
    for piece in ("Anouk", "Thillens"):
        assert piece not in stored, piece
    assert '.tag::after { content: "' in stored and '"; font-size: 1.4em; }' in stored


def test_an_attribute_a_script_rewrites_at_each_keystroke_is_a_series(session):
    """A spell-check mirror keeps one <span> per word of a textarea and sets its title to the word being
    typed ("Unbekanntes Wort: Jean-P", "… Jean-Pi", …): each title was scanned alone and the prefixes of a
    name stored. An attribute a mutation changes is a series, as a text node's characterData is: each
    value masked where its last value's PII stands."""
    notes = element("textarea", {"name": "input_14"})
    word = element("span", {"class": "w"}, [text("…")])
    s = session()
    s.send(snapshot(html_page(notes, element("div", {"class": "mirror"}, [word]), lang="de")))
    line = "Ansprechpartner dort ist Herr Jean-Pierre Xhonneux"
    start = line.index("Jean")
    events = []
    for end in range(start + 1, len(line) + 1):
        events.append(input_event(notes["id"], line[:end]))
        events.append(mutation(attributes=[set_attributes(word["id"], title="Unbekanntes Wort: " + line[start:end])]))
    s.send(*events)
    titles = [e["data"]["attributes"][0]["attributes"]["title"] for e in s.stored
              if e["type"] == 3 and e["data"].get("source") == 0 and e["data"].get("attributes")]
    assert titles and all(t.startswith("Unbekanntes Wort: ") for t in titles), titles
    for piece in ("Jean-P", "Xhonn", "Pierre"):
        assert not any(piece in t for t in titles), [t for t in titles if piece in t]


def test_an_echo_detection_masked_in_part_is_still_read_whole_by_the_taint(session):
    """An address typed in its field ("Gospertstr. 118, 4700 Eupen") is told back by the page: detection
    finds the street and the town in the echo and masks them, and the taint pass then read the masked text
    ("*********** ***, 4700 *****"), where the whole value no longer stands: the postcode between them was
    stored. The taint reads each text as it came; the site's words around it stay."""
    label = element("label", {"for": "input_4_11"}, [text("Straße, Hausnummer, PLZ, Ort")])
    field = element("input", {"id": "input_4_11", "name": "input_11", "type": "text"})
    cell = element("td", {}, [text("…")])
    s = session()
    s.send(meta("https://druck.example/"), snapshot(html_page(label, field, cell, lang="de")))
    value = "Gospertstr. 118, 4700 Eupen"
    s.send(*typing(field["id"], value[:9]))
    s.send(*typing(field["id"], value)[9:])
    s.send(mutation(texts=[set_text(cell["childNodes"][0]["id"], "Anschrift: " + value)]))
    stored = s.stored[-1]["data"]["texts"][0]["value"]
    assert stored.startswith("Anschrift: ") and "4700" not in stored and "Eupen" not in stored, stored


@pytest.mark.parametrize("epoch", [1, 0xFF])
def test_a_label_that_comes_after_its_field_gives_the_field_its_meaning(session, epoch):
    """A form builder's labels are translated by a script that runs after the page is drawn: the
    <label for=input_4_11> is empty in the snapshot and gets "Straße, Hausnummer, PLZ, Ort" in a later
    mutation. The field had been found to mean nothing, and that was kept: the address typed after the
    label came was read by content only (its postcode stored in an echo). A field that means nothing is
    asked again once a label gains words; a field that means something keeps it. The same when the label
    words came so often (a hostile client) that the count of their coming passes what the mirror's column
    of them holds (a byte a slot): it starts afresh, never an error nor a meaning kept from before."""
    label = element("label", {"class": "gfield_label", "for": "input_4_11", "data-i18n": "billing.street"})
    field = element("input", {"id": "input_4_11", "name": "input_11", "type": "text"})
    cell = element("td", {}, [text("…")])
    s = session()
    s.send(meta("https://druck.example/"),
           snapshot(html_page(element("div", {"class": "gfield"}, [label, field]), cell, lang="de")))
    s.mirror._label_epoch = epoch
    s.send(*typing(field["id"], "Gosp"))  # typed before the label: its meaning is asked (nothing yet)
    s.send(mutation(adds=[add(label["id"], text("Straße, Hausnummer, PLZ, Ort"))]))
    value = "Gospertstr. 118, 4700 Eupen"
    s.send(*typing(field["id"], value)[4:])
    assert typed_values(s.stored, field)[-1] == "*" * len(value)  # masked whole: a field meaning an address
    s.send(mutation(texts=[set_text(cell["childNodes"][0]["id"], "Anschrift: " + value)]))
    stored = s.stored[-1]["data"]["texts"][0]["value"]
    assert stored.startswith("Anschrift: ") and "4700" not in stored and "Eupen" not in stored, stored


def test_a_word_of_what_is_typed_drawn_again_in_a_new_node_is_masked_where_it_is_typed(session):
    """A spell-check mirror that renders the word being typed as a new <span> at each keystroke (remove
    and add, as innerHTML or a framework's keyed list does): its text "Jean-P" and its title "Unbekanntes
    Wort: Jean-P" hold a piece of the textarea's value, never the value, and each was read alone. A word
    of what a script wrote that stands in a field's last value where that value is masked is masked too;
    the mirror's other words stay."""
    notes = element("textarea", {"name": "input_14"})
    mirror = element("div", {"class": "mirror"})
    s = session()
    s.send(snapshot(html_page(notes, mirror, lang="de")))
    line = "Ansprechpartner dort ist Herr Jean-Pierre Xhonneux"
    start, events, previous = line.index("Jean"), [], None
    for end in range(start + 1, len(line) + 1):
        events.append(input_event(notes["id"], line[:end]))
        span = element("span", {"class": "w", "title": "Unbekanntes Wort: " + line[start:end]}, [text(line[start:end])])
        events.append(mutation(removes=[remove(mirror["id"], previous)] if previous else [], adds=[add(mirror["id"], span)]))
        previous = span["id"]
    known = element("span", {"title": "Unbekanntes Wort: Ansprechpartner"}, [text("Ansprechpartner")])
    s.send(*events)
    s.send(mutation(adds=[add(mirror["id"], known)]))
    stored = list(strings(s.stored))
    assert not [t for t in stored if any(piece in t for piece in ("Jean-P", "Xhonn", "Pierre"))]
    assert "Unbekanntes Wort: Ansprechpartner" in stored and "Ansprechpartner" in stored


def test_a_value_a_page_writes_one_typed_character_a_node_is_masked_letter_by_letter(session):
    """Round 27: a name badge grew by one text node per keystroke (insertAdjacentText of what was typed), so no copy
    held the name or a word of it, and "Bram Opdebeeck" was stored as fourteen readable letters that a replay shows
    side by side, a batch ending inside it. A text a script wrote that is, whole, what a keystroke added to a value
    masked in that batch is masked; the space between the words, and the page's other short texts, stay."""
    field = element("input", {"id": "o2"})
    badge, step = element("span", {"id": "badge"}), element("span", {"id": "step"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "o2"}, [text("Voor- en familienaam")]), field, badge, step,
                              lang="nl")))
    name = "Bram Opdebeeck"
    for start, end in ((0, 6), (6, len(name))):
        s.send(*(event for i in range(start, end) for event in (
            input_event(field["id"], name[:i + 1]), mutation(adds=[add(badge["id"], text(name[i]))]))))
    s.send(mutation(adds=[add(step["id"], text("2"))]))
    letters = [e["data"]["adds"][0]["node"]["textContent"] for e in s.stored
               if e["type"] == 3 and e["data"].get("source") == 0 and e["data"].get("adds")]
    assert letters == ["*", "*", "*", "*", " ", *"*" * 9, "2"], letters


def test_a_word_a_script_writes_that_stands_inside_a_typed_word_is_no_piece_of_it(session):
    """Round 23: a wedding card's preview, written by script in the batch where the companion's name was typed
    ("Jules-Ernest Nkurunziza", masked), had the French "les" of "avec les enfants" masked: it stands in "Jules",
    inside a word. A piece of letters is one the page drew of a typed value only where a word of the value
    starts (the word being typed, "Jules-E"); such pieces stay masked."""
    companion = element("input", {"autocomplete": "name"})
    card = element("p", {"id": "card"})
    s = session()
    s.send(snapshot(html_page(companion, card, lang="fr")))
    s.send(*typing(companion["id"], "Jules-Ernest Nkurunziza"),
           mutation(adds=[add(card["id"], text("Nous serons là avec les enfants et Jules-E"))]))
    stored = list(strings(s.stored))
    assert not [t for t in stored if "Jules" in t or "Nkuru" in t], stored
    assert any(t.startswith("Nous serons là avec les enfants et ") for t in stored), stored


def test_a_value_typed_over_several_lines_is_masked_line_by_line_where_a_page_draws_it_later(session):
    """Round 23: an address typed over two lines in a textarea (its label's "carte de remerciement" read as a card's)
    was drawn on an envelope one <div> a line, the town's in capitals: masked while typed, as copies of the value,
    "1040 ETTERBEEK" was stored whole in the next full snapshot, no run of the value's words starting there. Each
    line of such a value is one the session remembers."""
    field = element("textarea", {"id": "g-addr"})
    label = element("label", {"for": "g-addr"}, [text("Adres voor het bedankkaartje · Adresse pour la carte de remerciement")])
    s = session()
    s.send(snapshot(html_page(label, field, lang="fr")))
    s.send(*typing(field["id"], "Rue Gérard 52 bte 3\n1040 Etterbeek"))
    envelope = element("div", {"id": "envelope"}, [element("div", {}, [text("Rue Gérard 52 bte 3")]),
                                                   element("div", {}, [text("1040 ETTERBEEK")])])
    s.send(snapshot(html_page(label, element("textarea", {"id": "g-addr"}), envelope, lang="fr")))
    stored = list(strings(s.stored))
    assert not [t for t in stored if "1040" in t or "TTERBE" in t or "Gérard" in t], stored
    assert any("Adresse pour la carte de remerciement" in t for t in stored)


def test_a_word_being_typed_drawn_before_a_full_stop_is_masked_where_it_is_typed(session):
    """Round 23: a page told the town of the address being typed back in a sentence, its text set anew at each
    keystroke ("Het bedankkaartje gaat naar Etterb."): the full stop glued to the word made a piece no typed value
    holds, and "Etterb.", "Etterbe." were stored. The sentence's mark is no part of the piece; the sentence's other
    words stay."""
    field = element("textarea", {"name": "adres"})
    ship = element("p", {"id": "ship"})
    s = session()
    s.send(snapshot(html_page(field, ship, lang="nl")))
    value = "Rue Gérard 52 bte 3\n1040 Etterbeek"
    s.send(*typing(field["id"], value[:value.index("Etter") + 5]))
    events, previous = [], None
    for end in range(value.index("Etter") + 6, len(value)):
        events.append(input_event(field["id"], value[:end]))
        line = text(f"Het bedankkaartje gaat naar {value[:end].split(' ')[-1]}.")
        events.append(mutation(removes=[remove(ship["id"], previous)] if previous else [], adds=[add(ship["id"], line)]))
        previous = line["id"]
    s.send(*events)
    stored = list(strings(s.stored))
    assert not [t for t in stored if "Etterb" in t], stored
    assert any(t.startswith("Het bedankkaartje gaat naar ") for t in stored), stored


@pytest.mark.parametrize("value, masked", [
    ("Sinon chez les voisins, la famille Delvaux, venelle du Cap", "venelle du Cap"),
    ("Sinon chez les voisins, la famille Delvaux, venelle du", "venelle du"),
    ("Sinon chez les voisins, la famille Delvaux, venelle d", "venelle d"), ("Livrez-le rue d", "rue d"),
    ("Unter d", "Unter d"), ("Lieferung an Unter den ", "Unter den "), ("Achter de", "Achter de"),
    ("Livrez-le chez ma tante, rue de la Lo", "rue de la Lo"), ("Livrez-le au 12 rue du Cap", "12 rue du Cap"),
    ("Je suis passé par le Cap", "Cap"),
    # an Italian, Spanish or Portuguese street's opener too (peers round 15: a batch cut at "Invoice to Rua do Alm"
    # stored "Rua do")
    ("Invoice to Rua do Alm", "Rua do Alm"), ("Pilar vive en Calle de la Pr", "Calle de la Pr")])
def test_a_streets_opener_goes_with_its_name_being_typed(value, masked):
    """Round 23: a delivery note cut by a batch while the neighbours' street was typed stored "venelle du" beside
    the masked "Cap", the start of what the next batch showed to be an address ("venelle du Caporal 7"): the opener
    and its particles go with the street's name being typed, as the house number before them does; and with a
    particle being typed (stop 31's CI: the batch cut at "venelle d" stored "venelle"), after a street's first word too
    (bench/every_cut.py: "Unter d" stored "Unter "); a southern street's opener ("Rua", "Calle", "Via") as a French
    one."""
    assert [value[a:b] for a, b, _ in trailing_fragment(value)] == [masked]


@pytest.mark.parametrize("value, masked", [
    ("Keys are with her at Korunní 120", "Korunní 120"), ("Keys are with her at Korunní 1208/7", "Korunní 1208/7"),
    ("Keys are with her at Korunní 1208/74, 101 0", "her at Korunní 1208/74, 101 0"),
    ("Kerkstraat 120", "Kerkstraat 120"), ("bel 06 3190 22", "06 3190 22")])
def test_a_street_with_no_street_word_goes_with_its_house_number_and_postcode_being_typed(value, masked):
    """Held-out peers round 17: a rich-text editor's batch ended at "… at Korunní 120" and stored "Korunní" beside the
    masked number, of what the next batch showed to be an address with no street word ("Korunní 1208/74, 101 00 Praha
    10"): a number of three or four digits being typed went alone, where two went with the capitalised word before
    them as a word being typed does. And a house number with a slash ("1208/74, ") before a postcode being typed in
    Czechia's, Slovakia's, Greece's or Sweden's spaced form ("101 0") goes with its street as a plain one does."""
    assert [value[a:b] for a, b, _ in trailing_fragment(value)] == [masked]


def test_a_phone_being_typed_drawn_again_in_short_groups_is_masked_where_it_is_typed(session):
    """Round 21: notes shown again linkified at every keystroke (the text split around each phone, as a new text
    node): the phone being typed stands there in groups too short to be words of their own ("au 0033 7 81 29 40 5":
    "0033" was masked, " 7 81 29 40 5" stored). Digit groups and the spaces and slashes between them are one
    piece of what the script wrote, masked where the field's value is; the notes' other words stay."""
    notes = element("textarea", {"name": "notes"})
    preview = element("p", {"id": "preview"})
    s = session()
    s.send(snapshot(html_page(notes, preview, lang="fr")))
    line = "Elle vit maintenant en France, au 0033 7 81 29 40 58"
    start, events, previous = line.index("0033"), [], []
    for end in range(start + 4, len(line) + 1):
        events.append(input_event(notes["id"], line[:end]))
        shown = [text(line[:start]), text(line[start:end])]
        events.append(mutation(removes=[remove(preview["id"], nid) for nid in previous],
                               adds=[add(preview["id"], node) for node in shown]))
        previous = [node["id"] for node in shown]
    s.send(*events)
    shown = [add["node"]["textContent"] for event in s.stored[1:] if event["data"]["source"] == 0
             for add in event["data"]["adds"]]
    assert not [t for t in shown if any(c.isdigit() for c in t)], shown  # not "**** 7 8", "**** * ** 2"
    assert "Elle vit maintenant en France, au " in shown


def test_what_is_typed_drawn_on_a_canvas_is_masked_where_it_is_typed(session):
    """A label drawn on a <canvas> at every keystroke (rrweb's recordCanvas: a CanvasMutation whose
    commands' args hold fillText's text) shows the value being typed: 'Tel. +48 60' while the phone is
    '+48 60'. A canvas's text is a script's copy as a node's text is: a value typed in the batch that
    it holds is masked as its keystroke was; the label's own words stay."""
    phone = element("input", {"type": "tel", "name": "phone"})
    canvas = element("canvas", {"width": "420", "height": "170"})
    s = session()
    s.send(snapshot(html_page(phone, canvas, lang="nl")))
    events = []
    for end in range(1, len("+48 601 734 219") + 1):
        value = "+48 601 734 219"[:end]
        events.append(input_event(phone["id"], value))
        events.append(incremental(9, id=canvas["id"], type=0, commands=[
            {"property": "clearRect", "args": [0, 0, 420, 170]},
            {"property": "fillText", "args": ["Tel. " + value, 12, 104]},
            {"property": "fillText", "args": ["Tapijthuis De Vlasakker, Retourcentrum", 12, 146]}]))
    s.send(*events)
    stored = list(strings(s.stored))
    assert not [t for t in stored if any(piece in t for piece in ("+48 60", "48 601", "601 73"))], \
        [t for t in stored if t.startswith("Tel.")]
    assert "Tapijthuis De Vlasakker, Retourcentrum" in stored


PEN_PICTURE = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(7, 250)) * 3).decode()


def pen_strokes(canvas: int, start: float) -> dict:
    """A CanvasMutation of a pen's path, as rrweb's recordCanvas sends a signature drawn on a pad."""
    path = [{"property": "moveTo", "args": [start, 41.5]}]
    path += [{"property": "lineTo", "args": [start + i * 2.5, 41.5 + (i % 5) * 3.25]} for i in range(1, 30)]
    return incremental(9, id=canvas, type=0, commands=[{"property": "beginPath", "args": []}, *path,
                                                       {"property": "stroke", "args": []}])


@pytest.mark.parametrize("where", ["in a form", "labelled after it", "named by its class", "added in a form"])
def test_a_canvas_the_visitor_signs_on_is_blocked_and_its_strokes_dropped(session, where):
    """Review 17 F8: a signature pad (a <canvas> on a SEPA mandate) was stored whole when the site records canvases:
    its picture (rr_dataURL) and every stroke of the pen, which replay the signature exactly; no detector reads
    pixels or coordinates. A canvas inside a form, or one its label or class says is for a signature, is blocked
    as a marker blocks: a placeholder of its size, its canvas mutations dropped. A chart's canvas outside any form
    keeps its picture and its drawing."""
    pad = element("canvas", {"width": "360", "height": "120", "rr_dataURL": PEN_PICTURE,
                             **({"class": "pad signature-pad"} if where == "named by its class" else {}),
                             **({"id": "teken"} if where == "labelled after it" else {})})
    chart = element("canvas", {"class": "sales-chart", "width": "300", "height": "90", "rr_dataURL": PEN_PICTURE})
    form = element("form", {"action": "/machtiging"}, [element("div", {"class": "field"}, [])])
    body = [chart, form]
    if where == "in a form":
        form["childNodes"][0]["childNodes"].append(pad)
    elif where == "labelled after it":
        body += [pad, element("label", {"for": "teken"}, [text("Uw handtekening")])]
    elif where == "named by its class":
        body.append(pad)
    s = session()
    s.send(snapshot(html_page(*body, lang="nl")))
    if where == "added in a form":
        s.send(mutation(adds=[add(form["childNodes"][0]["id"], pad)]))
    s.send(pen_strokes(pad["id"], 12.5), pen_strokes(chart["id"], 80.5))
    stored = orjson.dumps(s.stored).decode()
    assert stored.count(PEN_PICTURE) == 1  # the chart's
    assert [command["args"][0] for event in s.stored if event["type"] == 3 and event["data"]["source"] == 9
            for command in event["data"]["commands"] if command["property"] == "moveTo"] == [80.5]
    placeholder = find(s.stored, pad["id"])["attributes"]
    assert "rr_dataURL" not in placeholder and (placeholder["width"], placeholder["height"]) == ("360", "120")


STROKE = "M12 40 Q 30 8, 48 40 T 84 40 L 101 33 L 117 52"
ICON = "M4 12 L9 17 L20 6"


@pytest.mark.parametrize("where", ["stroked in a form", "labelled a signature"])
def test_an_svg_the_visitor_signs_on_is_blocked_with_its_strokes(session, where):
    """Review 24 F13: a signature pad drawn as SVG (react-sketch-canvas) adds a <path d=…> per stroke, whose d
    replays the signature; only a <canvas> was blocked as drawn. An <svg> that says a signature, or one in a form
    that gains strokes after the snapshot, is blocked as the canvas is; a form's icon drawn once by the page stays."""
    pad = element("svg", {"width": "320", "height": "110", **({"aria-label": "Unterschrift des Mieters"}
                                                             if where == "labelled a signature" else {})}, isSVG=True)
    icon = element("svg", {"width": "16", "height": "16"}, [element("path", {"d": ICON}, isSVG=True)], isSVG=True)
    form = element("form", {"action": "/mietvertrag"}, [element("div", {}, [icon]), element("div", {}, [pad])])
    s = session()
    s.send(meta(), snapshot(html_page(form if where == "stroked in a form" else element("div", {}, [icon, pad]))))
    s.send(mutation(adds=[add(pad["id"], element("path", {"d": STROKE, "stroke": "#000"}, isSVG=True))]))
    stored = orjson.dumps(s.stored).decode()
    assert "Q 30 8" not in stored and "L 117 52" not in stored
    assert ICON in stored


def test_a_name_cell_saying_more_than_the_name_taints_the_name_s_words_only(session):
    """A summary's cell after <th>Name des Ehepartners</th> is masked whole for its label, and its capitalised
    words were each tainted as a name's are: 'Jens Wiesemann (IdNr. 73 920 485 003)' tainted 'IdNr', the
    form's own abbreviation, and the next snapshot's label 'Steuerliche Identifikationsnummer (IdNr.)' lost
    it (held-out round 13). Only words shaped as a name's are tainted alone; the surname still is."""
    row = element("tr", {}, [element("th", {}, [text("Name des Ehepartners")]), element("td", {}, [text("…")])])
    status = element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(element("table", {}, [element("tbody", {}, [row])]), status, lang="de")))
    cell = row["childNodes"][1]["childNodes"][0]["id"]
    s.send(mutation(texts=[set_text(cell, "Jens Wiesemann (IdNr. 73 920 485 003)")]))
    s.send(mutation(adds=[add(status["id"], text("Steuerliche Identifikationsnummer (IdNr.)")),
                          add(status["id"], text("Unterschrift: Wiesemann"))]))
    stored = list(strings(s.stored))
    assert "Steuerliche Identifikationsnummer (IdNr.)" in stored
    assert not [t for t in stored if "Wiesemann" in t or "920 485" in t], stored


def test_an_e_mail_s_own_domain_taints_the_session_a_mail_provider_s_does_not(session):
    """A work or family address's domain names its owner as its local part does: a signature pasted under
    'g.bernardini@studiolegale-oltrarno.it' reads 'Studio Legale Oltrarno' (held-out round 9). The parts of
    a domain (five letters or more) of an address a field holds taint the session unless it is a mail
    provider's: a site that names Gmail or Telenet keeps those words whoever writes from there; and an
    address the site shows in its own text ('klantenservice@tapijthuis-devlasakker.nl') leaves its brand."""
    cases = [("g.bernardini@studiolegale-oltrarno.it", "Avvocato — Studio Legale Oltrarno", ["Oltrarno"], "Avvocato — "),
             ("jan@devries-fotografie.nl", "Met dank aan Devries Fotografie", ["Devries"], "Met dank aan "),
             ("an.peeters@telenet.be", "Internet via Telenet? Gebruik ons Gmail-formulier", [],
              "Internet via Telenet? Gebruik ons Gmail-formulier")]
    for typed, shown, planted, kept in cases:
        field, status = element("input", {"type": "email", "name": "email"}), element("p", {"id": "status"})
        s = session()
        s.send(snapshot(html_page(field, status, lang="nl")))
        s.send(*typing(field["id"], typed))
        s.send(mutation(adds=[add(status["id"], text(shown))]))
        stored = orjson.dumps(s.stored).decode()
        assert not [word for word in planted if word in stored], (shown, stored)
        assert kept in stored, (kept, stored)
    status = element("p", {"id": "status"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Mail klantenservice@tapijthuis-devlasakker.nl")]), status)))
    s.send(mutation(adds=[add(status["id"], text("Welkom bij Tapijthuis Devlasakker"))]))
    assert "Welkom bij Tapijthuis Devlasakker" in orjson.dumps(s.stored).decode()


def test_a_word_being_typed_shown_back_in_capitals_is_masked_where_it_is_typed(session):
    """A keyed rider list writes each name as on a ticket, family names first in capitals ("ÑÚÑEZ ECHEV,
    José" while "José Ñúñez Echev" is typed), editing its text node at each keystroke. The family name
    being typed was looked for as it was typed, case and all: "ECHEV" stood in no field's value and was
    stored. A piece of a script's text is looked for in the typed value whatever its case."""
    label = element("label", {"for": "rider"}, [text("Naam fietser")])
    field = element("input", {"id": "rider", "type": "text"})
    item = element("li", {}, [text("…")])
    s = session()
    s.send(snapshot(html_page(label, field, element("ol", {}, [item]), lang="nl")))
    value = "José Ñúñez Echeverría"
    events = []
    for end in range(len("José Ñúñez E"), len(value) + 1):
        typed = value[:end]
        given, family = typed.split(" ", 1)
        events.append(input_event(field["id"], typed))
        events.append(mutation(texts=[set_text(item["childNodes"][0]["id"], family.upper() + ", " + given)]))
    s.send(*events)
    stored = [t for t in strings(s.stored) if t.endswith(", ****") or t.endswith(", José")]
    assert stored, list(strings(s.stored))
    assert not [t for t in stored if "ECHE" in t or "ÑÚÑEZ" in t], stored


def test_the_site_s_own_address_in_its_text_does_not_mask_its_brand(session):
    """A bike rental named after its quay ("Fietsverhuur Scheldekaai") says where to pick the bikes up: "aan
    de Scheldekaai 14". The address is masked where it stands (a street and a number in a text are read as
    a postal address), but each of its words was tainted for the session and the brand in the heading and
    the title lost its second word. An address found in a page's text taints the session whole, as an
    e-mail's domain does; the words of one typed in a field are tainted each (the street told back alone)."""
    heading = element("h1", {}, [text("Fietsverhuur Scheldekaai")])
    where = element("p", {}, [text("Ophalen en terugbrengen aan de Scheldekaai 14, tussen 9 en 19 uur.")])
    s = session()
    s.send(meta("https://fietsen.example/"), snapshot(html_page(heading, where, lang="nl")))
    stored = list(strings(s.stored))
    assert "Fietsverhuur Scheldekaai" in stored, stored
    label = element("label", {"for": "adres"}, [text("Thuisadres")])
    field = element("input", {"id": "adres", "type": "text"})
    cell = element("p", {}, [text("…")])
    s.send(mutation(adds=[add(where["id"], label), add(where["id"], field), add(where["id"], cell)]))
    s.send(*typing(field["id"], "Lange Kievitstraat 112, 2018 Antwerpen"))
    s.send(mutation(texts=[set_text(cell["childNodes"][0]["id"], "Levering in de Kievitstraat")]))
    assert "Kievitstraat" not in s.stored[-1]["data"]["texts"][0]["value"]


def test_the_site_s_premises_with_their_opening_hours_stay_readable(session):
    """A pharmacy's header line under its name: its address, its phone and its opening hours ("Place Boltgen 4,
    L-4038 Esch-sur-Alzette · Lu–Ve 8h00–18h30"), its name in the heading above. An address that opens a line
    of the page's text going on to opening hours is the site's premises (round 17 masked it); a visitor's
    address in the page's text (a server-rendered account page) has no hours (its delivery days are none), and
    one typed with the hours a visitor is in is still masked."""
    heading = element("h1", {}, [text("Pharmacie Am Brill")])
    premises = element("p", {}, [text("Place Boltgen 4, L-4038 Esch-sur-Alzette · Lu–Ve 8h00–18h30 · Sa 8h00–12h30")])
    account = element("p", {}, [text("Kiem 141, L-8030 Strassen — levering ma–vr")])
    field = element("textarea", {"id": "note"})
    s = session()
    s.send(meta("https://apdikt.example/"), snapshot(html_page(heading, premises, account, field, lang="fr")))
    stored = list(strings(s.stored))
    assert "Place Boltgen 4, L-4038 Esch-sur-Alzette · Lu–Ve 8h00–18h30 · Sa 8h00–12h30" in stored, stored
    assert not leaks(s.stored, "Kiem 141") and not leaks(s.stored, "L-8030 Strassen")
    s.send(*typing(field["id"], "Rue Principale 7, L-6990 Rameldange — ma–vr 9u–17u"))
    assert not leaks(s.stored, "Rue Principale 7") and not leaks(s.stored, "L-6990 Rameldange")


def test_the_site_s_premises_after_the_word_for_them_with_opening_hours_stay_readable(session):
    """Round 22: a notary's header line 'Kantoor: Grote Markt 21, 9100 Sint-Niklaas · ma–vr 9u–12u30 en 13u30–17u'
    was masked: only an address opening its line was read for the site's premises by its hours. The word for
    premises alone before it says the same ('Kantoor:', 'Cabinet :', 'Büro:'); another word of the site's before an
    address with hours ('Leveradres:', a visitor's) still masks it."""
    lines = ["Kantoor: Grote Markt 21, 9100 Sint-Niklaas · ma–vr 9u–12u30 en 13u30–17u",
             "Cabinet : Rue de la Station 14, 6700 Arlon · Lu–Ve 9h–17h"]
    s = session()
    s.send(meta("https://notaris.example/"), snapshot(html_page(
        element("h1", {}, [text("Notarissen Dauwe & Verbeke")]), *[element("p", {}, [text(line)]) for line in lines],
        element("p", {}, [text("Leveradres: Quendtlaan 57, 9000 Gent · ma–vr 8u–12u")]), lang="nl")))
    assert set(lines) <= set(strings(s.stored))
    assert not leaks(s.stored, "Quendtlaan 57") and not leaks(s.stored, "9000 Gent")


def test_a_visitors_address_shown_back_with_a_delivery_slot_is_no_premises(session):
    """One day and a range of hours is a delivery's or a pick-up's slot ("Quendtlaan 57, 9000 Gent · ma 8u–12u",
    a server-rendered order page): only days a shop is open (a range, "Lu–Ve", or a list, "ma, wo") with hours
    say its premises (review 13 F5)."""
    lines = ["Quendtlaan 57, 9000 Gent · ma 8u–12u", "Kiem 141, L-8030 Strassen · Ma 14h00–16h00"]
    s = session()
    s.send(meta("https://apdikt.example/"), snapshot(html_page(
        element("h1", {}, [text("Uw bestelling")]), *[element("p", {}, [text(line)]) for line in lines])))
    for value in ("Quendtlaan 57", "9000 Gent", "Kiem 141", "L-8030 Strassen"):
        assert not leaks(s.stored, value), value


def test_a_text_the_page_writes_letter_by_letter_has_its_last_word_masked_where_a_batch_ends(session):
    """Stop 32's e2e run of round 23: the card's editor is an <iframe> in designMode, which no attribute says is
    editable, so what the visitor typed there came as page text; the recorder's timer ended a batch at "… ou à
    pollie" and stored the start of the e-mail (a page's text was read as settled). A text the page writes a few
    letters at a time has its last word masked where a batch ends, as a typed one; the next batch shows it settled,
    and a text set whole keeps its last word."""
    editor, heading = element("div", {"id": "body"}, [text("")]), element("h2", {}, [text("Open")])
    s = session()
    s.send(snapshot(html_page(editor, heading, lang="fr")))
    node = editor["childNodes"][0]["id"]
    line = "Joignez-la au 06 12 34 56 78 ou à pollie"
    s.send(*[mutation(texts=[set_text(node, line[:end])]) for end in range(1, len(line) + 1)])
    assert not [t for t in strings(s.stored) if "pollie" in t], list(strings(s.stored))
    done = "Bedankt voor uw bestelling bij onze winkel"
    s.send(*[mutation(texts=[set_text(node, done[:end])]) for end in range(1, len(done) + 1)])
    assert done not in strings(s.stored)  # "winkel" may still grow
    s.send(mutation(texts=[set_text(node, done + " en tot ziens")]))
    assert done + " en tot ziens" in strings(s.stored)
    s.send(mutation(texts=[set_text(heading["childNodes"][0]["id"], "Gesloten tot maandag avond")]))
    assert "Gesloten tot maandag avond" in strings(s.stored)  # set whole: its last word is settled


@pytest.mark.parametrize("one_batch", [False, True])
def test_a_text_written_by_replacing_its_node_a_few_letters_a_batch_is_still_being_written(session, one_batch):
    """Review 21 F6: a script that writes a text by setting its element's textContent (a typewriter, a reply streamed
    in, an editor re-rendering its run) makes rrweb record each write as a new node, the old one removed in the same
    mutation; the text was read as the page's settled words, and the start of an e-mail stored ("… mail naar
    wieteke.va"). A text added where its element's text was removed and that grows it goes on from it as a text
    written in place does: its last word masked while it grows, across batches and a restart (the mirror's length and
    keyed digest of the replaced node's text), or in one batch (each write compared with the one before it). A text
    replaced by another, not grown from it, keeps its last word."""
    box, total = element("div", {"class": "reply"}, [text("Mail naar wi")]), element("p", {}, [text("Totaal 3 artikelen")])
    s = session()
    s.send(snapshot(html_page(box, total, lang="nl")))
    line = "Mail naar wieteke.vanassche@scarlet.be graag"
    at = line.index("wieteke")
    before, writes = box["childNodes"][0]["id"], []
    for step, end in enumerate((at + 4, at + 7, at + 10, at + 13)):
        written = text(line[:end])
        writes.append(mutation(adds=[add(box["id"], written)], removes=[remove(box["id"], before)]))
        before = written["id"]
        if not one_batch:
            s.send(writes.pop())
        if step == 1 and not one_batch:
            s.mirror = DomMirror.load(orjson.loads(orjson.dumps(s.mirror.dump())))  # a restart between the batches
    if one_batch:
        s.send(*writes)
    assert not leaks(s.stored, "wieteke.vanassche"), [t for t in strings(s.stored) if "naar" in t]
    count = total["childNodes"][0]["id"]
    s.send(mutation(adds=[add(total["id"], text("Totaal 4 artikelen"))], removes=[remove(total["id"], count)]))
    assert "Totaal 4 artikelen" in strings(s.stored)


def test_a_text_replaced_by_one_that_does_not_grow_it_is_a_page_update_read_as_settled(session):
    """Review 21 F6's first fix read every text added where its element's text was removed as written in place: a
    click handler run twice, setting the title and its other texts again to what they were, made them a page's
    writing, and the page's next words lost their last ("Bedankt, we bellen u *****!", held-out peers round 2). Only a
    replacement that grows the text it replaces is being written; one that does not is the page's settled words."""
    title, done = element("title", {}, [text("Terugbelverzoek")]), element("p", {"id": "done"}, [])
    s = session()
    s.send(snapshot(html_page(done, lang="nl", head=[title])))
    batch = []
    for _ in range(2):  # the handler run twice: the same text written over itself
        before, written = title["childNodes"][0]["id"], text("Jorinde Vlaminckx - Terugbelverzoek")
        batch.append(mutation(adds=[add(title["id"], written)], removes=[remove(title["id"], before)]))
        title["childNodes"] = [written]
    s.send(*batch, mutation(adds=[add(done["id"], text("Bedankt, we bellen u terug!"))]))
    assert "Bedankt, we bellen u terug!" in strings(s.stored), [t for t in strings(s.stored) if "bellen" in t]


@pytest.mark.xfail(strict=True, reason="left from review 21 F6: the first write after the batch of the snapshot that "
                   "showed the node's text has no past to compare with (the mirror keeps no digest of a snapshot's "
                   "texts), in place or by replacing the node, and is read as settled")
@pytest.mark.parametrize("in_place", [True, False])
def test_the_first_write_after_the_snapshots_batch_of_a_text_being_written_is_still_being_written(session, in_place):
    """Review 21 F6's French case: the snapshot (its own batch) shows "… écrivez-moi à pol", the next batch's one write
    makes it "… à pollien", read as settled: "pollien" is stored, whether the text changed in place or its node was
    replaced. The next writes are compared with it (the mirror's digest) and masked."""
    box = element("div", {"class": "reply"}, [text("Écrivez-moi à gas")])
    s = session()
    s.send(snapshot(html_page(box, lang="fr")))
    node = box["childNodes"][0]["id"]
    value = "Écrivez-moi à gaspardine.lemaire@skynet.be"
    written = text(value[:22])
    s.send(mutation(texts=[set_text(node, value[:22])]) if in_place else
           mutation(adds=[add(box["id"], written)], removes=[remove(box["id"], node)]))
    assert not leaks(s.stored, "gaspardine.lemaire"), [t for t in strings(s.stored) if "moi" in t]


def test_a_typewriter_heading_finished_where_a_batch_ends_is_readable_once_settled(session):
    """Review 20 O1: a heading a typewriter effect writes a letter at a time and finishes where a batch ends keeps its
    last word masked in that batch ("… op alle *****"): nothing in the batch tells a finished text from one cut by
    the recorder's timer, and the batch is stored before the next comes (a typed value's last word costs the same:
    README "Batch boundaries"). As a typed value is shown by the field's next value and the next snapshot, the
    heading is readable once settled: written again unchanged, and in the next full snapshot."""
    heading = element("h1", {"class": "hero"}, [text("")])
    s = session()
    s.send(snapshot(html_page(heading, lang="nl")))
    node = heading["childNodes"][0]["id"]
    line = "Najaarsactie: 20% korting op alle tenten"
    s.send(*[mutation(texts=[set_text(node, line[:end])]) for end in range(1, len(line) + 1)])
    assert line not in strings(s.stored)
    s.send(mutation(texts=[set_text(node, line)]))
    assert line in strings(s.stored[-1:])
    s.send(snapshot(html_page(element("h1", {"class": "hero"}, [text(line)]), lang="nl")))
    assert line in strings(s.stored[-1:])


def test_a_text_written_so_slowly_that_each_batch_holds_one_value_of_it_is_still_being_written(session):
    """Review 20 F1: a writer slow enough that each batch carries one text mutation of the node (a key per recorder
    flush, a reply streamed a token at a time) was read as settled, the one value having no other in its batch to
    compare with, and stored the start of an e-mail ("… schrijf naar marjol"). The batch compares the value with
    the node's text before it: the mirror keeps the length and a keyed digest of what the batch before left, never
    the text, and keeps them across a restart (a reload of its saved state). A text set whole, and the same text
    shown again by the next batch, read as settled."""
    editor, total = element("div", {"id": "body"}, [text("")]), element("span", {"class": "total"}, [text("")])
    s = session()
    s.send(snapshot(html_page(editor, element("p", {}, [total]), lang="nl")))
    node, price = editor["childNodes"][0]["id"], total["childNodes"][0]["id"]
    line = "Hallo, schrijf naar marjoleinvdb@proximus.be aub"
    at = line.index("marjolein")
    s.send(*[mutation(texts=[set_text(node, line[:end])]) for end in range(1, at + 3)])  # "… naar ma"
    saved = orjson.dumps(s.mirror.dump())
    assert b"naar" not in saved and b"Hallo" not in saved
    s.mirror = DomMirror.load(orjson.loads(saved))  # a restart between the batches
    for end in (at + 4, at + 6, at + 8):  # "… marj", "… marjol", "… marjolei": one value a batch
        s.send(mutation(texts=[set_text(node, line[:end])]))
    assert not leaks(s.stored, "marjoleinvdb"), [t for t in strings(s.stored) if "naar" in t]
    s.send(mutation(texts=[set_text(node, line[:at + 8])]))  # written again, unchanged: settled
    assert line[:at + 8] in strings(s.stored)
    s.send(mutation(texts=[set_text(price, "Totaal 42 euro")]))  # an empty text filled whole
    assert "Totaal 42 euro" in strings(s.stored)


def test_a_name_as_the_passport_writes_it_is_a_name_whose_words_are_told_back_turned_round(session):
    """A crew list's field "Full name as in the passport" names the document it is copied from: it was read as the
    passport's number, so the name's words were remembered only as a run, and the crew list that writes the family
    name first in capitals, at the next keystroke of another field ("LINDQVIST, ÅSA"), was stored (held-out round
    28). The field holds the name: its words are remembered alone, as a name field's are."""
    label = element("label", {"for": "crew"}, [text("Full name as in the passport")])
    field = element("input", {"id": "crew", "name": "crew3_name"})
    crew_list = element("pre", {"id": "fal"}, [text("No  Family name, given names")])
    s = session()
    s.send(snapshot(html_page(label, field, crew_list)))
    s.send(*typing(field["id"], "Ingrid Lindqvist"))
    s.send(mutation(adds=[add(crew_list["id"], text("No  Family name, given names\n3   LINDQVIST, INGRID   SWE"))]))
    stored = [t for t in strings(s.stored) if "SWE" in t]
    assert stored and not [t for t in stored if "LINDQ" in t or "INGRID" in t], stored


def test_a_picked_option_that_reads_as_a_street_and_its_number_stays_readable(session):
    """A charter's yacht list: "Bavaria Cruiser 37 · Zeemeeuw" picked in a <select> was read as a typed value, a street
    without a street word and its house number, masked and remembered as an address, so its option's text was masked
    too (held-out round 28). A <select>'s value is its picked option's, read as the option is: the site's list."""
    label = element("label", {"for": "boat"}, [text("Yacht")])
    options = [element("option", {}, [text(name)]) for name in ("Bavaria Cruiser 37 · Zeemeeuw", "Hanse 348 · Meeuw")]
    picker = element("select", {"id": "boat", "name": "boat", "value": "Bavaria Cruiser 37 · Zeemeeuw"}, options)
    s = session()
    s.send(snapshot(html_page(label, picker)))
    s.send(input_event(picker["id"], "Hanse 348 · Meeuw"), input_event(picker["id"], "Bavaria Cruiser 37 · Zeemeeuw"))
    stored = list(strings(s.stored))
    assert stored.count("Bavaria Cruiser 37 · Zeemeeuw") == 3, stored


@pytest.mark.parametrize("ward", ["Materniteit De Kleine Vlasbloem", "Dagziekenhuis Mandelhof", "Campus Henri Serruys",
                                  "Kraamafdeling Sint-Anna", "Maternité Reine Fabiola"])
def test_a_hospitals_ward_in_its_select_stays_readable(session, ward):
    """Held-out round 46 (recorded): a hospital's ward <select> ('Materniteit De Kleine Vlasbloem', 'Dagziekenhuis
    Mandelhof') was masked from the first snapshot on, each option read as a person's full name; a ward, a maternity
    or a campus word says the entry is the hospital's unit, as 'Kliniek' and 'Ziekenhuis' do."""
    label = element("label", {"for": "afdeling"}, [text("Afdeling")])
    options = [element("option", {}, [text(name)]) for name in ("Cardiologie — campus Wilgenhof", ward)]
    s = session()
    s.send(snapshot(html_page(label, element("select", {"id": "afdeling", "name": "afdeling"}, options), lang="nl")))
    assert ward in list(strings(s.stored))


def test_a_name_being_typed_is_masked_in_the_options_a_page_builds_from_it(session):
    """Held-out round 29: a lease form rebuilds its "who signs first?" <select> at every keystroke from the names typed
    ('Babatu (borgsteller / guarantor)'). An <option>'s text is in a form control, so it was read as typed by the
    visitor, not as a copy the page wrote: the half-typed name, no name yet to any detector, was stored."""
    name, signer = element("input", {"name": "guarantor_name"}), element("select", {"id": "signer"})
    s = session()
    s.send(snapshot(html_page(name, signer, lang="nl")))
    events = []
    for value in ["Babat", "Babatu"]:
        events += [input_event(name["id"], value),
                   mutation(adds=[add(signer["id"], element("option", {"value": "signer-0"},
                                                            [text(f"{value} (borgsteller / guarantor)")]))])]
    s.send(*events)
    shown = sorted(t for t in strings(s.stored) if "(borgsteller" in t)
    assert shown == ["***** (borgsteller / guarantor)", "****** (borgsteller / guarantor)"]


def test_the_sites_own_option_in_a_select_rebuilt_from_the_names_typed_stays(session):
    """Held-out round 42: a library's form rebuilds its "who picks up the cards?" <select> at every keystroke, its
    first option the site's 'Kies een naam'. A text a mutation adds in a form control was read as being typed, its
    last word masked in case the batch cut it ('Kies een ****' in each of the 33 rebuilds); an <option>'s text is
    never typed: its copy of a name being typed is masked, its own words stay."""
    name, pickup = element("input", {"name": "naam"}), element("select", {"id": "afhaler"})
    s = session()
    s.send(snapshot(html_page(name, pickup, lang="nl")))
    events = []
    for value in ["Vardan Hovh", "Vardan Hovhannisyan"]:
        events += [input_event(name["id"], value),
                   mutation(adds=[add(pickup["id"], element("option", {}, [text("Kies een naam")])),
                                  add(pickup["id"], element("option", {}, [text(value)]))])]
    s.send(*events)
    shown = list(strings(s.stored))
    assert shown.count("Kies een naam") == 2, shown
    assert not [t for t in shown if "Vardan" in t or "Hovh" in t], shown


def test_a_name_being_typed_is_masked_where_the_page_draws_it_into_a_percent_encoded_data_url(session):
    """Held-out round 29: a lease form draws the signature typed into an SVG data: URL of an <img>, written by
    encodeURIComponent at every keystroke ('…%3EM.%20Ogu%3C%2Ftext…' while 'M. Ogu' is typed). No copy held the
    value as typed, so the half-typed name in its encoded form was stored in every URL but the batch's last."""
    def drawn(name: str) -> str:
        return "data:image/svg+xml," + quote(f'<svg xmlns="http://www.w3.org/2000/svg"><text>{name}</text></svg>',
                                             safe="-_.!~*'()")

    label = element("label", {"for": "sign"}, [text("Type your name to sign")])
    sign, picture = element("input", {"id": "sign", "name": "signature"}), element("img", {"id": "sig"})
    s = session()
    s.send(snapshot(html_page(label, sign, picture, lang="en")))
    events = []
    for value in ["M. O", "M. Og", "M. Ogu"]:
        events += [input_event(sign["id"], value),
                   mutation(attributes=[set_attributes(picture["id"], src=drawn(value))])]
    s.send(*events)
    urls = [t for t in strings(s.stored) if t.startswith("data:image/svg")]
    assert len(urls) == 3 and not any(" O" in unquote(url) for url in urls), urls


def test_a_value_being_typed_is_masked_where_the_page_writes_it_into_a_base64_data_url(session):
    """Held-out round 38: a dog declaration writes the owner's name and ID number as JSON, base64-encoded, into the
    receipt's download link at every keystroke ('{"detenteur":"Dubravk","oib":""}'). No copy held the value as
    typed, nor in an encoded form the copy passes knew, so the half-typed values were stored in every link but those
    the detector read as a name or a number."""
    def receipt(name: str, number: str) -> str:
        document = json.dumps({"detenteur": name, "oib": number}, ensure_ascii=False, separators=(",", ":"))
        return "data:application/json;base64," + base64.b64encode(document.encode()).decode()

    owner, oib = element("input", {"id": "nom", "name": "nom"}), element("input", {"id": "oib", "name": "oib"})
    link = element("a", {"id": "recepisse", "download": "recepisse.json", "href": "#"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "nom"}, [text("Nom et prénom")]), owner,
                              element("label", {"for": "oib"}, [text("OIB")]), oib, link, lang="fr")))
    events = []
    for value in ["Dubra", "Dubrav", "Dubravk", "Dubravka", "Dubravka H", "Dubravka Horvat"]:
        events += [input_event(owner["id"], value),
                   mutation(attributes=[set_attributes(link["id"], href=receipt(value, ""))])]
    s.send(*events)
    events = []
    for value in ["4816207", "48162073", "481620739", "4816207395", "48162073957"]:
        events += [input_event(oib["id"], value),
                   mutation(attributes=[set_attributes(link["id"], href=receipt("Dubravka Horvatinčić", value))])]
    s.send(*events)
    documents = [base64.b64decode(t.split(",", 1)[1]).decode() for t in strings(s.stored)
                 if t.startswith("data:application/json")]
    assert len(documents) == 11
    assert [d for d in documents if "Dubra" in d or "Horvat" in d or "48162" in d] == []


@pytest.mark.parametrize("question", ["p", "h3"])
def test_a_form_builders_question_in_a_paragraph_or_heading_names_the_field_after_it(session, question):
    """A form builder writes its question as a <p> or a heading just before the field (<p>Date of birth</p>
    <input type=date name=field_3>): the question is the field's label, so a birth date (which no content rule
    reads as one) is masked whole, and so is one after a question. A question that says nothing personal leaves its
    field readable, and a short sentence is no label: a message after "Mail us with questions" is free text."""
    birth, later = element("input", {"type": "date", "name": "field_3"}), element("input", {"type": "date"})
    travel, message = element("input", {"type": "date"}), element("textarea", {"name": "field_9"})
    s = session()
    s.send(snapshot(html_page(element("div", {}, [element(question, {}, [text("Date of birth")]), birth]),
                              element("div", {}, [element(question, {}, [text("Wanneer bent u geboren?")]), later]),
                              element("div", {}, [element(question, {}, [text("When do you plan to arrive with "
                                                                              "your group?")]), travel]),
                              element("div", {}, [element(question, {}, [text("Mail us with questions")]), message]))))
    s.send(input_event(birth["id"], "1981-06-23"), input_event(later["id"], "1981-06-23"),
           input_event(travel["id"], "2026-09-04"), input_event(message["id"], "Is parking free there? "))
    assert typed_values(s.stored, birth) == ["*" * 10] and typed_values(s.stored, later) == ["*" * 10]
    assert typed_values(s.stored, travel) == ["2026-09-04"]
    assert typed_values(s.stored, message) == ["Is parking free there? "]


def test_a_list_of_records_names_each_cell_by_its_columns_header(session):
    """An admin's member list: the <thead> says what each column holds, a cell's text is a surname or a birth date
    alone (in a <td>, or a <span> in it), masked whole for its column's header; a column whose header says nothing
    personal ("Plan") stays readable, and so does the header row itself."""
    head = element("thead", {}, [element("tr", {}, [element("th", {}, [text(words)]) for words in
                                                     ("Surname", "Date of birth", "Plan")])])
    surname, born, plan = text("Oyelaran"), text("04/11/1979"), text("Gold yearly")
    row = element("tr", {}, [element("td", {}, [surname]), element("td", {}, [element("span", {}, [born])]),
                             element("td", {}, [plan])])
    s = session()
    s.send(snapshot(html_page(element("table", {}, [head, element("tbody", {}, [row])]), lang="en")))
    stored = orjson.dumps(s.stored).decode()
    assert "Oyelaran" not in stored and "04/11" not in stored
    assert "Gold yearly" in stored and "Date of birth" in stored and "Surname" in stored


def test_an_account_page_draws_label_and_value_as_a_pair_of_blocks(session):
    """Account and booking pages draw what the visitor registered as pairs of blocks: a grid row's two columns
    (<div class=col-sm-4>Last name</div><div class=col-sm-8>…</div>), a <label> and a static control (<p
    class=form-control-static>), a heading and a paragraph in a card. The first says what the second holds, so it
    is masked whole (a surname, a birth date, a plate no detector reads). A block says so only when its text is
    label words alone and the two are a pair: a card's heading of more words, or a section's, keeps its text."""
    def pair(first: dict, value: str) -> tuple[dict, dict]:
        shown = text(value)
        return element("div", {"class": "row"}, [text("\n"), first, text("\n"),
                                                 element("div" if first["tagName"] != "h5" else "p",
                                                         {"class": "col-sm-8"}, [shown])]), shown
    rows = [pair(element("div", {"class": "col-sm-4"}, [text("Last name")]), "Abernethy-Quist"),
            pair(element("div", {"class": "col-4 text-muted"}, [text("Date of birth")]), "23.06.1981"),
            pair(element("label", {}, [text("Licence plate")]), "KX-482-PT"),
            pair(element("h5", {}, [text("Surname")]), "Quist-Abernethy"),
            pair(element("h5", {}, [text("Your e-mail address is safe with us")]), "We never share it")]
    s = session()
    s.send(meta(), snapshot(html_page(*(row for row, _ in rows), element("div", {}, [text("Name")]),
                                      element("p", {}, [text("Fill in your details below")]), lang="en")))
    stored = orjson.dumps(s.stored).decode()
    for value in ("Abernethy", "23.06", "KX-482", "Quist-"):
        assert value not in stored, value
    assert "We never share it" in stored and "Fill in your details below" in stored


def test_a_text_after_a_label_wrapping_its_field_is_the_sites_own(session):
    """Held-out round 7: a lease form tells the bank back in a <p> after the <label> that wraps the IBAN field. That
    label labels its own field only: the bank's name stays readable (the account's end, typed, is masked as an
    echo), and so does a section's text after a label wrapping another field."""
    iban = element("input", {"name": "iban_prelevement"})
    bank, told = element("p", {"aria-live": "polite"}), text("")
    s = session()
    s.send(meta(), snapshot(html_page(element("fieldset", {}, [
        element("label", {}, [text("RIB / IBAN pour le prélèvement du loyer "), iban]), bank,
        element("label", {}, [text("Nom de naissance "), element("input", {"name": "nom"})]),
        element("div", {}, [text("Pièces justificatives à joindre ensuite")])]), lang="fr")))
    s.send(input_event(iban["id"], "FR76 1558 9297 1804 8172 6359 040"),
           mutation(adds=[add(bank["id"], told)]),
           mutation(texts=[set_text(told["id"], "Crédit Mutuel de Bretagne — compte se terminant par 8172 6359 040")]))
    stored = orjson.dumps(s.stored).decode()
    assert "Crédit Mutuel de Bretagne — compte se terminant par " in stored and "8172 6359" not in stored
    assert "Pièces justificatives à joindre ensuite" in stored


def test_a_schedules_dates_under_a_card_expiry_word_stay_readable(session):
    """Held-out round 32: a payment plan's schedule heads its due dates "Vervaldatum", a card's expiry word. A
    column's header gives its cells only what is about a person (a name, a birth date, a plate, a national number, an
    e-mail, a phone, an address), never a site's dates, amounts or terms."""
    head = element("tr", {}, [element("th", {}, [text(words)]) for words in ("Termijn", "Vervaldatum", "Bedrag")])
    row = element("tr", {}, [element("td", {}, [text(cell)]) for cell in ("1", "28 februari", "€ 87,50")])
    s = session()
    s.send(meta(), snapshot(html_page(element("table", {}, [element("caption", {}, [text("Uw betalingsschema")]),
                                                            element("tbody", {}, [head, row])]), lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert "28 februari" in stored and "€ 87,50" in stored


def test_a_pick_stays_readable_beside_a_card_written_after_a_label_wrapping_a_field(session):
    """Held-out round 25: a scout camp's form writes each child's card in a <div> after the <label> wrapping her
    national number field, with the section picked in a <select> under a question. The label labels its field only:
    the card is no national number masked whole, whose words would have masked the pick everywhere it is shown."""
    section = element("select", {"name": "tak"}, [element("option", {}, [text(name)])
                                                  for name in ("Kapoenen (6–8 jaar)", "Welpen (8–11 jaar)")])
    number, card = element("input", {"class": "rrn"}), element("div", {"class": "kindkaart"})
    s = session()
    s.send(meta(), snapshot(html_page(element("div", {}, [element("p", {}, [text("In welke tak?")]), section]),
                                      element("div", {"class": "kind"}, [
                                          element("label", {}, [text("Rijksregisternummer "), number]), card]),
                                      lang="nl")))
    s.send(input_event(section["id"], "Welpen (8–11 jaar)"), input_event(number["id"], "17.05.12-304.83"),
           mutation(adds=[add(card["id"], text(" · Welpen (8–11 jaar)"))]))
    assert typed_values(s.stored, section) == ["Welpen (8–11 jaar)"]
    stored = list(strings(s.stored))  # the strings: a node id (8304) is no leak of the number
    assert " · Welpen (8–11 jaar)" in stored and not [t for t in stored if "304" in t], stored


@pytest.mark.xfail(strict=True, reason="left from review 24 F6: a date picker is a pop-up appended to <body> that "
                   "nothing the mirror reads links to its field (no aria-controls); tying it to the field needs the "
                   "session to remember which field has focus across batches, not built yet")
def test_a_date_pickers_days_opened_from_a_birth_date_field_are_masked(session):
    """A birth-date field with a calendar pop-up (flatpickr, jQuery UI): the visitor steps back to her birth year and
    picks the day, whose cell carries aria-label "June 23, 1981" before the field's value is set. The pop-up opened
    from a date-of-birth field shows that field's value: its day labels are masked as the field's value is."""
    field = element("input", {"type": "text", "name": "dob", "class": "flatpickr-input", "readonly": "readonly"})
    s = session()
    s.send(meta(), snapshot(html_page(element("label", {}, [text("Date of birth"), field]), lang="en")))
    body = next(n for n in nodes_by_id(s.stored).values() if n.get("tagName") == "body")
    s.send(click(field["id"]))
    days = [element("span", {"class": "flatpickr-day", "aria-label": f"June {day}, 1981"}, [text(str(day))])
            for day in (22, 23, 24)]
    calendar = element("div", {"class": "flatpickr-calendar open"}, [element("div", {"class": "dayContainer"}, days)])
    s.send(mutation(adds=[add(body["id"], calendar)]))
    s.send(mutation(attributes=[set_attributes(days[1]["id"], **{"class": "flatpickr-day selected"})]))
    s.send(input_event(field["id"], "23/06/1981"))
    assert "June 23, 1981" not in orjson.dumps(s.stored).decode()


@pytest.mark.parametrize("lang,box,value,planted", [
    ("nl", {"name": "reden_van_bezoek"}, "migraine en hartkloppingen sinds vorige week", "hartkloppingen"),
    ("fr", {"aria-label": "Motif"}, "suivi de grossesse, nausees fortes", "nausees"),
    ("de", {"name": "beschwerden"}, "Rueckenschmerzen seit dem Umzug", "Rueckenschmerzen"),
    ("en", {"aria-label": "Current medication"}, "metformin 500 twice daily", "metformin"),
])
def test_health_a_booking_asks_for_is_masked_whole(session, lang, box, value, planted):
    """Review 24 F8: the reason of a visit, a complaint, medication a doctor's or a physio's booking asks for
    (GDPR art. 9) is read by no detector: a field whose name or label says health holds it masked whole."""
    note = element("textarea", box)
    s = session()
    s.send(meta(), snapshot(html_page(note, lang=lang)))
    s.send(*typing(note["id"], value))
    assert planted not in orjson.dumps(s.stored).decode()


def test_health_shown_after_its_label_and_a_health_box_ticked_are_masked(session):
    """Review 24 F8: a booking's confirmation shows the reason after its label, behind an em dash ("… — Motif :
    entorse"), and a checkbox labelled with a health word has its ticked state stored: both are the visitor's
    health. A box labelled otherwise keeps its choice; an opening hours' range stays readable."""
    allergy = element("input", {"type": "checkbox", "id": "al"})
    news = element("input", {"type": "checkbox", "id": "nb", "checked": True})
    s = session()
    s.send(meta(), snapshot(html_page(
        element("p", {}, [text("Rendez-vous le 3/4 à 9h15 avec Dr Maes — Motif de la visite : entorse cheville gauche")]),
        element("p", {}, [text("Openingsuren: 9–18 uur — Adres: zie hieronder")]),
        element("div", {}, [allergy, element("label", {"for": "al"}, [text("Allergie aan penicilline")])]),
        element("div", {}, [news, element("label", {"for": "nb"}, [text("Stuur mij de nieuwsbrief")])]), lang="fr")))
    s.send(input_event(allergy["id"], "", checked=True), input_event(news["id"], "", checked=True))
    stored = orjson.dumps(s.stored).decode()
    assert "entorse" not in stored and "Openingsuren: 9–18 uur" in stored
    ticked = {e["data"]["id"]: e["data"]["isChecked"] for e in s.stored if e["type"] == 3 and e["data"].get("source") == 5}
    assert ticked == {allergy["id"]: False, news["id"]: True}
    assert nodes_by_id(s.stored)[news["id"]]["attributes"]["checked"] is True


@pytest.mark.parametrize("lang,label,value,planted", [
    ("fr", "Problèmes de santé connus", "migraines chroniques", "migraines"),
    ("nl", "Blessures of letsels van het afgelopen jaar", "hamstring verrekt in maart", "hamstring"),
    ("fr", "Traitement en cours", "Xelodrin 20 mg le soir", "Xelodrin"),
    ("de", "Verletzungen", "Bänderriss links", "Bänderriss"),
])
def test_health_under_a_general_label_is_masked_whole(session, lang, label, value, planted):
    """Review 25 F3: a sports club's, a camp's or a physio's form asks for health in general words (santé, blessures,
    letsels, a treatment in progress) the booking words did not list: the typed answer is the visitor's health."""
    note = element("textarea", {"name": "q_4"})
    s = session()
    s.send(meta(), snapshot(html_page(element("label", {}, [text(label), note]), lang=lang)))
    s.send(*typing(note["id"], value))
    assert planted not in orjson.dumps(s.stored).decode()


def test_a_ticked_special_category_box_is_masked_and_the_sites_own_words_stay(session):
    """Review 25 F3, F9: a box naming a condition or a disability ("Asthmatique", "Rolstoelgebruiker": "gebruiker" is a
    user name's word, a box holds none), a meal's religion ("Kosher", "Sans porc") or a union's membership ("Lid van een
    vakbond") has its ticked state stored in clear: GDPR art. 9 data. Only the visitor's pick is masked: the labels,
    a menu's "Halal" in the page's text and a box labelled otherwise ("Cacher mon profil": French "to hide", not
    "casher"; "Healthy recipes") stay as they were."""
    labels = ["Asthmatique", "Rolstoelgebruiker", "Kosher maaltijd", "Sans porc", "Lid van een vakbond",
              "Ik heb een beperking", "Stuur mij de nieuwsbrief", "Cacher mon profil", "Healthy recipes weekly"]
    boxes = [element("input", {"type": "checkbox", "name": f"opt{i}"}) for i in range(len(labels))]
    s = session()
    s.send(meta(), snapshot(html_page(
        element("p", {}, [text("Halal : tous nos plats de viande sont certifiés")]),
        *(element("label", {}, [box, text(label)]) for box, label in zip(boxes, labels)), lang="fr")))
    s.send(*(input_event(box["id"], "on", checked=True) for box in boxes))
    ticked = {e["data"]["id"]: e["data"]["isChecked"] for e in s.stored if e["type"] == 3 and e["data"].get("source") == 5}
    assert ticked == {**{box["id"]: False for box in boxes[:-3]}, **{box["id"]: True for box in boxes[-3:]}}
    stored = list(strings(s.stored))
    assert "Halal : tous nos plats de viande sont certifiés" in stored
    assert all(label in stored for label in labels), stored


def test_a_shops_return_reason_is_no_health(session):
    """Held-out round 9: a returns form's "Reden van retour" select had every option masked once "reden" alone was a
    health word; alone ("Reden", "Motif") it is a booking's, in a longer label it says what the reason is for."""
    reason = element("select", {"id": "why", "name": "reason"},
                     [element("option", {}, [text(o)]) for o in ("Beschadigd geleverd", "Verkeerde maat")])
    s = session()
    s.send(meta(), snapshot(html_page(element("label", {"for": "why"}, [text("Reden van retour")]), reason, lang="nl")))
    s.send(input_event(reason["id"], "Verkeerde maat"))
    stored = list(strings(s.stored))
    assert "Beschadigd geleverd" in stored and "Verkeerde maat" in typed_values(s.stored, reason), stored


@pytest.mark.parametrize("lang,label,options,picked", [
    ("fr", "Accessibilité", ["Aucune", "Béquilles", "Fauteuil roulant"], 2),
    ("nl", "Vervoer", ["Eigen wagen", "Rolstoel nodig"], 1),
    ("nl", "Aangesloten bij", ["Partena", "Solidaris"], 1),
    ("fr", "Menu du banquet", ["Classique", "Végétarien", "Sans porc"], 2),
])
def test_a_pick_naming_a_special_category_is_masked_and_the_option_list_stays(session, lang, label, options, picked):
    """Review 27 F6: a <select> whose chosen option names a condition, a disability or a belief ("Fauteuil roulant",
    a pillar's sick fund, a meal's "Sans porc") under a label that says none: the option's text says what the pick
    is, so the visitor's pick (its Input event, the select's value in a later snapshot) is masked whatever it is,
    and the site's list of options stays readable."""
    choice = element("select", {"id": "s9", "name": "field_9"},
                     [element("option", {"value": f"o{i}"}, [text(o)]) for i, o in enumerate(options)])
    s = session()
    s.send(meta(), snapshot(html_page(element("label", {"for": "s9"}, [text(label)]), choice, lang=lang)))
    s.send(input_event(choice["id"], f"o{picked}"), input_event(choice["id"], "o0"))
    assert typed_values(s.stored, choice) == ["**", "**"]
    choice["attributes"]["value"] = f"o{picked}"  # the page reloaded with the pick made
    s.send(meta(), snapshot(html_page(element("label", {"for": "s9"}, [text(label)]), choice, lang=lang)))
    assert nodes_by_id(s.stored[-1:])[choice["id"]]["attributes"]["value"] == "**"
    stored = list(strings(s.stored))
    assert all(o in stored for o in options) and label in stored, stored


def test_a_pick_among_ordinary_options_stays(session):
    """Review 27 F6's control: a select whose options name nothing of the visitor keeps its pick."""
    size = element("select", {"id": "s8", "name": "size"}, [element("option", {"value": v}, [text(v)]) for v in ("S", "M")])
    s = session()
    s.send(meta(), snapshot(html_page(element("label", {"for": "s8"}, [text("Maat")]), size, lang="nl")))
    s.send(input_event(size["id"], "M"))
    assert typed_values(s.stored, size) == ["M"]


def test_a_file_name_an_upload_widget_shows_is_masked_and_the_sites_documents_stay(session):
    """Review 27 F11: the name of the file the visitor picked, as an upload widget shows it (Gravity Forms'
    gfield_fileupload_filename, a file-name span beside the file input), was kept when no detector read a name in it
    ("Loonfiche Wouters.pdf": a document's word and a lone surname). A file's name in such a widget is masked whole;
    the widget's own words and the site's documents elsewhere stay."""
    picker = element("input", {"type": "file", "name": "bijlage"})
    s = session()
    s.send(meta(), snapshot(html_page(
        element("div", {"class": "ginput_preview"}, [element("span", {"class": "gfield_fileupload_filename"},
                                                             [text("Loonfiche Wouters.pdf")])]),
        element("label", {"class": "file"}, [picker, element("span", {"class": "file-cta"}, [text("Kies een bestand")]),
                                             element("span", {}, [text("identiteitskaart_vandamme.jpg")])]),
        element("ul", {"class": "downloads"}, [element("li", {}, [element("a", {"href": "/vw.pdf"},
                                                                          [text("Algemene voorwaarden.pdf")])])]),
        lang="nl")))
    stored = orjson.dumps(s.stored).decode()
    assert "Wouters" not in stored and "vandamme" not in stored
    assert "Kies een bestand" in stored and "Algemene voorwaarden.pdf" in stored


def test_a_plate_under_a_parameter_naming_it_is_masked_in_the_page_address(session):
    """Review 24 F10: a garage's booking page carries the plate in its address ("?plaat=…", "?immat=…"), which no
    parameter's name said; as the whole of a parameter's name a plate's short word says it."""
    s = session()
    s.send(meta("https://garage.example/rdv?immat=kl937r&lang=fr"), snapshot(html_page(element("p", {}, [text("x")]))))
    stored = orjson.dumps(s.stored).decode()
    assert "kl937r" not in stored and "lang=fr" in stored


def _network_post(url: str, body: str) -> dict:
    """rrweb's network plugin's event of one POST with its body."""
    return {"type": 6, "data": {"plugin": "rrweb/network@1", "payload": {"requests": [
        {"name": url, "method": "POST", "status": 200, "initiatorType": "fetch", "requestBody": body}]}},
        "timestamp": 1700000000500}


def test_values_under_a_form_builders_numbered_fields_are_masked_whole(session):
    """Review 24 F11: form builders number their fields (a form_submitted event's {field_N}, Gravity Forms'
    input_N, {"fields": {"N": …}}): no key said what the value was, so a surname or a birth date was read alone and
    kept. A numbered field's value is masked whole; a key saying something else (gform_submit, page) keeps its value."""
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]))),
           custom("form_submitted", {"field_4": "Wuyts", "question_2": "03/11/1979", "page": "contact",
                                     "fields": {"7": "Kapelsestraat"}}),
           _network_post("https://vzw.example/wp-admin/admin-ajax.php",
                         "input_5=Goossens&input_6.3=Mirte&gform_submit=4"))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("Wuyts", "03/11/1979", "Kapelsestraat", "Goossens", "Mirte"):
        assert planted not in stored, planted
    assert '"page":"contact"' in stored and "gform_submit=4" in stored


def test_a_health_state_said_in_a_payloads_remark_is_masked(detector):
    """Review 29 F1: a state of health or a belief was read only in a value typed in a field; the same sentence posted
    by the form ({"opmerking": …} in a request's body) or sent in a widget's event ({"message": …}) was stored. Under
    the keys that hold what a visitor wrote it is read as in a textarea; the rest of the payload stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="nl")),
           custom("afspraak", {"dienst": "Massage", "message": "ik heb fibromyalgie, graag zacht aub"}),
           _network_post("https://kine.example/api/boekingen",
                         '{"tijdslot": "2026-03-02T09:00", "opmerking": "Mijn man heeft parkinson, hij komt mee"}'))
    stored = orjson.dumps(s.stored).decode()
    assert "fibromyalgie" not in stored and "parkinson" not in stored, stored
    assert "Massage" in stored and "ik heb " in stored and "2026-03-02T09:00" in stored and "Mijn man heeft " in stored


@pytest.mark.xfail(strict=True, reason="review 29 F1, left open: page text is the site's and is never read for a "
                   "statement of health (a pharmacy's FAQ 'Ik ben zwanger. Mag ik…'); a remark shown back under an "
                   "'Opmerking' label (<dt>/<dd>) would need a label meaning that reads its value as a visitor's text")
def test_a_health_state_shown_back_under_a_remarks_label_is_masked(session):
    s = session()
    s.send(meta(), snapshot(html_page(element("dl", {}, [element("dt", {}, [text("Opmerking")]), element(
        "dd", {}, [text("Ik heb astma, graag een plek bij het raam")])]), lang="nl")))
    assert "astma" not in orjson.dumps(s.stored).decode()


@pytest.mark.xfail(strict=True, reason="a JSON body inside a string is read pair by pair (content.written_pairs): a "
                                       "number alone as a key there has no parent key to say it is a form's field")
def test_values_under_numbered_keys_in_a_json_string_body_are_masked(session):
    s = session()
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]))),
           _network_post("https://vzw.example/wp-admin/admin-ajax.php", '{"wpforms":{"fields":{"2":"Goossens"}}}'))
    assert "Goossens" not in orjson.dumps(s.stored).decode()


def _typed_then_written_into_structure(session, field: dict, typed: str, attribute: str, before: str,
                                      after: str) -> tuple[str, str]:
    """A value typed into the field, then written by the page into an element's structural attribute (a class, an
    id): what is stored of the attribute as written, and of it in the snapshot before."""
    element_ = element("section", {attribute: before}, [text("Samenvatting")])
    s = session()
    s.send(snapshot(html_page(field, element_)), *typing(field["id"], typed))
    s.send(mutation(attributes=[set_attributes(element_["id"], attrs={attribute: after})]))
    return s.stored[-1]["data"]["attributes"][0]["attributes"][attribute], find(s.stored, element_["id"])["attributes"][
        attribute]


def test_a_class_slugged_from_a_typed_name_is_masked(session):
    """A police report's summary card is classed after the person reporting, for its print style: "kaart
    aangever-senait-tesfamariam" after the prefix no list of person prefixes holds. Classes are structure, kept and
    never scanned, but the taint pass reads them as it reads ids: the typed name in one is masked, the card's own
    class and the slug's prefix stay (the CSS's: only the value is masked, not the handle around it)."""
    name = element("input", {"name": "naam", "autocomplete": "name"})
    stored, before = _typed_then_written_into_structure(session, name, "Senait Tesfamariam", "class", "kaart",
                                                        "kaart aangever-senait-tesfamariam")
    assert "senait" not in stored and "tesfam" not in stored and stored.startswith("kaart aangever-")
    assert before == "kaart"


def test_a_mobile_typed_with_its_country_code_is_masked_in_its_national_form(session):
    """A police report's call-back button gets an id holding the mobile typed "0031628471593" in its national form,
    "terugbel-0628471593", at every keystroke: the national form of each prefix is no run of the typed value's
    words, and seven digits ("terugbel-0628471") show no number's shape. The taint holds the national form of a
    phone typed with its country code too (the id's token is masked whole, as a handle is); the button's own id stays
    before it."""
    mobile = element("input", {"name": "mobiel", "type": "tel"})
    stored, before = _typed_then_written_into_structure(session, mobile, "0031628471", "id", "terugbellen",
                                                        "terugbel-0628471")
    assert "628471" not in stored and "284" not in stored and before == "terugbellen"


def test_a_typed_value_echoed_with_json_escapes_is_masked(session):
    """A page keeps a draft of its form as JSON in ASCII in a <pre>: the family name typed "Verbeëk" is shown
    "Verbe\\u00ebk". The taint reads an escape as the character it writes, and masks the whole escape."""
    family = element("input", {"name": "achternaam", "autocomplete": "family-name"})
    draft = element("pre", {}, [text("{}")])
    s = session()
    s.send(snapshot(html_page(family, draft)), *typing(family["id"], "Verbeëk"))
    s.send(mutation(texts=[set_text(draft["childNodes"][0]["id"], '{\n "achternaam": "Verbe\\u00ebk"\n}')]))
    shown = s.stored[-1]["data"]["texts"][0]["value"]
    assert "Verbe" not in shown and "00eb" not in shown and shown.startswith('{\n "achternaam": "')


def test_a_person_listed_surname_first_in_a_list_item_or_a_table_cell_is_masked(session):
    """Review 27 F10: a club's member list and a school's register name people surname first ("Lambrechts Fien" in a
    select2 result, "Moreau Chloé" in a <td>): stored, where "Fien Lambrechts" was masked. A list item's or a table
    cell's whole text of a surname and a given name is a person; a product or a shop the list names stays readable."""
    names = ("Lambrechts Fien", "Moreau Chloé", "Van den Bossche Wout")
    kept = ("Boulangerie Louise", "Collectie Zomer", "Vaas Emma blauw", "Renault Zoe", "Toyota Yaris")
    results = element("ul", {"class": "select2-results__options", "role": "listbox"},
                      [element("li", {"role": "option"}, [text(t)]) for t in (*names[:1], *kept)])
    register = element("table", {}, [element("tr", {}, [element("td", {}, [text(t)])]) for t in names[1:]])
    s = session()
    s.send(meta(), snapshot(html_page(results, register, lang="fr")))
    stored = list(strings(s.stored))
    assert not [t for t in stored if any(name in t for name in names)], stored
    for t in kept:
        assert t in stored, t


@pytest.mark.parametrize("first, second, secrets, reload", [
    ("Uw afspraak staat op naam van Wietse ", "Bogaerts.", ["Bogaerts"], False),
    ("On vous rappelle au 0493 27 ", "81 64 demain.", ["0493 27", "81 64"], True),  # the state saved between them
    ("Terugbetaling naar BE71 0961 ", "2345 6769.", ["0961", "2345 6769"], False),
    ("Adresse : Vijverstraat ", "14, 3000 Leuven", ["Vijverstraat", "14,"], True),
])
def test_a_line_streamed_piece_by_piece_over_two_batches_is_masked_across_the_cut(session, first, second, secrets,
                                                                                  reload):
    """Review 28 F5: a chat widget streams its reply, a text node per piece, and the batch may end between two pieces:
    the mirror keeps no text, so the next batch read the piece after the cut alone (a surname, a phone's or an
    account's last groups, a street's number). A piece appended at the end of its element that ends with a space after
    a masked value or a value's start has that start masked and is flagged (LINE_OPEN, saved as a flag, never the
    text); the next piece's leading name- or number-shaped words are masked."""
    box = element("div", {"class": "assistant-reply", "aria-live": "polite"})
    s = session()
    s.send(meta(), snapshot(html_page(box, lang="nl")))
    a, b = text(first), text(second)
    s.send(mutation(adds=[add(box["id"], a)]))
    if reload:
        s.mirror = DomMirror.load(s.mirror.dump())
    s.send(mutation(adds=[add(box["id"], b)]))
    stored = "\n".join(strings(s.stored))
    assert not [secret for secret in secrets if secret in stored], stored
    # (a flag, never the text; its strings only: a node's id, 11484, holds "14" of a house number)
    saved = "\n".join(strings(orjson.loads(orjson.dumps(s.mirror.dump()))))
    assert not [secret for secret in secrets if secret.strip(",") in saved], saved


def test_the_next_piece_of_a_streamed_line_that_ended_in_no_value_stays_readable(session):
    box = element("div", {"class": "assistant-reply", "aria-live": "polite"})
    s = session()
    s.send(meta(), snapshot(html_page(box, lang="nl")))
    s.send(mutation(adds=[add(box["id"], text("Bedankt voor uw bericht. "))]))
    s.send(mutation(adds=[add(box["id"], text("We antwoorden binnen 2 werkdagen."))]))
    stored = list(strings(s.stored))
    assert "Bedankt voor uw bericht. " in stored and "We antwoorden binnen 2 werkdagen." in stored, stored


def test_a_menus_classic_dishes_named_after_people_stay_readable(session):
    """Review 28 O1: a restaurant's menu names classic dishes after people or characters ("Dame Blanche" on every
    Belgian menu, "Pêche Melba"): read as a given name after a title or a surname, they were masked in their cell and,
    tainted, everywhere after. A dish's words whole are the site's; a person on the same menu is still masked."""
    dishes = ("Poire Belle Hélène", "Crêpes Suzette", "Croque Madame", "Dame Noire")
    menu = element("table", {"class": "carte"}, [element("tr", {}, [element("td", {}, [text(t)]),
                                                                     element("td", {}, [text("8,00 €")])])
                                                  for t in dishes])
    people = element("ul", {}, [element("li", {}, [text("Dubois Margaux")])])
    s = session()
    s.send(meta(), snapshot(html_page(menu, element("p", {}, [text("Nos desserts : Poire Belle Hélène, Dame Noire.")]),
                                      people, lang="fr")))
    stored = list(strings(s.stored))
    for t in dishes:
        assert t in stored, (t, stored)
    assert "Nos desserts : Poire Belle Hélène, Dame Noire." in stored, stored
    assert not [t for t in stored if "Dubois" in t], stored


@pytest.mark.xfail(strict=True, reason="'An', a common Flemish given name, is an English function word the name list "
                   "leaves out: a list entry 'Peeters An' or 'An Peeters' says no given name without a surname list")
def test_a_listed_person_whose_given_name_is_a_function_word_is_masked(session):
    entry = element("ul", {}, [element("li", {}, [text("Wouters An")])])
    s = session()
    s.send(meta(), snapshot(html_page(entry, lang="nl")))
    assert "Wouters An" not in list(strings(s.stored))


@pytest.mark.parametrize("box, value, said, kept", [
    (("textarea", {"name": "bericht"}), "Hallo, ik ben 14 weken zwanger, is de les op dinsdag geschikt?", "zwanger",
     "is de les op dinsdag"),
    (("textarea", {"name": "message"}), "Bonjour, mon fils a de l'asthme. Il fera les exercices calmement", "asthme",
     "Il fera les exercices"),
    (("textarea", {"name": "remarks"}), "Voor het buffet: ik ben joods, graag zonder varkensvlees", "joods",
     "graag zonder"),
    (("input", {"name": "opmerking"}), "mijn zoon heeft epilepsie, let op bij het zwemmen", "epilepsie",
     "let op bij het"),
    (("textarea", {"name": "not"}), "Merhaba, kalp hastasıyım. Teşekkürler", "kalp", "Merhaba, ")])
def test_a_health_state_or_a_belief_said_of_oneself_in_a_message_is_masked(session, box, value, said, kept):
    """Review 27 F4: a pregnancy, an illness or a belief a visitor writes of herself or her own in a contact form's
    message (GDPR art. 9 data) was stored: health and belief words were a field's meaning only, no rule read them in
    free text. The statement's word is masked with its clause; the rest of the message stays readable."""
    field = element(box[0], dict(box[1]))
    s = session()
    s.send(snapshot(html_page(field, lang="nl")))
    s.send(*typing(field["id"], value))
    last = typed_values(s.stored, field)[-1]
    assert said not in orjson.dumps(s.stored).decode() and kept in last, last


def assert_said_masked_and_the_rest_kept(session, lang: str, value: str, said: list[str], kept: str) -> None:
    """A visitor types value in a remark's box on a page in lang: none of said is stored, kept stays in its last value."""
    field = element("textarea", {"name": "remark"})
    s = session()
    s.send(snapshot(html_page(field, lang=lang)))
    s.send(*typing(field["id"], value))
    stored, last = orjson.dumps(s.stored).decode(), typed_values(s.stored, field)[-1]
    assert not [word for word in said if word in stored] and kept in last, last


def assert_the_sites_lines_and_a_remark_stay(session, site: list[str], remark: list[str]) -> None:
    """A page shows site's lines and a visitor types remark's sentences in its box, the last "Bitte um Rückruf": every
    line is stored, and the remark up to its last word (the last word rule's)."""
    note = element("textarea", {"name": "bemerkung"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="de")))
    value = " ".join(remark)
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" Rückruf")])


@pytest.mark.parametrize("value, said, kept", [
    ("Moien, ech hunn Epilepsie, ass de Cours fir mech?", ["Epilepsie"], "Moien, ech hunn "),
    ("Ech sinn HIV-positiv, ass dat e Problem beim Bluttspenden?", ["HIV"], "ass dat e Problem"),
    ("Ech huelen Insulin, kann ech e Frigo am Zëmmer hunn?", ["Insulin"], "kann ech e Frigo"),
    ("Gudde Moien, mäi Brudder huet Kriibs, mir kommen zu zwee", ["Kriibs"], "mäi Brudder huet "),
    ("Ech wunnen an der Bréckstrooss 12 zu Mamer, d'Paket kann virun d'Dier", ["Bréckstrooss", "Mamer"],
     "d'Paket kann virun"),
    ("Mir wunnen zu Biwer an der Gaass 4, d'Paket kann virun d'Dier", ["Biwer", "Gaass"], "d'Paket kann virun")])
def test_a_health_state_or_a_home_said_in_luxembourgish_is_masked(session, value, said, kept):
    """Review 28 F7: a state of health or where one lives said in Luxembourgish ("Ech hunn …", "mäi Brudder huet …",
    "Ech wunnen an der …") was stored, where the German sentence was masked: the first person's words and the
    residence phrases had no Luxembourgish. A town before its street and house number ("zu Biwer an der Gaass 4")
    is read in every language: four words may come before the number."""
    assert_said_masked_and_the_rest_kept(session, "fr", value, said, kept)


@pytest.mark.parametrize("value, said, kept", [
    ("Dzień dobry, urodziłem się 04.09.1979 w Łodzi, czy to wystarczy?", ["04.09.1979"], "czy to wystarczy?"),
    ("Dzień dobry, jestem w ciąży, czy mogę ćwiczyć?", ["ciąży"], "czy mogę ćwiczyć?"),
    ("Moja córka ma padaczkę, proszę uważać na basenie", ["padaczk"], "Moja córka ma "),
    ("Bună ziua, sunt însărcinată, pot participa la curs?", ["însărcinată"], "pot participa la curs?"),
    ("Soția mea are diabet, vă rog meniu fără zahăr", ["diabet"], "vă rog meniu"),
    ("Mieszkam przy ul. Kwiatowa 18 w Opolu, paczka pod drzwi", ["Kwiatowa", "Opolu"], "paczka pod"),
    ("Locuiesc pe str. Teilor 9 în Brașov, coletul la ușă", ["Teilor", "Brașov"], "coletul la")])
def test_a_birth_a_health_state_or_a_home_said_in_polish_or_romanian_is_masked(session, value, said, kept):
    """Review 28 F12: Polish and Romanian visitors writing in their own language in a free-text box: a birth date said
    of oneself ("urodziłem się …"), a pregnancy or an illness ("jestem w ciąży", "sunt însărcinată"), where one lives
    ("Mieszkam przy ul. …", "Locuiesc pe str. …") were stored; the phrase lists had no Polish or Romanian."""
    assert_said_masked_and_the_rest_kept(session, "nl", value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Goedendag, onze dochter heeft diabetes, mag ze snoep mee? Bedankt alvast", ["diabetes"], "Bedankt"),
    ("fr", "Bonjour, notre fille est épileptique, elle nage bien. Merci bien", ["épileptique"],
     "Merci"),
    ("en", "Hello, our daughter is deaf, so please text us. Thanks a lot", ["deaf"], "Thanks a"),
    ("de", "Guten Tag, unsere Tochter hat Asthma. Danke sehr", ["Asthma"], "Danke"),
    ("nl", "Wij zijn moslim, graag halal. Tot zaterdag", ["moslim"], "graag halal. Tot"),
    ("nl", "Hallo. Mila heeft diabetes, ze heeft snoep nodig. Tot zaterdag", ["diabetes"], "ze heeft snoep nodig. Tot")])
def test_a_health_state_said_of_ones_family_or_of_a_child_by_name_is_masked(session, lang, value, said, kept):
    """Review 29 F2: said_self held the first person singular only, so "Onze zoon heeft autisme", "Notre fils est
    autiste", "Our son has epilepsy" were stored where "Mijn zoon heeft autisme" was masked, and so was a child named
    by a given name as the sentence's subject ("Lotte heeft epilepsie")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Notre fille est suivie à l'hôpital Avicenne pour un diabète insulinodépendant, nous cherchons donc un "
     "logement proche", ["diabète", "insulinodépendant"], "nous cherchons donc un"),
    ("fr", "Mon mari est soigné depuis deux ans à Bordet pour un cancer du côlon. Merci bien", ["cancer"], "Merci"),
    ("nl", "Mijn zoon wordt in het UZ Gent behandeld voor epilepsie, dus een benedenverdieping graag", ["epilepsie"],
     "dus een benedenverdieping"),
    ("de", "Unsere Tochter ist seit 2020 in Behandlung wegen Diabetes. Danke sehr", ["Diabetes"], "Danke"),
    ("en", "Our son was diagnosed last year with autism, so a quiet flat please", ["autism"], "so a quiet flat")])
def test_a_health_state_said_after_a_word_of_treatment_far_from_the_person_is_masked(session, lang, value, said, kept):
    """Round 41: a housing-aid claim's message, "Notre fille est suivie à l'hôpital Avicenne pour un diabète
    insulinodépendant", was stored: the illness stood nine words after "Notre", and a state of health is read four
    words at most after the first person's. A word saying the person is treated, followed or diagnosed (said_care)
    says the illness after it is theirs, further into the clause; the rest of the message stays readable."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value", [
    ("fr", "Mon dossier est suivi par le service des allocations depuis mars, je joins la quittance"),
    ("fr", "Ma demande est traitée par la pharmacie du quartier pour la livraison"),
    ("nl", "Mijn aanvraag wordt behandeld door de dienst huisvesting van de stad")])
def test_a_word_of_treatment_without_a_state_of_health_keeps_the_message(session, lang, value):
    """A file followed or a request treated, with no state of health after the word, says nothing of anyone's health
    (the word typed last stays masked while it could still become more: batch boundaries)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, [], value.rsplit(" ", 1)[0])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Dag, mijn vrouw heeft longkanker gehad, mag ze meedoen?", ["longkanker"], "mag ze meedoen?"),
    ("nl", "ik heb een eetstoornis, kan ik toch starten?", ["eetstoornis"], "kan ik toch starten?"),
    ("nl", "Hoi, ik heb een nierziekte; graag een rustige les", ["nierziekte"], "graag een rustige"),
    ("de", "Hallo, ich habe Darmkrebs gehabt. Geht das Training?", ["Darmkrebs"], "Geht das Training?"),
    ("fr", "Bonjour, j'ai fait une fausse-couche en mai. Merci de votre aide", ["fausse-couche"], "Merci de votre"),
    ("nl", "Goedemorgen, ik heb artrose in mijn knie. Groetjes en tot dinsdag", ["artrose"], "Groetjes en tot"),
    ("fr", "Salut, je prends des antidépresseurs. Est-ce grave ?", ["antidépresseurs"], "Est-ce grave ?"),
    ("en", "Hi, I have a pacemaker. Is the sauna fine?", ["pacemaker"], "Is the sauna fine?")])
def test_a_compound_illness_or_a_condition_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 29 F3: Dutch and German write an illness of an organ or a mind as one word ("longkanker", "eetstoornis",
    "Darmkrebs"), which said_health's whole words did not read, and a miscarriage, arthrosis, antidepressants or a
    pacemaker were in no list: the statement was stored. A compound's ending (said_health_endings) says the illness."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_compound_ending_alone_or_inside_another_word_stays(session):
    """The endings read only a compound that ends with them: "ziekte" alone (a passing illness) and words that hold one
    inside ("ziekteverzekering", "kankeronderzoek") stay readable."""
    assert_said_masked_and_the_rest_kept(session, "nl", "ik heb ziekte gemeld en mijn ziekteverzekering en kankeronderzoek gebeld, tot dan", [],
                                         "ik heb ziekte gemeld en mijn ziekteverzekering en kankeronderzoek gebeld, tot")


@pytest.mark.parametrize("lang, value, said, kept", [
    ("de", "Ich bin seit 2019 schwerbehindert (GdB 70). Danke sehr", ["schwerbehindert", "GdB 70"], "Danke "),
    ("de", "Ich habe einen Schwerbehindertenausweis mit Merkzeichen aG. Danke sehr", ["Schwerbehindertenausweis"],
     "Danke "),
    ("de", "Meine Mutter hat Pflegegrad 3 und braucht Hilfe. Danke sehr", ["Pflegegrad"], "Danke "),
    ("de", "Ich bin querschnittsgelähmt. Danke sehr", ["gelähmt"], "Danke "),
    ("fr", "J'ai une carte d'invalidité à 80 %. Merci d'avance", ["invalidité", "à 80"], "Merci "),
    ("fr", "Ma mère est classée GIR 2 et a besoin d'aide. Merci d'avance", ["classée", "GIR"], "Merci "),
    ("fr", "Je suis paraplégique, prévoir l'accès. Merci d'avance", ["paraplégique"], "prévoir l'accès."),
    ("nl", "Ik ben sinds 2022 arbeidsongeschikt na een ongeval. Alvast bedankt", ["arbeidsongeschikt"],
     "Alvast "),
    ("nl", "Ik draag een cochleair implantaat. Alvast bedankt", ["cochleair", "implantaat"], "Alvast "),
    # of the same class: another compound and its adjective's ending, a grade said with no person, a French paralysis
    ("de", "Mein Sohn ist sehbehindert, bitte große Schrift. Danke sehr", ["sehbehindert"], "bitte große Schrift."),
    ("de", "Wir sind beide schwerbehinderte Rentner, gibt es Rabatt? Danke", ["schwerbehinderte"], "gibt es Rabatt?"),
    ("de", "Hallo, Pflegestufe 2 seit Mai, gibt es Zuschüsse? Danke sehr", ["Pflegestufe"], "gibt es Zuschüsse?"),
    ("fr", "Mon mari est tétraplégique depuis 2020, il vient en fauteuil. Merci bien", ["tétraplégique"],
     "il vient en"),
    ("nl", "Mijn vader heeft een handicap, is er een lift? Groeten", ["handicap"], "is er een lift?")])
def test_a_disability_or_a_care_dependency_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 32 F3: a disability or a care dependency and its official grade or card ("schwerbehindert (GdB 70)",
    "Schwerbehindertenausweis", "Pflegegrad 3", "querschnittsgelähmt", "carte d'invalidité à 80 %", "classée GIR 2",
    "paraplégique", "arbeidsongeschikt", "cochleair implantaat") was stored in a remark's keystrokes and final value:
    said_health held "behindert" as a word, not as a compound's ending, and no grade nor invalidity word. A
    disability's compound is read by its ending (said_health_endings, with its adjective's ending: "schwerbehinderte"),
    a grade with its number wherever a visitor writes it, with the word before it (said_care_grade: "classée GIR 2")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ben in behandeling bij een psychiater. Alvast bedankt", ["psychiater"], "Alvast "),
    ("fr", "Je suis suivie par un psychiatre pour mes angoisses. Merci d'avance", ["psychiatre"], "Merci "),
    ("de", "Ich bin in psychotherapeutischer Behandlung. Danke sehr", ["psychotherapeutischer"], "Danke "),
    ("nl", "Ik heb last van paniekaanvallen. Alvast bedankt", ["paniekaanvallen"], "Alvast "),
    ("fr", "J'ai eu des idées suicidaires l'an dernier. Merci d'avance", ["suicidaires"], "Merci "),
    ("nl", "Mijn dochter heeft een borderline persoonlijkheid. Alvast bedankt", ["borderline"], "Alvast "),
    ("fr", "Je suis en hôpital psychiatrique jusqu'au 12. Merci d'avance", ["hôpital", "psychiatrique"],
     "Merci "),
    # of the same class: panic attacks in German, a psychiatrist in English, a ward, a psychotherapy
    ("de", "Ich habe Panikattacken im Aufzug, gibt es eine Treppe? Danke", ["Panikattacken"], "gibt es eine Treppe?"),
    ("en", "I see a psychiatrist every week, can I move my slot? Thanks", ["psychiatrist"], "can I move my slot?"),
    ("nl", "Mijn zoon zit in de psychiatrie, kan hij later komen? Groeten", ["psychiatrie"], "kan hij later komen?"),
    ("fr", "Je suis suivi en psychothérapie depuis 2023, merci bien", ["psychothérapie"], "merci ")])
def test_mental_health_said_by_its_care_or_its_symptoms_is_masked(session, lang, value, said, kept):
    """Review 32 F4: mental health said by its care or its symptoms rather than a listed diagnosis ("in behandeling
    bij een psychiater", "suivie par un psychiatre", "in psychotherapeutischer Behandlung", "paniekaanvallen", "idées
    suicidaires", "borderline persoonlijkheid", "hôpital psychiatrique") was stored: said_health held no word of
    psychiatry, psychotherapy, panic or suicide. They are read as the other states of health are, said of oneself or
    one's own only: a clinic's "Consultation de psychiatrie" is its own text."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "J'ai fait une IVG le mois dernier, rdv de contrôle svp. Merci d'avance", ["IVG"], "rdv de contrôle"),
    ("fr", "J'ai eu une interruption de grossesse en mars. Merci d'avance", ["interruption", "grossesse"],
     "Merci "),
    ("nl", "Ik heb vorige week een abortus gehad. Alvast bedankt", ["abortus"], "Alvast "),
    ("de", "Ich hatte letzte Woche einen Schwangerschaftsabbruch. Danke sehr", ["Schwangerschaftsabbruch"],
     "Danke "),
    # of the same class: the verb, the German word, the full French name
    ("fr", "J'ai avorté en janvier, puis-je reprendre le sport ? Merci", ["avorté"], "puis-je reprendre"),
    ("de", "Meine Freundin hatte eine Abtreibung, sie braucht Ruhe. Danke", ["Abtreibung"], "sie braucht Ruhe."),
    ("fr", "Nous avons eu une interruption volontaire de grossesse, merci bien", ["volontaire"], "merci ")])
def test_an_abortion_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 32 F5: an abortion said of oneself ("une IVG", "interruption de grossesse", "abortus",
    "Schwangerschaftsabbruch") was stored: a miscarriage was listed (review 29 F3), an abortion was not."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "J'ai été testé positif à la chlamydia. Merci d'avance", ["positif", "chlamydia"], "Merci "),
    ("fr", "Je suis séropo depuis 2015. Merci d'avance", ["séropo"], "Merci "),
    ("nl", "Ik heb een soa opgelopen, graag discreet. Alvast bedankt", ["soa"], "graag discreet."),
    ("de", "Ich habe Herpes genitalis. Danke sehr", ["Herpes", "genitalis"], "Danke "),
    ("nl", "Ik heb gonorroe, wanneer kan ik langskomen? Alvast bedankt", ["gonorroe"], "wanneer kan ik langskomen?"),
    # of the same class: an STI's letters, syphilis of one's own, a positive test in Dutch
    ("de", "Ich habe eine STI, bitte diskret behandeln. Danke", ["STI"], "bitte diskret"),
    ("fr", "Mon copain a la syphilis, on doit se faire tester ? Merci", ["syphilis"], "on doit se faire"),
    ("nl", "Ik ben positief getest op chlamydia, wat nu? Groeten", ["positief", "chlamydia"], "wat nu?")])
def test_a_sexually_transmitted_infection_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 32 F6: a sexually transmitted infection, or HIV said short, said of oneself ("positif à la chlamydia",
    "séropo", "een soa opgelopen", "Herpes genitalis", "Ik heb gonorroe") was stored: the lists held HIV, AIDS and
    hepatitis, no STI nor "séropo". An STI's letters are read in capitals only (said_health_in_capitals: "ist" is
    German's "is"), a positive test by its words ("testé positif", "positief getest"), which reach an infection named
    after more words than said_self's four."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik herstel van een hartinfarct. Alvast bedankt", ["hartinfarct"], "Alvast "),
    ("de", "Ich hatte im Mai einen Herzinfarkt. Danke sehr", ["Herzinfarkt"], "Danke "),
    ("fr", "J'ai fait un infarctus en mai. Merci d'avance", ["infarctus"], "Merci "),
    ("fr", "J'ai eu un bypass gastrique pour obésité. Merci d'avance", ["bypass", "obésité"], "Merci "),
    ("nl", "Ik heb een maagverkleining gehad. Alvast bedankt", ["maagverkleining"], "Alvast "),
    ("de", "Ich bin nierentransplantiert. Danke sehr", ["transplantiert"], "Danke "),
    ("fr", "Je suis porteuse du gène BRCA2, suivi renforcé. Merci d'avance", ["porteuse", "BRCA"],
     "suivi renforcé."),
    ("de", "Ich habe eine BRCA1-Mutation, Vorsorge bitte. Danke sehr", ["BRCA", "Mutation"], "Vorsorge bitte."),
    # of the same class: a transplant's Dutch compound, a gastric band, obesity in German, a French transplant
    ("nl", "Mijn moeder heeft een levertransplantatie gehad, is er een lift? Groeten", ["levertransplantatie"],
     "is er een lift?"),
    ("nl", "Ik heb een maagband, dus kleine porties graag. Groeten", ["maagband"], "dus kleine porties"),
    ("de", "Mein Sohn hat Adipositas, gibt es einen Kurs? Danke", ["Adipositas"], "gibt es einen Kurs?"),
    ("fr", "Je suis greffée du rein, attention aux infections. Merci", ["greffée"], "attention aux infections.")])
def test_a_serious_condition_a_surgery_a_transplant_or_a_gene_said_of_oneself_is_masked(session, lang, value, said,
                                                                                       kept):
    """Review 32 F8: serious conditions, surgery, a transplant and genetic data named by words the lists lacked
    ("hartinfarct", "Herzinfarkt", "infarctus", "bypass gastrique pour obésité", "maagverkleining",
    "nierentransplantiert", "porteuse du gène BRCA2", "BRCA1-Mutation") were stored. A heart attack's and a
    transplant's compounds are read by their endings (said_health_endings), a gene by its name and its hyphened
    mutation (said_gene: "BRCA1-Mutation") or by the carrier's words ("porteuse du gène")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("de", "Meine Mutter hat Pflegegrad 3 und braucht Hilfe.", ["Pflegegrad"], "Meine Mutter hat "),
    ("fr", "Je suis suivie par un psychiatre pour mes angoisses.", ["psychiatre"], "Je suis suivie par un "),
    ("fr", "J'ai fait une IVG le mois dernier, rdv de contrôle svp.", ["IVG"], "rdv de contrôle"),
    ("nl", "Ik heb een soa opgelopen, graag discreet.", ["soa"], "graag discreet."),
    ("de", "Ich habe eine BRCA1-Mutation, Vorsorge bitte.", ["BRCA"], "Vorsorge bitte."),
    ])
def test_a_health_state_review_32_found_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said, kept):
    """Review 32 F3-F8: the same statements posted in a form's or a chat's payload ({"remark": "Meine Mutter hat
    Pflegegrad 3 …"}) were stored; the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Terminanfrage", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Terminanfrage" in stored, stored


def test_the_sites_own_words_of_review_32s_health_states_stay(session):
    """Review 32 F3-F8's controls: a clinic's, a pharmacy's or a care insurer's own text naming a care grade, a
    psychiatric consultation, an abortion centre, an STI test or a heart attack ("Pflegegrad beantragen: so geht's",
    "Consultation de psychiatrie le mardi", "Centre IVG : horaires", "Soa-test gratis bij de huisarts") is no
    visitor's statement and stays readable, and so do a visitor's words that only look like the new ones: a tariff's
    grade ("Tarifstufe 2"), German's "ist", an hour's "Std", a court's "greffe"."""
    site = ["Pflegegrad beantragen: so geht's", "Pflegegrad 3: 1.262 € Pflegegeld", "Wir beraten Schwerbehinderte",
            "Consultation de psychiatrie le mardi", "Paniekaanvallen? Praat erover.",
            "Centre IVG : horaires", "Abortus: wat zegt de wet?",
            "Soa-test gratis bij de huisarts", "Dépistage IST et VIH anonyme",
            "Herzinfarkt: die Warnzeichen", "Greffe de rein : nos chirurgiens",
            ]
    remark = ["Ich habe Tarifstufe 2 gewählt.",
              "Mein Paket ist nicht da, ich habe 1 Std gewartet. Das ist schade.",
              "J'ai appelé le greffe du tribunal.",
              "Bitte um Rückruf"]
    assert_the_sites_lines_and_a_remark_stay(session, site, remark)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je suis positive au covid, je reporte. Merci d'avance", ["positive", "covid"], "je reporte."),
    ("fr", "J'ai le covid, je ne peux pas venir. Merci", ["covid"], "je ne peux pas venir."),
    ("fr", "J'ai un covid long depuis 2022, merci bien", ["covid", "long"], "merci "),
    ("nl", "Ik ben covid-positief, ik kom niet. Groeten", ["covid", "positief"], "ik kom niet."),
    ("de", "Ich bin coronapositiv, bitte stornieren. Danke", ["corona", "positiv"], "bitte stornieren."),
    # of the same class: English's long covid, a partner's, a child's number, a positive test in Dutch and German
    ("en", "I have long covid, can I get a refund? Thanks", ["covid"], "can I get a refund?"),
    ("de", "Mein Mann hat Corona, wir kommen nicht. Danke", ["Corona"], "wir kommen nicht."),
    ("nl", "Onze dochter heeft covid-19, we annuleren. Groeten", ["covid"], "we annuleren."),
    ("fr", "Mon fils est positif au Covid-19, on annule. Merci", ["positif", "Covid"], "on annule."),
    ("nl", "Ik ben positief op corona getest, ik kom niet. Groeten", ["positief", "corona"], "ik kom niet.")])
def test_covid_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F5: COVID-19 said of oneself or one's own ("positive au covid", "J'ai le covid", "covid long", "Ik ben
    covid-positief", "Ich bin coronapositiv") was stored in a remark's keystrokes and final value: said_health held no
    covid nor corona, and a positive test was read by "testé positif" and "positief getest" only. COVID-19 is listed,
    a positive test by its preposition ("positive au", "positief op") and by its word after a listed one, as one word
    or hyphened (said_tested_positive); "positif" alone is a mood ("je reste positif") and stays."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je suis ménopausée et j'ai des bouffées de chaleur. Merci d'avance", ["ménopausée"], "Merci "),
    ("fr", "Je suis en préménopause, le cours est-il adapté ? Merci", ["préménopause"], "le cours est-il adapté ?"),
    ("de", "Ich bin in den Wechseljahren, gibt es einen Kurs? Danke", ["Wechseljahren"], "gibt es einen Kurs?"),
    ("nl", "Ik zit in de overgang, is yoga een goed idee? Groeten", ["overgang"], "is yoga een goed idee?"),
    # of the same class: a partner's, English's, the German and Dutch complaints' compounds
    ("nl", "Mijn vrouw zit in de overgang, ze slaapt slecht. Groeten", ["overgang"], "ze slaapt slecht."),
    ("en", "I'm going through menopause, is the class suitable? Thanks", ["menopause"], "is the class suitable?"),
    ("de", "Ich habe starke Wechseljahresbeschwerden, bitte anrufen. Danke", ["Wechseljahresbeschwerden"],
     "bitte anrufen."),
    ("nl", "Ik heb last van overgangsklachten, graag advies. Groeten", ["overgangsklachten"], "graag advies.")])
def test_the_menopause_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F6: the menopause said of oneself ("Je suis ménopausée", "en préménopause", "in den Wechseljahren",
    "Ik zit in de overgang") was stored: said_health held none of its words. They are listed, the Dutch "overgang" in
    its phrase only ("in de overgang"): alone it is a transition ("mijn overgang naar het nieuwe abonnement") and
    stays."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Mon fils porte une pompe à insuline, prévoir un frigo. Merci", ["pompe", "insuline"], "prévoir un frigo."),
    ("nl", "Mijn zoon draagt een insulinepomp, is zwemmen ok? Groeten", ["insulinepomp"], "is zwemmen ok?"),
    ("de", "Meine Tochter trägt eine Insulinpumpe, geht Schwimmen? Danke", ["Insulinpumpe"], "geht Schwimmen?"),
    ("fr", "J'ai une prothèse de hanche depuis janvier, merci bien", ["prothèse", "hanche"], "merci "),
    ("nl", "Ik heb een heupprothese, kan ik meedoen? Groeten", ["heupprothese"], "kan ik meedoen?"),
    ("de", "Ich habe ein künstliches Hüftgelenk, geht Yoga? Danke", ["künstliches", "Hüftgelenk"], "geht Yoga?"),
    # of the same class: a hyphened compound, a stoma's device, Dutch's new hip, English's, a glucose sensor
    ("de", "Ich habe eine Knie-Prothese, bitte ebenerdig. Danke", ["Knie", "Prothese"], "bitte ebenerdig."),
    ("de", "Mein Vater hat einen künstlichen Darmausgang, bitte melden. Danke", ["Darmausgang"], "bitte melden."),
    ("nl", "Ik heb een nieuwe heup gekregen, mag ik fietsen? Groeten", ["heup"], "mag ik fietsen?"),
    ("en", "I had a hip replacement, is the class ok? Thanks", ["hip", "replacement"], "is the class ok?"),
    ("nl", "Mijn zoon heeft een glucosesensor, mag hij die houden? Groeten", ["glucosesensor"], "mag hij die houden?")])
def test_a_medical_device_or_a_prosthesis_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F7: a medical device or a prosthesis worn or implanted ("porte une pompe à insuline", "insulinepomp",
    "Insulinpumpe", "prothèse de hanche", "heupprothese", "künstliches Hüftgelenk") was stored: the lists held
    insulin, a pacemaker and a cochlear implant, no pump nor prosthesis. A pump is listed by its medical compounds
    only ("Wasserpumpe", "benzinepomp", "Fahrradpumpe" are goods and stay), a prosthesis by its word and a compound's
    ending, hyphened too ("Knie-Prothese": said_health_endings), an artificial joint or organ by its part
    (said_artificial: not "künstliche Intelligenz")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je suis en sevrage de cocaïne, je viendrai seul. Merci", ["sevrage", "cocaïne"], "je viendrai seul."),
    ("nl", "Ik ben ex-verslaafde aan heroïne, graag discreet. Groeten", ["verslaafde", "heroïne"], "graag discreet."),
    ("de", "Wir sind mitten in einer Kinderwunschbehandlung, bitte flexibel. Danke", ["Kinderwunschbehandlung"],
     "bitte flexibel."),
    ("nl", "Ik sta onder probatie, kan ik toch huren? Groeten", ["probatie"], "kan ik toch huren?"),
    # of the same class: a withdrawal in German, a rehab in French, a fertility treatment in Dutch, a suspended
    # sentence in Dutch and German, a probation's suspension
    ("de", "Ich bin auf Entzug, bitte keinen Alkohol. Danke", ["Entzug"], "bitte keinen Alkohol."),
    ("fr", "Mon frère est en cure de désintox, il viendra plus tard. Merci", ["désintox"], "il viendra plus tard."),
    ("nl", "Wij zitten in een vruchtbaarheidsbehandeling, graag flexibel. Groeten", ["vruchtbaarheidsbehandeling"],
     "graag flexibel."),
    ("nl", "Mijn man kreeg een voorwaardelijke straf, mag hij reizen? Groeten", ["voorwaardelijke"], "mag hij reizen?"),
    ("de", "Ich habe eine Bewährungsstrafe, geht das trotzdem? Danke", ["Bewährungsstrafe"], "geht das trotzdem?"),
    ("nl", "Mijn zoon heeft probatieuitstel gekregen, kan hij werken? Groeten", ["probatieuitstel"],
     "kan hij werken?")])
def test_an_addiction_a_fertility_treatment_or_a_probation_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F9: an addiction's withdrawal or past, a fertility treatment and a probation said in words the lists
    lacked ("en sevrage de cocaïne", "ex-verslaafde aan heroïne", "Kinderwunschbehandlung", "Ik sta onder probatie")
    were stored, where "verslaafd", "FIV", "IVF-traject", "Bewährung" and "enkelband" were masked. A withdrawal, a
    rehab and a fertility treatment's words are listed (said_health), a compound's ending is read hyphened too
    ("ex-verslaafde": said_health_endings), and Belgian probation, its officer and a suspended sentence are criminal-
    justice data (said_justice); not "sevrer mon bébé" nor "Ma parole"."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Ma fille a toujours sa Ventoline sur elle, merci bien", ["Ventoline"], "merci "),
    ("nl", "Mijn zoon heeft altijd een EpiPen bij, graag opletten. Groeten", ["EpiPen"], "graag opletten."),
    ("de", "Ich habe immer meinen Adrenalin-Pen dabei, bitte beachten. Danke", ["Adrenalin"], "bitte beachten."),
    ("en", "I always carry my inhaler, is that ok? Thanks", ["inhaler"], "is that ok?")])
def test_an_inhaler_or_an_auto_injector_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33's weaker point: an asthma inhaler's or an adrenaline auto-injector's brand said of oneself or one's own
    ("sa Ventoline", "een EpiPen") was stored, and says the illness as a medicine's name does (said_medicines). A
    pharmacy's page lists them, so only a first person's or one's own is read (a visitor's "Avez-vous de la Ventoline
    en stock ?" stays). An allergy and its shock stay readable ("chocs anaphylactiques aux crevettes": a caterer's
    practice needs them, see said_self)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_an_inhaler_said_in_the_third_person_after_a_named_child_is_masked(session):
    """Review 33's weaker point, what was left: "Léa fait de l'asthme, elle a sa Ventoline" masked the asthma said of
    Léa, not the inhaler in the next clause, said of "elle". The statement now goes on across the comma to a further
    state said within five words of it (_SAID_FURTHER)."""
    assert_said_masked_and_the_rest_kept(session, "fr", "Léa fait de l'asthme, elle a sa Ventoline. Merci bien",
                                         ["Ventoline"], "Merci ")


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("fr", "Je suis positive au covid, je reporte.", ["positive", "covid"], "je reporte."),
    ("de", "Ich bin in den Wechseljahren, gibt es einen Kurs?", ["Wechseljahren"], "gibt es einen Kurs?"),
    ("fr", "Mon fils porte une pompe à insuline, prévoir un frigo.", ["insuline"], "prévoir un frigo."),
    ("nl", "Ik sta onder probatie, kan ik toch huren?", ["probatie"], "kan ik toch huren?"),
    ("de", "Wir sind mitten in einer Kinderwunschbehandlung, bitte flexibel.", ["Kinderwunsch"], "bitte flexibel.")])
def test_a_health_state_review_33_found_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said, kept):
    """Review 33 F5-F9: the same statements posted in a form's or a chat's payload ({"remark": "Je suis positive au
    covid, …"}) were stored; the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Terminanfrage", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Terminanfrage" in stored, stored


def test_the_sites_own_words_of_review_33s_health_states_stay(session):
    """Review 33's controls: a pharmacy's, a lab's or a clinic's own text naming COVID-19 ("Test COVID gratuit",
    "Corona-Schnelltest: 15 €"), the menopause ("Wechseljahre: unsere Beratung"), a prosthesis ("Prothèses de
    hanche : nos chirurgiens"), a fertility centre, a probation ("Probatie: wat houdt het in?") or an inhaler
    ("Ventolin 100 µg inhalator") is no visitor's statement and stays readable, and so do a visitor's words that only
    look like the new ones: a mood ("Je reste positif"), an opinion ("Ik ben positief over de nieuwe app"), a
    transition ("Mijn overgang naar het nieuwe abonnement"), goods a pump's compound names ("Wasserpumpe",
    "benzinepomp"), artificial intelligence, a baby's weaning ("sevrer mon bébé"), an exclamation ("Ma parole"), a
    shopper's question with no first person ("Avez-vous de la Ventoline en stock ?")."""
    site = ["Test COVID gratuit", "Corona-Schnelltest: 15 €", "Long covid : nos consultations",
            "Wechseljahre: unsere Beratung", "Ménopause : nos conseils", "Prothèses de hanche : nos chirurgiens",
            "Insulinepompen en toebehoren", "Künstliches Hüftgelenk: Ablauf der OP",
            "Kinderwunschzentrum: Ihr Weg zum Wunschkind", "Probatie: wat houdt het in?",
            "Ventolin 100 µg inhalator: 12,50 €", "EpiPen Junior : mode d'emploi"]
    remark = ["Je reste positif, merci pour tout.",
              "Ik ben positief over de nieuwe app.",
              "Mijn overgang naar het nieuwe abonnement ging vlot.",
              "Ich habe eine Wasserpumpe und eine Fahrradpumpe bestellt.",
              "Ik zoek een benzinepomp voor mijn auto.",
              "Ich nutze künstliche Intelligenz für meine Texte.",
              "Je suis en train de sevrer mon bébé.",
              "Ma parole, c'est génial.",
              "Avez-vous de la Ventoline en stock ?",
              "Bitte um Rückruf"]
    assert_the_sites_lines_and_a_remark_stay(session, site, remark)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Ma fille a la varicelle, elle reste à la maison. Merci", ["varicelle"], "elle reste à la maison."),
    ("nl", "Mijn zoon heeft roodvonk, hij blijft thuis. Groeten", ["roodvonk"], "hij blijft thuis."),
    ("de", "Meine Tochter hat Läuse, wir behandeln heute. Danke", ["Läuse"], "wir behandeln heute."),
    ("fr", "Mon fils a des poux, il revient lundi. Merci", ["poux"], "il revient lundi."),
    ("fr", "J'ai la gale, je ne viens pas. Merci", ["gale"], "je ne viens pas."),
    ("de", "Unser Sohn ist Bettnässer, bitte diskret. Danke", ["Bettnässer"], "bitte diskret."),
    ("nl", "Mijn dochter heeft hand-voet-mondziekte, ze blijft thuis. Groeten", ["mondziekte"], "ze blijft thuis."),
    ("fr", "Mon bébé a une bronchiolite, il reste à la maison. Merci", ["bronchiolite"], "il reste à la maison."),
    # of the same class: impetigo, scabies and pinworms in Dutch and German, a daughter's stutter and her speech
    # therapist, bedwetting said by its phrase, English's chickenpox
    ("nl", "Onze dochter heeft krentenbaard, ze komt woensdag terug. Groeten", ["krentenbaard"],
     "ze komt woensdag terug."),
    ("de", "Ich habe Krätze, bitte verschieben. Danke", ["Krätze"], "bitte verschieben."),
    ("nl", "Mijn dochter gaat naar de logopedist voor stotteren, ze komt later. Groeten", ["logopedist", "stotteren"],
     "ze komt later."),
    ("nl", "Onze zoon plast nog in bed, graag een matrasbeschermer. Groeten", ["plast"], "graag een matrasbeschermer."),
    ("de", "Mein Sohn hat Windpocken, er bleibt zu Hause. Danke", ["Windpocken"], "er bleibt zu Hause."),
    ("en", "My son has chickenpox, he is staying home. Thanks", ["chickenpox"], "he is staying home.")])
def test_a_childhood_infection_parasites_or_bedwetting_said_of_ones_child_is_masked(session, lang, value, said, kept):
    """Review 34 F1: a childhood infection, parasites, bedwetting or a stutter said of one's own child in a school's or
    a daycare's absence note ("Ma fille a la varicelle", "Mijn zoon heeft roodvonk", "Meine Tochter hat Läuse", "Mon
    fils a des poux", "J'ai la gale", "Unser Sohn ist Bettnässer") was stored in the remark's keystrokes and final
    value: said_health held chronic conditions only. The infections, parasites, enuresis and stuttering are listed in
    every language the others are, and the speech therapist a child sees (as a psychiatrist is); scabies in French by
    its phrase only ("la gale")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_the_sites_own_words_of_childhood_infections_and_parasites_stay(session):
    """Review 34 F1's controls: a school's or a daycare's own text naming lice, chickenpox or a speech therapist ("Que
    faire en cas de poux ?", "Luizenpluis: elke maandag na de vakantie", "Windpocken: Wann darf mein Kind wieder in
    die Kita?") is no visitor's statement and stays readable, and so do a visitor's words that only look like the new
    ones: an English gale, a question with no person of her own ("Is er een luizenpluis na de vakantie?")."""
    site = ["Que faire en cas de poux ?", "Luizenpluis: elke maandag na de vakantie",
            "Windpocken: Wann darf mein Kind wieder in die Kita?", "Varicelle, rougeole : calendrier des vaccins",
            "Onze logopedist werkt op dinsdag", "Krentenbaard en school: de richtlijnen"]
    remark = ["We sailed through a gale last year.",
              "Is er een luizenpluis na de vakantie?",
              "Bitte um Rückruf"]
    assert_the_sites_lines_and_a_remark_stay(session, site, remark)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Mon fils a un PAI pour son allergie, merci de prévenir. Merci", ["PAI", "allergie"], "merci de prévenir."),
    ("fr", "Ma fille a un PPS (MDPH) et une AESH, merci de prévenir. Merci", ["PPS", "MDPH", "AESH"], "merci de prévenir."),
    ("nl", "Onze zoon heeft een GON-begeleiding, graag contact. Groeten", ["GON"], "graag contact."),
    ("de", "Mein Sohn hat einen Förderbedarf (Lernen) und eine Schulbegleitung, bitte melden. Danke",
     ["Förderbedarf", "Schulbegleitung"], "bitte melden."),
    ("de", "Unsere Tochter ist ein Integrationskind, bitte melden. Danke", ["Integrationskind"], "bitte melden."),
    ("nl", "Onze pleegzoon zit in de jeugdzorg, graag discreet. Groeten", ["jeugdzorg"], "graag discreet."),
    ("fr", "Mon neveu est placé à l'ASE, merci de me contacter. Merci", ["placé", "ASE"], "merci de me contacter."),
    ("de", "Das Jugendamt hat das Sorgerecht für meinen Sohn, bitte melden. Danke", ["Sorgerecht"],
     "Das Jugendamt hat das "),
    # of the same class: a special school in Dutch, a French family placement and children's judge, a German taking
    # into care said with no person, a Dutch custody measure
    ("nl", "Mijn dochter zit in het buitengewoon onderwijs, graag contact. Groeten", ["buitengewoon"], "graag contact."),
    ("fr", "Ma fille vit en famille d'accueil, merci de me contacter. Merci", ["famille d'accueil"],
     "merci de me contacter."),
    ("fr", "Mon fils est suivi par le juge des enfants, merci de me rappeler. Merci", ["juge des enfants"],
     "merci de me rappeler."),
    ("de", "Nach der Inobhutnahme wohnt er bei uns, bitte melden. Danke", ["Inobhutnahme"], "bitte melden."),
    ("nl", "Onze dochter is onder toezicht gesteld, graag discreet. Groeten", ["toezicht"], "graag discreet.")])
def test_a_childs_support_plan_or_youth_care_measure_said_of_ones_own_is_masked(session, lang, value, said, kept):
    """Review 34 F2: a child's special-needs support plan, youth-care placement or custody measure said of one's own
    ("Mon fils a un PAI pour son allergie", "un PPS (MDPH) et une AESH", "GON-begeleiding", "Förderbedarf",
    "Integrationskind", "placé à l'ASE", "Onze pleegzoon zit in de jeugdzorg", "Das Jugendamt hat das Sorgerecht")
    was stored whole: none of these words was in a statement's list. The support plans are health (said_health, PAI
    and PPS in capitals), the MDPH, the AESH and a school aide read alone wherever a visitor writes them, as after
    a bracket (said_health_alone); a youth-care or custody measure is read after the person's word as criminal-
    justice data is, and before it in its clause ("das Sorgerecht für meinen Sohn": said_child_protection), a
    taking into care alone (said_justice_alone)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("fr", "Ma fille a un PPS (MDPH) et une AESH.", ["PPS", "MDPH", "AESH"], "Ma fille a un "),
    ("nl", "Onze pleegzoon zit in de jeugdzorg.", ["jeugdzorg"], "Onze "),
    ("de", "Das Jugendamt hat das Sorgerecht für meinen Sohn.", ["Sorgerecht"], "Das Jugendamt hat das ")])
def test_a_childs_support_plan_or_youth_care_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said,
                                                                                   kept):
    """Review 34 F2: the same posted in a form's payload ({"remark": "Onze pleegzoon zit in de jeugdzorg"}) was
    stored; the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Inschrijving", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Inschrijving" in stored, stored


def test_the_sites_own_words_of_support_plans_and_youth_care_stay(session):
    """Review 34 F2's controls: a youth-care service's, a school's or a youth office's own text ("Jeugdzorg
    Vlaanderen: onze werking", "Le PAI : mode d'emploi", "Jugendamt: Sprechzeiten", "Sorgerecht: unsere Beratung")
    is no visitor's statement and stays readable, and so do a visitor's words that only look like the new ones:
    Portuguese's father ("Meu pai tem uma loja"), the verb "meinen" ("Was meinen Sie dazu?")."""
    site = ["Jeugdzorg Vlaanderen: onze werking", "Le PAI : mode d'emploi pour les familles",
            "Jugendamt: Sprechzeiten und Kontakt", "Sorgerecht: unsere Beratung für Eltern",
            "Onze pleeggezinnen zoeken versterking", "Schulbegleitung: so beantragen Sie sie", "La MDPH en 5 questions"]
    remark = ["Meu pai tem uma loja.",
              "Was meinen Sie dazu?",
              "Bitte um Rückruf"]
    assert_the_sites_lines_and_a_remark_stay(session, site, remark)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Mijn ex heeft een straatverbod, niet aan hem meegeven. Groeten", ["straatverbod"], "niet aan hem meegeven."),
    ("fr", "J'ai une ordonnance de protection contre mon ex-mari, merci de prévenir. Merci",
     ["ordonnance", "protection"], "merci de prévenir."),
    ("de", "Gegen den Vater besteht ein Kontaktverbot, bitte beachten. Danke", ["Kontaktverbot"], "bitte beachten."),
    ("nl", "Ik verblijf in de vrouwenopvang, graag discreet. Groeten", ["vrouwenopvang"], "graag discreet."),
    ("fr", "Je suis hébergée en foyer pour femmes battues, merci d'appeler. Merci", ["battues"], "merci d'appeler."),
    ("de", "Ich wohne zurzeit im Frauenhaus, bitte anrufen. Danke", ["Frauenhaus"], "bitte anrufen."),
    # of the same class: a Dutch contact ban said of the father, a German approach ban, domestic violence said of
    # oneself in Dutch and German, a Belgian shelter's nickname
    ("nl", "Voor de vader geldt een contactverbod, graag opletten. Groeten", ["contactverbod"], "graag opletten."),
    ("de", "Mein Ex-Mann hat ein Annäherungsverbot, bitte beachten. Danke", ["Annäherungsverbot"], "bitte beachten."),
    ("nl", "Ik ben slachtoffer van huiselijk geweld, graag discreet. Groeten", ["huiselijk", "geweld"],
     "graag discreet."),
    ("de", "Ich habe häusliche Gewalt erlebt, bitte anrufen. Danke", ["häusliche", "Gewalt"], "bitte anrufen."),
    ("nl", "We wonen nu in een blijf-van-mijn-lijfhuis, graag discreet. Groeten", ["lijfhuis"], "graag discreet.")])
def test_a_protection_order_or_a_shelter_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 34 F5: a protection order or a domestic-violence shelter, a victim's safety data ("Mijn ex heeft een
    straatverbod", "J'ai une ordonnance de protection contre mon ex-mari", "Gegen den Vater besteht ein
    Kontaktverbot", "Ik verblijf in de vrouwenopvang", "foyer pour femmes battues", "im Frauenhaus") was stored: no
    statement's list held them. They are read after the person's word as criminal-justice data is (said_justice),
    and the compounds no other meaning shares alone too, where no first person is ("Gegen den Vater besteht ein
    Kontaktverbot": said_justice_alone)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("nl", "Mijn ex heeft een straatverbod, niet aan hem meegeven.", ["straatverbod"], "niet aan hem meegeven."),
    ("de", "Gegen den Vater besteht ein Kontaktverbot.", ["Kontaktverbot"], "Gegen den Vater besteht ein "),
    ("de", "Ich wohne zurzeit im Frauenhaus.", ["Frauenhaus"], "Ich ")])
def test_a_protection_order_or_a_shelter_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said, kept):
    """Review 34 F5: the same posted in a form's payload ({"remark": "Ich wohne zurzeit im Frauenhaus"}) was stored;
    the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Abholung", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Abholung" in stored, stored


def test_the_sites_own_words_of_protection_orders_and_shelters_stay(session):
    """Review 34 F5's controls: a shelter's, a lawyer's or a helpline's own text ("Vrouwenopvang: bel ons dag en nacht", "Das
    Frauenhaus Köln: Hilfe rund um die Uhr", "L'ordonnance de protection en 5 questions") is no visitor's statement
    and stays readable, and so does a visitor's remark that names none of the new words ("Ik zit in de opvang
    van de school" is a school's after-care)."""
    site = ["Vrouwenopvang: bel ons dag en nacht", "Das Frauenhaus Köln: Hilfe rund um die Uhr",
            "L'ordonnance de protection en 5 questions", "Straatverbod of contactverbod: wat is het verschil?",
            "Häusliche Gewalt: Wir helfen"]
    remark = ["Ik zit in de opvang van de school.",
              "Bitte um Rückruf"]
    assert_the_sites_lines_and_a_remark_stay(session, site, remark)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Le père de mes enfants est en prison, merci de me contacter. Merci", ["prison"], "merci de me contacter."),
    # of the same class: German's, French's plural possessive before another category
    ("de", "Mein Mann sitzt im Gefängnis, bitte anrufen. Danke", ["Gefängnis"], "bitte anrufen."),
    ("fr", "Mes parents sont musulmans, repas halal svp. Merci", ["musulmans"], "repas halal svp."),
    ("fr", "Mes deux filles ont la varicelle, elles restent à la maison. Merci", ["varicelle"],
     "elles restent à la maison.")])
def test_a_state_said_of_ones_own_after_frenchs_plural_possessive_is_masked(session, lang, value, said, kept):
    """Review 34's weaker point: "Le père de mes enfants est en prison" was stored where "Mijn man zit in de
    gevangenis" was masked: said_self held "mon" and "ma", not French's plural possessive "mes"."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ben lid van het ABVV en wil de ledenkorting. Alvast bedankt", ["ABVV"], "ledenkorting. Alvast"),
    ("fr", "je suis affiliée à la FGTB depuis 2010, tarif syndiqué svp", ["FGTB"], "je suis affiliée à la "),
    ("de", "Ich bin Gewerkschaftsmitglied bei ver.di, gilt der Rabatt?", ["Gewerkschaftsmitglied"], "gilt der Rabatt?"),
    ("fr", "Bonjour, mon mari est à la CSC, a-t-il droit à la réduction ?", ["CSC"], "a-t-il droit"),
    ("nl", "Lid van FNV sinds 2012, geldt de korting? Groeten", ["FNV"], "geldt de korting?"),
    ("de", "Hallo, wir sind beide in der IG Metall. Danke und bis bald", ["IG Metall"], "Danke und bis"),
    # a union's delegate, a works council's member (the union's word in the role's)
    ("nl", "Mijn man is vakbondsafgevaardigde bij ACV. Dank u wel", ["vakbondsafgevaardigde", "ACV"], "Mijn man is "),
    ("fr", "Je suis déléguée syndicale chez Delhaize, horaires ? Merci", ["déléguée", "syndicale"], "horaires ?"),
    ("de", "Ich bin im Betriebsrat bei Bosch, gilt der Rabatt? Danke", ["Betriebsrat"], "gilt der Rabatt?")])
def test_a_union_membership_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 30 F2: trade-union membership (GDPR art. 9) said in a remark ("Ik ben lid van het ABVV", "affiliée à la
    FGTB", "Gewerkschaftsmitglied bei ver.di") was stored: said_belief listed creeds and orientations, no union. The
    unions' letters and the words for one are read as the other special categories are, after the first person's
    word or a member's ("Lid van FNV": "I am" dropped); a union's delegate and a works council's member too
    ("vakbondsafgevaardigde", "déléguée syndicale", "im Betriebsrat": stored after that)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, message, said, kept", [
    ("nl", "Ik ben zwanger van 20 weken, mag ik ibuprofen?", ["zwanger", "20 weken"], "Ik ben "),
    ("nl", "Mijn dochter heeft epilepsie, welke dosis?", ["epilepsie"], "Mijn dochter heeft "),
    ("fr", "Je suis séropositif, est-ce compatible avec ce traitement ?", ["séropositif"], "Je suis "),
    ("de", "Mein Mann ist Diabetiker, welche Teststreifen?", ["Diabetiker"], "Mein Mann ist "),
    ("nl", "Ik ben lid van het ABVV, krijg ik korting?", ["ABVV"], "Ik ben lid van het "),
    ("nl", "Goedendag, onze dochter heeft diabetes, mag ze snoep mee?", ["diabetes"], "onze dochter heeft "),
    ("fr", "Bonjour, j'ai une hernie discale, puis-je venir ?", ["hernie"], "puis-je venir"),
    ("nl", "Voor het buffet: ik ben joods, graag zonder varkensvlees", ["joods"], "graag zonder"),
    # review 32 F3-F8
    ("de", "Meine Mutter hat Pflegegrad 3, welche Hilfe gibt es?", ["Pflegegrad"], "Meine Mutter hat "),
    ("nl", "Ik ben in behandeling bij een psychiater, mag dit samen?", ["psychiater"], "in behandeling bij een "),
    ("fr", "J'ai fait une IVG le mois dernier, puis-je prendre ça ?", ["IVG"], "J'ai fait une "),
    ("nl", "Ik heb een soa opgelopen, welke test raadt u aan?", ["soa"], "Ik heb een "),
    ("de", "Ich hatte im Mai einen Herzinfarkt, darf ich das nehmen?", ["Herzinfarkt"], "Ich hatte im Mai einen ")])
def test_a_health_state_or_a_belief_typed_in_a_chat_is_masked_in_its_bubble(session, lang, message, said, kept):
    """Review 31 F2: a state of health or a belief typed in a chat widget was masked in the keystrokes ("Ik ben *******
    …"), but the bubble the widget then added to the page stored it whole ("Ik ben zwanger van 20 weken, mag ik
    ibuprofen?"): said statements were never remembered, so that a pharmacy's own "zwanger" stays readable. The
    statement is remembered after its first words: its echo is masked as it was where it was typed, and the site's
    lone words, or its own sentence of the same first words, stay readable."""
    box = element("textarea", {"id": "chat-input", "placeholder": "Typ je bericht…"})
    log = element("div", {"class": "chat-log", "role": "log"})
    site = ("Zwanger? Epilepsie, diabetes of een hernie: lees de bijsluiter. Séropositif, Diabetiker, ABVV, joods, "
            "20 weken.")
    # the site's own sentences of the same first words
    own = {"nl": ("Ik ben zwanger van een tweeling", "Mijn dochter heeft koorts, wat nu?"),
           "fr": ("Je suis enceinte de jumeaux", "Bonjour, j'ai une question"),
           "de": ("Mein Mann ist krank, was hilft?",)}[lang]
    faq = element("section", {"class": "faq"})
    s = session()
    s.send(meta("https://apotheek.example/"), snapshot(html_page(element("p", {}, [text(site)]), faq,
                                                                 element("div", {"class": "chat-widget"}, [log, box]),
                                                                 lang=lang)))
    s.send(*typing(box["id"], message))
    s.send(input_event(box["id"], ""))
    bubble = element("div", {"class": "msg msg--visitor"}, [text(message)])
    s.send(mutation(adds=[add(log["id"], bubble), *(add(faq["id"], element("h2", {}, [text(t)])) for t in own),
                          add(faq["id"], element("p", {}, [text(site)]))]))
    added = list(strings(s.stored[-1:]))
    assert set(own) <= set(added) and site in added, added  # the site's text stays readable
    echo = [shown for shown in added if shown != site and shown not in own]
    assert not [word for word in said for shown in echo if word in shown], echo
    assert [shown for shown in echo if kept in shown and len(shown) == len(message)], echo
    stored = [shown for shown in strings(s.stored) if shown != site and shown not in own]
    assert not [word for word in said for shown in stored if word in shown], stored  # nor in the keystrokes


@pytest.mark.parametrize("lang, shown, said, kept", [
    # a chat widget's history restored in a later session: the visitor's own bubbles by their class
    ("nl", element("div", {"class": "chat-log"}, [element("div", {"class": "msg msg--visitor"}, [
        text("Ik neem sertraline 50 mg, mag dat samen met ibuprofen?")])]), ["sertraline"],
     "mag dat samen met ibuprofen?"),
    ("fr", element("div", {"class": "message message--sent"}, [text("Je suis séropositif, est-ce un problème ?")]),
     ["séropositif"], "est-ce un problème ?"),
    ("de", element("li", {"class": "chat-message chat-message--user"}, [element("p", {}, [
        text("Meine Tochter hat Epilepsie, darf sie mitmachen?")])]), ["Epilepsie"], "darf sie mitmachen?"),
    # a summary page's own words before the visitor's
    ("nl", element("p", {}, [text("Uw opmerking: Mijn dochter heeft diabetes en epilepsie.")]),
     ["diabetes", "epilepsie"],
     "Uw opmerking: Mijn dochter heeft "),
    ("fr", element("p", {}, [text("Votre message : Je suis enceinte de 3 mois, est-ce possible ?")]), ["enceinte"],
     "Votre message : Je suis "),
    ("de", element("p", {}, [text("Ihre Nachricht: Ich habe Diabetes, ist das ein Problem?")]), ["Diabetes"],
     "ist das ein Problem?"),
    # a textarea the page filled in, its child named in full as the sentence's subject
    ("nl", element("textarea", {"name": "notes"}, [
        text("Sanne De Vries heeft epilepsie, noodmedicatie Buccolam in de tas")]),
     ["epilepsie"], " heeft ")])
def test_a_health_state_the_page_shows_back_as_the_visitors_own_is_masked(session, lang, shown, said, kept):
    """Review 35 F3: the visitor's own earlier words the page shows again in a later session's snapshot (a chat
    widget's history: "Ik neem sertraline 50 mg…", "Je suis séropositif…"; a summary's "Uw opmerking: Mijn dochter
    heeft diabetes"; a prefilled textarea's "Sanne De Vries heeft epilepsie") were stored: their names were masked,
    their state of health was not, statements being read only where a visitor writes. They are read in a message
    whose class says it is the visitor's own (DomMirror.in_own_message), after the words that say the visitor's text
    follows (content.said_shown_back), and of a subject named in full (content._subjects_named_in_full); the rest of
    the text stays."""
    s = session()
    s.send(meta("https://kliniek.example/contact"), snapshot(html_page(shown, lang=lang)))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored, stored


def test_a_health_sites_own_first_person_text_stays(session):
    """Review 35 F3's control: a FAQ's or a clinic's own text in the first person ("Mijn kind heeft koorts: wat nu?",
    "Je suis enceinte, puis-je prendre ce médicament ?"), its published questions ("Uw vraag: Ik ben zwanger, …"), an
    agent's bubble, a message's confirmation and a label with no visitor's words after it are the site's: all stay
    readable."""
    site = ["Mijn kind heeft koorts: wat nu?", "Je suis enceinte, puis-je prendre ce médicament ?",
            "Ik ben zwanger: mag ik reizen?", "Ich habe Diabetes – was nun?", "Uw opmerking:",
            "Votre message a bien été envoyé.", "Wij helpen u graag bij diabetes en epilepsie.",
            "Uw vraag: Ik ben zwanger, mag ik reizen? Ons antwoord: ja, tot 36 weken.",
            "Votre question : Je suis diabétique, puis-je jeûner ?"]
    agent = "Goeiedag, heeft u diabetes of epilepsie? Dan helpen we u graag."
    s = session()
    s.send(meta("https://apotheek.example/faq"), snapshot(html_page(
        *(element("p", {}, [text(line)]) for line in site), element("div", {"class": "chat-log"}, [
            element("div", {"class": "msg msg--agent"}, [text(agent)])]), lang="nl")))
    stored = list(strings(s.stored))
    assert all(line in stored for line in [*site, agent]), stored


@pytest.mark.xfail(strict=True, reason="review 35 F3: a list of one's own requests under the page's 'Mijn aanvragen' "
                   "is the site's text by every sign its cells carry; reading statements in every cell of such a page "
                   "would read a clinic's own first-person pages too")
def test_a_health_state_in_a_list_of_ones_own_requests_is_masked(session):
    """Review 35 F3: a visitor's earlier request listed under "Mijn aanvragen" ("Ik ben zwanger van 20 weken en heb
    last van mijn rug") is stored: no class, label nor field says the cell is her words."""
    s = session()
    s.send(meta("https://kliniek.example/mijn-aanvragen"), snapshot(html_page(
        element("h2", {}, [text("Mijn aanvragen")]), element("table", {}, [element("tr", {}, [
            element("td", {}, [text("12/11/2026")]),
            element("td", {}, [text("Ik ben zwanger van 20 weken en heb last van mijn rug")])])]), lang="nl")))
    assert "zwanger" not in orjson.dumps(s.stored).decode()


def test_a_union_membership_said_in_a_payloads_remark_is_masked(detector):
    """Review 30 F2: the same said in a payload's remark ({"remark": "lid van ACV-CSC, …"}) was stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="nl")),
           custom("member", {"tarief": "Leden", "remark": "lid van ACV-CSC, vraag korting"}))
    stored = orjson.dumps(s.stored).decode()
    assert "ACV" not in stored and "CSC" not in stored, stored
    assert "Leden" in stored and "vraag korting" in stored, stored


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je suis adhérente CFDT depuis 2015, tarif réduit ? Merci", ["CFDT"], "tarif réduit ?"),
    ("fr", "Je suis militante à la CGT, y a-t-il une réduction ? Merci", ["CGT"], "y a-t-il une réduction ?"),
    ("fr", "Mon mari est délégué FO dans son entreprise, horaires ? Merci", ["délégué FO", "FO dans"], "horaires ?"),
    ("fr", "J'ai ma carte à la CGT, y a-t-il une réduction ? Merci", ["CGT"], "y a-t-il une réduction ?"),
    # of the same class: France's other unions, a member's, a delegate's or a militant's word with "I am" dropped, a
    # union an everyday word spells after a member's word ("SUD", "Solidaires"), a union's name of two words
    ("fr", "Syndiquée à la CFE-CGC depuis 2019, tarif réduit ? Merci", ["CGC"], "tarif réduit ?"),
    ("fr", "Je suis affilié à l'UNSA depuis 2018, tarif ? Merci", ["UNSA"], "tarif ?"),
    ("fr", "Délégué SUD à la Poste, je voudrais un rendez-vous. Merci", ["SUD"], "je voudrais un rendez-vous."),
    ("fr", "Militant CGT, je viens avec mon fils samedi. Merci", ["CGT"], "je viens avec mon fils"),
    ("fr", "Je suis membre de Force ouvrière depuis 2010, tarif ? Merci", ["Force", "ouvrière"], "tarif ?"),
    ("fr", "Adhérente à Solidaires, je voudrais la réduction. Merci", ["Solidaires"], "je voudrais la réduction."),
    ("fr", "Je suis à la CFTC depuis peu, tarif réduit ? Merci", ["CFTC"], "tarif réduit ?")])
def test_a_french_union_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F1: trade-union membership said of oneself with a French union ("Je suis adhérente CFDT", "militante
    à la CGT", "délégué FO", "ma carte à la CGT") was stored whole: said_union listed Belgium's, Luxembourg's, the
    Netherlands' and Germany's unions only. France's are listed; "FO", "SUD" and "Solidaires", everyday words too,
    are read after a member's, a militant's or a delegate's word only (said_unions_everyday), as a party an everyday
    word spells is."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ben ACV-lid, krijg ik korting? Groeten", ["ACV"], "krijg ik korting?"),
    ("nl", "Ik ben ABVV-lid sinds 2010, krijg ik korting? Groeten", ["ABVV"], "krijg ik korting?"),
    ("nl", "Ik ben ACLVB-lid, krijg ik korting? Groeten", ["ACLVB"], "krijg ik korting?"),
    ("nl", "Ik ben FNV-lid, krijg ik korting? Groeten", ["FNV"], "krijg ik korting?"),
    ("de", "Ich bin ver.di-Mitglied, gilt der Rabatt? Danke", ["ver.di"], "gilt der Rabatt?"),
    ("de", "Ich bin IG-Metall-Mitglied, gilt der Rabatt? Danke", ["Metall"], "gilt der Rabatt?"),
    # of the same class: a plural's compound, Austria's and Switzerland's unions; a second union (a multi-word one
    # past a statement's three words), belief or state of health said in the same sentence
    ("nl", "Wij zijn allebei CNV-leden, geldt de korting? Groeten", ["CNV"], "geldt de korting?"),
    ("de", "Mein Mann ist ÖGB-Mitglied, gibt es Rabatt? Danke", ["ÖGB"], "gibt es Rabatt?"),
    ("de", "Ich bin Unia-Mitglied, gilt der Rabatt? Danke", ["Unia"], "gilt der Rabatt?"),
    ("fr", "Je suis membre de l'OGBL et mon mari du LCGB, tarif ? Merci", ["OGBL", "LCGB"], "tarif ?"),
    ("de", "Ich bin Mitglied bei ver.di und der IG Metall, gilt der Rabatt? Danke", ["ver.di", "Metall"],
     "gilt der Rabatt?"),
    ("fr", "Je suis affilié à l'UNSA et mon épouse à la FSU, tarif ? Merci", ["UNSA", "FSU"], "tarif ?"),
    ("fr", "Je suis musulmane et mon mari est juif, repas sans porc svp. Merci", ["musulmane", "juif"],
     "repas sans porc svp."),
    ("nl", "Ik ben zwanger en mijn man heeft diabetes, graag een rustige tafel. Groeten", ["zwanger", "diabetes"],
     "graag een rustige tafel.")])
def test_a_unions_letters_in_a_members_compound_are_masked(session, lang, value, said, kept):
    """Review 33 F2: a union's letters in a member's compound ("Ik ben ACV-lid", "FNV-lid", "Ich bin ver.di-Mitglied",
    "IG-Metall-Mitglied") were stored: said_special_word read a listed union with a plural's ending only, never with
    "-lid" or "-Mitglied" after it. A union joins a party in the member's compound (said_members). "IG Metall" after
    "ver.di und der" kept "Metall", and a second union, belief or state of health said in the same sentence of another
    ("l'OGBL et mon mari du LCGB", "musulmane et mon mari est juif", "zwanger en mijn man heeft diabetes") was stored
    whole: the three words a statement masks after its word swallowed the second one's person; a further one within
    five words now extends the statement."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said", [
    ("fr", "Je suis militante à la CGT, tarif réduit ?", ["CGT"]),
    ("fr", "Mon mari est délégué FO dans son entreprise", ["délégué FO", "FO dans"]),
    ("nl", "Ik ben ABVV-lid sinds 2010", ["ABVV"]),
    ("de", "Ich bin ver.di-Mitglied", ["ver.di"])])
def test_a_french_union_or_a_members_compound_said_in_a_payloads_remark_is_masked(detector, lang, remark, said):
    """Review 33 F1, F2: the same posted in a payload's remark ({"remark": "Je suis militante à la CGT"}) was
    stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form-submit", {"topic": "Adhésion", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and "Adhésion" in stored, stored


def test_a_unions_own_text_and_a_visitors_directions_stay(session):
    """Review 33 F1, F2's controls: the site's text naming a union with no person ("La CGT appelle à la grève", a
    news heading, "ACV-leden krijgen korting", "Die IG Metall fordert mehr Lohn"), "FO" alone and "Sud-Ouest", and a
    visitor's direction ("le Sud", "dans le sud") or club with no union in it, stay readable."""
    site = ["La CGT appelle à la grève le 12 mars", "CGT, CFDT et FO : le front syndical", "FO",
            "Sud-Ouest : nos magasins", "Météo : soleil au sud", "ACV-leden krijgen 10 % korting",
            "Die IG Metall fordert mehr Lohn"]
    note = element("textarea", {"name": "remark"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="fr")))
    value = ("Je suis adhérent au club du Sud et j'habite dans le sud. Je suis membre depuis 2015, livraison à "
             "Sud-Ouest possible ? Merci")
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" Merci")])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik heb een enkelband tot juni, kan pas daarna komen. Groeten", ["enkelband"], "kan pas daarna komen."),
    ("fr", "Mon fils sort de prison le 12 mars, il cherche un stage. Merci", ["prison", "sort de"],
     "il cherche un stage."),
    ("de", "Ich bin auf Bewährung und muss dienstags zur Arbeit. Danke", ["Bewährung"], "Ich "),
    ("nl", "mijn zoon heeft een strafblad, mag hij toch meedoen? Groeten", ["strafblad"], "mag hij toch meedoen?"),
    ("fr", "Bonjour, j'ai un casier judiciaire, est-ce un problème ? Merci", ["casier"], "est-ce un problème ?"),
    ("de", "Mein Bruder ist vorbestraft, darf er trotzdem mitfahren? Danke", ["vorbestraft"], "darf er trotzdem"),
    # a detention before trial, a sentence (French, German), Dutch's "voorlopige hechtenis"
    ("fr", "Mon fils est en détention provisoire à Lantin, visite ? Merci", ["détention"], "visite ?"),
    ("nl", "Mijn broer zit in voorlopige hechtenis, kan ik iets sturen? Groeten", ["hechtenis"], "kan ik iets sturen?"),
    ("de", "Mein Sohn sitzt in U-Haft in Köln, darf ich schreiben? Danke", ["U-Haft"], "darf ich schreiben?"),
    ("fr", "J'ai été condamné à six mois avec sursis, est-ce grave ? Merci", ["condamné"], "est-ce grave ?"),
    ("de", "Ich wurde 2019 verurteilt, ist das ein Problem? Danke", ["verurteilt"], "ist das ein Problem?")])
def test_criminal_justice_data_said_of_oneself_or_ones_own_is_masked(session, lang, value, said, kept):
    """Review 30 F3: criminal-justice data (GDPR art. 10) a visitor says of herself or her child ("Ik heb een
    enkelband", "Mon fils sort de prison", "Ich bin auf Bewährung", "mijn zoon heeft een strafblad") was stored: no
    list held it. It is masked as a state of health is, from the words after the person (the verb says it too: "sort
    de prison") to the clause's end. A detention before trial and a sentence said in French and German were stored
    after that ("en détention provisoire", "in U-Haft", "condamné", "verurteilt")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik leef van een leefloon van het OCMW, is er korting? Bedankt", ["leefloon", "OCMW"], "is er korting?"),
    ("fr", "Je touche le RIS du CPAS, y a-t-il un tarif réduit ? Merci", ["CPAS"], "y a-t-il un tarif"),
    ("de", "Ich beziehe Bürgergeld, gibt es eine Ermäßigung? Danke", ["Bürgergeld"], "gibt es eine Ermäßigung?"),
    ("nl", "Ik zit in collectieve schuldenregeling, kan ik in termijnen betalen? Dank", ["schuldenregeling"],
     "kan ik in termijnen"),
    ("fr", "Je suis en surendettement, puis-je payer en 3 fois ? Merci", ["surendettement"], "puis-je payer"),
    ("de", "Ich bin in Privatinsolvenz, geht Ratenzahlung? Danke", ["Privatinsolvenz"], "geht Ratenzahlung?"),
    ("nl", "Mijn man is werkloos sinds maart, is er een sociaal tarief? Dank", ["werkloos"], "is er een sociaal")])
def test_ones_means_said_of_oneself_or_ones_own_are_masked(session, lang, value, said, kept):
    """A social benefit, unemployment or a debt settlement a visitor says of herself or her own ("Ik leef van een
    leefloon", "Je suis en surendettement", "Ich beziehe Bürgergeld") was stored, where the same ticked in a form is
    masked (fields.yaml SOCIAL_BENEFIT, review 29 F4): masked from its word to the clause's end as a state of health is
    (rules/recognizers.yaml said_means)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_ones_means_in_the_sites_text_or_beside_no_person_stay(session):
    """The same words in the site's text (a town's OCMW, a food bank's page) and a table booked by a visitor stay."""
    s = session()
    site = "Het OCMW en de voedselbank helpen wie werkloos is of een leefloon krijgt."
    s.send(meta(), snapshot(html_page(element("p", {}, [text(site)]), lang="nl")))
    assert site in set(strings(s.stored))
    assert_said_masked_and_the_rest_kept(session, "nl", "Ik reserveer een tafel voor vier, graag aan het raam. Dank", [],
                                         "Ik reserveer een tafel voor vier, graag aan het raam.")


@pytest.mark.parametrize("lang, value, said, kept", [
    ("de", "Ich bin schwul und suche eine Laufgruppe, gibt es eine? Danke", ["schwul"], "gibt es eine?"),
    ("fr", "pendant le ramadan je jeûne, donc rdv après 20h svp. Merci", ["ramadan", "jeûne"], "donc rdv après"),
    ("nl", "ik draag een hoofddoek, mag dat in het zwembad? Groeten", ["hoofddoek"], "mag dat in het zwembad?"),
    ("fr", "Je suis d'origine rom, on m'a refusé l'inscription. Merci", ["rom"], "on m'a refusé"),
    ("nl", "ik ben asielzoeker, heb ik recht op korting? Groeten", ["asielzoeker"], "heb ik recht op korting?"),
    ("nl", "Hallo, ik ben van Turkse afkomst, is dat een probleem? Groeten", ["Turkse", "afkomst"],
     "is dat een probleem?"),
    ("de", "Meine Frau trägt ein Kopftuch, ist das im Kurs ok? Danke", ["Kopftuch"], "ist das im Kurs ok?"),
    ("fr", "Je suis réfugiée, ai-je droit au tarif réduit ? Merci", ["réfugiée"], "ai-je droit au tarif")])
def test_an_orientation_a_practice_an_origin_or_a_residence_status_said_of_oneself_is_masked(session, lang, value,
                                                                                            said, kept):
    """Review 30 F4: an orientation in a word said_belief lacked ("schwul"), a religion said by its practice ("ik
    draag een hoofddoek", "pendant le ramadan je jeûne": the practice before the person), an ethnic origin ("d'origine
    rom", "van Turkse afkomst": the people's word before it) and a residence status ("ik ben asielzoeker") said in
    the first person were stored."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Notre fille est dyslexique et dyspraxique, elle a besoin de temps. Merci", ["dyslexique", "dyspraxique"],
     "elle a besoin de"),
    ("nl", "Onze zoon heeft dyslexie en dyscalculie, kan hij extra tijd krijgen? Groeten", ["dyslexie", "dyscalculie"],
     "kan hij extra tijd"),
    ("nl", "Ik zit midden in een IVF-traject, liever geen zware oefeningen. Groeten", ["IVF"], "liever geen zware"),
    ("fr", "j'ai le sida depuis 2015, est-ce un souci ? Merci", ["sida"], "est-ce un souci ?"),
    ("fr", "je suis porteuse de l'hépatite C, est-ce un souci ? Merci", ["hépatite"], "est-ce un souci ?"),
    ("nl", "ik ben herstellende alcoholist, dus geen wijnarrangement. Groeten", ["alcoholist"], "dus geen wijn"),
    ("fr", "Mon fils est trisomique, il vient avec son accompagnateur. Merci", ["trisomique"], "il vient avec son"),
    ("nl", "Ik heb PTSS na mijn uitzending, graag een rustige plek. Groeten", ["PTSS"], "graag een rustige plek."),
    ("nl", "mijn broer heeft een gokverslaving, mag hij mee? Groeten", ["gokverslaving"], "mag hij mee?")])
def test_a_learning_disorder_a_fertility_treatment_or_an_addiction_said_of_oneself_is_masked(session, lang, value,
                                                                                            said, kept):
    """Review 30 F5: states of health a school's, a clinic's or a gym's remark names often were in no list: a learning
    disorder, a fertility treatment, AIDS, hepatitis, an addiction, Down syndrome, post-traumatic stress."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ben Marokkaans van afkomst, is dat een probleem? Groeten", ["Marokkaans", "afkomst"],
     "is dat een probleem?"),
    ("nl", "Mijn man is Turks van afkomst, hij spreekt geen Nederlands. Groeten", ["Turks", "afkomst"],
     "hij spreekt geen"),
    ("nl", "Ik ben Koerdisch van afkomst, mag ik een tolk meebrengen? Groeten", ["Koerdisch", "afkomst"],
     "mag ik een tolk"),
    # of the same class: a French "d'" between, a father's origin, one's roots, "de souche"
    ("fr", "Je suis marocaine d'origine, on m'a refusé la location. Merci", ["marocaine", "origine"],
     "on m'a refusé la location."),
    ("nl", "Mijn vader is Algerijns van afkomst, hij komt ook mee. Groeten", ["Algerijns", "afkomst"],
     "hij komt ook mee."),
    ("de", "Ich habe kurdische Wurzeln, ist das ein Problem? Danke sehr", ["kurdische", "Wurzeln"],
     "ist das ein Problem?"),
    ("nl", "Ik heb Surinaamse roots, graag een kapper die krullen kent. Groeten", ["Surinaamse", "roots"],
     "graag een kapper"),
    ("fr", "Je ne suis pas Français de souche, est-ce un souci ? Merci", ["Français", "souche"], "est-ce un souci ?")])
def test_an_origin_said_in_dutch_or_french_word_order_or_by_ones_roots_is_masked(session, lang, value, said, kept):
    """Review 33 F3: an ethnic origin said with the people's word first and a "van" between ("Ik ben Marokkaans van
    afkomst", "Mijn man is Turks van afkomst") was stored with "van afkomst" masked and the nationality readable: the
    origin read one word before its word, here "van". A "van", a "de" or a "d'" may stand between (said_origin), and
    one's roots say an origin with the people's word before them (said_roots)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Nous sommes des gens du voyage, avez-vous une place pour la caravane ? Merci", ["voyage"],
     "avez-vous une place"),
    ("nl", "Wij zijn woonwagenbewoners, kunnen we toch huren? Groeten", ["woonwagenbewoners"], "kunnen we toch huren?"),
    ("de", "Wir sind Sinti und suchen einen Stellplatz. Danke sehr", ["Sinti"], "Danke"),
    ("fr", "Je suis une femme noire, on m'a refusé l'entrée. Merci", ["noire"], "on m'a refusé l'entrée."),
    ("nl", "Ik ben een zwarte man, ik werd niet binnengelaten. Groeten", ["zwarte"], "ik werd niet binnengelaten."),
    # of the same class: a father a Roma, a Yenish, a German and an English colour before the noun, a mixed origin
    ("nl", "Mijn vader is een Roma, hij werd geweigerd. Groeten", ["Roma"], "hij werd geweigerd."),
    ("de", "Meine Mutter ist Jenische, sie kommt mit. Danke sehr", ["Jenische"], "sie kommt mit."),
    ("de", "Ich bin eine schwarze Frau, bitte nehmen Sie das ernst. Danke", ["schwarze"], "bitte nehmen Sie"),
    ("en", "I'm a black woman, please take this seriously. Thanks a lot", ["black"], "please take this"),
    ("fr", "Ma fille est métisse, elle a été insultée. Merci bien", ["métisse"], "elle a été insultée."),
    ("de", "Mein Sohn ist dunkelhäutig, er wurde nicht eingelassen. Danke", ["dunkelhäutig"], "er wurde nicht"),
    ("nl", "Ik ben een blanke vrouw, mijn man niet. Groeten", ["blanke"], "mijn man niet.")])
def test_an_ethnic_group_or_a_skin_colour_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F4: an ethnic or racial group said of oneself or one's own with no origin's word ("Nous sommes des
    gens du voyage", "Wij zijn woonwagenbewoners", "Wir sind Sinti", "une femme noire", "een zwarte man") was stored:
    only said_origin's words were read. The groups (said_ethnic_groups) and a colour or a broad group beside a
    person's noun (said_ethnic_adjectives, said_gender_nouns) are read after a copula and up to two words."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("de", "Ich habe nur eine Duldung, kann ich trotzdem einen Vertrag? Danke", ["Duldung"], "kann ich trotzdem"),
    ("de", "Ich bin geduldet (Duldung bis März), geht das? Danke sehr", ["geduldet", "Duldung"], "geht das?"),
    ("fr", "J'ai reçu une OQTF, puis-je garder mon abonnement ? Merci", ["OQTF"], "puis-je garder"),
    # of the same class: a permit to stay during the claim, a rejected claim, no papers, no residence permit
    ("de", "Ich habe eine Aufenthaltsgestattung, reicht das? Danke sehr", ["Aufenthaltsgestattung"], "reicht das?"),
    ("nl", "Ik ben uitgeprocedeerd, kan ik toch een abonnement? Groeten", ["uitgeprocedeerd"], "kan ik toch"),
    ("nl", "Mijn broer is zonder papieren, kan hij mee? Groeten", ["papieren"], "kan hij mee?"),
    ("fr", "Je suis sans titre de séjour, puis-je ouvrir un compte ? Merci", ["titre de séjour"], "puis-je ouvrir")])
def test_a_german_french_or_dutch_residence_status_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 33 F8: a residence status said by its German or French papers ("Ich habe nur eine Duldung", "Ich bin
    geduldet", "J'ai reçu une OQTF") was stored: said_residence_status held asylum's and refugees' words only. The
    statuses join it; the papers no other meaning shares are read wherever a visitor writes them, with the word
    before them ("(Duldung bis März)": said_residence_papers)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "We wonen in het asielcentrum van Jabbeke, kan dat? Groeten", ["asielcentrum"], "kan dat?"),
    ("nl", "Ik verblijf in het opvangcentrum van Fedasil in Kapellen, kan dat? Groeten", ["Fedasil", "opvangcentrum"],
     "kan dat?"),
    ("fr", "Nous vivons dans un centre pour demandeurs d'asile, est-ce possible ? Merci", ["demandeurs d'asile"],
     "est-ce possible ?"),
    ("de", "Wir wohnen in einer Flüchtlingsunterkunft, geht das? Danke sehr", ["Flüchtlingsunterkunft"], "geht das?"),
    # of the same class: the status's plural, a Dutch centre by its letters, a German first reception centre
    ("fr", "Nous sommes demandeurs d'asile depuis mars, est-ce possible ? Merci", ["demandeurs d'asile"],
     "est-ce possible ?"),
    ("nl", "Mijn zus woont in een AZC, kan ze meedoen? Groeten", ["AZC"], "kan ze meedoen?"),
    ("de", "Ich lebe in der Erstaufnahmeeinrichtung, geht das? Danke sehr", ["Erstaufnahmeeinrichtung"], "geht das?")])
def test_living_in_an_asylum_reception_centre_is_masked(session, lang, value, said, kept):
    """Review 35 F8: living in an asylum seekers' reception centre ("We wonen in het asielcentrum van Jabbeke",
    "opvangcentrum van Fedasil", "un centre pour demandeurs d'asile", "einer Flüchtlingsunterkunft") was stored:
    said_residence_status listed the statuses and the singular "demandeur d'asile", not the centres, their agency nor
    the plural. They join it, read after the first person's "live in" words as the statuses are."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_living_in_an_asylum_reception_centre_in_a_payloads_remark_is_masked(detector):
    """Review 35 F8: the same posted in a payload's remark ({"remark": "We wonen in het asielcentrum van Jabbeke"}) was
    stored, though masked when typed."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="nl")),
           custom("form-submit", {"topic": "Inschrijving", "remark": "We wonen in het asielcentrum van Jabbeke"}))
    stored = orjson.dumps(s.stored).decode()
    assert "asielcentrum" not in stored and "Inschrijving" in stored, stored


def test_an_agencys_or_a_shelters_own_words_for_reception_centres_stay(session):
    """Review 35 F8's control: an agency's or an animal shelter's own text names its centres: it is the site's, read
    as no visitor's statement."""
    assert_the_sites_lines_and_a_remark_stay(session, [
        "Fedasil – opvang van asielzoekers", "Opvangcentrum voor vogels", "Erstaufnahmeeinrichtung Trier: Anfahrt"], [
        "Ich komme am Montag um 9 Uhr.", "Bitte um Rückruf"])


@pytest.mark.parametrize("lang, remark, said", [
    ("nl", "Ik ben Marokkaans van afkomst", ["Marokkaans"]),
    ("fr", "Nous sommes des gens du voyage", ["voyage"]),
    ("nl", "Ik ben een zwarte man", ["zwarte"]),
    ("fr", "J'ai reçu une OQTF", ["OQTF"])])
def test_an_origin_an_ethnic_group_or_a_residence_status_in_a_payloads_remark_is_masked(detector, lang, remark,
                                                                                      said):
    """Review 33 F3, F4, F8: the same posted in a payload's remark ({"remark": "Ik ben Marokkaans van afkomst"}) was
    stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form-submit", {"topic": "Inschrijving", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and "Inschrijving" in stored, stored


def test_ethnic_groups_colours_and_residence_papers_in_the_sites_text_or_beside_no_person_stay(session):
    """Review 33 F3, F4, F8's controls: a museum's "Geschichte der Sinti und Roma", a shop's "Tomates Roma", "Robe
    noire", "Zwarte koffie", an advice page's "Was ist eine Duldung?" are the site's text; a visitor's dress, coffee,
    tomatoes, a trip to Rome and a plant's or hair's roots say nothing of her origin: all stay readable."""
    site = ["Geschichte der Sinti und Roma", "Tomates Roma – 1 kg", "Robe noire en lin", "Zwarte koffie of thee",
            "Was ist eine Duldung?", "Herkunft: Italien", "Koffie van Colombiaanse afkomst"]
    note = element("textarea", {"name": "remark"})
    hair = element("textarea", {"name": "notes"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, hair, lang="fr")))
    value = "Je voudrais une robe noire et des tomates Roma. Ik wil zwarte koffie, ik ben een vaste klant. Merci"
    roots = "Ich habe die Wurzeln geschnitten und I want my roots done, bitte um Rückruf"
    s.send(*typing(note["id"], value), *typing(hair["id"], roots))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" Merci")])
    assert typed_values(s.stored, hair)[-1].startswith(roots[:-len(" Rückruf")])


def test_special_categories_named_by_the_site_or_a_visitor_not_of_herself_stay(session):
    """Review 30 F2-F5's controls: the site's own text naming a union, a disease, a prison, a fast or a learning
    disorder ("Het ABVV verdedigt je rechten", a museum's "Visite de l'ancienne prison", a box set "Prison Break") is
    no visitor's statement, and a visitor's words that only end like an addiction's ("besucht", "versucht") or
    ask to become a member say nothing of her: all stay readable."""
    site = ["Het ABVV verdedigt je rechten", "Test de dépistage de l'hépatite C", "Visite de l'ancienne prison",
            "Ramadan-Angebote: 20 % auf Datteln", "Hulp bij dyslexie", "Prison Break – Coffret intégral",
            "Ik ben lid van de vakbond? Lees wat we voor je doen."]
    note = element("textarea", {"name": "bemerkung"})
    join = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, join, lang="nl")))
    s.send(*typing(note["id"], "Ich habe Sie gestern besucht und versucht anzurufen, bitte um Rückruf"),
           *typing(join["id"], "ik wil lid worden van de zwemclub, kan dat nog? Groeten"))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith("Ich habe Sie gestern besucht und versucht anzurufen, bitte")
    assert typed_values(s.stored, join)[-1].startswith("ik wil lid worden van de zwemclub, kan dat nog?")


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Wij zijn moslims, graag halal eten. Tot zaterdag", ["moslims"], "graag halal eten."),
    ("fr", "Nous sommes musulmans, pas de porc svp. Merci", ["musulmans"], "pas de porc svp."),
    ("de", "Wir sind Muslime und essen kein Schweinefleisch. Danke sehr", ["Muslime"], "Danke"),
    ("de", "Wir sind Juden, bitte koscher. Danke", ["Juden"], "bitte koscher."),
    ("nl", "Wij zijn joden, geen varkensvlees a.u.b. Groeten", ["joden"], "geen varkensvlees"),
    ("fr", "Nous sommes juifs pratiquants, repas casher svp", ["juifs"], "Nous sommes "),
    ("fr", "Nous sommes catholiques pratiquants, merci", ["catholiques"], "Nous sommes "),
    # "deux mamans" says the same since review 34 F7
    ("fr", "nous sommes lesbiennes, deux mamans. Merci bien", ["lesbiennes", "mamans"], "Merci "),
    ("de", "Wir sind ein schwules Paar, geht das Zimmer? Danke", ["schwules"], "geht das Zimmer?"),
    ("nl", "Wij zijn een homokoppel met twee kinderen. Tot dan, groeten", ["homokoppel"], "Tot dan"),
    ("nl", "Wij zijn allebei diabetici, graag suikervrij. Groeten", ["diabetici"], "graag suikervrij."),
    ("fr", "Nos enfants sont autistes, ils ont besoin de calme. Merci", ["autistes"], "ils ont besoin de calme."),
    # of the same class: a Dutch plural in 's, a German adjective's ending, Protestants, refugees
    ("nl", "Wij zijn homo's, we willen één bed. Groeten", ["homo"], "we willen één bed."),
    ("de", "Unsere Kinder sind gehörlose Zwillinge, bitte schriftlich. Danke", ["gehörlose"], "bitte schriftlich."),
    ("nl", "wij zijn protestanten, geen zondagsdienst graag. Groeten", ["protestanten"], "geen zondagsdienst"),
    ("de", "Wir sind Flüchtlinge aus Syrien, gibt es Rabatt? Danke", ["Flüchtlinge"], "gibt es Rabatt?")])
def test_a_belief_an_orientation_or_a_health_state_said_in_the_plural_or_inflected_is_masked(session, lang, value,
                                                                                           said, kept):
    """Review 31 F1: GDPR art. 9 data a family or a couple says in the plural or as an inflected adjective ("Wij zijn
    moslims", "Nous sommes musulmans", "Wir sind Juden", "ein schwules Paar", "Wij zijn allebei diabetici", "Nos
    enfants sont autistes") was stored in a remark's final value and keystrokes: the lists held the singular, read
    whole. A listed word takes its languages' plural and adjective endings (said_inflection); the irregular plurals
    and a couple's compounds are listed."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_belief_said_in_the_plural_in_a_payloads_remark_is_masked(detector):
    """Review 31 F1: the same posted in a payload's remark ({"remark": "Wir sind Juden, bitte koscher"}) was stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="de")),
           custom("form", {"menu": "Koscher", "remark": "Wir sind Juden, bitte koscher"}))
    stored = orjson.dumps(s.stored).decode()
    assert "Juden" not in stored and "Koscher" in stored, stored


def test_a_word_that_reads_as_a_listed_one_with_an_ending_stays(session):
    """The endings make other words of a few short ones ("hiver", "five", "suchten"): they stay readable in a
    visitor's remark, and the site's own plural ("Geschichte der Juden in Köln", "Repas pour musulmans") stays."""
    site = ["Geschichte der Juden in Köln", "Repas halal pour musulmans et végétariens"]
    note = element("textarea", {"name": "remark"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="fr")))
    value = "Nous partons en hiver. We have five kids. Wir suchten ein Geschenk, bitte um Rückruf"
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" Rückruf")])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik neem dagelijks sertraline 50 mg, mag dat samen met dit?", ["sertraline", "50 mg"],
     "mag dat samen met dit?"),
    ("fr", "Je prends du Lévothyrox 75 depuis mon opération. Merci bien", ["Lévothyrox"], "Merci"),
    ("de", "Ich nehme Marcumar, darf ich Ibuprofen nehmen? Danke sehr", ["Marcumar"], "darf ich Ibuprofen"),
    ("fr", "Je prends la PrEP, faut-il un rendez-vous ? Merci bien", ["PrEP"], "faut-il un rendez-vous ?"),
    ("nl", "Mijn zoon krijgt methadon via de apotheek. Tot dan, groeten", ["methadon"], "Tot dan"),
    ("fr", "On est en parcours PMA, transfert le 12. Merci bien", ["parcours", "PMA"], "transfert le 12."),
    ("de", "Mein Vater ist Dialysepatient, er braucht Ruhe. Danke sehr", ["Dialysepatient"], "er braucht Ruhe."),
    ("fr", "Mon groupe sanguin est O négatif, je peux donner ? Merci bien", ["groupe sanguin", "négatif"],
     "je peux donner ?"),
    # of the same class: a medicine no list holds said with its dose, one by its family's ending, a blood group
    ("nl", "Ik gebruik Zoloft 100 mg per dag, is dat een probleem? Groeten", ["Zoloft", "100 mg"],
     "is dat een probleem?"),
    ("en", "My wife takes escitalopram every morning, is that ok? Thanks a lot", ["escitalopram"], "is that ok?"),
    ("de", "Ich spritze Humira alle zwei Wochen, geht das? Danke sehr", ["Humira"], "geht das?"),
    ("nl", "Mijn bloedgroep is A positief, kan ik doneren? Tot dan, groeten", ["bloedgroep", "positief"],
     "kan ik doneren?")])
def test_a_medicine_a_treatment_or_a_blood_group_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 31 F3: a medicine a visitor or her own takes ("Ik neem dagelijks sertraline 50 mg", "Je prends du
    Lévothyrox", "Ich nehme Marcumar", "Je prends la PrEP", "Mijn zoon krijgt methadon") names her state of health,
    and so do a fertility pathway ("parcours PMA"), a "-patient" compound ("Dialysepatient") and a blood group: all
    were stored, said_health listing conditions only. Medicines are read by name (said_medicines), by their family's
    ending (said_medicine_endings: "-traline", "-opram") or, whatever their name, by the dose after the verb of
    taking one (said_dose: "Ik gebruik Zoloft 100 mg")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_medicine_said_in_a_payloads_remark_is_masked(detector):
    """Review 31 F3: the same posted in a chat's or a form's payload ({"remark": "Ich nehme Marcumar, …"}) was
    stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="de")),
           custom("chat", {"topic": "Wechselwirkung", "remark": "Ich nehme Marcumar, darf ich Ibuprofen nehmen?"}))
    stored = orjson.dumps(s.stored).decode()
    assert "Marcumar" not in stored and "Wechselwirkung" in stored and "darf ich Ibuprofen" in stored, stored


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Mijn man moet drie keer per week naar de dialyse, kan dat? Groeten", ["dialyse"], "kan dat?"),
    ("nl", "Mijn vader gaat drie keer per week naar de dialyse, kan dat? Groeten", ["dialyse"], "kan dat?"),
    ("fr", "Je suis dialysé trois fois par semaine, est-ce possible ? Merci", ["dialysé"], "est-ce possible ?"),
    ("de", "Ich muss dreimal pro Woche zur Dialyse, geht das? Danke sehr", ["Dialyse"], "geht das?"),
    ("fr", "Je dois m'injecter de l'insuline avant le repas, un frigo ? Merci", ["insuline"], "un frigo ?"),
    # of the same class: the act said of one's own further from the person, haemodialysis, an insulin pen
    ("en", "My mother goes three times a week to dialysis, is that ok? Thanks a lot", ["dialysis"], "is that ok?"),
    ("nl", "Onze zoon moet voor elke maaltijd met een insulinepen spuiten, kan dat? Groeten", ["insulinepen"],
     "kan dat?"),
    ("de", "Meine Frau ist seit zwei Jahren dialysepflichtig, geht das? Danke sehr", ["dialysepflichtig"], "geht das?")])
def test_a_treatment_said_by_its_act_is_masked(session, lang, value, said, kept):
    """Review 35 F10: a treatment said by what it is rather than by a "-patient" compound ("Mijn man moet drie keer
    per week naar de dialyse", "Je suis dialysé", "Ich muss dreimal pro Woche zur Dialyse", "Je dois m'injecter de
    l'insuline") was stored: the act stood further than four words from the person's word, or was no listed word, or
    came after an elision's apostrophe. Dialysis and insulin, which no other meaning shares, are read wherever a
    visitor writes them (said_health_alone), after an elision too."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_treatment_said_by_its_act_in_a_payloads_remark_is_masked(detector):
    """Review 35 F10: the same posted in a payload's remark ({"remark": "Je dois m'injecter de l'insuline …"}) was
    stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="fr")),
           custom("form-submit", {"topic": "Réservation", "remark": "Je dois m'injecter de l'insuline avant le repas"}),
           custom("form-submit", {"topic": "Reservering", "remark": "Mijn man moet drie keer per week naar de dialyse"}))
    stored = orjson.dumps(s.stored).decode()
    assert "insuline" not in stored and "dialyse" not in stored and "Réservation" in stored, stored


def test_a_clinics_own_words_for_dialysis_and_insulin_stay(session):
    """Review 35 F10's control: a hospital's or a pharmacy's own "Dialyse" and "Insuline" are its text, read as no
    visitor's statement."""
    assert_the_sites_lines_and_a_remark_stay(session, [
        "Dialyse – afdeling nefrologie", "Insuline bewaren in de koelkast", "Dialysezentrum Trier"], [
        "Ich komme am Montag um 9 Uhr.", "Bitte um Rückruf"])


def test_a_pharmacys_own_text_and_a_visitors_words_of_taking_stay(session):
    """Review 31 F3's controls: a pharmacy's own text ("Wij nemen uw voorschrift aan", "Prenez 2 comprimés par
    jour", a product's "Sertraline 50 mg") is no visitor's statement, and a visitor's verb of taking before no
    medicine and no dose ("ik neem contact op", "ik krijg een foutmelding", "je prends 2 boîtes") says nothing of
    her health: all stay readable."""
    site = ["Wij nemen uw voorschrift aan", "Prenez 2 comprimés par jour", "Neem contact op met de apotheker",
            "Sertraline 50 mg – 30 tabletten", "Bloedgroep onbekend? Vraag het de apotheker."]
    note = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="nl")))
    value = "ik neem contact op want ik krijg een foutmelding. Je prends 2 boîtes de 20 sachets, tot dan"
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" dan")])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je vote PTB depuis toujours et je suis militant au PTB. Merci bien", ["PTB"], "Merci"),
    ("fr", "Je suis adhérente d'Ecolo depuis 2010. Merci bien", ["Ecolo"], "Merci"),
    ("fr", "Je suis encarté au Parti socialiste, pas de pub MR svp. Merci", ["Parti socialiste", "socialiste"],
     "pas de pub MR svp."),
    ("nl", "Ik ben lid van de N-VA en zit in de gemeenteraad. Alvast bedankt", ["N-VA"], "Alvast"),
    ("nl", "Ik stem PVV, dus stuur me geen linkse folders. Alvast bedankt", ["PVV"], "dus stuur me geen"),
    ("de", "Ich bin AfD-Mitglied, bitte keine Grünen-Werbung. Vielen Dank", ["AfD"], "bitte keine"),
    ("de", "Ich wähle seit Jahren die Grünen, also bitte keine Werbung. Danke sehr",
     ["Grünen", "wähle seit Jahren"], "bitte keine Werbung."),
    # of the same class: a party an everyday word spells after the verb or before its participle, a member's
    # compound, a mandate
    ("fr", "J'ai voté PS aux dernières élections, merci de ne plus m'écrire", ["PS"], "merci de ne plus"),
    ("de", "Ich habe die Linke gewählt, bitte keine Post mehr. Danke", ["Linke", "gewählt"], "bitte keine Post"),
    ("nl", "Ik stem al jaren op Vooruit, geen folders aub. Groeten", ["Vooruit", "al jaren op"], "geen folders aub."),
    ("de", "Ich bin Grünen-Mitglied, bitte abmelden. Danke", ["Grünen"], "bitte abmelden."),
    ("nl", "Ik ben gemeenteraadslid in Lier, graag discreet. Groeten", ["gemeenteraadslid"], "graag discreet."),
    # review 32's leftover: Dutch and German parties an everyday word spells ("ik denk", "bij 1", "die Partei")
    ("nl", "Ik stem al jaren op DENK, geen folders aub. Ik denk dat dat duidelijk is", ["DENK,"], "Ik denk dat"),
    ("nl", "Ik heb op BIJ1 gestemd, geen folders aub. Groeten", ["BIJ1"], "geen folders aub."),
    ("de", "Ich wähle Die PARTEI, aus Prinzip. Danke sehr", ["PARTEI"], "aus Prinzip.")])
def test_a_political_opinion_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 32 F1: a political opinion (GDPR art. 9) a visitor says of herself, by her vote, her party's membership
    or her mandate ("Je vote PTB", "adhérente d'Ecolo", "lid van de N-VA", "Ich bin AfD-Mitglied", "Ich wähle seit
    Jahren die Grünen"), was stored: no list held a party. A party no everyday word spells is read after the first
    person as a belief is (said_parties); one an everyday word spells ("PS", "Grünen", "Vooruit") only after a verb of
    voting or a member's word, or before the participle of voting (said_parties_everyday)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Je suis une femme trans, merci d'utiliser mon prénom d'usage. Merci", ["trans"], "merci d'utiliser"),
    ("fr", "Mon fils est trans et en transition depuis un an. Merci bien", ["trans"], "Merci"),
    ("nl", "Ik ben een transvrouw en mijn papieren zijn nog niet aangepast. Alvast bedankt", ["transvrouw"],
     "Alvast"),
    ("de", "Ich bin eine Transfrau, bitte mit Frau ansprechen. Vielen Dank", ["Transfrau"], "bitte mit Frau"),
    ("de", "Ich bin trans und noch nicht geoutet, bitte diskret behandeln. Danke sehr", ["trans"],
     "bitte diskret behandeln."),
    # of the same class: "trans" before the noun, after a copula in Dutch and English, a man's compound
    ("en", "I'm a trans man, please use he/him. Thanks a lot", ["trans"], "please use"),
    ("nl", "Onze dochter is trans, mag ze in de meisjeskleedkamer? Groeten", ["trans"], "mag ze in de"),
    ("nl", "Ik ben transman, graag met meneer aanspreken. Groeten", ["transman"], "graag met meneer")])
def test_a_gender_identity_said_of_oneself_is_masked(session, lang, value, said, kept):
    """Review 32 F7: a gender identity said of oneself or one's child other than by "transgender" ("Je suis une
    femme trans", "Ik ben een transvrouw", "Ich bin trans", "en transition") was stored: said_belief held transgender,
    transgenre and non-binary only. The compounds are listed; "trans", an everyday prefix, is read beside a
    person's noun or after a copula (said_trans)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ga elke vrijdag naar de moskee, dus liever geen afspraak dan. Alvast bedankt", ["moskee", "naar de"],
     "dus liever geen"),
    ("de", "Ich gehe jeden Samstag in die Synagoge, bitte nicht samstags liefern. Danke sehr", ["Synagoge"],
     "bitte nicht samstags liefern."),
    ("fr", "Je vais à la messe tous les dimanches matin. Merci bien", ["messe"], "Merci"),
    ("nl", "Wij gaan zondags naar de kerk, bezorg aub op zaterdag. Alvast bedankt", ["kerk", "naar de"],
     "bezorg aub op zaterdag."),
    # of the same class: a church by its compound's name, an elided article, a Dutch synagogue's word, a service
    ("de", "Wir gehen sonntags in die Marienkirche, bitte samstags liefern. Danke", ["Marienkirche"],
     "bitte samstags liefern."),
    ("fr", "Le dimanche je vais à l'église, livrez le samedi svp. Merci", ["église"], "livrez le samedi svp."),
    ("nl", "Op zaterdag gaan we naar sjoel, dan zijn we niet thuis. Groeten", ["sjoel"], "dan zijn we niet thuis."),
    ("de", "Ich gehe jeden Sonntag zum Gottesdienst, dann bin ich nicht da. Danke", ["Gottesdienst"],
     "dann bin ich nicht da.")])
def test_a_religion_said_by_the_place_of_worship_one_goes_to_is_masked(session, lang, value, said, kept):
    """Review 32 F9: a religion said by the place of worship or the service a visitor goes to ("elke vrijdag naar de
    moskee", "jeden Samstag in die Synagoge", "je vais à la messe", "zondags naar de kerk") was stored: said_practice
    held fasts, veils and the sabbath, no place. A place or a service is read after a verb of going in the first
    person and up to four words (said_going, said_worship_places, said_worship_services), masked from the verb."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Wij zijn Armeens-apostolisch, dus Kerstmis valt bij ons op 6 januari. Groeten", ["apostolisch"],
     "dus Kerstmis valt bij ons"),
    ("de", "Ich bin griechisch-orthodox, bitte keinen Termin am Ostersonntag. Danke sehr", ["orthodox"],
     "bitte keinen Termin"),
    # of the same class: a listed belief after a hyphened word, an Eastern church said alone
    ("nl", "Ik ben rooms-katholiek opgevoed maar kom graag naar de leesclub. Groeten", ["katholiek"],
     "graag naar de leesclub."),
    ("fr", "Je suis copte, merci de ne pas fixer le rendez-vous un dimanche. Merci", ["copte"], "merci de ne pas")])
def test_an_eastern_church_or_a_belief_after_a_nations_word_said_of_oneself_is_masked(session, lang, value, said,
                                                                                       kept):
    """Held-out round 42: a belief said with the nation's word hyphened before it ("Wij zijn Armeens-apostolisch",
    "griechisch-orthodox", "rooms-katholiek") was stored: the statements read a listed belief as a word alone, and no
    list held the Eastern churches (orthodox, apostolic, Coptic). A listed belief after a hyphened word is read as
    the word is (said_special_word), and the Eastern churches are listed (said_belief)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Seo-yeon belt morgen terug over de afspraak. Groeten", ["Seo-yeon"], "belt morgen terug"),
    ("nl", "Ik denk dat Seo-yeon morgen belt. Groeten", ["Seo-yeon"], "Ik denk dat"),
    ("nl", "Wij halen Ha-eun om drie uur op. Groeten", ["Ha-eun"], "om drie uur op."),
    ("nl", "Mijn dochter Ha-eun is erg verkouden. Groeten", ["Ha-eun"], "is erg verkouden."),
    ("en", "Ha-eun has a fever since yesterday. Thanks", ["Ha-eun"], "has a fever"),
    # the guard: a word of two parts, the second in small letters, that is no listed name
    ("nl", "Peut-être kan ik morgen komen, anders vrijdag. Groeten", [], "Peut-être kan ik morgen komen")])
def test_a_korean_given_name_with_its_second_part_in_small_letters_is_read_alone(session, lang, value, said, kept):
    """Held-out round 43, probed beside the page: a Korean given name as Korea romanises it, its second syllable in
    small letters after a hyphen ("Seo-yeon", "Ha-eun"), was stored as a sentence's subject, after a clause's word,
    after a verb of fetching and after a relative's word: those rules read a second part with a capital only. The
    names are listed (pii.yaml extra_given_names); a listed name of two parts is no everyday word, however rare
    here (names.common_given_name_first)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Ik ben allergisch voor penicilline en heb de ziekte van Hashimoto. Groeten", ["Hashimoto"],
     "allergisch voor penicilline"),
    ("fr", "J'ai la maladie de Basedow depuis deux ans, merci de me rappeler. Merci", ["Basedow"], "merci de me"),
    ("de", "Ich habe Morbus Bechterew, bitte einen Stuhl mit Lehne. Danke sehr", ["Bechterew"], "bitte einen Stuhl"),
    ("nl", "Mijn schildklier werkt te traag, dus ik ben vaak moe. Groeten", ["schildklier"], "Mijn"),
    # of the same class: an age in brackets after a person's name or noun, between the person's word and the state
    ("nl", "Mijn zoon Ji-ho (6) heeft ADHD, graag een rustige wachtkamer. Groeten", ["ADHD"], "Mijn zoon"),
    ("fr", "Notre fille (8) est asthmatique, elle a sa Ventoline. Merci", ["asthmatique"], "Notre fille (8)")])
def test_a_disease_said_by_the_name_it_bears_or_after_an_age_in_brackets_is_masked(session, lang, value, said, kept):
    """Held-out round 43, probed beside the page: a disease said by the name it bears ("Ik heb de ziekte van
    Hashimoto", "la maladie de Basedow", "Morbus Bechterew") or a thyroid's disorder was stored: said_health held
    Parkinson's, Alzheimer's and Crohn's names only; and a state said of a child named with her age in brackets ("Mijn
    zoon Ji-ho (6) heeft ADHD"): the bracket ended the statement's words before it (content._SAID_WORD). The allergy
    stays, as said_health's note keeps it."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Als moslim eet ik geen varkensvlees, dus graag de vis. Alvast bedankt", ["moslim"], "dus graag de vis."),
    ("fr", "En tant que musulmane, je préfère une femme médecin. Merci bien", ["musulmane"], "je préfère une femme médecin."),
    ("de", "Als Diabetikerin brauche ich Pausen, bitte am Gang. Danke sehr", ["Diabetikerin"], "bitte am Gang."),
    ("en", "As an epileptic I can't do the strobe room, any other option? Thanks", ["epileptic"], "any other option?"),
    # "als" is an everyday word: what follows it that is no statement stays
    ("nl", "Als het regent, mag de bestelling bij de buren. Alvast bedankt", [], "Als het regent, mag de bestelling")])
def test_a_belief_or_health_said_as_what_one_is_is_masked(session, lang, value, said, kept):
    """A belief or a state of health said as what the writer is in saying what she does as one ("Als moslim eet ik
    geen varkensvlees", "En tant que musulmane, je…", "Als Diabetikerin brauche ich…") was stored: the first person's
    word came after it, and the statement is read after it (said_self: "als", "en tant que", "as a")."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said", [
    ("de", "Ich wähle seit Jahren die Grünen, bitte keine Werbung", ["Grünen"]),
    ("nl", "Ik ben een transvrouw, graag met mevrouw aanspreken", ["transvrouw"]),
    ("nl", "Ik ga elke vrijdag naar de moskee, liever een andere dag", ["moskee"])])
def test_a_political_opinion_a_gender_identity_or_a_worship_said_in_a_payloads_remark_is_masked(detector, lang,
                                                                                             remark, said):
    """Review 32 F1, F7, F9: the same posted in a payload's remark ({"remark": "Ich wähle seit Jahren die Grünen"})
    was stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Nieuwsbrief", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and "Nieuwsbrief" in stored, stored


@pytest.mark.parametrize("lang, message, said", [
    ("nl", "Ik stem al jaren Groen, stuur me geen folders meer", ["Groen"]),
    ("de", "Ich bin trans und noch nicht geoutet, bitte diskret", ["trans"]),
    ("fr", "Je vais à la mosquée le vendredi, pas de rdv ce jour-là", ["mosquée"])])
def test_a_political_opinion_a_gender_identity_or_a_worship_typed_in_a_chat_is_masked_in_its_bubble(session, lang,
                                                                                                 message, said):
    """Review 32 F1, F7, F9: such a statement typed in a chat widget is remembered as review 31 F2's are
    (Taint.add_statement), so the bubble echoing it is masked too; the site's own text naming the party, the place
    or the word stays readable."""
    box = element("textarea", {"id": "chat-input"})
    log = element("div", {"class": "chat-log", "role": "log"})
    site = "Groen, trans, mosquée: nos dossiers du mois."
    s = session()
    s.send(meta("https://journal.example/"), snapshot(html_page(element("p", {}, [text(site)]),
                                                                element("div", {"class": "chat-widget"}, [log, box]),
                                                                lang=lang)))
    s.send(*typing(box["id"], message))
    s.send(input_event(box["id"], ""))
    s.send(mutation(adds=[add(log["id"], element("div", {"class": "msg msg--visitor"}, [text(message)])),
                          add(log["id"], element("p", {}, [text(site)]))]))
    added = list(strings(s.stored[-1:]))
    assert site in added, added
    echo = [shown for shown in added if shown != site]
    assert echo and not [word for word in said for shown in echo if word in shown], echo
    stored = [shown for shown in strings(s.stored) if shown != site]
    assert not [word for word in said for shown in stored if word in shown], stored


def test_a_partys_or_a_parishs_own_text_and_a_visitors_everyday_words_stay(session):
    """Review 32 F1, F7, F9's controls: a party's or a parish's own text ("Programme du PTB", "Mis om 10 uur in de
    Sint-Jacobskerk", "Wahlprogramm der Grünen") is no visitor's statement, and a visitor's everyday words a party, a
    place or "trans" spells, with no vote, no member and no going before them ("PS : merci", "die grünen Schuhe", "un
    vol transatlantique", "ik denk", "de kerk is mooi"), say nothing of her: all stay readable."""
    site = ["Programme du PTB pour les communales", "Mis om 10 uur in de Sint-Jacobskerk", "Wahlprogramm der Grünen",
            "La mosquée ouvre ses portes samedi", "Trans-Europ-Express: een tentoonstelling"]
    note = element("textarea", {"name": "remark"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="fr")))
    value = ("Ich möchte die grünen Schuhe in 42. Je prends un vol transatlantique. PS : merci. Ik denk dat de kerk "
             "mooi is, bedankt")
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" bedankt")])


@pytest.mark.parametrize("label", ["Дата народження", "Дата рождения", "Ημερομηνία γέννησης", "Adresa"])
def test_a_date_of_birth_or_an_address_labelled_in_cyrillic_greek_or_romanian_is_masked(session, label):
    """Review 28 F12: a Ukrainian, Russian or Greek date of birth's label and the Romanian address's said nothing: the
    value beside one in a booking's summary was read as free text."""
    page = html_page(element("dl", {}, [element("dt", {}, [text(label)]), element("dd", {}, [text("Orlaith 7")])]))
    s = session()
    s.send(snapshot(page))
    assert "Orlaith" not in "\n".join(strings(s.stored))


def test_health_words_in_a_search_or_in_the_sites_text_stay(session):
    """The same words searched in a shop ("hernia kussen") or written by the site (a pharmacy's "Zwanger? Ik ben
    zwanger. Mag ik dit gebruiken?": its own FAQ) are no visitor's statement: they stay readable, and a statement typed
    elsewhere in the session is not remembered to mask them."""
    search = element("input", {"type": "search", "name": "q"})
    note = element("textarea", {"name": "bericht"})
    faq = element("p", {}, [text("Ik ben zwanger. Mag ik dit gebruiken? Lees de bijsluiter.")])
    allergy = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(search, note, faq, allergy, lang="nl")))
    s.send(*typing(search["id"], "kussen zwanger hernia "), *typing(note["id"], "ik ben zwanger, graag advies"),
           *typing(allergy["id"], "ik ben allergisch voor kiwi, graag zonder fruit"))
    s.send(mutation(adds=[add(faq["id"], text("Zwanger of borstvoeding? Vraag het de apotheker."))]))
    assert typed_values(s.stored, search)[-1] == "kussen zwanger hernia "
    assert "Ik ben zwanger. Mag ik dit gebruiken?" in orjson.dumps(s.stored[0]).decode()
    # an allergy said of oneself stays too, as held-out rounds 17 and 18 keep it: a practice needs it, it names no one
    assert typed_values(s.stored, allergy)[-1].startswith("ik ben allergisch voor kiwi, graag zonder ")
    assert s.stored[-1]["data"]["adds"][0]["node"]["textContent"] == "Zwanger of borstvoeding? Vraag het de apotheker."


def test_a_form_builders_numbered_box_is_masked_whole_and_where_the_page_shows_it_again(session):
    """Review 28 F1: a surname typed alone in a one-line box a form builder named by number only (Ninja Forms'
    "nf-field-12", WPForms' "wpforms[fields][3][last]") was masked in its keystrokes as a growing end only, never
    remembered: the next batch's summary showed it whole and stored it. Such a box is masked whole, as such a payload
    key is (FORM_VALUE), and remembered. A search box's term and a word in a one-line box nothing names (a filter)
    stay readable, and so does a numbered textarea's free text."""
    fields = {name: element(tag, {"id": name, **attrs}) for name, tag, attrs in (
        ("nf-field-12", "input", {"type": "text"}), ("last", "input", {"name": "wpforms[fields][3][last]"}),
        ("zoek", "input", {"type": "search"}), ("filter", "input", {"type": "text"}),
        ("nf-field-13", "textarea", {}))}
    summary = element("ul", {"id": "recap"})
    s = session()
    s.send(snapshot(html_page(*fields.values(), summary, lang="nl")))
    s.send(*typing(fields["nf-field-12"]["id"], "Vandermeulebroucke"), *typing(fields["last"]["id"], "Wauters"),
           *typing(fields["zoek"]["id"], "tuinstoelen"), *typing(fields["filter"]["id"], "Parasols"),
           *typing(fields["nf-field-13"]["id"], "Mag het pakket bij de buren? "))
    assert typed_values(s.stored, fields["nf-field-13"])[-1] == "Mag het pakket bij de buren? "
    s.send(mutation(adds=[add(summary["id"], element("li", {}, [text(shown)])) for shown in (
        "Vandermeulebroucke", "Wauters", "Resultaten voor tuinstoelen", "Parasols")]))
    stored = list(strings(s.stored[-1]))
    assert not [t for t in stored if "Vandermeulebroucke" in t or "Wauters" in t], stored
    for kept in ("Resultaten voor tuinstoelen", "Parasols"):
        assert kept in stored, (kept, stored)


def test_a_word_typed_alone_in_a_chat_box_is_masked_where_the_chat_shows_it_again(session):
    """Review 28 F1: a chat's answer to "Hoe heet u?" typed alone ("Ysoline") is masked in its keystrokes, and its
    bubble in the next batch is stored whole."""
    question = element("div", {"class": "bubble bot"}, [text("Hoe heet u?")])
    box, transcript = element("textarea", {"class": "composer"}), element("div", {"class": "transcript"})
    s = session()
    s.send(snapshot(html_page(question, box, transcript, lang="nl")))
    s.send(*typing(box["id"], "Ysoline"))
    s.send(click(box["id"]), mutation(adds=[add(transcript["id"], element("div", {"class": "bubble"}, [text("Ysoline")]))]))
    assert not leaks(s.stored, "Ysoline")


@pytest.mark.parametrize("cut", ["Vámház körút ", "Vámház körút 12/A. II. "])
def test_a_foreign_address_cut_after_its_street_word_or_its_floor_leaves_no_piece(session, cut):
    """Held-out round 36, under load: a batch that ended right after a Hungarian street's word ("Bogdánfy utca ") left
    the street's name stored (the word closes a name, as "Street" does, but was no closer), and one that ended after the
    floor's Roman number ("7/B. II. ") that number (the floor was read only with its word, "em.")."""
    note = "Mijn tante woont in 1093 Budapest, Vámház körút 12/A. II. em. 7. Bel haar gerust."
    box = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(snapshot(html_page(element("label", {}, [text("Opmerking"), box]), lang="nl")))
    end = note.index(cut) + len(cut)
    s.send(*[input_event(box["id"], note[:i]) for i in range(1, end + 1)])
    s.send(*[input_event(box["id"], note[:i]) for i in range(end + 1, len(note) + 1)])
    stored = "\n".join(strings(s.stored))
    assert not [w for w in windows("Vámház körút 12/A. II. em. 7.") if w in stored], stored[-300:]


def test_a_word_cut_by_the_batch_is_masked_where_the_page_writes_it_in_the_next_batches_and_after_a_restart(session):
    """Review 28 F1: what a batch's cut masks is looked for, as keyed digests saved with the session, in what the page's
    script writes in the next batches: a chat's answer shown two batches later, after a batch of mouse moves and a
    restart of the server (the state saved and loaded); a given name typed last in a one-line box, shown in a tag chip.
    The state holds neither word."""
    question = element("div", {"class": "bubble bot"}, [text("Comment vous appelez-vous ?")])
    box, transcript = element("textarea", {"class": "composer"}), element("div", {"class": "transcript"})
    tags, chips = element("input", {"type": "text", "class": "choices__input"}), element("div", {"class": "chips"})
    s = session()
    s.send(snapshot(html_page(question, box, transcript, tags, chips, lang="fr")))
    s.send(*typing(tags["id"], "Amélie"), *typing(box["id"], "Quenouillère"))
    s.send(incremental(SCROLL, id=1, x=0, y=40))
    saved = orjson.dumps(s.mirror.dump()).decode()
    assert "Quenouill" not in saved and "Amélie" not in saved and "Amelie" not in saved
    s.mirror = DomMirror.load(orjson.loads(saved))
    s.send(input_event(box["id"], ""), input_event(tags["id"], ""),
           mutation(adds=[add(transcript["id"], element("div", {"class": "bubble"}, [text("Quenouillère")])),
                          add(chips["id"], element("span", {"class": "choices__item", "data-value": "Amélie"},
                                                   [text("Amélie ×")]))]))
    assert not leaks(s.stored, "Quenouill") and not leaks(s.stored, "Amélie")


def test_a_word_cut_by_the_batch_that_the_field_goes_on_from_is_read_settled_in_the_next_batch(session):
    """What a batch's cut masked is not looked for once the field goes on from it: the word was a sentence's first
    ("Pakket" of "Pakket kwam niet aan"), and the page's own "Pakket volgen" written in the next batch stays. Nor after
    TYPED_END_BATCHES batches."""
    box, help_panel = element("textarea", {"class": "composer"}), element("div", {"class": "help"})
    s = session()
    s.send(snapshot(html_page(box, help_panel, lang="nl")))
    s.send(*typing(box["id"], "Pakket"))
    assert s.mirror.typed_ends
    s.send(*[input_event(box["id"], "Pakket kwam niet aan "[:end]) for end in range(7, 22)],
           mutation(adds=[add(help_panel["id"], element("a", {"href": "/volgen"}, [text("Pakket volgen")]))]))
    assert "Pakket volgen" in list(strings(s.stored[-1]))
    assert typed_values(s.stored, box)[-1] == "Pakket kwam niet aan "
    s.send(*typing(box["id"], "Ysoline"))
    assert s.mirror.typed_ends
    for _ in range(3):
        s.send(incremental(SCROLL, id=1, x=0, y=40))
    assert not s.mirror.typed_ends


def test_a_field_named_only_by_its_binding_or_an_image_in_its_label_is_masked_whole(session):
    """Review 28 F1: Angular's formcontrolname, Vue's v-model (its modifiers after a dot) and a <label for> that is
    only an image with an alt name a field where its name and id say nothing: read as its name is, the field's value
    is masked whole, and so is its echo in the page. A field bound to a search query stays a free text."""
    fields = [element("input", {"type": "text", "formcontrolname": "emailAddress"}),
              element("input", {"type": "text", "v-model.trim": "form.familyName"}),
              element("input", {"type": "text", "id": "f-geb"}),
              element("input", {"type": "text", "ng-model": "vm.query"})]
    label = element("label", {"for": "f-geb"}, [element("img", {"src": "/i/cake.svg", "alt": "Geboortedatum"})])
    recap = element("div", {"id": "recap"})
    s = session()
    s.send(snapshot(html_page(fields[0], fields[1], label, fields[2], fields[3], recap, lang="nl")))
    s.send(*typing(fields[0]["id"], "jorik at tuinmail"), *typing(fields[1]["id"], "De Wilde Verhaeghe"),
           *typing(fields[2]["id"], "14 maart 1987"), *typing(fields[3]["id"], "rode tuinstoelen kopen"))
    for field, secret in zip(fields, ("jorik", "Wilde", "maart")):
        assert not [v for v in typed_values(s.stored, field) if secret in v], typed_values(s.stored, field)
    assert typed_values(s.stored, fields[3])[-1].startswith("rode tuinstoelen ")
    s.send(mutation(adds=[add(recap["id"], text("Ingevuld: De Wilde Verhaeghe, 14 maart 1987"))]))
    assert not [t for t in strings(s.stored[-1]) if "Wilde" in t or "maart" in t], list(strings(s.stored[-1]))


def test_a_record_in_a_pages_path_after_a_holders_word_or_a_fields_word_is_masked(session):
    """Review 28 F9: a single-page app's route holding the record it shows (the patient's surname after "/patients/",
    a pupil's after "/leerlingen/") was kept, those words being on no list of segments that hold people; and a field's
    word in the path ("/geboortedatum/", "/telefoon/") did not give the next segment its meaning, as "?geboortedatum="
    does. The site's pages after such words stay readable, and so does a town after an address's word (a catalogue's
    route) and a route word after a field's ("/email/bevestigen")."""
    hrefs = ["https://kine.example/#/patienten/Vandecasteele/behandelingen",
             "https://school.example/leerlingen/Wuyts/rapport",
             "https://verzekeraar.example/aanvraag/geboortedatum/21-07-1979/stap2",
             "https://verzekeraar.example/aanvraag/telefoon/0478123456",
             "https://verzekeraar.example/patienten/nieuw",
             "https://hotels.example/city/Antwerpen/hotels",
             "https://account.example/email/bevestigen"]
    s = session()
    for href in hrefs:
        s.send(meta(href))
    stored = [event["data"]["href"] for event in s.stored if event["type"] == 4]
    for secret in ("Vandecasteele", "Wuyts", "21-07-1979", "0478123456"):
        assert not [href for href in stored if secret in href], (secret, stored)
    assert stored[0].endswith("/behandelingen") and stored[2].endswith("/stap2")
    assert stored[4:] == hrefs[4:], stored


def test_a_number_split_by_slashes_after_a_holders_word_is_masked_in_every_segment(session):
    """A number whose own separator is a '/' after a segment that holds people ("/dossiers/93/4417/0286", as a
    Steuernummer in a hash route): the segment after the word is masked whole for it, and the digit segments after
    that go on with it, which the segments' joined reading no longer sees; the route's page after them is kept."""
    s = session()
    s.send(meta("https://kantoor.example/#/dossiers/93/4417/0286/overzicht"))
    assert s.stored[0]["data"]["href"] == "https://kantoor.example/#/dossiers/**/****/****/overzicht"


def test_a_name_in_a_script_without_capitals_in_the_sites_text_is_masked_and_its_own_words_stay(session):
    """Review 30 F1: a school's, a clinic's or a shop's page showing its visitor's name back in Arabic, Ge'ez, Hebrew
    or Chinese letters after a role's label, a greeting, a booking's, an order's or a relative's word ("Élève : محمد
    العلوي", "Bonjour محمد العلوي", "Bestelling #1042 — 王小明 heeft betaald") stored it: no letter of those scripts is a
    capital, and words in them were read only where a visitor writes. The site's own heading, products, menu and
    bilingual welcome in those scripts name no one and stay readable."""
    lines = ["Élève : محمد العلوي, classe 5A", "Patient : ተስፋይ ገብረመድህን", "Bonjour محمد العلوي, votre commande est prête",
             "Bestelling #1042 — 王小明 heeft betaald", "Réservation pour ተስፋይ ገብረመድህን, 2 personnes",
             "Contact d'urgence : sa mère فاطمة بنعلي", "Élève : דוד כהן"]
    own = ["Bienvenue مرحبا بكم", "Épicerie orientale — بقالة شرقية", "Nos spécialités : 北京烤鸭, 宫保鸡丁",
           "Langue : العربية"]
    s = session()
    s.send(meta("https://ecole.example/"),
           snapshot(html_page(*(element("p", {}, [text(line)]) for line in [*lines, *own]), lang="fr")))
    stored = list(strings(s.stored))
    for name in ("محمد", "العلوي", "ተስፋይ", "ገብረመድህን", "王小明", "فاطمة", "بنعلي", "דוד", "כהן"):
        assert not [t for t in stored if name in t], name
    assert set(own) <= set(stored), [t for t in stored if t not in own]
    assert "Élève : " in "\n".join(stored) and ", classe 5A" in "\n".join(stored)


def test_a_vietnamese_name_with_its_middle_name_van_is_masked_whole_in_page_text(session):
    """Review 32 F2: "Client : Nguyen Van Anh" was stored "Client : Nguyen Van ***": "Van" was read as the Dutch
    particle that the words before a given name end with ("Brief van Jan"). The name is masked from its surname on;
    the words before it, and a museum named after a Dutch painter, stay."""
    lines = ["Client : Nguyen Van Anh", "Bestelling van Pham Van Duc is verzonden.", "Klant: Le Van Thanh"]
    own = ["Bezoek het Van Gogh Museum in Amsterdam."]
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in [*lines, *own]), lang="nl")))
    stored = "\n".join(strings(s.stored))
    for name in ("Nguyen", "Pham", "Van Anh", "Van Duc", "Le Van", "Thanh"):
        assert name not in stored, name
    assert "Client : " in stored and "Bestelling van " in stored and " is verzonden." in stored
    assert own[0] in stored


def test_an_e_mail_address_spelled_with_apestaartje_typed_is_masked(session):
    """Review 32 F12: "mail mij op lotte punt devos apestaartje gmail punt com", typed, was stored with "devos
    apestaartje gmail punt com" readable: at_words knew "apenstaartje" and not "apestaartje". The words before it stay
    (the last, "bedankt", is masked while it may be a name being typed)."""
    note = element("textarea", {"name": "opmerking", "aria-label": "Opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(note, lang="nl")))
    s.send(*typing(note["id"], "mail mij op lotte punt devos apestaartje gmail punt com, alvast bedankt"))
    values = typed_values(s.stored, note)
    assert not [v for v in values if "devos" in v or "gmail" in v], values
    assert values[-1].startswith("mail mij op ") and ", alvast " in values[-1], values[-1]


def test_a_vietnamese_name_typed_in_lower_case_is_masked(session):
    """Review 30 F11: a delivery note's "remettre le colis à nguyễn thị lan au 2e étage", typed without capitals,
    was stored but for its last word: vietnamese_name wanted capitals and the lower-case readings a known given name
    first. The words around it stay, "à lyon" and "à domicile" too (its last word is masked while it may be a name's)."""
    note = element("textarea", {"name": "remarque", "aria-label": "Remarque"})
    s = session()
    s.send(meta(), snapshot(html_page(note, lang="fr")))
    s.send(*typing(note["id"], "merci de remettre le colis à nguyễn thị lan au 2e étage, pas à lyon ni à domicile svp"))
    values = typed_values(s.stored, note)
    assert not [v for v in values if "nguyễn" in v or "thị" in v], values
    assert values[-1].startswith("merci de remettre le colis à ") and ", pas à lyon ni à domicile " in values[-1], values[-1]


def typed_and_posted_as_a_remark(session, note: str) -> list[str]:
    """The strings stored of a note typed in a remark's textarea and posted in a custom event's {"remark": …}."""
    field = element("textarea", {"name": "remark", "aria-label": "Remarque"})
    s = session()
    s.send(meta(), snapshot(html_page(field, lang="fr")))
    s.send(*typing(field["id"], note))
    s.send(custom("form", {"remark": note}))
    return list(strings(s.stored))


@pytest.mark.parametrize("note, name", [
    ("entregar à joão pereira no 2º andar", ["joão", "pereira"]),
    ("abholung durch katarzyna nowak am freitag", ["katarzyna", "nowak"]),
    ("bitte an oksana kovalenko übergeben", ["oksana", "kovalenko"]),
    ("le colis est pour tiago ferreira, 3e étage", ["tiago", "ferreira"]),
    ("afgeven bij mihai ionescu op nummer 12", ["mihai", "ionescu"]),
    ("c'est piotr zieliński qui viendra chercher la commande", ["piotr", "zieliński"]),
    ("de sleutel ligt bij olena shevchenko, 1e verdieping", ["olena", "shevchenko"]),
])
def test_a_common_name_of_a_large_community_typed_in_lower_case_is_masked(session, note, name):
    """Review 31 F4: a full name typed in lower case with no word saying a person follows was read only when its
    given name was common in the visitors' countries, which left out the largest communities of other origins
    (Portuguese, Polish, Romanian, Ukrainian): "entregar à joão pereira", "abholung durch katarzyna nowak", "bitte
    an oksana kovalenko übergeben" were stored, typed in a remark and posted in a custom event's {"remark": …}
    (whose values the lower-case reading did not see at all: "sophie nowak" was stored there too)."""
    stored = typed_and_posted_as_a_remark(session, note)
    assert not [t for t in stored if any(part in t for part in name)], name


@pytest.mark.parametrize("note, name", [
    ("IK BEN JAN PEETERS EN IK WIL MIJN BESTELLING ANNULEREN", ["PEETERS"]),
    ("LEVERING VOOR JAN PEETERS", ["PEETERS"]), ("LEVERING VOOR KOFI MENSAH ASANTE", ["MENSAH"]),
    ("BONJOUR, JE SUIS MARIE DUBOIS, MA FILLE EST MALADE", ["DUBOIS"]), ("LIVRAISON POUR MAMADOU DIALLO", ["DIALLO"]),
    ("HALLO, HIER IST KLAUS SCHNEIDER, BITTE RÜCKRUF", ["SCHNEIDER"]),
    ("AFGEVEN BIJ LOTTE VAN DAMME OP NUMMER 12, merci", ["DAMME"]),
    ("Bonjour, COLIS POUR CAMILLE LAMBERT SVP", ["LAMBERT"]),
])
def test_a_name_in_a_visitors_text_typed_in_capitals_is_masked(session, note, name):
    """Review 35 F5: a visitor's text typed with caps lock on ("IK BEN JAN PEETERS EN IK WIL…", "LIVRAISON POUR
    MAMADOU DIALLO"), typed in a remark and posted in a custom event's {"remark": …}, was stored with its name: a run in
    capitals inside a longer one is a heading's, and the rules for names typed without capitals read no capitals. Its
    stretches in capitals are read as lower case where a visitor writes (content.capitals_read_in_lower_case)."""
    stored = typed_and_posted_as_a_remark(session, note)
    assert not [t for t in stored if any(part in t for part in name)], name


def test_the_sites_headings_in_capitals_stay_readable_when_a_visitor_writes_in_capitals(session):
    """Review 35 F5's controls: the site's headings and buttons in capitals stay as they are, though a visitor named the
    museum's painter in her remark in capitals: masked there, but not remembered, so the next snapshot's heading
    stays."""
    own = ["GRATIS LEVERING VANAF 50 EURO", "SOLDES D'HIVER", "BESTELLEN", "EXPO RENÉ MAGRITTE"]
    field = element("textarea", {"name": "remark", "aria-label": "Opmerking"})
    note = "WANNEER LOOPT DE TENTOONSTELLING OVER RENÉ MAGRITTE?"
    s = session()
    s.send(meta(), snapshot(html_page(*(element("h2", {}, [text(line)]) for line in own), field, lang="nl")))
    s.send(*typing(field["id"], note))
    s.send(custom("form", {"remark": note}))
    s.send(snapshot(html_page(*(element("h2", {}, [text(line)]) for line in own), lang="nl")))
    stored = list(strings(s.stored))
    assert [stored.count(line) for line in own] == [2, 2, 2, 2], stored
    assert not [t for t in stored if "MAGRITTE" in t and t != "EXPO RENÉ MAGRITTE"], stored


@pytest.mark.parametrize("note, name", [
    ("à livrer chez mukendi kabasele au 3e.", ["mukendi", "kabasele"]),
    ("remettre le colis à kabongo tshimanga si absent.", ["kabongo", "tshimanga"]),
    ("afgeven bij kasongo mutombo op de 2de.", ["kasongo", "mutombo"]),
    ("afgeven bij zineb bouzid op de 2de.", ["zineb", "bouzid"]),
    ("de sleutel ligt bij rishi mahabier, 1e verdieping", ["rishi", "mahabier"]),
    ("graag afgeven bij soenita ramdin op nummer 4", ["soenita", "ramdin"]),
])
def test_a_congolese_moroccan_or_surinamese_name_typed_in_lower_case_is_masked(session, note, name):
    """Review 32 F11: "à livrer chez mukendi kabasele au 3e", typed in a remark and posted in a custom event's
    {"remark": …}, was stored: the lower-case reading wants a common given name first, and the name list has no column
    for DR Congo, Belgium's largest African community (nor Morocco's names of today, nor Suriname's Dutch spellings):
    its Luba names, typed first as often as last, and those of Morocco and Suriname are listed (rules/pii.yaml
    extra_given_names, popular_given_names)."""
    stored = typed_and_posted_as_a_remark(session, note)
    assert not [t for t in stored if any(part in t for part in name)], name


def test_a_congolese_town_or_a_spice_in_the_sites_text_stays_readable(session):
    """Review 32 F11's controls: the site's own text naming a Congolese town, a square after a statesman or the spice
    kalonji (nigella) in lower case names no one."""
    own = ["Livraison possible à Kinshasa, Lubumbashi et Kasongo.", "Rendez-vous square Lumumba à Ixelles.",
           "kalonji zaad, 100 g", "Nos épices : kalonji, cumin et sumac."]
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in own), lang="fr")))
    stored = set(strings(s.stored))
    assert set(own) <= stored, [t for t in stored if t not in own]


def test_everyday_words_that_are_common_names_abroad_typed_in_lower_case_stay_readable(session):
    """Review 31 F4's controls: the given names common in Portugal, Poland, Romania and Ukraine that are everyday
    words of the sites' languages or a menu's (rules/pii.yaml everyday_words_that_are_names: "ion", "marin", "alla",
    "tudor") are read as names typed in lower case no more than "pierre bleue" is."""
    note = ("une batterie lithium ion neuve, du sel marin bio, des spaghetti alla carbonara et une montre tudor "
            "black bay, merci.")
    field = element("textarea", {"name": "remark", "aria-label": "Remarque"})
    s = session()
    s.send(meta(), snapshot(html_page(field, lang="fr")))
    s.send(*typing(field["id"], note))
    final = typed_values(s.stored, field)[-1]
    for words in ("lithium ion neuve", "sel marin bio", "alla carbonara", "montre tudor black bay"):
        assert words in final, final


@pytest.mark.parametrize("note, lang, name", [
    ("Mijn ex, Kevin, mag de kinderen NIET ophalen", "nl", "Kevin"),
    ("Mijn ex-man Kevin mag de kinderen niet ophalen", "nl", "Kevin"),
    ("Mon ex-mari, Karim, n'a pas le droit de venir chercher les enfants", "fr", "Karim"),
    ("Meine Ex-Frau Sabine darf die Kinder nur mittwochs abholen", "de", "Sabine"),
    ("Sorgerecht liegt allein bei mir, der Vater darf Mia nicht abholen", "de", "Mia"),
    ("Le père ne peut pas récupérer Inès à la sortie", "fr", "Inès"),
    ("Oma mag Noah op woensdag ophalen", "nl", "Noah"),
    ("Only his grandmother may pick up Lucas after school", "en", "Lucas"),
    ("Mariage de Sarah & Youssef le 14 juin", "fr", "Youssef"),
    ("Liste van Lotte & Bram, trouw 14 juni", "nl", "Bram"),
])
def test_a_given_name_alone_in_a_pick_up_or_custody_note_is_masked(session, note, lang, name):
    """Review 31 F5: a given name alone in a day-care's or a school's pick-up note, or a couple's second name, typed in
    a remark and posted in a custom event's {"remark": …}, was stored: an ex-partner named after "ex" ("Mijn ex, Kevin,
    mag…", "Mon ex-mari, Karim, …": no relative's word), the child fetched ("der Vater darf Mia nicht abholen", "ne peut
    pas récupérer Inès": no rule read a name beside a verb of fetching), the second of a couple after "&" ("Sarah &
    Youssef": the name before it was read by its shape, and only the detectors read a partner after one)."""
    field = element("textarea", {"name": "remark", "aria-label": "Opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(field, lang=lang)))
    s.send(*typing(field["id"], note))
    s.send(custom("form", {"remark": note}))
    stored = list(strings(s.stored))
    assert not [t for t in stored if name in t], name
    assert [t for t in stored if t.endswith(note.split()[-1])], stored  # the note's other words stay


@pytest.mark.parametrize("note, lang, name", [
    ("Juf Marieke zegt dat Daan ziek is, dus hij blijft thuis", "nl", "Daan"),
    ("Je crois que Léa a de la fièvre depuis hier soir", "fr", "Léa"),
    ("Ich komme später, weil Jonas heute Fieber hat", "de", "Jonas"),
    ("Les jumeaux arrivent à 14h et Théo reste jusqu'à 17h", "fr", "Théo"),
])
def test_a_given_name_alone_opening_a_clause_inside_a_sentence_is_masked(session, note, lang, name):
    """A given name alone right after a word that opens a clause inside a sentence ("zegt dat Daan ziek is", "je crois
    que Léa a…", "weil Jonas heute Fieber hat") was stored: a sentence's subject was read opening the sentence only,
    before its verb, and Dutch and German put the verb last in such a clause. A common given name there is masked,
    in a remark typed and posted (content.clause_subject_named); "and May is fine", "dat Zalando heeft" stay."""
    field = element("textarea", {"name": "remark", "aria-label": "Opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(field, lang=lang)))
    s.send(*typing(field["id"], note))
    s.send(custom("form", {"remark": note, "other": "and May is fine, dat Zalando heeft het gestuurd"}))
    stored = list(strings(s.stored))
    assert not [t for t in stored if name in t], name
    assert [t for t in stored if t.endswith(note.split()[-1])], stored  # the note's other words stay
    assert "and May is fine, dat Zalando heeft het gestuurd" in stored


def test_a_pick_up_or_a_couple_in_the_sites_text_and_a_relative_stay_readable(session):
    """Review 31 F5's controls: the site's "Ophalen in de winkel", "Abholung: Mo–Fr", "Click & Collect" and "Ben &
    Jerry's" name no one, nor do a visitor's "Click & Collect" and "Ben & Jerry's"; and a grandmother opening a note
    ("Oma mag Noah op woensdag ophalen": a relative's word the list knows as a rare name) is no name of hers."""
    own = ["Ophalen in de winkel", "Abholung: Mo–Fr 9–18 Uhr", "Click & Collect", "Ben & Jerry's Cookie Dough"]
    field = element("textarea", {"name": "remark", "aria-label": "Opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in own), field, lang="nl")))
    s.send(*typing(field["id"], "Oma mag Noah op woensdag ophalen, graag met Click & Collect en een Ben & Jerry's ijsje."))
    stored = list(strings(s.stored))
    assert set(own) <= set(stored), [t for t in stored if t not in own]
    values = typed_values(s.stored, field)
    assert values[-1].startswith("Oma mag **** op woensdag ophalen, graag met Click & Collect en een Ben & Jerry's "), \
        values[-1]
    assert all(value.startswith("Oma") for value in values if len(value) >= 3), values  # as the note was typed


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Onze zoon is 9 jaar en heeft epilepsie, graag opletten. Groeten", ["epilepsie"], "graag opletten."),
    ("nl", "Mijn dochter is 7 jaar en heeft diabetes type 1, graag opletten. Groeten", ["diabetes"], "graag opletten."),
    ("fr", "Ma fille a 6 ans et elle est diabétique, prévoir un goûter. Merci", ["diabétique"], "prévoir un goûter."),
    ("de", "Unser Sohn ist 8 und hat Asthma, bitte beachten. Danke", ["Asthma"], "bitte beachten."),
    # of the same class: the age after "van", "de", "von" or in brackets, a clause's pronoun, English's "years old"
    ("nl", "Mijn zoon van 9 jaar heeft epilepsie, graag opletten. Groeten", ["epilepsie"], "graag opletten."),
    ("fr", "Notre fils de 8 ans est épileptique, merci de prévoir. Merci", ["épileptique"], "merci de prévoir."),
    ("de", "Unser Sohn (8) hat Asthma, bitte beachten. Danke", ["Asthma"], "bitte beachten."),
    ("nl", "Mijn dochter is 10 jaar en ze heeft autisme, graag een rustige plek. Groeten", ["autisme"],
     "graag een rustige plek."),
    ("en", "Our son is 9 years old and has epilepsy, please be aware. Thanks", ["epilepsy"], "please be aware.")])
def test_an_illness_said_of_ones_child_after_its_age_is_masked(session, lang, value, said, kept):
    """Review 34 F4: one's own child's illness said after an age clause ("Onze zoon is 9 jaar en heeft epilepsie",
    "Ma fille a 6 ans et elle est diabétique", "Unser Sohn ist 8 und hat Asthma") was stored: the age and its "en",
    "et", "und" pushed the illness past the four words a statement reads after the first person's word. An age (a
    number, its word, the clause's joiner and pronoun) is read as one of the four (content._SAID_AGE)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Mijn dochter Noor Ouali (°12/03/2017) heeft diabetes, graag opletten. Groeten", ["diabetes"],
     "graag opletten."),
    ("fr", "Ma fille Léa Martin (née le 12/03/2017) est diabétique, prévoir un goûter. Merci", ["diabétique"],
     "prévoir un goûter."),
    ("nl", "Beste, mijn dochter Noor Ouali (°12/03/2017) heeft diabetes. Groeten", ["diabetes"], "Beste,"),
    # of the same class: a date written with its month's word, a short year, a year alone
    ("de", "Unser Sohn Jonas Becker (geb. 3. Mai 2016) hat Asthma, bitte beachten. Danke", ["Asthma"],
     "bitte beachten."),
    ("fr", "Mon fils Tom (12/03/17) est épileptique, merci de prévoir. Merci", ["épileptique"], "merci de prévoir."),
    ("nl", "Onze zoon Daan Peeters (°2016) heeft epilepsie, graag opletten. Groeten", ["epilepsie"],
     "graag opletten.")])
def test_an_illness_said_of_ones_child_after_its_name_and_birth_date_is_masked(session, lang, value, said, kept):
    """Review 35 F6: one's own child's illness said after the child's full name and a birth date in brackets ("Mijn
    dochter Noor Ouali (°12/03/2017) heeft diabetes", "Ma fille Léa Martin (née le 12/03/2017) est diabétique") was
    stored: the name and the bracket pushed the state past the four words after the person's word (an age was one,
    not a birth date). A name of up to three words and the bracket holding a date are read as one word
    (content._SAID_BORN)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_an_illness_said_of_ones_child_after_its_name_and_birth_date_in_a_payload_is_masked(detector):
    """Review 35 F6: the same posted in a payload's remark was stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang="fr")),
           custom("form-submit", {"topic": "Inscription",
                                  "remark": "Ma fille Léa Martin (née le 12/03/2017) est diabétique"}))
    stored = orjson.dumps(s.stored).decode()
    assert "diabétique" not in stored and "Inscription" in stored, stored


def test_a_childs_age_with_no_state_of_health_stays(session):
    """Review 34 F4's control: a child's age and what it needs with no state of health say nothing and stay."""
    assert_the_sites_lines_and_a_remark_stay(session, ["Kinderkamp 6-12 jaar"], [
        "Onze zoon is 9 jaar en heeft een fiets nodig.", "Unser Sohn ist 8 und hat Hunger.",
        "Unser Sohn (2016) hat heute Geburtstag.", "Bitte um Rückruf"])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Noor heeft twee mama's, beide mogen haar ophalen. Groeten", ["mama"], "beide mogen haar ophalen."),
    ("nl", "Noor heeft twee mamas, beide mogen haar ophalen. Groeten", ["mama"], "beide mogen haar ophalen."),
    ("fr", "Léa a deux papas, les deux peuvent venir. Merci", ["papas"], "les deux peuvent venir."),
    ("de", "Mia hat zwei Mamas, beide dürfen sie abholen. Danke", ["Mamas"], "beide dürfen sie abholen."),
    # of the same class: the first person's family, mothers and fathers, a co-mother, English's
    ("nl", "Onze dochter heeft twee moeders, graag beide mailen. Groeten", ["moeders"], "graag beide mailen."),
    ("fr", "Mon fils a deux mères, merci d'écrire aux deux. Merci", ["mères"], "merci d'écrire aux deux."),
    ("de", "Unser Sohn hat zwei Väter, bitte beide informieren. Danke", ["Väter"], "bitte beide informieren."),
    ("nl", "Ik ben de meemoeder van Noor, mag ik haar ophalen? Groeten", ["meemoeder"], "mag ik haar ophalen?"),
    ("en", "Our son has two dads, please email both. Thanks", ["dads"], "please email both.")])
def test_same_sex_parents_said_of_ones_family_are_masked(session, lang, value, said, kept):
    """Review 34 F7: same-sex parents said of one's family ("Noor heeft twee mama's", "Léa a deux papas", "Mia hat
    zwei Mamas") were stored: they say the parents' sexual orientation (GDPR art. 9), and no statement read them. Two
    mothers or fathers and a co-mother are listed with the orientations (said_belief), read after the first person or
    a named child as the other words there are."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_two_of_anything_else_and_the_sites_books_on_families_stay(session):
    """Review 34 F7's controls: a bookshop's "Twee mama's en een baby" and "Deux papas pour Léa" are the site's
    titles, and a visitor's two of anything else ("Wij hebben twee katten", "J'ai deux enfants") say nothing."""
    assert_the_sites_lines_and_a_remark_stay(session, ["Twee mama's en een baby – prentenboek", "Deux papas pour Léa"], [
        "Wij hebben twee katten en een hond.", "J'ai deux enfants de 5 et 7 ans.", "Bitte um Rückruf"])


@pytest.mark.parametrize("lang, label, tag, value, said, kept", [
    ("nl", "Bijzonderheden", "input", "diabetes type 1", ["diabetes"], ""),
    ("nl", "Bijzonderheden", "textarea", "ADHD, neemt Rilatine 's middags", ["ADHD", "Rilatine"], ""),
    ("nl", "Waar moeten we op letten?", "textarea", "autisme, heeft nood aan een rustige plek", ["autisme"],
     ", heeft nood aan een rustige"),
    ("fr", "Particularités", "textarea", "diabète de type 1, pompe à insuline", ["diabète", "insuline"], ""),
    ("fr", "Informations complémentaires", "textarea", "asthme sévère, Ventoline", ["asthme", "Ventoline"], ""),
    ("de", "Hinweise für die Betreuer", "textarea", "Epilepsie, Notfallmedikament im Rucksack", ["Epilepsie"],
     ", Notfallmedikament im"),
    ("fr", "Régime alimentaire", "input", "sans porc (musulmane)", ["musulmane"], "sans porc ("),
    # of the same class: a list's lines and items after a semicolon, a bullet, a sentence; an allergy stays
    ("nl", "Opmerkingen", "textarea", "Fietst graag.\n- astma\n- neemt Medikinet", ["astma", "Medikinet"],
     "Fietst graag.\n- "),
    ("fr", "Remarques", "textarea", "Allergie aux noix; épileptique, sous Keppra", ["épileptique", "Keppra"],
     "Allergie aux noix; "),
    ("de", "Besonderheiten", "textarea", "Sehr lebhaft. Diabetiker, misst selbst", ["Diabetiker"], "Sehr lebhaft. ")])
def test_a_state_of_health_or_a_belief_opening_a_visitors_answer_is_masked(session, lang, label, tag, value, said,
                                                                            kept):
    """Review 34 F3: a bare state of health or a belief typed as the whole answer to a child's registration's
    "Bijzonderheden", "Particularités", "Hinweise" ("diabetes type 1", "ADHD, neemt Rilatine 's middags", "sans porc
    (musulmane)") was stored but for its last word: a statement needed a first person's word, which such an answer
    leaves out. What a visitor writes is hers: a listed state or belief opening her value, a line, a sentence, a
    list's item or a bracket is masked with the rest of its clause (and a medicine after the verb of taking it)."""
    first = element("input", {"type": "text", "id": "first"})
    field = element(tag, {"type": "text", "id": "f"} if tag == "input" else {"id": "f"})
    s = session()
    s.send(meta(), snapshot(html_page(element("form", {}, [
        element("label", {"for": "first"}, [text("Voornaam kind")]), first,
        element("label", {"for": "f"}, [text(label)]), field]), lang=lang)))
    s.send(*typing(first["id"], "Noor"), *typing(field["id"], value))
    s.send(custom("form", {"remark": value}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored], stored
    assert kept in typed_values(s.stored, field)[-1], typed_values(s.stored, field)[-1]


def test_the_sites_own_health_words_and_a_visitors_remark_not_opening_with_one_stay(session):
    """Review 34 F3's controls: the site's "Diabetes type 1: wat is het?", "Épilepsie : symptômes" stay readable,
    though the visitor typed "diabetes type 1" as her child's particulars on the same page (a state opening a value is
    masked there, never remembered), and so does a visitor's question that names an illness not opening anything, an
    allergy, and an item opening with another word."""
    site = ["Diabetes type 1: wat is het?", "Épilepsie : symptômes et traitements", "Asthma bei Kindern"]
    particulars = element("input", {"type": "text", "aria-label": "Bijzonderheden"})
    note = element("textarea", {"name": "bemerkung"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), particulars, note,
                                      lang="nl")))
    remark = "Hebben jullie boeken over diabetes voor kinderen? Allergie aux noix, sans gluten. Bitte um Rückruf"
    s.send(*typing(particulars["id"], "diabetes type 1"), *typing(note["id"], remark))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(remark[:-len(" Rückruf")])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Noor is morgen afwezig wegens het Suikerfeest, graag noteren. Groeten", ["Suikerfeest"], "graag noteren."),
    ("nl", "Wij vieren het Offerfeest, mijn zoon komt niet. Groeten", ["Offerfeest"], "mijn zoon komt niet."),
    ("fr", "Absent lundi pour l'Aïd el-Kebir, merci de noter. Merci", ["Aïd", "Kebir"], "merci de noter."),
    ("de", "Wir feiern das Zuckerfest, mein Sohn fehlt. Danke", ["Zuckerfest"], "mein Sohn fehlt."),
    ("nl", "We vieren Diwali thuis, tot maandag. Groeten", ["Diwali"], "tot maandag."),
    ("nl", "Mijn zoon doet mee aan de ramadan, graag geen lunch. Groeten", ["ramadan"], "graag geen lunch."),
    # of the same class: a sacrifice's feast in German, Holi, Pesach, a Turkish bayram, a fast's meal, Hanukkah
    ("de", "Lea fehlt am Montag wegen Opferfest, bitte entschuldigen. Danke", ["Opferfest"], "bitte entschuldigen."),
    ("fr", "Nous fêtons Holi samedi, pas d'entraînement. Merci", ["Holi"], "pas d'entraînement."),
    ("nl", "Sara is vrijdag afwezig voor Pesach, tot maandag. Groeten", ["Pesach"], "tot maandag."),
    ("de", "Zum Kurban Bayramı sind wir verreist, bitte verschieben. Danke", ["Bayram"], "bitte verschieben."),
    ("fr", "Après l'iftar il sera fatigué, merci de comprendre. Merci", ["iftar"], "merci de comprendre."),
    ("en", "We celebrate Hanukkah that week, so we skip it. Thanks", ["Hanukkah"], "so we skip it.")])
def test_a_religion_said_by_its_feast_or_observance_is_masked(session, lang, value, said, kept):
    """Review 34 F6: a religion given by a feast or an observance, typically an absence's reason ("afwezig wegens het
    Suikerfeest", "Wij vieren het Offerfeest", "pour l'Aïd el-Kebir", "Wir feiern das Zuckerfest", "We vieren Diwali",
    "doet mee aan de ramadan") was stored: no statement listed them, or the person's word stood too far. A feast or
    an observance is masked wherever a visitor writes one (said_observances), never remembered."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_shops_closing_for_a_feast_stays_though_a_visitor_said_it(session):
    """Review 34 F6's controls: a shop's calendar ("Fermé pour l'Aïd", "Gesloten wegens Suikerfeest", "Zuckerfest-
    Angebote") is the site's text and stays readable, though a visitor wrote the same feast on the page; and a
    German's oath ("Eid"), Easter and Christmas are everyone's words and stay in her remark."""
    site = ["Fermé pour l'Aïd le 10 avril", "Gesloten wegens Suikerfeest", "Zuckerfest-Angebote: Datteln -20 %"]
    note, absent = element("textarea", {"name": "bemerkung"}), element("textarea", {"name": "reden"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), absent, note, lang="nl")))
    s.send(*typing(absent["id"], "Afwezig wegens het Suikerfeest en l'Aïd, tot maandag"))
    remark = "Ich schwöre einen Eid, wir kommen nach Ostern und vor Weihnachten. Bitte um Rückruf"
    s.send(*typing(note["id"], remark))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert not [t for t in stored if "Suikerfeest en" in t or "l'Aïd, tot" in t], stored
    assert typed_values(s.stored, note)[-1].startswith(remark[:-len(" Rückruf")])


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("nl", "Onze zoon is 9 jaar en heeft epilepsie, graag opletten.", ["epilepsie"], "graag opletten."),
    ("fr", "Léa a deux papas, les deux peuvent venir.", ["papas"], "les deux peuvent venir."),
    ("nl", "Noor is morgen afwezig wegens het Suikerfeest", ["Suikerfeest"], "morgen afwezig"),
    ("de", "Epilepsie, Notfallmedikament im Rucksack", ["Epilepsie"], "Notfallmedikament im Rucksack")])
def test_what_review_34_found_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said, kept):
    """Review 34 F3, F4, F6, F7: the same posted in a form's payload ({"remark": "Noor is morgen afwezig wegens het
    Suikerfeest"}) was stored; the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Inschrijving", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Inschrijving" in stored, stored


def test_a_national_number_glued_into_a_download_links_file_name_is_masked(session):
    """Review 34 F13: a download link's file name stored a Belgian national number and a BSN glued to its words
    ("/docs/attest-85073003328.pdf", "/docs/attest_111222333.pdf"): a path segment was read whole, where a detector
    reads a number only apart from the words around it (a segment of digits alone was masked). A page's segment that
    shows a number's sign is read with its glue as spaces too, as an id or a class is, for shapes only; the site's
    own links (a dated post's slug, a product's article number, an image's path) stay as they are."""
    links = {"https://gemeente.example/docs/attest-85073003328.pdf": "85073003328",
             "https://gemeente.example/docs/attest_85073003328.pdf": "85073003328",
             "https://gemeente.example/docs/attest_111222333.pdf": "111222333",
             "https://bank.example/export/rekening-NL91ABNA0417164300-2026.csv": "0417164300"}
    kept = ["https://gemeente.example/blog/2024-03-15-zomerfeest-in-het-park",
            "https://shop.example/p/tuinstoel-art-40211873-groen",
            "https://shop.example/downloads/handleiding-2024-03-15.pdf"]
    s = session()
    s.send(meta("https://gemeente.example/mijn-dossier"),
           snapshot(html_page(*(element("a", {"href": href}, [text("Download")]) for href in [*links, *kept]),
                              element("img", {"src": "https://gemeente.example/img/banner-20240315.jpg"}),
                              lang="nl")))
    for number in links.values():
        assert not leaks(s.stored, number), number
    stored = orjson.dumps(s.stored).decode()
    for href in [*kept, "https://gemeente.example/img/banner-20240315.jpg"]:
        assert href in stored, href
    assert "https://gemeente.example/docs/" in stored and '"textContent":"Download"' in stored


def _a_remark_keeps_and_masks(s, remark: str, language: str, kept: str, masked: list[str]) -> None:
    """A remark typed key by key (a word after it, so that the last word's rule does not hide the result) and sent in
    a custom event: kept stays in both, each of masked is stored nowhere."""
    remark_field = element("textarea", {"name": "remark", "id": "remark"})
    s.send(meta("https://shop.example/checkout"), snapshot(html_page(remark_field, lang=language)))
    s.send(*typing(remark_field["id"], remark + ", merci"))
    s.send(custom("form-submit", {"remark": remark}))
    payload = [e for e in s.stored if e["type"] == CUSTOM][-1]["data"]["payload"]
    assert kept in payload["remark"], payload
    assert any(kept in value for value in strings(s.stored) if value.startswith(remark[:5])), remark
    for value in masked:
        assert not leaks(s.stored, value), value


@pytest.mark.parametrize("remark,language,kept,masked", [
    ("Graag de Nike Air Max 90 in maat 43", "nl", "Graag de Nike Air Max 90 in maat 43", []),
    # a street without its word stays masked, after a brand too
    ("Graag naar Keizersgracht 12, 1015 CS Amsterdam", "nl", "Graag naar", ["Keizersgracht"]),
    ("Graag naar Lange Munt 41 in Gent", "nl", "Graag naar", ["Lange Munt"]),
    ("Bezorgen bij de Albert Heijn, Dorpsstraat 12", "nl", "Bezorgen bij de", ["Dorpsstraat"]),
])
def test_a_brands_model_number_in_a_remark_stays_readable(session, remark, language, kept, masked):
    """Review 34 O1: a visitor's remark stored "***** ** **** *** *** 90 in maat 43" of "Graag de Nike Air Max 90 in
    maat 43": capitalised words before a number were read as a street, the brand's words among them. A listed brand
    and its model are no street's words, the run after it is (rules/pii.yaml brands: "Nike Air", "Adidas"…). A street
    a visitor writes without its word stays masked (fail closed)."""
    _a_remark_keeps_and_masks(session(), remark, language, kept, masked)


@pytest.mark.parametrize("remark,language,kept,masked", [
    ("Liefern Sie auch nach Sankt Vith?", "de", "Liefern Sie auch nach Sankt Vith?", []),
    ("Kunnen jullie naar Sint Truiden leveren?", "nl", "Kunnen jullie naar Sint Truiden leveren?", []),
    ("Livrez-vous à Saint Gilles ?", "fr", "Livrez-vous à Saint Gilles ?", []),
    # a person named beside the saint's town stays masked
    ("Bitte an Jonas Weber in Sankt Vith liefern", "de", "Sankt Vith liefern", ["Jonas Weber"]),
])
def test_a_town_named_after_a_saint_in_a_remark_stays_readable(session, remark, language, kept, masked):
    """Review 34 O2: a visitor's remark stored "Liefern Sie auch nach ***** ****?": "Sankt Vith", two capitalised words,
    was read as a person's name. A saint's word opening the run ("Sankt", "Sint", "Saint", "St.": rules/pii.yaml
    saint_words) makes the word after it a saint's, the whole a place's; a person named beside it stays masked."""
    _a_remark_keeps_and_masks(session(), remark, language, kept, masked)


@pytest.mark.parametrize("line, lang, name, date", [
    ("Pieter van Dijk 12-03-2017", "nl", "Dijk", "12-03-2017"),
    ("Anke de Vries 30-07-1985", "nl", "Vries", "30-07-1985"),
    ("Lotte van der Meer 3 mei 2016", "nl", "Meer", "mei 2016"),
    ("Jean de Smet 15.04.2012", "fr", "Smet", "15.04.2012"),
    ("Lukas von Berg 12.03.2017", "de", "Berg", "12.03.2017"),
    ("Anke de Vries 06-12345678", "nl", "Vries", "12345678"),
    ("Noor Ouali 12-03-2017", "nl", "Ouali", "12-03-2017"),
    ("Sanne Jansen, 2016-05-04", "nl", "Jansen", "2016-05-04"),
])
def test_a_name_and_the_date_or_phone_after_it_in_a_list_are_masked(session, line, lang, name, date):
    """Review 34 F8: a given name and a surname with a lower-case particle, followed by a number, in a club's member list
    (page text) or a custom event, was stored whole ("Pieter van Dijk 12-03-2017"): a run followed by a number was read
    as a product's ("Nike Air Max 90"), and the model misses particle names there; the phone after "Anke de Vries" was
    masked, the name not. And the date after a masked name stayed ("**** ***** 12-03-2017"): in a member or a class
    list it is the birth date. A run with a particle, or one before a date or a phone, is a name; a date right after a
    person's name is masked with it."""
    s = session()
    s.send(meta("https://club.example/leden"), snapshot(html_page(element("li", {}, [text(line)]), lang=lang)))
    s.send(custom("member", {"text": line}))
    s.send(incremental(11, payload={"level": "log", "payload": [line], "trace": []}))
    stored = list(strings(s.stored))
    assert not [t for t in stored if name in t or date in t], stored


def test_a_product_with_its_number_an_opening_date_and_a_footnote_stay_readable(session):
    """Review 34 F8's controls: a product's name and its model number, a site's dated line without a person and a
    footnote's asterisk name no one and hold no birth date."""
    own = ["Nike Air Max 90", "Samsung Galaxy S24", "Peugeot 208", "Openingsuren 12-03-2025", "Le Creuset Signature 24 cm",
           "* Prijzen incl. btw", "Lezing 12-03-2025 in de bibliotheek", "Marie Claire 2 stuks"]
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in own), lang="nl")))
    s.send(custom("product", {"name": "Nike Air Max 90", "opening": "Openingsuren 12-03-2025"}))
    stored = set(strings(s.stored))
    assert set(own) <= stored, [t for t in stored if t not in own]
    assert {"Nike Air Max 90", "Openingsuren 12-03-2025"} <= stored


@pytest.mark.parametrize("note, date", [("Teilnehmerin: Mia Schulz, * 12.03.2017, vegetarisch", "12.03.2017"),
                                        ("Leon, * 3. März 2016, Allergie gegen Nüsse", "März 2016")])
def test_a_birth_date_after_a_star_typed_and_posted_is_masked(session, note, date):
    """Review 34 F9: "*" before a date says born in German, in Dutch genealogies and club lists ("Mia Schulz, *
    12.03.2017"), as "geb." does; the date was stored, typed key by key and posted in a custom event."""
    field = element("textarea", {"name": "remark", "aria-label": "Bemerkung"})
    s = session()
    s.send(meta(), snapshot(html_page(field, lang="de")))
    s.send(*typing(field["id"], note))
    s.send(custom("form", {"remark": note}))
    stored = list(strings(s.stored))
    assert not leaks(s.stored, date), [t for t in stored if date[:5] in t]
    assert [t for t in stored if t.endswith(note.split()[-1])], stored  # the note's other words stay


@pytest.mark.parametrize("lang, value, said, kept", [
    ("fr", "Ma fille est épileptique, traitement Keppra. Merci de votre aide", ["épileptique", "Keppra"],
     "Merci de votre"),
    ("nl", "Onze zoon heeft epilepsie, behandeling met Keppra. Alvast bedankt", ["epilepsie", "Keppra"],
     "Alvast"),
    ("de", "Meine Tochter hat Asthma; sie nimmt Ventolin. Vielen Dank im Voraus", ["Asthma", "Ventolin"],
     "Vielen Dank im")])
def test_a_medicine_said_after_a_comma_in_the_same_sentence_as_a_state_of_health_is_masked(
        session, lang, value, said, kept):
    """Review 34's leftover: "Ma fille est épileptique, traitement Keppra" stored the medicine: a further state said
    within five words of a statement's word extended it (review 33 F2), but a comma between them ended the chain. A
    comma or a semicolon of the same sentence no longer does; the next sentence stays readable."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("de", "Ich bin nicht-binär, bitte keine Anrede. Danke", ["binär"], "bitte keine Anrede."),
    ("de", "Unser Kind ist nicht-binär, bitte beachten. Danke", ["binär"], "bitte beachten."),
    ("en", "I'm enby, please use they/them. Thanks", ["enby"], "please use they/them."),
    ("nl", "Ik ben aseksueel, graag geen vragen daarover. Groeten", ["aseksueel"], "graag geen vragen daarover."),
    # of the same class: German's space, a French and a German asexual, a pansexual daughter, a genderfluid child
    ("de", "Ich bin nicht binär, bitte neutral ansprechen. Danke", ["binär"], "bitte neutral ansprechen."),
    ("fr", "Je suis asexuelle, merci de respecter. Merci", ["asexuelle"], "merci de respecter."),
    ("de", "Ich bin asexuell, bitte keine Fragen dazu. Danke", ["asexuell"], "bitte keine Fragen dazu."),
    ("nl", "Mijn dochter is panseksueel, graag discreet. Groeten", ["panseksueel"], "graag discreet."),
    ("en", "Our child is genderfluid, please use their name. Thanks", ["genderfluid"], "please use their name.")])
def test_a_gender_identity_or_orientation_said_of_oneself_or_ones_child_is_masked(session, lang, value, said, kept):
    """Review 35 F9: a gender identity or an orientation said of oneself or one's child by a word said_belief lacked
    ("Ich bin nicht-binär", hyphened where "nichtbinär" was masked; "Unser Kind ist nicht-binär", "I'm enby", "Ik ben
    aseksueel") was stored. The words are listed with the others (said_belief)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_pride_shops_own_words_and_a_visitors_question_about_them_stay(session):
    """Review 35 F9's controls: a Pride shop's "Non-binary flag pin", "Nicht-binär-Flagge" and "Asexual pride socks"
    are the site's products, and a visitor asking about them says nothing of herself."""
    assert_the_sites_lines_and_a_remark_stay(
        session, ["Non-binary flag pin", "Nicht-binär-Flagge 90 x 150 cm", "Asexual pride socks"],
        ["Gibt es die Nicht-binär-Flagge auch kleiner?", "Do you ship the non-binary flag pin to Belgium?",
         "Bitte um Rückruf"])


@pytest.mark.parametrize("lang, value, said, kept", [
    ("nl", "Wij eten enkel halal vlees, graag rekening houden. Groeten", ["halal"], "graag rekening houden."),
    ("nl", "Onze kinderen eten geen varkensvlees, enkel halal, graag rekening houden. Groeten", ["halal"],
     "graag rekening houden."),
    ("fr", "Mon fils mange halal, merci de prévoir. Merci", ["halal"], "merci de prévoir."),
    ("de", "Wir essen nur halal, bitte beachten. Danke", ["halal"], "bitte beachten."),
    ("nl", "Wij eten koosjer, graag rekening houden. Groeten", ["koosjer"], "graag rekening houden."),
    ("fr", "Nous mangeons casher, merci de prévoir un repas. Merci", ["casher"], "merci de prévoir un repas."),
    # of the same class: a German adjective's ending, English's keeping kosher, a child's age, French's "cacher"
    ("de", "Unser Sohn isst nur koscheres Essen, bitte beachten. Danke", ["koscher"], "bitte beachten."),
    ("en", "We keep kosher at home, please plan for it. Thanks", ["kosher"], "please plan for it."),
    ("fr", "Ma fille de 8 ans mange uniquement halal, merci. Merci", ["halal"], "Ma fille de 8"),
    ("fr", "On mange cacher à la maison, merci de prévoir. Merci", ["cacher"], "merci de prévoir.")])
def test_a_religious_diet_said_of_oneself_or_ones_family_is_masked(session, lang, value, said, kept):
    """Review 35 F4: a religious diet said of one's own family ("Wij eten enkel halal vlees", "Mon fils mange halal",
    "Wir essen nur halal", "Wij eten koosjer", "Nous mangeons casher") was stored: halal and kosher were a form
    field's words only (fields.yaml). After the first person's or her family's word, a verb of eating and up to four
    words (said_eating), a diet's word (said_diet) is masked with its clause, as a belief is."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_butchers_and_a_caterers_halal_and_a_visitors_order_stay(session):
    """Review 35 F4's controls: a butcher's "Halal vlees — erkend slachthuis" and a caterer's "Menu halal ou casher
    sur demande" are the site's words, and a visitor ordering a halal menu or asking for kosher dishes says nothing of
    what she eats."""
    assert_the_sites_lines_and_a_remark_stay(
        session, ["Halal vlees — erkend slachthuis", "Menu halal ou casher sur demande", "Koscheres Catering"],
        ["Nous voudrions un menu halal pour 40 personnes.", "Gibt es das Buffet auch koscher?",
         "Bitte um Rückruf"])


@pytest.mark.parametrize("lang, remark, said, kept", [
    ("de", "Unser Kind ist nicht-binär, bitte beachten.", ["binär"], "bitte beachten."),
    ("en", "I'm enby, please use they/them.", ["enby"], "please use they/them."),
    ("nl", "Onze kinderen eten geen varkensvlees, enkel halal", ["halal"], "Onze kinderen eten"),
    ("fr", "Nous mangeons casher, merci de prévoir un repas", ["casher"], "merci de prévoir un repas"),
    ("de", "Konfession: keine (ausgetreten 2019), bitte beachten", ["ausgetreten"], "bitte beachten"),
    ("nl", "Godsdienst: islam, graag rekening houden", ["islam"], "graag rekening houden")])
def test_what_review_35_found_posted_in_a_payloads_remark_is_masked(detector, lang, remark, said, kept):
    """Review 35 F1, F4, F9: the same posted in a form's payload ({"remark": "Nous mangeons casher, merci de prévoir un
    repas"}) was stored; the payload's other value stays."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Inschrijving", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and kept in stored and "Inschrijving" in stored, stored


@pytest.mark.parametrize("lang, value, said, kept", [
    ("de", "Konfession: evangelisch, bitte beachten. Danke", ["evangelisch"], "bitte beachten."),
    ("de", "Religion: muslimisch, bitte beachten. Danke", ["muslimisch"], "bitte beachten."),
    ("de", "Konfession: keine (ausgetreten 2019), bitte beachten. Danke", ["keine", "ausgetreten"], "bitte beachten."),
    ("de", "Ich bin aus der Kirche ausgetreten, bitte beachten. Danke", ["ausgetreten"], "bitte beachten."),
    ("nl", "Godsdienst: islam, graag rekening houden. Groeten", ["islam"], "graag rekening houden."),
    ("nl", "Levensbeschouwing: protestants, graag rekening houden. Groeten", ["protestants"], "graag rekening houden."),
    ("fr", "Religion : catholique pratiquante, merci de noter. Merci", ["catholique", "pratiquante"], "merci de noter."),
    # of the same class: a label's compound, a label inside a sentence, a party's and a union's label, a church left
    ("de", "Religionszugehörigkeit: röm.-kath., bitte beachten. Danke", ["röm", "kath"], "bitte beachten."),
    ("nl", "Hallo, het geloof: boeddhistisch. Graag een vegetarische maaltijd. Groeten", ["boeddhistisch"],
     "Graag een vegetarische maaltijd."),
    ("de", "Partei: Die Linke, bitte beachten. Danke", ["Linke"], "bitte beachten."),
    ("fr", "Syndicat : CGT, merci de noter. Merci", ["CGT"], "merci de noter."),
    ("de", "Wir sind 2019 aus der katholischen Kirche ausgetreten, bitte beachten. Danke", ["katholischen"],
     "bitte beachten.")])
def test_a_religion_after_its_label_in_a_visitors_text_is_masked(session, lang, value, said, kept):
    """Review 35 F1: a religion after its label inside what a visitor writes ("Konfession: evangelisch", "Godsdienst:
    islam", "Religion : catholique pratiquante", "Levensbeschouwing: protestants") was stored: the labels were a form
    field's words only (fields.yaml), and no statement read them in a sentence; nor was leaving one's church ("Ich bin
    aus der Kirche ausgetreten"). A special category's label (said_labels: fields.yaml's SPECIAL_CATEGORY words)
    before a colon says the answer after it is what the label asks, masked to its clause's end; leaving the church is
    listed with the beliefs (said_belief)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


def test_a_churchs_a_schools_and_a_forms_own_religion_labels_stay(session):
    """Review 35 F1's controls: a church's "Evangelische Kirchengemeinde: Gottesdienst 10 Uhr", a school's
    "Levensbeschouwing: katholieke en islamitische godsdienst" and a form's own label "Godsdienst:" are the site's
    text and stay readable, though a visitor answered "Godsdienst: islam" in a remark on the same page (her statement
    is remembered, not its words alone)."""
    site = ["Evangelische Kirchengemeinde: Gottesdienst 10 Uhr", "Levensbeschouwing: katholieke en islamitische godsdienst",
            "Godsdienst:"]
    note = element("textarea", {"name": "opmerking"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="nl")))
    s.send(*typing(note["id"], "Godsdienst: islam, graag rekening houden. Groeten"))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert "islam" not in orjson.dumps(typed_values(s.stored, note)).decode()


def test_a_painters_name_in_a_heading_in_capitals_stays_and_a_name_typed_in_capitals_is_masked(session):
    """Review 35 O1: a museum's and a shop's headings in capitals naming a painter ("EXPO: DE WERELD VAN PIETER BRUEGEL",
    "NIEUW: ZOMERCOLLECTIE VAN JAN VAN EYCK") were stored with the painter masked; the same name typed in capitals in
    a field is a visitor's, masked keystroke by keystroke and once settled."""
    headings = ["EXPO: DE WERELD VAN PIETER BRUEGEL", "NIEUW: ZOMERCOLLECTIE VAN JAN VAN EYCK"]
    field = element("input", {"type": "text", "name": "bezoeker"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("h2", {}, [text(line)]) for line in headings), field, lang="nl")))
    s.send(*typing(field["id"], "JAN VAN EYCK "))
    assert [v for v in typed_values(s.stored, field) if "EYCK" in v or "JAN V" in v] == []
    stored = orjson.dumps(s.stored).decode()
    for line in headings:
        assert line in stored, line


@pytest.mark.parametrize("lang, value, said, kept", [
    ("en", "I'm a member of the RMT since 2019, is there a discount? Thanks a lot", ["RMT"], "is there a discount?"),
    ("en", "My husband joined Unison last spring, can he come too? Thanks a lot", ["Unison"], "can he come too?"),
    ("en", "We are both in the GMB union, any reduction? Thanks a lot", ["GMB"], "any reduction?"),
    ("en", "I show my union card (Usdaw) at the desk? Thanks a lot", ["Usdaw", "union card"], "at the desk?"),
    ("de", "Ich bin seit Jahren in der GEW, gibt es Rabatt? Danke sehr", ["GEW"], "gibt es Rabatt?"),
    # of the same class: a US union, an English member's verb before a union an everyday word spells, Italy's and
    # Spain's unions by their letters
    ("en", "I'm a Teamsters member, is there a discount? Thanks a lot", ["Teamsters"], "is there a discount?"),
    ("en", "We belong to Unite, both of us, any discount? Thanks a lot", ["Unite"], "any discount?"),
    ("it", "Sono iscritta alla CGIL da anni, c'è uno sconto? Grazie mille", ["CGIL"], "c'è uno sconto?"),
    ("es", "Soy afiliada a CCOO, ¿hay descuento? Muchas gracias", ["CCOO"], "¿hay descuento?")])
def test_a_union_said_by_its_own_name_in_english_or_another_language_is_masked(session, lang, value, said, kept):
    """Review 36 F9: trade-union membership said with a UK union's name ("a paid-up member of the RMT", "I joined
    Unison", "in the GMB union", "a union card (Usdaw)") or Germany's GEW ("Ich bin in der GEW") was stored: said_union
    listed the unions of Belgium, Luxembourg, the Netherlands, Germany, France, Austria and Switzerland, and "GEW" was
    read after a member's word only. The UK's, Ireland's, the US's, Italy's, Spain's and Poland's are listed; those an
    everyday word spells ("Unison", "Unite") after a member's, joining or belonging word; those whose letters are
    another word in small letters ("GEW", "NEU") in capitals."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("en", "I always vote Green, so no leaflets please. Thanks a lot", ["Green"], "so no leaflets please."),
    ("en", "My wife is a Tory party member, please be discreet. Thanks a lot", ["Tory"], "please be discreet."),
    ("fr", "Je vote RN depuis dix ans, pas de tracts svp. Merci bien", ["RN"], "pas de tracts svp."),
    # of the same class: a party no everyday word spells, a party of two words before its member's word, a joining
    # verb, a US party, a voter's word
    ("en", "I voted SNP at the last election, no more mail please. Thanks a lot", ["SNP"], "no more mail please."),
    ("en", "I'm a Lib Dem member, no flyers please. Thanks a lot", ["Lib Dem"], "no flyers please."),
    ("en", "I joined Labour in May, no leaflets please. Thanks a lot", ["Labour"], "no leaflets please."),
    ("en", "I'm voting Conservative this time, no calls please. Thanks a lot", ["Conservative"], "no calls please."),
    ("en", "My mum is a Reform voter, keep it quiet please. Thanks a lot", ["Reform"], "keep it quiet please.")])
def test_a_political_opinion_said_with_an_english_or_a_french_party_is_masked(session, lang, value, said, kept):
    """Review 36 F10: a political opinion said with a UK party's name or France's RN ("I vote Green", "a Labour party
    member", "Je vote RN") was stored: said_parties held Belgium's, the Netherlands', Luxembourg's, Germany's and
    France's parties in their names, and no English verb of voting or member's word before a party. The UK's,
    Ireland's and the US's are listed; those an everyday word spells ("Green", "Labour", "Reform", "RN") after a verb
    of voting, joining or a member's word, or before "party member", "voter", "supporter"."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, value, said, kept", [
    ("en", "My father had a minor stroke in May, can he sit near the door? Thanks a lot", ["stroke"],
     "can he sit near the door?"),
    ("en", "I'm visually impaired, could you send large print? Thanks a lot", ["impaired"], "could you send large print?"),
    ("en", "My son is on the waiting list for an autism assessment, quiet room? Thanks a lot", ["autism"], "quiet room?"),
    ("en", "I'm 20 weeks along now, is the class safe? Thanks a lot", ["weeks along"], "is the class safe?"),
    ("en", "My daughter came out as gay last year, she wants to join. Thanks a lot", ["came out", "gay"],
     "she wants to join."),
    ("en", "My partner and I are both men, is a double room fine? Thanks a lot", ["both men"], "is a double room fine?"),
    ("en", "We attend Sunday mass, so please deliver on Saturday. Thanks a lot", ["mass"], "so please deliver on Saturday."),
    ("en", "I'm transitioning, please use my new name. Thanks a lot", ["transitioning"], "please use my new name."),
    # of the same class: a hearing's loss, a pregnancy's sickness, a church by its name, a belief and another's, a
    # stroke one's mother suffered, a referral
    ("en", "I'm hard of hearing, please seat me at the front. Thanks a lot", ["hearing"], "please seat me at the front."),
    ("en", "I have bad morning sickness, can I sit near the exit? Thanks a lot", ["sickness"], "can I sit near the exit?"),
    ("en", "I'm a practising Methodist, no Sunday sessions please. Thanks a lot", ["Methodist"],
     "no Sunday sessions please."),
    ("en", "I'm agnostic but my wife is Pentecostal, any Sunday slot? Thanks a lot", ["agnostic", "Pentecostal"],
     "any Sunday slot?"),
    ("en", "My mum suffered a stroke last week, can we cancel? Thanks a lot", ["stroke"], "can we cancel?"),
    ("en", "My son was referred to a clinic for ADHD, quiet room? Thanks a lot", ["ADHD"], "quiet room?")])
def test_health_sexuality_or_religion_said_in_english_wordings_is_masked(session, lang, value, said, kept):
    """Review 36 F11: a state of health, an orientation, a gender identity or a religion said in English wordings
    the lists lacked ("I had a stroke in March", "I'm partially sighted", "on the waiting list for an ADHD
    assessment", "12 weeks along", "I came out as bi", "both women", "I go to mass every Sunday", "I'm transitioning")
    was stored. The wordings are listed (said_health, said_belief, said_worship_services, said_care); a stroke when had
    or suffered (said_stroke), "bi" and "transitioning" after a copula (said_trans)."""
    assert_said_masked_and_the_rest_kept(session, lang, value, said, kept)


@pytest.mark.parametrize("lang, remark, said", [
    ("en", "I'm a paid-up member of the NASUWT", ["NASUWT"]),
    ("en", "I'm a Labour party member, no calls", ["Labour"]),
    ("en", "I'm partially sighted, large print please", ["sighted"])])
def test_a_union_a_party_or_a_health_state_said_in_english_in_a_payloads_remark_is_masked(detector, lang, remark,
                                                                                          said):
    """Review 36 F9, F10, F11: the same posted in a payload's remark ({"remark": "I'm a Labour party member"}) was
    stored."""
    s = ServerSession(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("x")]), lang=lang)),
           custom("form", {"topic": "Newsletter", "remark": remark}))
    stored = orjson.dumps(s.stored).decode()
    assert not [word for word in said if word in stored] and "Newsletter" in stored, stored


def test_a_unions_a_partys_and_a_health_words_in_the_sites_text_and_a_visitors_everyday_words_stay(session):
    """Review 36 F9, F10, F11's controls: the site's text naming a union, a party, a stroke, a mass or a sight with
    no visitor's statement stays readable, and a visitor's stroke of luck, swimming stroke, singing in unison, green
    lid, bi-weekly delivery and a parcel that came out damaged stay in her remark."""
    site = ["Join Unison, Unite or the GMB: your union matters", "Labour costs included", "Green tea, 50 g",
            "Stroke of genius: our new brushes", "Partially sighted? Ask for large print", "Mass every Sunday at 10:00",
            "Vote for your favourite design", "Bi-weekly delivery", "GEW. 250 g"]
    note = element("textarea", {"name": "remark"})
    s = session()
    s.send(meta(), snapshot(html_page(*(element("p", {}, [text(line)]) for line in site), note, lang="en")))
    value = ("I had a stroke of luck, my swimming stroke improved and we sang in unison. I'd like the green lid, the "
             "delivery is bi-weekly and the parcel came out damaged. Thanks a lot")
    s.send(*typing(note["id"], value))
    stored = list(strings(s.stored))
    assert all(line in stored for line in site), stored
    assert typed_values(s.stored, note)[-1].startswith(value[:-len(" lot")])


@pytest.mark.parametrize("label, name, value", [
    ("Rijbewijscategorie", "rijbewijs", "B, BE en C1"), ("Categorie rijbewijs", "rb", "B"),
    ("Driving licence category", "licence", "B and C1"), ("Führerscheinklasse", "klasse", "B, C1"),
    ("Catégorie du permis de conduire", "permis", "B")])
def test_a_driving_licences_category_stays_readable(session, label, name, value):
    """Held-out round 47 (recorded): a job application's 'Rijbewijscategorie' (typed 'B, BE en C1') was masked whole,
    in every Input event and the snapshots: the document's word 'rijbewijs' inside the label said a licence's number.
    Its category, a pick from a short list, is no number of hers; a number's word beside it gives the meaning back."""
    def stored(label: str, value: str) -> list[str]:
        field = element("input", {"id": name, "name": name, "value": value})
        s = session()
        s.send(snapshot(html_page(element("label", {"for": name}, [text(label)]), field, lang="nl")))
        return list(strings(s.stored))

    assert value in stored(label, value)
    assert "5012345678" not in stored(f"{label} (nummer)", "5012345678")
    assert "5012345678" not in stored("Rijbewijsnummer (categorie B)", "5012345678")
