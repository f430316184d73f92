"""The real rrweb recorder in headless Chromium, recording our own pages, posting its batches
cross-origin to `redactor serve`: what is stored must hold no planted value — neither whole nor
as a half-typed prefix — while the values that are not personal (a promo code, a search term)
are kept, so that the recording stays useful.

Each planted value is also looked for in what the browser sent (`raw`): a value that was never
sent proves nothing about the proxy.
"""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
import pytest

from leaks import leaks, strings

from .conftest import OUTPUT, Admin, PageServer, Recording, ingest_url

pytestmark = pytest.mark.e2e

SITE = "e2e-shop"


@dataclass(frozen=True)
class Planted:
    selector: str | None  # the field it is typed into (None: planted some other way)
    value: str
    what: str  # the case it stands for, in failure messages
    raw: bool = True  # whether the browser itself sends it (rrweb drops rr-block, masks passwords)


def where(events: list[dict[str, Any]], value: str) -> list[str]:
    """Which stored events hold a leaking value: "type/source: the string"."""
    found = []
    for index, event in enumerate(events):
        hits = leaks([event], value)
        if hits:
            source = (event.get("data") or {}).get("source") if isinstance(event.get("data"), dict) else None
            found.append(f"event #{index} type={event.get('type')} source={source}: {hits[0][:120]!r}")
    return found


def check_leaks(recorded: Recorded, planted: list[Planted]) -> None:
    problems = []
    for item in planted:
        if item.raw and not leaks(recorded.sent, item.value):
            problems.append(f"{item.what}: {item.value!r} was never sent by the browser (the test is broken)")
        for place in where(recorded.stored, item.value):
            problems.append(f"LEAK {item.what}: {item.value!r} in {place}")
    assert not problems, "\n".join(problems)


def check_kept(recorded: Recorded, kept: list[str]) -> None:
    """Values that are not personal stay readable (else the recording is useless)."""
    stored_text = list(strings(recorded.stored))
    problems = []
    for value in kept:
        assert any(value in text for text in strings(recorded.sent)), f"{value!r} was never sent (test broken)"
        if not any(value in text for text in stored_text):
            problems.append(f"MASKED {value!r} is not in the store, although it is not personal data")
    assert not problems, "\n".join(problems)


def keep(stored: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Saves the stored (redacted) events under tests/output/ (a CI artifact, for a failure's
    post-mortem; what the browser sent is never saved)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"e2e-{name}-stored.json").write_bytes(orjson.dumps(stored, option=orjson.OPT_INDENT_2))
    return stored


def assert_replayable(stored: list[dict[str, Any]]) -> None:
    types = {event.get("type") for event in stored}
    assert {2, 3, 4} <= types, f"a replay needs Meta, FullSnapshot and incremental events; stored types: {types}"
    inputs = [e for e in stored if e.get("type") == 3 and e["data"].get("source") == 5]
    assert len(inputs) > 20, f"expected one Input event per keystroke, {len(inputs)} stored"


@pytest.fixture(scope="module")
def site(admin: Admin, pages: PageServer) -> str:
    admin.put_site(SITE, allowed_origins=[pages.origin])
    return SITE


@dataclass
class Recorded:
    session: str
    sent: list[dict[str, Any]]  # what the browser sent (never saved)
    stored: list[dict[str, Any]]  # what redactor stored, read back through the admin API
    remarks: dict[str, int]


@pytest.fixture(scope="module")
def record(browser: Any, redactor_serve: Any, pages: PageServer, admin: Admin, site: str):
    """Records one page in a fresh browser context: `script(recording, page)` types into it."""

    def run(path: str, name: str, script: Any) -> Recorded:
        # a UUID, as scripts make them: a token of digits only can read as a phone number and be listed under its
        # pseudonym (redactor/session_ids.py), where the session list below would not find it
        session = f"{name}-{uuid.uuid4()}"
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        try:
            page = context.new_page()
            recording = Recording(page, ingest_url(redactor_serve, site, session)).open(f"{pages.origin}/{path}")
            script(recording, page)
            sent = recording.finish()
        finally:
            context.close()
        stored = keep(admin.events(site, session), name)
        remarks = next(s for s in admin.sessions(site) if s["session"] == session)["remarks"]
        return Recorded(session, sent, stored, remarks)

    return run


# -- 1. every marker kind ---------------------------------------------------------------------------
MARKED = [
    Planted("#m-rr-block", "Marijke Jansen-Oost", "input inside class=rr-block", raw=False),
    Planted("#m-rr-mask", "Pieter Bakker", "input with class=rr-mask"),
    Planted("#m-sentry-mask", "pieter.bakker@mail.example", "input with class=sentry-mask"),
    Planted("#m-hj-suppress", "Keizersgracht 112", "input with data-hj-suppress"),
    Planted("#m-fs-exclude", "NL91ABNA0417164300", "input inside class=fs-exclude"),
    Planted("#m-ph-no-capture", "Annelies Vermeulen", "input inside class=ph-no-capture"),
    Planted("#m-data-private", "+31 6 1234 5678", "input with data-private"),
    Planted("#m-clarity-mask", "hr@werkgever.example", "input with data-clarity-mask"),
    Planted("#m-data-sensitive", "Allergic to penicillin", "input with data-sensitive"),
    Planted("#m-recording-ignore", "Claire Dubois", 'input with data-recording-ignore="mask"'),
    Planted("#m-cc-number", "4111 1111 1111 1111", "input autocomplete=cc-number"),
    Planted("#m-cc-csc", "737", "input autocomplete=cc-csc"),
]
PASSWORD = Planted("#m-password", "Tulpen!Geheim2024", "type=password, then shown as text by a toggle", raw=False)
MARKED_KEPT = ["ZOMERDEAL25", "fietsbel"]


@pytest.fixture(scope="module")
def markers(record) -> Recorded:
    def script(recording: Recording, page: Any) -> None:
        for item in MARKED:
            recording.type(item.selector, item.value)
        # the "show password" toggle: half typed hidden, the rest typed while shown as text
        recording.type(PASSWORD.selector, PASSWORD.value[:8])
        page.click("#show-password")
        assert page.get_attribute(PASSWORD.selector, "type") == "text"
        recording.type(PASSWORD.selector, PASSWORD.value[8:])
        recording.type("#promo", "ZOMERDEAL25")
        recording.type("#search", "fietsbel")
        recording.snapshot()  # the values typed last are settled there

    return record("markers.html", "markers", script)


def test_every_marker_kind_leaks_nothing(markers: Recorded):
    assert_replayable(markers.stored)
    check_leaks(markers, [*MARKED, PASSWORD])
    # the toggle reached the proxy as an attribute mutation type=text (rrweb 2.2.2 itself keeps
    # masking the field after it, by its data-rr-is-password flag; the proxy's flag is sticky too)
    assert any(change.get("attributes", {}).get("type") == "text"
               for event in markers.sent if event.get("type") == 3 and event["data"].get("source") == 0
               for change in event["data"].get("attributes", [])), "the show-password toggle was not recorded"


def test_every_marker_kind_leaves_remarks_not_values(markers: Recorded):
    rules = {key.split("|")[0] for key in markers.remarks}
    for rule in ("rrweb.block", "rrweb.mask", "sentry.mask", "hotjar.suppress", "fullstory.exclude",
                 "posthog.no-capture", "logrocket.private", "clarity.mask", "generic.sensitive", "smartsupp.mask",
                 "html.password", "autocomplete.card"):
        assert rule in rules, f"no remark of rule {rule}: {sorted(rules)}"
    for item in [*MARKED, PASSWORD]:
        assert not any(item.value[:5] in key for key in markers.remarks), f"a remark carries {item.what}"


def test_marker_page_keeps_what_is_not_personal(markers: Recorded):
    check_kept(markers, MARKED_KEPT)


# -- 2. fields known by their meaning, and free text -------------------------------------------------
MEANT = [
    Planted("#f1", "sanne.devries@mail.example", 'field labelled "E-mail" (label for=)'),
    Planted("#f2", "06 4129 8765", 'field name="telefoon"'),
    Planted("#f3", "Sanne de Vries", "field autocomplete=name"),
    Planted("#f4", "NL20INGB0001234567", 'field labelled "IBAN" (wrapping label)'),
    Planted("#f5", "14-03-1987", 'field name="geboortedatum"'),
    Planted("#f6", "Prinsengracht 263", "field autocomplete=street-address"),
    Planted("#f7", "Quirijntje", 'field aria-labelledby a <span>Vorname</span>'),
]
#: a date picker sends its value whole (as a person picking a date)
PICKED = [Planted("#f8", "1991-11-23", 'type=date field aria-describedby a <small>Geburtsdatum</small>')]
COMMENT = "Please call me back on +31 6 2345 6789 before Friday. Regards, Jeroen Smit"
IN_COMMENT = [
    Planted(None, "+31 6 2345 6789", "phone number inside a textarea comment"),
    Planted(None, "Jeroen Smit", "person name inside a textarea comment"),
]
MEANT_KEPT = ["Please call me back on", "before Friday", "fietsbel"]


@pytest.fixture(scope="module")
def meaning(record) -> Recorded:
    def script(recording: Recording, page: Any) -> None:
        for item in MEANT:
            recording.type(item.selector, item.value)
        for item in PICKED:
            page.fill(item.selector, item.value)
        recording.type("#comment", COMMENT)
        recording.type("#search", "fietsbel")
        recording.snapshot()  # the values typed last are settled there

    return record("meaning.html", "meaning", script)


def test_fields_known_by_meaning_and_free_text_leak_nothing(meaning: Recorded):
    assert_replayable(meaning.stored)
    check_leaks(meaning, [*MEANT, *PICKED, *IN_COMMENT])


def test_meaning_page_keeps_what_is_not_personal(meaning: Recorded):
    check_kept(meaning, MEANT_KEPT)


# -- 3. a form built after load, a page that echoes, an e-mail in the URL ---------------------------
BUILT = [
    Planted("#d-name", "Lotte Hendriks", 'field labelled "Your name", added by script after load'),
    Planted("#d-email", "lotte.h@mail.example", 'field labelled "Email address", added by script after load'),
    Planted("#d-phone", "06 9876 5432", "field inside data-hj-suppress, added by script after load"),
]
IN_URL = Planted(None, "someone@x.example", "e-mail in the page URL (?ref=)")


@pytest.fixture(scope="module")
def dynamic(record) -> Recorded:
    def script(recording: Recording, page: Any) -> None:
        page.wait_for_selector("#signup")
        for item in BUILT:
            recording.type(item.selector, item.value)
        recording.type("#d-promo", "WELKOM10")
        page.click("#d-submit")
        page.wait_for_function("document.getElementById('thanks').textContent.startsWith('Thank you')")
        recording.snapshot()  # the promo code, typed last in its field, is settled there

    return record(f"dynamic.html?ref={IN_URL.value}", "dynamic", script)


def test_form_built_after_load_echo_and_url_leak_nothing(dynamic: Recorded):
    assert_replayable(dynamic.stored)
    # the echo "Thank you, Lotte Hendriks! We will write to …" was sent as text: the proxy must
    # mask the name and the address there too
    assert any("Thank you, Lotte Hendriks" in text for text in strings(dynamic.sent))
    check_leaks(dynamic, [*BUILT, IN_URL])


def test_dynamic_page_keeps_what_is_not_personal(dynamic: Recorded):
    check_kept(dynamic, ["WELKOM10", "Thank you, "])


def test_cors_is_limited_to_the_site_origins(redactor_serve, pages, site):
    """The browser sessions above prove the allowed origin works; another origin is refused."""
    url = ingest_url(redactor_serve, site, "cors-probe")
    for origin, allowed in ((pages.origin, True), ("http://127.0.0.1:1", False)):
        request = urllib.request.Request(url, method="OPTIONS", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                status, headers = answer.status, answer.headers
        except urllib.error.HTTPError as error:
            status, headers = error.code, error.headers
        if allowed:
            assert status == 204 and headers["Access-Control-Allow-Origin"] == origin
        else:
            assert status == 403 and "Access-Control-Allow-Origin" not in headers
