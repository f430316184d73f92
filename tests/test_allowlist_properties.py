"""Property test of the allow-lists: hypothesis builds pages and sessions that put a planted
value in shapes nobody listed by name (attributes of any name, nested payloads under random and
secret-looking keys, credential strings, long class strings with a vendor's marker anywhere,
mutations that block and fill at once, keystrokes cut anywhere into a field that says what it
holds), and no 6-character window of the value reaches what is stored. A second property plants
a person's name no list knows where only its place says it is one (after a label, in a visitor's
sentence, under a payload key, in an attribute no browser shows, in a link's path) and an e-mail
a script copies into a field's value attribute as it is typed.

In process with the real Presidio (patterns and NER) and the real redaction pass; the same
shapes go through the real server and every file of its data dir in test_allowlists.py.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factories import (add, custom, element, html_page, incremental, meta, mutation, set_attributes, snapshot, text,
                       typing)
from planted import leaked, texts
from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.pii.names import is_function_word
from redactor.policy import Policy, shipped_structure, validate_site_config
from redactor.redact import redact_batch_sync

DETECTOR = DetectorPool(workers=0, ner=True)
POLICY = Policy.compile("prop", validate_site_config({}))

emails = st.builds("{}.{}@{}.example".format, st.from_regex(r"[a-z]{3,8}", fullmatch=True),
                   st.from_regex(r"[a-z]{3,9}", fullmatch=True), st.from_regex(r"[a-z]{5,9}", fullmatch=True))
ibans = st.sampled_from(["NL02ABNA0123456789", "BE71096123456769", "FR7630006000011234567890189", "DE89370400440532013000"])
phones = st.sampled_from(["+31 6 2345 6789", "+32 470 12 34 56", "+33 6 12 34 56 78", "06 4172 9935"])
values = st.one_of(emails, ibans, phones)
secrets = st.from_regex(r"[A-Za-z0-9]{4}-[a-z]{5,8}-[0-9]{3,5}", fullmatch=True)
#: a utility-class vocabulary (Tailwind's shape), fixed so that no window of a planted value is in it by chance
UTILITY_CLASSES = st.sampled_from(["md:px-4", "hover:bg-slate-100", "lg:mt-2", "flex", "grid-cols-3", "text-sm",
                                   "sm:w-full", "dark:bg-gray-900", "p-2", "rounded-lg", "focus:ring-2", "gap-x-6"])
attribute_names = st.from_regex(r"[a-z][a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True).filter(
    lambda name: not shipped_structure().is_structural(name) and name not in ("value", "checked", "selected"))
secret_keys = st.builds(lambda word, sep, upper, pre: (pre + sep + word).upper() if upper else pre + sep + word,
                        st.sampled_from(["password", "token", "api_key", "authorization", "cookie", "secret", "csrf",
                                         "access_token", "otp", "pin", "iban", "cvv"]),
                        st.sampled_from(["_", "-", ""]), st.booleans(), st.sampled_from(["user", "x", "client", "my"]))
plain_keys = st.from_regex(r"[a-z]{3,10}", fullmatch=True).filter(lambda key: not shipped_structure().is_secret_key(key))
blocking = st.sampled_from([{"class": "rr-block"}, {"class": "ph-no-capture"}, {"class": "sentry-block"},
                            {"data-private": ""}, {"class": "fs-exclude"}, {"data-sentry-block": ""}])
meaning_fields = st.sampled_from([{"type": "email"}, {"autocomplete": "tel"}, {"name": "iban"},
                                  {"aria-label": "Telefoonnummer"}, {"placeholder": "E-mailadres"}])


def nested(value, keys):
    for key in reversed(keys):
        value = {key: value}
    return value


@st.composite
def sessions(draw):
    value, secret = draw(values), draw(secrets)
    names = draw(st.lists(attribute_names, min_size=1, max_size=4, unique=True))
    utility = " ".join(draw(st.lists(UTILITY_CLASSES, min_size=30, max_size=90)))
    marker = draw(blocking)
    position = draw(st.integers(0, len(utility)))
    space = utility.find(" ", position)
    if space == -1:  # after the last class
        space = len(utility)
    classes = utility[:space] + " " + marker.get("class", "x") + utility[space:]
    marked = element("div", {"class": classes, **{k: v for k, v in marker.items() if k != "class"}},
                     [text(f"Klant {secret}")])
    field = element("input", draw(meaning_fields))
    panel = element("div", {"id": "panel"})
    page = html_page(element("span", {name: f"{draw(st.sampled_from(['', 'for ', 'mail: ']))}{value}" for name in names}),
                     marked, field, panel)
    cut = draw(st.integers(1, len(secret)))
    keys = draw(st.lists(plain_keys, min_size=3, max_size=6))
    payload = nested(value, keys[2:])
    payload[keys[1] + "x"] = nested(secret, [draw(secret_keys)])
    payload[value] = draw(st.integers(0, 9))
    # names are structure the page author wrote, kept as they are: a drawn key "aaaaaax" holds
    # the window "aaaaaa" of the secret "0000-aaaaaa-000" without anything leaking
    vocabulary = " ".join([*names, *keys])
    assume(not leaked(vocabulary, secret) and not leaked(vocabulary, value.removesuffix(".example")))
    first = [snapshot(page), *typing(field["id"], secret)[:cut]]
    second = [*typing(field["id"], secret)[cut:],
              mutation(adds=[add(panel["id"], element("p", {}, [text(f"Pas {secret}")]))],
                       attributes=[set_attributes(panel["id"], **draw(blocking))]),
              custom(keys[0], payload),
              incremental(11, level="log", payload=[f"auth Bearer {secret}Zq9"], trace=[])]
    return value, secret, [first, second]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_no_window_of_a_planted_value_is_stored(session):
    value, secret, batches = session
    mirror, masker, stored = DomMirror(), Masker("*", b"k"), []
    for events in batches:
        result = redact_batch_sync(copy.deepcopy(events), POLICY, mirror, masker,
                                   lambda texts, language: DETECTOR.analyze_sync(texts, language, POLICY.config.pii))
        stored.extend(result.events)
    blob = "\n".join(texts(stored))  # strings and keys: a timestamp's digits ("…0006000") are not the IBAN
    assert leaked(blob, value.removesuffix(".example")) == []
    assert leaked(blob, secret) == []


#: a made-up word shaped like a Flemish or Dutch name ("Gommaar", "Wuytsen"): in no list of names
name_words = st.from_regex(r"[BDGHKLMPRSTVWZ][aeiouy][a-z]{3,6}", fullmatch=True).filter(lambda w: not is_function_word(w))
given_names = st.sampled_from(["sanne", "lotte", "pieter", "femke", "bram", "camille"])  # known: a slug needs one
name_labels = st.sampled_from(["Naam", "Titulaire", "Kontoinhaber", "Account holder", "Contactpersoon"])
name_keys = st.sampled_from(["name", "username", "first_name", "displayName", "fullName"])


def run(batches: list[list]) -> str:
    mirror, masker, stored = DomMirror(), Masker("*", b"k"), []
    for events in batches:
        result = redact_batch_sync(copy.deepcopy(events), POLICY, mirror, masker,
                                   lambda texts, language: DETECTOR.analyze_sync(texts, language, POLICY.config.pii))
        stored.extend(result.events)
    return "\n".join(texts(stored))


@st.composite
def names_by_place(draw):
    first, last, other = draw(name_words), draw(name_words), draw(name_words)
    name = f"{first} {last}"
    slug = f"{draw(given_names)}-{other.lower()}"
    label = draw(name_labels)
    email = draw(emails)
    letter, copied = element("textarea", {"name": "opmerking"}), element("input", {"type": "text", "class": "fl"})
    page = html_page(element("p", {}, [text(f"{label}: {name}")]),
                     element("p", {}, [element("strong", {}, [text(f"{label}:")]), text(f" {other} {last}")]),
                     element("loyalty-card", {f"data-{draw(st.sampled_from(['holder', 'owner', 'cosigner']))}": name}),
                     element("a", {"href": f"/klant/{slug}/bestellingen"}, [text("Mijn bestellingen")]),
                     letter, copied)
    sentence = f"mag het pakket naar {other} {last} op nummer 29? groet"
    cut, copy_cut = draw(st.integers(1, len(sentence))), draw(st.integers(1, len(email)))
    copies = [event for i in range(1, len(email) + 1)
              for event in (incremental(5, text=email[:i], isChecked=False, id=copied["id"]),
                            mutation(attributes=[set_attributes(copied["id"], value=email[:i])]))]
    first_batch = [meta(f"https://shop.example/account/{slug}"), snapshot(page),
                   *typing(letter["id"], sentence)[:cut], *copies[:2 * copy_cut]]
    second_batch = [*typing(letter["id"], sentence)[cut:], *copies[2 * copy_cut:],
                    custom("identify", {"$set": {draw(name_keys): name}})]
    return [name, f"{other} {last}", slug, email], [first_batch, second_batch]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names_by_place())
def test_no_window_of_a_name_nobody_knows_is_stored_where_its_place_says_a_person(session):
    planted, batches = session
    blob = run(batches)
    for value in planted:
        assert leaked(blob, value.removesuffix(".example")) == [], value
