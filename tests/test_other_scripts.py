"""Words in a script none of the site's languages writes (en, fr, nl, de: Latin letters), in the free-form payloads
that are not the page's DOM: masked there, failing closed, since no detector here reads those scripts (held-out peers
round 18: a broker's name in Ge'ez letters that only the server knew, logged by the page, reached Sentry's console
breadcrumb and a log attribute raw). The page's own words in those scripts (a language menu) stay readable.

Each payload kind the SDKs send: an rrweb console line and a custom event (a native batch), a PostHog event's
properties, a Sentry error event's message, tags, extra, contexts and console breadcrumb, a Sentry log's attributes.
"""

from __future__ import annotations

import json

import pytest

from factories import add, custom, element, html_page, meta, mutation, snapshot, text
from in_process import Session
from peer_factories import analytics_event, capture_batch, posthog_body, unframe
from redactor.dom import DomMirror
from redactor.formats import posthog, sentry
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.pii.settings import SUPPORTED_LANGUAGES
from redactor.plugins import redact_events
from redactor.policy import Policy, validate_site_config

LIMIT = 1 << 24
#: made-up people, one per script, each with the Latin words the payload writes around them
NAMES = {
    "arabic": "سليمة بنعلي",
    # given names no list here holds: a given name the lists know ("Богдана") is read by given_name_surname already
    "cyrillic": "Ждан Щукарь",
    "greek": "Φωκίων Ζαχαρούδης",
    "hebrew": "נחמה גולדפרב",
    "geez": "ሰላማዊት ወልደሚካኤል",
    "cjk": "欧阳娜娜",
}
AROUND = "Introduced by {} (agent 7)"
scripts = pytest.mark.parametrize("name", list(NAMES.values()), ids=list(NAMES))


@pytest.fixture(scope="module")
def detector():
    pool = DetectorPool(workers=0, ner=True)
    yield pool
    pool.close()


def in_text(name: str) -> str:
    return AROUND.format(name)


def assert_masked(out: str, name: str) -> None:
    """No word of the name is left, and the Latin words around it are."""
    for word in name.split():
        assert word not in out, word
    assert "Introduced by " in out and " (agent 7)" in out, out


def console_line(line: str) -> dict:
    return {"type": 6, "data": {"plugin": "rrweb/console@1",
                                "payload": {"level": "warn", "payload": [json.dumps(line)], "trace": []}},
            "timestamp": 1}


async def redacted_groups(detector: DetectorPool, body) -> bytes:
    """A peer's body decoded, each group through the redaction pass with its own session, encoded back."""
    policy, masker = Policy.compile("test", validate_site_config({})), Masker("*", b"secret")
    for group in body.groups:
        redaction = await redact_events(group.events, policy, DomMirror(), masker,
                                        lambda texts, language: detector.analyze(texts, language,
                                                                                 settings=policy.config.pii),
                                        meta=group.meta)
        group.kept = redaction.events
    return body.encode()


def test_the_site_languages_all_write_latin_letters():
    """The rule masks every letter outside Latin in a payload because every site language writes in Latin: a site
    language written in another script (Greek, Russian) would make its own words in payloads masked, and needs
    this rule to learn the site's scripts first."""
    assert set(SUPPORTED_LANGUAGES) <= {"en", "fr", "nl", "de"}


@scripts
def test_a_name_in_another_script_in_a_console_line_and_a_custom_event_is_masked(detector, name):
    s = Session(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Onboarding")]))),
           console_line(in_text(name)), custom("kyc", {"note": in_text(name), "native": name}))
    out = json.dumps(s.stored, ensure_ascii=False)
    assert_masked(out, name)


@scripts
async def test_a_name_in_another_script_in_posthog_properties_is_masked(detector, name):
    event = analytics_event("kyc_submitted", screening=in_text(name), introducer_native=name,
                            **{name: "key"})  # a property whose key is the name
    out = unframe(await redacted_groups(detector, posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))
    assert_masked(json.dumps(out, ensure_ascii=False), name)
    assert out["batch"][0]["properties"]["$lib"] == "web"


def sentry_event(name: str) -> dict:
    return {"event_id": "9" * 32, "timestamp": 1764626402.25, "platform": "javascript", "level": "info",
            "message": in_text(name), "tags": {"channel": in_text(name)}, "extra": {"screening": in_text(name)},
            "contexts": {"kyc": {"native": name, "line": in_text(name)}},
            "breadcrumbs": [{"timestamp": 1764626401.5, "category": "console", "level": "warning",
                             "message": in_text(name), "data": {"arguments": [in_text(name), {"native": name}]}}],
            "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"}}


@scripts
async def test_a_name_in_another_script_in_a_sentry_event_is_masked(detector, name):
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}',
                      json.dumps(sentry_event(name), ensure_ascii=False).encode()])
    out = (await redacted_groups(detector, sentry.decode(raw, {}, {}, LIMIT))).decode()
    assert_masked(out, name)
    sent = json.loads(out.split("\n")[2])
    assert sent["sdk"] == {"name": "sentry.javascript.browser", "version": "11.12.0"}


@scripts
async def test_a_name_in_another_script_in_a_sentry_log_attribute_is_masked(detector, name):
    log = {"items": [{"timestamp": 1796210235.63, "level": "info", "trace_id": "ab" * 16, "body": in_text(name),
                      "attributes": {"introducer_native": {"value": name, "type": "string"},
                                     "screening": {"value": in_text(name), "type": "string"}}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}',
                      b'{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}',
                      json.dumps(log, ensure_ascii=False).encode()])
    out = (await redacted_groups(detector, sentry.decode(raw, {}, {}, LIMIT))).decode()
    assert_masked(out, name)


def test_a_name_of_two_letters_and_a_key_in_another_script_are_masked(detector):
    """Too short for the detectors ("王伟", fewer than three characters) yet a whole name in Chinese letters; and a
    key of two Cyrillic letters."""
    s = Session(detector)
    s.send(meta(), snapshot(html_page(element("p", {}, [text("Onboarding")]))),
           custom("kyc", {"native": "王伟", "Юн": "agent"}))
    out = json.dumps(s.stored, ensure_ascii=False)
    assert "王伟" not in out and "Юн" not in out
    assert '"agent"' in out


def test_the_page_s_own_language_menu_stays_readable_when_a_payload_holds_its_words(detector):
    """The control: the site's own words in other scripts, in its DOM (a language menu), stay readable in the
    recording, before and after a payload that holds the same words masked them there: a payload's masking is in
    place, never remembered for the session."""
    languages = ("العربية", "Ελληνικά", "Русский", "עברית", "ትግርኛ", "日本語")
    menu = element("nav", {}, [element("a", {"href": f"#{i}"}, [text(word)]) for i, word in enumerate(languages)],
                   id=20)
    s = Session(detector)
    s.send(meta(), snapshot(html_page(menu)))
    s.send(console_line(f"language menu: {' '.join(languages)}"), custom("language", {"picked": "Русский"}))
    s.send(mutation(adds=[add(20, element("a", {"href": "#later"}, [text(word)])) for word in languages]))
    snapshot_and_later = json.dumps([s.stored[1], s.stored[-1]], ensure_ascii=False)
    logged = json.dumps(s.stored[2:4], ensure_ascii=False)
    for word in languages:
        assert snapshot_and_later.count(word) == 2, word
        assert word not in logged, word
