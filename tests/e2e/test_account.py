"""A page with no vendor marker at all: personal data the server rendered as text, a link and
an image, fields that say little about themselves (a label beside the field, a placeholder, an
editable region with an aria-label); then a second page of the same session (the recorder's ids
start again there)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from leaks import strings

from .conftest import Recording, ingest_url
from .test_recorder import SITE, Planted, Recorded, check_kept, check_leaks, keep

pytestmark = pytest.mark.e2e

SHOWN = [
    Planted(None, "Femke Jansen", "name rendered by the server in a greeting and an alt text"),
    Planted(None, "48213377", "customer number in span#customer-number"),
    Planted(None, "femke.jansen@mail.example", "e-mail in a mailto: link and its text"),
]
TYPED = [
    Planted("#a1", "Piet Pietersen", 'field after a sibling <label>Contactpersoon</label>'),
    Planted("#a2", "NL91ABNA0417164300", "IBAN in a field with only a placeholder"),
    Planted("#msg", "06 1122 3344", "phone number typed into a contenteditable region"),
    Planted("#newsletter", "femke.nieuws@mail.example", "e-mail typed on the second page"),
]


@pytest.fixture(scope="module")
def account(browser: Any, redactor_serve: Any, pages: Any, admin: Any) -> Recorded:
    admin.put_site(SITE, allowed_origins=[pages.origin])
    session = f"account-{uuid.uuid4()}"
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    try:
        page = context.new_page()
        recording = Recording(page, ingest_url(redactor_serve, SITE, session)).open(f"{pages.origin}/account.html")
        for item in TYPED[:3]:
            recording.type(item.selector, item.value if item.selector != "#msg" else f"Mijn nummer is {item.value}, groet")
        recording.type("#search", "fietsbel")
        recording.snapshot()  # the values typed last are settled there
        sent = recording.finish()
        page.click("#next")  # the same session goes on, on another page
        page.wait_for_function("window.__recorder && window.__recorder.started")
        recording.type("#newsletter", TYPED[3].value)
        sent += recording.finish()
    finally:
        context.close()
    stored = keep(admin.events(SITE, session), "account")
    remarks = next(s for s in admin.sessions(SITE) if s["session"] == session)["remarks"]
    return Recorded(session, sent, stored, remarks)


def test_a_page_without_markers_leaks_nothing(account: Recorded):
    check_leaks(account, [*SHOWN, *TYPED])


def test_a_page_without_markers_keeps_its_words(account: Recorded):
    check_kept(account, ["Welkom terug", "fietsbel", "Bedankt voor uw bericht", "Tot ziens in de winkel."])
    assert sum(1 for text in strings(account.stored) if text.startswith("http://") and "thanks.html" in text)
