"""What nobody listed is scanned, never passed (issue: allow-lists, not deny-lists).

Each case plants a value in a shape the redactor was not told about (an attribute it has no
rule for, a key in a custom payload, a marker at the end of a long class string, a block that
arrives in the same mutation as the content) and checks that no 6-character window of it is
stored. Real Presidio, events built with tests/factories.py.
"""

from __future__ import annotations

import copy
import json
from urllib.parse import quote

import orjson
import pytest

from factories import (CUSTOM, add, click, comment, custom, element, html_page, incremental, input_event, meta,
                       mutation, nodes_by_id, remove, set_attributes, snapshot, text, typing)
from planted import leaked as planted_leaked
from planted import texts
from redactor.content import MAX_NESTED_URLS, UNREMEMBERED, name_runs, possessor_named, sentence_subject_named
from redactor.pii import DetectorPool
from redactor.policy import shipped_fields
from redactor.redact import redact_batch_sync
from test_redact import Session, find

EMAIL = "noor.bakker@postvak.example"
NAME = "Camille Lefebvre"


def leaked(stored: list, value: str) -> list[str]:
    """The 6-character windows of value in the strings and keys of what is stored (not in its
    numbers: a timestamp's digits may hold a planted number's by chance)."""
    return planted_leaked("\n".join(texts(stored)), value)


def stored_text(stored: list) -> str:
    return "\n".join(texts(stored))


@pytest.fixture(scope="module")
def detector():
    pool = DetectorPool(workers=0, ner=True)
    yield pool
    pool.close()


@pytest.fixture
def session(detector):
    return lambda config=None: Session(detector, config)


# -- names: an attribute's, an element's, a CSS property's -------------------------------------
def test_names_a_script_wrote_values_into_are_not_kept(session):
    """A name is kept only in the shape of one (policy.page_name_shaped: no '@', '+' or long
    digit run) and, an attribute's or an element's, with no part spelling a person's name: in a
    snapshot, an attribute mutation, a style object's keys, a StyleDeclaration's property, a custom
    element's tag, and the mirror's saved state; structural names and real ones stay."""
    style = element("style", {}, [])
    box = element("div", {EMAIL: "1", "data-camille-lefebvre": "1", "data-32478913527": "1",
                          "aria-multiline": "true", "data-testid": "box", "xlink:href": "#a"}, [])
    tag = element("x-camille-lefebvre", {"class": "kaart"}, [])
    s = session()
    s.send(meta(), snapshot(html_page(style, box, tag)))
    s.send(incremental(13, id=style["id"], index=[0], set={"property": f"--{EMAIL}", "value": "1", "priority": ""}),
           incremental(13, id=style["id"], index=[0], remove={"property": "--tel-+32478913527"}),
           incremental(13, id=style["id"], index=[0], set={"property": "max-width", "value": "10px", "priority": ""}),
           mutation(attributes=[{"id": box["id"], "attributes": {
               EMAIL: "x", "data-camille-lefebvre": "1", "data-state": "open",
               "style": {f"--{EMAIL}": "1", "--brand-color": "red", "max-width": "3px"}}}]))
    names = orjson.dumps(s.stored).decode()
    saved = orjson.dumps(s.mirror.dump(saved=True)).decode()  # what the session's state keeps
    for written in (names, saved):
        for value in ("noor.bakker", "postvak", "camille", "Camille", "32478913527", "2478913527"):
            assert value not in written, (value, written)
    for kept in ('"aria-multiline":"true"', '"data-testid":"box"', '"xlink:href":"#a"', '"data-state":"open"',
                 '"--brand-color":"red"', '"max-width":"3px"', '"property":"max-width"'):
        assert kept in names, kept
    assert find(s.stored, tag["id"])["tagName"] == "redacted-element"


WRITTEN_AS_NAMES = ["data-jan.peeters", "data-amelie.vermeulen", "data-vermeulen-amelie", "data-amelie_vermeulen.be",
                    "data-m.dubois.gmail.com", "data-x:0478:123:456", "data-3247-8123-456", "data-06-12-34-56-78",
                    # through a directive's ':' or '@' and its dotted modifiers, digits between letters
                    "data-amelie:vermeulen", "x:amelie:vermeulen", "x-on:amelie.vermeulen", "@amelie.vermeulen",
                    ":postvak.example", "data-user:jan.peeters", "@amelie-vermeulen", "data-t0475t12t34t56"]
FRAMEWORK_NAMES = ["data-testid", "data-v-1a2b3c4d", "aria-describedby", "ng-reflect-model", "x-on:click.outside",
                   ":class", "@click.prevent", "v-bind:href", "_ngcontent-c12", "data-col-2", "x-on:keydown.enter",
                   "v-on:submit.prevent", "xml:lang", "x-transition:enter.duration.500ms", "@keydown.ctrl.k",
                   "v-model.trim", "wire:model.live.debounce.500ms",
                   # scoped CSS's hashes, whatever digits they hold: the page's CSS selects them
                   "data-v-1a234567", "_ngcontent-ng-c2771312345", "_nghost-ng-c1523567890", "_ngcontent-sut-c61"]


def test_a_name_shaped_as_no_framework_writes_one_is_not_kept(session):
    """The shapes frameworks give names are words joined by '-', '_' or ':', a directive's dotted
    modifiers, digits as short counters: a dotted name (an address, "data-jan.peeters"), a name written
    surname first, a number in groups is what a script wrote there, dropped in a snapshot and a
    mutation, masked as a CSS property and as a custom element's tag."""
    style = element("style", {}, [])
    box = element("div", {**dict.fromkeys(WRITTEN_AS_NAMES, "1"), **dict.fromkeys(FRAMEWORK_NAMES, "k")}, [])
    tag = element("amelie.vermeulen-card", {"class": "kaart"}, [])
    s = session()
    s.send(meta(), snapshot(html_page(style, box, tag)))
    s.send(incremental(13, id=style["id"], index=[0], set={"property": "--amelie.vermeulen", "value": "1", "priority": ""}),
           mutation(attributes=[{"id": box["id"], "attributes": {"data-amelie.vermeulen": "x", "data-state": "open",
                                                                  "style": {"--vermeulen.amelie": "1"}}}]))
    names = orjson.dumps(s.stored).decode()
    for value in ("amelie", "vermeulen", "peeters", "dubois", "postvak", "0478", "0475", "3247", "34-56"):
        assert value not in names, value
    for kept in FRAMEWORK_NAMES:
        assert f'"{kept}":"k"' in names, kept
    assert '"data-state":"open"' in names
    assert find(s.stored, tag["id"])["tagName"] == "redacted-element"


def test_a_payload_key_that_is_a_number_in_groups_is_masked_an_id_or_a_counter_is_kept(session):
    """{"0478:91:35:27": 2}: a phone's or an account's groups written as a key, which the detector does
    not read as one there, are masked; a product's id or a counter as a key stays."""
    s = session()
    s.send(meta(), snapshot(html_page()),
           custom("cart", {"0478:91:35:27": 1, "x:0478:91:35:27": 2, "BE71-0961-2345-6769": 3, "12345": 4, "item-2": 5,
                           "headers": {"x-tel-0478-91-35-27": "1", "content-type": "json"}}))
    payload = orjson.dumps(s.stored[-1]).decode()
    assert "0478" not in payload and "6769" not in payload
    for kept in ('"12345":4', '"item-2":5', '"content-type":"json"'):
        assert kept in payload, kept



def test_a_national_number_no_check_digit_proves_is_masked_by_its_key(session):
    """{"secu": "1 84 03 75 116 042 27"}: a French social security number mistyped (its key is wrong), which no
    recognizer proves alone; its key says what it is ("secu", "national_id", "identityNumber")."""
    ids = {"secu": "1 84 03 75 116 042 27", "n_secu": "2 55 08 13 055 123 45", "nss": "2 55 08 13 055 123 45",
           "national_id": "85.07.30-033.64", "identityNumber": "GX41 27 93 8", "insurance_number": "A 1234 567",
           "idnr": "73 194 965 20"}
    s = session()
    s.send(meta(), snapshot(html_page()), custom("profile", {**ids, "section": "B12", "secure": "yes"}))
    payload = s.stored[-1]["data"]["payload"]
    assert {key: set(payload[key]) - {" "} for key in ids} == {key: {"*"} for key in ids}, payload
    assert payload["section"] == "B12" and payload["secure"] == "yes"


def test_a_phone_or_an_account_glued_to_a_word_is_masked_where_it_stands(session):
    """"tel0475123456", "user_0475123456", "ref_BE57096321876535": a label or a name run into the number,
    in a payload's keys and values, in page text and in what the visitor types; a product code that is
    no valid phone nor account stays."""
    glued = ["tel0475:12:34:56", "gsm0475-12-34-56", "user_0475123456", "ref_BE57096321876535",
             "iban_nl91abna0417164300"]
    field = element("input", {"type": "text", "name": "ref", "id": "ref"})
    page = html_page(element("p", {}, [text(f"Bel {glued[0]} of mail")]), field)
    s = session()
    s.send(meta(), snapshot(page),
           custom("cart", {**{key: i for i, key in enumerate(glued)}, "sku": "SKU4006381333931",
                           "values": list(glued)}),
           *typing(field["id"], f"{glued[2]} {glued[4]} "))
    stored = stored_text(s.stored)
    for value in glued:
        assert not leaked(s.stored, value.split("_")[-1][-10:]), value
    assert "SKU4006381333931" in stored


# -- attributes: every string attribute is scanned but a short structural list ----------------
@pytest.mark.parametrize("name, value", [
    ("srcset", f"/img/a.png?u={EMAIL} 1x, /img/b.png?u={EMAIL} 2x"),
    ("imagesrcset", f"/img/a.png?for={EMAIL} 1x"),
    # relative URLs, as rrweb leaves them in a <link imagesrcset> (it makes only src/srcset/href absolute)
    ("imagesrcset", f"img/a.png?for={EMAIL} 1x, img/a.png?for={EMAIL}&d=2 2x"),
    ("data-avatar", f"avatar.png?owner={EMAIL}"),
    ("xlink:href", f"mailto:{EMAIL}"),
    ("srcdoc", f"<p>Contact {EMAIL}</p>"),
    ("aria-roledescription", f"card of {EMAIL}"),
    ("name", EMAIL),
    ("ng-reflect-model", EMAIL),
    ("data-user", EMAIL),
    ("x-custom-whatever", f"owner {EMAIL}"),
])
def test_any_attribute_nobody_listed_is_scanned(session, name, value):
    s = session()
    s.send(snapshot(html_page(element("div", {name: value, "class": "card"}))))
    assert leaked(s.stored, EMAIL) == []


@pytest.mark.parametrize("how", ["snapshot", "mutation"])
def test_an_iframe_srcdoc_is_markup_emptied_whole_its_markers_not_read_as_words(session, how):
    """A srcdoc is a document's markup: scanned as text, its markers meant nothing (a password
    field's value is no PII a detector knows). rrweb records the frame's document itself and its
    replayer never sets srcdoc: emptied whole, in a snapshot and when a script sets it."""
    markup = ('<form><input type="password" value="Pr3view!Geheim"><input name="iban" value="NL91ABNA0417164300">'
              '<p class="rr-block">Kwibus</p></form>')
    frame = element("iframe", {"srcdoc": markup if how == "snapshot" else "<p>laden…</p>", "title": "Voorbeeld"})
    s = session()
    s.send(meta(), snapshot(html_page(frame)))
    if how == "mutation":
        s.send(mutation(attributes=[set_attributes(frame["id"], srcdoc=markup)]))
    stored = orjson.dumps(s.stored).decode()
    assert "Pr3view" not in stored and "NL91" not in stored and "Kwibus" not in stored and "laden" not in stored
    assert nodes_by_id(s.stored)[frame["id"]]["attributes"] == {"srcdoc": "", "title": "Voorbeeld"}


@pytest.mark.parametrize("family, source", [
    ("isabelle.maes@gmail.com", "url(x.woff)"),
    ("Inter", 'url("https://fonts.example/f.woff?u=isabelle.maes%40gmail.com") format("woff2")'),
    ("Inter", "url( https://fonts.example/f.woff?u=isabelle.maes%40gmail.com )"),
    ("Inter", 'local("Voor isabelle.maes@gmail.com"), url(/f.woff)'),
])
def test_a_fonts_family_and_source_are_scanned(session, family, source):
    """A font a script loads (rrweb's Font event, source 10): its family is text, its source CSS whose
    URLs, quoted or not, are a resource's; a font's bytes are numbers, anything else there is masked."""
    s = session()
    s.send(meta(), snapshot(html_page()))
    s.send(incremental(10, family=family, fontSource=source, buffer=False, descriptors={"style": "normal"}),
           incremental(10, family="Inter", fontSource="[0,1,255]", buffer=True, descriptors={}),
           incremental(10, family="Inter", fontSource="isabelle.maes@gmail.com", buffer=True, descriptors={}),
           incremental(10, family="Inter", fontSource="url(x.woff)", buffer=False,
                       descriptors={"unicodeRange": "isabelle.maes@gmail.com"}))
    assert "isabelle" not in orjson.dumps(s.stored).decode()
    fonts = [e["data"] for e in s.stored if e["type"] == 3]
    assert fonts[1]["fontSource"] == "[0,1,255]" and fonts[3]["fontSource"] == "url(x.woff)"
    assert "/f.woff" in fonts[0]["fontSource"] or "x.woff" in fonts[0]["fontSource"]


def test_a_data_attribute_named_like_a_field_is_masked_whole_a_structural_one_stays(session):
    """A data-* attribute's name says what it holds as a payload's key does (data-phone, data-tel,
    data-email, data-iban): masked whole, an international number without its + included, in a
    snapshot and when a script sets it; a flag or a short token a page uses as structure stays."""
    card = element("div", {"data-phone": "32470555123", "data-tel": "31612345678", "data-email": "wannes.v@telenet.be",
                           "data-iban": "BE68 5390 0754 7034", "data-klant-naam": "Jozef Vermeulen",
                           "data-name": "product-card", "data-email-template": "", "data-phone-step": "2",
                           "data-api-token": "x9Zk2"})
    s = session()
    s.send(meta(), snapshot(html_page(card)))
    s.send(mutation(attributes=[set_attributes(card["id"], **{"data-tel": 32470555777})]))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("32470555123", "31612345678", "wannes", "BE68", "5390", "Vermeulen", "32470555777", "x9Zk2"):
        assert planted not in stored, planted
    kept = nodes_by_id(s.stored)[card["id"]]["attributes"]
    assert kept["data-name"] == "product-card" and kept["data-email-template"] == "" and kept["data-phone-step"] == "2"


def test_a_random_code_under_a_card_or_pass_word_is_a_members_number(session):
    """data-pas="gNt7~Qx42": a climbing gym's server gave the visitor a pass code, a random run of letters of both cases
    and digits, and the page set it on the body (round 24 of the peers' held-out hunt). A card's or a pass's word alone
    names what the site gave someone, as a number's word does ({"numero": …}): in a data-* attribute and in a payload's
    key the code is masked and tainted. A word, a count, a code in capitals, a lower-case token under them stay."""
    body = element("div", {"class": "page"})
    s = session()
    s.send(meta(), snapshot(html_page(body)))
    s.send(mutation(attributes=[set_attributes(body["id"], **{"data-pas": "gNt7~Qx42", "data-ledenpas": "goud",
                                                               "data-badge": "GOLD-2026", "data-clubpas": "3"})]),
           custom("answer", {"ledenpas": "Kq9!zT4rw", "badge": "Vx83-pLm2", "pas": 2, "karte": "Speisekarte"}),
           mutation(texts=[{"id": body["id"], "value": "Pas Kq9!zT4rw, badge Vx83-pLm2"}]))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("gNt7", "Qx42", "Kq9!", "zT4rw", "Vx83", "pLm2"):
        assert planted not in stored, planted
    for kept in ('"data-ledenpas":"goud"', '"data-badge":"GOLD-2026"', '"data-clubpas":"3"', '"pas":2',
                 '"karte":"Speisekarte"'):
        assert kept in stored, kept


def test_a_random_code_under_sesame_or_an_access_code_key_is_masked_and_its_echo_on_the_page_too(session):
    """{"sesame": "Qk7x-2Wp9"}: a food bank's server answered the visitor's access code under "sésame" (French: the pass
    that opens a door), and the page showed it in a later batch (round 25 of the peers' held-out hunt); "accesscode"
    is an access code's English key. Both are masked, and tainted: the page's copy is masked too. An allergen's word
    or flag under "sesame" (a food shop's product) stays."""
    page = element("p", {"id": "confirmation"})
    s = session()
    s.send(meta(), snapshot(html_page(page)))
    s.send(custom("answer", {"sesame": "Qk7x-2Wp9", "accesscode": "Rt5w-9Lk3"}),
           custom("product", {"allergenes": {"sesame": "traces", "sesam": True}}))
    s.send(mutation(adds=[add(page["id"], text("Inscription confirmée : Qk7x-2Wp9 (porte Rt5w-9Lk3)"))]))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("Qk7x", "2Wp9", "Rt5w", "9Lk3"):
        assert planted not in stored, planted
    assert '"sesame":"traces"' in stored and '"sesam":true' in stored


def test_a_handle_under_a_data_attribute_naming_an_account_is_masked_though_shaped_like_a_token(session):
    """data-username, data-email, data-member hold a login made of a name ("wouter.claeys", "wclaeys84"), which the
    short lower-case token a page uses as structure (data-name="product-card") looks like: under a name that says an
    account or an address, no token is structure (review 24 F12)."""
    badge = element("a", {"data-username": "wouter.claeys", "data-email": "w.claeys", "data-member": "wclaeys84",
                          "data-login": "wouterc", "data-name": "product-card"}, [text("@")])
    s = session()
    s.send(meta(), snapshot(html_page(badge)))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("wouter.claeys", "w.claeys", "wclaeys84", "wouterc"):
        assert planted not in stored, planted
    assert nodes_by_id(s.stored)[badge["id"]]["attributes"]["data-name"] == "product-card"


def test_a_short_name_key_as_a_data_attributes_name_masks_its_text_on_the_page_and_in_a_payloads_copy(session):
    """data-first, data-voornaam, data-last-name are name keys as {"first": …} is in a payload: the attribute's name
    was read without its value, so a short name key ("first") took the value for a count and left it to text
    scanning, and an element's attributes copied into a payload (a click's, autocapture's attr__) were read by no
    key at all. The value is masked whole when it is text; a number, a flag and a page's token stay."""
    card = element("div", {"class": "card"})
    s = session()
    s.send(meta(), snapshot(html_page(card)))
    s.send(mutation(attributes=[set_attributes(card["id"], **{"data-first": "Ysaline", "data-last": "3"})]))
    stored = orjson.dumps(s.stored).decode()
    assert "Ysaline" not in stored and '"data-last":"3"' in stored, stored
    s = session()
    s.send(meta(), custom("click", {"tagName": "DIV", "attributes": {"data-voornaam": "Ysaline", "data-first": "true",
                                                                     "data-last-name": "Cnudde", "data-name": "product-card"}}),
           custom("$autocapture", {"$elements": [{"tag_name": "div", "attr__data-first": "Quirine", "attr__data-first-step": "2"}]}))
    stored = orjson.dumps(s.stored).decode()
    for planted in ("Ysaline", "Cnudde", "Quirine"):
        assert planted not in stored, planted
    assert '"data-first":"true"' in stored and '"data-name":"product-card"' in stored and '"attr__data-first-step":"2"' in stored


def test_a_full_name_in_an_attribute_no_browser_shows_is_masked_known_or_not(session):
    """data-*, a component's own attribute, a <meta> content: a value shaped like a full name is a
    person there, as in a field nothing names, names no list knows included. The words a browser
    shows (alt, title, placeholder) are the site's: a title-case phrase there stays readable."""
    s = session()
    badge = element("loyalty-badge", {"data-cosigner": "Gommaar Wuyts", "holder": "Hadewych Stroobants",
                                      "title": "Gift Card Balance", "alt": "Blue Cotton Scarf"})
    author = element("meta", {"name": "author", "content": "Amalberga Van Rompaey"})
    s.send(snapshot(html_page(author, badge)))
    for name in ("Gommaar Wuyts", "Hadewych Stroobants", "Amalberga Van Rompaey"):
        assert leaked(s.stored, name) == [], name
    stored = orjson.dumps(s.stored).decode()
    assert "Gift Card Balance" in stored and "Blue Cotton Scarf" in stored


def test_a_page_address_whose_path_spells_a_name_is_masked_a_resources_is_kept(session):
    """A link's or the page's own path segment that spells a person ("/klant/sanne-jansen/",
    "/in/lotte-de-graaf-4821") is masked; an image's path stays, as the replay loads it, and so
    does a phrase ("/blog/will-it-rain")."""
    s = session()
    page = "https://shop.example/account/lotte-de-graaf-4821/orders"
    links = [element("a", {"href": "https://shop.example/klant/sanne-jansen/bestellingen"}, [text("mijn")]),
             element("a", {"href": "/blog/will-it-rain"}, [text("blog")]),
             element("img", {"src": "/img/olivia-burton-watch.jpg", "alt": ""}),
             element("div", {"data-profile": "/u/emma-verhulst"})]
    s.send(meta(page), snapshot(html_page(*links)), custom("pageview", {"$pathname": "/klant/marieke-reitsma"}))
    stored = orjson.dumps(s.stored).decode()
    for slug in ("sanne-jansen", "lotte-de-graaf", "emma-verhulst", "marieke-reitsma"):
        assert slug not in stored, slug
    assert "/blog/will-it-rain" in stored and "/img/olivia-burton-watch.jpg" in stored


def test_a_handle_after_a_segment_that_holds_people_is_masked_in_a_resource_s_path_too(session):
    """"/users/jorindev77/avatar.png": the segment after one that holds people is a person's handle
    in an image's address as in a page's; the site's own pages and files elsewhere stay as they are."""
    s = session()
    images = [element("img", {"src": src, "alt": "avatar"}) for src in (
        "https://cdn.shop.example/users/jorindev77/avatar.png", "https://shop.example/klant/jorindev77.jpg",
        "https://cdn.shop.example/u/amelie.vermeulen/photo.jpg", "/img/olivia-burton-watch.jpg",
        "/account/settings/icon.svg")]
    s.send(snapshot(html_page(*images)))
    stored = orjson.dumps(s.stored).decode()
    assert "jorindev" not in stored and "amelie.vermeulen" not in stored
    for kept in ("/users/", "/avatar.png", "/klant/", "/u/", "/photo.jpg", "/img/olivia-burton-watch.jpg",
                 "/account/settings/icon.svg"):
        assert kept in stored, kept


@pytest.mark.parametrize("address, secret", [
    ("https://shop.example/aanmelden?user=wardje&pass=Tulpenveld42", "Tulpenveld42"),
    ("https://shop.example/login?u=wardje&p=Tulpenveld42", "Tulpenveld42"),
    ("https://shop.example/kluis?pincode=831642", "831642"),
    ("https://shop.example/email/bevestig?id=77&hash=c3d2e1f0a9b8", "c3d2e1f0a9b8"),
    ("https://shop.example/club?invite=Qw3rT9yLp", "Qw3rT9yLp"),
    ("https://shop.example/nieuwsbrief?confirmation=Qw3rT9yLp", "Qw3rT9yLp"),
    ("https://shop.example/aanmelden?magic=Qw3rT9yLp", "Qw3rT9yLp"),
    ("https://shop.example/motdepasse/reset/Qw3rT9yLpZ8xVb2N", "Qw3rT9yLpZ8xVb2N"),
    ("https://shop.example/uitnodiging/Qw3rT9yLp", "Qw3rT9yLp"),
    ("https://shop.example/einladung/Qw3rT9yLp?lang=de", "Qw3rT9yLp"),
    ("https://shop.example/reset/token/Qw3rT9yLpZ8xVb2N", "Qw3rT9yLpZ8xVb2N")])
def test_a_password_or_a_one_time_code_in_a_page_address_is_masked_whatever_it_is_called(session, address, secret):
    """A login form sent by GET ("?pass=", "?u=…&p=") and a one-time link's code under its own name ("?hash=",
    "?invite=", "?magic=") or as the segment after a word that opens such a link ("/reset/<code>", "/uitnodiging/
    <code>"): a secret of any shape, masked in the page's Meta and its links; the site's pages after such a word
    ("/account/reset/password", "/verify/email") and a stylesheet's path ("/css/reset/base.css") stay as they are."""
    s = session()
    kept = ["/css/reset/base.css", "/account/reset/password", "/verify/email"]
    s.send(meta(address), snapshot(html_page(element("link", {"rel": "stylesheet", "href": kept[0]}),
                                             element("a", {"href": address}, [text("verder")]),
                                             *[element("a", {"href": page}, [text("verder")]) for page in kept[1:]])))
    assert leaked(s.stored, secret) == []
    stored = orjson.dumps(s.stored).decode()
    for address in kept:
        assert address in stored, address


@pytest.mark.parametrize("address, secret, route", [
    ("https://shop.example/wachtwoord/reset/code/570316/", "570316", "/wachtwoord/reset/code/"),
    ("https://shop.example/password/reset/code/570316?lang=en", "570316", "/password/reset/code/"),
    ("https://shop.example/accounts/password/reset/key/m-f1e2d3c4b5a69788a7b6/", "f1e2d3c4b5a69788a7b6",
     "/accounts/password/reset/key/"),
    ("https://shop.example/bevestig/sleutel/Qw3rT9yLp", "Qw3rT9yLp", "/bevestig/sleutel/")])
def test_a_one_time_code_after_the_route_word_that_names_it_is_masked(session, address, secret, route):
    """Review 20 F4: after a segment that opens a one-time link, a route's word naming the secret ("/reset/code/…",
    django-allauth's "/password/reset/key/<uid>-<key>/") was masked as the secret, and the code after it, too short
    or too plain for a token's shape, was stored in the Meta and the links. The route's word stays readable, the
    segment after it is the secret."""
    s = session()
    s.send(meta(address), snapshot(html_page(element("a", {"href": address}, [text("verder")]))))
    assert leaked(s.stored, secret) == []
    assert route in orjson.dumps(s.stored).decode(), route


@pytest.mark.parametrize("address, secret, route", [
    ("https://shop.example/reset-password/603917", "603917", "/reset-password/"),
    ("https://shop.example/account/password_reset/603917/", "603917", "/account/password_reset/"),
    ("https://shop.example/verify-email/714028?lang=en", "714028", "/verify-email/"),
    ("https://shop.example/verify/email/825139", "825139", "/verify/email/"),
    ("https://shop.example/it/conferma/936240", "936240", "/it/conferma/"),
    ("https://shop.example/es/verificar/147351", "147351", "/es/verificar/"),
    ("https://shop.example/pt/ativar/258462", "258462", "/pt/ativar/"),
    ("https://shop.example/convite/369573", "369573", "/convite/"),
    ("https://shop.example/reset/codigo/470684", "470684", "/reset/codigo/"),
    ("https://shop.example/reimposta-password/codice/581795", "581795", "/reimposta-password/codice/")])
def test_a_one_time_code_after_a_compound_or_a_southern_route_word_is_masked(session, address, secret, route):
    """Review 21 F5: a code of digits alone (no token's shape) after "reset-password", "verify-email", "/verify/email/",
    or after an Italian, Spanish or Portuguese route word ("/conferma/", "/verificar/", "/ativar/", "/convite/",
    "/reset/codigo/") was stored in the Meta and the links: secret_paths held whole segments of en/nl/fr/de only, a
    flow page after the opening closed it, and "codigo" was masked in the code's place. The route stays readable; a
    compound with another word ("/magic-mouse/") and the flow's own pages after the code's place stay too."""
    kept = ["/magic-mouse/zwart", "/reset-password/done", "/verify/email/sent"]
    s = session()
    s.send(meta(address), snapshot(html_page(element("a", {"href": address}, [text("verder")]),
                                             *[element("a", {"href": page}, [text("verder")]) for page in kept])))
    assert leaked(s.stored, secret) == []
    stored = orjson.dumps(s.stored).decode()
    for page in [route, *kept]:
        assert page in stored, page


@pytest.mark.parametrize("address, secret", [
    ("https://winkel.example/nieuwsbrief-opzeggen/Vb3nQ8rTz2LwXp5K", "Vb3nQ8rTz2LwXp5K"),
    ("https://winkel.example/ripristina-password/Vb3nQ8rTz2LwXp5K", "Vb3nQ8rTz2LwXp5K"),
    ("https://winkel.example/bestelling/Hd7kWq2Zr9PxMn4Lb/status", "Hd7kWq2Zr9PxMn4Lb"),
    ("https://winkel.example/s/Rt5y-Lp8Kw_2ZqVx9m", "Rt5y-Lp8Kw_2ZqVx9m")])
def test_a_token_in_a_page_address_s_path_is_masked_after_any_segment(session, address, secret):
    """A one-time link's token of 16 to 23 characters as a path segment, after a segment no list holds (an
    unsubscribe link, an Italian reset link, an order's page "/<token>/status"): masked by its shape, as the same
    value is under any query name. A product's or an article's slug of words and model numbers, random-looking as a
    whole, stays readable, and so does a script's hashed file name."""
    s = session()
    kept = ["/p/iPhone-15-Pro-256GB", "/p/MacBook-Pro-14-M3-Max", "/blog/2026-Q3-Results-KPIs",
            "/assets/index-Bx3kQ9zWm7Lp.css"]
    s.send(meta(address), snapshot(html_page(element("link", {"rel": "stylesheet", "href": kept[3]}),
                                             element("a", {"href": address}, [text("verder")]),
                                             *[element("a", {"href": page}, [text("verder")]) for page in kept[:3]])))
    assert leaked(s.stored, secret) == []
    stored = orjson.dumps(s.stored).decode()
    for page in kept + ["https://winkel.example/" + address.split("/")[3] + "/"]:
        assert page in stored, page


def test_an_address_percent_encoded_in_a_query_value_is_read_as_the_address_it_is(session):
    """A login's "?next=", "?redirect=", "?returnTo=" and a gravatar's "?d=" hold a whole address
    percent-encoded: its parameters' names keep their meaning, its path its name slug and its
    person's handle, and what it holds encoded twice is decoded twice, in the page's Meta, a link,
    an image and an analytics payload's $current_url alike; the nested address's own structure
    and an address nothing personal is in stay as they were."""
    s = session()
    nested = ["https://winkel.example/aanmelden?next=%2Fafrekenen%3Fstap%3D3%26familienaam%3DVerschaeren",
              "https://winkel.example/aanmelden?redirect=https%3A%2F%2Fwinkel.example%2Fusers%2Fmaxdewulf93%2Forders",
              "/aanmelden?returnTo=%2Fbestelling%2Fsanne-claeys%2Foverzicht",
              "/aanmelden?next=%2Fcontact%3Fx%3D%252B32472665544",
              "/aanmelden#%2Fklanten%2Fmaxdewulf93",
              "/p?ref=lien.vercauteren%2540postvak.example"]
    plain = "/aanmelden?next=%2Fzoek%3Fq%3Dfietslamp%26page%3D2"
    avatar = ("https://www.gravatar.com/avatar/0bc83cb571cd1c50ba6f3e8a78ef1346?s=80"
              "&d=https%3A%2F%2Fui-avatars.com%2Fapi%2F%3Fname%3DWardje%2BCallebaut")
    s.send(meta(nested[0]), snapshot(html_page(*[element("a", {"href": url}, [text("verder")]) for url in nested[1:]],
                                               element("a", {"href": plain}, [text("zoek")]),
                                               element("img", {"src": avatar, "alt": ""}))),
           custom("$pageview", {"$current_url": nested[1]}))
    for value in ("Verschaeren", "maxdewulf93", "sanne-claeys", "32472665544", "lien.vercauteren", "Callebaut"):
        assert leaked(s.stored, value) == [], value
    stored = stored_text(s.stored)
    assert plain in stored
    for kept in ("?next=%2Fafrekenen%3Fstap%3D3%26familienaam%3D", "https%3A%2F%2Fwinkel.example%2Fusers%2F",
                 "%2Forders", "?returnTo=%2Fbestelling%2F", "%2Foverzicht", "?next=%2Fcontact%3Fx%3D",
                 "#%2Fklanten%2F", "?s=80&d=https%3A%2F%2Fui-avatars.com%2Fapi%2F%3Fname%3D"):
        assert kept in stored, kept


def test_an_address_nested_past_the_bound_is_masked_whole(session):
    """Each address inside another is decoded once more: past MAX_NESTED_URLS of them the value is
    masked whole, unread, so that the work stays bounded by the address's length."""
    s = session()
    inner = "%2Fklant%2Fmaxdewulf93"
    for _ in range(MAX_NESTED_URLS + 1):
        inner = quote("/p?next=" + inner, safe="")
    s.send(meta("https://winkel.example/aanmelden?next=" + inner + "&stap=2"))
    assert leaked(s.stored, "maxdewulf93") == []
    assert s.stored[0]["data"]["href"].startswith("https://winkel.example/aanmelden?next=%2Fp%3Fnext%3D")
    assert s.stored[0]["data"]["href"].endswith("&stap=2")


def test_what_a_url_names_a_person_is_masked_where_the_page_shows_it_back(session):
    """A parameter named like a field ("?naam=Ysoline+Daemers") and a path segment that spells a
    name ("/klant/marieke-wobbema/") are masked whole and remembered: the page showing the surname
    alone later in the session is masked too."""
    s = session()
    line = text("…")
    s.send(meta("https://shop.example/klant/marieke-wobbema/bevestiging?naam=Ysoline+Daemers"),
           snapshot(html_page(element("p", {}, [line]))))
    s.send(mutation(texts=[{"id": line["id"], "value": "Pakket van Daemers voor Wobbema is onderweg"}]))
    stored = stored_text(s.stored)
    assert "Daemers" not in stored and "Wobbema" not in stored and "wobbema" not in stored
    assert "is onderweg" in stored


def test_an_options_value_is_scanned(session):
    s = session()
    option = element("option", {"value": EMAIL}, [text("me")])
    s.send(snapshot(html_page(element("select", {"id": "who"}, [option]))))
    assert leaked(s.stored, EMAIL) == []


def test_attributes_added_by_a_mutation_are_scanned(session):
    s = session()
    box = element("div", {"class": "x"})
    s.send(snapshot(html_page(box)))
    s.send(mutation(attributes=[set_attributes(box["id"], **{"aria-roledescription": EMAIL, "srcset": f"/a.png?e={EMAIL} 2x"})]))
    assert leaked(s.stored, EMAIL) == []


def copied_while_typed(field_id: int, value: str, attribute: str) -> list:
    """Typing into a field whose script copies the value into an attribute at each keystroke."""
    events = []
    for i in range(1, len(value) + 1):
        events += [input_event(field_id, value[:i]),
                   mutation(attributes=[set_attributes(field_id, **{attribute: value[:i]})])]
    return events


@pytest.mark.parametrize("label, value", [("Contact for the key code", EMAIL), ("Vorname", "Tjallingii")])
@pytest.mark.parametrize("attribute", ["ng-reflect-model", "data-value", "value"])
def test_an_attribute_copying_a_field_as_it_is_typed_leaks_no_prefix(session, label, value, attribute):
    """Angular's dev mode mirrors the model into ng-reflect-model at every keystroke, and the
    floating-label trick into the value attribute (oninput: setAttribute('value', this.value)):
    each copy is a half-typed value, and the batch may end inside the e-mail's local part."""
    field = element("input", {"name": "k1", "aria-label": label})
    s = session()
    s.send(snapshot(html_page(field)))
    events = copied_while_typed(field["id"], value, attribute)
    for cut in (2 * 7, len(events)):  # the first batch ends after "noor.ba" / "Tjallin"
        s.send(*events[:cut])
        events = events[cut:]
    assert leaked(s.stored, value) == []


def test_a_field_re_rendered_at_each_keystroke_leaks_no_prefix_and_a_settled_word_stays(session):
    """A page that draws its form anew as it is typed: a new input per keystroke, its value
    attribute the value so far. An unlabelled e-mail's prefixes are masked; a search typed the same
    way is readable once a space settles it."""
    form = element("div", {"class": "form"})
    s = session()
    s.send(snapshot(html_page(form)))
    for value, cut in ((EMAIL, 7), ("fietsbel ", 4)):
        events, shown = [], None
        for i in range(1, len(value) + 1):
            field = element("input", {"type": "text", "value": value[:i]})
            events.append(mutation(adds=[add(form["id"], field)], removes=[remove(form["id"], shown)] if shown else []))
            shown = field["id"]
        s.send(*events[:cut])  # the batch ends after "noor.ba" / "fiet"
        s.send(*events[cut:])
    assert leaked(s.stored, EMAIL) == []
    assert "fietsbel " in orjson.dumps(s.stored).decode()


@pytest.mark.parametrize("label, value", [("Contact for the key code", EMAIL), ("Vorname", "Tjallingii"),
                                          ("Naam op de kaart", "Gurbe Hettema")])
@pytest.mark.parametrize("shown_as", [str, str.upper])
def test_a_live_preview_of_a_field_leaks_no_prefix(session, label, value, shown_as):
    """The page shows the value as it is typed: a new text node per keystroke (as rrweb records a
    textContent change) and a component's reflected input, on elements that are not the field; a
    card drawn live shows the holder's name in capitals."""
    field = element("input", {"name": "k1", "aria-label": label})
    card = element("app-key-card", {"class": "card"})
    s = session()
    s.send(snapshot(html_page(field, card)))
    events, shown = [], None
    for i in range(1, len(value) + 1):
        node = text(shown_as(value[:i]))
        events += [input_event(field["id"], value[:i]),
                   mutation(adds=[add(card["id"], node)], removes=[remove(card["id"], shown)] if shown else [],
                            attributes=[set_attributes(card["id"], **{"ng-reflect-contact": shown_as(value[:i])})])]
        shown = node["id"]
    s.send(*events[:2 * 7])  # the batch ends after "noor.ba" / "Tjallin" / "Gurbe H"
    s.send(*events[2 * 7:])
    assert leaked(s.stored, shown_as(value)) == []


def test_a_live_copy_whose_name_the_detector_masked_still_loses_the_number_being_typed(session):
    """A list that repeats a row's remark after the row's own words ("Commode ancienne — pour ma tante …") as
    it is typed: the detector masks the aunt's name in the copy, which then no longer holds the typed value as
    it was typed; the phone being typed after it is masked in the copy as in the field (held-out round 15,
    demenagement.html)."""
    value = "pour ma tante Godelieve Stas, +33 6 12 47 85 90"
    field = element("input", {"class": "note", "aria-label": "Remarque · Opmerking"})
    order = element("li", {})
    s = session()
    s.send(snapshot(html_page(field, order)))
    events, shown = [], None
    for i in range(1, len(value) + 1):
        node = text("Commode ancienne — " + value[:i])
        events += [input_event(field["id"], value[:i]),
                   mutation(adds=[add(order["id"], node)], removes=[remove(order["id"], shown)] if shown else [])]
        shown = node["id"]
    cut = 2 * value.index("2 4")  # the batch ends after "+33 6 12 4"
    s.send(*events[:cut + 2 * 3])
    s.send(*events[cut + 2 * 3:])
    assert leaked(s.stored, "+33 6 12 47 85 90") == []


@pytest.mark.parametrize("label, value, href", [
    ("E-mail", "ysaure.qnl@verriere-post.be", "mailto:{}"),
    ("Profil LinkedIn", "https://www.linkedin.com/in/ysaure-quenouillere-7b3k2", "{}")])
def test_a_link_a_script_builds_from_a_field_as_it_is_typed_leaks_no_prefix(session, label, value, href):
    """A live profile card drawn by innerHTML at each keystroke: a new <a> whose href is the value
    typed so far (mailto:…, the profile's URL) and whose text shows it. The added link's href is a
    copy of the keystrokes as its text is (held-out round 4, apply.html)."""
    field = element("input", {"name": "k1", "aria-label": label})
    card = element("p", {"class": "card-contact"})
    s = session()
    s.send(snapshot(html_page(field, card)))
    events, shown = [], None
    for i in range(1, len(value) + 1):
        link = element("a", {"href": href.format(value[:i])}, [text(value[:i])])
        events += [input_event(field["id"], value[:i]),
                   mutation(adds=[add(card["id"], link)], removes=[remove(card["id"], shown)] if shown else [])]
        shown = link["id"]
    cut = 2 * (len(value) - 12)  # the batch ends in the middle of the domain or the name
    s.send(*events[:cut])
    s.send(*events[cut:])
    assert leaked(s.stored, value.split("/")[-1]) == []


def test_a_name_of_the_session_inside_a_slug_or_a_file_name_masks_all_of_it(session):
    """A name typed into the name fields comes back inside a profile URL's slug (a link's href, the
    URL field's value, the link's text) and inside the picked CV's file name, which the page shows
    without the browser's C:\\fakepath\\: the whole slug and file name are the visitor's, not only
    the name's words in them (held-out round 4, apply.html)."""
    given = element("input", {"autocomplete": "given-name", "aria-label": "Prénom"})
    family = element("input", {"autocomplete": "family-name", "aria-label": "Nom"})
    cv = element("input", {"type": "file", "aria-label": "CV (PDF)"})
    card, chosen = element("p", {"class": "card"}), element("span", {"class": "file-name"}, [text("Aucun fichier")])
    s = session()
    s.send(snapshot(html_page(given, family, cv, chosen, card)))
    s.send(*typing(given["id"], "Ysaure"), *typing(family["id"], "Quenouillère"))
    s.send(input_event(cv["id"], "C:\\fakepath\\Lettre_Y_Q_2026.pdf"),
           mutation(adds=[add(chosen["id"], text("Lettre_Y_Q_2026.pdf (12 Ko)"))]))
    url = "https://www.linkedin.com/in/ysaure-quenouillere-7b3k2"
    s.send(snapshot(html_page(element("input", {"type": "url", "value": url}),
                              element("a", {"href": url}, [text("linkedin.com/in/ysaure-quenouillere-7b3k2")]),
                              element("span", {"class": "file-name"}, [text("CV_Ysaure_Quenouillere_2026.pdf (0 Ko)")]))))
    for value in ("ysaure-quenouillere-7b3k2", "CV_Ysaure_Quenouillere_2026.pdf", "Lettre_Y_Q_2026.pdf"):
        assert leaked(s.stored, value) == [], value


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_street_without_a_street_word_typed_by_the_visitor_is_masked_where_the_review_shows_it(session, tag):
    """A transfer's description names the street ("Borg kamer Achter Clarenburg 4"): no street word,
    no postcode, words no detector knows as a place. Capitalised words before a house number, in what
    a visitor writes, are a street; the review step's <dd> and the next snapshot show it again
    (held-out round 4, transfer.html)."""
    field = element(tag, {"name": "description", "aria-label": "Omschrijving"})
    review = element("dl", {"id": "review"})
    s = session()
    s.send(snapshot(html_page(field, review)))
    value = "Borg kamer Achter Clarenburg 4"
    events = typing(field["id"], value)
    s.send(*events[:22])  # the batch ends in "Achter Clar"
    s.send(*events[22:])
    s.send(mutation(adds=[add(review["id"], element("dd", {}, [text(value)]))]))
    s.send(snapshot(html_page(element(tag, {"name": "description", "value": value}), element("dd", {}, [text(value)]))))
    assert leaked(s.stored, "Achter Clarenburg 4") == []
    assert "Borg kamer " in stored_text(s.stored)


LOWER_CASE_MESSAGE = ("hier de borg. mijn nieuwe rekening is nl75 knab 0255 8817 42, mail me op "
                      "ysaure.q [at] verriere-post [punt] be. als het binnen is")


def typed_in_two_batches(session, message: str, cut: str) -> list:
    """What is stored of a message typed key by key in a textarea, the first batch ending right after cut."""
    field = element("textarea", {"name": "message", "aria-label": "Bericht aan de begunstigde"})
    s = session()
    s.send(snapshot(html_page(field)))
    events = typing(field["id"], message)
    end = message.index(cut) + len(cut)
    s.send(*events[:end])
    s.send(*events[end:])
    return s.stored


@pytest.mark.parametrize("cut", ["nl75 k", "nl75 knab ", "nl75 knab 02", "ysaure.q [", "ysaure.q [a", "[at] verr",
                                 "verriere-post [pu", "[punt] b"])
def test_an_iban_in_lower_case_and_an_e_mail_spelled_out_leak_nothing_where_a_batch_cuts_them(session, cut):
    """People type to each other in lower case and spell an address out against harvesters: the
    batch may end anywhere inside either (held-out round 4, transfer.html's message)."""
    stored = typed_in_two_batches(session, LOWER_CASE_MESSAGE, cut)
    for value in ("nl75 knab 0255 8817 42", "ysaure.q [at] verriere-post [punt] be"):
        assert leaked(stored, value) == [], value
    assert "als het binnen " in stored_text(stored)


@pytest.mark.parametrize("message, address, cut", [
    ("bitte schreib an lotte.demuynck(a)skynet.be wenn es klappt", "lotte.demuynck(a)skynet.be", "demuynck(a)sky"),
    ("bitte schreib an lotte.demuynck [ät] web [punkt] de wenn es klappt", "lotte.demuynck [ät] web [punkt] de",
     "web [pun"),
    ("bitte an lotte.demuynck ät web punkt de schreiben", "lotte.demuynck ät web punkt de", "web pun"),
    ("mail naar lotte.demuynck(aapje)skynet.be als het lukt", "lotte.demuynck(aapje)skynet.be", "(aapje)sky"),
    ("écris à lotte.demuynck[et]free.fr si ça marche", "lotte.demuynck[et]free.fr", "demuynck[et]fr"),
    ("schreib an lotte.demuynck(at)skynet punkt be wenn es klappt", "lotte.demuynck(at)skynet punkt be",
     "skynet pu"),
    ("schreib an lotte.demuynck at skynet(punkt)be wenn es klappt", "lotte.demuynck at skynet(punkt)be",
     "skynet(pu"),
    # Italian, Spanish and Portuguese (review 19 F5)
    ("scrivimi a tiziana.lombardo chiocciola libero punto it grazie", "tiziana.lombardo chiocciola libero punto it",
     "libero pun"),
    ("escríbeme a ainhoa.urrutia arroba telefonica punto net gracias", "ainhoa.urrutia arroba telefonica punto net",
     "telefonica pu"),
    ("o meu email é rui.sarmento arroba clix ponto pt obrigado", "rui.sarmento arroba clix ponto pt", "clix pon")])
def test_an_e_mail_spelled_out_in_a_visitor_s_language_leaks_nothing_where_a_batch_cuts_it(
        session, message, address, cut):
    """An "@" written "(a)", "[ät]", "ät", "(aapje)", "[et]", and a dot written as a word, bare or in brackets,
    after either form of the "@" (review 18), in Italian, Spanish and Portuguese too ("chiocciola", "arroba", "punto",
    "ponto": review 19): the address is masked, where the batch ends inside it too, and the
    words around it stay."""
    stored = typed_in_two_batches(session, message, cut)
    assert leaked(stored, address) == []
    assert message[:message.index(address)].split()[-1] in stored_text(stored)


@pytest.mark.parametrize("message, address, cut", [
    ("stuur het naar dewaele punt vanransbeeck at skynet punt be als het lukt",
     "dewaele punt vanransbeeck at skynet punt be", "vanransbeeck at "),
    ("stuur het naar dewaele punt vanransbeeck at skynet punt be als het lukt",
     "dewaele punt vanransbeeck at skynet punt be", "vanransbeeck at sk"),
    ("stuur het naar dewaele punt vanransbeeck at skynet punt be als het lukt",
     "dewaele punt vanransbeeck at skynet punt be", "skynet punt b"),
    ("send it to dewaele underscore vanransbeeck at gmail dot com if you can",
     "dewaele underscore vanransbeeck at gmail dot com", "vanransbeeck a"),
    ("send it to dewaele underscore vanransbeeck at gmail dot com if you can",
     "dewaele underscore vanransbeeck at gmail dot com", "gmail ")])
def test_an_e_mail_spelled_out_with_its_local_parts_dot_as_a_word_leaks_nothing_where_a_batch_cuts_it(
        session, message, address, cut):
    """Review 19 F9: "griet punt verhaeghe at " ending a batch stored its local part's last word, at every cut after
    "at": a local part read only as one word, or one holding a mailbox's character, and a dot or an "_" written as
    a word is one. The words before the address stay."""
    stored = typed_in_two_batches(session, message, cut)
    assert leaked(stored, address) == []
    assert message[:message.index(address)] in stored_text(stored)


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_given_name_greeted_in_lower_case_is_masked_and_a_greeted_group_is_not(session, tag):
    """People write to each other without capitals: "hoi sietske," is a name no shape but the greeting
    tells; "hoi allemaal," greets no one (held-out round 4, transfer.html's message)."""
    field = element(tag, {"name": "message", "aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    for value, cut in (("hoi sietske, hier de borg. ", "hoi sietsk"), ("hoi allemaal, tot zaterdag ", "hoi all")):
        events = typing(field["id"], value)
        s.send(*events[:len(cut)])
        s.send(*events[len(cut):])
    assert leaked(s.stored, "hoi sietske") == []
    assert "hoi allemaal, " in stored_text(s.stored)


def test_a_hungarian_name_typed_surname_first_in_lower_case_is_masked(session):
    """Hungarian writes a name surname first ("horváth gábor"), and its surnames have no ending that tells them
    (rules/pii.yaml surnames_written_first): typed in lower case with a given name no Belgian or Dutch visitor has,
    the pair was read as no name and stored. The sentence's other words stay."""
    field = element("textarea", {"name": "message", "aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    for value in ("horváth gábor vagyok, a rendelésről írok. ", "köszönöm, üdvözlettel: farkas ildikó. "):
        s.send(*typing(field["id"], value))
        s.send(custom("chat", {"text": value}))
    for name in ("horváth", "gábor", "farkas", "ildikó"):
        assert leaked(s.stored, name) == [], name
    stored = stored_text(s.stored)
    assert "a rendelésről írok. " in stored and "köszönöm, üdvözlettel: " in stored


def test_what_friends_call_each_other_after_a_greeting_in_lower_case_is_no_name(session):
    """"hey buddy," and "hi mate" were masked as a name: the name list holds "buddy" and "mate" as given names. In
    lower case after a greeting (and after a closing) such a word is a friend's word; a given name there, and the
    same word capitalised, are still a person's."""
    field = element("textarea", {"name": "message", "aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    for value in ("hey buddy, where is my parcel? cheers mate. ", "hi mate, the blue one please ", "hoi schat, kom je eten? ",
                  "hey noor, where is my parcel? ", "hey Buddy, thanks "):
        s.send(*typing(field["id"], value))
        s.send(custom("chat", {"text": value}))
    stored = stored_text(s.stored)
    for kept in ("hey buddy, where is my parcel? cheers mate. ", "hi mate, the blue one", "hoi schat, kom je eten? "):
        assert kept in stored, kept
    assert leaked(s.stored, "noor") == [] and leaked(s.stored, "Buddy") == []


@pytest.mark.parametrize("value, name", [("Goedemiddag, ik ben Wannes en ik bel over de offerte. ", "Wannes"),
                                         ("Bonsoir, je suis Apolline, la voisine du 3e. ", "Apolline"),
                                         ("Hello, I am Imogen and I ordered twice. ", "Imogen"),
                                         ("Hello, I am imogen and I ordered twice. ", "imogen"),
                                         ("Guten Tag, ich bin Hiltrud und habe eine Frage. ", "Hiltrud"),
                                         ("Goeiedag, vraag naar Wannes aan de kassa. ", "Wannes"),
                                         ("Hallo, met Wannes hier, kan ik langskomen? ", "Wannes")])
def test_a_given_name_said_to_be_ones_own_is_masked_as_people_write_it_capitalised(session, value, name):
    """Review 16 F5: a visitor introducing themself ("ik ben Wannes", "I am Imogen") or saying whom to ask for types
    the given name with its capital, and opens the sentence with one ("I am imogen"): masked wherever the batch
    ends after it, and tainted, so the page's later echo of it is masked. The site's "Ik ben Belg? Lees dit." names no
    one."""
    field, summary = element("textarea", {"name": "bericht", "aria-label": "Uw vraag"}), element("p", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(element("h2", {}, [text("Ik ben Belg? Lees dit.")]), field, summary)))
    events = typing(field["id"], value)
    end = value.index(name) + len(name) + 1
    s.send(*events[:end])
    s.send(*events[end:])
    s.send(mutation(adds=[add(summary["id"], text(name.capitalize()))]))  # the page shows the name back, alone
    assert leaked(s.stored, name) == []
    stored = stored_text(s.stored)
    assert value[:value.index(name)] in stored and "Ik ben Belg? Lees dit." in stored


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_name_signed_in_lower_case_after_a_closing_is_masked(session, tag):
    """A chat message closed "mvg jorun vekemans" (round 6's telecom chat): the closing says a name
    follows, as a greeting does; "groetjes van ons allemaal" signs no one (bench/hostile.py: linear)."""
    field = element(tag, {"name": "message", "aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    for value in ("de modem staat op zolder. mvg jorun vekemans", "merci, cordialement ysolde marchal ",
                  "tot dan! groetjes van ons allemaal "):
        s.send(*typing(field["id"], value))
    for value in ("jorun vekemans", "ysolde marchal"):
        assert leaked(s.stored, value) == [], value
    # a batch ends on a half-typed surname that is a function word so far ("ve" of "vekemans": "'ve")
    cut = "de modem staat op zolder. mvg jorun ve"
    events = typing(field["id"], cut + "kemans")
    s.send(*events[:len(cut)])
    s.send(*events[len(cut):])
    assert leaked(s.stored, "jorun vekemans") == []
    text = stored_text(s.stored)
    assert "de modem staat op zolder. mvg " in text and "groetjes van ons allemaal " in text


PARTICLE_NAMES = "namens wannes van den bossche: de levering is niet aangekomen. groetjes fien de wulf "


@pytest.mark.parametrize("cut", ["wannes van ", "wannes van den ", "wannes van den b", "fien de ", "fien de w", ""])
def test_a_name_typed_without_capitals_with_a_particle_in_its_surname_leaks_nothing_where_a_batch_cuts_it(session,
                                                                                                          cut):
    """Review 16 F6: a name typed in lower case whose surname has a particle ("namens wannes van den bossche",
    "groetjes fien de wulf") was stored whole, the rules taking a given name and a surname with nothing between; a
    batch cut after a particle leaves the given name waiting for its surname. A search box's whole value too."""
    field = element("textarea", {"name": "bericht", "aria-label": "Uw bericht"})
    search = element("input", {"type": "search", "name": "q"})
    s = session()
    s.send(snapshot(html_page(field, search)))
    events = typing(field["id"], PARTICLE_NAMES)
    end = PARTICLE_NAMES.index(cut) + len(cut) if cut else len(events)
    s.send(*events[:end])
    s.send(*events[end:])
    s.send(*typing(search["id"], "fien van der elst "))
    for value in ("wannes van den bossche", "fien de wulf", "fien van der elst"):
        assert leaked(s.stored, value) == [], value
    assert "de levering is niet aangekomen. groetjes " in stored_text(s.stored)


LOWER_CASE_NAMES = ("de sleutel ligt onder de mat, geef hem aan roel vanhoutte aub. "
                    "elise verbeke komt het ophalen, mag dat? ou remettre à julien mertens. "
                    "hand it to hannah collins please. bitte an jonas brenner geben. tot dan\nbrecht van hove ")
LOWER_CASE_WORDS = ("graag de rode roos en een pot in marine blauw, plan de travail en pierre bleue, en cas de souci "
                    "un pull violet foncé ")


@pytest.mark.parametrize("cut", ["roel ", "roel van", "elise ", "à julien m", "brecht van ", ""])
@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_full_name_typed_in_lower_case_with_no_word_before_it_is_masked_where_the_visitor_writes_it(session, tag,
                                                                                                      cut):
    """Review 17 F2: a full name typed without capitals (phones' keyboards leave it so) after "aan", "à", "to", "an",
    opening a sentence or the line under a closing was stored raw: the lower-case rules fired only after the words
    that introduce a person ("voor", "ik ben"), and no capital woke the model. A given name common in the visitors'
    countries and the word after it are a name where a visitor writes, whatever keystroke a batch ends on, and
    tainted, so the page's later echo is masked; given names that are everyday words in lower case ("roos",
    "marine", "pierre", "cas", "violet") leave the visitor's sentence readable."""
    field, summary = element(tag, {"name": "opmerking", "aria-label": "Opmerking"}), element("p", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(field, summary)))
    events = typing(field["id"], LOWER_CASE_NAMES)
    end = LOWER_CASE_NAMES.index(cut) + len(cut) if cut else len(events)
    s.send(*events[:end])
    s.send(*events[end:])
    s.send(*typing(field["id"], LOWER_CASE_WORDS))
    s.send(mutation(adds=[add(summary["id"], text("Afhaling door Elise Verbeke"))]))  # the page shows a name back
    for value in ("roel vanhoutte", "elise verbeke", "julien mertens", "hannah collins", "jonas brenner",
                  "brecht van hove", "Elise Verbeke"):
        assert leaked(s.stored, value) == [], value
    stored = stored_text(s.stored)
    assert "de sleutel ligt onder de mat, geef hem aan " in stored and " komt het ophalen, mag dat? " in stored
    assert LOWER_CASE_WORDS in stored and "Afhaling door " in stored


SURNAME_FIRST = ("graag leveren bij DECLERCQ, Mathilde op het werk. bitte an HUBERTZ Annelies schicken. "
                 "stuur het naar vanparys lotte aub, of pour moreau, amélie au bureau. ")


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_name_written_surname_first_in_capitals_or_in_lower_case_is_masked_where_the_visitor_writes_it(session,
                                                                                                          tag):
    """Review 18 F4: a name written surname first, its surname in capitals and a comma as forms write it ("DECLERCQ,
    Mathilde"), or all in lower case as phones leave it ("vanparys lotte", "moreau, amélie"), kept its surname raw:
    the lower-case rule read a given name first only, and "Peeters, Jan" wants title case. The given name after it
    says a person, and the name is tainted, so the page's later echo is masked (a lower-case word alone is not:
    the words of "sofie komt", masked failing closed, would mask the site's). A word said to the one named at
    a sentence's start ("super, sofie"), a relative ("mijn zus lotte") and a product word ("kast billy") stay."""
    field, summary = element(tag, {"name": "opmerking", "aria-label": "Opmerking"}), element("p", {"id": "summary"})
    s = session()
    s.send(snapshot(html_page(field, summary)))
    s.send(*typing(field["id"], SURNAME_FIRST))
    s.send(*typing(field["id"], "super, sofie, dank je. mijn zus lotte haalt de kast billy op. "))
    # the page shows the names back: a surname typed in capitals alone, one typed in lower case with its given name
    s.send(mutation(adds=[add(summary["id"], text("Levering voor Declercq, ook voor Vanparys Lotte"))]))
    for value in ("DECLERCQ", "Declercq", "Mathilde", "HUBERTZ", "Annelies", "vanparys", "moreau, amélie"):
        assert leaked(s.stored, value) == [], value
    stored = stored_text(s.stored)
    assert "graag leveren bij " in stored and " op het werk. bitte an " in stored and "Levering voor " in stored
    assert "super, sofie, dank je. mijn zus " in stored and " de kast " in stored


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_given_name_alone_as_whose_room_it_is_is_masked_where_the_visitor_writes_it(session, tag):
    """An inventory row's remark "chambre de Maxence, né le …" (held-out round 15, demenagement.html): a given
    name alone after the noun it owns and "de" is a person where a visitor writes it; the site's own "Confiture
    de mirabelles de Lorraine" names no one."""
    field = element(tag, {"class": "note", "aria-label": "Remarque · Opmerking"})
    heading = element("h2", {}, [text("Confiture de mirabelles de Lorraine")])
    s = session()
    s.send(snapshot(html_page(heading, field)))
    for value in ("chambre de Maxence, né le 14/02/2013", "le vélo d'Émile ", "das Zimmer von Jonas "):
        s.send(*typing(field["id"], value))
    for value in ("Maxence", "Émile", "Jonas"):
        assert leaked(s.stored, value) == [], value
    assert "Confiture de mirabelles de Lorraine" in stored_text(s.stored)


SUBJECT_NAMED = "Mag de wagen op de parking? Lowie heeft ook pijn aan een melktand."


@pytest.mark.parametrize("tag", ["input", "textarea", "div"])
@pytest.mark.parametrize("cut", ["? Lo", "? Lowie ", "? Lowie he", "? Lowie heeft", "? Lowie heeft o"])
def test_a_given_name_alone_opening_a_sentence_before_its_verb_is_masked_where_the_visitor_writes_it(session, tag,
                                                                                                      cut):
    """A complaint ends on a child named alone before a verb, typed before the child's own field (held-out round
    18, tandarts.html): a person where a visitor writes it, whatever keystroke a batch ends on, and tainted, so
    the page's later echo of it is masked. The site's own chat line "Sofie is aan het typen…" (round 6) names
    no one: it is never read so."""
    field = element(tag, {"class": "note", "aria-label": "Klacht", **({"contenteditable": "true"} if tag == "div"
                                                                     else {})})
    typing_line = element("p", {"class": "typing"}, [text("Sofie is aan het typen…")])
    summary = element("p", {"id": "summary"}, [])
    s = session()
    s.send(snapshot(html_page(typing_line, field, summary)))
    if tag == "div":  # an editable region: its text node's content, mutation by mutation
        line = text("")
        s.send(mutation(adds=[add(field["id"], line)]))
        events = [mutation(texts=[{"id": line["id"], "value": SUBJECT_NAMED[:i]}])
                  for i in range(1, len(SUBJECT_NAMED) + 1)]
    else:
        events = typing(field["id"], SUBJECT_NAMED)
    end = SUBJECT_NAMED.index(cut) + len(cut)
    s.send(*events[:end])
    s.send(*events[end:])
    s.send(mutation(adds=[add(summary["id"], text("Lowie"))]))  # the page shows the name back, alone
    assert leaked(s.stored, "Lowie") == []
    stored = stored_text(s.stored)
    assert "heeft ook pijn aan een " in stored and "Sofie is aan het typen…" in stored


@pytest.mark.parametrize("value", ["May I bring my dog?", "Mark the parcel fragile.", "Will you call me back?",
                                   "Rose is my favourite colour.", "Elle a mal depuis lundi.", "Dan kan ik morgen.",
                                   "ik kom morgen. Brussel is te ver.", "Ik denk dat Jan heeft gebeld.",
                                   "Gent is te ver voor mij, kan het in Aalst?", "ik kom morgen. Paris is te ver.",
                                   "Nancy est trop loin pour moi."])
def test_a_word_or_a_name_inside_a_sentence_is_no_sentence_subject_named(value):
    """A name the list also holds that is far more often a word ("May", "Mark", "Will", "Rose"), a function word
    ("Elle", "Dan"), a place that is no given name ("Brussel"), a town that is a given name too that the sentence
    says is too far ("Gent is te ver voor mij": issue 9 item 13), and a name inside a sentence (left to the
    detectors) are not read so."""
    assert sentence_subject_named(value) == []


@pytest.mark.parametrize("value, name", [("Jordan is te ver gegaan met zijn grappen.", "Jordan"),
                                         ("Sofia is een mooie stad.", "Sofia"),
                                         ("Lorraine est magnifique en automne.", "Lorraine"),
                                         ("Jordan is een mooi land.", "Jordan"), ("ok. Georgia is prachtig in mei", "Georgia"),
                                         ("Florence heeft koorts.", "Florence"), ("Victoria a mal.", "Victoria")])
def test_a_given_name_that_is_a_place_opening_a_sentence_is_masked_but_never_remembered(value, name):
    """Review 16 F7: a given name that is a country's, a capital's, a large town's of the visitors' countries or a
    region's ("Sofia", "Jordan", "Florence", "Gent") is a child's as often as a place's before its verb: masked where
    the visitor wrote it, failing closed, but never remembered (review 15 F2: tainted, it masked the site's "magazijn
    in Gent", "Citytrip Sofia", "Quiche Lorraine")."""
    spans = sentence_subject_named(value)
    assert [value[span.start:span.end] for span in spans] == [name]
    assert {span.recognizer for span in spans} == {UNREMEMBERED}


@pytest.mark.parametrize("name", ["Sofia", "Jordan", "Florence", "Nancy"])
def test_a_childs_given_name_that_is_a_place_is_masked_where_typed_and_the_sites_place_stays(session, name):
    """Review 16 F7: "Sofia heeft al twee dagen koorts" typed in a complaint named the child raw (names.is_a_place
    kept it as a place); masked there, it is not tainted, so the site's own "Citytrip {name}" and "Nieuw
    filiaal in {name}" written later in the session stay readable, as review 15 F2 needs."""
    field = element("textarea", {"class": "note", "aria-label": "Klacht"})
    offers = element("ul", {"id": "offers"}, [])
    s = session()
    s.send(snapshot(html_page(field, offers)))
    value = f"Mag het vandaag nog? {name} heeft al twee dagen koorts en pijn. "
    events = typing(field["id"], value)
    cut = value.index(name) + len(name) + 1
    s.send(*events[:cut])
    s.send(*events[cut:])
    s.send(mutation(adds=[add(offers["id"], element("li", {}, [text(f"Citytrip {name}")])),
                          add(offers["id"], element("li", {}, [text(f"Nieuw filiaal in {name}")]))]))
    typed = [e["data"]["text"] for e in s.stored if e["type"] == 3 and e["data"].get("source") == 5]
    assert typed and not [v for v in typed if name in v]
    stored = stored_text(s.stored)
    assert f"Citytrip {name}" in stored and f"Nieuw filiaal in {name}" in stored and " heeft al twee dagen koorts" in stored


@pytest.mark.parametrize("value, name", [("Léa a mal depuis lundi.", "Léa"), ("Léa n'a plus mal.", "Léa"),
                                         ("Emma has a cavity in her molar.", "Emma"), ("Jonas hat Fieber.", "Jonas"),
                                         ("bedankt!\nNoor komt morgen mee", "Noor"), ("zie: Jan-Pieter is ziek", "Jan-Pieter"),
                                         ("Milan heeft koorts.", "Milan"), ("Charlotte is ziek.", "Charlotte"),
                                         # review 15 F3: a clause after a comma, an opening quote, a bullet, an emoji
                                         ("ja, Noor heeft pijn", "Noor"), ("„Lowie heeft pijn”", "Lowie"),
                                         ("😢 Lowie heeft pijn", "Lowie"), ("- Noor komt morgen mee", "Noor")])
def test_a_given_name_opening_a_sentence_before_its_verb_is_a_sentence_subject_named(value, name):
    assert [value[span.start:span.end] for span in sentence_subject_named(value)] == [name]


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_words_in_a_script_without_capitals_are_masked_where_the_visitor_writes_them(session, tag):
    """A motivation letter naming a colleague in Arabic script inside French text with emoji (held-out round 16,
    candidature.html): no model here reads the script and no capital tells a name, so the run is masked failing
    closed, the French words around it stay; the site's own language menu "العربية" stays readable."""
    field = element(tag, {"class": "letter", "aria-label": "Lettre de motivation"})
    menu = element("a", {"href": "#ar", "lang": "ar"}, [text("العربية")])
    s = session()
    s.send(snapshot(html_page(menu, field)))
    value = "Ma collègue فاطمة الزهراء الإدريسي peut en témoigner 👍, ou 李明 aussi."
    events = typing(field["id"], value)
    cut = value.index("الزهراء") + 3
    s.send(*events[:cut])
    s.send(*events[cut:])
    for name in ("فاطمة الزهراء الإدريسي", "李明"):
        assert leaked(s.stored, name) == [], name
    assert "peut en témoigner 👍, ou " in stored_text(s.stored) and "العربية" in stored_text(s.stored)


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_words_in_another_cased_script_are_masked_where_the_visitor_writes_them(session, tag):
    """Names in Cyrillic and Greek typed in lower case (review 12): no capital says a name and no given-name list
    here knows "иван", so, as a caseless script's, a run of words in a script other than Latin that a visitor
    writes is masked failing closed; the Dutch words around them stay, and so does the site's own language menu
    in those scripts."""
    field = element(tag, {"class": "note", "aria-label": "Opmerking"})
    menu = element("nav", {}, [element("a", {"href": "#el", "lang": "el"}, [text("Ελληνικά")]),
                               element("a", {"href": "#ru", "lang": "ru"}, [text("Русский")])])
    s = session()
    s.send(snapshot(html_page(menu, field)))
    s.send(*typing(field["id"], "mijn buurman иван петров neemt het aan, bel γιώργος παπαδόπουλος na 18u. "))
    stored = stored_text(s.stored)
    for word in ("иван", "петров", "γιώργος", "παπαδόπουλος"):
        assert word not in stored, word
    assert "neemt het aan, bel " in stored and "Ελληνικά" in stored and "Русский" in stored


@pytest.mark.parametrize("value", ["livrer la veille de Noël", "les rues de Paris", "la rue de Florence",
                                   "Chambre de Louise"])
def test_an_occasion_a_place_a_street_or_a_heading_after_de_is_no_possessor(value):
    assert possessor_named(value) == []


def test_a_surname_at_whose_home_a_parcel_is_left_is_masked_where_the_visitor_writes_it(session):
    """A delivery note names the household or the neighbour by a surname alone, after a word no title list holds
    ("voor de familie Wuytack", "la famille Delvaux", "Livraison chez Okonjo-Bright", "bij Verbruggen afgeven", "bei
    Pfefferkorn klingeln"): review 17 F4 found each stored raw. In the site's text the same words name a product's
    family or a shop ("la famille Galaxy", "Disponible chez Fnac"), which stays readable, and so do a place after "bij"
    and a German noun after "bei" ("bei Fragen")."""
    field = element("textarea", {"aria-label": "Opmerking voor de koerier"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Découvrez la famille Galaxy")]),
                              element("p", {}, [text("Disponible chez Fnac et bij Coolblue")]), field, lang="nl")))
    value = ("Voor de familie Wuytack op nr 14, anders la famille Delvaux. Livraison chez Okonjo-Bright, niet bij "
             "Gent, of bij Verbruggen afgeven. Bei Fragen bitte bei Pfefferkorn klingeln graag ")
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    for name in ("Wuytack", "Delvaux", "Okonjo-Bright", "Verbruggen", "Pfefferkorn"):
        assert leaked(s.stored, name) == [], name
    for kept in ("la famille Galaxy", "chez Fnac et bij Coolblue", "niet bij Gent, of bij ", "Bei Fragen bitte bei "):
        assert kept in stored, kept


def test_a_surname_after_an_abbreviated_or_lower_case_title_or_household_word_is_masked_where_the_visitor_writes_it(
        session):
    """"bij fam. Wuytack", "het gezin Delvaux", "chez les Okonjo", "chez mme Verbruggen", "with mrs Pfefferkorn",
    "an Hr. Brenner", "T.a.v. dhr. Moerman", "op naam van Claerhout", "au nom de Lambrechts": the title or the
    household's word says a surname follows, as people type it (review 18 F3 found each stored raw); a lower-case
    word that is a title's only in capitals ("I miss Paris"), a distance's "m." and the site's own text stay."""
    field = element("textarea", {"aria-label": "Opmerking voor de koerier"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Geschenkdoos voor het gezin Deluxe")]), field, lang="nl")))
    value = ("Graag bij fam. Wuytack of bij het gezin Delvaux, sinon chez les Okonjo ou chez mme Verbruggen. Leave it "
             "with mrs Pfefferkorn, Paket an Hr. Brenner. T.a.v. dhr. Moerman, op naam van Claerhout, au nom de "
             "Lambrechts svp. I miss Paris, nog 5 m. Verder links ")
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    for name in ("Wuytack", "Delvaux", "Okonjo", "Verbruggen", "Pfefferkorn", "Brenner", "Moerman", "Claerhout",
                 "Lambrechts"):
        assert leaked(s.stored, name) == [], name
    for kept in ("Geschenkdoos voor het gezin Deluxe", "I miss Paris, nog 5 m. Verder links"):
        assert kept in stored, kept


def test_a_surname_typed_in_lower_case_after_a_title_is_masked_where_the_visitor_writes_it(session):
    """Held-out round 46's probe: "Mijn huisarts is dr. verschaeve uit Rumbeke" was stored, the GP's surname typed
    without its capital after "dr.", as were "mevr. claeys", "dhr. peeters", "dr. van den bossche" and "dr. koenraad
    verschaeve": the title says a surname follows in any case. The words a sentence goes on with after a title alone
    ("bij de dr. om 10 uur", "dr. morgen"), a doctor's degree ("Dr. med. Braun") and the site's text stay."""
    field = element("textarea", {"aria-label": "Opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Uw afspraak bij dr. om 10 uur")]), field, lang="nl")))
    value = ("Mijn huisarts is dr. verschaeve uit Rumbeke, vroeger dr. koenraad vermeersch. Afgeven bij mevr. claeys "
             "of dhr. peeters, anders dr. van den bossche. Zie ook Dr. med. Braun, bij de dr. om 10 uur, dr. morgen ")
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    for name in ("verschaeve", "koenraad vermeersch", "claeys", "peeters", "bossche"):
        assert leaked(s.stored, name) == [], name
    for kept in ("Uw afspraak bij dr. om 10 uur", "Dr. med. ", "bij de dr. om 10 uur, dr. morgen"):
        assert kept in stored, kept


def test_a_household_named_by_its_surname_in_the_plural_is_masked_where_the_visitor_writes_it(session):
    """Review 19 F3: "the Vandevoordes will come" was stored raw: English names a household by its surname in the
    plural after "the". A country and a day in the plural stay, and so does the site's own "the Classics are back"."""
    field = element("textarea", {"aria-label": "Message"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("The Originals are back in stock")]), field, lang="en")))
    value = "the Wuytacks will bring the cake, the Mondays are busy and the Netherlands are far. Thanks "
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    assert leaked(s.stored, "Wuytacks") == []
    for kept in ("The Originals are back in stock", "the Mondays are busy and the Netherlands are far"):
        assert kept in stored, kept


def test_a_household_named_as_a_sentences_subject_in_the_visitors_other_languages_is_masked_where_they_write_it(
        session):
    """Review 20 F11: "les Vercauteren arrivent", "die Pfefferkorns kommen", "la famiglia Esposito arriva", "i Bianchi
    arrivano", "os Carvalho chegam" were stored raw: the household's words were nl/fr/de/en and the plural after an
    article English only. A mountain range, a people, a band, a German loanword's plural and the site's own text stay."""
    field = element("textarea", {"aria-label": "Note"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("Les Inséparables arrivent en boutique")]), field, lang="fr")))
    value = ("les Wauthier arrivent samedi, die Oberhausers kommen später, la famiglia Brambilla arriva domenica, "
             "la familia Goikoetxea llega el lunes, a família Magalhães chega, i Capuana arrivano, os Teixeira chegam. "
             "Les Alpes sont belles, les Belges sont gentils, die Beatles kommen, die Tickets sind da. Merci ")
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    for name in ("Wauthier", "Oberhauser", "Brambilla", "Goikoetxea", "Magalhães", "Capuana", "Teixeira"):
        assert leaked(s.stored, name) == [], name
    for kept in ("Les Inséparables arrivent en boutique",
                 "Les Alpes sont belles, les Belges sont gentils, die Beatles kommen, die Tickets sind da"):
        assert kept in stored, kept


def test_a_household_named_as_a_sentences_subject_in_dutch_and_with_english_present_verbs_is_masked(session):
    """Review 21 F13: "de Janssens komen zaterdag", "de Peeters en de Claessens komen", "the Goossens stay two nights"
    were stored raw: no group read Dutch's "de" before a surname (written as it is, often ending in "s" already), a
    household joined to another before the verb was read by neither, and English's verbs lacked arrive, stay, bring.
    A people, a region, a range and the site's own "De Zomerklassiekers komen eraan" stay."""
    field = element("textarea", {"aria-label": "Opmerking"})
    s = session()
    s.send(snapshot(html_page(element("p", {}, [text("De Zomerklassiekers komen eraan")]), field, lang="nl")))
    value = ("de Vermeulens komen zaterdag, de Maes en de Dewulf halen de sleutel op. The Verhoevens arrive Sunday and "
             "the Lemmens stay a night. De Ardennen zijn prachtig, de Belgen zijn kampioen, the Alps stay white. Groetjes ")
    s.send(*typing(field["id"], value))
    stored = stored_text(s.stored)
    for name in ("Vermeulens", "Maes", "Dewulf", "Verhoevens", "Lemmens"):
        assert leaked(s.stored, name) == [], name
    for kept in ("De Zomerklassiekers komen eraan",
                 "De Ardennen zijn prachtig, de Belgen zijn kampioen, the Alps stay white"):
        assert kept in stored, kept


def template_values(template: str, digits: str) -> list[str]:
    """What a mask that shows its whole template writes at each keystroke: the blanks filled in order."""
    values = []
    for typed in range(1, len(digits) + 1):
        filled = iter(digits[:typed])
        values.append("".join(next(filled, "_") if c == "_" else c for c in template))
    return values


@pytest.mark.parametrize("template, digits, value", [("+32 _ ___ __ __", "42679315", "+32 4 267 93 15"),
                                                     ("__/__/____", "30071985", "30/07/1985"),
                                                     ("____ __ __ __", "0612489735", "0612 48 97 35")])
def test_a_mask_showing_its_whole_template_leaks_no_half_filled_value(session, template, digits, value):
    """inputmask and imask with their placeholder shown (lazy: false) write the whole template at each
    keystroke ('+32 4 26_ __ __'): no value is a prefix of the next, and the blanks end each one. A
    field nothing names ('Joignable au') leaves it to the content (held-out round 4, apply.html)."""
    field = element("input", {"class": "templated", "aria-label": "Joignable au", "inputmode": "numeric"})
    s = session()
    s.send(snapshot(html_page(field)))
    events = [input_event(field["id"], v) for v in template_values(template, digits)]
    s.send(*events[:5])
    s.send(*events[5:])
    assert leaked(s.stored, value) == []


@pytest.mark.parametrize("tag, value, name", [
    ("input", "Corentin LHOESTAERT", "Corentin LHOESTAERT"),
    ("input", "QUENOUILLÈRE Ysaure", "QUENOUILLÈRE Ysaure"),
    ("textarea", "Merci de contacter QUENOUILLÈRE Ysaure au bureau, le matin.", "QUENOUILLÈRE Ysaure")])
def test_a_name_with_its_surname_in_capitals_is_masked_words_in_capitals_alone_are_not(session, tag, value, name):
    """French and Belgian forms and letters write the surname in capitals: the model and the name
    list know neither "LHOESTAERT" nor "Ysaure" (held-out round 4, apply.html's references)."""
    field = element(tag, {"aria-label": "Référence"})
    shout = element(tag, {"aria-label": "Remarque"})
    s = session()
    s.send(snapshot(html_page(field, shout)))
    s.send(*typing(field["id"], value + " "), *typing(shout["id"], "BONJOUR MADAME, code WINTER25 "))
    assert leaked(s.stored, name) == []
    assert "BONJOUR MADAME, code WINTER25 " in stored_text(s.stored)


@pytest.mark.parametrize("cut", ["(3 oktober ", "(3 oktober 1", "(3 oktober 19"])
def test_a_date_of_birth_in_brackets_leaks_no_day_and_month_where_a_batch_cuts_its_year(session, cut):
    """"mijn geboortedatum (3 oktober 1988)": the day and month wait for their year wherever the date
    opens, after a bracket too (held-out round 4, transfer.html's message)."""
    field = element("textarea", {"aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    value = "de verhuurder wil mijn geboortedatum (3 oktober 1988) weten "
    events = typing(field["id"], value)
    end = value.index(cut) + len(cut)
    s.send(*events[:end])
    s.send(*events[end:])
    assert leaked(s.stored, "3 oktober 1988") == []


@pytest.mark.parametrize("value, cut", [("Borg kamer Achter Clarenburg 4", "Achter "), ("Lange Munt 41, 9000 Gent", "Lange ")])
def test_a_street_opening_with_a_preposition_or_an_adjective_leaks_nothing_where_a_batch_cuts_after_it(session, value,
                                                                                                    cut):
    """Found by cutting every value of held-out round 4 at every keystroke (in process). A capitalised
    word settled by a space is a sentence's word ("Ik bestel Als " stays, test_redact's
    test_trailing_fragment), but for the first words of streets' names (rules/recognizers.yaml)."""
    field = element("input", {"aria-label": "Kenmerk"})
    s = session()
    s.send(snapshot(html_page(field)))
    events = typing(field["id"], value)
    end = value.index(cut) + len(cut)
    s.send(*events[:end])
    s.send(*events[end:])
    assert leaked(s.stored, value.split("kamer ")[-1].split(",")[0]) == []


@pytest.mark.parametrize("cut", ["molenhoek ", "molenhoek 1", "molenhoek 12 ", "12 te ", "12 te lov", "lovendegem",
                                 "lovendegem, de "])
def test_an_address_in_lower_case_after_where_one_lives_leaks_nothing_wherever_a_batch_cuts(session, cut):
    """Held-out round 6's chat message: "ik woon in de molenhoek 12 te lovendegem" has no street word and no
    capital; after "ik woon in de" the words are held back until the address is known (content.py's
    _RESIDENCE_TAIL), then masked whole by rules/recognizers.yaml's residence."""
    field = element("textarea", {"aria-label": "Bericht"})
    s = session()
    s.send(snapshot(html_page(field)))
    value = "ik woon in de molenhoek 12 te lovendegem, de modem staat op zolder"
    events = typing(field["id"], value)
    end = value.index(cut) + len(cut)
    s.send(*events[:end])
    s.send(*events[end:])
    assert leaked(s.stored, "molenhoek 12 te lovendegem") == []
    assert "de modem staat op" in str(s.stored)  # the last word waits: it is still being typed


@pytest.mark.parametrize("tag", ["input", "textarea"])
def test_a_compound_given_name_waits_for_its_surname_where_a_batch_cuts_after_it(session, tag):
    """"Marie-Claire " settled by a space: like "Mieke ", a given name whose surname comes in the next
    batch (found by cutting held-out round 4's values at every keystroke, in process)."""
    field = element(tag, {"aria-label": "Kenmerk"})
    s = session()
    s.send(snapshot(html_page(field)))
    value = "Marie-Claire Van den Broeck"
    events = typing(field["id"], value)
    s.send(*events[:len("Marie-Claire ")])
    s.send(*events[len("Marie-Claire "):])
    assert leaked(s.stored, value) == []


def test_names_of_people_in_alt_and_title_are_masked(session):
    s = session()
    s.send(snapshot(html_page(element("img", {"alt": f"Photo de {NAME}", "title": f"Profil de {NAME}", "src": "/a.png"}))))
    assert "Lefebvre" not in orjson.dumps(s.stored).decode()


def test_structural_attributes_and_css_stay_untouched(session):
    s = session()
    attrs = {"class": "btn btn-primary", "id": "checkout-2024", "type": "button", "role": "tab", "rel": "noopener",
             "for": "email", "dir": "ltr", "lang": "nl", "tabindex": "0", "target": "_blank", "method": "post",
             "width": "320", "height": "240", "rr_width": "320px", "style": "color: red; font-family: 'Sanne Sans'"}
    button = element("button", attrs, [text("Bestellen")])
    s.send(snapshot(html_page(button)))
    assert find(s.stored, button["id"])["attributes"] == attrs


def test_a_visitors_number_or_address_in_an_id_or_a_class_is_masked_there_and_never_saved(session):
    """Review 16 (F3): structural attributes were kept whole by their name, and saved with the mirror, though a
    page makes ids and classes of its records: a subscriber list's e-mails, an account table's IBANs, a national
    number in a header cell's reference, a phone in a label's for and its field's id, a blocked element's id. A
    token showing an '@' or eight digits is read for a number or an address by its shape, masked where found
    (a label still points at its field), in a snapshot, a mutation and a placeholder; the site's own ids with
    digits (a theme's section, a drawing's clip path, path data) stay as they are."""
    mail, iban, national, phone = "wannes.claeys@scarlet.be", "BE14063123456783", "90120510075", "0486552109"
    subscriber = element("li", {"id": f"abonnee-{mail}"}, [text("Abonnee")])
    row = element("tr", {"id": f"rekening-{iban}", "class": f"rij acct-{iban} is-open"},
                  [element("td", {"headers": f"kol-{national}"}, [text("Zichtrekening")])])
    label = element("label", {"for": f"bel-{phone}"}, [text("Bel ons terug")])
    field = element("input", {"id": f"bel-{phone}", "type": "tel"})
    blocked = element("div", {"class": "rr-block", "id": f"klant_{mail}"}, [text("Dossier")])
    site = {"class": "shopify-section-template--16639742308815__main @container grid-cols-12",
            "id": "shopify-section-template--16639742308815__main"}
    section = element("section", dict(site))
    drawing = element("svg", {"viewBox": "0 0 1234 5678", "clip-path": "url(#clip0_4418_12345)"},
                      [element("path", {"d": "M10-20-30-40-50-60-70-80", "id": "clip0_4418_12345"})])
    s = session()
    s.send(meta(), snapshot(html_page(subscriber, row, label, field, blocked, section, drawing)))
    s.send(mutation(attributes=[set_attributes(section["id"], **{"class": f"open klant-{phone}"})]))
    for value in (mail, iban, national, phone):
        assert leaked(s.stored, value) == [], value
        assert planted_leaked(orjson.dumps(s.mirror.dump()), value) == [], value  # nor in the session's saved state
    nodes = nodes_by_id(s.stored)
    assert nodes[row["id"]]["attributes"]["class"] == "rij acct-**************** is-open"  # only what was found
    assert nodes[label["id"]]["attributes"]["for"] == nodes[field["id"]]["attributes"]["id"]
    assert nodes[section["id"]]["attributes"] == site
    assert nodes[drawing["id"]]["attributes"] == drawing["attributes"]
    assert nodes[drawing["childNodes"][0]["id"]]["attributes"] == drawing["childNodes"][0]["attributes"]
    assert s.stored[-1]["data"]["attributes"][0]["attributes"]["class"] == "open klant-**********"


def test_an_id_reference_a_script_sets_on_a_typed_field_is_kept_unless_it_names_the_visitor(session):
    """A field's suggestions (list="…" names a <datalist>), the form it belongs to (form="…"), a
    popover it opens and a cell's header cells point at elements by id, as `for` does: structure,
    kept where a script sets them on a field the visitor typed into (an attribute a script changes
    there is otherwise read as a copy of the value and masked whole: the address field's
    list="eerdere-adressen" was, held-out round 7); an id slugged from what the visitor typed is
    still masked there, as any reference's."""
    field = element("input", {"name": "achternaam"})
    s = session()
    s.send(snapshot(html_page(field, element("datalist", {"id": "eerdere-adressen"}), element("form", {"id": "offerte"}))))
    s.send(*typing(field["id"], "Tjallingii"), click(field["id"]))
    references = {"list": "eerdere-adressen", "form": "offerte", "popovertarget": "hulp", "headers": "kol-1 kol-2"}
    s.send(mutation(attributes=[set_attributes(field["id"], **references)]))
    [changed] = s.stored[-1]["data"]["attributes"]
    assert changed["attributes"] == references
    s.send(mutation(attributes=[set_attributes(field["id"], list="adressen-tjallingii")]))
    assert leaked(s.stored, "Tjallingii") == []


def test_rrwebs_own_attributes_are_structure_but_a_cross_origin_iframes_address(session):
    """rrweb moves a cross-origin iframe's src into rr_src (the replay must not load it): a URL
    like any other, scanned and never saved with the mirror; its bookkeeping (rr_width,
    rr_mediaState, rr_scrollTop…) is structure, and a canvas' or an image's rr_dataURL is kept as
    it is, never scanned (pixels) nor saved."""
    from redactor.sessions import state_to_save

    s = session()
    frame = element("iframe", {"rr_src": f"https://kassa.betaal.test/frame?email={EMAIL}&name=Jan+Pieters",
                               "rr_width": "320px", "rr_height": "240px"})
    video = element("video", {"rr_mediaState": "paused", "rr_mediaCurrentTime": "12.5", "rr_scrollTop": "40"})
    canvas = element("canvas", {"rr_dataURL": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"})
    s.send(snapshot(html_page(frame, video, canvas)))
    stored = find(s.stored, frame["id"])["attributes"]
    assert leaked(s.stored, EMAIL) == [] and "Pieters" not in stored["rr_src"]
    assert stored["rr_src"].startswith("https://kassa.betaal.test/frame?") and stored["rr_width"] == "320px"
    assert find(s.stored, video["id"])["attributes"] == video["attributes"]
    assert find(s.stored, canvas["id"])["attributes"] == canvas["attributes"]
    saved = bytes(state_to_save(s.mirror).blob)
    assert EMAIL.encode() not in saved and b"betaal.test" not in saved and b"iVBORw0KGgo" not in saved
    assert b"paused" in saved  # structure is what the mirror saves


def test_a_login_in_a_urls_authority_is_masked_whole(session):
    """"https://jan:Hunter2@shop.example/": the user and password before the host are a login,
    masked whole in the page's address, a link and a resource; the host and path stay."""
    s = session()
    s.send(meta("https://noor.bakker%40postvak.example:Hunter2Secret@shop.example/account"),
           snapshot(html_page(element("img", {"src": "https://noor:Hunter2Secret@cdn.shop.example/a.png"}),
                              element("a", {"href": "https://user:hunter2pass@shop.example/"}, [text("Account")]),
                              element("a", {"href": "https://shop.example/tags/a@b"}, [text("Tag")]))))
    stored = orjson.dumps(s.stored).decode()
    assert "Hunter2" not in stored and "hunter2" not in stored and "bakker" not in stored
    assert "@shop.example/account" in stored and "@cdn.shop.example/a.png" in stored and "/tags/a@b" in stored


def test_srcset_stays_a_srcset(session):
    s = session()
    img = element("img", {"srcset": "/img/small.png 480w, /img/large.png?v=2 1080w", "sizes": "50vw"})
    s.send(snapshot(html_page(img)))
    assert find(s.stored, img["id"])["attributes"]["srcset"] == "/img/small.png 480w, /img/large.png?v=2 1080w"
    relative = element("img", {"srcset": "small.png 480w, img/large.png?v=2 1080w"})
    s.send(snapshot(html_page(relative)))
    assert find(s.stored, relative["id"])["attributes"]["srcset"] == "small.png 480w, img/large.png?v=2 1080w"


# -- markers on long attributes ----------------------------------------------------------------
@pytest.mark.parametrize("marker", ["ph-no-capture", "rr-block"])
def test_a_marker_at_the_end_of_a_long_class_string_blocks(session, marker):
    utility = " ".join(f"md:px-{i} hover:bg-slate-{i}00" for i in range(40))  # Tailwind pages
    secret = text(f"Klantnummer 88123 van {NAME}")
    box = element("div", {"class": f"{utility} {marker}"}, [secret])
    s = session()
    s.send(snapshot(html_page(box)))
    assert find(s.stored, box["id"])["childNodes"] == []
    assert "88123" not in stored_text(s.stored)


def test_a_site_selector_matches_a_long_class_string(session):
    utility = " ".join(f"lg:mt-{i}" for i in range(120))
    box = element("section", {"class": f"{utility} account-summary"}, [text("Saldo 1.234,56")])
    s = session({"block_selectors": [".account-summary"]})
    s.send(snapshot(html_page(box)))
    assert "1.234,56" not in stored_text(s.stored)


# -- blocked in the same mutation --------------------------------------------------------------
@pytest.mark.parametrize("change, config", [
    ({"class": "rr-block"}, None),
    ({"data-private": ""}, None),
    ({"class": "account-summary"}, {"block_selectors": [".account-summary"]}),
])
def test_content_added_in_the_mutation_that_blocks_its_parent_is_not_stored(session, change, config):
    box = element("div", {"id": "panel"})
    s = session(config)
    s.send(snapshot(html_page(box)))
    secret = element("p", {}, [text("Pasnummer 5544 3322 1100")])
    s.send(mutation(adds=[add(box["id"], secret)], attributes=[set_attributes(box["id"], **change)]))
    assert "5544" not in stored_text(s.stored)


def test_a_text_changed_in_the_mutation_that_blocks_its_parent_is_not_stored(session):
    line = text("nothing yet")
    box = element("div", {"id": "panel"}, [line])
    s = session()
    s.send(snapshot(html_page(box)))
    s.send(mutation(texts=[{"id": line["id"], "value": "Lidnummer 77 66 55 44"}],
                    attributes=[set_attributes(box["id"], **{"class": "sentry-block"})]))
    assert "77 66 55 44" not in stored_text(s.stored)


# -- custom, plugin and log events, and batch metadata -------------------------------------------
SECRETS = {"password": "Zomer2024!Fiets", "token": "tk-91be77aa", "authorization": "Bearer abc.def.ghi",
           "Access-Token": "q1w2e3r4t5", "apiKey": "AKIA00EXAMPLE", "client_secret": "s3cr3t-v4lue",
           "Set-Cookie": "sid=77AA88BB", "pin": 4321, "cvv": "382", "iban": "NL91ABNA0417164300",
           # one-time codes, as sign-in flows name them
           "otp_code": "739104", "smsCode": "582013", "verification_code": "460917", "twoFactorCode": "318274",
           "mfa": "905126"}


def test_values_under_secret_looking_keys_are_masked_whole(session):
    """Strings looked for in the stored strings, the number (a pin) among the payload's numbers: the
    events' timestamps are the clock's digits ("…38230" held the planted cvv "382")."""
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send(custom("login", {"nested": [dict(SECRETS)], "tag": EMAIL, "source": f"from {EMAIL}"}))
    text = stored_text(s.stored)
    for key, value in SECRETS.items():
        assert str(value) not in text, key
    [sent] = [e for e in s.stored if e.get("type") == CUSTOM]
    assert SECRETS["pin"] not in sent["data"]["payload"]["nested"][0].values()
    assert leaked(s.stored, EMAIL) == []


@pytest.mark.parametrize("credential", [
    "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub29yIn0.c2lnbmF0dXJlLXN0dWZm",
    "ghp_x7Yk29QmZp4LwVt8Rs1Nc6Hd3Fj0Ba5Ue2Go",
])
def test_credential_shaped_strings_are_masked_wherever_they_are(session, credential):
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send(custom("debug", {"message": f"retrying with {credential} now"}),
           incremental(11, level="log", payload=[f"header {credential}"], trace=[]))
    assert leaked(s.stored, credential.split()[-1]) == []


@pytest.mark.parametrize("written", [
    '{"user": "u1", "password": "%s"}',  # an SDK's JSON.stringify, rrweb's console plugin
    '{"request": {"headers": {"x-api-key": "%s"}}}',
    "user=u1&password=%s&remember=1",  # a form body
    "login failed for user=u1 pwd=%s",
    # a fetch's body logged as JSON inside JSON: console.log("sent", JSON.stringify({url, body}))
    'sent {"url": "/api/session", "body": "{\\"user\\": \\"u1\\", \\"password\\": \\"%s\\"}"}',
    '{"Confirm password": "%s", "user": "u1"}',  # a key with a space
    "reset for user=u1: password = %s",  # an assignment
    "<auth><user>u1</user><password>%s</password></auth>",  # XML
    "{'user': 'u1', 'password': '%s'}",  # Python's repr of a dict
    'level=warn user=u1 password="%s"',  # logfmt
    # a secret made of words: a wallet's seed, a recovery phrase (review 17 F7)
    '{"walletMnemonic": "%s", "user": "u1"}',
    "user=u1&seedPhrase=%s&step=2",
    '{"recovery_phrase": "%s", "user": "u1"}',
])
def test_values_under_secret_keys_inside_a_string_are_masked(session, written):
    secret = "Kwelder!Sleutel88"
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send(custom("checkout", {"body": written % secret}), custom("raw", written % secret),
           incremental(11, level="log", payload=[written % secret], trace=[]))
    assert leaked(s.stored, secret) == []
    assert "u1" in orjson.dumps(s.stored).decode() or "u1" not in written  # the rest of the string stays


def test_a_secret_inside_json_inside_json_is_masked_at_any_depth(session):
    """A logged fetch body (JSON inside JSON) as rrweb's console plugin records it: each argument
    JSON.stringify-ed once more, the secret's quotes escaped twice and more."""
    secret = "Kwelder!Sleutel88"
    line = json.dumps({"url": "/api/session", "body": json.dumps({"user": "u1", "password": secret})})
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send({"type": 6, "timestamp": 1_700_000_000_100, "data": {"plugin": "rrweb/console@1", "payload": {
               "level": "log", "trace": [], "payload": [json.dumps("sent"), json.dumps(line)]}}},
           custom("twice", {"message": json.dumps(json.dumps(line))}))
    assert leaked(s.stored, secret) == []
    assert stored_text(s.stored).count("/api/session") == 2  # the rest of the line stays


def test_a_scripts_object_in_an_attribute_is_read_as_a_payloads_keys_are(session):
    """Alpine's x-data (a script's object literal: bare keys, values in apostrophes) under keys that say
    what they hold is masked as the same keys are in JSON (a data-page attribute); its other keys and
    the page's text stay."""
    state = "{ voornaam: 'Griet', achternaam: 'Verhaeghe-Boudry', tab: 'orders', open: false }"
    box = element("div", {"x-data": state}, [text("Mijn bestellingen")])
    s = session()
    s.send(meta(), snapshot(html_page(box)))
    kept = nodes_by_id(s.stored)[box["id"]]
    assert leaked(s.stored, "Verhaeghe-Boudry") == [] and "Griet" not in stored_text(s.stored)
    assert "tab: 'orders', open: false }" in kept["attributes"]["x-data"]
    assert kept["childNodes"][0]["textContent"] == "Mijn bestellingen"


def test_keys_are_scanned_too(session):
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send(custom("contacts", {EMAIL: {"seen": True}, "list": {f"{NAME}": 3}}))
    assert leaked(s.stored, EMAIL) == []


# -- keys and values rrweb's format does not define: scanned, keys included ------------------------
PLANTED = "jan.pieters@example.com"
PLANTED_NUMBER = 4111111111111111  # a card number as a JSON number
NOTE = {"note": PLANTED}
SHOP = "https://shop.test/"  # (not shop.example: PLANTED's windows would be found in it)


def _page(*children: dict) -> tuple[dict, dict]:
    """A snapshot of a page with a field (id 9001) and a paragraph (id 9002)."""
    field = element("input", {"type": "text", "name": "q"}, id=9001)
    return snapshot(html_page(field, element("p", {}, [text("Welkom")], id=9002), *children)), field


def _with(event: dict, **extra) -> dict:
    return {**event, **extra}


def _data_with(event: dict, **extra) -> dict:
    return {**event, "data": {**event["data"], **extra}}


def _shapes() -> dict[str, tuple[list[dict], dict | None]]:
    """Each case: a batch (and its metadata) that puts PLANTED (or PLANTED_NUMBER) where the walk
    knows no field."""
    shapes: dict[str, tuple[list[dict], dict | None]] = {}

    def case(name: str, *events: dict, meta: dict | None = None, page: tuple = ()) -> None:
        shapes[name] = ([_page(*page)[0], *events], meta)

    def node_case(name: str, node: dict) -> None:
        case(name, page=(node,))

    case("event: beside type/data/timestamp", _with(click(9002), **NOTE))
    case("event: a key", _with(click(9002), **{PLANTED: 1}))
    case("event: on a Meta event", _with(meta(SHOP), **NOTE))
    shapes["event: on the FullSnapshot"] = ([_with(_page()[0], **NOTE)], None)
    case("event: on a Load event", {"type": 1, "data": {}, "timestamp": 1, **NOTE})
    case("event: on a custom event", _with(custom("cart", {"step": 2}), **NOTE))
    node_case("node: an element", element("div", {"class": "card"}, [text("x")], **NOTE))
    node_case("node: a key of an element", element("div", {"class": "card"}, **{PLANTED: True}))
    node_case("node: a text", {**text("Welkom"), **NOTE})
    node_case("node: a comment", {**comment("note"), **NOTE})
    node_case("node: textContent on an element", element("div", {}, textContent=PLANTED))
    node_case("node: inside a <style>", element("style", {}, [{**text("p { color: red }"), **NOTE}]))
    node_case("node: a blocked element", element("div", {"class": "rr-block"}, [text("x")], **NOTE))
    node_case("node: of a kind rrweb has not", {"type": 9, "id": 9100, **NOTE})
    shapes["node: the document"] = ([snapshot({**html_page(), **NOTE})], None)
    case("node: a mutation's add", mutation(adds=[add(9002, element("span", {}, **NOTE))]))
    shapes["FullSnapshot data"] = ([_data_with(_page()[0], **NOTE)], None)
    page = _page()[0]
    shapes["FullSnapshot data: initialOffset"] = (
        [{**page, "data": {**page["data"], "initialOffset": {"top": 0, "left": 0, **NOTE}}}], None)
    case("Meta data", _data_with(meta(SHOP), **NOTE))
    case("Load data", {"type": 1, "data": NOTE, "timestamp": 1})
    case("Input data", _data_with(input_event(9001, "fiets"), **NOTE))
    case("Mutation data", _data_with(mutation(), **NOTE))
    case("Mutation: an add", mutation(adds=[{**add(9002, text("hoi")), **NOTE}]))
    case("Mutation: a text", mutation(texts=[{"id": 9002, "value": "hoi", **NOTE}]))
    case("Mutation: an attribute change", mutation(attributes=[{**set_attributes(9002, title="hoi"), **NOTE}]))
    case("Mutation: a remove", mutation(removes=[{**remove(9002, 9001), **NOTE}]))
    case("MouseInteraction data", _data_with(click(9002), **NOTE))
    case("MouseMove: a position", incremental(1, positions=[{"x": 1, "y": 2, "id": 9002, "timeOffset": 0, **NOTE}]))
    case("Scroll data", incremental(3, id=9002, x=0, y=10, **NOTE))
    case("ViewportResize data", incremental(4, width=10, height=10, **NOTE))
    case("StyleSheetRule data", incremental(8, id=9002, adds=[{"rule": "p {}", "index": 0}], **NOTE))
    case("Selection: a range", incremental(14, ranges=[{"start": 1, "startOffset": 0, "end": 1, "endOffset": 1,
                                                        **NOTE}]))
    case("plugin data", {"type": 6, "data": {"plugin": "x/y@1", "payload": {}, **NOTE}, "timestamp": 1})
    case("plugin data: a key", {"type": 6, "data": {"plugin": "x/y@1", "payload": {}, PLANTED: 1}, "timestamp": 1})
    case("plugin data: a string", {"type": 6, "data": PLANTED, "timestamp": 1})
    case("Log data: a key", incremental(11, level="log", payload=["hoi"], trace=[], **{PLANTED: "x"}))
    case("Log data", incremental(11, level="log", payload=["hoi"], trace=[], **NOTE))
    case("Canvas data: a key", incremental(9, id=9002, type=0, commands=[], **{PLANTED: 1}))
    case("batch metadata: a key", meta=({PLANTED: 1, "seq": 3}))
    node_case("attribute: a list", element("div", {"data-x": [PLANTED]}))
    node_case("attribute: an object", element("div", {"data-x": {"to": PLANTED}}))
    node_case("attribute: a structural one's list", element("div", {"class": [PLANTED]}))
    node_case("attributes: a list", {**element("div"), "attributes": [PLANTED]})
    node_case("attribute: a long number", element("div", {"data-n": PLANTED_NUMBER}))
    node_case("attribute: a field's value as a number", element("input", {"type": "tel", "value": PLANTED_NUMBER}))
    node_case("attribute: checked as words", element("input", {"type": "checkbox", "checked": PLANTED}))
    case("attribute: a list set by a mutation",
         mutation(attributes=[set_attributes(9002, attrs={"data-x": [PLANTED]})]))
    return shapes


SHAPES = _shapes()


@pytest.mark.parametrize("shape", SHAPES)
def test_a_key_or_value_rrwebs_format_does_not_define_is_scanned(session, shape):
    """What the walk does not know (a key beside rrweb's, a key nobody listed, an attribute that
    is not a string) is scanned as a payload's, never stored as it came."""
    s = session()
    events, batch_meta = copy.deepcopy(SHAPES[shape])
    settings = s.policy.config.pii
    result = redact_batch_sync(events, s.policy, s.mirror, s.masker,
                               lambda texts, language: s.detector.analyze_sync(texts, language, settings),
                               meta=batch_meta)
    stored = [result.events, batch_meta, s.mirror.dump()]  # (the session's mirror is saved with the batch)
    assert leaked(stored, PLANTED) == []
    assert str(PLANTED_NUMBER)[:8] not in orjson.dumps(stored).decode()


def test_what_rrwebs_format_defines_is_stored_as_it_came(session):
    """The keys rrweb puts on the wire (a node's isSVG, rootId, isShadowHost, a doctype's ids, a
    text's isStyle, posthog-js's cv, the delay of an event), true and short numbers as attribute
    values: kept as they are, nothing added (a replay needs them)."""
    s = session()
    svg = element("svg", {"viewBox": "0 0 10 10", "data-count": 3, "disabled": True, "rr_scrollTop": 841}, [],
                  isSVG=True, needBlock=False, isCustom=True, rootId=1, isShadowHost=True)
    style = element("style", {}, [{**text("p { color: red }"), "isStyle": True}])
    page = {**html_page(svg, style), "compatMode": "CSS1Compat"}
    page["childNodes"][0].update(publicId="-//W3C//DTD XHTML 1.0//EN", systemId="http://www.w3.org/x.dtd")
    events = [
        {**meta(), "delay": 5},
        {**snapshot(page), "cv": "2024-10"},
        incremental(1, positions=[{"x": 1, "y": 2, "id": svg["id"], "timeOffset": -10}]),
        incremental(2, type=2, id=svg["id"], x=1, y=2, pointerType=0),
        incremental(3, id=svg["id"], x=0, y=5),
        incremental(4, width=800, height=600),
        incremental(7, type=0, id=svg["id"], currentTime=1.5, volume=1, muted=False, loop=False, playbackRate=1),
        incremental(8, id=style["id"], styleId=1, adds=[{"rule": "p {}", "index": 0}], removes=[{"index": 1}]),
        incremental(10, family="Inter", fontSource="url(x.woff)", buffer=False, descriptors={}),
        incremental(13, id=style["id"], index=[0], set={"property": "color", "value": "red", "priority": ""}),
        incremental(14, ranges=[{"start": 1, "startOffset": 0, "end": 1, "endOffset": 0}]),
        incremental(15, id=1, styleIds=[1], styles=[{"styleId": 1, "rules": [{"rule": "p {}", "index": 0}]}]),
        mutation(removes=[{"parentId": 1, "id": 424242, "isShadow": True}],
                 attributes=[set_attributes(svg["id"], style={"color": "red"}, disabled=True)]),
    ]
    sent = copy.deepcopy(events)
    assert s.send(*events).events == sent


def test_a_custom_elements_defined_name_is_structure_and_the_page_keeps_its_words(session):
    """Review 16 (F11): rrweb's CustomElement event ({source: 16, define: {name}}) was read as a payload, where
    the key "name" says PERSON: "drawer-panel" was masked whole and tainted, so the replay could not define it
    and the site's own "Drawer panel: 2 artikelen" was masked in the page. A valid custom element name the
    page's tags may bear is kept as they are; one spelling a person is masked still, and anything else the
    object holds is a payload's."""
    css = element("style", {"_cssText": "drawer-panel:not(:defined){visibility:hidden}"})
    box = element("div", {"id": "main"})
    s = session()
    s.send(meta(), snapshot(html_page(box, head=[css])),
           incremental(16, define={"name": "drawer-panel"}), incremental(16, define={"name": "offerte-kaart"}),
           incremental(16, define={"name": "x-camille-lefebvre"}),
           incremental(16, define={"name": "winkel-mand", "eigenaar": "ward.jacobs@kabelnet.be"}))
    words = [text("Drawer panel: 2 artikelen"), text("Bekijk als offerte kaart")]
    s.send(mutation(adds=[add(box["id"], element("drawer-panel", {}, [words[0]])), add(box["id"], words[1])]))
    defined = [e["data"]["define"]["name"] for e in s.stored if e["type"] == 3 and e["data"]["source"] == 16]
    assert defined[:2] == ["drawer-panel", "offerte-kaart"] and defined[3] == "winkel-mand"
    assert "Lefebvre" not in stored_text(s.stored) and leaked(s.stored, "ward.jacobs@kabelnet.be") == []
    shown = nodes_by_id(s.stored)
    assert [shown[w["id"]]["textContent"] for w in words] == ["Drawer panel: 2 artikelen", "Bekijk als offerte kaart"]


def test_a_payload_value_under_a_key_that_names_it_is_masked_whole(session):
    """An analytics identify ({"$set": {"name": …, "username": …}}) holds what a field's name would
    say: masked whole, names and user names no detector knows included, and echoed elsewhere; an
    address under "address" is masked in its parts too. Keys that name something else ("$pathname",
    "tagName", "plan") and a request's URL under "name" keep their values."""
    s = session()
    s.send(snapshot(html_page()), custom("identify", {
        "$set": {"username": "gwuyts84", "name": {"first": "Gommaar", "last": "Wuyts"}, "city": "Herentals",
                 "plan": "Pro Plan", "$pathname": "/checkout"},
        "distinct_id": "gwuyts84", "tagName": "INPUT",
        "requests": [{"name": "https://shop.example/api/cart"}]}))
    stored = orjson.dumps(s.stored).decode()
    for value in ("gwuyts84", "Gommaar", "Wuyts", "Herentals"):
        assert value not in stored, value
    for kept in ('"Pro Plan"', '"/checkout"', '"INPUT"', '"https://shop.example/api/cart"'):
        assert kept in stored, kept


def test_a_payload_value_under_a_key_naming_a_persons_role_is_masked_whole(session):
    """A transfer's body names the payee by their role (review 12 F7): a key that is only a role (rules/fields.yaml
    roles, compared as keys are: "Beneficiary", "bénéficiaire", "account-holder"'s words) says a person, as such a
    label does; a key whose other words say more ("spouse_id", "beneficiaryMessage") keeps its value."""
    s = session()
    s.send(snapshot(html_page()), custom("transfer", {
        "beneficiary": "Zorbalie Quendt", "Begunstigde": "Ysolde Marbaix", "bénéficiaire": "Odwin Tercelin",
        "spouse": "Heleentje Vrancx", "holder": "Brunhelde Oostwijck", "spouse_id": 4711,
        "beneficiaryMessage": "Huur januari", "amount": 120}))
    stored = orjson.dumps(s.stored).decode()
    for value in ("Zorbalie", "Quendt", "Marbaix", "Tercelin", "Vrancx", "Oostwijck"):
        assert value not in stored, value
    for kept in ('"spouse_id":4711', '"Huur januari"', '"amount":120'):
        assert kept in stored, kept


def test_a_payload_value_under_the_national_registers_abbreviation_is_masked_whole(session):
    """"rrn" (rijksregisternummer) and "niss" (numéro d'identification de la sécurité sociale) are how Belgian forms
    name the national number's field (review 17 F3: {"rrn": …} was stored raw): a number there is the visitor's,
    mistyped too (these fail their check digits, so no detector reads them alone)."""
    s = session()
    s.send(snapshot(html_page()), custom("aanvraag", {"rrn": "77-09-23-406-05", "niss": "920214.117.59", "stap": 2}))
    stored = orjson.dumps(s.stored).decode()
    for value in ("77-09-23-406-05", "920214.117.59"):
        assert not leaked(s.stored, value), value
    assert '"stap":2' in stored


def test_a_things_word_in_a_key_takes_its_meaning_away_beside_a_name_word_only(session):
    """"cursus.naam", "course_name", "os.name", "service.name" name a course or software, their value stays
    readable; a key or a class saying more beside such a word holds a participant's or a customer's value
    ("cursus_deelnemer_geboortedatum", "courseStudentName", class "course-student-name"): review 13 F1, where
    any of these words in a key erased its meaning and the value was stored raw."""
    s = session()
    s.send(snapshot(html_page(element("span", {"class": "course-student-name"}, [text("Zorbalie Quendt")]),
                              element("span", {"class": "course-name"}, [text("Frans B1 Avondcursus")]))),
           custom("inschrijving", {
               "cursus_deelnemer_geboortedatum": "1987-03-14", "training_rijksregisternummer": "87031412345",
               "service_klantnummer": "KL-558213", "os_user_first_name": "Ysolde", "courseStudentName": "Odwin Tercelin",
               "customer_service_contact_name": "Heleentje Vrancx", "cursus.naam": "Frans B1 Avondcursus",
               "os.name": "Linux", "service.name": "posthog-browser-logs"}))
    stored = orjson.dumps(s.stored).decode()
    for value in ("1987-03-14", "87031412345", "558213", "Ysolde", "Tercelin", "Vrancx", "Quendt"):
        assert value not in stored, value
    for kept in ('"cursus.naam":"Frans B1 Avondcursus"', '"os.name":"Linux"', '"service.name":"posthog-browser-logs"'):
        assert kept in stored, kept
    assert stored.count("Frans B1 Avondcursus") == 2  # the course-name span's text too


def test_a_part_holder_on_a_product_page_is_no_person(session):
    """"houder" and "holder" say a person as a payload's key ({"holder": …}, above), not as a label in page
    text: a product page's spec lines ("Houder: Aluminium, zwart", "Holder: Stainless Steel") stay readable,
    and so does the heading their masked words tainted ("Fietshouder Kompakt"): review 13 F7."""
    lines = ["Houder: Aluminium, zwart", "Holder: Stainless Steel"]
    s = session()
    s.send(snapshot(html_page(element("h1", {}, [text("Fietshouder Kompakt")]),
                              *[element("p", {}, [text(line)]) for line in lines])))
    stored = stored_text(s.stored)
    for kept in ("Fietshouder Kompakt", *lines):
        assert kept in stored, kept


def test_batch_metadata_is_scanned_with_secret_keys(session):
    s = session()
    events = [snapshot(html_page(element("p")))]
    meta = {"user": {"email": EMAIL, "session_token": "st-44aa99"}, "tag": EMAIL, "password": "Hunter2-Corr3ct",
            "seq": 3}
    from redactor.redact import redact_batch_sync
    settings = s.policy.config.pii
    redact_batch_sync(events, s.policy, s.mirror, s.masker,
                      lambda texts, language: s.detector.analyze_sync(texts, language, settings), meta=meta)
    dumped = orjson.dumps(meta).decode()
    assert "st-44aa99" not in dumped and leaked([meta], EMAIL) == [] and "Hunter2" not in dumped
    assert meta["seq"] == 3  # a top-level key takes its meaning as any payload's


def test_ordinary_payloads_stay_readable(session):
    s = session()
    s.send(snapshot(html_page(element("p"))))
    s.send(custom("cart", {"step": "payment", "items": 3, "coupon": "WINTER25", "plugin": "shop/cart@1"}))
    payload = s.stored[-1]["data"]["payload"]
    assert payload == {"step": "payment", "items": 3, "coupon": "WINTER25", "plugin": "shop/cart@1"}


async def test_a_phone_without_its_plus_alone_in_a_payload_is_masked_however_it_is_sent(aiohttp_client, tmp_path,
                                                                                        monkeypatch):
    """Review 8 F4, over a real socket (the console plugin's arguments are parsed around the generic
    pass): an international phone number in digits alone, its '+' left out, is masked in a custom
    event's and a console argument's value alike, as a string, a JSON number, a list's item, a Python
    client's float, a JSON object written into a string. A masked number is written as the masked
    string: a number cannot say it was masked, any digits in its place would read as a real value.
    Counts, a timestamp, an order number, an EAN stay as they came."""
    from conftest import ADMIN_TOKEN
    from redactor.app import create_app
    from redactor.config import Settings

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)
    client = await aiohttp_client(create_app(Settings(data_dir=tmp_path / "data", pii_workers=0, ner=False)))
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    assert (await client.put("/v1/sites/shop", json={}, headers=headers)).status == 201
    phone, other = "32471226688", 31651234567  # +32 471 22 66 88, +31 6 51234567
    sent = {"msg": phone, "spaced": f" {phone} ", "number": other, "list": [other], "float": float(other),
            "written": '{"x": "%s", "y": %d}' % (phone, other)}
    ordinary = {"qty": 12345678, "ts": 1733234567890, "order": 20241188, "ean": "4006381333931"}
    console = {"type": 6, "data": {"plugin": "rrweb/console@1", "payload": {
        "level": "log", "payload": [f'"{phone}"', phone, str(other), '{"x":"%s"}' % phone], "trace": []}}, "timestamp": 3}
    answer = await client.post("/v1/sites/shop/sessions/s1/events", headers=headers, data=orjson.dumps(
        [meta(), snapshot(html_page(element("p", {}, [text("Bestelling")]))), custom("form", {**sent, **ordinary}),
         console]))
    assert answer.status in (200, 202), await answer.text()
    stored = await (await client.get("/v1/sites/shop/sessions/s1/events", headers=headers)).json()
    events = stored["events"] if isinstance(stored, dict) else stored
    written = orjson.dumps(events).decode()
    assert phone not in written and str(other) not in written, written
    payload = events[-2]["data"]["payload"]
    assert [payload[key] for key in ("msg", "number", "float")] == ["*" * 11] * 3 and payload["list"] == ["*" * 11]
    assert {key: payload[key] for key in ordinary} == ordinary
    assert events[-1]["data"]["payload"]["payload"][1:3] == ["*" * 11] * 2


# -- one definition of "editable" ----------------------------------------------------------------
@pytest.mark.parametrize("attrs", [{"role": "textbox"}, {"role": "searchbox"}, {"role": "combobox"},
                                   {"role": "spinbutton"}, {"contenteditable": "true"}])
def test_record_inputs_false_masks_every_editable_region_at_any_depth(session, attrs):
    deep = text("Mijn naam is Pieter")
    inner = deep
    for _ in range(12):  # deeper than any fixed ancestor walk
        inner = element("span", {}, [inner])
    region = element("div", attrs, [inner])
    s = session({"record_inputs": False})
    s.send(snapshot(html_page(region)))
    s.send(mutation(texts=[{"id": deep["id"], "value": "Bestelling voor de buren"}]))
    stored = orjson.dumps(s.stored).decode()
    assert "Pieter" not in stored and "Bestelling" not in stored


def test_record_inputs_false_masks_text_added_inside_an_editable_region(session):
    region = element("div", {"contenteditable": "plaintext-only"}, [element("p")])
    s = session({"record_inputs": False})
    s.send(snapshot(html_page(region)))
    para = region["childNodes"][0]
    s.send(mutation(adds=[add(para["id"], element("b", {}, [text("geheime notitie")]))]))
    assert "geheime" not in orjson.dumps(s.stored).decode()


def test_other_text_stays_readable_with_record_inputs_false(session):
    heading = element("h1", {}, [text("Winkelwagen")])
    s = session({"record_inputs": False})
    s.send(snapshot(html_page(heading, element("div", {"role": "textbox"}, [text("typed")]))))
    assert "Winkelwagen" in orjson.dumps(s.stored).decode()


# -- the saved state: nothing a visitor wrote, in any file ---------------------------------------
PLANTED_VALUE, PLANTED_SECRET = "liv.dekker@huisbrief.example", "Kwartel-7731-Qz"


@pytest.mark.parametrize("upstream", [False, True], ids=["store", "spool"])
async def test_no_file_under_the_data_dir_holds_a_planted_value(aiohttp_client, tmp_path, monkeypatch, upstream,
                                                                 dead_upstream):
    """The samples and a session planting values in every shape, posted over a real socket;
    then every byte of every file under the data dir (store, WAL, spool, keys) is read."""
    from conftest import ADMIN_TOKEN
    from leaks import batches, planted, recordings
    from planted import leaked, shapes_session
    from redactor.app import create_app
    from redactor.config import Settings

    monkeypatch.setenv("REDACTOR_ADMIN_TOKEN", ADMIN_TOKEN)
    dead = dead_upstream if upstream else None  # nothing listens: everything is spooled
    settings = Settings(data_dir=tmp_path / "data", pii_workers=0, upstream=dead)
    client = await aiohttp_client(create_app(settings))
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    assert (await client.put("/v1/sites/shop", json={}, headers=headers)).status == 201
    for recording in recordings():
        for body in batches(recording):
            answer = await client.post(f"/v1/sites/shop/sessions/{recording['sessionId']}/events", data=body)
            assert answer.status in (200, 202), await answer.text()
    session_batches, metadata = shapes_session(PLANTED_VALUE, PLANTED_SECRET)
    for events in session_batches:
        answer = await client.post("/v1/sites/shop/sessions/shapes/events",
                                   data=orjson.dumps({**metadata, "events": events}))
        assert answer.status in (200, 202), await answer.text()
    await client.close()  # flushed and closed: WAL checkpointed or not, every file is read

    files = [path for path in settings.data_dir.rglob("*") if path.is_file()]
    assert any(path.name.startswith("redactor.sqlite3") for path in files)
    if upstream:
        assert any("spool" in str(path) for path in files)
    everything = b"".join(path.read_bytes() for path in files)
    own = PLANTED_VALUE.removesuffix(".example")  # ".example" is every page's own domain too
    assert leaked(everything, own) == [] and leaked(everything, PLANTED_SECRET) == []
    for recording in recordings():
        for entry in planted(recording):
            if entry["category"] not in ("free_text", "quasi_identifier") and len(entry["value"]) >= 5:
                assert entry["value"].encode() not in everything, entry["field"]


def test_an_elements_name_attribute_in_a_payload_is_structure_not_a_persons_name(session):
    """PostHog's autocapture ($elements: attr__name, attr__id) and Sentry's breadcrumbs (node.attributes)
    describe the element clicked: its `name` attribute is a field's name ("naam"), not a person's. Read
    as a person, it was masked and remembered, and the form's label "Naam" was masked in the replay. An
    OpenTelemetry-style attribute ({value, type}) named like a field keeps its meaning."""
    label = element("label", {"for": "n"}, [text("Naam")])
    field = element("input", {"id": "n", "name": "naam"})
    s = session()
    s.send(meta(), snapshot(html_page(label, field)))
    s.send(custom("$autocapture", {"$elements": [{"tag_name": "input", "attr__name": "naam", "attr__id": "n"}]}),
           custom("breadcrumb", {"category": "ui.click", "data": {"node": {"tagName": "input",
                                                                          "attributes": {"name": "naam"}}}}),
           custom("log", {"attributes": {"name": {"value": "Wobke Hiddema", "type": "string"}}}))
    s.send(snapshot(html_page(label, field)))
    stored = orjson.dumps(s.stored).decode()
    assert '"attr__name":"naam"' in stored and '"attributes":{"name":"naam"}' in stored
    assert stored.count('"Naam"') == 2  # the label, in both snapshots
    assert "Wobke" not in stored and "Hiddema" not in stored


def test_a_token_with_a_uuid_appended_is_still_a_credential():
    """A name made of words and a UUID ("$survey_response_<uuid>": a question's id) is no secret; a
    random token with a UUID appended still is (the exemption once looked for any UUID inside)."""
    from redactor.content import credential_spans

    uuid = "0190c0de-5eed-7000-8000-000000000001"
    assert credential_spans(f"$survey_response_{uuid}") == []
    token = "Xq7vKpaqrzB81mZpLwe2kT0eA" + uuid
    assert credential_spans(f"token {token}") and all(start == 6 for start, _, _ in credential_spans(f"token {token}"))


def test_a_urls_port_and_path_in_a_text_are_no_credential_but_a_token_in_its_path_is():
    """A stack trace's frames name the page's URL ("at f (http://app.test:44987/taalhuis/heldout8.html:117:23)",
    in a console breadcrumb's serialized Error): its port's digits and its path's words ran together as one
    random-looking run, were masked as a credential and, echoed, in every URL of the session (round 8 of the
    peers' held-out hunt). A URL's authority (its host, its port's digits) is left out of the run; its path is
    judged whole (review 13 F6: segment by segment, a national number in a console message's URL and a base64
    token with '/' in it were stored), a token in it masking the path."""
    from redactor.content import credential_spans

    for text in ("Error: x\n    at f (http://app.test:44987/taalhuis/heldout8.html?sdk=sentry:117:23)",
                 "at g (http://localhost:3000/checkout/step2.html:4:9)"):
        assert credential_spans(text) == [], text
    for text, secret in (("reset via https://shop.example/reset/Xq7vKpA9rT2mLw8ZbN4cYd6E now", "Xq7vKpA9rT2mLw8ZbN4cYd6E"),
                         ("http://app.test:44987/r/Xq7vKpA9rT2mLw8ZbN4cYd6E", "Xq7vKpA9rT2mLw8ZbN4cYd6E"),
                         ("GET http://shop.example:8443/api/klanten/87031412345/orders failed", "87031412345"),
                         ("magic link: https://shop.example/login/k3Jx9qWm/T8pLaB2c/Rt7YuV5nQ0zH/e4Gd= expires",
                          "k3Jx9qWm/T8pLaB2c/Rt7YuV5nQ0zH/e4Gd=")):
        masked = [text[start:end] for start, end, _ in credential_spans(text)]
        assert len(masked) == 1 and secret in masked[0] and "example" not in masked[0] and "app.test" not in masked[0], \
            (text, masked)
    assert credential_spans("header aGVsbG8/d29ybGQxMjM0NTY3ODkwYWJjZGVmZ2hpams=")  # base64 keeps its '/'


@pytest.mark.parametrize("value", ["mail ysaure.q [arob", "mail ysaure.q [arobase] verriere-po",
                                   "mail ysaure.q (klammeraffe) verriere-post (punkt) b"])
def test_every_spelled_out_at_word_holds_the_address_back_where_a_batch_cuts_it(value):
    """The at- and dot-words of a spelled-out address are one list (rules/recognizers.yaml words: at_words,
    dot_words), read by the recognizer and by the growing end alike: "[arobase]" as "[at]"."""
    from redactor.content import trailing_fragment

    assert trailing_fragment(value) == [(5, len(value), "TRAILING_FRAGMENT")]


# -- round 5: a form sent by GET, the next page's URL holding the typed values percent-encoded -----------
@pytest.mark.parametrize("label, value", [("Voornaam", "Sanne"), ("Achternaam", "Kwakkelstein"),
                                          ("Geboortedatum", "02/11/1988"), ("Identiteitskaart", "592-8841037-62")])
def test_a_typed_value_echoed_percent_encoded_in_the_next_pages_url_is_masked(session, label, value):
    """A GET form's submission puts the fields in the next page's address, a hidden input's JSON
    among them ("state=%7B%22given%22%3A%22Sanne%22…"): the echo of a value masked whole where it
    was typed is found in the URL's percent-decoded pieces, where quotes and slashes are '%22', '%2F'."""
    from urllib.parse import quote
    field = element("input", {"name": "p1", "aria-label": label})
    s = session()
    s.send(meta("https://air.example/book"), snapshot(html_page(field)))
    s.send(*typing(field["id"], value))
    state = quote(f'{{"pax":[{{"value":"{value}","seat":"14A"}}]}}', safe="")
    s.send(meta(f"https://air.example/done?p1={quote(value, safe='')}&state={state}"),
           snapshot(html_page(element("h1", {}, [text("Boeking bevestigd")]))))
    assert leaked(s.stored, value) == []
    assert "Boeking bevestigd" in stored_text(s.stored)


@pytest.mark.parametrize("label, value", [("Documentnummer", "NXR4K7P29"), ("Numéro de patient", "PT-418837"),
                                          ("Numéro de mutualité", "154/8372615"), ("Member number", "MB-77310452"),
                                          ("Frequent flyer", "ZA 4471 0926 38"), ("N° de dossier", "QX-2026-44817"),
                                          ("Nº client", "QX-2026-44817"), ("Referentie", "QX-2026-44817"),
                                          ("Booking reference", "QX-2026-44817")])
def test_a_number_the_label_says_is_the_visitors_is_masked_with_its_echoes(session, label, value):
    """A code typed where the label says it is the visitor's number ("Documentnummer", "Numéro de
    patient") is masked whole, not only while its last word is unsettled: the summary shows it back in
    a later batch (a title, innerText), where no detector knows its shape."""
    field = element("input", {"name": "f", "aria-label": label})
    cell = element("td")
    s = session()
    s.send(meta("https://air.example/book"), snapshot(html_page(field, cell)))
    s.send(*typing(field["id"], value))
    s.send(mutation(adds=[add(cell["id"], text(value))],
                    attributes=[set_attributes(cell["id"], title=f"Passagier 1 ({value})")]))
    assert leaked(s.stored, value) == []
    assert "Passagier 1" in stored_text(s.stored)


@pytest.mark.parametrize("sentence, name", [
    ("Depuis lundi j'ai de la fièvre. Ma fille Lowiese a pris du Dafalgan. ", "Lowiese"),
    ("Sinds maandag heeft mijn zoon Jorrick koorts. ", "Jorrick"),
    ("Since Monday my daughter Ysolde has a fever. ", "Ysolde"),
])
def test_a_given_name_no_list_knows_after_my_daughter_is_masked(session, sentence, name):
    """A relative named in what the visitor writes: 'ma fille', 'mijn zoon', 'my daughter' before one
    capitalised word says a person, whether a name list knows the name or not."""
    area = element("textarea", {"name": "symptomes"})
    s = session()
    s.send(meta("https://clinic.example/rdv"), snapshot(html_page(area)))
    s.send(*typing(area["id"], sentence))
    s.send(*typing(area["id"], sentence + "Merci."))
    assert leaked(s.stored, name) == []


# -- the site's own words and a visitor's ordinary words (issue 9, item 13) ---------------------------
BRANDS = ["Calvin Klein", "Kate Spade", "Tommy Hilfiger", "Ted Baker", "Hugo Boss", "Marc O'Polo"]


def typed_finally(stored: list, field: dict) -> str:
    """The last value a field took in what is stored."""
    return [e["data"]["text"] for e in stored if e["type"] == 3 and e["data"].get("source") == 5
            and e["data"]["id"] == field["id"]][-1]


def test_a_shops_brands_named_like_people_stay_and_its_greeted_visitor_does_not(session):
    """A shop's product list names designer brands shaped like a person's name ("Calvin Klein", "Ted Baker"): in
    its cards' headings and links, an image's alt, a brand filter's options and across every later page of the
    session. The model read each as a person, and its taint masked it wherever the session showed it again; the
    visitor's own name the header greets stays masked, and so does a name the visitor types. A brand opening what
    the visitor types is theirs to keep ("Calvin Klein jeans terugsturen"), and so is the ordinary word that is a
    brand's surname too ("is te klein")."""
    cards = [element("li", {"class": "product-card"}, [
        element("a", {"href": f"/merken/{i}", "title": brand}, [element("h3", {}, [text(brand)])]),
        element("img", {"src": f"/img/{i}.jpg", "alt": f"{brand} — nieuwe collectie"}),
        element("span", {"class": "price"}, [text("€ 89,95")])]) for i, brand in enumerate(BRANDS)]
    picker = element("select", {"name": "merk"}, [element("option", {"value": str(i)}, [text(brand)])
                                                  for i, brand in enumerate(BRANDS)])
    notes = element("textarea", {"name": "opmerking", "aria-label": "Opmerking"})
    s = session()
    s.send(meta("https://mode.example/merken"), snapshot(html_page(
        element("p", {"class": "welcome"}, [text("Welkom terug, Sanne de Vries")]), picker,
        element("ul", {}, cards), notes, lang="nl")))
    typed = "Calvin Klein jeans terugsturen, maat 32 is te klein. Groeten, Noor Visser "
    s.send(*typing(notes["id"], typed))
    more = element("ul", {}, [element("li", {}, [text(f"Meer van {brand}")]) for brand in BRANDS])
    s.send(mutation(adds=[add(cards[0]["id"], more)]))  # a later page's list, the same brands
    stored = stored_text(s.stored)
    for brand in BRANDS:
        assert stored.count(brand) >= 5, brand  # title, heading, alt, option, "Meer van …"
    assert leaked(s.stored, "Sanne de Vries") == [] and leaked(s.stored, "Noor Visser") == []
    assert typed_finally(s.stored, notes).startswith("Calvin Klein jeans terugsturen, maat 32 is te klein.")


@pytest.mark.parametrize("value, names", [
    ("Calvin Klein jeans terugsturen", []), ("Bestelling Zalando kwijt", []), ("Ik heb bij Zalando Lounge besteld", []),
    ("Jean-Paul Gaultier Le Male", []), ("Noor Visser Zalando", ["Noor Visser"]), ("Zalando Noor Visser", ["Noor Visser"]),
    ("Mijn Calvin Klein jas is van Sanne Jansen", ["Sanne Jansen"])])
def test_a_brand_a_visitor_writes_is_no_name_and_a_name_beside_it_still_is(value, names):
    """Where a visitor writes, a run of capitalised words is a name known or not (fail closed), but for the brands
    of rules/pii.yaml in it: the run is read on either side of them."""
    assert [value[span.start:span.end] for span in name_runs(value)] == names


@pytest.mark.parametrize("typed, kept, name", [
    # the card one pays with, between "met" and "hier" ("met Jorinde hier" is who answers the phone)
    ("Kan ik met Visa hier betalen of enkel met Bancontact? Groeten, Noor Visser ", "Kan ik met Visa hier betalen",
     "Noor Visser"),
    # a given name in lower case after "voor", a day after it: "jan" is a name there (January is "jan" after a day's
    # number or before a year), "op maandag" says when
    ("Het moet klaar zijn voor jan op maandag, groeten Noor Visser ", "op maandag", "jan"),
    # a given name in lower case before a verb that makes it the subject: the verb is no surname (issue 9's
    # leftover of review 17 F2: "komt" was masked with "sofie")
    ("Dank je, sofie komt morgen het pakket ophalen. Noor Visser ", "komt morgen het pakket ophalen", "sofie"),
    ("Merci, marie arrive demain vers midi. Noor Visser ", "arrive demain vers midi", "marie"),
    # the words after a labelled phone or address the detector found whole are the visitor's own (issue 9's
    # leftover: the label's value ran to the line's end)
    ("tel: 0412 34 56 78 liefst na de middag ", "liefst na de middag", "34 56 78"),
    ("mail me: noor.visser@postvak.example graag vandaag nog ", "graag vandaag nog", "noor.visser"),
    # a town that is a given name too, opening a sentence as the subject of "is te ver"
    ("Gent is te ver voor mij, kan het in Aalst? Groeten, Noor Visser ", "Gent is te ver voor mij", "Noor Visser"),
])
def test_a_visitors_ordinary_words_beside_a_name_rule_stay_readable(session, typed, kept, name):
    """Issue 9 item 13, typed Dutch: a card's brand after "met … hier", the day after a name typed in lower case,
    and a town that is a given name opening a sentence about how far it is were masked as names; the visitor's
    name beside them still is."""
    notes = element("textarea", {"name": "opmerking", "aria-label": "Opmerking"})
    s = session()
    s.send(meta("https://winkel.example/contact"), snapshot(html_page(notes, lang="nl")))
    s.send(*typing(notes["id"], typed))
    final = typed_finally(s.stored, notes)
    assert kept in final and name not in final


@pytest.mark.parametrize("typed, opener", [("Pakket kwam niet aan, graag een nieuw! ", "Pakket"),
                                           ("Mijn bestelling is kwijt! ", "Mijn"), ("Graag zo snel mogelijk! ", "Graag"),
                                           ("Zalando stuurt mijn pakket niet! ", "Zalando"),
                                           ("Coolblue heeft mijn bestelling kwijt! ", "Coolblue")])
def test_a_typed_lines_first_word_shows_once_the_next_word_is_typed_in_lower_case(session, typed, opener):
    """Issue 9 item 13: a batch may end at any keystroke, and a settled capitalised word waits for a surname (masked
    while it may be "Jildou " of "Jildou Reitsma"); but once the next word is being typed in lower case and is no
    particle, no capitalised surname comes: the word that opens the line is readable in every value after, a brand
    at once ("Zalando "), unless it is a given name, which a verb may make a sentence's subject ("Sanne k…")."""
    notes = element("textarea", {"name": "opmerking", "aria-label": "Opmerking"})
    s = session()
    s.send(meta("https://winkel.example/contact"), snapshot(html_page(notes, lang="nl")))
    for event in typing(notes["id"], typed):  # a batch at every keystroke
        s.send(event)
    values = [e["data"]["text"] for e in s.stored if e["type"] == 3 and e["data"].get("source") == 5]
    second_word_started = [v for v in values if len(v) > len(opener) + 1]
    assert second_word_started and all(v.startswith(opener + " ") for v in second_word_started)
    if opener in ("Zalando", "Coolblue"):
        assert f"{opener} " in values


def test_a_given_name_opening_a_typed_line_stays_masked_while_its_verb_is_typed(session):
    """Its verb makes a given name the sentence's subject ("Sanne komt…"): masked in every value, whatever
    keystroke a batch ends on, as the final value masks it."""
    notes = element("textarea", {"name": "opmerking", "aria-label": "Opmerking"})
    s = session()
    s.send(meta("https://winkel.example/contact"), snapshot(html_page(notes, lang="nl")))
    for event in typing(notes["id"], "Sanne komt het pakket ophalen. "):
        s.send(event)
    values = [e["data"]["text"] for e in s.stored if e["type"] == 3 and e["data"].get("source") == 5]
    assert values and not [v for v in values if "Sanne" in v or "Sann" in v]


def test_a_sites_label_before_its_own_word_keeps_the_word(session):
    """Issue 9's leftover: the page's text "Session: Morning" (a course's slot) and "Card: Visa" (how one pays) lost
    their word, read as a secret's bare key and value (content.bare_secret_pairs: "session", "card") and as a card's
    label (labelled_values). A plain word is no session's id nor a card's number; a token or a number after the same
    labels still is masked."""
    shown = {label: text(label) for label in ["Session: Morning", "Card: Visa", "Kaart: Maestro",
                                              "session: 8f3KdL29xQ", "Card: 4111 1111 1111 1111"]}
    s = session()
    s.send(meta("https://cursus.example/inschrijving"),
           snapshot(html_page(*(element("p", {}, [node]) for node in shown.values()))))
    stored = stored_text(s.stored)
    assert "Session: Morning" in stored and "Card: Visa" in stored and "Kaart: Maestro" in stored
    assert "8f3KdL29xQ" not in stored and "4111" not in stored


@pytest.mark.parametrize("typed, secret, kept", [
    ("Bonjour, mon mot de passe: Soleil2024! ne marche plus, merci ", "Soleil2024", "ne marche plus, merci"),
    ("Hi, my password is hunter2 but it fails every time ", "hunter2", "but it fails every time"),
    ("Hallo, mijn wachtwoord is Fiets123 en werkt niet meer ", "Fiets123", "en werkt niet meer"),
    ("Bonjour, mon mot de passe est Quenouille7 depuis hier ", "Quenouille7", "depuis hier"),
    ("Hallo, mein Passwort ist Sonnenblume88 seit gestern ", "Sonnenblume88", "seit gestern"),
    ("Hallo, mijn wachtwoord is vergeten, kan je helpen? ", None, "mijn wachtwoord is vergeten, kan je helpen?"),
    ("Bonjour, mon mot de passe est incorrect depuis hier ", None, "mon mot de passe est incorrect depuis hier"),
    # right after the words, with no verb or mark between (review 20 F12): a word shaped as a password is one
    ("Hallo, mijn wachtwoord kastanje77 werkt niet meer ", "kastanje77", "werkt niet meer"),
    ("Hi, my password Lantaarn9x doesn't work ", "Lantaarn9x", "doesn't work"),
    ("Hallo, mein Passwort Pusteblume31 geht nicht ", "Pusteblume31", "geht nicht"),
    ("Bonjour, mon mot de passe tournesol8 ne marche pas ", "tournesol8", "ne marche pas"),
    ("Hi, my password reset link never came ", None, "my password reset link never came"),
    ("Bonjour, mot de passe oublié depuis hier ", None, "mot de passe oublié depuis hier"),
    ("Hallo, wachtwoord vergeten sinds gisteren ", None, "wachtwoord vergeten sinds gisteren"),
    # in Spanish, Portuguese and Italian, the sentence going on after it (review 21 F3)
    ("Hola, mi contraseña es Amapola57 y no entra ", "Amapola57", "y no entra"),
    ("Olá, a minha senha é castanha83 e não funciona ", "castanha83", "e não funciona"),
    ("Ciao, la password è Papavero64 ma non funziona ", "Papavero64", "ma non funziona"),
    ("Hola, mi contraseña es incorrecta desde ayer ", None, "mi contraseña es incorrecta desde ayer"),
    ("Ciao, la password è stata cambiata ieri ", None, "la password è stata cambiata ieri"),
    ("Olá, a senha é muito longa para mim ", None, "a senha é muito longa para mim"),
    # what the password is for before its verb, a compound's end, a home network's key
    ("Hallo, mijn wachtwoord voor de app is Fiets123 en werkt niet ", "Fiets123", "en werkt niet"),
    ("Bonjour, mon mot de passe pour le site est Soleil2024 depuis hier ", "Soleil2024", "depuis hier"),
    ("Hi, my password for the portal is Hunter22x but it fails ", "Hunter22x", "but it fails"),
    ("Hallo, das WLAN-Passwort lautet Sommer2023 seit gestern ", "Sommer2023", "seit gestern"),
    ("Bonjour, le code wifi de chez moi est Moreau1987! pour le technicien ", "Moreau1987", "pour le technicien"),
    ("Hi, my password for the portal is not working ", None, "my password for the portal is not working"),
    # a PIN by its letters alone (review 34 F12: "meine PIN ist 4821" was stored; "pincode" was read)
    ("Hallo, meine PIN ist 4821 seit gestern ", "4821", "seit gestern"),
    ("Hi, my PIN is 7305 but the card is blocked ", "7305", "but the card is blocked"),
    ("Bonjour, mon PIN est 2719 depuis hier ", "2719", "depuis hier"),
    ("Hallo, meine PIN ist gesperrt seit gestern ", None, "meine PIN ist gesperrt seit gestern"),
])
def test_a_password_given_in_a_sentence_is_masked_and_the_line_stays(session, typed, secret, kept):
    """Issue 9's leftover: a password given in a typed line after the words for one and a verb or a colon, mid-line
    ("… mon mot de passe: …", "my password is …"), was stored: no label opened the line, no key stood bare before it.
    The secret is masked in every value, the line's other words stay, and a word saying how the password is stays.
    Review 20 F12: one given right after the words ("mijn wachtwoord zonnebloem42 werkt niet") was stored; a word
    shaped as a password there is one, a word is not ("my password reset link"). What it is for between the words and
    the verb ("mijn wachtwoord voor de app is …"), a compound ("WLAN-Passwort") and a home network's key ("le code wifi
    … est …") were stored in a payload's remark."""
    notes = element("textarea", {"name": "bericht", "aria-label": "Bericht"})
    s = session()
    s.send(meta("https://winkel.example/contact"), snapshot(html_page(notes, lang="nl")))
    for event in typing(notes["id"], typed):  # a batch at every keystroke
        s.send(event)
    assert kept in typed_finally(s.stored, notes)
    if secret:
        assert leaked(s.stored, secret) == []


def test_a_flag_under_a_secret_key_stays_and_the_secret_does_not(session):
    """Issue 9's leftover of peers round 12: {"session_id_hint": "none"} was masked whole under its "session" key,
    though a flag holds no secret; a token or a password beside it is masked still."""
    s = session()
    s.send(meta(), snapshot(html_page()), custom("chat", {
        "session_id_hint": "none", "remember_session": "true", "has_password": "false",
        "session_id": "kq3jxm9a2z7w", "password": "Quenouille7!"}))
    payload = [e for e in s.stored if e["type"] == CUSTOM][-1]["data"]["payload"]
    assert payload["session_id_hint"] == "none" and payload["remember_session"] == "true"
    assert payload["has_password"] == "false"
    assert "kq3jxm9a2z7w" not in stored_text(s.stored) and leaked(s.stored, "Quenouille7!") == []


@pytest.mark.parametrize("label, meaning", [
    ("Heslo", "SECRET"), ("Hasło do portalu", "SECRET"), ("Jelszó", "SECRET"), ("Rodné číslo", "NATIONAL_ID"),
    ("Birth number", "NATIONAL_ID"), ("Asmens kodas", "NATIONAL_ID"), ("CNP", "NATIONAL_ID"),
    ("Cod numeric personal", "NATIONAL_ID"), ("Isikukood", "NATIONAL_ID"), ("Parola chiave", "")])
def test_a_password_or_a_personal_number_labelled_in_a_visitors_own_language_has_its_meaning(label, meaning):
    """Held-out peers round 17: a Czech sitter's birth number and password, a Lithuanian personal code were sent under
    their own language's words ("rc", "heslo", "asmens_kodas"); a field labelled with those words holds them too (an
    Italian search's "Parola chiave", a keyword, holds none)."""
    assert shipped_fields().field_meaning("", "", "", label, False, True) == meaning



@pytest.mark.parametrize("label, meaning", [
    ("Plaque du véhicule", "VEHICLE_ID"), ("Plaque de la voiture", "VEHICLE_ID"),
    ("Plaque minéralogique", "VEHICLE_ID"), ("Vehicle registration", "VEHICLE_ID"),
    ("Plaque commémorative", ""), ("Plaque de cuisson", "")])
def test_a_plate_labelled_with_the_car_it_belongs_to_has_its_meaning(label, meaning):
    """Held-out peers round 28: a hospital's parking form labels its plate field "Plaque du véhicule" (name "plaque"):
    "plaque" names a plate only alone, so the field said nothing, its value was not remembered, and the plate the
    page then wrote into its address's fragment ("#parking/ZG%201234-AB") reached the collector. The plate's word
    with the vehicle's says it; a hob's or a memorial's plaque says no plate."""
    assert shipped_fields().field_meaning("", "", "", label, False, True) == meaning


@pytest.mark.parametrize("value, name", [
    ("Mijn teamleider Mehmet Ali\nBoztepe kan dat bevestigen.", "Boztepe"),
    ("Mijn teamleider Mehmet\nAli Boztepe kan dat bevestigen.", "Mehmet"),
    ("Mijn teamleider is Mehmet\nBoztepe, hij kan dat bevestigen.", "Boztepe")])
@pytest.mark.parametrize("cut", [None, "Boz"])
def test_a_name_a_line_break_cuts_in_a_sentence_is_masked_on_both_lines(session, value, name, cut):
    """Held-out round 47, probed beside the page: a motivation letter's team leader written with a line break inside
    his name ('Mehmet Ali⏎Boztepe', as the recorded letter's <br>) — a name run never went on past a line break, so the
    word on the other line was stored. Mid-sentence (words before it on its line) the name goes on past the break; a
    signature over a firm's line ('Sanne Jansen⏎Bakkerij De Molen') stays as it was."""
    field = element("textarea", {"id": "motivatie", "name": "motivatie"})
    s = session()
    s.send(snapshot(html_page(element("label", {"for": "motivatie"}, [text("Motivatie")]), field, lang="nl")))
    events = typing(field["id"], value)
    end = value.index(cut) + len(cut) if cut else len(events)
    s.send(*events[:end])
    s.send(*events[end:])
    s.send(snapshot(html_page(element("textarea", {"id": "motivatie", "value": value}), lang="nl")))
    assert leaked(s.stored, name) == []
    assert "kan dat" in stored_text(s.stored)


@pytest.mark.parametrize("value, day", [
    ("Ik werk met Jan Peeters\nVandaag ben ik vrij.", "Vandaag"), ("I work with Jan Peeters\nToday I am free.", "Today"),
    ("Je travaille avec Jan Peeters\nDemain je suis libre.", "Demain"),
    ("Ich arbeite mit Jan Peeters\nGestern war ich frei.", "Gestern"),
    ("Ik werk met Jan\nVandaag ben ik vrij.", "Vandaag")])
def test_a_day_said_from_today_opening_the_line_after_a_name_stays(value, day):
    """Probe 82: a name ending a sentence's line, then "Vandaag" opening the next line's sentence: the name run went on
    past the break (_names_across_a_line_break), and the day was masked as the name's next word. A day said from today
    (rules/pii.yaml when_words) opens a sentence, no name goes on into it; the run before it still goes (the given name
    alone is the detector's), and a surname on the next line still goes with its name."""
    found = [value[s.start:s.end] for s in name_runs(value)]
    assert not any(day in f for f in found), found
    assert "Peeters" not in value or "Jan Peeters" in found
    other = "Mijn teamleider Mehmet Ali\nBoztepe kan dat bevestigen"
    assert "Boztepe" in [other[s.start:s.end] for s in name_runs(other)]
